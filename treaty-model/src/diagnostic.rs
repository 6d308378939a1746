//! Diagnostics: what the validator found, where, and how to fix it.
//!
//! The library never prints. Every problem becomes a [`Diagnostic`] with a stable [`Code`], a
//! severity the caller may change ([`SeverityOverrides`]), a primary [`Location`], related
//! locations ("first defined here") and help. A [`Report`] holds them sorted by file and
//! position; renderers (the CLI's human, JSON, GitHub and SARIF formats) only render.

use std::collections::BTreeMap;
use std::fmt;

/// How serious a diagnostic is.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
    strum::Display,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
#[non_exhaustive]
pub enum Severity {
    /// The data is invalid.
    Error,
    /// The data is valid but probably not what was meant.
    Warning,
    /// Information about the validation itself, such as checks that could not run.
    Note,
}

/// The lines of a file's text as diagnostics number them: a line ends at `\n`, `\r\n` or a
/// lone `\r`, as YAML counts lines, and the break is not part of the line. Each line comes with
/// the byte offset where it starts; line [`Position::line`] `n` is item `n - 1`.
///
/// ```
/// let lines: Vec<_> = treaty_model::diagnostic::source_lines("a\r\nb\rc\n").collect();
/// assert_eq!(lines, [(0, "a"), (3, "b"), (5, "c")]);
/// ```
pub fn source_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    std::iter::from_fn(move || {
        let rest = text.get(start..).filter(|r| !r.is_empty())?;
        let at = start;
        let (line, width) = match rest.find(['\n', '\r']) {
            Some(i) if rest[i..].starts_with("\r\n") => (&rest[..i], i + 2),
            Some(i) => (&rest[..i], i + 1),
            None => (rest, rest.len()),
        };
        start += width;
        Some((at, line))
    })
}

/// A position in a file: 1-based line and column (columns count characters), and byte offset.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[non_exhaustive]
pub struct Position {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
    /// 0-based byte offset.
    pub offset: usize,
}

/// A range in a file.
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[non_exhaustive]
pub struct Location {
    /// The file, as given to the validator (relative paths stay relative).
    pub file: String,
    /// Where the range starts.
    pub start: Position,
    /// Where it ends (exclusive).
    pub end: Position,
}

impl Position {
    /// A position: 1-based `line` and `column` (in characters), 0-based byte `offset`.
    pub fn new(line: u32, column: u32, offset: usize) -> Self {
        Self {
            line,
            column,
            offset,
        }
    }
}

impl Location {
    /// The range of `file` from `start` to `end` (exclusive).
    pub fn new(file: impl Into<String>, start: Position, end: Position) -> Self {
        Self {
            file: file.into(),
            start,
            end,
        }
    }

    /// A location covering the whole of a file that could not be read or parsed at all.
    pub fn file_start(file: impl Into<String>) -> Self {
        let p = Position {
            line: 1,
            column: 1,
            offset: 0,
        };
        Self {
            file: file.into(),
            start: p,
            end: p,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.start.line, self.start.column)
    }
}

/// A secondary location with its own short message.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[non_exhaustive]
pub struct Related {
    /// Where.
    pub location: Location,
    /// What is there ("first defined here").
    pub message: String,
}

