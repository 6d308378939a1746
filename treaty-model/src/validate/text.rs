//! The text of a checked file, held until the report knows whether it speaks of the file.
//!
//! A report holds the text of every file it speaks of, so that its snippets show what was
//! validated. Which files those are is known only once every file is through the cross-file
//! checks, and holding every file's text until then doubled the peak memory of a large data
//! set (100 MB of text on top of about 100 MB of work). So a regular file that has no
//! diagnostic of its own lets its text go and keeps its length and hash. If a cross-file
//! diagnostic then points into it, the file is read again, and the text is used only if it is
//! the same: a file edited meanwhile gets no snippet rather than a wrong one. Files given in
//! memory, pipes and devices keep their text: there is nothing to read again.

use std::hash::BuildHasher as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::discover;

/// A file's text, or what it takes to get the same text back.
#[derive(Debug, Clone)]
pub(crate) enum Text {
    Kept(Arc<str>),
    OnDisk {
        path: PathBuf,
        len: usize,
        hash: u64,
    },
}

impl Text {
    /// Lets the text of the file at `path` go, keeping what recognises it.
    pub(crate) fn release(self, path: &Path) -> Self {
        match self {
            Text::Kept(text) => Text::OnDisk {
                path: path.to_path_buf(),
                len: text.len(),
                hash: hash(&text),
            },
            on_disk => on_disk,
        }
    }

    /// The text as it was validated, reading it again if it was let go; `None` when the file
    /// cannot be read or has changed since.
    pub(crate) fn get(&self, max_bytes: usize) -> Option<Arc<str>> {
        match self {
            Text::Kept(text) => Some(text.clone()),
            Text::OnDisk { path, len, hash: h } => {
                let bytes = discover::read_bounded(path, max_bytes).ok()?;
                let text = String::from_utf8_lossy(&bytes);
                (text.len() == *len && hash(&text) == *h).then(|| Arc::from(text))
            }
        }
    }
}

fn hash(text: &str) -> u64 {
    // A fixed seed: the hash is compared within one run only, against an edit, not an
    // adversary (an attacker who can edit the file can as well edit it before the run).
    foldhash::fast::FixedState::with_seed(0).hash_one(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_file(name: &str, text: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("treaty-text-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn a_released_text_comes_back_while_the_file_is_unchanged() {
        let path = temp_file("same.yaml", "kind: sources\n");
        let text = Text::Kept(Arc::from("kind: sources\n")).release(&path);
        assert_eq!(text.get(1 << 20).as_deref(), Some("kind: sources\n"));
    }

    #[test]
    fn an_edited_or_missing_file_gives_no_text() {
        let path = temp_file("edited.yaml", "kind: sources\n");
        let text = Text::Kept(Arc::from("kind: sources\n")).release(&path);
        std::fs::write(&path, "kind: sources\n# edited\n").unwrap();
        assert_eq!(text.get(1 << 20), None, "a longer text");
        std::fs::write(&path, "kind: sourcez\n").unwrap();
        assert_eq!(text.get(1 << 20), None, "another text of the same length");
        std::fs::remove_file(&path).unwrap();
        assert_eq!(text.get(1 << 20), None);
    }

    #[test]
    fn a_kept_text_is_given_as_is() {
        let text = Text::Kept(Arc::from("a: 1\n"));
        assert_eq!(text.get(0).as_deref(), Some("a: 1\n"));
    }
}
