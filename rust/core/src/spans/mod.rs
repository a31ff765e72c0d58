//! Date, time and number span extraction (contract: docs/contracts/spans.md).
//!
//! The pipeline (the pure-Python twin `asimtext.pure.spans` does exactly the same):
//!
//! 1. normalize the text to the match key with an offset map
//!    ([`crate::normalize::normalize_with_offsets`]);
//! 2. [`scan::tokenize`]: digit runs, letter runs, single signs, one pass over
//!    the bytes, each letter run and sign looked up once in the [`lexicon`]
//!    table; in the same pass digit runs glued by `, . : / -` become one number,
//!    numeric date or clock time (what [`numbers::group`] does to the raw tokens);
//! 3. the grammar (this module, [`numbers`], [`dates`], [`times`]) proposes
//!    candidate spans at each token;
//! 4. spans are mapped back to the input (code points, and bytes through a
//!    [`cursor::CpCursor`]); [`span::resolve_overlaps_cands`]: longest first, then
//!    the more specific kind; the kept ones are [`resolve`]d against a reference date.

pub mod cursor;
pub mod dates;
pub mod lexicon;
pub mod numbers;
pub mod resolve;
pub mod scan;
pub mod span;
pub mod times;

use rayon::prelude::*;

use crate::normalize::{normalize_with_offsets, Normalized, Options};
use cursor::CpCursor;
use lexicon::Cat;
use numbers::{fmt, num_expr, Dec, Info, NumExpr};
use scan::{is_line_break, is_line_space, is_trim, Tok, Typ};

pub use resolve::Date;
pub use span::{Kind, KindSet, Span};

/// What to extract and how to resolve it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ExtractOptions {
    /// Keep only these kinds (applied after overlaps are resolved).
    pub kinds: KindSet,
    /// Resolve partial dates and weekdays against this date.
    pub reference: Option<Date>,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions {
            kinds: KindSet::ALL,
            reference: None,
        }
    }
}

/// The grammar's working state over one text.
pub struct Ctx<'a> {
    pub t: Vec<Tok<'a>>,
    /// Code point -> byte offsets of the input text.
    orig: CpCursor<'a>,
    norm: &'a Normalized,
    cands: Vec<(usize, usize, Kind, String)>,
}

impl<'a> Ctx<'a> {
    /// Propose a span over tokens `i..j`.
    pub fn emit(&mut self, i: usize, j: usize, kind: Kind, value: String) {
        let (s, e) = (self.t[i].s as usize, self.t[j - 1].e as usize);
        self.cands.push((s, e, kind, value));
    }

    /// Input offset of normalized code point `k` (the input length at the end).
    fn off(&self, k: usize) -> usize {
        match self.norm.starts.get(k) {
            Some(&x) => x as usize,
            None => self.norm.input_len as usize,
        }
    }

    /// Map a normalized span to the input: from the input start of its first
    /// code point to the input start of the next one, minus trailing spaces
    /// and invisible characters (so a nukta the normalizer dropped stays in).
    /// Also gives the byte offsets of the two ends.
    fn map(&self, s: usize, e: usize) -> (usize, usize, usize, usize) {
        let os = self.off(s);
        let bs = self.orig.byte(os);
        let mut oe = self.off(e);
        let low = self.off(e - 1) + 1;
        if oe < low {
            // the span ends inside the expansion of one input character
            oe = low;
        }
        while oe > low && self.orig.char_before(oe).is_some_and(is_trim) {
            oe -= 1;
        }
        let be = self.orig.byte(oe);
        (os, oe, bs, be)
    }

    fn line_start(&self, t: &Tok<'_>) -> bool {
        let mut p = self.off(t.s as usize);
        loop {
            match self.orig.char_before(p) {
                None => return true,
                Some(c) if is_line_space(c) => p -= 1,
                Some(c) => return is_line_break(c),
            }
        }
    }
}

// The tense of the clause after कल/परसों says which way they point (Hindi uses one
// word for yesterday and tomorrow). Past: the copula था, the perfective auxiliaries and
// verbs, the ergative ने (only perfective verbs take it); future: the -गा/-गी/-गे endings
// and "-ने वाला". The last mark of the clause wins (the verb group ends a Hindi clause).
const PAST_WORDS: &[&str] = &[
    "था",
    "थी",
    "थे",
    "थीं",
    "हुआ",
    "हुई",
    "हुए",
    "हुईं",
    "गया",
    "गई",
    "गए",
    "गयी",
    "गये",
    "गईं",
    "चुका",
    "चुकी",
    "चुके",
    "किया",
    "किए",
    "किये",
    "कहा",
    "ने",
    "मैंने",
    "हमने",
    "तुमने",
    "आपने",
    "उसने",
    "इसने",
    "उन्होंने",
    "इन्होंने",
    "किसने",
    "जिसने",
    "जिन्होंने",
    "सबने",
];
const CLAUSE_WORDS: &[&str] = &[
    "कि",
    "लेकिन",
    "मगर",
    "जबकि",
    "क्योंकि",
    "परंतु",
    "परन्तु",
    "किंतु",
    "किन्तु",
    "बल्कि",
];
const FUTURE_NOT: &[&str] = &["मेगा"];
const TENSE_REACH: usize = 24;

