#!/usr/bin/env bash
# On the GPU machine: unpacks what scripts/cuda/bundle.sh made and runs scripts/cuda/check.py
# with that machine's PyTorch (its libraries, and its python3 as the reference stack).
#   bash scripts/cuda/run.sh BUNDLE_DIR OUT_DIR [check.py flags, e.g. --quick or --only bench]
set -uo pipefail
cd "$(dirname "$0")/../.."
SRC=$1 OUT=$2
shift 2
WORK=${TMPDIR:-/tmp}/tunebench-cuda
rm -rf "$WORK" && mkdir -p "$WORK" "$OUT"
tar -C "$WORK" -xJf "$SRC/bundle.tar.xz"
TP=$(python3 -c 'import os, torch; print(os.path.dirname(torch.__file__))') || exit 1
want=$(cat "$WORK/bundle/torch-version")
have=$(python3 -c 'import torch; print(torch.__version__.split("+")[0])')
[[ $want == "$have" ]] || echo "warning: built against torch $want, this machine has $have" >&2
# Use this machine's own copy of any library it already has.
for f in "$WORK"/bundle/lib/*; do
  ldconfig -p | grep -q "[[:space:]]$(basename "$f") " && rm -f "$f"
done
NV=$(find -L "$(dirname "$TP")/nvidia" -type d -name lib 2>/dev/null | tr '\n' ':')
export LD_LIBRARY_PATH=$TP/lib:$WORK/bundle/lib:$NV${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
export QT_PLUGIN_PATH=$WORK/bundle/plugins PYTHONUNBUFFERED=1
TB=$WORK/bundle/bin/tunebench
{
  "$TB" --version
  nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
  python3 -c 'import torch, transformers, peft; print("torch", torch.__version__, "transformers", transformers.__version__, "peft", peft.__version__)'
} 2>&1 | tee "$OUT/versions.txt"
python3 scripts/cuda/check.py --tunebench "$TB" --data "$SRC/data" --out "$OUT" --work "$WORK/runs" "$@" 2>&1 | tee "$OUT/log.txt"
