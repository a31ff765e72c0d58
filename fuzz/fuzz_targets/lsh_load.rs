//! Fuzz target: `LSH` loading of any bytes, raw and behind a valid header
//! and checksum (`check_lsh` of `rust/core/tests/invariants`).
#![no_main]

#[path = "../../rust/core/tests/invariants/mod.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    invariants::check_lsh(data);
});
