#!/usr/bin/env bash
# The action's pull-request check: only the lines the pull request added or changed (since
# the merge base of its base branch), reported as annotations on its diff.
#   AWESOMELINT_BASE_REF  the base branch (default: GITHUB_BASE_REF)
#   AWESOMELINT_PATHS     files or folders, split on spaces (default: what check picks)
#   AWESOMELINT_ARGS      more arguments for `awesomelint check`, split on spaces
set -euo pipefail

base="${AWESOMELINT_BASE_REF:-${GITHUB_BASE_REF:-}}"
if [ -z "$base" ]; then
  echo "::error::awesomelint: no base branch to compare with (set the base-ref input)"
  exit 2
fi
remote="${AWESOMELINT_REMOTE:-origin}"
read -r -a paths <<< "${AWESOMELINT_PATHS:-}"
read -r -a extra <<< "${AWESOMELINT_ARGS:-}"

# --since needs the base branch and enough history to find where the branch left it.
if [ "$(git rev-parse --is-shallow-repository)" = "true" ]; then
  git fetch --no-tags --quiet --unshallow "$remote" "+refs/heads/$base:refs/remotes/$remote/$base"
else
  git fetch --no-tags --quiet "$remote" "+refs/heads/$base:refs/remotes/$remote/$base"
fi

exec awesomelint check --output-format github --since "$remote/$base" \
  ${extra[@]+"${extra[@]}"} ${paths[@]+"${paths[@]}"}
