//! One module per subcommand; each returns the process exit code.

mod convert;
mod coverage;
mod diff;
mod explain;
mod man;
mod new;
mod participation;
mod report;
mod schema;
mod show;
mod validate;

use std::path::PathBuf;

use treaty_model::diagnostic::{Code, Level, SeverityOverrides};
use treaty_model::validate::Options;

use crate::args::{Cli, ColorWhen, Command};
use crate::exit;
use crate::output::{self, Failure};

/// Runs the parsed command. The one place where a command's failure becomes its exit code: a
/// closed standard output ends it quietly with success (`treaty ... | head`), any other
/// failure prints one message and exits 2.
pub fn run(cli: Cli) -> u8 {
    anstream::ColorChoice::write_global(match cli.color {
        ColorWhen::Auto => anstream::ColorChoice::Auto,
        ColorWhen::Always => anstream::ColorChoice::Always,
        ColorWhen::Never => anstream::ColorChoice::Never,
    });
    let result = match cli.command {
        Command::Validate(a) => validate::run(a),
        Command::Convert(a) => convert::run(a),
        Command::Schema(a) => schema::run(a),
        Command::Show(a) => show::run(a),
        Command::Coverage(a) => coverage::run(a),
        Command::Explain(a) => explain::run(a),
        Command::Diff(a) => diff::run(a),
        Command::Participation(a) => participation::run(a),
        Command::Report(a) => report::run(a),
        Command::New(a) => new::run(a),
        Command::Man(a) => man::run(a),
        Command::Completions(a) => {
            // Into a buffer first: clap_complete's writer panics on a write error.
            let mut script = Vec::new();
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(a.shell, &mut cmd, "treaty", &mut script);
            output::print_bytes(&script).map(|()| exit::OK)
        }
    };
    match result {
        Ok(code) => code,
        Err(Failure::StdoutClosed) => exit::OK,
        Err(Failure::Message(message)) => {
            output::note(&format!("treaty: error: {message}"));
            exit::USAGE_OR_IO
        }
    }
}

/// The one summary line, on standard error, of a command that wrote `what` to a file. Written to
/// standard output, the output speaks for itself: nothing is added.
pub(crate) fn wrote(sink: &crate::output::Sink, what: &str) {
    if let crate::output::Sink::File(path) = sink {
        output::note(&format!("treaty: wrote {what} to {}", path.display()));
    }
}

/// Severity overrides from `--allow`, `--warn`, `--deny`, `--deny-warnings`.
pub(crate) fn overrides(
    allow: &[String],
    warn: &[String],
    deny: &[String],
    deny_warnings: bool,
) -> Result<SeverityOverrides, String> {
    let mut o = SeverityOverrides::default();
    o.deny_warnings = deny_warnings;
    for (codes, level) in [
        (allow, Level::Allow),
        (warn, Level::Warn),
        (deny, Level::Deny),
    ] {
        for c in codes {
            let code = c.parse::<Code>()?;
            if let Some(why) = code.unsilenceable_because()
                && level != Level::Deny
            {
                return Err(format!(
                    "`{code}` cannot be allowed or lowered to a warning: {why}"
                ));
            }
            o.set(code, level);
        }
    }
    Ok(o)
}

/// Validation options with the given overrides.
pub(crate) fn options(overrides: SeverityOverrides) -> Options {
    let mut o = Options::default();
    o.overrides = overrides;
    o
}

/// The paths given, or the repository's `datasets/`.
pub(crate) fn paths_or_default(paths: Vec<PathBuf>) -> Result<Vec<PathBuf>, String> {
    if paths.is_empty() {
        crate::repo::default_paths()
    } else {
        Ok(paths)
    }
}
