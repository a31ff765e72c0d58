//! The prepared document: what the digest's prepare and stories stages read
//! from a text, computed in one pass over it (contract: docs/contracts/prepare.md).
//!
//! Per text, [`prepare`] computes
//! * its spans ([`crate::spans`]): the text normalized to the match key with
//!   its offset map **once**, the grammar run over that, and the spans kept
//!   unresolved (kind, value, offsets and covered text in one string arena per
//!   text); [`DocSpans::spans`] resolves them against any reference date when
//!   they are read, so a stage that needs them again (another reference date,
//!   the stories shown) does not normalize or scan the text again;
//! * its words as the story grouping's vocabulary reads them
//!   ([`crate::vocab::DocWords`]: the raw text's words, counted; no
//!   normalization: each distinct word of the corpus is keyed once when the
//!   vocabulary is assembled, [`crate::vocab::assemble`]);
//! * its match-key tokens ([`crate::prepare::tokens::DocTokens`]: hashes
//!   and original spans, from the same normalization), from which the
//!   near-duplicates, copies, passages and sentence templates are derived;
//! * its language ([`detect_lang`], on the raw text);
//! * its gazetteer names ([`crate::gazetteer::find`], on the raw text by the
//!   gazetteer's own word rule).
//!
//! [`prepare_batch`] does a batch of texts on all threads of the pool it runs in.

use rayon::prelude::*;

use crate::gazetteer;
use crate::normalize::devanagari::is_word_char as is_dev;
use crate::normalize::{normalize_with_offsets, Normalized, Options};
use crate::prepare::tokens::DocTokens;
use crate::source::TextSource;
use crate::spans::{self, resolve, Date, Kind, Span};
use crate::vocab::DocWords;

/// The characters [`detect_lang`] reads: the first `LANG_SAMPLE` code points.
pub const LANG_SAMPLE: usize = 6000;

/// A text's language as the digest tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Devanagari letters are at least 70 % of the letters.
    Hi,
    /// Latin letters are at least 70 % of the letters.
    En,
    /// Both scripts, neither at 70 %.
    Mixed,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Hi => "hi",
            Lang::En => "en",
            Lang::Mixed => "mixed",
        }
    }
}

/// `hi` (mostly Devanagari letters), `en` (mostly ASCII Latin letters),
/// `mixed`, or `None` without a letter of either, read on the first
/// [`LANG_SAMPLE`] code points. Devanagari letters are the word characters of
/// [`crate::normalize::devanagari::is_word_char`]. The twin is
/// `asimtext.digest.text.detect_lang`'s regular-expression rule.
pub fn detect_lang(text: &str) -> Option<Lang> {
    detect_lang_code_points(text.chars().map(u32::from))
}

/// [`detect_lang`] over code points (a surrogate is no letter), of which
/// it reads the first [`LANG_SAMPLE`].
pub fn detect_lang_code_points(cps: impl Iterator<Item = u32>) -> Option<Lang> {
    let (mut dev, mut lat) = (0u32, 0u32);
    for cp in cps.take(LANG_SAMPLE) {
        if cp < 0x80 {
            lat += u32::from((cp as u8).is_ascii_alphabetic());
        } else if char::from_u32(cp).is_some_and(is_dev) {
            dev += 1;
        }
    }
    lang_of(dev, lat)
}

/// The language of a sample with `dev` Devanagari and `lat` Latin letters.
pub fn lang_of(dev: u32, lat: u32) -> Option<Lang> {
    let total = dev + lat;
    if total == 0 {
        return None;
    }
    let share = dev as f64 / total as f64;
    Some(if share >= 0.7 {
        Lang::Hi
    } else if share <= 0.3 {
        Lang::En
    } else {
        Lang::Mixed
    })
}

/// One unresolved span of a [`DocSpans`]: code point offsets, kind, and where
/// its value and covered text end in the arena (each starts where the one
/// before ends).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Rec {
    start: u32,
    end: u32,
    kind: Kind,
    value_end: u32,
    text_end: u32,
}

/// The spans of a text, unresolved, in one allocation of strings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocSpans {
    arena: String,
    recs: Vec<Rec>,
}

impl DocSpans {
    /// The spans of `text` (see the module documentation), sorted by
    /// `(start, end)` (a stable sort of the extractor's text order).
    pub fn of(text: &str) -> DocSpans {
        DocSpans::of_normalized(text, &normalize_with_offsets(text, &Options::match_key()))
    }

    /// [`DocSpans::of`] from the text's match key with its offset map.
    pub fn of_normalized(text: &str, norm: &Normalized) -> DocSpans {
        let mut cands = spans::unresolved(text, norm);
        cands.sort_by_key(|c| (c.start, c.end));
        let mut out = DocSpans {
            arena: String::with_capacity(cands.iter().map(|c| c.value.len() + c.be - c.bs).sum()),
            recs: Vec::with_capacity(cands.len()),
        };
        for c in cands {
            out.arena.push_str(&c.value);
            let value_end = out.arena.len() as u32;
            out.arena.push_str(text.get(c.bs..c.be).unwrap_or_default());
            out.recs.push(Rec {
                start: c.start as u32,
                end: c.end as u32,
                kind: c.kind,
                value_end,
                text_end: out.arena.len() as u32,
            });
        }
        out
    }

