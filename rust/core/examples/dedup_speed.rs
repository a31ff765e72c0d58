//! Where the time of MinHash signatures and `near_duplicates` goes, stage by
//! stage, on one thread (not a benchmark: see benches/bench_dedup.py).
//!
//! Input: a corpus file of length-prefixed texts (u32 little-endian byte
//! length, then the UTF-8 bytes), e.g. written from `benches/corpus.py`.
//!
//! `cargo run --release -p asimtext-core --example dedup_speed -- CORPUS [STAGE] [REPS]`
//! with STAGE one of `all` (default), `normalize`, `signature`, `hashes`,
//! `near_duplicates` (run only that stage, for `valgrind --tool=callgrind`).
use asimtext_core::dedup::{
    cluster::{near_duplicates, NearDupOptions},
    MinHasher, Scheme, Scratch, Unit,
};
use asimtext_core::normalize::{normalize, Options};
use std::time::Instant;

fn read_corpus(path: &str) -> Vec<String> {
    let data = std::fs::read(path).expect("corpus file");
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= data.len() {
        let n = u32::from_le_bytes([data[i], data[i + 1], data[i + 2], data[i + 3]]) as usize;
        i += 4;
        out.push(String::from_utf8(data[i..i + n].to_vec()).expect("utf-8"));
        i += n;
    }
    out
}

fn time<T>(name: &str, texts: &[String], reps: usize, mut f: impl FnMut() -> T) -> T {
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let mut best = f64::INFINITY;
    let mut out = None;
    for _ in 0..reps {
        let t = Instant::now();
        out = Some(f());
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{name:18} {:9.0} docs/s {:7.1} MB/s {:8.2} us/doc",
        texts.len() as f64 / best,
        bytes as f64 / best / 1e6,
        best * 1e6 / texts.len() as f64
    );
    out.expect("reps >= 1")
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let texts = read_corpus(args.get(1).map(String::as_str).unwrap_or("/tmp/corpus.bin"));
    let stage = args.get(2).map(String::as_str).unwrap_or("all");
    let reps: usize = args.get(3).and_then(|r| r.parse().ok()).unwrap_or(3);
    let h = MinHasher::new(128, 5, Unit::Word, 1, Scheme::Asim).expect("hasher");
    let run = |s: &str| stage == "all" || stage == s;
    if run("normalize") {
        time("normalize", &texts, reps, || {
            texts
                .iter()
                .map(|t| normalize(t, &Options::match_key()).len())
                .sum::<usize>()
        });
    }
    if run("signature") {
        let mut s = Scratch::default();
        let mut sig = vec![0u32; 128];
        time("signature", &texts, reps, || {
            let mut acc = 0u32;
            for t in &texts {
                h.signature_u32(t, &mut s, &mut sig);
                acc ^= sig[0];
            }
            acc
        });
    }
    if run("hashes") {
        let mut s = Scratch::default();
        time("shingle_hashes", &texts, reps, || {
            texts
                .iter()
                .map(|t| h.shingle_hashes(t, &mut s).len())
                .sum::<usize>()
        });
    }
    if run("near_duplicates") {
        let r = time("near_duplicates", &texts, reps, || {
            near_duplicates(&texts, &NearDupOptions::default()).expect("ok")
        });
        println!(
            "  pairs {} clusters {} candidates {}",
            r.pairs.len(),
            r.clusters.len(),
            r.candidates
        );
    }
}
