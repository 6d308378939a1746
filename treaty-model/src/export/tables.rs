//! The dataset flattened into one table per entity.

use super::{
    NewerSchema, exportable, flag, join, opt, opt_word, provisions, sources, texts, word, words,
};
use crate::dataset::Dataset;
use crate::model::{
    Article24Coverage, Bundle, Confidentiality, Duration, LegalCitation, OffenceScope, Power,
    Quote, Requirement, StandardRef,
};

/// One entity flattened into rows of text, ready for CSV ([`super::to_csv`]).
///
/// Every row has one cell per column. Lists are joined into one cell (ids and provisions with
/// `"; "`, which none of them holds; free text, such as authors, a safeguard's standards and an
/// assessment's legal basis, with `" | "`, which validation rejects inside an author, a
/// principle, a law and a provision, so that a cell splits back on `|` into its items), except
/// the many-to-many links that analyses
/// filter on, which get a table of their own (`power_data_categories`, `power_safeguards`), and
/// quoted words, which carry a note and sources of their own (`quotes`). Absent
/// optional values are empty cells; booleans are `true` or `false`. A `sources` cell holds
/// the sources of the row's own entity, empty when it cites none: a parent's sources never
/// stand in for them (where a table carries them, they have a column of their own, such as
/// `assessment_sources`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Table {
    /// The table name, also the `entity` of the JSON Lines export (`powers`).
    pub name: &'static str,
    /// The column names, in a stable order.
    pub columns: Vec<&'static str>,
    /// The rows: file order, then entry order.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    fn new(name: &'static str, columns: &[&'static str]) -> Self {
        Self {
            name,
            columns: columns.to_vec(),
            rows: Vec::new(),
        }
    }
}

/// Every table of the dataset, in a stable order: the convention's structure, the
/// vocabularies, the powers, offences, analyses, concordances, participation, assessments, and
/// last the sources every row cites.
///
/// | table | one row per |
/// |---|---|
/// | `text_versions` | text version of the instrument |
/// | `chapters` | chapter file |
/// | `articles` | article |
/// | `provisions` | article, paragraph, point and subpoint |
/// | `definitions` | defined term |
/// | `data_categories` | data category |
/// | `sensitivity_categories` | sensitivity category |
/// | `safeguards` | safeguard of the taxonomy |
/// | `powers` | power |
/// | `power_data_categories` | power and data category it reaches |
/// | `power_safeguards` | power and safeguard status |
/// | `offences` | offence |
/// | `analyses` | analysis |
/// | `concerns` | concern of an analysis |
/// | `recommendations` | recommendation of a concern |
/// | `quotes` | quotation of a provision, a definition or a concern |
/// | `concordance` | concordance entry |
/// | `crosswalk` | crosswalk entry |
/// | `signature_period` | participation file that records the signature period |
/// | `reported_counts` | count reported by a source (signatories, parties) |
/// | `participation_steps` | step of a state |
/// | `statements` | reservation or declaration |
/// | `assessments` | assessed power of a state, then each of its assessed safeguards |
/// | `sources` | source |
///
/// `provisions`, `definitions` and `concerns` have no quotes column: a quotation may cite its
/// own sources (an analysis quoting a draft) or say in its note that it is a translation, and a
/// cell of bare quoted words beside the row's `sources` would credit them to those sources.
/// The `quotes` table gives each quotation with its note and sources, keyed by its parent:
/// `parent_table` names the table, and `parent` (with `text_version` for a provision or a
/// definition, `analysis` for a concern) is that table's key.
///
/// # Errors
///
/// [`NewerSchema`] when a file of the dataset was written for a newer schema version.
pub fn tables(dataset: &Dataset) -> Result<Vec<Table>, NewerSchema> {
    exportable(dataset)?;
    let b = dataset.bundle();
    Ok(vec![
        instrument(b),
        text_versions(b),
        milestones(b),
        chapters(b),
        articles(b),
        provision_table(b),
        definitions(b),
        data_categories(b),
        sensitivity_categories(b),
        safeguards(b),
        powers(b),
        power_data_categories(b),
        power_safeguards(b),
        offences(b),
        analyses(b),
        concerns(b),
        recommendations(b),
        quote_table(b),
        concordances(b),
        concordance(b),
        crosswalks(b),
        crosswalk(b),
        participation_notes(b),
        signature_period(b),
        reported_counts(b),
        participation_steps(b),
        statements(b),
        assessments(b),
        source_table(b),
    ])
}

/// The convention itself: its titles and the rule of its entry into force.
fn instrument(b: &Bundle) -> Table {
    let mut t = Table::new(
        "instrument",
        &[
            "id",
            "short_title",
            "official_title",
            "negotiated_by",
            "entry_into_force_provision",
            "instruments_required",
            "days_after_deposit",
            "entry_into_force_note",
            "entry_into_force_verification",
            "entry_into_force_sources",
            "sources",
        ],
    );
    for i in &b.instrument {
        let rule = &i.entry_into_force;
        t.rows.push(vec![
            i.id.to_string(),
            i.short_title.clone(),
            i.official_title.clone(),
            opt(i.negotiated_by.as_ref()),
            rule.provision.to_string(),
            rule.instruments_required.to_string(),
            rule.days_after_deposit.to_string(),
            opt(rule.note.as_ref()),
            word(&rule.verification),
            sources(&rule.sources),
            sources(&i.sources),
        ]);
    }
    t
}

