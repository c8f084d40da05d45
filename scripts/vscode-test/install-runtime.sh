#!/usr/bin/env bash
# Installs what the real-VS-Code tests need, outside the work tree and cached between runs:
# Debian's Chromium (the window) and code-server (the real VS Code workbench and Node extension host).
# Prints the code-server entry point on its last line. Fails with the reason; never skips.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3   # = VS Code 1.100.3, the newest code-server that runs on node 20
RIPGREP_CACHE=vscode-ripgrep-cache-1.15.11
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz

cache="${REPORT_LINT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/report-lint}"
prefix="$cache/code-server-$CODE_SERVER_VERSION"
entry="$prefix/node_modules/code-server/out/node/entry.js"

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v rg >/dev/null || need_apt+=(ripgrep)
# Without a CJK font every Chinese character in a screenshot is an empty box.
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need_apt+=(fonts-noto-cjk)
if [ ! -f "$entry" ] && ! dpkg -s libkrb5-dev >/dev/null 2>&1; then need_apt+=(libkrb5-dev); fi
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "install-runtime: need Debian packages ${need_apt[*]} and am not root" >&2
    exit 1
  fi
  echo "install-runtime: apt-get install ${need_apt[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq "${need_apt[@]}" >&2
fi

if [ ! -f "$entry" ]; then
  echo "install-runtime: installing code-server $CODE_SERVER_VERSION into $prefix" >&2
  mkdir -p "$prefix" "$cache/tmp/$RIPGREP_CACHE"
  # @vscode/ripgrep downloads rg from GitHub unless this cached archive exists; Debian's rg is the same 13.0.0.
  if [ ! -f "$cache/tmp/$RIPGREP_CACHE/$RIPGREP_ASSET" ]; then
    tar czf "$cache/tmp/$RIPGREP_CACHE/$RIPGREP_ASSET" -C "$(dirname "$(command -v rg)")" rg
  fi
  # node-pty's install runs npx node-gyp, which waits for a "yes" without a terminal; root needs unsafe-perm.
  TMPDIR="$cache/tmp" npm_config_yes=true npm_config_unsafe_perm=true \
    npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2
fi
[ -f "$entry" ] || { echo "install-runtime: code-server entry point missing after install: $entry" >&2; exit 1; }
echo "$entry"
