//! Reliability v3: each finding of the hostile round has a test here, named
//! after it (`finding_NN_…`). Special files are made inside the test's own
//! temporary folder (`mknod`, `mkfifo`), never taken from the machine.

use std::time::{Duration, Instant};

use dts_job_detail::diff::{ChangeKind, as_xml_carries, diff};
use dts_job_detail::{DiagnosticCode, ErrorKind, Options, Parser, Response, from_slice, xml};

/// How many `xml-attribute` diagnostics a response has.
fn attribute_diagnostics(r: &Response) -> usize {
    r.validate()
        .iter()
        .filter(|d| d.code == DiagnosticCode::XmlAttribute)
        .count()
}

fn one_tag_with_attributes(n: usize) -> String {
    let mut s = String::from("<DescribeDtsJobDetailResponse");
    for i in 0..n {
        s.push_str(&format!(" a{i}=\"{i}\""));
    }
    s + "><RequestId>r</RequestId></DescribeDtsJobDetailResponse>"
}

#[test]
fn finding_02_attributes_are_charged_to_the_memory_budget() {
    // 10 MiB of tags full of attributes: refused cleanly, as other floods are
    // (tests/memory.rs measures the peak)
    let mut doc = String::from("<DescribeDtsJobDetailResponse><RequestId>r</RequestId>");
    while doc.len() < 10 << 20 {
        doc.push_str(r#"<U a="" b="" c="" d="" e="" f=""/>"#);
    }
    doc.push_str("</DescribeDtsJobDetailResponse>");
    let e = from_slice(doc.as_bytes()).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Limit, "{e}");
    // a few attributes are read and reported, one diagnostic each
    let r = from_slice(one_tag_with_attributes(3).as_bytes()).unwrap();
    assert_eq!(attribute_diagnostics(&r), 3);
}

