//! Offline reader for Alibaba Cloud DTS `DescribeDtsJobDetail` responses
//! (API 2020-01-01), in their JSON or XML form, into one typed model.
//!
//! - Both forms give the same [`JobDetail`] (or, for the gateway's error body,
//!   the same [`ErrorEnvelope`]); nothing is lost: unknown members are kept in
//!   order, values that do not fit their type are kept raw, numbers keep
//!   their digits.
//! - What the service really sends is accepted: numbers and booleans as
//!   strings, `Checkpoint` as integer or string, one-element and empty lists in
//!   XML, case variants of enumerations, a saved SDK dump around the body.
//! - Meaning is read per task kind ([`Job`]): statuses against the kind's
//!   vocabulary, `Delay` in the kind's unit; [`JobDetail::validate`] reports
//!   every problem with a JSON Pointer.
//! - [`json::to_string`] and [`xml::to_string`] write a canonical document: the
//!   JSON and the XML form of one response print the same canonical JSON.
//!
//! # Example
//!
//! ```
//! use dts_job_detail::{Response, Scalar};
//!
//! let json = r#"{"RequestId":"r-1","Success":true,"Checkpoint":"1616405159",
//!                "SubSyncJob":[{"DtsJobId":"j1","TagList":[{"TagKey":"env"}]}]}"#;
//! let xml = "<DescribeDtsJobDetailResponse><RequestId>r-1</RequestId>\
//!            <Checkpoint>1616405159</Checkpoint><Success>true</Success>\
//!            <SubSyncJob><DtsJobId>j1</DtsJobId><TagList><TagKey>env</TagKey></TagList></SubSyncJob>\
//!            </DescribeDtsJobDetailResponse>";
//!
//! let from_json = dts_job_detail::from_slice(json.as_bytes())?;
//! let from_xml = dts_job_detail::from_slice(xml.as_bytes())?;
//! assert_eq!(from_json, from_xml);
//!
//! let Response::Detail(detail) = &from_json else { unreachable!() };
//! assert_eq!(detail.checkpoint, Some(Scalar::Value(1_616_405_159)));
//! assert_eq!(
//!     dts_job_detail::json::to_string(&from_xml),
//!     r#"{"Checkpoint":1616405159,"RequestId":"r-1","SubSyncJob":[{"DtsJobId":"j1","TagList":[{"TagKey":"env"}]}],"Success":true}"#
//! );
//! # Ok::<(), dts_job_detail::Error>(())
//! ```
//!
//! # Which jobs failed, which are slow
//!
//! [`JobDetail::jobs`] yields every job at any depth as a [`Job`] view (its
//! pointer, task kind, status and its [`StatusClass`], `Delay` in the kind's
//! unit). When no kind can be told, `Delay`'s unit is unknown:
//! [`Job::delay_range`] still says what it may mean, so a monitor misses
//! nothing.
//!
//! ```
//! use std::time::Duration;
//!
//! let text = r#"{"JobType":"sync","Status":"Synchronizing","Delay":2,"SubSyncJob":[
//!     {"DtsJobId":"a","Status":"Failed"},{"DtsJobId":"b","Status":"synchronizing","Delay":75}]}"#;
//! let response = dts_job_detail::from_slice(text.as_bytes())?;
//! let Some(detail) = response.detail() else { return Ok(()) }; // a gateway error
//! for job in detail.jobs() {
//!     let slow = job.delay_range().is_some_and(|d| *d.end() > Duration::from_secs(60));
//!     if job.is_failed() || slow {
//!         println!("{} {} {}", job.pointer(), job.status_class(), job.delay_raw().unwrap_or(0));
//!     }
//! }
//! let flagged: Vec<&str> = detail
//!     .jobs()
//!     .filter(|j| j.is_failed() || j.delay().is_some_and(|d| d > Duration::from_secs(60)))
//!     .map(|j| j.detail().dts_job_id.as_deref().unwrap_or("?"))
//!     .collect();
//! assert_eq!(flagged, ["a", "b"]);
//! # Ok::<(), dts_job_detail::Error>(())
//! ```
//!
//! # Embedding in your own types (serde)
//!
//! Every shape and [`Response`] implement `serde::Deserialize` with the same
//! tolerance as the crate's own readers, so a saved record can hold a
//! response:
//!
//! ```
//! #[derive(serde::Deserialize)]
//! struct Saved {
//!     at: String,
//!     response: dts_job_detail::Response,
//! }
//! let saved: Saved = serde_json::from_str(
//!     r#"{"at":"2021-03-22","response":{"RequestId":"r","Delay":"5","Code":200}}"#,
//! )?;
//! let detail = saved.response.detail().unwrap();
//! assert_eq!(detail.delay.as_ref().and_then(|d| d.get()), Some(5));
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! **Numbers arrive as the format hands them over**: through serde_json, a
//! number beyond 64 bits (a 20-digit `Delay`) has already been rounded to a
//! float before this crate sees it, so its digits are lost; the crate's own
//! readers ([`from_slice`], [`json::from_str`]) keep them. The format must be
//! self-describing (JSON, YAML, MessagePack, CBOR, …; not bincode); for XML
//! use [`xml::from_str`]. Each value read is charged to a memory budget (that
//! of a document of the default size limit) and the default nesting limit;
//! for other limits, read the text with a [`Parser`]. The flat path to data
//! is [`export::rows`]: one typed row per job.
//!
//! # Feature flags
//!
//! None is on by default: the library compiles only what reading needs.
//!
//! - `cli`: the `dts-job-detail` binary and its dependencies (clap, rayon,
//!   indicatif, walkdir, …).
//! - `parquet`: [`export`] to Parquet (the `parquet` crate); CSV and NDJSON
//!   need no feature.
//!
//! # The command-line tool
//!
//! The `dts-job-detail` binary (canonical JSON and XML, `check`, `inspect` over
//! files, folders and NDJSON logs) needs the `cli` feature, so a library user
//! compiles none of its dependencies:
//!
//! ```text
//! cargo install dts-job-detail --features cli
//! dts-job-detail check dumps/
//! ```
//!
//! # Public dependencies
//!
//! Two crates appear in this crate's API, and a major version bump of either is
//! a breaking change here: **serde 1** (the model implements `Serialize` and
//! `Deserialize`) and **chrono 0.4** (timestamp accessors return
//! `chrono::DateTime<chrono::Utc>`). Every other dependency is private: its
//! types appear nowhere in the API, and the crate enables no feature of a
//! dependency that other crates share (chrono is used without its default
//! features).
//!
//! # Stability
//!
//! Enumerations that the service may extend (`TaskKind`, `JobStatus`, the open
//! enumerations, `DiagnosticCode`, `Severity`, `ErrorKind`, …) and structs that
//! may gain fields (`Diagnostic`, `Status`, the model's shapes, …) are
//! `#[non_exhaustive]`. The three enums that mirror JSON's own data model —
//! [`Value`], [`JobOrValue`] and [`Scalar`] — are exhaustive: match them whole.
//!
//! # Layers
//!
//! Values (`value`, `scalar`, `timestamp`) → the model (`model`: the types and
//! one table per shape, each member's meaning marked on its line) → the
//! decoding contract (`de`) → the forms' readers and writers (`codec`) →
//! meaning (`task`, `embedded`) → validation (`validate`) → [`Parser`] and the
//! serde integration → this facade ([`json`], [`xml`]) → what users do after
//! reading ([`export`], [`diff`], [`metrics`], [`schema`]) → the command-line
//! tool (feature `cli`).
#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(docsrs, feature(doc_cfg))]