/// Stable diagnostic codes. Each is documented in `docs/DIAGNOSTICS.md` with an example.
///
/// Declaration order is documentation order ([`Code::ALL`]).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    strum::IntoStaticStr,
    strum::Display,
    strum::EnumString,
    strum::EnumProperty,
    strum::VariantArray,
)]
#[strum(
    serialize_all = "kebab-case",
    parse_err_ty = String,
    parse_err_fn = unknown_code
)]
#[non_exhaustive]
pub enum Code {
    /// The file could not be read, or a file meant for the dataset cannot be (a FIFO).
    #[strum(
        serialize = "io-error",
        props(
            summary = "the file could not be read",
            fix = "check that the path exists and is readable"
        )
    )]
    Io,
    /// A file named almost like a dataset file (`x.YAML`, `x.yaml.txt`), which is not read; or
    /// an analysis whose file is not named after its id (`analyses/<id>.yaml`).
    #[strum(props(
        summary = "a file named almost like a dataset file is not read, or an analysis file is not named after its id",
        fix = "rename it to end in `.yaml`, `.yml` or `.json` (or remove it); name an analysis file after its id"
    ))]
    MisnamedFile,
    /// A symbolic link in a dataset directory points outside it.
    #[strum(props(
        summary = "a symbolic link points outside the dataset directory",
        fix = "copy the file into the dataset, or remove the link"
    ))]
    OutsideDataset,
    /// A file is larger than the size limit.
    #[strum(props(
        summary = "the file is larger than the size limit",
        fix = "split the file; one file per natural unit"
    ))]
    FileTooLarge,
    /// Bytes that are not UTF-8.
    #[strum(props(
        summary = "the file is not valid UTF-8",
        fix = "save the file as UTF-8"
    ))]
    InvalidUtf8,
    /// A NUL byte.
    #[strum(props(
        summary = "the file contains a NUL byte",
        fix = "remove the byte; dataset files are text"
    ))]
    NulByte,
    /// A byte-order mark at the start of the file.
    #[strum(props(
        summary = "the file starts with a byte-order mark",
        fix = "save the file as UTF-8 without BOM"
    ))]
    ByteOrderMark,
    /// YAML that does not parse.
    #[strum(props(
        summary = "the YAML does not parse",
        fix = "fix the syntax at the position shown"
    ))]
    YamlSyntax,
    /// JSON that does not parse (trailing commas, comments...).
    #[strum(props(
        summary = "the JSON does not parse",
        fix = "fix the syntax at the position shown"
    ))]
    JsonSyntax,
    /// Tabs used for indentation.
    #[strum(props(summary = "a tab is used for indentation", fix = "indent with spaces"))]
    TabIndentation,
    /// The same key twice in one mapping.
    #[strum(props(
        summary = "a mapping has the same key twice",
        fix = "remove or rename one of the keys"
    ))]
    DuplicateKey,
    /// A mapping or sequence used as a key.
    #[strum(props(
        summary = "a key is a mapping or a sequence",
        fix = "use a plain text key"
    ))]
    NonScalarKey,
    /// Aliases expand into too many nodes (billion laughs).
    #[strum(props(
        summary = "aliases expand into too many nodes",
        fix = "write the data out instead of using anchors and aliases"
    ))]
    AliasLimit,
    /// An alias to an anchor that does not exist.
    #[strum(props(
        summary = "an alias refers to an unknown anchor",
        fix = "define the anchor before the alias, or write the data out"
    ))]
    UnknownAlias,
    /// Nesting deeper than the limit.
    #[strum(props(
        summary = "the data is nested too deeply",
        fix = "flatten the structure"
    ))]
    DepthLimit,
    /// More nodes than the limit.
    #[strum(props(summary = "the file has too many nodes", fix = "split the file"))]
    NodeLimit,
    /// More than one YAML document in a file.
    #[strum(props(
        summary = "the file holds more than one YAML document",
        fix = "put each document in its own file"
    ))]
    MultipleDocuments,
    /// A file with no document.
    #[strum(props(
        summary = "the file is empty",
        fix = "write a document with `kind` and `schema_version`, or delete the file"
    ))]
    EmptyDocument,
    /// An explicit YAML tag.
    #[strum(props(
        summary = "YAML tags are not supported",
        fix = "remove the tag; values are typed by the schema"
    ))]
    YamlTag,
    /// A YAML merge key (`<<`).
    #[strum(props(
        summary = "YAML merge keys are not supported",
        fix = "write the keys out"
    ))]
    MergeKey,
    /// `yes`/`no`/`on`/`off` read as text.
    #[strum(props(
        summary = "a YAML 1.1 boolean word is read as text",
        fix = "write true or false for a boolean, or quote the word for text"
    ))]
    Yaml11Boolean,
    /// A plain date, which YAML 1.1 loaders read as a date object.
    #[strum(props(
        summary = "a date without quotes is read as a date by YAML 1.1 loaders",
        fix = "quote the date: `\"2024-07-09\"`"
    ))]
    Yaml11Date,
    /// A `#` right after a plain value, or starting the line that would go on from it, which
    /// starts a comment the value does not keep.
    #[strum(props(
        summary = "text after ` #` (or after `#` starting a value's next line) is a comment, not part of the value",
        fix = "quote the value to keep the text after `#`; a comment has a space after `#`"
    ))]
    CommentInValue,
    /// A number with a leading zero.
    #[strum(props(
        summary = "a number with a leading zero is read as decimal",
        fix = "quote it if it is text, or remove the zero"
    ))]
    LeadingZero,
    /// A number written in exponent, octal or hexadecimal notation.
    #[strum(props(
        summary = "a number is written in exponent, octal or hexadecimal notation",
        fix = "write it in plain digits, or quote it if it is text"
    ))]
    NumberNotation,
    /// `.inf` or `.nan`.
    #[strum(props(
        summary = "infinite or NaN numbers cannot be represented in JSON",
        fix = "use a finite number"
    ))]
    NonFiniteNumber,
    /// The document is not a mapping with `kind`.
    #[strum(props(
        summary = "the document has no `kind`",
        fix = "add `kind:` with one of the file kinds"
    ))]
    MissingKind,
    /// `kind` names no known file kind.
    #[strum(props(
        summary = "`kind` names no known file kind",
        fix = "use one of the file kinds listed in the help"
    ))]
    UnknownKind,
    /// `schema_version` is missing or malformed.
    #[strum(props(
        summary = "the document has no valid `schema_version`",
        fix = "add `schema_version: \"1.0\"`"
    ))]
    MissingSchemaVersion,
    /// A major schema version this validator does not support.
    #[strum(props(
        summary = "the file was written for another major schema version",
        fix = "upgrade treaty-model, or rewrite the file for schema 1.x"
    ))]
    UnsupportedSchemaVersion,
    /// A newer minor schema version.
    #[strum(props(
        summary = "the file was written for a newer minor schema version",
        fix = "upgrade treaty-model to validate the newer fields"
    ))]
    NewerSchemaVersion,
    /// No `# yaml-language-server: $schema=` modeline.
    #[strum(props(
        summary = "the file has no editor schema modeline",
        fix = "add `# yaml-language-server: $schema=<relative path to schemas/KIND.schema.json>` as the first line"
    ))]
    MissingModeline,
    /// The modeline names another kind's schema.
    #[strum(props(
        summary = "the modeline names the schema of another kind",
        fix = "point the modeline at the schema of the file's `kind`, or correct `kind`; until they agree the file is checked no further"
    ))]
    ModelineMismatch,
    /// The modeline names the kind's schema at a path where no file is, while a `schemas/`
    /// folder above the file holds it.
    #[strum(props(
        summary = "the modeline's schema is not found from the file's folder",
        fix = "point the modeline at the schema's path from the file's folder, as the help gives it"
    ))]
    ModelineNotFound,
    /// A property the schema does not know.
    #[strum(props(
        summary = "a field is not part of the schema",
        fix = "remove the field or fix its spelling"
    ))]
    UnknownField,
    /// A required property is missing.
    #[strum(props(summary = "a required field is missing", fix = "add the field"))]
    MissingField,
    /// A value of the wrong JSON type.
    #[strum(props(
        summary = "a value has the wrong type",
        fix = "write a value of the type shown"
    ))]
    WrongType,
    /// A value outside a closed vocabulary.
    #[strum(props(
        summary = "a value is not one of the allowed values",
        fix = "use one of the values listed"
    ))]
    InvalidValue,
    /// A string that does not match its pattern (ids, dates, provisions).
    #[strum(props(
        summary = "a value does not have the required format",
        fix = "write it in the format shown"
    ))]
    InvalidFormat,
    /// A list with too few items, a number out of range, a string too long.
    #[strum(props(
        summary = "a value is outside the allowed range or size",
        fix = "respect the bound shown"
    ))]
    OutOfRange,
    /// Any other schema rule.
    #[strum(props(summary = "the value breaks a schema rule", fix = "see the message"))]
    SchemaViolation,
    /// A value that passed the schema but not the validator (a 30 February, an unassigned code,
    /// an empty text).
    #[strum(props(
        summary = "a value is well-formed but not valid",
        fix = "see the message"
    ))]
    InvalidData,
    /// An id defined twice, an article or a chapter of a text version described by two
    /// chapter files, or a state with two participation entries.
    #[strum(props(
        summary = "an id is defined twice, an article or a chapter is described by two chapter files, or a state has two participation entries",
        fix = "rename one of them or merge the entries; it cannot be allowed or lowered to a warning"
    ))]
    DuplicateId,
    /// An item repeated in a list that holds each item once: an id, a provision or a value
    /// listed twice, two entries for one article, power or safeguard.
    #[strum(props(
        summary = "a list holds the same item twice",
        fix = "remove the repeat, or merge the two entries"
    ))]
    RepeatedItem,
    /// A reference to an id that does not exist.
    #[strum(props(
        summary = "a reference names an id that is not defined",
        fix = "fix the id or define it"
    ))]
    UnknownReference,
    /// A text version that does not exist.
    #[strum(props(
        summary = "a text version is not defined in the instrument file",
        fix = "use a text version id of `instrument.yaml`"
    ))]
    UnknownTextVersion,
    /// A provision that does not exist in its text version.
    #[strum(props(
        summary = "a provision does not exist in its text version",
        fix = "fix the number, qualify it with its text version, or add it to the structure or concordance"
    ))]
    UnknownProvision,
    /// A provision cited but not described in the structure files.
    #[strum(props(
        summary = "a cited paragraph or point is not described in the chapter files",
        fix = "add the paragraph or point to its article"
    ))]
    UndescribedProvision,
    /// A cross-border power whose domestic counterpart is not domestic.
    #[strum(props(
        summary = "a domestic counterpart is not a domestic power",
        fix = "point `domestic_counterpart` at a power with `scope: domestic`"
    ))]
    CounterpartNotDomestic,
    /// A power whose scope disagrees with its chapter.
    #[strum(props(
        summary = "a power's scope does not match the chapter of its provision",
        fix = "domestic powers are in Chapter IV, cross-border ones in Chapter V"
    ))]
    ScopeMismatch,
    /// Dates in the wrong order.
    #[strum(props(
        summary = "dates are in an impossible order",
        fix = "check both dates against their sources"
    ))]
    DatesOutOfOrder,
    /// An analysis whose publication date disagrees with its source entry's: the two describe
    /// one document.
    #[strum(props(
        summary = "an analysis and its source entry give publication dates that cannot both be right",
        fix = "check the document's date and give it in both places, to the precision known"
    ))]
    DateMismatch,
    /// A source a reader cannot open: no web address and no official symbol.
    #[strum(props(
        summary = "a source has neither a web address nor an official symbol",
        fix = "add `url`, or `symbol` for an official document"
    ))]
    SourceWithoutAddress,
    /// A source's locator is a file path.
    #[strum(props(
        summary = "a source's locator is a file path that readers cannot open",
        fix = "cite the publication and say in words where the fact is"
    ))]
    LocatorIsAPath,
    /// References that could not be checked because a file did not load: those that may point
    /// into it, and its own.
    #[strum(props(
        summary = "references were not checked because a file did not load",
        fix = "fix the file's own error; its references are checked again then"
    ))]
    UncheckedReferences,
    /// The dataset has no instrument file.
    #[strum(props(
        summary = "no file of kind `instrument`",
        fix = "add `instrument.yaml` with the text versions"
    ))]
    MissingInstrument,
    /// A `# treaty: allow(...)` comment without a reason.
    #[strum(props(
        summary = "an inline allow has no reason",
        fix = "write why after the parenthesis: `# treaty: allow(code) because ...`"
    ))]
    SuppressionWithoutReason,
    /// A `# treaty: allow(...)` that silences nothing, or names a code that cannot be silenced.
    #[strum(props(
        summary = "an inline allow silences nothing, or names a code that cannot be silenced",
        fix = "remove the comment (and fix the problem, for a code that cannot be silenced)"
    ))]
    UnusedSuppression,
    /// A `# treaty: allow(...)` naming an unknown code.
    #[strum(props(
        summary = "an inline allow names an unknown code",
        fix = "use a code from docs/DIAGNOSTICS.md"
    ))]
    UnknownCode,
}