/// The dated steps in each text version's life (release, adoption), keyed by their version.
fn milestones(b: &Bundle) -> Table {
    let mut t = Table::new(
        "milestones",
        &[
            "instrument",
            "text_version",
            "event",
            "date",
            "symbol",
            "note",
            "verification",
            "sources",
        ],
    );
    for i in &b.instrument {
        for v in &i.text_versions {
            for m in &v.milestones {
                t.rows.push(vec![
                    i.id.to_string(),
                    v.id.to_string(),
                    word(&m.event),
                    opt(m.date.as_ref()),
                    opt(m.symbol.as_ref()),
                    opt(m.note.as_ref()),
                    word(&m.verification),
                    sources(&m.sources),
                ]);
            }
        }
    }
    t
}

/// What each concordance says of itself (how far its numbering was checked).
fn concordances(b: &Bundle) -> Table {
    let mut t = Table::new("concordances", &["from_version", "to_version", "note"]);
    for c in &b.concordances {
        t.rows.push(vec![
            c.from.to_string(),
            c.to.to_string(),
            opt(c.note.as_ref()),
        ]);
    }
    t
}

/// The other treaty of each crosswalk, and what the crosswalk says of itself.
fn crosswalks(b: &Bundle) -> Table {
    let mut t = Table::new(
        "crosswalks",
        &[
            "text_version",
            "other_instrument",
            "other_title",
            "other_symbol",
            "note",
        ],
    );
    for c in &b.crosswalks {
        t.rows.push(vec![
            c.text_version.to_string(),
            c.other.id.to_string(),
            c.other.title.clone(),
            opt(c.other.symbol.as_ref()),
            opt(c.note.as_ref()),
        ]);
    }
    t
}

/// The participation files' own notes (who is not counted, and why).
fn participation_notes(b: &Bundle) -> Table {
    let mut t = Table::new("participation_notes", &["note"]);
    for note in b.participation.iter().filter_map(|p| p.note.as_ref()) {
        t.rows.push(vec![note.clone()]);
    }
    t
}

fn text_versions(b: &Bundle) -> Table {
    let mut t = Table::new(
        "text_versions",
        &[
            "instrument",
            "id",
            "label",
            "stage",
            "symbol",
            "date",
            "verification",
            "summary",
            "sources",
        ],
    );
    for i in &b.instrument {
        for v in &i.text_versions {
            t.rows.push(vec![
                i.id.to_string(),
                v.id.to_string(),
                v.label.clone(),
                word(&v.stage),
                opt(v.symbol.as_ref()),
                opt(v.date.as_ref()),
                word(&v.verification),
                v.summary.clone(),
                sources(&v.sources),
            ]);
        }
    }
    t
}

fn chapters(b: &Bundle) -> Table {
    let mut t = Table::new(
        "chapters",
        &[
            "text_version",
            "number",
            "title",
            "verification",
            "articles",
            "sources",
        ],
    );
    for c in &b.chapters {
        let numbers: Vec<u16> = c.articles.iter().map(|a| a.number).collect();
        t.rows.push(vec![
            c.text_version.to_string(),
            c.number.clone(),
            c.title.clone(),
            word(&c.verification),
            join(&numbers, "; "),
            sources(&c.sources),
        ]);
    }
    t
}

fn articles(b: &Bundle) -> Table {
    let mut t = Table::new(
        "articles",
        &[
            "text_version",
            "chapter",
            "article",
            "title",
            "verification",
            "modality",
            "summary",
            "sources",
        ],
    );
    for c in &b.chapters {
        for a in &c.articles {
            t.rows.push(vec![
                c.text_version.to_string(),
                c.number.clone(),
                a.number.to_string(),
                a.title.clone(),
                word(&a.verification),
                opt_word(a.modality.as_ref()),
                opt(a.summary.as_ref()),
                sources(&a.sources),
            ]);
        }
    }
    t
}

fn provision_table(b: &Bundle) -> Table {
    let mut t = Table::new(
        "provisions",
        &[
            "text_version",
            "provision",
            "eid",
            "level",
            "modality",
            "summary",
            "cross_references",
            "sources",
            "verification",
            "note",
        ],
    );
    for c in &b.chapters {
        for node in c.articles.iter().flat_map(provisions) {
            t.rows.push(vec![
                c.text_version.to_string(),
                node.reference.to_string(),
                node.reference.to_eid(),
                <&str>::from(node.level).to_owned(),
                opt_word(node.modality()),
                node.summary().unwrap_or_default().to_owned(),
                join(node.cross_references(), "; "),
                sources(node.sources()),
                opt_word(node.verification()),
                node.note().unwrap_or_default().to_owned(),
            ]);
        }
    }
    t
}

fn definitions(b: &Bundle) -> Table {
    let mut t = Table::new(
        "definitions",
        &[
            "text_version",
            "id",
            "term",
            "provision",
            "data_category",
            "verification",
            "summary",
            "sources",
        ],
    );
    for f in &b.definitions {
        for d in &f.terms {
            t.rows.push(vec![
                f.text_version.to_string(),
                d.id.to_string(),
                d.term.clone(),
                d.provision.to_string(),
                opt(d.data_category.as_ref()),
                word(&d.verification),
                opt(d.summary.as_ref()),
                sources(&d.sources),
            ]);
        }
    }
    t
}

