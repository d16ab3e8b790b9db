//! The well-formedness rules of XML 1.0 (fifth edition) that quick-xml leaves
//! to its users, in one place: names, attributes, the XML declaration,
//! processing-instruction targets, comments, and the characters of text.
//!
//! quick-xml itself checks the structure (tags open and close in order, end
//! names match) and, with the reader's configuration, references in text;
//! the reader (`super::de`) applies the checks below to each event.

use std::borrow::Cow;

use super::is_name;

/// Why a piece of markup is not well-formed.
pub(crate) type Malformed = Cow<'static, str>;

fn malformed(message: impl Into<Cow<'static, str>>) -> Malformed {
    message.into()
}

/// XML white space.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Whether `c` may appear in an XML 1.0 document: `Char` less the C0
/// controls (but tab, line feed, carriage return), U+FFFE and U+FFFF.
pub(crate) fn is_char(c: char) -> bool {
    (c >= ' ' || matches!(c, '\t' | '\n' | '\r')) && !matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// An element or attribute name (a start tag's, an end tag's).
pub(crate) fn check_name(name: &str) -> Result<(), Malformed> {
    if is_name(name) {
        Ok(())
    } else {
        Err(malformed(format!("{name:?} is not an XML name")))
    }
}

/// One pass over the whole document for the rules about characters:
/// `Err` with the byte offset of the first character that XML 1.0 allows
/// nowhere (a C0 control other than tab, line feed and carriage return;
/// U+FFFE; U+FFFF); otherwise whether `]]>` occurs anywhere (then each text
/// must be checked with [`check_text`]). One pass instead of a check per
/// text, comment and attribute: the loop over each 32-byte block has no
/// branch, so the compiler turns it into vector code.
pub(crate) fn scan_characters(text: &str) -> Result<bool, (usize, Malformed)> {
    const BLOCK: usize = 32;
    let b = text.as_bytes();
    let mut cdata_end = false;
    let mut blocks = b.chunks_exact(BLOCK);
    for (i, block) in (&mut blocks).enumerate() {
        if block.iter().fold(false, |any, &c| any | suspect(c)) {
            let from = i * BLOCK;
            cdata_end |= scan_slowly(text, from, from + BLOCK)?;
        }
    }
    let tail = b.len() - blocks.remainder().len();
    Ok(cdata_end | scan_slowly(text, tail, b.len())?)
}

/// Whether a byte sends its block to the exact scan: a control that is not
/// white space, 0xEF (the lead byte of U+FFFE, U+FFFF, and of other
/// characters from U+F000 on), or `]`. Written with `&` and `|`, without
/// branches, so the loop over a block becomes vector code. It may flag more
/// than the exact scan refuses (never less): flagging more is slower, not
/// different.
#[inline]
fn suspect(c: u8) -> bool {
    (c < 0x20) & !matches!(c, b'\t' | b'\n' | b'\r') | matches!(c, 0xEF | b']')
}

/// [`scan_characters`] for the characters starting in `text[from..to]`.
#[cold]
fn scan_slowly(text: &str, from: usize, to: usize) -> Result<bool, (usize, Malformed)> {
    let b = text.as_bytes();
    let mut cdata_end = false;
    for i in from..to {
        let bad = match b.get(i).copied().unwrap_or(b' ') {
            b'\t' | b'\n' | b'\r' => false,
            0..=0x1F => true,
            // U+FFFE, U+FFFF: EF BF BE, EF BF BF
            0xEF => b.get(i + 1) == Some(&0xBF) && matches!(b.get(i + 2), Some(0xBE | 0xBF)),
            b']' => {
                cdata_end |= b.get(i..i + 3) == Some(b"]]>");
                false
            }
            _ => false,
        };
        if bad {
            let c = text.get(i..).and_then(|s| s.chars().next()).map_or(0, u32::from);
            return Err((
                i,
                malformed(format!("the character U+{c:04X}, which XML 1.0 does not allow")),
            ));
        }
    }
    Ok(cdata_end)
}

/// Character data (of a document without forbidden characters, see
/// [`scan_characters`]): no `]]>` outside a CDATA section.
pub(crate) fn check_text(text: &str) -> Result<(), Malformed> {
    if text.contains("]]>") {
        Err(malformed("`]]>` in text (allowed only to end a CDATA section)"))
    } else {
        Ok(())
    }
}

/// A comment's content: no `--`, not ending in `-`.
pub(crate) fn check_comment(content: &str) -> Result<(), Malformed> {
    if content.contains("--") || content.ends_with('-') {
        return Err(malformed("`--` inside a comment"));
    }
    Ok(())
}

/// A processing instruction (`<?target data?>`, content without `<?`/`?>`):
/// its target is a name other than `xml` in any case, and is followed by
/// white space or nothing.
pub(crate) fn check_pi(content: &str) -> Result<(), Malformed> {
    let end = content.bytes().position(is_space).unwrap_or(content.len());
    // `end` is at an ASCII space or the end: a character boundary
    let (target, _) = content.split_at(end);
    if !is_name(target) {
        return Err(malformed(format!(
            "{target:?} is not a processing-instruction target"
        )));
    }
    if target.eq_ignore_ascii_case("xml") {
        return Err(malformed(
            "an XML declaration (or a processing instruction named `xml`) that is not at the very start",
        ));
    }
    Ok(())
}

/// Reads `S? = S? "value"` (or single quotes) from `rest`; returns the value
/// and what follows it.
fn eq_quoted(rest: &str) -> Result<(&str, &str), Malformed> {
    let rest = rest.trim_start_matches(|c: char| c.is_ascii() && is_space(c as u8));
    let rest = rest
        .strip_prefix('=')
        .ok_or_else(|| malformed("`=` expected after an attribute name"))?;
    let rest = rest.trim_start_matches(|c: char| c.is_ascii() && is_space(c as u8));
    let quote = rest
        .chars()
        .next()
        .filter(|q| matches!(q, '"' | '\''))
        .ok_or_else(|| malformed("an attribute value must be quoted"))?;
    let body = rest.strip_prefix(quote).unwrap_or(rest);
    body.split_once(quote)
        .ok_or_else(|| malformed("an attribute value is not closed"))
}

/// The XML declaration's content (`xml version="1.0" …`, without `<?`/`?>`):
/// `version` first, then optionally `encoding`, then `standalone`, each after
/// white space. `bom` says a UTF-8 byte-order mark preceded it; `ascii` that
/// the whole document is ASCII. The crate reads UTF-8: a declared encoding
/// must be UTF-8, or — for a document of ASCII only, without a byte-order mark
/// — an encoding whose ASCII bytes mean the same.
pub(crate) fn check_decl(content: &str, bom: bool, ascii: bool) -> Result<(), Malformed> {
    let mut rest = content.get(3..).unwrap_or_default();
    let mut seen: Vec<&str> = Vec::new();
    loop {
        let trimmed = rest.trim_start_matches(|c: char| c.is_ascii() && is_space(c as u8));
        if trimmed.is_empty() {
            break;
        }
        if trimmed.len() == rest.len() {
            return Err(malformed("white space expected between the declaration's parts"));
        }
        let name_end = trimmed
            .find(|c: char| c == '=' || (c.is_ascii() && is_space(c as u8)))
            .unwrap_or(trimmed.len());
        // `name_end` is at an ASCII character or the end: a character boundary
        let (name, rest_of_part) = trimmed.split_at(name_end);
        let (value, after) = eq_quoted(rest_of_part)?;
        let expected = ["version", "encoding", "standalone"];
        let position = expected
            .iter()
            .position(|e| *e == name)
            .ok_or_else(|| malformed(format!("{name:?} is not a part of the XML declaration")))?;
        if seen
            .iter()
            .any(|s| expected.iter().position(|e| e == s) >= Some(position))
        {
            return Err(malformed(
                "the XML declaration's parts are version, encoding, standalone, in that order",
            ));
        }
        match name {
            "version" => {
                let digits = value.strip_prefix("1.").unwrap_or_default();
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(malformed(format!("{value:?} is not an XML version (`1.0`)")));
                }
            }
            "encoding" => check_encoding(value, bom, ascii)?,
            _ => {
                if !matches!(value, "yes" | "no") {
                    return Err(malformed(format!("standalone is `yes` or `no`, not {value:?}")));
                }
            }
        }
        seen.push(name);
        rest = after;
    }
    if seen.first() != Some(&"version") {
        return Err(malformed("the XML declaration must start with its version"));
    }
    Ok(())
}

