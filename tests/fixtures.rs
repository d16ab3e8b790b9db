//! Every fixture in both forms: it parses, its two forms agree, and the
//! canonical writers are stable (JSON → model → JSON, XML → model → XML,
//! JSON → XML → JSON).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use dts_job_detail::{Response, from_slice, json, xml};

/// `name → (json path, xml path)` for every response in `dir`.
fn pairs(dir: &Path) -> BTreeMap<String, (Option<PathBuf>, Option<PathBuf>)> {
    let mut out: BTreeMap<String, (Option<PathBuf>, Option<PathBuf>)> = BTreeMap::new();
    for entry in fs::read_dir(dir).expect("fixtures dir") {
        let path = entry.expect("dir entry").path();
        let (Some(stem), Some(ext)) = (path.file_stem(), path.extension()) else {
            continue;
        };
        let slot = out.entry(stem.to_string_lossy().into_owned()).or_default();
        match ext.to_str() {
            Some("json") => slot.0 = Some(path),
            Some("xml") => slot.1 = Some(path),
            _ => {}
        }
    }
    out
}

fn parse(path: &Path) -> Response {
    let bytes = fs::read(path).expect("readable fixture");
    from_slice(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn reparse(text: &str, what: &str) -> Response {
    from_slice(text.as_bytes()).unwrap_or_else(|e| panic!("{what}: {e}\n{text}"))
}

fn check_dir(dir: &Path) -> usize {
    let mut checked = 0;
    for (name, (json_path, xml_path)) in pairs(dir) {
        let mut canonical = Vec::new();
        for path in json_path.iter().chain(xml_path.iter()) {
            let resp = parse(path);
            let c_json = json::to_string(&resp);
            let c_xml = xml::to_string(&resp);
            let what = path.display().to_string();
            assert_eq!(
                json::to_string(&reparse(&c_json, &what)),
                c_json,
                "{what}: JSON round trip"
            );
            assert_eq!(
                xml::to_string(&reparse(&c_xml, &what)),
                c_xml,
                "{what}: XML round trip"
            );
            assert_eq!(
                json::to_string(&reparse(&c_xml, &what)),
                c_json,
                "{what}: JSON → XML → JSON"
            );
            canonical.push((what, c_json, resp));
            checked += 1;
        }
        if let [(a, ja, ra), (b, jb, rb)] = canonical.as_slice() {
            assert_eq!(ja, jb, "{name}: {a} and {b} differ");
            assert_eq!(ra, rb, "{name}: models differ");
        }
    }
    checked
}

#[test]
fn every_fixture_in_both_forms() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut checked = check_dir(&root);
    if root.join("diag").is_dir() {
        checked += check_dir(&root.join("diag"));
    }
    assert!(checked >= 2, "no fixtures found");
}

#[test]
fn seed_forms_give_byte_identical_canonical_json() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let a = json::to_string(&parse(&root.join("seed.json")));
    let b = json::to_string(&parse(&root.join("seed.xml")));
    assert_eq!(a, b);
    assert!(
        a.starts_with(r#"{"Checkpoint":1616405159,"CreateTime":"2021-03-16T08:01:19Z""#),
        "{a}"
    );
}

#[test]
fn seed_validates_clean_in_both_forms() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    for name in ["seed.json", "seed.xml"] {
        let resp = parse(&root.join(name));
        assert_eq!(resp.validate(), vec![], "{name}");
        let detail = resp.detail().expect("a detail");
        assert_eq!(detail.task_kind(), dts_job_detail::TaskKind::Migration);
        assert_eq!(
            detail.status().and_then(|s| s.known),
            Some(dts_job_detail::JobStatus::Migrating)
        );
    }
}
