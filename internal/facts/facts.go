// Package facts is sitrep's own table of world facts for entity
// recognition and resolution: countries with ISO codes, other names,
// demonyms and capitals; major international organisations with their
// acronyms; and the people who hold the highest offices of the states
// most present in conflict news, with their terms.
//
// The table is written for this project in facts.txt (embedded) and
// parsed once. Every entity has a stable ID: "gpe:ua" for a country
// (lower-cased ISO 3166 alpha-2), "org:nato", "per:zelensky".
package facts

import (
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

//go:embed facts.txt
var factsText string

// Entity types, as in news.Mention.Type.
const (
	TypeGPE = "GPE"
	TypeORG = "ORG"
	TypePER = "PER"
)

// How a name refers to its entity.
const (
	KindCountry = "country" // the country's name or another name of it
	KindCapital = "capital" // its capital or seat of government, standing for the state
	KindDemonym = "demonym" // its adjective or people ("Ukrainian")
	KindOrg     = "org"     // an organisation's name or acronym
	KindPerson  = "person"  // a person's name or a variant of it
	// KindSeat is a seat of government or an institution's city standing
	// for it ("the Kremlin", "Downing Street"; "Brussels" for the EU).
	KindSeat   = "seat"
	KindRegion = "region" // a region or bloc's name ("Europe", "the West")
)

// TypeLOC is the type of places that are not states, and of regions.
const TypeLOC = "LOC"

// Country is one state.
type Country struct {
	ISO2, ISO3     string
	Name           string
	Aliases        []string
	Demonyms       []string
	Capital        string
	CapitalAliases []string
}

// Org is an international organisation, agency or outlet.
type Org struct {
	Key     string
	Name    string
	Aliases []string
}

// Person is a holder of high office or a figure often in the news.
type Person struct {
	Key     string
	Name    string
	Aliases []string
	// Country is the ISO alpha-2 code of the person's state, or "".
	Country string
	// Gender is 'm' or 'f', for the pronouns that may refer to the
	// person ("she said"), or 0 when the table does not say.
	Gender byte

	full [][]string // keys of the name and aliases of two or more words, split into words
}

// Office is one term of a person in a role of a state.
type Office struct {
	Country string // ISO alpha-2
	Role    string // a canonical role: see NormalizeRole
	Person  string // Person.Key
	From    time.Time
	To      time.Time // zero while in office
}

// Ref is what a name refers to.
type Ref struct {
	ID   string // stable entity ID
	Name string // display name of the entity
	Type string // GPE, ORG or PER
	Kind string // how the name refers: KindCountry …
	// Country is the ISO alpha-2 code the entity belongs to (the country
	// itself for a GPE), or "".
	Country string
	// Cased is set when the name is an acronym written in capitals
	// ("WHO", "US"): it then matches only a text in capitals, never
	// "Who" or "Us".
	Cased bool
}

// Region is a region or bloc named in the news as one actor.
type Region struct {
	Key      string
	Name     string
	Aliases  []string
	Demonyms []string
}

// Table is the parsed facts table. It is read-only and safe for
// concurrent use.
type Table struct {
	Countries []*Country
	Orgs      []*Org
	Regions   []*Region
	People    []*Person
	Offices   []Office

	byName    map[string][]Ref
	ids       map[string]bool
	byISO     map[string]*Country
	byKey     map[string]*Person
	byCountry map[string][]Office
	officeOf  map[string]string    // person key → the country of the person's first term
	bySurname map[string][]*Person // skeleton of the last word of a full name
}

// Default returns the embedded table, parsed on first use.
var Default = sync.OnceValue(func() *Table {
	t, err := Parse(factsText)
	if err != nil {
		panic("facts: embedded table: " + err.Error())
	}
	return t
})

// CountryID returns the entity ID of the country with ISO alpha-2 code iso.
func CountryID(iso string) string { return "gpe:" + strings.ToLower(iso) }

// Parse reads a table in the facts.txt format.
func Parse(text string) (*Table, error) {
	t := &Table{ids: map[string]bool{}, byName: map[string][]Ref{}, byISO: map[string]*Country{}, byKey: map[string]*Person{}, byCountry: map[string][]Office{}, officeOf: map[string]string{}, bySurname: map[string][]*Person{}}
	section := ""
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = line[1 : len(line)-1]
			continue
		}
		f := strings.Split(line, "\t")
		bad := func(want int) error {
			return fmt.Errorf("line %d: %s row has %d columns, want %d", n+1, section, len(f), want)
		}
		switch section {
		case "countries":
			if len(f) != 7 {
				return nil, bad(7)
			}
			c := &Country{ISO2: f[0], ISO3: f[1], Name: f[2], Aliases: list(f[3]), Demonyms: list(f[4]), Capital: f[5], CapitalAliases: list(f[6])}
			t.Countries = append(t.Countries, c)
			t.byISO[c.ISO2] = c
		case "organisations":
			if len(f) != 3 {
				return nil, bad(3)
			}
			t.Orgs = append(t.Orgs, &Org{Key: f[0], Name: f[1], Aliases: list(f[2])})
		case "regions":
			if len(f) != 4 {
				return nil, bad(4)
			}
			t.Regions = append(t.Regions, &Region{Key: f[0], Name: f[1], Aliases: list(f[2]), Demonyms: list(f[3])})
		case "people":
			if len(f) != 5 {
				return nil, bad(5)
			}
			country := f[3]
			if country == "-" {
				country = ""
			}
			var gender byte
			switch f[4] {
			case "m", "f":
				gender = f[4][0]
			case "-":
			default:
				return nil, fmt.Errorf("line %d: gender %q: want m, f or -", n+1, f[4])
			}
			p := &Person{Key: f[0], Name: f[1], Aliases: list(f[2]), Country: country, Gender: gender}
			t.People = append(t.People, p)
			t.byKey[p.Key] = p
		case "offices":
			if len(f) != 5 {
				return nil, bad(5)
			}
			o := Office{Country: f[0], Role: f[1], Person: f[2]}
			var err error
			if o.From, err = time.Parse(time.DateOnly, f[3]); err != nil {
				return nil, fmt.Errorf("line %d: %w", n+1, err)
			}
			if f[4] != "-" {
				if o.To, err = time.Parse(time.DateOnly, f[4]); err != nil {
					return nil, fmt.Errorf("line %d: %w", n+1, err)
				}
			}
			t.Offices = append(t.Offices, o)
		default:
			return nil, fmt.Errorf("line %d: row outside a known section", n+1)
		}
	}
	for _, o := range t.Offices {
		if t.byKey[o.Person] == nil {
			return nil, fmt.Errorf("office %s %s: unknown person %q", o.Country, o.Role, o.Person)
		}
		if t.byISO[o.Country] == nil {
			return nil, fmt.Errorf("office of %q: unknown country %q", o.Person, o.Country)
		}
		t.byCountry[o.Country] = append(t.byCountry[o.Country], o)
		if t.officeOf[o.Person] == "" {
			t.officeOf[o.Person] = o.Country
		}
	}
	add := func(name string, r Ref) {
		if seat, ok := strings.CutPrefix(name, "@"); ok {
			name, r.Kind = seat, KindSeat
		}
		k := Key(name)
		if k == "" {
			return
		}
		r.Cased = isAcronym(name)
		t.ids[r.ID] = true
		for i, old := range t.byName[k] {
			if old.ID == r.ID && old.Kind == r.Kind {
				t.byName[k][i].Cased = old.Cased && r.Cased
				return
			}
		}
		t.byName[k] = append(t.byName[k], r)
	}
	for _, c := range t.Countries {
		r := Ref{ID: CountryID(c.ISO2), Name: c.Name, Type: TypeGPE, Country: c.ISO2}
		r.Kind = KindCountry
		add(c.Name, r)
		for _, a := range c.Aliases {
			add(a, r)
		}
		r.Kind = KindDemonym
		for _, d := range c.Demonyms {
			add(d, r)
		}
		r.Kind = KindCapital
		add(c.Capital, r)
		for _, a := range c.CapitalAliases {
			add(a, r)
		}
	}
	for _, o := range t.Orgs {
		r := Ref{ID: "org:" + o.Key, Name: o.Name, Type: TypeORG, Kind: KindOrg}
		add(o.Name, r)
		for _, a := range o.Aliases {
			add(a, r)
		}
	}
	for _, g := range t.Regions {
		r := Ref{ID: "loc:" + g.Key, Name: g.Name, Type: TypeLOC, Kind: KindRegion}
		add(g.Name, r)
		for _, a := range g.Aliases {
			add(a, r)
		}
		r.Kind = KindDemonym
		for _, d := range g.Demonyms {
			add(d, r)
		}
	}
	for _, p := range t.People {
		r := Ref{ID: "per:" + p.Key, Name: p.Name, Type: TypePER, Kind: KindPerson, Country: p.Country}
		add(p.Name, r)
		for _, a := range p.Aliases {
			add(a, r)
		}
		p.full = p.fullNames()
		for _, n := range p.full {
			k := skeleton(n[len(n)-1])
			if !slices.Contains(t.bySurname[k], p) {
				t.bySurname[k] = append(t.bySurname[k], p)
			}
		}
	}
	return t, nil
}

