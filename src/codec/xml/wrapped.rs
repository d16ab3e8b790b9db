//! A list page's items in a wrapper element, in XML.
//!
//! This API writes a list as one element per item, with no wrapper
//! (`<DtsJobList>…</DtsJobList><DtsJobList>…</DtsJobList>`); older
//! services of the product wrap the items (`<DtsJobList><DtsJobStatus>…
//! </DtsJobStatus>…</DtsJobList>`), and one SDK reads only that layout. The
//! rule: an item of a page's list whose only members are unknown elements of
//! one name, each with children, is a wrapper, and those elements are the
//! items. They were read as values (the reader cannot know a wrapper before
//! its end), so they are read again from those values: errors inside them
//! carry a path, not a position.

use super::super::json::de::read_value;
use crate::de::Limits;
use crate::error::Error;
use crate::model::{JobDetail, JobPage, Response, Value};

/// Replaces the wrappers among the page's items by the items they hold.
pub(super) fn unwrap_items(page: &mut JobPage, limits: &Limits, input_len: usize) -> Result<(), Error> {
    for list in [&mut page.dts_job_list, &mut page.etl_demo_list] {
        if !list.iter().any(|item| wrapped(item).is_some()) {
            continue;
        }
        let mut items = Vec::with_capacity(list.len());
        for item in std::mem::take(list) {
            match held(&item, limits, input_len)? {
                Some(jobs) => items.extend(jobs),
                None => items.push(item),
            }
        }
        *list = items;
    }
    Ok(())
}

/// The jobs a wrapper holds; `None` when `item` is no wrapper, or when
/// what it holds does not read as jobs (it is then kept as it came).
fn held(item: &JobDetail, limits: &Limits, input_len: usize) -> Result<Option<Vec<JobDetail>>, Error> {
    let Some(values) = wrapped(item) else {
        return Ok(None);
    };
    let mut jobs = Vec::with_capacity(values.len());
    for value in values {
        match read_value(value, limits, input_len)? {
            Response::Detail(job) => jobs.push(job),
            _ => return Ok(None),
        }
    }
    Ok(Some(jobs))
}

/// The elements a wrapper holds, if `item` is one.
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
