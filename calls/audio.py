"""Probe, validate and decode call recordings (wav, mp3, m4a, ogg, flac) through PyAV.

PyAV is the decoder faster-whisper itself uses, so no system ffmpeg is needed. ``probe`` reads the container
header only (format, duration, channels) and rejects missing, empty, non-audio, corrupt and over-long files
with an :class:`~calls.errors.AudioError` before anything is decoded; ``load`` decodes to 16 kHz float32 and
splits a two-channel recording into the rep's and the customer's channel. Mono recordings, and stereo files
whose two channels carry the same signal, come back unattributed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from calls.errors import AudioError
from calls.models import AudioInfo

log = logging.getLogger(__name__)

SAMPLE_RATE = 16_000
DEFAULT_MAX_DURATION_S = 2 * 60 * 60
AUDIO_SUFFIXES = frozenset({".wav", ".mp3", ".m4a", ".ogg", ".oga", ".opus", ".flac", ".aac", ".mp4", ".wma"})
# Below this peak amplitude (about -60 dBFS) a recording is treated as silence.
SILENCE_PEAK = 1e-3
MIN_DURATION_S = 0.1


@dataclass(frozen=True)
class DecodedAudio:
    """16 kHz float32 samples: ``mono`` always; ``rep`` and ``customer`` only for dual-channel calls."""

    info: AudioInfo
    mono: np.ndarray
    rep: np.ndarray | None = None
    customer: np.ndarray | None = None

    @property
    def attributed(self) -> bool:
        return self.rep is not None and self.customer is not None

    @property
    def duration_s(self) -> float:
        return len(self.mono) / SAMPLE_RATE

    @property
    def is_silent(self) -> bool:
        return self.mono.size == 0 or float(np.max(np.abs(self.mono))) < SILENCE_PEAK


def probe(path: Path, *, max_duration_s: float = DEFAULT_MAX_DURATION_S) -> AudioInfo:
    """Read the container header of ``path`` and validate it; raise AudioError with a clear reason."""
    import av

    path = Path(path)
    if not path.exists():
        raise AudioError("找不到录音文件", "Recording file not found", path=str(path), reason="not_found")
    if path.is_dir():
        raise AudioError("路径是目录，不是录音文件", "The path is a directory, not a recording",
                         path=str(path), reason="is_directory")
    if path.stat().st_size == 0:
        raise AudioError("录音文件为空（0 字节）", "The recording file is empty (0 bytes)",
                         path=str(path), reason="empty")
    try:
        with av.open(str(path), mode="r", metadata_errors="ignore") as container:
            streams = [s for s in container.streams if s.type == "audio"]
            if not streams:
                raise AudioError("文件中没有音频流，不是录音文件", "The file has no audio stream; it is not a recording",
                                 path=str(path), reason="not_audio")
            stream = streams[0]
            ctx: Any = stream.codec_context  # an AudioCodecContext (channels, sample_rate)
            duration = _duration_s(container.duration, stream)
            info = AudioInfo(
                path=str(path),
                format_name=str(container.format.name),
                codec=str(ctx.name),
                duration_s=duration,
                channels=int(ctx.channels or 0),
                sample_rate=int(ctx.sample_rate or 0),
            )
    except AudioError:
        raise
    except (av.error.FFmpegError, UnicodeDecodeError, ValueError, OSError) as exc:
        raise _unreadable(path, exc) from exc
    if info.duration_s > max_duration_s:
        raise AudioError(
            f"录音时长 {info.duration_s / 60:.0f} 分钟，超过上限 {max_duration_s / 60:.0f} 分钟",
            f"The recording lasts {info.duration_s / 60:.0f} min, over the {max_duration_s / 60:.0f} min maximum",
            path=str(path), reason="too_long", duration_s=round(info.duration_s, 1), max_duration_s=max_duration_s,
        )
    log.debug("probed %s: %s", path, info)
    return info


def load(path: Path, *, max_duration_s: float = DEFAULT_MAX_DURATION_S, rep_channel: int = 0) -> DecodedAudio:
    """Probe, then decode ``path`` to 16 kHz; split two channels into rep (``rep_channel``) and customer."""
    from faster_whisper.audio import decode_audio

    info = probe(path, max_duration_s=max_duration_s)
    try:
        if info.channels >= 2:
            left, right = decode_audio(str(path), sampling_rate=SAMPLE_RATE, split_stereo=True)
        else:
            left = right = None
            mono = decode_audio(str(path), sampling_rate=SAMPLE_RATE)
    except Exception as exc:  # PyAV raises many error types mid-stream; all mean a damaged file here.
        raise _unreadable(Path(path), exc) from exc
    if left is not None and right is not None:
        mono = ((left + right) / 2).astype(np.float32)
    decoded_s = len(mono) / SAMPLE_RATE
    if decoded_s < MIN_DURATION_S:
        raise AudioError("录音长度为零，没有可用的音频", "The recording has zero length; there is no audio to review",
                         path=str(path), reason="zero_length", duration_s=round(decoded_s, 3))
    if decoded_s > max_duration_s:  # headers can lie (or be missing); the decoded length cannot.
        raise AudioError(
            f"录音时长超过上限 {max_duration_s / 60:.0f} 分钟",
            f"The recording is over the {max_duration_s / 60:.0f} min maximum",
            path=str(path), reason="too_long", duration_s=round(decoded_s, 1), max_duration_s=max_duration_s,
        )
    info = AudioInfo(info.path, info.format_name, info.codec, decoded_s, info.channels, info.sample_rate)
    if left is None or right is None or _same_signal(left, right):
        return DecodedAudio(info=info, mono=mono)
    rep, customer = (left, right) if rep_channel == 0 else (right, left)
    return DecodedAudio(info=info, mono=mono, rep=rep, customer=customer)


def _duration_s(container_duration: int | None, stream: object) -> float:
    if container_duration:
        return container_duration / 1_000_000
    duration = getattr(stream, "duration", None)
    time_base = getattr(stream, "time_base", None)
    if duration and time_base:
        return float(duration * time_base)
    return 0.0  # unknown from the header; ``load`` checks the decoded length.


def _same_signal(left: np.ndarray, right: np.ndarray) -> bool:
    """True for a mono signal stored as two identical (or near-identical) channels."""
    if left.size == 0:
        return True
    return bool(np.max(np.abs(left - right)) < 2e-3)


def _unreadable(path: Path, exc: BaseException) -> AudioError:
    if path.suffix.lower() in AUDIO_SUFFIXES:
        return AudioError("录音文件已损坏或无法解码", "The recording is corrupt or cannot be decoded",
                          path=str(path), reason="corrupt", cause=str(exc))
    return AudioError(
        "不是可识别的音频文件（支持 wav、mp3、m4a、ogg、flac）",
        "Not a recognised audio file (wav, mp3, m4a, ogg and flac are supported)",
        path=str(path), reason="not_audio", cause=str(exc),
    )
