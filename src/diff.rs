//! What changed between two saved responses of one job (either form):
//! typed changes, headline first.
//!
//! Both responses are compared as their canonical JSON, member by member.
//! Within each job (the top level and every nested job), `Status`, `Delay`,
//! `Checkpoint` and the stage objects' `Status`/`Percent` get their own
//! [`ChangeKind`]; nested jobs (`SubSyncJob[]`, `SubDistributedJob[]`,
//! `ReverseJob`) are matched by `DtsJobId`, else by position, and a job
//! present on one side only is [`ChangeKind::JobAdded`] or
//! [`ChangeKind::JobRemoved`]; every other difference is a member added,
//! removed or changed, by JSON Pointer. Changes are listed by kind, in the
//! order of [`ChangeKind`], then in document order.
//!
//! The XML form cannot carry everything the JSON form can: an unknown
//! member's number or boolean reads back from XML as text, a one-item unknown
//! array as its item. To compare a JSON document with an XML one, pass the
//! JSON side through [`as_xml_carries`] first (the command line does this
//! when the two forms differ), so one response in its two forms has no
//! changes.
//!
//! `Delay` is compared in its normalised unit: a [`ChangeKind::Delay`]'s
//! `old` and `new` are milliseconds (a synchronization job's `Delay` of 2 is
//! 2000). When a side's kind, and so its unit, is unknown, a changed `Delay`
//! is a plain [`ChangeKind::Changed`] with the values as sent.
//!
//! ```
//! use dts_job_detail::diff::{diff, ChangeKind};
//! let old = dts_job_detail::json::from_str(r#"{"JobType":"SYNC","Status":"Synchronizing","Delay":1,"Checkpoint":100}"#)?;
//! let new = dts_job_detail::xml::from_str("<DescribeDtsJobDetailResponse><JobType>SYNC</JobType>\
//!     <Status>Failed</Status><Delay>3</Delay><Checkpoint>160</Checkpoint></DescribeDtsJobDetailResponse>")?;
//! let changes = diff(&old, &new, &Default::default());
//! let kinds: Vec<_> = changes.iter().map(|c| (c.kind, c.path.as_str())).collect();
//! assert_eq!(kinds, [
//!     (ChangeKind::Status, "/Status"),
//!     (ChangeKind::Delay, "/Delay"),
//!     (ChangeKind::Checkpoint, "/Checkpoint"),
//! ]);
//! assert_eq!(changes[1].new.as_ref().and_then(|v| v.as_number()).and_then(|n| n.as_i64()), Some(3000));
//! # Ok::<(), dts_job_detail::Error>(())
//! ```

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use crate::codec::json::spans::{Level, Spans};
use crate::json;
use crate::model::{JobDetail, JobPage, Number, Response, StageStatus, Value, Wire};
use crate::stack::deeper;
use crate::task::{Job, Options};

/// What a [`Change`] is. The order of the variants is the order of a diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum ChangeKind {
    /// A job's `Status`.
    Status,
    /// A job's `Delay`, in milliseconds.
    Delay,
    /// A job's `Checkpoint`.
    Checkpoint,
    /// A stage's `Status` or `Percent` (`…/DataInitializationStatus/Percent`).
    Stage,
    /// A nested job only in the new response (`new`: its `DtsJobId`).
    JobAdded,
    /// A nested job only in the old response (`old`: its `DtsJobId`).
    JobRemoved,
    /// A member only in the new response.
    Added,
    /// A member only in the old response.
    Removed,
    /// A member with another value.
    Changed,
}

impl ChangeKind {
    /// The name in `diff --format json` (`status`, `delay`, `checkpoint`,
    /// `stage`, `job-added`, `job-removed`, `added`, `removed`, `changed`).
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Status => "status",
            ChangeKind::Delay => "delay",
            ChangeKind::Checkpoint => "checkpoint",
            ChangeKind::Stage => "stage",
            ChangeKind::JobAdded => "job-added",
            ChangeKind::JobRemoved => "job-removed",
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
        }
    }
}

impl fmt::Display for ChangeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One difference.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Change {
    /// JSON Pointer of the member: in the new response, or in the old one
    /// for what was removed.
    pub path: String,
    /// What changed.
    pub kind: ChangeKind,
    /// The old value (`None`: absent).
    pub old: Option<Value>,
    /// The new value (`None`: absent).
    pub new: Option<Value>,
}

