//! Identifiers: small newtypes over strings, each checked when parsed.
//!
//! Every entity in a dataset is named by a lowercase kebab-case id (`expedited-preservation`,
//! `eff-2024-07-electronic-data`). The newtypes keep the kinds apart at compile time, so a
//! safeguard id cannot be passed where a power id is expected.

use std::fmt;
use std::str::FromStr;

/// The pattern every entity id matches, shared by the parser and the JSON Schemas.
pub const ID_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// Longest accepted id, so that ids stay readable in tables and URLs.
pub const ID_MAX_LEN: usize = 80;

/// Why a string is not a valid identifier.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct IdError {
    /// The rejected text.
    pub input: String,
    /// What kind of id was expected (for the message).
    pub expected: &'static str,
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a valid {}: expected lowercase letters, digits and single hyphens \
             (kebab-case, at most {} characters), such as `expedited-preservation`",
            self.input, self.expected, ID_MAX_LEN
        )
    }
}

impl std::error::Error for IdError {}

/// Checks `s` against [`ID_PATTERN`] without a regex engine.
pub fn is_valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= ID_MAX_LEN
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(String);

        impl $name {
            /// Checks and wraps an id.
            pub fn new(s: impl Into<String>) -> Result<Self, IdError> {
                let s = s.into();
                if is_valid_id(&s) {
                    Ok(Self(s))
                } else {
                    Err(IdError { input: s, expected: $what })
                }
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl FromStr for $name {
            type Err = IdError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::new(s)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                Self::new(s.into_owned()).map_err(serde::de::Error::custom)
            }
        }

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "pattern": ID_PATTERN,
                    "maxLength": ID_MAX_LEN,
                    "description": concat!("Identifier of a ", $what, ": lowercase kebab-case.")
                })
            }
        }
    };
}

id_type!(
    /// Identifies a text version of the convention (`zero-draft`, `updated-draft-2024-05`, `final`).
    TextVersionId,
    "text version"
);
id_type!(
    /// Identifies an instrument (`un-cybercrime-convention`, `budapest-convention`).
    InstrumentId,
    "instrument"
);
id_type!(
    /// Identifies a defined term of Article 2.
    DefinitionId,
    "definition"
);
id_type!(
    /// Identifies a data category (`electronic-data`, `traffic-data`).
    DataCategoryId,
    "data category"
);
id_type!(
    /// Identifies a sensitivity category the treaty does not define (`biometric`, `location`).
    SensitivityId,
    "sensitivity category"
);
id_type!(
    /// Identifies a safeguard of the taxonomy (`prior-judicial-authorisation`).
    SafeguardId,
    "safeguard"
);
id_type!(
    /// Identifies an investigative or cooperation power (`production-order-electronic-data`).
    PowerId,
    "power"
);
id_type!(
    /// Identifies an offence of Chapter II (`illegal-access`).
    OffenceId,
    "offence"
);
id_type!(
    /// Identifies an analysis of the convention (`eff-2024-07-electronic-data`).
    AnalysisId,
    "analysis"
);
id_type!(
    /// Identifies a concern within an analysis; unique within that analysis.
    ConcernId,
    "concern"
);
id_type!(
    /// Identifies a source that facts cite (`eff-2024-07-electronic-data`, `untc-xviii-16`).
    SourceId,
    "source"
);

impl TextVersionId {
    /// `final`: the id of the adopted text, the version unqualified references default to.
    pub fn final_text() -> Self {
        Self("final".to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_kebab_case() {
        assert!(PowerId::new("production-order-27-a").is_ok());
        assert!(SourceId::new("eff-2024-07-electronic-data").is_ok());
    }

    #[test]
    fn rejects_everything_else_with_a_useful_message() {
        for bad in [
            "",
            "Upper",
            "two--hyphens",
            "-lead",
            "trail-",
            "snake_case",
            "sp ace",
        ] {
            assert!(PowerId::new(bad).is_err(), "{bad:?} accepted");
        }
        let err = PowerId::new("Bad_Id").unwrap_err().to_string();
        assert_eq!(
            err,
            "`Bad_Id` is not a valid power: expected lowercase letters, digits and single \
             hyphens (kebab-case, at most 80 characters), such as `expedited-preservation`"
        );
    }

    #[test]
    fn rejects_overlong_ids() {
        assert!(SourceId::new("a".repeat(ID_MAX_LEN)).is_ok());
        assert!(SourceId::new("a".repeat(ID_MAX_LEN + 1)).is_err());
    }
}
