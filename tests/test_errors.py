"""Every error asimtext raises on purpose is an AsimtextError, in both implementations,
and keeps the built-in parent that older ``except`` clauses expect."""

import pathlib
import re

import asimtext
import asimtext.pure as pure
import pytest
from asimtext import errors

ROOT = pathlib.Path(__file__).resolve().parent.parent


def test_one_base_with_the_old_parents():
    assert issubclass(errors.ArgumentError, ValueError)
    assert issubclass(errors.ArgumentTypeError, TypeError)
    assert issubclass(errors.CorruptFileError, ValueError)
    assert issubclass(errors.MissingFileError, FileNotFoundError)
    assert issubclass(errors.MissingDependencyError, ImportError)
    assert issubclass(errors.MissingKeyError, KeyError)
    assert issubclass(errors.OutOfRangeError, IndexError)
    for name in errors.__all__:
        assert issubclass(getattr(errors, name), errors.AsimtextError), name
        assert getattr(asimtext, name) is getattr(errors, name)
    # the extension raises the very classes of asimtext.errors
    assert asimtext.CorruptFileError is errors.CorruptFileError
    from asimtext.cli import CliError
    from asimtext.digest.backend import BackendUnavailable
    from asimtext.dumps import BatchError
    from asimtext.io import LoadError

    for cls in (BatchError, CliError, BackendUnavailable, LoadError):
        assert issubclass(cls, errors.AsimtextError), cls


@pytest.mark.parametrize("impl", [asimtext, pure], ids=["rust", "pure"])
@pytest.mark.parametrize(
    "call, kind",
    [
        (lambda m: m.normalize(123), errors.ArgumentTypeError),
        (lambda m: m.normalize("a", form="nope"), errors.ArgumentError),
        (lambda m: m.normalize("a\ud800"), errors.ArgumentError),
        (lambda m: m.normalize_batch("not a list"), errors.ArgumentTypeError),
        (lambda m: m.normalize_batch(["a", None]), errors.ArgumentTypeError),
        (lambda m: m.extract("5 मार्च", reference_date="not a date"), errors.ArgumentError),
        (lambda m: m.MinHasher(num_perm=0), errors.ArgumentError),
        (lambda m: m.StreamDedup(threshold=0.5).jaccard(0, 0), errors.OutOfRangeError),
    ],
)
def test_both_implementations_raise_asimtext_errors(impl, call, kind):
    with pytest.raises(kind):
        call(impl)


def test_lsh_errors():
    lsh = asimtext.LSH(threshold=0.5, num_perm=128)
    with pytest.raises(errors.MissingKeyError):
        lsh.remove("absent")
    with pytest.raises(errors.CorruptFileError):
        asimtext.LSH.from_bytes(b"not an index")


def test_no_bare_builtin_raise_in_the_sources():
    """The bindings raise through rust/py/src/errors.rs, the package through
    asimtext.errors; a new bare ``ValueError`` would slip past ``except AsimtextError``."""
    rust = [
        f"{p.name}:{n}"
        for p in (ROOT / "rust/py/src").rglob("*.rs")
        if p.name != "errors.rs"
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"Py(Value|Type|Key|Index|Import|Runtime|Overflow|OS)Error::new_err|PyErr::new::<Py", line)
    ]
    assert not rust, rust
    py = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in (ROOT / "python/asimtext").rglob("*.py")
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"raise (ValueError|TypeError|KeyError|IndexError|RuntimeError|FileNotFoundError|ImportError|ModuleNotFoundError|OSError)\(", line)
    ]
    assert not py, py
