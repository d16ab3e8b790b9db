//! Python bindings of `dts-job-detail`: a thin layer over the Rust API — every
//! rule (tolerance, task kinds, units, validation, canonical output) is the
//! crate's; this module only converts to Python objects.

mod arrow;
mod probe;
#[cfg(test)]
mod stubs;

use std::sync::{Arc, OnceLock};

use dts::{ErrorEnvelope, JobDetail, JobPage, Options, Parser, Response as RsResponse, TaskKind, json, xml};
use pyo3::exceptions::{PyAttributeError, PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyList, PyString, PyType};

pyo3::create_exception!(
    dts_job_detail,
    ParseError,
    PyValueError,
    "A document that could not be read: `line`, `column` (1-based, 0 when unknown), `pointer` \
     (JSON Pointer of the member, \"\" when none), `kind` (`syntax`, `shape`, `limit`, …) and \
     `path` (the file, for parse_file and parse_files)."
);

/// The `ParseError` of a crate error.
fn parse_error(py: Python<'_>, e: &dts::Error, path: Option<&str>) -> PyErr {
    let message = match path {
        Some(p) => format!("{p}: {e}"),
        None => e.to_string(),
    };
    let err = ParseError::new_err(message);
    let value = err.value(py);
    let kind = e.kind().as_str();
    let set = || -> PyResult<()> {
        value.setattr("line", e.line())?;
        value.setattr("column", e.column())?;
        value.setattr("pointer", e.path())?;
        value.setattr("kind", kind)?;
        value.setattr("path", path)?;
        Ok(())
    };
    match set() {
        Ok(()) => err,
        Err(other) => other,
    }
}

/// The parser of the keyword arguments every entry point takes.
fn parser(strict: bool, task_kind: Option<&str>) -> PyResult<Parser> {
    let parser = Parser::new().strict(strict);
    Ok(match task_kind {
        None => parser,
        Some("migration") => parser.task_kind(TaskKind::Migration),
        Some("synchronization") => parser.task_kind(TaskKind::Synchronization),
        Some("change-tracking") => parser.task_kind(TaskKind::ChangeTracking),
        Some(other) => {
            return Err(PyValueError::new_err(format!(
                "task_kind is \"migration\", \"synchronization\" or \"change-tracking\", not {other:?}"
            )));
        }
    })
}

/// `json.loads(text)`.
fn loads(py: Python<'_>, text: &str) -> PyResult<Py<PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let loads = LOADS.get_or_try_init(py, || {
        Ok::<_, PyErr>(py.import("json")?.getattr("loads")?.unbind())
    })?;
    Ok(loads.bind(py).call1((text,))?.unbind())
}

/// The canonical JSON of `doc` as Python objects: straight from the model
/// through serde (no JSON text), or — for the rare document with a number
/// serde has no exact form for — `json.loads` of the canonical text, so the
/// result is always what `json.loads(to_json())` gives.
fn to_python<D: dts::Document + serde::Serialize + ?Sized>(py: Python<'_>, doc: &D) -> PyResult<Py<PyAny>> {
    if probe::exact(doc) {
        pythonize::pythonize(py, doc)
            .map(Bound::unbind)
            .map_err(|e| PyValueError::new_err(e.to_string()))
    } else {
        loads(py, &json::to_string(doc))
    }
}

/// `datetime.timedelta(0, seconds, microseconds)` for `ms` milliseconds.
fn timedelta(py: Python<'_>, ms: Option<i64>) -> PyResult<Option<Py<PyAny>>> {
    static TIMEDELTA: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    let Some(ms) = ms else { return Ok(None) };
    let class = TIMEDELTA.import(py, "datetime", "timedelta")?;
    let delta = class.call1((0, ms.div_euclid(1000), ms.rem_euclid(1000) * 1000))?;
    Ok(Some(delta.unbind()))
}

/// `datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc)`.
fn utc_time(py: Python<'_>, seconds: Option<i64>) -> PyResult<Option<Py<PyAny>>> {
    static DATETIME: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    static UTC: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let Some(seconds) = seconds else { return Ok(None) };
    let utc = UTC.get_or_try_init(py, || {
        Ok::<_, PyErr>(
            py.import("datetime")?
                .getattr("timezone")?
                .getattr("utc")?
                .unbind(),
        )
    })?;
    let time = DATETIME
        .import(py, "datetime", "datetime")?
        .call_method1("fromtimestamp", (seconds, utc))?;
    Ok(Some(time.unbind()))
}

