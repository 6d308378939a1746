//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const AFTER_HELP: &str = "\
Exit codes:
  0  valid (or: the command succeeded)
  1  invalid data (or: schemas drifted)
  2  usage error, or a file could not be read or written

Without PATH, commands work on the `datasets/` directory of the repository you are in
(found upward from the current directory).";

/// Validate, convert and explore the machine-readable UN Convention against Cybercrime.
#[derive(Debug, Parser)]
#[command(name = "treaty", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate dataset files and report every problem with its file, line and column.
    #[command(
        after_help = "Examples:\n  treaty validate\n  treaty validate datasets/powers --format github\n  treaty validate --deny-warnings --allow missing-modeline\n\nExit codes: 0 valid, 1 invalid data, 2 usage or I/O error."
    )]
    Validate(ValidateArgs),
    /// Convert a dataset file or directory to JSON, YAML, JSON Lines, CSV or Markdown.
    #[command(
        after_help = "Examples:\n  treaty convert datasets --to json -o convention.json\n  treaty convert datasets --to csv -o tables/\n  treaty convert datasets/powers/domestic.yaml --to json -o -\n\nThe input is validated first: invalid input gets its diagnostics, exit 1, and nothing is written."
    )]
    Convert(ConvertArgs),
    /// Write the JSON Schemas, or check that a directory matches them.
    #[command(
        after_help = "Examples:\n  treaty schema --out schemas\n  treaty schema --check schemas"
    )]
    Schema(SchemaArgs),
    /// Show a provision: its text summary, numbering in other versions, powers, safeguards, analyses.
    #[command(
        after_help = "Examples:\n  treaty show \"28(4)\"\n  treaty show \"Article 24(2)\"\n  treaty show zero-draft:17 --format json"
    )]
    Show(ShowArgs),
    /// Print a shell completion script.
    #[command(
        after_help = "Example:\n  treaty completions bash > ~/.local/share/bash-completion/completions/treaty"
    )]
    Completions(CompletionsArgs),
}

/// Arguments of `treaty validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Files or directories to validate (default: the repository's `datasets/`).
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Do not report this code (repeatable).
    #[arg(long, value_name = "CODE")]
    pub allow: Vec<String>,
    /// Report this code as a warning (repeatable).
    #[arg(long, value_name = "CODE")]
    pub warn: Vec<String>,
    /// Report this code as an error (repeatable).
    #[arg(long, value_name = "CODE")]
    pub deny: Vec<String>,
    /// Treat every warning as an error.
    #[arg(long)]
    pub deny_warnings: bool,
}

/// How `validate` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Source snippets with carets, like rustc.
    Human,
    /// One JSON document (schema: schemas/validation-report.schema.json).
    Json,
    /// GitHub Actions workflow commands, plus a step summary.
    Github,
    /// SARIF 2.1.0 for code scanning.
    Sarif,
}

/// Arguments of `treaty convert`.
#[derive(Debug, Args)]
pub struct ConvertArgs {
    /// A dataset file or directory.
    pub input: PathBuf,
    /// Target format.
    #[arg(long, value_enum, default_value_t = Target::Json)]
    pub to: Target,
    /// Output file (a directory for csv); `-` for standard output (the default, except csv).
    #[arg(short, long, value_name = "OUTPUT")]
    pub output: Option<PathBuf>,
    /// Allow overwriting the input file.
    #[arg(long)]
    pub force: bool,
}

/// Conversion targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Target {
    /// JSON (a directory becomes one bundle document).
    Json,
    /// YAML.
    Yaml,
    /// JSON Lines, one entity per line.
    Jsonl,
    /// One CSV table per entity, in a directory.
    Csv,
    /// A readable Markdown document.
    Markdown,
}

/// Arguments of `treaty schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Write the schemas into this directory.
    #[arg(long, value_name = "DIR", conflicts_with = "check")]
    pub out: Option<PathBuf>,
    /// Check that this directory holds exactly the generated schemas (exit 1 on drift).
    #[arg(long, value_name = "DIR")]
    pub check: Option<PathBuf>,
}

/// Arguments of `treaty show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A provision in any common notation: `28(4)`, `Article 24(2)`, `28.4`, `zero-draft:17`.
    pub provision: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ShowFormat::Human)]
    pub format: ShowFormat,
    /// The dataset directory (default: the repository's `datasets/`, else the bundled dataset).
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
}

/// How `show` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    /// Readable text.
    Human,
    /// JSON for scripts.
    Json,
}

/// Arguments of `treaty completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    pub shell: clap_complete::Shell,
}
