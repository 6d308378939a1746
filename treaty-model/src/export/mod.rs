//! Exports for readers who do not load YAML: CSV tables, JSON Lines and a Markdown document.
//!
//! * [`tables`] flattens a [`Dataset`](crate::Dataset) into one [`Table`] per entity
//!   (articles, provisions, powers, safeguard statuses, concerns...) for spreadsheets, pandas
//!   or R; [`to_csv`] writes one table as RFC 4180 CSV.
//! * [`jsonl`] writes one JSON object per entity and line, tagged with the table name, for
//!   `jq`, log pipelines and line-oriented loaders.
//! * [`markdown`] renders the convention (its text versions, chapters, defined terms and
//!   offences), its powers, the articles of other treaties matched to it, the analyses, the
//!   vocabulary and the sources as one readable document in which every fact shows the ids of
//!   its sources.
//!
//! These exports are views: they flatten, and leave out the file headers (`kind`,
//! `schema_version`). The file-level records have rows or lines of their own: the instrument
//! (with its entry-into-force rule), each text version's milestones, each concordance's and
//! crosswalk's own note, and the participation file's note. The lossless interchange format is
//! the JSON bundle ([`Dataset::bundle`](crate::Dataset::bundle)).
//!
//! Each export refuses a dataset with a file written for a newer minor schema version
//! ([`NewerSchema`]): such a file is read tolerantly, without the fields this version does not
//! know and with `unrecognized` for the values it does not know, which is enough to check and
//! query it but would make an export silently incomplete. [`exportable`] is the same check, for
//! a program that writes the bundle itself.
//!
//! Conventions shared by the tables and the lines, so that the two can be joined:
//!
//! * Vocabulary values are written exactly as in the YAML (`cross-border`, `shall-as-appropriate`),
//!   taken from serde rather than from a hand-written match, so they cannot drift.
//! * Provision references are written in their canonical form (`28(4)(a)`), in the numbering
//!   of the row's `text_version` unless they carry their own prefix (`zero-draft:17`).
//! * Rows come in file order, then entry order; parent keys come first in a row.
//!
//! ```
//! let dataset = treaty_model::bundled().expect("the bundled dataset is valid");
//! let tables = treaty_model::export::tables(dataset)?;
//! let powers = tables.iter().find(|t| t.name == "powers").expect("a powers table");
//! let csv = treaty_model::export::to_csv(powers);
//! assert!(csv.starts_with("text_version,id,name,provision,"));
//! # Ok::<(), treaty_model::export::NewerSchema>(())
//! ```

mod csv;
mod guard;
mod jsonl;
mod markdown;
mod tables;

pub use self::csv::to_csv;
pub use self::guard::{NewerSchema, exportable};
pub use self::jsonl::jsonl;
pub use self::markdown::{markdown, markdown_has_section};
pub use self::tables::{Table, tables};

use std::fmt::Display;

use crate::ids::SourceId;
use crate::model::{Article, Modality, Paragraph, Point, Quote, Subpoint, Verification};
use crate::provision::ProvisionRef;

/// A vocabulary value as the YAML writes it.
fn word<T: Copy + Into<&'static str>>(value: &T) -> String {
    let name: &str = (*value).into();
    name.to_owned()
}

/// Vocabulary values joined with `sep`.
fn words<T: Copy + Into<&'static str>>(values: &[T], sep: &str) -> String {
    values.iter().map(word).collect::<Vec<_>>().join(sep)
}

/// An optional vocabulary value; empty when absent.
fn opt_word<T: Copy + Into<&'static str>>(value: Option<&T>) -> String {
    value.map(word).unwrap_or_default()
}

/// Ids or provisions joined with `sep`.
fn join<T: Display>(values: &[T], sep: &str) -> String {
    values
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(sep)
}

/// An optional value; empty when absent.
fn opt<T: Display>(value: Option<&T>) -> String {
    value.map(ToString::to_string).unwrap_or_default()
}

/// An optional boolean as `true`/`false`; empty when unknown, never guessed.
fn flag(value: Option<bool>) -> String {
    value.map(|b| b.to_string()).unwrap_or_default()
}

/// Source ids as the tables write them.
fn sources(ids: &[SourceId]) -> String {
    join(ids, "; ")
}

