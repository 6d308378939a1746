//! `treaty report`: a static, self-contained HTML edition of a dataset.
//!
//! Pages: an index by chapter ([`links::INDEX`]), a page per article (paragraphs, modality,
//! the offences and terms it establishes, numbering in other versions, powers, safeguards,
//! the analyses that cite it), a page per power (the explanation of `treaty explain`), the
//! coverage heat map, a page per analysis, the participation page (who signed and ratified,
//! and the computed entry into force), the text versions (drafts and the final text, with
//! their milestones), the vocabulary (what each safeguard and data category means) and the
//! list of sources. Every page is one HTML file with inline CSS and no script or network
//! resource; links are relative and flat (see [`links`]), so the site works opened from disk
//! and from any static host.

mod analysis;
mod article;
mod escape;
mod established;
pub mod heatmap;
mod html;
mod index;
pub mod links;
pub mod page;
mod participation;
mod power;
mod sources;
mod versions;
mod vocabulary;

use treaty_model::Dataset;
use treaty_model::coverage::{Filter, Matrix, UnknownId};

use page::Nav;

/// What every page builder needs.
struct Ctx<'a> {
    dataset: &'a Dataset,
    /// The site's name, in every page's header.
    site: String,
    matrix: Matrix,
    /// The day the edition speaks as of.
    today: treaty_model::date::Date,
}

impl Ctx<'_> {
    fn page(&self, title: &str, nav: Nav, body: &str) -> String {
        page::page(&self.site, title, nav, false, body)
    }
}

/// Every page of the site: (file name, HTML), index first. (The error cannot happen with the
/// unfiltered matrix the site shows; it is passed on rather than hidden.) `today` is the day
/// the edition speaks as of: whether a computed entry into force has come.
pub fn site(
    dataset: &Dataset,
    today: treaty_model::date::Date,
) -> Result<Vec<(String, String)>, UnknownId> {
    let ctx = Ctx {
        dataset,
        site: dataset
            .instrument()
            .map_or_else(|| "Convention".to_owned(), |i| i.short_title.clone()),
        matrix: dataset.coverage(&Filter::default())?,
        today,
    };
    let mut pages = vec![(links::INDEX.to_owned(), index::page(&ctx))];
    pages.push((links::COVERAGE.to_owned(), coverage(&ctx)));
    for chapter in &dataset.bundle().chapters {
        for a in &chapter.articles {
            pages.push((
                links::article(&chapter.text_version, a.number),
                article::page(&ctx, chapter, a),
            ));
        }
    }
    for p in dataset.powers() {
        if let Some(html) = power::page(&ctx, p.id.as_str()) {
            pages.push((links::power(p.id.as_str()), html));
        }
    }
    for a in &dataset.bundle().analyses {
        pages.push((links::analysis(&a.id), analysis::page(&ctx, a)));
    }
    pages.push((links::PARTICIPATION.to_owned(), participation::page(&ctx)));
    pages.push((links::VERSIONS.to_owned(), versions::page(&ctx)));
    pages.push((links::VOCABULARY.to_owned(), vocabulary::page(&ctx)));
    pages.push((links::SOURCES.to_owned(), sources::page(&ctx)));
    Ok(pages)
}

fn coverage(ctx: &Ctx<'_>) -> String {
    let body = format!(
        "<h1>Coverage matrix: powers and their safeguards</h1>\n{}",
        heatmap::heatmap(&ctx.matrix, true)
    );
    page::page(&ctx.site, "Coverage matrix", Nav::Coverage, true, &body)
}
