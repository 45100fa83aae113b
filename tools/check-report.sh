#!/usr/bin/env bash
# Opens a lamina training report in headless Chromium and checks that it renders offline:
# the DOM has the title, the tables and the embedded learning curves; the page logs no console
# error and requests nothing from the network; a screenshot is written beside the report.
#
#   tools/check-report.sh [runs/<timestamp>/report.html]
#
# Without an argument it trains a tiny red-wine model (./lamina train --epochs 3 --layers 8)
# into runs/check-report/ and checks that report. Needs Debian's chromium package
# (apt-get install -y chromium); exits 77 (skipped) when no chromium is installed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [[ -z "$browser" ]]; then
  echo "check-report: no chromium installed; skipped" >&2
  exit 77
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
report="${1:-}"
if [[ -z "$report" ]]; then
  "$root/lamina" train --epochs 3 --layers 8 --out "$root/runs/check-report" >/dev/null
  report="$root/runs/check-report/report.html"
fi
[[ -f "$report" ]] || { echo "check-report: no file $report" >&2; exit 1; }
report="$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
url="file://$report"
flags=(--headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/profile"
  --enable-logging=stderr --v=0)

timeout 120 "$browser" "${flags[@]}" --dump-dom "$url" >"$work/dom.html" 2>"$work/dom.log"
shot="${report%.html}-screenshot.png"
timeout 120 "$browser" "${flags[@]}" --hide-scrollbars --window-size=1000,2400 \
  --screenshot="$shot" "$url" >/dev/null 2>"$work/shot.log"

fail=0
need() {
  if ! grep -q -- "$1" "$work/dom.html"; then
    echo "check-report: the rendered page lacks $2" >&2
    fail=1
  fi
}
need '<h1>Lamina training run' "the title"
need '<h2>Model</h2>' "the model summary"
need '<img alt="learning curves" src="data:image/png;base64,' "the embedded learning curves"
need '<th>metric</th>' "the metrics table"
if grep -E 'CONSOLE|Uncaught|Failed to load resource|net::ERR' "$work/dom.log" "$work/shot.log"; then
  echo "check-report: the page logged errors or network requests (above)" >&2
  fail=1
fi
if grep -Eo '(src|href)="(https?:)?//[^"]*"' "$work/dom.html"; then
  echo "check-report: the page refers to the network (above); it must be self-contained" >&2
  fail=1
fi
if [[ ! -s "$shot" ]]; then
  echo "check-report: no screenshot was written" >&2
  fail=1
fi
if [[ "$fail" == 0 ]]; then
  echo "check-report: OK: $report renders offline; screenshot $shot"
fi
exit "$fail"
