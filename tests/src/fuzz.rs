//! The bodies of the cargo-fuzz targets in `fuzz/fuzz_targets/`, as library functions.
//!
//! Each fuzz target is a one-line call into this module, so that the committed seed corpus
//! (`fuzz/corpus/<target>/`) is replayed on stable by `tests/tests/fuzz_corpus.rs` with a plain
//! `cargo test`, and a crash found by the fuzzer is reproduced by the same code in CI. A body
//! returns normally when the input is fine and panics (with a message saying which invariant
//! broke) when it is not: a panic of the library itself is a finding, and so is a broken
//! invariant.
//!
//! | target          | input                         | invariants checked                       |
//! |-----------------|-------------------------------|------------------------------------------|
//! | `load_validate` | bytes, as a `.yaml` and as a `.json` file beside a small valid base | no panic; a dataset exactly when no error; every location of the input lies inside it and its line and column agree with its byte offset; alone (`validate_file`), a value exactly when valid |
//! | `provision_ref` | bytes, as UTF-8 text          | parse never panics; when it parses: display -> parse is the identity, display is a fixed point, eId -> parse gives the unversioned reference |
//! | `yaml_roundtrip`| a JSON value built by `arbitrary` | `to_yaml` -> `parse_yaml` gives the value back with no problem at all; `to_json` -> `parse_json` too |
//! | `render`        | bytes (optionally `name\0content`) | every renderer runs; JSON and SARIF output parse as JSON; the human output names every code |

use std::path::PathBuf;

use arbitrary::{Arbitrary, Unstructured};
use serde_json::{Map, Number, Value};
use treaty_model::ProvisionRef;
use treaty_model::diagnostic::{Location, Report};
use treaty_model::syntax::{Limits, parse_json, parse_yaml};
use treaty_model::validate::{
    Checked, Input, Options, check_inputs, validate_file, validate_inputs,
};

/// The body of a fuzz target.
pub type Body = fn(&[u8]);

/// The fuzz targets, by name, as `fuzz/fuzz_targets/<name>.rs` and `fuzz/corpus/<name>/`.
pub const TARGETS: [(&str, Body); 4] = [
    ("load_validate", load_validate),
    ("provision_ref", provision_ref),
    ("yaml_roundtrip", yaml_roundtrip),
    ("render", render),
];

/// A small valid dataset the fuzzed file is validated beside, so that the cross-file checks
/// (ids, references, provisions, text versions) run on whatever the fuzzer writes.
const BASE: [(&str, &[u8]); 7] = [
    (
        "base/instrument.yaml",
        include_bytes!("../fixtures/base/instrument.yaml"),
    ),
    (
        "base/sources.yaml",
        include_bytes!("../fixtures/base/sources.yaml"),
    ),
    (
        "base/chapter-01.yaml",
        include_bytes!("../fixtures/base/chapter-01.yaml"),
    ),
    (
        "base/chapter-04.yaml",
        include_bytes!("../fixtures/base/chapter-04.yaml"),
    ),
    (
        "base/chapter-09.yaml",
        include_bytes!("../fixtures/base/chapter-09.yaml"),
    ),
    (
        "base/data-categories.yaml",
        include_bytes!("../fixtures/base/data-categories.yaml"),
    ),
    (
        "base/safeguards.yaml",
        include_bytes!("../fixtures/base/safeguards.yaml"),
    ),
];

/// The base dataset as validator inputs.
pub fn base_inputs() -> Vec<Input> {
    BASE.iter()
        .map(|(path, bytes)| Input::new((*path).to_owned(), bytes.to_vec()))
        .collect()
}

/// Arbitrary bytes as a dataset file, once named `.yaml` and once `.json`, each validated with
/// the base dataset.
pub fn load_validate(data: &[u8]) {
    // The base is checked once per process: validating it again for every input was most of
    // the time a fuzzing run spent.
    static BASE_CHECKED: std::sync::LazyLock<Checked> =
        std::sync::LazyLock::new(|| check_inputs(&base_inputs(), &Options::default()));
    for name in ["fuzz.yaml", "fuzz.json"] {
        let input = Input::new(name.to_owned(), data.to_vec());
        let validation = BASE_CHECKED.validate_with(std::slice::from_ref(&input));
        let inputs_len = BASE.len() + 1;
        let report = &validation.report;
        assert_eq!(
            validation.dataset.is_some(),
            report.is_valid(),
            "a dataset must be returned exactly when the report has no error"
        );
        assert_eq!(report.files, inputs_len, "every input is counted");
        check_locations(report, name, data);
        alone(name, data);
    }
}

