//! The driver: one file through the whole pipeline, top to bottom.
//!
//! bytes -> parse (a value whose nodes carry byte ranges) -> header (`kind`,
//! `schema_version`, modeline) -> JSON Schema (every error) -> typed model -> content checks
//! and the ids and references the cross-file checks need, with their places
//! ([`references`]). The cross-file checks and the report come after every file is through
//! ([`super::finish`]).

use std::borrow::Cow;
use std::sync::Arc;

use serde_json::Value;

use super::locate::{Locator, location};
use super::references::{self, References};
use super::schema_check;
use super::suppress::{self, InlineAllow};
use super::text::Text;
use super::typed::{self, SetAside};
use super::{Options, content, header};
use crate::diagnostic::{Code, Diagnostic, Location, Severity};
use crate::model::{Document, FileKind};
use crate::syntax::{self, ProblemKind, ProblemSeverity};

/// What one file yields.
#[derive(Debug, Clone)]
pub(crate) struct FileOutcome {
    pub path: String,
    /// The file's kind, unless its header does not say it or a modeline contradicts it.
    pub kind: Option<FileKind>,
    /// For a file whose header cannot be read (it does not parse, or `kind` is missing or
    /// unknown), the kind its modeline names: what it most likely defines.
    pub modeline_kind: Option<FileKind>,
    pub document: Option<Document>,
    /// Whether the typed model read the file, perhaps setting entries aside (its document
    /// may have been dropped since, when no dataset is built). A file it could not read
    /// defines no id that the cross-file checks know of.
    pub read: bool,
    /// The entries of top-level lists that the model could not read and left out.
    pub set_aside: Vec<SetAside>,
    /// Whether the JSON Schema rejected some of the file's data: the typed model may still
    /// read a value the schema forbids (a paragraph numbered 0), so what the file describes
    /// is in doubt.
    pub rejected: bool,
    /// What the cross-file checks read besides the document, when they run.
    pub references: References,
    pub diagnostics: Vec<Diagnostic>,
    pub allows: Vec<InlineAllow>,
    /// The parsed value, kept only when asked for (conversion).
    pub value: Option<Value>,
    /// The file's text as validated, for the report's snippets.
    pub source: Option<Text>,
}

impl FileOutcome {
    /// Whether the typed model read all of the file.
    pub(crate) fn complete(&self) -> bool {
        self.read && self.set_aside.is_empty()
    }

    /// Whether the file loaded but what it describes may be short or wrong: entries were set
    /// aside, or the schema rejected some of its data.
    pub(crate) fn in_doubt(&self) -> bool {
        self.read && (!self.set_aside.is_empty() || self.rejected)
    }

    /// The outcome of a file that yields nothing but diagnostics.
    pub(crate) fn empty(path: &str) -> Self {
        Self {
            path: path.to_owned(),
            kind: None,
            modeline_kind: None,
            document: None,
            read: false,
            set_aside: Vec::new(),
            rejected: false,
            references: References::default(),
            diagnostics: Vec::new(),
            allows: Vec::new(),
            value: None,
            source: None,
        }
    }
}

