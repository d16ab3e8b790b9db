//! A pull tokenizer for JSON text (RFC 8259), borrowing from the input.
//!
//! The decoder asks for what it expects next — the kind of the next value, an
//! object's next key, an array's next item, a scalar — and the tokenizer
//! answers from the bytes, validating as it goes. Strings without escapes
//! and every number's text are slices of the input, so a number's digits
//! reach the model exactly as written. The input is a `&str`, so UTF-8 is
//! already checked and strings are never validated twice.
//!
//! Accepted: exactly RFC 8259 — one value with white space around it; no
//! comments, trailing commas, single quotes, leading zeros, `NaN`, or
//! unpaired UTF-16 surrogates in `\u` escapes. (A differential test holds it
//! to serde_json's acceptance.)

use super::spans::Span;
use std::borrow::Cow;

use crate::scalar::In;

/// The kind of the next value, from its first byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Peek {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

impl Peek {
    /// The kind as a noun, for messages.
    pub(crate) fn noun(self) -> &'static str {
        match self {
            Peek::Null => "null",
            Peek::Bool => "a boolean",
            Peek::Number => "a number",
            Peek::String => "a string",
            Peek::Array => "an array",
            Peek::Object => "an object",
        }
    }
}

/// A syntax error at a byte offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub(crate) offset: usize,
    pub(crate) message: &'static str,
}

pub(crate) type Result<T> = std::result::Result<T, SyntaxError>;

/// What a JSON decoder pulls from: text ([`Tokenizer`]) or a value already
/// in memory ([`super::cursor::ValueCursor`]). Every method but `peek`
/// consumes what it reads.
pub(crate) trait Pull<'de> {
    /// The kind of the next value.
    fn peek(&mut self) -> Result<Peek>;
    /// Enters the object at hand: its first key, or `None` for `{}`.
    fn begin_object(&mut self) -> Result<Option<Cow<'de, str>>>;
    /// After a member's value: the next key, or `None` at the object's end.
    fn next_key(&mut self) -> Result<Option<Cow<'de, str>>>;
    /// Enters the array at hand: whether an item follows.
    fn begin_array(&mut self) -> Result<bool>;
    /// After an item: whether another follows.
    fn next_item(&mut self) -> Result<bool>;
    /// The scalar at hand, whose kind `peek` returned.
    fn scalar(&mut self, kind: Peek) -> Result<In<'de>>;
    /// Byte offset of the value at hand, when reading text.
    fn offset(&self) -> Option<usize>;
}

/// The tokenizer over one JSON text.
pub(crate) struct Tokenizer<'a> {
    text: &'a str,
    pos: usize,
    /// Where escaped strings are decoded, reused across the document's
    /// strings; each result is then one allocation of its exact size.
    scratch: String,
}

impl<'a> Tokenizer<'a> {
    /// At `pos` in `text` (a value's start, or white space before it).
    pub(super) fn at(text: &'a str, pos: usize) -> Self {
        let mut t = Tokenizer::new(text);
        t.pos = pos;
        t
    }

    /// Where it is in the text.
    pub(super) fn pos(&self) -> usize {
        self.pos
    }

    /// Moves to `pos` (the end of a value the caller knows).
    pub(super) fn jump(&mut self, pos: usize) {
        self.pos = pos;
    }

    pub(crate) fn new(text: &'a str) -> Self {
        Tokenizer {
            text,
            pos: 0,
            scratch: String::new(),
        }
    }

    #[inline]
    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    #[inline]
    fn byte(&self) -> Option<u8> {
        self.bytes().get(self.pos).copied()
    }

    #[cold]
    pub(super) fn error<T>(&self, message: &'static str) -> Result<T> {
        Err(SyntaxError {
            offset: self.pos,
            message,
        })
    }

