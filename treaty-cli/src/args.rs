//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const AFTER_HELP: &str = "\
Exit codes:
  0  valid (or: the command succeeded)
  1  invalid data (or: schemas drifted)
  2  usage error, or a file could not be read or written

Without PATH, commands work on the nearest `datasets/` directory found upward from the
current directory that holds an instrument file or sits at a repository's root.";

/// Validate, convert and explore the machine-readable UN Convention against Cybercrime.
#[derive(Debug, Parser)]
#[command(name = "treaty", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Colour in diagnostics: `auto` colours a terminal unless `NO_COLOR` is set.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// On a terminal, unless `NO_COLOR` is set.
    Auto,
    /// Always, even into a pipe or file.
    Always,
    /// Never.
    Never,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate dataset files and report every problem with its file, line and column.
    #[command(
        after_help = "Examples:\n  treaty validate\n  treaty validate datasets/powers --format github\n  treaty validate --deny-warnings --allow missing-modeline\n  treaty validate --changed-since origin/main --format github\n\nExit codes: 0 valid, 1 invalid data, 2 usage or I/O error."
    )]
    Validate(ValidateArgs),
    /// Convert a dataset file or directory to JSON, YAML, JSON Lines, CSV or Markdown.
    #[command(
        after_help = "Examples:\n  treaty convert datasets --to json -o treaty-bundle.json\n  treaty convert datasets --to csv -o tables/\n  treaty convert datasets/powers/domestic.yaml --to json -o -\n\nThe input is validated first: invalid input gets its diagnostics, exit 1, and nothing is written.\nA single file is checked on its own, without the cross-file checks (its references into the\nrest of its dataset): `treaty validate FILE` runs those. YAML output keeps the comment lines the\nfile starts with (its modeline; one is added from JSON), not the comments further down.\n\nExit codes: 0 written, 1 invalid input, 2 usage or I/O error."
    )]
    Convert(ConvertArgs),
    /// Write the JSON Schemas, or check that a directory matches them.
    #[command(
        after_help = "Examples:\n  treaty schema -o schemas\n  treaty schema --check schemas\n  treaty schema > bundle.schema.json\n\nWithout -o or --check, the schema of the JSON bundle is printed to standard output.\n\nExit codes: 0 written (or no drift), 1 drift found by --check, 2 usage or I/O error."
    )]
    Schema(SchemaArgs),
    /// Show a provision: its text summary, numbering in other versions, powers, safeguards, analyses.
    #[command(
        after_help = "Examples:\n  treaty show \"28(4)\"\n  treaty show \"Article 24(2)\"\n  treaty show zero-draft:17 --format json\n\nExit codes: 0 shown, 1 no such provision (or the dataset read is invalid), 2 usage or I/O error\n(including a notation that is not a provision)."
    )]
    Show(ShowArgs),
    /// The power x safeguard matrix: which safeguards are mandatory, discretionary or absent.
    #[command(
        after_help = "Examples:\n  treaty coverage\n  treaty coverage --lacking prior-judicial-authorisation\n  treaty coverage --scope cross-border --safeguard dual-criminality --safeguard human-rights-refusal\n  treaty coverage --data-category electronic-data --format csv -o coverage.csv\n  treaty coverage --format html -o coverage.html\n\nCells: M mandatory, d discretionary, - absent, / not applicable, ? not recorded.\n--lacking X lists the powers for which X is recorded as discretionary or absent.\n\nExit codes: 0 printed, 1 the dataset read is invalid, 2 usage or I/O error (an unknown id)."
    )]
    Coverage(CoverageArgs),
    /// Explain one power in plain language: data, people, offences, duration, safeguards, critics.
    #[command(
        after_help = "Examples:\n  treaty explain production-order-electronic-data\n  treaty explain \"28(4)\"\n  treaty explain mla-intrusive-measures --format json\n\nExit codes: 0 explained, 1 no such power or several (an article that holds more than one), or the dataset read is invalid, 2 usage or I/O error."
    )]
    Explain(ExplainArgs),
    /// What changed between two dataset directories, named by entity, id and provision.
    #[command(
        after_help = "Examples:\n  treaty diff old/datasets datasets\n  git worktree add /tmp/base origin/main && treaty diff /tmp/base/datasets datasets > changes.md\n  treaty diff old/datasets datasets --format json\n\nThe Markdown is ready to paste into a pull-request comment; see docs/DIFF.md.\n\nExit codes: 0 compared (with or without changes), 1 a dataset is invalid, 2 usage or I/O error."
    )]
    Diff(DiffArgs),
    /// Who signed and who ratified, state by state, and whether the convention is in force.
    #[command(
        after_help = "Examples:\n  treaty participation\n  treaty participation --state AZE\n  treaty participation --format json\n\nEntry into force is computed from the deposits recorded and the rule of Article 65(1). A\ndeposit dated only to the month or year counts for each day it may stand for, so the date\ncan be a range; whether it has come is judged as of today (or of SOURCE_DATE_EPOCH). A step\nwithout a date is shown as \"date not known\".\n\nExit codes: 0 printed, 1 no participation recorded for --state (or the dataset read is\ninvalid), 2 usage or I/O error (including a code that is not ISO 3166-1 alpha-3)."
    )]
    Participation(ParticipationArgs),
    /// Write the published edition: the HTML pages, the JSON bundle, the CSV tables and the schemas.
    #[command(
        after_help = "Examples:\n  treaty report -o site\n  treaty report --data datasets -o /tmp/site && xdg-open /tmp/site/index.html\n\nThe site holds the HTML edition (articles, powers, the coverage heat map, analyses,\nsources), the JSON bundle (treaty-bundle.json), one CSV table per entity (tables/), and\nevery JSON Schema at the path its $id names (schemas/v1/), with schemas/catalog.json.\nThe pages are self-contained (inline CSS, no script, no network resource) and link to\neach other with relative links: open them from disk or put them on any static host.\nAn existing --output directory is written only if it is empty or treaty wrote it (or --force);\nonly the files treaty wrote there are ever replaced or removed.\n\nExit codes: 0 written, 1 the dataset read is invalid, 2 usage or I/O error."
    )]
    Report(ReportArgs),
    /// Start a new dataset file from a template.
    #[command(
        subcommand,
        after_help = "Examples:\n  treaty new assessment --state ISL --as-of 2026-01 -o datasets/assessments/isl.yaml\n  treaty new analysis --source hrw-2024-09-surveillance-powers -o datasets/analyses/hrw-2024-09-surveillance-powers.yaml"
    )]
    New(NewCommand),
    /// Print a shell completion script.
    #[command(
        after_help = "Example:\n  treaty completions bash > ~/.local/share/bash-completion/completions/treaty\n\nExit codes: 0 printed, 2 usage or I/O error."
    )]
    Completions(CompletionsArgs),
    /// Write the manual pages (roff): `treaty.1` and one page per subcommand.
    #[command(
        after_help = "Examples:\n  treaty man -o man/ && man man/treaty.1\n  treaty man | man -l -\n\nWithout -o, the page of `treaty` itself is printed to standard output.\n\nExit codes: 0 written, 2 usage or I/O error."
    )]
    Man(ManArgs),
}

