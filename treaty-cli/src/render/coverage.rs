//! The coverage matrix as a terminal table, CSV, JSON or a standalone HTML page.
//!
//! The terminal table fits a given width (100 columns by default): safeguards get short codes
//! (explained in the legend), powers are listed once with their data categories and whether
//! Article 24 reaches them, and the cells are printed in as many column blocks as the width
//! needs, breaking between safeguard families where possible.

use super::text::{category_codes, group_title};
use std::fmt::Write as _;

use treaty_model::Coverage;
use treaty_model::coverage::{CellStatus, Column, Matrix};

use super::text::{abbreviations, pack, plural, words};

/// The width the terminal table fits by default.
pub const WIDTH: usize = 100;

/// The one-character symbol of a cell in the terminal table.
pub fn symbol(status: CellStatus) -> char {
    match status {
        CellStatus::Mandatory => 'M',
        CellStatus::Discretionary => 'd',
        CellStatus::Absent => '-',
        CellStatus::NotApplicable => '/',
        _ => '?',
    }
}

/// Whether Article 24 reaches a power, in words.
pub fn article_24(coverage: Option<Coverage>) -> &'static str {
    match coverage {
        Some(Coverage::Applies) => "applies",
        Some(Coverage::DoesNotApply) => "does not apply",
        Some(Coverage::Unclear) => "unclear",
        _ => "not recorded",
    }
}

/// The matrix as text whose cell blocks and legend fit `width` columns (at least 60); the
/// list of powers is as wide as its longest line.
pub fn table(matrix: &Matrix, width: usize, lacking: Option<&str>) -> String {
    let width = width.max(60);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Safeguard coverage: {} x {}",
        plural(matrix.row_count(), "power"),
        plural(matrix.safeguards.len(), "safeguard")
    );
    if let Some(l) = lacking {
        let _ = writeln!(
            out,
            "Powers for which `{l}` is recorded but not mandatory (discretionary or absent)."
        );
        if let Some(left_out) = left_out(matrix, l, |s| format!("`{s}`")) {
            out.push_str(&super::text::wrap(&left_out, width, ""));
        }
    }
    if matrix.row_count() == 0 {
        out.push_str("\nNo power matches.\n");
        return out;
    }
    let label = matrix
        .rows()
        .map(|r| r.provision.to_string().len())
        .max()
        .unwrap_or(0)
        .max("article".len());
    powers(&mut out, matrix, label);
    let codes = abbreviations(
        &matrix
            .safeguards
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>(),
    );
    let start = 2 + label;
    for (from, to) in blocks(&matrix.safeguards, &codes, width - start) {
        let _ = writeln!(
            out,
            "\nSafeguards {}-{} of {}",
            from + 1,
            to,
            matrix.safeguards.len()
        );
        let mut head = " ".repeat(start);
        for code in &codes[from..to] {
            let _ = write!(head, " {code}");
        }
        let _ = writeln!(out, "{}", head.trim_end());
        for group in &matrix.groups {
            let _ = writeln!(out, "{}", group_title(group.scope));
            for row in &group.rows {
                let mut line = format!("  {:<label$}", row.provision.to_string());
                for (cell, code) in row.cells[from..to].iter().zip(&codes[from..to]) {
                    let _ = write!(line, " {:<w$}", symbol(cell.status), w = code.len());
                }
                let _ = writeln!(out, "{}", line.trim_end());
            }
        }
    }
    legend(&mut out, matrix, &codes, width);
    out
}

