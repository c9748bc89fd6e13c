package gencorpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// sources returns n made-up source articles of four paragraphs of three
// sentences each, every sentence unique, a day apart.
func sources(n int) []Source {
	start := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]Source, n)
	for i := range out {
		out[i].Date = start.Add(time.Duration(i) * 24 * time.Hour)
		for p := 0; p < 4; p++ {
			var ss []string
			for s := 0; s < 3; s++ {
				ss = append(ss, fmt.Sprintf("Report %d says the ferry in paragraph %d carried %d crates across the river.", i, p, s))
			}
			out[i].Paragraphs = append(out[i].Paragraphs, ss)
		}
	}
	return out
}

func generate(t *testing.T, src []Source, opt Options) ([]Record, Stats, []byte) {
	t.Helper()
	var buf bytes.Buffer
	st, err := Generate(src, opt, &buf)
	if err != nil {
		t.Fatal(err)
	}
	var recs []Record
	sc := bufio.NewScanner(bytes.NewReader(buf.Bytes()))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		recs = append(recs, r)
	}
	return recs, st, buf.Bytes()
}

func TestGenerateIsDeterministic(t *testing.T) {
	src := sources(50)
	_, _, a := generate(t, src, Options{N: 300, Seed: 7})
	_, _, b := generate(t, src, Options{N: 300, Seed: 7})
	_, _, c := generate(t, src, Options{N: 300, Seed: 8})
	if !bytes.Equal(a, b) {
		t.Error("same seed, different corpus")
	}
	if bytes.Equal(a, c) {
		t.Error("different seeds, same corpus")
	}
}

// sentenceSet is the set of sentences of a generated text.
func sentenceSet(text string) map[string]bool {
	m := map[string]bool{}
	for _, p := range strings.Split(text, "\n\n") {
		for _, s := range SplitSentences(p) {
			m[s] = true
		}
	}
	return m
}

func overlap(a, b map[string]bool) float64 {
	n := 0
	for s := range a {
		if b[s] {
			n++
		}
	}
	return float64(n) / float64(max(1, min(len(a), len(b))))
}

// TestFamilies checks the kinds and families: shares near the options,
// copies identical to an earlier member of their family, near copies and
// rewrites sharing much of it, and originals sharing little with each
// other (not every article a copy of the first).
func TestFamilies(t *testing.T) {
	src := sources(60)
	recs, st, _ := generate(t, src, Options{N: 2000, Seed: 1, Copy: 0.1, Near: 0.1, Rewrite: 0.1, Window: 100})
	if st.Articles != 2000 || len(recs) != 2000 {
		t.Fatalf("%d articles written, %d read", st.Articles, len(recs))
	}
	for kind, want := range map[string]float64{KindCopy: 0.1, KindNear: 0.1, KindRewrite: 0.1, KindOriginal: 0.7} {
		if got := float64(st.Kinds[kind]) / 2000; got < want-0.04 || got > want+0.04 {
			t.Errorf("%s: share %.3f, want about %.2f", kind, got, want)
		}
	}
	byFamily := map[int][]int{}
	urls := map[string]bool{}
	for i, r := range recs {
		byFamily[r.Family] = append(byFamily[r.Family], i)
		if urls[r.URL] {
			t.Fatalf("URL %s twice", r.URL)
		}
		urls[r.URL] = true
	}
	sum := 0
	for size, n := range st.Families {
		sum += size * n
	}
	if sum != 2000 || len(byFamily) != st.Families[1]+countFamilies(st, 2) {
		t.Errorf("family sizes %v do not add up to the articles (%d) or families (%d)", st.Families, sum, len(byFamily))
	}
	srcSets := make([]map[string]bool, len(src))
	for i, s := range src {
		srcSets[i] = map[string]bool{}
		for _, p := range s.Paragraphs {
			for _, x := range p {
				srcSets[i][x] = true
			}
		}
	}
	var origOverlap, derivedOverlap, baseShare float64
	var nOrig, nDerived, nBase int
	for i, r := range recs {
		members := byFamily[r.Family]
		switch r.Kind {
		case KindOriginal:
			if members[0] != i {
				t.Fatalf("original %d is not the first of its family", i)
			}
			if i%10 == 0 {
				ss, best := sentenceSet(r.Text), 0
				for _, m := range srcSets {
					n := 0
					for x := range ss {
						if m[x] {
							n++
						}
					}
					best = max(best, n)
				}
				baseShare += float64(best) / float64(len(ss))
				nBase++
			}
			if i > 0 && recs[i-1].Kind == KindOriginal {
				origOverlap += overlap(sentenceSet(r.Text), sentenceSet(recs[i-1].Text))
				nOrig++
			}
		case KindCopy:
			if !slices.ContainsFunc(members, func(j int) bool { return j < i && recs[j].Text == r.Text }) {
				t.Errorf("copy %d matches no earlier member of its family", i)
			}
		default:
			best := 0.0
			for _, j := range members {
				if j < i {
					best = max(best, overlap(sentenceSet(r.Text), sentenceSet(recs[j].Text)))
				}
			}
			derivedOverlap += best
			nDerived++
		}
		if r.Kind != KindOriginal && r.Date <= recs[r.Family].Date {
			t.Errorf("derived %d dated %s, not after its family's original %s", i, r.Date, recs[r.Family].Date)
		}
	}
	if o := origOverlap / float64(nOrig); o > 0.15 {
		t.Errorf("consecutive originals share %.2f of their sentences", o)
	}
	// An original keeps about 0.2 of its base's sentences; the rest come
	// from other articles.
	if b := baseShare / float64(nBase); b < 0.15 || b > 0.4 {
		t.Errorf("originals keep %.2f of their sentences from one real article, want about a fifth", b)
	}
	if d := derivedOverlap / float64(nDerived); d < 0.5 {
		t.Errorf("near copies and rewrites share only %.2f of their sentences with their family", d)
	}
}

// countFamilies is the number of families of at least lo articles.
func countFamilies(st Stats, lo int) int {
	n := 0
	for size, k := range st.Families {
		if size >= lo {
			n += k
		}
	}
	return n
}

func TestSplitSentences(t *testing.T) {
	got := SplitSentences(`Mr. Dale met Gen. Ross on Tuesday. The U.S. convoy left at 9 a.m. "It was late," he said. 40 trucks followed! Why?`)
	want := []string{
		"Mr. Dale met Gen. Ross on Tuesday.",
		"The U.S. convoy left at 9 a.m.",
		`"It was late," he said.`,
		"40 trucks followed!",
		"Why?",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestReadSources(t *testing.T) {
	in := `{"text":"First line here. Second one follows.\n\nA new paragraph.","date":"2030-02-01T00:00:00Z"}
not json
{"text":"An undated report has words enough to count.","date":"someday"}
{"text":"Too short.","date":"2030-01-01T00:00:00Z"}
{"text":"Earlier report. It has words enough to count.","date":"2030-01-15T00:00:00Z"}
`
	src, err := ReadSources(strings.NewReader(in), 4)
	if err != nil {
		t.Fatal(err)
	}
	if len(src) != 2 || src[0].Date.Day() != 15 || len(src[1].Paragraphs) != 2 || len(src[1].Paragraphs[0]) != 2 {
		t.Errorf("sources %+v", src)
	}
}