    #[inline]
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.byte() {
            self.pos += 1;
        }
    }

    /// After the value: only white space may follow.
    pub(crate) fn end(&mut self) -> Result<()> {
        self.skip_ws();
        if self.pos < self.text.len() {
            return self.error("trailing characters after the document");
        }
        Ok(())
    }

    /// An object key and its `:`.
    fn key(&mut self) -> Result<Cow<'a, str>> {
        self.key_quote()?;
        let key = self.string()?;
        self.colon()?;
        Ok(key)
    }

    /// An object's key and its `:`, not decoded.
    fn skip_key(&mut self) -> Result<()> {
        self.key_quote()?;
        self.skip_string()?;
        self.colon()
    }

    /// A key's opening quote is at hand.
    #[inline]
    fn key_quote(&self) -> Result<()> {
        match self.byte() {
            Some(b'"') => Ok(()),
            None => self.error("EOF while parsing an object"),
            Some(b'}') => self.error("trailing comma"),
            Some(_) => self.error("key must be a string"),
        }
    }

    /// The `:` after a key.
    #[inline]
    fn colon(&mut self) -> Result<()> {
        self.skip_ws();
        match self.byte() {
            Some(b':') => {
                self.pos += 1;
                Ok(())
            }
            None => self.error("EOF while parsing an object"),
            Some(_) => self.error("expected `:`"),
        }
    }

    /// After an object's member: whether another follows (its key at hand).
    #[inline]
    fn member_follows(&mut self) -> Result<bool> {
        self.skip_ws();
        match self.byte() {
            Some(b',') => {
                self.pos += 1;
                self.skip_ws();
                Ok(true)
            }
            Some(b'}') => {
                self.pos += 1;
                Ok(false)
            }
            None => self.error("EOF while parsing an object"),
            Some(_) => self.error("expected `,` or `}`"),
        }
    }

    /// The text between two of the tokenizer's own positions. Each is at a
    /// byte the tokenizer stopped on — ASCII (a quote, a backslash, a
    /// digit's end) — or at the text's end, so both are character
    /// boundaries and the slice cannot fail: a broken invariant is a bug to
    /// see, not an empty string to hide it.
    #[inline]
    fn slice(&self, start: usize, end: usize) -> &'a str {
        debug_assert!(start <= end && self.text.is_char_boundary(start) && self.text.is_char_boundary(end));
        &self.text[start..end]
    }

    /// The string at hand (its opening quote).
    fn string(&mut self) -> Result<Cow<'a, str>> {
        self.pos += 1;
        let start = self.pos;
        let end = find_special(self.bytes(), start);
        self.pos = end;
        match self.byte() {
            Some(b'"') => {
                self.pos += 1;
                Ok(Cow::Borrowed(self.slice(start, end)))
            }
            Some(b'\\') => {
                let mut out = std::mem::take(&mut self.scratch);
                out.clear();
                out.reserve(256);
                out.push_str(self.slice(start, end));
                let result = self
                    .escaped(&mut out)
                    .map(|()| Cow::Owned(out.as_str().to_owned()));
                self.scratch = out;
                result
            }
            Some(_) => self.error("control character (U+0000 to U+001F) in a string"),
            None => self.error("EOF while parsing a string"),
        }
    }

    /// The rest of a string from its first backslash, decoded into `out`.
    fn escaped(&mut self, out: &mut String) -> Result<()> {
        loop {
            match self.byte() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = match self.byte() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            out.push(self.unicode_escape()?);
                            continue;
                        }
                        None => return self.error("EOF while parsing a string"),
                        Some(_) => return self.error("invalid escape"),
                    };
                    self.pos += 1;
                    out.push(c);
                }
                Some(0..0x20) => return self.error("control character (U+0000 to U+001F) in a string"),
                Some(_) => {
                    // text up to the next quote, backslash or control
                    let start = self.pos;
                    let end = find_special(self.bytes(), start);
                    out.push_str(self.slice(start, end));
                    self.pos = end;
                }
                None => return self.error("EOF while parsing a string"),
            }
        }
    }

    /// After `\u`: four hex digits, and a low surrogate's escape after a high one.
    fn unicode_escape(&mut self) -> Result<char> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.bytes().get(self.pos..self.pos + 2) != Some(b"\\u") {
                    return self.error("unpaired surrogate in a \\u escape");
                }
                self.pos += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return self.error("unpaired surrogate in a \\u escape");
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return self.error("unpaired surrogate in a \\u escape"),
            code => code,
        };
        match char::from_u32(code) {
            Some(c) => Ok(c),
            None => self.error("invalid \\u escape"),
        }
    }

    fn hex4(&mut self) -> Result<u32> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = match self.byte() {
                Some(b) => char::from(b).to_digit(16),
                None => return self.error("EOF while parsing a string"),
            };
            match digit {
                Some(d) => code = code * 16 + d,
                None => return self.error("invalid \\u escape"),
            }
            self.pos += 1;
        }
        Ok(code)
    }

    /// Checks the string at hand without building its value.
    pub(super) fn skip_string(&mut self) -> Result<()> {
        self.pos += 1;
        loop {
            self.pos = find_special(self.bytes(), self.pos);
            match self.byte() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.pos += 1;
                    match self.byte() {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => self.pos += 1,
                        Some(b'u') => {
                            self.pos += 1;
                            self.unicode_escape()?;
                        }
                        None => return self.error("EOF while parsing a string"),
                        Some(_) => return self.error("invalid escape"),
                    }
                }
                Some(_) => return self.error("control character (U+0000 to U+001F) in a string"),
                None => return self.error("EOF while parsing a string"),
            }
        }
    }

    /// The number at hand, as its text.
    fn number(&mut self) -> Result<&'a str> {
        let start = self.pos;
        if self.byte() == Some(b'-') {
            self.pos += 1;
        }
        match self.byte() {
            Some(b'0') => {
                self.pos += 1;
                if self.byte().is_some_and(|b| b.is_ascii_digit()) {
                    return self.error("invalid number: leading zero");
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            None => return self.error("EOF while parsing a value"),
            Some(_) => return self.error("invalid number"),
        }
        if self.byte() == Some(b'.') {
            self.pos += 1;
            self.required_digits()?;
        }
        if let Some(b'e' | b'E') = self.byte() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.byte() {
                self.pos += 1;
            }
            self.required_digits()?;
        }
        Ok(self.slice(start, self.pos))
    }

    fn digits(&mut self) {
        while self.byte().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
    }

    fn required_digits(&mut self) -> Result<()> {
        match self.byte() {
            Some(b) if b.is_ascii_digit() => {
                self.digits();
                Ok(())
            }
            None => self.error("EOF while parsing a value"),
            Some(_) => self.error("invalid number"),
        }
    }

    fn literal(&mut self, word: &'static [u8]) -> Result<()> {
        let rest = self.bytes().get(self.pos..).unwrap_or_default();
        if rest.starts_with(word) {
            self.pos += word.len();
            Ok(())
        } else if word.starts_with(rest) {
            self.pos = self.text.len();
            self.error("EOF while parsing a value")
        } else {
            self.error("expected a value")
        }
    }

    /// Skips the value at hand, checking it (iteratively: any depth is fine).
    pub(crate) fn skip_value(&mut self) -> Result<()> {
        self.walk_value(None)
    }

    /// [`Tokenizer::skip_value`], recording in `spans` where each object and
    /// array starts and ends, in the order they start.
    pub(super) fn walk_value(&mut self, mut spans: Option<&mut Vec<Span>>) -> Result<()> {
        // what is open, innermost last (true: an object); no allocation for
        // the first 64 levels
        let mut inline = [false; 64];
        let mut depth = 0usize;
        let mut deeper: Vec<bool> = Vec::new();
        // with `spans`: the index there of each open container's span
        let mut open_spans: Vec<usize> = Vec::new();
        loop {
            let kind = self.peek()?;
            let start = self.pos;
            let opened = match kind {
                Peek::Object => {
                    self.pos += 1;
                    self.skip_ws();
                    if self.byte() == Some(b'}') {
                        self.pos += 1;
                        None
                    } else {
                        self.skip_key()?;
                        Some(true)
                    }
                }
                Peek::Array => self.begin_array()?.then_some(false),
                Peek::String => {
                    self.skip_string()?;
                    None
                }
                kind => {
                    self.scalar(kind)?;
                    None
                }
            };
            if let Some(spans) = spans.as_deref_mut()
                && matches!(kind, Peek::Object | Peek::Array)
            {
                if opened.is_some() {
                    open_spans.push(spans.len());
                }
                spans.push(Span {
                    range: start..self.pos,
                    after: spans.len() + 1,
                });
            }
            if let Some(object) = opened {
                match inline.get_mut(depth) {
                    Some(slot) => *slot = object,
                    None => deeper.push(object),
                }
                depth += 1;
                continue;
            }
            loop {
                let Some(top) = depth.checked_sub(1) else {
                    return Ok(());
                };
                let object = inline
                    .get(top)
                    .copied()
                    .or_else(|| deeper.last().copied())
                    .unwrap_or(false);
                let more = if object {
                    self.skip_next_key()?
                } else {
                    self.next_item()?
                };
                if more {
                    break;
                }
                if top >= inline.len() {
                    deeper.pop();
                }
                if let Some(spans) = spans.as_deref_mut() {
                    let after = spans.len();
                    if let Some(span) = open_spans.pop().and_then(|i| spans.get_mut(i)) {
                        span.range.end = self.pos;
                        span.after = after;
                    }
                }
                depth = top;
            }
        }
    }

    /// [`Pull::next_key`] without decoding the key: whether one follows.
    fn skip_next_key(&mut self) -> Result<bool> {
        if !self.member_follows()? {
            return Ok(false);
        }
        self.skip_key()?;
        Ok(true)
    }
}

