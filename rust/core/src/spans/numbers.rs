//! Numbers: exact decimals, numeric chains (`1,00,000`, `4.5`, `11/01/2022`,
//! `11:27`) and the number-word grammar (atoms, scales, fraction words).

use super::lexicon::Cat;
use super::scan::{digit_value, Tok, Typ};
use super::Ctx;

/// An exact decimal `m / 10^sc` (`sc` digits after the point).
pub type Dec = (i128, u32);

const MAXM: i128 = 1_000_000_000_000_000_000_000_000_000_000; // 10^30

fn pow10(k: u32) -> Option<i128> {
    10i128.checked_pow(k)
}

/// Parse a lexicon value such as `"1.5"`, `"-0.25"`, `"100000"`.
pub fn dec(s: &str) -> Dec {
    let (neg, s) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s),
    };
    let mut m: i128 = 0;
    let mut sc = 0u32;
    let mut after = false;
    for c in s.chars() {
        if c == '.' {
            after = true;
            continue;
        }
        m = m * 10 + digit_value(c) as i128;
        if after {
            sc += 1;
        }
    }
    (if neg { -m } else { m }, sc)
}

pub fn norm(m: i128, mut sc: u32) -> Option<Dec> {
    if !(-MAXM..=MAXM).contains(&m) {
        return None;
    }
    let mut m = m;
    while sc > 0 && m % 10 == 0 {
        m /= 10;
        sc -= 1;
    }
    Some((m, sc))
}

pub fn add(a: Dec, b: Dec) -> Option<Dec> {
    let sc = a.1.max(b.1);
    let x = a.0.checked_mul(pow10(sc - a.1)?)?;
    let y = b.0.checked_mul(pow10(sc - b.1)?)?;
    norm(x.checked_add(y)?, sc)
}

pub fn mul(a: Dec, b: Dec) -> Option<Dec> {
    norm(a.0.checked_mul(b.0)?, a.1 + b.1)
}

/// `a < b` for non-negative decimals, exactly.
pub fn lt(a: Dec, b: Dec) -> bool {
    let (pa, pb) = match (pow10(a.1), pow10(b.1)) {
        (Some(x), Some(y)) => (x, y),
        _ => return false,
    };
    let (ia, fa) = (a.0.div_euclid(pa), a.0.rem_euclid(pa));
    let (ib, fb) = (b.0.div_euclid(pb), b.0.rem_euclid(pb));
    if ia != ib {
        return ia < ib;
    }
    let sc = a.1.max(b.1);
    match (pow10(sc - a.1), pow10(sc - b.1)) {
        (Some(x), Some(y)) => fa * x < fb * y,
        _ => false,
    }
}

/// Plain decimal notation: no grouping, no exponent, no trailing zeros.
pub fn fmt(a: Dec) -> String {
    let (m, sc) = a;
    if sc == 0 {
        return m.to_string();
    }
    let neg = m < 0;
    let m = m.unsigned_abs();
    let p = 10u128.pow(sc);
    let (ip, fp) = (m / p, m % p);
    let mut f = format!("{:0width$}", fp, width = sc as usize);
    while f.ends_with('0') {
        f.pop();
    }
    let s = format!("{ip}.{f}");
    if neg {
        format!("-{s}")
    } else {
        s
    }
}

pub fn int_of(a: Dec) -> Option<i128> {
    if a.1 == 0 {
        Some(a.0)
    } else {
        None
    }
}

pub fn valid_date(y: i32, m: u32, d: u32) -> bool {
    if !(1..=12).contains(&m) || d < 1 {
        return false;
    }
    if m == 2 {
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        return d <= if leap { 29 } else { 28 };
    }
    d <= if matches!(m, 4 | 6 | 9 | 11) { 30 } else { 31 }
}

// ------------------------------------------------------------ numeric chains

fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| char::from(b'0' + digit_value(c) as u8))
        .collect()
}

fn parse_u32(s: &str) -> u32 {
    s.bytes().fold(0u32, |acc, b| {
        acc.saturating_mul(10).saturating_add((b - b'0') as u32)
    })
}

