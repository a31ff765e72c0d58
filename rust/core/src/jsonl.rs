//! JSON Lines records parsed without Python: the fast path of the dump
//! readers (`asimtext normalize | spans | dedup`).
//!
//! A block of whole lines is split at `\n` and the lines are parsed in
//! parallel (serde_json, reading only the fields the reader needs: no map
//! of the whole record is built). A line is taken here only when the Python
//! reader (`asimtext.io`, the twin) would surely accept it as it is: valid
//! UTF-8 holding a JSON object whose text field is a string with something
//! other than white space, whose id is absent, null, a non-empty string or
//! an integer, whose optional article fields (`title`, `source`, `url`,
//! `lang`) are absent, null or strings, and whose `published` is absent,
//! null or a string starting with a valid `YYYY-MM-DD` date. Any other line
//! (malformed JSON, not UTF-8, a lone surrogate escape, NaN, a float or
//! boolean id, an empty text, another form of date, ...) is [`Line::Other`]:
//! the Python reader parses it again and names its fault exactly as it
//! always did, so the accounting (skips, reasons, line numbers) does not
//! depend on the path.

use rayon::prelude::*;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

/// One line of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// Only ASCII white space: not a record.
    Blank,
    /// A record the fast path takes: its id (`None`: absent or null), text
    /// and `published` value (`None`: absent or null).
    Record {
        id: Option<String>,
        text: String,
        published: Option<String>,
    },
    /// Anything else: left to the Python reader.
    Other,
}

/// The article fields besides text and id that the Python reader checks
/// are strings (`published` is checked apart: it must also be a date).
const STR_FIELDS: [&str; 4] = ["title", "source", "url", "lang"];

/// What Python's `bytes.strip()` removes (and `raw.strip()` tests for a blank line).
fn is_ascii_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// Python's `str.isspace()` for one character (what `str.strip()` removes).
fn is_py_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n'
            | '\u{0B}'
            | '\u{0C}'
            | '\r'
            | '\u{1C}'..='\u{1F}'
            | ' '
            | '\u{85}'
            | '\u{A0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200A}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}'
    )
}

/// Whether `s` starts with a valid `YYYY-MM-DD` calendar date (years 1 to
/// 9999), which Python's `date.fromisoformat(s[:10])` accepts in every
/// version; other forms it may accept are left to it (`Line::Other`).
pub fn starts_with_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + (c - b'0') as u32)
        })
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    y >= 1 && (1..=days).contains(&d)
}

/// A value of a field the reader looks at, as far as it matters here.
#[derive(Clone)]
enum Val<'a> {
    Null,
    Str(Cow<'a, str>),
    /// An integer, as Python's `str(int)` writes it.
    Int(String),
    /// Anything else (float, bool, array, object).
    Other,
}

struct ValSeed;

impl<'de> DeserializeSeed<'de> for ValSeed {
    type Value = Val<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Val<'de>, D::Error> {
        d.deserialize_any(ValSeed)
    }
}

impl<'de> Visitor<'de> for ValSeed {
    type Value = Val<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Val<'de>, E> {
        Ok(Val::Null)
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Val<'de>, E> {
        Ok(Val::Str(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Val<'de>, E> {
        Ok(Val::Str(Cow::Owned(v.to_string())))
    }
    fn visit_string<E>(self, v: String) -> Result<Val<'de>, E> {
        Ok(Val::Str(Cow::Owned(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Val<'de>, E> {
        Ok(Val::Int(v.to_string()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Val<'de>, E> {
        Ok(Val::Int(v.to_string()))
    }
    fn visit_f64<E>(self, _: f64) -> Result<Val<'de>, E> {
        Ok(Val::Other)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Val<'de>, E> {
        Ok(Val::Other)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Val<'de>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Val::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Val<'de>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Val::Other)
    }
}

/// An object key, borrowed when it has no escapes.
struct Key<'a>(Cow<'a, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_string())))
            }
            fn visit_string<E>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

