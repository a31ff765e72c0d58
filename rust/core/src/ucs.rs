//! Conversions between UTF-8 and the fixed-width forms in which CPython keeps
//! strings (PEP 393): Latin-1 (one byte per code point) and UCS-2 (two).
//! Hindi text is UCS-2 there, so these run once per text in the bindings.

/// Index of the first surrogate code unit (in a Python string, a lone
/// surrogate).
pub fn first_surrogate(u: &[u16]) -> Option<usize> {
    // Devanagari, Latin and digits are all below U+D800: one maximum over
    // the units (vectorized) settles most strings without a search.
    if u.iter().fold(0u16, |m, &x| m.max(x)) < 0xD800 {
        return None;
    }
    u.iter().position(|&x| x & 0xF800 == 0xD800)
}

/// Put the UTF-8 of UCS-2 code units in `buf` (cleared first), or give the
/// index of the first surrogate code unit (then `buf` is left empty).
pub fn utf8_from_ucs2(src: &[u16], buf: &mut String) -> Result<(), usize> {
    buf.clear();
    if let Some(i) = first_surrogate(src) {
        return Err(i);
    }
    to_utf8(src, buf);
    Ok(())
}

/// Put the UTF-8 of UCS-2 code units already checked to hold no surrogate
/// in `buf` (cleared first), without scanning them again.
///
/// # Safety
/// `src` has no surrogate code unit (else `buf` would not be UTF-8).
pub unsafe fn utf8_from_ucs2_checked(src: &[u16], buf: &mut String) {
    debug_assert!(first_surrogate(src).is_none());
    buf.clear();
    to_utf8(src, buf);
}

/// Put the UTF-8 of Latin-1 code points in `buf` (cleared first).
pub fn utf8_from_latin1(src: &[u8], buf: &mut String) {
    to_utf8(src, buf);
}

/// Put `s` as UCS-2 code units in `out` (cleared first); false if a code
/// point is beyond the BMP.
pub fn ucs2_from_utf8(s: &str, out: &mut Vec<u16>) -> bool {
    out.clear();
    let b = s.as_bytes();
    let n = b.len();
    // One unit per byte at most: no capacity check in the loop.
    out.reserve(n);
    let dst = out.as_mut_ptr();
    let (mut i, mut j) = (0usize, 0usize);
    #[cfg(target_arch = "x86_64")]
    if n >= 64 && decode512::available() {
        // SAFETY: the features are present; `b` is valid UTF-8 and `dst`
        // has room for `n` units.
        (i, j) = unsafe { decode512::decode(b, dst) };
        // The continuation bytes of the last character the windows decoded.
        while i < n && b[i] & 0xC0 == 0x80 {
            i += 1;
        }
    }
    // SAFETY: `s` is valid UTF-8, so every sequence is complete and in
    // bounds; `j <= i < n <= capacity` at every write.
    unsafe {
        while i < n {
            if i + 8 <= n {
                // Eight ASCII bytes at once (spaces, digits, Latin words).
                let w = u64::from_le_bytes(b.as_ptr().add(i).cast::<[u8; 8]>().read_unaligned());
                if w & 0x8080_8080_8080_8080 == 0 {
                    for k in 0..8 {
                        *dst.add(j + k) = *b.get_unchecked(i + k) as u16;
                    }
                    i += 8;
                    j += 8;
                    continue;
                }
            }
            let x = *b.get_unchecked(i) as u16;
            let (u, len) = if x < 0x80 {
                (x, 1)
            } else if x < 0xE0 {
                (
                    ((x & 0x1F) << 6) | (*b.get_unchecked(i + 1) as u16 & 0x3F),
                    2,
                )
            } else if x < 0xF0 {
                let u = ((x & 0x0F) << 12)
                    | ((*b.get_unchecked(i + 1) as u16 & 0x3F) << 6)
                    | (*b.get_unchecked(i + 2) as u16 & 0x3F);
                (u, 3)
            } else {
                out.set_len(j);
                return false;
            };
            *dst.add(j) = u;
            i += len;
            j += 1;
        }
        out.set_len(j);
    }
    true
}

