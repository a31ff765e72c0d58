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

pub use data::ENTRIES;

/// The longest name, in words.
pub const MAX_WORDS: usize = 6;

fn is_deva_word(c: char) -> bool {
    matches!(c, '\u{0900}'..='\u{0963}' | '\u{0971}'..='\u{097F}' | '\u{200C}' | '\u{200D}')
}

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

fn table() -> &'static HashMap<Vec<String>, usize> {
    static TABLE: OnceLock<HashMap<Vec<String>, usize>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = HashMap::new();
        for (n, (_, _, _, names)) in ENTRIES.iter().enumerate() {
            for name in names.iter() {
                let keys = name_keys(name);
                if !keys.is_empty() && keys.len() <= MAX_WORDS {
                    t.entry(keys).or_insert(n);
                }
            }
        }
        t
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
    let mut probe: Vec<String> = Vec::with_capacity(MAX_WORDS);
    while i < ws.len() {
        let mut hit = None;
        for k in (1..=MAX_WORDS.min(ws.len() - i)).rev() {
            probe.clear();
            probe.extend(keys[i..i + k].iter().cloned());
            if let Some(&e) = t.get(&probe) {
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
