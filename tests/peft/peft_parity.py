"""Live parity for tests/peft/test_peft_live: runs transformers 4.40.2 + peft 0.10.0 on jobs the
C++ test prepared and writes what they compute (logits, masked loss, gradients after one
backward, parameter counts) so the test can compare with ours.

usage: python peft_parity.py JOBS.json OUT_DIR
Each job: {"name", "model_dir", "adapter_dir" | null, "method", "peft_config" (for counts),
           "input_ids": [[...]], "labels": [[...]],
           optional "generate": {"input_ids": [[...]], "max_new_tokens": N} (greedy, no eos stop),
           optional "train_seed": S (forward in training mode, dropout on, torch.manual_seed(S) first)}
Writes OUT_DIR/<name>.safetensors (logits, grad.<key>) and OUT_DIR/results.json (with
"generated": the new token ids per row when the job asks for generation).
"""
import json
import os
import sys

import torch
from safetensors.torch import save_file
from transformers import AutoModelForCausalLM
import peft


def save_key(name):
    # PeftModel parameter name -> the key save_pretrained writes
    if name.startswith("prompt_encoder."):
        return "prompt_embeddings"
    return name.replace(".default", "")


def make_config(method, cfg):
    if method == "lora":
        return peft.LoraConfig(task_type="CAUSAL_LM", **cfg)
    if method == "ia3":
        return peft.IA3Config(task_type="CAUSAL_LM", **cfg)
    if method == "prompt":
        return peft.PromptTuningConfig(task_type="CAUSAL_LM", **cfg)
    raise ValueError(method)


def main():
    jobs = json.load(open(sys.argv[1]))
    out_dir = sys.argv[2]
    torch.set_num_threads(2)
    results = {}
    for job in jobs:
        base = AutoModelForCausalLM.from_pretrained(job["model_dir"], torch_dtype=torch.float32)
        ids = torch.tensor(job["input_ids"], dtype=torch.long)
        labels = torch.tensor(job["labels"], dtype=torch.long)
        method = job["method"]
        if job.get("adapter_dir"):
            # peft 0.10 refuses is_trainable=True for prompt-learning adapters: load it frozen
            # and make the virtual-token embedding trainable by hand (what training would do).
            prompt = method == "prompt"
            model = peft.PeftModel.from_pretrained(base, job["adapter_dir"], is_trainable=not prompt)
            if prompt:
                for n, p in model.named_parameters():
                    if "prompt_encoder" in n:
                        p.requires_grad_(True)
        else:
            model = base
            for p in model.parameters():
                p.requires_grad_(True)
        # eval(): gradients flow all the same, and the config's dropout (GPT-2 has 0.1) stays
        # off, so the two implementations see the same deterministic network. With train_seed,
        # training mode: both sides seed torch's CPU generator (the same Debian libtorch) and
        # must draw the same dropout masks in the same order.
        if job.get("train_seed"):
            model.train()
            torch.manual_seed(job["train_seed"])
        else:
            model.eval()
        out = model(input_ids=ids, labels=labels)
        out.loss.backward()
        tensors = {"logits": out.logits.detach().contiguous()}
        seen = set()
        for name, p in model.named_parameters():
            if p.requires_grad and p.grad is not None and id(p) not in seen:
                seen.add(id(p))
                key = save_key(name) if job.get("adapter_dir") else name
                tensors["grad." + key] = p.grad.detach().contiguous()
        save_file(tensors, os.path.join(out_dir, job["name"] + ".safetensors"))
        res = {"loss": out.loss.item()}
        if job.get("peft_config") is not None:
            fresh = AutoModelForCausalLM.from_pretrained(job["model_dir"], torch_dtype=torch.float32)
            pm = peft.get_peft_model(fresh, make_config(method, job["peft_config"]))
            trainable, total = pm.get_nb_trainable_parameters()
            res["trainable_params"] = trainable
            res["total_params"] = total
        elif method == "full":
            res["trainable_params"] = sum(p.numel() for p in base.parameters())
            res["total_params"] = res["trainable_params"]
        if job.get("generate"):
            # The saved adapter as PeftModel runs it for inference (generate() with its KV cache).
            gbase = AutoModelForCausalLM.from_pretrained(job["model_dir"], torch_dtype=torch.float32)
            gm = peft.PeftModel.from_pretrained(gbase, job["adapter_dir"])
            gm.eval()
            gids = torch.tensor(job["generate"]["input_ids"], dtype=torch.long)
            with torch.no_grad():
                seqs = gm.generate(input_ids=gids, attention_mask=torch.ones_like(gids), do_sample=False,
                                   max_new_tokens=job["generate"]["max_new_tokens"], eos_token_id=None,
                                   pad_token_id=0)
            res["generated"] = seqs[:, gids.shape[1]:].tolist()
        results[job["name"]] = res
    json.dump(results, open(os.path.join(out_dir, "results.json"), "w"))


if __name__ == "__main__":
    main()
