"""Answer a rep's objection with the best-fitting playbook entries, in their language and fitted to context.

:class:`Coach` ties the pieces together: the checked query (:mod:`retrieval.query`), dense similarity from the
chromadb index (:mod:`retrieval.index`), the lexical vote (:mod:`retrieval.lexical`), fusion and context
re-ranking (:mod:`retrieval.fusion`), the calibrated no-match threshold, and placeholder filling
(:mod:`retrieval.compose`). What crosses the package line is :class:`SearchResult` with :class:`PlaybookHit` s.
A missing index is built on first use (the caller may pass a progress callback); changed files re-index
incrementally.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from retrieval.anchors import NO_MATCH_ID, Anchors, load_anchors
from retrieval.calibration import load_config
from retrieval.competitors import mask_competitors
from retrieval.compose import CoachContext, category_label, detect_competitor, fill, placeholder_values
from retrieval.embedders import Embedder, Kind, default_embedder
from retrieval.errors import LibraryError
from retrieval.fusion import (
    EntryEvidence,
    FusionConfig,
    Mode,
    RankedEntry,
    best_per_entry,
    context_adjustment,
    is_match,
    rank,
)
from retrieval.index import PlaybookIndex, ProgressCallback, SyncReport, library_documents
from retrieval.lexical import LexicalIndex
from retrieval.library import Library, ObjectionEntry, load_library
from retrieval.query import check_query

log = logging.getLogger(__name__)

SECONDARY_MARGIN = 0.02  # show further hits down to this much under the no-match threshold


@dataclass(frozen=True)
class PlaybookHit:
    """One recommended playbook entry, with texts in the requested language and placeholders filled."""

    id: str
    title: str
    category: str
    score: float
    responses: tuple[str, ...]
    follow_up_questions: tuple[str, ...]
    proof_points: tuple[str, ...]
    avoid: tuple[str, ...] = ()
    category_label: str = ""


@dataclass(frozen=True)
class SearchResult:
    """The coach's answer: ``ok`` with hits, or ``no_match`` with the closest categories instead."""

    status: Literal["ok", "no_match"]
    query: str
    hits: tuple[PlaybookHit, ...]
    suggested_categories: tuple[str, ...]
    lang: Literal["zh", "en"] = "zh"
    context: CoachContext = field(default_factory=CoachContext)


