//! Replays the committed cargo-fuzz seed corpus (`fuzz/corpus/<target>/`) through the fuzz
//! bodies of `treaty_tests::fuzz`, on stable, as part of the ordinary test suite. Every crash
//! the fuzzers ever found is in that corpus (as `found-*`) and has a named regression test too.

use std::path::{Path, PathBuf};

use treaty_tests::fuzz::{self, TARGETS};

fn corpus_dir(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/corpus")
        .join(target)
}

/// Every input of one target's corpus, sorted (hidden files are libFuzzer's own).
fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = corpus_dir(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| {
            p.is_file()
                && !p
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    files.sort();
    files
}

fn replay(target: &str) {
    let body = TARGETS
        .iter()
        .find(|(name, _)| *name == target)
        .map(|(_, body)| *body)
        .expect("a known target");
    let files = corpus(target);
    assert!(
        files.len() >= 10,
        "the {target} corpus has only {} inputs",
        files.len()
    );
    let mut failures = Vec::new();
    for file in &files {
        let data = std::fs::read(file).expect("a readable corpus file");
        if let Err(panic) = std::panic::catch_unwind(|| body(&data)) {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            failures.push(format!("{}: {message}", file.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} {target} inputs fail:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}

#[test]
fn every_target_has_a_fuzz_target_file_and_a_corpus() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
    for (name, _) in TARGETS {
        let target = root.join("fuzz_targets").join(format!("{name}.rs"));
        let source = std::fs::read_to_string(&target)
            .unwrap_or_else(|e| panic!("{}: {e}", target.display()));
        assert!(
            source.contains(&format!("treaty_tests::fuzz::{name}(data)")),
            "{} must call treaty_tests::fuzz::{name}",
            target.display()
        );
        assert!(corpus_dir(name).is_dir(), "no corpus for {name}");
    }
}

#[test]
fn corpus_load_validate() {
    replay("load_validate");
}

#[test]
fn corpus_provision_ref() {
    replay("provision_ref");
}

#[test]
fn corpus_yaml_roundtrip() {
    replay("yaml_roundtrip");
}

#[test]
fn corpus_render() {
    replay("render");
}

#[test]
fn the_fuzz_base_is_valid_on_its_own() {
    let validation = treaty_model::validate::validate_inputs(
        &fuzz::base_inputs(),
        &treaty_model::validate::Options::default(),
    );
    assert!(
        validation.report.diagnostics.is_empty(),
        "{:#?}",
        validation.report.diagnostics
    );
}

/// The places of the text-scanned diagnostics (modeline, inline allows) in one file variant.
fn scanned_places(bytes: &[u8]) -> Vec<(String, u32, u32, usize)> {
    let mut inputs = fuzz::base_inputs();
    inputs.push(treaty_model::validate::Input::new(
        "case.yaml".to_owned(),
        bytes.to_vec(),
    ));
    let report = treaty_model::validate::validate_inputs(
        &inputs,
        &treaty_model::validate::Options::default(),
    )
    .report;
    report
        .diagnostics
        .iter()
        .filter(|d| matches!(d.code.as_str(), "modeline-mismatch" | "unknown-code"))
        .filter_map(|d| {
            let l = d.location.as_ref()?;
            Some((
                d.code.to_string(),
                l.start.line,
                l.start.column,
                l.start.offset,
            ))
        })
        .collect()
}

#[test]
fn regression_text_scanned_diagnostics_have_true_offsets_and_lines() {
    // Found by the load_validate body's location check on its first seed corpus: the modeline
    // and inline-allow diagnostics, found by scanning the text rather than by the parser, had
    // byte offset 0 whatever their line; they counted lines with `str::lines`, which does not
    // end a line at a lone `\r` (the parser does); and a modeline with trailing spaces put its
    // column that many characters too far right. Fixed in treaty-model/src/validate (file.rs,
    // suppress.rs).
    let lf = "# yaml-language-server: $schema=../schemas/powers.schema.json  \n\
              kind: sources\n\
              schema_version: \"1.0\"\n\
              # treaty: allow(no-such-code) because\n\
              sources: []\n";
    let modeline_offset = "# yaml-language-server: $schema=".len();
    let allow_offset = lf.find("# treaty").expect("the allow comment");
    let expected = |extra_per_line: usize, bom: usize| {
        vec![
            ("modeline-mismatch".to_owned(), 1, 33, bom + modeline_offset),
            (
                "unknown-code".to_owned(),
                4,
                1,
                bom + allow_offset + 3 * extra_per_line,
            ),
        ]
    };
    assert_eq!(scanned_places(lf.as_bytes()), expected(0, 0));
    assert_eq!(
        scanned_places(lf.replace('\n', "\r\n").as_bytes()),
        expected(1, 0)
    );
    assert_eq!(
        scanned_places(lf.replace('\n', "\r").as_bytes()),
        expected(0, 0)
    );
    let bom = format!("\u{feff}{lf}");
    assert_eq!(scanned_places(bom.as_bytes()), expected(0, 3));
    // And the generic check of the fuzz body agrees, on every variant.
    for variant in [
        lf.to_owned(),
        lf.replace('\n', "\r\n"),
        lf.replace('\n', "\r"),
        bom,
    ] {
        fuzz::load_validate(variant.as_bytes());
    }
}

#[test]
fn keys_over_the_implicit_key_limit_are_written_explicitly() {
    // Found by `yaml_roundtrip` (fuzz/corpus/yaml_roundtrip/found-long-key): YAML caps implicit
    // keys at 1024 characters, and a longer key written as `key: value` was rejected by our own
    // reader. Such keys now use the explicit form, at any depth and in sequence items.
    let long = "k".repeat(1025);
    let value = serde_json::json!({ long.clone(): 1 });
    let yaml = treaty_model::convert::to_yaml(&value);
    assert_eq!(yaml, format!("? {long}\n: 1\n"));
    fuzz::check_roundtrip(&value);
    let multibyte = "é".repeat(600);
    fuzz::check_roundtrip(&serde_json::json!({
        "short": {multibyte.clone(): {long.clone(): [1, {"x": 2}]}},
        "list": [{long.clone(): {"a": []}, "b": 1}, {multibyte: [[1]]}],
    }));
    // A key within the limit keeps the implicit form.
    let yaml = treaty_model::convert::to_yaml(&serde_json::json!({ "k".repeat(900): 1 }));
    assert_eq!(yaml, format!("{}: 1\n", "k".repeat(900)));
}

#[test]
fn a_key_like_a_merge_key_is_quoted() {
    // Found by `yaml_roundtrip` (fuzz/corpus/yaml_roundtrip/found-merge-key): a plain `<<` key
    // is a merge key, which the reader rejects; quoted it is an ordinary key.
    let value = serde_json::json!({ "<<": ["<<"] });
    assert_eq!(
        treaty_model::convert::to_yaml(&value),
        "\"<<\":\n  - \"<<\"\n"
    );
    fuzz::check_roundtrip(&value);
}

#[test]
fn strings_like_document_markers_are_quoted() {
    // Found by `yaml_roundtrip` (fuzz/corpus/yaml_roundtrip/found-document-marker): written
    // plain at the start of a line, the top-level string `--- a` read back as `a` (a silent
    // change), `---` as an empty document and a top-level key `--- x` as a syntax error.
    assert_eq!(
        treaty_model::convert::to_yaml(&serde_json::json!("--- a")),
        "\"--- a\"\n"
    );
    for value in [
        serde_json::json!("--- a"),
        serde_json::json!("---"),
        serde_json::json!("..."),
        serde_json::json!("... a"),
        serde_json::json!({"--- x": 1, "...": 2}),
        serde_json::json!(["---", "...", {"---": "---x"}]),
        serde_json::json!({"k": ["--- a", "---"], "---": {"--- x": 1}}),
    ] {
        fuzz::check_roundtrip(&value);
    }
}
