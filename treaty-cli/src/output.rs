//! Writing results: to standard output, or atomically to a file or directory.

use std::io::Write;
use std::path::{Path, PathBuf};

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

    /// Writes all of `text`.
    pub fn write(&self, text: &str) -> std::io::Result<()> {
        match self {
            Self::Stdout => {
                let mut out = std::io::stdout().lock();
                out.write_all(text.as_bytes())?;
                out.flush()
            }
            Self::File(path) => write_atomic(path, text.as_bytes()),
        }
    }

    /// Writes all of `text`; an error names where it could not be written.
    pub fn emit(&self, text: &str) -> Result<(), String> {
        self.write(text).map_err(|e| match self {
            Self::Stdout => format!("cannot write to standard output: {e}"),
            Self::File(path) => format!("cannot write {}: {e}", path.display()),
        })
    }
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`: a reader (or
/// a crash) sees the old file or the complete new one, never a truncated file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)?;
        sync_dir(dir);
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Makes a rename in `dir` durable across a power loss, where the platform allows it: on Unix a
/// directory opens and syncs like a file; elsewhere this is a no-op, and the rename stays
/// atomic, only perhaps not durable.
fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Writes several files into a directory as one step: they are written into a temporary
/// sibling directory, which then replaces `dir`.
pub fn write_dir_atomic(dir: &Path, files: &[(String, String)]) -> std::io::Result<()> {
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = parent.join(format!(".{name}.{}.tmp", std::process::id()));
    let old = parent.join(format!(".{name}.{}.old", std::process::id()));
    let result = (|| {
        std::fs::create_dir_all(&tmp)?;
        for (file, text) in files {
            let path = tmp.join(file);
            if let Some(folder) = path.parent() {
                std::fs::create_dir_all(folder)?;
            }
            std::fs::write(path, text)?;
        }
        if dir.exists() {
            std::fs::rename(dir, &old)?;
        }
        std::fs::rename(&tmp, dir)?;
        if old.exists() {
            std::fs::remove_dir_all(&old)?;
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    result
}
