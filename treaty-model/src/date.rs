//! ISO 8601 calendar dates, full and partial.
//!
//! Sources often give only a month ("the zero draft, June 2023"). Recording such a fact as
//! `2023-06-01` would invent a day, so partial dates are a distinct type: [`PartialDate`].
//! Fields that need a day (a deposit date used to compute entry into force) take [`Date`].

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

/// A full calendar date (`YYYY-MM-DD`), checked for the month's length and leap years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// A date known to the year, the month or the day (`2023`, `2023-06`, `2023-06-14`).
///
/// Built by parsing, from a [`Date`], or with [`PartialDate::in_year`] and
/// [`PartialDate::in_month`], which check what they are given, so that its earliest and latest
/// days are real dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate(Known);

/// What is known of a partial date; private, so that only checked values are built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Known {
    /// Only the year.
    Year(u16),
    /// The year and month.
    Month(u16, u8),
    /// The full date.
    Day(Date),
}

/// The last year a date can have: its text form has four digits.
const LAST_YEAR: u16 = 9999;

/// Why a string is not a valid date.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DateError {
    /// The rejected text.
    pub input: String,
    /// What was expected.
    pub expected: &'static str,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not {}", self.input, self.expected)
    }
}

impl std::error::Error for DateError {}

const FULL: &str = "a valid ISO 8601 calendar date (YYYY-MM-DD, such as 2024-12-24)";
const PARTIAL: &str = "a valid ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD, such as 2023-06)";

/// Pattern of [`Date`] in the JSON Schemas (the day-of-month check happens in the typed step).
pub const DATE_PATTERN: &str = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";
/// Pattern of [`PartialDate`] in the JSON Schemas.
pub const PARTIAL_DATE_PATTERN: &str = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn digits<T: FromStr>(s: &str, len: usize) -> Option<T> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

impl Date {
    /// A checked date; `None` when the month or day does not exist, or the year is past 9999
    /// (the text form has four digits).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        (year <= LAST_YEAR
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month))
        .then_some(Self { year, month, day })
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1-12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1-31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (proleptic Gregorian calendar).
    fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil: exact for every Gregorian date, no tables.
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_days(z: i64) -> Option<Self> {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        Self::new(
            u16::try_from(y).ok()?,
            u8::try_from(m).ok()?,
            u8::try_from(d).ok()?,
        )
    }

    /// The date `days` days later; `None` past year 9999.
    pub fn add_days(self, days: u32) -> Option<Self> {
        Self::from_days(self.to_days() + i64::from(days))
    }
}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || DateError {
            input: s.to_owned(),
            expected: FULL,
        };
        let mut parts = s.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(err());
        };
        let (Some(y), Some(m), Some(d)) = (digits(y, 4), digits(m, 2), digits(d, 2)) else {
            return Err(err());
        };
        Self::new(y, m, d).ok_or_else(err)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl PartialDate {
    /// A date known only to the year; `None` past 9999.
    pub fn in_year(year: u16) -> Option<Self> {
        (year <= LAST_YEAR).then_some(Self(Known::Year(year)))
    }

    /// A date known to the month; `None` for a month outside 1-12 or a year past 9999.
    pub fn in_month(year: u16, month: u8) -> Option<Self> {
        (year <= LAST_YEAR && (1..=12).contains(&month)).then_some(Self(Known::Month(year, month)))
    }

    /// The earliest full date this partial date can stand for (used to order events).
    pub fn earliest(self) -> Date {
        match self.0 {
            Known::Year(y) => Date {
                year: y,
                month: 1,
                day: 1,
            },
            Known::Month(y, m) => Date {
                year: y,
                month: m,
                day: 1,
            },
            Known::Day(d) => d,
        }
    }

    /// The latest full date this partial date can stand for.
    pub fn latest(self) -> Date {
        match self.0 {
            Known::Year(y) => Date {
                year: y,
                month: 12,
                day: 31,
            },
            Known::Month(y, m) => Date {
                year: y,
                month: m,
                day: days_in_month(y, m),
            },
            Known::Day(d) => d,
        }
    }

    /// The full date, when the day is known.
    pub fn full(self) -> Option<Date> {
        match self.0 {
            Known::Day(d) => Some(d),
            _ => None,
        }
    }

    /// Certain order between two partial dates: `Some(Less)` only when every date `self`
    /// may stand for is before every date `other` may stand for. `None` when they overlap.
    pub fn certain_cmp(self, other: Self) -> Option<Ordering> {
        if self.latest() < other.earliest() {
            Some(Ordering::Less)
        } else if self.earliest() > other.latest() {
            Some(Ordering::Greater)
        } else if self == other && self.full().is_some() {
            Some(Ordering::Equal)
        } else {
            None
        }
    }
}

