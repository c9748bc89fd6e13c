package eval

import (
	"reflect"
	"strings"
	"testing"

	"sitrep/internal/news"
)

// TestLedgerHedgeScore checks the hedge codes: approximators and
// epistemic hedges on both sides, words outside the codes ignored.
func TestLedgerHedgeScore(t *testing.T) {
	tests := []struct {
		approx, hedge string
		gold          []string
		ok            bool
		missed, extra []string
	}{
		{"at_least", "", []string{"at least"}, true, nil, nil},
		{"up_to", "", []string{"as many as"}, true, nil, nil},
		{"exact", "believes", []string{"believed"}, true, nil, nil},
		{"about", "estimates", []string{"an estimated"}, false, nil, []string{"about"}},
		{"exact", "", []string{"reportedly", "only"}, false, []string{"reported"}, nil},
		{"more_than", "could", []string{"more than"}, false, nil, []string{"could"}},
		{"exact", "", []string{"already", "extra"}, true, nil, nil},
	}
	for _, tt := range tests {
		r := &LedgerFiguresReport{Found: 1}
		r.scoreHedge("a", news.Figure{Approx: tt.approx, Hedge: tt.hedge}, LedgerMention{Phrase: "1", Hedge: tt.gold}, 12)
		if (r.HedgeOK == 1) != tt.ok {
			t.Errorf("%s+%s vs %v: ok %v, want %v", tt.approx, tt.hedge, tt.gold, r.HedgeOK == 1, tt.ok)
		}
		for _, c := range tt.missed {
			if r.HedgeMissed[c] != 1 {
				t.Errorf("%s+%s vs %v: missed %v, want %s", tt.approx, tt.hedge, tt.gold, r.HedgeMissed, c)
			}
		}
		for _, c := range tt.extra {
			if r.HedgeExtra[c] != 1 {
				t.Errorf("%s+%s vs %v: extra %v, want %s", tt.approx, tt.hedge, tt.gold, r.HedgeExtra, c)
			}
		}
	}
}

// TestLedgerKeepStrata narrows a gold set to a stratum, its mentions and
// its pairs, and rejects a stratum no article has.
func TestLedgerKeepStrata(t *testing.T) {
	g := &LedgerGold{Split: LedgerDev,
		Articles: []LedgerArticle{{ID: "a", Stratum: "rest"}, {ID: "b", Stratum: "dev4"}, {ID: "c", Stratum: "dev4"}},
		Mentions: []LedgerMention{{Article: "a"}, {Article: "b"}, {Article: "c"}},
		Pairs: []LedgerPair{{A: LedgerRef{Article: "a"}, B: LedgerRef{Article: "b"}},
			{A: LedgerRef{Article: "b"}, B: LedgerRef{Article: "c"}}}}
	if err := g.keepStrata([]string{"dev5"}); err == nil {
		t.Error("stratum dev5 accepted")
	}
	if err := g.keepStrata([]string{"dev4"}); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range g.Articles {
		ids = append(ids, a.ID)
	}
	if !reflect.DeepEqual(ids, []string{"b", "c"}) || len(g.Mentions) != 2 || len(g.Pairs) != 1 {
		t.Errorf("kept %v, %d mentions, %d pairs; want [b c], 2, 1", ids, len(g.Mentions), len(g.Pairs))
	}
}

// TestLedgerTestHoldsOut checks that a report on the held-out split
// prints its scores but none of the examples of errors a dev report lists.
func TestLedgerTestHoldsOut(t *testing.T) {
	rep := &LedgerFiguresReport{Split: LedgerTest, Misses: []string{"art1 \"400\""}, Speakers: []string{"art2 \"12\": X, want Y"},
		Pairs: &LedgerPairsReport{Wrong: []string{"art3 pair"}}}
	rep.holdOut()
	var b strings.Builder
	if err := rep.Write(&b); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"art1", "art2", "art3"} {
		if strings.Contains(b.String(), s) {
			t.Errorf("held-out report lists %s:\n%s", s, b.String())
		}
	}
	if !strings.Contains(b.String(), "figure precision") {
		t.Errorf("held-out report lost its scores:\n%s", b.String())
	}
}
