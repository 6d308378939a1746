//! Loading and validating a dataset: every problem, at its place.
//!
//! Data flows one way: bytes -> YAML/JSON parse into a value with a span per node -> header
//! (`kind`, `schema_version`, editor modeline) -> JSON Schema -> typed model -> content
//! checks and references (ids and citations, placed by their spans) -> cross-file checks ->
//! [`Report`]. Files are checked in parallel (`file::check` is the driver, top to bottom);
//! the cross-file checks and the report come once every file is through (`finish`). See
//! `docs/ARCHITECTURE.md` in the repository.
//!
//! ```no_run
//! use treaty_model::validate::{Options, validate_paths};
//!
//! let outcome = validate_paths(&["datasets".into()], &Options::default());
//! for d in &outcome.report.diagnostics {
//!     eprintln!("{d}");
//! }
//! if let Some(dataset) = outcome.dataset {
//!     println!("{} powers", dataset.powers().count());
//! }
//! ```

mod content;
mod discover;
mod file;
mod header;
mod locate;
mod per_kind;
mod references;
mod schema_check;
mod semantic;
pub(crate) mod suppress;
mod text;
mod typed;

#[cfg(feature = "bench")]
#[doc(hidden)]
pub mod bench;

use std::collections::HashSet;
use std::path::PathBuf;

pub use discover::{dataset_root, discover, is_dataset_file};

use crate::dataset::Dataset;
use crate::diagnostic::{Report, Severity, SeverityOverrides, Suppressed};
pub use crate::syntax::Limits;

/// How to validate.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Options {
    /// Limits on file size, nesting depth, node count and alias expansion.
    pub limits: Limits,
    /// Per-code severity changes.
    pub overrides: SeverityOverrides,
    /// Run the cross-file checks (references, provisions, dates). Off only when a single file
    /// is checked on its own, as `treaty convert FILE` does.
    pub cross_file: bool,
    /// Pull-request mode: when set, file-local problems are reported only for these files,
    /// while cross-file problems are reported wherever they are (a change to one file can
    /// break a reference in another). Paths are compared after canonicalisation.
    pub changed: Option<Vec<PathBuf>>,
    /// Build the typed [`Dataset`] of a valid validation (the default). Without it,
    /// [`Validation::dataset`] is `None` and each file's typed document is dropped once read,
    /// unless the cross-file checks need it: memory then follows the largest file rather than
    /// the whole dataset, which is all a validator that only reports needs.
    pub dataset: bool,
    /// Check each file against its JSON Schema. Off for the files read only as the context of
    /// a named part of a dataset: their own diagnostics are not reported, and the cross-file
    /// checks read their typed documents, not their schema errors.
    pub(crate) schema: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            limits: Limits::default(),
            overrides: SeverityOverrides::default(),
            cross_file: true,
            changed: None,
            dataset: true,
            schema: true,
        }
    }
}

/// The result of validating one file on its own: the report, and when valid, the file's value
/// (keys in file order, for conversion) and a dataset holding just that document.
#[derive(Debug)]
#[non_exhaustive]
pub struct FileValidation {
    /// Every diagnostic of the file.
    pub report: Report,
    /// The document as JSON, when it is valid.
    pub value: Option<serde_json::Value>,
    /// A dataset of this one document, when it is valid and [`Options::dataset`] is set.
    pub dataset: Option<Dataset>,
    /// The text that was validated, for what a conversion keeps of it (its first comments).
    text: Option<std::sync::Arc<str>>,
}

impl FileValidation {
    /// The document as a YAML file ([`crate::convert::to_yaml_file`]): its value below the
    /// comment lines the validated text starts with. `None` when the document is not valid.
    pub fn to_yaml(&self) -> Option<String> {
        let value = self.value.as_ref()?;
        Some(crate::convert::to_yaml_file(
            value,
            self.text.as_deref().unwrap_or_default(),
        ))
    }
}

