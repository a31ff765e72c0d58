"""Type stubs of the Rust extension `asimtext._core`."""

import datetime as _datetime
from os import PathLike
from typing import Any, Iterable, Literal, TypeAlias, final

import numpy as np
import numpy.typing as npt
from typing_extensions import Self

__version__: str

Form = Literal["canonical", "match", "nfc"]
Errors = Literal["strict", "replace"]

class CorruptFileError(ValueError): ...

def normalize(
    text: str,
    *,
    form: Form = "canonical",
    ascii_digits: bool = False,
    ascii_punctuation: bool = False,
    fix_mojibake: bool = False,
    fold_vowel_length: bool = False,
    errors: Errors = "strict",
) -> str: ...
def normalize_with_offsets(
    text: str,
    *,
    form: Form = "canonical",
    ascii_digits: bool = False,
    ascii_punctuation: bool = False,
    fix_mojibake: bool = False,
    fold_vowel_length: bool = False,
    errors: Errors = "strict",
    offsets: Literal["array", "list"] = "array",
) -> tuple[str, npt.NDArray[np.uint32] | list[int]]: ...
def normalize_batch(
    texts: Iterable[str] | Any,
    *,
    form: Form = "canonical",
    ascii_digits: bool = False,
    ascii_punctuation: bool = False,
    fix_mojibake: bool = False,
    fold_vowel_length: bool = False,
    errors: Errors = "strict",
    output: Literal["list", "arrow"] = "list",
) -> list[str] | Any: ...  # output="arrow": a pyarrow LargeStringArray

# --- cross-script matching key (asimtext_core::xscript) ---

def xscript_key(word: str, *, errors: Errors = "strict") -> str: ...

# --- gazetteer (asimtext_core::gazetteer) ---
def gazetteer_find(text: str, *, errors: Errors = "strict") -> list[tuple[int, int, str]]: ...
def gazetteer_entries() -> list[tuple[str, str, str, list[str]]]: ...
def xscript_keys(
    text: str, *, stopwords: bool = False, errors: Errors = "strict"
) -> list[tuple[int, int, str]]: ...
def xscript_keys_batch(
    texts: Iterable[str], *, stopwords: bool = False, errors: Errors = "strict"
) -> list[list[tuple[int, int, str]]]: ...
def xscript_tokens(
    text: str, *, errors: Errors = "strict"
) -> list[tuple[int, int, str, Literal["word", "acronym", "stop"]]]: ...
def xscript_romanize(text: str, *, errors: Errors = "strict") -> str: ...
def xscript_is_stopword(word: str) -> bool: ...
# ---------------------------------------------------------------- dedup



Unit: TypeAlias = Literal["word", "char"]
Scheme: TypeAlias = Literal["affine32", "affine64", "legacy"]
Signature: TypeAlias = npt.NDArray[np.uint32] | npt.NDArray[np.uint64]
Key: TypeAlias = int | str

@final
class MinHasher:
    """MinHash signatures from raw text (match key -> tokens -> shingles -> MinHash)."""

    def __new__(
        cls,
        num_perm: int | None = None,
        ngram: int | None = None,
        unit: Unit = "word",
        seed: int | None = None,
        compat: Literal["datasketch"] | None = None,
        scheme: Scheme | None = None,
    ) -> Self: ...
    @property
    def num_perm(self) -> int: ...
    @property
    def ngram(self) -> int: ...
    @property
    def unit(self) -> Unit: ...
    @property
    def seed(self) -> int: ...
    @property
    def compat(self) -> str | None: ...
    @property
    def scheme(self) -> Literal["asim", "affine32", "affine64", "legacy"]: ...
    @property
    def dtype(self) -> Literal["uint32", "uint64"]: ...
    @property
    def permutations(self) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]: ...
    def shingles(self, text: str) -> list[str]: ...
    def signature(self, text: str) -> Signature: ...
    def signatures(self, texts: Iterable[str]) -> Signature: ...
    def signature_from_tokens(self, tokens: Iterable[str]) -> Signature: ...
    def signatures_from_tokens(self, token_sets: Iterable[Iterable[str]]) -> Signature: ...

