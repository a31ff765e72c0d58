"""Type stubs of the Rust extension `asimtext._core`."""

from typing import Iterable, Literal

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
) -> tuple[str, list[int]]: ...
def normalize_batch(
    texts: Iterable[str],
    *,
    form: Form = "canonical",
    ascii_digits: bool = False,
    ascii_punctuation: bool = False,
    fix_mojibake: bool = False,
    fold_vowel_length: bool = False,
    errors: Errors = "strict",
) -> list[str]: ...

# ---- spans (issue 4) ----
import datetime as _datetime

SpanKind = Literal[
    "datetime", "date", "time", "year", "weekday", "duration", "percent", "money", "ordinal", "number"
]
ReferenceDate = _datetime.date | str | None

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
    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        kind: SpanKind,
        value: str,
        resolved: str | None = None,
    ) -> None: ...
    def to_dict(self) -> dict[str, int | str | None]: ...
    def __hash__(self) -> int: ...
    def __lt__(self, other: Span) -> bool: ...
    def __le__(self, other: Span) -> bool: ...
    def __gt__(self, other: Span) -> bool: ...
    def __ge__(self, other: Span) -> bool: ...

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
