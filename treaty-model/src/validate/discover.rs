//! Finding the dataset files under the paths the user gives, and the dataset they belong to.
//!
//! **The dataset root rule.** A dataset root is a directory that holds an instrument file
//! (`instrument.yaml`, `instrument.yml` or `instrument.json`): every dataset needs one, since it
//! defines the text versions that references are read in. A path names *part* of a dataset
//! when the nearest directory above it (or, for a directory, the directory itself) that is a
//! root is not the path itself. The whole root is then loaded for the cross-file checks, and
//! the report keeps the diagnostics of the named files. Each dataset is validated on its own (see
//! [`plan`]).
//!
//! **What a directory walk skips.** Entries whose names start with `.` (`.git`, `.github`) and
//! directories tagged as caches by a `CACHEDIR.TAG` (cargo's `target/`). A path named on the
//! command line is read whatever its name.
//!
//! **The dataset boundary.** Directory walks read regular files only, and never follow a
//! symbolic link out of the directory being walked: a pull request could otherwise make CI
//! print the contents of a file outside the dataset (`/proc/self/environ`) in a snippet. A
//! link to a directory inside it is a second name: its files are read once, under their real
//! path. A link back to a directory above it is reported as a loop. A file named on the
//! command line inside a dataset is held to the same boundary (a script may pass the changed
//! paths); one named outside every dataset is read, since the user asked for it.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::diagnostic::{Code, Diagnostic, Location};

/// The extensions a dataset file may have.
const EXTENSIONS: [&str; 3] = ["yaml", "yml", "json"];

/// The file names that make a directory a dataset root.
const ROOT_MARKERS: [&str; 3] = ["instrument.yaml", "instrument.yml", "instrument.json"];

/// Whether `path` names a dataset file by its extension.
pub fn is_dataset_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e))
}

/// Whether `dir` is a dataset root: it holds an instrument file.
fn is_root(dir: &Path) -> bool {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    ROOT_MARKERS.iter().any(|m| dir.join(m).is_file())
}

/// The dataset root that `path` belongs to: the nearest directory at or above it that holds
/// an instrument file. Relative paths are searched as written first, so that the root is
/// shown the way the user wrote the path, then through their absolute form (a root above the
/// current directory is then written with `..`).
pub fn dataset_root(path: &Path) -> Option<PathBuf> {
    let start = if path.is_dir() {
        Some(path)
    } else {
        // A bare file name (`domestic.yaml`) has an empty parent: the current directory.
        path.parent().map(|p| {
            if p.as_os_str().is_empty() {
                Path::new(".")
            } else {
                p
            }
        })
    };
    let lexical = start
        .into_iter()
        .flat_map(Path::ancestors)
        .find(|dir| is_root(dir))
        .map(|dir| {
            if dir.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                dir.to_path_buf()
            }
        });
    lexical.or_else(|| {
        let start = start?;
        let absolute = std::fs::canonicalize(start).ok()?;
        let root = absolute.ancestors().find(|dir| is_root(dir))?;
        // A relative path whose dataset lies above the current directory (a bare name, run in
        // a subdirectory) gets a relative root too, `..` or `../..`, as the user would write
        // it: the other files of the dataset are then shown as `../sources.yaml`.
        if start.is_relative()
            && let Ok(cwd) = std::env::current_dir().and_then(std::fs::canonicalize)
            && let Ok(below) = cwd.strip_prefix(root)
            && below.components().next().is_some()
        {
            return Some(below.components().map(|_| "..").collect());
        }
        Some(root.to_path_buf())
    })
}

/// What to read for a validation: one group per dataset the paths touch, each validated on
/// its own, so that two datasets never see each other's ids.
#[derive(Debug)]
pub(crate) struct Plan {
    /// The groups, in the order the paths named them.
    pub groups: Vec<Group>,
    /// Problems of the paths named: a path that could not be read, a link out of a directory
    /// walked, a file that is not regular. They are always reported.
    pub problems: Vec<Diagnostic>,
}

