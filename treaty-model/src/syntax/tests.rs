use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::*;

fn yaml(text: &str) -> Parsed {
    parse_yaml(text.as_bytes(), &Limits::default())
}

fn json_doc(text: &str) -> Parsed {
    parse_json(text.as_bytes(), &Limits::default())
}

#[track_caller]
fn doc(parsed: &Parsed) -> &SpannedDoc {
    match &parsed.doc {
        Some(doc) => doc,
        None => panic!("no document; problems: {:#?}", parsed.problems),
    }
}

#[track_caller]
fn value(parsed: &Parsed) -> &Value {
    &doc(parsed).value
}

/// The one problem of `kind`, checked for severity and start position.
#[track_caller]
fn problem(
    parsed: &Parsed,
    kind: ProblemKind,
    severity: ProblemSeverity,
    line: u32,
    column: u32,
) -> Problem {
    let found: Vec<&Problem> = parsed.problems.iter().filter(|p| p.kind == kind).collect();
    assert_eq!(
        found.len(),
        1,
        "expected one {kind:?}, got {:#?}",
        parsed.problems
    );
    let p = found[0].clone();
    assert_eq!(p.severity, severity, "{p:#?}");
    assert_eq!(
        (p.span.start.line, p.span.start.column),
        (line, column),
        "{p:#?}"
    );
    if severity == ProblemSeverity::Error {
        assert!(parsed.doc.is_none(), "an error must drop the document");
    }
    p
}

/// `problem`, and also check it is the only problem.
#[track_caller]
fn only(
    parsed: &Parsed,
    kind: ProblemKind,
    severity: ProblemSeverity,
    line: u32,
    column: u32,
) -> Problem {
    assert_eq!(parsed.problems.len(), 1, "{:#?}", parsed.problems);
    problem(parsed, kind, severity, line, column)
}

#[track_caller]
fn error(parsed: &Parsed, kind: ProblemKind, line: u32, column: u32) -> Problem {
    only(parsed, kind, ProblemSeverity::Error, line, column)
}

#[track_caller]
fn loc(parsed: &Parsed, pointer: &str) -> Location {
    let doc = doc(parsed);
    match doc.spans.locate(&doc.value, pointer) {
        Some(location) => location,
        None => panic!("{pointer} not found in {}", doc.value),
    }
}

fn lc(pos: Pos) -> LineCol {
    (pos.line, pos.column)
}

/// Line and column of a node's start and end, and of its key's start.
type LineCol = (u32, u32);

#[track_caller]
fn where_is(parsed: &Parsed, pointer: &str) -> (LineCol, LineCol, Option<LineCol>) {
    let l = loc(parsed, pointer);
    (
        lc(l.span.start),
        lc(l.span.end),
        l.key_span.map(|k| lc(k.start)),
    )
}

#[track_caller]
fn clean(parsed: &Parsed) -> &Value {
    assert!(parsed.problems.is_empty(), "{:#?}", parsed.problems);
    value(parsed)
}

use ProblemKind as K;
use ProblemSeverity::{Error as E, Warning as W};

// ---------------------------------------------------------------- YAML values

#[test]
fn yaml_scalars_resolve_by_core_schema() {
    let parsed = yaml(
        "a: null\nb: ~\nc:\nd: true\ne: False\nf: 12\ng: -3\nh: 0o17\ni: 0x1F\nj: 1.5\n\
         k: -1e3\nl: .5\nm: 'true'\nn: \"12\"\no: hello world\np: 2024-01\n\
         q: 18446744073709551616\nr: +7\ns: 1_000\nt: NULL\nu: \"\"\n",
    );
    // `0o17`, `0x1F` and `-1e3` also warn: numbers_in_another_notation_than_digits_warn.
    assert_eq!(
        value(&parsed),
        &json!({
            "a": null, "b": null, "c": null, "d": true, "e": false, "f": 12, "g": -3,
            "h": 15, "i": 31, "j": 1.5, "k": -1000.0, "l": 0.5, "m": "true", "n": "12",
            "o": "hello world", "p": "2024-01", "q": 18_446_744_073_709_551_616.0,
            "r": 7, "s": "1_000", "t": null, "u": ""
        })
    );
}

#[test]
fn numbers_in_another_notation_than_digits_warn() {
    let parsed = yaml("h: 0o17\ni: 0x1F\nk: -1e3\nj: 1.5\ns: \"9e1\"\n");
    let found: Vec<_> = parsed
        .problems
        .iter()
        .map(|p| (p.kind, p.severity, lc(p.span.start), p.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                K::NumberNotation,
                W,
                (1, 4),
                "`0o17` is the number 15 in octal notation, which not every YAML reader reads as that number"
            ),
            (
                K::NumberNotation,
                W,
                (2, 4),
                "`0x1F` is the number 31 in hexadecimal notation, which not every YAML reader reads as that number"
            ),
            (
                K::NumberNotation,
                W,
                (3, 4),
                "`-1e3` is the number -1000 in exponent notation, which not every YAML reader reads as that number"
            ),
        ]
    );
    assert_eq!(
        parsed.problems[2].help.as_deref(),
        Some("write -1000, or quote it (\"-1e3\") if text is meant")
    );
    assert_eq!(
        value(&parsed),
        &json!({"h": 15, "i": 31, "k": -1000.0, "j": 1.5, "s": "9e1"})
    );
}

#[test]
fn yaml_keys_are_their_text() {
    let parsed = yaml("1: x\ntrue: y1\nnull: z\n~: w\n\"q\": 1\n0x10: h\n");
    assert_eq!(
        clean(&parsed),
        &json!({"1": "x", "true": "y1", "null": "z", "~": "w", "q": 1, "0x10": "h"})
    );
}

#[test]
fn yaml_nested_values_and_spans() {
    let text = "a:\n  b:\n    - x\n    - y: 1\n      z: [1, 2]\nc: \"quoted\"\n";
    let parsed = yaml(text);
    assert_eq!(
        clean(&parsed),
        &json!({"a": {"b": ["x", {"y": 1, "z": [1, 2]}]}, "c": "quoted"})
    );
    // A sequence item has no key; a block mapping starts at its first key.
    assert_eq!(where_is(&parsed, "/a/b/1"), ((4, 7), (5, 16), None));
    assert_eq!(
        where_is(&parsed, "/a/b/1/y"),
        ((4, 10), (4, 11), Some((4, 7)))
    );
    // A block sequence starts at its first dash.
    assert_eq!(where_is(&parsed, "/a/b"), ((3, 5), (5, 16), Some((2, 3))));
    assert_eq!(where_is(&parsed, "/a"), ((2, 3), (5, 16), Some((1, 1))));
    assert_eq!(where_is(&parsed, "/a/b/1/z/1"), ((5, 14), (5, 15), None));
    // Quoted scalars include their quotes.
    assert_eq!(where_is(&parsed, "/c"), ((6, 4), (6, 12), Some((6, 1))));
    let root = doc(&parsed).spans.root();
    assert_eq!((lc(root.span.start), lc(root.span.end)), ((1, 1), (6, 12)));
    assert_eq!(root.key_span, None);
    let c = loc(&parsed, "/c");
    assert_eq!(
        (c.span.start.offset, c.span.end.offset),
        (text.len() - 9, text.len() - 1)
    );
    let y = loc(&parsed, "/a/b/1/y");
    assert_eq!(
        y.key_span.map(|k| (k.start.offset, k.end.offset)),
        Some((22, 23))
    );
}

