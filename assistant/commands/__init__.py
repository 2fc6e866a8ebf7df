"""CLI command implementations, one module per command group; `assistant.cli` wires them into Typer."""
