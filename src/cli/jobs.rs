//! `jobs`: one line per job at any depth — filtered, sorted or counted. A
//! view over the export's rows, so a job's kind, status, class and delay
//! mean here what they mean in a Parquet column or a metric.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::Duration;

use chrono::SecondsFormat;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, ValueEnum};
use dts_job_detail::export::JobRow;
use dts_job_detail::{StatusClass, TaskKind};

use super::args::{Format, ReadArgs, number_and_unit};
use super::output::{Output, Stop, escape};
use super::report::push_json_str;

#[derive(Args, Debug)]
pub(crate) struct JobsArgs {
    #[command(flatten)]
    pub(crate) read: ReadArgs,
    /// `json`: one object per job (or per count) and line.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Only jobs whose status is of this class (repeat for several).
    #[arg(long, value_name = "CLASS", value_parser = named(StatusClass::ALL, StatusClass::as_str))]
    status_class: Vec<StatusClass>,
    /// Only jobs of this task kind (repeat for several).
    #[arg(long, value_parser = named(TaskKind::ALL, TaskKind::as_str))]
    kind: Vec<TaskKind>,
    /// Only jobs whose Delay may be at least this long: `90` (seconds), `90s`,
    /// `500ms`, `5m`, `1h`. A Delay whose unit is unknown (no task kind) counts
    /// by its longest meaning, seconds, so no slow job is missed.
    #[arg(long, value_name = "DURATION", value_parser = duration)]
    min_delay: Option<Duration>,
    /// Print the jobs sorted: `delay` longest first, `checkpoint` oldest
    /// first (one line per job is held until the end).
    #[arg(long, value_enum)]
    sort: Option<SortKey>,
    /// Print how many jobs have each status, status class or kind, instead
    /// of the jobs.
    #[arg(long, value_enum, value_name = "KEY", conflicts_with = "sort")]
    count_by: Option<CountKey>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum SortKey {
    Delay,
    Checkpoint,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum CountKey {
    Status,
    StatusClass,
    Kind,
}

impl CountKey {
    fn name(self) -> &'static str {
        match self {
            CountKey::Status => "status",
            CountKey::StatusClass => "status_class",
            CountKey::Kind => "kind",
        }
    }
}

/// A value parser for one of the library's named enums: its names are the
/// possible values (and the help lists them), so the flag and the library
/// cannot disagree on a name.
fn named<T: Copy + Send + Sync + 'static>(
    all: &'static [T],
    name: fn(T) -> &'static str,
) -> impl TypedValueParser<Value = T> {
    PossibleValuesParser::new(all.iter().map(|t| name(*t))).try_map(move |given: String| {
        all.iter()
            .copied()
            .find(|t| name(*t) == given)
            .ok_or("not a name")
    })
}

/// `--min-delay`: a duration with an optional unit (a bare number is seconds).
fn duration(text: &str) -> Result<Duration, String> {
    let (n, unit) = number_and_unit(text)
        .ok_or_else(|| "expected a whole number with an optional unit: 90, 90s, 500ms, 5m, 1h".to_owned())?;
    let seconds = |factor: u64| {
        n.checked_mul(factor)
            .map(Duration::from_secs)
            .ok_or_else(|| "too long".to_owned())
    };
    match unit {
        "" | "s" => Ok(Duration::from_secs(n)),
        "ms" => Ok(Duration::from_millis(n)),
        "m" => seconds(60),
        "h" => seconds(3600),
        other => Err(format!("{other:?} is not a unit: use ms, s, m or h")),
    }
}

/// The view: what to keep, and how to print it.
pub(crate) struct View {
    json: bool,
    classes: Vec<StatusClass>,
    kinds: Vec<TaskKind>,
    min_delay: Option<Duration>,
    sort: Option<SortKey>,
    count_by: Option<CountKey>,
    /// The lines held for `--sort`, with their keys.
    held: Vec<(Option<i128>, String)>,
    /// The counts of `--count-by` (`None`: no value, such as no status).
    counts: BTreeMap<Option<String>, usize>,
}

impl JobsArgs {
    /// The inputs to read and the view to print.
    pub(crate) fn into_parts(self) -> (ReadArgs, View) {
        let view = View {
            json: self.format == Format::Json,
            classes: self.status_class,
            kinds: self.kind,
            min_delay: self.min_delay,
            sort: self.sort,
            count_by: self.count_by,
            held: Vec::new(),
            counts: BTreeMap::new(),
        };
        (self.read, view)
    }
}

/// `Delay` in milliseconds at its longest meaning: in the kind's unit, or,
/// when the unit is unknown, in seconds; `None` when absent or negative (in
/// `i128`: a Delay near the top of `i64` is the longest, not lost).
fn longest_delay_ms(row: &JobRow) -> Option<i128> {
    let raw = i128::from(row.delay_raw.filter(|d| *d >= 0)?);
    let unit = row.task_kind.delay_unit().unwrap_or(Duration::from_secs(1));
    Some(raw * i128::try_from(unit.as_millis()).unwrap_or(1000))
}

impl View {
    fn keeps(&self, row: &JobRow) -> bool {
        (self.classes.is_empty() || self.classes.contains(&row.status_class))
            && (self.kinds.is_empty() || self.kinds.contains(&row.task_kind))
            && self.min_delay.is_none_or(|min| {
                let min = i128::try_from(min.as_millis()).unwrap_or(i128::MAX);
                longest_delay_ms(row).is_some_and(|d| d >= min)
            })
    }

