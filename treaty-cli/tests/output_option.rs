//! One way to name the output: `-o/--output` on every command that writes, and one summary
//! line on standard error when it writes a file (none when it writes standard output).

use clap::CommandFactory;
use treaty_cli::args::Cli;

use crate::common::{self, run};

/// The commands that write something other than a report to the terminal.
const WRITERS: &[&[&str]] = &[
    &["convert"],
    &["coverage"],
    &["diff"],
    &["man"],
    &["new", "analysis"],
    &["new", "assessment"],
    &["report"],
    &["schema"],
];

#[test]
fn every_command_that_writes_takes_dash_o_and_output() {
    let root = Cli::command();
    for path in WRITERS {
        let mut cmd = &root;
        for name in *path {
            cmd = cmd.find_subcommand(name).expect("subcommand");
        }
        let output = cmd
            .get_arguments()
            .find(|a| a.get_id() == "output")
            .unwrap_or_else(|| panic!("{path:?} has no `output` argument"));
        assert_eq!(output.get_short(), Some('o'), "{path:?}");
        assert_eq!(output.get_long(), Some("output"), "{path:?}");
    }
    // No other spelling is advertised: the old `--out` stays as a hidden alias.
    for path in WRITERS {
        let mut args: Vec<&str> = path.to_vec();
        args.push("--help");
        let help = run(&args);
        assert!(!help.stdout.contains("--out "), "{path:?}: {}", help.stdout);
    }
}

#[test]
fn every_command_that_writes_a_file_says_so_in_one_line() {
    let dir = common::tmp_dir("treaty-output", "summary");
    let file = |name: &str| dir.join(name).to_str().expect("utf-8").to_owned();
    let cases: Vec<(Vec<String>, String)> = vec![
        (
            vec![
                "convert".into(),
                "datasets".into(),
                "--to".into(),
                "json".into(),
            ],
            "bundle.json".into(),
        ),
        (
            vec![
                "convert".into(),
                "datasets".into(),
                "--to".into(),
                "markdown".into(),
            ],
            "convention.md".into(),
        ),
        (vec!["coverage".into()], "coverage.txt".into()),
        (
            vec!["diff".into(), "datasets".into(), "datasets".into()],
            "diff.md".into(),
        ),
        (vec!["schema".into()], "schemas".into()),
    ];
    for (args, name) in cases {
        let target = file(&name);
        let mut argv: Vec<&str> = args.iter().map(String::as_str).collect();
        argv.extend(["-o", &target]);
        let r = run(&argv);
        assert_eq!(r.code, 0, "{argv:?}: {}", r.stderr);
        assert_eq!(r.stdout, "", "{argv:?}");
        assert_eq!(r.stderr.lines().count(), 1, "{argv:?}: {}", r.stderr);
        assert!(
            r.stderr.starts_with("treaty: wrote ") && r.stderr.trim_end().contains(&target),
            "{argv:?}: {}",
            r.stderr
        );
    }
    let bundle = std::fs::read_to_string(dir.join("bundle.json")).expect("bundle");
    let r = run(&[
        "convert",
        "datasets",
        "--to",
        "json",
        "-o",
        &file("again.json"),
    ]);
    assert_eq!(
        r.stderr,
        format!(
            "treaty: wrote {} bytes of JSON to {}\n",
            bundle.len(),
            file("again.json")
        )
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn writing_to_standard_output_adds_nothing_on_standard_error() {
    for args in [
        &["convert", "datasets", "--to", "json"][..],
        &["convert", "datasets", "--to", "json", "-o", "-"][..],
        &["coverage", "--format", "csv"][..],
    ] {
        let r = run(args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert!(!r.stdout.is_empty(), "{args:?}");
        assert_eq!(r.stderr, "", "{args:?}");
    }
}