@final
class LSH:
    """MinHash LSH index; (bands, rows) chosen as datasketch does."""

    def __new__(
        cls,
        threshold: float | None = None,
        num_perm: int | None = None,
        weights: tuple[float, float] | None = None,
        params: tuple[int, int] | None = None,
    ) -> Self: ...
    @property
    def threshold(self) -> float: ...
    @property
    def num_perm(self) -> int: ...
    @property
    def weights(self) -> tuple[float, float]: ...
    @property
    def params(self) -> tuple[int, int]: ...
    def insert(self, key: Key, sig: Signature) -> None: ...
    def insert_many(self, keys: Iterable[Key], sigs: Signature) -> None: ...
    def query(self, sig: Signature) -> list[Key]: ...
    def remove(self, key: Key) -> None: ...
    def keys(self) -> list[Key]: ...
    def memory_usage(self) -> int: ...
    def to_bytes(self) -> bytes: ...
    @staticmethod
    def from_bytes(data: bytes) -> LSH: ...
    def save(self, path: str | PathLike[str]) -> None: ...
    @staticmethod
    def load(path: str | PathLike[str]) -> LSH: ...
    def __len__(self) -> int: ...
    def __contains__(self, key: object, /) -> bool: ...

def jaccard(sig_a: Signature, sig_b: Signature) -> float: ...
def overlap(a: str, b: str, *, ngram: int | None = None, unit: Unit = "word") -> tuple[float, float]: ...
def _near_duplicates(
    texts: Iterable[str],
    threshold: float,
    num_perm: int,
    ngram: int,
    unit: Unit,
    seed: int,
    params: tuple[int, int] | None = None,
) -> tuple[list[tuple[int, int, float, float]], list[list[int]], tuple[int, int], int, int]: ...
def _shared_passages(a: str, b: str, min_words: int) -> list[tuple[int, int, int, int, int]]: ...
def _default_lsh_params(threshold: float, num_perm: int) -> tuple[int, int]: ...

BUCKET_WINDOW: int
def _optimal_params(
    threshold: float, num_perm: int, false_positive_weight: float, false_negative_weight: float
) -> tuple[int, int]: ...
# ---- spans (issue 4) ----

SpanKind = Literal[
    "datetime", "date", "time", "year", "weekday", "duration", "percent", "money", "ordinal", "number"
]
ReferenceDate = _datetime.date | str | None

@final
class Span:
    """One extracted span: ``text[start:end] == span.text``."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def kind(self) -> SpanKind: ...
    @property
    def value(self) -> str: ...
    @property
    def resolved(self) -> str | None: ...
    def __new__(
        cls,
        start: int,
        end: int,
        text: str,
        kind: SpanKind,
        value: str,
        resolved: str | None = None,
    ) -> Self: ...
    def to_dict(self) -> dict[str, int | str | None]: ...
    def __hash__(self) -> int: ...
    def __lt__(self, other: Span, /) -> bool: ...
    def __le__(self, other: Span, /) -> bool: ...
    def __gt__(self, other: Span, /) -> bool: ...
    def __ge__(self, other: Span, /) -> bool: ...

def extract(
    text: str,
    *,
    kinds: Iterable[SpanKind] | None = None,
    reference_date: ReferenceDate = None,
) -> list[Span]: ...
def extract_batch(
    texts: Iterable[str],
    *,
    reference_dates: ReferenceDate | Iterable[ReferenceDate] = None,
    kinds: Iterable[SpanKind] | None = None,
) -> list[list[Span]]: ...
def _spans_lexicon() -> list[tuple[str, str, str]]: ...
def _utf8_valid_up_to(data: bytes) -> int: ...
def _parse_jsonl_block(
    block: bytes | bytearray | memoryview, text_field: str, id_field: str, label: str, first_line: int, utf8: bool = False
) -> tuple[bytes, list[int], list[str], list[Any], list[str | None]]: ...
def _extract_batch_jsonl(
    texts: Iterable[str | Utf8Text],
    ids: list[str],
    id_field: str,
    reference_date: str | _datetime.date | None = None,
    kinds: Iterable[str] | None = None,
) -> JsonLines: ...
def _normalize_batch_jsonl(
    texts: Iterable[str | Utf8Text], ids: list[str], id_field: str, text_field: str, form: str = "canonical"
) -> JsonLines: ...
@final
class JsonLines:
    """The JSON lines of a chunk made in Rust (len: bytes; bytes(): the bytes)."""

    def __len__(self) -> int: ...
    def __bytes__(self) -> bytes: ...
    def write_to(self, fd: int) -> None: ...
@final
class Utf8Text:
    """A dump's text kept as UTF-8 for the Rust batch calls (len: code points)."""

    def __len__(self) -> int: ...