/// Free text as the tables write a list of it (authors, standards, legal bases): `|` is in no
/// name or title, unlike `;` and `,` (`Treaty Section, Office of Legal Affairs`), and
/// validation rejects the texts that would hold one, so the cell splits back on `|` into the
/// items.
fn texts<'s>(items: impl IntoIterator<Item = &'s str>) -> String {
    items.into_iter().collect::<Vec<_>>().join(" | ")
}

/// The depth of a provision in its article's tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
enum Level {
    Article,
    Paragraph,
    Point,
    Subpoint,
}

/// One entry of an article's tree, whatever its level.
#[derive(Debug, Clone, Copy)]
enum Entry<'a> {
    Article(&'a Article),
    Paragraph(&'a Paragraph),
    Point(&'a Point),
    Subpoint(&'a Subpoint),
}

/// A provision of the structure with the reference it has in its text version.
///
/// The tables, the lines and the document all walk articles the same way; one walker keeps
/// their references and order identical.
#[derive(Debug, Clone)]
struct Node<'a> {
    reference: ProvisionRef,
    level: Level,
    /// Nesting below the article: a point directly under an article is at depth 1.
    depth: usize,
    entry: Entry<'a>,
}

impl<'a> Node<'a> {
    fn modality(&self) -> Option<&'a Modality> {
        match self.entry {
            Entry::Article(a) => a.modality.as_ref(),
            Entry::Paragraph(p) => p.modality.as_ref(),
            Entry::Point(p) => p.modality.as_ref(),
            Entry::Subpoint(_) => None,
        }
    }

    fn summary(&self) -> Option<&'a str> {
        match self.entry {
            Entry::Article(a) => a.summary.as_deref(),
            Entry::Paragraph(p) => p.summary.as_deref(),
            Entry::Point(p) => p.summary.as_deref(),
            Entry::Subpoint(s) => s.summary.as_deref(),
        }
    }

    fn quotes(&self) -> &'a [Quote] {
        match self.entry {
            Entry::Article(a) => &a.quotes,
            Entry::Paragraph(p) => &p.quotes,
            Entry::Point(p) => &p.quotes,
            Entry::Subpoint(s) => &s.quotes,
        }
    }

    fn cross_references(&self) -> &'a [ProvisionRef] {
        match self.entry {
            Entry::Article(a) => &a.cross_references,
            Entry::Paragraph(p) => &p.cross_references,
            Entry::Point(p) => &p.cross_references,
            Entry::Subpoint(_) => &[],
        }
    }

    /// The entry's own verification; `None` where it follows the article's.
    fn verification(&self) -> Option<&'a Verification> {
        match self.entry {
            Entry::Article(a) => Some(&a.verification),
            Entry::Paragraph(p) => p.verification.as_ref(),
            Entry::Point(p) => p.verification.as_ref(),
            Entry::Subpoint(_) => None,
        }
    }

    fn note(&self) -> Option<&'a str> {
        match self.entry {
            Entry::Paragraph(p) => p.note.as_deref(),
            Entry::Point(p) => p.note.as_deref(),
            Entry::Article(_) | Entry::Subpoint(_) => None,
        }
    }

    fn sources(&self) -> &'a [SourceId] {
        match self.entry {
            Entry::Article(a) => &a.sources,
            Entry::Paragraph(p) => &p.sources,
            Entry::Point(p) => &p.sources,
            Entry::Subpoint(s) => &s.sources,
        }
    }
}

/// Every provision of an article, the article first, in document order (depth first).
fn provisions(article: &Article) -> Vec<Node<'_>> {
    let reference = ProvisionRef::article(article.number);
    let mut out = vec![Node {
        reference: reference.clone(),
        level: Level::Article,
        depth: 0,
        entry: Entry::Article(article),
    }];
    for point in &article.points {
        push_point(&mut out, &reference, point, 1);
    }
    for paragraph in &article.paragraphs {
        let reference = reference.clone().with_paragraph(paragraph.number);
        out.push(Node {
            reference: reference.clone(),
            level: Level::Paragraph,
            depth: 1,
            entry: Entry::Paragraph(paragraph),
        });
        for point in &paragraph.points {
            push_point(&mut out, &reference, point, 2);
        }
    }
    out
}

