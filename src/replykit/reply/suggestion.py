"""The Python API: one comment in, a triaged, rendered suggestion out."""

from __future__ import annotations

import copy
import os
import re
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from replykit.errors import UsageError
from replykit.listen import hear
from replykit.listen.model import NOTHING_HEARD, Heard
from replykit.listen.solutions import relevant_solutions
from replykit.reply.cache import render_cached
from replykit.reply.render import PLATFORM_LIMITS, check_templates, render, render_string
from replykit.reply.said import what_we_say
from replykit.reply.variants import variant_number
from replykit.reply.voice import in_our_voice
from replykit.rules.model import Localized, Rules
from replykit.triage.walk import Triage, triage

SCHEMA = "replykit.suggestion/1"
_PROFILE_FIELD = re.compile(r"\bprofile\.(\w+)")


class Reminder(NamedTuple):
    id: str
    method: tuple[str, ...]
    text: str


class Suggestion(NamedTuple):
    """A triaged comment with its public reply, private script and checklist."""

    triage: Triage
    public_reply: str
    private_script: str
    reminders: tuple[Reminder, ...]
    case_ref: str
    author: str
    platform: str
    warnings: tuple[str, ...] = ()
    heard: Heard = NOTHING_HEARD  # what the customer said (docs/heard.md); empty when triaging only
    variant: int = 0  # which phrasing of each move the reply uses (replykit.reply.variants)
    alternatives: tuple[tuple[int, str], ...] = ()  # (variant, public reply) of other phrasings (--variants)

    @property
    def lang(self) -> str:
        return self.triage.lang

    @property
    def outcome(self) -> str:
        return self.triage.outcome.id

    @property
    def category(self) -> str:
        return self.triage.outcome.category

    @property
    def option(self) -> int | None:
        return self.triage.outcome.option

    @property
    def escalate(self) -> bool:
        return self.triage.outcome.escalate

    @property
    def action(self) -> str:
        return self.triage.outcome.action

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON form (schema ``replykit.suggestion/1``, see the README)."""
        return self._as_dict(replies=True)

    def triage_dict(self) -> dict[str, Any]:
        """:meth:`to_dict` without what a triage alone leaves empty (``heard``, the replies and their
        ``variant``), keys in the same order: what ``batch --triage-only`` writes for each comment."""
        return self._as_dict(replies=False)

    def _as_dict(self, replies: bool) -> dict[str, Any]:
        out = self.triage.outcome
        data: dict[str, Any] = {
            "schema": SCHEMA,
            "lang": self.lang,
            "lang_source": self.triage.lang_source,
            "category": out.category,
            "option": out.option,
            "escalate": out.escalate,
            "outcome": out.id,
            "action": out.action,
            "method": list(out.method),
            "topic": self.triage.topic,
            "solutions": list(self.triage.solution_ids),
        }
        if replies:
            data["heard"] = self.heard.to_dict()
        data["path"] = [step.to_dict() for step in self.triage.path]
        if replies:
            data["public_reply"] = self.public_reply
            data["private_script"] = self.private_script
            data["reminders"] = [{"id": r.id, "method": list(r.method), "text": r.text} for r in self.reminders]
        data["case_ref"] = self.case_ref
        if replies:
            data["variant"] = self.variant
        data["author"], data["platform"] = self.author, self.platform
        data["warnings"] = list(self.triage.notes + self.warnings)
        if self.alternatives:
            data["alternatives"] = self.alternative_dicts()
        return data

    def alternative_dicts(self) -> list[dict[str, Any]]:
        """``reply --variants N``: this reply and the others, as ``{"variant", "public_reply"}``."""
        both = ((self.variant, self.public_reply), *self.alternatives)
        return [{"variant": variant, "public_reply": text} for variant, text in both]


def suggest(
    text: str,
    *,
    rules: Rules | None = None,
    author: str | None = None,
    platform: str | None = None,
    lang: str | None = None,
    fields: dict[str, Any] | None = None,
    variables: dict[str, str] | None = None,
    templates: str | Path | None = None,
    render_replies: bool = True,
    reuse_renders: bool = False,
    alternative: int = 0,
    heard: Heard | None = None,
) -> Suggestion:
    """Triage ``text`` and render its public reply and private follow-up script.

    Args:
        text: the comment, as posted (untrusted: it is never rendered as a template).
        rules: compiled rules; the discovered rules file when None.
        author: the commenter's name or handle, used in the greeting.
        platform: where it was posted (``x``, ``facebook``...); sets the length limit.
        lang: ``"fr"`` or ``"en"`` to force the reply language.
        fields: record fields (likes, shares, followers...) for field signals.
        variables: overrides: profile keys (``brand=Acme``), ``policy.NAME=false``, ``case_ref=...``.
        templates: the templates folder; see :func:`templates_dir_for`.
        render_replies: False to triage only (faster, replies left empty).
        reuse_renders: reuse earlier renders of the same context where exact
            (see replykit.reply.cache); pays off over many comments, not one.
        alternative: 0 for the reply of this comment; 1, 2... for other phrasings of it
            (``reply --variants``; ``batch`` when a text was already given).
        heard: what the customer said, instead of asking the listening stage (tests,
            or a caller with its own extraction).

    Raises:
        InputError: the comment is empty.
        RulesError, TemplateError, UsageError: the configuration is broken.
    """
    found = draft(
        text,
        rules=rules,
        author=author,
        platform=platform,
        lang=lang,
        fields=fields,
        variables=variables,
        templates=templates,
        render_replies=render_replies,
        reuse_renders=reuse_renders,
        heard=heard,
    )
    return found.phrased(alternative)


class Draft(NamedTuple):
    """A comment triaged and heard, its context built: a suggestion but for its wording.

    The wording (``variant``) is the only thing alternatives change, so a caller
    that tries several (``batch`` avoiding a text it already gave) triages and
    listens once, then asks :meth:`public_reply` for each alternative.
    """

    rules: Rules
    result: Triage
    case_ref: str
    author: str
    platform: str
    heard: Heard
    context: dict[str, Any] | None  # None when triaging only
    folder: Path | None
    reuse_renders: bool

    def context_for(self, alternative: int) -> dict[str, Any]:
        """The template context of phrasing ``alternative``: the variant, and the solution it words."""
        assert self.context is not None
        variant = variant_number(self.case_ref, alternative)
        if variant == self.context["variant"]:
            return self.context
        context = {**self.context, "variant": variant}
        if context["solution"] is not None:  # which solution does not depend on the variant; its words may
            context["solution"] = _solution(self.rules, self.result, context)
        return context

    def public_reply(self, alternative: int = 0) -> str:
        """The public reply of phrasing ``alternative`` ("" when triaging only)."""
        if self.context is None or self.folder is None:
            return ""
        return self._render("public", self.context_for(alternative))

    def phrased(self, alternative: int = 0) -> Suggestion:
        """The whole suggestion, worded with phrasing ``alternative``."""
        result, case_ref, author, platform = self.result, self.case_ref, self.author, self.platform
        if self.context is None:
            return Suggestion(result, "", "", (), case_ref, author, platform)
        context = self.context_for(alternative)
        public, private = self._render("public", context), self._render("private", context)
        warnings = _profile_warnings(context["profile"]) + _length_warnings(public, platform, result.lang)
        reminders = reminders_for(self.rules, result)
        variant = context["variant"]
        return Suggestion(result, public, private, reminders, case_ref, author, platform, warnings, self.heard, variant)

    def _render(self, kind: str, context: dict[str, Any]) -> str:
        assert self.folder is not None
        result = self.result
        if self.reuse_renders:
            return render_cached(self.folder, result.outcome, kind, result.lang, context)
        return render(self.folder, result.outcome, kind, result.lang, context)


def draft(
    text: str,
    *,
    rules: Rules | None = None,
    author: str | None = None,
    platform: str | None = None,
    lang: str | None = None,
    fields: dict[str, Any] | None = None,
    variables: dict[str, str] | None = None,
    templates: str | Path | None = None,
    render_replies: bool = True,
    reuse_renders: bool = False,
    heard: Heard | None = None,
) -> Draft:
    """Triage ``text``, hear it and build its template context: :func:`suggest` before the wording.

    Takes the keyword arguments of :func:`suggest` but ``alternative``; raises as it does.
    """
    if rules is None:
        from replykit.rules.load import load_rules

        rules = load_rules()
    variables = dict(variables or {})
    rules = _with_policy_overrides(rules, variables)
    result = triage(rules, text, lang=lang, fields=fields)
    case_ref = variables.pop("case_ref", "") or case_reference(text)
    author, platform = signed_by(author, platform)
    if not render_replies:
        return Draft(rules, result, case_ref, author, platform, NOTHING_HEARD, None, None, reuse_renders)
    if heard is None:
        heard = hear(rules, text, result)
    result = result._replace(solution_ids=relevant_solutions(rules, result, heard))
    rating_only = not text.strip()  # the triage answered an empty comment: it carries a star rating
    variant = variant_number(case_ref)
    context = build_context(rules, result, author, platform, case_ref, variables, heard, variant, text, rating_only)
    folder = templates_dir_for(rules, templates)
    check_templates(rules.outcomes, folder, rules.checked_templates)
    return Draft(rules, result, case_ref, author, platform, heard, context, folder, reuse_renders)


def suggest_with_alternatives(text: str, count: int, **options: Any) -> Suggestion:
    """The suggestion for ``text``, carrying up to ``count - 1`` other public replies in ``alternatives``."""
    found = suggest_variants(text, count, **options)
    return found[0]._replace(alternatives=tuple((s.variant, s.public_reply) for s in found[1:]))


def suggest_variants(text: str, count: int, **options: Any) -> list[Suggestion]:
    """Up to ``count`` suggestions for ``text`` whose public replies differ, the usual one first.

    Alternatives are tried in order (``alternative`` 0, 1, 2...); one whose public reply
    repeats an earlier one is skipped. Fewer come back when the templates cannot say it
    differently (a comment that needs no public reply, a template without variants).
    Takes the keyword arguments of :func:`suggest`.
    """
    found: list[Suggestion] = []
    seen: set[str] = set()
    for alternative in range(max(count, 1) * 4):
        result = suggest(text, alternative=alternative, **options)
        if result.public_reply not in seen or not found:
            seen.add(result.public_reply)
            found.append(result)
        if len(found) >= count:
            break
    return found


def signed_by(author: str | None, platform: str | None) -> tuple[str, str]:
    """The author and the platform as a suggestion keeps them (``Suggestion.author``, ``.platform``)."""
    return (author or "").strip(), (platform or "").strip().lower()


def parse_vars(items: Iterable[str]) -> dict[str, str]:
    """``["brand=Acme", "policy.x=false"]`` as a dict, for ``suggest(variables=...)``.

    Raises:
        UsageError: an item is not ``KEY=VALUE``.
    """
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--var {item!r}: expected KEY=VALUE, for example brand=Acme")
        out[key.strip()] = value
    return out


def case_reference(text: str) -> str:
    """A short, stable reference for the case: the same comment gives the same one."""
    return f"RK-{zlib.crc32(text.encode('utf-8', 'replace')) & 0xFFFFFF:06X}"


def templates_dir_for(rules: Rules, explicit: str | Path | None = None) -> Path:
    """``--templates``, else the rules' ``templates:`` key, else ``templates/`` beside
    the rules file, else the packaged defaults (looked up once per folder and rules)."""
    memo: dict[tuple[str, str], Path] = rules.__dict__.setdefault("_templates_dirs", {})
    key = (str(explicit or ""), os.getcwd())
    if key not in memo:
        memo[key] = _find_templates_dir(rules, explicit)
    return memo[key]


def _find_templates_dir(rules: Rules, explicit: str | Path | None) -> Path:
    if explicit:
        folder = Path(explicit)
    else:
        base = Path(rules.source).parent
        folder = base / rules.templates_dir if rules.templates_dir else base / "templates"
        if not rules.templates_dir and not folder.is_dir():
            from replykit.rules.find import defaults_dir

            folder = defaults_dir() / "templates"
    if not folder.is_dir():
        raise UsageError(f"{folder}: templates folder not found")
    return folder


def build_context(
    rules: Rules,
    result: Triage,
    author: str,
    platform: str,
    case_ref: str,
    variables: dict[str, str],
    heard: Heard = NOTHING_HEARD,
    variant: int = 0,
    text: str = "",
    rating_only: bool = False,
) -> dict[str, Any]:
    """The variables every template receives (documented in docs/templates.md).

    ``text`` (the comment) is only read for the framing of facts already heard
    ("£400 over the quote") and to name a crisis incident; it is never rendered. ``rating_only``: the
    comment is a star rating with no words (``said.rating_only``).
    """
    lang = result.lang
    profile = {key: _localize(value, lang) for key, value in rules.profile.items()}
    for key, value in variables.items():
        name = key.removeprefix("profile.")
        if not key.startswith("policy."):
            if name not in profile:
                from replykit.rules.checker import did_you_mean

                raise UsageError(f"--var {key}: unknown profile key: {did_you_mean(name, tuple(profile))}")
            profile[name] = value
    limit = PLATFORM_LIMITS.get(platform)
    context = {
        "profile": profile,
        "author": author,
        "platform": platform,
        "short": limit is not None and limit <= 300,
        "max_length": limit or 0,
        "case_ref": case_ref,
        "lang": lang,
        "topic": result.topic,
        "heard": heard_context(heard, lang),
        "said": said_context(heard, result, text, rating_only),
        "variant": variant,
        "outcome": _outcome_vars(result, lang),
        "policy": dict(rules.policy),
        "solution": None,
    }
    context["solution"] = _solution(rules, result, context)
    return context


def heard_context(heard: Heard, lang: str) -> dict[str, Any]:
    """``heard`` as templates read it: ``Heard.context()``, the question also in our voice (``ask.ours``)."""
    data = heard.context()
    if data["ask"] is not None:
        data["ask"]["ours"] = in_our_voice(data["ask"]["clause"], lang)
    return data


def said_context(heard: Heard, result: Triage, text: str, rating_only: bool = False) -> dict[str, Any]:
    """``said`` as templates read it: ``what_we_say()``, with aspects as plain dicts."""
    said = what_we_say(heard, result, text, rating_only)
    praised = said["praised"]
    said["praised"] = heard.context()["praised"] if praised is not None else None
    return said


def _outcome_vars(result: Triage, lang: str) -> dict[str, Any]:
    out = result.outcome
    return {
        "id": out.id,
        "category": out.category,
        "option": out.option,
        "escalate": out.escalate,
        "action": out.action,
        "method": list(out.method),
        "label": out.label.get(lang, out.id),
    }


def _solution(rules: Rules, result: Triage, context: dict[str, Any]) -> dict[str, str] | None:
    for solution in rules.solutions:
        if solution.id in result.solution_ids and not _names_an_empty_field(solution.answer[result.lang], context):
            answer = render_string(solution.answer[result.lang], context)
            return {"id": solution.id, "answer": answer, "link": solution.link}
    return None


def _names_an_empty_field(answer: str, context: dict[str, Any]) -> bool:
    # "follow your order from {{ profile.website }}" is no answer for a business
    # that left its website out (replykit init): the reply goes on without it.
    return any(not context["profile"].get(name) for name in _PROFILE_FIELD.findall(answer))


def _localize(value: Localized, lang: str) -> str:
    if isinstance(value, str):
        return value
    return value.get(lang) or next(iter(value.values()), "")


def _with_policy_overrides(rules: Rules, variables: dict[str, str]) -> Rules:
    overrides = {k.removeprefix("policy."): v for k, v in variables.items() if k.startswith("policy.")}
    if not overrides:
        return rules
    # One copy per set of overrides: a batch asks for the same one on every record.
    variants: dict[Any, Rules] = rules.__dict__.setdefault("_policy_variants", {})
    key = tuple(sorted(overrides.items()))
    if key not in variants:
        variants[key] = _policy_variant(rules, overrides)
    return variants[key]


def _policy_variant(rules: Rules, overrides: dict[str, str]) -> Rules:
    policy = dict(rules.policy)
    for name, value in overrides.items():
        if name not in policy:
            raise UsageError(f"--var policy.{name}: unknown policy (known: {', '.join(policy)})")
        if value.lower() not in ("true", "false", "yes", "no", "1", "0"):
            raise UsageError(f"--var policy.{name}={value}: expected true or false")
        policy[name] = value.lower() in ("true", "yes", "1")
    changed = copy.copy(rules)
    changed.policy = policy
    changed.__dict__.pop("_policy_variants", None)
    return changed


def reminders_for(rules: Rules, result: Triage) -> tuple[Reminder, ...]:
    out = result.outcome
    return tuple(
        Reminder(r.id, r.method, r.text[result.lang])
        for r in rules.reminders
        if (not r.categories or out.category in r.categories) and (out.escalate or not r.escalate_only)
    )


def _profile_warnings(profile: dict[str, Any]) -> tuple[str, ...]:
    from replykit.rules.example import example_fields, example_warning

    message = example_warning(example_fields(profile))
    return (message,) if message else ()


def _length_warnings(public: str, platform: str, lang: str) -> tuple[str, ...]:
    limit = PLATFORM_LIMITS.get(platform)
    if limit and len(public) > limit:
        return (f"the public reply has {len(public)} characters, over the {limit} allowed on {platform}",)
    return ()
