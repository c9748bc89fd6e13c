package timex

import (
	"context"
	"fmt"
	"sitrep/internal/annotate/tokens"
	"strings"
	"testing"
	"time"

	"sitrep/internal/annotate/sentence"
	"sitrep/internal/news"
)

// pub is a Thursday: 2024-10-17, ISO week 42.
var pub = time.Date(2024, 10, 17, 9, 30, 0, 0, time.UTC)

type want struct {
	text, value, gran, mod string
}

type row struct {
	name string
	text string
	pub  time.Time
	want []want
}

func find(text string, p time.Time) []news.TimeExpr {
	return New().Find(text, sentence.Tokenize(text), p)
}

func describe(e news.TimeExpr) string {
	return fmt.Sprintf("{%q %q %s mod=%q}", e.Text, e.Value, e.Granularity, e.Mod)
}

func run(t *testing.T, rows []row) {
	t.Helper()
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			got := find(r.text, r.pub)
			if len(got) != len(r.want) {
				var b strings.Builder
				for _, e := range got {
					b.WriteString("\n  " + describe(e))
				}
				t.Fatalf("%q: got %d expressions, want %d:%s", r.text, len(got), len(r.want), b.String())
			}
			for i, w := range r.want {
				e := got[i]
				exp := fmt.Sprintf("{%q %q %s mod=%q}", w.text, w.value, w.gran, w.mod)
				if g := describe(e); g != exp {
					t.Errorf("#%d:\n got %s\nwant %s", i, g, exp)
				}
				if e.Text != r.text[e.Start:e.End] {
					t.Errorf("span %v is not %q", e.Span, e.Text)
				}
				if e.Resolved != (e.Value != "") {
					t.Errorf("%q: resolved = %v with value %q", e.Text, e.Resolved, e.Value)
				}
			}
		})
	}
}

