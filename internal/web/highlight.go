package web

import (
	"fmt"
	"html/template"
	"sort"
	"strconv"
	"strings"

	"sitrep/internal/news"
	"sitrep/internal/readmodel"
)

// mark is one highlighted span of an article's text.
type mark struct {
	start, end int
	class      string // ent, fig, qty, time, claim, reused, sub
	label      string // what the reader is told on hover or click
	href       string // a link for entities
	prio       int    // higher wins when inline marks overlap
	id         string // the element's id, an anchor ("fig-3" for figure 3)
}

// inlineMarks returns the article's inline annotations: entities,
// figures, quantities and time expressions, overlaps resolved by priority.
func inlineMarks(a *news.Article) []mark {
	var ms []mark
	for _, m := range a.Entities {
		typ := readmodel.EntityType(m.Entity, m.Type)
		label := fmt.Sprintf("Entity %s (%s)", orText(m.Canonical, m.Text), typ)
		if m.Kind != "" && m.Kind != "name" {
			label += ", named by " + m.Kind
		}
		href := ""
		if m.Entity != "" {
			href = "/entities/" + m.Entity
			label += " · " + m.Entity
		}
		ms = append(ms, mark{m.Start, m.End, "ent ent-" + strings.ToLower(typ), label, href, 1, ""})
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
		ms = append(ms, mark{t.Start, t.End, "time", label, "", 2, ""})
	}
	figAt := map[int]bool{}
	for fi, f := range a.Figures {
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
		ms = append(ms, mark{f.Start, f.End, "fig", label, "", 4, "fig-" + strconv.Itoa(fi)})
	}
	for i, q := range a.Quantities {
		if figAt[i] {
			continue
		}
		label := "Quantity: " + q.Kind + " " + describe(q.Value, q.Low, q.High, q.Approx, q.Unit)
		if q.Counts != "" {
			label += " · counts " + q.Counts
		}
		ms = append(ms, mark{q.Start, q.End, "qty", label, "", 3, ""})
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
		ms = append(ms, mark{c.Start, c.End, "claim", label, "", 0, ""})
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
		if m.id != "" {
			attr += ` id="` + m.id + `"`
		}
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

// reuseRow is one row of a derived article aligned with its source,
// rendered: Here and Of are the two cells (Of empty when Wide, a run of
// identical text shown once across both columns).
type reuseRow struct {
	Kind     string
	Words    int
	Here, Of template.HTML
	Wide     bool
}

var reuseLabels = map[string]string{
	"identical":  "identical",
	"near":       "reused with trivial edits",
	"edited":     "reused with words replaced",
	"paraphrase": "paraphrased",
	"new":        "not in the source",
	"dropped":    "left out of this report",
}

// reuseRows renders a Reuse: every reused sentence marked by how it was
// reused, every substitution marked on both sides.
func reuseRows(a, src *news.Article, r *readmodel.Reuse) []reuseRow {
	var out []reuseRow
	for _, row := range r.Rows {
		rr := reuseRow{Kind: row.Kind, Words: row.Words}
		cell := func(text string, sp *news.Span, subs []news.Span, class, label string) template.HTML {
			if sp == nil {
				return ""
			}
			var ms []mark
			for _, s := range subs {
				if s.Start >= sp.Start && s.End <= sp.End {
					ms = append(ms, mark{s.Start - sp.Start, s.End - sp.Start, class, label + ": “" + s.In(text) + "”", "", 1, ""})
				}
			}
			var wrap []mark
			if row.Kind != "new" && row.Kind != "dropped" {
				wrap = []mark{{0, sp.End - sp.Start, "reused reused-" + row.Kind, reuseLabels[row.Kind], "", 0, ""}}
			}
			return render(text[sp.Start:sp.End], dedupe(ms), wrap)
		}
		rr.Here = cell(a.Text, row.Here, row.HereSubs, "sub", "Substituted")
		rr.Of = cell(src.Text, row.Of, row.OfSubs, "orig", "Original wording")
		if row.Kind == "identical" {
			rr.Wide = true
		}
		out = append(out, rr)
	}
	return out
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
		ms = append(ms, mark{s.Start, s.End, "sub", "Likely substitution: “" + s.Text + "” for “" + s.Original + "”", "", 5, ""})
	}
	for i, ps := range p.Evidence.Passages {
		ms = append(ms, mark{ps.Start, ps.End, "reused", fmt.Sprintf("Reused passage %d", i+1), "", 0, ""})
	}
	return ms
}
