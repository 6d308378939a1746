//! The fixture corpus of `tests/fixtures/` (see its README):
//!
//! * `base/`: a small valid dataset of fictional test data;
//! * `invalid/<case>.{yaml,yml,json}`: one mistake each, validated together with `base/`, and
//!   `invalid/<case>.expected`: the diagnostics the case must produce, written by hand;
//! * `valid/`: files that must add no diagnostic to `base/`;
//! * `known-validator-bugs.txt`: cases whose expectation is right but the validator is not (yet).
//!
//! The codes no file can produce (a missing path, a size limit, a dataset without instrument)
//! are tested by the Rust tests at the end of this file, and listed in [`TESTED_IN_RUST`] so
//! that a new code without a fixture fails [`every_code_has_a_fixture_or_a_rust_test`].

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use treaty_model::diagnostic::{Code, Diagnostic, Report, Severity};
use treaty_model::validate::{Input, Options, validate_inputs, validate_paths};

/// Codes that no fixture file can produce with the default options, with the test of this
/// file that covers each.
const TESTED_IN_RUST: &[(&str, &str)] = &[
    ("io-error", "io_error_for_a_path_that_does_not_exist"),
    ("file-too-large", "file_too_large_with_a_small_limit"),
    ("node-limit", "node_limit_with_a_small_limit"),
    (
        "missing-instrument",
        "missing_instrument_without_the_instrument_file",
    ),
    (
        "schema-violation",
        "schema_violation_is_unreachable_with_the_current_schemas",
    ),
    (
        "unchecked-references",
        "dataset_parts::a_broken_file_that_others_reference_gives_its_error_and_one_note",
    ),
    (
        "outside-dataset",
        "dataset_parts::a_link_out_of_the_dataset_is_reported_by_path_and_never_read",
    ),
    (
        "misnamed-file",
        "dataset_parts::a_dataset_file_misnamed_by_its_extension_is_reported_not_skipped_silently",
    ),
    (
        "misnamed-file",
        "dataset_parts::an_analysis_not_named_after_its_id_is_warned_of_at_the_id",
    ),
];

/// The extensions of dataset files.
const EXTENSIONS: [&str; 3] = ["yaml", "yml", "json"];

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

fn base_dir() -> PathBuf {
    fixtures().join("base")
}

/// The path as the validator shows it in diagnostics.
fn shown(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// The dataset files directly in `dir`, sorted.
fn dataset_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| EXTENSIONS.contains(&e))
        })
        .collect();
    files.sort();
    files
}

/// A fixture's name relative to `tests/fixtures/`, with `/` separators.
fn fixture_name(path: &Path) -> String {
    shown(path.strip_prefix(fixtures()).unwrap_or(path))
}

/// One line of an `.expected` file, or one actual diagnostic in the same notation.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Entry {
    /// 0 for diagnostics, 1 for suppressed ones: suppressed lines come last.
    section: u8,
    /// `None` for a diagnostic of the dataset as a whole (`-`).
    position: Option<(u32, u32)>,
    /// The line as written: `error unknown-field 11:5`.
    text: String,
}

impl Entry {
    fn new(first: &str, code: &str, position: Option<(u32, u32)>) -> Self {
        let at = match position {
            Some((line, column)) => format!("{line}:{column}"),
            None => "-".to_owned(),
        };
        Self {
            section: u8::from(first == "suppressed"),
            position,
            text: format!("{first} {code} {at}"),
        }
    }
}

/// Parses one non-comment line of an `.expected` file.
fn parse_expected_line(line: &str) -> Result<Entry, String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let [first, code, at] = words.as_slice() else {
        return Err(format!(
            "`{line}`: expected three words, `<error|warning|note|suppressed> <code> <line>:<column>`"
        ));
    };
    if !matches!(*first, "error" | "warning" | "note" | "suppressed") {
        return Err(format!(
            "`{line}`: the first word must be error, warning, note or suppressed"
        ));
    }
    code.parse::<Code>().map_err(|e| format!("`{line}`: {e}"))?;
    let position = if *at == "-" {
        None
    } else {
        let parsed = at
            .split_once(':')
            .and_then(|(l, c)| Some((l.parse::<u32>().ok()?, c.parse::<u32>().ok()?)));
        match parsed {
            Some(p) if p.0 > 0 && p.1 > 0 => Some(p),
            _ => {
                return Err(format!(
                    "`{line}`: the position must be `<line>:<column>` (1-based) or `-`"
                ));
            }
        }
    };
    Ok(Entry::new(first, code, position))
}

