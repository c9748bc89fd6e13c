package provenance

import (
	"strings"
	"testing"

	"sitrep/internal/news"
)

// report is a made-up news report of a few paragraphs, for the
// hardening tests.
const report = `Engineers restored power to the eastern district of Dorovets on Tuesday after a storm brought down twelve transmission towers.
The regional grid operator said crews worked through the night to replace the damaged lines near the river crossing.
About 40,000 households had been without electricity since Sunday evening, according to the operator.
Schools in the district will reopen on Wednesday, the mayor's office said in a statement.
The storm also flooded two bridges, which remain closed to heavy vehicles until inspectors have examined them.`

// other is an unrelated report from another desk.
const other = `The city council approved a new budget for the harbour on Monday after a long debate about fishing quotas.
Council members voted nine to four in favour of the plan, which raises port fees for cargo ships by a tenth.
The harbour master said the extra money would pay for dredging the northern channel before the winter.
Opponents argued that the higher fees would drive shipping companies to the rival port along the coast.
A final vote on the fishing quotas is expected next month, once the ministry has published its review.`

func TestFurnitureIsNotReuse(t *testing.T) {
	furniture := "Last modified on Thu 24 Mar 2022 14.10 GMT\nShare on Facebook\nSupport our independent journalism today\nBy Anna Kowal and Piet Smit\n"
	a := &news.Article{ID: "a", Text: furniture + report, Outlet: "Daily Lamp"}
	// A short item of the same site: the furniture is a third of its words.
	b := &news.Article{ID: "b", Text: furniture + strings.SplitN(other, "\n", 2)[0], Outlet: "Daily Lamp"}
	v := NewJudge(nil, nil, nil).Judge(b, []Source{{Article: a}})
	if Derived(v.Kind) {
		t.Errorf("two reports sharing only page furniture: got %s of %s, want no derivation", v.Kind, v.Of)
	}
	for _, line := range strings.Split(strings.TrimSpace(furniture), "\n") {
		d := newDoc(line, nil)
		if len(d.sentences) != 1 || !d.sentences[0].furniture {
			t.Errorf("%q: not read as page furniture", line)
		}
	}
	for _, s := range strings.Split(report, "\n") {
		d := newDoc(s, nil)
		if d.sentences[0].furniture {
			t.Errorf("%q: a sentence of the report read as furniture", s)
		}
	}
}

func TestSameURLIsRevision(t *testing.T) {
	a := &news.Article{ID: "a", URL: "https://www.example-institute.org/research/assessment-march-3", Text: report}
	// Fetched again later, with a tracking query; the update adds a line.
	b := &news.Article{ID: "b", URL: "http://example-institute.org/research/assessment-march-3/?utm_source=feed",
		Text: report + "\nRepairs to the bridges are expected to take three weeks, the operator added."}
	v := NewJudge(nil, nil, nil).Judge(b, []Source{{Article: a}})
	if v.Kind != KindRevision || v.Of != "a" {
		t.Errorf("the same page fetched twice: got %s of %q, want revision of a", v.Kind, v.Of)
	}
	// Another page of the same site quoting the report is not a revision.
	c := &news.Article{ID: "c", URL: "https://example-institute.org/research/assessment-march-4", Text: other}
	if v := NewJudge(nil, nil, nil).Judge(c, []Source{{Article: a}}); v.Kind == KindRevision {
		t.Errorf("another page of the site: got revision")
	}
	if sameDocument("https://example.org/", "https://example.org") {
		t.Errorf("a site's front page fetched twice is not one report")
	}
}

