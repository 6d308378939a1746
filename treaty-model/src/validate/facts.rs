//! The facts the cross-file checks need, gathered from one file while its spans are at hand.
//!
//! The walk is guided by the file's JSON Schema: every string whose schema is an id type
//! (`#/$defs/PowerId`...) is an id, defined when its field is `id` and referenced otherwise;
//! every `ProvisionRef` is a provision to resolve; dates are kept for ordering checks. Each fact
//! carries its location, so the cross-file checks run after the file's text and spans are gone.

use std::collections::HashMap;

use serde_json::Value;

use super::locate::Locator;
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::ids::TextVersionId;
use crate::model::FileKind;
use crate::provision::ProvisionRef;

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
}

impl IdKind {
    fn from_def(name: &str) -> Option<Self> {
        Some(match name {
            "TextVersionId" => Self::TextVersion,
            "InstrumentId" => Self::Instrument,
            "DefinitionId" => Self::Definition,
            "DataCategoryId" => Self::DataCategory,
            "SensitivityId" => Self::Sensitivity,
            "SafeguardId" => Self::Safeguard,
            "PowerId" => Self::Power,
            "OffenceId" => Self::Offence,
            "AnalysisId" => Self::Analysis,
            "ConcernId" => Self::Concern,
            "SourceId" => Self::Source,
            _ => return None,
        })
    }

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
        }
    }

    /// Where such ids are defined, for help texts.
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
        }
    }
}

/// What a fact is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum FactKind {
    /// An id defined here.
    Def(IdKind),
    /// A reference to an id.
    Ref(IdKind),
    /// A provision reference, with the text version it is read in.
    Provision(ProvisionRef, TextVersionId),
    /// A date or partial date.
    Date,
}

/// One fact: what, where (pointer and location), and the text as written.
#[derive(Debug, Clone)]
pub(crate) struct Fact {
    pub kind: FactKind,
    pub text: String,
    pub pointer: String,
    pub location: Location,
}

/// The facts of one file.
#[derive(Debug, Default)]
pub(crate) struct Facts {
    pub facts: Vec<Fact>,
    /// Strings that match their pattern but name nothing real (30 February, `XYZ`): all of
    /// them, where typed deserialisation would stop at the first.
    pub invalid: Vec<Diagnostic>,
    by_pointer: HashMap<String, usize>,
}

impl Facts {
    /// The location of the fact at `pointer`, if there is one.
    pub(crate) fn location(&self, pointer: &str) -> Option<&Location> {
        self.by_pointer
            .get(pointer)
            .map(|&i| &self.facts[i].location)
    }

    fn push(&mut self, fact: Fact) {
        self.by_pointer
            .insert(fact.pointer.clone(), self.facts.len());
        self.facts.push(fact);
    }
}

fn resolve<'s>(root: &'s Value, mut schema: &'s Value) -> (&'s Value, Option<&'s str>) {
    let mut name = None;
    // Bounded: our schemas never chain more than a few references.
    for _ in 0..8 {
        let Some(r) = schema.get("$ref").and_then(Value::as_str) else {
            break;
        };
        let Some(def) = r.strip_prefix("#/$defs/") else {
            break;
        };
        match root.get("$defs").and_then(|d| d.get(def)) {
            Some(s) => {
                name = Some(def);
                schema = s;
            }
            None => break,
        }
    }
    (schema, name)
}

fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// The schema (resolved) and its `$defs` name at `pointer` of a document of `kind`.
fn schema_at<'s>(root: &'s Value, pointer: &str) -> Option<(&'s Value, Option<&'s str>)> {
    let (mut schema, mut name) = resolve(root, root);
    for segment in pointer.split('/').skip(1) {
        let key = unescape(segment);
        let next = if let Some(p) = schema.get("properties").and_then(|p| p.get(&key)) {
            p
        } else if key.parse::<usize>().is_ok() {
            schema.get("items")?
        } else {
            return None;
        };
        (schema, name) = resolve(root, next);
    }
    Some((schema, name))
}

/// The `$defs` name of the schema at `pointer`, if it is a named type.
pub(crate) fn def_at(kind: FileKind, pointer: &str, _value: &Value) -> Option<String> {
    let root = super::schema_check::schema_value(kind)?;
    schema_at(root, pointer).and_then(|(_, n)| n.map(str::to_owned))
}

