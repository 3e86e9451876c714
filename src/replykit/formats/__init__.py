"""Every printed form: one function per format.

Holds the reply as text panels, Markdown and JSON (``text``, ``markdown``,
``jsonout``), batch JSON lines, CSV, table and summary (``batchout``), eval and
learn reports (``evalout``, ``learnout``), lint problems (``lintout``), a
draft's review (``checkout``) and the decision tree (``tree``); ``labels`` holds
the labels of the reply's text and Markdown forms and of the batch table and
summary, in each reply language.

May import: the pipeline (``errors``, ``text``, ``rules``, ``triage``,
``reply``); the data types of ``batch``, ``measure`` and ``lint`` only for
type checking. Never ``cli``.
"""