/// Reads an `.expected` file: its entries, sorted, or the problems with its lines.
fn read_expected(path: &Path) -> Result<Vec<Entry>, Vec<String>> {
    let text = fs::read_to_string(path).map_err(|e| vec![format!("cannot read it: {e}")])?;
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match parse_expected_line(line) {
            Ok(e) => entries.push(e),
            Err(p) => problems.push(p),
        }
    }
    if problems.is_empty() && !entries.is_sorted() {
        let mut sorted = entries.clone();
        sorted.sort();
        let order: Vec<&str> = sorted.iter().map(|e| e.text.as_str()).collect();
        problems.push(format!(
            "the lines are not sorted (diagnostics by line and column, then suppressed ones); write them as:\n        {}",
            order.join("\n        ")
        ));
    }
    if problems.is_empty() {
        Ok(entries)
    } else {
        Err(problems)
    }
}

/// An actual diagnostic, as an entry, with its message for the failure report.
#[derive(Debug)]
struct Actual {
    entry: Entry,
    message: String,
}

/// The diagnostics of `report` located in `case` (or in no file), and a description of every
/// diagnostic located anywhere else, which is always a failure.
fn actual_entries(report: &Report, case: &Path) -> (Vec<Actual>, Vec<String>) {
    let case = shown(case);
    let mut actual = Vec::new();
    let mut elsewhere = Vec::new();
    let diagnostics = report
        .diagnostics
        .iter()
        .map(|d| (d.severity.to_string(), d))
        .chain(
            report
                .suppressed
                .iter()
                .map(|s| ("suppressed".to_owned(), &s.diagnostic)),
        );
    for (first, d) in diagnostics {
        match &d.location {
            Some(l) if l.file == case => actual.push(Actual {
                entry: Entry::new(
                    &first,
                    d.code.as_str(),
                    Some((l.start.line, l.start.column)),
                ),
                message: d.message.clone(),
            }),
            Some(_) => elsewhere.push(format!("{first}: {d}")),
            None => actual.push(Actual {
                entry: Entry::new(&first, d.code.as_str(), None),
                message: d.message.clone(),
            }),
        }
    }
    actual.sort_by(|a, b| a.entry.cmp(&b.entry));
    (actual, elsewhere)
}

/// The cases whose `.expected` is right but the validator is not yet: fixture name -> why.
fn known_bugs() -> BTreeMap<String, String> {
    let path = fixtures().join("known-validator-bugs.txt");
    let text = fs::read_to_string(&path).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once(char::is_whitespace) {
            Some((name, why)) => (name.to_owned(), why.trim().to_owned()),
            None => (l.to_owned(), String::new()),
        })
        .collect()
}

/// The outcome of one fixture, and the bookkeeping of known validator bugs.
#[derive(Default)]
struct Outcomes {
    failures: Vec<String>,
    known: Vec<String>,
    seen_bugs: BTreeSet<String>,
}

impl Outcomes {
    /// Records a case that matched (`problem` is `None`) or did not.
    fn record(&mut self, name: &str, problem: Option<String>, bugs: &BTreeMap<String, String>) {
        match (problem, bugs.get(name)) {
            (None, None) => {}
            (Some(p), None) => self.failures.push(p),
            (Some(p), Some(why)) => {
                self.seen_bugs.insert(name.to_owned());
                self.known
                    .push(format!("{p}  (known validator bug: {why})\n"));
            }
            (None, Some(_)) => {
                self.seen_bugs.insert(name.to_owned());
                self.failures.push(format!(
                    "{name}: now matches its expectation; remove it from known-validator-bugs.txt"
                ));
            }
        }
    }

    fn finish(mut self, what: &str, prefix: &str, bugs: &BTreeMap<String, String>) {
        for name in bugs.keys().filter(|n| n.starts_with(prefix)) {
            if !self.seen_bugs.contains(name) {
                self.failures.push(format!(
                    "known-validator-bugs.txt names `{name}`, which is not a fixture"
                ));
            }
        }
        if !self.known.is_empty() {
            eprintln!(
                "{} {what} mismatch because of known validator bugs:\n\n{}",
                self.known.len(),
                self.known.join("\n")
            );
        }
        assert!(
            self.failures.is_empty(),
            "{} {what} failed:\n\n{}",
            self.failures.len(),
            self.failures.join("\n")
        );
    }
}

