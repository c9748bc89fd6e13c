package ner

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestChunks(t *testing.T) {
	tests := []struct {
		tags string
		want []Chunk
	}{
		{"B-PER I-PER O B-LOC", []Chunk{{0, 2, "PER"}, {3, 4, "LOC"}}},
		{"I-ORG I-ORG O", []Chunk{{0, 2, "ORG"}}},              // IOB1 start
		{"B-PER B-PER", []Chunk{{0, 1, "PER"}, {1, 2, "PER"}}}, // two adjacent
		{"B-PER I-LOC", []Chunk{{0, 1, "PER"}, {1, 2, "LOC"}}}, // type change starts a chunk
		{"U-LOC B-ORG L-ORG O", []Chunk{{0, 1, "LOC"}, {1, 3, "ORG"}}},
		{"O O", nil},
	}
	for _, tt := range tests {
		got := Chunks(strings.Fields(tt.tags))
		if len(got) != len(tt.want) {
			t.Errorf("Chunks(%s) = %v, want %v", tt.tags, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("Chunks(%s) = %v, want %v", tt.tags, got, tt.want)
			}
		}
	}
}

func TestReport(t *testing.T) {
	var r Report
	r.Add(strings.Fields("B-PER I-PER O B-LOC O B-ORG"), strings.Fields("B-PER I-PER O B-ORG O B-ORG"))
	// gold 3, found 3, correct 2 (PER, ORG); LOC missed, a false ORG.
	if r.Overall.Gold != 3 || r.Overall.Found != 3 || r.Overall.Correct != 2 {
		t.Fatalf("overall %+v", r.Overall)
	}
	if f := r.Overall.F1(); f < 66.6 || f > 66.7 {
		t.Errorf("F1 = %.2f, want 66.67", f)
	}
	if s := r.Types["ORG"]; s.Precision() != 50 || s.Recall() != 100 {
		t.Errorf("ORG %+v", s)
	}
	var b bytes.Buffer
	r.Write(&b)
	if !strings.Contains(b.String(), "overall precision 66.67 recall 66.67 F1 66.67\n") {
		t.Errorf("report:\n%s", b.String())
	}
}

const tiny = `-DOCSTART- -X- -X- O

Peter NNP B-NP B-PER
Blackburn NNP I-NP I-PER
visited VBD B-VP O
Brussels NNP B-NP B-LOC
. . O O

EU NNP B-NP B-ORG
rejects VBZ B-VP O
German JJ B-NP B-MISC
call NN I-NP O
. . O O

-DOCSTART- -X- -X- O

Anna NNP B-NP B-PER
Schmidt NNP I-NP I-PER
left VBD B-VP O
Berlin NNP B-NP B-LOC
for IN B-PP O
Paris NNP B-NP B-LOC
. . O O
`

func TestTrainSaveLoad(t *testing.T) {
	docs, err := ReadCoNLL(strings.NewReader(tiny))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || len(docs[0].Sentences) != 2 || Tokens(docs) != 17 {
		t.Fatalf("read %d docs, %d tokens", len(docs), Tokens(docs))
	}
	train := func() []byte {
		lex, err := NewLexicon("loc", "first")
		if err != nil {
			t.Fatal(err)
		}
		lex.Add("loc", "Brussels")
		lex.Add("first", "Anna")
		m, err := Train(docs, TrainOptions{Epochs: 5, Folds: 2, Lexicon: lex, Gazetteer: map[string]string{"Berlin": "capital"}})
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
		t.Error("training is not deterministic")
	}
	m, err := Load(bytes.NewReader(b1))
	if err != nil {
		t.Fatal(err)
	}
	if m.First == nil || m.Lexicon == nil || m.First.Lexicon != m.Lexicon {
		t.Fatalf("loaded two-pass model: first pass %v, lexicon %v", m.First != nil, m.Lexicon != nil)
	}
	// The model fits its training data.
	if f := Evaluate(m, docs).Overall.F1(); f < 99.9 {
		t.Errorf("training F1 = %.2f, want 100", f)
	}
	if _, err := Load(bytes.NewReader(b1[:len(b1)/2])); err == nil {
		t.Error("a truncated model loaded")
	}
	if _, err := Load(strings.NewReader("not a model")); err == nil {
		t.Error("garbage loaded as a model")
	}
}