/// The object schema at `pointer`.
pub(crate) fn object_schema_at(
    kind: FileKind,
    pointer: &str,
    _value: &Value,
) -> Option<&'static Value> {
    let root = super::schema_check::schema_value(kind)?;
    schema_at(root, pointer).map(|(s, _)| s)
}

/// The text version unqualified provisions at `pointer` are read in.
fn context_version(
    kind: FileKind,
    value: &Value,
    pointer: &str,
    final_text: &TextVersionId,
) -> Option<TextVersionId> {
    let field = |name: &str| {
        value
            .get(name)
            .and_then(Value::as_str)
            .and_then(|s| TextVersionId::new(s).ok())
    };
    match kind {
        FileKind::Concordance => {
            if pointer.ends_with("/from") {
                field("from")
            } else {
                field("to")
            }
        }
        // Provisions of the other instrument are not ours to resolve.
        FileKind::Crosswalk if pointer.ends_with("/other_provision") => None,
        _ => Some(field("text_version").unwrap_or_else(|| final_text.clone())),
    }
}

/// Walks a document of `kind` and collects its facts.
pub(crate) fn collect(kind: FileKind, locator: &Locator<'_>) -> Facts {
    let mut facts = Facts::default();
    let Some(root) = super::schema_check::schema_value(kind) else {
        return facts;
    };
    let value = locator.value();
    let final_text = TextVersionId::final_text();
    let (schema, name) = resolve(root, root);
    let mut stack: Vec<(&Value, Option<&str>, &Value, String, bool)> =
        vec![(schema, name, value, String::new(), false)];
    while let Some((schema, name, node, pointer, is_id_field)) = stack.pop() {
        match node {
            Value::Object(map) => {
                let props = schema.get("properties");
                for (key, child) in map {
                    if let Some(s) = props.and_then(|p| p.get(key)) {
                        let (s, n) = resolve(root, s);
                        let child_pointer =
                            format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"));
                        stack.push((s, n, child, child_pointer, key == "id"));
                    }
                }
            }
            Value::Array(items) => {
                if let Some(s) = schema.get("items") {
                    let (s, n) = resolve(root, s);
                    for (i, child) in items.iter().enumerate() {
                        stack.push((s, n, child, format!("{pointer}/{i}"), false));
                    }
                }
            }
            Value::String(text) => {
                let kind_of = match name {
                    Some("ProvisionRef") => match (
                        text.parse::<ProvisionRef>(),
                        context_version(kind, value, &pointer, &final_text),
                    ) {
                        (Ok(p), Some(v)) => {
                            let version = p.version().cloned().unwrap_or(v);
                            Some(FactKind::Provision(p, version))
                        }
                        _ => None,
                    },
                    Some(def @ ("Date" | "PartialDate" | "StateCode")) => {
                        let problem = match def {
                            "Date" => text.parse::<crate::Date>().err().map(|e| e.to_string()),
                            "PartialDate" => text
                                .parse::<crate::PartialDate>()
                                .err()
                                .map(|e| e.to_string()),
                            _ => text
                                .parse::<crate::StateCode>()
                                .err()
                                .map(|e| e.to_string()),
                        };
                        if let Some(message) = problem {
                            facts.invalid.push(
                                Diagnostic::new(Code::InvalidData, message, Some(locator.node(&pointer)))
                                    .with_help(if def == "StateCode" {
                                        "use the ISO 3166-1 alpha-3 code of the state, such as `FRA`"
                                    } else {
                                        "the date has the right shape but does not exist; check it against its source"
                                    }),
                            );
                            None
                        } else {
                            (def != "StateCode").then_some(FactKind::Date)
                        }
                    }
                    Some(n) => IdKind::from_def(n).and_then(|k| {
                        crate::ids::is_valid_id(text).then_some(if is_id_field {
                            FactKind::Def(k)
                        } else {
                            FactKind::Ref(k)
                        })
                    }),
                    None => None,
                };
                if let Some(kind) = kind_of {
                    let location = locator.node(&pointer);
                    facts.push(Fact {
                        kind,
                        text: text.clone(),
                        pointer,
                        location,
                    });
                }
            }
            _ => {}
        }
    }
    facts.facts.sort_by_key(|a| a.location.start.offset);
    facts.by_pointer = facts
        .facts
        .iter()
        .enumerate()
        .map(|(i, f)| (f.pointer.clone(), i))
        .collect();
    facts
}
