//! What a member is beyond its type: the markers of the model's table.
//!
//! A table line may end in markers, in brackets after the wire name:
//!
//! ```text
//! finish_time: Option<Str> = "FinishTime" [timestamp(Calendar), after(create_time)],
//! ```
//!
//! | marker | on | means | used by |
//! |---|---|---|---|
//! | `timestamp(Form)` | a text member | a time in the given [`Form`]s | its typed accessor, validation |
//! | `after(m)` | a timestamp | not before the timestamp `m` of the same shape (reported here) | validation |
//! | `before(m)` | a timestamp | not after the timestamp `m` (reported here) | validation |
//! | `stage(Stage)` | a stage object | the stage, with its status vocabulary | validation, `diff` |
//! | `jobs` | a member that holds jobs | nested jobs | the job walk, `job_at`, `diff` |
//! | `tracking` | any member | filled, it is evidence of change tracking | the task kind |
//! | `json_text` | a text member | JSON held in a string | validation (`invalid-embedded-json`) |
//! | `in_job_objects(String)` | a scalar of a job | a string in job objects (its type at the top level otherwise) | the canonical writers, `schema` |
//! | `evidence` | a member of the envelope | its presence makes a document an envelope, if the rest of the rule holds | the envelope rule ([`envelope_roles`]) |
//! | `not_integer` | a member the envelope shares with a detail | the envelope's value is not an integer | the envelope rule |
//!
//! Each shape gets `Shape::MEANINGS`, one [`Meaning`] per member in table
//! order, built from its markers; the lists that used to be written by hand
//! (the timestamps, the stages, the job-holding members) are filters of it.
//! The writers, which run per member, ask the marker itself through
//! [`marked!`] (decided when compiling).

use super::{JobDetail, JobOrValue};
pub(crate) use crate::timestamp::Form;

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
    /// `FullDataCheckStatus` (list pages).
    FullDataCheck,
    /// `IncDataCheckStatus` (list pages).
    IncDataCheck,
    /// `StructureDataCheckStatus` (list pages).
    StructureDataCheck,
}

/// Where a job object sits: the response's top level, or inside another job
/// (`SubSyncJob[]`, `SubDistributedJob[]`, `ReverseJob`). The API declares
/// some members' types differently at the two (see `in_job_objects`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Position {
    /// The document itself.
    Top,
    /// A job nested in a job.
    JobObject,
}

/// A stage object's two members every stage has, whatever its shape.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct StageView<'a> {
    pub(crate) status: Option<&'a str>,
    pub(crate) percent: Option<&'a str>,
}

/// A shape that is a stage object (`StageStatus`, `PrecheckStatus`).
pub(crate) trait StageObject {
    fn view(&self) -> StageView<'_>;
}

/// The most `timestamp` members a shape has (a unit test holds the table to
/// it), so validation keeps their times on the stack.
pub(crate) const MAX_TIMESTAMPS: usize = 8;

/// Reads a text member of the shape `S`.
pub(crate) type TextOf<S> = fn(&S) -> Option<&str>;
/// Reads a stage member of the shape `S`.
pub(crate) type StageOf<S> = fn(&S) -> Option<StageView<'_>>;

/// What one member of the shape `S` is, from its table line's markers.
pub(crate) struct Meaning<S> {
    /// The member's wire name.
    pub(crate) wire: &'static str,
    /// `timestamp(..)`: its forms, and its text.
    pub(crate) timestamp: Option<(Form, TextOf<S>)>,
    /// `after(m)`: the wire name of the member it must not be before.
    pub(crate) after: Option<&'static str>,
    /// `before(m)`: the wire name of the member it must not be after.
    pub(crate) before: Option<&'static str>,
    /// `stage(..)`: the stage, and its object.
    pub(crate) stage: Option<(Stage, StageOf<S>)>,
    /// `jobs`: the jobs it holds.
    pub(crate) jobs: Option<fn(&S) -> &dyn HoldsJobs>,
    /// `tracking`: whether it is filled (evidence of change tracking).
    pub(crate) tracking: Option<fn(&S) -> bool>,
    /// `json_text`: JSON held in a string (validation checks it is JSON).
    pub(crate) json_text: Option<TextOf<S>>,
    /// `evidence` (the envelope's table): a document with it is an envelope
    /// if the rest of the rule holds (see [`EnvelopeRole`]).
    pub(crate) evidence: bool,
    /// `not_integer` (the envelope's table): an envelope's value of this
    /// member does not read as an integer.
    pub(crate) not_integer: bool,
}

