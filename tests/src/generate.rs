//! Large, valid, dataset-shaped inputs for the benchmarks and the comparison with peer tools.
//!
//! The output is the repository's own dataset plus synthetic data of realistic shape, scaled to
//! a target size:
//!
//! - [`Layout::Split`], the way a real repository grows: one implementation assessment per
//!   state (193 states, `assessments/<xxx>.yaml`), each listing powers with their safeguards,
//!   `implemented` values, legal citations, notes and sources. When 193 states times the
//!   dataset's powers is not enough data, scaled copies of the powers files
//!   (`powers/generated-NNN.yaml`, ids suffixed `-gNNN`) give the assessments more powers.
//! - [`Layout::Single`]: one big file, `powers/generated.yaml`, holding as many suffixed copies
//!   of the dataset's powers as reach the target (the powers are the richest records: ids,
//!   enums, nested mappings, lists, provision references).
//!
//! Everything is deterministic: the same arguments give the same bytes. The content is
//! synthetic (copied summaries, made-up citations to `example.org`) and is never committed.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};
use treaty_model::convert::to_yaml;
use treaty_model::syntax::{Limits, parse_yaml};

/// How the generated data is split into files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// The base dataset, 193 assessments and, at larger sizes, copies of the powers files.
    Split,
    /// The base dataset and one big powers file.
    Single,
}

/// What [`generate`] wrote.
#[derive(Debug)]
pub struct Generated {
    /// Every file written, with its size in bytes.
    pub files: Vec<(PathBuf, u64)>,
    /// The largest file.
    pub largest: PathBuf,
}

impl Generated {
    /// The total size in bytes.
    pub fn bytes(&self) -> u64 {
        self.files.iter().map(|(_, n)| n).sum()
    }
}

/// The number of states with an assessment in [`Layout::Split`].
pub const STATES: usize = 193;

/// Writes a dataset of about `target` bytes under `out` (which must not exist): the files of
/// `base` (a dataset directory), then the generated ones.
pub fn generate(
    base: &Path,
    out: &Path,
    target: u64,
    layout: Layout,
) -> std::io::Result<Generated> {
    if out.exists() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            format!(
                "{} exists; remove it or choose another directory",
                out.display()
            ),
        ));
    }
    let mut files = Vec::new();
    copy_tree(base, out, &mut files)?;
    let powers = base_powers(base)?;
    let base_bytes: u64 = files.iter().map(|(_, n)| n).sum();
    let budget = target.saturating_sub(base_bytes);
    match layout {
        Layout::Single => {
            let copies = copies_for(&powers, budget);
            let doc = powers_file(&powers, 0..copies);
            write(&out.join("powers/generated.yaml"), &doc, &mut files)?;
        }
        Layout::Split => split(out, &powers, budget, &mut files)?,
    }
    let largest = files
        .iter()
        .max_by_key(|(_, n)| *n)
        .map(|(p, _)| p.clone())
        .unwrap_or_default();
    Ok(Generated { files, largest })
}

/// A power of the base dataset: the whole entry, and the ids of the safeguards it records.
struct BasePower {
    entry: Value,
    id: String,
    safeguards: Vec<String>,
}

fn base_powers(base: &Path) -> std::io::Result<Vec<BasePower>> {
    let mut powers = Vec::new();
    for name in ["domestic.yaml", "cross-border.yaml"] {
        let bytes = std::fs::read(base.join("powers").join(name))?;
        let parsed = parse_yaml(&bytes, &Limits::default());
        let doc = parsed.doc.ok_or_else(|| invalid(name))?;
        let list = doc.value["powers"]
            .as_array()
            .ok_or_else(|| invalid(name))?;
        for entry in list {
            let id = entry["id"]
                .as_str()
                .ok_or_else(|| invalid(name))?
                .to_owned();
            let mut safeguards: Vec<String> = Vec::new();
            for s in entry["safeguards"].as_array().into_iter().flatten() {
                if let Some(s) = s["safeguard"].as_str()
                    && !safeguards.iter().any(|x| x == s)
                {
                    safeguards.push(s.to_owned());
                }
            }
            powers.push(BasePower {
                entry: entry.clone(),
                id,
                safeguards,
            });
        }
    }
    Ok(powers)
}

