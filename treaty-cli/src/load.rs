//! Loading the dataset a command works on: `--data DIR`, else the repository's `datasets/`,
//! else the dataset bundled in the binary.

use std::ops::Deref;
use std::path::{Path, PathBuf};

use treaty_model::Dataset;
use treaty_model::export;
use treaty_model::validate::{Options, dataset_root, validate_paths, validate_paths_without};

use crate::{exit, render};

/// Refuses a path that is only part of a dataset (a file of it, or a subdirectory): a command
/// that works on a dataset needs all of it, and the report on a part would leave out the
/// errors of the rest.
pub fn whole_dataset(path: &Path) -> Result<(), String> {
    // A root found for a directory is that directory itself, as written, when it is a root.
    let Some(root) = dataset_root(path).filter(|root| root != path) else {
        return Ok(());
    };
    Err(format!(
        "`{}` is part of the dataset `{}`; give the dataset's directory",
        path.display(),
        root.display()
    ))
}

/// Refuses to export data written for a newer minor schema version
/// ([`export::NewerSchema`]), before anything is written.
pub fn exportable(dataset: &Dataset) -> Result<(), String> {
    export::exportable(dataset).map_err(refusal)
}

/// The refusal's words for the terminal.
pub fn refusal(newer: export::NewerSchema) -> String {
    format!("{newer}, so nothing was written (upgrade treaty to export it)")
}

/// A dataset read from disk, or the bundled one.
#[derive(Debug)]
pub enum Loaded {
    /// Read and validated from a directory.
    Read(Box<Dataset>),
    /// Embedded in the binary.
    Bundled(&'static Dataset),
}

impl Deref for Loaded {
    type Target = Dataset;
    fn deref(&self) -> &Dataset {
        match self {
            Self::Read(d) => d,
            Self::Bundled(d) => d,
        }
    }
}

/// Why no dataset could be had; [`Stop::exit`] turns it into the command's result.
#[derive(Debug)]
pub enum Stop {
    /// The data is invalid; its diagnostics were printed.
    Invalid,
    /// Something else went wrong (usage, I/O).
    Error(String),
}

impl Stop {
    /// The command's result: exit 1 for invalid data, an error message otherwise.
    pub fn exit(self) -> Result<u8, String> {
        match self {
            Self::Invalid => Ok(exit::INVALID),
            Self::Error(m) => Err(m),
        }
    }
}

/// The directory a command reads: `data`, else the repository's `datasets/`; `None` for the
/// bundled dataset.
pub fn data_dir(data: Option<&Path>) -> Option<PathBuf> {
    data.map(Path::to_path_buf)
        .or_else(crate::repo::default_dir)
}

/// The dataset in `data`, else the repository's `datasets/`, else the bundled one.
pub fn dataset(data: Option<&Path>) -> Result<Loaded, Stop> {
    dataset_in(data_dir(data))
}

/// The dataset of [`dataset`], read as if the file `replaced` were not there: the command is
/// about to overwrite it, so what it holds now is no part of the data the command works from
/// (`treaty new --force` restarting a file of the dataset). A file outside the dataset, or
/// one that does not exist, changes nothing; the bundled dataset has no file to leave out.
pub fn dataset_replacing(data: Option<&Path>, replaced: &Path) -> Result<Loaded, Stop> {
    loaded(data_dir(data), Some(replaced))
}

/// The dataset in a directory [`data_dir`] gave: `None` is the bundled one.
pub fn dataset_in(dir: Option<PathBuf>) -> Result<Loaded, Stop> {
    loaded(dir, None)
}

/// The dataset in `dir`, else the bundled one; `replaced` as in [`dataset_replacing`].
fn loaded(dir: Option<PathBuf>, replaced: Option<&Path>) -> Result<Loaded, Stop> {
    match dir {
        Some(dir) => read(&dir, replaced).map(|d| Loaded::Read(Box::new(d))),
        None => treaty_model::bundled()
            .map(Loaded::Bundled)
            .map_err(|_| Stop::Error("the bundled dataset is invalid".to_owned())),
    }
}

/// The dataset in one directory; invalid data gets its diagnostics printed.
pub fn directory(dir: &Path) -> Result<Dataset, Stop> {
    read(dir, None)
}

/// The dataset in `dir`, without the file `replaced` (see [`dataset_replacing`]).
fn read(dir: &Path, replaced: Option<&Path>) -> Result<Dataset, Stop> {
    if !dir.exists() {
        return Err(Stop::Error(format!("`{}` does not exist", dir.display())));
    }
    whole_dataset(dir).map_err(Stop::Error)?;
    let paths = [dir.to_path_buf()];
    let options = Options::default();
    let v = match replaced {
        Some(file) => validate_paths_without(&paths, file, &options),
        None => validate_paths(&paths, &options),
    };
    match v.dataset {
        Some(d) => Ok(d),
        None => {
            let _ = render::human::print(&v.report, None, render::shown::DEFAULT_MAX_PER_FILE);
            if v.report.has_io_error() {
                return Err(Stop::Error(format!("cannot read `{}`", dir.display())));
            }
            crate::output::note(&format!(
                "treaty: the dataset in `{}` is not valid; fix it first (`treaty validate {}`)",
                dir.display(),
                dir.display()
            ));
            Err(Stop::Invalid)
        }
    }
}
