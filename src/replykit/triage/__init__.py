"""Stage 3, triage: one comment through the compiled decision tree.

Holds language detection (``language``), the signal values of one comment
(``facts``) and the walk from the first node to an outcome (``walk``).

May import: ``replykit.errors``, ``replykit.text``, ``replykit.rules``.
"""
