//! Version-aware references to provisions: articles, paragraphs, points and subpoints.
//!
//! People cite the convention in many notations: `28(4)`, `28.4`, `Article 28(4)(a)`,
//! `art. 28, para. 4`, or the Akoma Ntoso eId `art_28__para_4__point_a`. A [`ProvisionRef`]
//! accepts all of them and always prints one canonical form, `28(4)(a)`, which is also how it
//! is stored in datasets. Article numbers differ between text versions (zero-draft Article 17
//! is not final Article 17), so a reference may name its version: `zero-draft:17`. A
//! reference without a version is read in the version of the document that contains it (an
//! analysis of the zero draft keeps the zero draft's numbering), and otherwise in the final text.
//!
//! ```
//! use treaty_model::ProvisionRef;
//!
//! let r: ProvisionRef = "Article 28(4)(a)".parse().unwrap();
//! assert_eq!(r.to_string(), "28(4)(a)");
//! assert_eq!(r.to_eid(), "art_28__para_4__point_a");
//! assert_eq!("art_28__para_4__point_a".parse::<ProvisionRef>().unwrap(), r);
//! assert_eq!("47.1.c".parse::<ProvisionRef>().unwrap().to_string(), "47(1)(c)");
//! assert_eq!("zero-draft:17".parse::<ProvisionRef>().unwrap().version().unwrap().as_str(), "zero-draft");
//! ```

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use crate::ids::TextVersionId;

/// The canonical notation, as a JSON Schema pattern.
pub const PROVISION_PATTERN: &str = r"^([a-z0-9]+(-[a-z0-9]+)*:)?[1-9][0-9]{0,2}(\([1-9][0-9]{0,2}\))?(\([a-z]{1,2}\)(\([ivxl]{1,7}\))?)?$";

const EXPECTED: &str = "a provision such as `28`, `28(4)`, `28(4)(a)`, `27(a)`, `2(f)(i)`, `28.4`, \
     `Article 28(4)(a)`, `art. 28, para. 4`, `art_28__para_4__point_a` or `zero-draft:17`";

/// A reference to an article, paragraph, point (lettered subparagraph) or subpoint (roman).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ProvisionRef {
    version: Option<TextVersionId>,
    article: u16,
    paragraph: Option<u16>,
    point: Option<String>,
    subpoint: Option<u8>,
}

/// Why a text is not a provision reference.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ProvisionRefError {
    /// The rejected text.
    pub input: String,
    /// What was wrong with it.
    pub problem: String,
}

impl fmt::Display for ProvisionRefError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a provision reference ({}); expected {}",
            self.input, self.problem, EXPECTED
        )
    }
}

impl std::error::Error for ProvisionRefError {}

impl ProvisionRef {
    /// A reference to a whole article, in the contextual text version. Articles are numbered
    /// from 1 to 999: another number gives a reference that does not parse back.
    pub fn article(number: u16) -> Self {
        Self {
            version: None,
            article: number,
            paragraph: None,
            point: None,
            subpoint: None,
        }
    }

    /// The same reference narrowed to a paragraph (numbered from 1 to 999, as articles are).
    pub fn with_paragraph(mut self, paragraph: u16) -> Self {
        self.paragraph = Some(paragraph);
        self
    }

    /// The same reference narrowed to a lettered point; `None` if `letter` is not 1-2 lowercase letters.
    pub fn with_point(mut self, letter: &str) -> Option<Self> {
        is_letter(letter).then(|| {
            self.point = Some(letter.to_owned());
            self
        })
    }

    /// The same reference in an explicit text version.
    pub fn in_version(mut self, version: TextVersionId) -> Self {
        self.version = Some(version);
        self
    }

    /// The same reference with no explicit version (read in its context).
    pub fn unversioned(&self) -> Self {
        Self {
            version: None,
            ..self.clone()
        }
    }

    /// The explicit text version, if any.
    pub fn version(&self) -> Option<&TextVersionId> {
        self.version.as_ref()
    }

    /// The article number.
    pub fn article_number(&self) -> u16 {
        self.article
    }

    /// The paragraph number, if the reference is that precise.
    pub fn paragraph(&self) -> Option<u16> {
        self.paragraph
    }

    /// The point letter, if any.
    pub fn point(&self) -> Option<&str> {
        self.point.as_deref()
    }

    /// The subpoint number (`(ii)` is 2), if any.
    pub fn subpoint(&self) -> Option<u8> {
        self.subpoint
    }

