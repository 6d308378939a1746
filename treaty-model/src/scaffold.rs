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

use std::collections::HashSet;

use serde_json::{Map, Value};

use crate::dataset::Dataset;
use crate::date::PartialDate;
use crate::ids::TextVersionId;
use crate::model::{FileKind, Power, PowerScope, SchemaVersion};
use crate::state::StateCode;

/// The source id a new assessment cites until the contributor replaces it with real ones.
pub const PLACEHOLDER_SOURCE: &str = "assessment-source";

/// The value of `implemented` in a new template: nothing is assessed yet.
const UNKNOWN: &str = "unknown";

/// Where the assessment of `state` lives in the repository: `datasets/assessments/isl.yaml`.
pub fn assessment_path(state: StateCode) -> String {
    format!(
        "datasets/assessments/{}.yaml",
        state.as_str().to_ascii_lowercase()
    )
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

    let mut doc = Map::new();
    doc.insert("kind".into(), FileKind::Assessment.as_str().into());
    doc.insert(
        "schema_version".into(),
        SchemaVersion::CURRENT.to_string().into(),
    );
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
    let body = crate::convert::to_yaml(&assessment(dataset, state, as_of));
    let schema = crate::schema::file_name(FileKind::Assessment);
    let path = assessment_path(state);
    format!(
        "# yaml-language-server: $schema=../../schemas/{schema}
# Implementation assessment of {state}: how its domestic law implements each power of the
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
{body}"
    )
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

    #[test]
    fn assessment_path_is_lowercase() {
        let (state, _) = isl();
        assert_eq!(assessment_path(state), "datasets/assessments/isl.yaml");
    }
}
