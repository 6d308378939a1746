//! rustc-style diagnostics: a source snippet with line numbers and a caret under the span.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::IsTerminal;

use treaty_model::diagnostic::{Diagnostic, Location, Report, Severity};

/// ANSI styles, or nothing when colour is off.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    on: bool,
}

impl Style {
    /// Colour only on a terminal, and never when `NO_COLOR` is set (https://no-color.org).
    pub fn for_stderr() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self {
            on: !no_color && std::io::stderr().is_terminal(),
        }
    }

    /// No colour: files, pipes, tests.
    pub fn plain() -> Self {
        Self { on: false }
    }

    fn paint(self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
}

/// Prints the report to standard error.
pub fn print(report: &Report, elapsed_ms: Option<u64>) {
    eprint!("{}", render(report, elapsed_ms, Style::for_stderr()));
}

/// Renders every diagnostic and the summary line.
pub fn render(report: &Report, elapsed_ms: Option<u64>, style: Style) -> String {
    let mut sources = Sources::default();
    let mut out = String::new();
    for d in &report.diagnostics {
        diagnostic(&mut out, d, &mut sources, style);
    }
    summary(&mut out, report, elapsed_ms, style);
    out
}

fn diagnostic(out: &mut String, d: &Diagnostic, sources: &mut Sources, style: Style) {
    let (label, color) = match d.severity {
        Severity::Error => ("error", "1;31"),
        Severity::Warning => ("warning", "1;33"),
    };
    let _ = writeln!(
        out,
        "{}{} {}",
        style.paint(color, &format!("{label}[{}]", d.code)),
        style.paint("1", ":"),
        style.paint("1", &d.message)
    );
    let width = gutter_width(d);
    if let Some(loc) = &d.location {
        snippet(out, loc, sources, width, style, color, None);
    }
    for r in &d.related {
        let _ = writeln!(
            out,
            "{}{}",
            style.paint("1;36", "note"),
            style.paint("1", &format!(": {}", r.message))
        );
        snippet(out, &r.location, sources, width, style, "1;36", None);
    }
    if let Some(h) = &d.help {
        let pad = " ".repeat(width);
        let _ = writeln!(
            out,
            "{pad} {} {}",
            style.paint("1;34", "="),
            style.paint("1", &format!("help: {h}"))
        );
    }
    out.push('\n');
}

fn gutter_width(d: &Diagnostic) -> usize {
    std::iter::once(d.location.as_ref())
        .chain(d.related.iter().map(|r| Some(&r.location)))
        .flatten()
        .map(|l| l.start.line.to_string().len())
        .max()
        .unwrap_or(1)
}

fn snippet(
    out: &mut String,
    loc: &Location,
    sources: &mut Sources,
    width: usize,
    style: Style,
    color: &str,
    label: Option<&str>,
) {
    let pad = " ".repeat(width);
    let _ = writeln!(out, "{pad}{} {loc}", style.paint("1;34", "-->"));
    let Some(line) = sources.line(&loc.file, loc.start.line) else {
        return;
    };
    let line = line.replace('\t', " ");
    let start = usize::try_from(loc.start.column.saturating_sub(1)).unwrap_or(0);
    let len = line.chars().count();
    let end = if loc.end.line == loc.start.line {
        usize::try_from(loc.end.column.saturating_sub(1)).unwrap_or(start)
    } else {
        len
    };
    let carets = end.saturating_sub(start).max(1);
    let bar = style.paint("1;34", "|");
    let _ = writeln!(out, "{pad} {bar}");
    let _ = writeln!(
        out,
        "{} {bar} {line}",
        style.paint("1;34", &format!("{:>width$}", loc.start.line))
    );
    let marks = style.paint(color, &"^".repeat(carets));
    let _ = writeln!(
        out,
        "{pad} {bar} {}{marks}{}",
        " ".repeat(start.min(len)),
        label.map(|l| format!(" {l}")).unwrap_or_default()
    );
}

fn summary(out: &mut String, report: &Report, elapsed_ms: Option<u64>, style: Style) {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let verdict = if report.is_valid() {
        style.paint("1;32", "valid")
    } else {
        style.paint("1;31", "invalid")
    };
    let time = elapsed_ms
        .map(|ms| format!(" in {ms} ms"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "{verdict}: {} checked{time}: {}, {}, {} suppressed",
        plural(report.files, "file"),
        plural(report.errors(), "error"),
        plural(report.warnings(), "warning"),
        report.suppressed.len()
    );
}

/// File contents, read and split into lines once each, for snippets: a report may hold
/// thousands of diagnostics in one large file.
#[derive(Debug, Default)]
struct Sources {
    files: HashMap<String, Option<Lines>>,
}

/// A file's text and the byte range of each of its lines.
#[derive(Debug)]
struct Lines {
    text: String,
    ranges: Vec<std::ops::Range<usize>>,
}

impl Sources {
    fn line(&mut self, file: &str, line: u32) -> Option<String> {
        let lines = self.files.entry(file.to_owned()).or_insert_with(|| {
            let text = String::from_utf8_lossy(&std::fs::read(file).ok()?).into_owned();
            let ranges = treaty_model::diagnostic::source_lines(&text)
                .map(|(start, line)| start..start + line.len())
                .collect();
            Some(Lines { text, ranges })
        });
        let lines = lines.as_ref()?;
        let index = usize::try_from(line).ok()?.checked_sub(1)?;
        let range = lines.ranges.get(index)?.clone();
        lines.text.get(range).map(str::to_owned)
    }
}
