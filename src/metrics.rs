//! Prometheus text exposition (format 0.0.4) of jobs, for node_exporter's
//! textfile collector: every job and nested job of every response, from its
//! [export rows](crate::export::rows), so a value means the same in a metric
//! as in a Parquet column.
//!
//! | family | type | labels (besides `file`, `pointer`, `job_id`) | value |
//! |---|---|---|---|
//! | `dts_job_info` | gauge | `name`, `kind`, `status` (the documented spelling when known), `status_known`, `status_class` | 1 |
//! | `dts_job_delay_seconds` | gauge | | `Delay` in seconds (only when its unit is known) |
//! | `dts_job_checkpoint_timestamp_seconds` | gauge | | `Checkpoint` (UNIX seconds) |
//! | `dts_job_stage_percent` | gauge | `stage` (`data_initialization`, `data_synchronization`) | `Percent` |
//! | `dts_job_diagnostics` | gauge | `severity` (`error`, `warning`) | diagnostics of the job |
//! | `dts_job_error` | gauge | `code` (`ErrCode`, or a gateway envelope's `Code`) | 1, for a response or job that reports an API error |
//!
//! `file` and `pointer` make every series unique even when several saved
//! responses of one job are exposed together. Label values are escaped as
//! the format requires (`\\`, `\"`, `\n`).
//!
//! ```
//! use dts_job_detail::{export, metrics::Exposition};
//! let resp = dts_job_detail::json::from_str(r#"{"RequestId":"r","DtsJobId":"j","JobType":"SYNC",
//!     "DtsJobName":"say \"hi\"","Status":"Synchronizing","Delay":3}"#)?;
//! let mut exposition = Exposition::new();
//! exposition.add(&export::rows("saved.json", &resp, &Default::default()));
//! let text = exposition.finish();
//! assert!(text.contains(r#"dts_job_info{file="saved.json",pointer="",job_id="j",name="say \"hi\"",kind="synchronization",status="Synchronizing",status_known="true",status_class="running"} 1"#));
//! assert!(text.contains(r#"dts_job_delay_seconds{file="saved.json",pointer="",job_id="j"} 3"#));
//! # Ok::<(), dts_job_detail::Error>(())
//! ```

use std::fmt::Write as _;

use crate::export::JobRow;
use crate::value::format_float;

/// The families, in the order they are written: name, help.
const FAMILIES: [(&str, &str); 6] = [
    (
        "dts_job_info",
        "A DTS job of a saved DescribeDtsJobDetail response (always 1).",
    ),
    (
        "dts_job_delay_seconds",
        "Delay of the job in seconds (migration: milliseconds in the response; synchronization and change tracking: seconds).",
    ),
    (
        "dts_job_checkpoint_timestamp_seconds",
        "Checkpoint of the job as a UNIX time in seconds.",
    ),
    (
        "dts_job_stage_percent",
        "Progress of a stage of the job, 0 to 100.",
    ),
    (
        "dts_job_diagnostics",
        "Diagnostics of the job (not of the jobs nested in it) by severity.",
    ),
    (
        "dts_job_error",
        "An API error the response reports for the job (its code as a label; always 1).",
    ),
];

/// A Prometheus exposition being built: add the rows of each response, then
/// [`finish`](Exposition::finish). Samples are kept per family, so each
/// family is written once, with its `HELP` and `TYPE` lines.
#[derive(Debug, Clone, Default)]
pub struct Exposition {
    samples: [String; FAMILIES.len()],
}

impl Exposition {
    /// An exposition without samples.
    pub fn new() -> Self {
        Exposition::default()
    }