/// Validates one file without the cross-file checks, keeping its value for conversion.
pub fn validate_file(path: &std::path::Path, options: &Options) -> FileValidation {
    // Without the cross-file checks, no file needs the facts they read.
    let options = Options {
        cross_file: false,
        ..options.clone()
    };
    let mut outcome = read_and_check(path, &options, true);
    let value = outcome.value.take();
    let text = outcome
        .source
        .as_ref()
        .and_then(|t| t.get(options.limits.max_bytes));
    let complete = outcome.complete();
    let validation = finish(vec![outcome], Vec::new(), Vec::new(), None, &options);
    FileValidation {
        value: value.filter(|_| complete && validation.report.is_valid()),
        report: validation.report,
        dataset: validation.dataset,
        text,
    }
}

/// A file to validate, already in memory.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Input {
    /// The path shown in diagnostics.
    pub path: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

impl Input {
    /// The file shown as `path`, with its `bytes`.
    pub fn new(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        Self {
            path: path.into(),
            bytes: bytes.into(),
        }
    }
}

/// The result of a validation: the report, and the typed dataset when there is no error.
#[derive(Debug)]
#[non_exhaustive]
pub struct Validation {
    /// Every diagnostic, sorted.
    pub report: Report,
    /// The dataset, when the report has no error (and [`Options::dataset`] is set). When only
    /// part of a dataset was named, the files read around it must have no error either, even
    /// though the report leaves theirs out. Paths that touch several datasets give none: each
    /// is loaded on its own.
    pub dataset: Option<Dataset>,
}

impl Validation {
    /// The dataset, or the report when there is an error.
    pub fn into_result(self) -> Result<Dataset, Report> {
        match self.dataset {
            Some(d) => Ok(d),
            None => Err(self.report),
        }
    }
}

/// Loads and validates the dataset files under `paths` (files or directories).
///
/// A path inside a dataset root (the nearest directory holding an instrument file; see
/// [`dataset_root`]) that is not the root itself names *part* of that dataset: the whole root
/// is loaded so that references resolve, and the report keeps the diagnostics of the named
/// files, plus the cross-file ones that point into them (a reference elsewhere that now reads
/// as a typo of an id a named file defines, which then points at that id too; a duplicate of
/// an id defined elsewhere) and the `unchecked-references` note of any file that did not
/// load, whose failure leaves the named files' references unchecked too. [`Report::files`] counts the
/// named files.
///
/// Each dataset the paths touch is validated on its own, and the report holds them all: two
/// datasets named together (or found under one directory) never see each other's ids. A file
/// outside every dataset is checked beside the one dataset named with it; when several are,
/// the files outside them are validated together on their own. [`Validation::dataset`] is
/// built only when the paths touch one dataset.
pub fn validate_paths(paths: &[PathBuf], options: &Options) -> Validation {
    validate_plan(discover::plan(paths, &discover::LeftOut::NONE), options)
}

/// Validates the dataset files under `paths` as [`validate_paths`] does, as if the file
/// `left_out` were not there: a file about to be replaced, whose content is no part of the
/// data (`treaty new --force` restarting a file of the dataset from its template, when the
/// blanks or errors of the file it replaces would otherwise keep the dataset from loading).
///
/// The file is known by its canonical path, so any spelling of it is left out, whether a
/// directory walk found it or it is among `paths`. A path that does not exist, or that is no
/// file under `paths`, leaves out nothing.
///
/// ```no_run
/// use treaty_model::validate::{Options, validate_paths_without};
///
/// let draft = std::path::Path::new("datasets/analyses/eff-2024-08-example.yaml");
/// let validation = validate_paths_without(&["datasets".into()], draft, &Options::default());
/// if let Some(dataset) = validation.dataset {
///     // The dataset without the draft, to start the draft over from.
///     println!("{} analyses besides the draft", dataset.bundle().analyses.len());
/// }
/// ```
pub fn validate_paths_without(
    paths: &[PathBuf],
    left_out: &std::path::Path,
    options: &Options,
) -> Validation {
    validate_plan(
        discover::plan(paths, &discover::LeftOut::file(left_out)),
        options,
    )
}

