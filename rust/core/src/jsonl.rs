//! JSON Lines records parsed without Python: the fast path of the dump
//! readers (`asimtext normalize | spans | dedup`).
//!
//! A block of whole lines is split at `\n` and the lines are parsed in
//! parallel (serde_json). A line is taken here only when the Python reader
//! (`asimtext.io`, the twin) would surely accept it as it is: a JSON object
//! whose text field is a string with something other than white space, whose
//! id is absent, null, a non-empty string or an integer, and whose optional
//! article fields (`title`, `source`, `url`, `lang`) are absent, null or
//! strings, with no `published` (a date the Python side validates). Any other
//! line (malformed JSON, not UTF-8, a lone surrogate escape, NaN, a float or
//! boolean id, an empty text, ...) is [`Line::Other`]: the Python reader
//! parses it again and names its fault exactly as it always did, so the
//! accounting (skips, reasons, line numbers) does not depend on the path.

use rayon::prelude::*;
use serde_json::{Map, Value};

/// One line of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// Only ASCII white space: not a record.
    Blank,
    /// A record the fast path takes: its id (`None`: absent or null) and text.
    Record { id: Option<String>, text: String },
    /// Anything else: left to the Python reader.
    Other,
}

/// The article fields besides text and id that the Python reader checks.
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

/// Parse one line (without its `\n`).
pub fn parse_line(line: &[u8], text_field: &str, id_field: &str) -> Line {
    if line.iter().all(|&b| is_ascii_ws(b)) {
        return Line::Blank;
    }
    let Ok(mut obj) = serde_json::from_slice::<Map<String, Value>>(line) else {
        return Line::Other;
    };
    for name in STR_FIELDS {
        if !matches!(
            obj.get(name),
            None | Some(Value::Null) | Some(Value::String(_))
        ) {
            return Line::Other;
        }
    }
    if !matches!(obj.get("published"), None | Some(Value::Null)) {
        return Line::Other;
    }
    let id = match obj.get(id_field) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
        Some(Value::Number(n)) if n.is_i64() || n.is_u64() => Some(n.to_string()),
        Some(_) => return Line::Other,
    };
    match obj.remove(text_field) {
        Some(Value::String(text)) if !text.chars().all(is_py_space) => Line::Record { id, text },
        _ => Line::Other,
    }
}

/// Parse every line of `block` (whole lines; a last line without `\n` is a
/// line too), in parallel; one entry per line, in order.
pub fn parse_block(block: &[u8], text_field: &str, id_field: &str) -> Vec<Line> {
    let mut lines: Vec<&[u8]> = block.split(|&b| b == b'\n').collect();
    if block.last() == Some(&b'\n') || block.is_empty() {
        lines.pop(); // the empty piece after the final `\n`
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
            r#"{"id": "a", "text": "x", "published": "2022-01-11"}"#,
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