#[test]
fn finding_03_the_duplicate_attribute_check_is_linear() {
    // tests/linear.rs times it; 20 000 attributes took 1.4 s before
    let r = from_slice(one_tag_with_attributes(20_000).as_bytes()).unwrap();
    assert_eq!(attribute_diagnostics(&r), 20_000);
    let e = from_slice(b"<DescribeDtsJobDetailResponse a='1' b='2' a='3'/>").unwrap_err();
    assert!(
        e.to_string().contains(r#"the attribute "a" is given twice"#),
        "{e}"
    );
}

/// Two responses whose unknown object has `n` members, every one changed.
pub(crate) fn wide_pair(n: usize) -> (Response, Response) {
    let doc = |v: &str| {
        let members: Vec<String> = (0..n).map(|i| format!(r#""m{i}":"{v}{i}""#)).collect();
        format!(r#"{{"RequestId":"r","Wide":{{{}}}}}"#, members.join(","))
    };
    (
        from_slice(doc("a").as_bytes()).unwrap(),
        from_slice(doc("b").as_bytes()).unwrap(),
    )
}

#[test]
fn finding_04_diff_looks_members_up_in_constant_time() {
    // tests/linear.rs times it
    let (a, b) = wide_pair(10_000);
    assert_eq!(diff(&a, &b, &Options::default()).len(), 10_000);
}

#[test]
fn finding_08_jobs_sharing_a_masked_id_pair_by_position() {
    let doc = |s1: &str, s2: &str| {
        format!(
            r#"{{"RequestId":"r","JobType":"SYNC","SubSyncJob":[
                {{"DtsJobId":"dts****","Status":"{s1}"}},{{"DtsJobId":"dts****","Status":"{s2}"}}]}}"#
        )
    };
    let old = from_slice(doc("Synchronizing", "Synchronizing").as_bytes()).unwrap();
    let new = from_slice(doc("Synchronizing", "Failed").as_bytes()).unwrap();
    let changes = diff(&old, &new, &Options::default());
    let got: Vec<(ChangeKind, &str)> = changes.iter().map(|c| (c.kind, c.path.as_str())).collect();
    assert_eq!(got, [(ChangeKind::Status, "/SubSyncJob/1/Status")]);
    // one more job under the same id is one job added, not a reshuffle
    let three = from_slice(
        br#"{"RequestId":"r","SubSyncJob":[{"DtsJobId":"dts****"},{"DtsJobId":"dts****"},{"DtsJobId":"dts****"}]}"#,
    )
    .unwrap();
    let two =
        from_slice(br#"{"RequestId":"r","SubSyncJob":[{"DtsJobId":"dts****"},{"DtsJobId":"dts****"}]}"#)
            .unwrap();
    let got: Vec<ChangeKind> = diff(&two, &three, &Options::default())
        .iter()
        .map(|c| c.kind)
        .collect();
    assert_eq!(got, [ChangeKind::JobAdded]);
}

#[test]
fn finding_06_one_response_in_its_two_forms_has_no_changes() {
    let docs = [
        r#"{"RequestId":"r","DtsJobId":"j","Extra":1,"Flag":true,"List":[3],"Obj":{"n":2.5,"b":false},"Empty":[]}"#
            .to_owned(),
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/seed.json")).unwrap(),
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/sync_subjobs.json")).unwrap(),
    ];
    for doc in docs {
        let from_json = from_slice(doc.as_bytes()).unwrap();
        let from_xml = from_slice(xml::to_string(&from_json).unwrap().as_bytes()).unwrap();
        let carried = as_xml_carries(&from_json);
        assert_eq!(diff(&carried, &from_xml, &Options::default()), [], "{doc}");
        assert_eq!(diff(&from_xml, &carried, &Options::default()), [], "{doc}");
    }
}

/// 10 MB of empty sub-jobs through serde: refused by the budget (took 5 GB).
/// tests/memory.rs measures the peak.
#[test]
fn finding_07_deserialize_is_bounded() {
    let mut doc = String::from(r#"{"RequestId":"r","SubSyncJob":["#);
    while doc.len() < 10 << 20 {
        doc.push_str("{},");
    }
    doc.push_str("{}]}");
    let e = serde_json::from_str::<Response>(&doc).unwrap_err().to_string();
    assert!(e.contains("bytes of memory"), "{e}");
    // through a value in memory alike
    let value: serde_json::Value = serde_json::from_str(&doc).unwrap();
    assert!(serde_json::from_value::<Response>(value).is_err());
    // a small document still reads
    let r: Response = serde_json::from_str(r#"{"RequestId":"r","SubSyncJob":[{},{}]}"#).unwrap();
    assert_eq!(r.detail().unwrap().sub_sync_job.len(), 2);
}

/// 26 000 small sub-jobs (2.4 MB) are read: a job is charged what it takes
/// (it was charged twice that, and refused); `max_memory` sets the budget.
#[test]
fn finding_09_the_budget_charges_what_a_job_costs_and_can_be_set() {
    let jobs: Vec<String> = (0..26_000)
        .map(|i| {
            format!(r#"{{"DtsJobId":"dtsj{i:06}","Status":"Synchronizing","Delay":1,"JobType":"SYNC"}}"#)
        })
        .collect();
    let doc = format!(r#"{{"RequestId":"r","SubSyncJob":[{}]}}"#, jobs.join(","));
    assert!(doc.len() > 2_000_000, "{}", doc.len());
    let r = Parser::new().parse(doc.as_bytes()).unwrap();
    assert_eq!(r.detail().unwrap().sub_sync_job.len(), 26_000);
    let e = Parser::new()
        .max_memory(16 << 20)
        .parse(doc.as_bytes())
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Limit);
    assert!(e.to_string().contains("--max-memory"), "{e}");
    // raised, 10 MiB of empty sub-jobs read
    let mut flood = String::from(r#"{"RequestId":"r","SubSyncJob":["#);
    while flood.len() < 1 << 20 {
        flood.push_str("{},");
    }
    flood.push_str("{}]}");
    assert!(Parser::new().parse(flood.as_bytes()).is_err());
    assert!(Parser::new().max_memory(1 << 30).parse(flood.as_bytes()).is_ok());
}

/// The `repeated-member` warnings of a document, as (pointer, severity).
fn repeats(doc: &str) -> Vec<String> {
    from_slice(doc.as_bytes())
        .unwrap()
        .validate()
        .iter()
        .filter(|d| d.code == DiagnosticCode::RepeatedMember)
        .map(|d| d.path.clone())
        .collect()
}

#[test]
fn finding_16_a_repeated_member_is_reported() {
    // the last value wins, as before, and the loss is reported
    let r = from_slice(br#"{"RequestId":"r","Delay":1,"Delay":2}"#).unwrap();
    assert_eq!(r.detail().unwrap().delay.as_ref().and_then(|d| d.get()), Some(2));
    assert_eq!(repeats(r#"{"RequestId":"r","Delay":1,"Delay":2}"#), ["/Delay"]);
    assert_eq!(
        repeats(r#"{"RequestId":"r","RetryState":{"Module":"m"},"RetryState":null}"#),
        ["/RetryState"]
    );
    // nested, with the input's indexes
    assert_eq!(
        repeats(r#"{"RequestId":"r","SubSyncJob":[{},{"Status":"a","Status":"b"}]}"#),
        ["/SubSyncJob/1/Status"]
    );
    // in XML
    assert_eq!(
        repeats(
            "<DescribeDtsJobDetailResponse><RequestId>r</RequestId><Delay>1</Delay>\
             <SourceEndpoint><Region>a</Region><Region>b</Region></SourceEndpoint>\
             <Delay>2</Delay></DescribeDtsJobDetailResponse>"
        ),
        ["/SourceEndpoint/Region", "/Delay"]
    );
    // what accumulates is not a repeat: lists, untyped members, a value after null
    assert_eq!(
        repeats(r#"{"RequestId":"r","SubSyncJob":[{}],"SubSyncJob":[{}],"X":1,"X":2,"Delay":null}"#),
        Vec::<String>::new()
    );
    assert_eq!(
        repeats(
            "<DescribeDtsJobDetailResponse><RequestId>r</RequestId><SubSyncJob/><SubSyncJob/><X>1</X><X>2</X></DescribeDtsJobDetailResponse>"
        ),
        Vec::<String>::new()
    );
}

#[test]
fn finding_16_many_repeats_stay_bounded_and_linear() {
    let doc = |n: usize| format!(r#"{{"RequestId":"r",{}"Delay":0}}"#, r#""Delay":1,"#.repeat(n));
    // tests/linear.rs times it
    assert_eq!(repeats(&doc(20_000)).len(), 20_000);
    // a flood of repeats is charged like any other note
    let e = Parser::new()
        .max_memory(1 << 20)
        .parse(doc(100_000).as_bytes())
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Limit);
}

#[cfg(feature = "cli")]
#[path = "common/cli.rs"]
mod common;

#[cfg(feature = "cli")]
mod cli {
    use super::common::{bin, code, run, scratch, text};
    use super::*;
    use std::path::{Path, PathBuf};
    use std::process::{Command, Output, Stdio};

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("a folder")
            .map(|e| e.expect("an entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn export_csv(output: &Path) -> Output {
        run(&[
            "export",
            "--format",
            "csv",
            "--output",
            output.to_str().expect("UTF-8 path"),
            "fixtures/seed.json",
        ])
    }

    #[cfg(unix)]
    mod special_files {
        use super::*;
        use std::os::unix::fs::{FileTypeExt, PermissionsExt, symlink};
        use std::process::Stdio;

        /// `mknod` or `mkfifo` inside the scratch folder; `false` when this
        /// machine does not let the test make it (not root).
        fn make(tool: &str, args: &[&str]) -> bool {
            Command::new(tool).args(args).status().is_ok_and(|s| s.success())
        }

        #[test]
        fn finding_01_a_character_device_is_written_in_place() {
            let dir = scratch("chardev");
            let null = dir.join("null");
            if !make("mknod", &[null.to_str().unwrap(), "c", "1", "3"]) {
                eprintln!("mknod is not allowed here: the character-device case is not run");
                return;
            }
            let out = export_csv(&null);
            assert_eq!(code(&out), 0, "{}", text(&out.stderr));
            let meta = std::fs::symlink_metadata(&null).unwrap();
            assert!(meta.file_type().is_char_device(), "still a device");
            assert_eq!(names(&dir), ["null"], "nothing left beside it");
        }

        #[test]
        fn finding_01_a_fifo_is_written_in_place() {
            let dir = scratch("fifo");
            let fifo = dir.join("pipe");
            assert!(make("mkfifo", &[fifo.to_str().unwrap()]), "mkfifo");
            let reader = {
                let fifo = fifo.clone();
                std::thread::spawn(move || std::fs::read(fifo).expect("read the FIFO"))
            };
            let out = export_csv(&fifo);
            assert_eq!(code(&out), 0, "{}", text(&out.stderr));
            let csv = text(&reader.join().unwrap());
            assert!(csv.starts_with("file,pointer,"), "{csv}");
            assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
            assert_eq!(names(&dir), ["pipe"]);
        }

        #[test]
        fn finding_01_a_symbolic_link_stays_a_link_and_its_file_is_replaced() {
            let dir = scratch("link");
            let target = dir.join("target.csv");
            std::fs::write(&target, "old").unwrap();
            std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
            let link = dir.join("link.csv");
            symlink("target.csv", &link).unwrap();
            let out = export_csv(&link);
            assert_eq!(code(&out), 0, "{}", text(&out.stderr));
            assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
            assert!(
                std::fs::read_to_string(&target)
                    .unwrap()
                    .starts_with("file,pointer,")
            );
            let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o640, "the replaced file keeps its permissions");
            assert_eq!(names(&dir), ["link.csv", "target.csv"]);

            // a link to nothing is refused, and nothing is made
            let dangling = dir.join("dangling.csv");
            symlink("nowhere/x.csv", &dangling).unwrap();
            let out = export_csv(&dangling);
            assert_eq!(code(&out), 2);
            assert!(
                text(&out.stderr).contains("dangling.csv"),
                "{}",
                text(&out.stderr)
            );
            assert_eq!(names(&dir), ["dangling.csv", "link.csv", "target.csv"]);
        }

        #[test]
        fn finding_01_dev_stdout_on_a_pipe_is_written_in_place() {
            // this process's own standard output, a pipe: written, never replaced
            let out = export_csv(Path::new("/dev/stdout"));
            assert_eq!(code(&out), 0, "{}", text(&out.stderr));
            assert!(
                text(&out.stdout).starts_with("file,pointer,"),
                "{}",
                text(&out.stdout)
            );
        }

        #[test]
        fn finding_01_a_folder_is_refused() {
            let dir = scratch("folder-output");
            std::fs::create_dir(dir.join("out.csv")).unwrap();
            let out = export_csv(&dir.join("out.csv"));
            assert_eq!(code(&out), 2);
            assert_eq!(text(&out.stderr).lines().count(), 1, "{}", text(&out.stderr));
            assert!(dir.join("out.csv").is_dir());
        }

        /// SIGTERM (and SIGINT) while the output is being written: the
        /// temporary file is removed and the file being replaced stays as it was.
        #[test]
        fn finding_01_an_interrupted_run_leaves_nothing() {
            for signal in ["-TERM", "-INT"] {
                let dir = scratch(&format!("killed{signal}"));
                let output = dir.join("jobs.csv");
                std::fs::write(&output, "before").unwrap();
                let mut child = bin()
                    .args([
                        "export",
                        "--format",
                        "csv",
                        "--output",
                        output.to_str().unwrap(),
                        "-",
                    ])
                    .stdin(Stdio::piped())
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
                    .unwrap();
                // the run waits for standard input, with its temporary file open
                let deadline = Instant::now() + Duration::from_secs(20);
                while names(&dir).len() < 2 {
                    assert!(Instant::now() < deadline, "no temporary file appeared");
                    std::thread::sleep(Duration::from_millis(20));
                }
                let temp = names(&dir).into_iter().find(|n| n != "jobs.csv").unwrap();
                assert!(
                    temp.starts_with(".dts-job-detail.") && temp.ends_with(".tmp"),
                    "{temp}"
                );
                // standard input stays open until the run has ended: `Child::wait`
                // closes a stdin it still holds, and the run then sees the end of
                // its input, which raced with the signal (seen under load)
                let stdin = child.stdin.take();
                let killed = Command::new("kill")
                    .args([signal, &child.id().to_string()])
                    .status()
                    .unwrap();
                assert!(killed.success());
                let status = child.wait().unwrap();
                drop(stdin);
                assert_eq!(status.code(), Some(130), "{signal}");
                assert_eq!(
                    names(&dir),
                    ["jobs.csv"],
                    "{signal}: the temporary file is removed"
                );
                assert_eq!(std::fs::read_to_string(&output).unwrap(), "before");
            }
        }
    }

    #[test]
    fn finding_01_a_long_output_name_is_written() {
        let dir = scratch("long-name");
        // 252 bytes: valid on every common file system (255 at most)
        let name = format!("{}.csv", "j".repeat(248));
        let out = export_csv(&dir.join(&name));
        assert_eq!(code(&out), 0, "{}", text(&out.stderr));
        assert_eq!(names(&dir), [name]);
    }

    #[test]
    fn finding_01_a_new_file_gets_the_usual_permissions() {
        let dir = scratch("new-file");
        let output = dir.join("jobs.csv");
        let out = export_csv(&output);
        assert_eq!(code(&out), 0, "{}", text(&out.stderr));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // 0666 less the umask, as any file the user makes: at least readable by its owner
            let mode = std::fs::metadata(&output).unwrap().permissions().mode() & 0o777;
            assert!(mode & 0o600 == 0o600, "{mode:o}");
            assert!(mode & 0o111 == 0, "{mode:o}");
        }
    }

    #[test]
    fn finding_06_diff_of_a_file_and_its_xml_output_is_empty() {
        let dir = scratch("diff-forms");
        let extra = dir.join("extra.json");
        std::fs::write(
            &extra,
            r#"{"RequestId":"r","N":1,"B":true,"L":[3],"O":{"x":[1.5]}}"#,
        )
        .unwrap();
        let mut inputs: Vec<PathBuf> = std::fs::read_dir("fixtures")
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        inputs.push(extra);
        assert!(inputs.len() > 5);
        for json in inputs {
            let as_xml = run(&["xml", json.to_str().unwrap()]);
            assert_eq!(code(&as_xml), 0, "{}", json.display());
            let xml = dir.join("as.xml");
            std::fs::write(&xml, &as_xml.stdout).unwrap();
            for (a, b) in [(&json, &xml), (&xml, &json)] {
                let out = run(&["diff", a.to_str().unwrap(), b.to_str().unwrap()]);
                assert_eq!(code(&out), 0, "{}: {}", json.display(), text(&out.stdout));
                assert_eq!(text(&out.stdout), "");
            }
        }
    }

    /// The peak resident memory (`VmHWM`, KiB) of a run of `args` fed `input`
    /// on standard input, read once everything is written and before standard
    /// input closes, so it counts what the run holds for the whole stream.
    #[cfg(target_os = "linux")]
    fn peak_while_fed(args: &[&str], input: Vec<u8>) -> u64 {
        use std::io::Write;
        let mut child = bin()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(&input).unwrap();
        std::thread::sleep(Duration::from_millis(500));
        let status = std::fs::read_to_string(format!("/proc/{}/status", child.id())).unwrap();
        drop(stdin);
        assert!(child.wait().unwrap().success());
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("VmHWM")
    }

    /// `metrics` over a stream: memory does not grow with its length (it held
    /// every sample until the end: 164 MB for these 200 000 lines).
    #[cfg(target_os = "linux")]
    #[test]
    fn finding_05_metrics_over_a_stream_holds_bounded_memory() {
        let line = r#"{"RequestId":"r","DtsJobId":"j","JobType":"SYNC","Status":"Failed","Delay":3}"#
            .to_owned()
            + "\n";
        let peak = peak_while_fed(&["metrics", "--ndjson", "-"], line.repeat(200_000).into_bytes());
        eprintln!("metrics over 200 000 lines: peak {peak} KiB");
        assert!(peak < 48 * 1024, "peak {peak} KiB");
    }

    /// `--ndjson` over an endless stream without a line feed ends, reported.
    #[cfg(unix)]
    #[test]
    fn finding_11_an_endless_line_ends_the_input() {
        let dir = scratch("endless");
        let zero = dir.join("zero");
        let made = Command::new("mknod")
            .args([zero.to_str().unwrap(), "c", "1", "5"])
            .status()
            .is_ok_and(|s| s.success());
        // reading the machine's own /dev/zero harms nothing where mknod is not allowed
        let zero = if made { zero } else { PathBuf::from("/dev/zero") };
        let mut child = bin()
            .args(["json", "--ndjson", "--max-size", "1000", zero.to_str().unwrap()])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(60);
        while child.try_wait().unwrap().is_none() {
            if Instant::now() > deadline {
                let _ = child.kill();
                panic!("still reading after 60 s");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let out = child.wait_with_output().unwrap();
        assert_eq!(code(&out), 2);
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains(":1: larger than the limit of 1000 bytes"),
            "{stderr}"
        );
        assert!(stderr.contains("the rest of the input is not read"), "{stderr}");
    }

    /// Under `--follow`, a file reached by several paths is read under the
    /// first path in sorted order, whatever order the folder lists them in.
    #[cfg(unix)]
    #[test]
    fn finding_12_follow_names_a_file_by_its_first_sorted_path() {
        use std::os::unix::fs::symlink;
        let seed = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/seed.json")).unwrap();
        let mut outputs = Vec::new();
        // the same folder made in two creation orders
        for (i, order) in [["m.json", "a.json", "z.json"], ["z.json", "m.json", "a.json"]]
            .iter()
            .enumerate()
        {
            let dir = scratch(&format!("follow-{i}"));
            for name in order {
                if *name == "m.json" {
                    std::fs::write(dir.join(name), &seed).unwrap();
                } else {
                    symlink("m.json", dir.join(name)).unwrap();
                }
            }
            let out = bin()
                .current_dir(&dir)
                .args(["json", "--with-filename", "--follow", "."])
                .output()
                .unwrap();
            assert_eq!(code(&out), 0, "{}", text(&out.stderr));
            outputs.push(text(&out.stdout));
        }
        assert_eq!(outputs[0], outputs[1]);
        assert!(outputs[0].starts_with(r#"{"file":"./a.json","#), "{}", outputs[0]);
        assert_eq!(outputs[0].lines().count(), 1);
    }

    /// A folder that holds only symbolic links says so on stderr.
    #[cfg(unix)]
    #[test]
    fn finding_13_skipped_links_are_reported() {
        use std::os::unix::fs::symlink;
        let dir = scratch("only-links");
        let real = scratch("only-links-target");
        std::fs::copy(
            concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/seed.json"),
            real.join("seed.json"),
        )
        .unwrap();
        symlink(real.join("seed.json"), dir.join("seed.json")).unwrap();
        symlink(&real, dir.join("more")).unwrap();
        let out = run(&["inspect", dir.to_str().unwrap()]);
        assert_eq!(code(&out), 0);
        assert_eq!(text(&out.stdout), "");
        let stderr = text(&out.stderr);
        assert_eq!(
            stderr.matches("a symbolic link, not followed").count(),
            2,
            "{stderr}"
        );
        assert!(
            stderr.contains("seed.json") && stderr.contains("more"),
            "{stderr}"
        );
    }

    /// Names that differ only in bytes that are not UTF-8 give two labels.
    #[cfg(target_os = "linux")]
    #[test]
    fn finding_14_file_labels_are_lossless() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let dir = scratch("labels");
        let seed = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/seed.json")).unwrap();
        for name in [&b"a\xff.json"[..], &b"a\xfe.json"[..], &b"a\\xff.json"[..]] {
            std::fs::write(dir.join(OsStr::from_bytes(name)), &seed).unwrap();
        }
        let d = dir.to_str().unwrap();
        let out = run(&["metrics", d]);
        let metrics = text(&out.stdout);
        let files: std::collections::BTreeSet<&str> = metrics
            .lines()
            .filter(|l| l.starts_with("dts_job_info{"))
            .filter_map(|l| l.split("file=\"").nth(1)?.split("\",pointer").next())
            .collect();
        assert_eq!(files.len(), 3, "{metrics}");
        let out = run(&["json", "--with-filename", d]);
        let names: std::collections::BTreeSet<String> = text(&out.stdout)
            .lines()
            .map(|l| {
                serde_json::from_str::<serde_json::Value>(l).unwrap()["file"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        assert_eq!(names.len(), 3);
        assert!(names.contains(&format!("{d}/a\\xFF.json")), "{names:?}");
        assert!(names.contains(&format!("{d}/a\\\\xff.json")), "{names:?}");
        let out = run(&["inspect", d]);
        assert!(text(&out.stdout).contains("a\\xFE.json"), "{}", text(&out.stdout));
    }

    /// Every subcommand that writes exits 2 with one line on stderr when its
    /// output cannot be written, never panics.
    #[cfg(target_os = "linux")]
    #[test]
    fn finding_10_write_errors_exit_2_with_one_line() {
        let cases: [&[&str]; 6] = [
            &["completions", "bash"],
            &["schema"],
            &["man"],
            &["json", "fixtures/seed.json"],
            &["diff", "fixtures/seed.json", "fixtures/sync_subjobs.json"],
            &["metrics", "fixtures/seed.json"],
        ];
        for args in cases {
            let full = std::fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .expect("/dev/full");
            let out = bin().args(args).stdout(full).output().expect("runs");
            let stderr = text(&out.stderr);
            assert_eq!(code(&out), 2, "{args:?}: {stderr}");
            assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
            assert!(stderr.contains("cannot write the output"), "{args:?}: {stderr}");
        }
    }
}
