//! Measures each hostile input of `treaty_tests::hostile`: wall time of the validation and peak
//! memory (VmHWM) of a process that does nothing else, for the table in docs/RELIABILITY.md.
//!
//! ```sh
//! cargo run --release -p treaty-tests --bin hostile-measure          # every case, one process each
//! cargo run --release -p treaty-tests --bin hostile-measure -- NAME  # one case, in this process
//! ```
//!
//! Numbers, not assertions: the tests (tests/tests/hostile.rs) assert the diagnostics and never
//! depend on timing.

use std::time::Instant;

use treaty_model::validate::{Options, Validation};
use treaty_tests::hostile::{self, FILE};

type Case = (&'static str, &'static str, fn() -> Vec<u8>);

/// In-memory cases: name, what it is, generator.
const CASES: [Case; 16] = [
    (
        "billion-laughs",
        "9 nested levels of 9 aliases",
        hostile::billion_laughs,
    ),
    (
        "deep-block-seq",
        "100 000 nested block lists",
        hostile::deep_block_seq,
    ),
    (
        "deep-flow-seq",
        "100 000 nested flow lists",
        hostile::deep_flow_seq,
    ),
    (
        "deep-flow-map",
        "100 000 nested flow mappings",
        hostile::deep_flow_map,
    ),
    (
        "deep-block-map",
        "10 000 nested block mappings (50 MB)",
        hostile::deep_block_map,
    ),
    (
        "huge-scalar",
        "100 MB scalar, default 64 MiB limit",
        hostile::huge_scalar,
    ),
    ("invalid-utf8", "a Latin-1 byte", hostile::invalid_utf8),
    ("nul-byte", "a NUL byte", hostile::nul_byte),
    ("byte-order-mark", "UTF-8 BOM", hostile::byte_order_mark),
    ("lf", "3 mistakes, LF line ends", || {
        hostile::line_ends(false)
    }),
    ("crlf", "3 mistakes, CRLF line ends", || {
        hostile::line_ends(true)
    }),
    (
        "tab-indentation",
        "a tab in indentation",
        hostile::tab_indentation,
    ),
    ("yaml11", "`no`, `on`, `0755`", hostile::yaml11),
    ("merge-key", "`<<: *base`", hostile::merge_key),
    ("custom-tags", "`!custom`, `!!str`", hostile::custom_tags),
    (
        "multiple-documents",
        "two documents",
        hostile::multiple_documents,
    ),
];

/// Cases that need other options or the file system.
const SPECIAL: [(&str, &str); 5] = [
    (
        "huge-scalar-raised-limit",
        "100 MB scalar, limit raised to 128 MiB",
    ),
    ("json-trailing-comma", "JSON with a trailing comma"),
    ("over-size-limit-on-disk", "1 TiB sparse file on disk"),
    ("symlink-loop", "directory with `loop -> .`"),
    ("unreadable", "chmod 000 file, or a FIFO when privileged"),
];

fn vm_hwm_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

fn summary(v: &Validation, files: &[&str]) -> String {
    let mut found: Vec<String> = Vec::new();
    for d in &v.report.diagnostics {
        let Some(l) = &d.location else { continue };
        if files.iter().any(|f| l.file.ends_with(f)) {
            found.push(format!("{} {}:{}", d.code, l.start.line, l.start.column));
        }
    }
    if found.is_empty() {
        "no diagnostic".to_owned()
    } else {
        found.join(", ")
    }
}

