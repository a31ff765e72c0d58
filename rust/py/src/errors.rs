//! Python exception types of asimtext, and the mapping from core errors.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

pyo3::create_exception!(
    asimtext,
    CorruptFileError,
    PyValueError,
    "A file is not an asimtext file, has an unknown version, or is truncated or corrupt."
);

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("CorruptFileError", m.py().get_type::<CorruptFileError>())?;
    Ok(())
}

/// Map a core error to the Python exception a user expects.
pub fn to_py(err: asimtext_core::Error) -> PyErr {
    use asimtext_core::Error;
    match err {
        Error::InvalidArgument { .. } => PyValueError::new_err(err.to_string()),
        Error::CorruptData { .. } => CorruptFileError::new_err(err.to_string()),
    }
}
