package eval

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"unicode"

	"sitrep/internal/annotate/figure"
	"sitrep/internal/facts"
	"sitrep/internal/news"
	"sitrep/internal/pipeline"
)

// LedgerFiguresReport scores the figure layer (which numbers are figures,
// and their speakers) on one split of the ledger gold set. A predicted
// figure is matched to gold mentions by byte-span overlap; predicted
// figures that start past an article's annotated window are ignored.
type LedgerFiguresReport struct {
	Split    string `json:"split"`
	Articles int    `json:"articles"`
	// GoldFigures and GoldNotFigures count the gold mentions.
	GoldFigures    int `json:"gold_figures"`
	GoldNotFigures int `json:"gold_not_figures"`
	// Predicted counts predicted figures in the windows; OnFigure those
	// overlapping a gold figure, OnNotFigure those overlapping only gold
	// not-figures, Unlabelled those overlapping no gold mention.
	Predicted   int `json:"predicted"`
	OnFigure    int `json:"on_figure"`
	OnNotFigure int `json:"on_not_figure"`
	Unlabelled  int `json:"unlabelled"`
	// Found counts gold figures overlapped by a predicted figure;
	// Rejected gold not-figures overlapped by none.
	Found    int `json:"found"`
	Rejected int `json:"rejected"`
	// Taken counts gold not-figures taken as figures, by class.
	Taken map[string]int `json:"taken"`
	// SpeakerOK counts found figures whose predicted speaker matches the
	// gold one (SpeakerMatch); SpeakerExact those equal up to case.
	SpeakerOK    int `json:"speaker_ok"`
	SpeakerExact int `json:"speaker_exact"`
	// HedgeOK counts found figures whose hedge codes (approximator and
	// epistemic hedge, ledgerhedge.go) equal the gold ones; HedgeMissed
	// and HedgeExtra count the codes missed and added, by code.
	HedgeOK     int            `json:"hedge_ok"`
	HedgeMissed map[string]int `json:"hedge_missed,omitempty"`
	HedgeExtra  map[string]int `json:"hedge_extra,omitempty"`
	// AllErrors lists every error instead of the first few of each kind.
	AllErrors bool `json:"-"`
	// Pairs scores the gold figure pairs (same measure, relation,
	// contradictions).
	Pairs *LedgerPairsReport `json:"pairs,omitempty"`
	// PairFiles scores the pairs of each pair file on its own when the
	// split has more than one (a later round of pairs is a fresher
	// estimate than pairs tuned on).
	PairFiles map[string]*LedgerPairsReport `json:"pair_files,omitempty"`
	// FieldOK counts found figures whose measure field matches the gold
	// one, by field: what (the lemma class), owner, fate (the gold event
	// normalised by figure.NormalizeFate), scope, time (the predicted
	// value equal to the gold one or inside the gold interval's start).
	FieldOK map[string]int `json:"field_ok"`
	// Examples of errors for the reader.
	Misses   []string `json:"misses,omitempty"`
	False    []string `json:"false_figures,omitempty"`
	Speakers []string `json:"wrong_speakers,omitempty"`
	Fields   []string `json:"wrong_fields,omitempty"`
	Hedges   []string `json:"wrong_hedges,omitempty"`
}

// measureFields are the structured measure fields scored on found figures.
var measureFields = []string{"what", "owner", "fate", "scope", "time"}

// fieldMatch reports whether a predicted figure's measure field agrees
// with the gold mention's.
func fieldMatch(field string, f news.Figure, m LedgerMention) (got, want string, ok bool) {
	switch field {
	case "what":
		return f.What, m.Lemma, whatMatch(f.What, m.Lemma)
	case "owner":
		return f.Owner, m.Owner, ownerMatch(f.Owner, m.Owner)
	case "fate":
		want = GoldFate(m)
		return f.Fate, m.Event, f.Fate == want || sameVerb(f.Fate, want)
	case "scope":
		// The gold set's "total" is the count to date or of one event:
		// one attack's toll (news.ScopeEvent) is its total.
		got := f.Scope
		if got == news.ScopeEvent {
			got = news.ScopeTotal
		}
		return f.Scope, m.Scope, got == m.Scope
	case "time":
		// A predicted date within the gold month or year (the gold set
		// dates a figure by its publication month when the text does not).
		start, _, _ := strings.Cut(m.Time, "/")
		return f.Time, m.Time, f.Time == m.Time || start != "" && strings.HasPrefix(f.Time, start)
	}
	return "", "", false
}

