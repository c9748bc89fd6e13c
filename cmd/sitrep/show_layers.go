package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/news"
	"sitrep/internal/readmodel"
)

// provenanceVerdict says in one line what the provenance step judged an
// article: its kind, what it derives from, its family and the confidence.
func provenanceVerdict(p *news.Provenance) string {
	var b strings.Builder
	b.WriteString(strings.ReplaceAll(p.Kind, "_", " "))
	if p.Of != "" {
		b.WriteString(" of " + p.Of)
	}
	if p.DeclaredSource != "" {
		b.WriteString(", declares " + strconv.Quote(p.DeclaredSource))
	}
	if p.Family != "" {
		b.WriteString(", family " + p.Family)
	}
	fmt.Fprintf(&b, ", confidence %.2f", p.Score)
	if ev := p.Evidence; ev != nil && (len(ev.Passages) > 0 || len(ev.Substitutions) > 0) {
		fmt.Fprintf(&b, " (%d reused passages, %d substitutions)", len(ev.Passages), len(ev.Substitutions))
	}
	return b.String()
}

// writeFigures prints the figure layer: value, what it counts, who says
// it and when.
func writeFigures(w io.Writer, a *news.Article) {
	if len(a.Figures) == 0 {
		return
	}
	fmt.Fprintf(w, "figures (%d):\n", len(a.Figures))
	for _, f := range a.Figures {
		val := readmodel.CountedPhrase(a.Text, f.Span, f.Text, f.Counts, f.CountsSpan)
		who := "says " + readmodel.SpeakerName(f.Speaker)
		if strings.TrimSpace(f.Speaker) == "" {
			who = "unattributed"
		}
		fmt.Fprintf(w, "  %-32s %s, %s\n", truncate(withHedge(val, f.Hedge), 32), who, readableTime(f.Time))
	}
}

// withHedge adds a figure's hedge to its text unless the text says it.
func withHedge(val, hedge string) string {
	if hedge != "" && !strings.Contains(strings.ToLower(val), hedge) {
		return val + " (" + hedge + ")"
	}
	return val
}

// writeClaims prints the claim layer: speaker, cue, the claim's text
// (shortened) and its hedges.
func writeClaims(w io.Writer, a *news.Article) {
	if len(a.Claims) == 0 {
		return
	}
	fmt.Fprintf(w, "claims (%d):\n", len(a.Claims))
	for _, c := range a.Claims {
		speaker := c.Speaker
		if speaker == "" {
			speaker = "the outlet"
		}
		quote := ""
		if c.Direct {
			quote = ", quoted"
		}
		hedges := ""
		if len(c.Hedges) > 0 {
			hedges = " [" + strings.Join(c.Hedges, ", ") + "]"
		}
		content := strings.Join(strings.Fields(c.Content.In(a.Text)), " ")
		fmt.Fprintf(w, "  %s (%s%s): %s%s\n", speaker, orDash(c.Cue), quote, truncate(content, 100), hedges)
	}
}

// writeEvents prints the event layer: type, who, to whom, where, when
// and the trigger.
func writeEvents(w io.Writer, a *news.Article) {
	if len(a.Events) == 0 {
		return
	}
	names := map[string]string{}
	for _, m := range a.Entities {
		if m.Entity != "" && m.Canonical != "" {
			names[m.Entity] = m.Canonical
		}
	}
	name := func(id string) string {
		if n := names[id]; n != "" {
			return n
		}
		// An entity the article names only ambiguously: its ID's slug.
		if _, slug, ok := strings.Cut(id, ":"); ok && slug != "" {
			words := strings.Split(slug, "-")
			for i, w := range words {
				if r, size := utf8.DecodeRuneInString(w); size > 0 {
					words[i] = string(unicode.ToUpper(r)) + w[size:]
				}
			}
			return strings.Join(words, " ")
		}
		return id
	}
	fmt.Fprintf(w, "events (%d):\n", len(a.Events))
	for _, e := range a.Events {
		parts := []string{strings.ReplaceAll(e.Type, "_", " ")}
		if len(e.Actors) > 0 {
			actors := make([]string, len(e.Actors))
			for i, x := range e.Actors {
				actors[i] = name(x)
			}
			parts = append(parts, "by "+strings.Join(actors, ", "))
		}
		if e.Target != "" {
			parts = append(parts, "to "+name(e.Target))
		}
		if e.What != "" {
			parts = append(parts, "of "+e.What)
		}
		if e.Place != "" {
			parts = append(parts, "in "+name(e.Place))
		}
		if e.Time != "" {
			prep := "on"
			if _, isDuration := readableDuration(e.Time); isDuration {
				prep = "for"
			}
			parts = append(parts, prep+" "+readableTime(e.Time))
		}
		fmt.Fprintf(w, "  %s (%q)\n", strings.Join(parts, " "), e.Trigger)
	}
}
