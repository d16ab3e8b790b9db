//! What a job is: its task kind, its status in that kind's vocabulary, and the
//! units of its numbers.
//!
//! The service reports one `Status` member for three kinds of task with three
//! vocabularies, and one `Delay` whose unit depends on the kind. A [`Job`] is
//! a job of a parsed response seen with [`Options`] and with its place in the
//! document: it resolves the kind (the caller's option first, then the job's
//! own evidence, then its parent's kind) and decodes the other members
//! against it. [`Job::sub_jobs`] walks every nested job at any depth without
//! recursion, and validation walks the same way.

use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, Utc};
use strum_macros::{Display, EnumString, IntoStaticStr};

use crate::model::{ErrorEnvelope, JobDetail, JobOrValue, JobType, Scalar};

listed_enum! {
/// What a task does; decides its status vocabulary and `Delay` unit.
///
/// Names print as `migration`, `synchronization`, `change-tracking`, `unknown`.
///
/// ```
/// use dts_job_detail::TaskKind;
/// assert_eq!(TaskKind::ChangeTracking.to_string(), "change-tracking");
/// assert_eq!("Synchronization".parse::<TaskKind>().ok(), Some(TaskKind::Synchronization));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Display, EnumString, IntoStaticStr)]
#[strum(serialize_all = "kebab-case", ascii_case_insensitive)]
#[non_exhaustive]
pub enum TaskKind {
    /// Data migration (`Delay` in milliseconds).
    Migration,
    /// Data synchronization (`Delay` in seconds).
    Synchronization,
    /// Change tracking, a subscription (`Delay` in seconds).
    ChangeTracking,
    /// Not decidable from the response.
    Unknown,
}
}

impl TaskKind {
    /// The kind's name (`migration`, …, `unknown`).
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The job statuses this kind documents (the lists of `DescribeDtsJobs`). For
    /// [`TaskKind::Unknown`], the flat list of the `DescribeDtsJobDetail`
    /// metadata.
    pub fn statuses(self) -> &'static [JobStatus] {
        use JobStatus::*;
        match self {
            TaskKind::Migration => &[
                NotStarted,
                Prechecking,
                PrecheckFailed,
                PreCheckPass,
                NotConfigured,
                Migrating,
                Suspending,
                MigrationFailed,
                Failed,
                Finished,
                Retrying,
                Upgrade,
                Locked,
                Downgrade,
            ],
            TaskKind::Synchronization => &[
                NotStarted,
                Prechecking,
                PrecheckFailed,
                PreCheckPass,
                NotConfigured,
                Initializing,
                InitializeFailed,
                Synchronizing,
                Failed,
                Suspending,
                Modifying,
                Finished,
                Retrying,
                Upgrade,
                Locked,
                Downgrade,
            ],
            TaskKind::ChangeTracking => &[
                NotConfigured,
                NotStarted,
                Prechecking,
                PrecheckFailed,
                PreCheckPass,
                Starting,
                Normal,
                Retrying,
                Abnormal,
                Upgrade,
                Locked,
                Downgrade,
            ],
            TaskKind::Unknown => &[
                NotStarted,
                NotConfigured,
                Prechecking,
                PrecheckFailed,
                PreCheckPass,
                Initializing,
                InitializeFailed,
                Synchronizing,
                Migrating,
                Failed,
                MigrationFailed,
                Suspending,
                Modifying,
                Retrying,
                Upgrade,
                Downgrade,
                Locked,
                Finished,
            ],
        }
    }

    /// The unit of `Delay` for this kind, `None` when the kind is unknown.
    pub fn delay_unit(self) -> Option<Duration> {
        match self {
            TaskKind::Migration => Some(Duration::from_millis(1)),
            TaskKind::Synchronization | TaskKind::ChangeTracking => Some(Duration::from_secs(1)),
            TaskKind::Unknown => None,
        }
    }
}

