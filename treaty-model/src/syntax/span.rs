//! Source positions and the span arena that runs parallel to a parsed value.

use std::hash::Hasher;
use std::sync::OnceLock;

use serde_json::{Map, Value};

use std::sync::atomic::{AtomicUsize, Ordering};

/// A position in the source: byte offset, 1-based line, 1-based column counted in Unicode scalar
/// values (chars).
///
/// The offset counts bytes of the original input, a stripped byte order mark included, so it can
/// index the bytes that were passed in. Lines end at `\n`, `\r\n` or a lone `\r`, as in YAML. A
/// byte order mark takes no column, as editors do not show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Pos {
    /// Byte offset into the input.
    pub offset: usize,
    /// Line number, starting at 1.
    pub line: u32,
    /// Column number in chars, starting at 1.
    pub column: u32,
}

impl Pos {
    /// The start of the input.
    pub const START: Pos = Pos {
        offset: 0,
        line: 1,
        column: 1,
    };
}

impl Default for Pos {
    fn default() -> Self {
        Self::START
    }
}

/// A half-open source range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    /// First position inside the range.
    pub start: Pos,
    /// First position after the range.
    pub end: Pos,
}

impl Span {
    /// An empty range at `pos`.
    #[must_use]
    pub fn point(pos: Pos) -> Self {
        Self {
            start: pos,
            end: pos,
        }
    }
}

/// Where a node is: its own span and, for a mapping value, the span of its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Location {
    /// The node itself (for a scalar its text, quotes included; for a collection from its start
    /// to its end).
    pub span: Span,
    /// The key that leads to this node, when the node is a mapping value.
    pub key_span: Option<Span>,
}

/// "None" for the `u32` fields of the arena.
pub(super) const NONE: u32 = u32::MAX;

/// Objects with at least this many entries get a hashed key index, so that locating a key in a
/// huge object does not compare every key.
pub(super) const KEY_INDEX_MIN: usize = 16;

/// A byte range of the parsed text (after any byte order mark).
///
/// The arena stores these rather than [`Span`]s: a node is then 24 bytes instead of 80, which on
/// a 20 MB file is the difference between ~35 MB and ~115 MB of arena. Lines and columns are
/// computed only for the nodes someone asks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Range {
    pub(super) start: u32,
    pub(super) end: u32,
}

impl Range {
    pub(super) fn point(at: u32) -> Self {
        Self { start: at, end: at }
    }
}

/// One arena node. `key.start == NONE` means "no key".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Node {
    pub(super) span: Range,
    pub(super) key: Range,
    pub(super) first_child: u32,
    pub(super) child_count: u32,
}

impl Node {
    pub(super) fn new(span: Range) -> Self {
        Self {
            span,
            key: Range::point(NONE),
            first_child: NONE,
            child_count: 0,
        }
    }
}

/// Hash used by the key index; any deterministic hash works as long as building and lookup agree.
pub(super) fn key_hash(key: &str) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    hasher.write(key.as_bytes());
    hasher.finish()
}

/// Arena of spans, one node per value node, children in the same order as the value's array
/// items / object entries (insertion order).
///
/// Nodes reached through a YAML alias share the anchored node's children, so their spans point at
/// the anchor's definition while the alias node itself points at the `*alias`. The tree keeps a
/// copy of the source text so it can turn byte offsets into lines and columns on demand.
#[derive(Debug, Clone, Default)]
pub struct SpanTree {
    nodes: Vec<Node>,
    children: Vec<u32>,
    /// Per indexed object: `(key_hash, entry position)` sorted by hash; see `indexed`.
    key_index: Vec<(u64, u32)>,
    /// Object node -> start of its entries in `key_index` (objects of `KEY_INDEX_MIN`+ keys).
    indexed: std::collections::HashMap<u32, u32>,
    text: Box<str>,
    /// Bytes before `text` in the input (a byte order mark).
    base: usize,
    /// Built on the first lookup: a document that validates cleanly never needs it.
    lines: OnceLock<Lines>,
}

impl PartialEq for SpanTree {
    fn eq(&self, other: &Self) -> bool {
        // The line cache is derived from `text`, so whether it was built yet is not compared.
        self.nodes == other.nodes
            && self.children == other.children
            && self.key_index == other.key_index
            && self.indexed == other.indexed
            && self.text == other.text
            && self.base == other.base
    }
}

impl Eq for SpanTree {}

/// The parts the builder hands over.
pub(super) struct Parts {
    pub(super) nodes: Vec<Node>,
    pub(super) children: Vec<u32>,
    pub(super) key_index: Vec<(u64, u32)>,
    pub(super) indexed: std::collections::HashMap<u32, u32>,
    pub(super) text: Box<str>,
    pub(super) base: usize,
    pub(super) lines: Option<Lines>,
}

/// How far a pointer walk got.
struct Walk {
    node: u32,
    complete: bool,
}