fn data_categories(b: &Bundle) -> Table {
    let mut t = Table::new(
        "data_categories",
        &["id", "name", "defined_by", "summary", "sources"],
    );
    for c in b.data_categories.iter().flat_map(|f| &f.categories) {
        t.rows.push(vec![
            c.id.to_string(),
            c.name.clone(),
            opt(c.defined_by.as_ref()),
            c.summary.clone(),
            sources(&c.sources),
        ]);
    }
    t
}

fn sensitivity_categories(b: &Bundle) -> Table {
    let mut t = Table::new(
        "sensitivity_categories",
        &["id", "name", "summary", "sources"],
    );
    for c in b.sensitivity_categories.iter().flat_map(|f| &f.categories) {
        t.rows.push(vec![
            c.id.to_string(),
            c.name.clone(),
            c.summary.clone(),
            sources(&c.sources),
        ]);
    }
    t
}

fn safeguards(b: &Bundle) -> Table {
    let mut t = Table::new(
        "safeguards",
        &["id", "name", "family", "summary", "standards", "sources"],
    );
    for s in b.safeguards.iter().flat_map(|f| &f.safeguards) {
        t.rows.push(vec![
            s.id.to_string(),
            s.name.clone(),
            word(&s.family),
            s.summary.clone(),
            standards(&s.standards),
            sources(&s.sources),
        ]);
    }
    t
}

/// `necessary-and-proportionate: Legality | ...`: the standard's id, then its own wording;
/// free text, so the items are joined as [`texts`] joins them.
fn standards(refs: &[StandardRef]) -> String {
    let items: Vec<String> = refs
        .iter()
        .map(|r| format!("{}: {}", word(&r.standard), r.principle))
        .collect();
    texts(items.iter().map(String::as_str))
}

const POWER_COLUMNS: &[&str] = &[
    "text_version",
    "id",
    "name",
    "provision",
    "scope",
    "obligation",
    "summary",
    "data_categories",
    "sensitive_data",
    "compellable",
    "offence_classes",
    "offence_scope_provision",
    "offence_scope_note",
    "offence_scope_sources",
    "duration_max_days",
    "duration_renewable",
    "duration_renewals_limited",
    "duration_provision",
    "duration_note",
    "duration_sources",
    "confidentiality_status",
    "confidentiality_bound",
    "confidentiality_time_limit",
    "confidentiality_provision",
    "confidentiality_note",
    "confidentiality_sources",
    "domestic_counterpart",
    "article_24_applies",
    "article_24_provision",
    "article_24_note",
    "article_24_sources",
    "sources",
];

fn powers(b: &Bundle) -> Table {
    let mut t = Table::new("powers", POWER_COLUMNS);
    for f in &b.powers {
        for p in &f.powers {
            let mut row = vec![f.text_version.to_string()];
            row.extend(power_cells(p));
            row.extend(offence_scope_cells(p.offence_scope.as_ref()));
            row.extend(duration_cells(p.duration.as_ref()));
            row.extend(confidentiality_cells(p.confidentiality.as_ref()));
            row.push(opt(p.domestic_counterpart.as_ref()));
            row.extend(article_24_cells(p.article_24.as_ref()));
            row.push(sources(&p.sources));
            t.rows.push(row);
        }
    }
    t
}

fn power_cells(p: &Power) -> [String; 9] {
    [
        p.id.to_string(),
        p.name.clone(),
        p.provision.to_string(),
        word(&p.scope),
        word(&p.obligation),
        p.summary.clone(),
        join(&p.data_categories, "; "),
        join(&p.sensitive_data, "; "),
        words(&p.compellable, "; "),
    ]
}

fn offence_scope_cells(s: Option<&OffenceScope>) -> [String; 4] {
    let Some(s) = s else {
        return Default::default();
    };
    [
        words(&s.covers, "; "),
        s.provision.to_string(),
        opt(s.note.as_ref()),
        sources(&s.sources),
    ]
}

fn duration_cells(d: Option<&Duration>) -> [String; 6] {
    let Some(d) = d else {
        return Default::default();
    };
    [
        opt(d.max_days.as_ref()),
        flag(d.renewable),
        flag(d.renewals_limited),
        d.provision.to_string(),
        opt(d.note.as_ref()),
        sources(&d.sources),
    ]
}

fn confidentiality_cells(c: Option<&Confidentiality>) -> [String; 6] {
    let Some(c) = c else {
        return Default::default();
    };
    [
        word(&c.status),
        words(&c.bound, "; "),
        word(&c.time_limit),
        c.provision.to_string(),
        opt(c.note.as_ref()),
        sources(&c.sources),
    ]
}

fn article_24_cells(a: Option<&Article24Coverage>) -> [String; 4] {
    let Some(a) = a else {
        return Default::default();
    };
    [
        word(&a.applies),
        opt(a.provision.as_ref()),
        opt(a.note.as_ref()),
        sources(&a.sources),
    ]
}

fn power_data_categories(b: &Bundle) -> Table {
    let mut t = Table::new("power_data_categories", &["power", "data_category"]);
    for p in b.powers.iter().flat_map(|f| &f.powers) {
        for c in &p.data_categories {
            t.rows.push(vec![p.id.to_string(), c.to_string()]);
        }
    }
    t
}

