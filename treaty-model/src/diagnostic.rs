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
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Severity {
    /// The data is invalid.
    Error,
    /// The data is valid but probably not what was meant.
    Warning,
    /// Information about the validation itself, such as checks that could not run.
    Note,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Error => "error",
            Self::Warning => "warning",
            Self::Note => "note",
        })
    }
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
    schemars::JsonSchema,
)]
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
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, schemars::JsonSchema,
)]
pub struct Location {
    /// The file, as given to the validator (relative paths stay relative).
    pub file: String,
    /// Where the range starts.
    pub start: Position,
    /// Where it ends (exclusive).
    pub end: Position,
}

impl Location {
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
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct Related {
    /// Where.
    pub location: Location,
    /// What is there ("first defined here").
    pub message: String,
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, $sev:ident, $summary:literal, $fix:literal; )*) => {
        /// Stable diagnostic codes. Each is documented in `docs/DIAGNOSTICS.md` with an example.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[$doc])* $variant, )*
        }

        impl Code {
            /// Every code, in documentation order.
            pub const ALL: &'static [Code] = &[ $( Code::$variant, )* ];

            /// The code as written in output and in `--allow` / `# treaty: allow(...)`.
            pub fn as_str(self) -> &'static str {
                match self { $( Code::$variant => $name, )* }
            }

            /// Severity unless the caller or the dataset changes it.
            pub fn default_severity(self) -> Severity {
                match self { $( Code::$variant => Severity::$sev, )* }
            }

            /// One line on what the code means.
            pub fn summary(self) -> &'static str {
                match self { $( Code::$variant => $summary, )* }
            }

            /// How to fix it, in general.
            pub fn fix(self) -> &'static str {
                match self { $( Code::$variant => $fix, )* }
            }
        }
    };
}

