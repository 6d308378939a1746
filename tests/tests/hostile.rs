//! Hostile inputs (issue 7): each one ends in a stated diagnostic (code and location), without
//! a panic, an abort, a stack overflow or a hang. The inputs are generated in memory (or on
//! disk) by `treaty_tests::hostile`; the `hostile-measure` binary measures the time and peak
//! memory of each (docs/RELIABILITY.md). Nothing here depends on timing.
//!
//! In-memory files are validated beside the fuzzers' small valid base dataset, so only the
//! hostile file's own diagnostics are expected: written as in the fixtures' `.expected` files,
//! `severity code line:column`.

use std::os::unix::fs::{PermissionsExt, symlink};

use treaty_model::validate::{Options, validate_file};
use treaty_tests::hostile::{self, DEEP, DEEP_BLOCK_MAP, FILE, HUGE};

/// Validates `bytes` as `hostile.yaml` and checks its diagnostics are exactly `expected`.
#[track_caller]
fn expect(bytes: Vec<u8>, expected: &[&str]) -> treaty_model::validate::Validation {
    let validation = hostile::validate(bytes);
    assert_eq!(hostile::diagnostics_in(&validation.report, FILE), expected);
    assert_eq!(
        validation.dataset.is_some(),
        validation.report.is_valid(),
        "a dataset exactly when there is no error"
    );
    validation
}

#[test]
fn billion_laughs_stops_at_the_alias_budget() {
    // 9 levels of 9 aliases would copy 9^9 strings; the 100 000-node budget runs out in the
    // line `h: &h [*g, ...]`, at its first alias (each `*g` copies 9^6 + ... nodes).
    let v = expect(hostile::billion_laughs(), &["error alias-limit 9:8"]);
    assert!(v.dataset.is_none());
    let d = &v.report.diagnostics[0];
    assert!(d.message.contains("alias"), "{}", d.message);
}

#[test]
fn block_lists_nested_100_000_deep_stop_at_depth_65() {
    // `sources:` is level 2 (the root mapping is 1); its `- ` at column 3 opens level 2, so
    // the 64th dash, at column 3 + 2 * 63 = 129, opens level 65.
    let bytes = hostile::deep_block_seq();
    assert!(bytes.len() > 2 * DEEP);
    expect(bytes, &["error depth-limit 5:129"]);
}

#[test]
fn flow_lists_nested_100_000_deep_stop_at_the_parser_limit() {
    // saphyr's scanner looks ahead through `[[[...`, and its own flow-nesting limit (the
    // parser's "recursion limit exceeded") fires first, at the 256th `[` (column 10 + 255),
    // before our limit of 64 is reached: the same code, at the parser's stopping point. At
    // nesting below 256 (tests/fixtures/invalid/depth-limit.yaml) the 65th level is blamed.
    let v = expect(hostile::deep_flow_seq(), &["error depth-limit 4:265"]);
    assert!(
        v.report.diagnostics[0]
            .message
            .contains("nested too deeply")
    );
}

#[test]
fn flow_mappings_nested_100_000_deep_stop_at_depth_65() {
    // `{a: ` is 4 characters; the first `{` (column 10) is level 2, the 64th (column
    // 10 + 4 * 63 = 262) is level 65.
    expect(hostile::deep_flow_map(), &["error depth-limit 4:262"]);
}

#[test]
fn block_mappings_nested_10_000_deep_stop_at_depth_65() {
    // 100 000 levels of block mapping need 5 GB of indentation (over the size limit); 10 000
    // levels (50 MB) is the deepest block mapping under it. Level 2 is on line 5 (one space),
    // level 65 on line 68, after 64 spaces.
    let bytes = hostile::deep_block_map();
    assert!(bytes.len() > 50_000_000 && bytes.len() < 64 << 20);
    assert_eq!(DEEP_BLOCK_MAP, 10_000);
    expect(bytes, &["error depth-limit 68:65"]);
}

#[test]
fn a_100_mb_scalar_is_over_the_default_size_limit() {
    // Decision: the default limit stays 64 MiB, so a 100 MB file is `file-too-large` at 1:1,
    // before any parsing, and nothing else is said about it.
    let bytes = hostile::huge_scalar();
    assert!(bytes.len() > HUGE);
    let v = expect(bytes, &["error file-too-large 1:1"]);
    assert!(v.report.diagnostics[0].message.contains("67108864"));
}

#[test]
fn a_100_mb_scalar_is_accepted_under_a_raised_limit() {
    // The library's `Limits::max_bytes` can be raised; the same file then loads and is valid,
    // its 100 MB title intact.
    let v = hostile::validate_named(
        FILE,
        hostile::huge_scalar(),
        &hostile::options_with_max_bytes(128 << 20),
    );
    assert_eq!(
        hostile::diagnostics_in(&v.report, FILE),
        Vec::<String>::new()
    );
    let dataset = v.dataset.expect("valid under the raised limit");
    let source = dataset
        .bundle()
        .sources
        .iter()
        .flat_map(|file| &file.sources)
        .find(|s| s.id.as_str() == "hostile-source")
        .expect("the hostile source");
    assert_eq!(source.title.len(), HUGE);
}

