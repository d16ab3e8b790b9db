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

mod pages {
    use std::path::{Path, PathBuf};
    use std::time::Duration;

    use dts_job_detail::export::{self, JobRow};
    use dts_job_detail::{Options, Response, StatusClass, TaskKind, diff, json, xml};

    fn read(path: &Path) -> Response {
        dts_job_detail::from_slice(&std::fs::read(path).unwrap()).unwrap()
    }

    fn fixture(name: &str) -> Response {
        read(&Path::new("fixtures/pages").join(name))
    }

    fn pages() -> Vec<PathBuf> {
        let mut found: Vec<PathBuf> = std::fs::read_dir("fixtures/pages")
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        found.sort();
        found
    }

    #[test]
    fn both_forms_of_every_page_give_one_canonical_json_and_nothing_is_unknown() {
        let mut pairs = 0;
        for path in pages()
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
        {
            let resp = read(&path);
            let page = resp
                .page()
                .unwrap_or_else(|| panic!("{} is a page", path.display()));
            assert!(page.unknown.is_empty(), "{}: {:?}", path.display(), page.unknown);
            for job in page.jobs() {
                assert!(
                    job.unknown.is_empty(),
                    "{}{}: {:?}",
                    path.display(),
                    job.pointer(),
                    job.unknown
                );
            }
            let canonical = json::to_string(&resp);
            // canonical → XML → JSON is the identity
            let again = xml::from_str(&xml::to_string(&resp).unwrap()).unwrap();
            assert_eq!(json::to_string(&again), canonical, "{}", path.display());
            let twin = path.with_extension("xml");
            if twin.exists() {
                assert_eq!(json::to_string(&read(&twin)), canonical, "{}", twin.display());
                pairs += 1;
            }
        }
        assert!(pairs >= 6, "{pairs} pages in both forms");
    }

    #[test]
    fn an_sdk_dump_of_a_page_reads_as_the_page() {
        assert_eq!(fixture("sdk_dump.json"), fixture("migration.json"));
    }

    #[test]
    fn each_item_is_a_job_of_its_kind_with_its_statuses_units_and_stages() {
        let page = fixture("migration.json");
        let jobs: Vec<_> = page.jobs().collect();
        assert_eq!(jobs.len(), 2);
        assert_eq!(
            (jobs[0].pointer(), jobs[0].depth(), jobs[0].parent_pointer()),
            ("/DtsJobList/0", 0, None)
        );
        assert_eq!(jobs[0].task_kind(), TaskKind::Migration);
        // migration: Delay in milliseconds
        assert_eq!(jobs[0].delay(), Some(Duration::from_millis(1500)));
        assert_eq!(jobs[1].status_class(), StatusClass::Failed);

        let sync = fixture("synchronization.json");
        let jobs: Vec<_> = sync
            .jobs()
            .map(|j| (j.pointer().to_owned(), j.task_kind(), j.delay(), j.status_class()))
            .collect();
        assert_eq!(
            jobs,
            [
                (
                    "/DtsJobList/0".into(),
                    TaskKind::Synchronization,
                    Some(Duration::from_secs(3)),
                    StatusClass::Running
                ),
                // the reverse job of a two-way synchronization inherits the kind
                (
                    "/DtsJobList/0/ReverseJob".into(),
                    TaskKind::Synchronization,
                    Some(Duration::ZERO),
                    StatusClass::Running
                ),
                (
                    "/DtsJobList/1".into(),
                    TaskKind::Synchronization,
                    Some(Duration::from_secs(120)),
                    StatusClass::Paused
                ),
            ]
        );
        let tracking = fixture("change_tracking.json");
        let job = tracking.jobs().next().unwrap();
        assert_eq!(
            (job.task_kind(), job.status_class()),
            (TaskKind::ChangeTracking, StatusClass::Running)
        );
        assert_eq!(job.delay(), Some(Duration::from_secs(1)));
        // the detail's spellings name kinds too; a page's JobType is its items' default
        let spelled = dts_job_detail::from_slice(
            br#"{"PageNumber":1,"JobType":"SYNC","DtsJobList":[{"JobType":"online","Delay":5},{"JobType":"subscribe"},{"Delay":5}]}"#,
        )
        .unwrap();
        let kinds: Vec<_> = spelled.jobs().map(|j| (j.task_kind(), j.delay())).collect();
        assert_eq!(
            kinds,
            [
                (TaskKind::Migration, Some(Duration::from_millis(5))),
                (TaskKind::ChangeTracking, None),
                (TaskKind::Synchronization, Some(Duration::from_secs(5))),
            ]
        );
    }

