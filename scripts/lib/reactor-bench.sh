# Sourced by the benchmark scripts that run a test class's main from this checkout: builds with the Maven reactor
# (nothing installed, nothing read from other checkouts) and runs the class on its module's test classpath, with the
# module's quiet bench logging.
#   reactor_build -pl injector-service/controller -am test-compile     # Maven goals and options to build with
#   bench_java injector-service/controller dev.faultline.injector.bench.RemovalBench ARGS...

# Builds with the given goals and writes each built module's test classpath to target/bench.classpath; offline when
# everything is already downloaded.
reactor_build() {
  local args=(-B -q -Dstyle.color=never "$@" dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
    -DincludeScope=test)
  mvn -o "${args[@]}" >&2 || mvn "${args[@]}" >&2
}

# Runs MAIN from MODULE's test classes (after reactor_build) with ARGS.
bench_java() {
  local module="$PWD/$1" main="$2"
  shift 2
  java -Dlogback.configurationFile="$module/src/test/resources/logback-bench.xml" \
    -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")" "$main" "$@"
}