/// As `{"path": …, "kind": …, "old": …, "new": …}` (absent values as `null`).
impl serde::Serialize for Change {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Change", 4)?;
        st.serialize_field("path", &self.path)?;
        st.serialize_field("kind", self.kind.as_str())?;
        st.serialize_field("old", &self.old)?;
        st.serialize_field("new", &self.new)?;
        st.end()
    }
}

/// The job's members, by wire name.
type J = Wire<JobDetail>;
/// A stage's members, by wire name.
type S = Wire<StageStatus>;

/// Whether a job's member holds a stage object (its table line says `stage`).
fn is_stage(key: &str) -> bool {
    JobDetail::meaning(key).is_some_and(|m| m.stage.is_some())
}

/// Whether a member holds jobs (its table line says `jobs`: a job's nested
/// jobs, a list page's items), so they are matched by `DtsJobId`.
fn holds_jobs(key: &str) -> bool {
    JobDetail::meaning(key).is_some_and(|m| m.jobs.is_some())
        || JobPage::meaning(key).is_some_and(|m| m.jobs.is_some())
}

/// `response` as its canonical XML reads back: what the XML form carries of
/// it. A response that XML cannot carry (a control character in a text) is
/// returned as it is.
///
/// ```
/// use dts_job_detail::{diff::{as_xml_carries, diff}, json, xml};
/// let from_json = json::from_str(r#"{"RequestId":"r","Extra":1,"List":[true]}"#)?;
/// let from_xml = xml::from_str(&xml::to_string(&from_json)?)?;
/// assert_ne!(diff(&from_json, &from_xml, &Default::default()), []);
/// assert_eq!(diff(&as_xml_carries(&from_json), &from_xml, &Default::default()), []);
/// # Ok::<(), dts_job_detail::Error>(())
/// ```
pub fn as_xml_carries(response: &Response) -> Response {
    // the response was read within its limits already; its XML is read back whole
    let parser = crate::Parser::new()
        .max_depth(crate::MAX_DEPTH_CEILING)
        .max_size(usize::MAX)
        .max_memory(usize::MAX);
    crate::xml::to_string(response)
        .and_then(|text| parser.parse_as(crate::Format::Xml, &text))
        .unwrap_or_else(|_| response.clone())
}

/// The changes from `old` to `new`, their jobs seen with `options` (see the
/// module documentation); empty when they say the same.
pub fn diff(old: &Response, new: &Response, options: &Options) -> Vec<Change> {
    let (a, b) = (json::to_string(old), json::to_string(new));
    // the writer's own output: it reads back (an empty text is no value)
    let (Ok(a), Ok(b)) = (Spans::of(&a), Spans::of(&b)) else {
        debug_assert!(false, "canonical JSON reads back");
        return Vec::new();
    };
    let delays = |r: &Response| -> HashMap<String, Option<i64>> {
        r.jobs_with(options)
            .map(|j: Job<'_>| {
                let ms = j.delay().and_then(|d| i64::try_from(d.as_millis()).ok());
                (j.pointer().to_owned(), ms)
            })
            .collect()
    };
    let mut walk = Walk {
        old_delays: delays(old),
        new_delays: delays(new),
        changes: Vec::new(),
    };
    walk.job("", "", Node::root(&a), Node::root(&b));
    // by kind, then in document order (the walk's order; the sort is stable)
    walk.changes.sort_by_key(|c| c.kind);
    walk.changes
}

/// A value of a response's canonical JSON, by its place in the text.
/// Canonical JSON writes one value one way, so two values are equal when
/// their texts are: the walk splits a value (in time proportional to its
/// parts, by the text's [`Spans`]), and builds a [`Value`] of it, only where
/// the two responses differ.
#[derive(Clone, Copy)]
struct Node<'t> {
    spans: &'t Spans<'t>,
    start: usize,
    end: usize,
}

impl PartialEq for Node<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.text() == other.text()
    }
}

impl<'t> Node<'t> {
    fn root(spans: &'t Spans<'t>) -> Self {
        let range = spans.root();
        Node {
            spans,
            start: range.start,
            end: range.end,
        }
    }

