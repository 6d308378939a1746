//! From JSON pointers back to file positions.

use serde_json::Value;

use crate::diagnostic::{Location, Position};
use crate::syntax::{Pos, Span, SpanTree, SpanView};

/// One parsed file's value and span tree, able to place a pointer in the file.
#[derive(Debug)]
pub(crate) struct Locator<'a> {
    file: &'a str,
    value: &'a Value,
    spans: SpanView<'a>,
    /// The span node of `value`.
    root: u32,
}

/// A key as one token of a JSON pointer (RFC 6901: `~` as `~0`, `/` as `~1`).
pub(crate) fn pointer_token(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

pub(crate) fn position(p: Pos) -> Position {
    Position {
        line: p.line,
        column: p.column,
        offset: p.offset,
    }
}

pub(crate) fn location(file: &str, span: Span) -> Location {
    Location {
        file: file.to_owned(),
        start: position(span.start),
        end: position(span.end),
    }
}

impl<'a> Locator<'a> {
    pub(crate) fn new(file: &'a str, value: &'a Value, spans: &'a SpanTree) -> Self {
        Self {
            file,
            value,
            spans: spans.view(),
            root: 0,
        }
    }

    /// The nearest node to `pointer`.
    fn nearest(&self, pointer: &str) -> crate::syntax::Location {
        self.spans.locate_nearest(self.root, self.value, pointer)
    }

    pub(crate) fn value(&self) -> &'a Value {
        self.value
    }

    /// The file as diagnostics name it.
    pub(crate) fn file(&self) -> &'a str {
        self.file
    }

    /// The node at `pointer`, or its nearest existing ancestor.
    pub(crate) fn node(&self, pointer: &str) -> Location {
        location(self.file, self.nearest(pointer).span)
    }

    /// The value's node in the span tree, for walks that keep the tree and the value in step.
    pub(crate) fn root_node(&self) -> u32 {
        self.root
    }

    /// The node of item or entry `index` of the collection at `node`.
    pub(crate) fn child_node(&self, node: u32, index: usize) -> Option<u32> {
        self.spans.child_node(node, index)
    }

    /// The span of a node found by such a walk (without its key's, which costs as much again).
    pub(crate) fn span_of(&self, node: u32) -> Span {
        self.spans.node_span(node)
    }

    /// The key of the node at `pointer` when it is a mapping value, else the node.
    pub(crate) fn key_or_node(&self, pointer: &str) -> Location {
        let l = self.nearest(pointer);
        location(self.file, l.key_span.unwrap_or(l.span))
    }

    /// The first character of the node at `pointer` (a mapping that lacks a field: point at
    /// where it starts rather than underline all of it).
    pub(crate) fn start_of(&self, pointer: &str) -> Location {
        let span = self.nearest(pointer).span;
        let mut end = span.start;
        end.column += 1;
        end.offset += 1;
        location(
            self.file,
            Span {
                start: span.start,
                end,
            },
        )
    }
}
