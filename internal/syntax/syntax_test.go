package syntax

import (
	"bytes"
	"strings"
	"testing"

	"sitrep/internal/news"
)

// A tiny treebank written for these tests.
const sample = `# newdoc id = t1
# text = The soldiers crossed the river.
1	The	the	DET	_	_	2	det	_	_
2	soldiers	soldier	NOUN	_	_	3	nsubj	_	_
3	crossed	cross	VERB	_	_	0	root	_	_
4	the	the	DET	_	_	5	det	_	_
5	river	river	NOUN	_	_	3	obj	_	SpaceAfter=No
6	.	.	PUNCT	_	_	3	punct	_	_

# text = Officials said they didn't leave.
1	Officials	official	NOUN	_	_	2	nsubj	_	_
2	said	say	VERB	_	_	0	root	_	_
3	they	they	PRON	_	_	6	nsubj	_	_
4-5	didn't	_	_	_	_	_	_	_	_
4	did	do	AUX	_	_	6	aux	_	_
5	n't	not	PART	_	_	6	advmod	_	_
6	leave	leave	VERB	_	_	2	ccomp	_	SpaceAfter=No
7	.	.	PUNCT	_	_	2	punct	_	_

# newpar
# text = The city states its case.
1	The	the	DET	_	_	2	det	_	_
2	city	city	NOUN	_	_	3	nsubj	_	_
3	states	state	VERB	_	_	0	root	_	_
4	its	its	PRON	_	_	5	nmod:poss	_	_
5	case	case	NOUN	_	_	3	obj	_	SpaceAfter=No
6	.	.	PUNCT	_	_	3	punct	_	_

# text = Two states crossed the border.
1	Two	two	NUM	_	_	2	nummod	_	_
2	states	state	NOUN	_	_	3	nsubj	_	_
3	crossed	cross	VERB	_	_	0	root	_	_
4	the	the	DET	_	_	5	det	_	_
5	border	border	NOUN	_	_	3	obj	_	SpaceAfter=No
6	.	.	PUNCT	_	_	3	punct	_	_
`

