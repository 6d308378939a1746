//! Finding the dataset files under the paths the user gives.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Code, Diagnostic, Location};

/// The extensions a dataset file may have.
const EXTENSIONS: [&str; 3] = ["yaml", "yml", "json"];

/// Whether `path` names a dataset file by its extension.
pub fn is_dataset_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e))
}

/// Expands directories (recursively, following symbolic links once) into their dataset files,
/// sorted; files given explicitly are kept whatever their extension (and whatever their type:
/// `treaty validate <(cmd)` reads a pipe on purpose). Problems (a missing path, an unreadable
/// directory, a symlink loop, a FIFO or device inside a directory) become diagnostics.
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for root in paths {
        match std::fs::metadata(root) {
            Ok(m) if m.is_dir() => {
                let mut visited = HashSet::new();
                walk(root, &mut visited, &mut files, &mut problems);
            }
            Ok(_) => files.push(root.clone()),
            Err(e) => problems.push(io_problem(root, &e)),
        }
    }
    files.sort();
    files.dedup();
    (files, problems)
}

pub(crate) fn io_problem(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::new(
        Code::Io,
        format!("cannot read `{}`: {e}", path.display()),
        Some(Location::file_start(display(path))),
    )
}

/// The path as shown in diagnostics: as given, with `/` separators.
pub(crate) fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

fn walk(
    dir: &Path,
    visited: &mut HashSet<PathBuf>,
    files: &mut Vec<PathBuf>,
    problems: &mut Vec<Diagnostic>,
) {
    // Explicit stack: a deep tree must not overflow ours.
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let canonical = match std::fs::canonicalize(&dir) {
            Ok(c) => c,
            Err(e) => {
                problems.push(io_problem(&dir, &e));
                continue;
            }
        };
        if !visited.insert(canonical) {
            problems.push(
                Diagnostic::new(
                    Code::Io,
                    format!(
                        "`{}` leads back to a directory already read (a symbolic link loop); it is skipped",
                        dir.display()
                    ),
                    Some(Location::file_start(display(&dir))),
                )
                .with_help("remove the link, or point it outside the dataset"),
            );
            continue;
        }
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                problems.push(io_problem(&dir, &e));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    problems.push(io_problem(&dir, &e));
                    continue;
                }
            };
            let path = entry.path();
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => stack.push(path),
                Ok(m) if m.is_file() && is_dataset_file(&path) => files.push(path),
                // A FIFO, socket or device named like a dataset file: reading a FIFO with no
                // writer blocks forever, so it is reported, never opened.
                Ok(_) if is_dataset_file(&path) => problems.push(
                    Diagnostic::new(
                        Code::Io,
                        format!(
                            "`{}` is not a regular file (a FIFO, socket or device); it is skipped",
                            path.display()
                        ),
                        Some(Location::file_start(display(&path))),
                    )
                    .with_help("dataset files are regular files; remove it or rename it"),
                ),
                Ok(_) => {}
                Err(e) => problems.push(io_problem(&path, &e)),
            }
        }
    }
}
