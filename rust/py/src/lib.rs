//! `asimtext._core`: thin PyO3 bindings over `asimtext-core`.
//! Each capability registers itself from its own module; no logic lives here.

use pyo3::prelude::*;

mod arrow;
mod convert;
mod dedup;
mod dump_out;
mod errors;
mod gazetteer;
mod jsonl;
mod limits;
mod mentions;
mod normalize;
mod pairs;
mod pipeline;
mod pool;
mod prepare;
mod pystr;
mod spans;
mod vocab;
mod xscript;

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    pool::register();
    m.add("__version__", asimtext_core::VERSION)?;
    errors::register(m)?;
    normalize::register(m)?;
    dedup::register(m)?;
    spans::register(m)?;
    xscript::register(m)?;
    jsonl::register(m)?;
    dump_out::register(m)?;
    limits::register(m)?;
    vocab::register(m)?;
    gazetteer::register(m)?;
    prepare::register(m)?;
    pairs::register(m)?;
    mentions::register(m)?;
    Ok(())
}
