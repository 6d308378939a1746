//! One phase of the loader alone, to measure its peak memory from outside:
//! `/usr/bin/time -f %M phase-memory PHASE PATH`, PHASE one of
//!
//! - `read`: read the file (the floor: the bytes themselves);
//! - `parse`: read and parse it into the value and its span tree;
//! - `value`: the same, then drop the span tree and keep the value (what conversion holds);
//! - `validate`: validate PATH, a file or a dataset directory, with the whole pipeline.
//!
//! (A counting allocator would be more precise, but it needs `unsafe`, which the workspace
//! forbids; peak RSS is also what a user sees.)

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(phase), Some(path), 2) = (args.first(), args.get(1), args.len()) else {
        eprintln!("usage: phase-memory read|parse|value|validate PATH");
        return ExitCode::from(2);
    };
    let path = PathBuf::from(path);
    let limits = treaty_model::syntax::Limits::default();
    let read = || std::fs::read(&path).unwrap_or_default();
    let ok = match phase.as_str() {
        "read" => !std::hint::black_box(read()).is_empty(),
        "parse" => {
            let parsed = treaty_model::syntax::parse_yaml(&read(), &limits);
            std::hint::black_box(&parsed).doc.is_some()
        }
        "value" => {
            let value = treaty_model::syntax::parse_yaml(&read(), &limits)
                .doc
                .map(|d| d.value);
            std::hint::black_box(&value).is_some()
        }
        "validate" => {
            let v = treaty_model::validate::validate_paths(
                &[path],
                &treaty_model::validate::Options::default(),
            );
            std::hint::black_box(&v).report.is_valid()
        }
        other => {
            eprintln!("phase-memory: unknown phase `{other}`");
            return ExitCode::from(2);
        }
    };
    if ok {
        ExitCode::SUCCESS
    } else {
        eprintln!("phase-memory: the input is not valid");
        ExitCode::FAILURE
    }
}
