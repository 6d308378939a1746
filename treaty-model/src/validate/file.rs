//! One file through syntax, header, schema and typed checks, ending with its facts.

use serde_json::Value;

use super::Options;
use super::facts::{self, Facts};
use super::locate::{Locator, location};
use super::schema_check::{self, Target};
use super::stream::{self, Keep, Streamed, Streamer, TypedItems};
use super::suppress::{self, InlineAllow};
use crate::convert::Format;
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{Document, FileKind, SchemaVersion};
use crate::suggest::closest;
use crate::syntax::{self, ProblemKind, ProblemSeverity};

/// What one file yields.
#[derive(Debug)]
pub(crate) struct FileOutcome {
    pub path: String,
    pub kind: Option<FileKind>,
    pub document: Option<Document>,
    /// Whether the typed model read the file (its document may have been dropped since, when
    /// no dataset is built).
    pub read: bool,
    pub facts: Facts,
    pub diagnostics: Vec<Diagnostic>,
    pub allows: Vec<InlineAllow>,
    /// The parsed value, kept only for conversion.
    pub value: Option<Value>,
    /// The file converted to text, when asked for.
    pub text: Option<String>,
    /// The file's text as validated, for the report's snippets.
    pub source: Option<std::sync::Arc<str>>,
    /// Whether the file got past its parse and header, so that its ids were collected. When
    /// not, references into it cannot be checked.
    pub loaded: bool,
}

/// What a file's check keeps of it besides its outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Output {
    /// Nothing: validation.
    Nothing,
    /// Its whole value.
    Value,
    /// Its text in a format, written item by item as the file is read.
    Text(Format),
}

impl FileOutcome {
    /// The outcome of a file that yields nothing but diagnostics.
    pub(crate) fn empty(path: &str) -> Self {
        Self {
            path: path.to_owned(),
            kind: None,
            document: None,
            read: false,
            facts: Facts::default(),
            diagnostics: Vec::new(),
            allows: Vec::new(),
            value: None,
            text: None,
            source: None,
            loaded: false,
        }
    }
}

/// Like [`check`], keeping the parsed value when the file is valid on its own.
pub(crate) fn check_keeping_value(path: &str, bytes: Vec<u8>, options: &Options) -> FileOutcome {
    run(path, bytes, options, Output::Value)
}

/// Like [`check`], converting the file to `format` too.
pub(crate) fn check_converting(
    path: &str,
    bytes: Vec<u8>,
    options: &Options,
    format: Format,
) -> FileOutcome {
    run(path, bytes, options, Output::Text(format))
}

/// Checks one file's bytes. Never panics on any input. The bytes become the span tree's
/// source text rather than being copied: on a large file that is its size in memory saved.
pub(crate) fn check(path: &str, bytes: Vec<u8>, options: &Options) -> FileOutcome {
    run(path, bytes, options, Output::Nothing)
}

