//! The coverage matrix as a coloured heat map: a real table (row and column headers, a
//! caption), a legend with counts, and a letter in every cell so that nothing depends on
//! colour alone.

use std::fmt::Write as _;

use treaty_model::coverage::{CellStatus, Matrix, Row};
use treaty_model::ids::{SafeguardId, SourceId};
use treaty_model::model::Sources;
use treaty_model::{Dataset, ProvisionRef};

use super::html::{a, esc, reference, status_badge, status_class, status_symbol};
use super::links;
use crate::render::text::{capitalise, words};
use crate::render::text::{category_codes, group_title};

/// The heat map, its legend and a summary; with `linked`, row headers link to the power
/// pages and cells to the safeguard's row there (the site), else nothing links (a page on
/// its own).
pub fn heatmap(matrix: &Matrix, linked: bool) -> String {
    let mut out = String::new();
    let total = matrix.row_count() * matrix.safeguards.len();
    let _ = writeln!(
        out,
        "<p class=\"lede\">{} powers (rows) by {} safeguards (columns): for each, whether the \
         convention makes the safeguard <strong>mandatory</strong>, leaves it to each state \
         (<strong>discretionary</strong>), or does not provide it (<strong>absent</strong>), as \
         the cited analyses read it.{}</p>",
        matrix.row_count(),
        matrix.safeguards.len(),
        if linked {
            " Each cell links to the status on the power's page, with its provision, note and sources."
        } else {
            " Each recorded cell links to its provision, note and sources, listed below the table."
        }
    );
    legend(&mut out, matrix, total);
    if matrix.row_count() == 0 {
        out.push_str("<p>No power matches.</p>\n");
        return out;
    }
    let codes = category_codes(matrix);
    let _ = writeln!(
        out,
        "<div class=\"scroll\" role=\"region\" aria-labelledby=\"matrix-caption\" tabindex=\"0\">\n\
         <table class=\"matrix\">\n<caption id=\"matrix-caption\" class=\"vh\">Safeguard coverage: \
         {} powers by {} safeguards</caption>",
        matrix.row_count(),
        matrix.safeguards.len()
    );
    header(&mut out, matrix, linked);
    let width = matrix.safeguards.len() + 3;
    out.push_str("<tbody>\n");
    for group in &matrix.groups {
        let _ = writeln!(
            out,
            "<tr class=\"group\"><th colspan=\"{width}\" scope=\"rowgroup\">{}</th></tr>",
            group_title(group.scope)
        );
        for row in &group.rows {
            row_html(&mut out, matrix, row, &codes, linked);
        }
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    out
}

fn legend(out: &mut String, matrix: &Matrix, total: usize) {
    out.push_str("<ul class=\"legend\" aria-label=\"Legend\">\n");
    for &s in CellStatus::ALL {
        let n = matrix.count(s);
        let _ = writeln!(
            out,
            "<li><span class=\"sw {}\" aria-hidden=\"true\">{}</span>{} ({n} of {total} cells)</li>",
            status_class(s),
            status_symbol(s),
            s.label()
        );
    }
    out.push_str("</ul>\n");
    let cats: Vec<String> = matrix
        .data_categories
        .iter()
        .zip(category_codes(matrix))
        .map(|(c, code)| format!("{code} {}", esc(&c.name.to_lowercase())))
        .collect();
    let _ = writeln!(
        out,
        "<p class=\"meta\">Data: {}. Art. 24: whether Article 24's conditions and safeguards \
         reach the power (yes, no, unclear). A question mark means the dataset records nothing: \
         the sources are silent, so the data is too.</p>",
        cats.join(", ")
    );
}

fn header(out: &mut String, matrix: &Matrix, linked: bool) {
    out.push_str(
        "<thead>\n<tr><th class=\"corner\" rowspan=\"2\" scope=\"col\">Power</th>\
         <th rowspan=\"2\" scope=\"col\">Data</th><th rowspan=\"2\" scope=\"col\">Art.&nbsp;24</th>",
    );
    let mut i = 0;
    while i < matrix.safeguards.len() {
        let family = matrix.safeguards[i].family;
        let n = matrix.safeguards[i..]
            .iter()
            .take_while(|c| c.family == family)
            .count();
        let _ = write!(
            out,
            "<th class=\"fam\" colspan=\"{n}\" scope=\"colgroup\" title=\"{name}\">{name}</th>",
            name = esc(&capitalise(&words(&family)))
        );
        i += n;
    }
    out.push_str("</tr>\n<tr>");
    for c in &matrix.safeguards {
        // On the site a column's name leads to what the safeguard means.
        let name = if linked {
            format!(
                "<a href=\"{}#{}\">{}</a>",
                links::VOCABULARY,
                links::safeguard_anchor(&c.id),
                esc(&c.name)
            )
        } else {
            esc(&c.name)
        };
        let _ = write!(
            out,
            "<th class=\"sg\" scope=\"col\" id=\"col-{}\"><span>{name}</span></th>",
            c.id
        );
    }
    out.push_str("</tr>\n</thead>\n");
}

fn row_html(out: &mut String, matrix: &Matrix, row: &Row, codes: &[String], linked: bool) {
    let label = if linked {
        format!(
            "<a href=\"{}\">{}</a>",
            links::power(row.power.as_str()),
            row.provision
        )
    } else {
        row.provision.to_string()
    };
    let (data, data_names): (Vec<&str>, Vec<String>) = row
        .data_categories
        .iter()
        .filter_map(|id| {
            let i = matrix.data_categories.iter().position(|c| &c.id == id)?;
            Some((
                codes[i].as_str(),
                matrix.data_categories[i].name.to_lowercase(),
            ))
        })
        .unzip();
    let art24 = match row.article_24.as_ref().map(|a| a.applies) {
        Some(treaty_model::Coverage::Applies) => "yes",
        Some(treaty_model::Coverage::DoesNotApply) => "no",
        Some(treaty_model::Coverage::Unclear) => "unclear",
        _ => "?",
    };
    // On a page of its own the claim is listed below the table; on the site, the power's
    // page (its row header's link) gives it.
    let art24 = if !linked && row.article_24.is_some() {
        format!("<a href=\"#{}\">{art24}</a>", article_24_anchor(row))
    } else {
        art24.to_owned()
    };
    let _ = write!(
        out,
        "<tr id=\"row-{}\"><th class=\"row\" scope=\"row\">{label}<span class=\"pname\">{}</span></th>\
         <td class=\"info\"><abbr title=\"{}\">{}</abbr></td><td class=\"info\">{art24}</td>",
        row.power,
        esc(&row.name),
        esc(&data_names.join(", ")),
        data.concat()
    );
    for (cell, col) in row.cells.iter().zip(&matrix.safeguards) {
        let mut title = format!(
            "{} ({}), {}: {}",
            row.name, row.provision, col.name, cell.status
        );
        if let Some(p) = &cell.provision {
            let _ = write!(title, ", Article {p}");
        }
        if let Some(n) = &cell.note {
            let _ = write!(
                title,
                ". {}",
                n.split_whitespace().collect::<Vec<_>>().join(" ")
            );
        }
        if !cell.sources.is_empty() {
            let ids: Vec<&str> = cell.sources.iter().map(|s| s.as_str()).collect();
            let _ = write!(title, " [sources: {}]", ids.join(", "));
        }
        let label = format!(
            "{} {}, {}: {}",
            row.provision, row.name, col.name, cell.status
        );
        let inner = if linked {
            format!(
                "<a href=\"{}\" aria-label=\"{}\">{}</a>",
                links::power_safeguard(row.power.as_str(), &col.id),
                esc(&label),
                status_symbol(cell.status)
            )
        } else if cell.status != CellStatus::NotRecorded {
            format!(
                "<a href=\"#{}\" aria-label=\"{}\">{}</a>",
                note_anchor(row, &col.id),
                esc(&label),
                status_symbol(cell.status)
            )
        } else {
            format!(
                "<span class=\"v\" aria-hidden=\"true\">{}</span><span class=\"vh\">{}</span>",
                status_symbol(cell.status),
                esc(&label)
            )
        };
        let _ = write!(
            out,
            "<td class=\"cell {}\" title=\"{}\">{inner}</td>",
            status_class(cell.status),
            esc(&title)
        );
    }
    out.push_str("</tr>\n");
}

/// The matrix as one self-contained HTML page (`treaty coverage --format html`): the heat map,
/// whose cells link to their notes below it, then the sources cited; with `lacking`, the
/// powers left out for want of a record are named above it, as in the table.
pub fn page(dataset: &Dataset, matrix: &Matrix, title: &str, lacking: Option<&str>) -> String {
    let mut body = String::new();
    let code = |s: &str| format!("<code>{}</code>", esc(s));
    if let Some(left_out) = lacking.and_then(|l| crate::render::coverage::left_out(matrix, l, code))
    {
        body.push_str(&format!("<p>{left_out}</p>\n"));
    }
    body.push_str(&heatmap(matrix, false));
    notes(&mut body, dataset, matrix);
    super::page::standalone(title, &body)
}

/// `note-expedited-preservation.legality`: ids never hold a dot, so no two cells share one.
fn note_anchor(row: &Row, safeguard: &SafeguardId) -> String {
    format!("note-{}.{safeguard}", row.power)
}

fn article_24_anchor(row: &Row) -> String {
    format!("note-{}.article-24", row.power)
}

/// One entry of the notes: a claim with its provision, note and sources, cited by name and
/// linked to the list of sources below (`cited` collects them, in order of first citation).
struct Claim<'a> {
    anchor: String,
    name: &'a str,
    /// Already HTML.
    value: String,
    provision: Option<&'a ProvisionRef>,
    note: Option<&'a str>,
    sources: &'a [SourceId],
}

