//! `jobs` (ergonomics v3): one line per job at any depth, with filters,
//! sorting and counts, run against the built binary on the fixtures.
#![cfg(feature = "cli")]

#[path = "common/cli.rs"]
mod common;

use std::collections::BTreeMap;

use common::{code, run, scratch, text};
use serde_json::Value;

/// Runs `args`, which exit with `exit` and say `on_stderr`.
fn says(args: &[&str], exit: i32, on_stderr: &str) {
    let out = run(args);
    assert_eq!(code(&out), exit, "{args:?}: {}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains(on_stderr),
        "{args:?}: {}",
        text(&out.stderr)
    );
}

/// The JSON lines a successful run of `args` prints.
fn json_lines(args: &[&str]) -> Vec<Value> {
    let out = run(args);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// The jobs of `args` as JSON objects (`--format json` is added).
fn jobs(args: &[&str]) -> Vec<Value> {
    let mut all = vec!["jobs", "--no-progress", "--format", "json"];
    all.extend_from_slice(args);
    json_lines(&all)
}

/// Every job of the fixture folder, as the export sees them.
fn exported() -> Vec<Value> {
    json_lines(&[
        "export",
        "--no-progress",
        "--format",
        "ndjson",
        "--output",
        "-",
        "fixtures",
    ])
}

#[test]
fn one_line_per_job_as_the_export_has_them() {
    let rows = exported();
    let listed = jobs(&["fixtures"]);
    assert_eq!(listed.len(), rows.len());
    assert!(listed.len() > 50, "{}", listed.len());
    for (job, row) in listed.iter().zip(&rows) {
        for (ours, theirs) in [
            ("file", "file"),
            ("pointer", "pointer"),
            ("job_id", "dts_job_id"),
            ("kind", "task_kind"),
            ("status", "status"),
            ("status_class", "status_class"),
            ("delay_ms", "delay_ms"),
            ("delay_raw", "delay_raw"),
        ] {
            assert_eq!(job[ours], row[theirs], "{ours} of {job}");
        }
    }
    // the text form: one line per job too, the top level's pointer as `/`
    let out = run(&["jobs", "--no-progress", "fixtures/sync_subjobs.json"]);
    let lines: Vec<String> = text(&out.stdout).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), jobs(&["fixtures/sync_subjobs.json"]).len());
    assert!(
        lines[0].starts_with("fixtures/sync_subjobs.json  /  "),
        "{}",
        lines[0]
    );
    assert!(
        lines.iter().skip(1).all(|l| l.contains("  /SubSyncJob/")),
        "{lines:?}"
    );
}

#[test]
fn filters_keep_what_they_say() {
    let rows = exported();
    let failed = jobs(&["--status-class", "failed", "fixtures"]);
    assert!(!failed.is_empty());
    assert!(failed.iter().all(|j| j["status_class"] == "failed"));
    let expected = rows.iter().filter(|r| r["status_class"] == "failed").count();
    assert_eq!(failed.len(), expected);

    let two = jobs(&[
        "--status-class",
        "failed",
        "--status-class",
        "running",
        "fixtures",
    ]);
    let expected = rows
        .iter()
        .filter(|r| r["status_class"] == "failed" || r["status_class"] == "running")
        .count();
    assert_eq!(two.len(), expected);

    let migration = jobs(&["--kind", "migration", "fixtures"]);
    assert!(!migration.is_empty() && migration.iter().all(|j| j["kind"] == "migration"));

    // --min-delay: a known unit compares the delay; an unknown one its longest meaning
    let slow = jobs(&["--min-delay", "1s", "fixtures"]);
    for j in &slow {
        let raw = j["delay_raw"].as_i64().filter(|d| *d >= 0);
        let longest = j["delay_ms"]
            .as_i64()
            .or_else(|| raw.map(|d| d * 1000))
            .expect("a delay");
        assert!(longest >= 1000, "{j}");
    }
    let expected = rows
        .iter()
        .filter(|r| {
            let raw = r["delay_raw"].as_i64().filter(|d| *d >= 0);
            r["delay_ms"]
                .as_i64()
                .or_else(|| raw.map(|d| d * 1000))
                .is_some_and(|d| d >= 1000)
        })
        .count();
    assert_eq!(slow.len(), expected);
    assert!(slow.len() < rows.len());
}

