//! The list of sources every page cites, one anchor per source.

use std::fmt::Write as _;

use super::html::{esc, reference};
use super::page::Nav;
use super::{Ctx, links};
use crate::render::text::words;

pub fn page(ctx: &Ctx<'_>) -> String {
    let mut out = String::from(
        "<h1>Sources</h1>\n<p>Every fact in this edition cites one or more of these documents. \
         Their verification says whether the project read the document itself.</p>\n<ul>\n",
    );
    for s in ctx
        .dataset
        .bundle()
        .sources
        .iter()
        .flat_map(|f| f.sources.iter())
    {
        let mut line = format!(
            "<li id=\"{}\"><strong>{}</strong>: {}",
            links::source_anchor(&s.id),
            esc(&s.citation()),
            reference(s)
        );
        let _ = write!(
            line,
            " <span class=\"meta\">({}, {}; id <code>{}</code>)</span>",
            esc(&words(&s.kind)),
            esc(&words(&s.verification)),
            esc(s.id.as_str())
        );
        if let Some(n) = &s.note {
            let _ = write!(line, " <span class=\"note\">{}</span>", esc(n));
        }
        line.push_str("</li>\n");
        out.push_str(&line);
    }
    out.push_str("</ul>\n");
    ctx.page("Sources", Nav::Sources, &out)
}
