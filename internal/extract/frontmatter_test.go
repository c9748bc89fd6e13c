package extract

import (
	"context"
	"testing"
	"time"

	"sitrep/internal/news"
)

func TestFrontMatter(t *testing.T) {
	body := "Shelling hit the port of Odesa overnight, the regional governor said.\n\nThree grain silos were damaged."
	tests := []struct {
		name, raw                  string
		pre                        news.Article
		title, url, outlet, author string
		published                  string // RFC 3339 date, "" for none
		text                       string
	}{
		{name: "a crawler's block", raw: "---\ntitle: \"Odesa port shelled: three silos hit\"\nsource: https://news.example.org/2031/03/12/odesa-port/\ndate: 2031-03-12\ndescription: \"The port was hit.\"\nword_count: 412\n---\n\n" + body,
			title: "Odesa port shelled: three silos hit", url: "https://news.example.org/2031/03/12/odesa-port/", outlet: "news.example.org",
			published: "2031-03-12", text: body},
		{name: "a site export with lists, comments and a time", raw: "---\n# exported\ntitle: 'Port shelled'\nauthor: Jane Doe\ntags:\n  - odesa\n  - ports\ndate: 2031-03-12T08:30:00Z\nsite_name: Black Sea Wire\n---\n" + body,
			title: "Port shelled", author: "Jane Doe", outlet: "Black Sea Wire", published: "2031-03-12", text: body},
		{name: "an agency export: entities, a minute-precise time, an author over several lines", raw: "---\nid: 001_0015816674\ntitle: \"Port&#x27;s silos hit\"\npublisher: Black Sea Wire\nauthor: \n\t\tJane Doe (jd@example.org)\n\t\npublished_at: 2031-03-12 09:30\ncrawled_at: 2031-03-13 01:31:03\nurl: https://wire.example.com/a/1\n---\n" + body,
			title: "Port's silos hit", url: "https://wire.example.com/a/1", outlet: "Black Sea Wire", published: "2031-03-12", text: body},
		{name: "the source's metadata wins", raw: "---\ntitle: Port shelled\ndate: 2031-03-12\n---\n" + body,
			pre: news.Article{Title: "Odesa hit", URL: "https://wire.example.com/odesa"}, title: "Odesa hit", url: "https://wire.example.com/odesa", outlet: "wire.example.com",
			published: "2031-03-12", text: body},
		{name: "a rule above prose is no block", raw: "---\nShelling hit the port: three silos burned.\n---\n" + body,
			text: "Shelling hit the port: three silos burned.\n\n" + body}, // (the extractor drops rules)
		{name: "a block that never closes is text", raw: "---\ntitle: Port shelled\n\n" + body,
			text: "title: Port shelled\n\n" + body},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := tt.pre
			a.Format, a.Raw = news.FormatText, []byte(tt.raw)
			if err := New(Options{}).Process(context.Background(), &a); err != nil {
				t.Fatal(err)
			}
			if a.Text != tt.text {
				t.Errorf("text %q, want %q", a.Text, tt.text)
			}
			if tt.title != "" && a.Title != tt.title {
				t.Errorf("title %q, want %q", a.Title, tt.title)
			}
			if a.URL != tt.url || a.Author != tt.author {
				t.Errorf("url %q author %q, want %q %q", a.URL, a.Author, tt.url, tt.author)
			}
			if tt.outlet != "" && a.Outlet != tt.outlet {
				t.Errorf("outlet %q, want %q", a.Outlet, tt.outlet)
			}
			got := ""
			if !a.Published.IsZero() {
				got = a.Published.Format(time.DateOnly)
			}
			if got != tt.published {
				t.Errorf("published %q, want %q", got, tt.published)
			}
		})
	}
}
