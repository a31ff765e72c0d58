//! Quick timing of the normalization stages on the seeds (not a benchmark: see benches/).
use asimtext_core::normalize::{normalize, Options};
use std::time::Instant;

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    let mut text = String::new();
    for e in std::fs::read_dir(dir).unwrap() {
        text.push_str(&std::fs::read_to_string(e.unwrap().path()).unwrap());
        text.push_str("\n\n");
    }
    let big = text.repeat(700);
    let mb = big.len() as f64 / 1e6;
    for (name, opts) in [
        ("nfc", Options::nfc()),
        ("canonical", Options::canonical()),
        ("match", Options::match_key()),
    ] {
        let t = Instant::now();
        let out = normalize(&big, &opts);
        let dt = t.elapsed().as_secs_f64();
        println!("{name:10} {:8.1} MB/s ({} bytes)", mb / dt, out.len());
    }
    let clean: String = big
        .lines()
        .filter(|l| asimtext_core::normalize::fast::clean_len(l, &Options::canonical()).is_some())
        .map(|l| format!("{l}\n"))
        .collect();
    let dirty: String = big
        .lines()
        .filter(|l| !asimtext_core::normalize::fast::clean_len(l, &Options::canonical()).is_some())
        .map(|l| format!("{l}\n"))
        .collect();
    for (name, t) in [("clean", &clean), ("dirty", &dirty)] {
        let mb = t.len() as f64 / 1e6;
        let s = Instant::now();
        let _ = normalize(t, &Options::canonical());
        println!(
            "{name} canonical {:8.1} MB/s",
            mb / s.elapsed().as_secs_f64()
        );
    }
    let t = Instant::now();
    let n = big.chars().count();
    println!(
        "chars().count {:8.1} MB/s {n}",
        mb / t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let q = unicode_normalization::is_nfc_quick(big.chars());
    println!(
        "is_nfc_quick {:8.1} MB/s {q:?}",
        mb / t.elapsed().as_secs_f64()
    );
}

#[allow(dead_code)]
fn unused() {}