/// The list of powers: provision, id, data categories, Article 24.
fn powers(out: &mut String, matrix: &Matrix, label: usize) {
    let cat_codes = category_codes(matrix);
    let id_width = matrix
        .rows()
        .map(|r| r.power.as_str().len())
        .max()
        .unwrap_or(0);
    let data_width = matrix
        .rows()
        .map(|r| r.data_categories.len())
        .max()
        .unwrap_or(0)
        .max("data".len());
    let _ = writeln!(
        out,
        "\n  {:<label$} {:<id_width$} {:<data_width$} Article 24",
        "article", "power", "data"
    );
    for group in &matrix.groups {
        let _ = writeln!(out, "{}", group_title(group.scope));
        for row in &group.rows {
            let data: String = row
                .data_categories
                .iter()
                .filter_map(|c| {
                    matrix
                        .data_categories
                        .iter()
                        .position(|k| &k.id == c)
                        .map(|i| cat_codes[i].as_str())
                })
                .collect();
            let _ = writeln!(
                out,
                "  {:<label$} {:<id_width$} {:<data_width$} {}",
                row.provision.to_string(),
                row.power.as_str(),
                data,
                article_24(row.article_24.as_ref().map(|a| a.applies))
            );
        }
    }
}

/// Column ranges that each fit `room` characters; a range ends at a family boundary when the
/// next family would not fit whole.
fn blocks(columns: &[Column], codes: &[String], room: usize) -> Vec<(usize, usize)> {
    let cost = |i: usize| codes[i].len() + 1;
    let mut out = Vec::new();
    let mut from = 0;
    while from < columns.len() {
        let mut used = 0;
        let mut to = from;
        let mut last_boundary = None;
        while to < columns.len() && used + cost(to) <= room {
            used += cost(to);
            to += 1;
            if to < columns.len() && columns[to].family != columns[to - 1].family {
                last_boundary = Some(to);
            }
        }
        if to == from {
            to = from + 1; // a code wider than the room: one column per block
        } else if to < columns.len()
            && columns[to].family == columns[to - 1].family
            && let Some(b) = last_boundary
        {
            to = b;
        }
        out.push((from, to));
        from = to;
    }
    out
}

fn legend(out: &mut String, matrix: &Matrix, codes: &[String], width: usize) {
    let _ = writeln!(out, "\nLegend");
    let cells: Vec<String> = CellStatus::ALL
        .iter()
        .map(|s| format!("{} {} ({})", symbol(*s), s.label(), matrix.count(*s)))
        .collect();
    out.push_str(&pack(&cells, width, "  ", "   "));
    let cats = category_codes(matrix);
    let data: Vec<String> = matrix
        .data_categories
        .iter()
        .zip(&cats)
        .map(|(c, code)| format!("{code} {}", c.name.to_lowercase()))
        .collect();
    out.push_str(&pack(&data, width, "  ", "   "));
    let entries: Vec<String> = matrix
        .safeguards
        .iter()
        .zip(codes)
        .map(|(c, code)| format!("{code:<5}{}", c.name))
        .collect();
    let cell = entries.iter().map(String::len).max().unwrap_or(0) + 2;
    let per_line = ((width - 2) / cell).max(1);
    for chunk in entries.chunks(per_line) {
        let mut line = String::from(" ");
        for e in chunk {
            let _ = write!(line, " {e:<cell$}", cell = cell - 1);
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

/// The matrix as CSV: one record per cell (see [`Matrix::to_table`]).
pub fn csv(matrix: &Matrix) -> String {
    treaty_model::export::to_csv(&matrix.to_table())
}

/// The matrix as pretty JSON.
pub fn json(matrix: &Matrix) -> String {
    let mut s = serde_json::to_string_pretty(matrix).unwrap_or_default();
    s.push('\n');
    s
}

/// With `--lacking l`: the sentence naming the powers left out because nothing is recorded
/// for `l` (they are neither shown as lacking it nor as having it), each id written by
/// `code`; `None` when there are none.
pub fn left_out(matrix: &Matrix, l: &str, code: impl Fn(&str) -> String) -> Option<String> {
    if matrix.lacking_not_recorded.is_empty() {
        return None;
    }
    let ids: Vec<String> = matrix
        .lacking_not_recorded
        .iter()
        .map(|p| code(p.as_str()))
        .collect();
    Some(format!(
        "Left out because nothing is recorded for {}: {}.",
        code(l),
        ids.join(", ")
    ))
}

/// A family of safeguards in words.
pub fn family(column: &Column) -> String {
    words(&column.family)
}
