//! Templates for new dataset files, so that a contributor starts from a file that already has
//! the right shape and only fills in what they know.
//!
//! [`assessment`] builds the document of a new implementation assessment (file kind
//! `assessment`) from a [`Dataset`]: one entry per power of the final text, and under each power
//! one entry per safeguard that the dataset records for it, every one `implemented: unknown`.
//! [`assessment_yaml`] writes it as a YAML file with the editor modeline and a comment that
//! explains how to fill it in.
//!
//! The template is valid except for one deliberate gap: the schema requires at least one source
//! for the assessment, and the template cannot know it. It cites the placeholder
//! [`PLACEHOLDER_SOURCE`], which `treaty validate` reports as `unknown-reference` until the
//! contributor adds the documents they rely on to `sources.yaml`.
//!
//! ```
//! let dataset = treaty_model::bundled().expect("the bundled dataset is valid");
//! let state = "ISL".parse().expect("an assigned code");
//! let as_of = "2026-01".parse().expect("a partial date");
//! let yaml = treaty_model::scaffold::assessment_yaml(dataset, state, as_of);
//! assert!(yaml.starts_with("# yaml-language-server: $schema=../../schemas/assessment.schema.json\n"));
//! assert!(yaml.contains("\nkind: assessment\n"));
//! ```
//!
//! [`analysis`] starts the file of a published analysis from the publication's entry in the
//! dataset's sources: the analysis takes the source's id as its own, and its title, publisher,
//! genre and date. What only a reader of the analysis knows (the text version it discusses, its
//! summary, its concerns) is left as `""`, which `treaty validate` reports until it is filled
//! in, so a template left half done cannot pass for data. [`Template::blanks`] names them.
//!
//! ```
//! let dataset = treaty_model::bundled().expect("the bundled dataset is valid");
//! // An analysis of this publication is already in the dataset, under another id.
//! let err = treaty_model::scaffold::analysis(dataset, "eff-2024-adopted-text-risks", None).unwrap_err();
//! assert!(err.to_string().contains("`eff-2024-08-human-rights-risks`"));
//! ```

use std::collections::HashSet;
use std::fmt;

use serde_json::{Map, Value};

use crate::dataset::Dataset;
use crate::date::PartialDate;
use crate::ids::{AnalysisId, SourceId, TextVersionId};
use crate::model::{FileKind, Genre, Power, PowerScope, SchemaVersion, SourceKind};
use crate::state::StateCode;

/// The source id a new assessment cites until the contributor replaces it with real ones.
pub const PLACEHOLDER_SOURCE: &str = "assessment-source";

/// The value of `implemented` in a new template: nothing is assessed yet.
const UNKNOWN: &str = "unknown";

/// A value of an analysis template that only the contributor can give. Empty, because the
/// validator reports an empty text, id, date or genre where it stands, and would accept a
/// value that merely looks like data.
const BLANK: &str = "";

/// Where the assessment of `state` lives in the repository: `datasets/assessments/isl.yaml`.
pub fn assessment_path(state: StateCode) -> String {
    dataset_path("assessments", &state.as_str().to_ascii_lowercase())
}

/// `datasets/<folder>/<name>.yaml`: every template is meant for a folder of the repository's
/// dataset, which is what [`file_text`]'s relative modeline assumes.
fn dataset_path(folder: &str, name: &str) -> String {
    format!("datasets/{folder}/{name}.yaml")
}

/// Where a template's modeline looks for the schemas: from a folder of the repository's
/// dataset (`datasets/<folder>/`).
const SCHEMAS: &str = "../../schemas/";

/// The text of a new file of `kind`: the editor modeline, `comment` (whole `#` lines), then
/// `doc` written by [`crate::convert::to_yaml`].
fn file_text(kind: FileKind, comment: &str, doc: &Value) -> String {
    format!(
        "# yaml-language-server: $schema={SCHEMAS}{}\n{comment}{}",
        crate::schema::file_name(kind),
        crate::convert::to_yaml(doc)
    )
}

