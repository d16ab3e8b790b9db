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
mod job;
mod kind;

pub use job::{Job, SubJobs};
pub use kind::{JobStatus, Stage, StageState, Status, StatusClass, TaskKind};

use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::model::{ErrorEnvelope, JobDetail, JobPage, Scalar};

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

    /// This job and every job nested in it, at any depth, in document order,
    /// each as a [`Job`] (pointer, kind, status, delay): the one call a
    /// monitor needs.
    ///
    /// ```
    /// use std::time::Duration;
    /// let resp = dts_job_detail::json::from_str(r#"{"JobType":"sync","Status":"Synchronizing","Delay":3,
    ///     "SubSyncJob":[{"DtsJobId":"a","Status":"Failed"},{"DtsJobId":"b","Status":"Synchronizing","Delay":90}]}"#)?;
    /// let detail = resp.detail().unwrap();
    /// // `detail()` borrows from the response, not from the view `j`
    /// let failed: Vec<&str> = detail.jobs().filter(|j| j.is_failed()).filter_map(|j| j.detail().dts_job_id.as_deref()).collect();
    /// assert_eq!(failed, ["a"]);
    /// let slow = detail.jobs().filter(|j| j.delay_range().is_some_and(|d| *d.end() > Duration::from_secs(60)));
    /// assert_eq!(slow.map(|j| j.pointer().to_owned()).collect::<Vec<_>>(), ["/SubSyncJob/1"]);
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    pub fn jobs(&self) -> SubJobs<'_> {
        self.job().with_sub_jobs()
    }

    /// As [`JobDetail::jobs`], seen with `options`.
    pub fn jobs_with(&self, options: &Options) -> SubJobs<'_> {
        self.job_with(options).with_sub_jobs()
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
        descend(self, &mut pointer.strip_prefix('/')?.split('/'))
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
        business_error(
            self.success.as_ref(),
            self.err_code.as_deref(),
            self.err_message.as_deref(),
            self.dynamic_message.as_deref(),
        )
    }
}

/// The job that the pointer's `segments` (member, index, member, …) name
/// below `job`.
fn descend<'a>(mut job: &'a JobDetail, segments: &mut std::str::Split<'_, char>) -> Option<&'a JobDetail> {
    while let Some(member) = segments.next() {
        let held = JobDetail::meaning(member)?.jobs?;
        job = held(job).job_at(segments)?;
    }
    Some(job)
}

/// The API error of a body (a detail's or a page's): when `Success` is false
/// or `ErrCode` is set, `ErrMessage` with `%s` filled from `DynamicMessage`.
fn business_error(
    success: Option<&Scalar<bool>>,
    code: Option<&str>,
    template: Option<&str>,
    dynamic: Option<&str>,
) -> Option<BusinessError> {
    let failed = matches!(success, Some(Scalar::Value(false)));
    let code = code.unwrap_or_default();
    if !failed && code.is_empty() {
        return None;
    }
    let template = template.unwrap_or_default();
    let message = match dynamic {
        Some(dynamic) => template.replace("%s", dynamic),
        None => template.to_owned(),
    };
    Some(BusinessError {
        code: code.to_owned(),
        message,
    })
}

impl crate::model::Response {
    /// Every job of the response, each as a [`Job`]: a detail's top level
    /// and the jobs nested in it ([`JobDetail::jobs`]), a page's items and
    /// theirs ([`JobPage::jobs`]); none for a gateway envelope.
    pub fn jobs(&self) -> SubJobs<'_> {
        self.jobs_with(&Options::default())
    }

    /// The job at `pointer` (a [`Job::pointer`]): in a detail, `""` for
    /// the top level or a nested job's; in a page, an item's
    /// (`/DtsJobList/0`) or a job nested in one; `None` elsewhere.
    pub fn job_at(&self, pointer: &str) -> Option<&JobDetail> {
        match self {
            Self::Detail(d) => d.job_at(pointer),
            Self::Page(p) => p.job_at(pointer),
            Self::Error(_) => None,
        }
    }

    /// As [`Response::jobs`](crate::Response::jobs), seen with `options`.
    pub fn jobs_with(&self, options: &Options) -> SubJobs<'_> {
        match self {
            Self::Detail(d) => d.jobs_with(options),
            Self::Page(p) => p.jobs_with(options),
            Self::Error(_) => SubJobs::over(Vec::new()),
        }
    }
}

