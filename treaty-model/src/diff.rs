//! A semantic diff between two datasets: what a pull request changes, named by entity, id and
//! provision rather than by file and line.
//!
//! Every entity is matched by its identity (a power by id, a safeguard status by power and
//! safeguard, a paragraph by its provision reference, a participation step by state, kind and
//! date...), so moving an entry, reordering a list or reformatting YAML changes nothing. For a
//! matched pair, the fields that differ are listed with their old and new values; the
//! sources are compared as sets and reported apart (`sources_added`, `sources_removed`), since
//! a reviewer's first question about a changed fact is who says so.
//!
//! Nested lists that are entities of their own are compared as such and left out of their
//! parent's fields: an article's paragraphs and points, a power's safeguard statuses, an
//! analysis's concerns, a state's steps and statements, a concordance's entries.
//!
//! ```
//! let dataset = treaty_model::bundled().expect("the bundled dataset is valid");
//! let diff = treaty_model::diff::diff(dataset, dataset);
//! assert!(diff.is_empty());
//! ```

use std::collections::HashMap;

use serde::Serialize;
use serde_json::Value;

use crate::dataset::Dataset;
use crate::ids::{SourceId, TextVersionId};
use crate::model::{Article, Paragraph, Point};
use crate::provision::ProvisionRef;

/// Every change from one dataset to another.
#[derive(Debug, Clone, Default, Serialize)]
#[non_exhaustive]
pub struct Diff {
    /// The changes, by entity kind (in [`Entity`] order), then in the order of the old
    /// dataset, with additions after the entries they follow in the new one.
    pub changes: Vec<Change>,
}

/// One entity added, removed or changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Change {
    /// What kind of entity.
    pub entity: Entity,
    /// Added, removed or changed.
    pub change: ChangeKind,
    /// The entity's identity within its parent: a power id, a safeguard id within a power, a
    /// concern id within an analysis, a provision (`28(4)`), a state code...
    pub id: String,
    /// The parent's identity, for entities that live inside another: the power of a safeguard
    /// status, the analysis of a concern, the state of a participation step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// The provision the entity is about (a power's provision, an article, a paragraph), with
    /// its text version when that is not the final text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provision: Option<ProvisionRef>,
    /// A readable name (a power's or article's title), from the new dataset when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// For a change: the fields that differ (sources apart). Empty for additions and removals.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldChange>,
    /// Sources cited in the new version and not in the old (all of them for an addition).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources_added: Vec<SourceId>,
    /// Sources cited in the old version and not in the new (all of them for a removal).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources_removed: Vec<SourceId>,
}

/// One field that differs, with its values as JSON (absent when the field is not set).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct FieldChange {
    /// The field, as written in the YAML (`status`, `data_categories`), down to the part that
    /// changed inside a record or a list of records (`duration.renewable`,
    /// `milestones[1].date`).
    pub field: String,
    /// The old value.
    pub old: Option<Value>,
    /// The new value.
    pub new: Option<Value>,
}

/// Added, removed or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ChangeKind {
    /// Only in the new dataset.
    Added,
    /// Only in the old dataset.
    Removed,
    /// In both, with different fields or sources.
    Changed,
}