/// What a job says, read once with the Rust view (kind inheritance needs the walk).
#[derive(Clone)]
struct Facts {
    pointer: String,
    parent: Option<String>,
    depth: usize,
    task_kind: &'static str,
    status: Option<String>,
    status_raw: Option<String>,
    status_known: bool,
    status_class: &'static str,
    delay_ms: Option<i64>,
    checkpoint: Option<i64>,
}

impl Facts {
    fn of(job: &dts::Job<'_>) -> Self {
        let status = job.status();
        Facts {
            pointer: job.pointer().to_owned(),
            parent: job.parent_pointer().map(str::to_owned),
            depth: job.depth(),
            task_kind: job.task_kind().as_str(),
            status_known: status.as_ref().is_some_and(|s| s.known.is_some()),
            status_class: job.status_class().as_str(),
            status: status.as_ref().map(|s| s.canonical().to_owned()),
            status_raw: status.map(|s| s.raw),
            delay_ms: job.delay().and_then(|d| i64::try_from(d.as_millis()).ok()),
            checkpoint: job.checkpoint(),
        }
    }
}

/// Every member name of every kind of response (a job's, a list page's, the
/// gateway envelope's), as (snake-case name, wire name).
fn every_member() -> impl Iterator<Item = &'static (&'static str, &'static str)> {
    [JobDetail::MEMBERS, JobPage::MEMBERS, ErrorEnvelope::MEMBERS]
        .into_iter()
        .flatten()
}

/// A member by its snake-case name: from the canonical dict, `None` when
/// absent. A member of another kind of response (`dts_job_id` on a gateway
/// error, `host_id` on a detail, `page_number` on a job) is absent too: every
/// response has every member name, so code that reads one needs no `hasattr`.
fn member(py: Python<'_>, dict: &Py<PyAny>, members: &[(&str, &str)], name: &str) -> PyResult<Py<PyAny>> {
    match members.iter().find(|(field, _)| *field == name) {
        Some((_, wire)) => Ok(dict.bind(py).call_method1("get", (*wire,))?.unbind()),
        None if is_member_name(name) => Ok(py.None()),
        None => Err(PyAttributeError::new_err(format!(
            "no member or attribute {name:?}"
        ))),
    }
}

/// Whether `name` is a member of a job, a list page or the gateway envelope.
fn is_member_name(name: &str) -> bool {
    every_member().any(|(field, _)| *field == name)
}

/// `dir()` of a response or a job: its class's attributes and every member
/// name (what `__getattr__` answers).
fn dir_with_members(class: &Bound<'_, pyo3::types::PyType>) -> PyResult<Vec<String>> {
    let mut names: Vec<String> = class.dir()?.iter().map(|n| n.to_string()).collect();
    names.extend(every_member().map(|(field, _)| (*field).to_owned()));
    names.sort();
    names.dedup();
    Ok(names)
}

/// A parsed `DescribeDtsJobDetail` response (a job detail or a gateway error
/// envelope). Members are attributes by their snake-case names
/// (`resp.dts_job_id`, `resp.source_endpoint`), as in the canonical JSON.
#[pyclass(frozen, module = "dts_job_detail")]
struct Response {
    inner: Arc<RsResponse>,
    options: Options,
    facts: Option<Facts>,
    dict: OnceLock<Py<PyAny>>,
}

impl Response {
    fn new(inner: RsResponse, options: Options) -> Self {
        let facts = inner.detail().map(|d| Facts::of(&d.job_with(&options)));
        Response {
            inner: Arc::new(inner),
            options,
            facts,
            dict: OnceLock::new(),
        }
    }

    fn cached(&self, py: Python<'_>) -> PyResult<&Py<PyAny>> {
        if let Some(d) = self.dict.get() {
            return Ok(d);
        }
        let d = to_python(py, &*self.inner)?;
        Ok(self.dict.get_or_init(|| d))
    }
}

