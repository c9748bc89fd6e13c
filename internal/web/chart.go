package web

import (
	"fmt"
	"html/template"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"sitrep/internal/readmodel"
)

// palette gives each of the most frequent speakers a colour; chosen for
// contrast on white and to stay apart for the common colour-vision
// deficiencies (Okabe–Ito). Every other speaker is grey (otherColour).
var palette = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"}

const otherColour = "#9a9a9a"

// speakerColours gives each speaker of m (an index in m.SpeakerList) its
// colour: the len(palette) speakers with the most values get one each,
// in the order they first speak; the rest share grey.
func speakerColours(m readmodel.Measure) []string {
	counts := make([]int, len(m.SpeakerList))
	for _, v := range m.Values {
		for _, s := range v.Speakers {
			counts[s]++
		}
	}
	idx := make([]int, len(counts))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return counts[idx[a]] > counts[idx[b]] })
	if len(idx) > len(palette) {
		idx = idx[:len(palette)]
	}
	slices.Sort(idx)
	out := make([]string, len(counts))
	for i := range out {
		out[i] = otherColour
	}
	for k, i := range idx {
		out[i] = palette[k]
	}
	return out
}

// valueColour is the colour of a value: its first speaker's.
func valueColour(cols []string, v readmodel.Value) string {
	if len(v.Speakers) == 0 || v.Speakers[0] >= len(cols) {
		return otherColour
	}
	return cols[v.Speakers[0]]
}

// Chartable reports whether a measure is drawn as a chart: it needs two
// values with a number. A one-point series is a compact table.
func Chartable(m readmodel.Measure) bool {
	n := 0
	for _, v := range m.Values {
		if !math.IsNaN(v.Low) {
			n++
		}
	}
	return n >= 2
}

// span is the stretch of time a value refers to.
type span struct{ from, to time.Time }

func (s span) mid() float64 { return float64(s.from.Unix()+s.to.Unix()) / 2 }

// periodOf reads the stretch of time an ISO 8601 / TimeML value names:
// a day, a week, a month, a quarter, a season, a half, a year, or an
// interval of them; ok is false for anything else (a duration, "PAST_REF").
func periodOf(v string) (span, bool) {
	if a, b, ok := strings.Cut(v, "/"); ok {
		x, ok1 := periodOf(a)
		y, ok2 := periodOf(b)
		return span{x.from, y.to}, ok1 && ok2 && !y.to.Before(x.from)
	}
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		return span{t, t.AddDate(0, 0, 1)}, true
	}
	if t, err := time.Parse("2006-01", v); err == nil {
		return span{t, t.AddDate(0, 1, 0)}, true
	}
	year, rest, _ := strings.Cut(v, "-")
	y, err := strconv.Atoi(year)
	if err != nil || len(year) != 4 {
		return span{}, false
	}
	jan := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	months := func(from, n int) (span, bool) {
		t := jan.AddDate(0, from, 0)
		return span{t, t.AddDate(0, n, 0)}, true
	}
	switch {
	case rest == "":
		return months(0, 12)
	case len(rest) == 3 && rest[0] == 'W':
		w, err := strconv.Atoi(rest[1:])
		if err != nil || w < 1 || w > 53 {
			return span{}, false
		}
		// ISO week 1 holds 4 January; weeks start on Monday.
		jan4 := time.Date(y, 1, 4, 0, 0, 0, 0, time.UTC)
		mon := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
		return span{mon, mon.AddDate(0, 0, 7)}, true
	case len(rest) == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4':
		return months(3*int(rest[1]-'1'), 3)
	case rest == "H1", rest == "H2":
		return months(6*int(rest[1]-'1'), 6)
	}
	switch rest {
	case "SP":
		return months(2, 3)
	case "SU":
		return months(5, 3)
	case "FA", "AU":
		return months(8, 3)
	case "WI":
		return months(11, 3)
	}
	return span{}, false
}

