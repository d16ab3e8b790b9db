//! What a document is — a job detail, a list page, the gateway's error
//! envelope, or a saved SDK dump around one of them — decided once, from its
//! members, by the same rule in every form (the XML root's name does not
//! decide it).
//!
//! The document's members are read once into a [`Root`]; [`Root::finish`]
//! then looks at what arrived:
//!
//! - **SDK dump**: the only members are `headers`, `statusCode` (a JSON
//!   number) and `body` (an object, or a string holding a document). The
//!   body is the response. (XML cannot carry a JSON number, so an XML
//!   document is never a dump, and neither is the canonical output of one.)
//! - **List page**: a member only a page has (the `evidence` markers of
//!   the page's table: `DtsJobList`, `EtlDemoList`, `PageNumber`,
//!   `PageRecordCount`, `TotalRecordCount`, `DynamicCode`), present (an
//!   empty list is absent, as everywhere). Those members
//!   are read into the page as they come; the members a page shares with a
//!   detail (`RequestId`, `Success`, …) are read as a detail's and moved to
//!   the page; any other member of a job at a page's top is kept as an
//!   unknown member of the page, in its canonical JSON form.
//! - **Gateway envelope**: the rule of the envelope's table, read from its
//!   markers ([`EnvelopeRole`]): today an `evidence` member (`HostId`,
//!   `Message`), the envelope's own members scalars, a `Code` that is not an
//!   integer, and no member of a detail but `RequestId` and `Code`. The
//!   envelope is then read from its table: each of its members as its slot
//!   reads it, the rest kept as unknown members.
//! - Otherwise a **job detail**.

use std::borrow::Cow;

use crate::de::{Budget, Exceeded, Height, Shape, Source};
use crate::model::meaning::{ENVELOPE_ROLES, EnvelopeRole};
use crate::model::{ErrorEnvelope, JobDetail, JobPage, Response, Scalar, TakeMember, UnknownFields, Value};
use crate::scalar::{self, In};
use crate::value::merge_repeats;

/// The members of a document, before it is known what the document is.
#[derive(Default)]
pub(crate) struct Root {
    detail: JobDetail,
    /// The members only a list page has, once one arrives.
    page: Option<Box<JobPage>>,
    /// The envelope's members a detail has too (`RequestId`, `Code`), as
    /// sent, the last value of each, by their place in `ENVELOPE_ROLES`: a
    /// detail reads `Code` as an integer, an envelope as a name.
    shared: [Option<Value>; ENVELOPE_ROLES.len()],
}

impl Height for Root {
    fn height(&self) -> usize {
        self.detail
            .height()
            .max(self.page.as_deref().map_or(0, Height::height))
    }
}

impl Shape for Root {
    fn read_field<'de, S: Source<'de>>(&mut self, key: &str, src: S) -> Result<bool, S::Error> {
        if key == "body" {
            let v = src.value_unmerged()?;
            self.detail.unknown.push(key, v);
            return Ok(false);
        }
        if let Some(slot) = shared_member(key).and_then(|i| self.shared.get_mut(i)) {
            let v = src.scalar()?;
            *slot = Some(scalar::value(v.clone()));
            // a shared member is a scalar in both tables (a unit test holds them to it)
            return Ok(self.detail.set_scalar(key, v).unwrap_or_default());
        }
        // a member only a page has is not a detail's: looked for among the
        // members a detail does not know, not on every member
        let page = &mut self.page;
        self.detail.read_member_or(key, src, |detail, key, src| {
            if JobPage::meaning(key).is_some_and(|m| m.evidence) {
                page.get_or_insert_default().read_field(key, src)
            } else {
                src.unknown(key, &mut detail.unknown).map(|()| false)
            }
        })
    }

    fn unknown_mut(&mut self) -> &mut UnknownFields {
        &mut self.detail.unknown
    }

    fn set_scalar(&mut self, key: &str, v: In<'_>) -> Option<bool> {
        self.detail.set_scalar(key, v)
    }
}

/// The place in `ENVELOPE_ROLES` of `key` when it is a member of the
/// envelope that a detail has too.
fn shared_member(key: &str) -> Option<usize> {
    if !ErrorEnvelope::has_member(key) {
        return None;
    }
    ENVELOPE_ROLES
        .iter()
        .position(|(wire, role)| *wire == key && matches!(role, EnvelopeRole::Shared { .. }))
}

/// An object's members as (name, value) pairs.
pub(crate) type Members = Vec<(String, Value)>;

/// What deciding a document needs of the forms (this layer has neither a
/// writer nor a reader of values), each within the document's budget.
pub(crate) struct Forms {
    /// A job's known members as (name, JSON value) pairs, in canonical
    /// order: how the members of a job at the top of a list page are kept.
    pub(crate) values: fn(&JobDetail, &mut Budget) -> Result<Members, Exceeded>,
    /// A value read as a job (`None`: it is not one), for the items in a
    /// wrapper element (see `de::wrapped`).
    pub(crate) job: fn(&Value, &mut Budget) -> Result<Option<JobDetail>, Exceeded>,
}

/// What a document turned out to be (named apart from the public
/// [`Document`](crate::Document) trait, which a parsed response implements).
#[allow(clippy::large_enum_variant)] // moved once, at the end of a parse
pub(crate) enum Decision {
    /// A response.
    Response(Response),
    /// An SDK dump: its body, still to be read as the response.
    DumpBody(Value),
}

