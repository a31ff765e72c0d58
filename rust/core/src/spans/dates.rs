//! Calendar dates: `25 मार्च 2021`, `15 जनवरी`, `Jan 11, 2022`, `मार्च 2021`, and a
//! full date followed by a clock time (`datetime`).

use super::lexicon::Cat;
use super::numbers::{int_of, num_expr, valid_date, Info};
use super::scan::Typ;
use super::span::Kind;
use super::times::time_at;
use super::Ctx;

/// A day of the month (1-31) at `k`: one or two digits, or `15th`.
pub fn day_at(c: &Ctx<'_>, k: usize) -> Option<u32> {
    let t = c.t.get(k)?;
    if ((t.typ == Typ::N && t.plain && t.ndig <= 2) || t.typ == Typ::O)
        && t.sc == 0
        && (1..=31).contains(&t.m)
    {
        return Some(t.m as u32);
    }
    None
}

/// A day of the month (1-31) written as a word: चार, इक्कीस, पहली, दूसरे, ग्यारहवीं.
pub fn word_day(c: &Ctx<'_>, k: usize) -> Option<u32> {
    let t = c.t.get(k)?;
    if t.typ != Typ::W {
        return None;
    }
    let mut v = t
        .get(Cat::Num)
        .or_else(|| t.get(Cat::Ord))
        .or_else(|| t.get(Cat::OrdO));
    if v.is_none() && t.get(Cat::NumA) == Some("1") {
        v = Some("1");
    }
    let d: u32 = v?.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// An optional comma and a four-digit year (1000-2199) at `k`.
pub fn year_after(c: &Ctx<'_>, mut k: usize) -> (Option<i32>, usize) {
    let t = &c.t;
    let n = t.len();
    if k < n && t[k].is_p(",") {
        k += 1;
    }
    if k < n {
        let tk = &t[k];
        if tk.typ == Typ::N && tk.plain && tk.ndig == 4 && (1000..=2199).contains(&tk.m) {
            return (Some(tk.m as i32), k + 1);
        }
        if let Some(y) = word_year(c, k) {
            return (Some(y.0), y.1);
        }
        // "मार्च '22": a two-digit year after an apostrophe
        if tk.is_p("'\"’") && k + 1 < n {
            let u = &t[k + 1];
            if tk.e == u.s && u.typ == Typ::N && u.plain && u.ndig == 2 {
                let yy = u.m as i32;
                return (Some(if yy <= 50 { 2000 + yy } else { 1900 + yy }), k + 2);
            }
        }
    }
    (None, k)
}

/// A year in words at `k` ("उन्नीस सौ अठत्तर", "दो हजार अठारह"): a compound of 1100-2199
/// that is not a round hundred, and counts nothing after it (not "दो हजार लोग").
fn word_year(c: &Ctx<'_>, k: usize) -> Option<(i32, usize)> {
    let t = &c.t;
    if t[k].typ != Typ::W || !t[k].has(Cat::Num) {
        return None;
    }
    let ne = num_expr(c, k)?;
    let y = int_of(ne.val)?;
    if ne.info != Info::Word || ne.simple || !(1100..=2199).contains(&y) || y % 100 == 0 {
        return None;
    }
    let counts = t
        .get(ne.end)
        .is_some_and(|x| x.any(WORD_YEAR_NOT_BEFORE) || x.typ == Typ::N);
    (!counts).then_some((y as i32, ne.end))
}

const WORD_YEAR_NOT_BEFORE: u64 =
    super::scan::cats(&[Cat::Unit, Cat::CurSuf, Cat::Scale, Cat::Count, Cat::Pct]);

fn date_value(y: Option<i32>, mo: u32, d: u32) -> Option<String> {
    match y {
        None => valid_date(2000, mo, d).then(|| format!("--{mo:02}-{d:02}")),
        Some(y) => valid_date(y, mo, d).then(|| format!("{y:04}-{mo:02}-{d:02}")),
    }
}

/// A dash or "से"/"to" between the two ends of a range.
pub fn range_sep(c: &Ctx<'_>, k: usize) -> bool {
    c.t.get(k)
        .is_some_and(|t| t.is_p("-–") || t.has(Cat::RangeSep))
}

/// "10-12 मार्च", "10 से 12 मार्च 2021": one date span with both ends.
pub fn date_range(c: &mut Ctx<'_>, i: usize, d1: u32) {
    let k = i + 1;
    if !range_sep(c, k) {
        return;
    }
    let d2 = match day_at(c, k + 1) {
        Some(d2) if d2 > d1 => d2,
        _ => return,
    };
    let (mo, k2) = month_at(c, k + 2);
    let mo = match mo {
        Some(mo) => mo,
        None => return,
    };
    let (y, k3) = year_after(c, k2);
    if let (Some(v1), Some(v2)) = (date_value(y, mo, d1), date_value(y, mo, d2)) {
        let e = if y.is_some() { k3 } else { k2 };
        c.emit(i, e, Kind::Date, format!("{v1}/{v2}"));
    }
}

/// Fiscal years and decades at the number `i` (span from `s`): "2021-22",
/// "FY2022-23", "FY22" (April to March: `2021-04/2022-03`); "2019-2022"
/// (`2019/2022`); "1990s", "1990 के दशक" (`1990/1999`).
pub fn periods_at(c: &mut Ctx<'_>, s: usize, i: usize) {
    let t = &c.t;
    let n = t.len();
    let ti = t[i];
    if ti.typ != Typ::N || !ti.plain {
        return;
    }
    let m = ti.m;
    if ti.ndig == 4
        && (1900..=2199).contains(&m)
        && i + 2 < n
        && t[i + 1].is_p("-")
        && ti.e == t[i + 1].s
    {
        let u = t[i + 2];
        if t[i + 1].e == u.s && u.typ == Typ::N && u.plain {
            if (u.ndig == 2 && u.m == (m + 1) % 100) || (s < i && u.ndig == 4 && u.m == m + 1) {
                c.emit(s, i + 3, Kind::Date, format!("{m:04}-04/{:04}-03", m + 1));
                return;
            }
            if s == i && u.ndig == 4 && m < u.m && u.m <= m + 100 {
                // "2019-2022": the years from one to the other
                c.emit(s, i + 3, Kind::Date, format!("{m:04}/{:04}", u.m));
                return;
            }
        }
    }
    if s < i && ti.ndig == 2 {
        let y = 2000 + m;
        c.emit(s, i + 1, Kind::Date, format!("{:04}-04/{y:04}-03", y - 1));
        return;
    }
    if s < i || m % 10 != 0 || !(ti.ndig == 2 || ti.ndig == 4) {
        return;
    }
    let y = if ti.ndig == 4 { m } else { 1900 + m };
    if !(1000..=2190).contains(&y) {
        return;
    }
    if i + 1 < n && t[i + 1].has(Cat::DecSuf) && ti.e == t[i + 1].s {
        c.emit(i, i + 2, Kind::Date, format!("{y}/{}", y + 9));
    } else if i + 2 < n && t[i + 1].text == "के" && t[i + 2].get(Cat::Unit) == Some("DEC") {
        c.emit(i, i + 3, Kind::Date, format!("{y}/{}", y + 9));
    }
}

/// A month name at `k` (an abbreviation may take a dot): month and end.
pub fn month_at(c: &Ctx<'_>, k: usize) -> (Option<u32>, usize) {
    let t = &c.t;
    let n = t.len();
    if k >= n {
        return (None, k);
    }
    let tk = &t[k];
    if let Some(mo) = tk.get(Cat::Month) {
        return (mo.parse().ok(), k + 1);
    }
    if let Some(mo) = tk.get(Cat::MonthAbbr) {
        if k + 1 < n && t[k + 1].is_p(".") && tk.e == t[k + 1].s {
            return (mo.parse().ok(), k + 2);
        }
        return (mo.parse().ok(), k + 1);
    }
    if let Some(mo) = tk.get(Cat::MonthDot) {
        if k + 1 < n && t[k + 1].is_p(".") && tk.e == t[k + 1].s {
            return (mo.parse().ok(), k + 2);
        }
    }
    (None, k)
}

/// Emit a date over tokens `i..j` (month-year, day-month or full) and, after a
/// full date, a datetime if a clock time follows.
pub fn emit_date(c: &mut Ctx<'_>, i: usize, j: usize, y: Option<i32>, mo: u32, d: Option<u32>) {
    let y = y.filter(|&y| y != 0);
    let d = match d {
        None => {
            if let Some(y) = y {
                c.emit(i, j, Kind::Date, format!("{y:04}-{mo:02}"));
            }
            return;
        }
        Some(d) => d,
    };
    let y = match y {
        None => {
            if valid_date(2000, mo, d) {
                c.emit(i, j, Kind::Date, format!("--{mo:02}-{d:02}"));
            }
            return;
        }
        Some(y) => y,
    };
    if !valid_date(y, mo, d) {
        return;
    }
    let v = format!("{y:04}-{mo:02}-{d:02}");
    c.emit(i, j, Kind::Date, v.clone());
    let n = c.t.len();
    let mut k = j;
    if k < n && c.t[k].is_p(",") {
        k += 1;
    }
    if k < n && c.t[k].typ == Typ::W && c.t[k].text == "at" {
        k += 1;
    }
    if let Some((e, tv)) = time_at(c, k, None, true) {
        c.emit(i, e, Kind::Datetime, format!("{v}T{tv}"));
    }
}