/// Reads and checks the files of `plan`, then finishes each of its groups on its own.
fn validate_plan(plan: discover::Plan, options: &Options) -> Validation {
    let context = around_a_part(options);
    // Every file of every group on all cores at once, then each group finished on its own.
    let work: Vec<(&discover::Group, &PathBuf)> = plan
        .groups
        .iter()
        .flat_map(|g| g.files.iter().map(move |f| (g, f)))
        .collect();
    let mut outcomes = parallel_map(&work, |(group, path)| {
        let named = group
            .scope
            .as_ref()
            .is_none_or(|scope| scope.contains(&discover::display(path)));
        read_and_check(path, if named { options } else { &context }, false)
    })
    .into_iter();
    let mut problems = plan.problems;
    let mut validations = Vec::new();
    for group in plan.groups {
        let mine = outcomes.by_ref().take(group.files.len()).collect();
        // The named paths' problems go with the first group, to be reported once.
        let named = std::mem::take(&mut problems);
        validations.push(finish(
            mine,
            named,
            group.around,
            group.scope.as_ref(),
            options,
        ));
    }
    if validations.is_empty() {
        validations.push(finish(Vec::new(), problems, Vec::new(), None, options));
    }
    combine(validations)
}

/// One validation of several datasets' validations: every diagnostic, and no dataset, since
/// two datasets are not one.
fn combine(mut validations: Vec<Validation>) -> Validation {
    if validations.len() == 1 {
        return validations.remove(0);
    }
    let mut report = Report::default();
    for v in validations {
        report.files += v.report.files;
        report.diagnostics.extend(v.report.diagnostics);
        report.suppressed.extend(v.report.suppressed);
        report.sources.extend(v.report.sources);
    }
    report.sort();
    Validation {
        report,
        dataset: None,
    }
}

/// Validates the dataset in `dir` (a directory of the user's own, or part of a dataset).
///
/// ```no_run
/// let validation = treaty_model::validate::validate_dir("my-datasets");
/// for d in &validation.report.diagnostics {
///     eprintln!("{d}");
/// }
/// ```
pub fn validate_dir(dir: impl AsRef<std::path::Path>) -> Validation {
    validate_paths(&[dir.as_ref().to_path_buf()], &Options::default())
}

/// Validates `bytes` as the content of the file at `path`: an editor's unsaved buffer, or a
/// file piped on standard input. The file need not exist, nor hold these bytes.
///
/// When `path` lies in a dataset root (see [`dataset_root`]), the rest of that dataset is read
/// from disk for the cross-file checks, with `bytes` in place of the file, and the report
/// speaks of this one file, as [`validate_paths`] of `path` would once the buffer is saved.
/// Otherwise `bytes` are checked on their own. Diagnostics name `path`; their snippets show
/// `bytes`.
///
/// ```no_run
/// use treaty_model::validate::{Options, validate_buffer};
///
/// // What the editor holds for the file; on disk it may be older, or not exist yet.
/// let buffer = b"kind: powers\nschema_version: \"1.0\"\npowers: []\n";
/// let validation = validate_buffer("datasets/powers/domestic.yaml", buffer, &Options::default());
/// for d in &validation.report.diagnostics {
///     eprintln!("{d}");
/// }
/// ```
pub fn validate_buffer(
    path: impl AsRef<std::path::Path>,
    bytes: &[u8],
    options: &Options,
) -> Validation {
    let path = path.as_ref();
    let shown = discover::display(path);
    let buffer = || file::check(&shown, Some(path), bytes.into(), options, false);
    let Some(root) = dataset_root(path) else {
        return finish(vec![buffer()], Vec::new(), Vec::new(), None, options);
    };
    let (mut files, problems) = discover::discover(&[root]);
    // The file's place in the sorted list, as `validate_paths` would give it: which of two
    // definitions of one id comes first depends on it.
    let at = match files.iter().position(|f| discover::same_file(f, path)) {
        Some(at) => at,
        None => {
            let at = files.partition_point(|f| f.as_path() < path);
            files.insert(at, path.to_path_buf());
            at
        }
    };
    let context = around_a_part(options);
    let indices: Vec<usize> = (0..files.len()).collect();
    let outcomes = parallel_map(&indices, |&i| {
        if i == at {
            buffer()
        } else {
            read_and_check(&files[i], &context, false)
        }
    });
    let around = problems
        .into_iter()
        .filter(|d| d.location.as_ref().is_none_or(|l| l.file != shown))
        .collect();
    finish(
        outcomes,
        Vec::new(),
        around,
        Some(&HashSet::from([shown])),
        options,
    )
}