/// The files of one validation, and which of them to report on.
#[derive(Debug, Default)]
pub(crate) struct Group {
    /// Every file to load, sorted by the path shown; each file once, under the first spelling
    /// that named it.
    pub files: Vec<PathBuf>,
    /// When only part of a dataset was named: the shown paths of the named files. The other
    /// files are loaded only so that references into them resolve.
    pub scope: Option<HashSet<String>>,
    /// Problems of the files read around a named part (a pipe in the dataset's directory):
    /// not reported, but they leave the dataset invalid.
    pub around: Vec<Diagnostic>,
}

/// Plans the validation of `paths` (files or directories), as if the file `left_out` were not
/// there (see [`LeftOut`]).
///
/// Each file found belongs to the dataset of its nearest root. The files of one dataset are
/// validated together; when they are only part of it, the whole root is read around them. A
/// file outside every dataset is checked beside the one dataset named with it (a new file,
/// before it is moved in); beside several, it cannot be told which, so the files outside any
/// dataset are then validated together on their own.
pub(crate) fn plan(paths: &[PathBuf], left_out: &LeftOut) -> Plan {
    let (mut named, mut problems) = discover(paths);
    named.retain(|f| left_out.keeps(f));
    let mut datasets: Vec<Named> = Vec::new();
    // The root of each directory, as shown and canonical (two spellings of one root are one
    // dataset), found once per directory.
    let mut root_of_dir: HashMap<PathBuf, (Option<PathBuf>, Option<PathBuf>)> = HashMap::new();
    for file in named {
        let dir = file.parent().unwrap_or(Path::new("")).to_path_buf();
        let (mut root, mut key) = root_of_dir
            .entry(dir)
            .or_insert_with(|| root_and_key(&file))
            .clone();
        // A file named inside a dataset is held to the walk's boundary: one that resolves
        // outside the root through a symbolic link is reported, never opened. One that leaves
        // it by `..` (`ds/../other/a.yaml`) was never in it: its dataset is that of where it is.
        let outside = match (&key, std::fs::canonicalize(&file)) {
            (Some(key), Ok(target)) if !target.starts_with(key) => Some(target),
            _ => None,
        };
        // Only the part of the path below the root counts: a link above it (a temporary
        // directory that is itself a link) takes nothing out of the dataset.
        let through_link = outside.is_some()
            && file
                .ancestors()
                .take_while(|p| root.as_deref() != Some(*p))
                .any(|p| std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink()));
        if let Some(target) = outside.as_ref().filter(|_| !through_link) {
            (root, key) = root_and_key(target);
        } else if let (Some(root), Some(_)) = (&root, outside) {
            problems.push(link_out(&file, root));
            continue;
        }
        match datasets.iter_mut().find(|d| d.key == key) {
            Some(d) => d.files.push(file),
            None => datasets.push(Named {
                root,
                key,
                files: vec![file],
            }),
        }
    }
    if datasets.iter().filter(|d| d.key.is_some()).count() == 1
        && let Some(at) = datasets.iter().position(|d| d.key.is_none())
    {
        let outside = datasets.remove(at);
        if let Some(d) = datasets.iter_mut().find(|d| d.key.is_some()) {
            d.files.extend(outside.files);
        }
    }
    let groups = datasets
        .into_iter()
        .map(|d| match (d.root, d.key) {
            (Some(root), Some(key)) if !paths.iter().any(|p| holds(p, &key)) => {
                part_of(&root, d.files, left_out)
            }
            _ => Group {
                files: unique(d.files),
                ..Group::default()
            },
        })
        .collect();
    Plan { groups, problems }
}

/// The dataset root of `path` as shown, and canonical (which tells two spellings of one root
/// apart from two roots).
fn root_and_key(path: &Path) -> (Option<PathBuf>, Option<PathBuf>) {
    let root = dataset_root(path);
    let key = root
        .as_ref()
        .map(|r| std::fs::canonicalize(r).unwrap_or_else(|_| r.clone()));
    (root, key)
}