/// `text`, a template of this module for a file of `kind`, to be written at `file`: its
/// modeline is written for a folder of the repository's dataset, and from elsewhere names no
/// schema, which leaves an editor checking nothing. Where a `schemas/` folder above `file`
/// holds the schema, the modeline points at it instead; where none does (a draft kept apart,
/// a folder that does not exist yet), the text is returned as it is, as `treaty validate` then
/// says nothing of its modeline either.
///
/// ```
/// use treaty_model::model::FileKind;
/// let text = "# yaml-language-server: $schema=../../schemas/assessment.schema.json\nkind: assessment\n";
/// // No `schemas/` above this file: unchanged.
/// let placed = treaty_model::scaffold::placed_at(text.to_owned(), FileKind::Assessment, "/nowhere/isl.yaml".as_ref());
/// assert_eq!(placed, text);
/// ```
pub fn placed_at(text: String, kind: FileKind, file: &std::path::Path) -> String {
    let name = crate::schema::file_name(kind);
    let written = format!("{SCHEMAS}{name}");
    match crate::schema::modeline_correction(crate::schema::folder_of(file), &written, &name) {
        Some(target) => text.replacen(
            &format!("$schema={written}\n"),
            &format!("$schema={target}\n"),
            1,
        ),
        None => text,
    }
}

/// `kind` and `schema_version`, which every document starts with.
fn header(kind: FileKind) -> Map<String, Value> {
    let mut doc = Map::new();
    doc.insert("kind".into(), kind.as_str().into());
    doc.insert(
        "schema_version".into(),
        SchemaVersion::CURRENT.to_string().into(),
    );
    doc
}

/// The document of a new `assessment` file for `state`, as of the date of the law assessed.
///
/// It holds `kind`, `schema_version`, `state`, `text_version: final`, `as_of`, one `powers`
/// entry per power of the final text (domestic powers first, then cross-border ones, each in
/// file order) with `implemented: unknown` and one `safeguards` entry per safeguard that the
/// dataset records for the power (in the dataset's order, each once), also `unknown`; and
/// `sources: [assessment-source]` ([`PLACEHOLDER_SOURCE`]). Keys are in the order of the model,
/// so that [`crate::convert::to_yaml`] writes a file that reads like the datasets.
pub fn assessment(dataset: &Dataset, state: StateCode, as_of: PartialDate) -> Value {
    let final_text = TextVersionId::final_text();
    let mut powers: Vec<&Power> = dataset
        .bundle()
        .powers
        .iter()
        .filter(|file| file.text_version == final_text)
        .flat_map(|file| file.powers.iter())
        .collect();
    // Files come in path order (`cross-border.yaml` before `domestic.yaml`); the stable sort
    // puts Chapter IV before Chapter V and keeps file order within each.
    powers.sort_by_key(|p| scope_rank(p.scope));

    let mut doc = header(FileKind::Assessment);
    doc.insert("state".into(), state.as_str().into());
    doc.insert("text_version".into(), final_text.as_str().into());
    doc.insert("as_of".into(), as_of.to_string().into());
    if !powers.is_empty() {
        doc.insert(
            "powers".into(),
            powers.into_iter().map(power_entry).collect(),
        );
    }
    doc.insert(
        "sources".into(),
        Value::Array(vec![PLACEHOLDER_SOURCE.into()]),
    );
    Value::Object(doc)
}

fn scope_rank(scope: PowerScope) -> u8 {
    match scope {
        PowerScope::Domestic => 0,
        PowerScope::CrossBorder => 1,
        _ => 2,
    }
}

/// `power`, `implemented: unknown`, and the power's safeguards, each once.
fn power_entry(power: &Power) -> Value {
    let mut seen = HashSet::new();
    let safeguards: Vec<Value> = power
        .safeguards
        .iter()
        .filter(|s| seen.insert(s.safeguard.as_str()))
        .map(|s| {
            let mut entry = Map::new();
            entry.insert("safeguard".into(), s.safeguard.as_str().into());
            entry.insert("implemented".into(), UNKNOWN.into());
            Value::Object(entry)
        })
        .collect();
    let mut entry = Map::new();
    entry.insert("power".into(), power.id.as_str().into());
    entry.insert("implemented".into(), UNKNOWN.into());
    if !safeguards.is_empty() {
        entry.insert("safeguards".into(), Value::Array(safeguards));
    }
    Value::Object(entry)
}