/// UTF-8 of Latin-1 or UCS-2 code units without surrogates (checked when
/// the text was taken), into `buf`.
fn to_utf8<U: Copy + Into<u32>>(src: &[U], buf: &mut String) {
    let mut v = std::mem::take(buf).into_bytes();
    v.clear();
    v.reserve(src.len() * 3 + 32);
    let base = v.as_mut_ptr();
    let mut done = 0usize;
    let mut j = 0usize;
    #[cfg(target_arch = "x86_64")]
    if std::mem::size_of::<U>() == 2
        && std::is_x86_feature_detected!("ssse3")
        && std::is_x86_feature_detected!("sse4.1")
    {
        // SAFETY: U is u16 here (size 2, and only u8/u16 are passed); the
        // CPU has the features; capacity is 3 per unit + 32.
        (done, j) = unsafe {
            sse::ucs2_to_utf8(
                std::slice::from_raw_parts(src.as_ptr().cast::<u16>(), src.len()),
                base,
            )
        };
    }
    for &u in &src[done..] {
        let u: u32 = u.into();
        let (word, len) = if (0x80..0x800).contains(&u) {
            // Two bytes: rare in Hindi and English text.
            (0xC0 | (u >> 6) | ((0x80 | (u & 0x3F)) << 8), 2)
        } else {
            // ASCII or three bytes, selected without a branch: spaces and
            // Devanagari letters alternate too often to predict.
            let w3 = 0xE0 | (u >> 12) | ((0x80 | ((u >> 6) & 0x3F)) << 8);
            let w3 = w3 | ((0x80 | (u & 0x3F)) << 16);
            let ascii = (u < 0x80) as u32;
            let m = 0u32.wrapping_sub(ascii);
            (w3 ^ ((w3 ^ u) & m), 3 - 2 * ascii as usize)
        };
        // SAFETY: `j + 4 <= 3 * src.len() + 4 <= capacity`.
        unsafe {
            base.add(j)
                .cast::<[u8; 4]>()
                .write_unaligned(word.to_le_bytes())
        };
        j += len;
    }
    // SAFETY: bytes `..j` are initialized; each unit below 0x10000 that is
    // not a surrogate was encoded as UTF-8, so the bytes are valid UTF-8.
    unsafe {
        v.set_len(j);
        *buf = String::from_utf8_unchecked(v);
    }
}

/// UCS-2 -> UTF-8, 8 units at a time, for text made of ASCII and
/// three-byte code points (Devanagari and most of the BMP): the three
/// byte planes p0 | p1 | p2 are computed for all 8 units, then byte
/// shuffles chosen by the ASCII mask drop the unused bytes (SSSE3/SSE4.1).
#[cfg(target_arch = "x86_64")]
mod sse {
    use std::arch::x86_64::*;

    /// Per ASCII mask of 8 units: shuffle indices of the 32 output bytes
    /// into `a = p0 | p1` and into `b = p2` (0x80: zero), and the length.
    struct Tables {
        from_a: [[u8; 32]; 256],
        from_b: [[u8; 32]; 256],
        len: [u8; 256],
    }

    const fn tables() -> Tables {
        let mut t = Tables {
            from_a: [[0x80u8; 32]; 256],
            from_b: [[0x80u8; 32]; 256],
            len: [0u8; 256],
        };
        let mut m = 0;
        while m < 256 {
            let mut pos = 0;
            let mut k = 0;
            while k < 8 {
                // p0 byte of unit k, then (non-ASCII) its p1 and p2 bytes.
                t.from_a[m][pos] = k as u8;
                pos += 1;
                if (m >> k) & 1 == 0 {
                    t.from_a[m][pos] = 8 + k as u8;
                    t.from_b[m][pos + 1] = k as u8;
                    pos += 2;
                }
                k += 1;
            }
            t.len[m] = pos as u8;
            m += 1;
        }
        t
    }
    static TABLES: Tables = tables();

