#!/usr/bin/env bash
# Runs carbon4j's cost benchmarks: per-sample cost and allocation (JMH), cold and warm start/stop latency,
# whole-process overhead, retained heap. See docs/benchmarks.md for what each figure means.
#
#   ./mvnw -q -DskipTests package     # builds benchmarks/target/benchmarks.jar (the build never runs benchmarks)
#   benchmarks/run.sh                 # quick set: short JMH settings, short runs (about 10 minutes)
#   benchmarks/run.sh --full          # longer JMH settings and the full-length runs (about 30 minutes)
#
# Run it from anywhere; it works in the repository root (the NVML benchmarks find or build the fake libnvidia-ml
# from tracker-nvml/src/test/c/fake_nvml.c there; without gcc and without a built fake they are skipped).
# Everything is printed; set OUT=file to also keep a copy.
set -euo pipefail

cd "$(dirname "$0")/.."
JAR=benchmarks/target/benchmarks.jar
if [[ ! -f "$JAR" ]]; then
  echo "$JAR not found; build it first: ./mvnw -q -DskipTests package" >&2
  exit 1
fi
JAVA=${JAVA:-java}

full=false
case "${1:-}" in
  "") ;;
  --full) full=true ;;
  *) echo "usage: benchmarks/run.sh [--full]" >&2; exit 2 ;;
esac

if $full; then
  JMH_OPTS=(-wi 3 -i 5 -f 2 -w 2s -r 2s)
  COLD_RUNS=30
  OVERHEAD=(30 60)
  ALLOC_SAMPLES=200000
  HEAP=(100000 1000000)
else
  JMH_OPTS=(-wi 2 -i 3 -f 1 -w 1s -r 1s -p gpus=1)
  COLD_RUNS=10
  OVERHEAD=(10 20)
  ALLOC_SAMPLES=50000
  HEAP=(100000 1000000)
fi

nvml=true
if [[ ! -f tracker-nvml/target/fake-nvml/libnvidia-ml.so.1 ]] && ! command -v gcc >/dev/null 2>&1; then
  nvml=false
fi

{
  echo "== machine"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ //')"
  "$JAVA" -version 2>&1 | head -1
  echo "uptime: $(uptime)"
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"

  echo
  echo "== JMH: per-sample cost and allocation (-prof gc)"
  benches='SamplerBenchmark|RaplReadBenchmark'
  if $nvml; then
    benches="$benches|NvmlReadBenchmark"
  else
    echo "(NVML benchmarks skipped: no gcc and no tracker-nvml/target/fake-nvml/libnvidia-ml.so.1)"
  fi
  "$JAVA" -jar "$JAR" "${JMH_OPTS[@]}" -prof gc "($benches)" 2>&1 | sed -n '/^Benchmark /,$p'

  echo
  echo "== allocation per sample, per thread (sampling thread and reader threads)"
  "$JAVA" -cp "$JAR" io.carbon4j.tracker.bench.AllocationCheck "$ALLOC_SAMPLES"

  echo
  echo "== cold start and stop: fresh JVMs (uptime: $(cut -d' ' -f1-3 /proc/loadavg))"
  "$JAVA" -cp "$JAR" io.carbon4j.tracker.bench.StartLatencyRunner "$COLD_RUNS" discover rapl phases

  echo
  echo "== warm start and stop (JMH, fresh output directory per invocation)"
  "$JAVA" -jar "$JAR" "${JMH_OPTS[@]}" StartStopBenchmark 2>&1 | sed -n '/^Benchmark /,$p'

  echo
  echo "== whole-process overhead (uptime: $(cut -d' ' -f1-3 /proc/loadavg))"
  echo "-- as a run of minutes is: the sampler's code and the executor's mostly interpreted"
  "$JAVA" -cp "$JAR" io.carbon4j.tracker.bench.Overhead "${OVERHEAD[@]}" machine
  echo "-- as a long run is: the same code compiled first"
  "$JAVA" -cp "$JAR" io.carbon4j.tracker.bench.Overhead "${OVERHEAD[@]}" machine prewarm
  if $full; then
    echo "-- sampling alone at 1 s: outputs written only at stop, not every 60 s"
    "$JAVA" -cp "$JAR" io.carbon4j.tracker.bench.Overhead 0 "${OVERHEAD[1]}" machine prewarm nosave
  fi

  echo
  echo "== retained heap against run length"
  "$JAVA" -cp "$JAR" io.carbon4j.tracker.bench.RetainedHeap "${HEAP[@]}" machine

  echo
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | if [[ -n "${OUT:-}" ]]; then tee "$OUT"; else cat; fi