impl Code {
    /// Every code, in documentation order.
    pub const ALL: &'static [Code] = <Code as strum::VariantArray>::VARIANTS;

    /// The code as written in output and in `--allow` / `# treaty: allow(...)`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// Severity unless the caller or the dataset changes it.
    pub fn default_severity(self) -> Severity {
        match self {
            Code::ByteOrderMark
            | Code::Yaml11Boolean
            | Code::Yaml11Date
            | Code::CommentInValue
            | Code::MisnamedFile
            | Code::LeadingZero
            | Code::NumberNotation
            | Code::NewerSchemaVersion
            | Code::MissingModeline
            | Code::ModelineNotFound
            | Code::UndescribedProvision
            | Code::SourceWithoutAddress
            | Code::UnusedSuppression => Severity::Warning,
            Code::UncheckedReferences => Severity::Note,
            _ => Severity::Error,
        }
    }

    /// One line on what the code means.
    pub fn summary(self) -> &'static str {
        strum::EnumProperty::get_str(&self, "summary").unwrap_or_default()
    }

    /// How to fix it, in general.
    pub fn fix(self) -> &'static str {
        strum::EnumProperty::get_str(&self, "fix").unwrap_or_default()
    }

    /// Whether a problem of this code always stays an error: neither an inline allow, `allow`
    /// nor `warn` can silence or lower it (see [`Code::unsilenceable_because`]).
    pub fn is_unsilenceable(self) -> bool {
        self.unsilenceable_because().is_some()
    }

    /// Why a problem of this code cannot be silenced, for a message; `None` for every code
    /// that can be. A duplicate id would leave the dataset with two entries under one id (a
    /// lookup finds one, a page of the edition overwrites the other), and a path that cannot be
    /// read would pass as valid.
    pub fn unsilenceable_because(self) -> Option<&'static str> {
        match self {
            Code::Io => Some("a path that cannot be read always fails (exit 2)"),
            Code::DuplicateId => Some("the dataset would hold two entries under one id"),
            _ => None,
        }
    }

    /// Whether the code comes from a cross-file check, so that a change in one file can
    /// cause it in another (used by the pull-request mode, which still reports these
    /// everywhere while it reports file-local problems only in the changed files).
    pub fn is_cross_file(self) -> bool {
        matches!(
            self,
            Code::DuplicateId
                | Code::UnknownReference
                | Code::UnknownTextVersion
                | Code::UnknownProvision
                | Code::UndescribedProvision
                | Code::CounterpartNotDomestic
                | Code::ScopeMismatch
                | Code::DateMismatch
                | Code::MissingInstrument
        )
    }
}