fn check_encoding(name: &str, bom: bool, ascii: bool) -> Result<(), Malformed> {
    let valid_name = name.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    if !valid_name {
        return Err(malformed(format!("{name:?} is not an encoding name")));
    }
    let lower = name.to_ascii_lowercase();
    if matches!(lower.as_str(), "utf-8" | "utf8") {
        return Ok(());
    }
    let ascii_compatible = lower == "us-ascii"
        || lower == "ascii"
        || lower.starts_with("iso-8859-")
        || lower.starts_with("latin")
        || lower.starts_with("windows-125");
    if bom {
        return Err(malformed(format!(
            "a UTF-8 byte-order mark, but the declaration says {name}"
        )));
    }
    if ascii_compatible && ascii {
        return Ok(());
    }
    Err(malformed(format!(
        "the declaration says {name}: only UTF-8 is read (convert the document)"
    )))
}

/// The attributes of a start tag (the text after its name): each preceded by
/// white space, `name = "value"`, names unique, values without `<`, and `&`
/// only in a reference. Returns each name with its decoded value.
pub(crate) fn attributes(raw: &str) -> Result<Vec<(&str, String)>, Malformed> {
    let mut out: Vec<(&str, String)> = Vec::new();
    // names seen: hashed, so a tag with very many attributes is linear
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut rest = raw;
    loop {
        let trimmed = rest.trim_start_matches(|c: char| c.is_ascii() && is_space(c as u8));
        if trimmed.is_empty() {
            return Ok(out);
        }
        if trimmed.len() == rest.len() {
            return Err(malformed("white space expected before an attribute"));
        }
        let name_end = trimmed
            .find(|c: char| c == '=' || (c.is_ascii() && is_space(c as u8)))
            .unwrap_or(trimmed.len());
        // `name_end` is at an ASCII character or the end: a character boundary
        let (name, rest_of_attribute) = trimmed.split_at(name_end);
        check_name(name)?;
        if !seen.insert(name) {
            return Err(malformed(format!("the attribute {name:?} is given twice")));
        }
        let (value, after) = eq_quoted(rest_of_attribute)?;
        out.push((name, attribute_value(value)?));
        rest = after;
    }
}

