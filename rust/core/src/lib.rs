//! `asimtext-core`: the pure-Rust core of asimtext.
//!
//! Data flows one way: text -> [`normalize`] -> shingles ([`dedup`]) / spans ([`spans`]).
//! Nothing here knows about Python; the PyO3 crate `asimtext-py` is a thin layer over it.
//! All offsets exchanged with callers are *code point* indices (what Python `str` uses),
//! never byte offsets.

pub mod dedup;
pub mod error;
pub mod gazetteer;
pub mod jsonl;
pub mod mentions;
pub mod mentions_sentences;
pub mod normalize;
pub mod pairs;
pub mod prepare;
pub mod source;
pub mod spans;
pub mod ucs;
pub mod vocab;
pub mod xscript;

pub use error::Error;

/// The crate version, also exported to Python as `asimtext.__version__`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
