#!/usr/bin/env bash
# Builds Tunebench, fills a temporary workspace with real data (DialogSum imported through the
# CLI, the stories260K model, an instruction set, two LoRA runs), then runs the app under
# Xvfb with --screenshot-dir, which shows every page and grabs the window into
# docs/screenshots/<page>.png (and main.png for the README).
#   scripts/screenshots.sh [BUILD_DIR]      (default: build, as scripts/build.sh makes it)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
shared="$root/../shared"
out="$root/docs/screenshots"

if [ ! -d "$build" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
ninja -C "$build" -j"${JOBS:-2}" tunebench
exe="$build/app/tunebench"
command -v xvfb-run >/dev/null || { echo "xvfb-run is missing (apt-get install xvfb)"; exit 1; }
[ -d "$shared/datasets/dialogsum" ] || { echo "../shared/datasets/dialogsum is missing"; exit 1; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
ws="$tmp/screens.tunebench"
export XDG_CONFIG_HOME="$tmp/config"   # keep the user's settings out of it

"$exe" --workspace "$ws" import "$shared/datasets/dialogsum/train.jsonl" --dataset dialogsum_train
"$exe" --workspace "$ws" import "$shared/datasets/dialogsum/test.jsonl" --dataset dialogsum_test
model="$shared/models/stories260K"
"$exe" --workspace "$ws" build --datasets dialogsum_train,dialogsum_test:test --templates dialogue_summarisation \
  --split 0.9,0.1,0 --seed 42 --out dialogsum-flan --max-per-dataset 2000 --tokenizer "$model"
# the Models page stores folders in the workspace: the GUI adds this one through its own code path
export TB_SCREENSHOT_MODEL="$model"
# a small LoRA rank sweep, so the Runs page has curves, a config diff and a rank view
for rank in 4 16; do
  "$exe" --workspace "$ws" train --model "$model" --instructions dialogsum-flan --method lora \
    --rank "$rank" --alpha $((2 * rank)) --targets q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj \
    --steps 150 --batch 8 --seq 384 --eval-every 50 --max-eval 40 --lr 3e-3 \
    --schedule cosine --warmup 8 --log-every 10 --device cpu
done
# an evaluation of the base against both adapters (the Evaluate page shows the newest one)
"$exe" --workspace "$ws" eval --model "$model" --adapters base,run:1,run:2 --instructions dialogsum-flan --split test \
  --limit 40 --max-new-tokens 40 --batch 20 --device cpu --name "base vs LoRA r4 / r16"

mkdir -p "$out"
xvfb-run -a -s "-screen 0 1600x1000x24" "$exe" --workspace "$ws" --screenshot-dir "$out"
ls -l "$out"
