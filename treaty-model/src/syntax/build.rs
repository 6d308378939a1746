//! The value-and-span builder both readers drive.
//!
//! Readers report nodes in document order (collection start, children, collection end). The
//! builder keeps an explicit stack of open collections, so nothing here recurses on the input.
//! Every limit is checked before the memory it protects is spent.

use std::collections::HashMap;

use serde_json::{Map, Value, map::Entry};

use super::source::Source;
use super::span::Lines;
use super::span::{
    KEY_INDEX_MIN, NONE, Node, Parts, Pos, Range, Span, SpanTree, key_hash, to_usize,
};
use super::{Limits, Problem, ProblemKind, SpannedDoc};

/// Largest capacity guessed for a new collection from its previous sibling.
const MAX_CAPACITY_HINT: usize = 64;

/// Key comparisons allowed, per document, for finding where a duplicated key first appeared.
/// The search is linear in the mapping's size, so without a cap a file repeating one key of a
/// huge mapping would take quadratic time; past the cap duplicates are still reported, just
/// without the first occurrence.
const DUPLICATE_SEARCH_BUDGET: usize = 1 << 24;

/// What an open mapping expects next.
enum Pending {
    /// A key.
    Key,
    /// The value for this key.
    Value(String, Range),
    /// A value to throw away, because its key was rejected.
    Discard,
}

enum Body {
    Seq(Vec<Value>),
    Map(Map<String, Value>, Pending),
}

struct Frame {
    node: u32,
    body: Body,
    /// Where this frame's children start in `Builder::child_stack`.
    child_base: usize,
    /// Counters when the frame opened, to size an anchored subtree.
    nodes_at_start: usize,
    bytes_at_start: usize,
    /// Height of the tallest child.
    height: u32,
    anchor: usize,
    flow: bool,
    last_end: Option<u32>,
}

/// A completed anchored node, ready to be copied by aliases.
struct Anchor {
    value: Value,
    /// Scalar text as written, so an alias used as a key gets the text rather than the typed
    /// value (`&n 0x1F` as a key is "0x1F", not "31").
    raw: Option<String>,
    node: Option<u32>,
    /// Value nodes in the subtree.
    size: usize,
    /// String bytes (keys and values) in the subtree.
    bytes: usize,
    /// Collection nesting of the subtree (0 for a scalar).
    height: u32,
}

pub(super) struct Builder<'a> {
    src: Source<'a>,
    limits: Limits,
    nodes: Vec<Node>,
    children: Vec<u32>,
    /// Children of all open frames, each frame owning the tail from its `child_base`: one shared
    /// stack instead of a `Vec` per collection.
    child_stack: Vec<u32>,
    key_index: Vec<(u64, u32)>,
    indexed: HashMap<u32, u32>,
    frames: Vec<Frame>,
    root: Option<Value>,
    anchors: HashMap<usize, Anchor>,
    /// Nodes whose anchored collection was moved into `anchors` (see `end`), by node id.
    placeholders: HashMap<u32, usize>,
    /// Length of the last sequence / mapping closed at each depth. Sibling collections in data
    /// files tend to have the same size, so this presizes most of them exactly and saves the
    /// regrowth copies (a measurable share of the build time).
    seq_hint: Vec<usize>,
    map_hint: Vec<usize>,
    value_nodes: usize,
    text_bytes: usize,
    expanded_nodes: usize,
    expanded_bytes: usize,
    duplicate_search_left: usize,
    flow_depth: usize,
    problems: Vec<Problem>,
    lines: std::sync::OnceLock<Lines>,
    failed: bool,
    halted: bool,
}

impl<'a> Builder<'a> {
    pub(super) fn new(src: Source<'a>, limits: &Limits) -> Self {
        // Reserving for a generous node count (data files run 8-20 bytes per node) avoids the
        // arena's regrowth copies; untouched reserved pages cost no memory, and `finish` gives
        // the excess back.
        let guess = (src.text.len() / 8).min(limits.max_nodes).min(1 << 26);
        Self {
            src,
            limits: *limits,
            nodes: Vec::with_capacity(guess),
            children: Vec::with_capacity(guess),
            child_stack: Vec::new(),
            key_index: Vec::new(),
            indexed: HashMap::new(),
            frames: Vec::new(),
            root: None,
            anchors: HashMap::new(),
            placeholders: HashMap::new(),
            seq_hint: Vec::new(),
            map_hint: Vec::new(),
            value_nodes: 0,
            text_bytes: 0,
            expanded_nodes: 0,
            expanded_bytes: 0,
            duplicate_search_left: DUPLICATE_SEARCH_BUDGET,
            flow_depth: 0,
            problems: Vec::new(),
            lines: std::sync::OnceLock::new(),
            failed: false,
            halted: false,
        }
    }

