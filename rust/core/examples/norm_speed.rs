//! Quick timing of the normalization paths (not a benchmark: see benches/).
//!
//! `norm_speed [FILE [ONLY]]`: FILE is the text to normalize (default: the
//! seeds repeated 700 times; `python -c "import sys; sys.path.insert(0, 'benches');
//! from seed_corpus import corpus_text; open('/tmp/c.txt', 'w').write(corpus_text(10))"`
//! writes the benchmark corpus). ONLY runs a single row (for instruction
//! counts with `perf stat` or callgrind): nfc, canonical, match,
//! offsets-canonical, offsets-match, clean, dirty. Rows are the best of 5 runs.
use asimtext_core::normalize::{fast, normalize, normalize_with_offsets, Options};
use std::time::Instant;

#[path = "common/seeds.rs"]
mod seeds;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let big = match args.get(1).map(String::as_str) {
        Some(path) if path != "-" => std::fs::read_to_string(path).expect("a UTF-8 file"),
        _ => seeds::seeds(700),
    };
    let only = args.get(2).cloned();
    let want = |name: &str| only.as_deref().is_none_or(|o| o == name);
    let mb = big.len() as f64 / 1e6;
    let time = |name: &str, t: &str, f: &dyn Fn(&str) -> usize| {
        if !want(name) {
            return;
        }
        // The best of a few runs (one when counting instructions).
        let runs = if only.is_some() { 1 } else { 5 };
        let (mut best, mut n) = (f64::MAX, 0);
        for _ in 0..runs {
            let s = Instant::now();
            n = f(t);
            best = best.min(s.elapsed().as_secs_f64());
        }
        println!(
            "{name:18} {:8.1} MB/s ({} bytes in, {n} out)",
            t.len() as f64 / 1e6 / best,
            t.len()
        );
    };
    time("nfc", &big, &|t| normalize(t, &Options::nfc()).len());
    time("canonical", &big, &|t| {
        normalize(t, &Options::canonical()).len()
    });
    time("match", &big, &|t| {
        normalize(t, &Options::match_key()).len()
    });
    time("offsets-canonical", &big, &|t| {
        normalize_with_offsets(t, &Options::canonical()).text.len()
    });
    time("offsets-match", &big, &|t| {
        normalize_with_offsets(t, &Options::match_key()).text.len()
    });
    if want("clean") || want("dirty") || only.as_deref() == Some("split") {
        let (mut clean, mut dirty) = (String::new(), String::new());
        for l in big.lines() {
            let dst = if fast::clean_len(l, &Options::canonical()).is_some() {
                &mut clean
            } else {
                &mut dirty
            };
            dst.push_str(l);
            dst.push('\n');
        }
        if only.is_none() {
            println!(
                "clean lines {:.1}% of the bytes",
                100.0 * clean.len() as f64 / (clean.len() + dirty.len()) as f64
            );
        }
        time("clean", &clean, &|t| {
            normalize(t, &Options::canonical()).len()
        });
        time("dirty", &dirty, &|t| {
            normalize(t, &Options::canonical()).len()
        });
    }
    if only.is_none() {
        let t = Instant::now();
        let n = big.chars().count();
        println!(
            "chars().count {:8.1} MB/s {n}",
            mb / t.elapsed().as_secs_f64()
        );
    }
}
