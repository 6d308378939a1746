//! A page per power: the explanation of `treaty explain`, with every safeguard in a table
//! whose rows the heat map links to.

use std::fmt::Write as _;

use treaty_model::explain::{Explanation, Reason};
use treaty_model::ids::TextVersionId;
use treaty_model::model::Sources;

use super::html::{a, dt_dd, esc, p, reference, sources, status_badge};
use super::page::Nav;
use super::{Ctx, links};
use crate::render::explain as words;
use crate::render::text;

pub fn page(ctx: &Ctx<'_>, id: &str) -> Option<String> {
    let e = ctx.dataset.explain(id).ok()?;
    let pw = e.power;
    let v = e.text_version;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<p class=\"crumbs\">{} › power <code>{}</code></p>\n<h1>{}</h1>",
        a("index.html#powers", "Powers"),
        esc(pw.id.as_str()),
        esc(&pw.name)
    );
    let mut place = format!(
        "Granted by Article {}",
        links::provision(ctx.dataset, &pw.provision, v)
    );
    if let Some(pl) = &e.place {
        let _ = write!(
            place,
            " (Article {}: {}; Chapter {}: {})",
            pw.provision.article_number(),
            esc(pl.article_title),
            esc(pl.chapter),
            esc(pl.chapter_title)
        );
    }
    let _ = writeln!(
        out,
        "<p class=\"lede\">{place}. {}</p>",
        esc(&words::obligation(pw.scope, pw.obligation))
    );

    out.push_str("<h2 id=\"allows\">What it allows</h2>\n");
    out.push_str(&p(&pw.summary));
    let _ = writeln!(
        out,
        "<p class=\"meta\">{}</p>",
        sources(ctx.dataset, &pw.sources).trim()
    );

    out.push_str("<h2 id=\"facts\">Data, people, offences, time</h2>\n<dl class=\"facts\">\n");
    facts(ctx, &mut out, &e, v);
    out.push_str("</dl>\n");

    safeguards(ctx, &mut out, &e, v);
    concerns(ctx, &mut out, &e);

    out.push_str("<h2 id=\"sources\">Sources</h2>\n<ul>\n");
    for s in &e.sources {
        let _ = writeln!(
            out,
            "<li>{}: {}</li>",
            a(&links::source(&s.id), &s.citation()),
            reference(s)
        );
    }
    out.push_str("</ul>\n");
    Some(ctx.page(&pw.name, Nav::Powers, &out))
}

fn facts(ctx: &Ctx<'_>, out: &mut String, e: &Explanation<'_>, v: &TextVersionId) {
    let pw = e.power;
    let data: Vec<String> = e
        .data_categories
        .iter()
        // Each category with its sources, which the page's list of sources includes.
        .map(|c| {
            let name = match &c.defined_by {
                Some(d) => format!(
                    "{} (defined in Article {})",
                    esc(&c.name),
                    links::provision(ctx.dataset, d, v)
                ),
                None => esc(&c.name),
            };
            format!("{name}{}", sources(ctx.dataset, &c.sources))
        })
        .collect();
    out.push_str(&dt_dd(
        "Which data",
        &if data.is_empty() {
            "not recorded".to_owned()
        } else {
            data.join("; ")
        },
    ));
    if !e.sensitive_data.is_empty() {
        let names: Vec<String> = e
            .sensitive_data
            .iter()
            .map(|s| esc(&s.name.to_lowercase()))
            .collect();
        out.push_str(&dt_dd(
            "Sensitive data",
            &format!(
                "the analyses say it can reach {}, which the convention does not single out",
                names.join(", ")
            ),
        ));
    }
    let who: Vec<String> = pw
        .compellable
        .iter()
        .map(|c| esc(&words::compellable(*c)))
        .collect();
    out.push_str(&dt_dd(
        "Who can be compelled",
        &if who.is_empty() {
            "not recorded".to_owned()
        } else {
            who.join("; ")
        },
    ));
    let offences = match &pw.offence_scope {
        None => "not recorded".to_owned(),
        Some(o) => {
            let classes: Vec<String> = o
                .covers
                .iter()
                .map(|c| esc(&words::offence_class(*c)))
                .collect();
            format!(
                "under Article {}: {}. {}{}",
                links::provision(ctx.dataset, &o.provision, v),
                classes.join("; "),
                esc(o.note.as_deref().unwrap_or("")),
                sources(ctx.dataset, &o.sources)
            )
        }
    };
    out.push_str(&dt_dd("For which offences", &offences));
    let duration = match &pw.duration {
        None => "no period is recorded".to_owned(),
        Some(d) => format!(
            "{} (Article {}). {}{}",
            esc(&words::duration(d)),
            links::provision(ctx.dataset, &d.provision, v),
            esc(d.note.as_deref().unwrap_or("")),
            sources(ctx.dataset, &d.sources)
        ),
    };
    out.push_str(&dt_dd("For how long", &duration));
    if let Some(c) = &pw.confidentiality {
        out.push_str(&dt_dd(
            "Secrecy",
            &format!(
                "{} (Article {}). {}{}",
                esc(words::confidentiality(c).trim_end_matches('.')),
                links::provision(ctx.dataset, &c.provision, v),
                esc(c.note.as_deref().unwrap_or("")),
                sources(ctx.dataset, &c.sources)
            ),
        ));
    }
    if let Some(d) = e.domestic_counterpart {
        out.push_str(&dt_dd(
            "Domestic counterpart",
            &format!(
                "{} (Article {})",
                a(&links::power(d.id.as_str()), &d.name),
                d.provision
            ),
        ));
    }
    if !e.cross_border_counterparts.is_empty() {
        let list: Vec<String> = e
            .cross_border_counterparts
            .iter()
            .map(|c| {
                format!(
                    "{} (Article {})",
                    a(&links::power(c.id.as_str()), &c.name),
                    c.provision
                )
            })
            .collect();
        out.push_str(&dt_dd("Used across borders by", &list.join("; ")));
    }
}

