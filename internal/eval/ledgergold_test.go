package eval

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"sitrep/internal/news"
	"sitrep/internal/sharedtest"
)

var ledgerDir = filepath.Join("..", "..", "testdata", "gold", "ledger")

func loadLedger(t *testing.T) (dev, test *LedgerGold) {
	t.Helper()
	dev, err := LoadLedgerGold(ledgerDir, LedgerDev)
	if err != nil {
		t.Fatal(err)
	}
	test, err = LoadLedgerGold(ledgerDir, LedgerTest)
	if err != nil {
		t.Fatal(err)
	}
	return dev, test
}

// TestLedgerGoldLoads checks the committed gold set loads, validates and
// holds what the ledger issue asks for, with disjoint halves.
func TestLedgerGoldLoads(t *testing.T) {
	dev, test := loadLedger(t)
	articles, mentions, figures, pairs, cross := 0, 0, 0, 0, 0
	devIDs := map[string]bool{}
	for _, a := range dev.Articles {
		devIDs[a.ID] = true
	}
	for _, g := range []*LedgerGold{dev, test} {
		if len(g.Articles) == 0 || len(g.Mentions) == 0 || len(g.Pairs) == 0 {
			t.Fatalf("%s split is empty", g.Split)
		}
		articles += len(g.Articles)
		mentions += len(g.Mentions)
		figures += len(g.Figures())
		pairs += len(g.Pairs)
		for _, p := range g.Pairs {
			if p.CrossArticle {
				cross++
			}
		}
	}
	for _, a := range test.Articles {
		if devIDs[a.ID] {
			t.Errorf("article %s is in both splits", a.ID)
		}
	}
	t.Logf("%d articles, %d mentions (%d figures), %d pairs (%d cross-article)", articles, mentions, figures, pairs, cross)
	if articles < 60 || mentions < 300 || pairs < 150 || cross < 60 {
		t.Errorf("gold set below the issue's minimum: %d articles, %d mentions, %d pairs, %d cross-article", articles, mentions, pairs, cross)
	}
}

// TestLedgerGoldValidateRejects checks Validate finds each kind of fault.
func TestLedgerGoldValidateRejects(t *testing.T) {
	dev, _ := loadLedger(t)
	firstFigure := func(g *LedgerGold) int {
		for i, m := range g.Mentions {
			if m.Figure {
				return i
			}
		}
		t.Fatal("no figure in dev")
		return -1
	}
	cases := map[string]func(g *LedgerGold){
		"unknown class":     func(g *LedgerGold) { g.Mentions[0].Figure, g.Mentions[0].Class = false, "weather" },
		"figure no speaker": func(g *LedgerGold) { g.Mentions[firstFigure(g)].Speaker = "" },
		"bad scope":         func(g *LedgerGold) { g.Mentions[firstFigure(g)].Scope = "forever" },
		"wrong split":       func(g *LedgerGold) { g.Mentions[0].Split = LedgerTest },
		"duplicate":         func(g *LedgerGold) { g.Mentions = append(g.Mentions, g.Mentions[0]) },
		"outside window":    func(g *LedgerGold) { g.Mentions[0].Offset = 1 << 30 },
		"relation/measure":  func(g *LedgerGold) { g.Pairs[0].SameMeasure = !g.Pairs[0].SameMeasure },
		"unknown relation":  func(g *LedgerGold) { g.Pairs[0].Relation = "similar" },
		"dangling pair":     func(g *LedgerGold) { g.Pairs[0].A.Offset++ },
		"cross flag":        func(g *LedgerGold) { g.Pairs[0].CrossArticle = !g.Pairs[0].CrossArticle },
	}
	for name, mutate := range cases {
		g := &LedgerGold{Split: dev.Split,
			Articles: dev.Articles,
			Mentions: append([]LedgerMention(nil), dev.Mentions...),
			Pairs:    append([]LedgerPair(nil), dev.Pairs...)}
		mutate(g)
		if err := g.Validate(); err == nil {
			t.Errorf("%s: Validate accepted a faulty gold set", name)
		}
	}
}