#[test]
fn an_unknown_unit_is_not_missed_and_is_marked() {
    let dir = scratch("unknown-unit");
    let file = dir.join("failed.json");
    std::fs::write(&file, r#"{"Status":"Failed","Delay":90}"#).unwrap();
    let path = file.to_str().unwrap();
    let listed = jobs(&["--min-delay", "60s", path]);
    assert_eq!(listed.len(), 1, "90 may be seconds: a slow job");
    assert_eq!(
        (listed[0]["delay_ms"].clone(), listed[0]["delay_raw"].clone()),
        (Value::Null, 90.into())
    );
    assert!(jobs(&["--min-delay", "2m", path]).is_empty());
    let out = run(&["jobs", "--no-progress", path]);
    assert!(text(&out.stdout).contains("delay 90?"), "{}", text(&out.stdout));
}

#[test]
fn sorting_by_delay_and_by_checkpoint() {
    let by_delay = jobs(&["--sort", "delay", "fixtures"]);
    // a negative Delay is no delay
    let longest: Vec<Option<i64>> = by_delay
        .iter()
        .map(|j| {
            let raw = j["delay_raw"].as_i64().filter(|d| *d >= 0);
            j["delay_ms"].as_i64().or_else(|| raw.map(|d| d * 1000))
        })
        .collect();
    let known: Vec<i64> = longest.iter().map_while(|d| *d).collect();
    assert!(known.windows(2).all(|w| w[0] >= w[1]), "{known:?}");
    assert!(
        longest[known.len()..].iter().all(Option::is_none),
        "jobs without a delay last"
    );
    assert_eq!(by_delay.len(), jobs(&["fixtures"]).len());

    let by_checkpoint = jobs(&["--sort", "checkpoint", "fixtures"]);
    let times: Vec<&str> = by_checkpoint
        .iter()
        .map_while(|j| j["checkpoint"].as_str())
        .collect();
    assert!(
        times.len() > 1 && times.windows(2).all(|w| w[0] <= w[1]),
        "{times:?}"
    );
}

/// The JSON lines of `jobs --count-by KEY INPUT`.
fn counts(key: &str, input: &str) -> Vec<Value> {
    jobs(&["--count-by", key, input])
}

#[test]
fn counts_by_status_class_and_kind_add_up() {
    let rows = exported();
    for (key, column) in [
        ("status-class", "status_class"),
        ("kind", "task_kind"),
        ("status", "status"),
    ] {
        let field = column.replace("task_kind", "kind");
        let mut counted = BTreeMap::new();
        let mut previous = u64::MAX;
        for v in counts(key, "fixtures") {
            let count = v["count"].as_u64().unwrap();
            assert!(count <= previous, "largest first: {v}");
            previous = count;
            counted.insert(v[&field].as_str().unwrap_or_default().to_owned(), count);
        }
        let mut expected = BTreeMap::new();
        for r in &rows {
            *expected
                .entry(r[column].as_str().unwrap_or_default().to_owned())
                .or_insert(0u64) += 1;
        }
        assert_eq!(counted, expected, "{key}");
    }
    // --count-by and --sort do not go together
    let out = run(&["jobs", "--count-by", "kind", "--sort", "delay", "fixtures"]);
    assert_eq!(code(&out), 2);
}

#[test]
fn a_bad_duration_is_refused() {
    says(&["jobs", "--min-delay", "1d", "fixtures"], 2, "not a unit");
}

/// Ergonomics v3: a closed pipe (`… | head`) is silent in every subcommand,
/// and the exit code is what it would have been (`export -o - | head`
/// printed "Broken pipe" and exited 2).
#[test]
fn a_closed_pipe_is_silent_in_every_subcommand() {
    use std::process::Stdio;
    let subcommands = common::subcommands();
    assert!(subcommands.len() >= 11, "{subcommands:?}");
    // enough output to fill a pipe's buffer many times over
    let many: Vec<&str> = std::iter::repeat_n("fixtures", 30).collect();
    for name in &subcommands {
        let mut args: Vec<&str> = match name.as_str() {
            "export" => vec!["export", "--no-progress", "--format", "csv", "--output", "-"],
            "diff" => vec!["diff", "fixtures/seed.json", "fixtures/migration.json"],
            "completions" => vec!["completions", "bash"],
            "schema" | "man" => vec![name.as_str()],
            other => vec![other, "--no-progress"],
        };
        if !matches!(name.as_str(), "diff" | "completions" | "schema" | "man") {
            args.extend(&many);
        }
        let expected = code(&run(&args));
        let mut child = common::bin()
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        drop(child.stdout.take()); // the reader goes away at once
        let out = child.wait_with_output().expect("exits");
        assert_eq!(code(&out), expected, "{name}: {}", text(&out.stderr));
        assert_eq!(text(&out.stderr), "", "{name}");
    }
}

/// The files `json --with-filename` read under `args`, in order.
fn files_read(args: &[&str]) -> Vec<String> {
    let mut all = vec!["json", "--no-progress", "--with-filename"];
    all.extend_from_slice(args);
    let out = run(&all);
    assert_eq!(code(&out), 0, "{args:?}: {}", text(&out.stderr));
    text(&out.stdout)
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("JSON");
            let file = v["file"].as_str().expect("a file").to_owned();
            file.rsplit_once("walk/")
                .map_or(file.clone(), |(_, rest)| rest.to_owned())
        })
        .collect()
}

