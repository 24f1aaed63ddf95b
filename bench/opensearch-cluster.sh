#!/usr/bin/env bash
# A local OpenSearch 3.8 cluster for tests and demos (issue 15): N nodes, each in its own JVM,
# built from Maven Central artifacts by the standalone project bench/opensearch/ (never on Steppe's
# classpath: OpenSearch 3.8 runs on Lucene 10.5, Steppe on 10.6). Needs a JDK 21+ (found as
# ./steppe finds it) and Maven; no Docker.
#
#   bench/opensearch-cluster.sh start --nodes N --http-port P --data DIR   prints the URL once green
#   bench/opensearch-cluster.sh stop --data DIR                            stops every node cleanly
#   bench/opensearch-cluster.sh stop-node --data DIR --node K [--kill]     stops one node (--kill: SIGKILL, a crash)
#   bench/opensearch-cluster.sh start-node --data DIR --node K             starts it again, returns once green
#   bench/opensearch-cluster.sh status --data DIR                          one line per node
#
# Options of start (defaults in brackets):
#   --nodes N            nodes [2]. Node 1 is the only cluster-manager-eligible node and holds data;
#                        nodes 2..N hold data only, so any of them can be stopped and the cluster goes on
#                        (yellow while a replica is missing). Stopping node 1 leaves no cluster manager.
#   --http-port P        node K answers HTTP on 127.0.0.1:P+K-1 [9200]; 0 picks free ports
#   --transport-port T   node K's transport port is T+K-1 [P+100]
#   --data DIR           the cluster's folder (created): DIR/node-K/{data,logs,config}, DIR/node-K/node.log,
#                        DIR/node-K/pid, DIR/cluster.conf. Starting again on the same DIR keeps the indexes.
#   --heap SIZE          heap of each node [512m]
#   --timeout S          seconds to wait for green before giving up and stopping what started [180]
#   --cluster-name NAME  [steppe]
#   --owner-pid PID      nodes stop themselves when process PID ends (a test run that dies leaves nothing behind)
#   --bench              run the nodes with the JVM's own JIT and GC (C2, G1) for throughput and latency
#                        measurements; by default they use C1 only and the serial GC, which start about twice
#                        as fast on a busy 2-core machine and are fast enough for tests
# Extra JVM options for the nodes: OPENSEARCH_JAVA_OPTS.
#
# Exit codes: 0 ok; 1 the cluster did not become green (the nodes' log tails are printed); 2 bad usage;
# 3 no JDK 21+ or Maven; 4 the build failed (the Maven log is printed); 5 a port is taken or DIR is in use;
# 6 OpenSearch's artifacts cannot be downloaded (no network).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
project="$here/opensearch"

die() { local code="$1"; shift; echo "opensearch-cluster: $*" >&2; exit "$code"; }
say() { echo "opensearch-cluster: $*" >&2; }

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit "$1"; }

cmd="${1:-}"; [ -n "$cmd" ] || usage 2; shift
case "$cmd" in -h|--help|help) usage 0 ;; esac
nodes=2 http_port=9200 transport_port="" data="" heap=512m timeout=180 cluster_name=steppe owner_pid="" node="" kill_node=false bench=false
while [ $# -gt 0 ]; do
  case "$1" in
    --nodes) nodes="$2"; shift 2 ;;
    --http-port) http_port="$2"; shift 2 ;;
    --transport-port) transport_port="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    --heap) heap="$2"; shift 2 ;;
    --timeout) timeout="$2"; shift 2 ;;
    --cluster-name) cluster_name="$2"; shift 2 ;;
    --owner-pid) owner_pid="$2"; shift 2 ;;
    --node) node="$2"; shift 2 ;;
    --kill) kill_node=true; shift ;;
    --bench) bench=true; shift ;;
    -h|--help) usage 0 ;;
    *) die 2 "unknown argument '$1' (--help lists them)" ;;
  esac
done
[ -n "$data" ] || die 2 "$cmd needs --data DIR"
for n in "$nodes" "$http_port" "$timeout" ${transport_port:+"$transport_port"} ${node:+"$node"} ${owner_pid:+"$owner_pid"}; do
  [[ "$n" =~ ^[0-9]+$ ]] || die 2 "'$n' is not a number"
done
mkdir -p "$data"
data="$(cd "$data" && pwd)"
conf="$data/cluster.conf"

