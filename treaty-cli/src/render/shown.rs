//! Which diagnostics a renderer shows: a report can hold hundreds of thousands (one per item
//! of a large broken file), and printing them all helps nobody. Every format shows at most a
//! number per file and counts the rest; the report's own counts and the exit code stay exact.

use treaty_model::diagnostic::{Diagnostic, Report};

/// The default of `--max-diagnostics`.
pub const DEFAULT_MAX_PER_FILE: usize = 100;

/// The diagnostics to show, in report order, and per file how many were left out.
#[derive(Debug)]
pub struct Shown<'r> {
    /// At most the limit per file.
    pub diagnostics: Vec<&'r Diagnostic>,
    /// Each file with diagnostics left out, and how many (a problem of the dataset as a whole
    /// counts under the empty name).
    pub omitted: Vec<(&'r str, usize)>,
}

/// At most `max` diagnostics of each file of `report`.
pub fn shown(report: &Report, max: usize) -> Shown<'_> {
    let mut diagnostics = Vec::new();
    let mut omitted: Vec<(&str, usize)> = Vec::new();
    let mut current: Option<(&str, usize)> = None;
    // The report is sorted by file, so one pass counts each file's run.
    for d in &report.diagnostics {
        let file = d.location.as_ref().map_or("", |l| l.file.as_str());
        let seen = match current {
            Some((f, n)) if f == file => n,
            _ => 0,
        };
        current = Some((file, seen + 1));
        if seen < max {
            diagnostics.push(d);
        } else {
            match omitted.last_mut() {
                Some((f, n)) if *f == file => *n += 1,
                _ => omitted.push((file, 1)),
            }
        }
    }
    Shown {
        diagnostics,
        omitted,
    }
}

/// The line that says what was left out of one file.
pub fn omitted_line(file: &str, n: usize, max: usize) -> String {
    let what = if file.is_empty() {
        "of the dataset".to_owned()
    } else {
        format!("in `{file}`")
    };
    let (noun, verb) = if n == 1 {
        ("diagnostic", "is")
    } else {
        ("diagnostics", "are")
    };
    format!(
        "{n} more {noun} {what} {verb} not shown (at most {max} per file; `--max-diagnostics N` changes it)"
    )
}
