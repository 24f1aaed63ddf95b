#!/usr/bin/env bash
# Steppe benchmarks (issue 6): builds the harness (-Pbench, src/bench/java; the Solr peer in
# bench/solr/) and runs it, writing everything to bench-out/ (gitignored): results/*.json,
# summary.md, logs/, profile/. Not part of `mvn test`.
#
#   bench/run.sh                                   smoke run: 5,000 stories, short timings
#   bench/run.sh -Dscale=100000 -Dquery.scales=100000,1000000 -Dquery.seconds=5
#   bench/run.sh -Dsteps=query,solr -Dquery.scales=1000000   only some steps
#   bench/run.sh -Dsteps=load                       load: 64 connections for 60 s, PASS/FAIL on errors and memory
#
# Settings (-Dkey=value; all are passed to the Java harnesses too):
#   steps          gen,index,stages,ner,query,solr,http,load,memory,jmh,profile,fuzz,linear,report
#                  (default gen,index,stages,query,solr,http,report)
#   scale          stories for the indexing throughput run (Steppe vs raw Lucene), default 5000;
#                  index.warmup (default min(scale, 10000)) stories indexed by both first
#   stages.scale   stories for the single-threaded stage split (default 21578), stages.passes (2)
#   ner            (issue 16) the shipped entity tagger against the OpenNLP recogniser it replaced, one
#                  thread each, recognize(text) over Reuters-21578 in ner.rounds (3) alternating rounds after
#                  ner.warmup (2), tokens/s of thread CPU; then both on CoNLL eng.testa (speed, F1 per type).
#                  ner.articles (all), ner.old.model (bench/ner/en-ner-opennlp.bin). Result: results/ner.json
#   opensearch     (issue 15) the OpenSearch backend against the embedded engine in the same run
#                  (OpenSearchBench): starts a cluster with bench/opensearch-cluster.sh --bench
#                  (opensearch.nodes 2, opensearch.heap 512m, free ports, data in bench-out/opensearch),
#                  indexes the scale corpus with both engines (articles/s, bulk MB/s, the nodes' CPU),
#                  times QueryGen's lists through both (a fixed mix of 50 queries when gen has not run;
#                  p50/p99, opensearch.threads 1,4, query.seconds),
#                  reports the layout (documents and bytes per shard), stops the cluster. opensearch.shards (2),
#                  opensearch.replicas (1). Result: results/opensearch-SCALE.json
#   query.scales   index sizes for query latency, Solr and HTTP, default = scale; a missing index
#                  is built first (IndexBench, no warm-up)
#   query.seconds (1), query.warmup.seconds (1), query.jit.seconds (4), query.threads (1,2,4)
#   solr.scales    default = query.scales; solr.steps=index,query (query alone reuses the index);
#                  solr.export (export file, default reuters-enriched.jsonl); solr.java (a java binary)
#   http           wrk (one load thread, http.connections) over the 200 term queries of QueryGen against three
#                  servers in turn: BaselineServer (Javalin + raw Lucene, 10 ids and titles), `steppe serve`
#                  (/api/search: facets and 10 highlighted hits) and Solr 9 over HTTP (SolrHttpPeer: the embedded
#                  peer's index, schema and query, served by Jetty; its index is built first when missing).
#                  Results: results/http-SCALE.jsonl (one line per server, round and connection count),
#                  results/http-solr-check-SCALE-CACHES.json (every Solr path asked once: statuses, hits, highlights)
#   http.scale     default = first of query.scales; http.seconds (3); http.connections (1,4,16,64); http.warmup (5 s)
#   http.caches    on (default), off, or on,off: Steppe's result cache and Solr's caches (Solr 9's _default:
#                  filter, query result and document caches) on, or off (-Dsteppe.resultCache=0; no Solr caches)
#   http.rounds    (1) rounds of baseline, then Steppe and Solr at each http.caches setting, interleaved so
#                  that load on a shared machine falls on all; http.solr=false leaves Solr out
#   http.jar       Steppe jar with the `serve` command (default: target/steppe.jar built from this tree)
#   http.steppe.opts  more JVM options for `steppe serve`
#   load           (issue 7) `steppe serve` under -Xms=-Xmx=load.heap (512m), wrk at load.connections (64)
#                  with load.threads (2) for load.seconds (60) after load.warmup (15) s, over the ~10,000
#                  request paths of bench/http/load-paths.sh (for load.words (300) of its words also
#                  filters, paging, cursors, articles, similar). Every load.sample (5) s: RSS (anonymous,
#                  file) and threads; every load.gc (10) s: heap after a forced full GC (jcmd GC.run, -Xlog:gc).
#                  LoadCheck fails the run (exit 1) on any non-2xx or socket error; when the last third's
#                  heap-after-GC exceeds the first third's by more than max(load.tolerance.mb 32,
#                  load.tolerance.pct 10 %), or heap after the run exceeds heap after the warm-up by as
#                  much; or when anonymous RSS grows by more than load.rss.tolerance.pct (5 %).
#                  load.index (default: Reuters-21578 from -Dreuters, default ../shared/datasets/reuters21578,
#                  indexed into idx/load-reuters), load.port (18083). Results: results/load-samples.jsonl,
#                  load-summary.json; logs/load-*.log (server, GC, class histograms before/after), wrk-load*.log
#   memory.scale   scale for the -Xmx1g indexing check (default 1000000; memory.systems=steppe);
#                  serving memory is read from the query step (heap, peak RSS) at that scale
#   jmh.scale, profile.scale   index sizes for the JMH and JFR steps
#   fuzz           (issue 19) the ingest fuzzer at benchmark size: fuzz.files (100000) hostile files from
#                  fuzz.seed (20261201) indexed twice by Steppe's sync (IngestFuzzBench); fails (exit 1) when a
#                  file aborts the run, goes unaccounted, exceeds its CPU time bound, or the re-run changes
#                  anything. Results: results/fuzz-ingest-N.json. Not in the default steps (about 20 CPU-minutes).
#   linear         (issue 19) the inputs that once made ingest quadratic (a text without sentence punctuation,
#                  Reuters SGML with unclosed tags) against prose and real Reuters stories of the same size, each
#                  file indexed alone, CPU ms per KiB at linear.sizes (50,100,200,380,400,720 KiB), best of
#                  linear.rounds (3) (LinearCostBench). Results: results/linear-cost.json. Not in the default steps.
#   gen.force=true remake the query lists and exports; heap (-Xmx, default 1g); bench.out (bench-out)
#
# Do not start two runs at once: each compiles target/bench/ first.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

