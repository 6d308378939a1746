//! Checks on the raw bytes before parsing, and position bookkeeping shared by both readers
//! and by the diagnosis of YAML parser errors.

use super::span::{Lines, Pos, Range, Span, is_continuation, offset, to_usize};
use super::{Limits, Problem, ProblemKind};

/// The UTF-8 byte order mark.
pub(crate) const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The input after the byte-level checks: valid UTF-8 without a leading byte order mark, short
/// enough for every offset to fit in a `u32`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Source<'a> {
    pub(super) text: &'a str,
    /// Bytes stripped before `text` (a byte order mark), added back to every offset reported.
    pub(super) base: usize,
}

/// Run the checks every format shares: size, byte order mark, UTF-8 and NUL bytes.
///
/// Returns `None` when the text cannot be parsed at all; the reason is in `problems`.
pub(super) fn prepare<'a>(
    bytes: &'a [u8],
    limits: &Limits,
    problems: &mut Vec<Problem>,
) -> Option<Source<'a>> {
    // The span arena stores `u32` offsets, so 4 GiB is a hard ceiling whatever the limit says.
    let max = limits.max_bytes.min(to_usize(u32::MAX - 1));
    if bytes.len() > max {
        problems.push(
            Problem::error(
                ProblemKind::SizeLimit,
                Span::point(Pos::START),
                format!(
                    "the file is {} bytes, more than the limit of {max} bytes",
                    bytes.len()
                ),
            )
            .with_help("split the file into smaller files"),
        );
        return None;
    }
    let (base, body) = match bytes.strip_prefix(BOM) {
        Some(body) => {
            problems.push(
                Problem::warning(
                    ProblemKind::ByteOrderMark,
                    Span {
                        start: Pos::START,
                        end: Pos {
                            offset: BOM.len(),
                            ..Pos::START
                        },
                    },
                    "the file starts with a UTF-8 byte order mark; it was ignored",
                )
                .with_help("save the file as UTF-8 without a byte order mark"),
            );
            (BOM.len(), body)
        }
        None => (0, bytes),
    };
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(err) => {
            problems.push(invalid_utf8(bytes, body, base, &err));
            return None;
        }
    };
    let src = Source { text, base };
    // `contains` on bytes is memchr-fast; the position is only needed when there is one.
    if let Some(nul) = text
        .as_bytes()
        .contains(&0)
        .then(|| text.bytes().position(|b| b == 0))
        .flatten()
    {
        let start = src.pos_of(nul);
        let end = Pos {
            offset: start.offset + 1,
            column: start.column.saturating_add(1),
            ..start
        };
        problems.push(
            Problem::error(
                ProblemKind::NulByte,
                Span { start, end },
                "the file contains a NUL byte",
            )
            .with_help("remove the NUL byte; a file full of them is binary or saved as UTF-16"),
        );
        return None;
    }
    Some(src)
}

fn invalid_utf8(bytes: &[u8], body: &[u8], base: usize, err: &std::str::Utf8Error) -> Problem {
    let valid = err.valid_up_to();
    let prefix = body.get(..valid).unwrap_or_default();
    let start = Lines::build(prefix).pos(prefix, base, valid);
    let bad = err.error_len().unwrap_or(body.len().saturating_sub(valid));
    let end = Pos {
        offset: start.offset + bad,
        column: start.column.saturating_add(1),
        ..start
    };
    let byte = body.get(valid).copied().unwrap_or_default();
    // The UTF-32 marks first: the little-endian one begins with the UTF-16 one.
    let message =
        if bytes.starts_with(b"\xFF\xFE\x00\x00") || bytes.starts_with(b"\x00\x00\xFE\xFF") {
            "the file is not UTF-8; it looks like UTF-32".to_owned()
        } else if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
            "the file is not UTF-8; it looks like UTF-16".to_owned()
        } else if err.error_len().is_none() {
            "the file ends in the middle of a UTF-8 character".to_owned()
        } else {
            format!("invalid UTF-8: byte 0x{byte:02X} cannot appear here")
        };
    Problem::error(ProblemKind::InvalidUtf8, Span { start, end }, message)
        .with_help("save the file as UTF-8")
}

