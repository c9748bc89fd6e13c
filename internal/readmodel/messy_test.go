package readmodel

import (
	"strings"
	"testing"
	"time"

	linkentity "sitrep/internal/link/entity"
	"sitrep/internal/news"
)

func TestTitleOf(t *testing.T) {
	long := "The harbour authority of Velmora said on Tuesday that three grain ships had left the port under escort and more would follow."
	for _, c := range []struct {
		title, lead, outlet string
		published           time.Time
		want                string
	}{
		{"  Ferry sails  ", long, "Courier", day(1), "Ferry sails"},
		{"", "Officials met in Tarsk. They agreed on nothing.", "", time.Time{}, "Officials met in Tarsk."},
		{"", "\n- If it depends on us, there will be no war. We do not want it.", "", time.Time{}, "If it depends on us, there will be no war."},
		{"", long, "", time.Time{}, "The harbour authority of Velmora said on Tuesday that three grain ships had left the port…"},
		{"", "", "Courier", day(2), "Untitled report from Courier of 2 Mar 2024"},
		{"", "   ", "", time.Time{}, "Untitled report"},
		{"", strings.Repeat("я", 200), "", time.Time{}, strings.Repeat("я", MaxTitle) + "…"},
	} {
		got := TitleOf(c.title, c.lead, c.outlet, c.published)
		if got != c.want {
			t.Errorf("TitleOf(%q, %.30q…) = %q, want %q", c.title, c.lead, got, c.want)
		}
	}
}

func TestPeriodAndWhen(t *testing.T) {
	mid := func(d int) time.Time { return time.Date(2022, 5, d, 0, 0, 0, 0, time.UTC) }
	at := func(d, h int) time.Time { return time.Date(2022, 5, d, h, 30, 0, 0, time.UTC) }
	for _, c := range []struct {
		a, b time.Time
		want string
	}{
		{mid(1), mid(1), "1 May 2022"},
		{mid(1), mid(9), "1 May 2022 – 9 May 2022"},
		{at(1, 8), at(1, 17), "1 May 2022 08:30–17:30"},
		{at(1, 8), mid(3), "1 May 2022 08:30 – 3 May 2022"},
		{mid(1), at(1, 18), "1 May 2022"},
		{time.Time{}, time.Time{}, "undated"},
		{time.Time{}, at(2, 9), "2 May 2022 09:30"},
	} {
		if got := Period(c.a, c.b); got != c.want {
			t.Errorf("Period(%v, %v) = %q, want %q", c.a, c.b, got, c.want)
		}
	}
	if got := When(mid(4)); strings.Contains(got, "00:00") {
		t.Errorf("When of a date-only time = %q", got)
	}
}

func TestMetaLine(t *testing.T) {
	for _, c := range []struct {
		parts []string
		want  string
	}{
		{[]string{"", "by Ann", "2 May 2022"}, "by Ann · 2 May 2022"},
		{[]string{"Courier", "", " "}, "Courier"},
		{[]string{"", ""}, ""},
	} {
		if got := MetaLine(c.parts...); got != c.want {
			t.Errorf("MetaLine(%q) = %q, want %q", c.parts, got, c.want)
		}
	}
}

func TestMergeRolesFoldsSpellings(t *testing.T) {
	rows := mergeRoles([]RoleRow{
		{Role: "Ukraine’s president", From: "2022-01-02", To: "2022-01-02"},
		{Role: "the Ukraine's President,", From: "2022-03-01", To: "2022-03-01"},
		{Role: "foreign minister", From: "2022-02-01", To: "2022-02-01"},
	})
	if len(rows) != 2 || rows[0].Count != 2 || rows[0].To != "2022-03-01" || rows[1].Role != "foreign minister" {
		t.Errorf("mergeRoles = %+v", rows)
	}
}

func TestSpellings(t *testing.T) {
	e := &linkentity.Summary{Entity: "per:oleksandr-vantsa", Canonical: "Oleksandr Vantsa", Aliases: []news.EntityAlias{
		{Text: "Vantsa", Count: 9}, {Text: "Vantsya", Count: 5}, {Text: "the deputy minister", Count: 4},
		{Text: "Deputy Minister", Count: 3}, {Text: "Oleksandr Vantsya", Count: 2}, {Text: "VANTSA", Count: 1}}}
	got := spellings("Vantsa", e)
	want := []string{"Oleksandr Vantsa", "Vantsya", "Oleksandr Vantsya"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("spellings = %q, want %q", got, want)
	}
}

func TestSplitMarks(t *testing.T) {
	snip, marks := splitMarks("…the \x02ferry\x03 left \x02Velmora\x03 at dawn")
	if snip != "…the ferry left Velmora at dawn" || len(marks) != 2 || snip[marks[0][0]:marks[0][1]] != "ferry" || snip[marks[1][0]:marks[1][1]] != "Velmora" {
		t.Errorf("splitMarks = %q %v", snip, marks)
	}
}

// withSentences gives an article its sentences: each line one sentence.
func withSentences(id, text string) *news.Article {
	a := &news.Article{ID: id, Text: text}
	start := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		if s := strings.TrimSpace(line); s != "" {
			off := start + strings.Index(line, s)
			a.Sentences = append(a.Sentences, news.Sentence{Span: news.Span{Start: off, End: off + len(s)}})
		}
		start += len(line)
	}
	return a
}

func TestReuseOf(t *testing.T) {
	src := withSentences("src", "The convoy of forty trucks reached Velmora on Sunday morning.\n"+
		"Aid workers unloaded flour, medicine and blankets at the central depot.\n"+
		"The regional governor thanked the drivers for their courage on the road.\n"+
		"More convoys are expected before the end of the month, officials said.\n")
	copyOf := withSentences("copy", src.Text)
	r := ReuseOf(copyOf, src)
	if !r.Identical || len(r.Rows) != 1 || r.Rows[0].Kind != "identical" || r.Rows[0].Words != r.Words || r.Share != 1 {
		t.Errorf("verbatim copy: identical %v, %d rows, share %.2f, %+v", r.Identical, len(r.Rows), r.Share, r.Rows)
	}

	spun := withSentences("spun", "The convoy of forty lorries reached Velmora on Sunday morning.\n"+
		"Aid workers unloaded flour, medicine and blankets at the central depot.\n"+
		"A spokesman added that the road had been cleared of mines in April.\n"+
		"More convoys are anticipated before the end of the month, officials said.\n")
	r = ReuseOf(spun, src)
	kinds := []string{}
	for _, row := range r.Rows {
		kinds = append(kinds, row.Kind)
	}
	// The governor's sentence is left out; the spokesman's is new.
	if got := strings.Join(kinds, " "); !strings.Contains(got, "identical") || !strings.Contains(got, "new") || !strings.Contains(got, "dropped") {
		t.Errorf("spun copy rows: %s", got)
	}
	if r.Identical || r.Share <= 0.5 || r.Share >= 1 {
		t.Errorf("spun copy: identical %v, share %.2f", r.Identical, r.Share)
	}
	subs := map[string]string{}
	for _, row := range r.Rows {
		if len(row.HereSubs) != len(row.OfSubs) {
			t.Errorf("row %s: %d substitutions here, %d in the source", row.Kind, len(row.HereSubs), len(row.OfSubs))
			continue
		}
		for i := range row.HereSubs {
			subs[row.HereSubs[i].In(spun.Text)] = row.OfSubs[i].In(src.Text)
		}
	}
	if subs["lorries"] != "trucks" || subs["anticipated"] != "expected" {
		t.Errorf("substitutions marked: %v", subs)
	}
}
