"""Stage 2, rules: a rules.yaml file found, validated and compiled.

Holds finding the file and the packaged defaults (``find``), loading and
caching (``load``), YAML with positions (``yamlsrc``), the validation helper
(``checker``) and schema (``schema``), the ``signals:`` section
(``signals``) and the signal kinds, one module each with its keys, parser,
value and evidence (``kinds``), ``when`` conditions (``conditions``), tree
checks (``graph``), ``include:`` (``includes``), the compiled model
(``model``) and ``replykit init``'s scaffold (``scaffold``).

May import: ``replykit.errors``, ``replykit.text``. Never a later stage.
"""
