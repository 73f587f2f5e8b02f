#!/usr/bin/env bash
# Installs Debian's chromium, chromium-driver and the Liberation fonts (Arial metrics, which the
# report's figures are laid out for) when any is missing, for the browser test of the HTML report
# (ssm-report ReportBrowserTest) and the workbench's (ssm-web), and curl for the CI smoke test of
# `ssm serve`. Idempotent: does nothing when all are there.
# Needs root (CI and the developer machines run as root) or sudo.
set -euo pipefail

if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] && command -v curl >/dev/null 2>&1 && fc-list 2>/dev/null | grep -q LiberationSans; then
  echo "install-chromium: chromium, chromedriver and fonts already installed"
  exit 0
fi

sudo=""
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "install-chromium: needs root (or sudo) to run apt-get" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
echo "install-chromium: apt-get update"
$sudo apt-get update -qq >/dev/null
echo "install-chromium: apt-get install chromium chromium-driver fonts-liberation curl"
$sudo apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-liberation fonts-dejavu-core fontconfig curl >/dev/null
/usr/bin/chromium --version 2>/dev/null  # its wrapper script prints a harmless shell warning
/usr/bin/chromedriver --version