/// A symbolic link at `path` that leads out of the dataset at `root`: reported by its path,
/// never opened, whether a walk met it or it was named.
fn link_out(path: &Path, root: &Path) -> Diagnostic {
    Diagnostic::new(
        Code::OutsideDataset,
        format!(
            "`{}` is a symbolic link to a file outside the dataset directory `{}`; it is not read",
            display(path),
            display(root)
        ),
        Some(Location::file_start(display(path))),
    )
    .with_help("copy the file into the dataset, or remove the link")
}

/// The files named that belong to one dataset, or to none.
struct Named {
    /// The dataset's root as shown, `None` for files of no dataset.
    root: Option<PathBuf>,
    /// The root's canonical path, which tells datasets apart.
    key: Option<PathBuf>,
    files: Vec<PathBuf>,
}

/// Whether the path `p` names all of the dataset whose root is `root` (canonical): it is the
/// root, or a directory above it.
fn holds(p: &Path, root: &Path) -> bool {
    std::fs::canonicalize(p).is_ok_and(|p| root.starts_with(p))
}

/// The group of `named`, part of the dataset at `root`: the whole root is read around them.
fn part_of(root: &Path, named: Vec<PathBuf>, left_out: &LeftOut) -> Group {
    let scope: HashSet<String> = named.iter().map(|p| display(p)).collect();
    let (mut all, around) = discover(&[root.to_path_buf()]);
    all.retain(|f| left_out.keeps(f));
    // A file named on purpose is read whatever its type (a pipe); the walk of its root would
    // report it as skipped.
    let around = around
        .into_iter()
        .filter(|d| d.location.as_ref().is_none_or(|l| !scope.contains(&l.file)))
        .collect();
    // The named spelling comes first, so that a named file keeps it.
    let mut files = named;
    files.append(&mut all);
    Group {
        files: unique(files),
        scope: Some(scope),
        around,
    }
}

/// A file a validation reads as if it were not there: one about to be replaced, whose content
/// is no part of the data. It is known by its canonical path, so that any spelling of it
/// (relative or absolute, with `./` or `..`, through a linked directory) is left out; a path
/// that does not exist names no file found, and leaves out nothing.
#[derive(Debug)]
pub(crate) struct LeftOut(Option<PathBuf>);

impl LeftOut {
    /// Nothing left out.
    pub(crate) const NONE: Self = Self(None);

    /// The file at `path`, if there is one.
    pub(crate) fn file(path: &Path) -> Self {
        Self(std::fs::canonicalize(path).ok())
    }

    /// Whether the file found at `path` is read.
    fn keeps(&self, path: &Path) -> bool {
        self.0
            .as_ref()
            .is_none_or(|left_out| std::fs::canonicalize(path).ok().as_ref() != Some(left_out))
    }
}

pub(crate) fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// `files` sorted by shown path, each file once: two spellings of one file (`ds/a.yaml` and
/// `ds/../ds/a.yaml`) would otherwise define every id twice.
fn unique(files: Vec<PathBuf>) -> Vec<PathBuf> {
    let mut seen = HashSet::new();
    let mut kept: Vec<PathBuf> = files
        .into_iter()
        .filter(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())))
        .collect();
    kept.sort();
    kept
}

/// Expands directories (recursively) into their dataset files, sorted, each file once; files
/// given explicitly are kept whatever their extension (and whatever their type: `treaty
/// validate <(cmd)` reads a pipe on purpose; reads are bounded by the size limit). Problems (a
/// missing path, an unreadable directory, a symlink loop or a link out of the directory, a
/// FIFO or device inside a directory) become diagnostics.
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for root in paths {
        match std::fs::metadata(root) {
            Ok(m) if m.is_dir() => {
                let mut visited = HashSet::new();
                let before = files.len();
                walk(root, &mut visited, &mut files, &mut problems);
                // A directory with nothing to check is a mistaken path, not a valid dataset.
                if files.len() == before {
                    problems.push(
                        Diagnostic::new(
                            Code::Io,
                            format!(
                                "no dataset files (`.yaml`, `.yml`, `.json`) in `{}`",
                                display(root)
                            ),
                            Some(Location::file_start(display(root))),
                        )
                        .with_help(
                            "check the path; dataset files are found in it and its subdirectories",
                        ),
                    );
                }
            }
            Ok(_) => files.push(root.clone()),
            Err(e) => problems.push(io_problem(root, &e)),
        }
    }
    (unique(files), problems)
}

