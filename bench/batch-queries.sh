#!/bin/sh
# Prints 1,000 batch-search queries made from Reuters-21578's own category lists, for
# `steppe batch` (BENCHMARKS.md, issue 18): every people, organisation, place, topic and exchange
# name (672, hyphens read as spaces, multi-word names as phrases), then topic AND place pairs in
# file order until there are 1,000. Usage: bench/batch-queries.sh [REUTERS_DIR] > queries.txt
dir=${1:-../shared/datasets/reuters21578}
{
  cat "$dir"/all-people-strings.lc.txt "$dir"/all-orgs-strings.lc.txt "$dir"/all-places-strings.lc.txt \
      "$dir"/all-topics-strings.lc.txt "$dir"/all-exchanges-strings.lc.txt \
    | tr '-' ' ' | awk '{ if (NF > 1) print "\"" $0 "\""; else print $0 }'
  awk 'NR == FNR { topics[n++] = $0; next } { for (i = 0; i < n; i++) print topics[i] " AND " $0 }' \
      "$dir"/all-topics-strings.lc.txt "$dir"/all-places-strings.lc.txt | tr '-' ' '
} | head -n 1000