fn run(path: &str, bytes: Vec<u8>, options: &Options, output: Output) -> FileOutcome {
    let keep_value = output == Output::Value;
    let mut out = FileOutcome::empty(path);
    if bytes.len() > options.limits.max_bytes {
        out.diagnostics.push(too_large(
            path,
            Some(bytes.len() as u64),
            options.limits.max_bytes,
        ));
        return out;
    }
    // The report keeps the text it speaks of, so that snippets show what was validated.
    out.source = Some(std::sync::Arc::from(String::from_utf8_lossy(&bytes)));
    let is_json = path.ends_with(".json");
    // A byte-order mark (already reported by the parser) must not hide the modeline on line 1;
    // offsets still count it (`base`), as the parser's do.
    let base = if bytes.starts_with(syntax::BOM) { 3 } else { 0 };
    // Validation (and conversion to text) checks the top-level lists item by item as they
    // are read, and never holds them; only a caller that wants the value reads it whole.
    let format = match output {
        Output::Text(format) => Some(format),
        _ => None,
    };
    let mut streamer = (!keep_value).then(|| Streamer::new(path, options, format));
    let sink = streamer.as_mut().map(|s| s as &mut dyn syntax::ItemSink);
    let parsed = syntax::parse_owned(bytes, &options.limits, is_json, sink);
    for p in parsed.problems {
        out.diagnostics.push(syntax_diagnostic(path, p, is_json));
    }
    let Some(mut doc) = parsed.doc else {
        return out;
    };
    let text = doc.spans.text();
    if !is_json {
        let (allows, problems) = suppress::scan(path, text, base);
        out.allows = allows;
        out.diagnostics.extend(problems);
    }
    let locator = Locator::new(path, &doc.value, &doc.spans);
    let Some(kind) = header(&doc.value, &locator, &mut out.diagnostics) else {
        return out;
    };
    out.kind = Some(kind);
    out.loaded = true;
    let mut streamed = streamer.and_then(|s| s.finish(kind, &mut doc.value, &doc.spans));
    if let Some(format) = format {
        out.text = Some(match (&mut streamed, doc.value.as_object()) {
            (Some(streamed), Some(root)) => {
                format.document(root, &std::mem::take(&mut streamed.written))
            }
            _ => format.whole(&doc.value),
        });
    }
    let locator = Locator::new(path, &doc.value, &doc.spans);
    if !is_json {
        modeline(path, text, base, kind, &mut out.diagnostics);
    }
    let header_places: Vec<_> = out
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::MissingSchemaVersion)
        .filter_map(|d| d.location.as_ref().map(|l| l.start))
        .collect();
    let (schema_errors, facts, streamed) =
        schema_and_facts(kind, &locator, doc.spans.text().len(), streamed, options);
    let typed_failed = streamed.as_ref().is_some_and(|s| s.failed);
    out.facts = facts;
    // The header already reported a bad `schema_version`; the schema would say it again.
    let schema_errors: Vec<Diagnostic> = schema_errors
        .into_iter()
        .filter(|d| {
            let repeats_header = !header_places.is_empty()
                && (d.message.contains("`schema_version`")
                    || d.location
                        .as_ref()
                        .is_some_and(|l| header_places.contains(&l.start)));
            !repeats_header
        })
        .collect();
    // A string the schema pattern already rejected is not reported a second time.
    let invalid: Vec<Diagnostic> = std::mem::take(&mut out.facts.invalid)
        .into_iter()
        .filter(|d| {
            !schema_errors.iter().any(|s| {
                s.location.as_ref().map(|l| l.start) == d.location.as_ref().map(|l| l.start)
            })
        })
        .collect();
    out.diagnostics.extend(schema_errors);
    out.diagnostics.extend(invalid);
    let explained = out
        .diagnostics
        .iter()
        .any(|d| d.severity == crate::diagnostic::Severity::Error);
    // The spans are done with; the value moves into the typed model, so the two are never
    // in memory at once (the value's strings become the model's).
    // The text is kept (without the tree) for the rare typed error, which parses it again.
    let text = doc.spans.take_text();
    let syntax::SpannedDoc { mut value, spans } = doc;
    drop(spans);
    if streamed.is_some() {
        // The lists' items were read on their own; the root is read without them.
        for key in stream::fields(kind) {
            if let Some(Value::Array(list)) = value.get_mut(key) {
                list.clear();
            }
        }
    }
    // The typed reader is tolerant, so it is tried even after schema errors: when those are
    // suppressed inline the document must still reach the dataset. Its own error is reported
    // only when nothing earlier explains it.
    // A value kept for conversion is read by copy, the model's strings apart from its own;
    // otherwise by move.
    let read = if keep_value {
        let read = typed(kind, &value, false);
        out.value = Some(value);
        read
    } else {
        typed(kind, value, false)
    };
    // With its lists read item by item, the file reads only if the root and every item do.
    match read.ok().filter(|_| !typed_failed) {
        Some(mut d) => {
            out.read = true;
            let keep = Keep::of(kind, options);
            if let Some(streamed) = streamed.filter(|_| keep != Keep::Nothing) {
                streamed.attach(&mut d);
            } else if let (Document::Powers(p), Keep::Checked) = (&mut d, keep) {
                p.powers.iter_mut().for_each(super::semantic::outline_power);
            }
            if keep != Keep::Nothing {
                out.document = Some(d);
            }
        }
        None => {
            out.value = None;
            if !explained {
                let (message, location) = typed_error(path, &text, base, is_json, kind, options);
                out.diagnostics.push(
                    Diagnostic::new(Code::InvalidData, message, Some(location)).with_help(
                        "the value has the right shape but does not exist (a date, a country code)",
                    ),
                );
            }
        }
    }
    out
}