fn invalid(name: &str) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::InvalidData,
        format!("powers/{name} of the base dataset is not a readable powers file"),
    )
}

/// The id of `id` in copy `copy` of the powers (copy 0 is the original).
fn copy_id(id: &str, copy: usize) -> String {
    if copy == 0 {
        id.to_owned()
    } else {
        format!("{id}-g{copy:03}")
    }
}

/// A powers file holding copies `copies` (1-based: copy 0 is the base dataset's own).
fn powers_file(powers: &[BasePower], copies: std::ops::Range<usize>) -> Value {
    let ids: Vec<&str> = powers.iter().map(|p| p.id.as_str()).collect();
    let mut list = Vec::new();
    for copy in copies.map(|c| c + 1) {
        for p in powers {
            list.push(rename(&p.entry, &ids, copy));
        }
    }
    json!({
        "kind": "powers",
        "schema_version": "1.0",
        "text_version": "final",
        "powers": list,
    })
}

/// `value` with every string that is a power id renamed for copy `copy`: the copy's own id and
/// its references (`domestic_counterpart`) move together.
fn rename(value: &Value, ids: &[&str], copy: usize) -> Value {
    match value {
        Value::String(s) if ids.contains(&s.as_str()) => Value::String(copy_id(s, copy)),
        Value::Array(items) => items.iter().map(|v| rename(v, ids, copy)).collect(),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), rename(v, ids, copy)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// How many copies of the powers make about `budget` bytes.
fn copies_for(powers: &[BasePower], budget: u64) -> usize {
    let one = to_yaml(&powers_file(powers, 0..1)).len() as u64;
    usize::try_from(budget.div_ceil(one.max(1)))
        .unwrap_or(usize::MAX)
        .max(1)
}

fn split(
    out: &Path,
    powers: &[BasePower],
    budget: u64,
    files: &mut Vec<(PathBuf, u64)>,
) -> std::io::Result<()> {
    let states = states();
    // The size of one assessment entry, measured on a sample assessment, decides how many
    // entries each state gets; past the base dataset's powers, copies of the powers files
    // are added.
    let sample_entries = powers.len() * 4;
    let entry =
        (assessment(&states[0], 0, powers, sample_entries).len() / sample_entries).max(1) as u64;
    let copy_file = to_yaml(&powers_file(powers, 0..1)).len() as u64;
    let mut copies = 0usize;
    let per_state = loop {
        let left = budget.saturating_sub(copies as u64 * copy_file);
        let per_state = usize::try_from((left / STATES as u64 + entry / 2) / entry)
            .unwrap_or(usize::MAX)
            .max(1);
        if per_state <= powers.len() * (copies + 1) {
            break per_state;
        }
        copies += 1;
    };
    for copy in 0..copies {
        let doc = powers_file(powers, copy..copy + 1);
        let path = out.join(format!("powers/generated-{:03}.yaml", copy + 1));
        write(&path, &doc, files)?;
    }
    for (n, state) in states.iter().enumerate() {
        let path = out.join(format!("assessments/{}.yaml", state.to_ascii_lowercase()));
        write_text(&path, assessment(state, n, powers, per_state), files)?;
    }
    Ok(())
}

/// The text of the assessment of `state`, the `n`th, with `entries` power entries.
fn assessment(state: &str, n: usize, powers: &[BasePower], entries: usize) -> String {
    let entries: Vec<Value> = (0..entries)
        .map(|i| {
            let p = &powers[i % powers.len()];
            power_entry(&p.id, &p.safeguards, i + n, i / powers.len())
        })
        .collect();
    file_text(&json!({
        "kind": "assessment",
        "schema_version": "1.0",
        "state": state,
        "text_version": "final",
        "as_of": format!("2026-{:02}", n % 12 + 1),
        "assessed_by": "Synthetic benchmark data",
        "summary": format!("Generated assessment {n} for performance measurements; not a real assessment of {state}."),
        "powers": entries,
        "sources": ["reference-facts"],
    }))
}

const IMPLEMENTED: [&str; 4] = ["yes", "partly", "no", "unknown"];

/// One `powers` entry of an assessment, varied by `seed`.
fn power_entry(power: &str, safeguards: &[String], seed: usize, copy: usize) -> Value {
    let mut entry = Map::new();
    entry.insert("power".into(), copy_id(power, copy).into());
    entry.insert("implemented".into(), IMPLEMENTED[seed % 4].into());
    entry.insert("legal_basis".into(), json!([citation(seed)]));
    let list: Vec<Value> = safeguards
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut e = Map::new();
            e.insert("safeguard".into(), s.as_str().into());
            e.insert("implemented".into(), IMPLEMENTED[(seed + i) % 4].into());
            if (seed + i).is_multiple_of(3) {
                e.insert("legal_basis".into(), json!([citation(seed + i)]));
            }
            if (seed + i).is_multiple_of(5) {
                e.insert(
                    "note".into(),
                    "Provided by a general clause; the courts have not yet applied it to this power."
                        .into(),
                );
            }
            Value::Object(e)
        })
        .collect();
    if !list.is_empty() {
        entry.insert("safeguards".into(), Value::Array(list));
    }
    if seed.is_multiple_of(2) {
        entry.insert(
            "note".into(),
            "Enacted by the 2025 amendment of the code of criminal procedure; not yet in force for \
             service providers established abroad."
                .into(),
        );
    }
    entry.insert("sources".into(), json!(["reference-facts"]));
    Value::Object(entry)
}

