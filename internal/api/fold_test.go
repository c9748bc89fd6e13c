package api_test

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"sitrep/internal/api"
	"sitrep/internal/api/apitest"
	"sitrep/internal/readmodel"
)

// foldReports are reports written for this test: one strike on Kharkiv
// told in their own words by three outlets on one day (one of them
// dating it the day after), a strike on Kharkiv a week later, and a
// strike on Odesa the first day.
type report struct{ outlet, published, title, text string }

var foldReports = []report{
	{"Northern Wire", "2024-05-03T09:00:00Z", "Missile strike hits Kharkiv",
		"A Russian missile strike on Kharkiv killed 12 people on Friday, bringing the death toll in the city since February to 3,400, the regional governor said."},
	{"Harbour Times", "2024-05-03T15:00:00Z", "Twelve dead in Kharkiv",
		"Russian forces struck Kharkiv with missiles on Friday, killing 12 civilians, officials said. Rescue teams searched the rubble of a school."},
	{"Plains Gazette", "2024-05-04T08:00:00Z", "Kharkiv mourns",
		"Russian missiles struck a market in Kharkiv on Friday and at least 12 people died, the mayor told reporters on Saturday. Flags flew at half mast."},
	{"Harbour Times", "2024-05-10T10:00:00Z", "Kharkiv hit again",
		"A Russian drone strike on Kharkiv on Friday damaged a power station, the governor said. Nobody was hurt."},
	{"Northern Wire", "2024-05-03T18:00:00Z", "Odesa port attacked",
		"A Russian missile strike on Odesa damaged the port on Friday, the navy said. Grain terminals were hit."},
}

func foldServer(t *testing.T, reports []report) *httptest.Server {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for i, r := range reports {
		enc.Encode(map[string]string{"url": "https://fold" + string(rune('a'+i)) + ".example/r", "outlet": r.outlet,
			"title": r.title, "published": r.published, "text": r.text})
	}
	s := apitest.Store(t, "fold", buf.Bytes())
	srv := httptest.NewServer(api.New(readmodel.NewCatalog(s, time.Minute), api.Options{}))
	t.Cleanup(srv.Close)
	return srv
}

// TestEventsFoldAcrossOutlets: the strike three outlets report on one
// day at one place is one row counting three reports and three
// independent origins, led by the earliest report, paged one row at a
// time or read at once; the strike a week later and the one on Odesa
// stay rows of their own. The first report's fatalities are the 12 the
// strike killed, not the 3,400 of the toll to date.
func TestEventsFoldAcrossOutlets(t *testing.T) {
	srv := foldServer(t, foldReports)
	type page struct {
		Events     []readmodel.EventRow `json:"events"`
		NextCursor string               `json:"next_cursor"`
	}
	for _, limit := range []int{100, 1} {
		var rows []readmodel.EventRow
		cursor := ""
		for range 50 {
			var p page
			getJSON(t, srv.URL+"/api/v1/events?type=strike&limit="+itoa(limit)+"&cursor="+url.QueryEscape(cursor), &p)
			rows = append(rows, p.Events...)
			if cursor = p.NextCursor; cursor == "" {
				break
			}
		}
		var kharkiv, odesa []readmodel.EventRow
		for _, r := range rows {
			switch r.PlaceName {
			case "Kharkiv":
				kharkiv = append(kharkiv, r)
			case "Odesa":
				odesa = append(odesa, r)
			}
		}
		if len(kharkiv) != 2 || len(odesa) != 1 {
			for _, r := range rows {
				t.Logf("row: %s %s %s reports %d origins %d: %s", r.Date, r.Type, r.PlaceName, r.Reports, r.Origins, r.Text)
			}
			t.Fatalf("limit %d: %d strike rows at Kharkiv, %d at Odesa; want 2 and 1", limit, len(kharkiv), len(odesa))
		}
		var first readmodel.EventRow
		for _, r := range kharkiv {
			if r.Date < "2024-05-08" {
				first = r
			}
		}
		if first.Reports != 3 || first.Origins != 3 || len(first.Outlets) != 3 {
			t.Errorf("limit %d: the Kharkiv strike of 3 May: %d reports, %d origins, outlets %v; want 3, 3 and three outlets",
				limit, first.Reports, first.Origins, first.Outlets)
		}
		if first.Outlet != "Northern Wire" {
			t.Errorf("limit %d: the folded row is led by %s, want the earliest report (Northern Wire)", limit, first.Outlet)
		}
		if first.Fatalities == nil || *first.Fatalities != 12 {
			t.Errorf("limit %d: fatalities %v, want 12 (not the toll to date)", limit, first.Fatalities)
		}
	}
}

// TestFatalitiesNotTheToll: a strike's fatalities are the deaths it
// caused, not a toll to date stated in another clause of the sentence
// (reports written for this test).
func TestFatalitiesNotTheToll(t *testing.T) {
	srv := foldServer(t, []report{
		{"Eastern Post", "2024-05-03T10:00:00Z", "Kherson shelled",
			"Russian shelling killed 7 civilians in Kherson on Monday, taking the total killed since the invasion to 1,250, officials said."},
		{"Valley News", "2024-05-03T11:00:00Z", "Sumy airstrike",
			"An airstrike on Sumy killed 9 people on Thursday; more than 2,000 people have been killed in the region since the war began, officials said."},
		{"Coast Daily", "2024-05-03T12:00:00Z", "Mykolaiv strike",
			"The strike on Mykolaiv killed 5 people, raising the overall death toll from attacks on the city this year to 210, the mayor said."},
	})
	var p struct {
		Events []readmodel.EventRow `json:"events"`
	}
	getJSON(t, srv.URL+"/api/v1/events?limit=100", &p)
	want := map[string]int{"Kherson": 7, "Sumy": 9, "Mykolaiv": 5}
	for _, r := range p.Events {
		w, ok := want[r.PlaceName]
		if !ok || r.Type != "strike" {
			continue
		}
		delete(want, r.PlaceName)
		if r.Fatalities == nil || *r.Fatalities != w {
			got := -1
			if r.Fatalities != nil {
				got = *r.Fatalities
			}
			t.Errorf("%s: fatalities %d, want %d: %s", r.PlaceName, got, w, r.Text)
		}
	}
	if len(want) > 0 {
		t.Errorf("no strike row at %v", want)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
