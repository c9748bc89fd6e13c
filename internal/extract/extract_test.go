package extract

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"sitrep/internal/news"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json")

// golden is what a fixture's golden file records.
type golden struct {
	Error          string `json:"error,omitempty"`
	Title          string `json:"title,omitempty"`
	Author         string `json:"author,omitempty"`
	Outlet         string `json:"outlet,omitempty"`
	Published      string `json:"published,omitempty"`
	Language       string `json:"language,omitempty"`
	DeclaredSource string `json:"declared_source,omitempty"`
	Text           string `json:"text,omitempty"`
	Problems       string `json:"problems,omitempty"`
}

func formatOf(path string) news.Format {
	if strings.HasSuffix(path, ".html") {
		return news.FormatHTML
	}
	return news.FormatText
}

// TestGolden runs every testdata/*.txt and *.html fixture and compares
// the outcome with its .golden.json file.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/*.*")
	if err != nil {
		t.Fatal(err)
	}
	ex := New(Options{})
	n := 0
	for _, in := range inputs {
		if strings.HasSuffix(in, ".golden.json") {
			continue
		}
		n++
		t.Run(filepath.Base(in), func(t *testing.T) {
			raw, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			a := &news.Article{Raw: raw, Format: formatOf(in)}
			err = ex.Process(context.Background(), a)
			var got golden
			if err != nil {
				if !errors.Is(err, news.ErrRejected) {
					t.Errorf("error %v does not wrap news.ErrRejected", err)
				}
				got.Error = err.Error()
			} else {
				got = golden{
					Title: a.Title, Author: a.Author, Outlet: a.Outlet, Language: a.Language,
					DeclaredSource: a.DeclaredSource, Text: a.Text,
				}
				for _, p := range a.Problems {
					got.Problems += p.Stage + ": " + p.Message + "\n"
				}
				if !a.Published.IsZero() {
					got.Published = a.Published.Format(time.DateOnly)
				}
				checkText(t, a)
			}
			path := strings.TrimSuffix(in, filepath.Ext(in)) + ".golden.json"
			if *update {
				b, err := json.MarshalIndent(got, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create)", err)
			}
			var want golden
			if err := json.Unmarshal(b, &want); err != nil {
				t.Fatal(err)
			}
			if got != want {
				gb, _ := json.MarshalIndent(got, "", "  ")
				t.Errorf("got\n%s\nwant\n%s", gb, b)
			}
		})
	}
	if n == 0 {
		t.Fatal("no fixtures")
	}
}

// checkText asserts the invariants every accepted article's text keeps.
func checkText(t *testing.T, a *news.Article) {
	t.Helper()
	if !utf8.ValidString(a.Text) {
		t.Errorf("text is not valid UTF-8")
	}
	if a.Text != strings.TrimSpace(a.Text) {
		t.Errorf("text has leading or trailing space")
	}
	if strings.Contains(a.Text, "\n\n\n") || strings.Contains(a.Text, "  ") || strings.Contains(a.Text, "\r") {
		t.Errorf("text has uncollapsed space: %q", a.Text)
	}
	if a.ID != news.ArticleID(a.URL, a.Text) {
		t.Errorf("ID %q is not ArticleID(URL, Text)", a.ID)
	}
}

