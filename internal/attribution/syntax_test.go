package attribution

import (
	"slices"
	"testing"
)

// TestSyntaxFeatures checks that a document without a syntax layer gets
// one from the syntax stage, and that the relative features place the
// cue's subject and complement in the tree: the subject under the cue
// through nsubj, the reported clause through ccomp.
func TestSyntaxFeatures(t *testing.T) {
	text := "The defence minister said on Friday that 300 soldiers had died near the river."
	d := NewDocument("syntax", text)
	if d.Syntax != nil {
		t.Fatal("NewDocument already has a syntax layer")
	}
	m := &Model{}
	di := m.newDocInfo(d)
	if len(d.Syntax) != len(d.Tokens) {
		t.Fatalf("syntax layer has %d entries for %d tokens", len(d.Syntax), len(d.Tokens))
	}
	at := func(w string) int {
		for i, tk := range d.Tokens {
			if tk.In(text) == w {
				return i
			}
		}
		t.Fatalf("no token %q", w)
		return -1
	}
	said := at("said")
	if di.toks[said].upos != "VERB" || di.toks[said].lemma != "say" {
		t.Errorf("said: tag %q lemma %q, want VERB say", di.toks[said].upos, di.toks[said].lemma)
	}
	c := m.newCueInfo(di, Range{said, said + 1}, nil)
	if c.synHead != int32(said) {
		t.Fatalf("cue head %d, want %d (said)", c.synHead, said)
	}
	for w, want := range map[string]string{"minister": "in:nsubj", "said": "head", "died": "in:ccomp", "soldiers": "in:ccomp"} {
		if kind, rel, _ := di.depTo(&c, at(w)); kind+rel != want {
			t.Errorf("depTo(%s) = %q, want %q", w, kind+rel, want)
		}
	}
	// The relative features of the subject and of a word of the reported
	// clause differ by their tree relation to the cue.
	k1 := m.relKeys(di, &c, at("minister"), nil)
	k2 := m.relKeys(di, &c, at("soldiers"), nil)
	dep := func(ks []uint64) []uint64 { return ks[len(ks)-4:] }
	if slices.Equal(dep(k1), dep(k2)) {
		t.Error("the tree features of the subject and the content are the same")
	}
}

// TestSyntaxGivenOrComputed checks that the tagger tags the same with
// the syntax layer passed in (as the claim stage does) and computed.
func TestSyntaxGivenOrComputed(t *testing.T) {
	m, err := Train(tinyCorpus(), TrainOptions{Epochs: 2, MinCount: 1})
	if err != nil {
		t.Fatal(err)
	}
	text := "A spokesman warned that the bridge at Norvik had 12 cracks. The weather was mild."
	d1 := NewDocument("a", text)
	a1 := m.Tag(d1)
	d2 := NewDocument("b", text)
	d2.Syntax = d1.Syntax
	a2 := m.Tag(d2)
	if len(a1) == 0 || len(a1) != len(a2) || !slices.Equal(a1[0].Source, a2[0].Source) {
		t.Errorf("computed syntax gave %+v, given syntax %+v", a1, a2)
	}
}