    fn text(self) -> &'t str {
        self.spans.text(&(self.start..self.end))
    }

    /// Canonical JSON has no white space: a value's first byte says its kind.
    fn is_object(self) -> bool {
        self.text().starts_with('{')
    }

    fn is_array(self) -> bool {
        self.text().starts_with('[')
    }

    /// The value, for a [`Change`]. A response that was read holds values
    /// within the depth ceiling, so this reads back; a deeper one (only a
    /// response built in code can hold it) is `null` here.
    fn value(self) -> Value {
        crate::codec::json::de::value_from_str_to_depth(self.text(), crate::MAX_DEPTH_CEILING)
            .unwrap_or(Value::Null)
    }

    fn part(self, range: std::ops::Range<usize>) -> Self {
        Node {
            spans: self.spans,
            start: range.start,
            end: range.end,
        }
    }

    /// An object's members (none for anything else).
    fn members(self) -> Vec<(Cow<'t, str>, Node<'t>)> {
        match self.spans.level(&(self.start..self.end)) {
            Ok(Level::Object(members)) => members.into_iter().map(|(k, r)| (k, self.part(r))).collect(),
            _ => Vec::new(),
        }
    }

    /// An array's items (none for anything else).
    fn items(self) -> Vec<Node<'t>> {
        match self.spans.level(&(self.start..self.end)) {
            Ok(Level::Array(items)) => items.into_iter().map(|r| self.part(r)).collect(),
            _ => Vec::new(),
        }
    }
}

struct Walk {
    old_delays: HashMap<String, Option<i64>>,
    new_delays: HashMap<String, Option<i64>>,
    changes: Vec<Change>,
}

/// `base/key`, the key escaped as JSON Pointer requires.
fn child(base: &str, key: &str) -> String {
    let mut p = String::with_capacity(base.len() + key.len() + 1);
    p.push_str(base);
    p.push('/');
    crate::error::push_pointer_token(&mut p, key);
    p
}

/// An object's members, looked up by name in constant time (the first of
/// a repeated name, as a search from the start would find).
struct Members<'t> {
    list: Vec<(Cow<'t, str>, Node<'t>)>,
    /// Built only for objects long enough to need it.
    index: Option<HashMap<Cow<'t, str>, Node<'t>>>,
}

/// Objects with at most this many members are searched, not hashed.
const SEARCHED: usize = 16;

impl<'t> Members<'t> {
    fn of(v: Node<'t>) -> Self {
        let list = v.members();
        let index = (list.len() > SEARCHED).then(|| {
            let mut index = HashMap::with_capacity(list.len());
            for (k, v) in &list {
                index.entry(k.clone()).or_insert(*v);
            }
            index
        });
        Members { list, index }
    }

    fn get(&self, key: &str) -> Option<Node<'t>> {
        match &self.index {
            Some(index) => index.get(key).copied(),
            None => self.list.iter().find(|(k, _)| k == key).map(|(_, v)| *v),
        }
    }

    /// The keys of both objects: `new`'s, in its order, then `old`'s others
    /// (each name once).
    fn keys<'m>(old: &'m Self, new: &'m Self) -> Vec<&'m str> {
        let mut seen = std::collections::HashSet::with_capacity(new.list.len() + old.list.len());
        new.list
            .iter()
            .chain(&old.list)
            .map(|(k, _)| k.as_ref())
            .filter(|k| seen.insert(*k))
            .collect()
    }
}

/// A job's `DtsJobId` as a value (`null` without one): what a job added or
/// removed is reported by.
fn id_of(job: Node<'_>) -> Value {
    job_id(job).map_or(Value::Null, Value::String)
}

fn job_id(job: Node<'_>) -> Option<String> {
    // the first of a repeated name, as `Members::get` finds it, without the
    // index `Members` builds for a long object
    let (_, id) = job.members().into_iter().find(|(k, _)| k == J::dts_job_id)?;
    match id.value() {
        Value::String(id) if !id.is_empty() => Some(id),
        _ => None,
    }
}

impl Walk {
    fn push(&mut self, path: String, kind: ChangeKind, old: Option<Node<'_>>, new: Option<Node<'_>>) {
        self.changes.push(Change {
            path,
            kind,
            old: old.map(Node::value),
            new: new.map(Node::value),
        });
    }

