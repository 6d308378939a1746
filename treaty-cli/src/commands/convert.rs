//! `treaty convert`.

use std::path::{Path, PathBuf};

use treaty_model::Dataset;
use treaty_model::convert::{to_json, to_yaml_file};
use treaty_model::diagnostic::Report;
use treaty_model::validate::{dataset_root, validate_file, validate_paths};

use crate::args::{ConvertArgs, Target};
use crate::load::refusal;
use crate::output::{Failure, OutDir, Sink, note};
use crate::render::text::plural;
use crate::{exit, render};

pub fn run(args: ConvertArgs) -> Result<u8, Failure> {
    let options = super::options(Default::default());
    let is_dir = args.input.is_dir();
    // Refusals come before any reading, and nothing is written after one.
    let inputs = [args.input.as_path()];
    if is_dir {
        crate::load::whole_dataset(&args.input)?;
    }
    if args.to == Target::Csv {
        tables_dir(&args.output, args.force, &inputs)?.check()?;
    } else {
        let sink = Sink::from_arg(args.output.as_deref());
        if is_input(&args.input, args.output.as_deref()) {
            if !args.force {
                return Err(format!(
                    "`{}` would overwrite the input; choose another output or pass --force",
                    args.input.display()
                )
                .into());
            }
            sink.check()?;
        } else {
            // Anything else written into the dataset read would become one of its files.
            let read = if is_dir {
                Some(args.input.clone())
            } else {
                dataset_root(&args.input)
            };
            sink.check_outside(read.as_deref().as_slice())?;
        }
    }
    let (report, value, dataset, yaml) = if is_dir {
        let v = validate_paths(std::slice::from_ref(&args.input), &options);
        let value = v
            .dataset
            .as_ref()
            .map(|d| serde_json::to_value(d.bundle()).map_err(|e| e.to_string()))
            .transpose()?;
        (v.report, value, v.dataset, None)
    } else {
        let v = validate_file(&args.input, &options);
        // The file's first comment lines (its modeline) go above the converted text.
        let yaml = matches!(args.to, Target::Yaml)
            .then(|| v.to_yaml())
            .flatten();
        (v.report, v.value, v.dataset, yaml)
    };
    let (Some(value), Some(dataset)) = (value, dataset) else {
        return Ok(refuse(&report));
    };
    // One file to JSON or YAML is its own parsed text, whatever it holds; every other output is
    // written from the typed model, which keeps only what this version knows.
    if is_dir || !matches!(args.to, Target::Json | Target::Yaml) {
        crate::load::exportable(&dataset)?;
    }
    if !is_dir && args.to == Target::Markdown {
        markdown_renders(&dataset)?;
    }
    // A file converted is meant to stand for it; a directory's bundle is a new document.
    if !is_dir && !report.suppressed.is_empty() && matches!(args.to, Target::Json | Target::Yaml) {
        note(&format!(
            "treaty: the input's inline allows (`# treaty: allow(...)`) are comments, which the \
             output does not keep; the {} they silence will be reported again",
            plural(report.suppressed.len(), "diagnostic")
        ));
    }
    match args.to {
        Target::Csv => write_tables(&dataset, &tables_dir(&args.output, args.force, &inputs)?)?,
        target => {
            let text = match target {
                Target::Json => to_json(&value),
                // A directory's bundle is a new document, with no comments of its own.
                Target::Yaml => yaml.unwrap_or_else(|| to_yaml_file(&value, "")),
                Target::Jsonl => treaty_model::export::jsonl(&dataset).map_err(refusal)?,
                _ => treaty_model::export::markdown(&dataset).map_err(refusal)?,
            };
            write_text(&text, args.output.as_deref(), target)?;
        }
    }
    Ok(exit::OK)
}

/// One file of a kind the Markdown edition has no section for would come out as an empty frame.
fn markdown_renders(dataset: &Dataset) -> Result<(), String> {
    match dataset.files().first() {
        Some((file, kind)) if !treaty_model::export::markdown_has_section(*kind) => Err(format!(
            "`{file}` is of kind `{kind}`, which the Markdown edition has no section for; \
             convert it to JSON, YAML, CSV or JSON Lines"
        )),
        _ => Ok(()),
    }
}

/// Writes `text` to the output (a file, atomically, or stdout).
fn write_text(text: &str, output: Option<&Path>, target: Target) -> Result<(), Failure> {
    let sink = Sink::from_arg(output);
    sink.emit(text)?;
    let what = match target {
        Target::Json => "JSON",
        Target::Yaml => "YAML",
        Target::Jsonl => "JSON Lines",
        Target::Csv => "CSV",
        Target::Markdown => "Markdown",
    };
    super::wrote(&sink, &format!("{} bytes of {what}", text.len()));
    Ok(())
}

/// Invalid or unreadable input: show why, write nothing.
fn refuse(report: &Report) -> u8 {
    let _ = render::human::print(report, None, render::shown::DEFAULT_MAX_PER_FILE);
    if report.has_io_error() {
        note("treaty: the input could not be read; nothing was written");
        exit::USAGE_OR_IO
    } else {
        note("treaty: the input is not valid; nothing was written");
        exit::INVALID
    }
}

/// Whether the output is the input itself: a conversion in place, which `--force` allows.
fn is_input(input: &Path, output: Option<&Path>) -> bool {
    let Some(output) = output.filter(|o| o.as_os_str() != "-") else {
        return false;
    };
    matches!(
        (std::fs::canonicalize(input), std::fs::canonicalize(output)),
        (Ok(a), Ok(b)) if a == b
    )
}

/// The directory the tables go to: `-o` is required, and cannot be standard output.
fn tables_dir<'a>(
    output: &'a Option<PathBuf>,
    force: bool,
    inputs: &'a [&'a Path],
) -> Result<OutDir<'a>, String> {
    match output {
        Some(p) if p.as_os_str() != "-" => Ok(OutDir {
            path: p,
            force,
            inputs,
        }),
        _ => Err("`--to csv` writes one file per table: pass a directory with -o".into()),
    }
}

fn write_tables(dataset: &Dataset, dir: &OutDir<'_>) -> Result<(), String> {
    let files: Vec<(String, String)> = treaty_model::export::tables(dataset)
        .map_err(refusal)?
        .iter()
        .map(|t| (format!("{}.csv", t.name), treaty_model::export::to_csv(t)))
        .collect();
    dir.write(&files)?;
    note(&format!(
        "treaty: wrote {} tables to {}",
        files.len(),
        dir.path.display()
    ));
    Ok(())
}
