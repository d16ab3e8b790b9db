//! Command-line interface (feature `cli`). Its contract — subcommands, flags,
//! JSON field names, exit codes — is called by other tools: keep it stable
//! (README, "Command line").

mod input;
mod output;
mod report;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser as ClapParser, Subcommand, ValueEnum};
use dts_job_detail::{DEFAULT_MAX_DEPTH, DEFAULT_MAX_SIZE, MAX_DEPTH_CEILING, Parser, TaskKind};
use rayon::prelude::*;

use input::{Source, Unit, WalkNote};
use output::{ColorChoice, Output, Stop};
use report::Outcome;

/// Read saved Alibaba Cloud DTS DescribeDtsJobDetail responses (JSON or XML).
#[derive(ClapParser, Debug)]
#[command(name = "dts-job-detail", version, about, long_about = None)]
#[command(
    after_help = "INPUT is a file, `-` (standard input, the default) or a directory \
(every *.json and *.xml inside, recursively, sorted; symbolic links followed only with --follow).\n\n\
Exit codes: 0 every input read (check: and no error-level diagnostics); 1 check found \
error-level diagnostics; 2 some input could not be read, or the output could not be written."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print each response as canonical JSON, one document per line.
    #[command(after_help = "Examples:\n  dts-job-detail json fixtures/seed.xml\n  \
        dts-job-detail json --ndjson responses.log > canonical.ndjson\n  \
        dts-job-detail json --with-filename dumps/")]
    Json(JsonArgs),
    /// Print each response as canonical XML, one document per line.
    #[command(after_help = "Examples:\n  dts-job-detail xml fixtures/seed.json\n  \
        cat saved.json | dts-job-detail xml")]
    Xml(ReadArgs),
    /// Validate responses and print every diagnostic.
    #[command(after_help = "Examples:\n  dts-job-detail check dumps/\n  \
        dts-job-detail check --format json --strict saved.xml | jq .code")]
    Check(ReportArgs),
    /// Print a one-line summary of each response.
    #[command(after_help = "Examples:\n  dts-job-detail inspect fixtures/\n  \
        dts-job-detail inspect --format json --task-kind migration saved.json")]
    Inspect(ReportArgs),
    /// Print a shell completion script.
    #[command(
        after_help = "Example:\n  dts-job-detail completions bash > /etc/bash_completion.d/dts-job-detail"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    #[command(after_help = "Example:\n  dts-job-detail man > dts-job-detail.1 && man ./dts-job-detail.1")]
    Man,
}

/// How inputs are read: every subcommand that reads documents takes these.
#[derive(Args, Debug)]
struct ReadArgs {
    /// Treat warnings as errors, and refuse an unexpected XML root.
    #[arg(long)]
    strict: bool,
    /// Task kind to assume instead of deciding it from each response.
    #[arg(long, value_enum)]
    task_kind: Option<KindArg>,
    /// Read one JSON response per line.
    #[arg(long)]
    ndjson: bool,
    /// Largest document, in bytes (a file, or one NDJSON line); reading stops there.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_SIZE)]
    max_size: usize,
    /// Deepest nesting of objects and arrays (1 to 1024).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_DEPTH, value_parser = depth)]
    max_depth: usize,
    /// Follow symbolic links while walking folders (each file is read once;
    /// a loop is reported, not walked).
    #[arg(long)]
    follow: bool,
    /// Colour the text output.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// No progress display.
    #[arg(long, short)]
    quiet: bool,
    /// Files, directories, or `-` for standard input.
    #[arg(value_name = "INPUT", default_value = "-")]
    inputs: Vec<PathBuf>,
}

#[derive(Args, Debug)]
struct JsonArgs {
    #[command(flatten)]
    read: ReadArgs,
    /// Print each document as {"file": …, "response": <canonical>}.
    #[arg(long)]
    with_filename: bool,
}

/// `--max-depth`: a depth the parser can honour, not silently lowered.
fn depth(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n @ 1..=MAX_DEPTH_CEILING) => Ok(n),
        _ => Err(format!("expected a whole number from 1 to {MAX_DEPTH_CEILING}")),
    }
}

#[derive(Args, Debug)]
struct ReportArgs {
    #[command(flatten)]
    read: ReadArgs,
    /// `json`: one JSON object per line (per diagnostic for check, per response for inspect).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum KindArg {
    Migration,
    Synchronization,
    ChangeTracking,
}

/// What a subcommand prints for each response.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    Json,
    Xml,
    Check,
    Inspect,
}

/// Settings shared by the workers.
pub(crate) struct Settings {
    pub(crate) mode: Mode,
    pub(crate) json_output: bool,
    pub(crate) with_filename: bool,
    pub(crate) color: bool,
    pub(crate) parser: Parser,
    /// Width of the file column in text output.
    pub(crate) label_width: usize,
}

/// At most this many documents are held at once…
const BATCH_DOCUMENTS: usize = 256;
/// …and at most this many bytes of input (one larger document is a batch of its own).
const BATCH_BYTES: usize = 32 << 20;

