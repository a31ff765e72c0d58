//! `asimtext._core`: thin PyO3 bindings over `asimtext-core`.
//! Each capability registers itself from its own module; no logic lives here.

use pyo3::prelude::*;

mod batch;
mod convert;
mod dedup;
mod errors;
mod gazetteer;
mod normalize;
mod pipeline;
mod pystr;
mod spans;
mod vocab;
mod xscript;

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", asimtext_core::VERSION)?;
    errors::register(m)?;
    normalize::register(m)?;
    dedup::register(m)?;
    spans::register(m)?;
    xscript::register(m)?;
    batch::register(m)?;
    vocab::register(m)?;
    gazetteer::register(m)?;
    Ok(())
}
