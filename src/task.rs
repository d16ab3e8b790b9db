//! What a job is: its task kind, its status in that kind's vocabulary, and the
//! units of its numbers.
//!
//! The service reports one `Status` field for three kinds of task with three
//! vocabularies (api-facts §3.1), and one `Delay` whose unit depends on the
//! kind. [`JobDetail::task_kind`] resolves the kind in a fixed order; the other
//! accessors decode against it.

use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, Utc};
use strum::{Display, EnumIter, EnumString, IntoStaticStr};

use crate::model::{ErrorEnvelope, JobDetail, JobType, Nested, Scalar};

/// What a task does; decides its status vocabulary and `Delay` unit.
///
/// Names print as `migration`, `synchronization`, `change-tracking`, `unknown`.
///
/// ```
/// use dts_job_detail::TaskKind;
/// assert_eq!(TaskKind::ChangeTracking.to_string(), "change-tracking");
/// assert_eq!("Synchronization".parse::<TaskKind>().ok(), Some(TaskKind::Synchronization));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Display, EnumString, IntoStaticStr, EnumIter)]
#[strum(serialize_all = "kebab-case", ascii_case_insensitive)]
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

impl TaskKind {
    /// The kind's name (`migration`, …, `unknown`).
    pub fn as_str(self) -> &'static str {
        self.into()
    }

    /// The job statuses this kind documents (api-facts §3.1). For
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

/// A job status (`Status`), across the three task kinds. Matching is ASCII
/// case-insensitive (`synchronizing` and `Synchronizing` are one status).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Display, EnumString, IntoStaticStr, EnumIter)]
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
pub struct Status {
    /// The spelling received.
    pub raw: String,
    /// The status, when the spelling is in the kind's list; `None` otherwise
    /// (also for the service's typo `Initializating`).
    pub known: Option<JobStatus>,
}

/// A stage of a job, each with its own status vocabulary (api-facts §3.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

/// A stage status value. `Catched` (sic) means the stage caught up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Display, EnumString, IntoStaticStr, EnumIter)]
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

    /// Reads a stage status; `None` when it is not in this stage's list.
    pub fn state(self, raw: &str) -> Option<StageState> {
        StageState::from_str(raw.trim())
            .ok()
            .filter(|s| self.states().contains(s))
    }
}

/// An API error: the business error of an HTTP-200 body, or the gateway envelope's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusinessError {
    /// `ErrCode` (or the envelope's `Code`).
    pub code: String,
    /// `ErrMessage` with each `%s` replaced by `DynamicMessage` (or the envelope's `Message`).
    pub message: String,
}

impl JobDetail {
    /// The task kind: the parser's override; else `JobType`; else a status
    /// that belongs to one kind only; else change-tracking members
    /// (`SubscribeTopic`, `SubscriptionHost`, `ConsumptionCheckpoint`,
    /// `BeginTimestamp`); else [`TaskKind::Unknown`].
    ///
    /// ```
    /// let resp = dts_job_detail::json::from_str(r#"{"Status":"Migrating"}"#)?;
    /// assert_eq!(resp.detail().unwrap().task_kind(), dts_job_detail::TaskKind::Migration);
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    pub fn task_kind(&self) -> TaskKind {
        self.task_kind_given(self.context.task_kind)
    }

    /// The kind, with the override of the document this job is part of.
    pub(crate) fn task_kind_given(&self, given: Option<TaskKind>) -> TaskKind {
        if let Some(kind) = given {
            return kind;
        }
        if let Some(kind) = self.job_type.as_ref().and_then(|t| t.known()).map(|t| match t {
            JobType::Migration | JobType::Online => TaskKind::Migration,
            JobType::Sync | JobType::SubSync => TaskKind::Synchronization,
            JobType::Subscribe => TaskKind::ChangeTracking,
        }) {
            return kind;
        }
        if let Some(kind) = self
            .status
            .as_deref()
            .and_then(|s| JobStatus::from_str(s.trim()).ok())
            .and_then(JobStatus::exclusive_kind)
        {
            return kind;
        }
        let tracking = self.subscribe_topic.is_some()
            || self.subscription_host.is_some()
            || self.consumption_checkpoint.is_some()
            || self.begin_timestamp.is_some();
        if tracking {
            TaskKind::ChangeTracking
        } else {
            TaskKind::Unknown
        }
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
        self.status_given(self.context.task_kind)
    }

