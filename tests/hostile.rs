//! Hostile documents: each ends in a clean `Ok` or `Err` (never a panic,
//! never unbounded work). Timings are printed (`--nocapture`), not asserted.

use std::time::Instant;

use dts_job_detail::{ErrorKind, Parser, Response, from_slice};

fn timed<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    eprintln!("{what}: {:?}", start.elapsed());
    out
}

fn kind(input: &[u8]) -> Result<(), ErrorKind> {
    from_slice(input).map(drop).map_err(|e| e.kind())
}

#[test]
fn billion_laughs_is_refused_before_any_expansion() {
    let doc = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol9 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<DescribeDtsJobDetailResponse><ErrMessage>&lol9;</ErrMessage></DescribeDtsJobDetailResponse>"#;
    assert_eq!(
        timed("billion laughs", || kind(doc.as_bytes())),
        Err(ErrorKind::Doctype)
    );
    // without the DTD the entity is simply unknown
    let bare = "<DescribeDtsJobDetailResponse><ErrMessage>&lol9;</ErrMessage></DescribeDtsJobDetailResponse>";
    assert_eq!(kind(bare.as_bytes()), Err(ErrorKind::Syntax));
}

#[test]
fn deep_nesting_hits_the_limit() {
    const DEPTH: usize = 200_000;
    let cases: Vec<(&str, String)> = vec![
        (
            "JSON arrays in an unknown member",
            format!("{{\"X\":{}{}}}", "[".repeat(DEPTH), "]".repeat(DEPTH)),
        ),
        (
            "JSON objects in an unknown member",
            format!("{}1{}", "{\"a\":".repeat(DEPTH), "}".repeat(DEPTH)),
        ),
        (
            "JSON in a known member",
            format!("{{\"SubSyncJob\":{}{}}}", "[".repeat(DEPTH), "]".repeat(DEPTH)),
        ),
        (
            "JSON ReverseJob chain",
            format!("{}1{}", "{\"ReverseJob\":".repeat(DEPTH), "}".repeat(DEPTH)),
        ),
        (
            "XML unknown elements",
            format!("<R>{}{}</R>", "<a>".repeat(DEPTH), "</a>".repeat(DEPTH)),
        ),
        (
            "XML SubSyncJob chain",
            format!(
                "<DescribeDtsJobDetailResponse>{}{}</DescribeDtsJobDetailResponse>",
                "<SubSyncJob>".repeat(DEPTH),
                "</SubSyncJob>".repeat(DEPTH)
            ),
        ),
    ];
    for (what, doc) in cases {
        let got = timed(what, || kind(doc.as_bytes()));
        assert_eq!(got, Err(ErrorKind::Limit), "{what}");
    }
    // too deep *and* never closed: reported as the damaged document it is
    let unclosed = "<a>".repeat(DEPTH);
    let got = timed("XML unclosed", || kind(unclosed.as_bytes()));
    assert_eq!(got, Err(ErrorKind::Syntax));
}

fn seed(name: &str) -> Vec<u8> {
    std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join(name),
    )
    .expect("fixture")
}

#[test]
fn truncated_at_every_byte() {
    for name in ["seed.json", "seed.xml", "sync_subjobs.json", "sync_subjobs.xml"] {
        let full = seed(name);
        timed(&format!("{name}: every prefix"), || {
            for len in 0..full.len() {
                let prefix = full.get(..len).unwrap_or_default();
                let result = from_slice(prefix);
                // a prefix is a whole document only once the last byte that is
                // not trailing whitespace is in
                if prefix.trim_ascii_end().len() < full.trim_ascii_end().len() {
                    assert!(result.is_err(), "{name}: prefix of {len} bytes parsed");
                }
            }
        });
    }
}

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n.max(1) as u64)).unwrap_or(0)
    }
}

#[test]
fn random_bytes_and_mutations() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let alphabet = b"{}[]<>/\"':,=&;!?-# \n\ttrue0123456789eE.+-nulxXmMlLDTZ\\";
    timed("5000 random inputs", || {
        for i in 0..5000 {
            let len = rng.below(300);
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    if i % 2 == 0 {
                        alphabet.get(rng.below(alphabet.len())).copied().unwrap_or(b' ')
                    } else {
                        u8::try_from(rng.next() & 0xFF).unwrap_or(0)
                    }
                })
                .collect();
            let _ = from_slice(&bytes).map(|r| r.validate());
        }
    });
    for name in ["seed.json", "seed.xml", "sync_subjobs.xml", "distributed.json"] {
        let original = seed(name);
        timed(&format!("{name}: 2000 mutations"), || {
            for _ in 0..2000 {
                let mut bytes = original.clone();
                for _ in 0..1 + rng.below(8) {
                    let at = rng.below(bytes.len());
                    match rng.below(3) {
                        0 => {
                            if let Some(b) = bytes.get_mut(at) {
                                *b = u8::try_from(rng.next() & 0xFF).unwrap_or(0);
                            }
                        }
                        1 => {
                            if at < bytes.len() {
                                bytes.remove(at);
                            }
                        }
                        _ => {
                            let from = rng.below(original.len());
                            let chunk = original.get(from..(from + rng.below(40)).min(original.len()));
                            let tail = bytes.split_off(at.min(bytes.len()));
                            bytes.extend_from_slice(chunk.unwrap_or_default());
                            bytes.extend_from_slice(&tail);
                        }
                    }
                }
                if let Ok(resp) = from_slice(&bytes) {
                    let _ = resp.validate();
                    let _ = dts_job_detail::xml::to_string(&resp);
                }
            }
        });
    }
}

