//! Property tests: canonical documents are fixed points in both forms, the two
//! forms of one model parse to that model, scalar spellings do not matter, and
//! no input panics.

use dts_job_detail::{
    Endpoint, JobDetail, JobOrValue, Open, PrecheckDetail, PrecheckStatus, Response, RetryState, Scalar, Tag,
    UnknownFields, Value, from_slice, json, xml,
};
use proptest::collection::{btree_map, vec};
use proptest::prelude::*;

/// Text XML 1.0 can carry (no C0 controls but tab and line ends, a
/// documented gap), with markup characters, CDATA terminators, line ends,
/// non-ASCII and edge spaces.
fn text() -> BoxedStrategy<String> {
    prop_oneof![
        "[a-zA-Z0-9 ]{0,12}",
        "[ <>&\"'\\]\\n\\r\\ta-z\u{4e2d}\u{e9}\u{1F600}\u{FFFD}]{0,16}",
        Just("]]>".to_owned()),
        Just("  padded  ".to_owned()),
    ]
    .boxed()
}

/// A text member's value.
fn member_text() -> BoxedStrategy<dts_job_detail::model::Str> {
    text().prop_map(dts_job_detail::model::Str::from).boxed()
}

fn opt<T: std::fmt::Debug + Clone + 'static>(
    s: impl Strategy<Value = T> + 'static,
) -> BoxedStrategy<Option<T>> {
    prop_oneof![1 => Just(None), 3 => s.prop_map(Some)].boxed()
}

/// Raw text that none of the scalar readers accepts.
fn invalid() -> impl Strategy<Value = String> {
    "x[a-z%]{0,5}"
}

fn int() -> impl Strategy<Value = Scalar<i64>> {
    prop_oneof![
        4 => any::<i64>().prop_map(Scalar::Value),
        1 => Just(Scalar::Empty),
        1 => invalid().prop_map(Scalar::Invalid),
    ]
}

fn boolean() -> impl Strategy<Value = Scalar<bool>> {
    prop_oneof![
        4 => any::<bool>().prop_map(Scalar::Value),
        1 => Just(Scalar::Empty),
        1 => invalid().prop_map(Scalar::Invalid),
    ]
}

fn float() -> impl Strategy<Value = Scalar<f64>> {
    prop_oneof![
        2 => (-1_000_000i64..1_000_000).prop_map(|n| Scalar::Value(n as f64)),
        2 => any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Scalar::Value),
        1 => Just(Scalar::Empty),
        1 => invalid().prop_map(Scalar::Invalid),
    ]
}

fn open<E: 'static>(known: &'static [&'static str]) -> impl Strategy<Value = Open<E>> {
    prop_oneof![prop::sample::select(known).prop_map(str::to_owned), text()].prop_map(Open::new)
}

/// Unknown members XML can carry: unique XML names, string or object values.
fn unknown() -> impl Strategy<Value = UnknownFields> {
    let leaf = text().prop_map(Value::String).boxed();
    let value = prop_oneof![
        3 => leaf.clone(),
        1 => btree_map("Ux[a-z]{1,4}", leaf, 1..3).prop_map(|m| Value::Object(m.into_iter().collect())),
    ];
    btree_map("Zz[A-Za-z0-9_]{0,6}", value, 0..3).prop_map(|m| UnknownFields(m.into_iter().collect()))
}

fn endpoint() -> impl Strategy<Value = Endpoint> {
    (
        opt(member_text()),
        opt(member_text()),
        opt(boolean()),
        opt(open(&["DISABLE", "ENABLE_ONLY_4_MONGODB_ALTAS"])),
        unknown(),
    )
        .prop_map(|(ip, port, can_modify, ssl, unknown)| {
            let mut e = Endpoint::default();
            e.ip = ip;
            e.port = port;
            e.can_modify_password = can_modify;
            e.ssl_solution_enum = ssl;
            e.unknown = unknown;
            e
        })
}

fn tag() -> impl Strategy<Value = Tag> {
    (opt(member_text()), opt(int()), opt(member_text())).prop_map(|(key, id, created)| {
        let mut t = Tag::default();
        t.tag_key = key;
        t.id = id;
        t.gmt_create = created;
        t
    })
}

