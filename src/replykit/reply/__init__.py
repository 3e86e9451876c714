"""Stage 5, reply: a triaged comment turned into replies.

Holds the sandboxed Jinja2 rendering and template checks (``render``), the
batch render cache (``cache``), and ``suggest()`` with its ``Suggestion``
(``suggestion``), the public API's core.

May import: ``replykit.errors``, ``replykit.text``, ``replykit.rules``,
``replykit.triage``, ``replykit.listen``.
"""
