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

# --- cross-script matching key (asimtext_core::xscript) ---

def xscript_key(word: str, *, errors: Errors = "strict") -> str: ...
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
