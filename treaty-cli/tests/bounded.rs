//! What reaches a terminal or a CI log is bounded and inert (issue 17): at most
//! `--max-diagnostics` per file in every format, with the rest counted and the exit code and
//! summary exact; control characters from a dataset shown as escapes, never sent; colour only
//! when asked for or on a terminal.

use std::path::{Path, PathBuf};

use crate::common::{self, run_in, treaty_in};

fn tmp_dir(name: &str) -> PathBuf {
    common::tmp_dir("treaty-cli-bounded", name)
}

/// One line of JSON whose 3,000 sources each have an invalid id: 3,000 errors on line 1.
fn three_thousand_errors(dir: &Path) -> PathBuf {
    let item = r#"{"id":"Not An Id","title":"t","kind":"news","url":"https://example.org","verification":"unverified"}"#;
    let items = vec![item; 3000].join(",");
    let text = format!(r#"{{"kind":"sources","schema_version":"1.0","sources":[{items}]}}"#);
    let path = dir.join("sources.json");
    std::fs::write(&path, text).expect("write");
    path
}

#[test]
fn three_thousand_errors_on_one_line_print_a_bounded_report_with_exact_counts() {
    let dir = tmp_dir("many");
    three_thousand_errors(&dir);
    for format in ["human", "json", "github", "sarif"] {
        let r = run_in(&dir, &["validate", "sources.json", "--format", format]);
        assert_eq!(r.code, 1, "{format}");
        let printed = r.stdout.len() + r.stderr.len();
        // 100 diagnostics of a few hundred bytes each, not 3,000 copies of a 300 KB line.
        assert!(printed < 200_000, "{format}: {printed} bytes");
        let all = format!("{}{}", r.stdout, r.stderr);
        // JSON counts them in its `omitted` list; the other formats say it in words.
        let said = if format == "json" {
            "\"omitted\": [\n    {\n      \"file\": \"sources.json\",\n      \"count\": 2900"
        } else {
            "2900 more diagnostics in `sources.json` are not shown"
        };
        assert!(
            all.contains(said),
            "{format}: {}",
            &all[all.len().saturating_sub(2000)..]
        );
    }
    // The counts are the report's: 3,000 invalid ids, and the missing instrument of a file
    // checked outside any dataset.
    let human = run_in(&dir, &["validate", "sources.json"]);
    let summary = human.stderr.lines().last().unwrap_or_default();
    assert!(
        summary.starts_with("invalid: 1 file checked in ")
            && summary.ends_with(" ms: 3001 errors, 0 warnings, 0 suppressed"),
        "{summary}"
    );
    let more = run_in(
        &dir,
        &["validate", "sources.json", "--max-diagnostics", "3"],
    );
    assert!(
        more.stderr
            .contains("2997 more diagnostics in `sources.json` are not shown")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn control_characters_from_a_dataset_are_shown_as_escapes() {
    let dir = tmp_dir("escapes");
    // Written as escapes in a double-quoted string, the id holds the control characters and
    // messages repeat it; written raw, they are a YAML error whose snippet shows the line.
    let text = |id: &str| {
        format!(
            "# yaml-language-server: $schema=../schemas/sources.schema.json\n\
             kind: sources\n\
             schema_version: \"1.0\"\n\
             sources:\n  \
             - id: \"{id}\"\n    \
             title: t\n    kind: news\n    url: https://example.org\n    verification: unverified\n"
        )
    };
    std::fs::write(dir.join("escaped.yaml"), text(r"\e]0;owned\a\e[2J")).expect("write");
    std::fs::write(dir.join("raw.yaml"), text("\u{1b}]0;owned\u{7}\u{1b}[2J")).expect("write");
    let r = run_in(&dir, &["validate", "escaped.yaml", "--color", "always"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains(r"\u{1b}]0;owned\u{7}\u{1b}[2J"),
        "{}",
        r.stderr
    );
    let r = run_in(&dir, &["validate", "raw.yaml", "--color", "always"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("the file contains U+001B, a character YAML does not allow"),
        "{}",
        r.stderr
    );
    // The snippet draws them as control pictures, one for one, so its column stays right.
    assert!(r.stderr.contains("␛]0;owned␇␛[2J"), "{}", r.stderr);
    // Colour codes are ESC [ ... m; nothing else of the dataset's escapes comes through.
    assert!(!r.stderr.contains("\u{1b}]0;"), "{}", r.stderr);
    assert!(!r.stderr.contains("\u{1b}[2J"), "{}", r.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn colour_is_on_only_when_asked_for_or_on_a_terminal() {
    let dir = tmp_dir("colour");
    three_thousand_errors(&dir);
    let args = ["validate", "sources.json", "--max-diagnostics", "1"];
    let plain = run_in(&dir, &args);
    assert!(!plain.stderr.contains('\u{1b}'), "a pipe gets no colour");
    let out = treaty_in(&dir)
        .env_remove("NO_COLOR")
        .args(args)
        .args(["--color", "always"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&out.stderr).contains("\u{1b}["));
    let never = run_in(&dir, &[&args[..], &["--color", "never"]].concat());
    assert!(!never.stderr.contains('\u{1b}'));
    let _ = std::fs::remove_dir_all(&dir);
}