declare -A P=([steps]="gen,index,stages,query,solr,http,report" [scale]=5000 [heap]=1g
  [query.seconds]=1 [query.warmup.seconds]=1 [http.seconds]=3 [http.connections]="1,4,16,64" [memory.scale]=1000000
  [load.seconds]=60 [load.connections]=64 [load.threads]=2 [load.heap]=512m [load.warmup]=15 [load.sample]=5 [load.gc]=10 [load.words]=300)
PROPS=()
for a in "$@"; do
  case "$a" in
    -D*=*) k="${a#-D}"; k="${k%%=*}"; P[$k]="${a#*=}"; PROPS+=("$a") ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "bench/run.sh: unknown argument '$a' (settings are -Dkey=value; --help lists them)" >&2; exit 2 ;;
  esac
done
: "${P[query.scales]:=${P[scale]}}"
: "${P[solr.scales]:=${P[query.scales]}}"
: "${P[http.scale]:=${P[query.scales]%%,*}}"
has() { [[ ",${P[steps]}," == *",$1,"* ]]; }

OUT="${P[bench.out]:-bench-out}"
mkdir -p "$OUT/results" "$OUT/logs" "$OUT/profile"
log() { echo "run.sh [$(date -u +%H:%M:%S), load $(cut -d' ' -f1-3 /proc/loadavg)]: $*" | tee -a "$OUT/logs/run.log"; }

