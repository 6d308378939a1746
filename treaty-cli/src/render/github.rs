//! `--format github`: workflow commands that annotate the pull request, and a step summary.

use std::fmt::Write as _;
use std::io::Write as _;

use treaty_model::diagnostic::{Report, Severity};

use super::markdown::inline;
use super::shown::{DEFAULT_MAX_PER_FILE, omitted_line, shown};
use super::text::plural;

/// One `::error ...::message` line per diagnostic, at most `max_per_file` of each file, and
/// one `::notice` line for each file with more.
pub fn render(report: &Report, max_per_file: usize) -> String {
    let mut out = String::new();
    let shown = shown(report, max_per_file);
    for d in &shown.diagnostics {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            _ => "notice",
        };
        let mut message = d.message.clone();
        if let Some(h) = &d.help {
            message.push_str(&format!("\nhelp: {h}"));
        }
        let mut props = Vec::new();
        if let Some(l) = &d.location {
            props.push(format!("file={}", property(&l.file)));
            props.push(format!("line={}", l.start.line));
            props.push(format!("col={}", l.start.column));
            props.push(format!("endLine={}", l.end.line));
            props.push(format!("endColumn={}", l.end.column));
        }
        props.push(format!("title={}", property(d.code.as_str())));
        let _ = writeln!(out, "::{level} {}::{}", props.join(","), data(&message));
    }
    for (file, n) in &shown.omitted {
        let line = omitted_line(file, *n, max_per_file);
        let _ = writeln!(out, "::notice title=treaty::{}", data(&line));
    }
    out
}

/// GitHub's escaping for the message part.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// GitHub's escaping for property values.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// A Markdown summary, appended to `$GITHUB_STEP_SUMMARY` when that variable is set.
pub fn write_step_summary(report: &Report) -> std::io::Result<()> {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY") else {
        return Ok(());
    };
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    f.write_all(step_summary(report).as_bytes())
}

/// The Markdown of the step summary.
pub fn step_summary(report: &Report) -> String {
    let mut out = String::new();
    let verdict = if report.is_valid() {
        "valid"
    } else {
        "invalid"
    };
    let _ = writeln!(out, "### treaty validate: {verdict}\n");
    let _ = writeln!(
        out,
        "{}, {}, {}, {} suppressed\n",
        plural(report.files, "file"),
        plural(report.errors(), "error"),
        plural(report.warnings(), "warning"),
        report.suppressed.len()
    );
    if !report.diagnostics.is_empty() {
        let _ = writeln!(out, "| | code | where | message |\n|---|---|---|---|");
        let shown = shown(report, DEFAULT_MAX_PER_FILE);
        for d in &shown.diagnostics {
            let icon = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                _ => "note",
            };
            let place = d
                .location
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default();
            // The place and the message carry the user's text (a file name, a key): inert,
            // since a code span cannot escape a backtick in them.
            let _ = writeln!(
                out,
                "| {icon} | `{}` | {} | {} |",
                d.code,
                inline(&place),
                inline(&d.message)
            );
        }
        out.push('\n');
    }
    out
}
