//! What each subcommand prints for one document.

use std::fmt::Write as _;
use std::io::IsTerminal;

use dts_job_detail::{Response, Severity, json, xml};
use serde_json::{Value, json as j};

use super::input::{Source, Unit};
use super::{Mode, Settings};

/// The result of one document.
pub(crate) enum Outcome {
    /// Read: the text to print and its diagnostic counts.
    Printed {
        text: String,
        errors: usize,
        warnings: usize,
    },
    /// Not read at all.
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
        Mode::Json => json::to_string(&resp) + "\n",
        Mode::Xml => match xml::to_string(&resp) {
            Ok(text) => text + "\n",
            Err(e) => {
                return Outcome::Unreadable {
                    label: unit.label.clone(),
                    reason: format!("cannot be written as XML: {e}"),
                };
            }
        },
        Mode::Check => {
            let report = resp.validate_with(settings.parser.options());
            let mut text = String::new();
            for d in &report {
                match d.severity {
                    Severity::Error => errors += 1,
                    Severity::Warning => warnings += 1,
                }
                if settings.json_output {
                    let mut obj = j!({
                        "file": unit.file, "path": d.path, "code": d.code.as_str(),
                        "severity": d.severity.as_str(), "message": d.message,
                    });
                    if let (Some(line), Some(map)) = (unit.line, obj.as_object_mut()) {
                        map.insert("line".into(), j!(line));
                    }
                    text.push_str(&obj.to_string());
                    text.push('\n');
                } else {
                    let severity = paint(settings.color, d.severity);
                    let path = if d.path.is_empty() { "/" } else { &d.path };
                    let _ = writeln!(
                        text,
                        "{:<width$}  {severity}  {:<21}  {path}  {}",
                        unit.label,
                        d.code.as_str(),
                        d.message,
                        width = settings.label_width
                    );
                }
            }
            text
        }
        Mode::Inspect => inspect(settings, unit, &resp),
    };
    Outcome::Printed {
        text,
        errors,
        warnings,
    }
}

fn paint(color: bool, severity: Severity) -> String {
    let name = format!("{:<7}", severity.as_str());
    match (color, severity) {
        (false, _) => name,
        (true, Severity::Error) => format!("\x1b[31m{name}\x1b[0m"),
        (true, Severity::Warning) => format!("\x1b[33m{name}\x1b[0m"),
    }
}

/// The `inspect` summary: JSON field names are part of the CLI's contract.
fn inspect(settings: &Settings, unit: &Unit, resp: &Response) -> String {
    let summary = match resp {
        Response::Detail(detail) => {
            let d = detail.job_with(settings.parser.options());
            let status = d.status();
            let error = d.error();
            j!({
                "TaskKind": d.task_kind().as_str(),
                "Status": status.as_ref().map(|s| s.raw.clone()),
                "StatusKnown": status.as_ref().is_some_and(|s| s.known.is_some()),
                "DelayMillis": d.delay().map(|t| u64::try_from(t.as_millis()).unwrap_or(u64::MAX)),
                "Checkpoint": d.checkpoint(),
                "ErrorCode": error.as_ref().map(|e| e.code.clone()),
                "ErrorMessage": error.as_ref().map(|e| e.message.clone()),
                "SubJobs": d.sub_jobs().count(),
            })
        }
        Response::Error(env) => {
            let e = env.error();
            j!({
                "TaskKind": "unknown", "Status": null, "StatusKnown": false, "DelayMillis": null,
                "Checkpoint": null, "ErrorCode": e.code, "ErrorMessage": e.message, "SubJobs": 0,
            })
        }
    };
    if settings.json_output {
        let mut obj = j!({ "file": unit.file });
        if let (Some(map), Some(line)) = (obj.as_object_mut(), unit.line) {
            map.insert("line".into(), j!(line));
        }
        if let (Some(map), Value::Object(fields)) = (obj.as_object_mut(), summary) {
            map.extend(fields);
        }
        return obj.to_string() + "\n";
    }
    let field = |k: &str| match summary.get(k) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => "-".to_owned(),
        Some(v) => v.to_string(),
    };
    let status = match (field("Status"), summary.get("StatusKnown")) {
        (s, Some(Value::Bool(false))) if s != "-" => format!("{s}?"),
        (s, _) => s,
    };
    let delay = match summary.get("DelayMillis") {
        Some(Value::Number(n)) => format!("{n}ms"),
        _ => "-".to_owned(),
    };
    let error = match field("ErrorCode").as_str() {
        "-" => String::new(),
        code => format!("  error {code}: {}", field("ErrorMessage")),
    };
    format!(
        "{:<width$}  {:<15}  {:<16}  delay {:<9}  checkpoint {:<10}  sub-jobs {}{error}\n",
        unit.label,
        field("TaskKind"),
        status,
        delay,
        field("Checkpoint"),
        field("SubJobs"),
        width = settings.label_width,
    )
}

/// A progress bar on stderr, only when stderr is a terminal.
/// Its length is the number of files, unknown for NDJSON.
pub(crate) fn progress(sources: &[Source], ndjson: bool) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    if ndjson {
        return indicatif::ProgressBar::no_length();
    }
    let bar = indicatif::ProgressBar::new(sources.len() as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} documents {elapsed}") {
        bar.set_style(style);
    }
    bar
}