pub(crate) fn io_problem(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::new(
        Code::Io,
        format!("cannot read `{}`: {e}", display(path)),
        Some(Location::file_start(display(path))),
    )
    .with_help(match e.kind() {
        std::io::ErrorKind::NotFound => "nothing exists at this path: check its spelling",
        std::io::ErrorKind::PermissionDenied => "this user may not read it: change its permissions",
        _ => Code::Io.fix(),
    })
}

/// The path as shown in diagnostics: as given, with `/` separators and without a leading `./`.
pub(crate) fn display(path: &Path) -> String {
    let shown = path.to_string_lossy().replace('\\', "/");
    match shown.strip_prefix("./") {
        Some(rest) if !rest.is_empty() => rest.to_owned(),
        _ => shown,
    }
}

fn skipped(path: &Path, message: &str, help: &str) -> Diagnostic {
    Diagnostic::new(
        Code::Io,
        format!("`{}` {message}; it is skipped", display(path)),
        Some(Location::file_start(display(path))),
    )
    .with_help(help.to_owned())
}

fn walk(
    top: &Path,
    visited: &mut HashSet<PathBuf>,
    files: &mut Vec<PathBuf>,
    problems: &mut Vec<Diagnostic>,
) {
    let boundary = match std::fs::canonicalize(top) {
        Ok(c) => c,
        Err(e) => {
            problems.push(io_problem(top, &e));
            return;
        }
    };
    // Explicit stack: a deep tree must not overflow ours. Directories reached through a
    // symbolic link wait until every real one is read, so that a file is shown under its
    // real path, and a second name for a directory (`latest -> v2`) is seen as one.
    let mut stack = vec![top.to_path_buf()];
    let mut links = Vec::new();
    while let Some(dir) = stack.pop().or_else(|| links.pop()) {
        let canonical = match std::fs::canonicalize(&dir) {
            Ok(c) => c,
            Err(e) => {
                problems.push(io_problem(&dir, &e));
                continue;
            }
        };
        // A second name for a directory already read (`latest -> v2`): its files were read
        // under their real paths. Links back above themselves are stopped where they are met.
        if !visited.insert(canonical.clone()) {
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
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let is_link = entry.file_type().is_ok_and(|t| t.is_symlink());
            if is_link {
                // Only the target's path is compared: the target is never opened when it
                // lies outside, so nothing of it can reach the output.
                match std::fs::canonicalize(&path) {
                    // A link to the directory being read or one above it would be walked
                    // forever.
                    Ok(target)
                        if target.starts_with(&boundary) && canonical.starts_with(&target) =>
                    {
                        problems.push(skipped(
                            &path,
                            "leads back to a directory above it (a symbolic link loop)",
                            "remove the link, or point it outside the dataset",
                        ));
                        continue;
                    }
                    Ok(target) if target.starts_with(&boundary) => {}
                    Ok(_) => {
                        if is_dataset_file(&path) || path.is_dir() {
                            problems.push(link_out(&path, top));
                        }
                        continue;
                    }
                    // A link that leads nowhere is read no more than any file that is not
                    // the dataset's (`notes.md`); one named like a dataset file is a file
                    // missing from it.
                    Err(_) if !is_dataset_file(&path) => continue,
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                        problems.push(
                            Diagnostic::new(
                                Code::Io,
                                format!(
                                    "cannot read `{}`: it is a symbolic link to nothing (its \
                                     target does not exist)",
                                    display(&path)
                                ),
                                Some(Location::file_start(display(&path))),
                            )
                            .with_help("point the link at the file, or remove it"),
                        );
                        continue;
                    }
                    Err(e) => {
                        problems.push(io_problem(&path, &e));
                        continue;
                    }
                }
            }
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() && is_cache_dir(&path) => {}
                Ok(m) if m.is_dir() && is_link => links.push(path),
                Ok(m) if m.is_dir() => stack.push(path),
                Ok(m) if m.is_file() && is_dataset_file(&path) => files.push(path),
                // A FIFO, socket or device named like a dataset file: reading a FIFO with no
                // writer blocks forever, so it is reported, never opened.
                Ok(_) if is_dataset_file(&path) => problems.push(skipped(
                    &path,
                    "is not a regular file (a FIFO, socket or device)",
                    "dataset files are regular files; remove it or rename it",
                )),
                Ok(m) if m.is_file() => {
                    if let Some(name) = misnamed(&path) {
                        let help = if path.with_file_name(&name).exists() {
                            format!("`{name}` exists beside it: if this is an old copy, remove it")
                        } else {
                            format!("rename it to `{name}` if it belongs to the dataset")
                        };
                        problems.push(
                            Diagnostic::new(
                                Code::MisnamedFile,
                                format!(
                                    "`{}` is not read: dataset files end in `.yaml`, `.yml` or `.json`, in lowercase",
                                    display(&path)
                                ),
                                Some(Location::file_start(display(&path))),
                            )
                            .with_help(help),
                        );
                    }
                }
                Ok(_) => {}
                Err(e) => problems.push(io_problem(&path, &e)),
            }
        }
    }
}

