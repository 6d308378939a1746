//! The ids a file defines and the ids and provisions it refers to, read from its typed
//! document, each with its place in the file; and on the way, the items its lists repeat.
//!
//! The cross-file checks ([`super::semantic`]) run after every file is through, when the
//! file's text and spans are gone; so the places are taken here, while the parsed value and
//! its spans are at hand. The walk follows the typed model field by field: every field that
//! holds an id or a provision is named once below, next to its type, and the compiler keeps
//! the kinds apart (a `SafeguardId` field can only be recorded as a safeguard reference).
//!
//! Every list of ids passes through one function of the walk, so the walk is also where a
//! repeated item is caught ([`Repeat`]): a list of sources, powers or safeguards is a set, and a
//! new list of ids is checked as soon as it is walked.

use std::collections::HashSet;
use std::fmt::Display;
use std::hash::Hash;
use std::sync::Arc;

use serde_json::Value;

use super::locate::{Locator, position};
use super::typed::SetAside;
use crate::date::PartialDate;
use crate::diagnostic::{Location, Position};
use crate::ids::{
    AnalysisId, ConcernId, DataCategoryId, DefinitionId, InstrumentId, OffenceId, PowerId,
    SafeguardId, SensitivityId, SourceId, TextVersionId,
};
use crate::model::{
    Analysis, Article, Assessment, Chapter, Concordance, Crosswalk, DataCategories, Definitions,
    Document, FileKind, Instrument, Offences, Paragraph, Participation, Point, PowerImplementation,
    Powers, Quote, SafeguardImplementation, SafeguardStatus, Safeguards, SensitivityCategories,
    Sources, Subpoint,
};
use crate::provision::ProvisionRef;
use crate::state::StateCode;

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
    /// A state of a participation file: one entry per state, across the dataset.
    State,
}

impl IdKind {
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
            Self::State => "state",
        }
    }

    /// Where such ids are defined, for help texts.
    /// The kinds of file that define ids of this kind: a reference to one is unchecked while
    /// such a file does not load, and only then.
    pub(crate) fn defined_in(self) -> &'static [FileKind] {
        match self {
            Self::TextVersion => &[FileKind::Instrument],
            Self::Instrument => &[FileKind::Instrument, FileKind::Crosswalk],
            Self::Definition => &[FileKind::Definitions],
            Self::DataCategory => &[FileKind::DataCategories],
            Self::Sensitivity => &[FileKind::SensitivityCategories],
            Self::Safeguard => &[FileKind::Safeguards],
            Self::Power => &[FileKind::Powers],
            Self::Offence => &[FileKind::Offences],
            Self::Analysis | Self::Concern => &[FileKind::Analysis],
            Self::Source => &[FileKind::Sources],
            Self::State => &[FileKind::Participation],
        }
    }

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
            Self::State => "a participation file",
        }
    }
}

/// An id type of the model and the kind it is checked as.
trait Id {
    const KIND: IdKind;
    fn text(&self) -> &str;
    /// Whether `text` is an id of this type.
    fn is_id(text: &str) -> bool;
}

macro_rules! id_kinds {
    ($($ty:ty => $kind:ident),* $(,)?) => {$(
        impl Id for $ty {
            const KIND: IdKind = IdKind::$kind;
            fn text(&self) -> &str {
                self.as_str()
            }
            fn is_id(text: &str) -> bool {
                text.parse::<Self>().is_ok()
            }
        }
    )*};
}

id_kinds! {
    TextVersionId => TextVersion,
    InstrumentId => Instrument,
    DefinitionId => Definition,
    DataCategoryId => DataCategory,
    SensitivityId => Sensitivity,
    SafeguardId => Safeguard,
    PowerId => Power,
    OffenceId => Offence,
    AnalysisId => Analysis,
    ConcernId => Concern,
    SourceId => Source,
    StateCode => State,
}

/// Where something is written in its file; the file is named once, by the file's outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    pub start: Position,
    pub end: Position,
}

impl Place {
    pub(crate) fn location(self, file: &str) -> Location {
        Location {
            file: file.to_owned(),
            start: self.start,
            end: self.end,
        }
    }
}

