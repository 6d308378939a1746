//! The facts the cross-file checks need, gathered from one file while its spans are at hand.
//!
//! The walk is guided by the file's JSON Schema: every string whose schema is an id type
//! (`#/$defs/PowerId`...) is an id, defined when its field is `id` and referenced otherwise;
//! every `ProvisionRef` is a provision to resolve; dates are kept for ordering checks. Each fact
//! carries its location, so the cross-file checks run after the file's text and spans are gone.

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::Value;

use super::locate::{Locator, position};
use crate::diagnostic::{Code, Diagnostic, Location, Position};
use crate::ids::TextVersionId;
use crate::model::FileKind;
use crate::provision::ProvisionRef;

/// The kinds of id the datasets define and reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum IdKind {
    TextVersion,
    Instrument,
    Definition,
    DataCategory,
    Sensitivity,
    Safeguard,
    Power,
    Offence,
    Analysis,
    Concern,
    Source,
}

impl IdKind {
    fn from_def(name: &str) -> Option<Self> {
        Some(match name {
            "TextVersionId" => Self::TextVersion,
            "InstrumentId" => Self::Instrument,
            "DefinitionId" => Self::Definition,
            "DataCategoryId" => Self::DataCategory,
            "SensitivityId" => Self::Sensitivity,
            "SafeguardId" => Self::Safeguard,
            "PowerId" => Self::Power,
            "OffenceId" => Self::Offence,
            "AnalysisId" => Self::Analysis,
            "ConcernId" => Self::Concern,
            "SourceId" => Self::Source,
            _ => return None,
        })
    }

    /// How the kind is named in messages.
    pub(crate) fn noun(self) -> &'static str {
        match self {
            Self::TextVersion => "text version",
            Self::Instrument => "instrument",
            Self::Definition => "definition",
            Self::DataCategory => "data category",
            Self::Sensitivity => "sensitivity category",
            Self::Safeguard => "safeguard",
            Self::Power => "power",
            Self::Offence => "offence",
            Self::Analysis => "analysis",
            Self::Concern => "concern",
            Self::Source => "source",
        }
    }

    /// Where such ids are defined, for help texts.
    pub(crate) fn home(self) -> &'static str {
        match self {
            Self::TextVersion => "`text_versions` of the instrument file",
            Self::Instrument => "an instrument or crosswalk file",
            Self::Definition => "the definitions file",
            Self::DataCategory => "the data-categories file",
            Self::Sensitivity => "the sensitivity-categories file",
            Self::Safeguard => "the safeguards file",
            Self::Power => "a powers file",
            Self::Offence => "the offences file",
            Self::Analysis => "an analysis file",
            Self::Concern => "the analysis",
            Self::Source => "the sources file",
        }
    }
}

/// What a fact is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum FactKind {
    /// An id defined here.
    Def(IdKind),
    /// A reference to an id.
    Ref(IdKind),
    /// A provision reference, with the text version it is read in (boxed: the other kinds
    /// are small, and a large dataset holds hundreds of thousands of facts).
    Provision(Box<(ProvisionRef, TextVersionId)>),
    /// A date or partial date.
    Date,
}

/// One fact: what, where, and the text as written. Facts outlive their file's value and
/// spans, for the cross-file checks, so they are kept small: the file name is stored once per
/// file, equal texts share one allocation, and the pointer is kept only where the cross-file
/// checks look facts up by pointer.
#[derive(Debug, Clone)]
pub(crate) struct Fact {
    pub kind: FactKind,
    pub text: Arc<str>,
    /// The JSON pointer, only where [`keeps_pointer`] says so.
    pub pointer: Option<Box<str>>,
    pub start: Position,
    pub end: Position,
}

impl Fact {
    /// The fact's location in `file`, the path of the file it was collected from.
    pub(crate) fn location(&self, file: &str) -> Location {
        Location {
            file: file.to_owned(),
            start: self.start,
            end: self.end,
        }
    }
}