/// One file checked alone (`validate_file`, as conversion reads it): no panic, and a value
/// exactly when the report is valid.
fn alone(name: &str, data: &[u8]) {
    // Unique per call: tests replaying the corpus run on several threads of one process.
    static CALLS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path =
        std::env::temp_dir().join(format!("treaty-fuzz-{}-{call}-{name}", std::process::id()));
    if std::fs::write(&path, data).is_err() {
        return;
    }
    let whole = validate_file(&path, &Options::default());
    let _ = std::fs::remove_file(&path);
    assert_eq!(
        whole.value.is_some(),
        whole.report.is_valid(),
        "checked alone, a file must keep its value exactly when it is valid"
    );
}

/// Every location in `file` lies inside `data`, and its line and column are those of its offset.
fn check_locations(report: &Report, file: &str, data: &[u8]) {
    let lines = LineIndex::new(data);
    let diagnostics = report
        .diagnostics
        .iter()
        .chain(report.suppressed.iter().map(|s| &s.diagnostic));
    for d in diagnostics {
        let places = d
            .location
            .iter()
            .chain(d.related.iter().map(|r| &r.location));
        for loc in places.filter(|l| l.file == file) {
            check_location(loc, &lines, d.code.as_str());
        }
    }
}

fn check_location(loc: &Location, lines: &LineIndex<'_>, code: &str) {
    assert!(
        loc.start.offset <= loc.end.offset,
        "{code}: location ends before it starts: {loc:?}"
    );
    assert!(
        loc.end.offset <= lines.data.len(),
        "{code}: location ends after the end of the input ({} bytes): {loc:?}",
        lines.data.len()
    );
    for pos in [loc.start, loc.end] {
        if let Some((line, column)) = lines.line_column(pos.offset) {
            assert_eq!(
                (pos.line, pos.column),
                (line, column),
                "{code}: line:column disagrees with byte offset {} in {loc:?}",
                pos.offset
            );
        }
    }
}

/// Lines and columns of a UTF-8 input, computed independently of the loader: lines end at
/// `\n`, `\r\n` or a lone `\r`; columns count chars from 1; a leading byte order mark takes
/// no column.
struct LineIndex<'a> {
    data: &'a [u8],
    text: Option<&'a str>,
}

impl<'a> LineIndex<'a> {
    fn new(data: &'a [u8]) -> Self {
        Self {
            data,
            text: std::str::from_utf8(data).ok(),
        }
    }

    /// `None` when the input is not UTF-8 or `offset` is inside a char: not checked then.
    fn line_column(&self, offset: usize) -> Option<(u32, u32)> {
        let text = self.text?;
        let prefix = text.get(..offset)?;
        let bom = if prefix.starts_with('\u{feff}') { 1 } else { 0 };
        let mut line = 1u32;
        let mut column = 1u32;
        let mut chars = prefix.chars().skip(bom).peekable();
        while let Some(c) = chars.next() {
            match c {
                '\n' => {
                    line += 1;
                    column = 1;
                }
                // A lone `\r` ends a line; the `\r` of `\r\n` is just a char of the line.
                '\r' if !continues_with_lf(chars.peek(), text, offset) => {
                    line += 1;
                    column = 1;
                }
                _ => column += 1,
            }
        }
        Some((line, column))
    }
}

/// Whether the `\r` just read is followed by `\n`, within the prefix (`next`) or, when it is
/// the prefix's last char, in the text after `offset`: then it does not end a line on its own.
fn continues_with_lf(next: Option<&char>, text: &str, offset: usize) -> bool {
    match next {
        Some(c) => *c == '\n',
        None => text.as_bytes().get(offset) == Some(&b'\n'),
    }
}

/// Arbitrary text through `ProvisionRef`'s parser; whatever parses must print and parse back.
pub fn provision_ref(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(r) = text.parse::<ProvisionRef>() else {
        return;
    };
    let shown = r.to_string();
    let again: ProvisionRef = shown
        .parse()
        .unwrap_or_else(|e| panic!("`{text}` parsed, but its display `{shown}` does not: {e}"));
    assert_eq!(again, r, "`{text}` -> `{shown}` -> a different reference");
    assert_eq!(
        again.to_string(),
        shown,
        "display is not a fixed point for `{text}`"
    );
    let eid = r.to_eid();
    let from_eid: ProvisionRef = eid
        .parse()
        .unwrap_or_else(|e| panic!("`{text}` parsed, but its eId `{eid}` does not: {e}"));
    assert_eq!(
        from_eid,
        r.unversioned(),
        "`{text}` -> eId `{eid}` -> a different reference"
    );
    if let Some(parent) = r.parent() {
        assert!(parent.contains(&r), "`{parent}` does not contain `{r}`");
    }
}