listed_enum! {
/// A job status (`Status`), across the three task kinds. Matching is ASCII
/// case-insensitive (`synchronizing` and `Synchronizing` are one status).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Display, EnumString, IntoStaticStr)]
#[strum(ascii_case_insensitive)]
#[non_exhaustive]
#[allow(missing_docs)] // the names are the service's
pub enum JobStatus {
    NotStarted,
    NotConfigured,
    Prechecking,
    PrecheckFailed,
    PreCheckPass,
    Initializing,
    InitializeFailed,
    Synchronizing,
    Migrating,
    Failed,
    MigrationFailed,
    Suspending,
    Modifying,
    Retrying,
    Upgrade,
    Downgrade,
    Locked,
    Finished,
    Starting,
    Normal,
    Abnormal,
}
}

impl JobStatus {
    /// The documented spelling.
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The one kind this status belongs to, when it belongs to one only.
    pub fn exclusive_kind(self) -> Option<TaskKind> {
        match self {
            JobStatus::Migrating | JobStatus::MigrationFailed => Some(TaskKind::Migration),
            JobStatus::Initializing
            | JobStatus::InitializeFailed
            | JobStatus::Synchronizing
            | JobStatus::Modifying => Some(TaskKind::Synchronization),
            JobStatus::Starting | JobStatus::Normal | JobStatus::Abnormal => Some(TaskKind::ChangeTracking),
            _ => None,
        }
    }
}

/// A job's `Status` read against its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Status {
    /// The spelling received.
    pub raw: String,
    /// The status, when the spelling is in the kind's list; `None` otherwise
    /// (also for the service's typo `Initializating`).
    pub known: Option<JobStatus>,
}

/// As `{"raw": "synchronizing", "known": "Synchronizing"}` (`known` is `null`
/// for a status outside the kind's list).
impl serde::Serialize for Status {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Status", 2)?;
        st.serialize_field("raw", &self.raw)?;
        st.serialize_field("known", &self.known.map(JobStatus::as_str))?;
        st.end()
    }
}

/// A stage of a job, each with its own status vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Stage {
    /// `DataSynchronizationStatus` (incremental).
    DataSynchronization,
    /// `DataInitializationStatus` (full data).
    DataInitialization,
    /// `StructureInitializationStatus` (schema).
    StructureInitialization,
    /// `DataEtlStatus`.
    DataEtl,
    /// `PrecheckStatus`.
    Precheck,
}

listed_enum! {
/// A stage status value. `Catched` (sic) means the stage caught up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Display, EnumString, IntoStaticStr)]
#[strum(ascii_case_insensitive)]
#[non_exhaustive]
#[allow(missing_docs)] // the names are the service's
pub enum StageState {
    NotStarted,
    /// Also read from `Migration`, the Go SDK's spelling for the schema stage.
    #[strum(serialize = "Migrating", serialize = "Migration")]
    Migrating,
    Suspending,
    Checking,
    Failed,
    Finished,
    Catched,
    Prechecking,
    PrecheckFailed,
}
}

impl Stage {
    /// The values this stage documents.
    pub fn states(self) -> &'static [StageState] {
        use StageState::*;
        match self {
            Stage::DataSynchronization => &[
                NotStarted, Migrating, Suspending, Checking, Failed, Finished, Catched,
            ],
            Stage::DataInitialization | Stage::StructureInitialization => {
                &[NotStarted, Migrating, Failed, Finished]
            }
            Stage::DataEtl => &[NotStarted, Migrating, Failed, Finished, Catched],
            // this API's list, plus DescribeDtsJobs' (same backend object)
            Stage::Precheck => &[
                NotStarted,
                Prechecking,
                PrecheckFailed,
                Finished,
                Suspending,
                Checking,
                Failed,
            ],
        }
    }

    /// Reads a stage status (case-insensitive, white space around it
    /// ignored); `None` when it is not in this stage's list.
    ///
    /// ```
    /// use dts_job_detail::{Stage, StageState};
    /// assert_eq!(Stage::DataSynchronization.state("catched"), Some(StageState::Catched));
    /// // the Go SDK's spelling for the schema stage
    /// assert_eq!(Stage::StructureInitialization.state("Migration"), Some(StageState::Migrating));
    /// assert_eq!(Stage::DataInitialization.state("Catched"), None);
    /// ```
    pub fn state(self, raw: &str) -> Option<StageState> {
        StageState::from_str(raw.trim())
            .ok()
            .filter(|s| self.states().contains(s))
    }
}

