"""Stage 4, listen: what the customer actually said (empty for now).

The next issues put here what a reply is composed from: the facts a comment
states (an order number, a date, what went wrong), read after triage.

May import: ``replykit.errors``, ``replykit.text``, ``replykit.rules``,
``replykit.triage``.
"""
