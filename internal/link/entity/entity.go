// Package entity is the link phase's entity-merging step: it gives the
// same entity ID to mentions of one entity across articles. The entity
// stage (internal/annotate/entity) has already linked each article's
// mentions within the article, to the facts table's IDs where it knows
// the entity ("per:zelensky" for Zelensky, Zelenskyy and Zelenskiy;
// "gpe:ua" for Kyiv, Kiev and Ukraine) and to IDs derived from the name
// otherwise ("per:danylo-korinsky"). This step maps each derived ID to an
// entity already known from earlier articles when the names are the same
// (of compatible types: a person never joins a place or an organisation)
// or the same up to a transliteration: the same type, written alike, the
// same number of words, all words equal but one, and that one differing
// only in vowels, y, h, j, w (at most two edits, the same first three
// letters, five letters or more: "Korinsky" / "Korinskyi"). Never into
// an entity of the facts table: those take their mentions in the
// article, where case and context are known ("Who" is not the WHO), and
// a name the table knows keeps the article's resolution (Kyiv the city). Names that differ in a whole word stay
// apart ("Kim Jong-un" / "Kim Yo-jong"), and so do near-homographs
// ("Telegram" / "Telegraph", "HARMs" / "Harris"). A remapped mention
// takes the type of its entity, so one entity has one type.
package entity

import (
	"cmp"
	"context"
	"fmt"
	"runtime"
	"strings"
	"unicode"

	"sitrep/internal/facts"
	"sitrep/internal/link"
	"sitrep/internal/news"
)

// The records the step exchanges with the store live in news, so that the
// stores need not import this package.
type (
	// Name is one known name of an entity.
	Name = news.EntityName
	// Alias is one written form of an entity in one article, with its count.
	Alias = news.EntityAlias
	// Mentions is what one article says of one entity.
	Mentions = news.EntityMentions
	// Summary is one canonical entity across the stored articles.
	Summary = news.EntitySummary
)

// MaxArticleIDs bounds Summary.ArticleIDs.
const MaxArticleIDs = news.MaxEntityArticleIDs

// Lister reads the entity index for `sitrep entities` and `sitrep entity`.
type Lister interface {
	// Entities lists entities, most mentioned first; typ "" means every
	// type; limit <= 0 means 100.
	Entities(ctx context.Context, typ string, limit int) ([]Summary, error)
	// Entity returns the entity whose ID, canonical name or alias is
	// name, or else one of whose known names has the key key (facts.Key
	// of name: Lookup computes it), with its articles, or an error
	// wrapping news.ErrNotFound.
	Entity(ctx context.Context, name, key string) (*Summary, error)
}

// Lookup returns the entity l knows by name (see Lister.Entity).
func Lookup(ctx context.Context, l Lister, name string) (*Summary, error) {
	return l.Entity(ctx, name, facts.Key(name))
}

// Index is the store's entity index.
type Index interface {
	// PendingEntities returns up to n article IDs the step has not linked
	// yet, earliest published first, undated last, then in storage order
	// (the order of the other steps' queues: the first spelling of a name
	// is the earliest published one, whatever order the articles were
	// stored in).
	PendingEntities(ctx context.Context, n int) ([]string, error)
	// EntityNames returns the known names, of any type, whose Block is
	// block.
	EntityNames(ctx context.Context, typ, block string) ([]Name, error)
	// RecordEntities stores an article's names (each with its Key and
	// Block) and mentions, replacing any recorded before, and takes it off the queue, in one
	// transaction.
	RecordEntities(ctx context.Context, articleID string, names []Name, mentions []Mentions) error
}

// Store is the store the step works on.
type Store interface {
	Index
	Article(ctx context.Context, id string) (*news.Article, error)
	Update(ctx context.Context, a *news.Article) error
}

// Step is the entity-merging step.
type Step struct {
	// Workers is how many articles of a batch are read at once (0:
	// GOMAXPROCS); the links do not depend on it.
	Workers int
	s       Store
	facts   *facts.Table
}

// New returns the step over s.
func New(s Store) *Step { return &Step{s: s, facts: facts.Default()} }

// Block is the candidate bucket of a name: its first two letters and its
// number of words. Spelling variants this step merges share a block.
func Block(key string) string {
	words := strings.Fields(key)
	if len(words) == 0 {
		return ""
	}
	r := []rune(words[0])
	if len(r) > 2 {
		r = r[:2]
	}
	return fmt.Sprintf("%s|%d", string(r), len(words))
}