/// Whether the cross-file checks may look this fact up by JSON pointer ([`Facts::location`]):
/// a power's own fields (`/powers/{i}/domestic_counterpart`, `/powers/{i}/provision`) and the
/// participation dates (`/signature/closes`, `/states/{i}/steps/{j}/date`). Only those keep
/// their pointer; the checks fall back to the file's start for any other.
fn keeps_pointer(file: FileKind, depth: usize, fact: &FactKind) -> bool {
    match file {
        FileKind::Powers => depth == 3,
        FileKind::Participation => *fact == FactKind::Date,
        _ => false,
    }
}

/// The facts of one file.
#[derive(Debug, Default, Clone)]
pub(crate) struct Facts {
    /// The file, as shown in diagnostics.
    pub file: Box<str>,
    pub facts: Vec<Fact>,
    /// Strings that match their pattern but name nothing real (30 February, `XYZ`): all of
    /// them, where typed deserialisation would stop at the first.
    pub invalid: Vec<Diagnostic>,
    /// Built on the first lookup: only a diagnostic needs it.
    by_pointer: std::sync::OnceLock<HashMap<Box<str>, usize>>,
}

impl Facts {
    /// The location of the fact at `pointer`, if there is one and it kept its pointer
    /// ([`keeps_pointer`]).
    pub(crate) fn location(&self, pointer: &str) -> Option<Location> {
        self.by_pointer
            .get_or_init(|| {
                self.facts
                    .iter()
                    .enumerate()
                    .filter_map(|(i, f)| Some((f.pointer.clone()?, i)))
                    .collect()
            })
            .get(pointer)
            .map(|&i| self.facts[i].location(&self.file))
    }
}

fn resolve<'s>(root: &'s Value, mut schema: &'s Value) -> (&'s Value, Option<&'s str>) {
    let mut name = None;
    // Bounded: our schemas never chain more than a few references.
    for _ in 0..8 {
        let Some(r) = schema.get("$ref").and_then(Value::as_str) else {
            break;
        };
        let Some(def) = r.strip_prefix("#/$defs/") else {
            break;
        };
        match root.get("$defs").and_then(|d| d.get(def)) {
            Some(s) => {
                name = Some(def);
                schema = s;
            }
            None => break,
        }
    }
    (schema, name)
}

fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// The schema (resolved) and its `$defs` name at `pointer` of a document of `kind`.
fn schema_at<'s>(root: &'s Value, pointer: &str) -> Option<(&'s Value, Option<&'s str>)> {
    let (mut schema, mut name) = resolve(root, root);
    for segment in pointer.split('/').skip(1) {
        let key = unescape(segment);
        let next = if let Some(p) = schema.get("properties").and_then(|p| p.get(&key)) {
            p
        } else if key.parse::<usize>().is_ok() {
            schema.get("items")?
        } else {
            return None;
        };
        (schema, name) = resolve(root, next);
    }
    Some((schema, name))
}

/// The `$defs` name of the schema at `pointer`, if it is a named type.
pub(crate) fn def_at(kind: FileKind, pointer: &str, _value: &Value) -> Option<String> {
    let root = super::per_kind::schema_value(kind)?;
    schema_at(root, pointer).and_then(|(_, n)| n.map(str::to_owned))
}

/// The object schema at `pointer`.
pub(crate) fn object_schema_at(
    kind: FileKind,
    pointer: &str,
    _value: &Value,
) -> Option<&'static Value> {
    let root = super::per_kind::schema_value(kind)?;
    schema_at(root, pointer).map(|(s, _)| s)
}

/// The text version unqualified provisions at `pointer` are read in.
fn context_version(
    kind: FileKind,
    value: &Value,
    pointer: &str,
    final_text: &TextVersionId,
) -> Option<TextVersionId> {
    let field = |name: &str| {
        value
            .get(name)
            .and_then(Value::as_str)
            .and_then(|s| TextVersionId::new(s).ok())
    };
    match kind {
        FileKind::Concordance => {
            if pointer.ends_with("/from") {
                field("from")
            } else {
                field("to")
            }
        }
        // Provisions of the other instrument are not ours to resolve.
        FileKind::Crosswalk if pointer.ends_with("/other_provision") => None,
        _ => Some(field("text_version").unwrap_or_else(|| final_text.clone())),
    }
}

