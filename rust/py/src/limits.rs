//! What the hardware allows, measured the way the operations run: a plain
//! UTF-8 validation pass over bytes, with the GIL released (the "speed of
//! light" rows of `benches/bench_limits.py`).

use pyo3::prelude::*;
use pyo3::types::PyBytes;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_utf8_valid_up_to, m)?)?;
    Ok(())
}

/// The length of the longest valid UTF-8 prefix of `data` (`len(data)` when
/// it is all valid): one pass of the standard library's validator.
#[pyfunction]
fn _utf8_valid_up_to(py: Python<'_>, data: &Bound<'_, PyBytes>) -> usize {
    let b = data.as_bytes();
    py.detach(|| match std::str::from_utf8(b) {
        Ok(_) => b.len(),
        Err(e) => e.valid_up_to(),
    })
}