    /// Converts the whole chunks of 8 units (one with a two-byte code point
    /// unit by unit); returns `(units done, bytes written at dst)`.
    ///
    /// # Safety
    /// SSSE3 and SSE4.1 available; `dst` has room for `3 * src.len() + 32`
    /// bytes; `src` has no surrogates.
    #[target_feature(enable = "ssse3,sse4.1")]
    pub unsafe fn ucs2_to_utf8(src: &[u16], dst: *mut u8) -> (usize, usize) {
        let t = &TABLES;
        let c7f = _mm_set1_epi16(0x7F);
        let c7ff = _mm_set1_epi16(0x7FF);
        let c80 = _mm_set1_epi16(0x80);
        let ce0 = _mm_set1_epi16(0xE0);
        let c3f = _mm_set1_epi16(0x3F);
        let mut i = 0usize;
        let mut j = 0usize;
        while i + 8 <= src.len() {
            let v = _mm_loadu_si128(src.as_ptr().add(i).cast());
            let ascii_v = _mm_cmpeq_epi16(_mm_min_epu16(v, c7f), v);
            let below_v = _mm_cmpeq_epi16(_mm_min_epu16(v, c7ff), v);
            let ascii = (_mm_movemask_epi8(_mm_packs_epi16(ascii_v, ascii_v)) & 0xFF) as usize;
            let below = (_mm_movemask_epi8(_mm_packs_epi16(below_v, below_v)) & 0xFF) as usize;
            if below & !ascii != 0 {
                // A two-byte code point: this chunk one unit at a time.
                for &u in &src[i..i + 8] {
                    let c = char::from_u32(u as u32).unwrap_or('\u{FFFD}');
                    let n = c.len_utf8();
                    c.encode_utf8(std::slice::from_raw_parts_mut(dst.add(j), n));
                    j += n;
                }
                i += 8;
                continue;
            }
            let lead = _mm_or_si128(_mm_srli_epi16(v, 12), ce0);
            let p0 = _mm_blendv_epi8(lead, v, ascii_v);
            let p1 = _mm_or_si128(_mm_and_si128(_mm_srli_epi16(v, 6), c3f), c80);
            let p2 = _mm_or_si128(_mm_and_si128(v, c3f), c80);
            let a = _mm_packus_epi16(p0, p1);
            let b = _mm_packus_epi16(p2, p2);
            let fa = t.from_a[ascii].as_ptr();
            let fb = t.from_b[ascii].as_ptr();
            let lo = _mm_or_si128(
                _mm_shuffle_epi8(a, _mm_loadu_si128(fa.cast())),
                _mm_shuffle_epi8(b, _mm_loadu_si128(fb.cast())),
            );
            let hi = _mm_or_si128(
                _mm_shuffle_epi8(a, _mm_loadu_si128(fa.add(16).cast())),
                _mm_shuffle_epi8(b, _mm_loadu_si128(fb.add(16).cast())),
            );
            _mm_storeu_si128(dst.add(j).cast(), lo);
            _mm_storeu_si128(dst.add(j + 16).cast(), hi);
            j += t.len[ascii] as usize;
            i += 8;
        }
        (i, j)
    }
}

/// UTF-8 to UCS-2, 32 bytes at a time with AVX-512 (VBMI2's compress):
/// Hindi is mostly 3-byte sequences among 1-byte ones, which a byte-at-a-time
/// decoder reads with a branch per character (a third of the time of
/// `asimtext normalize` on a Hindi dump went there).
#[cfg(target_arch = "x86_64")]
mod decode512 {
    use std::arch::x86_64::*;

    pub fn available() -> bool {
        std::is_x86_feature_detected!("avx512f")
            && std::is_x86_feature_detected!("avx512bw")
            && std::is_x86_feature_detected!("avx512vbmi2")
    }

