//! What each subcommand prints for one document.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};
use dts_job_detail::{Diagnostic, Job, Response, Severity, json, xml};

use super::input::Unit;
use super::output::escape;
use super::{Mode, Printed, Settings};

/// The result of one document.
#[allow(clippy::large_enum_variant)] // made once per document, moved once
pub(crate) enum Outcome {
    /// Read: the text to print and its diagnostic counts.
    Printed {
        text: String,
        errors: usize,
        warnings: usize,
    },
    /// Read, for a sink of rows (`export`, `metrics`, `jobs`): the response
    /// and its diagnostics (found here, in parallel), its rows made by the
    /// sink one at a time (`export::Rows`), so a response of many jobs is
    /// not held twice.
    Rows {
        label: String,
        response: Response,
        diagnostics: Vec<Diagnostic>,
    },
    /// Not read at all, or not writable in the asked form.
    Unreadable { label: String, reason: String },
}

/// Parses one document and renders what the subcommand prints for it.
pub(crate) fn process(settings: &Settings, unit: &Unit) -> Outcome {
    let resp = match settings.parser.parse(&unit.bytes) {
        Ok(resp) => resp,
        Err(e) => {
            return Outcome::Unreadable {
                label: unit.label.clone(),
                reason: e.to_string(),
            };
        }
    };
    let (mut errors, mut warnings) = (0, 0);
    let text = match settings.mode {
        Mode::Rows => {
            return Outcome::Rows {
                label: unit.label.clone(),
                diagnostics: resp.validate_with(settings.parser.options()),
                response: resp,
            };
        }
        Mode::Print(Printed::Json) if settings.with_filename => {
            let mut text = String::from("{\"file\":");
            push_json_str(&mut text, &unit.file);
            if let Some(line) = unit.line {
                let _ = write!(text, ",\"line\":{line}");
            }
            text.push_str(",\"response\":");
            text.push_str(&json::to_string(&resp));
            text.push_str("}\n");
            text
        }
        Mode::Print(Printed::Json) => json::to_string(&resp) + "\n",
        Mode::Print(Printed::Xml) => match xml::to_string(&resp) {
            Ok(text) => text + "\n",
            Err(e) => {
                return Outcome::Unreadable {
                    label: unit.label.clone(),
                    reason: format!("cannot be written as XML: {e}"),
                };
            }
        },
        Mode::Print(Printed::Check) => {
            let mut text = String::new();
            for d in &resp.validate_with(settings.parser.options()) {
                if d.severity == Severity::Error {
                    errors += 1;
                } else {
                    warnings += 1;
                }
                if settings.json_output {
                    text.push_str("{\"file\":");
                    push_json_str(&mut text, &unit.file);
                    if let Some(line) = unit.line {
                        let _ = write!(text, ",\"line\":{line}");
                    }
                    for (key, value) in [
                        ("path", d.path.as_str()),
                        ("code", d.code.as_str()),
                        ("severity", d.severity.as_str()),
                        ("message", d.message.as_str()),
                    ] {
                        let _ = write!(text, ",\"{key}\":");
                        push_json_str(&mut text, value);
                    }
                    text.push_str("}\n");
                } else {
                    let path = if d.path.is_empty() { "/" } else { &d.path };
                    let _ = writeln!(
                        text,
                        "{:<width$}  {}  {:<21}  {}  {}",
                        escape(&unit.label),
                        paint(settings.color, d.severity),
                        d.code.as_str(),
                        escape(path),
                        escape(&d.message),
                        width = settings.label_width
                    );
                }
            }
            text
        }
        Mode::Print(Printed::Inspect) => inspect(settings, unit, &resp),
    };
    Outcome::Printed {
        text,
        errors,
        warnings,
    }
}

/// Appends `s` as a JSON string.
pub(crate) fn push_json_str(out: &mut String, s: &str) {
    out.push_str(&serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned()));
}

fn paint(color: bool, severity: Severity) -> String {
    let name = format!("{:<7}", severity.as_str());
    if !color {
        return name;
    }
    let style = Style::new().fg_color(Some(
        if severity == Severity::Error {
            AnsiColor::Red
        } else {
            AnsiColor::Yellow
        }
        .into(),
    ));
    format!("{style}{name}{style:#}")
}

/// The `inspect` summary of one job (a detail's top level, a list page's
/// item) or of a response without jobs; its JSON field names are part of the
/// tool's contract.
struct Summary {
    /// The job's pointer, for an item of a list page (`Pointer` in JSON).
    pointer: Option<String>,
    task_kind: &'static str,
    status: Option<String>,
    status_known: bool,
    delay_millis: Option<u128>,
    checkpoint: Option<i64>,
    error: Option<(String, String)>,
    sub_jobs: usize,
}

