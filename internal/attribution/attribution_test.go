package attribution

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"sitrep/internal/news"
)

// words returns the text of the token ranges, joined by " | ".
func words(d *Document, rs []Range) string {
	var out []string
	for _, r := range rs {
		out = append(out, d.Text[d.Tokens[r.Start].Start:d.Tokens[r.End-1].End])
	}
	return strings.Join(out, " | ")
}

func TestParseBrat(t *testing.T) {
	// Offsets are code points: "é" and "’" are one each.
	text := "Renée’s aide said the plan “will fail”. Later, the mayor told us nothing."
	d := NewDocument("t", text)
	ann := strings.Join([]string{
		"T1\tSource 0 12\tRenée’s aide",
		"T2\tCue 13 17\tsaid",
		"T3\tContent 18 38\tthe plan “will fail”",
		"T4\tAttribution 13 17\tsaid",
		"E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
		"#1\tAnnotatorNotes T1\ta note",
		"T5\tCue 57 61;62 64\ttold us",
		"T6\tSource 47 56\tthe mayor",
		"T7\tContent 65 72\tnothing",
		"a continuation line of a multi-line span text",
		"E2\tAttribution:T8 Source:T6 Cue:T5 Content:T7",
	}, "\n")
	as, err := parseBrat(d, ann)
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 2 {
		t.Fatalf("got %d attributions, want 2", len(as))
	}
	for i, want := range [][3]string{
		{"said", "Renée’s aide", "the plan “will fail”"},
		{"told us", "the mayor", "nothing"},
	} {
		got := [3]string{words(d, as[i].Cue), words(d, as[i].Source), words(d, as[i].Content)}
		if got != want {
			t.Errorf("attribution %d = %q, want %q", i, got, want)
		}
	}
	if _, err := parseBrat(d, "T1\tCue 5 999\tx"); err == nil {
		t.Error("offsets past the text: no error")
	}
}

func TestViterbiOne(t *testing.T) {
	// Emissions favour two separate spans; the single-span decoder keeps
	// the stronger one, the plain one keeps both.
	em := []float32{
		0, 0, 0, 0, 5, // U
		1, 0, 0, 0, 0, // O
		0, 0, 0, 0, 9, // U
		1, 0, 0, 0, 0, // O
	}
	trans := make([]float32, (nl+1)*nl)
	var d decoder
	if got := rangesOf(d.viterbi(em, 4, trans), 0); len(got) != 2 {
		t.Fatalf("viterbi: %v, want two spans", got)
	}
	if got := rangesOf(d.viterbiOne(em, 4, trans), 0); !slices.Equal(got, []Range{{2, 3}}) {
		t.Fatalf("viterbiOne: %v, want [{2 3}]", got)
	}
}

func TestScore(t *testing.T) {
	d := NewDocument("t", "Ann said it rained. Bob thinks so, according to Cy.")
	r := func(a, b int) []Range { return []Range{{a, b}} }
	gold := []Attribution{
		{Cue: r(1, 2), Source: r(0, 1), Content: r(2, 4)},    // Ann said it rained
		{Cue: r(6, 7), Source: r(5, 6), Content: r(7, 8)},    // Bob thinks so
		{Cue: r(9, 11), Source: r(11, 12), Content: r(5, 8)}, // according to Cy
	}
	pred := []Attribution{
		{Cue: r(1, 2), Source: r(0, 1), Content: r(2, 3)},  // content half right
		{Cue: r(9, 10), Source: r(5, 6), Content: r(5, 8)}, // cue overlaps, wrong source
		{Cue: r(3, 4)}, // spurious
	}
	var s Scores
	s.Add(d, gold, pred)
	a := s.All
	if a.CueExact != (PRF{TP: 1, Pred: 3, Gold: 3}) || a.CueOverlap != (PRF{TP: 2, Pred: 3, Gold: 3}) {
		t.Errorf("cues: exact %+v overlap %+v", a.CueExact, a.CueOverlap)
	}
	if a.Matched != 2 || a.SourceExact != 1 || a.SourceOverlap != 1 {
		t.Errorf("sources: matched %d exact %d overlap %d", a.Matched, a.SourceExact, a.SourceOverlap)
	}
	if a.ContentTokens != (PRF{TP: 4, Pred: 4, Gold: 6}) {
		t.Errorf("content tokens %+v", a.ContentTokens)
	}
	// "said" is a reporting verb; "thinks" and "according to" are not.
	if s.Reporting.CueOverlap != (PRF{TP: 1, Pred: 1, Gold: 1}) {
		t.Errorf("reporting verbs: %+v", s.Reporting.CueOverlap)
	}
}

func TestStem(t *testing.T) {
	for _, group := range [][]string{
		{"argue", "argues", "argued", "arguing"},
		{"say", "says", "said", "saying"},
		{"deny", "denies", "denied", "denying"},
		{"admit", "admits", "admitted", "admitting"},
		{"tell", "tells", "told", "telling"},
	} {
		for _, w := range group[1:] {
			if stem(w) != stem(group[0]) {
				t.Errorf("stem(%q) = %q, stem(%q) = %q", w, stem(w), group[0], stem(group[0]))
			}
		}
	}
}

// tinyCorpus is a training set written for this test.
func tinyCorpus() []*Document {
	var docs []*Document
	names := []string{"Ann Lee", "The ministry", "Bob", "A spokesman", "Officials"}
	verbs := []string{"said", "told reporters", "warned", "said", "claimed"}
	for i := range 20 {
		n, v := names[i%len(names)], verbs[(i/2)%len(verbs)]
		text := fmt.Sprintf("%s %s that the bridge at Norvik had %d cracks. The weather was mild.", n, v, i+2)
		d := NewDocument(fmt.Sprint(i), text)
		src := d.TokensOf(spanOf(text, n))
		cue := d.TokensOf(spanOf(text, v))
		content := d.TokensOf(spanOf(text, fmt.Sprintf("the bridge at Norvik had %d cracks", i+2)))
		d.Attributions = []Attribution{{Cue: cue, Source: src, Content: content}}
		docs = append(docs, d)
	}
	return docs
}

func TestTrainTagSaveLoad(t *testing.T) {
	docs := tinyCorpus()
	train := func() []byte {
		m, err := Train(docs, TrainOptions{Epochs: 4, MinCount: 1, Dev: docs[:5]})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := m.Save(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	b1, b2 := train(), train()
	if !bytes.Equal(b1, b2) {
		t.Fatal("two trainings on the same data gave different models")
	}
	m, err := Load(bytes.NewReader(b1))
	if err != nil {
		t.Fatal(err)
	}
	var b3 bytes.Buffer
	if err := m.Save(&b3); err != nil || !bytes.Equal(b1, b3.Bytes()) {
		t.Fatalf("load and save changed the model (err %v)", err)
	}
	d := NewDocument("new", "The ministry warned that the bridge at Norvik had 40 cracks. The weather was mild.")
	as := m.Tag(d)
	if len(as) != 1 {
		t.Fatalf("tagged %d attributions, want 1: %+v", len(as), as)
	}
	got := [3]string{words(d, as[0].Cue), words(d, as[0].Source), words(d, as[0].Content)}
	want := [3]string{"warned", "The ministry", "the bridge at Norvik had 40 cracks"}
	if got != want {
		t.Errorf("tagged %q, want %q", got, want)
	}
	if _, err := Load(bytes.NewReader(b1[:len(b1)/2])); err == nil {
		t.Error("a truncated model loaded without error")
	}
}

func spanOf(text, s string) news.Span {
	i := strings.Index(text, s)
	return news.Span{Start: i, End: i + len(s)}
}
