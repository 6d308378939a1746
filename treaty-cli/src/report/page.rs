//! The page layout: one self-contained HTML document per page, with inline CSS and no script,
//! font, image or other resource from anywhere.

use std::fmt::Write as _;

use super::html::esc;
use super::links;

/// The sections of the site, for the navigation bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    /// The index.
    Index,
    /// The coverage heat map.
    Coverage,
    /// A power page.
    Powers,
    /// An analysis page.
    Analyses,
    /// The list of sources.
    Sources,
    /// An article page.
    Articles,
    /// The participation page.
    Participation,
    /// The vocabulary page.
    Vocabulary,
    /// The text versions page.
    Versions,
}

/// The generator tag every page carries; `treaty report` replaces a directory only if its
/// index has it.
pub const GENERATOR: &str = "<meta name=\"generator\" content=\"treaty report\">";

/// The stylesheet, inlined in every page.
pub const CSS: &str = r#"
:root{--fg:#1b1b1b;--muted:#555;--bg:#fff;--line:#d0d0d0;--link:#0b4f9c;--focus:#1a5fb4;
--m:#1b7a34;--d:#f2b705;--a:#b3261e;--na:#9a9a9a;--u:#fff}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--link)}
a:focus-visible,[tabindex]:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{left:.5rem}
header.site{background:#12263f;color:#fff;padding:.6rem 1rem}
header.site a{color:#fff}
header.site .brand{font-weight:700;text-decoration:none;margin-right:1rem}
nav.top ul{list-style:none;margin:.3rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 1rem}
nav.top a[aria-current]{text-decoration-thickness:3px}
main{max-width:72rem;margin:0 auto;padding:1rem}
main.wide{max-width:none}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:1.8rem 0 .6rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
p,li,dd{max-width:48rem}
.crumbs{font-size:.9rem;color:var(--muted)}
.lede{font-size:1.05rem}
.src,.note,.meta{color:var(--muted);font-size:.9rem}
.modality{display:inline-block;font-size:.8rem;border:1px solid var(--line);border-radius:.3rem;padding:0 .35rem;margin-left:.3rem;white-space:nowrap}
.badge{display:inline-block;border-radius:.3rem;padding:0 .4rem;font-size:.85rem;font-weight:600;white-space:nowrap}
.s-mandatory{background:var(--m);color:#fff}
.s-discretionary{background:var(--d);color:#000}
.s-absent{background:var(--a);color:#fff}
.s-na{background:var(--na);color:#000}
.s-unknown{background:var(--u);color:#444;border:1px dashed #777}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;margin:0}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
dl.terms dt{font-weight:600;margin-top:.7rem}
dl.terms dd{margin:.2rem 0 0 1.2rem}
ol.articles{padding-left:0;list-style:none;columns:2 22rem;column-gap:2rem}
ol.articles li{break-inside:avoid;margin:.15rem 0}
.chapter{margin-bottom:1.5rem}
section.provision{border-left:3px solid var(--line);padding-left:.8rem;margin:1rem 0}
section.provision:target,tr:target{background:#fff6d5}
ul.quotes{padding-left:1.2rem}
table.list{border-collapse:collapse;width:100%;margin:.5rem 0}
table.list th,table.list td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
table.list th{background:#f3f5f8}
.scroll{overflow-x:auto;border:1px solid var(--line);max-width:100%}
table.matrix{border-collapse:separate;border-spacing:0;font-size:.85rem}
table.matrix th,table.matrix td{border-right:1px solid #fff;border-bottom:1px solid #fff;padding:0}
table.matrix thead th{background:#f3f5f8;font-weight:600}
table.matrix th.fam{font-size:.75rem;text-align:left;padding:.2rem .3rem;border-left:2px solid #fff;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:1px}
table.matrix th.sg{height:15rem;vertical-align:bottom;padding:.3rem 0;width:1.6rem;min-width:1.6rem;max-width:1.6rem}
table.matrix th.sg span{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;display:inline-block;font-weight:500}
table.matrix th.row{position:sticky;left:0;background:#fff;text-align:left;padding:.2rem .5rem;font-weight:500;min-width:12rem;max-width:15rem;border-right:2px solid var(--line);z-index:1}
table.matrix th.row .pname{display:block;font-size:.78rem;color:var(--muted);line-height:1.2}
table.matrix th.corner{position:sticky;left:0;z-index:2;text-align:left;vertical-align:bottom;padding:.3rem .5rem}
table.matrix tr.group th{position:sticky;left:0;text-align:left;background:#12263f;color:#fff;padding:.3rem .5rem}
table.matrix td.info{background:#f3f5f8;text-align:center;padding:0 .35rem;white-space:nowrap;font-size:.78rem}
table.matrix td.cell{width:1.6rem;min-width:1.6rem;height:1.9rem;text-align:center;font-weight:700}
table.matrix td.cell a,table.matrix td.cell span.v{display:block;line-height:1.9rem;color:inherit;text-decoration:none}
table.matrix td.cell a:hover{text-decoration:underline}
table.matrix td.cell.s-unknown{border:1px dashed #bbb}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;list-style:none;padding:0;margin:.8rem 0}
.legend .sw{display:inline-block;min-width:2rem;text-align:center;font-weight:700;border-radius:.2rem;margin-right:.35rem}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
footer{max-width:72rem;margin:2rem auto;padding:1rem;border-top:1px solid var(--line);color:var(--muted);font-size:.85rem}
@media (max-width:640px){
 body{font-size:15px}
 main{padding:.6rem}
 h1{font-size:1.35rem}
 ol.articles{columns:1}
 dl.facts{grid-template-columns:1fr}
 dl.facts dd{margin-bottom:.4rem}
 table.matrix th.row{min-width:4.5rem;max-width:7rem}
 table.matrix th.row .pname{display:none}
 table.matrix th.sg{height:11rem}
 table.list th,table.list td{padding:.3rem}
}
@media print{header.site,.skip{display:none}.scroll{overflow:visible}}
"#;

/// A page of the site with the navigation bar; `wide` lets the content use the whole width.
pub fn page(site: &str, title: &str, current: Nav, wide: bool, body: &str) -> String {
    let item = |nav: Nav, href: &str, text: &str| {
        let cur = if nav == current {
            " aria-current=\"page\""
        } else {
            ""
        };
        format!("<li><a href=\"{href}\"{cur}>{text}</a></li>")
    };
    let mut out = head(&format!("{title} · {site}"));
    let _ = write!(
        out,
        "<a class=\"skip\" href=\"#main\">Skip to content</a>\n\
         <header class=\"site\"><a class=\"brand\" href=\"{}\">{}</a>\n\
         <nav class=\"top\" aria-label=\"Site\"><ul>{}{}{}{}{}{}{}{}</ul></nav></header>\n",
        links::INDEX,
        esc(site),
        item(Nav::Index, links::INDEX, "Articles"),
        item(Nav::Coverage, links::COVERAGE, "Coverage matrix"),
        item(Nav::Powers, "index.html#powers", "Powers"),
        item(Nav::Analyses, "index.html#analyses", "Analyses"),
        item(Nav::Participation, links::PARTICIPATION, "Participation"),
        item(Nav::Versions, links::VERSIONS, "Text versions"),
        item(Nav::Vocabulary, links::VOCABULARY, "Vocabulary"),
        item(Nav::Sources, links::SOURCES, "Sources"),
    );
    let _ = write!(
        out,
        "<main id=\"main\"{}>\n{body}</main>\n<footer>Generated by treaty {} from validated, \
         sourced data: every fact cites its sources. Statuses are what the cited analyses say, \
         not legal advice.</footer>\n</body>\n</html>\n",
        if wide { " class=\"wide\"" } else { "" },
        env!("CARGO_PKG_VERSION")
    );
    out
}

/// A page on its own (`treaty coverage --format html`): the same style, no site navigation.
pub fn standalone(title: &str, body: &str) -> String {
    let mut out = head(title);
    let _ = write!(
        out,
        "<main id=\"main\" class=\"wide\">\n<h1>{}</h1>\n{body}</main>\n</body>\n</html>\n",
        esc(title)
    );
    out
}

fn head(title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         {GENERATOR}\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        esc(title)
    )
}