#[pymethods]
impl Response {
    /// `"detail"`, `"page"` (a `DescribeDtsJobs` list page) or `"error"`
    /// (the gateway's error envelope).
    #[getter]
    fn kind(&self) -> &'static str {
        match &*self.inner {
            RsResponse::Detail(_) => "detail",
            RsResponse::Page(_) => "page",
            RsResponse::Error(_) => "error",
        }
    }

    /// `"migration"`, `"synchronization"`, `"change-tracking"` or `"unknown"`.
    #[getter]
    fn task_kind(&self) -> &'static str {
        self.facts.as_ref().map_or("unknown", |f| f.task_kind)
    }

    /// `Status`: the documented spelling of a status in the task kind's list
    /// (`Synchronizing` for `synchronizing`), else as sent; `None` when absent.
    #[getter]
    fn status(&self) -> Option<String> {
        self.facts.as_ref().and_then(|f| f.status.clone())
    }

    /// `Status` as sent (`None` when absent).
    #[getter]
    fn status_raw(&self) -> Option<String> {
        self.facts.as_ref().and_then(|f| f.status_raw.clone())
    }

    /// Whether `Status` is in the list of the task kind.
    #[getter]
    fn status_known(&self) -> bool {
        self.facts.as_ref().is_some_and(|f| f.status_known)
    }

    /// The status's class: `not-started`, `running`, `paused`, `failed`,
    /// `finished` or `unknown` (also for a gateway error).
    #[getter]
    fn status_class(&self) -> &'static str {
        self.facts.as_ref().map_or("unknown", |f| f.status_class)
    }

    /// `Delay` as a `timedelta` in the task kind's unit; `None` when absent or the kind is unknown.
    #[getter]
    fn delay(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        timedelta(py, self.facts.as_ref().and_then(|f| f.delay_ms))
    }

    /// `Checkpoint` as a UTC `datetime`.
    #[getter]
    fn checkpoint_time(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        utc_time(py, self.facts.as_ref().and_then(|f| f.checkpoint))
    }

    /// The API error as `{"code": …, "message": …}` (`%s` filled in), or `None`.
    #[getter]
    fn error(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        let error = match &*self.inner {
            RsResponse::Detail(d) => d.error(),
            RsResponse::Page(p) => p.error(),
            RsResponse::Error(e) => Some(e.error()),
        };
        error_dict(py, error)
    }

    /// `""`: the response is the top-level job (as a `Job`'s pointer).
    #[getter]
    fn pointer(&self) -> &'static str {
        ""
    }

    /// `None`: the top level is nested in nothing.
    #[getter]
    fn parent_pointer(&self) -> Option<&'static str> {
        None
    }

    /// 0: the top level.
    #[getter]
    fn depth(&self) -> usize {
        0
    }

    /// Every job nested in this response, at any depth, in document order
    /// (of a page: its items and the jobs nested in them).
    fn sub_jobs(&self) -> Vec<Job> {
        let jobs = match &*self.inner {
            RsResponse::Detail(d) => d.job_with(&self.options).sub_jobs(),
            other => other.jobs_with(&self.options),
        };
        jobs.map(|j| Job::new(&self.inner, self.options, &j)).collect()
    }

    /// Every job of the response, each as a `Job`: a detail's top level and
    /// the jobs nested in it; a page's items and theirs; none for an error.
    fn jobs(&self) -> Vec<Job> {
        self.inner
            .jobs_with(&self.options)
            .map(|j| Job::new(&self.inner, self.options, &j))
            .collect()
    }

    /// The canonical JSON as Python objects (a new dict each call).
    fn to_dict(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        to_python(py, &*self.inner)
    }

    /// The canonical JSON text.
    fn to_json(&self) -> String {
        json::to_string(&*self.inner)
    }

    /// The canonical XML text; `ValueError` for a value XML 1.0 cannot carry.
    fn to_xml(&self) -> PyResult<String> {
        xml::to_string(&*self.inner).map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// Every problem found, as `Diagnostic` objects.
    fn validate(&self) -> Vec<Diagnostic> {
        diagnostics(self.inner.validate_with(&self.options))
    }

    fn __getattr__(&self, py: Python<'_>, name: &str) -> PyResult<Py<PyAny>> {
        let members = match &*self.inner {
            RsResponse::Detail(_) => JobDetail::MEMBERS,
            RsResponse::Page(_) => JobPage::MEMBERS,
            RsResponse::Error(_) => ErrorEnvelope::MEMBERS,
        };
        member(py, self.cached(py)?, members, name)
    }

    /// The attributes and every member name.
    fn __dir__(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        dir_with_members(&py.get_type::<Response>())
    }

    /// Equal when both hold the same data (members, known and unknown) and
    /// were read with the same options.
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Response>()
            .is_ok_and(|o| o.get().options == self.options && *o.get().inner == *self.inner)
    }

    /// The object itself: a response never changes.
    fn __copy__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    /// The object itself: a response never changes.
    fn __deepcopy__(slf: Py<Self>, _memo: &Bound<'_, PyAny>) -> Py<Self> {
        slf
    }

    /// Pickled as its canonical JSON and options, so it crosses a process
    /// boundary (multiprocessing, Spark). What reading noticed beside the
    /// data (XML attributes, members given twice) is not carried: `validate()`
    /// of the copy reports the data's problems only.
    fn __reduce__(&self, py: Python<'_>) -> PyResult<(Py<PyAny>, RestoreArgs)> {
        let restore = py.import("dts_job_detail")?.getattr("_restore")?.unbind();
        Ok((restore, restore_args(&self.inner, &self.options)))
    }

    fn __repr__(&self) -> String {
        match &*self.inner {
            RsResponse::Detail(d) => format!(
                "<Response detail {} {} {}>",
                d.dts_job_id.as_deref().unwrap_or("-"),
                self.task_kind(),
                self.status().as_deref().unwrap_or("-")
            ),
            RsResponse::Error(e) => format!("<Response error {}>", e.code.as_deref().unwrap_or("-")),
            RsResponse::Page(p) => format!(
                "<Response page {} of {} jobs>",
                p.page_number
                    .as_ref()
                    .and_then(|n| n.get())
                    .map_or("-".to_owned(), |n| n.to_string()),
                p.dts_job_list.len()
            ),
        }
    }
}

