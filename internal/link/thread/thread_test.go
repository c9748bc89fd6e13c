package thread

import (
	"context"
	"fmt"
	"testing"
	"time"

	"sitrep/internal/link/story"
	"sitrep/internal/news"
)

func day(d int) time.Time { return time.Date(2031, 6, 1, 12, 0, 0, 0, time.UTC).AddDate(0, 0, d) }

// article builds an annotated article in story st: title, text,
// publication day (-1: undated) and entity IDs.
func article(id, st, title, text string, d int, entities ...string) *news.Article {
	a := &news.Article{ID: id, Story: st, Title: title, Text: text}
	if d >= 0 {
		a.Published = day(d)
	}
	for _, e := range entities {
		a.Entities = append(a.Entities, news.Mention{Entity: e, Text: e})
	}
	return a
}

// The articles are written for the test: a ferry dispute between two
// invented states over weeks, and unrelated news.
var (
	ferry1 = article("f1", "s1", "Oskaria closes the Brenn strait to Valdan ferries",
		"Oskaria closed the Brenn strait to ferries flying the Valdan flag, stranding passengers in Port Ilse. Valdan officials called the closure a blockade.", 0,
		"gpe:oskaria", "gpe:valdania", "loc:brenn", "loc:ilse")
	ferry2 = article("f2", "s2", "Valdan ferry operators sue over the Brenn strait closure",
		"Ferry operators from Valdania filed suit against Oskaria over the closure of the Brenn strait, which has kept their ferries in port for a week.", 8,
		"gpe:oskaria", "gpe:valdania", "loc:brenn")
	ferry3 = article("f3", "s3", "Talks to reopen the Brenn strait to ferries stall",
		"Talks between Oskaria and Valdania on reopening the Brenn strait to ferries stalled as Oskarian negotiators demanded inspections of every ferry.", 20,
		"gpe:oskaria", "gpe:valdania", "loc:brenn")
	harvest = article("h1", "s4", "Mirelle wheat harvest reaches a record",
		"Farmers in Mirelle brought in a record wheat harvest after a mild spring, and grain prices fell across the region's markets.", 10,
		"gpe:mirelle")
	// A later report of story s1 that says little of the ferries: it
	// stays in the story's thread.
	ferry1b = article("f1b", "s1", "Markets in Port Ilse", "Grain and wheat prices at the markets of Port Ilse were steady.", 2, "loc:ilse")
)

