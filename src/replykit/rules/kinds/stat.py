"""The ``stat`` kind: a statistic of the comment as written (capitals, ``!``, length...)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from replykit.rules.model import Signal
from replykit.text.questions import asked_questions, jabs

if TYPE_CHECKING:
    from replykit.rules.checker import Checker
    from replykit.rules.yamlsrc import KeyPath
    from replykit.triage.walk import Facts

KIND = "stat"
KEYS = ("measure",)
MEASURES = (
    "caps_ratio",
    "exclamations",
    "questions",
    "asked_questions",
    "jabs",
    "length",
    "words",
    "emoji",
    "urls",
    "mentions",
    "repeated_punct",
)


def parse(check: Checker, raw: dict[str, Any], path: KeyPath, common: dict[str, Any]) -> Signal:
    measure = check.choice(raw.get("measure", ""), (*path, "measure"), MEASURES)
    return Signal(**common, measure=measure)


def value(facts: Facts, signal: Signal) -> tuple[float, None]:
    return measure(signal.measure, facts.text, facts.lang), None


def evidence(facts: Facts, signal: Signal, value: float, details: None) -> list[str]:
    return [f"{signal.measure}={value:g}"]


_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\ufe0f]")
_URL = re.compile(r"https?://\S+|\bwww\.\S+")
_MENTION = re.compile(r"(?<!\w)@\w+")
_RUN = re.compile(r"[!?]{2,}")


def measure(name: str, text: str, lang: str = "") -> float:
    """A text statistic of the raw comment (see the `stat` signal kind)."""
    if name == "caps_ratio":
        letters = [c for c in _MENTION.sub("", text) if c.isalpha()]
        return sum(c.isupper() for c in letters) / len(letters) if len(letters) >= 8 else 0.0
    if name == "exclamations":
        return float(text.count("!"))
    if name == "questions":
        return float(text.count("?"))
    if name == "asked_questions":
        return float(asked_questions(text, lang))
    if name == "jabs":
        return float(jabs(text, lang))
    if name == "length":
        return float(len(text))
    if name == "words":
        return float(len(text.split()))
    if name == "emoji":
        return float(len(_EMOJI.findall(text)))
    if name == "urls":
        return float(len(_URL.findall(text)))
    if name == "mentions":
        return float(len(_MENTION.findall(text)))
    if name == "repeated_punct":
        return float(max((len(m) for m in _RUN.findall(text)), default=0))
    raise ValueError(name)
