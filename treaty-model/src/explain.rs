//! Everything the dataset says about one power, gathered for a plain-language explanation:
//! what it allows, which data, who can be compelled, for which offences, for how long, under
//! which safeguards, what is missing, and what the analyses say, with every source cited.
//!
//! ```
//! use treaty_model::coverage::CellStatus;
//!
//! let dataset = treaty_model::bundled().expect("the bundled dataset is valid");
//! let e = dataset.explain("production-order-electronic-data").expect("a known power");
//! assert_eq!(e.power.provision.to_string(), "27(a)");
//! let missing: Vec<&str> = e
//!     .with_status(CellStatus::Absent)
//!     .map(|s| s.safeguard.id.as_str())
//!     .collect();
//! assert!(missing.contains(&"user-notification"));
//! // A provision works too when it grants exactly one power; a typo gets a suggestion.
//! assert_eq!(dataset.explain("28(4)").unwrap().power.id.as_str(), "compelled-technical-assistance");
//! let err = dataset.explain("compelled-technical-assistence").unwrap_err();
//! assert_eq!(err.to_string(), "no such power: `compelled-technical-assistence`; did you mean `compelled-technical-assistance`?");
//! // Part of an id lists the powers whose ids contain it.
//! let err = dataset.explain("production-order").unwrap_err();
//! assert_eq!(err.to_string(), "no power has the id `production-order`, but 2 ids contain it; name one: `production-order-electronic-data`, `production-order-subscriber-information`");
//! ```

use std::fmt;

use serde::Serialize;

use crate::coverage::CellStatus;
use crate::dataset::Dataset;
use crate::ids::{PowerId, SourceId, TextVersionId};
use crate::model::{
    Analysis, Concern, DataCategory, Power, Safeguard, SafeguardStatus, SensitivityCategory, Source,
};
use crate::provision::ProvisionRef;

/// What the dataset says about one power.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Explanation<'a> {
    /// The power, as recorded (summary, compellable, offence scope, duration, confidentiality,
    /// Article 24 coverage, sources).
    pub power: &'a Power,
    /// The text version whose numbering the power's provisions use.
    pub text_version: &'a TextVersionId,
    /// Where the power's provision sits in the text, when the structure describes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<Place<'a>>,
    /// The data categories it reaches, with their definitions.
    pub data_categories: Vec<&'a DataCategory>,
    /// The sensitive kinds of data the analyses say it can reach.
    pub sensitive_data: Vec<&'a SensitivityCategory>,
    /// For a cross-border power, the domestic power it relies on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domestic_counterpart: Option<&'a Power>,
    /// For a domestic power, the cross-border powers that rely on it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cross_border_counterparts: Vec<&'a Power>,
    /// Every safeguard of the taxonomy with its status for this power, in taxonomy order.
    pub safeguards: Vec<SafeguardLine<'a>>,
    /// The concerns of analyses that name the power or cite its provision.
    pub concerns: Vec<ConcernLine<'a>>,
    /// Every source cited above, in the order of the sources file.
    pub sources: Vec<&'a Source>,
}

/// The chapter and article of a power's provision.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Place<'a> {
    /// The chapter number (`IV`).
    pub chapter: &'a str,
    /// The chapter title.
    pub chapter_title: &'a str,
    /// The article title.
    pub article_title: &'a str,
}

/// One safeguard and its status for the power.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct SafeguardLine<'a> {
    /// The safeguard of the taxonomy.
    #[serde(serialize_with = "safeguard_summary")]
    pub safeguard: &'a Safeguard,
    /// Its status; `not-recorded` when the dataset says nothing.
    pub status: CellStatus,
    /// The recorded status with its provision, note and sources, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recorded: Option<&'a SafeguardStatus>,
}

fn safeguard_summary<S: serde::Serializer>(s: &&Safeguard, ser: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeStruct;
    let mut st = ser.serialize_struct("Safeguard", 3)?;
    st.serialize_field("id", &s.id)?;
    st.serialize_field("name", &s.name)?;
    st.serialize_field("family", &s.family)?;
    st.end()
}

/// A concern of an analysis about the power.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct ConcernLine<'a> {
    /// The analysis.
    #[serde(serialize_with = "analysis_summary")]
    pub analysis: &'a Analysis,
    /// The concern (summary, recommendations, sources).
    pub concern: &'a Concern,
    /// Why it is listed: it names the power, or it cites this provision (in the analysis's
    /// own numbering).
    pub reason: Reason<'a>,
}