/// An API error: the business error of an HTTP-200 body, or the gateway envelope's.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct BusinessError {
    /// `ErrCode` (or the envelope's `Code`).
    pub code: String,
    /// `ErrMessage` with each `%s` replaced by `DynamicMessage` (or the envelope's `Message`).
    pub message: String,
}

/// How to read the meaning of a response: what the caller knows that the
/// response does not say, and how strict to be.
///
/// Options are never stored in the parsed data: pass them where meaning is
/// read ([`JobDetail::job_with`], [`JobDetail::validate_with`]). A
/// [`Parser`](crate::Parser) carries them too, so `parser.options()` is the
/// value to pass along.
///
/// ```
/// use dts_job_detail::{Options, TaskKind};
/// let resp = dts_job_detail::json::from_str(r#"{"Delay":3,"SubSyncJob":[{"Delay":4}]}"#)?;
/// let detail = resp.detail().unwrap();
/// assert_eq!(detail.delay(), None); // the kind is unknown: no unit
/// let sync = Options::new().task_kind(TaskKind::Synchronization);
/// let job = detail.job_with(&sync);
/// assert_eq!(job.delay(), Some(std::time::Duration::from_secs(3)));
/// let sub = job.sub_jobs().next().unwrap();
/// assert_eq!(sub.delay(), Some(std::time::Duration::from_secs(4)));
/// # Ok::<(), dts_job_detail::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Options {
    task_kind: Option<TaskKind>,
    strict: bool,
}

impl Options {
    /// No override, lenient.
    pub fn new() -> Self {
        Options::default()
    }

    /// The task kind of every job, whatever the response says
    /// ([`TaskKind::Unknown`] clears the override).
    #[must_use]
    pub fn task_kind(mut self, kind: TaskKind) -> Self {
        self.task_kind = (kind != TaskKind::Unknown).then_some(kind);
        self
    }

    /// Strict: every warning of validation is an error.
    #[must_use]
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// The task-kind override, if any.
    pub fn task_kind_override(&self) -> Option<TaskKind> {
        self.task_kind
    }

    /// Whether warnings count as errors.
    pub fn is_strict(&self) -> bool {
        self.strict
    }
}

/// A job of a parsed response, seen with [`Options`] and in its place: its
/// JSON Pointer in the canonical document, its parent, its task kind.
///
/// It dereferences to the [`JobDetail`], so members read as fields
/// (`job.dts_job_id`), and meaning through methods (`job.status()`).
///
/// ```
/// let resp = dts_job_detail::json::from_str(
///     r#"{"JobType":"sync","SubSyncJob":[{"DtsJobId":"s1","Delay":5}]}"#)?;
/// let top = resp.detail().unwrap().job();
/// let sub = top.sub_jobs().next().unwrap();
/// assert_eq!(sub.pointer(), "/SubSyncJob/0");
/// assert_eq!(sub.dts_job_id.as_deref(), Some("s1"));
/// // no JobType of its own: the parent's kind, so Delay is in seconds
/// assert_eq!(sub.task_kind(), dts_job_detail::TaskKind::Synchronization);
/// assert_eq!(sub.delay(), Some(std::time::Duration::from_secs(5)));
/// # Ok::<(), dts_job_detail::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Job<'a> {
    detail: &'a JobDetail,
    options: Options,
    kind: TaskKind,
    pointer: String,
    /// Length of the parent's pointer (a prefix of `pointer`).
    parent: Option<usize>,
    depth: usize,
}

impl std::ops::Deref for Job<'_> {
    type Target = JobDetail;

    fn deref(&self) -> &JobDetail {
        self.detail
    }
}

impl<'a> Job<'a> {
    fn top(detail: &'a JobDetail, options: Options) -> Self {
        let kind = options
            .task_kind
            .or_else(|| own_kind(detail))
            .unwrap_or(TaskKind::Unknown);
        Job {
            detail,
            options,
            kind,
            pointer: String::new(),
            parent: None,
            depth: 0,
        }
    }

    fn child(&self, detail: &'a JobDetail, pointer: String) -> Self {
        let kind = self
            .options
            .task_kind
            .or_else(|| own_kind(detail))
            .unwrap_or(self.kind);
        Job {
            detail,
            options: self.options,
            kind,
            pointer,
            parent: Some(self.pointer.len()),
            depth: self.depth + 1,
        }
    }