class Coach:
    """Retrieval over one library with one embedder; build with :meth:`open`."""

    def __init__(self, library: Library, index: PlaybookIndex, config: FusionConfig) -> None:
        self.library = library
        self.index = index
        self.config = config
        self.sync_report: SyncReport | None = None
        self._entries = {e.id: e for e in library.objections}
        docs = library_documents(library)
        self.lexical_index = LexicalIndex([d.text for d in docs])
        self.lexical_entry_ids = [d.entry_id for d in docs]

    @classmethod
    def open(
        cls,
        *,
        index_dir: Path,
        library: Library | None = None,
        embedder: Embedder | None = None,
        config: FusionConfig | None = None,
        progress: ProgressCallback | None = None,
        doc_kind: Kind = "passage",
        anchors: Anchors | None = None,
    ) -> Coach:
        """Load the library (default: the shipped one), open or build the index, and bring it up to date."""
        library = library if library is not None else load_library()
        if not library.objections:
            raise LibraryError(
                "话术库里没有可用的异议条目" + (f"（{len(library.problems)} 个文件有错误）" if library.problems else ""),
                "The playbook library has no usable objection entries"
                + (f" ({len(library.problems)} files have errors)" if library.problems else ""),
                details={"root": str(library.root), "problems": [str(p) for p in library.problems[:10]]},
            )
        embedder = embedder or default_embedder()
        index = PlaybookIndex(index_dir, embedder, doc_kind=doc_kind)
        coach = cls(library, index, config or load_config(embedder.name))
        anchors = anchors if anchors is not None else load_anchors()
        if index.exists():
            coach.sync_report = index.sync(library, anchors=anchors, progress=progress)
        else:
            log.info("index %s missing under %s; building it", index.collection_name, index_dir)
            coach.sync_report = index.rebuild(library, anchors=anchors, progress=progress)
        return coach

    # ------------------------------------------------------------ evidence and ranking

    def evidence(self, text: str) -> EntryEvidence:
        """Best cosine and lexical vote per entry for ``text`` (already checked)."""
        vector = self.index.embedder.embed([mask_competitors(text)], kind="query")[0]
        hits = self.index.query(vector, self.config.dense_candidates)
        anchor = max((h.similarity for h in hits if h.entry_id == NO_MATCH_ID), default=None)
        dense_hits = [h for h in hits if h.entry_id != NO_MATCH_ID]
        dense = best_per_entry((h.entry_id, h.similarity) for h in dense_hits)
        sims = [h.similarity for h in dense_hits]
        floor = min(sims, default=0.0)
        baseline = sum(sims) / len(sims) if sims else 0.0
        lexical_hits = self.lexical_index.search(text, min_coverage=0.0)  # fusion applies the calibrated floor
        coverage = best_per_entry((self.lexical_entry_ids[h.doc], h.coverage) for h in lexical_hits)
        bm25 = best_per_entry((self.lexical_entry_ids[h.doc], h.score) for h in lexical_hits)
        return EntryEvidence(
            dense=dense, lexical_coverage=coverage, lexical_bm25=bm25, dense_floor=floor, dense_baseline=baseline,
            anchor_similarity=anchor if anchor is not None else floor,
        )

    def fit(
        self, *, industry: str | None, stage: str | None, config: FusionConfig | None = None
    ) -> dict[str, float]:
        """Context adjustment per entry for the customer's industry and the opportunity's stage."""
        if not industry and not stage:
            return {}
        config = config or self.config
        return {
            e.id: context_adjustment(e.industries, e.stages, industry=industry, stage=stage, config=config)
            for e in self.library.objections
        }

    def ranked(
        self, text: str, *, industry: str | None = None, stage: str | None = None, mode: Mode = "fused"
    ) -> list[RankedEntry]:
        return rank(self.evidence(text), mode=mode, config=self.config, fit=self.fit(industry=industry, stage=stage))

    def _decide(
        self, text: str, *, industry: str | None, stage: str | None
    ) -> tuple[list[RankedEntry], bool, float]:
        """Ranking, whether it is a match, and the score secondary hits must reach."""
        evidence = self.evidence(text)
        ranked = rank(evidence, mode="fused", config=self.config, fit=self.fit(industry=industry, stage=stage))
        matched = is_match(ranked[0] if ranked else None, evidence, mode="fused", config=self.config)
        # secondary hits: within the margin of the threshold, on the same (baseline-adjusted) scale
        offset = self.config.baseline_weight * evidence.dense_baseline
        return ranked, matched, self.config.no_match_threshold + offset - SECONDARY_MARGIN

    # ------------------------------------------------------------ the answer

    def search(
        self,
        text: str,
        *,
        lang: str | None = None,
        industry: str | None = None,
        stage: str | None = None,
        k: int = 3,
        context: CoachContext | None = None,
    ) -> SearchResult:
        """The top ``k`` entries for the objection ``text``; raises QueryError for unusable input."""
        checked = check_query(text, lang=lang)
        context = context or CoachContext()
        industry = industry or context.industry
        stage = stage or context.stage
        if context.competitor is None:
            context = replace(context, competitor=detect_competitor(checked.text))
        context = replace(context, industry=industry, stage=stage)
        ranked, matched, floor = self._decide(checked.text, industry=industry, stage=stage)
        if not matched:
            return SearchResult(
                "no_match", checked.display, (), self._closest_categories(ranked), checked.lang, context
            )
        values = placeholder_values(context, checked.lang)
        hits = tuple(
            self._hit(self._entries[r.entry_id], r.score, checked.lang, values)
            for r in ranked[: max(k, 1)]
            if r is ranked[0] or (r.score >= floor and r.score >= ranked[0].score - self.config.secondary_gap)
        )
        return SearchResult("ok", checked.display, hits, (), checked.lang, context)

    def _closest_categories(self, ranked: list[RankedEntry], n: int = 3) -> tuple[str, ...]:
        out: list[str] = []
        for r in ranked:
            category = self._entries[r.entry_id].category
            if category not in out:
                out.append(category)
            if len(out) == n:
                break
        return tuple(out)

    @staticmethod
    def _hit(entry: ObjectionEntry, score: float, lang: str, values: dict[str, str]) -> PlaybookHit:
        return PlaybookHit(
            id=entry.id,
            title=entry.title(lang),
            category=entry.category,
            score=round(float(score), 4),
            responses=tuple(fill(t.get(lang), values) for t in entry.responses),
            follow_up_questions=tuple(fill(t.get(lang), values) for t in entry.follow_up_questions),
            proof_points=tuple(fill(t.get(lang), values) for t in entry.proof_points),
            avoid=tuple(fill(t.get(lang), values) for t in entry.avoid),
            category_label=category_label(entry.category, lang),
        )
