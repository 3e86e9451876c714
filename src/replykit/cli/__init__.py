"""The command line. ``app.py`` holds the typer application; this package
stays empty so that ``fastpath`` can be imported without importing typer."""
