package ner

import (
	"bytes"
	"compress/gzip"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// The incremental loss updates must agree with losses computed from
// scratch after every word enters and every merge.
func TestBrownIncrementalLossesMatchFullRecompute(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var sents [][]string
	for range 300 {
		var s []string
		for range 3 + rng.IntN(8) {
			s = append(s, string(rune('a'+rng.IntN(12)))+string(rune('a'+rng.IntN(3))))
		}
		sents = append(sents, s)
	}
	b, vocab := brownInput(sents, 5, 1)
	check := func(when string) {
		// The cluster bigram table must sum the members' bigrams.
		want := make([]float64, len(b.p2))
		for wd, es := range b.right {
			for _, e := range es {
				if x, y := b.slotOf[wd], b.slotOf[e.to]; x >= 0 && y >= 0 {
					want[int(x)*b.n+int(y)] += e.p
				}
			}
		}
		for k := range want {
			if math.Abs(want[k]-b.p2[k]) > 1e-12 {
				t.Fatalf("%s: p2[%d,%d] = %g, members give %g", when, k/b.n, k%b.n, b.p2[k], want[k])
			}
		}
		for a, i := range b.order {
			for _, j := range b.order[a+1:] {
				if got, want := b.loss[i*b.n+j], b.fullLoss(i, j); math.Abs(got-want) > 1e-9 {
					t.Fatalf("%s: loss(%d,%d) = %g, recomputed %g", when, i, j, got, want)
				}
			}
		}
	}
	for wd := range vocab {
		x := 0
		for b.active[x] {
			x++
		}
		b.enter(int32(wd), x)
		check("after enter " + vocab[wd])
		if len(b.order) > b.classes {
			s, u := b.best()
			b.merge(s, u)
			check("after merge")
		}
	}
	for len(b.order) > 1 {
		s, u := b.best()
		b.merge(s, u)
		check("final merge")
	}
}

// Words used in the same contexts end up closer in the tree than words
// that are not.
func TestBrownGroupsWordsBySharedContexts(t *testing.T) {
	animals := []string{"cat", "dog", "horse", "goat"}
	verbs := []string{"runs", "sleeps", "eats", "waits"}
	places := []string{"kyiv", "kharkiv", "odesa", "lviv"}
	var sents [][]string
	for i := range 400 {
		a, v, p := animals[i%4], verbs[(i/4)%4], places[(i/16)%4]
		sents = append(sents, strings.Fields("the "+a+" "+v+" in "+p+" today"))
	}
	paths := Brown(sents, 6, 1)
	shared := func(x, y string) int {
		a, b := paths[x], paths[y]
		n := 0
		for n < len(a) && n < len(b) && a[n] == b[n] {
			n++
		}
		return n
	}
	for _, group := range [][]string{animals, verbs, places} {
		for _, other := range [][]string{animals, verbs, places} {
			if &group[0] == &other[0] {
				continue
			}
			if in, out := shared(group[0], group[1]), shared(group[0], other[0]); in <= out {
				t.Errorf("%s and %s share %d bits, %s and %s %d; paths %v", group[0], group[1], in, group[0], other[0], out, paths)
			}
		}
	}
	if paths["the"] == "" || Brown(sents, 6, 1)["cat"] != paths["cat"] {
		t.Errorf("paths missing or not deterministic: %v", paths)
	}
	if got := Brown(sents, 6, 1000); len(got) != 0 {
		t.Errorf("min count 1000 kept %d words", len(got))
	}
}

func TestClustersFileRoundTrip(t *testing.T) {
	in := map[string]string{"kyiv": "0110", "said": "10", "the": "0"}
	var buf bytes.Buffer
	if err := WriteClusters(&buf, in, "made by a test\nsecond line"); err != nil {
		t.Fatal(err)
	}
	out, err := ReadClusters(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != len(in) || out["kyiv"] != "0110" || out["said"] != "10" || out["the"] != "0" {
		t.Errorf("round trip gave %v", out)
	}
	var bad bytes.Buffer
	zw := gzip.NewWriter(&bad)
	zw.Write([]byte("kyiv\t01x\n"))
	zw.Close()
	if _, err := ReadClusters(&bad); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("a path with a non-bit character: err %v, want a line 1 error", err)
	}
	if _, err := ReadClusters(strings.NewReader("kyiv\t01\n")); err == nil {
		t.Error("an ungzipped file was accepted")
	}
}
