//! Lossless conversion between the YAML and JSON forms of a document.
//!
//! JSON is written by serde_json (key order kept). YAML is written by a small emitter of our
//! own rather than a serde layer, because losslessness depends entirely on quoting: a string
//! that a YAML reader could take for anything else (`yes`, `1.0`, `2024`, `null`, `- x`,
//! `a: b`) is double-quoted, so YAML -> JSON -> YAML -> JSON is the identity. Block style,
//! two-space indentation, keys in their original order: the output reads like the datasets.

use std::fmt::Write as _;

use serde_json::{Map, Value};

use crate::model::FileKind;

/// Pretty JSON with a final newline, keys in their original order.
pub fn to_json(value: &Value) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

/// Block-style YAML 1.2 that reads back as exactly `value`.
///
/// ```
/// let v = serde_json::json!({"kind": "powers", "version": "1.0", "count": 1, "list": ["no", "28(4)"]});
/// let yaml = treaty_model::convert::to_yaml(&v);
/// assert_eq!(yaml, "kind: powers\nversion: \"1.0\"\ncount: 1\nlist:\n  - \"no\"\n  - 28(4)\n");
/// ```
pub fn to_yaml(value: &Value) -> String {
    let mut out = String::new();
    match value {
        Value::Object(map) if !map.is_empty() => write_map(&mut out, map, 0),
        Value::Array(items) if !items.is_empty() => write_seq(&mut out, items, 0),
        scalar => {
            out.push_str(&inline(scalar));
            out.push('\n');
        }
    }
    out
}

