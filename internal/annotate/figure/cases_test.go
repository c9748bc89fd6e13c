package figure

import (
	"flag"
	"testing"

	"sitrep/internal/annotate/claim"
	"sitrep/internal/annotate/entity"
	"sitrep/internal/annotate/quantity"
	"sitrep/internal/annotate/sentence"
	"sitrep/internal/annotate/timex"
	"sitrep/internal/demo/demotest"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGoldenCases runs the finder over testdata/cases.txt (sentences
// written for this test) and compares the figures with
// testdata/cases.golden.json; go test -update rewrites it.
//
// Known wrong outputs kept in the golden file: "32 wounded" measures
// "wounded|kharkiv" rather than people injured (the counted noun is the
// participle); "up to 200 soldiers may have been captured" has no hedge,
// because only the words before the figure are searched for one.
func TestGoldenCases(t *testing.T) {
	type figure struct {
		Text    string   `json:"text"`
		Value   *float64 `json:"value"`
		Low     *float64 `json:"low,omitempty"`
		High    *float64 `json:"high,omitempty"`
		Approx  string   `json:"approx"`
		Unit    string   `json:"unit,omitempty"`
		Counts  string   `json:"counts,omitempty"`
		Measure string   `json:"measure"`
		Speaker string   `json:"speaker"`
		Hedge   string   `json:"hedge,omitempty"`
		Time    string   `json:"time,omitempty"`
		Actors  []string `json:"actors,omitempty"`
	}
	type entry struct {
		Text    string   `json:"text"`
		Figures []figure `json:"figures"`
	}
	var out []entry
	stages := []demotest.Stage{sentence.New(), quantity.New(), timex.New(), entity.New(), claim.New(), New()}
	for _, a := range demotest.Cases(t, "cases.txt", stages...) {
		e := entry{Text: a.Text, Figures: []figure{}}
		for _, f := range a.Figures {
			e.Figures = append(e.Figures, figure{Text: f.Text, Value: f.Value, Low: f.Low, High: f.High, Approx: f.Approx,
				Unit: f.Unit, Counts: f.Counts, Measure: f.Measure, Speaker: f.Speaker, Hedge: f.Hedge, Time: f.Time, Actors: f.Actors})
		}
		out = append(out, e)
	}
	demotest.Golden(t, "cases.golden.json", out, *update)
}
