package eval

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// The ledger gold set (testdata/gold/ledger, see its README) annotates
// number mentions in real articles of ../shared/data/ukraine-war-news as
// figures with their measure fields or as not-figures with a class, and
// labels pairs of figures for same measure and relation. It stores only
// article IDs, byte offsets into the record's text and the short number
// phrase; the text is read from the corpus at run time.

// Ledger gold splits. Tune on LedgerDev only; score LedgerTest once.
const (
	LedgerDev  = "dev"
	LedgerTest = "test"
)

// NotFigureClasses are the classes of number mentions that are not figures.
var NotFigureClasses = []string{
	"timestamp", "clock", "phone", "identifier", "age", "year", "date", "list",
	"name", "model", "calibre", "idiom", "duration", "distance", "ordinal", "other",
}

// FigureScopes are the scopes a gold figure can have.
var FigureScopes = []string{"total", "increment", "rate", "share", "part"}

// PairRelations are the relations a gold pair can have; the first three
// hold between figures of the same measure, the others between different
// measures.
var PairRelations = []string{"agrees", "evolution", "contradiction", "part_of", "increment", "unrelated"}

// sameMeasureRelation says whether a relation implies the same measure.
func sameMeasureRelation(rel string) bool {
	return rel == "agrees" || rel == "evolution" || rel == "contradiction"
}

// LedgerArticle is one selected article of a gold set read against the
// real-news corpus (the ledger's and the event set's): its corpus ID, its split, the
// selection stratum and how many bytes of its text (from the start) were
// annotated: every candidate number mention before that offset is in the
// gold set.
type LedgerArticle struct {
	ID             string `json:"id"`
	Split          string `json:"split"`
	Stratum        string `json:"stratum"`
	AnnotatedBytes int    `json:"annotated_bytes"`
}

// LedgerMention is one annotated number mention. Offset is a byte offset
// into the corpus record's text as UTF-8, where Phrase (the number phrase
// as written, without its counted noun) starts. A figure carries its
// measure fields; a not-figure only its Class.
type LedgerMention struct {
	Split   string `json:"split"`
	Article string `json:"article"`
	Offset  int    `json:"offset"`
	Phrase  string `json:"phrase"`
	Figure  bool   `json:"figure"`
	// Class is the not-figure class (one of NotFigureClasses).
	Class string `json:"class,omitempty"`
	// Value is the number in Unit (nil for vague counts: "thousands");
	// ValueMax the top of a range ("11,000-12,000").
	Value    *float64 `json:"value,omitempty"`
	ValueMax *float64 `json:"value_max,omitempty"`
	// Unit is count, percent or a currency code (USD, GBP, EUR, AUD).
	Unit string `json:"unit,omitempty"`
	// Noun is the counted noun as written; Lemma its normalised class
	// (personnel, civilians, money, weapons/missiles, refugees …).
	Noun  string `json:"noun,omitempty"`
	Lemma string `json:"lemma,omitempty"`
	// Owner is whose the counted thing is; Event what happened to it
	// (deployed, killed, pledged …); Place where, when stated.
	Owner string `json:"owner,omitempty"`
	Event string `json:"event,omitempty"`
	Place string `json:"place,omitempty"`
	// Scope is one of FigureScopes.
	Scope string `json:"scope,omitempty"`
	// Hedge lists the hedges on the figure ("at least", "believed").
	Hedge []string `json:"hedge,omitempty"`
	// Speaker is who the text credits, or "OUTLET" for the outlet's own
	// voice.
	Speaker string `json:"speaker,omitempty"`
	// Time is the date or interval (ISO 8601, "A/B") the figure refers
	// to, empty when neither text nor context fixes it.
	Time string `json:"time,omitempty"`
}

// Key identifies a mention within the gold set.
func (m LedgerMention) Key() LedgerRef {
	return LedgerRef{Article: m.Article, Offset: m.Offset, Phrase: m.Phrase}
}

// LedgerRef points at a gold mention: article, byte offset and phrase.
type LedgerRef struct {
	Article string `json:"article"`
	Offset  int    `json:"offset"`
	Phrase  string `json:"phrase"`
}

// String renders the reference as article@offset.
func (r LedgerRef) String() string { return fmt.Sprintf("%s@%d", r.Article, r.Offset) }