func TestRelative(t *testing.T) {
	run(t, []row{
		{"last week", "allies last week announced aid", pub, []want{{"last week", "2024-W41", Week, ""}}},
		{"spun final week", "warned final week that", pub, []want{{"final week", "2024-W41", Week, ""}}},
		{"on Tuesday", "The Washington Post reported on Tuesday, quoting", pub, []want{{"Tuesday", "2024-10-15", Day, ""}}},
		{"bare Tuesday", "Sullivan met Tuesday with", pub, []want{{"Tuesday", "2024-10-15", Day, ""}}},
		{"same weekday", "said on Thursday", pub, []want{{"Thursday", "2024-10-17", Day, ""}}},
		{"future weekday", "Donors are due to meet on Friday.", pub, []want{{"Friday", "2024-10-18", Day, ""}}},
		{"future Monday", "ministers will discuss sanctions on Monday.", pub, []want{{"Monday", "2024-10-21", Day, ""}}},
		{"last Tuesday", "last Tuesday", pub, []want{{"last Tuesday", "2024-10-15", Day, ""}}},
		{"next Thursday", "next Thursday", pub, []want{{"next Thursday", "2024-10-24", Day, ""}}},
		{"this month", "recapture of Vuhledar this month", pub, []want{{"this month", "2024-10", Month, ""}}},
		{"earlier this year", "signing a pact earlier this year during", pub, []want{{"earlier this year", "2024-01-01/2024-10-17", Interval, ""}}},
		{"later this month", "later this month", pub, []want{{"later this month", "2024-10-17/2024-10-31", Interval, ""}}},
		{"next year", "deliver Mirage fighter jets next year", pub, []want{{"next year", "2025", Year, ""}}},
		{"last year", "reclaimed in a counteroffensive last year.", pub, []want{{"last year", "2023", Year, ""}}},
		{"by Christmas", "shells by Christmas through", pub, []want{{"by Christmas", "2024-12-25", Day, "by"}}},
		{"by the end of the year", "allocating $1.5bn by the end of the year", pub, []want{{"by the end of the year", "2024", Year, "by end"}}},
		{"spun yr's finish", "by yr’s finish, the US", pub, []want{{"by yr’s finish", "2024", Year, "by end"}}},
		{"in June", "a partnership in June, which", pub, []want{{"June", "2024-06", Month, ""}}},
		{"month later in the year", "entered in November", pub, []want{{"November", "2023-11", Month, ""}}},
		{"future month", "A follow-up conference is planned for September.", time.Date(2031, 3, 14, 0, 0, 0, 0, time.UTC), []want{{"September", "2031-09", Month, ""}}},
		{"going back looks back", "There is no going back to October 2 for the villagers.", pub, []want{{"October 2", "2024-10-02", Day, ""}}},
		{"plans alone looks back", "The plans agreed on September 30 were shelved.", pub, []want{{"September 30", "2024-09-30", Day, ""}}},
		{"an event's name looks back", "Leaders vowed to destroy the group in response to its October 7 attack.", time.Date(2025, 7, 31, 0, 0, 0, 0, time.UTC), []want{{"October 7", "2024-10-07", Day, ""}}},
		{"the event's name looks back", "They have vowed revenge for the October 7 attack.", time.Date(2025, 7, 31, 0, 0, 0, 0, time.UTC), []want{{"October 7", "2024-10-07", Day, ""}}},
		{"its meeting looks ahead", "Traders bet the Fed will cut rates at its September 17 meeting.", time.Date(2025, 7, 31, 0, 0, 0, 0, time.UTC), []want{{"September 17", "2025-09-17", Day, ""}}},
		{"on the date looks ahead", "Ministers will meet on the 5th of August.", time.Date(2025, 7, 31, 0, 0, 0, 0, time.UTC), []want{{"the 5th of August", "2025-08-05", Day, ""}}},
		{"October 3", "in Ukraine on October 3 when", pub, []want{{"October 3", "2024-10-03", Day, ""}}},
		{"days after the report is upcoming", "Delegations meet in Geneva on October 20 for a second round.", pub, []want{{"October 20", "2024-10-20", Day, ""}}},
		{"New Year just past", "North Korea held New Year celebrations at the stadium.", time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), []want{{"New Year", "2026-01-01", Day, ""}}},
		{"New Year days ahead", "Families gathered for the New Year celebrations.", time.Date(2025, 12, 22, 0, 0, 0, 0, time.UTC), []want{{"New Year", "2026-01-01", Day, ""}}},
		{"New Year's Day months ago", "The strike on New Year’s Day killed dozens of soldiers.", pub, []want{{"New Year’s Day", "2024-01-01", Day, ""}}},
		{"New Year's Day ahead", "Talks will resume on New Year’s Day.", pub, []want{{"New Year’s Day", "2025-01-01", Day, ""}}},
		{"weeks after the report is last year's", "The harvest fair of December 5 drew crowds.", pub, []want{{"December 5", "2023-12-05", Day, ""}}},
		{"two days later", "on October 3 when a strike killed six. He said two days later that", pub, []want{{"October 3", "2024-10-03", Day, ""}, {"two days later", "2024-10-05", Day, ""}}},
		{"today yesterday", "today and yesterday", pub, []want{{"today", "2024-10-17", Day, ""}, {"yesterday", "2024-10-16", Day, ""}}},
		{"ago", "three weeks ago", pub, []want{{"three weeks ago", "2024-W39", Week, ""}}},
		{"this fall and winter", "this fall and winter", pub, []want{{"this fall", "2024-FA", Season, ""}}},
		{"last October", "signed a treaty last October.", time.Date(2031, 3, 10, 0, 0, 0, 0, time.UTC), []want{{"last October", "2030-10", Month, ""}}},
		{"since February", "has tracked the movements since February.", time.Date(2031, 3, 12, 0, 0, 0, 0, time.UTC), []want{{"since February", "2031-02", Month, "since"}}},
		{"before the end of April", "will arrive before the end of April,", time.Date(2031, 3, 12, 0, 0, 0, 0, time.UTC), []want{{"before the end of April", "2031-04", Month, "before end"}}},
		{"since the autumn", "have held a strip since the autumn, and", time.Date(2031, 3, 12, 0, 0, 0, 0, time.UTC), []want{{"since the autumn", "2030-FA", Season, "since"}}},
		{"before the summer", "expected further rotations before the summer.", time.Date(2031, 3, 10, 0, 0, 0, 0, time.UTC), []want{{"before the summer", "2031-SU", Season, "before"}}},
	})
}

