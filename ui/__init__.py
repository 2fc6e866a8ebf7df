"""The user interface (gradio), on top of the assistant package."""
