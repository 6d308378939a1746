//! The JSON Schemas of the file kinds and of the bundle, generated from the Rust types.
//!
//! Each schema is draft 2020-12, self-contained (definitions inline under `$defs`), with a
//! stable versioned `$id`, titles and descriptions from the rustdoc, and
//! `additionalProperties: false` on every object: the schemas are the strict linter, the Rust
//! types the tolerant reader.

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};
use serde_json::{Map, Value, json};

use crate::model::*;

mod catalog;
mod compat;
mod files;

pub use catalog::{CATALOG, catalog};
pub use compat::breaking_changes;
pub use files::published;

/// Where the schemas are published; the major schema version is part of the path.
pub const SCHEMA_BASE_URL: &str = "https://un-cybercrime-data.github.io/treaty-model/schemas/v1/";

/// The start of the comment line that tells editors (yaml-language-server) a file's schema.
#[cfg(feature = "validate")]
pub(crate) const MODELINE: &str = "# yaml-language-server: $schema=";

/// The folder a file on disk at `file` is in: the one its modeline is read from.
#[cfg(feature = "validate")]
pub(crate) fn folder_of(file: &std::path::Path) -> &std::path::Path {
    match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => std::path::Path::new("."),
    }
}

/// What a modeline of a file in `folder` should name instead of `target` (a path), read as
/// editors read it, from the file's folder: when `target` leads to no file, the path to the
/// nearest `schemas/<file_name>` above (`../../schemas/...`); `None` when it leads to one, or
/// when no such schema lies above and nothing better can be told. The validator warns by it
/// (`modeline-not-found`) and `treaty new` writes by it, so the two never disagree.
#[cfg(feature = "validate")]
pub(crate) fn modeline_correction(
    folder: &std::path::Path,
    target: &str,
    file_name: &str,
) -> Option<String> {
    if folder.join(target).is_file() {
        return None;
    }
    schema_above(folder, file_name)
}

/// The path from `folder` to the nearest `schemas/<file_name>` above it (`../../schemas/...`),
/// if there is one.
#[cfg(feature = "validate")]
pub(crate) fn schema_above(folder: &std::path::Path, file_name: &str) -> Option<String> {
    let absolute = std::fs::canonicalize(folder).ok()?;
    let up = absolute
        .ancestors()
        .position(|dir| dir.join("schemas").join(file_name).is_file())?;
    Some(format!("{}schemas/{file_name}", "../".repeat(up)))
}

/// Whether `line` belongs to the block a file starts with, comments and blank lines, where
/// the modeline is looked for and which a conversion to YAML writes again.
#[cfg(feature = "validate")]
pub(crate) fn in_header(line: &str) -> bool {
    line.trim_start().starts_with('#') || line.trim().is_empty()
}

/// A generated schema and the file name it is published under.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct NamedSchema {
    /// The file name in `schemas/` (`powers.schema.json`).
    pub file_name: String,
    /// The kind it validates, or `None` for auxiliary schemas.
    pub kind: Option<FileKind>,
    /// The schema.
    pub schema: Value,
}

/// The file name of a kind's schema (`powers.schema.json`).
pub fn file_name(kind: FileKind) -> String {
    format!("{}.schema.json", kind.as_str())
}

/// Generates the schema of one file kind (or of the bundle).
pub fn for_kind(kind: FileKind) -> Option<Value> {
    Some(match kind {
        FileKind::Instrument => generate::<Instrument>(kind),
        FileKind::Sources => generate::<Sources>(kind),
        FileKind::Chapter => generate::<Chapter>(kind),
        FileKind::Definitions => generate::<Definitions>(kind),
        FileKind::DataCategories => generate::<DataCategories>(kind),
        FileKind::SensitivityCategories => generate::<SensitivityCategories>(kind),
        FileKind::Safeguards => generate::<Safeguards>(kind),
        FileKind::Powers => generate::<Powers>(kind),
        FileKind::Offences => generate::<Offences>(kind),
        FileKind::Analysis => generate::<Analysis>(kind),
        FileKind::Concordance => generate::<Concordance>(kind),
        FileKind::Crosswalk => generate::<Crosswalk>(kind),
        FileKind::Participation => generate::<Participation>(kind),
        FileKind::Assessment => generate::<Assessment>(kind),
        FileKind::Bundle => generate::<Bundle>(kind),
        FileKind::Unrecognized => return None,
    })
}