/// The text of a new `assessment` file: the editor modeline, a comment on how to fill it in,
/// then [`assessment`] written by [`crate::convert::to_yaml`].
///
/// The modeline is relative to [`assessment_path`] (`datasets/assessments/<xxx>.yaml`), where
/// the file is meant to be saved.
pub fn assessment_yaml(dataset: &Dataset, state: StateCode, as_of: PartialDate) -> String {
    let path = assessment_path(state);
    let comment = format!(
        "# Implementation assessment of {state}: how its domestic law implements each power of the
# convention (final text) and the safeguards the dataset records for that power.
# Save it as {path}; guide: docs/ASSESSMENTS.md.
#
# For each power and each of its safeguards, set `implemented` to one of:
#   \"yes\"    domestic law provides it fully
#   partly   domestic law provides it in part, or with exceptions
#   \"no\"     domestic law does not provide it
#   unknown  not assessed yet, or the sources do not say (leave it so rather than guess)
# Keep the quotes around \"yes\" and \"no\": unquoted, YAML 1.1 tools read them as booleans,
# and `treaty validate` warns (yaml11-boolean).
#
# Under a power or safeguard, cite the domestic provisions (`law` is required) and the sources:
#     legal_basis:
#       - law: Code of Criminal Procedure
#         provision: art. 185
#         url: https://example.org/official-text
#     note: Details in your own words.
#     sources: [source-id]
# Add `assessed_by:` and a `summary:` of the findings above `powers:` when you have them.
#
# `{PLACEHOLDER_SOURCE}` below is a placeholder: add the documents the assessment relies on to
# datasets/sources.yaml and cite their ids instead. Until then `treaty validate` reports
# `unknown-reference` for it, as a reminder.
"
    );
    file_text(
        FileKind::Assessment,
        &comment,
        &assessment(dataset, state, as_of),
    )
}

/// A new dataset file, ready to be saved and filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Template {
    /// Where the file is meant to be saved, from the repository's root
    /// (`datasets/analyses/<id>.yaml`); its modeline is relative to it.
    pub path: String,
    /// The file: the editor modeline, a comment on how to fill it in, then the document, its
    /// keys in the order of the model.
    pub text: String,
    /// The values left for the contributor (`""`), in file order, each named by its path in
    /// the document (`summary`, `concerns[0].id`). `treaty validate` reports each until it is
    /// filled in.
    pub blanks: Vec<String>,
}

/// Why no analysis template was made.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum NewAnalysisError {
    /// No source of the dataset has this id.
    UnknownSource {
        /// The id asked for.
        id: String,
        /// The source id closest to it, when one is close enough to be a likely typo.
        suggestion: Option<SourceId>,
    },
    /// An analysis already has the id the new one would take.
    IdTaken {
        /// The id.
        id: AnalysisId,
        /// The file that holds that analysis.
        file: String,
    },
    /// An analysis of this source is already in the dataset, under another id.
    AlreadyAnalysed {
        /// The source.
        source: SourceId,
        /// The analysis drawn from it.
        analysis: AnalysisId,
        /// The file that holds that analysis.
        file: String,
    },
}

impl fmt::Display for NewAnalysisError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::UnknownSource {
                id,
                suggestion: Some(s),
            } => write!(f, "no source has the id `{id}`; did you mean `{s}`?"),
            Self::UnknownSource {
                id,
                suggestion: None,
            } => write!(
                f,
                "no source has the id `{id}`: add the publication to the dataset's sources first"
            ),
            Self::IdTaken { id, file } => write!(
                f,
                "the analysis `{id}` already exists, in `{file}`: edit it rather than start another"
            ),
            Self::AlreadyAnalysed {
                source,
                analysis,
                file,
            } => write!(
                f,
                "the source `{source}` is already analysed, by `{analysis}` in `{file}`: edit it \
                 rather than start another"
            ),
        }
    }
}

impl std::error::Error for NewAnalysisError {}

