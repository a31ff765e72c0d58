//! What a number counts (its measure), whether a year-looking number is a count,
//! and how the text hedges a number: the word rules of
//! `asimtext.pure.measures`, read over a text's code points.
//!
//! The lexicons are not here: the caller hands them over ([`Rules`]), built from
//! the one definition in `asimtext/pure/measures.py`. What is here is the reading
//! of the words around a number, rule for rule the Python of that module (its
//! pure twin, `asimtext.pure.measures.measure_batch`), down to the `regex`
//! module's semantics (a look-behind sees before the search's start, a
//! look-ahead stops at its end, `\d` is every decimal digit the module knows).

use std::collections::{BTreeSet, HashMap, HashSet};

/// The lexicons of the measure rules, folded (see `_fold` in `measures.py`).
#[derive(Default, Debug, Clone)]
pub struct Rules {
    pub measure_of: HashMap<String, String>,
    pub prefix_of: HashMap<String, String>,
    pub qual_of: HashMap<String, String>,
    pub qual_pairs: HashMap<(String, String), String>,
    pub index_names: HashMap<String, String>,
    pub generic: HashSet<String>,
    pub names_before: HashSet<String>,
    pub names_after: HashSet<String>,
    pub approx: HashSet<String>,
    pub over: HashSet<String>,
    pub under: HashSet<String>,
    pub clause: HashSet<String>,
    pub function: HashSet<String>,
    pub locative: HashSet<String>,
    pub count: HashSet<String>,
    /// Measure keys: who is counted, what happened to them, where (not what),
    /// and the measures written before their value.
    pub persons: HashSet<String>,
    pub outcomes: HashSet<String>,
    /// Words before a number that make it the value of the clause's subject
    /// ("risen to 261", "crossed 150").
    pub subject_cues: HashSet<String>,
    pub places_ok: HashSet<String>,
    pub prefix_measures: HashSet<String>,
    prefix_lens: Vec<usize>,
}

impl Rules {
    /// Ready for use: the stem lengths, longest first, are derived once.
    pub fn finish(mut self) -> Self {
        let lens: BTreeSet<usize> = self.prefix_of.keys().map(|k| k.chars().count()).collect();
        self.prefix_lens = lens.into_iter().rev().collect();
        self
    }

    /// `_measure_word`: the measure key of a folded word, by the whole word, by
    /// its stem (Devanagari, at most 2 letters more than a stem), or by its
    /// singular (Latin, a trailing `s`).
    fn measure_word(&self, w: &str) -> Option<&str> {
        if let Some(k) = self.measure_of.get(w) {
            return Some(k);
        }
        if !w.is_ascii() {
            let n_w = w.chars().count();
            for &n in &self.prefix_lens {
                if n_w as isize - n as isize > 2 {
                    break;
                }
                if n <= n_w {
                    let cut = w.char_indices().nth(n).map_or(w.len(), |(b, _)| b);
                    if let Some(k) = self.prefix_of.get(&w[..cut]) {
                        return Some(k);
                    }
                }
            }
        } else if let Some(stem) = w.strip_suffix('s') {
            return self.measure_of.get(stem).map(String::as_str);
        }
        None
    }

    fn person_word(&self, w: &str) -> bool {
        self.generic.contains(w)
            || self
                .measure_word(w)
                .is_some_and(|k| self.persons.contains(k))
    }

    /// What happened to the persons counted; an "and" opens another predicate
    /// ("killed 261 people and injured 900").
    fn outcome(&self, words: &[Word]) -> Option<(String, String)> {
        for x in words {
            if self.clause.contains(&x.w) || x.w == "and" {
                return None;
            }
            if let Some(k) = self.measure_word(&x.w) {
                if self.outcomes.contains(k) {
                    return Some((k.to_string(), x.w.clone()));
                }
            }
        }
        None
    }
}