    #[test]
    fn a_one_item_page_and_an_empty_page_in_xml() {
        let one = fixture("one_item.xml");
        let page = one.page().unwrap();
        assert_eq!(page.dts_job_list.len(), 1);
        assert_eq!(page.dts_job_list[0].tag_list.len(), 1);
        assert_eq!(page.dts_job_list[0].error_details.len(), 1);
        let empty = fixture("empty.xml");
        assert!(empty.page().unwrap().dts_job_list.is_empty());
        assert_eq!(empty.jobs().count(), 0);
    }

    #[test]
    fn items_in_a_wrapper_element_are_the_items() {
        let flat = "<DescribeDtsJobsResponse><RequestId>r</RequestId><DtsJobList><DtsJobId>a</DtsJobId></DtsJobList>\
                    <DtsJobList><DtsJobId>b</DtsJobId><TagList><TagKey>k</TagKey></TagList></DtsJobList></DescribeDtsJobsResponse>";
        let wrapped = "<DescribeDtsJobsResponse><RequestId>r</RequestId><DtsJobList>\
                       <DtsJobStatus><DtsJobId>a</DtsJobId></DtsJobStatus>\
                       <DtsJobStatus><DtsJobId>b</DtsJobId><TagList><TagKey>k</TagKey></TagList></DtsJobStatus>\
                       </DtsJobList></DescribeDtsJobsResponse>";
        let canonical = json::to_string(&xml::from_str(flat).unwrap());
        assert_eq!(json::to_string(&xml::from_str(wrapped).unwrap()), canonical);
        let one = "<DescribeDtsJobsResponse><RequestId>r</RequestId><DtsJobList><DtsJobList><DtsJobId>a</DtsJobId>\
                   </DtsJobList></DtsJobList></DescribeDtsJobsResponse>";
        assert!(json::to_string(&xml::from_str(one).unwrap()).contains(r#""DtsJobList":[{"DtsJobId":"a"}]"#));
        // an item with members of its own is no wrapper, whatever else it holds
        let item = "<DescribeDtsJobsResponse><DtsJobList><DtsJobId>a</DtsJobId><X><Y>1</Y></X></DtsJobList></DescribeDtsJobsResponse>";
        assert!(
            json::to_string(&xml::from_str(item).unwrap())
                .contains(r#""DtsJobList":[{"DtsJobId":"a","X":{"Y":"1"}}]"#)
        );
    }

    #[test]
    fn a_page_is_told_by_its_own_members_and_loses_nothing_else() {
        // a job's member at a page's top is kept, as an unknown member of the page
        let doc = r#"{"RequestId":"r","PageNumber":1,"DtsJobId":"top","Checkpoint":7,"DtsJobList":[{"DtsJobId":"a"}]}"#;
        let resp = json::from_str(doc).unwrap();
        let page = resp.page().unwrap();
        assert_eq!(page.request_id.as_deref(), Some("r"));
        let unknown: Vec<&str> = page.unknown.iter().map(|(k, _)| k).collect();
        assert_eq!(unknown, ["Checkpoint", "DtsJobId"]);
        let canonical = json::to_string(&resp);
        assert_eq!(json::to_string(&json::from_str(&canonical).unwrap()), canonical);
        assert_eq!(
            json::to_string(&xml::from_str(&xml::to_string(&resp).unwrap()).unwrap()),
            canonical
        );
        // each member only a page has makes a page
        for evidence in [
            "DtsJobList",
            "EtlDemoList",
            "PageNumber",
            "PageRecordCount",
            "TotalRecordCount",
            "DynamicCode",
        ] {
            let value = if evidence.ends_with("List") { "[{}]" } else { "1" };
            let doc = format!(r#"{{"RequestId":"r","{evidence}":{value}}}"#);
            assert!(json::from_str(&doc).unwrap().page().is_some(), "{doc}");
        }
        // an empty list is absent, as any list's: no page (its canonical form has no list)
        for doc in [
            r#"{"RequestId":"r","DtsJobList":[]}"#,
            r#"{"RequestId":"r","DtsJobList":null}"#,
        ] {
            let resp = json::from_str(doc).unwrap();
            assert!(resp.detail().is_some(), "{doc}");
            assert_eq!(json::to_string(&resp), r#"{"RequestId":"r"}"#);
        }
        // and a detail's members alone make a detail
        assert!(
            json::from_str(r#"{"RequestId":"r","Success":false,"ErrCode":"X"}"#)
                .unwrap()
                .detail()
                .is_some()
        );
    }

    #[test]
    fn export_gives_a_row_per_job_and_a_failed_page_its_error() {
        let rows = |name: &str| export::rows(name, &fixture(name), &Options::default());
        let sync = rows("synchronization.json");
        let got: Vec<(&str, Option<&str>, i64, Option<i64>)> = sync
            .iter()
            .map(|r: &JobRow| {
                (
                    r.pointer.as_str(),
                    r.parent_pointer.as_deref(),
                    r.depth,
                    r.delay_ms,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("/DtsJobList/0", None, 0, Some(3000)),
                ("/DtsJobList/0/ReverseJob", Some("/DtsJobList/0"), 1, Some(0)),
                ("/DtsJobList/1", None, 0, Some(120_000)),
            ]
        );
        assert!(
            sync.iter()
                .all(|r| r.request_id.as_deref() == Some("7D3B8C2A-1F3E-4A1B-9C8D-2E5F6A7B****"))
        );
        assert!(rows("empty.json").is_empty());
        let failed = rows("error.json");
        assert_eq!(failed.len(), 1);
        assert_eq!(failed[0].pointer, "");
        assert_eq!(failed[0].error_code.as_deref(), Some("InvalidParameter"));
        assert_eq!(
            failed[0].error_message.as_deref(),
            Some("The Value of Input Parameter PageSize is not valid.")
        );
    }

    #[test]
    fn diff_matches_items_by_job_id() {
        let old = fixture("synchronization.json");
        let text = std::fs::read_to_string("fixtures/pages/synchronization.json").unwrap();
        let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        doc["DtsJobList"].as_array_mut().unwrap().reverse();
        let swapped = json::from_str(&doc.to_string()).unwrap();
        assert_eq!(diff::diff(&old, &swapped, &Options::default()), []);
        doc["DtsJobList"][0]["Status"] = "Synchronizing".into();
        doc["DtsJobList"][0]["Delay"] = 4.into();
        let changed = json::from_str(&doc.to_string()).unwrap();
        let changes: Vec<(String, String)> = diff::diff(&old, &changed, &Options::default())
            .into_iter()
            .map(|c| (c.path, c.kind.as_str().to_owned()))
            .collect();
        assert_eq!(
            changes,
            [
                ("/DtsJobList/0/Status".to_owned(), "status".to_owned()),
                ("/DtsJobList/0/Delay".to_owned(), "delay".to_owned()),
            ]
        );
    }

    #[test]
    fn validation_points_into_the_items() {
        let doc = r#"{"RequestId":"r","PageNumber":"one","DtsJobList":[{"DtsJobId":"a","JobType":"SYNC"},
            {"DtsJobId":"b","JobType":"SYNC","Status":"Migrating","CreateTime":"2021-02-30T00:00:00Z",
             "FullDataCheckStatus":{"Status":"Catched"},"ReverseJob":{"Delay":"x"}}]}"#;
        let found: Vec<(String, &str)> = json::from_str(doc)
            .unwrap()
            .validate()
            .into_iter()
            .map(|d| (d.path, d.code.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("/PageNumber".to_owned(), "invalid-number"),
                ("/DtsJobList/1/CreateTime".to_owned(), "invalid-timestamp"),
                ("/DtsJobList/1/Status".to_owned(), "unknown-status"),
                (
                    "/DtsJobList/1/FullDataCheckStatus/Status".to_owned(),
                    "unknown-status"
                ),
                ("/DtsJobList/1/ReverseJob/Delay".to_owned(), "invalid-number"),
            ]
        );
    }

    #[test]
    fn every_status_the_list_call_documents_is_known_for_its_kind() {
        // the list call's response lists, per item JobType
        let lists = [
            (
                "MIGRATION",
                "NotStarted Prechecking PrecheckFailed PreCheckPass NotConfigured Migrating Suspending \
                 MigrationFailed Finished Retrying Upgrade Locked Downgrade",
            ),
            (
                "SYNC",
                "NotStarted Prechecking PrecheckFailed PreCheckPass NotConfigured Initializing InitializeFailed \
                 Synchronizing Failed Suspending Modifying ModifyFailed Finished Retrying Upgrade Locked Downgrade",
            ),
            (
                "SUBSCRIBE",
                "NotConfigured NotStarted Prechecking PrecheckFailed PreCheckPass Starting Normal Retrying \
                 Abnormal Upgrade Locked Downgrade",
            ),
        ];
        for (kind, list) in lists {
            for status in list.split_whitespace() {
                let doc = format!(
                    r#"{{"RequestId":"r","PageNumber":1,"DtsJobList":[{{"JobType":"{kind}","Status":"{status}"}}]}}"#
                );
                let resp = json::from_str(&doc).unwrap();
                let job = resp.jobs().next().unwrap();
                let known = job.status().and_then(|s| s.known);
                assert_eq!(known.map(|s| s.as_str()), Some(status), "{kind} {status}");
                assert!(
                    resp.validate().is_empty(),
                    "{kind} {status}: {:?}",
                    resp.validate()
                );
            }
        }
        let failed =
            json::from_str(r#"{"PageNumber":1,"DtsJobList":[{"JobType":"SYNC","Status":"ModifyFailed"}]}"#)
                .unwrap();
        assert_eq!(failed.jobs().next().unwrap().status_class(), StatusClass::Failed);
        // a migration status is not a change-tracking one
        let wrong =
            json::from_str(r#"{"PageNumber":1,"DtsJobList":[{"JobType":"SUBSCRIBE","Status":"Migrating"}]}"#)
                .unwrap();
        assert_eq!(wrong.jobs().next().unwrap().status().and_then(|s| s.known), None);
    }

    #[test]
    fn metrics_give_series_per_job_of_a_page() {
        let resp = fixture("synchronization.json");
        let rows = export::rows("p.json", &resp, &Options::default());
        let mut exposition = dts_job_detail::metrics::Exposition::new();
        exposition.add(&rows);
        let text = exposition.finish();
        for pointer in ["/DtsJobList/0", "/DtsJobList/0/ReverseJob", "/DtsJobList/1"] {
            assert!(
                text.contains(&format!("pointer=\"{pointer}\"")),
                "{pointer}: {text}"
            );
        }
        assert!(!text.contains("pointer=\"\""), "the page itself is no series");
    }

    #[test]
    fn the_wrapper_rule_is_one_for_both_forms_and_keeps_what_is_no_wrapper() {
        // a wrapper in JSON reads as in XML, so canonical JSON reads back through XML
        let wrapped = json::from_str(r#"{"PageNumber":1,"DtsJobList":[{"W":{"DtsJobId":"a"}}]}"#).unwrap();
        assert_eq!(
            json::to_string(&wrapped),
            r#"{"DtsJobList":[{"DtsJobId":"a"}],"PageNumber":1}"#
        );
        // objects that hold no job member, or do not read as a job, are no wrapper: kept
        for doc in [
            r#"{"DtsJobList":[{"Extra":{"A":"1"}}],"PageNumber":1}"#,
            r#"{"DtsJobList":[{"Extra":{"SourceEndpoint":"x"}}],"PageNumber":1}"#,
            r#"{"DtsJobList":[{"X":{"DtsJobId":"a"},"Y":{"DtsJobId":"b"}}],"PageNumber":1}"#,
        ] {
            let resp = json::from_str(doc).unwrap();
            let canonical = json::to_string(&resp);
            assert_eq!(canonical, doc, "nothing lost");
            let through_xml = xml::from_str(&xml::to_string(&resp).unwrap()).unwrap();
            assert_eq!(json::to_string(&through_xml), canonical, "{doc}");
        }
    }

    #[test]
    fn a_dump_with_page_members_beside_it_is_a_page() {
        let doc = r#"{"statusCode":200,"headers":{},"body":{"RequestId":"r","DtsJobId":"j"},"PageNumber":3,"DtsJobList":[{"DtsJobId":"x"}]}"#;
        let resp = json::from_str(doc).unwrap();
        let page = resp
            .page()
            .expect("the page members are not lost to the dump rule");
        assert_eq!(page.dts_job_list.len(), 1);
        let unknown: Vec<&str> = page.unknown.iter().map(|(k, _)| k).collect();
        assert_eq!(unknown, ["statusCode", "headers", "body"]);
    }

    #[test]
    fn each_row_counts_its_jobs_diagnostics() {
        let doc = r#"{"RequestId":"r","PageNumber":"one","DtsJobList":[{"DtsJobId":"a","JobType":"SYNC"},
            {"DtsJobId":"b","JobType":"SYNC","CreateTime":"bad","Status":"Nope"}]}"#;
        let resp = json::from_str(doc).unwrap();
        let counts: Vec<(String, i64, i64)> = export::rows("p", &resp, &Options::default())
            .into_iter()
            .map(|r| (r.pointer, r.errors, r.warnings))
            .collect();
        // the page's own (`/PageNumber`) is no job's
        assert_eq!(
            counts,
            [
                ("/DtsJobList/0".to_owned(), 0, 0),
                ("/DtsJobList/1".to_owned(), 1, 1)
            ]
        );
        assert_eq!(resp.validate().len(), 3);
    }
}
