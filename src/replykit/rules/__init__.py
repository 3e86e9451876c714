"""Stage 2, rules: a rules.yaml file found, validated and compiled.

Holds finding the file and the packaged defaults (``find``), loading and
caching (``load``), YAML with positions (``yamlsrc``), the validation helper
(``checker``) and schema (``schema``), the ``signals:`` section and its
kinds (``signals``), ``when`` conditions (``conditions``), tree checks
(``graph``), ``include:`` (``includes``), the compiled lexicon index
(``matchers``), the compiled model (``model``) and ``replykit init``'s
scaffold (``scaffold``).

May import: ``replykit.errors``, ``replykit.text``. Never a later stage.
"""
