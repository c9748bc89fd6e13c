package extract

import (
	"context"
	"strings"
	"testing"
	"time"

	"sitrep/internal/news"
)

func TestCleanTitle(t *testing.T) {
	body := "Officials said the bridge reopened on Monday. Traffic resumed by noon."
	tests := []struct {
		name, title, outlet, url string
		headings                 []string
		want, site               string
	}{
		{"dateline only", "CNN —", "", "", nil, "Officials said the bridge reopened on Monday.", ""},
		{"dateline with place", "New York CNN Business —", "", "", nil, "Officials said the bridge reopened on Monday.", ""},
		{"wire dateline", "KYIV, Ukraine (AP) —", "", "", nil, "Officials said the bridge reopened on Monday.", ""},
		{"promotional", "NEW You can now listen to Example News articles!", "", "", nil, "Officials said the bridge reopened on Monday.", ""},
		{"suffix is outlet", "Bridge reopens after repairs - IGN", "IGN", "https://www.ign.com/articles/bridge", nil, "Bridge reopens after repairs", "IGN"},
		{"suffix is blog name", "Meal plans for busy weeks | The Example Blog", "The Example Blog", "https://shop.example.com/blog/meals", nil, "Meal plans for busy weeks", "The Example Blog"},
		{"suffix names the host", "About our tours – Harbour Walks Company", "", "https://harbourwalks.org/about", nil, "About our tours", "Harbour Walks Company"},
		{"section and site", "Bridge reopens | Europe | The Daily Example", "The Daily Example", "https://dailyexample.com/x", []string{"Bridge reopens"}, "Bridge reopens", "The Daily Example"},
		{"dash inside headline kept", "Ukraine - Russia talks resume in Geneva", "The Daily Example", "https://dailyexample.com/x", nil, "Ukraine - Russia talks resume in Geneva", ""},
		{"empty stays empty", "", "", "", nil, "", ""},
		{"markup", "**Bridge** reopens", "", "", nil, "Bridge reopens", ""},
		{"section label after a pipe", "Envoys leave as the talks on the bridge stall | Europe war News", "Example", "https://example.com/x", nil, "Envoys leave as the talks on the bridge stall", ""},
		{"short headline before a pipe kept", "Bridge reopens | Traffic resumes", "Example", "https://example.com/x", nil, "Bridge reopens | Traffic resumes", ""},
		{"wire slug", "(2nd LD) Bridge reopens after repairs", "", "", nil, "Bridge reopens after repairs", ""},
		{"interstitial", "Age Verification", "", "", nil, "Officials said the bridge reopened on Monday.", ""},
		{"interstitial with the site's name", "Age Verification - Harbour Notes", "", "https://blog.harbournotes.example/week-12", nil, "Officials said the bridge reopened on Monday.", "Harbour Notes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, site := cleanTitle(tt.title, body, tt.outlet, tt.url, tt.headings)
			if got != tt.want || site != tt.site {
				t.Errorf("cleanTitle(%q) = %q, %q; want %q, %q", tt.title, got, site, tt.want, tt.site)
			}
		})
	}
}

