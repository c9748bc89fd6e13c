package attribution

import (
	"fmt"
	"io"
)

// PRF counts matches for precision, recall and F1.
type PRF struct{ TP, Pred, Gold int }

// P is the precision.
func (c PRF) P() float64 { return ratio(c.TP, c.Pred) }

// R is the recall.
func (c PRF) R() float64 { return ratio(c.TP, c.Gold) }

// F1 is the harmonic mean of P and R.
func (c PRF) F1() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Report holds the attribution metrics over a set of documents.
type Report struct {
	// CueExact counts cues whose tokens equal a gold cue's; CueOverlap
	// pairs predicted and gold cues one to one when they share a token.
	CueExact, CueOverlap PRF
	// Matched counts gold attributions whose cue was found (overlap);
	// SourceExact those of them whose predicted source has exactly the
	// gold tokens (no source on both sides counts as exact), and
	// SourceOverlap those whose sources share a token or are both absent.
	Matched, SourceExact, SourceOverlap int
	// ContentTokens counts content tokens: TP those shared by the
	// contents of matched attributions, Pred and Gold all content tokens
	// on each side.
	ContentTokens PRF
	// ContentExact counts contents with exactly the gold tokens (TP over
	// matched attributions; Pred and Gold are all attributions).
	ContentExact PRF
}

// SourceAccuracy is the share of found gold attributions whose source is
// exactly right.
func (r *Report) SourceAccuracy() float64 { return ratio(r.SourceExact, r.Matched) }

// Summary is the mean of cue overlap F1, source accuracy and content
// token F1: what training selects epochs by.
func (r *Report) Summary() float64 {
	return (r.CueOverlap.F1() + r.SourceAccuracy() + r.ContentTokens.F1()) / 3
}

// Scores are the metrics for all cues and for reporting verbs alone.
type Scores struct {
	All, Reporting Report
}

// Add scores one document's predicted attributions against gold ones.
func (s *Scores) Add(d *Document, gold, pred []Attribution) {
	s.All.add(gold, pred)
	s.Reporting.add(reportingOnly(d, gold), reportingOnly(d, pred))
}

// Write prints the scores as a table.
func (s *Scores) Write(w io.Writer, title string) {
	fmt.Fprintf(w, "%s\n", title)
	fmt.Fprintf(w, "  %-22s %-20s   %-20s   %-15s   %-20s   %s\n", "", "cue, token overlap", "cue, exact", "source | cue", "content tokens", "content")
	fmt.Fprintf(w, "  %-22s %6s %6s %6s   %6s %6s %6s   %7s %7s   %6s %6s %6s   %6s\n",
		"gold attributions", "P", "R", "F1", "P", "R", "F1", "exact", "overlap", "P", "R", "F1", "exact F1")
	for _, row := range []struct {
		name string
		r    *Report
	}{{"all", &s.All}, {"reporting verbs", &s.Reporting}} {
		r := row.r
		fmt.Fprintf(w, "  %-22s %6.3f %6.3f %6.3f   %6.3f %6.3f %6.3f   %7.3f %7.3f   %6.3f %6.3f %6.3f   %6.3f\n",
			fmt.Sprintf("%s (%d)", row.name, r.CueOverlap.Gold),
			r.CueOverlap.P(), r.CueOverlap.R(), r.CueOverlap.F1(),
			r.CueExact.P(), r.CueExact.R(), r.CueExact.F1(),
			r.SourceAccuracy(), ratio(r.SourceOverlap, r.Matched),
			r.ContentTokens.P(), r.ContentTokens.R(), r.ContentTokens.F1(),
			r.ContentExact.F1())
	}
}

// Evaluate tags the documents and scores the result against their gold
// attributions.
func Evaluate(m *Model, docs []*Document) Scores {
	var s Scores
	for _, d := range docs {
		s.Add(d, d.Attributions, m.Tag(d))
	}
	return s
}

