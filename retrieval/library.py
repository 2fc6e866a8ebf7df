"""Load and validate the playbook library (objection entries and stage playbooks) from plain YAML files.

Trainers edit the files under ``retrieval/playbooks/``; this module parses each file on its own with pydantic,
so a corrupt file becomes a :class:`LibraryProblem` naming the file and the field while every other entry still
loads. What leaves this module are frozen dataclasses (:class:`Library`, :class:`ObjectionEntry`,
:class:`StagePlaybook`, :class:`ChecklistItem`); the file format itself is described in the README of the library.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Any, Literal, NamedTuple

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator

from retrieval.errors import LibraryError
from retrieval.vocab import CATEGORIES, INDUSTRIES, PLACEHOLDERS, PLAYBOOK_STAGES

log = logging.getLogger(__name__)

DEFAULT_ROOT = Path(__file__).resolve().parent / "playbooks"
_PLACEHOLDER_RE = re.compile(r"\{([^{}]*)\}")
_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Text(NamedTuple):
    """A bilingual text: ``(zh, en)``."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class LibraryProblem:
    """A playbook file that could not be loaded: which file, which field, what is wrong."""

    path: Path
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.field}: {self.message}"


@dataclass(frozen=True)
class ObjectionEntry:
    """One objection with its phrasings and the recommended way to handle it."""

    id: str
    category: str
    title_zh: str
    title_en: str
    industries: tuple[str, ...]
    stages: tuple[str, ...]
    phrasings_zh: tuple[str, ...]
    phrasings_en: tuple[str, ...]
    responses: tuple[Text, ...]
    follow_up_questions: tuple[Text, ...]
    proof_points: tuple[Text, ...]
    avoid: tuple[Text, ...]
    source: Path = field(default=Path(), compare=False)
    content_hash: str = field(default="", compare=False)

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_zh


@dataclass(frozen=True)
class ChecklistItem:
    """A "minimum verifiable action" of a stage playbook, with the utterances and cues that show it was done."""

    id: str
    label_zh: str
    label_en: str
    description_zh: str
    description_en: str
    examples_zh: tuple[str, ...]
    examples_en: tuple[str, ...]
    cues_zh: tuple[str, ...]
    cues_en: tuple[str, ...]
    suggested_question_zh: str
    suggested_question_en: str


@dataclass(frozen=True)
class StagePlaybook:
    """The checklist a manager enforces for one stage."""

    stage: str
    name_zh: str
    name_en: str
    industries: tuple[str, ...]
    items: tuple[ChecklistItem, ...]
    goal_zh: str = ""
    goal_en: str = ""
    source: Path = field(default=Path(), compare=False)


@dataclass(frozen=True)
class Library:
    """Everything that loaded, plus the problems of the files that did not."""

    objections: tuple[ObjectionEntry, ...]
    stages: Mapping[str, StagePlaybook]
    problems: tuple[LibraryProblem, ...]
    root: Path = field(default=DEFAULT_ROOT, compare=False)

    def objection(self, entry_id: str) -> ObjectionEntry:
        for entry in self.objections:
            if entry.id == entry_id:
                return entry
        raise KeyError(entry_id)

    def file_hashes(self) -> dict[str, str]:
        """Content hash of each objection file that loaded, keyed by entry id."""
        return {e.id: e.content_hash for e in self.objections}


# ---------------------------------------------------------------- file schema (pydantic, untrusted input)

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _BiText(_Strict):
    zh: NonEmpty
    en: NonEmpty


class _Phrasings(_Strict):
    zh: list[NonEmpty] = Field(min_length=1)
    en: list[NonEmpty] = Field(min_length=1)


