//! Checking a file's top-level lists item by item, while the rest of the file is read.
//!
//! A large dataset file is one long list (`powers`, `states`, an assessment's `powers`). Its
//! items are checked as the parser completes them: the schema of one item, its facts and its
//! typed model, after which its value is dropped. The file is never held whole as a value,
//! which is several times its size in memory, and each item is checked while it is still in
//! the cache. The root keeps a null in each item's place; it is checked last, with a schema
//! that leaves the items out.

use serde::Deserialize;
use serde_json::{Map, Value};

use super::Options;
use super::facts::Collector;
use super::locate::Locator;
use super::schema_check::{self, Target};
use crate::convert::Format;
use crate::diagnostic::Diagnostic;
use crate::model::{Document, FileKind};
use crate::syntax::{ItemSink, SpanTree, SpanView};

/// Declares the lists checked item by item: the file kind, the key in its root mapping, the
/// model's field and item type. Concordances and crosswalks are not among them: how their
/// provisions read depends on root fields that may come after the list.
macro_rules! streamed_lists {
    ($($kind:ident $key:literal => $field:ident: $item:ident,)*) => {
        /// Every list checked item by item: the file kind and the key.
        const LISTS: &[(FileKind, &str)] = &[$((FileKind::$kind, $key),)*];

        /// The typed items of one list.
        #[derive(Debug)]
        enum Items {
            $($item(Vec<crate::model::$item>),)*
        }

        impl Items {
            fn new(kind: FileKind, key: &str) -> Option<Self> {
                Some(match (kind, key) {
                    $((FileKind::$kind, $key) => Self::$item(Vec::new()),)*
                    _ => return None,
                })
            }

            /// Reads `value` as an item, and keeps as much of it as `keep` says.
            fn push(&mut self, value: Value, keep: Keep) -> Result<(), serde_json::Error> {
                match self {
                    $(Self::$item(items) => {
                        let item = crate::model::$item::deserialize(value)?;
                        if keep != Keep::Nothing {
                            items.push(item);
                        }
                    })*
                }
                if let (Self::Power(items), Keep::Checked) = (self, keep)
                    && let Some(power) = items.last_mut()
                {
                    super::semantic::outline_power(power);
                }
                Ok(())
            }

            /// Puts the items in their document's list.
            fn attach(self, document: &mut Document) {
                match (self, document) {
                    $((Self::$item(items), Document::$kind(d)) => d.$field = items,)*
                    _ => {}
                }
            }
        }
    };
}

streamed_lists! {
    Analysis "concerns" => concerns: Concern,
    Assessment "powers" => powers: PowerImplementation,
    Chapter "articles" => articles: Article,
    DataCategories "categories" => categories: DataCategory,
    Definitions "terms" => terms: Definition,
    Instrument "text_versions" => text_versions: TextVersion,
    Offences "offences" => offences: Offence,
    Participation "reported_counts" => reported_counts: ReportedCount,
    Participation "states" => states: StateParticipation,
    Powers "powers" => powers: Power,
    Safeguards "safeguards" => safeguards: Safeguard,
    SensitivityCategories "categories" => categories: SensitivityCategory,
    Sources "sources" => sources: Source,
}

/// The keys of the lists of `kind` checked item by item.
pub(crate) fn fields(kind: FileKind) -> impl Iterator<Item = &'static str> {
    LISTS
        .iter()
        .filter(move |(k, _)| *k == kind)
        .map(|(_, key)| *key)
}

/// How much of a file's typed document is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Keep {
    /// None of it: the file was only checked.
    Nothing,
    /// What the cross-file checks read.
    Checked,
    /// All of it, for the dataset.
    All,
}

impl Keep {
    /// What a validation with `options` keeps of a file of `kind`.
    pub(crate) fn of(kind: FileKind, options: &Options) -> Self {
        if options.dataset {
            Self::All
        } else if super::file::needed_by_cross_file_checks(kind) {
            Self::Checked
        } else {
            Self::Nothing
        }
    }
}

/// Takes the items of a file's lists from the parser and checks each.
#[derive(Debug)]
pub(crate) struct Streamer<'o> {
    path: &'o str,
    options: &'o Options,
    /// The format each item is written in as it is read, when the file is converted.
    format: Option<Format>,
    /// Set at the first item taken, when the file's kind is known.
    state: Option<State>,
}