fn unknown_code(s: &str) -> String {
    match crate::suggest::closest(s, Code::ALL.iter().map(|c| c.as_str())) {
        Some(m) => format!("unknown diagnostic code `{s}`; did you mean `{m}`?"),
        None => format!("unknown diagnostic code `{s}`"),
    }
}

impl schemars::JsonSchema for Code {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Code".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        schemars::json_schema!({
            "type": "string",
            "enum": codes,
            "description": "A stable diagnostic code; see docs/DIAGNOSTICS.md."
        })
    }
}

/// Read by its name, as [`Code`]'s `FromStr` reads it.
impl<'de> serde::Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        name.parse().map_err(serde::de::Error::custom)
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One problem found in a dataset.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[non_exhaustive]
pub struct Diagnostic {
    /// The stable code.
    pub code: Code,
    /// Error or warning, after overrides.
    pub severity: Severity,
    /// What is wrong, in plain words.
    pub message: String,
    /// Where; absent for a problem of the dataset as a whole.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// Other places involved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// How to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with the code's default severity.
    pub fn new(code: Code, message: impl Into<String>, location: Option<Location>) -> Self {
        Self {
            code,
            severity: code.default_severity(),
            message: message.into(),
            location,
            related: Vec::new(),
            help: None,
        }
    }

