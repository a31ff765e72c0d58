// Expose PyO3's interpreter cfgs (Py_3_12, PyPy, Py_LIMITED_API, ...) to this
// crate: `dedup.rs` reads `str` data directly (PEP 393) only where the layout
// is known, and falls back to the safe copying path elsewhere.
fn main() {
    pyo3_build_config::use_pyo3_cfgs();
}