/// Compares one case with its expectation; `None` when they agree.
fn check_case(case: &Path, expected_path: &Path) -> Option<String> {
    let name = fixture_name(case);
    let validation = validate_paths(&[base_dir(), case.to_path_buf()], &Options::default());
    let (actual, elsewhere) = actual_entries(&validation.report, case);
    let mut out = String::new();
    let expected = match read_expected(expected_path) {
        Ok(e) => e,
        Err(problems) => {
            let _ = writeln!(out, "{name}: malformed {}:", fixture_name(expected_path));
            for p in problems {
                let _ = writeln!(out, "    {p}");
            }
            return Some(out);
        }
    };
    let actual_entries: Vec<&Entry> = actual.iter().map(|a| &a.entry).collect();
    let same = expected.iter().eq(actual_entries.iter().copied());
    if same && elsewhere.is_empty() {
        return None;
    }
    let _ = writeln!(out, "{name}:");
    let _ = writeln!(out, "  expected:");
    if expected.is_empty() {
        let _ = writeln!(out, "    (nothing)");
    }
    for e in &expected {
        let mark = if actual_entries.contains(&e) {
            ' '
        } else {
            '-'
        };
        let _ = writeln!(out, "  {mark} {}", e.text);
    }
    let _ = writeln!(out, "  actual:");
    if actual.is_empty() {
        let _ = writeln!(out, "    (nothing)");
    }
    for a in &actual {
        let mark = if expected.contains(&a.entry) {
            ' '
        } else {
            '+'
        };
        let _ = writeln!(out, "  {mark} {}    ({})", a.entry.text, a.message);
    }
    if !elsewhere.is_empty() {
        let _ = writeln!(
            out,
            "  diagnostics outside the case file (base/ must stay clean):"
        );
        for e in &elsewhere {
            let _ = writeln!(out, "    {e}");
        }
    }
    Some(out)
}

/// The invalid cases: each case file with its `.expected` file; pairing problems are failures.
fn invalid_cases(failures: &mut Vec<String>) -> Vec<(PathBuf, PathBuf)> {
    let dir = fixtures().join("invalid");
    let mut cases = Vec::new();
    let mut stems: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for case in dataset_files(&dir) {
        let stem = case
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        stems.entry(stem).or_default().push(case);
    }
    for (stem, files) in &stems {
        if files.len() > 1 {
            failures.push(format!(
                "invalid/{stem}: {} case files share one `.expected` file; rename one",
                files.len()
            ));
            continue;
        }
        let expected = dir.join(format!("{stem}.expected"));
        if expected.is_file() {
            cases.push((files[0].clone(), expected));
        } else {
            failures.push(format!(
                "{}: no `invalid/{stem}.expected`; write the expected diagnostics by hand",
                fixture_name(&files[0])
            ));
        }
    }
    for entry in fs::read_dir(&dir).expect("read invalid/") {
        let path = entry.expect("directory entry").path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some(stem) = name.strip_suffix(".expected") {
            if !stems.contains_key(stem) {
                failures.push(format!("invalid/{name}: no case file of that name"));
            }
        } else if !EXTENSIONS
            .iter()
            .any(|e| path.extension().is_some_and(|x| x == *e))
        {
            failures.push(format!(
                "invalid/{name}: neither a case (.yaml, .yml, .json) nor an .expected file"
            ));
        }
    }
    cases
}

#[test]
fn invalid_fixtures_produce_exactly_their_expected_diagnostics() {
    let bugs = known_bugs();
    let mut outcomes = Outcomes::default();
    let cases = invalid_cases(&mut outcomes.failures);
    assert!(cases.len() >= 45, "only {} invalid cases", cases.len());
    for (case, expected) in &cases {
        let problem = check_case(case, expected);
        outcomes.record(&fixture_name(case), problem, &bugs);
    }
    outcomes.finish("invalid fixture(s)", "invalid/", &bugs);
}

#[test]
fn expected_lines_are_read_strictly() {
    let ok = parse_expected_line("error unknown-field 11:5").expect("a valid line");
    assert_eq!(ok.position, Some((11, 5)));
    assert_eq!(ok.section, 0);
    let dataset = parse_expected_line("error missing-instrument -").expect("a valid line");
    assert_eq!(dataset.position, None);
    let suppressed = parse_expected_line("suppressed undescribed-provision 9:16").expect("valid");
    assert_eq!(suppressed.section, 1);
    for bad in [
        "error unknown-field",
        "fatal unknown-field 1:1",
        "error unknown-feild 1:1",
        "error unknown-field 0:1",
        "error unknown-field 1",
        "error unknown-field 1:1 extra",
    ] {
        assert!(parse_expected_line(bad).is_err(), "{bad:?} accepted");
    }
    let mut lines = [suppressed, ok, dataset];
    lines.sort();
    let texts: Vec<&str> = lines.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "error missing-instrument -",
            "error unknown-field 11:5",
            "suppressed undescribed-provision 9:16"
        ]
    );
}

#[test]
fn the_base_dataset_is_valid_without_warnings() {
    let validation = validate_paths(&[base_dir()], &Options::default());
    let lines: Vec<String> = validation
        .report
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        lines.is_empty(),
        "base/ is not clean:\n{}",
        lines.join("\n")
    );
    assert!(validation.report.suppressed.is_empty());
    assert_eq!(
        validation.report.files,
        dataset_files(&base_dir()).len(),
        "every file of base/ is read"
    );
    let dataset = validation.dataset.expect("a valid dataset");
    assert_eq!(dataset.powers().count(), 6);
}

