use super::*;

fn ext(text: &str) -> Vec<(String, &'static str, String)> {
    extract(text, &ExtractOptions::default())
        .into_iter()
        .map(|s| (s.text, s.kind.name(), s.value))
        .collect()
}

fn one(text: &str, want_text: &str, kind: &str, value: &str) {
    let got = ext(text);
    assert!(
        got.iter()
            .any(|(t, k, v)| t == want_text && *k == kind && v == value),
        "{text:?}: want ({want_text:?}, {kind}, {value}), got {got:?}"
    );
}

fn none(text: &str) {
    let got = ext(text);
    assert!(got.is_empty(), "{text:?}: want nothing, got {got:?}");
}

#[test]
fn spec_examples() {
    one(
        "Published : Jan 11, 2022, 11:27 AM IST",
        "Jan 11, 2022, 11:27 AM IST",
        "datetime",
        "2022-01-11T11:27+05:30",
    );
    one("उन्हें 25 मार्च 2021 को", "25 मार्च 2021", "date", "2021-03-25");
    one("15 जनवरी से", "15 जनवरी", "date", "--01-15");
    one("date 2022-01-10 A", "2022-01-10", "date", "2022-01-10");
    one("मार्च 2021 में", "मार्च 2021", "date", "2021-03");
    one("सुबह 10 बजे", "सुबह 10 बजे", "time", "10:00");
    one("शाम 5 बजे", "शाम 5 बजे", "time", "17:00");
    one("रात 9:30 बजे", "रात 9:30 बजे", "time", "21:30");
    one("1994 बैच", "1994", "year", "1994");
    one("A 1994-batch IPS", "1994", "year", "1994");
    one("शनिवार को", "शनिवार", "weekday", "saturday");
    one("तीस मिनट की", "तीस मिनट", "duration", "PT30M");
    one("ढाई घंटे", "ढाई घंटे", "duration", "PT2.5H");
    one("12 फीसदी", "12 फीसदी", "percent", "12");
    one("₹5 लाख", "₹5 लाख", "money", "INR 500000");
    one("2.5 करोड़ रुपये", "2.5 करोड़ रुपये", "money", "INR 25000000");
    one("Rs 300", "Rs 300", "money", "INR 300");
    one("5th", "5th", "ordinal", "5");
    one("1,00,000 लोग", "1,00,000", "number", "100000");
    one("डेढ़ सौ", "डेढ़ सौ", "number", "150");
    one("दो हज़ार", "दो हज़ार", "number", "2000");
    one("दो हजार", "दो हजार", "number", "2000");
    one("सवा दो", "सवा दो", "number", "2.25");
    one("सवा सौ", "सवा सौ", "number", "125");
    one("साढ़े तीन", "साढ़े तीन", "number", "3.5");
    one("पौने दो", "पौने दो", "number", "1.75");
    one("१२ लोग", "१२", "number", "12");
    one("11-01-2022", "11-01-2022", "date", "2022-01-11");
    one("सितम्बर 2021", "सितम्बर 2021", "date", "2021-09");
}

#[test]
fn negatives() {
    none("आचार संहिता");
    none("दोपहर को");
    none("कन्नौज में");
    none("एक रिपोर्ट");
    none("इससे पहले");
    none("दो बार");
    none("COVID19 H1N1 G20");
    none("1. home\n  2. state");
    none("एक के बाद एक");
    none("सोमवार रात".split(' ').nth(1).unwrap_or(""));
}

#[test]
fn offsets_are_code_points_and_text_matches() {
    let text = "क़ीमत ₹५ लाख, १५ जनवरी २०२२ को";
    let chars: Vec<char> = text.chars().collect();
    for s in extract(text, &ExtractOptions::default()) {
        let sub: String = chars[s.start..s.end].iter().collect();
        assert_eq!(sub, s.text);
    }
    one(text, "१५ जनवरी २०२२", "date", "2022-01-15");
    one(text, "₹५ लाख", "money", "INR 500000");
}

#[test]
fn resolution() {
    let opts = ExtractOptions {
        kinds: KindSet::ALL,
        reference: Some(Date::parse("2022-01-10").unwrap()),
    };
    let s = extract("15 जनवरी को शनिवार", &opts);
    assert_eq!(s[0].resolved.as_deref(), Some("2022-01-15"));
    assert_eq!(s[1].resolved.as_deref(), Some("2022-01-08"));
    assert!(Date::parse("2022-02-30").is_err());
    assert!(Date::parse("22-01-01").is_err());
}