/// Strings that a YAML writer must quote or escape, mixed into the arbitrary ones.
const TRICKY: &[&str] = &[
    "",
    " ",
    "yes",
    "no",
    "on",
    "off",
    "y",
    "N",
    "True",
    "FALSE",
    "null",
    "Null",
    "~",
    "0",
    "-0",
    "0755",
    "0o17",
    "0x1F",
    "1e3",
    "1.0",
    "+1",
    ".5",
    ".inf",
    "-.INF",
    ".nan",
    "2024-12-24",
    "12:30",
    "1_000",
    "- x",
    "-",
    "? x",
    "a: b",
    "a #b",
    "#",
    "&a",
    "*a",
    "!tag",
    "!!str",
    "<<",
    "---",
    "...",
    "%YAML 1.2",
    "@x",
    "`x",
    "'",
    "\"",
    "\\",
    "[",
    "]",
    "{",
    "}",
    ",",
    "|",
    ">",
    " leading",
    "trailing ",
    "line\nbreak",
    "\n",
    "trailing\n",
    "\r\n",
    "\r",
    "\t",
    "tab\tinside",
    "\u{0}",
    "\u{1}",
    "\u{7f}",
    "\u{85}",
    "\u{a0}",
    "\u{2028}",
    "\u{2029}",
    "\u{feff}",
    "\u{feff}bom",
    "é",
    "日本語",
    "🦀",
    "28(4)(a)",
    "zero-draft:17",
    "schema_version",
    "kind",
];

/// How deep [`arbitrary_value`] nests: well below the loader's depth limit of 64.
const MAX_DEPTH: usize = 12;

/// A JSON value drawn from `u`: any JSON the loader accepts (finite numbers, any strings,
/// nesting within the depth limit), biased towards strings that are hard to write as YAML.
pub fn arbitrary_value(u: &mut Unstructured<'_>, depth: usize) -> arbitrary::Result<Value> {
    let choice = if depth >= MAX_DEPTH {
        u.int_in_range(0..=5)?
    } else {
        u.int_in_range(0..=7)?
    };
    Ok(match choice {
        0 => Value::Null,
        1 => Value::Bool(bool::arbitrary(u)?),
        2 => Value::Number(Number::from(i64::arbitrary(u)?)),
        3 => Value::Number(Number::from(u64::arbitrary(u)?)),
        4 => Number::from_f64(f64::arbitrary(u)?).map_or(Value::Null, Value::Number),
        5 => Value::String(arbitrary_string(u)?),
        6 => {
            let len = u.int_in_range(0..=6)?;
            let mut items = Vec::with_capacity(len);
            for _ in 0..len {
                items.push(arbitrary_value(u, depth + 1)?);
            }
            Value::Array(items)
        }
        _ => {
            let len = u.int_in_range(0..=6)?;
            let mut map = Map::new();
            for _ in 0..len {
                let key = arbitrary_string(u)?;
                map.insert(key, arbitrary_value(u, depth + 1)?);
            }
            Value::Object(map)
        }
    })
}

fn arbitrary_string(u: &mut Unstructured<'_>) -> arbitrary::Result<String> {
    Ok(match u.int_in_range(0..=3)? {
        0 => String::arbitrary(u)?,
        1 => (*u.choose(TRICKY)?).to_owned(),
        2 => {
            // Tricky pieces glued together, and around arbitrary text.
            let n = u.int_in_range(1..=4)?;
            let mut s = String::new();
            for _ in 0..n {
                s.push_str(u.choose(TRICKY)?);
                if bool::arbitrary(u)? {
                    s.push_str(&String::arbitrary(u)?);
                }
            }
            s
        }
        _ => {
            // A long string: block scalars and line folding.
            let piece = u.choose(TRICKY)?;
            let n = u.int_in_range(0..=200)?;
            let mut s = String::arbitrary(u)?;
            for _ in 0..n {
                s.push_str(piece);
                s.push('x');
            }
            s
        }
    })
}