/// Files from this size up are schema-checked on a second thread while the facts are
/// collected: the two only read the value, and one big file would otherwise leave the other
/// cores idle. Below it a thread costs more than it saves.
const PARALLEL_CHECKS_MIN: usize = 1 << 20;

/// The schema diagnostics and the facts of a parsed document, with those of its items when
/// they were checked as they were read (`streamed`, handed back without them).
fn schema_and_facts(
    kind: FileKind,
    locator: &Locator<'_>,
    size: usize,
    streamed: Option<Streamed>,
    options: &Options,
) -> (Vec<Diagnostic>, Facts, Option<TypedItems>) {
    if let Some(Streamed {
        mut schema_errors,
        mut facts,
        typed,
        written: _,
    }) = streamed
    {
        schema_errors.extend(schema_check::check(
            kind,
            Target::Root,
            locator.value(),
            locator,
        ));
        if let Some(root) = locator.value().as_object() {
            facts.settle_version(root);
        }
        facts.root(locator);
        return (schema_errors, facts.finish(), Some(typed));
    }
    let whole = || schema_check::check(kind, Target::Whole, locator.value(), locator);
    let facts = || facts::collect(kind, locator, options.cross_file);
    if size < PARALLEL_CHECKS_MIN {
        return (whole(), facts(), None);
    }
    std::thread::scope(|scope| {
        let schema = scope.spawn(whole);
        let facts = facts();
        let schema = schema
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (schema, facts, None)
    })
}

/// The kinds whose typed documents the cross-file checks read (the structure of the text, the
/// powers, the participation dates); the others are kept only to build a dataset.
pub(crate) fn needed_by_cross_file_checks(kind: FileKind) -> bool {
    matches!(
        kind,
        FileKind::Chapter | FileKind::Concordance | FileKind::Powers | FileKind::Participation
    )
}

/// What the typed model says about a file it rejected, and where. The value it read has been
/// consumed, so the file is parsed again and read with its path tracked (which costs a third
/// of the reading time, so the first read does without). Only a file that passes every other
/// check and still fails the typed model gets here.
fn typed_error(
    path: &str,
    text: &str,
    base: usize,
    is_json: bool,
    kind: FileKind,
    options: &Options,
) -> (String, Location) {
    // The byte order mark goes back in front, so that offsets count it as before.
    let mut bytes = Vec::with_capacity(base + text.len());
    if base > 0 {
        bytes.extend_from_slice(syntax::BOM);
    }
    bytes.extend_from_slice(text.as_bytes());
    let parsed = syntax::parse_owned(bytes, &options.limits, is_json, None);
    let Some(doc) = parsed.doc else {
        return (
            "the file cannot be read into the model".to_owned(),
            Location::file_start(path),
        );
    };
    let locator = Locator::new(path, &doc.value, &doc.spans);
    match typed(kind, &doc.value, true) {
        Err((pointer, message)) => (message, locator.node(&pointer)),
        Ok(_) => (
            "the file cannot be read into the model".to_owned(),
            Location::file_start(path),
        ),
    }
}

/// Reads `value` into the model, moving its strings rather than copying them.
///
/// With `track`, an error comes with the JSON pointer of the node that caused it.
/// `value` is a `Value` (read by move) or a `&Value` (read by copy, when the value is kept).
fn typed<'de, V>(kind: FileKind, value: V, track: bool) -> Result<Document, (String, String)>
where
    V: serde::Deserializer<'de, Error = serde_json::Error>,
{
    macro_rules! read {
        ($variant:ident) => {
            if track {
                serde_path_to_error::deserialize(value)
                    .map(Document::$variant)
                    .map_err(|e| (pointer_of(e.path()), e.into_inner().to_string()))
            } else {
                serde::Deserialize::deserialize(value)
                    .map(Document::$variant)
                    .map_err(|e: serde_json::Error| (String::new(), e.to_string()))
            }
        };
    }
    match kind {
        FileKind::Instrument => read!(Instrument),
        FileKind::Sources => read!(Sources),
        FileKind::Chapter => read!(Chapter),
        FileKind::Definitions => read!(Definitions),
        FileKind::DataCategories => read!(DataCategories),
        FileKind::SensitivityCategories => read!(SensitivityCategories),
        FileKind::Safeguards => read!(Safeguards),
        FileKind::Powers => read!(Powers),
        FileKind::Offences => read!(Offences),
        FileKind::Analysis => read!(Analysis),
        FileKind::Concordance => read!(Concordance),
        FileKind::Crosswalk => read!(Crosswalk),
        FileKind::Participation => read!(Participation),
        FileKind::Assessment => read!(Assessment),
        _ => Err((
            String::new(),
            format!("`{kind}` is not a kind of dataset file"),
        )),
    }
}