func readSample(t *testing.T) []Sentence {
	t.Helper()
	s, err := ReadCoNLLU(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestReadCoNLLU(t *testing.T) {
	s := readSample(t)
	if len(s) != 4 {
		t.Fatalf("got %d sentences, want 4", len(s))
	}
	if !s[0].NewDoc || s[1].NewPar || !s[2].NewPar {
		t.Errorf("document and paragraph marks wrong: %+v %+v %+v", s[0].NewDoc, s[1].NewPar, s[2].NewPar)
	}
	if got := s[1].Multi; len(got) != 1 || got[0] != (Range{First: 3, Last: 4, Form: "didn't"}) {
		t.Errorf("multiword tokens = %+v", got)
	}
	if w := s[1].Words[4]; w.Form != "n't" || w.Lemma != "not" || w.UPOS != news.PART || w.Head != 6 || w.Rel != "advmod" {
		t.Errorf("word 5 = %+v", w)
	}
	if _, err := ReadCoNLLU(strings.NewReader("1\tA\ta\tNOUN\t_\t_\t1\troot\t_\t_\n")); err == nil {
		t.Error("a word that heads itself was accepted")
	}
	if _, err := ReadCoNLLU(strings.NewReader("1\tA\ta\tNOUNY\t_\t_\t0\troot\t_\t_\n")); err == nil {
		t.Error("an unknown tag was accepted")
	}
}

// Following the zero-cost moves of the dynamic oracle from the start
// rebuilds every projective gold tree exactly.
func TestOracleRebuildsProjectiveTrees(t *testing.T) {
	trees := [][]int32{
		{2, 3, 0, 5, 3, 3},
		{2, 0, 6, 6, 6, 2, 2},
		{0, 1, 1, 1},
		{4, 4, 4, 0},
		{0},
		{3, 3, 0, 5, 3, 7, 5, 3},
	}
	for _, tree := range trees {
		gold := append([]int32{none}, tree...)
		var st state
		st.reset(len(tree))
		var c [numMoves]int
		for !st.terminal() {
			st.costs(gold, &c)
			m := -1
			for k := range numMoves {
				if c[k] == 0 {
					m = k
					break
				}
			}
			if m < 0 {
				t.Fatalf("tree %v: no zero-cost move at stack %v, buffer %d (costs %v)", tree, st.stack, st.b, c)
			}
			st.apply(m, 0)
		}
		for i, h := range tree {
			if st.heads[i+1] != h {
				t.Errorf("tree %v: word %d got head %d", tree, i+1, st.heads[i+1])
			}
		}
	}
}

// A wrong move has a positive cost.
func TestOracleCostsWrongMoves(t *testing.T) {
	gold := []int32{none, 2, 0, 2} // 1 ← 2 → 3
	var st state
	st.reset(3)
	var c [numMoves]int
	st.apply(shift, 0) // stack [0 1], buffer 2
	st.costs(gold, &c)
	if c[left] != 0 || c[shift] == 0 || c[right] != -1 {
		t.Errorf("costs after shifting 1 = %v, want left 0, shift > 0, right illegal", c)
	}
}

func trainSmall(t *testing.T) (*Tagger, *Lemmatizer, *Parser) {
	t.Helper()
	s := readSample(t)
	var train []Sentence
	for range 5 {
		train = append(train, s...)
	}
	tg, err := TrainTagger(train, TrainTaggerOptions{Epochs: 4, Dev: s, Folds: 2})
	if err != nil {
		t.Fatal(err)
	}
	p, err := TrainParser(train, TrainParserOptions{Epochs: 4, Dev: s})
	if err != nil {
		t.Fatal(err)
	}
	return tg, TrainLemmatizer(train), p
}

func TestTrainSaveLoadDeterministic(t *testing.T) {
	tg, l, p := trainSmall(t)
	var tb, pb bytes.Buffer
	if err := tg.Save(&tb, l); err != nil {
		t.Fatal(err)
	}
	if err := p.Save(&pb); err != nil {
		t.Fatal(err)
	}
	// Training again gives the same bytes.
	tg2, l2, p2 := trainSmall(t)
	var tb2, pb2 bytes.Buffer
	tg2.Save(&tb2, l2)
	p2.Save(&pb2)
	if !bytes.Equal(tb.Bytes(), tb2.Bytes()) || !bytes.Equal(pb.Bytes(), pb2.Bytes()) {
		t.Error("training twice gave different model files")
	}
	lt, ll, err := LoadTagger(bytes.NewReader(tb.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	lp, err := LoadParser(bytes.NewReader(pb.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	an := &Analyzer{Tagger: lt, Lemmatizer: ll, Parser: lp}
	sc := an.Evaluate(readSample(t))
	if sc.Words != 25 || sc.UPOS != sc.Words || sc.UAS != sc.Words || sc.LAS != sc.Words || sc.Lemma != sc.Words {
		t.Errorf("the loaded models do not learn their own training data: %+v", sc)
	}
	// "states" is a verb after "city" and a noun after "Two".
	var out Analysis
	an.Analyze(strings.Fields("The city states its case ."), &out)
	if out.Tags[2] != news.VERB || out.Lemmas[2] != "state" {
		t.Errorf("states after city: %v %q", out.Tags[2], out.Lemmas[2])
	}
	an.Analyze(strings.Fields("Two states crossed the border ."), &out)
	if out.Tags[1] != news.NOUN || out.Heads[1] != 3 || out.Rels[1] != "nsubj" {
		t.Errorf("states after Two: %v head %d %s", out.Tags[1], out.Heads[1], out.Rels[1])
	}
	if _, _, err := LoadTagger(bytes.NewReader(pb.Bytes())); err == nil {
		t.Error("a parser model loaded as a tagger")
	}
	if _, err := LoadParser(bytes.NewReader(tb.Bytes()[:len(tb.Bytes())/2])); err == nil {
		t.Error("a truncated model loaded")
	}
}

func TestLemmatizerFallsBackToRules(t *testing.T) {
	var train []Sentence
	for _, w := range []struct{ form, lemma string }{
		{"walked", "walk"}, {"talked", "talk"}, {"jumped", "jump"}, {"crossed", "cross"},
		{"soldiers", "soldier"}, {"rivers", "river"}, {"cities", "city"}, {"armies", "army"},
		{"went", "go"},
	} {
		tag := news.VERB
		if strings.HasSuffix(w.form, "s") {
			tag = news.NOUN
		}
		train = append(train, Sentence{Words: []Word{{Form: w.form, Lemma: w.lemma, UPOS: tag}}})
	}
	l := TrainLemmatizer(train)
	for _, c := range []struct {
		form string
		tag  news.UPOS
		want string
	}{
		{"Went", news.VERB, "go"},       // the table, lower-cased
		{"fled", news.VERB, "flee"},     // a strong verb the data never showed (the -ed rule would give "flead")
		{"Fought", news.VERB, "fight"},  // capitalised
		{"shelled", news.VERB, "shell"}, // the -ed rule
		{"enemies", news.NOUN, "enemy"}, // the -ies rule
		{"Kyiv", news.PROPN, "Kyiv"},    // names stay
		{"tanks", news.NOUN, "tank"},
	} {
		if got, _ := l.Lemma(c.form, c.tag, nil); got != c.want {
			t.Errorf("Lemma(%q, %v) = %q, want %q", c.form, c.tag, got, c.want)
		}
	}
}

func TestParticiple(t *testing.T) {
	for lemma, want := range map[string]string{
		"flee": "fled", "rescue": "rescued", "stop": "stopped", "carry": "carried", "attend": "attended",
		"visit": "visited", "admit": "admitted", "cost": "cost", "cut": "cut", "take": "taken", "play": "played",
		"rain": "rained", "fix": "fixed", "Sell": "sold", "rebuild": "rebuilt", "mislead": "misled", "overthrow": "overthrown",
		"outsell": "outsold", "relay": "relayed", "repay": "repaid", "research": "researched", "update": "updated",
	} {
		if got := Participle(lemma); got != want {
			t.Errorf("Participle(%q) = %q, want %q", lemma, got, want)
		}
	}
}
