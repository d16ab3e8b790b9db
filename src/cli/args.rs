//! The command line's arguments (clap): one validated value per flag, so
//! the rest of the tool never parses a flag itself.

use std::path::PathBuf;

use clap::{Args, Parser as ClapParser, Subcommand, ValueEnum};
use dts_job_detail::export::ExportFormat;
use dts_job_detail::{DEFAULT_MAX_DEPTH, DEFAULT_MAX_SIZE, MAX_DEPTH_CEILING, Parser, TaskKind};

use super::jobs;
use super::output::ColorChoice;

/// Read saved Alibaba Cloud DTS DescribeDtsJobDetail responses (JSON or XML).
#[derive(ClapParser, Debug)]
#[command(name = "dts-job-detail", version, about, long_about = None)]
#[command(
    after_help = "INPUT is a file, `-` (standard input, the default) or a directory \
(every *.json and *.xml inside, recursively, sorted; symbolic links followed only with --follow).\n\n\
Exit codes: 0 every input read (check: and no error-level diagnostics); 1 check found \
error-level diagnostics; 2 some input could not be read, or the output could not be written."
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    /// Print each response as canonical JSON, one document per line.
    #[command(after_help = "Examples:\n  dts-job-detail json fixtures/seed.xml\n  \
        dts-job-detail json --ndjson responses.log > canonical.ndjson\n  \
        dts-job-detail json --with-filename dumps/")]
    #[command(mut_arg("color", |a| a.hide(true)))]
    Json(JsonArgs),
    /// Print each response as canonical XML, one document per line.
    #[command(after_help = "Examples:\n  dts-job-detail xml fixtures/seed.json\n  \
        cat saved.json | dts-job-detail xml")]
    #[command(mut_arg("color", |a| a.hide(true)))]
    Xml(ReadArgs),
    /// Validate responses and print every diagnostic.
    #[command(after_help = "Examples:\n  dts-job-detail check dumps/\n  \
        dts-job-detail check --format json --strict saved.xml | jq .code")]
    #[command(mut_arg("format", |a| a.help("`json`: one JSON object per diagnostic and line")))]
    Check(ReportArgs),
    /// Print a one-line summary of each response.
    #[command(after_help = "Examples:\n  dts-job-detail inspect fixtures/\n  \
        dts-job-detail inspect --format json --task-kind migration saved.json")]
    #[command(mut_arg("format", |a| a.help("`json`: one JSON object per response and line")))]
    Inspect(ReportArgs),
    /// Print one line per job at any depth (kind, status, status class, delay,
    /// checkpoint), filtered, sorted or counted.
    #[command(after_help = "Examples:\n  dts-job-detail jobs dumps/\n  \
        dts-job-detail jobs --status-class failed --status-class paused dumps/\n  \
        dts-job-detail jobs --min-delay 60s --sort delay dumps/\n  \
        dts-job-detail jobs --count-by status-class --format json dumps/\n\n\
        A Delay whose unit is unknown (no task kind) prints as `5?` and counts by its longest \
        meaning (seconds) for --min-delay and --sort.")]
    #[command(mut_arg("color", |a| a.hide(true)))]
    Jobs(jobs::JobsArgs),
    /// Write one row per job (top level and every nested job) to Parquet, CSV or NDJSON.
    #[command(
        after_help = "Examples:\n  dts-job-detail export --output jobs.parquet dumps/\n  \
        dts-job-detail export --format csv --output - saved.json | column -s, -t\n\n\
        Query the Parquet file with DuckDB: SELECT status, count(*) FROM 'jobs.parquet' GROUP BY ALL"
    )]
    #[command(mut_arg("color", |a| a.hide(true)))]
    Export(ExportArgs),
    /// Show what changed between two saved responses of one job (exit 1 when they differ).
    #[command(after_help = "Examples:\n  dts-job-detail diff before.json after.xml\n  \
        dts-job-detail diff --format json before.json after.json | jq .kind")]
    Diff(DiffArgs),
    /// Print Prometheus metrics of every job (text exposition, for node_exporter's textfile collector).
    #[command(
        after_help = "Example:\n  dts-job-detail metrics dumps/ > dts.prom.tmp && mv dts.prom.tmp /var/lib/node_exporter/dts.prom"
    )]
    #[command(mut_arg("color", |a| a.hide(true)))]
    Metrics(ReadArgs),
    /// Print the JSON Schema (draft 2020-12) of the canonical JSON.
    #[command(after_help = "Example:\n  dts-job-detail schema > dts-job-detail.schema.json")]
    Schema,
    /// Print a shell completion script.
    #[command(
        after_help = "Example:\n  dts-job-detail completions bash > /etc/bash_completion.d/dts-job-detail"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), or a subcommand's, or write every page to a folder.
    #[command(
        after_help = "Examples:\n  dts-job-detail man > dts-job-detail.1 && man ./dts-job-detail.1\n  \
        dts-job-detail man jobs | man -l -\n  \
        dts-job-detail man --dir /usr/local/share/man/man1"
    )]
    Man {
        /// The subcommand whose page to print (`dts-job-detail-SUBCOMMAND(1)`).
        subcommand: Option<String>,
        /// Write every page — dts-job-detail.1 and dts-job-detail-SUBCOMMAND.1 — into DIR
        /// (made if missing).
        #[arg(long, value_name = "DIR", conflicts_with = "subcommand")]
        dir: Option<PathBuf>,
    },
}

