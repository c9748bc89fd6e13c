package web

import (
	"fmt"
	"html/template"
	"sort"
	"strconv"
	"strings"

	"sitrep/internal/news"
)

// mark is one highlighted span of an article's text.
type mark struct {
	start, end int
	class      string // ent, fig, qty, time, claim, reused, sub
	label      string // what the reader is told on hover or click
	href       string // a link for entities
	prio       int    // higher wins when inline marks overlap
}

// inlineMarks returns the article's inline annotations: entities,
// figures, quantities and time expressions, overlaps resolved by priority.
func inlineMarks(a *news.Article) []mark {
	var ms []mark
	for _, m := range a.Entities {
		label := fmt.Sprintf("Entity %s (%s)", orText(m.Canonical, m.Text), m.Type)
		if m.Kind != "" && m.Kind != "name" {
			label += ", named by " + m.Kind
		}
		href := ""
		if m.Entity != "" {
			href = "/entities/" + m.Entity
			label += " · " + m.Entity
		}
		ms = append(ms, mark{m.Start, m.End, "ent ent-" + strings.ToLower(m.Type), label, href, 1})
	}
	for _, t := range a.Times {
		v := t.Value
		if !t.Resolved || v == "" {
			v = "unresolved"
		}
		label := fmt.Sprintf("Time %s (%s)", v, t.Granularity)
		if t.Mod != "" {
			label += ", " + t.Mod
		}
		ms = append(ms, mark{t.Start, t.End, "time", label, "", 2})
	}
	figAt := map[int]bool{}
	for _, f := range a.Figures {
		figAt[f.Quantity] = true
		label := "Figure " + describe(f.Value, f.Low, f.High, f.Approx, f.Unit)
		if f.Measure != "" {
			label += " · measure " + f.Measure
		}
		if f.Speaker != "" {
			label += " · stated by " + f.Speaker
		}
		if f.Hedge != "" {
			label += " · hedge: " + f.Hedge
		}
		if f.Time != "" {
			label += " · time " + f.Time
		}
		ms = append(ms, mark{f.Start, f.End, "fig", label, "", 4})
	}
	for i, q := range a.Quantities {
		if figAt[i] {
			continue
		}
		label := "Quantity: " + q.Kind + " " + describe(q.Value, q.Low, q.High, q.Approx, q.Unit)
		if q.Counts != "" {
			label += " · counts " + q.Counts
		}
		ms = append(ms, mark{q.Start, q.End, "qty", label, "", 3})
	}
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].prio != ms[j].prio {
			return ms[i].prio > ms[j].prio
		}
		return ms[i].start < ms[j].start
	})
	var kept []mark
	for _, m := range ms {
		if m.start < 0 || m.end > len(a.Text) || m.start >= m.end {
			continue
		}
		clash := false
		for _, k := range kept {
			if m.start < k.end && k.start < m.end {
				clash = true
				break
			}
		}
		if !clash {
			kept = append(kept, m)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].start < kept[j].start })
	return kept
}

