//! The YAML test suite (https://github.com/yaml/yaml-test-suite) through our loader.
//!
//! Reads the suite's `data` layout (`<ID>[/<NN>]/in.yaml`, `in.json`, `error`) from the
//! directory in `YAML_TEST_SUITE_DIR`; `tests/run.sh` (through `tests/conformance/run.sh
//! --fetch`) fetches the suite and sets it. Without the variable the test fails.
//!
//! Every case is classified:
//! - valid case (no `error` file): **loaded**, or **unsupported** when every error is one of
//!   the loader's deliberate restrictions (tags, merge keys, several documents, non-scalar keys,
//!   an empty stream, `.inf`/`.nan`, tabs as indentation, keys equal as text, the limits), or
//!   **wrongly rejected**; a loaded case with an `in.json` holding one JSON value is compared
//!   with it (**mismatch** when it differs);
//! - invalid case (`error` file): **correctly rejected** when some problem is an error, else
//!   **wrongly accepted**.
//!
//! The test fails on a panic, and when the wrongly accepted, wrongly rejected or mismatching
//! cases differ from `tests/conformance/known-deviations.txt` in either direction (a new
//! deviation is a regression; one that disappeared must be removed from the list).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use treaty_model::syntax::{Limits, ProblemKind, parse_yaml};

/// Problems that are deliberate restrictions of the loader, with why.
fn deliberate(kind: ProblemKind) -> Option<&'static str> {
    Some(match kind {
        ProblemKind::Tag => "tags",
        ProblemKind::MergeKey => "merge keys",
        ProblemKind::MultipleDocuments => "several documents",
        ProblemKind::NonScalarKey => "non-scalar keys",
        ProblemKind::EmptyDocument => "no document / empty document",
        ProblemKind::NonFiniteNumber => ".inf/.nan (not JSON)",
        ProblemKind::TabIndentation => "tabs as indentation",
        ProblemKind::DuplicateKey => "keys equal as text (JSON keys are text)",
        ProblemKind::AliasLimit | ProblemKind::DepthLimit | ProblemKind::NodeLimit => "limits",
        _ => return None,
    })
}

#[derive(Debug, Default)]
struct Counts {
    loaded: usize,
    unsupported: BTreeMap<&'static str, Vec<String>>,
    wrongly_rejected: Vec<String>,
    correctly_rejected: usize,
    wrongly_accepted: Vec<String>,
    compared: usize,
    mismatches: Vec<String>,
    panics: Vec<String>,
}

/// Every case directory (one holding `in.yaml`) under `root`, with its id (`2G84/01`).
fn cases(root: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() && path.file_name().is_some_and(|n| n != "name" && n != "tags") {
                stack.push(path);
            }
        }
        if dir.join("in.yaml").is_file() {
            let id = dir
                .strip_prefix(root)
                .unwrap_or(&dir)
                .to_string_lossy()
                .replace('\\', "/");
            out.push((id, dir));
        }
    }
    out.sort();
    out
}

/// The one JSON value of `in.json`, when it holds exactly one.
fn single_json(text: &str) -> Option<serde_json::Value> {
    let mut values = serde_json::Deserializer::from_str(text).into_iter::<serde_json::Value>();
    let first = values.next()?.ok()?;
    values.next().is_none().then_some(first)
}

fn classify(id: &str, dir: &Path, counts: &mut Counts) {
    let yaml = std::fs::read(dir.join("in.yaml")).expect("in.yaml");
    let invalid = dir.join("error").exists();
    let parsed = match std::panic::catch_unwind(|| parse_yaml(&yaml, &Limits::default())) {
        Ok(parsed) => parsed,
        Err(_) => {
            counts.panics.push(id.to_owned());
            return;
        }
    };
    let errors: Vec<ProblemKind> = parsed
        .problems
        .iter()
        .filter(|p| p.is_error())
        .map(|p| p.kind)
        .collect();
    if invalid {
        if errors.is_empty() {
            counts.wrongly_accepted.push(id.to_owned());
        } else {
            counts.correctly_rejected += 1;
        }
        return;
    }
    match parsed.doc {
        Some(doc) => {
            counts.loaded += 1;
            let expected = std::fs::read_to_string(dir.join("in.json"))
                .ok()
                .and_then(|t| single_json(&t));
            if let Some(expected) = expected {
                counts.compared += 1;
                if doc.value != expected {
                    counts.mismatches.push(id.to_owned());
                }
            }
        }
        None => {
            let reasons: BTreeSet<Option<&'static str>> =
                errors.iter().map(|k| deliberate(*k)).collect();
            match reasons.iter().copied().collect::<Option<Vec<_>>>() {
                Some(reasons) if !reasons.is_empty() => {
                    // Filed under the first reason, in file order.
                    let first = errors
                        .first()
                        .and_then(|k| deliberate(*k))
                        .unwrap_or(reasons[0]);
                    counts
                        .unsupported
                        .entry(first)
                        .or_default()
                        .push(id.to_owned());
                }
                _ => counts
                    .wrongly_rejected
                    .push(format!("{id} ({:?})", errors.first())),
            }
        }
    }
}