/// An id, defined or referred to.
#[derive(Debug, Clone)]
pub(crate) struct Named {
    pub kind: IdKind,
    /// Equal texts of one file share one allocation: ids repeat across a file's entries.
    pub text: Arc<str>,
    pub place: Place,
}

/// A provision cited, with the text version it is read in.
#[derive(Debug, Clone)]
pub(crate) struct Cited {
    pub provision: ProvisionRef,
    pub version: TextVersionId,
    pub place: Place,
}

/// Where the fields of one power that the power checks speak of are written.
#[derive(Debug, Clone)]
pub(crate) struct PowerPlaces {
    pub provision: Place,
    pub domestic_counterpart: Option<Place>,
}

/// Where a chapter file writes its number and the number of each of its articles, in order.
#[derive(Debug, Clone)]
pub(crate) struct ChapterPlaces {
    pub number: Place,
    pub articles: Vec<(u16, Place)>,
}

/// A publication date of a source: in a sources file, the source's own; in an analysis, the
/// analysis's, which is the date of the document its `source` entry describes.
#[derive(Debug, Clone)]
pub(crate) struct Published {
    pub source: SourceId,
    pub date: PartialDate,
    pub place: Place,
}

/// An item a list repeats where the list holds each item once (a source cited twice for one
/// fact, an article described twice in a chapter), with the place of its first occurrence.
#[derive(Debug, Clone)]
pub(crate) struct Repeat {
    /// The item as a message names it: ``source `unodc-2024` ``, `Article 12`.
    pub what: String,
    /// Whether the items are entries, which say something of the item and are merged, rather
    /// than names, of which one is struck out.
    pub entry: bool,
    pub place: Place,
    pub first: Place,
}

/// Everything of one file that the cross-file checks read besides its typed document, and the
/// items its lists repeat, which are the file's own mistakes.
#[derive(Debug, Default, Clone)]
pub(crate) struct References {
    /// Ids defined here, in the file's order.
    pub defs: Vec<Named>,
    /// Ids referred to.
    pub refs: Vec<Named>,
    /// Provisions cited.
    pub provisions: Vec<Cited>,
    /// For a powers file: one entry per power, in order.
    pub powers: Vec<PowerPlaces>,
    /// For a chapter file: its number and its articles.
    pub chapter: Option<ChapterPlaces>,
    /// For a sources file, each dated source; for an analysis, its own date.
    pub published: Vec<Published>,
    /// Items repeated in a list that holds each once, in the file's order.
    pub repeated: Vec<Repeat>,
}

/// Each item of a list of `len` items equal to an earlier one (`key` gives an item's value),
/// as its index and the first one's.
fn repeats<K: Eq + Hash>(len: usize, key: impl Fn(usize) -> K) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    // Most lists hold a few items, where comparing each with those before it costs less than
    // a table; a long one gets the table, so that no input makes the walk quadratic.
    if len <= 16 {
        for i in 1..len {
            let k = key(i);
            if let Some(j) = (0..i).find(|&j| key(j) == k) {
                found.push((i, j));
            }
        }
    } else {
        let mut first: std::collections::HashMap<K, usize, foldhash::fast::RandomState> =
            std::collections::HashMap::with_capacity_and_hasher(len, Default::default());
        for i in 0..len {
            let j = *first.entry(key(i)).or_insert(i);
            if j != i {
                found.push((i, j));
            }
        }
    }
    found
}

/// The repeats among a list of `len` items: item `i` compared by `key(i)`, and named and
/// placed by `named(i)` (only for a repeat, so that a list without one formats nothing).
fn repeats_among<K: Eq + Hash>(
    len: usize,
    key: impl Fn(usize) -> K,
    named: impl Fn(usize) -> (String, Place),
    entry: bool,
) -> Vec<Repeat> {
    repeats(len, key)
        .into_iter()
        .map(|(i, j)| {
            let (what, place) = named(i);
            Repeat {
                what,
                entry,
                place,
                first: named(j).1,
            }
        })
        .collect()
}

