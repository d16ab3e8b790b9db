//! Every diagnostic code has a fixture (fixtures/diag/<code>.{json,xml}) and a
//! list of the diagnostics it must produce (<code>.expect: `path code severity`);
//! so has every semantic rule (fixtures/diag/semantics-*) and every published
//! sample (fixtures/published/*.expect). Each expected line appears once.

use std::fs;
use std::path::Path;

use dts_job_detail::{DiagnosticCode, Parser, Severity, TaskKind, from_slice};

fn lines(report: &[dts_job_detail::Diagnostic]) -> Vec<String> {
    report
        .iter()
        .map(|d| format!("{} {} {}", d.path, d.code, d.severity))
        .collect()
}

#[test]
fn every_code_has_a_fixture_that_triggers_it_in_both_forms() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/diag");
    for &code in DiagnosticCode::ALL {
        let expect_path = dir.join(format!("{code}.expect"));
        let expect = fs::read_to_string(&expect_path).unwrap_or_else(|_| panic!("no fixture for {code}"));
        let mut want: Vec<String> = expect.lines().map(str::to_owned).collect();
        want.sort();
        let mut forms = 0;
        for ext in ["json", "xml"] {
            let Ok(bytes) = fs::read(dir.join(format!("{code}.{ext}"))) else {
                continue;
            };
            let resp = from_slice(&bytes).unwrap_or_else(|e| panic!("{code}.{ext}: {e}"));
            let mut got = lines(&resp.validate());
            got.sort();
            assert_eq!(got, want, "{code}.{ext}");
            assert!(
                got.iter().any(|l| l.contains(code.as_str())),
                "{code}.{ext} does not trigger {code}"
            );
            forms += 1;
        }
        let need = if matches!(
            code,
            DiagnosticCode::UnexpectedRoot | DiagnosticCode::XmlAttribute
        ) {
            1
        } else {
            2
        };
        assert_eq!(forms, need, "{code}: forms present");
    }
}

/// Every `.expect` in `dir`: its documents (both forms where both exist)
/// give exactly the listed diagnostics. Returns how many documents it checked.
fn check_expectations(dir: &Path, need_both: bool) -> usize {
    let mut checked = 0;
    for entry in fs::read_dir(dir).expect("fixture dir") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "expect") {
            continue;
        }
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        let mut want: Vec<String> = fs::read_to_string(&path)
            .expect("expect file")
            .lines()
            .map(str::to_owned)
            .collect();
        want.sort();
        let mut forms = 0;
        for ext in ["json", "xml"] {
            let Ok(bytes) = fs::read(dir.join(format!("{stem}.{ext}"))) else {
                continue;
            };
            let resp = from_slice(&bytes).unwrap_or_else(|e| panic!("{stem}.{ext}: {e}"));
            let mut got = lines(&resp.validate());
            got.sort();
            assert_eq!(got, want, "{stem}.{ext}");
            forms += 1;
        }
        if need_both && !matches!(stem.as_str(), "unexpected-root" | "xml-attribute") {
            assert_eq!(forms, 2, "{stem}: both forms");
        }
        assert!(forms > 0, "{stem}: no document");
        checked += forms;
    }
    checked
}

#[test]
fn every_expectation_holds_exactly() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    assert!(check_expectations(&root.join("diag"), true) >= 39);
    assert_eq!(check_expectations(&root.join("published"), false), 2);
}