java_home() { # the JDK 21+ that ./steppe finds
  [ -n "${JAVA:-}" ] && return
  local jh
  jh="$("$root/steppe" mvn -B -v 2>/dev/null | sed -n 's/.*runtime: //p' | head -n1)" || true
  [ -n "$jh" ] && [ -x "$jh/bin/java" ] || die 3 "no JDK 21+ with Maven found (run ./steppe mvn -v to see why)"
  JAVA="$jh/bin/java"
}

build() { # builds bench/opensearch/ unless its classpath is newer than its sources
  local cp="$project/target/cp.txt"
  if [ -f "$cp" ] && [ -z "$(find "$project/pom.xml" "$project/src" -newer "$cp" -type f -print -quit)" ]; then
    local jar missing=""
    while IFS= read -r jar; do [ -e "$jar" ] || { missing="$jar"; break; }; done < <(tr ':' '\n' <"$cp")
    [ -z "$missing" ] && return # else a jar went away (a cleaned Maven repository): build again
  fi
  say "building bench/opensearch (the first build downloads OpenSearch 3.8 from Maven Central, ~75 MB)"
  local log="$project/target/build.log"
  mkdir -p "$project/target"
  if ! "$root/steppe" mvn -B -q -f "$project/pom.xml" -DskipTests package dependency:build-classpath \
      -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=runtime >"$log" 2>&1; then
    rm -f "$cp"
    tail -n 40 "$log" >&2
    if grep -qE "Could not (resolve|transfer|find artifact)|UnknownHost|Network is unreachable|Connection (refused|timed out)|offline mode" "$log"; then
      die 6 "cannot download OpenSearch's artifacts from Maven Central (no network, or the repository refused; log: $log)"
    fi
    die 4 "building bench/opensearch failed (whole log: $log)"
  fi
  touch "$cp" # Maven leaves an unchanged classpath file as it was
}

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pid_of() { # prints the live pid of node $1, or nothing
  local f="$data/node-$1/pid" p
  [ -f "$f" ] || return 0
  p="$(cat "$f")"
  if [ -n "$p" ] && kill -0 "$p" 2>/dev/null && grep -q ClusterNode "/proc/$p/cmdline" 2>/dev/null; then echo "$p"; fi
}

load_conf() {
  [ -f "$conf" ] || die 2 "$data holds no cluster (no cluster.conf): start one with 'start --data $data'"
  # shellcheck disable=SC1090
  . "$conf"
}

launch() { # starts node $1 in the background
  local k="$1" dir="$data/node-$1"
  mkdir -p "$dir/tmp"
  local jit=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC) flavour=test
  if $bench; then jit=(); flavour=bench; fi
  mkdir -p "$project/target/cds"
  # The class-data archive (made when a node first exits, one per node number and flavour) saves a good
  # part of the start-up's class loading next time; the JVM remakes it when the classpath changed.
  # shellcheck disable=SC2086
  nohup "$JAVA" -Xms"$heap" -Xmx"$heap" "${jit[@]}" -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir="$dir/tmp" \
    -XX:SharedArchiveFile="$project/target/cds/node-$k-$flavour.jsa" -XX:+AutoCreateSharedArchive -Xlog:cds=off -Xlog:cds+dynamic=off \
    -Dlog4j.shutdownHookEnabled=false -Dlog4j2.formatMsgNoLookups=true ${OPENSEARCH_JAVA_OPTS:-} \
    -cp "$project/target/opensearch-node.jar:$(cat "$project/target/cp.txt")" org.steppe.bench.opensearch.ClusterNode \
    --data "$data" --node "$k" --nodes "$nodes" --http-port "$http_port" --transport-port "$transport_port" \
    --cluster-name "$cluster_name" ${owner_pid:+--owner-pid "$owner_pid"} >"$dir/node.log" 2>&1 </dev/null &
  echo $! >"$dir/pid"
}

await_green() { # waits for green with every node; on failure prints the logs' tails, stops nodes $@ and exits 1
  local pids=() k
  for k in $(seq 1 "$nodes"); do pids+=("$data/node-$k/pid"); done
  if ! "$JAVA" -cp "$project/target/opensearch-node.jar" org.steppe.bench.opensearch.AwaitGreen \
      "http://127.0.0.1:$http_port" "$nodes" "$timeout" "${pids[@]}"; then
    for k in $(seq 1 "$nodes"); do
      say "--- last lines of $data/node-$k/node.log"
      tail -n 15 "$data/node-$k/node.log" >&2 || true
    done
    for k in "$@"; do stop_node "$k"; done
    die 1 "the cluster did not become green (node logs above, in $data/node-*/node.log)"
  fi
}

