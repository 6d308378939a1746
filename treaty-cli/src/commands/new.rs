//! `treaty new assessment`: a template to start a dataset file from.

use std::path::Path;

use crate::args::{NewAssessmentArgs, NewCommand};
use crate::exit;
use crate::output::{Failure, Sink, note};

pub fn run(command: NewCommand) -> Result<u8, Failure> {
    match command {
        NewCommand::Assessment(a) => assessment(a),
    }
}

fn assessment(args: NewAssessmentArgs) -> Result<u8, Failure> {
    let sink = Sink::from_arg(args.output.as_deref());
    // Checked before the dataset is loaded, so that the refusal comes first and alone.
    if let Sink::File(path) = &sink {
        refuse_to_clobber(path, args.force)?;
    }
    sink.check()?;
    let dataset = match crate::load::dataset(args.data.as_deref()) {
        Ok(d) => d,
        Err(stop) => return Ok(stop.exit()?),
    };
    let text = treaty_model::scaffold::assessment_yaml(&dataset, args.state, args.as_of);
    if dataset.powers().next().is_none() {
        note("treaty: warning: the dataset has no powers, so the template lists none");
    }
    sink.emit(&text)?;
    if let Sink::File(path) = &sink {
        note(&format!(
            "treaty: wrote {}; fill it in (docs/ASSESSMENTS.md), then run `treaty validate`",
            path.display()
        ));
    }
    Ok(exit::OK)
}

/// An assessment in progress is never overwritten unless `--force`.
fn refuse_to_clobber(path: &Path, force: bool) -> Result<(), String> {
    // `symlink_metadata`: a dangling link is an existing file too.
    if !force && std::fs::symlink_metadata(path).is_ok() {
        return Err(format!(
            "`{}` already exists; it is not overwritten (an assessment in progress would be lost): \
             choose another file or pass --force",
            path.display()
        ));
    }
    Ok(())
}