#[test]
fn valid_fixtures_add_no_diagnostic_to_base() {
    let bugs = known_bugs();
    let mut outcomes = Outcomes::default();
    let files = dataset_files(&fixtures().join("valid"));
    assert!(files.len() >= 3, "only {} valid fixtures", files.len());
    for file in &files {
        let validation = validate_paths(&[base_dir(), file.clone()], &Options::default());
        let report = &validation.report;
        let problem =
            (!report.diagnostics.is_empty() || !report.suppressed.is_empty()).then(|| {
                let mut out = format!("{}:\n", fixture_name(file));
                for d in &report.diagnostics {
                    let _ = writeln!(out, "    {d}");
                }
                for s in &report.suppressed {
                    let _ = writeln!(out, "    suppressed: {}", s.diagnostic);
                }
                out
            });
        if problem.is_none() {
            assert_eq!(report.files, dataset_files(&base_dir()).len() + 1);
        }
        outcomes.record(&fixture_name(file), problem, &bugs);
    }
    outcomes.finish("valid fixture(s)", "valid/", &bugs);
}

#[test]
fn every_code_has_a_fixture_or_a_rust_test() {
    let mut covered: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut ignored = Vec::new();
    for (case, expected) in invalid_cases(&mut ignored) {
        if let Ok(entries) = read_expected(&expected) {
            for e in entries {
                let code = e.text.split(' ').nth(1).unwrap_or_default().to_owned();
                covered.entry(code).or_default().push(fixture_name(&case));
            }
        }
    }
    let in_rust: BTreeSet<&str> = TESTED_IN_RUST.iter().map(|(c, _)| *c).collect();
    for code in &in_rust {
        assert!(
            code.parse::<Code>().is_ok(),
            "TESTED_IN_RUST names `{code}`, which is not a code"
        );
    }
    let missing: Vec<&str> = Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !covered.contains_key(*c) && !in_rust.contains(c))
        .collect();
    assert!(
        missing.is_empty(),
        "codes with neither a fixture in tests/fixtures/invalid/ nor a Rust test in \
         tests/tests/fixtures.rs: {}\nadd `invalid/<case>.yaml` + `invalid/<case>.expected` for each",
        missing.join(", ")
    );
}

// ---------------------------------------------------------------------------------------------
// The codes no fixture file can produce.

/// Asserts that `report` holds exactly the diagnostics `expected`:
/// (code, severity, file or `None`, line, column).
fn assert_exactly(report: &Report, expected: &[(Code, Severity, Option<&str>, u32, u32)]) {
    let actual: Vec<(Code, Severity, Option<String>, u32, u32)> = report
        .diagnostics
        .iter()
        .map(|d: &Diagnostic| match &d.location {
            Some(l) => (
                d.code,
                d.severity,
                Some(l.file.clone()),
                l.start.line,
                l.start.column,
            ),
            None => (d.code, d.severity, None, 0, 0),
        })
        .collect();
    let expected: Vec<(Code, Severity, Option<String>, u32, u32)> = expected
        .iter()
        .map(|(c, s, f, l, col)| (*c, *s, f.map(str::to_owned), *l, *col))
        .collect();
    let lines: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(actual, expected, "diagnostics:\n{}", lines.join("\n"));
}

#[test]
fn io_error_for_a_path_that_does_not_exist() {
    let missing = fixtures().join("invalid").join("no-such-file.yaml");
    let validation = validate_paths(&[base_dir(), missing.clone()], &Options::default());
    let report = &validation.report;
    assert_exactly(
        report,
        &[(Code::Io, Severity::Error, Some(&shown(&missing)), 1, 1)],
    );
    assert!(report.has_io_error());
    assert!(validation.dataset.is_none());
}

#[test]
fn file_too_large_with_a_small_limit() {
    // The limit is the size of the largest base file, so only the new file exceeds it.
    let limit = dataset_files(&base_dir())
        .iter()
        .map(|p| fs::metadata(p).expect("metadata").len())
        .max()
        .expect("base files");
    let limit = usize::try_from(limit).expect("small files");
    let mut options = Options::default();
    options.limits.max_bytes = limit;

    let header = "# yaml-language-server: $schema=../../../schemas/sources.schema.json\n";
    let mut text = String::from(header);
    while text.len() <= limit {
        text.push_str("# padding to exceed the size limit\n");
    }
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fixtures-file-too-large");
    fs::create_dir_all(&dir).expect("temporary directory");
    let big = dir.join("too-large.yaml");
    fs::write(&big, &text).expect("write the large file");

    // From disk: the size is checked before the file is read.
    let validation = validate_paths(&[base_dir(), big.clone()], &options);
    assert_exactly(
        &validation.report,
        &[(
            Code::FileTooLarge,
            Severity::Error,
            Some(&shown(&big)),
            1,
            1,
        )],
    );
    // The command line has no option to raise the limit; the help says who can.
    assert_eq!(
        validation.report.diagnostics[0].help.as_deref(),
        Some(
            "split it into smaller files (one per natural unit); a program using treaty-model \
             can raise `Limits::max_bytes`"
        )
    );

    // In memory: the same diagnostic.
    let validation = validate_inputs(
        &[Input::new(
            "in-memory/too-large.yaml".to_owned(),
            text.into_bytes(),
        )],
        &options,
    );
    assert_exactly(
        &validation.report,
        &[
            (Code::MissingInstrument, Severity::Error, None, 0, 0),
            (
                Code::FileTooLarge,
                Severity::Error,
                Some("in-memory/too-large.yaml"),
                1,
                1,
            ),
        ],
    );
}

