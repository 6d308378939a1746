//! End-to-end tests of the analysis commands: `treaty coverage`, `treaty explain`, `treaty diff`
//! and `treaty report` (its files and its guard; the browser test is `report_browser.rs`).

use std::path::{Path, PathBuf};

use crate::common::{self, copy_dir, root, run, run_in};

fn tmp_dir(name: &str) -> PathBuf {
    common::tmp_dir("treaty-analysis", name)
}

/// Replaces the first `old` after `after` in a file; the test data must still contain both.
fn edit(file: &Path, after: &str, old: &str, new: &str) {
    let text = std::fs::read_to_string(file).expect("readable");
    let start = text
        .find(after)
        .unwrap_or_else(|| panic!("`{after}` not in {}", file.display()));
    let i = start
        + text[start..]
            .find(old)
            .unwrap_or_else(|| panic!("`{old}` not after `{after}` in {}", file.display()));
    let text = format!("{}{new}{}", &text[..i], &text[i + old.len()..]);
    std::fs::write(file, text).expect("write");
}

// ---------------------------------------------------------------------------------------------
// treaty coverage

#[test]
fn coverage_lacking_answers_which_powers_lack_a_mandatory_safeguard() {
    let r = run(&[
        "coverage",
        "--lacking",
        "prior-judicial-authorisation",
        "--safeguard",
        "prior-judicial-authorisation",
        "--safeguard",
        "proportionality",
        "--scope",
        "domestic",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    assert_eq!(
        r.stdout,
        "\
Safeguard coverage: 10 powers x 2 safeguards
Powers for which `prior-judicial-authorisation` is recorded but not mandatory (discretionary or absent).

  article power                                   data Article 24
Domestic powers (Chapter IV)
  25      expedited-preservation-stored-data      E    applies
  26      expedited-preservation-traffic-data     T    applies
  27(a)   production-order-electronic-data        E    applies
  27(b)   production-order-subscriber-information S    applies
  28(1)   search-and-access                       E    applies
  28(2)   extended-search                         E    applies
  28(3)   seizure-of-stored-data                  E    applies
  28(4)   compelled-technical-assistance          E    applies
  29      real-time-traffic-data-collection       T    applies
  30      interception-of-content-data            C    applies

Safeguards 1-2 of 2
          Pro PJA
Domestic powers (Chapter IV)
  25      M   d
  26      M   d
  27(a)   M   d
  27(b)   M   d
  28(1)   M   d
  28(2)   M   d
  28(3)   M   d
  28(4)   M   d
  29      M   d
  30      M   d

Legend
  M mandatory (10)   d discretionary (10)   - absent (0)   / not applicable (0)   ? not recorded (0)
  E electronic data   T traffic data   C content data   S subscriber information
  Pro  Proportionality               PJA  Prior judicial authorisation
"
    );
}

#[test]
fn coverage_table_fits_100_columns() {
    let r = run(&["coverage"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    for line in r.stdout.lines() {
        assert!(
            line.chars().count() <= 100,
            "{} columns: {line}",
            line.len()
        );
    }
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn coverage_as_csv_json_and_html() {
    let r = run(&["coverage", "--format", "csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "scope,power,power_provision,data_categories,safeguard,status,provision,sources,note,article_24,article_24_sources"
    );
    let dataset = treaty_model::bundled().expect("valid");
    let cells = dataset.powers().count() * dataset.safeguards().count();
    assert_eq!(
        lines.len(),
        cells + 2,
        "header, one record per cell, final CRLF"
    );
    assert!(lines.iter().any(|l| l.starts_with(
        "domestic,compelled-technical-assistance,28(4),electronic-data,prior-judicial-authorisation,discretionary,24(2),eff-2024-07-electronic-data; eff-2024-07-key-concerns; eff-2024-adopted-text-risks,"
    )));

    // The power's Article 24 coverage ends each of its records.
    let mla: Vec<&&str> = lines
        .iter()
        .filter(|l| l.starts_with("cross-border,mla-intrusive-measures,"))
        .collect();
    assert_eq!(mla.len(), dataset.safeguards().count());
    assert!(
        mla.iter().all(|l| l.ends_with(
            ",unclear,eff-2024-07-electronic-data; eff-2024-adopted-text-risks; eff-2023-08-surveillance-pact"
        )),
        "{mla:?}"
    );

    let r = run(&["coverage", "--format", "json", "--scope", "cross-border"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    assert_eq!(v["groups"].as_array().map(Vec::len), Some(1));
    assert_eq!(v["groups"][0]["scope"], "cross-border");
    let row = &v["groups"][0]["rows"][0];
    assert_eq!(row["power"], "mla-intrusive-measures");
    // Whether Article 24 reaches the power is a claim: its provision, note and sources go
    // with it.
    assert_eq!(row["article_24"]["applies"], "unclear");
    assert_eq!(row["article_24"]["provision"], "23(4)");
    assert_eq!(
        row["article_24"]["sources"][0],
        "eff-2024-07-electronic-data"
    );
    assert!(
        row["article_24"]["note"]
            .as_str()
            .is_some_and(|n| n.starts_with("Article 23(4) extends Article 24"))
    );
    let dual = row["cells"]
        .as_array()
        .expect("cells")
        .iter()
        .find(|c| c["safeguard"] == "dual-criminality")
        .expect("a dual-criminality cell");
    assert_eq!(dual["status"], "discretionary");
    assert_eq!(dual["provision"], "40(8)");

    let out = tmp_dir("coverage-html").join("coverage.html");
    let r = run(&[
        "coverage",
        "--format",
        "html",
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!((r.code, r.stdout.as_str()), (0, ""), "{}", r.stderr);
    let html = std::fs::read_to_string(&out).expect("written");
    assert_eq!(html.matches("<td class=\"cell ").count(), cells);
    assert!(html.contains("<ul class=\"legend\""));
    assert!(!html.contains("<script") && !html.contains("href=\"power-"));
    // A page on its own: each recorded cell links to its note below the table, and each
    // cited source is listed there with its address.
    assert!(html.contains(
        "<a href=\"#note-compelled-technical-assistance.prior-judicial-authorisation\" aria-label="
    ));
    assert!(html.contains(
        "<dt id=\"note-compelled-technical-assistance.prior-judicial-authorisation\">Prior judicial authorisation</dt><dd><span class=\"badge s-discretionary\">discretionary</span> (Article 24(2)) "
    ));
    assert_eq!(
        html.matches("<a href=\"#note-").count(),
        html.matches("<dt id=\"note-").count()
    );
    // Whether Article 24 reaches a power is a claim with its sources too.
    assert!(html.contains(
        "<td class=\"info\"><a href=\"#note-mla-intrusive-measures.article-24\">unclear</a></td>"
    ));
    assert!(html.contains(
        "<dt id=\"note-mla-intrusive-measures.article-24\">Article 24 applies</dt><dd>unclear (Article 23(4)) Article 23(4) extends Article 24"
    ));
    assert!(html.contains(
        "<li id=\"src-eff-2024-07-electronic-data\"><strong>EFF, July 2024 (electronic data)</strong>: <cite>"
    ));
}

#[test]
fn coverage_lacking_names_the_powers_left_out_in_html_as_in_the_table() {
    let args = [
        "coverage",
        "--lacking",
        "prior-judicial-authorisation",
        "--scope",
        "cross-border",
    ];
    let table = run(&args);
    let html = run(&[&args[..], &["--format", "html"]].concat());
    assert_eq!(
        (table.code, html.code),
        (0, 0),
        "{}{}",
        table.stderr,
        html.stderr
    );
    assert!(
        table.stdout.contains("Left out because nothing is recorded for `prior-judicial-authorisation`: `mla-intrusive-measures`,"),
        "{}",
        table.stdout
    );
    // CSV has rows only: the powers left out are named on the error stream.
    let csv = run(&[&args[..], &["--format", "csv"]].concat());
    assert_eq!(csv.code, 0, "{}", csv.stderr);
    assert!(
        csv.stderr.starts_with("treaty: Left out because nothing is recorded for `prior-judicial-authorisation`: `mla-intrusive-measures`, `network-24-7`,"),
        "{}",
        csv.stderr
    );
    assert!(
        !csv.stdout.contains("mla-intrusive-measures"),
        "{}",
        csv.stdout
    );
    // The page used to leave them out without a word.
    assert!(
        html.stdout.contains("<p>Left out because nothing is recorded for <code>prior-judicial-authorisation</code>: <code>mla-intrusive-measures</code>, <code>network-24-7</code>,"),
        "{}",
        html.stdout
    );
}

#[test]
fn coverage_refuses_a_width_the_table_cannot_fit() {
    // It was accepted and the table drawn about 57 columns wide anyway.
    for width in ["20", "0"] {
        let r = run(&["coverage", "--width", width]);
        assert_eq!(
            (r.code, r.stdout.as_str(), r.stderr.lines().next()),
            (
                2,
                "",
                Some(
                    format!(
                        "error: invalid value '{width}' for '--width <COLUMNS>': the table needs at least 60 columns"
                    )
                    .as_str()
                )
            )
        );
    }
    assert_eq!(run(&["coverage", "--width", "60"]).code, 0);
}

#[test]
fn coverage_refuses_unknown_ids_with_a_suggestion() {
    let r = run(&["coverage", "--lacking", "prior-judicial-authorization"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr,
        "treaty: error: no such safeguard: `prior-judicial-authorization`; did you mean `prior-judicial-authorisation`?\n"
    );
    let r = run(&["coverage", "--data-category", "Electronic"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("`Electronic` is not a valid data category"),
        "{}",
        r.stderr
    );
    let r = run(&["coverage", "--data", "no/such/dir"]);
    assert_eq!(r.code, 2);
    assert_eq!(r.stderr, "treaty: error: `no/such/dir` does not exist\n");
}

// ---------------------------------------------------------------------------------------------
// treaty explain

#[test]
fn explain_a_power_in_plain_language() {
    let r = run(&["explain", "28(4)"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    // Lines fit 100 columns, except a web address too long to fit, which stands alone on its
    // line so that it can be copied whole.
    for line in r.stdout.lines() {
        let lone_url = line.trim().starts_with("https://") && !line.trim().contains(' ');
        assert!(line.chars().count() <= 100 || lone_url, "{line}");
    }
    // Sources are cited by name and followed to their addresses.
    assert!(
        r.stdout
            .contains("[EFF, July 2024 (electronic data); EFF key concerns, 2024;")
    );
    assert!(r.stdout.contains(
        "  https://www.eff.org/deeplinks/2024/07/un-cybercrime-draft-convention-dangerously-expands-state-surveillance-powers\n"
    ));
    assert!(!r.stdout.to_lowercase().contains("seed"));
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn explain_as_json() {
    let r = run(&["explain", "mla-intrusive-measures", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    assert_eq!(v["power"]["id"], "mla-intrusive-measures");
    assert_eq!(v["power"]["article_24"]["applies"], "unclear");
    let dual = v["safeguards"]
        .as_array()
        .expect("safeguards")
        .iter()
        .find(|s| s["safeguard"]["id"] == "dual-criminality")
        .expect("dual criminality");
    assert_eq!(dual["status"], "discretionary");
    assert_eq!(dual["recorded"]["provision"], "40(8)");
}

/// An analyst's edited copy of the datasets, under any name: the commands run inside it read
/// it, not the dataset bundled in the binary (which they used silently).
#[test]
fn commands_run_inside_a_copy_of_the_datasets_read_that_copy() {
    let dir = tmp_dir("copy-under-another-name");
    let copy = dir.join("my-edits");
    copy_dir(&root().join("datasets"), &copy);
    edit(
        &copy.join("powers/domestic.yaml"),
        "id: compelled-technical-assistance",
        "name: Compelled technical assistance",
        "name: Compelled technical assistance, as edited",
    );
    let r = run_in(
        &copy.join("powers"),
        &["explain", "compelled-technical-assistance"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .starts_with("Compelled technical assistance, as edited\n"),
        "{}",
        r.stdout
    );
    let r = run_in(&copy, &["validate"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("valid: 27 files checked"), "{}", r.stderr);
}

#[test]
fn explain_an_unknown_power_suggests_the_nearest() {
    let r = run(&["explain", "compelled-technical-assistence"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr,
        "treaty: no such power: `compelled-technical-assistence`; did you mean `compelled-technical-assistance`?\n  `treaty coverage` lists every power\n"
    );
    let r = run(&["explain", "28"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        "treaty: `28` grants 4 powers; name one: `search-and-access`, `extended-search`, `seizure-of-stored-data`, `compelled-technical-assistance`\n"
    );
}

/// A reader remembers a power by part of its id: the ids that hold it are offered (one is the
/// suggestion), where the typo check alone found nothing.
#[test]
fn explain_part_of_an_id_lists_the_powers_that_hold_it() {
    let r = run(&["explain", "production order"]);
    assert_eq!((r.code, r.stdout.as_str()), (1, ""));
    assert_eq!(
        r.stderr,
        "treaty: no power has the id `production order`, but 2 ids contain it; name one: `production-order-electronic-data`, `production-order-subscriber-information`\n"
    );
    let r = run(&["explain", "seizure"]);
    assert_eq!(r.code, 1);
    assert_eq!(
        r.stderr,
        "treaty: no such power: `seizure`; did you mean `seizure-of-stored-data`?\n  `treaty coverage` lists every power\n"
    );
}

// ---------------------------------------------------------------------------------------------
// treaty diff

/// Two copies of the repository's datasets, `old/` and `new/`, in a fresh directory.
fn two_copies(name: &str) -> PathBuf {
    let dir = tmp_dir(name);
    copy_dir(&root().join("datasets"), &dir.join("old"));
    copy_dir(&root().join("datasets"), &dir.join("new"));
    dir
}

/// Two real revisions of the datasets: `old/` is the repository's, `new/` changes a safeguard
/// status (with a new source), adds a concern and removes a participation step.
fn two_revisions(name: &str) -> PathBuf {
    let dir = two_copies(name);
    let new = dir.join("new");
    edit(
        &new.join("powers/domestic.yaml"),
        "id: compelled-technical-assistance",
        "      - safeguard: prior-judicial-authorisation\n        status: discretionary",
        "      - safeguard: prior-judicial-authorisation\n        status: absent",
    );
    edit(
        &new.join("powers/domestic.yaml"),
        "id: compelled-technical-assistance",
        "concerns, 2024; on the adopted text, 2024).\n        sources: [eff-2024-07-electronic-data, eff-2024-07-key-concerns, eff-2024-adopted-text-risks]",
        "concerns, 2024; on the adopted text, 2024).\n        sources: [eff-2024-07-electronic-data, eff-2024-07-key-concerns, eff-2024-adopted-text-risks, eff-2023-08-surveillance-pact]",
    );
    let ctech = new.join("analyses/ctech-2024-08-privacy-concerns.yaml");
    let mut text = std::fs::read_to_string(&ctech).expect("readable");
    text.push_str(
        "  - id: data-held-abroad\n    summary: >-\n      Companies will be required to provide \
         data even if it was collected in other countries.\n    provisions: [\"27\"]\n    \
         powers: [production-order-electronic-data]\n    sources: [ctech-2024-08-privacy-concerns]\n",
    );
    std::fs::write(&ctech, text).expect("write");
    edit(
        &new.join("participation/participation.yaml"),
        "state: AZE",
        "      - step: domestic-approval\n        date: \"2026-02-23\"\n        note: >-\n          \
         The President signed the law approving the convention, to be ratified with Azerbaijan's\n          \
         declarations and reservations, which the report does not give. No deposit of an\n          \
         instrument with the Secretary-General is recorded: no source read gives one or its date.\n        \
         verification: verified\n        sources: [trend-2026-02-23-azerbaijan-law]\n",
        "",
    );
    dir
}

#[test]
fn diff_of_two_revisions_reads_like_a_review() {
    let dir = two_revisions("diff");
    let r = run_in(&dir, &["diff", "old", "new"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    assert_eq!(
        r.stdout,
        "\
## Dataset changes

`old` -> `new`: 3 changes (1 added, 1 removed, 1 changed).

### Powers and safeguards

- power `compelled-technical-assistance` (28(4)): prior-judicial-authorisation changed from discretionary to absent (source added: eff-2023-08-surveillance-pact)

### Analyses

- concern `data-held-abroad` of `ctech-2024-08-privacy-concerns` added (source: ctech-2024-08-privacy-concerns)

### Participation

- AZE: domestic-approval (2026-02-23) removed (source: trend-2026-02-23-azerbaijan-law)
"
    );

    let r = run_in(&dir, &["diff", "old", "new", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    let first = &v["changes"][0];
    assert_eq!(first["entity"], "safeguard-status");
    assert_eq!(first["change"], "changed");
    assert_eq!(first["parent"], "compelled-technical-assistance");
    assert_eq!(first["provision"], "28(4)");
    assert_eq!(first["fields"][0]["field"], "status");
    assert_eq!(first["fields"][0]["old"], "discretionary");
    assert_eq!(first["fields"][0]["new"], "absent");
    assert_eq!(first["sources_added"][0], "eff-2023-08-surveillance-pact");
    assert_eq!(v["changes"].as_array().map(Vec::len), Some(3));

    let r = run_in(&dir, &["diff", "new", "old"]);
    assert!(
        r.stdout.contains(
            "- power `compelled-technical-assistance` (28(4)): prior-judicial-authorisation changed from absent to discretionary (source removed: eff-2023-08-surveillance-pact)"
        ),
        "{}",
        r.stdout
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn diff_shows_dataset_text_as_text_in_markdown() {
    // A name that opens an HTML comment would hide every later change from the reviewer; one
    // with `@octocat` would notify that account, and `#12` would list the comment on issue 12.
    let dir = two_copies("diff-markup");
    edit(
        &dir.join("new/powers/domestic.yaml"),
        "id: expedited-preservation-stored-data",
        "name: Expedited preservation of stored electronic data",
        "name: \"<!-- *quiet* [x](y) a_b @octocat #12\"",
    );
    let r = run_in(&dir, &["diff", "old", "new"]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(
            "- power `expedited-preservation-stored-data` (25): name changed from \"Expedited \
             preservation of stored electronic data\" to \"\\<!-- \\*quiet\\* \\[x\\](y) a\\_b \
             @\u{200B}octocat #\u{200B}12\"\n"
        ),
        "{}",
        r.stdout
    );
}

#[test]
fn diff_reports_the_fields_of_chapters_and_files_as_well_as_their_entries() {
    // A renamed chapter, a reworded file note or another crosswalk target read "No semantic
    // change": only the entries below them were compared.
    let dir = two_copies("diff-files");
    let new = dir.join("new");
    edit(
        &new.join("convention/chapter-05.yaml"),
        "number: V",
        "title: International cooperation",
        "title: International co-operation",
    );
    edit(
        &new.join("participation/participation.yaml"),
        "note:",
        "The European Union, a regional",
        "The European Union, a regional (changed)",
    );
    edit(
        &new.join("concordance/zero-draft-to-final.yaml"),
        "note:",
        "The final text inserted",
        "The final text (changed) inserted",
    );
    edit(
        &new.join("crosswalks/budapest-convention.yaml"),
        "other:",
        "symbol: ETS No. 185",
        "symbol: ETS No. 186",
    );
    // A file's header is not one of its fields: written for schema 1.1, no file is a change,
    // whether it is an entity of its own (a chapter, an analysis) or a list of entries. What
    // schema 1.1 may have added is not compared, and the comment says so.
    let mut files = Vec::new();
    common::collect_yaml(&new, &mut files);
    for path in files {
        let text = std::fs::read_to_string(&path).expect("read");
        let text = text.replace("schema_version: \"1.0\"", "schema_version: \"1.1\"");
        std::fs::write(&path, text).expect("write");
    }
    let r = run_in(&dir, &["diff", "old", "new"]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "\
## Dataset changes

`old` -> `new`: 4 changes (0 added, 0 removed, 4 changed).

### Convention text

- chapter V: title changed from \"International cooperation\" to \"International co-operation\"
- concordance zero-draft -> final: note reworded
- crosswalk to `budapest-convention`: other.symbol changed from \"ETS No. 185\" to \"ETS No. 186\"

### Participation

- participation: note reworded

> **Note:** `new/analyses/ctech-2024-08-privacy-concerns.yaml`: the file was written for schema \
1.1, newer than this validator's 1.0; changes to what that version added are not compared \
(upgrade treaty to compare them)
"
    );
    assert!(
        r.stderr.ends_with(
            "treaty: `new/analyses/ctech-2024-08-privacy-concerns.yaml`: the file was written \
             for schema 1.1, newer than this validator's 1.0; changes to what that version \
             added are not compared (upgrade treaty to compare them)\n"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn diff_pairs_entries_that_share_an_identity_by_their_content() {
    // A second approval of the same day, inserted before the first: the first was paired with
    // the new entry by position, and reported as reworded.
    let dir = two_copies("diff-repeats");
    edit(
        &dir.join("new/participation/participation.yaml"),
        "state: AZE",
        "      - step: domestic-approval\n        date: \"2026-02-10\"\n",
        "      - step: domestic-approval\n        date: \"2026-02-10\"\n        note: A second \
         approval on the same day.\n        verification: verified\n        sources: \
         [trend-2026-02-10-azerbaijan-approval]\n      - step: domestic-approval\n        date: \
         \"2026-02-10\"\n",
    );
    let r = run_in(&dir, &["diff", "old", "new"]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "\
## Dataset changes

`old` -> `new`: 1 change (1 added, 0 removed, 0 changed).

### Participation

- AZE: domestic-approval (2026-02-10) added (source: trend-2026-02-10-azerbaijan-approval)
"
    );
}

#[test]
fn diff_of_identical_datasets_and_of_an_invalid_one() {
    let r = run(&["diff", "datasets", "datasets"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "## Dataset changes\n\nNo semantic change between `datasets` and `datasets`.\n"
    );
    let dir = tmp_dir("diff-invalid");
    copy_dir(&root().join("datasets"), &dir.join("broken"));
    edit(
        &dir.join("broken/powers/domestic.yaml"),
        "id: compelled-technical-assistance",
        "status: discretionary",
        "status: discretionnary",
    );
    let r = run_in(
        &dir,
        &[
            "diff",
            "broken",
            &root().join("datasets").display().to_string(),
        ],
    );
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
    assert!(r.stderr.contains("error[invalid-value]"), "{}", r.stderr);
    assert!(
        r.stderr
            .ends_with("treaty: the dataset in `broken` is not valid; fix it first (`treaty validate broken`)\n"),
        "{}",
        r.stderr
    );
    let r = run(&["diff", "datasets", "no/such/dir"]);
    assert_eq!(r.code, 2);
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------------------------
// treaty report

#[test]
fn report_writes_a_page_per_article_power_and_analysis() {
    let dir = tmp_dir("report");
    let site = dir.join("site");
    let r = run(&["report", "--out", site.to_str().expect("utf-8")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    let dataset = treaty_model::bundled().expect("valid");
    let articles: usize = dataset
        .bundle()
        .chapters
        .iter()
        .map(|c| c.articles.len())
        .sum();
    // index, coverage, the articles, powers and analyses, participation, text versions,
    // vocabulary, sources
    let pages = 2 + articles + dataset.powers().count() + dataset.bundle().analyses.len() + 4;
    let tables = treaty_model::export::tables(dataset)
        .expect("the bundled dataset is exportable")
        .len();
    let schemas = treaty_model::schema::all().len();
    assert_eq!(
        r.stderr,
        format!(
            "treaty: wrote {pages} pages, the JSON bundle, {tables} tables and {schemas} schemas to {}; open {}\n",
            site.display(),
            site.join("index.html").display()
        )
    );
    let html = std::fs::read_dir(&site)
        .expect("site")
        .filter(|e| e.as_ref().expect("entry").path().extension() == Some("html".as_ref()))
        .count();
    assert_eq!(html, pages);
    // The marker that lets a later run write here again.
    assert!(site.join(".treaty-output").is_file());
    for page in [
        "index.html",
        "coverage.html",
        "sources.html",
        "art_28.html",
        "power-compelled-technical-assistance.html",
        "analysis-eff-2024-07-electronic-data.html",
        "participation.html",
    ] {
        assert!(site.join(page).is_file(), "{page}");
    }
    let participation = std::fs::read_to_string(site.join("participation.html")).expect("page");
    assert!(
        participation.contains("<tr id=\"state-AZE\"><th scope=\"row\">AZE</th><td>2025-10-25 ")
    );
    let index = std::fs::read_to_string(site.join("index.html")).expect("page");
    assert!(index.contains(
        "<dt>Entry into force</dt><dd>not yet in force: 1 deposit recorded of the 40 required</dd>"
    ));
    assert!(index.contains(
        "<a href=\"participation.html\">62 states recorded: who signed when, who ratified</a>"
    ));
    // The text an analysis read is named in words, not by its id.
    assert!(index.contains(
        "<span class=\"meta\">Electronic Frontier Foundation, 2023-08; 21 concerns; on the zero draft</span>"
    ));
    // A concordance's mapping is its claim, shown with how far it was checked.
    let art4 = std::fs::read_to_string(site.join("art_4.html")).expect("page");
    assert!(art4.contains(
        "citing zero-draft:17 (final text: <a href=\"art_4.html\">4</a>, mapping unverified)"
    ));
    // A version's label leads to what that version is.
    assert!(art4.contains("<td><a href=\"versions.html#version-zero-draft\">Zero draft</a></td>"));
    assert!(art4.contains("<td>partly corresponds</td><td>Offences under other international instruments</td><td>unverified</td><td>The reference compilation says only"));
    // An offence's article shows the offence's claims, each with its sources; Article 2 its
    // terms.
    let art7 = std::fs::read_to_string(site.join("art_7.html")).expect("page");
    assert!(art7.contains(
        "<h3 id=\"offence-illegal-access\">Illegal access (<a href=\"art_7.html\">7</a>)</h3>\n<p class=\"meta\">Classed as a core cybercrime.</p>"
    ));
    assert!(art7.contains(
        "<dt>Intent requirement</dt><dd><span class=\"badge s-discretionary\">discretionary</span> (<a href=\"art_7.html#art_7__para_2\">7(2)</a>) The official text requires only"
    ));
    assert!(art7.contains(
        "<dt>Public-interest exemption</dt><dd><span class=\"badge s-absent\">absent</span> According to EFF&#x27;s key concerns,"
    ));
    let art2 = std::fs::read_to_string(site.join("art_2.html")).expect("page");
    assert!(art2.contains(
        "<dt id=\"term-ict-system\">information and communications technology system (<a href=\"art_2.html#art_2__point_a\">2(a)</a>)</dt><dd>Any device"
    ));
    assert_eq!(art2.matches("<dt id=\"term-").count(), 15);
    // What each safeguard and data category means, reached from the matrix's columns.
    let vocabulary = std::fs::read_to_string(site.join("vocabulary.html")).expect("page");
    assert!(vocabulary.contains(
        "<h3>Surveillance principle</h3>\n<dl class=\"terms\">\n<dt id=\"sg-legality\">Legality</dt><dd>Every power and its limits must be laid down in clear, accessible law."
    ));
    assert!(vocabulary.contains(
        "<dt id=\"data-electronic-data\">Electronic data (defined in <a href=\"art_2.html#art_2__point_b\">2(b)</a>)</dt>"
    ));
    assert!(vocabulary.contains("<h2 id=\"sensitive-data\">Sensitive data categories</h2>"));
    assert_eq!(
        vocabulary.matches("<dt id=\"sg-").count(),
        dataset.safeguards().count()
    );
    let matrix = std::fs::read_to_string(site.join("coverage.html")).expect("page");
    assert!(matrix.contains("<span><a href=\"vocabulary.html#sg-legality\">Legality</a></span>"));
    assert!(index.contains(
        "<li><a href=\"versions.html\">Text versions</a></li><li><a href=\"vocabulary.html\">Vocabulary</a></li>"
    ));
    // Each text version with its summary and milestones, linked from the index.
    let versions = std::fs::read_to_string(site.join("versions.html")).expect("page");
    assert!(versions.contains(
        "<h2 id=\"version-zero-draft\">Zero draft</h2>\n<dl class=\"facts\">\n<dt>Id</dt><dd><code>zero-draft</code></dd>\n<dt>Stage</dt><dd>draft</dd>\n<dt>Symbol</dt><dd>A/AC.291/22</dd>"
    ));
    assert!(versions.contains(
        "<tr><th scope=\"row\">Released</th><td>2024-06-14 (partly verified)</td><td></td><td>Dated 23 May, made public on 14 June 2024"
    ));
    assert!(index.contains(
        "<dt>Text versions</dt><dd><a href=\"versions.html#version-zero-draft\">Zero draft</a> (2023-06);"
    ));
    let art = std::fs::read_to_string(site.join("art_28.html")).expect("page");
    assert!(
        !art.contains("id=\"offences\""),
        "a power's article has no offence"
    );
    assert!(art.contains(
        "<tr><td>28</td><td>Council of Europe Convention on Cybercrime (Budapest Convention) (ETS No. 185)</td><td>Article 19: Search and seizure of stored computer data</td><td>corresponds</td><td>partly</td>"
    ));
    assert!(art.contains(
        "<p class=\"note\">Council of Europe Convention on Cybercrime (Budapest Convention): Articles matched by subject"
    ));
    assert!(art.contains("<section class=\"provision\" id=\"art_28__para_4\">"));
    assert!(art.contains("href=\"power-compelled-technical-assistance.html\""));

    // Writing again over an earlier report is fine; over anything else it is refused.
    let r = run(&["report", "--out", site.to_str().expect("utf-8")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let other = dir.join("notes");
    std::fs::create_dir_all(&other).expect("dir");
    std::fs::write(other.join("keep.txt"), "mine").expect("write");
    let r = run(&["report", "--out", other.to_str().expect("utf-8")]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        format!(
            "treaty: error: `{}` is not empty and was not written by treaty (it has no .treaty-output file): choose another directory, or pass --force to write into it (other files are kept; those with the name of a generated file are replaced)\n",
            other.display()
        )
    );
    assert!(other.join("keep.txt").is_file());
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------------------------
// treaty participation

#[test]
fn participation_lists_each_state_with_what_its_sources_say() {
    let r = run(&["participation", "--state", "AZE"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with(
            "Entry into force: not yet in force: 1 deposit recorded of the 40 required\n  rule (65(1)): the 90th day after the deposit of the 40th instrument of ratification, acceptance,\n"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.ends_with(
            "\nStates (1 recorded: 1 with a signature, 0 with a deposit of ratification, acceptance, approval or accession):
  AZE  signature 2025-10-25               [UN Treaty Collection, chapter XVIII-16; Report.az (Azerbaijan first to ratify)]
         A news report says, citing the UN website, that Azerbaijan signed with reservations; it
         does not name them, so none is recorded.
       domestic approval 2026-02-10       [Trend, 10 February 2026]
         The parliament (Milli Majlis) approved the law on the convention submitted by the
         President.
       domestic approval 2026-02-23       [Trend, 23 February 2026]
         The President signed the law approving the convention, to be ratified with Azerbaijan's
         declarations and reservations, which the report does not give. No deposit of an instrument
         with the Secretary-General is recorded: no source read gives one or its date.
"
        ),
        "{}",
        r.stdout
    );

    let r = run(&["participation"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("\nStates (62 recorded: 62 with a signature, 1 with a deposit of ratification, acceptance, approval or accession):\n"), "{}", r.stdout);
    let listed = r
        .stdout
        .lines()
        // A state's first line: two spaces, its alpha-3 code, two spaces.
        .filter(|l| {
            let b = l.as_bytes();
            b.len() > 7
                && b.starts_with(b"  ")
                && b[2..5].iter().all(u8::is_ascii_uppercase)
                && &b[5..7] == b"  "
        })
        .count();
    assert_eq!(listed, 62, "{}", r.stdout);
    for line in [
        "  JAM  signature, date not known (partly) [UN Treaty Collection, chapter XVIII-16; the \
         project's reference compilation]\n",
        "  QAT  signature 2025-10-25               [Qatar News Agency, 13 November 2025]\n",
        "       ratification, date not known (unverified) [The Machine Herald, 21 May 2026]\n",
        "  72 signatories as of 2025-10 [UN Treaty Collection, chapter XVIII-16; Newshour, 29 October 2025; Agence Ecofin, October 2025]\n",
        "  ZAF  signature 2025-10-25               [VOV World, October 2025; Agence Ecofin, October 2025]\n",
        "  3 parties as of 2026-05 (unverified) [The Machine Herald, 21 May 2026]\n",
        "  CAN  signature 2026-07 (unverified)     [Michael Geist, July 2026]\n",
        "  77 signatories as of 2026-07 (unverified) [Michael Geist, July 2026]\n",
    ] {
        assert!(r.stdout.contains(line), "{line}{}", r.stdout);
    }
    // Sources are cited as a reader cites them, never by id.
    assert!(!r.stdout.contains("untc-xviii-16"), "{}", r.stdout);

    let r = run(&["participation", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    assert_eq!(v["entry_into_force"]["status"], "pending");
    assert_eq!(v["entry_into_force"]["deposits"], 1);
    assert_eq!(v["states"].as_array().map(Vec::len), Some(62));
    assert_eq!(v["states"][0]["state"], "AGO");
}

#[test]
fn participation_of_a_state_not_recorded_or_not_a_state() {
    let r = run(&["participation", "--state", "USA"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr,
        "treaty: no participation is recorded for USA\n  `treaty participation` lists every state recorded\n"
    );
    // Case carries no meaning on a command line.
    let r = run(&["participation", "--state", "aze"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("\n  AZE  signature 2025-10-25"),
        "{}",
        r.stdout
    );
    let r = run(&["participation", "--state", "XXX"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("`XXX` is not an assigned ISO 3166-1 alpha-3 country code"),
        "{}",
        r.stderr
    );
}

/// `treaty participation` as of `day` (its `SOURCE_DATE_EPOCH`, in seconds).
fn participation_on(day: u64, data: &str, format: &str) -> common::Run {
    let out = common::treaty_in(&root())
        .args(["participation", "--data", data, "--format", format])
        .env("SOURCE_DATE_EPOCH", day.to_string())
        .output()
        .expect("treaty runs");
    common::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A malformed `SOURCE_DATE_EPOCH` stops the command: an edition dated "now", or 1970, when
/// the caller asked for a fixed day would not be the one asked for.
#[test]
fn a_malformed_source_date_epoch_is_an_error() {
    let data = root().join("datasets");
    let data = data.to_str().expect("utf-8");
    for value in ["yesterday", "-1", "1e9"] {
        let out = common::treaty_in(&root())
            .args(["participation", "--data", data])
            .env("SOURCE_DATE_EPOCH", value)
            .output()
            .expect("treaty runs");
        assert_eq!(out.status.code(), Some(2), "{value}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            format!(
                "treaty: error: SOURCE_DATE_EPOCH is `{value}`, not a whole number of seconds \
                 since 1970-01-01\n"
            )
        );
        assert!(out.stdout.is_empty());
    }
    // Set but empty, as a CI configuration may leave it, is unset: today.
    let out = common::treaty_in(&root())
        .args(["participation", "--data", data])
        .env("SOURCE_DATE_EPOCH", "")
        .output()
        .expect("treaty runs");
    assert_eq!(out.status.code(), Some(0));
}

/// Forty deposits bring the convention into force on the ninetieth day after the fortieth. A
/// deposit dated only to the month stands for each day of it: it may fix which deposit is the
/// fortieth, or leave the day open. A computed date still ahead is not "in force".
#[test]
fn entry_into_force_is_computed_from_the_fortieth_deposit() {
    const JUN_1: u64 = 1_780_272_000;
    const JUL_1: u64 = 1_782_864_000;
    const AUG_1: u64 = 1_785_542_400;
    const DEC_4: u64 = 1_796_342_400;
    let dir = tmp_dir("in-force");
    let data = dir.join("datasets");
    copy_dir(&root().join("datasets"), &data);
    let codes = [
        "AGO", "ARE", "AUS", "AUT", "AZE", "BEL", "BFA", "BLR", "BRA", "BRN", "CHL", "CHN", "CIV",
        "COD", "CRI", "CUB", "CZE", "DJI", "DOM", "DZA", "ECU", "EGY", "ESP", "FRA", "GBR", "GHA",
        "GNB", "GRC", "IRL", "IRN", "JAM", "KHM", "LUX", "NIC", "POL", "PRK", "PRT", "QAT",
    ];
    let write = |russia: &str, slovakia: &str| {
        let mut yaml = String::from("kind: participation\nschema_version: \"1.0\"\nstates:\n");
        let mut step = |code: &str, date: &str| {
            yaml.push_str(&format!(
                "  - state: {code}\n    steps:\n      - step: ratification\n        date: \"{date}\"\n        verification: verified\n        sources: [untc-xviii-16]\n"
            ));
        };
        for code in codes {
            step(code, "2026-03-01");
        }
        step("RUS", russia);
        step("SVK", slovakia);
        step("ZWE", "2026-06-15");
        step("SWE", "2026-07-01");
        std::fs::write(data.join("participation/participation.yaml"), yaml).expect("write");
    };
    let data_arg = data.to_str().expect("utf-8");
    let first_line = |day: u64| {
        let r = participation_on(day, data_arg, "human");
        assert_eq!(r.code, 0, "{}", r.stderr);
        r.stdout.lines().next().unwrap_or_default().to_owned()
    };
    let entry_on = |day: u64| -> serde_json::Value {
        let r = participation_on(day, data_arg, "json");
        assert_eq!(r.code, 0, "{}", r.stderr);
        let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
        v["entry_into_force"].clone()
    };

    // RUS's deposit, dated May 2026, is the fortieth whichever day of May it was: entry into
    // force falls from 2026-07-30 to 2026-08-29. (Counting full dates only gave ZWE's
    // deposit and 2026-09-13.)
    write("2026-05", "2026-04-01");
    assert_eq!(
        first_line(DEC_4),
        "Entry into force: in force since a day from 2026-07-30 to 2026-08-29 (computed: the deciding deposit was RUS's; deposits without a full date leave the day open)"
    );
    assert_eq!(
        first_line(AUG_1),
        "Entry into force: enters into force on a day from 2026-07-30 to 2026-08-29; it may already be in force (computed: the deciding deposit was RUS's; deposits without a full date leave the day open)"
    );
    assert_eq!(
        first_line(JUL_1),
        "Entry into force: enters into force on a day from 2026-07-30 to 2026-08-29 (computed: the deciding deposit was RUS's; deposits without a full date leave the day open)"
    );
    let e = entry_on(AUG_1);
    assert_eq!(e["status"], "perhaps-in-force");
    assert_eq!(e["date"], serde_json::Value::Null);
    assert_eq!(
        (&e["earliest"], &e["latest"]),
        (&"2026-07-30".into(), &"2026-08-29".into())
    );
    assert_eq!(e["decisive_state"], "RUS");
    assert_eq!((&e["deposits"], &e["required"]), (&42.into(), &40.into()));

    // Dated February, RUS's deposit is certainly before the others: SVK's of 2026-04-01 is
    // the fortieth, and the date is exact. Before it comes, the convention is not in force.
    write("2026-02", "2026-04-01");
    assert_eq!(
        first_line(JUN_1),
        "Entry into force: enters into force on 2026-06-30 (computed: the deciding deposit was SVK's)"
    );
    let e = entry_on(JUN_1);
    assert_eq!(e["status"], "entering-into-force");
    assert_eq!(e["date"], "2026-06-30");
    assert_eq!(
        first_line(JUL_1),
        "Entry into force: in force since 2026-06-30 (computed: the deciding deposit was SVK's)"
    );
    let e = entry_on(JUL_1);
    assert_eq!(e["status"], "in-force");

    // (A state with two entries, whose deposits would count twice, is a `duplicate-id` that
    // cannot be allowed: no dataset holds one.)
    let file = data.join("participation/participation.yaml");

    // Two steps of one entry: SVK's deposit recorded as of 2026 and as of 2026-04-01 came by
    // April 1 at the latest, and perhaps as early as January. (Keeping the year alone, SVK's
    // deposit could have come as late as December.)
    write("2026-02", "2026-04-01");
    let yaml = std::fs::read_to_string(&file).expect("read");
    let svk = "  - state: SVK\n    steps:\n";
    std::fs::write(
        &file,
        yaml.replace(svk, &format!("{svk}      - step: ratification\n        date: \"2026\"\n        verification: verified\n        sources: [untc-xviii-16]\n")),
    )
    .expect("write");
    let e = entry_on(JUL_1);
    assert_eq!(
        (&e["earliest"], &e["latest"], &e["status"]),
        (
            &"2026-05-30".into(),
            &"2026-06-30".into(),
            &"in-force".into()
        )
    );

    // Dated May both, RUS's and SVK's deposits are the thirty-ninth and the fortieth in an
    // order the dates do not give: the range stands, but no state is named as deciding.
    write("2026-05", "2026-05");
    assert_eq!(
        first_line(DEC_4),
        "Entry into force: in force since a day from 2026-07-30 to 2026-08-29 (computed: deposits without a full date leave the day open)"
    );
    let e = entry_on(DEC_4);
    assert_eq!(e["decisive_state"], serde_json::Value::Null);

    // The published edition speaks as of the day it is built.
    write("2026-02", "2026-04-01");
    let site = dir.join("site");
    let out = common::treaty_in(&root())
        .args(["report", "--data", data_arg, "--out"])
        .arg(&site)
        .env("SOURCE_DATE_EPOCH", JUN_1.to_string())
        .output()
        .expect("treaty runs");
    assert_eq!(out.status.code(), Some(0));
    let page = std::fs::read_to_string(site.join("participation.html")).expect("page");
    assert!(page.contains(
        "<dt>Entry into force</dt><dd>enters into force on 2026-06-30 (computed: the deciding deposit was SVK&#x27;s)</dd>"
    ), "{page}");
    assert!(page.contains("<dt>States recorded</dt><dd>42: 0 with a signature, 42 with a deposit"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Issue 15: every source is linked to its address on the list of sources, and every claim to
/// its sources, cited by name rather than by id.
#[test]
fn report_links_sources_to_their_addresses_and_claims_to_their_sources() {
    let dir = tmp_dir("report-sources");
    let site = dir.join("site");
    let r = run(&["report", "--out", site.to_str().expect("utf-8")]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let dataset = treaty_model::bundled().expect("valid");
    let list = std::fs::read_to_string(site.join("sources.html")).expect("sources page");
    let mut with_address = 0;
    for s in dataset.bundle().sources.iter().flat_map(|f| &f.sources) {
        assert!(
            list.contains(&format!("<li id=\"src-{}\"><strong>", s.id)),
            "{} has no entry",
            s.id
        );
        if let Some(u) = &s.url {
            with_address += 1;
            assert!(
                list.contains(&format!("<a href=\"{u}\">{u}</a>")),
                "{} is not linked to {u}",
                s.id
            );
        }
    }
    assert!(
        with_address >= 8,
        "only {with_address} sources have an address"
    );
    assert!(list.contains(
        "<strong>EFF, July 2024 (electronic data)</strong>: <cite>UN Cybercrime Draft Convention \
         Dangerously Expands State Surveillance Powers Without Robust Privacy, Data Protection \
         Safeguards</cite>. Katitza Rodriguez. Electronic Frontier Foundation (EFF Deeplinks), \
         2024-07-09. <a href=\"https://www.eff.org/deeplinks/2024/07/"
    ));

    let power = std::fs::read_to_string(site.join("power-compelled-technical-assistance.html"))
        .expect("power page");
    assert!(power.contains(
        "<a href=\"sources.html#src-eff-2024-07-key-concerns\">EFF key concerns, 2024</a>"
    ));
    // Every source the page lists is cited where its claim is: the data category's too.
    assert!(power.contains(
        "<dt>Which data</dt><dd>Electronic data (defined in Article <a href=\"art_2.html#art_2__point_b\">2(b)</a>) <span class=\"src\">[sources: <a href=\"sources.html#src-reference-facts\">the project&#x27;s reference compilation</a>; <a href=\"sources.html#src-eff-2024-07-electronic-data\">EFF, July 2024 (electronic data)</a>; <a href=\"sources.html#src-ctech-2024-08-privacy-concerns\">CTech, August 2024</a>]</span></dd>"
    ), "{power}");
    for entry in std::fs::read_dir(&site).expect("site") {
        let path = entry.expect("entry").path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("power-") || name.starts_with("analysis-") || name == "sources.html" {
            let html = std::fs::read_to_string(&path).expect("page");
            assert!(
                !html.to_lowercase().contains("seed"),
                "{name} mentions seeds"
            );
            assert!(
                !html.contains("shared/"),
                "{name} names a path outside the repository"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_new_command_has_examples_in_its_help() {
    for command in ["coverage", "explain", "diff", "report", "participation"] {
        let r = run(&[command, "--help"]);
        assert_eq!(r.code, 0);
        assert!(
            r.stdout.contains("Examples:\n  treaty "),
            "{command}: {}",
            r.stdout
        );
        assert!(
            r.stdout.contains("Exit codes: 0 "),
            "{command}: {}",
            r.stdout
        );
    }
}

#[test]
fn diff_follows_a_list_of_records_to_the_field_that_changed() {
    // It read "milestones changed", leaving the reviewer to find which of six.
    let dir = two_copies("diff-milestone");
    let new = dir.join("new");
    edit(
        &new.join("instrument.yaml"),
        "adopted-by-general-assembly",
        "2024-12-24",
        "2024-12-23",
    );
    let r = run_in(&dir, &["diff", "old", "new"]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(
            "- text version `final`: milestones[1].date changed from 2024-12-24 to 2024-12-23\n"
        ),
        "{}",
        r.stdout
    );
}
