//! Repair of UTF-8 that was decoded as cp1252 or latin-1 (`à¤•à¤¾` -> `का`).
//!
//! Each character is mapped back to the byte cp1252 (or, for the five bytes
//! cp1252 leaves undefined, latin-1) would have decoded it from; where a run of
//! such bytes is a valid UTF-8 sequence of two or more bytes, it is replaced by
//! the character it encodes, which covers the input range of all its parts.

use super::item::Item;

/// The cp1252/latin-1 byte a character was decoded from, if any.
pub fn byte_of(c: char) -> Option<u8> {
    let cp = c as u32;
    if cp <= 0x7F || (0xA0..=0xFF).contains(&cp) {
        return Some(cp as u8);
    }
    if matches!(cp, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D) {
        return Some(cp as u8);
    }
    let b = match c {
        '\u{20AC}' => 0x80,
        '\u{201A}' => 0x82,
        '\u{0192}' => 0x83,
        '\u{201E}' => 0x84,
        '\u{2026}' => 0x85,
        '\u{2020}' => 0x86,
        '\u{2021}' => 0x87,
        '\u{02C6}' => 0x88,
        '\u{2030}' => 0x89,
        '\u{0160}' => 0x8A,
        '\u{2039}' => 0x8B,
        '\u{0152}' => 0x8C,
        '\u{017D}' => 0x8E,
        '\u{2018}' => 0x91,
        '\u{2019}' => 0x92,
        '\u{201C}' => 0x93,
        '\u{201D}' => 0x94,
        '\u{2022}' => 0x95,
        '\u{2013}' => 0x96,
        '\u{2014}' => 0x97,
        '\u{02DC}' => 0x98,
        '\u{2122}' => 0x99,
        '\u{0161}' => 0x9A,
        '\u{203A}' => 0x9B,
        '\u{0153}' => 0x9C,
        '\u{017E}' => 0x9E,
        '\u{0178}' => 0x9F,
        _ => return None,
    };
    Some(b)
}

fn utf8_len(lead: u8) -> usize {
    match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => 0,
    }
}

pub fn repair(items: Vec<Item>) -> Vec<Item> {
    let mut out = Vec::with_capacity(items.len());
    let mut i = 0;
    while i < items.len() {
        let it = items[i];
        let k = byte_of(it.c).map(utf8_len).unwrap_or(0);
        if k >= 2 && i + k <= items.len() {
            let mut bytes = [0u8; 4];
            let mut ok = true;
            for (j, slot) in bytes.iter_mut().enumerate().take(k) {
                match byte_of(items[i + j].c) {
                    Some(b) if j == 0 || (0x80..=0xBF).contains(&b) => *slot = b,
                    _ => {
                        ok = false;
                        break;
                    }
                }
            }
            if ok {
                if let Ok(s) = std::str::from_utf8(&bytes[..k]) {
                    if let Some(decoded) = s.chars().next() {
                        out.push(Item::new(decoded, it.start, items[i + k - 1].end));
                        i += k;
                        continue;
                    }
                }
            }
        }
        out.push(it);
        i += 1;
    }
    out
}