/// A marker a generated list selects members by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marker {
    Timestamp,
    Stage,
    Jobs,
    Tracking,
    JsonText,
}

impl Marker {
    /// Whether `m` carries this marker.
    const fn on<S>(self, m: &Meaning<S>) -> bool {
        match self {
            Marker::Timestamp => m.timestamp.is_some(),
            Marker::Stage => m.stage.is_some(),
            Marker::Jobs => m.jobs.is_some(),
            Marker::Tracking => m.tracking.is_some(),
            Marker::JsonText => m.json_text.is_some(),
        }
    }
}

/// How many of `meanings` carry `marker` (when compiling).
pub(crate) const fn count<S>(meanings: &[Meaning<S>], marker: Marker) -> usize {
    let (mut n, mut i) = (0, 0);
    while i < meanings.len() {
        if marker.on(&meanings[i]) {
            n += 1;
        }
        i += 1;
    }
    n
}

/// The indexes in `meanings` of the members that carry `marker`, in order
/// (when compiling: `K` is their [`count`]).
pub(crate) const fn indexes<S, const K: usize>(meanings: &[Meaning<S>], marker: Marker) -> [usize; K] {
    let mut out = [0; K];
    let (mut n, mut i) = (0, 0);
    while i < meanings.len() {
        if marker.on(&meanings[i]) {
            out[n] = i;
            n += 1;
        }
        i += 1;
    }
    out
}

/// The members of a shape that carry each marker, as indexes into its
/// `MEANINGS` (computed when compiling, so a walk over them costs nothing
/// for the members without).
pub(crate) struct Marked {
    pub(crate) timestamps: &'static [usize],
    pub(crate) stages: &'static [usize],
    pub(crate) jobs: &'static [usize],
    pub(crate) tracking: &'static [usize],
    pub(crate) json_text: &'static [usize],
}

/// The meanings at `indexes` (a [`Marked`] list of the same shape).
pub(crate) fn at<S>(
    meanings: &'static [Meaning<S>],
    indexes: &'static [usize],
) -> impl Iterator<Item = &'static Meaning<S>> {
    // the indexes were computed from these meanings: each is in range
    indexes.iter().filter_map(move |&i| meanings.get(i))
}

/// Builds a shape's [`Marked`] lists (in `define_shape!`).
macro_rules! marked_lists {
    ($shape:ident) => {
        $crate::model::meaning::Marked {
            timestamps: &$crate::model::meaning::marked_lists!(@ $shape, Timestamp),
            stages: &$crate::model::meaning::marked_lists!(@ $shape, Stage),
            jobs: &$crate::model::meaning::marked_lists!(@ $shape, Jobs),
            tracking: &$crate::model::meaning::marked_lists!(@ $shape, Tracking),
            json_text: &$crate::model::meaning::marked_lists!(@ $shape, JsonText),
        }
    };
    (@ $shape:ident, $marker:ident) => {
        $crate::model::meaning::indexes::<
            $shape,
            { $crate::model::meaning::count($shape::MEANINGS, $crate::model::meaning::Marker::$marker) },
        >($shape::MEANINGS, $crate::model::meaning::Marker::$marker)
    };
}
pub(crate) use marked_lists;

impl<S> Meaning<S> {
    /// A member without markers.
    pub(crate) const fn plain(wire: &'static str) -> Self {
        Meaning {
            wire,
            timestamp: None,
            after: None,
            before: None,
            stage: None,
            jobs: None,
            tracking: None,
            json_text: None,
            evidence: false,
            not_integer: false,
        }
    }
}

