package demo

import (
	"bufio"
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// record is one line of articles.jsonl, decoded here with the standard
// library alone so the test does not depend on the source package.
type record struct {
	Key       string `json:"key"`
	URL       string `json:"url"`
	Outlet    string `json:"outlet"`
	Title     string `json:"title"`
	Author    string `json:"author"`
	Published string `json:"published"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
}

// body is the report's text, or its HTML page.
func (r *record) body() string {
	if r.Text != "" {
		return r.Text
	}
	return r.HTML
}

var (
	articleElem = regexp.MustCompile(`(?s)<article>(.*)</article>`)
	tag         = regexp.MustCompile(`<[^>]*>`)
)

// words counts the words of the report's prose: the text, or what lies
// inside the page's <article> element.
func (r *record) words() int {
	if r.Text != "" {
		return len(strings.Fields(r.Text))
	}
	m := articleElem.FindStringSubmatch(r.HTML)
	if m == nil {
		return 0
	}
	return len(strings.Fields(tag.ReplaceAllString(m[1], " ")))
}

func loadRecords(t *testing.T) ([]record, map[string]*record) {
	t.Helper()
	var recs []record
	sc := bufio.NewScanner(bytes.NewReader(Articles))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		var r record
		if err := dec.Decode(&r); err != nil {
			t.Fatalf("articles.jsonl line %d: %v", n, err)
		}
		recs = append(recs, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	byKey := make(map[string]*record, len(recs))
	for i := range recs {
		r := &recs[i]
		if r.Key == "" {
			t.Errorf("line %d: no key", i+1)
		}
		if _, dup := byKey[r.Key]; dup {
			t.Errorf("duplicate key %q", r.Key)
		}
		byKey[r.Key] = r
	}
	return recs, byKey
}

func loadTruth(t *testing.T) *Truth {
	t.Helper()
	tr, err := LoadTruth()
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

func TestArticles(t *testing.T) {
	recs, _ := loadRecords(t)
	if n := len(recs); n < 14 || n > 18 {
		t.Errorf("%d articles, want 14-18", n)
	}
	dates := map[string]bool{}
	var undated, htmlPages, bare int
	for _, r := range recs {
		switch {
		case r.Text == "" && r.HTML == "":
			t.Errorf("%s: neither text nor html", r.Key)
		case r.Text != "" && r.HTML != "":
			t.Errorf("%s: both text and html", r.Key)
		}
		if !strings.HasPrefix(r.URL, "https://") || !strings.Contains(r.URL, ".example/") {
			t.Errorf("%s: url %q is not an https://….example/ address", r.Key, r.URL)
		}
		if r.Published == "" {
			undated++
		} else if p, err := time.Parse(time.RFC3339, r.Published); err != nil {
			t.Errorf("%s: published: %v", r.Key, err)
		} else {
			dates[p.Format(time.DateOnly)] = true
		}
		if r.HTML != "" {
			htmlPages++
			for _, want := range []string{"<title>", `property="og:site_name"`, `name="author"`, "<article>", "<p>", "<nav>", "<footer>"} {
				if !strings.Contains(r.HTML, want) {
					t.Errorf("%s: page lacks %s", r.Key, want)
				}
			}
		}
		if r.Outlet == "" && r.Title == "" && r.Author == "" {
			bare++
		}
		if w := r.words(); w < 100 || w > 450 {
			t.Errorf("%s: %d words, want 100-450", r.Key, w)
		}
	}
	if len(dates) < 5 {
		t.Errorf("articles on %d dates, want at least 5", len(dates))
	}
	if undated == 0 {
		t.Error("every article has a date; want at least one without")
	}
	if htmlPages < 2 || htmlPages > 3 {
		t.Errorf("%d HTML pages, want 2-3", htmlPages)
	}
	if bare-htmlPages < 2 {
		t.Errorf("%d text reports without outlet/title/author, want at least 2", bare-htmlPages)
	}
}

func TestTruthArticles(t *testing.T) {
	recs, byKey := loadRecords(t)
	tr := loadTruth(t)
	kinds := []string{KindOriginal, KindCopy, KindPartialCopy, KindRewrite, KindSummary, KindSpun, KindFiller, KindOpinion}
	seen := map[string]bool{}
	for _, a := range tr.Articles {
		r, ok := byKey[a.Key]
		if !ok {
			t.Errorf("truth names unknown article %q", a.Key)
			continue
		}
		if seen[a.Key] {
			t.Errorf("truth lists %q twice", a.Key)
		}
		seen[a.Key] = true
		if !slices.Contains(kinds, a.Provenance.Kind) {
			t.Errorf("%s: provenance kind %q", a.Key, a.Provenance.Kind)
		}
		derived := !slices.Contains([]string{KindOriginal, KindOpinion, KindFiller}, a.Provenance.Kind)
		switch of := a.Provenance.Of; {
		case derived && of == "":
			t.Errorf("%s: %s of nothing", a.Key, a.Provenance.Kind)
		case of != "" && byKey[of] == nil:
			t.Errorf("%s: provenance of unknown article %q", a.Key, of)
		case of == a.Key:
			t.Errorf("%s: derives from itself", a.Key)
		}
		if a.Outlet == "" {
			t.Errorf("%s: no outlet in truth", a.Key)
		}
		for _, m := range []struct{ field, got, want string }{
			{"outlet", r.Outlet, a.Outlet},
			{"title", r.Title, a.Title},
			{"author", r.Author, a.Author},
		} {
			if m.got != "" && m.got != m.want {
				t.Errorf("%s: jsonl %s %q, truth %q", a.Key, m.field, m.got, m.want)
			}
		}
		if a.Title != "" && !strings.Contains(r.body(), a.Title) && r.Title == "" {
			t.Errorf("%s: title %q is neither in the jsonl nor in the body", a.Key, a.Title)
		}
		if a.DeclaredSource != "" && !strings.Contains(r.body(), a.DeclaredSource) {
			t.Errorf("%s: declared source %q not in the body", a.Key, a.DeclaredSource)
		}
	}
	for _, r := range recs {
		if !seen[r.Key] {
			t.Errorf("article %q has no truth", r.Key)
		}
	}

	inStory := map[string]string{}
	for _, s := range tr.Stories {
		for _, k := range s.Articles {
			if byKey[k] == nil {
				t.Errorf("story %s: unknown article %q", s.Slug, k)
			}
			if prev, dup := inStory[k]; dup {
				t.Errorf("article %s in stories %s and %s", k, prev, s.Slug)
			}
			inStory[k] = s.Slug
		}
	}
	if len(tr.Stories) < 2 {
		t.Errorf("%d stories, want at least 2", len(tr.Stories))
	}
	for _, a := range tr.Articles {
		if inStory[a.Key] != a.Story {
			t.Errorf("%s: story %q, but stories list it under %q", a.Key, a.Story, inStory[a.Key])
		}
	}
}

func TestFigures(t *testing.T) {
	_, byKey := loadRecords(t)
	tr := loadTruth(t)
	speakers := map[string]bool{}
	for _, e := range tr.Entities {
		speakers[e.Canonical] = true
	}
	for _, a := range tr.Articles {
		speakers[a.Outlet] = true
	}
	approx := []string{ApproxExact, ApproxAbout, ApproxAtLeast, ApproxMoreThan, ApproxAtMost, ApproxLessThan, ApproxUpTo, ApproxRange, ApproxVague}
	measures := map[string]bool{}
	for i, f := range tr.Figures {
		r := byKey[f.Article]
		if r == nil {
			t.Errorf("figure %d: unknown article %q", i, f.Article)
			continue
		}
		if k := tr.Article(f.Article).Provenance.Kind; k != KindOriginal && k != KindOpinion {
			t.Errorf("figure %d: listed for %s, a %s", i, f.Article, k)
		}
		if f.Text == "" || !strings.Contains(r.body(), f.Text) {
			t.Errorf("figure %d: %q not in %s", i, f.Text, f.Article)
		}
		if !slices.Contains(approx, f.Approx) {
			t.Errorf("figure %d: approx %q", i, f.Approx)
		}
		switch f.Approx {
		case ApproxRange:
			if f.Value != nil || f.Low == nil || f.High == nil || *f.Low >= *f.High {
				t.Errorf("figure %d: range %q needs low < high and no value", i, f.Text)
			}
		case ApproxVague:
			if f.Value != nil {
				t.Errorf("figure %d: vague %q has a value", i, f.Text)
			}
		default:
			if f.Value == nil || f.Low != nil || f.High != nil {
				t.Errorf("figure %d: %q needs a value and no bounds", i, f.Text)
			}
		}
		if _, err := time.Parse(time.DateOnly, f.Time); err != nil {
			t.Errorf("figure %d: time: %v", i, err)
		}
		if !speakers[f.Speaker] {
			t.Errorf("figure %d: speaker %q is neither an entity nor an outlet", i, f.Speaker)
		}
		if f.Unit == "" || f.Counts == "" || f.Measure == "" {
			t.Errorf("figure %d: %q lacks unit, counts or measure", i, f.Text)
		}
		measures[f.Measure] = true
	}

	// The corpus promises a figure with no speaker but the outlet, and a
	// troop count that moves from day to day.
	var unattributed bool
	troopDays := map[string]bool{}
	for _, f := range tr.Figures {
		if f.Speaker == tr.Article(f.Article).Outlet {
			unattributed = true
		}
		if f.Measure == "kazhar-troops-in-veldana" {
			troopDays[f.Time] = true
		}
	}
	if !unattributed {
		t.Error("no figure is attributed to its own outlet")
	}
	if len(troopDays) < 3 {
		t.Errorf("troop figures on %d days, want at least 3", len(troopDays))
	}

	if len(tr.Contradictions) == 0 {
		t.Error("no contradictions")
	}
	for _, c := range tr.Contradictions {
		if !measures[c.Measure] {
			t.Errorf("contradiction on unknown measure %q", c.Measure)
		}
		days, who := map[string]bool{}, map[string]bool{}
		for _, k := range c.Articles {
			if byKey[k] == nil {
				t.Errorf("contradiction on %s: unknown article %q", c.Measure, k)
			}
			for _, f := range tr.Figures {
				if f.Article == k && f.Measure == c.Measure {
					days[f.Time] = true
					who[f.Speaker] = true
				}
			}
		}
		if len(who) < 2 {
			t.Errorf("contradiction on %s: %d speakers, want at least 2", c.Measure, len(who))
		}
		shared := false
		for _, k := range c.Articles {
			if p := byKey[k]; p != nil && len(p.Published) >= len(time.DateOnly) && days[p.Published[:len(time.DateOnly)]] {
				shared = true
			}
		}
		if !shared {
			t.Errorf("contradiction on %s: no figure given on its reports' day", c.Measure)
		}
	}
}

func TestEntities(t *testing.T) {
	recs, _ := loadRecords(t)
	tr := loadTruth(t)
	var all strings.Builder
	for _, r := range recs {
		all.WriteString(r.Title)
		all.WriteString("\n")
		all.WriteString(r.body())
		all.WriteString("\n")
	}
	corpus := all.String()
	types := []string{"PER", "ORG", "LOC", "GPE"}
	canon := map[string]bool{}
	for _, e := range tr.Entities {
		if canon[e.Canonical] {
			t.Errorf("entity %q listed twice", e.Canonical)
		}
		canon[e.Canonical] = true
		if !slices.Contains(types, e.Type) {
			t.Errorf("%s: type %q", e.Canonical, e.Type)
		}
		if len(e.Aliases) == 0 {
			t.Errorf("%s: no aliases", e.Canonical)
		}
		for _, a := range append(slices.Clone(e.Aliases), e.Demonyms...) {
			if !strings.Contains(corpus, a) {
				t.Errorf("%s: %q occurs in no article", e.Canonical, a)
			}
		}
	}
}

// derived returns the one report of the given kind and the report it
// derives from.
func derived(t *testing.T, kind string) (*record, *record) {
	t.Helper()
	_, byKey := loadRecords(t)
	tr := loadTruth(t)
	for _, a := range tr.Articles {
		if a.Provenance.Kind == kind {
			r, of := byKey[a.Key], byKey[a.Provenance.Of]
			if r == nil || of == nil {
				t.Fatalf("%s %s: article or its source %q is missing", kind, a.Key, a.Provenance.Of)
			}
			return r, of
		}
	}
	t.Fatalf("no %s in the corpus", kind)
	return nil, nil
}

func TestCopies(t *testing.T) {
	copied, orig := derived(t, KindCopy)
	if copied.Text != orig.Text {
		t.Errorf("%s is not a verbatim copy of %s", copied.Key, orig.Key)
	}
	if copied.Outlet == orig.Outlet {
		t.Errorf("%s keeps the original's outlet", copied.Key)
	}

	part, orig := derived(t, KindPartialCopy)
	pp := strings.Split(part.Text, "\n\n")
	op := strings.Split(orig.Text, "\n\n")
	if !slices.Equal(pp[1:], op[:len(op)-1]) {
		t.Errorf("%s is not intro + %s without its last paragraph", part.Key, orig.Key)
	}
	if part.Title == orig.Title {
		t.Errorf("%s keeps the original headline", part.Key)
	}

	sum, orig := derived(t, KindSummary)
	if sum.words() >= orig.words()/2 {
		t.Errorf("summary %s has %d words, original %d", sum.Key, sum.words(), orig.words())
	}
}

func TestSpun(t *testing.T) {
	spun, orig := derived(t, KindSpun)
	for _, p := range []string{"troopers", "entrance line", "stated", "officers", "protection ministry",
		"Merged Press", "Linden Home", "Halden Middle for Safety Research"} {
		if !strings.Contains(spun.Text, p) {
			t.Errorf("spun copy lacks %q", p)
		}
	}
	for _, p := range []string{"front line", "Consolidated Press", "Linden House", "Halden Centre", "defence ministry"} {
		if !strings.Contains(orig.Text, p) {
			t.Errorf("original lacks %q", p)
		}
		if strings.Contains(spun.Text, p) {
			t.Errorf("spun copy keeps %q", p)
		}
	}
	for _, p := range []string{"3,000", "8,000", "$250m", "19", "Danylo Korinsky", "Ines Vaalgren", "Petra Solheim", "Ilona Brest"} {
		if !strings.Contains(spun.Text, p) {
			t.Errorf("spun copy lost %q", p)
		}
	}
	if a, b := len(strings.Split(spun.Text, "\n\n")), len(strings.Split(orig.Text, "\n\n")); a != b {
		t.Errorf("spun copy has %d paragraphs, original %d", a, b)
	}
}

func TestShapes(t *testing.T) {
	_, byKey := loadRecords(t)
	tr := loadTruth(t)
	for _, a := range tr.Articles {
		r := byKey[a.Key]
		switch a.Provenance.Kind {
		case KindFiller:
			if !strings.HasSuffix(r.Text, "Exit mobile version") || !strings.Contains(r.Text, "In summary") {
				t.Errorf("filler %s lacks its tells", a.Key)
			}
		case KindOpinion:
			if !strings.HasPrefix(r.Text, a.Author+"\n") || !strings.Contains(r.Text, "No comments:\nPost a Comment") {
				t.Errorf("blog %s lacks byline or comment tail", a.Key)
			}
		case KindRewrite:
			if !strings.Contains(r.Text, "Original Source: "+a.DeclaredSource) {
				t.Errorf("rewrite %s lacks its source line", a.Key)
			}
		}
	}
	if k := byKey["kestrel-analysis"]; k == nil || !strings.HasSuffix(k.Text, "\nanalysis@Kestrel News") {
		t.Error("analysis lacks its signature line")
	}
}
