"""Pure-Python twin of asimtext's shingling, MinHash and overlap.

Same rules, same bits as the Rust core (``rust/core/src/dedup/``); the
differential tests hold the two to it. Only numpy and unicodedata2 are used.

* Text -> match key (:func:`asimtext.pure.normalization`, form "match").
* Tokens: maximal runs of code points whose Unicode 18.0.0 general category is
  L*, M* or N*; U+00AD, U+200C, U+200D, U+2060, U+FEFF are dropped without
  splitting a token; everything else separates tokens.
* Shingles: ``ngram`` consecutive tokens joined by one space (``unit="word"``),
  or ``ngram`` consecutive code points of the tokens joined by one space
  (``unit="char"``); a text with fewer units than ``ngram`` (but at least one)
  has one shingle, all of it; a text without tokens has none.
* Default scheme: ``x = element_hash(utf8(shingle)) >> 32`` (the asimhash64 of
  each space-separated piece of the shingle, i.e. of each token of a word
  shingle, combined: see :func:`element_hash`); permutation ``k`` is
  ``(a_k * x + b_k) mod 2**32``; ``(a_k, b_k)`` from SplitMix64(seed).
* ``compat="datasketch"``: datasketch 2.x schemes affine32, affine64, legacy.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Iterable, Sequence

import numpy as np
import unicodedata2

from asimtext.dedup_results import NearDuplicates
from asimtext.errors import ArgumentError, ArgumentTypeError
from asimtext.pure.normalization import normalize

M32 = (1 << 32) - 1
M64 = (1 << 64) - 1
K0 = 0x243F6A8885A308D3
K1 = 0x9E3779B97F4A7C15
K2 = 0xD6E8FEB86659FD93
MERSENNE61 = (1 << 61) - 1
IGNORABLE = frozenset("\u00ad\u200c\u200d\u2060\ufeff")
#: Texts after it in an LSH bucket each text is compared with: the twin's own copy
#: of the core's ``BUCKET_WINDOW`` (tests/test_one_home.py holds the two equal).
BUCKET_WINDOW = 16

__all__ = [
    "MinHasher",
    "band_hash",
    "element_hash",
    "hash64",
    "is_token_char",
    "jaccard",
    "near_duplicates",
    "optimal_params",
    "overlap",
    "shingles",
    "tokenize",
]


def is_token_char(c: str) -> bool:
    """Whether code point ``c`` belongs to a token (category L*, M* or N*)."""
    return unicodedata2.category(c)[0] in "LMN"


def tokenize(text: str) -> list[str]:
    """Tokens of an already normalized text."""
    out: list[str] = []
    cur: list[str] = []
    for c in text:
        if is_token_char(c):
            cur.append(c)
        elif c in IGNORABLE:
            continue
        elif cur:
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return out


def _check_int(value, name: str, lo: int, hi: int) -> int:
    if not isinstance(value, int):
        raise ArgumentTypeError(f"{name} must be int, not {type(value).__name__}")
    if not lo <= value <= hi:
        raise ArgumentError(f"{name} must be between {lo} and {hi}, got {value}")
    return value


def check_text(text, name: str) -> str:
    """``text`` when it is a ``str`` the core can take (no lone surrogate), else the
    error the core raises, naming ``name``."""
    if not isinstance(text, str):
        raise ArgumentTypeError(f"{name} must be str, not {type(text).__name__}")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        raise ArgumentError(f"{name} contains a lone surrogate at index {e.start}") from None
    return text


def shingles(text: str, ngram: int = 5, unit: str = "word") -> list[str]:
    """The shingles of raw ``text`` in text order (repeats kept)."""
    _check_int(ngram, "ngram", 1, 64)
    if unit not in ("word", "char"):
        raise ArgumentError(f"unit must be 'word' or 'char', not {unit!r}")
    toks = tokenize(normalize(check_text(text, "text"), form="match"))
    if unit == "word":
        units, sep = toks, " "
    else:
        units, sep = list(" ".join(toks)), ""
    m = len(units)
    if m == 0:
        return []
    if m < ngram:
        return [sep.join(units)]
    return [sep.join(units[i : i + ngram]) for i in range(m - ngram + 1)]


def mum(x: int, y: int) -> int:
    """The 64-bit multiply-and-fold mix of the core's hashes (``hash.rs``'s ``mum``)."""
    p = x * y
    return (p & M64) ^ (p >> 64)


def hash64(data: bytes) -> int:
    """asimhash64: the 64-bit hash of one piece (token) of a shingle in the default scheme.

    ``h = len ^ K0``; for each 16-byte block (the last one zero-padded), read as
    two little-endian words ``w0, w1``: ``h = mum(h ^ w0, w1 ^ K1)``; result
    ``mum(h ^ len, K2)``, where ``mum(x, y)`` folds the 128-bit product ``x * y``
    (low 64 bits XOR high 64 bits).
    """
    n = len(data)
    h = n ^ K0
    for i in range(0, n, 16):
        block = data[i : i + 16]
        w0 = int.from_bytes(block[:8], "little")
        w1 = int.from_bytes(block[8:16], "little")
        h = mum(h ^ w0, w1 ^ K1)
    return mum(h ^ n, K2)


def element_hash(data: bytes) -> int:
    """The 64-bit hash of a MinHash element (a shingle) in the default scheme.

    ``data`` is cut at every space (``b" "``) into pieces ``p_0 .. p_{m-1}``
    (empty pieces count, so ``m >= 1``); ``t_j = hash64(p_j)``;
    ``h = sum(rotl64(t_j, j mod 64)) mod 2**64``; result ``mum(h ^ m, K2)``.
    The pieces of a word shingle are its tokens, which lets the Rust code hash
    every token of a text once and combine the hashes of each n-gram.
    """
    pieces = data.split(b" ")
    h = 0
    for j, p in enumerate(pieces):
        t = hash64(p)
        r = j & 63
        h += ((t << r) | (t >> (64 - r))) & M64 if r else t
    return mum((h & M64) ^ len(pieces), K2)


def _splitmix64(seed: int):
    state = seed
    while True:
        state = (state + 0x9E3779B97F4A7C15) & M64
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        yield z ^ (z >> 31)


def _fmix(hv: np.ndarray, width: int) -> np.ndarray:
    if width == 32:
        s1, m1, s2, m2, s3 = 16, 0x85EBCA6B, 13, 0xC2B2AE35, 16
        t = np.uint32
    else:
        s1, m1, s2, m2, s3 = 33, 0xFF51AFD7ED558CCD, 33, 0xC4CEB9FE1A85EC53, 33
        t = np.uint64
    hv = hv ^ (hv >> t(s1))
    hv = hv * t(m1)
    hv = hv ^ (hv >> t(s2))
    hv = hv * t(m2)
    return hv ^ (hv >> t(s3))


class MinHasher:
    """Pure-Python twin of :class:`asimtext.MinHasher` (same signatures, slower)."""

    def __init__(
        self,
        num_perm: int = 128,
        ngram: int = 5,
        unit: str = "word",
        seed: int = 1,
        compat: str | None = None,
        scheme: str | None = None,
    ) -> None:
        self.num_perm = _check_int(num_perm, "num_perm", 1, 1 << 16)
        self.ngram = _check_int(ngram, "ngram", 1, 64)
        if unit not in ("word", "char"):
            raise ArgumentError(f"unit must be 'word' or 'char', not {unit!r}")
        self.unit = unit
        if compat is None:
            if scheme not in (None, "asim"):
                raise ArgumentError(f"scheme={scheme!r} needs compat='datasketch'")
            scheme = "asim"
        elif compat == "datasketch":
            scheme = scheme or "affine32"
            if scheme not in ("affine32", "affine64", "legacy"):
                raise ArgumentError(
                    f"scheme must be 'affine32', 'affine64' or 'legacy', not {scheme!r}"
                )
        else:
            raise ArgumentError(f"compat must be None or 'datasketch', not {compat!r}")
        self.compat = compat
        self.scheme = scheme
        self.seed = _check_int(seed, "seed", 0, M64 if scheme == "asim" else M32)
        self.dtype = np.uint32 if scheme in ("asim", "affine32") else np.uint64
        if scheme == "asim":
            g = _splitmix64(seed)
            a, b = [], []
            for _ in range(num_perm):
                a.append((next(g) >> 32) | 1)
                b.append(next(g) >> 32)
            self._a = np.array(a, dtype=np.uint32)
            self._b = np.array(b, dtype=np.uint32)
        else:
            gen = np.random.RandomState(seed)
            if scheme == "legacy":
                pairs = [
                    (
                        gen.randint(1, MERSENNE61, dtype=np.uint64),
                        gen.randint(0, MERSENNE61, dtype=np.uint64),
                    )
                    for _ in range(num_perm)
                ]
                self._a = np.array([p[0] for p in pairs], dtype=np.uint64)
                self._b = np.array([p[1] for p in pairs], dtype=np.uint64)
            else:
                width = 32 if scheme == "affine32" else 64
                t = self.dtype
                self._a = gen.randint(0, 1 << (width - 1), num_perm, dtype=t) * t(2) + t(1)
                self._b = gen.randint(0, 1 << width, num_perm, dtype=t)

    def shingles(self, text: str) -> list[str]:
        """The shingles of ``text`` exactly as they are hashed."""
        return shingles(text, self.ngram, self.unit)

    def _empty(self) -> np.ndarray:
        v = M32 if self.scheme != "affine64" else M64
        return np.full(self.num_perm, v, dtype=self.dtype)

    def signature_from_tokens(self, tokens: Iterable[str]) -> np.ndarray:
        """Signature of a set whose elements are ``tokens`` (taken as they are)."""
        items = [check_text(t, f"tokens[{i}]").encode("utf-8") for i, t in enumerate(tokens)]
        sig = self._empty()
        if not items:
            return sig
        if self.scheme == "asim":
            xs = np.array([element_hash(t) >> 32 for t in items], dtype=np.uint32).reshape(-1, 1)
            return np.minimum(sig, (xs * self._a + self._b).min(axis=0))
        if self.scheme == "legacy":
            hv = [struct.unpack("<I", hashlib.sha1(t).digest()[:4])[0] for t in items]
            xs = np.array(hv, dtype=np.uint64).reshape(-1, 1)
            phv = ((xs * self._a + self._b) % np.uint64(MERSENNE61)) & np.uint64(M32)
            return np.minimum(sig, phv.min(axis=0))
        if self.scheme == "affine32":
            hv = [struct.unpack("<I", hashlib.sha1(t).digest()[:4])[0] for t in items]
            xs = _fmix(np.array(hv, dtype=np.uint32).reshape(-1, 1), 32)
        else:
            hv = [struct.unpack("<Q", hashlib.sha1(t).digest()[:8])[0] for t in items]
            xs = _fmix(np.array(hv, dtype=np.uint64).reshape(-1, 1), 64)
        return np.minimum(sig, (xs * self._a + self._b).min(axis=0))

    def signature_from_hashes(self, hashes: Sequence[int]) -> np.ndarray:
        """Signature (``asim`` scheme) of a set given by the element hashes
        (:func:`element_hash`) of its elements."""
        sig = self._empty()
        if len(hashes) == 0:
            return sig
        xs = np.array([h >> 32 for h in hashes], dtype=np.uint32).reshape(-1, 1)
        return np.minimum(sig, (xs * self._a + self._b).min(axis=0))

    def signature(self, text: str) -> np.ndarray:
        """Signature of raw ``text``."""
        return self.signature_from_tokens(self.shingles(text))

    def signatures(self, texts: Iterable[str]) -> np.ndarray:
        """Signatures of many texts, shape ``(n, num_perm)``."""
        rows = []
        for i, t in enumerate(texts):
            check_text(t, f"texts[{i}]")
            rows.append(self.signature(t))
        if not rows:
            return np.zeros((0, self.num_perm), dtype=self.dtype)
        return np.vstack(rows)


def jaccard(sig_a: Sequence[int], sig_b: Sequence[int]) -> float:
    """Estimated Jaccard similarity: share of equal positions."""
    a, b = np.asarray(sig_a), np.asarray(sig_b)
    if a.shape != b.shape or a.size == 0:
        raise ArgumentError("signatures must be non-empty and of the same length")
    return float(np.count_nonzero(a == b)) / float(a.size)


def overlap(a: str, b: str, *, ngram: int = 5, unit: str = "word") -> tuple[float, float]:
    """Exact ``(jaccard, containment)`` of the shingle sets of two texts."""
    sa = set(shingles(check_text(a, "a"), ngram, unit))
    sb = set(shingles(check_text(b, "b"), ngram, unit))
    if not sa or not sb:
        return (0.0, 0.0)
    inter = len(sa & sb)
    return (inter / (len(sa) + len(sb) - inter), inter / min(len(sa), len(sb)))


# ---------------------------------------------------------------- LSH and near_duplicates

_XGK = (
    0.995657163025808080735527280689003,
    0.973906528517171720077964012084452,
    0.930157491355708226001207180059508,
    0.865063366688984510732096688423493,
    0.780817726586416897063717578345042,
    0.679409568299024406234327365114874,
    0.562757134668604683339000099272694,
    0.433395394129247190799265943165784,
    0.294392862701460198131126603103866,
    0.148874338981631210884826001129720,
    0.0,
)
_WGK = (
    0.011694638867371874278064396062192,
    0.032558162307964727478818972459390,
    0.054755896574351996031381300244580,
    0.075039674810919952767043140916190,
    0.093125454583697605535065465083366,
    0.109387158802297641899210590325805,
    0.123491976262065851077208292359670,
    0.134709217311473325928054001771707,
    0.142775938577060080797094273138717,
    0.147739104901338491374841515972068,
    0.149445554002916905664936468389821,
)
_WG = (
    0.066671344308688137593568809893332,
    0.149451349150580593145776339657697,
    0.219086362515982043995534934228163,
    0.269266719309996355091226921569469,
    0.295524224714752870173892994651338,
)
_EPMACH = 2.220446049250313e-16
_UFLOW = 2.2250738585072014e-308


def _qk21(f, a: float, b: float):
    centr = 0.5 * (a + b)
    hlgth = 0.5 * (b - a)
    dhlgth = abs(hlgth)
    resg = 0.0
    fc = f(centr)
    resk = _WGK[10] * fc
    resabs = abs(resk)
    fv1 = [0.0] * 10
    fv2 = [0.0] * 10
    for j in range(5):
        jtw = 2 * j + 1
        absc = hlgth * _XGK[jtw]
        f1, f2 = f(centr - absc), f(centr + absc)
        fv1[jtw], fv2[jtw] = f1, f2
        fsum = f1 + f2
        resg += _WG[j] * fsum
        resk += _WGK[jtw] * fsum
        resabs += _WGK[jtw] * (abs(f1) + abs(f2))
    for j in range(5):
        jtwm1 = 2 * j
        absc = hlgth * _XGK[jtwm1]
        f1, f2 = f(centr - absc), f(centr + absc)
        fv1[jtwm1], fv2[jtwm1] = f1, f2
        fsum = f1 + f2
        resk += _WGK[jtwm1] * fsum
        resabs += _WGK[jtwm1] * (abs(f1) + abs(f2))
    reskh = resk * 0.5
    resasc = _WGK[10] * abs(fc - reskh)
    for j in range(10):
        resasc += _WGK[j] * (abs(fv1[j] - reskh) + abs(fv2[j] - reskh))
    result = resk * hlgth
    resabs *= dhlgth
    resasc *= dhlgth
    abserr = abs((resk - resg) * hlgth)
    if resasc != 0.0 and abserr != 0.0:
        abserr = resasc * min(1.0, (200.0 * abserr / resasc) ** 1.5)
    if resabs > _UFLOW / (50.0 * _EPMACH):
        abserr = max(_EPMACH * 50.0 * resabs, abserr)
    return result, abserr, resabs, resasc


def _integrate(f, lo: float, hi: float) -> float:
    eps = 1.49e-8
    result, abserr, defabs, resasc = _qk21(f, lo, hi)
    errbnd = max(eps, eps * abs(result))
    if (
        (abserr <= 100.0 * _EPMACH * defabs and abserr > errbnd)
        or (abserr <= errbnd and abserr != resasc)
        or abserr == 0.0
    ):
        return result
    parts = [(lo, hi, result, abserr)]
    for _ in range(1, 50):
        total = sum(p[2] for p in parts)
        err = sum(p[3] for p in parts)
        if err <= max(eps, eps * abs(total)):
            break
        w = 0
        for i, p in enumerate(parts):
            if p[3] > parts[w][3]:
                w = i
        a, b, _, _ = parts[w]
        parts[w] = parts[-1]
        parts.pop()
        m = 0.5 * (a + b)
        r1, e1, _, _ = _qk21(f, a, m)
        r2, e2, _, _ = _qk21(f, m, b)
        parts.append((a, m, r1, e1))
        parts.append((m, b, r2, e2))
    parts.sort(key=lambda p: p[0])
    total = 0.0
    for p in parts:
        total += p[2]
    return total


def default_lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """The ``(bands, rows)`` of ``near_duplicates`` when none are given: the band
    choice for ``max(threshold - 0.2, 0.05)`` with weights ``(0.2, 0.8)``, which
    favours recall (verification removes the false positives). The twin of
    Rust core's ``dedup::cluster::default_params``."""
    return optimal_params(max(threshold - 0.2, 0.05), num_perm, 0.2, 0.8)


