"""Normalization throughput: Rust (canonical, match, batch on all cores) vs the
pure-Python twin, indic-nlp-library's DevanagariNormalizer and unicodedata NFC.
"""

from __future__ import annotations

import os
import unicodedata

import asimtext
import pytest
from asimtext.pure import normalization as pure
from conftest import SCALE, cores
from seed_corpus import corpus_text, documents

MB = 20 * SCALE
TEXT = corpus_text(MB)
NBYTES = len(TEXT.encode("utf-8"))
DOCS = documents(max(1, int(MB * 1e6 / 2000)))
DOC_BYTES = sum(len(d.encode("utf-8")) for d in DOCS)
SMALL = TEXT[: len(TEXT) // 40]  # the pure twin is slow: 1/40 of the corpus
SMALL_BYTES = len(SMALL.encode("utf-8"))
G = "normalize (%.0f MB corpus from seeds/, %d cores)" % (NBYTES / 1e6, os.cpu_count() or 1)


def test_rust_canonical(throughput):
    throughput(lambda: asimtext.normalize(TEXT), group=G, name="asimtext canonical (1 core)", nbytes=NBYTES)


def test_rust_match(throughput):
    throughput(lambda: asimtext.normalize(TEXT, form="match"), group=G, name="asimtext match key (1 core)",
               nbytes=NBYTES)


def test_rust_nfc(throughput):
    throughput(lambda: asimtext.normalize(TEXT, form="nfc"), group=G, name="asimtext nfc (1 core)", nbytes=NBYTES)


def test_rust_offsets(throughput):
    throughput(lambda: asimtext.normalize_with_offsets(TEXT), group=G, name="asimtext canonical + offsets",
               nbytes=NBYTES)


def test_rust_canonical_one_core_docs(throughput):
    throughput(lambda: [asimtext.normalize(d) for d in DOCS], group=G, name="asimtext canonical, per doc (1 core)",
               nbytes=DOC_BYTES, ndocs=len(DOCS))


def test_rust_batch(throughput):
    throughput(lambda: asimtext.normalize_batch(DOCS), group=G, name="asimtext normalize_batch (all cores)",
               nbytes=DOC_BYTES, ndocs=len(DOCS))


def test_rust_batch_one_core(throughput):
    asimtext.normalize_batch(DOCS[:10])  # start rayon's threads, so that they are pinned too
    with cores(1):
        throughput(lambda: asimtext.normalize_batch(DOCS), group=G, name="asimtext normalize_batch (1 core)",
                   nbytes=DOC_BYTES, ndocs=len(DOCS))


def test_unicodedata_nfc(throughput):
    throughput(lambda: unicodedata.normalize("NFC", TEXT), group=G, name="unicodedata NFC", nbytes=NBYTES,
               baseline=True)


def test_indic_nlp(throughput):
    indic = pytest.importorskip("indicnlp.normalize.indic_normalize")
    normalizer = indic.IndicNormalizerFactory().get_normalizer("hi")
    throughput(lambda: normalizer.normalize(TEXT), group=G, name="indic-nlp DevanagariNormalizer",
               nbytes=NBYTES, rounds=2, baseline=True)


def test_indic_nlp_per_doc(throughput):
    indic = pytest.importorskip("indicnlp.normalize.indic_normalize")
    normalizer = indic.IndicNormalizerFactory().get_normalizer("hi")
    throughput(lambda: [normalizer.normalize(d) for d in DOCS], group=G, name="indic-nlp, per doc",
               nbytes=DOC_BYTES, ndocs=len(DOCS), rounds=2)


def test_pure_twin(throughput):
    throughput(lambda: pure.normalize(SMALL), group=G, name="asimtext.pure canonical", nbytes=SMALL_BYTES, rounds=1,
               baseline=True)
