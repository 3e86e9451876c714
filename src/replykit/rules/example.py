"""The example business of the shipped rules.yaml, and how to tell it is still in use.

The packaged rules.yaml signs replies as a fictional "Atelier Exemple" so that
replykit answers out of the box. Until the user runs ``replykit init``, every
reply would give customers that business's phone, e-mail and website: this
module names the profile fields still equal to the example, for the warning of
``reply`` and ``batch`` and for the ``example-profile`` lint check.
"""

from __future__ import annotations

from collections.abc import Mapping

# The shipped example's identifying values (tests check they match rules.yaml).
# dm, hours and default_lang are left out: their example values are generic
# ("a direct message") and fine for a real business to keep.
EXAMPLE_BRAND = "Atelier Exemple"
EXAMPLE_PROFILE: dict[str, tuple[str, ...]] = {
    "brand": (EXAMPLE_BRAND,),
    "signature": ("Camille, Atelier Exemple", "Camille, de l'Atelier Exemple"),
    "phone": ("+33 1 23 45 67 89",),
    "email": ("contact@atelier-exemple.fr",),
    "website": ("https://atelier-exemple.fr",),
}


def example_fields(profile: Mapping[str, object]) -> list[str]:
    """The profile fields whose value (or one of its translations) is the example business's."""
    return [key for key, examples in EXAMPLE_PROFILE.items() if _values(profile.get(key)) & set(examples)]


def example_warning(fields: list[str]) -> str:
    """The one warning of ``reply`` and ``batch``; empty when no field is the example's."""
    if not fields:
        return ""
    what = "details" if len(fields) == len(EXAMPLE_PROFILE) else ", ".join(fields)
    return f"replies use the example business's {what} ({EXAMPLE_BRAND}); run `replykit init` to use your own"


def is_example_warning(message: str) -> bool:
    """Whether a suggestion's warning is the example-profile one (text output leaves it to stderr)."""
    return message.startswith("replies use the example business's ")


def _values(value: object) -> set[str]:
    if isinstance(value, str):
        return {value.strip()}
    if isinstance(value, Mapping):
        return {str(v).strip() for v in value.values()}
    return set()


def with_overrides(profile: Mapping[str, object], variables: Mapping[str, str]) -> dict[str, object]:
    """The profile as ``--var brand=Acme`` (or ``profile.brand=Acme``) leaves it; policy overrides ignored."""
    out = dict(profile)
    for key, value in variables.items():
        if not key.startswith("policy.") and key != "case_ref":
            out[key.removeprefix("profile.")] = value
    return out
