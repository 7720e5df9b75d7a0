#!/usr/bin/env python3
# The reference side of `tunebench bench generate`: the same workload through Hugging Face
# transformers (greedy, no EOS stop, KV cache) on the same machine, in the same run.
#   reference_generate.py --config CONFIG.json | --model DIR  --prompt-len 32 --new-tokens 64
#                         --batches 1,8 --threads N --device cpu
# Prints one JSON line: {"batch1_tokens_per_s": ..., "batch8_tokens_per_s": ...}
import argparse
import json
import time

import torch
import transformers
from transformers import AutoConfig, AutoModelForCausalLM


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config")
    ap.add_argument("--model")
    ap.add_argument("--prompt-len", type=int, default=32)
    ap.add_argument("--new-tokens", type=int, default=64)
    ap.add_argument("--batches", default="1,8")
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--repeats", type=int, default=1)
    a = ap.parse_args()
    if a.threads > 0:
        torch.set_num_threads(a.threads)
    transformers.logging.set_verbosity_error()
    torch.manual_seed(0)
    if a.model:
        model = AutoModelForCausalLM.from_pretrained(a.model, torch_dtype=torch.float32)
    else:
        cfg = json.load(open(a.config))
        config = AutoConfig.for_model(cfg.pop("model_type"), **cfg)
        model = AutoModelForCausalLM.from_config(config, torch_dtype=torch.float32)
    model = model.to(a.device).eval()
    vocab = model.config.vocab_size
    out = {"transformers": transformers.__version__, "torch": torch.__version__, "threads": torch.get_num_threads()}
    with torch.no_grad():
        # warm-up
        ids = torch.randint(0, vocab, (1, a.prompt_len), device=a.device)
        model.generate(ids, attention_mask=torch.ones_like(ids), do_sample=False, max_new_tokens=4,
                       eos_token_id=None, pad_token_id=0)
        for b in [int(x) for x in a.batches.split(",")]:
            ids = torch.randint(0, vocab, (b, a.prompt_len), device=a.device)
            best = None
            for _ in range(a.repeats):
                if a.device.startswith("cuda"):
                    torch.cuda.synchronize()
                t0 = time.perf_counter()
                res = model.generate(ids, attention_mask=torch.ones_like(ids), do_sample=False,
                                     max_new_tokens=a.new_tokens, eos_token_id=None, pad_token_id=0)
                if a.device.startswith("cuda"):
                    torch.cuda.synchronize()
                dt = time.perf_counter() - t0
                assert res.shape[1] == a.prompt_len + a.new_tokens
                best = dt if best is None else min(best, dt)
            out["batch%d_tokens_per_s" % b] = b * a.new_tokens / best
    print(json.dumps(out))


if __name__ == "__main__":
    main()