    /// The enclosing provision: `28(4)(a)` -> `28(4)` -> `28`; `None` for an article.
    pub fn parent(&self) -> Option<Self> {
        let mut p = self.clone();
        if p.subpoint.take().is_some() || p.point.take().is_some() || p.paragraph.take().is_some() {
            Some(p)
        } else {
            None
        }
    }

    /// True when `other` is this provision or lies inside it (`28` contains `28(4)(a)`),
    /// ignoring versions.
    pub fn contains(&self, other: &Self) -> bool {
        self.article == other.article
            && (self.paragraph.is_none() || self.paragraph == other.paragraph)
            && (self.point.is_none() || self.point == other.point)
            && (self.subpoint.is_none() || self.subpoint == other.subpoint)
    }

    /// The Akoma Ntoso eId: `art_28__para_4__point_a`; a subpoint is a nested point
    /// (`art_2__point_f__point_i`). The version is not part of an eId.
    pub fn to_eid(&self) -> String {
        let mut s = format!("art_{}", self.article);
        if let Some(p) = self.paragraph {
            s.push_str(&format!("__para_{p}"));
        }
        if let Some(l) = &self.point {
            s.push_str(&format!("__point_{l}"));
        }
        if let Some(r) = self.subpoint {
            s.push_str(&format!("__point_{}", to_roman(r)));
        }
        s
    }

    // Options compare as themselves (`None` first), so that two references that differ are
    // never ordered as equal (`28` and a `28(0)` built by hand), as `Eq` requires.
    fn sort_key(&self) -> (Option<&str>, u16, Option<u16>, usize, &str, Option<u8>) {
        let point = self.point.as_deref().unwrap_or("");
        (
            self.version.as_ref().map(TextVersionId::as_str),
            self.article,
            self.paragraph,
            point.len(),
            point,
            self.subpoint,
        )
    }
}

impl Ord for ProvisionRef {
    fn cmp(&self, other: &Self) -> Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

impl PartialOrd for ProvisionRef {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for ProvisionRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(v) = &self.version {
            write!(f, "{v}:")?;
        }
        write!(f, "{}", self.article)?;
        if let Some(p) = self.paragraph {
            write!(f, "({p})")?;
        }
        if let Some(l) = &self.point {
            write!(f, "({l})")?;
        }
        if let Some(r) = self.subpoint {
            write!(f, "({})", to_roman(r))?;
        }
        Ok(())
    }
}

fn is_letter(s: &str) -> bool {
    (1..=2).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase())
}

const ROMAN: [&str; 20] = [
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
    "xvi", "xvii", "xviii", "xix", "xx",
];

fn to_roman(n: u8) -> &'static str {
    ROMAN
        .get(usize::from(n).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

/// The case a numeral of the text is written in: a chapter's number in capitals (`IV`), a
/// subpoint's in small letters (`iv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Case {
    // Chapter numbers are judged by the validation alone.
    #[cfg_attr(not(feature = "validate"), expect(dead_code))]
    Upper,
    Lower,
}

/// The value of a numeral written wholly in `case`, when it is a roman numeral from 1 to 20
/// (the range a provision reference reads). One judgement for the reading of a reference, the
/// content checks and the scope check, so that they cannot disagree on what can be cited.
pub(crate) fn roman_in(text: &str, case: Case) -> Option<u8> {
    let in_case = match case {
        Case::Upper => text.bytes().all(|b| b.is_ascii_uppercase()),
        Case::Lower => text.bytes().all(|b| b.is_ascii_lowercase()),
    };
    if !in_case {
        return None;
    }
    ROMAN
        .iter()
        .position(|r| r.eq_ignore_ascii_case(text))
        .and_then(|i| u8::try_from(i + 1).ok())
}

fn number(s: &str) -> Option<u16> {
    (!s.is_empty() && s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit()) && !s.starts_with('0'))
        .then(|| s.parse().ok())
        .flatten()
}