/// Builds a member's [`Meaning`] from its markers (used by the table's
/// expansion in `define_shape!`).
macro_rules! meaning {
    ($shape:ident, $field:ident, $base:expr $(,)?) => { $base };
    ($shape:ident, $field:ident, $base:expr, timestamp($form:ident) $(, $($rest:tt)*)?) => {
        $crate::model::meaning::meaning!($shape, $field, $crate::model::meaning::Meaning {
            timestamp: Some(($crate::model::meaning::Form::$form, |s: &$shape| s.$field.as_deref())),
            ..$base
        } $(, $($rest)*)?)
    };
    ($shape:ident, $field:ident, $base:expr, after($other:ident) $(, $($rest:tt)*)?) => {
        $crate::model::meaning::meaning!($shape, $field, $crate::model::meaning::Meaning {
            after: Some($crate::model::Wire::<$shape>::$other),
            ..$base
        } $(, $($rest)*)?)
    };
    ($shape:ident, $field:ident, $base:expr, before($other:ident) $(, $($rest:tt)*)?) => {
        $crate::model::meaning::meaning!($shape, $field, $crate::model::meaning::Meaning {
            before: Some($crate::model::Wire::<$shape>::$other),
            ..$base
        } $(, $($rest)*)?)
    };
    ($shape:ident, $field:ident, $base:expr, stage($stage:ident) $(, $($rest:tt)*)?) => {
        $crate::model::meaning::meaning!($shape, $field, $crate::model::meaning::Meaning {
            stage: Some((
                $crate::model::meaning::Stage::$stage,
                |s: &$shape| s.$field.as_deref().map($crate::model::meaning::StageObject::view),
            )),
            ..$base
        } $(, $($rest)*)?)
    };
    ($shape:ident, $field:ident, $base:expr, jobs $(, $($rest:tt)*)?) => {
        $crate::model::meaning::meaning!($shape, $field, $crate::model::meaning::Meaning {
            jobs: Some(|s: &$shape| &s.$field as &dyn $crate::model::meaning::HoldsJobs),
            ..$base
        } $(, $($rest)*)?)
    };
    ($shape:ident, $field:ident, $base:expr, tracking $(, $($rest:tt)*)?) => {
        $crate::model::meaning::meaning!($shape, $field, $crate::model::meaning::Meaning {
            tracking: Some(|s: &$shape| $crate::model::meaning::Filled::filled(&s.$field)),
            ..$base
        } $(, $($rest)*)?)
    };
    ($shape:ident, $field:ident, $base:expr, json_text $(, $($rest:tt)*)?) => {
        $crate::model::meaning::meaning!($shape, $field, $crate::model::meaning::Meaning {
            json_text: Some(|s: &$shape| s.$field.as_deref()),
            ..$base
        } $(, $($rest)*)?)
    };
    ($shape:ident, $field:ident, $base:expr, evidence $(, $($rest:tt)*)?) => {
        $crate::model::meaning::meaning!($shape, $field, $crate::model::meaning::Meaning {
            evidence: true,
            ..$base
        } $(, $($rest)*)?)
    };
    ($shape:ident, $field:ident, $base:expr, not_integer $(, $($rest:tt)*)?) => {
        $crate::model::meaning::meaning!($shape, $field, $crate::model::meaning::Meaning {
            not_integer: true,
            ..$base
        } $(, $($rest)*)?)
    };
    // read per member by the writers, with `marked!`
    ($shape:ident, $field:ident, $base:expr, in_job_objects(String) $(, $($rest:tt)*)?) => {
        $crate::model::meaning::meaning!($shape, $field, $base $(, $($rest)*)?)
    };
}
pub(crate) use meaning;

/// Whether a member's markers include the marker named first, as a
/// constant (`marked!(jobs; timestamp(Calendar), jobs)` is `true`): for code
/// generated per member, which should not look the member up at run time.
macro_rules! marked {
    ($want:ident;) => { false };
    (jobs; jobs $(, $($rest:tt)*)?) => { true };
    (in_job_objects; in_job_objects(String) $(, $($rest:tt)*)?) => { true };
    ($want:ident; $mark:ident $(($($args:tt)*))? $(, $($rest:tt)*)?) => {
        $crate::model::meaning::marked!($want; $($($rest)*)?)
    };
}
pub(crate) use marked;

