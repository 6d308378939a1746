//! Atomic output (issue 7): a conversion killed midway leaves the old file or the complete new
//! one at the output path, never a truncated file.
//!
//! `treaty convert datasets --to json -o out.json` is started over an existing `out.json` and
//! killed with SIGKILL (no chance to clean up), at many moments: as soon as its temporary file
//! appears (that is, while it writes), and after a range of delays covering its whole run. After
//! every kill the output path must hold exactly the old bytes or exactly the complete new
//! output. Which of the two it holds depends on timing; the test asserts only that it is one of
//! them, so it does not depend on timing.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const OLD: &str = "{\"old\": \"a previous conversion, which must survive a killed one\"}\n";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn treaty() -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("treaty"));
    c.current_dir(root())
        .env("NO_COLOR", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

fn scratch(label: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("treaty-atomic-{label}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir
}

/// The temporary files of atomic writes in `dir` (`.treaty-PID-N.tmp`).
fn temp_files(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| {
                    let n = e.file_name().to_string_lossy().into_owned();
                    n.starts_with(".treaty-") && n.ends_with(".tmp")
                })
                .map(|e| e.path())
                .collect()
        })
        .unwrap_or_default()
}

/// What a killed conversion left at `out`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Left {
    Old,
    New,
}

fn check(out: &Path, complete: &[u8]) -> Left {
    let bytes = std::fs::read(out).expect("the output path still holds a file");
    if bytes == OLD.as_bytes() {
        Left::Old
    } else if bytes == complete {
        Left::New
    } else {
        panic!(
            "{} holds {} bytes: neither the old file ({} bytes) nor the complete new one ({} \
             bytes)",
            out.display(),
            bytes.len(),
            OLD.len(),
            complete.len()
        )
    }
}

/// Starts a conversion to `out` (over the old content) and kills it when `kill_when` says so.
fn killed_conversion(out: &Path, kill_when: impl Fn(&Instant) -> bool) {
    std::fs::write(out, OLD).expect("the old output");
    let mut child = treaty()
        .args(["convert", "datasets", "--to", "json", "-o"])
        .arg(out)
        .spawn()
        .expect("treaty starts");
    let start = Instant::now();
    loop {
        if kill_when(&start) || start.elapsed() > Duration::from_secs(30) {
            break;
        }
        if child.try_wait().expect("the child's status").is_some() {
            break;
        }
        std::thread::yield_now();
    }
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn a_killed_conversion_leaves_the_old_file_or_the_complete_new_one() {
    let dir = scratch("json");
    let reference = dir.join("reference.json");
    let status = treaty()
        .args(["convert", "datasets", "--to", "json", "-o"])
        .arg(&reference)
        .status()
        .expect("treaty runs");
    assert!(status.success(), "the reference conversion succeeds");
    let complete = std::fs::read(&reference).expect("the reference output");
    assert!(
        complete.len() > 100_000,
        "a large output: a long write window"
    );
    // A whole run's duration, to spread the kills over it.
    let started = Instant::now();
    let _ = treaty()
        .args(["convert", "datasets", "--to", "json", "-o"])
        .arg(dir.join("timing.json"))
        .status();
    let whole = started.elapsed();

    let out = dir.join("out.json");
    let mut seen = Vec::new();
    // Killed while writing: as soon as the temporary file is there (the one a previous kill
    // left is removed first, so that it is this run's).
    for _ in 0..10 {
        for stale in temp_files(&dir) {
            let _ = std::fs::remove_file(stale);
        }
        killed_conversion(&out, |_| !temp_files(&dir).is_empty());
        seen.push(check(&out, &complete));
    }
    // Killed at moments spread over the whole run (and a little after it).
    for step in 0..=20u32 {
        let at = whole * step / 16;
        killed_conversion(&out, |start| start.elapsed() >= at);
        seen.push(check(&out, &complete));
    }
    eprintln!(
        "killed conversions: {} left the old file, {} the new one",
        seen.iter().filter(|l| **l == Left::Old).count(),
        seen.iter().filter(|l| **l == Left::New).count()
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_refused_write_leaves_the_old_content_and_no_temporary_file() {
    // The output path is a non-empty directory: refused before anything is written. (The
    // temporary file's removal when the final rename fails is held by the unit test
    // `output::tests::a_failed_rename_removes_its_temporary_file`.)
    let dir = scratch("fail");
    let out = dir.join("out.json");
    std::fs::create_dir(&out).expect("a directory in the way");
    std::fs::write(out.join("keep"), OLD).expect("a file inside it");
    let status = treaty()
        .args(["convert", "datasets", "--to", "json", "-o"])
        .arg(&out)
        .status()
        .expect("treaty runs");
    assert_eq!(status.code(), Some(2), "an I/O error exits with 2");
    assert_eq!(
        std::fs::read_to_string(out.join("keep")).expect("untouched"),
        OLD
    );
    assert_eq!(temp_files(&dir), Vec::<PathBuf>::new(), "no temporary file");
    let _ = std::fs::remove_dir_all(&dir);
}