fn num_tok<'a>(toks: &[Tok<'a>], a: usize, b: usize, digits: &str, frac: &str) -> Option<Tok<'a>> {
    if digits.len() + frac.len() > 18 {
        return None;
    }
    let mut t = Tok::new(Typ::N, toks[a].s as usize, toks[b].e as usize, "", &[]);
    let mut m: i64 = 0;
    for ch in digits.bytes().chain(frac.bytes()) {
        m = m * 10 + (ch - b'0') as i64;
    }
    let mut sc = frac.len() as u8;
    while sc > 0 && m % 10 == 0 {
        m /= 10;
        sc -= 1;
    }
    t.m = m;
    t.sc = sc;
    Some(t)
}

/// `a / b` to 15 decimals (cut, as a third is written).
pub fn quotient(a: i128, b: i128) -> Option<Dec> {
    norm(a.checked_mul(1_000_000_000_000_000)? / b, 15)
}

/// The fraction `val / ne` (both whole, the denominator at least 2): value and end.
pub fn ratio(val: Dec, ne: Option<NumExpr>) -> Option<(Dec, usize)> {
    let ne = ne.filter(|x| x.simple)?;
    let (a, b) = (int_of(val)?, int_of(ne.val)?);
    if a < 0 || b < 2 {
        return None;
    }
    Some((quotient(a, b)?, ne.end))
}

fn interpret<'a>(toks: &[Tok<'a>], idx: &[usize], seps: &[char]) -> Option<Tok<'a>> {
    let ds: Vec<String> = idx.iter().map(|&i| ascii_digits(toks[i].text)).collect();
    let k = ds.len();
    let (a, b) = (idx[0], idx[k - 1]);
    if k == 1 {
        let mut t = num_tok(toks, a, b, &ds[0], "")?;
        t.plain = true;
        t.ndig = ds[0].len() as u8;
        return Some(t);
    }
    if k == 3 && seps[0] == seps[1] && matches!(seps[0], '-' | '/' | '.') {
        let (l0, l1, l2) = (ds[0].len(), ds[1].len(), ds[2].len());
        let (y, m, d) = if l0 == 4 && (1..=2).contains(&l1) && (1..=2).contains(&l2) {
            (parse_u32(&ds[0]), parse_u32(&ds[1]), parse_u32(&ds[2]))
        } else if l2 == 4 && (1..=2).contains(&l0) && (1..=2).contains(&l1) {
            (parse_u32(&ds[2]), parse_u32(&ds[1]), parse_u32(&ds[0]))
        } else if l2 == 2 && seps[0] != '.' && (1..=2).contains(&l0) && (1..=2).contains(&l1) {
            // a two-digit year ("21/04/16"): 00-50 is 2000-2050, 51-99 is 1951-1999
            let yy = parse_u32(&ds[2]);
            let y = if yy <= 50 { 2000 + yy } else { 1900 + yy };
            (y, parse_u32(&ds[1]), parse_u32(&ds[0]))
        } else {
            (0, 0, 0)
        };
        if y >= 1000 && valid_date(y as i32, m, d) {
            let mut t = Tok::new(Typ::D, toks[a].s as usize, toks[b].e as usize, "", &[]);
            t.x = [y as i32, m as i32, d as i32];
            return Some(t);
        }
    }
    if k == 2 && seps[0] == '/' && ds[0].len() == 2 && ds[1].len() == 2 {
        // day/month ("22/04"), both written with two digits
        let (d, m) = (parse_u32(&ds[0]), parse_u32(&ds[1]));
        if valid_date(2000, m, d) {
            let mut t = Tok::new(Typ::D, toks[a].s as usize, toks[b].e as usize, "", &[]);
            t.x = [0, m as i32, d as i32];
            return Some(t);
        }
    }
    if k == 2 && seps[0] == '/' && ds[0].len() <= 2 && ds[1].len() <= 2 {
        // a proper fraction with a small denominator ("3/4", "1/2 किलो"); day/month
        // numerals take two digits each (above)
        let (p, q) = (parse_u32(&ds[0]), parse_u32(&ds[1]));
        if 1 <= p && p < q && q <= 10 {
            let (m, sc) = quotient(p as i128, q as i128)?;
            let mut t = Tok::new(Typ::N, toks[a].s as usize, toks[b].e as usize, "", &[]);
            t.m = m as i64;
            t.sc = sc as u8;
            // its day/month reading, which a weekday before it makes a date
            t.x = [0, q as i32, p as i32];
            return Some(t);
        }
    }
    if seps.iter().all(|&c| c == ':') && k <= 3 {
        if (1..=2).contains(&ds[0].len()) && ds[1..].iter().all(|x| x.len() == 2) {
            let (h, m) = (parse_u32(&ds[0]), parse_u32(&ds[1]));
            let sec: i32 = if k == 3 { parse_u32(&ds[2]) as i32 } else { -1 };
            if h <= 23 && m <= 59 && sec <= 59 {
                let mut t = Tok::new(Typ::T, toks[a].s as usize, toks[b].e as usize, "", &[]);
                t.x = [h as i32, m as i32, sec];
                return Some(t);
            }
        }
        return None;
    }
    let (groups, gseps, frac): (&[String], &[char], &str) = if seps[seps.len() - 1] == '.' {
        (&ds[..k - 1], &seps[..seps.len() - 1], ds[k - 1].as_str())
    } else {
        (&ds[..], seps, "")
    };
    if gseps.iter().any(|&c| c != ',') {
        return None;
    }
    if groups.len() > 1 {
        let rest = &groups[1..];
        let western = (1..=3).contains(&groups[0].len()) && rest.iter().all(|g| g.len() == 3);
        let indian = (1..=2).contains(&groups[0].len())
            && rest[rest.len() - 1].len() == 3
            && rest[..rest.len() - 1].iter().all(|g| g.len() == 2);
        if !(western || indian) || groups[0].starts_with('0') {
            return None;
        }
    }
    let joined: String = groups.concat();
    let mut t = num_tok(toks, a, b, &joined, frac)?;
    if k == 2 && seps[0] == '.' && ds[1].len() == 2 && ds[0].len() <= 2 {
        let (h, m) = (parse_u32(&ds[0]), parse_u32(&ds[1]));
        if h <= 24 && m <= 59 {
            t.hm = Some((h as u8, m as u8));
        }
    }
    Some(t)
}

