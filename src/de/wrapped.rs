//! A list page's items in a wrapper element.
//!
//! This API writes a list as one element per item, with no wrapper
//! (`<DtsJobList>…</DtsJobList><DtsJobList>…</DtsJobList>`); older
//! services of the product wrap the items (`<DtsJobList><DtsJobStatus>…
//! </DtsJobStatus>…</DtsJobList>`), and one SDK reads only that layout. The
//! rule, the same for both forms (so canonical JSON reads back through XML
//! unchanged): an item of a page's list whose only members are unknown
//! members of one name, each an object that reads as a job with a member of
//! a job, is a wrapper, and those objects are its items. They were read as
//! values (a wrapper is known only at its end), so they are read again, in
//! the document's budget; an object that does not read as such a job leaves
//! the item as it came. Errors inside them carry no position.

use super::Budget;
use super::root::Forms;
use crate::de::Exceeded;
use crate::model::{JobDetail, Value};

/// Replaces the wrappers among `items` by the items they hold.
pub(super) fn unwrap_items(
    items: &mut Vec<JobDetail>,
    forms: &Forms,
    budget: &mut Budget,
) -> Result<(), Exceeded> {
    if !items.iter().any(|item| wrapped(item).is_some()) {
        return Ok(());
    }
    let mut out = Vec::with_capacity(items.len());
    for item in std::mem::take(items) {
        match held(&item, forms, budget)? {
            Some(jobs) => out.extend(jobs),
            None => out.push(item),
        }
    }
    *items = out;
    Ok(())
}

/// The jobs a wrapper holds; `None` when `item` is no wrapper.
fn held(item: &JobDetail, forms: &Forms, budget: &mut Budget) -> Result<Option<Vec<JobDetail>>, Exceeded> {
    let Some(values) = wrapped(item) else {
        return Ok(None);
    };
    let mut jobs = Vec::with_capacity(values.len());
    for value in values {
        match (forms.job)(value, budget)? {
            Some(job) if job.present_count() > 0 => jobs.push(job),
            _ => return Ok(None),
        }
    }
    Ok(Some(jobs))
}

/// The objects a wrapper holds, if `item` may be one.
fn wrapped(item: &JobDetail) -> Option<Vec<&Value>> {
    if item.present_count() != 0 {
        return None;
    }
    let mut name = None;
    let mut values = Vec::new();
    for (key, value) in item.unknown.iter() {
        if name.is_some_and(|n| n != key) {
            return None;
        }
        name = Some(key);
        match value {
            Value::Object(_) => values.push(value),
            Value::Array(list) if list.iter().all(|v| matches!(v, Value::Object(_))) => values.extend(list),
            _ => return None,
        }
    }
    (!values.is_empty()).then_some(values)
}
