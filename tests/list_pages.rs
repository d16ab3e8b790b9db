//! `DescribeDtsJobs`: the members a list item has beyond a detail's job are
//! typed in the job shape, with the data-check stages and their vocabularies.

use dts_job_detail::model::Scalar;
use dts_job_detail::{DiagnosticCode, Response, Stage, StageState, json, xml};

/// An item with every member only a list item has, as the API documents them.
const LISTED: &str = r#"{"RequestId":"r","DtsJobId":"j1","JobType":"MIGRATION","Status":"Migrating",
"CpuUsage":"1","MemUsage":"500","DuUsage":15,"DuRealUsage":"12.0%","EtlSafeCheckpoint":"1610540493",
"ErrorDetails":[{"ErrorCode":"DTS-31009","HelpUrl":"https://help.example/31009"},{"ErrorCode":"DTS-1"}],
"MigrationErrCode":"DTS-31009","MigrationErrHelpDocId":"462133","MigrationErrHelpDocKey":"key",
"MigrationErrMsg":"failed","MigrationErrType":"type","MigrationErrWorkaround":"retry",
"DataCloudStatus":{"Status":"Finished","NeedUpgrade":true,"Percent":"100"},
"FullDataCheckStatus":{"Status":"Checking","CanSwitch":true,"Percent":"40","Progress":"4/10"},
"IncDataCheckStatus":{"Status":"Catched","Percent":"100"},
"StructureDataCheckStatus":{"Status":"Inconsistency"},
"TimeWindowDataCheckStatus":{"Status":"Whatever"},
"MigrationMode":{"DataInitialization":true,"FullDataCheck":true,"IncDataCheck":false,"StructureDataCheck":true,"TimeWindowCheck":false},
"RetryState":{"RetryCount":5,"MigrationErrCode":"DTS-1","MigrationErrHelpDocId":"7","MigrationErrHelpDocKey":"k",
"MigrationErrMsg":"m","MigrationErrType":"t","MigrationErrWorkaround":"w"}}"#;

#[test]
fn a_list_items_own_members_are_typed_and_nothing_is_unknown() {
    let resp = json::from_str(LISTED).unwrap();
    let Response::Detail(job) = &resp else {
        panic!("a detail")
    };
    assert!(job.unknown.is_empty(), "{:?}", job.unknown);
    assert_eq!(job.du_usage, Some(Scalar::Value(15)));
    assert_eq!(job.du_real_usage.as_deref(), Some("12.0%"));
    let codes: Vec<_> = job
        .error_details
        .iter()
        .map(|e| e.error_code.as_deref())
        .collect();
    assert_eq!(codes, [Some("DTS-31009"), Some("DTS-1")]);
    assert_eq!(job.error_details[1].help_url, None);
    let check = job.full_data_check_status.as_deref().unwrap();
    assert_eq!(check.can_switch, Some(Scalar::Value(true)));
    let mode = job.migration_mode.as_deref().unwrap();
    assert_eq!(
        (mode.full_data_check.clone(), mode.time_window_check.clone()),
        (Some(Scalar::Value(true)), Some(Scalar::Value(false)))
    );
    let retry = job.retry_state.as_deref().unwrap();
    assert_eq!(retry.migration_err_workaround.as_deref(), Some("w"));
    assert!(retry.unknown.is_empty() && mode.unknown.is_empty() && check.unknown.is_empty());
}

#[test]
fn the_json_and_xml_forms_of_the_members_give_one_canonical_json() {
    let resp = json::from_str(LISTED).unwrap();
    let canonical = json::to_string(&resp);
    let from_xml = xml::from_str(&xml::to_string(&resp).unwrap()).unwrap();
    assert_eq!(json::to_string(&from_xml), canonical);
    // a one-item list in XML is a list of one
    let one = xml::from_str(
        "<DescribeDtsJobDetailResponse><ErrorDetails><ErrorCode>E</ErrorCode></ErrorDetails></DescribeDtsJobDetailResponse>",
    )
    .unwrap();
    assert!(json::to_string(&one).contains(r#""ErrorDetails":[{"ErrorCode":"E"}]"#));
}

#[test]
fn the_data_check_stages_have_their_documented_vocabularies() {
    let cases: &[(Stage, &str, Option<StageState>)] = &[
        (Stage::FullDataCheck, "checking", Some(StageState::Checking)),
        (Stage::FullDataCheck, "Finished", Some(StageState::Finished)),
        (Stage::FullDataCheck, "Catched", None),
        (Stage::IncDataCheck, "Catched", Some(StageState::Catched)),
        (Stage::IncDataCheck, "Finished", None),
        (
            Stage::StructureDataCheck,
            "Inconsistency",
            Some(StageState::Inconsistency),
        ),
        (Stage::StructureDataCheck, "Catched", None),
        (Stage::DataSynchronization, "Inconsistency", None),
    ];
    for (stage, raw, state) in cases {
        assert_eq!(stage.state(raw), *state, "{stage:?} {raw}");
    }
}

#[test]
fn the_data_check_stages_are_validated_and_the_undocumented_ones_are_not() {
    let found = |doc: &str| -> Vec<(String, DiagnosticCode)> {
        let resp = json::from_str(doc).unwrap();
        resp.validate().into_iter().map(|d| (d.path, d.code)).collect()
    };
    // the members as documented: no diagnostic of theirs
    assert!(
        found(LISTED)
            .iter()
            .all(|(path, _)| !path.contains("Check") && !path.contains("Cloud")),
        "{:?}",
        found(LISTED)
    );
    let wrong = r#"{"RequestId":"r","DtsJobId":"j","JobType":"MIGRATION",
        "FullDataCheckStatus":{"Status":"Catched","Percent":"101"},
        "IncDataCheckStatus":{"Status":"Inconsistency"},
        "StructureDataCheckStatus":{"Status":"Finished","Percent":"x"},
        "DataCloudStatus":{"Status":"Anything"},"TimeWindowDataCheckStatus":{"Status":"Anything"}}"#;
    let mut got = found(wrong);
    got.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        got,
        [
            (
                "/FullDataCheckStatus/Percent".to_owned(),
                DiagnosticCode::PercentOutOfRange
            ),
            (
                "/FullDataCheckStatus/Status".to_owned(),
                DiagnosticCode::UnknownStatus
            ),
            (
                "/IncDataCheckStatus/Status".to_owned(),
                DiagnosticCode::UnknownStatus
            ),
            (
                "/StructureDataCheckStatus/Percent".to_owned(),
                DiagnosticCode::InvalidNumber
            ),
        ]
    );
}