/// File name of the schema of `treaty validate --format json` output.
pub const REPORT_SCHEMA: &str = "validation-report.schema.json";

/// Every schema published in `schemas/`: one per file kind, the bundle, and (with the
/// `validate` feature) the validation report.
pub fn all() -> Vec<NamedSchema> {
    let kinds = FileKind::FILE_KINDS
        .into_iter()
        .chain([FileKind::Bundle])
        .filter_map(|kind| {
            Some(NamedSchema {
                file_name: file_name(kind),
                kind: Some(kind),
                schema: for_kind(kind)?,
            })
        });
    #[cfg(feature = "validate")]
    let report = Some(NamedSchema {
        file_name: REPORT_SCHEMA.to_owned(),
        kind: None,
        schema: generate_named::<crate::diagnostic::ReportDocument>(REPORT_SCHEMA, None),
    });
    #[cfg(not(feature = "validate"))]
    let report = None;
    kinds.chain(report).collect()
}

/// Serialises a schema the way it is committed: pretty JSON with a final newline.
pub fn to_pretty(schema: &Value) -> String {
    let mut s = serde_json::to_string_pretty(schema).unwrap_or_default();
    s.push('\n');
    s
}

fn generate<T: JsonSchema>(kind: FileKind) -> Value {
    generate_named::<T>(&file_name(kind), Some(kind))
}

fn generate_named<T: JsonSchema>(file: &str, kind: Option<FileKind>) -> Value {
    let settings = SchemaSettings::draft2020_12();
    // Dataset files are read by us; the validation report is only written by us.
    let settings = if kind.is_some() {
        settings
    } else {
        settings.for_serialize()
    };
    let generator = settings.into_generator();
    let schema: Schema = generator.into_root_schema_for::<T>();
    let mut value = schema.to_value();
    tighten(&mut value);
    if let Value::Object(root) = &mut value {
        if let Some(kind) = kind {
            pin_kind(root, kind);
        }
        prune_defs(root);
        let mut ordered = Map::new();
        ordered.insert(
            "$schema".into(),
            json!("https://json-schema.org/draft/2020-12/schema"),
        );
        ordered.insert("$id".into(), json!(format!("{SCHEMA_BASE_URL}{file}")));
        for (k, v) in std::mem::take(root) {
            if k != "$schema" {
                ordered.insert(k, v);
            }
        }
        *root = ordered;
    }
    value
}

/// Makes the generated schema strict: `additionalProperties: false` on every object schema
/// that lists properties, and no `null` for optional fields (an absent field is omitted,
/// never written as `null`).
fn tighten(value: &mut Value) {
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(map) => {
                if map.contains_key("properties") && !map.contains_key("additionalProperties") {
                    map.insert("additionalProperties".into(), Value::Bool(false));
                }
                drop_null(map);
                consts_to_enum(map);
                bound_integers(map);
                stack.extend(map.values_mut());
            }
            Value::Array(items) => stack.extend(items.iter_mut()),
            _ => {}
        }
    }
}

/// Rewrites `oneOf: [{const: a, description}, ...]` (how schemars writes a documented unit
/// enum) as `enum: [a, ...]`: validators then report "not one of [...]" instead of a oneOf
/// failure, and the values' meanings move into the description.
fn consts_to_enum(map: &mut Map<String, Value>) {
    let Some(Value::Array(alts)) = map.get("oneOf") else {
        return;
    };
    let values: Option<Vec<(Value, Option<String>)>> = alts
        .iter()
        .map(|a| {
            let c = a.get("const")?;
            c.is_string().then(|| {
                let d = a
                    .get("description")
                    .and_then(Value::as_str)
                    .map(str::to_owned);
                (c.clone(), d)
            })
        })
        .collect();
    let Some(values) = values else {
        return;
    };
    let mut text = map
        .get("description")
        .and_then(Value::as_str)
        .map(|d| format!("{d}\n\n"))
        .unwrap_or_default();
    text.push_str("Values:");
    for (v, d) in &values {
        text.push_str(&format!("\n- `{}`", v.as_str().unwrap_or_default()));
        if let Some(d) = d {
            text.push_str(&format!(": {d}"));
        }
    }
    map.remove("oneOf");
    map.insert("type".into(), json!("string"));
    map.insert(
        "enum".into(),
        Value::Array(values.into_iter().map(|(v, _)| v).collect()),
    );
    map.insert("description".into(), Value::String(text));
}

