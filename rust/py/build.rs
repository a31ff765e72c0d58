// Exposes pyo3's cfgs (Py_LIMITED_API, PyPy, Py_3_x, ...) to this crate, so
// that the direct CPython string access can be compiled out elsewhere.
fn main() {
    pyo3_build_config::use_pyo3_cfgs();
}
