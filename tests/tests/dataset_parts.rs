//! Checking part of a dataset, and what a broken file does to the rest: the named files'
//! own diagnostics, cross-file ones that point into them, and no cascade from a file that
//! does not load.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use treaty_model::diagnostic::{Code, Report, Severity};
use treaty_model::validate::{
    Options, validate_buffer, validate_inputs, validate_paths, validate_paths_without,
};
use treaty_tests::hostile::temp_dir;

fn base_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/base")
}

fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A copy of the base dataset in a fresh directory.
fn base_copy(label: &str) -> PathBuf {
    let dir = temp_dir(label);
    for entry in fs::read_dir(base_dir()).unwrap() {
        let p = entry.unwrap().path();
        fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
    }
    dir
}

/// Replaces the first `from` in a file with `to`; the file must hold `from`.
fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// A powers file that does not parse: `[` is never closed (`yaml-syntax` at 4:1).
const BROKEN_POWERS: &str = "kind: powers\nschema_version: \"1.0\"\npowers: [\n";

fn shown(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

/// (code, severity, file, line, column) of every diagnostic.
fn found(report: &Report) -> Vec<(Code, Severity, String, u32, u32)> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            let l = d.location.as_ref().expect("a location");
            (
                d.code,
                d.severity,
                l.file.clone(),
                l.start.line,
                l.start.column,
            )
        })
        .collect()
}

#[test]
fn one_file_of_a_valid_dataset_is_valid_alone() {
    let file = repository().join("datasets/powers/domestic.yaml");
    let v = validate_paths(&[file], &Options::default());
    assert_eq!(found(&v.report), []);
    assert_eq!(v.report.files, 1);
    // The dataset's two inline suppressions are in sources.yaml, not in the named file.
    assert_eq!(v.report.suppressed.len(), 0);
}

#[test]
fn one_subdirectory_of_a_valid_dataset_is_valid_alone() {
    let dir = repository().join("datasets/powers");
    let v = validate_paths(&[dir], &Options::default());
    assert_eq!(found(&v.report), []);
    assert_eq!(v.report.files, 2);
}

/// A file about to be replaced is read as if it were not there, under any spelling of its
/// path: its errors neither show nor keep the dataset from loading, and what it defines is no
/// part of the dataset. A path that names no file leaves out nothing.
#[test]
fn a_file_left_out_is_read_as_if_it_were_not_there() {
    let dir = base_copy("left-out");
    let draft = dir.join("draft.yaml");
    fs::write(&draft, BROKEN_POWERS).unwrap();
    let whole = std::slice::from_ref(&dir);
    let v = validate_paths(whole, &Options::default());
    assert_eq!(
        found(&v.report),
        [(Code::YamlSyntax, Severity::Error, shown(&draft), 4, 1)]
    );

    let v = validate_paths_without(
        whole,
        &dir.join(".").join("draft.yaml"),
        &Options::default(),
    );
    assert_eq!(found(&v.report), []);
    assert_eq!(v.report.files, 15);
    let dataset = v.dataset.expect("valid without the draft");
    assert_eq!(dataset.bundle().analyses.len(), 1);
    // Read around a named part too.
    let named = [dir.join("sources.yaml")];
    let v = validate_paths_without(&named, &draft, &Options::default());
    assert_eq!(found(&v.report), []);
    assert!(v.dataset.is_some());

    // A valid file left out takes what it defines with it.
    fs::remove_file(&draft).unwrap();
    let analysis = dir.join("analysis-zero-draft.yaml");
    let v = validate_paths_without(whole, &analysis, &Options::default());
    assert_eq!(found(&v.report), []);
    let dataset = v.dataset.expect("valid");
    assert_eq!(dataset.bundle().analyses.len(), 0);

    // Nothing at the path: nothing left out.
    let v = validate_paths_without(whole, &draft, &Options::default());
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(v.report.files, 15);
    assert_eq!(v.dataset.expect("valid").bundle().analyses.len(), 1);
}