func TestTranslation(t *testing.T) {
	src := &news.Article{ID: "pl", Language: "pl", Text: `Inżynierowie przywrócili w Dorovets prąd we wtorek po tym, jak burza zniszczyła 12 słupów.
Operator sieci Gridco poinformował, że ekipy pracowały całą noc w pobliżu przeprawy na rzece Wolna.
Około 40,000 gospodarstw domowych w Dorovets nie miało prądu od niedzieli, według Gridco.
Burmistrz Anna Kowal powiedziała, że szkoły zostaną otwarte w środę.`}
	en := &news.Article{ID: "en", Language: "en", Text: `Engineers restored power in Dorovets on Tuesday after a storm destroyed 12 pylons.
The grid operator Gridco said crews worked all night near the crossing on the river Wolna.
About 40,000 households in Dorovets had no power since Sunday, according to Gridco.
Mayor Anna Kowal said schools will open on Wednesday.`}
	v := NewJudge(nil, nil, nil).Judge(en, []Source{{Article: src}})
	if v.Kind != KindTranslation || v.Of != "pl" || v.Language != "pl" {
		t.Errorf("an English rendering of a Polish report: got %s of %q from %q, want translation of pl from pl", v.Kind, v.Of, v.Language)
	}
	// A text that says it is a translation is one, not a spun copy.
	noted := &news.Article{ID: "n", Text: report + "\nThis article was machine translated from Polish."}
	if v := NewJudge(nil, nil, nil).Judge(noted, nil); v.Kind != KindTranslation || v.Language != "pl" || v.Evidence == nil || v.Evidence.Unnamed == "" {
		t.Errorf("a noted translation: got %+v, want translation from pl saying why no source is named", v)
	}
	// Two unrelated reports in different languages are not translations.
	if v := NewJudge(nil, nil, nil).Judge(&news.Article{ID: "o", Language: "en", Text: other}, []Source{{Article: src}}); v.Kind == KindTranslation {
		t.Errorf("unrelated reports in two languages: got translation")
	}
}

func TestRewriteNamesSource(t *testing.T) {
	j := NewJudge(nil, nil, nil)
	declared := &news.Article{ID: "d", DeclaredSource: "www.daily-lamp.example", Text: other}
	v := j.Judge(declared, nil)
	if v.Kind != KindRewrite || v.Of != "" || v.Evidence == nil || !strings.Contains(v.Evidence.Unnamed, "daily-lamp") {
		t.Errorf("a rewrite of an unstored declared source: got %+v, want rewrite saying its source is not stored", v)
	}
	// A rewrite found by alignment names its source.
	src := &news.Article{ID: "s", Text: report}
	re := &news.Article{ID: "r", Text: strings.NewReplacer("Engineers restored power", "Power was restored by engineers",
		"crews worked through the night", "crews laboured overnight", "Schools in the district", "District schools").Replace(report)}
	if v := j.Judge(re, []Source{{Article: src}}); Derived(v.Kind) && v.Of == "" {
		t.Errorf("a derived verdict (%s) names no source", v.Kind)
	}
}

