#![allow(dead_code)] // each target uses some of these checks
//! The properties the fuzz targets assert, shared with
//! `tests/fuzz_regressions.rs` (included there with `#[path]`).

use dts_job_detail::{ErrorKind, Format, Parser, from_slice, json, xml};

/// Whatever parses must write canonical JSON that reads back to the same
/// bytes (a fixed point), and canonical XML that does too unless a value
/// cannot be XML (then the writer says so); validating must not panic.
pub fn roundtrip(data: &[u8]) {
    let Ok(resp) = from_slice(data) else { return };
    let _ = resp.validate();
    let j1 = json::to_string(&resp);
    let again = match from_slice(j1.as_bytes()) {
        Ok(r) => r,
        Err(e) => panic!("canonical JSON does not read back: {e}\n{j1}"),
    };
    assert_eq!(json::to_string(&again), j1, "canonical JSON is not a fixed point");
    let x1 = match xml::to_string(&resp) {
        Ok(x) => x,
        Err(e) => {
            assert_eq!(e.kind(), ErrorKind::Unrepresentable, "{e}");
            return;
        }
    };
    let back = match from_slice(x1.as_bytes()) {
        Ok(r) => r,
        Err(e) => panic!("canonical XML does not read back: {e}\n{x1}"),
    };
    assert_eq!(
        xml::to_string(&back).ok(),
        Some(x1),
        "canonical XML is not a fixed point"
    );
}

/// The JSON reader accepts the syntax serde_json accepts: where serde_json
/// reads a value, the crate fails on nothing but the response's shape or a
/// limit; where the crate reads a document, serde_json reads it too — but for
/// the crate's documented leniencies: a byte-order mark, numbers beyond
/// `f64` (kept as text), nesting deeper than serde_json's 128.
pub fn json_agrees_with_serde(text: &str) {
    let bare = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    // `Value`, not `IgnoredAny`: ignoring a string skips its escapes unchecked
    let theirs = serde_json::from_str::<serde_json::Value>(bare);
    let lenient = theirs.as_ref().is_err_and(|t| {
        let t = t.to_string();
        t.contains("number out of range") || t.contains("recursion limit")
    });
    match Parser::new().parse_as(Format::Json, text) {
        Ok(_) => assert!(
            theirs.is_ok() || lenient,
            "accepted what serde_json refuses: {theirs:?}\n{text}"
        ),
        Err(e) if e.kind() == ErrorKind::Syntax => {
            assert!(theirs.is_err(), "refused what serde_json accepts: {e}\n{text}");
        }
        Err(_) => {}
    }
}

/// XML attributes, anywhere: the start tags of the root and of a member, a
/// nested job and an unknown element carry `attributes` as the fuzzer wrote
/// them. Whatever roxmltree (an independent, strict reader) finds
/// well-formed, the crate does not refuse as malformed; what the crate
/// reads reports each attribute it saw once, with a pointer.
pub fn xml_attributes(attributes: &str) {
    let doc = format!(
        "<DescribeDtsJobDetailResponse{attributes}><RequestId{attributes}>r</RequestId>\
         <SubSyncJob{attributes}><Status{attributes}>x</Status></SubSyncJob>\
         <Unknown{attributes}><Inner{attributes}/></Unknown></DescribeDtsJobDetailResponse>"
    );
    let ours = from_slice(doc.as_bytes());
    if roxmltree::Document::parse(&doc).is_ok()
        && !refers_to_a_non_character(attributes)
        && let Err(e) = &ours
    {
        // roxmltree takes a name with `xmlns` in it given twice (`xmlns="a"
        // xmlns="b"`, `:xmlns=… :xmlns=…`: it reads them as namespace
        // declarations), which XML 1.0 makes a duplicate attribute: the crate
        // refuses it, rightly
        let message = e.to_string();
        let twice = message
            .split_once("the attribute \"")
            .and_then(|(_, rest)| rest.split_once("\" is given twice"))
            .map(|(name, _)| name);
        let namespace_twice = twice.is_some_and(|name| name.contains("xmlns"));
        assert!(
            e.kind() != ErrorKind::Syntax || namespace_twice,
            "refused what roxmltree reads: {e}\n{doc}"
        );
    }
    if let Ok(resp) = ours {
        let seen = match &resp {
            dts_job_detail::Response::Detail(d) => d.xml_attributes().len(),
            dts_job_detail::Response::Error(e) => e.xml_attributes().len(),
            dts_job_detail::Response::Page(p) => p.xml_attributes().len(),
        };
        let reported = resp
            .validate()
            .iter()
            .filter(|d| d.code == dts_job_detail::DiagnosticCode::XmlAttribute)
            .count();
        assert_eq!(seen, reported, "{doc}");
    }
}

/// Whether `text` holds a character reference to a code point that is no
/// XML character (`&#x4044444;`, `&#0;`): roxmltree takes some of these,
/// XML 1.0 (and the crate) does not.
fn refers_to_a_non_character(text: &str) -> bool {
    text.split("&#").skip(1).any(|rest| {
        let body = rest.split(';').next().unwrap_or_default();
        let code = match body.strip_prefix('x') {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => body.parse::<u32>().ok(),
        };
        !code.is_some_and(
            |c| matches!(c, 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF),
        )
    })
}

/// Two documents (the input split at its first NUL, or in half): diffing
/// never panics; a response does not differ from itself, nor from what its
/// canonical forms read back as; two responses with one canonical JSON do
/// not differ; every change names a side it has a value on.
pub fn diff_two(data: &[u8]) {
    use dts_job_detail::diff::{ChangeKind, as_xml_carries, diff};
    let (a, b) = match data.iter().position(|&b| b == 0) {
        Some(i) => (
            data.get(..i).unwrap_or_default(),
            data.get(i + 1..).unwrap_or_default(),
        ),
        None => data.split_at(data.len() / 2),
    };
    let (Ok(a), Ok(b)) = (from_slice(a), from_slice(b)) else {
        return;
    };
    let options = Default::default();
    assert_eq!(diff(&a, &a, &options), [], "a response differs from itself");
    let changes = diff(&a, &b, &options);
    for c in &changes {
        match c.kind {
            ChangeKind::Added | ChangeKind::JobAdded => assert!(c.old.is_none() && c.new.is_some(), "{c:?}"),
            ChangeKind::Removed | ChangeKind::JobRemoved => {
                assert!(c.old.is_some() && c.new.is_none(), "{c:?}")
            }
            _ => {}
        }
    }
    if json::to_string(&a) == json::to_string(&b) {
        assert_eq!(changes, [], "one canonical JSON, yet changes");
    }
    let from_json = from_slice(json::to_string(&a).as_bytes()).expect("canonical JSON reads back");
    assert_eq!(diff(&a, &from_json, &options), [], "canonical JSON differs");
    if let Ok(x) = xml::to_string(&a) {
        let from_xml = from_slice(x.as_bytes()).expect("canonical XML reads back");
        assert_eq!(
            diff(&as_xml_carries(&a), &from_xml, &options),
            [],
            "canonical XML differs\n{x}"
        );
    }
}