    /// Decode the characters whose first byte is in whole windows of 32
    /// bytes, each window read with two bytes beyond it (the rest of a
    /// character that starts at its end), into `dst`; stop at the first
    /// window with a 4-byte sequence (the caller's loop reports it). Returns
    /// `(i, j)`: bytes whose lead bytes were decoded (the characters that
    /// start before `i`, possibly ending after it), units written.
    ///
    /// # Safety
    /// The CPU has the features of [`available`]; `b` is valid UTF-8; `dst`
    /// has room for `b.len()` units.
    #[target_feature(enable = "avx512f,avx512bw,avx512vbmi2")]
    pub unsafe fn decode(b: &[u8], dst: *mut u16) -> (usize, usize) {
        let n = b.len();
        let (mut i, mut j) = (0usize, 0usize);
        let low6 = _mm512_set1_epi16(0x3F);
        let top2 = _mm512_set1_epi16(0xC0);
        let cont = _mm512_set1_epi16(0x80);
        let lead3 = _mm512_set1_epi16(0xE0);
        let lead4 = _mm512_set1_epi16(0xF0);
        while i + 34 <= n {
            let p = b.as_ptr().add(i);
            let b0 = _mm512_cvtepu8_epi16(_mm256_loadu_si256(p.cast()));
            if _mm512_cmpge_epu16_mask(b0, lead4) != 0 {
                break; // beyond the BMP: not UCS-2
            }
            let b1 = _mm512_cvtepu8_epi16(_mm256_loadu_si256(p.add(1).cast()));
            let b2 = _mm512_cvtepu8_epi16(_mm256_loadu_si256(p.add(2).cast()));
            let leads = _mm512_cmpneq_epi16_mask(_mm512_and_si512(b0, top2), cont);
            let two = _mm512_cmpeq_epi16_mask(_mm512_and_si512(b0, lead3), top2);
            let three = _mm512_cmpge_epu16_mask(b0, lead3);
            let t1 = _mm512_and_si512(b1, low6);
            // 110xxxxx 10yyyyyy -> xxxxxyyyyyy
            let cp2 = _mm512_or_si512(
                _mm512_slli_epi16::<6>(_mm512_and_si512(b0, _mm512_set1_epi16(0x1F))),
                t1,
            );
            // 1110xxxx 10yyyyyy 10zzzzzz -> xxxxyyyyyyzzzzzz (the shift drops 1110)
            let cp3 = _mm512_or_si512(
                _mm512_or_si512(_mm512_slli_epi16::<12>(b0), _mm512_slli_epi16::<6>(t1)),
                _mm512_and_si512(b2, low6),
            );
            let cp = _mm512_mask_blend_epi16(three, _mm512_mask_blend_epi16(two, b0, cp2), cp3);
            // Room: j + 32 <= i + 32 < n units (a character has at least one byte).
            _mm512_storeu_si512(dst.add(j).cast(), _mm512_maskz_compress_epi16(leads, cp));
            j += leads.count_ones() as usize;
            i += 32;
        }
        (i, j)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-at-a-time decoding (`str::encode_utf16`), or `None` beyond the BMP.
    fn reference(s: &str) -> Option<Vec<u16>> {
        s.chars()
            .all(|c| (c as u32) < 0x10000)
            .then(|| s.encode_utf16().collect())
    }

    #[test]
    fn windows_decode_as_the_scalar_loop() {
        // Every mix of 1-, 2- and 3-byte characters at every alignment to the
        // 32-byte windows, and a 4-byte one anywhere (not UCS-2).
        let pieces = [
            "a", " ", "\n", "é", "ß", "क", "्", "।", "\u{FFFD}", "\u{0800}", "\u{07FF}",
        ];
        let mut seed = 7u64;
        for len in [30usize, 40, 64, 65, 100, 333] {
            for round in 0..40 {
                let mut s = String::new();
                while s.chars().count() < len {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    s.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
                }
                if round % 5 == 4 {
                    let at = s.char_indices().nth((seed >> 20) as usize % len).unwrap().0;
                    s.insert(at, '\u{1F600}');
                }
                let mut out = Vec::new();
                let ok = ucs2_from_utf8(&s, &mut out);
                match reference(&s) {
                    Some(units) => assert!(ok && out == units, "{s:?}"),
                    None => assert!(!ok, "{s:?}"),
                }
            }
        }
    }

    #[test]
    fn round_trips_and_matches_std() {
        // Every block of 8 (the SIMD width) with ASCII, 2- and 3-byte code points.
        let samples = [
            "",
            "a",
            "नमस्ते दुनिया",
            "abc é ß ĀĒ नमस्ते xyz 12345678",
            "क",
            "\u{FFFD}\u{FFFF}\u{0800}\u{07FF}\u{0080}\u{007F}",
        ];
        for s in samples {
            for rep in [1, 3, 17] {
                let t = s.repeat(rep);
                let units: Vec<u16> = t.encode_utf16().collect();
                let mut buf = String::new();
                assert_eq!(utf8_from_ucs2(&units, &mut buf), Ok(()));
                assert_eq!(buf, t);
                let mut back = Vec::new();
                assert!(ucs2_from_utf8(&buf, &mut back));
                assert_eq!(back, units);
            }
        }
        let latin1: Vec<u8> = (0u8..=255).collect();
        let mut buf = String::new();
        utf8_from_latin1(&latin1, &mut buf);
        assert_eq!(buf, latin1.iter().map(|&b| b as char).collect::<String>());
    }

    #[test]
    fn surrogates_are_reported_not_converted() {
        let mut buf = String::from("old");
        let mut units: Vec<u16> = "नमस्ते दुनिया नमस्ते".encode_utf16().collect();
        units.insert(13, 0xDC00);
        assert_eq!(utf8_from_ucs2(&units, &mut buf), Err(13));
        assert!(buf.is_empty());
        let mut out = Vec::new();
        assert!(!ucs2_from_utf8("a\u{1F600}", &mut out));
    }
}
