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
