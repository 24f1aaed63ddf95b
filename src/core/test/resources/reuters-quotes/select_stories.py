#!/usr/bin/env python3
"""List the Reuters-21578 stories of gold.tsv: a seeded random sample of the stories with a quote.

Eligible: every story whose BODY holds a double quote mark that is not an apostrophe written as '"'
between two letters (Britain"s). Eligible NEWIDs are sorted as numbers and sampled with
random.Random(12).sample(eligible, 38); the sample order is the order of gold.tsv.
Usage: select_stories.py [REUTERS_DIR]   (prints NEWID and file, one story a line)
"""
import glob, os, random, re, sys

QUOTE = re.compile(r'(?<!\w)"|"(?!\w)')


def eligible(folder):
    found = []
    for path in sorted(glob.glob(os.path.join(folder, "reut2-*.sgm"))):
        text = open(path, encoding="latin-1").read()
        for m in re.finditer(r'<REUTERS[^>]*NEWID="(\d+)"[^>]*>(.*?)</REUTERS>', text, re.S):
            body = re.search(r"<BODY>(.*?)</BODY>", m.group(2), re.S)
            if body and QUOTE.search(body.group(1)):
                found.append((int(m.group(1)), os.path.basename(path)))
    return sorted(found)


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        here, "..", "..", "..", "..", "..", "shared", "datasets", "reuters21578")
    for newid, name in random.Random(12).sample(eligible(folder), 38):
        print(newid, name)
