//! `metrics`: the exposition read back by a strict reader of the text
//! format (written here, independent of the writer; CI also parses the
//! output with the Prometheus Python client's parser).

use dts_job_detail::metrics::Exposition;
use dts_job_detail::{Options, export};

/// One sample: name, labels (unescaped), value.
type Sample = (String, Vec<(String, String)>, f64);

/// A family: name and type.
type Family = (String, String);

/// Reads an exposition; `Err` on anything the format does not allow.
fn read(text: &str) -> Result<(Vec<Family>, Vec<Sample>), String> {
    let mut families = Vec::new(); // (name, type)
    let mut samples = Vec::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("# HELP ") {
            let name = rest.split(' ').next().ok_or("HELP without a name")?;
            if families.iter().any(|(n, _): &Family| n == name) {
                return Err(format!("family {name} described twice"));
            }
            continue;
        }
        if let Some(rest) = line.strip_prefix("# TYPE ") {
            let mut parts = rest.split(' ');
            let (name, kind) = (parts.next().ok_or("TYPE")?, parts.next().ok_or("TYPE")?);
            families.push((name.to_owned(), kind.to_owned()));
            continue;
        }
        let open = line.find('{').ok_or(format!("no labels: {line}"))?;
        let name = &line[..open];
        let current = families.last().ok_or("sample before TYPE")?;
        if current.0 != name {
            return Err(format!("{name} outside its family ({})", current.0));
        }
        let mut labels = Vec::new();
        let mut rest = &line[open + 1..];
        loop {
            let eq = rest.find("=\"").ok_or(format!("bad label in {line}"))?;
            let label = rest[..eq].to_owned();
            if !label.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                return Err(format!("bad label name {label:?}"));
            }
            let mut value = String::new();
            let mut chars = rest[eq + 2..].char_indices();
            let end = loop {
                match chars.next().ok_or("unterminated label value")? {
                    (_, '\\') => match chars.next().ok_or("dangling escape")?.1 {
                        '\\' => value.push('\\'),
                        '"' => value.push('"'),
                        'n' => value.push('\n'),
                        c => return Err(format!("bad escape \\{c}")),
                    },
                    (i, '"') => break i,
                    (_, '\n') => return Err("raw line feed".into()),
                    (_, c) => value.push(c),
                }
            };
            labels.push((label, value));
            rest = &rest[eq + 2 + end + 1..];
            if let Some(r) = rest.strip_prefix(',') {
                rest = r;
            } else if let Some(r) = rest.strip_prefix("} ") {
                let v: f64 = r.parse().map_err(|_| format!("bad value {r:?}"))?;
                samples.push((name.to_owned(), labels, v));
                break;
            } else {
                return Err(format!("bad label list in {line}"));
            }
        }
    }
    Ok((families, samples))
}

fn label<'a>(labels: &'a [(String, String)], name: &str) -> &'a str {
    labels
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .unwrap()
}

#[test]
fn names_with_quotes_backslashes_and_line_breaks_come_back() {
    let name = "a \"quoted\" \\ path\nsecond line } {";
    let json = format!(
        r#"{{"RequestId":"r","DtsJobId":"j1","JobType":"SYNC","DtsJobName":{},"Status":"Synchronizing","Delay":7,
            "Checkpoint":1616405159,"DataSynchronizationStatus":{{"Status":"Catched","Percent":"99.5"}},
            "SubSyncJob":[{{"DtsJobId":"s1","DtsJobName":"sub","Delay":1}}]}}"#,
        serde_json::to_string(name).unwrap()
    );
    let resp = dts_job_detail::json::from_str(&json).unwrap();
    let mut exposition = Exposition::new();
    exposition.add(&export::rows(
        "dir/with \"quote\".json",
        &resp,
        &Options::default(),
    ));
    let text = exposition.finish();
    let (families, samples) = read(&text).unwrap();
    let names: Vec<&str> = families.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "dts_job_info",
            "dts_job_delay_seconds",
            "dts_job_checkpoint_timestamp_seconds",
            "dts_job_stage_percent",
            "dts_job_diagnostics"
        ]
    );
    assert!(families.iter().all(|(_, kind)| kind == "gauge"));
    let info: Vec<&Sample> = samples.iter().filter(|s| s.0 == "dts_job_info").collect();
    assert_eq!(info.len(), 2);
    assert_eq!(label(&info[0].1, "name"), name);
    assert_eq!(label(&info[0].1, "file"), "dir/with \"quote\".json");
    assert_eq!(label(&info[0].1, "kind"), "synchronization");
    assert_eq!(label(&info[1].1, "pointer"), "/SubSyncJob/0");
    let delay: Vec<f64> = samples
        .iter()
        .filter(|s| s.0 == "dts_job_delay_seconds")
        .map(|s| s.2)
        .collect();
    assert_eq!(delay, [7.0, 1.0]);
    let stage = samples.iter().find(|s| s.0 == "dts_job_stage_percent").unwrap();
    assert_eq!(
        (label(&stage.1, "stage"), stage.2),
        ("data_synchronization", 99.5)
    );
    // two severities per job
    assert_eq!(samples.iter().filter(|s| s.0 == "dts_job_diagnostics").count(), 4);
}

#[test]
fn every_fixture_gives_a_readable_exposition() {
    let mut exposition = Exposition::new();
    let mut jobs = 0;
    for entry in std::fs::read_dir("fixtures").unwrap() {
        let path = entry.unwrap().path();
        let Ok(bytes) = std::fs::read(&path) else { continue };
        let Ok(resp) = dts_job_detail::from_slice(&bytes) else {
            continue;
        };
        let rows = export::rows(&path.display().to_string(), &resp, &Options::default());
        jobs += rows.len();
        exposition.add(&rows);
    }
    let (_, samples) = read(&exposition.finish()).unwrap();
    assert!(jobs > 20);
    assert_eq!(samples.iter().filter(|s| s.0 == "dts_job_info").count(), jobs);
    // each series once
    let mut series: Vec<String> = samples.iter().map(|s| format!("{}{:?}", s.0, s.1)).collect();
    series.sort();
    let all = series.len();
    series.dedup();
    assert_eq!(series.len(), all);
}

/// Ergonomics v3: a response that reports an API error has a series with the
/// error's code (it had only a blank `status`), and so does a business error.
#[test]
fn an_api_error_has_its_own_series() {
    let mut exposition = Exposition::new();
    for name in ["gateway_error.json", "business_error.xml", "seed.json"] {
        let path = format!("fixtures/{name}");
        let resp = dts_job_detail::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        exposition.add(&export::rows(&path, &resp, &Options::default()));
    }
    let (families, samples) = read(&exposition.finish()).unwrap();
    assert!(families.contains(&("dts_job_error".to_owned(), "gauge".to_owned())));
    let errors: Vec<(&str, &str)> = samples
        .iter()
        .filter(|s| s.0 == "dts_job_error")
        .map(|s| (label(&s.1, "file"), label(&s.1, "code")))
        .collect();
    assert_eq!(
        errors,
        [
            ("fixtures/gateway_error.json", "Forbidden.InstanceNotFound"),
            ("fixtures/business_error.xml", "InvalidParameter"),
        ]
    );
    assert!(
        samples
            .iter()
            .filter(|s| s.0 == "dts_job_error")
            .all(|s| s.2 == 1.0)
    );
}