/// Arguments of `treaty validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Files or directories to validate (default: the dataset the current directory is in, else
    /// the repository's `datasets/`); a file inside
    /// a dataset is checked against the whole dataset, and each dataset on its own. Directories
    /// are walked for `.yaml`, `.yml` and `.json` files, past hidden entries and cache
    /// directories (a `CACHEDIR.TAG`, as in cargo's `target/`). `-` reads one file from
    /// standard input (see `--stdin-filename`).
    pub paths: Vec<PathBuf>,
    /// With `-`: the file that standard input stands for (an editor's unsaved buffer). It is
    /// checked in that file's place, against the rest of that file's dataset, and diagnostics
    /// name it. Without it, standard input is checked on its own, as `<stdin>`.
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
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
    /// Pull-request mode: report file-local problems only in this changed file (repeatable);
    /// cross-file checks still cover the whole dataset.
    #[arg(long, value_name = "FILE", conflicts_with = "changed_since")]
    pub changed: Vec<PathBuf>,
    /// Pull-request mode: the changed files are those that differ from git revision REV
    /// (committed, staged, unstaged or untracked).
    #[arg(long, value_name = "REV")]
    pub changed_since: Option<String>,
    /// Show at most N diagnostics of each file, in every format; the rest are counted in one
    /// line (the summary counts and the exit code count them all).
    #[arg(long, value_name = "N", default_value_t = crate::render::shown::DEFAULT_MAX_PER_FILE)]
    pub max_diagnostics: usize,
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
    /// Overwrite the input file with its own conversion; with csv, write into a directory
    /// that treaty did not write (its other files are kept). Never writes into the input
    /// directory.
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
    /// A readable Markdown document: the instrument and its text versions, chapters, defined
    /// terms, offences, powers, crosswalks to other treaties, analyses, the vocabularies and
    /// sources (a file of another kind is refused; the other tables are in CSV and JSON Lines).
    Markdown,
}