# The JDK 21+ that ./steppe finds, for every JVM started here.
JAVA_HOME="$(./steppe mvn -B -v 2>/dev/null | sed -n 's/.*runtime: //p' | head -n1)"
JAVA="$JAVA_HOME/bin/java"
[ -x "$JAVA" ] || { echo "bench/run.sh: no JDK 21+ found (see ./steppe)" >&2; exit 3; }
export JAVA_HOME

log "building the harness (-Pbench) and the Solr peer"
# The harness module (src/bench, in the -Pbench build only) and the modules it uses; every module
# writes the same classpath file, the harness last, so it holds the harness's classpath.
./steppe mvn -B -q -Pbench -DskipTests -pl src/bench -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$root/target/bench/cp.txt" -Dmdep.includeScope=runtime >"$OUT/logs/build.log" 2>&1 \
  || { cat "$OUT/logs/build.log"; exit 1; }
CP="target/bench/classes:$(cat target/bench/cp.txt)"
JOPTS=(-Xmx"${P[heap]}" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED
  -Dbench.out="$OUT" "${PROPS[@]}")
jrun() { # MAIN [extra JVM options...]: runs a harness class with the shared options
  local main="$1"; shift
  "$JAVA" "${JOPTS[@]}" "$@" -cp "$CP" "org.steppe.bench.$main"
}

if has gen; then
  log "gen: query lists and the enriched export"
  jrun QueryGen 2>&1 | tee "$OUT/logs/gen.log"
fi

if has index; then
  log "index: Steppe vs raw Lucene at scale ${P[scale]}"
  jrun IndexBench -Dscale="${P[scale]}" 2>&1 | tee "$OUT/logs/index-${P[scale]}.log"
fi

if has ner; then
  log "ner: the entity tagger against the OpenNLP recogniser it replaced"
  jrun NerBench 2>&1 | tee "$OUT/logs/ner.log"
fi

if has stages; then
  log "stages: single-threaded time split"
  jrun StageBench 2>&1 | tee "$OUT/logs/stages.log"
fi

