//! The site's URL scheme: flat, relative, stable.
//!
//! Every page sits in the output directory itself, so links are plain file names and work from
//! `file://` and from any static host. Articles are named by their Akoma Ntoso eId
//! (`art_28.html`), and their paragraphs and points are anchors named by eId
//! (`art_28.html#art_28__para_4`); powers, analyses and sources are named by their ids.

use treaty_model::Dataset;
use treaty_model::ids::{AnalysisId, ConcernId, SafeguardId, SourceId, TextVersionId};
use treaty_model::{ProvisionRef, Verification};

use super::escape::{a, esc};

/// The home page.
pub const INDEX: &str = "index.html";
/// The heat map.
pub const COVERAGE: &str = "coverage.html";
/// The list of sources.
pub const SOURCES: &str = "sources.html";
/// Signatures, ratifications and the entry-into-force status.
pub const PARTICIPATION: &str = "participation.html";
/// What the safeguards and data categories mean.
pub const VOCABULARY: &str = "vocabulary.html";
/// The drafts and the final text, with their milestones.
pub const VERSIONS: &str = "versions.html";

/// The anchor of a text version on the versions page.
pub fn version_anchor(id: &TextVersionId) -> String {
    format!("version-{id}")
}

/// The page of an article: `art_28.html`, or `zero-draft.art_17.html` for another version.
pub fn article(version: &TextVersionId, number: u16) -> String {
    let eid = ProvisionRef::article(number).to_eid();
    if version.as_str() == "final" {
        format!("{eid}.html")
    } else {
        format!("{version}.{eid}.html")
    }
}

/// The page of a power.
pub fn power(id: &str) -> String {
    format!("power-{id}.html")
}

/// The row of a safeguard on a power's page.
pub fn power_safeguard(power: &str, safeguard: &SafeguardId) -> String {
    format!("{}#{}", self::power(power), safeguard_anchor(safeguard))
}

/// The anchor of a safeguard's row on a power page.
pub fn safeguard_anchor(safeguard: &SafeguardId) -> String {
    format!("sg-{safeguard}")
}

/// The page of an analysis.
pub fn analysis(id: &AnalysisId) -> String {
    format!("analysis-{id}.html")
}

/// A concern on its analysis's page.
pub fn concern(analysis: &AnalysisId, concern: &ConcernId) -> String {
    format!("{}#{}", self::analysis(analysis), concern_anchor(concern))
}

/// The anchor of a concern.
pub fn concern_anchor(concern: &ConcernId) -> String {
    format!("concern-{concern}")
}

/// A source in the list of sources.
pub fn source(id: &SourceId) -> String {
    format!("{SOURCES}#{}", source_anchor(id))
}

/// The anchor of a source.
pub fn source_anchor(id: &SourceId) -> String {
    format!("src-{id}")
}

/// A link to a provision of `version` at the most precise place the site describes (the
/// paragraph, else its article); plain text when the site has no page for it.
pub fn provision(dataset: &Dataset, r: &ProvisionRef, version: &TextVersionId) -> String {
    let text = if version.as_str() == "final" {
        r.unversioned().to_string()
    } else {
        format!("{version}:{}", r.unversioned())
    };
    match href(dataset, r, version) {
        Some(h) => a(&h, &text),
        None => esc(&text),
    }
}

/// Where a provision is described, if anywhere.
pub fn href(dataset: &Dataset, r: &ProvisionRef, version: &TextVersionId) -> Option<String> {
    let mut at = Some(r.unversioned());
    while let Some(here) = at {
        if dataset
            .provision(&here.clone().in_version(version.clone()))
            .is_some()
        {
            let page = article(version, here.article_number());
            return Some(if here.parent().is_none() {
                page
            } else {
                format!("{page}#{}", here.to_eid())
            });
        }
        at = here.parent();
    }
    None
}

/// A provision cited in an analysis (in the analysis's numbering), linked in the final text
/// when a concordance maps it there, else in its own version.
pub fn cited(dataset: &Dataset, r: &ProvisionRef, analysis_version: &TextVersionId) -> String {
    let version = r.version().unwrap_or(analysis_version);
    if version.as_str() == "final" {
        return provision(dataset, r, version);
    }
    let own = format!("{version}:{}", r.unversioned());
    match dataset.to_final(r, version) {
        Some(f) => {
            // A mapping the concordance itself has not checked is shown as such, not as fact.
            let checked = dataset
                .final_entry(r, version)
                .map(|e| e.verification)
                .filter(|v| *v != Verification::Verified)
                .map_or(String::new(), |v| format!(", mapping {v}"));
            format!(
                "{} (final text: {}{checked})",
                esc(&own),
                provision(dataset, &f, &TextVersionId::final_text())
            )
        }
        None => provision(dataset, r, version),
    }
}
