//! `treaty diff`: a semantic diff as Markdown (for a pull-request comment) or JSON.
//!
//! One bullet per change, named by entity, id and provision:
//! `power `compelled-technical-assistance` (28(4)): prior-judicial-authorisation changed from
//! discretionary to absent (source added: eff-2024-adopted-text-risks)`.

use std::fmt::Write as _;

use serde_json::Value;
use treaty_model::diff::{Change, ChangeKind, Diff, Entity, FieldChange};

use super::markdown::{inert, inline};

/// Sections of the Markdown, in order, with the entities they hold.
const SECTIONS: [(&str, &[Entity]); 6] = [
    (
        "Powers and safeguards",
        &[
            Entity::Power,
            Entity::SafeguardStatus,
            Entity::Safeguard,
            Entity::DataCategory,
            Entity::SensitivityCategory,
        ],
    ),
    (
        "Convention text",
        &[
            Entity::Instrument,
            Entity::TextVersion,
            Entity::Chapter,
            Entity::Article,
            Entity::Provision,
            Entity::Definition,
            Entity::Offence,
            Entity::Concordance,
            Entity::ConcordanceEntry,
            Entity::Crosswalk,
            Entity::CrosswalkEntry,
        ],
    ),
    ("Analyses", &[Entity::Analysis, Entity::Concern]),
    (
        "Participation",
        &[
            Entity::Participation,
            Entity::SignaturePeriod,
            Entity::ReportedCount,
            Entity::ParticipationStep,
            Entity::Statement,
        ],
    ),
    (
        "Implementation assessments",
        &[Entity::Assessment, Entity::AssessedPower],
    ),
    ("Sources", &[Entity::Source]),
];

/// Longest string value shown in full; longer texts are said to be "reworded".
const SHORT: usize = 60;

/// The diff as Markdown, ready to paste into a pull-request comment.
pub fn markdown(diff: &Diff, old: &str, new: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## Dataset changes\n");
    if diff.is_empty() {
        let _ = writeln!(out, "No semantic change between `{old}` and `{new}`.");
        return out;
    }
    let count = |k: ChangeKind| diff.changes.iter().filter(|c| c.change == k).count();
    let _ = writeln!(
        out,
        "`{old}` -> `{new}`: {} {} ({} added, {} removed, {} changed).",
        diff.changes.len(),
        if diff.changes.len() == 1 {
            "change"
        } else {
            "changes"
        },
        count(ChangeKind::Added),
        count(ChangeKind::Removed),
        count(ChangeKind::Changed),
    );
    let mut shown = 0;
    for (title, entities) in SECTIONS {
        let changes: Vec<&Change> = diff
            .changes
            .iter()
            .filter(|c| entities.contains(&c.entity))
            .collect();
        if changes.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n### {title}\n");
        for c in changes {
            shown += 1;
            let _ = writeln!(out, "- {}", line(c));
        }
    }
    if shown < diff.changes.len() {
        let _ = writeln!(out, "\n### Other\n");
        for c in diff
            .changes
            .iter()
            .filter(|c| !SECTIONS.iter().any(|(_, e)| e.contains(&c.entity)))
        {
            let _ = writeln!(out, "- {}", line(c));
        }
    }
    out
}