fn precheck() -> impl Strategy<Value = PrecheckStatus> {
    (
        opt(member_text()),
        vec((opt(member_text()), opt(open(&["Success", "Failed"]))), 0..3),
    )
        .prop_map(|(status, details)| {
            let mut p = PrecheckStatus::default();
            p.status = status;
            p.detail = details
                .into_iter()
                .map(|(item, result)| {
                    let mut d = PrecheckDetail::default();
                    d.check_item = item;
                    d.check_result = result;
                    d
                })
                .collect();
            p
        })
}

fn retry() -> impl Strategy<Value = RetryState> {
    (opt(member_text()), opt(int()), opt(boolean())).prop_map(|(module, count, retrying)| {
        let mut r = RetryState::default();
        r.module = module;
        r.retry_count = count;
        r.retrying = retrying;
        r
    })
}

/// A job (depth ≤ `depth`), as any position of the response holds it.
fn job(depth: u32) -> BoxedStrategy<JobDetail> {
    let scalars = (
        (
            opt(member_text()),
            opt(boolean()),
            opt(int()),
            opt(int()),
            opt(int()),
            opt(float()),
        ),
        (
            opt(member_text()),
            opt(open(&["sync", "SUBSCRIBE", "online"])),
            opt(open(&["PrePaid", "PostPaid"])),
            opt(member_text()),
        ),
    );
    let shapes = (
        opt(endpoint().prop_map(Box::new)),
        vec(tag(), 0..3),
        opt(precheck().prop_map(Box::new)),
        opt(retry().prop_map(Box::new)),
        unknown(),
    );
    let leaf = (scalars, shapes).prop_map(
        |(
            ((request_id, success, code, delay, checkpoint, max_du), (status, job_type, pay_type, error)),
            shapes,
        )| {
            let (source, tags, precheck, retry, unknown) = shapes;
            let mut j = JobDetail::default();
            j.request_id = request_id;
            j.success = success;
            j.code = code;
            j.delay = delay;
            j.checkpoint = checkpoint;
            j.max_du = max_du;
            j.status = status;
            j.job_type = job_type;
            j.pay_type = pay_type;
            j.error_message = error;
            j.source_endpoint = source;
            j.tag_list = tags;
            j.precheck_status = precheck;
            j.retry_state = retry;
            j.unknown = unknown;
            j
        },
    );
    if depth == 0 {
        return leaf.boxed();
    }
    let nested = prop_oneof![
        2 => job(depth - 1).prop_map(|j| JobOrValue::Job(Box::new(j))),
        1 => "[a-z0-9*]{1,8}".prop_map(|id| JobOrValue::Value(Value::String(id))),
    ]
    .boxed();
    (
        leaf,
        vec(nested.clone(), 0..3),
        vec(job(depth - 1), 0..2),
        opt(nested),
    )
        .prop_map(|(mut j, sync, distributed, reverse)| {
            j.sub_sync_job = sync;
            j.sub_distributed_job = distributed;
            j.reverse_job = reverse;
            j
        })
        .boxed()
}

/// Checks a generated document with an independent reader (serde_json,
/// roxmltree) before the crate reads it, so a generator that writes what its
/// form does not allow fails as a generator bug, not as a parser bug.
fn independent(doc: &str) -> Result<(), TestCaseError> {
    let refusal = if doc.starts_with('<') {
        roxmltree::Document::parse(doc).err().map(|e| e.to_string())
    } else {
        serde_json::from_str::<serde::de::IgnoredAny>(doc)
            .err()
            .map(|e| e.to_string())
    };
    match refusal {
        None => Ok(()),
        Some(e) => Err(TestCaseError::fail(format!(
            "generator bug: not well-formed ({e}): {doc}"
        ))),
    }
}

