//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning.

use heck::ToUpperCamelCase as _;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::{Value, json};
use treaty_model::diagnostic::{Code, Diagnostic, Location, Report, Severity};

use super::shown::{omitted_line, shown};

/// The report as a SARIF 2.1.0 log, with rule metadata for every code; at most
/// `max_per_file` results of each file, the others counted in a tool notification.
pub fn render(report: &Report, max_per_file: usize) -> String {
    let rules: Vec<Value> = Code::ALL.iter().map(|c| rule(*c)).collect();
    let shown = shown(report, max_per_file);
    let results: Vec<Value> = shown.diagnostics.iter().map(|d| result(d)).collect();
    let notifications: Vec<Value> = shown
        .omitted
        .iter()
        .map(|(file, n)| {
            json!({"level": "note", "message": {"text": omitted_line(file, *n, max_per_file)}})
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "treaty",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/un-cybercrime-data/treaty-model",
                "rules": rules
            }},
            "columnKind": "unicodeCodePoints",
            "invocations": [{
                "executionSuccessful": !report.has_io_error(),
                "toolExecutionNotifications": notifications
            }],
            "results": results
        }]
    });
    serde_json::to_string_pretty(&log).unwrap_or_default()
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        _ => "note",
    }
}

fn rule(c: Code) -> Value {
    json!({
        "id": c.as_str(),
        // SARIF wants a `name` that differs from the `id` (SARIF1001); drawn from the code
        // (`io-error` is `IoError`), it needs no second list of codes.
        "name": c.as_str().to_upper_camel_case(),
        "shortDescription": {"text": c.summary()},
        "help": {"text": c.fix()},
        "helpUri": format!("https://github.com/un-cybercrime-data/treaty-model/blob/main/docs/DIAGNOSTICS.md#{}", c.as_str()),
        "defaultConfiguration": {"level": level(c.default_severity())}
    })
}

/// Where a file is, as SARIF wants it: a URI, not a path. A relative path is a URI reference
/// against the checkout (`%SRCROOT%`), an absolute one a `file:` URI; both percent-encoded,
/// so that `sp ace/données.yaml` reaches code scanning as `sp%20ace/donn%C3%A9es.yaml`, and a
/// relative one encodes `:` as well, so that `run:1/x.yaml` is `run%3A1/x.yaml`.
fn artifact(file: &str) -> Value {
    // RFC 3986: what may stand unencoded in a path is letters, digits, `-._~`, `!$&'()*+,;=`,
    // `:`, `@` and the `/` between segments. Every other ASCII character is encoded here, and
    // percent-encoding encodes every non-ASCII byte on its own.
    const PATH: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~')
        .remove(b'!')
        .remove(b'$')
        .remove(b'&')
        .remove(b'\'')
        .remove(b'(')
        .remove(b')')
        .remove(b'*')
        .remove(b'+')
        .remove(b',')
        .remove(b';')
        .remove(b'=')
        .remove(b':')
        .remove(b'@')
        .remove(b'/');
    // RFC 3986, section 4.2: a colon in the first segment of a relative reference makes what
    // precedes it a scheme (`run:1/x.yaml` would be a `run:` URI). Encoding it in every segment
    // of a relative path is the one rule a reader needs, and decodes to the same path.
    const RELATIVE: &AsciiSet = &PATH.add(b':');
    let windows_drive = matches!(file.as_bytes(), [d, b':', b'/', ..] if d.is_ascii_alphabetic());
    if file.starts_with('/') {
        json!({"uri": format!("file://{}", utf8_percent_encode(file, PATH))})
    } else if windows_drive {
        json!({"uri": format!("file:///{}", utf8_percent_encode(file, PATH))})
    } else {
        json!({"uri": utf8_percent_encode(file, RELATIVE).to_string(), "uriBaseId": "%SRCROOT%"})
    }
}

fn location(l: &Location) -> Value {
    json!({"physicalLocation": {
        "artifactLocation": artifact(&l.file),
        "region": {
            "startLine": l.start.line,
            "startColumn": l.start.column,
            "endLine": l.end.line,
            "endColumn": l.end.column.max(l.start.column + u32::from(l.end.line == l.start.line))
        }
    }})
}

fn result(d: &Diagnostic) -> Value {
    let index = Code::ALL.iter().position(|c| *c == d.code).unwrap_or(0);
    let mut text = d.message.clone();
    if let Some(h) = &d.help {
        text.push_str(&format!(" (help: {h})"));
    }
    let mut r = json!({
        "ruleId": d.code.as_str(),
        "ruleIndex": index,
        "level": level(d.severity),
        "message": {"text": text},
    });
    if let Some(l) = &d.location {
        r["locations"] = json!([location(l)]);
    }
    if !d.related.is_empty() {
        let related: Vec<Value> = d
            .related
            .iter()
            .enumerate()
            .map(|(i, rel)| {
                let mut v = location(&rel.location);
                v["id"] = json!(i);
                v["message"] = json!({"text": rel.message});
                v
            })
            .collect();
        r["relatedLocations"] = json!(related);
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_is_named_in_pascal_case_after_its_code() {
        let named = |c: Code| rule(c)["name"].clone();
        assert_eq!(named(Code::Io), json!("IoError"));
        assert_eq!(named(Code::UnknownReference), json!("UnknownReference"));
        assert_eq!(named(Code::Yaml11Boolean), json!("Yaml11Boolean"));
        assert_eq!(named(Code::InvalidUtf8), json!("InvalidUtf8"));
        assert_eq!(rule(Code::Io)["id"], json!("io-error"));
    }

    #[test]
    fn artifact_locations_are_percent_encoded_uris() {
        assert_eq!(
            artifact("sp ace/donn\u{e9}es #1.yaml"),
            json!({"uri": "sp%20ace/donn%C3%A9es%20%231.yaml", "uriBaseId": "%SRCROOT%"})
        );
        assert_eq!(
            artifact("datasets/powers/domestic.yaml"),
            json!({"uri": "datasets/powers/domestic.yaml", "uriBaseId": "%SRCROOT%"})
        );
        assert_eq!(
            artifact("/tmp/a b/x.yaml"),
            json!({"uri": "file:///tmp/a%20b/x.yaml"})
        );
        assert_eq!(
            artifact("C:/data/x.yaml"),
            json!({"uri": "file:///C:/data/x.yaml"})
        );
    }

    #[test]
    fn a_colon_in_a_relative_path_is_not_read_as_a_scheme() {
        assert_eq!(
            artifact("run:1/ds/powers/domestic.yaml"),
            json!({"uri": "run%3A1/ds/powers/domestic.yaml", "uriBaseId": "%SRCROOT%"})
        );
        assert_eq!(
            artifact("ds/run:1/a:b.yaml"),
            json!({"uri": "ds/run%3A1/a%3Ab.yaml", "uriBaseId": "%SRCROOT%"})
        );
        // A single letter and a colon, not followed by `/`, is a folder name, not a drive.
        assert_eq!(
            artifact("c:x.yaml"),
            json!({"uri": "c%3Ax.yaml", "uriBaseId": "%SRCROOT%"})
        );
        // In an absolute `file:` URI the path follows `file://`, so its colons stay as written.
        assert_eq!(
            artifact("/tmp/run:1/x.yaml"),
            json!({"uri": "file:///tmp/run:1/x.yaml"})
        );
        assert_eq!(
            artifact("C:/run:1/x.yaml"),
            json!({"uri": "file:///C:/run:1/x.yaml"})
        );
    }
}
