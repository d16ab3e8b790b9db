//! `schema`: every fixture's canonical JSON validates against the generated
//! JSON Schema, with a real validator; and the schema is not vacuous.

use std::path::{Path, PathBuf};

fn schema() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(&dts_job_detail::schema::json_schema()).unwrap();
    jsonschema::draft202012::new(&schema).unwrap()
}

/// The schema's first `if`: the condition under which a document is a list page.
fn page_condition() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(&dts_job_detail::schema::json_schema()).unwrap();
    jsonschema::draft202012::new(&schema["if"]).unwrap()
}

/// The schema's second `if`: the condition under which a document that is
/// no page is an envelope.
fn envelope_condition() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(&dts_job_detail::schema::json_schema()).unwrap();
    jsonschema::draft202012::new(&schema["else"]["if"]).unwrap()
}

fn documents(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            documents(&path, out);
        } else if matches!(path.extension().and_then(|e| e.to_str()), Some("json" | "xml")) {
            out.push(path);
        }
    }
}

#[test]
fn every_fixture_validates() {
    let validator = schema();
    let mut paths = Vec::new();
    documents(Path::new("fixtures"), &mut paths);
    let mut checked = 0;
    for path in paths {
        let Ok(resp) = dts_job_detail::from_slice(&std::fs::read(&path).unwrap()) else {
            continue;
        };
        let canonical: serde_json::Value =
            serde_json::from_str(&dts_job_detail::json::to_string(&resp)).unwrap();
        let errors: Vec<String> = validator.iter_errors(&canonical).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        checked += 1;
    }
    assert!(checked > 40, "{checked}");
}

#[test]
fn the_schema_refuses_what_canonical_json_never_holds() {
    let validator = schema();
    for bad in [
        r#"{"DtsJobId": 5}"#,                                    // text member as a number
        r#"{"Checkpoint": 1.5}"#,                                // integer member as a fraction
        r#"{"Success": 1}"#,                                     // boolean member as a number
        r#"{"SourceEndpoint": "x"}"#,                            // object member as a string
        r#"{"SubDistributedJob": {"DtsJobId": "j"}}"#,           // list member as an object
        r#"{"SubSyncJob": [{"Delay": {"a": 1}}]}"#,              // nested job with a wrong member
        r#"{"DataInitializationStatus": {"Percent": 100}}"#,     // stage percent is text
        r#"{"Code": "Forbidden", "Message": "m", "HostId": 5}"#, // an envelope's host is text
        r#"{"SubSyncJob": [{"Checkpoint": 1616405159}]}"#,       // a job object's Checkpoint is text
        r#"{"ReverseJob": {"Checkpoint": 1616405159}}"#,         // (model v3: typed by position)
    ] {
        let doc: serde_json::Value = serde_json::from_str(bad).unwrap();
        assert!(!validator.is_valid(&doc), "{bad}");
    }
    // unknown members are allowed, invalid values kept as their text too
    for good in [
        r#"{"FutureField": {"any": [1, 2]}}"#,
        r#"{"Checkpoint": "12x", "Success": null, "Delay": 3}"#,
        r#"{"Checkpoint": 7, "SubDistributedJob": [{"Checkpoint": "7"}], "ReverseJob": {"Checkpoint": null}}"#,
        r#"{"Code": "Forbidden.InstanceNotFound", "HostId": "dts.aliyuncs.com", "Message": "gone", "RequestId": "r"}"#,
    ] {
        let doc: serde_json::Value = serde_json::from_str(good).unwrap();
        assert!(validator.is_valid(&doc), "{good}");
    }
}

/// Whatever the reader accepts, its canonical JSON validates: in particular
/// around the rule that tells a gateway envelope from a detail (model v3,
/// finding 1: `{"RequestId":"r","HostId":{}}` is a detail, which the schema
/// took for a broken envelope).
mod reader_and_schema_agree {
    use proptest::prelude::*;

    fn member() -> impl Strategy<Value = String> {
        let value = prop_oneof![
            Just("\"x\"".to_owned()),
            Just("\"Forbidden.Denied\"".to_owned()),
            Just("403".to_owned()),
            Just("2.0".to_owned()),
            Just("1.5".to_owned()),
            Just("true".to_owned()),
            Just("null".to_owned()),
            Just("{}".to_owned()),
            Just("[1,2]".to_owned()),
            Just("{\"a\":[true]}".to_owned()),
            Just("[{\"DtsJobId\":\"a\",\"Checkpoint\":7}]".to_owned()),
        ];
        let name = prop::sample::select(&[
            "RequestId",
            "Code",
            "HostId",
            "Message",
            "Recommend",
            "Success",
            "Delay",
            "DtsJobId",
            "Extra",
            "PageNumber",
            "DtsJobList",
            "DynamicCode",
        ]);
        (name, value).prop_map(|(n, v)| format!("\"{n}\":{v}"))
    }

    proptest! {
        #[test]
        fn every_accepted_document_validates(members in prop::collection::vec(member(), 0..6)) {
            let doc = format!("{{{}}}", members.join(","));
            let validator = super::schema();
            if let Ok(resp) = dts_job_detail::from_slice(doc.as_bytes()) {
                let canonical: serde_json::Value =
                    serde_json::from_str(&dts_job_detail::json::to_string(&resp)).unwrap();
                let errors: Vec<String> = validator.iter_errors(&canonical).map(|e| e.to_string()).collect();
                prop_assert!(errors.is_empty(), "{doc} → {canonical}: {errors:?}");
                // and the schema's conditions decide as the reader did (both
                // read the rules from the tables' markers)
                let page = super::page_condition().is_valid(&canonical);
                prop_assert_eq!(page, resp.page().is_some(), "{} → {}", doc, canonical);
                if !page {
                    prop_assert_eq!(
                        super::envelope_condition().is_valid(&canonical),
                        resp.envelope().is_some(),
                        "{} → {}", doc, canonical
                    );
                }
            }
        }
    }

    #[test]
    fn the_cases_of_the_issue() {
        let validator = super::schema();
        for doc in [
            r#"{"RequestId":"r","HostId":{}}"#,
            r#"{"RequestId":"r","Message":[1,2]}"#,
        ] {
            let resp = dts_job_detail::from_slice(doc.as_bytes()).unwrap();
            assert!(resp.detail().is_some(), "{doc}");
            let canonical: serde_json::Value =
                serde_json::from_str(&dts_job_detail::json::to_string(&resp)).unwrap();
            assert!(validator.is_valid(&canonical), "{doc}");
        }
    }
}