// niceTicks returns round ticks (1, 2 or 5 × 10^k) covering [lo, hi],
// about n of them; integral when whole is set (counts of people or
// things never read "1.65 people").
func niceTicks(lo, hi float64, n int, whole bool) []float64 {
	if hi <= lo {
		hi = lo + 1
	}
	raw := (hi - lo) / float64(max(n, 1))
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	if whole && step < 1 {
		step = 1
	}
	var out []float64
	for v := math.Floor(lo/step) * step; v <= hi+step*1e-9; v += step {
		out = append(out, math.Round(v/step)*step)
	}
	if out[len(out)-1] < hi {
		out = append(out, out[len(out)-1]+step)
	}
	return out
}

// wholeUnit reports whether a unit counts whole things (people,
// soldiers, tanks) rather than an amount (a share, money, a distance).
func wholeUnit(u string) bool {
	l := strings.ToLower(u)
	if l == "" || len(u) == 3 && strings.ToUpper(u) == u || strings.ContainsAny(u, "$€£¥₴₽") {
		return false
	}
	for _, amount := range []string{"percent", "%", "dollar", "euro", "pound", "rouble", "ruble", "hryvn", "yuan", "yen", "km", "kilomet", "mile",
		"metre", "meter", "kg", "tonne", "ton", "hour", "day", "week", "month", "year", "degree", "litre", "barrel", "hectare", "square"} {
		if strings.Contains(l, amount) {
			return false
		}
	}
	return true
}

// clip returns the range of xs that holds the bulk of them: all of them,
// unless a few lie far out (more than three times the spread of the
// middle 80%, at least all but the two extremes, beyond it), which are
// then out of range.
func clip(xs []float64) (lo, hi float64) {
	s := slices.Clone(xs)
	slices.Sort(s)
	lo, hi = s[0], s[len(s)-1]
	if len(s) < 5 {
		return lo, hi
	}
	k := max(1, len(s)/10)
	a, b := s[k], s[len(s)-1-k]
	spread := b - a
	if spread <= 0 {
		spread = math.Max(math.Abs(b)*0.5, 1)
	}
	if lo < a-3*spread {
		lo = a - 0.5*spread
	}
	if hi > b+3*spread {
		hi = b + 0.5*spread
	}
	return lo, hi
}

