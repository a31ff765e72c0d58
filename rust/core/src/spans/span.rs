//! The [`Span`] type, the span kinds, and overlap resolution.

use std::fmt;

/// A span kind. The declaration order is the tie-break order of the spec:
/// at equal length the earlier (more specific) kind wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Datetime,
    Date,
    Time,
    Year,
    Weekday,
    Duration,
    Percent,
    Money,
    Ordinal,
    Number,
}

impl Kind {
    /// All kinds, most specific first.
    pub const ALL: [Kind; 10] = [
        Kind::Datetime,
        Kind::Date,
        Kind::Time,
        Kind::Year,
        Kind::Weekday,
        Kind::Duration,
        Kind::Percent,
        Kind::Money,
        Kind::Ordinal,
        Kind::Number,
    ];

    /// The kind's name as the spec writes it (`"date"`, `"number"`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Datetime => "datetime",
            Kind::Date => "date",
            Kind::Time => "time",
            Kind::Year => "year",
            Kind::Weekday => "weekday",
            Kind::Duration => "duration",
            Kind::Percent => "percent",
            Kind::Money => "money",
            Kind::Ordinal => "ordinal",
            Kind::Number => "number",
        }
    }

    /// Parse a kind name.
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|k| k.name() == name)
    }

    /// Tie-break rank (0 = most specific).
    pub fn rank(self) -> u8 {
        self as u8
    }

    /// Bit of this kind in a [`KindSet`].
    pub fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A set of kinds (bit set over [`Kind`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct KindSet(pub u16);

impl KindSet {
    pub const ALL: KindSet = KindSet(0x3ff);

    pub fn contains(self, k: Kind) -> bool {
        self.0 & k.bit() != 0
    }

    pub fn from_kinds<I: IntoIterator<Item = Kind>>(kinds: I) -> KindSet {
        KindSet(kinds.into_iter().fold(0, |acc, k| acc | k.bit()))
    }
}

/// One extracted span. Offsets are code point indices into the input text,
/// `end` exclusive, and `text` is exactly the covered input.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: Kind,
    /// The normalized value in the form the spec gives for the kind.
    pub value: String,
    /// The full ISO date a date or weekday stands for, where known.
    pub resolved: Option<String>,
}

/// A candidate span in input code points: `(start, end, kind, value)`.
pub type Candidate = (usize, usize, Kind, String);

/// Keep the longest candidates (then the more specific kind, then the earlier
/// start, then the smaller value) so that no two overlap; return them in text order.
/// `len` is the length of the input in code points.
pub fn resolve_overlaps(mut cands: Vec<Candidate>, len: usize) -> Vec<Candidate> {
    cands.sort_by(|a, b| {
        let la = a.1 - a.0;
        let lb = b.1 - b.0;
        lb.cmp(&la)
            .then(a.2.rank().cmp(&b.2.rank()))
            .then(a.0.cmp(&b.0))
            .then(a.3.cmp(&b.3))
            .then(a.1.cmp(&b.1))
    });
    cands.dedup();
    let mut taken = vec![false; len + 1];
    let mut out: Vec<Candidate> = Vec::new();
    for c in cands {
        if c.1 > len || c.0 >= c.1 || taken[c.0..c.1].iter().any(|&t| t) {
            continue;
        }
        for t in &mut taken[c.0..c.1] {
            *t = true;
        }
        out.push(c);
    }
    out.sort_by_key(|c| c.0);
    out
}

/// A candidate span with the byte offsets of its input text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cand {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub value: String,
    /// Byte offsets of `start` and `end` in the input.
    pub bs: usize,
    pub be: usize,
}

/// [`resolve_overlaps`] over [`Cand`]s (the same order and choice).
pub fn resolve_overlaps_cands(mut cands: Vec<Cand>) -> Vec<Cand> {
    if cands.len() > 1 {
        cands.sort_by(|a, b| {
            let la = a.end.saturating_sub(a.start);
            let lb = b.end.saturating_sub(b.start);
            lb.cmp(&la)
                .then(a.kind.rank().cmp(&b.kind.rank()))
                .then(a.start.cmp(&b.start))
                .then(a.value.cmp(&b.value))
                .then(a.end.cmp(&b.end))
        });
    }
    cands.retain(|c| c.start < c.end);
    let mut out: Vec<Cand> = Vec::new();
    if cands.len() <= 32 {
        // few candidates: compare with the spans kept so far
        for c in cands {
            if out.iter().any(|o| o.start < c.end && c.start < o.end) {
                continue;
            }
            out.push(c);
        }
    } else {
        let lo = cands.iter().map(|c| c.start).min().unwrap_or(0);
        let hi = cands.iter().map(|c| c.end).max().unwrap_or(0);
        // `taken[k - lo]`: input code point `k` is in a span already kept
        let mut taken = vec![false; hi - lo];
        for c in cands {
            let r = &mut taken[c.start - lo..c.end - lo];
            if r.iter().any(|&t| t) {
                continue;
            }
            r.fill(true);
            out.push(c);
        }
    }
    out.sort_by_key(|c| c.start);
    out
}