/// The name a file was surely meant to have, when a slip keeps the walk from reading it:
/// `hrw.YAML`, or `hrw.yaml.txt` as some editors save it. Other files (a README, a backup
/// `x.yaml.orig`) are none of the dataset's business.
fn misnamed(path: &Path) -> Option<String> {
    let name = path.file_name()?.to_str()?;
    let base = name
        .strip_suffix(".txt")
        .or_else(|| name.strip_suffix(".TXT"))
        .unwrap_or(name);
    let (stem, extension) = base.rsplit_once('.')?;
    let lower = extension.to_ascii_lowercase();
    (EXTENSIONS.contains(&lower.as_str()) && (base != name || extension != lower))
        .then(|| format!("{stem}.{lower}"))
}

/// The first bytes of a valid `CACHEDIR.TAG` (<https://bford.info/cachedir/>).
const CACHEDIR_SIGNATURE: &[u8] = b"Signature: 8a477f597d28d172789f06886806bc55";

/// Whether `dir` is tagged as a cache (cargo's `target/`, where `bench/compare.sh` writes
/// 100 MB of generated datasets): a walk does not go into it, as backup tools do not.
/// Only a tag that starts with the signature counts, as the convention requires. Written here:
/// it is one read and a comparison, which the `cachedir` crate would add a dependency for.
fn is_cache_dir(dir: &Path) -> bool {
    let mut head = [0u8; CACHEDIR_SIGNATURE.len()];
    std::fs::File::open(dir.join("CACHEDIR.TAG"))
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok_and(|()| head == CACHEDIR_SIGNATURE)
}

/// Why a file's bytes could not be had.
#[derive(Debug)]
pub(crate) enum ReadError {
    /// More than the limit: its size when known before reading, or `None` when only the
    /// bounded read found out.
    TooLarge(Option<u64>),
    /// The system refused.
    Io(std::io::Error),
}

/// Reads a file, never more than `max` bytes: a regular file's size is checked before
/// reading, and anything else (a pipe, `/dev/zero`) is read until one byte past the limit.
pub(crate) fn read_bounded(path: &Path, max: usize) -> Result<Vec<u8>, ReadError> {
    use std::io::Read as _;
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if meta.is_file() && meta.len() > max as u64 {
        return Err(ReadError::TooLarge(Some(meta.len())));
    }
    // Sized from the metadata: `Take` hides the file's length from `read_to_end`, which would
    // otherwise grow the buffer about ten times per file, copying it each time.
    let mut bytes = Vec::with_capacity(if meta.is_file() {
        usize::try_from(meta.len()).map_or(0, |n| n.saturating_add(1))
    } else {
        0
    });
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    file.take(limit)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() > max {
        return Err(ReadError::TooLarge(None));
    }
    Ok(bytes)
}