impl Root {
    /// Decides what the document is. `budget` is at the depth outside the
    /// document.
    pub(crate) fn finish(mut self, budget: &Budget, forms: &Forms) -> Result<Decision, Exceeded> {
        if let Some(body) = self.dump_body() {
            return Ok(Decision::DumpBody(body));
        }
        self.finish_response(budget, forms).map(Decision::Response)
    }

    /// Decides which response the document is, never a dump: for a dump's
    /// body, whether it is an object or a string (a dump is not nested; a
    /// dump inside one is read as a detail with the members it has).
    pub(crate) fn finish_response(mut self, budget: &Budget, forms: &Forms) -> Result<Response, Exceeded> {
        self.settle_body(budget)?;
        // built in place: a response is as large as a job, and each move copies it
        // a page's own member given empty (`[]`, `null` for a list) is absent,
        // as any list's: it does not make a page (its canonical form would not)
        Ok(if self.page.as_deref().is_some_and(|p| p.present_count() > 0) {
            Response::Page(self.into_page(budget, forms)?)
        } else if self.is_envelope() {
            Response::Error(self.into_envelope())
        } else {
            Response::Detail(self.detail)
        })
    }

    /// The list page: its own members as read, the members it shares with a
    /// detail moved from the detail, the detail's others as unknown members
    /// (written as JSON values), and its items out of wrapper elements.
    fn into_page(self, budget: &Budget, forms: &Forms) -> Result<JobPage, Exceeded> {
        let Root { mut detail, page, .. } = self;
        let mut budget = budget.clone();
        let mut page = page.map(|p| *p).unwrap_or_default();
        page.take_shared(&mut detail);
        let unknown = std::mem::take(&mut detail.unknown);
        if detail.present_count() > 0 {
            page.unknown.0.extend((forms.values)(&detail, &mut budget)?);
        }
        page.unknown.0.extend(unknown.0);
        for m in JobPage::marked(|m| m.jobs) {
            if let Some(items) = page.member_mut::<Vec<JobDetail>>(m.wire) {
                super::wrapped::unwrap_items(items, forms, &mut budget)?;
            }
        }
        Ok(page)
    }

    /// A member `body` that is not a dump's: read without merging repeated
    /// names (in case it was a dump's), merged now, and held to the depth limit.
    fn settle_body(&mut self, budget: &Budget) -> Result<(), Exceeded> {
        if let Some((_, body)) = self.detail.unknown.0.iter_mut().find(|(k, _)| k == "body") {
            merge_deep(body);
            budget.fits(1 + body.height())?;
        }
        Ok(())
    }

    fn dump_body(&mut self) -> Option<Value> {
        if self.page.is_some() {
            return None;
        }
        let d = &self.detail;
        let dump_keys = d
            .unknown
            .iter()
            .all(|(k, _)| matches!(k, "headers" | "statusCode" | "body"));
        let status_is_number = matches!(d.unknown.get("statusCode"), Some(Value::Number(_)));
        let body_is_document = matches!(d.unknown.get("body"), Some(Value::Object(_) | Value::String(_)));
        if d.present_count() == 0 && dump_keys && status_is_number && body_is_document {
            self.detail.unknown.take("body")
        } else {
            None
        }
    }

    /// The envelope rule ([`EnvelopeRole`]), on what the document carried.
    fn is_envelope(&self) -> bool {
        let mut evidence = false;
        for ((wire, role), sent) in ENVELOPE_ROLES.iter().zip(&self.shared) {
            match *role {
                EnvelopeRole::Shared { not_integer } => {
                    let sent = sent.as_ref().and_then(scalar_in);
                    if not_integer && sent.is_some_and(|v| matches!(scalar::integer(v), Scalar::Value(_))) {
                        return false;
                    }
                }
                EnvelopeRole::Own { evidence: counts } => match self.detail.unknown.get(wire) {
                    Some(v) if v.is_container() => return false,
                    Some(_) => evidence |= counts,
                    None => {}
                },
            }
        }
        // and no member of a detail but the shared ones (`Success` is one);
        // counted last, as most documents have no evidence
        evidence && self.detail.present_count() == self.shared.iter().flatten().count()
    }

    /// The envelope, read from its table: every member of the envelope as
    /// its slot reads it, the rest kept as unknown members in arrival order.
    fn into_envelope(self) -> ErrorEnvelope {
        let Root { detail, shared, .. } = self;
        let mut envelope = ErrorEnvelope::default();
        for ((wire, _), value) in ENVELOPE_ROLES.iter().zip(&shared) {
            if let Some(v) = value.as_ref().and_then(scalar_in) {
                envelope.set_scalar(wire, v);
            }
        }
        for (key, value) in detail.unknown.0 {
            let own = ErrorEnvelope::has_member(&key) && !value.is_container();
            if !(own && scalar_in(&value).is_some_and(|v| envelope.set_scalar(&key, v).is_some())) {
                envelope.unknown.0.push((key, value));
            }
        }
        envelope
    }
}

/// A scalar value as a reader hands it over; `None` for an object or array.
fn scalar_in(v: &Value) -> Option<In<'_>> {
    Some(match v {
        Value::String(s) => In::Str(Cow::Borrowed(s)),
        Value::Number(n) => In::Number(Cow::Owned(n.to_string())),
        Value::Bool(b) => In::Bool(*b),
        Value::Null => In::Null,
        Value::Array(_) | Value::Object(_) => return None,
    })
}

/// Merges repeated names in every object inside `value` (what reading it as
/// an unknown member would have done).
fn merge_deep(value: &mut Value) {
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(members) => {
                merge_repeats(members);
                stack.extend(members.iter_mut().map(|(_, v)| v));
            }
            Value::Array(items) => stack.extend(items.iter_mut()),
            _ => {}
        }
    }
}