/// A dataset file as YAML: [`to_yaml`] of its `value`, below the comment lines that the text
/// it was read from (`original`, YAML or JSON) starts with, such as its modeline. Comments
/// further down the file are not carried over: a value has none. When the header has no
/// modeline and the value's `kind` is known, one naming the kind's published schema is
/// written first, so that the file passes `missing-modeline` and editors find the schema.
///
/// ```
/// let v = serde_json::json!({"kind": "sources", "schema_version": "1.0", "sources": []});
/// let yaml = treaty_model::convert::to_yaml_file(&v, "# yaml-language-server: $schema=../schemas/sources.schema.json\r\n{}");
/// assert_eq!(yaml, "# yaml-language-server: $schema=../schemas/sources.schema.json\nkind: sources\nschema_version: \"1.0\"\nsources: []\n");
/// ```
pub fn to_yaml_file(value: &Value, original: &str) -> String {
    let original = original.strip_prefix('\u{feff}').unwrap_or(original);
    let header: Vec<&str> = original
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .take_while(|l| crate::schema::in_header(l))
        .collect();
    let mut out = String::new();
    let kind = value
        .get("kind")
        .and_then(Value::as_str)
        .and_then(|k| k.parse::<FileKind>().ok());
    if let Some(kind) = kind
        && !header
            .iter()
            .any(|l| l.trim_start().starts_with(crate::schema::MODELINE))
    {
        out.push_str(crate::schema::MODELINE);
        out.push_str(crate::schema::SCHEMA_BASE_URL);
        out.push_str(&crate::schema::file_name(kind));
        out.push('\n');
    }
    for line in header {
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(&to_yaml(value));
    out
}

fn indent(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

fn write_map(out: &mut String, map: &Map<String, Value>, level: usize) {
    for (i, (k, v)) in map.iter().enumerate() {
        write_key(out, k, level, i == 0);
        write_value_after_key(out, v, level);
    }
}

/// A mapping's key and its colon.
fn write_key(out: &mut String, k: &str, level: usize, first: bool) {
    // The first key of a mapping that is a sequence item continues the `- ` line.
    if !first || level == 0 || !out.ends_with("- ") {
        indent(out, level);
    }
    let key = scalar_string(k);
    if key.len() > MAX_IMPLICIT_KEY {
        // YAML caps an implicit key at 1024 characters (readers count bytes or chars):
        // beyond a safe margin the key goes in the explicit `? key` / `: value` form.
        out.push_str("? ");
        out.push_str(&key);
        out.push('\n');
        indent(out, level);
    } else {
        out.push_str(&key);
    }
    out.push(':');
}

/// The longest key, in bytes as written, given the implicit `key: value` form.
const MAX_IMPLICIT_KEY: usize = 1000;

fn write_value_after_key(out: &mut String, v: &Value, level: usize) {
    match v {
        Value::Object(m) if !m.is_empty() => {
            out.push('\n');
            write_map(out, m, level + 2);
        }
        Value::Array(a) if !a.is_empty() => {
            out.push('\n');
            write_seq(out, a, level + 2);
        }
        other => {
            out.push(' ');
            out.push_str(&inline(other));
            out.push('\n');
        }
    }
}

fn write_seq(out: &mut String, items: &[Value], level: usize) {
    for item in items {
        if !out.ends_with("- ") {
            indent(out, level);
        }
        out.push_str("- ");
        match item {
            Value::Object(m) if !m.is_empty() => write_map(out, m, level + 2),
            Value::Array(a) if !a.is_empty() => write_seq(out, a, level + 2),
            other => {
                out.push_str(&inline(other));
                out.push('\n');
            }
        }
    }
}

/// A scalar or an empty collection on one line.
fn inline(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => scalar_string(s),
        Value::Array(_) => "[]".into(),
        Value::Object(_) => "{}".into(),
    }
}

/// A string, plain when no YAML reader (1.1 or 1.2) could read it as anything else,
/// double-quoted otherwise.
fn scalar_string(s: &str) -> String {
    if is_plain_safe(s) {
        s.to_owned()
    } else {
        // A JSON string literal is a valid YAML double-quoted scalar with the same meaning,
        // once the characters JSON leaves raw but YAML may not hold are escaped too.
        let json = serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
        if json.chars().all(raw_in_yaml) {
            return json;
        }
        let mut out = String::with_capacity(json.len() + 8);
        for c in json.chars() {
            if raw_in_yaml(c) {
                out.push(c);
            } else {
                // Every such character is below U+10000.
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
        }
        out
    }
}

/// Whether YAML output may hold `c` as it is: YAML 1.2's printable characters, less those
/// YAML 1.1 readers (PyYAML and many others) take for line breaks (NEL, U+2028, U+2029) and
/// the byte-order mark. DEL, the C1 controls, U+FFFE and U+FFFF are not printable.
fn raw_in_yaml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
        && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
}

const RESERVED: [&str; 22] = [
    "null", "Null", "NULL", "~", "true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes",
    "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
];

fn is_plain_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let last = s.chars().next_back().unwrap_or(first);
    if RESERVED.contains(&s) || s.eq_ignore_ascii_case("y") || s.eq_ignore_ascii_case("n") {
        return false;
    }
    // `<<` is a merge key to YAML 1.1 readers, and our reader rejects merge keys.
    if s == "<<" {
        return false;
    }
    // At the start of a line `---` is a document marker (`...`, quoted below for its `.`).
    if s.starts_with("---") {
        return false;
    }
    // Anything that starts like a number, a date or a special float is quoted, whichever YAML
    // version the reader resolves it with.
    if first.is_ascii_digit() && !s.contains('(') || matches!(first, '+' | '.') {
        return false;
    }
    if first == '-'
        && s.chars()
            .nth(1)
            .is_none_or(|c| c == ' ' || c.is_ascii_digit() || c == '.')
    {
        return false;
    }
    if "?:,[]{}#&*!|>'\"%@`".contains(first) || first.is_whitespace() || last.is_whitespace() {
        return false;
    }
    if last == ':' || s.contains(": ") || s.contains(" #") || s.contains(":\t") {
        return false;
    }
    !s.chars().any(|c| c.is_control() || !raw_in_yaml(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn roundtrip(v: &Value) -> Value {
        let yaml = to_yaml(v);
        let parsed = crate::syntax::parse_yaml(yaml.as_bytes(), &crate::syntax::Limits::default());
        assert!(
            parsed.problems.iter().all(|p| !p.is_error()),
            "{yaml}\n{:?}",
            parsed.problems
        );
        parsed.doc.map(|d| d.value).unwrap_or(Value::Null)
    }

    #[test]
    fn strings_that_look_like_other_things_are_quoted() {
        let v = json!({
            "a": ["yes", "no", "on", "off", "y", "N", "null", "~", "true", "1.0", "2024", "2024-12-24",
                  "0755", ".inf", "-1", "- x", "a: b", "#c", "x #y", "", " lead", "trail ", "é",
                  "line\nbreak", "tab\there", "28(4)", "zero-draft:17", "as appropriate", "-x", "key:"],
            "nested": {"empty_list": [], "empty_map": {}, "n": 1.5, "b": false, "z": null},
            "list_of_lists": [[1, 2], [], [{"k": "v", "k2": ["x"]}]],
            "1": "numeric key", "yes": "bool key"
        });
        assert_eq!(roundtrip(&v), v);
    }

    #[test]
    fn characters_yaml_may_not_hold_raw_are_escaped() {
        let odd = "del\u{7f} c1\u{80}\u{9b} nel\u{85} ls\u{2028} bom\u{feff} nc\u{fffe}\u{ffff} ok\u{a0}é";
        let v = json!({ "a": odd, "b": "\u{fffe}", "c": ["x\u{7f}"] });
        let yaml = to_yaml(&v);
        assert_eq!(
            yaml,
            "a: \"del\\u007F c1\\u0080\\u009B nel\\u0085 ls\\u2028 bom\\uFEFF nc\\uFFFE\\uFFFF ok\u{a0}é\"\n\
             b: \"\\uFFFE\"\nc:\n  - \"x\\u007F\"\n"
        );
        assert!(yaml.chars().all(raw_in_yaml), "{yaml}");
        assert_eq!(roundtrip(&v), v);
    }

    #[test]
    fn output_reads_like_a_dataset_file() {
        let v = json!({"kind": "powers", "powers": [{"id": "p", "data_categories": ["electronic-data"]}]});
        assert_eq!(
            to_yaml(&v),
            "kind: powers\npowers:\n  - id: p\n    data_categories:\n      - electronic-data\n"
        );
    }
}