    /// Line and column of text offset `rel`. The line table is built on the first call, so
    /// a document without problems never pays for it here.
    pub(super) fn pos(&mut self, rel: u32) -> Pos {
        let bytes = self.src.bytes();
        self.lines
            .get_or_init(|| Lines::build(bytes))
            .pos(bytes, self.src.base, to_usize(rel))
    }

    pub(super) fn span(&mut self, range: Range) -> Span {
        Span {
            start: self.pos(range.start),
            end: self.pos(range.end),
        }
    }

    pub(super) fn report(&mut self, problem: Problem) {
        if problem.is_error() {
            self.failed = true;
        }
        self.problems.push(problem);
    }

    /// Report an error after which nothing more is built.
    pub(super) fn halt(&mut self, problem: Problem) {
        self.report(problem);
        self.halted = true;
    }

    pub(super) fn halted(&self) -> bool {
        self.halted
    }

    pub(super) fn in_flow(&self) -> bool {
        self.flow_depth > 0
    }

    /// Whether the next node is the document's root.
    pub(super) fn at_root(&self) -> bool {
        self.frames.is_empty() && self.root.is_none()
    }

    /// Where the innermost open flow collection (`[` or `{`) starts.
    pub(super) fn open_flow_start(&self) -> Option<u32> {
        let frame = self.frames.iter().rev().find(|f| f.flow)?;
        self.nodes.get(to_usize(frame.node)).map(|n| n.span.start)
    }

    /// Where the innermost open collection starts, when it is a block one: its first key or
    /// dash, whose column is the indentation of its entries.
    pub(super) fn open_block_start(&self) -> Option<u32> {
        let frame = self.frames.last().filter(|f| !f.flow)?;
        self.nodes.get(to_usize(frame.node)).map(|n| n.span.start)
    }

    /// Whether some collection is still open.
    pub(super) fn open(&self) -> bool {
        !self.frames.is_empty()
    }

    pub(super) fn top_is_map(&self) -> bool {
        matches!(
            self.frames.last(),
            Some(Frame {
                body: Body::Map(..),
                ..
            })
        )
    }

    /// Whether the next node is a mapping key.
    pub(super) fn expects_key(&self) -> bool {
        matches!(
            self.frames.last(),
            Some(Frame {
                body: Body::Map(_, Pending::Key),
                ..
            })
        )
    }

    pub(super) fn set_key(&mut self, key: String, span: Range) {
        self.text_bytes = self.text_bytes.saturating_add(key.len());
        if let Some(Frame {
            body: Body::Map(_, pending),
            ..
        }) = self.frames.last_mut()
        {
            *pending = Pending::Value(key, span);
        }
    }

    /// Mark the current key as rejected, so its value is read but not kept.
    pub(super) fn discard_key(&mut self) {
        if let Some(Frame {
            body: Body::Map(_, pending),
            ..
        }) = self.frames.last_mut()
        {
            *pending = Pending::Discard;
        }
    }

    fn count_node(&mut self, span: Range) -> bool {
        self.value_nodes += 1;
        if self.value_nodes > self.limits.max_nodes {
            self.node_limit(span);
            return false;
        }
        true
    }

    fn node_limit(&mut self, span: Range) {
        let span = self.span(span);
        self.halt(
            Problem::error(
                ProblemKind::NodeLimit,
                span,
                format!(
                    "the document has more than {} nodes, the limit",
                    self.limits.max_nodes
                ),
            )
            .with_help("split the file into smaller files"),
        );
    }

    fn new_node(&mut self, node: Node) -> Option<u32> {
        match u32::try_from(self.nodes.len()) {
            Ok(id) if id != NONE => {
                self.nodes.push(node);
                Some(id)
            }
            _ => {
                self.node_limit(node.span);
                None
            }
        }
    }

    /// Add a scalar value. `raw` is the text as written, needed only when `anchor` is set.
    pub(super) fn scalar(&mut self, value: Value, span: Range, anchor: usize, raw: Option<String>) {
        if !self.count_node(span) {
            return;
        }
        let Some(id) = self.new_node(Node::new(span)) else {
            return;
        };
        let bytes = match &value {
            Value::String(s) => s.len(),
            _ => 0,
        };
        self.text_bytes = self.text_bytes.saturating_add(bytes);
        if anchor != 0 {
            self.anchors.insert(
                anchor,
                Anchor {
                    value: value.clone(),
                    raw,
                    node: None,
                    size: 1,
                    bytes,
                    height: 0,
                },
            );
        }
        self.attach(value, id, 0);
    }

