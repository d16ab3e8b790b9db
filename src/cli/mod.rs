//! Command-line interface (feature `cli`). The contract — subcommands, flags,
//! JSON field names, exit codes — is called by other tools: keep it stable
//! (README, "Command line").

mod input;
mod report;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser as ClapParser, Subcommand, ValueEnum};
use dts_job_detail::{Parser, TaskKind};
use rayon::prelude::*;

use input::{Source, Unit};
use report::Outcome;

/// Read saved Alibaba Cloud DTS DescribeDtsJobDetail responses (JSON or XML).
#[derive(ClapParser, Debug)]
#[command(name = "dts-job-detail", version, about, long_about = None)]
#[command(
    after_help = "INPUT is a file, `-` (standard input, the default) or a directory \
(every *.json and *.xml inside, recursively).\n\nExit codes: 0 every input read (check: and no \
error-level diagnostics); 1 check found error-level diagnostics; 2 some input could not be read."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print each response as canonical JSON, one document per line.
    #[command(after_help = "Examples:\n  dts-job-detail json fixtures/seed.xml\n  \
        dts-job-detail json --ndjson responses.log > canonical.ndjson")]
    Json(Options),
    /// Print each response as canonical XML, one document per line.
    #[command(after_help = "Examples:\n  dts-job-detail xml fixtures/seed.json\n  \
        cat saved.json | dts-job-detail xml")]
    Xml(Options),
    /// Validate responses and print every diagnostic.
    #[command(after_help = "Examples:\n  dts-job-detail check dumps/\n  \
        dts-job-detail check --format json --strict saved.xml | jq .code")]
    Check(Options),
    /// Print a one-line summary of each response.
    #[command(after_help = "Examples:\n  dts-job-detail inspect fixtures/\n  \
        dts-job-detail inspect --format json --task-kind migration saved.json")]
    Inspect(Options),
}

#[derive(clap::Args, Debug)]
struct Options {
    /// Output format of `check` and `inspect` (`json`: one JSON object per line).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Treat warnings as errors, and refuse an unexpected XML root.
    #[arg(long)]
    strict: bool,
    /// Task kind to assume instead of deciding it from each response.
    #[arg(long, value_enum)]
    task_kind: Option<KindArg>,
    /// Read one JSON response per line.
    #[arg(long)]
    ndjson: bool,
    /// Files, directories, or `-` for standard input.
    #[arg(value_name = "INPUT", default_value = "-")]
    inputs: Vec<PathBuf>,
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
    pub(crate) color: bool,
    pub(crate) parser: Parser,
    /// Width of the file column in text output.
    pub(crate) label_width: usize,
}

/// How many documents are held in memory at once.
const BATCH: usize = 256;

pub(crate) fn run() -> ExitCode {
    let cli = Cli::parse();
    let (mode, opts) = match cli.command {
        Command::Json(o) => (Mode::Json, o),
        Command::Xml(o) => (Mode::Xml, o),
        Command::Check(o) => (Mode::Check, o),
        Command::Inspect(o) => (Mode::Inspect, o),
    };
    let mut parser = Parser::new().strict(opts.strict);
    if let Some(kind) = opts.task_kind {
        parser = parser.task_kind(match kind {
            KindArg::Migration => TaskKind::Migration,
            KindArg::Synchronization => TaskKind::Synchronization,
            KindArg::ChangeTracking => TaskKind::ChangeTracking,
        });
    }
    let mut status = Status::default();
    let sources = input::expand(&opts.inputs, &mut |label, reason| {
        status.unreadable(&label, &reason)
    });
    let line_suffix = if opts.ndjson { 7 } else { 0 };
    let settings = Settings {
        mode,
        json_output: opts.format == Format::Json,
        color: io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        parser,
        label_width: sources
            .iter()
            .map(|s| s.label().chars().count() + line_suffix)
            .max()
            .unwrap_or(0),
    };
    let progress = report::progress(&sources, opts.ndjson);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut batch: Vec<Unit> = Vec::with_capacity(BATCH);
    let mut broken_pipe = false;
    'sources: for source in &sources {
        let mut units = input::units(source, opts.ndjson);
        loop {
            match units.next() {
                Some(Ok(unit)) => batch.push(unit),
                Some(Err((label, reason))) => status.unreadable(&label, &reason),
                None => break,
            }
            if batch.len() == BATCH && !flush(&settings, &mut batch, &mut out, &mut status, &progress) {
                broken_pipe = true;
                break 'sources;
            }
        }
    }
    if !broken_pipe && flush(&settings, &mut batch, &mut out, &mut status, &progress) {
        if mode == Mode::Check && !settings.json_output {
            let _ = writeln!(out, "{}", status.summary());
        }
        let _ = out.flush();
    }
    progress.finish_and_clear();
    status.exit_code(mode)
}

/// Parses a batch in parallel and prints it in input order. `false` when
/// stdout is closed.
fn flush(
    settings: &Settings,
    batch: &mut Vec<Unit>,
    out: &mut impl Write,
    status: &mut Status,
    progress: &indicatif::ProgressBar,
) -> bool {
    let outcomes: Vec<Outcome> = batch
        .par_iter()
        .map(|unit| report::process(settings, unit))
        .collect();
    progress.inc(batch.len() as u64);
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
                if let Err(e) = out.write_all(text.as_bytes()) {
                    return e.kind() != io::ErrorKind::BrokenPipe && report_write_error(&e);
                }
            }
            Outcome::Unreadable { label, reason } => status.unreadable(&label, &reason),
        }
    }
    match out.flush() {
        Ok(()) => true,
        Err(e) => e.kind() != io::ErrorKind::BrokenPipe && report_write_error(&e),
    }
}

fn report_write_error(e: &io::Error) -> bool {
    let _ = writeln!(io::stderr(), "dts-job-detail: cannot write output: {e}");
    false
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
    fn unreadable(&mut self, label: &str, reason: &str) {
        self.unreadable += 1;
        let _ = writeln!(io::stderr(), "dts-job-detail: {label}: {reason}");
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

impl Source {
    /// A short name for messages.
    pub(crate) fn label(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_owned(),
            Source::File(p) => p.display().to_string(),
        }
    }
}
