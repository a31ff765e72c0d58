//! Gazetteer: Indian places, parties, institutions and offices, and countries, found in
//! a text in either script (`भाजपा` and `BJP` are both `party:bjp`, `लखनऊ` and `Lucknow`
//! both `city:lucknow`).
//!
//! The rule (the pure-Python twin `asimtext.pure.gazetteer` follows it exactly):
//! * words are maximal runs of ASCII letters and digits, or of Devanagari letters and
//!   signs (U+0900..=U+0963, U+0971..=U+097F, ZWNJ, ZWJ);
//! * a word's key: Devanagari with nukta letters folded to their base letter, the nukta
//!   sign and ZWNJ/ZWJ removed, candrabindu as anusvara; ASCII in lower case, except an
//!   all-capital word of 2 to 4 characters, kept as written behind `=`;
//! * at each word the longest name (at most [`MAX_WORDS`] words) wins and matching
//!   resumes after it; a name listed by two entries belongs to the first.
//!
//! Offsets are code points.

mod data;

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::normalize::devanagari::is_word_char as is_deva_word;

pub use data::ENTRIES;

/// The longest name, in words.
pub const MAX_WORDS: usize = 6;

fn fold(c: char) -> Option<char> {
    match c {
        '\u{0958}' => Some('\u{0915}'),
        '\u{0959}' => Some('\u{0916}'),
        '\u{095A}' => Some('\u{0917}'),
        '\u{095B}' => Some('\u{091C}'),
        '\u{095C}' => Some('\u{0921}'),
        '\u{095D}' => Some('\u{0922}'),
        '\u{095E}' => Some('\u{092B}'),
        '\u{095F}' => Some('\u{092F}'),
        '\u{093C}' | '\u{200C}' | '\u{200D}' => None,
        '\u{0901}' => Some('\u{0902}'),
        other => Some(other),
    }
}

/// The key of one word (see the module docs).
pub fn word_key(word: &[char]) -> String {
    if word.first().is_some_and(|c| c.is_ascii()) {
        let upper = word.iter().any(|c| c.is_ascii_uppercase())
            && !word.iter().any(|c| c.is_ascii_lowercase());
        if (2..=4).contains(&word.len()) && upper {
            let mut s = String::with_capacity(word.len() + 1);
            s.push('=');
            s.extend(word.iter());
            return s;
        }
        return word.iter().map(|c| c.to_ascii_lowercase()).collect();
    }
    word.iter().filter_map(|&c| fold(c)).collect()
}

/// `(start, end)` code-point offsets of the words of a text.
fn words(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let latin = c.is_ascii_alphanumeric();
        if !latin && !is_deva_word(c) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len()
            && (if latin {
                chars[i].is_ascii_alphanumeric()
            } else {
                is_deva_word(chars[i])
            })
        {
            i += 1;
        }
        out.push((start, i));
    }
    out
}

fn name_keys(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    words(&chars)
        .into_iter()
        .map(|(a, b)| word_key(&chars[a..b]))
        .collect()
}

/// Names by their word keys, and for each first word the most words a name starting
/// with it has (most words of a text start no name: one lookup skips them).
struct Table {
    names: HashMap<Vec<String>, usize>,
    first: HashMap<String, usize>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut names = HashMap::new();
        let mut first: HashMap<String, usize> = HashMap::new();
        for (n, (_, _, _, list)) in ENTRIES.iter().enumerate() {
            for name in list.iter() {
                let keys = name_keys(name);
                if !keys.is_empty() && keys.len() <= MAX_WORDS {
                    let longest = first.entry(keys[0].clone()).or_insert(0);
                    *longest = (*longest).max(keys.len());
                    names.entry(keys).or_insert(n);
                }
            }
        }
        Table { names, first }
    })
}

/// The gazetteer names in `text`: `(start, end, entry index)` in text order; the entry
/// is `ENTRIES[index]`.
pub fn find(text: &str) -> Vec<(usize, usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let ws = words(&chars);
    let keys: Vec<String> = ws.iter().map(|&(a, b)| word_key(&chars[a..b])).collect();
    let t = table();
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let Some(&longest) = t.first.get(&keys[i]) else {
            i += 1;
            continue;
        };
        let mut hit = None;
        for k in (1..=longest.min(ws.len() - i)).rev() {
            if let Some(&e) = t.names.get(&keys[i..i + k]) {
                hit = Some((k, e));
                break;
            }
        }
        match hit {
            Some((k, e)) => {
                out.push((ws[i].0, ws[i + k - 1].1, e));
                i += k;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(text: &str) -> Vec<&'static str> {
        find(text)
            .into_iter()
            .map(|(_, _, e)| ENTRIES[e].0)
            .collect()
    }

    #[test]
    fn names_across_scripts() {
        assert_eq!(ids("लखनऊ में भाजपा की रैली"), ["city:lucknow", "party:bjp"]);
        assert_eq!(ids("BJP rally in Lucknow"), ["party:bjp", "city:lucknow"]);
        assert_eq!(
            ids("लोकसभा, Lok Sabha, नई दिल्ली"),
            ["inst:loksabha", "inst:loksabha", "ut:dl"]
        );
    }

    #[test]
    fn acronyms_keep_their_case() {
        assert_eq!(ids("US and us"), ["country:us"]);
    }

    #[test]
    fn offsets_are_code_points() {
        let f = find("में ईरान");
        assert_eq!((f[0].0, f[0].1), (4, 8));
    }
}
