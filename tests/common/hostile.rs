//! The hostile inputs of the guarantee matrix (tests/guarantees.rs,
//! tests/memory.rs, benches/hostile.rs): each made to about `size` bytes.
//! (Each includer uses part of it.)
#![allow(dead_code)]

/// One hostile document.
pub struct Hostile {
    /// What it is, for messages and tables.
    pub name: &'static str,
    /// The document.
    pub bytes: Vec<u8>,
}

/// Repeats `item` between `head` and `tail` until the document has about `size` bytes.
pub fn fill(head: &str, item: &str, tail: &str, size: usize) -> Vec<u8> {
    let count = size.saturating_sub(head.len() + tail.len()) / item.len().max(1);
    let mut s = String::with_capacity(size + item.len());
    s.push_str(head);
    s.push_str(&item.repeat(count));
    s.push_str(tail);
    s.into_bytes()
}

/// Nesting as deep as the default limit allows (128 levels with the root
/// object and the member's array).
fn nested_item() -> String {
    const LEVELS: usize = 120;
    format!("{}1{},", "[".repeat(LEVELS), "]".repeat(LEVELS))
}

/// Every hostile document, each of about `size` bytes.
pub fn documents(size: usize) -> Vec<Hostile> {
    let nested = nested_item();
    vec![
        Hostile {
            name: "empty-object flood (JSON)",
            bytes: fill(r#"{"RequestId":"r","SubSyncJob":["#, "{},", "{}]}", size),
        },
        Hostile {
            name: "empty-object flood (XML)",
            bytes: fill(
                "<DescribeDtsJobDetailResponse><RequestId>r</RequestId>",
                "<SubSyncJob/>",
                "</DescribeDtsJobDetailResponse>",
                size,
            ),
        },
        Hostile {
            name: "attribute flood (XML)",
            bytes: fill(
                "<DescribeDtsJobDetailResponse><RequestId>r</RequestId>",
                r#"<U a="" b="" c="" d="" e="" f=""/>"#,
                "</DescribeDtsJobDetailResponse>",
                size,
            ),
        },
        Hostile {
            name: "many members in one object (JSON)",
            bytes: {
                let count = size / 12;
                let members: Vec<String> = (0..count).map(|i| format!(r#""m{i}":{i}"#)).collect();
                format!(r#"{{"RequestId":"r","Wide":{{{}}}}}"#, members.join(",")).into_bytes()
            },
        },
        Hostile {
            name: "nesting at the limit (JSON)",
            bytes: fill(r#"{"RequestId":"r","Deep":["#, &nested, "1]}", size),
        },
        Hostile {
            name: "one huge string (JSON, escaped)",
            bytes: fill(r#"{"RequestId":"r","ErrMessage":""#, r"a\u00e9\n", r#""}"#, size),
        },
    ]
}

/// An NDJSON stream of one line of `size` bytes with no line feed.
pub fn endless_line(size: usize) -> Vec<u8> {
    vec![b'x'; size]
}