// fullNames returns the keys of p's name and aliases of two or more
// words, each split into words.
func (p *Person) fullNames() [][]string {
	var out [][]string
	for _, n := range append([]string{p.Name}, p.Aliases...) {
		if w := strings.Fields(Key(n)); len(w) >= 2 {
			out = append(out, w)
		}
	}
	return out
}

// PersonNamed returns the one person a full name the table does not list
// may name: a person with the same surname whose given names include the
// name's, in order ("Tayyip Erdoğan" is Recep Tayyip Erdoğan), each word
// the same up to transliteration ("Aleksander Lukashenko", "Wołodymyr
// Zelenski"; see skeleton). A one-word name must be the surname of one
// person only, with a skeleton of five letters or more ("Zelanski"). It
// returns false when no person or more than one fits.
func (t *Table) PersonNamed(name string) (*Person, bool) {
	words := strings.Fields(Key(name))
	if len(words) == 0 {
		return nil, false
	}
	if len(words) == 1 {
		s := skeleton(words[0])
		if ps := t.bySurname[s]; len(s) >= 5 && len(ps) == 1 {
			return ps[0], true
		}
		return nil, false
	}
	var found *Person
	for _, p := range t.bySurname[skeleton(words[len(words)-1])] {
		fits := false
		for _, full := range p.full {
			if sameWord(words[len(words)-1], full[len(full)-1]) && givenAmong(words[:len(words)-1], full[:len(full)-1]) {
				fits = true
				break
			}
		}
		if !fits || found == p {
			continue
		}
		if found != nil {
			return nil, false
		}
		found = p
	}
	return found, found != nil
}

