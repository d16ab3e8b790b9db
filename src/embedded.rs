//! On-demand views of the members that carry JSON inside a string:
//! `DbObject`, `Reserved`, `EtlCalculator`. The raw string is always the
//! value; these views parse it when asked, with the crate's own JSON reader
//! (members in the text's order, numbers exact).

use crate::model::{JobDetail, Value, Wire};

/// An object's members, in the text's order.
pub type Members = Vec<(String, Value)>;

/// Why a JSON-in-string member could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{member} is not valid JSON: {message} (line {line}, column {column} of its text)")]
#[non_exhaustive]
pub struct EmbeddedJsonError {
    /// The member (`DbObject`, `Reserved`, `EtlCalculator`).
    pub member: &'static str,
    /// The cause.
    pub message: String,
    /// 1-based line inside the member's text.
    pub line: usize,
    /// 1-based column inside the member's text.
    pub column: usize,
}

impl EmbeddedJsonError {
    fn new(member: &'static str, e: &crate::Error) -> Self {
        EmbeddedJsonError {
            member,
            message: e.message().to_owned(),
            line: e.line(),
            column: e.column(),
        }
    }
}

/// The task objects of `DbObject`: databases by source name.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct DbObjects {
    /// Databases, in the order of the text.
    pub databases: Vec<DbObjectDatabase>,
}

/// One database of `DbObject`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct DbObjectDatabase {
    /// The source database name (the key).
    pub source_name: String,
    /// `name`: the destination name.
    pub name: Option<String>,
    /// `all`: the whole database.
    pub all: Option<bool>,
    /// `Table`: tables by source name.
    pub tables: Vec<DbObjectTable>,
    /// Every other key (`state`, `dml_op`, …), kept as JSON.
    pub other: Members,
}

/// One table of a [`DbObjectDatabase`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct DbObjectTable {
    /// The source table name (the key).
    pub source_name: String,
    /// `name`: the destination name.
    pub name: Option<String>,
    /// `all`: every column.
    pub all: Option<bool>,
    /// `filter`: a SQL `WHERE` condition.
    pub filter: Option<String>,
    /// Every other key, kept as JSON.
    pub other: Members,
}

/// Whether `text` is one JSON value, checked without building it.
pub(crate) fn check(member: &'static str, text: &str) -> Result<(), EmbeddedJsonError> {
    crate::codec::json::token::check(text).map_err(|e| {
        let error = crate::Error::new(crate::ErrorKind::Syntax, e.message)
            .with_offset(e.offset)
            .locate(text);
        EmbeddedJsonError::new(member, &error)
    })
}

fn parse(member: &'static str, text: &str) -> Result<Value, EmbeddedJsonError> {
    crate::codec::json::de::value_from_str(text).map_err(|e| EmbeddedJsonError::new(member, &e))
}

fn object(member: &'static str, text: &str) -> Result<Members, EmbeddedJsonError> {
    match parse(member, text)? {
        Value::Object(members) => Ok(members),
        _ => Err(EmbeddedJsonError {
            member,
            message: "expected an object".into(),
            line: 1,
            column: 1,
        }),
    }
}

/// Takes `key` out of `members` when `pick` accepts its value; otherwise the
/// value stays (it is kept among the other keys).
fn take<T>(members: &mut Members, key: &str, pick: fn(Value) -> Result<T, Value>) -> Option<T> {
    let at = members.iter().position(|(k, _)| k == key)?;
    let (k, value) = members.remove(at);
    pick(value).map_err(|kept| members.insert(at, (k, kept))).ok()
}

fn string(v: Value) -> Result<String, Value> {
    match v {
        Value::String(s) => Ok(s),
        other => Err(other),
    }
}

fn boolean(v: Value) -> Result<bool, Value> {
    match v {
        Value::Bool(b) => Ok(b),
        other => Err(other),
    }
}

fn object_of(v: Value) -> Result<Members, Value> {
    match v {
        Value::Object(m) => Ok(m),
        other => Err(other),
    }
}

/// An object's members; any other value is kept under `value`.
fn members(v: Value) -> Members {
    object_of(v).unwrap_or_else(|other| vec![("value".to_owned(), other)])
}

fn table((source_name, value): (String, Value)) -> DbObjectTable {
    let mut other = members(value);
    DbObjectTable {
        source_name,
        name: take(&mut other, "name", string),
        all: take(&mut other, "all", boolean),
        filter: take(&mut other, "filter", string),
        other,
    }
}

fn database((source_name, value): (String, Value)) -> DbObjectDatabase {
    let mut other = members(value);
    let tables = take(&mut other, "Table", object_of).unwrap_or_default();
    DbObjectDatabase {
        source_name,
        name: take(&mut other, "name", string),
        all: take(&mut other, "all", boolean),
        tables: tables.into_iter().map(table).collect(),
        other,
    }
}