pub(crate) fn run() -> ExitCode {
    let cli = Cli::parse();
    let (mode, read, json_output, with_filename) = match cli.command {
        Command::Json(a) => (Mode::Json, a.read, false, a.with_filename),
        Command::Xml(a) => (Mode::Xml, a, false, false),
        Command::Check(a) => (Mode::Check, a.read, a.format == Format::Json, false),
        Command::Inspect(a) => (Mode::Inspect, a.read, a.format == Format::Json, false),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "dts-job-detail", &mut io::stdout());
            return ExitCode::SUCCESS;
        }
        Command::Man => {
            let mut page = Vec::new();
            return match clap_mangen::Man::new(Cli::command()).render(&mut page) {
                Ok(()) if io::stdout().write_all(&page).is_ok() => ExitCode::SUCCESS,
                _ => ExitCode::from(2),
            };
        }
    };
    let mut parser = Parser::new()
        .strict(read.strict)
        .max_size(read.max_size)
        .max_depth(read.max_depth);
    if let Some(kind) = read.task_kind {
        parser = parser.task_kind(match kind {
            KindArg::Migration => TaskKind::Migration,
            KindArg::Synchronization => TaskKind::Synchronization,
            KindArg::ChangeTracking => TaskKind::ChangeTracking,
        });
    }
    let mut out = Output::new(read.quiet);
    let mut status = Status::default();
    let sources = input::expand(
        &read.inputs,
        read.follow,
        &mut |note| match note {
            WalkNote::Unreadable((label, reason)) => status.unreadable(&out, &label, &reason),
            WalkNote::Loop(message) => out.message(&message),
        },
        &mut |found| out.walking(found),
    );
    let line_suffix = if read.ndjson { 7 } else { 0 };
    let settings = Settings {
        mode,
        json_output,
        with_filename,
        color: read.color.enabled(),
        parser,
        label_width: sources
            .iter()
            .map(|s| s.label().chars().count() + line_suffix)
            .max()
            .unwrap_or(0),
    };
    out.reading((!read.ndjson).then_some(sources.len()));
    let stop = read_all(
        &settings,
        &sources,
        read.ndjson,
        read.max_size,
        &mut out,
        &mut status,
    );
    let stop = stop.or_else(|| {
        if mode == Mode::Check && !settings.json_output {
            out.print(&format!("{}\n", status.summary())).err()
        } else {
            None
        }
    });
    let stop = stop.or_else(|| out.flush().err());
    out.finish();
    match stop {
        Some(Stop::Failed) => ExitCode::from(2),
        _ => status.exit_code(mode),
    }
}

/// Reads every source in batches bounded in documents and bytes, parses each
/// batch in parallel and prints it in input order.
fn read_all(
    settings: &Settings,
    sources: &[Source],
    ndjson: bool,
    max_size: usize,
    out: &mut Output,
    status: &mut Status,
) -> Option<Stop> {
    let mut batch: Vec<Unit> = Vec::with_capacity(BATCH_DOCUMENTS);
    let mut bytes = 0;
    for source in sources {
        for unit in input::units(source, ndjson, max_size) {
            match unit {
                Ok(unit) => {
                    if !batch.is_empty()
                        && (batch.len() == BATCH_DOCUMENTS || bytes + unit.bytes.len() > BATCH_BYTES)
                    {
                        if let Some(stop) = flush(settings, &mut batch, out, status) {
                            return Some(stop);
                        }
                        bytes = 0;
                    }
                    bytes += unit.bytes.len();
                    batch.push(unit);
                }
                Err((label, reason)) => {
                    status.unreadable(out, &label, &reason);
                    out.advance(1);
                }
            }
        }
    }
    flush(settings, &mut batch, out, status)
}

/// Parses a batch in parallel and prints it in input order; `Some` when
/// printing has to stop.
fn flush(settings: &Settings, batch: &mut Vec<Unit>, out: &mut Output, status: &mut Status) -> Option<Stop> {
    let outcomes: Vec<Outcome> = batch
        .par_iter()
        .map(|unit| report::process(settings, unit))
        .collect();
    let count = batch.len();
    batch.clear();
    for outcome in outcomes {
        match outcome {
            Outcome::Printed {
                text,
                errors,
                warnings,
            } => {
                status.read += 1;
                status.errors += errors;
                status.warnings += warnings;
                if let Err(stop) = out.print(&text) {
                    return Some(stop);
                }
            }
            Outcome::Unreadable { label, reason } => status.unreadable(out, &label, &reason),
        }
    }
    out.advance(count);
    None
}

/// Counts that decide the exit code.
#[derive(Default)]
struct Status {
    read: usize,
    unreadable: usize,
    errors: usize,
    warnings: usize,
}

impl Status {
    fn unreadable(&mut self, out: &Output, label: &str, reason: &str) {
        self.unreadable += 1;
        out.message(&format!("{label}: {reason}"));
    }

    fn summary(&self) -> String {
        let unreadable = if self.unreadable > 0 {
            format!(", {} unreadable", self.unreadable)
        } else {
            String::new()
        };
        format!(
            "{} response{} checked: {} error{}, {} warning{}{unreadable}",
            self.read,
            plural(self.read),
            self.errors,
            plural(self.errors),
            self.warnings,
            plural(self.warnings)
        )
    }

    fn exit_code(&self, mode: Mode) -> ExitCode {
        if self.unreadable > 0 {
            ExitCode::from(2)
        } else if mode == Mode::Check && self.errors > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
