//! Quick timing of the UCS-2 entry point against the UTF-8 one on a file
//! (not a benchmark: see benches/): `cargo run --release --example units_speed -p asimtext-core FILE`.
use asimtext_core::normalize::units::{normalize_ucs2, normalize_ucs2_with_offsets};
use asimtext_core::normalize::{normalize, normalize_with_offsets, Options};
use asimtext_core::ucs::ucs2_from_utf8;
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: units_speed FILE");
    let text = std::fs::read_to_string(path).expect("a UTF-8 file");
    let units: Vec<u16> = text.chars().map(|c| c as u32 as u16).collect();
    let mb = text.len() as f64 / 1e6;
    let best = |f: &dyn Fn()| {
        (0..5)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed().as_secs_f64()
            })
            .fold(f64::MAX, f64::min)
    };
    let conv = best(&|| {
        let mut out = Vec::new();
        assert!(ucs2_from_utf8(&text, &mut out));
    });
    println!("ucs2_from_utf8 {:7.1} MB/s", mb / conv);
    for (name, opts) in [
        ("canonical", Options::canonical()),
        ("match", Options::match_key()),
        ("nfc", Options::nfc()),
    ] {
        if name != "nfc" {
            let o8 = best(&|| drop(normalize_with_offsets(&text, &opts)));
            let o16 = best(&|| drop(normalize_ucs2_with_offsets(&units, &opts)));
            println!(
                "{name:10} offsets: utf-8 {:7.1} MB/s   ucs-2 {:7.1} MB/s",
                mb / o8,
                mb / o16
            );
        }
        let t8 = best(&|| drop(normalize(&text, &opts)));
        let t16 = best(&|| drop(normalize_ucs2(&units, &opts)));
        println!(
            "{name:10} utf-8 {:7.1} MB/s   ucs-2 {:7.1} MB/s (UTF-8 MB of input)",
            mb / t8,
            mb / t16
        );
    }
}
