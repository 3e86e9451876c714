"""The signal kinds: one module per kind, listed explicitly in :data:`REGISTRY`.

Every kind module declares:

- ``KIND``: its name, the value of ``kind:`` in rules.yaml;
- ``KEYS``: the YAML keys it reads besides the common ones (``kind``,
  ``method``, ``description``, ``min``, ``max``);
- ``parse(check, raw, path, common) -> Signal``: its keys validated, with
  located problems reported to ``check``;
- ``value(facts, signal) -> (value, details)``: its value for one comment,
  with whatever :func:`evidence` needs;
- ``evidence(facts, signal, value, details) -> list[str]``: the words or
  values shown when it fired.

Adding a kind is one module here and one line in :data:`REGISTRY`.
"""

from __future__ import annotations

from types import ModuleType

from replykit.rules.kinds import any_of, field, lexicon, pattern, stat, sum_of

REGISTRY: dict[str, ModuleType] = {
    module.KIND: module
    for module in (
        lexicon,
        pattern,
        stat,
        field,
        any_of,
        sum_of,
    )
}