impl Position {
    /// The position of a member's value in a job at `self`: a job object for
    /// a member that holds jobs, the top level's rules otherwise (only a
    /// job's members differ by position).
    pub(crate) const fn of_member(holds_jobs: bool) -> Position {
        if holds_jobs {
            Position::JobObject
        } else {
            Position::Top
        }
    }
}

/// The typed accessor of a `timestamp` member (nothing for other members).
macro_rules! timestamp_accessor {
    ($field:ident, $wire:literal $(,)?) => {};
    ($field:ident, $wire:literal, timestamp($form:ident) $(, $($rest:tt)*)?) => {
        #[doc = concat!("`", $wire, "` as a UTC time, under the lenient rules of validation \
            (fractional seconds, offsets, no zone, a space for `T`, white space around it",
            $crate::model::meaning::timestamp_accessor!(@form $form), "); \
            `None` when absent, blank or not a real date and time.")]
        pub fn $field(&self) -> Option<chrono::DateTime<chrono::Utc>> {
            $crate::timestamp::read_member(
                self.$field.as_deref()?,
                $crate::model::meaning::Form::$form,
            )?
            .time()
        }
    };
    ($field:ident, $wire:literal, $mark:ident $(($($args:tt)*))? $(, $($rest:tt)*)?) => {
        $crate::model::meaning::timestamp_accessor!($field, $wire $(, $($rest)*)?);
    };
    (@form Calendar) => { "" };
    (@form CalendarOrEpoch) => { "; also an epoch in milliseconds or seconds" };
}
pub(crate) use timestamp_accessor;

/// What a member of the gateway envelope's table is to the rule that tells an
/// envelope from a detail. The rule, from these roles: a document is an
/// envelope when it has an `evidence` member, every member of its own is a
/// scalar, no shared member with `not_integer` reads as an integer, and it
/// has no member of a detail but the shared ones. `de::root` applies it to
/// what a document carried, and `schema` writes it as a JSON Schema
/// condition: both read it from here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EnvelopeRole {
    /// A member a detail has too (`RequestId`, `Code`).
    Shared {
        /// Its envelope value does not read as an integer.
        not_integer: bool,
    },
    /// A member only the envelope has (`HostId`, `Message`, `Recommend`).
    Own {
        /// One such member must be present.
        evidence: bool,
    },
}

/// Every member of the envelope's table with its role, in canonical order
/// (computed when compiling).
pub(crate) const ENVELOPE_ROLES: [(&str, EnvelopeRole); super::ErrorEnvelope::FIELDS.len()] = {
    let meanings = super::ErrorEnvelope::MEANINGS;
    let mut out = [("", EnvelopeRole::Own { evidence: false }); super::ErrorEnvelope::FIELDS.len()];
    let mut i = 0;
    while i < meanings.len() {
        let m = &meanings[i];
        out[i] = (
            m.wire,
            if is_detail_member(m.wire) {
                EnvelopeRole::Shared {
                    not_integer: m.not_integer,
                }
            } else {
                EnvelopeRole::Own { evidence: m.evidence }
            },
        );
        i += 1;
    }
    out
};

/// Every member of the envelope's table with its role, in canonical order.
pub(crate) fn envelope_roles() -> impl Iterator<Item = (&'static str, EnvelopeRole)> {
    ENVELOPE_ROLES.iter().copied()
}

