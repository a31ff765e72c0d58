//! Clock times: `11:27 AM IST`, `सुबह 10 बजे`, `साढ़े 10 बजे`, `5 बजकर 30 मिनट`, `5 pm`.

use super::lexicon::Cat;
use super::numbers::{int_of, num_expr, Info};
use super::scan::Typ;
use super::Ctx;

/// `am`/`pm` at `j` (a word, or `a.m.`/`p.m.`): the value and the end.
pub fn ampm_at(c: &Ctx<'_>, j: usize) -> (Option<&'static str>, usize) {
    let t = &c.t;
    let n = t.len();
    if j >= n {
        return (None, j);
    }
    let tj = &t[j];
    if tj.typ == Typ::W {
        if let Some(v) = tj.get(Cat::AmPm) {
            return (Some(v), j + 1);
        }
    }
    if tj.typ == Typ::W && (tj.text == "a" || tj.text == "p") {
        let mut k = j + 1;
        if k < n && t[k].is_p(".") && tj.e == t[k].s {
            k += 1;
        }
        if k < n && t[k].typ == Typ::W && t[k].text == "m" {
            k += 1;
            if k < n && t[k].is_p(".") && t[k - 1].e == t[k].s {
                k += 1;
            }
            return (Some(if tj.text == "a" { "am" } else { "pm" }), k);
        }
    }
    (None, j)
}

/// Minutes (1-59) at `k` after an hour: a number word or two digits.
fn minute_at(c: &Ctx<'_>, k: usize) -> Option<u32> {
    let t = c.t.get(k)?;
    let v: u32 = if t.typ == Typ::W {
        t.get(Cat::Num)?.parse().ok()?
    } else if t.typ == Typ::N && t.plain && t.ndig == 2 && t.sc == 0 {
        t.m as u32
    } else {
        return None;
    };
    (1..=59).contains(&v).then_some(v)
}

/// `:40pm` at `j`, glued to the number before it ("3:40pm", "7:56:30pm"): the
/// two digits after the colon, am/pm, and the end.
fn glued_ampm_minutes(c: &Ctx<'_>, j: usize) -> Option<(u32, &'static str, usize)> {
    let t = &c.t;
    if j == 0 || j + 1 >= t.len() || !t[j].is_p(":") || t[j - 1].e != t[j].s || t[j].e != t[j + 1].s
    {
        return None;
    }
    let a = &t[j + 1];
    let b = a.text.as_bytes();
    let two =
        b.len() > 2 && b[0].is_ascii_digit() && b[1].is_ascii_digit() && !b[2].is_ascii_digit();
    if a.typ != Typ::A || !two || a.m > 59 {
        return None;
    }
    Some((a.m as u32, a.get(Cat::AmPm)?, j + 2))
}

/// Minutes after "बजने में"/"बजने से" at `j` (the word after बजने): the minutes
/// and the end past बाकी/पहले ("आठ बजने में तीन मिनट बाकी", "पाँच बजने से तीन मिनट पहले").
fn minutes_after_hour(c: &Ctx<'_>, j: usize) -> Option<(i64, usize)> {
    let t = &c.t;
    let n = t.len();
    if j >= n || !matches!(t[j].text, "में" | "से") {
        return None;
    }
    let (mv, mut e) = minute_count(c, j + 1)?;
    if e < n && (t[e].text == "बाकी" || t[e].get(Cat::Direction) == Some("-")) {
        e += 1;
    }
    Some((mv, e))
}

/// "(होने) के/से Y मिनट बाद/पहले" after a time at `j`: signed minutes and the end
/// ("दस बजकर दस मिनट होने के तीन मिनट बाद", "5 बजे से 10 मिनट पहले").
fn minutes_shift(c: &Ctx<'_>, j: usize) -> Option<(i64, usize)> {
    let t = &c.t;
    let n = t.len();
    let k = if j < n && t[j].text == "होने" {
        j + 1
    } else {
        j
    };
    if k >= n || !matches!(t[k].text, "के" | "से") {
        return None;
    }
    let (mv, e) = minute_count(c, k + 1)?;
    if e >= n {
        return None;
    }
    let d = t[e].get(Cat::Direction)?;
    Some((if d == "+" { mv } else { -mv }, e + 1))
}

/// "Y मिनट" at `i` (a simple number from 1 to 59, then the minute unit): the
/// minutes and the end past the unit.
fn minute_count(c: &Ctx<'_>, i: usize) -> Option<(i64, usize)> {
    let ne = num_expr(c, i).filter(|x| x.simple)?;
    let mv = int_of(ne.val)?;
    let e = ne.end;
    if !(1..=59).contains(&mv) || e >= c.t.len() || c.t[e].get(Cat::Unit) != Some("MI") {
        return None;
    }
    Some((mv as i64, e + 1))
}

