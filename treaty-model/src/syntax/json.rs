//! Strict RFC 8259 JSON reader.
//!
//! Hand-written rather than serde_json's parser because it must report spans for every node and
//! say precisely what is wrong with the common near-JSON mistakes (trailing commas, comments,
//! single quotes, `NaN`). It is a loop over an explicit state, driving the same builder as the
//! YAML reader, so nesting depth costs no call stack.

use serde_json::{Number, Value};

use super::build::Builder;
use super::source::Source;
use super::span::offset;
use super::span::{Pos, Range, Span};
use super::{Problem, ProblemKind};

/// Drives `b` with the events of `src`, strict JSON; returns it for `finish`.
pub(super) fn read<'a>(src: Source<'a>, b: Builder<'a>) -> Builder<'a> {
    let mut reader = Reader {
        src,
        text: src.text,
        bytes: src.text.as_bytes(),
        i: 0,
        b,
    };
    reader.run();
    reader.b
}

/// Marker for "an error was reported; stop reading".
struct Stop;

type Step<T = ()> = Result<T, Stop>;

struct Reader<'a> {
    src: Source<'a>,
    text: &'a str,
    bytes: &'a [u8],
    i: usize,
    b: Builder<'a>,
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'+' | b'-')
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.i).copied()
    }

    fn range(from: usize, to: usize) -> Range {
        Range {
            start: offset(from),
            end: offset(to),
        }
    }

    /// Report a syntax error over bytes `from..to` and stop.
    fn fail<T>(&mut self, from: usize, to: usize, message: impl Into<String>) -> Step<T> {
        self.fail_help(from, to, message, None)
    }

    fn fail_help<T>(
        &mut self,
        from: usize,
        to: usize,
        message: impl Into<String>,
        help: Option<&str>,
    ) -> Step<T> {
        let span = self.b.span(Self::range(from, to));
        let mut problem = Problem::error(ProblemKind::JsonSyntax, span, message);
        problem.help = help.map(str::to_owned);
        self.b.halt(problem);
        Err(Stop)
    }

    fn char_end(&self, rel: usize) -> usize {
        self.src.char_end(rel)
    }

    fn run(&mut self) {
        // Errors were reported when `Stop` was returned.
        let _ = self.document();
    }

    fn document(&mut self) -> Step {
        self.skip_ws()?;
        if self.peek().is_none() {
            self.b.report(
                Problem::error(
                    ProblemKind::EmptyDocument,
                    Span::point(Pos::START),
                    "the file contains no JSON value",
                )
                .with_help("write the document's content, e.g. `{}`"),
            );
            return Err(Stop);
        }
        let mut want_value = true;
        loop {
            if self.b.halted() {
                return Err(Stop);
            }
            if want_value {
                want_value = self.value()?;
                continue;
            }
            self.skip_ws()?;
            if !self.b.open() {
                if self.peek().is_some() {
                    let end = self.char_end(self.i);
                    return self.fail(
                        self.i,
                        end,
                        "unexpected content after the JSON value; a file holds one value",
                    );
                }
                return Ok(());
            }
            let map = self.b.top_is_map();
            let close = if map { b'}' } else { b']' };
            match self.peek() {
                Some(b',') => {
                    let comma = self.i;
                    self.i += 1;
                    self.skip_ws()?;
                    if self.peek() == Some(close) {
                        return self.fail_help(
                            comma,
                            comma + 1,
                            format!("trailing comma before `{}`", char::from(close)),
                            Some("remove the comma"),
                        );
                    }
                    if map {
                        self.key()?;
                    }
                    want_value = true;
                }
                Some(c) if c == close => {
                    self.i += 1;
                    self.b.end(offset(self.i));
                }
                None => {
                    return self.fail(
                        self.i,
                        self.i,
                        format!(
                            "unexpected end of input; expected `,` or `{}`",
                            char::from(close)
                        ),
                    );
                }
                Some(_) => {
                    let end = self.char_end(self.i);
                    return self.fail(
                        self.i,
                        end,
                        format!("expected `,` or `{}`", char::from(close)),
                    );
                }
            }
        }
    }

    /// Read a value, or open a collection. Returns whether a value is expected next (true after
    /// opening a collection that has content).
    fn value(&mut self) -> Step<bool> {
        self.skip_ws()?;
        let start = self.i;
        let Some(c) = self.peek() else {
            return self.fail(start, start, "unexpected end of input; expected a value");
        };
        match c {
            b'{' | b'[' => {
                let map = c == b'{';
                if !self.b.begin(map, offset(start), 0, true) {
                    return Err(Stop);
                }
                self.i += 1;
                self.skip_ws()?;
                let close = if map { b'}' } else { b']' };
                if self.peek() == Some(close) {
                    self.i += 1;
                    self.b.end(offset(self.i));
                    return Ok(false);
                }
                if map {
                    self.key()?;
                }
                Ok(true)
            }
            b'"' => {
                let (s, span) = self.string()?;
                self.b.scalar(Value::String(s), span, 0, None);
                Ok(false)
            }
            b'-' | b'0'..=b'9' => {
                self.number()?;
                Ok(false)
            }
            b'\'' => self.fail_help(
                start,
                start + 1,
                "strings must use double quotes, not single quotes",
                Some("write \"text\" instead of 'text'"),
            ),
            b']' | b'}' | b',' | b':' => self.fail(
                start,
                start + 1,
                format!("expected a value before `{}`", char::from(c)),
            ),
            b'.' | b'+' => {
                let end = start + 1 + self.digits(start + 1);
                let written = self.text.get(start..end).unwrap_or_default().to_owned();
                self.fail_help(
                    start,
                    end,
                    format!("invalid number `{written}`"),
                    Some("JSON numbers start with a digit or `-`, like 0.5 or 12"),
                )
            }
            _ if is_word_byte(c) => self.word(),
            _ => {
                let end = self.char_end(start);
                let found = self.text.get(start..end).unwrap_or_default().to_owned();
                self.fail(
                    start,
                    end,
                    format!("unexpected character `{found}`; expected a value"),
                )
            }
        }
    }

    /// Read an object key and its colon.
    fn key(&mut self) -> Step {
        self.skip_ws()?;
        let start = self.i;
        match self.peek() {
            Some(b'"') => {}
            Some(b'\'') => {
                return self.fail_help(
                    start,
                    start + 1,
                    "strings must use double quotes, not single quotes",
                    Some("write \"key\" instead of 'key'"),
                );
            }
            Some(c) if is_word_byte(c) => {
                let end = start
                    + self.bytes.get(start..).map_or(0, |rest| {
                        rest.iter().take_while(|b| is_word_byte(**b)).count()
                    });
                return self.fail_help(
                    start,
                    end,
                    "object keys must be double-quoted strings",
                    Some("put the key in double quotes"),
                );
            }
            None => return self.fail(start, start, "unexpected end of input; expected a key"),
            Some(_) => {
                let end = self.char_end(start);
                return self.fail(start, end, "expected a key (a double-quoted string)");
            }
        }
        let (key, span) = self.string()?;
        self.skip_ws()?;
        if self.peek() != Some(b':') {
            let at = self.i;
            let end = self.char_end(at);
            return self.fail(at, end, "expected `:` after the key");
        }
        self.i += 1;
        self.b.set_key(key, span);
        Ok(())
    }

    /// Skip whitespace, rejecting comments.
    fn skip_ws(&mut self) -> Step {
        while let Some(c) = self.peek() {
            match c {
                b' ' | b'\t' | b'\n' | b'\r' => self.i += 1,
                b'/' if matches!(self.bytes.get(self.i + 1), Some(b'/' | b'*')) => {
                    return self.fail_help(
                        self.i,
                        self.i + 2,
                        "comments are not allowed in JSON",
                        Some("remove the comment, or write the file as YAML"),
                    );
                }
                _ => break,
            }
        }
        Ok(())
    }

    /// Read a string starting at its opening quote.
    fn string(&mut self) -> Step<(String, Range)> {
        let open = self.i;
        let mut i = open + 1;
        let mut seg = i;
        let mut out: Option<String> = None;
        loop {
            let run = self.bytes.get(i..).map_or(0, |rest| {
                rest.iter()
                    .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                    .unwrap_or(rest.len())
            });
            i += run;
            match self.bytes.get(i) {
                None => {
                    return self.fail(open, open + 1, "this string is not closed");
                }
                Some(b'"') => {
                    let tail = self.text.get(seg..i).unwrap_or_default();
                    let s = match out {
                        Some(mut s) => {
                            s.push_str(tail);
                            s
                        }
                        None => tail.to_owned(),
                    };
                    self.i = i + 1;
                    return Ok((s, Self::range(open, self.i)));
                }
                Some(b'\\') => {
                    let buf = out.get_or_insert_with(String::new);
                    buf.push_str(self.text.get(seg..i).unwrap_or_default());
                    let (c, len) = self.escape(i)?;
                    if let Some(buf) = out.as_mut() {
                        buf.push(c);
                    }
                    i += len;
                    seg = i;
                }
                Some(&c) => {
                    let name = match c {
                        b'\n' => "a line break (write `\\n`)".to_owned(),
                        b'\r' => "a carriage return (write `\\r`)".to_owned(),
                        b'\t' => "a tab (write `\\t`)".to_owned(),
                        _ => format!("control character U+{c:04X} (write `\\u{c:04x}`)"),
                    };
                    return self.fail(i, i + 1, format!("strings cannot contain {name} unescaped"));
                }
            }
        }
    }

    fn hex4(&self, at: usize) -> Option<u32> {
        let digits = self.text.get(at..at + 4)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(digits, 16).ok()
    }

    /// Decode the escape at `at` (its backslash): the character and the bytes it spans.
    fn escape(&mut self, at: usize) -> Step<(char, usize)> {
        let simple = match self.bytes.get(at + 1) {
            Some(b'"') => Some('"'),
            Some(b'\\') => Some('\\'),
            Some(b'/') => Some('/'),
            Some(b'b') => Some('\u{8}'),
            Some(b'f') => Some('\u{c}'),
            Some(b'n') => Some('\n'),
            Some(b'r') => Some('\r'),
            Some(b't') => Some('\t'),
            _ => None,
        };
        if let Some(c) = simple {
            return Ok((c, 2));
        }
        match self.bytes.get(at + 1) {
            None => self.fail(at, at + 1, "this string is not closed"),
            Some(b'u') => {
                let Some(unit) = self.hex4(at + 2) else {
                    let end = self.char_end(at + 1);
                    return self.fail(at, end, "`\\u` must be followed by four hex digits");
                };
                match unit {
                    0xD800..=0xDBFF => {
                        let low = (self.bytes.get(at + 6..at + 8) == Some(b"\\u"))
                            .then(|| self.hex4(at + 8))
                            .flatten()
                            .filter(|low| (0xDC00..=0xDFFF).contains(low));
                        match low {
                            Some(low) => {
                                let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                                match char::from_u32(code) {
                                    Some(c) => Ok((c, 12)),
                                    None => self.fail(at, at + 12, "invalid surrogate pair"),
                                }
                            }
                            None => self.fail_help(
                                at,
                                at + 6,
                                format!(
                                    "lone surrogate `\\u{unit:04X}`: a high surrogate must be \
                                     followed by a low surrogate escape (`\\uDC00`-`\\uDFFF`)"
                                ),
                                Some("escape the character as a surrogate pair, or write it directly"),
                            ),
                        }
                    }
                    0xDC00..=0xDFFF => self.fail(
                        at,
                        at + 6,
                        format!(
                            "lone surrogate `\\u{unit:04X}`: a low surrogate must follow a high one"
                        ),
                    ),
                    _ => match char::from_u32(unit) {
                        Some(c) => Ok((c, 6)),
                        None => self.fail(at, at + 6, "invalid `\\u` escape"),
                    },
                }
            }
            Some(_) => {
                let end = self.char_end(at + 1);
                let written = self.text.get(at..end).unwrap_or_default().to_owned();
                self.fail_help(
                    at,
                    end,
                    format!("invalid escape `{written}`"),
                    Some("valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX"),
                )
            }
        }
    }

    fn digits(&self, from: usize) -> usize {
        self.bytes.get(from..).map_or(0, |rest| {
            rest.iter().take_while(|b| b.is_ascii_digit()).count()
        })
    }

    fn number(&mut self) -> Step {
        let start = self.i;
        let mut i = start;
        let negative = self.bytes.get(i) == Some(&b'-');
        if negative {
            i += 1;
        }
        match self.bytes.get(i) {
            Some(b'0') => {
                i += 1;
                if self.bytes.get(i).is_some_and(u8::is_ascii_digit) {
                    let end = i + self.digits(i);
                    return self.fail_help(
                        start,
                        end,
                        "numbers must not have leading zeros",
                        Some("remove the leading zeros, or quote the value if it is a code"),
                    );
                }
            }
            Some(b'1'..=b'9') => i += self.digits(i),
            Some(b'I') => {
                self.i = i;
                return self.word_at(start);
            }
            _ => {
                let end = self.char_end(i);
                return self.fail(start, end, "expected a digit after `-`");
            }
        }
        let mut float = false;
        if self.bytes.get(i) == Some(&b'.') {
            i += 1;
            let n = self.digits(i);
            if n == 0 {
                return self.fail(start, i, "expected a digit after the decimal point");
            }
            i += n;
            float = true;
        }
        if matches!(self.bytes.get(i), Some(b'e' | b'E')) {
            i += 1;
            if matches!(self.bytes.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            let n = self.digits(i);
            if n == 0 {
                return self.fail(start, i, "expected a digit in the exponent");
            }
            i += n;
            float = true;
        }
        if self.bytes.get(i).is_some_and(|b| is_word_byte(*b)) {
            let end = i + self.bytes.get(i..).map_or(0, |rest| {
                rest.iter().take_while(|b| is_word_byte(**b)).count()
            });
            let written = self.text.get(start..end).unwrap_or_default().to_owned();
            return self.fail_help(
                start,
                end,
                format!("invalid number `{written}`"),
                Some("JSON numbers are decimal, like -12, 3.5 or 1e-3; quote other values"),
            );
        }
        let text = self.text.get(start..i).unwrap_or_default();
        let integer = if float {
            None
        } else if negative {
            text.parse::<i64>().ok().map(Number::from)
        } else {
            text.parse::<u64>().ok().map(Number::from)
        };
        let number = integer.or_else(|| text.parse::<f64>().ok().and_then(Number::from_f64));
        self.i = i;
        let span = Self::range(start, i);
        match number {
            Some(n) => self.b.scalar(Value::Number(n), span, 0, None),
            None => {
                let at = self.b.span(span);
                self.b.report(Problem::error(
                    ProblemKind::NonFiniteNumber,
                    at,
                    format!("`{text}` is too large to be represented as a number"),
                ));
                self.b.scalar(Value::Null, span, 0, None);
            }
        }
        Ok(())
    }

    /// Read a bare word: `true`, `false`, `null`, or a mistake worth naming.
    fn word(&mut self) -> Step<bool> {
        let start = self.i;
        self.word_at(start)?;
        Ok(false)
    }

    /// Read the bare word at `self.i`, reporting it from `start` (which may include a sign).
    fn word_at(&mut self, start: usize) -> Step {
        let from = self.i;
        let end = from
            + self.bytes.get(from..).map_or(0, |rest| {
                rest.iter().take_while(|b| is_word_byte(**b)).count()
            });
        let word = self.text.get(from..end).unwrap_or_default();
        let value = match (start == from, word) {
            (true, "true") => Value::Bool(true),
            (true, "false") => Value::Bool(false),
            (true, "null") => Value::Null,
            (_, "NaN" | "Infinity" | "inf" | "nan") => {
                let written = self.text.get(start..end).unwrap_or_default().to_owned();
                return self.fail_help(
                    start,
                    end,
                    format!("`{written}` is not valid JSON; JSON numbers must be finite"),
                    Some("use null, or a string such as \"NaN\""),
                );
            }
            (true, "True" | "TRUE" | "False" | "FALSE" | "Null" | "NULL" | "None") => {
                return self.fail_help(
                    start,
                    end,
                    format!("unknown literal `{word}`"),
                    Some("JSON literals are lowercase: true, false, null"),
                );
            }
            _ => {
                let written = self.text.get(start..end).unwrap_or_default().to_owned();
                return self.fail_help(
                    start,
                    end,
                    format!("unexpected `{written}`; strings must be double-quoted"),
                    Some("put the text in double quotes"),
                );
            }
        };
        self.i = end;
        self.b.scalar(value, Self::range(start, end), 0, None);
        Ok(())
    }
}