/// The references of `doc`, placed by `locator`. `doc` was read without the entries
/// `set_aside`: their ids, when written as text, still count as defined (so that one broken
/// entry is not also reported as unknown wherever it is referred to); what they refer to is
/// checked once they read.
pub(crate) fn collect(doc: &Document, locator: &Locator<'_>, set_aside: &[SetAside]) -> References {
    let mut walk = Walk {
        locator,
        set_aside,
        texts: HashSet::default(),
        out: References::default(),
    };
    let root = Node {
        value: locator.value(),
        span: locator.root_node(),
    };
    let final_text = TextVersionId::final_text();
    match doc {
        Document::Instrument(d) => instrument(&mut walk, root, d, &final_text),
        Document::Sources(d) => sources(&mut walk, root, d),
        Document::Chapter(d) => chapter(&mut walk, root, d),
        Document::Definitions(d) => definitions(&mut walk, root, d),
        Document::DataCategories(d) => data_categories(&mut walk, root, d, &final_text),
        Document::SensitivityCategories(d) => sensitivity(&mut walk, root, d),
        Document::Safeguards(d) => safeguards(&mut walk, root, d),
        Document::Powers(d) => powers(&mut walk, root, d),
        Document::Offences(d) => offences(&mut walk, root, d),
        Document::Analysis(d) => analysis(&mut walk, root, d),
        Document::Concordance(d) => concordance(&mut walk, root, d),
        Document::Crosswalk(d) => crosswalk(&mut walk, root, d),
        Document::Participation(d) => participation(&mut walk, root, d, &final_text),
        Document::Assessment(d) => assessment(&mut walk, root, d),
    }
    walk.out
}

/// A node of the parsed value and its node in the span tree, walked in step.
#[derive(Debug, Clone, Copy)]
struct Node<'v> {
    value: &'v Value,
    span: u32,
}

/// The kind of id a list's entries define, and how to tell one.
struct Defines {
    kind: IdKind,
    is_id: fn(&str) -> bool,
    /// The entry's field that holds the id (`id`; a participation entry's `state`).
    field: &'static str,
}

/// What tells apart the entries of a list that holds one entry per value of a field (an
/// article's number), or each value once (no field): the field, how to read the value, and
/// how a message names it.
struct OnePer<'i, T, K, W: Fn(&K) -> String> {
    field: Option<&'static str>,
    value: fn(&'i T) -> K,
    what: W,
}

struct Walk<'a, 'v> {
    locator: &'a Locator<'v>,
    set_aside: &'a [SetAside],
    // foldhash, not SipHash: flood resistance buys nothing for a table that lives for one
    // file's walk.
    texts: HashSet<Arc<str>, foldhash::fast::RandomState>,
    out: References,
}

