//! `treaty validate --changed-since REV` in a real git repository.

use std::path::{Path, PathBuf};
use std::process::Command as Std;

use assert_cmd::Command;

use crate::common::copy_dir;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn git(dir: &Path, args: &[&str]) {
    let ok = Std::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .status()
        .expect("git runs")
        .success();
    assert!(ok, "git {args:?}");
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{from} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).expect("write");
}

#[test]
fn only_changed_files_are_annotated_but_broken_references_elsewhere_are_caught() {
    let repo = std::env::temp_dir().join(format!("treaty-changed-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&repo);
    copy_dir(&root().join("datasets"), &repo.join("datasets"));
    copy_dir(&root().join("schemas"), &repo.join("schemas"));
    // A pre-existing, file-local problem in a file the change does not touch.
    edit(
        &repo.join("datasets/crosswalks/budapest-convention.yaml"),
        "kind: crosswalk\n",
        "kind: crosswalk\nreviewer: someone\n",
    );
    git(&repo, &["init", "-q"]);
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-qm", "base"]);
    // The change: rename a safeguard in the taxonomy. Powers files still use the old id.
    edit(
        &repo.join("datasets/vocabularies/safeguards.yaml"),
        "id: user-notification",
        "id: notification-of-users",
    );
    let out = Command::cargo_bin("treaty")
        .expect("built")
        .current_dir(&repo)
        .env("NO_COLOR", "1")
        .args(["validate", "--changed-since", "HEAD", "--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let mut seen: Vec<(String, String)> = doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_owned(),
                d["location"]["file"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
            )
        })
        .collect();
    seen.dedup();
    assert!(
        seen.iter().all(|(code, file)| code == "unknown-reference"
            && (file.starts_with("datasets/powers/") || file.starts_with("datasets/analyses/"))),
        "{seen:?}"
    );
    assert!(!seen.is_empty());
    // Without the PR mode, the untouched file's own problem is reported too.
    let out = Command::cargo_bin("treaty")
        .expect("built")
        .current_dir(&repo)
        .args(["validate", "--format", "json"])
        .output()
        .expect("runs");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(
        doc["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .any(|d| d["code"] == "unknown-field")
    );
    let bad = Command::cargo_bin("treaty")
        .expect("built")
        .current_dir(&repo)
        .args(["validate", "--changed-since", "no-such-rev"])
        .output()
        .expect("runs");
    assert_eq!(bad.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&repo);
}