/// Checks one file's bytes, shown as `path`; never panics on any input. `on_disk` is where
/// the file is, when it has a place on disk: its modeline is read from there. With
/// `keep_value`, the parsed value is kept in the outcome (for conversion). Borrowed bytes (an
/// input given in memory) are copied only once they are known to be within the size limit.
pub(crate) fn check(
    path: &str,
    on_disk: Option<&std::path::Path>,
    bytes: Cow<'_, [u8]>,
    options: &Options,
    keep_value: bool,
) -> FileOutcome {
    let mut out = FileOutcome::empty(path);
    if bytes.len() > options.limits.max_bytes {
        let size = u64::try_from(bytes.len()).ok();
        out.diagnostics
            .push(too_large(path, size, options.limits.max_bytes));
        return out;
    }
    // The report keeps the text it speaks of, so that snippets show what was validated.
    // Nearly every file is valid UTF-8, which `from_utf8` confirms a word at a time; the lossy
    // decoder walks every byte (3% of a cold run's instructions on the repository's data).
    let text = match std::str::from_utf8(&bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(&bytes),
    };
    let source: Arc<str> = Arc::from(text);
    out.source = Some(Text::Kept(Arc::clone(&source)));
    let is_json = path.ends_with(".json");
    // A byte-order mark (reported by the parser) must not hide the modeline on line 1;
    // offsets still count it (`base`), as the parser's do.
    let base = if bytes.starts_with(syntax::BOM) { 3 } else { 0 };

    // Parse.
    let parsed = syntax::parse_owned(bytes.into_owned(), &options.limits, is_json);
    for p in parsed.problems {
        out.diagnostics.push(syntax_diagnostic(path, p, is_json));
    }
    let Some(doc) = parsed.doc else {
        if !is_json {
            out.modeline_kind = header::modeline_kind(&source[base..]);
        }
        return out;
    };
    let text = doc.spans.text();
    if !is_json {
        let (allows, problems) = suppress::scan(path, text, base);
        out.allows = allows;
        out.diagnostics.extend(problems);
    }
    let locator = Locator::new(path, &doc.value, &doc.spans);

    // Header.
    let mut header_problems = Vec::new();
    let Some(kind) = header::header(&doc.value, &locator, &mut header_problems) else {
        out.diagnostics.extend(header_problems);
        if !is_json {
            out.modeline_kind = header::modeline_kind(text);
        }
        return out;
    };
    out.kind = Some(kind);
    let other_kind = if is_json {
        None
    } else {
        header::modeline(path, text, base, kind, on_disk, &mut header_problems)
    };
    let bad_version = header_problems
        .iter()
        .any(|d| d.code == Code::MissingSchemaVersion);
    let newer = header_problems
        .iter()
        .any(|d| d.code == Code::NewerSchemaVersion);
    // A modeline naming another kind's schema contradicts `kind`, and either may be the
    // mistake: checked as the kind it says, a data-categories file marked
    // `sensitivity-categories` gives an unknown field per entry and leaves every reference
    // to a data category unknown. Like a bad header, the contradiction is the one error; the
    // file goes no further. A modeline naming no kind (a typo in it) contradicts nothing, and
    // an allowed (or warned) mismatch stops nothing.
    let shown_as_error = |code: Code| {
        options.overrides.keeps_error(code) && !out.allows.iter().any(|a| a.code == code)
    };
    let contradicted = other_kind.is_some() && shown_as_error(Code::ModelineMismatch);
    // An error of the header holds back the typed model's errors everywhere; one of an allow
    // comment explains nothing in the data. (A YAML error leaves no document to get here.)
    let header_error = header_problems
        .iter()
        .any(|d| d.severity == Severity::Error);
    out.diagnostics.extend(header_problems);
    if contradicted {
        // Either kind may be the file's: what it may define is in doubt.
        out.kind = None;
        return out;
    }

    // JSON Schema: every error. A bad `schema_version` was reported by the header; the
    // schema's own complaint about that field would say it again.
    let skip = bad_version.then_some("schema_version");
    let mut rejected = Vec::new();
    let mut unknown = Vec::new();
    if options.schema {
        // A misspelt required field is reported once, as the unknown field whose help names
        // it, unless unknown fields are allowed, or only warned of in a newer file's data: then
        // the missing field is the error left to say.
        let misspellings = shown_as_error(Code::UnknownField) && !newer;
        for (pointer, mut d) in schema_check::check(kind, &doc.value, &locator, skip, misspellings)
        {
            if d.code == Code::UnknownField {
                unknown.push(pointer.clone());
            }
            // Data for a newer minor version may hold the fields and vocabulary values that
            // version added (docs/VERSIONING.md): this validator cannot tell them from typos,
            // so it warns, and the typed model, which ignores unknown fields and reads unknown
            // values as `Unrecognized`, still reads the file.
            if newer && matches!(d.code, Code::UnknownField | Code::InvalidValue) {
                d.severity = Severity::Warning;
            } else {
                rejected.push(pointer);
            }
            out.diagnostics.push(d);
        }
    }

    // Texts that are empty or hold a control character (`content::texts`). One the schema
    // already rejected (an empty quote) is not reported twice, nor is one
    // anywhere in an unknown field (`publisher2: ""`): the field is the one mistake, and what
    // it should hold is not known (in a newer file's data it may be a field of that version).
    // Like the schema, it is a check of the file's own: the rest of a dataset read for the
    // cross-file checks is spared it.
    let mut wrong_texts = Vec::new();
    if options.schema {
        let in_unknown = |pointer: &str| {
            unknown.iter().any(|u| {
                pointer
                    .strip_prefix(u.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
            })
        };
        for (pointer, d) in content::texts(&doc.value, &locator) {
            if !rejected.contains(&pointer) && !in_unknown(&pointer) {
                out.diagnostics.push(d);
                wrong_texts.push(pointer);
            }
        }
    }

    // Typed model. It is tried even after schema errors: when those are suppressed inline the
    // document must still reach the dataset, and the entries it can read still take part in
    // the cross-file checks. Its own errors are reported only when nothing earlier explains
    // them: a failure of the whole document after any error, an entry set aside after an
    // error of the header or of that entry (not one elsewhere in the file, which would hide
    // an impossible date until an unrelated typo is fixed). A wrong text explains them too:
    // an address with a control character is one mistake, reported once.
    out.rejected = !rejected.is_empty();
    rejected.append(&mut wrong_texts);
    let explained = header_error || !rejected.is_empty();
    let explains_entry = |s: &typed::SetAside| {
        let entry = format!("/{}/{}", s.list, s.index);
        header_error
            || rejected
                .iter()
                .any(|p| p == &entry || p.starts_with(&format!("{entry}/")))
    };
    let invalid_data = |pointer: &str, message: String| {
        Diagnostic::new(Code::InvalidData, message, Some(locator.node(pointer)))
            .with_help(schema_check::invalid_data_help(kind, pointer))
    };
    match typed::read(kind, &doc.value) {
        Ok(read) => {
            out.read = true;
            for s in read.set_aside.iter().filter(|s| !explains_entry(s)) {
                out.diagnostics
                    .push(invalid_data(&s.pointer, s.message.clone()));
            }
            out.set_aside = read.set_aside;
            let d = read.document;
            // Content checks place their findings by index, which set-aside entries shift.
            if out.complete() {
                out.diagnostics.extend(content::check(&d, &locator));
            }
            // The walk of the ids finds the repeated items too, a check of the file's own, so
            // it runs even when the cross-file checks do not.
            let mut refs = references::collect(&d, &locator, &out.set_aside);
            let repeats = std::mem::take(&mut refs.repeated);
            content::repeated(repeats, path, &mut out.diagnostics);
            if options.cross_file {
                out.references = refs;
            }
            if options.dataset || cross_file_checks_read(kind) {
                out.document = Some(d);
            }
        }
        Err((pointer, message)) => {
            if !explained {
                out.diagnostics.push(invalid_data(&pointer, message));
            }
            // Without a typed document the file's own references go unchecked: a typo in an
            // id would appear only once the errors are fixed, so the reader is told. Which of
            // the errors stops the reading is not known, so the note stands at the file.
            if options.cross_file {
                out.diagnostics.push(
                    Diagnostic::new(
                        Code::UncheckedReferences,
                        "the file's errors keep it from being read, so its own references (ids, provisions) were not checked",
                        Some(Location::file_start(path)),
                    )
                    .with_help("fix its errors; the references are checked once the file reads"),
                );
            }
        }
    }
    if keep_value {
        out.value = Some(doc.value);
    }
    out
}

/// The kinds whose typed documents the cross-file checks ([`super::semantic`]) read (the
/// structure of the text, the powers); the others are kept only to build a dataset.
fn cross_file_checks_read(kind: FileKind) -> bool {
    matches!(
        kind,
        FileKind::Chapter | FileKind::Concordance | FileKind::Powers
    )
}

/// `size` is `None` when the input had no size to check before reading (a pipe, a device)
/// and a read bounded by the limit found it longer.
pub(crate) fn too_large(path: &str, size: Option<u64>, max: usize) -> Diagnostic {
    let what = match size {
        Some(size) => format!("the file is {size} bytes"),
        None => "the input is longer".to_owned(),
    };
    Diagnostic::new(
        Code::FileTooLarge,
        format!("{what}, more than the limit of {max} bytes"),
        Some(Location::file_start(path)),
    )
    .with_help("split it into smaller files (one per natural unit); a program using treaty-model can raise `Limits::max_bytes`")
}

/// A reading problem of the parser as a diagnostic, under the code of its kind (a syntax error
/// under the code of the file's format).
fn syntax_diagnostic(path: &str, p: syntax::Problem, is_json: bool) -> Diagnostic {
    let code = match p.kind {
        ProblemKind::InvalidUtf8 => Code::InvalidUtf8,
        ProblemKind::ByteOrderMark => Code::ByteOrderMark,
        ProblemKind::Syntax if is_json => Code::JsonSyntax,
        ProblemKind::Syntax => Code::YamlSyntax,
        ProblemKind::JsonSyntax => Code::JsonSyntax,
        ProblemKind::TabIndentation => Code::TabIndentation,
        ProblemKind::DuplicateKey => Code::DuplicateKey,
        ProblemKind::NonScalarKey => Code::NonScalarKey,
        ProblemKind::AliasLimit => Code::AliasLimit,
        ProblemKind::UnknownAlias => Code::UnknownAlias,
        ProblemKind::DepthLimit => Code::DepthLimit,
        ProblemKind::SizeLimit => Code::FileTooLarge,
        ProblemKind::NodeLimit => Code::NodeLimit,
        ProblemKind::MultipleDocuments => Code::MultipleDocuments,
        ProblemKind::EmptyDocument => Code::EmptyDocument,
        ProblemKind::Tag => Code::YamlTag,
        ProblemKind::MergeKey => Code::MergeKey,
        ProblemKind::Yaml11Boolean => Code::Yaml11Boolean,
        ProblemKind::Yaml11Date => Code::Yaml11Date,
        ProblemKind::CommentInValue => Code::CommentInValue,
        ProblemKind::LeadingZeroNumber => Code::LeadingZero,
        ProblemKind::NumberNotation => Code::NumberNotation,
        ProblemKind::NonFiniteNumber => Code::NonFiniteNumber,
        ProblemKind::NulByte => Code::NulByte,
    };
    let mut d = Diagnostic::new(code, p.message, Some(location(path, p.span)));
    if p.severity == ProblemSeverity::Warning {
        d.severity = crate::diagnostic::Severity::Warning;
    }
    if let Some((span, label)) = p.related {
        d = d.with_related(location(path, span), label);
    }
    if let Some(h) = p.help {
        d = d.with_help(h);
    }
    d
}
