//! A page per analysis: what it argues, and each concern with the provisions it cites (in its
//! own numbering, linked in the final text), the powers, the missing safeguards and what it
//! recommends.

use std::fmt::Write as _;

use treaty_model::model::{Analysis, Concern, Sources};

use super::html::{a, dt_dd, esc, p, quotes, reference, sources};
use super::page::Nav;
use super::{Ctx, links};
use crate::render::text::words;

pub fn page(ctx: &Ctx<'_>, an: &Analysis) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<p class=\"crumbs\">{}</p>\n<h1>{}</h1>\n<dl class=\"facts\">",
        a("index.html#analyses", "Analyses"),
        esc(&an.title)
    );
    let version = ctx.dataset.version_label(&an.text_version);
    out.push_str(&dt_dd("Publisher", &esc(&an.publisher)));
    out.push_str(&dt_dd("Published", &an.published.to_string()));
    out.push_str(&dt_dd("Kind", &esc(&words(&an.genre))));
    out.push_str(&dt_dd(
        "Text discussed",
        &format!(
            "{} (provision numbers on this page are that version's)",
            esc(version)
        ),
    ));
    let files = &ctx.dataset.bundle().sources;
    let source = match Sources::find(files, &an.source) {
        Some(s) => format!(
            "{}: {}",
            a(&links::source(&s.id), &s.citation()),
            reference(s)
        ),
        None => esc(an.source.as_str()),
    };
    out.push_str(&dt_dd("Source", &source));
    out.push_str("</dl>\n<h2 id=\"summary\">Summary</h2>\n");
    out.push_str(&p(&an.summary));
    let _ = writeln!(
        out,
        "<h2 id=\"concerns\">Concerns ({})</h2>",
        an.concerns.len()
    );
    for c in &an.concerns {
        concern(ctx, &mut out, an, c);
    }
    ctx.page(&an.title, Nav::Analyses, &out)
}

fn concern(ctx: &Ctx<'_>, out: &mut String, an: &Analysis, c: &Concern) {
    let d = ctx.dataset;
    let _ = writeln!(
        out,
        "<section class=\"provision\" id=\"{}\"><h3>{}</h3>",
        links::concern_anchor(&c.id),
        esc(&words(&c.id))
    );
    out.push_str(&p(&c.summary));
    out.push_str("<dl class=\"facts\">\n");
    if !c.provisions.is_empty() {
        let list: Vec<String> = c
            .provisions
            .iter()
            .map(|r| links::cited(d, r, &an.text_version))
            .collect();
        out.push_str(&dt_dd("Provisions", &list.join(", ")));
    }
    if !c.powers.is_empty() {
        let list: Vec<String> = c
            .powers
            .iter()
            .map(|id| match d.power(id.as_str()) {
                Some(pw) => a(&links::power(id.as_str()), &pw.name),
                None => esc(id.as_str()),
            })
            .collect();
        out.push_str(&dt_dd("Powers", &list.join("; ")));
    }
    if !c.missing_safeguards.is_empty() {
        let list: Vec<String> = c
            .missing_safeguards
            .iter()
            .map(|id| {
                esc(&d
                    .safeguard(id.as_str())
                    .map_or(id.to_string(), |s| s.name.clone()))
            })
            .collect();
        out.push_str(&dt_dd("Safeguards missing or weak", &list.join(", ")));
    }
    if !c.data_categories.is_empty() || !c.sensitive_data.is_empty() {
        let mut list: Vec<String> = c.data_categories.iter().map(words).collect();
        list.extend(c.sensitive_data.iter().map(words));
        out.push_str(&dt_dd("Data", &esc(&list.join(", "))));
    }
    out.push_str("</dl>\n");
    out.push_str(&quotes(ctx.dataset, &c.quotes));
    if !c.recommendations.is_empty() {
        out.push_str("<p><strong>Recommends</strong></p><ul>\n");
        for r in &c.recommendations {
            let provisions: Vec<String> = r
                .provisions
                .iter()
                .map(|x| links::cited(d, x, &an.text_version))
                .collect();
            let on = if provisions.is_empty() {
                String::new()
            } else {
                format!(" (on {})", provisions.join(", "))
            };
            let _ = writeln!(
                out,
                "<li><span class=\"modality\">{}</span> {}{on}</li>",
                esc(&words(&r.action)),
                esc(&r.summary)
            );
        }
        out.push_str("</ul>\n");
    }
    let _ = writeln!(
        out,
        "<p class=\"meta\">{}</p></section>",
        sources(ctx.dataset, &c.sources).trim()
    );
}
