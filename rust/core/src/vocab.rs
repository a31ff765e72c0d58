//! The word keys of a corpus, as the digest groups articles into stories:
//! each article's words, each distinct word keyed once by the cross-script
//! key ([`crate::xscript::keys`]), and the article x key counts.
//!
//! The pure-Python twin is `Vocabulary` in `asimtext/digest/keys.py`; this
//! computes exactly its arrays (same word ids, key ids and order), so that
//! the digest is the same with either.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use rayon::prelude::*;

use crate::normalize::devanagari::is_word_char as is_dev;
use crate::source::TextSource;
use crate::xscript;

/// Articles per step of word-id assignment (the twin's `_CHUNK_DOCS`): the
/// new words of each step get ids in sorted order.
pub const CHUNK_DOCS: usize = 512;

/// Words keyed per parallel piece in step 2 of [`vocabulary`].
const WORDS_PER_PIECE: usize = 4096;

/// Keys shorter than this many code points are dropped (the twin's
/// `MIN_KEY_LEN`).
pub const MIN_KEY_LEN: usize = 2;

/// The article x key counts of a corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct Vocab {
    /// Number of distinct keys (key ids are `0..n_keys`).
    pub n_keys: usize,
    /// Sparse counts, sorted by article then key: `counts[i]` occurrences of
    /// words with key `cols[i]` in article `rows[i]`.
    pub rows: Vec<i64>,
    pub cols: Vec<i64>,
    pub counts: Vec<f64>,
    /// Per key: seen under both a Devanagari and a Latin spelling.
    pub bridge_mask: Vec<bool>,
    /// The keys of `bridge_mask`, in key-id order.
    pub bridge_keys: Vec<String>,
    /// Per article: the number of word tokens.
    pub token_counts: Vec<f64>,
}

/// The word rule of the digest (the twin's `WORD_RE`), as a pattern: a run of
/// Devanagari letters and signs (U+0900-U+0963, U+0971-U+097F, ZWNJ, ZWJ;
/// dandas and digits excluded), or a run of ASCII letters with at most one
/// inner apostrophe (`'` or `’`) followed by more letters.
pub const WORD_PATTERN: &str =
    r"[\x{0900}-\x{0963}\x{0971}-\x{097F}\x{200C}\x{200D}]+|[A-Za-z]+(?:['’][A-Za-z]+)?";

/// The words of `text` as the digest reads them: the matches of
/// [`WORD_PATTERN`], leftmost first.
///
/// A hand-written scanner, not the `regex` crate: it measures about 5x as
/// fast (260-400 MB/s against 53-55 MB/s of news text on one core;
/// `cargo run --release -p asimtext-core --example patterns_speed`, figures
/// in docs/api.md, "Patterns"), and it runs over every word of a corpus. The
/// test `words_are_the_pattern` holds it to the pattern.
pub fn words(text: &str) -> Words<'_> {
    Words { text, pos: 0 }
}

/// Iterator of [`words`].
pub struct Words<'a> {
    text: &'a str,
    pos: usize,
}

fn latin_run(b: &[u8], from: usize) -> usize {
    from + b[from..]
        .iter()
        .take_while(|x| x.is_ascii_alphabetic())
        .count()
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let text = self.text;
        let b = text.as_bytes();
        while self.pos < text.len() {
            let start = self.pos;
            let c = text[start..].chars().next()?;
            if is_dev(c) {
                let end = text[start..]
                    .char_indices()
                    .find(|&(_, c)| !is_dev(c))
                    .map_or(text.len(), |(k, _)| start + k);
                self.pos = end;
                return Some(&text[start..end]);
            }
            if c.is_ascii_alphabetic() {
                let mut end = latin_run(b, start);
                // One apostrophe with letters after it belongs to the word.
                let apostrophe = match &b[end..] {
                    [b'\'', ..] => 1,
                    [0xE2, 0x80, 0x99, ..] => 3, // ’
                    _ => 0,
                };
                if apostrophe > 0 && b.get(end + apostrophe).is_some_and(u8::is_ascii_alphabetic) {
                    end = latin_run(b, end + apostrophe);
                }
                self.pos = end;
                return Some(&text[start..end]);
            }
            self.pos += c.len_utf8();
        }
        None
    }
}

