//! Validation: every problem of a parsed response as a [`Diagnostic`] with a
//! JSON Pointer into the canonical document.
//!
//! | code | severity | when |
//! |---|---|---|
//! | `invalid-timestamp` | error | a timestamp member (`CreateTime`, `FinishTime`, `ExpireTime`, `BootTime`, `BeginTimestamp`, `EndTimestamp`, `ConsumptionCheckpoint`, `LastUpdateTime`, `TagList` times) is not a real date and time in a known form |
//! | `lenient-timestamp` | warning | fractional seconds, an offset, no zone, a space for `T`, or white space around it |
//! | `timestamp-order` | error | `CreateTime` after `FinishTime` or `ExpireTime`, `BeginTimestamp` after `EndTimestamp`, `ConsumptionCheckpoint` outside them (reported at the later member) |
//! | `invalid-number` | error | a number member kept raw; a negative `Delay`; `Percent` or `InitCheckpoint` not a number |
//! | `invalid-bool` | error | a boolean member kept raw |
//! | `unknown-status` | warning | `Status` outside its task kind's list; a stage status outside its stage's list |
//! | `ambiguous-unit` | warning | `Delay` with a value and no task kind |
//! | `invalid-embedded-json` | warning | `DbObject` or `Reserved` is not JSON |
//! | `percent-out-of-range` | error | `Percent` outside 0–100 |
//! | `missing-field` | error | no `RequestId`; no `DtsJobId` in a successful detail (top level only) |
//! | `unexpected-root` | warning | XML root other than `DescribeDtsJobDetailResponse` / `Error` |
//! | `xml-attribute` | warning | an XML element carried an attribute (the API sends none; the model does not keep it), at the pointer of that element's member |
//! | `repeated-member` | warning | a member given again after a value (`{"Delay":1,"Delay":2}`, two `<Delay>` elements): the last value is kept, the earlier one is lost. Lists and members without a type accumulate instead and are not reported. Only text read by the crate's readers is checked (not a value handed to `Deserialize`); inside an SDK dump's body the pointer is the body's own; in XML the pointer names elements without list indexes |
//!
//! The timestamp forms are those of [`JobDetail::create_time`] and its
//! siblings (`LastUpdateTime` also takes an epoch in milliseconds or seconds).
//! Each job is checked once, wherever it is nested, with its task kind
//! resolved as [`Job::task_kind`] says. With [`Options::strict`] every
//! warning is an error. `EtlCalculator` is not checked: the service's own
//! example of it is not JSON.

use std::fmt;

use strum_macros::{Display, IntoStaticStr};

use crate::model::{
    ErrorEnvelope, JobDetail, JobOrValue, JobPage, Response, Scalar, StageStatus, TopLevel, Wire,
};

/// Members by wire name: a job's, a tag's, a stage's (a precheck's `Status`
/// and `Percent` are spelled as a stage's).
type J = Wire<JobDetail>;
type S = Wire<StageStatus>;
use crate::model::meaning::{MAX_TIMESTAMPS, Meaning, StageView};
use crate::task::{Job, Options, Stage, TaskKind};
use crate::timestamp::{Form, Stamp, read_member};
use chrono::{DateTime, Utc};

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Display, IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
#[non_exhaustive]
pub enum Severity {
    /// Something a consumer should look at; the value is still usable.
    Warning,
    /// The data is wrong (an impossible date, a number that is not one, …).
    Error,
}

impl Severity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

listed_enum! {
/// What a [`Diagnostic`] is about. Names print in kebab-case (`invalid-timestamp`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Display, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
#[non_exhaustive]
#[allow(missing_docs)] // documented in the module's table
pub enum DiagnosticCode {
    InvalidTimestamp,
    LenientTimestamp,
    TimestampOrder,
    InvalidNumber,
    InvalidBool,
    UnknownStatus,
    AmbiguousUnit,
    InvalidEmbeddedJson,
    PercentOutOfRange,
    MissingField,
    UnexpectedRoot,
    XmlAttribute,
    RepeatedMember,
    /// A list page with more items than its `PageRecordCount`.
    ItemsOverPageSize,
    /// A list page whose `TotalRecordCount` is smaller than its items.
    TotalBelowItems,
    /// Two items of a list page with one `DtsJobId`.
    DuplicateJobId,
}
}