/// Arguments of `treaty schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Write the schemas and the catalog into this directory.
    #[arg(
        short,
        long,
        alias = "out",
        value_name = "DIR",
        conflicts_with = "check"
    )]
    pub output: Option<PathBuf>,
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
    /// The dataset directory (default: the dataset the current directory is in, else the
    /// repository's `datasets/`, else the bundled dataset).
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

/// Arguments of `treaty coverage`.
#[derive(Debug, Args)]
pub struct CoverageArgs {
    /// Only the powers of this scope.
    #[arg(long, value_enum)]
    pub scope: Option<ScopeArg>,
    /// Only the powers that reach this data category (`electronic-data`).
    #[arg(long, value_name = "ID")]
    pub data_category: Option<treaty_model::ids::DataCategoryId>,
    /// Only this safeguard as a column (repeatable).
    #[arg(long, value_name = "ID")]
    pub safeguard: Vec<treaty_model::ids::SafeguardId>,
    /// Only the powers that lack a mandatory SAFEGUARD (recorded as discretionary or absent).
    #[arg(long, value_name = "SAFEGUARD")]
    pub lacking: Option<treaty_model::ids::SafeguardId>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CoverageFormat::Table)]
    pub format: CoverageFormat,
    /// The width the table fits (format `table`), at least 60; the list of powers keeps its
    /// own width.
    #[arg(
        long,
        value_name = "COLUMNS",
        default_value_t = 100,
        value_parser = table_width
    )]
    pub width: usize,
    /// Write to this file (atomically) instead of standard output; `-` for standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The dataset directory (default: the dataset the current directory is in, else the
    /// repository's `datasets/`, else the bundled dataset).
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
}

/// Power scopes, for `--scope`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScopeArg {
    /// Chapter IV powers.
    Domestic,
    /// Chapter V powers.
    CrossBorder,
}

/// How `coverage` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CoverageFormat {
    /// A table for the terminal, with abbreviated headers and a legend.
    Table,
    /// One CSV record per cell, with its provision, sources and note.
    Csv,
    /// The matrix as JSON.
    Json,
    /// A self-contained HTML heat map.
    Html,
}

/// Arguments of `treaty explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A power id (`production-order-electronic-data`), or the provision granting it (`28(4)`).
    pub power: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ShowFormat::Human)]
    pub format: ShowFormat,
    /// The dataset directory (default: the dataset the current directory is in, else the
    /// repository's `datasets/`, else the bundled dataset).
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
}

/// Arguments of `treaty participation`.
#[derive(Debug, Args)]
pub struct ParticipationArgs {
    /// Only this state: its ISO 3166-1 alpha-3 code (`AZE`, `QAT`; `aze` is read as `AZE`).
    #[arg(long, value_name = "CODE", value_parser = state_code)]
    pub state: Option<treaty_model::StateCode>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ShowFormat::Human)]
    pub format: ShowFormat,
    /// The dataset directory (default: the dataset the current directory is in, else the
    /// repository's `datasets/`, else the bundled dataset).
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
}

/// Arguments of `treaty diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The old dataset directory (for example a `git worktree` of the base branch).
    pub old: PathBuf,
    /// The new dataset directory.
    pub new: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Markdown)]
    pub format: DiffFormat,
    /// Write to this file (atomically) instead of standard output; `-` for standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// How `diff` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Markdown for a pull-request comment.
    Markdown,
    /// JSON for scripts.
    Json,
}

/// Arguments of `treaty report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The directory to write the site into.
    #[arg(short, long, alias = "out", value_name = "DIR")]
    pub output: PathBuf,
    /// Write into --output even if treaty did not write it (its other files are kept).
    #[arg(long)]
    pub force: bool,
    /// The dataset directory (default: the dataset the current directory is in, else the
    /// repository's `datasets/`, else the bundled dataset).
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
}

