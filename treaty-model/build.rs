//! Embeds the dataset files for `treaty_model::bundled()`.
//!
//! In the repository the datasets live at `../datasets`; in a packaged crate they are copied
//! to `datasets/` inside the crate. Either way each file is embedded with `include_str!`, so
//! the crate needs no files at run time.

use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let candidates = [manifest.join("datasets"), manifest.join("../datasets")];
    let root = candidates.iter().find(|p| p.is_dir());
    let mut files = Vec::new();
    if let Some(root) = root {
        println!("cargo:rerun-if-changed={}", root.display());
        collect(root, root, &mut files);
    }
    files.sort();
    let mut out = String::from("&[\n");
    for (rel, abs) in &files {
        out.push_str(&format!("    ({rel:?}, include_str!({abs:?})),\n"));
    }
    out.push_str("]\n");
    let dest =
        PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("bundled_files.rs");
    if let Err(e) = std::fs::write(&dest, out) {
        println!("cargo:warning=cannot write {}: {e}", dest.display());
    }
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        println!("cargo:rerun-if-changed={}", path.display());
        if path.is_dir() {
            collect(root, &path, files);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml" | "json")
        ) {
            let rel = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            let abs = std::fs::canonicalize(&path).unwrap_or(path.clone());
            files.push((rel, abs.to_string_lossy().into_owned()));
        }
    }
}