/// A float with two shortest spellings (its value lies halfway between
/// them): canonical JSON writes one, serde's `Serialize` (through
/// serde_json) the other, and both read back as the same float. Found by
/// `both_forms_of_a_model_parse_to_it` when the test still read through
/// serde_json's inexact float reading.
#[test]
fn both_writers_spell_a_float_as_the_same_value() {
    for text in ["-1368135986874958.2", "-1368135986874958.3", "0.1", "1e300", "16"] {
        let resp = parse(&format!(r#"{{"MaxDu":{text}}}"#));
        let canonical: serde_json::Value = serde_json::from_str(&json::to_string(&resp)).expect("JSON");
        let serialized: serde_json::Value =
            serde_json::from_str(&serde_json::to_string(&resp).expect("serializable")).expect("JSON");
        assert_eq!(serialized, canonical, "{text}");
        let expected: f64 = text.parse().expect("a float");
        assert_eq!(canonical["MaxDu"].as_f64(), Some(expected), "{text}");
    }
}

/// The generated JSON Schema, compiled once.
static SCHEMA: std::sync::LazyLock<jsonschema::Validator> = std::sync::LazyLock::new(|| {
    let schema: serde_json::Value =
        serde_json::from_str(&dts_job_detail::schema::json_schema()).expect("the schema is JSON");
    jsonschema::draft202012::new(&schema).expect("the schema compiles")
});

fn parse(text: &str) -> Response {
    from_slice(text.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

proptest! {
    // 256 cases by default; PROPTEST_CASES raises it for longer runs.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
    ))]

    #[test]
    fn both_forms_of_a_model_parse_to_it(model in job(2)) {
        let resp = Response::Detail(model);
        let j = json::to_string(&resp);
        let x = xml::to_string(&resp).expect("generated text is XML 1.0 text");
        independent(&j)?;
        independent(&x)?;
        let from_json = parse(&j);
        let from_xml = parse(&x);
        prop_assert_eq!(&from_json, &resp, "JSON form: {}", j);
        prop_assert_eq!(&from_xml, &resp, "XML form: {}", x);
        prop_assert_eq!(json::to_string(&from_json), j.clone(), "JSON → model → JSON");
        prop_assert_eq!(xml::to_string(&from_xml).ok(), Some(x), "XML → model → XML");
        prop_assert_eq!(json::to_string(&from_xml), j.clone(), "XML → model → JSON");
        // model v3: canonical JSON validates against the schema, and serde's
        // Serialize writes the same tree (both follow the table's markers)
        let tree: serde_json::Value = serde_json::from_str(&j).expect("canonical JSON is JSON");
        let errors: Vec<String> = SCHEMA.iter_errors(&tree).map(|e| format!("{e} at {}", e.instance_path())).collect();
        prop_assert!(errors.is_empty(), "{:?}: {}", errors, j);
        // (both through serde_json's reader, whose float parsing is not exact)
        let serialized = serde_json::to_string(&resp).expect("serializable");
        let serialized: serde_json::Value = serde_json::from_str(&serialized).expect("JSON");
        prop_assert_eq!(serialized, tree, "Serialize ≠ json::to_string");
    }

    #[test]
    fn scalar_spelling_does_not_matter(n in any::<i64>(), member in prop::sample::select(&["Checkpoint", "Delay", "Code", "HttpStatusCode", "DatabaseCount"])) {
        let number = format!("{{\"{member}\":{n}}}");
        let string = format!("{{\"{member}\":\"{n}\"}}");
        let spaced = format!("{{\"{member}\":\" {n} \"}}");
        let element = format!("<DescribeDtsJobDetailResponse><{member}>{n}</{member}></DescribeDtsJobDetailResponse>");
        for doc in [&number, &string, &spaced, &element] {
            independent(doc)?;
        }
        let want = parse(&number);
        prop_assert_eq!(&parse(&string), &want);
        prop_assert_eq!(&parse(&spaced), &want);
        prop_assert_eq!(&parse(&element), &want);
        prop_assert_eq!(json::to_string(&want), number);
    }

    #[test]
    fn any_bytes_are_ok_or_err(bytes in vec(any::<u8>(), 0..512)) {
        let _ = from_slice(&bytes).map(|r| r.validate());
    }

    #[test]
    fn any_markup_is_ok_or_err(text in "[{}\\[\\]<>/\"':,=&;!?# \\n\\ta-zA-Z0-9.\\-\\\\]{0,256}") {
        if let Ok(resp) = from_slice(text.as_bytes()) {
            let _ = resp.validate();
            let _ = xml::to_string(&resp);
        }
    }
}
