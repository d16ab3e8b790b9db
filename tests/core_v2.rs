//! One test per finding of the core v2 review: each input failed on 0.1 and
//! must pass now. (Memory is measured in `tests/memory.rs`, the number
//! property in `tests/numbers.rs`, the layering in `tests/architecture.rs`.)

use std::io::{self, Write};
use std::time::Duration;

use dts_job_detail::{
    Error, ErrorKind, Format, JobOrValue, Options, Parser, Response, Scalar, TaskKind, Value, from_slice,
    json, xml,
};

fn detail(input: &str) -> dts_job_detail::JobDetail {
    match from_slice(input.as_bytes()) {
        Ok(Response::Detail(d)) => d,
        other => panic!("expected a detail for {input:?}, got {other:?}"),
    }
}

fn err(input: &str) -> Error {
    from_slice(input.as_bytes()).expect_err(input)
}

/// Finding 1: Numbers keep their digits, and no number makes a document unreadable.
#[test]
fn finding_01_numbers_keep_their_digits() {
    let d = detail(
        r#"{"Checkpoint":123456789012345678901234,"Foo":123456789012345678901234567890,
            "Delay":1e400,"MaxDu":1E400,"Code":-0,"DatabaseCount":1e3,"HttpStatusCode":2.0}"#,
    );
    assert_eq!(
        d.checkpoint,
        Some(Scalar::Invalid("123456789012345678901234".into()))
    );
    assert_eq!(d.delay, Some(Scalar::Invalid("1e400".into())));
    assert_eq!(d.max_du, Some(Scalar::Invalid("1E400".into())));
    assert_eq!(d.code, Some(Scalar::Value(0)), "-0 is 0");
    assert_eq!(d.database_count, Some(Scalar::Value(1000)), "1e3 is 1000");
    assert_eq!(d.http_status_code, Some(Scalar::Value(2)), "2.0 is 2");
    let canonical = json::to_string(&d);
    assert!(
        canonical.contains(r#""Foo":123456789012345678901234567890"#),
        "an unknown number is written with its digits: {canonical}"
    );
    assert!(
        canonical.contains(r#""Checkpoint":"123456789012345678901234""#),
        "{canonical}"
    );
    // the same document as XML means the same
    let x = xml::to_string(&d).unwrap();
    assert_eq!(
        json::to_string(&xml::from_str(&x).unwrap()),
        canonical.replace(
            r#""Foo":123456789012345678901234567890"#,
            r#""Foo":"123456789012345678901234567890""#,
        )
    );
    let codes: Vec<_> = d
        .validate()
        .into_iter()
        .map(|x| (x.path, x.code.as_str()))
        .collect();
    assert!(codes.contains(&("/Delay".into(), "invalid-number")), "{codes:?}");
    assert!(
        !codes.iter().any(|(p, _)| p == "/Code" || p == "/DatabaseCount"),
        "{codes:?}"
    );
}

/// Finding 3: Options are not data: the same bytes give equal models, and an
/// override reaches every accessor of every job.
#[test]
fn finding_03_options_are_not_data() {
    let input = br#"{"RequestId":"r","Delay":4,"SubSyncJob":[{"Delay":5,"ReverseJob":{"Delay":6}}]}"#;
    let plain = Parser::new().parse(input).unwrap();
    let parser = Parser::new().strict(true).task_kind(TaskKind::Synchronization);
    let told = parser.parse(input).unwrap();
    assert_eq!(plain, told);
    let detail = told.detail().unwrap();
    assert_eq!(detail.delay(), None, "without options the kind is unknown");
    let delays: Vec<_> = detail
        .job_with(parser.options())
        .with_sub_jobs()
        .map(|j| (j.pointer().to_owned(), j.task_kind(), j.delay()))
        .collect();
    assert_eq!(
        delays,
        [
            ("".into(), TaskKind::Synchronization, Some(Duration::from_secs(4))),
            (
                "/SubSyncJob/0".into(),
                TaskKind::Synchronization,
                Some(Duration::from_secs(5))
            ),
            (
                "/SubSyncJob/0/ReverseJob".into(),
                TaskKind::Synchronization,
                Some(Duration::from_secs(6))
            ),
        ]
    );
    let migration = Options::new().task_kind(TaskKind::Migration);
    let last = detail.job_with(&migration).sub_jobs().last().unwrap();
    assert_eq!(last.delay(), Some(Duration::from_millis(6)));
}

/// Finding 4: Format-named entry points read their format only.
#[test]
fn finding_04_format_named_entry_points_do_not_sniff() {
    let e = json::from_str("<Error><Code>X</Code></Error>").unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnknownFormat);
    let e = xml::from_str(r#"{"RequestId":"r"}"#).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::UnknownFormat);
    assert!(Parser::new().parse_as(Format::Xml, "  <Error/>").is_ok());
    assert!(json::from_slice(b"\xEF\xBB\xBF{}").is_ok());
}

/// Finding 5: One pass per document: positions inside an SDK dump point into the
/// file, a body reads as it would bare, and `{"body":null}` is readable.
#[test]
fn finding_05_sdk_dumps_read_in_one_pass() {
    let dump = "{\n  \"headers\": {\"content-type\": \"application/json\"},\n  \"statusCode\": 200,\n  \
                \"body\": {\n    \"RequestId\": \"r\",\n    \"Delay\": {\"x\": 1}\n  }\n}\n";
    let e = err(dump);
    assert_eq!((e.kind(), e.path()), (ErrorKind::Shape, "/body/Delay"));
    assert_eq!((e.line(), e.column()), (6, 14), "{e}");

    let body = r#"{"RequestId":"r","Delay":1,"Delay":2,"Foo":1,"Foo":{"a":[1]}}"#;
    let bare = from_slice(body.as_bytes()).unwrap();
    let wrapped =
        from_slice(format!(r#"{{"headers":{{}},"statusCode":200,"body":{body}}}"#).as_bytes()).unwrap();
    assert_eq!(wrapped, bare);
    assert_eq!(bare.detail().unwrap().delay, Some(Scalar::Value(2)));

    let d = detail(r#"{"body":null}"#);
    assert_eq!(d.unknown.get("body"), Some(&Value::Null));
    let d = detail(r#"{"statusCode":"200","body":{"RequestId":"r"}}"#);
    assert!(d.request_id.is_none(), "statusCode must be a number for a dump");

    let env = from_slice(
        br#"{"statusCode":403,"body":{"RequestId":"r","HostId":"h","Code":"Forbidden.X","Message":"m"}}"#,
    )
    .unwrap();
    assert_eq!(
        env.envelope().and_then(|e| e.code.as_deref()),
        Some("Forbidden.X")
    );

    // a body saved as a string: the error's position is in the file
    let text = r#"{"statusCode":200,"body":"{\"RequestId\":\"r\",\"Delay\":{}}"}"#;
    let e = err(text);
    assert_eq!(e.kind(), ErrorKind::Shape);
    assert_eq!(
        text.get(e.offset().unwrap()..e.offset().unwrap() + 2),
        Some("{}"),
        "{e}"
    );
}

/// Finding 6: `Deserialize`: embed the model in your own types.
#[test]
fn finding_06_deserialize() {
    #[derive(serde::Deserialize)]
    struct Saved {
        response: Response,
        job: dts_job_detail::JobDetail,
    }
    let saved: Saved = serde_json::from_str(
        r#"{"response":{"RequestId":"r","HostId":"h","Code":"Forbidden","Message":"m"},
            "job":{"Delay":"5","SubSyncJob":[{"DtsJobId":"s"},"id"],"Zed":[1,2]}}"#,
    )
    .unwrap();
    assert!(saved.response.envelope().is_some());
    assert_eq!(saved.job.delay, Some(Scalar::Value(5)));
    assert_eq!(
        saved.job,
        json::from_str(r#"{"Delay":"5","SubSyncJob":[{"DtsJobId":"s"},"id"],"Zed":[1,2]}"#)
            .unwrap()
            .into_detail()
            .unwrap()
    );
    let value = serde_json::json!({"statusCode": 200, "body": {"RequestId": "r", "Success": "true"}});
    let resp: Response = serde_json::from_value(value).unwrap();
    assert_eq!(resp.detail().unwrap().success, Some(Scalar::Value(true)));
    let e = serde_json::from_str::<Response>(r#"{"Delay":{"a":1}}"#).unwrap_err();
    assert!(
        e.to_string()
            .contains("expected a string, number, boolean or null"),
        "{e}"
    );
}

/// Finding 7: Writers report failures.
#[test]
fn finding_07_writers_return_errors() {
    struct Full;
    impl Write for Full {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::other("no space left on device"))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
    let resp = json::from_str(r#"{"RequestId":"r","ErrorMessage":"bell \u0007"}"#).unwrap();
    assert_eq!(json::to_writer(Full, &resp).unwrap_err().kind(), ErrorKind::Io);
    assert_eq!(
        xml::to_string(&resp).unwrap_err().kind(),
        ErrorKind::Unrepresentable
    );
    assert_eq!(
        xml::to_writer(Vec::new(), &resp).unwrap_err().kind(),
        ErrorKind::Unrepresentable
    );
    let bad_name = json::from_str(r#"{"a b":1}"#).unwrap();
    assert_eq!(
        xml::to_string(&bad_name).unwrap_err().kind(),
        ErrorKind::Unrepresentable
    );
}

/// Finding 8: Error pointers resolve in the input as given, list indexes included.
#[test]
fn finding_08_error_pointers_count_input_indexes() {
    assert_eq!(err(r#"{"TagList":[null,{"Id":{}}]}"#).path(), "/TagList/1/Id");
    assert_eq!(
        err(r#"{"SubSyncJob":[{"SubSyncJob":[["a"],{"Delay":{}}]}]}"#).path(),
        "/SubSyncJob/0/SubSyncJob/1/Delay"
    );
    let e = err("<R><SubSyncJob/><SubSyncJob><Delay><a/></Delay></SubSyncJob></R>");
    assert_eq!(e.path(), "/SubSyncJob/1/Delay");
    let e = err("<R><TagList/><Foo>1</Foo><Foo><a>1</a><a><b/>x</a></Foo></R>");
    assert_eq!(e.path(), "/Foo/1/a/1");
}

/// Finding 9: Untyped positions keep any value; repeated ones accumulate.
#[test]
fn finding_09_untyped_positions_keep_everything() {
    let d = detail(r#"{"ReverseJob":["****",{"DtsJobId":"r"}]}"#);
    let Some(JobOrValue::List(items)) = &d.reverse_job else {
        panic!("{:?}", d.reverse_job)
    };
    assert_eq!(items[0], JobOrValue::Value(Value::String("****".into())));
    assert_eq!(items[1].job().and_then(|j| j.dts_job_id.as_deref()), Some("r"));

    let xml_doc = detail("<R><ReverseJob><DtsJobId>a</DtsJobId></ReverseJob><ReverseJob>b</ReverseJob></R>");
    let json_doc = detail(r#"{"ReverseJob":{"DtsJobId":"a"},"ReverseJob":"b"}"#);
    assert_eq!(xml_doc.reverse_job, json_doc.reverse_job);
    assert!(matches!(&xml_doc.reverse_job, Some(JobOrValue::List(v)) if v.len() == 2));

    let d = detail(r#"{"ReverseJob":"  "}"#);
    assert_eq!(d.reverse_job, Some(JobOrValue::Value(Value::String("  ".into()))));
}

/// Finding 10: One envelope rule for both forms: a detail with `Code` and `Message`
/// stays a detail through every round trip.
#[test]
fn finding_10_one_envelope_rule() {
    let xml_in = "<DescribeDtsJobDetailResponse><RequestId>r</RequestId><Code>403</Code>\
                  <Message>denied</Message></DescribeDtsJobDetailResponse>";
    let resp = xml::from_str(xml_in).unwrap();
    let d = resp.detail().expect("a detail");
    assert_eq!(d.code, Some(Scalar::Value(403)));
    let canonical = json::to_string(&resp);
    let back = json::from_str(&canonical).unwrap();
    assert_eq!(back, resp);
    assert!(
        xml::to_string(&back)
            .unwrap()
            .contains("<DescribeDtsJobDetailResponse>")
    );
    assert_eq!(back.validate(), resp.validate());
    // the gateway's own envelope in either form, whatever the root says
    for doc in [
        r#"{"RequestId":"r","HostId":"h","Code":"Forbidden.X","Message":"m"}"#,
        "<Error><RequestId>r</RequestId><HostId>h</HostId><Code>Forbidden.X</Code><Message>m</Message></Error>",
    ] {
        assert!(from_slice(doc.as_bytes()).unwrap().envelope().is_some(), "{doc}");
    }
}

fn nested_sub_sync_xml(levels: usize) -> String {
    format!(
        "<DescribeDtsJobDetailResponse>{}<DtsJobId>x</DtsJobId>{}</DescribeDtsJobDetailResponse>",
        "<SubSyncJob>".repeat(levels),
        "</SubSyncJob>".repeat(levels)
    )
}

/// Finding 11: One depth rule for both forms, and no stack overflow at any limit.
#[test]
fn finding_11_one_depth_rule() {
    // each nested SubSyncJob is an array and an object of the canonical JSON
    let ok = xml::from_str(&nested_sub_sync_xml(63)).unwrap();
    let canonical = json::to_string(&ok);
    assert_eq!(
        json::from_str(&canonical).unwrap(),
        ok,
        "its canonical JSON reads back"
    );
    assert_eq!(xml::from_str(&xml::to_string(&ok).unwrap()).unwrap(), ok);
    let e = xml::from_str(&nested_sub_sync_xml(64)).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Limit);
    let deeper = canonical
        .replacen(r#""SubSyncJob":["#, r#""SubSyncJob":[{"SubSyncJob":["#, 1)
        .replacen("]}", "]}]}", 1);
    assert_eq!(json::from_str(&deeper).unwrap_err().kind(), ErrorKind::Limit);

    // a lone object where a list belongs is as deep as its canonical array
    let lone = r#"{"TagList":{"TagKey":"k"}}"#;
    assert_eq!(
        Parser::new()
            .max_depth(2)
            .parse(lone.as_bytes())
            .unwrap_err()
            .kind(),
        ErrorKind::Limit
    );
    assert!(Parser::new().max_depth(3).parse(lone.as_bytes()).is_ok());
}

#[test]
fn finding_11_deepest_documents_on_a_small_stack() {
    let run = || {
        let parser = Parser::new().max_depth(usize::MAX);
        let ceiling = dts_job_detail::MAX_DEPTH_CEILING;
        let jobs = nested_sub_sync_xml((ceiling - 1) / 2);
        let objects = format!(
            "<R>{}1{}</R>",
            "<A>".repeat(ceiling - 1),
            "</A>".repeat(ceiling - 1)
        );
        let arrays = format!(
            "{{\"A\":{}1{}}}",
            "[".repeat(ceiling - 1),
            "]".repeat(ceiling - 1)
        );
        for doc in [jobs, objects, arrays] {
            let resp = parser.parse(doc.as_bytes()).unwrap();
            let _ = resp.validate();
            let j = json::to_string(&resp);
            let again = parser.parse(j.as_bytes()).unwrap();
            assert!(json::to_string(&again) == j, "canonical JSON reads back");
            let _ = xml::to_string(&resp);
            let _ = serde_json::to_string(&resp).unwrap();
            let copy = resp.clone();
            assert!(copy == resp);
            assert!(format!("{copy:?}").len() > doc.len());
        }
        let too_deep = nested_sub_sync_xml(3000);
        assert_eq!(
            parser.parse(too_deep.as_bytes()).unwrap_err().kind(),
            ErrorKind::Limit
        );
    };
    std::thread::Builder::new()
        .stack_size(256 << 10)
        .spawn(run)
        .unwrap()
        .join()
        .expect("no stack overflow on a 256 KiB stack");
}

#[test]
fn every_walked_job_is_found_at_its_pointer() {
    for name in ["sync_subjobs", "distributed", "change_tracking", "migration"] {
        for ext in ["json", "xml"] {
            let bytes = std::fs::read(format!("fixtures/{name}.{ext}")).unwrap();
            let resp = dts_job_detail::from_slice(&bytes).unwrap();
            let top = resp.detail().unwrap();
            for job in top.job().with_sub_jobs() {
                let found = top.job_at(job.pointer()).unwrap();
                assert!(
                    std::ptr::eq(found, job.detail()),
                    "{name}.{ext} {}",
                    job.pointer()
                );
            }
        }
    }
    // a list inside an untyped position
    let resp =
        dts_job_detail::json::from_str(r#"{"SubSyncJob":[[{"DtsJobId":"x"},{"DtsJobId":"y"}]]}"#).unwrap();
    let top = resp.detail().unwrap();
    let pointers: Vec<String> = top.job().sub_jobs().map(|j| j.pointer().to_owned()).collect();
    assert_eq!(pointers, ["/SubSyncJob/0/0", "/SubSyncJob/0/1"]);
    assert_eq!(
        top.job_at("/SubSyncJob/0/1")
            .and_then(|j| j.dts_job_id.as_deref()),
        Some("y")
    );
    assert!(top.job_at("/SubSyncJob/0").is_none());
}