/// `h:m` moved by `delta` minutes, around the clock.
fn shift(h: u32, m: u32, delta: i64) -> (u32, u32) {
    let x = (h as i64 * 60 + m as i64 + delta).rem_euclid(24 * 60);
    ((x / 60) as u32, (x % 60) as u32)
}

fn apply_ampm(h: u32, ap: &str) -> u32 {
    if ap == "am" {
        if h == 12 {
            0
        } else {
            h
        }
    } else if h < 12 {
        h + 12
    } else {
        h
    }
}

fn apply_period(h: u32, p: &str) -> u32 {
    match p {
        "noon" if (1..=6).contains(&h) => h + 12,
        "evening" | "afternoon" if (1..=11).contains(&h) => h + 12,
        "day" if (1..=6).contains(&h) => h + 12,
        "night" if (6..=11).contains(&h) => h + 12,
        "night" if h == 12 => 0,
        _ => h,
    }
}

/// A clock time at `k`: the end and the value (`HH:MM`, `HH:MM:SS`, plus a zone
/// offset). `period` is a preceding सुबह/शाम/...; `need_clock` admits only
/// written clock times (`11:27`, `11am`, `5 pm`), not `5 बजे`.
pub fn time_at(
    c: &Ctx<'_>,
    k: usize,
    period: Option<&str>,
    need_clock: bool,
) -> Option<(usize, String)> {
    let t = &c.t;
    let n = t.len();
    if k >= n {
        return None;
    }
    let tk = &t[k];
    let mut sec: i32 = -1;
    let mut ap: Option<&str> = None;
    let (mut h, mut m, mut j): (u32, u32, usize);
    if tk.typ == Typ::T {
        h = tk.x[0] as u32;
        m = tk.x[1] as u32;
        sec = tk.x[2];
        j = k + 1;
        let (a, j2) = ampm_at(c, j);
        if a.is_none() && sec < 0 && (1..=12).contains(&h) {
            if let Some((s2, a2, j3)) = glued_ampm_minutes(c, j) {
                sec = s2 as i32;
                ap = Some(a2);
                j = j3;
            }
        }
        if a.is_some() && (1..=12).contains(&h) {
            ap = a;
            j = j2;
        }
        if j < n && t[j].has(Cat::Baje) {
            j += 1;
        }
    } else if tk.typ == Typ::A {
        if !(1..=12).contains(&tk.m) {
            return None;
        }
        h = tk.m as u32;
        m = 0;
        j = k + 1;
        ap = tk.get(Cat::AmPm);
    } else {
        let ne = num_expr(c, k)?;
        if !ne.simple {
            return None;
        }
        let val = ne.val;
        j = ne.end;
        let (a, j2) = ampm_at(c, j);
        let iv = int_of(val);
        let mut glued = if a.is_none() && tk.typ == Typ::N && tk.plain && tk.ndig <= 2 {
            glued_ampm_minutes(c, j)
        } else {
            None
        };
        if a.is_none() && glued.is_none() && ne.info != Info::Frac {
            // the hour, the minutes, am/pm: "seven thirty p m", "सात पैंतालीस pm"
            if let (Some(x), Some(mv)) = (iv, minute_at(c, j)) {
                if (1..=12).contains(&x) {
                    if let (Some(a3), j3) = ampm_at(c, j + 1) {
                        glued = Some((mv, a3, j3));
                    }
                }
            }
        }
        if let Some((gm, ga, gj)) = glued {
            match iv {
                Some(x) if (1..=12).contains(&x) => {
                    h = x as u32;
                    m = gm;
                    ap = Some(ga);
                    j = gj;
                }
                _ => return None,
            }
        } else if let Some(a) = a {
            let (hh, mm) = match (iv, tk.typ, tk.hm) {
                (None, Typ::N, Some((x, y))) if ne.info == Info::Digit => (x as i128, y as u32),
                // hours and minutes run together: "340 pm", "1140 am"
                (Some(x), Typ::N, _)
                    if ne.info == Info::Digit && tk.plain && (tk.ndig == 3 || tk.ndig == 4) =>
                {
                    if x % 100 > 59 {
                        return None;
                    }
                    (x / 100, (x % 100) as u32)
                }
                (Some(x), _, _) if ne.info != Info::Frac => (x, 0),
                _ => return None,
            };
            if !(1..=12).contains(&hh) {
                return None;
            }
            h = hh as u32;
            m = mm;
            j = j2;
            ap = Some(a);
        } else if need_clock || j >= n {
            return None;
        } else if t[j].has(Cat::Baje) || t[j].text == "बजने" {
            if let (Typ::N, Some((hh, mm))) = (tk.typ, tk.hm) {
                h = hh as u32;
                m = mm as u32;
            } else {
                let m100: i128 = if val.1 <= 2 {
                    val.0 * 10i128.pow(2 - val.1)
                } else {
                    -1
                };
                if !(0..=2400).contains(&m100) || m100 % 25 != 0 {
                    return None;
                }
                h = (m100 / 100) as u32;
                m = ((m100 % 100) * 60 / 100) as u32;
            }
            if t[j].text == "बजने" {
                // minutes to the hour: "आठ बजने में तीन मिनट बाकी" 07:57
                let (mt, e) = minutes_after_hour(c, j + 1)?;
                (h, m) = shift(h, m, -mt);
                j = e;
            } else {
                j += 1;
            }
        } else if t[j].has(Cat::Bajkar) {
            let iv = match iv {
                Some(x) if ne.info != Info::Frac => x,
                _ => return None,
            };
            let ne2 = num_expr(c, j + 1)?;
            if !ne2.simple {
                return None;
            }
            let mv = int_of(ne2.val)?;
            if mv > 59 || !(0..=99).contains(&iv) || mv < 0 {
                return None;
            }
            h = iv as u32;
            m = mv as u32;
            // मिनट may go unsaid: "दस बजकर दस"
            j = if ne2.end < n && t[ne2.end].get(Cat::Unit) == Some("MI") {
                ne2.end + 1
            } else {
                ne2.end
            };
        } else if let (Some(_), Some(hv)) = (period, iv) {
            // "शाम सात तीस", "रात ग्यारह पाँच": the part of the day, the hour, the minutes
            if ne.info == Info::Frac || !(1..=23).contains(&hv) {
                return None;
            }
            m = minute_at(c, j)?;
            h = hv as u32;
            j += 1;
            if j < n && t[j].has(Cat::Baje) {
                j += 1;
            }
        } else {
            return None;
        }
    }
    // the part of the day after "बजे": "1:30 बजे दोपहर"
    let mut period = period;
    if ap.is_none()
        && period.is_none()
        && j > k
        && t[j - 1].has(Cat::Baje)
        && j < n
        && t[j].typ == Typ::W
    {
        if let Some(p2) = t[j].get(Cat::Period) {
            period = Some(p2);
            j += 1;
        }
    }
    if let Some(a) = ap {
        h = apply_ampm(h, a);
    } else if let Some(p) = period {
        h = apply_period(h, p);
    }
    if h == 24 && m == 0 {
        h = 0;
    }
    if h > 23 {
        return None;
    }
    if let Some((delta, e)) = minutes_shift(c, j) {
        (h, m) = shift(h, m, delta);
        j = e;
    }
    let mut zone = "";
    if j < n {
        if let Some(z) = t[j].get(Cat::Zone) {
            zone = z;
            j += 1;
        }
    }
    let mut v = format!("{h:02}:{m:02}");
    if sec >= 0 {
        v.push_str(&format!(":{sec:02}"));
    }
    v.push_str(zone);
    Some((j, v))
}

