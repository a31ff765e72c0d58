"""``import asimtext`` leaves the digest package and NumPy for their first use
(PEP 562), and the public names behave as when they were imported eagerly:
``asimtext.digest`` is the function however the sub-package was imported,
the lazy names pickle, and ``from asimtext import *`` gets them all."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def run(code: str) -> str:
    r = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return r.stdout.strip()


def test_import_leaves_the_digest_and_numpy():
    out = run("""
        import sys
        import asimtext
        print(sorted(m for m in ("numpy", "asimtext.digest", "asimtext.dedup_keep") if m in sys.modules))
        asimtext.DigestParams
        print("asimtext.digest" in sys.modules, "numpy" in sys.modules)
    """)
    assert out.splitlines() == ["[]", "True True"]


def test_digest_is_the_function_whichever_import_comes_first():
    for first in ("import asimtext.digest.model", "from asimtext.digest import pipeline",
                  "import asimtext; asimtext.Digest", "import asimtext; asimtext.digest",
                  "import asimtext.digest as d; assert callable(d)"):
        out = run(f"""
            {first}
            import asimtext
            from asimtext.digest.core import digest
            print(asimtext.digest is digest, callable(asimtext.digest))
        """)
        assert out == "True True", first


def test_lazy_names_pickle_and_star_import():
    out = run("""
        import pickle
        import asimtext
        p = asimtext.DigestParams()
        print(pickle.loads(pickle.dumps(p)) == p)
        print(pickle.loads(pickle.dumps(asimtext.dedup_records)) is asimtext.dedup_records)
        ns = {}
        exec("from asimtext import *", ns)
        print(all(name in ns for name in asimtext.__all__), "Digest" in dir(asimtext))
        # A function that refers to the package, as dask ships it to its workers.
        import cloudpickle
        def spans(text):
            return len(asimtext.extract(text))
        print(pickle.loads(cloudpickle.dumps(spans))("5 मार्च 2021"), pickle.loads(pickle.dumps(asimtext)) is asimtext)
    """)
    assert out.splitlines() == ["True", "True", "True True", "1 True"]


def test_unknown_name_is_an_attribute_error():
    import asimtext
    import pytest

    with pytest.raises(AttributeError, match="no attribute 'nonesuch'"):
        asimtext.nonesuch  # noqa: B018
