//! The members of `Response` and `Job` in the type stubs
//! (`package/dts_job_detail/__init__.pyi`), generated from the model's table: a test checks
//! the committed stubs hold exactly them (`UPDATE_STUBS=1 cargo test`
//! rewrites them).

use dts::{ErrorEnvelope, JobDetail, JobPage};

/// The Python type of a member's value in the canonical dict, from its Rust
/// type in the table: a typed scalar is its type, or the text as sent when
/// it could not be read as one.
fn python_type(rust: &str) -> String {
    let rust: String = rust.chars().filter(|c| !c.is_whitespace()).collect();
    match rust.as_str() {
        "Option<Str>" => "Optional[str]".to_owned(),
        "Option<Scalar<i64>>" => "Union[int, str, None]".to_owned(),
        "Option<Scalar<bool>>" => "Union[bool, str, None]".to_owned(),
        "Option<Scalar<f64>>" => "Union[float, str, None]".to_owned(),
        "Option<JobOrValue>" => "Any".to_owned(),
        "Vec<JobOrValue>" => "Optional[list[Any]]".to_owned(),
        t if t.starts_with("Option<Open<") => "Optional[str]".to_owned(),
        t if t.starts_with("Option<Box<") => "Optional[dict[str, Any]]".to_owned(),
        t if t.starts_with("Vec<") => "Optional[list[dict[str, Any]]]".to_owned(),
        other => panic!("a member type the stubs do not know: {other}"),
    }
}

/// The member lines of a class (a job's members, then a page's and the
/// envelope's others: every response and job has every member name),
/// leaving out names the class declares itself.
pub(crate) fn member_lines(declared: &[&str]) -> String {
    let mut out = String::new();
    let mut seen: Vec<&str> = declared.to_vec();
    let shapes = [
        JobDetail::MEMBER_TYPES,
        JobPage::MEMBER_TYPES,
        ErrorEnvelope::MEMBER_TYPES,
    ];
    for (field, rust) in shapes.into_iter().flatten() {
        if seen.contains(field) {
            continue;
        }
        seen.push(field);
        out.push_str(&format!("    {field}: {}\n", python_type(rust)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::member_lines;

    const BEGIN: &str = "    # members: generated from the model's table (python/src/stubs.rs)\n";
    const END: &str = "    # end of members\n";

    /// The names a class's hand-written part declares (before the members).
    fn declared(class: &str) -> Vec<&str> {
        class
            .lines()
            .filter_map(|l| l.strip_prefix("    ")?.split(':').next())
            .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
            .collect()
    }

    #[test]
    fn the_stubs_hold_every_member_typed() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/package/dts_job_detail/__init__.pyi");
        let stubs = std::fs::read_to_string(path).expect("the stubs");
        let mut rebuilt = String::new();
        let mut rest = stubs.as_str();
        let mut classes = 0;
        while let Some(at) = rest.find(BEGIN) {
            let (before, after) = rest.split_at(at);
            let class = before.rsplit("\nclass ").next().unwrap_or_default();
            let end = after.find(END).expect("the end of the members");
            rebuilt.push_str(before);
            rebuilt.push_str(BEGIN);
            rebuilt.push_str(&member_lines(&declared(class)));
            rebuilt.push_str(END);
            rest = &after[end + END.len()..];
            classes += 1;
        }
        rebuilt.push_str(rest);
        assert_eq!(classes, 2, "Job and Response have generated members");
        if std::env::var_os("UPDATE_STUBS").is_some() {
            std::fs::write(path, &rebuilt).expect("write the stubs");
        }
        assert!(
            rebuilt == stubs,
            "the stubs' members differ from the table: UPDATE_STUBS=1 cargo test"
        );
        // the hand-written attributes win over members of the same name
        assert!(!member_lines(&["status", "delay"]).contains("    status:"));
        assert!(member_lines(&[]).contains("    dts_job_id: Optional[str]\n"));
        assert!(member_lines(&[]).contains("    host_id: Optional[str]\n"));
        assert!(member_lines(&[]).contains("    checkpoint: Union[int, str, None]\n"));
    }
}
