//! Timestamp rules, for validation and for the typed accessors alike:
//! `YYYY-MM-DDTHH:MM:SSZ` strictly, the forms seen in the wild leniently, a
//! real calendar date and time always.
//!
//! | form | example | reads as |
//! |---|---|---|
//! | documented | `2021-03-16T08:01:19Z` | strict |
//! | fractional seconds | `2021-03-16T08:01:19.000Z` | lenient |
//! | numeric offset | `2021-03-16T08:01:31.000+00:00` | lenient (converted to UTC) |
//! | no zone (read as UTC) | `2022-03-30T03:36:11.000` | lenient |
//! | a space for `T`, lower-case `t`/`z` | `2021-01-11 11:39:44.0` | lenient |
//! | surrounding white space (pretty-printed XML) | `\n  2021-03-16T08:01:19Z\n` | lenient |
//! | epoch milliseconds, or seconds (`LastUpdateTime` only), text or number | `1566291090000` | strict |
//! | anything else, or an impossible date (`2021-02-30`, hour 25, a leap second) | | invalid |

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

/// Which forms a member takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// Calendar forms only.
    Calendar,
    /// Calendar forms, or an epoch in milliseconds or seconds.
    CalendarOrEpoch,
}

/// How a timestamp text reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stamp {
    /// The documented form.
    Strict(DateTime<Utc>),
    /// Fractional seconds, a numeric offset, no zone, or a space for `T`.
    Lenient(DateTime<Utc>),
    /// Not a timestamp, or not a real date and time.
    Invalid,
}

impl Stamp {
    pub(crate) fn time(self) -> Option<DateTime<Utc>> {
        match self {
            Stamp::Strict(t) | Stamp::Lenient(t) => Some(t),
            Stamp::Invalid => None,
        }
    }
}

/// Reads a timestamp member's text; `None` when it is blank (present, no value).
pub(crate) fn read_member(text: &str, form: Form) -> Option<Stamp> {
    let trimmed = text.trim_matches(crate::value::is_space);
    if trimmed.is_empty() {
        return None;
    }
    if form == Form::CalendarOrEpoch
        && let Some(t) = epoch(trimmed)
    {
        return Some(if trimmed.len() == text.len() {
            Stamp::Strict(t)
        } else {
            Stamp::Lenient(t)
        });
    }
    Some(match read(trimmed) {
        Stamp::Strict(t) if trimmed.len() != text.len() => Stamp::Lenient(t),
        other => other,
    })
}

/// An epoch: digits, as milliseconds from 10^11 on (before that, seconds).
fn epoch(text: &str) -> Option<DateTime<Utc>> {
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = crate::scalar::exact_integer(text)?;
    if n >= 100_000_000_000 {
        DateTime::from_timestamp_millis(n)
    } else {
        DateTime::from_timestamp(n, 0)
    }
}

/// Reads a timestamp's text (no surrounding white space).
pub(crate) fn read(text: &str) -> Stamp {
    if let Some(t) = strict(text) {
        return Stamp::Strict(t);
    }
    let lenient = DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .ok()
        .or_else(|| {
            ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f"]
                .iter()
                .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
                .map(|t| t.and_utc())
        });
    match lenient {
        // chrono keeps a leap second (`:60`) as nanoseconds past 1e9; DTS never
        // sends one, so it is not a real time here.
        Some(t) if t.timestamp_subsec_nanos() < 1_000_000_000 => Stamp::Lenient(t),
        _ => Stamp::Invalid,
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ`, digits checked by position, date and time by chrono.
fn strict(text: &str) -> Option<DateTime<Utc>> {
    let b = text.as_bytes();
    if b.len() != 20 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') || b.get(10) != Some(&b'T') {
        return None;
    }
    if b.get(13) != Some(&b':') || b.get(16) != Some(&b':') || b.get(19) != Some(&b'Z') {
        return None;
    }
    let num = |from: usize, to: usize| -> Option<u32> {
        let digits = b.get(from..to)?;
        digits.iter().try_fold(0u32, |acc, d| {
            d.is_ascii_digit().then(|| acc * 10 + u32::from(d - b'0'))
        })
    };
    let date = NaiveDate::from_ymd_opt(i32::try_from(num(0, 4)?).ok()?, num(5, 7)?, num(8, 10)?)?;
    let time = date.and_hms_opt(num(11, 13)?, num(14, 16)?, num(17, 19)?)?;
    Some(time.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each of `lenient` reads leniently, each of `invalid` as no timestamp.
    fn assert_reads(lenient: &[&str], invalid: &[&str]) {
        for text in lenient {
            assert!(matches!(read(text), Stamp::Lenient(_)), "{text}");
        }
        for text in invalid {
            assert_eq!(read(text), Stamp::Invalid, "{text}");
        }
    }

    #[test]
    fn forms() {
        assert!(matches!(read("2021-03-16T08:01:19Z"), Stamp::Strict(_)));
        assert_reads(
            &[
                "2021-03-16T08:01:19.000Z",
                "2021-03-16T08:01:19+00:00",
                "2021-03-16T08:01:31.000+00:00",
                "2022-03-30T03:36:11.000",
                "2021-01-11 11:39:44.0",
                "2021-01-11 11:39:44",
                "2021-03-16t08:01:19z",
            ],
            &[
                "2021-02-30T08:01:19Z",
                "2021-03-16T25:00:00Z",
                "2021-03-16T08:61:00Z",
                "2021-03-16T08:01:60Z",
                "2021-02-30 08:01:19",
                "156629109****",
                "yesterday",
                "2021-03-16",
                "",
            ],
        );
        assert_eq!(
            read("2021-03-16T08:01:19+08:00").time(),
            read("2021-03-16T00:01:19Z").time()
        );
    }

    /// Twenty characters, one place off the documented form: each reads as
    /// what it is (lenient, or invalid), never as the documented form.
    #[test]
    fn near_misses_of_the_documented_form() {
        assert_reads(
            &[
                "2021-03-16 08:01:19Z",
                "2021-03-16t08:01:19Z",
                "2021-03-16T08:01:19z",
            ],
            &[
                "2021/03-16T08:01:19Z",
                "2021-03/16T08:01:19Z",
                "2021-03-16T08.01:19Z",
                "2021-03-16T08:01.19Z",
                "2021-03-16T08:01:19ZZ",
                "2021-03-16T08:01:1Z",
                "202a-03-16T08:01:19Z",
            ],
        );
    }

    #[test]
    fn members() {
        use Form::*;
        assert_eq!(read_member("", Calendar), None);
        assert_eq!(read_member("  ", CalendarOrEpoch), None);
        assert!(matches!(
            read_member("\n  2021-03-16T08:01:19Z\t", Calendar),
            Some(Stamp::Lenient(_))
        ));
        let ms = read_member("1566291090000", CalendarOrEpoch).and_then(Stamp::time);
        assert_eq!(ms.map(|t| t.timestamp()), Some(1_566_291_090));
        let s = read_member("1566291090", CalendarOrEpoch).and_then(Stamp::time);
        assert_eq!(s.map(|t| t.timestamp()), Some(1_566_291_090));
        assert_eq!(read_member("1566291090000", Calendar), Some(Stamp::Invalid));
        assert_eq!(
            read_member("156629109****", CalendarOrEpoch),
            Some(Stamp::Invalid)
        );
        assert!(matches!(
            read_member("2023-11-02T03:04:05Z", CalendarOrEpoch),
            Some(Stamp::Strict(_))
        ));
    }
}
