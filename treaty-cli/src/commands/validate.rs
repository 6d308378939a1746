//! `treaty validate`.

use std::borrow::Cow;
use std::time::Instant;

use std::io::Read as _;
use std::path::{Path, PathBuf};

use treaty_model::diagnostic::{Code, Report};
use treaty_model::validate::{Input, validate_buffer, validate_inputs, validate_paths};

use crate::args::{Format, ValidateArgs};
use crate::output::{Failure, print};
use crate::{exit, render};

pub fn run(args: ValidateArgs) -> Result<u8, Failure> {
    let overrides = super::overrides(&args.allow, &args.warn, &args.deny, args.deny_warnings)?;
    let paths = super::paths_or_default(args.paths)?;
    let mut options = super::options(overrides);
    // Only the report is shown: no need to keep every file's typed model.
    options.dataset = false;
    options.changed = match (&args.changed_since, args.changed.is_empty()) {
        (Some(rev), _) => Some(crate::git::changed_since(rev)?),
        (None, false) => Some(args.changed),
        (None, true) => None,
    };
    let from_stdin = reads_stdin(&paths, args.stdin_filename.as_deref())?;
    let start = Instant::now();
    let validation = if from_stdin {
        // Standard input (an editor's unsaved buffer): in the place of the file it stands
        // for, or on its own as `<stdin>`; its snippets come from the report like any other
        // file's.
        let bytes = stdin(options.limits.max_bytes)?;
        match &args.stdin_filename {
            Some(name) => validate_buffer(name, &bytes, &options),
            None => validate_inputs(&[Input::new("<stdin>".to_owned(), bytes)], &options),
        }
    } else {
        validate_paths(&paths, &options)
    };
    let elapsed = u64::try_from(start.elapsed().as_millis()).unwrap_or(u64::MAX);
    let report = &validation.report;
    let max = args.max_diagnostics;
    match args.format {
        // A report that cannot reach standard error changes nothing of the exit code.
        Format::Human => {
            let _ = render::human::print(report, Some(elapsed), max);
            // Standard input alone has no dataset around it; the flag that gives it one is
            // named where its absence shows.
            let alone = from_stdin && args.stdin_filename.is_none();
            if alone
                && report
                    .diagnostics
                    .iter()
                    .any(|d| d.code == Code::MissingInstrument)
            {
                eprintln!("{STDIN_ALONE}");
            }
        }
        Format::Json => print(&format!(
            "{}\n",
            render::json::render(report, Some(elapsed), max)
        ))?,
        Format::Github => {
            let report = &from_repo_root(report);
            print(&render::github::render(report, max))?;
            render::github::write_step_summary(report)
                .map_err(|e| format!("cannot write $GITHUB_STEP_SUMMARY: {e}"))?;
        }
        Format::Sarif => print(&format!(
            "{}\n",
            render::sarif::render(&from_repo_root(report), max)
        ))?,
    }
    Ok(if report.has_io_error() {
        exit::USAGE_OR_IO
    } else if report.is_valid() {
        exit::OK
    } else {
        exit::INVALID
    })
}

/// Whether the input is standard input (`-`, which must then be the only path); refuses a
/// `--stdin-filename` that cannot name the file it stands for.
fn reads_stdin(paths: &[PathBuf], stdin_filename: Option<&Path>) -> Result<bool, String> {
    let from_stdin = paths.iter().any(|p| p.as_os_str() == "-");
    if from_stdin && paths.len() > 1 {
        return Err("`-` (standard input) must be the only path".to_owned());
    }
    match stdin_filename {
        Some(_) if !from_stdin => Err(
            "`--stdin-filename` names the file that standard input stands for; give `-` as the \
             only path"
                .to_owned(),
        ),
        Some(name) if name.is_dir() => Err(format!(
            "`--stdin-filename {}` is a directory; name the file that standard input stands for",
            name.display()
        )),
        _ => Ok(from_stdin),
    }
}

/// The hint after a report on standard input checked on its own.
const STDIN_ALONE: &str = "note: standard input was checked on its own, with no dataset; \
     `--stdin-filename PATH` checks it in the place of the file PATH, against PATH's dataset";

/// Standard input's bytes, read no further than one byte past the size limit (the validator
/// reports a longer input as too large).
fn stdin(max_bytes: usize) -> Result<Vec<u8>, Failure> {
    let mut bytes = Vec::new();
    let limit = u64::try_from(max_bytes)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    std::io::stdin()
        .lock()
        .take(limit)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    Ok(bytes)
}

/// The report with its files named from the root of the git repository the command runs in:
/// GitHub places an annotation, and a SARIF viewer a result, by that name, so from a
/// subdirectory (a workflow step with `working-directory:`) `../datasets/x.yaml` would point
/// nowhere; and at the root, `./datasets/../datasets/x.yaml` would not match either. Outside
/// a repository the report is as it was.
fn from_repo_root(report: &Report) -> Cow<'_, Report> {
    let Ok(cwd) = std::env::current_dir() else {
        return Cow::Borrowed(report);
    };
    let Some(root) = crate::repo::git_root(&cwd) else {
        return Cow::Borrowed(report);
    };
    let name = |file: &mut String| *file = crate::repo::from_root(file, &cwd, &root);
    let mut report = report.clone();
    let diagnostics = report
        .diagnostics
        .iter_mut()
        .chain(report.suppressed.iter_mut().map(|s| &mut s.diagnostic));
    for d in diagnostics {
        if let Some(l) = &mut d.location {
            name(&mut l.file);
        }
        for r in &mut d.related {
            name(&mut r.location.file);
        }
    }
    report.sources = std::mem::take(&mut report.sources)
        .into_iter()
        .map(|(mut file, text)| {
            name(&mut file);
            (file, text)
        })
        .collect();
    Cow::Owned(report)
}
