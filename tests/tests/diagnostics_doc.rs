//! `docs/DIAGNOSTICS.md` is generated from the codes and the fixture corpus, so every code is
//! documented with a real example that the validator really produces. The test fails when the
//! committed file differs; `TREATY_BLESS=1 cargo test -p treaty-tests --test main diagnostics_doc::`
//! rewrites it.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use treaty_cli::render::human::{self, Style};
use treaty_model::diagnostic::{Code, Diagnostic, Report};
use treaty_model::validate::{Options, validate_paths};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Codes no single file produces, with how they arise.
const WITHOUT_FIXTURE: &[(&str, &str)] = &[
    (
        "io-error",
        "`treaty validate does/not/exist.yaml`: the path cannot be read (also an unreadable file, or a symbolic link loop in a dataset directory). Exit code 2.",
    ),
    (
        "file-too-large",
        "a file larger than the size limit (64 MiB by default) is reported before it is read into memory.",
    ),
    (
        "node-limit",
        "a file with more than 10 million nodes (values, keys and list items).",
    ),
    (
        "missing-instrument",
        "a directory of dataset files without `instrument.yaml` (and inside no directory that has one) has no text versions, so provisions cannot be resolved. Add the instrument file, or validate the directory that has it.",
    ),
    (
        "outside-dataset",
        "a file in a dataset directory is a symbolic link to a file outside that directory. It is reported by its path and never opened, so nothing of the target reaches the output (a pull request cannot make CI print `/proc/self/environ`).",
    ),
    (
        "misnamed-file",
        "a file in a dataset directory named almost like a dataset file, such as `hrw.YAML` or `hrw.yaml.txt` (as some editors save it): the walk does not read it, so it is reported rather than left out without a word. Also an analysis in an `analyses/` folder whose file is not named after its id (`id: hrw-2024-08-surveillance` in `analyses/hrw-2024.yaml`), reported at the id: a reader looks an analysis up by its id.",
    ),
    (
        "unchecked-references",
        "a note on a file that does not parse or has a bad header (`kind`, `schema_version`): what it defines is unknown, so references elsewhere to ids a file of its kind could define (its kind as written, or as its modeline names it), which resolve nowhere, are not reported as unknown; the note counts them and shows the first. A chapter or concordance that loads with an entry set aside, or with a value the schema rejects (a paragraph numbered 0), holds back the references to its text version's provisions the same way. A broken instrument file holds back the references to text versions, which no other file defines, and stands for `missing-instrument`, which is not reported. A reference an inline allow silences is not counted. A second note, on a file whose own errors keep it from being read, says that its own references were not checked. Fix the file's own error and they are checked again.",
    ),
    (
        "schema-violation",
        "a schema rule without a more specific code; none of the current schemas uses one.",
    ),
];

/// The fixture that best shows `code`: the one named after it, else the first whose expected
/// results contain it.
fn fixture_for(code: Code) -> Option<PathBuf> {
    let dir = root().join("tests/fixtures/invalid");
    let mut cases: Vec<PathBuf> = fs::read_dir(&dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e != "expected"))
        .collect();
    cases.sort();
    let named = cases
        .iter()
        .find(|p| p.file_stem().is_some_and(|s| s == code.as_str()));
    named.cloned().or_else(|| {
        cases.into_iter().find(|p| {
            fs::read_to_string(p.with_extension("expected")).is_ok_and(|t| {
                t.lines()
                    .any(|l| l.split(' ').nth(1) == Some(code.as_str()))
            })
        })
    })
}

fn relative(p: &Path) -> String {
    p.strip_prefix(root())
        .unwrap_or(p)
        .to_string_lossy()
        .replace('\\', "/")
}