/// An API error as `{"code", "message"}`.
fn error_dict(py: Python<'_>, error: Option<dts::BusinessError>) -> PyResult<Option<Py<PyAny>>> {
    error
        .map(|e| {
            let d = pyo3::types::PyDict::new(py);
            d.set_item("code", e.code)?;
            d.set_item("message", e.message)?;
            Ok(d.into_any().unbind())
        })
        .transpose()
}

/// Diagnostics as Python objects.
fn diagnostics(found: Vec<dts::Diagnostic>) -> Vec<Diagnostic> {
    found
        .into_iter()
        .map(|d| Diagnostic {
            path: d.path,
            code: d.code.as_str(),
            severity: d.severity.as_str(),
            message: d.message,
        })
        .collect()
}

/// A job nested in a response (`Response.sub_jobs()`): the same members and
/// meaning as the top level, with its place.
#[pyclass(frozen, module = "dts_job_detail")]
struct Job {
    root: Arc<RsResponse>,
    options: Options,
    facts: Facts,
    dict: OnceLock<Py<PyAny>>,
}

impl Job {
    /// The Python view of `job`, a job of `root`.
    fn new(root: &Arc<RsResponse>, options: Options, job: &dts::Job<'_>) -> Self {
        Job {
            root: Arc::clone(root),
            options,
            facts: Facts::of(job),
            dict: OnceLock::new(),
        }
    }

    fn detail(&self) -> PyResult<&JobDetail> {
        self.root
            .job_at(&self.facts.pointer)
            .ok_or_else(|| PyValueError::new_err("the job is not in its response"))
    }
}

#[pymethods]
impl Job {
    /// JSON Pointer of the job in the canonical document.
    #[getter]
    fn pointer(&self) -> &str {
        &self.facts.pointer
    }

    /// Pointer of the job it is nested in.
    #[getter]
    fn parent_pointer(&self) -> Option<&str> {
        self.facts.parent.as_deref()
    }

    /// 1 for a sub-job of the top level, 2 for one nested in it, …
    #[getter]
    fn depth(&self) -> usize {
        self.facts.depth
    }

