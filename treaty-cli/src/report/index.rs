//! The home page: the instrument, the chapters with every article, the powers, the analyses.

use std::fmt::Write as _;

use treaty_model::ProvisionRef;
use treaty_model::model::{Chapter, PowerScope};

use super::html::{a, esc, p};
use super::page::Nav;
use super::{Ctx, links};
use crate::render::text::{entry_into_force, group_title};
use crate::render::text::{plural, version_words, words};

pub fn page(ctx: &Ctx<'_>) -> String {
    let d = ctx.dataset;
    let mut out = String::new();
    let _ = writeln!(out, "<h1>{}</h1>", esc(&ctx.site));
    if let Some(i) = d.instrument() {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", esc(&i.official_title));
    }
    out.push_str(&p(
        "A machine-readable edition of the convention: its structure (summaries in our words and \
         short quotations, not the official text), the investigative and cooperation powers it \
         creates, the data they reach, the safeguards that apply to them, and what published \
         analyses say. Every fact cites its sources.",
    ));
    facts(ctx, &mut out);
    let chapters = &d.bundle().chapters;
    out.push_str("<nav aria-label=\"Contents\"><h2 id=\"contents\">Contents</h2><ul>\n");
    for c in chapters {
        let _ = writeln!(
            out,
            "<li><a href=\"#{}\">Chapter {}: {}</a></li>",
            chapter_anchor(c),
            esc(&c.number),
            esc(&c.title)
        );
    }
    let _ = writeln!(
        out,
        "<li>{}</li><li><a href=\"#powers\">Powers</a></li><li><a href=\"#analyses\">Analyses</a></li><li>{}</li><li>{}</li></ul></nav>",
        a(links::COVERAGE, "Coverage matrix (heat map)"),
        a(links::PARTICIPATION, "Participation"),
        a(links::SOURCES, "Sources")
    );
    let several_versions = chapters
        .iter()
        .any(|c| c.text_version != chapters[0].text_version);
    out.push_str("<h2 id=\"chapters\">Chapters and articles</h2>\n");
    for c in chapters {
        chapter(ctx, &mut out, c, several_versions);
    }
    powers(ctx, &mut out);
    analyses(ctx, &mut out);
    ctx.page("Articles", Nav::Index, &out)
}

fn chapter_anchor(c: &Chapter) -> String {
    if c.text_version.as_str() == "final" {
        format!("chp_{}", c.number)
    } else {
        format!("{}.chp_{}", c.text_version, c.number)
    }
}

fn facts(ctx: &Ctx<'_>, out: &mut String) {
    let d = ctx.dataset;
    out.push_str("<dl class=\"facts\">\n");
    if let Some(i) = d.instrument() {
        let versions: Vec<String> = i
            .text_versions
            .iter()
            .map(|v| {
                let date = v.date.map(|d| format!(" ({d})")).unwrap_or_default();
                let href = format!("{}#{}", links::VERSIONS, links::version_anchor(&v.id));
                format!("{}{date}", a(&href, &v.label))
            })
            .collect();
        out.push_str(&super::html::dt_dd("Text versions", &versions.join("; ")));
    }
    if let Some(e) = d.entry_into_force() {
        out.push_str(&super::html::dt_dd(
            "Entry into force",
            &esc(&entry_into_force(&e, ctx.today)),
        ));
    }
    let states = d.participants().len();
    if states > 0 {
        out.push_str(&super::html::dt_dd(
            "Participation",
            &a(
                links::PARTICIPATION,
                &format!("{states} states recorded: who signed when, who ratified"),
            ),
        ));
    }
    let _ = writeln!(
        out,
        "{}{}</dl>",
        super::html::dt_dd("Powers", &d.powers().count().to_string()),
        super::html::dt_dd("Analyses", &d.bundle().analyses.len().to_string())
    );
}

fn chapter(ctx: &Ctx<'_>, out: &mut String, c: &Chapter, show_version: bool) {
    let version = if show_version {
        format!(" ({})", esc(ctx.dataset.version_label(&c.text_version)))
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "<section class=\"chapter\" id=\"{}\" aria-labelledby=\"{}-h\"><h3 id=\"{}-h\">Chapter {}: {}{version}</h3>\n<ol class=\"articles\">",
        chapter_anchor(c),
        chapter_anchor(c),
        chapter_anchor(c),
        esc(&c.number),
        esc(&c.title)
    );
    for art in &c.articles {
        let r = ProvisionRef::article(art.number);
        let mut meta = Vec::new();
        if c.text_version.as_str() == "final" {
            let powers = ctx.dataset.powers_in(&r, &c.text_version).len();
            if powers > 0 {
                meta.push(plural(powers, "power"));
            }
            let cited = ctx.dataset.analyses_citing(&r).len();
            if cited > 0 {
                meta.push(plural(cited, "concern"));
            }
        }
        let meta = if meta.is_empty() {
            String::new()
        } else {
            format!(" <span class=\"meta\">{}</span>", meta.join(" · "))
        };
        let _ = writeln!(
            out,
            "<li><a class=\"article-link\" href=\"{}\">Article {}: {}</a>{meta}</li>",
            links::article(&c.text_version, art.number),
            art.number,
            esc(&art.title)
        );
    }
    out.push_str("</ol></section>\n");
}

fn powers(ctx: &Ctx<'_>, out: &mut String) {
    out.push_str("<h2 id=\"powers\">Powers</h2>\n");
    for scope in [PowerScope::Domestic, PowerScope::CrossBorder] {
        let list: Vec<_> = ctx.dataset.powers().filter(|p| p.scope == scope).collect();
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "<h3>{}</h3>\n<ul>", group_title(scope));
        for p in list {
            let cats: Vec<String> = p.data_categories.iter().map(words).collect();
            let _ = writeln!(
                out,
                "<li><a href=\"{}\">Article {}: {}</a> <span class=\"meta\">{}; {}</span></li>",
                links::power(p.id.as_str()),
                p.provision,
                esc(&p.name),
                esc(&words(&p.obligation)),
                esc(&cats.join(", "))
            );
        }
        out.push_str("</ul>\n");
    }
}

fn analyses(ctx: &Ctx<'_>, out: &mut String) {
    out.push_str("<h2 id=\"analyses\">Analyses</h2>\n<ul>\n");
    for an in &ctx.dataset.bundle().analyses {
        let _ = writeln!(
            out,
            "<li><a href=\"{}\">{}</a> <span class=\"meta\">{}, {}; {}; on the {}</span></li>",
            links::analysis(&an.id),
            esc(&an.title),
            esc(&an.publisher),
            an.published,
            plural(an.concerns.len(), "concern"),
            esc(&version_words(ctx.dataset, &an.text_version))
        );
    }
    out.push_str("</ul>\n");
}