    /// The job's members.
    pub fn detail(&self) -> &'a JobDetail {
        self.detail
    }

    /// The options it is seen with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Its JSON Pointer in the canonical document (`""` for the top level,
    /// `/SubSyncJob/0/ReverseJob` for a nested job).
    pub fn pointer(&self) -> &str {
        &self.pointer
    }

    /// The pointer of the job it is nested in; `None` for the top level.
    pub fn parent_pointer(&self) -> Option<&str> {
        self.parent.and_then(|len| self.pointer.get(..len))
    }

    /// How deep it is nested: 0 for the top level, 1 for its sub-jobs, …
    pub fn depth(&self) -> usize {
        self.depth
    }

    /// The task kind, resolved in this order: the caller's option; the job's
    /// own `JobType` (`MIGRATION`/`online`: migration; `SYNC`/`sync`/`subSync`:
    /// synchronization; `SUBSCRIBE`: change tracking); a `Status` that only
    /// one kind has (`Migrating`; `Synchronizing`, `Initializing`, …;
    /// `Normal`, `Abnormal`, `Starting`); a change-tracking member that is
    /// present and not empty (`SubscribeTopic`, `SubscriptionHost`,
    /// `ConsumptionCheckpoint`, `BeginTimestamp`); the kind of the job it is
    /// nested in; else [`TaskKind::Unknown`].
    pub fn task_kind(&self) -> TaskKind {
        self.kind
    }

    /// `Status`, decoded against the kind's list.
    ///
    /// ```
    /// let resp = dts_job_detail::json::from_str(r#"{"JobType":"sync","Status":"synchronizing"}"#)?;
    /// let status = resp.detail().unwrap().status().unwrap();
    /// assert_eq!(status.known, Some(dts_job_detail::JobStatus::Synchronizing));
    /// assert_eq!(status.raw, "synchronizing");
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    pub fn status(&self) -> Option<Status> {
        let raw = self.detail.status.as_deref()?;
        let known = JobStatus::from_str(raw.trim())
            .ok()
            .filter(|s| self.kind.statuses().contains(s));
        Some(Status {
            raw: raw.to_owned(),
            known,
        })
    }

    /// `Delay` as a duration in the kind's unit (milliseconds for migration,
    /// seconds otherwise); `None` when absent, not an integer, negative, or
    /// when the kind is unknown (the raw value is still `detail().delay`, and
    /// validation warns `ambiguous-unit`).
    ///
    /// ```
    /// use std::time::Duration;
    /// let resp = dts_job_detail::json::from_str(r#"{"Status":"Migrating","Delay":1500}"#)?;
    /// assert_eq!(resp.detail().unwrap().delay(), Some(Duration::from_millis(1500)));
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    pub fn delay(&self) -> Option<Duration> {
        let raw = u64::try_from(self.detail.delay.as_ref()?.get()?).ok()?;
        match self.kind {
            TaskKind::Migration => Some(Duration::from_millis(raw)),
            TaskKind::Synchronization | TaskKind::ChangeTracking => Some(Duration::from_secs(raw)),
            TaskKind::Unknown => None,
        }
    }

    /// `Delay` as the integer the response carried, whatever the kind (and
    /// so readable when the unit is not known).
    pub fn delay_raw(&self) -> Option<i64> {
        self.detail.delay.as_ref()?.get()
    }

    /// Every job nested in this one (`ReverseJob`, items of
    /// `SubDistributedJob` and `SubSyncJob`, and theirs, at any depth), in
    /// document order, each with its pointer and its kind.
    ///
    /// ```
    /// let resp = dts_job_detail::json::from_str(
    ///     r#"{"SubSyncJob":[{"ReverseJob":{"DtsJobId":"r"}}],"SubDistributedJob":[{}]}"#)?;
    /// let paths: Vec<String> = resp.detail().unwrap().sub_jobs().map(|j| j.pointer().to_owned()).collect();
    /// assert_eq!(paths, ["/SubDistributedJob/0", "/SubSyncJob/0", "/SubSyncJob/0/ReverseJob"]);
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    pub fn sub_jobs(&self) -> SubJobs<'a> {
        let mut walk = SubJobs {
            first: None,
            stack: Vec::new(),
        };
        walk.push_children(self);
        walk
    }

    /// This job, then every job nested in it: the one walk that validation,
    /// export and metrics share.
    pub fn with_sub_jobs(&self) -> SubJobs<'a> {
        SubJobs {
            first: Some(self.clone()),
            stack: Vec::new(),
        }
    }
}

