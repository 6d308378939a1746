//! Inline suppressions: `# treaty: allow(code) reason` silences one diagnostic, with a reason.
//!
//! The comment applies to a diagnostic that starts on the same line (a trailing comment) or on
//! the next line (a comment on its own line above the offending one). A reason is required, so
//! that every silenced problem says why; reports list what was silenced.

use crate::diagnostic::{Code, Diagnostic, Location, Position};

/// One `# treaty: allow(...)` comment.
#[derive(Debug, Clone)]
pub(crate) struct InlineAllow {
    pub code: Code,
    pub reason: String,
    pub line: u32,
    pub location: Location,
    pub used: bool,
}

const MARKER: &str = "# treaty: allow(";

/// A position in `text` (after `base` stripped bytes, a byte order mark): byte `at` of the line
/// numbered `line_no` that starts at byte `line_start`.
pub(crate) fn position(
    base: usize,
    line_no: u32,
    line_start: usize,
    line: &str,
    at: usize,
) -> Position {
    let before = line.get(..at).unwrap_or(line);
    Position {
        line: line_no,
        column: u32::try_from(before.chars().count() + 1).unwrap_or(u32::MAX),
        offset: base + line_start + before.len(),
    }
}

/// Finds the allow comments of a file (`text`, after `base` stripped bytes); malformed ones
/// become diagnostics.
pub(crate) fn scan(file: &str, text: &str, base: usize) -> (Vec<InlineAllow>, Vec<Diagnostic>) {
    let mut allows = Vec::new();
    let mut problems = Vec::new();
    // One search of the whole text instead of one per line: most files have no allow comment.
    if !text.contains(MARKER) {
        return (allows, problems);
    }
    for (index, (line_start, line)) in crate::diagnostic::source_lines(text).enumerate() {
        let Some(at) = line.find(MARKER) else {
            continue;
        };
        if !is_comment_start(&line[..at]) {
            continue;
        }
        let line_no = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let rest = &line[at + MARKER.len()..];
        let location = Location {
            file: file.to_owned(),
            start: position(base, line_no, line_start, line, at),
            end: position(base, line_no, line_start, line, line.len()),
        };
        let Some((code, reason)) = rest.split_once(')') else {
            problems.push(
                Diagnostic::new(
                    Code::SuppressionWithoutReason,
                    "this allow comment is not closed with `)`",
                    Some(location),
                )
                .with_help("write `# treaty: allow(code) reason`"),
            );
            continue;
        };
        let code = match code.trim().parse::<Code>() {
            Ok(c) => c,
            Err(message) => {
                problems.push(Diagnostic::new(Code::UnknownCode, message, Some(location)));
                continue;
            }
        };
        let reason = reason.trim();
        if reason.is_empty() {
            problems.push(
                Diagnostic::new(
                    Code::SuppressionWithoutReason,
                    format!("`allow({code})` gives no reason"),
                    Some(location),
                )
                .with_help(format!(
                    "write why: `# treaty: allow({code}) the source gives only the month`"
                )),
            );
            continue;
        }
        allows.push(InlineAllow {
            code,
            reason: reason.to_owned(),
            line: line_no,
            location,
            used: false,
        });
    }
    (allows, problems)
}

/// Whether a `#` after `before` starts a comment: at the line start or after a space, and
/// not inside a quoted string (an odd number of quotes before it means inside).
fn is_comment_start(before: &str) -> bool {
    let after_space = before.is_empty() || before.ends_with([' ', '\t']);
    let quotes = |q: char| before.chars().filter(|c| *c == q).count() % 2 == 1;
    after_space && !quotes('"') && !quotes('\'')
}

/// Whether `allow` silences `d`.
pub(crate) fn covers(allow: &InlineAllow, d: &Diagnostic) -> bool {
    d.code == allow.code
        && !d.code.is_unsilenceable()
        && d.location.as_ref().is_some_and(|l| {
            l.file == allow.location.file
                && (l.start.line == allow.line || l.start.line == allow.line + 1)
        })
}