impl<'a> Claim<'a> {
    fn write(self, out: &mut String, dataset: &Dataset, cited: &mut Vec<&'a SourceId>) {
        let mut value = self.value;
        if let Some(p) = self.provision {
            let _ = write!(value, " (Article {p})");
        }
        if let Some(n) = self.note {
            let _ = write!(value, " {}", esc(n));
        }
        let files = &dataset.bundle().sources;
        let citations: Vec<String> = self
            .sources
            .iter()
            .map(|id| {
                if !cited.contains(&id) {
                    cited.push(id);
                }
                a(
                    &format!("#{}", links::source_anchor(id)),
                    &Sources::citation_of(files, id),
                )
            })
            .collect();
        if !citations.is_empty() {
            let _ = write!(
                value,
                " <span class=\"src\">[sources: {}]</span>",
                citations.join("; ")
            );
        }
        let _ = writeln!(
            out,
            "<dt id=\"{}\">{}</dt><dd>{value}</dd>",
            self.anchor,
            esc(self.name)
        );
    }
}

/// What a tooltip cannot carry to a printed or read-aloud page: each power's Article 24
/// claim and each recorded cell's provision, note and sources, then the sources themselves
/// with their addresses. The page stands alone, so nothing links to the site.
fn notes(out: &mut String, dataset: &Dataset, matrix: &Matrix) {
    let mut cited: Vec<&SourceId> = Vec::new();
    out.push_str("<h2 id=\"notes\">Provisions, notes and sources</h2>\n");
    for row in matrix.rows() {
        let recorded: Vec<_> = row
            .cells
            .iter()
            .zip(&matrix.safeguards)
            .filter(|(c, _)| c.status != CellStatus::NotRecorded)
            .collect();
        if recorded.is_empty() && row.article_24.is_none() {
            continue;
        }
        let _ = writeln!(
            out,
            "<h3>Article {}: {}</h3>\n<dl class=\"facts\">",
            row.provision,
            esc(&row.name)
        );
        if let Some(a24) = &row.article_24 {
            let claim = Claim {
                anchor: article_24_anchor(row),
                name: "Article 24 applies",
                value: esc(&words(&a24.applies)),
                provision: a24.provision.as_ref(),
                note: a24.note.as_deref(),
                sources: &a24.sources,
            };
            claim.write(out, dataset, &mut cited);
        }
        for (cell, col) in recorded {
            let claim = Claim {
                anchor: note_anchor(row, &col.id),
                name: &col.name,
                value: status_badge(cell.status),
                provision: cell.provision.as_ref(),
                note: cell.note.as_deref(),
                sources: &cell.sources,
            };
            claim.write(out, dataset, &mut cited);
        }
        out.push_str("</dl>\n");
    }
    let files = &dataset.bundle().sources;
    if cited.is_empty() {
        return;
    }
    out.push_str("<h2 id=\"sources\">Sources</h2>\n<ul>\n");
    for id in cited {
        let entry = Sources::find(files, id).map_or_else(|| esc(id.as_str()), reference);
        let _ = writeln!(
            out,
            "<li id=\"{}\"><strong>{}</strong>: {entry}</li>",
            links::source_anchor(id),
            esc(&Sources::citation_of(files, id))
        );
    }
    out.push_str("</ul>\n");
}
