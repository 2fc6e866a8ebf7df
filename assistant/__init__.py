"""The assistant: command line, conversation, routing and replies. The entry point of every user action."""
