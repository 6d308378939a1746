//! The `treaty` command as a library: argument parsing, commands and renderers. The work is
//! done by `treaty-model`; this crate parses arguments and renders. The binary is a thin
//! `main`; the renderers are public so that they can be fuzzed and reused.

pub mod args;

/// The allocator of the `treaty` binary. Validation allocates a node per value; glibc's
/// allocator grows a worker thread's heap a few pages at a time (an `mprotect` call and page
/// faults each), which cost a fifth of the time on large files. mimalloc does not. It is built
/// without transparent huge pages (`no_thp`): with them, a cold run on the repository's
/// datasets spent 15% of its CPU time zeroing 2 MB pages it barely used, and a split data set
/// took twice the memory; a single file of tens of megabytes is read about a fifth slower
/// without them, an edge case the project does not optimise for (docs/PERFORMANCE.md). The
/// library crates leave the choice of allocator to the program that uses them.
pub type Allocator = mimalloc::MiMalloc;

/// The value of the `treaty` binary's `#[global_allocator]`.
pub const ALLOCATOR: Allocator = mimalloc::MiMalloc;
mod clock;
mod commands;
mod drift;
pub mod edition;
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
