//! A page per article: paragraphs and points with their modality, the offences and terms it
//! establishes, numbering in other text versions, the matching articles of other treaties,
//! the powers it grants with their safeguards, the safeguard statuses that rest on it, and
//! the analyses that cite it.

use std::fmt::Write as _;

use treaty_model::ProvisionRef;
use treaty_model::coverage::CellStatus;
use treaty_model::ids::TextVersionId;
use treaty_model::model::{Article, Chapter, Paragraph, Point, Sources};

use super::html::{a, esc, modality, p, quotes, sources, status_badge};
use super::page::Nav;
use super::{Ctx, links};
use crate::render::text::{capitalise, counterpart, words};

pub fn page(ctx: &Ctx<'_>, chapter: &Chapter, art: &Article) -> String {
    let v = &chapter.text_version;
    let r = ProvisionRef::article(art.number);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<p class=\"crumbs\"><a href=\"{}#chp_{}\">Chapter {}: {}</a></p>",
        links::INDEX,
        esc(&chapter.number),
        esc(&chapter.number),
        esc(&chapter.title)
    );
    let version = if v.as_str() == "final" {
        String::new()
    } else {
        format!(" ({})", esc(ctx.dataset.version_label(v)))
    };
    let _ = writeln!(
        out,
        "<section class=\"provision\" id=\"{}\"><h1>Article {}: {}{version}{}</h1>",
        r.to_eid(),
        art.number,
        esc(&art.title),
        modality(art.modality)
    );
    if let Some(s) = &art.summary {
        out.push_str(&p(s));
    }
    out.push_str(&quotes(ctx.dataset, &art.quotes));
    cross_references(ctx, &mut out, &art.cross_references, v);
    let _ = writeln!(
        out,
        "<p class=\"meta\">Title verification: {}.{}</p></section>",
        esc(&words(&art.verification)),
        sources(ctx.dataset, &art.sources)
    );
    if !art.paragraphs.is_empty() || !art.points.is_empty() {
        out.push_str("<h2 id=\"paragraphs\">Paragraphs and points described</h2>\n");
        out.push_str(&p(
            "Only the paragraphs and points that the sources discuss are described, in our words.",
        ));
    }
    for para in &art.paragraphs {
        paragraph(ctx, &mut out, &r, para, v);
    }
    for pt in &art.points {
        point(ctx, &mut out, &r, pt, v, 2);
    }
    out.push_str(&super::established::sections(ctx, &r, v));
    numbering(ctx, &mut out, &r, v);
    other_treaties(ctx, &mut out, &r, v);
    if v.as_str() == "final" {
        powers(ctx, &mut out, &r, v);
        resting_here(ctx, &mut out, &r);
    }
    citations(ctx, &mut out, &r, v);
    let title = format!("Article {}: {}", art.number, art.title);
    ctx.page(&title, Nav::Articles, &out)
}

fn cross_references(ctx: &Ctx<'_>, out: &mut String, refs: &[ProvisionRef], v: &TextVersionId) {
    if refs.is_empty() {
        return;
    }
    let list: Vec<String> = refs
        .iter()
        .map(|r| links::provision(ctx.dataset, r, v))
        .collect();
    let _ = writeln!(out, "<p>Refers to {}.</p>", list.join(", "));
}

fn paragraph(
    ctx: &Ctx<'_>,
    out: &mut String,
    art: &ProvisionRef,
    para: &Paragraph,
    v: &TextVersionId,
) {
    let r = art.clone().with_paragraph(para.number);
    let _ = writeln!(
        out,
        "<section class=\"provision\" id=\"{}\"><h3>Paragraph {}{}</h3>",
        r.to_eid(),
        para.number,
        modality(para.modality)
    );
    match &para.summary {
        Some(s) => out.push_str(&p(s)),
        None => out.push_str("<p class=\"note\">No summary recorded.</p>\n"),
    }
    out.push_str(&quotes(ctx.dataset, &para.quotes));
    cross_references(ctx, out, &para.cross_references, v);
    if let Some(n) = &para.note {
        let _ = writeln!(out, "<p class=\"note\">Note: {}</p>", esc(n));
    }
    let _ = writeln!(
        out,
        "<p class=\"meta\">{}</p>",
        sources(ctx.dataset, &para.sources).trim()
    );
    for pt in &para.points {
        point(ctx, out, &r, pt, v, 4);
    }
    out.push_str("</section>\n");
}

