//! Values computed once per file kind (compiled schemas, walkers), on first use.

use std::sync::OnceLock;

use crate::model::FileKind;

const KINDS: usize = FileKind::FILE_KINDS.len();

/// One lazily computed value per file kind, shared by all threads.
#[derive(Debug)]
pub(crate) struct PerKind<T>([OnceLock<Option<T>>; KINDS]);

impl<T> PerKind<T> {
    /// Nothing computed yet.
    pub(crate) const fn new() -> Self {
        Self([const { OnceLock::new() }; KINDS])
    }

    /// The value of `kind`, computed by `init` the first time it is asked for; `None` when
    /// `init` gave none (or `kind` is not a file kind).
    pub(crate) fn get(&self, kind: FileKind, init: impl FnOnce() -> Option<T>) -> Option<&T> {
        let index = FileKind::FILE_KINDS.iter().position(|k| *k == kind)?;
        self.0.get(index)?.get_or_init(init).as_ref()
    }
}

/// The schema of a kind, as a value, for the facts walker and the schema check's messages.
pub(crate) fn schema_value(kind: FileKind) -> Option<&'static serde_json::Value> {
    static SCHEMAS: PerKind<serde_json::Value> = PerKind::new();
    SCHEMAS.get(kind, || crate::schema::for_kind(kind))
}