#[test]
fn a_file_over_the_size_limit_is_not_read() {
    // A 1 TiB sparse file: reading it would need 1 TiB of memory, so this test passing shows
    // the size is checked (from the file's metadata) before reading.
    let dir = hostile::temp_dir("size");
    hostile::write_base(&dir);
    let file = dir.join("huge.yaml");
    if hostile::sparse_file(&file, 1 << 40).is_err() {
        // A file system without sparse files this large: just over the limit will do.
        hostile::sparse_file(&file, (64 << 20) + 1).expect("a sparse file");
    }
    let len = std::fs::metadata(&file).expect("metadata").len();
    let v = hostile::validate_dir(&dir);
    let shown = format!("{}/huge.yaml", dir.display());
    assert_eq!(
        hostile::diagnostics_in(&v.report, &shown),
        ["error file-too-large 1:1"]
    );
    assert!(
        v.report.diagnostics[0]
            .message
            .contains(&format!("{len} bytes")),
        "{}",
        v.report.diagnostics[0].message
    );
    assert!(v.dataset.is_none());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn invalid_utf8_is_reported_at_the_bad_byte() {
    // Line 6 is `    title: caf\xE9`: the byte is the 15th column.
    let v = expect(hostile::invalid_utf8(), &["error invalid-utf8 6:15"]);
    let loc = v.report.diagnostics[0]
        .location
        .as_ref()
        .expect("a location");
    assert_eq!(
        hostile::invalid_utf8()[loc.start.offset],
        0xE9,
        "the offset is the bad byte's"
    );
}

#[test]
fn a_nul_byte_is_reported_where_it_is() {
    // Line 6 is `    title: a\0b`.
    let v = expect(hostile::nul_byte(), &["error nul-byte 6:13"]);
    let loc = v.report.diagnostics[0]
        .location
        .as_ref()
        .expect("a location");
    assert_eq!(hostile::nul_byte()[loc.start.offset], 0);
}

#[test]
fn a_byte_order_mark_is_a_warning_and_the_file_still_loads() {
    let v = expect(hostile::byte_order_mark(), &["warning byte-order-mark 1:1"]);
    assert!(v.dataset.is_some(), "the rest of the file is valid");
}

#[test]
fn crlf_line_ends_give_the_same_positions_as_lf() {
    let lf = hostile::validate(hostile::line_ends(false));
    let crlf = hostile::validate(hostile::line_ends(true));
    let expected = [
        "error invalid-value 7:11",
        "error unknown-field 9:5",
        "error wrong-type 11:12",
    ];
    assert_eq!(hostile::diagnostics_in(&lf.report, FILE), expected);
    assert_eq!(hostile::diagnostics_in(&crlf.report, FILE), expected);
    // Lines and columns are identical; byte offsets differ by one per line break before.
    for (a, b) in lf.report.diagnostics.iter().zip(&crlf.report.diagnostics) {
        let (a, b) = (a.location.as_ref().unwrap(), b.location.as_ref().unwrap());
        assert_eq!(b.start.offset - a.start.offset, (a.start.line - 1) as usize);
        assert_eq!(
            (a.end.line, a.end.column),
            (b.end.line, b.end.column),
            "end positions are identical too"
        );
    }
}

#[test]
fn a_tab_in_indentation_is_reported_at_the_tab() {
    expect(hostile::tab_indentation(), &["error tab-indentation 7:1"]);
}

#[test]
fn yaml_1_1_booleans_and_octals_are_warned_about() {
    // `no` and `on` stay strings (YAML 1.2) with a warning; `0755` is the number 755 (with a
    // warning), which a text field then rejects.
    let v = expect(
        hostile::yaml11(),
        &[
            "warning yaml11-boolean 6:12",
            "warning yaml11-boolean 7:16",
            "warning leading-zero 10:11",
            "error wrong-type 10:11",
        ],
    );
    let messages: Vec<&str> = v
        .report
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert!(messages[2].contains("octal 493"), "{messages:?}");
}

#[test]
fn merge_keys_are_rejected() {
    expect(hostile::merge_key(), &["error merge-key 10:5"]);
}

#[test]
fn custom_and_standard_tags_are_rejected_at_the_tag() {
    expect(
        hostile::custom_tags(),
        &["error yaml-tag 6:12", "error yaml-tag 7:11"],
    );
}

#[test]
fn a_second_document_is_rejected_at_its_start() {
    // The first document is lines 1-10 (`---` and nine lines); the second `---` is line 11.
    expect(
        hostile::multiple_documents(),
        &["error multiple-documents 11:1"],
    );
}

#[test]
fn a_json_trailing_comma_is_reported_at_the_comma() {
    let v = hostile::validate_named(
        "hostile.json",
        hostile::json_trailing_comma(),
        &Options::default(),
    );
    assert_eq!(
        hostile::diagnostics_in(&v.report, "hostile.json"),
        ["error json-syntax 9:4"]
    );
    let d = &v.report.diagnostics[0];
    assert!(d.message.contains("trailing comma"), "{}", d.message);
}

#[test]
fn a_symlink_loop_in_the_dataset_directory_is_reported_once() {
    let dir = hostile::temp_dir("loop");
    hostile::write_base(&dir);
    symlink(".", dir.join("loop")).expect("a symlink");
    std::fs::create_dir(dir.join("sub")).expect("a directory");
    symlink("..", dir.join("sub/up")).expect("a symlink");
    let v = hostile::validate_dir(&dir);
    let shown: Vec<(String, String)> = v
        .report
        .diagnostics
        .iter()
        .map(|d| {
            let l = d.location.as_ref().expect("a location");
            (
                format!("{} {}:{}", d.code, l.start.line, l.start.column),
                l.file.rsplit('/').next().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("io-error 1:1".to_owned(), "loop".to_owned()),
            ("io-error 1:1".to_owned(), "up".to_owned()),
        ]
    );
    assert!(
        v.report.diagnostics[0]
            .message
            .contains("symbolic link loop")
    );
    // The base files were each read once: the loops added no duplicate ids.
    assert_eq!(v.report.files, hostile::BASE_FILES);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_unreadable_file_is_an_io_error() {
    // Under `chmod 000` a file is unreadable, except to root (CI runs as root), for which the
    // permission bits prove nothing. The test checks which case it is in: unprivileged, it
    // asserts the permission error; privileged, it says so and asserts the same `io-error`
    // path with files that no privilege makes readable as data: a FIFO named `*.yaml`
    // (reading one with no writer would block forever) and a dangling symlink.
    let dir = hostile::temp_dir("unreadable");
    hostile::write_base(&dir);
    let privileged = hostile::reads_despite_permissions(&dir);
    let locked = dir.join("locked.yaml");
    std::fs::write(&locked, hostile::valid_sources()).expect("a file");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let v = hostile::validate_dir(&dir);
    let shown = format!("{}/locked.yaml", dir.display());
    if privileged {
        eprintln!(
            "privileged process: chmod 000 does not stop reading; testing a read that fails \
             for root too (a directory read as a file) and, in other tests, a FIFO and a \
             dangling symlink"
        );
        // Root read the file: it is valid, nothing is said about it.
        assert_eq!(
            hostile::diagnostics_in(&v.report, &shown),
            Vec::<String>::new()
        );
        // The same `io-error` path, through a read that fails whoever reads: a directory
        // given where a file is expected (as `treaty convert FILE` does).
        let not_a_file = dir.join("directory.yaml");
        std::fs::create_dir(&not_a_file).expect("a directory");
        let v = validate_file(&not_a_file, &Options::default());
        let shown = format!("{}/directory.yaml", dir.display());
        assert_eq!(
            hostile::diagnostics_in(&v.report, &shown),
            ["error io-error 1:1"]
        );
        let d = &v.report.diagnostics[0];
        assert!(d.message.contains("directory"), "{}", d.message);
    } else {
        assert_eq!(
            hostile::diagnostics_in(&v.report, &shown),
            ["error io-error 1:1"]
        );
        let d = &v.report.diagnostics[0];
        assert!(d.message.contains("ermission denied"), "{}", d.message);
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_fifo_in_the_dataset_directory_is_reported_not_read() {
    // Regression: a FIFO named `*.yaml` used to be opened, and reading it blocked forever.
    let dir = hostile::temp_dir("fifo");
    hostile::write_base(&dir);
    let fifo = dir.join("pipe.yaml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let v = hostile::validate_dir(&dir);
    let shown = format!("{}/pipe.yaml", dir.display());
    assert_eq!(
        hostile::diagnostics_in(&v.report, &shown),
        ["error io-error 1:1"]
    );
    assert!(
        v.report.diagnostics[0]
            .message
            .contains("not a regular file"),
        "{}",
        v.report.diagnostics[0].message
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_dangling_symlink_is_an_io_error() {
    let dir = hostile::temp_dir("dangling");
    hostile::write_base(&dir);
    symlink("missing.yaml", dir.join("dangling.yaml")).expect("a symlink");
    let v = hostile::validate_dir(&dir);
    let shown = format!("{}/dangling.yaml", dir.display());
    assert_eq!(
        hostile::diagnostics_in(&v.report, &shown),
        ["error io-error 1:1"]
    );
    let _ = std::fs::remove_dir_all(&dir);
}
