package api_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"sitrep/internal/api"
	"sitrep/internal/api/apitest"
	"sitrep/internal/ingest"
	"sitrep/internal/news"
	"sitrep/internal/readmodel"
	"sitrep/internal/source"
	"sitrep/internal/store/sqlite"
)

// TestThreadsPaging pages through every thread one at a time (each once,
// in the listing's order) and reads each thread: its stories are as many
// as it counts, each naming the thread, and every story of the store is
// in exactly one thread.
func TestThreadsPaging(t *testing.T) {
	srv, _ := newServer(t)
	var all readmodel.ThreadList
	getJSON(t, srv.URL+"/api/v1/threads?limit=1000", &all)
	if len(all.Threads) < 2 || all.NextCursor != "" {
		t.Fatalf("%d threads in one page (next %q), want at least 2 and no next page", len(all.Threads), all.NextCursor)
	}
	var got []string
	cursor := ""
	for pages := 0; ; pages++ {
		if pages > len(all.Threads) {
			t.Fatal("pagination does not end")
		}
		var p readmodel.ThreadList
		getJSON(t, srv.URL+"/api/v1/threads?limit=1&cursor="+cursor, &p)
		if len(p.Threads) > 1 {
			t.Fatalf("page of %d threads, limit 1", len(p.Threads))
		}
		for _, th := range p.Threads {
			got = append(got, th.ID)
		}
		if p.NextCursor == "" {
			break
		}
		cursor = p.NextCursor
	}
	if len(got) != len(all.Threads) {
		t.Fatalf("paged %d threads, want %d", len(got), len(all.Threads))
	}
	inThread := map[string]string{}
	for i, th := range all.Threads {
		if got[i] != th.ID {
			t.Fatalf("thread %d is %s paged, %s in one page", i, got[i], th.ID)
		}
		var d news.ThreadDetail
		getJSON(t, srv.URL+"/api/v1/threads/"+th.ID, &d)
		if strings.TrimSpace(th.Title) == "" || d.Thread.Title != th.Title {
			t.Errorf("thread %s titled %q in the list, %q on its own: want one title, never blank", th.ID, th.Title, d.Thread.Title)
		}
		if d.Thread.ID != th.ID || len(d.Stories) != th.Stories {
			t.Errorf("thread %s: %d stories listed, %d counted", th.ID, len(d.Stories), th.Stories)
		}
		for _, st := range d.Stories {
			if prev, ok := inThread[st.ID]; ok {
				t.Errorf("story %s in threads %s and %s", st.ID, prev, th.ID)
			}
			inThread[st.ID] = th.ID
			if strings.TrimSpace(st.Title) == "" {
				t.Errorf("story %s of thread %s has no title", st.ID, th.ID)
			}
			if st.Thread != th.ID {
				t.Errorf("story %s of thread %s names thread %q", st.ID, th.ID, st.Thread)
			}
		}
	}
	var stories readmodel.GroupPage
	getJSON(t, srv.URL+"/api/v1/stories?limit=1000", &stories)
	for _, g := range stories.Groups {
		if g.Thread == "" || inThread[g.ID] != g.Thread {
			t.Errorf("story %s: thread %q in the listing, %q by the threads", g.ID, g.Thread, inThread[g.ID])
		}
	}
}

// TestUntitledThreadGetsATitle ingests a report without a title: its
// thread and story are listed under its opening sentence, never blank.
func TestUntitledThreadGetsATitle(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.OpenTemp(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rec := `{"text": "Ferry crews in Velmora walked out on Monday over unpaid wages. The harbour authority said talks would resume on Friday, and that about 40 sailings had been cancelled."}` + "\n"
	if _, err := ingest.Run(ctx, source.Stream(ctx, "untitled.jsonl", strings.NewReader(rec), source.Options{}), s, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := apitest.Link(ctx, s); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api.New(readmodel.NewCatalog(s, 0), api.Options{}))
	defer srv.Close()
	var list readmodel.ThreadList
	getJSON(t, srv.URL+"/api/v1/threads", &list)
	if len(list.Threads) != 1 {
		t.Fatalf("%d threads, want 1", len(list.Threads))
	}
	const want = "Ferry crews in Velmora walked out on Monday over unpaid wages."
	if got := list.Threads[0].Title; got != want {
		t.Errorf("thread title %q, want %q", got, want)
	}
	var d news.ThreadDetail
	getJSON(t, srv.URL+"/api/v1/threads/"+list.Threads[0].ID, &d)
	if len(d.Stories) != 1 || d.Stories[0].Title != want {
		t.Errorf("thread stories %+v, want one titled %q", d.Stories, want)
	}
}