    /// The task kind, its own or its parent's.
    #[getter]
    fn task_kind(&self) -> &'static str {
        self.facts.task_kind
    }

    /// `Status`: the documented spelling of a status in the task kind's list,
    /// else as sent.
    #[getter]
    fn status(&self) -> Option<String> {
        self.facts.status.clone()
    }

    /// `Status` as sent.
    #[getter]
    fn status_raw(&self) -> Option<String> {
        self.facts.status_raw.clone()
    }

    /// Whether `Status` is in the list of the task kind.
    #[getter]
    fn status_known(&self) -> bool {
        self.facts.status_known
    }

    /// The status's class: `not-started`, `running`, `paused`, `failed`,
    /// `finished` or `unknown`.
    #[getter]
    fn status_class(&self) -> &'static str {
        self.facts.status_class
    }

    /// `Delay` as a `timedelta`.
    #[getter]
    fn delay(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        timedelta(py, self.facts.delay_ms)
    }

    /// `Checkpoint` as a UTC `datetime`.
    #[getter]
    fn checkpoint_time(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        utc_time(py, self.facts.checkpoint)
    }

    /// The job's API error (`ErrCode` and `ErrMessage`, `%s` filled in), as
    /// `{"code", "message"}`; `None` when it reports none.
    #[getter]
    fn error(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        error_dict(py, self.detail()?.error())
    }

    /// Every job nested in this one, at any depth, in document order.
    fn sub_jobs(&self) -> Vec<Job> {
        let found = self
            .root
            .jobs_with(&self.options)
            .find(|j| j.pointer() == self.facts.pointer);
        let Some(this) = found else {
            return Vec::new();
        };
        this.sub_jobs()
            .map(|j| Job::new(&self.root, self.options, &j))
            .collect()
    }

    /// The problems of this job and of the jobs nested in it, as
    /// `Diagnostic` objects (their paths start with its pointer).
    fn validate(&self) -> Vec<Diagnostic> {
        let pointer = &self.facts.pointer;
        let inside = |path: &str| {
            path.strip_prefix(pointer.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        };
        let found = self.root.validate_with(&self.options);
        diagnostics(found.into_iter().filter(|d| inside(&d.path)).collect())
    }

    /// The job's canonical JSON as Python objects, as it is inside its
    /// response (a job object: `Checkpoint` a string).
    fn to_dict(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        to_python(py, &dts::model::JobObject(self.detail()?))
    }

    /// The job's canonical JSON text, as it is inside its response.
    fn to_json(&self) -> PyResult<String> {
        Ok(json::to_string(&dts::model::JobObject(self.detail()?)))
    }

    fn __getattr__(&self, py: Python<'_>, name: &str) -> PyResult<Py<PyAny>> {
        let dict = match self.dict.get() {
            Some(d) => d,
            None => {
                let d = self.to_dict(py)?;
                self.dict.get_or_init(|| d)
            }
        };
        member(py, dict, JobDetail::MEMBERS, name)
    }

    /// The attributes and every member name.
    fn __dir__(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        dir_with_members(&py.get_type::<Job>())
    }

    /// Equal when both are the same job (place and data) of equal responses.
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<Job>().is_ok_and(|o| {
            let o = o.get();
            o.facts.pointer == self.facts.pointer && o.options == self.options && *o.root == *self.root
        })
    }

    /// The object itself: a job never changes.
    fn __copy__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    /// The object itself: a job never changes.
    fn __deepcopy__(slf: Py<Self>, _memo: &Bound<'_, PyAny>) -> Py<Self> {
        slf
    }

    /// Pickled as its response (see `Response.__reduce__`) and its pointer.
    #[allow(clippy::type_complexity)] // the restoring function's four arguments
    fn __reduce__(
        &self,
        py: Python<'_>,
    ) -> PyResult<(Py<PyAny>, (String, bool, Option<&'static str>, String))> {
        let restore = py.import("dts_job_detail")?.getattr("_restore_job")?.unbind();
        let (text, strict, kind) = restore_args(&self.root, &self.options);
        Ok((restore, (text, strict, kind, self.facts.pointer.clone())))
    }

    fn __repr__(&self) -> String {
        let id = self
            .detail()
            .ok()
            .and_then(|d| d.dts_job_id.as_deref().map(str::to_owned));
        format!(
            "<Job {} {} {} {}>",
            self.facts.pointer,
            id.as_deref().unwrap_or("-"),
            self.facts.task_kind,
            self.facts.status.as_deref().unwrap_or("-")
        )
    }
}

