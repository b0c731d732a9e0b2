#!/usr/bin/env bash
# Installs what the tests need beyond npm packages, from Debian's packages: Chromium (browser
# tests; Playwright cannot download its own here), a JDK 17 and Maven (the local OpenSearch), and
# PyTorch for the TorchScript fixtures.
# Idempotent: does nothing when everything is present.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -x /usr/lib/jvm/java-17-openjdk-amd64/bin/java ] || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v unzip >/dev/null 2>&1 || need+=(unzip)
# TorchScript fixtures are traced with Debian's PyTorch (1.13.1, what ML Commons 2.19 asks for).
/usr/bin/python3 -c 'import torch' >/dev/null 2>&1 || need+=(python3-torch)

if [ ${#need[@]} -eq 0 ]; then
  echo "install_deps: chromium, JDK 17, maven, unzip and python3-torch are present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install_deps: installing ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "install_deps: done"