#[test]
fn no_panic_on_odd_input() {
    for t in [
        "",
        " ",
        "99999999999999999999999999999999999999999999",
        "1,2,3,4.5.6:7:8/9-0",
        "₹",
        "सवा",
        "पौने शून्य",
        "12:99 99:12 1:2:3:4",
        "\u{93c}\u{901}5\u{200d}लाख",
        "9999999999999999999999 करोड़ खरब",
    ] {
        let _ = extract(t, &ExtractOptions::default());
    }
}

/// A seeded xorshift generator (no dependency) for the fuzz test.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[(self.next() % v.len() as u64) as usize]
    }
}

/// Random texts built from lexicon words, digits, separators and odd characters:
/// extraction never panics and every span satisfies the offset invariant.
#[test]
fn fuzz_invariants() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let words: Vec<&str> = lexicon::ENTRIES.iter().map(|e| e.0).collect();
    let odd = [
        "0",
        "7",
        "12",
        "2022",
        "१५",
        ",",
        ".",
        ":",
        "/",
        "-",
        "%",
        "₹",
        "$",
        " ",
        "  ",
        "\n",
        "\u{a0}",
        "\u{200d}",
        "\u{200c}",
        "\u{93c}",
        "\u{901}",
        "\u{94d}",
        "x",
        "AM",
        "ों",
        "(",
        ")",
        "99999999999999999999",
        "1,00,000",
        "11:27",
        "2022-01-10",
        "11/01/2022",
        "\u{feff}",
    ];
    for _ in 0..4000 {
        let mut text = String::new();
        for _ in 0..(rng.next() % 12) {
            if rng.next().is_multiple_of(2) {
                let &piece = rng.pick(&words);
                text.push_str(piece);
            } else {
                let &piece = rng.pick(&odd);
                text.push_str(piece);
            }
            if !rng.next().is_multiple_of(3) {
                text.push(' ');
            }
        }
        let chars: Vec<char> = text.chars().collect();
        let mut prev_end = 0;
        for s in extract(&text, &ExtractOptions::default()) {
            assert!(s.start < s.end && s.end <= chars.len(), "{text:?} {s:?}");
            assert!(s.start >= prev_end, "overlap in {text:?}");
            let sub: String = chars[s.start..s.end].iter().collect();
            assert_eq!(sub, s.text, "{text:?}");
            prev_end = s.end;
        }
    }
}

#[test]
fn lexicon_keys_are_normalized_and_known() {
    let lex = scan::lexicon();
    for (key, cat, _) in lex.dump() {
        assert_eq!(
            crate::normalize::normalize(&key, &crate::normalize::Options::match_key()),
            key,
            "{cat}"
        );
    }
    // spelling variants of the lexicon are found under the normalized text's key
    let key = |w: &str| crate::normalize::normalize(w, &crate::normalize::Options::match_key());
    for (a, b) in [("हजार", "हज़ार"), ("सितंबर", "सितम्बर"), ("पांच", "पाँच")]
    {
        assert!(!lex.get(&key(a)).is_empty(), "{a}");
        assert!(!lex.get(&key(b)).is_empty(), "{b}");
    }
}

/// `tokenize` joins digit chains as it goes: the same tokens as `group` over
/// the raw tokens, on random texts dense in digits, separators, currency words
/// and glued letters.
#[test]
fn tokenize_joins_chains_like_group() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let parts = [
        "0",
        "7",
        "12",
        "123",
        "2022",
        "१५",
        "०",
        "1234567890123456789",
        ",",
        ".",
        ":",
        "/",
        "-",
        "--",
        ",,",
        "-",
        " ",
        "\n",
        "x",
        "Rs",
        "rs",
        "rs.",
        "₹",
        "$",
        "am",
        "pm",
        "th",
        "वीं",
        "लाख",
        "मार्च",
        "a",
        "ab",
        "%",
        "(",
        "\u{a0}",
        "\u{93c}",
        "é",
        "\u{300}",
        "€",
    ];
    let opts = crate::normalize::Options::match_key();
    let lex = scan::lexicon();
    for _ in 0..20000 {
        let mut text = String::new();
        for _ in 0..(rng.next() % 14) {
            let &piece = rng.pick(&parts);
            text.push_str(piece);
        }
        let nt = crate::normalize::normalize(&text, &opts);
        let want = format!("{:?}", numbers::group(scan::tokenize_raw(&nt, lex)));
        let got = format!("{:?}", scan::tokenize(&nt, lex));
        assert_eq!(got, want, "{text:?}");
    }
}