fn power_safeguards(b: &Bundle) -> Table {
    let mut t = Table::new(
        "power_safeguards",
        &[
            "power",
            "safeguard",
            "status",
            "provision",
            "note",
            "sources",
        ],
    );
    for p in b.powers.iter().flat_map(|f| &f.powers) {
        for s in &p.safeguards {
            t.rows.push(vec![
                p.id.to_string(),
                s.safeguard.to_string(),
                word(&s.status),
                opt(s.provision.as_ref()),
                opt(s.note.as_ref()),
                sources(&s.sources),
            ]);
        }
    }
    t
}

fn offences(b: &Bundle) -> Table {
    let mut t = Table::new(
        "offences",
        &[
            "text_version",
            "id",
            "name",
            "provision",
            "core_cybercrime",
            "summary",
            "intent_requirement",
            "intent_requirement_provision",
            "intent_requirement_note",
            "intent_requirement_sources",
            "public_interest_exemption",
            "public_interest_exemption_provision",
            "public_interest_exemption_note",
            "public_interest_exemption_sources",
            "sources",
        ],
    );
    for f in &b.offences {
        for o in &f.offences {
            let mut row = vec![
                f.text_version.to_string(),
                o.id.to_string(),
                o.name.clone(),
                o.provision.to_string(),
                o.core_cybercrime.to_string(),
                opt(o.summary.as_ref()),
            ];
            row.extend(requirement_cells(o.intent_requirement.as_ref()));
            row.extend(requirement_cells(o.public_interest_exemption.as_ref()));
            row.push(sources(&o.sources));
            t.rows.push(row);
        }
    }
    t
}

fn requirement_cells(r: Option<&Requirement>) -> [String; 4] {
    let Some(r) = r else {
        return Default::default();
    };
    [
        word(&r.status),
        opt(r.provision.as_ref()),
        opt(r.note.as_ref()),
        sources(&r.sources),
    ]
}

fn analyses(b: &Bundle) -> Table {
    let mut t = Table::new(
        "analyses",
        &[
            "id",
            "title",
            "publisher",
            "genre",
            "published",
            "text_version",
            "source",
            "summary",
        ],
    );
    for a in &b.analyses {
        t.rows.push(vec![
            a.id.to_string(),
            a.title.clone(),
            a.publisher.clone(),
            word(&a.genre),
            a.published.to_string(),
            a.text_version.to_string(),
            a.source.to_string(),
            a.summary.clone(),
        ]);
    }
    t
}

fn concerns(b: &Bundle) -> Table {
    let mut t = Table::new(
        "concerns",
        &[
            "analysis",
            "concern",
            "summary",
            "provisions",
            "powers",
            "missing_safeguards",
            "data_categories",
            "sensitive_data",
            "sources",
        ],
    );
    for a in &b.analyses {
        for c in &a.concerns {
            t.rows.push(vec![
                a.id.to_string(),
                c.id.to_string(),
                c.summary.clone(),
                join(&c.provisions, "; "),
                join(&c.powers, "; "),
                join(&c.missing_safeguards, "; "),
                join(&c.data_categories, "; "),
                join(&c.sensitive_data, "; "),
                sources(&c.sources),
            ]);
        }
    }
    t
}

fn recommendations(b: &Bundle) -> Table {
    let mut t = Table::new(
        "recommendations",
        &[
            "analysis",
            "concern",
            "action",
            "summary",
            "provisions",
            "safeguards",
        ],
    );
    for a in &b.analyses {
        for c in &a.concerns {
            for r in &c.recommendations {
                t.rows.push(vec![
                    a.id.to_string(),
                    c.id.to_string(),
                    word(&r.action),
                    r.summary.clone(),
                    join(&r.provisions, "; "),
                    join(&r.safeguards, "; "),
                ]);
            }
        }
    }
    t
}

fn quote_table(b: &Bundle) -> Table {
    let mut t = Table::new(
        "quotes",
        &[
            "parent_table",
            "text_version",
            "analysis",
            "parent",
            "text",
            "note",
            "sources",
        ],
    );
    // The parent key in the cells of its own table: `[text_version, analysis, parent]`.
    let mut push = |parent_table: &'static str, key: [String; 3], quotes: &[Quote]| {
        for q in quotes {
            let mut row = vec![parent_table.to_owned()];
            row.extend(key.iter().cloned());
            row.extend([q.text.clone(), opt(q.note.as_ref()), sources(&q.sources)]);
            t.rows.push(row);
        }
    };
    for c in &b.chapters {
        for node in c.articles.iter().flat_map(provisions) {
            let key = [
                c.text_version.to_string(),
                String::new(),
                node.reference.to_string(),
            ];
            push("provisions", key, node.quotes());
        }
    }
    for f in &b.definitions {
        for d in &f.terms {
            let key = [f.text_version.to_string(), String::new(), d.id.to_string()];
            push("definitions", key, &d.quotes);
        }
    }
    // A concern's text version is its analysis's (in `analyses`); the concerns table, which
    // this joins with, has none.
    for a in &b.analyses {
        for c in &a.concerns {
            let key = [String::new(), a.id.to_string(), c.id.to_string()];
            push("concerns", key, &c.quotes);
        }
    }
    t
}