// LedgerPair is a labelled pair of gold figures of one split.
type LedgerPair struct {
	Split       string    `json:"split"`
	A           LedgerRef `json:"a"`
	B           LedgerRef `json:"b"`
	SameMeasure bool      `json:"same_measure"`
	// Relation is one of PairRelations.
	Relation     string `json:"relation"`
	CrossArticle bool   `json:"cross_article"`
	// SameStory says whether both figures come from reports of the same
	// news event (always true within an article).
	SameStory bool `json:"same_story"`
	// File is the pair file it was read from ("pairs-dev", "pairs-dev2"),
	// so that a later round of pairs can be scored on its own.
	File string `json:"-"`
}

// LedgerGold is one split of the ledger gold set.
type LedgerGold struct {
	Split    string
	Articles []LedgerArticle
	Mentions []LedgerMention
	Pairs    []LedgerPair
}

// Figures returns the gold figures (not the not-figures).
func (g *LedgerGold) Figures() []LedgerMention {
	var out []LedgerMention
	for _, m := range g.Mentions {
		if m.Figure {
			out = append(out, m)
		}
	}
	return out
}

// LoadLedgerGold reads one split ("dev" or "test") of the ledger gold set
// from dir (articles.jsonl, SPLIT.jsonl, pairs-SPLIT.jsonl and the later
// rounds of pairs pairs-SPLITN.jsonl, N a digit, when present) and
// validates it.
func LoadLedgerGold(dir, split string) (*LedgerGold, error) {
	if split != LedgerDev && split != LedgerTest {
		return nil, fmt.Errorf("ledger gold: unknown split %q (want dev or test)", split)
	}
	g := &LedgerGold{Split: split}
	var all []LedgerArticle
	if err := readJSONL(filepath.Join(dir, "articles.jsonl"), &all); err != nil {
		return nil, err
	}
	for _, a := range all {
		if a.Split == split {
			g.Articles = append(g.Articles, a)
		}
	}
	if err := readJSONL(filepath.Join(dir, split+".jsonl"), &g.Mentions); err != nil {
		return nil, err
	}
	rounds, err := filepath.Glob(filepath.Join(dir, "pairs-"+split+"[0-9]*.jsonl"))
	if err != nil {
		return nil, err
	}
	for _, path := range append([]string{filepath.Join(dir, "pairs-"+split+".jsonl")}, rounds...) {
		n := len(g.Pairs)
		if err := readJSONL(path, &g.Pairs); err != nil {
			return nil, err
		}
		for i := n; i < len(g.Pairs); i++ {
			g.Pairs[i].File = strings.TrimSuffix(filepath.Base(path), ".jsonl")
		}
	}
	if err := g.Validate(); err != nil {
		return nil, fmt.Errorf("ledger gold %s: %w", dir, err)
	}
	return g, nil
}

// readJSONL decodes one JSON value per non-empty line of path into *out,
// rejecting unknown fields.
func readJSONL[T any](path string, out *[]T) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		var v T
		if err := dec.Decode(&v); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
		*out = append(*out, v)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// Validate checks the split's internal consistency: every mention lies in