/// How documents are parsed and seen.
#[derive(Args, Debug)]
pub(crate) struct ParseArgs {
    /// Treat warnings as errors, and refuse an unexpected XML root.
    #[arg(long)]
    pub(crate) strict: bool,
    /// Task kind to assume instead of deciding it from each response.
    #[arg(long, value_enum)]
    pub(crate) task_kind: Option<KindArg>,
    /// Largest document (a file, or one NDJSON line); reading stops there.
    /// Bytes, or with a unit: `512K`, `64MiB`, `1G` (powers of 1024), `10MB` (of 1000).
    #[arg(long, value_name = "SIZE", default_value_t = DEFAULT_MAX_SIZE, value_parser = size)]
    pub(crate) max_size: usize,
    /// Memory one document's model may take (default: 6 × its size + 48 MiB); a
    /// size as for --max-size.
    #[arg(long, value_name = "SIZE", value_parser = size)]
    pub(crate) max_memory: Option<usize>,
    /// Deepest nesting of objects and arrays (1 to 1024).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_DEPTH, value_parser = depth)]
    pub(crate) max_depth: usize,
}

impl ParseArgs {
    pub(crate) fn parser(&self) -> Parser {
        let parser = Parser::new()
            .strict(self.strict)
            .max_size(self.max_size)
            .max_depth(self.max_depth);
        let parser = match self.max_memory {
            Some(bytes) => parser.max_memory(bytes),
            None => parser,
        };
        match self.task_kind {
            Some(kind) => parser.task_kind(match kind {
                KindArg::Migration => TaskKind::Migration,
                KindArg::Synchronization => TaskKind::Synchronization,
                KindArg::ChangeTracking => TaskKind::ChangeTracking,
            }),
            None => parser,
        }
    }
}

/// How inputs are read: every subcommand that reads documents takes these.
#[derive(Args, Debug)]
pub(crate) struct ReadArgs {
    #[command(flatten)]
    pub(crate) parse: ParseArgs,
    /// Read one JSON response per line (a folder's `*.ndjson`, `*.jsonl`
    /// and `*.log` files).
    #[arg(long)]
    pub(crate) ndjson: bool,
    /// In folders, read the files this glob matches (instead of `*.json`
    /// and `*.xml`); `!GLOB` leaves matching files out. Repeatable. A glob
    /// without `/` matches a file's name, one with `/` its path inside the folder.
    #[arg(long, short = 'g', value_name = "GLOB")]
    pub(crate) glob: Vec<String>,
    /// Follow symbolic links while walking folders (each file is read once;
    /// a loop is reported, not walked).
    #[arg(long)]
    pub(crate) follow: bool,
    /// Colour the text output.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub(crate) color: ColorChoice,
    /// Print nothing on standard output: the exit code answers (as `grep -q`).
    /// Messages on stderr remain; `export` still writes its --output file.
    #[arg(long, short)]
    pub(crate) quiet: bool,
    /// No progress display.
    #[arg(long)]
    pub(crate) no_progress: bool,
    /// Files, directories, or `-` for standard input.
    #[arg(value_name = "INPUT", default_value = "-")]
    pub(crate) inputs: Vec<PathBuf>,
}

