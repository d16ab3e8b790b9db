//! Positions and pointers in a JSON text that was read already: the pointers
//! of values at known offsets, and an offset inside an escaped string mapped
//! back to the raw text. Cold paths,
//! for errors and notes found after reading, so the reader keeps no path.

use super::token::{Peek, Pull, Result, Tokenizer};

/// The JSON Pointers of the members whose values start at `offsets` (as the
/// reader saw them: right after the member's name), in document order; the
/// indexes are the input's. For what the reader noticed after reading (a
/// member given twice), so the hot path keeps no path.
pub(crate) fn pointers_at(text: &str, offsets: &[usize]) -> Vec<String> {
    let wanted: std::collections::HashSet<usize> = offsets.iter().copied().collect();
    let mut found = Vec::with_capacity(offsets.len());
    let mut t = Tokenizer::new(text);
    let mut path = String::new();
    // the text was read already: a syntax error cannot happen here
    let _ = pointers_in(&mut t, &mut path, &wanted, &mut found);
    found
}

fn pointers_in(
    t: &mut Tokenizer<'_>,
    path: &mut String,
    wanted: &std::collections::HashSet<usize>,
    found: &mut Vec<String>,
) -> Result<()> {
    crate::stack::deeper(|| {
        match t.peek()? {
            Peek::Object => {
                let mut key = t.begin_object()?;
                while let Some(k) = key {
                    let len = path.len();
                    path.push('/');
                    crate::error::push_pointer_token(path, &k);
                    if wanted.contains(&t.offset().unwrap_or_default()) {
                        found.push(path.clone());
                    }
                    pointers_in(t, path, wanted, found)?;
                    path.truncate(len);
                    key = t.next_key()?;
                }
            }
            Peek::Array => {
                let mut more = t.begin_array()?;
                let mut index = 0usize;
                while more {
                    let len = path.len();
                    path.push('/');
                    path.push_str(&index.to_string());
                    pointers_in(t, path, wanted, found)?;
                    path.truncate(len);
                    index += 1;
                    more = t.next_item()?;
                }
            }
            kind => {
                t.scalar(kind)?;
            }
        }
        Ok(())
    })
}

/// The byte offset, in the raw text of a string token (from its opening
/// quote), of the character at `unescaped` bytes into the string's value: a
/// position inside a document saved as a JSON string, mapped back to the
/// file.
pub(crate) fn raw_offset(token: &str, unescaped: usize) -> usize {
    let bytes = token.as_bytes();
    let (mut raw, mut value) = (1, 0); // after the opening quote
    while value < unescaped {
        match bytes.get(raw) {
            None | Some(b'"') => break,
            Some(b'\\') => {
                let (len, decoded) = match bytes.get(raw + 1) {
                    Some(b'u') => {
                        let code = token
                            .get(raw + 2..raw + 6)
                            .and_then(|h| u32::from_str_radix(h, 16).ok())
                            .unwrap_or(0);
                        if (0xD800..0xDC00).contains(&code) {
                            (12, 4)
                        } else {
                            (6, char::from_u32(code).map_or(3, char::len_utf8))
                        }
                    }
                    _ => (2, 1),
                };
                raw += len;
                value += decoded;
            }
            Some(_) => {
                raw += 1;
                value += 1;
            }
        }
    }
    raw
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_offsets_step_over_escapes() {
        let token = r#""a\"b\u00e9\ud83d\ude00c""#;
        // value: a " b é(2 bytes) 😀(4 bytes) c
        assert_eq!(raw_offset(token, 0), 1);
        assert_eq!(raw_offset(token, 2), 4);
        assert_eq!(raw_offset(token, 3), 5);
        assert_eq!(raw_offset(token, 5), 11);
        assert_eq!(raw_offset(token, 9), 23);
    }
}