#[test]
fn yaml_indentless_sequence_starts_at_dash() {
    let parsed = yaml("k:\n- a\n- b\n");
    assert_eq!(where_is(&parsed, "/k"), ((2, 1), (3, 4), Some((1, 1))));
    assert_eq!(where_is(&parsed, "/k/1"), ((3, 3), (3, 4), None));
}

#[test]
fn yaml_flow_collections() {
    let parsed = yaml("{a: [1, {b: c}], d: {}, e: []}\n");
    assert_eq!(
        clean(&parsed),
        &json!({"a": [1, {"b": "c"}], "d": {}, "e": []})
    );
    assert_eq!(where_is(&parsed, ""), ((1, 1), (1, 31), None));
    assert_eq!(where_is(&parsed, "/a"), ((1, 5), (1, 16), Some((1, 2))));
    assert_eq!(where_is(&parsed, "/a/1"), ((1, 9), (1, 15), None));
    assert_eq!(
        where_is(&parsed, "/a/1/b"),
        ((1, 13), (1, 14), Some((1, 10)))
    );
    assert_eq!(where_is(&parsed, "/d"), ((1, 21), (1, 23), Some((1, 18))));
    // A single-pair mapping inside a flow sequence, and a multi-line flow mapping.
    let parsed = yaml(
        "s: [a: 1, b]
m: {
  k: v,
  l: [w]
}
",
    );
    assert_eq!(
        clean(&parsed),
        &json!({"s": [{"a": 1}, "b"], "m": {"k": "v", "l": ["w"]}})
    );
    assert_eq!(where_is(&parsed, "/s/0"), ((1, 5), (1, 9), None));
    assert_eq!(where_is(&parsed, "/s/0/a"), ((1, 8), (1, 9), Some((1, 5))));
    assert_eq!(where_is(&parsed, "/m"), ((2, 4), (5, 2), Some((2, 1))));
    assert_eq!(where_is(&parsed, "/m/l/0"), ((4, 7), (4, 8), None));
}

#[test]
fn yaml_block_scalars_are_strings() {
    let parsed =
        yaml("lit: |\n  line 1\n  0755\nfold: >-\n  a\n  b\nkeep: |+\n  yes\n\nq: '0755'\n");
    assert_eq!(
        clean(&parsed),
        &json!({"lit": "line 1\n0755\n", "fold": "a b", "keep": "yes\n\n", "q": "0755"})
    );
    assert_eq!(where_is(&parsed, "/lit"), ((2, 3), (4, 1), Some((1, 1))));
    assert_eq!(where_is(&parsed, "/q"), ((10, 4), (10, 10), Some((10, 1))));
}

#[test]
fn an_empty_block_scalar_is_located_at_its_header() {
    // With no text of its own, the parser places the value at the next key; the header is
    // what a reader must fix.
    let parsed = yaml("a: |\n\nb: >-  # to do\n\n# a comment\nc: x\n");
    assert_eq!(clean(&parsed), &json!({"a": "", "b": "", "c": "x"}));
    assert_eq!(where_is(&parsed, "/a"), ((1, 4), (1, 5), Some((1, 1))));
    assert_eq!(where_is(&parsed, "/b"), ((3, 4), (3, 6), Some((3, 1))));
}

#[test]
fn yaml_anchored_scalar_span_excludes_anchor() {
    let parsed = yaml("a: &x hello\nb: *x\n");
    assert_eq!(clean(&parsed), &json!({"a": "hello", "b": "hello"}));
    assert_eq!(where_is(&parsed, "/a"), ((1, 7), (1, 12), Some((1, 1))));
    assert_eq!(where_is(&parsed, "/b"), ((2, 4), (2, 6), Some((2, 1))));
}

#[test]
fn yaml_aliases_expand() {
    let parsed = yaml(
        "base: &base\n  x: 1\n  list: [a, b]\ncopy: *base\nnested: &n {inner: *base}\n\
         again: *n\nk: &k name\n*k : v\n",
    );
    let base = json!({"x": 1, "list": ["a", "b"]});
    assert_eq!(
        clean(&parsed),
        &json!({
            "base": base, "copy": base, "nested": {"inner": base},
            "again": {"inner": base}, "k": "name", "name": "v"
        })
    );
    // The alias itself is located at `*base`; what it copied, at the anchor's definition.
    assert_eq!(where_is(&parsed, "/copy"), ((4, 7), (4, 12), Some((4, 1))));
    assert_eq!(where_is(&parsed, "/copy/list/1"), ((3, 13), (3, 14), None));
    assert_eq!(
        where_is(&parsed, "/again/inner/x"),
        ((2, 6), (2, 7), Some((2, 3)))
    );
    assert_eq!(
        where_is(&parsed, "/base/list"),
        ((3, 9), (3, 15), Some((3, 3)))
    );
    assert_eq!(where_is(&parsed, "/name"), ((8, 6), (8, 7), Some((8, 1))));
}

#[test]
fn yaml_anchor_on_root_and_in_sequences() {
    let parsed = yaml("&r\n- &i [1, 2]\n- *i\n- [*i]\n");
    assert_eq!(clean(&parsed), &json!([[1, 2], [1, 2], [[1, 2]]]));
    assert_eq!(where_is(&parsed, "/2/0/1"), ((2, 10), (2, 11), None));
}

