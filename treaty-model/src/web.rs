//! Checked web addresses.

use std::fmt;
use std::str::FromStr;

/// Pattern of [`Url`] in the JSON Schemas.
pub const URL_PATTERN: &str = r"^https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[^\s]*)?$";

/// An absolute `http` or `https` URL with a host and no whitespace.
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
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not an absolute http(s) URL such as https://treaties.un.org/",
            self.input
        )
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
        let err = || UrlError {
            input: s.to_owned(),
        };
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
        if host_ok && port_ok && path_ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(err())
        }
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
}