    /// Takes a response's rows: prints the jobs kept, or holds or counts them.
    pub(crate) fn add(&mut self, rows: &[JobRow], out: &mut Output) -> Result<(), Stop> {
        for row in rows {
            if !self.keeps(row) {
                continue;
            }
            if let Some(key) = self.count_by {
                let value = match key {
                    CountKey::Status => row.status.as_deref().map(str::to_owned),
                    CountKey::StatusClass => Some(row.status_class.as_str().to_owned()),
                    CountKey::Kind => Some(row.task_kind.as_str().to_owned()),
                };
                *self.counts.entry(value).or_default() += 1;
                continue;
            }
            let line = self.line(row);
            match self.sort {
                None => out.print(&line)?,
                Some(SortKey::Delay) => self.held.push((longest_delay_ms(row).map(|d| -d), line)),
                Some(SortKey::Checkpoint) => self
                    .held
                    .push((row.checkpoint.map(|t| i128::from(t.timestamp())), line)),
            }
        }
        Ok(())
    }

    /// Prints what was held or counted.
    pub(crate) fn finish(mut self, out: &mut Output) -> Result<(), Stop> {
        if let Some(key) = self.count_by {
            let mut counts: Vec<(Option<String>, usize)> =
                std::mem::take(&mut self.counts).into_iter().collect();
            counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let mut text = String::new();
            for (value, count) in counts {
                if self.json {
                    text.push_str("{\"");
                    text.push_str(key.name());
                    text.push_str("\":");
                    push_opt(&mut text, value.as_deref());
                    let _ = writeln!(text, ",\"count\":{count}}}");
                } else {
                    let _ = writeln!(text, "{count:>7}  {}", escape(value.as_deref().unwrap_or("-")));
                }
            }
            return out.print(&text);
        }
        // stable: jobs with the same key keep their input order; no key last
        self.held.sort_by_key(|(key, _)| (key.is_none(), *key));
        for (_, line) in self.held {
            out.print(&line)?;
        }
        Ok(())
    }

    fn line(&self, row: &JobRow) -> String {
        let checkpoint = row
            .checkpoint
            .map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true));
        let mut text = String::new();
        if self.json {
            text.push_str("{\"file\":");
            push_json_str(&mut text, &row.file);
            text.push_str(",\"pointer\":");
            push_json_str(&mut text, &row.pointer);
            text.push_str(",\"job_id\":");
            push_opt(&mut text, row.dts_job_id.as_deref());
            let _ = write!(text, ",\"kind\":\"{}\",\"status\":", row.task_kind.as_str());
            push_opt(&mut text, row.status.as_deref());
            let _ = write!(
                text,
                ",\"status_class\":\"{}\",\"delay_ms\":",
                row.status_class.as_str()
            );
            push_number(&mut text, row.delay_ms);
            text.push_str(",\"delay_raw\":");
            push_number(&mut text, row.delay_raw);
            text.push_str(",\"checkpoint\":");
            push_opt(&mut text, checkpoint.as_deref());
            text.push_str("}\n");
        } else {
            let pointer = if row.pointer.is_empty() { "/" } else { &row.pointer };
            // a raw Delay where no duration was made: `?` when the unit is
            // unknown, else the number in the kind's unit (negative: as sent)
            let delay = match (row.delay_ms, row.delay_raw, row.task_kind.delay_unit()) {
                (Some(ms), ..) => format_delay(ms),
                (None, Some(raw), None) => format!("{raw}?"),
                (None, Some(raw), Some(unit)) if unit < Duration::from_secs(1) => format!("{raw}ms"),
                (None, Some(raw), Some(_)) => format!("{raw}s"),
                (None, None, _) => "-".to_owned(),
            };
            let _ = writeln!(
                text,
                "{}  {}  {}  {}  {}  {}  delay {}  checkpoint {}",
                escape(&row.file),
                escape(pointer),
                escape(row.dts_job_id.as_deref().unwrap_or("-")),
                row.task_kind.as_str(),
                escape(row.status.as_deref().unwrap_or("-")),
                row.status_class.as_str(),
                delay,
                checkpoint.as_deref().unwrap_or("-"),
            );
        }
        text
    }
}

/// A delay as people read it: `250ms`, `1.5s`, `75s`.
fn format_delay(ms: i64) -> String {
    if ms < 1000 {
        format!("{ms}ms")
    } else if ms % 1000 == 0 {
        format!("{}s", ms / 1000)
    } else {
        let fraction = format!("{:03}", ms % 1000);
        format!("{}.{}s", ms / 1000, fraction.trim_end_matches('0'))
    }
}

fn push_opt(out: &mut String, s: Option<&str>) {
    match s {
        Some(s) => push_json_str(out, s),
        None => out.push_str("null"),
    }
}

fn push_number(out: &mut String, n: Option<i64>) {
    match n {
        Some(n) => {
            let _ = write!(out, "{n}");
        }
        None => out.push_str("null"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_take_units() {
        assert_eq!(duration("90"), Ok(Duration::from_secs(90)));
        assert_eq!(duration("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(duration("5m"), Ok(Duration::from_secs(300)));
        assert_eq!(duration("1h"), Ok(Duration::from_secs(3600)));
        assert!(duration("1d").is_err() && duration("s").is_err() && duration("-1s").is_err());
    }

    #[test]
    fn delays_read_as_people_write_them() {
        assert_eq!(format_delay(250), "250ms");
        assert_eq!(format_delay(1500), "1.5s");
        assert_eq!(format_delay(75_000), "75s");
        assert_eq!(format_delay(1001), "1.001s");
    }
}
