"""Beside the pipeline, measure: how well the rules route labeled comments.

Holds ``replykit eval`` (``evaluate``: label maps, precision, recall, F1,
confusion matrix) and ``replykit learn`` (``learn``: a weighted lexicon with
cross-validated figures).

May import: the pipeline, ``replykit.formats`` and ``replykit.batch``. Never
``lint`` or ``cli``.
"""
