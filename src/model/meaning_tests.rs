//! Each marker is honoured by what is generated from it: a test per
//! marker reads a document that fills every marked member with its own
//! wire name, and finds each name where its marker says.

use super::*;
use crate::model::{Response, Tag, Wire};

fn job(json: &str) -> JobDetail {
    match crate::json::from_str(json) {
        Ok(Response::Detail(d)) => d,
        other => panic!("{other:?}"),
    }
}

fn marked<S>(meanings: &[Meaning<S>], has: impl Fn(&Meaning<S>) -> bool) -> Vec<&'static str> {
    meanings.iter().filter(|m| has(m)).map(|m| m.wire).collect()
}

/// `{"A":<value of A>,"B":…}` for the members named.
fn document(names: &[&str], value: impl Fn(&str) -> String) -> String {
    let members: Vec<String> = names.iter().map(|n| format!("\"{n}\":{}", value(n))).collect();
    format!("{{{}}}", members.join(","))
}

#[test]
fn timestamp_marks_the_members_its_accessor_and_validation_read() {
    let names = marked(JobDetail::MEANINGS, |m| m.timestamp.is_some());
    assert_eq!(
        names,
        [
            "BeginTimestamp",
            "BootTime",
            "ConsumptionCheckpoint",
            "CreateTime",
            "EndTimestamp",
            "ExpireTime",
            "FinishTime",
            "LastUpdateTime"
        ]
    );
    let d = job(&document(&names, |n| format!("\"{n}\"")));
    for m in JobDetail::MEANINGS {
        if let Some((_, text)) = m.timestamp {
            assert_eq!(text(&d), Some(m.wire));
        }
    }
    assert_eq!(
        marked(Tag::MEANINGS, |m| m.timestamp.is_some()),
        ["GmtCreate", "GmtModified"]
    );
    // the forms: only LastUpdateTime takes an epoch
    let epoch = marked(JobDetail::MEANINGS, |m| {
        matches!(m.timestamp, Some((Form::CalendarOrEpoch, _)))
    });
    assert_eq!(epoch, [Wire::<JobDetail>::last_update_time]);
    let d = job(r#"{"LastUpdateTime":"1566291090000","CreateTime":"1566291090000"}"#);
    assert!(d.last_update_time().is_some() && d.create_time().is_none());
    assert!(
        JobDetail::MEANINGS
            .iter()
            .filter(|m| m.timestamp.is_some())
            .count()
            <= MAX_TIMESTAMPS
    );
    assert!(Tag::MEANINGS.iter().filter(|m| m.timestamp.is_some()).count() <= MAX_TIMESTAMPS);
}

#[test]
fn after_and_before_name_timestamps_of_the_same_shape() {
    let pairs: Vec<(&str, &str, &str)> = JobDetail::MEANINGS
        .iter()
        .flat_map(|m| {
            let after = m.after.map(|other| (m.wire, "after", other));
            let before = m.before.map(|other| (m.wire, "before", other));
            after.into_iter().chain(before)
        })
        .collect();
    assert_eq!(
        pairs,
        [
            ("ConsumptionCheckpoint", "after", "BeginTimestamp"),
            ("ConsumptionCheckpoint", "before", "EndTimestamp"),
            ("EndTimestamp", "after", "BeginTimestamp"),
            ("ExpireTime", "after", "CreateTime"),
            ("FinishTime", "after", "CreateTime"),
        ]
    );
    for (_, _, other) in pairs {
        assert!(
            JobDetail::meaning(other).is_some_and(|m| m.timestamp.is_some()),
            "{other}"
        );
    }
}

#[test]
fn stage_marks_the_stage_objects_with_their_stage() {
    let stages: Vec<(&str, Stage)> = JobDetail::MEANINGS
        .iter()
        .filter_map(|m| Some((m.wire, m.stage?.0)))
        .collect();
    assert_eq!(
        stages,
        [
            ("DataEtlStatus", Stage::DataEtl),
            ("DataInitializationStatus", Stage::DataInitialization),
            ("DataSynchronizationStatus", Stage::DataSynchronization),
            ("FullDataCheckStatus", Stage::FullDataCheck),
            ("IncDataCheckStatus", Stage::IncDataCheck),
            ("PrecheckStatus", Stage::Precheck),
            ("StructureDataCheckStatus", Stage::StructureDataCheck),
            ("StructureInitializationStatus", Stage::StructureInitialization),
        ]
    );
    let names: Vec<&str> = stages.iter().map(|(n, _)| *n).collect();
    let d = job(&document(&names, |n| {
        format!("{{\"Status\":\"{n}\",\"Percent\":\"{}\"}}", n.len())
    }));
    for m in JobDetail::MEANINGS {
        if let Some((_, get)) = m.stage {
            let view = get(&d).unwrap_or_default();
            assert_eq!(view.status, Some(m.wire));
            assert_eq!(view.percent, Some(m.wire.len().to_string().as_str()));
        }
    }
}

#[test]
fn jobs_marks_the_members_the_walk_and_job_at_enter() {
    let names = marked(JobDetail::MEANINGS, |m| m.jobs.is_some());
    assert_eq!(names, ["ReverseJob", "SubDistributedJob", "SubSyncJob"]);
    let d = job(&document(&names, |n| {
        if n == "ReverseJob" {
            format!("{{\"DtsJobId\":\"{n}\"}}")
        } else {
            format!("[{{\"DtsJobId\":\"{n}\"}}]")
        }
    }));
    for m in JobDetail::MEANINGS {
        if let Some(held) = m.jobs {
            let mut found = Vec::new();
            held(&d).jobs("", m.wire, &mut found);
            let [(nested, pointer)] = found.as_slice() else {
                panic!("{found:?}")
            };
            assert_eq!(nested.dts_job_id.as_deref(), Some(m.wire));
            assert_eq!(
                d.job_at(pointer).and_then(|j| j.dts_job_id.as_deref()),
                Some(m.wire)
            );
        }
    }
    let walked: Vec<String> = d.job().with_sub_jobs().map(|j| j.pointer().to_owned()).collect();
    assert_eq!(
        walked,
        ["", "/ReverseJob", "/SubDistributedJob/0", "/SubSyncJob/0"]
    );
}

#[test]
fn tracking_marks_the_evidence_of_change_tracking() {
    let names = marked(JobDetail::MEANINGS, |m| m.tracking.is_some());
    assert_eq!(
        names,
        [
            "BeginTimestamp",
            "ConsumptionCheckpoint",
            "SubscribeTopic",
            "SubscriptionHost"
        ]
    );
    for name in names {
        let filled = if name == "SubscriptionHost" {
            r#"{"VpcHost":"h:1"}"#.to_owned()
        } else {
            r#""2021-03-16T08:01:19Z""#.to_owned()
        };
        let blank = if name == "SubscriptionHost" {
            r#"{"VpcHost":" "}"#
        } else {
            r#"" ""#
        };
        let kind = |value: &str| {
            let d = job(&format!("{{\"{name}\":{value}}}"));
            d.job().task_kind()
        };
        assert_eq!(kind(&filled), crate::task::TaskKind::ChangeTracking, "{name}");
        assert_eq!(kind(blank), crate::task::TaskKind::Unknown, "{name}");
    }
}

#[test]
fn in_job_objects_writes_a_string_in_job_objects_only() {
    const { assert!(marked!(in_job_objects; timestamp(Calendar), in_job_objects(String))) };
    const { assert!(!marked!(in_job_objects; jobs)) };
    const { assert!(marked!(jobs; tracking, jobs)) };
    let text = r#"{"Checkpoint":"7","ReverseJob":{"Checkpoint":7},"SubDistributedJob":[{"Checkpoint":7}],"SubSyncJob":[[{"Checkpoint":7}]]}"#;
    let resp = crate::json::from_str(text).unwrap_or_else(|e| panic!("{e}"));
    let canonical = r#"{"Checkpoint":7,"ReverseJob":{"Checkpoint":"7"},"SubDistributedJob":[{"Checkpoint":"7"}],"SubSyncJob":[[{"Checkpoint":"7"}]]}"#;
    assert_eq!(crate::json::to_string(&resp), canonical);
    let serialized = serde_json::to_string(&resp).unwrap_or_default();
    assert_eq!(serialized, canonical);
}

#[test]
fn evidence_and_not_integer_make_the_envelope_rule() {
    use EnvelopeRole::*;
    let roles: Vec<(&str, EnvelopeRole)> = envelope_roles().collect();
    assert_eq!(
        roles,
        [
            ("Code", Shared { not_integer: true }),
            ("HostId", Own { evidence: true }),
            ("Message", Own { evidence: true }),
            ("Recommend", Own { evidence: false }),
            ("RequestId", Shared { not_integer: false }),
        ]
    );
    // a shared member is a scalar in both tables (the reader stores it in both)
    for (wire, role) in &roles {
        if let Shared { .. } = role {
            use crate::de::Shape;
            let v = || crate::scalar::In::Null;
            assert!(JobDetail::default().set_scalar(wire, v()).is_some(), "{wire}");
            assert!(
                super::super::ErrorEnvelope::default()
                    .set_scalar(wire, v())
                    .is_some(),
                "{wire}"
            );
        }
    }
    let is_envelope = |text: &str| matches!(crate::json::from_str(text), Ok(Response::Error(_)));
    for (wire, role) in roles {
        let alone = format!(r#"{{"RequestId":"r","{wire}":"x"}}"#);
        assert_eq!(is_envelope(&alone), role == Own { evidence: true }, "{alone}");
    }
    assert!(is_envelope(
        r#"{"HostId":"h","Recommend":"u","Code":"Forbidden"}"#
    ));
    assert!(
        !is_envelope(r#"{"HostId":"h","Recommend":{}}"#),
        "an own member as an object"
    );
    assert!(
        !is_envelope(r#"{"HostId":"h","Code":"403"}"#),
        "not_integer: Code reads as an integer"
    );
    assert!(
        !is_envelope(r#"{"HostId":"h","Success":false}"#),
        "a member of a detail only"
    );
}

#[test]
fn json_text_marks_the_members_validation_reads_as_json() {
    let names = marked(JobDetail::MEANINGS, |m| m.json_text.is_some());
    assert_eq!(names, ["DbObject", "Reserved"]);
    let d = job(&document(&names, |n| format!("\"{n}\"")));
    for m in JobDetail::MEANINGS {
        if let Some(text) = m.json_text {
            assert_eq!(text(&d), Some(m.wire));
        }
    }
}
