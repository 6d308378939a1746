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
    let mut text = match args.format {
        DiffFormat::Markdown => render::markdown(&diff, &o, &n),
        DiffFormat::Json => render::json(&diff, &o, &n),
    };
    // The comparison is of what this version reads: the fields a newer schema version added
    // are not in it. The reader of the comment is told, not the log alone.
    let newer = [&old, &new]
        .into_iter()
        .find_map(|d| treaty_model::export::exportable(d).err());
    if let Some(treaty_model::export::NewerSchema { file, message, .. }) = newer {
        let why = "changes to what that version added are not compared (upgrade treaty to \
                   compare them)";
        crate::output::note(&format!("treaty: `{file}`: {message}; {why}"));
        if args.format == DiffFormat::Markdown {
            text.push_str(&format!(
                "\n> **Note:** `{file}`: {}; {why}\n",
                crate::render::markdown::inline(&message)
            ));
        }
    }
    sink.emit(&text)?;
    super::wrote(&sink, "the differences");
    Ok(exit::OK)
}
