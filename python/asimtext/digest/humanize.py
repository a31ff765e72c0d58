"""Values as people write them: ``INR 20000000`` -> ``₹2 crore`` / ``₹2 करोड़``,
``PT30M`` -> ``30 minutes``, ``2022-01-15`` -> ``15 January 2022``.

The digest's data keeps normalized values (ISO 8601 dates and durations, ISO
4217 currency codes, plain decimals) so that programs can compare them; these
functions are for the page a person reads. ``lang`` is ``"hi"`` or anything
else (English): Hindi gets Hindi month names and units and the Indian
lakh/crore scale, as Hindi papers print them; English for India keeps
lakh/crore for rupees (as Indian English papers do) and millions otherwise.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Optional

__all__ = ["human_value", "human_date", "human_number", "human_duration", "human_money",
           "KIND_WORDS"]

_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_MONTHS_HI = ("जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर",
              "अक्टूबर", "नवंबर", "दिसंबर")
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

#: Plain words for the kinds of values (the page's legend and labels).
KIND_WORDS = {
    "date": "date",
    "datetime": "date and time",
    "year": "year",
    "time": "time of day",
    "duration": "duration",
    "money": "amount of money",
    "percent": "percentage",
    "number": "number",
    "ordinal": "rank",
}

_CURRENCY = {"INR": "₹", "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "¥"}

# ISO 8601 duration units: (English singular, English plural, Hindi)
_DURATION_UNITS = {
    "Y": ("year", "years", "साल"),
    "M": ("month", "months", "महीने"),
    "W": ("week", "weeks", "हफ़्ते"),
    "D": ("day", "days", "दिन"),
    "H": ("hour", "hours", "घंटे"),
    "TM": ("minute", "minutes", "मिनट"),
    "S": ("second", "seconds", "सेकंड"),
}
_DURATION = re.compile(
    r"^P(?:(?P<Y>[\d.]+)Y)?(?:(?P<M>[\d.]+)M)?(?:(?P<W>[\d.]+)W)?(?:(?P<D>[\d.]+)D)?"
    r"(?:T(?:(?P<H>[\d.]+)H)?(?:(?P<TM>[\d.]+)M)?(?:(?P<S>[\d.]+)S)?)?$"
)


def _is_hi(lang: Optional[str]) -> bool:
    return bool(lang) and lang.lower().startswith("hi")


def _trim(x: float) -> str:
    """``2.0`` -> ``2``, ``1.50`` -> ``1.5``, at most two decimals."""
    s = f"{x:.2f}".rstrip("0").rstrip(".")
    return s if s != "-0" else "0"


def _group_indian(digits: str) -> str:
    """``1500000`` -> ``15,00,000`` (the Indian grouping)."""
    if len(digits) <= 3:
        return digits
    head, tail = digits[:-3], digits[-3:]
    parts = []
    while len(head) > 2:
        parts.insert(0, head[-2:])
        head = head[:-2]
    if head:
        parts.insert(0, head)
    return ",".join(parts) + "," + tail


def human_number(value: str, lang: Optional[str] = None) -> str:
    """A plain number with digit grouping: ``1,500,000`` (English) or ``15,00,000``
    (Hindi); values that are not numbers are returned unchanged."""
    try:
        x = float(value)
    except ValueError:
        return value
    neg = x < 0
    x = abs(x)
    whole = int(x)
    frac = _trim(x - whole)[1:] if x != whole else ""
    digits = str(whole)
    grouped = _group_indian(digits) if _is_hi(lang) else f"{whole:,}"
    return ("-" if neg else "") + grouped + frac


def _scaled(x: float, indian: bool, hi: bool) -> str:
    if indian:
        for size, en, hindi in ((1e7, "crore", "करोड़"), (1e5, "lakh", "लाख")):
            if x >= size:
                return f"{_trim(x / size)} {hindi if hi else en}"
    else:
        for size, en in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
            if x >= size:
                return f"{_trim(x / size)} {en}"
    return human_number(_trim(x), "hi" if hi else "en")


def human_money(value: str, lang: Optional[str] = None) -> str:
    """``INR 20000000`` -> ``₹2 crore`` (``₹2 करोड़`` in Hindi), ``USD 3000000`` ->
    ``$3 million``."""
    m = re.match(r"^([A-Z]{3})\s+(-?[\d.]+)$", value.strip())
    if not m:
        return value
    code, amount = m.group(1), float(m.group(2))
    symbol = _CURRENCY.get(code, code + " ")
    hi = _is_hi(lang)
    return symbol + _scaled(amount, indian=(code == "INR" or hi), hi=hi)


def human_duration(value: str, lang: Optional[str] = None) -> str:
    """``PT30M`` -> ``30 minutes``, ``P2Y`` -> ``2 years`` (``2 साल``),
    ``PT1.5H`` -> ``1.5 hours``."""
    m = _DURATION.match(value.strip())
    if not m or not any(m.groupdict().values()):
        return value
    hi = _is_hi(lang)
    parts = []
    for unit, (one, many, hindi) in _DURATION_UNITS.items():
        n = m.group(unit)
        if n is None:
            continue
        n = _trim(float(n))
        parts.append(f"{n} {hindi if hi else (one if n == '1' else many)}")
    return " ".join(parts)


def _month(n: int, hi: bool) -> str:
    return (_MONTHS_HI if hi else _MONTHS_EN)[n - 1]


def human_date(value: str, lang: Optional[str] = None, weekday: bool = False) -> str:
    """``2022-01-15`` -> ``15 January 2022`` (``15 जनवरी 2022``); ``2022-01`` ->
    ``January 2022``; ``--01-15`` -> ``15 January`` (year not stated);
    ``2022-01-11T11:27+05:30`` -> ``11 January 2022, 11:27``."""
    hi = _is_hi(lang)
    v = value.strip()
    m = re.match(r"^--(\d\d)-(\d\d)$", v)
    if m:
        return f"{int(m.group(2))} {_month(int(m.group(1)), hi)}"
    m = re.match(r"^(\d{4})-(\d\d)$", v)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{_month(int(m.group(2)), hi)} {m.group(1)}"
    m = re.match(r"^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d:\d\d))?", v)
    if m:
        try:
            d = _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return value
        s = f"{d.day} {_month(d.month, hi)} {d.year}"
        if weekday and not hi:
            s = f"{_WEEKDAYS_EN[d.weekday()]} {s}"
        if m.group(4):
            s += f", {m.group(4)}"
        return s
    return value


def short_date(d: _dt.date, lang: Optional[str] = None) -> str:
    """``8 Jan`` (an axis label)."""
    month = _month(d.month, _is_hi(lang))
    return f"{d.day} {month if _is_hi(lang) else month[:3]}"


def date_span(first: Optional[str], last: Optional[str], lang: Optional[str] = None) -> str:
    """``10–11 January 2022``, ``28 February – 3 March 2020``, or one date."""
    a, b = _parse_day(first), _parse_day(last)
    if a is None and b is None:
        return ""
    if a is None or b is None or a == b:
        return human_date((a or b).isoformat(), lang)  # type: ignore[union-attr]
    if a > b:
        a, b = b, a
    hi = _is_hi(lang)
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b.day} {_month(a.month, hi)} {a.year}"
    if a.year == b.year:
        return f"{a.day} {_month(a.month, hi)} – {b.day} {_month(b.month, hi)} {a.year}"
    return f"{human_date(a.isoformat(), lang)} – {human_date(b.isoformat(), lang)}"


def _parse_day(value: Optional[str]) -> Optional[_dt.date]:
    if not value or len(value) < 10:
        return None
    try:
        return _dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def human_value(kind: str, value: str, lang: Optional[str] = None) -> str:
    """A fact's value as people write it (see the module documentation)."""
    if value is None:
        return ""
    value = str(value)
    if kind in ("date", "datetime"):
        return human_date(value, lang)
    if kind == "year":
        return value
    if kind == "time":
        return value[1:] if value.startswith("T") else value
    if kind == "duration":
        return human_duration(value, lang)
    if kind == "money":
        return human_money(value, lang)
    if kind == "percent":
        return human_number(value, lang) + ("%" if not _is_hi(lang) else " प्रतिशत")
    if kind == "ordinal":
        n = value
        if _is_hi(lang):
            return f"{n}वां"
        suffix = "th" if n[-2:] in ("11", "12", "13") else {"1": "st", "2": "nd", "3": "rd"}.get(
            n[-1:], "th")
        return n + suffix
    if kind == "number":
        return human_number(value, lang)
    return value
