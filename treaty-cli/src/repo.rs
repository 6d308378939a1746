//! Finding the repository's `datasets/` directory.

use std::path::{Path, PathBuf};

/// The `datasets/` directory of the repository containing `start`: the first ancestor that has
/// a `datasets/` directory and is a repository root (`.git`) or this project (`schemas/`).
pub fn find_datasets(start: &Path) -> Option<PathBuf> {
    start.ancestors().find_map(|dir| {
        let datasets = dir.join("datasets");
        (datasets.is_dir() && (dir.join(".git").exists() || dir.join("schemas").is_dir()))
            .then_some(datasets)
    })
}

/// The repository's `datasets/` as seen from the current directory (`datasets`, `..`, `.`),
/// so that what names it stays short; `None` outside a repository.
pub fn default_dir() -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    find_datasets(&cwd).map(|d| relative_to(&d, &cwd))
}

/// The default dataset paths, or a message saying what to pass.
pub fn default_paths() -> Result<Vec<PathBuf>, String> {
    match default_dir() {
        Some(d) => Ok(vec![d]),
        None => Err(
            "no `datasets/` directory found here or in any parent repository; pass the files or directories to validate, for example `treaty validate path/to/datasets`"
                .into(),
        ),
    }
}

/// `path` relative to `base` (both absolute), so diagnostics show short paths: `datasets`
/// from the repository's root, `..` from `datasets/powers`, `.` from `datasets` itself.
fn relative_to(path: &Path, base: &Path) -> PathBuf {
    match pathdiff::diff_paths(path, base) {
        Some(p) if p.as_os_str().is_empty() => PathBuf::from("."),
        Some(p) => p,
        None => path.to_path_buf(),
    }
}