/// One problem found by `validate()`.
#[pyclass(frozen, module = "dts_job_detail", eq)]
#[derive(PartialEq)]
struct Diagnostic {
    /// JSON Pointer of the member (`""` for the root).
    #[pyo3(get)]
    path: String,
    /// The code, such as `invalid-timestamp`.
    #[pyo3(get)]
    code: &'static str,
    /// `error` or `warning`.
    #[pyo3(get)]
    severity: &'static str,
    /// A sentence for people.
    #[pyo3(get)]
    message: String,
}

#[pymethods]
impl Diagnostic {
    /// `{"path", "code", "severity", "message"}` (the CLI's `check --format json` without `file`).
    fn to_dict(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let d = pyo3::types::PyDict::new(py);
        d.set_item("path", &self.path)?;
        d.set_item("code", self.code)?;
        d.set_item("severity", self.severity)?;
        d.set_item("message", &self.message)?;
        Ok(d.into_any().unbind())
    }

    fn __repr__(&self) -> String {
        format!(
            "<Diagnostic {} {} {}: {}>",
            self.severity, self.code, self.path, self.message
        )
    }
}

/// Parses one response from `bytes` or `str` (JSON or XML, sniffed), or from
/// a `dict` (what `json.load` or the official SDK's `to_map()` gives).
#[pyfunction]
#[pyo3(signature = (data, *, strict = false, task_kind = None))]
fn parse(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    strict: bool,
    task_kind: Option<&str>,
) -> PyResult<Response> {
    let parser = parser(strict, task_kind)?;
    let parsed = if let Ok(bytes) = data.cast::<PyBytes>() {
        parser.parse(bytes.as_bytes())
    } else if let Ok(text) = data.cast::<PyString>() {
        parser.parse_str(&text.to_cow()?)
    } else if data.cast::<pyo3::types::PyDict>().is_ok() {
        // through JSON text: Python's `json` writes integers exactly
        let text: String = py.import("json")?.call_method1("dumps", (data,))?.extract()?;
        parser.parse_str(&text)
    } else {
        return Err(pyo3::exceptions::PyTypeError::new_err(
            "parse() takes bytes, str or dict",
        ));
    };
    parsed
        .map(|r| Response::new(r, *parser.options()))
        .map_err(|e| parse_error(py, &e, None))
}

