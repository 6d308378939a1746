//! Questions about one provision: what it says, how it is numbered elsewhere, which powers it
//! grants, the safeguards on them, and which analyses cite it.

use serde::Serialize;

use crate::dataset::{Citation, Dataset, ProvisionView};
use crate::ids::{SourceId, TextVersionId};
use crate::model::{Power, Relation, Verification};
use crate::provision::ProvisionRef;

/// Everything the dataset says about one provision.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct ProvisionInfo<'a> {
    /// The provision as asked, with its text version made explicit.
    pub provision: ProvisionRef,
    /// The text version it was read in.
    pub text_version: TextVersionId,
    /// Its counterpart in the final text, when known.
    pub in_final: Option<ProvisionRef>,
    /// The article title, when the structure describes it.
    pub title: Option<&'a str>,
    /// The described text: article, paragraph, point. In JSON, `described`: the chapter's
    /// number and title, and the most precise of article, paragraph and point as the
    /// datasets write it (its summary, modality, quotes, sources and what it contains).
    #[serde(rename = "described", skip_serializing_if = "Option::is_none")]
    pub view: Option<ProvisionView<'a>>,
    /// Its numbering in other text versions.
    pub numbering: Vec<Numbering<'a>>,
    /// The powers granted by this provision (or by provisions inside it).
    pub powers: Vec<&'a Power>,
    /// The concerns of analyses that cite it.
    #[serde(serialize_with = "serialize_citations")]
    pub citations: Vec<Citation<'a>>,
}

/// The same provision in another text version.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct Numbering<'a> {
    /// The provision of the version asked that the concordance maps: the one asked, or one
    /// inside or around it (an article's entry for one of its paragraphs).
    pub of: ProvisionRef,
    /// The other version.
    pub text_version: &'a TextVersionId,
    /// The provision there; absent when it has no counterpart.
    pub provision: Option<ProvisionRef>,
    /// How the two relate.
    pub relation: Relation,
    /// The subject, when the concordance names it.
    pub subject: Option<&'a str>,
    /// How far the correspondence was checked.
    pub verification: Verification,
    /// The concordance's details on this entry, in the project's words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'a str>,
    /// Sources for the correspondence.
    pub sources: &'a [SourceId],
}

fn serialize_citations<S: serde::Serializer>(c: &[Citation<'_>], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = s.serialize_seq(Some(c.len()))?;
    for cite in c {
        seq.serialize_element(&serde_json::json!({
            "analysis": cite.analysis.id,
            "publisher": cite.analysis.publisher,
            "text_version": cite.analysis.text_version,
            "cited": cite.cited,
            "concern": cite.concern.id,
            "summary": cite.concern.summary,
            "recommendations": cite.concern.recommendations,
            "sources": cite.concern.sources,
        }))?;
    }
    seq.end()
}

/// A provision the dataset does not know, with the nearest ones it does.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct NotFound {
    /// Known provisions close to the one asked for.
    pub nearest: Vec<ProvisionRef>,
}

impl Dataset {
    /// Describes a provision; an unqualified reference is read in the final text.
    pub fn describe(&self, asked: &ProvisionRef) -> Result<ProvisionInfo<'_>, NotFound> {
        let version = asked
            .version()
            .cloned()
            .unwrap_or_else(TextVersionId::final_text);
        let plain = asked.unversioned();
        let is_final = version.as_str() == "final";
        let view = self.provision(&plain.clone().in_version(version.clone()));
        let numbering = self.numbering(&plain, &version);
        if view.is_none() && (is_final || numbering.is_empty()) {
            return Err(NotFound {
                nearest: self.nearest(&plain, &version),
            });
        }
        let in_final = self.to_final(&plain, &version);
        let powers = in_final
            .as_ref()
            .map(|f| {
                self.powers()
                    .filter(|p| f.contains(&p.provision) || p.provision.contains(f))
                    .collect()
            })
            .unwrap_or_default();
        Ok(ProvisionInfo {
            provision: plain.clone().in_version(version.clone()),
            title: view
                .map(|v| v.article.title.as_str())
                .or_else(|| numbering.iter().find_map(|n| n.subject)),
            citations: self.citations(&plain, &version, in_final.as_ref()),
            text_version: version,
            in_final,
            view,
            numbering,
            powers,
        })
    }

    fn numbering<'a>(&'a self, p: &ProvisionRef, version: &TextVersionId) -> Vec<Numbering<'a>> {
        let mut out = Vec::new();
        for c in &self.bundle().concordances {
            for e in &c.entries {
                if &c.to == version
                    && e.to
                        .as_ref()
                        .is_some_and(|t| t.contains(p) || p.contains(t))
                {
                    out.push(Numbering {
                        of: e.to.clone().unwrap_or_else(|| p.clone()),
                        text_version: &c.from,
                        provision: Some(e.from.clone()),
                        relation: e.relation,
                        subject: e.subject.as_deref(),
                        verification: e.verification,
                        note: e.note.as_deref(),
                        sources: &e.sources,
                    });
                } else if &c.from == version && (e.from.contains(p) || p.contains(&e.from)) {
                    out.push(Numbering {
                        of: e.from.clone(),
                        text_version: &c.to,
                        provision: e.to.clone(),
                        relation: e.relation,
                        subject: e.subject.as_deref(),
                        verification: e.verification,
                        note: e.note.as_deref(),
                        sources: &e.sources,
                    });
                }
            }
        }
        out
    }

    fn citations<'a>(
        &'a self,
        p: &ProvisionRef,
        version: &TextVersionId,
        in_final: Option<&ProvisionRef>,
    ) -> Vec<Citation<'a>> {
        let mut out = Vec::new();
        for analysis in &self.bundle().analyses {
            for concern in &analysis.concerns {
                let hit = concern.provisions.iter().find(|cited| {
                    let v = cited.version().unwrap_or(&analysis.text_version);
                    let q = cited.unversioned();
                    let same_version = v == version && (p.contains(&q) || q.contains(p));
                    let via_final = in_final.is_some_and(|f| {
                        self.to_final(&q, v)
                            .is_some_and(|qf| f.contains(&qf) || qf.contains(f))
                    });
                    same_version || via_final
                });
                if let Some(cited) = hit {
                    out.push(Citation {
                        analysis,
                        concern,
                        cited,
                    });
                }
            }
        }
        out
    }

    /// Described provisions near `p`: siblings in its article, else neighbouring articles.
    fn nearest(&self, p: &ProvisionRef, version: &TextVersionId) -> Vec<ProvisionRef> {
        if let Some(a) = self.article(version, p.article_number()) {
            let art = ProvisionRef::article(a.number);
            let mut v: Vec<ProvisionRef> = a
                .paragraphs
                .iter()
                .map(|para| art.clone().with_paragraph(para.number))
                .chain(
                    a.points
                        .iter()
                        .filter_map(|pt| art.clone().with_point(&pt.letter)),
                )
                .collect();
            if v.is_empty() {
                v.push(art);
            }
            return v;
        }
        let n = p.article_number();
        (n.saturating_sub(2)..=n.saturating_add(2))
            .filter(|k| self.article(version, *k).is_some())
            .map(ProvisionRef::article)
            .collect()
    }
}
