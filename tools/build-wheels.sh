#!/usr/bin/env bash
# Build the release artifacts into dist/: manylinux wheels for every CPython
# found here (3.9 to 3.13) and an sdist. No Docker: maturin links with zig
# (`pip install ziglang`) against an old glibc, so the wheels are manylinux2014
# (glibc 2.17) even though this machine's glibc is newer.
#
#   bash tools/build-wheels.sh              # all interpreters found
#   PYTHONS="3.11 3.12" bash tools/build-wheels.sh
#
# One wheel per CPython version: the bindings read CPython's string storage
# (PEP 393) directly, which the stable ABI (abi3) does not expose.
# x86-64 only: the SIMD paths (SSSE3/SSE4.1, AVX2, AVX-512) are chosen at run
# time, so the wheels are built for the x86-64 baseline and run on any x86-64
# CPU. aarch64 needs the Rust aarch64 target (`rustup target add
# aarch64-unknown-linux-gnu`); when it is installed, set TARGETS to add it.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
PYTHONS=${PYTHONS:-"3.9 3.10 3.11 3.12 3.13"}
TARGETS=${TARGETS:-x86_64-unknown-linux-gnu}
COMPAT=${COMPAT:-manylinux2014}
OUT=dist

# The build tools, in the environment of the interpreter that runs maturin
# (which finds zig as `python3 -m ziglang`, hence its bin/ first on PATH).
if ! "$PY" -m ziglang version >/dev/null 2>&1; then
    "$PY" -m pip install -q ziglang
fi
if ! "$PY" -m maturin --version >/dev/null 2>&1; then
    # (a maturin seen through --system-site-packages lacks its script here)
    "$PY" -m pip install -q --force-reinstall --no-deps "maturin>=1.7,<2"
fi
export PATH="$(dirname "$("$PY" -c 'import sys; print(sys.executable)')"):$PATH"
MATURIN=("$PY" -m maturin)

# Interpreters: pyenv's installed versions, else pythonX.Y on PATH (not a
# pyenv shim, which may point nowhere); each must run.
interps=()
for v in $PYTHONS; do
    exe=""
    if command -v pyenv >/dev/null 2>&1; then
        for d in "$(pyenv root)"/versions/"$v".*; do
            [ -x "$d/bin/python$v" ] && exe="$d/bin/python$v"
        done
    fi
    if [ -z "$exe" ]; then
        exe=$(command -v "python$v" 2>/dev/null || true)
    fi
    if [ -n "$exe" ] && "$exe" -c "import sys" >/dev/null 2>&1; then
        interps+=("$exe")
    else
        echo "build-wheels: no working python$v found, skipping it" >&2
    fi
done
if [ ${#interps[@]} -eq 0 ]; then
    echo "build-wheels: no Python interpreter found" >&2
    exit 1
fi

mkdir -p "$OUT"
for target in $TARGETS; do
    echo "build-wheels: $target, $COMPAT, ${interps[*]}" >&2
    "${MATURIN[@]}" build --release --zig --target "$target" --compatibility "$COMPAT" \
        --out "$OUT" -i "${interps[@]}"
done
"${MATURIN[@]}" sdist --out "$OUT"
ls -l "$OUT"