fn not_kind(text: &str, kind: &str, value: &str) {
    let got = ext(text);
    assert!(
        !got.iter().any(|(_, k, v)| *k == kind && v == value),
        "{text:?}: want no ({kind}, {value}), got {got:?}"
    );
}

#[test]
fn minutes_to_and_past_the_hour() {
    one(
        "सात बजने में दस मिनट बाकी थे",
        "सात बजने में दस मिनट बाकी",
        "time",
        "06:50",
    );
    one(
        "शाम छह बजने से पांच मिनट पहले",
        "शाम छह बजने से पांच मिनट पहले",
        "time",
        "17:55",
    );
    one(
        "साढ़े चार बजने में दो मिनट",
        "साढ़े चार बजने में दो मिनट",
        "time",
        "04:28",
    );
    one("12 बजने में 5 मिनट", "12 बजने में 5 मिनट", "time", "11:55");
    one(
        "शाम 5 बजे के 10 मिनट बाद",
        "शाम 5 बजे के 10 मिनट बाद",
        "time",
        "17:10",
    );
    one(
        "रात 10 बजे से 15 मिनट पहले",
        "रात 10 बजे से 15 मिनट पहले",
        "time",
        "21:45",
    );
    one("ग्यारह बजकर बीस पर", "ग्यारह बजकर बीस", "time", "11:20");
    one("शाम के अठारह तीस पर", "शाम के अठारह तीस", "time", "18:30");
    one("पौने तीन बजे", "पौने तीन बजे", "time", "02:45");
    one("सुबह 9:15am तक", "सुबह 9:15am", "time", "09:15");
    one("6:30:15pm", "6:30:15pm", "time", "18:30:15");
    one("आधी रात 1 बजे", "आधी रात 1 बजे", "time", "01:00");
    not_kind("7 बजने वाले हैं", "time", "07:00");
}

#[test]
fn division_fractions_and_quarters_alone() {
    one("3/4 हिस्सा", "3/4", "number", "0.75");
    one("2/3 बहुमत से", "2/3", "number", "0.666666666666666");
    one("-1/4", "-1/4", "number", "-0.25");
    one("तीन बटा चार", "तीन बटा चार", "number", "0.75");
    one("सवा किलो मिठाई", "सवा", "number", "1.25");
    one("पौने घंटे में", "पौने घंटे", "duration", "PT0.75H");
    one("5 हजार 2 सौ और 0", "5 हजार 2 सौ", "number", "5200");
    one("22/04 को", "22/04", "date", "--04-22");
    not_kind("9/11 हमले", "number", "0.818181818181818");
    not_kind("स्कोर 250/4 रहा", "number", "62.5");
    not_kind("साढ़े किलो", "number", "1.5");
}

#[test]
fn tense_decides_kal() {
    one("कल मैच होगा", "कल", "date", "D+1");
    one("मैं कल आपको फोन करूंगा", "कल", "date", "D+1");
    one("परसों परीक्षा शुरू होने वाली है", "परसों", "date", "D+2");
    one("कल बैठक हुई थी", "कल", "date", "D-1");
    one("कल पुलिस ने आरोपी को गिरफ्तार किया", "कल", "date", "D-1");
    one(
        "कल मंत्री ने बताया कि काम अगले साल पूरा होगा",
        "कल",
        "date",
        "D-1",
    );
    one("कल योगी लखनऊ में", "कल", "date", "D±1");
    one("कल बारिश। आज धूप खिलेगी", "कल", "date", "D±1");
    let long = format!("कल {}होगा", "बहुत ".repeat(5000));
    one(&long, "कल", "date", "D±1");
}

