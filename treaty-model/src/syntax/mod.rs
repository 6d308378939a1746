//! Spanned loading of YAML and JSON documents.
//!
//! [`parse_yaml`] and [`parse_json`] turn raw file bytes into a [`serde_json::Value`] plus a
//! [`SpanTree`] that maps every node of that value back to its place in the source, in a single
//! pass. Everything that can go wrong while reading is reported as a [`Problem`] with a stable
//! [`ProblemKind`]; reading never panics and never recurses in proportion to the input, so hostile
//! files (deep nesting, alias bombs, huge inputs) end in a problem rather than a crash.
//!
//! YAML is read under the YAML 1.2 core schema with JSON-compatible restrictions: one document per
//! file, string keys only, no tags, no merge keys, and aliases expanded in place within a budget.
//!
//! Conventions worth knowing when reporting against the result:
//! - A scalar mapping key becomes the object key by its text as written (`1: x` and `0x1F: x`
//!   give keys `"1"` and `"0x1F"`); only values are typed, and only values get the YAML 1.1
//!   warnings, because a key's meaning does not change with the YAML version here.
//! - Spans: a scalar covers its text (quotes included, anchor and tag excluded; a block scalar
//!   starts at its first content line); a flow collection covers its brackets; a block
//!   collection runs from its first key or dash to the end of its last entry.
//! - Nodes copied through an alias are located at the anchor's definition; the alias node
//!   itself at the `*alias`.
//! - When any problem is an error, [`Parsed::doc`] is `None`; reading stops at the first error
//!   that makes going on pointless (syntax, limits, a second document) and otherwise continues
//!   to collect problems.

mod build;
mod diagnose;
mod json;
mod scalar;
pub(crate) use scalar::is_yaml11_boolean;
mod source;
pub(crate) use source::BOM;
mod span;
mod yaml;

#[cfg(test)]
mod tests;

pub(crate) use span::SpanView;
pub use span::{Location, Pos, Span, SpanTree};

/// Limits chosen on purpose (defaults: max_bytes 64 MiB, max_depth 64, max_nodes 10_000_000,
/// max_alias_expansion 100_000 nodes total copied through aliases).
///
/// Each limit guards a resource an untrusted file could otherwise exhaust: `max_bytes` memory and
/// time, `max_depth` the stack of whoever later walks the value (including
/// [`serde_json::Value`]'s own recursive `Drop`), `max_nodes` memory, and `max_alias_expansion`
/// the exponential blow-up of nested YAML aliases ("billion laughs").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Largest accepted input, in bytes, checked before any parsing.
    pub max_bytes: usize,
    /// Deepest accepted nesting of sequences/mappings (arrays/objects); the root collection is at
    /// depth 1 and scalars do not add a level.
    pub max_depth: usize,
    /// Most value nodes (scalars and collections, including alias copies) in one document.
    pub max_nodes: usize,
    /// Most value nodes that aliases may copy in total across one document.
    pub max_alias_expansion: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_bytes: 64 * 1024 * 1024,
            max_depth: 64,
            max_nodes: 10_000_000,
            max_alias_expansion: 100_000,
        }
    }
}

/// Parsed document: the JSON value and a span tree parallel to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpannedDoc {
    /// The document as JSON data.
    pub value: serde_json::Value,
    /// Source locations of every node of `value`.
    pub spans: SpanTree,
}

/// Severity of a problem found while reading: errors make the document unusable, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProblemSeverity {
    /// The document cannot be used; [`Parsed::doc`] is `None`.
    Error,
    /// The document was read, but probably not as its author meant.
    Warning,
}

/// Stable kinds of reading problems; the caller maps them to its own diagnostic codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ProblemKind {
    /// The file is not valid UTF-8 (reported at the first bad byte).
    InvalidUtf8,
    /// Warning: the file starts with a UTF-8 byte order mark, which was stripped.
    ByteOrderMark,
    /// The YAML parser rejected the text.
    Syntax,
    /// A tab is used to indent a line in YAML block context.
    TabIndentation,
    /// A mapping/object repeats a key; `related` is the first occurrence.
    DuplicateKey,
    /// A YAML mapping key is itself a mapping or sequence.
    NonScalarKey,
    /// Aliases would copy more nodes than [`Limits::max_alias_expansion`] allows.
    AliasLimit,
    /// An alias names an anchor that is not defined before it (or that encloses it).
    UnknownAlias,
    /// Nesting is deeper than [`Limits::max_depth`].
    DepthLimit,
    /// The file is larger than [`Limits::max_bytes`].
    SizeLimit,
    /// The document has more nodes than [`Limits::max_nodes`].
    NodeLimit,
    /// The YAML file holds more than one document.
    MultipleDocuments,
    /// The file holds no document, or an explicit document with no content.
    EmptyDocument,
    /// A YAML node carries an explicit tag such as `!!str` or `!custom`.
    Tag,
    /// A YAML `<<` merge key.
    MergeKey,
    /// Warning: plain `yes`/`no`/`on`/`off`/`y`/`n` is a string in YAML 1.2 but a boolean in 1.1.
    Yaml11Boolean,
    /// Warning: a plain date such as `2024-07-09` is a string in YAML 1.2 but a date in 1.1.
    Yaml11Date,
    /// Warning: `value #word` on one line, or a line that would go on from a plain value
    /// starting with `#word`: YAML reads the `#word` and the rest of its line as a comment.
    CommentInValue,
    /// Warning: a plain integer with a leading zero, which YAML 1.1 would read as octal.
    LeadingZeroNumber,
    /// Warning: a number in exponent, octal or hexadecimal notation (`9e1`, `0o132`, `0x5A`).
    NumberNotation,
    /// `.inf`/`.nan` or a number too large for a double: JSON cannot represent it.
    NonFiniteNumber,
    /// The file contains a NUL byte.
    NulByte,
    /// The JSON reader rejected the text.
    JsonSyntax,
}