/// What the items taken so far gave.
#[derive(Debug)]
struct State {
    kind: FileKind,
    /// How much of the typed items is kept.
    keep: Keep,
    /// The keys of the lists whose items were taken.
    taken: Vec<&'static str>,
    schema_errors: Vec<Diagnostic>,
    facts: Collector,
    /// The typed items of each list taken, by key.
    items: Vec<(&'static str, Items)>,
    /// Whether some item could not be read into the model.
    typed_failed: bool,
    /// The items written in the conversion's format, by list.
    written: Vec<(&'static str, Vec<String>)>,
}

/// The items' results, for the rest of the file's checks.
#[derive(Debug)]
pub(crate) struct Streamed {
    pub schema_errors: Vec<Diagnostic>,
    pub facts: Collector,
    pub typed: TypedItems,
    /// The items written in the conversion's format, by list.
    pub written: Vec<(&'static str, Vec<String>)>,
}

/// The items read into the model.
#[derive(Debug)]
pub(crate) struct TypedItems {
    items: Vec<(&'static str, Items)>,
    /// Whether some item could not be read into the model.
    pub failed: bool,
}

impl TypedItems {
    /// Completes `document`, read from the root without its lists, with the items.
    pub(crate) fn attach(self, document: &mut Document) {
        for (_, items) in self.items {
            items.attach(document);
        }
    }
}

impl<'o> Streamer<'o> {
    /// A streamer that writes each item in `format` too, when there is one.
    pub(crate) fn new(path: &'o str, options: &'o Options, format: Option<Format>) -> Self {
        Self {
            path,
            options,
            format,
            state: None,
        }
    }

    /// After the parse: checks the items of lists read before the file's kind (which were
    /// not taken), leaves a null in each item's place, and hands over what the items gave.
    /// `None` when the kind has no list checked item by item.
    pub(crate) fn finish(
        mut self,
        kind: FileKind,
        value: &mut Value,
        spans: &SpanTree,
    ) -> Option<Streamed> {
        let view = spans.view();
        for key in fields(kind) {
            if self.state.as_ref().is_some_and(|s| s.taken.contains(&key)) {
                continue;
            }
            let Some(map) = value.as_object_mut() else {
                break;
            };
            let Some(position) = map.keys().position(|k| k == key) else {
                continue;
            };
            let Some(Value::Array(list)) = map.get_mut(key) else {
                continue;
            };
            let items = std::mem::take(list);
            let count = items.len();
            let list_node = view.child_node(0, position);
            if let Some(root) = value.as_object() {
                self.start(kind, root);
            }
            for (index, item) in items.into_iter().enumerate() {
                // The tree has a node for every value node; were one missing, the item would
                // still be checked, only placed at the root.
                let node = list_node.and_then(|l| view.child_node(l, index));
                self.take(key, index, item, node.unwrap_or(0), view);
            }
            if let Some(Value::Array(list)) = value.get_mut(key) {
                *list = vec![Value::Null; count];
            }
        }
        let state = self.state?;
        Some(Streamed {
            schema_errors: state.schema_errors,
            facts: state.facts,
            typed: TypedItems {
                items: state.items,
                failed: state.typed_failed,
            },
            written: state.written,
        })
    }

    /// Starts the items' results at the first item, when the file's kind and the root's
    /// entries before its lists are known.
    fn start(&mut self, kind: FileKind, root: &Map<String, Value>) {
        if self.state.is_none() {
            self.state = Some(State {
                kind,
                keep: Keep::of(kind, self.options),
                taken: Vec::new(),
                schema_errors: Vec::new(),
                facts: Collector::new(kind, self.path, root, self.options.cross_file),
                items: Vec::new(),
                typed_failed: false,
                written: Vec::new(),
            });
        }
    }

    /// Checks item `index` of the list under `key`, at span node `node`, and drops it.
    fn take(
        &mut self,
        key: &'static str,
        index: usize,
        value: Value,
        node: u32,
        spans: SpanView<'_>,
    ) {
        let Some(state) = &mut self.state else {
            return;
        };
        let kind = state.kind;
        if !state.taken.contains(&key) {
            state.taken.push(key);
        }
        let prefix = format!("/{key}/{index}");
        let locator = Locator::item(self.path, &value, spans, node, &prefix);
        state.schema_errors.extend(schema_check::check(
            kind,
            Target::Item(key),
            &value,
            &locator,
        ));
        state.facts.item(&locator, key, index);
        if let Some(format) = self.format {
            let text = format.item(&value);
            match state.written.iter_mut().find(|(k, _)| *k == key) {
                Some((_, list)) => list.push(text),
                None => state.written.push((key, vec![text])),
            }
        }
        if state.typed_failed {
            return;
        }
        if !state.items.iter().any(|(k, _)| *k == key)
            && let Some(items) = Items::new(kind, key)
        {
            state.items.push((key, items));
        }
        let read = state
            .items
            .iter_mut()
            .find(|(k, _)| *k == key)
            .map(|(_, items)| items.push(value, state.keep));
        if !matches!(read, Some(Ok(()))) {
            state.typed_failed = true;
        }
    }
}

impl ItemSink for Streamer<'_> {
    fn item(
        &mut self,
        root: &Map<String, Value>,
        key: &str,
        index: usize,
        value: Value,
        node: u32,
        spans: SpanView<'_>,
    ) -> Option<Value> {
        let kind = match &self.state {
            Some(s) => Some(s.kind),
            None => root
                .get("kind")
                .and_then(Value::as_str)
                .and_then(|k| k.parse::<FileKind>().ok()),
        };
        let Some((kind, key)) = kind.and_then(|k| Some((k, fields(k).find(|f| *f == key)?))) else {
            return Some(value);
        };
        self.start(kind, root);
        self.take(key, index, value, node, spans);
        None
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::super::Options;
    use super::super::file::{FileOutcome, check, check_converting, check_keeping_value};
    use crate::convert::Format;

    /// Everything a file's own checks give, as text, to compare two ways of checking.
    fn outcome(o: &FileOutcome) -> String {
        format!(
            "kind {:?}\nread {}\ndocument {:#?}\nfacts {:#?}\ndiagnostics {:#?}\n",
            o.kind, o.read, o.document, o.facts.facts, o.diagnostics
        )
    }

    /// Each diagnostic's code and where it starts (line, column).
    fn places(o: &FileOutcome) -> Vec<(&'static str, Option<(u32, u32)>)> {
        o.diagnostics
            .iter()
            .map(|d| {
                let at = d.location.as_ref().map(|l| (l.start.line, l.start.column));
                (d.code.as_str(), at)
            })
            .collect()
    }

    /// Checks `text` item by item (as `treaty validate` does) and whole (as conversion does):
    /// the two must agree on everything.
    fn same_both_ways(path: &str, bytes: &[u8]) {
        for dataset in [true, false] {
            let options = Options {
                dataset,
                ..Options::default()
            };
            let streamed = check(path, bytes.to_vec(), &options);
            let whole = check_keeping_value(path, bytes.to_vec(), &options);
            assert_eq!(
                outcome(&streamed),
                outcome(&whole),
                "{path}, dataset {dataset}"
            );
            // Converted item by item, the text is that of the whole value.
            for format in [Format::Json, Format::Yaml] {
                let converted = check_converting(path, bytes.to_vec(), &options, format);
                assert_eq!(outcome(&converted), outcome(&whole), "{path}, {format:?}");
                if let Some(value) = &whole.value {
                    let text = converted.text.as_deref().unwrap_or_default();
                    assert_eq!(text, format.whole(value), "{path}, {format:?}");
                }
            }
        }
    }

    fn files(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("readable fixture directory") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                files(&path, out);
            } else if path
                .extension()
                .is_some_and(|e| e == "yaml" || e == "yml" || e == "json")
            {
                out.push(path);
            }
        }
    }

    #[test]
    fn every_fixture_and_dataset_file_checks_the_same_item_by_item_and_whole() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut all = Vec::new();
        files(&root.join("tests/fixtures"), &mut all);
        files(&root.join("datasets"), &mut all);
        assert!(all.len() > 100, "{} files", all.len());
        for path in all {
            let bytes = std::fs::read(&path).expect("readable fixture");
            same_both_ways(&path.to_string_lossy(), &bytes);
        }
    }

    const POWER: &str = "  - id: p-one
    name: One
    provision: \"25\"
    scope: domestic
    obligation: mandatory
    summary: A power (test data).
    sources: [s-one]
";

    #[test]
    fn the_items_of_a_list_leave_the_document_as_they_are_read() {
        let text = format!("kind: powers\nschema_version: \"1.0\"\npowers:\n{POWER}{POWER}");
        let options = Options::default();
        let mut streamer = super::Streamer::new("p.yaml", &options, None);
        let parsed = crate::syntax::parse_owned(
            text.into_bytes(),
            &options.limits,
            false,
            Some(&mut streamer),
        );
        let doc = parsed.doc.expect("a document");
        assert_eq!(doc.value["powers"], serde_json::json!([null, null]));
        // Their span nodes went too: the root, its three values, and one node per item.
        assert_eq!(doc.spans.node_count(), 6);
        let state = streamer.state.expect("items taken");
        assert_eq!(state.taken, ["powers"]);
        // The same id twice: both definitions were collected, from the items.
        let ids = state
            .facts
            .finish()
            .facts
            .iter()
            .filter(|f| &*f.text == "p-one")
            .count();
        assert_eq!(ids, 2);
    }

    #[test]
    fn a_validation_without_dataset_keeps_only_what_the_cross_file_checks_read() {
        let text =
            format!("kind: powers\nschema_version: \"1.0\"\ntext_version: final\npowers:\n{POWER}");
        let options = Options {
            dataset: false,
            ..Options::default()
        };
        let out = check("p.yaml", text.into_bytes(), &options);
        let Some(crate::model::Document::Powers(doc)) = out.document else {
            panic!("the powers are kept for the cross-file checks");
        };
        let power = doc.powers.first().expect("the power");
        assert_eq!(
            (
                power.id.as_str(),
                power.provision.to_string(),
                power.summary.as_str()
            ),
            ("p-one", "25".to_owned(), "")
        );
        assert!(power.sources.is_empty());
    }

    #[test]
    fn without_cross_file_checks_only_the_invalid_strings_are_collected() {
        let text = "kind: participation\nschema_version: \"1.0\"\nstates:\n  - state: XYZ
    steps:
      - step: signature
        date: 2024-02-30
        sources: [s-one]
";
        let options = Options {
            cross_file: false,
            ..Options::default()
        };
        let out = check("p.yaml", text.as_bytes().to_vec(), &options);
        assert!(out.facts.facts.is_empty(), "{:?}", out.facts.facts);
        let found: Vec<_> = places(&out)
            .into_iter()
            .filter(|(code, _)| *code == "invalid-data")
            .collect();
        assert_eq!(
            found,
            [
                ("invalid-data", Some((4, 12))),
                ("invalid-data", Some((7, 15)))
            ]
        );
        let all = check("p.yaml", text.as_bytes().to_vec(), &Options::default());
        assert_eq!(
            all.facts.facts.len(),
            1,
            "the source reference: {:?}",
            all.facts.facts
        );
    }

    #[test]
    fn lists_read_before_the_kind_are_checked_after_the_parse() {
        let text = format!(
            "powers:\n{POWER}  - id: Bad Id\n    name: 3\nkind: powers\nschema_version: \"1.0\"\ntext_version: final\n"
        );
        same_both_ways("p.yaml", text.as_bytes());
        let out = check("p.yaml", text.into_bytes(), &Options::default());
        let codes = places(&out);
        assert!(
            codes.contains(&("invalid-format", Some((9, 9)))),
            "{codes:?}"
        );
        assert!(codes.contains(&("wrong-type", Some((10, 11)))), "{codes:?}");
    }

    #[test]
    fn a_text_version_after_the_list_still_qualifies_its_provisions() {
        let text = format!(
            "kind: powers\nschema_version: \"1.0\"\npowers:\n{POWER}text_version: zero-draft\n"
        );
        same_both_ways("p.yaml", text.as_bytes());
        let out = check("p.yaml", text.into_bytes(), &Options::default());
        let provisions: Vec<String> = out
            .facts
            .facts
            .iter()
            .filter_map(|f| match &f.kind {
                super::super::facts::FactKind::Provision(p) => Some(p.1.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(provisions, ["zero-draft"]);
    }

    #[test]
    fn anchors_and_aliases_across_items_are_read_as_in_the_whole_file() {
        let text = "kind: safeguards
schema_version: \"1.0\"
safeguards:
  - &first
    id: effective-remedy
    name: &name Remedy
    family: fair-trial
    summary: A safeguard (test data).
    sources: &s [s-one]
  - *first
  - id: oversight
    name: *name
    family: fair-trial
    summary: Another (test data).
    sources: *s
note: *name
";
        same_both_ways("s.yaml", text.as_bytes());
        let json =
            r#"{"kind": "sources", "schema_version": "1.0", "sources": [{"id": "s-one"}, 3]}"#;
        same_both_ways("s.json", json.as_bytes());
        same_both_ways(
            "s.yaml",
            b"kind: sources\nschema_version: \"1.0\"\nsources:\n  - id: a\n  - [\n",
        );
    }
}