codes! {
    /// The file could not be read.
    Io = "io-error", Error, "the file could not be read", "check that the path exists and is readable";
    /// A symbolic link in a dataset directory points outside it.
    OutsideDataset = "outside-dataset", Error, "a symbolic link points outside the dataset directory", "copy the file into the dataset, or remove the link";
    /// A file is larger than the size limit.
    FileTooLarge = "file-too-large", Error, "the file is larger than the size limit", "split the file; one file per natural unit";
    /// Bytes that are not UTF-8.
    InvalidUtf8 = "invalid-utf8", Error, "the file is not valid UTF-8", "save the file as UTF-8";
    /// A NUL byte.
    NulByte = "nul-byte", Error, "the file contains a NUL byte", "remove the byte; dataset files are text";
    /// A byte-order mark at the start of the file.
    ByteOrderMark = "byte-order-mark", Warning, "the file starts with a byte-order mark", "save the file as UTF-8 without BOM";
    /// YAML that does not parse.
    YamlSyntax = "yaml-syntax", Error, "the YAML does not parse", "fix the syntax at the position shown";
    /// JSON that does not parse (trailing commas, comments...).
    JsonSyntax = "json-syntax", Error, "the JSON does not parse", "fix the syntax at the position shown";
    /// Tabs used for indentation.
    TabIndentation = "tab-indentation", Error, "a tab is used for indentation", "indent with spaces";
    /// The same key twice in one mapping.
    DuplicateKey = "duplicate-key", Error, "a mapping has the same key twice", "remove or rename one of the keys";
    /// A mapping or sequence used as a key.
    NonScalarKey = "non-scalar-key", Error, "a key is a mapping or a sequence", "use a plain text key";
    /// Aliases expand into too many nodes (billion laughs).
    AliasLimit = "alias-limit", Error, "aliases expand into too many nodes", "write the data out instead of using anchors and aliases";
    /// An alias to an anchor that does not exist.
    UnknownAlias = "unknown-alias", Error, "an alias refers to an unknown anchor", "define the anchor before the alias, or write the data out";
    /// Nesting deeper than the limit.
    DepthLimit = "depth-limit", Error, "the data is nested too deeply", "flatten the structure";
    /// More nodes than the limit.
    NodeLimit = "node-limit", Error, "the file has too many nodes", "split the file";
    /// More than one YAML document in a file.
    MultipleDocuments = "multiple-documents", Error, "the file holds more than one YAML document", "put each document in its own file";
    /// A file with no document.
    EmptyDocument = "empty-document", Error, "the file is empty", "write a document with `kind` and `schema_version`, or delete the file";
    /// An explicit YAML tag.
    YamlTag = "yaml-tag", Error, "YAML tags are not supported", "remove the tag; values are typed by the schema";
    /// A YAML merge key (`<<`).
    MergeKey = "merge-key", Error, "YAML merge keys are not supported", "write the keys out";
    /// `yes`/`no`/`on`/`off` read as text.
    Yaml11Boolean = "yaml11-boolean", Warning, "a YAML 1.1 boolean word is read as text", "write true or false for a boolean, or quote the word for text";
    /// A plain date, which YAML 1.1 loaders read as a date object.
    Yaml11Date = "yaml11-date", Warning, "a date without quotes is read as a date by YAML 1.1 loaders", "quote the date: `\"2024-07-09\"`";
    /// A number with a leading zero.
    LeadingZero = "leading-zero", Warning, "a number with a leading zero is read as decimal", "quote it if it is text, or remove the zero";
    /// `.inf` or `.nan`.
    NonFiniteNumber = "non-finite-number", Error, "infinite or NaN numbers cannot be represented in JSON", "use a finite number";
    /// The document is not a mapping with `kind`.
    MissingKind = "missing-kind", Error, "the document has no `kind`", "add `kind:` with one of the file kinds";
    /// `kind` names no known file kind.
    UnknownKind = "unknown-kind", Error, "`kind` names no known file kind", "use one of the file kinds listed in the help";
    /// `schema_version` is missing or malformed.
    MissingSchemaVersion = "missing-schema-version", Error, "the document has no valid `schema_version`", "add `schema_version: \"1.0\"`";
    /// A major schema version this validator does not support.
    UnsupportedSchemaVersion = "unsupported-schema-version", Error, "the file was written for another major schema version", "upgrade treaty-model, or rewrite the file for schema 1.x";
    /// A newer minor schema version.
    NewerSchemaVersion = "newer-schema-version", Warning, "the file was written for a newer minor schema version", "upgrade treaty-model to validate the newer fields";
    /// No `# yaml-language-server: $schema=` modeline.
    MissingModeline = "missing-modeline", Warning, "the file has no editor schema modeline", "add `# yaml-language-server: $schema=<relative path to schemas/KIND.schema.json>` as the first line";
    /// The modeline names another kind's schema.
    ModelineMismatch = "modeline-mismatch", Error, "the modeline names the schema of another kind", "point the modeline at the schema of the file's `kind`";
    /// A property the schema does not know.
    UnknownField = "unknown-field", Error, "a field is not part of the schema", "remove the field or fix its spelling";
    /// A required property is missing.
    MissingField = "missing-field", Error, "a required field is missing", "add the field";
    /// A value of the wrong JSON type.
    WrongType = "wrong-type", Error, "a value has the wrong type", "write a value of the type shown";
    /// A value outside a closed vocabulary.
    InvalidValue = "invalid-value", Error, "a value is not one of the allowed values", "use one of the values listed";
    /// A string that does not match its pattern (ids, dates, provisions).
    InvalidFormat = "invalid-format", Error, "a value does not have the required format", "write it in the format shown";
    /// A list with too few items, a number out of range, a string too long.
    OutOfRange = "out-of-range", Error, "a value is outside the allowed range or size", "respect the bound shown";
    /// Any other schema rule.
    SchemaViolation = "schema-violation", Error, "the value breaks a schema rule", "see the message";
    /// A value that passed the schema but not the typed model (a 30 February, an unassigned code).
    InvalidData = "invalid-data", Error, "a value is well-formed but not valid", "see the message";
    /// An id defined twice.
    DuplicateId = "duplicate-id", Error, "an id is defined twice", "rename one of them or merge the entries";
    /// A reference to an id that does not exist.
    UnknownReference = "unknown-reference", Error, "a reference names an id that is not defined", "fix the id or define it";
    /// A text version that does not exist.
    UnknownTextVersion = "unknown-text-version", Error, "a text version is not defined in the instrument file", "use a text version id of `instrument.yaml`";
    /// A provision that does not exist in its text version.
    UnknownProvision = "unknown-provision", Error, "a provision does not exist in its text version", "fix the number, qualify it with its text version, or add it to the structure or concordance";
    /// A provision cited but not described in the structure files.
    UndescribedProvision = "undescribed-provision", Warning, "a cited paragraph or point is not described in the chapter files", "add the paragraph or point to its article";
    /// A cross-border power whose domestic counterpart is not domestic.
    CounterpartNotDomestic = "counterpart-not-domestic", Error, "a domestic counterpart is not a domestic power", "point `domestic_counterpart` at a power with `scope: domestic`";
    /// A power whose scope disagrees with its chapter.
    ScopeMismatch = "scope-mismatch", Error, "a power's scope does not match the chapter of its provision", "domestic powers are in Chapter IV, cross-border ones in Chapter V";
    /// Dates in the wrong order.
    DatesOutOfOrder = "dates-out-of-order", Error, "dates are in an impossible order", "check both dates against their sources";
    /// A source a reader cannot open: no web address and no official symbol.
    SourceWithoutAddress = "source-without-address", Warning, "a source has neither a web address nor an official symbol", "add `url`, or `symbol` for an official document";
    /// A source's locator is a file path.
    LocatorIsAPath = "locator-is-a-path", Error, "a source's locator is a file path that readers cannot open", "cite the publication and say in words where the fact is";
    /// References that could not be checked because a file they may point into did not load.
    UncheckedReferences = "unchecked-references", Note, "references were not checked because a file could not be read", "fix the file's own error; its references are checked again then";
    /// The dataset has no instrument file.
    MissingInstrument = "missing-instrument", Error, "no file of kind `instrument`", "add `instrument.yaml` with the text versions";
    /// A `# treaty: allow(...)` comment without a reason.
    SuppressionWithoutReason = "suppression-without-reason", Error, "an inline allow has no reason", "write why after the parenthesis: `# treaty: allow(code) because ...`";
    /// A `# treaty: allow(...)` that silences nothing.
    UnusedSuppression = "unused-suppression", Warning, "an inline allow silences nothing", "remove the comment";
    /// A `# treaty: allow(...)` naming an unknown code.
    UnknownCode = "unknown-code", Error, "an inline allow names an unknown code", "use a code from docs/DIAGNOSTICS.md";
}