    /// Adds help.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a related location.
    pub fn with_related(mut self, location: Location, message: impl Into<String>) -> Self {
        self.related.push(Related {
            location,
            message: message.into(),
        });
        self
    }

    /// Whether the diagnostic concerns one of `files` (their shown paths): it is located in
    /// one, or points into one (a duplicate of an id one defines). One without a location is
    /// about the dataset as a whole, so it concerns every part.
    pub(crate) fn concerns(&self, files: &std::collections::HashSet<String>) -> bool {
        let Some(location) = &self.location else {
            return true;
        };
        files.contains(&location.file)
            || self
                .related
                .iter()
                .any(|r| files.contains(&r.location.file))
    }

    /// A note comes after the errors and warnings of its file whatever its line: a note says
    /// what those problems kept from being checked, so it reads as their consequence.
    fn sort_key(&self) -> (Option<PlaceKey<'_>>, Code, &str) {
        (
            self.location.as_ref().map(|l| {
                (
                    l.file.as_str(),
                    self.severity == Severity::Note,
                    l.start.line,
                    l.start.column,
                )
            }),
            self.code,
            &self.message,
        )
    }
}

/// File, whether a note, line and column: where a diagnostic sorts within the report.
type PlaceKey<'a> = (&'a str, bool, u32, u32);

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(l) = &self.location {
            write!(f, "{l}: ")?;
        }
        write!(f, "{}[{}]: {}", self.severity, self.code, self.message)
    }
}

