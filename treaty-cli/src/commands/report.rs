//! `treaty report --output DIR`: the published edition (see [`crate::edition`]).

use std::path::Path;

use crate::args::ReportArgs;
use crate::output::{Failure, OutDir, note};
use crate::report::links;
use crate::{edition, exit, load};

pub fn run(args: ReportArgs) -> Result<u8, Failure> {
    // The dataset read by default (the one the current directory is in) is guarded as `--data`
    // is: a site written into it would become files of it.
    let data = load::data_dir(args.data.as_deref());
    let inputs: Vec<&Path> = data.as_deref().into_iter().collect();
    let out = OutDir {
        path: &args.output,
        force: args.force,
        inputs: &inputs,
    };
    out.check()?;
    let dataset = match load::dataset_in(data.clone()) {
        Ok(d) => d,
        Err(stop) => return Ok(stop.exit()?),
    };
    load::exportable(&dataset)?;
    let (files, counts) = edition::files(&dataset, crate::clock::today()?)?;
    out.write(&files)?;
    note(&format!(
        "treaty: wrote {} pages, the JSON bundle, {} tables and {} schemas to {}; open {}",
        counts.pages,
        counts.tables,
        counts.schemas,
        args.output.display(),
        args.output.join(links::INDEX).display()
    ));
    Ok(exit::OK)
}
