"""Every printed form: one function per format, chosen through ``dispatch``.

Holds the reply as text panels, Markdown and JSON (``text``, ``markdown``,
``jsonout``), the batch table, summary and progress (``batchout``), eval and
learn reports (``evalout``, ``learnout``), lint problems (``lintout``), a
draft's review (``checkout``), the decision tree (``tree``), the one-line
diagnostics on stderr (``diagnostics``) and the table from format names to
these functions (``dispatch``).

May import: the pipeline (``errors``, ``text``, ``rules``, ``triage``,
``reply``); the data types of ``batch``, ``measure`` and ``lint`` only for
type checking. Never ``cli``.
"""
