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
    check_files(dir, true)
}

/// Every response in `dir`; with `paired`, the JSON and XML of one name must agree.
fn check_files(dir: &Path, paired: bool) -> usize {
    let mut checked = 0;
    for (name, (json_path, xml_path)) in pairs(dir) {
        let mut canonical = Vec::new();
        for path in json_path.iter().chain(xml_path.iter()) {
            let resp = parse(path);
            let c_json = json::to_string(&resp);
            let c_xml = xml::to_string(&resp).expect("fixtures are XML 1.0 text");
            let what = path.display().to_string();
            assert_eq!(
                json::to_string(&reparse(&c_json, &what)),
                c_json,
                "{what}: JSON round trip"
            );
            assert_eq!(
                xml::to_string(&reparse(&c_xml, &what)).ok(),
                Some(c_xml.clone()),
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
        if let [(a, ja, ra), (b, jb, rb)] = canonical.as_slice()
            && paired
        {
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
    checked += check_files(&root.join("published"), false);
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

fn fixture(name: &str) -> Response {
    parse(&Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name))
}

#[test]
fn synchronization_task_with_sub_jobs() {
    use dts_job_detail::{JobOrValue, TaskKind, Value};
    for name in ["sync_subjobs.json", "sync_subjobs.xml"] {
        let resp = fixture(name);
        let d = resp.detail().expect("detail");
        assert_eq!(d.task_kind(), TaskKind::Synchronization, "{name}");
        assert_eq!(d.sub_sync_job.len(), 3, "{name}");
        assert!(d.sub_distributed_job.is_empty(), "{name}: [] is absent");
        let jobs: Vec<_> = d.sub_sync_job.iter().filter_map(JobOrValue::job).collect();
        assert_eq!(
            jobs.iter().map(|j| j.tag_list.len()).collect::<Vec<_>>(),
            [2, 1, 0],
            "{name}"
        );
        assert_eq!(
            jobs[0].precheck_status.as_ref().map(|p| p.detail.len()),
            Some(3),
            "{name}"
        );
        let reverse = jobs[0]
            .reverse_job
            .as_ref()
            .and_then(JobOrValue::job)
            .expect("typed reverse job");
        assert_eq!(
            reverse.reverse_job,
            Some(JobOrValue::Value(Value::String("****".into()))),
            "{name}"
        );
        assert_eq!(
            jobs[1].sub_sync_job,
            [
                JobOrValue::Value(Value::String("nested-id-1".into())),
                JobOrValue::Value(Value::String("nested-id-2".into()))
            ],
            "{name}"
        );
        assert_eq!(
            jobs[0].checkpoint(),
            Some(1_616_405_159),
            "{name}: string checkpoint in a job"
        );
        assert_eq!(
            jobs[0].tag_list[0].ali_uid.as_ref().and_then(|u| u.get()),
            Some(1_406_926_474_064_321)
        );
        assert_eq!(
            jobs[0].retry_state.as_ref().and_then(|r| r.module.as_deref()),
            Some("03")
        );
        let msg = d.error_message.as_deref().unwrap_or_default();
        assert!(msg.contains("[a<b & c]]> d]\nThe last"), "{name}: {msg:?}");
        assert_eq!(d.dts_job_name.as_deref(), Some("two-way sync"));
        assert_eq!(
            d.sub_jobs().count(),
            4,
            "{name}: three sub-jobs and one reverse job"
        );
        assert_eq!(resp.validate(), vec![], "{name}");
    }
}

#[test]
fn other_task_kinds_and_errors() {
    use dts_job_detail::{Scalar, TaskKind};
    use std::time::Duration;
    for ext in ["json", "xml"] {
        let ct = fixture(&format!("change_tracking.{ext}"));
        let d = ct.detail().expect("detail");
        assert_eq!(
            (d.task_kind(), d.delay()),
            (TaskKind::ChangeTracking, Some(Duration::from_secs(3)))
        );
        assert_eq!(ct.validate(), vec![]);

        let mig = fixture(&format!("migration.{ext}"));
        let d = mig.detail().expect("detail");
        assert_eq!(
            (d.task_kind(), d.delay()),
            (TaskKind::Migration, Some(Duration::from_millis(1500)))
        );
        let unknown: Vec<&str> = d.unknown.iter().map(|(k, _)| k).collect();
        assert_eq!(
            unknown,
            ["FutureField", "FutureObject"],
            "{ext}: unknown members kept in order"
        );
        let report: Vec<String> = mig
            .validate()
            .iter()
            .map(|x| format!("{} {}", x.path, x.code))
            .collect();
        assert_eq!(report, ["/BootTime lenient-timestamp"], "{ext}");

        let biz = fixture(&format!("business_error.{ext}"));
        let d = biz.detail().expect("a business error is a detail");
        assert_eq!(d.success, Some(Scalar::Value(false)));
        let e = d.error().expect("error");
        assert_eq!(
            (e.code.as_str(), e.message.as_str()),
            (
                "InvalidParameter",
                "The Value of Input Parameter DtsJobId is not valid."
            )
        );

        for name in ["gateway_error", "gateway_error_denied"] {
            let env = fixture(&format!("{name}.{ext}"));
            let e = env.envelope().expect("an envelope").error();
            assert!(e.code.starts_with("Forbidden."), "{name}.{ext}");
            assert_eq!(env.validate(), vec![], "{name}.{ext}");
        }

        let cv = fixture(&format!("case_variants.{ext}"));
        let d = cv.detail().expect("detail");
        assert_eq!(d.success, Some(Scalar::Value(true)));
        assert_eq!(
            d.pay_type.as_ref().and_then(|p| p.known()),
            Some(dts_job_detail::PayType::PostPaid)
        );
        assert!(
            json::to_string(&cv).contains(r#""PayType":"postpaid""#),
            "spelling kept"
        );
    }
    let dump = fixture("sdk_dump.json");
    assert_eq!(
        dump.detail().and_then(|d| d.dts_job_id.as_deref()),
        Some("dumpjob****")
    );
}
