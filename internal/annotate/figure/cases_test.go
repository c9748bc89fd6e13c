package figure

import (
	"flag"
	"strings"
	"testing"

	"sitrep/internal/annotate/claim"
	"sitrep/internal/annotate/entity"
	"sitrep/internal/annotate/quantity"
	"sitrep/internal/annotate/sentence"
	"sitrep/internal/annotate/timex"
	"sitrep/internal/demo/demotest"
	"sitrep/internal/news"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGoldenCases runs the finder over testdata/cases.txt (sentences
// written for this test) and compares the figures with
// testdata/cases.golden.json; go test -update rewrites it.
//
// Known wrong outputs kept in the golden file: "up to 200 soldiers may
// have been captured" has no hedge, because only the words before the
// figure are searched for one.
func TestGoldenCases(t *testing.T) {
	type entry struct {
		Text    string        `json:"text"`
		Figures []news.Figure `json:"figures"`
	}
	var out []entry
	stages := []demotest.Stage{sentence.New(), quantity.New(), timex.New(), entity.New(), claim.New(), New()}
	for _, a := range demotest.Cases(t, "cases.txt", stages...) {
		out = append(out, entry{Text: a.Text, Figures: append([]news.Figure{}, a.Figures...)})
	}
	demotest.Golden(t, "cases.golden.json", out, *update)
}

// TestAfterPubPeriods checks that weeks, quarters and seasons after the
// publication date count as after it (they were never checked).
func TestAfterPubPeriods(t *testing.T) {
	for _, c := range []struct {
		v, pub string
		want   bool
	}{
		{"2022-W10", "2022-03-05", true}, // week 10 starts on Monday 7 March
		{"2022-W09", "2022-03-05", false},
		{"2022-W09-WE", "2022-03-04", true}, // its weekend starts on Saturday 5 March
		{"2022-WI", "2022-07-23", true},
		{"2022-SU", "2022-07-23", false},
		{"2022-Q4", "2022-07-23", true},
		{"2022-Q3", "2022-07-23", false},
		{"2022-08", "2022-07-23", true},
		{"2022-07", "2022-07-23", false},
	} {
		if got := afterPub(c.v, c.pub); got != c.want {
			t.Errorf("afterPub(%q, %q) = %v, want %v", c.v, c.pub, got, c.want)
		}
	}
}

// A name joins the one before it in a list only by "and": a comma alone
// ends a clause as often ("… the invasion of Latvia, the minister said").
func TestCoordinated(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Sweden, Finland and Norway said", true},
		{"Finland, and Norway said", true},
		{"the invasion of Finland, Norway said", false},
		{"Finland talks Norway said", false},
	} {
		a := &news.Article{Text: c.text}
		for _, name := range []string{"Finland", "Norway"} {
			k := strings.Index(c.text, name)
			a.Entities = append(a.Entities, news.Mention{Span: news.Span{Start: k, End: k + len(name)}, Type: "GPE", Text: name})
		}
		if got := newIndex(a).coordinated(1); got != c.want {
			t.Errorf("coordinated(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// A count of sources overlaps or runs into its claim's speaker; a speaker
// that starts inside the quantity ("two dozen" and "dozen officials")
// counts too, and one after punctuation does not.
func TestSpeaks(t *testing.T) {
	text := "Two dozen officials said so. Three, the minister said."
	span := func(s string) news.Span {
		k := strings.Index(text, s)
		return news.Span{Start: k, End: k + len(s)}
	}
	for _, c := range []struct {
		quantity, speaker string
		want              bool
	}{
		{"Two dozen", "Two dozen officials", true},
		{"Two dozen", "dozen officials", true},
		{"Two", "officials", true},
		{"Three", "the minister", false},
	} {
		sp := span(c.speaker)
		a := &news.Article{Text: text, Claims: []news.Claim{{SpeakerSpan: &sp}}}
		q := news.Quantity{Span: span(c.quantity)}
		if got := newIndex(a).speaks(q); got != c.want {
			t.Errorf("speaks(%q, speaker %q) = %v, want %v", c.quantity, c.speaker, got, c.want)
		}
	}
}