/// The fields of one record the reader looks at (the last value of a
/// repeated key wins, as in Python's `json`); `None`: absent.
struct Fields<'a, 'n> {
    names: [&'n str; 7],
    vals: [Option<Val<'a>>; 7],
}

impl<'de> Visitor<'de> for &mut Fields<'de, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(Key(k)) = map.next_key::<Key<'de>>()? {
            // One key may fill several roles (`--id-field title`).
            let hits =
                (self.names.iter().enumerate()).fold(0u8, |m, (i, n)| m | (((*n == k) as u8) << i));
            if hits != 0 {
                let v = map.next_value_seed(ValSeed)?;
                for (i, slot) in self.vals.iter_mut().enumerate() {
                    if hits >> i & 1 == 1 {
                        *slot = Some(v.clone());
                    }
                }
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

/// Parse one line (without its `\n`).
pub fn parse_line(line: &[u8], text_field: &str, id_field: &str) -> Line {
    if line.iter().all(|&b| is_ascii_ws(b)) {
        return Line::Blank;
    }
    // Validated here at SIMD speed; serde_json then reads it as a `str`
    // without checking each string again.
    let Ok(s) = simdutf8::basic::from_utf8(line) else {
        return Line::Other;
    };
    let mut f = Fields {
        names: [
            text_field,
            id_field,
            "published",
            STR_FIELDS[0],
            STR_FIELDS[1],
            STR_FIELDS[2],
            STR_FIELDS[3],
        ],
        vals: Default::default(),
    };
    let mut de = serde_json::Deserializer::from_str(s);
    if de.deserialize_map(&mut f).is_err() || de.end().is_err() {
        return Line::Other;
    }
    let [text, id, published, rest @ ..] = f.vals;
    if !rest
        .iter()
        .all(|v| matches!(v, None | Some(Val::Null) | Some(Val::Str(_))))
    {
        return Line::Other;
    }
    let published = match published {
        None | Some(Val::Null) => None,
        Some(Val::Str(p)) if starts_with_iso_date(&p) => Some(p.into_owned()),
        Some(_) => return Line::Other,
    };
    let id = match id {
        None | Some(Val::Null) => None,
        Some(Val::Str(s)) if !s.is_empty() => Some(s.into_owned()),
        Some(Val::Int(n)) => Some(n),
        Some(_) => return Line::Other,
    };
    match text {
        Some(Val::Str(text)) if !text.chars().all(is_py_space) => Line::Record {
            id,
            text: text.into_owned(),
            published,
        },
        _ => Line::Other,
    }
}

/// Parse every line of `block` (whole lines; a last line without `\n` is a
/// line too), in parallel; one entry per line, in order.
pub fn parse_block(block: &[u8], text_field: &str, id_field: &str) -> Vec<Line> {
    // memchr finds the line breaks many bytes at a time: this split is the
    // serial part of the parse.
    let mut lines: Vec<&[u8]> = Vec::with_capacity(block.len() / 1024 + 1);
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', block) {
        lines.push(&block[start..end]);
        start = end + 1;
    }
    if start < block.len() {
        lines.push(&block[start..]); // a last line without `\n`
    }
    lines
        .par_iter()
        .with_min_len(64)
        .map(|l| parse_line(l, text_field, id_field))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Line {
        parse_line(s.as_bytes(), "text", "id")
    }

    fn rec(id: Option<&str>, text: &str) -> Line {
        Line::Record {
            id: id.map(str::to_string),
            text: text.to_string(),
            published: None,
        }
    }

    #[test]
    fn records() {
        assert_eq!(
            p(r#"{"id": "a1", "text": "नमस्ते"}"#),
            rec(Some("a1"), "नमस्ते")
        );
        assert_eq!(p(r#"{"id": 7, "text": "x"}"#), rec(Some("7"), "x"));
        assert_eq!(p(r#"{"id": -7, "text": "x"}"#), rec(Some("-7"), "x"));
        assert_eq!(p(r#"{"text": "x", "id": null}"#), rec(None, "x"));
        assert_eq!(p(r#"{"text": "x"}"#), rec(None, "x"));
        assert_eq!(
            p(r#"{"id": "a", "text": "\u0915\n", "title": "t", "lang": null}"#),
            rec(Some("a"), "क\n")
        );
        // Duplicate keys: the last wins, as in Python's json.
        assert_eq!(
            p(r#"{"id": "a", "text": "x", "text": "y"}"#),
            rec(Some("a"), "y")
        );
        assert_eq!(p("  \t\r"), Line::Blank);
        assert_eq!(p(""), Line::Blank);
    }

    #[test]
    fn dates() {
        let p = |s: &str| parse_line(s.as_bytes(), "text", "id");
        assert_eq!(
            p(r#"{"text": "x", "published": "2024-02-29T10:00+05:30", "x": [1, {"a": null}]}"#),
            Line::Record {
                id: None,
                text: "x".into(),
                published: Some("2024-02-29T10:00+05:30".into()),
            }
        );
        for ok in ["0001-01-01", "9999-12-31", "2000-02-29", "2022-01-11 junk"] {
            assert!(starts_with_iso_date(ok), "{ok}");
        }
        for bad in [
            "1900-02-29",
            "2022-13-01",
            "2022-00-10",
            "2022-1-11",
            "२०२२-०१-११",
            "2022-01-1",
        ] {
            assert!(!starts_with_iso_date(bad), "{bad}");
        }
        // The id field may be any field, even the text's.
        assert_eq!(
            parse_line(br#"{"text": "x"}"#, "text", "text"),
            rec(Some("x"), "x")
        );
    }

    #[test]
    fn everything_else_is_left_to_python() {
        for s in [
            r#"{"id": "a", "text": "x""#,
            r#"["x"]"#,
            r#"{"id": "a"}"#,
            r#"{"id": "a", "text": null}"#,
            r#"{"id": "a", "text": 5}"#,
            r#"{"id": "a", "text": "  \u00a0\u3000 "}"#,
            r#"{"id": "a", "text": ""}"#,
            r#"{"id": "", "text": "x"}"#,
            r#"{"id": 1.5, "text": "x"}"#,
            r#"{"id": true, "text": "x"}"#,
            r#"{"id": 123456789012345678901234567890, "text": "x"}"#,
            r#"{"id": "a", "text": "x\ud800"}"#,
            r#"{"id": "a", "text": "x", "title": 5}"#,
            r#"{"id": "a", "text": "x", "published": "2022-02-30"}"#,
            r#"{"id": "a", "text": "x", "published": "0000-01-01"}"#,
            r#"{"id": "a", "text": "x", "published": "2022W011"}"#,
            r#"{"id": "a", "text": "x", "published": " 2022-01-11"}"#,
            r#"{"id": "a", "text": "x", "published": "   "}"#,
            r#"{"id": "a", "text": "x", "published": 2022}"#,
            r#"{"id": "a", "text": "x", "source": ["a"]}"#,
            r#"{"id": "a", "text": "x"} x"#,
            r#"{"id": "a", "text": NaN}"#,
            "\u{FEFF}{\"text\": \"x\"}",
        ] {
            assert_eq!(p(s), Line::Other, "{s}");
        }
        assert_eq!(
            parse_line(b"{\"text\": \"\xff\"}", "text", "id"),
            Line::Other
        );
    }

    #[test]
    fn blocks() {
        let b = b"{\"text\": \"a\"}\n\n{\"text\": \"b\"}";
        assert_eq!(
            parse_block(b, "text", "id"),
            vec![rec(None, "a"), Line::Blank, rec(None, "b")]
        );
        let b = b"{\"text\": \"a\"}\n";
        assert_eq!(parse_block(b, "text", "id"), vec![rec(None, "a")]);
        assert!(parse_block(b"", "text", "id").is_empty());
    }
}