class _ObjectionFile(_Strict):
    id: NonEmpty
    category: Literal[tuple(CATEGORIES)]  # type: ignore[valid-type]
    title: _BiText
    industries: list[Literal[tuple(INDUSTRIES)]] = Field(min_length=1)  # type: ignore[valid-type]
    stages: list[Literal[PLAYBOOK_STAGES]] = Field(min_length=1)  # type: ignore[valid-type]
    phrasings: _Phrasings
    responses: list[_BiText] = Field(min_length=1)
    follow_up_questions: list[_BiText] = Field(min_length=1)
    proof_points: list[_BiText] = Field(default_factory=list)
    avoid: list[_BiText] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _kebab(cls, value: str) -> str:
        if not _ID_RE.match(value):
            raise ValueError("id must be kebab-case (a-z, 0-9, '-')")
        return value

    @field_validator("responses", "follow_up_questions", "proof_points", "avoid")
    @classmethod
    def _placeholders(cls, items: list[_BiText]) -> list[_BiText]:
        for n, item in enumerate(items):
            for text in (item.zh, item.en):
                for name in _PLACEHOLDER_RE.findall(text):
                    if name not in PLACEHOLDERS:
                        raise ValueError(
                            f"item {n}: unknown placeholder {{{name}}}; allowed: "
                            + ", ".join("{" + p + "}" for p in PLACEHOLDERS)
                        )
        return items


class _LangLists(_Strict):
    zh: list[NonEmpty] = Field(default_factory=list)
    en: list[NonEmpty] = Field(default_factory=list)


class _Item(_Strict):
    id: NonEmpty
    label: _BiText
    description: _BiText
    examples: _LangLists
    cues: _LangLists
    suggested_question: _BiText

    @field_validator("cues")
    @classmethod
    def _regexes(cls, cues: _LangLists) -> _LangLists:
        for lang, patterns in (("zh", cues.zh), ("en", cues.en)):
            for n, pattern in enumerate(patterns):
                try:
                    re.compile(pattern, re.IGNORECASE)
                except re.error as exc:
                    raise ValueError(f"{lang}[{n}] is not a valid regular expression: {exc}") from None
        return cues


class _StageFile(_Strict):
    stage: Literal[PLAYBOOK_STAGES]  # type: ignore[valid-type]
    name: _BiText
    industries: list[NonEmpty] = Field(min_length=1)
    goal: _BiText | None = None
    items: list[_Item] = Field(min_length=1)

    @field_validator("industries")
    @classmethod
    def _known(cls, values: list[str]) -> list[str]:
        for value in values:
            if value != "all" and value not in INDUSTRIES:
                raise ValueError(f"unknown industry {value!r}; use 'all' or one of {', '.join(INDUSTRIES)}")
        return values

    @field_validator("items")
    @classmethod
    def _unique_ids(cls, items: list[_Item]) -> list[_Item]:
        seen: set[str] = set()
        for item in items:
            if item.id in seen:
                raise ValueError(f"duplicate item id {item.id!r}")
            seen.add(item.id)
        return items


# ---------------------------------------------------------------- loading


def _texts(items: list[_BiText]) -> tuple[Text, ...]:
    return tuple(Text(i.zh, i.en) for i in items)


def _read_yaml(path: Path) -> tuple[Any, str, LibraryProblem | None]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, "", LibraryProblem(path, "<file>", f"cannot read file: {exc.strerror or exc}")
    digest = hashlib.sha256(raw).hexdigest()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, digest, LibraryProblem(path, "<file>", f"not UTF-8 text (byte {exc.start})")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark is not None else "unknown position"
        reason = getattr(exc, "problem", None) or str(exc)
        return None, digest, LibraryProblem(path, "<yaml>", f"invalid YAML at {where}: {reason}")
    if not isinstance(data, dict):
        return None, digest, LibraryProblem(path, "<root>", "expected a mapping of fields at the top level")
    return data, digest, None


def _problems_from(path: Path, exc: ValidationError) -> list[LibraryProblem]:
    out = []
    for err in exc.errors(include_url=False):
        loc = ".".join(str(p) for p in err["loc"]) or "<root>"
        out.append(LibraryProblem(path, loc, err["msg"]))
    return out


