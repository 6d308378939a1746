//! rustc-style diagnostics: a source snippet with line numbers and a caret under the span,
//! drawn by annotate-snippets from the text the report holds (never from disk).
//!
//! What reaches the terminal is bounded and inert: each file shows at most
//! `--max-diagnostics` diagnostics, a long line is trimmed around its span, and control
//! characters from a dataset (an ESC that would retitle the window or clear the screen) are
//! shown as control pictures (`␛`) in snippets and as `\u{1b}` in messages, never sent.

use std::io::Write;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use treaty_model::diagnostic::{Diagnostic, Location, Report, Severity};

use super::shown::{omitted_line, shown};
use super::text::plural;

/// Colour on or off. Output written through [`print()`] goes through `anstream`, which also
/// strips colour when standard error is not a terminal, `NO_COLOR` is set, or `--color
/// never` was given.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    on: bool,
}

impl Style {
    /// ANSI colours.
    pub fn styled() -> Self {
        Self { on: true }
    }

    /// No colour: files, pipes, tests.
    pub fn plain() -> Self {
        Self { on: false }
    }

    fn renderer(self) -> Renderer {
        // annotate-snippets trims a long line to its terminal width (140 columns) around the
        // span.
        if self.on {
            Renderer::styled()
        } else {
            Renderer::plain()
        }
    }
}

/// Prints the report to standard error, in colour when `anstream` lets it through.
pub fn print(report: &Report, elapsed_ms: Option<u64>, max_per_file: usize) -> std::io::Result<()> {
    let mut err = anstream::stderr().lock();
    write(&mut err, report, elapsed_ms, Style::styled(), max_per_file)
}

/// Renders every diagnostic (at most the default number per file) and the summary line.
pub fn render(report: &Report, elapsed_ms: Option<u64>, style: Style) -> String {
    let mut out = Vec::new();
    let _ = write(
        &mut out,
        report,
        elapsed_ms,
        style,
        super::shown::DEFAULT_MAX_PER_FILE,
    );
    String::from_utf8_lossy(&out).into_owned()
}

/// Writes the diagnostics one at a time, so that a large report is never held as text.
pub fn write(
    out: &mut dyn Write,
    report: &Report,
    elapsed_ms: Option<u64>,
    style: Style,
    max_per_file: usize,
) -> std::io::Result<()> {
    let renderer = style.renderer();
    let shown = shown(report, max_per_file);
    for d in &shown.diagnostics {
        writeln!(out, "{}\n", diagnostic(&renderer, report, d))?;
    }
    for (file, n) in &shown.omitted {
        writeln!(out, "{}\n", visible(&omitted_line(file, *n, max_per_file)))?;
    }
    writeln!(out, "{}", summary(report, elapsed_ms, style))
}

fn diagnostic(renderer: &Renderer, report: &Report, d: &Diagnostic) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Note => Level::NOTE,
        _ => Level::NOTE,
    };
    let message = visible(&d.message);
    let mut group = Group::with_title(level.primary_title(message).id(d.code.as_str()));
    let mut drawn = vec![false; d.related.len()];
    if let Some(loc) = &d.location {
        group = match report
            .source(&loc.file)
            .and_then(|s| Some((s, Excerpt::of(s, loc)?)))
        {
            Some((source, excerpt)) => {
                let (line, text) = (excerpt.line, excerpt.text.clone());
                let mut snippet =
                    excerpt.snippet(visible(&loc.file), AnnotationKind::Primary, None);
                // A related place on the same lines (a repeat in one inline list) is marked
                // in this excerpt: drawn again below, the line would read as a second one.
                for (r, drawn) in d.related.iter().zip(&mut drawn) {
                    if r.location.file == loc.file
                        && let Some(other) = Excerpt::of(source, &r.location)
                        && other.line == line
                        && other.text == text
                    {
                        snippet = snippet.annotation(
                            AnnotationKind::Context
                                .span(other.span)
                                .label(Some(visible(&r.message))),
                        );
                        *drawn = true;
                    }
                }
                group.element(snippet)
            }
            None => place(group, report, loc, AnnotationKind::Primary, None),
        };
    }
    for (r, _) in d.related.iter().zip(drawn).filter(|(_, drawn)| !drawn) {
        group = place(
            group,
            report,
            &r.location,
            AnnotationKind::Context,
            Some(visible(&r.message)),
        );
    }
    if let Some(h) = &d.help {
        group = group.element(Level::HELP.message(visible(h)));
    }
    renderer.render(&[group])
}

/// Adds the excerpt of `loc` to the group, or only its `file:line:column` when the report
/// has no text for it (a file that could not be read) or the span lies too deep into one line.
fn place<'a>(
    group: Group<'a>,
    report: &Report,
    loc: &Location,
    kind: AnnotationKind,
    label: Option<String>,
) -> Group<'a> {
    let path = visible(&loc.file);
    let Some(excerpt) = report.source(&loc.file).and_then(|s| Excerpt::of(s, loc)) else {
        let origin = Origin::path(path)
            .line(loc.start.line as usize)
            .char_column(loc.start.column as usize);
        return match label {
            Some(l) => group.element(origin).element(Level::NOTE.message(l)),
            None => group.element(origin),
        };
    };
    group.element(excerpt.snippet(path, kind, label))
}