impl DiagnosticCode {
    /// The code's name, e.g. `invalid-timestamp`.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The severity outside strict mode.
    pub fn severity(self) -> Severity {
        use DiagnosticCode::*;
        match self {
            LenientTimestamp | UnknownStatus | AmbiguousUnit | InvalidEmbeddedJson | UnexpectedRoot
            | XmlAttribute | RepeatedMember | ItemsOverPageSize | TotalBelowItems | DuplicateJobId => {
                Severity::Warning
            }
            InvalidTimestamp | TimestampOrder | InvalidNumber | InvalidBool | PercentOutOfRange
            | MissingField => Severity::Error,
        }
    }
}

/// One problem found by `validate()`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Diagnostic {
    /// JSON Pointer into the canonical document (`/SubSyncJob/0/CreateTime`; `""` for the root).
    pub path: String,
    /// What kind of problem.
    pub code: DiagnosticCode,
    /// How serious.
    pub severity: Severity,
    /// A sentence for people.
    pub message: String,
}

/// As `{"path": …, "code": …, "severity": …, "message": …}` (the objects
/// of the command line's `check --format json`, without `file`).
///
/// ```
/// let resp = dts_job_detail::json::from_str(r#"{"DtsJobId":"j"}"#)?;
/// let json = serde_json::to_string(&resp.validate()[0]).unwrap();
/// assert_eq!(json, r#"{"path":"/RequestId","code":"missing-field","severity":"error","message":"no RequestId"}"#);
/// # Ok::<(), dts_job_detail::Error>(())
/// ```
impl serde::Serialize for Diagnostic {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut d = s.serialize_struct("Diagnostic", 4)?;
        d.serialize_field("path", &self.path)?;
        d.serialize_field("code", self.code.as_str())?;
        d.serialize_field("severity", self.severity.as_str())?;
        d.serialize_field("message", &self.message)?;
        d.end()
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() { "/" } else { &self.path };
        write!(f, "{} {} {}: {}", self.severity, self.code, path, self.message)
    }
}

impl Response {
    /// Validates the response; see [`JobDetail::validate`].
    pub fn validate(&self) -> Vec<Diagnostic> {
        self.validate_with(&Options::default())
    }

    /// Validates the response with `options`; see [`JobDetail::validate_with`].
    pub fn validate_with(&self, options: &Options) -> Vec<Diagnostic> {
        match self {
            Response::Detail(d) => d.validate_with(options),
            Response::Error(e) => e.validate_with(options),
            Response::Page(p) => p.validate_with(options),
        }
    }
}

impl JobPage {
    /// Every problem of the page: its own members, every job of it (each
    /// item and the jobs nested in it, at its pointer: `/DtsJobList/3/CreateTime`),
    /// and the page's counts — more items than `PageRecordCount`, a
    /// `TotalRecordCount` below the items, two items with one `DtsJobId`
    /// (warnings).
    ///
    /// ```
    /// let resp = dts_job_detail::json::from_str(r#"{"RequestId":"r","PageRecordCount":1,"TotalRecordCount":2,
    ///     "DtsJobList":[{"DtsJobId":"a","JobType":"SYNC"},{"DtsJobId":"a","JobType":"SYNC","CreateTime":"soon"}]}"#)?;
    /// let found: Vec<(String, &str)> =
    ///     resp.validate().into_iter().map(|d| (d.path, d.code.as_str())).collect();
    /// assert_eq!(found, [
    ///     ("/DtsJobList".to_owned(), "items-over-page-size"),
    ///     ("/DtsJobList/1/DtsJobId".to_owned(), "duplicate-job-id"),
    ///     ("/DtsJobList/1/CreateTime".to_owned(), "invalid-timestamp"),
    /// ]);
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    pub fn validate(&self) -> Vec<Diagnostic> {
        self.validate_with(&Options::default())
    }

