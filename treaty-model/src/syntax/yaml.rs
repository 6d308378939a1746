//! YAML reader: drives saphyr-parser's event iterator into the builder.
//!
//! The iterator API (`Parser::next_event`) is a state machine with an explicit state stack, so
//! deep input costs heap, not call stack; `Parser::load` would recurse and is not used.

use std::borrow::Cow;

use saphyr_parser::{Event, Marker, Parser, ScalarStyle, ScanError};
use serde_json::Value;

use super::build::Builder;
use super::scalar::{Resolved, resolve_plain};
use super::source::{self, Source};
use super::span::{self, CharMap, Pos, Range, Span, to_usize};
use super::{Problem, ProblemKind};

/// Drives `b` with the events of `src`, YAML; returns it for `finish`.
pub(super) fn read<'a>(src: Source<'a>, mut b: Builder<'a>) -> Builder<'a> {
    // saphyr-parser reads control characters into scalars as they are; YAML forbids them.
    if let Some((at, c)) = source::first_non_printable(src.text) {
        let span = b.span(src.char_range(at));
        let code = u32::from(c);
        b.halt(
            Problem::error(
                ProblemKind::Syntax,
                span,
                format!("the file contains U+{code:04X}, a character YAML does not allow"),
            )
            .with_help(format!(
                "remove it; to keep it in a value, write it as the escape \"\\u{code:04X}\" inside a double-quoted string"
            )),
        );
        return b;
    }
    let mut reader = Reader {
        src,
        chars: CharMap::new(src.text),
        b,
        // Most files have no tab at all: one vectorised search spares a look at every line.
        tab_line: if memchr::memchr(b'\t', src.text.as_bytes()).is_some() {
            0
        } else {
            usize::MAX
        },
    };
    reader.run();
    reader.b
}

/// One scanned event, or the error that ends the scan.
type Scanned<'t> = Result<(Event<'t>, saphyr_parser::Span), ScanError>;

/// Whether a line starts with what this format's keys look like (`summary`, `text_version`).
/// A line that lost its `:` is told apart from a value continued over lines by it: the
/// continuation of a sentence starts with a capital, a quote or a word followed by
/// punctuation. The parser itself knows nothing of the format; only this diagnosis guesses.
fn starts_with_key(code: &[u8]) -> bool {
    let word = code
        .iter()
        .position(|b| b.is_ascii_whitespace() || *b == b':')
        .map_or(code, |end| &code[..end]);
    word.first()
        .is_some_and(|b| b.is_ascii_lowercase() || *b == b'_')
        && word
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'-'))
}

/// The diagnosis of a line that stands where only a key may: a key whose `:` is missing, or
/// not followed by a space (`powers:[a, b]`, or a non-breaking space after it), or a text
/// indented too little to go on from the value above.
fn keyless_problem(span: Span, text: &str) -> Problem {
    if !starts_with_key(text.as_bytes()) {
        let shown = match text.char_indices().nth(40) {
            Some((cut, _)) => format!("{}…", &text[..cut]),
            None => text.to_owned(),
        };
        return Problem::error(
            ProblemKind::Syntax,
            span,
            format!("`{shown}` stands where a `key: value` entry is expected"),
        )
        .with_help("if it goes on from the text above, indent it more than that text's key; if it starts an entry, write its key and `:` first");
    }
    if let Some((key, rest)) = text.split_once(':')
        && !key.contains(char::is_whitespace)
    {
        let value = rest.trim_start_matches(['\u{a0}', ' ']);
        let (message, help) = if rest.starts_with('\u{a0}') {
            (
                format!(
                    "the `:` after `{key}` is followed by a non-breaking space (U+00A0), which YAML does not read as a space"
                ),
                format!("replace it with an ordinary space: `{key}: {value}`"),
            )
        } else {
            (
                format!("the `:` after `{key}` needs a space after it"),
                format!("write `{key}: {value}`"),
            )
        };
        return Problem::error(ProblemKind::Syntax, span, message).with_help(help);
    }
    let fixed = match text.split_once(|c: char| c.is_ascii_whitespace()) {
        Some((key, rest)) => format!("{key}: {}", rest.trim_start()),
        None => format!("{text}:"),
    };
    Problem::error(
        ProblemKind::Syntax,
        span,
        format!("`{text}` has no `:` after its key"),
    )
    .with_help(format!("write `{fixed}`"))
}

