//! Small HTML builders: escaping, badges, source citations, quotes.

use std::fmt::Write as _;

use treaty_model::Dataset;
use treaty_model::coverage::CellStatus;
use treaty_model::ids::SourceId;
use treaty_model::model::{Modality, Quote, Source, Sources};

pub use super::escape::{a, esc};
use super::links;
use crate::render::text::words;

/// A paragraph of prose (YAML-folded whitespace collapsed).
pub fn p(text: &str) -> String {
    format!(
        "<p>{}</p>\n",
        esc(&text.split_whitespace().collect::<Vec<_>>().join(" "))
    )
}

/// `[sources: EFF, July 2024 (electronic data); ...]`, each citation linked to its entry in
/// the list of sources (where its address is); nothing when empty.
pub fn sources(dataset: &Dataset, ids: &[SourceId]) -> String {
    if ids.is_empty() {
        return String::new();
    }
    let files = &dataset.bundle().sources;
    let links: Vec<String> = ids
        .iter()
        .map(|id| a(&links::source(id), &Sources::citation_of(files, id)))
        .collect();
    format!(
        " <span class=\"src\">[sources: {}]</span>",
        links.join("; ")
    )
}

/// A source as a reference a reader can follow: title, authors, publisher and date, official
/// symbol, and its address as a link with the date the project accessed it.
pub fn reference(s: &Source) -> String {
    let mut out = format!("<cite>{}</cite>", esc(&s.title));
    if !s.authors.is_empty() {
        let _ = write!(out, ". {}", esc(&s.authors.join(", ")));
    }
    if let Some(p) = &s.publisher {
        let _ = write!(out, ". {}", esc(p));
    }
    if let Some(d) = &s.published {
        let _ = write!(out, ", {d}");
    }
    if let Some(sym) = &s.symbol {
        let _ = write!(out, ". Symbol {}", esc(sym));
    }
    if let Some(u) = &s.url {
        let _ = write!(out, ". {}", a(u.as_str(), u.as_str()));
        if let Some(d) = &s.accessed {
            let _ = write!(out, " (accessed {d})");
        }
    } else if let Some(l) = &s.locator {
        let _ = write!(out, ". {}", esc(l));
    }
    out
}

/// The CSS class of a status.
pub fn status_class(s: CellStatus) -> &'static str {
    match s {
        CellStatus::Mandatory => "s-mandatory",
        CellStatus::Discretionary => "s-discretionary",
        CellStatus::Absent => "s-absent",
        CellStatus::NotApplicable => "s-na",
        _ => "s-unknown",
    }
}

/// The short text a heat-map cell shows (never colour alone).
pub fn status_symbol(s: CellStatus) -> &'static str {
    match s {
        CellStatus::Mandatory => "M",
        CellStatus::Discretionary => "D",
        CellStatus::Absent => "A",
        CellStatus::NotApplicable => "n/a",
        _ => "?",
    }
}

/// A coloured badge that also says the status in words.
pub fn status_badge(s: CellStatus) -> String {
    format!(
        "<span class=\"badge {}\">{}</span>",
        status_class(s),
        s.label()
    )
}

/// A modality badge (`shall as appropriate`).
pub fn modality(m: Option<Modality>) -> String {
    match m {
        Some(m) => format!(" <span class=\"modality\">{}</span>", esc(&words(&m))),
        None => String::new(),
    }
}

/// Verbatim quotes as a list of quotations.
pub fn quotes(dataset: &Dataset, qs: &[Quote]) -> String {
    if qs.is_empty() {
        return String::new();
    }
    let mut out = String::from("<ul class=\"quotes\">\n");
    for q in qs {
        let _ = write!(out, "<li><q>{}</q>", esc(&q.text));
        if let Some(n) = &q.note {
            let _ = write!(out, " <span class=\"note\">{}</span>", esc(n));
        }
        out.push_str(&sources(dataset, &q.sources));
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
    out
}

/// A definition-list entry.
pub fn dt_dd(term: &str, html_value: &str) -> String {
    format!("<dt>{}</dt><dd>{html_value}</dd>\n", esc(term))
}