fn citation(seed: usize) -> Value {
    let mut provision = String::new();
    let _ = write!(provision, "Article {}({})", 10 + seed % 90, 1 + seed % 4);
    json!({
        "law": format!("Code of Criminal Procedure, Title {}", 1 + seed % 12),
        "provision": provision,
        "url": format!("https://example.org/laws/ccp/{}", seed % 1000),
    })
}

/// The first [`STATES`] assigned ISO 3166-1 alpha-3 codes, alphabetically (a stand-in for the
/// UN's member states: what matters here is the count and that every code is valid).
fn states() -> Vec<String> {
    let mut codes = Vec::new();
    for a in b'A'..=b'Z' {
        for b in b'A'..=b'Z' {
            for c in b'A'..=b'Z' {
                let code = String::from_utf8(vec![a, b, c]).unwrap_or_default();
                if code.parse::<treaty_model::state::StateCode>().is_ok() {
                    codes.push(code);
                }
            }
        }
    }
    codes.truncate(STATES);
    codes
}

/// A file's text: the editor modeline, as in the repository's files
/// (`datasets/<dir>/<file>.yaml`), then the document.
fn file_text(doc: &Value) -> String {
    let kind = doc["kind"].as_str().unwrap_or_default();
    format!(
        "# yaml-language-server: $schema=../../schemas/{kind}.schema.json\n{}",
        to_yaml(doc)
    )
}

fn write(path: &Path, doc: &Value, files: &mut Vec<(PathBuf, u64)>) -> std::io::Result<()> {
    write_text(path, file_text(doc), files)
}

fn write_text(path: &Path, text: String, files: &mut Vec<(PathBuf, u64)>) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(path, &text)?;
    files.push((path.to_owned(), text.len() as u64));
    Ok(())
}

fn copy_tree(from: &Path, to: &Path, files: &mut Vec<(PathBuf, u64)>) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    let mut entries: Vec<_> = std::fs::read_dir(from)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for e in entries {
        let target = to.join(e.file_name());
        if e.file_type()?.is_dir() {
            copy_tree(&e.path(), &target, files)?;
        } else if e.path().extension().is_some_and(|x| x == "yaml") {
            let n = std::fs::copy(e.path(), &target)?;
            files.push((target, n));
        }
    }
    Ok(())
}
