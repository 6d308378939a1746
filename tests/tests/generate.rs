//! The benchmark data generator writes valid datasets of the size asked for.

use std::path::{Path, PathBuf};

use treaty_model::validate::{Options, validate_paths};
use treaty_tests::generate::{Layout, STATES, generate};

fn base() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../datasets")
}

fn out(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("treaty-generate-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

fn assert_clean(dir: &Path) {
    let v = validate_paths(&[dir.to_owned()], &Options::default());
    let diagnostics: Vec<String> = v
        .report
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
}

#[test]
fn split_layout_has_one_assessment_per_state_and_grows_with_powers() {
    let dir = out("split");
    let g = generate(&base(), &dir, 16_000_000, Layout::Split).expect("generated");
    let assessments = g
        .files
        .iter()
        .filter(|(p, _)| p.parent().is_some_and(|d| d.ends_with("assessments")))
        .count();
    assert_eq!(assessments, STATES);
    // Within 10% of the target, and a size that needs copies of the powers.
    assert!(
        (14_400_000..17_600_000).contains(&g.bytes()),
        "{}",
        g.bytes()
    );
    assert!(dir.join("powers/generated-001.yaml").exists());
    assert_clean(&dir);
    let again = out("split-again");
    let g2 = generate(&base(), &again, 16_000_000, Layout::Split).expect("generated");
    assert_eq!(g.bytes(), g2.bytes());
    assert_eq!(
        std::fs::read(dir.join("assessments/abw.yaml")).ok(),
        std::fs::read(again.join("assessments/abw.yaml")).ok(),
        "the same arguments give the same bytes"
    );
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&again);
}

#[test]
fn single_layout_puts_the_data_in_one_big_powers_file() {
    let dir = out("single");
    let g = generate(&base(), &dir, 1_500_000, Layout::Single).expect("generated");
    assert_eq!(g.largest, dir.join("powers/generated.yaml"));
    let largest = g.files.iter().map(|(_, n)| *n).max().unwrap_or(0);
    assert!(largest > 1_000_000, "{largest}");
    assert_clean(&dir);
    assert!(
        generate(&base(), &dir, 1, Layout::Single).is_err(),
        "an existing directory is refused"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
