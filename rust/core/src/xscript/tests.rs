use super::*;

fn k(w: &str) -> String {
    key(w)
}

#[test]
fn names_meet_across_scripts() {
    let pairs = [
        ("असीम अरुण", "Asim Arun"),
        ("असीम अरुण", "Aseem Arun"),
        ("कानपुर", "Kanpur"),
        ("कन्नौज", "Kannauj"),
        ("योगी आदित्यनाथ", "Yogi Adityanath"),
        ("अंबेडकर", "Ambedkar"),
        ("आंबेडकर", "Ambedkar"),
        ("वाराणसी", "Varanasi"),
        ("भारतीय जनता पार्टी", "Bharatiya Janata Party"),
        ("मायावती", "Mayawati"),
        ("मनमोहन सिंह", "Manmohan Singh"),
        ("गोरखपुर", "Gorakhpur"),
        ("अलीगढ़", "Aligarh"),
        ("गढ़वाल", "Garhwal"),
        ("हाथरस", "Hathras"),
        ("भीमराव", "Bhimrao"),
        ("उन्नाव", "Unnao"),
        ("समाजवादी", "Samajwadi"),
        ("प्रयागराज", "Prayagraj"),
    ];
    for (hi, en) in pairs {
        assert_eq!(k(hi), k(en), "{hi} / {en}");
        assert!(!k(hi).is_empty());
    }
}

#[test]
fn acronyms_meet() {
    for (hi, en) in [
        ("बीजेपी", "BJP"),
        ("वीआरएस", "VRS"),
        ("आईपीएस", "IPS"),
        ("एडीजी", "ADG"),
        ("डीजीपी", "DGP"),
        ("यूपी", "UP"),
        ("सीबीआई", "CBI"),
        ("एटीएस", "ATS"),
    ] {
        assert_eq!(k(hi), en, "{hi}");
        assert_eq!(k(en), en, "{en}");
    }
    // lower case without a vowel is an acronym too; with a vowel it is a word
    assert_eq!(k("vrs"), "VRS");
    assert_eq!(k("up"), "up");
    // a single letter name is not an acronym
    assert_eq!(tokens("जी")[0].kind, Kind::Stop);
    assert_eq!(tokens("पी")[0].kind, Kind::Word);
}

#[test]
fn unrelated_words_stay_apart() {
    let words = [
        "कानपुर",
        "कन्नौज",
        "लखनऊ",
        "आगरा",
        "असीम",
        "अरुण",
        "योगी",
        "मोदी",
        "पुलिस",
        "चुनाव",
        "सरकार",
        "विधानसभा",
        "कमिश्नर",
        "संदेश",
        "बैठक",
    ];
    let mut keys: Vec<String> = words.iter().map(|w| k(w)).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), words.len(), "{keys:?}");
}

#[test]
fn romanization_deletes_schwa() {
    assert_eq!(romanize("कानपुर"), "kaanpur");
    assert_eq!(romanize("अंबेडकर"), "ambedkar");
    assert_eq!(romanize("आदित्यनाथ"), "aadityanaath");
    assert_eq!(romanize("न"), "na");
    assert_eq!(romanize("असीम अरुण (IPS)"), "aseem arun (IPS)");
    assert_eq!(romanize("ज़ेड"), "zed");
    assert_eq!(romanize("क\u{093C}"), "qa");
}

#[test]
fn spans_and_stopwords() {
    let text = "कानपुर के IPS Asim Arun ने बीजेपी, the UP।";
    let toks = tokens(text);
    let got: Vec<(usize, usize, &str, Kind)> = toks
        .iter()
        .map(|t| (t.start, t.end, t.key.as_str(), t.kind))
        .collect();
    assert_eq!(
        got,
        vec![
            (0, 6, "kanpur", Kind::Word),
            (7, 9, "k", Kind::Stop),
            (10, 13, "IPS", Kind::Acronym),
            (14, 18, "asim", Kind::Word),
            (19, 23, "arun", Kind::Word),
            (24, 26, "n", Kind::Stop),
            (27, 33, "BJP", Kind::Acronym),
            (35, 38, "t", Kind::Stop),
            (39, 41, "UP", Kind::Acronym),
        ]
    );
    let chars: Vec<char> = text.chars().collect();
    for t in &toks {
        assert!(t.start < t.end && t.end <= chars.len());
    }
    let ks = keys(text, false);
    assert_eq!(ks.len(), 6);
    assert_eq!(keys(text, true).len(), 9);
}

#[test]
fn script_change_splits_and_nukta_belongs_to_word() {
    // no space between the Hindi and the Latin word
    let t = tokens("अरुण(Asim Arun)");
    assert_eq!(t.len(), 3);
    let t = tokens("अरुणArun");
    assert_eq!(t.len(), 2);
    assert_eq!(t[0].key, t[1].key);
    // the nukta dropped by the match form stays inside the span
    let t = tokens("बढ़ X");
    assert_eq!((t[0].start, t[0].end), (0, 3));
}

#[test]
fn odd_input_never_panics() {
    for s in [
        "",
        " ",
        "्",
        "ं",
        "़",
        "\u{200D}",
        "ऽऽ",
        "ॐ",
        "क्",
        "ि",
        "\u{0900}\u{0963}\u{097F}",
        "à",
        "ÀÁ",
        "x",
        "१२३",
        "ए\u{200C}बी",
        &"एफ".repeat(40),
        &"बी".repeat(16),
    ] {
        let _ = tokens(s);
        let _ = key(s);
        let _ = romanize(s);
    }
    assert_eq!(key(""), "");
    assert_eq!(key("१२३ 456"), "");
    assert_eq!(key(&"बी".repeat(16)), "B".repeat(16));
    assert_eq!(key("ए\u{200C}बी"), "AB");
}

#[test]
fn phonetic_folds() {
    assert_eq!(k("Shah"), k("शाह"));
    assert_eq!(k("Rahul"), k("राहुल"));
    assert_eq!(k("Gandhi"), k("गांधी"));
    assert_eq!(k("Chouhan"), k("चौहान"));
    assert_eq!(k("Muzaffar"), "mujfar");
    assert_eq!(k("Yogee"), k("yogi"));
    assert_eq!(k("Rao"), k("Rav"));
}

/// Throughput on the seeds (ignored: run with
/// `cargo test --release -p asimtext-core xscript_throughput -- --ignored --nocapture`).
#[test]
#[ignore]
fn xscript_throughput() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    let one: String = names
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect::<Vec<_>>()
        .join("\n\n");
    let text = one.repeat(20);
    let mb = text.len() as f64 / 1e6;
    for (name, f) in [
        (
            "normalize",
            &(|t: &str| {
                crate::normalize::normalize_with_offsets(t, &Options::match_key())
                    .text
                    .len()
            }) as &dyn Fn(&str) -> usize,
        ),
        ("keys", &|t: &str| keys(t, false).len()),
        ("tokens", &|t: &str| tokens(t).len()),
    ] {
        let t0 = std::time::Instant::now();
        let mut n = 0;
        for _ in 0..5 {
            n += f(&text);
        }
        let dt = t0.elapsed().as_secs_f64() / 5.0;
        println!("{name}: {:.1} MB/s ({n})", mb / dt);
    }
}
