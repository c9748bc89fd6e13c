#!/usr/bin/env python3
"""Select, split and show the pages of the metadata gold set
(testdata/gold/metadata/README.md).

With --select, prints one JSON line per selected benchmark page: id, split.
Without it, prints for each selected page the page's own header evidence
(<title>, og: and article: meta tags, JSON-LD dates/authors, <h1>, the
first byline-like elements) for a person to label from. It never runs
sitrep.
"""
import gzip, hashlib, json, os, re, sys
from html.parser import HTMLParser

DIR = "../shared/data/article-extraction-benchmark"
N = 60


def h(salt, s):
    return hashlib.sha256((salt + s).encode()).hexdigest()


def selected():
    ids = sorted(json.load(open(os.path.join(DIR, "ground-truth.json"))))
    ids.sort(key=lambda i: h("metadata-gold:", i))
    for i in ids[:N]:
        yield i, ("dev" if int(h("metadata-split:", i)[:2], 16) < 128 else "test")


class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.out, self.stack, self.grab, self.ld = [], [], None, []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta":
            k = a.get("property") or a.get("name") or a.get("itemprop") or ""
            if re.search(r"title|author|site_name|published|date|byline|creator|publisher", k, re.I):
                self.out.append(f"meta {k} = {a.get('content','')[:120]}")
        if tag in ("title", "h1", "time") or (tag == "script" and a.get("type") == "application/ld+json") or re.search(r"byline|author", (a.get("class") or "") + " " + (a.get("rel") or ""), re.I):
            self.grab = [tag, a, ""]
            if tag == "time" and a.get("datetime"):
                self.out.append(f"time datetime={a['datetime']}")
    def handle_data(self, d):
        if self.grab:
            self.grab[2] += d
    def handle_endtag(self, tag):
        if self.grab and tag == self.grab[0]:
            t, a, d = self.grab
            d = " ".join(d.split())
            if t == "script":
                self.ld.append(d)
            elif d:
                self.out.append(f"{t}{' class='+a.get('class','') if a.get('class') else ''}: {d[:150]}")
            self.grab = None


def main():
    if "--select" in sys.argv:
        for i, s in selected():
            print(json.dumps({"id": i, "split": s}))
        return
    gt = json.load(open(os.path.join(DIR, "ground-truth.json")))
    for n, (i, s) in enumerate(selected()):
        html = gzip.open(os.path.join(DIR, "html", i + ".html.gz"), "rt", encoding="utf-8", errors="replace").read()
        p = P()
        try:
            p.feed(html)
        except Exception:
            pass
        print(f"#{n} {i[:12]} {s} {gt[i]['url']}")
        seen = set()
        for l in p.out[:40]:
            if l not in seen:
                seen.add(l)
                print("   ", l)
        for ld in p.ld[:3]:
            for m in re.finditer(r'"(author|name|datePublished|dateCreated|publisher|founder|founders|headline|@type)"\s*:\s*("[^"]{0,80}"|\{[^}]{0,160}|\[[^\]]{0,160})', ld):
                print("    ld", m.group(1), m.group(2)[:120])
        print("    body:", gt[i]["articleBody"][:160].replace("\n", " / "))


if __name__ == "__main__":
    main()