impl SpanTree {
    pub(super) fn from_parts(parts: Parts) -> Self {
        let lines = OnceLock::new();
        if let Some(built) = parts.lines {
            let _ = lines.set(built);
        }
        Self {
            nodes: parts.nodes,
            children: parts.children,
            key_index: parts.key_index,
            indexed: parts.indexed,
            text: parts.text,
            base: parts.base,
            lines,
        }
    }

    /// The tree's parts, borrowed, for the queries.
    pub(crate) fn view(&self) -> SpanView<'_> {
        SpanView {
            nodes: &self.nodes,
            children: &self.children,
            key_index: &self.key_index,
            indexed: &self.indexed,
            text: &self.text,
            base: self.base,
            lines: &self.lines,
        }
    }

    /// Resolve an RFC 6901 JSON pointer (`""` = root, `"/powers/3/id"`, with `~0` `~1` escapes)
    /// against the value the tree was built with. Returns `None` when the pointer names a node
    /// that does not exist (or is malformed).
    #[must_use]
    pub fn locate(&self, value: &Value, pointer: &str) -> Option<Location> {
        let view = self.view();
        let walk = view.walk(0, value, pointer);
        walk.complete.then(|| view.location(walk.node))
    }

    /// Like [`SpanTree::locate`], but for a missing node returns the location of its deepest
    /// existing ancestor (at worst the root), which is where a "missing property" belongs.
    #[must_use]
    pub fn locate_nearest(&self, value: &Value, pointer: &str) -> Location {
        self.view().locate_nearest(0, value, pointer)
    }

    /// The root span.
    #[must_use]
    pub fn root(&self) -> Location {
        self.view().location(0)
    }

    /// Number of nodes in the arena (value nodes, including discarded and alias nodes).
    #[must_use]
    pub fn node_count(&self) -> usize {
        self.nodes.len()
    }

    /// Gives the tree its source text, when the parse did not copy it (`parse_*_owned`).
    pub(super) fn set_text(&mut self, text: Box<str>) {
        self.text = text;
    }

    /// The source text (after any byte order mark).
    pub(crate) fn text(&self) -> &str {
        &self.text
    }
}

/// The parts of a span arena, borrowed: what the queries need.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SpanView<'a> {
    pub(super) nodes: &'a [Node],
    pub(super) children: &'a [u32],
    pub(super) key_index: &'a [(u64, u32)],
    pub(super) indexed: &'a std::collections::HashMap<u32, u32>,
    pub(super) text: &'a str,
    pub(super) base: usize,
    pub(super) lines: &'a OnceLock<Lines>,
}

impl SpanView<'_> {
    /// Like [`SpanTree::locate_nearest`], for the pointer relative to node `root` and its value.
    pub(crate) fn locate_nearest(&self, root: u32, value: &Value, pointer: &str) -> Location {
        let walk = self.walk(root, value, pointer);
        self.location(walk.node)
    }

    /// The node of item or entry `index` (in the value's order) of the collection at `node`.
    pub(crate) fn child_node(&self, node: u32, index: usize) -> Option<u32> {
        self.child(self.node(node)?, index)
    }

    /// The span of `node` alone, without its key's.
    pub(crate) fn node_span(&self, node: u32) -> Span {
        self.node(node)
            .map_or_else(Span::default, |n| self.span(n.span))
    }

    fn pos(&self, rel: u32) -> Pos {
        let lines = self
            .lines
            .get_or_init(|| Lines::build(self.text.as_bytes()));
        lines.pos(self.text.as_bytes(), self.base, to_usize(rel))
    }

    fn span(&self, range: Range) -> Span {
        Span {
            start: self.pos(range.start),
            end: self.pos(range.end),
        }
    }

    fn location(&self, node: u32) -> Location {
        self.node(node)
            .map_or_else(Location::default, |n| Location {
                span: self.span(n.span),
                key_span: (n.key.start != NONE).then(|| self.span(n.key)),
            })
    }

    fn node(&self, id: u32) -> Option<&Node> {
        self.nodes.get(to_usize(id))
    }

    fn child(&self, node: &Node, index: usize) -> Option<u32> {
        if index >= to_usize(node.child_count) {
            return None;
        }
        let first = to_usize(node.first_child);
        self.children.get(first.checked_add(index)?).copied()
    }

    /// Position of `key` among the entries of `map`, the object of node `id`.
    fn key_position(
        &self,
        id: u32,
        node: &Node,
        map: &Map<String, Value>,
        key: &str,
    ) -> Option<usize> {
        let start = if to_usize(node.child_count) >= KEY_INDEX_MIN {
            self.indexed.get(&id)
        } else {
            None
        };
        let Some(&start) = start else {
            return map.keys().position(|k| k == key);
        };
        let start = to_usize(start);
        let entries = self
            .key_index
            .get(start..start.checked_add(to_usize(node.child_count))?)?;
        let found = entries.binary_search_by_key(&key_hash(key), |e| e.0).ok()?;
        // The index is only built when no two keys of the object share a hash, so a key that
        // exists in the map and has this hash is exactly the entry found.
        if map.contains_key(key) {
            entries.get(found).map(|e| to_usize(e.1))
        } else {
            None
        }
    }

    /// Follows `pointer` from node `root`, whose value is `value`.
    fn walk(&self, root: u32, value: &Value, pointer: &str) -> Walk {
        let mut at = Walk {
            node: root,
            complete: false,
        };
        if self.node(root).is_none() {
            return at;
        }
        if pointer.is_empty() {
            at.complete = true;
            return at;
        }
        let Some(rest) = pointer.strip_prefix('/') else {
            return at;
        };
        let mut current = value;
        for raw in rest.split('/') {
            let Some(segment) = unescape(raw) else {
                return at;
            };
            let Some(node) = self.node(at.node) else {
                return at;
            };
            let found = match current {
                Value::Array(items) => array_index(&segment).and_then(|i| Some((items.get(i)?, i))),
                Value::Object(map) => self
                    .key_position(at.node, node, map, &segment)
                    .and_then(|i| Some((map.get(segment.as_ref())?, i))),
                _ => None,
            };
            let Some((next, child)) =
                found.and_then(|(next, i)| Some((next, self.child(node, i)?)))
            else {
                return at;
            };
            current = next;
            at.node = child;
        }
        at.complete = true;
        at
    }
}