// sameVerb says whether two one-word fates are forms of one verb
// ("receive" and "received", "live" and "lived"): a fate outside the
// stage's fate list is the verb as the text gives it, the gold event as
// the annotator wrote it.
func sameVerb(a, b string) bool {
	if a == "" || b == "" || strings.Contains(a, " ") || strings.Contains(b, " ") {
		return false
	}
	stem := func(w string) string {
		for _, suf := range []string{"ing", "ed", "es", "s", "e"} {
			if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
				return w[:len(w)-len(suf)]
			}
		}
		return w
	}
	return stem(strings.ToLower(a)) == stem(strings.ToLower(b))
}

// whatMatch compares a predicted counted thing with the gold lemma. A
// class (personnel, weapons/missiles …) must be equal; a noun outside
// the classes is its lemma, so number does not count ("votes" = "vote",
// "turbines" = "turbine"; gold README, measure fields).
func whatMatch(got, want string) bool {
	if got == want {
		return true
	}
	if got == "" || want == "" || strings.Contains(got, "/") || strings.Contains(want, "/") {
		return false
	}
	return singular(got) == singular(want)
}

// singular is a plural noun's singular by its ending ("votes" → "vote",
// "casualties" → "casualty"); other words are returned lower-cased.
func singular(s string) string {
	s = strings.ToLower(s)
	switch {
	case strings.HasSuffix(s, "ies") && len(s) > 4:
		return s[:len(s)-3] + "y"
	case strings.HasSuffix(s, "ss"):
		return s
	case strings.HasSuffix(s, "s") && len(s) > 3:
		return s[:len(s)-1]
	}
	return s
}

// holdingStates are gold events that state what an actor holds or is
// made of rather than something that happened to the counted thing
// ("Britain operates two carriers": "in service"; an association's
// members; an army's strength). The guideline scores them as no fate.
var holdingStates = map[string]bool{
	"in service": true, "member": true, "members": true, "strength": true, "wartime strength": true,
	"number": true, "numbers": true, "held": true, "owned": true, "operating": true, "operated": true,
	"aboard": true, "residents": true, "inhabitants": true, "population": true,
}

// GoldFate is the fate a gold mention's event is scored as: the event
// normalised by figure.NormalizeFate, after dropping a parenthetical
// qualifier ("earmarked (bill)", "displaced (intended)"); a holding
// state or an event that only repeats the counted thing ("seats",
// "price") is no fate; outside shares of people, whose event is the
// question answered, the first word of a phrase that names a fate gives it
// ("defence spending" → spent, "forced to leave their homes" stays
// "forced" since no word of it names a fate).
func GoldFate(m LedgerMention) string {
	e := strings.ToLower(strings.TrimSpace(m.Event))
	if i := strings.IndexByte(e, '('); i > 0 {
		e = strings.TrimSpace(e[:i])
	}
	if e == "" || holdingStates[e] || whatMatch(e, m.Lemma) {
		return ""
	}
	f := figure.NormalizeFate(e, m.Lemma)
	if m.Scope == "share" && m.Lemma == "people" || figure.IsFate(f) {
		return f
	}
	for _, w := range strings.Fields(e) {
		if g := figure.NormalizeFate(w, m.Lemma); figure.IsFate(g) {
			return g
		}
	}
	return f
}