fn safeguards(ctx: &Ctx<'_>, out: &mut String, e: &Explanation<'_>, v: &TextVersionId) {
    out.push_str("<h2 id=\"safeguards\">Safeguards: what applies and what is missing</h2>\n");
    if let Some(a24) = &e.power.article_24 {
        let at = a24
            .provision
            .as_ref()
            .map(|r| format!(" (Article {})", links::provision(ctx.dataset, r, v)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<p>{}{at}. {}{}</p>",
            esc(words::article_24(a24.applies)),
            esc(a24.note.as_deref().unwrap_or("")),
            sources(ctx.dataset, &a24.sources)
        );
    }
    let count = |s| e.with_status(s).count();
    use treaty_model::coverage::CellStatus as S;
    let _ = writeln!(
        out,
        "<p>Of {} safeguards in the taxonomy: {} mandatory, {} discretionary, {} absent, {} not \
         applicable, {} not recorded. See also the {}.</p>",
        e.safeguards.len(),
        count(S::Mandatory),
        count(S::Discretionary),
        count(S::Absent),
        count(S::NotApplicable),
        count(S::NotRecorded),
        a(
            &format!("{}#row-{}", links::COVERAGE, e.power.id),
            "coverage matrix"
        )
    );
    out.push_str(
        "<table class=\"list\"><thead><tr><th scope=\"col\">Safeguard</th><th scope=\"col\">Status</th>\
         <th scope=\"col\">Provision</th><th scope=\"col\">Why, and who says so</th></tr></thead><tbody>\n",
    );
    for line in &e.safeguards {
        let (at, why) = match line.recorded {
            Some(r) => (
                r.provision
                    .as_ref()
                    .map(|p| links::provision(ctx.dataset, p, v))
                    .unwrap_or_default(),
                format!(
                    "{}{}",
                    esc(r.note.as_deref().unwrap_or("")),
                    sources(ctx.dataset, &r.sources)
                ),
            ),
            None => (
                String::new(),
                "<span class=\"note\">The dataset records nothing.</span>".to_owned(),
            ),
        };
        let _ = writeln!(
            out,
            "<tr id=\"{}\"><th scope=\"row\">{}</th><td>{}</td><td>{at}</td><td>{why}</td></tr>",
            links::safeguard_anchor(&line.safeguard.id),
            esc(&line.safeguard.name),
            status_badge(line.status)
        );
    }
    out.push_str("</tbody></table>\n");
}

fn concerns(ctx: &Ctx<'_>, out: &mut String, e: &Explanation<'_>) {
    out.push_str("<h2 id=\"analyses\">What the analyses say</h2>\n");
    if e.concerns.is_empty() {
        out.push_str("<p>No analysis in the dataset discusses this power.</p>\n");
        return;
    }
    out.push_str("<ul>\n");
    for c in &e.concerns {
        let why = match c.reason {
            Reason::NamesPower => "about this power".to_owned(),
            Reason::CitesProvision(r) => format!(
                "citing {}",
                links::cited(ctx.dataset, r, &c.analysis.text_version)
            ),
            _ => String::new(),
        };
        let recs: Vec<String> = c
            .concern
            .recommendations
            .iter()
            .map(|r| {
                format!(
                    "<li>Recommends ({}): {}</li>",
                    esc(&text::words(&r.action)),
                    esc(&r.summary)
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "<li><a href=\"{}\">{}</a>, {why}: {}{}{}</li>",
            links::concern(&c.analysis.id, &c.concern.id),
            esc(&Sources::citation_of(
                &ctx.dataset.bundle().sources,
                &c.analysis.source
            )),
            esc(&c
                .concern
                .summary
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")),
            sources(ctx.dataset, &c.concern.sources),
            if recs.is_empty() {
                String::new()
            } else {
                format!("<ul>{}</ul>", recs.join(""))
            }
        );
    }
    out.push_str("</ul>\n");
}