    /// [`JobPage::validate`] with `options` (a task-kind override, strictness).
    pub fn validate_with(&self, options: &Options) -> Vec<Diagnostic> {
        type P = Wire<JobPage>;
        let mut out = Report::top_level(self, options);
        self.check_scalars(&Path::Job(""), &mut out);
        let items = self.dts_job_list.len();
        let count = |n: &Option<Scalar<i64>>| n.as_ref().and_then(Scalar::get);
        if let Some(size) = count(&self.page_record_count)
            && usize::try_from(size).is_ok_and(|size| items > size)
        {
            let message = format!("{items} items, more than PageRecordCount ({size})");
            out.at(
                &format!("/{}", P::dts_job_list),
                DiagnosticCode::ItemsOverPageSize,
                message,
            );
        }
        if let Some(total) = count(&self.total_record_count)
            && usize::try_from(total).is_ok_and(|total| total < items)
        {
            let message = format!("TotalRecordCount is {total}, below the {items} items of this page");
            out.at(
                &format!("/{}", P::total_record_count),
                DiagnosticCode::TotalBelowItems,
                message,
            );
        }
        let mut seen = std::collections::HashSet::new();
        for (i, item) in self.dts_job_list.iter().enumerate() {
            if let Some(id) = item.dts_job_id.as_deref().filter(|id| !id.is_empty())
                && !seen.insert(id)
            {
                let at = format!("/{}/{i}/{}", P::dts_job_list, J::dts_job_id);
                out.at(
                    &at,
                    DiagnosticCode::DuplicateJobId,
                    format!("{id:?} is an earlier item's too"),
                );
            }
        }
        for job in self.jobs_with(options) {
            check_job(&job, &mut out);
        }
        out.items
    }
}

impl ErrorEnvelope {
    /// Validates the envelope: it must carry a `RequestId`.
    pub fn validate(&self) -> Vec<Diagnostic> {
        self.validate_with(&Options::default())
    }

    /// Validates the envelope with `options` (strictness).
    pub fn validate_with(&self, options: &Options) -> Vec<Diagnostic> {
        Report::top_level(self, options).items
    }
}

impl JobDetail {
    /// Every problem of this detail and of every job nested in it, each
    /// reported once, at its JSON Pointer. Never panics.
    ///
    /// ```
    /// let resp = dts_job_detail::json::from_str(
    ///     r#"{"RequestId":"r","DtsJobId":"j","JobType":"sync","CreateTime":"2021-02-30T08:01:19Z"}"#)?;
    /// let report = resp.validate();
    /// assert_eq!(report.len(), 1);
    /// assert_eq!((report[0].path.as_str(), report[0].code.as_str()), ("/CreateTime", "invalid-timestamp"));
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    pub fn validate(&self) -> Vec<Diagnostic> {
        self.validate_with(&Options::default())
    }

    /// [`JobDetail::validate`] with `options`: a task-kind override, and
    /// strictness (every warning an error).
    ///
    /// ```
    /// use dts_job_detail::{Options, Severity, TaskKind};
    /// let resp = dts_job_detail::json::from_str(r#"{"RequestId":"r","DtsJobId":"j","Delay":3}"#)?;
    /// let d = resp.detail().unwrap();
    /// assert_eq!(d.validate()[0].code.as_str(), "ambiguous-unit");
    /// assert!(d.validate_with(&Options::new().task_kind(TaskKind::Migration)).is_empty());
    /// assert_eq!(d.validate_with(&Options::new().strict(true))[0].severity, Severity::Error);
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    pub fn validate_with(&self, options: &Options) -> Vec<Diagnostic> {
        let mut out = Report::top_level(self, options);
        let failed = matches!(self.success, Some(Scalar::Value(false)));
        if !failed && self.dts_job_id.as_deref().is_none_or(str::is_empty) {
            out.at(
                "/DtsJobId",
                DiagnosticCode::MissingField,
                "no DtsJobId in a successful response".into(),
            );
        }
        for job in self.job_with(options).with_sub_jobs() {
            check_job(&job, &mut out);
        }
        out.items
    }
}

impl Report {
    /// The report of a response's top level: what reading noticed (an XML
    /// root, attributes, members given twice) and a missing `RequestId`.
    fn top_level(doc: &impl TopLevel, options: &Options) -> Self {
        let mut out = Report::new(options.is_strict());
        if let Some(notes) = doc.notes() {
            out.markup(notes.root.as_deref(), &notes.attributes, &notes.repeated);
        }
        if doc.request_id().is_none_or(str::is_empty) {
            out.at("/RequestId", DiagnosticCode::MissingField, "no RequestId".into());
        }
        out
    }
}