/// The lines of a span, made inert for the terminal.
///
/// Each line is given whole from its start: annotate-snippets counts the column of the
/// `file:line:column` header in the text it is given, and trims a long line to the terminal
/// around the span itself. So every character before the span on its line stays one
/// character here.
#[derive(Debug, PartialEq)]
struct Excerpt {
    /// The lines, with line breaks as `\n`.
    text: String,
    /// The number of the first line.
    line: usize,
    /// The span within `text`.
    span: Range<usize>,
}

/// Bytes of context kept after a span on a long line.
const CONTEXT: usize = 60;
/// Longest part of a span drawn.
const MAX_SPAN: usize = 160;
/// Most lines of a span drawn; a longer span is drawn on its first line.
const MAX_LINES: usize = 6;
/// Most bytes before a span on its line for it to be drawn. annotate-snippets walks the
/// whole line before the span for each diagnostic (about 25 ns a byte: 0.4 s for a span at
/// the end of an 18 MB line); deeper into one line, as in a minified JSON file, a diagnostic
/// shows its location alone.
const MAX_PREFIX: usize = 64 * 1024;

impl Excerpt {
    /// The excerpt drawn for `path`, its span marked as `kind`.
    fn snippet<'a>(
        self,
        path: String,
        kind: AnnotationKind,
        label: Option<String>,
    ) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
        Snippet::source(self.text)
            .line_start(self.line)
            .path(path)
            .fold(false)
            .annotation(kind.span(self.span).label(label))
    }

    fn of(source: &str, loc: &Location) -> Option<Self> {
        let start = floor(source, loc.start.offset.min(source.len()));
        let mut end = floor(source, loc.end.offset.clamp(start, source.len()));
        let first = source[..start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        if start - first > MAX_PREFIX {
            return None;
        }
        let line_end = |from: usize| {
            source[from..]
                .find(['\n', '\r'])
                .map_or(source.len(), |i| from + i)
        };
        let breaks =
            source[start..end].matches('\n').count() + source[start..end].matches('\r').count();
        if breaks > MAX_LINES {
            end = line_end(start);
        }
        if end - start > MAX_SPAN {
            end = floor(source, start + MAX_SPAN);
        }
        let last = line_end(end);
        let to = if last - end > CONTEXT {
            floor(source, end + CONTEXT)
        } else {
            last
        };
        let mut text = String::new();
        let mut span = 0..0;
        let mut chars = source[first..to].char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let at = first + i;
            if at == start {
                span.start = text.len();
            }
            if at == end {
                span.end = text.len();
            }
            match c {
                '\r' if chars.peek().is_some_and(|(_, n)| *n == '\n') => {}
                '\r' | '\n' => text.push('\n'),
                // A byte-order mark opening the file has its own warning; drawn, it is an
                // invisible character in front of the line.
                '\u{feff}' if at == 0 => {}
                // annotate-snippets draws tabs as spaces and the other ASCII controls (ESC,
                // BEL, DEL...) as control pictures (␛). A C1 control, which some terminals
                // obey, and a zero-width no-break space, which would not be seen, become
                // U+FFFD: one character for one, so that the column stays the file's.
                c if (c.is_control() && !c.is_ascii()) || c == '\u{feff}' => {
                    text.push(char::REPLACEMENT_CHARACTER);
                }
                c => text.push(c),
            }
        }
        // A span that starts or ends where the excerpt does (an empty one at the end of a file).
        if start == to {
            span.start = text.len();
        }
        if end == to {
            span.end = text.len();
        }
        if to < last {
            text.push('…');
        }
        span.end = span.end.max(span.start);
        Some(Self {
            text,
            line: loc.start.line as usize,
            span,
        })
    }
}

