//! One row per job: the flat, typed view of a response that analytical
//! engines read (DuckDB, Spark, pandas), and its writers — CSV, NDJSON and,
//! with the `parquet` feature, Parquet.
//!
//! A response gives one row for its top level and one for every job nested
//! in it, at any depth (`SubSyncJob[]`, `SubDistributedJob[]`,
//! `ReverseJob`), in document order; a `DescribeDtsJobs` list page one row
//! per job of it (pointer `/DtsJobList/0`, …; the page itself is no row). A
//! gateway error envelope, and a list page of a failed call that lists no
//! job, give one row (pointer `""`, kind `unknown`) that carries the error,
//! so a year of saved responses keeps its failed calls too. The columns are [`COLUMNS`], in
//! that order, in every format.
//!
//! ```
//! use dts_job_detail::export::{self, ExportFormat, RowWriter};
//! let resp = dts_job_detail::json::from_str(
//!     r#"{"RequestId":"r","DtsJobId":"j","JobType":"SYNC","Delay":2,"SubSyncJob":[{"DtsJobId":"s"}]}"#)?;
//! let rows = export::rows("saved.json", &resp, &Default::default());
//! assert_eq!(rows.len(), 2);
//! assert_eq!(rows[1].pointer, "/SubSyncJob/0");
//! assert_eq!(rows[0].delay_ms, Some(2000)); // synchronization: Delay is in seconds
//!
//! let mut csv = RowWriter::new(ExportFormat::Csv, Vec::new())?;
//! csv.write_rows(&rows)?;
//! let text = String::from_utf8(csv.finish()?).unwrap();
//! assert!(text.starts_with("file,pointer,parent_pointer,depth,"));
//! assert_eq!(text.lines().count(), 3);
//! # Ok::<(), dts_job_detail::Error>(())
//! ```

mod csv;
mod ndjson;
#[cfg(feature = "parquet")]
mod parquet;

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::Path;

use chrono::{DateTime, SecondsFormat, Utc};

use crate::error::Error;
use crate::model::{Response, StageStatus, Str};
use crate::task::{BusinessError, Job, Options, Status, StatusClass, SubJobs, TaskKind};
use crate::validate::{Diagnostic, Severity};

/// The type of a column, as every format writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ColumnType {
    /// UTF-8 text (Parquet `BYTE_ARRAY` annotated `STRING`).
    Text,
    /// A signed 64-bit integer.
    Int,
    /// A 64-bit float.
    Float,
    /// A boolean.
    Bool,
    /// A UTC instant in milliseconds (Parquet `TIMESTAMP(MILLIS, UTC)`; CSV
    /// and NDJSON: RFC 3339 text).
    Time,
}

/// A column: its name and type. Every column may be null.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Column {
    /// The name (snake case).
    pub name: &'static str,
    /// The type.
    pub kind: ColumnType,
}

/// One value of a row, borrowed from it.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Cell<'a> {
    /// A text column's value.
    Text(Option<&'a str>),
    /// An integer column's value.
    Int(Option<i64>),
    /// A float column's value.
    Float(Option<f64>),
    /// A boolean column's value.
    Bool(Option<bool>),
    /// A time column's value.
    Time(Option<DateTime<Utc>>),
}

/// What a row's field is as a cell; the type decides the column's type.
trait ToCell {
    const KIND: ColumnType;
    fn cell(&self) -> Cell<'_>;
}

impl ToCell for String {
    const KIND: ColumnType = ColumnType::Text;
    fn cell(&self) -> Cell<'_> {
        Cell::Text(Some(self))
    }
}

impl ToCell for Option<Str> {
    const KIND: ColumnType = ColumnType::Text;
    fn cell(&self) -> Cell<'_> {
        Cell::Text(self.as_deref())
    }
}

impl ToCell for Option<String> {
    const KIND: ColumnType = ColumnType::Text;
    fn cell(&self) -> Cell<'_> {
        Cell::Text(self.as_deref())
    }
}

impl ToCell for TaskKind {
    const KIND: ColumnType = ColumnType::Text;
    fn cell(&self) -> Cell<'_> {
        Cell::Text(Some(self.as_str()))
    }
}