impl FromStr for ProvisionRef {
    type Err = ProvisionRefError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let fail = |problem: &str| ProvisionRefError {
            input: input.to_owned(),
            problem: problem.to_owned(),
        };
        let s = input.trim();
        let (version, body) = match s.split_once(':') {
            Some((v, rest)) => (
                Some(TextVersionId::new(v.trim()).map_err(|_| {
                    fail("the part before `:` must be a text version id such as `zero-draft`")
                })?),
                rest.trim(),
            ),
            None => (None, s),
        };
        let components = if let Some(eid) = body.strip_prefix("art_") {
            eid_components(eid).map_err(&fail)?
        } else {
            notation_components(body).map_err(&fail)?
        };
        let mut parts = components.into_iter();
        let article = parts
            .next()
            .and_then(|a| number(&a))
            .ok_or_else(|| fail("it must start with an article number from 1 to 999"))?;
        let mut r = Self::article(article);
        r.version = version;
        for c in parts {
            if let Some(n) = number(&c) {
                if r.paragraph.is_some() || r.point.is_some() {
                    return Err(fail(&format!(
                        "`{c}` can only be a paragraph number directly after the article"
                    )));
                }
                r.paragraph = Some(n);
            } else if r.point.is_none() && is_letter(&c) {
                r.point = Some(c);
            } else if r.point.is_some() && r.subpoint.is_none() {
                r.subpoint = Some(roman_in(&c, Case::Lower).ok_or_else(|| {
                    fail(&format!(
                        "`{c}` after a point must be a roman numeral from i to xx"
                    ))
                })?);
            } else {
                return Err(fail(&format!("unexpected part `{c}`")));
            }
        }
        Ok(r)
    }
}

/// `28__para_4__point_a` (after `art_`) into its numbers.
fn eid_components(eid: &str) -> Result<Vec<String>, &'static str> {
    let mut out = Vec::new();
    for (i, part) in eid.split("__").enumerate() {
        let value = if i == 0 {
            part
        } else if let Some(v) = part
            .strip_prefix("para_")
            .or_else(|| part.strip_prefix("point_"))
            .or_else(|| part.strip_prefix("subpara_"))
        {
            v
        } else {
            return Err("an eId part must be `para_N`, `point_x` or `subpara_x`");
        };
        if value.is_empty() {
            return Err("an eId part has no number");
        }
        out.push(value.to_owned());
    }
    Ok(out)
}

/// The human notations: `Article 28(4)(a)`, `28.4.a`, `art. 28, para. 4`, `Art 28`.
fn notation_components(body: &str) -> Result<Vec<String>, &'static str> {
    let mut rest = body;
    for prefix in ["article", "art.", "art"] {
        if let Some(r) = strip_prefix_ci(rest, prefix) {
            rest = r;
            break;
        }
    }
    let mut out = Vec::new();
    let mut rest = rest.trim_start();
    let digits_end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    if digits_end == 0 {
        return Err("it must start with an article number from 1 to 999");
    }
    out.push(rest[..digits_end].to_owned());
    rest = &rest[digits_end..];
    loop {
        rest = rest.trim_start_matches([' ', ',']);
        if rest.is_empty() {
            return Ok(out);
        }
        for word in [
            "paragraph",
            "para.",
            "para",
            "subparagraph",
            "subpara.",
            "point",
            "letter",
        ] {
            if let Some(r) = strip_prefix_ci(rest, word) {
                rest = r.trim_start();
                if !rest.starts_with('(') {
                    let end = rest
                        .find(|c: char| !c.is_ascii_alphanumeric())
                        .unwrap_or(rest.len());
                    if end == 0 {
                        return Err("a word such as `para.` must be followed by its number");
                    }
                    out.push(rest[..end].to_owned());
                    rest = &rest[end..];
                }
                break;
            }
        }
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix('(') {
            let close = r.find(')').ok_or("a `(` is not closed")?;
            let inner = r[..close].trim();
            if inner.is_empty() {
                return Err("empty brackets");
            }
            out.push(inner.to_owned());
            rest = &r[close + 1..];
        } else if let Some(r) = rest.strip_prefix('.') {
            let end = r
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(r.len());
            if end == 0 {
                return Err("a `.` must be followed by a paragraph number or a letter");
            }
            out.push(r[..end].to_owned());
            rest = &r[end..];
        } else if !rest.is_empty() && !rest.starts_with([' ', ',']) {
            return Err("after the article number, expected `(4)`, `.4` or `, para. 4`");
        }
    }
}

/// `s` without `prefix`, compared ignoring ASCII case (people write `Article`, `article`, `ART.`).
fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