/// The largest char boundary at or below `i`.
fn floor(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Text from a dataset made safe for a terminal: control characters (ESC, BEL, C1 codes...)
/// are written as `\u{..}` escapes; line breaks and tabs stay.
pub fn visible(s: &str) -> String {
    if !s.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return s.to_owned();
    }
    s.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn summary(report: &Report, elapsed_ms: Option<u64>, style: Style) -> String {
    let paint = |color: annotate_snippets::renderer::AnsiColor, text: &str| {
        if style.on {
            let s = color.on_default().bold();
            format!("{s}{text}{s:#}")
        } else {
            text.to_owned()
        }
    };
    let verdict = if report.is_valid() {
        paint(annotate_snippets::renderer::AnsiColor::Green, "valid")
    } else {
        paint(annotate_snippets::renderer::AnsiColor::Red, "invalid")
    };
    let time = elapsed_ms
        .map(|ms| format!(" in {ms} ms"))
        .unwrap_or_default();
    let notes = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Note)
        .count();
    let notes = if notes > 0 {
        format!(", {}", plural(notes, "note"))
    } else {
        String::new()
    };
    format!(
        "{verdict}: {} checked{time}: {}, {}{notes}, {} suppressed",
        plural(report.files, "file"),
        plural(report.errors(), "error"),
        plural(report.warnings(), "warning"),
        report.suppressed.len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use treaty_model::diagnostic::{Code, Position};

    fn loc(text: &str, start: usize, end: usize) -> Location {
        let pos = |offset: usize| {
            let before = &text[..offset];
            Position::new(
                u32::try_from(before.matches('\n').count() + 1).unwrap(),
                u32::try_from(before.rsplit('\n').next().unwrap_or("").chars().count() + 1)
                    .unwrap(),
                offset,
            )
        };
        Location::new("f.yaml", pos(start), pos(end))
    }

    #[test]
    fn an_excerpt_is_the_lines_of_its_span() {
        let text = "a: 1\nbee: two\nc: 3\n";
        let e = Excerpt::of(text, &loc(text, 10, 13)).unwrap();
        assert_eq!(e.text, "bee: two");
        assert_eq!((e.line, &e.text[e.span.clone()]), (2, "two"));
    }

    /// The default output of one error over `start..end` of `text`.
    fn drawn(text: &str, start: usize, end: usize) -> String {
        let mut report = Report::default();
        report.sources.insert("f.yaml".into(), text.into());
        let d = Diagnostic::new(Code::InvalidValue, "bad", Some(loc(text, start, end)));
        diagnostic(&Style::plain().renderer(), &report, &d)
    }

    /// What a user reads first: the `file:line:column` header.
    fn header(text: &str, start: usize, end: usize) -> String {
        drawn(text, start, end)
            .lines()
            .nth(1)
            .unwrap_or_default()
            .trim()
            .to_owned()
    }

    #[test]
    fn a_long_line_keeps_its_column_and_is_trimmed_around_its_span() {
        let text = format!("k: [{}x{}]\n", "a, ".repeat(500), ", b".repeat(500));
        let at = text.find('x').unwrap();
        let e = Excerpt::of(&text, &loc(&text, at, at + 1)).unwrap();
        assert!(
            e.text.starts_with("k: [a, ") && e.text.ends_with('…'),
            "{}",
            e.text
        );
        assert_eq!(e.text.len(), at + 1 + CONTEXT + '…'.len_utf8());
        assert_eq!(&e.text[e.span.clone()], "x");
        assert_eq!(header(&text, at, at + 1), "--> f.yaml:1:1505");
    }

    #[test]
    fn a_span_too_deep_into_its_line_is_shown_by_its_location() {
        let text = format!("[{}1]", "0, ".repeat(MAX_PREFIX));
        let at = text.len() - 2;
        assert_eq!(Excerpt::of(&text, &loc(&text, at, at + 1)), None);
        assert_eq!(
            header(&text, at, at + 1),
            format!("--> f.yaml:1:{}", at + 1)
        );
    }

    #[test]
    fn control_characters_are_shown_not_sent() {
        let text = "name: \"\u{1b}]0;owned\u{7}\u{9b}\" x\n";
        let at = text.find('x').unwrap();
        let e = Excerpt::of(text, &loc(text, at, at + 1)).unwrap();
        assert_eq!(e.text, "name: \"\u{1b}]0;owned\u{7}\u{fffd}\" x");
        let out = drawn(text, at, at + 1);
        assert!(out.contains("name: \"␛]0;owned␇\u{fffd}\" x"), "{out}");
        let column = text[..at].chars().count() + 1;
        assert!(out.contains(&format!("--> f.yaml:1:{column}")), "{out}");
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out}");
        assert_eq!(visible("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
    }

    #[test]
    fn a_byte_order_mark_is_not_drawn_and_a_zero_width_space_is_marked() {
        let text = "\u{feff}# note\nkind: \u{feff}x\n";
        let e = Excerpt::of(text, &loc(text, 0, 0)).unwrap();
        assert_eq!((e.text.as_str(), e.span.clone()), ("# note", 0..0));
        let at = text.find("kind").unwrap();
        let e = Excerpt::of(text, &loc(text, at, text.len() - 1)).unwrap();
        assert_eq!(e.text, "kind: \u{fffd}x");
    }

    #[test]
    fn tabs_and_wide_characters_before_a_span_keep_its_column() {
        let text = "a:\t中文 [x]\n";
        let at = text.find('x').unwrap();
        assert_eq!(header(text, at, at + 1), "--> f.yaml:1:8");
    }

    #[test]
    fn crlf_lines_are_drawn_as_lines() {
        let text = "a: 1\r\nb: x\r\nc: 3\r\n";
        let e = Excerpt::of(text, &loc(text, 9, 10)).unwrap();
        assert_eq!((e.text.as_str(), &e.text[e.span.clone()]), ("b: x", "x"));
    }
}