/// The evidence of a job's own members for its kind (see [`Job::task_kind`]).
fn own_kind(job: &JobDetail) -> Option<TaskKind> {
    if let Some(kind) = job.job_type.as_ref().and_then(|t| t.known()).map(|t| match t {
        JobType::Migration | JobType::Online => TaskKind::Migration,
        JobType::Sync | JobType::SubSync => TaskKind::Synchronization,
        JobType::Subscribe => TaskKind::ChangeTracking,
    }) {
        return Some(kind);
    }
    if let Some(kind) = job
        .status
        .as_deref()
        .and_then(|s| JobStatus::from_str(s.trim()).ok())
        .and_then(JobStatus::exclusive_kind)
    {
        return Some(kind);
    }
    let filled = |t: &Option<crate::model::Str>| t.as_deref().is_some_and(|t| !t.trim().is_empty());
    let host = job.subscription_host.as_deref().is_some_and(|h| {
        filled(&h.private_host) || filled(&h.public_host) || filled(&h.vpc_host) || !h.unknown.is_empty()
    });
    let tracking = filled(&job.subscribe_topic)
        || host
        || filled(&job.consumption_checkpoint)
        || filled(&job.begin_timestamp);
    tracking.then_some(TaskKind::ChangeTracking)
}

/// The jobs nested in a job, depth first in document order; see
/// [`Job::sub_jobs`]. It keeps its own stack, so any depth is fine.
#[derive(Debug, Clone)]
pub struct SubJobs<'a> {
    /// The job the walk starts with, if it is to be visited itself.
    first: Option<Job<'a>>,
    /// Jobs still to visit, the next one last.
    stack: Vec<Job<'a>>,
}

impl<'a> SubJobs<'a> {
    fn push_children(&mut self, job: &Job<'a>) {
        let mut children = Vec::new();
        let d = job.detail;
        if let Some(reverse) = &d.reverse_job {
            collect(job, reverse, format!("{}/ReverseJob", job.pointer), &mut children);
        }
        for (i, sub) in d.sub_distributed_job.iter().enumerate() {
            children.push(job.child(sub, format!("{}/SubDistributedJob/{i}", job.pointer)));
        }
        for (i, item) in d.sub_sync_job.iter().enumerate() {
            collect(
                job,
                item,
                format!("{}/SubSyncJob/{i}", job.pointer),
                &mut children,
            );
        }
        self.stack.extend(children.into_iter().rev());
    }
}

/// The jobs in an untyped position (a job, or lists of them).
fn collect<'a>(parent: &Job<'a>, value: &'a JobOrValue, pointer: String, out: &mut Vec<Job<'a>>) {
    let mut pending = vec![(value, pointer)];
    while let Some((value, pointer)) = pending.pop() {
        match value {
            JobOrValue::Job(job) => out.push(parent.child(job, pointer)),
            JobOrValue::List(items) => pending.extend(
                items
                    .iter()
                    .enumerate()
                    .rev()
                    .map(|(i, item)| (item, format!("{pointer}/{i}"))),
            ),
            JobOrValue::Value(_) => {}
        }
    }
}

impl<'a> Iterator for SubJobs<'a> {
    type Item = Job<'a>;

    fn next(&mut self) -> Option<Job<'a>> {
        let job = match self.first.take() {
            Some(job) => job,
            None => self.stack.pop()?,
        };
        self.push_children(&job);
        Some(job)
    }
}

/// As `{"code": …, "message": …}`.
impl serde::Serialize for BusinessError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("BusinessError", 2)?;
        st.serialize_field("code", &self.code)?;
        st.serialize_field("message", &self.message)?;
        st.end()
    }
}

