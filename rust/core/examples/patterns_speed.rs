//! Quick timing of the hand-written scanners that stand for a pattern, against
//! the `regex` crate running the pattern itself (not a benchmark: see benches/).
//!
//! `cargo run --release -p asimtext-core --example patterns_speed [FILE]`: FILE
//! is the text (default: the seeds repeated 200 times). Rows are the best of 5
//! runs, in MB of UTF-8 text per second, one core.
use asimtext_core::vocab::{words, WORD_PATTERN};
use std::time::Instant;

#[path = "common/seeds.rs"]
mod seeds;

fn main() {
    let text = match std::env::args().nth(1) {
        Some(path) => std::fs::read_to_string(path).expect("a UTF-8 file"),
        None => seeds::seeds(200),
    };
    let mb = text.len() as f64 / 1e6;
    let best = |f: &dyn Fn() -> usize| {
        let mut n = 0;
        let t = (0..5)
            .map(|_| {
                let t = Instant::now();
                n = f();
                t.elapsed().as_secs_f64()
            })
            .fold(f64::MAX, f64::min);
        (mb / t, n)
    };
    let re = regex::Regex::new(WORD_PATTERN).unwrap();
    let (hand, n1) = best(&|| words(&text).map(str::len).sum());
    let (pat, n2) = best(&|| re.find_iter(&text).map(|m| m.len()).sum());
    assert_eq!(n1, n2, "the scanner and the pattern disagree");
    println!("{mb:.1} MB of text");
    println!("digest words, hand scanner  {hand:8.1} MB/s");
    println!("digest words, regex crate   {pat:8.1} MB/s");
}
