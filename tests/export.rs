//! `export`: one row per job, in every format, read back by real readers.

use std::path::{Path, PathBuf};

use dts_job_detail::export::{self, COLUMNS, ExportFormat, JobRow, RowWriter};
use dts_job_detail::{Options, Response};

/// Every fixture document (both forms), sorted.
fn fixtures() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if matches!(path.extension().and_then(|e| e.to_str()), Some("json" | "xml")) {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(Path::new("fixtures"), &mut out);
    assert!(out.len() > 40, "{} fixtures", out.len());
    out
}

/// Each readable fixture with its label and response.
fn responses() -> Vec<(String, Response)> {
    fixtures()
        .into_iter()
        .filter_map(|path| {
            let bytes = std::fs::read(&path).unwrap();
            let resp = dts_job_detail::from_slice(&bytes).ok()?;
            Some((path.display().to_string(), resp))
        })
        .collect()
}

/// The pointers of a response's jobs, found without the export code.
fn job_pointers(resp: &Response) -> Vec<String> {
    match resp {
        Response::Detail(d) => d.job().with_sub_jobs().map(|j| j.pointer().to_owned()).collect(),
        // a failed page that lists nothing has its error's row
        Response::Page(p) if p.jobs().next().is_none() && p.error().is_some() => vec![String::new()],
        Response::Page(p) => p.jobs().map(|j| j.pointer().to_owned()).collect(),
        Response::Error(_) => vec![String::new()],
    }
}

fn all_rows() -> Vec<JobRow> {
    let mut rows = Vec::new();
    for (file, resp) in responses() {
        let these = export::rows(&file, &resp, &Options::default());
        let pointers: Vec<&str> = these.iter().map(|r| r.pointer.as_str()).collect();
        assert_eq!(pointers, job_pointers(&resp), "{file}");
        rows.extend(these);
    }
    rows
}

#[test]
fn a_row_per_job_at_any_depth() {
    let text = std::fs::read_to_string("fixtures/sync_subjobs.xml").unwrap();
    let resp = dts_job_detail::xml::from_str(&text).unwrap();
    let rows = export::rows("s.xml", &resp, &Options::default());
    let got: Vec<(&str, Option<&str>, i64)> = rows
        .iter()
        .map(|r| (r.pointer.as_str(), r.parent_pointer.as_deref(), r.depth))
        .collect();
    assert_eq!(
        got,
        [
            ("", None, 0),
            ("/SubSyncJob/0", Some(""), 1),
            ("/SubSyncJob/0/ReverseJob", Some("/SubSyncJob/0"), 2),
            ("/SubSyncJob/1", Some(""), 1),
            ("/SubSyncJob/2", Some(""), 1),
        ]
    );
    // every row of a response carries its request id; a sync job's Delay is seconds
    assert!(
        rows.iter()
            .all(|r| r.request_id == rows[0].request_id && r.request_id.is_some())
    );
    assert_eq!(rows[0].delay_ms, Some(2000));
    assert_eq!(rows[0].task_kind.as_str(), "synchronization");
}

#[test]
fn diagnostics_are_counted_on_their_own_job() {
    let resp = dts_job_detail::json::from_str(
        r#"{"RequestId":"r","DtsJobId":"t","JobType":"SYNC","CreateTime":"2021-02-30T00:00:00Z",
            "SubSyncJob":[{"DtsJobId":"a","CreateTime":"bad","FinishTime":"worse"},{"DtsJobId":"b"}]}"#,
    )
    .unwrap();
    let rows = export::rows("f", &resp, &Options::default());
    let errors: Vec<i64> = rows.iter().map(|r| r.errors).collect();
    assert_eq!(errors, [1, 2, 0]);
    let total: usize = resp
        .validate()
        .iter()
        .filter(|d| d.severity == dts_job_detail::Severity::Error)
        .count();
    assert_eq!(total, 3);
}

#[test]
fn an_error_envelope_is_one_row_with_its_error() {
    let resp = dts_job_detail::json::from_str(
        r#"{"RequestId":"r","HostId":"dts.aliyuncs.com","Code":"Forbidden.InstanceNotFound","Message":"gone"}"#,
    )
    .unwrap();
    let rows = export::rows("e.json", &resp, &Options::default());
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].error_code.as_deref(), Some("Forbidden.InstanceNotFound"));
    assert_eq!(rows[0].error_message.as_deref(), Some("gone"));
    assert_eq!(rows[0].task_kind.as_str(), "unknown");
}

