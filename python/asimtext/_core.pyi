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