// TestInputs covers small cases not worth a fixture file.
func TestInputs(t *testing.T) {
	tests := []struct {
		name    string
		format  news.Format
		raw     string
		pre     news.Article // metadata the source set
		reject  string       // substring of the rejection, "" to accept
		text    string
		title   string
		author  string
		outlet  string
		declare string
	}{
		{name: "empty", format: news.FormatText, raw: "", reject: "empty"},
		{name: "only spaces", format: news.FormatText, raw: " \n\t\r\n \u200b ", reject: "empty"},
		{name: "only boilerplate", format: news.FormatText, raw: "Advertisement\nShare this article\nNo comments:\nPost a Comment", reject: "empty"},
		{name: "nul byte", format: news.FormatText, raw: "abc\x00def", reject: "binary"},
		{name: "control soup", format: news.FormatText, raw: "\x01\x02\x03\x04ab\x05\x06\x07\x08", reject: "binary"},
		{name: "mostly invalid", format: news.FormatText, raw: "\xfb\xfd\xfc\xff\xfe hello \xc3\x28\xa0\xa1", reject: "not UTF-8"},
		{name: "stray invalid byte", format: news.FormatText, raw: strings.Repeat("Troops moved north. ", 20) + "\xff end.", text: strings.TrimSpace(strings.Repeat("Troops moved north. ", 20)) + " \uFFFD end."},
		{name: "html binary", format: news.FormatHTML, raw: "<html>\x00\x01</html>", reject: "binary"},
		{name: "html no body", format: news.FormatHTML, raw: "<html><head><title>x</title></head><body></body></html>", reject: "no article body"},
		{name: "unknown format", format: "pdf", raw: "x", reject: "unknown format"},
		{name: "crlf and nfc", format: news.FormatText, raw: "Cafe\u0301 owners fled.\r\n\r\nShelling resumed.", text: "Café owners fled.\n\nShelling resumed."},
		{name: "zero width and controls", format: news.FormatText, raw: "Kyi\u200bv was\u00a0 hit\x07 again.\ufeff", text: "Kyiv was hit again."},
		{name: "curly quotes kept", format: news.FormatText, raw: "“We hold,” he said. It’s cold.", text: "“We hold,” he said. It’s cold."},
		{
			name: "source metadata wins", format: news.FormatText,
			raw:   "Ukraine Says Front Holds Near Pokrovsk\nBy Jane Doe\nThe front held overnight.",
			pre:   news.Article{Title: "Front holds", Author: "Reuters Staff"},
			title: "Front holds", author: "Reuters Staff",
			text: "Ukraine Says Front Holds Near Pokrovsk\n\nBy Jane Doe\n\nThe front held overnight.",
		},
		{
			name: "same title dropped", format: news.FormatText,
			raw:   "Ukraine Says Front Holds Near Pokrovsk\nBy Jane Doe\nThe front held overnight.",
			pre:   news.Article{Title: "Ukraine says front holds near Pokrovsk"},
			title: "Ukraine says front holds near Pokrovsk", author: "Jane Doe", text: "The front held overnight.",
		},
		{
			name: "by line with outlet", format: news.FormatText,
			raw:    "By Olena Kovalenko, Kyiv Independent\nShelling hit Kharkiv.\nSource: Kyiv Independent",
			author: "Olena Kovalenko", declare: "Kyiv Independent", text: "Shelling hit Kharkiv.",
		},
		{
			name: "republished line", format: news.FormatText,
			raw:     "Drones struck a depot.\nThis article was originally published by The Conversation. Read the original article.",
			declare: "The Conversation", text: "Drones struck a depot.",
		},
		{
			name: "sources said is body", format: news.FormatText,
			raw:  "Drones struck a depot.\nFollow-up strikes are expected.\nSources said the talks would resume.",
			text: "Drones struck a depot.\n\nFollow-up strikes are expected.\n\nSources said the talks would resume.",
		},
		{
			name: "email is no signature", format: news.FormatText,
			raw:  "Drones struck a depot.\ntips@example.com",
			text: "Drones struck a depot.\n\ntips@example.com",
		},
		{
			name: "list items stay apart", format: news.FormatText,
			raw:  "The package includes:\n- 155mm shells\n- air defence missiles\n- armoured vehicles",
			text: "The package includes:\n\n- 155mm shells\n\n- air defence missiles\n\n- armoured vehicles",
		},
		{
			name: "hyphen wrap", format: news.FormatText,
			raw:  "Ukraine launched a counter-\noffensive in the south last year.",
			text: "Ukraine launched a counter-offensive in the south last year.",
		},
		{
			name: "hard wrapped blocks", format: news.FormatText,
			raw:  "Kyiv came under a heavy missile attack early on Tuesday, officials\nsaid, with explosions heard across the capital and in the\nsurrounding region.\n\nAir defences shot down most of the missiles, the air force\nsaid in a statement.",
			text: "Kyiv came under a heavy missile attack early on Tuesday, officials said, with explosions heard across the capital and in the surrounding region.\n\nAir defences shot down most of the missiles, the air force said in a statement.",
		},
	}
	ex := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := tt.pre
			a.Raw, a.Format = []byte(tt.raw), tt.format
			err := ex.Process(context.Background(), &a)
			if tt.reject != "" {
				if err == nil || !errors.Is(err, news.ErrRejected) || !strings.Contains(err.Error(), tt.reject) {
					t.Fatalf("err = %v, want rejection %q", err, tt.reject)
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			checkText(t, &a)
			check := func(field, got, want string) {
				if got != want {
					t.Errorf("%s = %q, want %q", field, got, want)
				}
			}
			check("text", a.Text, tt.text)
			check("title", a.Title, tt.title)
			check("author", a.Author, tt.author)
			check("outlet", a.Outlet, tt.outlet)
			check("declared source", a.DeclaredSource, tt.declare)
			if a.Raw != nil {
				t.Errorf("Raw kept after extraction: %d bytes", len(a.Raw))
			}
		})
	}
}

