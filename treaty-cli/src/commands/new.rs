//! `treaty new assessment`: a template to start a dataset file from.

use std::path::Path;

use treaty_model::Dataset;
use treaty_model::validate::validate_paths;

use crate::args::{NewAssessmentArgs, NewCommand};
use crate::output::Sink;
use crate::{exit, render};

pub fn run(command: NewCommand) -> Result<u8, String> {
    match command {
        NewCommand::Assessment(a) => assessment(a),
    }
}

fn assessment(args: NewAssessmentArgs) -> Result<u8, String> {
    let sink = Sink::from_arg(args.out.as_deref());
    // Checked before the dataset is loaded, so that the refusal comes first and alone.
    if let Sink::File(path) = &sink {
        refuse_to_clobber(path, args.force)?;
    }
    let owned;
    let dir = args.data.or_else(|| {
        let cwd = std::env::current_dir().ok()?;
        crate::repo::find_datasets(&cwd)
    });
    let dataset: &Dataset = match dir {
        Some(dir) => {
            let v = validate_paths(&[dir], &super::options(Default::default()));
            match v.dataset {
                Some(d) => {
                    owned = d;
                    &owned
                }
                None => {
                    render::human::print(&v.report, None);
                    eprintln!("treaty: the dataset is not valid; fix it first (`treaty validate`)");
                    return Ok(exit::INVALID);
                }
            }
        }
        None => treaty_model::bundled().map_err(|_| "the bundled dataset is invalid".to_owned())?,
    };
    let text = treaty_model::scaffold::assessment_yaml(dataset, args.state, args.as_of);
    if dataset.powers().next().is_none() {
        eprintln!("treaty: warning: the dataset has no powers, so the template lists none");
    }
    sink.emit(&text)?;
    if let Sink::File(path) = &sink {
        eprintln!(
            "treaty: wrote {}; fill it in (docs/ASSESSMENTS.md), then run `treaty validate`",
            path.display()
        );
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
