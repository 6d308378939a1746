//! The vocabulary page: what each safeguard, data category and sensitive category means, with
//! the standards and sources it rests on. The matrix and the power pages name them in a word;
//! this page is where a reader learns what "adequacy" or "inferences" stands for.

use std::fmt::Write as _;

use treaty_model::ids::TextVersionId;
use treaty_model::model::SafeguardFamily;

use super::html::{esc, p, sources};
use super::page::Nav;
use super::{Ctx, links};
use crate::render::text::{capitalise, words};

pub fn page(ctx: &Ctx<'_>) -> String {
    let d = ctx.dataset;
    let mut out = String::from("<h1>Vocabulary</h1>\n");
    out.push_str(&p(
        "The words the edition uses for safeguards and data, in the dataset's words, each with \
         its sources.",
    ));

    out.push_str("<h2 id=\"safeguards\">Safeguards</h2>\n");
    let mut family: Option<SafeguardFamily> = None;
    for s in d.safeguards() {
        if family != Some(s.family) {
            if family.is_some() {
                out.push_str("</dl>\n");
            }
            family = Some(s.family);
            let _ = writeln!(
                out,
                "<h3>{}</h3>\n<dl class=\"terms\">",
                esc(&capitalise(&words(&s.family)))
            );
        }
        let standards: Vec<String> = s
            .standards
            .iter()
            .map(|r| format!("{} ({})", esc(&r.principle), esc(&words(&r.standard))))
            .collect();
        let standards = if standards.is_empty() {
            String::new()
        } else {
            format!(
                " <span class=\"meta\">In the standards: {}.</span>",
                standards.join("; ")
            )
        };
        let term = esc(&s.name);
        let meaning = format!("{}{standards}", esc(&s.summary));
        entry(
            &mut out,
            &links::safeguard_anchor(&s.id),
            &term,
            &meaning,
            &sources(d, &s.sources),
        );
    }
    if family.is_some() {
        out.push_str("</dl>\n");
    }

    out.push_str("<h2 id=\"data-categories\">Data categories</h2>\n<dl class=\"terms\">\n");
    // `defined_by` is in the final text's numbering.
    let final_text = TextVersionId::final_text();
    for f in &d.bundle().data_categories {
        for c in &f.categories {
            let defined = c
                .defined_by
                .as_ref()
                .map(|r| format!(" (defined in {})", links::provision(d, r, &final_text)))
                .unwrap_or_default();
            let anchor = format!("data-{}", esc(c.id.as_str()));
            let term = format!("{}{defined}", esc(&c.name));
            entry(
                &mut out,
                &anchor,
                &term,
                &esc(&c.summary),
                &sources(d, &c.sources),
            );
        }
    }
    out.push_str("</dl>\n");

    out.push_str(
        "<h2 id=\"sensitive-data\">Sensitive data categories</h2>\n<dl class=\"terms\">\n",
    );
    for f in &d.bundle().sensitivity_categories {
        for c in &f.categories {
            let anchor = format!("sensitive-{}", esc(c.id.as_str()));
            entry(
                &mut out,
                &anchor,
                &esc(&c.name),
                &esc(&c.summary),
                &sources(d, &c.sources),
            );
        }
    }
    out.push_str("</dl>\n");
    ctx.page("Vocabulary", Nav::Vocabulary, &out)
}

/// One entry of the vocabulary, every part already HTML: the term (its anchor for links from
/// the other pages), what it means, and the sources of that meaning.
fn entry(out: &mut String, anchor: &str, term: &str, meaning: &str, sources: &str) {
    let _ = writeln!(
        out,
        "<dt id=\"{anchor}\">{term}</dt><dd>{meaning}{sources}</dd>"
    );
}
