#!/usr/bin/env bash
# Creates the reference-stack venvs used by the live parity tests (idempotent):
#   .venv-reference   transformers 4.40.2 + peft 0.10.0 + accelerate 0.29.3 on Debian's torch 1.13,
#                     rouge-score, sacrebleu, jinja2, sentencepiece, safetensors
#   .venv-tokenizers  a current `tokenizers` (>= 0.20 reads both merge spellings), nothing else
# Debian's torch reports 1.13.0a0, which pip ranks below 1.13.0, so peft goes in with --no-deps
# and its requirements are listed here: otherwise pip would download another torch.
set -euo pipefail
cd "$(dirname "$0")/.."
STAMP_VERSION=4

make_venv() {  # dir stamp-text pip-args...
  local dir=$1 stamp=$2; shift 2
  if [[ -f $dir/.tunebench-stamp && $(cat "$dir/.tunebench-stamp") == "$stamp" ]]; then return 0; fi
  echo "tunebench: creating $dir (reference stack for parity tests)"
  rm -rf "$dir"
  /usr/bin/python3 -m venv --system-site-packages "$dir"
  "$dir/bin/pip" install -q --disable-pip-version-check "$@"
  echo "$stamp" > "$dir/.tunebench-stamp"
}

REF_PKGS=(
  "transformers==4.40.2" "tokenizers>=0.19,<0.20" "huggingface-hub>=0.19,<1.0" "safetensors>=0.4.1"
  "accelerate==0.29.3" "sentencepiece" "rouge-score==0.1.2" "sacrebleu==2.4.3" "jinja2>=3.1"
  "protobuf<4" "regex" "pyyaml" "packaging" "psutil" "tqdm" "requests" "filelock" "nltk" "absl-py" "six"
  "numpy<2"
)
make_venv .venv-reference "v$STAMP_VERSION ${REF_PKGS[*]}" "${REF_PKGS[@]}"
if ! .venv-reference/bin/python -c "import peft" 2>/dev/null; then
  .venv-reference/bin/pip install -q --disable-pip-version-check --no-deps "peft==0.10.0"
fi
.venv-reference/bin/python - <<'PY'
import torch, transformers, peft, rouge_score, sacrebleu, jinja2
assert torch.__version__.startswith("1.13"), f"unexpected torch {torch.__version__}: the venv must use Debian's python3-torch"
PY

make_venv .venv-tokenizers "v$STAMP_VERSION tokenizers>=0.20" "tokenizers>=0.20" "numpy<2"
