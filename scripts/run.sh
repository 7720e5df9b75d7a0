#!/usr/bin/env bash
# The README's first command: installs what is missing, builds, and launches the app.
# Extra arguments go to tunebench (e.g. --workspace PATH, or a subcommand).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
if [[ $# -eq 0 && -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
  echo "Built build/app/tunebench. There is no display here (DISPLAY is not set), so the window cannot open."
  echo "Use the headless subcommands (build/app/tunebench --help), or run the app under Xvfb:"
  echo "  xvfb-run -a build/app/tunebench"
  exec build/app/tunebench --help
fi
exec build/app/tunebench "$@"
