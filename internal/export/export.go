// Package export writes a store's layers as flat tables for spreadsheets
// and other tools: figures, events (with ACLED-like columns, so they join
// with ACLED data on event_date, event_type, sub_event_type, actor1,
// actor2 and location), entities and articles, as CSV, JSON or JSON
// Lines; and the actor graph as GraphML.
package export

import (
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"sitrep/internal/facts"
	"sitrep/internal/news"
)

// Formats are the table formats Write accepts.
var Formats = []string{"csv", "json", "jsonl"}

// Kinds are the tables Table builds.
var Kinds = []string{"figures", "events", "entities", "articles"}

// Table is a header and rows of strings, with the header as JSON keys.
type Table struct {
	Header []string
	Rows   [][]string
}

// TableOf builds the table kind names from articles.
func TableOf(kind string, articles []*news.Article) (*Table, error) {
	switch kind {
	case "figures":
		return figures(articles), nil
	case "events":
		return events(articles), nil
	case "entities":
		return entities(articles), nil
	case "articles":
		return articleTable(articles), nil
	}
	return nil, fmt.Errorf("unknown table %q (want %s)", kind, strings.Join(Kinds, ", "))
}

// Write writes t in format: csv (RFC 4180 with a header row), json (an
// array of objects) or jsonl (one object a line).
func Write(w io.Writer, t *Table, format string) error {
	switch format {
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write(t.Header); err != nil {
			return err
		}
		for _, r := range t.Rows {
			if err := cw.Write(sanitize(r)); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	case "json", "jsonl":
		objs := make([]map[string]string, len(t.Rows))
		for i, r := range t.Rows {
			o := make(map[string]string, len(r))
			for j, h := range t.Header {
				o[h] = r[j]
			}
			objs[i] = o
		}
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		if format == "json" {
			enc.SetIndent("", "  ")
			return enc.Encode(objs)
		}
		for _, o := range objs {
			if err := enc.Encode(o); err != nil {
				return err
			}
		}
		return nil
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(Formats, ", "))
}

// sanitize keeps a spreadsheet from running a cell as a formula (cells
// starting with = + - @ get a leading apostrophe), except plain numbers.
func sanitize(r []string) []string {
	out := r
	for i, c := range r {
		if c == "" || !strings.ContainsAny(c[:1], "=+-@\t\r") {
			continue
		}
		if _, err := strconv.ParseFloat(c, 64); err == nil {
			continue
		}
		if &out[0] == &r[0] {
			out = append([]string(nil), r...)
		}
		out[i] = "'" + c
	}
	return out
}

func f64(p *float64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}

func day(a *news.Article) string {
	if a.Published.IsZero() {
		return ""
	}
	return a.Published.UTC().Format("2006-01-02")
}

func figures(articles []*news.Article) *Table {
	t := &Table{Header: []string{"article_id", "outlet", "published", "url", "text", "value", "low", "high", "approx", "unit", "counts", "measure", "speaker", "speaker_entity", "hedge", "time", "start", "end"}}
	for _, a := range articles {
		for _, f := range a.Figures {
			t.Rows = append(t.Rows, []string{a.ID, a.Outlet, day(a), a.URL, f.Text, f64(f.Value), f64(f.Low), f64(f.High), f.Approx, f.Unit, f.Counts, f.Measure, f.Speaker, f.SpeakerEntity, f.Hedge, f.Time, strconv.Itoa(f.Start), strconv.Itoa(f.End)})
		}
	}
	return t
}

// EventHeader is the events table's columns: ACLED's names where ACLED
// has the column, then sitrep's own.
var EventHeader = []string{"event_id_cnty", "event_date", "year", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "location", "fatalities", "source", "source_url", "notes", "timestamp", "sitrep_type", "cameo_root", "article_id", "trigger"}

func events(articles []*news.Article) *Table {
	t := &Table{Header: EventHeader}
	for _, a := range articles {
		for i, ev := range a.Events {
			d := ev.Time
			if d == "" {
				d = day(a)
			}
			d, _, _ = strings.Cut(d, "/")
			year := ""
			if len(d) >= 4 {
				year = d[:4]
			}
			actor1, assoc := "", ""
			if len(ev.Actors) > 0 {
				actor1 = ev.Actors[0]
				assoc = strings.Join(ev.Actors[1:], "; ")
			}
			fatalities := ""
			if ev.Type == "casualties" {
				for _, qi := range ev.Quantities {
					if qi >= 0 && qi < len(a.Quantities) && a.Quantities[qi].Value != nil {
						fatalities = f64(a.Quantities[qi].Value)
						break
					}
				}
			}
			ts := ""
			if !a.Published.IsZero() {
				ts = strconv.FormatInt(a.Published.Unix(), 10)
			}
			t.Rows = append(t.Rows, []string{
				fmt.Sprintf("%s-%d", a.ID, i+1), d, year, ev.ACLEDType, ev.ACLEDSubType, actor1, assoc, ev.Target, ev.Place, fatalities,
				a.Outlet, a.URL, ev.Span.In(a.Text), ts, ev.Type, ev.CAMEO, a.ID, ev.Trigger,
			})
		}
	}
	return t
}

func entities(articles []*news.Article) *Table {
	type agg struct {
		id, canonical, typ string
		mentions           int
		articles           map[string]bool
		aliases            map[string]int
	}
	by := map[string]*agg{}
	for _, a := range articles {
		for _, m := range a.Entities {
			if m.Entity == "" {
				continue
			}
			g := by[m.Entity]
			if g == nil {
				g = &agg{id: m.Entity, canonical: m.Canonical, typ: entityType(m), articles: map[string]bool{}, aliases: map[string]int{}}
				by[m.Entity] = g
			}
			g.mentions++
			g.articles[a.ID] = true
			g.aliases[m.Text]++
		}
	}
	t := &Table{Header: []string{"entity", "canonical", "type", "mentions", "articles", "aliases"}}
	ids := make([]string, 0, len(by))
	for id := range by {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if by[ids[i]].mentions != by[ids[j]].mentions {
			return by[ids[i]].mentions > by[ids[j]].mentions
		}
		return ids[i] < ids[j]
	})
	for _, id := range ids {
		g := by[id]
		as := make([]string, 0, len(g.aliases))
		for s := range g.aliases {
			as = append(as, s)
		}
		sort.Strings(as)
		t.Rows = append(t.Rows, []string{g.id, g.canonical, g.typ, strconv.Itoa(g.mentions), strconv.Itoa(len(g.articles)), strings.Join(as, "; ")})
	}
	return t
}