// ownerMatch compares a predicted owner (an entity key: "kp") with the
// gold owner as written ("North Korea"): through the facts table, else
// by the key the name would have.
func ownerMatch(got, want string) bool {
	if got == "" || want == "" {
		return got == want
	}
	for _, r := range facts.Default().Lookup(want) {
		if _, k, ok := strings.Cut(r.ID, ":"); ok && k == got || r.ID == got {
			return true
		}
	}
	// A person's or a group's key joins its words with hyphens
	// ("jo-yong-won" for "Jo Yong-won").
	return facts.Key(want) == got || facts.Key(want) == facts.Key(strings.ReplaceAll(got, "-", " ")) || strings.EqualFold(want, got)
}

// Precision is the share of predicted figures that are gold figures.
func (r LedgerFiguresReport) Precision() float64 { return ratio(r.OnFigure, r.Predicted) }

// Recall is the share of gold figures found.
func (r LedgerFiguresReport) Recall() float64 { return ratio(r.Found, r.GoldFigures) }

// Rejection is the share of gold not-figures not taken as figures.
func (r LedgerFiguresReport) Rejection() float64 { return ratio(r.Rejected, r.GoldNotFigures) }

// SpeakerAccuracy is the share of found figures with the right speaker.
func (r LedgerFiguresReport) SpeakerAccuracy() float64 { return ratio(r.SpeakerOK, r.Found) }

// Write prints the report.
func (r LedgerFiguresReport) Write(w io.Writer) error {
	_, err := fmt.Fprintf(w, "ledger gold, %s: %d articles, %d gold figures, %d gold not-figures, %d predicted figures\n"+
		"  figure precision %.3f  recall %.3f  not-figure rejection %.3f\n"+
		"  speaker accuracy %.3f (exact %.3f) on %d found figures\n"+
		"  predicted on a gold figure %d, on a not-figure %d, on no gold mention %d\n",
		r.Split, r.Articles, r.GoldFigures, r.GoldNotFigures, r.Predicted,
		r.Precision(), r.Recall(), r.Rejection(),
		r.SpeakerAccuracy(), ratio(r.SpeakerExact, r.Found), r.Found,
		r.OnFigure, r.OnNotFigure, r.Unlabelled)
	var acc []string
	for _, fl := range measureFields {
		acc = append(acc, fmt.Sprintf("%s %.3f", fl, ratio(r.FieldOK[fl], r.Found)))
	}
	fmt.Fprintf(w, "  measure fields on found figures: %s\n", strings.Join(acc, "  "))
	var hb strings.Builder
	r.writeHedges(&hb)
	io.WriteString(w, hb.String())
	if len(r.Taken) > 0 {
		var parts []string
		for _, c := range slices.Sorted(maps.Keys(r.Taken)) {
			parts = append(parts, fmt.Sprintf("%s %d", c, r.Taken[c]))
		}
		fmt.Fprintf(w, "  not-figures taken as figures: %s\n", strings.Join(parts, ", "))
	}
	if r.Pairs != nil && r.Pairs.Pairs > 0 {
		r.Pairs.Write(w) // (the re3d and BASIL sets label no pairs)
	}
	for _, f := range slices.Sorted(maps.Keys(r.PairFiles)) {
		p := r.PairFiles[f]
		fmt.Fprintf(w, "  %s: %d pairs, same-measure precision %.3f  recall %.3f  F1 %.3f (tp %d, fp %d, fn %d), relation accuracy %.3f\n",
			f, p.Pairs, p.Precision(), p.Recall(), p.F1(), p.SameTP, p.SameFP, p.SameFN, p.RelationAccuracy())
	}
	for _, group := range []struct {
		name string
		list []string
	}{{"missed", r.Misses}, {"not a figure", r.False}, {"speaker", r.Speakers}, {"field", r.Fields}, {"hedge", r.Hedges}} {
		for _, s := range group.list {
			fmt.Fprintf(w, "  %s: %s\n", group.name, s)
		}
	}
	return err
}

