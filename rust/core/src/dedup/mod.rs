//! Near-duplicate detection: shingles, MinHash, LSH, clusters, shared passages.