impl<'v> Walk<'_, 'v> {
    /// The value of `key` in the mapping at `at`. The typed document was read from this value,
    /// so the field is there; if it is not, the caller places at the mapping.
    fn field(&self, at: Node<'v>, key: &str) -> Option<Node<'v>> {
        let map = at.value.as_object()?;
        // Spans follow the mapping's entries in file order, as the value keeps them.
        let index = map.keys().position(|k| k == key)?;
        Some(Node {
            value: map.get(key)?,
            span: self.locator.child_node(at.span, index)?,
        })
    }

    fn item(&self, at: Node<'v>, index: usize) -> Option<Node<'v>> {
        Some(Node {
            value: at.value.as_array()?.get(index)?,
            span: self.locator.child_node(at.span, index)?,
        })
    }

    fn place(&self, at: Node<'v>) -> Place {
        let span = self.locator.span_of(at.span);
        Place {
            start: position(span.start),
            end: position(span.end),
        }
    }

    fn named(&mut self, kind: IdKind, text: &str, at: Node<'v>) -> Named {
        let text = match self.texts.get(text) {
            Some(shared) => Arc::clone(shared),
            None => {
                let shared: Arc<str> = Arc::from(text);
                self.texts.insert(Arc::clone(&shared));
                shared
            }
        };
        Named {
            kind,
            text,
            place: self.place(at),
        }
    }

    /// The id defined by the field `key` of the mapping at `at`.
    fn def<I: Id>(&mut self, at: Node<'v>, key: &str, id: &I) {
        let node = self.field(at, key).unwrap_or(at);
        let named = self.named(I::KIND, id.text(), node);
        self.out.defs.push(named);
    }

    /// The id referred to at `key`; returns its place.
    fn reference<I: Id>(&mut self, at: Node<'v>, key: &str, id: &I) -> Place {
        let node = self.field(at, key).unwrap_or(at);
        let named = self.named(I::KIND, id.text(), node);
        let place = named.place;
        self.out.refs.push(named);
        place
    }

    fn optional<I: Id>(&mut self, at: Node<'v>, key: &str, id: Option<&I>) {
        if let Some(id) = id {
            self.reference(at, key, id);
        }
    }

    fn references<I: Id>(&mut self, at: Node<'v>, key: &str, ids: &[I]) {
        // Walked as entries: an id of a top-level list (a file's own `sources`) that the
        // model could not read is set aside, and the ids after it keep their nodes.
        let start = self.out.refs.len();
        self.entries(at, key, None, ids, |w, node, id| {
            let named = w.named(I::KIND, id.text(), node);
            w.out.refs.push(named);
        });
        let refs = &self.out.refs[start..];
        self.out.repeated.extend(repeats_among(
            refs.len(),
            |i| &*refs[i].text,
            |i| {
                (
                    format!("{} `{}`", I::KIND.noun(), refs[i].text),
                    refs[i].place,
                )
            },
            false,
        ));
    }

    /// Records each value of the list at `key` that repeats an earlier one: a list of
    /// vocabulary values that holds each once (who a power compels). The message names the
    /// field, as the ids' messages name their kind: a bare value does not say what it is.
    fn distinct<T: Eq + Hash + Display>(&mut self, at: Node<'v>, key: &str, items: &[T]) {
        let value = OnePer {
            field: None,
            value: |v: &T| v,
            what: |v| format!("`{key}` value `{v}`"),
        };
        self.each_once(at, key, items, value, |_, _, _| {});
    }

    fn sources(&mut self, at: Node<'v>, ids: &[SourceId]) {
        self.references(at, "sources", ids);
    }

    /// A provision at `key`, read in `version` unless it names its own; returns its place.
    fn provision(
        &mut self,
        at: Node<'v>,
        key: &str,
        p: &ProvisionRef,
        version: &TextVersionId,
    ) -> Place {
        let node = self.field(at, key).unwrap_or(at);
        self.cite(node, p, version)
    }

    fn cite(&mut self, node: Node<'v>, p: &ProvisionRef, version: &TextVersionId) -> Place {
        let place = self.place(node);
        self.out.provisions.push(Cited {
            provision: p.clone(),
            version: p.version().unwrap_or(version).clone(),
            place,
        });
        place
    }

    fn optional_provision(
        &mut self,
        at: Node<'v>,
        key: &str,
        p: Option<&ProvisionRef>,
        version: &TextVersionId,
    ) {
        if let Some(p) = p {
            self.provision(at, key, p, version);
        }
    }

    fn provisions(&mut self, at: Node<'v>, key: &str, ps: &[ProvisionRef], v: &TextVersionId) {
        let start = self.out.provisions.len();
        self.entries(at, key, None, ps, |w, node, p| {
            w.cite(node, p, v);
        });
        let cited = &self.out.provisions[start..];
        // `final:2(h)` in a file on the final text is `2(h)` written out.
        let resolved = |i: usize| {
            let p = &cited[i].provision;
            (
                p.version().unwrap_or(v),
                p.article_number(),
                p.paragraph(),
                p.point(),
                p.subpoint(),
            )
        };
        self.out.repeated.extend(repeats_among(
            cited.len(),
            resolved,
            |i| {
                (
                    format!("provision `{}`", cited[i].provision),
                    cited[i].place,
                )
            },
            false,
        ));
    }

    /// Calls `each` with every item of the list at `key` and its node.
    fn each<T>(
        &mut self,
        at: Node<'v>,
        key: &str,
        items: &[T],
        each: impl FnMut(&mut Self, Node<'v>, &T),
    ) {
        self.entries(at, key, None, items, each);
    }

    /// [`Self::each`] for a list that holds one entry per value of a field of its entries, or
    /// each value once (`one`): an entry whose value repeats an earlier one's is recorded at
    /// that field, or a value at itself.
    fn each_once<'i, K: Eq + Hash, T>(
        &mut self,
        at: Node<'v>,
        key: &str,
        items: &'i [T],
        one: OnePer<'i, T, K, impl Fn(&K) -> String>,
        mut each: impl FnMut(&mut Self, Node<'v>, &'i T),
    ) {
        // Placed as the walk goes: entries set aside shift a top-level list's items against
        // its nodes.
        let mut seen = Vec::new();
        self.entries(at, key, None, items, |w, n, item| {
            let node = one.field.and_then(|f| w.field(n, f)).unwrap_or(n);
            seen.push(((one.value)(item), w.place(node)));
            each(w, n, item);
        });
        self.out.repeated.extend(repeats_among(
            seen.len(),
            |i| &seen[i].0,
            |i| ((one.what)(&seen[i].0), seen[i].1),
            one.field.is_some(),
        ));
    }

    /// [`Self::each`] for a list whose entries each define the id that `id` gives, written
    /// as their `id`; the id is recorded before `each` is called. An entry set aside by the
    /// typed read still defines the text of its `id` field when that is an id of the same type.
    fn defining<I: Id, T>(
        &mut self,
        at: Node<'v>,
        key: &str,
        items: &[T],
        id: impl Fn(&T) -> &I,
        each: impl FnMut(&mut Self, Node<'v>, &T),
    ) {
        self.defining_by("id", at, key, items, id, each);
    }

    /// [`Self::defining`] for entries whose id is written in the field `field` (a
    /// participation entry's `state`).
    fn defining_by<I: Id, T>(
        &mut self,
        field: &'static str,
        at: Node<'v>,
        key: &str,
        items: &[T],
        id: impl Fn(&T) -> &I,
        mut each: impl FnMut(&mut Self, Node<'v>, &T),
    ) {
        let defines = Defines {
            kind: I::KIND,
            is_id: I::is_id,
            field,
        };
        self.entries(at, key, Some(defines), items, |w, n, item| {
            w.def(n, field, id(item));
            each(w, n, item);
        });
    }

    fn entries<'i, T>(
        &mut self,
        at: Node<'v>,
        key: &str,
        defines: Option<Defines>,
        items: &'i [T],
        mut each: impl FnMut(&mut Self, Node<'v>, &'i T),
    ) {
        let list = self.field(at, key).unwrap_or(at);
        // Only entries of the file's top-level lists are ever set aside.
        let at_top = at.span == self.locator.root_node();
        let mut items = items.iter();
        let len = list.value.as_array().map_or(items.len(), Vec::len);
        for i in 0..len {
            let node = self.item(list, i).unwrap_or(list);
            let set_aside = at_top && self.set_aside.iter().any(|s| s.list == key && s.index == i);
            if set_aside {
                // An id that is not one (`Not An Id`) defines nothing: its own error says so.
                if let Some(defines) = &defines
                    && let Some(id) = self.field(node, defines.field)
                    && let Some(text) = id.value.as_str().filter(|t| (defines.is_id)(t))
                {
                    let named = self.named(defines.kind, text, id);
                    self.out.defs.push(named);
                }
            } else if let Some(item) = items.next() {
                each(self, node, item);
            }
        }
    }

    /// The date at the field `published` of the mapping at `at`, as the date of `source`.
    fn published(&mut self, at: Node<'v>, source: &SourceId, date: PartialDate) {
        let place = self.place(self.field(at, "published").unwrap_or(at));
        self.out.published.push(Published {
            source: source.clone(),
            date,
            place,
        });
    }

    /// The mapping at `key`, to walk an optional nested record.
    fn nested(&self, at: Node<'v>, key: &str) -> Node<'v> {
        self.field(at, key).unwrap_or(at)
    }

    fn quotes(&mut self, at: Node<'v>, quotes: &[Quote]) {
        self.each(at, "quotes", quotes, |w, n, q| w.sources(n, &q.sources));
    }
}

fn instrument<'v>(w: &mut Walk<'_, 'v>, root: Node<'v>, d: &Instrument, v: &TextVersionId) {
    w.def(root, "id", &d.id);
    w.defining(
        root,
        "text_versions",
        &d.text_versions,
        |t| &t.id,
        |w, n, t| {
            w.each(n, "milestones", &t.milestones, |w, n, m| {
                w.sources(n, &m.sources)
            });
            w.sources(n, &t.sources);
        },
    );
    let rule = w.nested(root, "entry_into_force");
    w.provision(rule, "provision", &d.entry_into_force.provision, v);
    w.sources(rule, &d.entry_into_force.sources);
    w.sources(root, &d.sources);
}

fn sources<'v>(w: &mut Walk<'_, 'v>, root: Node<'v>, d: &Sources) {
    w.defining(
        root,
        "sources",
        &d.sources,
        |s| &s.id,
        |w, n, s| {
            if let Some(date) = s.published {
                w.published(n, &s.id, date);
            }
        },
    );
}

fn chapter<'v>(w: &mut Walk<'_, 'v>, root: Node<'v>, d: &Chapter) {
    let v = &d.text_version;
    w.reference(root, "text_version", v);
    let number = w.place(w.field(root, "number").unwrap_or(root));
    let mut articles = Vec::with_capacity(d.articles.len());
    // Two entries for one article, paragraph or point would describe it twice, and a
    // reference could not tell which it cites.
    let article = OnePer {
        field: Some("number"),
        value: |a: &Article| a.number,
        what: |n| format!("Article {n}"),
    };
    w.each_once(root, "articles", &d.articles, article, |w, n, a| {
        articles.push((a.number, w.place(w.field(n, "number").unwrap_or(n))));
        w.quotes(n, &a.quotes);
        w.provisions(n, "cross_references", &a.cross_references, v);
        let paragraph = OnePer {
            field: Some("number"),
            value: |p: &Paragraph| p.number,
            what: |n| format!("paragraph {n}"),
        };
        w.each_once(n, "paragraphs", &a.paragraphs, paragraph, |w, n, p| {
            w.quotes(n, &p.quotes);
            w.provisions(n, "cross_references", &p.cross_references, v);
            points(w, n, &p.points, v);
            w.sources(n, &p.sources);
        });
        points(w, n, &a.points, v);
        w.sources(n, &a.sources);
    });
    w.sources(root, &d.sources);
    w.out.chapter = Some(ChapterPlaces { number, articles });
}

