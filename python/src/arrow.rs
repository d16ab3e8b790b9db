//! `to_arrow`: the export's job rows as an Arrow stream, through the Arrow
//! PyCapsule interface (`__arrow_c_stream__`), so pyarrow, Polars, DuckDB and
//! Spark's `mapInArrow` take the columns without a Python object per row.
//!
//! The rows are the crate's own (`dts::export::rows`), and the schema follows
//! from `dts::export::COLUMNS` (the same names and logical types as
//! `export --format parquet`): nothing here names a column.
//!
//! The inputs are copied into Rust when `to_arrow` is called (documents as
//! bytes, paths as paths), so the stream never takes the GIL: a consumer may
//! pull it from any thread. Documents are read and parsed when a batch is
//! pulled, [`BATCH_DOCUMENTS`] at a time on the rayon pool; each stream starts
//! from the first input again (DuckDB asks for one stream per scan).

use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, ErrorKind, Read};
use std::path::PathBuf;
use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Float64Builder, Int64Builder, StringBuilder, TimestampMillisecondBuilder,
};
use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{ArrayRef, RecordBatch, RecordBatchReader};
use arrow_schema::ffi::FFI_ArrowSchema;
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef, TimeUnit};
use dts::export::{COLUMNS, Cell, ColumnType, JobRow, file_label};
use dts::{DEFAULT_MAX_SIZE, Parser};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyCapsule, PyMapping, PyString};
use rayon::prelude::*;

use crate::{ReadFailure, read_file};

/// The time zone of the time columns (Parquet's `isAdjustedToUTC`).
const UTC: &str = "UTC";

/// How many documents one batch reads at most.
const BATCH_DOCUMENTS: usize = 1024;

/// How many bytes of text one batch's rows hold at most: a string column's
/// offsets are 32-bit (2 GiB), and `RequestId` is repeated on every row of a
/// response. A document whose rows alone hold more cannot be read.
const BATCH_TEXT: usize = 1 << 30;

/// How many bytes of log lines one batch holds at most (past the first
/// line), so a log of long lines is not held whole: a batch is one document's
/// limit ([`DEFAULT_MAX_SIZE`]) at most, plus that line.
const BATCH_BYTES: usize = DEFAULT_MAX_SIZE;

/// The Arrow type of a column type: the type pyarrow gives the same column
/// of the Parquet export.
fn data_type(kind: ColumnType) -> DataType {
    match kind {
        ColumnType::Int => DataType::Int64,
        ColumnType::Float => DataType::Float64,
        ColumnType::Bool => DataType::Boolean,
        ColumnType::Time => DataType::Timestamp(TimeUnit::Millisecond, Some(UTC.into())),
        // `Text`, and a type a later crate adds: text is what every engine reads
        _ => DataType::Utf8,
    }
}

/// The schema of the rows: [`COLUMNS`], each nullable.
fn schema() -> SchemaRef {
    let fields: Vec<Field> = COLUMNS
        .iter()
        .map(|c| Field::new(c.name, data_type(c.kind), true))
        .collect();
    Arc::new(Schema::new(fields))
}

/// One input of `to_arrow`: a label (the rows' `file`) and where its bytes are.
struct Input {
    label: String,
    source: Source,
}

enum Source {
    /// A document (or, with `ndjson`, a log) given as text or bytes.
    Bytes(Vec<u8>),
    /// A file to read.
    Path(PathBuf),
}

/// What happens to a document that cannot be read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum OnError {
    /// The stream ends with an error naming the document.
    Raise,
    /// The document gives no row, as in the CLI's export.
    Skip,
}

/// The job rows of some inputs, as an Arrow stream (`to_arrow`'s result).
#[pyclass(frozen, module = "dts_job_detail")]
pub(crate) struct JobRows {
    inputs: Arc<[Input]>,
    parser: Parser,
    ndjson: bool,
    on_error: OnError,
}