fn point(
    ctx: &Ctx<'_>,
    out: &mut String,
    parent: &ProvisionRef,
    pt: &Point,
    v: &TextVersionId,
    level: u8,
) {
    let Some(r) = parent.clone().with_point(&pt.letter) else {
        return;
    };
    let _ = writeln!(
        out,
        "<section class=\"provision\" id=\"{}\"><h{level}>Point ({}){}</h{level}>",
        r.to_eid(),
        esc(&pt.letter),
        modality(pt.modality)
    );
    if let Some(s) = &pt.summary {
        out.push_str(&p(s));
    }
    out.push_str(&quotes(ctx.dataset, &pt.quotes));
    cross_references(ctx, out, &pt.cross_references, v);
    if let Some(n) = &pt.note {
        let _ = writeln!(out, "<p class=\"note\">Note: {}</p>", esc(n));
    }
    let _ = writeln!(
        out,
        "<p class=\"meta\">{}</p>",
        sources(ctx.dataset, &pt.sources).trim()
    );
    for sp in &pt.subpoints {
        let Ok(sr) = format!("{r}({})", sp.numeral).parse::<ProvisionRef>() else {
            continue;
        };
        let _ = writeln!(
            out,
            "<section class=\"provision\" id=\"{}\"><p><strong>({})</strong> {}</p>{}<p class=\"meta\">{}</p></section>",
            sr.to_eid(),
            esc(&sp.numeral),
            esc(sp.summary.as_deref().unwrap_or("")),
            quotes(ctx.dataset, &sp.quotes),
            sources(ctx.dataset, &sp.sources).trim()
        );
    }
    out.push_str("</section>\n");
}

fn numbering(ctx: &Ctx<'_>, out: &mut String, r: &ProvisionRef, v: &TextVersionId) {
    let Ok(info) = ctx.dataset.describe(&r.clone().in_version(v.clone())) else {
        return;
    };
    out.push_str("<h2 id=\"numbering\">Numbering in other versions</h2>\n");
    if info.numbering.is_empty() {
        out.push_str("<p>No concordance entry links this article to another text version.</p>\n");
        return;
    }
    out.push_str(
        "<table class=\"list\"><thead><tr><th scope=\"col\">Here</th><th scope=\"col\">Text version</th><th scope=\"col\">Provision</th><th scope=\"col\">Relation</th><th scope=\"col\">Subject</th><th scope=\"col\">Checked</th><th scope=\"col\">Note and sources</th></tr></thead><tbody>\n",
    );
    for n in &info.numbering {
        let there = match &n.provision {
            Some(pr) => links::provision(ctx.dataset, pr, n.text_version),
            None => "no counterpart".to_owned(),
        };
        let label = a(
            &format!(
                "{}#{}",
                links::VERSIONS,
                links::version_anchor(n.text_version)
            ),
            ctx.dataset.version_label(n.text_version),
        );
        let note = n.note.map_or(String::new(), |t| format!("{} ", esc(t)));
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{there}</td><td>{}</td><td>{}</td><td>{}</td><td>{note}{}</td></tr>",
            esc(&n.of.to_string()),
            label,
            esc(&words(&n.relation)),
            esc(n.subject.unwrap_or("")),
            esc(&words(&n.verification)),
            sources(ctx.dataset, n.sources)
        );
    }
    out.push_str("</tbody></table>\n");
}

/// The matching articles of other treaties (the Budapest Convention), as the crosswalk
/// files record them: matched by subject, each with how far the match was checked.
fn other_treaties(ctx: &Ctx<'_>, out: &mut String, r: &ProvisionRef, v: &TextVersionId) {
    let entries = ctx.dataset.crosswalk_entries(r, v);
    if entries.is_empty() {
        return;
    }
    out.push_str(
        "<h2 id=\"other-treaties\">In other treaties</h2>\n<table class=\"list\"><thead><tr><th scope=\"col\">Here</th><th scope=\"col\">Treaty</th><th scope=\"col\">Provision</th><th scope=\"col\">Relation</th><th scope=\"col\">Checked</th><th scope=\"col\">Note and sources</th></tr></thead><tbody>\n",
    );
    for (file, e) in entries
        .iter()
        .flat_map(|(f, es)| es.iter().map(move |e| (f, e)))
    {
        let other = &file.other;
        let here = e
            .provision
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default();
        let treaty = match &other.symbol {
            Some(s) => format!("{} ({s})", other.title),
            None => other.title.clone(),
        };
        let note = e
            .note
            .as_deref()
            .map_or(String::new(), |t| format!("{} ", esc(t)));
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{note}{}</td></tr>",
            esc(&here),
            esc(&treaty),
            esc(&counterpart(e)),
            esc(&words(&e.relation)),
            esc(&words(&e.verification)),
            sources(ctx.dataset, &e.sources)
        );
    }
    out.push_str("</tbody></table>\n");
    // What the whole file says of its matches (by subject, not official) qualifies each row.
    for (f, _) in &entries {
        if let Some(n) = &f.note {
            let _ = writeln!(
                out,
                "<p class=\"note\">{}: {}</p>",
                esc(&f.other.title),
                esc(n)
            );
        }
    }
}