/// Whether a job has a member named `wire` (when compiling).
const fn is_detail_member(wire: &str) -> bool {
    let fields = JobDetail::FIELDS;
    let mut i = 0;
    while i < fields.len() {
        if str_eq(fields[i], wire) {
            return true;
        }
        i += 1;
    }
    false
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether a member carries something (evidence counts only when it does):
/// a text that is not blank, an object with a filled member or any unknown one.
pub(crate) trait Filled {
    fn filled(&self) -> bool;
}

impl Filled for Option<super::Str> {
    fn filled(&self) -> bool {
        self.as_deref().is_some_and(|t| !t.trim().is_empty())
    }
}

/// A member that holds jobs: a list of jobs, or an untyped position.
pub(crate) trait HoldsJobs {
    /// Whether it holds anything (a job, or a value that might be one).
    fn holds_any(&self) -> bool;

    /// Every job it holds, depth first in document order, with its pointer
    /// (the member is `member` of the job at `parent`).
    fn jobs<'a>(&'a self, parent: &str, member: &str, out: &mut Vec<(&'a JobDetail, String)>);

    /// The job at the pointer's segments that follow the member's name.
    fn job_at<'a>(&'a self, rest: &mut std::str::Split<'_, char>) -> Option<&'a JobDetail>;
}

fn index(segment: Option<&str>) -> Option<usize> {
    segment?.parse().ok()
}

impl HoldsJobs for Vec<JobDetail> {
    fn holds_any(&self) -> bool {
        !self.is_empty()
    }

    fn jobs<'a>(&'a self, parent: &str, member: &str, out: &mut Vec<(&'a JobDetail, String)>) {
        out.extend(
            self.iter()
                .enumerate()
                .map(|(i, job)| (job, format!("{parent}/{member}/{i}"))),
        );
    }

    fn job_at<'a>(&'a self, rest: &mut std::str::Split<'_, char>) -> Option<&'a JobDetail> {
        self.get(index(rest.next())?)
    }
}

impl HoldsJobs for Vec<JobOrValue> {
    fn holds_any(&self) -> bool {
        !self.is_empty()
    }

    fn jobs<'a>(&'a self, parent: &str, member: &str, out: &mut Vec<(&'a JobDetail, String)>) {
        for (i, item) in self.iter().enumerate() {
            item.jobs_at(format!("{parent}/{member}/{i}"), out);
        }
    }

    fn job_at<'a>(&'a self, rest: &mut std::str::Split<'_, char>) -> Option<&'a JobDetail> {
        self.get(index(rest.next())?)?.job_at(rest)
    }
}

impl HoldsJobs for Option<JobOrValue> {
    fn holds_any(&self) -> bool {
        self.is_some()
    }

    fn jobs<'a>(&'a self, parent: &str, member: &str, out: &mut Vec<(&'a JobDetail, String)>) {
        if let Some(value) = self {
            value.jobs_at(format!("{parent}/{member}"), out);
        }
    }

    fn job_at<'a>(&'a self, rest: &mut std::str::Split<'_, char>) -> Option<&'a JobDetail> {
        self.as_ref()?.job_at(rest)
    }
}

impl JobOrValue {
    /// The jobs in this value, at `pointer`: itself, or the jobs of a list.
    fn jobs_at<'a>(&'a self, pointer: String, out: &mut Vec<(&'a JobDetail, String)>) {
        // lists nest without limit in what was read: no recursion here
        let mut pending = vec![(self, pointer)];
        while let Some((value, pointer)) = pending.pop() {
            match value {
                JobOrValue::Job(job) => out.push((job, pointer)),
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

    /// The job at the pointer's segments from here.
    fn job_at<'a>(&'a self, rest: &mut std::str::Split<'_, char>) -> Option<&'a JobDetail> {
        let mut item = self;
        loop {
            match item {
                JobOrValue::Job(job) => return Some(job),
                JobOrValue::List(items) => item = items.get(index(rest.next())?)?,
                JobOrValue::Value(_) => return None,
            }
        }
    }
}

impl StageObject for super::StageStatus {
    fn view(&self) -> StageView<'_> {
        StageView {
            status: self.status.as_deref(),
            percent: self.percent.as_deref(),
        }
    }
}

impl StageObject for super::PrecheckStatus {
    fn view(&self) -> StageView<'_> {
        StageView {
            status: self.status.as_deref(),
            percent: self.percent.as_deref(),
        }
    }
}

impl Filled for Option<Box<super::SubscriptionHost>> {
    fn filled(&self) -> bool {
        self.as_deref().is_some_and(|h| {
            h.private_host.filled() || h.public_host.filled() || h.vpc_host.filled() || !h.unknown.is_empty()
        })
    }
}

#[cfg(test)]
#[path = "meaning_tests.rs"]
mod tests;