def optimal_params(threshold: float, num_perm: int, w_fp: float, w_fn: float) -> tuple[int, int]:
    """``(bands, rows)`` minimising the weighted false positive/negative areas."""
    best = float("inf")
    opt = (0, 0)
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            fp = _integrate(
                lambda s, r=r, b=b: 1.0 - (1.0 - s ** float(r)) ** float(b), 0.0, threshold
            )
            fn = _integrate(
                lambda s, r=r, b=b: 1.0 - (1.0 - (1.0 - s ** float(r)) ** float(b)), threshold, 1.0
            )
            err = fp * w_fp + fn * w_fn
            if err < best:
                best = err
                opt = (b, r)
    return opt


def band_hash(band: int, values: Sequence[int]) -> int:
    """Hash of the values of one band (the LSH bucket key)."""
    h = K0 ^ band
    for v in values:
        h = mum(h ^ int(v), K1)
    return mum(h ^ len(values), K2)


def near_duplicates(
    texts: Iterable[str],
    *,
    threshold: float = 0.8,
    num_perm: int = 128,
    ngram: int = 5,
    unit: str = "word",
    seed: int = 1,
    params: tuple[int, int] | None = None,
):
    """Pure-Python twin of :func:`asimtext.near_duplicates` (same pairs, clusters, params)."""
    if isinstance(threshold, str) or not isinstance(threshold, (int, float)):
        raise ArgumentTypeError(f"threshold must be a number, not {type(threshold).__name__}")
    if not 0.0 < threshold <= 1.0:
        raise ArgumentError(f"threshold must be in (0, 1], got {threshold}")
    _check_int(num_perm, "num_perm", 2, 2048)
    hasher = MinHasher(num_perm=num_perm, ngram=ngram, unit=unit, seed=seed)
    texts = [check_text(t, f"texts[{i}]") for i, t in enumerate(texts)]
    if params is None:
        bands, rows = default_lsh_params(threshold, num_perm)
    else:
        bands, rows = params
        if bands < 1 or rows < 1 or bands * rows > num_perm:
            raise ArgumentError(f"params: bands * rows must be between 1 and {num_perm}")
    sets = []
    sigs = []
    for t in texts:
        sh = hasher.shingles(t)
        sets.append(sorted({element_hash(s.encode("utf-8")) for s in sh}))
        sigs.append(hasher.signature_from_tokens(sh))
    return near_duplicates_of_sketches(sets, sigs, threshold, num_perm, bands, rows)