#[test]
fn comma_compounds_and_comparisons() {
    one("2 साल, 3 महीने की सजा", "2 साल, 3 महीने", "duration", "P2Y3M");
    one(
        "1 घंटा, 20 मिनट और 5 सेकंड",
        "1 घंटा, 20 मिनट और 5 सेकंड",
        "duration",
        "PT1H20M5S",
    );
    one("आधे से ज़्यादा लोग", "आधे", "number", "0.5");
    one("एक से अधिक बार", "एक", "number", "1");
    not_kind("3 घंटे, 2 दिन", "duration", "P2DT3H");
    not_kind("एक से बढ़कर एक", "number", "1");
}

#[test]
fn word_years_weeks_and_clock_words() {
    one(
        "पांच अगस्त उन्नीस सौ सैंतालीस को",
        "पांच अगस्त उन्नीस सौ सैंतालीस",
        "date",
        "1947-08-05",
    );
    one(
        "मई 3, दो हजार इक्कीस",
        "मई 3, दो हजार इक्कीस",
        "date",
        "2021-05-03",
    );
    one(
        "अगले हफ़्ते के सोमवार को",
        "अगले हफ़्ते के सोमवार",
        "date",
        "W+1:monday",
    );
    one(
        "eleven fifteen a.m. तक",
        "eleven fifteen a.m.",
        "time",
        "11:15",
    );
    one("सात पैंतालीस pm पर", "सात पैंतालीस pm", "time", "19:45");
    one("1015 am की बैठक", "1015 am", "time", "10:15");
    not_kind("15 जनवरी दो हजार पांच लोग", "date", "2005-01-15");
    not_kind("5 मार्च दो हजार", "date", "2000-03-05");
}

#[test]
fn from_today_and_dotted_iso() {
    one("आज से दो दिन बाद", "आज से दो दिन बाद", "date", "D+2");
    one("अब से तीन हफ्ते बाद", "अब से तीन हफ्ते बाद", "date", "W+3");
    one("चुनाव से दो दिन पहले", "दो दिन", "duration", "P2D");
    not_kind("चुनाव से दो दिन पहले", "date", "D-2");
    one("2015.5.13 को", "2015.5.13", "date", "2015-05-13");
}

#[test]
fn decimals_glued_to_scales_and_units() {
    one("Rs 2.5cr का निवेश", "Rs 2.5cr", "money", "INR 25000000");
    one("1.5k लोग", "1.5k", "number", "1500");
    one("2.05cr", "2.05cr", "number", "20500000");
    one("मैं 3.5साल के लिए", "3.5साल", "duration", "P3.5Y");
    one("10साल पहले", "10साल पहले", "date", "Y-10");
    not_kind("Rs 2.5cr", "money", "INR 2");
}

#[test]
fn abbreviations_with_dots_month_dash_day_weekday_day_month() {
    one("होगा कल फैसला", "कल", "date", "D+1");
    one("आया था कल", "कल", "date", "D-1");
    one("मैं 3 मि. के लिए जाउंगा", "3 मि.", "duration", "PT3M");
    one("मैं 30-मि. के लिए", "30-मि.", "duration", "PT30M");
    one("3 घं. बाद", "3 घं.", "duration", "PT3H");
    one("मैं 3h के लिए", "3h", "duration", "PT3H");
    one("अप. साढ़े सात बजे तक", "अप. साढ़े सात बजे", "time", "19:30");
    one("इस शुक्रवार-जून-15 को", "जून-15", "date", "--06-15");
    one("शुक्रवार 7/6 को", "7/6", "date", "--06-07");
    one("सोमवार, 1/4 को", "1/4", "date", "--04-01");
    one("2 1/4 किलो", "2 1/4", "number", "2.25");
    one(
        "सोमवार पिछले सप्ताह बैठक हुई",
        "सोमवार पिछले सप्ताह",
        "date",
        "W-1:monday",
    );
    not_kind("शुक्रवार, अगले हफ्ते", "date", "W+1:friday");
    not_kind("50 मि.मी. बारिश", "duration", "PT50M");
    not_kind("जन-1 को", "date", "--01-01");
    not_kind("कुल 7/6 का अनुपात", "date", "--06-07");
    one("पू. मंत्री के 5 बजे", "5 बजे", "time", "05:00");
    not_kind("वह गया, कल लौटेगा", "date", "D-1");
}