fn concordance(b: &Bundle) -> Table {
    let mut t = Table::new(
        "concordance",
        &[
            "from_version",
            "to_version",
            "from",
            "to",
            "relation",
            "subject",
            "note",
            "verification",
            "sources",
        ],
    );
    for c in &b.concordances {
        for e in &c.entries {
            t.rows.push(vec![
                c.from.to_string(),
                c.to.to_string(),
                e.from.to_string(),
                opt(e.to.as_ref()),
                word(&e.relation),
                opt(e.subject.as_ref()),
                opt(e.note.as_ref()),
                word(&e.verification),
                sources(&e.sources),
            ]);
        }
    }
    t
}

fn crosswalk(b: &Bundle) -> Table {
    let mut t = Table::new(
        "crosswalk",
        &[
            "text_version",
            "other_instrument",
            "provision",
            "other_provision",
            "other_title",
            "relation",
            "note",
            "verification",
            "sources",
        ],
    );
    for c in &b.crosswalks {
        for e in &c.entries {
            t.rows.push(vec![
                c.text_version.to_string(),
                c.other.id.to_string(),
                opt(e.provision.as_ref()),
                opt(e.other_provision.as_ref()),
                opt(e.other_title.as_ref()),
                word(&e.relation),
                opt(e.note.as_ref()),
                word(&e.verification),
                sources(&e.sources),
            ]);
        }
    }
    t
}

fn signature_period(b: &Bundle) -> Table {
    let mut t = Table::new(
        "signature_period",
        &[
            "provision",
            "opened",
            "place",
            "closes",
            "note",
            "verification",
            "sources",
        ],
    );
    for s in b.participation.iter().filter_map(|p| p.signature.as_ref()) {
        t.rows.push(vec![
            s.provision.to_string(),
            s.opened.to_string(),
            opt(s.place.as_ref()),
            opt(s.closes.as_ref()),
            opt(s.note.as_ref()),
            word(&s.verification),
            sources(&s.sources),
        ]);
    }
    t
}

fn reported_counts(b: &Bundle) -> Table {
    let mut t = Table::new(
        "reported_counts",
        &[
            "counted",
            "count",
            "as_of",
            "note",
            "verification",
            "sources",
        ],
    );
    for c in b.participation.iter().flat_map(|p| &p.reported_counts) {
        t.rows.push(vec![
            word(&c.counted),
            c.count.to_string(),
            opt(c.as_of.as_ref()),
            opt(c.note.as_ref()),
            word(&c.verification),
            sources(&c.sources),
        ]);
    }
    t
}

fn participation_steps(b: &Bundle) -> Table {
    let mut t = Table::new(
        "participation_steps",
        &["state", "step", "date", "note", "verification", "sources"],
    );
    for s in b.participation.iter().flat_map(|p| &p.states) {
        for step in &s.steps {
            t.rows.push(vec![
                s.state.to_string(),
                word(&step.step),
                opt(step.date.as_ref()),
                opt(step.note.as_ref()),
                word(&step.verification),
                sources(&step.sources),
            ]);
        }
    }
    t
}

fn statements(b: &Bundle) -> Table {
    let mut t = Table::new(
        "statements",
        &[
            "state",
            "statement",
            "provisions",
            "summary",
            "date",
            "verification",
            "sources",
        ],
    );
    for s in b.participation.iter().flat_map(|p| &p.states) {
        for st in &s.statements {
            t.rows.push(vec![
                s.state.to_string(),
                word(&st.statement),
                join(&st.provisions, "; "),
                st.summary.clone(),
                opt(st.date.as_ref()),
                word(&st.verification),
                sources(&st.sources),
            ]);
        }
    }
    t
}

fn assessments(b: &Bundle) -> Table {
    let mut t = Table::new(
        "assessments",
        &[
            "state",
            "text_version",
            "as_of",
            "assessed_by",
            "assessment_sources",
            "power",
            "safeguard",
            "implemented",
            "legal_basis",
            "note",
            "sources",
        ],
    );
    for a in &b.assessments {
        // The assessment's sources get a column of their own: written in the entry's
        // `sources`, they would credit a document with a statement it does not make (an
        // `unknown` safeguard that the sources do not settle).
        let head = [
            a.state.to_string(),
            a.text_version.to_string(),
            a.as_of.to_string(),
            opt(a.assessed_by.as_ref()),
            sources(&a.sources),
        ];
        for p in &a.powers {
            let mut row = head.to_vec();
            row.extend([
                p.power.to_string(),
                String::new(),
                word(&p.implemented),
                legal_basis(&p.legal_basis),
                opt(p.note.as_ref()),
                sources(&p.sources),
            ]);
            t.rows.push(row);
            for s in &p.safeguards {
                let mut row = head.to_vec();
                row.extend([
                    p.power.to_string(),
                    s.safeguard.to_string(),
                    word(&s.implemented),
                    legal_basis(&s.legal_basis),
                    opt(s.note.as_ref()),
                    sources(&s.sources),
                ]);
                t.rows.push(row);
            }
        }
    }
    t
}