impl<'a> Pull<'a> for Tokenizer<'a> {
    #[inline]
    fn peek(&mut self) -> Result<Peek> {
        self.skip_ws();
        match self.byte() {
            Some(b'{') => Ok(Peek::Object),
            Some(b'[') => Ok(Peek::Array),
            Some(b'"') => Ok(Peek::String),
            Some(b'-' | b'0'..=b'9') => Ok(Peek::Number),
            Some(b't' | b'f') => Ok(Peek::Bool),
            Some(b'n') => Ok(Peek::Null),
            None => self.error("EOF while parsing a value"),
            Some(_) => self.error("expected a value"),
        }
    }

    #[inline]
    fn begin_object(&mut self) -> Result<Option<Cow<'a, str>>> {
        self.pos += 1;
        self.skip_ws();
        if self.byte() == Some(b'}') {
            self.pos += 1;
            return Ok(None);
        }
        self.key().map(Some)
    }

    #[inline]
    fn next_key(&mut self) -> Result<Option<Cow<'a, str>>> {
        if !self.member_follows()? {
            return Ok(None);
        }
        self.key().map(Some)
    }

    #[inline]
    fn begin_array(&mut self) -> Result<bool> {
        self.pos += 1;
        self.skip_ws();
        match self.byte() {
            Some(b']') => {
                self.pos += 1;
                Ok(false)
            }
            None => self.error("EOF while parsing a list"),
            Some(_) => Ok(true),
        }
    }

    #[inline]
    fn next_item(&mut self) -> Result<bool> {
        self.skip_ws();
        match self.byte() {
            Some(b',') => {
                self.pos += 1;
                self.skip_ws();
                if self.byte() == Some(b']') {
                    return self.error("trailing comma");
                }
                Ok(true)
            }
            Some(b']') => {
                self.pos += 1;
                Ok(false)
            }
            None => self.error("EOF while parsing a list"),
            Some(_) => self.error("expected `,` or `]`"),
        }
    }

    #[inline]
    fn scalar(&mut self, kind: Peek) -> Result<In<'a>> {
        match kind {
            Peek::String => self.string().map(In::Str),
            Peek::Number => self.number().map(|n| In::Number(Cow::Borrowed(n))),
            Peek::Bool => {
                if self.byte() == Some(b't') {
                    self.literal(b"true").map(|()| In::Bool(true))
                } else {
                    self.literal(b"false").map(|()| In::Bool(false))
                }
            }
            Peek::Null => self.literal(b"null").map(|()| In::Null),
            Peek::Array | Peek::Object => self.error("expected a scalar"),
        }
    }

    #[inline]
    fn offset(&self) -> Option<usize> {
        Some(self.pos)
    }
}