/// What pickles a response: its canonical JSON, `strict` and `task_kind`.
type RestoreArgs = (String, bool, Option<&'static str>);

/// What pickles a response: its canonical JSON and its options.
fn restore_args(response: &RsResponse, options: &Options) -> RestoreArgs {
    (
        json::to_string(response),
        options.is_strict(),
        options.task_kind_override().map(TaskKind::as_str),
    )
}

/// Unpickles a response (`Response.__reduce__`).
#[pyfunction]
#[pyo3(signature = (text, strict, task_kind))]
fn _restore(py: Python<'_>, text: &str, strict: bool, task_kind: Option<&str>) -> PyResult<Response> {
    // what was read once is read back whole: its canonical JSON may be smaller
    // than the document it came from, and so would its budget be
    let parser = parser(strict, task_kind)?
        .max_depth(dts::MAX_DEPTH_CEILING)
        .max_size(usize::MAX)
        .max_memory(usize::MAX);
    parser
        .parse_str(text)
        .map(|r| Response::new(r, *parser.options()))
        .map_err(|e| parse_error(py, &e, None))
}

/// Unpickles a job (`Job.__reduce__`).
#[pyfunction]
#[pyo3(signature = (text, strict, task_kind, pointer))]
fn _restore_job(
    py: Python<'_>,
    text: &str,
    strict: bool,
    task_kind: Option<&str>,
    pointer: &str,
) -> PyResult<Job> {
    let response = _restore(py, text, strict, task_kind)?;
    response
        .inner
        .jobs_with(&response.options)
        .find(|j| j.pointer() == pointer)
        .map(|j| Job::new(&response.inner, response.options, &j))
        .ok_or_else(|| PyValueError::new_err(format!("no job at {pointer:?}")))
}

/// Reads and parses one file.
fn read_file(parser: &Parser, path: &std::path::Path) -> Result<RsResponse, ReadFailure> {
    let file = std::fs::File::open(path).map_err(ReadFailure::Io)?;
    parser.read(file).map_err(|e| {
        // reading failed (a folder opens, then cannot be read): the OS's error
        let os = std::error::Error::source(&e)
            .and_then(|s| s.downcast_ref::<std::io::Error>())
            .and_then(std::io::Error::raw_os_error);
        match os {
            Some(code) => ReadFailure::Io(std::io::Error::from_raw_os_error(code)),
            None => ReadFailure::Parse(e),
        }
    })
}

enum ReadFailure {
    Io(std::io::Error),
    Parse(dts::Error),
}

impl ReadFailure {
    fn into_py(self, py: Python<'_>, path: &str) -> PyErr {
        match self {
            ReadFailure::Io(e) => os_error(&e, path),
            ReadFailure::Parse(e) => parse_error(py, &e, Some(path)),
        }
    }
}

/// `OSError(errno, strerror, filename)`: Python makes it the subclass the
/// number names (`FileNotFoundError`, `PermissionError`, `IsADirectoryError`, …).
fn os_error(e: &std::io::Error, path: &str) -> PyErr {
    match e.raw_os_error() {
        Some(errno) => {
            let text = e.to_string();
            let strerror = text.split(" (os error").next().unwrap_or(&text).to_owned();
            PyOSError::new_err((errno, strerror, path.to_owned()))
        }
        None => PyOSError::new_err(format!("{path}: {e}")),
    }
}

/// Reads and parses one file.
#[pyfunction]
#[pyo3(signature = (path, *, strict = false, task_kind = None))]
fn parse_file(
    py: Python<'_>,
    path: std::path::PathBuf,
    strict: bool,
    task_kind: Option<&str>,
) -> PyResult<Response> {
    let parser = parser(strict, task_kind)?;
    let path = path.to_string_lossy().into_owned();
    let parsed = py.detach(|| read_file(&parser, path.as_ref()));
    parsed
        .map(|r| Response::new(r, *parser.options()))
        .map_err(|f| f.into_py(py, &path))
}

/// Reads and parses many files in parallel (the GIL released), in order.
/// `errors="raise"` (the default) raises for the first that cannot be read;
/// `errors="return"` puts its exception in its place and reads the rest.
/// `threads`: how many (default: one per core).
#[pyfunction]
#[pyo3(signature = (paths, threads = None, *, strict = false, task_kind = None, errors = "raise"))]
fn parse_files(
    py: Python<'_>,
    paths: Vec<std::path::PathBuf>,
    threads: Option<usize>,
    strict: bool,
    task_kind: Option<&str>,
    errors: &str,
) -> PyResult<Py<PyList>> {
    let in_place = match errors {
        "raise" => false,
        "return" => true,
        other => {
            return Err(PyValueError::new_err(format!(
                "errors={other:?}: \"raise\" or \"return\""
            )));
        }
    };
    use rayon::prelude::*;
    let parser = parser(strict, task_kind)?;
    let paths: Vec<String> = paths.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .build()
        .map_err(|e| PyOSError::new_err(e.to_string()))?;
    let results: Vec<Result<RsResponse, ReadFailure>> =
        py.detach(|| pool.install(|| paths.par_iter().map(|p| read_file(&parser, p.as_ref())).collect()));
    let mut out: Vec<Py<PyAny>> = Vec::with_capacity(results.len());
    for (result, path) in results.into_iter().zip(&paths) {
        match result {
            Ok(response) => out.push(Py::new(py, Response::new(response, *parser.options()))?.into_any()),
            Err(failure) if in_place => out.push(failure.into_py(py, path).into_value(py).into_any()),
            Err(failure) => return Err(failure.into_py(py, path)),
        }
    }
    Ok(PyList::new(py, out)?.unbind())
}

/// Offline reader of Alibaba Cloud DTS `DescribeDtsJobDetail` responses (JSON
/// and XML): typed, tolerant, validated — the Rust crate `dts-job-detail`.
#[pymodule]
#[pyo3(name = "_native")]
fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("ParseError", m.py().get_type::<ParseError>())?;
    m.add_class::<Response>()?;
    m.add_class::<Job>()?;
    m.add_class::<Diagnostic>()?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_file, m)?)?;
    m.add_function(wrap_pyfunction!(parse_files, m)?)?;
    m.add_class::<arrow::JobRows>()?;
    m.add_function(wrap_pyfunction!(arrow::to_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(_restore, m)?)?;
    m.add_function(wrap_pyfunction!(_restore_job, m)?)?;
    Ok(())
}