func orText(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func num(p *float64) string { return strconv.FormatFloat(*p, 'f', -1, 64) }

func describe(v, lo, hi *float64, approx, unit string) string {
	var s string
	switch {
	case v != nil:
		s = num(v)
	case lo != nil && hi != nil:
		s = num(lo) + "–" + num(hi)
	case lo != nil:
		s = "≥ " + num(lo)
	case hi != nil:
		s = "≤ " + num(hi)
	default:
		s = "vague"
	}
	if approx != "" && approx != "exact" {
		s += " (" + approx + ")"
	}
	if unit != "" {
		s += " " + unit
	}
	return s
}

// claimMarks returns the article's claims as wrapping marks.
func claimMarks(a *news.Article) []mark {
	var ms []mark
	for _, c := range a.Claims {
		label := "Claim"
		if c.Speaker != "" {
			label += " by " + c.Speaker
		} else {
			label += " in the outlet's own voice"
		}
		if c.Cue != "" {
			label += " · cue “" + c.Cue + "”"
		}
		if c.Direct {
			label += " · direct quotation"
		}
		if len(c.Hedges) > 0 {
			label += " · hedged: " + strings.Join(c.Hedges, ", ")
		}
		ms = append(ms, mark{c.Start, c.End, "claim", label, "", 0})
	}
	return ms
}

// render writes text with inline marks (non-overlapping) and wrapping
// marks (which may overlap anything) as HTML. Segments are cut at every
// boundary, so no element crosses another.
func render(text string, inline, wrap []mark) template.HTML {
	cuts := map[int]bool{0: true, len(text): true}
	for _, m := range append(append([]mark(nil), inline...), wrap...) {
		if m.start >= 0 && m.end <= len(text) && m.start < m.end {
			cuts[m.start], cuts[m.end] = true, true
		}
	}
	pts := make([]int, 0, len(cuts))
	for p := range cuts {
		pts = append(pts, p)
	}
	sort.Ints(pts)
	var b strings.Builder
	for i := 0; i+1 < len(pts); i++ {
		s, e := pts[i], pts[i+1]
		seg := template.HTMLEscapeString(text[s:e])
		var in *mark
		for k := range inline {
			if inline[k].start <= s && e <= inline[k].end {
				in = &inline[k]
				break
			}
		}
		if in != nil {
			seg = openMark(*in, s == in.start) + seg + closeMark(*in)
		}
		for k := len(wrap) - 1; k >= 0; k-- {
			w := wrap[k]
			if w.start <= s && e <= w.end {
				seg = openMark(w, s == w.start) + seg + closeMark(w)
			}
		}
		b.WriteString(seg)
	}
	return template.HTML(b.String())
}

func openMark(m mark, first bool) string {
	attr := fmt.Sprintf(` class="%s" title="%s" data-d="%s"`, m.class, template.HTMLEscapeString(m.label), template.HTMLEscapeString(m.label))
	if first {
		attr += ` tabindex="0"`
	}
	if m.href != "" {
		return `<a href="` + template.HTMLEscapeString(m.href) + `"` + attr + `>`
	}
	if m.class == "claim" || strings.HasPrefix(m.class, "reused") {
		return `<span` + attr + `>`
	}
	return `<mark` + attr + `>`
}

func closeMark(m mark) string {
	if m.href != "" {
		return `</a>`
	}
	if m.class == "claim" || strings.HasPrefix(m.class, "reused") {
		return `</span>`
	}
	return `</mark>`
}

// AnnotatedText renders an article's text with every layer highlighted.
func AnnotatedText(a *news.Article) template.HTML {
	return render(a.Text, inlineMarks(a), claimMarks(a))
}

// alignedRow is one aligned piece of a reused passage: here, and in the
// source.
type alignedRow struct {
	N          string
	Here, Of   template.HTML
	Substitute int
}

// aligned returns the reused passages of a derived article side by side
// with the source's, sentence by sentence when both sides of a passage
// have as many sentences, substitutions marked on both sides.
func aligned(a, src *news.Article) []alignedRow {
	p := a.Provenance
	if p == nil || p.Evidence == nil || src == nil {
		return nil
	}
	var rows []alignedRow
	for i, ps := range p.Evidence.Passages {
		if ps.Start < 0 || ps.End > len(a.Text) || ps.OfSpan.Start < 0 || ps.OfSpan.End > len(src.Text) || ps.Start > ps.End || ps.OfSpan.Start > ps.OfSpan.End {
			continue
		}
		here := sentencesIn(a, ps.Span)
		of := sentencesIn(src, ps.OfSpan)
		if len(here) != len(of) || len(here) == 0 {
			here, of = []news.Span{ps.Span}, []news.Span{ps.OfSpan}
		}
		for k := range here {
			row := pairRow(a, p.Evidence.Substitutions, here[k], src, of[k])
			row.N = fmt.Sprintf("%d", i+1)
			if len(here) > 1 {
				row.N = fmt.Sprintf("%d.%d", i+1, k+1)
			}
			rows = append(rows, row)
		}
	}
	return rows
}

// sentencesIn returns the sentences of a that lie within sp, clipped to it.
func sentencesIn(a *news.Article, sp news.Span) []news.Span {
	var out []news.Span
	for _, s := range a.Sentences {
		if s.End <= sp.Start || s.Start >= sp.End {
			continue
		}
		out = append(out, news.Span{Start: max(s.Start, sp.Start), End: min(s.End, sp.End)})
	}
	return out
}

func pairRow(a *news.Article, subs []news.Substitution, here news.Span, src *news.Article, of news.Span) alignedRow {
	var hm, om []mark
	n := 0
	for _, s := range subs {
		if s.Start < here.Start || s.End > here.End {
			continue
		}
		n++
		hm = append(hm, mark{s.Start - here.Start, s.End - here.Start, "sub", "Substituted: “" + s.Text + "” for “" + s.Original + "”", "", 1})
		if s.OfSpan != nil && s.OfSpan.Start >= of.Start && s.OfSpan.End <= of.End {
			om = append(om, mark{s.OfSpan.Start - of.Start, s.OfSpan.End - of.Start, "orig", "Original wording: “" + s.Original + "” (became “" + s.Text + "”)", "", 1})
		}
	}
	return alignedRow{
		Here:       render(a.Text[here.Start:here.End], dedupe(hm), nil),
		Of:         render(src.Text[of.Start:of.End], dedupe(om), nil),
		Substitute: n,
	}
}

// dedupe drops marks that overlap an earlier one.
func dedupe(ms []mark) []mark {
	sort.Slice(ms, func(i, j int) bool { return ms[i].start < ms[j].start })
	var out []mark
	end := -1
	for _, m := range ms {
		if m.start >= end && m.start < m.end {
			out = append(out, m)
			end = m.end
		}
	}
	return out
}

// standaloneSubs marks a spun article's improbable collocations when
// there is no aligned source.
func standaloneSubs(a *news.Article) []mark {
	p := a.Provenance
	if p == nil || p.Evidence == nil {
		return nil
	}
	var ms []mark
	for _, s := range p.Evidence.Substitutions {
		ms = append(ms, mark{s.Start, s.End, "sub", "Likely substitution: “" + s.Text + "” for “" + s.Original + "”", "", 5})
	}
	for i, ps := range p.Evidence.Passages {
		ms = append(ms, mark{ps.Start, ps.End, "reused", fmt.Sprintf("Reused passage %d", i+1), "", 0})
	}
	return ms
}