impl Code {
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
                | Code::MissingInstrument
        )
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Code {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == s)
            .ok_or_else(
                || match crate::suggest::closest(s, Self::ALL.iter().map(|c| c.as_str())) {
                    Some(m) => format!("unknown diagnostic code `{s}`; did you mean `{m}`?"),
                    None => format!("unknown diagnostic code `{s}`"),
                },
            )
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

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One problem found in a dataset.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
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
    #[serde(skip_serializing_if = "Vec::is_empty")]
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

    fn sort_key(&self) -> (Option<(&str, u32, u32)>, Code, &str) {
        (
            self.location
                .as_ref()
                .map(|l| (l.file.as_str(), l.start.line, l.start.column)),
            self.code,
            &self.message,
        )
    }
}

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

    /// Applies the overrides: `None` when the diagnostic is allowed.
    pub fn apply(&self, mut d: Diagnostic) -> Option<Diagnostic> {
        match self.levels.get(&d.code) {
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
}

/// A diagnostic silenced by an inline `# treaty: allow(code) reason` comment.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct Suppressed {
    /// The silenced diagnostic.
    pub diagnostic: Diagnostic,
    /// The reason written in the comment.
    pub reason: String,
}

/// Everything a validation found.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct Report {
    /// Number of files read.
    pub files: usize,
    /// The diagnostics, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// Diagnostics silenced inline, with their reasons.
    pub suppressed: Vec<Suppressed>,
    /// The text of every file a diagnostic speaks of, keyed by the path diagnostics show.
    /// Renderers draw their snippets from it and never read files, so a snippet shows the
    /// text that was validated, for a file, standard input or an in-memory input alike.
    #[serde(skip)]
    #[schemars(skip)]
    pub sources: BTreeMap<String, std::sync::Arc<str>>,
}

impl Report {
    /// The validated text of `file`, when a diagnostic speaks of it.
    pub fn source(&self, file: &str) -> Option<&str> {
        self.sources.get(file).map(|s| &**s)
    }

    /// Sorts diagnostics by file, line, column, then code.
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

/// Counts for a validation run.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct Summary {
    /// Files read.
    pub files: usize,
    /// Errors reported.
    pub errors: usize,
    /// Warnings reported.
    pub warnings: usize,
    /// Diagnostics silenced inline.
    pub suppressed: usize,
    /// Wall-clock time of the run in milliseconds, when measured.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub elapsed_ms: Option<u64>,
}

/// The machine-readable result of `treaty validate --format json`.
///
/// Its JSON Schema is published as `schemas/validation-report.schema.json`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
pub struct Omitted {
    /// The file (empty for problems of the dataset as a whole).
    pub file: String,
    /// How many of its diagnostics were left out.
    pub count: usize,
}

impl Report {
    /// The counts of this report.
    pub fn summary(&self, elapsed_ms: Option<u64>) -> Summary {
        Summary {
            files: self.files,
            errors: self.errors(),
            warnings: self.warnings(),
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
