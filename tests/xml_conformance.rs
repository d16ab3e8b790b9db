//! The XML reader against the XML 1.0 conformance suite (`tests/xmlconf/`,
//! see its README): every document XML 1.0 calls not well-formed is refused as
//! such, and no well-formed one is.

use std::fs;
use std::path::Path;

use dts_job_detail::{ErrorKind, xml};

/// Well-formed documents whose root holds text: well-formed XML, but not a
/// response (a response's root holds members), so refused as a wrong shape.
const NOT_A_RESPONSE: &[&str] = &["o-p14pass1", "o-p39pass2", "o-p66pass1"];

#[test]
fn every_case_of_the_suite() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/xmlconf");
    let cases = fs::read_to_string(root.join("cases.tsv")).expect("the case list");
    let (mut refused, mut read, mut shape) = (0, 0, 0);
    let mut failures = Vec::new();
    for line in cases.lines() {
        let [kind, id, path] = line.split('\t').collect::<Vec<_>>()[..] else {
            panic!("a bad line in cases.tsv: {line:?}");
        };
        let bytes = fs::read(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        let got = xml::from_slice(&bytes);
        match (kind, &got) {
            ("not-wf", Err(e))
                if matches!(
                    e.kind(),
                    ErrorKind::Syntax | ErrorKind::Doctype | ErrorKind::Encoding
                ) =>
            {
                refused += 1
            }
            ("wf", Ok(_)) => read += 1,
            ("wf", Err(e)) if e.kind() == ErrorKind::Shape && NOT_A_RESPONSE.contains(&id) => shape += 1,
            _ => failures.push(format!("{kind} {id} {path}: {got:?}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!((refused, read, shape), (993, 52, 3));
}
