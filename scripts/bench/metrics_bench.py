#!/usr/bin/env python3
"""The reference stack's throughput on the same work as tests/eval/metrics_bench.cpp:
rouge_score (rouge1/2/L/Lsum, unstemmed) + sacrebleu sentence BLEU for N DialogSum pairs.
Reports pairs per CPU-second (process time), comparable on a shared machine.
Usage: .venv-reference/bin/python scripts/bench/metrics_bench.py DIALOGSUM_TEST_JSONL [N]"""
import json
import logging
import sys
import time

import sacrebleu
from rouge_score import rouge_scorer

logging.disable(logging.WARNING)
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
base = []
for r in rows:
    base += [(r["summary1"], r["summary2"]), (r["summary2"], r["summary3"])]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
pairs = [base[i % len(base)] for i in range(n)]
scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL", "rougeLsum"])
bleu = sacrebleu.BLEU(effective_order=True)
out = {"pairs": n}
for name, fn in [("rouge", lambda p, r: scorer.score(r, p)["rougeL"].fmeasure),
                 ("bleu", lambda p, r: bleu.sentence_score(p, [r]).score),
                 ("rouge_plus_bleu", lambda p, r: scorer.score(r, p)["rouge1"].fmeasure + bleu.sentence_score(p, [r]).score)]:
    c0 = time.process_time()
    acc = sum(fn(p, r) for p, r in pairs)
    cpu = time.process_time() - c0
    out[name] = {"cpu_seconds": cpu, "pairs_per_cpu_s": n / cpu, "checksum": acc}
print(json.dumps(out))
