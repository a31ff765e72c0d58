"""Pure-Python twin of near-duplicate detection (``asimtext_core::dedup``):
``minhash`` (shingles, MinHash, ``near_duplicates``), ``lsh`` (the LSH index),
``partitioned`` (the Dask building blocks) and ``stream`` (``StreamDedup``)."""
