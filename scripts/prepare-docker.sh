#!/usr/bin/env bash
# Prepares a Debian machine for Faultline's containers, doing only what is missing:
#   1. installs docker.io, docker-compose (v1) and debootstrap from Debian;
#   2. starts dockerd when no engine answers (logs in /var/log/faultline-dockerd.log);
#   3. builds the local base images, with no image registry:
#        local/debian:<suite>   a minbase root filesystem made by debootstrap from the mirror apt already uses
#        local/jre:17           that + Debian's openjdk-17-jre-headless (deploy/docker/jre/Dockerfile)
# Every Faultline image takes its base as a build argument; users with a registry keep the public defaults
# (eclipse-temurin:17-jre) and need none of this. `./faultline compose ...` runs this script first.
# No mirror host is written here: it is read from the machine's own apt sources.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log() { printf 'prepare-docker: %s\n' "$*" >&2; }
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo

apt_install() {
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >&2 \
    || { $sudo apt-get update >&2 && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >&2; }
}

missing=()
command -v dockerd >/dev/null || missing+=(docker.io)
command -v docker-compose >/dev/null || missing+=(docker-compose)
command -v debootstrap >/dev/null || missing+=(debootstrap)
if ((${#missing[@]})); then
  log "installing ${missing[*]} ..."
  apt_install "${missing[@]}"
fi

# Debian's client: a newer one elsewhere on the PATH may only know BuildKit, which this engine's legacy builder lacks.
DOCKER=/usr/bin/docker
if ! $DOCKER info >/dev/null 2>&1; then
  log "starting dockerd ..."
  # the package's service may not run here (no systemd): start the daemon directly, detached from this shell
  $sudo setsid nohup dockerd --bip 172.17.0.1/16 >/var/log/faultline-dockerd.log 2>&1 </dev/null &
  for _ in $(seq 1 60); do
    $DOCKER info >/dev/null 2>&1 && break
    sleep 0.5
  done
  $DOCKER info >/dev/null 2>&1 || { log "dockerd did not answer in 30 s; see /var/log/faultline-dockerd.log"; exit 1; }
fi

suite="$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")"
if ! $DOCKER image inspect "local/debian:$suite" >/dev/null 2>&1; then
  # the first "URIs:" (deb822) or "deb URL" line of the host's apt sources: the mirror this machine already uses
  mirror="$(grep -h '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -1 || true)"
  [ -n "$mirror" ] || mirror="$(grep -h '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
    | awk '{print $2}' | grep -v security | head -1 || true)"
  [ -n "$mirror" ] || { log "no Debian mirror found in /etc/apt/sources.list*"; exit 1; }
  rootfs="$(mktemp -d /tmp/faultline-rootfs.XXXXXX)"
  trap '$sudo rm -rf "$rootfs"' EXIT
  log "debootstrap $suite from $mirror (about a minute) ..."
  $sudo debootstrap --variant=minbase "$suite" "$rootfs" "$mirror" >/tmp/faultline-debootstrap.log 2>&1 \
    || { log "debootstrap failed; see /tmp/faultline-debootstrap.log"; exit 1; }
  # the image's apt reaches the same mirror as the host
  $sudo rm -f "$rootfs/etc/apt/sources.list"
  $sudo cp -r /etc/apt/sources.list.d/. "$rootfs/etc/apt/sources.list.d/" 2>/dev/null || true
  [ -f /etc/apt/sources.list ] && $sudo cp /etc/apt/sources.list "$rootfs/etc/apt/sources.list"
  $sudo rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/archives/*.deb
  $sudo tar -C "$rootfs" -c . | $DOCKER import - "local/debian:$suite" >/dev/null
  log "built local/debian:$suite"
fi

if ! $DOCKER image inspect local/jre:17 >/dev/null 2>&1; then
  log "building local/jre:17 ..."
  $DOCKER build -q --build-arg "BASE=local/debian:$suite" -t local/jre:17 "$ROOT/deploy/docker/jre" >/dev/null
  log "built local/jre:17"
fi