/// The kinds of entity compared, in the order the diff lists them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, strum::IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
pub enum Entity {
    /// The instrument (titles, entry-into-force rule).
    Instrument,
    /// A text version of the instrument.
    TextVersion,
    /// A chapter (title, verification, sources; its articles are entities of their own).
    Chapter,
    /// An article (title, modality, summary, quotes...).
    Article,
    /// A paragraph, point or subpoint.
    Provision,
    /// A term of Article 2.
    Definition,
    /// A power.
    Power,
    /// The status of a safeguard for a power.
    SafeguardStatus,
    /// A safeguard of the taxonomy.
    Safeguard,
    /// A data category.
    DataCategory,
    /// A sensitivity category.
    SensitivityCategory,
    /// An offence of Chapter II.
    Offence,
    /// An analysis (title, publisher, summary...).
    Analysis,
    /// A concern of an analysis.
    Concern,
    /// A participation file's own fields (its note).
    Participation,
    /// The signature period.
    SignaturePeriod,
    /// A count reported by a source (signatories, parties).
    ReportedCount,
    /// A participation step of a state (signature, ratification...).
    ParticipationStep,
    /// A reservation or declaration of a state.
    Statement,
    /// A state's implementation assessment (summary, date, sources).
    Assessment,
    /// How a state implements one power and its safeguards.
    AssessedPower,
    /// A concordance's own fields (its note).
    Concordance,
    /// An entry of a concordance between text versions.
    ConcordanceEntry,
    /// A crosswalk's own fields (the other instrument, its note).
    Crosswalk,
    /// An entry of a crosswalk to another instrument.
    CrosswalkEntry,
    /// A source.
    Source,
}