#[pymethods]
impl JobRows {
    /// An Arrow C stream of the rows, from the first input (the Arrow
    /// PyCapsule interface). `requested_schema` is not used: the rows have
    /// one schema.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let reader = Reader {
            inputs: Arc::clone(&self.inputs),
            parser: self.parser.clone(),
            ndjson: self.ndjson,
            on_error: self.on_error,
            schema: schema(),
            next_input: 0,
            log: None,
            read: VecDeque::new(),
            failed: false,
        };
        PyCapsule::new_with_value(
            py,
            FFI_ArrowArrayStream::new(Box::new(reader)),
            c"arrow_array_stream",
        )
    }

    /// The rows' Arrow schema (the Arrow PyCapsule interface).
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        let schema =
            FFI_ArrowSchema::try_from(schema().as_ref()).map_err(|e| PyValueError::new_err(e.to_string()))?;
        PyCapsule::new_with_value(py, schema, c"arrow_schema")
    }

    fn __repr__(&self) -> String {
        let n = self.inputs.len();
        let s = if n == 1 { "" } else { "s" };
        let ndjson = if self.ndjson { ", NDJSON" } else { "" };
        format!("<JobRows of {n} input{s}{ndjson}>")
    }
}

/// The job rows of `inputs` as an Arrow stream: `pyarrow.table(rows)`,
/// `polars.DataFrame(rows)`, DuckDB's `FROM rows`. The columns and types are
/// `export --format parquet`'s. `inputs`: one input or an iterable of them —
/// `bytes` and a `str` that begins (after white space or a byte-order mark)
/// with `{` or `<` are documents, any other `str` and an `os.PathLike` are
/// paths (a mapping is refused: iterating it gives its keys). `labels` fills
/// the `file` column (default: the path, or `<input N>` for a document).
/// `ndjson=True`: every input is a log of one document per line (labels
/// `file:line`). `errors="raise"` ends the stream with an error naming a
/// document that cannot be read; `"skip"` leaves it out, as the CLI's export.
#[pyfunction]
#[pyo3(signature = (inputs, *, labels = None, ndjson = false, strict = false, task_kind = None, errors = "raise"))]
pub(crate) fn to_arrow(
    inputs: &Bound<'_, PyAny>,
    labels: Option<Vec<String>>,
    ndjson: bool,
    strict: bool,
    task_kind: Option<&str>,
    errors: &str,
) -> PyResult<JobRows> {
    let on_error = match errors {
        "raise" => OnError::Raise,
        "skip" => OnError::Skip,
        other => {
            return Err(PyValueError::new_err(format!(
                "errors={other:?}: \"raise\" or \"skip\""
            )));
        }
    };
    Ok(JobRows {
        inputs: read_inputs(inputs, labels)?.into(),
        parser: crate::parser(strict, task_kind)?,
        ndjson,
        on_error,
    })
}

/// The inputs, copied (see [`to_arrow`] for what is a document and what a path).
fn read_inputs(inputs: &Bound<'_, PyAny>, labels: Option<Vec<String>>) -> PyResult<Vec<Input>> {
    let one = inputs.cast::<PyBytes>().is_ok()
        || inputs.cast::<PyByteArray>().is_ok()
        || inputs.cast::<PyString>().is_ok()
        || inputs.hasattr("__fspath__")?;
    let items: Vec<Bound<'_, PyAny>> = if one {
        vec![inputs.clone()]
    } else if inputs.cast::<PyMapping>().is_ok() {
        // iterating would give its keys
        return Err(PyTypeError::new_err(
            "to_arrow() takes documents and paths, or an iterable of them, not a mapping",
        ));
    } else {
        inputs.try_iter()?.collect::<PyResult<_>>()?
    };
    if let Some(labels) = &labels
        && labels.len() != items.len()
    {
        return Err(PyValueError::new_err(format!(
            "{} labels for {} inputs",
            labels.len(),
            items.len()
        )));
    }
    let mut labels = labels.map(Vec::into_iter);
    let fspath = inputs.py().import("os")?.getattr("fspath")?;
    let mut out = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let label = labels.as_mut().and_then(Iterator::next);
        let string = item.cast::<PyString>().ok();
        // a str that is not UTF-8 (a file name's surrogate escapes) is a path
        let text = string.and_then(|t| t.to_cow().ok());
        let document = |t: &&str| {
            t.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
                .starts_with(['{', '<'])
        };
        let source = if let Ok(bytes) = item.cast::<PyBytes>() {
            Source::Bytes(bytes.as_bytes().to_vec())
        } else if let Ok(bytes) = item.cast::<PyByteArray>() {
            Source::Bytes(bytes.to_vec())
        } else if let Some(text) = text.as_deref().filter(document) {
            Source::Bytes(text.as_bytes().to_vec())
        } else if string.is_some() || item.hasattr("__fspath__")? {
            Source::Path(fspath.call1((item,))?.extract()?)
        } else {
            return Err(PyTypeError::new_err(format!(
                "to_arrow() takes documents (bytes, str) and paths (str, os.PathLike), not {}",
                item.get_type().name()?
            )));
        };
        let label = label.unwrap_or_else(|| match &source {
            Source::Path(path) => file_label(path),
            Source::Bytes(_) => format!("<input {index}>"),
        });
        out.push(Input { label, source });
    }
    Ok(out)
}

