"""Copy the default rules and templates into a folder for the user to edit."""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

from replykit.errors import UsageError
from replykit.rules.find import defaults_dir
from replykit.rules.load import compile_rules

PROFILE_FIELDS = ("brand", "signature", "phone", "email", "website", "hours", "dm", "default_lang")
# The fields that name the example business: given one of them, the others not given are left out
# rather than kept, so a new profile never mixes the user's details with the example's.
IDENTIFYING = ("brand", "signature", "phone", "email", "website", "hours")
# One included lexicon per trade (lexicons/NAME.yaml, signal NAME_terms), in the default order.
SECTORS = ("food", "beauty", "fitness", "building", "shop", "freelance", "hotel")
# The listening stage's vocabularies (listening/NAME.yaml): every trade keeps them.
LISTENING = ("aspects", "cues")
# Other names people give their trade, in both languages.
_ALIASES = {
    **dict.fromkeys(("restaurant", "cafe", "bakery", "boulangerie", "patisserie", "traiteur"), "food"),
    **dict.fromkeys(
        ("salon", "hair", "hairdresser", "barber", "coiffure", "coiffeur", "beaute", "esthetique"), "beauty"
    ),
    **dict.fromkeys(("gym", "sport", "salle", "coach"), "fitness"),
    **dict.fromkeys(("trades", "plumber", "electrician", "builder", "artisan", "plombier", "batiment"), "building"),
    **dict.fromkeys(("boutique", "ecommerce", "e-commerce", "retail", "store"), "shop"),
    **dict.fromkeys(("web", "design", "designer", "photographer", "freelancer", "graphiste"), "freelance"),
    **dict.fromkeys(("hotels", "b&b", "bnb", "gite", "chambres d'hotes"), "hotel"),
}
_INCLUDE = re.compile(r"(?m)^include: \[[^\]]*\]\n")
_UNION = re.compile(r"(?m)^    signals: \[business_terms, [^\]]*\]\n")


def init_project(
    target: Path, profile: dict[str, str], *, force: bool = False, sectors: tuple[str, ...] = SECTORS
) -> list[Path]:
    """Write ``rules.yaml``, ``templates/``, ``listening/`` and the chosen trades' ``lexicons/`` into ``target``.

    Returns the files written.

    Raises:
        UsageError: a file exists and ``force`` is False, ``target`` is not a folder, or a sector is unknown.
    """
    source = defaults_dir()
    if target.exists() and not target.is_dir():
        raise UsageError(f"{target}: exists and is not a folder")
    rules_text = set_sectors(set_profile((source / "rules.yaml").read_text("utf-8"), profile), sectors)
    plan = {target / "rules.yaml": rules_text}
    for sector in sectors:
        plan[target / "lexicons" / f"{sector}.yaml"] = (source / "lexicons" / f"{sector}.yaml").read_text("utf-8")
    for name in LISTENING:
        plan[target / "listening" / f"{name}.yaml"] = (source / "listening" / f"{name}.yaml").read_text("utf-8")
    for template in sorted((source / "templates").rglob("*.j2")):
        plan[target / "templates" / template.relative_to(source / "templates")] = template.read_text("utf-8")
    existing = [path for path in plan if path.exists()]
    if existing and not force:
        names = ", ".join(str(p) for p in existing[:3]) + (" ..." if len(existing) > 3 else "")
        raise UsageError(f"{names}: already exists; nothing was written (use --force to overwrite)")
    # never write broken rules; the included lexicons are read beside the defaults, identical
    compile_rules(rules_text, str(source / "rules.yaml"))
    for path, text in plan.items():
        write_atomic(path, text)
    return list(plan)


def parse_sectors(value: str) -> tuple[str, ...]:
    """``food,beauty`` -> the sectors, in the default order; an unknown name is a UsageError."""
    from replykit.rules.checker import did_you_mean

    names = [_ALIASES.get(n, n) for n in (name.strip().lower() for name in value.split(",")) if n]
    for name in names:
        if name not in SECTORS:
            raise UsageError(f"--sector: unknown sector '{name}': {did_you_mean(name, SECTORS)}")
    if not names:
        raise UsageError(f"--sector: name at least one of: {', '.join(SECTORS)}")
    return tuple(s for s in SECTORS if s in names)


def set_sectors(rules_text: str, sectors: tuple[str, ...]) -> str:
    """Keep only the chosen trades in ``include:`` and in the ``service_terms`` union."""
    if tuple(sectors) == SECTORS:
        return rules_text
    if not _INCLUDE.search(rules_text) or not _UNION.search(rules_text):
        raise UsageError("the default rules.yaml has no trade lexicons to choose from")
    files = ", ".join([*(f"lexicons/{s}.yaml" for s in sectors), *(f"listening/{n}.yaml" for n in LISTENING)])
    members = ", ".join(["business_terms", *(f"{s}_terms" for s in sectors)])
    rules_text = _INCLUDE.sub(f"include: [{files}]\n", rules_text, count=1)
    return _UNION.sub(f"    signals: [{members}]\n", rules_text, count=1)


def complete_profile(given: dict[str, str | None]) -> dict[str, str]:
    """The profile values ``init`` writes, from those the user gave (None: not given).

    Nothing given keeps the example profile whole (replies then warn about it).
    Once one identifying field is given, the others not given are left out
    (empty); the signature defaults to the brand. ``dm`` and ``default_lang``
    keep the defaults unless given.
    """
    values = {key: value.strip() for key, value in given.items() if value is not None}
    if not any(key in values for key in IDENTIFYING):
        return values
    if values.get("brand") and "signature" not in values:
        values["signature"] = values["brand"]
    return {**dict.fromkeys(IDENTIFYING, ""), **values}


def set_profile(rules_text: str, values: dict[str, str]) -> str:
    """Replace profile entries in the YAML text, keeping every comment and the layout; "" empties one."""
    for key, value in values.items():
        if key not in PROFILE_FIELDS:
            raise UsageError(f"unknown profile field '{key}'")
        if key == "default_lang" and value not in ("en", "fr"):
            raise UsageError(f"--default-lang: '{value}' is not a reply language (en or fr)")
        rules_text = _replace_profile_key(rules_text, key, value)
    return rules_text


def _replace_profile_key(text: str, key: str, value: str) -> str:
    # The key's line and any more-indented continuation lines under it.
    entry = re.compile(rf"(?m)^(  {key}:)[^\n]*\n(?:    [^\n]*\n)*")
    profile = re.search(r"(?m)^profile:\n(?:(?: [^\n]*)?\n)*", text)
    if not profile:
        raise UsageError("the default rules.yaml has no profile section")
    block = entry.sub(lambda m: f"{m.group(1)} {json.dumps(value, ensure_ascii=False)}\n", profile.group(), count=1)
    return text[: profile.start()] + block + text[profile.end() :]


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file and rename, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
