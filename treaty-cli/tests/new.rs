//! End-to-end tests of `treaty new assessment` and `treaty new analysis`: the templates, their
//! validation, and what the commands refuse.

use std::path::{Path, PathBuf};

use crate::common::{self, run, run_in};

fn tmp_dir(name: &str) -> PathBuf {
    common::tmp_dir("treaty-cli-new", name)
}

fn utf8(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// `treaty new assessment` for Iceland as of January 2026, written to `out`.
fn isl_to(out: &str) -> [&str; 8] {
    [
        "new",
        "assessment",
        "--state",
        "ISL",
        "--as-of",
        "2026-01",
        "-o",
        out,
    ]
}

const PLACEHOLDER_SOURCE: &str = r#"# yaml-language-server: $schema=../../schemas/sources.schema.json
kind: sources
schema_version: "1.0"
sources:
  - id: assessment-source
    title: Fictional test source for the assessment template
    kind: reference
    url: https://example.org/assessment-source
    verification: unverified
"#;

#[test]
fn new_assessment_is_valid_once_its_placeholder_source_exists() {
    let dir = tmp_dir("valid");
    let file = dir.join("isl.yaml");
    let mut args = isl_to(utf8(&file));
    // `--out`, the alias that `report` uses too, is the same option as `-o`.
    args[6] = "--out";
    let r = run(&args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    let text = std::fs::read_to_string(&file).expect("the template is written");
    assert!(
        text.starts_with("# yaml-language-server: $schema=../../schemas/assessment.schema.json\n")
    );
    assert!(
        text.contains("\nkind: assessment\nschema_version: \"1.0\"\nstate: ISL\ntext_version: final\nas_of: \"2026-01\"\npowers:\n"),
        "{text}"
    );
    assert!(
        text.ends_with("\nsources:\n  - assessment-source\n"),
        "{text}"
    );

    // Filled in with nothing: the placeholder source is the one thing the validator reports.
    let r = run(&["validate", "--format", "json", "datasets", utf8(&file)]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let report: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    let diagnostics = report["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diagnostics.len(), 1, "{:#}", report["diagnostics"]);
    let d = &diagnostics[0];
    assert_eq!(d["code"], "unknown-reference");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["message"], "no source has the id `assessment-source`");
    assert_eq!(d["location"]["file"], utf8(&file));
    assert_eq!(report["summary"]["warnings"], 0);

    // Once the source is defined, the assessment is valid.
    std::fs::write(dir.join("sources.yaml"), PLACEHOLDER_SOURCE).expect("write sources");
    let r = run(&["validate", "datasets", utf8(&dir)]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(": 0 errors, 0 warnings, 2 suppressed"),
        "{}",
        r.stderr
    );
}

#[test]
fn new_assessment_writes_to_stdout_by_default() {
    let args = ["new", "assessment", "--state", "FRA", "--as-of", "2025"];
    let in_repo = run(&args);
    assert_eq!(in_repo.code, 0, "{}", in_repo.stderr);
    assert_eq!(in_repo.stderr, "");
    assert!(in_repo.stdout.contains("\nstate: FRA\n"));
    assert!(in_repo.stdout.contains("\nas_of: \"2025\"\n"));
    assert!(
        in_repo
            .stdout
            .contains("# Save it as datasets/assessments/fra.yaml;")
    );
    // Outside a repository the bundled dataset, built from the same files, gives the same template.
    let outside = run_in(&tmp_dir("outside"), &args);
    assert_eq!(outside.code, 0, "{}", outside.stderr);
    assert_eq!(outside.stdout, in_repo.stdout);
    // `-o -` is standard output too, and `--data` names the dataset explicitly.
    let dash = run(&[
        "new",
        "assessment",
        "--state",
        "FRA",
        "--as-of",
        "2025",
        "-o",
        "-",
        "--data",
        "datasets",
    ]);
    assert_eq!(dash.code, 0, "{}", dash.stderr);
    assert_eq!(dash.stdout, in_repo.stdout);
}

#[test]
fn new_assessment_rejects_a_bad_state_code_or_date() {
    let r = run(&["new", "assessment", "--state", "XYZ", "--as-of", "2026"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    assert!(
        r.stderr.contains(
            "`XYZ` is not an assigned ISO 3166-1 alpha-3 country code (three capital letters, such as `AZE`)"
        ),
        "{}",
        r.stderr
    );
    // Case carries no meaning on a command line: `isl` is Iceland, written as the data writes it.
    let r = run(&["new", "assessment", "--state", "isl", "--as-of", "2026"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("\nstate: ISL\n"), "{}", r.stdout);
    let r = run(&["new", "assessment", "--state", "ISL", "--as-of", "2026-13"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("`2026-13` is not a valid"),
        "{}",
        r.stderr
    );
    let r = run(&["new", "assessment", "--state", "ISL"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--as-of <DATE>"), "{}", r.stderr);
}

/// Runs `args` in `dir` with `file` (shown as `shown`) holding work in progress: the command
/// refuses, naming `what` would be lost, and leaves the file alone; with `--force` it succeeds.
/// Returns what it then wrote.
fn refused_then_forced(dir: &Path, args: &[&str], file: &Path, shown: &str, what: &str) -> String {
    let in_progress = "# work in progress\n";
    std::fs::write(file, in_progress).expect("write");
    let r = run_in(dir, args);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        format!(
            "treaty: error: `{shown}` already exists; it is not overwritten ({what} in progress would be lost): choose another file or pass --force\n",
        )
    );
    assert_eq!(std::fs::read_to_string(file).expect("read"), in_progress);

    let r = run_in(dir, &[args, &["--force"]].concat());
    assert_eq!(r.code, 0, "{}", r.stderr);
    std::fs::read_to_string(file).expect("read")
}

#[test]
fn new_assessment_never_overwrites_an_assessment_in_progress() {
    let dir = tmp_dir("clobber");
    let file = dir.join("isl.yaml");
    let args = isl_to(utf8(&file));
    let shown = file.display().to_string();
    let text = refused_then_forced(&dir, &args, &file, &shown, "an assessment");
    assert!(text.contains("\nkind: assessment\nschema_version: \"1.0\"\nstate: ISL\n"));
    // Written atomically: no temporary file is left beside it.
    let names: Vec<String> = std::fs::read_dir(&dir)
        .expect("readable")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["isl.yaml"]);
}

/// `--force` restarts an assessment of the dataset in place, although the file it replaces
/// leaves the dataset invalid (the template's placeholder source, a botched value).
#[test]
fn new_assessment_with_force_restarts_a_file_of_the_dataset_in_place() {
    let dir = tmp_dir("restart");
    common::copy_dir(&common::root().join("datasets"), &dir.join("datasets"));
    let path = "datasets/assessments/isl.yaml";
    let args = isl_to(path);
    let r = run_in(&dir, &args);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let file = dir.join(path);
    let template = std::fs::read_to_string(&file).expect("written");
    let botched = template.replacen("implemented: unknown", "implemented: maybe", 1);
    std::fs::write(&file, &botched).expect("botch");

    let r = run_in(&dir, &args);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&file).expect("kept"), botched);
    let r = run_in(&dir, &[&args[..], &["--force"]].concat());
    assert_eq!(
        (r.code, r.stdout.as_str(), r.stderr),
        (
            0,
            "",
            format!(
                "treaty: wrote {path}; fill it in (docs/ASSESSMENTS.md), then run `treaty validate`\n"
            )
        )
    );
    assert_eq!(std::fs::read_to_string(&file).expect("written"), template);
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--force` starts over a file of the kind written, never a valid file of another kind: a
/// chapter named by a slip is kept, byte for byte.
#[test]
fn new_with_force_keeps_a_valid_file_of_another_kind() {
    let dir = tmp_dir("another-kind");
    common::copy_dir(&common::root().join("datasets"), &dir.join("datasets"));
    let path = "datasets/convention/chapter-04.yaml";
    let file = dir.join(path);
    let before = std::fs::read_to_string(&file).expect("read");
    let args = [&isl_to(path)[..], &["--force"]].concat();
    let r = run_in(&dir, &args);
    assert_eq!(
        (r.code, r.stdout.as_str(), r.stderr.as_str()),
        (
            2,
            "",
            "treaty: error: `datasets/convention/chapter-04.yaml` is a valid chapter file; \
             --force starts over only a file of the kind written (assessment): choose another file\n"
        )
    );
    assert_eq!(std::fs::read_to_string(&file).expect("kept"), before);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn new_assessment_refuses_an_invalid_dataset() {
    let dir = tmp_dir("invalid-data");
    std::fs::write(dir.join("broken.yaml"), "kind: powers\n").expect("write");
    let out = dir.join("isl.yaml");
    let r = run(&[
        "new",
        "assessment",
        "--state",
        "ISL",
        "--as-of",
        "2026",
        "--data",
        utf8(&dir),
        "--out",
        utf8(&out),
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    // The same refusal as every command that reads a dataset (`load::directory`).
    let d = utf8(&dir);
    assert!(
        r.stderr.ends_with(&format!(
            "treaty: the dataset in `{d}` is not valid; fix it first (`treaty validate {d}`)\n"
        )),
        "{}",
        r.stderr
    );
    assert!(!out.exists());
}

// ---------------------------------------------------------------------------------------------
// treaty new analysis

/// A publication added to the sources, as the first step of adding an analysis.
const NEW_SOURCE: &str = r#"  - id: example-2026-01-fictional-analysis
    title: Fictional analysis for the tests of the analysis template
    kind: analysis
    authors: [A. Tester]
    cite_as: Example, January 2026
    publisher: Example Publisher
    published: "2026-01-15"
    url: https://example.org/fictional-analysis
    accessed: "2026-01-20"
    verification: unverified
"#;

const NEW_ID: &str = "example-2026-01-fictional-analysis";

const ANALYSIS_TEMPLATE: &str = r#"# yaml-language-server: $schema=../../schemas/analysis.schema.json
# Analysis of Example, January 2026 (source `example-2026-01-fictional-analysis`).
# Save it as datasets/analyses/example-2026-01-fictional-analysis.yaml, named after its id.
# Guide: datasets/README.md, "Adding an analysis".
#
# `title`, `publisher`, `genre` and `published` are the source's: check them against the
# publication (`genre: statement` for a joint statement or letter). Every "" is yours to fill
# in, and `treaty validate` reports each one until you do:
#   text_version  the text the analysis discusses, whose numbering its provisions keep:
#                 `zero-draft`, `updated-draft-2024-05` or `final`
#   summary       what it argues overall, in your own words
#   concerns      one entry per concern, paragraph by paragraph: an `id` naming the concern,
#                 its `summary` in your own words, and what the analysis ties it to:
#     provisions: [2(b), "27"]
#     powers: [production-order-electronic-data]
#     missing_safeguards: [sensitive-data-protection]
#     recommendations:
#       - action: add
#         summary: What it recommends, in your own words.
#         safeguards: [sensitive-data-protection]
# A concern the analysis ties to no article gets no provision or power; leave out what it
# does not say.
kind: analysis
schema_version: "1.0"
id: example-2026-01-fictional-analysis
title: Fictional analysis for the tests of the analysis template
publisher: Example Publisher
genre: analysis
published: "2026-01-15"
text_version: ""
source: example-2026-01-fictional-analysis
summary: ""
concerns:
  - id: ""
    summary: ""
    sources:
      - example-2026-01-fictional-analysis
"#;

/// A copy of the repository's datasets in `dir/datasets`, with [`NEW_SOURCE`] added.
fn dataset_with_new_source(name: &str) -> PathBuf {
    let dir = tmp_dir(name);
    common::copy_dir(&common::root().join("datasets"), &dir.join("datasets"));
    let sources = dir.join("datasets/sources.yaml");
    let text = std::fs::read_to_string(&sources).expect("read sources");
    std::fs::write(&sources, text + NEW_SOURCE).expect("write sources");
    dir
}

/// Where the analysis of [`NEW_ID`] goes, from the directory holding `datasets/`.
fn new_path() -> String {
    format!("datasets/analyses/{NEW_ID}.yaml")
}

/// What `treaty new analysis --source NEW_ID -o PATH` says once the template is written.
fn wrote(path: &str) -> String {
    format!(
        "treaty: wrote {path}; fill in text_version, summary, concerns[0].id, \
         concerns[0].summary (datasets/README.md, \"Adding an analysis\"), then run \
         `treaty validate`\n"
    )
}

/// [`ANALYSIS_TEMPLATE`] in its place in [`dataset_with_new_source`], then botched: half filled
/// in, the dataset it is part of is invalid.
fn dataset_with_botched_analysis(name: &str) -> (PathBuf, PathBuf, String) {
    let dir = dataset_with_new_source(name);
    let r = run_in(
        &dir,
        &["new", "analysis", "--source", NEW_ID, "-o", &new_path()],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let file = dir.join(new_path());
    let botched = format!(
        "# yaml-language-server: $schema=../../schemas/analysis.schema.json\n\
         kind: analysis\nschema_version: \"1.0\"\nid: {NEW_ID}\ntext_version: final\n\
         summary: \"\"\n"
    );
    std::fs::write(&file, &botched).expect("botch");
    assert_eq!(run_in(&dir, &["validate"]).code, 1);
    (dir, file, botched)
}

#[test]
fn new_analysis_is_the_template_of_its_source_and_reports_each_blank() {
    let dir = dataset_with_new_source("analysis");
    let r = run_in(
        &dir,
        &["new", "analysis", "--source", NEW_ID, "--data", "datasets"],
    );
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    assert_eq!(r.stdout, ANALYSIS_TEMPLATE);

    let path = new_path();
    let r = run_in(&dir, &["new", "analysis", "--source", NEW_ID, "-o", &path]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    assert_eq!(r.stderr, wrote(&path));
    let written = std::fs::read_to_string(dir.join(&path)).expect("written");
    assert_eq!(written, ANALYSIS_TEMPLATE);

    // In its place, the dataset reports each blank where it stands, and nothing else: the file
    // is named after its id, and its source is defined.
    let r = run_in(&dir, &["validate", "--format", "json"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let report: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    let found: Vec<(String, String, u64, u64, String)> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["location"]["file"].as_str().expect("file").to_owned(),
                d["code"].as_str().expect("code").to_owned(),
                d["location"]["start"]["line"].as_u64().expect("line"),
                d["location"]["start"]["column"].as_u64().expect("column"),
                d["message"].as_str().expect("message").to_owned(),
            )
        })
        .collect();
    let at = |code: &str, line, column, message: &str| {
        (
            path.clone(),
            code.to_owned(),
            line,
            column,
            message.to_owned(),
        )
    };
    assert_eq!(
        found,
        [
            at(
                "invalid-format",
                30,
                15,
                "the value is empty; expected a text version",
            ),
            at("invalid-data", 32, 10, "this text is empty"),
            at(
                "invalid-format",
                34,
                9,
                "the value is empty; expected an id",
            ),
            at("invalid-data", 35, 14, "this text is empty"),
            at(
                "unchecked-references",
                1,
                1,
                "the file's errors keep it from being read, so its own references (ids, \
                 provisions) were not checked"
            ),
        ],
        "{:#}",
        report["diagnostics"]
    );
    assert_eq!(report["summary"]["warnings"], 0);

    // Filled in, it is valid.
    let filled = written
        .replace("text_version: \"\"", "text_version: final")
        .replace(
            "summary: \"\"\nconcerns",
            "summary: What the publication argues.\nconcerns",
        )
        .replace("  - id: \"\"", "  - id: electronic-data")
        .replace("    summary: \"\"", "    summary: What it fears.");
    std::fs::write(dir.join(&path), filled).expect("fill in");
    let r = run_in(&dir, &["validate"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn new_analysis_refuses_a_source_it_cannot_start_from() {
    let refused = |source: &str, message: &str| {
        let r = run(&["new", "analysis", "--source", source]);
        assert_eq!(
            (r.code, r.stdout.as_str(), r.stderr.as_str()),
            (2, "", format!("treaty: error: {message}\n").as_str()),
            "{source}"
        );
    };
    refused(
        "hrw-article19-2023-08",
        "no source has the id `hrw-article19-2023-08`; did you mean `hrw-article19-2023-08-30`?",
    );
    refused(
        "hrw-2024-09-surveillance-powers",
        "no source has the id `hrw-2024-09-surveillance-powers`: add the publication to the \
         dataset's sources first",
    );
    refused(
        "eff-2024-07-electronic-data",
        "the analysis `eff-2024-07-electronic-data` already exists, in \
         `datasets/analyses/eff-2024-07-electronic-data.yaml`: edit it rather than start another",
    );
    refused(
        "eff-2023-08-surveillance-pact",
        "the source `eff-2023-08-surveillance-pact` is already analysed, by \
         `eff-2023-08-international-cooperation` in \
         `datasets/analyses/eff-2023-08-international-cooperation.yaml`: edit it rather than \
         start another",
    );
    let r = run(&["new", "analysis"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--source <ID>"), "{}", r.stderr);
}

#[test]
fn new_analysis_never_overwrites_a_file_in_progress() {
    let dir = dataset_with_new_source("analysis-clobber");
    let file = dir.join("draft.yaml");
    let args = [
        "new",
        "analysis",
        "--source",
        NEW_ID,
        "--data",
        "datasets",
        "-o",
        "draft.yaml",
    ];
    let text = refused_then_forced(&dir, &args, &file, "draft.yaml", "an analysis");
    assert_eq!(text, ANALYSIS_TEMPLATE);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn new_analysis_refuses_an_invalid_dataset() {
    let dir = tmp_dir("analysis-invalid-data");
    std::fs::write(dir.join("broken.yaml"), "kind: sources\n").expect("write");
    let out = dir.join("draft.yaml");
    let d = utf8(&dir);
    let r = run(&[
        "new",
        "analysis",
        "--source",
        "hrw-article19-2023-08-30",
        "--data",
        d,
        "-o",
        utf8(&out),
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.ends_with(&format!(
            "treaty: the dataset in `{d}` is not valid; fix it first (`treaty validate {d}`)\n"
        )),
        "{}",
        r.stderr
    );
    assert!(!out.exists());
}

/// A contributor who botched the template starts over in place: `--force` overwrites the file
/// although it is part of the dataset, whose blanks and errors leave the dataset invalid, and
/// whose analysis has the id the new one takes. The file is left out of the dataset the
/// template is drawn from, under whatever name the command line gives it.
#[test]
fn new_analysis_with_force_restarts_a_file_of_the_dataset_in_place() {
    let (dir, file, botched) = dataset_with_botched_analysis("analysis-restart");

    // Without --force the refusal comes first and alone, as for any file.
    let path = new_path();
    let args = ["new", "analysis", "--source", NEW_ID, "-o", &path];
    let r = run_in(&dir, &args);
    assert_eq!(
        (r.code, r.stdout.as_str(), r.stderr),
        (
            2,
            "",
            format!(
                "treaty: error: `{path}` already exists; it is not overwritten (an analysis in \
                 progress would be lost): choose another file or pass --force\n"
            )
        )
    );
    assert_eq!(std::fs::read_to_string(&file).expect("kept"), botched);

    // With it, the template again, whether the dataset is found or named, and the file named
    // as the dataset's walk names it or otherwise.
    let dotted = format!("./{path}");
    for (output, data) in [
        (path.as_str(), None),
        (dotted.as_str(), Some("datasets")),
        (utf8(&file), Some("./datasets")),
    ] {
        std::fs::write(&file, &botched).expect("botch");
        let mut forced = vec![
            "new", "analysis", "--source", NEW_ID, "-o", output, "--force",
        ];
        forced.extend(data.iter().flat_map(|d| ["--data", d]));
        let r = run_in(&dir, &forced);
        assert_eq!(
            (r.code, r.stdout.as_str(), r.stderr),
            (0, "", wrote(output)),
            "{forced:?}"
        );
        assert_eq!(
            std::fs::read_to_string(&file).expect("written"),
            ANALYSIS_TEMPLATE
        );
    }

    // A valid analysis in the file is started over too: it is the one being replaced.
    let filled = ANALYSIS_TEMPLATE
        .replace("text_version: \"\"", "text_version: final")
        .replace(
            "summary: \"\"\nconcerns",
            "summary: What it argues.\nconcerns",
        )
        .replace("  - id: \"\"", "  - id: electronic-data")
        .replace("    summary: \"\"", "    summary: What it fears.");
    std::fs::write(&file, filled).expect("fill in");
    assert_eq!(run_in(&dir, &["validate"]).code, 0);
    let r = run_in(&dir, &[&args[..], &["--force"]].concat());
    assert_eq!((r.code, r.stderr), (0, wrote(&path)));
    assert_eq!(
        std::fs::read_to_string(&file).expect("written"),
        ANALYSIS_TEMPLATE
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Only the file replaced is left out: another broken file of the dataset still stops the
/// command, with its diagnostics and the refusal of every command that reads a dataset, and
/// the file in progress is kept.
#[test]
fn new_analysis_with_force_still_refuses_a_dataset_broken_elsewhere() {
    let (dir, file, botched) = dataset_with_botched_analysis("analysis-restart-broken");
    std::fs::write(dir.join("datasets/broken.yaml"), "kind: sources\n").expect("write");
    let path = new_path();
    let r = run_in(
        &dir,
        &[
            "new", "analysis", "--source", NEW_ID, "-o", &path, "--force",
        ],
    );
    assert_eq!((r.code, r.stdout.as_str()), (1, ""), "{}", r.stderr);
    // Each diagnostic's headline and place: the broken file's, and none of the file replaced.
    let headlines: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()) || l.starts_with(" -->"))
        .filter(|l| !l.starts_with("invalid: "))
        .collect();
    assert_eq!(
        headlines,
        [
            "error[missing-schema-version]: missing `schema_version`",
            " --> datasets/broken.yaml:1:1",
            "warning[missing-modeline]: the file has no `# yaml-language-server: $schema=...` line",
            " --> datasets/broken.yaml:1:1",
            "error[missing-field]: missing required field `sources`",
            " --> datasets/broken.yaml:1:1",
            "note[unchecked-references]: the file's errors keep it from being read, so its own \
             references (ids, provisions) were not checked",
            " --> datasets/broken.yaml:1:1",
            "treaty: the dataset in `datasets` is not valid; fix it first (`treaty validate datasets`)",
        ],
        "{}",
        r.stderr
    );
    assert_eq!(std::fs::read_to_string(&file).expect("kept"), botched);
    let _ = std::fs::remove_dir_all(&dir);
}

/// An analysis whose id is not its source's, started over in place, keeps its id: the file is
/// named after it, and the template would otherwise take the source's id, which the file's
/// name then contradicts (`misnamed-file`) and every reference to the old id breaks.
#[test]
fn new_analysis_started_over_in_place_keeps_the_files_id() {
    let dir = tmp_dir("analysis-restart-own-id");
    common::copy_dir(&common::root().join("datasets"), &dir.join("datasets"));
    let path = "datasets/analyses/eff-2024-08-human-rights-risks.yaml";
    let args = [
        "new",
        "analysis",
        "--source",
        "eff-2024-adopted-text-risks",
        "-o",
        path,
        "--force",
    ];
    let r = run_in(&dir, &args);
    assert_eq!((r.code, r.stderr), (0, wrote(path)));
    let text = std::fs::read_to_string(dir.join(path)).expect("written");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[2],
        "# Save it as datasets/analyses/eff-2024-08-human-rights-risks.yaml, named after its id."
    );
    assert!(
        lines.contains(&"id: eff-2024-08-human-rights-risks"),
        "{text}"
    );
    assert!(
        lines.contains(&"source: eff-2024-adopted-text-risks"),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A template's modeline is written for a folder of the repository's dataset; written where a
/// `schemas/` folder lies elsewhere above it, it points there, so that the editor checks the
/// new file and `treaty validate` has nothing to say of its modeline. Nowhere near one, it
/// stays as the template has it.
#[test]
fn a_template_s_modeline_points_at_the_schemas_above_where_it_is_written() {
    let dir = tmp_dir("placed");
    std::fs::create_dir_all(dir.join("schemas")).expect("schemas folder");
    std::fs::copy(
        common::root().join("schemas/assessment.schema.json"),
        dir.join("schemas/assessment.schema.json"),
    )
    .expect("copy the schema");
    std::fs::create_dir_all(dir.join("drafts")).expect("drafts folder");
    let file = dir.join("drafts/isl.yaml");
    let r = run(&isl_to(utf8(&file)));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(&file).expect("the template is written");
    assert!(
        text.starts_with("# yaml-language-server: $schema=../schemas/assessment.schema.json\n"),
        "{text}"
    );
    let r = run(&["validate", "--format", "json", "datasets", utf8(&file)]);
    let report: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    let codes: Vec<&str> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert_eq!(codes, ["unknown-reference"], "{:#}", report["diagnostics"]);

    // On standard output the template is as it is: it has no place yet.
    let r = run(&isl_to("-"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .starts_with("# yaml-language-server: $schema=../../schemas/assessment.schema.json\n")
    );
}
