//! The XML form's reader, writer and well-formedness rules (the public
//! functions are in `crate::xml`, which sits above the `Parser`).

pub(crate) mod de;
pub(crate) mod ser;
mod wellformed;

/// Root element of a job detail.
pub const DETAIL_ROOT: &str = "DescribeDtsJobDetailResponse";
/// Root element of the gateway error envelope.
pub const ERROR_ROOT: &str = "Error";
/// Root element of a `DescribeDtsJobs` list page.
pub const PAGE_ROOT: &str = "DescribeDtsJobsResponse";

/// Whether `name` is an XML 1.0 `Name` (fifth edition): a name-start
/// character, then name characters.
pub(crate) fn is_name(name: &str) -> bool {
    /// ASCII name characters: 1 may start a name, 2 may follow.
    const ASCII: [u8; 128] = {
        let mut t = [0u8; 128];
        let mut c = 0;
        while c < 128 {
            let b = c as u8;
            t[c] = if b.is_ascii_alphabetic() || b == b'_' || b == b':' {
                3
            } else if b.is_ascii_digit() || b == b'-' || b == b'.' {
                2
            } else {
                0
            };
            c += 1;
        }
        t
    };
    if name.is_ascii() {
        let b = name.as_bytes();
        let class = |c: &u8| ASCII.get(usize::from(*c)).copied().unwrap_or(0);
        return b.first().is_some_and(|c| class(c) & 1 != 0) && b.iter().all(|c| class(c) != 0);
    }
    let mut chars = name.chars();
    chars.next().is_some_and(is_name_start) && chars.all(is_name_char)
}

fn is_name_start(c: char) -> bool {
    matches!(c,
        ':' | 'A'..='Z' | '_' | 'a'..='z'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

fn is_name_char(c: char) -> bool {
    is_name_start(c)
        || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

#[cfg(test)]
mod tests {
    use super::is_name;

    #[test]
    fn xml_names() {
        for ok in ["DtsJobId", "_a.b-c1", "中文", "a:b", "Ä"] {
            assert!(is_name(ok), "{ok}");
        }
        for bad in [
            "",
            "1a",
            "a b",
            ".doc",
            "µs",
            "ª",
            "whitelist.dms\"x",
            "a\u{FFFE}",
        ] {
            assert!(!is_name(bad), "{bad}");
        }
    }
}
