"""Extractor throughput: `extract_many` against the bare spaCy pipeline, same texts, same run.

    python bench/extract.py --repeat 5            # the dev set's texts, five times over
    python bench/extract.py --texts samples/      # any folder of .txt files

- bare: `ingest.nlp.load_pipeline().pipe(texts)` — tokenise, tag, parse, NER, nothing else;
- ours: `ingest.extract.extract_many(texts)` — the same pipe plus mentions, resolution and relations.
Goal: ours >= 80 % of bare (the extractor adds at most a quarter on top of spaCy).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: import from the repository root, not from bench/
    sys.path[0] = str(Path(__file__).resolve().parents[1])

from bench.common import ROOT, Goal, Report, base_parser, stopwatch
from ingest.extract import extract, extract_many
from ingest.nlp import load_pipeline

RATIO_GOAL = 0.80
_DEV = ROOT.parent / "shared" / "eval" / "dev"


def load_texts(folder: Path | None) -> list[str]:
    candidates = [folder] if folder else [_DEV, ROOT / "samples"]
    for candidate in candidates:
        if candidate is not None and candidate.is_dir():
            texts = [
                p.read_text(encoding="utf-8", errors="replace") for p in sorted(candidate.rglob("*.txt"))
            ]
            if texts:
                return texts
    raise SystemExit("no .txt files found: pass --texts FOLDER")


def timed(run: object) -> tuple[float, float]:
    cpu = time.process_time()
    with stopwatch() as elapsed:
        run()  # type: ignore[operator]
    return elapsed(), time.process_time() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = base_parser(__doc__.splitlines()[0])
    parser.add_argument("--texts", type=Path, default=None, help="folder of .txt files (default: dev set)")
    parser.add_argument("--repeat", type=int, default=3, help="how many times the texts are fed")
    args = parser.parse_args(argv)
    texts = load_texts(args.texts) * (1 if args.smoke else max(1, args.repeat))
    if args.smoke:
        texts = texts[:4]
    words = sum(len(t.split()) for t in texts)
    report = Report("extract", {"texts": len(texts), "words": words})
    report.header()
    nlp = load_pipeline()
    list(nlp.pipe(texts[:2]))
    extract(texts[0])  # gazetteer and pipeline loaded before any clock starts
    # Alternate the two and keep each one's best round, so warm-up and load drift hit both alike.
    bare_runs, ours_runs = [], []
    for _ in range(1 if args.smoke else 2):
        bare_runs.append(timed(lambda: [None for _ in nlp.pipe(texts)]))
        ours_runs.append(timed(lambda: extract_many(texts)))
    bare, bare_cpu = min(bare_runs)
    ours, ours_cpu = min(ours_runs)
    report.add("corpus", "texts", len(texts))
    report.add("corpus", "words", words)
    report.add("bare spaCy nlp.pipe", "words/s", words / bare, "words/s")
    report.add("ours extract_many", "words/s", words / ours, "words/s")
    report.add("ours extract_many", "ratio to bare", bare / ours, "x")
    report.add("ours extract_many", "ratio to bare (CPU)", bare_cpu / ours_cpu, "x")
    report.goal(Goal("extract_vs_bare", bare / ours, RATIO_GOAL, "x"))
    report.finish(args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
