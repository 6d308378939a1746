//! The text versions page: each version of the convention the dataset knows (the drafts and
//! the final text) with its symbol, date, summary and the milestones of its negotiation and
//! adoption, each with how far it was checked and its sources. An analysis read one version;
//! this page says what that version was and when.

use std::fmt::Write as _;

use treaty_model::Verification;
use treaty_model::model::Milestone;

use super::html::{dt_dd, esc, p, sources};
use super::page::Nav;
use super::{Ctx, links};
use crate::render::text::{capitalise, words};

pub fn page(ctx: &Ctx<'_>) -> String {
    let d = ctx.dataset;
    let mut out = String::from("<h1>Text versions</h1>\n");
    let Some(instrument) = d.instrument() else {
        out.push_str(&p(
            "The dataset has no instrument file, so no text version is known.",
        ));
        return ctx.page("Text versions", Nav::Versions, &out);
    };
    out.push_str(&p(
        "The versions of the convention the dataset describes. Provisions are numbered as in the \
         version they belong to; an analysis cites the version it read.",
    ));
    for v in &instrument.text_versions {
        let _ = writeln!(
            out,
            "<h2 id=\"{}\">{}</h2>\n<dl class=\"facts\">",
            links::version_anchor(&v.id),
            esc(&v.label)
        );
        out.push_str(&dt_dd(
            "Id",
            &format!("<code>{}</code>", esc(v.id.as_str())),
        ));
        out.push_str(&dt_dd("Stage", &esc(&words(&v.stage))));
        if let Some(s) = &v.symbol {
            out.push_str(&dt_dd("Symbol", &esc(s)));
        }
        if let Some(date) = &v.date {
            out.push_str(&dt_dd("Date", &date.to_string()));
        }
        out.push_str(&dt_dd("Verification", &esc(&words(&v.verification))));
        out.push_str("</dl>\n");
        let _ = writeln!(out, "<p>{}{}</p>", esc(&v.summary), sources(d, &v.sources));
        if !v.milestones.is_empty() {
            milestones(ctx, &mut out, &v.milestones);
        }
    }
    ctx.page("Text versions", Nav::Versions, &out)
}

fn milestones(ctx: &Ctx<'_>, out: &mut String, milestones: &[Milestone]) {
    out.push_str(
        "<table class=\"list\">\n<thead><tr><th scope=\"col\">Event</th><th scope=\"col\">Date</th>\
         <th scope=\"col\">Symbol</th><th scope=\"col\">Note and sources</th></tr></thead>\n<tbody>\n",
    );
    for m in milestones {
        let mut date = m
            .date
            .map_or_else(|| "not known".to_owned(), |d| d.to_string());
        match m.verification {
            Verification::Verified => {}
            Verification::Partly => date.push_str(" (partly verified)"),
            other => {
                let _ = write!(date, " ({})", words(&other));
            }
        }
        let note = m.note.as_deref().map(esc).unwrap_or_default();
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{note}{}</td></tr>",
            esc(&capitalise(&words(&m.event))),
            esc(&date),
            esc(m.symbol.as_deref().unwrap_or("")),
            sources(ctx.dataset, &m.sources)
        );
    }
    out.push_str("</tbody></table>\n");
}
