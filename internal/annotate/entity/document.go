package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/facts"
	"sitrep/internal/news"
)

// document is an article's tokens grouped into sentences for the tagger.
type document struct {
	text   string
	toks   []news.Token
	words  [][]string  // per sentence, the token texts
	starts []int       // index in toks of each sentence's first token
	tags   []news.UPOS // per token, the syntax layer's tag; nil without the layer
}

func newDocument(a *news.Article) *document {
	d := &document{text: a.Text, toks: a.Tokens}
	if len(a.Syntax) == len(a.Tokens) {
		d.tags = make([]news.UPOS, len(a.Syntax))
		for i, x := range a.Syntax {
			d.tags[i] = x.UPOS
		}
	}
	si := 0
	cur := -1 // sentence of the group being built
	for i, t := range a.Tokens {
		for si < len(a.Sentences) && a.Sentences[si].End <= t.Start {
			si++
		}
		s := si
		if si >= len(a.Sentences) || t.Start < a.Sentences[si].Start {
			s = -1 - si // a token outside every sentence: its own group
		}
		if len(d.starts) == 0 || s != cur || s < 0 {
			d.starts = append(d.starts, i)
			d.words = append(d.words, nil)
			cur = s
		}
		d.words[len(d.words)-1] = append(d.words[len(d.words)-1], t.In(a.Text))
	}
	return d
}

// split appends the mention of tokens first..last, cut where a name
// cannot continue (a line break, a possessive "'s" other than one in an
// institution's name, or a bracket) and
// without a leading honorific ("Mr Putin" is a mention of "Putin").
func (d *document) split(ms []mention, first, last int, typ string) []mention {
	add := func(ms []mention, a, b int) []mention {
		t := typ
		for a < b && (honorific(d.word(a)) || namePreps[d.word(a)] != "" || t == "PER" && roleTitles[strings.ToLower(d.word(a))]) {
			if p := namePreps[d.word(a)]; p == "LOC" {
				t = p // "Near Ayn Isa, five strikes …": a place
			}
			a++
		}
		if a == b && (honorific(d.word(a)) || compound(d.word(a))) {
			return ms
		}
		return append(ms, mention{first: a, last: b, nerType: t, kind: "name"})
	}
	if typ == "PER" {
		last = d.suffixEnd(last)
	}
	start := first
	for k := first; k <= last; k++ {
		w := d.word(k)
		possessive := w == "'s" || w == "’s"
		if possessive && k < last && institutionHeads[d.word(k+1)] {
			continue // "Queen's University Belfast", "King's College London": one name
		}
		cut := possessive || strings.ContainsAny(w, "()[]{}\"“”")
		brk := k < last && strings.ContainsAny(d.text[d.toks[k].End:d.toks[k+1].Start], "\n\r")
		if cut {
			if k > start {
				ms = add(ms, start, k-1)
			}
			start = k + 1
		} else if brk {
			ms = add(ms, start, k)
			start = k + 1
		}
	}
	if start <= last {
		ms = add(ms, start, last)
	}
	return ms
}

// suffixEnd returns the last token of a person's name ending at token k
// when a generational suffix follows it ("Jesse Jackson Jr.", "Sayoc
// Sr", "Henry Ford II"): the son is not the father. Else k.
func (d *document) suffixEnd(k int) int {
	if k+1 >= len(d.toks) || !adjacent(d, k, k+1) {
		return k
	}
	switch d.word(k + 1) {
	case "Jr.", "Sr.", "II", "III", "IV":
		return k + 1
	case "Jr", "Sr":
		if d.word(k+2) == "." && d.toks[k+1].End == d.toks[k+2].Start {
			return k + 2
		}
		return k + 1
	}
	return k
}

// namePreps are capitalised prepositions, conjunctions and adverbs a
// tagger may take into the name after them at the start of a sentence
// ("Near Mosul", "In Kyiv", "Despite Trump's demand"): they are cut off,
// and those that only ever precede a place ("LOC") make the name a
// place. None of them opens a name ("Under" does: "Under Armour").
var namePreps = func() map[string]string {
	m := map[string]string{"Near": "LOC", "Outside": "LOC", "Around": "LOC", "Inside": "LOC"}
	for _, w := range strings.Fields(`In At From On Despite After Before Although Though While When Whether If Unless
		Unlike Like With Without Since Until Because Meanwhile Both Even Only Also But And Yet Then Thus However
		Following During Amid Amidst Against Among Across Through Toward Towards Via By For Of To As Than Once`) {
		m[w] = "-"
	}
	return m
}()

// institutionHeads after a possessive inside a name continue it: the
// possessive is part of the institution's name ("Queen's University").
var institutionHeads = map[string]bool{"University": true, "College": true, "Hospital": true, "School": true,
	"Cathedral": true, "Church": true, "Infirmary": true}

// compound reports whether a one-token name is a hyphenated compound of
// names or a prefixed adjective, not a name: "pro-Russian",
// "Russia-Ukraine", "Belarusian-Russian", "Nato-Ukraine".
func compound(w string) bool {
	parts := strings.Split(w, "-")
	if len(parts) < 2 {
		return false
	}
	switch strings.ToLower(parts[0]) {
	case "pro", "anti", "ex", "non", "post", "pre":
		return true
	}
	named := 0
	for _, p := range parts {
		if len(facts.Default().Lookup(p)) > 0 {
			named++
		}
	}
	return named == len(parts)
}

// honorifics are titles of address that are no part of a name.
var honorifics = wordSet("mr mrs ms miss mx dr sir dame lord lady prof professor mr. mrs. ms. dr. prof. messrs messrs.")

// roleTitles are the offices and ranks a tagger may take into a person's
// name ("Mayor Juris Ozols", "Gov. Eva Park"): the person is the name
// without them. Monarchs' and clerics' titles stay ("King Charles").
var roleTitles = wordSet(`mayor governor gov gov. senator sen sen. rep rep. representative congressman congresswoman
	president pres. chancellor premier general gen gen. lt lt. colonel col col. captain capt capt. sergeant sgt sgt.
	admiral adm adm. major maj maj. judge ambassador chairman chairwoman commissioner councillor councilor
	councilman councilwoman sheriff`)

// honorific reports whether w is a title of address ("Mr", "Dr.").
func honorific(w string) bool { return honorifics[strings.ToLower(w)] }

// tag returns token i's part of speech, or news.UPOSNone when the
// article came without a syntax layer.
func (d *document) tag(i int) news.UPOS {
	if i < 0 || i >= len(d.tags) {
		return news.UPOSNone
	}
	return d.tags[i]
}

func (d *document) word(i int) string {
	if i < 0 || i >= len(d.toks) {
		return ""
	}
	return d.toks[i].In(d.text)
}

// adjacent reports whether tokens i..j lie in one line with single
// spaces or none between them.
func adjacent(d *document, i, j int) bool {
	for k := i; k < j; k++ {
		gap := d.text[d.toks[k].End:d.toks[k+1].Start]
		if len(gap) > 1 || strings.ContainsAny(gap, "\n\r\t") {
			return false
		}
	}
	return true
}

func startsUpper(w string) bool {
	c, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(c)
}