# ---- batch (issue 6) ----
@final
class StreamDedup:
    """Streaming near-duplicate index: per document only its 32-bit shingle
    hash set and one 32-bit key per LSH band are kept; pairs are verified
    with the exact Jaccard similarity of the stored sets."""

    def __new__(
        cls,
        threshold: float | None = None,
        num_perm: int | None = None,
        ngram: int | None = None,
        unit: Unit = "word",
        seed: int | None = None,
        params: tuple[int, int] | None = None,
    ) -> Self: ...
    @property
    def threshold(self) -> float: ...
    @property
    def num_perm(self) -> int: ...
    @property
    def ngram(self) -> int: ...
    @property
    def unit(self) -> Unit: ...
    @property
    def seed(self) -> int: ...
    @property
    def params(self) -> tuple[int, int]: ...
    @property
    def empty_docs(self) -> int: ...
    def add(self, texts: Iterable[str]) -> int: ...
    def pairs(
        self,
    ) -> tuple[
        npt.NDArray[np.uint32], npt.NDArray[np.uint32], npt.NDArray[np.float64], int
    ]: ...
    def labels(self) -> npt.NDArray[np.uint32]: ...
    def jaccard(self, i: int, j: int) -> float: ...
    def memory_usage(self) -> int: ...
    def to_bytes(self) -> bytes: ...
    @staticmethod
    def from_bytes(data: bytes) -> StreamDedup: ...
    def __len__(self) -> int: ...

# ---- partitioned near-duplicate search (asimtext.dask, issue 8) ----

def _band_keys(
    hasher: MinHasher, texts: Iterable[str], bands: int, rows: int
) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.bool_]]: ...
def _verify_pairs(
    hasher: MinHasher,
    texts: Iterable[str],
    left: npt.NDArray[np.int64],
    right: npt.NDArray[np.int64],
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]: ...

# ---- the digest's vocabulary (asimtext_core::vocab) ----
def _context_keys_batch(
    texts: Iterable[str],
    values: list[list[tuple[int, int, int, int]]],
    width: int,
    reach: int,
) -> list[list[list[str]]]: ...
def _vocabulary(
    texts: Iterable[str],
) -> tuple[
    int,
    npt.NDArray[np.int64],
    npt.NDArray[np.int64],
    npt.NDArray[np.float64],
    npt.NDArray[np.bool_],
    list[str],
    npt.NDArray[np.float64],
]: ...

# ---- the story grouping's candidate pairs (asimtext_core::pairs) ----
@final
class PairIndex:
    """The story grouping's candidate pairs, summed by blocks of first articles."""

    def __new__(
        cls,
        n: int,
        rows: npt.NDArray[np.int32],
        cols: npt.NDArray[np.int32],
        w: npt.NDArray[np.float64],
        mode: npt.NDArray[np.uint8],
        idf: npt.NDArray[np.float64],
        bridge: npt.NDArray[np.bool_],
        bridge_word: npt.NDArray[np.bool_],
        order: npt.NDArray[np.float64],
        norm: npt.NDArray[np.float64],
        bnorm: npt.NDArray[np.float64],
        neighbors: int,
    ) -> Self: ...
    def per_row(self) -> npt.NDArray[np.float64]: ...
    def block(
        self, lo: int, hi: int
    ) -> tuple[
        npt.NDArray[np.int64],
        npt.NDArray[np.int64],
        npt.NDArray[np.float64],
        npt.NDArray[np.float64],
        npt.NDArray[np.int64],
        npt.NDArray[np.float64],
        npt.NDArray[np.float64],
    ]: ...