fn is_separator(byte: u8) -> bool {
    matches!(
        byte,
        b' ' | b'\t' | b'\r' | b'\n' | b',' | b'[' | b']' | b'{' | b'}'
    )
}

struct Reader<'a> {
    src: Source<'a>,
    chars: CharMap<'a>,
    b: Builder<'a>,
    /// Last line whose indentation was checked for tabs (`usize::MAX` when the text has none).
    tab_line: usize,
}

impl Reader<'_> {
    /// Text offset of a scanner position.
    fn off(&mut self, m: Marker) -> u32 {
        span::offset(self.chars.byte_of(m.index()))
    }

    fn range(&mut self, s: saphyr_parser::Span) -> Range {
        Range {
            start: self.off(s.start),
            end: self.off(s.end),
        }
    }

    fn run(&mut self) {
        self.read(Parser::new_from_str(self.src.text));
    }

    fn read<'t>(&mut self, events: impl Iterator<Item = Scanned<'t>>) {
        let mut documents = 0usize;
        for item in events {
            let (event, raw) = match item {
                Ok(ok) => ok,
                Err(err) => {
                    self.scan_error(&err);
                    return;
                }
            };
            match event {
                Event::Nothing | Event::StreamStart | Event::DocumentEnd => {}
                Event::StreamEnd => break,
                Event::DocumentStart(_) => {
                    documents += 1;
                    if documents > 1 {
                        let range = self.range(raw);
                        let span = self.b.span(range);
                        self.b.halt(
                            Problem::error(
                                ProblemKind::MultipleDocuments,
                                span,
                                "a second YAML document starts here; a file may hold only one",
                            )
                            .with_help("move each document to a file of its own"),
                        );
                        return;
                    }
                }
                Event::Alias(id) => self.alias(id, raw),
                Event::Scalar(text, style, anchor, tag) => {
                    self.scalar(text, style, anchor, tag.is_some(), raw);
                }
                Event::SequenceStart(anchor, tag) => self.begin(false, anchor, tag.is_some(), raw),
                Event::MappingStart(anchor, tag) => self.begin(true, anchor, tag.is_some(), raw),
                Event::SequenceEnd | Event::MappingEnd => {
                    // A flow collection ends just after its bracket: the scanner's span of the
                    // end event can run on over a comment that follows it.
                    let start = self.off(raw.start);
                    let bracket = self.src.text.as_bytes().get(to_usize(start));
                    let end = if matches!(bracket, Some(b']' | b'}')) {
                        start + 1
                    } else {
                        self.off(raw.end)
                    };
                    self.b.end(end);
                }
            }
            if self.b.halted() {
                return;
            }
        }
        if documents == 0 {
            self.b.report(
                Problem::error(
                    ProblemKind::EmptyDocument,
                    Span::point(Pos::START),
                    "the file contains no YAML document",
                )
                .with_help("write the document's content"),
            );
        }
    }

    fn scalar(
        &mut self,
        text: Cow<'_, str>,
        style: ScalarStyle,
        anchor: usize,
        tagged: bool,
        raw: saphyr_parser::Span,
    ) {
        let mut span = self.range(raw);
        if anchor != 0 || tagged {
            // The event's span starts at the anchor or tag; users expect the value's own text.
            let (start, tag) = self.skip_properties(span.start, span.end);
            span.start = start;
            if let Some(tag) = tag {
                self.tag_error(tag);
            }
        }
        // An empty scalar is positioned at whatever token follows it: no text of its own to check.
        // A block scalar's event starts on its first content line, where a tab after the
        // indentation is content (`|\n \tcode`), not indentation: the parser has already
        // measured that indentation in spaces.
        let block = matches!(style, ScalarStyle::Literal | ScalarStyle::Folded);
        if span.start != span.end && !block {
            self.check_tabs(raw.start);
        }
        if self.b.expects_key() {
            if style == ScalarStyle::Plain && text == "<<" {
                let at = self.b.span(span);
                self.b.report(
                    Problem::error(
                        ProblemKind::MergeKey,
                        at,
                        "merge keys are not supported; write the keys out",
                    )
                    .with_help("copy the merged keys into this mapping"),
                );
            }
            let key = text.into_owned();
            if anchor != 0 {
                self.b.anchor_key(anchor, &key);
            }
            self.b.set_key(key, span);
            return;
        }
        if self.b.at_root()
            && style == ScalarStyle::Plain
            && text.is_empty()
            && anchor == 0
            && !tagged
        {
            let at = self.b.span(span);
            self.b.report(
                Problem::error(ProblemKind::EmptyDocument, at, "the document is empty")
                    .with_help("write the document's content after `---`"),
            );
        }
        if style == ScalarStyle::Plain {
            self.comment_after(span.end);
        }
        let raw_text = (anchor != 0).then(|| text.to_string());
        let value = if style == ScalarStyle::Plain && !tagged {
            self.resolve(text, span)
        } else {
            Value::String(text.into_owned())
        };
        self.b.scalar(value, span, anchor, raw_text);
    }

    fn resolve(&mut self, text: Cow<'_, str>, span: Range) -> Value {
        match resolve_plain(&text) {
            Resolved::String => Value::String(text.into_owned()),
            Resolved::Value(value) => value,
            Resolved::Yaml11Boolean => {
                let at = self.b.span(span);
                self.b.report(
                    Problem::warning(
                        ProblemKind::Yaml11Boolean,
                        at,
                        format!(
                            "`{text}` is read as the string \"{text}\" (YAML 1.2); YAML 1.1 tools \
                             read it as a boolean"
                        ),
                    )
                    .with_help(format!(
                        "quote it (\"{text}\") so that every YAML tool reads the word; where a \
                         field takes true or false, the schema check says so"
                    )),
                );
                Value::String(text.into_owned())
            }
            Resolved::Yaml11Date => {
                let at = self.b.span(span);
                self.b.report(
                    Problem::warning(
                        ProblemKind::Yaml11Date,
                        at,
                        format!(
                            "`{text}` is read as the string \"{text}\" (YAML 1.2); YAML 1.1 tools \
                             such as PyYAML read it as a date, which a JSON Schema rejects"
                        ),
                    )
                    .with_help(format!("quote it: \"{text}\"")),
                );
                Value::String(text.into_owned())
            }
            Resolved::LeadingZero(value, octal) => {
                let at = self.b.span(span);
                let message = match octal {
                    Some(octal) => format!(
                        "`{text}` is read as the decimal number {value} (YAML 1.1 would read it \
                         as octal {octal})"
                    ),
                    None => format!(
                        "`{text}` is read as the decimal number {value}; a leading zero is \
                         ambiguous"
                    ),
                };
                self.b.report(
                    // No `0o` spelling is offered for octal: YAML 1.1 tools read it as text.
                    Problem::warning(ProblemKind::LeadingZeroNumber, at, message).with_help(
                        format!("quote it (\"{text}\") if a string is meant, or write {value}"),
                    ),
                );
                value
            }
            Resolved::NonFinite => {
                let at = self.b.span(span);
                self.b.report(
                    Problem::error(
                        ProblemKind::NonFiniteNumber,
                        at,
                        format!("`{text}` is not a finite number, which JSON cannot represent"),
                    )
                    .with_help(format!("quote it (\"{text}\") if a string is meant")),
                );
                Value::Null
            }
        }
    }

    fn begin(&mut self, map: bool, anchor: usize, tagged: bool, raw: saphyr_parser::Span) {
        let span = self.range(raw);
        // A flow collection's start event covers its properties and its bracket (and a comment
        // after the bracket on the same line); a block collection's covers only its properties
        // and ends where its first entry starts.
        let (content, _) = self.skip_properties(span.start, span.end);
        let flow = content < span.end
            && matches!(self.src.bytes().get(to_usize(content)), Some(b'[' | b'{'));
        let start = if flow {
            content
        } else if map {
            span.end
        } else {
            self.dash_before(span.end)
        };
        if tagged && let (_, Some(tag)) = self.skip_properties(span.start, start) {
            self.tag_error(tag);
        }
        self.check_tabs(raw.start);
        self.b.begin(map, start, anchor, flow);
    }

    /// A block sequence's start event can sit after its first `- `; move it back to the dash.
    fn dash_before(&self, at: u32) -> u32 {
        let bytes = self.src.bytes();
        let rel = to_usize(at);
        if bytes.get(rel) == Some(&b'-') {
            return at;
        }
        let mut i = rel;
        while i > 0 && matches!(bytes.get(i - 1), Some(b' ' | b'\t')) {
            i -= 1;
        }
        if i > 0 && bytes.get(i - 1) == Some(&b'-') {
            return span::offset(i - 1);
        }
        at
    }

    fn alias(&mut self, id: usize, raw: saphyr_parser::Span) {
        let span = self.range(raw);
        self.check_tabs(raw.start);
        let name = self.name_at(to_usize(span.start));
        if self.b.expects_key() {
            match self.b.alias_key(id, span, &name) {
                Some(key) => self.b.set_key(key, span),
                None => self.b.discard_key(),
            }
        } else {
            self.b.alias(id, span, &name);
        }
    }

    /// The anchor or alias name written at byte `rel` (after its `&` or `*`).
    fn name_at(&self, rel: usize) -> String {
        let rest = self.src.text.get(rel..).unwrap_or_default();
        let rest = rest.strip_prefix(['*', '&']).unwrap_or(rest);
        let len = rest.bytes().take_while(|b| !is_separator(*b)).count();
        rest.get(..len).unwrap_or_default().to_owned()
    }

    /// Skip the anchor and tag written before a node's content, which starts no later than
    /// `limit`. Returns where the content starts and the tag's range, if there is a tag.
    fn skip_properties(&self, start: u32, limit: u32) -> (u32, Option<Range>) {
        let bytes = self.src.bytes();
        let limit = to_usize(limit);
        let mut i = to_usize(start);
        let mut tag = None;
        while i < limit && matches!(bytes.get(i), Some(b'!' | b'&')) {
            let from = i;
            if bytes.get(i..i + 2) == Some(b"!<") {
                // Verbatim tags may contain flow indicators; they end at `>`.
                while i < limit && bytes.get(i) != Some(&b'>') {
                    i += 1;
                }
                i += 1;
            } else {
                while i < limit && bytes.get(i).is_some_and(|b| !is_separator(*b)) {
                    i += 1;
                }
            }
            if bytes.get(from) == Some(&b'!') {
                tag = Some(Range {
                    start: span::offset(from),
                    end: span::offset(i.min(limit)),
                });
            }
            while i < limit {
                match bytes.get(i) {
                    Some(b' ' | b'\t' | b'\r' | b'\n') => i += 1,
                    Some(b'#') => {
                        while i < limit && !matches!(bytes.get(i), Some(b'\n' | b'\r') | None) {
                            i += 1;
                        }
                    }
                    _ => break,
                }
            }
        }
        (span::offset(i.min(limit)), tag)
    }

    fn tag_error(&mut self, range: Range) {
        let written = self
            .src
            .text
            .get(to_usize(range.start)..to_usize(range.end))
            .unwrap_or("!")
            .to_owned();
        let span = self.b.span(range);
        self.b.report(
            Problem::error(
                ProblemKind::Tag,
                span,
                format!("tags are not supported; remove the tag `{written}`"),
            )
            .with_help(
                "values are typed by how they are written; quote a value to make it a string",
            ),
        );
    }

    /// Report a tab in the indentation of the line where block content starts at `at`.
    ///
    /// The parser rejects most such tabs itself, but accepts some (a tab after indentation spaces,
    /// or before top-level content) that still make the indentation ambiguous to readers. Each
    /// line is checked once, by its first node.
    fn check_tabs(&mut self, at: Marker) {
        if self.b.in_flow() || at.line() <= self.tab_line {
            return;
        }
        self.tab_line = at.line();
        let rel = self.chars.byte_of(at.index());
        let start = self.src.line_start(rel, at.col());
        let bytes = self.src.bytes();
        let mut i = start;
        while let Some(&b) = bytes.get(i) {
            match b {
                b' ' => i += 1,
                b'\t' => {
                    let span = self.b.span(self.src.char_range(i));
                    self.b.report(tab_problem(span));
                    return;
                }
                _ => return,
            }
        }
    }

    fn scan_error(&mut self, err: &ScanError) {
        let marker = *err.marker();
        let rel = self.chars.byte_of(marker.index());
        let info = err.info();
        let problem = if info.contains("unknown anchor") {
            let name = self.name_at(rel);
            let span = self.b.span(Range {
                start: span::offset(rel),
                end: span::offset(rel + 1 + name.len()),
            });
            Problem::error(
                ProblemKind::UnknownAlias,
                span,
                format!("unknown alias `*{name}`: no anchor `&{name}` is defined before it"),
            )
            .with_help(self.quoting_fix(rel).unwrap_or_else(|| {
                format!("define the anchor with `&{name}` on a node before this alias")
            }))
        } else if info == "recursion limit exceeded" {
            let span = self.b.span(self.src.char_range(rel));
            Problem::error(
                ProblemKind::DepthLimit,
                span,
                "flow collections are nested too deeply for the YAML parser",
            )
            .with_help("flatten the structure")
        } else if let Some(indicator) = info
            .strip_suffix("' must be followed by a valid YAML whitespace")
            .and_then(|s| s.strip_prefix('\''))
        {
            // `key:<TAB>value`: YAML 1.2 allows the tab, saphyr-parser does not, and its
            // message says the opposite of what is there. The parser stops past the blanks;
            // the span is the blanks after the indicator.
            let bytes = self.src.bytes();
            let mut start = rel;
            while start > 0 && matches!(bytes.get(start - 1), Some(b'\t' | b' ')) {
                start -= 1;
            }
            let span = self.b.span(Range {
                start: span::offset(start),
                end: span::offset(rel.max(start + 1)),
            });
            Problem::error(
                ProblemKind::Syntax,
                span,
                format!("a tab after `{indicator}` is not accepted here"),
            )
            .with_help(format!(
                "write a space after `{indicator}` instead of the tab"
            ))
        } else if let Some(tab) = self.find_tab(rel, marker.col(), info) {
            let span = self.b.span(tab);
            tab_problem(span)
        } else if let Some(line) = self.nbsp_indented(rel) {
            let span = self.b.span(line);
            Problem::error(
                ProblemKind::Syntax,
                span,
                "this line is indented with non-breaking spaces (U+00A0), which YAML does not read as indentation",
            )
            .with_help("replace them with ordinary spaces (often pasted from a word processor)")
        } else if let Some((start, end)) = self.keyless_line(rel, info) {
            let text = String::from_utf8_lossy(&self.src.bytes()[start..end]).into_owned();
            let span = self.b.span(Range {
                start: span::offset(start),
                end: span::offset(end),
            });
            keyless_problem(span, &text)
        } else {
            let span = self.b.span(self.src.char_range(rel));
            let mut problem = Problem::error(ProblemKind::Syntax, span, clean_message(info));
            // Text that starts with a character YAML reads as syntax (`*Secret*`, `[Editor's
            // note] ...`, `"as appropriate" leaves...`): whatever the parser made of it,
            // quoting is the fix, unless a case below knows better.
            if let Some(help) = self.quoting_fix(rel) {
                problem = problem.with_help(help);
            }
            // The parser reports an unclosed quote at the quote itself, which explains the
            // error; a bracket around it is not the cause.
            let unclosed_quote = matches!(
                info,
                "invalid indentation in quoted scalar"
                    | "while scanning a quoted scalar, found unexpected end of stream"
                    | "while scanning a quoted scalar, found unexpected document indicator"
            );
            let quote = char::from(self.src.bytes().get(rel).copied().unwrap_or(b'"'));
            match self.b.open_flow_start() {
                _ if unclosed_quote => problem.with_help(if info.starts_with("invalid indentation") {
                    format!("close the string with `{quote}`; a string that goes on over several lines needs them indented more than its key")
                } else {
                    format!("close the string with `{quote}`")
                }),
                // Most errors inside a flow collection come from a missing closing bracket,
                // which the parser only notices lines later.
                Some(open) => {
                    let bracket = self.b.span(self.src.char_range(to_usize(open)));
                    let written = self.src.bytes().get(to_usize(open)).copied();
                    let (open, close) = if written == Some(b'{') {
                        ('{', '}')
                    } else {
                        ('[', ']')
                    };
                    problem.with_related(bracket, "opened here").with_help(format!(
                        "inside the `{open}` opened on line {}; check that it is closed with `{close}`",
                        bracket.start.line
                    ))
                }
                None => problem,
            }
        };
        self.b.halt(problem);
    }

    /// For a parser error on the line of a `key: value` entry whose value starts with a YAML
    /// indicator, the help that quotes the value.
    fn quoting_fix(&self, rel: usize) -> Option<String> {
        let (start, end) = self.src.line_around(rel);
        let line = std::str::from_utf8(&self.src.bytes()[start..end])
            .ok()?
            .trim_end();
        let entry = line.trim_start().trim_start_matches("- ");
        let (key, value) = entry.split_once(": ")?;
        let value = value.trim_start();
        let first = value.chars().next()?;
        if !starts_with_key(key.as_bytes()) || !"\"'*&![{>|@`%".contains(first) {
            return None;
        }
        let code = value.split(" #").next().unwrap_or(value).trim_end();
        // `[a, b]]` is a list with a slip, not text: only a bracket followed by words is prose.
        if matches!(first, '[' | '{') && code.ends_with([']', '}']) {
            return None;
        }
        // `"1.0"` whole is a string already: the error lies elsewhere (its indentation).
        if matches!(first, '"' | '\'') && code.len() > 1 && code.ends_with(first) {
            return None;
        }
        // `*name` alone is an alias that lost its anchor; `*Secret* orders` is prose.
        if matches!(first, '*' | '&') && !value.contains(' ') {
            return None;
        }
        // `|`, `>-` or `|2` start a block of text; only words after the sign make it prose.
        if matches!(first, '|' | '>')
            && value[1..]
                .split('#')
                .next()
                .is_some_and(|header| header.trim().chars().all(|c| "+-123456789".contains(c)))
        {
            return None;
        }
        let quoted = if first == '\'' {
            format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
        } else {
            format!("'{}'", value.replace('\'', "''"))
        };
        Some(if quoted.chars().count() <= 80 {
            format!(
                "a value that starts with `{first}` is read as YAML syntax; to write it as text, quote all of it: `{key}: {quoted}`"
            )
        } else {
            format!(
                "a value that starts with `{first}` is read as YAML syntax; to write it as text, put all of it in single quotes, doubling any `'` inside"
            )
        })
    }

    /// For a parser error at byte `rel` that a missing `:` after a key causes, the line that
    /// lacks it: `summary >-`, `scope domestic` or `duration` is read as the start of a plain
    /// value that runs on into the lines below, and the parser only objects at the next `:`
    /// (the next key, or a key indented under it), lines later. The line to blame is the
    /// nearest one above, indented no deeper than the error's line, that is neither a
    /// `key: value` entry nor a list item; with none (or inside brackets), `None`.
    fn keyless_line(&self, rel: usize, info: &str) -> Option<(usize, usize)> {
        if !matches!(
            info,
            "simple key expect ':'"
                | "simple key expected"
                | "mapping values are not allowed in this context"
        ) || self.b.open_flow_start().is_some()
        {
            return None;
        }
        let bytes = self.src.bytes();
        let line_start =
            |at: usize| memchr::memrchr(b'\n', bytes.get(..at)?).map_or(Some(0), |nl| Some(nl + 1));
        // The lines above byte `at` that hold something, nearest first: where each starts,
        // its indentation, and its text without a trailing comment.
        let lines_above = |mut at: usize| {
            std::iter::from_fn(move || {
                while at > 0 {
                    let end = at - 1;
                    let start = line_start(end)?;
                    at = start;
                    let line = &bytes[start..end];
                    let line = line.strip_suffix(b"\r").unwrap_or(line);
                    let indent = line.iter().take_while(|&&b| b == b' ').count();
                    let content = &line[indent..];
                    if content.is_empty() || content.starts_with(b"#") {
                        continue;
                    }
                    let code =
                        memchr::memmem::find(content, b" #").map_or(content, |c| &content[..c]);
                    return Some((start, indent, code.trim_ascii_end()));
                }
                None
            })
        };
        // `key: value` or `key:`; a `:` inside a word (`https://...`) is not an entry's.
        let is_entry =
            |code: &[u8]| code.ends_with(b":") || memchr::memmem::find(code, b": ").is_some();
        let error_line = line_start(rel.min(bytes.len()))?;
        let error_indent = bytes[error_line..]
            .iter()
            .take_while(|&&b| b == b' ')
            .count();
        // The line is a key only where nothing else may stand: beside a sibling entry, or
        // beside the first key of a list item. Below a `key: value`, or a `key:` whose value
        // starts on the next line, it may be that value going on (a long text over lines, one
        // of which holds `: `), and the parser's own message is the better one.
        let keyed = |(start, indent, code): (usize, usize, &[u8])| {
            if code.starts_with(b"-") || is_entry(code) {
                return false;
            }
            let mut above = lines_above(start).filter(|l| l.1 <= indent);
            loop {
                match above.next() {
                    // The start of the document: a key is all that may stand there.
                    None => return true,
                    Some((_, _, code)) if code.starts_with(b"---") || code.starts_with(b"%") => {
                        return true;
                    }
                    // The items of a sibling key's list, written at the key's own indentation.
                    Some((_, above, code)) if above == indent && code.starts_with(b"-") => {}
                    Some((_, above, code)) if above == indent => return is_entry(code),
                    Some((_, above, code)) => {
                        let item = code.strip_prefix(b"-").map(|rest| {
                            let gap = rest.iter().take_while(|&&b| b == b' ').count();
                            (above + 1 + gap, &rest[gap..])
                        });
                        return item
                            .is_some_and(|(column, rest)| column == indent && is_entry(rest));
                    }
                }
            }
        };
        // The last key of a block, just before a line indented less (or the end of the file),
        // is the line right above the error; otherwise the nearest line above indented no
        // deeper than the error's, where the value the parser took for one began.
        let last_of_block = lines_above(error_line)
            .next()
            .filter(|l| l.1 > error_indent && keyed(*l));
        let (start, indent, code) = match last_of_block {
            Some(l) => l,
            None => {
                let above = lines_above(error_line).find(|l| l.1 <= error_indent)?;
                // `- id x` above `  summary: ...`: the first key of a list item, whose
                // siblings stand at the column after the dash.
                let item = above.2.strip_prefix(b"- ").map(|rest| {
                    let gap = rest.iter().take_while(|&&b| b == b' ').count();
                    (above.0, above.1 + 2 + gap, &rest[gap..])
                });
                // `- personal-data` alone is an item of a list of ids; only a key with its
                // value (`- id search-without-judge`) reads as an entry that lost its `:`.
                let key_and_value = |text: &[u8]| text.iter().any(u8::is_ascii_whitespace);
                match item {
                    Some(i)
                        if i.1 == error_indent
                            && !is_entry(i.2)
                            && starts_with_key(i.2)
                            && key_and_value(i.2) =>
                    {
                        i
                    }
                    _ => Some(above).filter(|l| keyed(*l))?,
                }
            }
        };
        Some((start + indent, start + indent + code.len()))
    }

    /// A plain value followed on its line by ` #word`: YAML ends the value there and reads the
    /// rest as a comment, so `Article 30 #secret orders` keeps only `Article 30`, silently.
    /// A comment written as one (`# note`, with a space) is left alone.
    fn comment_after(&mut self, end: u32) {
        let bytes = self.src.bytes();
        let mut at = to_usize(end);
        while matches!(bytes.get(at), Some(b' ' | b'\t')) {
            at += 1;
        }
        if at == to_usize(end) || bytes.get(at) != Some(&b'#') {
            return;
        }
        if matches!(
            bytes.get(at + 1),
            None | Some(b' ' | b'\t' | b'\r' | b'\n' | b'#')
        ) {
            return;
        }
        let (_, line_end) = self.src.line_around(at);
        let comment = String::from_utf8_lossy(&bytes[at..line_end]).into_owned();
        let span = self.b.span(Range {
            start: span::offset(at),
            end: span::offset(line_end),
        });
        self.b.report(
            Problem::warning(
                ProblemKind::CommentInValue,
                span,
                format!("`{comment}` is a comment: the value ends before it"),
            )
            .with_help("to keep the text, quote the whole value; a comment has a space after `#`"),
        );
    }

    /// For a parser error at byte `rel`, the line at or just above it whose indentation holds
    /// a non-breaking space: text pasted from a word processor looks indented, but YAML reads
    /// U+00A0 as content, and the parser objects a line later.
    fn nbsp_indented(&self, rel: usize) -> Option<Range> {
        const NBSP: &[u8] = "\u{a0}".as_bytes();
        let bytes = self.src.bytes();
        let mut end = rel.min(bytes.len());
        for _ in 0..2 {
            let (start, _) = self.src.line_around(end);
            let mut i = start;
            let mut seen = false;
            loop {
                if bytes[i..].starts_with(NBSP) {
                    seen = true;
                    i += NBSP.len();
                } else if bytes.get(i) == Some(&b' ') {
                    i += 1;
                } else {
                    break;
                }
            }
            if seen {
                return Some(Range {
                    start: span::offset(start),
                    end: span::offset(i),
                });
            }
            if start == 0 {
                return None;
            }
            end = start - 1;
        }
        None
    }

    /// For a parser error at byte `rel` (char column `col`) caused by a tab, the tab to blame:
    /// the parser often reports such errors at the end of the previous token rather than at the
    /// tab.
    fn find_tab(&self, rel: usize, col: usize, info: &str) -> Option<Range> {
        let about_tabs = info.contains("tab");
        let about_indentation = matches!(
            info,
            "invalid indentation"
                | "while parsing a block mapping, did not find expected key"
                | "while parsing a block collection, did not find expected '-' indicator"
                | "mapping values are not allowed in this context"
                | "block sequence entries are not allowed in this context"
                | "did not find expected <document start>"
        );
        if !about_tabs && !about_indentation {
            return None;
        }
        let bytes = self.src.bytes();
        let mut line_start = self.src.line_start(rel, col);
        let mut first_line = true;
        loop {
            let mut i = line_start;
            let mut tab = None;
            while let Some(&b) = bytes.get(i) {
                match b {
                    b' ' => {}
                    b'\t' => {
                        tab.get_or_insert(i);
                    }
                    _ => break,
                }
                i += 1;
            }
            let has_content = !matches!(bytes.get(i), None | Some(b'\n' | b'\r' | b'#'));
            if let Some(tab) = tab
                && has_content
            {
                return Some(self.src.char_range(tab));
            }
            // The scanner looked no further than the first line with content after the error.
            if !about_tabs || (!first_line && has_content) {
                break;
            }
            while !matches!(bytes.get(i), None | Some(b'\n' | b'\r')) {
                i += 1;
            }
            match bytes.get(i) {
                None => break,
                Some(b'\r') if bytes.get(i + 1) == Some(&b'\n') => i += 2,
                Some(_) => i += 1,
            }
            first_line = false;
            line_start = i;
        }
        about_tabs.then(|| self.src.char_range(rel))
    }
}