/// How the files around a named part of a dataset are checked. They are read for the
/// cross-file checks (the editor's or the pre-commit hook's one file needs them);
/// schema-checking them would cost most of the run for diagnostics that are then left out. A
/// dataset built from them must be valid all through, though, so then they get every check.
fn around_a_part(options: &Options) -> Options {
    Options {
        schema: options.dataset,
        ..options.clone()
    }
}

/// Reads a file within the size limit and checks it (keeping its value with `keep_value`); a
/// file that cannot be read yields its one diagnostic.
fn read_and_check(
    path: &std::path::Path,
    options: &Options,
    keep_value: bool,
) -> file::FileOutcome {
    let shown = discover::display(path);
    let max = options.limits.max_bytes;
    match discover::read_bounded(path, max) {
        Ok(bytes) => {
            let mut o = file::check(&shown, Some(path), bytes.into(), options, keep_value);
            // Most files have nothing to report: their text is read again in the rare case
            // that a cross-file diagnostic points into them (see `text`). A pipe or a device
            // cannot be read twice, so it keeps its text.
            if !keep_value && o.diagnostics.is_empty() && o.allows.is_empty() && path.is_file() {
                o.source = o.source.map(|t| t.release(path));
            }
            o
        }
        Err(e) => {
            let mut o = file::FileOutcome::empty(&shown);
            o.diagnostics.push(match e {
                discover::ReadError::TooLarge(size) => file::too_large(&shown, size, max),
                discover::ReadError::Io(e) => discover::io_problem(path, &e),
            });
            o
        }
    }
}

/// Validates files already in memory (the bundled dataset, tests, editors).
pub fn validate_inputs(inputs: &[Input], options: &Options) -> Validation {
    let outcomes = parallel_map(inputs, |i| check_input(i, options));
    finish(outcomes, Vec::new(), Vec::new(), None, options)
}

/// Checks one input given in memory; its bytes are copied only if within the size limit.
fn check_input(input: &Input, options: &Options) -> file::FileOutcome {
    file::check(&input.path, None, (&input.bytes[..]).into(), options, false)
}

/// Files checked on their own once, to be validated again beside other files: the files of a
/// dataset that stays the same while one more file changes (a fuzzer's input, an editor's
/// buffer) need their parse, schema and typed checks only once.
///
/// ```
/// use treaty_model::validate::{Input, Options, check_inputs};
///
/// let base = check_inputs(&[], &Options::default());
/// let edited = Input::new("new.yaml", b"kind: sources\n".to_vec());
/// let validation = base.validate_with(&[edited]);
/// assert!(!validation.report.is_valid());
/// ```
#[derive(Debug, Clone)]
pub struct Checked {
    outcomes: Vec<file::FileOutcome>,
    options: Options,
}

/// Checks `inputs` on their own (everything but the cross-file checks), for
/// [`Checked::validate_with`].
pub fn check_inputs(inputs: &[Input], options: &Options) -> Checked {
    Checked {
        outcomes: parallel_map(inputs, |i| check_input(i, options)),
        options: options.clone(),
    }
}

impl Checked {
    /// Validates these files beside `more`: the same result as [`validate_inputs`] of all of
    /// them, without checking these files again.
    pub fn validate_with(&self, more: &[Input]) -> Validation {
        let mut outcomes = self.outcomes.clone();
        outcomes.extend(parallel_map(more, |i| check_input(i, &self.options)));
        finish(outcomes, Vec::new(), Vec::new(), None, &self.options)
    }
}