    pub(crate) fn status_given(&self, given: Option<TaskKind>) -> Option<Status> {
        let raw = self.status.as_deref()?;
        let kind = self.task_kind_given(given);
        let known = JobStatus::from_str(raw.trim())
            .ok()
            .filter(|s| kind.statuses().contains(s));
        Some(Status {
            raw: raw.to_owned(),
            known,
        })
    }

    /// `Delay` as a duration in the kind's unit (milliseconds for migration,
    /// seconds otherwise); `None` when absent, invalid, negative, or when the
    /// kind is unknown (then `validate()` warns `ambiguous-unit`).
    ///
    /// ```
    /// use std::time::Duration;
    /// let resp = dts_job_detail::json::from_str(r#"{"Status":"Migrating","Delay":1500}"#)?;
    /// assert_eq!(resp.detail().unwrap().delay(), Some(Duration::from_millis(1500)));
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    pub fn delay(&self) -> Option<Duration> {
        self.delay_given(self.context.task_kind)
    }

    pub(crate) fn delay_given(&self, given: Option<TaskKind>) -> Option<Duration> {
        let raw = u32::try_from(self.delay.as_ref()?.get()?).ok()?;
        self.task_kind_given(given).delay_unit().map(|unit| unit * raw)
    }

    /// `Checkpoint` in UNIX seconds.
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

    /// `LastUpdateTime` (epoch milliseconds as text) as a UTC time.
    pub fn last_update_time(&self) -> Option<DateTime<Utc>> {
        let text = self.last_update_time.as_deref()?.trim();
        DateTime::from_timestamp_millis(crate::scalar::parse_int(text)?)
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

    /// Every job nested in this one (items of `SubSyncJob` and
    /// `SubDistributedJob`, `ReverseJob`, recursively), with its JSON Pointer
    /// relative to this job.
    ///
    /// ```
    /// let resp = dts_job_detail::json::from_str(
    ///     r#"{"SubSyncJob":[{"ReverseJob":{"DtsJobId":"r"}}],"SubDistributedJob":[{}]}"#)?;
    /// let paths: Vec<String> = resp.detail().unwrap().sub_jobs().into_iter().map(|(p, _)| p).collect();
    /// assert_eq!(paths, ["/SubDistributedJob/0", "/SubSyncJob/0", "/SubSyncJob/0/ReverseJob"]);
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    pub fn sub_jobs(&self) -> Vec<(String, &JobDetail)> {
        let mut out = Vec::new();
        self.collect_sub_jobs(&mut String::new(), &mut out);
        out
    }

    fn collect_sub_jobs<'a>(&'a self, path: &mut String, out: &mut Vec<(String, &'a JobDetail)>) {
        let base = path.len();
        if let Some(Nested::Job(job)) = &self.reverse_job {
            path.push_str("/ReverseJob");
            out.push((path.clone(), job));
            job.collect_sub_jobs(path, out);
            path.truncate(base);
        }
        for (i, job) in self.sub_distributed_job.iter().enumerate() {
            path.push_str(&format!("/SubDistributedJob/{i}"));
            out.push((path.clone(), job));
            job.collect_sub_jobs(path, out);
            path.truncate(base);
        }
        for (i, item) in self.sub_sync_job.iter().enumerate() {
            if let Nested::Job(job) = item {
                path.push_str(&format!("/SubSyncJob/{i}"));
                out.push((path.clone(), job));
                job.collect_sub_jobs(path, out);
                path.truncate(base);
            }
        }
    }
}

impl ErrorEnvelope {
    /// The gateway error as code and message.
    pub fn error(&self) -> BusinessError {
        BusinessError {
            code: self.code.clone().unwrap_or_default(),
            message: self.message.clone().unwrap_or_default(),
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
                r#"{"Status":"Failed","BeginTimestamp":""}"#,
                TaskKind::ChangeTracking,
            ),
            (
                r#"{"Status":"Failed","SubscriptionHost":{}}"#,
                TaskKind::ChangeTracking,
            ),
            (r#"{"Status":"Failed"}"#, TaskKind::Unknown),
            (r#"{}"#, TaskKind::Unknown),
        ];
        for (input, kind) in cases {
            assert_eq!(job(input).task_kind(), kind, "{input}");
        }
        let overridden = crate::Parser::new()
            .task_kind(TaskKind::ChangeTracking)
            .parse(br#"{"JobType":"sync"}"#)
            .ok()
            .and_then(crate::Response::into_detail)
            .map(|d| d.task_kind());
        assert_eq!(overridden, Some(TaskKind::ChangeTracking));
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
