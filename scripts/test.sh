#!/usr/bin/env bash
# The README's second command: installs what is missing (Debian packages and the Python
# reference stack for the live parity tests), builds with warnings as errors, runs every test.
# Extra arguments go to ctest (e.g. -R tokenizer, -L slow, -LE slow).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/setup-reference.sh
TUNEBENCH_CMAKE_ARGS="-DTUNEBENCH_WERROR=ON ${TUNEBENCH_CMAKE_ARGS:-}" bash scripts/build.sh
cd "${TUNEBENCH_BUILD_DIR:-build}"
export QT_QPA_PLATFORM=offscreen
ctest --output-on-failure --timeout 1500 "$@"
