#!/usr/bin/env bash
# Configures and builds Tunebench into build/ (idempotent: a no-op build when nothing changed).
# Honours CMAKE_PREFIX_PATH / Torch_DIR for another LibTorch (e.g. the official CUDA archive)
# and TUNEBENCH_CMAKE_ARGS for extra configure flags.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${TUNEBENCH_BUILD_DIR:-build}
JOBS=${TUNEBENCH_JOBS:-$(nproc)}
args=(-G Ninja -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE:-RelWithDebInfo})
[[ -n "${Torch_DIR:-}" ]] && args+=("-DTorch_DIR=$Torch_DIR")
# shellcheck disable=SC2206
args+=(${TUNEBENCH_CMAKE_ARGS:-})
if [[ ! -f $BUILD_DIR/build.ninja ]]; then
  cmake -S . -B "$BUILD_DIR" "${args[@]}"
elif [[ -n "${TUNEBENCH_CMAKE_ARGS:-}" ]]; then
  cmake "$BUILD_DIR" "${args[@]}" >/dev/null
fi
cmake --build "$BUILD_DIR" -j "$JOBS"
