//! YAML 1.2 core schema resolution of plain scalars.
//!
//! The event parser only reports text and style, so typing is done here. Only the core schema's
//! forms become non-strings; everything else, including YAML 1.1 spellings, stays a string, and
//! the 1.1 spellings that other tools would read differently are flagged.

use serde_json::{Number, Value};

/// What a plain scalar means, plus anything worth telling the author.
#[derive(Debug, PartialEq)]
pub(super) enum Resolved {
    /// The text itself, as a string.
    String,
    /// A typed value.
    Value(Value),
    /// The text as a string, although YAML 1.1 tools read it as a boolean.
    Yaml11Boolean,
    /// The text as a string, although YAML 1.1 tools read it as a date or timestamp.
    Yaml11Date,
    /// A decimal integer written with a leading zero; `octal` is its YAML 1.1 reading if any.
    LeadingZero(Value, Option<u64>),
    /// A number in another notation than plain digits, named: `9e1` (exponent), `0o132`
    /// (octal), `0x5A` (hexadecimal). YAML 1.1 tools read the first two as text, and a reader
    /// of the file does not see 90 in any of them.
    Notation(Value, &'static str),
    /// Infinity, NaN, or a number too large for a double.
    NonFinite,
}

/// Resolve the text of a plain scalar; strings are left to the caller, who owns the text.
pub(super) fn resolve_plain(text: &str) -> Resolved {
    let bytes = text.as_bytes();
    let Some(&first) = bytes.first() else {
        return Resolved::Value(Value::Null);
    };
    match first {
        b'n' | b'N' if matches!(text, "null" | "Null" | "NULL") => Resolved::Value(Value::Null),
        b'~' if bytes.len() == 1 => Resolved::Value(Value::Null),
        b't' | b'T' if matches!(text, "true" | "True" | "TRUE") => {
            Resolved::Value(Value::Bool(true))
        }
        b'f' | b'F' if matches!(text, "false" | "False" | "FALSE") => {
            Resolved::Value(Value::Bool(false))
        }
        b'y' | b'Y' | b'n' | b'N' | b'o' | b'O' if is_yaml11_boolean(text) => {
            Resolved::Yaml11Boolean
        }
        b'0'..=b'9' if is_yaml11_timestamp(bytes) => Resolved::Yaml11Date,
        b'0'..=b'9' | b'+' | b'-' | b'.' => resolve_number(text).unwrap_or(Resolved::String),
        _ => Resolved::String,
    }
}

/// The plain spellings YAML 1.1 reads as booleans but 1.2 reads as strings (any case).
pub(crate) fn is_yaml11_boolean(text: &str) -> bool {
    ["y", "n", "yes", "no", "on", "off"]
        .iter()
        .any(|word| text.eq_ignore_ascii_case(word))
}

/// Whether YAML 1.1's implicit timestamp type matches: `2024-07-09`, or a date with one- or
/// two-digit month and day followed by a time (`2024-7-9T10:00:00`). PyYAML's `safe_load`
/// turns these into date objects, which JSON Schema validators then reject as not strings.
fn is_yaml11_timestamp(bytes: &[u8]) -> bool {
    let digits = |b: &[u8]| b.iter().take_while(|c| c.is_ascii_digit()).count();
    let year = digits(bytes);
    if year != 4 || bytes.get(4) != Some(&b'-') {
        return false;
    }
    let month = digits(&bytes[5..]);
    let after_month = 5 + month;
    if !(1..=2).contains(&month) || bytes.get(after_month) != Some(&b'-') {
        return false;
    }
    let day = digits(&bytes[after_month + 1..]);
    let end = after_month + 1 + day;
    if !(1..=2).contains(&day) {
        return false;
    }
    match bytes.get(end) {
        None => month == 2 && day == 2,
        Some(b'T' | b't' | b' ' | b'\t') => bytes.get(end + 1..).is_some_and(|rest| {
            rest.iter()
                .find(|c| **c != b' ' && **c != b'\t')
                .is_some_and(u8::is_ascii_digit)
        }),
        Some(_) => false,
    }
}

fn all_digits(bytes: &[u8], radix: u32) -> bool {
    !bytes.is_empty() && bytes.iter().all(|b| char::from(*b).is_digit(radix))
}

/// Value of digits in `radix` when it overflows `u64`: approximate as a double.
fn big_integer(digits: &str, radix: u32, negative: bool) -> Option<Resolved> {
    let mut acc = 0f64;
    for c in digits.chars() {
        acc = acc * f64::from(radix) + f64::from(c.to_digit(radix)?);
    }
    Some(float(if negative { -acc } else { acc }))
}

fn float(value: f64) -> Resolved {
    Number::from_f64(value).map_or(Resolved::NonFinite, |n| Resolved::Value(Value::Number(n)))
}

fn resolve_number(text: &str) -> Option<Resolved> {
    let (negative, unsigned) = match text.as_bytes().first() {
        Some(b'-') => (true, text.get(1..)?),
        Some(b'+') => (false, text.get(1..)?),
        _ => (false, text),
    };
    let signed = unsigned.len() != text.len();
    if matches!(unsigned, ".inf" | ".Inf" | ".INF") || matches!(text, ".nan" | ".NaN" | ".NAN") {
        return Some(Resolved::NonFinite);
    }
    let ub = unsigned.as_bytes();
    if !signed && let Some(digits) = unsigned.strip_prefix("0o") {
        if !all_digits(digits.as_bytes(), 8) {
            return None;
        }
        return Some(notation(
            match u64::from_str_radix(digits, 8) {
                Ok(n) => Resolved::Value(Value::Number(n.into())),
                Err(_) => big_integer(digits, 8, false)?,
            },
            "octal",
        ));
    }
    if !signed && let Some(digits) = unsigned.strip_prefix("0x") {
        if !all_digits(digits.as_bytes(), 16) {
            return None;
        }
        return Some(notation(
            match u64::from_str_radix(digits, 16) {
                Ok(n) => Resolved::Value(Value::Number(n.into())),
                Err(_) => big_integer(digits, 16, false)?,
            },
            "hexadecimal",
        ));
    }
    if all_digits(ub, 10) {
        let value = if negative {
            text.parse::<i64>()
                .map(|n| Resolved::Value(Value::Number(n.into())))
                .ok()
        } else {
            unsigned
                .parse::<u64>()
                .map(|n| Resolved::Value(Value::Number(n.into())))
                .ok()
        };
        let value = match value {
            Some(v) => v,
            None => big_integer(unsigned, 10, negative)?,
        };
        if ub.len() > 1 && ub.first() == Some(&b'0') {
            if let Resolved::Value(v) = value {
                let octal = if all_digits(ub, 8) {
                    u64::from_str_radix(unsigned, 8).ok()
                } else {
                    None
                };
                return Some(Resolved::LeadingZero(v, octal));
            }
            return Some(value);
        }
        return Some(value);
    }
    if is_core_float(ub) {
        let value = text.parse::<f64>().ok().map(float)?;
        // PyYAML reads `9e1` and `1.5e3` as text (its floats need a dot and a signed
        // exponent), so an exponent is worth a word where digits could say the same: not for
        // 1e92, which JSON and the converter write with an exponent too.
        let plain = matches!(&value, Resolved::Value(v) if !v.to_string().contains('e'));
        if plain && ub.iter().any(|b| matches!(b, b'e' | b'E')) {
            return Some(notation(value, "exponent"));
        }
        return Some(value);
    }
    None
}

/// A typed value flagged as written in `name` notation; anything else (a number too large,
/// which has its own problem) as it is.
fn notation(resolved: Resolved, name: &'static str) -> Resolved {
    match resolved {
        Resolved::Value(v) => Resolved::Notation(v, name),
        other => other,
    }
}

/// `( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`, sign already removed.
fn is_core_float(bytes: &[u8]) -> bool {
    let digits = |from: usize| {
        bytes.get(from..).map_or(0, |rest| {
            rest.iter().take_while(|b| b.is_ascii_digit()).count()
        })
    };
    let mut i = digits(0);
    if bytes.get(i) == Some(&b'.') {
        let frac = digits(i + 1);
        if i == 0 && frac == 0 {
            return false;
        }
        i += 1 + frac;
    } else if i == 0 {
        return false;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        let exp = digits(i);
        if exp == 0 {
            return false;
        }
        i += exp;
    }
    i == bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn value(text: &str) -> Value {
        match resolve_plain(text) {
            Resolved::String | Resolved::Yaml11Boolean | Resolved::Yaml11Date => {
                Value::String(text.to_owned())
            }
            Resolved::Value(v) | Resolved::LeadingZero(v, _) | Resolved::Notation(v, _) => v,
            Resolved::NonFinite => panic!("{text} is non-finite"),
        }
    }

    #[test]
    fn core_schema_table() {
        let table = [
            ("", json!(null)),
            ("~", json!(null)),
            ("null", json!(null)),
            ("Null", json!(null)),
            ("NULL", json!(null)),
            ("nULL", json!("nULL")),
            ("true", json!(true)),
            ("True", json!(true)),
            ("TRUE", json!(true)),
            ("tRUE", json!("tRUE")),
            ("false", json!(false)),
            ("False", json!(false)),
            ("FALSE", json!(false)),
            ("0", json!(0)),
            ("-0", json!(0)),
            ("42", json!(42)),
            ("+42", json!(42)),
            ("-42", json!(-42)),
            ("18446744073709551615", json!(u64::MAX)),
            ("-9223372036854775808", json!(i64::MIN)),
            ("18446744073709551616", json!(18_446_744_073_709_551_616.0)),
            ("0o17", json!(15)),
            ("0x1F", json!(31)),
            ("0x1f", json!(31)),
            ("-0x1F", json!("-0x1F")),
            ("0x", json!("0x")),
            ("0o8", json!("0o8")),
            ("1.5", json!(1.5)),
            ("-1e3", json!(-1000.0)),
            ("1e3", json!(1000.0)),
            (".5", json!(0.5)),
            ("1.", json!(1.0)),
            ("+1.5E+2", json!(150.0)),
            (".", json!(".")),
            ("+", json!("+")),
            ("-", json!("-")),
            ("1e", json!("1e")),
            ("1_000", json!("1_000")),
            ("0b101", json!("0b101")),
            ("1.2.3", json!("1.2.3")),
            ("2024-01-15", json!("2024-01-15")),
            ("hello", json!("hello")),
            (".infinity", json!(".infinity")),
        ];
        for (text, expected) in table {
            assert_eq!(value(text), expected, "resolving {text:?}");
        }
    }

    #[test]
    fn flags() {
        for text in ["2024-07-09", "2024-7-9T10:00:00", "2024-07-09 10:00:00"] {
            assert_eq!(resolve_plain(text), Resolved::Yaml11Date, "{text}");
        }
        for text in ["2024-07", "2024", "2024-7-9", "2024-07-09x", "12024-07-09"] {
            assert_ne!(resolve_plain(text), Resolved::Yaml11Date, "{text}");
        }
        for word in ["yes", "No", "ON", "off", "y", "N", "yEs"] {
            assert_eq!(resolve_plain(word), Resolved::Yaml11Boolean, "{word}");
        }
        assert_eq!(
            resolve_plain("0755"),
            Resolved::LeadingZero(json!(755), Some(493))
        );
        assert_eq!(resolve_plain("089"), Resolved::LeadingZero(json!(89), None));
        assert_eq!(
            resolve_plain("9e1"),
            Resolved::Notation(json!(90.0), "exponent")
        );
        assert_eq!(
            resolve_plain("-1.5E+3"),
            Resolved::Notation(json!(-1500.0), "exponent")
        );
        assert_eq!(
            resolve_plain("0o132"),
            Resolved::Notation(json!(90), "octal")
        );
        assert_eq!(
            resolve_plain("0x5A"),
            Resolved::Notation(json!(90), "hexadecimal")
        );
        assert_eq!(resolve_plain("90.0"), Resolved::Value(json!(90.0)));
        // Digits cannot say it shortly: the converter writes it so too.
        assert_eq!(resolve_plain("-1.5e+92"), Resolved::Value(json!(-1.5e92)));
        for text in [".inf", "-.Inf", "+.INF", ".nan", ".NaN", ".NAN", "1e999"] {
            assert_eq!(resolve_plain(text), Resolved::NonFinite, "{text}");
        }
        assert_eq!(resolve_plain("-.nan"), Resolved::String);
    }
}
