package api_test

import (
	"testing"

	"sitrep/internal/news"
	"sitrep/internal/readmodel"
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
		if d.Thread.ID != th.ID || len(d.Stories) != th.Stories {
			t.Errorf("thread %s: %d stories listed, %d counted", th.ID, len(d.Stories), th.Stories)
		}
		for _, st := range d.Stories {
			if prev, ok := inThread[st.ID]; ok {
				t.Errorf("story %s in threads %s and %s", st.ID, prev, th.ID)
			}
			inThread[st.ID] = th.ID
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