impl Entity {
    /// The kind as written in JSON (`safeguard-status`).
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl Diff {
    /// True when the datasets say the same things.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// How many changes concern this kind of entity.
    pub fn count(&self, entity: Entity) -> usize {
        self.changes.iter().filter(|c| c.entity == entity).count()
    }
}

impl Change {
    /// The change of one field, if that field differs, by its path as
    /// [`FieldChange::field`] writes it (`milestones[1].date`, not `milestones`).
    pub fn field(&self, name: &str) -> Option<&FieldChange> {
        self.fields.iter().find(|f| f.field == name)
    }
}

/// Compares two datasets.
pub fn diff(old: &Dataset, new: &Dataset) -> Diff {
    let old_items = items(old);
    let mut new_items = items(new);
    pair_repeats(&old_items, &mut new_items);
    let new_index: HashMap<(Entity, &str), usize> = new_items
        .iter()
        .enumerate()
        .map(|(i, it)| ((it.entity, it.key.as_str()), i))
        .collect();
    let old_index: HashMap<(Entity, &str), usize> = old_items
        .iter()
        .enumerate()
        .map(|(i, it)| ((it.entity, it.key.as_str()), i))
        .collect();
    // (entity, position, sub-position) orders the output: old positions, with additions placed
    // just after the old entry that precedes them in the new dataset.
    let mut out: Vec<((Entity, usize, usize), Change)> = Vec::new();
    for (i, o) in old_items.iter().enumerate() {
        match new_index.get(&(o.entity, o.key.as_str())) {
            None => out.push(((o.entity, i + 1, 0), whole(o, ChangeKind::Removed))),
            Some(&j) => {
                if let Some(c) = compare(o, &new_items[j]) {
                    out.push(((o.entity, i + 1, 0), c));
                }
            }
        }
    }
    let mut anchor = (0usize, 0usize);
    for n in &new_items {
        match old_index.get(&(n.entity, n.key.as_str())) {
            Some(&i) => anchor = (i + 1, 0),
            None => {
                anchor.1 += 1;
                out.push(((n.entity, anchor.0, anchor.1), whole(n, ChangeKind::Added)));
            }
        }
    }
    out.sort_by_key(|(k, _)| *k);
    Diff {
        changes: out.into_iter().map(|(_, c)| c).collect(),
    }
}

/// One comparable entity of a dataset.
struct Item {
    entity: Entity,
    /// Unique among the entities of its kind.
    key: String,
    id: String,
    parent: Option<String>,
    provision: Option<ProvisionRef>,
    name: Option<String>,
    /// Its fields, without `sources` and without the nested entities compared on their own.
    value: Value,
    sources: Vec<SourceId>,
}

fn whole(item: &Item, change: ChangeKind) -> Change {
    let (sources_added, sources_removed) = match change {
        ChangeKind::Added => (item.sources.clone(), Vec::new()),
        _ => (Vec::new(), item.sources.clone()),
    };
    Change {
        entity: item.entity,
        change,
        id: item.id.clone(),
        parent: item.parent.clone(),
        provision: item.provision.clone(),
        name: item.name.clone(),
        fields: Vec::new(),
        sources_added,
        sources_removed,
    }
}

fn compare(old: &Item, new: &Item) -> Option<Change> {
    let fields = field_changes(&old.value, &new.value);
    let sources_added: Vec<SourceId> = new
        .sources
        .iter()
        .filter(|s| !old.sources.contains(s))
        .cloned()
        .collect();
    let sources_removed: Vec<SourceId> = old
        .sources
        .iter()
        .filter(|s| !new.sources.contains(s))
        .cloned()
        .collect();
    if fields.is_empty() && sources_added.is_empty() && sources_removed.is_empty() {
        return None;
    }
    Some(Change {
        entity: new.entity,
        change: ChangeKind::Changed,
        id: new.id.clone(),
        parent: new.parent.clone(),
        provision: new.provision.clone().or_else(|| old.provision.clone()),
        name: new.name.clone().or_else(|| old.name.clone()),
        fields,
        sources_added,
        sources_removed,
    })
}

fn field_changes(old: &Value, new: &Value) -> Vec<FieldChange> {
    let mut out = Vec::new();
    nested(String::new(), Some(old), Some(new), &mut out);
    out
}

/// The changes under one field, named down to the part that changed: a reviewer is told
/// `milestones[2].date` changed from one date to another, not that "milestones changed". A
/// list of entries is followed entry by entry when it kept its length; a list that grew or
/// shrank, or a list of plain values, is shown whole.
fn nested(field: String, old: Option<&Value>, new: Option<&Value>, out: &mut Vec<FieldChange>) {
    match (old, new) {
        (o, n) if o == n => {}
        (Some(Value::Object(o)), Some(Value::Object(n))) => {
            let mut names: Vec<&String> = o.keys().collect();
            names.extend(n.keys().filter(|k| !o.contains_key(*k)));
            for k in names {
                let path = if field.is_empty() {
                    k.clone()
                } else {
                    format!("{field}.{k}")
                };
                nested(path, o.get(k), n.get(k), out);
            }
        }
        (Some(Value::Array(o)), Some(Value::Array(n)))
            if o.len() == n.len() && o.iter().chain(n).all(Value::is_object) =>
        {
            for (i, (a, b)) in o.iter().zip(n).enumerate() {
                nested(format!("{field}[{i}]"), Some(a), Some(b), out);
            }
        }
        (o, n) => out.push(FieldChange {
            field,
            old: o.cloned(),
            new: n.cloned(),
        }),
    }
}

/// A serialized entity without the given fields and without `sources`.
fn value_without<T: Serialize>(entity: &T, drop: &[&str]) -> Value {
    let mut v = serde_json::to_value(entity).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        m.remove("sources");
        // An entity that is a whole file (an instrument, a chapter, an analysis...) carries the
        // file's header, which is not a field of the entity: a file moved to a newer schema
        // version is no change. Only a file has `schema_version`; an entry's `kind` stays.
        if m.remove("schema_version").is_some() {
            m.remove("kind");
        }
        for d in drop {
            m.remove(*d);
        }
    }
    v
}

