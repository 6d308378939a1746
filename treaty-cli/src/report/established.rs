//! What an article establishes, on its page: the offences (Chapter II) and the defined terms
//! (Article 2) that the dataset's offences and definitions files record for it. Those files
//! hold the claims a reader of an offence looks for (is intent required, is security research
//! exempt) with their sources; without this section the edition would show the article's
//! summary and never these claims.

use std::fmt::Write as _;

use treaty_model::ProvisionRef;
use treaty_model::ids::TextVersionId;
use treaty_model::model::Requirement;

use super::html::{dt_dd, esc, p, quotes, sources, status_badge};
use super::{Ctx, links};
use crate::render::text::words;

/// The sections for article `r` of text version `v`: empty when nothing is recorded for it.
pub fn sections(ctx: &Ctx<'_>, r: &ProvisionRef, v: &TextVersionId) -> String {
    let mut out = String::new();
    let offences = ctx.dataset.offences_in(r, v);
    if !offences.is_empty() {
        out.push_str("<h2 id=\"offences\">Offences established</h2>\n");
    }
    for o in offences {
        let core = if o.core_cybercrime {
            "a core cybercrime"
        } else {
            "not a core cybercrime"
        };
        let _ = writeln!(
            out,
            "<h3 id=\"offence-{}\">{} ({})</h3>",
            esc(o.id.as_str()),
            esc(&o.name),
            links::provision(ctx.dataset, &o.provision, v)
        );
        let _ = writeln!(out, "<p class=\"meta\">Classed as {core}.</p>");
        if let Some(s) = &o.summary {
            out.push_str(&p(s));
        }
        out.push_str("<dl class=\"facts\">\n");
        requirement(
            ctx,
            &mut out,
            "Intent requirement",
            &o.intent_requirement,
            v,
        );
        requirement(
            ctx,
            &mut out,
            "Public-interest exemption",
            &o.public_interest_exemption,
            v,
        );
        out.push_str("</dl>\n");
        let _ = writeln!(
            out,
            "<p class=\"meta\">{}</p>",
            sources(ctx.dataset, &o.sources).trim_start()
        );
    }

    let terms = ctx.dataset.terms_in(r, v);
    if !terms.is_empty() {
        out.push_str("<h2 id=\"terms\">Terms defined</h2>\n<dl class=\"terms\">\n");
        for t in terms {
            let _ = write!(
                out,
                "<dt id=\"term-{}\">{} ({})</dt><dd>",
                esc(t.id.as_str()),
                esc(&t.term),
                links::provision(ctx.dataset, &t.provision, v)
            );
            if let Some(s) = &t.summary {
                out.push_str(&esc(s));
            }
            out.push_str(&quotes(ctx.dataset, &t.quotes));
            if let Some(c) = &t.data_category {
                let _ = write!(
                    out,
                    " <span class=\"meta\">Data category: {}.</span>",
                    esc(&words(c))
                );
            }
            let _ = writeln!(
                out,
                " <span class=\"meta\">Verification: {}.{}</span></dd>",
                esc(&words(&t.verification)),
                sources(ctx.dataset, &t.sources)
            );
        }
        out.push_str("</dl>\n");
    }
    out
}

/// A requirement of an offence: its status, the provision that sets it, and the note that says
/// whose claim it is. One not recorded is said to be so, not left out.
fn requirement(
    ctx: &Ctx<'_>,
    out: &mut String,
    what: &str,
    req: &Option<Requirement>,
    v: &TextVersionId,
) {
    let Some(req) = req else {
        out.push_str(&dt_dd(what, "not recorded"));
        return;
    };
    let mut value = status_badge(req.status.into());
    if let Some(at) = &req.provision {
        let _ = write!(value, " ({})", links::provision(ctx.dataset, at, v));
    }
    if let Some(n) = &req.note {
        let _ = write!(value, " {}", esc(n));
    }
    value.push_str(&sources(ctx.dataset, &req.sources));
    out.push_str(&dt_dd(what, &value));
}
