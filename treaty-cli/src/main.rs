//! The `treaty` command: validate, convert and explore the UN Convention against Cybercrime
//! datasets. Argument parsing and rendering only; the work is done by `treaty-model`.

mod args;
mod commands;
mod output;
mod render;
mod repo;

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

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    ExitCode::from(commands::run(cli))
}
