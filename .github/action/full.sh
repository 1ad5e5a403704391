#!/usr/bin/env bash
# The action's full check (a schedule, a manual run): every rule, the network ones included,
# with the link cache in AWESOMELINT_CACHE_DIR; the report goes to the job summary
# (GITHUB_STEP_SUMMARY) and the log. Its exit status is written to
# GITHUB_OUTPUT as `status`, and it exits 0, so that the cache is saved whatever it found.
#   AWESOMELINT_PATHS, AWESOMELINT_ARGS  as for pull-request.sh
set -uo pipefail

read -r -a paths <<< "${AWESOMELINT_PATHS:-}"
read -r -a extra <<< "${AWESOMELINT_ARGS:-}"
cache=()
if [ -n "${AWESOMELINT_CACHE_DIR:-}" ]; then
  cache=(--cache-dir "$AWESOMELINT_CACHE_DIR")
fi
report="$(mktemp)"
awesomelint check --output-format markdown ${cache[@]+"${cache[@]}"} \
  ${extra[@]+"${extra[@]}"} ${paths[@]+"${paths[@]}"} > "$report"
status=$?
cat "$report"
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  cat "$report" >> "$GITHUB_STEP_SUMMARY"
fi
rm -f "$report"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "status=$status" >> "$GITHUB_OUTPUT"
fi
exit 0
