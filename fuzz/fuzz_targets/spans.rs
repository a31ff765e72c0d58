//! Fuzz target: `check_spans` of `rust/core/tests/invariants` on any UTF-8 text
//! (first byte: options).
#![no_main]

#[path = "../../rust/core/tests/invariants/mod.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some((b, text)) = invariants::split(data) {
        invariants::check_spans(b, text);
    }
});