/// FxHash-style word hashing (words are short; the maps are never iterated).
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut w = [0u8; 8];
            w[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(w));
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    fn finish(&self) -> u64 {
        // SplitMix64's finalizer: the table takes its bucket from the low
        // bits, which the multiply alone leaves poorly mixed.
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

impl FxHasher {
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The distinct words of one text in order of first occurrence, with
/// counts; the words are kept end to end in one string (one allocation per
/// text, not per word). What a prepared document keeps for the vocabulary
/// ([`crate::prepare::doc`]): [`assemble`] builds the corpus's arrays from
/// these alone.
#[derive(Default, Debug, Clone, PartialEq, Eq)]
pub struct DocWords {
    text: String,
    ends: Vec<u32>,
    counts: Vec<u32>,
}

impl DocWords {
    /// The words of `text` ([`words`]), counted.
    pub fn of(text: &str) -> DocWords {
        let mut index: FxMap<&str, usize> = FxMap::default();
        let mut out = DocWords::default();
        for w in words(text) {
            match index.get(w) {
                Some(&i) => out.counts[i] += 1,
                None => {
                    index.insert(w, out.counts.len());
                    out.text.push_str(w);
                    out.ends.push(out.text.len() as u32);
                    out.counts.push(1);
                }
            }
        }
        out.text.shrink_to_fit();
        out.ends.shrink_to_fit();
        out.counts.shrink_to_fit();
        out
    }

    /// The distinct words, in order of first occurrence.
    pub fn words(&self) -> impl Iterator<Item = &str> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().map(|&e| e as usize));
        starts
            .zip(self.ends.iter().map(|&e| e as usize))
            .map(|(a, b)| &self.text[a..b])
    }

    /// How many times each word of [`DocWords::words`] occurs.
    pub fn counts(&self) -> &[u32] {
        &self.counts
    }

    /// Bytes held (for memory accounting).
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity() + 4 * (self.ends.capacity() + self.counts.capacity())
    }
}

/// The vocabulary of `texts` (see the module documentation).
pub fn vocabulary<S: TextSource + ?Sized>(texts: &S) -> Vocab {
    let counted: Vec<DocWords> = (0..texts.len())
        .into_par_iter()
        .map_init(String::new, |buf, d| DocWords::of(texts.text(d, buf)))
        .collect();
    assemble_owned(counted)
}

/// The vocabulary of the texts whose words are `docs` (in that order): the
/// arrays [`vocabulary`] gives for those texts.
pub fn assemble(docs: &[&DocWords]) -> Vocab {
    assemble_from(Docs::Borrowed(docs))
}

/// [`assemble`], each text's words freed once read (memory: the table of the
/// corpus's distinct words grows while the texts' words go).
pub fn assemble_owned(docs: Vec<DocWords>) -> Vocab {
    assemble_from(Docs::Owned(docs))
}

enum Docs<'a> {
    Borrowed(&'a [&'a DocWords]),
    Owned(Vec<DocWords>),
}

/// The 64-bit hash a word is looked up by in a [`WordTable`].
fn word_hash(w: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(w.as_bytes());
    h.finish()
}

/// The distinct words of a corpus, by id: end to end in one string, found by
/// their hash (a word whose hash an earlier word took goes to `spill`).
#[derive(Default)]
struct WordTable {
    arena: String,
    ends: Vec<usize>,
    by_hash: FxMap<u64, u32>,
    spill: HashMap<String, u32>,
}

impl WordTable {
    fn word(&self, id: u32) -> &str {
        let i = id as usize;
        let a = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.arena[a..self.ends[i]]
    }