fn powers(ctx: &Ctx<'_>, out: &mut String, r: &ProvisionRef, v: &TextVersionId) {
    let powers = ctx.dataset.powers_in(r, v);
    if powers.is_empty() {
        return;
    }
    out.push_str("<h2 id=\"powers\">Powers and their safeguards</h2>\n");
    for pw in powers {
        let _ = writeln!(
            out,
            "<h3><a href=\"{}\">Article {}: {}</a></h3>\n<p>{} power, {}. Data: {}.</p>",
            links::power(pw.id.as_str()),
            pw.provision,
            esc(&pw.name),
            esc(&capitalise(&words(&pw.scope))),
            esc(&words(&pw.obligation)),
            esc(&pw
                .data_categories
                .iter()
                .map(words)
                .collect::<Vec<_>>()
                .join(", "))
        );
        out.push_str("<ul>\n");
        for &status in CellStatus::ALL {
            let names: Vec<String> = ctx
                .dataset
                .safeguards()
                .filter(|s| {
                    let st = pw
                        .safeguards
                        .iter()
                        .find(|x| x.safeguard == s.id)
                        .map_or(CellStatus::NotRecorded, |x| x.status.into());
                    st == status
                })
                .map(|s| a(&links::power_safeguard(pw.id.as_str(), &s.id), &s.name))
                .collect();
            if !names.is_empty() {
                let _ = writeln!(
                    out,
                    "<li>{} ({}): {}</li>",
                    status_badge(status),
                    names.len(),
                    names.join(", ")
                );
            }
        }
        out.push_str("</ul>\n");
    }
}

/// Safeguard statuses whose provision lies in this article (Article 24's "as appropriate").
fn resting_here(ctx: &Ctx<'_>, out: &mut String, r: &ProvisionRef) {
    type Group = (
        String,
        CellStatus,
        ProvisionRef,
        Vec<(ProvisionRef, String)>,
    );
    let mut groups: Vec<Group> = Vec::new();
    for pw in ctx.dataset.powers() {
        for s in &pw.safeguards {
            let Some(at) = s.provision.as_ref().filter(|at| r.contains(at)) else {
                continue;
            };
            let status: CellStatus = s.status.into();
            let link = a(
                &links::power_safeguard(pw.id.as_str(), &s.safeguard),
                &pw.provision.to_string(),
            );
            let entry = (pw.provision.clone(), link);
            match groups
                .iter_mut()
                .find(|g| g.0 == s.safeguard.as_str() && g.1 == status && &g.2 == at)
            {
                Some(g) => g.3.push(entry),
                None => groups.push((s.safeguard.to_string(), status, at.clone(), vec![entry])),
            }
        }
    }
    if groups.is_empty() {
        return;
    }
    out.push_str("<h2 id=\"safeguards\">Safeguard statuses based on this article</h2>\n<ul>\n");
    for (safeguard, status, at, mut powers) in groups {
        powers.sort();
        let powers: Vec<String> = powers.into_iter().map(|(_, link)| link).collect();
        let name = ctx
            .dataset
            .safeguard(&safeguard)
            .map_or(safeguard.clone(), |s| s.name.clone());
        let _ = writeln!(
            out,
            "<li>{} {} under {} for {}: {}</li>",
            esc(&name),
            status_badge(status),
            links::provision(ctx.dataset, &at, &TextVersionId::final_text()),
            if powers.len() == 1 {
                "1 power".to_owned()
            } else {
                format!("{} powers", powers.len())
            },
            powers.join(", ")
        );
    }
    out.push_str("</ul>\n");
}

fn citations(ctx: &Ctx<'_>, out: &mut String, r: &ProvisionRef, v: &TextVersionId) {
    let Ok(info) = ctx.dataset.describe(&r.clone().in_version(v.clone())) else {
        return;
    };
    out.push_str("<h2 id=\"analyses\">What the analyses say</h2>\n");
    if info.citations.is_empty() {
        out.push_str("<p>No analysis in the dataset cites this article.</p>\n");
        return;
    }
    out.push_str("<ul>\n");
    for c in &info.citations {
        let _ = writeln!(
            out,
            "<li><a href=\"{}\">{}</a>, citing {}: {}{}</li>",
            links::concern(&c.analysis.id, &c.concern.id),
            esc(&Sources::citation_of(
                &ctx.dataset.bundle().sources,
                &c.analysis.source
            )),
            links::cited(ctx.dataset, c.cited, &c.analysis.text_version),
            esc(&c
                .concern
                .summary
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")),
            sources(ctx.dataset, &c.concern.sources)
        );
    }
    out.push_str("</ul>\n");
}