impl ToCell for StatusClass {
    const KIND: ColumnType = ColumnType::Text;
    fn cell(&self) -> Cell<'_> {
        Cell::Text(Some(self.as_str()))
    }
}

impl ToCell for i64 {
    const KIND: ColumnType = ColumnType::Int;
    fn cell(&self) -> Cell<'_> {
        Cell::Int(Some(*self))
    }
}

impl ToCell for Option<i64> {
    const KIND: ColumnType = ColumnType::Int;
    fn cell(&self) -> Cell<'_> {
        Cell::Int(*self)
    }
}

impl ToCell for Option<f64> {
    const KIND: ColumnType = ColumnType::Float;
    fn cell(&self) -> Cell<'_> {
        Cell::Float(*self)
    }
}

impl ToCell for bool {
    const KIND: ColumnType = ColumnType::Bool;
    fn cell(&self) -> Cell<'_> {
        Cell::Bool(Some(*self))
    }
}

impl ToCell for Option<DateTime<Utc>> {
    const KIND: ColumnType = ColumnType::Time;
    fn cell(&self) -> Cell<'_> {
        Cell::Time(*self)
    }
}

/// Declares [`JobRow`] and [`COLUMNS`] from one list, so a column's name,
/// type and place are written once.
macro_rules! columns {
    ($( $(#[doc = $doc:literal])* $field:ident: $ty:ty, )*) => {
        /// One job of one response, flattened: the columns of [`COLUMNS`].
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub struct JobRow {
            $( $(#[doc = $doc])* pub $field: $ty, )*
        }

        /// The columns, in the order every format writes them.
        pub const COLUMNS: &[Column] = &[
            $( Column { name: stringify!($field), kind: <$ty as ToCell>::KIND }, )*
        ];

        impl JobRow {
            /// The bytes of the row's texts (what a string column's offsets count).
            pub fn text_bytes(&self) -> usize {
                self.cells()
                    .iter()
                    .map(|c| match c {
                        Cell::Text(Some(t)) => t.len(),
                        _ => 0,
                    })
                    .sum()
            }

            /// The bytes the row holds: its own size and its texts'.
            pub fn held_bytes(&self) -> usize {
                size_of::<Self>() + self.text_bytes()
            }

            /// The row's values, in the order of [`COLUMNS`].
            pub fn cells(&self) -> [Cell<'_>; COLUMNS.len()] {
                [ $( self.$field.cell(), )* ]
            }
        }
    };
}

columns! {
    /// The input the response was read from (the caller's label).
    file: String,
    /// JSON Pointer of the job in the canonical document (`""` for the top level).
    pointer: String,
    /// Pointer of the job it is nested in (`None` for the top level).
    parent_pointer: Option<Str>,
    /// 0 for the top level, 1 for its sub-jobs, …
    depth: i64,
    /// `RequestId` of the response (the same on every row of a response).
    request_id: Option<Str>,
    /// `DtsJobId`.
    dts_job_id: Option<Str>,
    /// `DtsJobName`.
    dts_job_name: Option<Str>,
    /// `DtsInstanceID`.
    dts_instance_id: Option<Str>,
    /// `JobType`, as sent.
    job_type: Option<Str>,
    /// The resolved task kind (see [`Job::task_kind`]).
    task_kind: TaskKind,
    /// `Status`: the documented spelling of a status in the list of the
    /// job's kind (`Synchronizing` for `synchronizing`, so case variants make
    /// one group), else as sent but for white space around it.
    status: Option<Str>,
    /// `Status` as sent, but for white space around it.
    status_raw: Option<Str>,
    /// Whether `Status` is in the list of the job's kind.
    status_known: bool,
    /// The status's class (`not-started`, `running`, `paused`, `failed`,
    /// `finished`, `unknown`; see [`StatusClass`]).
    status_class: StatusClass,
    /// `Delay` in milliseconds; `None` when absent or when the kind, and so
    /// the unit, is unknown.
    delay_ms: Option<i64>,
    /// `Delay` as sent (an integer), whatever its unit: readable when the
    /// kind, and so the unit, is unknown.
    delay_raw: Option<i64>,
    /// `Checkpoint` as a time.
    checkpoint: Option<DateTime<Utc>>,
    /// `CreateTime`.
    create_time: Option<DateTime<Utc>>,
    /// `FinishTime`.
    finish_time: Option<DateTime<Utc>>,
    /// `SourceEndpoint.EngineName`.
    source_engine: Option<Str>,
    /// `DestinationEndpoint.EngineName`.
    destination_engine: Option<Str>,
    /// `SourceEndpoint.Region`.
    source_region: Option<Str>,
    /// `DestinationEndpoint.Region`.
    destination_region: Option<Str>,
    /// `StructureInitializationStatus.Status` (white space around it removed).
    structure_init_status: Option<Str>,
    /// `DataInitializationStatus.Status` (white space around it removed).
    data_init_status: Option<Str>,
    /// `DataInitializationStatus.Percent`, when it is a number.
    data_init_percent: Option<f64>,
    /// `DataSynchronizationStatus.Status` (white space around it removed).
    data_sync_status: Option<Str>,
    /// `DataSynchronizationStatus.Percent`, when it is a number.
    data_sync_percent: Option<f64>,
    /// The API error's code (`ErrCode`, or a gateway envelope's `Code`).
    error_code: Option<Str>,
    /// The API error's message with `%s` filled in, else the job's own
    /// `ErrorMessage`.
    error_message: Option<Str>,
    /// Error-level diagnostics of this job (not of the jobs nested in it;
    /// a list page's own, of its members and counts, are no job's: `check`
    /// reports them).
    errors: i64,
    /// Warning-level diagnostics of this job (as `errors`).
    warnings: i64,
}

/// The rows of one response (see the module documentation), its jobs seen
/// with `options`; `file` fills the `file` column. [`Rows`] makes them one
/// at a time, from diagnostics found beforehand.
pub fn rows(file: &str, response: &Response, options: &Options) -> Vec<JobRow> {
    Rows::new(file, response, options, &response.validate_with(options)).collect()
}

/// The rows of one response, made one at a time, so a response with many
/// jobs is not held twice (as its model and as its rows). The error and
/// warning counts of each row come from `diagnostics`, the response's own
/// (`response.validate_with(options)`), which may be found elsewhere (on
/// another thread) and passed in.
///
/// ```
/// use dts_job_detail::export::Rows;
/// let resp = dts_job_detail::json::from_str(
///     r#"{"RequestId":"r","DtsJobId":"j","SubSyncJob":[{"DtsJobId":"s","CreateTime":"no"}]}"#)?;
/// let options = Default::default();
/// let diagnostics = resp.validate_with(&options);
/// let errors: Vec<i64> = Rows::new("saved.json", &resp, &options, &diagnostics).map(|r| r.errors).collect();
/// assert_eq!(errors, [0, 1]);
/// # Ok::<(), dts_job_detail::Error>(())
/// ```
pub struct Rows<'a> {
    file: &'a str,
    made: Made<'a>,
}

enum Made<'a> {
    /// A gateway envelope's one row, until it is taken.
    Envelope(Option<Box<JobRow>>),
    /// The jobs of a detail or a page, with the diagnostic counts of those
    /// that have any.
    Jobs {
        request_id: Option<&'a Str>,
        jobs: SubJobs<'a>,
        counts: HashMap<String, (i64, i64)>,
    },
}

impl<'a> Rows<'a> {
    /// The rows of `response`, its jobs seen with `options`, counting
    /// `diagnostics` (see the type's documentation).
    pub fn new(file: &'a str, response: &'a Response, options: &Options, diagnostics: &[Diagnostic]) -> Self {
        let only_row = |request_id: &Option<Str>, error: BusinessError| {
            let counts = count_diagnostics(diagnostics, &HashSet::from([String::new()]));
            let (errors, warnings) = counts.get("").copied().unwrap_or_default();
            Made::Envelope(Some(Box::new(error_row(
                file, request_id, error, errors, warnings,
            ))))
        };
        // a failed call that listed nothing: its error is the page's one row
        let failed_page = response
            .page()
            .filter(|page| page.jobs().next().is_none())
            .and_then(|page| Some((&page.request_id, page.error()?)));
        let made = match (response, failed_page) {
            (Response::Error(envelope), _) => only_row(&envelope.request_id, envelope.error()),
            (_, Some((request_id, error))) => only_row(request_id, error),
            (Response::Detail(_) | Response::Page(_), None) => {
                let pointers: HashSet<String> = response
                    .jobs_with(options)
                    .map(|j| j.pointer().to_owned())
                    .collect();
                Made::Jobs {
                    request_id: match response {
                        Response::Page(page) => page.request_id.as_ref(),
                        _ => response.detail().and_then(|d| d.request_id.as_ref()),
                    },
                    jobs: response.jobs_with(options),
                    counts: count_diagnostics(diagnostics, &pointers),
                }
            }
        };
        Rows { file, made }
    }
}

impl Iterator for Rows<'_> {
    type Item = JobRow;

    fn next(&mut self) -> Option<JobRow> {
        match &mut self.made {
            Made::Envelope(row) => row.take().map(|row| *row),
            Made::Jobs {
                request_id,
                jobs,
                counts,
            } => {
                let job = jobs.next()?;
                let (errors, warnings) = counts.get(job.pointer()).copied().unwrap_or_default();
                Some(job_row(self.file, *request_id, &job, errors, warnings))
            }
        }
    }
}

/// The one row of a response that reports an API error and has no job (a
/// gateway envelope, a failed list page): pointer `""`, kind unknown.
fn error_row(
    file: &str,
    request_id: &Option<Str>,
    error: BusinessError,
    errors: i64,
    warnings: i64,
) -> JobRow {
    JobRow {
        file: file.to_owned(),
        pointer: String::new(),
        parent_pointer: None,
        depth: 0,
        request_id: request_id.clone(),
        dts_job_id: None,
        dts_job_name: None,
        dts_instance_id: None,
        job_type: None,
        task_kind: TaskKind::Unknown,
        status: None,
        status_raw: None,
        status_known: false,
        status_class: StatusClass::Unknown,
        delay_ms: None,
        delay_raw: None,
        checkpoint: None,
        create_time: None,
        finish_time: None,
        source_engine: None,
        destination_engine: None,
        source_region: None,
        destination_region: None,
        structure_init_status: None,
        data_init_status: None,
        data_init_percent: None,
        data_sync_status: None,
        data_sync_percent: None,
        error_code: Some(error.code.into()),
        error_message: Some(error.message.into()),
        errors,
        warnings,
    }
}

/// The row of one job.
fn job_row(file: &str, request_id: Option<&Str>, job: &Job<'_>, errors: i64, warnings: i64) -> JobRow {
    let status = job.status();
    let error = job.error();
    let stage = |s: &Option<Box<StageStatus>>| s.as_deref().and_then(|s| trimmed(s.status.as_deref()));
    let percent = |s: &Option<Box<StageStatus>>| s.as_deref().and_then(StageStatus::percent);
    JobRow {
        file: file.to_owned(),
        pointer: job.pointer().to_owned(),
        parent_pointer: job.parent_pointer().map(Str::from),
        depth: i64::try_from(job.depth()).unwrap_or(i64::MAX),
        request_id: request_id.cloned(),
        dts_job_id: job.dts_job_id.clone(),
        dts_job_name: job.dts_job_name.clone(),
        dts_instance_id: job.dts_instance_id.clone(),
        job_type: job.job_type.as_ref().map(|t| Str::from(t.raw())),
        task_kind: job.task_kind(),
        status_known: status.as_ref().is_some_and(|s| s.known.is_some()),
        status_class: status.as_ref().map_or(StatusClass::Unknown, Status::class),
        status: status.as_ref().and_then(|s| trimmed(Some(s.canonical()))),
        status_raw: status.and_then(|s| trimmed(Some(&s.raw))),
        delay_ms: job.delay().and_then(|d| i64::try_from(d.as_millis()).ok()),
        delay_raw: job.delay_raw(),
        checkpoint: job.checkpoint_time(),
        create_time: job.create_time(),
        finish_time: job.finish_time(),
        source_engine: job.source_endpoint.as_ref().and_then(|e| e.engine_name.clone()),
        destination_engine: job
            .destination_endpoint
            .as_ref()
            .and_then(|e| e.engine_name.clone()),
        source_region: job.source_endpoint.as_ref().and_then(|e| e.region.clone()),
        destination_region: job.destination_endpoint.as_ref().and_then(|e| e.region.clone()),
        structure_init_status: stage(&job.structure_initialization_status),
        data_init_status: stage(&job.data_initialization_status),
        data_init_percent: percent(&job.data_initialization_status),
        data_sync_status: stage(&job.data_synchronization_status),
        data_sync_percent: percent(&job.data_synchronization_status),
        error_code: error.as_ref().map(|e| Str::from(e.code.as_str())),
        error_message: match error {
            Some(e) => Some(e.message.into()),
            None => job.error_message.clone().filter(|m| !m.is_empty()),
        },
        errors,
        warnings,
    }
}

/// A status as analytics want it: without the white space around it (a
/// pretty-printed XML element's), `None` when nothing is left.
fn trimmed(s: Option<&str>) -> Option<Str> {
    s.map(str::trim).filter(|s| !s.is_empty()).map(Str::from)
}

/// Error and warning counts of the jobs that have diagnostics, by pointer:
/// each diagnostic belongs to the deepest job whose pointer is a prefix of its
/// path (segment by segment).
fn count_diagnostics(diagnostics: &[Diagnostic], pointers: &HashSet<String>) -> HashMap<String, (i64, i64)> {
    let mut counts: HashMap<String, (i64, i64)> = HashMap::new();
    for d in diagnostics {
        let mut path = d.path.as_str();
        let owner = loop {
            if pointers.contains(path) {
                break Some(path);
            }
            match path.rfind('/') {
                // `rfind` gives the boundary of the `/` it found
                Some(cut) => path = path.split_at(cut).0,
                None => break None,
            }
        };
        if let Some(owner) = owner {
            let count = counts.entry(owner.to_owned()).or_default();
            match d.severity {
                Severity::Error => count.0 += 1,
                _ => count.1 += 1,
            }
        }
    }
    counts
}

/// A path as text, losslessly: a name that is not UTF-8 keeps each byte that
/// is not as `\xHH`, and a backslash is written `\\`, so two names never give
/// one label (the `file` column of the CLI's export and every message of
/// the CLI that names a file use this).
///
/// ```
/// use dts_job_detail::export::file_label;
/// assert_eq!(file_label("dumps/a.json".as_ref()), "dumps/a.json");
/// assert_eq!(file_label(r"C:\dumps".as_ref()), r"C:\\dumps");
/// ```
pub fn file_label(path: &Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bytes = path.as_os_str().as_bytes();
        let mut out = String::with_capacity(bytes.len());
        for chunk in bytes.utf8_chunks() {
            for c in chunk.valid().chars() {
                match c {
                    '\\' => out.push_str("\\\\"),
                    c => out.push(c),
                }
            }
            for b in chunk.invalid() {
                out.push_str(&format!("\\x{b:02X}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        path.display().to_string()
    }
}

/// A format of [`RowWriter`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ExportFormat {
    /// Comma-separated values (RFC 4180) with a header line.
    Csv,
    /// One JSON object per row and line, keyed by column name.
    Ndjson,
    /// Apache Parquet (feature `parquet`), Snappy-compressed, in row groups
    /// of [`PARQUET_ROW_GROUP_BYTES`] bytes of rows.
    Parquet,
}

impl ExportFormat {
    /// Every format.
    pub const ALL: &'static [ExportFormat] =
        &[ExportFormat::Csv, ExportFormat::Ndjson, ExportFormat::Parquet];

    /// The name on the command line (`csv`, `ndjson`, `parquet`).
    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Ndjson => "ndjson",
            ExportFormat::Parquet => "parquet",
        }
    }
}

/// Bytes of rows ([`JobRow::held_bytes`]: each row's size and its text)
/// held before a Parquet row group is written, so memory stays bounded
/// whatever the number of rows: the rows of one response with many jobs are
/// held beside its model (about 6,000 rows of a typical job a group).
pub const PARQUET_ROW_GROUP_BYTES: usize = 4 << 20;

/// Writes rows in one [`ExportFormat`], streaming: rows are written (CSV,
/// NDJSON) or buffered up to a row group (Parquet) as they come.
pub struct RowWriter<W: Write + Send> {
    inner: Inner<W>,
}

enum Inner<W: Write + Send> {
    /// CSV and NDJSON: a line per row.
    Lines(LineWriter<W>),
    #[cfg(feature = "parquet")]
    Parquet(Box<parquet::ParquetWriter<W>>),
}

impl<W: Write + Send> RowWriter<W> {
    /// A writer of `format` into `out` (CSV: the header is written now).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Io`](crate::ErrorKind::Io) when `out` fails;
    /// [`ErrorKind::Unsupported`](crate::ErrorKind::Unsupported) for
    /// Parquet when the crate is built without the `parquet` feature.
    pub fn new(format: ExportFormat, out: W) -> Result<Self, Error> {
        let inner = match format {
            ExportFormat::Csv => Inner::Lines(LineWriter::new(out, &csv::header(), csv::line)?),
            ExportFormat::Ndjson => Inner::Lines(LineWriter::new(out, "", ndjson::line)?),
            #[cfg(feature = "parquet")]
            ExportFormat::Parquet => Inner::Parquet(Box::new(parquet::ParquetWriter::new(out)?)),
            #[cfg(not(feature = "parquet"))]
            ExportFormat::Parquet => {
                drop(out);
                return Err(Error::new(
                    crate::ErrorKind::Unsupported,
                    "Parquet needs the `parquet` feature of dts-job-detail",
                ));
            }
        };
        Ok(RowWriter { inner })
    }

    /// Writes `rows`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Io`](crate::ErrorKind::Io) when the output fails.
    pub fn write_rows(&mut self, rows: &[JobRow]) -> Result<(), Error> {
        match &mut self.inner {
            Inner::Lines(w) => w.write_rows(rows),
            #[cfg(feature = "parquet")]
            Inner::Parquet(w) => w.write_rows(rows),
        }
    }

    /// Writes what is buffered (Parquet: the last row group and the footer),
    /// flushes, and returns the output.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Io`](crate::ErrorKind::Io) when the output fails.
    pub fn finish(self) -> Result<W, Error> {
        match self.inner {
            Inner::Lines(w) => w.finish(),
            #[cfg(feature = "parquet")]
            Inner::Parquet(w) => w.finish(),
        }
    }
}

/// A text format: a head, then a line per row rendered into a reused buffer.
struct LineWriter<W> {
    out: W,
    line: String,
    render: fn(&mut String, &JobRow),
}

impl<W: Write> LineWriter<W> {
    fn new(mut out: W, head: &str, render: fn(&mut String, &JobRow)) -> Result<Self, Error> {
        out.write_all(head.as_bytes()).map_err(Error::io)?;
        Ok(LineWriter {
            out,
            line: String::new(),
            render,
        })
    }

    fn write_rows(&mut self, rows: &[JobRow]) -> Result<(), Error> {
        for row in rows {
            self.line.clear();
            (self.render)(&mut self.line, row);
            self.out.write_all(self.line.as_bytes()).map_err(Error::io)?;
        }
        Ok(())
    }

    fn finish(mut self) -> Result<W, Error> {
        self.out.flush().map_err(Error::io)?;
        Ok(self.out)
    }
}

/// Appends a number, boolean or time cell as CSV and NDJSON write it (text
/// and null are each format's own); `false` for those.
fn push_plain(out: &mut String, cell: Cell<'_>) -> bool {
    match cell {
        Cell::Int(Some(n)) => out.push_str(&n.to_string()),
        Cell::Float(Some(f)) => out.push_str(&crate::value::format_float(f)),
        Cell::Bool(Some(b)) => out.push_str(if b { "true" } else { "false" }),
        Cell::Time(Some(t)) => out.push_str(&time_text(t)),
        _ => return false,
    }
    true
}

/// A time as text: RFC 3339 in UTC, with milliseconds only when there are
/// some (`2021-03-16T08:01:19Z`).
fn time_text(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}