impl JobDetail {
    /// This job seen without options (see [`Job`]).
    pub fn job(&self) -> Job<'_> {
        Job::top(self, Options::default())
    }

    /// This job seen with `options` (a task-kind override reaches every
    /// nested job).
    pub fn job_with(&self, options: &Options) -> Job<'_> {
        Job::top(self, *options)
    }

    /// The task kind from this job's own members; see [`Job::task_kind`].
    ///
    /// ```
    /// let resp = dts_job_detail::json::from_str(r#"{"Status":"Migrating"}"#)?;
    /// assert_eq!(resp.detail().unwrap().task_kind(), dts_job_detail::TaskKind::Migration);
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    pub fn task_kind(&self) -> TaskKind {
        self.job().task_kind()
    }

    /// `Status` against this job's own kind; see [`Job::status`].
    pub fn status(&self) -> Option<Status> {
        self.job().status()
    }

    /// `Delay` in this job's own kind's unit; see [`Job::delay`].
    pub fn delay(&self) -> Option<Duration> {
        self.job().delay()
    }

    /// Every nested job; see [`Job::sub_jobs`].
    pub fn sub_jobs(&self) -> SubJobs<'_> {
        self.job().sub_jobs()
    }

    /// The job at `pointer` — a [`Job::pointer`]: `""` for this one,
    /// `/SubSyncJob/0`, `/SubSyncJob/0/ReverseJob`, … — found in as many
    /// steps as the pointer has; `None` when no job is there.
    ///
    /// ```
    /// let resp = dts_job_detail::json::from_str(
    ///     r#"{"SubSyncJob":[{"DtsJobId":"a","ReverseJob":{"DtsJobId":"r"}}]}"#)?;
    /// let top = resp.detail().unwrap();
    /// let reverse = top.job_at("/SubSyncJob/0/ReverseJob").unwrap();
    /// assert_eq!(reverse.dts_job_id.as_deref(), Some("r"));
    /// assert!(top.job_at("/SubSyncJob/1").is_none());
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    pub fn job_at(&self, pointer: &str) -> Option<&JobDetail> {
        if pointer.is_empty() {
            return Some(self);
        }
        let mut segments = pointer.strip_prefix('/')?.split('/');
        let index = |s: Option<&str>| s?.parse::<usize>().ok();
        let mut job = self;
        while let Some(member) = segments.next() {
            let mut item = match member {
                "SubDistributedJob" => {
                    job = job.sub_distributed_job.get(index(segments.next())?)?;
                    continue;
                }
                "SubSyncJob" => job.sub_sync_job.get(index(segments.next())?)?,
                "ReverseJob" => job.reverse_job.as_ref()?,
                _ => return None,
            };
            job = loop {
                match item {
                    JobOrValue::Job(j) => break j,
                    JobOrValue::List(items) => item = items.get(index(segments.next())?)?,
                    JobOrValue::Value(_) => return None,
                }
            };
        }
        Some(job)
    }

    /// `Checkpoint` in UNIX seconds.
    ///
    /// ```
    /// let resp = dts_job_detail::json::from_str(r#"{"Checkpoint":"1616405159"}"#)?;
    /// assert_eq!(resp.detail().unwrap().checkpoint(), Some(1_616_405_159));
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    pub fn checkpoint(&self) -> Option<i64> {
        self.checkpoint.as_ref().and_then(Scalar::get)
    }

    /// `Checkpoint` as a UTC time.
    ///
    /// ```
    /// let resp = dts_job_detail::json::from_str(r#"{"Checkpoint":"1616405159"}"#)?;
    /// let at = resp.detail().unwrap().checkpoint_time().unwrap();
    /// assert_eq!(at.to_rfc3339(), "2021-03-22T09:25:59+00:00");
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    pub fn checkpoint_time(&self) -> Option<DateTime<Utc>> {
        DateTime::from_timestamp(self.checkpoint()?, 0)
    }

    /// The API error of this body, when `Success` is false or `ErrCode` is set.
    ///
    /// ```
    /// let resp = dts_job_detail::json::from_str(r#"{"Success":false,"ErrCode":"InvalidParameter",
    ///     "ErrMessage":"The Value of Input Parameter %s is not valid.","DynamicMessage":"DtsJobId"}"#)?;
    /// let err = resp.detail().unwrap().error().unwrap();
    /// assert_eq!(err.message, "The Value of Input Parameter DtsJobId is not valid.");
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    pub fn error(&self) -> Option<BusinessError> {
        let failed = matches!(self.success, Some(Scalar::Value(false)));
        let code = self.err_code.as_deref().unwrap_or_default();
        if !failed && code.is_empty() {
            return None;
        }
        let template = self.err_message.as_deref().unwrap_or_default();
        let message = match self.dynamic_message.as_deref() {
            Some(dynamic) => template.replace("%s", dynamic),
            None => template.to_owned(),
        };
        Some(BusinessError {
            code: code.to_owned(),
            message,
        })
    }
}