fn points<'v>(w: &mut Walk<'_, 'v>, at: Node<'v>, points: &[Point], v: &TextVersionId) {
    let letter = OnePer {
        field: Some("letter"),
        value: |p: &Point| p.letter.as_str(),
        what: |l| format!("point ({l})"),
    };
    w.each_once(at, "points", points, letter, |w, n, p| {
        w.quotes(n, &p.quotes);
        w.provisions(n, "cross_references", &p.cross_references, v);
        let numeral = OnePer {
            field: Some("numeral"),
            value: |s: &Subpoint| s.numeral.as_str(),
            what: |r| format!("subpoint ({r})"),
        };
        w.each_once(n, "subpoints", &p.subpoints, numeral, |w, n, s| {
            w.quotes(n, &s.quotes);
            w.sources(n, &s.sources);
        });
        w.sources(n, &p.sources);
    });
}

fn definitions<'v>(w: &mut Walk<'_, 'v>, root: Node<'v>, d: &Definitions) {
    let v = &d.text_version;
    w.reference(root, "text_version", v);
    w.defining(
        root,
        "terms",
        &d.terms,
        |t| &t.id,
        |w, n, t| {
            w.provision(n, "provision", &t.provision, v);
            w.quotes(n, &t.quotes);
            w.optional(n, "data_category", t.data_category.as_ref());
            w.sources(n, &t.sources);
        },
    );
}