/// Collects diagnostics, applying strict mode.
pub(crate) struct Report {
    strict: bool,
    items: Vec<Diagnostic>,
}

impl Report {
    fn new(strict: bool) -> Self {
        Report {
            strict,
            items: Vec::new(),
        }
    }

    fn at(&mut self, path: &str, code: DiagnosticCode, message: String) {
        let severity = if self.strict {
            Severity::Error
        } else {
            code.severity()
        };
        self.items.push(Diagnostic {
            path: path.to_owned(),
            code,
            severity,
            message,
        });
    }

    /// What an XML document carried beyond members.
    fn markup(
        &mut self,
        unexpected: Option<&str>,
        attributes: &[crate::model::XmlAttribute],
        repeated: &[String],
    ) {
        for pointer in repeated {
            self.at(
                pointer,
                DiagnosticCode::RepeatedMember,
                "the member is given more than once: the last value is kept, the earlier ones are lost"
                    .to_owned(),
            );
        }
        if let Some(name) = unexpected {
            self.at(
                "",
                DiagnosticCode::UnexpectedRoot,
                format!("root element <{name}> is neither <DescribeDtsJobDetailResponse> nor <Error>"),
            );
        }
        for a in attributes {
            self.at(
                &a.pointer,
                DiagnosticCode::XmlAttribute,
                format!(
                    "the attribute {}={:?} is not part of the response and is not kept",
                    a.name, a.value
                ),
            );
        }
    }

    /// At `base` + `/member`.
    pub(crate) fn member(&mut self, base: &Path<'_>, member: &str, code: DiagnosticCode, message: String) {
        let mut path = String::new();
        Path::Key(base, member).render(&mut path);
        self.at(&path, code, message);
    }
}

/// Where a check is, as a chain on the stack: rendered as a JSON Pointer only
/// when a diagnostic needs it, so a clean document allocates nothing.
#[derive(Clone, Copy)]
pub(crate) enum Path<'a> {
    /// A job's own pointer.
    Job(&'a str),
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    fn render(&self, out: &mut String) {
        match self {
            Path::Job(pointer) => out.push_str(pointer),
            Path::Key(parent, key) => {
                parent.render(out);
                out.push('/');
                crate::error::push_pointer_token(out, key);
            }
            Path::Index(parent, i) => {
                parent.render(out);
                out.push('/');
                out.push_str(&i.to_string());
            }
        }
    }
}

