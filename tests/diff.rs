//! `diff`: golden files of fixture pairs, and the properties of a diff.

use std::path::Path;

use dts_job_detail::diff::{ChangeKind, diff};
use dts_job_detail::{Options, Response};

fn read(path: &Path) -> Response {
    dts_job_detail::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// `(old, new, expect)` for each pair in `fixtures/diff`.
fn pairs() -> Vec<(std::path::PathBuf, std::path::PathBuf, String)> {
    let dir = Path::new("fixtures/diff");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".expect").map(str::to_owned)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 2);
    names
        .into_iter()
        .map(|name| {
            let find = |side: &str| {
                ["json", "xml"]
                    .iter()
                    .map(|ext| dir.join(format!("{name}.{side}.{ext}")))
                    .find(|p| p.exists())
                    .unwrap()
            };
            (find("old"), find("new"), name)
        })
        .collect()
}

#[test]
fn golden_pairs() {
    for (old, new, name) in pairs() {
        let changes = diff(&read(&old), &read(&new), &Options::default());
        let got: String = changes
            .iter()
            .map(|c| serde_json::to_string(c).unwrap() + "\n")
            .collect();
        let expected = std::fs::read_to_string(format!("fixtures/diff/{name}.expect")).unwrap();
        assert_eq!(got, expected, "{name}");
    }
}

#[cfg(feature = "cli")]
#[test]
fn golden_text_and_exit_codes() {
    use std::process::Command;
    let bin = env!("CARGO_BIN_EXE_dts-job-detail");
    for (old, new, name) in pairs() {
        let out = Command::new(bin)
            .args(["diff", "--color", "never"])
            .arg(&old)
            .arg(&new)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}");
        let expected = std::fs::read_to_string(format!("fixtures/diff/{name}.expect.txt")).unwrap();
        assert_eq!(String::from_utf8(out.stdout).unwrap(), expected, "{name}");
    }
    // the same response in its two forms: no change, exit 0
    let same = Command::new(bin)
        .args(["diff", "fixtures/sync_subjobs.json", "fixtures/sync_subjobs.xml"])
        .output()
        .unwrap();
    assert_eq!(same.status.code(), Some(0));
    assert!(same.stdout.is_empty());
    // an unreadable side: exit 2, named on stderr
    let bad = Command::new(bin)
        .args([
            "diff",
            "fixtures/seed.json",
            "tests/cli-data/mixed/truncated.json",
        ])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("truncated.json"));
}

#[test]
fn a_response_does_not_differ_from_itself_in_either_form() {
    for name in [
        "seed",
        "migration",
        "sync_subjobs",
        "change_tracking",
        "distributed",
        "business_error",
    ] {
        let json = read(Path::new(&format!("fixtures/{name}.json")));
        let xml = read(Path::new(&format!("fixtures/{name}.xml")));
        assert_eq!(diff(&json, &json, &Options::default()), [], "{name}");
        assert_eq!(diff(&json, &xml, &Options::default()), [], "{name}");
    }
}

#[test]
fn changes_swap_when_the_sides_do() {
    for (old, new, name) in pairs() {
        let (a, b) = (read(&old), read(&new));
        let forward = diff(&a, &b, &Options::default());
        let backward = diff(&b, &a, &Options::default());
        assert_eq!(forward.len(), backward.len(), "{name}");
        for c in &forward {
            let mirror = match c.kind {
                ChangeKind::Added => ChangeKind::Removed,
                ChangeKind::Removed => ChangeKind::Added,
                ChangeKind::JobAdded => ChangeKind::JobRemoved,
                ChangeKind::JobRemoved => ChangeKind::JobAdded,
                k => k,
            };
            assert!(
                backward
                    .iter()
                    .any(|d| d.kind == mirror && d.old == c.new && d.new == c.old),
                "{name}: no mirror of {c:?}"
            );
        }
    }
}

#[test]
fn delay_of_an_unknown_kind_is_a_plain_change() {
    let a = dts_job_detail::json::from_str(r#"{"Delay":1}"#).unwrap();
    let b = dts_job_detail::json::from_str(r#"{"Delay":2}"#).unwrap();
    let changes = diff(&a, &b, &Options::default());
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].kind, ChangeKind::Changed);
    // with the kind given, it is a delay in milliseconds
    let sync = Options::new().task_kind(dts_job_detail::TaskKind::Synchronization);
    let changes = diff(&a, &b, &sync);
    assert_eq!(changes[0].kind, ChangeKind::Delay);
    assert_eq!(changes[0].new.as_ref().unwrap().to_string(), "2000");
}