    /// Two versions of one job: the object at `old_at` in the old response
    /// and at `new_at` in the new one.
    fn job(&mut self, old_at: &str, new_at: &str, a: Node<'_>, b: Node<'_>) {
        if a == b {
            return;
        }
        deeper(|| {
            let (am, bm) = (Members::of(a), Members::of(b));
            for key in Members::keys(&am, &bm) {
                let (x, y) = (am.get(key), bm.get(key));
                if x == y {
                    continue;
                }
                let (old_path, new_path) = (child(old_at, key), child(new_at, key));
                match (key, x, y) {
                    (J::status, _, _) => self.push(new_path, ChangeKind::Status, x, y),
                    (J::checkpoint, _, _) => self.push(new_path, ChangeKind::Checkpoint, x, y),
                    (J::delay, _, _) => self.delay(old_at, new_at, new_path, x, y),
                    (_, Some(x), Some(y)) if is_stage(key) && x.is_object() && y.is_object() => {
                        self.stage(&new_path, x, y);
                    }
                    (_, Some(x), Some(y)) if holds_jobs(key) => {
                        self.jobs(&old_path, &new_path, x, y);
                    }
                    _ => self.value(&old_path, &new_path, x, y),
                }
            }
        });
    }

    /// `Delay` in milliseconds when both jobs' kinds give its unit; otherwise
    /// a plain member change.
    fn delay(&mut self, old_at: &str, new_at: &str, path: String, x: Option<Node<'_>>, y: Option<Node<'_>>) {
        let ms = |delays: &HashMap<String, Option<i64>>, at: &str, raw: Option<Node<'_>>| match raw {
            None => Some(None),
            Some(_) => delays.get(at).copied().flatten().map(Some),
        };
        match (ms(&self.old_delays, old_at, x), ms(&self.new_delays, new_at, y)) {
            (Some(old), Some(new)) if old != new => self.changes.push(Change {
                path,
                kind: ChangeKind::Delay,
                old: old.map(|n| Value::Number(Number::from_i64(n))),
                new: new.map(|n| Value::Number(Number::from_i64(n))),
            }),
            (Some(_), Some(_)) => {}
            _ => self.value(&path, &path, x, y),
        }
    }

    fn stage(&mut self, path: &str, a: Node<'_>, b: Node<'_>) {
        let (am, bm) = (Members::of(a), Members::of(b));
        for key in Members::keys(&am, &bm) {
            let (x, y) = (am.get(key), bm.get(key));
            if x == y {
                continue;
            }
            let at = child(path, key);
            if matches!(key, S::status | S::percent) {
                self.push(at, ChangeKind::Stage, x, y);
            } else {
                self.value(&at, &at, x, y);
            }
        }
    }

    /// A member holding nested jobs: one job object, or an array of them.
    fn jobs(&mut self, old_at: &str, new_at: &str, a: Node<'_>, b: Node<'_>) {
        if a.is_object() && b.is_object() {
            return self.job(old_at, new_at, a, b);
        }
        if !(a.is_array() && b.is_array()) {
            return self.value(old_at, new_at, Some(a), Some(b));
        }
        let (xs, ys) = (a.items(), b.items());
        for (i, j) in pair(&xs, &ys) {
            let old = i.and_then(|i| Some((child(old_at, &i.to_string()), *xs.get(i)?)));
            let new = j.and_then(|j| Some((child(new_at, &j.to_string()), *ys.get(j)?)));
            match (old, new) {
                (Some((op, x)), Some((np, y))) if x.is_object() && y.is_object() => {
                    self.job(&op, &np, x, y);
                }
                (Some((op, x)), Some((np, y))) => self.value(&op, &np, Some(x), Some(y)),
                (Some((op, x)), None) => self.changes.push(Change {
                    path: op,
                    kind: ChangeKind::JobRemoved,
                    old: Some(id_of(x)),
                    new: None,
                }),
                (None, Some((np, y))) => self.changes.push(Change {
                    path: np,
                    kind: ChangeKind::JobAdded,
                    old: None,
                    new: Some(id_of(y)),
                }),
                (None, None) => {}
            }
        }
    }

    /// Any other member: objects member by member, arrays item by item.
    fn value(&mut self, old_at: &str, new_at: &str, x: Option<Node<'_>>, y: Option<Node<'_>>) {
        deeper(|| match (x, y) {
            (Some(x), Some(y)) if x == y => {}
            (Some(a), Some(b)) if a.is_object() && b.is_object() => {
                let (am, bm) = (Members::of(a), Members::of(b));
                for key in Members::keys(&am, &bm) {
                    let (x, y) = (am.get(key), bm.get(key));
                    if x != y {
                        self.value(&child(old_at, key), &child(new_at, key), x, y);
                    }
                }
            }
            (Some(a), Some(b)) if a.is_array() && b.is_array() => {
                let (xs, ys) = (a.items(), b.items());
                for i in (0..xs.len().max(ys.len())).filter(|&i| xs.get(i) != ys.get(i)) {
                    let at = |base: &str| child(base, &i.to_string());
                    self.value(&at(old_at), &at(new_at), xs.get(i).copied(), ys.get(i).copied());
                }
            }
            (Some(_), Some(_)) => self.push(new_at.to_owned(), ChangeKind::Changed, x, y),
            (Some(_), None) => self.push(old_at.to_owned(), ChangeKind::Removed, x, None),
            (None, Some(_)) => self.push(new_at.to_owned(), ChangeKind::Added, None, y),
            (None, None) => {}
        });
    }
}

