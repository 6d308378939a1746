//! Everything `treaty` writes goes through here, so that every command gets the same guards:
//!
//! - standard output: a closed pipe ends the command quietly ([`Failure::StdoutClosed`]), any
//!   other error is one message and exit 2; nothing panics;
//! - a file is replaced only when it is a regular file (never a device, FIFO, socket, symbolic
//!   link or directory), atomically, through a temporary file with a short name beside it that
//!   is removed on every error path, and that a later run removes if a killed one left it;
//! - a directory of generated files ([`OutDir::write`]) is written only when it is absent, empty,
//!   or marked by an earlier run ([`MARKER`]), or with `--force`; only the files `treaty` wrote
//!   there are ever replaced or removed.
//!
//! docs/RELIABILITY.md lists these guarantees with the tests that hold them.

use std::collections::BTreeSet;
use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// Why a command stopped short of its end.
#[derive(Debug)]
pub enum Failure {
    /// Exit 2 after this one message.
    Message(String),
    /// Whoever read standard output has gone (a closed pipe, as in `treaty ... | head`): the
    /// command ends quietly, with success, as Unix tools stopped by SIGPIPE do.
    StdoutClosed,
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Self::Message(message)
    }
}

/// Writes `text` to standard output.
pub fn print(text: &str) -> Result<(), Failure> {
    print_bytes(text.as_bytes())
}

/// Writes `bytes` to standard output.
pub fn print_bytes(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| match e.kind() {
            ErrorKind::BrokenPipe => Failure::StdoutClosed,
            _ => Failure::Message(format!("cannot write to standard output: {e}")),
        })
}

/// Writes `text` to standard error. A failure (a closed pipe, a full disk) is ignored rather
/// than a panic: there is nowhere left to report it, and the exit code still tells the outcome.
pub fn eprint(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes()).and_then(|()| err.flush());
}

/// Writes a line to standard error, as [`eprint()`] does.
pub fn note(line: &str) {
    eprint(&format!("{line}\n"));
}

/// Where output goes.
#[derive(Debug, Clone)]
pub enum Sink {
    /// Standard output.
    Stdout,
    /// A file, written atomically.
    File(PathBuf),
}

impl Sink {
    /// `-` or absent means standard output.
    pub fn from_arg(arg: Option<&Path>) -> Self {
        match arg {
            None => Self::Stdout,
            Some(p) if p.as_os_str() == "-" => Self::Stdout,
            Some(p) => Self::File(p.to_path_buf()),
        }
    }

    /// Refuses a target that would not be written: called before any work, so that a refusal
    /// comes first and costs nothing.
    pub fn check(&self) -> Result<(), Failure> {
        match self {
            Self::Stdout => Ok(()),
            Self::File(path) => Ok(check_file(path)?),
        }
    }

    /// Like [`Sink::check`], and refuses a file inside one of the dataset directories the
    /// command reads: a report written there would become part of the data (or replace a file
    /// of it).
    pub fn check_outside(&self, datasets: &[&Path]) -> Result<(), Failure> {
        self.check()?;
        match self {
            Self::File(path) => match input_around(path, datasets) {
                Some(dir) => Err(format!(
                    "`{}` is inside the dataset `{}` that this command reads, which is never \
                     written to: choose another output",
                    path.display(),
                    dir.display()
                )
                .into()),
                None => Ok(()),
            },
            Self::Stdout => Ok(()),
        }
    }

    /// Writes all of `text`; an error names where it could not be written.
    pub fn emit(&self, text: &str) -> Result<(), Failure> {
        match self {
            Self::Stdout => print(text),
            Self::File(path) => Ok(write_file(path, text.as_bytes())?),
        }
    }
}

/// What may be at a path that a file is written to: nothing, or a regular file.
pub fn check_file(path: &Path) -> Result<(), String> {
    match std::fs::symlink_metadata(path) {
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(()),
        Err(e) => Err(format!("cannot write {}: {e}", path.display())),
        Ok(m) if m.is_file() => Ok(()),
        Ok(m) => Err(format!(
            "`{}` is {}; only a regular file is replaced (`-o -` writes to standard output)",
            path.display(),
            describe(&m.file_type())
        )),
    }
}

/// "a directory", "a symbolic link"... for messages.
fn describe(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_symlink() {
        "a symbolic link"
    } else if t.is_dir() {
        "a directory"
    } else {
        "not a regular file"
    }
}

