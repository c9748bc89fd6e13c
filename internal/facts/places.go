package facts

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

//go:embed places.txt
var placesText string

// Point is a place on the globe, in degrees.
type Point struct{ Lat, Lon float64 }

// Gazetteer maps place entity IDs to coordinates.
type Gazetteer struct {
	byID    map[string]Point
	country map[string]string // place ID → ISO alpha-2 of its country
}

// Places returns the embedded coordinates (places.txt), parsed on first
// use: the countries and their capitals of the facts table, and the
// cities, regions and seas the news of a war names most.
var Places = sync.OnceValue(func() *Gazetteer {
	g, err := ParsePlaces(placesText, Default())
	if err != nil {
		panic("facts: embedded places: " + err.Error())
	}
	return g
})

// ParsePlaces reads a coordinates table (places.txt's format); capitals
// are keyed by the capital's place ID, named in t.
func ParsePlaces(text string, t *Table) (*Gazetteer, error) {
	g := &Gazetteer{byID: map[string]Point{}, country: map[string]string{}}
	section := ""
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") {
			section = strings.Trim(line, "[]")
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 3 && !(section == "places" && len(cols) == 4) {
			return nil, fmt.Errorf("places line %d: want 3 tab-separated columns (4 for a place with its country), have %d", n+1, len(cols))
		}
		lat, err1 := strconv.ParseFloat(cols[1], 64)
		lon, err2 := strconv.ParseFloat(cols[2], 64)
		if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
			return nil, fmt.Errorf("places line %d: bad coordinates %q %q", n+1, cols[1], cols[2])
		}
		p := Point{lat, lon}
		switch section {
		case "countries":
			g.byID[CountryID(cols[0])] = p
		case "capitals":
			c, ok := t.Country(cols[0])
			if !ok {
				return nil, fmt.Errorf("places line %d: no country %s in the facts table", n+1, cols[0])
			}
			for _, name := range append([]string{c.Capital}, c.CapitalAliases...) {
				if !strings.HasPrefix(name, "@") {
					g.byID["loc:"+Slug(name)] = p
				}
			}
			if _, ok := g.byID[CountryID(cols[0])]; !ok {
				g.byID[CountryID(cols[0])] = p
			}
		case "places":
			iso := ""
			if len(cols) == 4 {
				if _, ok := t.Country(cols[3]); !ok {
					return nil, fmt.Errorf("places line %d: no country %s in the facts table", n+1, cols[3])
				}
				iso = cols[3]
			}
			for _, name := range strings.Split(cols[0], ";") {
				g.byID["loc:"+Slug(name)] = p
				if iso != "" {
					g.country["loc:"+Slug(name)] = iso
				}
			}
		default:
			return nil, fmt.Errorf("places line %d: outside a known section", n+1)
		}
	}
	return g, nil
}

// Where returns the coordinates of a place entity ID: a country
// ("gpe:ua"), a capital or a known place ("loc:kharkiv"); a region named
// after its centre ("loc:kharkiv-oblast", "loc:odesa-city") is put at
// the centre. ok is false for a place it does not know.
func (g *Gazetteer) Where(id string) (Point, bool) {
	if p, ok := g.byID[id]; ok {
		return p, true
	}
	for _, suffix := range []string{"-oblast", "-city", "-region", "-province", "-krai", "-governorate"} {
		if base, ok := strings.CutSuffix(id, suffix); ok {
			if p, ok := g.byID[base]; ok {
				return p, true
			}
		}
	}
	return Point{}, false
}

// CountryOf returns the ISO alpha-2 code of the country a known place
// lies in ("UA" for "loc:mariupol" and "loc:kharkiv-oblast"), or "" for a
// place it does not know or a sea.
func (g *Gazetteer) CountryOf(id string) string {
	if c, ok := g.country[id]; ok {
		return c
	}
	for _, suffix := range []string{"-oblast", "-city", "-region", "-province", "-krai", "-governorate"} {
		if base, ok := strings.CutSuffix(id, suffix); ok {
			return g.country[base]
		}
	}
	return ""
}

// Slug is the form of a name place and other entity IDs are built from
// ("loc:" + Slug("Kryvyi Rih") is "loc:kryvyi-rih"): its Key with spaces
// as hyphens and every other character that is not a letter or a digit
// dropped.
func Slug(name string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == ' ':
			return '-'
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return r
		}
		return -1
	}, Key(name))
}
