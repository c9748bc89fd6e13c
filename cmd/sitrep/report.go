package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"sitrep/internal/ingest"
	"sitrep/internal/ledger"
	"sitrep/internal/news"
	"sitrep/internal/readmodel"
)

// report is the JSON document `analyze --json`, `demo --json` and
// `show --json` print; docs/JSON.md is its schema. Later layers add
// corpus-level sections beside Articles.
type report struct {
	Articles []*news.Article `json:"articles"`
	Skipped  []ingest.Skip   `json:"skipped,omitempty"`
	Summary  *ingest.Summary `json:"summary,omitempty"`
	// Provenance counts articles and independent families (cmd_families.go).
	Provenance *readmodel.Families `json:"provenance,omitempty"`
	// Ledger groups the articles' figures by measure (internal/ledger).
	Ledger *ledger.Ledger `json:"ledger,omitempty"`
}

func articlesOf(a ...*news.Article) []*news.Article { return a }

// writeJSON prints v as indented JSON.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// writeReport prints the terminal report: a table of the articles, then
// each article's metadata.
func writeReport(w io.Writer, rep report) {
	fmt.Fprintf(w, "%d articles\n\n", len(rep.Articles))
	for i, a := range rep.Articles {
		fmt.Fprintf(w, "%2d. %s  %s\n", i+1, a.ID, readmodel.ArticleTitle(a))
		fmt.Fprintf(w, "    %s · %s · %d words · %d sentences · %s\n", orDash(a.Outlet), date(a.Published), a.Words(), len(a.Sentences), a.Status())
		if a.Author != "" {
			fmt.Fprintf(w, "    by %s\n", a.Author)
		}
		if a.DeclaredSource != "" {
			fmt.Fprintf(w, "    declared source: %s\n", a.DeclaredSource)
		}
		fmt.Fprintf(w, "    %s\n", a.Source())
		if line := figuresLine(a); line != "" {
			fmt.Fprintf(w, "    %s\n", line)
		}
		if line := provenanceLine(a, rep.Articles); line != "" {
			fmt.Fprintf(w, "    %s\n", line)
		}
		for _, p := range a.Problems {
			fmt.Fprintf(w, "    problem in %s: %s\n", p.Stage, p.Message)
		}
	}
	if rep.Ledger != nil && len(rep.Ledger.Groups) > 0 {
		fmt.Fprintln(w)
		writeLedger(w, rep.Ledger.Groups, rep.Articles)
	}
	if rep.Provenance != nil {
		fmt.Fprintf(w, "\nsources: %d articles from %d independent families\n", rep.Provenance.Articles, rep.Provenance.Independent)
	}
	if len(rep.Skipped) > 0 {
		fmt.Fprintf(w, "\n%d skipped:\n", len(rep.Skipped))
		for _, s := range rep.Skipped {
			fmt.Fprintf(w, "  %s\n", s.Error)
		}
	}
}

// writeArticle prints one article in full for `sitrep show`.
func writeArticle(w io.Writer, a *news.Article) {
	field := func(name, value string) {
		if value != "" {
			fmt.Fprintf(w, "%-16s %s\n", name+":", value)
		}
	}
	field("id", a.ID)
	field("title", a.Title)
	field("outlet", a.Outlet)
	field("author", a.Author)
	if !a.Published.IsZero() {
		field("published", readableInstant(a.Published))
	}
	field("url", a.URL)
	field("path", a.Path)
	field("language", a.Language)
	field("declared source", a.DeclaredSource)
	field("status", a.Status())
	fmt.Fprintf(w, "%-16s %d words, %d sentences\n", "size:", a.Words(), len(a.Sentences))
	field("story", a.Story)
	if g := a.Genre; g != nil {
		v := fmt.Sprintf("%s, confidence %.2f", strings.ReplaceAll(g.Kind, "_", " "), g.Score)
		if len(g.Evidence) > 0 {
			v += " (" + strings.Join(g.Evidence, "; ") + ")"
		}
		field("genre", v)
	}
	if p := a.Provenance; p != nil {
		field("provenance", provenanceVerdict(p))
	}
	for _, p := range a.Problems {
		field("problem", p.Stage+": "+p.Message)
	}
	if len(a.Entities) > 0 {
		fmt.Fprintf(w, "%-16s", "entities:")
		for i, m := range a.Entities {
			if i > 0 {
				fmt.Fprint(w, ";")
			}
			fmt.Fprintf(w, " %s [%s", m.Text, m.Type)
			if m.Entity != "" && m.Canonical != m.Text {
				fmt.Fprintf(w, " → %s", m.Canonical)
			}
			fmt.Fprint(w, "]")
		}
		fmt.Fprintln(w)
	}
	if len(a.Quantities) > 0 {
		fmt.Fprintln(w, "quantities:")
		for _, q := range a.Quantities {
			fmt.Fprintf(w, "  %-24s %s\n", q.Text, describeQuantity(q))
		}
	}
	if len(a.Times) > 0 {
		fmt.Fprintln(w, "times:")
		for _, t := range a.Times {
			v := readableTime(t.Value)
			if !t.Resolved {
				v = "unresolved"
			}
			if t.Mod != "" {
				v += " (" + t.Mod + ")"
			}
			fmt.Fprintf(w, "  %-24s %s, %s\n", t.Text, v, t.Granularity)
		}
	}
	writeFigures(w, a)
	writeClaims(w, a)
	writeEvents(w, a)
	fmt.Fprintf(w, "\n%s\n", a.Text)
}

// describeQuantity says in one line what a quantity is: kind, value or
// bounds, approximation, unit and what it counts.
func describeQuantity(q news.Quantity) string {
	num := func(p *float64) string { return strconv.FormatFloat(*p, 'f', -1, 64) }
	var b strings.Builder
	b.WriteString(q.Kind)
	switch {
	case q.Value != nil:
		b.WriteString(" " + num(q.Value))
	case q.Low != nil && q.High != nil:
		b.WriteString(" " + num(q.Low) + "–" + num(q.High))
	case q.Low != nil:
		b.WriteString(" ≥" + num(q.Low))
	}
	if q.Approx != "exact" {
		b.WriteString(" " + q.Approx)
	}
	if q.Unit != "" {
		b.WriteString(" unit=" + q.Unit)
	}
	if q.Counts != "" {
		b.WriteString(" counts=\"" + q.Counts + "\"")
	}
	if q.Modifies != "" {
		b.WriteString(" modifies=\"" + q.Modifies + "\"")
	}
	return b.String()
}

// figuresLine lists an article's figures (quantities other than
// ordinals) for the terminal report, at most five.
func figuresLine(a *news.Article) string {
	var parts []string
	n := 0
	for _, q := range a.Quantities {
		if q.Kind == "ordinal" {
			continue
		}
		n++
		if len(parts) < 5 {
			parts = append(parts, readmodel.CountedPhrase(a.Text, q.Span, q.Text, q.Counts, q.CountsSpan))
		}
	}
	if n == 0 && len(a.Times) == 0 {
		return ""
	}
	line := fmt.Sprintf("figures: %d", n)
	if len(parts) > 0 {
		line += " (" + strings.Join(parts, "; ")
		if n > len(parts) {
			line += "; …"
		}
		line += ")"
	}
	return line + fmt.Sprintf(" · %d time expressions", len(a.Times))
}

// date prints the day of t for tables and lists ("9 May 2022").
func date(t time.Time) string {
	if t.IsZero() {
		return "undated"
	}
	return t.UTC().Format("2 Jan 2006")
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return s
}