/// Ergonomics v3: the folder walk can be told what to read: extensions in
/// any case, `-g/--glob` (and `!glob`), and `--ndjson` reads the logs.
#[test]
fn the_walk_reads_what_it_is_told() {
    let dir = scratch("walk");
    let doc = r#"{"DtsJobId":"j"}"#;
    std::fs::create_dir_all(dir.join("logs")).unwrap();
    for name in ["a.json", "B.JSON", "c.xml", "d.txt", "skip.tmp.json"] {
        let body = if name.ends_with("xml") {
            "<Error><Code>X</Code><HostId>h</HostId></Error>"
        } else {
            doc
        };
        std::fs::write(dir.join(name), body).unwrap();
    }
    for name in ["x.ndjson", "y.jsonl", "z.log"] {
        std::fs::write(dir.join("logs").join(name), format!("{doc}\n{doc}\n")).unwrap();
    }
    // a pretty-printed document beside the logs: not a log
    std::fs::write(dir.join("logs").join("w.json"), "{\n  \"DtsJobId\": \"w\"\n}\n").unwrap();
    let root = dir.to_str().unwrap();
    assert_eq!(
        files_read(&[root]),
        ["B.JSON", "a.json", "c.xml", "logs/w.json", "skip.tmp.json"]
    );
    assert_eq!(files_read(&["-g", "*.xml", root]), ["c.xml"]);
    assert_eq!(
        files_read(&["-g", "!*.tmp.json", "--glob", "!logs/*", root]),
        ["B.JSON", "a.json", "c.xml"]
    );
    assert_eq!(files_read(&["-g", "logs/*.json", root]), ["logs/w.json"]);
    // `!name` leaves a folder out, as ripgrep does
    assert_eq!(
        files_read(&["-g", "!logs", root]),
        ["B.JSON", "a.json", "c.xml", "skip.tmp.json"]
    );
    // --ndjson: the logs, line by line
    let logs = files_read(&["--ndjson", root]);
    assert_eq!(
        logs,
        [
            "logs/x.ndjson",
            "logs/x.ndjson",
            "logs/y.jsonl",
            "logs/y.jsonl",
            "logs/z.log",
            "logs/z.log"
        ]
    );
    // a glob that is not one
    says(&["json", "-g", "[", root], 2, "--glob");
}