ensure_index() { # SCALE SYSTEMS: builds the indexes (steppe, lucene) of SCALE that are missing
  local s="$1" sys="" x
  for x in ${2//,/ }; do ls "$OUT/idx/$x-$s"/segments_* >/dev/null 2>&1 || sys="$sys,$x"; done
  if [ -n "$sys" ]; then
    log "building the ${sys#,} index(es) of scale $s"
    jrun IndexBench -Dscale="$s" -Dindex.warmup=0 -Dindex.systems="${sys#,}" -Dindex.result="build-$s.json" 2>&1 \
      | tee "$OUT/logs/build-index-$s.log"
  fi
}

if has query; then
  for s in ${P[query.scales]//,/ }; do
    ensure_index "$s" steppe
    log "query: Steppe in process at scale $s"
    jrun QueryBench -Dscale="$s" 2>&1 | tee "$OUT/logs/query-$s.log"
  done
fi

if has opensearch; then
  s="${P[scale]}"
  osdata="$OUT/opensearch"
  bench/opensearch-cluster.sh stop --data "$osdata" >/dev/null 2>&1 || true
  log "opensearch: starting a ${P[opensearch.nodes]:-2}-node cluster (--bench)"
  if osurl=$(bench/opensearch-cluster.sh start --bench --nodes "${P[opensearch.nodes]:-2}" --heap "${P[opensearch.heap]:-512m}" \
      --http-port 0 --data "$osdata" --owner-pid $$ 2>"$OUT/logs/opensearch-cluster.log"); then
    log "opensearch: OpenSearch at $osurl against the embedded engine at scale $s"
    jrun OpenSearchBench -Dscale="$s" -Dopensearch.url="$osurl" 2>&1 | tee "$OUT/logs/opensearch-$s.log" \
      || log "opensearch failed: see $OUT/logs/opensearch-$s.log"
    bench/opensearch-cluster.sh stop --data "$osdata" >>"$OUT/logs/opensearch-cluster.log" 2>&1 || true
  else
    log "opensearch: the cluster did not start: see $OUT/logs/opensearch-cluster.log"
  fi
fi

solr_build() { # builds the Solr peer (bench/solr) once; false when the build failed
  [ -n "${SOLR_BUILT:-}" ] && return 0
  ./steppe mvn -B -q -f bench/solr/pom.xml -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=runtime >"$OUT/logs/solr-build.log" 2>&1 \
    || { echo "solr peer build failed: see $OUT/logs/solr-build.log" | tee "$OUT/results/solr-error.txt"; return 1; }
  SOLR_BUILT=1
}
SOLR_JAVA="${P[solr.java]:-$JAVA}"
solr_cmd() { # MAIN SCALE [JVM options...]: sets SOLR_CMD to run a class of the Solr peer in its own JVM
  local main="$1" s="$2"; shift 2
  SOLR_CMD=("$SOLR_JAVA" -Xmx"${P[heap]}" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Dbench.out="$OUT" "${PROPS[@]}"
    -Dscale="$s" -Dsolr.log.level=WARN -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "$@"
    -cp "bench/solr/target/classes:$(cat bench/solr/target/cp.txt)" "org.steppe.bench.solr.$main")
}
solr_run() { solr_cmd "$@"; "${SOLR_CMD[@]}"; }

if has solr && solr_build; then
  for s in ${P[solr.scales]//,/ }; do
    steps="${P[solr.steps]:-index,query}"
    # No index yet: build it before querying it.
    [ -d "$OUT/solr/home-$s/steppe/data" ] || [[ ",$steps," == *",index,"* ]] || steps="index,$steps"
    log "solr: embedded Solr ($steps) at scale $s"
    solr_run SolrPeer "$s" -Dsolr.steps="$steps" 2>&1 | tee "$OUT/logs/solr-$s.log" || log "solr failed at scale $s: see $OUT/logs/solr-$s.log"
  done
fi

# ---- HTTP ----------------------------------------------------------------------------------
wait_http() { # URL PID: waits up to 600 s for a 200
  for _ in $(seq 1 1200); do
    kill -0 "$2" 2>/dev/null || return 1
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" = "200" ] && return 0
    sleep 0.5
  done
  return 1
}
peak_rss() { sed -n 's/^VmHWM:\s*\([0-9]*\) kB/\1/p' "/proc/$1/status" 2>/dev/null || echo 0; }
stop() { kill "$1" 2>/dev/null || true; for _ in $(seq 1 40); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.25; done; kill -9 "$1" 2>/dev/null || true; }

steppe_jar() { # prints the Steppe jar to serve: http.jar, else target/steppe.jar built from this tree
  if [ -n "${P[http.jar]:-}" ]; then echo "${P[http.jar]}"; return; fi
  ./steppe mvn -B -q -DskipTests package >"$OUT/logs/jar-build.log" 2>&1 || true
  echo target/steppe.jar
}

http_load() { # NAME URL PATHS PID [EXTRA_JSON]: wrk at every connection count, one JSON line per run
  local name="$1" url="$2" paths="$3" pid="$4" extra="${5:-}" c line
  # Warm-up, not recorded: every path asked once, so that a server's caches (Steppe's result cache,
  # Solr's) hold every query whatever the machine's load, then http.warmup (5) s at 4 connections.
  while IFS= read -r p; do [ -z "$p" ] || curl -s -o /dev/null "$url$p" || true; done <"$paths"
  wrk -t1 -c4 -d"${P[http.warmup]:-5}s" --timeout 10s -s bench/http/rotate.lua "$url" -- "$paths" >/dev/null 2>&1 || true
  for c in ${P[http.connections]//,/ }; do
    line=$(wrk -t1 -c"$c" -d"${P[http.seconds]}s" --timeout 10s -s bench/http/rotate.lua "$url" -- "$paths" 2>&1 \
      | tee -a "$OUT/logs/wrk-$name.log" | sed -n 's/^RESULT //p')
    echo "{\"server\":\"$name\",\"connections\":$c,\"seconds\":${P[http.seconds]},$extra\"time_utc\":\"$(date -u +%H:%M:%S)\",\"loadavg\":\"$(cut -d' ' -f1 /proc/loadavg)\",\"wrk\":${line:-null}}" \
      | tee -a "$OUT/results/http-${P[http.scale]}.jsonl"
  done
  echo "{\"server\":\"$name\",$extra\"peak_rss_mb\":$(( $(peak_rss "$pid") / 1024 ))}" | tee -a "$OUT/results/http-${P[http.scale]}.jsonl"
}

http_baseline() { # ROUND: BaselineServer (Javalin + raw Lucene) on 18081
  log "http: baseline (Javalin + raw Lucene) at scale $s, round $1"
  "$JAVA" "${JOPTS[@]}" -cp "$CP" org.steppe.bench.BaselineServer "$OUT/idx/lucene-$s" 18081 >"$OUT/logs/baseline-server.log" 2>&1 &
  local pid=$!
  if wait_http "http://127.0.0.1:18081/search?q=oil" "$pid"; then
    http_load baseline "http://127.0.0.1:18081" "$q/http-baseline.txt" "$pid" "\"round\":$1,"
  else
    log "baseline server did not start: see $OUT/logs/baseline-server.log"
  fi
  stop "$pid"
}

http_steppe() { # ROUND CACHES: `steppe serve` on 18082, its result cache on (default) or off (-Dsteppe.resultCache=0)
  local opts="${P[http.steppe.opts]:-}" pid
  [ "$2" = on ] || opts="-Dsteppe.resultCache=0 $opts"
  log "http: Steppe serve ($jar, result cache $2${opts:+, $opts}) at scale $s, round $1"
  # No corpus folder: serve the index as built, without re-reading the corpus.
  # shellcheck disable=SC2086 # the options are a list of JVM options
  "$JAVA" -Xmx"${P[heap]}" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED $opts -jar "$jar" serve \
    --corpus "$OUT/no-corpus" --index "$OUT/idx/steppe-$s" --port 18082 >"$OUT/logs/steppe-server.log" 2>&1 &
  pid=$!
  if wait_http "http://127.0.0.1:18082/api/search?q=oil&size=10" "$pid"; then
    http_load "steppe-$2" "http://127.0.0.1:18082" "$q/http-steppe.txt" "$pid" "\"round\":$1,\"caches\":\"$2\","
  else
    log "steppe server did not answer /api/search: see $OUT/logs/steppe-server.log"
    echo "steppe serve did not answer /api/search (see logs/steppe-server.log)" >"$OUT/results/http-error.txt"
  fi
  stop "$pid"
}

http_solr() { # ROUND CACHES: Solr 9 over HTTP (SolrHttpPeer, Jetty) on 18084, its caches on (_default's) or off (none)
  local pid url
  log "http: Solr 9 over HTTP (caches $2) at scale $s, round $1"
  # Started directly (not through a function), so $! is the JVM that stop() ends.
  solr_cmd SolrHttpPeer "$s" -Dsolr.http.port=18084 -Dsolr.http.caches="$2"
  "${SOLR_CMD[@]}" >"$OUT/logs/solr-http-server-$2.log" 2>&1 &
  pid=$!
  # READY comes after it has written http-solr.txt and asked every path once (results/http-solr-check-*.json).
  for _ in $(seq 1 1200); do
    grep -q '^READY ' "$OUT/logs/solr-http-server-$2.log" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if grep -q '^READY ' "$OUT/logs/solr-http-server-$2.log"; then
    grep 'solr over HTTP' "$OUT/logs/solr-http-server-$2.log" | tee -a "$OUT/logs/run.log"
    http_load "solr-$2" "http://127.0.0.1:18084" "$q/http-solr.txt" "$pid" "\"round\":$1,\"caches\":\"$2\","
    # Solr's own account of its caches after the run (lookups and hit ratios; none listed when off).
    curl -s "http://127.0.0.1:18084/solr/admin/metrics?group=core&prefix=CACHE.searcher&wt=json" \
      >"$OUT/logs/solr-http-caches-$2-round$1.json" || true
  else
    log "solr over HTTP did not start: see $OUT/logs/solr-http-server-$2.log"
    echo "solr over HTTP did not start (see logs/solr-http-server-$2.log)" >"$OUT/results/http-solr-error.txt"
  fi
  stop "$pid"
}

if has http; then
  command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" | tee "$OUT/results/http-error.txt"; exit 1; }
  s="${P[http.scale]}"
  ensure_index "$s" steppe,lucene
  rm -f "$OUT/results/http-$s.jsonl" "$OUT/results/http-error.txt" "$OUT/results/http-solr-error.txt" "$OUT/results/http-solr-check-$s-"*.json
  q="$OUT/queries"
  HTTP_SOLR=""
  if [ "${P[http.solr]:-true}" = true ] && solr_build; then
    if ! [ -d "$OUT/solr/home-$s/steppe/data/index" ]; then
      log "http: building the Solr index of scale $s (SolrPeer, solr.steps=index)"
      solr_run SolrPeer "$s" -Dsolr.steps=index 2>&1 | tee "$OUT/logs/solr-index-$s.log" || true
    fi
    [ -d "$OUT/solr/home-$s/steppe/data/index" ] && HTTP_SOLR=1
  fi
  jar="$(steppe_jar)"
  HTTP_STEPPE=""
  if [ -f "$jar" ] && "$JAVA" -jar "$jar" serve --help >/dev/null 2>&1; then
    HTTP_STEPPE=1
  else
    log "http: $jar has no 'serve' command yet: Steppe's HTTP side not measured"
    echo "no serve command in $jar: Steppe's /api/search not measured" >"$OUT/results/http-error.txt"
  fi
  # Rounds interleave the servers, so a load change on a shared machine falls on all of them; every
  # ratio is taken within one round.
  for r in $(seq 1 "${P[http.rounds]:-1}"); do
    http_baseline "$r"
    caches="${P[http.caches]:-on}"
    for cc in ${caches//,/ }; do
      [ -z "$HTTP_STEPPE" ] || http_steppe "$r" "$cc"
      [ -z "$HTTP_SOLR" ] || http_solr "$r" "$cc"
    done
  done
fi

# ---- load: many connections for a minute under a capped heap; fails unless errors are 0 and memory is flat
status_kb() { # PID FIELD: a figure of /proc/PID/status (VmRSS, RssAnon, RssFile, Threads), 0 when gone
  awk -v f="$2:" '$1 == f { v = $2 } END { print v + 0 }' "/proc/$1/status" 2>/dev/null || echo 0
}
load_sample() { # PHASE PID GCLOG [gc]: one JSON line of memory figures; with gc, forces a full GC first
  local phase="$1" pid="$2" gclog="$3" t=$(( $(date +%s) - LOAD_T0 )) heap=""
  if [ "${4:-}" = gc ] && "$JAVA_HOME/bin/jcmd" "$pid" GC.run >/dev/null 2>&1; then
    # jcmd returns once the collection is done and -Xlog writes synchronously, so the last full
    # GC logged is this one: "Pause Full (Diagnostic Command) 180M->95M(512M) 210.1ms".
    heap=$(sed -n 's/.*Pause Full ([^)]*) [0-9]*M->\([0-9]*\)M.*/\1/p' "$gclog" | tail -n1)
  fi
  printf '{"phase":"%s","t":%d,"heap_after_gc_mb":%s,"rss_mb":%d,"rss_anon_mb":%d,"rss_file_mb":%d,"threads":%d,"loadavg":"%s"}\n' \
    "$phase" "$t" "${heap:-null}" $(( $(status_kb "$pid" VmRSS) / 1024 )) $(( $(status_kb "$pid" RssAnon) / 1024 )) \
    $(( $(status_kb "$pid" RssFile) / 1024 )) "$(status_kb "$pid" Threads)" "$(cut -d' ' -f1 /proc/loadavg)"
}

LOAD_FAILED=""
if has load; then
  command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
  secs="${P[load.seconds]}" conns="${P[load.connections]}" heap="${P[load.heap]}"
  idx="${P[load.index]:-$OUT/idx/load-reuters}"
  reuters="${P[reuters]:-../shared/datasets/reuters21578}"
  if ! ls "$idx"/segments_* >/dev/null 2>&1; then
    [ -z "${P[load.index]:-}" ] || { echo "bench/run.sh: no index in load.index=$idx" >&2; exit 1; }
    # The Reuters folder also holds a README and category lists, which are not stories: index the .sgm files only,
    # copied (27 MB), since the corpus is a boundary that links leading out of it do not cross.
    mkdir -p "$OUT/load/reuters"
    find "$OUT/load/reuters" -type l -delete # the links earlier runs made
    cp -u "$reuters"/*.sgm "$OUT/load/reuters/"
    log "load: indexing Reuters-21578 into $idx"
    ./steppe index --corpus "$OUT/load/reuters" --index "$idx" >"$OUT/logs/load-index.log" 2>&1 \
      || { echo "indexing failed: see $OUT/logs/load-index.log" >&2; exit 1; }
  fi
  jar="$(steppe_jar)" port="${P[load.port]:-18083}"
  url="http://127.0.0.1:$port" gclog="$OUT/logs/load-gc.log" samples="$OUT/results/load-samples.jsonl"
  # -Xms = -Xmx and AlwaysPreTouch: the whole heap is resident from the start, so RSS can only grow
  # off the heap; the heap itself is judged by what a full GC leaves (-Xlog:gc).
  log "load: Steppe serve ($jar, -Xmx$heap) over $idx"
  "$JAVA" -Xms"$heap" -Xmx"$heap" -XX:+AlwaysPreTouch -Xlog:gc:file="$gclog" --add-modules jdk.incubator.vector \
    --enable-native-access=ALL-UNNAMED -jar "$jar" serve --corpus "$OUT/no-corpus" --index "$idx" --port "$port" \
    >"$OUT/logs/load-server.log" 2>&1 &
  lpid=$!
  if ! wait_http "$url/api/search?q=oil&size=10" "$lpid"; then
    stop "$lpid"; echo "steppe serve did not answer: see $OUT/logs/load-server.log" >&2; exit 1
  fi
  paths="$OUT/load/paths.txt"
  mkdir -p "$OUT/load"
  bench/http/load-paths.sh "$url" "$reuters" "${P[load.words]}" >"$paths" \
    || { stop "$lpid"; echo "bench/http/load-paths.sh failed" >&2; exit 1; }
  log "load: $(wc -l <"$paths") request paths; warm-up ${P[load.warmup]} s at $conns connections"
  wrkload() { wrk -t"${P[load.threads]}" -c"$conns" -d"$1s" --timeout 10s -s bench/http/rotate.lua "$url" -- "$paths"; }
  wrkload "${P[load.warmup]}" >"$OUT/logs/wrk-load-warmup.log" 2>&1 || true
  "$JAVA_HOME/bin/jcmd" "$lpid" GC.class_histogram >"$OUT/logs/load-histogram-before.txt" 2>&1 || true
  LOAD_T0=$(date +%s) # t = 0 for the idle sample; reset when wrk starts
  load_sample before "$lpid" "$gclog" gc | tee "$samples"
  log "load: $conns connections for $secs s, a sample every ${P[load.sample]} s, a forced GC every ${P[load.gc]} s"
  LOAD_T0=$(date +%s)
  wrkload "$secs" >"$OUT/logs/wrk-load.log" 2>&1 &
  wpid=$! next_gc=0
  while sleep "${P[load.sample]}" && kill -0 "$wpid" 2>/dev/null; do
    gc=""
    if [ $(( $(date +%s) - LOAD_T0 )) -ge "$next_gc" ]; then gc=gc; next_gc=$(( $(date +%s) - LOAD_T0 + ${P[load.gc]} )); fi
    load_sample run "$lpid" "$gclog" $gc | tee -a "$samples"
  done
  wait "$wpid" || true
  load_sample after "$lpid" "$gclog" gc | tee -a "$samples"
  "$JAVA_HOME/bin/jcmd" "$lpid" GC.class_histogram >"$OUT/logs/load-histogram-after.txt" 2>&1 || true
  stop "$lpid"
  result=$(sed -n 's/^RESULT //p' "$OUT/logs/wrk-load.log")
  jrun LoadCheck -Dload.samples="$samples" -Dload.wrk="${result:-null}" -Dload.seconds="$secs" -Dload.connections="$conns" \
    -Dload.heap="$heap" -Dload.index="$idx" -Dload.paths="$paths" -Dload.loadavg="$(cut -d' ' -f1-3 /proc/loadavg)" 2>&1 | tee "$OUT/logs/load-check.log" \
    || LOAD_FAILED="see $OUT/logs/load-check.log"
fi

# ---- memory: index and serve memory.scale articles in -Xmx1g ---------------------------------
if has memory; then
  s="${P[memory.scale]}"
  log "memory: indexing $s stories with -Xmx1g (Steppe only)"
  "$JAVA" -Xmx1g --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Dbench.out="$OUT" "${PROPS[@]}" \
    -Dscale="$s" -Dindex.systems="${P[memory.systems]:-steppe}" -Dindex.warmup=0 -Dindex.result="memory-index-$s.json" \
    -cp "$CP" org.steppe.bench.IndexBench 2>&1 | tee "$OUT/logs/memory-index-$s.log" \
    || log "memory: indexing $s in 1 GB failed"
fi

if has jmh; then
  s="${P[jmh.scale]:-${P[query.scales]%%,*}}"
  ensure_index "$s" steppe
  log "jmh: searchArticles at scale $s"
  "$JAVA" -cp "$CP" org.openjdk.jmh.Main QueryJmh -p index="$OUT/idx/steppe-$s" -p queries="$OUT/queries" \
    -f 1 -wi 2 -w 3s -i 3 -r 5s -jvmArgs "-Xmx${P[heap]} --add-modules jdk.incubator.vector" \
    -rf json -rff "$OUT/results/jmh-$s.json" 2>&1 | tee "$OUT/logs/jmh-$s.log"
fi

if has profile; then
  s="${P[profile.scale]:-${P[query.scales]##*,}}"
  ensure_index "$s" steppe
  log "profile: JFR over searchArticles (term) at scale $s"
  jrun QueryBench -XX:StartFlightRecording=filename="$OUT/profile/query-$s.jfr",settings=profile \
    -Dscale="$s" -Dquery.threads=1 -Dquery.kinds=term -Dquery.modes=steppe -Dquery.seconds=20 \
    -Dquery.result="profile-query-$s.json" >"$OUT/logs/profile-query.log" 2>&1
  "$JAVA_HOME/bin/jfr" view --width 200 hot-methods "$OUT/profile/query-$s.jfr" >"$OUT/profile/query-$s-hot-methods.txt" 2>&1 || true
  log "profile: JFR over single-threaded indexing stages"
  jrun StageBench -XX:StartFlightRecording=filename="$OUT/profile/index.jfr",settings=profile -Dstages.passes=1 -Dstages.result=profile-stages.json \
    >"$OUT/logs/profile-index.log" 2>&1
  "$JAVA_HOME/bin/jfr" view --width 200 hot-methods "$OUT/profile/index.jfr" >"$OUT/profile/index-hot-methods.txt" 2>&1 || true
fi

FUZZ_FAILED=""
if has fuzz; then
  log "fuzz: ${P[fuzz.files]:-100000} hostile files through the ingest pipeline"
  jrun IngestFuzzBench 2>&1 | tee "$OUT/logs/fuzz-ingest.log" || FUZZ_FAILED="see $OUT/logs/fuzz-ingest.log"
fi

if has linear; then
  log "linear: hostile inputs against ordinary ones of the same size"
  jrun LinearCostBench 2>&1 | tee "$OUT/logs/linear.log"
fi

if has report; then
  jrun Report | tee "$OUT/logs/report.log"
fi
log "done: $OUT/summary.md"
[ -z "$LOAD_FAILED" ] || { log "load: FAIL ($LOAD_FAILED)"; exit 1; }
[ -z "$FUZZ_FAILED" ] || { log "fuzz: FAIL ($FUZZ_FAILED)"; exit 1; }