// ScoreArticle adds one article's predicted figures to the report. text
// is the article text the spans index.
func (r *LedgerFiguresReport) ScoreArticle(a LedgerArticle, gold []LedgerMention, text string, got []news.Figure) {
	examples := 12
	if r.AllErrors {
		examples = 1 << 30
	}
	r.Articles++
	overlaps := func(f news.Figure, m LedgerMention) bool {
		return f.Start < m.Offset+len(m.Phrase) && m.Offset < f.End
	}
	found := make([]bool, len(gold))
	speakerDone := make([]bool, len(gold))
	taken := make([]bool, len(gold))
	for _, m := range gold {
		if m.Figure {
			r.GoldFigures++
		} else {
			r.GoldNotFigures++
		}
	}
	for _, f := range got {
		if f.Start >= a.AnnotatedBytes {
			continue
		}
		r.Predicted++
		onFigure, onNot := false, false
		for i, m := range gold {
			if !overlaps(f, m) {
				continue
			}
			if !m.Figure {
				onNot = true
				taken[i] = true
				continue
			}
			onFigure = true
			found[i] = true
			if speakerDone[i] {
				continue
			}
			speakerDone[i] = true
			if r.FieldOK == nil {
				r.FieldOK = map[string]int{}
			}
			for _, fl := range measureFields {
				got, want, ok := fieldMatch(fl, f, m)
				if ok {
					r.FieldOK[fl]++
				} else if len(r.Fields) < 3*examples {
					r.Fields = append(r.Fields, fmt.Sprintf("%s %q %s: got %q, want %q", short(a.ID), m.Phrase, fl, got, want))
				}
			}
			if strings.EqualFold(f.Speaker, m.Speaker) {
				r.SpeakerExact++
			}
			if ledgerSpeakerMatch(f.Speaker, m.Speaker) {
				r.SpeakerOK++
			} else if len(r.Speakers) < examples {
				r.Speakers = append(r.Speakers, fmt.Sprintf("%s %q: got %q, want %q", short(a.ID), m.Phrase, f.Speaker, m.Speaker))
			}
			r.scoreHedge(a.ID, f, m, examples)
		}
		switch {
		case onFigure:
			r.OnFigure++
		case onNot:
			r.OnNotFigure++
		default:
			r.Unlabelled++
		}
		if !onFigure && (len(r.False) < examples || !onNot) {
			note := ""
			if !onNot {
				note = " (no gold mention: a number the candidate pattern missed?)"
			}
			r.False = append(r.False, fmt.Sprintf("%s %q%s", short(a.ID), spanText(text, f.Span), note))
		}
	}
	for i, m := range gold {
		switch {
		case m.Figure && found[i]:
			r.Found++
		case m.Figure:
			if len(r.Misses) < examples {
				r.Misses = append(r.Misses, fmt.Sprintf("%s %q (%s)", short(a.ID), m.Phrase, m.Lemma))
			}
		case taken[i]:
			if r.Taken == nil {
				r.Taken = map[string]int{}
			}
			r.Taken[m.Class]++
		default:
			r.Rejected++
		}
	}
}