// tokenSet lists the tokens of ranges as a set.
func tokenSet(rs []Range) map[int]bool {
	out := map[int]bool{}
	for _, r := range rs {
		for k := r.Start; k < r.End; k++ {
			out[k] = true
		}
	}
	return out
}

func sameTokens(a, b []Range) bool {
	sa, sb := tokenSet(a), tokenSet(b)
	if len(sa) != len(sb) {
		return false
	}
	for k := range sa {
		if !sb[k] {
			return false
		}
	}
	return true
}

func shared(a, b []Range) int {
	sb := tokenSet(b)
	n := 0
	for k := range tokenSet(a) {
		if sb[k] {
			n++
		}
	}
	return n
}

func size(rs []Range) int { return len(tokenSet(rs)) }

func (r *Report) add(gold, pred []Attribution) {
	r.CueExact.Gold += len(gold)
	r.CueExact.Pred += len(pred)
	r.CueOverlap.Gold += len(gold)
	r.CueOverlap.Pred += len(pred)
	r.ContentExact.Gold += len(gold)
	r.ContentExact.Pred += len(pred)
	for _, p := range pred {
		r.ContentTokens.Pred += size(p.Content)
	}
	for _, g := range gold {
		r.ContentTokens.Gold += size(g.Content)
	}
	// Exact cue matches, one to one.
	used := make([]bool, len(pred))
	for _, g := range gold {
		for j, p := range pred {
			if !used[j] && sameTokens(g.Cue, p.Cue) {
				used[j] = true
				r.CueExact.TP++
				break
			}
		}
	}
	// Overlap matches, one to one, exact ones first.
	match := make([]int, len(gold))
	used = make([]bool, len(pred))
	for i, g := range gold {
		match[i] = -1
		for j, p := range pred {
			if !used[j] && sameTokens(g.Cue, p.Cue) {
				match[i], used[j] = j, true
				break
			}
		}
	}
	for i, g := range gold {
		if match[i] >= 0 {
			continue
		}
		for j, p := range pred {
			if !used[j] && shared(g.Cue, p.Cue) > 0 {
				match[i], used[j] = j, true
				break
			}
		}
	}
	for i, g := range gold {
		if match[i] < 0 {
			continue
		}
		p := pred[match[i]]
		r.CueOverlap.TP++
		r.Matched++
		if sameTokens(g.Source, p.Source) {
			r.SourceExact++
		}
		if len(g.Source) == 0 && len(p.Source) == 0 || shared(g.Source, p.Source) > 0 {
			r.SourceOverlap++
		}
		r.ContentTokens.TP += shared(g.Content, p.Content)
		if sameTokens(g.Content, p.Content) {
			r.ContentExact.TP++
		}
	}
}

// reportingVerbs are the stems of the speech verbs the "reporting verbs"
// rows score: a cue counts when one of its tokens has such a stem.
var reportingVerbs = func() map[string]bool {
	out := map[string]bool{}
	for _, w := range []string{"say", "tell", "report", "add", "write", "state", "claim", "announce", "note",
		"explain", "ask", "reply", "respond", "tweet", "declare", "insist", "argue", "warn", "confirm", "deny",
		"acknowledge", "admit", "suggest", "accuse", "recall", "predict", "estimate", "allege", "testify",
		"comment", "stress", "reiterate", "continue", "conclude", "promise", "urge", "describe", "call"} {
		out[stem(w)] = true
	}
	return out
}()

// IsReporting says whether the cue contains a reporting verb.
func (d *Document) IsReporting(cue []Range) bool {
	for _, r := range cue {
		for k := r.Start; k < r.End && k < len(d.Tokens); k++ {
			t := d.Tokens[k]
			if reportingVerbs[stem(lowerWord(d.Text[t.Start:t.End]))] {
				return true
			}
		}
	}
	return false
}

func lowerWord(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func reportingOnly(d *Document, as []Attribution) []Attribution {
	var out []Attribution
	for _, a := range as {
		if d.IsReporting(a.Cue) {
			out = append(out, a)
		}
	}
	return out
}