#[test]
fn yaml_billion_laughs_hits_alias_limit_fast() {
    let mut text = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for pair in names.windows(2) {
        let (prev, name) = (pair[0], pair[1]);
        let refs = vec![format!("*{prev}"); 9].join(",");
        text.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    let start = Instant::now();
    let parsed = yaml(&text);
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
    // Copies so far: 9*10 + 9*91 + 9*820 + 9*7381 = 74718; the first `*e` on line 6 adds 66430.
    let p = error(&parsed, K::AliasLimit, 6, 8);
    assert_eq!(lc(p.span.end), (6, 10));
}

#[test]
fn yaml_alias_budget_counts_text_bytes() {
    let big = "x".repeat(1000);
    let refs = vec!["*s"; 200].join(", ");
    let text = format!("s: &s {big}\nl: [{refs}]\n");
    let limits = Limits {
        max_bytes: 100_000,
        ..Limits::default()
    };
    let parsed = parse_yaml(text.as_bytes(), &limits);
    // 100 copies of 1000 bytes fit in 100_000; the 101st does not ("*s, " is 4 columns).
    let p = problem(&parsed, K::AliasLimit, E, 2, 5 + 4 * 100);
    assert!(p.message.contains("100000 bytes"), "{}", p.message);
}

#[test]
fn yaml_recursive_and_unknown_aliases() {
    let parsed = yaml("a: &x [*x]\n");
    error(&parsed, K::UnknownAlias, 1, 8);
    let parsed = yaml("a: 1\nb: *nope\n");
    let p = error(&parsed, K::UnknownAlias, 2, 4);
    assert_eq!(lc(p.span.end), (2, 9));
    assert!(p.message.contains("*nope"), "{}", p.message);
}

#[test]
fn yaml_duplicate_key_reports_both_positions() {
    let parsed = yaml("a: 1\nb: 2\na: 3\n");
    let p = error(&parsed, K::DuplicateKey, 3, 1);
    let related = p.related.map(|(r, label)| (lc(r.start), lc(r.end), label));
    assert_eq!(related, Some(((1, 1), (1, 2), "first written here")));
    // Keys compare by their resulting string.
    let parsed = yaml("{1: a, \"1\": b}");
    error(&parsed, K::DuplicateKey, 1, 8);
}

#[test]
fn yaml_non_scalar_key() {
    let parsed = yaml("? [a, b]\n: 1\nc: 2\n");
    let p = error(&parsed, K::NonScalarKey, 1, 3);
    assert_eq!(lc(p.span.end), (1, 9));
    let parsed = yaml("s: &s [1]\n*s : 2\n");
    error(&parsed, K::NonScalarKey, 2, 1);
}

#[test]
fn yaml_deep_flow_nesting_stops_at_depth_limit() {
    // Within a flow sequence the scanner reads ahead to the closing bracket (any entry could
    // turn out to be a key), so beyond the parser's own limit of 255 flow levels that limit
    // trips first, at the 256th bracket.
    let text = "[".repeat(100_000);
    let parsed = yaml(&text);
    let p = error(&parsed, K::DepthLimit, 1, 256);
    assert_eq!(p.span.start.offset, 255);
    let parsed = yaml(&"[1, ".repeat(100_000));
    error(&parsed, K::DepthLimit, 1, 1 + 255 * 4);
    // Below that, the builder's limit applies at the node that crosses it.
    let mut text = "[".repeat(100);
    text.push_str(&"]".repeat(100));
    error(&yaml(&text), K::DepthLimit, 1, 65);
    let text = "{a: ".repeat(100_000);
    let parsed = yaml(&text);
    error(&parsed, K::DepthLimit, 1, 1 + 255 * 4);
    let mut text = "{a: ".repeat(100);
    text.push_str(&"}".repeat(100));
    error(&yaml(&text), K::DepthLimit, 1, 1 + 64 * 4);
}

#[test]
fn yaml_deep_block_nesting_stops_at_depth_limit() {
    let mut text = "- ".repeat(100_000);
    text.push('x');
    let parsed = yaml(&text);
    error(&parsed, K::DepthLimit, 1, 1 + 64 * 2);

    let mut text = String::new();
    for depth in 0..2_000 {
        text.push_str(&" ".repeat(depth));
        text.push_str("a:\n");
    }
    let parsed = yaml(&text);
    error(&parsed, K::DepthLimit, 65, 65);
}

#[test]
fn yaml_deep_nesting_within_a_raised_limit_builds_without_recursion() {
    let depth = 3_000;
    let mut text = "- ".repeat(depth);
    text.push('x');
    let limits = Limits {
        max_depth: depth,
        ..Limits::default()
    };
    let parsed = parse_yaml(text.as_bytes(), &limits);
    let pointer = "/0".repeat(depth);
    assert_eq!(
        where_is(&parsed, &pointer),
        ((1, 2 * depth as u32 + 1), (1, 2 * depth as u32 + 2), None)
    );
    // The parser itself refuses flow nesting beyond 255 levels; that is a depth problem too.
    let parsed = parse_yaml("[".repeat(1000).as_bytes(), &limits);
    error(&parsed, K::DepthLimit, 1, 256);
}

#[test]
fn yaml_alias_depth_counts_toward_depth_limit() {
    let limits = Limits {
        max_depth: 3,
        ..Limits::default()
    };
    let parsed = parse_yaml(b"a: &a [[1]]\nb: [*a]\n", &limits);
    error(&parsed, K::DepthLimit, 2, 5);
}

#[test]
fn node_limit() {
    let limits = Limits {
        max_nodes: 4,
        ..Limits::default()
    };
    let parsed = parse_yaml(b"[1, 2, 3, 4, 5, 6]", &limits);
    error(&parsed, K::NodeLimit, 1, 11);
    let parsed = parse_json(b"[1, 2, 3, 4, 5, 6]", &limits);
    error(&parsed, K::NodeLimit, 1, 11);
    let parsed = parse_yaml(b"a: &a [1, 2]\nb: *a\n", &limits);
    error(&parsed, K::NodeLimit, 2, 4);
}

#[test]
fn size_limit_is_checked_before_parsing() {
    let limits = Limits {
        max_bytes: 10,
        ..Limits::default()
    };
    let parsed = parse_yaml(b"a: [1, 2, 3]", &limits);
    let p = error(&parsed, K::SizeLimit, 1, 1);
    assert_eq!(p.span.start.offset, 0);
    let parsed = parse_json(b"[1, 2, 3, 4]", &limits);
    error(&parsed, K::SizeLimit, 1, 1);
    assert!(parse_yaml(b"a: [1, 2]", &limits).doc.is_some());
}

#[test]
fn invalid_utf8_position() {
    let parsed = parse_yaml(b"a: 1\nb: \xc3\xa9\xff\n", &Limits::default());
    let p = error(&parsed, K::InvalidUtf8, 2, 5);
    assert_eq!(p.span.start.offset, 10);
    let parsed = parse_json(b"\xff\xfe[\x001\x00]\x00", &Limits::default());
    let p = error(&parsed, K::InvalidUtf8, 1, 1);
    assert!(p.message.contains("UTF-16"), "{}", p.message);
    // The UTF-32 little-endian mark starts with the UTF-16 one.
    let parsed = parse_yaml(b"\xff\xfe\x00\x00k\x00\x00\x00", &Limits::default());
    let p = error(&parsed, K::InvalidUtf8, 1, 1);
    assert!(p.message.ends_with("it looks like UTF-32"), "{}", p.message);
}

#[test]
fn a_flow_collection_ends_at_its_bracket_not_at_a_comment_after_it() {
    let parsed = yaml("name: [x]  # a comment after the list\nmap: {a: 1} # and after the map\n");
    let list = loc(&parsed, "/name");
    assert_eq!((lc(list.span.start), lc(list.span.end)), ((1, 7), (1, 10)));
    let map = loc(&parsed, "/map");
    assert_eq!((lc(map.span.start), lc(map.span.end)), ((2, 6), (2, 12)));
}

#[test]
fn byte_order_mark_is_stripped_with_a_warning() {
    let parsed = yaml("\u{feff}a: 1\nb: [x]\n");
    only(&parsed, K::ByteOrderMark, W, 1, 1);
    assert_eq!(value(&parsed), &json!({"a": 1, "b": ["x"]}));
    // Offsets still index the original bytes; columns ignore the invisible mark.
    let a = loc(&parsed, "/a");
    assert_eq!((lc(a.span.start), a.span.start.offset), ((1, 4), 6));
    let x = loc(&parsed, "/b/0");
    assert_eq!((lc(x.span.start), x.span.start.offset), ((2, 5), 12));
    let parsed = json_doc("\u{feff}{\"a\": 1}");
    only(&parsed, K::ByteOrderMark, W, 1, 1);
    assert_eq!(where_is(&parsed, "/a"), ((1, 7), (1, 8), Some((1, 2))));
}

#[test]
fn nul_byte_position() {
    let parsed = yaml("a: 1\nb: x\0y\n");
    let p = error(&parsed, K::NulByte, 2, 5);
    assert_eq!(p.span.start.offset, 9);
    let parsed = json_doc("[\"a\0\"]");
    error(&parsed, K::NulByte, 1, 4);
}

#[test]
fn characters_yaml_does_not_allow_stop_the_file_at_the_first() {
    for (text, column, message) in [
        ("a: x\u{1b}y\n", 5, "U+001B"),
        ("a: x\u{7f}y\n", 5, "U+007F"),
        ("a: \u{e9}\u{80}\n", 5, "U+0080"),
        ("a: \u{9f}\n", 4, "U+009F"),
        ("a: x\u{fffe}\n", 5, "U+FFFE"),
        ("a: \u{a7}\u{ffff}\n", 5, "U+FFFF"),
        // The first in the text, whichever search finds it.
        ("a: \u{85}\u{80}\u{1}\n", 5, "U+0080"),
        ("a: \u{1}\u{80}\n", 4, "U+0001"),
    ] {
        let parsed = yaml(&format!("k: 1\n{text}"));
        let p = error(&parsed, K::Syntax, 2, column);
        assert!(p.message.contains(message), "{text:?}: {}", p.message);
        assert_eq!(p.span.end.column, column + 1, "{text:?}");
    }
    // Tab, line breaks, NEL, a no-break space and other characters of 0xC2 or 0xEF are
    // allowed.
    let parsed = yaml("a: \"x\ty\"\r\nb: \u{85}\u{a0}\u{a7}\u{ff01}\u{fffd}\n");
    assert_eq!(parsed.problems, []);
    // JSON allows DEL and C1 controls raw.
    let parsed = json_doc("[\"\u{7f}\u{80}\"]");
    assert_eq!(parsed.problems, []);
}

#[test]
fn tabs_inside_block_scalars_and_commented_flow_collections_are_content() {
    // Regression, found by the YAML test suite (cases 96NN, R4YG, Y79Y/01, 6HB6): a tab after
    // a block scalar's indentation is content, and a tab inside a flow collection whose `[` is
    // followed by a comment is separation; both were reported as tab indentation. The second
    // came from the flow collection being taken for a block one (its start event then covers
    // the comment), which also misplaced its span.
    assert_eq!(clean(&yaml("foo: |-\n \tbar\n")), &json!({"foo": "\tbar"}));
    assert_eq!(
        clean(&yaml("- >\n \t\n detected\n")),
        &json!(["\t\ndetected\n"])
    );
    assert_eq!(
        clean(&yaml("foo: |\n \t\nbar: 1\n")),
        &json!({"foo": "\t\n", "bar": 1})
    );
    let parsed = yaml("x:\n f: [ # c\n   a,\n  \tb\n    ]\n");
    assert_eq!(clean(&parsed), &json!({"x": {"f": ["a", "b"]}}));
    assert_eq!(where_is(&parsed, "/x/f"), ((2, 5), (5, 6), Some((2, 2))));
    let parsed = yaml("f: &a { # c\n  k: v}\n");
    assert_eq!(where_is(&parsed, "/f"), ((1, 7), (2, 8), Some((1, 1))));
}

#[test]
fn tabs_in_indentation() {
    // Rejected by the parser, reported at the tab rather than where the parser noticed.
    for (text, line, column) in [
        ("a:\n\tb: 1\n", 2, 1),
        ("a:\n  b: 1\n\tc: 2\n", 3, 1),
        ("a: |\n  x\n\ty\n", 3, 1),
        ("- a\n\t- b\n", 2, 1),
        ("x: |\n\tfoo\n", 2, 1),
        // Accepted by the parser, but still a tab before block content.
        ("a:\n \tb: 1\n", 2, 2),
        ("\t- x\n", 1, 1),
        ("k: v\n\t\n  \t# only a comment\nj: w\n\tl: m\n", 5, 1),
    ] {
        let parsed = yaml(text);
        let p = error(&parsed, K::TabIndentation, line, column);
        assert_eq!(p.help.as_deref(), Some("indent with spaces"), "{text:?}");
    }
    // Tabs as separation, in flow context, or on blank lines are fine.
    for text in [
        "- a\n-\tb\n",
        "a: [1,\n\t2]\n",
        "a: 1\n\t\nb: 2\n",
        "a: 1 \t# c\n",
    ] {
        let parsed = yaml(text);
        assert!(
            parsed.problems.is_empty(),
            "{text:?}: {:#?}",
            parsed.problems
        );
    }
}

#[test]
fn a_tab_right_after_a_colon_is_named_for_what_it_is() {
    let parsed = yaml("kind: powers\nname:\tx\n");
    let p = error(&parsed, K::Syntax, 2, 6);
    assert_eq!(p.message, "a tab after `:` is not accepted here");
    assert_eq!(lc(p.span.end), (2, 7));
    assert_eq!(
        p.help.as_deref(),
        Some("write a space after `:` instead of the tab")
    );
}

#[test]
fn yaml11_booleans_warn() {
    let parsed = yaml("a: yes\nb: No\nc: ON\nd: off\ne: y\nf: N\ng: 'yes'\nh: yesterday\n");
    assert_eq!(parsed.problems.len(), 6, "{:#?}", parsed.problems);
    for (i, p) in parsed.problems.iter().enumerate() {
        assert_eq!((p.kind, p.severity), (K::Yaml11Boolean, W));
        assert_eq!(lc(p.span.start), (i as u32 + 1, 4));
    }
    assert_eq!(
        value(&parsed),
        &json!({"a": "yes", "b": "No", "c": "ON", "d": "off", "e": "y", "f": "N", "g": "yes",
                "h": "yesterday"})
    );
    let help = parsed.problems[0].help.as_deref().unwrap_or_default();
    assert_eq!(
        help,
        "quote it (\"yes\") so that every YAML tool reads the word; where a field takes true \
         or false, the schema check says so"
    );
}

#[test]
fn leading_zero_numbers_warn() {
    let parsed = yaml("mode: 0755\nother: \"0755\"\nzero: 0\nneg: -012\n");
    let found: Vec<_> = parsed
        .problems
        .iter()
        .map(|p| (p.kind, p.severity, lc(p.span.start)))
        .collect();
    assert_eq!(
        found,
        [
            (K::LeadingZeroNumber, W, (1, 7)),
            (K::LeadingZeroNumber, W, (4, 6))
        ]
    );
    assert!(
        parsed.problems[0].message.contains("493"),
        "{}",
        parsed.problems[0].message
    );
    assert_eq!(
        value(&parsed),
        &json!({"mode": 755, "other": "0755", "zero": 0, "neg": -12})
    );
}

#[test]
fn non_finite_numbers_are_errors() {
    let parsed = yaml("a: .inf\nb: -.Inf\nc: .nan\nd: '.inf'\n");
    assert_eq!(parsed.problems.len(), 3, "{:#?}", parsed.problems);
    for (p, line) in parsed.problems.iter().zip(1..) {
        assert_eq!(
            (p.kind, p.severity, lc(p.span.start)),
            (K::NonFiniteNumber, E, (line, 4))
        );
    }
    assert!(parsed.doc.is_none());
}

#[test]
fn multiple_documents() {
    let parsed = yaml("a: 1\n---\nb: 2\n");
    let p = error(&parsed, K::MultipleDocuments, 2, 1);
    assert_eq!(lc(p.span.end), (2, 4));
    let parsed = yaml("---\na: 1\n...\n---\nb: 2\n");
    error(&parsed, K::MultipleDocuments, 4, 1);
    // A single explicit document is fine.
    assert!(yaml("---\na: 1\n...\n").doc.is_some());
}

#[test]
fn empty_documents() {
    error(&yaml(""), K::EmptyDocument, 1, 1);
    error(&yaml("# nothing here\n\n"), K::EmptyDocument, 1, 1);
    error(&yaml("---\n"), K::EmptyDocument, 2, 1);
    error(&json_doc("  \n "), K::EmptyDocument, 1, 1);
    // An explicit null is a document.
    assert_eq!(clean(&yaml("~\n")), &json!(null));
}

#[test]
fn tags_are_rejected() {
    let parsed = yaml("a: !!str 1\nb: !custom {x: 1}\nc: &x !t\n  - 1\n");
    assert_eq!(parsed.problems.len(), 3, "{:#?}", parsed.problems);
    let spans: Vec<_> = parsed
        .problems
        .iter()
        .map(|p| (p.kind, lc(p.span.start), lc(p.span.end)))
        .collect();
    assert_eq!(
        spans,
        [
            (K::Tag, (1, 4), (1, 9)),
            (K::Tag, (2, 4), (2, 11)),
            (K::Tag, (3, 7), (3, 9)),
        ]
    );
    assert!(parsed.problems[0].message.contains("`!!str`"));
}

#[test]
fn merge_keys_are_rejected() {
    let parsed = yaml("base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n");
    let p = error(&parsed, K::MergeKey, 3, 3);
    assert_eq!(
        p.message,
        "merge keys are not supported; write the keys out"
    );
    // Quoted, it is an ordinary key.
    assert_eq!(clean(&yaml("\"<<\": 1\n")), &json!({"<<": 1}));
}

#[test]
fn syntax_errors_have_positions_and_plain_messages() {
    let parsed = yaml("key: value: other\n");
    let p = error(&parsed, K::Syntax, 1, 11);
    assert!(p.message.starts_with("unexpected `:`"), "{}", p.message);
    // An unclosed bracket is noticed on a later line; the bracket is pointed out too.
    let parsed = yaml("a: [1, 2\nb: 3\n");
    let p = error(&parsed, K::Syntax, 2, 2);
    assert_eq!(
        p.related.map(|(r, label)| (lc(r.start), label)),
        Some(((1, 4), "opened here"))
    );
    assert!(p.help.as_deref().unwrap_or_default().contains("`[`"));
    let parsed = yaml("a:\n  - b\n  c: d\n");
    let p = error(&parsed, K::Syntax, 3, 3);
    assert!(!p.message.contains("while parsing"), "{}", p.message);
    let parsed = yaml("a: \"unterminated\n");
    let p = error(&parsed, K::Syntax, 1, 4);
    assert!(p.message.contains("not closed"), "{}", p.message);
}

#[test]
fn an_unclosed_quote_is_blamed_and_not_the_bracket_around_it() {
    // The quote is closed nowhere; the next line, less indented, ends the string.
    let parsed = yaml("a:\n  tags: [\"biometric, health]\n  b: 1\n");
    let p = error(&parsed, K::Syntax, 2, 10);
    assert_eq!(
        p.message,
        "a quoted string is not closed on its line, and the next line is not indented as its continuation"
    );
    assert_eq!(p.related, None);
    assert_eq!(
        p.help.as_deref(),
        Some(
            "close the string with `\"`; a string that goes on over several lines needs them indented more than its key"
        )
    );
    let parsed = yaml("a: ['x, y]\n");
    let p = error(&parsed, K::Syntax, 1, 5);
    assert_eq!(
        (p.message.as_str(), p.related, p.help.as_deref()),
        (
            "a quoted string is not closed before the end of the file",
            None,
            Some("close the string with `'`")
        )
    );
}

#[test]
fn crlf_positions_match_lf() {
    let lf = "a:\n  b: [1, 2]\n  c: |\n    text\n  d: \"x\"\n";
    let crlf = lf.replace('\n', "\r\n");
    let (lf, crlf) = (yaml(lf), yaml(&crlf));
    assert_eq!(value(&lf), value(&crlf));
    for pointer in ["", "/a", "/a/b", "/a/b/1", "/a/c", "/a/d"] {
        let (x, y) = (loc(&lf, pointer), loc(&crlf, pointer));
        assert_eq!(lc(x.span.start), lc(y.span.start), "{pointer}");
        assert_eq!(
            x.key_span.map(|k| lc(k.start)),
            y.key_span.map(|k| lc(k.start))
        );
    }
    assert_eq!(where_is(&crlf, "/a/d"), ((5, 6), (5, 9), Some((5, 3))));
    assert_eq!(loc(&crlf, "/a/d").span.start.offset, 40);
    let parsed = yaml("a: 1\r\nb: x\0\r\n");
    error(&parsed, K::NulByte, 2, 5);
}

#[test]
fn unicode_columns_count_chars() {
    let parsed = yaml("é: x\nb: {ü: y, z: \"😀\"}\n");
    assert_eq!(where_is(&parsed, "/é"), ((1, 4), (1, 5), Some((1, 1))));
    assert_eq!(where_is(&parsed, "/b/ü"), ((2, 8), (2, 9), Some((2, 5))));
    assert_eq!(where_is(&parsed, "/b/z"), ((2, 14), (2, 17), Some((2, 11))));
    // "é: x\n" is 6 bytes; "b: {ü: " is 8.
    assert_eq!(loc(&parsed, "/b/ü").span.start.offset, 14);
    let parsed = yaml("name: 日本語\nnext: [é, 1]\n");
    assert_eq!(where_is(&parsed, "/next/1"), ((2, 11), (2, 12), None));
    let parsed = json_doc("{\"é\": \"ü\", \"k\": 1}");
    assert_eq!(where_is(&parsed, "/k"), ((1, 17), (1, 18), Some((1, 12))));
    // A long non-ASCII line: column counting must stay exact across internal checkpoints.
    let mut text = String::from("[");
    text.push_str(&"\"é\", ".repeat(2000));
    text.push_str("1]");
    let parsed = json_doc(&text);
    let last = loc(&parsed, "/2000");
    assert_eq!(
        (lc(last.span.start), last.span.start.offset),
        ((1, 10_002), 12_001)
    );
}

#[test]
fn many_duplicate_keys_are_all_reported() {
    let n = 20_000;
    let mut text = String::new();
    for i in 0..n {
        text.push_str(&format!("k{i}: 1\n"));
    }
    for _ in 0..n {
        text.push_str(&format!("k{}: 2\n", n - 1));
    }
    let parsed = yaml(&text);
    assert_eq!(parsed.problems.len(), n);
    assert!(parsed.problems.iter().all(|p| p.kind == K::DuplicateKey));
    assert_eq!(lc(parsed.problems[n - 1].span.start), (2 * n as u32, 1));
    // The first occurrence is given while the search budget lasts.
    assert_eq!(
        parsed.problems[0].related.map(|(r, _)| lc(r.start)),
        Some((n as u32, 1))
    );
}

// ---------------------------------------------------------------- locating

#[test]
fn locate_pointer_rules() {
    let parsed = yaml("a/b: 1\nm~n: 2\narr: [x, y]\nobj: {k: v}\n");
    let d = doc(&parsed);
    assert!(d.spans.locate(&d.value, "/a~1b").is_some());
    assert!(d.spans.locate(&d.value, "/m~0n").is_some());
    assert!(d.spans.locate(&d.value, "/arr/1").is_some());
    for missing in [
        "/arr/01", "/arr/-", "/arr/2", "/nope", "/obj/k/x", "arr", "/a~2b",
    ] {
        assert_eq!(d.spans.locate(&d.value, missing), None, "{missing}");
    }
    // The nearest existing ancestor stands in for a missing node.
    let nearest = d.spans.locate_nearest(&d.value, "/obj/missing/deeper");
    assert_eq!(nearest, loc(&parsed, "/obj"));
    assert_eq!(d.spans.locate_nearest(&d.value, "/zzz"), d.spans.root());
    assert_eq!(
        d.spans.locate_nearest(&d.value, "/arr/1"),
        loc(&parsed, "/arr/1")
    );
}

#[test]
fn locate_in_large_objects_uses_every_key() {
    let mut text = String::new();
    for i in 0..500 {
        text.push_str(&format!("key{i}: {{v: {i}}}\n"));
    }
    let parsed = yaml(&text);
    for i in [0u32, 1, 15, 16, 17, 250, 499] {
        let l = loc(&parsed, &format!("/key{i}/v"));
        assert_eq!(lc(l.span.start).0, i + 1);
    }
    let d = doc(&parsed);
    assert_eq!(d.spans.locate(&d.value, "/key500"), None);
    // Aliases of large objects share the index.
    let mut text = String::from("big: &b\n");
    for i in 0..40 {
        text.push_str(&format!("  k{i}: {i}\n"));
    }
    text.push_str("copy: *b\n");
    let parsed = yaml(&text);
    assert_eq!(
        where_is(&parsed, "/copy/k39"),
        ((41, 8), (41, 10), Some((41, 3)))
    );
}

// ---------------------------------------------------------------- JSON

#[test]
fn json_document_with_spans() {
    let text = "{\n  \"name\": \"x\",\n  \"list\": [1, 2.5, -3, true, null],\n  \"o\": {\"k\": \"v\\u00e9\\ud83d\\ude00\"}\n}\n";
    let parsed = json_doc(text);
    assert_eq!(
        clean(&parsed),
        &json!({"name": "x", "list": [1, 2.5, -3, true, null], "o": {"k": "vé😀"}})
    );
    assert_eq!(where_is(&parsed, ""), ((1, 1), (5, 2), None));
    assert_eq!(where_is(&parsed, "/name"), ((2, 11), (2, 14), Some((2, 3))));
    assert_eq!(where_is(&parsed, "/list/1"), ((3, 15), (3, 18), None));
    assert_eq!(where_is(&parsed, "/o"), ((4, 8), (4, 36), Some((4, 3))));
    let key = loc(&parsed, "/name")
        .key_span
        .map(|k| (k.start.offset, k.end.offset));
    assert_eq!(key, Some((4, 10)));
}

#[test]
fn json_numbers() {
    let parsed = json_doc(
        "[0, -0, 18446744073709551615, -9223372036854775808, 18446744073709551616, 1.0, 1e2, -2.5E-3]",
    );
    assert_eq!(
        clean(&parsed),
        &json!([
            0,
            0,
            u64::MAX,
            i64::MIN,
            18_446_744_073_709_551_616.0,
            1.0,
            100.0,
            -0.0025
        ])
    );
    let parsed = json_doc("[1e999]");
    error(&parsed, K::NonFiniteNumber, 1, 2);
}

#[test]
fn json_trailing_comma() {
    let p = error(&json_doc("[1, 2,]"), K::JsonSyntax, 1, 6);
    assert_eq!(p.message, "trailing comma before `]`");
    assert_eq!(lc(p.span.end), (1, 7));
    let p = error(&json_doc("{\n  \"a\": 1,\n}"), K::JsonSyntax, 2, 9);
    assert_eq!(p.message, "trailing comma before `}`");
}

#[test]
fn json_comments_and_quotes() {
    let p = error(&json_doc("{\"a\": 1 // c\n}"), K::JsonSyntax, 1, 9);
    assert!(p.message.contains("comments"), "{}", p.message);
    error(&json_doc("/* c */ {}"), K::JsonSyntax, 1, 1);
    let p = error(&json_doc("{'a': 1}"), K::JsonSyntax, 1, 2);
    assert!(p.message.contains("double quotes"), "{}", p.message);
    error(&json_doc("[\"a\", 'b']"), K::JsonSyntax, 1, 7);
    error(&json_doc("{a: 1}"), K::JsonSyntax, 1, 2);
}

#[test]
fn json_string_errors() {
    let cases = [
        ("[\"a\\x\"]", 1, 4, "invalid escape `\\x`"),
        ("[\"\\ud800x\"]", 1, 3, "lone surrogate `\\uD800`"),
        ("[\"\\udc00\"]", 1, 3, "lone surrogate `\\uDC00`"),
        ("[\"\\u12\"]", 1, 3, "four hex digits"),
        ("[\"a\tb\"]", 1, 4, "a tab"),
        ("[\"a\nb\"]", 1, 4, "a line break"),
        ("[\"a\u{1}\"]", 1, 4, "U+0001"),
        ("[\"abc", 1, 2, "not closed"),
    ];
    for (text, line, column, message) in cases {
        let p = error(&json_doc(text), K::JsonSyntax, line, column);
        assert!(p.message.contains(message), "{text:?}: {}", p.message);
    }
}

#[test]
fn json_literal_and_number_errors() {
    let cases = [
        ("[NaN]", 1, 2, "`NaN`"),
        ("[-Infinity]", 1, 2, "`-Infinity`"),
        ("[Infinity]", 1, 2, "`Infinity`"),
        ("[01]", 1, 2, "leading zeros"),
        ("[-01]", 1, 2, "leading zeros"),
        ("[1.]", 1, 2, "decimal point"),
        ("[1e+]", 1, 2, "exponent"),
        ("[-]", 1, 2, "after `-`"),
        ("[.5]", 1, 2, "invalid number"),
        ("[+1]", 1, 2, "invalid number"),
        ("[0x10]", 1, 2, "invalid number `0x10`"),
        ("[True]", 1, 2, "unknown literal"),
        ("[hello]", 1, 2, "double-quoted"),
        ("[1 2]", 1, 4, "expected `,` or `]`"),
        ("{\"a\" 1}", 1, 6, "expected `:`"),
        ("[1,,2]", 1, 4, "expected a value before `,`"),
        ("[1", 1, 3, "end of input"),
        ("{} {}", 1, 4, "after the JSON value"),
        ("{\"a\": }", 1, 7, "expected a value before `}`"),
    ];
    for (text, line, column, message) in cases {
        let p = error(&json_doc(text), K::JsonSyntax, line, column);
        assert!(p.message.contains(message), "{text:?}: {}", p.message);
    }
}

#[test]
fn json_duplicate_keys() {
    let parsed = json_doc("{\"a\": 1,\n \"b\": 2,\n \"a\": 3, \"b\": 4}");
    assert_eq!(parsed.problems.len(), 2, "{:#?}", parsed.problems);
    let first = &parsed.problems[0];
    assert_eq!(
        (first.kind, first.severity, lc(first.span.start)),
        (K::DuplicateKey, E, (3, 2))
    );
    assert_eq!(
        first.related.map(|(r, _)| (lc(r.start), lc(r.end))),
        Some(((1, 2), (1, 5)))
    );
    assert_eq!(lc(parsed.problems[1].span.start), (3, 10));
    assert!(parsed.doc.is_none());
}

#[test]
fn json_deep_nesting() {
    let parsed = json_doc(&"[".repeat(100_000));
    error(&parsed, K::DepthLimit, 1, 65);
    let parsed = json_doc(&"{\"a\":".repeat(100_000));
    error(&parsed, K::DepthLimit, 1, 1 + 64 * 5);
    let mut text = "[".repeat(64);
    text.push_str(&"]".repeat(64));
    assert!(json_doc(&text).doc.is_some());
}

#[test]
fn json_and_yaml_agree() {
    let text = "{\"a\": [1, \"two\", {\"b\": null}], \"c\": {\"d\": false}}";
    assert_eq!(clean(&json_doc(text)), clean(&yaml(text)));
    let from_serde: Value = serde_json::from_str(text).unwrap_or_default();
    assert_eq!(clean(&json_doc(text)), &from_serde);
}

// ---------------------------------------------------------------- robustness

/// Every node of the value must be locatable, with a span inside the input.
#[track_caller]
fn check_tree(input: &[u8], parsed: &Parsed) {
    let Some(doc) = &parsed.doc else {
        return;
    };
    let mut stack = vec![(String::new(), &doc.value)];
    while let Some((pointer, node)) = stack.pop() {
        let Some(l) = doc.spans.locate(&doc.value, &pointer) else {
            panic!(
                "{pointer:?} missing for {:?}",
                String::from_utf8_lossy(input)
            );
        };
        assert!(l.span.start.offset <= l.span.end.offset, "{pointer}: {l:?}");
        assert!(l.span.end.offset <= input.len(), "{pointer}: {l:?}");
        assert!(
            l.span.start.line >= 1 && l.span.start.column >= 1,
            "{pointer}: {l:?}"
        );
        match node {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    stack.push((format!("{pointer}/{i}"), item));
                }
            }
            Value::Object(map) => {
                for (k, v) in map {
                    let key = k.replace('~', "~0").replace('/', "~1");
                    stack.push((format!("{pointer}/{key}"), v));
                }
            }
            _ => {}
        }
    }
}