fn push_point<'a>(out: &mut Vec<Node<'a>>, parent: &ProvisionRef, point: &'a Point, depth: usize) {
    // The schema restricts letters and numerals to what references accept; an entry that
    // still fails to parse has no reference to export under, so it is left out.
    let Some(reference) = child(parent, &point.letter) else {
        return;
    };
    out.push(Node {
        reference: reference.clone(),
        level: Level::Point,
        depth,
        entry: Entry::Point(point),
    });
    for subpoint in &point.subpoints {
        if let Some(r) = child(&reference, &subpoint.numeral) {
            out.push(Node {
                reference: r,
                level: Level::Subpoint,
                depth: depth + 1,
                entry: Entry::Subpoint(subpoint),
            });
        }
    }
}

/// `parent` narrowed by one bracketed segment, through the parser so numerals are checked too.
fn child(parent: &ProvisionRef, segment: &str) -> Option<ProvisionRef> {
    format!("{parent}({segment})").parse().ok()
}

/// A tiny valid dataset shared by the tests of the export modules.
#[cfg(test)]
mod fixture {
    use crate::dataset::Dataset;
    use crate::validate::{Input, Options, validate_inputs};

    const INSTRUMENT: &str = r#"# yaml-language-server: $schema=../schemas/instrument.schema.json
kind: instrument
schema_version: "1.0"
id: un-convention-against-cybercrime
short_title: UN Convention against Cybercrime
official_title: United Nations Convention against Cybercrime
text_versions:
  - id: final
    label: Final text
    stage: final
    symbol: A/RES/79/243
    date: "2024-12-24"
    verification: verified
    summary: The text adopted by the General Assembly.
    sources: [eff-2024-07-electronic-data]
entry_into_force:
  # treaty: allow(unknown-provision) Article 65 is in Chapter IX, which the fixture leaves out
  provision: 65(1)
  instruments_required: 40
  days_after_deposit: 90
  verification: verified
  sources: [eff-2024-07-electronic-data]
sources: [eff-2024-07-electronic-data]
"#;

    const SOURCES: &str = r#"# yaml-language-server: $schema=../schemas/sources.schema.json
kind: sources
schema_version: "1.0"
sources:
  - id: eff-2024-07-electronic-data
    title: UN Cybercrime Draft Convention Dangerously Expands State Surveillance Powers
    kind: analysis
    publisher: Electronic Frontier Foundation
    published: 2024-07
    url: https://www.eff.org/deeplinks/2024/07/un-cybercrime-draft-convention-dangerously-expands-state-surveillance-powers
    verification: verified
"#;

    const CHAPTER: &str = r#"# yaml-language-server: $schema=../schemas/chapter.schema.json
kind: chapter
schema_version: "1.0"
text_version: final
number: IV
title: Procedural measures and law enforcement
verification: verified
articles:
  - number: 24
    title: Conditions and safeguards
    verification: verified
    paragraphs:
      - number: 1
        modality: shall
        summary: Conditions and safeguards under domestic law.
        sources: [eff-2024-07-electronic-data]
    sources: [eff-2024-07-electronic-data]
  - number: 25
    title: Expedited preservation of stored electronic data
    verification: unverified
    modality: shall
    summary: Quick preservation of specified electronic data.
    paragraphs:
      - number: 2
        modality: shall
        summary: Keep the data for up to 90 days, renewable.
        quotes:
          - text: up to a maximum of 90 days
        sources: [eff-2024-07-electronic-data]
      - number: 3
        modality: shall-as-appropriate
        summary: Keep the order secret.
        cross_references: ["24"]
        points:
          - letter: a
            summary: For a period set by domestic law.
            verification: partly
            sources: [eff-2024-07-electronic-data]
        sources: [eff-2024-07-electronic-data]
    sources: [eff-2024-07-electronic-data]
sources: [eff-2024-07-electronic-data]
"#;

    const DATA_CATEGORIES: &str = r#"# yaml-language-server: $schema=../schemas/data-categories.schema.json
kind: data-categories
schema_version: "1.0"
categories:
  - id: electronic-data
    name: Electronic data
    summary: Any data an ICT system can process.
    sources: [eff-2024-07-electronic-data]
"#;

