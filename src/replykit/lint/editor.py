"""Open a text in the user's editor ($VISUAL, $EDITOR) and read back what they wrote."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from replykit.errors import UsageError


def edit_text(text: str, *, suffix: str = ".txt") -> str:
    """Let the user rewrite ``text``; returns the saved text (unchanged if they saved nothing new).

    Raises:
        UsageError: no editor could be started, or it failed.
    """
    command = os.environ.get("VISUAL") or os.environ.get("EDITOR") or ("notepad" if os.name == "nt" else "vi")
    fd, name = tempfile.mkstemp(prefix="replykit-", suffix=suffix)
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
        try:
            done = subprocess.run([*shlex.split(command), str(path)], check=False)
        except OSError as exc:
            raise UsageError(f"cannot start the editor '{command}': {exc.strerror or exc} (set $EDITOR)") from None
        if done.returncode != 0:
            raise UsageError(f"the editor '{command}' exited with status {done.returncode}; nothing was changed")
        return path.read_text("utf-8").rstrip("\n")
    finally:
        path.unlink(missing_ok=True)