func TestCleanAuthor(t *testing.T) {
	tests := []struct{ in, outlet, want string }{
		{"EXAMPLE POST STAFF NOVEMBER", "", "EXAMPLE POST STAFF"},
		{"Jane Doe Nov 19, 2019 10:43", "", "Jane Doe"},
		{"Analysis by Sam Roe, Example Editor-at-large", "", "Sam Roe"},
		{"By PAT LEE; Wire National Security Writer", "", "Pat Lee"},
		{"Kim Park; MS; RD", "", "Kim Park"},
		{"Lee Chan; Daily Example", "Daily Example International", "Lee Chan"},
		{"https://www.facebook.com/someone", "", ""},
		{"Ana Ruiz and Tom Berg", "", "Ana Ruiz and Tom Berg"},
	}
	for _, tt := range tests {
		if got := cleanAuthor(tt.in, tt.outlet); got != tt.want {
			t.Errorf("cleanAuthor(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCleanOutlet(t *testing.T) {
	tests := []struct{ outlet, url, site, want string }{
		{"https://www.facebook.com/ExamplePolitics", "https://www.example-news.com/politics/1", "", "example-news.com"},
		{"https://www.facebook.com/ExamplePolitics", "", "", ""},
		{"https://www.example-news.com", "", "", "example-news.com"},
		{"example.org", "https://example.org/a", "Example Theatre", "Example Theatre"},
		{"Example News", "https://example-news.com/a", "", "Example News"},
	}
	for _, tt := range tests {
		if got := cleanOutlet(tt.outlet, tt.url, tt.site); got != tt.want {
			t.Errorf("cleanOutlet(%q, %q, %q) = %q, want %q", tt.outlet, tt.url, tt.site, got, tt.want)
		}
	}
}

func TestStripMarkup(t *testing.T) {
	tests := []struct{ in, want string }{
		{"**Click****here** to read the report.", "Click here to read the report."},
		{"The ministry said so.[[i]](https://example.org/notes#i) Later it changed.", "The ministry said so. Later it changed."},
		{"See [the full report](https://example.org/report) for details.", "See the full report for details."},
		{"A claim [^2] in the text.", "A claim in the text."},
		{"## Background", "Background"},
		{"Published daily by the **Example Institute**", "Published daily by the Example Institute"},
		{"Prices rose 3*4 times [sic] in 2022.", "Prices rose 3*4 times [sic] in 2022."},
	}
	for _, tt := range tests {
		if got := stripMarkup(tt.in); got != tt.want {
			t.Errorf("stripMarkup(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestInlinePromos checks that related-story headlines glued to "Read
// more" and newsletter plugs inside a paragraph are removed, and the
// running text around them kept.
func TestInlinePromos(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The envoy left on Monday. Talks stall as ministers trade blame | Jan NovakRead more The minister said the talks would resume.",
			"The envoy left on Monday. The minister said the talks would resume."},
		{"Prices rose. Who pays for the grid repairs?Read more Engineers worked overnight. Ports reopen after two-week closureRead more",
			"Prices rose. Engineers worked overnight."},
		{"It was quiet. “The damage is done”: traders count the cost of the blockadeRead moreUpdated at 10.05 GMT",
			"It was quiet. Updated at 10.05 GMT"},
		{"The full statement is online.Read more It was signed by 40 groups.", "The full statement is online.Read more It was signed by 40 groups."},
		{"Nobody knows. Mayor says the port will reopen soon Read more However, the ships wait.", "Nobody knows. However, the ships wait."},
		{"So says the report.Shelling resumes as talks stall Read moreUpdated at 20.41 BST", "So says the report. Updated at 20.41 BST"},
		{"Finland will apply this week. Sign up to Morning Brief, our free daily newsletter – every weekday morning at 6am GMT The president said so.",
			"Finland will apply this week. The president said so."},
		{"You are reading a digest. Sign up to get the whole newsletter free, sent to your inbox every weekday. The rest follows.",
			"You are reading a digest. The rest follows."},
		{"Readers who read more about the war wrote in.", "Readers who read more about the war wrote in."},
		{"He said the port would reopen Tue 3 May 2022 09.15 BST", "He said the port would reopen"},
		{"The talks began on Tue 3 May 2022 at 09.15 BST and ended late.", "The talks began on Tue 3 May 2022 at 09.15 BST and ended late."},
		{"He left. skip past newsletter promotion Sign up to Evening Brief Free daily newsletter Our evening email Enter your email address Sign up Privacy Notice: see our policy. after newsletter promotion She stayed.", "He left. She stayed."},
		{"You’re reading an excerpt from the Daily Brief newsletter. Sign up to get the rest free, sent to your inbox every weekday. The war went on.", "The war went on."},
		{"The newsletter of the ministry said 20 units moved.", "The newsletter of the ministry said 20 units moved."},
		{"Leaders met in the hall. Photograph: Jane Doe/AFP/Getty Images Alliance sources said the force would grow.", "Leaders met in the hall. Alliance sources said the force would grow."},
		{"The minister was photographed in the hall. Photograph: Jane Doe/Reuters", "The minister was photographed in the hall. Photograph: Jane Doe/Reuters"},
		{"The minister spoke. 01:56Troops cross the border at dawn – video report Talks resumed later.", "The minister spoke. Talks resumed later."},
		{"Shelling went on. 00:54Kharkiv: strikes reported overnight – video", "Shelling went on."},
		{"The convoy left at 10:30 and the video was posted – video footage showed it.", "The convoy left at 10:30 and the video was posted – video footage showed it."},
	}
	for _, tt := range tests {
		if got := dropInlinePromos(tt.in); got != tt.want {
			t.Errorf("dropInlinePromos(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// A page written for this test: the publisher's JSON-LD names its
// founders, a ClaimReview dates the check and the claim separately, the
// publisher meta tag is a social profile, and the title carries the site.
const factCheckPage = `<!doctype html><html><head>
<title>Did the bridge close for a year? - Example Checks</title>
<meta property="og:site_name" content="https://www.facebook.com/ExampleChecks">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsMediaOrganization","name":"Example Checks","founders":[{"@type":"Person","name":"Rupert Example"}]}</script>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"ClaimReview","datePublished":"2024-03-05","author":{"@type":"Organization","name":"Example Checks"},
"itemReviewed":{"@type":"Claim","datePublished":"2023-11-20","author":{"@type":"Person","name":"A Local Councillor"}},
"reviewRating":{"@type":"Rating","alternateName":"False"}}</script>
</head><body><article><h1>Did the bridge close for a year?</h1>
<p>A post shared widely in November said the old bridge would close for a whole year while it was repaired. The council's own notice says otherwise.</p>
<p>The notice, published on the council's website, lists a closure of six weeks, from January to mid-February, with a footbridge kept open throughout.</p>
<p>We asked the council whether the plan had changed. A spokesperson said the six-week schedule still stood and that no longer closure was planned.</p>
<p>Our rating is false: the closure announced is six weeks long, not a year, and pedestrians can still cross during the works.</p>
</article></body></html>`

func TestFactCheckPage(t *testing.T) {
	a := &news.Article{Raw: []byte(factCheckPage), Format: news.FormatHTML, URL: "https://checks.example.org/fact-check/bridge"}
	if err := New(Options{}).Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if a.Title != "Did the bridge close for a year?" {
		t.Errorf("title = %q", a.Title)
	}
	if strings.Contains(a.Author, "Rupert") || strings.Contains(a.Author, "Councillor") {
		t.Errorf("author = %q: taken from the organisation or the checked claim", a.Author)
	}
	if strings.Contains(a.Outlet, "facebook") {
		t.Errorf("outlet = %q: a social profile", a.Outlet)
	}
	if want := time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC); !a.Published.Equal(want) {
		t.Errorf("published = %v, want the check's own date %v", a.Published, want)
	}
}

func TestTextPromoAndDateline(t *testing.T) {
	raw := "NEW You can now listen to Example News articles!\n\nOfficials in the port city said on Tuesday that two cargo ships had left the harbour under escort.\n\nThe governor said the corridor was open again."
	a := &news.Article{Raw: []byte(raw), Format: news.FormatText}
	if err := New(Options{}).Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Text, "listen") || strings.Contains(a.Title, "listen") {
		t.Errorf("promotional line kept: title %q, text %q", a.Title, a.Text)
	}
	raw = "Kyiv CNN —\n\nOfficials in the capital said on Tuesday that power had been restored to most districts.\n\nRepairs continued overnight."
	a = &news.Article{Raw: []byte(raw), Format: news.FormatText}
	if err := New(Options{}).Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if a.Title != "Officials in the capital said on Tuesday that power had been restored to most districts." {
		t.Errorf("title = %q, want the first sentence", a.Title)
	}
	// Page furniture dropped from plain text: the text that stays.
	for _, c := range []struct{ what, raw, want string }{
		{"page stamp", "Officials said the bridge had reopened to lorries on Monday.\n\nLast modified on Tue 3 May 2022 11.20 BST",
			"Officials said the bridge had reopened to lorries on Monday."},
		{"crawler's stamp", "The ministry said the talks would resume in March.\n\n---\n\n*Crawled at: 2025-12-28 01:31:03*\n*Source: [original](https://example.org/a/1)*",
			"The ministry said the talks would resume in March."},
		{"capitalised links", "The ministry said the talks would resume in March.\n\nUS TO SEND 3,000 MORE TROOPS TO THE EASTERN FLANK: LIVE UPDATES\n\nThe envoy said NATO and the EU agreed.\n\nCLICK HERE TO GET THE OPINION NEWSLETTER",
			"The ministry said the talks would resume in March.\n\nThe envoy said NATO and the EU agreed."},
		{"character references left in a plain text", "The lake warmed to 23&deg;C, the institute&#8217;s survey found.\n\nFish &amp; chips are off &notaname; the menu.",
			"The lake warmed to 23°C, the institute’s survey found.\n\nFish & chips are off &notaname; the menu."},
		{"an image carousel's controls", "The envoy said the talks would resume.\n\nImage 1 of 3 next\n\nImage 2 of 3 prev next\n\nImage 3 of 3 prev\n\nThe ministry agreed.",
			"The envoy said the talks would resume.\n\nThe ministry agreed."},
		{"a report set in capitals throughout (an old wire)", "FERRY SERVICE RESUMES ON THE NORTHERN ROUTE\n\nTHE HARBOUR AUTHORITY SAID ON MONDAY THAT TWO FERRIES WOULD SAIL AGAIN FROM WEDNESDAY .",
			"THE HARBOUR AUTHORITY SAID ON MONDAY THAT TWO FERRIES WOULD SAIL AGAIN FROM WEDNESDAY ."}, // the first line is the title
		{"newsletter sign-up form", "The ministry said the talks would resume in March.\n\nNewsletter As it happens\n\nThe Harbour Brief: A newsletter for only the biggest port news\n\nBy submitting your email, you agree to our Terms of Service and Privacy Policy. You may also receive promotional emails from Example News. You can opt out at any time.",
			"The ministry said the talks would resume in March."},
		{"related link and photo credit", "The chancellor spoke in Vienna on Thursday.\n\nRead also: Diplomats commemorate the victims of the camp\n\nThe embassy sent a note.\n\nPhoto: Presidential Office",
			"The chancellor spoke in Vienna on Thursday.\n\nThe embassy sent a note."},
	} {
		a := &news.Article{Raw: []byte(c.raw), Format: news.FormatText}
		if err := New(Options{}).Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if a.Text != c.want {
			t.Errorf("%s kept: %q", c.what, a.Text)
		}
	}
	for _, p := range []string{"CLICK HERE TO GET THE EXAMPLE NEWS APP", "WHO IS THE FRONT-RUNNER?", "서울에서 열린 회담에서 양측은 다음 주에 다시 만나기로 합의했다고 밝혔다"} {
		if isShouted(p) {
			t.Errorf("isShouted(%q): an outlet's app plug, a heading or a script without case", p)
		}
	}
}

// A record with no outlet and no address takes the outlet its dropped
// dateline or audio plug names; a record with an outlet keeps it.
func TestOutletFromDroppedLines(t *testing.T) {
	tests := []struct {
		raw, outlet, want string
	}{
		{"Kyiv CNN —\n\nOfficials in the capital said on Tuesday that power had been restored to most districts.", "", "CNN"},
		{"New York CNN Business —\n\nMarkets fell on Tuesday as traders weighed the risk of a wider war in the region.", "", "CNN"},
		{"NEW You can now listen to Example News articles!\n\nOfficials in the port city said on Tuesday that two cargo ships had left the harbour.", "", "Example News"},
		{"Kyiv CNN —\n\nOfficials in the capital said on Tuesday that power had been restored to most districts.", "Daily Lamp", "Daily Lamp"},
		{"Officials in the capital said on Tuesday that power had been restored to most districts, CNN reported.", "", ""},
	}
	for _, tt := range tests {
		a := &news.Article{Raw: []byte(tt.raw), Format: news.FormatText, Outlet: tt.outlet}
		if err := New(Options{}).Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		if a.Outlet != tt.want {
			t.Errorf("%.40q: outlet %q, want %q", tt.raw, a.Outlet, tt.want)
		}
	}
}