fn run_one(name: &str) {
    let before = vm_hwm_kib();
    let mut start = Instant::now();
    let (what, outcome, input_bytes) =
        if let Some((_, what, make)) = CASES.iter().find(|(n, _, _)| *n == name) {
            let bytes = make();
            let len = bytes.len();
            // Time the validation only, not the making of the input.
            start = Instant::now();
            let v = hostile::validate(bytes);
            (*what, summary(&v, &[FILE]), len)
        } else {
            let what = SPECIAL
                .iter()
                .find(|(n, _)| *n == name)
                .map_or_else(|| panic!("unknown case {name}"), |(_, w)| *w);
            special(name, what, &mut start)
        };
    let elapsed = start.elapsed();
    let after = vm_hwm_kib();
    println!(
        "| {name} | {what} | {input_bytes} | {outcome} | {:.1} | {:.1} | {:.1} |",
        elapsed.as_secs_f64() * 1000.0,
        after as f64 / 1024.0,
        after.saturating_sub(before) as f64 / 1024.0
    );
}

/// A case that needs more than an in-memory file; `start` is reset once its input is made
/// (the time of making directories and files on disk is included).
fn special(name: &str, what: &'static str, start: &mut Instant) -> (&'static str, String, usize) {
    match name {
        "huge-scalar-raised-limit" => {
            let bytes = hostile::huge_scalar();
            let len = bytes.len();
            *start = Instant::now();
            let v =
                hostile::validate_named(FILE, bytes, &hostile::options_with_max_bytes(128 << 20));
            (what, summary(&v, &[FILE]), len)
        }
        "json-trailing-comma" => {
            let bytes = hostile::json_trailing_comma();
            let len = bytes.len();
            let v = hostile::validate_named("hostile.json", bytes, &Options::default());
            (what, summary(&v, &["hostile.json"]), len)
        }
        "over-size-limit-on-disk" => {
            let dir = hostile::temp_dir("measure-size");
            hostile::write_base(&dir);
            let file = dir.join("huge.yaml");
            hostile::sparse_file(&file, 1 << 40).expect("a sparse file");
            let v = hostile::validate_dir(&dir);
            let out = summary(&v, &["huge.yaml"]);
            let _ = std::fs::remove_dir_all(&dir);
            (what, out, 1 << 40)
        }
        "symlink-loop" => {
            let dir = hostile::temp_dir("measure-loop");
            hostile::write_base(&dir);
            std::os::unix::fs::symlink(".", dir.join("loop")).expect("a symlink");
            let v = hostile::validate_dir(&dir);
            let out = summary(&v, &["loop"]);
            let _ = std::fs::remove_dir_all(&dir);
            (what, out, 0)
        }
        "unreadable" => {
            let dir = hostile::temp_dir("measure-unreadable");
            hostile::write_base(&dir);
            let privileged = hostile::reads_despite_permissions(&dir);
            let file = dir.join("locked.yaml");
            if privileged {
                let status = std::process::Command::new("mkfifo").arg(&file).status();
                assert!(status.is_ok_and(|s| s.success()), "mkfifo");
            } else {
                use std::os::unix::fs::PermissionsExt;
                std::fs::write(&file, hostile::valid_sources()).expect("a file");
                std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000))
                    .expect("chmod");
            }
            let v = hostile::validate_dir(&dir);
            let out = summary(&v, &["locked.yaml"]);
            let _ = std::fs::remove_dir_all(&dir);
            (what, out, 0)
        }
        _ => unreachable!("every special case is matched"),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(name) = args.first() {
        run_one(name);
        return;
    }
    println!(
        "| case | input | bytes | diagnostics in the file | wall ms | peak RSS MiB | RSS growth MiB |"
    );
    println!("|---|---|---:|---|---:|---:|---:|");
    let exe = std::env::current_exe().expect("the path of this program");
    let names = CASES.iter().map(|c| c.0).chain(SPECIAL.iter().map(|c| c.0));
    for name in names {
        let out = std::process::Command::new(&exe)
            .arg(name)
            .output()
            .expect("a child process");
        print!("{}", String::from_utf8_lossy(&out.stdout));
        if !out.status.success() {
            println!("| {name} | FAILED: {} | | | | | |", out.status);
            eprint!("{}", String::from_utf8_lossy(&out.stderr));
        }
    }
}
