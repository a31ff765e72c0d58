//! Where extraction time goes, from the repository root:
//! `cargo build --release --examples -p asimtext-core && ./target/release/examples/spans_split`.
//!
//! Times, over the seed articles repeated to `SPANS_MB` megabytes (default 20):
//! `normalize_with_offsets` (match key) alone; extraction alone on texts
//! normalized beforehand, 64 at a time (`extract_normalized`); and the whole `extract`.
//! An argument `norm`, `ext` or `all` runs only that part (once, untimed
//! otherwise), for instruction counts with callgrind or `perf stat`.
use asimtext_core::normalize::{normalize_with_offsets, Normalized, Options};
use asimtext_core::spans::{extract, extract_normalized, ExtractOptions};
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let mut paths: Vec<_> = std::fs::read_dir("tests/data/seeds")
        .expect("run from the repository root")
        .map(|e| e.expect("dir entry").path())
        .collect();
    paths.sort();
    let docs: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("utf-8"))
        .collect();
    let mb: f64 = std::env::var("SPANS_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20.0);
    let mut all = Vec::new();
    while (all.iter().map(|d: &String| d.len()).sum::<usize>() as f64) < mb * 1e6 {
        all.extend(docs.iter().cloned());
    }
    let n: usize = all.iter().map(|d| d.len()).sum();
    let o = Options::match_key();
    let opts = ExtractOptions::default();
    let mode = std::env::args().nth(1).unwrap_or_default();
    // build the lexicon (once per process) outside the measured part
    black_box(asimtext_core::spans::scan::lexicon());
    match mode.as_str() {
        "norm" => {
            let k: usize = all
                .iter()
                .map(|d| black_box(normalize_with_offsets(d, &o)).text.len())
                .sum();
            println!("norm {k}");
            return;
        }
        "ext" => {
            let norms: Vec<Normalized> =
                all.iter().map(|d| normalize_with_offsets(d, &o)).collect();
            let s: usize = all
                .iter()
                .zip(&norms)
                .map(|(d, nm)| extract_normalized(d, nm, &opts).len())
                .sum();
            println!("ext {s}");
            return;
        }
        "all" => {
            let s: usize = all.iter().map(|d| extract(d, &opts).len()).sum();
            println!("all {s}");
            return;
        }
        _ => {}
    }
    let t = Instant::now();
    let k: usize = all
        .iter()
        .map(|d| black_box(normalize_with_offsets(d, &o)).text.len())
        .sum();
    let tn = t.elapsed().as_secs_f64();
    // extraction alone: normalize a batch of texts (not timed), then time
    // extraction on them (batches keep the memory small and the data warm)
    let mut tx = 0.0;
    let mut s1 = 0usize;
    for batch in all.chunks(64) {
        let norms: Vec<Normalized> = batch
            .iter()
            .map(|d| normalize_with_offsets(d, &o))
            .collect();
        let t = Instant::now();
        s1 += batch
            .iter()
            .zip(&norms)
            .map(|(d, nm)| extract_normalized(d, nm, &opts).len())
            .sum::<usize>();
        tx += t.elapsed().as_secs_f64();
    }
    let t = Instant::now();
    let s: usize = all.iter().map(|d| extract(d, &opts).len()).sum();
    let te = t.elapsed().as_secs_f64();
    assert_eq!(s, s1);
    black_box(k);
    println!(
        "normalize_with_offsets(match) {:.1} MB/s; extract {:.1} MB/s; extraction without normalization {:.1} MB/s ({n} bytes, {s} spans)",
        n as f64 / tn / 1e6,
        n as f64 / te / 1e6,
        n as f64 / tx / 1e6
    );
}
