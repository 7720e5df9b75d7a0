"""Live reference for the T5 fixtures: transformers 4.40.2 (+ peft 0.10.0 for the adapters) run on
this machine, on the inputs stored in each fixture's expected.json.

usage: t5_reference.py FIXTURES_DIR OUT.json
Writes {"<arch>[ <adapter>]": {"logits_last": [...], "loss": x, "fixture_logits_last_diff": d,
"fixture_loss_diff": e}} for t5 and flan_t5, each as base, lora and prompt_tuning.
The fixture_* fields say how far transformers itself, here, is from the stored fixture (which
was produced on another machine): fp32 results move with the CPU's BLAS kernels.
"""
import json
import os
import sys

import torch
from transformers import AutoModelForSeq2SeqLM

torch.set_num_threads(2)


def main():
    root, out_path = sys.argv[1], sys.argv[2]
    results = {}
    for arch in ["t5", "flan_t5"]:
        model_dir = os.path.join(root, arch)
        for adapter in [None, "lora", "prompt_tuning"]:
            exp_dir = model_dir if adapter is None else os.path.join(model_dir, adapter)
            if not os.path.exists(os.path.join(exp_dir, "expected.json")):
                continue
            with open(os.path.join(exp_dir, "expected.json")) as f:
                expected = json.load(f)
            model = AutoModelForSeq2SeqLM.from_pretrained(model_dir, torch_dtype=torch.float32)
            if adapter is not None:
                from peft import PeftModel
                model = PeftModel.from_pretrained(model, exp_dir)
            model.eval()
            ids = torch.tensor([expected["input_ids"]])
            labels = torch.tensor([expected["labels"]])
            with torch.no_grad():
                out = model(input_ids=ids, attention_mask=torch.ones_like(ids), labels=labels)
            last = out.logits[0, -1].double()
            name = arch if adapter is None else arch + " " + adapter
            ref_last = torch.tensor(expected["logits_last"], dtype=torch.float64)
            results[name] = {
                "logits_last": last.tolist(),
                "loss": float(out.loss),
                "fixture_logits_last_diff": float((last - ref_last).abs().max()),
                "fixture_loss_diff": abs(float(out.loss) - float(expected["loss"]["loss"])),
            }
    with open(out_path, "w") as f:
        json.dump(results, f)


if __name__ == "__main__":
    main()