// ledgerSpeakerMatch is SpeakerMatch that also takes an acronym for the
// name it abbreviates ("KIIS" for "Kyiv International Institute of
// Sociology") and two names of one entity in the facts table ("Britain"
// for "United Kingdom"), since the gold set writes speakers as the text
// names them and the system gives canonical names.
func ledgerSpeakerMatch(got, want string) bool {
	// "the IMF's" as a source span is "IMF".
	if len(want) > 4 && strings.EqualFold(want[:4], "the ") {
		want = want[4:]
	}
	want = strings.TrimSuffix(strings.TrimSuffix(want, "'s"), "’s")
	if SpeakerMatch(got, want) {
		return true
	}
	for _, g := range facts.Default().Lookup(got) {
		for _, w := range facts.Default().Lookup(want) {
			if g.ID == w.ID {
				return true
			}
		}
	}
	acronym := func(s string) string {
		var b strings.Builder
		for _, w := range strings.Fields(s) {
			if r := []rune(w)[0]; unicode.IsUpper(r) {
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	isAcronym := func(s string) bool { return len(s) >= 3 && strings.ToUpper(s) == s && !strings.Contains(s, " ") }
	return isAcronym(want) && acronym(got) == want || isAcronym(got) && acronym(want) == got
}

func spanText(text string, s news.Span) string {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return ""
	}
	return text[s.Start:s.End]
}

// LedgerFigures runs steps (without extraction: the corpus text is clean)
// over the articles of one split of the ledger gold set in dir, read from
// corpusPath (ukraine-war-news JSON Lines), and scores their figures.
// Every article's outlet is set to "OUTLET", the gold name of the
// outlet's own voice. Options, when given, narrow the articles to some
// selection strata or list every error.
func LedgerFigures(ctx context.Context, dir, split, corpusPath string, steps []pipeline.Step, opts ...LedgerOptions) (*LedgerFiguresReport, error) {
	var opt LedgerOptions
	for _, o := range opts {
		opt.Strata = append(opt.Strata, o.Strata...)
		opt.AllErrors = opt.AllErrors || o.AllErrors
	}
	g, err := LoadLedgerGold(dir, split)
	if err != nil {
		return nil, err
	}
	if err := g.keepStrata(opt.Strata); err != nil {
		return nil, err
	}
	recs, texts, err := goldRecords(corpusPath, g.Articles)
	if err != nil {
		return nil, err
	}
	if err := g.CheckOffsets(texts); err != nil {
		return nil, fmt.Errorf("ledger gold against %s: %w", corpusPath, err)
	}
	byArticle := map[string][]LedgerMention{}
	for _, m := range g.Mentions {
		byArticle[m.Article] = append(byArticle[m.Article], m)
	}
	p := pipeline.New(1, steps...)
	rep := &LedgerFiguresReport{Split: split, AllErrors: opt.AllErrors}
	arts := map[string]*news.Article{}
	var list []*news.Article
	for _, a := range g.Articles {
		rec := recs[a.ID]
		art := ArticleOf(rec.ID, rec.Outlet, rec.Date, rec.Text)
		art.Outlet = "OUTLET"
		if err := p.Process(ctx, art); err != nil {
			return nil, fmt.Errorf("%s: %w", a.ID, err)
		}
		if art.Text != rec.Text {
			return nil, fmt.Errorf("%s: the steps changed the text, so spans no longer index it", a.ID)
		}
		rep.ScoreArticle(a, byArticle[a.ID], art.Text, art.Figures)
		arts[a.ID] = art
		list = append(list, art)
	}
	measures, err := GlobalMeasures(ctx, list)
	if err != nil {
		return nil, fmt.Errorf("global measures: %w", err)
	}
	rep.Pairs = ScoreLedgerPairs(g, arts, measures, opt.AllErrors)
	byFile := map[string][]LedgerPair{}
	for _, p := range g.Pairs {
		byFile[p.File] = append(byFile[p.File], p)
	}
	if len(byFile) > 1 {
		rep.PairFiles = map[string]*LedgerPairsReport{}
		for f, pairs := range byFile {
			sub := *g
			sub.Pairs = pairs
			rep.PairFiles[f] = ScoreLedgerPairs(&sub, arts, measures, opt.AllErrors)
		}
	}
	if split == LedgerTest {
		rep.holdOut()
	}
	return rep, nil
}

// holdOut drops the examples of errors from a report on the held-out
// split: its scores may be read once per change, its items never.
func (r *LedgerFiguresReport) holdOut() {
	r.Misses, r.False, r.Speakers, r.Fields, r.Hedges = nil, nil, nil, nil, nil
	if r.Pairs != nil {
		r.Pairs.Wrong = nil
	}
	for _, p := range r.PairFiles {
		p.Wrong = nil
	}
}
