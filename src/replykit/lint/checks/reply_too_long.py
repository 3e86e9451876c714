"""A public reply must fit the platform once rendered (280 characters on X).

Every outcome's public template is rendered for X, Bluesky and Threads with a
50-character author name, each topic and each quick fix; the longest result
must stay within the platform's limit.

Passing::

    {% if short %}Sorry about {{ topic }}: call {{ profile.phone }}.{% else %}...{% endif %}

Failing::

    {{ profile.signature }} {{ solution.answer }} ... (a long text with no short variant)
    # public reply has 412 characters on x (limit 280)
"""

from __future__ import annotations

from collections.abc import Iterator

from replykit.errors import ReplykitError
from replykit.lint.problem import Problem
from replykit.lint.target import Target

ID = "reply-too-long"
LEVEL = "error"
CHECKED = ("x", "bluesky", "threads")


def check(target: Target) -> Iterator[Problem]:
    from replykit.lint.samples import samples
    from replykit.reply.render import PLATFORM_LIMITS, render, template_name

    rules, folder = target.rules, target.templates_dir
    if rules is None or folder is None:
        return
    worst: dict[tuple[str, str], tuple[int, str]] = {}
    for sample in samples(rules, CHECKED):
        try:
            text = render(folder, sample.outcome, "public", sample.lang, sample.context)
        except ReplykitError:
            continue  # template-syntax and template-undefined report these
        limit = PLATFORM_LIMITS[sample.platform]
        name = template_name(sample.outcome, "public", sample.lang)
        key = (name, sample.platform)
        if len(text) > limit and len(text) > worst.get(key, (0, ""))[0]:
            worst[key] = (len(text), sample.describe())
    for (name, platform), (length, how) in sorted(worst.items()):
        limit = PLATFORM_LIMITS[platform]
        message = f"public reply has {length} characters on {platform} (limit {limit}) with {how}"
        yield Problem(target.display(folder / name), 1, 1, LEVEL, message, ID)