/// `known-deviations.txt`: `wrongly-accepted ID`, `wrongly-rejected ID`, `mismatch ID` lines.
fn known() -> BTreeSet<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("conformance/known-deviations.txt");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(|l| l.split('#').next().unwrap_or_default().trim())
        .filter(|l| !l.is_empty())
        .map(|l| l.split_whitespace().take(2).collect::<Vec<_>>().join(" "))
        .collect()
}

#[test]
fn yaml_test_suite() {
    // A check that cannot run fails: the suite is fetched by tests/run.sh, the README's test
    // command, so only a bare `cargo test` gets here without it.
    let root = std::env::var_os("YAML_TEST_SUITE_DIR").unwrap_or_else(|| {
        panic!(
            "YAML_TEST_SUITE_DIR is not set: run the suite with tests/run.sh, which fetches the \
             YAML test suite (or tests/conformance/run.sh for this test alone)"
        )
    });
    let root = PathBuf::from(root);
    let all = cases(&root);
    assert!(
        all.len() > 300,
        "only {} cases under {}",
        all.len(),
        root.display()
    );
    let mut counts = Counts::default();
    for (id, dir) in &all {
        classify(id, dir, &mut counts);
    }
    let unsupported: usize = counts.unsupported.values().map(Vec::len).sum();
    let valid = counts.loaded + unsupported + counts.wrongly_rejected.len();
    println!(
        "conformance: {} cases ({valid} valid, {} invalid)",
        all.len(),
        all.len() - valid - counts.panics.len()
    );
    println!("  loaded:             {}", counts.loaded);
    println!(
        "    compared with in.json: {}, mismatches: {}",
        counts.compared,
        counts.mismatches.len()
    );
    println!("  unsupported:        {unsupported}");
    for (reason, ids) in &counts.unsupported {
        println!("    {reason}: {} ({})", ids.len(), ids.join(" "));
    }
    println!("  wrongly rejected:   {}", counts.wrongly_rejected.len());
    println!("  correctly rejected: {}", counts.correctly_rejected);
    println!("  wrongly accepted:   {}", counts.wrongly_accepted.len());
    println!("  panics:             {}", counts.panics.len());
    for id in &counts.wrongly_rejected {
        println!("  wrongly-rejected {id}");
    }
    for id in &counts.wrongly_accepted {
        println!("  wrongly-accepted {id}");
    }
    for id in &counts.mismatches {
        println!("  mismatch {id}");
    }
    assert!(counts.panics.is_empty(), "panics: {:?}", counts.panics);
    let found: BTreeSet<String> = counts
        .wrongly_accepted
        .iter()
        .map(|id| format!("wrongly-accepted {id}"))
        .chain(counts.wrongly_rejected.iter().map(|id| {
            let id = id.split_whitespace().next().unwrap_or_default();
            format!("wrongly-rejected {id}")
        }))
        .chain(counts.mismatches.iter().map(|id| format!("mismatch {id}")))
        .collect();
    let known = known();
    let new: Vec<_> = found.difference(&known).collect();
    let gone: Vec<_> = known.difference(&found).collect();
    assert!(
        new.is_empty() && gone.is_empty(),
        "deviations differ from tests/conformance/known-deviations.txt\n new: {new:?}\n gone (remove them from the list): {gone:?}"
    );
}
