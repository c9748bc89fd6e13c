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

// TestPlaceCountries checks the country of listed places, of a region
// named after its centre, and none for a sea or an unknown place.
func TestPlaceCountries(t *testing.T) {
	g := Places()
	for id, want := range map[string]string{
		"loc:mariupol": "UA", "loc:sievierodonetsk": "UA", "loc:kharkiv-oblast": "UA",
		"loc:belgorod": "RU", "loc:tiraspol": "MD", "loc:black-sea": "", "loc:atlantis": "",
	} {
		if got := g.CountryOf(id); got != want {
			t.Errorf("CountryOf(%s) = %q, want %q", id, got, want)
		}
	}
	if _, err := ParsePlaces("[places]\nNowhere\t1.0\t2.0\tQQ\n", Default()); err == nil {
		t.Error("a place in a country the facts table lacks was accepted")
	}
}