/// One document of a batch.
enum Work {
    /// A whole input.
    Input(usize),
    /// A line of a log given as bytes.
    Slice {
        label: String,
        input: usize,
        start: usize,
        end: usize,
    },
    /// A line of a log file.
    Line { label: String, bytes: Vec<u8> },
    /// What could not be read.
    Failed { label: String, reason: String },
}

impl Work {
    /// The bytes this work holds until it is read (files are read when parsed).
    fn held(&self) -> usize {
        match self {
            Work::Line { bytes, .. } => bytes.len(),
            _ => 0,
        }
    }
}

/// The stream: reads the inputs in batches when pulled.
struct Reader {
    inputs: Arc<[Input]>,
    parser: Parser,
    ndjson: bool,
    on_error: OnError,
    schema: SchemaRef,
    next_input: usize,
    log: Option<Log>,
    /// Documents read, not yet in a batch: their rows, or why they could not be read.
    read: VecDeque<Result<Vec<JobRow>, (String, String)>>,
    failed: bool,
}

impl RecordBatchReader for Reader {
    fn schema(&self) -> SchemaRef {
        Arc::clone(&self.schema)
    }
}

impl Iterator for Reader {
    type Item = Result<RecordBatch, ArrowError>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut table = Table::new();
        while !self.failed {
            if self.read.is_empty() && !self.read_more() {
                break;
            }
            let Some(result) = self.read.pop_front() else {
                break;
            };
            let rows = match result {
                Ok(rows) => rows,
                Err(_) if self.on_error == OnError::Skip => continue,
                Err((label, reason)) => return Some(Err(self.fail(&label, &reason))),
            };
            let text: usize = rows.iter().map(JobRow::text_bytes).sum();
            if text > BATCH_TEXT {
                let reason =
                    format!("its rows hold {text} bytes of text, more than one batch holds ({BATCH_TEXT})");
                match self.on_error {
                    OnError::Skip => continue,
                    OnError::Raise => return Some(Err(self.fail(&rows_label(&rows), &reason))),
                }
            }
            if table.text + text > BATCH_TEXT {
                // this document starts the next batch
                self.read.push_front(Ok(rows));
                break;
            }
            rows.iter().for_each(|row| table.push(row));
            table.text += text;
            if self.read.is_empty() && table.rows > 0 {
                break;
            }
        }
        (table.rows > 0).then(|| table.finish(&self.schema))
    }
}

/// The label of a document by its rows (each row carries it).
fn rows_label(rows: &[JobRow]) -> String {
    rows.first().map(|row| row.file.clone()).unwrap_or_default()
}

impl Reader {
    /// Reads the next documents (up to [`BATCH_DOCUMENTS`], or
    /// [`BATCH_BYTES`] of log lines) in parallel; false when none is left.
    fn read_more(&mut self) -> bool {
        let mut work = Vec::new();
        let mut held = 0usize;
        while work.len() < BATCH_DOCUMENTS && held < BATCH_BYTES {
            let Some(next) = self.next_work() else { break };
            held = held.saturating_add(next.held());
            work.push(next);
        }
        let read: Vec<_> = work.par_iter().map(|w| self.rows(w)).collect();
        self.read.extend(read);
        !work.is_empty()
    }

    /// Ends the stream with the error of a document. The message crosses the
    /// C interface as a C string: a NUL in it (a label's, or a member name's
    /// in a pointer) is written `\0`.
    fn fail(&mut self, label: &str, reason: &str) -> ArrowError {
        self.failed = true;
        ArrowError::ParseError(format!("{label}: {reason}").replace('\0', "\\0"))
    }

