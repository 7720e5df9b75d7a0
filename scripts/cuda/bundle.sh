#!/usr/bin/env bash
# Builds the tunebench CLI against the CUDA LibTorch inside a PyTorch wheel, here on a machine
# without a GPU or the CUDA toolkit, and packs it with what a bare GPU machine lacks (Qt, ICU,
# sentencepiece, ...) and the data that scripts/cuda/check.py needs. DEVELOPERS.md, "The CUDA path".
#
#   scripts/cuda/bundle.sh [TORCH_VERSION] [DEST]     (defaults: 2.11.0, .devcarry)
#
# TORCH_VERSION must be the PyTorch installed on the GPU machine: the binary runs against that
# machine's own torch/lib. Then, there:  bash scripts/cuda/run.sh DEST OUT_DIR
set -euo pipefail
cd "$(dirname "$0")/../.."
VER=${1:-2.11.0}
DEST=${2:-.devcarry}
SHARED=${TUNEBENCH_SHARED:-../shared}
CACHE=$(realpath -m "${TUNEBENCH_WHEEL_CACHE:-$HOME/.cache/tunebench-wheels}")
TORCH_DIR=$CACHE/torch-$VER/torch

if [[ ! -f $TORCH_DIR/lib/libtorch_cpu.so ]]; then
  mkdir -p "$CACHE"
  python3 -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 \
    --platform manylinux_2_28_x86_64 -d "$CACHE" "torch==$VER"
  unzip -q -o "$CACHE"/torch-"$VER"-cp312-*.whl 'torch/include/*' 'torch/share/*' 'torch/lib/*' \
    'torch/version.py' -d "$CACHE/torch-$VER"
fi

BUILD=build-cuda-$VER
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DTUNEBENCH_BUILD_GUI=OFF \
  -DTUNEBENCH_BUILD_TESTS=OFF -DTUNEBENCH_TORCH_PYTHON_DIR="$TORCH_DIR" >/dev/null
cmake --build "$BUILD" --target tunebench tunebench_spm

rm -rf "$DEST" && mkdir -p "$DEST"
R=$DEST/bundle
mkdir -p "$R/bin" "$R/lib" "$R/plugins/sqldrivers"
cp "$BUILD/app/tunebench" "$BUILD/app/libtunebench_spm.so" "$R/bin/"
cp "$(qtpaths6 --query QT_INSTALL_PLUGINS 2>/dev/null || echo /usr/lib/x86_64-linux-gnu/qt6/plugins)/sqldrivers/libqsqlite.so" \
  "$R/plugins/sqldrivers/"
strip "$R/bin/tunebench" "$R/bin/libtunebench_spm.so"
echo "$VER" >"$R/torch-version"
# Every library these need, except the C runtime and what the GPU machine's PyTorch brings.
skip='linux-vdso|ld-linux|libc\.so|libm\.so|libpthread|librt\.so|libdl\.so|libutil\.so|libresolv|libstdc\+\+|libgcc_s|libgomp|/torch/lib/|/usr/local/|libcu|libnv|libnccl'
for _ in 1 2 3; do
  for f in "$R"/bin/* "$R"/plugins/sqldrivers/*.so "$R"/lib/*; do
    [[ -e $f ]] && ldd "$f" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// {print $3}' | grep -Ev "$skip" || true
  done | sort -u | while read -r lib; do cp -nL "$lib" "$R/lib/"; done
done
tar -C "$DEST" -cJf "$DEST/bundle.tar.xz" bundle && rm -rf "$R"

mkdir -p "$DEST/data"
python3 scripts/cuda/check.py --make-data "$SHARED" "$DEST/data"
cp -r "$SHARED/fixtures/hf-tiny" "$SHARED/models/stories260K" "$DEST/data/"
du -sh "$DEST"
echo "on the GPU machine: bash scripts/cuda/run.sh $DEST \$OUT   (carry $DEST)"