// givenAmong reports whether the given names g appear in order among the
// given names of a full name.
func givenAmong(g, full []string) bool {
	j := 0
	for _, w := range g {
		for j < len(full) && !sameWord(w, full[j]) {
			j++
		}
		if j == len(full) {
			return false
		}
		j++
	}
	return true
}

// sameWord reports whether two name words (keys) are one name: equal, or
// with the same skeleton of at least three letters.
func sameWord(a, b string) bool {
	if a == b {
		return true
	}
	s := skeleton(a)
	return len(s) >= 3 && s == skeleton(b)
}

// transliterations makes Polish and German letters and digraphs English
// for skeleton.
var transliterations = strings.NewReplacer("ł", "l", "w", "v", "j", "y", "ks", "x", "kh", "h", "ph", "f")

// skeleton reduces a name word to what its transliterations share: Polish
// and German letters and digraphs made English (ł l, w v, j y, ks and x,
// kh h, ph f), then the first letter and the consonants after it, doubled
// letters once: "Aleksander", "Alexander" and "Alaxandr" are "alksndr";
// "Zelensky", "Zelenskyy", "Zelnski" and "Zelanski" are "zlnsk".
func skeleton(w string) string {
	w = transliterations.Replace(w)
	var b strings.Builder
	var last rune
	for i, r := range w {
		if r == 'x' {
			b.WriteString("ks")
			last = 's'
			continue
		}
		if i > 0 && strings.ContainsRune("aeiouy", r) || r == last {
			continue
		}
		b.WriteRune(r)
		last = r
	}
	return b.String()
}

