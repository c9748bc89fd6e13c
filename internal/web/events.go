package web

import (
	"fmt"
	"html/template"
	"math"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"sitrep/internal/facts"
	"sitrep/internal/readmodel"
)

// eventTypes are the event layer's types, in the order the filter and
// the timeline's legend list them, each with its colour (Okabe–Ito and
// two greys).
var eventTypes = []struct{ Type, Colour string }{
	{"strike", "#D55E00"}, {"capture", "#CC79A7"}, {"casualties", "#000000"}, {"deployment", "#0072B2"},
	{"arms_transfer", "#56B4E9"}, {"aid_pledge", "#009E73"}, {"aid_delivery", "#E69F00"},
	{"agreement", "#F0E442"}, {"meeting", "#8c8c8c"}, {"threat", "#5a5a5a"},
}

func typeColour(t string) string {
	for _, e := range eventTypes {
		if e.Type == t {
			return e.Colour
		}
	}
	return otherColour
}

// MaxEventsDrawn bounds the events the timeline and the map count: the
// newest that pass the filter.
const MaxEventsDrawn = 500

type eventsData struct {
	Filter   eventFilter
	Types    []string
	Rows     []readmodel.EventRow
	Pager    pager
	Timeline template.HTML
	Map      template.HTML
	// Drawn counts the events the timeline and the map show; More is set
	// when more pass the filter.
	Drawn int
	More  bool
}

type eventFilter struct {
	Type, Actor, Place, From, To string
}

func (s *Server) events(r *http.Request) (string, any, error) {
	q := r.URL.Query()
	ef := eventFilter{Type: q.Get("type"), Actor: q.Get("actor"), Place: q.Get("place"), From: q.Get("from"), To: q.Get("to")}
	d := eventsData{Filter: ef}
	for _, t := range eventTypes {
		d.Types = append(d.Types, t.Type)
	}
	if ef.Type != "" && !slices.Contains(d.Types, ef.Type) {
		return "", nil, fmt.Errorf("type %q is not an event type: %w", ef.Type, errBadQuery)
	}
	for _, v := range []string{ef.From, ef.To} {
		if _, err := time.Parse(time.DateOnly, v); v != "" && err != nil {
			return "", nil, fmt.Errorf("date %q: want YYYY-MM-DD: %w", v, errBadQuery)
		}
	}
	f := readmodel.EventFilter{Type: ef.Type, Actor: ef.Actor, Place: ef.Place, From: ef.From, To: ef.To}
	all, err := s.cat.EventRows(r.Context(), q.Get("story"), f, "", MaxEventsDrawn)
	if err != nil {
		return "", nil, err
	}
	page := all.Head(pageSize)
	if c := q.Get("cursor"); c != "" {
		if page, err = s.cat.EventRows(r.Context(), q.Get("story"), f, c, pageSize); err != nil {
			return "", nil, err
		}
	}
	d.Rows, d.Pager = page.Events, pagerOf(r, len(page.Events), -1, page.NextCursor)
	d.Drawn, d.More = len(all.Events), all.NextCursor != ""
	d.Timeline = Timeline(all.Events)
	d.Map = EventMap(all.Events, r.URL.Query())
	return "Events", d, nil
}

