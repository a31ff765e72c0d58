"""Speed of light: each operation's bytes/s against what the machine allows,
measured in the same run on the same corpus (the 20 MB text of
``seed_corpus.py``, and the same text cut into 2 KB documents):

* ``memcpy``: copying the corpus's UTF-8 bytes into a buffer already allocated;
* ``UTF-8 validation``: one pass of Rust's standard validator over those bytes
  (``str::from_utf8``, GIL released), which every text read from a file needs.

Run: ``python -m pytest benches/bench_limits.py --benchmark-only`` (add
``--benchmark-json=FILE`` to keep the figures; ``tools/bench_tables.py`` turns
stored results into the tables of ``docs/speed.md``). Single-text rows run on
one core; batch rows on all cores.
"""

from __future__ import annotations

import os

import asimtext
from conftest import SCALE
from seed_corpus import corpus_text, documents

MB = 20 * SCALE
TEXT = corpus_text(MB)
DATA = TEXT.encode("utf-8")
NBYTES = len(DATA)
DOCS = documents(max(1, int(MB * 1e6 / 2000)))
DOC_BYTES = sum(len(d.encode("utf-8")) for d in DOCS)
G = "speed of light (%.0f MB corpus, %d cores)" % (NBYTES / 1e6, os.cpu_count() or 1)


def test_memcpy(throughput):
    dst = bytearray(NBYTES)

    def copy():
        dst[:] = DATA

    throughput(copy, group=G, name="memcpy (1 core)", nbytes=NBYTES, rounds=5, baseline=True)


def test_utf8_validation(throughput):
    assert asimtext._core._utf8_valid_up_to(DATA) == NBYTES
    throughput(lambda: asimtext._core._utf8_valid_up_to(DATA), group=G, name="UTF-8 validation (1 core)",
               nbytes=NBYTES, rounds=5, baseline=True)


def test_normalize_canonical(throughput):
    throughput(lambda: asimtext.normalize(TEXT), group=G, name="normalize canonical (1 core)", nbytes=NBYTES)


def test_normalize_match(throughput):
    throughput(lambda: asimtext.normalize(TEXT, form="match"), group=G, name="normalize match key (1 core)",
               nbytes=NBYTES)


def test_normalize_offsets(throughput):
    throughput(lambda: asimtext.normalize_with_offsets(TEXT), group=G, name="normalize_with_offsets (1 core)",
               nbytes=NBYTES)


def test_normalize_batch(throughput):
    throughput(lambda: asimtext.normalize_batch(DOCS), group=G, name="normalize_batch (all cores)",
               nbytes=DOC_BYTES, ndocs=len(DOCS))


def test_extract_batch(throughput):
    throughput(lambda: asimtext.extract_batch(DOCS), group=G, name="extract_batch spans (all cores)",
               nbytes=DOC_BYTES, ndocs=len(DOCS))


def test_signatures(throughput):
    h = asimtext.MinHasher(num_perm=128, ngram=5)
    throughput(lambda: h.signatures(DOCS), group=G, name="MinHasher.signatures (all cores)", nbytes=DOC_BYTES,
               ndocs=len(DOCS))


def test_stream_dedup(throughput):
    def run():
        index = asimtext.StreamDedup(threshold=0.8)
        index.add(DOCS)
        return index.pairs()

    throughput(run, group=G, name="StreamDedup add + pairs (all cores)", nbytes=DOC_BYTES, ndocs=len(DOCS))