pub(crate) fn chain<'a>(toks: &[Tok<'a>], idx: &[usize], seps: &[char], out: &mut Vec<Tok<'a>>) {
    if let Some(t) = interpret(toks, idx, seps) {
        out.push(t);
        return;
    }
    if seps.contains(&'-') {
        // split at the dashes, which stay as tokens ("10-12 मार्च", "2021-22")
        let mut start = 0;
        for k in 0..=seps.len() {
            if k == seps.len() || seps[k] == '-' {
                chain(toks, &idx[start..=k], &seps[start..k], out);
                if k < seps.len() {
                    out.push(toks[idx[k] + 1]);
                }
                start = k + 1;
            }
        }
        return;
    }
    let first = out.len();
    for &i in idx {
        match interpret(toks, &[i], &[]) {
            Some(t) => out.push(t),
            None => out.push(Tok::new(
                Typ::X,
                toks[i].s as usize,
                toks[i].e as usize,
                "",
                &[],
            )),
        }
    }
    // "7/6", neither a two-digit day/month nor a fraction: the first number keeps the
    // day/month reading, which a weekday before it makes a date
    if idx.len() == 2 && seps == ['/'] {
        let (d, mo) = (&out[first], &out[first + 1]);
        if d.typ == Typ::N && mo.typ == Typ::N && d.ndig <= 2 && mo.ndig <= 2 {
            let x = [0, mo.m as i32, d.m as i32];
            out[first].x = x;
        }
    }
}

/// A single digit run as a number token (`interpret` of a chain of one).
pub(crate) fn plain_number<'a>(t: &Tok<'a>) -> Option<Tok<'a>> {
    let mut m: i64 = 0;
    let mut nd = 0usize;
    for ch in t.text.chars() {
        nd += 1;
        if nd > 18 {
            return None;
        }
        m = m * 10 + digit_value(ch) as i64;
    }
    let mut r = Tok::new(Typ::N, t.s as usize, t.e as usize, "", &[]);
    r.m = m;
    r.plain = true;
    r.ndig = nd as u8;
    Some(r)
}

