package facts

import "testing"

// TestPlaces: every capital of the facts table and every country has
// coordinates; known places and regions named after a city are found by
// their entity IDs; an unknown place is not.
func TestPlaces(t *testing.T) {
	g := Places()
	for _, c := range Default().Countries {
		if _, ok := g.Where(CountryID(c.ISO2)); !ok {
			t.Errorf("no coordinates for %s (%s)", c.Name, c.ISO2)
		}
		if _, ok := g.Where("loc:" + Slug(c.Capital)); !ok {
			t.Errorf("no coordinates for %s, the capital of %s", c.Capital, c.Name)
		}
	}
	kyiv, ok := g.Where("loc:kyiv")
	if !ok || kyiv.Lat < 50 || kyiv.Lat > 51 || kyiv.Lon < 30 || kyiv.Lon > 31 {
		t.Errorf("Kyiv at %+v %v", kyiv, ok)
	}
	for _, id := range []string{"loc:kharkiv", "loc:kursk-oblast", "loc:odesa-city", "loc:kryvyi-rih", "gpe:ua"} {
		if _, ok := g.Where(id); !ok {
			t.Errorf("%s: no coordinates", id)
		}
	}
	if _, ok := g.Where("loc:nowhere-in-particular"); ok {
		t.Error("an unknown place has coordinates")
	}
	if _, err := ParsePlaces("[countries]\nUA\t91\t30\n", Default()); err == nil {
		t.Error("a latitude of 91 parsed")
	}
}
