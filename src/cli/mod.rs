//! Command-line interface (feature `cli`). Its contract — subcommands, flags,
//! JSON field names, exit codes — is called by other tools: keep it stable
//! (README, "Command line").

mod destination;
mod diff;
mod input;
mod jobs;
mod output;
mod report;
mod spool;

use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser as ClapParser, Subcommand, ValueEnum};
use dts_job_detail::export::{ExportFormat, RowWriter};
use dts_job_detail::{DEFAULT_MAX_DEPTH, DEFAULT_MAX_SIZE, MAX_DEPTH_CEILING, Parser, TaskKind};
use rayon::prelude::*;

use destination::Destination;
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
    /// Print one line per job at any depth (kind, status, status class, delay,
    /// checkpoint), filtered, sorted or counted.
    #[command(after_help = "Examples:\n  dts-job-detail jobs dumps/\n  \
        dts-job-detail jobs --status-class failed --status-class paused dumps/\n  \
        dts-job-detail jobs --min-delay 60s --sort delay dumps/\n  \
        dts-job-detail jobs --count-by status-class --format json dumps/\n\n\
        A Delay whose unit is unknown (no task kind) prints as `5?` and counts by its longest \
        meaning (seconds) for --min-delay and --sort.")]
    Jobs(jobs::JobsArgs),
    /// Write one row per job (top level and every nested job) to Parquet, CSV or NDJSON.
    #[command(
        after_help = "Examples:\n  dts-job-detail export --output jobs.parquet dumps/\n  \
        dts-job-detail export --format csv --output - saved.json | column -s, -t\n\n\
        Query the Parquet file with DuckDB: SELECT status, count(*) FROM 'jobs.parquet' GROUP BY ALL"
    )]
    Export(ExportArgs),
    /// Show what changed between two saved responses of one job (exit 1 when they differ).
    #[command(after_help = "Examples:\n  dts-job-detail diff before.json after.xml\n  \
        dts-job-detail diff --format json before.json after.json | jq .kind")]
    Diff(DiffArgs),
    /// Print Prometheus metrics of every job (text exposition, for node_exporter's textfile collector).
    #[command(
        after_help = "Example:\n  dts-job-detail metrics dumps/ > dts.prom.tmp && mv dts.prom.tmp /var/lib/node_exporter/dts.prom"
    )]
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
    /// Print the manual page (roff).
    #[command(after_help = "Example:\n  dts-job-detail man > dts-job-detail.1 && man ./dts-job-detail.1")]
    Man,
}

/// How documents are parsed and seen.
#[derive(Args, Debug)]
struct ParseArgs {
    /// Treat warnings as errors, and refuse an unexpected XML root.
    #[arg(long)]
    strict: bool,
    /// Task kind to assume instead of deciding it from each response.
    #[arg(long, value_enum)]
    task_kind: Option<KindArg>,
    /// Largest document (a file, or one NDJSON line); reading stops there.
    /// Bytes, or with a unit: `512K`, `64MiB`, `1G` (powers of 1024), `10MB` (of 1000).
    #[arg(long, value_name = "SIZE", default_value_t = DEFAULT_MAX_SIZE, value_parser = size)]
    max_size: usize,
    /// Memory one document's model may take (default: 6 × its size + 48 MiB); a
    /// size as for --max-size.
    #[arg(long, value_name = "SIZE", value_parser = size)]
    max_memory: Option<usize>,
    /// Deepest nesting of objects and arrays (1 to 1024).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_DEPTH, value_parser = depth)]
    max_depth: usize,
}