/// Pairs the items of two arrays of jobs: by `DtsJobId` when an item has
/// one (items sharing one, as masked ids `dts****` do, by position among
/// themselves), the items without one by position among themselves. Each
/// pair is (old index, new index), `None` on the side it is missing from: in
/// the new array's order, then the removed items.
fn pair(xs: &[Node<'_>], ys: &[Node<'_>]) -> Vec<(Option<usize>, Option<usize>)> {
    // the new items of each id (`None`: no id), in order
    let mut new_of: HashMap<Option<String>, std::collections::VecDeque<usize>> = HashMap::new();
    for (j, y) in ys.iter().enumerate() {
        new_of.entry(job_id(*y)).or_default().push_back(j);
    }
    let mut old_of_new: Vec<Option<usize>> = vec![None; ys.len()];
    let mut removed = Vec::new();
    for (i, x) in xs.iter().enumerate() {
        match new_of
            .get_mut(&job_id(*x))
            .and_then(std::collections::VecDeque::pop_front)
        {
            Some(j) => {
                if let Some(slot) = old_of_new.get_mut(j) {
                    *slot = Some(i);
                }
            }
            None => removed.push((Some(i), None)),
        }
    }
    old_of_new
        .into_iter()
        .enumerate()
        .map(|(j, i)| (i, Some(j)))
        .chain(removed)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Job objects with these ids, as canonical JSON texts.
    fn texts(ids: &[Option<&str>]) -> Vec<String> {
        ids.iter()
            .map(|id| match id {
                Some(id) => format!(r#"{{"DtsJobId":"{id}"}}"#),
                None => "{}".to_owned(),
            })
            .collect()
    }

    fn pair_ids(old: &[Option<&str>], new: &[Option<&str>]) -> Vec<(Option<usize>, Option<usize>)> {
        let (old, new) = (texts(old), texts(new));
        let old: Vec<Spans<'_>> = old.iter().filter_map(|t| Spans::of(t).ok()).collect();
        let new: Vec<Spans<'_>> = new.iter().filter_map(|t| Spans::of(t).ok()).collect();
        let xs: Vec<Node<'_>> = old.iter().map(Node::root).collect();
        let ys: Vec<Node<'_>> = new.iter().map(Node::root).collect();
        pair(&xs, &ys)
    }

    #[test]
    fn jobs_pair_by_id_then_by_position() {
        // reordered by id
        let got = pair_ids(&[Some("a"), Some("b")], &[Some("b"), Some("a")]);
        assert_eq!(got, [(Some(1), Some(0)), (Some(0), Some(1))]);
        // one removed, one added
        let got = pair_ids(&[Some("a"), Some("b")], &[Some("a"), Some("c")]);
        assert_eq!(got, [(Some(0), Some(0)), (None, Some(1)), (Some(1), None)]);
        // no ids: by position
        let got = pair_ids(&[None, None], &[None]);
        assert_eq!(got, [(Some(0), Some(0)), (Some(1), None)]);
        // one id shared (masked): by position among the items that share it
        let masked = Some("dts****");
        let got = pair_ids(&[masked, masked, Some("a")], &[Some("a"), masked, masked]);
        assert_eq!(got, [(Some(2), Some(0)), (Some(0), Some(1)), (Some(1), Some(2))]);
        let got = pair_ids(&[masked, masked], &[masked]);
        assert_eq!(got, [(Some(0), Some(0)), (Some(1), None)]);
    }
}
