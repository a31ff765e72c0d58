//! Calendar dates: `25 मार्च 2021`, `15 जनवरी`, `Jan 11, 2022`, `मार्च 2021`, and a
//! full date followed by a clock time (`datetime`).

use super::lexicon::Cat;
use super::numbers::valid_date;
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
    }
    (None, k)
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
