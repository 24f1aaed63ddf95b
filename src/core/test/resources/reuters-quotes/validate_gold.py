#!/usr/bin/env python3
"""Check a hand-made Reuters quote gold TSV against the story text it describes.

For every row (newid, first words, last words, speech|other, speaker) it checks, with the same
tokenisation as ../shared/tools/reuters_quote_eval.py, that the first words and then the last words
occur in that story's BODY in that order, and that they sit at quote marks (a double quote mark
right before the first word, one right after the last word). It also lists every double quote mark
of the story that no row starts or ends at, so a passage left out shows up.
Usage: validate_gold.py GOLD.tsv [REUTERS_DIR]    (exit status 1 when a row is wrong)
"""
import glob, html, os, re, sys

WORD = re.compile(r"[\w]+(?:['’][\w]+)?")
# a double quote mark that is not an apostrophe written as '"' between two letters (Britain"s)
MARK = re.compile(r'(?<![A-Za-z])"|"(?![A-Za-z])')
KINDS = {"speech", "other"}


def words(s):
    return WORD.findall((s or "").lower().replace("’", "'"))


def count(s):
    """Words as written: whitespace-separated items holding a letter or digit (a lone dash is none)."""
    return sum(1 for w in s.split() if WORD.search(w))


def bodies(folder, wanted):
    """NEWID -> decoded BODY text, for the wanted stories only."""
    found = {}
    for path in sorted(glob.glob(os.path.join(folder, "reut2-*.sgm"))):
        text = open(path, encoding="latin-1").read()
        for m in re.finditer(r'<REUTERS[^>]*NEWID="(\d+)"[^>]*>(.*?)</REUTERS>', text, re.S):
            if m.group(1) in wanted:
                b = re.search(r"<BODY>(.*?)</BODY>", m.group(2), re.S)
                found[m.group(1)] = html.unescape(b.group(1)) if b else ""
    return found


def tokens_with_spans(text):
    return [(m.group(0).lower().replace("’", "'"), m.start(), m.end()) for m in WORD.finditer(text)]


def locate(toks, seq, start=0):
    for i in range(start, len(toks) - len(seq) + 1):
        if [t[0] for t in toks[i:i + len(seq)]] == seq:
            return i
    return -1


def main():
    gold_path = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    folder = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        here, "..", "..", "..", "..", "..", "shared", "datasets", "reuters21578")
    rows = []
    for n, line in enumerate(open(gold_path, encoding="utf-8"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        rows.append((n, cols))
    stories = bodies(folder, {c[0].strip() for _, c in rows})
    errors = warnings = 0
    touched = {}                                  # newid -> character offsets of marks used
    for n, cols in rows:
        where = f"{gold_path}:{n}"
        if len(cols) != 5 or not all(c.strip() == c and c for c in cols):
            print(f"ERROR {where}: want 5 non-empty tab-separated columns without padding: {cols}")
            errors += 1
            continue
        newid, first, last, kind, speaker = cols
        if kind not in KINDS:
            print(f"ERROR {where}: kind {kind!r} is not speech/other"); errors += 1
        if newid not in stories:
            print(f"ERROR {where}: no story with NEWID {newid}"); errors += 1; continue
        if count(first) > 5 or count(last) > 5:
            print(f"ERROR {where}: more than 5 words in {first!r} / {last!r}"); errors += 1
        body = stories[newid]
        toks = tokens_with_spans(body)
        fw, lw = words(first), words(last)
        i = locate(toks, fw)
        if i < 0:
            print(f"ERROR {where}: first words {first!r} not in story {newid}"); errors += 1; continue
        # the first occurrence at a quote mark, if several
        k = i
        while k >= 0 and not MARK.search(body[max(0, toks[k][1] - 4):toks[k][1]]):
            k = locate(toks, fw, k + 1)
        i = k if k >= 0 else i
        j = locate(toks, lw, i)
        if j < 0:
            print(f"ERROR {where}: last words {last!r} not after {first!r} in story {newid}")
            errors += 1; continue
        start, end = toks[i][1], toks[j + len(lw) - 1][2]
        # raw text must hold the words exactly as written (punctuation and hyphens included)
        raw = " ".join(body[start:end].split())
        if not raw.startswith(first.rstrip(".,;:!?)")) and not raw.startswith(first.lstrip(".(")):
            print(f"WARN  {where}: passage starts {raw[:40]!r}, row says {first!r}"); warnings += 1
        if not raw.endswith(last.lstrip(".(").rstrip(".,;:!?)'")) and not raw.endswith(last):
            print(f"WARN  {where}: passage ends {raw[-40:]!r}, row says {last!r}"); warnings += 1
        before = re.search(r'"[\s.]*\(?$', body[max(0, start - 6):start])
        # a double mark closes the passage; a single one only where the writer closed with it
        after = re.match(r'[\s.,;:!?)\']*"', body[end:end + 6]) or \
            re.match(r"[\s.,;:!?)]*'", body[end:end + 6])
        if not before:
            print(f"WARN  {where}: no quote mark before {first!r}"); warnings += 1
        if not after:
            print(f"WARN  {where}: no quote mark after {last!r}"); warnings += 1
        marks = touched.setdefault(newid, set())
        if before:
            marks.add(max(0, start - 6) + before.start())
        if after:
            marks.add(end + after.end() - 1)
    for newid, marks in touched.items():
        for m in MARK.finditer(stories[newid]):
            if m.start() not in marks:
                ctx = " ".join(stories[newid][max(0, m.start() - 30):m.start() + 30].split())
                print(f"WARN  story {newid}: quote mark no row starts or ends at: ...{ctx}...")
                warnings += 1
    print(f"{len(rows)} rows, {len(touched)} stories: {errors} errors, {warnings} warnings")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
