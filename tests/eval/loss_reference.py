#!/usr/bin/env python3
"""Reference side of test_comparison's loss parity: the mean token loss transformers computes.

Usage: loss_reference.py MODEL_DIR IN_JSON OUT_JSON
IN_JSON: [{"ids": [...], "labels": [...]}, ...] (labels -100 where no loss, unshifted).
Writes {"mean_loss": token-weighted mean over all examples, "tokens": n}.
"""
import json
import sys

import torch
from transformers import AutoModelForCausalLM


def main():
    model = AutoModelForCausalLM.from_pretrained(sys.argv[1], torch_dtype=torch.float32)
    model.eval()
    rows = json.load(open(sys.argv[2]))
    total, tokens = 0.0, 0
    with torch.no_grad():
        for r in rows:
            ids = torch.tensor([r["ids"]])
            labels = torch.tensor([r["labels"]])
            n = int((labels[0, 1:] != -100).sum())
            if n == 0:
                continue
            loss = model(input_ids=ids, labels=labels).loss.item()
            total += loss * n
            tokens += n
    json.dump({"mean_loss": total / tokens, "tokens": tokens}, open(sys.argv[3], "w"))


if __name__ == "__main__":
    main()
