"""Rules defined once: the core's definition is what the package uses, and the pure
twin's own copy (the point of a twin) is held to it here."""

import asimtext
import asimtext.pure as pure
import pytest
from asimtext import _core
from asimtext.pure import spans as pure_spans
from asimtext.pure.dedup import minhash as pure_minhash


def test_span_kinds_come_from_the_core():
    assert asimtext.SPAN_KINDS == _core.SPAN_KINDS
    assert pure_spans.KINDS == _core.SPAN_KINDS
    from asimtext import eval as ev

    assert ev._KINDS is _core.SPAN_KINDS


@pytest.mark.parametrize("num_perm", [16, 64, 128, 256])
def test_default_lsh_shape_is_one_rule(num_perm):
    for t100 in range(1, 101):
        t = t100 / 100
        assert _core._default_lsh_params(t, num_perm) == pure_minhash.default_lsh_params(t, num_perm), t


def test_default_lsh_shape_is_what_near_duplicates_uses():
    texts = ["एक दो तीन चार पांच छह सात आठ"] * 3
    for t in (0.3, 0.5, 0.8):
        b, r = _core._default_lsh_params(t, 128)
        assert asimtext.near_duplicates(texts, threshold=t).pairs == \
            asimtext.near_duplicates(texts, threshold=t, params=(b, r)).pairs
        assert pure.near_duplicates(texts, threshold=t).pairs == asimtext.near_duplicates(texts, threshold=t).pairs


def test_bucket_window_is_one_rule():
    import asimtext.dedup

    assert asimtext.dedup.BUCKET_WINDOW == _core.BUCKET_WINDOW
    assert pure_minhash.BUCKET_WINDOW == _core.BUCKET_WINDOW
    from asimtext.pure.dedup import stream as pure_stream

    assert pure_stream.BUCKET_WINDOW == _core.BUCKET_WINDOW


# Run in a child: the extension is refused by a meta-path finder, and ``asimtext`` is a
# bare package (its ``__init__`` is the extension's public face and needs it), so what
# loads is exactly asimtext.pure and what it imports, lazily imported modules included.
_WITHOUT_CORE = r"""
import importlib.abc, importlib.util, sys, types

asked = []

class Refuse(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "asimtext._core" or name.startswith("asimtext._core."):
            asked.append(name)
            raise ImportError("asimtext._core is blocked in this test")
        return None

sys.meta_path.insert(0, Refuse())
spec = importlib.util.find_spec("asimtext")
pkg = types.ModuleType("asimtext")
pkg.__path__ = list(spec.submodule_search_locations)
sys.modules["asimtext"] = pkg

import asimtext.pure as p

assert p.normalize("हिंदी  text") == "हिंदी text"
texts = ["एक दो तीन चार पांच छह सात आठ"] * 3
r = p.near_duplicates(texts, threshold=0.5)
assert r.clusters == [[0, 1, 2]], r
assert p.shared_passages(texts[0], texts[1], min_words=3)
assert [s.kind for s in p.extract("12 जनवरी 2024 को 5 लाख")]
sd = p.StreamDedup(threshold=0.5)
assert sd.add(texts) == 0 and len(sd) == 3
assert p.xscript_key("दिल्ली")
assert not asked and "asimtext._core" not in sys.modules, asked
print("ok")
"""


def test_pure_twin_runs_with_the_extension_blocked():
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-c", _WITHOUT_CORE], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr[-3000:]


def test_pure_twin_imports_nothing_from_the_extension():
    import pathlib
    import re

    root = pathlib.Path(pure.__file__).parent
    # The extension, or the package modules that wrap it (asimtext.dedup, asimtext.io...):
    # only asimtext.errors, asimtext.dedup_results, asimtext._moved and asimtext.frames
    # (imported lazily, for Arrow input) are shared with the twin.
    shared = r"asimtext\.(pure|errors|dedup_results|_moved|frames)\b"
    bad = [
        f"{p.relative_to(root)}:{n}"
        for p in root.rglob("*.py")
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"^\s*(from asimtext import|import asimtext\.|from asimtext\.)", line)
        and not re.search(rf"^\s*(import|from) {shared}", line)
    ]
    assert not bad, bad


def test_old_import_paths_still_work_and_warn():
    import importlib
    import sys
    import warnings

    for old, new in [("asimtext.batch", "asimtext.dumps"),
                     ("asimtext.pure.minhash", "asimtext.pure.dedup.minhash"),
                     ("asimtext.pure.batch", "asimtext.pure.dedup.stream"),
                     ("asimtext.pure.partitioned", "asimtext.pure.dedup.partitioned"),
                     ("asimtext.pure.passages", "asimtext.pure.dedup.passages")]:
        sys.modules.pop(old, None)
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            mod = importlib.import_module(old)
        assert mod is importlib.import_module(new)
        assert any(issubclass(x.category, DeprecationWarning) for x in w), old


def test_a_headline_is_one_rule(monkeypatch):
    # The loader's title guess and a page's report headlines read one rule
    # (asimtext.chrome.is_headline), with their own word counts; a numbered headline
    # starts a report of a round-up page but is no page title.
    from asimtext import chrome, io
    from asimtext.digest import units

    asked = []
    real = chrome.is_headline

    def spy(line, lo, hi, **kw):
        asked.append((lo, hi, kw.get("listed", False)))
        return real(line, lo, hi, **kw)
    monkeypatch.setattr(io, "is_headline", spy)
    monkeypatch.setattr(units, "is_headline", spy)
    numbered = "1. दिल्ली में कोरोना के पहले मामले की पुष्टि, देश में दो नए मामले आए सामने"
    assert not io.looks_like_headline(numbered) and units._is_headline(numbered)
    assert asked == [(4, 30, False), (3, units.MAX_HEAD_WORDS, True)]
    for line in ("11:11 PM, 28-MAR-2020 सुबह की खबरें यहां", "By Prabhat Khabar Digital Desk",
                 "यह एक वाक्य है जो पूर्ण विराम पर खत्म होता है।", "29 मार्च\t1024 नए मामले दर्ज"):
        assert not io.looks_like_headline(line) and not units._is_headline(line), line