fn analysis_summary<S: serde::Serializer>(a: &&Analysis, ser: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeStruct;
    let mut st = ser.serialize_struct("Analysis", 5)?;
    st.serialize_field("id", &a.id)?;
    st.serialize_field("title", &a.title)?;
    st.serialize_field("publisher", &a.publisher)?;
    st.serialize_field("published", &a.published)?;
    st.serialize_field("text_version", &a.text_version)?;
    st.end()
}

/// Why a concern is listed for a power.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "provision")]
#[non_exhaustive]
pub enum Reason<'a> {
    /// The concern lists the power.
    NamesPower,
    /// The concern cites a provision that contains, or lies inside, the power's provision.
    CitesProvision(&'a ProvisionRef),
}

/// Why a power could not be explained.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExplainError {
    /// No power has this id, and no power is granted by a provision written this way.
    NoSuchPower {
        /// What was asked.
        query: String,
        /// The known power id closest to it, when one is close enough to be a likely typo.
        suggestion: Option<PowerId>,
    },
    /// The query is part of several power ids (`production-order`), and the id of none.
    PartOfIds {
        /// What was asked.
        query: String,
        /// The powers whose ids hold it, in the dataset's order.
        powers: Vec<PowerId>,
    },
    /// The query is a provision that grants several powers.
    Ambiguous {
        /// What was asked.
        query: String,
        /// The powers granted by that provision or by provisions inside it.
        powers: Vec<PowerId>,
    },
}

impl fmt::Display for ExplainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoSuchPower { query, suggestion } => {
                write!(f, "no such power: `{query}`")?;
                if let Some(s) = suggestion {
                    write!(f, "; did you mean `{s}`?")?;
                }
                Ok(())
            }
            Self::PartOfIds { query, powers } => write!(
                f,
                "no power has the id `{query}`, but {} ids contain it; name one: {}",
                powers.len(),
                listed(powers)
            ),
            Self::Ambiguous { query, powers } => write!(
                f,
                "`{query}` grants {} powers; name one: {}",
                powers.len(),
                listed(powers)
            ),
        }
    }
}

fn listed(powers: &[PowerId]) -> String {
    let list: Vec<String> = powers.iter().map(|p| format!("`{p}`")).collect();
    list.join(", ")
}

impl std::error::Error for ExplainError {}

impl Explanation<'_> {
    /// The safeguards with this status.
    pub fn with_status(&self, status: CellStatus) -> impl Iterator<Item = &SafeguardLine<'_>> {
        self.safeguards.iter().filter(move |s| s.status == status)
    }

    /// The source with this id, when it is among [`Explanation::sources`].
    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.sources.iter().copied().find(|s| &s.id == id)
    }
}