func TestOrigin(t *testing.T) {
	tests := []struct {
		name string
		a    news.Article
		want string
	}{
		{"dateline", news.Article{Outlet: "Daily Lamp", Text: "KYIV (Reuters) - Engineers restored power on Tuesday."}, "Reuters"},
		{"dateline with place", news.Article{Outlet: "Daily Lamp", Text: "DOROVETS, Lisvania (AP) — Engineers restored power."}, "Associated Press"},
		{"credit line", news.Article{Outlet: "Daily Lamp", Text: report + "\n— Associated Press"}, "Associated Press"},
		{"with agency", news.Article{Outlet: "Daily Lamp", Text: report + "\n(with AFP)"}, "AFP"},
		{"with agency after the last sentence", news.Article{Outlet: "Daily Lamp", Text: report + " With Reuters"}, "Reuters"},
		{"byline", news.Article{Outlet: "Daily Lamp", Author: "Anna Kowal, Yonhap", Text: report}, "Yonhap"},
		{"state agency dateline, no outlet", news.Article{Text: "MINSK, 3 May (BelTA) – The minister opened the plant."}, "BelTA"},
		{"state agency quoted is not a credit", news.Article{Outlet: "Daily Lamp", Text: report + "\nKCNA said the test succeeded."}, "Daily Lamp"},
		{"agency outlet", news.Article{Outlet: "Reuters", Text: report}, "Reuters"},
		{"own report", news.Article{Outlet: "Daily Lamp", Text: report + "\nThe mayor told Reuters."}, "Daily Lamp"},
		{"interview credit is not wire copy", news.Article{Outlet: "Daily Lamp", Text: report + "\nShe spoke in an interview with Reuters."}, "Daily Lamp"},
		{"host when no outlet", news.Article{URL: "https://www.daily-lamp.example/a/1", Text: report}, "daily-lamp.example"},
		{"corpus note on the outlet", news.Article{Outlet: "CNN (inferred)", Text: report}, "CNN"},
		{"no outlet: staff credit", news.Article{Text: report + "\nFox News' Jane Doe contributed to this report."}, "Fox News"},
		{"no outlet: agency's own request for comment", news.Article{Text: report + " The ministry did not immediately respond to a Reuters request for comment."}, "Reuters"},
		{"no outlet: correspondent", news.Article{Text: "An Ukrinform correspondent reports that " + report}, "Ukrinform"},
		{"no outlet: the outlet's listen plug", news.Article{Text: report + "\nNEW You can now listen to Fox News articles!\n" + other}, "Fox News"},
		{"no outlet: the outlet's disclaimer", news.Article{Text: report + "\nThe views here do not necessarily reflect those of CNN.\n" + other}, "CNN"},
		{"no outlet: the outlet reports", news.Article{Text: report + "\nOn Monday, Ukrinform reports, the ferries ran again.\n" + other}, "Ukrinform"},
		{"no outlet: caption style", news.Article{Text: report + "\nCrews at work on Tuesday. Photograph: Jane Doe/Reuters\n" + other}, "The Guardian"},
		{"no outlet: the outlet's app plug", news.Article{Text: report + "\nCLICK HERE TO GET THE FOX NEWS APP\n" + other}, "Fox News"},
		{"no outlet: app plug in title case", news.Article{Text: report + "\nGet the CNN app for updates.\n" + other}, "CNN"},
		{"no outlet: an app named in a report is no plug", news.Article{ID: "p", Text: report + "\nUsers can get the latest figures from the ministry app."}, "p"},
		{"no outlet: an outlet quoted is no sign", news.Article{ID: "q", Text: report + "\nThe mayor told the BBC the work would take a week."}, "q"},
	}
	for _, tt := range tests {
		if got := OriginOf(&tt.a); got != tt.want {
			t.Errorf("%s: OriginOf = %q, want %q", tt.name, got, tt.want)
		}
	}
	// A copy counts for its source's origin, a partial copy for its own.
	j := NewJudge(nil, nil, nil)
	src := &news.Article{ID: "s", Outlet: "Daily Lamp", Text: "KYIV (Reuters) - " + report}
	srcV := j.Judge(src, nil)
	cp := &news.Article{ID: "c", Outlet: "Morning Post", Text: "KYIV - " + report}
	if v := j.Judge(cp, []Source{{Article: src, Verdict: srcV}}); v.Origin != "Reuters" {
		t.Errorf("a copy of Reuters copy: origin %q (%s), want Reuters", v.Origin, v.Kind)
	}
	own := &news.Article{ID: "o", Outlet: "Morning Post", Text: other}
	if v := j.Judge(own, []Source{{Article: src, Verdict: srcV}}); v.Origin != "Morning Post" {
		t.Errorf("an own report: origin %q, want Morning Post", v.Origin)
	}
}

func TestSpunWithoutThesaurus(t *testing.T) {
	j, err := DefaultJudge()
	if err != nil {
		t.Fatal(err)
	}
	src := &news.Article{ID: "s", Text: report + "\n" + other}
	// Replacements a thesaurus other than WordNet might offer: words of
	// the same part of speech, spread over the sentences.
	spun := strings.NewReplacer("restored", "recovered", "storm", "tempest", "night", "evening", "damaged", "wounded",
		"households", "families", "reopen", "resume", "heavy", "weighty", "budget", "allowance", "debate", "quarrel",
		"favour", "prefer", "money", "cash", "winter", "frost", "review", "inspection").Replace(src.Text)
	v := j.Judge(&news.Article{ID: "x", Text: spun}, []Source{{Article: src}})
	if v.Kind != KindSpun || v.Of != "s" {
		t.Errorf("a copy with words swapped throughout: got %s of %q (%v), want spun of s", v.Kind, v.Of, v.Evidence.Measures)
	}
	// An edited copy (a figure and a day updated, a name added) is a copy.
	edited := strings.NewReplacer("40,000", "45,000", "Wednesday", "Thursday", "the mayor's office", "Mayor Anna Kowal's office").Replace(src.Text)
	if v := j.Judge(&news.Article{ID: "e", Text: edited}, []Source{{Article: src}}); v.Kind == KindSpun {
		t.Errorf("an edited copy: got spun (%v)", v.Evidence.Measures)
	}
}