#[test]
fn node_limit_with_a_small_limit() {
    let mut options = Options::default();
    options.limits.max_nodes = 5;
    // Value nodes, keys excluded: the root mapping, "sources", "1.0", the list, the entry's
    // mapping; the sixth, `a` at 4:9, is one too many.
    let text = "kind: sources\nschema_version: \"1.0\"\nsources:\n  - id: a\n    title: b\n";
    let validation = validate_inputs(
        &[Input::new(
            "in-memory/nodes.yaml".to_owned(),
            text.as_bytes().to_vec(),
        )],
        &options,
    );
    assert_exactly(
        &validation.report,
        &[
            (Code::MissingInstrument, Severity::Error, None, 0, 0),
            (
                Code::NodeLimit,
                Severity::Error,
                Some("in-memory/nodes.yaml"),
                4,
                9,
            ),
        ],
    );
}

#[test]
fn missing_instrument_without_the_instrument_file() {
    // A copy: inside the base directory, its instrument file makes it a dataset root that
    // is loaded whole whichever of its files are named.
    let dir = treaty_tests::hostile::temp_dir("no-instrument");
    for p in dataset_files(&base_dir()) {
        if p.file_name().is_some_and(|n| n != "instrument.yaml") {
            std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
        }
    }
    let validation = validate_paths(std::slice::from_ref(&dir), &Options::default());
    let _ = std::fs::remove_dir_all(&dir);
    // One dataset-level diagnostic, not one unknown-text-version per reference.
    assert_exactly(
        &validation.report,
        &[(Code::MissingInstrument, Severity::Error, None, 0, 0)],
    );
}

/// `schema-violation` is the code of every JSON Schema rule the validator does not map to a
/// more precise code. The schemas use no such rule today, so no file can produce it; when a
/// schema starts using one (`oneOf`, `uniqueItems`...), this test fails: add a fixture for
/// `schema-violation` and take it out of [`TESTED_IN_RUST`].
#[test]
fn schema_violation_is_unreachable_with_the_current_schemas() {
    const MAPPED_OR_ANNOTATION: &[&str] = &[
        // Structure and annotations.
        "$schema",
        "$id",
        "$defs",
        "$ref",
        "title",
        "description",
        "examples",
        "default",
        "properties",
        "items",
        // Annotation only in draft 2020-12 (and `uint16`... are not formats jsonschema checks).
        "format",
        // Mapped to precise codes by the validator.
        "type",
        "required",
        "additionalProperties",
        "enum",
        "const",
        "pattern",
        "minItems",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
    ];
    fn walk(schema: &serde_json::Value, at: &str, unmapped: &mut BTreeSet<String>) {
        let Some(map) = schema.as_object() else {
            return;
        };
        for (key, value) in map {
            match key.as_str() {
                "properties" | "$defs" => {
                    for (name, sub) in value.as_object().into_iter().flatten() {
                        walk(sub, &format!("{at}/{key}/{name}"), unmapped);
                    }
                }
                "items" | "additionalProperties" if value.is_object() => {
                    walk(value, &format!("{at}/{key}"), unmapped);
                }
                k if MAPPED_OR_ANNOTATION.contains(&k) => {}
                k => {
                    unmapped.insert(format!("{k} (at {at})"));
                }
            }
        }
    }
    let mut unmapped = BTreeSet::new();
    for kind in treaty_model::model::FileKind::FILE_KINDS {
        let schema = treaty_model::schema::for_kind(kind).expect("every file kind has a schema");
        walk(&schema, kind.as_str(), &mut unmapped);
    }
    assert!(
        unmapped.is_empty(),
        "the schemas use keywords reported as `schema-violation`; add a fixture for that code: {unmapped:?}"
    );
}

#[test]
fn duplicate_id_points_back_to_base() {
    let case = fixtures().join("invalid").join("duplicate-id.yaml");
    let validation = validate_paths(&[base_dir(), case.clone()], &Options::default());
    let d = validation
        .report
        .diagnostics
        .iter()
        .find(|d| d.code == Code::DuplicateId)
        .expect("a duplicate-id diagnostic");
    assert_eq!(
        d.location.as_ref().map(|l| l.file.clone()),
        Some(shown(&case))
    );
    let related: Vec<String> = d
        .related
        .iter()
        .map(|r| {
            format!(
                "{}:{}:{}",
                fixture_name(Path::new(&r.location.file)),
                r.location.start.line,
                r.location.start.column
            )
        })
        .collect();
    assert_eq!(related, ["base/sources.yaml:5:9"]);
}