fn pointer_of(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut s = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => s.push_str(&format!("/{index}")),
            Segment::Map { key } => {
                s.push('/');
                s.push_str(&key.replace('~', "~0").replace('/', "~1"));
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    s
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
    .with_help("split it into smaller files (one per natural unit), or raise the limit")
}

/// Checks `kind` and `schema_version`; returns the kind when the file can go on to the schema.
fn header(value: &Value, locator: &Locator<'_>, out: &mut Vec<Diagnostic>) -> Option<FileKind> {
    let Some(map) = value.as_object() else {
        out.push(
            Diagnostic::new(
                Code::MissingKind,
                "the document is not a mapping with `kind` and `schema_version`",
                Some(locator.node("")),
            )
            .with_help(kinds_help()),
        );
        return None;
    };
    let kind = match map.get("kind") {
        None => {
            out.push(
                Diagnostic::new(
                    Code::MissingKind,
                    "missing `kind`",
                    Some(locator.start_of("")),
                )
                .with_help(kinds_help()),
            );
            return None;
        }
        Some(Value::String(s)) => match s.parse::<FileKind>() {
            Ok(FileKind::Bundle) | Err(()) => {
                let names = FileKind::FILE_KINDS.iter().map(|k| k.as_str());
                let help = match closest(s, names) {
                    Some(m) => format!("did you mean `{m}`?"),
                    None => kinds_help(),
                };
                out.push(
                    Diagnostic::new(
                        Code::UnknownKind,
                        format!("`{s}` is not a kind of dataset file"),
                        Some(locator.node("/kind")),
                    )
                    .with_help(help),
                );
                return None;
            }
            Ok(k) => k,
        },
        Some(_) => {
            out.push(
                Diagnostic::new(
                    Code::UnknownKind,
                    "`kind` must be text",
                    Some(locator.node("/kind")),
                )
                .with_help(kinds_help()),
            );
            return None;
        }
    };
    match map.get("schema_version") {
        Some(Value::String(s)) => match s.parse::<SchemaVersion>() {
            Ok(v) if v.major != SchemaVersion::CURRENT.major => {
                out.push(
                    Diagnostic::new(
                        Code::UnsupportedSchemaVersion,
                        format!(
                            "the file was written for schema {v}; this validator reads schema {}.x",
                            SchemaVersion::CURRENT.major
                        ),
                        Some(locator.node("/schema_version")),
                    )
                    .with_help("a new major version changes the format: upgrade treaty-model"),
                );
                return None;
            }
            Ok(v) if v.minor > SchemaVersion::CURRENT.minor => out.push(
                Diagnostic::new(
                    Code::NewerSchemaVersion,
                    format!(
                        "the file was written for schema {v}, newer than this validator's {}",
                        SchemaVersion::CURRENT
                    ),
                    Some(locator.node("/schema_version")),
                )
                .with_help(
                    "fields added after this version are reported as unknown: upgrade treaty-model",
                ),
            ),
            Ok(_) => {}
            Err(e) => out.push(
                Diagnostic::new(
                    Code::MissingSchemaVersion,
                    e.to_string(),
                    Some(locator.node("/schema_version")),
                )
                .with_help(format!(
                    "write `schema_version: \"{}\"`",
                    SchemaVersion::CURRENT
                )),
            ),
        },
        Some(other) => out.push(
            Diagnostic::new(
                Code::MissingSchemaVersion,
                format!("`schema_version` must be quoted text, found `{other}`"),
                Some(locator.node("/schema_version")),
            )
            .with_help(format!(
                "write `schema_version: \"{}\"` with the quotes: unquoted, YAML reads a number",
                SchemaVersion::CURRENT
            )),
        ),
        None => out.push(
            Diagnostic::new(
                Code::MissingSchemaVersion,
                "missing `schema_version`",
                Some(locator.start_of("")),
            )
            .with_help(format!(
                "add `schema_version: \"{}\"`",
                SchemaVersion::CURRENT
            )),
        ),
    }
    Some(kind)
}

fn kinds_help() -> String {
    let names: Vec<&str> = FileKind::FILE_KINDS.iter().map(|k| k.as_str()).collect();
    format!("`kind` is one of: {}", names.join(", "))
}

const MODELINE: &str = "# yaml-language-server: $schema=";

/// The editor modeline must name the schema of the file's kind. `text` starts `base` bytes into
/// the file (after a byte order mark).
fn modeline(path: &str, text: &str, base: usize, kind: FileKind, out: &mut Vec<Diagnostic>) {
    let expected = crate::schema::file_name(kind);
    let found = suppress::lines(text)
        .enumerate()
        .take_while(|(_, (_, l))| l.trim_start().starts_with('#') || l.trim().is_empty())
        .find_map(|(i, (start, l))| {
            l.trim_start()
                .strip_prefix(MODELINE)
                .map(|s| (i, start, l, s.trim()))
        });
    match found {
        None => out.push(
            Diagnostic::new(
                Code::MissingModeline,
                "the file has no `# yaml-language-server: $schema=...` line",
                Some(Location::file_start(path)),
            )
            .with_help(format!(
                "add `{MODELINE}<relative path>/schemas/{expected}` as the first line so editors validate as you type"
            )),
        ),
        Some((i, start, line, target)) => {
            let name = target.rsplit('/').next().unwrap_or(target);
            if name != expected {
                let line_no = u32::try_from(i + 1).unwrap_or(u32::MAX);
                // `target` is a slice of `line`: its byte position there, whatever spaces
                // surround it.
                let at = (target.as_ptr() as usize).saturating_sub(line.as_ptr() as usize);
                let mut loc = Location::file_start(path);
                loc.start = suppress::position(base, line_no, start, line, at);
                loc.end = suppress::position(base, line_no, start, line, at + target.len());
                out.push(
                    Diagnostic::new(
                        Code::ModelineMismatch,
                        format!("the modeline names `{name}`, but the file's kind is `{kind}`"),
                        Some(loc),
                    )
                    .with_help(format!("point it at `{expected}`")),
                );
            }
        }
    }
}

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
        ProblemKind::LeadingZeroNumber => Code::LeadingZero,
        ProblemKind::NonFiniteNumber => Code::NonFiniteNumber,
        ProblemKind::NulByte => Code::NulByte,
    };
    let mut d = Diagnostic::new(code, p.message, Some(location(path, p.span)));
    if p.severity == ProblemSeverity::Warning {
        d.severity = crate::diagnostic::Severity::Warning;
    }
    if let Some(r) = p.related {
        d = d.with_related(location(path, r), "first written here");
    }
    if let Some(h) = p.help {
        d = d.with_help(h);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_error_is_placed_at_its_node_by_a_second_parse() {
        // The first read consumed the value; the error's place comes from parsing the text
        // again, with the byte order mark (when there was one) counted in offsets as before.
        let text = "kind: powers\nschema_version: \"1.0\"\ntext_version: final\npowers: 3\n";
        let options = Options::default();
        let (message, at) = typed_error("p.yaml", text, 0, false, FileKind::Powers, &options);
        assert!(
            message.starts_with("invalid type: integer `3`"),
            "{message}"
        );
        assert_eq!(
            (
                at.file.as_str(),
                at.start.line,
                at.start.column,
                at.start.offset
            ),
            ("p.yaml", 4, 9, 63)
        );
        let (_, at) = typed_error("p.yaml", text, 3, false, FileKind::Powers, &options);
        assert_eq!(
            (at.start.line, at.start.column, at.start.offset),
            (4, 9, 66)
        );
    }
}