/// Decimal digits as the `regex` module's `\d` reads them (its Unicode tables).
const DIGITS: &[(u32, u32)] = &[
    (0x30, 0x39),
    (0x660, 0x669),
    (0x6F0, 0x6F9),
    (0x7C0, 0x7C9),
    (0x966, 0x96F),
    (0x9E6, 0x9EF),
    (0xA66, 0xA6F),
    (0xAE6, 0xAEF),
    (0xB66, 0xB6F),
    (0xBE6, 0xBEF),
    (0xC66, 0xC6F),
    (0xCE6, 0xCEF),
    (0xD66, 0xD6F),
    (0xDE6, 0xDEF),
    (0xE50, 0xE59),
    (0xED0, 0xED9),
    (0xF20, 0xF29),
    (0x1040, 0x1049),
    (0x1090, 0x1099),
    (0x17E0, 0x17E9),
    (0x1810, 0x1819),
    (0x1946, 0x194F),
    (0x19D0, 0x19D9),
    (0x1A80, 0x1A89),
    (0x1A90, 0x1A99),
    (0x1B50, 0x1B59),
    (0x1BB0, 0x1BB9),
    (0x1C40, 0x1C49),
    (0x1C50, 0x1C59),
    (0xA620, 0xA629),
    (0xA8D0, 0xA8D9),
    (0xA900, 0xA909),
    (0xA9D0, 0xA9D9),
    (0xA9F0, 0xA9F9),
    (0xAA50, 0xAA59),
    (0xABF0, 0xABF9),
    (0xFF10, 0xFF19),
    (0x104A0, 0x104A9),
    (0x10D30, 0x10D39),
    (0x10D40, 0x10D49),
    (0x11066, 0x1106F),
    (0x110F0, 0x110F9),
    (0x11136, 0x1113F),
    (0x111D0, 0x111D9),
    (0x112F0, 0x112F9),
    (0x11450, 0x11459),
    (0x114D0, 0x114D9),
    (0x11650, 0x11659),
    (0x116C0, 0x116C9),
    (0x116D0, 0x116E3),
    (0x11730, 0x11739),
    (0x118E0, 0x118E9),
    (0x11950, 0x11959),
    (0x11BF0, 0x11BF9),
    (0x11C50, 0x11C59),
    (0x11D50, 0x11D59),
    (0x11DA0, 0x11DA9),
    (0x11DE0, 0x11DE9),
    (0x11F50, 0x11F59),
    (0x16130, 0x16139),
    (0x16A60, 0x16A69),
    (0x16AC0, 0x16AC9),
    (0x16B50, 0x16B59),
    (0x16D70, 0x16D79),
    (0x1CCF0, 0x1CCF9),
    (0x1D7CE, 0x1D7FF),
    (0x1E140, 0x1E149),
    (0x1E2F0, 0x1E2F9),
    (0x1E4F0, 0x1E4F9),
    (0x1E5F1, 0x1E5FA),
    (0x1E950, 0x1E959),
    (0x1FBF0, 0x1FBF9),
];

