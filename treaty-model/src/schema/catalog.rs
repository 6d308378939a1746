//! `schemas/catalog.json`: which files each schema applies to, in the SchemaStore catalog
//! format, so editors associate schemas by file pattern (as taplo and VS Code do).

use serde_json::{Value, json};

use super::{SCHEMA_BASE_URL, file_name};
use crate::model::FileKind;

/// File name of the catalog in `schemas/`.
pub const CATALOG: &str = "catalog.json";

/// Where each kind's files live in a dataset repository (patterns relative to its root).
pub fn file_patterns(kind: FileKind) -> &'static [&'static str] {
    match kind {
        FileKind::Instrument => &["datasets/instrument.yaml"],
        FileKind::Sources => &["datasets/sources.yaml"],
        FileKind::Chapter => &["datasets/convention/chapter-*.yaml"],
        FileKind::Definitions => &["datasets/convention/definitions.yaml"],
        FileKind::Offences => &["datasets/convention/offences.yaml"],
        FileKind::DataCategories => &["datasets/vocabularies/data-categories.yaml"],
        FileKind::SensitivityCategories => &["datasets/vocabularies/sensitivity-categories.yaml"],
        FileKind::Safeguards => &["datasets/vocabularies/safeguards.yaml"],
        FileKind::Powers => &["datasets/powers/*.yaml"],
        FileKind::Analysis => &["datasets/analyses/*.yaml"],
        FileKind::Concordance => &["datasets/concordance/*.yaml"],
        FileKind::Crosswalk => &["datasets/crosswalks/*.yaml"],
        FileKind::Participation => &["datasets/participation/*.yaml"],
        FileKind::Assessment => &["datasets/assessments/*.yaml"],
        // The name the documentation and `treaty report` use, and any `NAME.treaty-bundle.json`.
        FileKind::Bundle => &["treaty-bundle.json", "*.treaty-bundle.json"],
        FileKind::Unrecognized => &[],
    }
}

/// The catalog document.
pub fn catalog() -> Value {
    let schemas: Vec<Value> = FileKind::FILE_KINDS
        .into_iter()
        .chain([FileKind::Bundle])
        .map(|kind| {
            let patterns: Vec<String> = file_patterns(kind)
                .iter()
                .map(|p| format!("**/{p}"))
                .collect();
            json!({
                "name": format!("UN Convention against Cybercrime: {kind}"),
                "description": format!("treaty-model dataset file of kind `{kind}`"),
                "fileMatch": patterns,
                "url": format!("{SCHEMA_BASE_URL}{}", file_name(kind)),
            })
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/schema-catalog.json",
        "version": 1,
        "schemas": schemas
    })
}