impl ParseArgs {
    fn parser(&self) -> Parser {
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
struct ReadArgs {
    #[command(flatten)]
    parse: ParseArgs,
    /// Read one JSON response per line (a folder's `*.ndjson`, `*.jsonl`
    /// and `*.log` files).
    #[arg(long)]
    ndjson: bool,
    /// In folders, read the files this glob matches (instead of `*.json`
    /// and `*.xml`); `!GLOB` leaves matching files out. Repeatable. A glob
    /// without `/` matches a file's name, one with `/` its path inside the folder.
    #[arg(long, short = 'g', value_name = "GLOB")]
    glob: Vec<String>,
    /// Follow symbolic links while walking folders (each file is read once;
    /// a loop is reported, not walked).
    #[arg(long)]
    follow: bool,
    /// Colour the text output.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Print nothing on standard output: the exit code answers (as `grep -q`).
    /// Messages on stderr remain; `export` still writes its --output file.
    #[arg(long, short)]
    quiet: bool,
    /// No progress display.
    #[arg(long)]
    no_progress: bool,
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

/// `--max-size`, `--max-memory`: bytes, or a number with a unit (`K`, `M`,
/// `G`, also spelt `KiB`, …: powers of 1024; `KB`, `MB`, `GB`: of 1000; any
/// case).
fn size(text: &str) -> Result<usize, String> {
    let text = text.trim();
    let split = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let n: u64 = number
        .parse()
        .map_err(|_| "expected a size: 1048576, 512K, 64MiB, 1G, 10MB".to_owned())?;
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
fn depth(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n @ 1..=MAX_DEPTH_CEILING) => Ok(n),
        _ => Err(format!("expected a whole number from 1 to {MAX_DEPTH_CEILING}")),
    }
}

#[derive(Args, Debug)]
struct ExportArgs {
    #[command(flatten)]
    read: ReadArgs,
    /// The file to write (`-`: standard output).
    #[arg(long, short, value_name = "FILE")]
    output: PathBuf,
    /// The format; by default, from the output's extension (.parquet, .csv, .ndjson, .jsonl).
    #[arg(long, value_enum)]
    format: Option<ExportFormatArg>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ExportFormatArg {
    Parquet,
    Csv,
    Ndjson,
}

impl ExportFormatArg {
    fn format(self) -> ExportFormat {
        match self {
            ExportFormatArg::Parquet => ExportFormat::Parquet,
            ExportFormatArg::Csv => ExportFormat::Csv,
            ExportFormatArg::Ndjson => ExportFormat::Ndjson,
        }
    }

    fn from_extension(path: &std::path::Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "parquet" => Some(ExportFormatArg::Parquet),
            "csv" => Some(ExportFormatArg::Csv),
            "ndjson" | "jsonl" => Some(ExportFormatArg::Ndjson),
            _ => None,
        }
    }
}

#[derive(Args, Debug)]
struct DiffArgs {
    #[command(flatten)]
    parse: ParseArgs,
    /// `json`: one object per change and line, with path, kind, old and new.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Colour the text output.
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// The earlier response (a file, or `-` for standard input).
    old: PathBuf,
    /// The later response (a file, or `-` for standard input).
    new: PathBuf,
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

/// What the workers make of each response. Only [`Sink::mode`] makes one,
/// from the sink the results go to, so a mode and a sink cannot disagree
/// (rows with nowhere to go, text into an export).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Printed text of this kind.
    Print(Printed),
    /// Rows for `export` and `metrics`.
    Rows,
}

/// What a printing subcommand prints for each response.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Printed {
    Json,
    Xml,
    Check,
    Inspect,
}

/// Settings shared by the workers.
pub(crate) struct Settings {
    /// The run's `Sink::mode()` (set in `process_all` only).
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
    let (printed, read, json_output, with_filename) = match cli.command {
        Command::Json(a) => (Printed::Json, a.read, false, a.with_filename),
        Command::Xml(a) => (Printed::Xml, a, false, false),
        Command::Check(a) => (Printed::Check, a.read, a.format == Format::Json, false),
        Command::Inspect(a) => (Printed::Inspect, a.read, a.format == Format::Json, false),
        Command::Export(a) => return export(a),
        Command::Jobs(a) => {
            let (read, view) = a.into_parts();
            return rows_to(Sink::Jobs(view), read);
        }
        Command::Diff(a) => return diff::run(&a),
        Command::Metrics(a) => return rows_to(Sink::Metrics(spool::Spooled::new()), a),
        Command::Schema => return print_whole((dts_job_detail::schema::json_schema() + "\n").into_bytes()),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "dts-job-detail", &mut script);
            return print_whole(script);
        }
        Command::Man => {
            let mut page = Vec::new();
            // rendering into memory cannot fail
            let _ = clap_mangen::Man::new(Cli::command()).render(&mut page);
            return print_whole(page);
        }
    };
    let color = read.color.enabled();
    process_all(
        &read,
        Sink::Print(printed),
        Look {
            json_output,
            with_filename,
            color,
        },
    )
}

/// A whole text on standard output: exit 2 with one line on stderr when it
/// cannot be written.
fn print_whole(text: Vec<u8>) -> ExitCode {
    let mut out = Output::new(true, false);
    let stop = out.write(&text).err();
    match out.close(stop) {
        Some(Stop::Failed) => ExitCode::from(2),
        _ => ExitCode::SUCCESS,
    }
}

/// `export`: rows to a Parquet, CSV or NDJSON file.
fn export(args: ExportArgs) -> ExitCode {
    let label = input::label(&args.output);
    let Some(format) = args
        .format
        .or_else(|| ExportFormatArg::from_extension(&args.output))
    else {
        eprintln!(
            "dts-job-detail: {}: give --format (parquet, csv or ndjson): the extension does not say",
            output::escape(&label)
        );
        return ExitCode::from(2);
    };
    let destination = match Destination::open(&args.output) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("dts-job-detail: {}: {e}", output::escape(&label));
            return ExitCode::from(2);
        }
    };
    let to_stdout = destination.is_stdout();
    let writer = match RowWriter::new(format.format(), io::BufWriter::new(destination)) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("dts-job-detail: {}: {e}", output::escape(&label));
            return ExitCode::from(2);
        }
    };
    let mut read = args.read;
    // rows on stdout and a bar on the same terminal would share lines
    read.no_progress |= to_stdout;
    rows_to(Sink::Export { writer, label }, read)
}

