//! `treaty coverage`: the power x safeguard matrix.

use treaty_model::coverage::Filter;
use treaty_model::model::PowerScope;

use crate::args::{CoverageArgs, CoverageFormat, ScopeArg};
use crate::output::{Failure, Sink};
use crate::render::coverage as render;
use crate::{exit, load};

pub fn run(args: CoverageArgs) -> Result<u8, Failure> {
    let sink = Sink::from_arg(args.output.as_deref());
    let data = load::data_dir(args.data.as_deref());
    sink.check_outside(data.as_deref().as_slice())?;
    let dataset = match load::dataset_in(data) {
        Ok(d) => d,
        Err(stop) => return Ok(stop.exit()?),
    };
    let mut filter = Filter::default();
    filter.scope = args.scope.map(|s| match s {
        ScopeArg::Domestic => PowerScope::Domestic,
        ScopeArg::CrossBorder => PowerScope::CrossBorder,
    });
    filter.data_category = args.data_category;
    filter.safeguards = args.safeguard;
    filter.lacking = args.lacking;
    let matrix = dataset.coverage(&filter).map_err(|e| e.to_string())?;
    let lacking = filter.lacking.as_ref().map(|l| l.as_str());
    let text = match args.format {
        CoverageFormat::Table => render::table(&matrix, args.width, lacking),
        CoverageFormat::Csv => render::csv(&matrix),
        CoverageFormat::Json => render::json(&matrix),
        CoverageFormat::Html => {
            crate::report::heatmap::page(&dataset, &matrix, &title(&filter), lacking)
        }
    };
    sink.emit(&text)?;
    // A table of rows has no place for the powers it leaves out; the table and HTML views
    // name them in their text, CSV on the error stream.
    if args.format == CoverageFormat::Csv
        && let Some(l) = lacking
        && let Some(left_out) = render::left_out(&matrix, l, |s| format!("`{s}`"))
    {
        crate::output::note(&format!("treaty: {left_out}"));
    }
    let powers: usize = matrix.groups.iter().map(|g| g.rows.len()).sum();
    super::wrote(&sink, &format!("the matrix of {powers} powers"));
    Ok(exit::OK)
}

/// The HTML page's title, naming the filters.
fn title(f: &Filter) -> String {
    let mut t = String::from("Safeguard coverage");
    if f.scope.is_none() && f.data_category.is_none() && f.lacking.is_none() {
        return t;
    }
    t.push_str(": ");
    if let Some(s) = f.scope {
        t.push_str(s.into());
        t.push(' ');
    }
    t.push_str("powers");
    if let Some(c) = &f.data_category {
        t.push_str(&format!(" reaching {c}"));
    }
    if let Some(l) = &f.lacking {
        t.push_str(&format!(" without a mandatory {l}"));
    }
    t
}