fn data_categories<'v>(
    w: &mut Walk<'_, 'v>,
    root: Node<'v>,
    d: &DataCategories,
    v: &TextVersionId,
) {
    w.defining(
        root,
        "categories",
        &d.categories,
        |c| &c.id,
        |w, n, c| {
            w.optional_provision(n, "defined_by", c.defined_by.as_ref(), v);
            w.sources(n, &c.sources);
        },
    );
}

fn sensitivity<'v>(w: &mut Walk<'_, 'v>, root: Node<'v>, d: &SensitivityCategories) {
    w.defining(
        root,
        "categories",
        &d.categories,
        |c| &c.id,
        |w, n, c| {
            w.sources(n, &c.sources);
        },
    );
}

fn safeguards<'v>(w: &mut Walk<'_, 'v>, root: Node<'v>, d: &Safeguards) {
    w.defining(
        root,
        "safeguards",
        &d.safeguards,
        |s| &s.id,
        |w, n, s| {
            w.sources(n, &s.sources);
        },
    );
}

fn safeguard_status<'v>(w: &mut Walk<'_, 'v>, n: Node<'v>, s: &SafeguardStatus, v: &TextVersionId) {
    w.reference(n, "safeguard", &s.safeguard);
    w.optional_provision(n, "provision", s.provision.as_ref(), v);
    w.sources(n, &s.sources);
}

