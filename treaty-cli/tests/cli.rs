//! End-to-end tests of the `treaty` binary: stdout, stderr and exit code of each command.

use std::path::PathBuf;

use assert_cmd::Command;

use crate::common::{Run, collect_yaml, root, run, run_in};

fn treaty() -> Command {
    crate::common::treaty_in(&root())
}

/// The elapsed time is the only part of the output that changes between runs.
fn stable(s: &str) -> String {
    let mut out = String::new();
    for line in s.lines() {
        match line.find(" checked in ") {
            Some(i) => {
                let rest = &line[i + " checked in ".len()..];
                let after = rest.find(" ms").map_or("", |j| &rest[j..]);
                out.push_str(&format!("{} checked in N{after}\n", &line[..i]));
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

fn tmp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("treaty-cli-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

fn json_file(path: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(root().join(path)).expect("readable file");
    serde_json::from_str(&text).expect("valid JSON")
}

#[test]
fn validate_the_bundled_datasets_by_default() {
    let r = run(&["validate"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    let mut files = Vec::new();
    collect_yaml(&root().join("datasets"), &mut files);
    assert_eq!(
        stable(&r.stderr),
        // The two suppressed: sources no address was found for, each with its reason inline.
        format!(
            "valid: {} files checked in N ms: 0 errors, 0 warnings, 2 suppressed\n",
            files.len()
        )
    );
}

#[test]
fn broken_power_file_reads_like_rustc() {
    let r = run(&[
        "validate",
        "datasets",
        "tests/fixtures/broken/power-typos.yaml",
    ]);
    assert_eq!(r.code, 1);
    // The one power cannot be read into the model (it lacks `summary`), so it is set aside
    // from the cross-file checks: its misspelt safeguard `judicial-authorisation` is reported
    // once the schema errors are fixed, not now.
    insta::assert_snapshot!(stable(&r.stderr));
}

#[test]
fn snippets_follow_every_kind_of_line_end() {
    // The loader counts lines ending in `\n`, `\r\n` or a lone `\r`; the snippets under each
    // diagnostic must show the same lines, whatever the file's line ends.
    let lf = std::fs::read_to_string(root().join("tests/fixtures/broken/power-typos.yaml"))
        .expect("fixture");
    let dir = tmp_dir("line-ends");
    let render = |text: String, name: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text).expect("write");
        let r = run(&["validate", "datasets", path.to_str().expect("utf-8 path")]);
        assert_eq!(r.code, 1);
        stable(&r.stderr).replace(&path.display().to_string(), "FILE")
    };
    let expected = render(lf.clone(), "lf.yaml");
    assert!(expected.contains("11 |     sumary: A deliberately broken entry"));
    assert_eq!(render(lf.replace('\n', "\r"), "cr.yaml"), expected);
    assert_eq!(render(lf.replace('\n', "\r\n"), "crlf.yaml"), expected);
}

#[test]
fn broken_analysis_file_reads_like_rustc() {
    let r = run(&[
        "validate",
        "datasets",
        "tests/fixtures/broken/analysis-references.yaml",
    ]);
    assert_eq!(r.code, 1);
    insta::assert_snapshot!(stable(&r.stderr));
}

#[test]
fn broken_participation_file_reads_like_rustc() {
    let r = run(&[
        "validate",
        "datasets",
        "tests/fixtures/broken/participation-dates.yaml",
    ]);
    assert_eq!(r.code, 1);
    insta::assert_snapshot!(stable(&r.stderr));
}

#[test]
fn json_format_is_one_document_matching_its_schema() {
    let r = run(&[
        "validate",
        "--format",
        "json",
        "datasets",
        "tests/fixtures/broken/power-typos.yaml",
    ]);
    assert_eq!(r.code, 1);
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    let schema = json_file("schemas/validation-report.schema.json");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(doc["valid"], false);
    // The three schema errors; see `broken_power_file_reads_like_rustc`.
    assert_eq!(doc["summary"]["errors"], 3);
    // No note, so no `notes` count (the schema 1.0 summary has none).
    assert!(doc["summary"].get("notes").is_none(), "{}", doc["summary"]);

    let first = &doc["diagnostics"][0];
    assert_eq!(first["code"], "invalid-format");
    assert_eq!(
        first["location"]["file"],
        "tests/fixtures/broken/power-typos.yaml"
    );
    assert_eq!(first["location"]["start"]["line"], 8);
    assert_eq!(first["location"]["start"]["column"], 16);

    // A Rust program reads the report back with the library's own types.
    let read: treaty_model::diagnostic::ReportDocument =
        serde_json::from_str(&r.stdout).expect("a ReportDocument");
    assert!(!read.valid);
    assert_eq!(read.summary.errors, 3);
    let d = &read.diagnostics[0];
    assert_eq!(d.code, treaty_model::diagnostic::Code::InvalidFormat);
    assert_eq!(
        d.location.as_ref().map(|l| (l.start.line, l.start.column)),
        Some((8, 16))
    );
    assert_eq!(
        serde_json::to_value(&read).expect("serialises"),
        doc,
        "read back, the report writes the same JSON"
    );

    // A file that does not load gives a note, counted as the human summary counts it.
    let dir = tmp_dir("json-notes");
    crate::common::copy_dir(&root().join("tests/fixtures/base"), &dir);
    std::fs::write(
        dir.join("powers-domestic.yaml"),
        "kind: powers\npowers: [\n",
    )
    .expect("write");
    let r = run(&["validate", "--format", "json", dir.to_str().expect("utf-8")]);
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    assert!(validator.iter_errors(&doc).next().is_none());
    let notes = doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["severity"] == "note")
        .count();
    assert!(notes > 0, "{}", r.stdout);
    assert_eq!(doc["summary"]["notes"], notes);
}

#[test]
fn github_format_annotates_each_line() {
    let r = run(&[
        "validate",
        "--format",
        "github",
        "datasets",
        "tests/fixtures/broken/analysis-references.yaml",
    ]);
    assert_eq!(r.code, 1);
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn annotations_name_files_from_the_repository_root_when_run_from_a_subdirectory() {
    // A workflow step with `working-directory: datasets/powers`: GitHub resolves annotation
    // and SARIF paths from the repository's root, where `domestic.yaml` points nowhere.
    let repo = tmp_dir("annotations-from-root");
    std::fs::create_dir(repo.join(".git")).expect("a repository root");
    crate::common::copy_dir(&root().join("datasets"), &repo.join("datasets"));
    let file = repo.join("datasets/powers/domestic.yaml");
    let text = std::fs::read_to_string(&file).expect("readable");
    std::fs::write(&file, text.replacen("status: absent", "status: absnt", 1)).expect("write");
    let sub = repo.join("datasets/powers");

    let r = run_in(&sub, &["validate", "--format", "github", "domestic.yaml"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stdout
            .starts_with("::error file=datasets/powers/domestic.yaml,line="),
        "{}",
        r.stdout
    );
    let r = run_in(&sub, &["validate", "--format", "sarif", "domestic.yaml"]);
    let log: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    assert_eq!(
        log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"],
        serde_json::json!({"uri": "datasets/powers/domestic.yaml", "uriBaseId": "%SRCROOT%"})
    );
    // People read the human format where they stand.
    let r = run_in(&sub, &["validate", "domestic.yaml"]);
    assert!(r.stderr.contains(" --> domestic.yaml:"), "{}", r.stderr);
    // At the root, a name with `.` and `..` in it is folded as well.
    let r = run_in(
        &repo,
        &[
            "validate",
            "--format",
            "github",
            "./datasets/../datasets/powers/domestic.yaml",
        ],
    );
    assert!(
        r.stdout
            .starts_with("::error file=datasets/powers/domestic.yaml,line="),
        "{}",
        r.stdout
    );
    let _ = std::fs::remove_dir_all(&repo);
}

#[test]
fn github_step_summary_is_appended_when_set() {
    let dir = tmp_dir("summary");
    let summary = dir.join("summary.md");
    std::fs::write(&summary, "before\n").expect("write");
    let out = treaty()
        .args([
            "validate",
            "--format",
            "github",
            "datasets",
            "tests/fixtures/broken/participation-dates.yaml",
        ])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let text = std::fs::read_to_string(&summary).expect("read");
    // One error, in the singular, as the human summary says it.
    let mut files = Vec::new();
    collect_yaml(&root().join("datasets"), &mut files);
    let head = format!(
        "before\n### treaty validate: invalid\n\n{} files, 1 error, 0 warnings, 2 suppressed\n",
        files.len() + 1
    );
    assert!(text.starts_with(&head), "{text}");
    assert!(
        text.contains("| error | `dates-out-of-order` | tests/fixtures/broken/participation-dates.yaml:13:15 |"),
        "{text}"
    );
}

#[test]
fn the_step_summary_shows_a_hostile_key_as_written() {
    // A key opening an HTML comment hid every later row of the summary; a backtick in it
    // closed the code span around it.
    let dir = tmp_dir("summary-hostile");
    let summary = dir.join("summary.md");
    let file = dir.join("sources.yaml");
    std::fs::write(
        &file,
        "kind: sources\nschema_version: \"1.0\"\nsources:\n  - id: s\n    \"`<!--\": x\n",
    )
    .expect("write");
    let out = treaty()
        .args(["validate", "--format", "github"])
        .arg(&file)
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let text = std::fs::read_to_string(&summary).expect("read");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(text.contains("| error | `unknown-field` | "), "{text}");
    assert!(
        text.contains(":5:5 | unknown field \\`\\`\\<!--\\` |"),
        "{text}"
    );
    assert!(!text.contains("`<!--"), "{text}");
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let r = run(&[
        "validate",
        "--format",
        "sarif",
        "datasets",
        "tests/fixtures/broken/analysis-references.yaml",
    ]);
    assert_eq!(r.code, 1);
    let log: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    // rtm.5 has a stray `]` in its two `language` patterns, which strict regex checking of the
    // schema itself rejects; our logs never set `language`, so the repair changes nothing.
    let text =
        std::fs::read_to_string(root().join("tests/fixtures/external/sarif-2.1.0-rtm.5.json"))
            .expect("read")
            .replace(
                r"^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$",
                r"^[a-zA-Z]{2}(-[a-zA-Z]{2})?$",
            );
    let schema: serde_json::Value = serde_json::from_str(&text).expect("json");
    let validator = jsonschema::validator_for(&schema).expect("the SARIF schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let results = log["runs"][0]["results"].as_array().expect("results");
    assert_eq!(results.len(), 3);
    assert_eq!(results[1]["ruleId"], "duplicate-id");
    let region = &results[1]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(18), Some(9))
    );
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    assert_eq!(rules.len(), treaty_model::diagnostic::Code::ALL.len());
    // SARIF1001: a rule's name is readable and not its id again.
    assert_eq!(
        (&rules[0]["id"], &rules[0]["name"]),
        (
            &serde_json::json!("io-error"),
            &serde_json::json!("IoError")
        )
    );
    assert!(rules.iter().all(|r| r["name"] != r["id"]), "{rules:?}");
    // Findings are a successful run; a path that could not be read is not (exit 2).
    let ran =
        |log: &serde_json::Value| log["runs"][0]["invocations"][0]["executionSuccessful"].clone();
    assert_eq!(ran(&log), true);
    let r = run(&["validate", "--format", "sarif", "does/not/exist.yaml"]);
    assert_eq!(r.code, 2);
    let log: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    assert_eq!(ran(&log), false);
}

#[test]
fn severity_overrides_change_the_outcome() {
    let broken = "tests/fixtures/broken/participation-dates.yaml";
    let r = run(&[
        "validate",
        "--allow",
        "dates-out-of-order",
        "datasets",
        broken,
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = run(&[
        "validate",
        "--warn",
        "dates-out-of-order",
        "datasets",
        broken,
    ]);
    assert_eq!(r.code, 0);
    assert!(
        r.stderr.starts_with("warning[dates-out-of-order]"),
        "{}",
        r.stderr
    );
    let r = run(&[
        "validate",
        "--warn",
        "dates-out-of-order",
        "--deny-warnings",
        "datasets",
        broken,
    ]);
    assert_eq!(r.code, 1);
}

#[test]
fn with_unknown_fields_allowed_a_misspelt_required_field_is_reported_missing() {
    // `titel:` for `title:` is reported once, as the unknown field; allowed, the missing
    // field is what is left to fix.
    let typo = "tests/fixtures/invalid/unknown-field-typo.yaml";
    let headers = |r: &Run| {
        r.stderr
            .lines()
            .filter(|l| l.starts_with("error[") || l.contains("--> "))
            .map(str::trim)
            .map(String::from)
            .collect::<Vec<_>>()
    };
    let r = run(&["validate", "--allow", "missing-instrument", typo]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        headers(&r),
        [
            "error[unknown-field]: unknown field `titel`",
            "--> tests/fixtures/invalid/unknown-field-typo.yaml:6:5"
        ]
    );
    let r = run(&[
        "validate",
        "--allow",
        "missing-instrument",
        "--allow",
        "unknown-field",
        typo,
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        headers(&r),
        [
            "error[missing-field]: missing required field `title`",
            "--> tests/fixtures/invalid/unknown-field-typo.yaml:5:5"
        ]
    );
}

#[test]
fn an_allowed_error_cannot_drop_a_file_from_the_dataset() {
    // A syntax error keeps the file out of the model; allowed, the dataset would silently lack
    // the vocabulary 71 references point into.
    let dir = tmp_dir("allowed-syntax-error");
    crate::common::copy_dir(&root().join("datasets"), &dir.join("datasets"));
    let file = dir.join("datasets/vocabularies/data-categories.yaml");
    let text = std::fs::read_to_string(&file).expect("readable");
    std::fs::write(&file, text.replacen("  - id: ", "  - id: [", 1)).expect("write");
    let r = run_in(
        &dir,
        &[
            "validate",
            "--allow",
            "yaml-syntax",
            "--allow",
            "unchecked-references",
            "datasets",
        ],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        r.stderr
            .lines()
            .filter(|l| l.contains("[") && !l.starts_with(' '))
            .collect::<Vec<_>>(),
        [
            "error[invalid-data]: the file cannot be read into the model: an allowed or suppressed error keeps its data out"
        ]
    );
    assert!(
        r.stderr
            .contains("--> datasets/vocabularies/data-categories.yaml:1:1"),
        "{}",
        r.stderr
    );

    let r = run(&["validate", "--allow", "io-error", "does/not/exist.yaml"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "treaty: error: `io-error` cannot be allowed or lowered to a warning: a path that cannot be read always fails (exit 2)\n"
    );
    let r = run(&["validate", "--warn", "io-error", "does/not/exist.yaml"]);
    assert_eq!(r.code, 2);
    let r = run(&["validate", "--allow", "duplicate-id"]);
    assert_eq!(
        (r.code, r.stderr.as_str()),
        (
            2,
            "treaty: error: `duplicate-id` cannot be allowed or lowered to a warning: the dataset \
             would hold two entries under one id\n"
        )
    );
}

#[test]
fn usage_and_io_errors_exit_2() {
    let r = run(&["validate", "--allow", "no-such-code"]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "treaty: error: unknown diagnostic code `no-such-code`\n"
    );
    let r = run(&["validate", "--allow", "dates-out-of-ordre"]);
    assert_eq!(
        r.stderr,
        "treaty: error: unknown diagnostic code `dates-out-of-ordre`; did you mean `dates-out-of-order`?\n"
    );
    let r = run(&["validate", "does/not/exist.yaml"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .starts_with("error[io-error]: cannot read `does/not/exist.yaml`"),
        "{}",
        r.stderr
    );
    let r = run(&["frobnicate"]);
    assert_eq!(r.code, 2);
}

#[test]
fn validate_outside_a_repository_says_what_to_pass() {
    let dir = tmp_dir("outside");
    let out = Command::cargo_bin("treaty")
        .expect("built")
        .current_dir(&dir)
        .arg("validate")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "treaty: error: no `datasets/` directory found here or in any parent repository; pass the files or directories to validate, for example `treaty validate path/to/datasets`\n"
    );
}

#[test]
fn a_copy_of_the_datasets_outside_a_repository_is_found_by_its_instrument_file() {
    // A work folder holding a copy of `datasets/`, no `.git` or `schemas/` beside it: the copy
    // is what `treaty validate` checks (it used to look further up, or give up).
    let dir = tmp_dir("copy-outside");
    crate::common::copy_dir(&root().join("datasets"), &dir.join("datasets"));
    let file = dir.join("datasets/powers/domestic.yaml");
    let text = std::fs::read_to_string(&file).expect("readable");
    std::fs::write(&file, text.replacen("status: absent", "status: absnt", 1)).expect("write");
    let r = run_in(&dir.join("datasets/powers"), &["validate"]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr
            .starts_with("error[invalid-value]: `absnt` is not one of the allowed values\n  --> ../powers/domestic.yaml:"),
        "{}",
        r.stderr
    );
}

#[test]
fn convert_a_directory_to_one_json_bundle() {
    let r = run(&["convert", "datasets", "--to", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let bundle: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    assert_eq!(bundle["kind"], "bundle");
    assert_eq!(bundle["chapters"].as_array().map(Vec::len), Some(9));
    let schema = json_file("schemas/bundle.schema.json");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&bundle)
        .map(|e| e.to_string())
        .take(5)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn yaml_json_yaml_json_is_the_identity_for_every_dataset_file() {
    let dir = tmp_dir("roundtrip");
    let mut files = Vec::new();
    collect_yaml(&root().join("datasets"), &mut files);
    assert!(files.len() > 20);
    for (i, file) in files.iter().enumerate() {
        let json1 = dir.join(format!("{i}.json"));
        let yaml2 = dir.join(format!("{i}.yaml"));
        let json2 = dir.join(format!("{i}-2.json"));
        for (input, to, output) in [
            (file, "json", &json1),
            (&json1, "yaml", &yaml2),
            (&yaml2, "json", &json2),
        ] {
            let r = run(&[
                "convert",
                input.to_str().expect("utf-8 path"),
                "--to",
                to,
                "-o",
                output.to_str().expect("utf-8 path"),
            ]);
            assert_eq!(r.code, 0, "{}: {}", input.display(), r.stderr);
        }
        assert_eq!(
            std::fs::read_to_string(&json1).expect("read"),
            std::fs::read_to_string(&json2).expect("read"),
            "{} changed through YAML",
            file.display()
        );
    }
}

#[test]
fn converted_yaml_keeps_the_modeline_and_says_which_comments_are_lost() {
    let dir = tmp_dir("convert-header");
    let file = dir.join("sources.yaml");
    let original = std::fs::read_to_string(root().join("datasets/sources.yaml")).expect("read");
    std::fs::write(&file, &original).expect("write");
    let path = file.to_str().expect("utf-8 path");
    // In place: the modeline stays on line 1; the two inline allows cannot.
    let r = run(&["convert", path, "--to", "yaml", "-o", path, "--force"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let converted = std::fs::read_to_string(&file).expect("read");
    assert_eq!(
        converted.lines().take(2).collect::<Vec<_>>(),
        [
            "# yaml-language-server: $schema=../schemas/sources.schema.json",
            "kind: sources"
        ]
    );
    assert!(
        r.stderr.starts_with(
            "treaty: the input's inline allows (`# treaty: allow(...)`) are comments, which the \
             output does not keep; the 2 diagnostics they silence will be reported again\n"
        ),
        "{}",
        r.stderr
    );
    // From JSON, which has no comments: a modeline naming the published schema.
    let json = dir.join("sources.json");
    let r = run(&[
        "convert",
        path,
        "--to",
        "json",
        "-o",
        json.to_str().expect("utf-8"),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = run(&["convert", json.to_str().expect("utf-8"), "--to", "yaml"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout.lines().take(2).collect::<Vec<_>>(),
        [
            "# yaml-language-server: $schema=https://un-cybercrime-data.github.io/treaty-model/schemas/v1/sources.schema.json",
            "kind: sources"
        ]
    );
}

#[test]
fn convert_refuses_invalid_input_and_writes_nothing() {
    let dir = tmp_dir("refuse");
    let out = dir.join("out.json");
    let r = run(&[
        "convert",
        "tests/fixtures/broken/power-typos.yaml",
        "--to",
        "json",
        "-o",
        out.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("error[unknown-field]: unknown field `sumary`"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .ends_with("treaty: the input is not valid; nothing was written\n"),
        "{}",
        r.stderr
    );
    assert!(!out.exists());
}

/// A file that cannot be read is not called invalid: the error says why, and exit code 2. Nor
/// is it counted as checked, as `treaty validate` does not count it.
#[test]
fn convert_of_a_missing_file_says_it_could_not_be_read() {
    let r = run(&[
        "convert",
        "tests/fixtures/no-such-file.yaml",
        "--to",
        "json",
    ]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    assert!(
        r.stderr.starts_with(
            "error[io-error]: cannot read `tests/fixtures/no-such-file.yaml`: No such file"
        ),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .ends_with("invalid: 0 files checked: 1 error, 0 warnings, 0 suppressed\ntreaty: the input could not be read; nothing was written\n"),
        "{}",
        r.stderr
    );
}

/// A file for a newer minor schema version validates with warnings, but the typed model
/// keeps only what this version knows: exporting from it would drop the newer fields and
/// write `unrecognized` values its own schemas reject. One file to JSON or YAML is its own
/// parsed text, and keeps everything.
#[test]
fn exports_refuse_data_for_a_newer_schema_version() {
    let dir = tmp_dir("newer");
    let data = dir.join("datasets");
    crate::common::copy_dir(&root().join("datasets"), &data);
    let newer =
        std::fs::read_to_string(root().join("tests/fixtures/invalid/newer-schema-version.yml"))
            .expect("read the fixture")
            .replace("../../../schemas", "../schemas");
    std::fs::write(data.join("newer-sources.yaml"), newer).expect("write");
    let refusal = "treaty: error: `datasets/newer-sources.yaml`: the file was written for schema \
                   1.1, newer than this validator's 1.0; an export would leave out what that \
                   version added, so nothing was written (upgrade treaty to export it)\n";

    let r = run_in(&dir, &["validate", "datasets"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for args in [
        &["convert", "datasets", "--to", "json", "-o", "out.json"][..],
        &["convert", "datasets", "--to", "csv", "-o", "tables"],
        &[
            "convert",
            "datasets/newer-sources.yaml",
            "--to",
            "jsonl",
            "-o",
            "out.jsonl",
        ],
        &["report", "--data", "datasets", "-o", "site"],
    ] {
        let r = run_in(&dir, args);
        assert_eq!((r.code, r.stderr.as_str()), (2, refusal), "{args:?}");
    }
    for written in ["out.json", "tables", "out.jsonl", "site"] {
        assert!(!dir.join(written).exists(), "{written} was written");
    }

    // Silencing the warning does not make the export whole.
    let path = data.join("newer-sources.yaml");
    let allowed = std::fs::read_to_string(&path).expect("read").replace(
        "schema_version: \"1.1\"",
        "schema_version: \"1.1\" # treaty: allow(newer-schema-version) read by a newer tool",
    );
    std::fs::write(&path, allowed).expect("write");
    let r = run_in(
        &dir,
        &["convert", "datasets", "--to", "jsonl", "-o", "out.jsonl"],
    );
    assert_eq!((r.code, r.stderr.as_str()), (2, refusal));
    assert!(!dir.join("out.jsonl").exists());

    let r = run_in(
        &dir,
        &["convert", "datasets/newer-sources.yaml", "--to", "json"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(
            "\"transcript_url\": \"https://example.org/schema-one-one-source/transcript\""
        ),
        "{}",
        r.stdout
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn convert_never_overwrites_its_input_without_force() {
    let dir = tmp_dir("overwrite");
    let input = dir.join("in.json");
    std::fs::write(
        &input,
        r#"{"kind": "sources", "schema_version": "1.0", "sources": [{"id": "s", "title": "T", "kind": "reference", "verification": "verified"}]}"#,
    )
    .expect("write");
    let path = input.to_str().expect("utf-8 path");
    let r = run(&["convert", path, "--to", "json", "-o", path]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("would overwrite the input"),
        "{}",
        r.stderr
    );
    let r = run(&["convert", path, "--to", "json", "-o", path, "--force"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        std::fs::read_to_string(&input)
            .expect("read")
            .starts_with("{\n  \"kind\": \"sources\"")
    );
}

/// The repository's datasets converted to CSV tables in a fresh directory.
fn csv_tables(name: &str) -> PathBuf {
    let out = tmp_dir(name).join("tables");
    let r = run(&[
        "convert",
        "datasets",
        "--to",
        "csv",
        "-o",
        out.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    out
}

#[test]
fn convert_to_csv_writes_one_table_per_entity() {
    let out = csv_tables("csv");
    for table in [
        "articles",
        "powers",
        "power_safeguards",
        "analyses",
        "concerns",
        "signature_period",
        "reported_counts",
    ] {
        let text = std::fs::read_to_string(out.join(format!("{table}.csv")))
            .unwrap_or_else(|e| panic!("{table}: {e}"));
        assert!(text.lines().count() > 1, "{table} is empty");
    }
    let safeguards = std::fs::read_to_string(out.join("power_safeguards.csv")).expect("read");
    assert!(
        safeguards.starts_with("power,safeguard,status,provision,note,sources\r\n"),
        "{}",
        safeguards.lines().next().unwrap_or_default()
    );
    assert!(
        safeguards.contains("\r\ncompelled-technical-assistance,proportionality,mandatory,24(1),")
    );
}

#[test]
fn convert_to_csv_gives_each_quote_its_own_note_and_sources() {
    // EFF quotes this definition from the May 2024 draft, and the analysis of Article 7 is a
    // translation: a quotes cell of the parent row credited both to the row's sources.
    let out = csv_tables("csv-quotes");
    let quotes = std::fs::read_to_string(out.join("quotes.csv")).expect("read quotes.csv");
    assert!(
        quotes.starts_with("parent_table,text_version,analysis,parent,text,note,sources\r\n"),
        "{}",
        quotes.lines().next().unwrap_or_default()
    );
    for row in [
        concat!(
            "\r\ndefinitions,final,,electronic-data,",
            "\"any representation of facts, information, or concepts\",",
            "\"Quoted by EFF (July 2024, electronic data) from the May 2024 draft; the point is ",
            "assumed unchanged.\",eff-2024-07-electronic-data\r\n",
        ),
        concat!(
            "\r\nprovisions,final,,7(2),dishonest or criminal intent,",
            "\"Our translation from the official Arabic text, not the official English wording.\",",
            "\r\n",
        ),
    ] {
        assert!(quotes.contains(row), "no {row:?} in\n{quotes}");
    }
    let provisions = std::fs::read_to_string(out.join("provisions.csv")).expect("read");
    assert!(
        provisions.starts_with(concat!(
            "text_version,provision,eid,level,modality,summary,cross_references,sources,",
            "verification,note\r\n",
        )),
        "{}",
        provisions.lines().next().unwrap_or_default()
    );
}

#[test]
fn convert_to_markdown_and_jsonl() {
    let r = run(&["convert", "datasets", "--to", "markdown"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Compelled technical assistance"));
    let r = run(&[
        "convert",
        "datasets/powers/domestic.yaml",
        "--to",
        "markdown",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Compelled technical assistance"));
    // One file of a dataset: no section for what the file does not hold (a "None recorded"
    // would speak for the dataset), and its sources are said to be elsewhere.
    assert!(
        r.stdout.starts_with(
            "# UN Convention against Cybercrime\n\n## Contents\n\n- [Powers](#powers)\n- [Sources](#sources)\n\n## Powers\n\n### Domestic powers\n"
        ),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("None recorded") && !r.stdout.contains("## Analyses"));
    // Nor a link to an entry it does not hold: data categories and safeguards are named by id,
    // provisions as plain text.
    assert!(
        !r.stdout.contains("](#data-category-")
            && !r.stdout.contains("](#safeguard-")
            && !r.stdout.contains("](#provision-"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("\n| `prior-judicial-authorisation` | "),
        "{}",
        r.stdout
    );
    assert!(r.stdout.ends_with(
        "## Sources\n\nThis document was converted from part of a dataset without its sources file: the sources are cited by their ids in brackets, and the dataset's sources file gives their titles and addresses.\n"
    ));
    // A file the edition has no section for would be an empty frame, exit 0.
    let r = run(&[
        "convert",
        "datasets/participation/participation.yaml",
        "--to",
        "markdown",
    ]);
    assert_eq!(
        (r.code, r.stdout.as_str(), r.stderr.as_str()),
        (
            2,
            "",
            "treaty: error: `datasets/participation/participation.yaml` is of kind \
             `participation`, which the Markdown edition has no section for; convert it to JSON, \
             YAML, CSV or JSON Lines\n"
        )
    );
    let r = run(&["convert", "datasets", "--to", "jsonl"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for line in r.stdout.lines() {
        let v: serde_json::Value =
            serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert!(v["entity"].is_string(), "{line}");
    }
}

#[test]
fn convert_offences_alone_to_markdown() {
    let r = run(&[
        "convert",
        "datasets/convention/offences.yaml",
        "--to",
        "markdown",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // The offences with their claims, and no section for what the file does not hold.
    assert!(
        r.stdout.starts_with(
            "# UN Convention against Cybercrime\n\n## Contents\n\n- [Offences](#offences)\n- [Sources](#sources)\n\n## Offences\n\nText version `final`.\n\n### <a id=\"offence-illegal-access\"></a>Illegal access (`illegal-access`)\n"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(
            "\n- **Provision:** Article 7; core cybercrime: yes\n- **Intent requirement:** discretionary (Article 7(2)). The official text requires only"
        ),
        "{}",
        r.stdout
    );
    for absent in [
        "## Powers",
        "## Defined terms",
        "## Vocabulary",
        "None recorded",
    ] {
        assert!(!r.stdout.contains(absent), "{absent:?} in {}", r.stdout);
    }
    assert!(r.stdout.ends_with(
        "## Sources\n\nThis document was converted from part of a dataset without its sources file: the sources are cited by their ids in brackets, and the dataset's sources file gives their titles and addresses.\n"
    ));
}

#[test]
fn schema_check_passes_and_detects_drift() {
    let r = run(&["schema", "--check", "schemas"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let dir = tmp_dir("schemas");
    let r = run(&["schema", "--out", dir.to_str().expect("utf-8 path")]);
    assert_eq!(r.code, 0);
    let file = dir.join("powers.schema.json");
    let text = std::fs::read_to_string(&file)
        .expect("read")
        .replace("\"title\": \"Powers\"", "\"title\": \"Powerz\"");
    std::fs::write(&file, text).expect("write");
    let r = run(&["schema", "--check", dir.to_str().expect("utf-8 path")]);
    assert_eq!(r.code, 1);
    assert!(
        r.stdout
            .contains("powers.schema.json: differs from the generated schema"),
        "{}",
        r.stdout
    );
    // A unified diff, committed (-) against generated (+), with two lines of context.
    assert!(
        r.stdout.contains(
            "--- committed\n+++ generated\n@@ -32,5 +32,5 @@\n   ],\n   \"description\": \"File kind `powers`: a list of powers (one file for the domestic ones, one for cross-border).\",\n-  \"title\": \"Powerz\",\n+  \"title\": \"Powers\",\n   \"$defs\": {\n"
        ),
        "{}",
        r.stdout
    );
    // How to regenerate is said once, for the directory checked, not `schemas`.
    assert!(!r.stdout.contains("schema --out"), "{}", r.stdout);
    assert_eq!(
        r.stderr,
        format!(
            "treaty: 1 schema file(s) in {0} drifted from the code; regenerate with `treaty schema --out {0}`\n",
            dir.display()
        )
    );
}

#[test]
fn show_article_28_4() {
    let r = run(&["show", "Article 28(4)"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .starts_with("28(4) (final text): Search and seizure of stored electronic data\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("compelled-technical-assistance (28(4)): Compelled technical assistance")
    );
    // Each status keeps the note that says whose claim it is.
    assert!(
        r.stdout.contains(
            "    mandatory      Proportionality (24(1)) [EFF key concerns, 2024; EFF on the adopted text, 2024]\n      Article 24(1) includes the principle of proportionality (EFF, key concerns, 2024)"
        ),
        "{}",
        r.stdout
    );
    // The matching article of another treaty, with the crosswalk's own qualifier.
    assert!(
        r.stdout.contains(
            "\nIn other treaties:\n  28 -> Council of Europe Convention on Cybercrime (Budapest Convention): Article 19: Search and seizure of stored computer data (corresponds, partly) [the project's reference compilation]\n  Council of Europe Convention on Cybercrime (Budapest Convention): Articles matched by subject by the reference compilation; this is not an official concordance."
        ),
        "{}",
        r.stdout
    );
    // Publications are cited by name, as a reader would, never by id.
    assert!(
        r.stdout
            .contains("EFF key concerns, 2024 (concern `compelled-technical-assistance`"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("  sources: EFF, July 2024 (electronic data); EFF key concerns, 2024"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.to_lowercase().contains("seed"), "{}", r.stdout);
}

#[test]
fn show_a_paragraph_read_in_the_official_text_marks_its_translation() {
    let r = run(&["show", "11(2)"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "11(2) (final text): Misuse of devices
  Chapter II: Criminalization

  The article may not be read as imposing criminal liability where the conduct of paragraph 1 is not for the purpose of committing an offence under Articles 7 to 10, for example where it serves authorised testing or protection of an ICT system. [shall not]
  quoted: \"authorized testing or protection\" (Our translation from the official Arabic text, not the official English wording.)
  sources: Official Arabic text (A/RES/79/243, annex)

Numbering in other versions:
  11 -> zero-draft: 10 (corresponds, partly) [the project's reference compilation; ARTICLE 19 and Human Rights Watch, August 2023; EFF, August 2023]
      Part of the range of offences (Articles 6-16) that EFF (August 2023) cites for the zero draft; the shift to Articles 7-17 is verified by the reference.
"
    );
}

#[test]
fn show_lists_the_points_and_items_described() {
    let r = run(&["show", "Article 3"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(
            "\n  Points described:\n    (a) The prevention, investigation and prosecution of the offences established in accordance with the convention, including the freezing, seizure, confiscation and return of the proceeds of those offences.\n    (b) The collecting, obtaining, preserving and sharing of evidence in electronic form for criminal investigations or proceedings, as Articles 23 and 35 provide.\n"
        ),
        "{}",
        r.stdout
    );
    let r = run(&["show", "2(e)"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("\n  Items described:\n    (i) It gives the users of its service the ability to communicate by means of an ICT system.\n    (ii) It processes or stores electronic data on behalf of such a communication service or of its users.\n"),
        "{}",
        r.stdout
    );
}

#[test]
fn show_a_zero_draft_provision_as_json() {
    let r = run(&["show", "zero-draft:17", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    assert_eq!(v["provision"], "zero-draft:17");
    // No final article of the same number (final 17 is laundering), but final Article 4 covers
    // the same subject: a partial, unverified correspondence (issue 15, part 3, point 9).
    assert_eq!(v["in_final"], "4");
    assert_eq!(v["numbering"][0]["relation"], "partly-corresponds");
    // The mapping is the concordance's claim: how far it was checked goes with it.
    assert_eq!(v["numbering"][0]["verification"], "unverified");
    assert!(
        v["numbering"][0]["note"]
            .as_str()
            .is_some_and(|n| n.starts_with("The reference compilation says only"))
    );
    assert_eq!(v["numbering"][0]["sources"][0], "reference-facts");
    // Entries for paragraphs of the article asked say which paragraph they map: five lines
    // read "final: 40 (corresponds)" with nothing to tell them apart.
    let r = run(&["show", "zero-draft:40"]);
    assert!(
        r.stdout
            .contains("\n  final: 40 (corresponds, partly) [the project's reference compilation; EFF, August 2023]\n      Article numbers from 18 on are believed unchanged; inferred, not checked. EFF (August 2023) also cites the article as a whole.\n  40(1) -> final: 40 (corresponds, partly) ["),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("\n  40(6) -> final: 40 (corresponds, partly) ["),
        "{}",
        r.stdout
    );
}

#[test]
fn show_as_json_carries_what_the_text_says_as_the_human_output_does() {
    // A script got the numbering, powers and citations, but not the provision's own summary,
    // modality, quotes and sources, nor its chapter.
    let r = run(&["show", "28(4)", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    let described = &v["described"];
    assert_eq!(
        described["chapter"],
        serde_json::json!({"number": "IV", "title": "Procedural measures and law enforcement"})
    );
    let p = &described["paragraph"];
    assert_eq!(p["number"], 4);
    assert_eq!(p["modality"], "shall");
    assert!(
        p["summary"]
            .as_str()
            .is_some_and(|s| s.starts_with("Requires states to adopt laws")),
        "{p}"
    );
    assert_eq!(p["quotes"][0]["text"], "necessary information");
    assert_eq!(p["sources"][0], "eff-2024-07-electronic-data");
    // An article: the article, with its paragraphs (the human "Paragraphs described").
    let r = run(&["show", "28", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    assert_eq!(v["described"]["article"]["number"], 28);
    assert_eq!(v["described"]["article"]["paragraphs"][3]["number"], 4);
}

#[test]
fn show_an_unknown_provision_lists_the_nearest() {
    let r = run(&["show", "28(9)"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        "treaty: no such provision: `28(9)`\n  nearest: `28(1)`, `28(2)`, `28(3)`, `28(4)`\n"
    );
    let r = run(&["show", "foo:28"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        "treaty: no text version `foo` in this dataset\n  known: `zero-draft`, `updated-draft-2024-05`, `final`\n"
    );
    let r = run(&["show", "28(4"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("is not a provision reference (a `(` is not closed)"),
        "{}",
        r.stderr
    );
}

#[test]
fn version_help_and_completions() {
    let r = run(&["--version"]);
    assert_eq!(r.stdout, format!("treaty {}\n", env!("CARGO_PKG_VERSION")));
    let r = run(&["validate", "--help"]);
    assert!(
        r.stdout
            .contains("Exit codes: 0 valid, 1 invalid data, 2 usage or I/O error.")
    );
    let r = run(&["completions", "bash"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("_treaty()"));
}

/// A pipe (here bash's process substitution, `/dev/fd/N`) can be read only once: its
/// diagnostics from the cross-file checks, which come after the file is read, still get their
/// snippets.
#[cfg(unix)]
#[test]
fn a_pipe_named_on_the_command_line_gets_snippets_for_cross_file_errors() {
    let bin = assert_cmd::cargo::cargo_bin("treaty");
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(r#""$0" validate <(cat tests/fixtures/base/powers-domestic.yaml)"#)
        .arg(&bin)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .expect("bash runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "error[unknown-reference]: no data category is defined in the files checked, so \
             none of the 4 references to one in this file can resolve (this is the first)\n  \
             --> /dev/fd/"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            ":12:23\n   |\n12 |     data_categories: [electronic-data]\n   |                       ^^^^^^^^^^^^^^^\n"
        ),
        "{stderr}"
    );
}

/// A file with a tab inside a quoted value, and an error on that line.
const TAB_LINE: &str = "# yaml-language-server: $schema=../schemas/sources.schema.json\nkind: sources\nschema_version: \"1.0\"\nsources:\n  - id: a\n    title: t\n    kind: \"\tblog\"\n    url: https://example.org\n    verification: unverified\n";

#[test]
fn standard_input_gets_its_snippet_with_tabs_drawn_in_line() {
    let out = treaty()
        .args(["validate", "-"])
        .write_stdin(TAB_LINE)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    // The tab is drawn as spaces and the carets cover the quoted value exactly.
    assert!(
        stderr.contains(
            " --> <stdin>:7:11\n  |\n7 |     kind: \"    blog\"\n  |           ^^^^^^^^^^\n"
        ),
        "{stderr}"
    );
    // With no dataset around it, the report ends with the way to give it one.
    assert!(
        stderr.ends_with(
            "0 suppressed\nnote: standard input was checked on its own, with no dataset; `--stdin-filename PATH` checks it in the place of the file PATH, against PATH's dataset\n"
        ),
        "{stderr}"
    );
}

/// `treaty validate -` with `text` on standard input, standing for the repository's
/// `datasets/powers/domestic.yaml`.
fn as_domestic(text: String) -> std::process::Output {
    treaty()
        .args([
            "validate",
            "-",
            "--stdin-filename",
            "datasets/powers/domestic.yaml",
        ])
        .write_stdin(text)
        .output()
        .expect("runs")
}

#[test]
fn standard_input_named_by_stdin_filename_is_checked_against_that_files_dataset() {
    let domestic = std::fs::read_to_string(root().join("datasets/powers/domestic.yaml")).unwrap();
    let out = as_domestic(domestic.clone());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stable(&String::from_utf8_lossy(&out.stderr)),
        "valid: 1 file checked in N ms: 0 errors, 0 warnings, 0 suppressed\n"
    );
    // An edit not saved yet: the diagnostic names the file and shows the edited line.
    let edited = domestic.replacen("[electronic-data]", "[electronic-dta]", 1);
    // Where the first `[electronic-data]` is; the id starts one column after its bracket.
    let at = domestic.find("[electronic-data]").unwrap();
    let line = 1 + domestic[..at].matches('\n').count();
    let column = at - domestic[..at].rfind('\n').map_or(0, |n| n + 1) + 2;
    let out = as_domestic(edited);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with(&format!(
            "error[unknown-reference]: no data category has the id `electronic-dta`\n  --> datasets/powers/domestic.yaml:{line}:{column}\n"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("[electronic-dta]"), "{stderr}");
}

#[test]
fn stdin_filename_without_standard_input_is_a_usage_error() {
    let r = run(&[
        "validate",
        "datasets",
        "--stdin-filename",
        "datasets/sources.yaml",
    ]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "treaty: error: `--stdin-filename` names the file that standard input stands for; give `-` as the only path\n"
    );
    assert_eq!(r.stdout, "");
}

/// `treaty validate ARGS` run in `dir` (relative to the repository's root).
fn validate_in(dir: &str, args: &[&str]) -> Run {
    run_in(&root().join(dir), &[&["validate"], args].concat())
}

#[test]
fn without_a_path_the_repositorys_datasets_are_validated_from_any_directory_in_it() {
    let mut files = Vec::new();
    collect_yaml(&root().join("datasets"), &mut files);
    let all = format!(
        "valid: {} files checked in N ms: 0 errors, 0 warnings, 2 suppressed\n",
        files.len()
    );
    // From `datasets/` itself the default path used to be empty: "cannot read ``", and with
    // `--changed-since` no file at all was checked.
    for (dir, args) in [
        ("datasets", &[][..]),
        ("datasets", &["--changed-since", "HEAD"][..]),
        ("datasets/powers", &[][..]),
        ("treaty-cli", &[][..]),
    ] {
        let r = validate_in(dir, args);
        assert_eq!(
            (r.code, stable(&r.stderr)),
            (0, all.clone()),
            "in {dir} {args:?}"
        );
    }
}

#[test]
fn two_datasets_named_at_once_are_each_valid() {
    // The repository's datasets and the fixtures' base share no file but many vocabulary
    // ids; validated as one they gave 15 duplicate-id errors.
    let r = run(&["validate", "datasets", "tests/fixtures/base"]);
    assert_eq!(
        (r.code, stable(&r.stderr).as_str()),
        (
            0,
            "valid: 42 files checked in N ms: 0 errors, 0 warnings, 2 suppressed\n"
        )
    );
}

#[test]
fn the_other_files_of_a_dataset_above_the_current_directory_are_named_relatively() {
    // A new file repeating an id of sources.yaml, given by its bare name in a subdirectory:
    // the first definition is shown as `../sources.yaml`, not by its absolute path.
    let out = treaty()
        .current_dir(root().join("datasets/powers"))
        .args(["validate", "-", "--stdin-filename", "more.yaml"])
        .write_stdin(
            "kind: sources\nschema_version: \"1.0\"\nsources:\n  - id: eff-2024-07-key-concerns\n    title: A second entry\n    kind: analysis\n    publisher: EFF\n    verification: unverified\n",
        )
        .output()
        .expect("treaty runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(" --> more.yaml:4:9\n") && stderr.contains(" ::: ../sources.yaml:"),
        "{stderr}"
    );
}

#[test]
fn a_bare_file_name_is_checked_against_the_dataset_of_the_current_directory() {
    // Its parent is empty; the dataset root used to be searched from nothing, and the file
    // was checked alone (587 errors).
    let r = validate_in("datasets/powers", &["domestic.yaml"]);
    assert_eq!(
        (r.code, stable(&r.stderr).as_str()),
        (
            0,
            "valid: 1 file checked in N ms: 0 errors, 0 warnings, 0 suppressed\n"
        )
    );
    let out = treaty()
        .current_dir(root().join("datasets/powers"))
        .args(["validate", "-", "--stdin-filename", "domestic.yaml"])
        .write_stdin(std::fs::read(root().join("datasets/powers/domestic.yaml")).unwrap())
        .output()
        .expect("treaty runs");
    assert_eq!(
        (
            out.status.code(),
            stable(&String::from_utf8_lossy(&out.stderr)).as_str()
        ),
        (
            Some(0),
            "valid: 1 file checked in N ms: 0 errors, 0 warnings, 0 suppressed\n"
        )
    );
}

#[test]
fn standard_input_beside_other_paths_is_a_usage_error() {
    // It used to be dropped without a word, and the other paths validated.
    for args in [
        ["validate", "-", "datasets/sources.yaml"],
        ["validate", "datasets/sources.yaml", "-"],
    ] {
        let r = run(&args);
        assert_eq!(
            (r.code, r.stderr.as_str(), r.stdout.as_str()),
            (
                2,
                "treaty: error: `-` (standard input) must be the only path\n",
                ""
            ),
            "{args:?}"
        );
    }
}

#[test]
fn commands_on_a_dataset_refuse_a_part_of_one() {
    // `--data` with a file of the dataset used to validate that file alone and show a matrix
    // built from the unchecked rest.
    for (args, part) in [
        (
            &["coverage", "--data", "datasets/sources.yaml"][..],
            "datasets/sources.yaml",
        ),
        (
            &["show", "25", "--data", "datasets/powers"][..],
            "datasets/powers",
        ),
        (
            &["convert", "datasets/powers", "--to", "json"][..],
            "datasets/powers",
        ),
    ] {
        let r = run(args);
        assert_eq!(
            (r.code, r.stderr, r.stdout),
            (
                2,
                format!(
                    "treaty: error: `{part}` is part of the dataset `datasets`; give the dataset's directory\n"
                ),
                String::new()
            ),
            "{args:?}"
        );
    }
}

#[test]
fn show_and_participation_keep_what_qualifies_a_fact() {
    // A paragraph known only from a draft's numbering is shown with its status and note.
    let r = run(&["show", "40(3)"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("\n  the article's title: unverified\n  unverified: The paragraph number is the zero draft's, carried over unverified"),
        "{}",
        r.stdout
    );
    // The notes of the signature period and of each reported count go with them.
    let r = run(&["participation"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("\n  After the Hanoi ceremony the convention stays open for signature"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("77 signatories as of 2026-07 (unverified) [Michael Geist, July 2026]\n    Canada and \"76 other signatories\""),
        "{}",
        r.stdout
    );
}

/// The README and CONTRIBUTING show the diagnostic of a typo in a safeguard status; the
/// example is what the validator prints for it (CONTRIBUTING's had drifted by five lines).
#[test]
fn the_documented_typo_example_is_what_validate_prints() {
    let dir = crate::common::tmp_dir("treaty-doc-example", "typo");
    crate::common::copy_dir(&root().join("datasets"), &dir.join("datasets"));
    let file = dir.join("datasets/powers/domestic.yaml");
    let text = std::fs::read_to_string(&file).expect("read");
    let mut lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[79], "        status: discretionary");
    lines[79] = "        status: discretionnary";
    std::fs::write(&file, lines.join("\n") + "\n").expect("write");
    let r = run_in(&dir, &["validate", "--color", "never"]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let shown: Vec<&str> = r.stderr.lines().take(7).collect();
    for doc in ["README.md", "CONTRIBUTING.md"] {
        let text = std::fs::read_to_string(root().join(doc)).expect("doc");
        let start = text
            .find("error[invalid-value]: `discretionnary`")
            .expect("the example");
        let block: Vec<&str> = text[start..].lines().take(7).map(str::trim).collect();
        let expected: Vec<&str> = shown.iter().map(|l| l.trim()).collect();
        assert_eq!(block, expected, "{doc}");
    }
}

/// Whether an analysis is in the `analyses/` folder does not depend on where the command is
/// run: from inside the folder, the path given is a bare name.
#[test]
fn a_misnamed_analysis_is_found_from_inside_its_folder() {
    let dir = tmp_dir("misnamed-analysis");
    crate::common::copy_dir(&root().join("datasets"), &dir);
    let analyses = dir.join("analyses");
    std::fs::copy(
        analyses.join("eff-2024-key-concerns.yaml"),
        analyses.join("copy.yaml"),
    )
    .expect("copy");
    let r = run_in(&analyses, &["validate", "copy.yaml", "--format", "github"]);
    let _ = std::fs::remove_dir_all(&dir);
    // The copy keeps its original's id, so the help asks for an id of its own first.
    assert_eq!(
        r.stdout.lines().next(),
        Some(
            "::warning file=copy.yaml,line=4,col=5,endLine=4,endColumn=26,title=misnamed-file::analysis `eff-2024-key-concerns` is in the file `copy.yaml`: an analysis file is named after its id%0Ahelp: if this file holds an analysis of its own, write `id: copy`; if the id is right, rename the file to `eff-2024-key-concerns.yaml`"
        ),
        "{}",
        r.stdout
    );
}
