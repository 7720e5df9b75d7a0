#!/usr/bin/env python3
"""The CUDA checks that CI, which has no GPU, cannot run (DEVELOPERS.md, "The CUDA path").

    python3 scripts/cuda/check.py --tunebench TUNEBENCH --data DIR --out OUT [--quick]

DIR holds hf-tiny/ (../shared/fixtures/hf-tiny), stories260K/ (../shared/models) and
train.jsonl / eval.jsonl ({"prompt","completion"} rows; scripts/cuda/check.py --make-data
SHARED DIR writes them from DialogSum). The python3 running this is also the reference for
`bench train` (it needs torch with CUDA, transformers and peft).

What it checks, each section independent of the others' success:
  forward   CUDA logits of every decoder fixture, base and with its LoRA / prompt-tuning
            adapter, against the transformers/peft expectations (fp32; bf16 for llama, to see its scale)
  train     LoRA on stories260K for 300 steps on CUDA in fp32, bf16, fp16 and bf16 with
            gradient checkpointing, and the first steps on the CPU: the losses must track
  resume    SIGKILL after a checkpoint on CUDA, then --resume: the losses after it
  generate  greedy generation on CUDA against the golden transformers continuation
  bench     bench train on CUDA against transformers+peft in the same run
Writes OUT/summary.json and prints a readable summary.
"""
import argparse
import collections
import json
import os
import signal
import subprocess
import sys
import threading
import time

DEVICE = "cuda"   # --device cpu dry-runs the script where there is no GPU


def run_lines(cmd, kill_at_checkpoint=0, timeout=900):
    """Runs cmd; returns (exit code, JSON lines, stderr tail). SIGKILL after that checkpoint."""
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # stderr drained beside stdout: a child that fills the pipe would block forever
    err_tail = collections.deque(maxlen=40)
    drain = threading.Thread(target=lambda: err_tail.extend(p.stderr), daemon=True)
    drain.start()
    lines, killed = [], False
    t0 = time.time()
    for raw in p.stdout:
        raw = raw.strip()
        if not raw.startswith("{"):
            continue
        try:
            j = json.loads(raw)
        except ValueError:
            continue
        lines.append(j)
        if kill_at_checkpoint and not killed and j.get("event") == "checkpoint" and j.get("step") == kill_at_checkpoint:
            p.send_signal(signal.SIGKILL)
            killed = True
        if time.time() - t0 > timeout:
            p.kill()
    p.wait()
    drain.join(timeout=10)
    err = "".join(err_tail)[-1500:]
    return (-9 if killed else p.returncode), lines, err


def max_abs_diff(a, b):
    return max(abs(x - y) for x, y in zip(a, b)) if len(a) == len(b) else float("inf")


def check_forward(tb, data, out):
    res = []
    root = os.path.join(data, "hf-tiny")
    for arch in ["llama", "llama_gqa", "qwen2", "gpt2", "gpt_neox"]:
        for sub in ["", "lora", "prompt_tuning"]:
            path = os.path.join(root, arch, sub) if sub else os.path.join(root, arch)
            exp_file = os.path.join(path, "expected.json")
            if not os.path.exists(exp_file):
                continue
            exp = json.load(open(exp_file))
            ids = ",".join(map(str, exp["input_ids"]))
            # LibTorch's fused attention (the default on CUDA with LibTorch >= 2.5) and, for the
            # llama fixtures, the plain path as well (TUNEBENCH_SDPA=off), to compare the two.
            variants = [(d, "default") for d in (["fp32", "bf16"] if arch == "llama" else ["fp32"])]
            if arch in ("llama", "llama_gqa"):
                variants.append(("fp32", "off"))
            for dtype, sdpa in variants:
                cmd = [tb, "forward", "--model", os.path.join(root, arch), "--ids", ids, "--device", DEVICE, "--dtype", dtype]
                if sub:
                    cmd += ["--adapter", path]
                env = dict(os.environ, TUNEBENCH_SDPA="off") if sdpa == "off" else None
                p = subprocess.run(cmd, capture_output=True, text=True, env=env)
                row = {"arch": arch, "adapter": sub or "none", "dtype": dtype, "sdpa": sdpa, "exit": p.returncode}
                try:
                    got = json.loads(p.stdout.strip().splitlines()[-1])["logits_last"]
                    row["max_abs_diff"] = max_abs_diff(got, exp["logits_last"])
                except (ValueError, IndexError, KeyError):
                    row["error"] = (p.stderr or p.stdout)[-300:]
                res.append(row)
    out["forward"] = res