/// The text version a file's unqualified provisions are read in (for every kind but
/// concordances and crosswalks): its `text_version`, else the final text.
fn file_version(
    root: &serde_json::Map<String, Value>,
    final_text: &TextVersionId,
) -> TextVersionId {
    root.get("text_version")
        .and_then(Value::as_str)
        .and_then(|s| TextVersionId::new(s).ok())
        .unwrap_or_else(|| final_text.clone())
}

/// A file's schema compiled for the facts walk: `$ref`s resolved once, properties in a small
/// list. Resolving `$ref`s and looking keys up in the schema's JSON maps for every node of a
/// large file cost more than the rest of the walk.
#[derive(Debug, Default)]
struct Walker {
    nodes: Vec<SchemaNode>,
}

#[derive(Debug, Default)]
struct SchemaNode {
    /// What a string here is, from the `$defs` name the node was reached through.
    leaf: Leaf,
    /// For objects: each property's node.
    properties: Vec<(&'static str, usize)>,
    /// For arrays: the items' node.
    items: Option<usize>,
}

impl Walker {
    fn for_kind(kind: FileKind) -> Option<&'static Walker> {
        static WALKERS: super::per_kind::PerKind<Walker> = super::per_kind::PerKind::new();
        WALKERS.get(kind, || {
            let root = super::per_kind::schema_value(kind)?;
            let mut w = Walker::default();
            let mut seen = HashMap::new();
            w.compile(root, root, &mut seen);
            Some(w)
        })
    }

    /// Compiles `schema` (resolved), returning its node; recursive schemas share nodes.
    fn compile(
        &mut self,
        root: &'static Value,
        schema: &'static Value,
        seen: &mut HashMap<*const Value, usize>,
    ) -> usize {
        let (schema, name) = resolve(root, schema);
        let key = std::ptr::from_ref(schema);
        if let Some(&id) = seen.get(&key) {
            // The same schema reached under another name keeps the first name; our schemas
            // give each `$defs` entry one name, so this only happens through recursion.
            return id;
        }
        let id = self.nodes.len();
        self.nodes.push(SchemaNode {
            leaf: Leaf::of(name),
            ..SchemaNode::default()
        });
        seen.insert(key, id);
        let mut properties = Vec::new();
        if let Some(Value::Object(props)) = schema.get("properties") {
            for (k, v) in props {
                properties.push((k.as_str(), self.compile(root, v, seen)));
            }
        }
        let items = schema.get("items").map(|s| self.compile(root, s, seen));
        self.nodes[id].properties = properties;
        self.nodes[id].items = items;
        id
    }

    /// The node of property `key`, searched from `*next` on: files write keys in the model's
    /// order, which is the schema's, so the next property is nearly always the one asked for.
    fn property(&self, node: usize, key: &str, next: &mut usize) -> Option<usize> {
        let properties = &self.nodes[node].properties;
        let start = (*next).min(properties.len());
        let (behind, ahead) = properties.split_at(start);
        let found = ahead
            .iter()
            .position(|(k, _)| *k == key)
            .map(|i| i + start)
            .or_else(|| behind.iter().position(|(k, _)| *k == key))?;
        *next = found + 1;
        Some(properties[found].1)
    }
}

/// What a string at a schema node is, decided once when the schema is compiled rather than by
/// comparing `$defs` names at every string.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Leaf {
    #[default]
    Nothing,
    Provision,
    Date,
    PartialDate,
    State,
    Id(IdKind),
}

impl Leaf {
    fn of(name: Option<&str>) -> Self {
        match name {
            Some("ProvisionRef") => Self::Provision,
            Some("Date") => Self::Date,
            Some("PartialDate") => Self::PartialDate,
            Some("StateCode") => Self::State,
            Some(n) => IdKind::from_def(n).map_or(Self::Nothing, Self::Id),
            None => Self::Nothing,
        }
    }
}

