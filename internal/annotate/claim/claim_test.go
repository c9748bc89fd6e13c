package claim

import (
	"bytes"
	"context"
	"os"
	"reflect"
	"strings"
	"testing"

	"sitrep/internal/annotate/entity"
	"sitrep/internal/annotate/sentence"
	"sitrep/internal/demo"
	"sitrep/internal/extract"
	"sitrep/internal/news"
	"sitrep/internal/source/jsonl"
)

var ent = entity.New()

// annotate runs the stages the claim finder reads on a text.
func annotate(t testing.TB, text string) *news.Article {
	t.Helper()
	a := &news.Article{Text: text, Outlet: "The Test Gazette"}
	for _, st := range []interface {
		Process(context.Context, *news.Article) error
	}{sentence.New(), ent} {
		if err := st.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

func TestFind(t *testing.T) {
	tests := []struct {
		name, text                 string
		speaker, cue, content, hdg string
		direct                     bool
	}{
		{name: "subject before cue", text: "Ukrainian President Volodymyr Zelenskyy said on Monday that 3,000 troops were near the front.",
			speaker: "Zelensk", cue: "said", content: "3,000 troops were near the front"},
		{name: "trailing attribution", text: "North Korea was forming a 3,000-man battalion, Ukrainian outlets Suspilne and Liga said.",
			speaker: "Suspilne and Liga", cue: "said", content: "North Korea was forming a 3,000-man battalion"},
		{name: "according to", text: "According to the Pentagon, about 10,000 soldiers have arrived.",
			speaker: "Pentagon", cue: "according to", content: "about 10,000 soldiers have arrived"},
		{name: "according to at end", text: "About 10,000 soldiers have arrived, according to Western officials.",
			speaker: "Western officials", cue: "according to", content: "About 10,000 soldiers have arrived"},
		{name: "inverted", text: "“We will not stop,” said Olaf Scholz.",
			speaker: "Olaf Scholz", cue: "said", content: "“We will not stop,”", direct: true},
		{name: "appositive", text: "Two people were killed, the head of the city administration, Ivan Petrenko, said Tuesday.",
			speaker: "Ivan Petrenko", cue: "said", content: "Two people were killed, the head of the city administration"},
		{name: "hedge", text: "South Korea estimates that 15,000 troops may be deployed.",
			speaker: "South Korea", cue: "estimates", content: "15,000 troops may be deployed", hdg: "may"},
		{name: "interview", text: "The general told me in an interview that the line would hold.",
			speaker: "general", cue: "told me in an interview", content: "the line would hold"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := annotate(t, tt.text)
			cs := Find(a)
			if len(cs) == 0 {
				t.Fatalf("no claim in %q", tt.text)
			}
			c := cs[0]
			if !strings.Contains(c.Speaker, tt.speaker) {
				t.Errorf("speaker %q, want %q", c.Speaker, tt.speaker)
			}
			if c.Cue != tt.cue {
				t.Errorf("cue %q, want %q", c.Cue, tt.cue)
			}
			if got := c.Content.In(a.Text); got != tt.content {
				t.Errorf("content %q, want %q", got, tt.content)
			}
			if c.Direct != tt.direct {
				t.Errorf("direct %v, want %v", c.Direct, tt.direct)
			}
			if tt.hdg != "" && !contains(c.Hedges, tt.hdg) {
				t.Errorf("hedges %v, want %q", c.Hedges, tt.hdg)
			}
		})
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func TestPronounAndNesting(t *testing.T) {
	a := annotate(t, "Emmanuel Macron said the talks went well. He said 500 missiles would follow. "+
		"The Washington Post reported, quoting South Korean officials, that 1,500 soldiers had arrived.")
	cs := Find(a)
	if len(cs) < 4 {
		t.Fatalf("%d claims: %+v", len(cs), cs)
	}
	if !strings.Contains(cs[1].Speaker, "Macron") {
		t.Errorf("pronoun speaker %q, want Macron", cs[1].Speaker)
	}
	var q *news.Claim
	for i := range cs {
		if cs[i].Cue == "quoting" {
			q = &cs[i]
		}
	}
	if q == nil || q.Parent < 0 || cs[q.Parent].Cue != "reported" {
		t.Errorf("quoting claim not nested in the report: %+v", cs)
	}
}

func TestNoSpeakerNoClaim(t *testing.T) {
	a := annotate(t, "The bridge was destroyed on Friday. Said differently, nothing moved.")
	for _, c := range Find(a) {
		if c.Speaker == "" {
			t.Errorf("claim with empty speaker: %+v", c)
		}
	}
}

// demoArticles returns the demo corpus with the stages the finder reads.
func demoArticles(t testing.TB) []*news.Article {
	t.Helper()
	var arts []*news.Article
	err := jsonl.Read(bytes.NewReader(demo.Articles), "demo", 0, func(a *news.Article, err error) error {
		if err != nil {
			return err
		}
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	ex, sp := extract.New(extract.Options{}), sentence.New()
	for _, a := range arts {
		for _, st := range []interface {
			Process(context.Context, *news.Article) error
		}{ex, sp, ent} {
			if err := st.Process(context.Background(), a); err != nil {
				t.Fatal(err)
			}
		}
	}
	return arts
}

func TestDemoDump(t *testing.T) {
	if os.Getenv("CLAIM_DUMP") == "" {
		t.Skip("set CLAIM_DUMP=1 to print the demo claims")
	}
	for _, a := range demoArticles(t) {
		for _, c := range Find(a) {
			t.Logf("%s | %-30s | %-12s | %v | %v | %d | %s", a.Outlet, c.Speaker, c.Cue, c.Direct, c.Hedges, c.Parent, truncate(c.Content.In(a.Text), 80))
		}
	}
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func FuzzFind(f *testing.F) {
	f.Add("Officials said 3,000 troops arrived, according to Reuters.")
	f.Add("“It is over,” said he. He said: “No.”")
	f.Add("according to")
	f.Add(", said")
	f.Fuzz(func(t *testing.T, text string) {
		a := &news.Article{Text: text}
		_ = sentence.New().Process(context.Background(), a)
		cs := Find(a)
		for _, c := range cs {
			for _, sp := range []news.Span{c.Span, c.CueSpan, c.Content} {
				if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End {
					t.Fatalf("bad span %+v in %q", sp, text)
				}
			}
			if c.Parent < -1 || c.Parent >= len(cs) {
				t.Fatalf("bad parent %d", c.Parent)
			}
		}
	})
}

func BenchmarkFind(b *testing.B) {
	arts := demoArticles(b)
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			Find(a)
		}
	}
}

// BenchmarkStage runs the whole stage (the rules and the learned
// tagger's claims) over the demo articles; compare BenchmarkFind.
func BenchmarkStage(b *testing.B) {
	arts := demoArticles(b)
	s := New()
	words := 0
	for _, a := range arts {
		words += a.Words()
	}
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			if err := s.Process(context.Background(), a); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// TestHedgesNotMonthsOrNames: a capitalised "May" inside a sentence is
// the month or a name; the modal is written in lower case.
func TestHedgesNotMonthsOrNames(t *testing.T) {
	for _, c := range []struct {
		sentence string
		want     []string
	}{
		{"In May 300 soldiers were sent to the border, officials said.", nil},
		{"Theresa May said 40 diplomats would leave.", nil},
		{"About 300 soldiers may have been sent, officials said.", []string{"may"}},
		{"May 300 soldiers be sent? Officials would not say.", []string{"may"}},
	} {
		if got := hedges(c.sentence); !reflect.DeepEqual(got, c.want) {
			t.Errorf("hedges(%q) = %q, want %q", c.sentence, got, c.want)
		}
	}
}
