//! The job view: a job with its [`Options`] and its place, and the walk over
//! every nested job.

use std::time::Duration;

use std::str::FromStr;

use super::{JobStatus, Options, Status, StatusClass, TaskKind};
use crate::model::{JobDetail, JobType};

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
    pub(super) fn top(detail: &'a JobDetail, options: Options) -> Self {
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

    /// An item of a list page, at `pointer`: a job of its own (depth 0, no
    /// parent), of its own kind, else of the page's (`page_kind`).
    pub(super) fn listed(
        detail: &'a JobDetail,
        options: Options,
        page_kind: TaskKind,
        pointer: String,
    ) -> Self {
        let kind = options
            .task_kind
            .or_else(|| own_kind(detail))
            .unwrap_or(page_kind);
        Job {
            detail,
            options,
            kind,
            pointer,
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
    /// when the kind is unknown. For an unknown kind the value is not lost:
    /// [`Job::delay_range`] gives what it may mean (milliseconds to
    /// seconds), [`Job::delay_raw`] the number, and validation warns
    /// `ambiguous-unit`. A monitor that must not miss a slow job asks
    /// `delay_range()`.
    ///
    /// ```
    /// use std::time::Duration;
    /// let resp = dts_job_detail::json::from_str(r#"{"Status":"Migrating","Delay":1500}"#)?;
    /// assert_eq!(resp.detail().unwrap().delay(), Some(Duration::from_millis(1500)));
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    pub fn delay(&self) -> Option<Duration> {
        let raw = u64::try_from(self.detail.delay.as_ref()?.get()?).ok()?;
        let unit = self.kind.delay_unit()?;
        Some(if unit == Duration::from_millis(1) {
            Duration::from_millis(raw)
        } else {
            Duration::from_secs(raw)
        })
    }

    /// `Delay` as the range of durations it may mean: one duration when the
    /// kind gives the unit; from the raw value in milliseconds to the raw
    /// value in seconds when the kind is unknown (so a "slower than 60 s"
    /// monitor can ask the range's end and miss nothing); `None` when absent,
    /// not an integer, or negative.
    ///
    /// ```
    /// use std::time::Duration;
    /// // no kind can be told: 5 may be milliseconds or seconds
    /// let resp = dts_job_detail::json::from_str(r#"{"Status":"Failed","Delay":5}"#)?;
    /// let job = resp.detail().unwrap().job();
    /// assert_eq!(job.delay(), None);
    /// let range = job.delay_range().unwrap();
    /// assert_eq!((*range.start(), *range.end()), (Duration::from_millis(5), Duration::from_secs(5)));
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    pub fn delay_range(&self) -> Option<std::ops::RangeInclusive<Duration>> {
        let raw = u64::try_from(self.detail.delay.as_ref()?.get()?).ok()?;
        Some(match self.delay() {
            Some(delay) => delay..=delay,
            None => Duration::from_millis(raw)..=Duration::from_secs(raw),
        })
    }

    /// The class of the job's status ([`StatusClass::Unknown`] without a
    /// status, or with one outside its kind's list).
    ///
    /// ```
    /// use dts_job_detail::StatusClass;
    /// let resp = dts_job_detail::json::from_str(r#"{"JobType":"sync","Status":"synchronizing"}"#)?;
    /// let job = resp.detail().unwrap().job();
    /// assert_eq!(job.status_class(), StatusClass::Running);
    /// assert!(job.is_running() && !job.is_failed());
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    pub fn status_class(&self) -> StatusClass {
        self.status().map_or(StatusClass::Unknown, |s| s.class())
    }

    /// Whether the job's status is of the class [`StatusClass::Failed`].
    pub fn is_failed(&self) -> bool {
        self.status_class() == StatusClass::Failed
    }

    /// Whether the job's status is of the class [`StatusClass::Running`].
    pub fn is_running(&self) -> bool {
        self.status_class() == StatusClass::Running
    }

    /// Whether the job's status is of the class [`StatusClass::Paused`].
    pub fn is_paused(&self) -> bool {
        self.status_class() == StatusClass::Paused
    }

    /// Whether the job's status is of the class [`StatusClass::Finished`].
    pub fn is_finished(&self) -> bool {
        self.status_class() == StatusClass::Finished
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

/// The kind a `JobType` names.
pub(super) fn kind_of(job_type: JobType) -> TaskKind {
    match job_type {
        JobType::Migration | JobType::Online => TaskKind::Migration,
        JobType::Sync | JobType::SubSync => TaskKind::Synchronization,
        JobType::Subscribe => TaskKind::ChangeTracking,
    }
}

/// The evidence of a job's own members for its kind (see [`Job::task_kind`]).
fn own_kind(job: &JobDetail) -> Option<TaskKind> {
    if let Some(kind) = job.job_type.as_ref().and_then(|t| t.known()).map(kind_of) {
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
    let tracking = JobDetail::marked(|m| m.tracking).any(|m| m.tracking.is_some_and(|filled| filled(job)));
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
    /// A walk over `jobs` (the items of a list page) and every job nested in them.
    pub(super) fn over(jobs: Vec<Job<'a>>) -> Self {
        SubJobs {
            first: None,
            stack: jobs.into_iter().rev().collect(),
        }
    }

    fn push_children(&mut self, job: &Job<'a>) {
        let mut children = Vec::new();
        for m in JobDetail::marked(|m| m.jobs) {
            if let Some(held) = m.jobs.map(|get| get(job.detail))
                && held.holds_any()
            {
                held.jobs(&job.pointer, m.wire, &mut children);
            }
        }
        self.stack.extend(
            children
                .into_iter()
                .rev()
                .map(|(detail, pointer)| job.child(detail, pointer)),
        );
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

#[cfg(test)]
mod tests {
    use super::super::tests::job as detail;
    use super::*;

    /// Each job of a walk knows its place: pointer, parent's pointer, depth
    /// (one more than its parent's at every level), the options it is seen
    /// with, and its own members through `Deref`.
    #[test]
    fn a_job_knows_its_place_and_its_options() {
        let d = detail(
            r#"{"DtsJobId":"top","SubSyncJob":[{"DtsJobId":"sub",
                "ReverseJob":{"DtsJobId":"rev","SubDistributedJob":[{"DtsJobId":"deep"}]}}]}"#,
        );
        let strict = Options::new().strict(true);
        let seen: Vec<(String, String, Option<String>, usize, bool)> = d
            .job_with(&strict)
            .with_sub_jobs()
            .map(|j| {
                (
                    j.dts_job_id.as_deref().unwrap_or_default().to_owned(),
                    j.pointer().to_owned(),
                    j.parent_pointer().map(str::to_owned),
                    j.depth(),
                    j.options().is_strict(),
                )
            })
            .collect();
        let s = |text: &str| text.to_owned();
        assert_eq!(
            seen,
            [
                (s("top"), s(""), None, 0, true),
                (s("sub"), s("/SubSyncJob/0"), Some(s("")), 1, true),
                (
                    s("rev"),
                    s("/SubSyncJob/0/ReverseJob"),
                    Some(s("/SubSyncJob/0")),
                    2,
                    true
                ),
                (
                    s("deep"),
                    s("/SubSyncJob/0/ReverseJob/SubDistributedJob/0"),
                    Some(s("/SubSyncJob/0/ReverseJob")),
                    3,
                    true
                ),
            ]
        );
        assert!(!d.job().options().is_strict(), "the default options");
    }

    /// `is_failed`, `is_running`, `is_paused` and `is_finished` each hold
    /// for a status of their class and for no other.
    #[test]
    fn each_class_test_holds_for_its_class_only() {
        let cases = [
            (
                r#"{"JobType":"sync","Status":"Synchronizing"}"#,
                StatusClass::Running,
            ),
            (
                r#"{"JobType":"MIGRATION","Status":"Failed"}"#,
                StatusClass::Failed,
            ),
            (r#"{"JobType":"sync","Status":"Suspending"}"#, StatusClass::Paused),
            (
                r#"{"JobType":"MIGRATION","Status":"Finished"}"#,
                StatusClass::Finished,
            ),
            (
                r#"{"JobType":"sync","Status":"NotStarted"}"#,
                StatusClass::NotStarted,
            ),
            (r#"{"JobType":"sync","Status":"Migrating"}"#, StatusClass::Unknown),
            ("{}", StatusClass::Unknown),
        ];
        for (json, class) in cases {
            let d = detail(json);
            let job = d.job();
            assert_eq!(job.status_class(), class, "{json}");
            let tests = [
                job.is_failed(),
                job.is_running(),
                job.is_paused(),
                job.is_finished(),
            ];
            let expected = [
                class == StatusClass::Failed,
                class == StatusClass::Running,
                class == StatusClass::Paused,
                class == StatusClass::Finished,
            ];
            assert_eq!(tests, expected, "{json}");
        }
    }
}