/// `export` and `metrics`: every response's rows into `sink`.
fn rows_to(sink: Sink, read: ReadArgs) -> ExitCode {
    process_all(&read, sink, Look::default())
}

/// How printed results look (rows have one look).
#[derive(Default)]
struct Look {
    json_output: bool,
    with_filename: bool,
    color: bool,
}

/// Where the results of a batch go.
enum Sink {
    /// Printed in input order.
    Print(Printed),
    /// Rows written to an export file.
    Export {
        writer: RowWriter<io::BufWriter<Destination>>,
        label: String,
    },
    /// Rows gathered into one exposition (its families spooled to
    /// temporary files batch by batch), printed at the end.
    Metrics(spool::Spooled),
    /// Rows seen as jobs: printed, or held or counted until the end.
    Jobs(jobs::View),
}

impl Sink {
    /// What the workers make for this sink.
    fn mode(&self) -> Mode {
        match self {
            Sink::Print(printed) => Mode::Print(*printed),
            Sink::Export { .. } | Sink::Metrics(_) | Sink::Jobs(_) => Mode::Rows,
        }
    }
}

/// Reads every input of `read` and hands each result to `sink`.
fn process_all(read: &ReadArgs, mut sink: Sink, look: Look) -> ExitCode {
    let mut settings = Settings {
        mode: sink.mode(),
        json_output: look.json_output,
        with_filename: look.with_filename,
        color: look.color,
        parser: read.parse.parser(),
        label_width: 0,
    };
    let mut out = Output::new(read.quiet || read.no_progress, read.quiet);
    let mut status = Status::default();
    let globs = match input::Globs::new(&read.glob) {
        Ok(globs) => globs,
        Err(e) => {
            out.message(&e);
            return ExitCode::from(2);
        }
    };
    let walk = input::Walk {
        follow: read.follow,
        ndjson: read.ndjson,
        globs,
    };
    let sources = input::expand(
        &read.inputs,
        &walk,
        &mut |note| match note {
            WalkNote::Unreadable((label, reason)) => status.unreadable(&out, &label, &reason),
            WalkNote::Loop(message) | WalkNote::Skipped(message) => out.message(&message),
        },
        &mut |found| out.walking(found),
    );
    let line_suffix = if read.ndjson { 7 } else { 0 };
    settings.label_width = sources
        .iter()
        .map(|s| s.label().chars().count() + line_suffix)
        .max()
        .unwrap_or(0);
    out.reading((!read.ndjson).then_some(sources.len()));
    let stop = read_all(
        &settings,
        &sources,
        read,
        &mut Pipeline {
            out: &mut out,
            status: &mut status,
            sink: &mut sink,
        },
    );
    let stop = match sink {
        Sink::Print(Printed::Check) if stop.is_none() && !settings.json_output => {
            out.print(&format!("{}\n", status.summary())).err()
        }
        Sink::Print(_) => stop,
        Sink::Export { writer, label } => close_export(writer, &label, stop, &out),
        Sink::Metrics(spooled) => stop.or_else(|| spooled.finish(&mut out).err()),
        Sink::Jobs(view) => stop.or_else(|| view.finish(&mut out).err()),
    };
    match out.close(stop) {
        Some(Stop::Failed) => ExitCode::from(2),
        _ => status.exit_code(settings.mode),
    }
}

/// Ends an export: the writer finished and the file put in place, unless
/// writing stopped already (then a file being replaced stays as it was).
fn close_export(
    writer: RowWriter<io::BufWriter<Destination>>,
    label: &str,
    stop: Option<Stop>,
    out: &Output,
) -> Option<Stop> {
    if stop.is_some() {
        return stop;
    }
    let committed = match writer.finish() {
        Ok(file) => Destination::commit(file),
        Err(e) => Err(io_error(e)),
    };
    committed.err().map(|e| export_stop(out, label, &e))
}

/// The `io::Error` behind an export's error (the writer keeps it as the
/// source), or one that says it.
fn io_error(e: dts_job_detail::Error) -> io::Error {
    match std::error::Error::source(&e).and_then(|s| s.downcast_ref::<io::Error>()) {
        Some(io) => io::Error::new(io.kind(), e.to_string()),
        None => io::Error::other(e.to_string()),
    }
}

/// Why an export stopped: quietly for a closed pipe (`export -o - | head`),
/// else with one line on stderr.
fn export_stop(out: &Output, label: &str, e: &io::Error) -> Stop {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return Stop::ClosedPipe;
    }
    out.message(&format!("{label}: {e}"));
    Stop::Failed
}