/// The template of a new `analysis` file drawn from the source `source` of `dataset`, the entry
/// of the publication analysed (datasets/README.md, "Adding an analysis").
///
/// The analysis takes `id` as its `id` and file name, by default the source's id (a file
/// started over in place keeps the id it had), and the source's `title`, `publisher`,
/// `published` and, for a source of kind `analysis` or `news`, `genre`.
/// `text_version`, `summary` and one concern (its `id` and `summary`, citing the source) are
/// left blank, and so are `publisher`, `published` and `genre` when the source does not give
/// them: see [`Template::blanks`].
///
/// A source that is not in the dataset, or that an analysis already draws on, or whose id an
/// analysis already has, is refused: the contributor has an entry to add or a file to edit.
pub fn analysis(
    dataset: &Dataset,
    source: &str,
    id: Option<&AnalysisId>,
) -> Result<Template, NewAnalysisError> {
    let sources = || dataset.bundle().sources.iter().flat_map(|f| &f.sources);
    let Some(entry) = sources().find(|s| s.id.as_str() == source) else {
        return Err(NewAnalysisError::UnknownSource {
            id: source.to_owned(),
            suggestion: crate::suggest::closest(source, sources().map(|s| s.id.as_str()))
                .and_then(|s| SourceId::new(s).ok()),
        });
    };
    // Each analysis file holds one analysis, and both lists are in path order.
    let files = dataset
        .files()
        .iter()
        .filter(|(_, kind)| *kind == FileKind::Analysis)
        .map(|(path, _)| path);
    let id = id.map_or(source, AnalysisId::as_str);
    for (existing, file) in dataset.bundle().analyses.iter().zip(files) {
        if existing.id.as_str() == id {
            return Err(NewAnalysisError::IdTaken {
                id: existing.id.clone(),
                file: file.clone(),
            });
        }
        if existing.source == entry.id {
            return Err(NewAnalysisError::AlreadyAnalysed {
                source: entry.id.clone(),
                analysis: existing.id.clone(),
                file: file.clone(),
            });
        }
    }

    let genre: &str = match entry.kind {
        SourceKind::Analysis => Genre::Analysis.into(),
        SourceKind::News => Genre::News.into(),
        // An official document, a standard or a compilation is no published analysis as the
        // genres know them: the contributor says what it is, or picks another source.
        _ => BLANK,
    };
    let mut concern = Map::new();
    concern.insert("id".into(), BLANK.into());
    concern.insert("summary".into(), BLANK.into());
    concern.insert("sources".into(), Value::Array(vec![source.into()]));

    let mut doc = header(FileKind::Analysis);
    doc.insert("id".into(), id.into());
    doc.insert("title".into(), entry.title.as_str().into());
    doc.insert(
        "publisher".into(),
        entry.publisher.as_deref().unwrap_or(BLANK).into(),
    );
    doc.insert("genre".into(), genre.into());
    doc.insert(
        "published".into(),
        entry
            .published
            .map_or_else(|| BLANK.to_owned(), |d| d.to_string())
            .into(),
    );
    doc.insert("text_version".into(), BLANK.into());
    doc.insert("source".into(), source.into());
    doc.insert("summary".into(), BLANK.into());
    doc.insert(
        "concerns".into(),
        Value::Array(vec![Value::Object(concern)]),
    );
    let doc = Value::Object(doc);

    let path = dataset_path("analyses", id);
    let comment = analysis_comment(dataset, &entry.citation(), source, &path);
    let mut blanks = Vec::new();
    find_blanks(&doc, String::new(), &mut blanks);
    Ok(Template {
        text: file_text(FileKind::Analysis, &comment, &doc),
        path,
        blanks,
    })
}