/// Loads a dataset, or returns the report of why it is invalid (or, when `paths` touch several
/// datasets, the report of them all: load each on its own).
pub fn load(paths: &[PathBuf]) -> Result<Dataset, Report> {
    validate_paths(paths, &Options::default()).into_result()
}

/// The end of the pipeline: cross-file checks over every file, inline suppressions, the scope
/// of the report (`scope`: the shown paths of the named files, when only part of a dataset
/// was named), severity overrides, and the source text of every file the report speaks of.
/// `named` are the problems of the paths named, reported whatever the scope; `around`, those
/// of the files read around a named part, which only withhold the dataset.
fn finish(
    mut outcomes: Vec<file::FileOutcome>,
    named: Vec<crate::diagnostic::Diagnostic>,
    around: Vec<crate::diagnostic::Diagnostic>,
    scope: Option<&HashSet<String>>,
    options: &Options,
) -> Validation {
    let mut raw = around;
    // Nothing to validate is a mistaken call (a glob that matched nothing), not a valid,
    // empty dataset: an empty directory is an error too.
    if outcomes.is_empty() && named.is_empty() {
        raw.push(
            crate::diagnostic::Diagnostic::new(
                crate::diagnostic::Code::Io,
                "no dataset files were given",
                None,
            )
            .with_help("pass the dataset's directory, or the files to check"),
        );
    }
    let changed = options.changed.as_ref().map(|files| {
        files
            .iter()
            .map(|f| std::fs::canonicalize(f).unwrap_or_else(|_| f.clone()))
            .collect::<std::collections::HashSet<PathBuf>>()
    });
    if options.cross_file {
        raw.extend(semantic::check(&outcomes, scope));
    }
    let mut allows = Vec::new();
    for o in &mut outcomes {
        raw.append(&mut o.diagnostics);
        allows.append(&mut o.allows);
    }
    // In a file the model could not read whole (it does not parse, or an entry was set
    // aside), the checks an allow comment was meant for may not have run: such an allow is
    // not called unused. Nor, while any file is unread, is an allow anywhere of a reference
    // problem, which the cross-file checks then withhold (see `semantic::without_cascades`).
    // Any other stale allow is.
    let unread: HashSet<String> = outcomes
        .iter()
        .filter(|o| !o.complete())
        .map(|o| o.path.clone())
        .collect();
    let unverifiable = |a: &suppress::InlineAllow| {
        unread.contains(&a.location.file)
            || (!unread.is_empty() && semantic::WITHHELD.contains(&a.code))
    };
    // A file that could not be read, or was too large to, was not checked: the summary's
    // count is of the files whose text the checks saw, as `Report::files` says.
    let mut report = Report {
        files: outcomes
            .iter()
            .filter(|o| o.source.is_some() && scope.is_none_or(|s| s.contains(&o.path)))
            .count(),
        ..Report::default()
    };
    // An error outside the report's scope is not shown, but the data it is in is not valid:
    // no dataset is built from it.
    let mut withheld_error = false;
    let raw = raw.into_iter().map(|d| (d, false));
    for (d, is_named) in raw.chain(named.into_iter().map(|d| (d, true))) {
        let concerned = is_named || concerns(&d, scope);
        if let Some(a) = allows.iter_mut().find(|a| suppress::covers(a, &d)) {
            a.used = true;
            // Silenced in a file outside the named part: not this report's to count.
            if concerned {
                report.suppressed.push(Suppressed {
                    diagnostic: d,
                    reason: a.reason.clone(),
                });
            }
            continue;
        }
        if !in_scope(&d, changed.as_ref()) || !concerned {
            withheld_error |= options
                .overrides
                .apply(d)
                .is_some_and(|d| d.severity == Severity::Error);
            continue;
        }
        if let Some(d) = options.overrides.apply(d) {
            report.diagnostics.push(d);
        }
    }
    for a in allows
        .into_iter()
        .filter(|a| !a.used && (a.code.is_unsilenceable() || !unverifiable(a)))
    {
        let (message, help) = if a.code.is_unsilenceable() {
            (
                format!(
                    "`allow({})` cannot silence this problem: it loses data",
                    a.code
                ),
                "remove the comment and fix the problem",
            )
        } else {
            (
                format!(
                    "`allow({})` silences nothing on this line or the next",
                    a.code
                ),
                "remove the comment, or move it above the line it is meant for",
            )
        };
        let d = crate::diagnostic::Diagnostic::new(
            crate::diagnostic::Code::UnusedSuppression,
            message,
            Some(a.location),
        )
        .with_help(help);
        if !concerns(&d, scope) {
            continue;
        }
        if let Some(d) = options.overrides.apply(d) {
            report.diagnostics.push(d);
        }
    }
    // An allowed or suppressed error can keep a file, or part of it, out of the model (a
    // syntax error, an unknown kind, an entry set aside); the dataset would then silently lack
    // it. That cannot be silenced. (In pull-request mode an unchanged broken file is out of
    // scope: it is not reported, but there is no dataset either.)
    let unreadable: Vec<&file::FileOutcome> = outcomes.iter().filter(|o| !o.complete()).collect();
    if report.is_valid() {
        for o in &unreadable {
            let d = crate::diagnostic::Diagnostic::new(
                crate::diagnostic::Code::InvalidData,
                "the file cannot be read into the model: an allowed or suppressed error keeps its data out",
                Some(crate::diagnostic::Location::file_start(o.path.clone())),
            )
            .with_help("fix that error; neither `--allow` nor an inline allow can silence a problem that loses data");
            if in_scope(&d, changed.as_ref()) && concerns(&d, scope) {
                report.diagnostics.push(d);
            }
        }
    }
    let complete = unreadable.is_empty() && !withheld_error;
    report.sort();
    let spoken_of: HashSet<&str> = report
        .diagnostics
        .iter()
        .chain(report.suppressed.iter().map(|s| &s.diagnostic))
        .flat_map(|d| {
            d.location
                .iter()
                .chain(d.related.iter().map(|r| &r.location))
        })
        .map(|l| l.file.as_str())
        .collect();
    report.sources = outcomes
        .iter()
        .filter(|o| spoken_of.contains(o.path.as_str()))
        .filter_map(|o| {
            Some((
                o.path.clone(),
                o.source.as_ref()?.get(options.limits.max_bytes)?,
            ))
        })
        .collect();
    let dataset = (options.dataset && report.is_valid() && complete).then(|| {
        let files = outcomes
            .into_iter()
            .filter_map(|o| Some((o.path, o.document?)))
            .collect();
        Dataset::new(files, report.clone())
    });
    Validation { report, dataset }
}

/// When part of a dataset was named, whether a diagnostic concerns the named files (see
/// [`Diagnostic::concerns`](crate::diagnostic::Diagnostic)). The note on a file that did not
/// load, placed in that file, concerns them through the first unchecked reference it points
/// at (see `semantic::without_cascades`); a broken file's note on its own references does
/// not concern another file.
fn concerns(d: &crate::diagnostic::Diagnostic, scope: Option<&HashSet<String>>) -> bool {
    scope.is_none_or(|scope| d.concerns(scope))
}

/// In pull-request mode, whether a diagnostic concerns the change.
fn in_scope(
    d: &crate::diagnostic::Diagnostic,
    changed: Option<&std::collections::HashSet<PathBuf>>,
) -> bool {
    let Some(changed) = changed else {
        return true;
    };
    let Some(location) = &d.location else {
        return true;
    };
    if d.code.is_cross_file() {
        return true;
    }
    let path = PathBuf::from(&location.file);
    changed.contains(&std::fs::canonicalize(&path).unwrap_or(path))
}

/// Maps `items` on all cores, keeping order. Files are independent until the cross-file checks.
fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads <= 1 || items.len() < 2 {
        return items.iter().map(f).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.min(items.len()))
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        mine.push((i, f(item)));
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}