// Timeline renders, as server-side SVG, the counts of events by type
// over time: a stacked bar per week or month (as the span asks), a
// legend of the types drawn, events whose date lies far from the others
// counted in a note instead of stretching the axis.
func Timeline(rows []readmodel.EventRow) template.HTML {
	const W, H, left, right, top, bottom = 640, 240, 40, 16, 14, 62
	type dated struct {
		t    time.Time
		typ  string
		unix float64
	}
	var ds []dated
	var xs []float64
	for _, r := range rows {
		sp, ok := periodOf(r.Date)
		if !ok {
			continue
		}
		ds = append(ds, dated{sp.from, r.Type, float64(sp.from.Unix())})
		xs = append(xs, float64(sp.from.Unix()))
	}
	if len(ds) == 0 {
		return ""
	}
	lo, hi := clip(xs)
	from, to := time.Unix(int64(lo), 0).UTC(), time.Unix(int64(hi), 0).UTC()
	monthly := to.Sub(from) > 120*24*time.Hour
	bucket := func(t time.Time) time.Time {
		if monthly {
			return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
		}
		// Weeks start on Monday.
		d := t.Truncate(24 * time.Hour)
		return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
	}
	next := func(t time.Time) time.Time {
		if monthly {
			return t.AddDate(0, 1, 0)
		}
		return t.AddDate(0, 0, 7)
	}
	counts := map[time.Time]map[string]int{}
	outside, used := 0, map[string]bool{}
	for _, d := range ds {
		if d.unix < lo || d.unix > hi {
			outside++
			continue
		}
		b := bucket(d.t)
		if counts[b] == nil {
			counts[b] = map[string]int{}
		}
		counts[b][d.typ]++
		used[d.typ] = true
	}
	var buckets []time.Time
	for b := bucket(from); !b.After(to); b = next(b) {
		buckets = append(buckets, b)
	}
	peak := 1
	for _, c := range counts {
		n := 0
		for _, k := range c {
			n += k
		}
		peak = max(peak, n)
	}
	ticks := niceTicks(0, float64(peak), 4, true)
	ymax := ticks[len(ticks)-1]
	plotW, plotH := float64(W-left-right), float64(H-top-bottom)
	bw := plotW / float64(len(buckets))
	y := func(v float64) float64 { return float64(top) + (1-v/ymax)*plotH }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart timeline-chart" viewBox="0 0 %d %d" role="img" aria-labelledby="tl-t" xmlns="http://www.w3.org/2000/svg"><title id="tl-t">Events by type per %s</title>`, W, H, map[bool]string{true: "month", false: "week"}[monthly])
	for _, v := range ticks {
		fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" class="grid"/><text x="%d" y="%.1f" class="tick" text-anchor="end">%s</text>`, left, W-right, y(v), y(v), left-6, y(v)+4, short(v))
	}
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" class="axis"/>`, left, H-bottom, W-right, H-bottom)
	for i, bk := range buckets {
		x := float64(left) + float64(i)*bw
		acc := 0.0
		for _, et := range eventTypes {
			n := counts[bk][et.Type]
			if n == 0 {
				continue
			}
			y1, y0 := y(acc+float64(n)), y(acc)
			label := fmt.Sprintf("%s, %s: %d", strings.ReplaceAll(et.Type, "_", " "), bucketLabel(bk, monthly), n)
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s</title></rect>`, x+0.5, y1, math.Max(bw-1, 1), y0-y1, et.Colour, template.HTMLEscapeString(label))
			acc += float64(n)
		}
	}
	for _, t := range timeTicks(float64(buckets[0].Unix()), float64(next(buckets[len(buckets)-1]).Unix())) {
		x := float64(left) + float64(t.at.Unix()-buckets[0].Unix())/float64(next(buckets[len(buckets)-1]).Unix()-buckets[0].Unix())*plotW
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" class="tick" text-anchor="middle">%s</text>`, x, H-bottom+16, t.label)
	}
	lx, ly := float64(left), float64(H-bottom+36)
	for _, et := range eventTypes {
		if !used[et.Type] {
			continue
		}
		name := strings.ReplaceAll(et.Type, "_", " ")
		w := 24 + 6.5*float64(len(name))
		if lx+w > W-right {
			lx, ly = left, ly+16
		}
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="10" height="10" fill="%s"/><text x="%.1f" y="%.1f" class="legend">%s</text>`, lx, ly-9, et.Colour, lx+14, ly, name)
		lx += w
	}
	b.WriteString(`</svg>`)
	if outside > 0 {
		fmt.Fprintf(&b, `<p class="meta chart-note">%d event%s dated far from the others (%s) not drawn.</p>`, outside, plural(outside), template.HTMLEscapeString(outsideSpan(lo, hi)))
	}
	return template.HTML(b.String())
}

// outsideSpan says which dates lie outside [lo, hi] (Unix times).
func outsideSpan(lo, hi float64) string {
	return fmt.Sprintf("before %s or after %s", time.Unix(int64(lo), 0).UTC().Format("Jan 2006"), time.Unix(int64(hi), 0).UTC().Format("Jan 2006"))
}

func bucketLabel(t time.Time, monthly bool) string {
	if monthly {
		return t.Format("January 2006")
	}
	return "week of " + t.Format("2 January 2006")
}

// place is one place on the event map: where it is and its events.
type place struct {
	id, name string
	at       facts.Point
	n        int
	types    map[string]int
}

// EventMap renders, as server-side SVG, the places of events on a plain
// equirectangular map fitted to them: a graticule, the capitals within
// it as faint context, and a circle per place (its area the number of
// events, its colour their most frequent type), each a link to the
// events there, the places with most events named where their labels
// cover no other label or circle. The frame fits where most events are
// (the places within FitRadius of the busiest); the notes count the
// events elsewhere, by place, and those whose place the gazetteer
// (facts.Places) does not know.
func EventMap(rows []readmodel.EventRow, q url.Values) template.HTML {
	const W, H, pad = 640.0, 420.0, 24.0
	byID := map[string]*place{}
	unplaced, placeless := 0, 0
	for _, r := range rows {
		if r.Place == "" {
			placeless++
			continue
		}
		if r.Lat == nil || r.Lon == nil {
			unplaced++
			continue
		}
		p := byID[r.Place]
		if p == nil {
			p = &place{id: r.Place, name: r.PlaceName, at: facts.Point{Lat: *r.Lat, Lon: *r.Lon}, types: map[string]int{}}
			byID[r.Place] = p
		}
		p.n++
		p.types[r.Type]++
	}
	if len(byID) == 0 {
		return ""
	}
	places := make([]*place, 0, len(byID))
	for _, p := range byID {
		places = append(places, p)
	}
	sort.Slice(places, func(i, j int) bool {
		if places[i].n != places[j].n {
			return places[i].n > places[j].n
		}
		return places[i].id < places[j].id
	})
	// Fit the frame to where most events are: the places within
	// FitRadius of the place with the most events within FitRadius of
	// it; the events elsewhere are counted in the note, by place.
	centre := places[0]
	best := -1
	for _, c := range places {
		n := 0
		for _, p := range places {
			if km(c.at, p.at) <= FitRadius {
				n += p.n
			}
		}
		if n > best {
			centre, best = c, n
		}
	}
	var framed, elsewhere []*place
	for _, p := range places {
		if km(centre.at, p.at) <= FitRadius {
			framed = append(framed, p)
		} else {
			elsewhere = append(elsewhere, p)
		}
	}
	la0, la1, lo0, lo1 := framed[0].at.Lat, framed[0].at.Lat, framed[0].at.Lon, framed[0].at.Lon
	for _, p := range framed {
		la0, la1 = math.Min(la0, p.at.Lat), math.Max(la1, p.at.Lat)
		lo0, lo1 = math.Min(lo0, p.at.Lon), math.Max(lo1, p.at.Lon)
	}
	// At least 12° across, 4:3 as the frame, with a margin.
	cLat, cLon := (la0+la1)/2, (lo0+lo1)/2
	kx := math.Cos(cLat * math.Pi / 180)
	spanLon := math.Max(math.Max(lo1-lo0, (la1-la0)*(W/H)/kx), 12) * 1.2
	spanLat := spanLon * kx * H / W
	minLon, maxLon := cLon-spanLon/2, cLon+spanLon/2
	minLat, maxLat := cLat-spanLat/2, cLat+spanLat/2
	x := func(lon float64) float64 { return pad + (lon-minLon)/(maxLon-minLon)*(W-2*pad) }
	y := func(lat float64) float64 { return pad + (maxLat-lat)/(maxLat-minLat)*(H-2*pad) }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="map" viewBox="0 0 %.0f %.0f" role="img" aria-labelledby="map-t" xmlns="http://www.w3.org/2000/svg"><title id="map-t">Places of the events</title>`, W, H)
	fmt.Fprintf(&b, `<rect x="%.0f" y="%.0f" width="%.0f" height="%.0f" class="sea"/>`, pad, pad, W-2*pad, H-2*pad)
	step := niceTicks(0, spanLon, 6, true)[1]
	for lon := math.Ceil(minLon/step) * step; lon <= maxLon; lon += step {
		fmt.Fprintf(&b, `<line class="grat" x1="%.1f" x2="%.1f" y1="%.0f" y2="%.0f"/><text class="tick" x="%.1f" y="%.0f" text-anchor="middle">%s</text>`, x(lon), x(lon), pad, H-pad, x(lon), H-pad+14, degrees(lon, "E", "W"))
	}
	for lat := math.Ceil(minLat/step) * step; lat <= maxLat; lat += step {
		fmt.Fprintf(&b, `<line class="grat" x1="%.0f" x2="%.0f" y1="%.1f" y2="%.1f"/><text class="tick" x="%.0f" y="%.1f">%s</text>`, pad, W-pad, y(lat), y(lat), pad+3, y(lat)-3, degrees(lat, "N", "S"))
	}
	in := func(p facts.Point) bool {
		return p.Lat > minLat && p.Lat < maxLat && p.Lon > minLon && p.Lon < maxLon
	}
	peak := places[0].n
	radius := func(p *place) float64 { return 4 + 14*math.Sqrt(float64(p.n)/float64(peak)) }
	// Labels, the places with most events first: each beside its circle
	// where it covers no other label and no other circle, else left out
	// (the circle's title still names it).
	var boxes []box
	labels := map[*place]box{}
	for i, p := range framed {
		if i >= MaxMapLabels {
			break
		}
		px, py, r := x(p.at.Lon), y(p.at.Lat), radius(p)
		w, h := labelWidth(orName(p.name, p.id)), 11.0
		for _, c := range []box{
			{px + r + 2, py - h/2, w, h}, {px - r - 2 - w, py - h/2, w, h},
			{px - w/2, py - r - 2 - h, w, h}, {px - w/2, py + r + 2, w, h},
		} {
			if c.x < pad || c.x+c.w > W-pad || c.y < pad || c.y+c.h > H-pad || slices.ContainsFunc(boxes, c.overlaps) {
				continue
			}
			if slices.ContainsFunc(framed, func(o *place) bool {
				return o != p && c.hitsCircle(x(o.at.Lon), y(o.at.Lat), radius(o))
			}) {
				continue
			}
			boxes = append(boxes, c)
			labels[p] = c
			break
		}
	}
	// Context: the capitals in the frame, with their country's name,
	// when the frame is a region (on a map of the world they would hide
	// the events).
	for _, c := range facts.Default().Countries {
		if spanLon > 70 {
			break
		}
		p, ok := facts.Places().Where("loc:" + facts.Slug(c.Capital))
		if !ok || !in(p) {
			continue
		}
		fmt.Fprintf(&b, `<circle class="capital" cx="%.1f" cy="%.1f" r="2"/>`, x(p.Lon), y(p.Lat))
		// The country's name where it covers no label and no circle.
		l := box{x(p.Lon) + 4, y(p.Lat) - 12, 6.2*float64(utf8.RuneCountInString(c.Name)) + 4, 11}
		if l.x+l.w > W-pad || slices.ContainsFunc(boxes, l.overlaps) ||
			slices.ContainsFunc(framed, func(o *place) bool { return l.hitsCircle(x(o.at.Lon), y(o.at.Lat), radius(o)) }) {
			continue
		}
		boxes = append(boxes, l)
		fmt.Fprintf(&b, `<text class="context" x="%.1f" y="%.1f">%s</text>`, l.x, y(p.Lat)-3, template.HTMLEscapeString(c.Name))
	}
	for i := len(framed) - 1; i >= 0; i-- {
		p := framed[i]
		top, topN := "", 0
		for t, n := range p.types {
			if n > topN || n == topN && t < top {
				top, topN = t, n
			}
		}
		fmt.Fprintf(&b, `<a href="/events?%s"><circle class="place" cx="%.1f" cy="%.1f" r="%.1f" fill="%s"/><title>%s</title></a>`,
			template.HTMLEscapeString(placeQuery(q, p.id)), x(p.at.Lon), y(p.at.Lat), radius(p), typeColour(top),
			template.HTMLEscapeString(fmt.Sprintf("%s: %d event%s", orName(p.name, p.id), p.n, plural(p.n))))
	}
	for _, p := range framed {
		if l, ok := labels[p]; ok {
			fmt.Fprintf(&b, `<text class="label" x="%.1f" y="%.1f">%s</text>`, l.x, l.y+l.h-2, template.HTMLEscapeString(orName(p.name, p.id)))
		}
	}
	b.WriteString(`</svg>`)
	var notes []string
	if unplaced > 0 {
		notes = append(notes, fmt.Sprintf("%d event%s at a place the gazetteer has no coordinates for", unplaced, plural(unplaced)))
	}
	if placeless > 0 {
		notes = append(notes, fmt.Sprintf("%d with no place stated", placeless))
	}
	if len(notes) > 0 {
		b.WriteString(`<p class="meta chart-note">Not on the map: ` + template.HTMLEscapeString(strings.Join(notes, "; ")) + `.</p>`)
	}
	if len(elsewhere) > 0 {
		n := 0
		for _, p := range elsewhere {
			n += p.n
		}
		fmt.Fprintf(&b, `<p class="meta chart-note">Outside the frame: %d event%s at %d place%s — `, n, plural(n), len(elsewhere), plural(len(elsewhere)))
		for i, p := range elsewhere {
			if i == MaxElsewhere {
				fmt.Fprintf(&b, ` and %d more`, len(elsewhere)-i)
				break
			}
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, `<a href="/events?%s">%s</a> %d`, template.HTMLEscapeString(placeQuery(q, p.id)), template.HTMLEscapeString(orName(p.name, p.id)), p.n)
		}
		b.WriteString(".</p>")
	}
	return template.HTML(b.String())
}