// the annotated part of an article of its split, is unique and has the
// fields its kind needs; every pair joins two distinct figures of the
// split with a relation that fits its same-measure label.
func (g *LedgerGold) Validate() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	arts := map[string]LedgerArticle{}
	for _, a := range g.Articles {
		if a.ID == "" || a.AnnotatedBytes <= 0 {
			bad("article %q: empty id or annotated_bytes", a.ID)
		}
		if _, dup := arts[a.ID]; dup {
			bad("article %s listed twice", a.ID)
		}
		arts[a.ID] = a
	}
	figures := map[LedgerRef]LedgerMention{}
	seen := map[[2]any]bool{}
	for _, m := range g.Mentions {
		where := m.Key().String()
		a, ok := arts[m.Article]
		switch {
		case m.Split != g.Split:
			bad("%s: split %q in the %s file", where, m.Split, g.Split)
		case !ok:
			bad("%s: article not in the %s split", where, g.Split)
		case m.Offset < 0 || m.Offset >= a.AnnotatedBytes:
			bad("%s: outside the annotated %d bytes", where, a.AnnotatedBytes)
		}
		if strings.TrimSpace(m.Phrase) == "" || len(strings.Fields(m.Phrase)) > 5 {
			bad("%s: phrase %q is not a short number phrase", where, m.Phrase)
		}
		k := [2]any{m.Article, m.Offset}
		if seen[k] {
			bad("%s: annotated twice", where)
		}
		seen[k] = true
		if !m.Figure {
			if !slices.Contains(NotFigureClasses, m.Class) {
				bad("%s: not-figure class %q unknown", where, m.Class)
			}
			if m.Lemma != "" || m.Speaker != "" || m.Value != nil {
				bad("%s: a not-figure carries figure fields", where)
			}
			continue
		}
		if m.Class != "" {
			bad("%s: a figure has the not-figure class %q", where, m.Class)
		}
		if m.Lemma == "" || m.Noun == "" || m.Event == "" || m.Speaker == "" || m.Unit == "" {
			bad("%s: figure without noun, lemma, event, unit or speaker", where)
		}
		if !slices.Contains(FigureScopes, m.Scope) {
			bad("%s: scope %q unknown", where, m.Scope)
		}
		if m.ValueMax != nil && (m.Value == nil || *m.ValueMax < *m.Value) {
			bad("%s: value_max without a smaller value", where)
		}
		figures[m.Key()] = m
	}
	pairs := map[[2]LedgerRef]bool{}
	for i, p := range g.Pairs {
		where := fmt.Sprintf("pair %d (%s, %s)", i+1, p.A, p.B)
		fa, okA := figures[p.A]
		fb, okB := figures[p.B]
		if p.Split != g.Split {
			bad("%s: split %q in the %s file", where, p.Split, g.Split)
		}
		if !okA || !okB {
			bad("%s: not two figures of the split", where)
			continue
		}
		if p.A == p.B {
			bad("%s: a figure paired with itself", where)
		}
		k := [2]LedgerRef{p.A, p.B}
		if p.B.String() < p.A.String() {
			k = [2]LedgerRef{p.B, p.A}
		}
		if pairs[k] {
			bad("%s: labelled twice", where)
		}
		pairs[k] = true
		if !slices.Contains(PairRelations, p.Relation) {
			bad("%s: relation %q unknown", where, p.Relation)
		} else if sameMeasureRelation(p.Relation) != p.SameMeasure {
			bad("%s: relation %s with same_measure %v", where, p.Relation, p.SameMeasure)
		}
		if cross := fa.Article != fb.Article; cross != p.CrossArticle || !cross && !p.SameStory {
			bad("%s: cross_article or same_story does not fit the articles", where)
		}
	}
	return errors.Join(errs...)
}

// CheckOffsets checks every mention against the corpus texts (article ID →
// text): the phrase must sit at its byte offset, and every article of the
// split must be in texts and at least annotated_bytes long.
func (g *LedgerGold) CheckOffsets(texts map[string]string) error {
	errs := checkArticleTexts(texts, g.Articles)
	for _, m := range g.Mentions {
		if !phraseAt(texts[m.Article], m.Offset, m.Phrase) {
			errs = append(errs, fmt.Errorf("%s: %q is not at its offset", m.Key(), m.Phrase))
		}
	}
	return errors.Join(errs...)
}

// checkArticleTexts checks that every gold article is in texts (article ID
// → corpus text) and at least as long as its annotated prefix.
func checkArticleTexts(texts map[string]string, arts []LedgerArticle) []error {
	var errs []error
	for _, a := range arts {
		t, ok := texts[a.ID]
		if !ok {
			errs = append(errs, fmt.Errorf("article %s not in the corpus", a.ID))
		} else if len(t) < a.AnnotatedBytes {
			errs = append(errs, fmt.Errorf("article %s: %d bytes, %d annotated", a.ID, len(t), a.AnnotatedBytes))
		}
	}
	return errs
}

// goldRecords reads the corpus records of the gold articles arts from
// corpusPath, and their texts (article ID → text).
func goldRecords(corpusPath string, arts []LedgerArticle) (map[string]corpusRecord, map[string]string, error) {
	want := map[string]bool{}
	for _, a := range arts {
		want[a.ID] = true
	}
	recs, err := readRecords(corpusPath, want)
	if err != nil {
		return nil, nil, err
	}
	texts := map[string]string{}
	for id, r := range recs {
		texts[id] = r.Text
	}
	return recs, texts, nil
}

// phraseAt reports whether phrase sits in t at byte offset off.
func phraseAt(t string, off int, phrase string) bool {
	end := off + len(phrase)
	return off >= 0 && end <= len(t) && t[off:end] == phrase
}