def train_cmd(tb, data, ws, extra):
    return [tb, "train", "--workspace", ws, "--model", os.path.join(data, "stories260K"),
            "--data", os.path.join(data, "train.jsonl"), "--eval-data", os.path.join(data, "eval.jsonl"),
            "--method", "lora", "--rank", "8", "--alpha", "16", "--targets", "q_proj,v_proj",
            "--lr", "3e-3", "--batch", "8", "--seq", "256", "--seed", "7", "--max-eval", "100"] + extra


def summarize_train(code, lines, err, wall):
    steps = [j for j in lines if j.get("event") == "step"]
    evals = [j for j in lines if j.get("event") == "eval"]
    r = {"exit": code, "wall_s": round(wall, 1), "losses": [j["loss"] for j in steps],
         "eval": [(j["step"], j["eval_loss"]) for j in evals]}
    if steps:
        r["tokens_per_s_last"] = steps[-1].get("tokens_per_s")
        r["memory_mb_max"] = max(j.get("memory_mb", 0) for j in steps)
    msgs = [j["text"] for j in lines if j.get("event") == "message"]
    if msgs:
        r["messages"] = msgs[-5:]
    if code != 0:
        r["stderr"] = err
    return r


def check_train(tb, data, out, work, steps):
    res = {}
    variants = [("cuda_fp32", ["--device", DEVICE, "--precision", "fp32"]),
                ("cuda_bf16", ["--device", DEVICE, "--precision", "bf16"]),
                ("cuda_fp16", ["--device", DEVICE, "--precision", "fp16"]),
                ("cuda_bf16_checkpointing", ["--device", DEVICE, "--precision", "bf16", "--gradient-checkpointing"]),
                ("cpu_fp32_first20", ["--device", "cpu", "--precision", "fp32"])]
    for name, flags in variants:
        n = 20 if name.startswith("cpu") else steps
        ws = os.path.join(work, name + ".db")
        t0 = time.time()
        code, lines, err = run_lines(train_cmd(tb, data, ws, flags + ["--steps", str(n), "--eval-every", str(max(1, n // 3)),
                                                                      "--log-every", "1", "--output-dir", os.path.join(work, name)]))
        res[name] = summarize_train(code, lines, err, time.time() - t0)
    cpu = res["cpu_fp32_first20"]["losses"]
    for name in res:
        l = res[name]["losses"]
        if name != "cpu_fp32_first20" and l and cpu:
            res[name]["first20_max_abs_diff_vs_cpu_fp32"] = max_abs_diff(l[:len(cpu)], cpu)
    out["train"] = res


def check_resume(tb, data, out, work):
    common = ["--device", DEVICE, "--precision", "fp32", "--steps", "30", "--save-every", "10", "--log-every", "1"]
    code_a, a, err_a = run_lines(train_cmd(tb, data, os.path.join(work, "resume_a.db"), common + ["--output-dir", os.path.join(work, "ra")]))
    ws_b = os.path.join(work, "resume_b.db")
    code_k, k, _ = run_lines(train_cmd(tb, data, ws_b, common + ["--output-dir", os.path.join(work, "rb")]), kill_at_checkpoint=20)
    r = {"uninterrupted_exit": code_a, "killed_exit": code_k}
    if k and "run_id" in k[0]:
        code_b, b, err_b = run_lines([tb, "train", "--workspace", ws_b, "--resume", str(k[0]["run_id"])])
        la = {j["step"]: j["loss"] for j in a if j.get("event") == "step"}
        lb = {j["step"]: j["loss"] for j in b if j.get("event") == "step"}
        common_steps = sorted(s for s in lb if s in la)
        r.update({"resumed_exit": code_b, "resumed_steps": common_steps[:1] + common_steps[-1:],
                  "max_abs_diff_after_resume": max((abs(la[s] - lb[s]) for s in common_steps), default=None),
                  "bit_equal": all(la[s] == lb[s] for s in common_steps) and bool(common_steps)})
        if code_b != 0:
            r["stderr"] = err_b
        integ = subprocess.run(["python3", "-c", "import sqlite3,sys;print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])", ws_b],
                               capture_output=True, text=True)
        r["integrity_check"] = integ.stdout.strip()
    else:
        r["error"] = "no run_id in the killed run's first line"
    out["resume"] = r


def check_generate(tb, data, out):
    model = os.path.join(data, "stories260K")
    golden = json.load(open(os.path.join(model, "golden_greedy_once_upon_a_time.json")))
    res = {}
    prompt, want = golden["prompt_ids"], golden["greedy_ids"]
    new_ids = want[len(prompt):] if want[:len(prompt)] == prompt else want
    for dtype in ["fp32", "bf16"]:
        cmd = [tb, "generate", "--model", model, "--device", DEVICE, "--dtype", dtype, "--greedy", "--json",
               "--max-new-tokens", str(len(new_ids)), "--prompt-ids", ",".join(map(str, prompt))]
        p = subprocess.run(cmd, capture_output=True, text=True)
        row = {"exit": p.returncode}
        try:
            got = json.loads(p.stdout.strip().splitlines()[-1])
            row["text"] = got.get("text", "")[:200]
            ids = got.get("ids", [])
            row["ids_equal_golden"] = ids in (want, new_ids)
            row["matching_prefix"] = next((i for i, (x, y) in enumerate(zip(ids[-len(new_ids):], new_ids)) if x != y), len(new_ids))
        except (ValueError, IndexError):
            row["error"] = (p.stderr or p.stdout)[-300:]
        res[dtype] = row
    out["generate"] = res


def check_bench(tb, out, quick):
    runs = [["--method", "lora", "--rank", "8", "--seq", "256", "--batch", "4", "--precision", "fp32"],
            ["--method", "lora", "--rank", "8", "--seq", "256", "--batch", "4", "--precision", "bf16"],
            ["--method", "lora", "--rank", "16", "--seq", "1024", "--batch", "16", "--precision", "bf16"],
            ["--method", "lora", "--rank", "16", "--seq", "1024", "--batch", "16", "--precision", "bf16", "--gradient-checkpointing"],
            ["--method", "full", "--seq", "1024", "--batch", "8", "--precision", "bf16"]]
    # The plain attention path (recomputed probabilities) instead of LibTorch's fused kernel.
    runs.append(runs[2] + ["--no-reference", "sdpa=off"])
    if quick:
        runs = runs[:2]
    res = []
    for flags in runs:
        env = None
        if flags[-1] == "sdpa=off":
            flags = flags[:-1]
            env = dict(os.environ, TUNEBENCH_SDPA="off")
        cmd = [tb, "bench", "train", "--shape", "smollm2-135m", "--device", DEVICE, "--train-steps", "10", "--train-warmup", "3"] + flags
        t0 = time.time()
        p = subprocess.run(cmd, capture_output=True, text=True, env=env)
        try:
            j = json.loads(p.stdout.strip().splitlines()[-1])
        except (ValueError, IndexError):
            j = {"error": (p.stderr or p.stdout)[-600:]}
        j["args"] = " ".join(flags) + (" (TUNEBENCH_SDPA=off)" if env else "")
        j["wall_s"] = round(time.time() - t0, 1)
        res.append(j)
    out["bench"] = res


def make_data(shared, dest, n_train=800, n_eval=100):
    os.makedirs(dest, exist_ok=True)
    for src, dst, n in [("train.jsonl", "train.jsonl", n_train), ("validation.jsonl", "eval.jsonl", n_eval)]:
        with open(os.path.join(shared, "datasets", "dialogsum", src)) as f, open(os.path.join(dest, dst), "w") as g:
            for i, line in enumerate(f):
                if i >= n:
                    break
                r = json.loads(line)
                g.write(json.dumps({"prompt": "Summarize the conversation.\n" + r["dialogue"] + "\nSummary:",
                                    "completion": " " + r["summary"]}) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tunebench")
    ap.add_argument("--data")
    ap.add_argument("--out")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--device", default="cuda")
    ap.add_argument("--work", help="scratch folder for workspaces and runs (default OUT/work)")
    ap.add_argument("--only", default="forward,train,resume,generate,bench")
    ap.add_argument("--make-data", nargs=2, metavar=("SHARED", "DIR"))
    a = ap.parse_args()
    if a.make_data:
        make_data(*a.make_data)
        return
    global DEVICE
    DEVICE = a.device
    os.makedirs(a.out, exist_ok=True)
    work = a.work or os.path.join(a.out, "work")
    os.makedirs(work, exist_ok=True)
    os.environ.setdefault("TUNEBENCH_REFERENCE_PYTHON", sys.executable)
    out = {}
    only = a.only.split(",")
    steps = 120 if a.quick else 300
    for name, fn in [("forward", lambda: check_forward(a.tunebench, a.data, out)),
                     ("generate", lambda: check_generate(a.tunebench, a.data, out)),
                     ("train", lambda: check_train(a.tunebench, a.data, out, work, steps)),
                     ("bench", lambda: check_bench(a.tunebench, out, a.quick)),
                     ("resume", lambda: check_resume(a.tunebench, a.data, out, work))]:
        if name not in only:
            continue
        t0 = time.time()
        try:
            fn()
        except Exception as e:  # one broken section must not hide the others
            out[name] = {"exception": repr(e)}
        out.setdefault("section_seconds", {})[name] = round(time.time() - t0, 1)
        with open(os.path.join(a.out, "summary.json"), "w") as f:
            json.dump(out, f, indent=1)
        print(f"== {name} ({out['section_seconds'][name]} s)", flush=True)
        print(json.dumps(out[name])[:3000], flush=True)


if __name__ == "__main__":
    main()