/// One step of the path from the root to the node being visited.
#[derive(Debug, Clone, Copy)]
enum Step<'v> {
    Key(&'v str),
    Index(usize),
}

fn pointer_of(path: &[Step<'_>]) -> String {
    let mut out = String::new();
    for step in path {
        out.push('/');
        match step {
            Step::Key(k) if k.contains(['~', '/']) => {
                out.push_str(&k.replace('~', "~0").replace('/', "~1"));
            }
            Step::Key(k) => out.push_str(k),
            Step::Index(i) => {
                use std::fmt::Write as _;
                let _ = write!(out, "{i}");
            }
        }
    }
    out
}

/// Collects the facts of one file, from its whole value or part by part (the items of its
/// top-level lists as they are read, then the rest).
#[derive(Debug)]
pub(crate) struct Collector {
    kind: FileKind,
    walker: Option<&'static Walker>,
    /// The text version of the file's unqualified provisions, when it does not depend on
    /// the node (every kind but concordances and crosswalks).
    version: Option<TextVersionId>,
    final_text: TextVersionId,
    /// One allocation per distinct text: ids repeat across a file's entries.
    // foldhash, not SipHash: flood resistance buys nothing for a table that lives for one
    // file's walk, and SipHash cost a tenth of the walk.
    texts: std::collections::HashSet<Arc<str>, foldhash::fast::RandomState>,
    facts: Facts,
    /// Whether the cross-file checks will run. Without them only the strings that name
    /// nothing real are looked for (they are the file's own errors); ids, references and
    /// provisions are not collected.
    cross_file: bool,
}

impl Collector {
    /// A collector for a file of `kind` whose root mapping is `root` (or as much of it as
    /// has been read), for a validation with or without the cross-file checks.
    pub(crate) fn new(
        kind: FileKind,
        file: &str,
        root: &serde_json::Map<String, Value>,
        cross_file: bool,
    ) -> Self {
        let final_text = TextVersionId::final_text();
        let version = match kind {
            FileKind::Concordance | FileKind::Crosswalk => None,
            _ => Some(file_version(root, &final_text)),
        };
        Self {
            kind,
            walker: Walker::for_kind(kind).filter(|w| !w.nodes.is_empty()),
            version,
            final_text,
            texts: std::collections::HashSet::default(),
            facts: Facts {
                file: file.into(),
                ..Facts::default()
            },
            cross_file,
        }
    }

    /// Walks the whole value of `locator`, the document's root.
    pub(crate) fn root(&mut self, locator: &Locator<'_>) {
        let Some(walker) = self.walker else {
            return;
        };
        let mut walk = Walk {
            state: self,
            walker,
            locator,
            path: Vec::new(),
        };
        // Recursion is bounded by the parser's nesting limit (`Limits::max_depth`).
        walk.visit(0, locator.value(), locator.root_node(), false);
    }

    /// The facts, in the file's order.
    pub(crate) fn finish(self) -> Facts {
        let mut facts = self.facts;
        facts.facts.sort_by_key(|a| a.start.offset);
        facts.facts.shrink_to_fit();
        facts
    }
}

/// The state of one walk: the collector, the value's place, and the path to the current node.
struct Walk<'c, 'a, 'v> {
    state: &'c mut Collector,
    walker: &'static Walker,
    locator: &'a Locator<'v>,
    path: Vec<Step<'a>>,
}

