//! Behaviour of the two front ends on small documents, table-driven.

use dts_job_detail::{
    ErrorKind, JobDetail, JobOrValue, Parser, Response, Scalar, Value, from_slice, json, xml,
};

fn detail(input: &str) -> JobDetail {
    match from_slice(input.as_bytes()) {
        Ok(Response::Detail(d)) => d,
        other => panic!("expected a detail for {input:?}, got {other:?}"),
    }
}

fn canonical(input: &str) -> String {
    match from_slice(input.as_bytes()) {
        Ok(r) => json::to_string(&r),
        Err(e) => panic!("{input:?}: {e}"),
    }
}

#[test]
fn same_canonical_json_from_both_forms() {
    let cases: &[(&str, &str, &str)] = &[
        (
            r#"{"Checkpoint":1616405159,"Delay":0,"Success":true}"#,
            "<DescribeDtsJobDetailResponse><Success>true</Success><Delay>0</Delay><Checkpoint>1616405159</Checkpoint></DescribeDtsJobDetailResponse>",
            r#"{"Checkpoint":1616405159,"Delay":0,"Success":true}"#,
        ),
        // numbers and booleans as strings
        (
            r#"{"Checkpoint":"1616405159","Code":"200","Success":"true","MaxDu":16}"#,
            "<DescribeDtsJobDetailResponse><Code>200</Code><Checkpoint>1616405159</Checkpoint><MaxDu>16.0</MaxDu><Success>TRUE</Success></DescribeDtsJobDetailResponse>",
            r#"{"Checkpoint":1616405159,"Code":200,"MaxDu":16,"Success":true}"#,
        ),
        // one element is a list of one; an empty JSON list is absent
        (
            r#"{"SubDistributedJob":[],"SubSyncJob":[{"TagList":[{"TagKey":"k"}]}]}"#,
            "<DescribeDtsJobDetailResponse><SubSyncJob><TagList><TagKey>k</TagKey></TagList></SubSyncJob></DescribeDtsJobDetailResponse>",
            r#"{"SubSyncJob":[{"TagList":[{"TagKey":"k"}]}]}"#,
        ),
        // interleaved repeated siblings accumulate in order
        (
            r#"{"PrecheckStatus":{"Detail":[{"CheckItem":"a"},{"CheckItem":"b"}],"Percent":"100","Status":"Finished"}}"#,
            "<DescribeDtsJobDetailResponse><PrecheckStatus><Detail><CheckItem>a</CheckItem></Detail><Status>Finished</Status><Detail><CheckItem>b</CheckItem></Detail><Percent>100</Percent></PrecheckStatus></DescribeDtsJobDetailResponse>",
            r#"{"PrecheckStatus":{"Detail":[{"CheckItem":"a"},{"CheckItem":"b"}],"Percent":"100","Status":"Finished"}}"#,
        ),
        // same name at two depths; nested items may be ids
        (
            r#"{"SubSyncJob":[{"DtsJobId":"a","SubSyncJob":["x","y"]},{"DtsJobId":"b"}]}"#,
            "<DescribeDtsJobDetailResponse><SubSyncJob><DtsJobId>a</DtsJobId><SubSyncJob>x</SubSyncJob><SubSyncJob>y</SubSyncJob></SubSyncJob><SubSyncJob><DtsJobId>b</DtsJobId></SubSyncJob></DescribeDtsJobDetailResponse>",
            r#"{"SubSyncJob":[{"DtsJobId":"a","SubSyncJob":["x","y"]},{"DtsJobId":"b"}]}"#,
        ),
        (
            r#"{"SubSyncJob":[{"ReverseJob":{"DtsJobId":"r","ReverseJob":"****"}}]}"#,
            "<DescribeDtsJobDetailResponse><SubSyncJob><ReverseJob><ReverseJob>****</ReverseJob><DtsJobId>r</DtsJobId></ReverseJob></SubSyncJob></DescribeDtsJobDetailResponse>",
            r#"{"SubSyncJob":[{"ReverseJob":{"DtsJobId":"r","ReverseJob":"****"}}]}"#,
        ),
        // text is not trimmed; entities, character references and CDATA decode
        (
            r#"{"ErrorMessage":" a <b> & \"c\" 中\n"}"#,
            "<DescribeDtsJobDetailResponse><ErrorMessage> a <![CDATA[<b>]]> &amp; &quot;c&quot; &#x4E2D;\n</ErrorMessage></DescribeDtsJobDetailResponse>",
            r#"{"ErrorMessage":" a <b> & \"c\" 中\n"}"#,
        ),
        // empty values: "" and null are present without a value
        (
            r#"{"Delay":"","ErrCode":"","Success":null,"DataSynchronizationStatus":{}}"#,
            "<DescribeDtsJobDetailResponse><Delay/><ErrCode></ErrCode><Success></Success><DataSynchronizationStatus></DataSynchronizationStatus></DescribeDtsJobDetailResponse>",
            r#"{"DataSynchronizationStatus":{},"Delay":null,"ErrCode":"","Success":null}"#,
        ),
        // invalid values are kept raw
        (
            r#"{"Delay":"12ms","Success":"yes","MaxDu":"lots"}"#,
            "<DescribeDtsJobDetailResponse><Delay>12ms</Delay><Success>yes</Success><MaxDu>lots</MaxDu></DescribeDtsJobDetailResponse>",
            r#"{"Delay":"12ms","MaxDu":"lots","Success":"yes"}"#,
        ),
        // unknown members kept in arrival order, after the known ones
        (
            r#"{"Zeta":"z","DtsJobId":"j","Alpha":{"B":"b"}}"#,
            "<DescribeDtsJobDetailResponse><Zeta>z</Zeta><DtsJobId>j</DtsJobId><Alpha><B>b</B></Alpha></DescribeDtsJobDetailResponse>",
            r#"{"DtsJobId":"j","Zeta":"z","Alpha":{"B":"b"}}"#,
        ),
        // repeated unknown XML siblings (and duplicate JSON keys) become an array
        (
            r#"{"Foo":"1","RequestId":"r","Bar":"x","Foo":"2"}"#,
            "<DescribeDtsJobDetailResponse><Foo>1</Foo><RequestId>r</RequestId><Bar>x</Bar><Foo>2</Foo></DescribeDtsJobDetailResponse>",
            r#"{"RequestId":"r","Foo":["1","2"],"Bar":"x"}"#,
        ),
        (
            r#"{"Foo":["1","2"],"RequestId":"r"}"#,
            "<DescribeDtsJobDetailResponse><Foo>1</Foo><RequestId>r</RequestId><Foo>2</Foo></DescribeDtsJobDetailResponse>",
            r#"{"RequestId":"r","Foo":["1","2"]}"#,
        ),
    ];
    for (json_in, xml_in, want) in cases {
        assert_eq!(canonical(json_in), *want, "json {json_in}");
        assert_eq!(canonical(xml_in), *want, "xml {xml_in}");
        let via_xml = xml::to_string(&from_slice(json_in.as_bytes()).unwrap()).unwrap();
        assert_eq!(canonical(&via_xml), *want, "json → xml → json {via_xml}");
    }
}