/// Renaming or removing an id in the file checked breaks references in files nobody named:
/// those errors are the named file's doing, and the pre-commit hook, which names only the
/// changed file, must not let the change through.
#[test]
fn a_reference_elsewhere_broken_by_the_named_file_is_reported_with_it() {
    let dir = base_copy("renamed-id");
    let named = dir.join("powers-domestic.yaml");
    edit(
        &named,
        "id: expedited-preservation\n",
        "id: expedited-preservations\n",
    );
    let v = validate_paths(std::slice::from_ref(&named), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    let elsewhere = shown(&dir.join("powers-cross-border.yaml"));
    assert_eq!(
        found(&v.report),
        [(Code::UnknownReference, Severity::Error, elsewhere, 14, 27)]
    );
    let d = &v.report.diagnostics[0];
    assert_eq!(d.message, "no power has the id `expedited-preservation`");
    assert_eq!(d.related.len(), 1);
    let at = &d.related[0].location;
    assert_eq!(
        (at.file.as_str(), at.start.line, at.start.column),
        (shown(&named).as_str(), 6, 9)
    );
    assert_eq!(d.related[0].message, "a close id, in a file being checked");
    assert_eq!(v.report.files, 1);
    assert!(!v.report.is_valid());
}

/// A broken reference whose closest id is not in the named file is not its doing: it stays
/// out of the report, even when the named file holds ids of that kind (it is still withheld
/// from the dataset).
#[test]
fn a_broken_reference_unrelated_to_the_named_file_is_not_its_report() {
    let dir = base_copy("unrelated-reference");
    let other = dir.join("powers-cross-border.yaml");
    edit(
        &other,
        "domestic_counterpart: expedited-preservation",
        "domestic_counterpart: expedited-preserve",
    );
    let named = dir.join("sources.yaml");
    let v = validate_paths(std::slice::from_ref(&named), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(found(&v.report), []);
    assert!(v.dataset.is_none());

    // A typo in an analysis, of a power defined in the cross-border file, is not the doing of
    // the domestic powers file checked alone.
    fn copy_all(from: &Path, to: &Path) {
        fs::create_dir_all(to).unwrap();
        for entry in fs::read_dir(from).unwrap() {
            let p = entry.unwrap().path();
            let target = to.join(p.file_name().unwrap());
            if p.is_dir() {
                copy_all(&p, &target);
            } else {
                fs::copy(&p, &target).unwrap();
            }
        }
    }
    let dir = temp_dir("unrelated-typo");
    copy_all(&repository().join("datasets"), &dir);
    let analysis = dir.join("analyses/eff-2024-key-concerns.yaml");
    edit(&analysis, "powers: [network-24-7]", "powers: [network-247]");
    // And one whose nearest id in the domestic file (`interception-of-content-data`) is less
    // near than the cross-border id it was meant to be.
    let analysis = dir.join("analyses/eff-2023-08-international-cooperation.yaml");
    let text = fs::read_to_string(&analysis).unwrap();
    assert!(text.contains("- mla-interception-of-content-data\n"));
    fs::write(
        &analysis,
        text.replacen(
            "- mla-interception-of-content-data\n",
            "- mla-interception-of-contnt-data\n",
            1,
        ),
    )
    .unwrap();
    let named = dir.join("powers/domestic.yaml");
    let v = validate_paths(std::slice::from_ref(&named), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(found(&v.report), []);
    assert!(v.dataset.is_none());
}

/// A value the schema rejects is its file's error; the checks of other files do not judge by
/// it (every power of the chapter was reported as in the wrong chapter, `iv`).
#[test]
fn a_malformed_chapter_number_is_one_error_not_one_per_power() {
    let dir = base_copy("chapter-number");
    let chapter = dir.join("chapter-04.yaml");
    edit(&chapter, "\nnumber: IV\n", "\nnumber: iv\n");
    let v = validate_paths(std::slice::from_ref(&dir), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(
        found(&v.report),
        [(Code::InvalidFormat, Severity::Error, shown(&chapter), 5, 9)]
    );
}

/// An allow comment in a file with an error of its own is not called unused: the check it is
/// meant for may not have run on a file the model could not read whole.
#[test]
fn an_error_in_a_file_does_not_make_its_allow_comments_unused() {
    let dir = base_copy("allow-beside-error");
    let sources = dir.join("sources.yaml");
    let text = fs::read_to_string(&sources).unwrap();
    let text = text.replace(
        "url: https://example.org/test-source-a",
        "url: ftp://example.org/test-source-a",
    ) + "  # treaty: allow(source-without-address) an unpublished test source\n  - id: test-source-unpublished\n    title: Test source without an address\n    kind: reference\n    verification: unverified\n";
    fs::write(&sources, text).unwrap();
    let v = validate_paths(std::slice::from_ref(&dir), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(
        found(&v.report),
        [(
            Code::InvalidFormat,
            Severity::Error,
            shown(&sources),
            10,
            10
        )]
    );
}

/// No paths, or no inputs, is a mistaken call (a glob that matched nothing): it must not
/// pass as a valid, empty dataset.
#[test]
fn nothing_to_validate_is_an_error_not_an_empty_dataset() {
    for v in [
        validate_paths(&[], &Options::default()),
        validate_inputs(&[], &Options::default()),
    ] {
        let shown: Vec<(Code, Severity, &str)> = v
            .report
            .diagnostics
            .iter()
            .map(|d| (d.code, d.severity, d.message.as_str()))
            .collect();
        assert_eq!(
            shown,
            [(Code::Io, Severity::Error, "no dataset files were given")]
        );
        assert!(v.dataset.is_none());
    }
    assert!(treaty_model::validate::load(&[]).is_err());
}

/// A file checked away from its dataset defines none of the vocabularies and sources it
/// refers to: one error per kind says so, not one per reference (585 for the repository's
/// domestic powers).
#[test]
fn a_kind_with_no_id_defined_is_one_error_per_file_not_one_per_reference() {
    let path = base_dir().join("powers-domestic.yaml");
    let inputs = [treaty_model::validate::Input::new(
        "alone.yaml",
        fs::read(&path).unwrap(),
    )];
    let v = validate_inputs(&inputs, &Options::default());
    type Shown<'a> = (Code, Option<(u32, u32)>, &'a str);
    let shown: Vec<Shown<'_>> = v
        .report
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.code,
                d.location.as_ref().map(|l| (l.start.line, l.start.column)),
                d.message.as_str(),
            )
        })
        .collect();
    let none_of = |noun: &str, n: u32| {
        format!(
            "no {noun} is defined in the files checked, so none of the {n} references to one in \
             this file can resolve (this is the first)"
        )
    };
    let (data, sensitive, source, safeguard) = (
        none_of("data category", 4),
        none_of("sensitivity category", 3),
        none_of("source", 12),
        none_of("safeguard", 3),
    );
    assert_eq!(
        shown,
        [
            (
                Code::MissingInstrument,
                None,
                "the dataset has no file of kind `instrument`, so no text version is defined"
            ),
            (Code::UnknownReference, Some((12, 23)), data.as_str()),
            (Code::UnknownReference, Some((13, 22)), sensitive.as_str()),
            (Code::UnknownReference, Some((18, 17)), source.as_str()),
            (Code::UnknownReference, Some((35, 20)), safeguard.as_str()),
        ]
    );
}

/// An error that is allowed, in a file the model reads whole, does not hide a stale allow
/// beside it: `--deny-warnings` in CI still catches the comment that silences nothing.
#[test]
fn an_allowed_error_does_not_hide_a_stale_allow_in_the_same_file() {
    let dir = base_copy("allowed-and-stale");
    let powers = dir.join("powers-domestic.yaml");
    let text = fs::read_to_string(&powers).unwrap().replacen(
        "    data_categories: [electronic-data]\n    sensitive_data: [biometric]\n    compellable:",
        "    # treaty: allow(unknown-reference) a category the vocabulary will add\n    data_categories: [electronic-data, brand-new-category]\n    sensitive_data: [biometric]\n    # treaty: allow(scope-mismatch) stale\n    compellable:",
        1,
    );
    fs::write(&powers, text).unwrap();
    let v = validate_paths(std::slice::from_ref(&dir), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(
        found(&v.report),
        [(
            Code::UnusedSuppression,
            Severity::Warning,
            shown(&powers),
            15,
            5
        )]
    );
    assert_eq!(v.report.suppressed.len(), 1);
}

/// An inline allow of `unknown-reference` covers its own line only: in a file that has one,
/// references to a kind nothing defines are reported one by one, not as one error the allow
/// would silence whole.
#[test]
fn an_allow_in_a_file_checked_alone_silences_only_its_own_line() {
    let text = fs::read_to_string(base_dir().join("powers-domestic.yaml"))
        .unwrap()
        .replacen(
            "    data_categories: [electronic-data]\n",
            "    # treaty: allow(unknown-reference) the vocabulary is checked in its own file\n    data_categories: [electronic-data]\n",
            1,
        );
    let inputs = [treaty_model::validate::Input::new(
        "alone.yaml",
        text.into_bytes(),
    )];
    let v = validate_inputs(&inputs, &Options::default());
    let data_category = |d: &&treaty_model::diagnostic::Diagnostic| {
        d.code == Code::UnknownReference && d.message.starts_with("no data category")
    };
    assert_eq!(v.report.suppressed.len(), 1);
    assert!(data_category(&&v.report.suppressed[0].diagnostic));
    assert_eq!(v.report.diagnostics.iter().filter(data_category).count(), 3);
}

/// While a file does not load, the references that may point into it are withheld, so an
/// allow of one of them, in a file read whole, silences nothing this time: it is not called
/// unused, whose advice (remove it) would be wrong once the broken file is fixed.
#[test]
fn an_allow_of_a_withheld_reference_is_not_unused_while_a_file_does_not_load() {
    let dir = base_copy("allow-withheld");
    let powers = dir.join("powers-domestic.yaml");
    let text = fs::read_to_string(&powers).unwrap().replacen(
        "    data_categories: [electronic-data]\n",
        "    # treaty: allow(unknown-reference) a category the vocabulary will add\n    data_categories: [electronic-data, brand-new-category]\n",
        1,
    );
    fs::write(&powers, text).unwrap();
    let valid = validate_paths(std::slice::from_ref(&dir), &Options::default());
    assert_eq!(found(&valid.report), []);
    assert_eq!(valid.report.suppressed.len(), 1);
    let vocabulary = dir.join("data-categories.yaml");
    edit(&vocabulary, "kind: data-categories", "kind data-categories");
    let v = validate_paths(std::slice::from_ref(&dir), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    let codes: Vec<Code> = v.report.diagnostics.iter().map(|d| d.code).collect();
    assert!(!codes.contains(&Code::UnusedSuppression), "{codes:?}");
    assert!(codes.contains(&Code::UncheckedReferences), "{codes:?}");
}

/// References withheld because a file did not load are counted one by one in its note, even
/// where no id of their kind is left defined.
#[test]
fn the_note_on_a_broken_vocabulary_counts_every_reference_into_it() {
    let dir = base_copy("broken-vocabulary");
    let vocabulary = dir.join("data-categories.yaml");
    edit(&vocabulary, "kind: data-categories", "kind data-categories");
    let v = validate_paths(std::slice::from_ref(&dir), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    let note = v
        .report
        .diagnostics
        .iter()
        .find(|d| d.code == Code::UncheckedReferences)
        .expect("a note");
    assert_eq!(
        note.message,
        "the file did not load, so 10 references that may point into it were not checked"
    );
}

/// A broken instrument leaves every text version undefined: its own error, no
/// `missing-instrument`, and the references to text versions (eight `text_version` fields,
/// the concordance's `from` and `to`) counted in its note like those into any file that does
/// not load (they were passed over in silence).
#[test]
fn a_broken_instrument_gives_its_error_and_one_note_counting_the_text_versions_cited() {
    let dir = base_copy("broken-instrument");
    let instrument = dir.join("instrument.yaml");
    edit(
        &instrument,
        "short_title: Test convention",
        "short_title: Test: [",
    );
    let v = validate_paths(std::slice::from_ref(&dir), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    let i = shown(&instrument);
    assert_eq!(
        found(&v.report),
        [
            (Code::YamlSyntax, Severity::Error, i.clone(), 6, 18),
            (Code::UncheckedReferences, Severity::Note, i, 1, 1),
        ]
    );
    let note = &v.report.diagnostics[1];
    assert_eq!(
        note.message,
        "the file did not load, so 10 references that may point into it were not checked"
    );
}

#[test]
fn a_broken_file_that_others_reference_gives_its_error_and_one_note() {
    let dir = base_copy("broken-referenced");
    let broken = dir.join("powers-domestic.yaml");
    fs::write(&broken, BROKEN_POWERS).unwrap();
    let v = validate_paths(std::slice::from_ref(&dir), &Options::default());
    let report = v.report;
    let _ = fs::remove_dir_all(&dir);
    let b = shown(&broken);
    assert_eq!(
        found(&report),
        [
            (Code::YamlSyntax, Severity::Error, b.clone(), 4, 1),
            (Code::UncheckedReferences, Severity::Note, b, 1, 1),
        ]
    );
    assert_eq!(
        report.diagnostics[1].message,
        "the file did not load, so 1 reference that may point into it was not checked"
    );
    assert!(!report.is_valid());
}

#[test]
fn a_file_checked_alone_is_told_when_a_file_it_may_reference_did_not_load() {
    let dir = base_copy("broken-beside-part");
    let broken = dir.join("powers-domestic.yaml");
    fs::write(&broken, BROKEN_POWERS).unwrap();
    // The named file refers to a power of the broken one, and to a data category that does
    // not exist: neither can be checked, and the part must not pass as if they were.
    let named = dir.join("powers-cross-border.yaml");
    edit(&named, "[electronic-data", "[electronic-dta");
    let v = validate_paths(std::slice::from_ref(&named), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(
        found(&v.report),
        [(
            Code::UncheckedReferences,
            Severity::Note,
            shown(&broken),
            1,
            1
        )]
    );
    assert_eq!(
        v.report.diagnostics[0].message,
        "the file did not load, so 2 references that may point into it were not checked"
    );
    assert_eq!(v.report.files, 1);
}

#[test]
fn a_file_checked_beside_a_broken_one_it_does_not_refer_to_has_nothing_unchecked() {
    // The sources refer to no power: the broken powers file withholds none of their
    // references, so the note (which counts the named files' references) is not made.
    let dir = base_copy("broken-beside-unrelated");
    fs::write(dir.join("powers-domestic.yaml"), BROKEN_POWERS).unwrap();
    let v = validate_paths(&[dir.join("sources.yaml")], &Options::default());
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(found(&v.report), []);
    assert!(v.report.is_valid());
}

#[test]
fn an_entry_the_model_cannot_read_still_defines_its_id_and_the_others_are_checked() {
    let dir = base_copy("entry-set-aside");
    let broken = dir.join("powers-domestic.yaml");
    let text = fs::read_to_string(&broken).unwrap();
    // The first power loses a required field (the cross-border powers refer to it); the
    // third, which reads, refers to a data category that does not exist.
    let text = text
        .replacen(
            "    summary: Orders the quick preservation of specified data (test data).\n",
            "",
            1,
        )
        .replacen(
            "data_categories: [electronic-data, content-data]",
            "data_categories: [electronic-data, contents-data]",
            1,
        );
    fs::write(&broken, text).unwrap();
    let v = validate_paths(std::slice::from_ref(&dir), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    let b = shown(&broken);
    // No `unknown-reference` for `expedited-preservation` in powers-cross-border.yaml, and
    // no note: nothing went unchecked but what the broken entry itself refers to.
    assert_eq!(
        found(&v.report),
        [
            (Code::MissingField, Severity::Error, b.clone(), 6, 5),
            (Code::UnknownReference, Severity::Error, b, 62, 40),
        ]
    );
}

/// A value the schema rejects but the model can still read (a paragraph numbered 0) makes the
/// chapter describe another provision than the one it meant: the references to its text
/// version's provisions are held back, as for an entry set aside, and one note counts them.
/// So they are while another file does not load at all.
#[test]
fn a_paragraph_number_the_schema_rejects_does_not_cascade() {
    let dir = base_copy("rejected-paragraph");
    let chapter = dir.join("chapter-04.yaml");
    edit(&chapter, "      - number: 4\n", "      - number: 0\n");
    let c = shown(&chapter);
    let expected = [
        (Code::OutOfRange, Severity::Error, c.clone(), 23, 17),
        (Code::UncheckedReferences, Severity::Note, c, 1, 1),
    ];
    let v = validate_paths(std::slice::from_ref(&dir), &Options::default());
    assert_eq!(found(&v.report), expected);
    let note = &v.report.diagnostics[1];
    assert_eq!(
        note.message,
        "the schema rejected some of the file's data, so 1 reference that may point into it \
         was not checked"
    );
    assert_eq!(note.related[0].location.start.line, 17);

    // The analysis's modeline says what it is: it cannot describe provisions.
    let analysis = dir.join("analysis-zero-draft.yaml");
    edit(&analysis, "kind: analysis\n", "kind: analysis\n[\n");
    let v = validate_paths(std::slice::from_ref(&dir), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    let codes: Vec<Code> = v.report.diagnostics.iter().map(|d| d.code).collect();
    assert!(
        !codes.contains(&Code::UndescribedProvision),
        "{:#?}",
        v.report.diagnostics
    );
}

#[test]
fn a_bad_header_does_not_cascade_either() {
    let dir = base_copy("bad-header");
    let broken = dir.join("powers-domestic.yaml");
    edit(
        &broken,
        "schema_version: \"1.0\"",
        "schema_version: \"2.0\"",
    );
    let v = validate_paths(std::slice::from_ref(&broken), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    let codes: Vec<Code> = v.report.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        [Code::UnsupportedSchemaVersion, Code::UncheckedReferences]
    );
}

/// Only what a broken file could define is held back. While an analysis does not load, a
/// source nobody defines is missing whatever the analysis holds, so it is reported; and a
/// reference an inline allow silences is silenced as usual, not counted as unchecked: no note
/// asks for a fix that the broken file cannot bring.
#[test]
fn a_broken_file_holds_back_only_what_it_could_define() {
    let dir = base_copy("holds-back-its-kind");
    let broken = dir.join("analysis-zero-draft.yaml");
    edit(
        &broken,
        "title: Test analysis of the zero draft",
        "title: [Test analysis of the zero draft]",
    );
    let powers = dir.join("powers-domestic.yaml");
    edit(
        &powers,
        "sources: [test-source-a]",
        "sources: [test-source-q]",
    );
    edit(
        &powers,
        "    provision: \"25\"\n",
        "    # treaty: allow(unknown-provision) a test of the allow\n    provision: \"99\"\n",
    );
    let v = validate_paths(std::slice::from_ref(&dir), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(
        found(&v.report),
        [
            (Code::WrongType, Severity::Error, shown(&broken), 5, 8),
            // The analysis's own references wait for it to read.
            (
                Code::UncheckedReferences,
                Severity::Note,
                shown(&broken),
                1,
                1
            ),
            (
                Code::UnknownReference,
                Severity::Error,
                shown(&powers),
                19,
                17
            ),
        ]
    );
    let own = "the file's errors keep it from being read, so its own references (ids, \
               provisions) were not checked";
    assert_eq!(v.report.diagnostics[1].message, own);
    assert_eq!(v.report.suppressed.len(), 1);
    assert_eq!(
        v.report.suppressed[0].diagnostic.code,
        Code::UnknownProvision
    );
}

#[test]
fn a_kind_the_modeline_contradicts_does_not_cascade() {
    // A data-categories file marked as another valid kind: checked as that kind, each entry
    // had an unknown field and every reference to a data category was unknown.
    let dir = base_copy("kind-contradicted");
    let broken = dir.join("data-categories.yaml");
    edit(
        &broken,
        "kind: data-categories",
        "kind: sensitivity-categories",
    );
    let v = validate_paths(std::slice::from_ref(&dir), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    let b = shown(&broken);
    assert_eq!(
        found(&v.report),
        [
            (Code::ModelineMismatch, Severity::Error, b.clone(), 1, 33),
            (Code::UncheckedReferences, Severity::Note, b, 1, 1),
        ]
    );
    assert_eq!(
        v.report.diagnostics[0].help.as_deref(),
        Some(
            "if `kind: sensitivity-categories` is right, point the modeline at \
             `sensitivity-categories.schema.json`; if the modeline is right, write `kind: \
             data-categories`"
        )
    );
}

#[test]
fn a_typo_in_the_modeline_contradicts_nothing_and_the_file_is_still_checked() {
    let dir = base_copy("modeline-typo");
    let file = dir.join("data-categories.yaml");
    edit(
        &file,
        "data-categories.schema.json",
        "data-categores.schema.json",
    );
    edit(&file, "    name: ", "    nmae: ");
    let v = validate_paths(std::slice::from_ref(&dir), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    let codes: Vec<Code> = v.report.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, [Code::ModelineMismatch, Code::UnknownField]);
}

/// A copy of the base dataset with `zz-extra.yaml`, a second copy of its domestic powers (so
/// every id of those is defined twice): the directory, the extra file, and its text.
fn with_duplicate(label: &str) -> (PathBuf, PathBuf, String) {
    let dir = base_copy(label);
    let extra = dir.join("zz-extra.yaml");
    let domestic = fs::read_to_string(dir.join("powers-domestic.yaml")).unwrap();
    fs::write(&extra, &domestic).unwrap();
    (dir, extra, domestic)
}

#[test]
fn a_duplicate_of_an_id_in_another_file_is_reported_when_one_file_is_checked() {
    let (dir, extra, _) = with_duplicate("duplicate");
    let v = validate_paths(std::slice::from_ref(&extra), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    let dups: Vec<_> = v
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::DuplicateId)
        .collect();
    assert!(!dups.is_empty(), "{:?}", v.report.diagnostics);
    for d in dups {
        assert_eq!(d.location.as_ref().unwrap().file, shown(&extra));
        assert_eq!(
            d.related[0].location.file,
            shown(&dir.join("powers-domestic.yaml"))
        );
    }
    // Only the named file's problems: the original file has none of its own.
    assert!(
        v.report
            .diagnostics
            .iter()
            .all(|d| { d.location.as_ref().unwrap().file == shown(&extra) })
    );
}

#[test]
fn a_cross_file_error_carries_the_text_of_both_files_it_points_into() {
    // Neither file has a problem of its own, so neither keeps its text while the others are
    // checked; the duplicate found afterwards reads both again for its snippets.
    let (dir, extra, domestic) = with_duplicate("duplicate-text");
    let v = validate_paths(std::slice::from_ref(&dir), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    assert!(
        v.report
            .diagnostics
            .iter()
            .any(|d| d.code == Code::DuplicateId),
        "{:?}",
        v.report.diagnostics
    );
    let shown_files: Vec<&str> = v.report.sources.keys().map(String::as_str).collect();
    assert_eq!(
        shown_files,
        [shown(&dir.join("powers-domestic.yaml")), shown(&extra)]
    );
    assert_eq!(v.report.source(&shown(&extra)), Some(domestic.as_str()));
    assert_eq!(
        v.report.source(&shown(&dir.join("powers-domestic.yaml"))),
        Some(domestic.as_str())
    );
}

#[cfg(unix)]
#[test]
fn a_pipe_named_inside_a_dataset_is_read_and_keeps_its_text() {
    // Named, a pipe is read on purpose; the walk of its dataset, which skips pipes, must not
    // report it as skipped. And a pipe cannot be read twice, so it keeps its text for the
    // cross-file errors found after it was read.
    let (dir, extra, domestic) = with_duplicate("pipe");
    fs::remove_file(&extra).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&extra)
        .status()
        .unwrap();
    assert!(made.success());
    let writer = {
        let (extra, domestic) = (extra.clone(), domestic.clone());
        std::thread::spawn(move || fs::write(&extra, &domestic).unwrap())
    };
    let v = validate_paths(std::slice::from_ref(&extra), &Options::default());
    writer.join().unwrap();
    let _ = fs::remove_dir_all(&dir);
    let codes: HashSet<Code> = v.report.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        HashSet::from([Code::DuplicateId]),
        "{:?}",
        v.report.diagnostics
    );
    assert_eq!(v.report.source(&shown(&extra)), Some(domestic.as_str()));
}

#[test]
fn one_file_named_twice_is_read_once() {
    let dir = base_copy("twice");
    let again = dir
        .join("..")
        .join(dir.file_name().unwrap())
        .join("sources.yaml");
    let v = validate_paths(&[dir.clone(), again], &Options::default());
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(found(&v.report), []);
}

#[test]
fn an_empty_directory_is_an_error_not_a_valid_dataset() {
    let dir = temp_dir("empty");
    let v = validate_paths(std::slice::from_ref(&dir), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(
        found(&v.report),
        [(Code::Io, Severity::Error, shown(&dir), 1, 1)]
    );
    assert!(v.report.has_io_error());
}

#[test]
fn a_walk_skips_hidden_entries_and_tagged_cache_directories_but_reads_them_when_named() {
    let dir = base_copy("skipped");
    // A cache as cargo tags its `target/`: skipped.
    let cache = dir.join("target");
    fs::create_dir_all(cache.join("bench")).unwrap();
    fs::write(
        cache.join("CACHEDIR.TAG"),
        "Signature: 8a477f597d28d172789f06886806bc55\n# created by cargo\n",
    )
    .unwrap();
    fs::write(cache.join("bench/powers.yaml"), BROKEN_POWERS).unwrap();
    // Hidden entries: skipped.
    fs::create_dir_all(dir.join(".github/workflows")).unwrap();
    fs::write(dir.join(".github/workflows/ci.yml"), BROKEN_POWERS).unwrap();
    fs::write(dir.join(".pre-commit-config.yaml"), BROKEN_POWERS).unwrap();
    // A tag without the signature does not make a cache: read, and its mistake reported.
    let untagged = dir.join("notes");
    fs::create_dir_all(&untagged).unwrap();
    fs::write(untagged.join("CACHEDIR.TAG"), "not a cache\n").unwrap();
    fs::write(untagged.join("powers.yaml"), BROKEN_POWERS).unwrap();

    let v = validate_paths(std::slice::from_ref(&dir), &Options::default());
    let whole = found(&v.report);
    // The tagged cache, named on its own, is read.
    let named = validate_paths(&[cache.join("bench")], &Options::default());
    let hidden = validate_paths(&[dir.join(".github")], &Options::default());
    let _ = fs::remove_dir_all(&dir);

    let untagged_file = shown(&untagged.join("powers.yaml"));
    assert_eq!(
        whole,
        [(Code::YamlSyntax, Severity::Error, untagged_file, 4, 1)]
    );
    let base_files = fs::read_dir(base_dir()).unwrap().count();
    assert_eq!(v.report.files, base_files + 1);
    assert_eq!(
        found(&named.report),
        [(
            Code::YamlSyntax,
            Severity::Error,
            shown(&cache.join("bench/powers.yaml")),
            4,
            1
        )]
    );
    assert_eq!(
        found(&hidden.report),
        [(
            Code::YamlSyntax,
            Severity::Error,
            shown(&dir.join(".github/workflows/ci.yml")),
            4,
            1
        )]
    );
}

#[cfg(unix)]
#[test]
fn a_link_to_a_directory_of_the_dataset_is_a_second_name_not_a_loop() {
    let dir = base_copy("second-name");
    let real = dir.join("data/real");
    fs::create_dir_all(&real).unwrap();
    fs::write(real.join("broken.yaml"), BROKEN_POWERS).unwrap();
    // As `treaty-model/datasets -> ../datasets` in this repository, or `latest -> v2`. The
    // link is shallower than its target, so a depth-first walk may reach it first.
    std::os::unix::fs::symlink(&real, dir.join("shortcut")).unwrap();
    let v = validate_paths(std::slice::from_ref(&dir), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    // Read once, shown under its real path; no loop reported, whichever name came first.
    assert_eq!(
        found(&v.report),
        [(
            Code::YamlSyntax,
            Severity::Error,
            shown(&real.join("broken.yaml")),
            4,
            1
        )]
    );
    let base_files = fs::read_dir(base_dir()).unwrap().count();
    assert_eq!(v.report.files, base_files + 1);
}

/// A copy of the base dataset holding `sources-extra.yaml`, a link to a secret outside it;
/// `paths` chooses what is named (the directory, or the link). The report, and both
/// directories removed.
#[cfg(unix)]
fn with_a_link_out(label: &str, paths: impl Fn(&Path, &Path) -> Vec<PathBuf>) -> (Report, PathBuf) {
    let dir = base_copy(label);
    let outside = temp_dir(&format!("{label}-target"));
    let secret = outside.join("secret.yaml");
    fs::write(&secret, "kind: sources\nTOKEN: do-not-print-me\n").unwrap();
    let link = dir.join("sources-extra.yaml");
    std::os::unix::fs::symlink(&secret, &link).unwrap();
    let v = validate_paths(&paths(&dir, &link), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    let _ = fs::remove_dir_all(&outside);
    (v.report, link)
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_dataset_is_reported_by_path_and_never_read() {
    let (report, link) = with_a_link_out("link-out", |dir, _| vec![dir.to_path_buf()]);
    assert_eq!(
        found(&report),
        [(Code::OutsideDataset, Severity::Error, shown(&link), 1, 1)]
    );
    let text =
        treaty_cli::render::human::render(&report, None, treaty_cli::render::human::Style::plain());
    assert!(!text.contains("do-not-print-me"), "{text}");
    assert!(text.contains("sources-extra.yaml"), "{text}");
}

/// A link that leads nowhere is skipped like any file that is not the dataset's (`notes.md`);
/// one named like a dataset file is one error that says it is a link to nothing.
#[cfg(unix)]
#[test]
fn a_broken_link_is_an_error_only_when_named_like_a_dataset_file() {
    let dir = base_copy("broken-link");
    std::os::unix::fs::symlink("../nowhere/notes", dir.join("notes.md")).unwrap();
    let v = validate_paths(std::slice::from_ref(&dir), &Options::default());
    assert_eq!(found(&v.report), []);

    let link = dir.join("gone.yaml");
    std::os::unix::fs::symlink("nothing.yaml", &link).unwrap();
    let v = validate_paths(std::slice::from_ref(&dir), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(
        found(&v.report),
        [(Code::Io, Severity::Error, shown(&link), 1, 1)]
    );
    let d = &v.report.diagnostics[0];
    assert_eq!(
        d.message,
        format!(
            "cannot read `{}`: it is a symbolic link to nothing (its target does not exist)",
            shown(&link)
        )
    );
    assert_eq!(
        d.help.as_deref(),
        Some("point the link at the file, or remove it")
    );
}

/// A path that leaves a dataset by `..` names a file where it is, outside the dataset: it is
/// read and checked on its own, not refused as a link nor checked as part of the dataset.
#[test]
fn a_path_out_of_a_dataset_by_dot_dot_is_a_file_of_no_dataset() {
    let ds = base_copy("dot-dot");
    let other = temp_dir("dot-dot-other");
    fs::copy(base_dir().join("sources.yaml"), other.join("s.yaml")).unwrap();
    let path = ds
        .join("..")
        .join(other.file_name().unwrap())
        .join("s.yaml");
    let v = validate_paths(std::slice::from_ref(&path), &Options::default());
    let _ = fs::remove_dir_all(&ds);
    let _ = fs::remove_dir_all(&other);
    let codes: Vec<Code> = v.report.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, [Code::MissingInstrument]);
    assert_eq!(v.report.files, 1);
}

/// Naming the link (a CI script that passes the changed paths) is held to the same boundary:
/// the link is in the dataset, its target is not.
#[cfg(unix)]
#[test]
fn a_link_out_of_the_dataset_named_on_its_own_is_never_read() {
    let (report, link) = with_a_link_out("named-link-out", |_, link| vec![link.to_path_buf()]);
    assert_eq!(
        found(&report),
        [(Code::OutsideDataset, Severity::Error, shown(&link), 1, 1)]
    );
    assert!(report.sources.is_empty());
    assert!(!report.is_valid());
}

#[cfg(unix)]
#[test]
fn a_device_named_on_the_command_line_is_read_only_up_to_the_limit() {
    let mut options = Options::default();
    options.limits.max_bytes = 1024;
    let v = validate_paths(&[PathBuf::from("/dev/zero")], &options);
    let too_large: Vec<_> = v
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::FileTooLarge)
        .collect();
    assert_eq!(too_large.len(), 1, "{:?}", v.report.diagnostics);
    assert_eq!(
        too_large[0].message,
        "the input is longer, more than the limit of 1024 bytes"
    );
    assert_eq!(too_large[0].location.as_ref().unwrap().file, "/dev/zero");
}

#[test]
fn a_base_checked_once_validates_like_the_whole_set() {
    use treaty_model::validate::{Input, check_inputs, validate_inputs};
    let inputs: Vec<Input> = fs::read_dir(base_dir())
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            Input::new(shown(&p), fs::read(&p).unwrap())
        })
        .collect();
    let broken = Input::new("broken.yaml".to_owned(), BROKEN_POWERS.as_bytes().to_vec());
    let base = check_inputs(&inputs, &Options::default());
    let whole = validate_inputs(
        &[inputs.clone(), vec![broken.clone()]].concat(),
        &Options::default(),
    );
    let again = base.validate_with(std::slice::from_ref(&broken));
    assert_eq!(again.report, whole.report);
    assert!(!again.report.is_valid());
}

#[test]
fn an_in_memory_input_gets_its_snippet_from_the_report() {
    use treaty_model::validate::{Input, validate_inputs};
    let text = "kind: sources\nschema_version: \"1.0\"\nsources:\n  - id: a\n    title: t\n    kind: blog\n    url: https://example.org\n    verification: unverified\n";
    let v = validate_inputs(
        &[Input::new(
            "in-memory.yaml".to_owned(),
            text.as_bytes().to_vec(),
        )],
        &Options::default(),
    );
    let out = treaty_cli::render::human::render(
        &v.report,
        None,
        treaty_cli::render::human::Style::plain(),
    );
    // No such file exists: the lines come from the text the report holds.
    assert!(
        out.contains(" --> in-memory.yaml:6:11\n  |\n6 |     kind: blog\n  |           ^^^^\n"),
        "{out}"
    );
}

#[test]
fn a_buffer_of_a_valid_file_is_valid_in_its_place() {
    let file = repository().join("datasets/powers/domestic.yaml");
    let bytes = fs::read(&file).unwrap();
    let v = validate_buffer(&file, &bytes, &Options::default());
    assert_eq!(found(&v.report), []);
    assert_eq!(v.report.files, 1);
}

#[test]
fn a_buffer_is_checked_instead_of_its_file_on_disk() {
    let dir = base_copy("buffer-edited");
    let file = dir.join("powers-domestic.yaml");
    let edited = fs::read_to_string(&file).unwrap().replacen(
        "data_categories: [electronic-data, content-data]",
        "data_categories: [electronic-data, contents-data]",
        1,
    );
    let v = validate_buffer(&file, edited.as_bytes(), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    let f = shown(&file);
    assert_eq!(
        found(&v.report),
        [(Code::UnknownReference, Severity::Error, f.clone(), 63, 40)]
    );
    // The snippet is drawn from the buffer, not from the file on disk.
    assert_eq!(v.report.source(&f), Some(edited.as_str()));
}

#[test]
fn a_buffer_for_a_new_file_that_repeats_an_id_points_at_both_files() {
    let dir = base_copy("buffer-new");
    let new = dir.join("more-sources.yaml");
    let text = "kind: sources\nschema_version: \"1.0\"\nsources:\n  - id: test-source-a\n    title: Another A\n    kind: reference\n    url: https://example.org/another\n    verification: unverified\n";
    let v = validate_buffer(&new, text.as_bytes(), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    let (n, sources) = (shown(&new), shown(&dir.join("sources.yaml")));
    assert_eq!(
        found(&v.report),
        [
            (Code::MissingModeline, Severity::Warning, n.clone(), 1, 1),
            (Code::DuplicateId, Severity::Error, sources, 5, 9),
        ]
    );
    let related = &v.report.diagnostics[1].related[0].location;
    assert_eq!((related.file.as_str(), related.start.line), (n.as_str(), 4));
    assert_eq!(v.report.files, 1);
}

#[test]
fn a_buffer_outside_any_dataset_is_checked_on_its_own() {
    let dir = temp_dir("buffer-alone");
    let file = dir.join("scratch.yaml");
    let text = fs::read(base_dir().join("sources.yaml")).unwrap();
    let alone = validate_buffer(&file, &text, &Options::default());
    let as_input = validate_inputs(
        &[treaty_model::validate::Input::new(shown(&file), text)],
        &Options::default(),
    );
    let _ = fs::remove_dir_all(&dir);
    // No dataset to check it against: the same report as the bytes given in memory under
    // that name, whose one error is that no instrument defines the text versions.
    assert_eq!(alone.report, as_input.report);
    let codes: Vec<Code> = alone.report.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, [Code::MissingInstrument]);
}

#[test]
fn no_dataset_is_built_from_a_part_when_the_rest_has_errors() {
    let dir = base_copy("part-rest-broken");
    // An error in another file, of the kind only the JSON Schema sees: a field no kind has.
    let other = dir.join("powers-cross-border.yaml");
    edit(&other, "powers:\n", "extra: 1\npowers:\n");
    let part = dir.join("sources.yaml");
    let v = validate_paths(std::slice::from_ref(&part), &Options::default());
    let whole = validate_paths(std::slice::from_ref(&dir), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    // The part's report is about the part, which is fine...
    assert_eq!(found(&v.report), []);
    // ...but the data around it is not, so there is no dataset to hand out.
    assert!(v.dataset.is_none());
    assert_eq!(
        found(&whole.report),
        [(Code::UnknownField, Severity::Error, shown(&other), 5, 1)]
    );
}

#[test]
fn no_dataset_is_built_from_a_buffer_when_the_rest_has_errors() {
    let dir = base_copy("buffer-rest-broken");
    let other = dir.join("powers-cross-border.yaml");
    edit(&other, "powers:\n", "extra: 1\npowers:\n");
    let part = dir.join("sources.yaml");
    let bytes = fs::read(&part).unwrap();
    let v = validate_buffer(&part, &bytes, &Options::default());
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(found(&v.report), []);
    assert!(v.dataset.is_none());
}

#[test]
fn two_datasets_named_together_are_validated_each_on_its_own() {
    // Two copies of one dataset define every id twice between them; each is valid.
    let first = base_copy("two-datasets-a");
    let second = base_copy("two-datasets-b");
    let v = validate_paths(&[first.clone(), second.clone()], &Options::default());
    let _ = fs::remove_dir_all(&first);
    let _ = fs::remove_dir_all(&second);
    assert_eq!(found(&v.report), []);
    assert_eq!(v.report.files, 30);
    // Two datasets are not one: none is built.
    assert!(v.dataset.is_none());
}

#[test]
fn a_directory_holding_two_datasets_validates_each_on_its_own() {
    let holder = temp_dir("two-datasets-under-one");
    for name in ["a", "b"] {
        fs::create_dir(holder.join(name)).unwrap();
        for entry in fs::read_dir(base_dir()).unwrap() {
            let p = entry.unwrap().path();
            fs::copy(&p, holder.join(name).join(p.file_name().unwrap())).unwrap();
        }
    }
    // A mistake in one dataset is reported there, and only there.
    let sources = holder.join("b/sources.yaml");
    edit(&sources, "kind: reference", "kind: blog");
    let v = validate_paths(std::slice::from_ref(&holder), &Options::default());
    let _ = fs::remove_dir_all(&holder);
    assert_eq!(
        found(&v.report),
        [(Code::InvalidValue, Severity::Error, shown(&sources), 7, 11)]
    );
    assert_eq!(v.report.files, 30);
}

#[test]
fn a_file_part_of_one_of_two_datasets_is_checked_against_its_own() {
    let first = base_copy("part-of-one-of-two-a");
    let second = base_copy("part-of-one-of-two-b");
    let file = first.join("powers-domestic.yaml");
    let v = validate_paths(&[file, second.clone()], &Options::default());
    let _ = fs::remove_dir_all(&first);
    let _ = fs::remove_dir_all(&second);
    assert_eq!(found(&v.report), []);
    assert_eq!(v.report.files, 16);
}

#[test]
fn a_missing_path_beside_part_of_a_dataset_is_reported() {
    let file = repository().join("datasets/powers/domestic.yaml");
    let missing = repository().join("datasets/powers/no-such-file.yaml");
    let v = validate_paths(&[file, missing.clone()], &Options::default());
    assert_eq!(
        found(&v.report),
        [(Code::Io, Severity::Error, shown(&missing), 1, 1)]
    );
    assert_eq!(
        v.report.diagnostics[0].help.as_deref(),
        Some("nothing exists at this path: check its spelling")
    );
    assert!(!v.report.is_valid());
}

/// The report of the repository's `powers/domestic.yaml` with its first `from` replaced by
/// `to`, checked in its place against the rest of the dataset, as an editor would.
fn domestic_with(from: &str, to: &str) -> Report {
    file_with("powers/domestic.yaml", from, to)
}

/// [`domestic_with`] for the repository's dataset file `file`.
fn file_with(file: &str, from: &str, to: &str) -> Report {
    let path = repository().join("datasets").join(file);
    let text = fs::read_to_string(&path).unwrap();
    let edited = text.replacen(from, to, 1);
    assert_ne!(edited, text, "`{from}` is not in the file");
    validate_buffer(&path, edited.as_bytes(), &Options::default()).report
}

/// A provision written as a contributor would (`28.4` bare or quoted, `28`, `Article 28`,
/// `Art 28`) gets, as help, the canonical spelling YAML reads as text.
#[test]
fn a_provision_in_another_notation_is_helped_to_its_canonical_spelling() {
    for (written, help) in [
        // 28.4 reaches the check as a number, whose written digits (28.40?) are lost.
        (
            "28.4",
            "write the reference as text in its canonical form, the paragraph in brackets: \
             `40(20)` for Article 40, paragraph 20",
        ),
        ("\"28.4\"", "write it in the canonical form: `28(4)`"),
        (
            "28",
            "write it in the canonical form, quoted so that it is text: `\"28\"`",
        ),
        (
            "\"Article 28\"",
            "write it in the canonical form, quoted so that it is text: `\"28\"`",
        ),
        (
            "\"Art 28\"",
            "write it in the canonical form, quoted so that it is text: `\"28\"`",
        ),
    ] {
        let report = domestic_with("provision: 25(2)", &format!("provision: {written}"));
        let helps: Vec<_> = report
            .diagnostics
            .iter()
            .map(|d| (d.code, d.help.as_deref()))
            .collect();
        assert_eq!(helps.len(), 1, "{written}: {helps:?}");
        assert_eq!(helps[0].1, Some(help), "{written}");
    }
}

/// A value of the wrong type gets the shape it should have, in the file's own words.
#[test]
fn a_value_of_the_wrong_type_is_shown_the_shape_it_needs() {
    for (from, to, help) in [
        (
            "    data_categories: [electronic-data]\n",
            "    data_categories: electronic-data\n",
            "write a list, even of one item: `[electronic-data]`, or `- electronic-data` on a line below the key",
        ),
        (
            "      max_days: 90\n",
            "      max_days: \"90\"\n",
            "write the number without quotes: `90`",
        ),
        (
            "      max_days: 90\n",
            "      max_days: ninety\n",
            "write a whole number, such as `90`",
        ),
        // Each item written as the list needs it: quoted where YAML would read a comment.
        (
            "    data_categories: [electronic-data]\n",
            "    data_categories: \"#electronic-data\"\n",
            "write a list, even of one item: `[\"#electronic-data\"]`, or `- \"#electronic-data\"` on a line below the key",
        ),
        (
            "    compellable: [person-with-data, service-provider]\n",
            "    compellable: person-with-data, service-provider\n",
            "write a list, even of one item: `[person-with-data, service-provider]`, or one `- item` per line below the key",
        ),
        (
            "    safeguards:\n",
            "    safeguards: legality\n    safeguards_were:\n",
            "write a list of entries: each starts with `- ` on a line below the key, followed by its `key: value` lines (safeguard, status, provision, note, sources)",
        ),
        // Unquoted, these would be the next error.
        (
            "      max_days: 90\n",
            "      max_days: \"90.5\"\n",
            "write a whole number, such as `90`",
        ),
        (
            "      max_days: 90\n",
            "      max_days: \"9e1\"\n",
            "write a whole number, such as `90`",
        ),
        (
            "    duration:\n      max_days: 90\n",
            // The fields left below become an entry of their own (reported as unknown).
            "    duration: 90 days\n    duration_was:\n      max_days: 90\n",
            "write `key: value` lines, indented below the key; its fields: max_days, renewable, renewals_limited, provision, note, sources",
        ),
    ] {
        let report = domestic_with(from, to);
        let got: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.code != Code::UnknownField)
            .map(|d| (d.code, d.help.as_deref()))
            .collect();
        assert_eq!(got, [(Code::WrongType, Some(help))], "{to}");
    }
}

/// (code, line, column, message, related (column, message), help) of a diagnostic.
type Summary<'a> = (Code, u32, u32, String, Vec<(u32, &'a str)>, String);

fn summary(d: &treaty_model::diagnostic::Diagnostic) -> Summary<'_> {
    let l = d.location.as_ref().unwrap();
    let related: Vec<_> = d
        .related
        .iter()
        .map(|r| (r.location.start.column, r.message.as_str()))
        .collect();
    (
        d.code,
        l.start.line,
        l.start.column,
        d.message.clone(),
        related,
        d.help.clone().unwrap_or_default(),
    )
}

/// A provision written out with its text version repeats the same one written without. One
/// the schema rejects, in either order, has that error alone, which says it would repeat the
/// other: correcting its spelling as the error asks would only end in a repeat.
#[test]
fn a_repeated_provision_is_found_in_any_spelling_and_reported_once() {
    let report = file_with(
        "analyses/eff-2024-key-concerns.yaml",
        "provisions: [23(2)(c), 23(2)(b), 35(1)(c), 2(h)]",
        "provisions: [23(2)(c), 23(2)(b), 35(1)(c), 2(h), final:2(h), \"Art. 23(2)(c)\"]",
    );
    let got: Vec<_> = report.diagnostics.iter().map(summary).collect();
    let rejected_help =
        "remove it: corrected, it would repeat provision `23(2)(c)`, which the list has already";
    assert_eq!(
        got,
        [
            (
                Code::RepeatedItem,
                54,
                54,
                "provision `final:2(h)` is already in this list".to_owned(),
                vec![(48, "first listed here")],
                "remove the repeat: the list names each item once".to_owned(),
            ),
            (
                Code::InvalidFormat,
                54,
                66,
                "`Art. 23(2)(c)` is not a provision reference".to_owned(),
                vec![(18, "provision `23(2)(c)` is listed here too")],
                rejected_help.to_owned(),
            ),
        ]
    );

    let report = file_with(
        "analyses/eff-2024-key-concerns.yaml",
        "provisions: [23(2)(c), 23(2)(b), 35(1)(c), 2(h)]",
        "provisions: [\"Art. 23(2)(c)\", 23(2)(b), 35(1)(c), 2(h), 23(2)(c)]",
    );
    let got: Vec<_> = report.diagnostics.iter().map(summary).collect();
    assert_eq!(
        got,
        [(
            Code::InvalidFormat,
            54,
            18,
            "`Art. 23(2)(c)` is not a provision reference".to_owned(),
            vec![(61, "provision `23(2)(c)` is listed here too")],
            rejected_help.to_owned(),
        )]
    );
}

/// An id or a vocabulary value the schema rejects, which corrected as the help would have it
/// repeats another item of its list, is told to go instead, pointing at the other: one error,
/// and no `repeated-item` after the fix.
#[test]
fn a_rejected_item_that_corrected_repeats_another_is_told_to_go() {
    let report = domestic_with(
        "data_categories: [electronic-data]",
        "data_categories: [electronic-data, Electronic_Data]",
    );
    let got: Vec<_> = report.diagnostics.iter().map(summary).collect();
    assert_eq!(
        got,
        [(
            Code::InvalidFormat,
            17,
            40,
            "`Electronic_Data` is not an id".to_owned(),
            vec![(23, "`electronic-data` is listed here too")],
            "remove it: corrected, it would repeat `electronic-data`, which the list has \
             already"
                .to_owned(),
        )]
    );

    let report = domestic_with(
        "compellable: [person-with-data, service-provider]",
        "compellable: [Service-Provider, person-with-data, service-provider]",
    );
    let got: Vec<_> = report.diagnostics.iter().map(summary).collect();
    assert_eq!(
        got,
        [(
            Code::InvalidValue,
            19,
            19,
            "`Service-Provider` is not one of the allowed values".to_owned(),
            vec![(55, "`service-provider` is listed here too")],
            "remove it: corrected, it would repeat `service-provider`, which the list has \
             already"
                .to_owned(),
        )]
    );

    // A number where a provision reference is text: quoted, it is the other item.
    let report = file_with(
        "convention/chapter-04.yaml",
        "cross_references: [\"24\"]",
        "cross_references: [\"24\", 24]",
    );
    let got: Vec<_> = report.diagnostics.iter().map(summary).collect();
    assert_eq!(
        got[0],
        (
            Code::WrongType,
            31,
            34,
            "expected text, found the number `24`".to_owned(),
            vec![(28, "`24` is listed here too")],
            "remove it: corrected, it would repeat `24`, which the list has already".to_owned(),
        )
    );
    assert_eq!(got[1].0, Code::UncheckedReferences);
    assert_eq!(got.len(), 2);

    // Corrected, it repeats nothing: the usual help.
    let report = domestic_with(
        "data_categories: [electronic-data]",
        "data_categories: [Electronic_Data]",
    );
    let got: Vec<_> = report.diagnostics.iter().map(summary).collect();
    assert_eq!(
        got[0].5,
        "expected `expedited-preservation` (lowercase kebab-case); did you mean \
         `electronic-data`?"
    );
}

/// A value pasted from a word processor keeps its curly quotes, which YAML does not read as
/// quotes: the help names them instead of guessing at the value.
#[test]
fn a_value_in_typographic_quotes_is_told_to_use_straight_ones() {
    for (from, to, code, at, help) in [
        (
            "provision: 25(2)",
            "provision: \u{201c}25(2)\u{201d}",
            Code::InvalidFormat,
            (24, 18),
            "; write it in the canonical form: `25(2)`",
        ),
        // The text inside the quotes gets the help it would get on its own.
        (
            "provision: 25(2)",
            "provision: \u{201c}Art. 25(2)\u{201d}",
            Code::InvalidFormat,
            (24, 18),
            "; write it in the canonical form: `25(2)`",
        ),
        (
            "obligation: mandatory",
            "obligation: \u{201c}mandatory\u{201d}",
            Code::InvalidValue,
            (10, 17),
            ": write `mandatory`",
        ),
        (
            "obligation: mandatory",
            "obligation: \u{201c}Mandatory\u{201d}",
            Code::InvalidValue,
            (10, 17),
            ": write `mandatory`",
        ),
        (
            "data_categories: [electronic-data]",
            "data_categories: [\u{2018}electronic-data\u{2019}]",
            Code::InvalidFormat,
            (17, 23),
            "; write `electronic-data`",
        ),
        (
            "provision: 25(2)",
            "provision: \u{201c}the second paragraph\u{201d}",
            Code::InvalidFormat,
            (24, 18),
            "; without them: expected `28(4)(a)`, `27(a)` or `zero-draft:17`",
        ),
    ] {
        let report = domestic_with(from, to);
        let got: Vec<_> = report
            .diagnostics
            .iter()
            .map(|d| {
                let l = d.location.as_ref().unwrap();
                (d.code, (l.start.line, l.start.column), d.help.clone())
            })
            .collect();
        let help = format!(
            "the value is wrapped in typographic quotes, which YAML keeps as part of it{help}"
        );
        assert_eq!(got, [(code, at, Some(help))], "{to}");
    }
}

/// A file saved as `x.YAML` or `x.yaml.txt` (Windows Notepad) was skipped without a word, and
/// the dataset said "valid" without it. Other files (a note, a backup) are left alone.
#[test]
fn a_dataset_file_misnamed_by_its_extension_is_reported_not_skipped_silently() {
    let dir = base_copy("misnamed");
    let analysis = fs::read(dir.join("analysis-zero-draft.yaml")).unwrap();
    fs::write(dir.join("new.YAML"), &analysis).unwrap();
    fs::write(dir.join("other.yaml.txt"), &analysis).unwrap();
    fs::write(dir.join("notes.txt"), "not data").unwrap();
    fs::write(dir.join("sources.yaml.orig"), "a backup").unwrap();
    let v = validate_paths(std::slice::from_ref(&dir), &Options::default());
    let messages: Vec<String> = v
        .report
        .diagnostics
        .iter()
        .map(|d| format!("{} {}", d.message, d.help.as_deref().unwrap_or_default()))
        .collect();
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(
        found(&v.report),
        [
            (
                Code::MisnamedFile,
                Severity::Warning,
                shown(&dir.join("new.YAML")),
                1,
                1
            ),
            (
                Code::MisnamedFile,
                Severity::Warning,
                shown(&dir.join("other.yaml.txt")),
                1,
                1
            ),
        ]
    );
    assert!(
        messages[0].ends_with("rename it to `new.yaml` if it belongs to the dataset"),
        "{messages:?}"
    );
    assert!(
        messages[1].ends_with("rename it to `other.yaml` if it belongs to the dataset"),
        "{messages:?}"
    );
}

/// An analysis in `analyses/` is named after its id (datasets/README.md): one whose file has
/// another name is warned of at its id. A file outside `analyses/` follows no such convention.
#[test]
fn an_analysis_not_named_after_its_id_is_warned_of_at_the_id() {
    let dir = base_copy("analysis-name");
    let analysis = fs::read_to_string(dir.join("analysis-zero-draft.yaml")).unwrap();
    let with_id = |id: &str| {
        analysis
            .replacen("id: test-analysis-zero-draft", &format!("id: {id}"), 1)
            .replace("../../../schemas/", "../../../../schemas/")
    };
    fs::create_dir(dir.join("analyses")).unwrap();
    let misnamed = dir.join("analyses/test-2024-08-copied.yaml");
    fs::write(&misnamed, with_id("test-2024-08-renamed")).unwrap();
    fs::write(
        dir.join("analyses/test-2024-08-named.yaml"),
        with_id("test-2024-08-named"),
    )
    .unwrap();
    let v = validate_paths(std::slice::from_ref(&dir), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(
        found(&v.report),
        [(
            Code::MisnamedFile,
            Severity::Warning,
            shown(&misnamed),
            4,
            5
        )]
    );
    let d = &v.report.diagnostics[0];
    assert_eq!(
        d.message,
        "analysis `test-2024-08-renamed` is in the file `test-2024-08-copied.yaml`: an analysis \
         file is named after its id"
    );
    assert_eq!(
        d.help.as_deref(),
        Some(
            "if this file holds an analysis of its own, write `id: test-2024-08-copied`; if the \
             id is right, rename the file to `test-2024-08-renamed.yaml`"
        )
    );
}

/// `renewable: yes` is the text "yes" in YAML 1.2; the error on the boolean field says what
/// to write (the warning about YAML 1.1 only says how other tools read it).
#[test]
fn a_yes_on_a_boolean_field_is_told_to_write_true_or_false() {
    let report = domestic_with("renewable: true", "renewable: yes");
    let error = report
        .diagnostics
        .iter()
        .find(|d| d.code == Code::WrongType)
        .expect("a wrong-type error");
    assert_eq!(error.help.as_deref(), Some("write `true` or `false`"));
}

#[test]
fn an_analysis_dated_otherwise_than_its_source_is_reported_at_its_date_and_with_the_sources() {
    let dir = base_copy("date-mismatch");
    let sources = dir.join("sources.yaml");
    let analysis = dir.join("analysis-zero-draft.yaml");
    // The analysis (2023-08) and its source entry are one document: a day of that month agrees.
    edit(&sources, "published: 2023-08", "published: \"2023-08-31\"");
    let agreeing = validate_paths(std::slice::from_ref(&dir), &Options::default());
    edit(&sources, "\"2023-08-31\"", "\"2023-09-01\"");
    // Named alone, the sources file is told of it too: the mismatch points into it.
    let v = validate_paths(std::slice::from_ref(&sources), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(found(&agreeing.report), []);
    assert_eq!(
        found(&v.report),
        [(Code::DateMismatch, Severity::Error, shown(&analysis), 8, 12)]
    );
    let d = &v.report.diagnostics[0];
    assert_eq!(
        d.message,
        "the analysis is dated 2023-08, but its source `test-source-b` was published 2023-09-01: \
         they are one document"
    );
    let related = &d.related[0].location;
    assert_eq!(
        (
            related.file.clone(),
            related.start.line,
            related.start.column
        ),
        (shown(&sources), 17, 16)
    );
}

/// A typo in one chapter file's number claims another file's chapter: one error, naming both
/// files and blaming neither (either may hold the typo), and no power judged by a chapter in
/// doubt meanwhile (the base's powers on Articles 25 and 42 would otherwise get a
/// `scope-mismatch` each).
#[test]
fn a_chapter_number_typo_is_one_error_that_blames_neither_file() {
    let dir = base_copy("chapter-typo");
    let typo = dir.join("chapter-04.yaml");
    edit(&typo, "number: IV\n", "number: V\n");
    let v = validate_paths(std::slice::from_ref(&dir), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    let other = shown(&dir.join("chapter-05.yaml"));
    assert_eq!(
        found(&v.report),
        [(Code::DuplicateId, Severity::Error, other, 5, 9)]
    );
    let d = &v.report.diagnostics[0];
    assert_eq!(
        d.message,
        "Chapter V of the `final` text is described by two files"
    );
    assert_eq!(
        (
            d.related[0].location.file.as_str(),
            d.related[0].message.as_str()
        ),
        (shown(&typo).as_str(), "also described here")
    );
}

/// While one of two analyses checked on their own does not load, the other's references to
/// kinds nothing defines are still one error per kind: an analysis defines no source, power
/// or safeguard, so nothing of theirs waits for it.
#[test]
fn a_broken_analysis_leaves_the_grouped_errors_grouped() {
    let dir = temp_dir("grouped-beside-broken");
    let good = dir.join("a.yaml");
    let broken = dir.join("b.yaml");
    fs::copy(base_dir().join("analysis-zero-draft.yaml"), &good).unwrap();
    fs::copy(base_dir().join("analysis-zero-draft.yaml"), &broken).unwrap();
    edit(
        &broken,
        "id: test-analysis-zero-draft",
        "id: test-analysis-b",
    );
    edit(
        &broken,
        "title: Test analysis of the zero draft",
        "title: [x]",
    );
    let v = validate_paths(std::slice::from_ref(&dir), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    let unknown: Vec<_> = v
        .report
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::UnknownReference)
        .map(|d| {
            let l = d.location.as_ref().unwrap();
            (l.file.clone(), l.start.line, l.start.column)
        })
        .collect();
    let a = shown(&good);
    assert_eq!(
        unknown,
        [
            (a.clone(), 10, 9),
            (a.clone(), 18, 14),
            (a.clone(), 19, 26),
            (a.clone(), 20, 23),
            (a, 21, 22),
        ]
    );
}

/// An analysis that does not parse has no `kind` to read, but its modeline says what it most
/// likely is: a source nobody defines is reported meanwhile, not held back on its account.
#[test]
fn a_file_that_does_not_parse_holds_back_what_its_modeline_kind_defines() {
    let dir = base_copy("unparsed-by-modeline");
    let broken = dir.join("analysis-zero-draft.yaml");
    let text = fs::read_to_string(&broken).unwrap() + "summary: [unclosed\n";
    fs::write(&broken, text).unwrap();
    let powers = dir.join("powers-domestic.yaml");
    edit(
        &powers,
        "sources: [test-source-a]",
        "sources: [test-source-q]",
    );
    let v = validate_paths(std::slice::from_ref(&powers), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(
        found(&v.report),
        [(
            Code::UnknownReference,
            Severity::Error,
            shown(&powers),
            18,
            17
        )]
    );
    assert_eq!(
        v.report.diagnostics[0].message,
        "no source has the id `test-source-q`"
    );
}

/// A chapter of the final text with an entry set aside holds back the final text's
/// provisions only: an unknown article of the zero draft is reported meanwhile.
#[test]
fn a_partly_read_chapter_holds_back_only_its_own_text_version() {
    let dir = base_copy("partial-chapter-version");
    let chapter = dir.join("chapter-04.yaml");
    edit(&chapter, "      - number: 4\n", "      - number: \"4\"\n");
    let analysis = dir.join("analysis-zero-draft.yaml");
    edit(
        &analysis,
        "provisions: [\"24\", \"47\"]",
        "provisions: [\"24\", \"47\", \"399\"]",
    );
    let v = validate_paths(std::slice::from_ref(&dir), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(
        found(&v.report),
        [
            (
                Code::UnknownProvision,
                Severity::Error,
                shown(&analysis),
                17,
                30
            ),
            (Code::WrongType, Severity::Error, shown(&chapter), 23, 17),
            (
                Code::UncheckedReferences,
                Severity::Note,
                shown(&chapter),
                1,
                1
            ),
        ]
    );
}

/// Two entries whose keys the schema rejects (two paragraphs numbered 0) keep their own
/// errors alone: an entry says more than its key, so no help says to remove one.
#[test]
fn rejected_keys_of_two_entries_are_not_told_to_remove_one() {
    let dir = base_copy("rejected-entry-keys");
    let chapter = dir.join("chapter-04.yaml");
    edit(&chapter, "      - number: 2\n", "      - number: 0\n");
    edit(&chapter, "      - number: 4\n", "      - number: 0\n");
    let v = validate_paths(std::slice::from_ref(&chapter), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    let errors: Vec<_> = v
        .report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            (
                d.code,
                d.location.as_ref().unwrap().start.line,
                d.help.clone(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        [(Code::OutOfRange, 13, None), (Code::OutOfRange, 23, None),]
    );
}

/// A broken chapter's notes reach a file checked on its own only through that file's
/// references: checking the safeguards, which cite no provision, shows nothing; checking a
/// powers file shows the note that counts its held-back provisions, pointing at the first.
#[test]
fn a_broken_files_notes_reach_a_named_file_only_through_its_references() {
    let dir = base_copy("notes-in-scope");
    let chapter = dir.join("chapter-04.yaml");
    edit(&chapter, "number: IV\n", "number: [IV]\n");
    let safeguards = dir.join("safeguards.yaml");
    let v = validate_paths(std::slice::from_ref(&safeguards), &Options::default());
    assert_eq!(found(&v.report), []);
    let powers = dir.join("powers-domestic.yaml");
    let v = validate_paths(std::slice::from_ref(&powers), &Options::default());
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(
        found(&v.report),
        [(
            Code::UncheckedReferences,
            Severity::Note,
            shown(&chapter),
            1,
            1
        )]
    );
    let related = &v.report.diagnostics[0].related[0];
    assert_eq!(
        (
            related.location.file.as_str(),
            related.location.start.line,
            related.message.as_str()
        ),
        (shown(&powers).as_str(), 8, "the first of them")
    );
}