// seedDir holds real reports; it lives outside the repository.
const seedDir = "../../../shared/seeds"

// TestSeeds checks concrete outcomes on the real seed reports.
func TestSeeds(t *testing.T) {
	if _, err := os.Stat(seedDir); err != nil {
		t.Skipf("no seeds: %v", err)
	}
	type check struct {
		title, author, outlet, declared string
		contains, absent                []string
		paragraphs                      []string // must each be one whole paragraph
	}
	checks := map[string]check{
		"000": {
			outlet:   "Al Jazeera",
			contains: []string{"recapture of Vuhledar", "Russia has warned", "Elon Musk’s Starlink", "president’s victory plan"},
			absent:   []string{"analysis@", "\nRussia\n"},
		},
		"001": {author: "David Kirichenko", absent: []string{"No comments:", "Post a Comment", "David Kirichenko"}},
		"002": {
			title:    "Ukraine War Intensifies as North Korean Troops Support Russia",
			declared: "www.independent.co.uk",
			absent:   []string{"Original Source", "Ukraine War Intensifies as"},
		},
		"003": {absent: []string{"Exit mobile version"}},
		"004": {paragraphs: []string{"Extra US navy assist?", "Ukraine cities bombarded"}},
	}
	files, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if len(files) == 0 {
		t.Skip("no seed files")
	}
	ex := New(Options{})
	for _, f := range files {
		key := filepath.Base(f)[:3]
		t.Run(key, func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			a := &news.Article{Raw: raw, Format: news.FormatText, Path: f}
			if err := ex.Process(context.Background(), a); err != nil {
				t.Fatal(err)
			}
			checkText(t, a)
			if a.Language != "en" {
				t.Errorf("language = %q, want en", a.Language)
			}
			c := checks[key]
			if c.title != "" && a.Title != c.title {
				t.Errorf("title = %q, want %q", a.Title, c.title)
			}
			if c.author != "" && a.Author != c.author {
				t.Errorf("author = %q, want %q", a.Author, c.author)
			}
			if c.outlet != "" && a.Outlet != c.outlet {
				t.Errorf("outlet = %q, want %q", a.Outlet, c.outlet)
			}
			if c.declared != "" && a.DeclaredSource != c.declared {
				t.Errorf("declared source = %q, want %q", a.DeclaredSource, c.declared)
			}
			for _, s := range c.contains {
				if !strings.Contains(a.Text, s) {
					t.Errorf("text lacks %q", s)
				}
			}
			for _, s := range c.absent {
				if strings.Contains(a.Text, s) {
					t.Errorf("text still has %q", s)
				}
			}
			paras := strings.Split(a.Text, "\n\n")
			for _, p := range c.paragraphs {
				found := false
				for _, q := range paras {
					found = found || q == p
				}
				if !found {
					t.Errorf("no paragraph %q", p)
				}
			}
			if testing.Verbose() {
				t.Logf("title=%q author=%q outlet=%q declared=%q paragraphs=%d\n%s", a.Title, a.Author, a.Outlet, a.DeclaredSource, len(paras), a.Text)
			}
		})
	}
}

func TestDetectLanguage(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"english news", "The defence ministry said on Monday that a convoy of forty trucks had crossed the northern border overnight. Officials said the trucks carried fuel and spare parts for the garrison, and that more were expected in the coming days as the situation on the ground was still unclear to them.", "en"},
		{"german news", "Das Verteidigungsministerium teilte am Montag mit, dass ein Konvoi von vierzig Lastwagen in der Nacht die nördliche Grenze überquert habe. Die Lastwagen hätten Treibstoff und Ersatzteile für die Garnison geladen, sagten Beamte, und weitere würden in den kommenden Tagen erwartet, da die Lage vor Ort noch unklar sei.", "de"},
		{"spanish news", "El ministerio de defensa dijo el lunes que un convoy de cuarenta camiones había cruzado la frontera norte durante la noche. Los funcionarios dijeron que los camiones transportaban combustible y piezas de repuesto para la guarnición, y que se esperaban más en los próximos días porque la situación sobre el terreno seguía sin estar clara.", "es"},
		{"too short to tell", "Convoy crosses border.", ""},
	}
	for _, tt := range tests {
		if got := detectLanguage(tt.text); got != tt.want {
			t.Errorf("%s: detectLanguage = %q, want %q", tt.name, got, tt.want)
		}
	}
}
