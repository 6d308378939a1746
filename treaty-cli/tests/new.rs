//! End-to-end tests of `treaty new assessment`: the template, its validation, and what the
//! command refuses.

use std::path::{Path, PathBuf};

use crate::common::{self, run, run_in};

fn tmp_dir(name: &str) -> PathBuf {
    common::tmp_dir("treaty-cli-new", name)
}

fn utf8(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
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
    let r = run(&[
        "new",
        "assessment",
        "--state",
        "ISL",
        "--as-of",
        "2026-01",
        "--out",
        utf8(&file),
    ]);
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

#[test]
fn new_assessment_never_overwrites_an_assessment_in_progress() {
    let dir = tmp_dir("clobber");
    let file = dir.join("isl.yaml");
    let in_progress = "# work in progress\nkind: assessment\n";
    std::fs::write(&file, in_progress).expect("write");
    let args = [
        "new",
        "assessment",
        "--state",
        "ISL",
        "--as-of",
        "2026-01",
        "--out",
        utf8(&file),
    ];
    let r = run(&args);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        format!(
            "treaty: error: `{}` already exists; it is not overwritten (an assessment in progress would be lost): choose another file or pass --force\n",
            file.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&file).expect("read"), in_progress);

    let r = run(&[&args[..], &["--force"]].concat());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(&file).expect("read");
    assert!(text.contains("\nkind: assessment\nschema_version: \"1.0\"\nstate: ISL\n"));
    // Written atomically: no temporary file is left beside it.
    let names: Vec<String> = std::fs::read_dir(&dir)
        .expect("readable")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["isl.yaml"]);
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
