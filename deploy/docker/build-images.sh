#!/usr/bin/env bash
# Builds Faultline's images, faultline/<name>:dev, from the built modules (`mvn install -DskipTests` first; `./faultline
# compose` does both). Two layers of images:
#   faultline/libs:dev   a JRE base ($BASE) + the third-party jars of every Java deployable, each once, at its Maven
#                        repository path (/app/libs/org/apache/kafka/...): rebuilt only when a dependency changes;
#   faultline/<name>:dev FROM faultline/libs:dev, + the deployable's own classes and Faultline's jars it uses, and its
#                        classpath in Maven's order as a java argument file (`java @/app/classpath MAIN`).
# Each deployable's Dockerfile sits in its module; its build context is the module's staged target/image (plus the
# module's docker/ files). Cassandra's image has jars of its own and takes BASE directly.
#   deploy/docker/build-images.sh [NAME ...]          all images, or the named ones (names below)
# BASE: $FAULTLINE_JRE_IMAGE, else local/jre:17 when this machine has it (scripts/prepare-docker.sh builds it from
# Debian packages, for machines that cannot pull), else eclipse-temurin:17-jre.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
DOCKER="${DOCKER:-/usr/bin/docker}"
M2="${M2_REPOSITORY:-$HOME/.m2/repository}"
log() { printf 'images: %s\n' "$*" >&2; }

# name -> module (the Java deployables; prometheus is built from deploy/docker/prometheus)
declare -A MODULES=(
  [devstack]=devstack [cassandra]=devstack-cassandra
  [hypothesis-service]=hypothesis-service [safety-service]=safety-service [injector-service]=injector-service/controller
  [analysis-service]=analysis-service [catalog-service]=catalog-service [console-service]=console-service
  [dataplane]=injector-service/dataplane [agent]=agent [demo-target]=demo-target
)
ORDER=(devstack cassandra hypothesis-service safety-service injector-service analysis-service catalog-service
  console-service dataplane agent demo-target prometheus)

base="${FAULTLINE_JRE_IMAGE:-}"
if [ -z "$base" ]; then
  if $DOCKER image inspect local/jre:17 >/dev/null 2>&1; then base=local/jre:17; else base=eclipse-temurin:17-jre; fi
fi
debian_base=debian:bookworm-slim
$DOCKER image inspect local/debian:bookworm >/dev/null 2>&1 && debian_base=local/debian:bookworm

# The module's classes and runtime classpath, as `./faultline` runs it (recorded at package, or asked of Maven).
classpath_of() {
  local module="$1" cpfile="$1/target/runtime.classpath"
  if [ "$module" = devstack-cassandra ]; then
    # Cassandra's own jars, recorded by devstack-cassandra; the devstack's classes write the node's configuration
    printf '%s:%s' devstack/target/classes \
      "$(cat devstack-cassandra/target/classes/dev/faultline/devstack/cassandra/cassandra.classpath)"
    return
  fi
  if [[ ! -f "$cpfile" || "$module/pom.xml" -nt "$cpfile" ]]; then
    mvn -B -q -o -pl "$module" dependency:build-classpath -DincludeScope=runtime \
      -Dmdep.outputFile="$ROOT/$cpfile" >&2
  fi
  printf '%s/target/classes:%s' "$module" "$(cat "$cpfile")"
}

# A third-party jar: in the Maven repository and not one of Faultline's own artifacts.
third_party() { [[ "$1" == "$M2"/* && "$1" != "$M2"/dev/faultline/* ]]; }

# A hard link when the source is on the same file system (no copy), else a copy.
place() { mkdir -p "$(dirname "$2")"; ln "$1" "$2" 2>/dev/null || cp "$1" "$2"; }

# Stages MODULE's context in MODULE/target/image; with SHARED=yes its third-party jars stay in faultline/libs.
stage() {
  local module="$1" shared="$2" dir="$1/target/image" entries entry n=0 file path=""
  rm -rf "$dir"
  mkdir -p "$dir/lib" "$dir/classes"
  IFS=: read -ra entries <<< "$(classpath_of "$module")"
  for entry in "${entries[@]}"; do
    [ -n "$entry" ] || continue
    n=$((n + 1))
    if [ -d "$entry" ]; then
      cp -r "$entry" "$dir/classes/$n"
      path+=":/app/classes/$n"
    elif [ "$shared" = yes ] && third_party "$entry"; then
      path+=":/app/libs/${entry#"$M2"/}"
    else
      file="$(printf '%03d' "$n")-$(basename "$entry")"
      place "$entry" "$dir/lib/$file"
      path+=":/app/lib/$file"
    fi
  done
  printf -- '-cp\n%s\n' "${path#:}" > "$dir/classpath"
  cp "$module/Dockerfile" "$dir/Dockerfile"
  if [ -d "$module/docker" ]; then cp -r "$module/docker/." "$dir/"; fi
}

# faultline/libs: every shared deployable's third-party jars, once each.
build_libs() {
  local dir=target/docker/libs name entries entry
  rm -rf "$dir"
  mkdir -p "$dir/libs"
  for name in "${ORDER[@]}"; do
    [[ "$name" == cassandra || "$name" == prometheus ]] && continue
    IFS=: read -ra entries <<< "$(classpath_of "${MODULES[$name]}")"
    for entry in "${entries[@]}"; do
      if third_party "$entry" && [ ! -e "$dir/libs/${entry#"$M2"/}" ]; then place "$entry" "$dir/libs/${entry#"$M2"/}"; fi
    done
  done
  cp deploy/docker/libs/Dockerfile deploy/docker/as-faultline "$dir/"
  build libs "$dir" "BASE=$base"
}

build() {
  local name="$1" context="$2" arg="$3" started=$SECONDS
  $DOCKER build -q --build-arg "$arg" -t "faultline/$name:dev" "$context" >/dev/null
  log "$(printf '%-30s %-30s %3d s' "faultline/$name:dev" "($arg)" $((SECONDS - started)))"
}

wanted=("$@")
[ ${#wanted[@]} -gt 0 ] || wanted=("${ORDER[@]}")
needs_libs=no
for name in "${wanted[@]}"; do
  [[ "$name" == prometheus || -n "${MODULES[$name]:-}" ]] || { log "no image named '$name'; known: ${ORDER[*]}"; exit 2; }
  [[ "$name" == cassandra || "$name" == prometheus ]] || needs_libs=yes
done
[ "$needs_libs" = no ] || build_libs
for name in "${wanted[@]}"; do
  case "$name" in
    prometheus) build prometheus deploy/docker/prometheus "BASE=$debian_base" ;;
    cassandra) stage devstack-cassandra no; cp deploy/docker/as-faultline devstack-cassandra/target/image/; build cassandra devstack-cassandra/target/image "BASE=$base" ;;
    *) stage "${MODULES[$name]}" yes; build "$name" "${MODULES[$name]}/target/image" "LIBS=faultline/libs:dev" ;;
  esac
done