/// Whether a digit run at `j` continues with a separator and another digit run.
#[inline]
fn chain_continues(toks: &[Tok<'_>], j: usize) -> bool {
    j + 2 < toks.len()
        && toks[j + 1].typ == Typ::P
        && toks[j + 1].text.len() == 1
        && ",.:/-".contains(toks[j + 1].text)
        && toks[j + 1].s == toks[j].e
        && toks[j + 2].typ == Typ::N
        && !toks[j + 2].plain
        && toks[j + 2].s == toks[j + 1].e
}

/// Join digit runs glued by `, . : / -` into numbers, numeric dates and clock
/// times (in place: a chain never yields more tokens than it consumed).
/// [`super::scan::tokenize`] does the same as it goes; this is the reference
/// (over [`super::scan::tokenize_raw`]) its test compares with.
pub fn group(mut toks: Vec<Tok<'_>>) -> Vec<Tok<'_>> {
    let n = toks.len();
    let mut w = 0;
    let mut i = 0;
    let mut idx: Vec<usize> = Vec::new();
    let mut seps: Vec<char> = Vec::new();
    let mut out = Vec::new();
    while i < n {
        // the tokens up to the next digit run stay as they are
        let k = toks[i..]
            .iter()
            .position(|t| t.typ == Typ::N)
            .map_or(n, |p| i + p);
        if w != i {
            toks.copy_within(i..k, w);
        }
        w += k - i;
        i = k;
        if i >= n {
            break;
        }
        if !chain_continues(&toks, i) {
            // a lone digit run (the common case)
            match plain_number(&toks[i]) {
                Some(t) => toks[w] = t,
                None => {
                    toks[w] = Tok::new(Typ::X, toks[i].s as usize, toks[i].e as usize, "", &[]);
                }
            }
            w += 1;
            i += 1;
            continue;
        }
        idx.clear();
        seps.clear();
        idx.push(i);
        let mut j = i;
        while chain_continues(&toks, j) {
            seps.push(toks[j + 1].text.chars().next().unwrap_or(','));
            idx.push(j + 2);
            j += 2;
        }
        out.clear();
        chain(&toks, &idx, &seps, &mut out);
        for t in out.drain(..) {
            toks[w] = t;
            w += 1;
        }
        i = j + 1;
    }
    toks.truncate(w);
    toks
}

// ------------------------------------------------------------ number words

/// What a number expression starts with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Info {
    Digit,
    Word,
    Ambig,
    Frac,
}

/// "2.5cr", "3.5साल": a decimal whose last digits are glued to a scale or unit (the
/// tokenizer splits "5cr" from "2."): its value.
fn glued_decimal(c: &Ctx<'_>, i: usize) -> Option<Dec> {
    let t = &c.t;
    if i + 3 >= t.len() || !t[i + 1].is_p(".") {
        return None;
    }
    let (ti, f, w) = (&t[i], &t[i + 2], &t[i + 3]);
    let glued = ti.e == t[i + 1].s && t[i + 1].e == f.s && f.e == w.s;
    if !(ti.plain && f.typ == Typ::N && f.plain && glued)
        || !(w.has(Cat::Scale) || w.has(Cat::Unit))
    {
        return None;
    }
    let p = 10i128.checked_pow(f.ndig as u32)?;
    norm(
        (ti.m as i128).checked_mul(p)?.checked_add(f.m as i128)?,
        f.ndig as u32,
    )
}

/// A number atom at `i`: value, end, what it is.
pub fn atom(c: &Ctx<'_>, i: usize) -> Option<(Dec, usize, Info)> {
    let t = &c.t;
    let n = t.len();
    if i >= n {
        return None;
    }
    let ti = &t[i];
    if ti.typ == Typ::N {
        if let Some(v) = glued_decimal(c, i) {
            return Some((v, i + 3, Info::Frac));
        }
        return Some((ti.dec(), i + 1, Info::Digit));
    }
    if ti.typ != Typ::W {
        return None;
    }
    if let Some(v) = ti.get(Cat::Num) {
        let val = dec(v).0;
        if (20..=90).contains(&val) && ti.is_ascii_word() {
            let mut k = i + 1;
            if k + 1 < n && t[k].is_p("-") && ti.e == t[k].s && t[k].e == t[k + 1].s {
                k += 1;
            }
            if k < n && t[k].is_ascii_word() {
                if let Some(u) = t[k].get(Cat::Num).or_else(|| t[k].get(Cat::NumA)) {
                    let u = dec(u);
                    if u.1 == 0 && (1..=9).contains(&u.0) {
                        return Some(((val + u.0, 0), k + 1, Info::Word));
                    }
                }
            }
        }
        return Some(((val, 0), i + 1, Info::Word));
    }
    if let Some(v) = ti.get(Cat::NumA) {
        return Some((dec(v), i + 1, Info::Ambig));
    }
    if let Some(v) = ti.get(Cat::Frac) {
        return Some((dec(v), i + 1, Info::Frac));
    }
    if let Some(v) = ti.get(Cat::FracMod) {
        if i + 1 < n {
            let d = dec(v);
            if t[i + 1].has(Cat::Scale) {
                return add((1, 0), d).map(|r| (r, i + 1, Info::Frac));
            }
            match atom(c, i + 1) {
                Some((av, aj, ainfo)) if ainfo != Info::Frac && av.1 == 0 => {
                    if let Some(r) = add(av, d) {
                        if r.0 > 0 {
                            return Some((r, aj, Info::Frac));
                        }
                    }
                }
                Some(_) => {}
                // सवा/पौने alone are one and a quarter / three quarters of what
                // follows ("सवा किलो", "पौने घंटे"); साढ़े never stands alone
                None if d != (5, 1) => return add((1, 0), d).map(|r| (r, i + 1, Info::Frac)),
                None => {}
            }
        }
        return None;
    }
    if ti.has(Cat::ScaleBare) {
        // a scale word alone is one of it: the scale loop of `group_at` consumes it
        return Some(((1, 0), i, Info::Word));
    }
    None
}

/// `atom scale*`: value, multiplier, end, info.
fn group_at(c: &Ctx<'_>, i: usize) -> Option<(Dec, Dec, usize, Info)> {
    let (val, mut j, info) = atom(c, i)?;
    let mut mult: Dec = (1, 0);
    let mut last: Option<Dec> = None;
    let t = &c.t;
    let n = t.len();
    while j < n {
        let mut k = j;
        // "2,000-crore", "5-lakh"
        if j > i && j + 1 < n && t[j].is_p("-") && t[j - 1].e == t[j].s && t[j].e == t[j + 1].s {
            k = j + 1;
        }
        let sv = match t[k].get(Cat::Scale) {
            Some(v) => v,
            None => break,
        };
        let sd = dec(sv);
        if let Some(l) = last {
            if !lt(l, sd) {
                break;
            }
        }
        mult = mul(mult, sd)?;
        last = Some(sd);
        j = k + 1;
    }
    let val = mul(val, mult)?;
    Some((val, mult, j, info))
}

/// A number expression at `i`.
#[derive(Clone, Copy, Debug)]
pub struct NumExpr {
    pub val: Dec,
    pub end: usize,
    pub info: Info,
    /// one atom, no scale
    pub simple: bool,
}

const ONE: Dec = (1, 0);
const HUNDRED: Dec = (100, 0);

/// "और"/"and" at `k` right after a scale word ("तीन सौ और दो", "two hundred and five").
fn and_after_scale(c: &Ctx<'_>, k: usize) -> bool {
    k < c.t.len() && k > 0 && c.t[k].has(Cat::And) && c.t[k - 1].has(Cat::Scale)
}

/// A scale word of at most a hundred at `k` (the number before it is its own group).
fn small_scale_at(c: &Ctx<'_>, k: usize) -> bool {
    match c.t.get(k).and_then(|t| t.get(Cat::Scale)) {
        Some(sv) => !lt(HUNDRED, dec(sv)),
        None => false,
    }
}

/// A group, and where it ends in सौ: the number below a hundred after it, then
/// a larger scale that multiplies the whole ("एक सौ पच्चीस करोड़" = 125 crore,
/// "दो सौ दस खरब", "इक्कीस सौ इक्कीस"). Value, multiplier, end, info, simple,
/// whole (the first atom is an integer).
fn segment_at(c: &Ctx<'_>, i: usize) -> Option<(Dec, Dec, usize, Info, bool, bool)> {
    let (mut val, mult, mut j, info) = group_at(c, i)?;
    // the first atom is an integer (a digit run without decimals, not आधा)
    let whole = match info {
        Info::Digit => c.t[i].sc == 0,
        Info::Ambig => c.t[i].get(Cat::NumA).is_some_and(|v| !v.contains('.')),
        Info::Word => true,
        Info::Frac => false,
    };
    if mult != HUNDRED || !whole {
        return Some((val, mult, j, info, mult == ONE, whole));
    }
    let t = &c.t;
    let n = t.len();
    let k = if and_after_scale(c, j) { j + 1 } else { j };
    let mut absorbed = false;
    if let Some((av, aj, ainfo)) = atom(c, k) {
        if aj > k
            && ainfo != Info::Frac
            && av.1 == 0
            && av.0 > 0
            && lt(av, HUNDRED)
            && !small_scale_at(c, aj)
        {
            val = add(val, av)?;
            j = aj;
            absorbed = true;
        }
    }
    // a larger scale (or a chain of them: "सौ करोड़") multiplies the hundreds
    let mut m2 = ONE;
    let mut last = HUNDRED;
    while j < n {
        let sd = match t[j].get(Cat::Scale) {
            Some(sv) => dec(sv),
            None => break,
        };
        if !lt(last, sd) {
            break;
        }
        m2 = mul(m2, sd)?;
        last = sd;
        j += 1;
    }
    if m2 != ONE {
        val = mul(val, m2)?;
        return Some((val, m2, j, info, false, true));
    }
    Some((val, if absorbed { ONE } else { mult }, j, info, false, true))
}

/// Digit words after "दशमलव"/"point" at `j`: fraction digits and end. Each word
/// 0-9 is a digit; a first word 10-99 gives its two digits ("पॉइंट इकहत्तर" .71).
fn point_digits(c: &Ctx<'_>, j: usize) -> Option<(String, usize)> {
    let t = &c.t;
    let n = t.len();
    if j >= n || !t[j].has(Cat::Point) {
        return None;
    }
    let mut k = j + 1;
    let mut digits = String::new();
    while k < n && t[k].typ == Typ::W {
        let v = match t[k].get(Cat::Num).or_else(|| t[k].get(Cat::NumA)) {
            Some(v) if !v.contains('.') => v,
            _ => break,
        };
        let iv: u32 = match v.parse() {
            Ok(x) => x,
            Err(_) => break,
        };
        if iv <= 9 {
            digits.push(char::from(b'0' + iv as u8));
            k += 1;
            continue;
        }
        if digits.is_empty() && iv <= 99 {
            digits = iv.to_string();
            k += 1;
        }
        break;
    }
    if digits.is_empty() || digits.len() > 12 {
        return None;
    }
    Some((digits, k))
}

pub fn num_expr(c: &Ctx<'_>, i: usize) -> Option<NumExpr> {
    let (mut total, mut mult, mut j, info, mut simple, whole) = segment_at(c, i)?;
    let t = &c.t;
    let n = t.len();
    if !whole {
        // a decimal or fraction with a scale ("2.12 सौ", "डेढ़ लाख") takes nothing after it
        return Some(NumExpr {
            val: total,
            end: j,
            info,
            simple,
        });
    }
    while mult != ONE {
        let k = if and_after_scale(c, j) { j + 1 } else { j };
        let g2 = match segment_at(c, k) {
            Some(g) => g,
            None => break,
        };
        // zero adds nothing: "4 हजार 3 सौ और 0" is two numbers
        if !lt(g2.0, mult) || g2.0 .0 == 0 {
            break;
        }
        total = add(total, g2.0)?;
        mult = g2.1;
        j = g2.2;
        simple = false;
    }
    if total.1 == 0 && j < n {
        // a mixed fraction: "2 1/4" (digits, a space, a slash fraction)
        if j == i + 1
            && t[i].plain
            && t[j].typ == Typ::N
            && t[j].x[1] != 0
            && !t[j].plain
            && t[j].s > t[i].e
        {
            total = add(total, (t[j].m as i128, t[j].sc as u32))?;
            return Some(NumExpr {
                val: total,
                end: j + 1,
                info,
                simple: false,
            });
        }
        // "और" and a fraction: "पांच और एक चौथाई", "एक सौ तीन और एक तिहाई"
        if t[j].has(Cat::And) {
            if let Some((gv, gm, gj, _)) = group_at(c, j + 1) {
                if gm.0 > 0 && lt(gm, ONE) {
                    total = add(total, gv)?;
                    return Some(NumExpr {
                        val: total,
                        end: gj,
                        info,
                        simple: false,
                    });
                }
            }
        }
        if let Some((digits, end)) = point_digits(c, j) {
            let f: i128 = digits.parse().ok()?;
            total = add(total, (f, digits.len() as u32))?;
            return Some(NumExpr {
                val: total,
                end,
                info,
                simple: false,
            });
        }
    }
    Some(NumExpr {
        val: total,
        end: j,
        info,
        simple,
    })
}