/// An attribute value with its references decoded.
fn attribute_value(raw: &str) -> Result<String, Malformed> {
    if raw.contains('<') {
        return Err(malformed("`<` in an attribute value"));
    }
    // attribute-value normalisation: a literal white space character is a
    // space (a character reference keeps its character)
    let literal = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some((before, after)) = rest.split_once('&') {
        out.push_str(&literal(before));
        let (name, after) = after
            .split_once(';')
            .ok_or_else(|| malformed("`&` in an attribute value starts no reference"))?;
        let c = reference(name)
            .ok_or_else(|| malformed("`&` in an attribute value starts no known reference"))?;
        out.push(c);
        rest = after;
    }
    out.push_str(&literal(rest));
    Ok(out)
}

/// The character a reference (`lt`, `#60`, `#x3C`) stands for, when it is one
/// of the predefined entities or a reference to an XML character.
pub(crate) fn reference(name: &str) -> Option<char> {
    let code = if let Some(hex) = name.strip_prefix("#x") {
        (!hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| u32::from_str_radix(hex, 16).ok())
            .flatten()
    } else if let Some(dec) = name.strip_prefix('#') {
        (!dec.is_empty() && dec.bytes().all(|b| b.is_ascii_digit()))
            .then(|| dec.parse::<u32>().ok())
            .flatten()
    } else {
        return match name {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "apos" => Some('\''),
            "quot" => Some('"'),
            _ => None,
        };
    };
    code.and_then(char::from_u32).filter(|&c| is_char(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations() {
        for ok in [
            "xml version=\"1.0\"",
            "xml version='1.0' encoding='utf-8'",
            "xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\" ",
            "xml version = \"1.1\"",
        ] {
            assert!(check_decl(ok, false, false).is_ok(), "{ok}");
        }
        for bad in [
            "xml",
            "xml VERSION=\"1.0\"",
            "xml encoding=\"UTF-8\" version=\"1.0\"",
            "xml version=\"1.0\"encoding=\"UTF-8\"",
            "xml version=\"1.0' encoding=\"UTF-8\"",
            "xml version=\"1.0\" version=\"1.0\"",
            "xml version=\"1.0\" valid=\"no\"",
            "xml version=\"1.0\" standalone=\"YES\"",
            "xml version=\"1.0\" encoding=\" UTF-8\"",
            "xml version=\"1.0 \"",
            "xml version=\"1.0\" standalone=\"yes\" encoding=\"UTF-8\"",
            "xml version=\"1.0\" encoding=\"UTF-16\"",
        ] {
            assert!(check_decl(bad, false, false).is_err(), "{bad}");
        }
        // each family of encodings whose ASCII bytes mean the same: read
        // when the document is ASCII only, refused when it is not, or when a
        // byte-order mark says UTF-8
        for name in ["US-ASCII", "ascii", "ISO-8859-15", "latin1", "Windows-1252"] {
            let decl = format!("xml version=\"1.0\" encoding=\"{name}\"");
            assert_eq!(check_decl(&decl, false, true), Ok(()), "{name}");
            let refused = check_decl(&decl, false, false).unwrap_err();
            assert!(refused.contains("only UTF-8 is read"), "{name}: {refused}");
            let refused = check_decl(&decl, true, true).unwrap_err();
            assert!(refused.contains("byte-order mark"), "{name}: {refused}");
        }
        for name in ["UTF-16", "Shift_JIS", "EBCDIC-US", "ISO-10646-UCS-2"] {
            let decl = format!("xml version=\"1.0\" encoding=\"{name}\"");
            let refused = check_decl(&decl, false, true).unwrap_err();
            assert!(refused.contains("only UTF-8 is read"), "{name}: {refused}");
        }
        // a name that is no encoding name says so, whatever it resembles
        for name in ["8bit", "-utf-8", "utf 8", "utf-8!", "ütf-8"] {
            let decl = format!("xml version=\"1.0\" encoding=\"{name}\"");
            let refused = check_decl(&decl, false, true).unwrap_err();
            assert!(refused.contains("is not an encoding name"), "{name}: {refused}");
        }
        assert!(check_decl("xml version=\"1.0\" encoding=\"ISO-8859-1\"", false, true).is_ok());
        assert!(check_decl("xml version=\"1.0\" encoding=\"ISO-8859-1\"", false, false).is_err());
        assert!(check_decl("xml version=\"1.0\" encoding=\"iso-8859-1\"", true, true).is_err());
    }

    #[test]
    fn attribute_lists() {
        let got = attributes(r#" a="1 &amp; &#x32;" b = 'x&lt;y'"#).unwrap();
        assert_eq!(got, [("a", "1 & 2".to_owned()), ("b", "x<y".to_owned())]);
        for bad in [
            " a1",
            " a1=v1",
            " a1=\"<foo>\"",
            " a1=",
            " a1=\"v1\" \"v2\"",
            " a1=\"A & B\"",
            " a1=\"&#123:\"",
            " 12=\"34\"",
            " x=\"a\" x=\"b\"",
            " a=\"&foo;\"",
            " att=\"val\"att2=\"val2\"",
            " a=\"&#0;\"",
            " a=\"&#+65;\"",
            " a=\"&#x+41;\"",
            " a=\"&#x;\"",
            " a=\"&#;\"",
        ] {
            assert!(attributes(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn comments_pis_text() {
        assert!(check_comment(" fine - really ").is_ok());
        for bad in [" a -- b ", "a-"] {
            assert!(check_comment(bad).is_err(), "{bad:?}");
        }
        assert!(check_pi("xml-stylesheet href='a'").is_ok());
        for bad in ["", " ", "xml", "XML version='1.0'", "xmL", "pitarget+++"] {
            assert!(check_pi(bad).is_err(), "{bad:?}");
        }
        assert!(check_text("a\tb\nc\r").is_ok());
        assert!(check_text("a]]>b").is_err());
    }

    #[test]
    fn characters() {
        assert_eq!(scan_characters("<a>\t\n\r中\u{FFFD}\u{FF0C}[x]</a>"), Ok(false));
        // every position in and across the 32-byte blocks
        for at in 0..70 {
            for bad in ["\u{1}", "\u{1F}", "\u{FFFE}", "\u{FFFF}"] {
                let text = format!("{}{bad}{}", "x".repeat(at), "y".repeat(70 - at));
                let found = scan_characters(&text).map_err(|(i, _)| i);
                assert_eq!(found, Err(at), "{text:?}");
            }
            let fine = format!("{}\u{FFFD}\u{EFFF}]]{}", "x".repeat(at), "y".repeat(70 - at));
            assert_eq!(scan_characters(&fine), Ok(false), "{fine:?}");
            let end = format!("{}]]>{}", "x".repeat(at), "y".repeat(70 - at));
            assert_eq!(scan_characters(&end), Ok(true), "{end:?}");
        }
    }

    /// No company hides a forbidden character from the block filter: letters,
    /// white space, `]`, characters from U+F000 on, or more of the same
    /// character, at the start of a block, inside it and across two. A run
    /// of `]` as long as blocks still ends a CDATA-like `]]>`.
    #[test]
    fn no_company_hides_a_forbidden_character() {
        let forbidden: Vec<char> = (0u8..0x20)
            .filter(|c| !matches!(c, b'\t' | b'\n' | b'\r'))
            .map(char::from)
            .chain(['\u{FFFE}', '\u{FFFF}'])
            .collect();
        for bad in forbidden {
            for company in ['x', ' ', '\t', '\n', '\r', ']', '\u{EFFF}', 'é', bad] {
                for at in [0, 1, 31, 32, 33, 63, 64, 70] {
                    let text: String = std::iter::repeat_n(company, at)
                        .chain([bad])
                        .chain(std::iter::repeat_n(company, 70))
                        .collect();
                    let first = text.find(bad).unwrap_or(usize::MAX);
                    let found = scan_characters(&text).map_err(|(i, _)| i);
                    assert_eq!(found, Err(first), "{text:?}");
                }
            }
        }
        // two ends, in blocks and in the tail (from byte 96 of 100): the
        // scan says it once
        for (first, second) in [(0, 5), (0, 40), (5, 40), (40, 80), (0, 97), (50, 96)] {
            let mut text = "x".repeat(100);
            text.replace_range(first..first + 3, "]]>");
            text.replace_range(second..second + 3, "]]>");
            assert_eq!(scan_characters(&text), Ok(true), "{first} {second}");
        }
        for n in 0..100 {
            let run = "]".repeat(n);
            assert_eq!(scan_characters(&format!("{run}>")), Ok(n >= 2), "{n}");
            assert_eq!(scan_characters(&run), Ok(false), "{n}");
        }
    }

    /// A reference is a predefined entity or the number of an XML character,
    /// in decimal or hex digits only (no sign, no empty number).
    #[test]
    fn references() {
        for (name, c) in [
            ("lt", Some('<')),
            ("gt", Some('>')),
            ("amp", Some('&')),
            ("apos", Some('\'')),
            ("quot", Some('"')),
            ("#65", Some('A')),
            ("#x41", Some('A')),
            ("#x1F600", Some('😀')),
            ("#9", Some('\t')),
            ("#0", None),
            ("#x1", None),
            ("#xFFFE", None),
            ("#xD800", None),
            ("#x110000", None),
            ("#99999999999", None),
            ("#+65", None),
            ("#x+41", None),
            ("#-1", None),
            ("#", None),
            ("#x", None),
            ("#X41", None),
            ("#x4G", None),
            ("nbsp", None),
            ("LT", None),
        ] {
            assert_eq!(reference(name), c, "{name:?}");
        }
    }
}
