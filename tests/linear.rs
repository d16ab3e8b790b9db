//! No step is super-linear in its input: each case is timed at `n` and at
//! `4n` (the shortest of five runs, the input built outside the timing) and
//! must take at most 6 × as long (a quadratic step takes 16 ×).
//!
//! One test in this binary, so no other test competes for the cores while
//! it measures. The figures themselves are in the README, from the benches.

use std::time::{Duration, Instant};

use dts_job_detail::diff::diff;
use dts_job_detail::{Options, Response, from_slice};

/// The shortest of five runs of `f`.
fn timed(mut f: impl FnMut()) -> Duration {
    (0..5)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// A case: its name, the `n` to start at, what to build for `n` (not
/// timed), and what to time on it.
struct Case<T> {
    what: &'static str,
    n: usize,
    build: fn(usize) -> T,
    run: fn(&T),
}

impl<T> Case<T> {
    fn ratio(&self) -> f64 {
        let (small, large) = ((self.build)(self.n), (self.build)(4 * self.n));
        let t_small = timed(|| (self.run)(&small));
        let t_large = timed(|| (self.run)(&large));
        let ratio = t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-6);
        eprintln!(
            "{}: {} → {t_small:?}, {} → {t_large:?} ({ratio:.1} ×)",
            self.what,
            self.n,
            4 * self.n
        );
        ratio
    }
}

fn one_tag_with_attributes(n: usize) -> String {
    let mut s = String::from("<DescribeDtsJobDetailResponse");
    for i in 0..n {
        s.push_str(&format!(" a{i}=\"{i}\""));
    }
    s + "><RequestId>r</RequestId></DescribeDtsJobDetailResponse>"
}

fn wide_pair(n: usize) -> (Response, Response) {
    let doc = |v: &str| {
        let members: Vec<String> = (0..n).map(|i| format!(r#""m{i}":"{v}{i}""#)).collect();
        format!(r#"{{"RequestId":"r","Wide":{{{}}}}}"#, members.join(","))
    };
    (
        from_slice(doc("a").as_bytes()).expect("reads"),
        from_slice(doc("b").as_bytes()).expect("reads"),
    )
}

fn parse_and_validate(doc: &String) {
    let r = from_slice(doc.as_bytes()).expect("reads");
    assert!(!r.validate().is_empty());
}

#[test]
fn every_step_is_linear() {
    let ratios = [
        Case {
            what: "XML: one tag with n attributes (duplicate check, pointers, diagnostics)",
            n: 20_000,
            build: one_tag_with_attributes,
            run: parse_and_validate,
        }
        .ratio(),
        Case {
            what: "JSON: a member repeated n times (notes, pointers, diagnostics)",
            n: 20_000,
            build: |n| format!(r#"{{"RequestId":"r",{}"Delay":0}}"#, r#""Delay":1,"#.repeat(n)),
            run: parse_and_validate,
        }
        .ratio(),
        Case {
            what: "diff: an unknown object of n members, all changed",
            n: 10_000,
            build: wide_pair,
            run: |(a, b)| assert!(!diff(a, b, &Options::default()).is_empty()),
        }
        .ratio(),
        Case {
            what: "diff: n sub-jobs sharing one masked DtsJobId",
            n: 5_000,
            build: |n| {
                let doc = format!(
                    r#"{{"RequestId":"r","SubSyncJob":[{}{{"DtsJobId":"dts****"}}]}}"#,
                    r#"{"DtsJobId":"dts****","Status":"a"},"#.repeat(n)
                );
                let a = from_slice(doc.as_bytes()).expect("reads");
                let b = from_slice(doc.replace(r#""a""#, r#""b""#).as_bytes()).expect("reads");
                (a, b)
            },
            run: |(a, b)| assert!(!diff(a, b, &Options::default()).is_empty()),
        }
        .ratio(),
    ];
    for ratio in ratios {
        assert!(
            ratio <= 6.0,
            "4 × the input took {ratio:.1} × the time (see the lines above)"
        );
    }
}