#[test]
fn semantic_fixtures_read_as_users_read_them() {
    use dts_job_detail::JobStatus;
    use std::time::Duration;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/diag");
    let read = |name: &str| from_slice(&fs::read(dir.join(name)).expect("fixture")).expect("parses");
    for ext in ["json", "xml"] {
        // white space around values is read through
        let r = read(&format!("semantics-2-timestamp-white-space.{ext}"));
        let d = r.detail().unwrap();
        assert_eq!(
            d.create_time().map(|t| t.to_rfc3339()).as_deref(),
            Some("2021-03-16T08:01:19+00:00")
        );
        assert_eq!(d.status().and_then(|s| s.known), Some(JobStatus::Synchronizing));
        assert_eq!(d.delay(), Some(Duration::from_secs(3)));

        // the parent's kind reaches nested jobs
        let r = read(&format!("semantics-3-inherited-kind.{ext}"));
        let kinds: Vec<_> = r
            .detail()
            .unwrap()
            .job()
            .with_sub_jobs()
            .map(|j| (j.task_kind(), j.delay()))
            .collect();
        assert_eq!(
            kinds,
            [
                (TaskKind::Synchronization, Some(Duration::from_secs(2))),
                (TaskKind::Synchronization, Some(Duration::from_secs(5))),
                (TaskKind::Synchronization, Some(Duration::from_secs(7))),
            ]
        );

        // empty members are no evidence
        let r = read(&format!("semantics-4-empty-evidence.{ext}"));
        let d = r.detail().unwrap();
        assert_eq!((d.task_kind(), d.delay()), (TaskKind::Unknown, None));
        assert_eq!(d.job().delay_raw(), Some(1500), "the raw value stays reachable");

        // any non-negative int64 Delay has a duration
        let r = read(&format!("semantics-5-delay-range.{ext}"));
        assert_eq!(r.detail().unwrap().delay(), Some(Duration::from_secs(1 << 32)));

        // typed timestamp accessors apply the same rules as validation
        let r = read(&format!("semantics-8-timestamp-accessors.{ext}"));
        let d = r.detail().unwrap();
        let at = |t: Option<chrono::DateTime<chrono::Utc>>| t.map(|t| t.to_rfc3339());
        assert_eq!(at(d.finish_time()).as_deref(), Some("2021-03-16T09:01:19+00:00"));
        assert_eq!(at(d.expire_time()).as_deref(), Some("2022-03-16T00:01:19+00:00"));
        assert_eq!(at(d.boot_time()).as_deref(), Some("2022-03-30T03:36:11+00:00"));
        assert_eq!(
            at(d.last_update_time()).as_deref(),
            Some("2019-08-20T08:51:30+00:00")
        );
        assert_eq!(
            at(d.begin_timestamp()).as_deref(),
            Some("2021-03-15T08:25:34+00:00")
        );
        assert_eq!(
            at(d.end_timestamp()).as_deref(),
            Some("2021-03-26T14:03:21+00:00")
        );
        assert_eq!(
            at(d.consumption_checkpoint()).as_deref(),
            Some("2021-03-23T07:30:31+00:00")
        );
        assert_eq!(
            at(d.tag_list[0].gmt_create()).as_deref(),
            Some("2021-03-16T08:01:19+00:00")
        );
        assert_eq!(d.tag_list[0].gmt_modified(), None, "February 30th is not a time");

        // DbObject keeps the text's order
        let r = read(&format!("semantics-9-db-object-order.{ext}"));
        let objects = r.detail().unwrap().db_objects().unwrap().unwrap();
        let names: Vec<_> = objects.databases.iter().map(|d| d.source_name.as_str()).collect();
        assert_eq!(names, ["zeta", "alpha"]);
        let tables: Vec<_> = objects.databases[1]
            .tables
            .iter()
            .map(|t| t.source_name.as_str())
            .collect();
        assert_eq!(tables, ["t2", "t1"]);
    }
}

