//! Code point <-> byte offsets of a `str` without decoding it all: a cursor
//! that remembers where it was, so that mostly ascending queries (the spans
//! of one text) cost about one step per byte over the whole text.

use std::cell::Cell;

/// A cursor over the code points of `text`.
pub struct CpCursor<'a> {
    bytes: &'a [u8],
    /// `(code point index, byte offset)` of the last position, a char boundary.
    at: Cell<(usize, usize)>,
    /// The text is ASCII: code point and byte offsets are the same.
    ascii: bool,
}

/// Bytes that start a code point (not `10xxxxxx`), one bit 7 per byte of `w`.
#[inline(always)]
fn starts(w: u64) -> u64 {
    const HI: u64 = 0x8080_8080_8080_8080;
    // a continuation byte has bit 7 set and bit 6 clear
    let cont = w & !(w << 1) & HI;
    !cont & HI
}

impl<'a> CpCursor<'a> {
    /// `cp_len` is the length of `text` in code points.
    pub fn new(text: &'a str, cp_len: usize) -> CpCursor<'a> {
        CpCursor {
            bytes: text.as_bytes(),
            at: Cell::new((0, 0)),
            ascii: cp_len == text.len(),
        }
    }

    /// The byte offset of code point `cp` (the text length past the end).
    pub fn byte(&self, cp: usize) -> usize {
        let bytes = self.bytes;
        let len = bytes.len();
        if self.ascii {
            return cp.min(len);
        }
        // invariant: `c` is the number of code points starting in `bytes[..b]`
        let (mut c, mut b) = self.at.get();
        if cp >= c {
            // 32 bytes at a time while the target is past them
            while cp - c >= 32 && b + 32 <= len {
                let mut x = 0u64;
                for k in 0..4 {
                    let mut w = [0u8; 8];
                    w.copy_from_slice(&bytes[b + 8 * k..b + 8 * k + 8]);
                    x += starts(u64::from_le_bytes(w)) >> 7;
                }
                // each byte of `x` is at most 4: the sum fits the top byte
                let k = (x.wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize;
                if c + k > cp {
                    break;
                }
                c += k;
                b += 32;
            }
            while cp - c >= 8 && b + 8 <= len {
                let mut w = [0u8; 8];
                w.copy_from_slice(&bytes[b..b + 8]);
                let k = ((starts(u64::from_le_bytes(w)) >> 7).wrapping_mul(0x0101_0101_0101_0101)
                    >> 56) as usize;
                if c + k > cp {
                    break;
                }
                c += k;
                b += 8;
            }
            while b < len {
                if bytes[b] & 0xC0 != 0x80 {
                    if c == cp {
                        break;
                    }
                    c += 1;
                }
                b += 1;
            }
        } else {
            while c > cp && b > 0 {
                b -= 1;
                if bytes[b] & 0xC0 != 0x80 {
                    c -= 1;
                }
            }
        }
        self.at.set((c, b));
        b
    }

    /// The code point before code point `cp`, if any.
    pub fn char_before(&self, cp: usize) -> Option<char> {
        if cp == 0 {
            return None;
        }
        let b = self.byte(cp);
        if b == 0 {
            return None;
        }
        let mut a = b - 1;
        while a > 0 && self.bytes[a] & 0xC0 == 0x80 {
            a -= 1;
        }
        std::str::from_utf8(&self.bytes[a..b])
            .ok()
            .and_then(|s| s.chars().next())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_matches_char_indices() {
        let texts = [
            "",
            "abc",
            "२५ मार्च 2021 को ₹5 लाख\u{200d} x \u{1F600}y",
            "ab\u{e9}\u{1F600}\u{900}\u{97f}0123456789abcdef\u{10ffff}",
        ];
        for t in texts {
            let chars: Vec<(usize, char)> = t.char_indices().collect();
            let n = chars.len();
            let cur = CpCursor::new(t, n);
            let byte_of = |k: usize| chars.get(k).map_or(t.len(), |x| x.0);
            // ascending, descending and jumping queries
            let mut order: Vec<usize> = (0..=n).collect();
            order.extend((0..=n).rev());
            order.extend((0..=n).step_by(3).chain((0..=n).rev().step_by(5)));
            order.extend([n, 0, n / 2, n, 1.min(n)]);
            for k in order {
                assert_eq!(cur.byte(k), byte_of(k), "{t:?} {k}");
                let before = if k == 0 { None } else { Some(chars[k - 1].1) };
                assert_eq!(cur.char_before(k), before, "{t:?} {k}");
            }
            assert_eq!(cur.byte(n + 5), t.len());
        }
    }
}