/// What the caller does with a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Level {
    /// Drop it.
    Allow,
    /// Report it as a warning.
    Warn,
    /// Report it as an error.
    Deny,
}

/// Per-code severity changes (`--allow`, `--warn`, `--deny`, `--deny-warnings`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SeverityOverrides {
    levels: BTreeMap<Code, Level>,
    /// Turn every remaining warning into an error.
    pub deny_warnings: bool,
}

impl SeverityOverrides {
    /// Sets the level of one code (the last setting wins).
    pub fn set(&mut self, code: Code, level: Level) -> &mut Self {
        self.levels.insert(code, level);
        self
    }

    /// Applies the overrides: `None` when the diagnostic is allowed. A code that
    /// [cannot be silenced](Code::is_unsilenceable) keeps its severity.
    pub fn apply(&self, mut d: Diagnostic) -> Option<Diagnostic> {
        match self.levels.get(&d.code) {
            _ if d.code.is_unsilenceable() => {}
            Some(Level::Allow) => return None,
            Some(Level::Warn) => d.severity = Severity::Warning,
            Some(Level::Deny) => d.severity = Severity::Error,
            None => {}
        }
        if self.deny_warnings && d.severity == Severity::Warning {
            d.severity = Severity::Error;
        }
        Some(d)
    }

    /// Whether a diagnostic of `code` that is an error by default is still shown as one.
    pub(crate) fn keeps_error(&self, code: Code) -> bool {
        self.apply(Diagnostic::new(code, "", None))
            .is_some_and(|d| d.severity == Severity::Error)
    }
}

/// A diagnostic silenced by an inline `# treaty: allow(code) reason` comment.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[non_exhaustive]
pub struct Suppressed {
    /// The silenced diagnostic.
    pub diagnostic: Diagnostic,
    /// The reason written in the comment.
    pub reason: String,
}

/// Everything a validation found.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[non_exhaustive]
pub struct Report {
    /// Number of files read and checked: a file that could not be read, or was too large to be,
    /// is not counted (its diagnostic says why).
    pub files: usize,
    /// The diagnostics, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// Diagnostics silenced inline, with their reasons.
    pub suppressed: Vec<Suppressed>,
    /// The text of every file a diagnostic speaks of, keyed by the path diagnostics show.
    /// Renderers draw their snippets from it and never read files, so a snippet shows the
    /// text that was validated, for a file, standard input or an in-memory input alike. A
    /// file that changed on disk while it was validated, before the report was made, has no
    /// entry, and its diagnostics are shown without a snippet.
    #[serde(skip)]
    #[schemars(skip)]
    pub sources: BTreeMap<String, std::sync::Arc<str>>,
}

