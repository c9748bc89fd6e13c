package web

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"sitrep/internal/ledger"
	"sitrep/internal/readmodel"
)

// TestNiceTicks: ticks are 1, 2 or 5 × 10^k, cover the range, and a
// count of whole things never gets a fractional tick.
func TestNiceTicks(t *testing.T) {
	for _, c := range []struct {
		lo, hi float64
		whole  bool
	}{{0, 7838, true}, {0, 3.3, true}, {0, 0.9, false}, {0, 100, false}, {12, 190000, true}, {-5, 5, false}} {
		ts := niceTicks(c.lo, c.hi, 4, c.whole)
		if ts[0] > c.lo || ts[len(ts)-1] < c.hi {
			t.Errorf("niceTicks(%v, %v) = %v: does not cover the range", c.lo, c.hi, ts)
		}
		step := ts[1] - ts[0]
		mant := step / math.Pow(10, math.Floor(math.Log10(step)))
		if m := math.Round(mant*1e6) / 1e6; m != 1 && m != 2 && m != 5 {
			t.Errorf("niceTicks(%v, %v) = %v: step %v is not 1, 2 or 5 × 10^k", c.lo, c.hi, ts, step)
		}
		for _, v := range ts {
			if c.whole && v != math.Trunc(v) {
				t.Errorf("niceTicks(%v, %v, whole) = %v: a fractional tick", c.lo, c.hi, ts)
			}
		}
	}
}

// TestPeriodOf: the times a value refers to read as stretches of time.
func TestPeriodOf(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	for in, want := range map[string]span{
		"2022-05-09":            {day("2022-05-09"), day("2022-05-10")},
		"2022-05":               {day("2022-05-01"), day("2022-06-01")},
		"2022":                  {day("2022-01-01"), day("2023-01-01")},
		"2022-W19":              {day("2022-05-09"), day("2022-05-16")},
		"2031-SU":               {day("2031-06-01"), day("2031-09-01")},
		"2022-Q3":               {day("2022-07-01"), day("2022-10-01")},
		"2022-05-01/2022-05-31": {day("2022-05-01"), day("2022-06-01")},
	} {
		got, ok := periodOf(in)
		if !ok || !got.from.Equal(want.from) || !got.to.Equal(want.to) {
			t.Errorf("periodOf(%q) = %v–%v %v, want %v–%v", in, got.from, got.to, ok, want.from, want.to)
		}
	}
	for _, in := range []string{"", "P3W", "PAST_REF", "2022-XX"} {
		if _, ok := periodOf(in); ok {
			t.Errorf("periodOf(%q) is a period", in)
		}
	}
}

func f64(v float64) *float64 { return &v }

// TestChartValues: every value with a number and a time is a mark
// linking to its sentence; a value far from the others is marked at the
// edge, not dropped; one speaker under two spellings of one entity is
// one colour; a one-point series is no chart.
func TestChartValues(t *testing.T) {
	g := ledger.Group{Measure: "personnel|ru|||total", Unit: "soldier", Entries: []ledger.Entry{
		{Value: f64(100000), Text: "100,000", Speaker: "Volodymyr Zelensky", SpeakerEntity: "per:zelensky", Time: "2022-02-01", Article: "a1", Figure: 0, Articles: []string{"a1", "a2"}, Families: []string{"a1"}},
		{Value: f64(120000), Text: "120,000", Speaker: "Zelenskyy", SpeakerEntity: "per:zelensky", Time: "2022-02-03", Article: "a3", Figure: 2, Articles: []string{"a3"}, Families: []string{"a3"}},
		{Value: f64(130000), Text: "130,000", Speaker: "the Pentagon", Time: "2022-02-05", Article: "a4", Figure: 1},
		{Value: f64(125000), Text: "125,000", Speaker: "the Pentagon", Time: "2022-02-06", Article: "a5", Figure: 1},
		{Value: f64(128000), Text: "128,000", Speaker: ", the Pentagon", Time: "2022-02-07", Article: "a6", Figure: 1},
		{Value: f64(150000), Text: "150,000", Speaker: "NATO", Time: "1949", Article: "a7", Figure: 4},
		{Text: "tens of thousands", Speaker: "NATO", Time: "2022-02-04", Article: "a8", Figure: 0},
	}}
	m := readmodel.MeasureOf(g)
	if len(m.SpeakerList) != 3 {
		t.Fatalf("speakers %+v: want Zelensky (two spellings), the Pentagon (two), NATO", m.SpeakerList)
	}
	if m.Values[0].Reports != 2 || m.Values[0].Origins != 1 {
		t.Errorf("first value: %d reports, %d origins, want 2 and 1", m.Values[0].Reports, m.Values[0].Origins)
	}
	svg := string(Chart(m))
	if n := strings.Count(svg, `<a href="/articles/`); n != 6 {
		t.Errorf("%d marks link to an article, want 6 (every value with a number):\n%s", n, svg)
	}
	if !strings.Contains(svg, `href="/articles/a3#fig-2"`) {
		t.Errorf("no link to the sentence of figure 2 of a3")
	}
	if !strings.Contains(svg, "◀") || !strings.Contains(svg, "1 value far outside") {
		t.Errorf("the 1949 value is not marked out of range:\n%s", svg)
	}
	if !strings.Contains(svg, "1 value without a number") {
		t.Errorf("the vague value is not counted in the note")
	}
	cols := speakerColours(m)
	if cols[0] == cols[1] {
		t.Errorf("two speakers share a colour: %v", cols)
	}
	if strings.Contains(svg, "1.65") {
		t.Error("a fractional tick")
	}
	one := readmodel.MeasureOf(ledger.Group{Measure: "x", Entries: g.Entries[:1]})
	if Chartable(one) {
		t.Error("a one-point series is drawn as a chart")
	}
}

