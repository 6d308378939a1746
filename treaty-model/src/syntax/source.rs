//! Checks on the raw bytes before parsing, and position bookkeeping shared by both readers.

use std::sync::atomic::{AtomicUsize, Ordering};

use super::span::{Pos, Range, Span, to_usize};
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
    let message = if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        "the file is not UTF-8; it looks like UTF-16".to_owned()
    } else if err.error_len().is_none() {
        "the file ends in the middle of a UTF-8 character".to_owned()
    } else {
        format!("invalid UTF-8: byte 0x{byte:02X} cannot appear here")
    };
    Problem::error(ProblemKind::InvalidUtf8, Span { start, end }, message)
        .with_help("save the file as UTF-8")
}

impl Source<'_> {
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

/// Narrow a text offset for the arena; `prepare` guarantees it fits.
pub(super) fn offset(rel: usize) -> u32 {
    u32::try_from(rel).unwrap_or(u32::MAX - 1)
}

pub(super) fn is_continuation(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

/// Bytes per checkpoint of the char count in [`Lines`].
const CHUNK: usize = 1024;

/// Start offsets of every line, for turning byte offsets into lines and columns in O(log n).
///
/// Lines end at `\n`, `\r\n` or a lone `\r`, as the YAML scanner counts them. Columns count
/// chars; for non-ASCII text a char count every `CHUNK` bytes bounds the counting per lookup, so
/// positions on one long line (minified JSON) do not cost a scan from the line's start each.
#[derive(Debug)]
pub(super) struct Lines {
    starts: Vec<u32>,
    /// Chars before byte `k * CHUNK`; empty when the text is ASCII (chars are bytes).
    chars: Vec<u32>,
    /// The line of the last lookup. Lookups mostly walk the file forwards (the facts of a
    /// file are collected in its order), so the answer is nearly always this line or one of
    /// the next few, found without a binary search over every line.
    last: AtomicUsize,
}

impl Clone for Lines {
    fn clone(&self) -> Self {
        Self {
            starts: self.starts.clone(),
            chars: self.chars.clone(),
            last: AtomicUsize::new(0),
        }
    }
}

impl PartialEq for Lines {
    fn eq(&self, other: &Self) -> bool {
        self.starts == other.starts && self.chars == other.chars
    }
}

impl Eq for Lines {}

/// Lines after the last lookup's that are tried before a binary search.
const LOOKAHEAD: usize = 8;

impl Lines {
    pub(super) fn build(bytes: &[u8]) -> Self {
        let mut starts = Vec::with_capacity(bytes.len() / 40 + 1);
        starts.push(0);
        if bytes.contains(&b'\r') {
            for (i, &b) in bytes.iter().enumerate() {
                if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                    starts.push(offset(i + 1));
                }
            }
        } else {
            // Only `\n` ends lines, so eight bytes at a time are tested for one at once.
            const ONES: u64 = u64::from_le_bytes([0x01; 8]);
            const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
            const NEWLINES: u64 = u64::from_le_bytes([b'\n'; 8]);
            let words = bytes.chunks_exact(8);
            let tail = words.remainder();
            for (k, word) in words.enumerate() {
                let x = <[u8; 8]>::try_from(word).map_or(0, u64::from_le_bytes) ^ NEWLINES;
                if x.wrapping_sub(ONES) & !x & HIGHS != 0 {
                    for (j, b) in word.iter().enumerate() {
                        if *b == b'\n' {
                            starts.push(offset(k * 8 + j + 1));
                        }
                    }
                }
            }
            let base = bytes.len() - tail.len();
            for (j, b) in tail.iter().enumerate() {
                if *b == b'\n' {
                    starts.push(offset(base + j + 1));
                }
            }
        }
        let mut chars = Vec::new();
        if !bytes.is_ascii() {
            chars.reserve(bytes.len() / CHUNK + 1);
            let mut count = 0usize;
            for chunk in bytes.chunks(CHUNK) {
                chars.push(offset(count));
                count += chunk.iter().filter(|b| !is_continuation(**b)).count();
            }
            chars.push(offset(count));
        }
        Self {
            starts,
            chars,
            last: AtomicUsize::new(0),
        }
    }

    /// Chars in `bytes[..rel]`.
    fn chars_before(&self, bytes: &[u8], rel: usize) -> usize {
        let chunk = rel / CHUNK;
        let base = self.chars.get(chunk).map_or(0, |c| to_usize(*c));
        let tail = bytes.get(chunk * CHUNK..rel).unwrap_or_default();
        base + tail.iter().filter(|b| !is_continuation(**b)).count()
    }

    /// The index of the line holding byte `rel`.
    fn line_of(&self, rel: usize) -> usize {
        let starts_at = |i: usize| self.starts.get(i).map(|s| to_usize(*s));
        let last = self.last.load(Ordering::Relaxed);
        let ahead = (last..last + LOOKAHEAD).find(|&i| {
            starts_at(i).is_some_and(|s| s <= rel) && starts_at(i + 1).is_none_or(|s| s > rel)
        });
        let index = ahead.unwrap_or_else(|| {
            self.starts
                .partition_point(|&s| to_usize(s) <= rel)
                .saturating_sub(1)
        });
        self.last.store(index, Ordering::Relaxed);
        index
    }

    /// Position of byte `rel` of `bytes` (the text these lines were built from).
    pub(super) fn pos(&self, bytes: &[u8], base: usize, rel: usize) -> Pos {
        let rel = rel.min(bytes.len());
        let index = self.line_of(rel);
        let start = self.starts.get(index).map_or(0, |s| to_usize(*s));
        let column = if self.chars.is_empty() {
            rel - start
        } else {
            self.chars_before(bytes, rel)
                .saturating_sub(self.chars_before(bytes, start))
        };
        Pos {
            offset: base + rel,
            line: u32::try_from(index + 1).unwrap_or(u32::MAX),
            column: u32::try_from(column + 1).unwrap_or(u32::MAX),
        }
    }
}