#[test]
fn sizes_take_units_on_the_command_line() {
    // seed.json is 2 to 3 KB
    says(
        &["json", "--max-size", "1K", "fixtures/seed.json"],
        2,
        "1024 bytes",
    );
    assert_eq!(
        code(&run(&["json", "--max-size", "1MiB", "fixtures/seed.json"])),
        0
    );
    assert_eq!(
        code(&run(&["json", "--max-memory", "64M", "fixtures/seed.json"])),
        0
    );
    says(
        &["json", "--max-size", "1T", "fixtures/seed.json"],
        2,
        "not a unit",
    );
}

/// Ergonomics v3: `-q/--quiet` prints nothing — the exit code answers, as
/// `grep -q` — while `--no-progress` only hides the bar (the meaning of `-q`
/// changed: it used to hide the bar).
#[test]
fn quiet_prints_nothing_and_the_exit_code_answers() {
    for args in [
        vec!["json", "-q", "fixtures"],
        vec!["inspect", "--quiet", "fixtures"],
        vec!["jobs", "-q", "fixtures"],
        vec!["metrics", "-q", "fixtures"],
    ] {
        let out = run(&args);
        assert_eq!(code(&out), 0, "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}: {}", text(&out.stdout));
    }
    // check: 1 when a document has an error-level diagnostic, 0 when none
    let out = run(&["check", "-q", "fixtures/diag/invalid-bool.json"]);
    assert_eq!((code(&out), out.stdout.len()), (1, 0));
    let out = run(&["check", "-q", "fixtures/seed.json"]);
    assert_eq!((code(&out), out.stdout.len()), (0, 0));
    // an unreadable input still says why, on stderr
    let out = run(&["json", "-q", "fixtures/no-such-file.json"]);
    assert_eq!(code(&out), 2);
    assert!(out.stdout.is_empty() && !out.stderr.is_empty());
    // --no-progress prints the results
    let out = run(&["json", "--no-progress", "fixtures/seed.json"]);
    assert!(text(&out.stdout).starts_with("{\"Checkpoint\":"));
    // export -q still writes its file
    let dir = scratch("quiet-export");
    let file = dir.join("jobs.csv");
    let out = run(&[
        "export",
        "-q",
        "--output",
        file.to_str().unwrap(),
        "fixtures/seed.json",
    ]);
    assert_eq!((code(&out), out.stdout.len()), (0, 0));
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .starts_with("file,pointer")
    );
}

/// Ergonomics v3: empty input says it is empty: an empty file (or one of
/// white space), and a folder with nothing to read.
#[test]
fn empty_input_says_it_is_empty() {
    let dir = scratch("empty");
    let file = dir.join("blank.json");
    std::fs::write(&file, " \n").unwrap();
    says(&["json", file.to_str().unwrap()], 2, "empty: no document");
    let folder = dir.join("nothing");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("notes.txt"), "x").unwrap();
    says(
        &["json", folder.to_str().unwrap()],
        0,
        "no *.json or *.xml file inside: nothing read",
    );
    says(
        &["json", "--ndjson", folder.to_str().unwrap()],
        0,
        "no *.ndjson, *.jsonl or *.log file",
    );
}