// TestEventMapAndTimeline: places with coordinates are circles linking
// to their events, sized by count; a place the gazetteer does not know
// and an event with no place are counted in the note, not drawn; the
// timeline stacks the types per bucket.
func TestEventMapAndTimeline(t *testing.T) {
	at := func(lat, lon float64) (*float64, *float64) { return &lat, &lon }
	row := func(typ, date, place, name string, lat, lon *float64) readmodel.EventRow {
		r := readmodel.EventRow{Date: date, PlaceName: name, Lat: lat, Lon: lon}
		r.Type, r.Place = typ, place
		return r
	}
	kla, klo := at(50.45, 30.52)
	hla, hlo := at(49.99, 36.23)
	rows := []readmodel.EventRow{
		row("strike", "2022-03-01", "loc:kyiv", "Kyiv", kla, klo),
		row("strike", "2022-03-02", "loc:kyiv", "Kyiv", kla, klo),
		row("capture", "2022-03-09", "loc:kharkiv", "Kharkiv", hla, hlo),
		row("meeting", "2022-03-10", "loc:atlantis", "Atlantis", nil, nil),
		row("meeting", "2022-03-10", "", "", nil, nil),
	}
	svg := string(EventMap(rows, nil))
	if n := strings.Count(svg, `<circle class="place`); n != 2 {
		t.Errorf("%d places drawn, want 2 (Kyiv, Kharkiv):\n%s", n, svg)
	}
	if !strings.Contains(svg, `href="/events?place=loc%3Akyiv"`) || !strings.Contains(svg, "Kyiv: 2 events") {
		t.Errorf("Kyiv is not a link to its two events:\n%s", svg)
	}
	if !strings.Contains(svg, "1 event at a place the gazetteer has no coordinates for") || !strings.Contains(svg, "1 with no place stated") {
		t.Errorf("the note does not count the events left off the map:\n%s", svg)
	}
	tl := string(Timeline(rows))
	if n := strings.Count(tl, "<rect x="); n < 3 {
		t.Errorf("timeline: %d bars and swatches, want the types stacked:\n%s", n, tl)
	}
	if !strings.Contains(tl, "strike, week of 28 February 2022: 2") {
		t.Errorf("timeline: no bar of two strikes in the week of 28 February 2022:\n%s", tl)
	}
}

// TestEventMapFrameAndLabels: a map of many events around Kyiv and a few
// in Washington and Vientiane is framed on Kyiv, the far places counted
// in the note (each a link), not drawn; every place in the frame keeps
// its circle, and no two labels overlap, though five places lie within
// 30 km of each other.
func TestEventMapFrameAndLabels(t *testing.T) {
	var rows []readmodel.EventRow
	add := func(n int, place, name string, lat, lon float64) {
		for range n {
			r := readmodel.EventRow{Date: "2022-03-01", PlaceName: name, Lat: &lat, Lon: &lon}
			r.Type, r.Place = "strike", place
			rows = append(rows, r)
		}
	}
	add(9, "loc:kyiv", "Kyiv", 50.45, 30.52)
	add(4, "loc:irpin", "Irpin", 50.52, 30.25)
	add(4, "loc:bucha", "Bucha", 50.55, 30.21)
	add(3, "loc:brovary", "Brovary", 50.51, 30.79)
	add(3, "loc:hostomel", "Hostomel", 50.57, 30.27)
	add(5, "loc:kharkiv", "Kharkiv", 49.99, 36.23)
	add(3, "loc:washington", "Washington", 38.9, -77.04)
	add(2, "loc:vientiane", "Vientiane", 17.98, 102.63)
	svg := string(EventMap(rows, nil))
	if n := strings.Count(svg, `<circle class="place"`); n != 6 {
		t.Errorf("%d places drawn, want the 6 around Kyiv and Kharkiv", n)
	}
	for _, far := range []string{"Washington", "Vientiane"} {
		if strings.Contains(svg, `<title>`+far) {
			t.Errorf("%s drawn on a map of Ukraine", far)
		}
	}
	if !strings.Contains(svg, "Outside the frame: 5 events at 2 places") || !strings.Contains(svg, `place=loc%3Awashington">Washington</a> 3`) {
		t.Errorf("the note does not count the events outside the frame:\n%s", svg)
	}
	re := regexp.MustCompile(`<text class="label" x="([-\d.]+)" y="([-\d.]+)">([^<]*)</text>`)
	var boxes []box
	for _, m := range re.FindAllStringSubmatch(svg, -1) {
		x, _ := strconv.ParseFloat(m[1], 64)
		y, _ := strconv.ParseFloat(m[2], 64)
		b := box{x, y - 9, labelWidth(m[3]), 11}
		for _, o := range boxes {
			if b.overlaps(o) {
				t.Errorf("label %q at %.0f,%.0f overlaps another", m[3], x, y)
			}
		}
		boxes = append(boxes, b)
	}
	if len(boxes) < 2 || !strings.Contains(svg, `>Kyiv</text>`) {
		t.Errorf("%d labels, Kyiv's among them expected", len(boxes))
	}
}