impl crate::model::StageStatus {
    /// `Percent` as a number (white space around it ignored); `None` when
    /// absent, blank or not a number. Validation reports a value outside
    /// 0–100; it is returned as sent.
    ///
    /// ```
    /// let resp = dts_job_detail::json::from_str(r#"{"DataInitializationStatus":{"Percent":" 95.5 "}}"#)?;
    /// let stage = resp.detail().unwrap().data_initialization_status.as_deref().unwrap();
    /// assert_eq!(stage.percent(), Some(95.5));
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    pub fn percent(&self) -> Option<f64> {
        crate::scalar::exact_float(self.percent.as_deref()?.trim())
    }
}

/// Typed accessors of the timestamp members, one per member, all under the
/// rules of validation.
macro_rules! timestamp_accessors {
    ($( $shape:ty { $( $name:ident: $wire:literal, $form:ident; )* } )*) => {
        $( impl $shape {
            $(
                #[doc = concat!("`", $wire, "` as a UTC time, under the lenient rules of validation \
                    (fractional seconds, offsets, no zone, a space for `T`, white space around it); \
                    `None` when absent, blank or not a real date and time.")]
                pub fn $name(&self) -> Option<DateTime<Utc>> {
                    crate::timestamp::read_member(self.$name.as_deref()?, crate::timestamp::Form::$form)?.time()
                }
            )*
        } )*
    };
}

timestamp_accessors! {
    JobDetail {
        begin_timestamp: "BeginTimestamp", Calendar;
        boot_time: "BootTime", Calendar;
        consumption_checkpoint: "ConsumptionCheckpoint", Calendar;
        create_time: "CreateTime", Calendar;
        end_timestamp: "EndTimestamp", Calendar;
        expire_time: "ExpireTime", Calendar;
        finish_time: "FinishTime", Calendar;
        last_update_time: "LastUpdateTime (also an epoch in milliseconds or seconds)", CalendarOrEpoch;
    }
    crate::model::Tag {
        gmt_create: "GmtCreate", Calendar;
        gmt_modified: "GmtModified", Calendar;
    }
}