/// What a batch's results go through.
struct Pipeline<'a> {
    out: &'a mut Output,
    status: &'a mut Status,
    sink: &'a mut Sink,
}

/// A document of a batch: read already (a line of a log, standard input), or
/// a file that the worker parsing it reads, so files are read in parallel.
enum Pending<'a> {
    Read(Unit),
    File(&'a Source),
}

/// Reads every source in batches bounded in documents and bytes, parses each
/// batch in parallel and hands it on in input order.
fn read_all(
    settings: &Settings,
    sources: &[Source],
    read: &ReadArgs,
    pipe: &mut Pipeline<'_>,
) -> Option<Stop> {
    let max_size = read.parse.max_size;
    let mut batch = Batch {
        items: Vec::with_capacity(BATCH_DOCUMENTS),
        bytes: 0,
    };
    for source in sources {
        if let (Source::File(path), false) = (source, read.ndjson) {
            // what the worker will hold: the file's size, within the limit
            let size = std::fs::metadata(path).map_or(0, |m| m.len());
            let size = usize::try_from(size).unwrap_or(usize::MAX).min(max_size);
            if let Some(stop) = batch.add(Pending::File(source), size, settings, max_size, pipe) {
                return Some(stop);
            }
            continue;
        }
        for unit in input::units(source, read.ndjson, max_size) {
            match unit {
                Ok(unit) => {
                    let size = unit.bytes.len();
                    if let Some(stop) = batch.add(Pending::Read(unit), size, settings, max_size, pipe) {
                        return Some(stop);
                    }
                }
                Err((label, reason)) => {
                    pipe.status.unreadable(pipe.out, &label, &reason);
                    pipe.out.advance(1);
                }
            }
        }
    }
    flush(settings, &mut batch.items, max_size, pipe)
}

/// The documents being gathered, and their bytes.
struct Batch<'a> {
    items: Vec<Pending<'a>>,
    bytes: usize,
}

impl<'a> Batch<'a> {
    /// Adds a document of `size` bytes, after flushing the batch when it is full.
    fn add(
        &mut self,
        pending: Pending<'a>,
        size: usize,
        settings: &Settings,
        max_size: usize,
        pipe: &mut Pipeline<'_>,
    ) -> Option<Stop> {
        let mut stop = None;
        if !self.items.is_empty() && (self.items.len() == BATCH_DOCUMENTS || self.bytes + size > BATCH_BYTES)
        {
            stop = flush(settings, &mut self.items, max_size, pipe);
            self.bytes = 0;
        }
        self.bytes += size;
        self.items.push(pending);
        stop
    }
}

/// Reads (files) and parses a batch in parallel and hands it on in input
/// order; `Some` when writing has to stop.
fn flush(
    settings: &Settings,
    batch: &mut Vec<Pending<'_>>,
    max_size: usize,
    pipe: &mut Pipeline<'_>,
) -> Option<Stop> {
    let outcomes: Vec<Outcome> = batch
        .par_iter()
        .map(|pending| match pending {
            Pending::Read(unit) => report::process(settings, unit),
            Pending::File(source) => match input::units(source, false, max_size).next() {
                Some(Ok(unit)) => report::process(settings, &unit),
                Some(Err((label, reason))) => Outcome::Unreadable { label, reason },
                None => Outcome::Unreadable {
                    label: source.label(),
                    reason: "nothing to read".to_owned(),
                },
            },
        })
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
                pipe.status.read += 1;
                pipe.status.errors += errors;
                pipe.status.warnings += warnings;
                if let Err(stop) = pipe.out.print(&text) {
                    return Some(stop);
                }
            }
            Outcome::Rows(rows) => {
                pipe.status.read += 1;
                match pipe.sink {
                    Sink::Export { writer, label, .. } => {
                        if let Err(e) = writer.write_rows(&rows) {
                            return Some(export_stop(pipe.out, label, &io_error(e)));
                        }
                    }
                    Sink::Metrics(exposition) => exposition.add(&rows),
                    Sink::Jobs(view) => {
                        if let Err(stop) = view.add(&rows, pipe.out) {
                            return Some(stop);
                        }
                    }
                    // rows are made only for a sink of rows (`Sink::mode`)
                    Sink::Print(_) => debug_assert!(false, "rows for a printing sink"),
                }
            }
            Outcome::Unreadable { label, reason } => pipe.status.unreadable(pipe.out, &label, &reason),
        }
    }
    if let Sink::Metrics(spooled) = pipe.sink
        && let Err(e) = spooled.spill()
    {
        pipe.out
            .message(&format!("keeping the samples in a temporary file: {e}"));
        return Some(Stop::Failed);
    }
    pipe.out.advance(count);
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
        } else if mode == Mode::Print(Printed::Check) && self.errors > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
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