/// Ergonomics v3: `status` is the documented spelling of a known status, so
/// case variants make one group; the text as sent is `status_raw`, and every
/// row has its `status_class`.
#[test]
fn status_is_one_spelling_per_status_and_has_a_class() {
    let text = r#"{"JobType":"sync","Status":"synchronizing","SubSyncJob":[{"Status":"Synchronizing"},{"Status":" SYNCHRONIZING "},{"Status":"Unheard"}]}"#;
    let resp = dts_job_detail::from_slice(text.as_bytes()).unwrap();
    let rows = export::rows("f", &resp, &Default::default());
    let statuses: Vec<(Option<&str>, Option<&str>, &str)> = rows
        .iter()
        .map(|r| {
            (
                r.status.as_deref(),
                r.status_raw.as_deref(),
                r.status_class.as_str(),
            )
        })
        .collect();
    assert_eq!(
        statuses,
        [
            (Some("Synchronizing"), Some("synchronizing"), "running"),
            (Some("Synchronizing"), Some("Synchronizing"), "running"),
            (Some("Synchronizing"), Some("SYNCHRONIZING"), "running"),
            (Some("Unheard"), Some("Unheard"), "unknown"),
        ]
    );
    let groups: std::collections::BTreeSet<_> = rows.iter().filter_map(|r| r.status.as_deref()).collect();
    assert_eq!(groups.len(), 2);
}

#[test]
fn csv_has_a_header_and_a_quoted_line_per_row() {
    let rows = all_rows();
    let mut w = RowWriter::new(ExportFormat::Csv, Vec::new()).unwrap();
    w.write_rows(&rows).unwrap();
    let text = String::from_utf8(w.finish().unwrap()).unwrap();
    let records = parse_csv(&text);
    let header: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
    assert_eq!(records[0], header);
    assert_eq!(records.len(), rows.len() + 1);
    for (record, row) in records[1..].iter().zip(&rows) {
        assert_eq!(record.len(), COLUMNS.len());
        assert_eq!(record[0], row.file);
        assert_eq!(record[1], row.pointer);
        let at = |name: &str| header.iter().position(|h| *h == name).expect("a column");
        assert_eq!(record[at("status")], row.status.clone().unwrap_or_default());
        assert_eq!(record[at("status_class")], row.status_class.as_str());
        assert_eq!(
            record[at("error_message")],
            row.error_message.clone().unwrap_or_default()
        );
    }
}

/// A small RFC 4180 reader, independent of the writer.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    records
}

#[test]
fn ndjson_has_an_object_per_row_keyed_by_column() {
    let rows = all_rows();
    let mut w = RowWriter::new(ExportFormat::Ndjson, Vec::new()).unwrap();
    w.write_rows(&rows).unwrap();
    let text = String::from_utf8(w.finish().unwrap()).unwrap();
    assert_eq!(text.lines().count(), rows.len());
    for (line, row) in text.lines().zip(&rows) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        let mut names: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
        names.sort_unstable();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, names);
        assert_eq!(v["pointer"], row.pointer.as_str());
        assert_eq!(v["delay_ms"].as_i64(), row.delay_ms);
        assert_eq!(v["status_known"], row.status_known);
        match row.checkpoint {
            Some(t) => assert_eq!(
                chrono::DateTime::parse_from_rfc3339(v["checkpoint"].as_str().unwrap()).unwrap(),
                t
            ),
            None => assert!(v["checkpoint"].is_null()),
        }
    }
}

#[cfg(not(feature = "parquet"))]
#[test]
fn parquet_needs_its_feature() {
    let err = RowWriter::new(ExportFormat::Parquet, Vec::new()).err().unwrap();
    assert_eq!(err.kind(), dts_job_detail::ErrorKind::Unsupported);
}

#[cfg(feature = "parquet")]
mod parquet_files {
    use super::*;
    use dts_job_detail::export::Cell;
    use parquet::basic::{LogicalType, Type as Physical};
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::Field;