    /// The next document to read, if any is left.
    fn next_work(&mut self) -> Option<Work> {
        if !self.ndjson {
            let input = self.next_input;
            self.inputs.get(input)?;
            self.next_input += 1;
            return Some(Work::Input(input));
        }
        loop {
            if self.log.is_none() {
                let input = self.next_input;
                let entry = self.inputs.get(input)?;
                self.next_input += 1;
                let source = match &entry.source {
                    Source::Bytes(_) => LogSource::Bytes(0),
                    Source::Path(path) => match File::open(path) {
                        Ok(file) => LogSource::File(BufReader::new(file)),
                        Err(e) => {
                            return Some(Work::Failed {
                                label: entry.label.clone(),
                                reason: e.to_string(),
                            });
                        }
                    },
                };
                self.log = Some(Log {
                    input,
                    line: 0,
                    source,
                });
            }
            let log = self.log.as_mut()?;
            match log.next(self.inputs.get(log.input)?) {
                Next::Work(work) => return Some(work),
                Next::Blank => {}
                Next::End => self.log = None,
            }
        }
    }

    /// The rows of one document, or its label and why it cannot be read.
    fn rows(&self, work: &Work) -> Result<Vec<JobRow>, (String, String)> {
        let bytes = |input: usize| match self.inputs.get(input).map(|i| &i.source) {
            Some(Source::Bytes(bytes)) => bytes.as_slice(),
            _ => &[],
        };
        let (label, parsed) = match work {
            Work::Input(input) => {
                let Some(entry) = self.inputs.get(*input) else {
                    return Ok(Vec::new());
                };
                let parsed = match &entry.source {
                    Source::Bytes(bytes) => self.parser.parse(bytes).map_err(|e| e.to_string()),
                    Source::Path(path) => read_file(&self.parser, path).map_err(|f| match f {
                        ReadFailure::Io(e) => e.to_string(),
                        ReadFailure::Parse(e) => e.to_string(),
                    }),
                };
                (&entry.label, parsed)
            }
            Work::Slice {
                label,
                input,
                start,
                end,
            } => {
                let line = bytes(*input).get(*start..*end).unwrap_or_default();
                (label, self.parser.parse(line).map_err(|e| e.to_string()))
            }
            Work::Line { label, bytes } => (label, self.parser.parse(bytes).map_err(|e| e.to_string())),
            Work::Failed { label, reason } => return Err((label.clone(), reason.clone())),
        };
        match parsed {
            Ok(response) => Ok(dts::export::rows(label, &response, self.parser.options())),
            Err(reason) => Err((label.clone(), reason)),
        }
    }
}

/// The NDJSON log being read.
struct Log {
    input: usize,
    /// The number of the line last read (1-based).
    line: usize,
    source: LogSource,
}

enum LogSource {
    /// A log given as bytes: the offset of its next line.
    Bytes(usize),
    /// A log file.
    File(BufReader<File>),
    /// Nothing more to read (after an error that ends the file).
    Ended,
}

/// What a log gives next.
enum Next {
    Work(Work),
    /// A line of white space only: no document.
    Blank,
    End,
}

/// How far an over-long line of a log file is skipped in search of its end
/// before the rest of the file is given up (an endless stream has none).
const SKIPPED_AT_MOST: usize = 64 << 20;

impl Log {
    fn next(&mut self, entry: &Input) -> Next {
        self.line += 1;
        let label = format!("{}:{}", entry.label, self.line);
        let blank = |line: &[u8]| line.iter().all(u8::is_ascii_whitespace);
        match (&mut self.source, &entry.source) {
            (LogSource::Bytes(at), Source::Bytes(bytes)) => {
                let start = *at;
                let Some(rest) = bytes.get(start..).filter(|r| !r.is_empty()) else {
                    return Next::End;
                };
                let end = rest
                    .iter()
                    .position(|b| *b == b'\n')
                    .map_or(bytes.len(), |i| start + i);
                *at = end + 1;
                if blank(bytes.get(start..end).unwrap_or_default()) {
                    Next::Blank
                } else {
                    Next::Work(Work::Slice {
                        label,
                        input: self.input,
                        start,
                        end,
                    })
                }
            }
            (LogSource::File(reader), _) => {
                let failed = |reason: String| {
                    Next::Work(Work::Failed {
                        label: label.clone(),
                        reason,
                    })
                };
                match read_line(reader) {
                    Ok(Line::End) => Next::End,
                    Ok(Line::Text(line)) if blank(&line) => Next::Blank,
                    Ok(Line::Text(bytes)) => Next::Work(Work::Line { label, bytes }),
                    Ok(Line::TooLong) => failed(too_long()),
                    Ok(Line::Endless) => {
                        self.source = LogSource::Ended;
                        failed(format!(
                            "{}, and no line feed within {} bytes: the rest of the file is not read",
                            too_long(),
                            DEFAULT_MAX_SIZE.saturating_add(1).saturating_add(SKIPPED_AT_MOST)
                        ))
                    }
                    Err(e) => {
                        self.source = LogSource::Ended;
                        failed(e.to_string())
                    }
                }
            }
            _ => Next::End,
        }
    }
}