fn example(code: Code, fixture: &Path) -> Option<String> {
    let base = root().join("tests/fixtures/base");
    let report = validate_paths(&[base, fixture.to_path_buf()], &Options::default()).report;
    let shown = fixture.to_string_lossy().replace('\\', "/");
    let in_fixture =
        |d: &&Diagnostic| d.code == code && d.location.as_ref().is_some_and(|l| l.file == shown);
    let d = report.diagnostics.iter().find(in_fixture).or_else(|| {
        report
            .suppressed
            .iter()
            .map(|s| &s.diagnostic)
            .find(in_fixture)
    })?;
    // The example is drawn by the CLI's own renderer from a report holding this diagnostic
    // alone, with its paths made relative to the repository: what a user sees, not a layout
    // of this file's own.
    let mut one = Report::default();
    let mut d = d.clone();
    let locations = d
        .location
        .iter_mut()
        .chain(d.related.iter_mut().map(|r| &mut r.location));
    for loc in locations {
        let rel = relative(Path::new(&loc.file));
        if let Some(text) = report.source(&loc.file) {
            one.sources.insert(rel.clone(), text.into());
        }
        loc.file = rel;
    }
    one.diagnostics.push(d);
    let rendered = human::render(&one, None, Style::plain());
    // The summary line counts this one report, not the fixture's.
    let drawn = rendered.rsplit_once("\n\n")?.0;
    let mut out = String::new();
    let _ = writeln!(out, "Example: [`{}`](../{0})\n", relative(fixture));
    let _ = writeln!(out, "```text\n{drawn}\n```");
    Some(out)
}

fn generate() -> String {
    let mut out = String::from(
        "# Diagnostics\n\n\
         Every problem `treaty validate` reports has a stable code. Change a code's severity with\n\
         `--allow CODE`, `--warn CODE` or `--deny CODE` (`--deny-warnings` for all warnings), or\n\
         silence one occurrence in a dataset with a comment on the line above it, with a reason:\n\
         `# treaty: allow(CODE) why`. Suppressed diagnostics are listed in the reports. Neither can\n\
         make a file vanish: when an allowed or suppressed error keeps a file, or part of it, out of\n\
         the model, `invalid-data` says so at the file's start. Two codes cannot be allowed or\n\
         lowered to a warning, inline or on the command line: `io-error` (a path that cannot be\n\
         read always exits 2) and `duplicate-id` (a dataset never holds two entries under one\n\
         id); an inline allow of either is itself reported as `unused-suppression`.\n\n\
         This file is generated from the code and the fixture corpus (`tests/fixtures/invalid/`):\n\
         every example below is real output.\n\n\
         | code | default | meaning |\n|---|---|---|\n",
    );
    for c in Code::ALL {
        let _ = writeln!(
            out,
            "| [`{0}`](#{0}) | {1} | {2} |",
            c.as_str(),
            c.default_severity(),
            c.summary()
        );
    }
    for c in Code::ALL {
        let _ = writeln!(out, "\n## {}\n", c.as_str());
        let _ = writeln!(
            out,
            "Default severity: **{}**. {}.\n\nFix: {}.\n",
            c.default_severity(),
            capitalise(c.summary()),
            c.fix()
        );
        if let Some((_, how)) = WITHOUT_FIXTURE.iter().find(|(n, _)| *n == c.as_str()) {
            let _ = writeln!(out, "Example: {how}");
        } else if let Some(text) = fixture_for(*c).and_then(|f| example(*c, &f)) {
            out.push_str(&text);
        } else {
            let _ = writeln!(out, "Example: none yet.");
        }
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

#[test]
fn diagnostics_reference_is_up_to_date() {
    let path = root().join("docs/DIAGNOSTICS.md");
    let want = generate();
    if std::env::var_os("TREATY_BLESS").is_some() {
        fs::create_dir_all(root().join("docs")).expect("docs dir");
        fs::write(&path, &want).expect("write docs/DIAGNOSTICS.md");
    }
    let have = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "docs/DIAGNOSTICS.md is out of date; regenerate it with `TREATY_BLESS=1 cargo test -p treaty-tests --test main diagnostics_doc::`"
    );
    assert!(
        !want.contains("Example: none yet."),
        "a code has no example: add a fixture under tests/fixtures/invalid/"
    );
}