// Chart renders the values of one measure as an SVG: a point per value
// at the time it refers to (a period as a line across it, at its middle),
// a bar per range or bound, one colour per speaker (merged by entity),
// contradictions ringed in red, each mark a link to the sentence that
// states it, round ticks, and values outside the axes marked at the edge
// they lie beyond, never dropped. A value with no number ("dozens") is
// in the table only; the caption says how many.
func Chart(m readmodel.Measure) template.HTML {
	const W, left, right, top = 640, 64, 24, 20
	cols := speakerColours(m)
	type entry struct {
		x, row float64
		name   string
		colour string
	}
	// The legend: the coloured speakers, then "other speakers" in grey.
	var legend []entry
	lx, row := float64(left), 0.0
	addLegend := func(name, colour string) {
		name = trim(name, 28)
		w := 24 + 6.5*float64(len([]rune(name)))
		if lx+w > W-right && lx > left {
			lx, row = left, row+1
		}
		legend = append(legend, entry{lx, row, name, colour})
		lx += w
	}
	others := false
	for i, s := range m.SpeakerList {
		if cols[i] == otherColour {
			others = true
			continue
		}
		addLegend(s.Name, cols[i])
	}
	if others {
		addLegend("other speakers", otherColour)
	}
	type pt struct {
		v       readmodel.Value
		when    span
		undated bool
	}
	var pts []pt
	var xs, ys []float64
	for _, v := range m.Values {
		if math.IsNaN(v.Low) {
			continue
		}
		sp, ok := periodOf(v.Time)
		undated := false
		if !ok {
			if sp, ok = periodOf(v.Published); !ok {
				continue
			}
			undated = true
		}
		pts = append(pts, pt{v, sp, undated})
		xs = append(xs, sp.mid())
		for _, y := range []float64{v.Low, v.High} {
			if !math.IsInf(y, 0) {
				ys = append(ys, y)
			}
		}
	}
	if len(pts) == 0 || len(ys) == 0 {
		return ""
	}
	bottom := 44 + 18*(int(row)+1)
	H := 210 + bottom
	tlo, thi := clip(xs)
	vlo, vhi := clip(ys)
	if vlo > 0 {
		vlo = 0
	}
	ticks := niceTicks(vlo, vhi, 4, wholeUnit(m.Unit))
	vmin, vmax := ticks[0], ticks[len(ticks)-1]
	// At least two days wide, with a margin of a twentieth on each side.
	if thi-tlo < 2*86400 {
		tlo, thi = tlo-86400, thi+86400
	}
	pad := (thi - tlo) / 20
	tmin, tmax := tlo-pad, thi+pad
	x := func(u float64) float64 { return left + (u-tmin)/(tmax-tmin)*(W-left-right) }
	y := func(v float64) float64 {
		v = math.Max(vmin, math.Min(vmax, v))
		return top + (1-(v-vmin)/(vmax-vmin))*float64(H-top-bottom)
	}
	var b strings.Builder
	id := idSafe(m.ID + m.Measure)
	title := "Values of " + m.Label + " over time"
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %d %d" role="img" aria-labelledby="c-%s-t" xmlns="http://www.w3.org/2000/svg"><title id="c-%s-t">%s</title>`, W, H, id, id, template.HTMLEscapeString(title))
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" class="axis"/>`, left, H-bottom, W-right, H-bottom)
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" class="axis"/>`, left, top, left, H-bottom)
	for _, v := range ticks {
		fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" class="grid"/><text x="%d" y="%.1f" class="tick" text-anchor="end">%s</text>`, left, W-right, y(v), y(v), left-6, y(v)+4, short(v))
	}
	for _, t := range timeTicks(tmin, tmax) {
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" class="tick" text-anchor="middle">%s</text>`, x(float64(t.at.Unix())), H-bottom+16, t.label)
	}
	outside := 0
	for _, p := range pts {
		v := p.v
		col := valueColour(cols, v)
		label := fmt.Sprintf("%s: %s, %s (%s)", strings.Join(speakerNames(m, v), ", "), v.Text, v.When, reportsLine(v))
		cx := x(p.when.mid())
		cy1, cy2 := y(v.High), y(v.Low)
		fmt.Fprintf(&b, `<a href="%s" class="mark">`, template.HTMLEscapeString(figureHref(v.Article, v.Figure)))
		fmt.Fprintf(&b, `<title>%s</title>`, template.HTMLEscapeString(label))
		out := ""
		switch {
		case p.when.mid() < tlo:
			out, cx = "◀", left+8
		case p.when.mid() > thi:
			out, cx = "▶", W-right-8
		case v.Low > vmax:
			out, cy1, cy2 = "▲", top+6, top+6
		case v.High < vmin:
			out, cy1, cy2 = "▼", float64(H-bottom-6), float64(H-bottom-6)
		}
		if out != "" {
			outside++
			fmt.Fprintf(&b, `<text class="outside" x="%.1f" y="%.1f" text-anchor="middle" fill="%s">%s</text></a>`, cx, (cy1+cy2)/2+5, col, out)
			continue
		}
		if p.when.to.Sub(p.when.from) > 36*time.Hour {
			x1, x2 := math.Max(left, x(float64(p.when.from.Unix()))), math.Min(W-right, x(float64(p.when.to.Unix())))
			fmt.Fprintf(&b, `<line class="period" x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="%s"/>`, x1, x2, (cy1+cy2)/2, (cy1+cy2)/2, col)
		}
		if v.Contradicted {
			fmt.Fprintf(&b, `<circle class="contradiction" cx="%.1f" cy="%.1f" r="11"/>`, cx, (cy1+cy2)/2)
		}
		cls := "point"
		if p.undated {
			cls = "point undated"
		}
		if v.Low != v.High {
			bcls := "band"
			if math.IsInf(v.Low, 0) || math.IsInf(v.High, 0) {
				bcls = "band open"
			}
			fmt.Fprintf(&b, `<rect class="%s" x="%.1f" y="%.1f" width="8" height="%.1f" fill="%s" stroke="%s"/>`, bcls, cx-4, cy1, math.Max(cy2-cy1, 2), col, col)
		} else {
			fmt.Fprintf(&b, `<circle class="%s" cx="%.1f" cy="%.1f" r="5" fill="%s" stroke="%s"/>`, cls, cx, cy1, col, col)
		}
		b.WriteString(`</a>`)
	}
	for _, e := range legend {
		ly := float64(H-bottom) + 34 + 18*e.row
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="10" height="10" fill="%s"/><text x="%.1f" y="%.1f" class="legend">%s</text>`, e.x, ly-9, e.colour, e.x+14, ly, template.HTMLEscapeString(e.name))
	}
	b.WriteString(`</svg>`)
	var notes []string
	if outside > 0 {
		notes = append(notes, fmt.Sprintf("%d value%s far outside the others, marked ◀ ▶ ▲ ▼ at the edge", outside, plural(outside)))
	}
	if n := len(m.Values) - len(pts); n > 0 {
		notes = append(notes, fmt.Sprintf("%d value%s without a number or a time, in the table only", n, plural(n)))
	}
	if len(notes) > 0 {
		b.WriteString(`<p class="meta chart-note">` + template.HTMLEscapeString(strings.Join(notes, "; ")) + `.</p>`)
	}
	return template.HTML(b.String())
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

type timeTick struct {
	at    time.Time
	label string
}

// timeTicks returns at most about six round ticks between two Unix
// times: days, months (every 1, 2, 3 or 6) or years (every 1, 2, 5, 10
// … × 10^k), each on a multiple of its step.
func timeTicks(lo, hi float64) []timeTick {
	from, to := time.Unix(int64(lo), 0).UTC(), time.Unix(int64(hi), 0).UTC()
	days := to.Sub(from).Hours() / 24
	var out []timeTick
	switch {
	case days <= 60:
		step := max(1, int(math.Ceil(days/6)))
		for t := from.Truncate(24*time.Hour).AddDate(0, 0, 1); !t.After(to); t = t.AddDate(0, 0, step) {
			out = append(out, timeTick{t, t.Format("2 Jan")})
		}
	case days <= 4*365:
		months := days / 30.4
		step := 12
		for _, s := range []int{1, 2, 3, 6} {
			if months/float64(s) <= 6 {
				step = s
				break
			}
		}
		t := time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC)
		for t.Before(from) || (int(t.Month())-1)%step != 0 {
			t = t.AddDate(0, 1, 0)
		}
		for ; !t.After(to); t = t.AddDate(0, step, 0) {
			label := t.Format("Jan 2006")
			if step == 12 || t.Month() == time.January && step >= 6 {
				label = t.Format("2006")
			}
			out = append(out, timeTick{t, label})
		}
	default:
		years := days / 365.25
		step := int(niceTicks(0, years, 5, true)[1])
		for yr := (from.Year()/step + 1) * step; yr <= to.Year(); yr += step {
			out = append(out, timeTick{time.Date(yr, 1, 1, 0, 0, 0, 0, time.UTC), strconv.Itoa(yr)})
		}
	}
	return out
}

// figureHref links a figure to its sentence: its article, anchored at it.
func figureHref(article string, figure int) string {
	return "/articles/" + article + "#fig-" + strconv.Itoa(figure)
}

// speakerNames are the names of a value's speakers.
func speakerNames(m readmodel.Measure, v readmodel.Value) []string {
	var out []string
	for _, s := range v.Speakers {
		if s < len(m.SpeakerList) {
			out = append(out, m.SpeakerList[s].Name)
		}
	}
	return out
}

// reportsLine is "n reports · k independent origins".
func reportsLine(v readmodel.Value) string {
	r := fmt.Sprintf("%d report%s", v.Reports, plural(v.Reports))
	return r + fmt.Sprintf(" · %d independent origin%s", v.Origins, plural(v.Origins))
}

func trim(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// short writes a tick value: round numbers in k, m and bn.
func short(v float64) string {
	a := math.Abs(v)
	f := func(x float64, suffix string) string { return strconv.FormatFloat(x, 'f', -1, 64) + suffix }
	switch {
	case a >= 1e9:
		return f(v/1e9, "bn")
	case a >= 1e6:
		return f(v/1e6, "m")
	case a >= 1e4:
		return f(v/1e3, "k")
	default:
		return f(math.Round(v*1e6)/1e6, "")
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