/// The diff as pretty JSON: `{"old": ..., "new": ..., "changes": [...]}`.
pub fn json(diff: &Diff, old: &str, new: &str) -> String {
    let doc = serde_json::json!({ "old": old, "new": new, "changes": diff.changes });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

/// One change as a sentence.
pub fn line(c: &Change) -> String {
    let subject = subject(c);
    let mut s = match c.change {
        ChangeKind::Added | ChangeKind::Removed => {
            let verb = if c.change == ChangeKind::Added {
                "added"
            } else {
                "removed"
            };
            let mut s = format!("{subject} {verb}");
            if let Some(n) = c.name.as_deref().filter(|_| c.entity != Entity::Source) {
                let _ = write!(s, ": {}", quoted(n));
            }
            s
        }
        _ => {
            let parts: Vec<String> = c.fields.iter().map(|f| field(c, f)).collect();
            // "power `x` (28(4)): prior-judicial-authorisation changed from ..." reads on; other
            // entities list their fields after a colon.
            let sep = if c.entity == Entity::SafeguardStatus {
                " "
            } else {
                ": "
            };
            if parts.is_empty() {
                subject
            } else {
                format!("{subject}{sep}{}", parts.join("; "))
            }
        }
    };
    let sources = sources(c);
    if !sources.is_empty() {
        let _ = write!(s, " ({sources})");
    }
    s
}

fn subject(c: &Change) -> String {
    let at = c
        .provision
        .as_ref()
        .map(|p| format!(" ({p})"))
        .unwrap_or_default();
    let parent = c.parent.as_deref().unwrap_or("");
    match c.entity {
        Entity::Power => format!("power `{}`{at}", c.id),
        Entity::SafeguardStatus => format!("power `{parent}`{at}: {}", c.id),
        Entity::Chapter => format!("chapter {}", c.id),
        Entity::Article => format!("article {}", c.id),
        Entity::Provision => format!("provision {}", c.id),
        Entity::Concern => format!("concern `{}` of `{parent}`", c.id),
        Entity::ParticipationStep | Entity::Statement => format!("{parent}: {}", c.id),
        Entity::AssessedPower => format!("assessment of {parent}: power `{}`", c.id),
        Entity::Assessment => format!("assessment of {}", c.id),
        Entity::Concordance => format!("concordance {}", c.id),
        Entity::ConcordanceEntry => format!("concordance {parent}: {}", c.id),
        Entity::Crosswalk => format!("crosswalk to `{}`", c.id),
        Entity::CrosswalkEntry => format!("crosswalk to `{parent}`: {}", c.id),
        Entity::ReportedCount => format!("reported count {}", c.id),
        Entity::SignaturePeriod => "signature period".to_owned(),
        Entity::Participation => "participation".to_owned(),
        other => format!("{} `{}`{at}", other.as_str().replace('-', " "), c.id),
    }
}

/// One field change as a clause.
fn field(c: &Change, f: &FieldChange) -> String {
    // A safeguard status's status is the point of the entry: "X changed from a to b".
    let name = if c.entity == Entity::SafeguardStatus && f.field == "status" {
        String::new()
    } else {
        format!("{} ", f.field)
    };
    let clause = match (&f.old, &f.new) {
        (Some(Value::Array(o)), Some(Value::Array(n))) if all_short(o) && all_short(n) => {
            let added: Vec<String> = n.iter().filter(|v| !o.contains(v)).map(show).collect();
            let removed: Vec<String> = o.iter().filter(|v| !n.contains(v)).map(show).collect();
            let mut parts = Vec::new();
            if !added.is_empty() {
                parts.push(format!("added {}", added.join(", ")));
            }
            if !removed.is_empty() {
                parts.push(format!("removed {}", removed.join(", ")));
            }
            if parts.is_empty() {
                parts.push("reordered".to_owned());
            }
            format!("{}{}", name, parts.join(", "))
        }
        (Some(o), Some(n)) if is_short(o) && is_short(n) => {
            format!("{name}changed from {} to {}", show(o), show(n))
        }
        (Some(Value::Object(o)), Some(Value::Object(n))) => {
            let mut keys: Vec<&String> = o.keys().filter(|k| o.get(*k) != n.get(*k)).collect();
            keys.extend(n.keys().filter(|k| !o.contains_key(*k)));
            let keys: Vec<&str> = keys.iter().map(|k| k.as_str()).collect();
            format!("{name}changed ({})", keys.join(", "))
        }
        (Some(Value::String(_)), Some(Value::String(_))) => format!("{name}reworded"),
        (Some(_), Some(_)) => format!("{name}changed"),
        (None, Some(n)) if is_short(n) => format!("{name}set to {}", show(n)),
        (None, Some(_)) => format!("{name}added"),
        (Some(o), None) if is_short(o) => format!("{name}removed (was {})", show(o)),
        (Some(_), None) => format!("{name}removed"),
        (None, None) => format!("{name}unchanged"),
    };
    clause.trim().to_owned()
}

fn sources(c: &Change) -> String {
    let mut parts = Vec::new();
    for (list, verb) in [(&c.sources_added, "added"), (&c.sources_removed, "removed")] {
        if list.is_empty() {
            continue;
        }
        let noun = if list.len() == 1 { "source" } else { "sources" };
        let ids: Vec<&str> = list.iter().map(|s| s.as_str()).collect();
        let verb = match c.change {
            ChangeKind::Changed => format!(" {verb}"),
            _ => String::new(),
        };
        parts.push(format!("{noun}{verb}: {}", ids.join(", ")));
    }
    parts.join("; ")
}

fn is_short(v: &Value) -> bool {
    match v {
        Value::String(s) => s.chars().count() <= SHORT,
        Value::Number(_) | Value::Bool(_) => true,
        _ => false,
    }
}

fn all_short(items: &[Value]) -> bool {
    items.iter().all(is_short)
}

/// A value as shown: identifiers and numbers plain, other text in quotes; dataset text is
/// inert Markdown either way.
fn show(v: &Value) -> String {
    match v {
        Value::String(s) if !s.is_empty() && !s.contains(char::is_whitespace) => inert(s),
        Value::String(s) => quoted(s),
        other => other.to_string(),
    }
}

fn quoted(s: &str) -> String {
    format!("\"{}\"", inline(s))
}
