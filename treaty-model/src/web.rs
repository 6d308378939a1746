//! Checked web addresses.

use std::fmt;
use std::str::FromStr;

/// Pattern of [`Url`] in the JSON Schemas.
pub const URL_PATTERN: &str = r"^https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[^\s]*)?$";

/// An absolute `http` or `https` URL with a host, a port (if any) from 1 to 65535, and no
/// whitespace or control characters.
///
/// Only the shape is checked; nothing is fetched (validation never touches the network).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Url(String);

/// Why a text is not an accepted URL.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UrlError {
    /// The rejected text.
    pub input: String,
    problem: Problem,
}

/// What is wrong with a rejected URL, for the message.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Problem {
    /// Not an absolute http(s) URL with a host.
    Shape,
    /// A port no TCP connection can use.
    Port,
    /// A control character, which the schema's pattern lets through (it excludes only
    /// whitespace) but no reader can type or open.
    Control(char),
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A control character written as it is would act on the terminal rather than show.
        let mut shown = String::new();
        for c in self.input.chars() {
            if c.is_control() {
                shown.extend(c.escape_default());
            } else {
                shown.push(c);
            }
        }
        match self.problem {
            Problem::Shape => write!(
                f,
                "`{shown}` is not an absolute http(s) URL such as https://treaties.un.org/"
            ),
            Problem::Port => write!(
                f,
                "`{shown}` has a port outside 1-65535, which no reader can open"
            ),
            Problem::Control(c) => write!(
                f,
                "`{shown}` has a control character (U+{:04X}), which no reader can open",
                u32::from(c)
            ),
        }
    }
}

impl std::error::Error for UrlError {}

impl Url {
    /// The URL as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Url {
    type Err = UrlError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let fail = |problem| UrlError {
            input: s.to_owned(),
            problem,
        };
        let err = || fail(Problem::Shape);
        let rest = s
            .strip_prefix("https://")
            .or_else(|| s.strip_prefix("http://"))
            .ok_or_else(err)?;
        let host_end = rest.find([':', '/']).unwrap_or(rest.len());
        let host = &rest[..host_end];
        let tail = &rest[host_end..];
        let host_ok = !host.is_empty()
            && host.contains('.')
            && !host.starts_with(['.', '-'])
            && !host.ends_with(['.', '-'])
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
        let (port, path) = match tail.strip_prefix(':') {
            Some(p) => {
                let end = p.find('/').unwrap_or(p.len());
                (Some(&p[..end]), &p[end..])
            }
            None => (None, tail),
        };
        let port_ok = port.is_none_or(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
        let path_ok = !path.chars().any(char::is_whitespace);
        if !(host_ok && port_ok && path_ok) {
            return Err(err());
        }
        // The published pattern takes any digits for a port and any non-space for a path, and
        // a schema of major version 1 cannot be tightened (docs/VERSIONING.md): what a
        // browser would refuse is caught here.
        if port.is_some_and(|p| !p.parse::<u16>().is_ok_and(|n| n != 0)) {
            return Err(fail(Problem::Port));
        }
        if let Some(c) = path.chars().find(|c| c.is_control()) {
            return Err(fail(Problem::Control(c)));
        }
        Ok(Self(s.to_owned()))
    }
}

impl fmt::Display for Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

crate::date::string_serde!(
    Url,
    "Url",
    URL_PATTERN,
    "Absolute http(s) URL. Checked for shape only, never fetched."
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_urls() {
        for ok in [
            "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XVIII-16",
            "http://example.org",
            "https://example.org:8443/a b".replace(' ', "%20").as_str(),
        ] {
            assert!(ok.parse::<Url>().is_ok(), "{ok}");
        }
    }

    #[test]
    fn rejects_relative_or_malformed() {
        for bad in [
            "treaties.un.org",
            "ftp://x.org",
            "https://",
            "https://localhost",
            "https://a.org/with space",
            "https://-bad.org",
        ] {
            assert!(bad.parse::<Url>().is_err(), "{bad}");
        }
    }

    #[test]
    fn rejects_what_the_pattern_lets_through_but_no_reader_can_open() {
        assert!("https://example.org:65535/a".parse::<Url>().is_ok());
        assert!("https://example.org:1".parse::<Url>().is_ok());
        for (bad, message) in [
            (
                "https://example.org:0/a",
                "`https://example.org:0/a` has a port outside 1-65535, which no reader can open",
            ),
            (
                "https://example.org:65536",
                "`https://example.org:65536` has a port outside 1-65535, which no reader can open",
            ),
            (
                "https://example.org:99999999999999999999/a",
                "`https://example.org:99999999999999999999/a` has a port outside 1-65535, which no reader can open",
            ),
            (
                "https://example.org/a\u{1}b",
                "`https://example.org/a\\u{1}b` has a control character (U+0001), which no reader can open",
            ),
            (
                "https://example.org/a\u{7f}",
                "`https://example.org/a\\u{7f}` has a control character (U+007F), which no reader can open",
            ),
            (
                "https://example.org/a\u{9b}",
                "`https://example.org/a\\u{9b}` has a control character (U+009B), which no reader can open",
            ),
        ] {
            let e = bad.parse::<Url>().expect_err(bad);
            assert_eq!(e.to_string(), message);
        }
    }
}