    const SAFEGUARDS: &str = r#"# yaml-language-server: $schema=../schemas/safeguards.schema.json
kind: safeguards
schema_version: "1.0"
safeguards:
  - id: prior-judicial-authorisation
    name: Prior judicial authorisation
    family: surveillance-principle
    summary: A judge authorises the measure before it is used.
    sources: [eff-2024-07-electronic-data]
"#;

    const POWERS: &str = r#"# yaml-language-server: $schema=../schemas/powers.schema.json
kind: powers
schema_version: "1.0"
text_version: final
powers:
  - id: expedited-preservation
    name: Expedited preservation
    provision: "25"
    scope: domestic
    obligation: mandatory
    summary: 'Orders a holder to keep data "quickly", for up to 90 days'
    data_categories: [electronic-data]
    compellable: [person-with-data, service-provider]
    duration:
      max_days: 90
      renewable: true
      provision: 25(2)
      sources: [eff-2024-07-electronic-data]
    confidentiality:
      status: mandatory
      bound: [service-provider]
      time_limit: left-to-domestic-law
      provision: 25(3)
      sources: [eff-2024-07-electronic-data]
    safeguards:
      - safeguard: prior-judicial-authorisation
        status: absent
        note: No judge, says "eff-2024-07-electronic-data", before preservation
        sources: [eff-2024-07-electronic-data]
    sources: [eff-2024-07-electronic-data]
"#;

    const ANALYSIS: &str = r#"# yaml-language-server: $schema=../schemas/analysis.schema.json
kind: analysis
schema_version: "1.0"
id: eff-2024-07
title: Dangerously expands state surveillance powers
publisher: Electronic Frontier Foundation
genre: analysis
published: 2024-07
text_version: final
source: eff-2024-07-electronic-data
summary: The powers lack robust safeguards.
concerns:
  - id: preservation-without-judge
    summary: Preservation needs no prior judicial authorisation.
    provisions: [25(2)]
    powers: [expedited-preservation]
    missing_safeguards: [prior-judicial-authorisation]
    recommendations:
      - action: make-mandatory
        summary: Require prior judicial authorisation.
        safeguards: [prior-judicial-authorisation]
    sources: [eff-2024-07-electronic-data]
"#;

    /// An assessment with a summary, one power, which cites a source, and one safeguard, which
    /// cites none.
    pub(super) const ASSESSMENT: &str = r#"# yaml-language-server: $schema=../schemas/assessment.schema.json
kind: assessment
schema_version: "1.0"
state: FRA
text_version: final
as_of: 2025-01
assessed_by: Fixture team
summary: Preservation exists; no judge orders it.
powers:
  - power: expedited-preservation
    implemented: partly
    legal_basis:
      - law: Example Code
        provision: art. 1
        url: https://example.org/code
    safeguards:
      - safeguard: prior-judicial-authorisation
        implemented: "no"
    sources: [eff-2024-07-electronic-data]
sources: [eff-2024-07-electronic-data]
"#;

    /// Two offences: one with its requirements recorded and a summary, one with neither.
    pub(super) const OFFENCES: &str = r#"# yaml-language-server: $schema=../schemas/offences.schema.json
kind: offences
schema_version: "1.0"
text_version: final
offences:
  - id: illegal-access
    name: Illegal access
    # treaty: allow(unknown-provision) Chapter II is not in the fixture
    provision: "7"
    core_cybercrime: true
    summary: Access to an ICT system without right; security research at risk.
    intent_requirement:
      status: discretionary
      # treaty: allow(unknown-provision) Chapter II is not in the fixture
      provision: 7(2)
      note: States may add a requirement of dishonest intent.
      sources: [eff-2024-07-electronic-data]
    public_interest_exemption:
      status: absent
      note: No exemption for security research, says EFF.
      sources: [eff-2024-07-electronic-data]
    sources: [eff-2024-07-electronic-data]
  - id: laundering
    name: Laundering of proceeds of crime
    # treaty: allow(unknown-provision) Chapter II is not in the fixture
    provision: "17"
    core_cybercrime: false
    sources: [eff-2024-07-electronic-data]
"#;