/// "5 से 7 बजे", "शाम 5 से 7 बजे", "10:30-11:45": one time span with both ends
/// (from `s`, the first end at `k`); the first hour takes the half of the day
/// of the second ("5 से 7 बजे शाम" 17:00/19:00).
pub fn time_range(c: &mut Ctx<'_>, s: usize, k: usize, period: Option<&str>) {
    let t = &c.t;
    let n = t.len();
    // cheap test first: a simple number is one token (two for "twenty five")
    if k >= n || !(super::dates::range_sep(c, k + 1) || super::dates::range_sep(c, k + 2)) {
        return;
    }
    let tk = &t[k];
    let (mut h1, m1, j) = if tk.typ == Typ::T {
        (tk.x[0] as i128, tk.x[1] as i128, k + 1)
    } else {
        let ne = match num_expr(c, k) {
            Some(ne) if ne.simple && ne.info != Info::Frac => ne,
            _ => return,
        };
        match int_of(ne.val) {
            Some(iv) if (0..=23).contains(&iv) => (iv, 0, ne.end),
            _ => return,
        }
    };
    if !super::dates::range_sep(c, j) {
        return;
    }
    let (e, v2) = match time_at(c, j + 1, period, false) {
        Some(x) => x,
        None => return,
    };
    let h2: i128 = v2[..2].parse().unwrap_or(0);
    if h1 < 12 && h2 >= 12 && h1 + 12 <= h2 {
        h1 += 12;
    }
    c.emit(
        s,
        e,
        super::span::Kind::Time,
        format!("{h1:02}:{m1:02}/{v2}"),
    );
}