impl JobDetail {
    /// `DbObject` as databases and tables; `None` when absent or empty.
    ///
    /// ```
    /// let resp = dts_job_detail::json::from_str(
    ///     r#"{"DbObject":"{\"db\":{\"name\":\"db2\",\"all\":false,\"Table\":{\"t\":{\"name\":\"t\",\"filter\":\"id>10\"}}}}"}"#)?;
    /// let objects = resp.detail().unwrap().db_objects().unwrap().unwrap();
    /// assert_eq!(objects.databases[0].name.as_deref(), Some("db2"));
    /// assert_eq!(objects.databases[0].tables[0].filter.as_deref(), Some("id>10"));
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    pub fn db_objects(&self) -> Option<Result<DbObjects, EmbeddedJsonError>> {
        let text = self.db_object.as_deref().filter(|t| !t.trim().is_empty())?;
        Some(object(Wire::<JobDetail>::db_object, text).map(|map| DbObjects {
            databases: map.into_iter().map(database).collect(),
        }))
    }

    /// `Reserved` as a map of JSON values; `None` when absent or empty.
    ///
    /// ```
    /// let resp = dts_job_detail::json::from_str(r#"{"Reserved":"{\"maxRetryTime\":43200,\"srcSSL\":\"0\"}"}"#)?;
    /// let reserved = resp.detail().unwrap().reserved_map().unwrap().unwrap();
    /// assert_eq!(reserved[0].0, "maxRetryTime");
    /// assert_eq!(reserved[0].1.to_string(), "43200");
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    pub fn reserved_map(&self) -> Option<Result<Members, EmbeddedJsonError>> {
        let text = self.reserved.as_deref().filter(|t| !t.trim().is_empty())?;
        Some(object(Wire::<JobDetail>::reserved, text))
    }

    /// `EtlCalculator` as JSON, best effort: the service's own example is not
    /// valid JSON (a literal tab, a key `"cells "`), so a failure here is
    /// common and not reported by `validate()`.
    pub fn etl_calculator_json(&self) -> Option<Result<Value, EmbeddedJsonError>> {
        let text = self.etl_calculator.as_deref().filter(|t| !t.trim().is_empty())?;
        Some(parse(Wire::<JobDetail>::etl_calculator, text))
    }
}

#[cfg(test)]
mod tests {
    use crate::Response;
    use crate::model::Value;

    fn detail(json: &str) -> crate::JobDetail {
        match crate::json::from_str(json) {
            Ok(Response::Detail(d)) => d,
            other => panic!("{other:?}"),
        }
    }

    fn get(members: &super::Members, key: &str) -> Option<String> {
        members.iter().find(|(k, _)| k == key).map(|(_, v)| match v {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            other => format!("{other:?}"),
        })
    }

    #[test]
    fn db_objects_keep_unknown_and_mistyped_keys() {
        let d = detail(
            r#"{"DbObject":"{\"z\":{\"name\":1,\"all\":true,\"state\":\"normal\",\"Table\":{\"t\":{\"filter\":\"x>1\",\"dml_op\":\"insert\"},\"u\":3}},\"b\":7}"}"#,
        );
        let objects = d.db_objects().and_then(Result::ok).expect("valid DbObject");
        let [a, b] = objects.databases.as_slice() else {
            panic!("two databases")
        };
        assert_eq!(
            (a.source_name.as_str(), a.name.as_deref(), a.all),
            ("z", None, Some(true)),
            "databases in the text's order, not sorted"
        );
        assert_eq!(
            get(&a.other, "name").as_deref(),
            Some("1"),
            "a mistyped name is kept"
        );
        assert_eq!(get(&a.other, "state").as_deref(), Some("normal"));
        assert_eq!(a.tables.len(), 2);
        assert_eq!(a.tables[0].filter.as_deref(), Some("x>1"));
        assert_eq!(get(&a.tables[0].other, "dml_op").as_deref(), Some("insert"));
        assert_eq!(get(&a.tables[1].other, "value").as_deref(), Some("3"));
        assert_eq!(get(&b.other, "value").as_deref(), Some("7"));
        let broken = detail(r#"{"DbObject":"{\"a\":"}"#).db_objects().expect("present");
        assert_eq!(broken.map_err(|e| e.member), Err("DbObject"));
        assert!(detail(r#"{"DbObject":""}"#).db_objects().is_none());
    }

    #[test]
    fn reserved_and_etl_views() {
        let d =
            detail(r#"{"Reserved":"{\"maxRetryTime\":43200}","EtlCalculator":"{ \"cells \": [\"a\tb\"] }"}"#);
        let reserved = d.reserved_map().and_then(Result::ok).expect("valid Reserved");
        assert_eq!(get(&reserved, "maxRetryTime").as_deref(), Some("43200"));
        assert!(
            d.etl_calculator_json().is_some_and(|r| r.is_err()),
            "a literal tab in a string is not JSON"
        );
    }
}