#[test]
fn xml_prolog_variants_are_accepted() {
    for doc in [
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><DescribeDtsJobDetailResponse><Delay>1</Delay></DescribeDtsJobDetailResponse>",
        "<?xml version='1.0' encoding='UTF-8'?>\n<DescribeDtsJobDetailResponse><Delay>1</Delay></DescribeDtsJobDetailResponse>\n",
        "\u{FEFF}<!-- saved --><DescribeDtsJobDetailResponse>\n  <Delay>1</Delay>\n</DescribeDtsJobDetailResponse>",
        "  \r\n<DescribeDtsJobDetailResponse xmlns=\"http://x\"><Delay>1<!-- c --></Delay></DescribeDtsJobDetailResponse>",
    ] {
        assert_eq!(canonical(doc), r#"{"Delay":1}"#, "{doc:?}");
    }
}

#[test]
fn gateway_envelopes_in_both_forms() {
    let json_in = r#"{"RequestId":"r","HostId":"dts.aliyuncs.com","Code":"Forbidden.InstanceNotFound","Message":"m","Recommend":"https://x?q=1&y=2"}"#;
    let xml_in = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><RequestId>r</RequestId><HostId>dts.aliyuncs.com</HostId><Code>Forbidden.InstanceNotFound</Code><Message>m</Message><Recommend>https://x?q=1&amp;y=2</Recommend></Error>";
    let a = from_slice(json_in.as_bytes()).unwrap();
    let b = from_slice(xml_in.as_bytes()).unwrap();
    assert_eq!(a, b);
    let env = a.envelope().expect("an envelope");
    assert_eq!(env.code.as_deref(), Some("Forbidden.InstanceNotFound"));
    assert_eq!(
        xml::to_string(&a).unwrap(),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>Forbidden.InstanceNotFound</Code>\
         <HostId>dts.aliyuncs.com</HostId><Message>m</Message><Recommend>https://x?q=1&amp;y=2</Recommend>\
         <RequestId>r</RequestId></Error>"
    );
    // A business error is a detail, not an envelope, even with a string Code.
    let biz = detail(r#"{"RequestId":"r","Success":false,"ErrCode":"InvalidParameter","Code":"400"}"#);
    assert_eq!(biz.success, Some(Scalar::Value(false)));
}

#[test]
fn sdk_dump_is_unwrapped() {
    let d = detail(
        r#"{"headers":{"content-type":"application/json"},"statusCode":200,"body":{"RequestId":"r","Delay":3}}"#,
    );
    assert_eq!(d.request_id.as_deref(), Some("r"));
    assert_eq!(d.delay, Some(Scalar::Value(3)));
    // a body saved as a string, even XML
    let d = detail(
        r#"{"statusCode":200,"body":"<DescribeDtsJobDetailResponse><Delay>4</Delay></DescribeDtsJobDetailResponse>"}"#,
    );
    assert_eq!(d.delay, Some(Scalar::Value(4)));
}

/// Model v3: a dump's body is read once, where it is. Members given twice
/// inside an object body are reported as in the bare body; a dump inside a
/// dump reads the same whether the inner body is an object or a string (as
/// a detail with the members it has: a dump is not nested); an error deep in
/// a pretty-printed body has the file's line and column.
#[test]
fn sdk_dump_body_in_one_pass() {
    let body = r#"{"RequestId":"r","Delay":1,"Delay":2,"SourceEndpoint":{"Port":"1","Port":"2"}}"#;
    let bare = detail(body);
    let wrapped = detail(&format!(r#"{{"headers":{{}},"statusCode":200,"body":{body}}}"#));
    assert_eq!(wrapped, bare);
    assert_eq!(bare.repeated_members(), ["/Delay", "/SourceEndpoint/Port"]);
    assert_eq!(wrapped.repeated_members(), bare.repeated_members());

    let inner = r#"{"headers":{},"statusCode":200,"body":{"DtsJobId":"j"}}"#;
    let as_object = detail(&format!(r#"{{"statusCode":200,"body":{inner}}}"#));
    let as_string = detail(&format!(
        r#"{{"statusCode":200,"body":{}}}"#,
        serde_json::to_string(inner).unwrap()
    ));
    assert_eq!(as_object, as_string);
    assert!(as_object.dts_job_id.is_none() && as_object.unknown.get("statusCode").is_some());
    assert_eq!(
        canonical(&format!(r#"{{"statusCode":200,"body":{inner}}}"#)),
        inner
    );

    let dump = "{\"statusCode\": 200,\n \"body\": {\n  \"RequestId\": \"r\",\n  \"SubSyncJob\": [\n   {\"Delay\": [1]}\n  ]\n }\n}";
    let e = from_slice(dump.as_bytes()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Shape);
    assert_eq!(e.path(), "/body/SubSyncJob/0/Delay");
    assert_eq!((e.line(), e.column()), (5, 14), "{e}");
}

#[test]
fn untyped_positions() {
    let d = detail(r#"{"ReverseJob":"****","SubSyncJob":[{"SubSyncJob":[{"DtsJobId":"n"}, "id", 7]}]}"#);
    assert_eq!(
        d.reverse_job,
        Some(JobOrValue::Value(Value::String("****".into())))
    );
    let inner = d.sub_sync_job[0].job().unwrap();
    assert_eq!(inner.sub_sync_job.len(), 3);
    assert_eq!(
        inner.sub_sync_job[0].job().unwrap().dts_job_id.as_deref(),
        Some("n")
    );
    // an array inside an untyped list stays an array; nothing is dropped
    let d = detail(r#"{"SubSyncJob":[["a",{"DtsJobId":"x"}],"",null]}"#);
    assert_eq!(d.sub_sync_job.len(), 3);
    let JobOrValue::List(items) = &d.sub_sync_job[0] else {
        panic!("{:?}", d.sub_sync_job)
    };
    assert_eq!(items[1].job().and_then(|j| j.dts_job_id.as_deref()), Some("x"));
    assert_eq!(d.sub_sync_job[1], JobOrValue::Value(Value::String(String::new())));
    assert_eq!(d.sub_sync_job[2], JobOrValue::Value(Value::Null));
    // a lone object where a list belongs is a list of one
    let d = detail(r#"{"TagList":{"TagKey":"k"},"SubDistributedJob":null}"#);
    assert_eq!(d.tag_list.len(), 1);
    assert!(d.sub_distributed_job.is_empty());
}

/// A blank string (or `null`) where an object or a list belongs is an empty
/// object, no list, or (in an untyped list) no item; a string with anything
/// but white space in it is the wrong shape.
#[test]
fn blank_strings_stand_for_empty_objects_and_lists() {
    let d = detail(
        r#"{"MigrationMode":" \t","SourceEndpoint":"","TagList":"  ","SubSyncJob":" ","SubDistributedJob":[" "]}"#,
    );
    assert_eq!(d.migration_mode.as_deref(), Some(&Default::default()));
    assert_eq!(d.source_endpoint.as_deref(), Some(&Default::default()));
    assert!(d.tag_list.is_empty());
    assert!(d.sub_sync_job.is_empty());
    assert_eq!(
        d.sub_distributed_job.len(),
        1,
        "a blank item of a typed list is an empty object"
    );
    assert_eq!(canonical(r#"{"MigrationMode":""}"#), r#"{"MigrationMode":{}}"#);
    for wrong in [
        r#"{"MigrationMode":" x "}"#,
        r#"{"TagList":"x"}"#,
        r#"{"SubDistributedJob":["x"]}"#,
    ] {
        let err = from_slice(wrong.as_bytes()).expect_err(wrong);
        assert_eq!(err.kind(), ErrorKind::Shape, "{wrong}: {err}");
    }
}

#[test]
fn wrong_shapes_fail_with_path_and_position() {
    let cases: &[(&str, ErrorKind, &str, (usize, usize))] = &[
        (r#"{"Delay": {"a": 1}}"#, ErrorKind::Shape, "/Delay", (1, 11)),
        (
            "{\n  \"SubSyncJob\": [{\"SourceEndpoint\": \"x\"}]\n}",
            ErrorKind::Shape,
            "/SubSyncJob/0/SourceEndpoint",
            (2, 37),
        ),
        (r#"{"Delay": 1"#, ErrorKind::Syntax, "", (1, 12)),
        ("[1]", ErrorKind::UnknownFormat, "", (1, 1)),
        ("null", ErrorKind::UnknownFormat, "", (1, 1)),
        (
            "<DescribeDtsJobDetailResponse>\n<SubSyncJob><Delay><a/></Delay></SubSyncJob></DescribeDtsJobDetailResponse>",
            ErrorKind::Shape,
            "/SubSyncJob/0/Delay",
            (2, 20),
        ),
        (
            "<DescribeDtsJobDetailResponse><SourceEndpoint>text</SourceEndpoint></DescribeDtsJobDetailResponse>",
            ErrorKind::Shape,
            "/SourceEndpoint",
            (1, 47),
        ),
        ("<A><B></A>", ErrorKind::Syntax, "/B", (1, 7)),
        (
            "<A><Delay>&lol;</Delay></A>",
            ErrorKind::Syntax,
            "/Delay",
            (1, 11),
        ),
        (
            "<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>",
            ErrorKind::Doctype,
            "",
            (1, 1),
        ),
        ("<A/><B/>", ErrorKind::Syntax, "", (1, 5)),
        ("hello", ErrorKind::UnknownFormat, "", (1, 1)),
    ];
    for (input, kind, path, (line, column)) in cases {
        let err = from_slice(input.as_bytes()).expect_err(input);
        assert_eq!(err.kind(), *kind, "{input}: {err}");
        if *line > 0 {
            assert_eq!(err.path(), *path, "{input}: {err}");
            assert_eq!((err.line(), err.column()), (*line, *column), "{input}: {err}");
        }
        assert!(!err.to_string().is_empty());
    }
}

/// A value of the wrong shape is named in the message by what it is, so a
/// reader of the error sees what the response held without opening it.
#[test]
fn a_wrong_shape_names_what_was_found() {
    let cases = [
        (r#"{"SourceEndpoint":1}"#, "expected an object, found a number"),
        (
            r#"{"SourceEndpoint":true}"#,
            "expected an object, found a boolean",
        ),
        (r#"{"SourceEndpoint":"x"}"#, "expected an object, found a string"),
        (r#"{"SourceEndpoint":[]}"#, "expected an object, found an array"),
        (
            r#"{"Delay":{"a":1}}"#,
            "expected a string, number, boolean or null, found an object",
        ),
        (
            r#"{"TagList":true}"#,
            "expected an array of objects, found a boolean",
        ),
    ];
    for (input, message) in cases {
        let err = from_slice(input.as_bytes()).expect_err(input);
        assert_eq!(
            (err.kind(), err.message()),
            (ErrorKind::Shape, message),
            "{input}"
        );
    }
}

#[test]
fn encodings() {
    let err = from_slice(b"{\"A\":\"\xFF\"}").unwrap_err();
    assert_eq!((err.kind(), err.offset()), (ErrorKind::Encoding, Some(6)));
    let err = from_slice(b"\xFF\xFE<\x00A\x00/\x00>\x00").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Encoding);
    let ok = from_slice(b"\xEF\xBB\xBF{\"Delay\":1}").unwrap();
    assert_eq!(json::to_string(&ok), r#"{"Delay":1}"#);
}

#[test]
fn unexpected_root_is_kept_or_refused_in_strict_mode() {
    let doc = "<DescribeSynchronizationJobsResponse><Delay>1</Delay></DescribeSynchronizationJobsResponse>";
    assert_eq!(canonical(doc), r#"{"Delay":1}"#);
    let err = Parser::new().strict(true).parse(doc.as_bytes()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Strict);
}

#[test]
fn limits() {
    let err = Parser::new()
        .max_size(10)
        .parse(br#"{"Delay":12345678}"#)
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Limit);
    let deep = format!("{}{}", r#"{"A":"#.repeat(5), "1}}}}}");
    assert!(Parser::new().max_depth(5).parse(deep.as_bytes()).is_ok());
    let err = Parser::new().max_depth(4).parse(deep.as_bytes()).unwrap_err();
    assert_eq!((err.kind(), err.path()), (ErrorKind::Limit, "/A/A/A/A"));
    // depth counts the canonical document's objects and arrays: the same
    // document nests as deep in XML (where the innermost <A> holds text)
    let deep_xml = format!("<R>{}1{}</R>", "<A>".repeat(5), "</A>".repeat(5));
    assert!(Parser::new().max_depth(5).parse(deep_xml.as_bytes()).is_ok());
    let err = Parser::new().max_depth(4).parse(deep_xml.as_bytes()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Limit);
}
