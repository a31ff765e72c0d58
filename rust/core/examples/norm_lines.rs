use asimtext_core::normalize::{fast, Options};
fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    for (name, opts) in [
        ("canonical", Options::canonical()),
        ("match", Options::match_key()),
    ] {
        let (mut clean, mut dirty) = (0, 0);
        for e in std::fs::read_dir(dir).unwrap() {
            let t = std::fs::read_to_string(e.unwrap().path()).unwrap();
            for line in t.split('\n') {
                if fast::clean_len(line, &opts).is_some() {
                    clean += line.len()
                } else {
                    dirty += line.len();
                    if name == "match" && dirty < 3000 {
                        println!("{:?}", line.chars().take(80).collect::<String>());
                    }
                }
            }
        }
        println!("{name}: clean {clean} dirty {dirty}");
    }
}
