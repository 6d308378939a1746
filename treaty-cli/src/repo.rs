//! Finding the repository's `datasets/` directory, and naming files from the repository's root.

use std::path::{Path, PathBuf};

/// The `datasets/` directory for `start` (absolute): that of the first ancestor whose
/// `datasets/` is a dataset root (it holds the instrument file), or sits at a repository's
/// root (`.git`) or in this project (`schemas/`). A copy of `datasets/` in a work folder is
/// found by its instrument file, before any repository further up.
pub fn find_datasets(start: &Path) -> Option<PathBuf> {
    start.ancestors().find_map(|dir| {
        let datasets = dir.join("datasets");
        let is_root = || {
            treaty_model::validate::dataset_root(&datasets).as_deref() == Some(datasets.as_path())
        };
        let marked = || dir.join(".git").exists() || dir.join("schemas").is_dir();
        (datasets.is_dir() && (is_root() || marked())).then_some(datasets)
    })
}

/// The dataset the current directory is in (the nearest ancestor holding the instrument
/// file: a copy of the datasets under any name), else the repository's `datasets/`, as seen
/// from the current directory (`datasets`, `..`, `.`) so that what names it stays short;
/// `None` when there is neither.
pub fn default_dir() -> Option<PathBuf> {
    let cwd = std::env::current_dir().ok()?;
    treaty_model::validate::dataset_root(&cwd)
        .or_else(|| find_datasets(&cwd))
        .map(|d| relative_to(&d, &cwd))
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

/// The root of the git repository that holds `dir` (the first ancestor with `.git`).
pub fn git_root(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
}

/// `file`, a path as diagnostics show it (relative to `cwd`, or absolute), named from `root`
/// instead, as GitHub annotations and SARIF's `%SRCROOT%` expect; a name that is not a path
/// (`<stdin>`) or lies outside `root` is kept as it is.
pub fn from_root(file: &str, cwd: &Path, root: &Path) -> String {
    if file.starts_with('<') {
        return file.to_owned();
    }
    let absolute = lexical(&cwd.join(file));
    match absolute.strip_prefix(root) {
        Ok(inside) => inside.to_string_lossy().replace('\\', "/"),
        Err(_) => file.to_owned(),
    }
}

/// `path` with `.` and `..` folded away, without touching the disk: the names stay the ones the
/// user gave (`canonicalize` would resolve links), and std's `normalize_lexically` is not
/// stable yet.
fn lexical(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_named_from_the_repository_root() {
        let root = Path::new("/repo");
        let cwd = Path::new("/repo/t1/powers");
        assert_eq!(
            from_root("../../t1/powers/domestic.yaml", cwd, root),
            "t1/powers/domestic.yaml"
        );
        assert_eq!(from_root("./x.yaml", cwd, root), "t1/powers/x.yaml");
        assert_eq!(from_root("/repo/a/b.yaml", cwd, root), "a/b.yaml");
        assert_eq!(
            from_root("/elsewhere/b.yaml", cwd, root),
            "/elsewhere/b.yaml"
        );
        assert_eq!(
            from_root("../../../out.yaml", cwd, root),
            "../../../out.yaml"
        );
        assert_eq!(from_root("<stdin>", cwd, root), "<stdin>");
    }
}