    pub fn len(&self) -> usize {
        self.recs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.recs.is_empty()
    }

    /// The spans, each date and weekday resolved against `reference`: what
    /// [`crate::spans::extract`] gives with that reference date, in
    /// `(start, end)` order.
    pub fn spans(&self, reference: Option<Date>) -> Vec<Span> {
        let mut at = 0usize;
        self.recs
            .iter()
            .map(|r| {
                let value = &self.arena[at..r.value_end as usize];
                let text = &self.arena[r.value_end as usize..r.text_end as usize];
                at = r.text_end as usize;
                Span {
                    start: r.start as usize,
                    end: r.end as usize,
                    text: text.to_string(),
                    kind: r.kind,
                    value: value.to_string(),
                    resolved: resolve::resolve(r.kind, value, reference),
                }
            })
            .collect()
    }

    /// Bytes held (for memory accounting).
    pub fn heap_bytes(&self) -> usize {
        self.arena.capacity() + self.recs.capacity() * std::mem::size_of::<Rec>()
    }
}

/// A gazetteer name in a text: code point offsets and the index of its entry
/// in [`crate::gazetteer::ENTRIES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub start: u32,
    pub end: u32,
    pub entry: u32,
}

/// What the digest reads from one text (see the module documentation).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Prepared {
    pub spans: DocSpans,
    pub tokens: DocTokens,
    pub words: DocWords,
    pub lang: Option<Lang>,
    pub places: Vec<Place>,
}

/// Prepare one text.
pub fn prepare(text: &str) -> Prepared {
    let places = gazetteer::find(text)
        .into_iter()
        .map(|(s, e, entry)| Place {
            start: s as u32,
            end: e as u32,
            entry: entry as u32,
        })
        .collect();
    // The one normalization of the text: its spans and tokens are read from it.
    let norm = normalize_with_offsets(text, &Options::match_key());
    Prepared {
        spans: DocSpans::of_normalized(text, &norm),
        tokens: DocTokens::with_context(text, &norm),
        words: DocWords::of(text),
        lang: detect_lang(text),
        places,
    }
}

/// [`prepare`] over a batch, in parallel (rayon; the texts converted by the
/// worker that reads them).
pub fn prepare_batch<S: TextSource + ?Sized>(texts: &S) -> Vec<Prepared> {
    (0..texts.len())
        .into_par_iter()
        .map_init(String::new, |buf, i| prepare(texts.text(i, buf)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spans::{extract, ExtractOptions};

    #[test]
    fn spans_are_the_extractors_under_any_reference() {
        let texts = [
            "शनिवार 8 जनवरी को 1,200 लोग आए; 15 जनवरी 2022 को ₹5 करोड़।",
            "On Saturday, 3 of 10 (30%) left at 5:30 PM.",
            "",
            "no spans here",
        ];
        let refs = [None, Some(Date::parse("2022-01-10").unwrap())];
        for t in texts {
            let d = DocSpans::of(t);
            for r in refs {
                let mut want = extract(
                    t,
                    &ExtractOptions {
                        reference: r,
                        ..Default::default()
                    },
                );
                want.sort_by_key(|s| (s.start, s.end));
                assert_eq!(d.spans(r), want, "{t:?}");
            }
        }
    }

    #[test]
    fn language_by_letter_share() {
        assert_eq!(detect_lang("कानपुर में बारिश"), Some(Lang::Hi));
        assert_eq!(detect_lang("Rain in Kanpur today"), Some(Lang::En));
        assert_eq!(detect_lang("कानपुर Kanpur"), Some(Lang::Mixed));
        assert_eq!(detect_lang("१२३ 456 ।"), None);
        // Only the sample counts.
        let t = "a".repeat(LANG_SAMPLE) + &"क".repeat(3 * LANG_SAMPLE);
        assert_eq!(detect_lang(&t), Some(Lang::En));
        // The edges: 7 of 10 is hi, 3 of 10 en.
        assert_eq!(lang_of(7, 3), Some(Lang::Hi));
        assert_eq!(lang_of(3, 7), Some(Lang::En));
        assert_eq!(lang_of(6, 4), Some(Lang::Mixed));
    }

    #[test]
    fn places_and_words() {
        let p = prepare("लखनऊ में BJP की रैली, BJP");
        let ids: Vec<&str> = p
            .places
            .iter()
            .map(|x| gazetteer::ENTRIES[x.entry as usize].0)
            .collect();
        assert_eq!(ids, ["city:lucknow", "party:bjp", "party:bjp"]);
        let words: Vec<&str> = p.words.words().collect();
        assert_eq!(words, ["लखनऊ", "में", "BJP", "की", "रैली"]);
        assert_eq!(p.words.counts(), [1, 1, 2, 1, 1]);
    }
}