#[test]
fn diagnostics_statuses_and_errors_serialize() {
    let resp = from_slice(
        br#"{"RequestId":"r","Success":false,"ErrCode":"E","ErrMessage":"bad %s","DynamicMessage":"x","JobType":"sync","Status":"Normal"}"#,
    )
    .unwrap();
    let d = resp.detail().unwrap();
    assert_eq!(
        serde_json::to_string(&d.status()).unwrap(),
        r#"{"raw":"Normal","known":null}"#
    );
    assert_eq!(
        serde_json::to_string(&d.error()).unwrap(),
        r#"{"code":"E","message":"bad x"}"#
    );
    let diagnostics = resp.validate();
    let report = serde_json::to_value(&diagnostics).unwrap();
    assert_eq!(report[0]["code"], "unknown-status");
    assert_eq!(report[0]["path"], "/Status");
    assert_eq!(report[0]["severity"], "warning");
    // one line each, as `check` prints them: severity, code, path, message
    assert_eq!(
        diagnostics[0].to_string(),
        r#"warning unknown-status /Status: "Normal" is not a synchronization status"#
    );
    let envelope = from_slice(br#"{"Code":"X","Message":"m"}"#).unwrap().validate();
    assert_eq!(envelope[0].severity.as_str(), "error");
    assert_eq!(
        envelope[0].to_string(),
        "error missing-field /RequestId: no RequestId"
    );
}

/// A detail, an envelope and a page each validate on their own as the
/// response that holds them does.
#[test]
fn each_shape_validates_as_its_response() {
    let detail = from_slice(br#"{"RequestId":"r","DtsJobId":"j","CreateTime":"yesterday"}"#).unwrap();
    let envelope = from_slice(br#"{"Code":"X","Message":"m"}"#).unwrap();
    let page =
        from_slice(br#"{"RequestId":"r","PageRecordCount":0,"DtsJobList":[{"DtsJobId":"j"}]}"#).unwrap();
    let all = [
        (
            lines(&detail.validate()),
            lines(&detail.detail().unwrap().validate()),
        ),
        (
            lines(&envelope.validate()),
            lines(&envelope.envelope().unwrap().validate()),
        ),
        (lines(&page.validate()), lines(&page.page().unwrap().validate())),
    ];
    for (of_response, of_shape) in all {
        assert!(!of_response.is_empty());
        assert_eq!(of_shape, of_response);
    }
}

#[test]
fn strict_mode_makes_warnings_errors() {
    let input = br#"{"RequestId":"r","DtsJobId":"j","Status":"Failed","Delay":5}"#;
    let lenient = from_slice(input).unwrap().validate();
    assert_eq!(lines(&lenient), ["/Delay ambiguous-unit warning"]);
    let parser = Parser::new().strict(true);
    let parsed = parser.parse(input).unwrap();
    assert_eq!(parsed, from_slice(input).unwrap(), "options are not data");
    let strict = parsed.validate_with(parser.options());
    assert_eq!(lines(&strict), ["/Delay ambiguous-unit error"]);
    assert!(strict.iter().all(|d| d.severity == Severity::Error));
}

#[test]
fn task_kind_override_reaches_sub_jobs() {
    let input = br#"{"RequestId":"r","DtsJobId":"j","Delay":5,"SubSyncJob":[{"Status":"Normal","Delay":2}]}"#;
    let plain = from_slice(input).unwrap().validate();
    assert_eq!(lines(&plain), ["/Delay ambiguous-unit warning"]);
    let parser = Parser::new().task_kind(TaskKind::Synchronization);
    let resp = parser.parse(input).unwrap();
    assert_eq!(
        lines(&resp.validate_with(parser.options())),
        ["/SubSyncJob/0/Status unknown-status warning"],
        "Normal is not a synchronization status"
    );
    // the same override reaches the accessors of every job
    let job = resp.detail().unwrap().job_with(parser.options());
    let sub = job.sub_jobs().next().unwrap();
    assert_eq!(sub.task_kind(), TaskKind::Synchronization);
    assert_eq!(sub.delay(), Some(std::time::Duration::from_secs(2)));
    assert_eq!(sub.status().and_then(|s| s.known), None);
}

#[test]
fn cross_field_and_range_rules() {
    let input = br#"{"RequestId":"r","Success":false,"JobType":"SUBSCRIBE",
        "BeginTimestamp":"2021-03-15T08:25:34Z","EndTimestamp":"2021-03-14T00:00:00Z",
        "ConsumptionCheckpoint":"2021-03-30T00:00:00Z","CreateTime":"2021-03-16T08:01:19Z",
        "ExpireTime":"2021-03-01T00:00:00Z","LastUpdateTime":"156629109****",
        "PrecheckStatus":{"Status":"Done","Percent":"abc"},"DataEtlStatus":{"Percent":"-1"},
        "DbObject":"{}","Reserved":"","EtlCalculator":"{ \"cells \": [}"}"#;
    let mut got = lines(&from_slice(input).unwrap().validate());
    got.sort();
    assert_eq!(
        got,
        [
            "/ConsumptionCheckpoint timestamp-order error",
            "/DataEtlStatus/Percent percent-out-of-range error",
            "/EndTimestamp timestamp-order error",
            "/ExpireTime timestamp-order error",
            "/LastUpdateTime invalid-timestamp error",
            "/PrecheckStatus/Percent invalid-number error",
            "/PrecheckStatus/Status unknown-status warning",
        ]
    );
}

/// Each rule at its boundary: what is equal to its limit passes, one step
/// beyond it does not.
#[test]
fn rules_at_their_boundaries() {
    let at_limits = br#"{"RequestId":"r","DtsJobId":"j","JobType":"SUBSCRIBE","Delay":0,
        "BeginTimestamp":"2021-03-15T08:25:34Z","EndTimestamp":"2021-03-15T08:25:34Z",
        "ConsumptionCheckpoint":"2021-03-15T08:25:34Z",
        "CreateTime":"2021-03-16T08:01:19Z","ExpireTime":"2021-03-16T08:01:19Z","InitCheckpoint":" ",
        "PrecheckStatus":{"Status":"Finished","Percent":"100"},"DataEtlStatus":{"Percent":"0"}}"#;
    assert_eq!(
        lines(&from_slice(at_limits).unwrap().validate()),
        Vec::<String>::new()
    );
    let beyond = br#"{"RequestId":"r","DtsJobId":"j","JobType":"SUBSCRIBE","Delay":-1,
        "BeginTimestamp":"2021-03-15T08:25:34Z","EndTimestamp":"2021-03-15T08:25:36Z",
        "ConsumptionCheckpoint":"2021-03-15T08:25:37Z","InitCheckpoint":"1e",
        "PrecheckStatus":{"Status":"Finished","Percent":"100.5"},"DataEtlStatus":{"Percent":"-0.5"}}"#;
    let mut got = lines(&from_slice(beyond).unwrap().validate());
    got.sort();
    assert_eq!(
        got,
        [
            "/ConsumptionCheckpoint timestamp-order error",
            "/DataEtlStatus/Percent percent-out-of-range error",
            "/Delay invalid-number error",
            "/InitCheckpoint invalid-number error",
            "/PrecheckStatus/Percent percent-out-of-range error",
        ]
    );
    // a page: as many items as its size and its total, then one more
    let page = |items: usize, size: usize, total: usize| {
        let list: Vec<String> = (0..items)
            .map(|i| format!(r#"{{"DtsJobId":"j{i}","JobType":"SYNC"}}"#))
            .collect();
        let doc = format!(
            r#"{{"RequestId":"r","PageNumber":1,"PageRecordCount":{size},"TotalRecordCount":{total},"DtsJobList":[{}]}}"#,
            list.join(",")
        );
        lines(&from_slice(doc.as_bytes()).unwrap().validate())
    };
    assert_eq!(page(2, 2, 2), Vec::<String>::new());
    assert_eq!(
        page(3, 2, 2),
        [
            "/DtsJobList items-over-page-size warning",
            "/TotalRecordCount total-below-items warning"
        ]
    );
}

#[test]
fn envelope_and_pointer_escaping() {
    let env = from_slice(br#"{"HostId":"h","Code":"X","Message":"m"}"#).unwrap();
    assert_eq!(lines(&env.validate()), ["/RequestId missing-field error"]);
    let resp =
        from_slice(br#"{"RequestId":"r","DtsJobId":"j","JobType":"sync","TagList":[{"GmtCreate":"x"}]}"#)
            .unwrap();
    assert_eq!(
        lines(&resp.validate()),
        ["/TagList/0/GmtCreate invalid-timestamp error"]
    );
}
