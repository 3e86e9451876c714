"""Labels of the forms for people, one table for every reply language: text, Markdown, batch table and summary.

Every label, panel title, yes and no that :mod:`~replykit.formats.text`,
:mod:`~replykit.formats.markdown` and the batch table and summary of
:mod:`~replykit.formats.batchout` print comes from :data:`LABELS`, so a reply
in French is shown in French from its title to its last warning. French
follows French typography: a space before ``:`` and ``;``.

The fixed warnings of the pipeline (a long comment cut, a reply over a
platform's limit, a regex stopped) are written in English, since JSON carries
them as they are; :func:`warning` says them again in the reply's language
from :data:`WARNINGS`. Any other warning is shown as written. JSON output
never goes through this module.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from replykit.reply.suggestion import Suggestion

DEFAULT = "en"  # the labels of a language this table does not hold

LABELS: dict[str, dict[str, str]] = {
    "en": {
        ":": ":", ";": ";",
        # the triage: panel title, fields, yes and no
        "triage": "Triage", "outcome": "Outcome", "category": "Category", "option": "Option",
        "escalate": "Escalate", "action": "Action", "language": "Language", "method": "Method", "case": "Case",
        "path": "Path", "why": "Why", "yes": "yes", "no": "no",
        # where the language came from (``lang_source``)
        "source.detected": "detected", "source.forced": "forced", "source.default": "default",
        # the other panels
        "public": "Public reply", "alternative": "alternative", "private": "Private follow-up script",
        "before": "Before you post", "warnings": "Warnings",
        "silent": "No public reply: your policy leaves this kind of comment unanswered.",
        # what the listening stage heard: one label per field of docs/heard.md, then a person's stance
        "heard": "Heard", "heard.subject": "subject", "heard.aspects": "aspects", "heard.object": "named",
        "heard.duration": "how long", "heard.repetition": "again", "heard.amount": "amount", "heard.date": "when",
        "heard.reference": "reference (private)",
        "heard.wrote_privately": "wrote to us",
        "heard.line_down": "line down", "heard.channels_tried": "tried", "heard.people": "people",
        "heard.praised": "praised", "heard.ask": "asks",
        "stance.praised": "praised", "stance.blamed": "blamed", "stance.named": "named",
        # the batch table and summary
        "table.line": "Line", "table.id": "ID", "table.esc": "Esc.", "table.comment": "Comment",
        "table.error": "error",
        "table.answered": "already answered",
        "summary.records": "record", "summary.records_p": "records", "summary.errors": "error",
        "summary.errors_p": "errors", "summary.reply": "needs a reply", "summary.reply_p": "need a reply",
        "summary.escalate": "to escalate", "summary.escalation": "ESCALATE", "summary.line": "line",
        "summary.categories": "categories", "summary.outcomes": "outcomes", "summary.topics": "recurring topics",
        "summary.terms": "complaint terms",
    },
    "fr": {
        ":": " :", ";": " ;",
        "triage": "Tri", "outcome": "Résultat", "category": "Catégorie", "option": "Option",
        "escalate": "Escalade", "action": "Action", "language": "Langue", "method": "Méthode", "case": "Dossier",
        "path": "Chemin", "why": "Pourquoi", "yes": "oui", "no": "non",
        "source.detected": "détectée", "source.forced": "imposée", "source.default": "par défaut",
        "public": "Réponse publique", "alternative": "variante", "private": "Suivi en privé",
        "before": "Avant de publier", "warnings": "Avertissements",
        "silent": "Pas de réponse publique : votre politique laisse ce type de commentaire sans réponse.",
        "heard": "Entendu", "heard.subject": "sujet", "heard.aspects": "aspects", "heard.object": "nommé",
        "heard.duration": "durée", "heard.repetition": "répété", "heard.amount": "montant", "heard.date": "quand",
        "heard.reference": "référence (privée)",
        "heard.wrote_privately": "nous a écrit",
        "heard.line_down": "ligne coupée", "heard.channels_tried": "déjà essayé", "heard.people": "personnes",
        "heard.praised": "apprécié", "heard.ask": "demande",
        "stance.praised": "félicité", "stance.blamed": "mis en cause", "stance.named": "nommé",
        "table.line": "Ligne", "table.id": "ID", "table.esc": "Esc.", "table.comment": "Commentaire",
        "table.error": "erreur",
        "table.answered": "déjà répondu",
        "summary.records": "enregistrement", "summary.records_p": "enregistrements", "summary.errors": "erreur",
        "summary.errors_p": "erreurs", "summary.reply": "appelle une réponse",
        "summary.reply_p": "appellent une réponse",
        "summary.escalate": "à escalader", "summary.escalation": "ESCALADE", "summary.line": "ligne",
        "summary.categories": "catégories", "summary.outcomes": "résultats", "summary.topics": "sujets récurrents",
        "summary.terms": "mots des plaintes",
    },
}  # fmt: skip

# The fixed warnings, as the pipeline writes them (English) and as each language says them.
# A ``{name}`` stands for the same words in both; ``{n_...}`` for a number, written the language's way.
WARNINGS: dict[str, dict[str, str]] = {
    "cut": {
        "en": "the comment has {n_count} characters; the first {n_limit} were analysed",
        "fr": "le commentaire fait {n_count} caractères ; seuls les {n_limit} premiers ont été analysés",
    },
    "too_long": {
        "en": "the public reply has {n_count} characters, over the {n_limit} allowed on {platform}",
        "fr": "la réponse publique fait {n_count} caractères, au-delà des {n_limit} autorisés sur {platform}",
    },
    "regex_stopped": {
        "en": "signal '{signal}': regex '{regex}' was stopped after {n_seconds} s on this comment"
        " (see `replykit lint`)",
        "fr": "signal « {signal} » : l'expression régulière « {regex} » a été arrêtée au bout de {n_seconds} s"
        " sur ce commentaire (voir `replykit lint`)",
    },
    "regex_skipped": {
        "en": "signal '{signal}': regex '{regex}' is skipped: it ran past {n_seconds} s {n_times} times"
        " (see `replykit lint`)",
        "fr": "signal « {signal} » : l'expression régulière « {regex} » est désormais ignorée : elle a"
        " dépassé {n_seconds} s {n_times} fois (voir `replykit lint`)",
    },
}
_FIELD = re.compile(r"\{(\w+)\}")


def labels(lang: str) -> Mapping[str, str]:
    """Every label in ``lang`` (English for a language the table does not hold)."""
    return LABELS.get(lang, LABELS[DEFAULT])


def majority_lang(langs: Iterable[str | None]) -> str:
    """The language most of the entries of a batch are in: the one its table and summary speak."""
    counts = Counter(lang for lang in langs if lang)
    return counts.most_common(1)[0][0] if counts else DEFAULT


def heard_lines(result: Suggestion) -> list[tuple[str, str]]:
    """(label, value) for each field heard, in the reply's language; values hold the customer's words."""
    heard, text = result.heard, labels(result.lang)
    lines: list[tuple[str, str]] = []
    if heard.subject:
        lines.append((text["heard.subject"], f"{heard.subject.id} ({heard.subject.words})"))
    others = [a for a in heard.aspects if heard.subject is None or a.id != heard.subject.id]
    if others:
        lines.append((text["heard.aspects"], ", ".join(f"{a.id} ({a.words})" for a in others)))
    if heard.praised:
        lines.append((text["heard.praised"], f"{heard.praised.id} ({heard.praised.words})"))
    for key in ("object", "duration", "repetition", "amount", "date", "reference", "wrote_privately", "line_down"):
        phrase = getattr(heard, key)
        if phrase:
            value = phrase.text if phrase.text == phrase.words else f"{phrase.text} ({phrase.words})"
            lines.append((text[f"heard.{key}"], value))
    if heard.channels_tried:
        lines.append((text["heard.channels_tried"], ", ".join(f"{c.id} ({c.words})" for c in heard.channels_tried)))
    if heard.people:
        people = ", ".join(f"{p.name} ({text['stance.' + p.stance]})" for p in heard.people)
        lines.append((text["heard.people"], people))
    if heard.ask:
        lines.append((text["heard.ask"], f"{heard.ask.kind}{text[':']} {heard.ask.clause or heard.ask.words}"))
    return lines


def warning(message: str, lang: str) -> str:
    """A fixed warning said in ``lang``; any other message, or a language without the warning, as written."""
    for pattern, templates in _patterns():
        found = pattern.fullmatch(message)
        if found and lang in templates:
            values = {k: _number(v, lang) if k.startswith("n_") else v for k, v in found.groupdict().items()}
            return templates[lang].format_map(values)
    return message


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], dict[str, str]], ...]:
    """Each English warning as a regex whose groups catch its ``{fields}``."""
    compiled = []
    for templates in WARNINGS.values():
        parts = _FIELD.split(templates["en"])  # literal, field, literal, field, ..., literal
        source = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts))
        compiled.append((re.compile(source, re.S), templates))
    return tuple(compiled)


def _number(text: str, lang: str) -> str:
    """``20,000`` and ``0.25`` as English writes them, in French ``20 000`` and ``0,25``."""
    if lang != "fr" or not re.fullmatch(r"[\d,]+(\.\d+)?", text):
        return text
    return text.replace(",", " ").replace(".", ",")