fn too_long() -> String {
    format!("a line over the size limit ({DEFAULT_MAX_SIZE} bytes)")
}

/// How one line of a log file read.
enum Line {
    End,
    Text(Vec<u8>),
    /// Over the limit: skipped to its end, not kept.
    TooLong,
    /// Over the limit, with no line feed within [`SKIPPED_AT_MOST`] bytes.
    Endless,
}

/// Reads up to the next line feed, keeping at most [`DEFAULT_MAX_SIZE`] bytes.
fn read_line(reader: &mut BufReader<File>) -> std::io::Result<Line> {
    let mut line = Vec::new();
    let limit = u64::try_from(DEFAULT_MAX_SIZE)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    if reader.by_ref().take(limit).read_until(b'\n', &mut line)? == 0 {
        return Ok(Line::End);
    }
    if line.last() == Some(&b'\n') {
        line.pop();
        return Ok(Line::Text(line));
    }
    if line.len() <= DEFAULT_MAX_SIZE {
        // the end of the file, without a line feed
        return Ok(Line::Text(line));
    }
    let mut skipped = 0usize;
    loop {
        let buf = match reader.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(Line::TooLong);
        }
        if let Some(i) = buf.iter().position(|b| *b == b'\n') {
            reader.consume(i + 1);
            return Ok(Line::TooLong);
        }
        let n = buf.len();
        reader.consume(n);
        skipped = skipped.saturating_add(n);
        if skipped > SKIPPED_AT_MOST {
            return Ok(Line::Endless);
        }
    }
}

/// A column being built, by its type.
enum Builder {
    Text(StringBuilder),
    Int(Int64Builder),
    Float(Float64Builder),
    Bool(BooleanBuilder),
    Time(TimestampMillisecondBuilder),
}

/// The columns of one batch, built row by row.
struct Table {
    columns: Vec<Builder>,
    rows: usize,
    /// Bytes of text in the string columns so far.
    text: usize,
}

impl Table {
    fn new() -> Self {
        let columns = COLUMNS
            .iter()
            .map(|c| match data_type(c.kind) {
                DataType::Int64 => Builder::Int(Int64Builder::new()),
                DataType::Float64 => Builder::Float(Float64Builder::new()),
                DataType::Boolean => Builder::Bool(BooleanBuilder::new()),
                DataType::Timestamp(..) => {
                    Builder::Time(TimestampMillisecondBuilder::new().with_timezone(UTC))
                }
                _ => Builder::Text(StringBuilder::new()),
            })
            .collect();
        Table {
            columns,
            rows: 0,
            text: 0,
        }
    }

    fn push(&mut self, row: &JobRow) {
        for (column, cell) in self.columns.iter_mut().zip(row.cells()) {
            match (column, cell) {
                (Builder::Text(b), Cell::Text(v)) => b.append_option(v),
                (Builder::Int(b), Cell::Int(v)) => b.append_option(v),
                (Builder::Float(b), Cell::Float(v)) => b.append_option(v),
                (Builder::Bool(b), Cell::Bool(v)) => b.append_option(v),
                (Builder::Time(b), Cell::Time(v)) => b.append_option(v.map(|t| t.timestamp_millis())),
                (column, _) => column.append_null(),
            }
        }
        self.rows += 1;
    }

    fn finish(self, schema: &SchemaRef) -> Result<RecordBatch, ArrowError> {
        let arrays: Vec<ArrayRef> = self
            .columns
            .into_iter()
            .map(|column| -> ArrayRef {
                match column {
                    Builder::Text(mut b) => Arc::new(b.finish()),
                    Builder::Int(mut b) => Arc::new(b.finish()),
                    Builder::Float(mut b) => Arc::new(b.finish()),
                    Builder::Bool(mut b) => Arc::new(b.finish()),
                    Builder::Time(mut b) => Arc::new(b.finish()),
                }
            })
            .collect();
        RecordBatch::try_new(Arc::clone(schema), arrays)
    }
}

impl Builder {
    fn append_null(&mut self) {
        match self {
            Builder::Text(b) => b.append_null(),
            Builder::Int(b) => b.append_null(),
            Builder::Float(b) => b.append_null(),
            Builder::Bool(b) => b.append_null(),
            Builder::Time(b) => b.append_null(),
        }
    }
}