def _load_objection(path: Path) -> tuple[ObjectionEntry | None, list[LibraryProblem]]:
    data, digest, problem = _read_yaml(path)
    if problem is not None:
        return None, [problem]
    try:
        f = _ObjectionFile.model_validate(data)
    except ValidationError as exc:
        return None, _problems_from(path, exc)
    entry = ObjectionEntry(
        id=f.id,
        category=f.category,
        title_zh=f.title.zh,
        title_en=f.title.en,
        industries=tuple(dict.fromkeys(f.industries)),
        stages=tuple(dict.fromkeys(f.stages)),
        phrasings_zh=tuple(f.phrasings.zh),
        phrasings_en=tuple(f.phrasings.en),
        responses=_texts(f.responses),
        follow_up_questions=_texts(f.follow_up_questions),
        proof_points=_texts(f.proof_points),
        avoid=_texts(f.avoid),
        source=path,
        content_hash=digest,
    )
    return entry, []


def _load_stage(path: Path) -> tuple[StagePlaybook | None, list[LibraryProblem]]:
    data, _digest, problem = _read_yaml(path)
    if problem is not None:
        return None, [problem]
    try:
        f = _StageFile.model_validate(data)
    except ValidationError as exc:
        return None, _problems_from(path, exc)
    items = tuple(
        ChecklistItem(
            id=i.id,
            label_zh=i.label.zh,
            label_en=i.label.en,
            description_zh=i.description.zh,
            description_en=i.description.en,
            examples_zh=tuple(i.examples.zh),
            examples_en=tuple(i.examples.en),
            cues_zh=tuple(i.cues.zh),
            cues_en=tuple(i.cues.en),
            suggested_question_zh=i.suggested_question.zh,
            suggested_question_en=i.suggested_question.en,
        )
        for i in f.items
    )
    return (
        StagePlaybook(
            stage=f.stage,
            name_zh=f.name.zh,
            name_en=f.name.en,
            industries=tuple(f.industries),
            items=items,
            goal_zh=f.goal.zh if f.goal else "",
            goal_en=f.goal.en if f.goal else "",
            source=path,
        ),
        [],
    )


def _yaml_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.rglob("*") if p.is_file() and p.suffix in (".yaml", ".yml"))


def load_library(root: Path | None = None) -> Library:
    """Load every playbook file under ``root`` (default: the library shipped in ``retrieval/playbooks``).

    Files that fail validation are reported in ``Library.problems`` and skipped; the rest load. Raises
    :class:`LibraryError` only when ``root`` is not a directory.
    """
    root = Path(root) if root is not None else DEFAULT_ROOT
    if not root.is_dir():
        raise LibraryError(
            f"找不到话术库目录：{root}",
            f"Playbook library directory not found: {root}",
            details={"path": str(root)},
        )
    problems: list[LibraryProblem] = []
    objections: list[ObjectionEntry] = []
    seen: dict[str, Path] = {}
    for path in _yaml_files(root / "objections"):
        entry, errs = _load_objection(path)
        problems.extend(errs)
        if entry is None:
            continue
        if entry.id in seen:
            problems.append(LibraryProblem(path, "id", f"duplicate id {entry.id!r}, already used by {seen[entry.id]}"))
            continue
        seen[entry.id] = path
        objections.append(entry)
    stages: dict[str, StagePlaybook] = {}
    for path in _yaml_files(root / "stages"):
        stage, errs = _load_stage(path)
        problems.extend(errs)
        if stage is None:
            continue
        if stage.stage in stages:
            problems.append(
                LibraryProblem(path, "stage", f"duplicate stage {stage.stage!r}, already in {stages[stage.stage].source}")
            )
            continue
        stages[stage.stage] = stage
    for problem in problems:
        log.warning("playbook problem: %s", problem)
    return Library(
        objections=tuple(objections),
        stages=MappingProxyType(stages),
        problems=tuple(problems),
        root=root,
    )