    fn write(name: &str, rows: &[JobRow]) -> SerializedFileReader<std::fs::File> {
        let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
        let file = std::fs::File::create(&path).unwrap();
        let mut w = RowWriter::new(ExportFormat::Parquet, file).unwrap();
        w.write_rows(rows).unwrap();
        w.finish().unwrap();
        SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap()
    }

    #[test]
    fn fixtures_read_back_with_the_parquet_reader() {
        let rows = all_rows();
        let reader = write("fixtures.parquet", &rows);
        let meta = reader.metadata();
        assert_eq!(
            meta.file_metadata().num_rows(),
            i64::try_from(rows.len()).unwrap()
        );
        // the declared types
        let schema = meta.file_metadata().schema_descr();
        assert_eq!(schema.num_columns(), COLUMNS.len());
        for (i, column) in COLUMNS.iter().enumerate() {
            let c = schema.column(i);
            assert_eq!(c.name(), column.name);
            let (physical, logical) = (c.physical_type(), c.logical_type_ref().cloned());
            match column.kind {
                export::ColumnType::Text => {
                    assert_eq!(
                        (physical, logical),
                        (Physical::BYTE_ARRAY, Some(LogicalType::String))
                    );
                }
                export::ColumnType::Int => assert_eq!(physical, Physical::INT64),
                export::ColumnType::Float => assert_eq!(physical, Physical::DOUBLE),
                export::ColumnType::Bool => assert_eq!(physical, Physical::BOOLEAN),
                export::ColumnType::Time => {
                    assert_eq!(physical, Physical::INT64);
                    assert!(matches!(logical, Some(LogicalType::Timestamp(_))), "{logical:?}");
                }
                _ => unreachable!(),
            }
        }
        // every value, row by row
        let mut count = 0;
        for (got, row) in reader.get_row_iter(None).unwrap().zip(&rows) {
            let got = got.unwrap();
            for ((name, field), (column, cell)) in got.get_column_iter().zip(COLUMNS.iter().zip(row.cells()))
            {
                assert_eq!(name, column.name);
                let same = match (field, cell) {
                    (Field::Null, Cell::Text(None) | Cell::Int(None) | Cell::Float(None)) => true,
                    (Field::Null, Cell::Bool(None) | Cell::Time(None)) => true,
                    (Field::Str(s), Cell::Text(Some(t))) => s == t,
                    (Field::Long(n), Cell::Int(Some(m))) => *n == m,
                    (Field::Double(f), Cell::Float(Some(g))) => *f == g,
                    (Field::Bool(b), Cell::Bool(Some(c))) => *b == c,
                    (Field::TimestampMillis(ms), Cell::Time(Some(t))) => *ms == t.timestamp_millis(),
                    _ => false,
                };
                assert!(same, "{}{} {name}: {field:?} vs {cell:?}", row.file, row.pointer);
            }
            count += 1;
        }
        assert_eq!(count, rows.len());
    }

    #[test]
    fn row_groups_bound_memory() {
        // more rows than one row group holds: a group ends at
        // PARQUET_ROW_GROUP_BYTES bytes of rows
        let resp =
            dts_job_detail::json::from_str(r#"{"RequestId":"r","SubSyncJob":[{"DtsJobId":"s"}]}"#).unwrap();
        let sub = export::rows("f", &resp, &Options::default()).pop().unwrap();
        let held = sub.held_bytes();
        assert!(held > size_of::<JobRow>() + "/SubSyncJob/0".len());
        // two groups and a half
        let rows = vec![sub; (export::PARQUET_ROW_GROUP_BYTES * 5 / 2).div_ceil(held)];
        let per_group = export::PARQUET_ROW_GROUP_BYTES.div_ceil(held);
        let reader = write("groups.parquet", &rows);
        let groups: Vec<usize> = reader
            .metadata()
            .row_groups()
            .iter()
            .map(|g| usize::try_from(g.num_rows()).unwrap())
            .collect();
        assert_eq!(groups.len(), rows.len().div_ceil(per_group));
        let (last, full) = groups.split_last().unwrap();
        assert!(full.iter().all(|n| *n == per_group), "{groups:?}");
        assert_eq!(*last, rows.len() - full.len() * per_group);
    }
}