/// Entries that share an identity (two approvals on one day) are told apart by their order,
/// `key#2`; inserting one before the other would then pair each with the wrong one and report
/// a change that was not made. Within such a group, a new entry equal to an old one takes its
/// key first; the others keep the order they are in.
fn pair_repeats(old: &[Item], new: &mut [Item]) {
    let base = |key: &str| -> String {
        match key.rsplit_once('#') {
            Some((b, n)) if n.parse::<usize>().is_ok() => b.to_owned(),
            _ => key.to_owned(),
        }
    };
    let mut groups: HashMap<(Entity, String), (Vec<usize>, Vec<usize>)> = HashMap::new();
    for (i, it) in old.iter().enumerate() {
        groups
            .entry((it.entity, base(&it.key)))
            .or_default()
            .0
            .push(i);
    }
    for (j, it) in new.iter().enumerate() {
        groups
            .entry((it.entity, base(&it.key)))
            .or_default()
            .1
            .push(j);
    }
    for (olds, news) in groups.values() {
        if olds.len() < 2 && news.len() < 2 {
            continue;
        }
        let mut free: Vec<usize> = olds.clone();
        let mut keys: Vec<Option<String>> = vec![None; news.len()];
        for (k, &j) in news.iter().enumerate() {
            let same =
                |&i: &usize| old[i].value == new[j].value && old[i].sources == new[j].sources;
            if let Some(at) = free.iter().position(same) {
                keys[k] = Some(old[free.remove(at)].key.clone());
            }
        }
        let mut fresh = 0;
        for (k, &j) in news.iter().enumerate() {
            let key = keys[k].take().unwrap_or_else(|| {
                if free.is_empty() {
                    fresh += 1;
                    format!("{}#new{fresh}", base(&new[j].key))
                } else {
                    old[free.remove(0)].key.clone()
                }
            });
            new[j].key = key;
        }
    }
}

/// Counts repeated keys so that equal entries (two approvals on unknown dates) stay distinct.
#[derive(Default)]
struct Occurrences(HashMap<String, usize>);

impl Occurrences {
    fn key(&mut self, base: String) -> String {
        let n = self.0.entry(base.clone()).or_insert(0);
        *n += 1;
        if *n == 1 { base } else { format!("{base}#{n}") }
    }
}

fn versioned(r: ProvisionRef, version: &TextVersionId) -> ProvisionRef {
    if version.as_str() == "final" {
        r
    } else {
        r.in_version(version.clone())
    }
}

struct Items {
    out: Vec<Item>,
}

impl Items {
    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        entity: Entity,
        key: String,
        id: String,
        parent: Option<String>,
        provision: Option<ProvisionRef>,
        name: Option<String>,
        value: Value,
        sources: &[SourceId],
    ) {
        self.out.push(Item {
            entity,
            key,
            id,
            parent,
            provision,
            name,
            value,
            sources: sources.to_vec(),
        });
    }

    /// An entity known by a plain id.
    fn simple<T: Serialize>(
        &mut self,
        entity: Entity,
        id: &str,
        name: Option<&str>,
        provision: Option<ProvisionRef>,
        value: &T,
        sources: &[SourceId],
    ) {
        self.push(
            entity,
            id.to_owned(),
            id.to_owned(),
            None,
            provision,
            name.map(str::to_owned),
            value_without(value, &[]),
            sources,
        );
    }

    fn provision<T: Serialize>(
        &mut self,
        r: ProvisionRef,
        version: &TextVersionId,
        value: &T,
        drop: &[&str],
        sources: &[SourceId],
    ) {
        let r = versioned(r, version);
        self.push(
            Entity::Provision,
            r.to_string(),
            r.to_string(),
            None,
            Some(r),
            None,
            value_without(value, drop),
            sources,
        );
    }

    fn article(&mut self, version: &TextVersionId, a: &Article) {
        let art = ProvisionRef::article(a.number);
        let r = versioned(art.clone(), version);
        self.push(
            Entity::Article,
            r.to_string(),
            r.to_string(),
            None,
            Some(r),
            Some(a.title.clone()),
            value_without(a, &["paragraphs", "points"]),
            &a.sources,
        );
        for p in &a.paragraphs {
            self.paragraph(version, art.clone().with_paragraph(p.number), p);
        }
        for pt in &a.points {
            self.point(version, &art, pt);
        }
    }

    fn paragraph(&mut self, version: &TextVersionId, r: ProvisionRef, p: &Paragraph) {
        self.provision(r.clone(), version, p, &["points"], &p.sources);
        for pt in &p.points {
            self.point(version, &r, pt);
        }
    }

    fn point(&mut self, version: &TextVersionId, parent: &ProvisionRef, pt: &Point) {
        let Some(r) = parent.clone().with_point(&pt.letter) else {
            return;
        };
        self.provision(r.clone(), version, pt, &["subpoints"], &pt.sources);
        for sp in &pt.subpoints {
            if let Ok(sr) = format!("{r}({})", sp.numeral).parse::<ProvisionRef>() {
                self.provision(sr, version, sp, &[], &sp.sources);
            }
        }
    }
}