fn powers<'v>(w: &mut Walk<'_, 'v>, root: Node<'v>, d: &Powers) {
    let v = &d.text_version;
    w.reference(root, "text_version", v);
    w.defining(
        root,
        "powers",
        &d.powers,
        |p| &p.id,
        |w, n, p| {
            let provision = w.provision(n, "provision", &p.provision, v);
            w.references(n, "data_categories", &p.data_categories);
            w.references(n, "sensitive_data", &p.sensitive_data);
            w.distinct(n, "compellable", &p.compellable);
            if let Some(o) = &p.offence_scope {
                let n = w.nested(n, "offence_scope");
                w.distinct(n, "covers", &o.covers);
                w.provision(n, "provision", &o.provision, v);
                w.sources(n, &o.sources);
            }
            if let Some(d) = &p.duration {
                let n = w.nested(n, "duration");
                w.provision(n, "provision", &d.provision, v);
                w.sources(n, &d.sources);
            }
            if let Some(c) = &p.confidentiality {
                let n = w.nested(n, "confidentiality");
                w.distinct(n, "bound", &c.bound);
                w.provision(n, "provision", &c.provision, v);
                w.sources(n, &c.sources);
            }
            let domestic_counterpart = p
                .domestic_counterpart
                .as_ref()
                .map(|c| w.reference(n, "domestic_counterpart", c));
            if let Some(a) = &p.article_24 {
                let n = w.nested(n, "article_24");
                w.optional_provision(n, "provision", a.provision.as_ref(), v);
                w.sources(n, &a.sources);
            }
            // A safeguard may have a status under each of two provisions (the assessment
            // scaffold allows for it by listing the safeguard once); under the same one, or
            // with none, a second status repeats or contradicts the first, and the matrix
            // would show only the first.
            let status = OnePer {
                field: Some("safeguard"),
                value: |s: &SafeguardStatus| (s.safeguard.as_str(), s.provision.as_ref()),
                what: |(id, at)| match at {
                    Some(at) => format!("safeguard `{id}` at {at}"),
                    None => format!("safeguard `{id}`"),
                },
            };
            w.each_once(n, "safeguards", &p.safeguards, status, |w, n, s| {
                safeguard_status(w, n, s, v);
            });
            w.sources(n, &p.sources);
            w.out.powers.push(PowerPlaces {
                provision,
                domestic_counterpart,
            });
        },
    );
}

fn offences<'v>(w: &mut Walk<'_, 'v>, root: Node<'v>, d: &Offences) {
    let v = &d.text_version;
    w.reference(root, "text_version", v);
    w.defining(
        root,
        "offences",
        &d.offences,
        |o| &o.id,
        |w, n, o| {
            w.provision(n, "provision", &o.provision, v);
            for (key, r) in [
                ("intent_requirement", &o.intent_requirement),
                ("public_interest_exemption", &o.public_interest_exemption),
            ] {
                if let Some(r) = r {
                    let n = w.nested(n, key);
                    w.optional_provision(n, "provision", r.provision.as_ref(), v);
                    w.sources(n, &r.sources);
                }
            }
            w.sources(n, &o.sources);
        },
    );
}

