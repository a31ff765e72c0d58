//! The text the timing examples run on by default: the repository's seeds,
//! in file-name order, joined by blank lines, repeated `times` times.
//! Included with `#[path = "common/seeds.rs"] mod seeds;` (a folder without
//! `main.rs` is not an example of its own).

pub fn seeds(times: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds/")
        .map(|e| e.expect("dir entry").path())
        .collect();
    paths.sort();
    let mut text = String::new();
    for p in paths {
        text.push_str(&std::fs::read_to_string(p).expect("utf-8"));
        text.push_str("\n\n");
    }
    text.repeat(times)
}
