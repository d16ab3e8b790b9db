//! The task kinds, their status vocabularies and `Delay` units, and the stages
//! with theirs.

use std::str::FromStr;
use std::time::Duration;

use strum_macros::{Display, EnumString, IntoStaticStr};

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
                // the list call's (a failed change of the synchronized objects)
                ModifyFailed,
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
                ModifyFailed,
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
    ModifyFailed,
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
            | JobStatus::Modifying
            | JobStatus::ModifyFailed => Some(TaskKind::Synchronization),
            JobStatus::Starting | JobStatus::Normal | JobStatus::Abnormal => Some(TaskKind::ChangeTracking),
            _ => None,
        }
    }
}

listed_enum! {
/// What a job's status says about it, whatever its kind: the one question a
/// monitor asks ("which jobs failed, which are still running?"), answered
/// from the per-kind vocabularies by one table ([`JobStatus::class`]).
///
/// Names print in kebab-case (`not-started`, …, `unknown`).
///
/// ```
/// use dts_job_detail::{JobStatus, StatusClass};
/// assert_eq!(JobStatus::Synchronizing.class(), StatusClass::Running);
/// assert_eq!(JobStatus::Abnormal.class(), StatusClass::Failed);
/// assert_eq!(StatusClass::NotStarted.to_string(), "not-started");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Display, EnumString, IntoStaticStr)]
#[strum(serialize_all = "kebab-case", ascii_case_insensitive)]
#[non_exhaustive]
pub enum StatusClass {
    /// Not started yet: `NotStarted`, `NotConfigured`, `PreCheckPass` (the
    /// precheck passed, the task has not started).
    NotStarted,
    /// At work: `Prechecking`, `Initializing`, `Synchronizing`, `Migrating`,
    /// `Modifying`, `Retrying` (after an error, on its own), `Upgrade`,
    /// `Downgrade`, `Starting`, `Normal`.
    Running,
    /// Stopped, to be resumed: `Suspending`, `Locked` (for instance by an
    /// overdue payment).
    Paused,
    /// Failed: `PrecheckFailed`, `InitializeFailed`, `Failed`,
    /// `MigrationFailed`, `ModifyFailed`, `Abnormal`.
    Failed,
    /// Done: `Finished`.
    Finished,
    /// No status, or one outside the job's kind's list.
    Unknown,
}
}

impl StatusClass {
    /// The class's name (`not-started`, …, `unknown`).
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl JobStatus {
    /// The status's class: the one table that sorts every status of every
    /// kind.
    pub fn class(self) -> StatusClass {
        use JobStatus::*;
        match self {
            NotStarted | NotConfigured | PreCheckPass => StatusClass::NotStarted,
            Prechecking | Initializing | Synchronizing | Migrating | Modifying | Retrying | Upgrade
            | Downgrade | Starting | Normal => StatusClass::Running,
            Suspending | Locked => StatusClass::Paused,
            PrecheckFailed | InitializeFailed | Failed | MigrationFailed | ModifyFailed | Abnormal => {
                StatusClass::Failed
            }
            Finished => StatusClass::Finished,
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

impl Status {
    /// The status's documented spelling when it is in the kind's list
    /// (`Synchronizing` for `synchronizing`), else the text as received: the
    /// one spelling per status that export, metrics and Python use.
    ///
    /// ```
    /// let resp = dts_job_detail::json::from_str(r#"{"JobType":"sync","Status":"synchronizing"}"#)?;
    /// assert_eq!(resp.detail().unwrap().status().unwrap().canonical(), "Synchronizing");
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    pub fn canonical(&self) -> &str {
        match self.known {
            Some(known) => known.as_str(),
            None => &self.raw,
        }
    }

    /// The known status's class; [`StatusClass::Unknown`] for a status
    /// outside the kind's list.
    pub fn class(&self) -> StatusClass {
        self.known.map_or(StatusClass::Unknown, JobStatus::class)
    }
}

/// As `{"raw": "synchronizing", "known": "Synchronizing"}` (`known` is `null`
/// for a status outside the kind's list).
impl serde::Serialize for Status {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        // the struct's name, as serde wants it (no JSON writer prints it)
        let mut st = s.serialize_struct(stringify!(Status), 2)?;
        st.serialize_field("raw", &self.raw)?;
        st.serialize_field("known", &self.known.map(JobStatus::as_str))?;
        st.end()
    }
}

pub use crate::model::Stage;

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
    /// A schema check that found differences.
    Inconsistency,
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
            Stage::FullDataCheck => &[NotStarted, Checking, Failed, Finished],
            Stage::IncDataCheck => &[Catched, NotStarted, Checking, Failed],
            Stage::StructureDataCheck => &[NotStarted, Checking, Failed, Finished, Inconsistency],
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