// FitRadius is how far, in km, from the place with most events around it
// the event map's frame reaches; MaxMapLabels bounds the places named on
// the map, MaxElsewhere those listed outside the frame.
const (
	FitRadius    = 1500.0
	MaxMapLabels = 16
	MaxElsewhere = 12
)

// km is the great-circle distance between two points.
func km(a, b facts.Point) float64 {
	const r = 6371.0
	la1, la2 := a.Lat*math.Pi/180, b.Lat*math.Pi/180
	dla, dlo := la2-la1, (b.Lon-a.Lon)*math.Pi/180
	h := math.Sin(dla/2)*math.Sin(dla/2) + math.Cos(la1)*math.Cos(la2)*math.Sin(dlo/2)*math.Sin(dlo/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}

// placeQuery is the events query q filtered to one place.
func placeQuery(q url.Values, id string) string {
	v := url.Values{}
	for k, vs := range q {
		if k != "place" && k != "cursor" {
			v[k] = vs
		}
	}
	v.Set("place", id)
	return v.Encode()
}

// box is a label's rectangle on the map.
type box struct{ x, y, w, h float64 }

func (a box) overlaps(b box) bool {
	return a.x < b.x+b.w && b.x < a.x+a.w && a.y < b.y+b.h && b.y < a.y+a.h
}

// hitsCircle reports whether the box covers part of the circle at
// (cx, cy) of radius r.
func (a box) hitsCircle(cx, cy, r float64) bool {
	dx := math.Max(math.Max(a.x-cx, 0), cx-(a.x+a.w))
	dy := math.Max(math.Max(a.y-cy, 0), cy-(a.y+a.h))
	return dx*dx+dy*dy < r*r
}

// labelWidth estimates the width of a map label (11 px type).
func labelWidth(s string) float64 { return 6.8*float64(utf8.RuneCountInString(s)) + 4 }

func orName(name, id string) string {
	if name != "" {
		return name
	}
	return id
}

// degrees writes a latitude or longitude: "30°E", "5°S".
func degrees(v float64, pos, neg string) string {
	if v = math.Round(v*1e6) / 1e6; v == 0 {
		return "0°"
	}
	h := pos
	if v < 0 {
		h, v = neg, -v
	}
	if v == 0 {
		h = ""
	}
	return short(v) + "°" + h
}
