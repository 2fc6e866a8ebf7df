"""One frozen Settings object, loaded once at the entry point (CLI, UI) from the environment.

Lower packages never read the environment; they take these values as plain arguments.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

from crm.db import default_url


@dataclass(frozen=True)
class Settings:
    """Runtime configuration. Each field: default, environment variable, help."""

    db_url: str = field(default_factory=default_url, metadata={
        "env": "SALES_ASSISTANT_DB_URL", "help": "Database URL (sqlite:///..., postgresql://..., mysql://...)"})
    data_dir: Path = field(default=Path("data"), metadata={
        "env": "SALES_ASSISTANT_DATA_DIR", "help": "Folder for the SQLite database, indexes, sessions and models"})
    whisper_model: str | None = field(default=None, metadata={
        "env": "SALES_ASSISTANT_WHISPER_MODEL", "help": "Local faster-whisper model directory (default: bundled base)"})
    embedding_model: str | None = field(default=None, metadata={
        "env": "SALES_ASSISTANT_EMBEDDING_MODEL",
        "help": "Local sentence-transformers model directory for coaching (default: the best bundled model)"})
    max_rows: int = field(default=1000, metadata={
        "env": "SALES_ASSISTANT_MAX_ROWS", "help": "Row limit for answers to data questions"})
    statement_timeout_ms: int = field(default=5000, metadata={
        "env": "SALES_ASSISTANT_STATEMENT_TIMEOUT_MS", "help": "Statement timeout for generated SQL"})

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def session_dir(self) -> Path:
        return self.data_dir / "sessions"


class SettingsError(ValueError):
    """A setting has a bad value; the message names the environment variable."""


def load_settings(env: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ if env is None else env)
    values: dict[str, object] = {}
    for f in fields(Settings):
        raw = env.get(f.metadata["env"])
        if raw is None or raw == "":
            continue
        if f.name in ("max_rows", "statement_timeout_ms"):
            try:
                values[f.name] = int(raw)
            except ValueError:
                raise SettingsError(f"{f.metadata['env']} must be a whole number, got {raw!r}") from None
            if values[f.name] <= 0:  # type: ignore[operator]
                raise SettingsError(f"{f.metadata['env']} must be positive, got {raw!r}")
        elif f.name == "data_dir":
            values[f.name] = Path(raw)
        else:
            values[f.name] = raw
    if "db_url" not in values and "data_dir" in values:  # the default database lives in the data folder
        values["db_url"] = f"sqlite:///{Path(str(values['data_dir'])) / 'crm.sqlite3'}"
    return Settings(**values)  # type: ignore[arg-type]
