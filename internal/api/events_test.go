package api_test

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"sitrep/internal/readmodel"
)

// rawTime is a stored time code shown as is: a duration, a season, a
// week, a quarter, a reference.
var rawTime = regexp.MustCompile(`^P\d|^PX|-(SU|WI|SP|FA|AU)$|-W\d|-Q\d|_REF$`)

// TestEventsTable pages the events three at a time and checks the
// analyst's columns: every page holds exactly the limit but the last,
// the pages add up to the one-request listing with no row twice, every
// row has a date in words (never a raw code), an event type, the types
// it folds and its reports; no two rows of one provenance family state
// one event (copies fold), no sentence gives two rows of which one is
// casualties (its types fold); the type, place and actor filters keep
// only their rows, paged the same way.
func TestEventsTable(t *testing.T) {
	srv, s := newServer(t)
	type page struct {
		Events     []readmodel.EventRow `json:"events"`
		NextCursor string               `json:"next_cursor"`
	}
	walk := func(query string, limit int) []readmodel.EventRow {
		var rows []readmodel.EventRow
		cursor := ""
		for pages := 0; ; pages++ {
			if pages > 500 {
				t.Fatalf("%s: paging does not end", query)
			}
			var p page
			getJSON(t, fmt.Sprintf("%s/api/v1/events?limit=%d&%s&cursor=%s", srv.URL, limit, query, url.QueryEscape(cursor)), &p)
			rows = append(rows, p.Events...)
			if p.NextCursor == "" {
				break
			}
			if len(p.Events) != limit {
				t.Errorf("%s: a page of %d before the end, limit %d", query, len(p.Events), limit)
			}
			cursor = p.NextCursor
		}
		return rows
	}
	all := walk("", 500)
	if len(all) == 0 {
		t.Fatal("no events in the demo corpus")
	}
	paged := walk("", 3)
	key := func(r readmodel.EventRow) string {
		return fmt.Sprintf("%s@%d-%d:%s", r.Article, r.Start, r.End, r.Type)
	}
	if len(paged) != len(all) {
		t.Errorf("paged 3 at a time: %d rows; in one request: %d", len(paged), len(all))
	}
	seen := map[string]bool{}
	for i, r := range paged {
		if seen[key(r)] {
			t.Errorf("row %s on two pages", key(r))
		}
		seen[key(r)] = true
		if i < len(all) && key(all[i]) != key(r) {
			t.Errorf("row %d: %s paged, %s in one request", i, key(r), key(all[i]))
		}
	}
	ctx := context.Background()
	family := map[string]string{}
	bySentence := map[string][]readmodel.EventRow{}
	for _, r := range all {
		if r.When == "" || rawTime.MatchString(r.When) {
			t.Errorf("%s: date shown as %q", key(r), r.When)
		}
		if r.EventType == "" || len(r.Types) == 0 || !slices.Contains(r.Types, r.Type) || r.Reports < 1 || len(r.Outlets) == 0 {
			t.Errorf("%s: columns missing: event type %q, types %v, reports %d, outlets %v", key(r), r.EventType, r.Types, r.Reports, r.Outlets)
		}
		if r.Place != "" && r.PlaceName == "" {
			t.Errorf("%s: place %s without a name", key(r), r.Place)
		}
		a, err := s.Article(ctx, r.Article)
		if err != nil {
			t.Fatal(err)
		}
		if a.Provenance != nil {
			family[r.Article] = a.Provenance.Family
		}
		for i, sent := range a.Sentences {
			if r.Start >= sent.Start && r.Start < sent.End {
				k := fmt.Sprintf("%s#%d", r.Article, i)
				bySentence[k] = append(bySentence[k], r)
			}
		}
	}
	for k, rs := range bySentence {
		for _, r := range rs {
			if r.Type == "casualties" && len(rs) > 1 {
				t.Errorf("sentence %s: casualties not folded into %v", k, rs)
			}
		}
	}
	stated := map[string]string{}
	copies := 0
	for _, r := range all {
		fam := family[r.Article]
		if fam == "" {
			continue
		}
		k := fam + "|" + r.Type + "|" + r.Time + "|" + r.Place + "|" + strings.Join(r.Actors, ",") + "|" + r.Target + "|" + r.Text
		if other, ok := stated[k]; ok && other != r.Article {
			t.Errorf("one event of family %s in two rows (%s and %s): %q", fam, other, r.Article, r.Text)
		}
		stated[k] = r.Article
		if r.Reports > 1 {
			copies++
		}
	}
	if copies == 0 {
		t.Error("no event counts a copy among its reports: the demo corpus has copies of reports with events")
	}
	// Filters, paged.
	var typ, place, actor string
	for _, r := range all {
		if typ == "" && len(r.Types) > 1 {
			typ = r.Types[len(r.Types)-1]
		}
		if place == "" && r.Place != "" {
			place = r.Place
		}
		if actor == "" && len(r.Actors) > 0 {
			actor = r.Actors[0]
		}
	}
	if typ == "" {
		typ = all[0].Type
	}
	for _, c := range []struct {
		query string
		keep  func(readmodel.EventRow) bool
	}{
		{"type=" + typ, func(r readmodel.EventRow) bool { return slices.Contains(r.Types, typ) }},
		{"place=" + url.QueryEscape(place), func(r readmodel.EventRow) bool { return r.Place == place }},
		{"actor=" + url.QueryEscape(actor), func(r readmodel.EventRow) bool { return slices.Contains(r.Actors, actor) || r.Target == actor }},
	} {
		got := walk(c.query, 2)
		want := 0
		for _, r := range all {
			if c.keep(r) {
				want++
			}
		}
		if len(got) != want || want == 0 {
			t.Errorf("%s: %d rows, want %d (and more than 0)", c.query, len(got), want)
		}
		for _, r := range got {
			if !c.keep(r) {
				t.Errorf("%s: row %s does not match", c.query, key(r))
			}
		}
	}
}

// TestEventPageHead: the first rows of a long first page, with their
// cursor, are the page a request of that limit returns, and the cursor
// continues where a request's would.
func TestEventPageHead(t *testing.T) {
	_, s := newServer(t)
	cat := readmodel.NewCatalog(s, 0)
	ids := func(rows []readmodel.EventRow) string {
		var b strings.Builder
		for _, r := range rows {
			fmt.Fprintf(&b, "%s@%d:%s ", r.Article, r.Start, r.Type)
		}
		return b.String()
	}
	ctx := context.Background()
	long, err := cat.EventRows(ctx, "", readmodel.EventFilter{}, "", 500)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, 2, 3, 5, 7} {
		want, err := cat.EventRows(ctx, "", readmodel.EventFilter{}, "", n)
		if err != nil {
			t.Fatal(err)
		}
		got := long.Head(n)
		if ids(got.Events) != ids(want.Events) {
			t.Errorf("Head(%d) rows differ from a page of %d", n, n)
		}
		a, err := cat.EventRows(ctx, "", readmodel.EventFilter{}, got.NextCursor, 4)
		if err != nil {
			t.Fatal(err)
		}
		b, err := cat.EventRows(ctx, "", readmodel.EventFilter{}, want.NextCursor, 4)
		if err != nil {
			t.Fatal(err)
		}
		if ids(a.Events) != ids(b.Events) || len(a.Events) == 0 {
			t.Errorf("Head(%d): the next page from its cursor differs from the next page of a request", n)
		}
	}
}
