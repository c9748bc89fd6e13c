package eval

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"sitrep/internal/attribution"
	"sitrep/internal/news"
	"sitrep/internal/pipeline"
)

// SpeakersReport scores the speakers of the figures the pipeline finds
// in PolNeAR articles against PolNeAR's attributions: a figure inside an
// attribution's content (the innermost, when they nest) is spoken by
// that attribution's source; a figure outside every content is the
// outlet's own ("OUTLET"). PolNeAR marks every attribution, not only
// figures', so this is a large, automatic check of figure speakers in US
// political news beside the hand-labelled ledger gold sets.
type SpeakersReport struct {
	Dir      string `json:"dir"`
	Articles int    `json:"articles"`
	// Figures counts the pipeline's figures; by gold speaker kind:
	// Outlet (outside every content), Named (a source with a capitalised
	// word), Described (a lower-case description, "the agency") and
	// Pronoun (both score right when the figure has any speaker but the
	// outlet, as PolNeAR does not resolve them to the actor they refer
	// to) and Sourceless (content with no source; not scored).
	Figures, Outlet, Named, Described, Pronoun, Sourceless int
	// OK counts right speakers by the same kinds.
	OutletOK, NamedOK, DescribedOK, PronounOK int
	// Wrong lists the errors, up to a limit unless AllErrors.
	Wrong     []string `json:"wrong,omitempty"`
	AllErrors bool     `json:"-"`
}

// Accuracy is the share of scored figures with the right speaker.
func (r *SpeakersReport) Accuracy() float64 {
	return ratio(r.OutletOK+r.NamedOK+r.DescribedOK+r.PronounOK, r.Outlet+r.Named+r.Described+r.Pronoun)
}

// Write prints the report.
func (r *SpeakersReport) Write(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "figure speakers against PolNeAR attributions — %s: %d articles, %d figures\n", r.Dir, r.Articles, r.Figures)
	fmt.Fprintf(&b, "  speaker accuracy %.3f on %d scored figures\n", r.Accuracy(), r.Outlet+r.Named+r.Described+r.Pronoun)
	fmt.Fprintf(&b, "  outside every content (outlet):  %.3f (%d of %d)\n", ratio(r.OutletOK, r.Outlet), r.OutletOK, r.Outlet)
	fmt.Fprintf(&b, "  named source:                    %.3f (%d of %d)\n", ratio(r.NamedOK, r.Named), r.NamedOK, r.Named)
	fmt.Fprintf(&b, "  described source (any non-outlet): %.3f (%d of %d)\n", ratio(r.DescribedOK, r.Described), r.DescribedOK, r.Described)
	fmt.Fprintf(&b, "  pronoun source (any non-outlet): %.3f (%d of %d)\n", ratio(r.PronounOK, r.Pronoun), r.PronounOK, r.Pronoun)
	fmt.Fprintf(&b, "  content without a source (not scored): %d\n", r.Sourceless)
	if len(r.Wrong) > 0 {
		fmt.Fprintf(&b, "  wrong speakers:\n")
		for _, s := range r.Wrong {
			fmt.Fprintf(&b, "    %s\n", s)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// speakerPronouns are sources PolNeAR leaves unresolved.
var speakerPronouns = map[string]bool{
	"he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "you": true,
	"him": true, "her": true, "them": true, "us": true, "me": true, "his": true, "their": true,
	"its": true, "our": true, "my": true, "who": true, "which": true, "that": true,
}

// Speakers runs steps over the PolNeAR documents (each with outlet
// "OUTLET" and the date metadata gives, if any) and scores their
// figures' speakers.
func Speakers(ctx context.Context, dir string, docs []*attribution.Document, dates map[string]string, steps []pipeline.Step, allErrors bool) (*SpeakersReport, error) {
	p := pipeline.New(1, steps...)
	r := &SpeakersReport{Dir: dir, AllErrors: allErrors}
	outlet := "OUTLET"
	for _, d := range docs {
		art := ArticleOf(d.Name, &outlet, dates[d.Name], d.Text)
		if err := p.Process(ctx, art); err != nil {
			return nil, fmt.Errorf("%s: %w", d.Name, err)
		}
		if art.Text != d.Text {
			return nil, fmt.Errorf("%s: the steps changed the text, so spans no longer index it", d.Name)
		}
		r.Articles++
		r.scoreDoc(d, art.Figures)
	}
	return r, nil
}

// scoreDoc scores one document's figures.
func (r *SpeakersReport) scoreDoc(d *attribution.Document, figs []news.Figure) {
	examples := 40
	if r.AllErrors {
		examples = 1 << 30
	}
	for _, f := range figs {
		r.Figures++
		toks := d.TokensOf(f.Span)
		if len(toks) == 0 {
			continue
		}
		at := toks[0].Start
		best, bestLen := -1, 0
		for i, a := range d.Attributions {
			n, in := 0, false
			for _, c := range a.Content {
				n += c.End - c.Start
				in = in || c.Start <= at && at < c.End
			}
			if in && (best < 0 || n < bestLen) {
				best, bestLen = i, n
			}
		}
		want, cue, ok := "OUTLET", "", false
		if best >= 0 {
			if c := d.Attributions[best].Cue; len(c) > 0 {
				sp := d.Span(c)
				cue = d.Text[sp.Start:sp.End]
			}
		}
		switch {
		case best < 0:
			r.Outlet++
			ok = f.Speaker == "OUTLET"
			if ok {
				r.OutletOK++
			}
		case len(d.Attributions[best].Source) == 0:
			r.Sourceless++
			continue
		default:
			src := d.Attributions[best].Source
			sp := d.Span(src)
			want = d.Text[sp.Start:sp.End]
			anyone := f.Speaker != "OUTLET" && f.Speaker != "" // all a pronoun or description can be held to
			if len(src) == 1 && src[0].End-src[0].Start == 1 && speakerPronouns[strings.ToLower(want)] {
				r.Pronoun++
				if ok = anyone; ok {
					r.PronounOK++
				}
				break
			}
			if strings.ToLower(want) == want {
				r.Described++
				if ok = anyone; ok {
					r.DescribedOK++
				}
				break
			}
			r.Named++
			ok = ledgerSpeakerMatch(f.Speaker, want)
			if ok {
				r.NamedOK++
			}
		}
		if !ok && len(r.Wrong) < examples {
			r.Wrong = append(r.Wrong, fmt.Sprintf("%s %q in %q: got %q, want %q (cue %q)", d.Name, d.Text[f.Start:f.End], sentenceAround(d, at), f.Speaker, want, cue))
		}
	}
}

// sentenceAround returns the text of the sentence holding token i,
// clipped.
func sentenceAround(d *attribution.Document, i int) string {
	for _, s := range d.Sentences {
		if s.Start <= i && i < s.End {
			sp := d.Span([]attribution.Range{s})
			return clip(strings.Join(strings.Fields(d.Text[sp.Start:sp.End]), " "), 240)
		}
	}
	return ""
}

// PolNeARDates reads the publication date of each PolNeAR article from
// its metadata.tsv (columns filename and publication_date).
func PolNeARDates(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	name, date := -1, -1
	out := map[string]string{}
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if name < 0 {
			for i, c := range cols {
				switch c {
				case "filename":
					name = i
				case "publication_date":
					date = i
				}
			}
			if name < 0 || date < 0 {
				return nil, fmt.Errorf("%s: no filename and publication_date columns", path)
			}
			continue
		}
		if len(cols) > max(name, date) {
			out[cols[name]] = cols[date]
		}
	}
	return out, sc.Err()
}