impl From<Date> for PartialDate {
    fn from(d: Date) -> Self {
        Self(Known::Day(d))
    }
}

impl FromStr for PartialDate {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || DateError {
            input: s.to_owned(),
            expected: PARTIAL,
        };
        let parts: Vec<&str> = s.splitn(4, '-').collect();
        match parts.as_slice() {
            [y] => digits(y, 4).and_then(Self::in_year).ok_or_else(err),
            [y, m] => match (digits(y, 4), digits::<u8>(m, 2)) {
                (Some(y), Some(m)) => Self::in_month(y, m).ok_or_else(err),
                _ => Err(err()),
            },
            [_, _, _] => s.parse::<Date>().map(Self::from).map_err(|_| err()),
            _ => Err(err()),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Known::Year(y) => write!(f, "{y:04}"),
            Known::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Known::Day(d) => d.fmt(f),
        }
    }
}

macro_rules! string_serde {
    ($ty:ty, $name:literal, $pattern:expr, $desc:literal) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $ty {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                $name.into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "pattern": $pattern,
                    "description": $desc
                })
            }
        }
    };
}
pub(crate) use string_serde;

string_serde!(
    Date,
    "Date",
    DATE_PATTERN,
    "ISO 8601 calendar date, YYYY-MM-DD."
);
string_serde!(
    PartialDate,
    "PartialDate",
    PARTIAL_DATE_PATTERN,
    "ISO 8601 date to the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD."
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_dates_check_month_length_and_leap_years() {
        assert!("2024-02-29".parse::<Date>().is_ok());
        assert!("2023-02-29".parse::<Date>().is_err());
        assert!("2024-04-31".parse::<Date>().is_err());
        assert!("2024-4-01".parse::<Date>().is_err());
        assert_eq!(
            "2024-13-01".parse::<Date>().unwrap_err().to_string(),
            "`2024-13-01` is not a valid ISO 8601 calendar date (YYYY-MM-DD, such as 2024-12-24)"
        );
    }

    #[test]
    fn partial_dates_keep_their_precision() {
        assert_eq!(
            "2023-06".parse::<PartialDate>(),
            Ok(PartialDate::in_month(2023, 6).unwrap())
        );
        assert_eq!(
            "2024".parse::<PartialDate>(),
            Ok(PartialDate::in_year(2024).unwrap())
        );
        assert_eq!(
            "2024-12-24".parse::<PartialDate>().unwrap().to_string(),
            "2024-12-24"
        );
        assert!("2023-6".parse::<PartialDate>().is_err());
        assert!("2023-06-31".parse::<PartialDate>().is_err());
    }

    #[test]
    fn only_real_dates_are_built_and_every_one_reads_back() {
        assert_eq!(PartialDate::in_month(2024, 13), None);
        assert_eq!(PartialDate::in_month(2024, 0), None);
        assert_eq!(PartialDate::in_year(10_000), None);
        assert_eq!(Date::new(10_000, 1, 1), None);
        let last = Date::new(9999, 12, 31).unwrap();
        assert_eq!(last.add_days(1), None);
        assert_eq!(last.to_string().parse::<Date>(), Ok(last));
        let month = PartialDate::in_month(2024, 2).unwrap();
        assert_eq!(month.latest().to_string(), "2024-02-29");
        assert_eq!(month.to_string().parse::<PartialDate>(), Ok(month));
    }

    #[test]
    fn adding_days_crosses_months_and_years() {
        let d: Date = "2026-11-15".parse().unwrap();
        assert_eq!(d.add_days(90).unwrap().to_string(), "2027-02-13");
        let leap: Date = "2024-02-28".parse().unwrap();
        assert_eq!(leap.add_days(1).unwrap().to_string(), "2024-02-29");
        assert_eq!(leap.add_days(366).unwrap().to_string(), "2025-02-28");
    }

    #[test]
    fn partial_order_is_only_certain_when_ranges_do_not_overlap() {
        let june = PartialDate::in_month(2023, 6).unwrap();
        let day: PartialDate = "2023-06-14".parse().unwrap();
        let later: PartialDate = "2023-07-01".parse().unwrap();
        assert_eq!(june.certain_cmp(day), None);
        assert_eq!(june.certain_cmp(later), Some(Ordering::Less));
        assert_eq!(later.certain_cmp(june), Some(Ordering::Greater));
    }
}