    /// Two terms: one verified, with a quote and the data category it defines; one unverified,
    /// with no summary.
    pub(super) const DEFINITIONS: &str = r#"# yaml-language-server: $schema=../schemas/definitions.schema.json
kind: definitions
schema_version: "1.0"
text_version: final
terms:
  - id: electronic-data
    term: electronic data
    # treaty: allow(unknown-provision) Chapter I is not in the fixture
    provision: 2(b)
    summary: Any representation of facts that an ICT system can process.
    quotes:
      - text: any representation of facts
        note: as EFF quotes the draft
        sources: [eff-2024-07-electronic-data]
    data_category: electronic-data
    verification: verified
    sources: [eff-2024-07-electronic-data]
  - id: service-provider
    term: service provider
    # treaty: allow(unknown-provision) Chapter I is not in the fixture
    provision: 2(e)
    verification: unverified
    sources: [eff-2024-07-electronic-data]
"#;

    /// A crosswalk with the file's own note, an entry matched to the fixture's Article 25 and
    /// an article of the other treaty with no counterpart.
    pub(super) const CROSSWALK: &str = r#"# yaml-language-server: $schema=../schemas/crosswalk.schema.json
kind: crosswalk
schema_version: "1.0"
text_version: final
other:
  id: budapest-convention
  title: Convention on Cybercrime
  symbol: ETS No. 185
note: Matched by subject; not an official concordance.
entries:
  - provision: "25"
    other_provision: "16"
    other_title: Expedited preservation of stored computer data
    relation: corresponds
    verification: partly
    sources: [eff-2024-07-electronic-data]
  - other_provision: "22"
    other_title: Jurisdiction
    relation: no-counterpart
    note: Fixture entry.
    verification: unverified
    sources: [eff-2024-07-electronic-data]
"#;

    /// One sensitive category, which no power of the fixture names.
    pub(super) const SENSITIVITY_CATEGORIES: &str = r#"# yaml-language-server: $schema=../schemas/sensitivity-categories.schema.json
kind: sensitivity-categories
schema_version: "1.0"
categories:
  - id: location
    name: Location data
    summary: Where a person is or was.
    sources: [eff-2024-07-electronic-data]
"#;

    /// The fixture, validated; panics with the diagnostics when it is not valid.
    pub(super) fn dataset() -> Dataset {
        dataset_with(&[])
    }

    const FILES: [(&str, &str); 7] = [
        ("instrument.yaml", INSTRUMENT),
        ("sources.yaml", SOURCES),
        ("chapter-04.yaml", CHAPTER),
        ("data-categories.yaml", DATA_CATEGORIES),
        ("safeguards.yaml", SAFEGUARDS),
        ("powers.yaml", POWERS),
        ("analysis.yaml", ANALYSIS),
    ];

    /// The fixture and `extra` files (name, text), validated.
    pub(super) fn dataset_with(extra: &[(&str, &str)]) -> Dataset {
        validated(
            FILES
                .iter()
                .chain(extra)
                .map(|&(path, text)| (path, text.to_owned())),
        )
    }

    /// The fixture with text replaced, validated: each edit is (file name, text, replacement).
    pub(super) fn dataset_edited(edits: &[(&str, &str, &str)]) -> Dataset {
        dataset_edited_with(edits, &[])
    }

    /// The fixture with text replaced, as [`dataset_edited`], and `extra` files added.
    pub(super) fn dataset_edited_with(
        edits: &[(&str, &str, &str)],
        extra: &[(&str, &str)],
    ) -> Dataset {
        let edited = FILES.iter().map(|&(path, text)| {
            let mut text = text.to_owned();
            for (_, from, to) in edits.iter().filter(|(file, ..)| *file == path) {
                assert!(text.contains(from), "{path} has no {from:?}");
                text = text.replace(from, to);
            }
            (path, text)
        });
        validated(edited.chain(extra.iter().map(|&(path, text)| (path, text.to_owned()))))
    }

    fn validated<'p>(files: impl Iterator<Item = (&'p str, String)>) -> Dataset {
        let inputs: Vec<Input> = files
            .map(|(path, text)| Input::new(format!("datasets/{path}"), text.into_bytes()))
            .collect();
        let validation = validate_inputs(&inputs, &Options::default());
        let shown: Vec<String> = validation
            .report
            .diagnostics
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(shown.is_empty(), "the fixture has diagnostics:\n{shown:#?}");
        validation.dataset.expect("a dataset without diagnostics")
    }
}