func TestAbsolute(t *testing.T) {
	run(t, []row{
		{"day month year", "on 3 October 2024 the", time.Time{}, []want{{"3 October 2024", "2024-10-03", Day, ""}}},
		{"month day year", "on Oct. 3, 2024", time.Time{}, []want{{"Oct. 3, 2024", "2024-10-03", Day, ""}}},
		{"since the fall of 2023", "Since the fall of 2023, North Korea has", time.Time{}, []want{{"Since the fall of 2023", "2023-FA", Season, "since"}}},
		{"in 2023", "in 2023 the war", time.Time{}, []want{{"2023", "2023", Year, ""}}},
		{"year adjective", "Russia’s 2022 invasion", time.Time{}, []want{{"2022", "2022", Year, ""}}},
		{"year range", "in 2022-23", time.Time{}, []want{{"2022-23", "2022/2023", Interval, ""}}},
		{"month year", "June 2024", time.Time{}, []want{{"June 2024", "2024-06", Month, ""}}},
		{"decade", "built in the 1970s", time.Time{}, []want{{"the 1970s", "197", Decade, ""}}},
		{"mid year", "mid-2024", time.Time{}, []want{{"mid-2024", "2024", Year, "mid"}}},
		{"early year", "early 2023", time.Time{}, []want{{"early 2023", "2023", Year, "start"}}},
		{"quarter", "the first quarter of 2024", time.Time{}, []want{{"the first quarter of 2024", "2024-Q1", Quarter, ""}}},
		{"anchored on absolute", "On 3 October 2024 it began. Two days later it ended.", time.Time{}, []want{{"3 October 2024", "2024-10-03", Day, ""}, {"Two days later", "2024-10-05", Day, ""}}},
		{"not a year", "killed 2000 people", time.Time{}, nil},
	})
}

func TestUnresolved(t *testing.T) {
	for _, text := range []string{"last week", "on Tuesday", "this month", "earlier this year", "next year",
		"by Christmas", "by the end of the year", "in June", "October 3", "two days later", "three weeks ago"} {
		t.Run(text, func(t *testing.T) {
			got := find(text, time.Time{})
			if len(got) != 1 {
				t.Fatalf("%q: got %d expressions", text, len(got))
			}
			if got[0].Resolved || got[0].Value != "" {
				t.Errorf("%q: resolved %v value %q, want unresolved", text, got[0].Resolved, got[0].Value)
			}
			if got[0].Granularity == "" {
				t.Errorf("%q: no granularity", text)
			}
		})
	}
}

func TestDurations(t *testing.T) {
	run(t, []row{
		{"three years", "for three years", pub, []want{{"three years", "P3Y", Duration, ""}}},
		{"nearly three-year war", "the nearly three-year war", pub, []want{{"nearly three-year", "P3Y", Duration, "approx"}}},
		{"spun just about", "the just about three-year conflict", pub, []want{{"about three-year", "P3Y", Duration, "approx"}}},
		{"six weeks", "in six weeks", pub, []want{{"six weeks", "P6W", Duration, ""}}},
		{"two-hour", "the two-hour meeting", pub, []want{{"two-hour", "PT2H", Duration, ""}}},
		{"digits", "24 hours", pub, []want{{"24 hours", "PT24H", Duration, ""}}},
		{"decades", "two decades", pub, []want{{"two decades", "P20Y", Duration, ""}}},
		{"past three weeks", "over the past three weeks", pub, []want{{"the past three weeks", "P3W", Duration, ""}}},
		{"vague", "for weeks", pub, []want{{"for weeks", "PXW", Duration, ""}}},
		{"age is not", "a 12-year-old boy and a three-year-old", pub, nil},
		{"rate is not", "$2,000 a month", pub, nil},
		{"up to twelve hours", "up to twelve hours a day", pub, []want{{"up to twelve hours", "PT12H", Duration, "less_than"}}},
	})
}

func TestProcess(t *testing.T) {
	s := New()
	a := &news.Article{Text: "last week", Published: pub}
	if err := s.Process(context.Background(), a); err != ErrNoTokens {
		t.Fatalf("err = %v, want ErrNoTokens", err)
	}
	a.Tokens = sentence.Tokenize(a.Text)
	if err := s.Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if len(a.Times) != 1 || a.Times[0].Value != "2024-W41" {
		t.Fatalf("times = %+v", a.Times)
	}
}

// TestLinear checks that nested expressions cannot make the scanner do
// more than a constant amount of work per token.
func TestLinear(t *testing.T) {
	for _, unit := range []string{"early ", "the end of ", "since ", "mid-", "by the end of early "} {
		text := strings.Repeat(unit, 5000) + "2023"
		toks := sentence.Tokenize(text)
		sc := scanner{t: loadTables(), View: tokens.NewView(text, toks), pub: pub, hasPub: true}
		sc.run()
		if sc.calls > 4*len(toks) {
			t.Errorf("%q×5000: %d calls for %d tokens", unit, sc.calls, len(toks))
		}
	}
}
