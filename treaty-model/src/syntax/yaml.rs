//! YAML reader: drives saphyr-parser's event iterator into the builder.
//!
//! The iterator API (`Parser::next_event`) is a state machine with an explicit state stack, so
//! deep input costs heap, not call stack; `Parser::load` would recurse and is not used.
//!
//! When the parser gives up, what its error most likely means is worked out in `diagnose`,
//! which sees the text and the error, not this reader.

use std::borrow::Cow;

use saphyr_parser::{Event, Marker, Parser, ScalarStyle, ScanError};
use serde_json::Value;

use super::build::Builder;
use super::diagnose::{self, tab_problem};
use super::scalar::{Resolved, resolve_plain};
use super::source::{self, Source, indentation, is_separator, next_line};
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
            .with_help("remove it: no text of a dataset needs it"),
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
        if block
            && text.trim().is_empty()
            && let Some(header) = self.block_header_before(span.start)
        {
            span = header;
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
        // Only text runs on over lines: after a number or a boolean, a `#word` line below is
        // a note (`#TODO check`).
        if style == ScalarStyle::Plain && value.is_string() {
            self.comment_below(span.end);
        }
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
            Resolved::Notation(value, notation) => {
                let at = self.b.span(span);
                // `9e1` is the float 90.0, but the field it fills wants 90.
                let plain = match value.as_f64() {
                    Some(f) if value.is_f64() && f.fract() == 0.0 && f.abs() < 1e15 => {
                        format!("{f:.0}")
                    }
                    _ => value.to_string(),
                };
                self.b.report(
                    Problem::warning(
                        ProblemKind::NumberNotation,
                        at,
                        format!(
                            "`{text}` is the number {plain} in {notation} notation, which not \
                             every YAML reader reads as that number"
                        ),
                    )
                    .with_help(format!(
                        "write {plain}, or quote it (\"{text}\") if text is meant"
                    )),
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
        let name = self.src.name_at(to_usize(span.start));
        if self.b.expects_key() {
            match self.b.alias_key(id, span, name) {
                Some(key) => self.b.set_key(key, span),
                None => self.b.discard_key(),
            }
        } else {
            self.b.alias(id, span, name);
        }
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
        let open_flow = self.b.open_flow_start();
        let problem = diagnose::parser_error(self.src, rel, marker.col(), err.info(), open_flow);
        self.b.halt(problem);
    }

    /// A plain value followed on its line by ` #word`: YAML ends the value there and reads the
    /// rest as a comment, so `Article 30 #secret orders` keeps only `Article 30`, silently.
    /// A comment written as one (`# note`, with a space) is left alone.
    /// The header (`|`, `>-`, `|2`...) of the block scalar whose event starts at `at`. A block
    /// with no text (`title: |` over blank lines) has no line of its own, so the parser places
    /// its event at the next token, often the next key; the header is where a reader looks.
    fn block_header_before(&self, at: u32) -> Option<Range> {
        let bytes = self.src.bytes();
        let mut before = to_usize(at).min(bytes.len());
        // Back over blank and comment lines to the line of the header.
        let (start, code) = loop {
            let last = bytes[..before]
                .iter()
                .rposition(|b| !b.is_ascii_whitespace())?;
            let (start, _) = self.src.line_around(last);
            let line = &bytes[start..=last];
            // A comment after the header (`title: | # to do`) is not part of it.
            let code = match line.iter().position(|b| *b == b'#') {
                Some(0) => &[][..],
                Some(hash) if line[hash - 1] == b' ' => &line[..hash],
                _ => line,
            }
            .trim_ascii_end();
            if !code.trim_ascii_start().is_empty() {
                break (start, code);
            }
            before = start;
        };
        let word = code
            .iter()
            .rposition(|b| *b == b' ')
            .map_or(0, |space| space + 1);
        matches!(code.get(word), Some(b'|' | b'>')).then(|| Range {
            start: span::offset(start + word),
            end: span::offset(start + code.len()),
        })
    }

    fn comment_after(&mut self, end: u32) {
        let bytes = self.src.bytes();
        let mut at = to_usize(end);
        while matches!(bytes.get(at), Some(b' ' | b'\t')) {
            at += 1;
        }
        if at == to_usize(end) || !starts_word_comment(bytes, at) {
            return;
        }
        self.comment_in_value(at, "the value ends before it");
    }

    /// A plain value whose next line, indented as its continuation, starts with `#word`:
    ///
    /// ```yaml
    /// summary: This power covers
    ///   #hashtags and more text
    /// ```
    ///
    /// YAML ends the value at the line break and drops the whole second line as a comment,
    /// silently. A `#` line is taken for lost text only where nothing else is likely meant,
    /// when all of these hold:
    /// - it comes right after the value's last line, with nothing after the value on that
    ///   line and no blank line between: a comment after a gap, or after a comment, was
    ///   written as one;
    /// - it is indented deeper than the key (or the dash) of the entry the value belongs to,
    ///   as a continuation would be: at that column or left of it, it is a comment between
    ///   entries, or an entry commented out;
    /// - its `#` is glued to a word, as for `comment_after`: `# note` is a comment, and so is
    ///   `#- item`, an entry commented out;
    /// - the value is text: after `false` or `90`, a `#TODO` line is a note;
    /// - the next line with content, past blank and comment lines, is indented no deeper than
    ///   that key, or there is none: the value would have ended there anyway. A deeper one
    ///   makes the parser fail, which says more than this warning.
    fn comment_below(&mut self, end: u32) {
        // The cheap tests first: this runs for every plain value.
        let bytes = self.src.bytes();
        let mut eol = to_usize(end);
        while matches!(bytes.get(eol), Some(b' ' | b'\t')) {
            eol += 1;
        }
        if !matches!(bytes.get(eol), Some(b'\r' | b'\n')) {
            return;
        }
        let Some(line) = next_line(bytes, eol) else {
            return;
        };
        let indent = indentation(bytes, line);
        let at = line + indent;
        // `#- item` is a list entry commented out, not words that lost their line.
        if !starts_word_comment(bytes, at)
            || !bytes.get(at + 1).is_some_and(u8::is_ascii_alphanumeric)
            || self.b.in_flow()
        {
            return;
        }
        let Some(entry) = self.b.open_block_start() else {
            return;
        };
        let (entry_line, _) = self.src.line_around(to_usize(entry));
        let column = to_usize(entry) - entry_line;
        if indent <= column {
            return;
        }
        // The next line with content decides whether the value would have ended there.
        let mut next = next_line(bytes, line);
        while let Some(start) = next {
            let content = start + indentation(bytes, start);
            match bytes.get(content) {
                None => break,
                Some(b'\r' | b'\n' | b'#') => next = next_line(bytes, start),
                Some(_) if content - start > column => return,
                Some(_) => break,
            }
        }
        self.comment_in_value(at, "the value on the line above ends before it");
    }

    /// Warn that the comment starting at byte `at` and running to the end of its line was
    /// meant as part of a value; `ends` says where that value ends.
    fn comment_in_value(&mut self, at: usize, ends: &str) {
        let (_, line_end) = self.src.line_around(at);
        let comment = String::from_utf8_lossy(&self.src.bytes()[at..line_end]).into_owned();
        let span = self.b.span(Range {
            start: span::offset(at),
            end: span::offset(line_end),
        });
        self.b.report(
            Problem::warning(
                ProblemKind::CommentInValue,
                span,
                format!("`{comment}` is a comment: {ends}"),
            )
            .with_help("to keep the text, quote the whole value; a comment has a space after `#`"),
        );
    }
}

/// Whether byte `at` starts a comment glued to a word (`#word`), which reads as text that
/// lost its way rather than a comment written as one (`# note`, `##`).
fn starts_word_comment(bytes: &[u8], at: usize) -> bool {
    bytes.get(at) == Some(&b'#')
        && !matches!(
            bytes.get(at + 1),
            None | Some(b' ' | b'\t' | b'\r' | b'\n' | b'#')
        )
}