impl Report {
    /// The validated text of `file`, when a diagnostic speaks of it.
    pub fn source(&self, file: &str) -> Option<&str> {
        self.sources.get(file).map(|s| &**s)
    }

    /// Sorts diagnostics by file, line, column, then code; a file's notes come after its
    /// errors and warnings.
    pub fn sort(&mut self) {
        self.diagnostics
            .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.suppressed
            .sort_by(|a, b| a.diagnostic.sort_key().cmp(&b.diagnostic.sort_key()));
    }

    /// Number of errors.
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    /// Number of warnings.
    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, s: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == s).count()
    }

    /// True when there is no error.
    pub fn is_valid(&self) -> bool {
        self.errors() == 0
    }

    /// True when a file could not be read (the CLI exits 2 rather than 1).
    pub fn has_io_error(&self) -> bool {
        self.diagnostics.iter().any(|d| d.code == Code::Io)
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Counts for a validation run.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[non_exhaustive]
pub struct Summary {
    /// Files read.
    pub files: usize,
    /// Errors reported.
    pub errors: usize,
    /// Warnings reported.
    pub warnings: usize,
    /// Notes reported (what was left unchecked, and why); absent when there are none.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub notes: usize,
    /// Diagnostics silenced inline.
    pub suppressed: usize,
    /// Wall-clock time of the run in milliseconds, when measured.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub elapsed_ms: Option<u64>,
}

/// The machine-readable result of `treaty validate --format json`.
///
/// Its JSON Schema is published as `schemas/validation-report.schema.json`.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[non_exhaustive]
pub struct ReportDocument {
    /// The tool that wrote the report (`treaty`).
    pub tool: String,
    /// The tool's version.
    pub version: String,
    /// Whether the data is valid (no errors).
    pub valid: bool,
    /// Counts.
    pub summary: Summary,
    /// Every diagnostic, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// Diagnostics silenced inline, with their reasons.
    pub suppressed: Vec<Suppressed>,
    /// Files whose diagnostics were not all listed (a renderer's limit per file), with the
    /// number left out; the counts of `summary` include them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub omitted: Vec<Omitted>,
}

/// Diagnostics of one file left out of a rendered report.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[non_exhaustive]
pub struct Omitted {
    /// The file (empty for problems of the dataset as a whole).
    pub file: String,
    /// How many of its diagnostics were left out.
    pub count: usize,
}

impl Omitted {
    /// `count` diagnostics of `file` left out.
    pub fn new(file: impl Into<String>, count: usize) -> Self {
        Self {
            file: file.into(),
            count,
        }
    }
}

impl Report {
    /// The counts of this report.
    pub fn summary(&self, elapsed_ms: Option<u64>) -> Summary {
        Summary {
            files: self.files,
            errors: self.errors(),
            warnings: self.warnings(),
            notes: self
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Note)
                .count(),
            suppressed: self.suppressed.len(),
            elapsed_ms,
        }
    }

    /// The report as the JSON document `--format json` writes.
    pub fn to_document(
        &self,
        tool: &str,
        version: &str,
        elapsed_ms: Option<u64>,
    ) -> ReportDocument {
        ReportDocument {
            tool: tool.to_owned(),
            version: version.to_owned(),
            valid: self.is_valid(),
            summary: self.summary(elapsed_ms),
            diagnostics: self.diagnostics.clone(),
            suppressed: self.suppressed.clone(),
            omitted: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_summary_and_a_fix() {
        for c in Code::ALL {
            assert!(!c.summary().is_empty(), "{c} has no summary");
            assert!(!c.fix().is_empty(), "{c} has no fix");
        }
    }

    #[test]
    fn codes_parse_from_their_names_and_unknown_names_get_a_suggestion() {
        for &c in Code::ALL {
            assert_eq!(c.as_str().parse::<Code>(), Ok(c));
            assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
        }
        assert_eq!(
            "duplicate-keys".parse::<Code>(),
            Err(
                "unknown diagnostic code `duplicate-keys`; did you mean `duplicate-key`?"
                    .to_owned()
            )
        );
    }
}