/// A future verb: -एगा, -ेंगे, -ूंगी, -ओगे..., and होगा/होगी (not योगी, रोगी).
fn is_future_verb(w: &str) -> bool {
    // the last four characters, last first (no allocation: this runs per word)
    let mut r = w.chars().rev();
    let (last, g) = (r.next(), r.next());
    if g != Some('ग') || !matches!(last, Some('ा' | 'ी' | 'े')) || FUTURE_NOT.contains(&w) {
        return false;
    }
    let mut p = r.next();
    if p == Some('ं') {
        p = r.next();
    }
    match p {
        Some('े' | 'ए' | 'ू' | 'ऊ') => true,
        Some('ो' | 'ओ') => last == Some('े') || w == "होगा" || w == "होगी",
        _ => false,
    }
}

fn is_past_verb(c: &Ctx<'_>, k: usize) -> bool {
    let w = c.t[k].text;
    if w == "हुए" && k > 0 && c.t[k - 1].text.ends_with("ते") {
        return false; // "करते हुए": while doing
    }
    if PAST_WORDS.contains(&w) {
        return true;
    }
    // a perfective in -ाया/-ाये/-ायी: बताया, आया, लगाया (four characters at least)
    let mut r = w.chars().rev();
    let (x, y, z) = (r.next(), r.next(), r.next());
    r.next().is_some() && z == Some('ा') && y == Some('य') && matches!(x, Some('ा' | 'े' | 'ी'))
}

/// `+` or `-` from the last tense mark of the clause from `k` (the word after कल/परसों),
/// else from a verb just before कल/परसों; `±` without one.
fn tense_sign(c: &Ctx<'_>, k: usize) -> char {
    let t = &c.t;
    let mut sign = '±';
    for j in k..t.len().min(k + TENSE_REACH) {
        let tj = &t[j];
        if tj.is_p("।.?!;|") {
            break;
        }
        if tj.typ != Typ::W {
            continue;
        }
        if CLAUSE_WORDS.contains(&tj.text) || (j > k && c.line_start(tj)) {
            break;
        }
        let about_to =
            matches!(tj.text, "वाला" | "वाली" | "वाले") && j > k && t[j - 1].text.ends_with("ने");
        if is_future_verb(tj.text) || about_to {
            sign = '+';
        } else if is_past_verb(c, j) {
            sign = '-';
        }
    }
    if sign == '±' && k >= 2 && t[k - 2].typ == Typ::W && !c.line_start(&t[k - 1]) {
        // a headline's verb first: "होगा कल फैसला", "आया था कल"
        if is_future_verb(t[k - 2].text) {
            sign = '+';
        } else if is_past_verb(c, k - 2) {
            sign = '-';
        }
    }
    sign
}

fn is_number_tok(t: &Tok<'_>) -> bool {
    t.typ == Typ::N || t.has(Cat::Num) || t.has(Cat::NumA)
}

fn list_context(c: &Ctx<'_>, i: usize, j: usize) -> bool {
    let t = &c.t;
    let n = t.len();
    let me = t[i].text;
    let sep = |x: &Tok<'_>| x.is_p(",-/") || x.has(Cat::ListSep);
    if i >= 2 && sep(&t[i - 1]) && is_number_tok(&t[i - 2]) && t[i - 2].text != me {
        return true;
    }
    j + 1 < n && sep(&t[j]) && is_number_tok(&t[j + 1]) && t[j + 1].text != me
}

/// The rank of a time unit (years first) and its ISO letter.
fn unit_rank(unit: &str) -> (u8, char) {
    match unit {
        "Y" => (0, 'Y'),
        "MO" => (1, 'M'),
        "W" => (2, 'W'),
        "D" => (3, 'D'),
        "H" => (4, 'H'),
        "MI" => (5, 'M'),
        _ => (6, 'S'),
    }
}

/// A decade is ten years, a fortnight two weeks: value and unit in the ISO units.
fn base_unit(val: Dec, unit: &'static str) -> Option<(Dec, &'static str)> {
    match unit {
        "DEC" => Some((numbers::mul(val, (10, 0))?, "Y")),
        "FN" => Some((numbers::mul(val, (2, 0))?, "W")),
        _ => Some((val, unit)),
    }
}

