package export_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"slices"
	"strings"
	"testing"
	"time"

	"sitrep/internal/api/apitest"
	"sitrep/internal/export"
	"sitrep/internal/news"
	"sitrep/internal/readmodel"
)

func demoArticles(t *testing.T) []*news.Article {
	t.Helper()
	all, err := readmodel.NewCatalog(apitest.DemoStore(t), 0).All(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return all
}

// TestTablesAgreeAcrossFormats writes every table in every format and
// checks the row counts and columns agree, and that CSV parses.
func TestTablesAgreeAcrossFormats(t *testing.T) {
	arts := append(demoArticles(t), eventArticle())
	for _, kind := range export.Kinds {
		tab, err := export.TableOf(kind, arts)
		if err != nil {
			t.Fatal(err)
		}
		if len(tab.Rows) == 0 {
			t.Errorf("%s: no rows from the demo corpus", kind)
		}
		var c, j, l bytes.Buffer
		for f, buf := range map[string]*bytes.Buffer{"csv": &c, "json": &j, "jsonl": &l} {
			if err := export.Write(buf, tab, f); err != nil {
				t.Fatal(err)
			}
		}
		recs, err := csv.NewReader(&c).ReadAll()
		if err != nil {
			t.Fatalf("%s csv: %v", kind, err)
		}
		if !slices.Equal(recs[0], tab.Header) || len(recs)-1 != len(tab.Rows) {
			t.Errorf("%s csv: header %v, %d rows; want %d", kind, recs[0], len(recs)-1, len(tab.Rows))
		}
		var objs []map[string]string
		if err := json.Unmarshal(j.Bytes(), &objs); err != nil || len(objs) != len(tab.Rows) {
			t.Errorf("%s json: %d objects (%v), want %d", kind, len(objs), err, len(tab.Rows))
		}
		lines := 0
		sc := bufio.NewScanner(&l)
		for sc.Scan() {
			var o map[string]string
			if err := json.Unmarshal(sc.Bytes(), &o); err != nil || len(o) != len(tab.Header) {
				t.Fatalf("%s jsonl line %d: %v", kind, lines+1, err)
			}
			lines++
		}
		if lines != len(tab.Rows) {
			t.Errorf("%s jsonl: %d lines, want %d", kind, lines, len(tab.Rows))
		}
	}
	if err := export.Write(&bytes.Buffer{}, &export.Table{}, "xlsx"); err == nil {
		t.Error("unknown format accepted")
	}
}

func eventArticle() *news.Article {
	text := "Veldanian missiles struck the Solvik power plant on Tuesday, killing three workers."
	three := 3.0
	return &news.Article{
		ID: "00000000000000e1", URL: "https://example.org/e1", Outlet: "Example", Text: text,
		Published:  time.Date(2031, 3, 11, 9, 0, 0, 0, time.UTC),
		Quantities: []news.Quantity{{Span: news.Span{Start: 66, End: 71}, Text: "three", Kind: "cardinal", Value: &three, Approx: "exact", Unit: "worker"}},
		Events: []news.Event{{Span: news.Span{Start: 0, End: len(text)}, Type: "casualties", Trigger: "killing", Actors: []string{"gpe:veldana"}, Target: "Solvik power plant",
			Place: "Solvik", Time: "2031-03-10", Quantities: []int{0}, ACLEDType: "Explosions/Remote violence", ACLEDSubType: "Shelling/artillery/missile attack", CAMEO: "19"}},
	}
}

// TestEventsHaveACLEDColumns checks the columns an ACLED join needs.
func TestEventsHaveACLEDColumns(t *testing.T) {
	tab, err := export.TableOf("events", []*news.Article{eventArticle()})
	if err != nil {
		t.Fatal(err)
	}
	row := map[string]string{}
	for i, h := range tab.Header {
		row[h] = tab.Rows[0][i]
	}
	want := map[string]string{"event_date": "2031-03-10", "year": "2031", "event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
		"actor1": "gpe:veldana", "actor2": "Solvik power plant", "location": "Solvik", "fatalities": "3", "source": "Example", "event_id_cnty": "00000000000000e1-1"}
	for k, v := range want {
		if row[k] != v {
			t.Errorf("%s = %q, want %q", k, row[k], v)
		}
	}
}

func TestCSVDefusesFormulas(t *testing.T) {
	var b bytes.Buffer
	if err := export.Write(&b, &export.Table{Header: []string{"a", "b"}, Rows: [][]string{{"=HYPERLINK(\"x\")", "-12.5"}}}, "csv"); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); !strings.Contains(got, `'=HYPERLINK`) || !strings.Contains(got, ",-12.5") {
		t.Errorf("csv %q", got)
	}
}

// TestGraphML checks the actor graph is GraphML with nodes and weighted edges.
func TestGraphML(t *testing.T) {
	var b bytes.Buffer
	if err := export.GraphML(&b, demoArticles(t)); err != nil {
		t.Fatal(err)
	}
	var g struct {
		Graph struct {
			Nodes []struct {
				ID string `xml:"id,attr"`
			} `xml:"node"`
			Edges []struct {
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(b.Bytes(), &g); err != nil {
		t.Fatal(err)
	}
	if len(g.Graph.Nodes) < 5 || len(g.Graph.Edges) < 5 {
		t.Fatalf("%d nodes, %d edges", len(g.Graph.Nodes), len(g.Graph.Edges))
	}
	ids := map[string]bool{}
	for _, n := range g.Graph.Nodes {
		ids[n.ID] = true
	}
	for _, e := range g.Graph.Edges {
		if !ids[e.Source] || !ids[e.Target] {
			t.Errorf("edge %s–%s to an unknown node", e.Source, e.Target)
		}
	}
}
