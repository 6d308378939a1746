//! The `treaty` command as a library: argument parsing, commands and renderers. The work is
//! done by `treaty-model`; this crate parses arguments and renders. The binary is a thin
//! `main`; the renderers are public so that they can be fuzzed and reused.

pub mod args;
mod commands;
mod git;
mod load;
mod output;
pub mod render;
mod repo;
pub mod report;

use std::process::ExitCode;

use clap::Parser;

/// Exit codes, as documented in `--help`.
pub(crate) mod exit {
    /// The data is valid / the command succeeded.
    pub const OK: u8 = 0;
    /// The data is invalid (or a check found drift).
    pub const INVALID: u8 = 1;
    /// Bad usage, or a file could not be read or written.
    pub const USAGE_OR_IO: u8 = 2;
}

/// Parses the process arguments, runs the command and returns its exit code.
pub fn main() -> ExitCode {
    let cli = args::Cli::parse();
    ExitCode::from(commands::run(cli))
}
