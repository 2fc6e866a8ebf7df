"""Transcription: a small engine interface, the faster-whisper engine, and the call-level driver.

``Transcriber`` is the seam: anything that can detect a language and turn 16 kHz samples into timed text
(a local Paraformer or SenseVoice directory can be plugged in later). ``FasterWhisperTranscriber`` runs
CTranslate2 whisper on CPU (int8, 2 threads by default, Silero VAD on). ``transcribe_call`` drives an engine
over a decoded call: it picks the language (forced, or detected and restricted to the supported ones),
renders the initial prompt with the CRM vocabulary, transcribes each channel of a dual-channel call
separately so every segment carries its speaker, converts Chinese to simplified characters and reports
progress in audio seconds.
"""

from __future__ import annotations

import bisect
import itertools
import logging
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from calls.audio import SAMPLE_RATE, DecodedAudio
from calls.errors import ModelError, TranscriptionError
from calls.models import EngineSegment, Speaker, Transcript, TranscriptSegment
from calls.packing import MAX_PACK_S, pack_turns, unpack
from calls.prompting import initial_prompt

log = logging.getLogger(__name__)

SUPPORTED_LANGUAGES = ("zh", "en")
TURN_SILENCE_MS = 600  # a pause this long on one channel of a dual-channel call ends a stretch of speech
TAIL_S = 1.0  # what is left of a clip after its last segment and shorter than this is VAD padding, not speech
SAMPLING_SEED = 0  # for the temperature fallback: see FasterWhisperTranscriber._decode
Progress = Callable[[float, float], None]  # (audio seconds done, audio seconds total)


class Transcriber(Protocol):
    """A speech-to-text engine over 16 kHz mono float32 samples."""

    name: str
    english_only: bool

    def detect_language(self, samples: np.ndarray) -> Sequence[tuple[str, float]]:
        """Language codes with probabilities, most likely first."""
        ...

    def speech_stretches(self, samples: np.ndarray) -> list[tuple[float, float]]:
        """(start, end) seconds of the stretches of speech in ``samples`` (voice activity detection)."""
        ...

    def transcribe(self, samples: np.ndarray, *, language: str, initial_prompt: str | None,
                   on_segment: Callable[[float], None] | None = None,
                   clips: Sequence[tuple[float, float]] | None = None,
                   split_at: Sequence[float] = ()) -> list[EngineSegment]:
        """Timed text of ``samples``; ``on_segment`` gets the end time of each segment as it is produced;
        ``clips``: decode only these (start, end) stretches, each on its own, so no segment spans two;
        ``split_at``: sorted times that no returned segment may span (a segment across one is cut there)."""
        ...