#[test]
fn large_values_and_the_size_limit() {
    let big = "x".repeat(60 * 1024 * 1024);
    let doc = format!("{{\"RequestId\":\"r\",\"ErrorMessage\":\"{big}\"}}");
    let resp = timed("60 MiB string value (JSON)", || from_slice(doc.as_bytes()));
    let resp = resp.expect("within the 64 MiB default");
    assert_eq!(
        resp.detail()
            .and_then(|d| d.error_message.as_ref())
            .map(|s| s.len()),
        Some(big.len())
    );
    let xml = format!(
        "<DescribeDtsJobDetailResponse><ErrorMessage>{big}</ErrorMessage></DescribeDtsJobDetailResponse>"
    );
    assert!(timed("60 MiB string value (XML)", || from_slice(xml.as_bytes())).is_ok());
    drop((doc, xml));

    let over = format!("{{\"ErrorMessage\":\"{}\"}}", "x".repeat(65 * 1024 * 1024));
    let err = timed("65 MiB input", || from_slice(over.as_bytes())).expect_err("over the limit");
    assert_eq!(err.kind(), ErrorKind::Limit);
    let small = Parser::new().max_size(1024).parse(&seed("seed.json"));
    assert_eq!(small.map(drop).map_err(|e| e.kind()), Err(ErrorKind::Limit));
    let shallow = Parser::new().max_depth(2).parse(&seed("sync_subjobs.json"));
    assert_eq!(shallow.map(drop).map_err(|e| e.kind()), Err(ErrorKind::Limit));
}

#[test]
fn many_unknown_elements() {
    const N: usize = 100_000;
    let repeated = format!(
        "<DescribeDtsJobDetailResponse>{}</DescribeDtsJobDetailResponse>",
        "<Foo>x</Foo>".repeat(N)
    );
    let resp = timed("100 000 repeated unknown elements", || {
        from_slice(repeated.as_bytes())
    })
    .expect("parses");
    let Some(Response::Detail(d)) = Some(resp) else {
        panic!("a detail")
    };
    assert_eq!(d.unknown.len(), 1, "merged into one member");
    assert!(matches!(d.unknown.get("Foo"), Some(dts_job_detail::Value::Array(items)) if items.len() == N));

    let distinct: String = (0..N).map(|i| format!("<F{i}>x</F{i}>")).collect();
    let doc = format!("<DescribeDtsJobDetailResponse>{distinct}</DescribeDtsJobDetailResponse>");
    let resp = timed("100 000 distinct unknown elements", || from_slice(doc.as_bytes())).expect("parses");
    assert_eq!(resp.detail().map(|d| d.unknown.len()), Some(N));

    let json: String = (0..N).map(|i| format!("\"k{}\":{i},", i % 7)).collect();
    let doc = format!("{{{json}\"RequestId\":\"r\"}}");
    let resp = timed("100 000 duplicate JSON keys", || from_slice(doc.as_bytes())).expect("parses");
    assert_eq!(resp.detail().map(|d| d.unknown.len()), Some(7));
}

#[test]
fn encodings_and_syntax() {
    assert_eq!(kind(b"{\"A\":\"\xC3\x28\"}"), Err(ErrorKind::Encoding));
    assert_eq!(kind(b"\xFE\xFF\x00<\x00a\x00/\x00>"), Err(ErrorKind::Encoding));
    assert_eq!(
        kind(b"<\x00a\x00/\x00>\x00"),
        Err(ErrorKind::Encoding),
        "UTF-16 without a BOM"
    );
    assert_eq!(kind(b"{\0}"), Err(ErrorKind::Encoding));
    assert_eq!(kind(b"\0\0\0"), Err(ErrorKind::Encoding));
    assert_eq!(kind(b"<a><b></a></b>"), Err(ErrorKind::Syntax));
    assert_eq!(
        kind(b"<a>&undefined;</a>"),
        Err(ErrorKind::Syntax),
        "an undefined entity is not well-formed, whatever the shape"
    );
    assert_eq!(
        kind(b"<a>text</a>"),
        Err(ErrorKind::Shape),
        "text where members belong"
    );
    assert_eq!(kind(b"<a><Delay>&#0;</Delay></a>"), Err(ErrorKind::Syntax));
    assert_eq!(kind(b"<a><Delay>&#xD800;</Delay></a>"), Err(ErrorKind::Syntax));
    assert_eq!(kind(b""), Err(ErrorKind::UnknownFormat));
    assert_eq!(kind(b"   "), Err(ErrorKind::UnknownFormat));
    assert_eq!(kind(b"{} {}"), Err(ErrorKind::Syntax));
}