/// Writes `bytes` to `path` atomically (a reader, or a crash, sees the old file or the complete
/// new one, never a truncated file), creating missing parent folders.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    check_file(path)?;
    let dir = parent(path);
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    clean_stale(dir);
    replace(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The folder `path` is in; `.` for a bare name.
fn parent(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Writes a temporary file beside `path` and renames it over `path`.
fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = parent(path);
    let mut temp = Temp::create(dir)?;
    temp.file.write_all(bytes)?;
    temp.file.sync_all()?;
    std::fs::rename(&temp.path, path)?;
    temp.renamed = true;
    sync_dir(dir);
    Ok(())
}

/// Makes a rename in `dir` durable across a power loss, where the platform allows it: on Unix a
/// directory opens and syncs like a file; elsewhere this is a no-op, and the rename stays
/// atomic, only perhaps not durable.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Temporary files are named `.treaty-PID-N.tmp`: short, so that any valid output name can be
/// written (a name built from the output's own would overflow the file-name limit), and
/// recognisable, so that a later run can remove those a killed one left.
const TEMP_PREFIX: &str = ".treaty-";
const TEMP_SUFFIX: &str = ".tmp";

/// A temporary file, removed when dropped unless it was renamed into place: every error path
/// (and a panic) cleans up. The writer holds an exclusive lock on it for its whole life, which
/// is how [`clean_stale`] tells a live writer's file from one a killed process left.
struct Temp {
    path: PathBuf,
    file: File,
    renamed: bool,
}

impl Temp {
    fn create(dir: &Path) -> std::io::Result<Self> {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        loop {
            let n = NEXT.fetch_add(1, Ordering::Relaxed);
            let path = dir.join(format!(
                "{TEMP_PREFIX}{}-{n}{TEMP_SUFFIX}",
                std::process::id()
            ));
            let file = match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(f) => f,
                Err(e) if e.kind() == ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            };
            let temp = Self {
                path,
                file,
                renamed: false,
            };
            // Between the creation and the lock, a cleaner may have taken the file for stale:
            // it holds the lock or has removed the file. Then try another name.
            match temp.file.try_lock() {
                Ok(()) => {}
                Err(std::fs::TryLockError::WouldBlock) => continue,
                // A file system without locks: no cleaner can remove the file either.
                Err(std::fs::TryLockError::Error(_)) => return Ok(temp),
            }
            if temp.still_at_its_path() {
                return Ok(temp);
            }
        }
    }

    /// Whether the path still names this file (a cleaner did not remove it before the lock).
    fn still_at_its_path(&self) -> bool {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            match (std::fs::symlink_metadata(&self.path), self.file.metadata()) {
                (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
                _ => false,
            }
        }
        #[cfg(not(unix))]
        {
            // Elsewhere an open file cannot be removed, so it is still there.
            true
        }
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if !self.renamed {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Whether `name` is one of our temporary files: `.treaty-PID-N.tmp`.
fn is_temp_name(name: &str) -> bool {
    name.strip_prefix(TEMP_PREFIX)
        .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
        .and_then(|middle| middle.split_once('-'))
        .is_some_and(|(pid, n)| {
            [pid, n]
                .iter()
                .all(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// Removes the temporary files in `dir` that no running writer holds: those of a killed run.
/// A file whose lock cannot be taken belongs to a live writer and is left alone.
fn clean_stale(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if !entry.file_name().to_str().is_some_and(is_temp_name) {
            continue;
        }
        let path = entry.path();
        if !std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
            continue;
        }
        let Ok(file) = File::open(&path) else {
            continue;
        };
        if file.try_lock().is_ok() {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// The file in a directory of generated files that says `treaty` wrote them, and lists them.
pub const MARKER: &str = ".treaty-output";

const MARKER_HEADER: &str = "# Written by `treaty`, which may replace or remove the files listed below when it writes\n\
# this directory again; it leaves every other file alone. Without this file, treaty writes here\n\
# only with --force.\n";

/// Where a directory of generated files goes, and what it must not touch.
#[derive(Debug)]
pub struct OutDir<'a> {
    /// The directory.
    pub path: &'a Path,
    /// Write into a directory that holds other files (they are kept, unless one has the name of
    /// a generated file).
    pub force: bool,
    /// The input files or directories: never written into, with or without `--force`.
    pub inputs: &'a [&'a Path],
}

impl OutDir<'_> {
    /// Refuses a directory that would not be written, before any work; returns the files an
    /// earlier run wrote there.
    pub fn check(&self) -> Result<BTreeSet<String>, String> {
        let dir = self.path;
        self.check_inputs()?;
        let meta = match std::fs::symlink_metadata(dir) {
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(BTreeSet::new()),
            Err(e) => return Err(format!("cannot write {}: {e}", dir.display())),
            Ok(m) => m,
        };
        if !meta.is_dir() {
            return Err(format!(
                "`{}` is {}; the output must be a directory",
                dir.display(),
                describe(&meta.file_type())
            ));
        }
        let mut others = false;
        let entries =
            std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
            let name = entry.file_name();
            if name == MARKER {
                return read_marker(&dir.join(MARKER));
            }
            if !name.to_str().is_some_and(is_temp_name) {
                others = true;
            }
        }
        if others && !self.force {
            return Err(format!(
                "`{}` is not empty and was not written by treaty (it has no {MARKER} file): \
                 choose another directory, or pass --force to write into it (other files are \
                 kept; those with the name of a generated file are replaced)",
                dir.display()
            ));
        }
        Ok(BTreeSet::new())
    }

    /// The output is neither an input directory nor inside one.
    fn check_inputs(&self) -> Result<(), String> {
        match input_around(self.path, self.inputs) {
            Some(input) => Err(format!(
                "`{}` is inside the input `{}`, which is never written to: choose another \
                 directory",
                self.path.display(),
                input.display()
            )),
            None => Ok(()),
        }
    }

    /// Writes `files` (relative paths, `/`-separated, and their text) into the directory, then
    /// removes the files an earlier run wrote that are not among them.
    pub fn write(&self, files: &[(String, String)]) -> Result<(), String> {
        let earlier = self.check()?;
        let dir = self.path;
        let cannot = |e: std::io::Error| format!("cannot write {}: {e}", dir.display());
        let mut names = BTreeSet::new();
        for (name, _) in files {
            let target = self.target(name)?;
            check_file(&target)?;
            if self.is_input(&target) {
                return Err(format!(
                    "`{}` is an input, which is never written to",
                    target.display()
                ));
            }
            names.insert(name.clone());
        }
        std::fs::create_dir_all(dir).map_err(cannot)?;
        clean_stale(dir);
        // Listed first, with what is still there from before: a run killed midway leaves a
        // directory that the next run recognises and tidies.
        let leftover: BTreeSet<String> = earlier
            .iter()
            .filter(|n| self.target(n).is_ok_and(|t| t.is_file()))
            .cloned()
            .collect();
        write_marker(dir, &names.union(&leftover).cloned().collect())?;
        let mut cleaned = BTreeSet::from([dir.to_path_buf()]);
        for (name, text) in files {
            let target = self.target(name)?;
            self.make_folders(name)?;
            if cleaned.insert(parent(&target).to_path_buf()) {
                clean_stale(parent(&target));
            }
            replace(&target, text.as_bytes())
                .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
        }
        for name in leftover.difference(&names) {
            self.remove(name);
        }
        write_marker(dir, &names)
    }

    /// The path of a generated file: only plain names and sub-folders, inside the directory.
    fn target(&self, name: &str) -> Result<PathBuf, String> {
        let rel = Path::new(name);
        let plain = !name.is_empty()
            && rel
                .components()
                .all(|c| matches!(c, Component::Normal(n) if n != MARKER));
        if !plain {
            return Err(format!("`{name}` is not a plain file name"));
        }
        Ok(self.path.join(rel))
    }

    /// Whether `target` is an input file or lies in an input directory.
    fn is_input(&self, target: &Path) -> bool {
        let Some(target) = resolve(target) else {
            return false;
        };
        self.inputs
            .iter()
            .any(|input| std::fs::canonicalize(input).is_ok_and(|input| target.starts_with(&input)))
    }

    /// Creates the sub-folders of `name`, refusing any that is not a real folder (a symbolic
    /// link there would send the write elsewhere).
    fn make_folders(&self, name: &str) -> Result<(), String> {
        let mut at = self.path.to_path_buf();
        let Some(folders) = Path::new(name).parent() else {
            return Ok(());
        };
        for part in folders.components() {
            at.push(part);
            match std::fs::symlink_metadata(&at) {
                Ok(m) if m.is_dir() => {}
                Ok(m) => {
                    return Err(format!(
                        "`{}` is {}; it must be a folder",
                        at.display(),
                        describe(&m.file_type())
                    ));
                }
                Err(_) => std::fs::create_dir(&at)
                    .map_err(|e| format!("cannot create {}: {e}", at.display()))?,
            }
        }
        Ok(())
    }

    /// Removes a file an earlier run wrote (if it is still a regular file), and the folders it
    /// leaves empty.
    fn remove(&self, name: &str) {
        let Ok(target) = self.target(name) else {
            return;
        };
        if std::fs::symlink_metadata(&target).is_ok_and(|m| m.is_file()) {
            let _ = std::fs::remove_file(&target);
        }
        let mut folder = target.parent();
        while let Some(f) = folder.filter(|f| *f != self.path) {
            if std::fs::remove_dir(f).is_err() {
                break;
            }
            folder = f.parent();
        }
    }
}

/// The input directory that `path` is, or is inside of, if any.
fn input_around<'a>(path: &Path, inputs: &[&'a Path]) -> Option<&'a Path> {
    let out = resolve(path)?;
    inputs.iter().copied().find(|input| {
        std::fs::canonicalize(input).is_ok_and(|dir| dir.is_dir() && out.starts_with(&dir))
    })
}

/// `path` with its symbolic links and `..` resolved, also when it (or some of its last
/// components) does not exist yet: what it would be once created.
fn resolve(path: &Path) -> Option<PathBuf> {
    if let Ok(p) = std::fs::canonicalize(path) {
        return Some(p);
    }
    let name = path.file_name()?;
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    resolve(parent).map(|p| p.join(name))
}

/// The names an earlier run listed in its marker; a name that is not plain is ignored.
fn read_marker(path: &Path) -> Result<BTreeSet<String>, String> {
    if !std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file()) {
        return Err(format!("`{}` is not a regular file", path.display()));
    }
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect())
}