/// Widen an arena index; `u32` always fits in `usize` on the targets this runs on, and the
/// fallback only makes a lookup miss.
pub(super) fn to_usize(n: u32) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// Decode `~1` and `~0`; `None` for any other use of `~`.
fn unescape(segment: &str) -> Option<std::borrow::Cow<'_, str>> {
    if !segment.contains('~') {
        return Some(std::borrow::Cow::Borrowed(segment));
    }
    let mut out = String::with_capacity(segment.len());
    let mut chars = segment.chars();
    while let Some(c) = chars.next() {
        if c == '~' {
            match chars.next() {
                Some('0') => out.push('~'),
                Some('1') => out.push('/'),
                _ => return None,
            }
        } else {
            out.push(c);
        }
    }
    Some(std::borrow::Cow::Owned(out))
}

/// RFC 6901 array index: `0` or digits without a leading zero.
fn array_index(segment: &str) -> Option<usize> {
    let bytes = segment.as_bytes();
    if bytes.is_empty() || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    if bytes.len() > 1 && bytes.first() == Some(&b'0') {
        return None;
    }
    segment.parse().ok()
}

/// Narrow a text offset for the arena; `prepare` guarantees it fits.
pub(super) fn offset(rel: usize) -> u32 {
    u32::try_from(rel).unwrap_or(u32::MAX - 1)
}

/// Chars in UTF-8 `bytes`: the bytes that do not continue a char.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| !is_continuation(**b)).count()
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
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // The `\r` of a `\r\n` is no break of its own: the `\n` after it is.
            if bytes.get(i..i + 2) != Some(b"\r\n") {
                starts.push(offset(i + 1));
            }
        }
        let mut chars = Vec::new();
        if !bytes.is_ascii() {
            chars.reserve(bytes.len() / CHUNK + 1);
            let mut count = 0usize;
            for chunk in bytes.chunks(CHUNK) {
                chars.push(offset(count));
                count += chars_in(chunk);
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
        base + chars_in(tail)
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
        } else if rel - start <= CHUNK {
            // Most places are a few bytes into their line: counting those is cheaper than
            // two lookups in the chunk index, which serves long lines.
            chars_in(bytes.get(start..rel).unwrap_or_default())
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
    fn line_starts_are_found_in_every_position_of_a_block_and_of_the_tail() {
        // memchr2 scans 64 bytes per loop, then 32-byte vectors, then a last overlapping
        // one (16-byte ones and single bytes on other machines): up to 140 bytes, a break
        // lands in every kind of step and on the edges between them.
        for len in 0..140usize {
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
                    if let Some(next) = bytes.get_mut(newline + 1) {
                        *next = b'\n';
                        assert_eq!(Lines::build(&bytes).starts, naive(&bytes), "{bytes:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn columns_count_chars_on_short_lines_and_on_lines_longer_than_a_chunk() {
        // Short lines are counted directly, long ones through the chunk index.
        let long = "é".repeat(CHUNK) + "x";
        let text = format!("k: ü x\n{long}\nend: ñ\n");
        let lines = Lines::build(text.as_bytes());
        for (rel, _) in text.char_indices() {
            let start = text[..rel].rfind('\n').map_or(0, |i| i + 1);
            let column = text[start..rel].chars().count() + 1;
            let pos = lines.pos(text.as_bytes(), 0, rel);
            assert_eq!(pos.column, u32::try_from(column).unwrap(), "{rel}");
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