fn is_digit(c: u32) -> bool {
    if c < 0x80 {
        return (0x30..=0x39).contains(&c);
    }
    DIGITS
        .binary_search_by(|&(a, b)| {
            if b < c {
                std::cmp::Ordering::Less
            } else if a > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

fn is_dev(c: u32) -> bool {
    (0x900..=0x963).contains(&c) || (0x971..=0x97f).contains(&c) || c == 0x200c || c == 0x200d
}

fn is_latin(c: u32) -> bool {
    (0x41..=0x5a).contains(&c) || (0x61..=0x7a).contains(&c)
}

/// A word: where it is, and its folded form.
#[derive(Debug, Clone)]
struct Word {
    s: usize,
    e: usize,
    w: String,
}

/// `(start, end)` of the words of `t[lo..hi]` (the `_WORD` pattern with `hi` as the
/// search's end), the first `limit` only.
fn word_spans(t: &[u32], lo: usize, hi: usize, limit: usize) -> Vec<(usize, usize)> {
    let hi = hi.min(t.len());
    let mut out = Vec::new();
    let mut p = lo;
    while p < hi && out.len() < limit {
        let c = t[p];
        let s = p;
        if is_dev(c) {
            while p < hi && is_dev(t[p]) {
                p += 1;
            }
        } else if is_latin(c) {
            while p < hi && is_latin(t[p]) {
                p += 1;
            }
            while p + 1 < hi && (t[p] == 0x2d || t[p] == 0x27) && is_latin(t[p + 1]) {
                p += 1;
                while p < hi && is_latin(t[p]) {
                    p += 1;
                }
            }
        } else if c == 0xb0 && p + 1 < hi && t[p + 1] == 0x43 {
            p += 2;
        } else {
            p += 1;
            continue;
        }
        out.push((s, p));
    }
    out
}

/// `_fold`: nukta and joiners dropped, candrabindu as anusvara, nukta letters as
/// their base letters, lower case.
fn fold(t: &[u32]) -> String {
    const NUKTA_BASE: [u32; 8] = [0x915, 0x916, 0x917, 0x91c, 0x921, 0x922, 0x92b, 0x92f];
    let mut out = String::with_capacity(t.len() * 3);
    for &c in t {
        let c = match c {
            0x93c | 0x200c | 0x200d => continue,
            0x901 => 0x902,
            0x958..=0x95f => NUKTA_BASE[(c - 0x958) as usize],
            0x41..=0x5a => c + 0x20,
            _ => c,
        };
        out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
    }
    out
}

fn words(t: &[u32], lo: usize, hi: usize, limit: usize) -> Vec<Word> {
    word_spans(t, lo, hi, limit)
        .into_iter()
        .map(|(s, e)| Word {
            s,
            e,
            w: fold(&t[s..e]),
        })
        .collect()
}

/// The last `n` words of `t[lo..hi]`.
fn last_words(t: &[u32], lo: usize, hi: usize, n: usize) -> Vec<Word> {
    let spans = word_spans(t, lo, hi, usize::MAX);
    spans[spans.len().saturating_sub(n)..]
        .iter()
        .map(|&(s, e)| Word {
            s,
            e,
            w: fold(&t[s..e]),
        })
        .collect()
}

/// `_STOP_RE` at `i`, the search ending at `endpos`.
fn is_stop(t: &[u32], i: usize, endpos: usize) -> bool {
    match t[i] {
        0x2c | 0x3b | 0x3a | 0x28 | 0x29 | 0x5b | 0x5d | 0x7c | 0x09 | 0x0a => true,
        // a point between digits is a decimal point, not a stop
        0x2e | 0x964 => !((i > 0 && is_digit(t[i - 1])) || (i + 1 < endpos && is_digit(t[i + 1]))),
        _ => false,
    }
}

/// `_clause_bounds`: the stretch around `[start, end)` up to the nearest stop on
/// each side within `[lo, hi)`, and not across the numbers `others`.
fn clause_bounds(
    t: &[u32],
    start: usize,
    end: usize,
    lo: usize,
    hi: usize,
    others: &[(usize, usize)],
) -> (usize, usize) {
    let mut left = (lo..start)
        .rev()
        .find(|&i| is_stop(t, i, start))
        .map_or(lo, |i| i + 1);
    let mut right = (end..hi).find(|&i| is_stop(t, i, hi)).unwrap_or(hi);
    for &(s, e) in others {
        if e <= start && e > left {
            left = e;
        }
        if s >= end && s < right {
            right = s;
        }
    }
    (left, right)
}

/// How many other numbers on each side of a value may bound its clause
/// (`NEIGHBOURS` in `asimtext/pure/measures.py`).
pub const NEIGHBOURS: usize = 4;

/// `neighbours`: the other numbers of the sentence `[ss, se)` nearest to
/// `[start, end)`; `numbers` sorted.
fn neighbours(
    numbers: &[(usize, usize)],
    start: usize,
    end: usize,
    ss: usize,
    se: usize,
) -> Vec<(usize, usize)> {
    let lo = numbers.partition_point(|x| x.0 < ss);
    let hi = numbers.partition_point(|x| x.0 < se).max(lo);
    let at = lo + numbers[lo..hi].partition_point(|x| x.0 < start);
    let a = lo.max(at.saturating_sub(NEIGHBOURS));
    let b = hi.min(at + 1 + NEIGHBOURS);
    numbers[a..b.max(a)]
        .iter()
        .copied()
        .filter(|&x| x != (start, end))
        .collect()
}

/// A measure: key, qualifiers (sorted), index, and the word it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Measure {
    pub key: String,
    pub qualifiers: Vec<String>,
    pub index: Option<String>,
    pub word: String,
}

const NEW_AFTER: [&str; 3] = ["और", "अन्य", "more"];
const NEW_BEFORE: [&str; 2] = ["और", "अन्य"];

fn is_code(t: &[u32]) -> bool {
    (2..=4).contains(&t.len()) && t.iter().all(|&c| (0x41..=0x5a).contains(&c))
}

/// `find_measure` (window 6, reading the full clause).
fn find_measure(
    r: &Rules,
    t: &[u32],
    start: usize,
    end: usize,
    ss: usize,
    se: usize,
    others: &[(usize, usize)],
) -> Option<Measure> {
    const WINDOW: usize = 6;
    let (lo, hi) = clause_bounds(t, start, end, ss, se, others);
    let right = words(t, end, hi, WINDOW);
    let left = last_words(t, lo, start, WINDOW);
    let last = left.last().filter(|x| x.e + 2 >= start);
    if let Some(x) = last {
        if r.names_before.contains(&x.w) || is_code(&t[x.s..x.e]) {
            return None;
        }
    }
    if right.first().is_some_and(|x| r.names_after.contains(&x.w)) {
        return None;
    }
    let mut quals: BTreeSet<&str> = BTreeSet::new();
    let mut index: Option<&str> = None;
    for x in right.iter().chain(left.iter()) {
        if let Some(q) = r.qual_of.get(&x.w) {
            if !q.is_empty() {
                quals.insert(q);
            }
        }
        if let Some(ix) = r.index_names.get(&x.w) {
            index = Some(ix);
        }
    }
    if right
        .first()
        .is_some_and(|x| NEW_AFTER.contains(&x.w.as_str()))
    {
        quals.insert("new");
    }
    if last.is_some_and(|x| NEW_BEFORE.contains(&x.w.as_str())) {
        quals.insert("new");
    }
    for seq in [&right, &left] {
        for pair in seq.windows(2) {
            if let Some(q) = r.qual_pairs.get(&(pair[0].w.clone(), pair[1].w.clone())) {
                if !q.is_empty() {
                    quals.insert(q);
                }
            }
        }
    }
    let mut found: Option<(String, String)> = None;
    let mut generic: Option<String> = None;
    if let Some(x) = last {
        if let Some(k) = r.measure_word(&x.w) {
            if r.prefix_measures.contains(k) {
                found = Some((k.to_string(), x.w.clone()));
            }
        }
    }
    if found.is_none() {
        for (i, x) in right.iter().enumerate() {
            let w = x.w.as_str();
            // "killed 261 people and injured 900": "and" opens another predicate.
            if r.clause.contains(w) || (w == "and" && generic.is_some()) {
                break;
            }
            let k = r.measure_word(w);
            let nxt = right.get(i + 1).map_or("", |y| y.w.as_str());
            let place = r.locative.contains(nxt)
                && k.is_some_and(|k| r.places_ok.contains(k))
                && (i > 0 || !w.ends_with("ों"));
            if let Some(k) = k {
                if !place {
                    found = Some((k.to_string(), w.to_string()));
                    if r.persons.contains(k) {
                        if let Some(o) = r.outcome(&right[i + 1..]) {
                            found = Some(o);
                        }
                    }
                    break;
                }
            }
            if r.generic.contains(w) && generic.is_none() {
                generic = Some(w.to_string());
                if let Some(o) = r.outcome(&right[i + 1..]) {
                    found = Some(o);
                    break;
                }
            } else if i == 0 && k.is_none() && !nxt.is_empty() && r.person_word(nxt) {
                continue;
            } else if i == 0
                && k.is_none()
                && !r.function.contains(w)
                && !r.qual_of.contains_key(w)
                && !r.approx.contains(w)
                && !r.over.contains(w)
                && !r.under.contains(w)
                && w.chars().count() >= 3
                && !(w.is_ascii() && (w.ends_with("ed") || w.ends_with("ing")))
            {
                found = Some((format!("other:{w}"), w.to_string()));
                break;
            }
        }
    }
    if let (Some(f), Some(x)) = (&found, last) {
        if r.persons.contains(&f.0) {
            if let Some(k) = r.measure_word(&x.w) {
                if r.outcomes.contains(k) {
                    found = Some((k.to_string(), x.w.clone()));
                }
            }
        }
    }
    if found.is_none() {
        let mut fallback: Option<(String, String)> = None;
        for x in left.iter().rev() {
            let w = x.w.as_str();
            if r.clause.contains(w) {
                break;
            }
            if let Some(k) = r.measure_word(w) {
                if k == "fall" || k == "rise" {
                    if fallback.is_none() {
                        fallback = Some((k.to_string(), w.to_string()));
                    }
                    continue;
                }
                found = Some((k.to_string(), w.to_string()));
                break;
            }
            if r.generic.contains(w) && generic.is_none() {
                generic = Some(w.to_string());
            }
        }
        if found.is_none() {
            // "the death toll in the X has increased to 261": the number completes a
            // verb of change whose subject, further back in the clause, names the measure.
            if let (Some(first), Some(x)) = (left.first(), left.last()) {
                if r.subject_cues.contains(&x.w) {
                    for y in words(t, lo, first.s, usize::MAX).iter().rev() {
                        if r.clause.contains(&y.w) {
                            break;
                        }
                        if let Some(k) = r.measure_word(&y.w) {
                            if k != "fall" && k != "rise" {
                                found = Some((k.to_string(), y.w.clone()));
                                break;
                            }
                        }
                    }
                }
            }
        }
        found = found.or(fallback);
    }
    let (key, word) = match (found, generic) {
        (Some(f), _) => f,
        (None, Some(g)) => ("people".to_string(), g),
        (None, None) => return None,
    };
    let change = key == "fall" || key == "rise";
    if change && index.is_none() && (word == "up" || word == "down") {
        return None;
    }
    if key != "points" && !change {
        index = None;
    }
    Some(Measure {
        qualifiers: quals.into_iter().map(str::to_string).collect(),
        index: index.map(str::to_string),
        key,
        word,
    })
}

/// `bound_of`: `about`, `over` or `under` where the text hedges the number.
fn bound_of(r: &Rules, t: &[u32], start: usize, end: usize, ss: usize) -> Option<&'static str> {
    let before = last_words(t, ss.max(start.saturating_sub(40)), start, 2);
    let after = words(t, end, end + 25, 3);
    let bw: Vec<&str> = before.iter().map(|x| x.w.as_str()).collect();
    let aw: Vec<&str> = after.iter().map(|x| x.w.as_str()).collect();
    if bw
        .iter()
        .chain(aw.iter().take(1))
        .any(|w| r.approx.contains(*w))
    {
        return Some("about");
    }
    if aw.len() > 1 && aw[0] == "से" {
        if r.over.contains(aw[1]) {
            return Some("over");
        }
        if r.under.contains(aw[1]) {
            return Some("under");
        }
    }
    if aw.first() == Some(&"plus") {
        return Some("over");
    }
    if bw.len() == 2 && (bw[0] == "more" || bw[0] == "over") && bw[1] == "than" {
        return Some("over");
    }
    if matches!(bw.last(), Some(&"over") | Some(&"above")) {
        return Some("over");
    }
    if bw.len() == 2 && (bw[0] == "less" || bw[0] == "fewer") && bw[1] == "than" {
        return Some("under");
    }
    // "at least 261", "कम से कम 137" (before a number, "से कम" is only ever the end
    // of "कम से कम": "100 से कम" puts the number first); "up to 50", "at most 50".
    if bw[..] == ["at", "least"] || bw[..] == ["से", "कम"] {
        return Some("over");
    }
    if bw[..] == ["up", "to"] || bw[..] == ["at", "most"] {
        return Some("under");
    }
    None
}

/// `is_count_context`: a year-looking number that is a count (a count cue right
/// before it, a count noun after it in its clause).
fn is_count_context(r: &Rules, t: &[u32], start: usize, end: usize, ss: usize, se: usize) -> bool {
    let before = last_words(t, ss.max(start.saturating_sub(30)), start, 2);
    let after = words(t, end, se.min(end + 30), 2);
    if before.iter().any(|x| r.count.contains(&x.w)) {
        return true;
    }
    let (_lo, hi) = clause_bounds(t, start, end, ss, se, &[]);
    for x in words(t, end, hi, 5) {
        if r.clause.contains(&x.w) {
            break;
        }
        if let Some(k) = r.measure_word(&x.w) {
            if !matches!(k, "age" | "rate" | "fall" | "rise" | "price") {
                return true;
            }
        }
    }
    after.first().is_some_and(|x| {
        r.measure_word(&x.w)
            .is_some_and(|k| k != "age" && k != "rate")
            || r.generic.contains(&x.w)
    })
}

/// What is asked about one value: where it is, its sentence, and whether it is a
/// year-looking number (whose count context is read first).
#[derive(Debug, Clone, Copy)]
pub struct Query {
    pub start: usize,
    pub end: usize,
    pub ss: usize,
    pub se: usize,
    pub year: bool,
}

/// The answer: for a year, whether it is a count; for a count (a number, or a
/// year that is a count), its measure, and its bound where it has a measure.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Answer {
    pub count: bool,
    pub measure: Option<Measure>,
    pub bound: Option<&'static str>,
}