// warNewsRecord is the part of a ukraine-war-news record the selection
// rule reads.
type warNewsRecord struct {
	ID              string         `json:"id"`
	Text            string         `json:"text"`
	NChars          int            `json:"n_chars"`
	QualityFlags    []string       `json:"quality_flags"`
	MachineTransl   bool           `json:"machine_translated_likely"`
	Mentions        map[string]int `json:"mentions"`
	File            string         `json:"file"`
	selectedStratum string
}

// heldOutElsewhere lists the records on the test side of the other gold
// sets (events, genre, threads, entities): a later ledger round leaves
// them unread so those test splits stay unseen.
func heldOutElsewhere(t *testing.T, recs []*warNewsRecord) map[string]bool {
	t.Helper()
	byFile := map[string]string{}
	for _, r := range recs {
		byFile[r.File] = r.ID
	}
	out := map[string]bool{}
	gold := filepath.Join("..", "..", "testdata", "gold")
	for _, name := range []string{"events/articles.jsonl", "genre/genre.jsonl", "threads/threads.jsonl"} {
		b, err := os.ReadFile(filepath.Join(gold, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			var r struct{ ID, Split string }
			if err := json.Unmarshal([]byte(line), &r); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if r.Split == LedgerTest {
				out[r.ID] = true
			}
		}
	}
	b, err := os.ReadFile(filepath.Join("testdata", "entities-gold-files.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Split(line, "\t"); len(f) == 3 && f[1] == LedgerTest {
			out[byFile[f[2]]] = true
		}
	}
	return out
}

func readWarNews(t *testing.T) []*warNewsRecord {
	t.Helper()
	f, err := os.Open(sharedtest.Path(t, "data", "ukraine-war-news", "articles.jsonl"))
	if err != nil {
		t.Skipf("ukraine-war-news not available: %v", err)
	}
	defer f.Close()
	var out []*warNewsRecord
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var r warNewsRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("ukraine-war-news: %v", err)
		}
		out = append(out, &r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestLedgerGoldOffsets checks every mention's phrase sits at its byte
// offset in the corpus text.
func TestLedgerGoldOffsets(t *testing.T) {
	recs := readWarNews(t)
	texts := map[string]string{}
	for _, r := range recs {
		texts[r.ID] = r.Text
	}
	dev, test := loadLedger(t)
	for _, g := range []*LedgerGold{dev, test} {
		if err := g.CheckOffsets(texts); err != nil {
			t.Errorf("%s: %v", g.Split, err)
		}
	}
}

func hashHex(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// ledgerSelect recomputes the README's selection and split rules: article
// ID → [stratum, split].
func ledgerSelect(recs []*warNewsRecord, heldOut map[string]bool) map[string][2]string {
	digits := regexp.MustCompile(`[0-9]+`)
	nkTroops := regexp.MustCompile(`North Korean (?:troops|soldiers|forces)`)
	topicRe := regexp.MustCompile(`\$61(?:bn| ?billion)|Kramatorsk|Moskva|Azot`)
	clean := func(r *warNewsRecord, maxChars int) bool {
		return len(r.QualityFlags) == 0 && !r.MachineTransl && r.NChars >= 400 && r.NChars <= maxChars
	}
	var nk, rest, nk2, pool []*warNewsRecord
	for _, r := range recs {
		m := r.Mentions
		if clean(r, 5000) && m["north_korea"]+m["aid"]+m["killed_or_wounded"] > 0 && len(digits.FindAllString(r.Text, -1)) >= 3 {
			pool = append(pool, r)
			if m["north_korea"] >= 2 {
				nk = append(nk, r)
			} else {
				rest = append(rest, r)
			}
		}
	}
	sort.Slice(rest, func(i, j int) bool {
		return hashHex("ledgergold-v1:"+rest[i].ID) < hashHex("ledgergold-v1:"+rest[j].ID)
	})
	rest = rest[:62-len(nk)]
	out := map[string][2]string{}
	split := func(stratum string, group []*warNewsRecord) {
		g := append([]*warNewsRecord(nil), group...)
		sort.Slice(g, func(i, j int) bool {
			return hashHex("ledgergold-split:"+g[i].ID) < hashHex("ledgergold-split:"+g[j].ID)
		})
		for i, r := range g {
			out[r.ID] = [2]string{stratum, []string{LedgerDev, LedgerTest}[i%2]}
		}
	}
	split("nk", nk)
	split("rest", rest)
	for _, r := range recs {
		if _, chosen := out[r.ID]; !chosen && clean(r, 9000) && (r.Mentions["north_korea"] >= 2 || nkTroops.MatchString(r.Text)) {
			nk2 = append(nk2, r)
		}
	}
	split("nk2", nk2)
	var topic []*warNewsRecord
	for _, r := range recs {
		if _, chosen := out[r.ID]; !chosen && clean(r, 6000) && topicRe.MatchString(r.Text) {
			topic = append(topic, r)
		}
	}
	split("topic", topic)
	// dev2 and dev3: the next 24 pool records by the first round's hash,
	// then the next 24 (18 are left), each split by the split hash; only
	// the dev halves are annotated (the test halves are left out, not
	// annotated, so test is unchanged).
	var more []*warNewsRecord
	for _, r := range pool {
		if _, chosen := out[r.ID]; !chosen {
			more = append(more, r)
		}
	}
	sort.Slice(more, func(i, j int) bool {
		return hashHex("ledgergold-v1:"+more[i].ID) < hashHex("ledgergold-v1:"+more[j].ID)
	})
	split("dev2", more[:min(24, len(more))])
	split("dev3", more[min(24, len(more)):min(48, len(more))])
	// dev4: records outside the step-1 pool and not chosen yet, any topic,
	// 400 ≤ n_chars ≤ 20,000 and at least 6 digit runs in the window (as
	// for rest), by their own hash, the first 56, dev halves only.
	inPool := map[string]bool{}
	for _, r := range pool {
		inPool[r.ID] = true
	}
	// ranked returns the records not chosen yet that keep accepts with at
	// least minDigits digit runs in the window, by the stratum's own hash.
	ranked := func(stratum string, minDigits int, keep func(r *warNewsRecord) bool) []*warNewsRecord {
		var rs []*warNewsRecord
		for _, r := range recs {
			if _, chosen := out[r.ID]; !chosen && keep(r) &&
				len(digits.FindAllString(r.Text[:ledgerWindow(stratum, r.Text)], -1)) >= minDigits {
				rs = append(rs, r)
			}
		}
		sort.Slice(rs, func(i, j int) bool {
			return hashHex("ledgergold-"+stratum+":"+rs[i].ID) < hashHex("ledgergold-"+stratum+":"+rs[j].ID)
		})
		return rs
	}
	dev4 := ranked("dev4", 6, func(r *warNewsRecord) bool { return !inPool[r.ID] && clean(r, 20000) })
	split("dev4", dev4[:min(56, len(dev4))])
	split("dev5", dev4[min(56, len(dev4)):min(112, len(dev4))]) // the next 56 (37 are left)
	// dev6: the records not chosen yet (test halves of dev2–dev5 count as
	// chosen) and not on the test side of another gold set, any topic,
	// 400 ≤ n_chars ≤ 30,000 and at least 4 digit runs in the window, by
	// their own hash, the first 40, dev halves only.
	dev6 := ranked("dev6", 4, func(r *warNewsRecord) bool { return !heldOut[r.ID] && clean(r, 30000) })
	split("dev6", dev6[:min(40, len(dev6))])
	// dev7: as dev6 but among the machine-translated records (flagged
	// machine_translated_likely and nothing else), the first 40.
	dev7 := ranked("dev7", 4, func(r *warNewsRecord) bool {
		mt := r.MachineTransl && len(r.QualityFlags) == 1 && r.QualityFlags[0] == "machine_translated_likely"
		return !heldOut[r.ID] && mt && r.NChars >= 400 && r.NChars <= 30000
	})
	split("dev7", dev7[:min(40, len(dev7))])
	for id, v := range out {
		if v[0] != "rest" && v[0] != "nk" && v[0] != "nk2" && v[0] != "topic" && v[1] == LedgerTest {
			delete(out, id)
		}
	}
	return out
}

// ledgerWindow recomputes the annotated prefix of an article: the whole
// text for the North Korea and topic strata and short texts, else (rest, dev2, dev3, dev4) up to the first
// line break at or after byte 1,500 (or the first sentence end when no
// line break comes within 1,200 bytes).
func ledgerWindow(stratum, text string) int {
	const w = 1500
	if stratum != "rest" && stratum != "dev2" && stratum != "dev3" && stratum != "dev4" && stratum != "dev5" && stratum != "dev6" && stratum != "dev7" || len(text) <= w+300 {
		return len(text)
	}
	if i := strings.IndexByte(text[w:], '\n'); i >= 0 && i <= 1200 {
		return w + i
	}
	if j := strings.Index(text[w:], ". "); j >= 0 {
		return w + j + 1
	}
	return len(text)
}

// ledgerCandidates is the pattern the annotator's candidate list came
// from: digit groups (with currency sign, suffix and scale word) and
// cardinal number words.
var ledgerCandidates = func() *regexp.Regexp {
	words := `one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|dozens|hundreds|thousands|millions|billions|half|quarter`
	scale := `(?:\s?(?:million|billion|trillion|bn|m|k|thousand|per cent|percent)\b|%)?`
	return regexp.MustCompile(`(?i)[$£€]?[0-9][0-9,.:]*[0-9]?(?:st|nd|rd|th|s)?` + scale + `|\b(?:` + words + `)(?:[- ](?:` + words + `))*\b` + scale)
}()

// TestLedgerGoldSelection checks the gold articles, splits and annotated
// windows are exactly what the README's rules give on the corpus, and that
// every candidate number in each window is annotated.
func TestLedgerGoldSelection(t *testing.T) {
	recs := readWarNews(t)
	byID := map[string]*warNewsRecord{}
	for _, r := range recs {
		byID[r.ID] = r
	}
	want := ledgerSelect(recs, heldOutElsewhere(t, recs))
	dev, test := loadLedger(t)
	got := 0
	for _, g := range []*LedgerGold{dev, test} {
		covered := coverage(g)
		for _, a := range g.Articles {
			got++
			if w, ok := want[a.ID]; !ok || w != [2]string{a.Stratum, a.Split} {
				t.Errorf("%s: stratum/split %s/%s, the rule gives %v (selected %v)", a.ID, a.Stratum, a.Split, w, ok)
				continue
			}
			text := byID[a.ID].Text
			if w := ledgerWindow(a.Stratum, text); w != a.AnnotatedBytes {
				t.Errorf("%s: annotated_bytes %d, the rule gives %d", a.ID, a.AnnotatedBytes, w)
			}
			checkCandidates(t, a.ID, text[:a.AnnotatedBytes], covered[a.ID])
		}
	}
	if got != len(want) {
		t.Errorf("%d gold articles, the rule selects %d", got, len(want))
	}
}

// coverage returns each article's labelled byte ranges.
func coverage(g *LedgerGold) map[string][][2]int {
	covered := map[string][][2]int{}
	for _, m := range g.Mentions {
		covered[m.Article] = append(covered[m.Article], [2]int{m.Offset, m.Offset + len(m.Phrase)})
	}
	return covered
}

// checkCandidates reports every candidate number in window (an article's
// annotated text) that starts in no labelled range.
func checkCandidates(t *testing.T, id, window string, covered [][2]int) {
	t.Helper()
	for _, loc := range ledgerCandidates.FindAllStringIndex(window, -1) {
		in := false
		for _, c := range covered {
			in = in || loc[0] >= c[0] && loc[0] < c[1]
		}
		if !in {
			t.Errorf("%s@%d: candidate %q not annotated", id, loc[0], window[loc[0]:loc[1]])
		}
	}
}

// TestLedgerFiguresScoreArticle scores a made-up article whose spans are
// known: one figure found with the right speaker, one missed, one
// not-figure taken, one rejected and one prediction past the window.
func TestLedgerFiguresScoreArticle(t *testing.T) {
	text := "Officials said 40 tanks crossed at 14.05 in 2023, and 7 drones fell. Later: 9 more."
	at := func(s string) int { return strings.Index(text, s) }
	a := LedgerArticle{ID: "made-up", Split: LedgerDev, Stratum: "rest", AnnotatedBytes: at("Later")}
	gold := []LedgerMention{
		{Article: a.ID, Offset: at("40"), Phrase: "40", Figure: true, Lemma: "weapons/tanks", Speaker: "officials"},
		{Article: a.ID, Offset: at("14.05"), Phrase: "14.05", Class: "clock"},
		{Article: a.ID, Offset: at("2023"), Phrase: "2023", Class: "year"},
		{Article: a.ID, Offset: at("7 drones"), Phrase: "7", Figure: true, Lemma: "weapons/drones", Speaker: "OUTLET"},
	}
	fig := func(s, speaker string) news.Figure {
		return news.Figure{Span: news.Span{Start: at(s), End: at(s) + len(s)}, Text: s, Speaker: speaker}
	}
	got := []news.Figure{fig("40", "Officials"), fig("14.05", "OUTLET"), fig("9", "OUTLET")}
	var r LedgerFiguresReport
	r.ScoreArticle(a, gold, text, got)
	if r.Predicted != 2 || r.OnFigure != 1 || r.OnNotFigure != 1 || r.Found != 1 || r.Rejected != 1 || r.Taken["clock"] != 1 {
		t.Fatalf("report %+v", r)
	}
	if r.Precision() != 0.5 || r.Recall() != 0.5 || r.Rejection() != 0.5 || r.SpeakerAccuracy() != 1 {
		t.Errorf("precision %.2f recall %.2f rejection %.2f speaker %.2f", r.Precision(), r.Recall(), r.Rejection(), r.SpeakerAccuracy())
	}
	if len(r.Misses) != 1 || len(r.False) != 1 {
		t.Errorf("examples: misses %v, false %v", r.Misses, r.False)
	}
}

func TestLedgerSpeakerMatch(t *testing.T) {
	for _, c := range []struct {
		got, want string
		ok        bool
	}{
		{"Kyiv International Institute of Sociology", "KIIS", true},
		{"KIIS", "Kyiv International Institute of Sociology", true},
		{"Yevgeny Prigozhin", "Yevgeny Prigozhin", true},
		{"OUTLET", "KIIS", false},
		{"Kyiv Independent", "KIIS", false},
		{"U", "U.K. officials", false},
		{"United Kingdom", "Britain", true},
		{"United States", "US", true},
		{"United Kingdom", "OUTLET", false},
		{"Russia", "Ukraine", false},
	} {
		if got := ledgerSpeakerMatch(c.got, c.want); got != c.ok {
			t.Errorf("ledgerSpeakerMatch(%q, %q) = %v, want %v", c.got, c.want, got, c.ok)
		}
	}
}

// TestLedgerPairsDev2Selection recomputes the second round of dev pairs
// (pairs-dev2.jsonl) from its rule in the README: over the dev figures of
// the strata before dev4, every pair with a figure of dev2 or dev3 that
// shares the gold lemma with it and either lies in dev2/dev3 too or has
// the same gold owner, then the first 24 of the other such pairs ranked
// by sha256("ledger3-pairs:" + A + "|" + B), A and B as article@offset in
// the order of dev.jsonl.
func TestLedgerPairsDev2Selection(t *testing.T) {
	dev, _ := loadLedger(t)
	stratum := map[string]string{}
	for _, a := range dev.Articles {
		stratum[a.ID] = a.Stratum
	}
	rounds := map[string]bool{"nk": true, "nk2": true, "topic": true, "rest": true, "dev2": true, "dev3": true}
	// The pairs were drawn with the lemmas of that day: two lemmas were
	// corrected later to follow the guidelines (branch ledger4, README
	// "Independent check"), and the rule is recomputed with the old ones.
	drawnWith := map[string]string{
		"gdelt5-20240426T011500Z_GB_en_1f5d3a2db5@164": "weapons/tanks",
		"gdelt5-20240426T011500Z_GB_en_1f5d3a2db5@202": "weapons/tanks",
	}
	var figs []LedgerMention
	for _, m := range dev.Figures() {
		if rounds[stratum[m.Article]] {
			if l, ok := drawnWith[m.Key().String()]; ok {
				m.Lemma = l
			}
			figs = append(figs, m)
		}
	}
	isNew := func(m LedgerMention) bool { return stratum[m.Article] == "dev2" || stratum[m.Article] == "dev3" }
	key := func(a, b LedgerMention) string { return a.Key().String() + "|" + b.Key().String() }
	var want []string
	type ranked struct{ hash, key string }
	var rest []ranked
	for i, a := range figs {
		for _, b := range figs[i+1:] {
			switch {
			case !isNew(a) && !isNew(b):
			case a.Lemma == b.Lemma && (isNew(a) && isNew(b) || a.Owner == b.Owner):
				want = append(want, key(a, b))
			default:
				h := sha256.Sum256([]byte("ledger3-pairs:" + key(a, b)))
				rest = append(rest, ranked{hex.EncodeToString(h[:]), key(a, b)})
			}
		}
	}
	sort.Slice(rest, func(i, j int) bool { return rest[i].hash < rest[j].hash })
	for _, r := range rest[:min(24, len(rest))] {
		want = append(want, r.key)
	}
	var got []string
	for _, p := range dev.Pairs {
		if p.File == "pairs-dev2" {
			got = append(got, p.A.String()+"|"+p.B.String())
		}
	}
	sort.Strings(want)
	sort.Strings(got)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("pairs-dev2.jsonl holds %d pairs, its rule selects %d (or others)", len(got), len(want))
	}
}

// TestLedgerFieldMatchNormalises checks the scorer's normalisation of
// the gold measure fields: a noun outside the classes matches in either
// number, a class only exactly; a gold event's parenthetical qualifier,
// a holding state and a phrase whose later word names the fate.
func TestLedgerFieldMatchNormalises(t *testing.T) {
	for _, c := range []struct {
		got, want string
		ok        bool
	}{
		{"ballot", "ballots", true}, {"casualty", "casualties", true}, {"personnel", "personnel", true},
		{"weapons/drone", "weapons/drones", false}, {"people", "civilians", false}, {"", "votes", false},
	} {
		if _, _, ok := fieldMatch("what", news.Figure{What: c.got}, LedgerMention{Lemma: c.want}); ok != c.ok {
			t.Errorf("what %q vs gold %q: match %v, want %v", c.got, c.want, ok, c.ok)
		}
	}
	for _, c := range []struct {
		got, event string
		ok         bool
	}{
		{"receive", "received", true},
		{"lived", "live in free Ukraine", true},
		{"killed or wounded", "killed or wounded", true},
		{"struck", "received", false},
		{"lost", "live", false},
	} {
		if _, _, ok := fieldMatch("fate", news.Figure{Fate: c.got}, LedgerMention{Event: c.event}); ok != c.ok {
			t.Errorf("fate %q vs gold %q: match %v, want %v", c.got, c.event, ok, c.ok)
		}
	}
	for _, c := range []struct {
		event, lemma, scope, want string
	}{
		{"promised (conditional)", "money", "total", "pledged"},
		{"in service", "weapons/ships", "total", ""},
		{"members", "people", "total", ""},
		{"seats", "seats", "total", ""},
		{"military spending", "money", "increment", "spent"},
		{"sent abroad", "personnel", "total", "deployed"},
		{"hope talks succeed", "people", "share", "hope"},
		{"told relatives were killed", "people", "share", "told"},
	} {
		m := LedgerMention{Event: c.event, Lemma: c.lemma, Scope: c.scope}
		if got := GoldFate(m); got != c.want {
			t.Errorf("GoldFate(%q, %s, %s) = %q, want %q", c.event, c.lemma, c.scope, got, c.want)
		}
	}
}

func TestOwnerMatch(t *testing.T) {
	for _, c := range []struct {
		got, want string
		ok        bool
	}{
		{"kp", "North Korea", true},
		{"jo-yong-won", "Jo Yong-won", true}, // a person's key joins words with hyphens
		{"jo-yong-won", "No Kwang-chol", false},
		{"", "", true},
		{"ua", "", false},
		{"", "Ukraine", false},
		{"ru", "Ukraine", false},
	} {
		if got := ownerMatch(c.got, c.want); got != c.ok {
			t.Errorf("ownerMatch(%q, %q) = %v, want %v", c.got, c.want, got, c.ok)
		}
	}
}