/// The templates of `treaty new`.
#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// An implementation assessment of one state: every power and its safeguards, all `unknown`.
    #[command(
        after_help = "Examples:\n  treaty new assessment --state ISL --as-of 2026-01 -o datasets/assessments/isl.yaml\n  treaty new assessment --state FRA --as-of 2025-06-30 > fra.yaml\n\nThe template cites the placeholder source `assessment-source`: `treaty validate` reports it\n(unknown-reference) until the sources the assessment relies on are in sources.yaml.\nHow to fill it in: docs/ASSESSMENTS.md.\n\nExit codes: 0 written, 1 the dataset read is invalid, 2 usage or I/O error\n(including an existing --output file without --force)."
    )]
    Assessment(NewAssessmentArgs),
    /// A published analysis, drawn from its entry in the sources: its title, publisher and date.
    #[command(
        after_help = "Examples:\n  treaty new analysis --source hrw-2024-09-surveillance-powers -o datasets/analyses/hrw-2024-09-surveillance-powers.yaml\n  treaty new analysis --source hrw-2024-09-surveillance-powers > draft.yaml\n\nAdd the publication to sources.yaml first; the analysis takes the source's id as its own,\nand its file is named after it. The text version it discusses, its summary and its concerns\nare left as \"\", which `treaty validate` reports until they are filled in.\nHow to fill it in: datasets/README.md, \"Adding an analysis\".\n\nExit codes: 0 written, 1 the dataset read is invalid, 2 usage or I/O error (including a\nsource not in the dataset or already analysed, and an existing --output file without --force)."
    )]
    Analysis(NewAnalysisArgs),
}

/// Arguments of `treaty new assessment`.
#[derive(Debug, Args)]
pub struct NewAssessmentArgs {
    /// The state assessed: its ISO 3166-1 alpha-3 code (`ISL`, `FRA`; `isl` is read as `ISL`).
    #[arg(long, value_name = "CODE", value_parser = state_code)]
    pub state: treaty_model::StateCode,
    /// The date of the law assessed: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub as_of: treaty_model::PartialDate,
    /// Where the template goes, and what it is drawn from.
    #[command(flatten)]
    pub template: NewFileArgs,
}

/// Arguments of `treaty new analysis`.
#[derive(Debug, Args)]
pub struct NewAnalysisArgs {
    /// The id of the publication's entry in the dataset's sources; the analysis takes it as its
    /// id.
    #[arg(long, value_name = "ID")]
    pub source: String,
    /// Where the template goes, and what it is drawn from.
    #[command(flatten)]
    pub template: NewFileArgs,
}

/// What every `treaty new` template takes besides its own arguments.
#[derive(Debug, Args)]
pub struct NewFileArgs {
    /// Write the template to this file (atomically) instead of standard output; `-` for standard output.
    #[arg(short, long, alias = "out", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite the --output file if it exists (a file in progress is otherwise kept). A file
    /// of the dataset is started over: the template is drawn from the dataset without it. A
    /// valid file of another kind is never replaced.
    #[arg(long)]
    pub force: bool,
    /// The dataset the template is drawn from (default: the dataset the current directory is
    /// in, else the repository's `datasets/`, else the bundled dataset).
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
}

/// Arguments of `treaty completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    pub shell: clap_complete::Shell,
}

/// Arguments of `treaty man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write the pages into this directory (created if needed); without it, or with `-`, print
    /// the page of `treaty` itself.
    #[arg(short, long, value_name = "DIR")]
    pub output: Option<PathBuf>,
}

/// `--width`: a number of columns the table can fit in (clap's own range check would print
/// the range's upper bound, 18446744073709551615).
fn table_width(text: &str) -> Result<usize, String> {
    let n: usize = text
        .parse()
        .map_err(|_| "expected a number of columns".to_owned())?;
    if n < 60 {
        return Err("the table needs at least 60 columns".to_owned());
    }
    Ok(n)
}

/// A state code as typed on a command line, where case carries no meaning: the datasets write
/// `AZE`, and `aze` can only mean it.
fn state_code(s: &str) -> Result<treaty_model::StateCode, treaty_model::state::StateCodeError> {
    s.to_ascii_uppercase().parse()
}
