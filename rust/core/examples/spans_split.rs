//! Where extraction time goes: `cargo run --release --example spans_split -p asimtext-core`.
use asimtext_core::normalize::{normalize_with_offsets, Options};
use asimtext_core::spans::{extract, ExtractOptions};
use std::time::Instant;
fn main() {
    let mut docs = Vec::new();
    for e in std::fs::read_dir("tests/data/seeds").expect("run from the repository root") {
        docs.push(std::fs::read_to_string(e.expect("dir entry").path()).expect("utf-8"));
    }
    let mut all = Vec::new();
    while all.iter().map(|d: &String| d.len()).sum::<usize>() < 20_000_000 {
        all.extend(docs.iter().cloned());
    }
    let n: usize = all.iter().map(|d| d.len()).sum();
    let o = Options::match_key();
    let t = Instant::now();
    let k: usize = all
        .iter()
        .map(|d| normalize_with_offsets(d, &o).text.len())
        .sum();
    let tn = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let s: usize = all
        .iter()
        .map(|d| extract(d, &ExtractOptions::default()).len())
        .sum();
    let te = t.elapsed().as_secs_f64();
    println!(
        "normalize_with_offsets(match) {:.1} MB/s; extract {:.1} MB/s; extraction without normalization {:.1} MB/s ({k} {s})",
        n as f64 / tn / 1e6,
        n as f64 / te / 1e6,
        n as f64 / (te - tn).max(1e-9) / 1e6
    );
}
