//! Resolving partial dates and weekdays against a reference date.

use crate::error::{Error, Result};

use super::numbers::valid_date;
use super::span::Kind;

/// A proleptic Gregorian calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// A valid date with year 1-9999, or an error.
    pub fn new(year: i32, month: u32, day: u32) -> Result<Date> {
        if !(1..=9999).contains(&year) || !valid_date(year, month, day) {
            return Err(Error::InvalidArgument {
                name: "reference_date",
                reason: format!("{year:04}-{month:02}-{day:02} is not a valid date"),
            });
        }
        Ok(Date { year, month, day })
    }

    /// Parse `YYYY-MM-DD` (exactly ten ASCII characters).
    pub fn parse(s: &str) -> Result<Date> {
        let b = s.as_bytes();
        let bad = || Error::InvalidArgument {
            name: "reference_date",
            reason: format!("must be a date in the form 'YYYY-MM-DD', not {s:?}"),
        };
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            b[r].iter().try_fold(0u32, |acc, &c| {
                c.is_ascii_digit().then(|| acc * 10 + (c - b'0') as u32)
            })
        };
        match (num(0..4), num(5..7), num(8..10)) {
            (Some(y), Some(m), Some(d)) => Date::new(y as i32, m, d).map_err(|_| bad()),
            _ => Err(bad()),
        }
    }

    /// Days since 0001-01-01 plus one (Python's `date.toordinal()`).
    pub fn ordinal(self) -> i64 {
        let (y, m, d) = (self.year as i64, self.month as i64, self.day as i64);
        let y1 = y - 1;
        let mut days = y1 * 365 + y1 / 4 - y1 / 100 + y1 / 400;
        const CUM: [i64; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
        days += CUM[(m - 1) as usize];
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        if m > 2 && leap {
            days += 1;
        }
        days + d
    }

    /// The date of a Python ordinal.
    pub fn from_ordinal(o: i64) -> Option<Date> {
        if o < 1 {
            return None;
        }
        // find the year by estimate and correction
        let mut y = ((o as f64) / 365.2425) as i32 + 1;
        while y > 1 && Date::jan1(y) > o {
            y -= 1;
        }
        while Date::jan1(y + 1) <= o {
            y += 1;
        }
        let mut rest = o - Date::jan1(y) + 1;
        for m in 1..=12u32 {
            let dim = (28..=31).rev().find(|&d| valid_date(y, m, d)).unwrap_or(28) as i64;
            if rest <= dim {
                return (1..=9999).contains(&y).then_some(Date {
                    year: y,
                    month: m,
                    day: rest as u32,
                });
            }
            rest -= dim;
        }
        None
    }

    fn jan1(y: i32) -> i64 {
        Date {
            year: y,
            month: 1,
            day: 1,
        }
        .ordinal()
    }

    /// 0 = Monday ... 6 = Sunday.
    pub fn weekday(self) -> i64 {
        (self.ordinal() + 6) % 7
    }

    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn weekday_index(name: &str) -> Option<i64> {
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
    .iter()
    .position(|&w| w == name)
    .map(|p| p as i64)
}

fn days_in_month(y: i32, m: u32) -> u32 {
    (28..=31).rev().find(|&d| valid_date(y, m, d)).unwrap_or(28)
}

/// `D-2`, `M+1`, `Y-1`, `W-1` and `W+1:friday` against `r`; `±` (कल, परसों)
/// is read as the past, as news reports it.
fn resolve_relative(value: &str, r: Date) -> Option<String> {
    let mut chars = value.chars();
    let unit = chars.next()?;
    let sign = chars.next()?;
    let rest = chars.as_str();
    let (num, wd) = match rest.split_once(':') {
        Some((a, b)) => (a, Some(b)),
        None => (rest, None),
    };
    let n: i64 = num.parse::<i64>().ok()? * if sign == '+' { 1 } else { -1 };
    let mut o = r.ordinal();
    match unit {
        'D' => o += n,
        'W' => {
            o += 7 * n;
            if let Some(wd) = wd {
                o += weekday_index(wd)? - r.weekday();
            }
        }
        _ => {
            let months = n * if unit == 'Y' { 12 } else { 1 };
            let k = r.year as i64 * 12 + r.month as i64 - 1 + months;
            let (y, m) = (k.div_euclid(12), k.rem_euclid(12) as u32 + 1);
            if !(1..=9999).contains(&y) {
                return None;
            }
            let y = y as i32;
            let d = r.day.min(days_in_month(y, m));
            return Some(
                Date {
                    year: y,
                    month: m,
                    day: d,
                }
                .iso(),
            );
        }
    }
    Date::from_ordinal(o).map(Date::iso)
}

/// The full ISO date a span stands for: a full date itself, the date part of a
/// datetime, a day-and-month in the year (previous, same or next) nearest to
/// the reference, a weekday's most recent occurrence on or before it.
pub fn resolve(kind: Kind, value: &str, reference: Option<Date>) -> Option<String> {
    match kind {
        Kind::Date
            if value.starts_with(['D', 'W', 'M', 'Y'])
                && matches!(value.chars().nth(1), Some('+' | '-' | '±')) =>
        {
            resolve_relative(value, reference?)
        }
        Kind::Date if value.contains('/') => {
            // a range resolves to its first end
            resolve(kind, value.split('/').next()?, reference)
        }
        Kind::Date => {
            if value.len() == 10 && !value.starts_with('-') {
                return Some(value.to_string());
            }
            let r = reference?;
            let rest = value.strip_prefix("--")?;
            let mo: u32 = rest.get(0..2)?.parse().ok()?;
            let d: u32 = rest.get(3..5)?.parse().ok()?;
            let mut best: Option<(i64, i32)> = None;
            for y in [r.year - 1, r.year, r.year + 1] {
                if (1..=9999).contains(&y) && valid_date(y, mo, d) {
                    let dist = (Date {
                        year: y,
                        month: mo,
                        day: d,
                    }
                    .ordinal()
                        - r.ordinal())
                    .abs();
                    if best.is_none_or(|(bd, _)| dist < bd) {
                        best = Some((dist, y));
                    }
                }
            }
            best.map(|(_, y)| format!("{y:04}-{mo:02}-{d:02}"))
        }
        Kind::Datetime => value.get(0..10).map(str::to_string),
        Kind::Weekday => {
            let r = reference?;
            let back = (r.weekday() - weekday_index(value)?).rem_euclid(7);
            Date::from_ordinal(r.ordinal() - back).map(Date::iso)
        }
        _ => None,
    }
}