func run(t *testing.T, opts Options, arts ...*news.Article) *Memory {
	t.Helper()
	m := NewMemory(arts, nil)
	n, err := New(m, opts).Link(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if n != len(arts) {
		t.Fatalf("linked %d articles, want %d", n, len(arts))
	}
	return m
}

func TestThreads(t *testing.T) {
	m := run(t, Options{}, ferry1, ferry1b, ferry2, ferry3, harvest)
	got := m.Assignments()
	for _, id := range []string{"f1b", "f2", "f3"} {
		if got[id] != got["f1"] {
			t.Errorf("%s in thread %s, f1 in %s: one ferry dispute", id, got[id], got["f1"])
		}
	}
	if got["h1"] == got["f1"] {
		t.Errorf("the harvest joined the ferry thread %s", got["f1"])
	}
	if got["f1"] != "f1" {
		t.Errorf("the ferry thread is %s, want its first article's ID f1", got["f1"])
	}
	// Each story is in exactly one thread.
	story := map[string]string{}
	for id, th := range got {
		s := m.articles[id].Story
		if prev, ok := story[s]; ok && prev != th {
			t.Errorf("story %s in threads %s and %s", s, prev, th)
		}
		story[s] = th
	}
	st, err := m.ThreadState(context.Background(), got["f1"])
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 4 || st.Stories != 3 || !st.First.Equal(day(0)) || !st.Last.Equal(day(20)) {
		t.Errorf("ferry thread: %d articles, %d stories, %v to %v; want 4, 3, day 0 to day 20", st.Articles, st.Stories, st.First, st.Last)
	}
}

// TestWindow: the same dispute a year later, with no report between, is
// another thread.
func TestWindow(t *testing.T) {
	later := article("f9", "s9", ferry3.Title, ferry3.Text, 400, "gpe:oskaria", "gpe:valdania", "loc:brenn")
	got := run(t, Options{}, ferry1, ferry2, later).Assignments()
	if got["f9"] == got["f1"] {
		t.Errorf("a report 400 days later joined thread %s", got["f1"])
	}
}

// TestQuietThread: a thread with no report for more than DefaultWindow
// has gone quiet; a report on the same situation after that starts a new
// thread, while the 60-day window of before joins it.
func TestQuietThread(t *testing.T) {
	later := article("f9", "s9", ferry3.Title, ferry3.Text, 8+25, "gpe:oskaria", "gpe:valdania", "loc:brenn")
	if got := run(t, Options{Window: 60 * 24 * time.Hour}, ferry1, ferry2, later).Assignments(); got["f9"] != got["f1"] {
		t.Fatalf("with a 60-day window a report 25 days on did not join (%v); the fixture tests nothing", got)
	}
	if got := run(t, Options{}, ferry1, ferry2, later).Assignments(); got["f9"] == got["f1"] {
		t.Errorf("a report 25 days after the thread's last joined it: %v", got)
	}
}

// TestMerge: two threads started apart, then a report that bridges them
// merges them, and the log says so.
func TestMerge(t *testing.T) {
	port := article("p1", "s5", "Tarnholm dockers strike over unpaid wages",
		"Dockers in Tarnholm walked out over unpaid wages, leaving cargo cranes idle along the quays.", 1, "loc:tarnholm")
	bridge := article("b1", "s6", "Tarnholm dockers strike join Brenn strait ferry blockade protest",
		"Striking Tarnholm dockers over unpaid wages joined ferry crews protesting the Oskarian blockade of the Brenn strait to Valdan ferries, leaving cargo cranes idle and ferries in port.", 3,
		"loc:tarnholm", "gpe:oskaria", "gpe:valdania", "loc:brenn")
	opts := Options{Threshold: 0.3, Merge: 0.3}
	m := run(t, opts, ferry1, port, bridge)
	got := m.Assignments()
	if got["p1"] == got["f1"] && len(m.Events()) < 3 {
		t.Fatalf("the strike joined the ferry thread before the bridge: events %+v", m.Events())
	}
	if got["p1"] != got["f1"] || got["b1"] != got["f1"] {
		t.Fatalf("threads after the bridge: %v, want one", got)
	}
	var merges []Event
	for _, e := range m.Events() {
		if e.Kind == news.ThreadMerged {
			merges = append(merges, e)
		}
	}
	if len(merges) != 1 || merges[0].Article != "b1" || merges[0].Thread != got["f1"] || merges[0].Other == got["f1"] || merges[0].Score < opts.Merge {
		t.Errorf("merges = %+v, want one by b1 into %s", merges, got["f1"])
	}
	if _, err := m.ThreadState(context.Background(), merges[0].Other); err == nil {
		t.Errorf("merged thread %s still has a state", merges[0].Other)
	}
	// With merging off the bridge joins one thread and the other stays.
	if got := run(t, Options{Threshold: 0.3, Merge: -1}, ferry1, port, bridge).Assignments(); got["p1"] == got["f1"] {
		t.Errorf("threads merged with merging off: %v", got)
	}
}

// TestMeasures: a shared global measure is evidence of one thread.
func TestMeasures(t *testing.T) {
	a := article("m1", "s7", "Oskaria counts stranded passengers", "Oskarian officials counted the stranded passengers at the port.", 0, "gpe:oskaria")
	b := article("m2", "s8", "A new count of stranded travellers", "Officials gave a new count of travellers left at the harbour.", 5, "gpe:oskaria")
	d := Features(b, map[int]string{0: "measure-x"}, 0)
	s := State{ID: "m1", Last: day(0), First: day(0), Measures: map[string]float64{"measure-x": 1}}
	o := Options{}.withDefaults()
	with := o.score(d, &s, nil, 0)
	s.Measures = nil
	without := o.score(d, &s, nil, 0)
	if with <= without {
		t.Errorf("score with a shared measure %.3f, without %.3f", with, without)
	}
	m := NewMemory([]*news.Article{a, b}, map[string]map[int]string{"m1": {0: "measure-x"}, "m2": {0: "measure-x"}})
	if _, err := New(m, Options{}).Link(context.Background()); err != nil {
		t.Fatal(err)
	}
	if st, _ := m.ThreadState(context.Background(), m.Assignments()["m1"]); st.Measures["measure-x"] == 0 {
		t.Errorf("thread state %+v keeps no measure", st)
	}
}

// TestIdempotent: linking again links nothing and changes nothing.
func TestIdempotent(t *testing.T) {
	m := run(t, Options{}, ferry1, ferry2, harvest)
	before := fmt.Sprint(m.Assignments())
	n, err := New(m, Options{}).Link(context.Background())
	if err != nil || n != 0 || fmt.Sprint(m.Assignments()) != before {
		t.Errorf("second run linked %d (%v), assignments %v, before %s", n, err, m.Assignments(), before)
	}
}

// BenchmarkLinkArticle measures the thread step's cost per article over
// 400 written articles in 40 situations, published over 200 days.
func BenchmarkLinkArticle(b *testing.B) {
	var arts []*news.Article
	for i := range 400 {
		sit := i % 40
		arts = append(arts, article(fmt.Sprintf("a%03d", i), fmt.Sprintf("s%03d", i/2),
			fmt.Sprintf("Situation %d: report %d on the dispute of place%d", sit, i, sit),
			fmt.Sprintf("Officials of place%d and place%d met over the dispute number %d; talks on cargo%d and ferry%d went on for report %d.", sit, sit+1, sit, sit, sit, i),
			i/2, fmt.Sprintf("gpe:place%d", sit), fmt.Sprintf("per:leader%d", sit), "gpe:region"))
	}
	b.ReportAllocs()
	for b.Loop() {
		m := NewMemory(arts, nil)
		if _, err := New(m, Options{}).Link(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(arts)), "ns/article")
}

// A thread chained report by report closes once it is MaxSpan old: the
// same dispute reported every 20 days starts a second thread after the
// span, and stays in one thread without the bound.
func TestMaxSpanClosesAThread(t *testing.T) {
	var arts []*news.Article
	for i := range 5 {
		a := *ferry3
		a.ID, a.Story, a.Published = fmt.Sprintf("f%d", i), fmt.Sprintf("s%d", i), day(20*i)
		arts = append(arts, &a)
	}
	// Reports 20 days apart: a window wider than the quiet rule's.
	wide := 30 * 24 * time.Hour
	got := run(t, Options{MaxSpan: 50 * 24 * time.Hour, Window: wide}, arts...).Assignments()
	if got["f1"] != got["f0"] || got["f2"] != got["f0"] {
		t.Errorf("within the span: f0 %s, f1 %s, f2 %s, want one thread", got["f0"], got["f1"], got["f2"])
	}
	if got["f3"] == got["f0"] || got["f4"] != got["f3"] {
		t.Errorf("after the span: f0 %s, f3 %s, f4 %s, want f3 and f4 in a new thread", got["f0"], got["f3"], got["f4"])
	}
	open := run(t, Options{MaxSpan: -1, Window: wide}, arts...).Assignments()
	if open["f4"] != open["f0"] {
		t.Errorf("without a bound f4 is in %s, f0 in %s, want one thread", open["f4"], open["f0"])
	}
}

// A commentary piece (opinion genre) joins a thread only on strong
// evidence: the same text as a news report joins the ferry thread, as an
// opinion piece it scores between the join threshold and Broad and
// starts its own thread.
func TestCommentaryNeedsStrongEvidence(t *testing.T) {
	col := article("c1", "s9", "What the quarrel tells us about small states",
		"Small states learn how little treaties weigh: the closure of the Brenn strait to Valdan ferries is one more lesson for them.", 12,
		"gpe:valdania")
	m := run(t, Options{}, ferry1, ferry2, col)
	if got := m.Assignments(); got["c1"] != got["f1"] {
		t.Fatalf("as news the piece should join the ferry thread: %v", got)
	}
	op := *col
	op.Genre = &news.Genre{Kind: news.GenreOpinion}
	m = run(t, Options{}, ferry1, ferry2, &op)
	if got := m.Assignments(); got["c1"] == got["f1"] {
		t.Errorf("an opinion piece joined the ferry thread on weak evidence: %v", got)
	}
	m = run(t, Options{Broad: -1}, ferry1, ferry2, &op)
	if got := m.Assignments(); got["c1"] != got["f1"] {
		t.Errorf("with Broad off the opinion piece should join like news: %v", got)
	}
}

// Shared evidence counts as specific only when few active threads hold
// it: an entity every active thread holds does not let an article join.
func TestSpecificEvidence(t *testing.T) {
	o := Options{}.withDefaults()
	doc := Doc{Doc: story.Doc{Entities: map[string]float64{"gpe:region": 1, "per:leader1": 1}, Title: map[string]bool{"war": true}}}
	th := func(ents ...string) State {
		s := State{Entities: map[string]float64{}, Terms: map[string]float64{"war": 1}}
		for _, e := range ents {
			s.Entities[e] = 1
		}
		return s
	}
	active := []State{th("gpe:region"), th("gpe:region"), th("gpe:region", "per:leader1"), th("gpe:region")}
	held := heldBy(doc, active)
	if o.specific(doc, &active[0], held, len(active)) {
		t.Errorf("a thread sharing only what every active thread holds counts as specific")
	}
	if !o.specific(doc, &active[2], held, len(active)) {
		t.Errorf("a thread sharing a rare entity does not count as specific")
	}
	doc.Measures = map[string]bool{"m1": true}
	active[0].Measures = map[string]float64{"m1": 1}
	if !o.specific(doc, &active[0], held, len(active)) {
		t.Errorf("a shared global measure does not count as specific")
	}
}

// An untitled record (a feed that gives only the text) is filed by its
// first sentence, as a desk would headline it: its words are the title
// words the step compares, and without them it would have none.
func TestUntitledHeadline(t *testing.T) {
	a := article("u1", "s10", "", "Oskaria reopened the Brenn strait to Valdan ferries on Monday. Passengers boarded at dawn.", 30, "gpe:oskaria")
	a.Sentences = []news.Sentence{{Span: news.Span{Start: 0, End: 62}}, {Span: news.Span{Start: 63, End: len(a.Text)}}}
	d := Features(a, nil, 0)
	for _, w := range []string{"oskaria", "reopened", "brenn", "strait", "ferry"} {
		if !d.Title[w] {
			t.Errorf("headline words %v lack %q", d.Title, w)
		}
	}
	if d.Title["passenger"] || d.Title["dawn"] {
		t.Errorf("headline words %v reach past the first sentence", d.Title)
	}
	titled := Features(ferry1, nil, 0)
	if titled.Title["stranding"] || !titled.Title["close"] {
		t.Errorf("a titled article's headline words %v are not its title's", titled.Title)
	}
}

// A round-up (a live blog, a digest of the day) joins a thread only when
// its headline is that thread's news; it never merges threads, never
// joins a thread of round-ups alone, and does not pull a thread's
// centroid towards everything it summarises.
func TestRoundups(t *testing.T) {
	digest := func(id, st, title string, d int) *news.Article {
		a := article(id, st, title,
			"Oskaria closed the Brenn strait to Valdan ferries. Farmers in Mirelle brought in a record wheat harvest. Dockers in Tarnholm walked out over wages.", d,
			"gpe:oskaria", "gpe:valdania", "loc:brenn", "gpe:mirelle", "loc:tarnholm")
		a.Genre = &news.Genre{Kind: news.GenreAggregated}
		return a
	}
	day5 := digest("r1", "s11", "What we know on day 5", 5)
	asNews := *day5
	asNews.Genre = nil
	if got := run(t, Options{}, ferry1, ferry2, &asNews).Assignments(); got["r1"] != got["f1"] {
		t.Fatalf("as news the digest should join the ferry thread (the test's premise): %v", got)
	}
	m := run(t, Options{}, ferry1, ferry2, day5)
	if got := m.Assignments(); got["r1"] == got["f1"] {
		t.Errorf("a digest whose headline names no thread joined the ferry thread: %v", got)
	}
	if got := run(t, Options{Roundup: -1}, ferry1, ferry2, day5).Assignments(); got["r1"] != got["f1"] {
		t.Errorf("with Roundup off the digest should join like news: %v", got)
	}
	// Its headline is the thread's news: it joins, and leaves the
	// centroid as it was.
	blog := digest("r2", "s12", "Brenn strait closed to Valdan ferries – live", 5)
	blog.Genre = &news.Genre{Kind: news.GenreLive}
	m = run(t, Options{}, ferry1, ferry2, blog)
	got := m.Assignments()
	if got["r2"] != got["f1"] {
		t.Fatalf("a live blog headed with the thread's news did not join it: %v", got)
	}
	st, _ := m.ThreadState(context.Background(), got["f1"])
	if st.Entities["gpe:mirelle"] != 0 || st.Terms["harvest"] != 0 || st.Roundups != 1 || st.Articles != 3 {
		t.Errorf("the live blog changed the centroid (mirelle %.2f, harvest %.2f) or the counts (%d round-ups of %d)",
			st.Entities["gpe:mirelle"], st.Terms["harvest"], st.Roundups, st.Articles)
	}
	// Digests of a series do not make a thread of their own.
	day6 := digest("r3", "s13", "What we know on day 6", 6)
	if got := run(t, Options{}, day5, day6).Assignments(); got["r3"] == got["r1"] {
		t.Errorf("two digests made one thread: %v", got)
	}
	if got := run(t, Options{}, day5, ferry2).Assignments(); got["f2"] == got["r1"] {
		t.Errorf("a report joined a thread of a digest alone: %v", got)
	}
	// A round-up never bridges two threads.
	port := article("p1", "s5", "Tarnholm dockers strike over unpaid wages",
		"Dockers in Tarnholm walked out over unpaid wages, leaving cargo cranes idle along the quays.", 1, "loc:tarnholm")
	bridge := digest("r4", "s14", "Tarnholm dockers and the Brenn strait ferry blockade – live", 3)
	bridge.Genre = &news.Genre{Kind: news.GenreLive}
	bridge.Text = "Striking Tarnholm dockers over unpaid wages joined ferry crews protesting the Oskarian blockade of the Brenn strait to Valdan ferries, leaving cargo cranes idle and ferries in port."
	bridgeNews := *bridge
	bridgeNews.Genre = nil
	opts := Options{Threshold: 0.3, Merge: 0.3}
	if got := run(t, opts, ferry1, port, &bridgeNews).Assignments(); got["p1"] != got["f1"] {
		t.Fatalf("as news the bridge should merge the threads (the test's premise): %v", got)
	}
	if got := run(t, opts, ferry1, port, bridge).Assignments(); got["p1"] == got["f1"] {
		t.Errorf("a live blog merged two threads: %v", got)
	}
}
