//! Command-line interface (feature `cli`). Its contract — subcommands, flags,
//! JSON field names, exit codes — is called by other tools: keep it stable
//! (README, "Command line").

mod args;
mod destination;
mod diff;
mod input;
mod jobs;
mod output;
mod report;
mod spool;

use std::io;
use std::process::ExitCode;

use clap::{CommandFactory, Parser as ClapParser};
use dts_job_detail::Parser;
use dts_job_detail::export::{JobRow, RowWriter, Rows};
use rayon::prelude::*;

use args::{Cli, Command, ExportArgs, ExportFormatArg, Format, ReadArgs};

use destination::Destination;
use input::{Source, Unit, WalkNote};
use output::{Output, Stop};
use report::Outcome;

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
        Command::Man { subcommand, dir } => return man(subcommand.as_deref(), dir.as_deref()),
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

/// The manual pages: the tool's, and one per subcommand
/// (`dts-job-detail-json(1)`, …), which the main page refers to.
fn man_pages() -> Vec<(String, Vec<u8>)> {
    let cli = Cli::command();
    let mut pages = Vec::new();
    let mut render = |name: String, command: clap::Command| {
        let mut page = Vec::new();
        // rendering into memory cannot fail
        let _ = clap_mangen::Man::new(command).render(&mut page);
        pages.push((name, page));
    };
    render("dts-job-detail".to_owned(), cli.clone());
    for sub in cli.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("dts-job-detail-{}", sub.get_name());
        let command = sub
            .clone()
            .display_name(name.clone())
            .bin_name(format!("dts-job-detail {}", sub.get_name()))
            .version(env!("CARGO_PKG_VERSION"));
        render(name, command);
    }
    pages
}

/// `man`: a page on standard output, or every page into a folder.
fn man(subcommand: Option<&str>, dir: Option<&std::path::Path>) -> ExitCode {
    let pages = man_pages();
    let Some(dir) = dir else {
        let wanted =
            subcommand.map_or_else(|| "dts-job-detail".to_owned(), |s| format!("dts-job-detail-{s}"));
        return match pages.into_iter().find(|(name, _)| *name == wanted) {
            Some((_, page)) => print_whole(page),
            None => {
                let known: Vec<String> = Cli::command()
                    .get_subcommands()
                    .map(|s| s.get_name().to_owned())
                    .filter(|n| n != "help")
                    .collect();
                eprintln!(
                    "dts-job-detail: no subcommand {:?}: one of {}",
                    subcommand.unwrap_or_default(),
                    known.join(", ")
                );
                ExitCode::from(2)
            }
        };
    };
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("dts-job-detail: {}: {e}", output::escape(&input::label(dir)));
        return ExitCode::from(2);
    }
    for (name, page) in pages {
        let path = dir.join(format!("{name}.1"));
        let written = Destination::open(&path).and_then(|d| {
            let mut file = io::BufWriter::new(d);
            io::Write::write_all(&mut file, &page)
                .and_then(|()| Destination::commit(file))
                .map_err(|e| e.to_string())
        });
        if let Err(e) = written {
            eprintln!("dts-job-detail: {}: {e}", output::escape(&input::label(&path)));
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
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
        // --quiet: nothing on standard output, rows included
        Ok(d) if d.is_stdout() && args.read.quiet => Destination::Discard(io::sink()),
        Ok(d) => d,
        Err(e) => {
            eprintln!("dts-job-detail: {}: {e}", output::escape(&label));
            return ExitCode::from(2);
        }
    };
    let to_stdout = destination.is_stdout() || matches!(destination, Destination::Discard(_));
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

/// How many rows of a response a sink takes at a time.
const ROWS_AT_ONCE: usize = 256;

impl Sink {
    /// Takes some rows of a response (the samples of `metrics` go to their
    /// files at once); a stop when the output failed.
    fn take_rows(&mut self, rows: &[JobRow], out: &mut Output) -> Option<Stop> {
        match self {
            Sink::Export { writer, label } => writer
                .write_rows(rows)
                .err()
                .map(|e| export_stop(out, label, &io_error(e))),
            Sink::Metrics(spooled) => spooled.add(rows).err().map(|e| {
                out.message(&format!("keeping the samples in a temporary file: {e}"));
                Stop::Failed
            }),
            Sink::Jobs(view) => view.add(rows, out).err(),
            // rows are made only for a sink of rows (`Sink::mode`)
            Sink::Print(_) => {
                debug_assert!(false, "rows for a printing sink");
                None
            }
        }
    }

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
            Outcome::Rows {
                label,
                response,
                diagnostics,
            } => {
                pipe.status.read += 1;
                let options = settings.parser.options();
                let mut rows = Rows::new(&label, &response, options, &diagnostics).peekable();
                while rows.peek().is_some() {
                    let chunk: Vec<JobRow> = rows.by_ref().take(ROWS_AT_ONCE).collect();
                    if let Some(stop) = pipe.sink.take_rows(&chunk, pipe.out) {
                        return Some(stop);
                    }
                }
            }
            Outcome::Unreadable { label, reason } => pipe.status.unreadable(pipe.out, &label, &reason),
        }
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