/// The first character YAML does not allow in a stream, with its offset in `text`: a C0
/// control other than tab and line breaks, DEL, a C1 control other than NEL, U+FFFE or
/// U+FFFF (YAML 1.2, `c-printable`; NUL is found before). Other YAML readers (PyYAML,
/// libyaml) refuse such a file, so a dataset that holds one works only here.
///
/// Hand-written because no crate finds a set of characters: the ASCII ones are found by a
/// fold the compiler vectorises (valid files pay one pass at memory speed), the others by
/// memchr on their lead bytes, 0xC2 and 0xEF, each hit then checked.
pub(super) fn first_non_printable(text: &str) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    // Without short-circuits, so that the fold below is vectorised.
    let ascii = |b: u8| ((b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r')) | (b == 0x7F);
    let first_ascii = bytes
        .iter()
        .fold(false, |seen, &b| seen | ascii(b))
        .then(|| bytes.iter().position(|&b| ascii(b)))
        .flatten();
    let before = first_ascii.unwrap_or(bytes.len());
    let first_wide = memchr::memchr2_iter(0xC2, 0xEF, &bytes[..before]).find(|&i| {
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (0xC2, Some(&second), _) => (0x80..=0x9F).contains(&second) && second != 0x85,
            (0xEF, Some(0xBF), Some(0xBE | 0xBF)) => true,
            _ => false,
        }
    });
    let at = first_wide.or(first_ascii)?;
    Some((at, text[at..].chars().next()?))
}

/// Whether `byte` ends an anchor, alias or tag name: a blank or a flow indicator.
pub(super) fn is_separator(byte: u8) -> bool {
    matches!(
        byte,
        b' ' | b'\t' | b'\r' | b'\n' | b',' | b'[' | b']' | b'{' | b'}'
    )
}

/// Where the line after the one ending at byte `end` (at its `\n`, `\r\n` or lone `\r`,
/// as the scanner counts lines) starts; `None` at the end of the text.
pub(super) fn next_line(bytes: &[u8], end: usize) -> Option<usize> {
    let at = end + memchr::memchr2(b'\n', b'\r', bytes.get(end..)?)?;
    let next = if bytes.get(at..at + 2) == Some(b"\r\n") {
        at + 2
    } else {
        at + 1
    };
    (next < bytes.len()).then_some(next)
}

/// The spaces that indent the line starting at byte `start`.
pub(super) fn indentation(bytes: &[u8], start: usize) -> usize {
    bytes
        .get(start..)
        .unwrap_or_default()
        .iter()
        .take_while(|&&b| b == b' ')
        .count()
}

impl<'a> Source<'a> {
    /// The anchor or alias name written at byte `rel` (after its `&` or `*`).
    pub(super) fn name_at(&self, rel: usize) -> &'a str {
        let rest = self.text.get(rel..).unwrap_or_default();
        let rest = rest.strip_prefix(['*', '&']).unwrap_or(rest);
        let len = rest.bytes().take_while(|b| !is_separator(*b)).count();
        rest.get(..len).unwrap_or_default()
    }

    pub(super) fn bytes(&self) -> &[u8] {
        self.text.as_bytes()
    }

    /// Position of byte `rel` of `text`: for one-off reports only, as it scans from the start.
    pub(super) fn pos_of(&self, rel: usize) -> Pos {
        let prefix = self.bytes().get(..rel).unwrap_or(self.bytes());
        Lines::build(prefix).pos(prefix, self.base, rel)
    }

    /// Byte just after the character starting at `rel` (`rel` itself at the end).
    pub(super) fn char_end(&self, rel: usize) -> usize {
        rel + self
            .text
            .get(rel..)
            .and_then(|rest| rest.chars().next())
            .map_or(0, char::len_utf8)
    }

    /// A range over the one character at `rel` (empty at a line break or the end).
    pub(super) fn char_range(&self, rel: usize) -> Range {
        let end = match self.bytes().get(rel) {
            None | Some(b'\n' | b'\r') => rel,
            Some(_) => self.char_end(rel),
        };
        Range {
            start: offset(rel),
            end: offset(end),
        }
    }

    /// The line holding byte `rel`: where it starts, and where its content ends (before
    /// `\n` or `\r\n`).
    pub(super) fn line_around(&self, rel: usize) -> (usize, usize) {
        let bytes = self.bytes();
        let rel = rel.min(bytes.len());
        let start = memchr::memrchr(b'\n', &bytes[..rel]).map_or(0, |nl| nl + 1);
        let end = memchr::memchr(b'\n', &bytes[rel..]).map_or(bytes.len(), |n| rel + n);
        let end = if end > start && bytes[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        (start, end)
    }

    /// Byte where the line holding byte `rel`, at 0-based char column `col`, starts.
    pub(super) fn line_start(&self, rel: usize, col: usize) -> usize {
        let bytes = self.bytes();
        let mut i = rel.min(bytes.len());
        let mut chars = col;
        while chars > 0 && i > 0 {
            i -= 1;
            if bytes.get(i).is_some_and(|b| !is_continuation(*b)) {
                chars -= 1;
            }
        }
        i
    }
}