    /// Record an anchor placed on a mapping key.
    pub(super) fn anchor_key(&mut self, anchor: usize, key: &str) {
        self.anchors.insert(
            anchor,
            Anchor {
                value: Value::String(key.to_owned()),
                raw: Some(key.to_owned()),
                node: None,
                size: 1,
                bytes: key.len(),
                height: 0,
            },
        );
    }

    /// Open a sequence or mapping whose content starts at `start`.
    pub(super) fn begin(&mut self, map: bool, start: u32, anchor: usize, flow: bool) -> bool {
        let span = Range::point(start);
        let depth = self.frames.len();
        if depth >= self.limits.max_depth {
            self.depth_limit(span);
            return false;
        }
        let nodes_at_start = self.value_nodes;
        if !self.count_node(span) {
            return false;
        }
        let Some(node) = self.new_node(Node::new(span)) else {
            return false;
        };
        if flow {
            self.flow_depth += 1;
        }
        let body = if map {
            let hint = self.map_hint.get(depth).copied().unwrap_or(0);
            Body::Map(Map::with_capacity(hint), Pending::Key)
        } else {
            let hint = self.seq_hint.get(depth).copied().unwrap_or(0);
            Body::Seq(Vec::with_capacity(hint))
        };
        self.frames.push(Frame {
            node,
            body,
            child_base: self.child_stack.len(),
            nodes_at_start,
            bytes_at_start: self.text_bytes,
            height: 0,
            anchor,
            flow,
            last_end: None,
        });
        true
    }

    fn depth_limit(&mut self, span: Range) {
        let span = self.span(span);
        self.halt(
            Problem::error(
                ProblemKind::DepthLimit,
                span,
                format!(
                    "nesting is deeper than {} levels, the limit",
                    self.limits.max_depth
                ),
            )
            .with_help("flatten the structure"),
        );
    }

    /// Close the innermost collection; `end` is where its closing event ends.
    pub(super) fn end(&mut self, end: u32) {
        let Some(frame) = self.frames.pop() else {
            return;
        };
        let depth = self.frames.len();
        if frame.flow {
            self.flow_depth = self.flow_depth.saturating_sub(1);
        }
        // A block collection's end event sits where the next token starts, possibly lines of
        // comments later; the end of its last child is what a reader sees as its end.
        let end = match (frame.flow, frame.last_end) {
            (false, Some(last)) => last,
            _ => end,
        };
        let first = self.children.len();
        let kids = self.child_stack.get(frame.child_base..).unwrap_or_default();
        self.children.extend_from_slice(kids);
        self.child_stack.truncate(frame.child_base);
        let count = self.children.len() - first;
        let (Ok(first), Ok(count)) = (u32::try_from(first), u32::try_from(count)) else {
            self.node_limit(Range::point(end));
            return;
        };
        let mut value = match frame.body {
            Body::Seq(items) => {
                set_hint(&mut self.seq_hint, depth, items.len());
                Value::Array(items)
            }
            Body::Map(map, _) => {
                set_hint(&mut self.map_hint, depth, map.len());
                if map.len() >= KEY_INDEX_MIN {
                    self.index_keys(frame.node, &map);
                }
                Value::Object(map)
            }
        };
        let height = frame.height.saturating_add(1);
        if frame.anchor != 0 {
            // The anchored value moves into the anchor table and a null placeholder takes its
            // place; `finish` puts it back. Cloning here instead would double the memory of
            // every anchored subtree, and nested anchors would multiply that.
            self.anchors.insert(
                frame.anchor,
                Anchor {
                    value: std::mem::take(&mut value),
                    raw: None,
                    node: Some(frame.node),
                    size: self.value_nodes - frame.nodes_at_start,
                    bytes: self.text_bytes - frame.bytes_at_start,
                    height,
                },
            );
            self.placeholders.insert(frame.node, frame.anchor);
        }
        if let Some(node) = self.nodes.get_mut(to_usize(frame.node)) {
            node.span.end = end;
            node.first_child = first;
            node.child_count = count;
        }
        self.attach(value, frame.node, height);
    }

    /// Build the hashed key index of a large object, unless two of its keys share a hash.
    fn index_keys(&mut self, node: u32, map: &Map<String, Value>) {
        let from = self.key_index.len();
        let Ok(start) = u32::try_from(from) else {
            return;
        };
        for (i, key) in map.keys().enumerate() {
            self.key_index
                .push((key_hash(key), u32::try_from(i).unwrap_or(NONE)));
        }
        let Some(entries) = self.key_index.get_mut(from..) else {
            return;
        };
        entries.sort_unstable_by_key(|e| e.0);
        let collision = entries
            .windows(2)
            .any(|w| w.first().map(|e| e.0) == w.get(1).map(|e| e.0));
        if collision {
            self.key_index.truncate(from);
        } else {
            self.indexed.insert(node, start);
        }
    }