fn tab_problem(span: Span) -> Problem {
    Problem::error(
        ProblemKind::TabIndentation,
        span,
        "a tab is used for indentation; YAML indentation must be spaces",
    )
    .with_help("indent with spaces")
}

/// Turn the parser's terse messages into plain words.
fn clean_message(info: &str) -> String {
    let known = match info {
        "while parsing a node, did not find expected node content" => "expected a value here",
        "while parsing a block mapping, did not find expected key" => {
            "expected a `key: value` entry here; check the indentation of this line"
        }
        "while parsing a block collection, did not find expected '-' indicator" => {
            "expected a `- ` list item here; check the indentation of this line"
        }
        "mapping values are not allowed in this context" => {
            "unexpected `:`; quote the value if it contains `: `, or check the indentation"
        }
        "block sequence entries are not allowed in this context" => {
            "a `- ` list item is not allowed here; check the indentation"
        }
        "simple key expect ':'" | "simple key expected" => {
            "expected `:` after a key on the same line"
        }
        "invalid indentation" => "this line's indentation does not match the lines around it",
        "while parsing a flow sequence, expected ',' or ']'" => "expected `,` or `]` in this list",
        "while parsing a flow mapping, did not find expected ',' or '}'" => {
            "expected `,` or `}` in this mapping"
        }
        "while scanning a quoted scalar, found unexpected end of stream" => {
            "a quoted string is not closed before the end of the file"
        }
        "while scanning a quoted scalar, found unexpected document indicator" => {
            "a quoted string is not closed before a `---` or `...` line"
        }
        "invalid indentation in quoted scalar" => {
            "a quoted string is not closed on its line, and the next line is not indented as its continuation"
        }
        "misplaced bracket" => "a closing bracket without a matching opening bracket",
        "while parsing a quoted scalar, found unknown escape character" => {
            "unknown escape sequence in a double-quoted string; write `\\\\` for a backslash"
        }
        "did not find expected <document start>" => {
            "unexpected content after the document; check the indentation of this line"
        }
        "comments must be separated from other tokens by whitespace" => {
            "a `#` comment must be preceded by a space"
        }
        "comment intercepting the multiline text" => {
            "a comment cannot interrupt a value that continues on the next line"
        }
        "found unprintable character" => "unprintable character",
        "invalid trailing content after double-quoted scalar" => {
            "unexpected text after a closing quote"
        }
        _ => "",
    };
    if !known.is_empty() {
        return known.to_owned();
    }
    if let Some(rest) = info.strip_prefix("unexpected character: `") {
        let c = rest.trim_end_matches('\'');
        return format!("`{c}` cannot start a plain value; quote the value");
    }
    // "while scanning a plain scalar, found a tab" -> "found a tab (in a plain scalar)".
    let (context, detail) = match info.split_once(", ") {
        Some((context, detail)) if context.starts_with("while ") => {
            let what = context
                .trim_start_matches("while ")
                .trim_start_matches("parsing ")
                .trim_start_matches("scanning ");
            (Some(what.replace("scalar", "value")), detail)
        }
        _ => (None, info),
    };
    let detail = detail
        .replace("did not find expected", "expected")
        .replace("did not find the expected", "expected")
        .replace("could not find expected", "expected")
        .replace("<document start>", "`---`")
        .replace("<document-start>", "`---`");
    match context {
        Some(what) => format!("{detail} (in {what})"),
        None => detail,
    }
}
