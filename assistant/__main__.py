"""`python -m assistant` is the same as the `sales-assistant` command."""

from assistant.cli import main

main()