/// In a newer file an unknown field is only a warning, so a misspelt required field cannot
/// rest on it: the missing field is the error.
#[test]
fn a_newer_file_with_a_misspelt_required_field_is_an_error() {
    let text = "\
# yaml-language-server: $schema=../../../schemas/sources.schema.json
kind: sources
schema_version: \"1.1\"
sources:
  - id: schema-one-one-source
    titel: Test source
    kind: analysis
    verification: unverified
";
    let validation = beside_base("newer.yml", text);
    let codes: Vec<(Code, Severity, u32)> = validation
        .report
        .diagnostics
        .iter()
        .map(|d| {
            let line = d.location.as_ref().map_or(0, |l| l.start.line);
            (d.code, d.severity, line)
        })
        .collect();
    assert_eq!(
        codes,
        [
            (Code::NewerSchemaVersion, Severity::Warning, 3),
            (Code::MissingField, Severity::Error, 5),
            (Code::UnknownField, Severity::Warning, 6),
        ]
    );
    assert!(validation.dataset.is_none());
}

/// Data for a newer minor version loads; the fields and values that version may have added
/// are warned of.
#[test]
fn data_for_a_newer_minor_version_loads_with_its_new_fields_and_values_warned_of() {
    // docs/VERSIONING.md: a crate built for 1.0 keeps working on 1.1 data.
    let newer = fixtures().join("invalid/newer-schema-version.yml");
    let validation = beside_base("newer.yml", fs::read(&newer).expect("read the fixture"));
    let codes: Vec<(Code, Severity)> = validation
        .report
        .diagnostics
        .iter()
        .map(|d| (d.code, d.severity))
        .collect();
    assert_eq!(
        codes,
        [
            (Code::NewerSchemaVersion, Severity::Warning),
            (Code::InvalidValue, Severity::Warning),
            (Code::UnknownField, Severity::Warning),
        ]
    );
    let dataset = validation.dataset.expect("the dataset loads");
    let source = dataset
        .bundle()
        .sources
        .iter()
        .flat_map(|f| &f.sources)
        .find(|s| s.id.as_str() == "schema-one-one-source")
        .expect("the newer file's source is read");
    assert_eq!(source.kind, treaty_model::model::SourceKind::Unrecognized);
}

/// A suppressed diagnostic must not lose data silently: when an inline allow silences an error,
/// either the file's content is in the dataset or there is no dataset.
#[test]
fn a_suppressed_error_does_not_drop_its_file_from_the_dataset() {
    let text = "\
# yaml-language-server: $schema=../../../schemas/powers.schema.json
kind: powers
schema_version: \"1.0\"
text_version: final
powers:
  - id: suppressed-error-power
    name: Test power with a field of a later schema version
    provision: \"26\"
    scope: domestic
    obligation: mandatory
    summary: A fictional power (test data).
    # treaty: allow(unknown-field) a field added by schema 1.1
    legal_basis: a later field
    sources: [test-source-a]
";
    let validation = beside_base("in-memory/suppressed-error.yaml", text);
    assert_eq!(validation.report.suppressed.len(), 1);
    if let Some(dataset) = &validation.dataset {
        assert!(
            dataset.power("suppressed-error-power").is_some(),
            "the report is valid, but the power of the file whose error was suppressed is not in \
             the dataset"
        );
    }
}

#[test]
fn invalid_data_help_names_what_does_not_exist() {
    for (case, n, help) in [
        (
            "invalid-data-date.yaml",
            1,
            "this day or month is not in the calendar: check the date against the source",
        ),
        (
            "invalid-data-full-date.yaml",
            1,
            "this day or month is not in the calendar: check the date against the source",
        ),
        (
            "invalid-data-state.yaml",
            1,
            "look the state up in ISO 3166-1: reserved and user-assigned codes name no state",
        ),
        (
            "invalid-data-url.yaml",
            2,
            "copy the address from a browser that opens it",
        ),
    ] {
        let file = fixtures().join("invalid").join(case);
        let validation = validate_paths(&[base_dir(), file], &Options::default());
        let helps: Vec<(&str, Option<&str>)> = validation
            .report
            .diagnostics
            .iter()
            .map(|d| (d.code.as_str(), d.help.as_deref()))
            .collect();
        assert_eq!(helps, vec![("invalid-data", Some(help)); n], "{case}");
    }
}