/// Ergonomics v3: a manual page per subcommand (the main page refers to
/// `dts-job-detail-json(1)`, …, which were never written), read back by
/// `man -l`.
#[test]
fn a_man_page_per_subcommand() {
    // a folder that does not exist yet is made
    let dir = scratch("man").join("share/man/man1");
    let out = run(&["man", "--dir", dir.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    let mut pages: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    assert!(pages.contains(&"dts-job-detail.1".to_owned()));
    for sub in [
        "json",
        "xml",
        "check",
        "inspect",
        "jobs",
        "export",
        "diff",
        "metrics",
        "schema",
        "completions",
        "man",
    ] {
        assert!(
            pages.contains(&format!("dts-job-detail-{sub}.1")),
            "{sub}: {pages:?}"
        );
    }
    // every page the main page refers to exists
    let main = std::fs::read_to_string(dir.join("dts-job-detail.1")).unwrap();
    for sub in ["json", "jobs", "export"] {
        assert!(main.contains(&format!("dts\\-job\\-detail\\-{sub}(1)")), "{sub}");
    }
    for page in &pages {
        let roff = std::fs::read_to_string(dir.join(page)).unwrap();
        let name = page.trim_end_matches(".1");
        assert!(roff.contains(&format!(".TH {name} 1")), "{page}");
        let shown = std::process::Command::new("man")
            .args(["-P", "cat", "-l"])
            .arg(dir.join(page))
            .env("MANWIDTH", "100")
            .output()
            .expect("man is installed");
        assert!(shown.status.success(), "{page}: {}", text(&shown.stderr));
        let shown = String::from_utf8_lossy(&shown.stdout);
        assert!(
            shown.contains("NAME") && shown.contains("SYNOPSIS"),
            "{page}: {shown}"
        );
    }
    // one page on standard output; an unknown subcommand is refused
    let out = run(&["man", "jobs"]);
    assert!(text(&out.stdout).contains(".TH dts-job-detail-jobs 1"));
    assert!(text(&out.stdout).contains("\\-\\-min\\-delay"));
    says(&["man", "nope"], 2, "no subcommand");
}

/// Ergonomics v3: each subcommand's --help describes its own flags: a flag
/// that does nothing there is not listed (it is still accepted: the contract
/// keeps it), and a flag shared by two subcommands says what it does in this one.
#[test]
fn each_help_describes_its_own_flags() {
    let help = |name: &str| text(&run(&[name, "--help"]).stdout);
    for coloured in ["check", "inspect", "diff"] {
        assert!(help(coloured).contains("--color"), "{coloured}");
    }
    for plain in ["json", "xml", "jobs", "export", "metrics"] {
        assert!(!help(plain).contains("--color"), "{plain}");
    }
    assert_eq!(code(&run(&["json", "--color", "never", "fixtures/seed.json"])), 0);
    let (check, inspect) = (help("check"), help("inspect"));
    assert!(
        check.contains("per diagnostic") && !check.contains("per response"),
        "{check}"
    );
    assert!(
        inspect.contains("per response") && !inspect.contains("per diagnostic"),
        "{inspect}"
    );
}

/// Review findings: `-q` silences `export --output -` too; a Delay near the
/// top of i64 is the longest, not dropped; a count of jobs without a status
/// is `null` in JSON; a negative Delay of a known kind is shown in its unit.
#[test]
fn quiet_export_huge_delays_and_counts_without_a_value() {
    let out = run(&[
        "export",
        "-q",
        "--format",
        "csv",
        "--output",
        "-",
        "fixtures/seed.json",
    ]);
    assert_eq!((code(&out), out.stdout.len()), (0, 0), "{}", text(&out.stdout));
    let dir = scratch("huge");
    std::fs::write(
        dir.join("huge.json"),
        r#"{"JobType":"sync","Status":"Synchronizing","Delay":9223372036854775807}"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("neg.json"),
        r#"{"JobType":"sync","Status":"Synchronizing","Delay":-5}"#,
    )
    .unwrap();
    std::fs::write(dir.join("none.json"), r#"{"DtsJobId":"x"}"#).unwrap();
    let root = dir.to_str().unwrap();
    let slow = jobs(&["--min-delay", "1h", root]);
    assert_eq!(slow.len(), 1, "{slow:?}");
    assert!(slow[0]["file"].as_str().unwrap().ends_with("huge.json"));
    let sorted = jobs(&["--sort", "delay", root]);
    assert!(
        sorted[0]["file"].as_str().unwrap().ends_with("huge.json"),
        "{sorted:?}"
    );
    let out = run(&["jobs", "--no-progress", &format!("{root}/neg.json")]);
    assert!(text(&out.stdout).contains("delay -5s"), "{}", text(&out.stdout));
    let counts = counts("status", root);
    assert!(
        counts.contains(&serde_json::json!({"status": null, "count": 1})),
        "{counts:?}"
    );
}