    /// Adds the samples of `rows`.
    pub fn add(&mut self, rows: &[JobRow]) {
        let [info, delay, checkpoint, stage, diagnostics, error] = &mut self.samples;
        for row in rows {
            let mut id = String::new();
            label(&mut id, "file", &row.file);
            id.push(',');
            label(&mut id, "pointer", &row.pointer);
            id.push(',');
            label(&mut id, "job_id", row.dts_job_id.as_deref().unwrap_or_default());

            let _ = write!(info, "dts_job_info{{{id},");
            label(info, "name", row.dts_job_name.as_deref().unwrap_or_default());
            info.push(',');
            label(info, "kind", row.task_kind.as_str());
            info.push(',');
            label(info, "status", row.status.as_deref().unwrap_or_default());
            let _ = writeln!(
                info,
                ",status_known=\"{}\",status_class=\"{}\"}} 1",
                row.status_known,
                row.status_class.as_str()
            );

            if let Some(ms) = row.delay_ms {
                let seconds = format_float(ms as f64 / 1000.0);
                let _ = writeln!(delay, "dts_job_delay_seconds{{{id}}} {seconds}");
            }
            if let Some(t) = row.checkpoint {
                let _ = writeln!(
                    checkpoint,
                    "dts_job_checkpoint_timestamp_seconds{{{id}}} {}",
                    t.timestamp()
                );
            }
            for (name, percent) in [
                ("data_initialization", row.data_init_percent),
                ("data_synchronization", row.data_sync_percent),
            ] {
                if let Some(p) = percent {
                    let _ = writeln!(
                        stage,
                        "dts_job_stage_percent{{{id},stage=\"{name}\"}} {}",
                        format_float(p)
                    );
                }
            }
            for (severity, count) in [("error", row.errors), ("warning", row.warnings)] {
                let _ = writeln!(
                    diagnostics,
                    "dts_job_diagnostics{{{id},severity=\"{severity}\"}} {count}"
                );
            }
            if let Some(code) = row.error_code.as_deref() {
                let _ = write!(error, "dts_job_error{{{id},");
                label(error, "code", code);
                error.push_str("} 1\n");
            }
        }
    }

    /// The exposition text: every family with samples, each with its `HELP`
    /// and `TYPE` lines.
    pub fn finish(self) -> String {
        let mut out = String::new();
        for ((name, help), samples) in FAMILIES.iter().zip(&self.samples) {
            if !samples.is_empty() {
                out.push_str(&family_header(name, help));
                out.push_str(samples);
            }
        }
        out
    }

    /// Takes the sample lines added so far, one text per family in the
    /// order [`finish`](Exposition::finish) writes them (empty for a family
    /// without samples), and leaves the exposition empty: for an exposition
    /// too large to hold, whose families are kept apart elsewhere (a file
    /// each) and written at the end, each after its [`header`].
    ///
    /// ```
    /// use dts_job_detail::{export, metrics::{Exposition, header}};
    /// let resp = dts_job_detail::json::from_str(r#"{"RequestId":"r","DtsJobId":"j"}"#)?;
    /// let mut exposition = Exposition::new();
    /// let mut families: Vec<(&str, String)> = Vec::new();
    /// for file in ["a.json", "b.json"] {
    ///     exposition.add(&export::rows(file, &resp, &Default::default()));
    ///     for (i, (name, lines)) in exposition.drain().into_iter().enumerate() {
    ///         match families.get_mut(i) {
    ///             Some((_, all)) => all.push_str(&lines),
    ///             None => families.push((name, lines)),
    ///         }
    ///     }
    /// }
    /// let text: String = families
    ///     .iter()
    ///     .filter(|(_, lines)| !lines.is_empty())
    ///     .map(|(name, lines)| header(name) + lines)
    ///     .collect();
    /// let mut whole = Exposition::new();
    /// for file in ["a.json", "b.json"] {
    ///     whole.add(&export::rows(file, &resp, &Default::default()));
    /// }
    /// assert_eq!(text, whole.finish());
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    pub fn drain(&mut self) -> Vec<(&'static str, String)> {
        FAMILIES
            .iter()
            .zip(&mut self.samples)
            .map(|((name, _), samples)| (*name, std::mem::take(samples)))
            .collect()
    }
}

/// The `HELP` and `TYPE` lines of the family `name` (empty for a name that
/// is not one of this module's families).
pub fn header(name: &str) -> String {
    FAMILIES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(name, help)| family_header(name, help))
        .unwrap_or_default()
}

fn family_header(name: &str, help: &str) -> String {
    format!("# HELP {name} {help}\n# TYPE {name} gauge\n")
}

/// Appends `name="value"`, the value escaped as the text format requires.
fn label(out: &mut String, name: &str, value: &str) {
    out.push_str(name);
    out.push_str("=\"");
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
}
