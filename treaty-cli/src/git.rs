//! The files a pull request changes, from git.

use std::path::{Path, PathBuf};
use std::process::Command;

fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "`git {}` failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Files that differ from `rev` in the repository containing the current directory:
/// committed since, staged, unstaged, and untracked (not ignored) files, as absolute paths.
pub fn changed_since(rev: &str) -> Result<Vec<PathBuf>, String> {
    let cwd =
        std::env::current_dir().map_err(|e| format!("cannot read the current directory: {e}"))?;
    let top = PathBuf::from(git(&cwd, &["rev-parse", "--show-toplevel"])?.trim());
    let commit = commit(&top, rev)?;
    let mut files: Vec<PathBuf> = Vec::new();
    for listing in [
        git(&top, &["diff", "--name-only", "-z", &commit, "--"])?,
        git(&top, &["ls-files", "--others", "--exclude-standard", "-z"])?,
    ] {
        files.extend(
            listing
                .split('\0')
                .filter(|s| !s.is_empty())
                .map(|s| top.join(s)),
        );
    }
    files.sort();
    files.dedup();
    Ok(files)
}

/// The commit `rev` names, as a hash. `rev` comes from the user (or a pull request's
/// workflow): after `--end-of-options`, git takes it as a revision even when it looks like an
/// option (`--output=FILE` would make `git diff` write FILE), and only the hash it resolves to
/// is passed on.
fn commit(top: &Path, rev: &str) -> Result<String, String> {
    let spec = format!("{rev}^{{commit}}");
    let out = Command::new("git")
        .current_dir(top)
        .args([
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &spec,
        ])
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    let hash = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    if !out.status.success() || hash.is_empty() || !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(format!(
            "`{rev}` does not name a commit in this repository (--changed-since takes a \
             revision: a branch, tag or commit)"
        ));
    }
    Ok(hash)
}