/// The answers for the values `queries` of the text `t` (code points), whose
/// number spans (numbers, amounts, percents and years) are `numbers`, sorted.
/// Offsets must satisfy `ss <= start <= end <= se <= t.len()` (the caller checks).
pub fn measure_values(
    r: &Rules,
    t: &[u32],
    numbers: &[(usize, usize)],
    queries: &[Query],
) -> Vec<Answer> {
    queries
        .iter()
        .map(|q| {
            let mut a = Answer::default();
            if q.year {
                a.count = is_count_context(r, t, q.start, q.end, q.ss, q.se);
                if !a.count {
                    return a;
                }
            }
            let others = neighbours(numbers, q.start, q.end, q.ss, q.se);
            a.measure = find_measure(r, t, q.start, q.end, q.ss, q.se, &others);
            if a.measure.is_some() {
                a.bound = bound_of(r, t, q.start, q.end, q.ss);
            }
            a
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cps(s: &str) -> Vec<u32> {
        s.chars().map(u32::from).collect()
    }

    #[test]
    fn words_follow_the_pattern() {
        let t = cps("well-known °Cases क़ौन");
        let w: Vec<String> = words(&t, 0, t.len(), usize::MAX)
            .into_iter()
            .map(|x| x.w)
            .collect();
        assert_eq!(w, ["well-known", "°c", "ases", "कौन"]);
        // the search's end cuts a word, and a hyphen without a letter after it
        assert_eq!(word_spans(&t, 0, 5, 9), [(0, 4)]);
        assert_eq!(word_spans(&t, 12, 17, 9), [(12, 17)]);
    }

    #[test]
    fn stops_read_digits_around_points() {
        let t = cps("a5.6b. ab.6");
        assert!(!is_stop(&t, 2, t.len()));
        assert!(is_stop(&t, 5, t.len()));
        assert!(!is_stop(&t, 9, t.len()));
        assert!(is_stop(&t, 9, 10)); // the look-ahead stops at the search's end
        assert!(is_digit(0x966) && !is_digit(0xb2));
    }

    #[test]
    fn neighbours_skip_the_value_itself() {
        let nums = [(0, 1), (5, 6), (10, 12), (20, 22)];
        assert_eq!(
            neighbours(&nums, 10, 12, 0, 30),
            vec![(0, 1), (5, 6), (20, 22)]
        );
        assert_eq!(neighbours(&nums, 10, 12, 4, 15), vec![(5, 6)]);
        assert_eq!(neighbours(&nums, 10, 12, 40, 50), vec![]);
    }
}
