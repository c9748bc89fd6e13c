package web

import (
	"fmt"
	"html/template"
	"math"
	"net/url"
	"strings"

	"sitrep/internal/readmodel"
)

// MaxGraphNodes is how many co-occurring actors the entity graph shows.
const MaxGraphNodes = 10

// Graph renders, as server-side SVG, the entity and the actors it is
// named with in the same sentence (the top MaxGraphNodes by count): the
// entity in the middle, the others on a circle around it, each edge as
// thick as its count allows and each node a link to its entity page.
// It returns "" when no actor shares a sentence with the entity.
func Graph(d *readmodel.EntityDetail) template.HTML {
	rel := d.Related
	if len(rel) > MaxGraphNodes {
		rel = rel[:MaxGraphNodes]
	}
	if len(rel) == 0 {
		return ""
	}
	const w, h, cx, cy, r = 640.0, 420.0, 320.0, 210.0, 150.0
	top := rel[0].Count
	esc := template.HTMLEscapeString
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="graph" viewBox="0 0 %g %g" role="img" aria-labelledby="graph-title" preserveAspectRatio="xMidYMid meet">`, w, h)
	fmt.Fprintf(&b, `<title id="graph-title">%s and the %d actors most often named in the same sentence</title>`, esc(d.Entity.Canonical), len(rel))
	type pt struct{ x, y float64 }
	pts := make([]pt, len(rel))
	for i := range rel {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(len(rel))
		pts[i] = pt{cx + r*1.45*math.Cos(a), cy + r*math.Sin(a)}
	}
	b.WriteString(`<g class="edges">`)
	for i, x := range rel {
		sw := 1 + 5*float64(x.Count)/float64(top)
		fmt.Fprintf(&b, `<line class="edge" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke-width="%.1f"><title>%s: %d shared sentences</title></line>`,
			cx, cy, pts[i].x, pts[i].y, sw, esc(x.Canonical), x.Count)
	}
	b.WriteString(`</g><g class="nodes">`)
	fmt.Fprintf(&b, `<g class="node self"><circle class="node self" cx="%g" cy="%g" r="16"/><text x="%g" y="%g" text-anchor="middle">%s</text></g>`,
		cx, cy, cx, cy+32, esc(label(d.Entity.Canonical)))
	for i, x := range rel {
		nr := 7 + 7*float64(x.Count)/float64(top)
		anchor := "middle"
		dx, dy := 0.0, -nr-6
		if pts[i].y > cy+1 {
			dy = nr + 16
		}
		fmt.Fprintf(&b, `<a href="/entities/%s"><g class="node type-%s"><circle class="node" cx="%.1f" cy="%.1f" r="%.1f"><title>%s (%s): %d</title></circle><text x="%.1f" y="%.1f" text-anchor="%s">%s</text></g></a>`,
			esc(url.PathEscape(x.Entity)), esc(strings.ToLower(x.Type)), pts[i].x, pts[i].y, nr, esc(x.Canonical), esc(x.Type), x.Count,
			pts[i].x+dx, pts[i].y+dy, anchor, esc(label(x.Canonical)))
	}
	b.WriteString(`</g></svg>`)
	return template.HTML(b.String())
}

// label shortens a node's name to fit beside it.
func label(s string) string {
	if r := []rune(s); len(r) > 22 {
		return string(r[:21]) + "…"
	}
	return s
}
