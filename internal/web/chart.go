package web

import (
	"fmt"
	"html/template"
	"math"
	"strings"
	"time"

	"sitrep/internal/readmodel"
)

// palette gives each speaker a colour; chosen for contrast on white and
// to stay apart for the common colour-vision deficiencies (Okabe–Ito).
var palette = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C564B"}

// Chart renders one measure of a ledger as an SVG: a point per value, a
// band per range or bound, one colour per speaker, contradictions ringed
// in red, with a legend and a text alternative.
func Chart(m readmodel.Measure) template.HTML {
	const W, left, right, top = 640, 70, 20, 20
	// The legend wraps into rows under the axis; the height grows with it.
	type entry struct {
		x, row float64
		name   string
	}
	var legend []entry
	lx, row := float64(left), 0.0
	for _, s := range m.Speakers {
		name := trim(s, 28)
		w := 24 + 6.5*float64(len([]rune(name)))
		if lx+w > W-right && lx > left {
			lx, row = left, row+1
		}
		legend = append(legend, entry{lx, row, name})
		lx += w
	}
	bottom := 44 + 18*(int(row)+1)
	H := 200 + bottom
	type pt struct {
		x       float64
		lo, hi  float64
		speaker int
		label   string
		open    bool
	}
	speakers := map[string]int{}
	for i, s := range m.Speakers {
		speakers[s] = i
	}
	var pts []pt
	var tmin, tmax time.Time
	vmin, vmax := math.Inf(1), math.Inf(-1)
	for _, f := range m.Figures {
		t, err := day(readmodel.FigureTime(f))
		if err != nil {
			continue
		}
		lo, hi := readmodel.Bounds(f.Figure)
		if math.IsNaN(lo) {
			continue
		}
		open := math.IsInf(lo, 0) || math.IsInf(hi, 0)
		if tmin.IsZero() || t.Before(tmin) {
			tmin = t
		}
		if t.After(tmax) {
			tmax = t
		}
		for _, v := range []float64{lo, hi} {
			if !math.IsInf(v, 0) {
				vmin, vmax = math.Min(vmin, v), math.Max(vmax, v)
			}
		}
		pts = append(pts, pt{x: float64(t.Unix()), lo: lo, hi: hi, speaker: speakers[f.Speaker], label: fmt.Sprintf("%s: %s (%s, %s)", f.Speaker, f.Text, readmodel.FigureTime(f), f.Outlet), open: open})
	}
	if len(pts) == 0 {
		return ""
	}
	if vmin > 0 {
		vmin = 0
	}
	if vmax <= vmin {
		vmax = vmin + 1
	}
	vmax *= 1.1
	span := tmax.Sub(tmin).Hours()
	if span < 24 {
		tmin, tmax = tmin.Add(-24*time.Hour), tmax.Add(24*time.Hour)
	}
	// Half a day of margin keeps jittered marks inside the axes.
	tmin, tmax = tmin.Add(-12*time.Hour), tmax.Add(12*time.Hour)
	x := func(u float64) float64 {
		return left + (u-float64(tmin.Unix()))/float64(tmax.Unix()-tmin.Unix())*(W-left-right)
	}
	y := func(v float64) float64 {
		if math.IsInf(v, 1) {
			v = vmax
		}
		if math.IsInf(v, -1) {
			v = vmin
		}
		return top + (1-(v-vmin)/(vmax-vmin))*float64(H-top-bottom)
	}
	var b strings.Builder
	title := "Figures for " + m.Measure + " over time"
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %d %d" role="img" aria-labelledby="c-%s-t" xmlns="http://www.w3.org/2000/svg"><title id="c-%s-t">%s</title>`, W, H, idSafe(m.Measure), idSafe(m.Measure), template.HTMLEscapeString(title))
	// Axes and ticks.
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" class="axis"/>`, left, H-bottom, W-right, H-bottom)
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" class="axis"/>`, left, top, left, H-bottom)
	for i := 0; i <= 4; i++ {
		v := vmin + (vmax-vmin)*float64(i)/4
		fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" class="grid"/><text x="%d" y="%.1f" class="tick" text-anchor="end">%s</text>`, left, W-right, y(v), y(v), left-6, y(v)+4, short(v))
	}
	first := tmin.Add(12 * time.Hour).Truncate(24 * time.Hour)
	days := int(tmax.Sub(first).Hours()/24) + 1
	step := max(1, days/6)
	for d := 0; d <= days; d += step {
		t := first.AddDate(0, 0, d)
		if t.After(tmax) {
			break
		}
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" class="tick" text-anchor="middle">%s</text>`, x(float64(t.Unix())), H-bottom+16, t.Format("Jan 2"))
	}
	// Contradictions first, so points draw over them.
	for _, c := range m.Contradictions {
		for _, i := range []int{c.A, c.B} {
			f := m.Figures[i]
			t, err := day(readmodel.FigureTime(f))
			if err != nil {
				continue
			}
			lo, hi := readmodel.Bounds(f.Figure)
			fmt.Fprintf(&b, `<circle class="contradiction" cx="%.1f" cy="%.1f" r="11"><title>contradiction on %s</title></circle>`, x(float64(t.Unix())), (y(lo)+y(hi))/2, c.Time)
		}
	}
	// Jitter points of one day apart by speaker so they do not hide each other.
	for _, p := range pts {
		cx := x(p.x) + float64(p.speaker-len(m.Speakers)/2)*4
		cx = math.Max(left+6, math.Min(W-right-6, cx))
		col := palette[p.speaker%len(palette)]
		if p.lo != p.hi {
			y1, y2 := y(p.hi), y(p.lo)
			cls := "band"
			if p.open {
				cls = "band open"
			}
			fmt.Fprintf(&b, `<rect class="%s" x="%.1f" y="%.1f" width="8" height="%.1f" fill="%s" stroke="%s"><title>%s</title></rect>`, cls, cx-4, y1, math.Max(y2-y1, 2), col, col, template.HTMLEscapeString(p.label))
		} else {
			fmt.Fprintf(&b, `<circle class="point" cx="%.1f" cy="%.1f" r="5" fill="%s"><title>%s</title></circle>`, cx, y(p.lo), col, template.HTMLEscapeString(p.label))
		}
	}
	// Legend.
	for i, e := range legend {
		col := palette[i%len(palette)]
		ly := float64(H-bottom) + 34 + 18*e.row
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="10" height="10" fill="%s"/><text x="%.1f" y="%.1f" class="legend">%s</text>`, e.x, ly-9, col, e.x+14, ly, template.HTMLEscapeString(e.name))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// day parses the day a figure refers to. Figures for a month, a year, a
// week or an interval are in the table only: one of them would stretch
// the time axis over months and crush the days the story happens on.
func day(s string) (time.Time, error) {
	return time.Parse("2006-01-02", s)
}

func trim(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func short(v float64) string {
	a := math.Abs(v)
	switch {
	case a >= 1e9:
		return fmt.Sprintf("%.3gbn", v/1e9)
	case a >= 1e6:
		return fmt.Sprintf("%.3gm", v/1e6)
	case a >= 1e4:
		return fmt.Sprintf("%.3gk", v/1e3)
	default:
		return fmt.Sprintf("%.4g", v)
	}
}

func idSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return '-'
	}, s)
}

// speakerColours maps each speaker of a measure to its chart colour.
func speakerColours(m readmodel.Measure) map[string]string {
	out := map[string]string{}
	for i, s := range m.Speakers {
		out[s] = palette[i%len(palette)]
	}
	return out
}

// inContradiction reports which figures of m are in a contradiction.
func inContradiction(m readmodel.Measure) map[int]bool {
	out := map[int]bool{}
	for _, c := range m.Contradictions {
		out[c.A], out[c.B] = true, true
	}
	return out
}