impl serde::Serialize for ProvisionRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for ProvisionRef {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for ProvisionRef {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ProvisionRef".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": PROVISION_PATTERN,
            "description": "A provision in canonical notation: article, then (paragraph), (point letter), (roman subpoint), such as `28(4)(a)`, `27(a)` or `2(f)(i)`; optionally prefixed by a text version id and a colon (`zero-draft:17`). Without a prefix it is read in the text version of the containing document.",
            "examples": ["28(4)", "27(a)", "zero-draft:17"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_numeral_is_judged_in_its_case() {
        assert_eq!(roman_in("XIV", Case::Upper), Some(14));
        assert_eq!(roman_in("xx", Case::Lower), Some(20));
        for (text, case) in [
            ("iv", Case::Upper),
            ("IV", Case::Lower),
            ("Iv", Case::Upper),
            ("IIII", Case::Upper),
            ("xxi", Case::Lower),
            ("", Case::Lower),
        ] {
            assert_eq!(roman_in(text, case), None, "{text} {case:?}");
        }
    }

    fn canon(s: &str) -> String {
        s.parse::<ProvisionRef>()
            .unwrap_or_else(|e| panic!("{e}"))
            .to_string()
    }

    #[test]
    fn every_notation_reaches_the_canonical_form() {
        assert_eq!(canon("28"), "28");
        assert_eq!(canon("28(4)"), "28(4)");
        assert_eq!(canon("28.4"), "28(4)");
        assert_eq!(canon("28(4)(a)"), "28(4)(a)");
        assert_eq!(canon("Article 28(4)(a)"), "28(4)(a)");
        assert_eq!(canon("article 28 (4) (a)"), "28(4)(a)");
        assert_eq!(canon("art. 28, para. 4"), "28(4)");
        assert_eq!(canon("Art. 28, paragraph 4 (a)"), "28(4)(a)");
        assert_eq!(canon("art_28__para_4__point_a"), "28(4)(a)");
        assert_eq!(canon("art_2__point_f__point_i"), "2(f)(i)");
        assert_eq!(canon("47.1.c"), "47(1)(c)");
        assert_eq!(canon("Art 28"), "28");
        assert_eq!(canon("art 28(4)"), "28(4)");
        assert_eq!(canon("27(a)"), "27(a)");
        assert_eq!(canon("2(f)(ii)"), "2(f)(ii)");
        assert_eq!(canon("zero-draft:17"), "zero-draft:17");
        assert_eq!(canon("zero-draft: Article 40(3)"), "zero-draft:40(3)");
    }

    #[test]
    fn eids_follow_akoma_ntoso() {
        let r: ProvisionRef = "28(4)(a)".parse().unwrap();
        assert_eq!(r.to_eid(), "art_28__para_4__point_a");
        let r: ProvisionRef = "27(b)".parse().unwrap();
        assert_eq!(r.to_eid(), "art_27__point_b");
        let r: ProvisionRef = "2(f)(iii)".parse().unwrap();
        assert_eq!(r.to_eid(), "art_2__point_f__point_iii");
    }

    #[test]
    fn malformed_references_say_what_was_expected() {
        let e = "28(4".parse::<ProvisionRef>().unwrap_err();
        assert_eq!(
            e.to_string(),
            format!(
                "`28(4` is not a provision reference (a `(` is not closed); expected {EXPECTED}"
            )
        );
        for bad in [
            "",
            "Article",
            "0",
            "28(0)",
            "28(a)(4)",
            "28(a)(b)(c)",
            "28(A)",
            "1000",
            "28;4",
            "Zero:17",
            "28(4)(a)(q)",
            "art_28__sec_4",
        ] {
            assert!(bad.parse::<ProvisionRef>().is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn containment_and_parents() {
        let a: ProvisionRef = "28".parse().unwrap();
        let b: ProvisionRef = "28(4)(a)".parse().unwrap();
        assert!(a.contains(&b));
        assert!(!b.contains(&a));
        assert_eq!(b.parent().unwrap().to_string(), "28(4)");
        assert_eq!(a.parent(), None);
    }

    #[test]
    fn ordering_is_numeric() {
        let mut v: Vec<ProvisionRef> = ["40(21)", "40(3)", "2(f)(ix)", "2(f)(v)", "9"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        v.sort();
        let s: Vec<String> = v.iter().map(ToString::to_string).collect();
        assert_eq!(s, ["2(f)(v)", "2(f)(ix)", "9", "40(3)", "40(21)"]);
    }

    #[test]
    fn references_that_differ_never_order_as_equal() {
        let article = ProvisionRef::article(28);
        let zero = ProvisionRef::article(28).with_paragraph(0);
        assert_ne!(article, zero);
        assert_ne!(article.cmp(&zero), Ordering::Equal);
        let set: std::collections::BTreeSet<ProvisionRef> = [article, zero].into();
        assert_eq!(set.len(), 2);
    }
}
