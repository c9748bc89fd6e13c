#!/usr/bin/env python3
"""Select and split the genre gold set (testdata/gold/genre/README.md).

Prints one JSON line per selected article: id, split, stratum. Reads only
ids, URLs, titles and the first 400 characters of the text for the hint
rule; labels are added by hand afterwards.
"""
import hashlib, json, re, sys

CORPUS = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/ukraine-war-news/articles.jsonl"
RANDOM = 40  # articles drawn from the rest

URL_HINT = re.compile(r"/(commentisfree|opinion|opinions|comment|live|video|videos|audio|editorial|editorials|letters?)/")
TITLE_HINT = re.compile(r"^(the guardian view|opinion|editorial|letters?\b)|\blive\b|\bvideo\b|podcast", re.I)
TEXT_HINT = re.compile(r"this article is an? (editorial|opinion)|\bopinion\b|\beditorial\b|\blive (updates|blog)\b|\bwatch\b|\bvideo\b|^(i|we) ", re.I | re.M)


def h(salt, id_):
    return hashlib.sha256((salt + id_).encode()).hexdigest()


def main():
    rows = [json.loads(l) for l in open(CORPUS, encoding="utf-8")]
    hinted, rest = [], []
    for r in rows:
        url, title, head = r.get("url") or "", r.get("title") or "", (r.get("text") or "")[:400]
        if URL_HINT.search(url) or TITLE_HINT.search(title) or TEXT_HINT.search(head):
            hinted.append(r["id"])
        else:
            rest.append(r["id"])
    rest.sort(key=lambda i: h("genre-gold:", i))
    chosen = [(i, "hint") for i in hinted] + [(i, "random") for i in rest[:RANDOM]]
    for i, stratum in chosen:
        split = "dev" if int(h("genre-split:", i)[:2], 16) < 128 else "test"
        print(json.dumps({"id": i, "split": split, "stratum": stratum}))


if __name__ == "__main__":
    main()