/// Maps the YAML scanner's char indices to byte offsets.
///
/// The scanner counts positions in chars; a cursor that moves both ways keeps the conversion
/// linear overall because event positions are nearly monotonic, and all-ASCII input (the common
/// case) needs no walking at all.
#[derive(Debug)]
pub(super) struct CharMap<'a> {
    bytes: &'a [u8],
    ascii: bool,
    char_idx: usize,
    byte_idx: usize,
}

impl<'a> CharMap<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Self {
            bytes: text.as_bytes(),
            ascii: text.is_ascii(),
            char_idx: 0,
            byte_idx: 0,
        }
    }

    pub(super) fn byte_of(&mut self, char_idx: usize) -> usize {
        let len = self.bytes.len();
        if self.ascii {
            return char_idx.min(len);
        }
        while self.char_idx < char_idx && self.byte_idx < len {
            self.byte_idx += 1;
            while self
                .bytes
                .get(self.byte_idx)
                .is_some_and(|b| is_continuation(*b))
            {
                self.byte_idx += 1;
            }
            self.char_idx += 1;
        }
        while self.char_idx > char_idx && self.byte_idx > 0 {
            self.byte_idx -= 1;
            while self.byte_idx > 0
                && self
                    .bytes
                    .get(self.byte_idx)
                    .is_some_and(|b| is_continuation(*b))
            {
                self.byte_idx -= 1;
            }
            self.char_idx -= 1;
        }
        self.byte_idx
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Line starts as the definition says: after every `\n`, and after a `\r` not followed
    /// by `\n`.
    fn naive(bytes: &[u8]) -> Vec<u32> {
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(offset(i + 1));
            }
        }
        starts
    }

    #[test]
    fn line_starts_are_found_in_every_position_of_a_word_and_of_the_tail() {
        for len in 0..40usize {
            for newline in 0..len {
                for extra in [None, Some(len / 2), Some(len.saturating_sub(1))] {
                    let mut bytes = vec![b'a'; len];
                    bytes[newline] = b'\n';
                    if let Some(e) = extra {
                        bytes[e] = b'\n';
                    }
                    assert_eq!(Lines::build(&bytes).starts, naive(&bytes), "{bytes:?}");
                    bytes[newline] = b'\r';
                    assert_eq!(Lines::build(&bytes).starts, naive(&bytes), "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn lookups_in_any_order_give_the_same_positions() {
        let text = "a\nbb\n\nccc\ndddd\n".repeat(20);
        let lines = Lines::build(text.as_bytes());
        let fresh = |rel| Lines::build(text.as_bytes()).pos(text.as_bytes(), 0, rel);
        let order: Vec<usize> = (0..=text.len()).chain((0..=text.len()).rev()).collect();
        for rel in order
            .iter()
            .copied()
            .chain(order.iter().map(|r| r * 7 % (text.len() + 1)))
        {
            assert_eq!(lines.pos(text.as_bytes(), 0, rel), fresh(rel), "{rel}");
        }
    }
}
