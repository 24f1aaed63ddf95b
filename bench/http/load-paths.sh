#!/usr/bin/env bash
# Request paths for the load step of bench/run.sh: a mix of what the search page asks for, made
# from the corpus's own words and the running server's own answers, one path per line on stdout.
#
#   bench/http/load-paths.sh URL REUTERS_DIR [WORDS]
#
# Words: the BODY words of REUTERS_DIR/*.sgm (4+ letters) of frequency ranks 31-2000 (the 30 most
# frequent are wire jargon and stop words: said, that, with, dlrs, ...), in an order fixed by a
# seed. Every word W gives /api/search?q=W and ?q=W&sort=newest, /api/quotes?q=W,
# /api/suggest?q=<first 3 letters of W> and /api/search?q=+W +<next word>: about 9,000 paths, so
# that a 60 s run keeps sending requests it has not sent before (a leak per distinct query shows).
# For the first WORDS (default 100) words, the server's answer to /api/search?q=W and
# /api/quotes?q=W also supplies real filter values, a cursor and an article id, giving:
#   /api/search  page=2; cursor=<nextCursor>; source=, entity=, from=/to= (a month) of the answer's facets
#   /api/quotes  speaker=<a speaker facet>
#   /api/articles/<first hit>, /api/articles/<first hit>/similar
# Every search carries facets and highlighted snippets (the API always computes them). Words
# without hits give only the plain paths, so every path answers 200. The lines come out shuffled
# (fixed seed), so every stretch of a run sends the same mix.
set -euo pipefail
url="$1" corpus="$2" n="${3:-100}"
export LC_ALL=C

words=$(cat "$corpus"/*.sgm | sed -n '/<BODY>/,/<\/BODY>/p' | grep -oE '[A-Za-z]{4,}' | tr 'A-Z' 'a-z' \
  | sort | uniq -c | sort -k1,1nr -k2 | sed -n '31,2000p' | awk '{ print $2 }' \
  | shuf --random-source=<(yes 20261123))

{
prev="" k=0
for w in $words; do
  k=$((k + 1))
  # Words are [a-z]+: no escaping needed.
  echo "/api/search?q=$w"; echo "/api/search?q=$w&sort=newest"; echo "/api/quotes?q=$w"; echo "/api/suggest?q=${w:0:3}"
  [ -z "$prev" ] || echo "/api/search?q=%2B$prev%20%2B$w"
  prev="$w"
  [ "$k" -le "$n" ] || continue
  articles=$(curl -sf "$url/api/search?size=10&q=$w") || { echo "load-paths: /api/search?q=$w failed" >&2; exit 1; }
  quotes=$(curl -sf "$url/api/quotes?size=10&q=$w") || { echo "load-paths: /api/quotes?q=$w failed" >&2; exit 1; }
  # Filter values rotate through the facets by the word's position, so filters differ across words.
  jq -rn --arg w "$w" --argjson a "$articles" --argjson q "$quotes" --argjson i "$k" '
    def pick($xs): if ($xs | length) == 0 then empty else $xs[$i % ($xs | length)].value end;
    def s($p): "/api/search?q=" + ($w | @uri) + $p;
    if $a.total > 0 then
      (if $a.total > 10 then s("&page=2") else empty end),
      (if $a.nextCursor then s("&cursor=" + ($a.nextCursor | @uri)) else empty end),
      (pick($a.facets.source) | s("&source=" + @uri)),
      (pick($a.facets.entity) | s("&entity=" + @uri)),
      (pick($a.facets.date) | s("&from=" + . + "&to=" + .)),
      # Ids may be paths (2015/a.txt): the route takes the slashes as they are.
      ($a.hits[0].id | split("/") | map(@uri) | join("/") | "/api/articles/" + ., "/api/articles/" + . + "/similar")
    else empty end,
    (pick($q.facets.speaker) | "/api/quotes?q=" + ($w | @uri) + "&speaker=" + @uri)'
done
} | shuf --random-source=<(yes 20261123)