def near_duplicates_of_sketches(sets: list, sigs: list, threshold: float, num_perm: int,
                                bands: int, rows: int):
    """:func:`near_duplicates` of texts already sketched: ``sets[i]`` the sorted
    shingle hashes of text ``i``, ``sigs[i]`` its signature (arguments checked)."""
    n_texts = len(sets)
    # Each text is compared with the BUCKET_WINDOW texts after it in a bucket
    # (by index): a bucket of m texts costs at most m * BUCKET_WINDOW pairs.
    cands = set()
    capped = 0
    for band in range(bands):
        buckets: dict = {}
        for d, sig in enumerate(sigs):
            if sets[d]:
                key = band_hash(band, sig[band * rows : (band + 1) * rows].tolist())
                buckets.setdefault(key, []).append(d)
        for docs in buckets.values():
            capped += len(docs) > BUCKET_WINDOW + 1
            for x in range(len(docs)):
                for y in range(x + 1, min(len(docs), x + 1 + BUCKET_WINDOW)):
                    cands.add((docs[x], docs[y]))
    pairs = []
    for i, j in sorted(cands):
        a, b = set(sets[i]), set(sets[j])
        inter = len(a & b)
        exact = inter / (len(a) + len(b) - inter)
        if exact >= threshold:
            est = float(np.count_nonzero(sigs[i] == sigs[j])) / float(num_perm)
            pairs.append((i, j, est, exact))
    parent = list(range(n_texts))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, _, _ in pairs:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    groups: dict = {}
    for i in sorted({k for p in pairs for k in p[:2]}):
        groups.setdefault(find(i), []).append(i)
    clusters = sorted(groups.values(), key=lambda c: c[0])
    return NearDuplicates(
        pairs=pairs, clusters=clusters, params=(bands, rows), candidates=len(cands), capped_buckets=capped
    )
