package eval

import (
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/news"
)

//go:embed testdata/entities-gold.tsv
var entitiesGold string

//go:embed testdata/entities-gold-files.tsv
var entitiesGoldFiles string

// GoldMention is one hand-annotated entity mention of a real article:
// byte offsets into the article's extracted text, a type and the
// entity it names.
type GoldMention struct {
	Article    string
	Split      string
	Start, End int
	Type       string
	Entity     string
}

// EntityGoldArticle names an article of the entity gold set: its ID, its
// split and its path under ../shared/data/ukraine-war-news.
type EntityGoldArticle struct {
	ID, Split, Path string
}

// EntityGold returns the entity gold set (testdata/entities-gold.tsv)
// and its articles; split "" means both splits.
func EntityGold(split string) ([]EntityGoldArticle, []GoldMention, error) {
	var arts []EntityGoldArticle
	for n, line := range strings.Split(entitiesGoldFiles, "\n") {
		f := strings.Split(line, "\t")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if len(f) != 3 {
			return nil, nil, fmt.Errorf("entities-gold-files.tsv line %d: %d columns, want 3", n+1, len(f))
		}
		if split == "" || f[1] == split {
			arts = append(arts, EntityGoldArticle{ID: f[0], Split: f[1], Path: f[2]})
		}
	}
	var ms []GoldMention
	for n, line := range strings.Split(entitiesGold, "\n") {
		f := strings.Split(line, "\t")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if len(f) != 6 {
			return nil, nil, fmt.Errorf("entities-gold.tsv line %d: %d columns, want 6", n+1, len(f))
		}
		start, err1 := strconv.Atoi(f[2])
		end, err2 := strconv.Atoi(f[3])
		if err1 != nil || err2 != nil || end <= start {
			return nil, nil, fmt.Errorf("entities-gold.tsv line %d: bad offsets", n+1)
		}
		if split == "" || f[1] == split {
			ms = append(ms, GoldMention{Article: f[0], Split: f[1], Start: start, End: end, Type: f[4], Entity: f[5]})
		}
	}
	return arts, ms, nil
}

// EntityReport scores the entity layer against the gold set.
type EntityReport struct {
	Articles int
	// Gold and Found count gold mentions and system name and demonym
	// mentions (role descriptions are not scored); Matched those with
	// the same span (a leading "the" ignored).
	Gold, Found, Matched int
	// TypeRight counts matched mentions with the gold type.
	TypeRight int
	// LinkExact counts matched mentions whose entity ID is the gold ID;
	// LinkMapped those whose entity is the one system entity mapped to
	// their gold entity (each system entity maps to at most one gold
	// entity, the one with most mentions in it), which credits a correct
	// grouping under another ID ("per:danylo-korinsky").
	LinkExact, LinkMapped int
	// Misfits counts gold spans that no longer fit the article's text
	// (out of range, or cutting a word): the extraction changed since the
	// gold was anchored, and the gold needs re-anchoring
	// (testdata/entities-gold.md). They are left out of the scores.
	Misfits int
	// Errors lists the mismatches: gold mentions missed or mislinked and
	// system mentions not in the gold set.
	Errors []string
}

// Precision, Recall and F1 of the mention spans, in percent.
func (r *EntityReport) Precision() float64 { return pct(r.Matched, r.Found) }

// Recall of the mention spans, in percent.
func (r *EntityReport) Recall() float64 { return pct(r.Matched, r.Gold) }