/// schemars marks integers with the formats `uint`, `uint16`, `uint32`, `uint64`, which no JSON
/// Schema specification defines: ajv in its default strict mode refuses to compile a schema
/// that uses them. The range they stand for is written as `minimum`/`maximum` instead, which
/// every validator checks, and an overflow is an out-of-range error, not a serde failure.
fn bound_integers(map: &mut Map<String, Value>) {
    // A 64-bit bound is left out: JavaScript numbers cannot even represent it exactly.
    let (min, max): (Option<i64>, Option<i64>) = match map.get("format").and_then(Value::as_str) {
        Some("uint8") => (Some(0), Some(u8::MAX.into())),
        Some("uint16") => (Some(0), Some(u16::MAX.into())),
        Some("uint32") => (Some(0), Some(u32::MAX.into())),
        Some("uint" | "uint64") => (Some(0), None),
        Some("int8") => (Some(i8::MIN.into()), Some(i8::MAX.into())),
        Some("int16") => (Some(i16::MIN.into()), Some(i16::MAX.into())),
        Some("int32") => (Some(i32::MIN.into()), Some(i32::MAX.into())),
        Some("int" | "int64") => (None, None),
        _ => return,
    };
    map.remove("format");
    for (key, bound) in [("minimum", min), ("maximum", max)] {
        if let Some(bound) = bound {
            map.entry(key).or_insert(json!(bound));
        }
    }
}

/// Removes the `$defs` entries that the schema does not reach through `$ref` (the `FileKind`
/// enum, once `kind` is pinned).
fn prune_defs(root: &mut Map<String, Value>) {
    let Some(Value::Object(defs)) = root.get("$defs") else {
        return;
    };
    let mut reached = std::collections::HashSet::new();
    let mut pending: Vec<&Value> = root
        .iter()
        .filter(|(k, _)| *k != "$defs")
        .map(|(_, v)| v)
        .collect();
    while let Some(v) = pending.pop() {
        match v {
            Value::Object(map) => {
                let target = map.get("$ref").and_then(Value::as_str);
                if let Some(name) = target.and_then(|r| r.strip_prefix("#/$defs/"))
                    && reached.insert(name)
                    && let Some(def) = defs.get(name)
                {
                    pending.push(def);
                }
                pending.extend(map.values());
            }
            Value::Array(items) => pending.extend(items),
            _ => {}
        }
    }
    let unreached: Vec<String> = defs
        .keys()
        .filter(|k| !reached.contains(k.as_str()))
        .cloned()
        .collect();
    if let Some(Value::Object(defs)) = root.get_mut("$defs") {
        for k in unreached {
            defs.remove(&k);
        }
    }
}

fn drop_null(map: &mut Map<String, Value>) {
    if let Some(Value::Array(types)) = map.get_mut("type") {
        types.retain(|t| t != "null");
        if let [only] = types.as_slice() {
            let only = only.clone();
            map.insert("type".into(), only);
        }
    }
    let is_null = |s: &Value| s.get("type") == Some(&json!("null"));
    if let Some(Value::Array(alts)) = map.get_mut("anyOf")
        && alts.iter().any(is_null)
    {
        alts.retain(|s| !is_null(s));
        if alts.len() == 1
            && let Some(Value::Object(inner)) = alts.pop()
        {
            map.remove("anyOf");
            for (k, v) in inner {
                map.entry(k).or_insert(v);
            }
        }
    }
}

/// Narrows the root's `kind` property to the one value the file kind allows.
fn pin_kind(root: &mut Map<String, Value>, kind: FileKind) {
    if let Some(Value::Object(props)) = root.get_mut("properties") {
        props.insert(
            "kind".into(),
            json!({
                "description": "The kind of document; selects this schema.",
                "const": kind.as_str()
            }),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prune_defs_keeps_what_the_schema_reaches_and_nothing_else() {
        let mut schema = json!({
            "properties": { "a": { "$ref": "#/$defs/A" } },
            "$defs": {
                "A": { "items": { "$ref": "#/$defs/B" } },
                "B": { "type": "string" },
                "Unused": { "$ref": "#/$defs/OnlyFromUnused" },
                "OnlyFromUnused": { "items": { "$ref": "#/$defs/Unused" } },
                "Named": { "description": "#/$defs/Named" }
            }
        });
        let Value::Object(root) = &mut schema else {
            unreachable!()
        };
        prune_defs(root);
        let kept: Vec<&String> = schema["$defs"].as_object().unwrap().keys().collect();
        assert_eq!(kept, ["A", "B"]);
    }
}