/// A modeline that finds no schema from the file's folder is warned of, with the path that
/// would find the repository's; a file given in memory has no folder, and is not asked.
#[test]
fn a_modeline_that_finds_no_schema_is_told_the_path_that_would() {
    let file = fixtures().join("invalid").join("modeline-not-found.yaml");
    let validation = validate_paths(&[base_dir(), file.clone()], &Options::default());
    let report = &validation.report;
    assert_exactly(
        report,
        &[(
            Code::ModelineNotFound,
            Severity::Warning,
            Some(&shown(&file)),
            1,
            33,
        )],
    );
    let d = &report.diagnostics[0];
    assert_eq!(
        d.message,
        "no file is at `../../schemas/sources.schema.json` from the file's folder: editors find \
         no schema and check nothing as you type"
    );
    assert_eq!(
        d.help.as_deref(),
        Some(
            "point it at `../../../schemas/sources.schema.json`, the nearest \
             `schemas/sources.schema.json` above the file"
        )
    );
    let location = d.location.as_ref().unwrap();
    assert_eq!((location.end.line, location.end.column), (1, 66));

    let text = std::fs::read(&file).unwrap();
    let validation = validate_inputs(
        &[Input::new("in-memory/modeline-not-found.yaml", text)],
        &Options::default(),
    );
    assert!(
        validation
            .report
            .diagnostics
            .iter()
            .all(|d| d.code != Code::ModelineNotFound),
        "{:?}",
        validation.report.diagnostics
    );
}

/// The help of a missing modeline gives the line to write, from the file's folder to the
/// nearest `schemas/` above it; a file given in memory has no folder, and gets the pattern.
#[test]
fn a_missing_modeline_is_told_the_line_that_finds_the_schema() {
    let file = fixtures().join("invalid").join("missing-modeline.yaml");
    let help = |report: &Report| {
        let helps: Vec<Option<String>> = report
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::MissingModeline)
            .map(|d| d.help.clone())
            .collect();
        assert_eq!(helps.len(), 1, "{:?}", report.diagnostics);
        helps[0].clone()
    };
    let on_disk = validate_paths(&[base_dir(), file.clone()], &Options::default());
    assert_eq!(
        help(&on_disk.report).as_deref(),
        Some(
            "add `# yaml-language-server: $schema=../../../schemas/sources.schema.json` as the \
             first line so editors validate as you type"
        )
    );
    let text = std::fs::read(&file).unwrap();
    let in_memory = validate_inputs(
        &[Input::new("in-memory/missing-modeline.yaml", text)],
        &Options::default(),
    );
    assert_eq!(
        help(&in_memory.report).as_deref(),
        Some(
            "add `# yaml-language-server: $schema=<relative path>/schemas/sources.schema.json` \
             as the first line so editors validate as you type"
        )
    );
}

/// The CSV tables put ` | ` between a source's authors: an author holding `|` is told where it
/// stands, and how to write it.
#[test]
fn an_author_holding_the_csv_separator_is_rejected_where_it_stands() {
    let file = fixtures()
        .join("invalid")
        .join("invalid-data-author-separator.yaml");
    let validation = validate_paths(&[base_dir(), file.clone()], &Options::default());
    let report = &validation.report;
    assert_exactly(
        report,
        &[(
            Code::InvalidData,
            Severity::Error,
            Some(&shown(&file)),
            11,
            9,
        )],
    );
    let d = &report.diagnostics[0];
    assert_eq!(
        d.message,
        "the author `Test Author A | Test Author B` holds `|`, which the CSV tables put between authors"
    );
    assert_eq!(
        d.help.as_deref(),
        Some(
            "write it without `|`; if it is two authors, list each as an item of its own: \
             written with `|`, one could not be told from two"
        )
    );
    let end = &d.location.as_ref().expect("a location").end;
    assert_eq!((end.line, end.column), (11, 38));
}

/// The bundle `treaty convert` writes is not a dataset file: validating it says so, and what
/// to do, instead of suggesting the nearest kind.
#[test]
fn a_bundle_is_not_read_back_and_the_help_says_why() {
    let text = "{\n  \"kind\": \"bundle\",\n  \"schema_version\": \"1.0\"\n}\n";
    let inputs = [Input::new("bundle.json", text.as_bytes().to_vec())];
    let validation = validate_inputs(&inputs, &Options::default());
    let d = validation
        .report
        .diagnostics
        .iter()
        .find(|d| d.code == Code::UnknownKind)
        .expect("unknown-kind");
    let at = d.location.as_ref().expect("a location");
    assert_eq!((at.start.line, at.start.column), (2, 11));
    assert_eq!(d.message, "`bundle` is not a kind of dataset file");
    assert_eq!(
        d.help.as_deref(),
        Some(
            "a bundle is what `treaty convert` writes from a whole dataset, for readers of JSON; \
             it is not read back: validate the dataset's files"
        )
    );
}

/// Validates the in-memory file `path`, holding `bytes`, beside the base dataset's files.
fn beside_base(path: &str, bytes: impl Into<Vec<u8>>) -> treaty_model::validate::Validation {
    let mut inputs: Vec<Input> = dataset_files(&base_dir())
        .iter()
        .map(|p| Input::new(shown(p), fs::read(p).expect("read a base file")))
        .collect();
    inputs.push(Input::new(path, bytes));
    validate_inputs(&inputs, &Options::default())
}