/// `P1Y2M`, `PT2H30M` from (value, unit) parts, largest unit first.
fn duration_parts(parts: &[(Dec, &'static str)]) -> Option<String> {
    let (mut date, mut time) = (String::new(), String::new());
    for &(val, unit) in parts {
        let (val, unit) = base_unit(val, unit)?;
        let (rank, letter) = unit_rank(unit);
        let out = if rank <= 3 { &mut date } else { &mut time };
        out.push_str(&fmt(val));
        out.push(letter);
    }
    if time.is_empty() {
        Some(format!("P{date}"))
    } else {
        Some(format!("P{date}T{time}"))
    }
}

fn duration(val: Dec, unit: &'static str) -> Option<String> {
    let (val, unit) = base_unit(val, unit)?;
    let v = fmt(val);
    Some(match unit {
        "Y" => format!("P{v}Y"),
        "MO" => format!("P{v}M"),
        "W" => format!("P{v}W"),
        "D" => format!("P{v}D"),
        "H" => format!("PT{v}H"),
        "MI" => format!("PT{v}M"),
        _ => format!("PT{v}S"),
    })
}

fn base_rank(unit: &'static str) -> u8 {
    unit_rank(base_unit((1, 0), unit).map_or(unit, |b| b.1)).0
}

const WHOLE_OR_BHAR: u64 = scan::cats(&[Cat::Whole, Cat::Bhar]);

const CLOCK_NEXT: u64 = scan::cats(&[Cat::AmPm, Cat::Baje, Cat::Bajkar]);

const PCT_OR_MONEY: u64 = scan::cats(&[Cat::Pct, Cat::Per, Cat::CurSuf, Cat::CurAdj]);

const DAY_WORDS: u64 = scan::cats(&[Cat::Num, Cat::NumA, Cat::Ord, Cat::OrdO]);

const NUMBER_STARTS: u64 =
    scan::cats(&[Cat::Num, Cat::NumA, Cat::Frac, Cat::FracMod, Cat::ScaleBare]);

/// More quantities of smaller units after "2 साल": end and value of the whole
/// ("2 साल 3 महीने" P2Y3M, "2 घंटे और 30 मिनट" PT2H30M, "1 साल, 2 दिन").
fn compound(c: &Ctx<'_>, val: Dec, unit: &'static str, j: usize) -> Option<(usize, String)> {
    let t = &c.t;
    let n = t.len();
    // cheap test first: what follows can start a number ("और" or a comma between parts)
    let k = if j < n && (t[j].has(Cat::And) || t[j].is_p(",")) {
        j + 1
    } else {
        j
    };
    if k >= n || !(t[k].typ == Typ::N || t[k].any(NUMBER_STARTS)) {
        return None;
    }
    let mut parts = vec![(val, unit)];
    let mut last = base_rank(unit);
    let mut end = j;
    loop {
        let k = if end < n && (t[end].has(Cat::And) || t[end].is_p(",")) {
            end + 1
        } else {
            end
        };
        let ne = match num_expr(c, k) {
            Some(ne) if ne.end < n => ne,
            _ => break,
        };
        let u2 = match t[ne.end].get(Cat::Unit) {
            Some(u) if base_rank(u) > last => u,
            _ => break,
        };
        parts.push((ne.val, u2));
        last = base_rank(u2);
        end = ne.end + 1;
    }
    if parts.len() < 2 {
        return None;
    }
    Some((end, duration_parts(&parts)?))
}

/// The letter of a relative date's unit (`D-2`, `M+1`).
fn unit_letter(u: &str) -> Option<&'static str> {
    match u {
        "Y" => Some("Y"),
        "MO" => Some("M"),
        "W" => Some("W"),
        "D" => Some("D"),
        _ => None,
    }
}

/// A currency word after an amount at `j`: code, factor, end. Takes a glued
/// hyphen ("12-सेंट"), a country adjective ("ऑस्ट्रेलियाई डॉलर": its code wins)
/// and hundredths ("सेंट": `USD*0.01`).
fn currency_after(c: &Ctx<'_>, j: usize) -> Option<(&'static str, &'static str, usize)> {
    let t = &c.t;
    let n = t.len();
    let mut k = j;
    if k + 1 < n && k > 0 && t[k].is_p("-") && t[k - 1].e == t[k].s && t[k].e == t[k + 1].s {
        k += 1;
    }
    if k >= n || t[k].typ != Typ::W {
        return None;
    }
    let split = |cur: &'static str| match cur.split_once('*') {
        Some((code, factor)) => (code, factor),
        None => (cur, "1"),
    };
    if let Some(adj) = t[k].get(Cat::CurAdj) {
        if k + 1 < n && t[k + 1].typ == Typ::W {
            if let Some(cur) = t[k + 1].get(Cat::CurSuf) {
                return Some((adj, split(cur).1, k + 2));
            }
        }
        return None;
    }
    let cur = t[k].get(Cat::CurSuf)?;
    let (code, factor) = split(cur);
    Some((code, factor, k + 1))
}