fn items(d: &Dataset) -> Vec<Item> {
    let b = d.bundle();
    let mut it = Items { out: Vec::new() };
    for i in &b.instrument {
        it.simple(
            Entity::Instrument,
            i.id.as_str(),
            Some(&i.short_title),
            None,
            &value_without(i, &["text_versions"]),
            &i.sources,
        );
        for v in &i.text_versions {
            it.simple(
                Entity::TextVersion,
                v.id.as_str(),
                Some(&v.label),
                None,
                v,
                &v.sources,
            );
        }
    }
    for c in &b.chapters {
        let id = if c.text_version == TextVersionId::final_text() {
            c.number.clone()
        } else {
            format!("{}:{}", c.text_version, c.number)
        };
        it.simple(
            Entity::Chapter,
            &id,
            Some(&c.title),
            None,
            &value_without(c, &["articles"]),
            &c.sources,
        );
        for a in &c.articles {
            it.article(&c.text_version, a);
        }
    }
    for f in &b.definitions {
        for t in &f.terms {
            let r = versioned(t.provision.clone(), &f.text_version);
            it.simple(
                Entity::Definition,
                t.id.as_str(),
                Some(&t.term),
                Some(r),
                t,
                &t.sources,
            );
        }
    }
    for f in &b.powers {
        for p in &f.powers {
            let r = versioned(p.provision.clone(), &f.text_version);
            it.push(
                Entity::Power,
                p.id.to_string(),
                p.id.to_string(),
                None,
                Some(r.clone()),
                Some(p.name.clone()),
                value_without(p, &["safeguards"]),
                &p.sources,
            );
            for s in &p.safeguards {
                it.push(
                    Entity::SafeguardStatus,
                    format!("{}/{}", p.id, s.safeguard),
                    s.safeguard.to_string(),
                    Some(p.id.to_string()),
                    Some(r.clone()),
                    None,
                    value_without(s, &[]),
                    &s.sources,
                );
            }
        }
    }
    for f in &b.safeguards {
        for s in &f.safeguards {
            it.simple(
                Entity::Safeguard,
                s.id.as_str(),
                Some(&s.name),
                None,
                s,
                &s.sources,
            );
        }
    }
    for f in &b.data_categories {
        for c in &f.categories {
            it.simple(
                Entity::DataCategory,
                c.id.as_str(),
                Some(&c.name),
                None,
                c,
                &c.sources,
            );
        }
    }
    for f in &b.sensitivity_categories {
        for c in &f.categories {
            it.simple(
                Entity::SensitivityCategory,
                c.id.as_str(),
                Some(&c.name),
                None,
                c,
                &c.sources,
            );
        }
    }
    for f in &b.offences {
        for o in &f.offences {
            let r = versioned(o.provision.clone(), &f.text_version);
            it.simple(
                Entity::Offence,
                o.id.as_str(),
                Some(&o.name),
                Some(r),
                o,
                &o.sources,
            );
        }
    }
    for a in &b.analyses {
        it.push(
            Entity::Analysis,
            a.id.to_string(),
            a.id.to_string(),
            None,
            None,
            Some(a.title.clone()),
            value_without(a, &["concerns"]),
            std::slice::from_ref(&a.source),
        );
        for c in &a.concerns {
            it.push(
                Entity::Concern,
                format!("{}/{}", a.id, c.id),
                c.id.to_string(),
                Some(a.id.to_string()),
                None,
                None,
                value_without(c, &[]),
                &c.sources,
            );
        }
    }
    let mut files = Occurrences::default();
    for p in &b.participation {
        let key = files.key("participation".to_owned());
        it.push(
            Entity::Participation,
            key,
            "participation".to_owned(),
            None,
            None,
            None,
            value_without(p, &["signature", "reported_counts", "states"]),
            &[],
        );
        if let Some(s) = &p.signature {
            it.simple(
                Entity::SignaturePeriod,
                "signature",
                None,
                Some(s.provision.clone()),
                s,
                &s.sources,
            );
        }
        let mut seen = Occurrences::default();
        for c in &p.reported_counts {
            let counted = c.counted.to_string();
            let as_of = c.as_of.map(|d| d.to_string()).unwrap_or_default();
            let key = seen.key(format!("{counted}/{as_of}"));
            it.push(
                Entity::ReportedCount,
                key.clone(),
                key,
                None,
                None,
                None,
                value_without(c, &[]),
                &c.sources,
            );
        }
        for s in &p.states {
            let state = s.state.to_string();
            let mut seen = Occurrences::default();
            for step in &s.steps {
                let kind = step.step.to_string();
                let id = match step.date {
                    Some(date) => format!("{kind} ({date})"),
                    None => kind,
                };
                it.push(
                    Entity::ParticipationStep,
                    seen.key(format!("{state}/{id}")),
                    id,
                    Some(state.clone()),
                    None,
                    None,
                    value_without(step, &[]),
                    &step.sources,
                );
            }
            for st in &s.statements {
                let provisions: Vec<String> = st.provisions.iter().map(|r| r.to_string()).collect();
                let id = format!("{} on {}", st.statement, provisions.join(", "));
                it.push(
                    Entity::Statement,
                    seen.key(format!("{state}/{id}")),
                    id,
                    Some(state.clone()),
                    st.provisions.first().cloned(),
                    None,
                    value_without(st, &[]),
                    &st.sources,
                );
            }
        }
    }
    for a in &b.assessments {
        let state = a.state.to_string();
        it.simple(
            Entity::Assessment,
            &state,
            None,
            None,
            &value_without(a, &["powers"]),
            &a.sources,
        );
        for p in &a.powers {
            it.push(
                Entity::AssessedPower,
                format!("{state}/{}", p.power),
                p.power.to_string(),
                Some(state.clone()),
                None,
                None,
                value_without(p, &[]),
                &p.sources,
            );
        }
    }
    for c in &b.concordances {
        let parent = format!("{} -> {}", c.from, c.to);
        it.simple(
            Entity::Concordance,
            &parent,
            None,
            None,
            &value_without(c, &["entries"]),
            &[],
        );
        for e in &c.entries {
            let r = versioned(e.from.clone(), &c.from);
            it.push(
                Entity::ConcordanceEntry,
                format!("{parent}/{}", e.from),
                e.from.to_string(),
                Some(parent.clone()),
                Some(r),
                e.subject.clone(),
                value_without(e, &[]),
                &e.sources,
            );
        }
    }
    for c in &b.crosswalks {
        let parent = c.other.id.to_string();
        it.simple(
            Entity::Crosswalk,
            &parent,
            Some(&c.other.title),
            None,
            &value_without(c, &["entries"]),
            &[],
        );
        let mut seen = Occurrences::default();
        for e in &c.entries {
            let ours = e.provision.as_ref().map(ToString::to_string);
            let theirs = e.other_provision.as_ref().map(ToString::to_string);
            let id = format!(
                "{} ~ {}",
                ours.as_deref().unwrap_or("-"),
                theirs.as_deref().unwrap_or("-")
            );
            it.push(
                Entity::CrosswalkEntry,
                seen.key(format!("{parent}/{id}")),
                id,
                Some(parent.clone()),
                e.provision.clone(),
                e.other_title.clone(),
                value_without(e, &[]),
                &e.sources,
            );
        }
    }
    for f in &b.sources {
        for s in &f.sources {
            it.simple(Entity::Source, s.id.as_str(), Some(&s.title), None, s, &[]);
        }
    }
    it.out
}
