//! `treaty new assessment` and `treaty new analysis`: a template to start a dataset file from.

use std::path::Path;

use treaty_model::ids::AnalysisId;
use treaty_model::model::FileKind;
use treaty_model::validate::{Options, validate_file};

use crate::args::{NewAnalysisArgs, NewAssessmentArgs, NewCommand, NewFileArgs};
use crate::exit;
use crate::load::Loaded;
use crate::output::{Failure, Sink, note};

pub fn run(command: NewCommand) -> Result<u8, Failure> {
    match command {
        NewCommand::Assessment(a) => assessment(a),
        NewCommand::Analysis(a) => analysis(a),
    }
}

fn assessment(args: NewAssessmentArgs) -> Result<u8, Failure> {
    let (sink, dataset) = match prepare(&args.template, FileKind::Assessment, "an assessment")? {
        Ok(ready) => ready,
        Err(code) => return Ok(code),
    };
    let text = placed(
        &sink,
        FileKind::Assessment,
        treaty_model::scaffold::assessment_yaml(&dataset, args.state, args.as_of),
    );
    if dataset.powers().next().is_none() {
        note("treaty: warning: the dataset has no powers, so the template lists none");
    }
    sink.emit(&text)?;
    next_step(&sink, "fill it in (docs/ASSESSMENTS.md)");
    Ok(exit::OK)
}

fn analysis(args: NewAnalysisArgs) -> Result<u8, Failure> {
    let (sink, dataset) = match prepare(&args.template, FileKind::Analysis, "an analysis")? {
        Ok(ready) => ready,
        Err(code) => return Ok(code),
    };
    // In a dataset a file is named after its analysis's id (`misnamed-file`): one written
    // under another valid name there (an analysis started over in place, whose id is not its
    // source's) takes that name. A file outside any dataset is a draft, named as one likes.
    let id = match &sink {
        Sink::File(path) if treaty_model::validate::dataset_root(path).is_some() => path
            .file_stem()
            .and_then(|s| s.to_str())
            .and_then(|s| AnalysisId::new(s).ok()),
        _ => None,
    };
    let template = treaty_model::scaffold::analysis(&dataset, &args.source, id.as_ref())
        .map_err(|e| e.to_string())?;
    sink.emit(&placed(&sink, FileKind::Analysis, template.text))?;
    next_step(
        &sink,
        &format!(
            "fill in {} (datasets/README.md, \"Adding an analysis\")",
            crate::render::text::join(&template.blanks)
        ),
    );
    Ok(exit::OK)
}

/// The output checked, then the dataset loaded; or the exit code of a dataset that did not load.
fn prepare(
    args: &NewFileArgs,
    kind: FileKind,
    in_progress: &str,
) -> Result<Result<(Sink, Loaded), u8>, Failure> {
    let sink = Sink::from_arg(args.output.as_deref());
    // Checked before the dataset is loaded, so that the refusal comes first and alone.
    if let Sink::File(path) = &sink {
        refuse_to_clobber(path, args.force, in_progress)?;
        if args.force {
            refuse_another_kind(path, kind)?;
        }
    }
    sink.check()?;
    // With --force the file replaced may be one of the dataset's, restarted in place: what it
    // holds now (blanks that leave the dataset invalid, the analysis being started over) is
    // no part of the data the template is drawn from.
    let loaded = match &sink {
        Sink::File(path) if args.force => {
            crate::load::dataset_replacing(args.data.as_deref(), path)
        }
        _ => crate::load::dataset(args.data.as_deref()),
    };
    Ok(match loaded {
        Ok(d) => Ok((sink, d)),
        Err(stop) => Err(stop.exit()?),
    })
}

/// The template's text with its modeline pointing at the schemas from where it is written
/// ([`treaty_model::scaffold::placed_at`]); on standard output, as it is.
fn placed(sink: &Sink, kind: FileKind, text: String) -> String {
    match sink {
        Sink::File(path) => treaty_model::scaffold::placed_at(text, kind, path),
        _ => text,
    }
}

/// The one line that says a file was written and what to do next; nothing for standard output,
/// where the template's own comment says it.
fn next_step(sink: &Sink, next: &str) {
    if let Sink::File(path) = sink {
        note(&format!(
            "treaty: wrote {}; {next}, then run `treaty validate`",
            path.display()
        ));
    }
}

/// A file in progress is never overwritten unless `--force`.
fn refuse_to_clobber(path: &Path, force: bool, in_progress: &str) -> Result<(), String> {
    // `symlink_metadata`: a dangling link is an existing file too.
    if !force && std::fs::symlink_metadata(path).is_ok() {
        return Err(format!(
            "`{}` already exists; it is not overwritten ({in_progress} in progress would be lost): \
             choose another file or pass --force",
            path.display()
        ));
    }
    Ok(())
}

/// `--force` starts a file over as a file of the same kind. A valid file of another kind (a
/// chapter or the sources, named by a slip of the completion) is kept: nothing about it asks
/// to be started over. A file that does not read as valid may be anything, and is replaced.
fn refuse_another_kind(path: &Path, kind: FileKind) -> Result<(), String> {
    let existing = validate_file(path, &Options::default())
        .dataset
        .and_then(|d| d.files().first().map(|(_, k)| *k));
    match existing {
        Some(other) if other != kind => Err(format!(
            "`{}` is a valid {other} file; --force starts over only a file of the kind written \
             ({kind}): choose another file",
            path.display()
        )),
        _ => Ok(()),
    }
}