/// Declares a field-less enum with a constant listing every variant
/// (`ALL`), so no iterator type of a dependency is part of the API.
macro_rules! listed_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident { $( $(#[$vmeta:meta])* $variant:ident, )+ }
    ) => {
        $(#[$meta])*
        $vis enum $name { $( $(#[$vmeta])* $variant, )+ }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
        }
    };
}

mod codec;
mod de;
mod deserialize;
pub mod diff;
mod embedded;
mod error;
pub mod export;
pub mod json;
pub mod metrics;
pub mod model;
mod parser;
mod scalar;
pub mod schema;
mod stack;
mod task;
mod timestamp;
pub mod validate;
mod value;
pub mod xml;

pub use embedded::{DbObjectDatabase, DbObjectTable, DbObjects, EmbeddedJsonError, Members};
pub use error::{Error, ErrorKind};
#[doc(inline)]
pub use model::{
    CheckResult, DataDeliveryChannelInfo, DestNetType, Direction, Endpoint, ErrorEnvelope, JobDetail,
    JobOrValue, JobPage, JobType, MigrationMode, Number, Open, OriginType, PayType, Performance,
    PrecheckDetail, PrecheckStatus, Response, RetryState, RetryTarget, Scalar, SslSolution, StageStatus, Str,
    SubscriptionDataType, SubscriptionHost, Tag, UnknownFields, Value, XmlAttribute,
};
pub use parser::{
    DEFAULT_MAX_DEPTH, DEFAULT_MAX_SIZE, Format, MAX_DEPTH_CEILING, Parser, from_reader, from_slice, sniff,
};
pub use task::{
    BusinessError, Job, JobStatus, Options, Stage, StageState, Status, StatusClass, SubJobs, TaskKind,
};
pub use validate::{Diagnostic, DiagnosticCode, Severity};

/// A document the canonical writers take: a [`Response`], or either of its
/// two kinds on its own.
pub trait Document: sealed::Written {}

mod sealed {
    use crate::codec::json::ser::ToJson;
    use crate::codec::xml::ser::ToXml;
    use crate::xml::{DETAIL_ROOT, ERROR_ROOT, PAGE_ROOT};
    use crate::{Error, ErrorEnvelope, JobDetail, JobPage, Response};

    /// How a document writes itself (not nameable outside the crate).
    pub trait Written {
        fn write_json(&self, out: &mut String);
        fn write_xml(&self, out: &mut String) -> Result<(), Error>;
    }

    impl Written for JobDetail {
        fn write_json(&self, out: &mut String) {
            self.to_json(out);
        }
        fn write_xml(&self, out: &mut String) -> Result<(), Error> {
            self.to_xml(DETAIL_ROOT, out)
        }
    }

    /// A job object: JSON by its position's types; XML is text either way.
    impl Written for crate::model::JobObject<'_> {
        fn write_json(&self, out: &mut String) {
            self.0.to_json_at(out, crate::model::meaning::Position::JobObject);
        }
        fn write_xml(&self, out: &mut String) -> Result<(), Error> {
            self.0.write_xml(out)
        }
    }

    impl Written for ErrorEnvelope {
        fn write_json(&self, out: &mut String) {
            self.to_json(out);
        }
        fn write_xml(&self, out: &mut String) -> Result<(), Error> {
            self.to_xml(ERROR_ROOT, out)
        }
    }

    impl Written for JobPage {
        fn write_json(&self, out: &mut String) {
            self.to_json(out);
        }
        fn write_xml(&self, out: &mut String) -> Result<(), Error> {
            self.to_xml(PAGE_ROOT, out)
        }
    }

    impl Written for Response {
        fn write_json(&self, out: &mut String) {
            match self {
                Response::Detail(d) => d.write_json(out),
                Response::Error(e) => e.write_json(out),
                Response::Page(p) => p.write_json(out),
            }
        }
        fn write_xml(&self, out: &mut String) -> Result<(), Error> {
            match self {
                Response::Detail(d) => d.write_xml(out),
                Response::Error(e) => e.write_xml(out),
                Response::Page(p) => p.write_xml(out),
            }
        }
    }
}

impl Document for JobDetail {}
impl Document for model::JobObject<'_> {}
impl Document for ErrorEnvelope {}
impl Document for JobPage {}
impl Document for Response {}

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