func articleTable(articles []*news.Article) *Table {
	t := &Table{Header: []string{"id", "published", "outlet", "title", "author", "url", "words", "story", "provenance", "of", "family", "declared_source", "figures", "events", "entities"}}
	for _, a := range articles {
		kind, of, fam := "", "", ""
		if p := a.Provenance; p != nil {
			kind, of, fam = p.Kind, p.Of, p.Family
		}
		pub := ""
		if !a.Published.IsZero() {
			pub = a.Published.UTC().Format("2006-01-02T15:04:05Z")
		}
		t.Rows = append(t.Rows, []string{a.ID, pub, a.Outlet, a.Title, a.Author, a.URL, strconv.Itoa(a.Words()), a.Story, kind, of, fam, a.DeclaredSource,
			strconv.Itoa(len(a.Figures)), strconv.Itoa(len(a.Events)), strconv.Itoa(len(a.Entities))})
	}
	return t
}

// GraphML writes the actor graph: a node per canonical entity of type
// PER, ORG or GPE, and an edge between two actors for every event that
// involves both (actor and target, or two actors) and, with kind
// "mention", every sentence that names both. Edge weights count them.
func GraphML(w io.Writer, articles []*news.Article) error {
	type node struct{ id, label, typ string }
	nodes := map[string]node{}
	type key struct{ a, b, kind string }
	edges := map[key]int{}
	add := func(a, b, kind string) {
		if a == b || a == "" || b == "" {
			return
		}
		if a > b {
			a, b = b, a
		}
		edges[key{a, b, kind}]++
	}
	for _, a := range articles {
		names := map[string]string{}
		for _, m := range a.Entities {
			if typ := entityType(m); m.Entity == "" || (typ != "PER" && typ != "ORG" && typ != "GPE") {
				continue
			}
			nodes[m.Entity] = node{m.Entity, orText(m.Canonical, m.Text), entityType(m)}
			names[m.Entity] = m.Entity
		}
		for _, ev := range a.Events {
			parts := append(append([]string(nil), ev.Actors...), ev.Target)
			for i := range parts {
				for j := i + 1; j < len(parts); j++ {
					if _, ok := nodes[parts[i]]; !ok {
						continue
					}
					if _, ok := nodes[parts[j]]; !ok {
						continue
					}
					add(parts[i], parts[j], "event")
				}
			}
		}
		for _, s := range a.Sentences {
			var in []string
			seen := map[string]bool{}
			for _, m := range a.Entities {
				if m.Start >= s.Start && m.End <= s.End && names[m.Entity] != "" && !seen[m.Entity] {
					seen[m.Entity] = true
					in = append(in, m.Entity)
				}
			}
			for i := range in {
				for j := i + 1; j < len(in); j++ {
					add(in[i], in[j], "mention")
				}
			}
		}
	}
	type gdata struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	}
	type gnode struct {
		ID   string  `xml:"id,attr"`
		Data []gdata `xml:"data"`
	}
	type gedge struct {
		Source string  `xml:"source,attr"`
		Target string  `xml:"target,attr"`
		Data   []gdata `xml:"data"`
	}
	type gkey struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	}
	type graph struct {
		EdgeDefault string  `xml:"edgedefault,attr"`
		Nodes       []gnode `xml:"node"`
		Edges       []gedge `xml:"edge"`
	}
	type doc struct {
		XMLName xml.Name `xml:"graphml"`
		NS      string   `xml:"xmlns,attr"`
		Keys    []gkey   `xml:"key"`
		Graph   graph    `xml:"graph"`
	}
	d := doc{NS: "http://graphml.graphdrawing.org/xmlns", Keys: []gkey{
		{"label", "node", "label", "string"}, {"type", "node", "type", "string"},
		{"kind", "edge", "kind", "string"}, {"weight", "edge", "weight", "int"},
	}, Graph: graph{EdgeDefault: "undirected"}}
	ids := make([]string, 0, len(nodes))
	for id := range nodes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		n := nodes[id]
		d.Graph.Nodes = append(d.Graph.Nodes, gnode{ID: id, Data: []gdata{{"label", n.label}, {"type", n.typ}}})
	}
	ks := make([]key, 0, len(edges))
	for k := range edges {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool {
		if ks[i].a != ks[j].a {
			return ks[i].a < ks[j].a
		}
		if ks[i].b != ks[j].b {
			return ks[i].b < ks[j].b
		}
		return ks[i].kind < ks[j].kind
	})
	for _, k := range ks {
		d.Graph.Edges = append(d.Graph.Edges, gedge{Source: k.a, Target: k.b, Data: []gdata{{"kind", k.kind}, {"weight", strconv.Itoa(edges[k])}}})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(d); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func orText(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// entityType is the one type every view shows for a mention's entity:
// the type its ID names, else the type it was written with.
func entityType(m news.Mention) string {
	if t := facts.TypeOf(m.Entity); t != "" {
		return t
	}
	return m.Type
}