/// A JSON value built from the bytes, written as YAML and JSON by `treaty_model::convert` and
/// read back: the value must come back unchanged, with no problem reported at all.
pub fn yaml_roundtrip(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let Ok(value) = arbitrary_value(&mut u, 0) else {
        return;
    };
    check_roundtrip(&value);
}

/// `value` -> YAML -> value and `value` -> JSON -> value are the identity, without problems.
pub fn check_roundtrip(value: &Value) {
    let limits = Limits::default();
    let yaml = treaty_model::convert::to_yaml(value);
    let parsed = parse_yaml(yaml.as_bytes(), &limits);
    assert!(
        parsed.problems.is_empty(),
        "to_yaml wrote YAML that reads back with problems: {:?}\n--- yaml ---\n{yaml}",
        parsed.problems
    );
    let back = parsed.doc.map(|d| d.value);
    assert_eq!(
        back.as_ref(),
        Some(value),
        "YAML round trip changed the value\n--- yaml ---\n{yaml}"
    );
    let json = treaty_model::convert::to_json(value);
    let parsed = parse_json(json.as_bytes(), &limits);
    assert!(
        parsed.problems.is_empty(),
        "to_json wrote JSON that reads back with problems: {:?}\n--- json ---\n{json}",
        parsed.problems
    );
    assert_eq!(
        parsed.doc.map(|d| d.value).as_ref(),
        Some(value),
        "JSON round trip changed the value\n--- json ---\n{json}"
    );
}

/// Where [`render`] writes its input, so that the human renderer can show source lines.
fn render_dir() -> PathBuf {
    std::env::temp_dir().join(format!("treaty-fuzz-render-{}", std::process::id()))
}

/// Arbitrary bytes validated (beside the base), then every renderer on the report.
///
/// An input `name\0content` is validated as a file called `name` (with `.yaml` added unless it
/// ends in `.json`), so that odd paths reach the renderers too; otherwise it is `fuzz.yaml`.
/// The file is written to a temporary directory so that the human renderer reads it back for
/// its snippets.
pub fn render(data: &[u8]) {
    let (name, content) = match data.iter().position(|b| *b == 0) {
        Some(nul) if nul <= 64 => {
            let raw = String::from_utf8_lossy(&data[..nul]);
            let clean: String = raw
                .chars()
                .filter(|c| !matches!(c, '/' | '\\' | '\0'))
                .collect();
            let name = if clean.ends_with(".json") {
                clean
            } else {
                format!("{clean}.yaml")
            };
            (name, &data[nul + 1..])
        }
        _ => ("fuzz.yaml".to_owned(), data),
    };
    let dir = render_dir();
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(&name);
    let written = std::fs::write(&path, content).is_ok();
    let shown = if written {
        path.to_string_lossy().into_owned()
    } else {
        name
    };
    let mut inputs = base_inputs();
    inputs.push(Input::new(shown, content.to_vec()));
    let report = validate_inputs(&inputs, &Options::default()).report;
    render_report(&report);
    if written {
        let _ = std::fs::remove_file(&path);
        let _ = std::fs::remove_dir(&dir);
    }
}

/// Every renderer of the CLI on `report`: none may panic; the JSON ones write JSON.
pub fn render_report(report: &Report) {
    use treaty_cli::render::{github, human, json, sarif};
    let text = human::render(report, Some(7), human::Style::plain());
    for d in &report.diagnostics {
        assert!(
            text.contains(d.code.as_str()),
            "the human output does not name `{}`",
            d.code
        );
    }
    let _ = human::render(report, None, human::Style::plain());
    let out = json::render(report, Some(u64::MAX), usize::MAX);
    let parsed: Value = serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("the JSON renderer wrote invalid JSON: {e}\n{out}"));
    let diagnostics = parsed.get("diagnostics").and_then(Value::as_array);
    assert_eq!(
        diagnostics.map(Vec::len),
        Some(report.diagnostics.len()),
        "the JSON report lists every diagnostic"
    );
    let out = sarif::render(report, usize::MAX);
    serde_json::from_str::<Value>(&out)
        .unwrap_or_else(|e| panic!("the SARIF renderer wrote invalid JSON: {e}\n{out}"));
    let out = github::render(report, usize::MAX);
    for line in out.lines() {
        assert!(
            line.starts_with("::") || line.is_empty(),
            "a GitHub annotation spans lines (a newline is not escaped): {line:?}"
        );
    }
    let _ = github::step_summary(report);
}