/// The unit of an abbreviation at k that counts only with its dot, and not where a
/// letter is glued to that dot ("मि." minutes, not "मि.मी." millimetres).
fn unit_abbr(c: &Ctx<'_>, k: usize) -> Option<&'static str> {
    let t = &c.t;
    let n = t.len();
    if k + 1 >= n {
        return None;
    }
    let u = t[k].get(Cat::UnitAbbr)?;
    if !(t[k + 1].is_p(".") && t[k].e == t[k + 1].s) {
        return None;
    }
    if k + 2 < n && t[k + 1].e == t[k + 2].s && matches!(t[k + 2].typ, Typ::W | Typ::X) {
        return None;
    }
    Some(u)
}

/// "शुक्रवार 7/6": after a weekday, a day/month numeral with one-digit parts is a
/// date (alone, "7/6" is a fraction or two numbers; "22/04" is a date anywhere).
fn day_month_after_weekday(c: &mut Ctx<'_>, mut k: usize) {
    let n = c.t.len();
    if k < n && c.t[k].is_p(",") {
        k += 1;
    }
    if k >= n || c.t[k].typ != Typ::N || c.t[k].x[1] == 0 {
        return;
    }
    // "1/4" is one token (a fraction); "7/6" two numbers (the first plain) with the slash
    // between them
    let j = if c.t[k].plain { k + 2 } else { k + 1 };
    if j > n
        || (j < n
            && (c.t[j].s == c.t[j - 1].e || (c.t[j].typ == Typ::N && c.t[j].s == c.t[j - 1].e + 1)))
    {
        return;
    }
    let (mo, d) = (c.t[k].x[1] as u32, c.t[k].x[2] as u32);
    if numbers::valid_date(2000, mo, d) {
        c.emit(k, j, Kind::Date, format!("--{mo:02}-{d:02}"));
    }
}

fn unit_dot(c: &Ctx<'_>, k: usize) -> bool {
    let t = &c.t;
    k + 1 < t.len() && t[k].has(Cat::UnitDot) && t[k + 1].is_p(".") && t[k].e == t[k + 1].s
}

/// One whole time unit: "पूरे साल", "सारा दिन" (WHOLE before a unit) and
/// "दिन भर" (भर after a unit with no number before it).
fn whole_unit(c: &mut Ctx<'_>, i: usize) {
    let n = c.t.len();
    if c.t[i].has(Cat::Whole) && i + 1 < n {
        if let Some(u) = c.t[i + 1].get(Cat::Unit) {
            if let Some(dv) = duration((1, 0), u) {
                c.emit(i, i + 2, Kind::Duration, dv);
            }
        }
    }
    if c.t[i].has(Cat::Bhar) && i > 0 {
        if let Some(u) = c.t[i - 1].get(Cat::Unit) {
            let counted = i >= 2 && (c.t[i - 2].typ == Typ::N || c.t[i - 2].has(Cat::Num));
            if !counted {
                if let Some(dv) = duration((1, 0), u) {
                    c.emit(i - 1, i + 1, Kind::Duration, dv);
                }
            }
        }
    }
}

fn money_value(code: &str, factor: &str, val: Dec) -> Option<String> {
    let v = numbers::mul(val, numbers::dec(factor))?;
    Some(format!("{code} {}", fmt(v)))
}

/// The end of a percent sign or word at `j` ("%", "प्रतिशत", "per cent", "का प्रतिशत").
fn percent_end(c: &Ctx<'_>, j: usize) -> Option<usize> {
    let t = &c.t;
    let n = t.len();
    let tj = t.get(j)?;
    if tj.is_p("%") {
        // "%20", "%2D": URL encoding, not a percentage
        if j + 1 < n && tj.e == t[j + 1].s && matches!(t[j + 1].typ, Typ::N | Typ::W | Typ::X) {
            return None;
        }
        return Some(j + 1);
    }
    if tj.has(Cat::Pct) {
        return Some(j + 1);
    }
    if tj.has(Cat::Per) && j + 1 < n && t[j + 1].has(Cat::Cent) {
        return Some(j + 2);
    }
    if tj.text == "का" && j + 1 < n && t[j + 1].has(Cat::Pct) {
        return Some(j + 2);
    }
    None
}

/// A number after a minus sign or word at `s`: a negative number or percentage.
fn signed(c: &mut Ctx<'_>, s: usize, i: usize) {
    let ne = match num_expr(c, i) {
        Some(ne) => ne,
        None => return,
    };
    let val = (-ne.val.0, ne.val.1);
    let j = ne.end;
    match percent_end(c, j) {
        Some(pe) => c.emit(s, pe, Kind::Percent, fmt(val)),
        None => c.emit(s, j, Kind::Number, fmt(val)),
    }
}

/// What a number expression at `i` is, given what follows it.
fn after_number(c: &mut Ctx<'_>, i: usize, ne: NumExpr) {
    let NumExpr {
        val,
        end: j,
        info,
        simple,
    } = ne;
    let n = c.t.len();
    if info == Info::Digit && c.t[i].typ != Typ::P {
        let t = &c.t;
        // glued to "%", "=" ... on the left: part of an encoded string (URL)
        if i > 0 && t[i - 1].is_p("%=&?#") && t[i - 1].e == t[i].s {
            return;
        }
        // "180.25एमएल": a number glued to a token of letters and digits
        if j + 1 < n
            && t[j].is_p(".")
            && t[j - 1].e == t[j].s
            && t[j + 1].typ == Typ::X
            && t[j].e == t[j + 1].s
        {
            return;
        }
        // a number glued to a name by a hyphen (COVID-19, MiG-21) is part of the name
        if i >= 2
            && t[i - 1].is_p("-")
            && t[i - 1].e == t[i].s
            && t[i - 2].typ == Typ::W
            && t[i - 2].e == t[i - 1].s
        {
            return;
        }
        // a list marker at the start of a line: "1." "2)"
        if simple && j < n && t[j].is_p(".)") && t[i].e == t[j].s && c.line_start(&t[i]) {
            return;
        }
    }
    if j < n && c.t[j].text == "बटा" && !c.t[j].has(Cat::Freq) {
        // "तीन बटा चार": a fraction written as a division
        if let Some((q, e)) = numbers::ratio(val, num_expr(c, j + 1)) {
            c.emit(i, e, Kind::Number, fmt(q));
            return;
        }
    }
    if j < n {
        let t = &c.t;
        let nxt = &t[j];
        if nxt.has(Cat::Freq) {
            return;
        }
        if let (Some(o), Some(iv)) = (nxt.get(Cat::Ord), numbers::int_of(val)) {
            if info != Info::Frac {
                // "एक सौ पच्चीसवां" (125th), "दो सौवां" (200th)
                let ov: i128 = o.parse().unwrap_or(0);
                if (ov == 100 || ov == 1000) && simple {
                    c.emit(i, j + 1, Kind::Ordinal, (iv * ov).to_string());
                    return;
                }
                if !simple && ov < 100 && iv % 100 == 0 {
                    c.emit(i, j + 1, Kind::Ordinal, (iv + ov).to_string());
                    return;
                }
            }
        }
        let mut u = nxt.get(Cat::Unit);
        let mut k = j;
        if u.is_none() && nxt.is_p("-") && j + 1 < n && t[j - 1].e == nxt.s && nxt.e == t[j + 1].s {
            u = t[j + 1].get(Cat::Unit);
            k = j + 1;
        }
        if u.is_none() {
            // "3 मि.", "30-मि." (a unit only with its dot)
            let glued = nxt.is_p("-") && j + 1 < n && t[j - 1].e == nxt.s && nxt.e == t[j + 1].s;
            let kk = if glued { j + 1 } else { j };
            if let Some(a) = unit_abbr(c, kk) {
                u = Some(a);
                k = kk;
            }
        }
        if let Some(u) = u {
            let v = duration(val, u);
            // "दो दिन पहले": a date relative to the reference (not "से दो दिन पहले":
            // before something else, unless that is today or now: "आज से दो दिन बाद")
            let after_se = i > 0 && t[i - 1].text == "से";
            let from_now = after_se
                && i > 1
                && (t[i - 2].get(Cat::RelDay) == Some("+0") || t[i - 2].text == "अब");
            let rel = match (unit_letter(u), numbers::int_of(val)) {
                (Some(l), Some(iv)) if k + 1 < n && (!after_se || from_now) => {
                    t[k + 1].get(Cat::Direction).map(|d| format!("{l}{d}{iv}"))
                }
                _ => None,
            };
            let rel_start = if from_now { i - 2 } else { i };
            // an abbreviation takes its dot ("3 min.")
            let ue = if unit_dot(c, k) || t[k].has(Cat::UnitAbbr) {
                k + 2
            } else {
                k + 1
            };
            if let Some(v) = v {
                c.emit(i, ue, Kind::Duration, v);
            }
            if let Some((e, v)) = compound(c, val, u, k + 1) {
                c.emit(i, e, Kind::Duration, v);
            }
            if let Some(r) = rel {
                c.emit(rel_start, k + 2, Kind::Date, r);
            }
            return;
        }
        // cheap test first: a sign, or a word that can make a percentage or money
        if nxt.typ == Typ::P || nxt.any(PCT_OR_MONEY) || nxt.text == "का" {
            if let Some(pe) = percent_end(c, j) {
                c.emit(i, pe, Kind::Percent, fmt(val));
                return;
            }
            if nxt.is_p("%") {
                return;
            }
            if let Some((code, factor, e)) = currency_after(c, j) {
                if let Some(mv) = money_value(code, factor, val) {
                    c.emit(i, e, Kind::Money, mv);
                }
                return;
            }
        }
        // cheap test first: a clock time needs am/pm, बजे or बजकर after the number
        // (or after the minutes)
        let nxt = &c.t[j];
        let nx2 = c.t.get(j + 1);
        if nxt.any(CLOCK_NEXT)
            || matches!(nxt.text, "a" | "p" | "बजने")
            || (nxt.is_p(":") && c.t[j - 1].e == nxt.s)
            || nx2.is_some_and(|x| x.has(Cat::AmPm) || matches!(x.text, "a" | "p"))
        {
            if let Some((e, v)) = times::time_at(c, i, None, false) {
                c.emit(i, e, Kind::Time, v);
                return;
            }
        }
    }
    let t = &c.t;
    let ti = &t[i];
    let nxt = t.get(j);
    if simple && info == Info::Ambig {
        let alone = i == 0 && (j == n || (j + 1 == n && t[j].is_p(".!?|")));
        // compared, it counts: "आधे से ज़्यादा लोग", "एक से अधिक"
        let compared = j + 1 < n && t[j].text == "से" && t[j + 1].has(Cat::More);
        if alone || compared || list_context(c, i, j) {
            c.emit(i, j, Kind::Number, fmt(val));
        }
        return;
    }
    // दो as the verb "give" ends a clause: "छोड़ दो।", "जाने दो, ..." (not in a list)
    if simple
        && info == Info::Word
        && ti.has(Cat::DoVerb)
        && i > 0
        && nxt.is_none_or(|x| x.is_p(".!?|,;"))
        && !list_context(c, i, j)
    {
        return;
    }
    if simple && info == Info::Digit && ti.plain && ti.ndig == 4 && (1000..=2199).contains(&ti.m) {
        let cue = i > 0 && t[i - 1].has(Cat::YearCue);
        let count = nxt.is_some_and(|x| {
            x.typ == Typ::W
                && (x.text.ends_with("ों")
                    || x.has(Cat::Count)
                    || (x.text == "से" && j + 1 < n && t[j + 1].has(Cat::More)))
        }) || (i > 0 && t[i - 1].has(Cat::CountPrev));
        if ((1900..=2099).contains(&ti.m) || cue) && !count {
            let v = ti.m.to_string();
            c.emit(i, j, Kind::Year, v);
            return;
        }
    }
    c.emit(i, j, Kind::Number, fmt(val));
}

/// Whether an ordinal word at `i` means the ordinal (पहले: not "before";
/// दूसरे: not "other").
fn ordinal_ok(c: &Ctx<'_>, i: usize) -> bool {
    let t = &c.t;
    let n = t.len();
    let ti = &t[i];
    let prev = if i > 0 { t.get(i - 1) } else { None };
    let nxt = t.get(i + 1);
    if ti.has(Cat::OrdP) {
        if prev.is_some_and(|p| p.has(Cat::BeforePrev) || p.has(Cat::Unit)) {
            return false;
        }
        return match nxt {
            None => false,
            Some(x) if x.typ == Typ::N => true,
            Some(x) => x.typ == Typ::W && !x.has(Cat::FuncNext),
        };
    }
    if ti.has(Cat::OrdO) {
        if prev.is_some_and(|p| p.typ == Typ::W && p.get(Cat::NumA) == Some("1")) {
            return false;
        }
        if prev.is_some_and(|p| p.is_p("-")) && i >= 2 && t[i - 2].get(Cat::NumA) == Some("1") {
            return false;
        }
        if let Some(x) = nxt {
            if x.typ == Typ::W && (x.has(Cat::IdiomNext) || x.text.ends_with("ों")) {
                return false;
            }
        }
        return true;
    }
    let _ = n;
    !(ti.text == "second" && prev.is_some_and(|p| p.typ == Typ::W && p.text == "a"))
}

/// The categories that can start a span (the rest are context only).
const TRIGGERS: u64 = scan::cats(&[
    Cat::PeriodDot,
    Cat::Num,
    Cat::NumA,
    Cat::Frac,
    Cat::FracMod,
    Cat::ScaleBare,
    Cat::Month,
    Cat::MonthAbbr,
    Cat::Weekday,
    Cat::Period,
    Cat::Ord,
    Cat::OrdP,
    Cat::OrdO,
    Cat::CurPre,
    Cat::CurSym,
    Cat::MonthDot,
    Cat::WeekdayAbbr,
    Cat::RelDay,
    Cat::RelWeek,
    Cat::Minus,
    Cat::DollarPre,
    Cat::FyPre,
    Cat::Whole,
    Cat::Bhar,
]);

fn scan_tokens(c: &mut Ctx<'_>) {
    let n = c.t.len();
    for i in 0..n {
        let typ = c.t[i].typ;
        if typ == Typ::P
            && matches!(c.t[i].text, "-" | ".")
            && i + 1 < n
            && c.t[i + 1].typ == Typ::N
            && c.t[i].e == c.t[i + 1].s
        {
            let ti = &c.t[i];
            {
                let free = i == 0 || c.t[i - 1].e != ti.s || c.t[i - 1].is_p("([");
                if free && ti.text == "-" {
                    signed(c, i, i + 1);
                } else if free && c.t[i + 1].plain {
                    // ".08": a decimal without its zero
                    let nx = &c.t[i + 1];
                    if let Some(v) = numbers::norm(nx.m as i128, nx.ndig as u32) {
                        let ne = NumExpr {
                            val: v,
                            end: i + 2,
                            info: Info::Digit,
                            simple: true,
                        };
                        after_number(c, i, ne);
                    }
                }
                continue;
            }
        }
        match typ {
            Typ::D => {
                let [y, mo, d] = c.t[i].x;
                dates::emit_date(c, i, i + 1, Some(y), mo as u32, Some(d as u32));
                continue;
            }
            Typ::T | Typ::A => {
                if let Some((e, v)) = times::time_at(c, i, None, typ == Typ::A) {
                    c.emit(i, e, Kind::Time, v);
                }
                if typ == Typ::T {
                    times::time_range(c, i, i, None);
                }
                continue;
            }
            Typ::O | Typ::N => {
                if let Some(d) = dates::day_at(c, i) {
                    let mut k = i + 1;
                    if k < n && c.t[k].has(Cat::Of) {
                        k += 1;
                    } else if k + 1 < n
                        && c.t[k].is_p("-")
                        && c.t[i].e == c.t[k].s
                        && c.t[k].e == c.t[k + 1].s
                    {
                        k += 1; // "1-जन.", "28-नवं."
                    }
                    let (mo, k2) = dates::month_at(c, k);
                    if let Some(mo) = mo {
                        match dates::year_after(c, k2) {
                            (Some(y), k3) => dates::emit_date(c, i, k3, Some(y), mo, Some(d)),
                            (None, _) => dates::emit_date(c, i, k2, None, mo, Some(d)),
                        }
                    }
                    dates::date_range(c, i, d);
                }
                if typ == Typ::O {
                    let v = c.t[i].m.to_string();
                    c.emit(i, i + 1, Kind::Ordinal, v);
                    continue;
                }
                let ti = &c.t[i];
                if typ == Typ::N && ti.plain && (ti.ndig == 2 || ti.ndig == 4) {
                    dates::periods_at(c, i, i);
                }
                if typ == Typ::N && dates::range_sep(c, i + 1) {
                    times::time_range(c, i, i, None);
                }
                // "2016 के जनवरी 12", "2020 के मार्च"
                let ti = &c.t[i];
                if ti.plain
                    && ti.ndig == 4
                    && (1000..=2199).contains(&ti.m)
                    && i + 2 < n
                    && matches!(c.t[i + 1].text, "के" | "की" | "का")
                {
                    let y = ti.m as i32;
                    if let (Some(mo), k) = dates::month_at(c, i + 2) {
                        match dates::day_at(c, k) {
                            Some(d) => dates::emit_date(c, i, k + 1, Some(y), mo, Some(d)),
                            None => dates::emit_date(c, i, k, Some(y), mo, None),
                        }
                    }
                }
            }
            _ => {}
        }
        if typ == Typ::X || !(typ == Typ::N || c.t[i].any(TRIGGERS)) {
            continue;
        }
        if typ == Typ::W {
            let (mo, mut k) = dates::month_at(c, i);
            if let Some(mo) = mo {
                let mut d = dates::day_at(c, k);
                let mut kd = k;
                if d.is_none()
                    && k + 1 < n
                    && c.t[k].is_p("-")
                    && c.t[k - 1].e == c.t[k].s
                    && c.t[k].e == c.t[k + 1].s
                {
                    // "जून-15", "अक्टूबर-2" (not "जन-1": जन counts only with its dot)
                    kd = k + 1;
                    d = dates::day_at(c, kd);
                }
                if d.is_none() {
                    kd = k;
                    // "मई इक्कीस", "जून की बाईस", "मई की ग्यारहवीं"
                    if k < n && c.t[k].text == "की" {
                        kd = k + 1;
                        d = dates::day_at(c, kd);
                    }
                    if d.is_none() {
                        d = dates::word_day(c, kd);
                    }
                }
                if d.is_some() {
                    k = kd;
                }
                if let Some(d) = d {
                    match dates::year_after(c, k + 1) {
                        (Some(y), k3) => dates::emit_date(c, i, k3, Some(y), mo, Some(d)),
                        (None, _) => dates::emit_date(c, i, k + 1, None, mo, Some(d)),
                    }
                } else if let (Some(y), k3) = dates::year_after(c, k) {
                    dates::emit_date(c, i, k3, Some(y), mo, None);
                }
            }
            let ti = &c.t[i];
            if let Some(wd) = ti.get(Cat::Weekday) {
                c.emit(i, i + 1, Kind::Weekday, wd.to_string());
                day_month_after_weekday(c, i + 1);
            }
            let ti = &c.t[i];
            if let Some(wd) = ti.get(Cat::WeekdayAbbr) {
                if i + 1 < n
                    && (c.t[i + 1].text == "को"
                        || (c.t[i + 1].is_p(",") && dates::day_at(c, i + 2).is_some()))
                {
                    c.emit(i, i + 1, Kind::Weekday, wd.to_string());
                }
            }
            // "चार मई", "पहली जनवरी", "दूसरे अगस्त"
            if !c.t[i].any(DAY_WORDS) {
                // no day of the month here
            } else if let Some(d) = dates::word_day(c, i) {
                if let (Some(mo), k) = dates::month_at(c, i + 1) {
                    match dates::year_after(c, k) {
                        (Some(y), k3) => dates::emit_date(c, i, k3, Some(y), mo, Some(d)),
                        (None, _) => dates::emit_date(c, i, k, None, mo, Some(d)),
                    }
                }
            }
            let ti = &c.t[i];
            if let Some(rd) = ti.get(Cat::RelDay) {
                // not "कल-कारखाने", nor the idioms "आज भी" (still), "आज तक" (so far)
                let idiom = i + 1 < n && {
                    let nx = &c.t[i + 1];
                    (nx.is_p("-") && ti.e == nx.s) || nx.text == "भी" || nx.text == "तक"
                };
                if !idiom {
                    let v = match rd.strip_prefix('±') {
                        Some(count) => format!("D{}{count}", tense_sign(c, i + 1)),
                        None => format!("D{rd}"),
                    };
                    c.emit(i, i + 1, Kind::Date, v);
                }
            }
            let ti = &c.t[i];
            if let Some(rw) = ti.get(Cat::RelWeek) {
                // "पिछले सोमवार", "अगले हफ़्ते शुक्रवार", "इस हफ़्ते के शुक्रवार"
                let mut k = i + 1;
                if k < n && c.t[k].get(Cat::Unit) == Some("W") {
                    k += 1;
                    if k + 1 < n && c.t[k].text == "के" && c.t[k + 1].has(Cat::Weekday) {
                        k += 1;
                    }
                }
                if let Some(wd) = c.t.get(k).and_then(|x| x.get(Cat::Weekday)) {
                    c.emit(i, k + 1, Kind::Date, format!("W{rw}:{wd}"));
                } else if i > 0 && k == i + 2 {
                    // the weekday first: "शुक्रवार अगले हफ्ते", "सोमवार पिछले सप्ताह"
                    if let Some(wd) = c.t[i - 1].get(Cat::Weekday) {
                        c.emit(i - 1, k, Kind::Date, format!("W{rw}:{wd}"));
                    }
                }
            }
            if c.t[i].has(Cat::Minus) && i + 1 < n {
                signed(c, i, i + 1);
            }
            if c.t[i].any(WHOLE_OR_BHAR) {
                whole_unit(c, i);
            }
            if c.t[i].has(Cat::FyPre) && i + 1 < n {
                dates::periods_at(c, i, i + 1);
            }
            if let Some(dp) = c.t[i].get(Cat::DollarPre) {
                if i + 1 < n && c.t[i + 1].get(Cat::CurSym) == Some("USD") {
                    if let Some(ne) = num_expr(c, i + 2) {
                        c.emit(i, ne.end, Kind::Money, format!("{dp} {}", fmt(ne.val)));
                    }
                }
            }
            let mut p = c.t[i].get(Cat::Period);
            let mut k = i + 1;
            if p.is_none() && i + 2 < n && c.t[i + 1].is_p(".") && c.t[i].e == c.t[i + 1].s {
                // "अप. साढ़े सात बजे": an abbreviation with its dot, before a time
                p = c.t[i].get(Cat::PeriodDot);
                k = i + 2;
            }
            if let Some(p) = p {
                if k < n && c.t[k].has(Cat::PeriodLink) {
                    k += 1;
                }
                if k < n && c.t[k].has(Cat::Approx) {
                    k += 1;
                }
                // "आधी रात 12 बजे": midnight names the night
                let s0 = if p == "night" && i > 0 && c.t[i - 1].text == "आधी" {
                    i - 1
                } else {
                    i
                };
                if let Some((e, v)) = times::time_at(c, k, Some(p), false) {
                    c.emit(s0, e, Kind::Time, v);
                }
                times::time_range(c, s0, k, Some(p));
            }
            let ti = &c.t[i];
            let o = ti
                .get(Cat::Ord)
                .or_else(|| ti.get(Cat::OrdP))
                .or_else(|| ti.get(Cat::OrdO));
            if let Some(o) = o {
                if ordinal_ok(c, i) {
                    c.emit(i, i + 1, Kind::Ordinal, o.to_string());
                }
            }
        }
        let ti = &c.t[i];
        let cur = if typ == Typ::P {
            ti.get(Cat::CurSym)
        } else {
            ti.get(Cat::CurPre)
        };
        if let Some(cur) = cur {
            let mut k = i + 1;
            if typ == Typ::W && k < n && c.t[k].is_p(".") && c.t[i].e == c.t[k].s {
                k += 1;
            }
            if let Some(ne) = num_expr(c, k) {
                let mut j = ne.end;
                if j < n && c.t[j].typ == Typ::W && c.t[j].get(Cat::CurSuf) == Some(cur) {
                    j += 1;
                }
                c.emit(i, j, Kind::Money, format!("{cur} {}", fmt(ne.val)));
            }
        }
        if typ == Typ::P {
            continue;
        }
        // only a digit run or a number word starts a number expression
        if typ == Typ::W && !c.t[i].any(NUMBER_STARTS) {
            continue;
        }
        if let Some(ne) = num_expr(c, i) {
            after_number(c, i, ne);
        }
    }
}

/// The spans of one text as `(start, end, kind, value)` in input code points, in order.
pub fn candidates(text: &str) -> Vec<(usize, usize, Kind, String)> {
    let norm = normalize_with_offsets(text, &Options::match_key());
    candidates_normalized(text, &norm)
}

/// [`candidates`] given the match-key normalization of `text` with its offsets.
pub fn candidates_normalized(text: &str, norm: &Normalized) -> Vec<(usize, usize, Kind, String)> {
    spans_normalized(text, norm)
        .into_iter()
        .map(|c| (c.start, c.end, c.kind, c.value))
        .collect()
}

/// The spans of `text` given its match-key normalization `norm`, in text
/// order, overlaps resolved, not yet resolved against a reference date (what
/// [`extract_normalized`] gives before [`resolve::resolve`]), with the byte
/// offsets of their ends in `text`. A prepared document
/// ([`crate::prepare::doc`]) keeps these and resolves them when asked.
pub fn unresolved(text: &str, norm: &Normalized) -> Vec<span::Cand> {
    spans_normalized(text, norm)
}

/// The spans of `text` in text order, overlaps resolved, with their byte offsets.
fn spans_normalized(text: &str, norm: &Normalized) -> Vec<span::Cand> {
    let lex = scan::lexicon();
    let toks = scan::tokenize(&norm.text, lex);
    if toks.is_empty() {
        return Vec::new();
    }
    let mut c = Ctx {
        t: toks,
        orig: CpCursor::new(text, norm.input_len as usize),
        norm,
        cands: Vec::with_capacity(32),
    };
    scan_tokens(&mut c);
    if c.cands.is_empty() {
        return Vec::new();
    }
    let cands: Vec<span::Cand> = std::mem::take(&mut c.cands)
        .into_iter()
        .map(|(s, e, kind, value)| {
            let (start, end, bs, be) = c.map(s, e);
            span::Cand {
                start,
                end,
                kind,
                value,
                bs,
                be,
            }
        })
        .collect();
    span::resolve_overlaps_cands(cands)
}

/// Extract the spans of `text`.
pub fn extract(text: &str, opts: &ExtractOptions) -> Vec<Span> {
    let norm = normalize_with_offsets(text, &Options::match_key());
    extract_normalized(text, &norm, opts)
}

/// [`extract`] given `norm`, the match-key normalization of `text` with its
/// offsets (`normalize_with_offsets(text, &Options::match_key())`).
#[inline(never)]
pub fn extract_normalized(text: &str, norm: &Normalized, opts: &ExtractOptions) -> Vec<Span> {
    let spans = spans_normalized(text, norm);
    let mut out = Vec::with_capacity(spans.len());
    for c in spans {
        if !opts.kinds.contains(c.kind) {
            continue;
        }
        let resolved = resolve::resolve(c.kind, &c.value, opts.reference);
        out.push(Span {
            start: c.start,
            end: c.end,
            text: text.get(c.bs..c.be).unwrap_or_default().to_string(),
            kind: c.kind,
            value: c.value,
            resolved,
        });
    }
    out
}

/// [`extract`] over many texts in parallel (rayon); `references[i]` (if given)
/// is the reference date of text `i`, else `opts.reference`.
pub fn extract_batch(
    texts: &[String],
    references: Option<&[Option<Date>]>,
    opts: &ExtractOptions,
) -> Vec<Vec<Span>> {
    extract_batch_from(&crate::source::SliceSource(texts), references, opts)
}

/// [`extract_batch`] over any [`TextSource`](crate::source::TextSource)
/// (texts converted by the worker that reads them).
pub fn extract_batch_from<S: crate::source::TextSource + ?Sized>(
    texts: &S,
    references: Option<&[Option<Date>]>,
    opts: &ExtractOptions,
) -> Vec<Vec<Span>> {
    (0..texts.len())
        .into_par_iter()
        .map_init(String::new, |buf, i| {
            let mut o = *opts;
            if let Some(r) = references {
                o.reference = r.get(i).copied().flatten();
            }
            extract(texts.text(i, buf), &o)
        })
        .collect()
}

#[cfg(test)]
mod tests;
