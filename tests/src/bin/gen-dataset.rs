//! Writes a large valid dataset for benchmarks: `gen-dataset MEGABYTES OUT [--single]`.
//!
//! MEGABYTES is the target size (1 MB = 10^6 bytes); OUT must not exist. The base is the
//! repository's `datasets/`. See `treaty_tests::generate` for the shape of the data.

use std::path::PathBuf;
use std::process::ExitCode;

use treaty_tests::generate::{Layout, generate};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let layout = if args.iter().any(|a| a == "--single") {
        Layout::Single
    } else {
        Layout::Split
    };
    let positional: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let (Some(mb), Some(out), 2) = (
        positional.first().and_then(|s| s.parse::<f64>().ok()),
        positional.get(1),
        positional.len(),
    ) else {
        eprintln!("usage: gen-dataset MEGABYTES OUT [--single]");
        return ExitCode::from(2);
    };
    let base = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../datasets");
    let target = (mb * 1e6) as u64;
    match generate(&base, &PathBuf::from(out), target, layout) {
        Ok(g) => {
            let largest = g.files.iter().map(|(_, n)| *n).max().unwrap_or(0);
            println!(
                "{} files, {} bytes; largest {} ({largest} bytes)",
                g.files.len(),
                g.bytes(),
                g.largest.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen-dataset: {e}");
            ExitCode::FAILURE
        }
    }
}