func list(s string) []string {
	if s == "-" || s == "" {
		return nil
	}
	return strings.Split(s, ";")
}

// Key normalises a name for lookup: lower case, accents, periods and a
// leading "the" removed, apostrophes and quotes made plain, hyphens and
// runs of spaces made single spaces. "Kim Jong-un" and "Kim Jong Un",
// "U.S." and "US", "Côte d'Ivoire" and "Cote d’Ivoire" share a key.
func Key(name string) string {
	var b strings.Builder
	space := true
	for _, r := range norm.NFD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '.':
		case r == '’' || r == '‘' || r == '\'' || r == '`':
			b.WriteByte('\'')
			space = false
		case r == '-' || r == '‐' || r == '–' || unicode.IsSpace(r):
			if !space {
				b.WriteByte(' ')
				space = true
			}
		default:
			b.WriteRune(unicode.ToLower(r))
			space = false
		}
	}
	k := strings.TrimSpace(b.String())
	k = strings.TrimPrefix(k, "the ")
	return k
}

// Lookup returns what a name may refer to; more than one Ref means the
// name is ambiguous (e.g. "Congolese"). An acronym of the table matches
// only a name written in capitals: "WHO" is the World Health
// Organization, "Who" is nothing.
func (t *Table) Lookup(name string) []Ref {
	refs := t.byName[Key(name)]
	if len(refs) == 0 || isCapitals(name) {
		return refs
	}
	var out []Ref
	for i, r := range refs {
		if r.Cased {
			if out == nil {
				out = append([]Ref{}, refs[:i]...)
			}
			continue
		}
		if out != nil {
			out = append(out, r)
		}
	}
	if out == nil {
		return refs
	}
	return out
}

// isAcronym reports whether a table name is an acronym: two to six
// letters, all capitals, with no space ("WHO", "U.S.", "EU").
func isAcronym(name string) bool {
	n := 0
	for _, r := range name {
		switch {
		case r == '.':
		case unicode.IsUpper(r):
			n++
		default:
			return false
		}
	}
	return n >= 2 && n <= 6
}

// isCapitals reports whether a text has letters and no lower-case one.
func isCapitals(s string) bool {
	letters := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		letters = letters || unicode.IsLetter(r)
	}
	return letters
}

// TypeOf returns the canonical type of an entity ID by its prefix
// ("gpe:ua" → GPE, "loc:kyiv" → LOC), or "" for an ID without one. Every
// mention of an entity carries this type, so listings, exports and pages
// agree.
func TypeOf(id string) string {
	p, _, ok := strings.Cut(id, ":")
	if !ok {
		return ""
	}
	switch p {
	case "gpe", "org", "per", "loc", "misc":
		return strings.ToUpper(p)
	}
	return ""
}

// HasID reports whether id is the ID of an entity of the table.
func (t *Table) HasID(id string) bool { return t.ids[id] }

// Country returns the country with ISO alpha-2 code iso.
func (t *Table) Country(iso string) (*Country, bool) {
	c, ok := t.byISO[strings.ToUpper(iso)]
	return c, ok
}

// Person returns the person with the given key ("zelensky").
func (t *Table) Person(key string) (*Person, bool) {
	p, ok := t.byKey[key]
	return p, ok
}

// PersonRef returns the Ref of a person.
func PersonRef(p *Person) Ref {
	return Ref{ID: "per:" + p.Key, Name: p.Name, Type: TypePER, Kind: KindPerson, Country: p.Country}
}

