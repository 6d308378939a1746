//! `treaty man`: the manual pages shipped in the release archives.

use crate::common::{self, run};

#[test]
fn man_writes_a_page_per_command() {
    let dir = common::tmp_dir("treaty-man", "pages");
    let r = run(&["man", "-o", dir.to_str().expect("utf-8")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    let mut pages: Vec<String> = std::fs::read_dir(&dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    assert_eq!(
        pages,
        [
            "treaty-completions.1",
            "treaty-convert.1",
            "treaty-coverage.1",
            "treaty-diff.1",
            "treaty-explain.1",
            "treaty-man.1",
            "treaty-new-analysis.1",
            "treaty-new-assessment.1",
            "treaty-new.1",
            "treaty-participation.1",
            "treaty-report.1",
            "treaty-schema.1",
            "treaty-show.1",
            "treaty-validate.1",
            "treaty.1",
        ]
    );
    assert_eq!(
        r.stderr,
        format!("treaty: wrote 15 manual pages to {}\n", dir.display())
    );
    // A subcommand's page names it as it is typed and documents its options.
    let page = std::fs::read_to_string(dir.join("treaty-new-assessment.1")).expect("page");
    assert!(page.starts_with(".ie \\n(.g .ds Aq \\(aq\n"), "{page}");
    assert!(page.contains(".TH treaty-new-assessment 1 "), "{page}");
    assert!(page.contains("\\fBtreaty new assessment\\fR"), "{page}");
    assert!(
        page.contains("\\fB\\-o\\fR, \\fB\\-\\-output\\fR"),
        "{page}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn man_without_output_prints_the_main_page() {
    let r = run(&["man"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    assert!(r.stdout.contains(".TH treaty 1 "), "{}", r.stdout);
    assert!(r.stdout.contains("treaty\\-validate(1)"), "{}", r.stdout);
    // `-o -` means standard output, as for every other command.
    let dash = run(&["man", "-o", "-"]);
    assert_eq!(
        (dash.code, dash.stdout, dash.stderr),
        (0, r.stdout, String::new())
    );
}