stop_node() { # stops node $1: SIGTERM (a clean close), SIGKILL after 60 s or at once with --kill
  local k="$1" p i
  p="$(pid_of "$k")"
  if [ -z "$p" ]; then rm -f "$data/node-$k/pid"; return; fi
  if $kill_node; then kill -KILL "$p" 2>/dev/null || true; else kill -TERM "$p" 2>/dev/null || true; fi
  for i in $(seq 1 600); do
    kill -0 "$p" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$p" 2>/dev/null; then
    say "node-$k (pid $p) did not stop within 60 s; killing it"
    kill -KILL "$p" 2>/dev/null || true
  fi
  rm -f "$data/node-$k/pid"
}

stop_all() {
  local k p
  # SIGTERM to all at once (each closes cleanly in its own JVM), then wait for each.
  for k in $(seq 1 "$nodes"); do p="$(pid_of "$k")"; [ -z "$p" ] || kill -TERM "$p" 2>/dev/null || true; done
  for k in $(seq 1 "$nodes"); do stop_node "$k"; done
}

case "$cmd" in
  start)
    [ "$nodes" -ge 1 ] || die 2 "--nodes must be at least 1"
    for f in "$data"/node-*/pid; do
      [ -f "$f" ] || continue
      k="${f%/pid}"; k="${k##*/node-}"
      [ -z "$(pid_of "$k")" ] || die 5 "a cluster is already running in $data (node-$k, pid $(pid_of "$k")); stop it first"
    done
    if [ "$http_port" = 0 ]; then # free ports: random bases until 2N ports are all free
      for _ in $(seq 1 50); do
        http_port=$((20000 + RANDOM % 20000)); transport_port=$((http_port + 100)); ok=true
        for k in $(seq 0 $((nodes - 1))); do
          if port_taken $((http_port + k)) || port_taken $((transport_port + k)); then ok=false; break; fi
        done
        $ok && break
      done
    fi
    : "${transport_port:=$((http_port + 100))}"
    for k in $(seq 0 $((nodes - 1))); do
      port_taken $((http_port + k)) && die 5 "port $((http_port + k)) (HTTP of node-$((k + 1))) is taken; choose another --http-port, or 0 for free ports"
      port_taken $((transport_port + k)) && die 5 "port $((transport_port + k)) (transport of node-$((k + 1))) is taken; choose another --transport-port"
    done
    java_home
    build
    cat >"$conf" <<EOF
nodes=$nodes
http_port=$http_port
transport_port=$transport_port
heap=$heap
bench=$bench
cluster_name=$cluster_name
owner_pid=$owner_pid
EOF
    started=$(date +%s%N)
    for k in $(seq 1 "$nodes"); do launch "$k"; done
    await_green $(seq 1 "$nodes")
    say "$nodes node(s) green in $(( ($(date +%s%N) - started) / 1000000 )) ms; node-K answers on port $http_port+K-1"
    echo "http://127.0.0.1:$http_port"
    ;;
  stop)
    load_conf
    stop_all
    say "stopped every node in $data"
    ;;
  stop-node)
    load_conf
    [ -n "$node" ] && [ "$node" -ge 1 ] && [ "$node" -le "$nodes" ] || die 2 "stop-node needs --node K, 1 ≤ K ≤ $nodes"
    [ "$node" = 1 ] && [ "$nodes" -gt 1 ] && say "node-1 is the only cluster manager: the other nodes keep their data but the cluster has no manager until it is back"
    stop_node "$node"
    say "node-$node stopped"
    ;;
  start-node)
    load_conf
    [ -n "$node" ] && [ "$node" -ge 1 ] && [ "$node" -le "$nodes" ] || die 2 "start-node needs --node K, 1 ≤ K ≤ $nodes"
    [ -z "$(pid_of "$node")" ] || die 5 "node-$node is already running (pid $(pid_of "$node"))"
    port_taken $((http_port + node - 1)) && die 5 "port $((http_port + node - 1)) (HTTP of node-$node) is taken"
    java_home
    build
    started=$(date +%s%N)
    launch "$node"
    await_green "$node"
    say "node-$node back, cluster green in $(( ($(date +%s%N) - started) / 1000000 )) ms"
    echo "http://127.0.0.1:$http_port"
    ;;
  status)
    load_conf
    for k in $(seq 1 "$nodes"); do
      p="$(pid_of "$k")"
      if [ -n "$p" ]; then state="running (pid $p)"; else state=stopped; fi
      echo "node-$k http://127.0.0.1:$((http_port + k - 1)) $state"
    done
    ;;
  *) die 2 "unknown command '$cmd' (start, stop, stop-node, start-node, status)" ;;
esac