func TestParseFeatures(t *testing.T) {
	f, ok := ParseFeatures("all,-clusters")
	if !ok || f&FeatClusters != 0 || f&FeatWords == 0 {
		t.Errorf("all,-clusters = %v %v", f, ok)
	}
	if _, ok := ParseFeatures("words+bogus"); ok {
		t.Error("bogus family accepted")
	}
	if f, _ := ParseFeatures("words+shape"); f.String() != "words+shape" {
		t.Errorf("String = %q", f.String())
	}
}

// TestCoNLLDev checks the committed-quality level on real data when the
// data set is present: a model trained on a slice of train reaches a
// floor on a slice of dev. The full figures come from `sitrep eval ner`.
func TestCoNLLDev(t *testing.T) {
	const dir = "../../../shared/data/conll2003/"
	if _, err := os.Stat(dir + "train.txt"); err != nil || testing.Short() {
		t.Skip("CoNLL-2003 not present")
	}
	if os.Getenv("SITREP_TEST_LONG") == "" {
		t.Skip("long test (trains on 200 CoNLL documents, ~6 s): set SITREP_TEST_LONG=1")
	}
	train, err := ReadCoNLLFile(dir + "train.txt")
	if err != nil {
		t.Fatal(err)
	}
	dev, err := ReadCoNLLFile(dir + "valid.txt")
	if err != nil {
		t.Fatal(err)
	}
	m, err := Train(train[:200], TrainOptions{Epochs: 4})
	if err != nil {
		t.Fatal(err)
	}
	if f := Evaluate(m, dev[:50]).Overall.F1(); f < 70 {
		t.Errorf("dev F1 %.2f after training on 200 documents, want ≥ 70", f)
	}
}

func FuzzTagDocument(f *testing.F) {
	docs, _ := ReadCoNLL(strings.NewReader(tiny))
	m, err := Train(docs, TrainOptions{Epochs: 2, Folds: 2})
	if err != nil {
		f.Fatal(err)
	}
	f.Add("Peter Blackburn visited Brussels .")
	f.Add("\xff ’s “ BERLIN 1996-08-22")
	f.Fuzz(func(t *testing.T, s string) {
		var sents [][]string
		for _, line := range strings.Split(s, "\n") {
			sents = append(sents, strings.Fields(line))
		}
		out := m.TagDocument(sents)
		for i := range sents {
			if len(out[i]) != len(sents[i]) {
				t.Fatalf("sentence %d: %d tags for %d words", i, len(out[i]), len(sents[i]))
			}
			for _, tag := range out[i] {
				if tag != "O" && !strings.HasPrefix(tag, "B-") && !strings.HasPrefix(tag, "I-") {
					t.Fatalf("bad tag %q", tag)
				}
			}
			// IOB2: an I- tag continues a chunk of its type.
			for k, tag := range out[i] {
				if strings.HasPrefix(tag, "I-") && (k == 0 || out[i][k-1] == "O" || out[i][k-1][2:] != tag[2:]) {
					t.Fatalf("I- tag does not continue a chunk: %v", out[i])
				}
			}
		}
	})
}

func BenchmarkTag(b *testing.B) {
	const path = "../../../shared/data/conll2003/test.txt"
	docs, err := ReadCoNLLFile(path)
	if err != nil {
		b.Skip("CoNLL-2003 not present")
	}
	train, _ := ReadCoNLLFile("../../../shared/data/conll2003/train.txt")
	m, err := Train(train[:100], TrainOptions{Epochs: 2})
	if err != nil {
		b.Fatal(err)
	}
	docs = docs[:50]
	n := Tokens(docs)
	for b.Loop() {
		for _, d := range docs {
			m.TagDocument(docWords(d))
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