# ---- the prepared-document batch of the digest (asimtext_core::prepare::doc) ----
@final
class PreparedBatch:
    """Texts prepared once for the digest: spans, words, language, gazetteer names."""

    def __len__(self) -> int: ...
    def spans(
        self, row: int, reference_date: str | _datetime.date | None = None
    ) -> list[Span]: ...
    def n_spans(self, row: int) -> int: ...
    def langs(self) -> list[str | None]: ...
    def places(self, row: int) -> list[tuple[int, int, str]]: ...
    def release_words(self) -> None: ...
    @property
    def has_words(self) -> bool: ...
    def release_tokens(self, rows: list[int] | None = None) -> None: ...
    def release_rows(self, rows: list[int]) -> None: ...
    def has_tokens(self, row: int) -> bool: ...
    def words_in(self, row: int, ranges: list[tuple[int, int]]) -> list[list[int]]: ...
    def context_keys(
        self,
        rows: list[int],
        texts: Iterable[str],
        values: list[list[tuple[int, int, int, int]]],
        width: int,
        reach: int,
    ) -> list[list[list[str]]]: ...
    def heap_bytes(self) -> int: ...

def _prepare_batch(texts: Iterable[str]) -> PreparedBatch: ...
def _prepared_vocabulary(
    parts: Iterable[tuple[PreparedBatch, list[int]]],
    release: bool = False,
) -> tuple[
    int,
    npt.NDArray[np.int64],
    npt.NDArray[np.int64],
    npt.NDArray[np.float64],
    npt.NDArray[np.bool_],
    list[str],
    npt.NDArray[np.float64],
]: ...
def _detect_lang(text: str) -> str | None: ...
def _normalization_calls() -> int: ...
def _prepared_near_duplicates(
    parts: Iterable[tuple[PreparedBatch, list[int]]], threshold: float
) -> list[tuple[int, int, float, float]]: ...
def _prepared_signatures(
    docs: Iterable[Iterable[tuple[PreparedBatch, int, int]]],
) -> npt.NDArray[np.uint32]: ...
def _prepared_overlaps(
    docs: Iterable[Iterable[tuple[PreparedBatch, int, int]]], pairs: list[tuple[int, int]]
) -> list[tuple[float, float]]: ...
def _prepared_passages(
    docs: Iterable[Iterable[tuple[PreparedBatch, int, int]]],
    pairs: list[tuple[int, int]],
    min_words: int,
) -> list[list[tuple[int, int, int, int, int]]]: ...

SPAN_KINDS: tuple[str, ...]

# ---- the measures of the digest's values (asimtext_core::mentions) ----
@final
class _MeasureRules:
    def __new__(cls, tables: dict[str, Any]) -> _MeasureRules: ...

def _measure_batch(
    rules: _MeasureRules,
    texts: Iterable[str],
    numbers: list[list[tuple[int, int]]],
    queries: list[list[tuple[int, int, int, int, bool]]],
) -> tuple[
    list[list[tuple[bool, int | None, str | None]]],
    list[tuple[str, tuple[str, ...], str | None, str]],
]: ...
def _sentences_batch(
    texts: Iterable[str], spans: list[list[tuple[int, int]]]
) -> list[tuple[list[int], list[tuple[int, int, str]]]]: ...
def _places_batch(
    texts: Iterable[str], spans: list[list[tuple[int, int]]]
) -> list[list[list[tuple[int, int, str]]]]: ...