/// One problem found while reading, with where it is and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Stable kind, for mapping to diagnostic codes.
    pub kind: ProblemKind,
    /// Whether the document is still usable.
    pub severity: ProblemSeverity,
    /// What is wrong, in plain words.
    pub message: String,
    /// Where it is wrong.
    pub span: Span,
    /// A second place that explains the first, and what it is (the first occurrence of a
    /// duplicate key: "first written here"; the bracket a syntax error sits inside: "opened
    /// here").
    pub related: Option<(Span, &'static str)>,
    /// How to fix it, when there is a simple fix.
    pub help: Option<String>,
}

impl Problem {
    fn new(kind: ProblemKind, severity: ProblemSeverity, span: Span, message: String) -> Self {
        Self {
            kind,
            severity,
            message,
            span,
            related: None,
            help: None,
        }
    }

    fn error(kind: ProblemKind, span: Span, message: impl Into<String>) -> Self {
        Self::new(kind, ProblemSeverity::Error, span, message.into())
    }

    fn warning(kind: ProblemKind, span: Span, message: impl Into<String>) -> Self {
        Self::new(kind, ProblemSeverity::Warning, span, message.into())
    }

    fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    fn with_related(mut self, related: Span, label: &'static str) -> Self {
        self.related = Some((related, label));
        self
    }

    /// Whether this problem makes the document unusable.
    #[must_use]
    pub fn is_error(&self) -> bool {
        self.severity == ProblemSeverity::Error
    }
}

/// Outcome: the document if it could be built (possibly with warnings), and every problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// The document, present exactly when no problem is an error.
    pub doc: Option<SpannedDoc>,
    /// Every problem found, ordered by position in the file.
    pub problems: Vec<Problem>,
}

impl Parsed {
    fn finish(doc: Option<SpannedDoc>, mut problems: Vec<Problem>) -> Self {
        // Sorting keeps the report readable when checks that run at different times (pre-scan,
        // parser, builder) find problems out of source order; the sort is stable so problems at
        // the same place keep the order they were found in.
        problems.sort_by_key(|p| p.span.start.offset);
        let doc = if problems.iter().any(Problem::is_error) {
            None
        } else {
            doc
        };
        Self { doc, problems }
    }
}

/// Reads one YAML document from `bytes`, or a JSON one with `json`. With `copy_text` the span
/// tree copies the source text; without, the caller gives it its own buffer ([`give_text`]).
fn read(bytes: &[u8], limits: &Limits, json: bool, copy_text: bool) -> Parsed {
    let mut problems = Vec::new();
    let Some(src) = source::prepare(bytes, limits, &mut problems) else {
        return Parsed::finish(None, problems);
    };
    let builder = build::Builder::new(src, limits);
    let builder = if json {
        json::read(src, builder)
    } else {
        yaml::read(src, builder)
    };
    let (doc, mut found) = builder.finish(copy_text);
    problems.append(&mut found);
    Parsed::finish(doc, problems)
}

/// Like [`parse_yaml_owned`], or [`parse_json_owned`] with `json`.
pub(crate) fn parse_owned(bytes: Vec<u8>, limits: &Limits, json: bool) -> Parsed {
    let parsed = read(&bytes, limits, json, false);
    give_text(parsed, bytes)
}

/// Read one YAML document from `bytes`.
///
/// Plain scalars are resolved with the YAML 1.2 core schema; quoted and block scalars are always
/// strings. See [`ProblemKind`] for everything that is rejected or warned about.
#[must_use]
pub fn parse_yaml(bytes: &[u8], limits: &Limits) -> Parsed {
    read(bytes, limits, false, true)
}

/// Like [`parse_yaml`], taking the bytes: the span tree keeps them as its source text instead
/// of a copy, which on a large file saves its size in memory.
#[must_use]
pub fn parse_yaml_owned(bytes: Vec<u8>, limits: &Limits) -> Parsed {
    parse_owned(bytes, limits, false)
}

/// Read one strict RFC 8259 JSON document from `bytes`.
///
/// Comments, trailing commas, single quotes, `NaN`/`Infinity` and other common extensions are
/// rejected with a [`ProblemKind::JsonSyntax`] problem that says what to change.
#[must_use]
pub fn parse_json(bytes: &[u8], limits: &Limits) -> Parsed {
    read(bytes, limits, true, true)
}

/// Like [`parse_json`], taking the bytes (see [`parse_yaml_owned`]).
#[must_use]
pub fn parse_json_owned(bytes: Vec<u8>, limits: &Limits) -> Parsed {
    parse_owned(bytes, limits, true)
}

/// Hands a parse's own input to its span tree, as the text it would otherwise have copied.
fn give_text(mut parsed: Parsed, mut bytes: Vec<u8>) -> Parsed {
    if let Some(doc) = &mut parsed.doc {
        // The parse already checked the bytes: UTF-8, a byte order mark at most, stripped
        // from the text as the copy would have been.
        if bytes.starts_with(source::BOM) {
            bytes.drain(..3);
        }
        match String::from_utf8(bytes) {
            Ok(text) => doc.spans.set_text(text.into_boxed_str()),
            Err(e) => {
                doc.spans
                    .set_text(String::from_utf8_lossy(e.as_bytes()).into());
            }
        }
    }
    parsed
}