// roleSynonyms maps role words to canonical roles.
var roleSynonyms = map[string]string{
	"president":                      "president",
	"head of state":                  "president",
	"prime minister":                 "prime minister",
	"premier":                        "prime minister",
	"pm":                             "prime minister",
	"chancellor":                     "chancellor",
	"foreign minister":               "foreign minister",
	"foreign secretary":              "foreign minister",
	"secretary of state":             "foreign minister",
	"minister of foreign affairs":    "foreign minister",
	"top diplomat":                   "foreign minister",
	"defence minister":               "defence minister",
	"defense minister":               "defence minister",
	"defence secretary":              "defence minister",
	"defense secretary":              "defence minister",
	"secretary of defense":           "defence minister",
	"secretary of war":               "defence minister",
	"war secretary":                  "defence minister",
	"minister of defence":            "defence minister",
	"minister of defense":            "defence minister",
	"leader":                         "leader",
	"supreme leader":                 "supreme leader",
	"vice president":                 "vice president",
	"commander in chief":             "commander-in-chief",
	"army chief":                     "commander-in-chief",
	"chief of the general staff":     "chief of the general staff",
	"chief of general staff":         "chief of the general staff",
	"protection minister":            "defence minister", // a spun rewrite of "defence minister"
	"overseas minister":              "foreign minister",
	"minister for foreign affairs":   "foreign minister",
	"foreign affairs minister":       "foreign minister",
	"minister of the armed forces":   "defence minister",
	"armed forces minister":          "defence minister",
	"secretary of homeland security": "",
	"national security adviser":      "",
	"president-elect":                "",
	"former president":               "",
	"commander-in-chief":             "commander-in-chief",
	"commander in chief of the army": "commander-in-chief",
	"commander-in-chief of the army": "commander-in-chief",
	"commander of the armed forces":  "commander-in-chief",
	"supreme commander":              "commander-in-chief",
	"head of government":             "prime minister",
	"chief":                          "",
}

// NormalizeRole maps a role phrase ("defense secretary", "Premier") to a
// canonical role, or "" when it is not one the table tracks.
func NormalizeRole(s string) string {
	return roleSynonyms[strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "-", " "))), " ")]
}

// Holder returns the person in a canonical role of a country on a date:
// the role's holder if exactly one term covers the date. "leader" falls
// back to the president, then the head of government. A zero date, or a
// role with no unique holder, gives false.
func (t *Table) Holder(iso, role string, at time.Time) (*Person, bool) {
	if at.IsZero() || role == "" {
		return nil, false
	}
	roles := []string{role}
	if role == "leader" {
		roles = []string{"leader", "president", "chancellor", "prime minister"}
	}
	if role == "prime minister" && iso == "DE" {
		roles = []string{"chancellor"}
	}
	for _, r := range roles {
		var found *Person
		n := 0
		for _, o := range t.byCountry[strings.ToUpper(iso)] {
			if o.Role != r || at.Before(o.From) || (!o.To.IsZero() && !at.Before(o.To)) {
				continue
			}
			if found == nil || found.Key != o.Person {
				n++
			}
			found = t.byKey[o.Person]
		}
		if n == 1 {
			return found, true
		}
		if n > 1 {
			return nil, false
		}
	}
	return nil, false
}

// OfficeCountry returns the country (ISO alpha-2) in whose offices the
// person with key has held a term, or "" for one who held none (a
// spokesman, a warlord).
func (t *Table) OfficeCountry(key string) string { return t.officeOf[key] }

// GazetteerEntries returns name → class for the recogniser's gazetteer
// features: country names, capitals, demonyms, organisations, and people's
// names of two words or more.
func (t *Table) GazetteerEntries() map[string]string {
	out := map[string]string{}
	put := func(name, class string) {
		if _, ok := out[name]; !ok {
			out[name] = class
		}
	}
	for _, c := range t.Countries {
		put(c.Name, "country")
		for _, a := range c.Aliases {
			put(a, "country")
		}
		for _, d := range c.Demonyms {
			put(d, "demonym")
		}
		put(c.Capital, "capital")
		for _, a := range c.CapitalAliases {
			put(a, "capital")
		}
	}
	for _, o := range t.Orgs {
		put(o.Name, "org")
		for _, a := range o.Aliases {
			put(a, "org")
		}
	}
	for _, p := range t.People {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			if strings.Contains(n, " ") {
				put(n, "person")
			}
		}
	}
	return out
}

// Names returns every name in the table, sorted, for tests and tools.
func (t *Table) Names() []string {
	out := make([]string, 0, len(t.byName))
	for k := range t.byName {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
