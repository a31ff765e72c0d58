"""The package installs and identifies itself."""

import subprocess
import sys

import asimtext


def test_version_is_the_crate_version():
    assert asimtext.__version__.count(".") == 2


def test_cli_version():
    for cmd in (["asimtext", "--version"], [sys.executable, "-m", "asimtext", "--version"]):
        out = subprocess.run(cmd, capture_output=True, text=True, check=True)
        assert out.stdout.strip() == f"asimtext {asimtext.__version__}"


def test_typing_files_are_shipped():
    from importlib import resources

    files = {p.name for p in resources.files("asimtext").iterdir()}
    assert "py.typed" in files
    assert "_core.pyi" in files


def test_stubs_match_the_extension():
    """mypy's stubtest: every name, signature and default of ``_core.pyi`` is the
    extension's own (as pydantic-core checks its stubs)."""
    import pathlib

    allow = pathlib.Path(__file__).resolve().parent.parent / "tools" / "stubtest-allowlist.txt"
    out = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "asimtext._core", "--allowlist", str(allow)],
        capture_output=True, text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_surrogate_errors_offer_errors_replace_only_where_it_exists():
    import asimtext
    import pytest

    with pytest.raises(ValueError, match=r"text contains a lone surrogate at index 1 \(pass errors='replace'"):
        asimtext.normalize("a\ud800")
    with pytest.raises(ValueError, match=r"texts\[1\] contains a lone surrogate at index 0 \(pass errors="):
        asimtext.normalize_batch(["a", "\udc00"])
    # No errors= option in these: the message must not offer one.
    for call in (
        lambda: asimtext.MinHasher().signature("a\ud800"),
        lambda: asimtext.MinHasher().signatures(["a", "\ud800"]),
        lambda: asimtext.extract("a\ud800"),
        lambda: asimtext.extract_batch(["a\ud800"]),
        lambda: asimtext.overlap("a", "\ud800"),
    ):
        with pytest.raises(ValueError, match="lone surrogate") as e:
            call()
        assert "errors=" not in str(e.value), str(e.value)


def test_eval_is_a_subcommand():
    out = subprocess.run(["asimtext", "eval", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "usage: asimtext eval" in out.stdout
    listed = subprocess.run(["asimtext", "--help"], capture_output=True, text=True).stdout
    assert "eval" in listed