impl JobPage {
    /// Every job of the page: each item of `DtsJobList` (then of
    /// `EtlDemoList`) as a job of its own — pointer `/DtsJobList/0`, depth 0,
    /// no parent, its own kind or else the page's `JobType` — and every job
    /// nested in it, in document order.
    ///
    /// ```
    /// let resp = dts_job_detail::json::from_str(r#"{"RequestId":"r","PageNumber":1,"DtsJobList":[
    ///     {"DtsJobId":"a","JobType":"MIGRATION","Status":"Migrating","Delay":1500},
    ///     {"DtsJobId":"b","JobType":"SYNC","Status":"Synchronizing","Delay":3,"ReverseJob":{"DtsJobId":"c"}}]}"#)?;
    /// let page = resp.page().unwrap();
    /// let jobs: Vec<_> = page.jobs().map(|j| (j.pointer().to_owned(), j.delay())).collect();
    /// use std::time::Duration;
    /// assert_eq!(jobs, [
    ///     ("/DtsJobList/0".to_owned(), Some(Duration::from_millis(1500))),
    ///     ("/DtsJobList/1".to_owned(), Some(Duration::from_secs(3))),
    ///     // the reverse job of a two-way synchronization: its parent's kind
    ///     ("/DtsJobList/1/ReverseJob".to_owned(), None),
    /// ]);
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    pub fn jobs(&self) -> SubJobs<'_> {
        self.jobs_with(&Options::default())
    }

    /// As [`JobPage::jobs`], seen with `options`.
    pub fn jobs_with(&self, options: &Options) -> SubJobs<'_> {
        let page_kind = self
            .job_type
            .as_ref()
            .and_then(|t| t.known())
            .map_or(TaskKind::Unknown, job::kind_of);
        let mut items = Vec::new();
        for m in JobPage::marked(|m| m.jobs) {
            if let Some(held) = m.jobs.map(|get| get(self)) {
                held.jobs("", m.wire, &mut items);
            }
        }
        SubJobs::over(
            items
                .into_iter()
                .map(|(detail, pointer)| Job::listed(detail, *options, page_kind, pointer))
                .collect(),
        )
    }

    /// The job at `pointer` (`/DtsJobList/0`, `/DtsJobList/1/ReverseJob`, …);
    /// `None` when no job is there.
    pub fn job_at(&self, pointer: &str) -> Option<&JobDetail> {
        let mut segments = pointer.strip_prefix('/')?.split('/');
        let held = JobPage::meaning(segments.next()?)?.jobs?;
        descend(held(self).job_at(&mut segments)?, &mut segments)
    }

    /// The API error of the page, when `Success` is false or `ErrCode` is
    /// set (as [`JobDetail::error`]).
    pub fn error(&self) -> Option<BusinessError> {
        business_error(
            self.success.as_ref(),
            self.err_code.as_deref(),
            self.err_message.as_deref(),
            self.dynamic_message.as_deref(),
        )
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

    /// The detail a JSON text parses to.
    pub(super) fn job(json: &str) -> JobDetail {
        match crate::json::from_str(json) {
            Ok(crate::Response::Detail(d)) => d,
            other => panic!("{other:?}"),
        }
    }

    /// The list page a JSON text parses to.
    fn page(json: &str) -> JobPage {
        match crate::json::from_str(json) {
            Ok(crate::Response::Page(p)) => p,
            other => panic!("{other:?}"),
        }
    }

    /// A kind's and a status's name is the one they print as and parse from:
    /// what the CLI's columns and the exports write.
    #[test]
    fn names_print_and_parse_back() {
        let kinds: Vec<&str> = TaskKind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(
            kinds,
            ["migration", "synchronization", "change-tracking", "unknown"]
        );
        for kind in TaskKind::ALL {
            assert_eq!(kind.as_str(), kind.to_string());
            assert_eq!(kind.as_str().parse::<TaskKind>().ok(), Some(*kind));
        }
        assert_eq!(JobStatus::PreCheckPass.as_str(), "PreCheckPass");
        for status in JobStatus::ALL {
            assert_eq!(status.as_str(), status.to_string());
            assert_eq!(
                status.as_str().parse::<JobStatus>().ok(),
                Some(*status),
                "{status:?}"
            );
        }
        let classes: Vec<&str> = StatusClass::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(
            classes,
            [
                "not-started",
                "running",
                "paused",
                "failed",
                "finished",
                "unknown"
            ]
        );
        for class in StatusClass::ALL {
            assert_eq!(class.as_str(), class.to_string());
        }
    }

    /// A status in its kind's list is written in its documented spelling,
    /// whatever the case it came in; any other keeps its text.
    #[test]
    fn statuses_are_written_in_one_spelling() {
        let status = |json: &str| job(json).status().map(|s| s.canonical().to_owned());
        assert_eq!(
            status(r#"{"JobType":"sync","Status":"synchronizing"}"#).as_deref(),
            Some("Synchronizing")
        );
        assert_eq!(
            status(r#"{"JobType":"MIGRATION","Status":"MIGRATING"}"#).as_deref(),
            Some("Migrating")
        );
        assert_eq!(
            status(r#"{"JobType":"sync","Status":"Migrating"}"#).as_deref(),
            Some("Migrating")
        );
        assert_eq!(
            status(r#"{"JobType":"sync","Status":"Paused now"}"#).as_deref(),
            Some("Paused now")
        );
    }

    /// `Response::job_at` finds a detail's and a page's jobs by the pointer
    /// the walk gives them, and none in an envelope or where no job is.
    #[test]
    fn a_response_finds_its_jobs_by_pointer() {
        let id = |resp: &crate::Response, pointer: &str| {
            resp.job_at(pointer)
                .map(|j| j.dts_job_id.as_deref().unwrap_or_default().to_owned())
        };
        let detail = crate::json::from_str(
            r#"{"DtsJobId":"top","SubSyncJob":[{"DtsJobId":"sub","ReverseJob":{"DtsJobId":"rev"}}]}"#,
        )
        .unwrap();
        assert_eq!(id(&detail, "").as_deref(), Some("top"));
        assert_eq!(id(&detail, "/SubSyncJob/0/ReverseJob").as_deref(), Some("rev"));
        assert_eq!(id(&detail, "/SubSyncJob/1"), None);
        let page = crate::json::from_str(
            r#"{"PageNumber":1,"DtsJobList":[{"DtsJobId":"a"},{"DtsJobId":"b","ReverseJob":{"DtsJobId":"c"}}]}"#,
        )
        .unwrap();
        for job in page.jobs() {
            let found = id(&page, job.pointer());
            assert_eq!(found.as_deref(), job.dts_job_id.as_deref(), "{}", job.pointer());
        }
        assert_eq!(id(&page, "/DtsJobList/1").as_deref(), Some("b"));
        assert_eq!(id(&page, "/DtsJobList/1/ReverseJob").as_deref(), Some("c"));
        for nowhere in [
            "",
            "/DtsJobList",
            "/DtsJobList/2",
            "/PageNumber/0",
            "DtsJobList/0",
        ] {
            assert_eq!(id(&page, nowhere), None, "{nowhere:?}");
        }
        let envelope =
            crate::json::from_str(r#"{"RequestId":"r","Code":"Forbidden","Message":"no"}"#).unwrap();
        assert!(envelope.job_at("").is_none());
        assert_eq!(envelope.jobs().count(), 0);
    }

    /// What the members mean, read as values: a page's API error, a
    /// stage's `Percent`, `Checkpoint` as a time, the kind override.
    #[test]
    fn members_read_as_values() {
        let failed = page(
            r#"{"Success":false,"ErrCode":"InvalidParameter","DynamicCode":"403",
                "ErrMessage":"The Value of Input Parameter %s is not valid.","DynamicMessage":"PageSize"}"#,
        );
        assert_eq!(
            failed.error(),
            Some(BusinessError {
                code: "InvalidParameter".to_owned(),
                message: "The Value of Input Parameter PageSize is not valid.".to_owned()
            })
        );
        assert_eq!(
            page(r#"{"Success":true,"PageNumber":1,"DtsJobList":[]}"#).error(),
            None
        );

        let percent = |text: &str| {
            job(&format!(r#"{{"DataInitializationStatus":{{"Percent":{text}}}}}"#))
                .data_initialization_status
                .as_deref()
                .and_then(crate::model::StageStatus::percent)
        };
        assert_eq!(percent("95.5"), Some(95.5));
        assert_eq!(percent(r#"" 42 ""#), Some(42.0));
        assert_eq!(percent(r#""""#), None);
        assert_eq!(percent(r#""most""#), None);

        let at = job(r#"{"Checkpoint":1616405159}"#).checkpoint_time();
        assert_eq!(
            at.map(|t| t.to_rfc3339()).as_deref(),
            Some("2021-03-22T09:25:59+00:00")
        );
        assert_eq!(job(r#"{"Checkpoint":"soon"}"#).checkpoint_time(), None);

        let options = Options::new().task_kind(TaskKind::Migration);
        assert_eq!(options.task_kind_override(), Some(TaskKind::Migration));
        assert_eq!(options.task_kind(TaskKind::Unknown).task_kind_override(), None);
        assert_eq!(Options::new().task_kind_override(), None);
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