impl Summary {
    /// The lines of a response: a detail's one, a page's one per item (or
    /// one for the page when it has none), an envelope's one.
    fn of(settings: &Settings, resp: &Response) -> Vec<Self> {
        let options = settings.parser.options();
        match resp {
            Response::Detail(detail) => vec![Summary::job(&detail.job_with(options), None)],
            Response::Page(page) if page.jobs().next().is_none() => {
                vec![Summary::without_jobs(
                    page.error().map(|e| (e.code, e.message)),
                    Some(""),
                )]
            }
            Response::Page(page) => page
                .jobs_with(options)
                .filter(|job| job.depth() == 0)
                .map(|job| Summary::job(&job, Some(job.pointer())))
                .collect(),
            Response::Error(envelope) => {
                let e = envelope.error();
                vec![Summary::without_jobs(Some((e.code, e.message)), None)]
            }
        }
    }

    fn job(job: &Job<'_>, pointer: Option<&str>) -> Self {
        let status = job.status();
        Summary {
            pointer: pointer.map(str::to_owned),
            task_kind: job.task_kind().as_str(),
            status_known: status.as_ref().is_some_and(|s| s.known.is_some()),
            status: status.map(|s| s.raw),
            delay_millis: job.delay().map(|d| d.as_millis()),
            checkpoint: job.checkpoint(),
            error: job.error().map(|e| (e.code, e.message)),
            sub_jobs: job.sub_jobs().count(),
        }
    }

    fn without_jobs(error: Option<(String, String)>, pointer: Option<&str>) -> Self {
        Summary {
            pointer: pointer.map(str::to_owned),
            task_kind: "unknown",
            status: None,
            status_known: false,
            delay_millis: None,
            checkpoint: None,
            error,
            sub_jobs: 0,
        }
    }
}

fn inspect(settings: &Settings, unit: &Unit, resp: &Response) -> String {
    let mut out = String::new();
    for s in Summary::of(settings, resp) {
        inspect_line(settings, unit, &s, &mut out);
    }
    out
}

/// One line of `inspect`: a page's item is named `file#/DtsJobList/0`
/// (a JSON Pointer as a URI fragment), in JSON by its `Pointer`.
fn inspect_line(settings: &Settings, unit: &Unit, s: &Summary, out: &mut String) {
    if settings.json_output {
        out.push_str("{\"file\":");
        push_json_str(out, &unit.file);
        if let Some(line) = unit.line {
            let _ = write!(out, ",\"line\":{line}");
        }
        if let Some(pointer) = &s.pointer {
            out.push_str(",\"Pointer\":");
            push_json_str(out, pointer);
        }
        let _ = write!(out, ",\"TaskKind\":\"{}\",\"Status\":", s.task_kind);
        match &s.status {
            Some(status) => push_json_str(out, status),
            None => out.push_str("null"),
        }
        let _ = write!(out, ",\"StatusKnown\":{},\"DelayMillis\":", s.status_known);
        match s.delay_millis {
            Some(ms) => {
                let _ = write!(out, "{ms}");
            }
            None => out.push_str("null"),
        }
        out.push_str(",\"Checkpoint\":");
        match s.checkpoint {
            Some(c) => {
                let _ = write!(out, "{c}");
            }
            None => out.push_str("null"),
        }
        match &s.error {
            Some((code, message)) => {
                out.push_str(",\"ErrorCode\":");
                push_json_str(out, code);
                out.push_str(",\"ErrorMessage\":");
                push_json_str(out, message);
            }
            None => out.push_str(",\"ErrorCode\":null,\"ErrorMessage\":null"),
        }
        let _ = writeln!(out, ",\"SubJobs\":{}}}", s.sub_jobs);
        return;
    }
    let status = match &s.status {
        Some(raw) if s.status_known => escape(raw).into_owned(),
        Some(raw) => format!("{}?", escape(raw)),
        None => "-".to_owned(),
    };
    let delay = s.delay_millis.map_or("-".to_owned(), |ms| format!("{ms}ms"));
    let checkpoint = s.checkpoint.map_or("-".to_owned(), |c| c.to_string());
    let error = match &s.error {
        Some((code, message)) => format!("  error {}: {}", escape(code), escape(message)),
        None => String::new(),
    };
    let label = match &s.pointer {
        Some(pointer) if !pointer.is_empty() => format!("{}#{}", unit.label, pointer),
        _ => unit.label.clone(),
    };
    let _ = writeln!(
        out,
        "{:<width$}  {:<15}  {:<16}  delay {:<9}  checkpoint {:<10}  sub-jobs {}{error}",
        escape(&label),
        s.task_kind,
        status,
        delay,
        checkpoint,
        s.sub_jobs,
        width = settings.label_width,
    );
}