/// The offset of the first `"`, `\` or control character at or after `from`
/// (the input's length when there is none), eight bytes at a time.
#[inline]
fn find_special(bytes: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_le_bytes(word);
        let quote = x ^ (ONES * u64::from(b'"'));
        let backslash = x ^ (ONES * u64::from(b'\\'));
        // a byte is zero, or below 0x20; only the lowest flag is exact,
        // which is the one taken
        let hits = (quote.wrapping_sub(ONES) & !quote)
            | (backslash.wrapping_sub(ONES) & !backslash)
            | (x.wrapping_sub(ONES * 0x20) & !x);
        let hits = hits & HIGH;
        if hits != 0 {
            return i + (hits.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if b == b'"' || b == b'\\' || b < 0x20 {
            return i;
        }
        i += 1;
    }
    i
}

/// Whether `text` is one JSON value (with white space around it), checked
/// without building anything.
pub(crate) fn check(text: &str) -> std::result::Result<(), SyntaxError> {
    let mut t = Tokenizer::new(text);
    t.skip_value()?;
    t.end()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(text: &str) -> std::result::Result<(), SyntaxError> {
        check(text)
    }

    #[test]
    fn strings_borrow_unless_escaped() {
        let mut t = Tokenizer::new(r#""plain" "a\"b\u00e9\ud83d\ude00\n""#);
        assert_eq!(t.scalar(Peek::String), Ok(In::Str(Cow::Borrowed("plain"))));
        assert_eq!(t.peek(), Ok(Peek::String));
        match t.scalar(Peek::String) {
            Ok(In::Str(Cow::Owned(s))) => assert_eq!(s, "a\"bé😀\n"),
            other => panic!("{other:?}"),
        }
    }

    /// After an escape, the rest of the string is read on the same rules as
    /// before it: any character from U+0020 on is text (a space too), a
    /// control character is refused where it stands.
    #[test]
    fn escaped_strings_keep_their_rules_after_the_escape() {
        for (text, value) in [
            (r#""\n x""#, "\n x"),
            (r#""a\t \u0020 ""#, "a\t   "),
            ("\"\\\" ~\u{7f}é\"", "\" ~\u{7f}é"),
        ] {
            let mut t = Tokenizer::new(text);
            assert_eq!(
                t.scalar(Peek::String),
                Ok(In::Str(Cow::Owned(value.to_owned()))),
                "{text:?}"
            );
            assert_eq!(t.end(), Ok(()), "{text:?}");
            assert_eq!(walk(text), Ok(()), "{text:?}");
        }
        for control in ['\u{0}', '\u{1}', '\t', '\n', '\u{1f}'] {
            for text in [format!("\"\\n{control}\""), format!("\"\\nab{control}\"")] {
                let at = text.find(control).unwrap_or_default();
                let mut t = Tokenizer::new(&text);
                assert_eq!(t.scalar(Peek::String).map_err(|e| e.offset), Err(at), "{text:?}");
                assert_eq!(walk(&text).map_err(|e| e.offset), Err(at), "{text:?}");
            }
        }
    }

    #[test]
    fn numbers_are_their_text() {
        for text in [
            "0",
            "-0",
            "12",
            "-1.5e+10",
            "1E400",
            "123456789012345678901234567890",
        ] {
            let mut t = Tokenizer::new(text);
            assert_eq!(
                t.scalar(Peek::Number),
                Ok(In::Number(Cow::Borrowed(text))),
                "{text}"
            );
        }
    }

    #[test]
    fn long_strings_find_their_end() {
        for len in 0..40 {
            let body = "x".repeat(len);
            for tail in ["\"", "\\n\"", "\u{1}\""] {
                let text = format!("\"{body}{tail}");
                let mut t = Tokenizer::new(&text);
                let got = t.scalar(Peek::String);
                if tail.starts_with('\u{1}') {
                    assert_eq!(got.map_err(|e| e.offset), Err(1 + len), "{len}");
                } else {
                    assert!(got.is_ok(), "{text:?}");
                }
            }
        }
    }

    /// Nesting deeper than the walk's inline record (64 levels) is read as
    /// well as nesting within it: after a deep container closes, its parent
    /// is still known to be an object or an array.
    #[test]
    fn deep_nesting_keeps_each_level_kind() {
        for depth in [62, 63, 64, 65, 66, 100] {
            for (open, close) in [("[", "]"), ("{\"k\":", "}")] {
                let inner = r#"{"a":[1,{"b":[]}],"c":{"d":[[2],3]},"e":4}"#;
                let text = format!("{}{inner}{}", open.repeat(depth), close.repeat(depth));
                assert_eq!(walk(&text), Ok(()), "{depth} {open}");
                let wrong = format!("{}{inner}{}", open.repeat(depth), close.repeat(depth + 1));
                assert_eq!(
                    walk(&wrong).map_err(|e| e.offset),
                    Err(wrong.len() - 1),
                    "{depth} {open}"
                );
            }
        }
    }

    #[test]
    fn accepts_exactly_json() {
        for ok in [
            "{}",
            "[]",
            " {\"a\" : [1, -0.5e3, true, false, null, \"x\", {}, []]} ",
            "\"\\u0000\"",
        ] {
            assert_eq!(walk(ok), Ok(()), "{ok}");
        }
        for (bad, offset) in [
            ("", 0),
            ("{", 1),
            ("{\"a\"}", 4),
            ("{\"a\":1,}", 7),
            ("[1,]", 3),
            ("[1 2]", 3),
            ("01", 1),
            ("1.", 2),
            ("[1.]", 3),
            ("1.e5", 2),
            ("[1e]", 3),
            ("[-]", 2),
            ("-", 1),
            ("+1", 0),
            (".5", 0),
            ("NaN", 0),
            ("tru", 3),
            ("trUe", 0),
            ("\"a", 2),
            ("\"\\x\"", 2),
            ("\"\\ud800\"", 7),
            ("\"\\udc00\"", 7),
            ("\"\t\"", 1),
            ("{} {}", 3),
            ("{'a':1}", 1),
            ("{\"a\":1 // c\n}", 7),
        ] {
            assert_eq!(walk(bad).map_err(|e| e.offset), Err(offset), "{bad:?}");
        }
    }
}