/// Each repeat of the fixture `name`, as `line:column message -> line:column label` for the
/// place it points at.
fn repeats_in(name: &str) -> Vec<String> {
    let file = fixtures().join(name);
    let validation = validate_paths(&[base_dir(), file.clone()], &Options::default());
    validation
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::RepeatedItem)
        .map(|d| {
            let at = d.location.as_ref().expect("a location");
            assert_eq!(at.file, shown(&file));
            let mut line = format!("{}:{} {}", at.start.line, at.start.column, d.message);
            for r in &d.related {
                assert_eq!(r.location.file, shown(&file));
                let (l, c) = (r.location.start.line, r.location.start.column);
                line.push_str(&format!(" -> {l}:{c} {}", r.message));
            }
            line
        })
        .collect()
}

/// A repeated item points at its first occurrence, and says what is repeated; a third one
/// points at the first too.
#[test]
fn a_repeated_item_points_at_its_first_occurrence() {
    assert_eq!(
        repeats_in("invalid/repeated-item.yaml"),
        [
            "15:33 provision `25` is already in this list -> 15:18 first listed here",
            "16:56 power `production-order` is already in this list -> 16:14 first listed here",
            "17:43 safeguard `proportionality` is already in this list -> 17:26 first listed here",
            "17:60 safeguard `proportionality` is already in this list -> 17:26 first listed here",
            "18:51 data category `traffic-data` is already in this list -> 18:23 first listed here",
            "22:41 safeguard `user-notification` is already in this list -> 22:22 first listed here",
            "25:9 source `test-source-c` is already in this list -> 24:9 first listed here",
        ]
    );
}

/// A repeated value of a vocabulary list is named with its field, which a bare value would not
/// say; a repeated entry points at the first entry.
#[test]
fn a_repeated_value_is_named_with_its_field() {
    assert_eq!(
        repeats_in("invalid/repeated-item-power.yaml"),
        [
            "12:37 data category `traffic-data` is already in this list -> 12:23 first listed here",
            "13:55 `compellable` value `service-provider` is already in this list -> 13:19 first listed here",
            "15:30 `covers` value `ict-offences` is already in this list -> 15:16 first listed here",
            "30:20 safeguard `user-notification` already has an entry in this list -> 23:20 its first entry",
        ]
    );
}

/// An entry of a top-level list set aside (the model cannot read its address) does not shift
/// where the entries after it are placed: a repeated entry is still reported at its own line.
#[test]
fn a_repeated_entry_after_an_entry_set_aside_is_placed_at_its_line() {
    let text = "\
# yaml-language-server: $schema=../../../schemas/assessment.schema.json
kind: assessment
schema_version: \"1.0\"
state: ISL
text_version: final
as_of: \"2025-01\"
powers:
  - power: production-order
    implemented: \"yes\"
    legal_basis:
      - law: Fictional Code
        url: https://-/x
  - power: expedited-preservation
    implemented: unknown
  - power: expedited-preservation
    implemented: partly
sources: [test-source-a]
";
    let validation = beside_base("assessment.yaml", text);
    /// A diagnostic's code and place, and the lines it points at.
    type Found<'r> = (Code, u32, u32, Vec<(u32, &'r str)>);
    let found: Vec<Found<'_>> = validation
        .report
        .diagnostics
        .iter()
        .map(|d| {
            let at = d.location.as_ref().expect("a location");
            let related = d
                .related
                .iter()
                .map(|r| (r.location.start.line, r.message.as_str()))
                .collect();
            (d.code, at.start.line, at.start.column, related)
        })
        .collect();
    assert_eq!(
        found,
        [
            (Code::InvalidData, 12, 14, vec![]),
            (Code::RepeatedItem, 15, 12, vec![(13, "its first entry")]),
        ]
    );
}

/// An id of a file's own top-level list that the model cannot read is set aside; the ids after
/// it keep their places, for the references they make and the repeats among them.
#[test]
fn ids_after_an_id_set_aside_keep_their_places() {
    let text = "\
# yaml-language-server: $schema=../../../schemas/assessment.schema.json
kind: assessment
schema_version: \"1.0\"
state: ISL
text_version: final
as_of: \"2025-01\"
sources: [Not An Id, test-source-a, test-source-a, test-source-x]
";
    let validation = beside_base("assessment.yaml", text);
    let found: Vec<(Code, u32, u32, Vec<u32>)> = validation
        .report
        .diagnostics
        .iter()
        .map(|d| {
            let at = d.location.as_ref().expect("a location");
            let related = d.related.iter().map(|r| r.location.start.column).collect();
            (d.code, at.start.line, at.start.column, related)
        })
        .collect();
    assert_eq!(
        found,
        [
            (Code::InvalidFormat, 7, 11, vec![]),
            (Code::RepeatedItem, 7, 37, vec![22]),
            (Code::UnknownReference, 7, 52, vec![]),
        ]
    );
}