impl<'a> Walk<'_, 'a, '_> {
    fn visit(&mut self, schema: usize, node: &'a Value, at: u32, is_id_field: bool) {
        match node {
            Value::Object(map) => {
                let mut next = 0;
                for (i, (key, child)) in map.iter().enumerate() {
                    let (Some(s), Some(child_at)) = (
                        self.walker.property(schema, key, &mut next),
                        self.locator.child_node(at, i),
                    ) else {
                        continue;
                    };
                    self.path.push(Step::Key(key));
                    self.visit(s, child, child_at, key == "id");
                    self.path.pop();
                }
            }
            Value::Array(items) => {
                let Some(s) = self.walker.nodes[schema].items else {
                    return;
                };
                for (i, child) in items.iter().enumerate() {
                    let Some(child_at) = self.locator.child_node(at, i) else {
                        continue;
                    };
                    self.path.push(Step::Index(i));
                    self.visit(s, child, child_at, false);
                    self.path.pop();
                }
            }
            Value::String(text) => {
                if let Some(kind) = self
                    .string_fact(schema, text, at, is_id_field)
                    .filter(|_| self.state.cross_file)
                {
                    let span = self.locator.span_of(at);
                    let texts = &mut self.state.texts;
                    let text = match texts.get(text.as_str()) {
                        Some(shared) => Arc::clone(shared),
                        None => {
                            let shared: Arc<str> = Arc::from(text.as_str());
                            texts.insert(Arc::clone(&shared));
                            shared
                        }
                    };
                    self.state.facts.facts.push(Fact {
                        pointer: keeps_pointer(self.state.kind, self.path.len(), &kind)
                            .then(|| pointer_of(&self.path).into_boxed_str()),
                        kind,
                        text,
                        start: position(span.start),
                        end: position(span.end),
                    });
                }
            }
            _ => {}
        }
    }

    /// What the string `text` at node `at` is, if it is a fact; records strings that match
    /// their pattern but name nothing real.
    fn string_fact(
        &mut self,
        schema: usize,
        text: &str,
        at: u32,
        is_id_field: bool,
    ) -> Option<FactKind> {
        match self.walker.nodes[schema].leaf {
            Leaf::Nothing => None,
            Leaf::Provision | Leaf::Id(_) if !self.state.cross_file => None,
            Leaf::Provision => {
                let p = text.parse::<ProvisionRef>().ok()?;
                let v = match &self.state.version {
                    Some(v) => v.clone(),
                    None => context_version(
                        self.state.kind,
                        self.locator.value(),
                        &pointer_of(&self.path),
                        &self.state.final_text,
                    )?,
                };
                let version = p.version().cloned().unwrap_or(v);
                Some(FactKind::Provision(Box::new((p, version))))
            }
            leaf @ (Leaf::Date | Leaf::PartialDate | Leaf::State) => {
                let problem = match leaf {
                    Leaf::Date => text.parse::<crate::Date>().err().map(|e| e.to_string()),
                    Leaf::PartialDate => text
                        .parse::<crate::PartialDate>()
                        .err()
                        .map(|e| e.to_string()),
                    _ => text
                        .parse::<crate::StateCode>()
                        .err()
                        .map(|e| e.to_string()),
                };
                if let Some(message) = problem {
                    self.state.facts.invalid.push(
                        Diagnostic::new(Code::InvalidData, message, Some(self.locator.at(at)))
                            .with_help(if leaf == Leaf::State {
                                "use the ISO 3166-1 alpha-3 code of the state, such as `FRA`"
                            } else {
                                "the date has the right shape but does not exist; check it against its source"
                            }),
                    );
                    None
                } else {
                    (leaf != Leaf::State).then_some(FactKind::Date)
                }
            }
            Leaf::Id(k) => crate::ids::is_valid_id(text).then_some(if is_id_field {
                FactKind::Def(k)
            } else {
                FactKind::Ref(k)
            }),
        }
    }
}

/// Walks a whole document of `kind` and collects its facts (only its invalid strings
/// without `cross_file`, see [`Collector::new`]).
pub(crate) fn collect(kind: FileKind, locator: &Locator<'_>, cross_file: bool) -> Facts {
    let empty = serde_json::Map::new();
    let root = locator.value().as_object().unwrap_or(&empty);
    let mut collector = Collector::new(kind, locator.file(), root, cross_file);
    collector.root(locator);
    collector.finish()
}
