//! Every diagnostic code has a fixture (fixtures/diag/<code>.{json,xml}) and a
//! list of the diagnostics it must produce (<code>.expect: `path code severity`).

use std::fs;
use std::path::Path;

use dts_job_detail::{DiagnosticCode, Parser, Severity, TaskKind, from_slice};
use strum::IntoEnumIterator;

fn lines(report: &[dts_job_detail::Diagnostic]) -> Vec<String> {
    report
        .iter()
        .map(|d| format!("{} {} {}", d.path, d.code, d.severity))
        .collect()
}

#[test]
fn every_code_has_a_fixture_that_triggers_it_in_both_forms() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/diag");
    for code in DiagnosticCode::iter() {
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
        let need = if code == DiagnosticCode::UnexpectedRoot {
            1
        } else {
            2
        };
        assert_eq!(forms, need, "{code}: forms present");
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
            "/LastUpdateTime invalid-number error",
            "/PrecheckStatus/Percent invalid-number error",
            "/PrecheckStatus/Status unknown-status warning",
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