// Link links every pending article. The articles of a batch are read
// st.Workers at once and linked one by one in the queue's order (a
// link writes its own article only, so reading it ahead is reading it
// then).
func (st *Step) Link(ctx context.Context) (int, error) {
	return link.DrainParallel(ctx, 64, cmp.Or(st.Workers, runtime.GOMAXPROCS(0)), st.s.PendingEntities, func(id string) string { return id },
		func(ctx context.Context, ids []string, i int) (*news.Article, error) {
			return st.s.Article(ctx, ids[i])
		},
		st.linkOne)
}

// isFactsID reports whether id is an entity of the facts table.
func (st *Step) isFactsID(id, canonical string) bool {
	for _, r := range st.facts.Lookup(canonical) {
		if r.ID == id {
			return true
		}
	}
	return false
}

func (st *Step) linkOne(ctx context.Context, _ string, a *news.Article) error {
	// Map each derived ID of this article to a known entity.
	remap := map[string]Name{}
	for _, m := range a.Entities {
		if m.Entity == "" || m.Kind == "role" || m.Kind == "demonym" {
			continue
		}
		// A name the facts table knows was resolved in the article (a
		// capital as its city or its state, an acronym in capitals): the
		// same name elsewhere must not override that.
		if _, done := remap[m.Entity]; done || st.isFactsID(m.Entity, m.Canonical) || len(st.facts.Lookup(m.Canonical)) > 0 {
			continue
		}
		key := facts.Key(m.Canonical)
		target := Name{Key: key, Block: Block(key), Type: m.Type, Entity: m.Entity, Canonical: m.Canonical}
		known, err := st.s.EntityNames(ctx, m.Type, Block(key))
		if err != nil {
			return err
		}
		for _, k := range known {
			// Facts entities take their mentions in the article only
			// ("Who" is not the WHO though both have the key "who").
			if !compatibleTypes(k.Type, m.Type) || st.facts.HasID(k.Entity) {
				continue
			}
			// The same name is the same entity; a spelling variant must
			// have the same type and be written alike.
			same := k.Key == key
			if same || k.Type == m.Type && variant(k.Key, key) && sameCasing(k.Canonical, m.Canonical) {
				target.Entity, target.Canonical = k.Entity, k.Canonical
				if same {
					break
				}
			}
		}
		remap[m.Entity] = target
	}
	changed := false
	for i := range a.Entities {
		m := &a.Entities[i]
		if t, ok := remap[m.Entity]; ok && (t.Entity != m.Entity || t.Canonical != m.Canonical) {
			m.Entity, m.Canonical = t.Entity, t.Canonical
			if typ := facts.TypeOf(m.Entity); typ != "" {
				m.Type = typ
			}
			changed = true
		}
	}
	if changed {
		if err := st.s.Update(ctx, a); err != nil {
			return err
		}
	}
	names, mentions := summarize(a.Entities)
	return st.s.RecordEntities(ctx, a.ID, names, mentions)
}

// summarize returns an article's names (canonical names and written
// forms, except role descriptions and demonyms) and its mentions per
// entity.
func summarize(ms []news.Mention) ([]Name, []Mentions) {
	var names []Name
	seenName := map[string]bool{}
	byEntity := map[string]*Mentions{}
	var order []string
	for _, m := range ms {
		if m.Entity == "" {
			continue
		}
		e := byEntity[m.Entity]
		if e == nil {
			e = &Mentions{Entity: m.Entity, Canonical: m.Canonical, Type: m.Type}
			byEntity[m.Entity] = e
			order = append(order, m.Entity)
		}
		found := false
		for k := range e.Aliases {
			if e.Aliases[k].Text == m.Text {
				e.Aliases[k].Count++
				found = true
			}
		}
		if !found {
			e.Aliases = append(e.Aliases, Alias{Text: m.Text, Count: 1})
		}
		if m.Kind == "role" || m.Kind == "demonym" {
			continue
		}
		for _, n := range []string{m.Canonical, m.Text} {
			k := facts.Key(n)
			if k == "" || seenName[m.Type+"|"+k] {
				continue
			}
			seenName[m.Type+"|"+k] = true
			names = append(names, Name{Key: k, Block: Block(k), Type: m.Type, Entity: m.Entity, Canonical: m.Canonical})
		}
	}
	out := make([]Mentions, 0, len(order))
	for _, id := range order {
		out = append(out, *byEntity[id])
	}
	return names, out
}

