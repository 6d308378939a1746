//! Nothing lost (issue 17): what `treaty` refuses to write over, what it never deletes, how it
//! ends when its output cannot be written, and that a user string never becomes a git option.
//! Each test asserts what a user sees: exit codes, messages, and the files left on disk.
//! docs/RELIABILITY.md lists these guarantees with the test that holds each.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command as Std, Stdio};

use crate::common::{self, copy_dir, root, run, run_in};

fn tmp_dir(name: &str) -> PathBuf {
    common::tmp_dir("treaty-cli-safety", name)
}

fn utf8(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut n: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    n.sort();
    n
}

/// The temporary files of atomic writes in `dir`.
fn temp_files(dir: &Path) -> Vec<String> {
    names(dir)
        .into_iter()
        .filter(|n| n.starts_with(".treaty-") && n.ends_with(".tmp"))
        .collect()
}

const NOT_WRITTEN_BY_TREATY: &str = "is not empty and was not written by treaty (it has no \
     .treaty-output file): choose another directory, or pass --force to write into it (other \
     files are kept; those with the name of a generated file are replaced)";

// ---------------------------------------------------------------------------------------------
// Directories of generated files

#[test]
fn csv_output_refuses_a_directory_it_did_not_write_and_keeps_its_files() {
    let dir = tmp_dir("csv-refuse");
    let out = dir.join("out");
    std::fs::create_dir_all(out.join("sub")).expect("mkdir");
    std::fs::write(out.join("notes.txt"), "mine").expect("write");
    std::fs::write(out.join("sub/deep.txt"), "mine too").expect("write");

    let r = run(&["convert", "datasets", "--to", "csv", "-o", utf8(&out)]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        format!(
            "treaty: error: `{}` {NOT_WRITTEN_BY_TREATY}\n",
            out.display()
        )
    );
    assert_eq!(names(&out), ["notes.txt", "sub"], "nothing written");
    assert_eq!(
        std::fs::read_to_string(out.join("sub/deep.txt")).expect("kept"),
        "mine too"
    );

    // With --force the tables are added beside the user's files, which stay.
    let r = run(&[
        "convert",
        "datasets",
        "--to",
        "csv",
        "-o",
        utf8(&out),
        "--force",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(out.join("notes.txt")).expect("kept"),
        "mine"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("sub/deep.txt")).expect("kept"),
        "mine too"
    );
    assert!(out.join("powers.csv").is_file());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_directory_treaty_wrote_is_rewritten_removing_only_its_own_files() {
    let dir = tmp_dir("csv-again");
    let out = dir.join("tables");
    let r = run(&["convert", "datasets", "--to", "csv", "-o", utf8(&out)]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let first = names(&out);
    assert!(first.contains(&".treaty-output".to_owned()), "{first:?}");
    assert!(first.contains(&"powers.csv".to_owned()), "{first:?}");

    // A file of the user's, a table an older version wrote (listed in the marker), and a
    // tampered marker line naming a file outside the directory.
    std::fs::write(out.join("mine.txt"), "mine").expect("write");
    std::fs::write(out.join("retired.csv"), "old table").expect("write");
    std::fs::write(dir.join("outside.txt"), "outside").expect("write");
    let marker = out.join(".treaty-output");
    let mut listed = std::fs::read_to_string(&marker).expect("marker");
    listed.push_str("retired.csv\n../outside.txt\n");
    std::fs::write(&marker, listed).expect("write");

    let r = run(&["convert", "datasets", "--to", "csv", "-o", utf8(&out)]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut expected = first.clone();
    expected.push("mine.txt".to_owned());
    expected.sort();
    assert_eq!(
        names(&out),
        expected,
        "retired.csv is removed, mine.txt kept"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("outside.txt")).expect("kept"),
        "outside"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// A copy of the repository's datasets, to convert without any risk to the real ones.
fn dataset_copy(dir: &Path) -> PathBuf {
    let copy = dir.join("datasets");
    copy_dir(&root().join("datasets"), &copy);
    copy
}

#[test]
fn conversion_never_writes_into_its_input_even_with_force() {
    let dir = tmp_dir("input");
    let data = dataset_copy(&dir);
    let before = names(&data);
    for out in [data.clone(), data.join("tables")] {
        let r = run(&[
            "convert",
            utf8(&data),
            "--to",
            "csv",
            "-o",
            utf8(&out),
            "--force",
        ]);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert_eq!(
            r.stderr,
            format!(
                "treaty: error: `{}` is inside the input `{}`, which is never written to: \
                 choose another directory\n",
                out.display(),
                data.display()
            )
        );
        assert_eq!(names(&data), before);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Run inside a dataset, `treaty report` reads that dataset: the site is not written into it,
/// where its files would become dataset files (the bundle, the schemas) and break it.
#[test]
fn report_run_inside_a_dataset_never_writes_into_it() {
    let dir = tmp_dir("report-inside");
    let data = dataset_copy(&dir);
    let before = names(&data);
    let r = run_in(&data, &["report", "--output", "site"]);
    assert_eq!(
        (r.code, r.stderr.as_str()),
        (
            2,
            "treaty: error: `site` is inside the input `.`, which is never written to: choose \
             another directory\n"
        )
    );
    assert_eq!(names(&data), before);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn report_refuses_a_directory_it_did_not_write() {
    let dir = tmp_dir("report");
    std::fs::write(dir.join("notes.txt"), "mine").expect("write");
    let r = run(&["report", "--out", utf8(&dir)]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        format!(
            "treaty: error: `{}` {NOT_WRITTEN_BY_TREATY}\n",
            dir.display()
        )
    );
    assert_eq!(names(&dir), ["notes.txt"]);
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------------------------
// Files that are not regular files

/// A character device (a copy of `/dev/null`) where `mknod` is allowed (as root), else a FIFO.
#[cfg(unix)]
fn special_file(path: &Path) -> &'static str {
    let made = |cmd: &mut Std| {
        cmd.stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if made(Std::new("mknod").arg(path).args(["c", "1", "3"])) {
        "a device"
    } else if made(Std::new("mkfifo").arg(path)) {
        "a named pipe (FIFO)"
    } else {
        panic!("neither mknod nor mkfifo could make {}", path.display())
    }
}

#[cfg(unix)]
fn is_special(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    let t = std::fs::symlink_metadata(path)
        .expect("still there")
        .file_type();
    t.is_char_device() || t.is_fifo()
}

#[cfg(unix)]
#[test]
fn a_device_or_fifo_is_never_replaced_by_any_command() {
    let dir = tmp_dir("device");
    let node = dir.join("node");
    let what = special_file(&node);
    let target = utf8(&node);
    let commands: [&[&str]; 5] = [
        &["convert", "datasets", "--to", "json", "-o", target],
        &["coverage", "-o", target],
        &["diff", "datasets", "datasets", "-o", target],
        &[
            "new",
            "assessment",
            "--state",
            "ISL",
            "--as-of",
            "2026-01",
            "-o",
            target,
            "--force",
        ],
        &[
            "new",
            "analysis",
            "--source",
            "hrw-article19-2023-08-30",
            "-o",
            target,
            "--force",
        ],
    ];
    for args in commands {
        let r = run(args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert_eq!(
            r.stderr,
            format!(
                "treaty: error: `{target}` is {what}; only a regular file is replaced (`-o -` \
                 writes to standard output)\n"
            ),
            "{args:?}"
        );
        assert!(is_special(&node), "{args:?} replaced the node");
    }
    // `schema --out DIR` checks each of its files too.
    let schemas = dir.join("schemas");
    std::fs::create_dir(&schemas).expect("mkdir");
    special_file(&schemas.join("bundle.schema.json"));
    let r = run(&["schema", "--out", utf8(&schemas)]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(is_special(&schemas.join("bundle.schema.json")));
    assert_eq!(names(&schemas), ["bundle.schema.json"], "nothing written");
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_is_refused_and_its_target_untouched() {
    let dir = tmp_dir("symlink");
    let target = dir.join("precious.json");
    std::fs::write(&target, "precious").expect("write");
    let link = dir.join("out.json");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    for to in ["json", "csv"] {
        let r = run(&["convert", "datasets", "--to", to, "-o", utf8(&link)]);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(
            r.stderr.starts_with(&format!(
                "treaty: error: `{}` is a symbolic link",
                link.display()
            )),
            "{}",
            r.stderr
        );
        assert!(std::fs::symlink_metadata(&link).expect("link").is_symlink());
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "precious");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------------------------
// Temporary files

#[test]
fn a_long_output_name_works_and_leaves_no_temporary_file() {
    let dir = tmp_dir("long");
    let name = format!("{}.json", "a".repeat(245));
    assert_eq!(name.len(), 250);
    let r = run(&[
        "convert",
        "datasets",
        "--to",
        "json",
        "-o",
        utf8(&dir.join(&name)),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(names(&dir), [name]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_later_run_removes_a_killed_runs_temporary_file_but_not_a_running_ones() {
    let dir = tmp_dir("stale");
    // What a killed run leaves: nobody holds it.
    std::fs::write(dir.join(".treaty-4000000-0.tmp"), "half a file").expect("write");
    // What a running writer has: it holds the file's lock.
    let running = dir.join(".treaty-4000001-0.tmp");
    let held = File::create(&running).expect("create");
    held.lock().expect("lock");
    // Not ours: left alone whatever it is.
    std::fs::write(dir.join(".treaty-notes.tmp"), "mine").expect("write");

    let out = utf8(&dir.join("out.json")).to_owned();
    let r = run(&["convert", "datasets", "--to", "json", "-o", &out]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        names(&dir),
        [".treaty-4000001-0.tmp", ".treaty-notes.tmp", "out.json"]
    );

    drop(held);
    let r = run(&["convert", "datasets", "--to", "json", "-o", &out]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(temp_files(&dir), [".treaty-notes.tmp"]);
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------------------------
// Parent folders

#[test]
fn new_creates_missing_parent_folders() {
    let dir = tmp_dir("parents");
    let file = dir.join("datasets/assessments/isl.yaml");
    let r = run(&[
        "new",
        "assessment",
        "--state",
        "ISL",
        "--as-of",
        "2026-01",
        "-o",
        utf8(&file),
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        std::fs::read_to_string(&file)
            .expect("written")
            .contains("\nstate: ISL\n")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------------------------
// Standard output that cannot be written

/// `treaty` as a plain process, started at the repository root, to wire its standard streams.
fn treaty_process() -> Std {
    let mut c = Std::new(assert_cmd::cargo::cargo_bin("treaty"));
    c.current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_STEP_SUMMARY")
        .stderr(Stdio::piped());
    c
}

/// Commands that print to standard output, one of each kind. (Annotations are printed for
/// problems only: the invalid fixtures have some.)
const PRINTING: [&[&str]; 8] = [
    &["validate", "--format", "json"],
    &["validate", "--format", "sarif"],
    &["validate", "--format", "github", "tests/fixtures/invalid"],
    &["convert", "datasets", "--to", "json"],
    &["completions", "zsh"],
    &["schema"],
    &["show", "28(4)"],
    &["coverage"],
];

#[test]
fn a_closed_pipe_ends_every_command_quietly_with_success() {
    for args in PRINTING {
        let mut child = treaty_process()
            .args(args)
            .stdout(Stdio::piped())
            .spawn()
            .expect("treaty starts");
        // The reader goes away before anything is written, as `head` does after its lines.
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("treaty ends");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_one_message_and_exit_2_for_every_command() {
    for args in PRINTING {
        let full = File::options()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let out = treaty_process()
            .args(args)
            .stdout(full)
            .output()
            .expect("treaty runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "treaty: error: cannot write to standard output: No space left on device (os error 28)\n",
            "{args:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// git

fn git(dir: &Path, args: &[&str]) {
    let ok = Std::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .stdout(Stdio::null())
        .status()
        .expect("git runs")
        .success();
    assert!(ok, "git {args:?}");
}

#[test]
fn a_revision_that_looks_like_an_option_is_refused_and_git_writes_nothing() {
    let repo = tmp_dir("git");
    dataset_copy(&repo);
    git(&repo, &["init", "-q"]);
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-qm", "base"]);
    let written = repo.join("written-by-git.txt");
    for rev in [
        format!("--output={}", written.display()),
        "--no-index".to_owned(),
    ] {
        let r = run_in(
            &repo,
            &["validate", &format!("--changed-since={rev}"), "datasets"],
        );
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert_eq!(
            r.stderr,
            format!(
                "treaty: error: `{rev}` does not name a commit in this repository \
                 (--changed-since takes a revision: a branch, tag or commit)\n"
            )
        );
        assert!(!written.exists(), "git wrote {}", written.display());
    }
    // A real revision still works.
    let r = run_in(&repo, &["validate", "--changed-since=HEAD", "datasets"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let _ = std::fs::remove_dir_all(&repo);
}

#[test]
fn a_file_output_is_never_written_into_a_dataset_the_command_reads() {
    let dir = tmp_dir("into-dataset");
    let data = dataset_copy(&dir);
    let sources = data.join("sources.yaml");
    let before = (names(&data), std::fs::read(&sources).expect("read"));
    let (d, s) = (utf8(&data), utf8(&sources));
    let html = data.join("powers/coverage.html");
    let changes = data.join("changes.md");
    let instrument = data.join("instrument.yaml");
    let json = data.join("sources.json");
    let repo = root().join("datasets");
    let cases: [(Vec<&str>, &Path); 5] = [
        (vec!["coverage", "--data", d, "-o", s], &sources),
        (
            vec![
                "coverage",
                "--data",
                d,
                "--format",
                "html",
                "-o",
                utf8(&html),
            ],
            &html,
        ),
        (vec!["diff", utf8(&repo), d, "-o", utf8(&changes)], &changes),
        (
            vec!["convert", s, "--to", "yaml", "-o", utf8(&instrument)],
            &instrument,
        ),
        // --force allows a conversion in place, not a new file in the dataset.
        (
            vec!["convert", s, "--to", "json", "-o", utf8(&json), "--force"],
            &json,
        ),
    ];
    for (args, out) in cases {
        let r = run(&args);
        assert_eq!(
            (r.code, r.stderr),
            (
                2,
                format!(
                    "treaty: error: `{}` is inside the dataset `{d}` that this command reads, \
                     which is never written to: choose another output\n",
                    out.display()
                )
            ),
            "{args:?}"
        );
        assert_eq!(
            (names(&data), std::fs::read(&sources).expect("read")),
            before
        );
    }
    // The one write into a dataset that is asked for: a file converted in place.
    let r = run(&["convert", s, "--to", "yaml", "-o", s, "--force"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_repositorys_dataset_is_named_as_seen_from_the_current_directory() {
    // Without --data the dataset is the repository's; the refusal names it relative to where
    // the command runs, as the diagnostics do, not by its absolute path.
    let r = run_in(
        &root().join("datasets/powers"),
        &["coverage", "-o", "../sources.yaml"],
    );
    assert_eq!(
        (r.code, r.stderr.as_str()),
        (
            2,
            "treaty: error: `../sources.yaml` is inside the dataset `..` that this command \
             reads, which is never written to: choose another output\n"
        )
    );
}