    /// Copy the value anchored as `anchor` at an alias.
    pub(super) fn alias(&mut self, anchor: usize, span: Range, name: &str) {
        let Some(entry) = self.anchors.get(&anchor) else {
            let problem = recursive_alias(self.span(span), name);
            self.report(problem);
            // A null keeps the value and the span tree in step so reading can go on.
            self.scalar(Value::Null, span, 0, None);
            return;
        };
        let (size, bytes, height, original) = (entry.size, entry.bytes, entry.height, entry.node);
        let depth = self.frames.len() + to_usize(height);
        if depth > self.limits.max_depth {
            self.depth_limit(span);
            return;
        }
        self.expanded_nodes = self.expanded_nodes.saturating_add(size);
        self.expanded_bytes = self.expanded_bytes.saturating_add(bytes);
        if self.expanded_nodes > self.limits.max_alias_expansion
            || self.expanded_bytes > self.limits.max_bytes
        {
            let span = self.span(span);
            self.halt(
                Problem::error(
                    ProblemKind::AliasLimit,
                    span,
                    format!(
                        "aliases expand to more than {} nodes (or {} bytes of text), the limit",
                        self.limits.max_alias_expansion, self.limits.max_bytes
                    ),
                )
                .with_help("write the repeated data out, or use fewer nested aliases"),
            );
            return;
        }
        self.value_nodes = self.value_nodes.saturating_add(size);
        self.text_bytes = self.text_bytes.saturating_add(bytes);
        if self.value_nodes > self.limits.max_nodes {
            self.node_limit(span);
            return;
        }
        let mut node = Node::new(span);
        // The alias shares the anchored node's children, so locating below an alias points
        // into the anchor's definition at no cost per copied node.
        if let Some(original) = original.and_then(|id| self.nodes.get(to_usize(id))) {
            node.first_child = original.first_child;
            node.child_count = original.child_count;
        }
        let value = self
            .anchors
            .get(&anchor)
            .map_or(Value::Null, |entry| entry.value.clone());
        let Some(id) = self.new_node(node) else {
            return;
        };
        if let Some(start) = original.and_then(|o| self.indexed.get(&o).copied()) {
            self.indexed.insert(id, start);
        }
        self.attach(value, id, height);
    }

    /// The key text for an alias used as a mapping key, or `None` after reporting why not.
    pub(super) fn alias_key(&mut self, anchor: usize, span: Range, name: &str) -> Option<String> {
        let key = match self.anchors.get(&anchor) {
            None => Err(true),
            Some(Anchor { raw: Some(raw), .. }) => Ok(raw.clone()),
            Some(_) => Err(false),
        };
        let at = self.span(span);
        match key {
            Ok(key) => {
                self.expanded_bytes = self.expanded_bytes.saturating_add(key.len());
                if self.expanded_bytes > self.limits.max_bytes {
                    self.halt(Problem::error(
                        ProblemKind::AliasLimit,
                        at,
                        format!(
                            "aliases expand to more than {} bytes of text, the limit",
                            self.limits.max_bytes
                        ),
                    ));
                    return None;
                }
                Some(key)
            }
            Err(true) => {
                self.report(recursive_alias(at, name));
                None
            }
            Err(false) => {
                self.report(non_scalar_key(at));
                None
            }
        }
    }

