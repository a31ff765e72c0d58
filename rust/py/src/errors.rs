//! Python exception types of asimtext, and the mapping from core errors.
//!
//! The classes are defined once, in Python (`asimtext/errors.py`), so that the
//! pure twin raises the very same types; the bindings import them lazily and
//! raise every error through the helpers below.

use pyo3::prelude::*;

pyo3::import_exception!(asimtext.errors, ArgumentError);
pyo3::import_exception!(asimtext.errors, ArgumentTypeError);
pyo3::import_exception!(asimtext.errors, CorruptFileError);
pyo3::import_exception!(asimtext.errors, MissingKeyError);
pyo3::import_exception!(asimtext.errors, ComputeError);
pyo3::import_exception!(asimtext.errors, MissingDependencyError);
pyo3::import_exception!(asimtext.errors, OutOfRangeError);

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("CorruptFileError", m.py().get_type::<CorruptFileError>())?;
    Ok(())
}

/// A bad argument value (`ValueError` and `AsimtextError`).
pub fn value_error(msg: impl Into<String>) -> PyErr {
    ArgumentError::new_err(msg.into())
}

/// An argument of the wrong type (`TypeError` and `AsimtextError`).
pub fn type_error(msg: impl Into<String>) -> PyErr {
    ArgumentTypeError::new_err(msg.into())
}

/// A failure of the machine rather than of the input (`RuntimeError` and
/// `AsimtextError`), such as threads the system refuses.
pub fn compute_error(msg: impl Into<String>) -> PyErr {
    ComputeError::new_err(msg.into())
}

/// An optional Python package a call needs is not installed (`ImportError`
/// and `AsimtextError`); the message says what to install.
pub fn missing_dependency(msg: impl Into<String>) -> PyErr {
    MissingDependencyError::new_err(msg.into())
}

/// An index past the end of a collection (`IndexError` and `AsimtextError`).
pub fn out_of_range(msg: impl Into<String>) -> PyErr {
    OutOfRangeError::new_err(msg.into())
}

/// Map a core error to the Python exception a user expects.
pub fn to_py(err: asimtext_core::Error) -> PyErr {
    use asimtext_core::Error;
    match err {
        Error::InvalidArgument { .. } => value_error(err.to_string()),
        Error::CorruptData { .. } => CorruptFileError::new_err(err.to_string()),
    }
}
