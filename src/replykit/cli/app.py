"""The typer application: registers every command, --version, usage errors as one line.

Each command's body lives in its own module and is imported only when that
command runs, so ``replykit reply`` never pays for what ``replykit tree``
needs (and none of them pays for rich unless it prints to a terminal).
"""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer

from replykit import __version__
from replykit.cli import batch, check, config, eval, initcmd, learn, lint, reply, tree

EXIT_CODES_HELP = (
    "Exit codes: 0 success; 1 the comment cannot be used (empty, not UTF-8), some batch records failed, "
    "or lint, check or eval found problems, or learn skipped records; "
    "2 usage or configuration error (bad option, missing file, invalid rules.yaml or template); "
    "3 internal error; 130 interrupted."
)

app = typer.Typer(
    name="replykit",
    help="Answer negative social-media comments calmly, with a proven method. " + EXIT_CODES_HELP,
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def version_callback(value: bool) -> None:
    if value:
        sys.stdout.write(f"replykit {__version__}\n")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=version_callback, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Answer negative social-media comments calmly, with a proven method."""


# Each command is a plain function in its own module; only this module knows `app`.
app.command()(reply.reply)
app.command()(batch.batch)
app.command()(check.check)
app.command()(config.config)
app.command("eval")(eval.eval_command)
app.command("init")(initcmd.init)
app.command("learn")(learn.learn_command)
app.command()(lint.lint)
app.command()(tree.tree)


def run_app(args: list[str]) -> int:
    """Run the typer app; usage errors become one ``replykit: error:`` line (exit 2)."""
    from replykit.cli.boundary import report

    # click's base error class, wherever this typer version keeps click
    click_error: type[Exception] = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
    try:
        result = app(args=args, prog_name="replykit", standalone_mode=False)
    except click_error as exc:
        return _usage_error(exc)
    except typer.Abort:
        report("interrupted")
        return 130
    return result if isinstance(result, int) else 0


def _usage_error(exc: Any) -> int:
    from replykit.cli.boundary import report

    message = exc.format_message()
    ctx = getattr(exc, "ctx", None)
    if ctx is not None and not message.strip():  # a group called without a command
        sys.stdout.write(ctx.get_help() + "\n")
        return int(exc.exit_code)
    report(message.replace("\n", " "))
    if ctx is not None:
        sys.stderr.write(f"Try '{ctx.command_path} --help' for help.\n")
    return int(exc.exit_code)