fn analysis<'v>(w: &mut Walk<'_, 'v>, root: Node<'v>, d: &Analysis) {
    let v = &d.text_version;
    w.def(root, "id", &d.id);
    w.reference(root, "text_version", v);
    w.reference(root, "source", &d.source);
    w.published(root, &d.source, d.published);
    w.defining(
        root,
        "concerns",
        &d.concerns,
        |c| &c.id,
        |w, n, c| {
            w.provisions(n, "provisions", &c.provisions, v);
            w.references(n, "powers", &c.powers);
            w.references(n, "missing_safeguards", &c.missing_safeguards);
            w.references(n, "data_categories", &c.data_categories);
            w.references(n, "sensitive_data", &c.sensitive_data);
            w.quotes(n, &c.quotes);
            w.each(n, "recommendations", &c.recommendations, |w, n, r| {
                w.provisions(n, "provisions", &r.provisions, v);
                w.references(n, "safeguards", &r.safeguards);
            });
            w.sources(n, &c.sources);
        },
    );
}

fn concordance<'v>(w: &mut Walk<'_, 'v>, root: Node<'v>, d: &Concordance) {
    w.reference(root, "from", &d.from);
    w.reference(root, "to", &d.to);
    // An entry's provisions are read in the file's two texts, as the structure of the text
    // reads them (`semantic::Structure`): a prefix is the one mistake, reported by the content
    // checks, and not also a provision to resolve in the text it names.
    w.each(root, "entries", &d.entries, |w, n, e| {
        w.provision(n, "from", &e.from.unversioned(), &d.from);
        let to = e.to.as_ref().map(ProvisionRef::unversioned);
        w.optional_provision(n, "to", to.as_ref(), &d.to);
        w.sources(n, &e.sources);
    });
}

fn crosswalk<'v>(w: &mut Walk<'_, 'v>, root: Node<'v>, d: &Crosswalk) {
    let v = &d.text_version;
    w.reference(root, "text_version", v);
    let other = w.nested(root, "other");
    w.def(other, "id", &d.other.id);
    w.each(root, "entries", &d.entries, |w, n, e| {
        // `other_provision` cites the other instrument: not ours to resolve.
        w.optional_provision(n, "provision", e.provision.as_ref(), v);
        w.sources(n, &e.sources);
    });
}

fn participation<'v>(w: &mut Walk<'_, 'v>, root: Node<'v>, d: &Participation, v: &TextVersionId) {
    if let Some(s) = &d.signature {
        let n = w.nested(root, "signature");
        w.provision(n, "provision", &s.provision, v);
        w.sources(n, &s.sources);
    }
    w.each(root, "reported_counts", &d.reported_counts, |w, n, c| {
        w.sources(n, &c.sources);
    });
    w.defining_by(
        "state",
        root,
        "states",
        &d.states,
        |s| &s.state,
        |w, n, s| {
            w.each(n, "steps", &s.steps, |w, n, step| {
                w.sources(n, &step.sources)
            });
            w.each(n, "statements", &s.statements, |w, n, st| {
                w.provisions(n, "provisions", &st.provisions, v);
                w.sources(n, &st.sources);
            });
        },
    );
}

fn assessment<'v>(w: &mut Walk<'_, 'v>, root: Node<'v>, d: &Assessment) {
    w.reference(root, "text_version", &d.text_version);
    // One entry per power, and per safeguard of a power: a second would contradict or repeat
    // the first.
    let power = OnePer {
        field: Some("power"),
        value: |p: &PowerImplementation| p.power.as_str(),
        what: |id| format!("power `{id}`"),
    };
    w.each_once(root, "powers", &d.powers, power, |w, n, p| {
        w.reference(n, "power", &p.power);
        let safeguard = OnePer {
            field: Some("safeguard"),
            value: |s: &SafeguardImplementation| s.safeguard.as_str(),
            what: |id| format!("safeguard `{id}`"),
        };
        w.each_once(n, "safeguards", &p.safeguards, safeguard, |w, n, s| {
            w.reference(n, "safeguard", &s.safeguard);
            w.sources(n, &s.sources);
        });
        w.sources(n, &p.sources);
    });
    w.sources(root, &d.sources);
}