    fn get(&self, w: &str, h: u64) -> Option<u32> {
        match self.by_hash.get(&h) {
            Some(&id) if self.word(id) == w => Some(id),
            Some(_) => self.spill.get(w).copied(),
            None => None,
        }
    }

    fn insert(&mut self, w: &str, h: u64) -> u32 {
        let id = self.ends.len() as u32;
        self.arena.push_str(w);
        self.ends.push(self.arena.len());
        match self.by_hash.entry(h) {
            std::collections::hash_map::Entry::Occupied(_) => {
                self.spill.insert(w.to_string(), id);
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(id);
            }
        }
        id
    }

    fn len(&self) -> usize {
        self.ends.len()
    }
}

/// The keys of a piece of the vocabulary's words, end to end in one string.
#[derive(Default)]
struct PieceKeys {
    arena: String,
    ends: Vec<usize>,
    hashes: Vec<u64>,
    /// Per word of the piece, the end of its keys (a count of keys).
    word_ends: Vec<u32>,
}

impl PieceKeys {
    fn key(&self, k: usize) -> &str {
        let a = if k == 0 { 0 } else { self.ends[k - 1] };
        &self.arena[a..self.ends[k]]
    }
}

fn assemble_from(mut docs: Docs<'_>) -> Vocab {
    let n = match &docs {
        Docs::Borrowed(d) => d.len(),
        Docs::Owned(d) => d.len(),
    };
    // 1. Word ids, a step of CHUNK_DOCS articles at a time; per article the
    //    distinct words (first occurrence order) and their counts.
    let mut table = WordTable::default();
    let mut doc_words: Vec<Vec<(u32, u32)>> = Vec::with_capacity(n);
    let mut step: Vec<Vec<(u32, u32)>> = Vec::new();
    for lo in (0..n).step_by(CHUNK_DOCS) {
        let hi = (lo + CHUNK_DOCS).min(n);
        let counted: Vec<&DocWords> = match &docs {
            Docs::Borrowed(d) => d[lo..hi].to_vec(),
            Docs::Owned(d) => d[lo..hi].iter().collect(),
        };
        // Each word looked up once, in parallel (the table is only read): its
        // id, or NEW; the new words are then given ids in sorted order and
        // only they are looked up again.
        const NEW: u32 = u32::MAX;
        let known = &table;
        counted
            .par_iter()
            .map(|dw| {
                dw.words()
                    .map(|w| known.get(w, word_hash(w)).unwrap_or(NEW))
                    .zip(dw.counts.iter().copied())
                    .collect()
            })
            .collect_into_vec(&mut step);
        let mut new: Vec<&str> = counted
            .par_iter()
            .zip(&step)
            .flat_map_iter(|(dw, ids)| {
                dw.words()
                    .zip(ids.iter())
                    .filter(|(_, &(id, _))| id == NEW)
                    .map(|(w, _)| w)
            })
            .collect();
        new.par_sort_unstable();
        new.dedup();
        // (room made once for this step's new words: the table grows by them
        // exactly, without rehashing on the way)
        table.by_hash.reserve(new.len());
        table.ends.reserve(new.len());
        table.arena.reserve(new.iter().map(|w| w.len()).sum());
        for w in new {
            table.insert(w, word_hash(w));
        }
        let known = &table;
        counted
            .par_iter()
            .zip(step.par_iter_mut())
            .for_each(|(dw, ids)| {
                for (w, id) in dw.words().zip(ids.iter_mut()) {
                    if id.0 == NEW {
                        // (every word is in the table by now)
                        id.0 = known.get(w, word_hash(w)).unwrap_or(0);
                    }
                }
            });
        doc_words.append(&mut step);
        drop(counted);
        if let Docs::Owned(d) = &mut docs {
            d[lo..hi].iter_mut().for_each(|x| *x = DocWords::default());
        }
    }
    drop(docs);
    table.by_hash = FxMap::default();
    table.spill = HashMap::new();
    // The words in id order (slices of the table's one string).
    let vocab: Vec<&str> = (0..table.len() as u32).map(|i| table.word(i)).collect();

    // 2. The keys of each word: the cross-script keys of the words joined by
    //    new lines, each given to the word it starts in (code points). Keys
    //    are line-local (normalization and tokens never cross a new line),
    //    so the words are keyed in pieces, in parallel.
    //    Each piece gives its keys end to end in one string, with their
    //    hashes and, per word, where its keys end (no String per key).
    let pieces: Vec<PieceKeys> = vocab
        .par_chunks(WORDS_PER_PIECE)
        .map(|words| {
            let joined = words.join("\n");
            let mut starts = Vec::with_capacity(words.len());
            let mut at = 0usize;
            for w in words {
                starts.push(at);
                at += w.chars().count() + 1;
            }
            let mut pk = PieceKeys::default();
            let mut per_word = vec![0u32; words.len()];
            for (s, _e, key) in xscript::keys(&joined, false) {
                if key.chars().count() >= MIN_KEY_LEN {
                    per_word[starts.partition_point(|&x| x <= s) - 1] += 1;
                    pk.hashes.push(word_hash(&key));
                    pk.arena.push_str(&key);
                    pk.ends.push(pk.arena.len());
                }
            }
            // (keys come in text order: a word's keys follow the word's before)
            pk.word_ends = per_word
                .iter()
                .scan(0u32, |acc, &c| {
                    *acc += c;
                    Some(*acc)
                })
                .collect();
            pk
        })
        .collect();

    // 3. Key ids in word order; which scripts each key is seen in. The word ->
    //    key ids table in CSR form (`wk_ends[w]` ends word `w`'s ids).
    let mut key_table = WordTable::default();
    let mut scripts: Vec<u8> = Vec::new();
    let mut wk_ids: Vec<u32> = Vec::new();
    let mut wk_ends: Vec<usize> = Vec::with_capacity(vocab.len());
    for (words, pk) in vocab.chunks(WORDS_PER_PIECE).zip(&pieces) {
        let mut k = 0usize;
        for (w, &end) in words.iter().zip(&pk.word_ends) {
            let first = w.chars().next().unwrap_or('\0');
            let bit = if ('\u{0900}'..='\u{097F}').contains(&first) {
                1
            } else {
                2
            };
            while k < end as usize {
                let key = pk.key(k);
                let kid = match key_table.get(key, pk.hashes[k]) {
                    Some(kid) => kid,
                    None => {
                        scripts.push(0);
                        key_table.insert(key, pk.hashes[k])
                    }
                };
                scripts[kid as usize] |= bit;
                wk_ids.push(kid);
                k += 1;
            }
            wk_ends.push(wk_ids.len());
        }
    }
    drop(pieces);
    drop(vocab);
    drop(table);
    let bridge_mask: Vec<bool> = scripts.iter().map(|&s| s == 3).collect();
    let bridge_keys = (0..key_table.len() as u32)
        .filter(|&i| bridge_mask[i as usize])
        .map(|i| key_table.word(i).to_string())
        .collect();
    drop(key_table);
    let word_keys = |w: u32| -> &[u32] {
        let w = w as usize;
        let a = if w == 0 { 0 } else { wk_ends[w - 1] };
        &wk_ids[a..wk_ends[w]]
    };

    // 4. Article x key counts, sorted by key within each article.
    let per_doc: Vec<(Vec<(u32, u64)>, u64)> = doc_words
        .par_iter()
        .map(|ws| {
            let mut kc: Vec<(u32, u64)> = ws
                .iter()
                .flat_map(|&(w, c)| word_keys(w).iter().map(move |&k| (k, c as u64)))
                .collect();
            kc.sort_unstable_by_key(|&(k, _)| k);
            kc.dedup_by(|b, a| {
                if a.0 == b.0 {
                    a.1 += b.1;
                    true
                } else {
                    false
                }
            });
            let tokens = ws.iter().map(|&(_, c)| c as u64).sum();
            (kc, tokens)
        })
        .collect();
    let total: usize = per_doc.iter().map(|(kc, _)| kc.len()).sum();
    let mut out = Vocab {
        n_keys: scripts.len(),
        rows: Vec::with_capacity(total),
        cols: Vec::with_capacity(total),
        counts: Vec::with_capacity(total),
        bridge_mask,
        bridge_keys,
        token_counts: Vec::with_capacity(n),
    };
    for (d, (kc, tokens)) in per_doc.into_iter().enumerate() {
        for (k, c) in kc {
            out.rows.push(d as i64);
            out.cols.push(k as i64);
            out.counts.push(c as f64);
        }
        out.token_counts.push(tokens as f64);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SliceSource;

    #[test]
    fn words_as_the_digest_reads_them() {
        let w: Vec<&str> = words("कानपुर, 2022। Don't rock'n'roll’s x’ क्ष\u{200d}a").collect();
        assert_eq!(
            w,
            ["कानपुर", "Don't", "rock'n", "roll’s", "x", "क्ष\u{200d}", "a"]
        );
        assert_eq!(words("१२ ॥ … ''").count(), 0);
    }

    /// The scanner finds exactly the pattern's matches, on text built from
    /// the characters the rule tells apart.
    #[test]
    fn words_are_the_pattern() {
        let re = regex::Regex::new(WORD_PATTERN).unwrap();
        let alphabet: Vec<char> = "aZ'’ -.क्षि़ंः।॥०१\u{200c}\u{200d}\u{0970}\u{0971}\u{097f}éد\n"
            .chars()
            .collect();
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            let mut t = String::new();
            for _ in 0..(x % 24) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                t.push(alphabet[(x % alphabet.len() as u64) as usize]);
            }
            x = x.wrapping_add(1);
            let want: Vec<&str> = re.find_iter(&t).map(|m| m.as_str()).collect();
            assert_eq!(words(&t).collect::<Vec<_>>(), want, "{t:?}");
        }
    }

    #[test]
    fn words_of_one_hash_are_told_apart() {
        let mut t = WordTable::default();
        assert_eq!(t.insert("कानपुर", 7), 0);
        assert_eq!(t.insert("Kanpur", 7), 1);
        assert_eq!(t.get("कानपुर", 7), Some(0));
        assert_eq!(t.get("Kanpur", 7), Some(1));
        assert_eq!(t.get("other", 7), None);
        assert_eq!(t.get("कानपुर", 8), None);
        assert_eq!((t.word(0), t.word(1), t.len()), ("कानपुर", "Kanpur", 2));
    }

    #[test]
    fn owned_and_borrowed_words_give_one_vocabulary() {
        let texts = ["Kanpur कानपुर Kanpur police", "पुलिस कानपुर", "", "BJP बीजेपी"];
        let dws: Vec<DocWords> = texts.iter().map(|t| DocWords::of(t)).collect();
        let refs: Vec<&DocWords> = dws.iter().collect();
        let a = assemble(&refs);
        assert_eq!(a, assemble_owned(dws.clone()));
        assert_eq!(a, vocabulary(&SliceSource(&texts[..])));
    }

    #[test]
    fn ids_counts_and_bridges() {
        let texts = ["Kanpur कानपुर Kanpur police", "पुलिस कानपुर", ""];
        let v = vocabulary(&SliceSource(&texts[..]));
        assert_eq!(v.token_counts, [4.0, 2.0, 0.0]);
        assert!(v.bridge_keys.iter().any(|k| !k.is_empty()));
        assert_eq!(
            v.bridge_mask.iter().filter(|&&b| b).count(),
            v.bridge_keys.len()
        );
        // Sorted by article, then key; every count positive.
        let pairs: Vec<(i64, i64)> = v.rows.iter().copied().zip(v.cols.iter().copied()).collect();
        assert!(pairs.windows(2).all(|p| p[0] < p[1]));
        assert!(v.counts.iter().all(|&c| c >= 1.0));
        assert!(v.rows.iter().all(|&r| r < 2));
    }
}
