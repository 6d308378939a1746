//! `treaty diff OLD NEW`: what changed between two dataset directories.

use crate::args::{DiffArgs, DiffFormat};
use crate::output::{Failure, Sink};
use crate::render::diff as render;
use crate::{exit, load};

pub fn run(args: DiffArgs) -> Result<u8, Failure> {
    let sink = Sink::from_arg(args.output.as_deref());
    sink.check_outside(&[&args.old, &args.new])?;
    let old = match load::directory(&args.old) {
        Ok(d) => d,
        Err(stop) => return Ok(stop.exit()?),
    };
    let new = match load::directory(&args.new) {
        Ok(d) => d,
        Err(stop) => return Ok(stop.exit()?),
    };
    let diff = treaty_model::diff::diff(&old, &new);
    let (o, n) = (
        args.old.display().to_string(),
        args.new.display().to_string(),
    );
    let text = match args.format {
        DiffFormat::Markdown => render::markdown(&diff, &o, &n),
        DiffFormat::Json => render::json(&diff, &o, &n),
    };
    sink.emit(&text)?;
    super::wrote(&sink, "the differences");
    Ok(exit::OK)
}