fn write_marker(dir: &Path, names: &BTreeSet<String>) -> Result<(), String> {
    let mut text = MARKER_HEADER.to_owned();
    for n in names {
        text.push_str(n);
        text.push('\n');
    }
    let path = dir.join(MARKER);
    check_file(&path)?;
    replace(&path, text.as_bytes()).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_are_recognised_exactly() {
        assert!(is_temp_name(".treaty-123-0.tmp"));
        for other in [
            ".treaty-output",
            ".treaty-123.tmp",
            ".treaty--1.tmp",
            ".treaty-12-x.tmp",
            "treaty-1-2.tmp",
            ".out.json.123.tmp",
        ] {
            assert!(!is_temp_name(other), "{other}");
        }
    }

    #[test]
    fn a_failed_rename_removes_its_temporary_file() {
        let dir = std::env::temp_dir().join(format!("treaty-output-unit-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        // A non-empty directory in the way: the rename fails after the temporary file was
        // written in full (the guard that refuses it up front is bypassed here).
        let target = dir.join("out.json");
        std::fs::create_dir_all(target.join("inside")).expect("scratch");
        let error = replace(&target, b"new").expect_err("the rename fails");
        assert_ne!(error.kind(), ErrorKind::NotFound, "{error}");
        let left: Vec<_> = std::fs::read_dir(&dir)
            .expect("dir")
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(left, ["out.json"]);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn files_in_sub_folders_are_written_and_removed_with_their_empty_folders() {
        let dir = std::env::temp_dir().join(format!("treaty-output-sub-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let out = OutDir {
            path: &dir,
            force: false,
            inputs: &[],
        };
        let files = |names: &[&str]| -> Vec<(String, String)> {
            names
                .iter()
                .map(|n| ((*n).to_owned(), format!("{n}\n")))
                .collect()
        };
        out.write(&files(&[
            "index.html",
            "schemas/v1/a.json",
            "old/gone.html",
        ]))
        .expect("first run");
        assert_eq!(
            std::fs::read_to_string(dir.join("schemas/v1/a.json")).expect("written"),
            "schemas/v1/a.json\n"
        );
        std::fs::write(dir.join("schemas/mine.txt"), "mine").expect("write");
        out.write(&files(&["index.html"])).expect("second run");
        assert!(!dir.join("old").exists(), "an emptied folder is removed");
        assert!(
            !dir.join("schemas/v1").exists(),
            "an emptied folder is removed"
        );
        assert!(
            dir.join("schemas/mine.txt").is_file(),
            "the user's file stays"
        );
        assert!(
            out.write(&files(&["../escape.html"])).is_err(),
            "a name leaving the folder is refused"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