    /// Hand a finished node to its parent (or make it the root).
    fn attach(&mut self, value: Value, id: u32, height: u32) {
        let span = self
            .nodes
            .get(to_usize(id))
            .map(|n| n.span)
            .unwrap_or_default();
        let Some(frame) = self.frames.last_mut() else {
            if self.root.is_none() {
                self.root = Some(value);
            }
            return;
        };
        frame.height = frame.height.max(height);
        frame.last_end = Some(span.end);
        let problem = match &mut frame.body {
            Body::Seq(items) => {
                items.push(value);
                self.child_stack.push(id);
                None
            }
            Body::Map(map, pending) => match std::mem::replace(pending, Pending::Key) {
                Pending::Key => {
                    // Only a collection (or an alias to one) can arrive where a key belongs:
                    // scalar keys go through `set_key`.
                    *pending = Pending::Discard;
                    Some(Err(span))
                }
                Pending::Discard => None,
                Pending::Value(key, key_span) => match map.entry(key) {
                    Entry::Vacant(slot) => {
                        slot.insert(value);
                        self.child_stack.push(id);
                        if let Some(node) = self.nodes.get_mut(to_usize(id)) {
                            node.key = key_span;
                        }
                        None
                    }
                    Entry::Occupied(slot) => {
                        let key = slot.key().clone();
                        let first = match self.duplicate_search_left.checked_sub(map.len()) {
                            Some(left) => {
                                self.duplicate_search_left = left;
                                map.keys().position(|k| *k == key)
                            }
                            None => None,
                        };
                        let base = frame.child_base;
                        let first_span = first
                            .and_then(|i| self.child_stack.get(base + i))
                            .and_then(|c| self.nodes.get(to_usize(*c)))
                            .map(|n| n.key);
                        Some(Ok((key, key_span, first_span)))
                    }
                },
            },
        };
        match problem {
            None => {}
            Some(Err(span)) => {
                let span = self.span(span);
                self.report(non_scalar_key(span));
            }
            Some(Ok((key, second, first))) => {
                let second = self.span(second);
                let first = first.map(|f| self.span(f));
                self.report(duplicate_key(&key, second, first));
            }
        }
    }

    /// Finish the document: `None` if any error was reported or nothing was read. Without
    /// `copy_text` the span tree gets no source text: the caller gives it its own buffer
    /// ([`SpanTree::set_text`]).
    pub(super) fn finish(mut self, copy_text: bool) -> (Option<SpannedDoc>, Vec<Problem>) {
        if self.failed || self.halted || !self.frames.is_empty() {
            return (None, self.problems);
        }
        let Some(mut value) = self.root.take() else {
            return (None, self.problems);
        };
        if !self.placeholders.is_empty() {
            self.restore_anchors(&mut value, 0);
        }
        self.nodes.shrink_to_fit();
        self.children.shrink_to_fit();
        let spans = SpanTree::from_parts(Parts {
            nodes: self.nodes,
            children: self.children,
            key_index: self.key_index,
            indexed: self.indexed,
            text: if copy_text {
                self.src.text.into()
            } else {
                Box::default()
            },
            base: self.src.base,
            lines: self.lines.into_inner(),
        });
        (Some(SpannedDoc { value, spans }), self.problems)
    }

    /// Put anchored collections back in the places they were moved out of, including the copies
    /// of those places made by aliases (which share span nodes with the original), in `root`,
    /// the value of node `id`.
    fn restore_anchors(&self, root: &mut Value, id: u32) {
        let mut stack: Vec<(&mut Value, u32)> = vec![(root, id)];
        while let Some((value, id)) = stack.pop() {
            let Some(node) = self.nodes.get(to_usize(id)) else {
                continue;
            };
            if let Some(entry) = self
                .placeholders
                .get(&id)
                .and_then(|anchor| self.anchors.get(anchor))
            {
                *value = entry.value.clone();
            }
            let first = to_usize(node.first_child);
            let kids = first
                .checked_add(to_usize(node.child_count))
                .and_then(|last| self.children.get(first..last))
                .unwrap_or_default();
            match value {
                Value::Array(items) => stack.extend(items.iter_mut().zip(kids.iter().copied())),
                Value::Object(map) => stack.extend(map.values_mut().zip(kids.iter().copied())),
                _ => {}
            }
        }
    }
}

fn set_hint(hints: &mut Vec<usize>, depth: usize, len: usize) {
    if hints.len() <= depth {
        hints.resize(depth + 1, 0);
    }
    if let Some(hint) = hints.get_mut(depth) {
        *hint = len.min(MAX_CAPACITY_HINT);
    }
}

fn recursive_alias(span: Span, name: &str) -> Problem {
    Problem::error(
        ProblemKind::UnknownAlias,
        span,
        format!(
            "alias `*{name}` refers to a node that contains it; recursive data is not supported"
        ),
    )
}

fn non_scalar_key(span: Span) -> Problem {
    Problem::error(
        ProblemKind::NonScalarKey,
        span,
        "a mapping key must be a scalar, not a mapping or sequence",
    )
    .with_help("JSON object keys are strings; use a plain or quoted scalar as the key")
}

fn duplicate_key(key: &str, span: Span, first: Option<Span>) -> Problem {
    let mut message = format!("duplicate key `{key}`");
    if let Some(first) = first {
        message.push_str(&format!(
            "; it was first defined on line {}",
            first.start.line
        ));
    }
    let problem = Problem::error(ProblemKind::DuplicateKey, span, message)
        .with_help("remove or rename one of the entries; only one value per key is allowed");
    match first {
        Some(first) => problem.with_related(first, "first written here"),
        None => problem,
    }
}