#[test]
fn random_inputs_never_panic_and_keep_spans_parallel() {
    const PIECES: &[&str] = &[
        "a", "b", ": ", ":", "- ", "-", "\n", "\n  ", "  ", "\t", "[", "]", "{", "}", ",", "\"",
        "'", "&x ", "*x", "&y ", "*y", "!t ", "? ", "#c", "|", ">", "---\n", "...", "é", "😀",
        "\r\n", "\r", "1", "0755", "yes", ".inf", "<<", "~", "\\", "\\u12", "\0", "null", "7.5",
        "\u{feff}", "%", "@", "`",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let limits = Limits {
        max_depth: 8,
        max_alias_expansion: 50,
        ..Limits::default()
    };
    for _ in 0..30_000 {
        let mut text = String::new();
        for _ in 0..(next() % 24) {
            text.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
        }
        let mut bytes = text.into_bytes();
        if next() % 16 == 0 && !bytes.is_empty() {
            let at = (next() % bytes.len() as u64) as usize;
            bytes[at] = (next() % 256) as u8;
        }
        for parsed in [parse_yaml(&bytes, &limits), parse_json(&bytes, &limits)] {
            check_tree(&bytes, &parsed);
            assert_eq!(
                parsed.doc.is_some(),
                !parsed.problems.iter().any(Problem::is_error)
            );
            for p in &parsed.problems {
                assert!(p.span.start.offset <= p.span.end.offset, "{p:?}");
                assert!(p.span.end.offset <= bytes.len(), "{bytes:?}: {p:?}");
            }
        }
    }
}

#[test]
fn realistic_documents_keep_spans_parallel() {
    let text = "# dataset\nrecords:\n  - id: a1\n    tags: [x, z]\n    stats: {hp: 1, atk: 2}\n    \
                powers:\n      - id: p\n        power: 3\n    note: |\n      multi\n      line\n\
                defaults: &d\n  level: 1\n  nested: &n {deep: [1, 2]}\nuses:\n  - *d\n  - {n: *n}\n";
    for source in [text.to_owned(), text.replace('\n', "\r\n")] {
        let parsed = yaml(&source);
        assert!(parsed.problems.is_empty(), "{:#?}", parsed.problems);
        check_tree(source.as_bytes(), &parsed);
        let json = serde_json::to_string_pretty(value(&parsed)).unwrap_or_default();
        let again = json_doc(&json);
        assert_eq!(value(&again), value(&parsed));
        check_tree(json.as_bytes(), &again);
    }
}

#[test]
fn yaml_root_scalars_and_directives() {
    let parsed = yaml("hello\n");
    assert_eq!(clean(&parsed), &json!("hello"));
    assert_eq!(where_is(&parsed, ""), ((1, 1), (1, 6), None));
    let parsed = yaml("--- |\n  text\n");
    assert_eq!(clean(&parsed), &json!("text\n"));
    let parsed = yaml("%YAML 1.2\n---\na: 1 # comment\n");
    assert_eq!(clean(&parsed), &json!({"a": 1}));
    assert_eq!(where_is(&parsed, "/a"), ((3, 4), (3, 5), Some((3, 1))));
}

#[test]
fn yaml_non_ascii_with_anchors_and_aliases() {
    let parsed = yaml("é: &a [ü, 1]\nb: *a\nc: [*a, \"日本\"]\n");
    assert_eq!(
        clean(&parsed),
        &json!({"é": ["ü", 1], "b": ["ü", 1], "c": [["ü", 1], "日本"]})
    );
    assert_eq!(where_is(&parsed, "/é"), ((1, 7), (1, 13), Some((1, 1))));
    assert_eq!(where_is(&parsed, "/c/0/1"), ((1, 11), (1, 12), None));
    assert_eq!(where_is(&parsed, "/c/1"), ((3, 9), (3, 13), None));
    assert_eq!(loc(&parsed, "/c/1").span.start.offset, 29);
}

/// A document of `entries` list entries, over 1 MiB from about 25 000 entries: large enough
/// to be scanned on a second thread.
fn big_list(entries: usize) -> String {
    let mut text = String::from("items:\n");
    for i in 0..entries {
        text.push_str(&format!(
            "  - id: item-{i}\n    note: some text for entry {i}\n"
        ));
    }
    text
}

#[test]
fn a_large_file_scanned_on_a_second_thread_reads_like_a_small_one() {
    let text = big_list(30_000);
    assert!(text.len() > 1 << 20);
    let parsed = yaml(&text);
    let d = doc(&parsed);
    let items = d.value["items"].as_array().expect("a list");
    assert_eq!(items.len(), 30_000);
    assert_eq!(
        items[29_999],
        json!({"id": "item-29999", "note": "some text for entry 29999"})
    );
    let last = d
        .spans
        .locate(&d.value, "/items/29999/note")
        .expect("the last note");
    assert_eq!((last.span.start.line, last.span.start.column), (60_001, 11));
}

#[test]
fn a_large_file_reports_a_syntax_error_at_its_end_and_a_limit_at_its_start() {
    let text = format!("{}  - [unclosed\n", big_list(30_000));
    let parsed = yaml(&text);
    assert!(parsed.doc.is_none());
    let p = &parsed.problems[0];
    assert_eq!((p.kind, p.span.start.line), (ProblemKind::Syntax, 60_003));
    // A limit reached early stops the reading thread too (the test would hang otherwise).
    let limits = Limits {
        max_nodes: 10,
        ..Limits::default()
    };
    let parsed = parse_yaml(big_list(30_000).as_bytes(), &limits);
    problem(
        &parsed,
        ProblemKind::NodeLimit,
        ProblemSeverity::Error,
        7,
        11,
    );
    let two = format!("{}---\nsecond: document\n", big_list(30_000));
    problem(
        &yaml(&two),
        ProblemKind::MultipleDocuments,
        ProblemSeverity::Error,
        60_002,
        1,
    );
}

#[test]
fn a_colon_without_a_space_is_named_for_what_it_is() {
    let parsed = yaml("kind: analysis\npowers:[a, b]\nid: x\n");
    let p = error(&parsed, K::Syntax, 2, 1);
    assert_eq!(p.message, "the `:` after `powers` needs a space after it");
    assert_eq!(p.help.as_deref(), Some("write `powers: [a, b]`"));

    let parsed = yaml("kind: analysis\npowers:\u{a0}[a, b]\nid: x\n");
    let p = error(&parsed, K::Syntax, 2, 1);
    assert_eq!(
        p.message,
        "the `:` after `powers` is followed by a non-breaking space (U+00A0), which YAML does \
         not read as a space"
    );
    assert_eq!(
        p.help.as_deref(),
        Some("replace it with an ordinary space: `powers: [a, b]`")
    );
}

#[test]
fn indentation_of_non_breaking_spaces_is_named() {
    let parsed = yaml("kind: analysis\nitem:\n  a: 1\n\u{a0}\u{a0}b: 2\n  c: 3\n");
    let p = error(&parsed, K::Syntax, 4, 1);
    assert_eq!(
        p.message,
        "this line is indented with non-breaking spaces (U+00A0), which YAML does not read as \
         indentation"
    );
    assert_eq!(lc(p.span.end), (4, 3));
}

#[test]
fn a_text_line_indented_too_little_is_not_taken_for_a_key() {
    // The second line of the summary went back to the key's column: it is no key, so the
    // help must not invent `Search: and...`.
    let parsed =
        yaml("kind: analysis\nsummary: >-\n  First line.\nSearch and seizure of data.\nid: x\n");
    let p = error(&parsed, K::Syntax, 4, 1);
    assert_eq!(
        p.message,
        "`Search and seizure of data.` stands where a `key: value` entry is expected"
    );
    assert!(
        p.help
            .as_deref()
            .unwrap_or_default()
            .starts_with("if it goes on from the text above, indent it more")
    );
}

#[test]
fn a_list_items_first_key_without_its_colon_is_blamed() {
    let parsed = yaml("kind: analysis\nconcerns:\n  - id search-without-judge\n    summary: x\n");
    let p = error(&parsed, K::Syntax, 3, 5);
    assert_eq!(
        p.message,
        "`id search-without-judge` has no `:` after its key"
    );
    assert_eq!(p.help.as_deref(), Some("write `id: search-without-judge`"));
}

#[test]
fn a_hash_glued_to_a_word_on_a_value_s_next_line_is_flagged() {
    let found = |text: &str| {
        let parsed = yaml(text);
        let found: Vec<_> = parsed
            .problems
            .iter()
            .map(|p| (p.kind, lc(p.span.start), lc(p.span.end)))
            .collect();
        (found, parsed)
    };
    // The line would go on from the value: the whole of it is lost.
    let (problems, parsed) =
        found("summary: This power covers\n  #hashtags and more text\nscope: domestic\n");
    assert_eq!(problems, [(K::CommentInValue, (2, 3), (2, 26))]);
    assert_eq!(
        parsed.problems[0].message,
        "`#hashtags and more text` is a comment: the value on the line above ends before it"
    );
    assert_eq!(
        value(&parsed),
        &json!({"summary": "This power covers", "scope": "domestic"})
    );
    // After the value's continuation, in a list item, under a dash, before the end of the
    // file, past other comments, with CRLF line breaks.
    for (text, at) in [
        ("a: b\n  c\n  #d\n", (3, 3)),
        ("- id: x\n  title: t\n    #u\n- id: z\n", (3, 5)),
        ("list:\n  - a\n    #b\n  - c\n", (3, 5)),
        ("a:\n  b\n  #c\n  # note\n\nd: e\n", (3, 3)),
        ("a: b\r\n  #c\r\nd: e\r\n", (2, 3)),
    ] {
        let (problems, _) = found(text);
        assert_eq!(problems.len(), 1, "{text:?}: {problems:?}");
        assert_eq!(
            (problems[0].0, problems[0].1),
            (K::CommentInValue, at),
            "{text:?}"
        );
    }
    // Comments written as such: at the keys' column or left of it, after a blank line or
    // another comment, with a space after `#`, after a quoted or block value, after a
    // comment on the value's line, or after a value that has none.
    for text in [
        "a: b\n#c\nd: e\n",
        "x:\n  a: b\n  #c\n",
        "- a\n#b\n",
        "a: b\n\n  #c\n",
        "a: b\n  # c\n  #d\n",
        "a: b\n  # c\n",
        "a: b\n  ##\n",
        "a: 'b'\n  #c\n",
        "a: |\n  b\n  #c\n",
        "a: b # c\n  #d\n",
        "a:\n  #b\nc: d\n",
        "a: [b,\n  #c\n  d]\n",
        "a: false\n  #TODO check\nb: c\n",
        "a: 90\n  #TODO check\nb: c\n",
        "list:\n  - a-b\n    #- c-d\n  - e\n",
    ] {
        let (problems, _) = found(text);
        assert_eq!(problems, [], "{text:?}");
    }
    // Text going on below the comment: the parser fails, and its error names the comment
    // that cut the value.
    let (problems, parsed) = found("a: b\n  #c d\n  e\n");
    assert_eq!(problems, [(K::Syntax, (2, 3), (2, 7))]);
    assert_eq!(
        parsed.problems[0].message,
        "`#c d` is a comment: the value above ends before it, and the line below is left standing alone"
    );
    assert_eq!(
        parsed.problems[0].help.as_deref(),
        Some("quote the whole value, or move the `#` away from the start of the line")
    );
}

#[test]
fn a_hash_glued_to_a_word_after_a_value_is_flagged() {
    let parsed = yaml(
        "summary: Interception under Article 30 #secret can last forever.\nurl: https://e.org/x #section-2\nnote: kept # a comment\ntag: C#\nother: 'quoted' #x\n",
    );
    let found: Vec<_> = parsed
        .problems
        .iter()
        .map(|p| (p.kind, p.severity, lc(p.span.start), lc(p.span.end)))
        .collect();
    assert_eq!(
        found,
        [
            (K::CommentInValue, W, (1, 40), (1, 65)),
            (K::CommentInValue, W, (2, 22), (2, 32)),
        ]
    );
    assert_eq!(
        parsed.problems[0].message,
        "`#secret can last forever.` is a comment: the value ends before it"
    );
    assert_eq!(
        value(&parsed),
        &json!({"summary": "Interception under Article 30", "url": "https://e.org/x",
                "note": "kept", "tag": "C#", "other": "quoted"})
    );
}

#[test]
fn text_starting_with_yaml_syntax_is_helped_to_quotes() {
    for (value, help) in [
        (
            "*Secret* orders last.",
            "a value that starts with `*` is read as YAML syntax; to write it as text, quote all \
             of it: `summary: '*Secret* orders last.'`",
        ),
        (
            "\"As appropriate\" leaves it open.",
            "a value that starts with `\"` is read as YAML syntax; to write it as text, quote \
             all of it: `summary: '\"As appropriate\" leaves it open.'`",
        ),
        (
            "[Editor's note] orders last.",
            "a value that starts with `[` is read as YAML syntax; to write it as text, quote all \
             of it: `summary: '[Editor''s note] orders last.'`",
        ),
    ] {
        let parsed = yaml(&format!("kind: analysis\nsummary: {value}\nid: x\n"));
        let p = parsed
            .problems
            .iter()
            .find(|p| p.severity == ProblemSeverity::Error)
            .expect("an error");
        assert_eq!(p.help.as_deref(), Some(help), "{value}");
    }
    // A list with a slip is no text to quote.
    let parsed = yaml("kind: analysis\npowers: [a, b]]\n");
    let p = &parsed.problems[0];
    assert!(
        !p.help.as_deref().unwrap_or_default().contains("quote all"),
        "{p:?}"
    );
}

#[test]
fn indentation_slips_are_not_taken_for_text_or_lost_colons() {
    // A quoted value on a line indented wrong: the value is fine, so no help to quote it.
    let parsed = yaml("kind: analysis\n schema_version: \"1.0\"\nid: x\n");
    let p = &parsed.problems[0];
    assert!(
        !p.help.as_deref().unwrap_or_default().contains("quote all"),
        "{p:?}"
    );
    // A list of ids, then a key indented as if it were inside the last item: the id is not
    // a key that lost its colon.
    let parsed = yaml(
        "concerns:\n  - id: c1\n    data_categories:\n      - personal-data\n        sources: [s]\n",
    );
    let p = &parsed.problems[0];
    assert!(!p.message.contains("has no `:`"), "{p:?}");
}