class FasterWhisperTranscriber:
    """faster-whisper (CTranslate2) on CPU; the model loads once, in the constructor.

    With ``clips`` (the packed turns of one channel of a dual-channel call) each clip is decoded on its own,
    because VAD filtering joins the speech of a channel before decoding. With ``split_at`` whisper also times
    every word, and a segment is cut between the words on either side of a split time (the words' middles
    decide)."""

    def __init__(self, model_dir: Path, *, name: str = "whisper", english_only: bool = False,
                 cpu_threads: int = 2, compute_type: str = "int8", beam_size: int = 5, vad: bool = True) -> None:
        try:
            from faster_whisper import WhisperModel
        except ImportError as exc:  # the ``calls`` extra is not installed
            raise ModelError("未安装 faster-whisper（pip install 'sales-assistant[calls]'）",
                             "faster-whisper is not installed (pip install 'sales-assistant[calls]')") from exc
        try:
            self._model = WhisperModel(str(model_dir), device="cpu", compute_type=compute_type,
                                       cpu_threads=cpu_threads, num_workers=1)
        except (RuntimeError, ValueError, OSError) as exc:
            raise ModelError("无法加载语音识别模型", "Cannot load the speech recognition model",
                             path=str(model_dir), cause=str(exc)) from exc
        self.name = f"faster-whisper:{name}:{compute_type}"
        self.english_only = english_only
        self._beam_size = beam_size
        self._vad = vad

    def detect_language(self, samples: np.ndarray) -> Sequence[tuple[str, float]]:
        if self.english_only:
            return [("en", 1.0)]
        _, _, probs = self._model.detect_language(samples, vad_filter=self._vad)
        return list(probs or [])

    def speech_stretches(self, samples: np.ndarray) -> list[tuple[float, float]]:
        """Stretches of speech found by Silero VAD (the VAD model faster-whisper ships)."""
        from faster_whisper.vad import VadOptions, get_speech_timestamps

        options = VadOptions(min_silence_duration_ms=TURN_SILENCE_MS, speech_pad_ms=200)
        return [(c["start"] / SAMPLE_RATE, c["end"] / SAMPLE_RATE) for c in get_speech_timestamps(samples, options)]

    def transcribe(self, samples: np.ndarray, *, language: str, initial_prompt: str | None,
                   on_segment: Callable[[float], None] | None = None,
                   clips: Sequence[tuple[float, float]] | None = None,
                   split_at: Sequence[float] = ()) -> list[EngineSegment]:
        if clips is not None and not clips:
            return []
        if split_at:  # every clip on its own: see _decode_clip
            spans = clips or [(0.0, len(samples) / SAMPLE_RATE)]
            return [seg for span in spans
                    for seg in self._decode_clip(samples, span, split_at, language, initial_prompt, on_segment)]
        kwargs: dict[str, Any] = {"vad_filter": self._vad}
        if clips is not None:
            kwargs = {"vad_filter": False, "clip_timestamps": [t for clip in clips for t in clip]}
        return self._decode(samples, (), on_segment, language=language, initial_prompt=initial_prompt, **kwargs)

    def _decode_clip(self, samples: np.ndarray, span: tuple[float, float], split_at: Sequence[float],
                     language: str, initial_prompt: str | None,
                     on_segment: Callable[[float], None] | None) -> list[EngineSegment]:
        """One clip with word timings, cut at ``split_at``. Decoding stops at the first segment that ends within
        ``TAIL_S`` of the clip's end: faster-whisper would decode the rest after the last word again as a
        window of its own, and on the VAD padding there whisper hallucinates (seen: 设备设备设备… for 0.4 s,
        after 50 s of temperature fallbacks)."""
        return self._decode(samples, split_at, on_segment, stop_after=span[1] - TAIL_S, language=language,
                            initial_prompt=initial_prompt, vad_filter=False, clip_timestamps=list(span),
                            word_timestamps=True)

    def _decode(self, samples: np.ndarray, split_at: Sequence[float], on_segment: Callable[[float], None] | None,
                stop_after: float | None = None, **options: Any) -> list[EngineSegment]:
        import ctranslate2

        # Whisper falls back to sampling when a greedy window looks wrong; a fixed seed makes the same recording
        # give the same transcript (and the same review) every time.
        ctranslate2.set_random_seed(SAMPLING_SEED)
        out: list[EngineSegment] = []
        try:
            segments, _info = self._model.transcribe(samples, beam_size=self._beam_size, without_timestamps=False,
                                                     **options)
            for seg in segments:  # a generator: decoding happens while iterating
                out.extend(split_segment(seg, split_at))
                if on_segment is not None:
                    on_segment(float(seg.end))
                if stop_after is not None and seg.end >= stop_after:
                    break
        except (RuntimeError, ValueError) as exc:
            raise TranscriptionError("语音识别失败", "Speech recognition failed", cause=str(exc)) from exc
        return out


def split_segment(seg: Any, split_at: Sequence[float]) -> list[EngineSegment]:
    """A whisper segment cut at the split times that fall inside it, between the words on either side
    (each word goes by its middle); a segment without word timings stays whole."""
    words = list(getattr(seg, "words", None) or [])
    if not words or not any(seg.start < t < seg.end for t in split_at):
        return [EngineSegment(float(seg.start), float(seg.end), seg.text.strip())]
    groups = itertools.groupby(words, key=lambda w: bisect.bisect_right(split_at, (w.start + w.end) / 2))
    pieces = [EngineSegment(float(ws[0].start), float(ws[-1].end), "".join(w.word for w in ws).strip())
              for ws in (list(g) for _, g in groups)]
    return [p for p in pieces if p.text]


def choose_language(probs: Sequence[tuple[str, float]], forced: str | None,
                    supported: Iterable[str] = SUPPORTED_LANGUAGES) -> str:
    """The forced language, else the most probable supported language (calls are Chinese or English)."""
    if forced:
        return forced
    supported = tuple(supported)
    for code, _p in probs:
        if code in supported:
            return code
    return supported[0]


def to_simplified(text: str) -> str:
    """Whisper often writes traditional characters for Mandarin; convert to simplified."""
    import zhconv

    return str(zhconv.convert(text, "zh-cn"))