// F1 of the mention spans, in percent.
func (r *EntityReport) F1() float64 {
	p, q := r.Precision(), r.Recall()
	if p+q == 0 {
		return 0
	}
	return 2 * p * q / (p + q)
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// spanFits reports whether [start, end) lies in text on word boundaries:
// no letter or digit just before start or just after end.
func spanFits(text string, start, end int) bool {
	if start < 0 || end > len(text) || start >= end {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(text[:start])
	after, _ := utf8.DecodeRuneInString(text[end:])
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	return !(start > 0 && word(before)) && !(end < len(text) && word(after))
}

// ScoreEntities scores the entity layers of articles (stored after the
// link step) against gold mentions.
func ScoreEntities(articles []*news.Article, gold []GoldMention) *EntityReport {
	r := &EntityReport{}
	byArt := map[string][]GoldMention{}
	for _, g := range gold {
		byArt[g.Article] = append(byArt[g.Article], g)
	}
	type pair struct {
		gold news.Mention
		sys  news.Mention
	}
	var matched []pair
	for _, a := range articles {
		gs, ok := byArt[a.ID]
		if !ok {
			continue
		}
		r.Articles++
		key := func(start, end int) string {
			t := a.Text[start:end]
			for _, p := range []string{"the ", "The ", "THE "} {
				if strings.HasPrefix(t, p) {
					start += len(p)
				}
			}
			return fmt.Sprint(start, ":", end)
		}
		sys := map[string]news.Mention{}
		for _, m := range a.Entities {
			if m.Kind == "role" {
				continue
			}
			k := key(m.Start, m.End)
			if _, dup := sys[k]; dup {
				continue
			}
			sys[k] = m
			r.Found++
		}
		seen := map[string]bool{}
		for _, g := range gs {
			if !spanFits(a.Text, g.Start, g.End) {
				r.Misfits++
				r.Errors = append(r.Errors, fmt.Sprintf("%s misfit  %d:%d %s %s", a.ID, g.Start, g.End, g.Type, g.Entity))
				continue
			}
			r.Gold++
			k := key(g.Start, g.End)
			seen[k] = true
			m, ok := sys[k]
			if !ok {
				r.Errors = append(r.Errors, fmt.Sprintf("%s missed  %q %s %s", a.ID, a.Text[g.Start:g.End], g.Type, g.Entity))
				continue
			}
			r.Matched++
			if m.Type == g.Type {
				r.TypeRight++
			}
			matched = append(matched, pair{news.Mention{Type: g.Type, Entity: g.Entity, Text: m.Text}, m})
		}
		for k, m := range sys {
			if !seen[k] {
				r.Errors = append(r.Errors, fmt.Sprintf("%s extra   %q %s %s", a.ID, m.Text, m.Type, m.Entity))
			}
		}
	}
	// Map each system entity to the gold entity most of its matched
	// mentions name, most-shared pairs first, one to one.
	count := map[[2]string]int{}
	for _, p := range matched {
		if p.sys.Entity != "" {
			count[[2]string{p.gold.Entity, p.sys.Entity}]++
		}
	}
	pairs := make([][2]string, 0, len(count))
	for k := range count {
		pairs = append(pairs, k)
	}
	sort.Slice(pairs, func(i, j int) bool {
		if count[pairs[i]] != count[pairs[j]] {
			return count[pairs[i]] > count[pairs[j]]
		}
		return pairs[i][0]+pairs[i][1] < pairs[j][0]+pairs[j][1]
	})
	goldTo, sysTaken := map[string]string{}, map[string]bool{}
	for _, p := range pairs {
		if _, done := goldTo[p[0]]; done || sysTaken[p[1]] {
			continue
		}
		goldTo[p[0]] = p[1]
		sysTaken[p[1]] = true
	}
	for _, p := range matched {
		if p.sys.Entity == p.gold.Entity {
			r.LinkExact++
		}
		if p.sys.Entity != "" && goldTo[p.gold.Entity] == p.sys.Entity {
			r.LinkMapped++
		} else {
			r.Errors = append(r.Errors, fmt.Sprintf("linked  %q → %q, gold %s", p.sys.Text, p.sys.Entity, p.gold.Entity))
		}
	}
	sort.Strings(r.Errors)
	return r
}

// Write prints the report; with errors, every mismatch too.
func (r *EntityReport) Write(w io.Writer, errors bool) {
	fmt.Fprintf(w, "%d articles, %d gold mentions, %d system mentions, %d matched\n", r.Articles, r.Gold, r.Found, r.Matched)
	if r.Misfits > 0 {
		fmt.Fprintf(w, "%d gold spans no longer fit the extracted text and are left out: re-anchor the gold (internal/eval/testdata/entities-gold.md)\n", r.Misfits)
	}
	fmt.Fprintf(w, "mentions: precision %.2f recall %.2f F1 %.2f\n", r.Precision(), r.Recall(), r.F1())
	fmt.Fprintf(w, "type accuracy on matched mentions: %.2f\n", pct(r.TypeRight, r.Matched))
	fmt.Fprintf(w, "linking accuracy on matched mentions: %.2f (one-to-one entity mapping), %.2f (exact gold ID)\n",
		pct(r.LinkMapped, r.Matched), pct(r.LinkExact, r.Matched))
	if errors {
		for _, e := range r.Errors {
			fmt.Fprintln(w, e)
		}
	}
}