impl ErrorEnvelope {
    /// The gateway error as code and message.
    pub fn error(&self) -> BusinessError {
        BusinessError {
            code: self.code.as_deref().unwrap_or_default().to_owned(),
            message: self.message.as_deref().unwrap_or_default().to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(json: &str) -> JobDetail {
        match crate::json::from_str(json) {
            Ok(crate::Response::Detail(d)) => d,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn kind_resolution_order() {
        let cases = [
            (
                r#"{"JobType":"MIGRATION","Status":"Synchronizing"}"#,
                TaskKind::Migration,
            ),
            (r#"{"JobType":"online"}"#, TaskKind::Migration),
            (
                r#"{"JobType":"subSync","Status":"Normal"}"#,
                TaskKind::Synchronization,
            ),
            (r#"{"JobType":"SUBSCRIBE"}"#, TaskKind::ChangeTracking),
            (r#"{"JobType":"other","Status":"migrating"}"#, TaskKind::Migration),
            (r#"{"Status":"Modifying"}"#, TaskKind::Synchronization),
            (r#"{"Status":"Abnormal"}"#, TaskKind::ChangeTracking),
            (
                r#"{"Status":"Failed","BeginTimestamp":"2021-03-16T08:01:19Z"}"#,
                TaskKind::ChangeTracking,
            ),
            (
                r#"{"Status":"Failed","SubscriptionHost":{"VpcHost":"h:1"}}"#,
                TaskKind::ChangeTracking,
            ),
            // empty members are not evidence
            (
                r#"{"Status":"Finished","SubscribeTopic":"","BeginTimestamp":" ","SubscriptionHost":{}}"#,
                TaskKind::Unknown,
            ),
            (r#"{"Status":"Failed"}"#, TaskKind::Unknown),
            (r#"{}"#, TaskKind::Unknown),
        ];
        for (input, kind) in cases {
            assert_eq!(job(input).task_kind(), kind, "{input}");
        }
        let d = job(r#"{"JobType":"sync","SubSyncJob":[{"JobType":"online","ReverseJob":{}}]}"#);
        let tracking = Options::new().task_kind(TaskKind::ChangeTracking);
        let kinds: Vec<TaskKind> = d
            .job_with(&tracking)
            .with_sub_jobs()
            .map(|j| j.task_kind())
            .collect();
        assert_eq!(
            kinds,
            [TaskKind::ChangeTracking; 3],
            "the override reaches every job"
        );
        let kinds: Vec<TaskKind> = d.job().with_sub_jobs().map(|j| j.task_kind()).collect();
        assert_eq!(
            kinds,
            [
                TaskKind::Synchronization,
                TaskKind::Migration,
                TaskKind::Migration
            ],
            "own evidence first, then the parent's kind"
        );
    }

    #[test]
    fn status_per_kind() {
        let s = job(r#"{"JobType":"MIGRATION","Status":"Synchronizing"}"#)
            .status()
            .unwrap();
        assert_eq!(s.known, None);
        let s = job(r#"{"JobType":"SYNC","Status":"SYNCHRONIZING"}"#)
            .status()
            .unwrap();
        assert_eq!(s.known, Some(JobStatus::Synchronizing));
        let s = job(r#"{"JobType":"SYNC","Status":"Initializating"}"#)
            .status()
            .unwrap();
        assert_eq!(s.known, None);
        let s = job(r#"{"Status":"precheckpass"}"#).status().unwrap();
        assert_eq!(
            (s.known, s.raw.as_str()),
            (Some(JobStatus::PreCheckPass), "precheckpass")
        );
        assert_eq!(job("{}").status(), None);
    }

    #[test]
    fn delay_units() {
        let ms = job(r#"{"JobType":"online","Delay":"250"}"#).delay();
        assert_eq!(ms, Some(Duration::from_millis(250)));
        let s = job(r#"{"JobType":"sync","Delay":3}"#).delay();
        assert_eq!(s, Some(Duration::from_secs(3)));
        assert_eq!(job(r#"{"Delay":3}"#).delay(), None);
        assert_eq!(job(r#"{"JobType":"sync","Delay":-1}"#).delay(), None);
        let big = job(r#"{"JobType":"sync","Delay":4294967296}"#).delay();
        assert_eq!(big, Some(Duration::from_secs(1 << 32)));
    }

    #[test]
    fn stages() {
        assert_eq!(
            Stage::StructureInitialization.state("Migration"),
            Some(StageState::Migrating)
        );
        assert_eq!(
            Stage::DataSynchronization.state("catched"),
            Some(StageState::Catched)
        );
        assert_eq!(Stage::DataInitialization.state("Catched"), None);
        assert_eq!(Stage::Precheck.state("Finished"), Some(StageState::Finished));
    }

    #[test]
    fn business_errors() {
        assert_eq!(job(r#"{"Success":true,"ErrCode":""}"#).error(), None);
        let e = job(r#"{"ErrCode":"403","ErrMessage":"%s and %s","DynamicMessage":"x"}"#).error();
        assert_eq!(
            e.map(|e| (e.code, e.message)),
            Some(("403".into(), "x and x".into()))
        );
        let e = job(r#"{"Success":"false"}"#).error().unwrap();
        assert_eq!((e.code.as_str(), e.message.as_str()), ("", ""));
    }

    #[test]
    fn times() {
        let d = job(r#"{"Checkpoint":1616405159,"LastUpdateTime":"1566291090000"}"#);
        assert_eq!(d.checkpoint(), Some(1_616_405_159));
        assert_eq!(d.last_update_time().map(|t| t.timestamp()), Some(1_566_291_090));
        assert_eq!(
            job(r#"{"LastUpdateTime":"156629109****"}"#).last_update_time(),
            None
        );
    }
}
