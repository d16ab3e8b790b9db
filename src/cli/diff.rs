//! `diff OLD NEW`: the changes between two saved responses, one per line.

use std::process::ExitCode;

use anstyle::{AnsiColor, Style};
use dts_job_detail::diff::{Change, ChangeKind, as_xml_carries, diff};
use dts_job_detail::{Format, Response, sniff};

use super::args::DiffArgs;
use super::input::{self, Source};
use super::output::{Output, Stop, escape};

pub(super) fn run(args: &DiffArgs) -> ExitCode {
    let parser = args.parse.parser();
    // both documents are read first: one memory budget covers the two models
    let read = |path: &std::path::Path| -> Result<(String, Vec<u8>), ()> {
        let source = if path.as_os_str() == "-" {
            Source::Stdin
        } else {
            Source::File(path.to_owned())
        };
        let label = source.label();
        let read = match input::units(&source, false, args.parse.max_size).next() {
            Some(Ok(unit)) => Ok(unit.bytes),
            Some(Err((_, reason))) => Err(reason),
            None => Err("nothing to read".to_owned()),
        };
        read.map(|bytes| (label.clone(), bytes))
            .map_err(|reason| eprintln!("dts-job-detail: {}: {}", escape(&label), escape(&reason)))
    };
    let (old, new) = (read(&args.old), read(&args.new));
    let (Ok(old), Ok(new)) = (old, new) else {
        return ExitCode::from(2);
    };
    // the budget of one document of both sizes, a third to each model (the
    // rest for the trees the comparison builds), unless --max-memory says
    let parser = match args.parse.max_memory {
        Some(_) => parser,
        None => {
            let total = old.1.len().saturating_add(new.1.len());
            parser.max_memory(total.saturating_mul(6).saturating_add(48 << 20) / 3)
        }
    };
    let parse = |(label, bytes): &(String, Vec<u8>)| -> Result<(Response, Option<Format>), ()> {
        parser
            .parse(bytes)
            .map(|r| (r, form(bytes)))
            .map_err(|e| eprintln!("dts-job-detail: {}: {}", escape(label), escape(&e.to_string())))
    };
    let (old, new) = (parse(&old), parse(&new));
    let (Ok((mut old, old_form)), Ok((mut new, new_form))) = (old, new) else {
        return ExitCode::from(2);
    };
    // one response in its two forms has no changes: the JSON side is compared
    // as the XML form carries it
    match (old_form, new_form) {
        (Some(Format::Json), Some(Format::Xml)) => old = as_xml_carries(&old),
        (Some(Format::Xml), Some(Format::Json)) => new = as_xml_carries(&new),
        _ => {}
    }
    let changes = diff(&old, &new, parser.options());
    let color = args.color.enabled();
    let mut text = String::new();
    for change in &changes {
        match args.format {
            super::Format::Json => {
                text.push_str(&serde_json::to_string(change).unwrap_or_default());
                text.push('\n');
            }
            super::Format::Text => line(&mut text, change, color),
        }
    }
    let mut out = Output::new(true, false);
    let stop = out.print(&text).err();
    match out.close(stop) {
        Some(Stop::Failed) => ExitCode::from(2),
        _ => ExitCode::from(u8::from(!changes.is_empty())),
    }
}

/// `kind  path  old → new`, values as compact JSON, `(absent)` for none.
fn line(out: &mut String, change: &Change, color: bool) {
    let value = |v: &Option<dts_job_detail::Value>| match v {
        Some(v) => escape(&v.to_string()).into_owned(),
        None => "(absent)".to_owned(),
    };
    let kind = format!("{:<11}", change.kind.as_str());
    let kind = if color {
        let color = match change.kind {
            ChangeKind::Status | ChangeKind::Delay | ChangeKind::Checkpoint | ChangeKind::Stage => {
                AnsiColor::Yellow
            }
            ChangeKind::JobAdded | ChangeKind::Added => AnsiColor::Green,
            ChangeKind::JobRemoved | ChangeKind::Removed => AnsiColor::Red,
            _ => AnsiColor::Cyan,
        };
        let style = Style::new().fg_color(Some(color.into()));
        format!("{style}{kind}{style:#}")
    } else {
        kind
    };
    let number = |v: &Option<dts_job_detail::Value>| v.as_ref()?.as_number()?.as_i64();
    let (old, new, note) = match change.kind {
        ChangeKind::Delay => {
            let ms = |v: &Option<dts_job_detail::Value>| match number(v) {
                Some(n) => format!("{n} ms"),
                None => value(v),
            };
            (ms(&change.old), ms(&change.new), String::new())
        }
        ChangeKind::Checkpoint => {
            let advance = match (number(&change.old), number(&change.new)) {
                (Some(a), Some(b)) => format!(" ({:+} s)", b.saturating_sub(a)),
                _ => String::new(),
            };
            (value(&change.old), value(&change.new), advance)
        }
        _ => (value(&change.old), value(&change.new), String::new()),
    };
    out.push_str(&format!(
        "{kind}  {}  {old} → {new}{note}\n",
        escape(&change.path)
    ));
}

/// The form of a document as given (after a byte-order mark), when it is UTF-8.
fn form(bytes: &[u8]) -> Option<Format> {
    sniff(std::str::from_utf8(bytes).ok()?.trim_start_matches('\u{feff}'))
}