#[derive(Args, Debug)]
pub(crate) struct JsonArgs {
    #[command(flatten)]
    pub(crate) read: ReadArgs,
    /// Print each document as {"file": …, "response": <canonical>}.
    #[arg(long)]
    pub(crate) with_filename: bool,
}

/// A whole number and the unit written after it (`"64MiB"` → 64, `"MiB"`),
/// white space around them left out; `None` without a number.
pub(crate) fn number_and_unit(text: &str) -> Option<(u64, &str)> {
    let text = text.trim();
    let split = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    Some((number.parse().ok()?, unit))
}

/// `--max-size`, `--max-memory`: bytes, or a number with a unit (`K`, `M`,
/// `G`, also spelt `KiB`, …: powers of 1024; `KB`, `MB`, `GB`: of 1000; any
/// case).
pub(crate) fn size(text: &str) -> Result<usize, String> {
    let (n, unit) =
        number_and_unit(text).ok_or_else(|| "expected a size: 1048576, 512K, 64MiB, 1G, 10MB".to_owned())?;
    let factor: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kib" => 1 << 10,
        "m" | "mib" => 1 << 20,
        "g" | "gib" => 1 << 30,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        other => {
            return Err(format!(
                "{other:?} is not a unit: use K, M, G (or KiB, …; KB, MB, GB)"
            ));
        }
    };
    n.checked_mul(factor)
        .and_then(|bytes| usize::try_from(bytes).ok())
        .ok_or_else(|| "too large".to_owned())
}

/// `--max-depth`: a depth the parser can honour, not silently lowered.
pub(crate) fn depth(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n @ 1..=MAX_DEPTH_CEILING) => Ok(n),
        _ => Err(format!("expected a whole number from 1 to {MAX_DEPTH_CEILING}")),
    }
}

#[derive(Args, Debug)]
pub(crate) struct ExportArgs {
    #[command(flatten)]
    pub(crate) read: ReadArgs,
    /// The file to write (`-`: standard output).
    #[arg(long, short, value_name = "FILE")]
    pub(crate) output: PathBuf,
    /// The format; by default, from the output's extension (.parquet, .csv, .ndjson, .jsonl).
    #[arg(long, value_enum)]
    pub(crate) format: Option<ExportFormatArg>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ExportFormatArg {
    Parquet,
    Csv,
    Ndjson,
}

impl ExportFormatArg {
    pub(crate) fn format(self) -> ExportFormat {
        match self {
            ExportFormatArg::Parquet => ExportFormat::Parquet,
            ExportFormatArg::Csv => ExportFormat::Csv,
            ExportFormatArg::Ndjson => ExportFormat::Ndjson,
        }
    }

    pub(crate) fn from_extension(path: &std::path::Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "parquet" => Some(ExportFormatArg::Parquet),
            "csv" => Some(ExportFormatArg::Csv),
            "ndjson" | "jsonl" => Some(ExportFormatArg::Ndjson),
            _ => None,
        }
    }
}

#[derive(Args, Debug)]
pub(crate) struct DiffArgs {
    #[command(flatten)]
    pub(crate) parse: ParseArgs,
    /// `json`: one object per change and line, with path, kind, old and new.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
    /// Colour the text output.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub(crate) color: ColorChoice,
    /// The earlier response (a file, or `-` for standard input).
    pub(crate) old: PathBuf,
    /// The later response (a file, or `-` for standard input).
    pub(crate) new: PathBuf,
}

#[derive(Args, Debug)]
pub(crate) struct ReportArgs {
    #[command(flatten)]
    pub(crate) read: ReadArgs,
    /// `json`: one JSON object per line.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub(crate) enum KindArg {
    Migration,
    Synchronization,
    ChangeTracking,
}

#[cfg(test)]
mod tests {
    use super::size;

    #[test]
    fn sizes_take_units() {
        assert_eq!(size("1048576"), Ok(1 << 20));
        assert_eq!(size("512K"), Ok(512 << 10));
        assert_eq!(size("64MiB"), Ok(64 << 20));
        assert_eq!(size("64mib"), Ok(64 << 20));
        assert_eq!(size("1G"), Ok(1 << 30));
        assert_eq!(size("10MB"), Ok(10_000_000));
        assert_eq!(size("7b"), Ok(7));
        assert!(size("1T").is_err() && size("K").is_err() && size("-1").is_err());
        assert!(size("99999999999999999999G").is_err());
    }
}