/// `Code of Criminal Procedure, art. 185 <https://...> | ...`: free text, so the citations are
/// joined as [`texts`] joins them. A `|` in an address is written `%7C`, the same address (a
/// URI cannot hold `|` as it is; clients send it so), so that no item splits in two.
fn legal_basis(citations: &[LegalCitation]) -> String {
    let items: Vec<String> = citations
        .iter()
        .map(|c| {
            let mut s = c.law.clone();
            if let Some(p) = &c.provision {
                s.push_str(&format!(", {p}"));
            }
            if let Some(u) = &c.url {
                s.push_str(&format!(" <{}>", u.as_str().replace('|', "%7C")));
            }
            s
        })
        .collect();
    texts(items.iter().map(String::as_str))
}

fn source_table(b: &Bundle) -> Table {
    let mut t = Table::new(
        "sources",
        &[
            "id",
            "title",
            "kind",
            "authors",
            "cite_as",
            "publisher",
            "published",
            "url",
            "symbol",
            "accessed",
            "locator",
            "verification",
            "note",
        ],
    );
    for s in b.sources.iter().flat_map(|f| &f.sources) {
        t.rows.push(vec![
            s.id.to_string(),
            s.title.clone(),
            word(&s.kind),
            texts(s.authors.iter().map(String::as_str)),
            opt(s.cite_as.as_ref()),
            opt(s.publisher.as_ref()),
            opt(s.published.as_ref()),
            opt(s.url.as_ref()),
            opt(s.symbol.as_ref()),
            opt(s.accessed.as_ref()),
            opt(s.locator.as_ref()),
            word(&s.verification),
            opt(s.note.as_ref()),
        ]);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{fixture, to_csv};

    fn table(name: &str) -> Table {
        table_of(&fixture::dataset(), name)
    }

    fn table_of(dataset: &Dataset, name: &str) -> Table {
        tables(dataset)
            .expect("exportable")
            .into_iter()
            .find(|t| t.name == name)
            .unwrap_or_else(|| panic!("no table `{name}`"))
    }

    #[test]
    fn tables_come_in_a_stable_order() {
        let dataset = fixture::dataset();
        let names: Vec<&str> = tables(&dataset)
            .expect("exportable")
            .iter()
            .map(|t| t.name)
            .collect();
        assert_eq!(
            names,
            [
                "instrument",
                "text_versions",
                "milestones",
                "chapters",
                "articles",
                "provisions",
                "definitions",
                "data_categories",
                "sensitivity_categories",
                "safeguards",
                "powers",
                "power_data_categories",
                "power_safeguards",
                "offences",
                "analyses",
                "concerns",
                "recommendations",
                "quotes",
                "concordances",
                "concordance",
                "crosswalks",
                "crosswalk",
                "participation_notes",
                "signature_period",
                "reported_counts",
                "participation_steps",
                "statements",
                "assessments",
                "sources",
            ]
        );
    }

    #[test]
    fn the_instrument_its_milestones_and_the_files_notes_have_tables() {
        let dataset = crate::bundled().expect("the bundled dataset is valid");
        let instrument = table_of(dataset, "instrument");
        assert_eq!(instrument.rows.len(), 1);
        let cell = |t: &Table, row: usize, column: &str| {
            let i = t.columns.iter().position(|c| *c == column).expect(column);
            t.rows[row][i].clone()
        };
        assert_eq!(cell(&instrument, 0, "instruments_required"), "40");
        assert_eq!(cell(&instrument, 0, "days_after_deposit"), "90");
        assert_eq!(cell(&instrument, 0, "entry_into_force_provision"), "65(1)");
        let milestones = table_of(dataset, "milestones");
        assert!(
            (0..milestones.rows.len()).any(|r| cell(&milestones, r, "date") == "2024-12-24"),
            "{:?}",
            milestones.rows
        );
        assert_eq!(table_of(dataset, "participation_notes").rows.len(), 1);
        assert!(!table_of(dataset, "concordances").rows.is_empty());
        assert!(!table_of(dataset, "crosswalks").rows.is_empty());
    }

    #[test]
    fn every_row_has_one_cell_per_column() {
        let dataset = fixture::dataset();
        for t in tables(&dataset).expect("exportable") {
            for row in &t.rows {
                assert_eq!(row.len(), t.columns.len(), "a row of `{}`", t.name);
            }
        }
    }

    #[test]
    fn powers_csv_quotes_commas_and_quotes() {
        let expected = concat!(
            "text_version,id,name,provision,scope,obligation,summary,data_categories,",
            "sensitive_data,compellable,offence_classes,offence_scope_provision,",
            "offence_scope_note,offence_scope_sources,duration_max_days,duration_renewable,",
            "duration_renewals_limited,duration_provision,duration_note,duration_sources,",
            "confidentiality_status,confidentiality_bound,confidentiality_time_limit,",
            "confidentiality_provision,confidentiality_note,confidentiality_sources,",
            "domestic_counterpart,article_24_applies,article_24_provision,article_24_note,",
            "article_24_sources,sources\r\n",
            "final,expedited-preservation,Expedited preservation,25,domestic,mandatory,",
            "\"Orders a holder to keep data \"\"quickly\"\", for up to 90 days\",",
            "electronic-data,,person-with-data; service-provider,,,,,",
            "90,true,,25(2),,eff-2024-07-electronic-data,",
            "mandatory,service-provider,left-to-domestic-law,25(3),,eff-2024-07-electronic-data,",
            ",,,,,eff-2024-07-electronic-data\r\n",
        );
        assert_eq!(to_csv(&table("powers")), expected);
    }

    #[test]
    fn power_safeguards_csv_is_one_row_per_status() {
        let expected = concat!(
            "power,safeguard,status,provision,note,sources\r\n",
            "expedited-preservation,prior-judicial-authorisation,absent,,",
            "\"No judge, says \"\"eff-2024-07-electronic-data\"\", before preservation\",eff-2024-07-electronic-data\r\n",
        );
        assert_eq!(to_csv(&table("power_safeguards")), expected);
    }

    #[test]
    fn provisions_cover_every_level_in_document_order() {
        let provisions = table("provisions");
        let rows: Vec<[&str; 5]> = provisions
            .rows
            .iter()
            .map(|r| [&r[1], &r[2], &r[3], &r[4], &r[8]].map(String::as_str))
            .collect();
        assert_eq!(
            rows,
            [
                ["24", "art_24", "article", "", "verified"],
                ["24(1)", "art_24__para_1", "paragraph", "shall", ""],
                ["25", "art_25", "article", "shall", "unverified"],
                ["25(2)", "art_25__para_2", "paragraph", "shall", ""],
                [
                    "25(3)",
                    "art_25__para_3",
                    "paragraph",
                    "shall-as-appropriate",
                    ""
                ],
                ["25(3)(a)", "art_25__para_3__point_a", "point", "", "partly"],
            ]
        );
    }

    /// A term of Article 2 with a bare quotation and one whose note says it is a translation.
    const DEFINITIONS: &str = r#"# yaml-language-server: $schema=../schemas/definitions.schema.json
kind: definitions
schema_version: "1.0"
text_version: final
terms:
  - id: electronic-data
    term: electronic data
    # treaty: allow(unknown-provision) Chapter I is not in the fixture
    provision: 2(b)
    quotes:
      - text: any representation of facts
      - text: including a program
        note: Our translation from the official Arabic text.
    verification: verified
    sources: [eff-2024-07-electronic-data]
"#;

    #[test]
    fn quotes_csv_gives_each_quotation_its_note_its_sources_and_its_parent_s_key() {
        // The provision's quotation is one the analysis quotes from a draft: its own source and
        // note say so, where a quotes cell of the provision row would credit the row's sources.
        let dataset = fixture::dataset_edited_with(
            &[
                (
                    "chapter-04.yaml",
                    "          - text: up to a maximum of 90 days\n",
                    concat!(
                        "          - text: up to a maximum of 90 days\n",
                        "            note: Quoted by EFF, July 2024, from the May 2024 draft.\n",
                        "            sources: [eff-2024-07-electronic-data]\n",
                    ),
                ),
                (
                    "analysis.yaml",
                    "    missing_safeguards: [prior-judicial-authorisation]\n",
                    concat!(
                        "    missing_safeguards: [prior-judicial-authorisation]\n",
                        "    quotes:\n",
                        "      - text: quickly\n",
                        "        note: How fast the data must be kept.\n",
                    ),
                ),
            ],
            &[("definitions.yaml", DEFINITIONS)],
        );
        let csv = |name: &str| to_csv(&table_of(&dataset, name));
        assert_eq!(
            csv("quotes"),
            concat!(
                "parent_table,text_version,analysis,parent,text,note,sources\r\n",
                "provisions,final,,25(2),up to a maximum of 90 days,",
                "\"Quoted by EFF, July 2024, from the May 2024 draft.\",eff-2024-07-electronic-data\r\n",
                "definitions,final,,electronic-data,any representation of facts,,\r\n",
                "definitions,final,,electronic-data,including a program,",
                "Our translation from the official Arabic text.,\r\n",
                "concerns,,eff-2024-07,preservation-without-judge,quickly,",
                "How fast the data must be kept.,\r\n",
            )
        );
        // The parents no longer flatten quoted words beside their own sources.
        let headers: Vec<String> = ["provisions", "definitions", "concerns"]
            .map(|name| csv(name).lines().next().unwrap_or_default().to_owned())
            .into();
        assert_eq!(
            headers,
            [
                concat!(
                    "text_version,provision,eid,level,modality,summary,cross_references,",
                    "sources,verification,note",
                ),
                "text_version,id,term,provision,data_category,verification,summary,sources",
                concat!(
                    "analysis,concern,summary,provisions,powers,missing_safeguards,",
                    "data_categories,sensitive_data,sources",
                ),
            ]
        );
    }

    /// A participation file with its signature period and a reported count, and no state.
    const PARTICIPATION: &str = r#"# yaml-language-server: $schema=../schemas/participation.schema.json
kind: participation
schema_version: "1.0"
signature:
  # treaty: allow(unknown-provision) Chapter IX is not in the fixture
  provision: "64"
  opened: "2025-10-25"
  place: Hanoi, signing ceremony
  closes: "2026-12-31"
  verification: verified
  sources: [eff-2024-07-electronic-data]
reported_counts:
  - counted: signatories
    count: 72
    as_of: "2025-10"
    note: After the Hanoi ceremony.
    verification: partly
    sources: [eff-2024-07-electronic-data]
"#;

    #[test]
    fn the_signature_period_and_reported_counts_have_tables_with_their_sources() {
        let dataset = fixture::dataset_with(&[("participation.yaml", PARTICIPATION)]);
        let csv = |name: &str| to_csv(&table_of(&dataset, name));
        assert_eq!(
            csv("signature_period"),
            concat!(
                "provision,opened,place,closes,note,verification,sources\r\n",
                "64,2025-10-25,\"Hanoi, signing ceremony\",2026-12-31,,verified,",
                "eff-2024-07-electronic-data\r\n",
            )
        );
        assert_eq!(
            csv("reported_counts"),
            concat!(
                "counted,count,as_of,note,verification,sources\r\n",
                "signatories,72,2025-10,After the Hanoi ceremony.,partly,eff-2024-07-electronic-data\r\n",
            )
        );
    }

    #[test]
    fn nested_entities_carry_their_parents() {
        assert_eq!(
            table("recommendations").rows,
            [[
                "eff-2024-07",
                "preservation-without-judge",
                "make-mandatory",
                "Require prior judicial authorisation.",
                "",
                "prior-judicial-authorisation",
            ]]
        );
        assert_eq!(
            table("power_data_categories").rows,
            [["expedited-preservation", "electronic-data"]]
        );
    }

    #[test]
    fn sources_csv_has_what_a_citation_needs() {
        // An official document with a symbol and no address can be followed by its symbol.
        let official = r#"# yaml-language-server: $schema=../schemas/sources.schema.json
kind: sources
schema_version: "1.0"
sources:
  - id: untc-cn-196-2025
    title: Depositary notification C.N.196.2025.TREATIES-XVIII.16
    kind: official
    authors: [Secretary-General, "Treaty Section, Office of Legal Affairs"]
    cite_as: Depositary notification C.N.196.2025
    symbol: C.N.196.2025.TREATIES-XVIII.16
    published: "2025-05-13"
    verification: unverified
  - id: eff-2024-07-key-concerns
    title: Key concerns
    kind: analysis
    url: https://example.org/key-concerns
    accessed: "2025-02-01"
    verification: verified
"#;
        let dataset = fixture::dataset_with(&[("sources-official.yaml", official)]);
        let csv = to_csv(&table_of(&dataset, "sources"));
        let lines: Vec<&str> = csv.split_inclusive("\r\n").collect();
        assert_eq!(
            [lines[0], lines[2], lines[3]],
            [
                concat!(
                    "id,title,kind,authors,cite_as,publisher,published,url,symbol,accessed,",
                    "locator,verification,note\r\n",
                ),
                concat!(
                    "untc-cn-196-2025,Depositary notification C.N.196.2025.TREATIES-XVIII.16,",
                    "official,\"Secretary-General | Treaty Section, Office of Legal Affairs\",",
                    "Depositary notification C.N.196.2025,,2025-05-13,,",
                    "C.N.196.2025.TREATIES-XVIII.16,,,unverified,\r\n",
                ),
                concat!(
                    "eff-2024-07-key-concerns,Key concerns,analysis,,,,,",
                    "https://example.org/key-concerns,,2025-02-01,,verified,\r\n",
                ),
            ]
        );
    }

    /// Free-text lists split back on `|` into their items: `;` and `,` stay inside an item,
    /// and a `|` in an address is written `%7C`.
    #[test]
    fn free_text_lists_are_joined_with_the_bar_no_item_holds() {
        let citations: Vec<LegalCitation> = serde_json::from_value(serde_json::json!([
            {
                "law": "Act on Procedure; as amended, 2024",
                "provision": "art. 1",
                "url": "https://example.org/act?view=a|b"
            },
            { "law": "Act on Notice" }
        ]))
        .unwrap();
        assert_eq!(
            legal_basis(&citations),
            "Act on Procedure; as amended, 2024, art. 1 <https://example.org/act?view=a%7Cb> \
             | Act on Notice"
        );
        let refs: Vec<StandardRef> = serde_json::from_value(serde_json::json!([
            { "standard": "necessary-and-proportionate", "principle": "Legality; Legitimate Aim" },
            { "standard": "necessary-and-proportionate", "principle": "Necessity" }
        ]))
        .unwrap();
        assert_eq!(
            standards(&refs),
            "necessary-and-proportionate: Legality; Legitimate Aim \
             | necessary-and-proportionate: Necessity"
        );
    }

    #[test]
    fn assessment_rows_carry_their_own_sources_and_the_assessment_s_apart() {
        // The safeguard cites nothing: its cell stays empty rather than showing the power's
        // source, which says nothing about the safeguard.
        let dataset = fixture::dataset_with(&[("assessment.yaml", fixture::ASSESSMENT)]);
        assert_eq!(
            to_csv(&table_of(&dataset, "assessments")),
            concat!(
                "state,text_version,as_of,assessed_by,assessment_sources,power,safeguard,",
                "implemented,legal_basis,note,sources\r\n",
                "FRA,final,2025-01,Fixture team,eff-2024-07-electronic-data,",
                "expedited-preservation,,partly,",
                "\"Example Code, art. 1 <https://example.org/code>\",,eff-2024-07-electronic-data\r\n",
                "FRA,final,2025-01,Fixture team,eff-2024-07-electronic-data,",
                "expedited-preservation,prior-judicial-authorisation,no,,,\r\n",
            )
        );
    }
}
