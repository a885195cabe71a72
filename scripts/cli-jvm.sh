# Sourced by ./faultline and scripts/stack-footprint.sh: the java options of the CLI's own JVM.
#   cli_jvm CLASSPATH   sets the array CLI_JVM: its flags, then -cp and its classpath
# A heap that starts small and grows as its live data needs (the local stack's schema registry and token issuer run in
# it), C1 only, the native heap handed back every 2 s (JDK 17.0.9+; an older JDK ignores the option): as the stack's
# other small JVMs (cli README, "Footprint"). Class-data sharing as devstack's ClassDataArchives gives the JVMs the CLI
# starts: the release jars first on the classpath; an archive of their classes mapped when there is one for this JDK
# and these jars, else the classes recorded, and a stack's stop writes the archive (LocalStack); FAULTLINE_CLASS_DATA=off
# turns it off.
cli_jvm() {
  local classpath="$1" entry stable=() rest=() dir fingerprint archive
  CLI_JVM=(-Xmx256m -Xms32m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:+UseSerialGC -XX:TieredStopAtLevel=1
           -XX:+IgnoreUnrecognizedVMOptions -XX:TrimNativeHeapInterval=2000)
  case "${FAULTLINE_CLASS_DATA:-on}" in
    off|OFF|false|no) CLI_JVM+=(-cp "$classpath"); return ;;
  esac
  IFS=: read -ra entries <<< "$classpath"
  for entry in "${entries[@]}"; do
    # a release jar no build writes (ClassDataArchives.isStable)
    if [[ "$entry" == *.jar && "$(basename "$entry")" != *-SNAPSHOT* && "/$entry/" != */target/* && -f "$entry" ]]; then
      stable+=("$entry")
    else
      rest+=("$entry")
    fi
  done
  if (( ${#stable[@]} > 0 )); then
    dir="${FAULTLINE_CLASS_DATA_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/faultline/class-data}"
    fingerprint="$({ readlink -f "$(command -v java)"; stat -c '%n %s %Y' "$(readlink -f "$(command -v java)")" "${stable[@]}"; } \
      | sha256sum | cut -c1-16)"
    archive="$dir/cli-$fingerprint.jsa"
    if [[ -f "$archive" ]]; then
      CLI_JVM+=("-XX:SharedArchiveFile=$archive" -Xshare:auto '-Xlog:cds*=off')
    elif mkdir -p "$dir" 2>/dev/null; then
      CLI_JVM+=("-XX:DumpLoadedClassList=$archive.$$.classlist" "-Dfaultline.class-data.archive=$archive"
                "-Dfaultline.class-data.class-list=$archive.$$.classlist")
    fi
  fi
  CLI_JVM+=(-cp "$(IFS=:; echo "${stable[*]}${stable:+${rest:+:}}${rest[*]}")")
}
