//! On-demand views of the members that carry JSON inside a string:
//! `DbObject`, `Reserved`, `EtlCalculator` (api-facts §7). The raw string is
//! always the value; these views parse it when asked.

use serde_json::{Map, Value};

use crate::model::JobDetail;

/// Why a JSON-in-string member could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{member} is not valid JSON: {message} (line {line}, column {column} of its text)")]
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
    fn new(member: &'static str, e: &serde_json::Error) -> Self {
        let full = e.to_string();
        let suffix = format!(" at line {} column {}", e.line(), e.column());
        EmbeddedJsonError {
            member,
            message: full.strip_suffix(&suffix).unwrap_or(&full).to_owned(),
            line: e.line(),
            column: e.column(),
        }
    }
}

/// The task objects of `DbObject`: databases by source name.
#[derive(Debug, Clone, PartialEq)]
pub struct DbObjects {
    /// Databases in the order of the text.
    pub databases: Vec<DbObjectDatabase>,
}

/// One database of `DbObject`.
#[derive(Debug, Clone, PartialEq)]
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
    pub other: Map<String, Value>,
}

/// One table of a [`DbObjectDatabase`].
#[derive(Debug, Clone, PartialEq)]
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
    pub other: Map<String, Value>,
}

/// Whether `text` is one JSON value, checked without building it. (A
/// hand-written syntax check and a borrowed `RawValue` were both measured
/// slower than `IgnoredAny` on these short-token documents.)
pub(crate) fn check(member: &'static str, text: &str) -> Result<(), EmbeddedJsonError> {
    serde_json::from_str::<serde::de::IgnoredAny>(text)
        .map(drop)
        .map_err(|e| EmbeddedJsonError::new(member, &e))
}

fn object(member: &'static str, text: &str) -> Result<Map<String, Value>, EmbeddedJsonError> {
    serde_json::from_str(text).map_err(|e| EmbeddedJsonError::new(member, &e))
}

/// Splits the known keys out of a JSON object.
fn split(mut map: Map<String, Value>) -> (Option<String>, Option<bool>, Map<String, Value>) {
    let name = match map.remove("name") {
        Some(Value::String(s)) => Some(s),
        Some(other) => {
            map.insert("name".into(), other);
            None
        }
        None => None,
    };
    let all = match map.remove("all") {
        Some(Value::Bool(b)) => Some(b),
        Some(other) => {
            map.insert("all".into(), other);
            None
        }
        None => None,
    };
    (name, all, map)
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
        Some(object("DbObject", text).map(|map| {
            DbObjects {
                databases: map
                    .into_iter()
                    .map(|(source_name, value)| {
                        let Value::Object(db) = value else {
                            return DbObjectDatabase {
                                source_name,
                                name: None,
                                all: None,
                                tables: Vec::new(),
                                other: Map::from_iter([("value".to_owned(), value)]),
                            };
                        };
                        let (name, all, mut other) = split(db);
                        let tables = match other.remove("Table") {
                            Some(Value::Object(tables)) => tables
                                .into_iter()
                                .map(|(source_name, t)| {
                                    let map = match t {
                                        Value::Object(m) => m,
                                        v => Map::from_iter([("value".to_owned(), v)]),
                                    };
                                    let (name, all, mut other) = split(map);
                                    let filter = match other.remove("filter") {
                                        Some(Value::String(f)) => Some(f),
                                        Some(v) => {
                                            other.insert("filter".into(), v);
                                            None
                                        }
                                        None => None,
                                    };
                                    DbObjectTable {
                                        source_name,
                                        name,
                                        all,
                                        filter,
                                        other,
                                    }
                                })
                                .collect(),
                            Some(v) => {
                                other.insert("Table".into(), v);
                                Vec::new()
                            }
                            None => Vec::new(),
                        };
                        DbObjectDatabase {
                            source_name,
                            name,
                            all,
                            tables,
                            other,
                        }
                    })
                    .collect(),
            }
        }))
    }

    /// `Reserved` as a map of JSON values; `None` when absent or empty.
    ///
    /// ```
    /// let resp = dts_job_detail::json::from_str(r#"{"Reserved":"{\"maxRetryTime\":43200,\"srcSSL\":\"0\"}"}"#)?;
    /// let reserved = resp.detail().unwrap().reserved_map().unwrap().unwrap();
    /// assert_eq!(reserved["maxRetryTime"], 43200);
    /// # Ok::<(), dts_job_detail::Error>(())
    /// ```
    pub fn reserved_map(&self) -> Option<Result<Map<String, Value>, EmbeddedJsonError>> {
        let text = self.reserved.as_deref().filter(|t| !t.trim().is_empty())?;
        Some(object("Reserved", text))
    }

    /// `EtlCalculator` as JSON, best effort: the service's own example is not
    /// valid JSON (a literal tab, a key `"cells "`), so a failure here is
    /// common and not reported by `validate()`.
    pub fn etl_calculator_json(&self) -> Option<Result<Value, EmbeddedJsonError>> {
        let text = self.etl_calculator.as_deref().filter(|t| !t.trim().is_empty())?;
        Some(serde_json::from_str(text).map_err(|e| EmbeddedJsonError::new("EtlCalculator", &e)))
    }
}
