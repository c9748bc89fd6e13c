package ner

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Chunk is an entity span over tokens [Start, End) of a sentence.
type Chunk struct {
	Start, End int
	Type       string
}

// splitTag splits "B-PER" into ("B", "PER") and "O" into ("O", "").
func splitTag(tag string) (string, string) {
	if p, t, ok := strings.Cut(tag, "-"); ok {
		return p, t
	}
	return tag, ""
}

// Chunks returns the entity spans that a tag sequence marks, following
// conlleval's rules: IOB1, IOB2, IOE and BILOU/BIOES (S/U and E/L) tags
// are all understood, and an I- tag after O or another type starts a
// chunk.
func Chunks(tags []string) []Chunk {
	var out []Chunk
	prevTag, prevType := "O", ""
	start := -1
	for i := 0; i <= len(tags); i++ {
		tag, typ := "O", ""
		if i < len(tags) {
			tag, typ = splitTag(tags[i])
			tag = normPrefix(tag)
		}
		if start >= 0 && chunkEnds(prevTag, tag, prevType, typ) {
			out = append(out, Chunk{Start: start, End: i, Type: prevType})
			start = -1
		}
		if i < len(tags) && chunkStarts(prevTag, tag, prevType, typ) {
			start = i
		}
		prevTag, prevType = tag, typ
	}
	return out
}

// normPrefix maps BILOU's L and U to the E and S conlleval knows.
func normPrefix(p string) string {
	switch p {
	case "L":
		return "E"
	case "U":
		return "S"
	}
	return p
}

func chunkEnds(prev, tag, prevType, typ string) bool {
	switch {
	case prev == "E" || prev == "S":
		return true
	case (prev == "B" || prev == "I") && (tag == "B" || tag == "O" || tag == "S"):
		return true
	case prev != "O" && prevType != typ:
		return true
	}
	return false
}

func chunkStarts(prev, tag, prevType, typ string) bool {
	switch {
	case tag == "B" || tag == "S":
		return true
	case (prev == "E" || prev == "S" || prev == "O") && (tag == "E" || tag == "I"):
		return true
	case tag != "O" && prevType != typ:
		return true
	}
	return false
}

// TypeScore counts the chunks of one type.
type TypeScore struct {
	Gold, Found, Correct int
}

// Precision is Correct/Found as a percentage (0 when nothing was found).
func (t TypeScore) Precision() float64 { return pct(t.Correct, t.Found) }

// Recall is Correct/Gold as a percentage.
func (t TypeScore) Recall() float64 { return pct(t.Correct, t.Gold) }

// F1 is the harmonic mean of precision and recall, as a percentage.
func (t TypeScore) F1() float64 {
	p, r := t.Precision(), t.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Report is a conlleval-style evaluation: exact-span chunk matches per
// type and overall, and token accuracy.
type Report struct {
	Tokens, CorrectTokens int
	Overall               TypeScore
	Types                 map[string]*TypeScore
}

// Add scores one sentence's predicted tags against its gold tags.
func (r *Report) Add(gold, pred []string) {
	if r.Types == nil {
		r.Types = map[string]*TypeScore{}
	}
	for i := range gold {
		r.Tokens++
		if i < len(pred) && pred[i] == gold[i] {
			r.CorrectTokens++
		}
	}
	g, p := Chunks(gold), Chunks(pred)
	ts := func(t string) *TypeScore {
		s := r.Types[t]
		if s == nil {
			s = &TypeScore{}
			r.Types[t] = s
		}
		return s
	}
	set := make(map[Chunk]bool, len(g))
	for _, c := range g {
		set[c] = true
		ts(c.Type).Gold++
		r.Overall.Gold++
	}
	for _, c := range p {
		ts(c.Type).Found++
		r.Overall.Found++
		if set[c] {
			ts(c.Type).Correct++
			r.Overall.Correct++
		}
	}
}

// Write prints the report as conlleval does, then a last line
// "overall precision P recall R F1 F".
func (r *Report) Write(w io.Writer) {
	fmt.Fprintf(w, "processed %d tokens with %d phrases; found: %d phrases; correct: %d.\n",
		r.Tokens, r.Overall.Gold, r.Overall.Found, r.Overall.Correct)
	fmt.Fprintf(w, "accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f\n",
		pct(r.CorrectTokens, r.Tokens), r.Overall.Precision(), r.Overall.Recall(), r.Overall.F1())
	types := make([]string, 0, len(r.Types))
	for t := range r.Types {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		s := r.Types[t]
		fmt.Fprintf(w, "%17s: precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %d\n",
			t, s.Precision(), s.Recall(), s.F1(), s.Found)
	}
	fmt.Fprintf(w, "overall precision %.2f recall %.2f F1 %.2f\n", r.Overall.Precision(), r.Overall.Recall(), r.Overall.F1())
}