/// Checks the raw-kept numbers and booleans of a shape (not of the jobs
/// nested in it, which the walk visits on their own); generated from the
/// model's table.
pub(crate) trait CheckScalars {
    fn check_scalars(&self, path: &Path<'_>, out: &mut Report);
}

/// One member's part of [`CheckScalars`].
pub(crate) trait CheckField {
    fn check_field(&self, member: &str, path: &Path<'_>, out: &mut Report);
}

macro_rules! nothing_to_check {
    ($($ty:ty),*) => {
        $(impl CheckField for $ty {
            fn check_field(&self, _: &str, _: &Path<'_>, _: &mut Report) {}
        })*
    };
}

// Text has no type to miss; jobs are checked by the walk, each once.
nothing_to_check!(
    Option<crate::model::Str>,
    Option<JobOrValue>,
    Vec<JobOrValue>,
    Vec<JobDetail>
);

impl<E> CheckField for Option<crate::model::Open<E>> {
    fn check_field(&self, _: &str, _: &Path<'_>, _: &mut Report) {}
}

macro_rules! check_raw {
    ($ty:ty, $code:ident, $what:literal) => {
        impl CheckField for Option<Scalar<$ty>> {
            fn check_field(&self, member: &str, path: &Path<'_>, out: &mut Report) {
                if let Some(Scalar::Invalid(raw)) = self {
                    out.member(
                        path,
                        member,
                        DiagnosticCode::$code,
                        format!("{raw:?} is not {}", $what),
                    );
                }
            }
        }
    };
}

check_raw!(i64, InvalidNumber, "an integer (in 64-bit range)");
check_raw!(f64, InvalidNumber, "a number (in 64-bit floating-point range)");
check_raw!(bool, InvalidBool, "true or false");

impl<T: CheckScalars> CheckField for Option<Box<T>> {
    fn check_field(&self, member: &str, path: &Path<'_>, out: &mut Report) {
        if let Some(shape) = self {
            shape.check_scalars(&Path::Key(path, member), out);
        }
    }
}

/// A list item that is not a job (jobs are checked by the walk).
trait ListItem: CheckScalars {}
impl ListItem for crate::model::Tag {}
impl ListItem for crate::model::PrecheckDetail {}
impl ListItem for crate::model::ErrorDetail {}

impl<T: ListItem> CheckField for Vec<T> {
    fn check_field(&self, member: &str, path: &Path<'_>, out: &mut Report) {
        let list = Path::Key(path, member);
        for (i, item) in self.iter().enumerate() {
            item.check_scalars(&Path::Index(&list, i), out);
        }
    }
}

/// Implements [`CheckScalars`] for a shape of the model's table.
macro_rules! impl_check {
    (
        $(#[$meta:meta])*
        $name:ident {
            $( $(#[$fmeta:meta])* $field:ident : $ty:ty = $wire:literal $([$($mark:tt)*])?, )*
        }
        $( extra { $( $(#[$xmeta:meta])* $xfield:ident : $xty:ty, )* } )?
    ) => {
        impl CheckScalars for crate::model::$name {
            fn check_scalars(&self, path: &Path<'_>, out: &mut Report) {
                $( CheckField::check_field(&self.$field, $wire, path, out); )*
                // (a constant condition: shapes without timestamps skip it)
                if !Self::MARKED.timestamps.is_empty() {
                    check_times(self, Self::marked(|m| m.timestamps), path, out);
                }
            }
        }
    };
}

crate::model::for_each_shape!(impl_check);

/// Checks a shape's timestamp members and the order between them, as its
/// table's markers say (`timestamp`, `after`, `before`).
fn check_times<Sh: 'static>(
    shape: &Sh,
    meanings: impl Iterator<Item = &'static Meaning<Sh>>,
    path: &Path<'_>,
    out: &mut Report,
) {
    // the times read, by member: only the (at most MAX_TIMESTAMPS) present ones
    let mut times: [Option<(&Meaning<Sh>, DateTime<Utc>)>; MAX_TIMESTAMPS] = [None; MAX_TIMESTAMPS];
    let mut read = 0;
    for m in meanings {
        if let Some((form, text)) = m.timestamp
            && let Some(text) = text(shape)
            && let Some(time) = check_stamp(text, form, &Path::Key(path, m.wire), out).and_then(Stamp::time)
        {
            debug_assert!(read < MAX_TIMESTAMPS, "more than MAX_TIMESTAMPS timestamps");
            if let Some(slot) = times.get_mut(read) {
                *slot = Some((m, time));
                read += 1;
            }
        }
    }
    let present = || times.iter().flatten();
    let time_of = |name: &str| present().find(|(m, _)| m.wire == name).map(|(_, t)| *t);
    for (m, at) in present() {
        if let Some(earlier) = m.after
            && time_of(earlier).is_some_and(|t| t > *at)
        {
            let message = format!("{} is before {earlier}", m.wire);
            out.member(path, m.wire, DiagnosticCode::TimestampOrder, message);
        }
        if let Some(later) = m.before
            && time_of(later).is_some_and(|t| t < *at)
        {
            let message = format!("{} is after {later}", m.wire);
            out.member(path, m.wire, DiagnosticCode::TimestampOrder, message);
        }
    }
}

/// Checks one job (not the jobs nested in it: the walk visits them).
fn check_job(view: &Job<'_>, out: &mut Report) {
    let job = view.detail();
    let path = &Path::Job(view.pointer());
    // members kept raw, and timestamps and their order, in every shape
    job.check_scalars(path, out);
    check_numbers(job, path, out);
    check_status_and_unit(view, path, out);
    check_stages(job, path, out);
    check_embedded(job, path, out);
}

/// Numbers kept as text that must be integers, and a negative `Delay`.
fn check_numbers(job: &JobDetail, path: &Path<'_>, out: &mut Report) {
    if let Some(text) = job.init_checkpoint.as_deref().filter(|t| !t.trim().is_empty())
        && crate::scalar::exact_integer(text.trim()).is_none()
    {
        let message = format!("{text:?} is not an integer");
        out.member(path, J::init_checkpoint, DiagnosticCode::InvalidNumber, message);
    }
    if let Some(delay) = job.delay.as_ref().and_then(Scalar::get)
        && delay < 0
    {
        let message = format!("{delay} is negative: not a delay");
        out.member(path, J::delay, DiagnosticCode::InvalidNumber, message);
    }
}

/// `Status` against its task kind's vocabulary, and a `Delay` whose unit no
/// kind gives.
fn check_status_and_unit(view: &Job<'_>, path: &Path<'_>, out: &mut Report) {
    let kind = view.task_kind();
    if let Some(status) = view.status()
        && status.known.is_none()
        && !status.raw.is_empty()
    {
        let message = format!("{:?} is not a {kind} status", status.raw);
        out.member(path, J::status, DiagnosticCode::UnknownStatus, message);
    }
    if kind == TaskKind::Unknown && view.detail().delay.as_ref().and_then(Scalar::get).is_some() {
        let message = "the task kind is unknown, so Delay may be milliseconds or seconds".into();
        out.member(path, J::delay, DiagnosticCode::AmbiguousUnit, message);
    }
}

/// Every stage object (the table's `stage` markers) against its stage.
fn check_stages(job: &JobDetail, path: &Path<'_>, out: &mut Report) {
    for m in JobDetail::marked(|m| m.stages) {
        if let Some((stage, get)) = m.stage
            && let Some(obj) = get(job)
        {
            check_stage(obj, stage, &Path::Key(path, m.wire), out);
        }
    }
}

/// The members that carry JSON in a string (the table's `json_text` markers).
fn check_embedded(job: &JobDetail, path: &Path<'_>, out: &mut Report) {
    for m in JobDetail::marked(|m| m.json_text) {
        if let Some(text) = m.json_text
            && let Some(text) = text(job).filter(|t| !t.trim().is_empty())
            && let Err(e) = crate::embedded::check(m.wire, text)
        {
            out.member(path, m.wire, DiagnosticCode::InvalidEmbeddedJson, e.to_string());
        }
    }
}

/// Reports a timestamp member that is not in the documented form, at `at`;
/// `None` when it is blank.
fn check_stamp(text: &str, form: Form, at: &Path<'_>, out: &mut Report) -> Option<Stamp> {
    let stamp = read_member(text, form)?;
    let (code, message) = match stamp {
        Stamp::Strict(_) => return Some(stamp),
        Stamp::Lenient(_) => (
            DiagnosticCode::LenientTimestamp,
            format!("{text:?} is not in the form YYYY-MM-DDTHH:MM:SSZ"),
        ),
        Stamp::Invalid => (
            DiagnosticCode::InvalidTimestamp,
            format!("{text:?} is not a real date and time in a known form"),
        ),
    };
    // the pointer is rendered only for a diagnostic
    let mut path = String::new();
    at.render(&mut path);
    out.at(&path, code, message);
    Some(stamp)
}

fn check_stage(obj: StageView<'_>, stage: Stage, base: &Path<'_>, out: &mut Report) {
    if let Some(raw) = obj.status.filter(|s| !s.is_empty())
        && stage.state(raw).is_none()
    {
        out.member(
            base,
            S::status,
            DiagnosticCode::UnknownStatus,
            format!("{raw:?} is not a status of this stage"),
        );
    }
    if let Some(raw) = obj.percent.filter(|p| !p.trim().is_empty()) {
        match crate::scalar::exact_float(raw.trim()).ok_or(()) {
            Ok(p) if (0.0..=100.0).contains(&p) => {}
            Ok(_) => out.member(
                base,
                S::percent,
                DiagnosticCode::PercentOutOfRange,
                format!("{raw:?} is outside 0–100"),
            ),
            Err(_) => out.member(
                base,
                S::percent,
                DiagnosticCode::InvalidNumber,
                format!("{raw:?} is not a number"),
            ),
        }
    }
}