impl Dataset {
    /// Explains a power, found by id or by the provision that grants it (`28(4)`).
    pub fn explain(&self, query: &str) -> Result<Explanation<'_>, ExplainError> {
        let power = self.find_power(query.trim())?;
        let text_version = self
            .bundle()
            .powers
            .iter()
            .find(|f| f.powers.iter().any(|p| p.id == power.id))
            .map(|f| &f.text_version)
            .ok_or_else(|| no_such(self, query))?;
        let in_version = power.provision.clone().in_version(text_version.clone());
        let place = self
            .provision(&in_version)
            .or_else(|| self.provision(&in_version.parent()?))
            .map(|v| Place {
                chapter: &v.chapter.number,
                chapter_title: &v.chapter.title,
                article_title: &v.article.title,
            });
        let categories = self.data_categories();
        let data_categories = power
            .data_categories
            .iter()
            .filter_map(|id| categories.clone().find(|c| &c.id == id))
            .collect();
        let sensitive_data = power
            .sensitive_data
            .iter()
            .filter_map(|id| self.sensitivity_categories().find(|c| &c.id == id))
            .collect();
        let safeguards = self
            .safeguards()
            .map(|s| {
                let recorded = power.safeguards.iter().find(|r| r.safeguard == s.id);
                SafeguardLine {
                    safeguard: s,
                    status: recorded.map_or(CellStatus::NotRecorded, |r| r.status.into()),
                    recorded,
                }
            })
            .collect();
        let concerns = self.concerns_about(power);
        let mut explanation = Explanation {
            power,
            text_version,
            place,
            data_categories,
            sensitive_data,
            domestic_counterpart: power
                .domestic_counterpart
                .as_ref()
                .and_then(|id| self.power(id.as_str())),
            cross_border_counterparts: self
                .powers()
                .filter(|p| p.domestic_counterpart.as_ref() == Some(&power.id))
                .collect(),
            safeguards,
            concerns,
            sources: Vec::new(),
        };
        explanation.sources = self.sources_cited(&explanation);
        Ok(explanation)
    }

    fn find_power(&self, query: &str) -> Result<&Power, ExplainError> {
        if let Some(p) = self.power(query) {
            return Ok(p);
        }
        if let Ok(r) = query.parse::<ProvisionRef>() {
            // Powers are numbered in the final text: a draft's provision is looked up where
            // the concordances put it, and one they do not place has no power.
            let r = match r.version() {
                Some(version) => self
                    .to_final(&r, version)
                    .ok_or_else(|| no_such(self, query))?,
                None => r,
            };
            if let Some(p) = self.powers().find(|p| p.provision == r) {
                return Ok(p);
            }
            let inside: Vec<&Power> = self.powers().filter(|p| r.contains(&p.provision)).collect();
            match inside.as_slice() {
                [one] => return Ok(one),
                [] => {}
                many => {
                    return Err(ExplainError::Ambiguous {
                        query: query.to_owned(),
                        powers: many.iter().map(|p| p.id.clone()).collect(),
                    });
                }
            }
        }
        Err(no_such(self, query))
    }

    fn concerns_about<'a>(&'a self, power: &Power) -> Vec<ConcernLine<'a>> {
        let mut out: Vec<ConcernLine<'a>> = Vec::new();
        for analysis in &self.bundle().analyses {
            for concern in &analysis.concerns {
                if concern.powers.contains(&power.id) {
                    out.push(ConcernLine {
                        analysis,
                        concern,
                        reason: Reason::NamesPower,
                    });
                }
            }
        }
        for c in self.analyses_citing(&power.provision) {
            let listed = out.iter().any(|l| {
                std::ptr::eq(l.concern, c.concern) && std::ptr::eq(l.analysis, c.analysis)
            });
            if !listed {
                out.push(ConcernLine {
                    analysis: c.analysis,
                    concern: c.concern,
                    reason: Reason::CitesProvision(c.cited),
                });
            }
        }
        out
    }

    fn sources_cited<'a>(&'a self, e: &Explanation<'a>) -> Vec<&'a Source> {
        let p = e.power;
        let mut ids: Vec<&SourceId> = p.sources.iter().collect();
        ids.extend(p.offence_scope.iter().flat_map(|o| &o.sources));
        ids.extend(p.duration.iter().flat_map(|d| &d.sources));
        ids.extend(p.confidentiality.iter().flat_map(|c| &c.sources));
        ids.extend(p.article_24.iter().flat_map(|a| &a.sources));
        ids.extend(p.safeguards.iter().flat_map(|s| &s.sources));
        ids.extend(e.data_categories.iter().flat_map(|c| &c.sources));
        ids.extend(e.concerns.iter().flat_map(|c| &c.concern.sources));
        self.bundle()
            .sources
            .iter()
            .flat_map(|f| f.sources.iter())
            .filter(|s| ids.contains(&&s.id))
            .collect()
    }
}

fn no_such(dataset: &Dataset, query: &str) -> ExplainError {
    // A part of an id (`production-order`, `interception`) is how a reader remembers a power;
    // the typo check finds nothing there, as the ids are much longer than what was asked.
    let part = query.to_lowercase().replace([' ', '_'], "-");
    let holding: Vec<PowerId> = dataset
        .powers()
        .filter(|p| part.len() >= 3 && p.id.as_str().contains(&part))
        .map(|p| p.id.clone())
        .collect();
    let suggestion = match <[PowerId; 1]>::try_from(holding) {
        Ok([one]) => Some(one),
        Err(holding) if holding.is_empty() => {
            let ids = dataset.powers().map(|p| p.id.as_str());
            crate::suggest::closest(query, ids).and_then(|s| PowerId::new(s).ok())
        }
        Err(powers) => {
            return ExplainError::PartOfIds {
                query: query.to_owned(),
                powers,
            };
        }
    };
    ExplainError::NoSuchPower {
        query: query.to_owned(),
        suggestion,
    }
}
