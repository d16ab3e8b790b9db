//! Ergonomics v3, the library's part: every job in one call, status classes,
//! and a `Delay` whose unit is unknown still reachable.

use std::time::Duration;

use dts_job_detail::{JobDetail, JobStatus, Response, StatusClass, TaskKind, from_slice};

fn detail(text: &str) -> JobDetail {
    match from_slice(text.as_bytes()) {
        Ok(Response::Detail(d)) => d,
        other => panic!("{text}: {other:?}"),
    }
}

#[test]
fn jobs_yields_every_job_at_any_depth_with_its_view() {
    let d = detail(
        r#"{"JobType":"sync","Status":"Synchronizing","SubSyncJob":[{"DtsJobId":"a","ReverseJob":{"DtsJobId":"r"}},"id"],
            "SubDistributedJob":[{"DtsJobId":"d","JobType":"MIGRATION","Status":"Failed"}]}"#,
    );
    let jobs: Vec<(String, TaskKind)> = d
        .jobs()
        .map(|j| (j.pointer().to_owned(), j.task_kind()))
        .collect();
    assert_eq!(
        jobs,
        [
            (String::new(), TaskKind::Synchronization),
            ("/SubDistributedJob/0".into(), TaskKind::Migration),
            ("/SubSyncJob/0".into(), TaskKind::Synchronization),
            ("/SubSyncJob/0/ReverseJob".into(), TaskKind::Synchronization),
        ]
    );
    let walked: Vec<String> = d.job().with_sub_jobs().map(|j| j.pointer().to_owned()).collect();
    assert_eq!(walked, jobs.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>());
    // the options reach every job
    let options = dts_job_detail::Options::new().task_kind(TaskKind::ChangeTracking);
    assert!(
        d.jobs_with(&options)
            .all(|j| j.task_kind() == TaskKind::ChangeTracking)
    );
}

#[test]
fn every_documented_status_has_a_class_and_case_does_not_split_them() {
    for kind in [
        TaskKind::Migration,
        TaskKind::Synchronization,
        TaskKind::ChangeTracking,
    ] {
        for status in kind.statuses() {
            assert_ne!(status.class(), StatusClass::Unknown, "{kind} {status}");
        }
    }
    let expected = [
        ("MIGRATION", "NotStarted", StatusClass::NotStarted),
        ("MIGRATION", "PreCheckPass", StatusClass::NotStarted),
        ("MIGRATION", "Prechecking", StatusClass::Running),
        ("sync", "Synchronizing", StatusClass::Running),
        ("MIGRATION", "Retrying", StatusClass::Running),
        ("MIGRATION", "Suspending", StatusClass::Paused),
        ("MIGRATION", "Locked", StatusClass::Paused),
        ("MIGRATION", "PrecheckFailed", StatusClass::Failed),
        ("sync", "InitializeFailed", StatusClass::Failed),
        ("MIGRATION", "Failed", StatusClass::Failed),
        ("MIGRATION", "Finished", StatusClass::Finished),
    ];
    for (job_type, raw, class) in expected {
        for spelling in [raw.to_owned(), raw.to_lowercase(), raw.to_uppercase()] {
            let d = detail(&format!(r#"{{"JobType":"{job_type}","Status":"{spelling}"}}"#));
            assert_eq!(d.job().status_class(), class, "{spelling}");
        }
    }
    // change tracking's own words
    assert_eq!(
        detail(r#"{"Status":"Abnormal"}"#).job().status_class(),
        StatusClass::Failed
    );
    assert_eq!(
        detail(r#"{"Status":"Normal"}"#).job().status_class(),
        StatusClass::Running
    );
    // a status outside the kind's list, and none
    assert_eq!(
        detail(r#"{"JobType":"SUBSCRIBE","Status":"Migrating"}"#)
            .job()
            .status_class(),
        StatusClass::Unknown
    );
    assert_eq!(detail("{}").job().status_class(), StatusClass::Unknown);
    let job_d = detail(r#"{"Status":"failed"}"#);
    let job = job_d.job();
    assert!(job.is_failed() && !job.is_running() && !job.is_paused() && !job.is_finished());
    assert_eq!(JobStatus::Abnormal.class().as_str(), "failed");
    assert_eq!(
        "not-started".parse::<StatusClass>().ok(),
        Some(StatusClass::NotStarted)
    );
}

#[test]
fn a_delay_of_unknown_unit_is_a_range_not_a_silence() {
    let d = detail(r#"{"Status":"Failed","Delay":5}"#);
    let job = d.job();
    assert_eq!(job.task_kind(), TaskKind::Unknown);
    assert_eq!(job.delay(), None);
    assert_eq!(job.delay_raw(), Some(5));
    let range = job.delay_range().expect("a range");
    assert_eq!(
        (*range.start(), *range.end()),
        (Duration::from_millis(5), Duration::from_secs(5))
    );
    // a known kind: one duration
    let d = detail(r#"{"Status":"Migrating","Delay":1500}"#);
    let range = d.job().delay_range().expect("a range");
    assert_eq!(
        (*range.start(), *range.end()),
        (Duration::from_millis(1500), Duration::from_millis(1500))
    );
    let d = detail(r#"{"JobType":"sync","Delay":2}"#);
    assert_eq!(d.job().delay(), Some(Duration::from_secs(2)));
    // absent, negative, not an integer: nothing to bound
    for text in [r#"{"Status":"Failed"}"#, r#"{"Delay":-1}"#, r#"{"Delay":"soon"}"#] {
        assert!(detail(text).job().delay_range().is_none(), "{text}");
    }
}