/// How to fill in an analysis template: what each blank asks for, and the shape of a concern.
fn analysis_comment(dataset: &Dataset, citation: &str, source: &str, path: &str) -> String {
    let versions: Vec<String> = dataset
        .instrument()
        .map(|i| &i.text_versions[..])
        .unwrap_or_default()
        .iter()
        .map(|v| format!("`{}`", v.id))
        .collect();
    let versions = match versions.split_last() {
        None => "a text version of the instrument file".to_owned(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    };
    format!(
        "# Analysis of {citation} (source `{source}`).
# Save it as {path}, named after its id.
# Guide: datasets/README.md, \"Adding an analysis\".
#
# `title`, `publisher`, `genre` and `published` are the source's: check them against the
# publication (`genre: statement` for a joint statement or letter). Every \"\" is yours to fill
# in, and `treaty validate` reports each one until you do:
#   text_version  the text the analysis discusses, whose numbering its provisions keep:
#                 {versions}
#   summary       what it argues overall, in your own words
#   concerns      one entry per concern, paragraph by paragraph: an `id` naming the concern,
#                 its `summary` in your own words, and what the analysis ties it to:
#     provisions: [2(b), \"27\"]
#     powers: [production-order-electronic-data]
#     missing_safeguards: [sensitive-data-protection]
#     recommendations:
#       - action: add
#         summary: What it recommends, in your own words.
#         safeguards: [sensitive-data-protection]
# A concern the analysis ties to no article gets no provision or power; leave out what it
# does not say.
"
    )
}

/// The path of every empty text in `value`, in document order, written from `at`.
fn find_blanks(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::String(s) if s.is_empty() => out.push(at),
        Value::Object(map) => {
            for (key, v) in map {
                let path = if at.is_empty() {
                    key.clone()
                } else {
                    format!("{at}.{key}")
                };
                find_blanks(v, path, out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                find_blanks(v, format!("{at}[{i}]"), out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Code;
    use crate::model::{Assessment, Implementation};
    use crate::validate::{Input, Options, Validation, validate_inputs};

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
    sources: [test-source]
entry_into_force:
  # treaty: allow(unknown-provision) Article 65 is in Chapter IX, which the fixture leaves out
  provision: 65(1)
  instruments_required: 40
  days_after_deposit: 90
  verification: verified
  sources: [test-source]
sources: [test-source]
"#;

    const SOURCES: &str = r#"# yaml-language-server: $schema=../schemas/sources.schema.json
kind: sources
schema_version: "1.0"
sources:
  - id: test-source
    title: Test source
    kind: analysis
    publisher: Test publisher
    published: 2024-07
    url: https://example.org/test-source
    verification: verified
"#;

    const CHAPTER_IV: &str = r#"# yaml-language-server: $schema=../schemas/chapter.schema.json
kind: chapter
schema_version: "1.0"
text_version: final
number: IV
title: Procedural measures and law enforcement
verification: verified
articles:
  - number: 25
    title: Expedited preservation of stored electronic data
    verification: verified
    sources: [test-source]
  - number: 27
    title: Production order
    verification: verified
    sources: [test-source]
sources: [test-source]
"#;

    const CHAPTER_V: &str = r#"# yaml-language-server: $schema=../schemas/chapter.schema.json
kind: chapter
schema_version: "1.0"
text_version: final
number: V
title: International cooperation
verification: verified
articles:
  - number: 41
    title: 24/7 network
    verification: verified
    sources: [test-source]
sources: [test-source]
"#;

    const DATA_CATEGORIES: &str = r#"# yaml-language-server: $schema=../schemas/data-categories.schema.json
kind: data-categories
schema_version: "1.0"
categories:
  - id: electronic-data
    name: Electronic data
    summary: Any data an ICT system can process.
    sources: [test-source]
"#;

    const SAFEGUARDS: &str = r#"# yaml-language-server: $schema=../schemas/safeguards.schema.json
kind: safeguards
schema_version: "1.0"
safeguards:
  - id: prior-judicial-authorisation
    name: Prior judicial authorisation
    family: surveillance-principle
    summary: A judge authorises the measure before it is used.
    sources: [test-source]
  - id: user-notification
    name: User notification
    family: surveillance-principle
    summary: The person concerned is told, once that no longer defeats the measure.
    sources: [test-source]
"#;

    /// Sorts before `domestic.yaml`: the template must still list domestic powers first.
    const CROSS_BORDER: &str = r#"# yaml-language-server: $schema=../../schemas/powers.schema.json
kind: powers
schema_version: "1.0"
text_version: final
powers:
  - id: network-24-7
    name: 24/7 network
    provision: "41"
    scope: cross-border
    obligation: mandatory
    summary: A point of contact available at all hours.
    data_categories: [electronic-data]
    sources: [test-source]
"#;

    const DOMESTIC: &str = r#"# yaml-language-server: $schema=../../schemas/powers.schema.json
kind: powers
schema_version: "1.0"
text_version: final
powers:
  - id: expedited-preservation
    name: Expedited preservation
    provision: "25"
    scope: domestic
    obligation: mandatory
    summary: Orders a holder to keep data quickly.
    data_categories: [electronic-data]
    safeguards:
      - safeguard: prior-judicial-authorisation
        status: absent
        sources: [test-source]
      - safeguard: user-notification
        status: discretionary
        sources: [test-source]
    sources: [test-source]
  - id: production-order
    name: Production order
    provision: "27"
    scope: domestic
    obligation: mandatory
    summary: Orders a holder to hand over data.
    data_categories: [electronic-data]
    safeguards:
      - safeguard: user-notification
        status: absent
        sources: [test-source]
      - safeguard: user-notification
        status: discretionary
        provision: "27"
        note: Listed twice, for two provisions; the template lists it once.
        sources: [test-source]
    sources: [test-source]
"#;

    const EXPECTED: &str = r#"# yaml-language-server: $schema=../../schemas/assessment.schema.json
# Implementation assessment of ISL: how its domestic law implements each power of the
# convention (final text) and the safeguards the dataset records for that power.
# Save it as datasets/assessments/isl.yaml; guide: docs/ASSESSMENTS.md.
#
# For each power and each of its safeguards, set `implemented` to one of:
#   "yes"    domestic law provides it fully
#   partly   domestic law provides it in part, or with exceptions
#   "no"     domestic law does not provide it
#   unknown  not assessed yet, or the sources do not say (leave it so rather than guess)
# Keep the quotes around "yes" and "no": unquoted, YAML 1.1 tools read them as booleans,
# and `treaty validate` warns (yaml11-boolean).
#
# Under a power or safeguard, cite the domestic provisions (`law` is required) and the sources:
#     legal_basis:
#       - law: Code of Criminal Procedure
#         provision: art. 185
#         url: https://example.org/official-text
#     note: Details in your own words.
#     sources: [source-id]
# Add `assessed_by:` and a `summary:` of the findings above `powers:` when you have them.
#
# `assessment-source` below is a placeholder: add the documents the assessment relies on to
# datasets/sources.yaml and cite their ids instead. Until then `treaty validate` reports
# `unknown-reference` for it, as a reminder.
kind: assessment
schema_version: "1.0"
state: ISL
text_version: final
as_of: "2026-01"
powers:
  - power: expedited-preservation
    implemented: unknown
    safeguards:
      - safeguard: prior-judicial-authorisation
        implemented: unknown
      - safeguard: user-notification
        implemented: unknown
  - power: production-order
    implemented: unknown
    safeguards:
      - safeguard: user-notification
        implemented: unknown
  - power: network-24-7
    implemented: unknown
sources:
  - assessment-source
"#;

    /// Everything but the powers.
    const BASE: [(&str, &str); 6] = [
        ("instrument.yaml", INSTRUMENT),
        ("sources.yaml", SOURCES),
        ("convention/chapter-04.yaml", CHAPTER_IV),
        ("convention/chapter-05.yaml", CHAPTER_V),
        ("vocabularies/data-categories.yaml", DATA_CATEGORIES),
        ("vocabularies/safeguards.yaml", SAFEGUARDS),
    ];

    const POWERS: [(&str, &str); 2] = [
        ("powers/cross-border.yaml", CROSS_BORDER),
        ("powers/domestic.yaml", DOMESTIC),
    ];

    /// `files` (path under `datasets/`, text), validated together.
    fn validate_files<'a>(files: impl IntoIterator<Item = &'a (&'a str, &'a str)>) -> Validation {
        let inputs: Vec<Input> = files
            .into_iter()
            .map(|(path, text)| Input::new(format!("datasets/{path}"), text.as_bytes().to_vec()))
            .collect();
        validate_inputs(&inputs, &Options::default())
    }

    /// The fixture with its powers, and `extra` files.
    fn validate(extra: &[(&str, &str)]) -> Validation {
        validate_files(BASE.iter().chain(&POWERS).chain(extra))
    }

    fn shown(v: &Validation) -> Vec<String> {
        v.report
            .diagnostics
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    fn dataset() -> Dataset {
        let v = validate(&[]);
        assert!(
            shown(&v).is_empty(),
            "the fixture has diagnostics:\n{:#?}",
            shown(&v)
        );
        v.dataset.expect("a dataset without diagnostics")
    }

    fn isl() -> (StateCode, PartialDate) {
        (
            "ISL".parse().expect("an assigned code"),
            "2026-01".parse().expect("a partial date"),
        )
    }

    #[test]
    fn scaffold_yaml_is_exactly_the_template() {
        let (state, as_of) = isl();
        assert_eq!(assessment_yaml(&dataset(), state, as_of), EXPECTED);
    }

    #[test]
    fn scaffold_reads_back_as_an_assessment_with_everything_unknown() {
        let (state, as_of) = isl();
        let doc: Assessment =
            serde_json::from_value(assessment(&dataset(), state, as_of)).expect("an assessment");
        assert_eq!(doc.state, state);
        assert_eq!(doc.as_of, as_of);
        assert_eq!(doc.text_version, TextVersionId::final_text());
        assert_eq!(doc.powers.len(), 3);
        for p in &doc.powers {
            assert_eq!(p.implemented, Implementation::Unknown, "{}", p.power);
            assert!(p.legal_basis.is_empty() && p.sources.is_empty());
            for s in &p.safeguards {
                assert_eq!(s.implemented, Implementation::Unknown, "{}", s.safeguard);
            }
        }
    }

    #[test]
    fn scaffold_only_lacks_its_placeholder_source() {
        let (state, as_of) = isl();
        let yaml = assessment_yaml(&dataset(), state, as_of);
        let v = validate(&[("assessments/isl.yaml", &yaml)]);
        let codes: Vec<(Code, String)> = v
            .report
            .diagnostics
            .iter()
            .map(|d| (d.code, d.message.clone()))
            .collect();
        assert_eq!(
            codes,
            [(
                Code::UnknownReference,
                "no source has the id `assessment-source`".to_owned()
            )],
            "{:#?}",
            shown(&v)
        );
        let location = v.report.diagnostics[0].location.as_ref().expect("located");
        assert_eq!(location.file, "datasets/assessments/isl.yaml");

        let placeholder = r#"# yaml-language-server: $schema=../schemas/sources.schema.json
kind: sources
schema_version: "1.0"
sources:
  - id: assessment-source
    title: Test source for the assessment
    kind: analysis
    publisher: Test publisher
    published: 2026-01
    url: https://example.org/assessment-source
    verification: unverified
"#;
        let v = validate(&[
            ("assessments/isl.yaml", &yaml),
            ("assessment-sources.yaml", placeholder),
        ]);
        assert!(shown(&v).is_empty(), "{:#?}", shown(&v));
    }

    #[test]
    fn scaffold_of_a_dataset_without_powers_has_no_powers_key() {
        let (state, as_of) = isl();
        let v = validate_files(&BASE);
        assert!(shown(&v).is_empty(), "{:#?}", shown(&v));
        let dataset = v.dataset.expect("a dataset without diagnostics");
        let doc = assessment(&dataset, state, as_of);
        assert_eq!(
            crate::convert::to_yaml(&doc),
            "kind: assessment\nschema_version: \"1.0\"\nstate: ISL\ntext_version: final\n\
             as_of: \"2026-01\"\nsources:\n  - assessment-source\n"
        );
    }

    const ANALYSIS_EXPECTED: &str = r#"# yaml-language-server: $schema=../../schemas/analysis.schema.json
# Analysis of Test publisher, 2024-07 (source `test-source`).
# Save it as datasets/analyses/test-source.yaml, named after its id.
# Guide: datasets/README.md, "Adding an analysis".
#
# `title`, `publisher`, `genre` and `published` are the source's: check them against the
# publication (`genre: statement` for a joint statement or letter). Every "" is yours to fill
# in, and `treaty validate` reports each one until you do:
#   text_version  the text the analysis discusses, whose numbering its provisions keep:
#                 `final`
#   summary       what it argues overall, in your own words
#   concerns      one entry per concern, paragraph by paragraph: an `id` naming the concern,
#                 its `summary` in your own words, and what the analysis ties it to:
#     provisions: [2(b), "27"]
#     powers: [production-order-electronic-data]
#     missing_safeguards: [sensitive-data-protection]
#     recommendations:
#       - action: add
#         summary: What it recommends, in your own words.
#         safeguards: [sensitive-data-protection]
# A concern the analysis ties to no article gets no provision or power; leave out what it
# does not say.
kind: analysis
schema_version: "1.0"
id: test-source
title: Test source
publisher: Test publisher
genre: analysis
published: "2024-07"
text_version: ""
source: test-source
summary: ""
concerns:
  - id: ""
    summary: ""
    sources:
      - test-source
"#;

    /// A source that gives neither publisher nor date, of a kind no genre matches.
    const OFFICIAL_SOURCE: &str = r#"# yaml-language-server: $schema=../schemas/sources.schema.json
kind: sources
schema_version: "1.0"
sources:
  - id: official-record
    title: Official record
    kind: official
    symbol: A/RES/79/243
    verification: verified
"#;

    /// An analysis of `test-source` under another id.
    const ANALYSED: &str = r#"# yaml-language-server: $schema=../../schemas/analysis.schema.json
kind: analysis
schema_version: "1.0"
id: test-analysis
title: Test source
publisher: Test publisher
genre: analysis
published: "2024-07"
text_version: final
source: test-source
summary: What it argues.
concerns:
  - id: production
    summary: What it fears.
    sources: [test-source]
"#;

    /// `(code, line, column)` of each diagnostic.
    fn placed(v: &Validation) -> Vec<(Code, u32, u32)> {
        v.report
            .diagnostics
            .iter()
            .map(|d| {
                let l = d.location.as_ref().expect("located");
                (d.code, l.start.line, l.start.column)
            })
            .collect()
    }

    #[test]
    fn scaffold_analysis_is_exactly_the_template() {
        let t = analysis(&dataset(), "test-source", None).expect("a template");
        assert_eq!(t.text, ANALYSIS_EXPECTED);
        assert_eq!(t.path, "datasets/analyses/test-source.yaml");
        assert_eq!(
            t.blanks,
            [
                "text_version",
                "summary",
                "concerns[0].id",
                "concerns[0].summary"
            ]
        );
    }

    #[test]
    fn scaffold_analysis_in_its_place_reports_exactly_its_blanks() {
        let t = analysis(&dataset(), "test-source", None).expect("a template");
        let v = validate(&[("analyses/test-source.yaml", &t.text)]);
        // Each blank where it stands (text_version, summary, the concern's id and summary), and
        // one note: the file's own references wait for the blanks. The fixture's 65(1), which
        // no chapter describes, is no provision an analysis could define, so it is not held
        // back on the file's account. No misnamed-file: the file is named after the id.
        assert_eq!(
            placed(&v),
            [
                (Code::InvalidFormat, 30, 15),
                (Code::InvalidData, 32, 10),
                (Code::InvalidFormat, 34, 9),
                (Code::InvalidData, 35, 14),
                (Code::UncheckedReferences, 1, 1),
            ],
            "{:#?}",
            shown(&v)
        );
        assert!(
            v.report
                .diagnostics
                .iter()
                .all(|d| d.location.as_ref().expect("located").file
                    == "datasets/analyses/test-source.yaml")
        );

        let filled = t
            .text
            .replace("text_version: \"\"", "text_version: final")
            .replace(
                "summary: \"\"\nconcerns",
                "summary: What it argues.\nconcerns",
            )
            .replace("id: \"\"", "id: production")
            .replace("    summary: \"\"", "    summary: What it fears.");
        let v = validate(&[("analyses/test-source.yaml", &filled)]);
        assert!(shown(&v).is_empty(), "{:#?}", shown(&v));
    }

    #[test]
    fn scaffold_analysis_leaves_blank_what_the_source_does_not_give() {
        let v = validate(&[("more-sources.yaml", OFFICIAL_SOURCE)]);
        assert!(shown(&v).is_empty(), "{:#?}", shown(&v));
        let dataset = v.dataset.expect("a dataset without diagnostics");
        let t = analysis(&dataset, "official-record", None).expect("a template");
        assert!(
            t.text.contains(
                "\nid: official-record\ntitle: Official record\npublisher: \"\"\ngenre: \"\"\n\
                 published: \"\"\ntext_version: \"\"\nsource: official-record\n"
            ),
            "{}",
            t.text
        );
        assert_eq!(
            t.blanks,
            [
                "publisher",
                "genre",
                "published",
                "text_version",
                "summary",
                "concerns[0].id",
                "concerns[0].summary"
            ]
        );
        let v = validate(&[
            ("more-sources.yaml", OFFICIAL_SOURCE),
            ("analyses/official-record.yaml", &t.text),
        ]);
        assert_eq!(
            placed(&v),
            [
                (Code::InvalidData, 27, 12),
                (Code::InvalidValue, 28, 8),
                (Code::InvalidFormat, 29, 12),
                (Code::InvalidFormat, 30, 15),
                (Code::InvalidData, 32, 10),
                (Code::InvalidFormat, 34, 9),
                (Code::InvalidData, 35, 14),
                (Code::UncheckedReferences, 1, 1),
            ],
            "{:#?}",
            shown(&v)
        );
    }

    #[test]
    fn scaffold_analysis_refuses_an_unknown_source_with_a_suggestion() {
        let dataset = dataset();
        let err = analysis(&dataset, "test-sorce", None).expect_err("no such source");
        assert_eq!(
            err.to_string(),
            "no source has the id `test-sorce`; did you mean `test-source`?"
        );
        let err = analysis(&dataset, "Test-Source", None).expect_err("ids are lowercase");
        assert_eq!(
            err.to_string(),
            "no source has the id `Test-Source`; did you mean `test-source`?"
        );
        let err = analysis(&dataset, "hrw-2024-09-surveillance", None).expect_err("no such source");
        assert_eq!(
            err,
            NewAnalysisError::UnknownSource {
                id: "hrw-2024-09-surveillance".into(),
                suggestion: None
            }
        );
        assert_eq!(
            err.to_string(),
            "no source has the id `hrw-2024-09-surveillance`: add the publication to the \
             dataset's sources first"
        );
    }

    #[test]
    fn scaffold_analysis_refuses_a_source_already_analysed() {
        let v = validate(&[("analyses/test-analysis.yaml", ANALYSED)]);
        assert!(shown(&v).is_empty(), "{:#?}", shown(&v));
        let dataset = v.dataset.expect("a dataset without diagnostics");
        assert_eq!(
            analysis(&dataset, "test-source", None)
                .expect_err("analysed")
                .to_string(),
            "the source `test-source` is already analysed, by `test-analysis` in \
             `datasets/analyses/test-analysis.yaml`: edit it rather than start another"
        );

        // The id taken by an analysis of another source.
        let other = ANALYSED.replace("id: test-analysis", "id: official-record");
        let v = validate(&[
            ("more-sources.yaml", OFFICIAL_SOURCE),
            ("analyses/official-record.yaml", &other),
        ]);
        assert!(shown(&v).is_empty(), "{:#?}", shown(&v));
        let dataset = v.dataset.expect("a dataset without diagnostics");
        assert_eq!(
            analysis(&dataset, "official-record", None).expect_err("taken"),
            NewAnalysisError::IdTaken {
                id: AnalysisId::new("official-record").expect("an id"),
                file: "datasets/analyses/official-record.yaml".into()
            }
        );
    }

    #[test]
    fn assessment_path_is_lowercase() {
        let (state, _) = isl();
        assert_eq!(assessment_path(state), "datasets/assessments/isl.yaml");
    }
}
