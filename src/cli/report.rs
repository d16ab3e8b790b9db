//! What each subcommand prints for one document.

use std::fmt::Write as _;

use anstyle::{AnsiColor, Style};
use dts_job_detail::{Diagnostic, Response, Severity, json, xml};

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

/// The `inspect` summary of one response; its JSON field names are part of
/// the tool's contract.
struct Summary {
    task_kind: &'static str,
    status: Option<String>,
    status_known: bool,
    delay_millis: Option<u128>,
    checkpoint: Option<i64>,
    error: Option<(String, String)>,
    sub_jobs: usize,
}

impl Summary {
    fn of(settings: &Settings, resp: &Response) -> Self {
        match resp {
            Response::Detail(detail) => {
                let job = detail.job_with(settings.parser.options());
                let status = job.status();
                Summary {
                    task_kind: job.task_kind().as_str(),
                    status_known: status.as_ref().is_some_and(|s| s.known.is_some()),
                    status: status.map(|s| s.raw),
                    delay_millis: job.delay().map(|d| d.as_millis()),
                    checkpoint: detail.checkpoint(),
                    error: detail.error().map(|e| (e.code, e.message)),
                    sub_jobs: job.sub_jobs().count(),
                }
            }
            Response::Error(envelope) => {
                let e = envelope.error();
                Summary {
                    task_kind: "unknown",
                    status: None,
                    status_known: false,
                    delay_millis: None,
                    checkpoint: None,
                    error: Some((e.code, e.message)),
                    sub_jobs: 0,
                }
            }
        }
    }
}

fn inspect(settings: &Settings, unit: &Unit, resp: &Response) -> String {
    let s = Summary::of(settings, resp);
    let mut out = String::new();
    if settings.json_output {
        out.push_str("{\"file\":");
        push_json_str(&mut out, &unit.file);
        if let Some(line) = unit.line {
            let _ = write!(out, ",\"line\":{line}");
        }
        let _ = write!(out, ",\"TaskKind\":\"{}\",\"Status\":", s.task_kind);
        match &s.status {
            Some(status) => push_json_str(&mut out, status),
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
                push_json_str(&mut out, code);
                out.push_str(",\"ErrorMessage\":");
                push_json_str(&mut out, message);
            }
            None => out.push_str(",\"ErrorCode\":null,\"ErrorMessage\":null"),
        }
        let _ = writeln!(out, ",\"SubJobs\":{}}}", s.sub_jobs);
        return out;
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
    let _ = writeln!(
        out,
        "{:<width$}  {:<15}  {:<16}  delay {:<9}  checkpoint {:<10}  sub-jobs {}{error}",
        escape(&unit.label),
        s.task_kind,
        status,
        delay,
        checkpoint,
        s.sub_jobs,
        width = settings.label_width,
    );
    out
}