// compatibleTypes reports whether names of types a and b may name one
// entity: a person only a person; places, organisations and other names
// may be one entity the recogniser typed differently ("Lisvania" as ORG
// in one report, as a state in another).
func compatibleTypes(a, b string) bool {
	return a == b || a != "PER" && b != "PER"
}

// variant reports whether two name keys are spellings of one name: the
// same words but one, which has five letters or more in both, shares its
// first three letters and differs by at most two edits, each of a vowel,
// y, h, j or w, or v for w and c for k — the ways transliterations differ
// ("Korinsky"/"Korinskyi", "Kharkiv"/"Kharkhiv", "Sergei"/"Sergey"), not
// the ways different words do ("Telegram"/"Telegraph",
// "Harms"/"Harris", "Europol"/"Europe", "Democracy"/"Democrats"), nor
// English spellings ("Labour"/"Labor": see englishSpellings).
func variant(a, b string) bool {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) != len(wb) || len(wa) == 0 {
		return false
	}
	diff := -1
	for i := range wa {
		if wa[i] != wb[i] {
			if diff >= 0 {
				return false
			}
			diff = i
		}
	}
	if diff < 0 {
		return true
	}
	x, y := []rune(wa[diff]), []rune(wb[diff])
	// Ivanov and Ivanova are two people, not two spellings.
	// Nor are Pokrovsk and Pokrovske, or Ivanov and Ivanova: a vowel
	// added at the end makes another name.
	for _, v := range "aeo" {
		if string(x)+string(v) == string(y) || string(y)+string(v) == string(x) {
			return false
		}
	}
	if len(x) < 5 || len(y) < 5 || string(x[:3]) != string(y[:3]) || englishSpellings(string(x), string(y)) {
		return false
	}
	return weakEdits(x, y) <= 2
}

// englishSpellings reports whether a and b are one English word in its
// British and American spellings, -our and -or ("labour"/"labor",
// "harbour"/"harbor"). A name made of an English word is not
// transliterated: spelt the other way it names another country's body
// (the UK's Labour, Australia's Labor).
func englishSpellings(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	for i := strings.Index(a, "our"); i >= 0; {
		if a[:i]+"or"+a[i+3:] == b {
			return true
		}
		j := strings.Index(a[i+1:], "our")
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// weak letters are those transliterations add, drop or swap.
func weak(r rune) bool { return strings.ContainsRune("aeiouyhjw", r) }

// swappable reports whether a substitution of p by q is a
// transliteration's.
func swappable(p, q rune) bool {
	if weak(p) && weak(q) {
		return true
	}
	pair := string([]rune{p, q})
	return pair == "vw" || pair == "wv" || pair == "ck" || pair == "kc"
}

// weakEdits is the edit distance between a and b where every edit must
// be a transliteration's (see variant); any other edit costs 3.
func weakEdits(a, b []rune) int {
	const strong = 3
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j * strong
		if j > 0 && weak(b[j-1]) {
			prev[j] = prev[j-1] + 1
		} else if j > 0 {
			prev[j] = prev[j-1] + strong
		}
	}
	for i := 1; i <= len(a); i++ {
		del := strong
		if weak(a[i-1]) {
			del = 1
		}
		cur[0] = prev[0] + del
		for j := 1; j <= len(b); j++ {
			sub := 0
			if a[i-1] != b[j-1] {
				sub = strong
				if swappable(a[i-1], b[j-1]) {
					sub = 1
				}
			}
			ins := strong
			if weak(b[j-1]) {
				ins = 1
			}
			cur[j] = min(prev[j-1]+sub, prev[j]+del, cur[j-1]+ins)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// sameCasing reports whether two written names have the same pattern of
// capitals per word: "HARMs" (an acronym's plural) is not "Harris".
func sameCasing(a, b string) bool {
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) != len(fb) {
		return true
	}
	for i := range fa {
		if casing(fa[i]) != casing(fb[i]) {
			return false
		}
	}
	return true
}

// casing classes a word: capitals only, an initial capital, or other.
func casing(w string) byte {
	upper, lower := 0, 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		}
	}
	switch {
	case lower == 0:
		return 'A'
	case upper <= 1:
		return 'a'
	}
	return 'm'
}