def merge_turns(own: Sequence[tuple[float, float]], other: Sequence[tuple[float, float]],
                max_len_s: float = MAX_PACK_S) -> list[tuple[float, float]]:
    """Join consecutive stretches of one speaker into turns unless the other speaker talks in between (or the
    turn would pass ``max_len_s``): fewer, longer clips decode faster and with more context."""
    merged: list[tuple[float, float]] = []
    for start, end in own:
        if merged:
            prev_start, prev_end = merged[-1]
            interrupted = any(prev_end <= o_start < start for o_start, _ in other)
            if not interrupted and end - prev_start <= max_len_s:
                merged[-1] = (prev_start, end)
                continue
        merged.append((start, end))
    return merged


def channel_turns(engine: Transcriber, audio: DecodedAudio) -> dict[Speaker, list[tuple[float, float]]]:
    """Turns per channel of a dual-channel call, from voice activity on both channels."""
    assert audio.rep is not None and audio.customer is not None
    rep = engine.speech_stretches(audio.rep)
    customer = engine.speech_stretches(audio.customer)
    return {"rep": merge_turns(rep, customer), "customer": merge_turns(customer, rep)}


def transcribe_turns(engine: Transcriber, samples: np.ndarray, turns: Sequence[tuple[float, float]], *,
                     language: str, initial_prompt: str | None,
                     on_segment: Callable[[float], None] | None = None) -> list[EngineSegment]:
    """The turns of one channel, packed several to a whisper window and cut back into turns
    (``calls.packing``): one window per pack instead of one per turn."""
    packed = pack_turns(samples, turns)
    scale = len(samples) / max(len(packed.samples), 1)  # progress is reported in the channel's seconds

    def on_packed(end: float) -> None:
        if on_segment is not None:
            on_segment(end * scale)

    return unpack(engine.transcribe(packed.samples, language=language, initial_prompt=initial_prompt,
                                    on_segment=on_packed, clips=packed.clips, split_at=packed.boundaries),
                  packed)


def transcribe_call(audio: DecodedAudio, engine: Transcriber, *, language: str | None = None,
                    vocabulary: Iterable[str] = (), progress: Progress | None = None) -> Transcript:
    """Transcribe a decoded call; dual-channel calls are transcribed per channel and attributed."""
    if language is not None and language not in SUPPORTED_LANGUAGES:
        raise TranscriptionError(f"不支持的语言：{language}（可选 zh、en）",
                                 f"Unsupported language: {language} (zh or en)", language=language)
    if engine.english_only and language == "zh":
        raise ModelError("当前模型只支持英文，中文通话需要多语种模型（base 或更大）",
                         "The current model is English-only; Chinese calls need a multilingual model (base or larger)")
    lang = choose_language(engine.detect_language(audio.mono), language)
    prompt = initial_prompt(lang, vocabulary)
    channels: list[tuple[Speaker | None, np.ndarray]]
    if audio.rep is not None and audio.customer is not None:
        channels = [("rep", audio.rep), ("customer", audio.customer)]
    else:
        channels = [(None, audio.mono)]
    turns = channel_turns(engine, audio) if audio.attributed else {}
    total = sum(len(samples) for _, samples in channels) / SAMPLE_RATE
    done_before = 0.0
    segments: list[TranscriptSegment] = []
    for speaker, samples in channels:
        offset = done_before

        def on_segment(end: float, offset: float = offset) -> None:
            if progress is not None:
                progress(min(total, offset + end), total)

        if speaker is None:
            found = engine.transcribe(samples, language=lang, initial_prompt=prompt, on_segment=on_segment)
        else:
            found = transcribe_turns(engine, samples, turns[speaker], language=lang, initial_prompt=prompt,
                                     on_segment=on_segment)
        for seg in found:
            text = to_simplified(seg.text) if lang == "zh" else seg.text
            if text.strip():
                segments.append(TranscriptSegment(round(seg.start, 2), round(seg.end, 2), text.strip(), speaker))
        done_before += len(samples) / SAMPLE_RATE
        if progress is not None:
            progress(done_before, total)
    segments.sort(key=lambda s: (s.start, s.end))
    log.info("transcribed %.1f s of audio into %d segments (%s)", audio.duration_s, len(segments), lang)
    return Transcript(segments=tuple(segments), language=lang, duration_s=audio.duration_s,
                      attributed=audio.attributed, engine=engine.name)
