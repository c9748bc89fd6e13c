package facts

import (
	"testing"
	"time"
)

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestHolder(t *testing.T) {
	tab := Default()
	tests := []struct {
		iso, role, date, want string
	}{
		{"US", "president", "2024-10-15", "biden"},
		{"US", "president", "2025-03-01", "trump"},
		{"US", "president", "2019-03-01", "trump"},
		{"US", "president", "2025-01-20", "trump"}, // inauguration day
		{"UA", "president", "2024-10-15", "zelensky"},
		{"UA", "leader", "2024-10-15", "zelensky"},
		{"KP", "leader", "2024-10-15", "kimjongun"},
		{"DE", "foreign minister", "2024-10-15", "baerbock"},
		{"DE", "prime minister", "2024-10-15", "scholz"},
		{"GB", "prime minister", "2024-10-15", "starmer"},
		{"GB", "leader", "2024-10-15", "starmer"},
		{"RU", "defence minister", "2024-10-15", "belousov"},
		{"RU", "defence minister", "2023-10-15", "shoigu"},
		{"KR", "president", "2024-10-15", "yoonsukyeol"},
		{"KR", "president", "2025-05-01", ""}, // acting presidents are not tracked
		{"US", "president", "", ""},           // no date, no holder
		{"FR", "chancellor", "2024-10-15", ""},
	}
	for _, tt := range tests {
		var at time.Time
		if tt.date != "" {
			at = date(tt.date)
		}
		p, ok := tab.Holder(tt.iso, tt.role, at)
		got := ""
		if ok {
			got = p.Key
		}
		if got != tt.want {
			t.Errorf("Holder(%s, %s, %s) = %q, want %q", tt.iso, tt.role, tt.date, got, tt.want)
		}
	}
}

func TestLookup(t *testing.T) {
	tab := Default()
	tests := []struct {
		name, id, kind string
	}{
		{"Ukraine", "gpe:ua", KindCountry},
		{"Kiev", "gpe:ua", KindCapital},
		{"Kyiv", "gpe:ua", KindCapital},
		{"Ukrainian", "gpe:ua", KindDemonym},
		{"North Korean", "gpe:kp", KindDemonym},
		{"DPRK", "gpe:kp", KindCountry},
		{"Pyongyang", "gpe:kp", KindCapital},
		{"the Kremlin", "gpe:ru", KindSeat},
		{"WHO", "org:who", KindOrg},
		{"Nato", "org:nato", KindOrg},
		{"Europeans", "loc:europe", KindDemonym},
		{"Western", "loc:west", KindDemonym},
		{"Telegram", "org:telegram", KindOrg},
		{"U.S.", "gpe:us", KindCountry},
		{"Zelenskiy", "per:zelensky", KindPerson},
		{"Volodymyr Zelenskyy", "per:zelensky", KindPerson},
		{"Kim Jong Un", "per:kimjongun", KindPerson},
		{"Kim Jong-un", "per:kimjongun", KindPerson},
		{"Kim Yo Jong", "per:kimyojong", KindPerson},
		{"CSIS", "org:csis", KindOrg},
		{"Côte d’Ivoire", "gpe:ci", KindCountry},
	}
	for _, tt := range tests {
		refs := tab.Lookup(tt.name)
		if len(refs) == 0 || refs[0].ID != tt.id || refs[0].Kind != tt.kind {
			t.Errorf("Lookup(%q) = %+v, want %s %s", tt.name, refs, tt.id, tt.kind)
		}
	}
	// An acronym matches only in capitals: a question word is no
	// organisation, "us" no country.
	for _, name := range []string{"Who", "Us", "who"} {
		if refs := tab.Lookup(name); len(refs) != 0 {
			t.Errorf("Lookup(%q) = %+v, want nothing", name, refs)
		}
	}
	// Brussels is Belgium's capital and the EU's seat.
	if refs := tab.Lookup("Brussels"); len(refs) != 2 || refs[0].ID != "gpe:be" || refs[1].ID != "org:eu" || refs[1].Kind != KindSeat {
		t.Errorf("Lookup(Brussels) = %+v, want Belgium's capital and the EU's seat", refs)
	}
	// Another city is no name of the capital, even where a government
	// sits or sat there: a strike in Aden is not in Sanaa.
	for _, name := range []string{"Tel Aviv", "Aden", "The Hague", "Almaty"} {
		for _, r := range tab.Lookup(name) {
			if r.Kind == KindCapital {
				t.Errorf("Lookup(%q) = %+v, want no capital", name, r)
			}
		}
	}
	if !tab.HasID("org:who") || tab.HasID("org:nothing") {
		t.Error("HasID")
	}
	if got := TypeOf("loc:kyiv") + TypeOf("gpe:ua") + TypeOf("nothing"); got != "LOCGPE" {
		t.Errorf("TypeOf = %q", got)
	}
	if refs := tab.Lookup("Kim"); len(refs) != 0 {
		t.Errorf("Lookup(Kim) = %+v, want nothing: a bare surname is ambiguous", refs)
	}
}

func TestTableConsistent(t *testing.T) {
	tab := Default()
	if len(tab.Countries) < 190 {
		t.Errorf("%d countries, want the UN members and more", len(tab.Countries))
	}
	seen := map[string]bool{}
	for _, c := range tab.Countries {
		if len(c.ISO2) != 2 || len(c.ISO3) != 3 || seen[c.ISO2] {
			t.Errorf("bad or repeated ISO codes %q %q", c.ISO2, c.ISO3)
		}
		seen[c.ISO2] = true
	}
	for _, o := range tab.Offices {
		if !o.To.IsZero() && !o.From.Before(o.To) {
			t.Errorf("office %s %s %s ends before it starts", o.Country, o.Role, o.Person)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{
		"[countries]\nUA\tUKR\n",
		"[offices]\nUA\tpresident\tnobody\t2020-01-01\t-\n",
		"stray row\n",
	} {
		if _, err := Parse(in); err == nil {
			t.Errorf("Parse(%q) succeeded, want an error", in)
		}
	}
}

func TestPersonNamed(t *testing.T) {
	tb := Default()
	for name, want := range map[string]string{
		"Tayyip Erdoğan":        "erdogan",    // given names among the listed ones
		"Aleksander Lukashenko": "lukashenko", // ks for x
		"Alaxandr Lukashenko":   "lukashenko", // vowels of a machine transliteration
		"Wołodymyr Zelnski":     "zelensky",   // Polish letters, a vowel dropped
		"Dimitry Peskov":        "peskov",
		"Zelanski":              "zelensky", // one word: a surname of five consonants or more
		"Jill Biden":            "",         // another given name
		"Hunter Biden":          "",
		"Eric Trump":            "",
		"Yulia Navalnaya":       "", // another surname
		"Biden":                 "", // one word: a skeleton too short to guess from
		"Ivan Petrenko":         "",
	} {
		p, ok := tb.PersonNamed(name)
		got := ""
		if ok {
			got = p.Key
		}
		if got != want {
			t.Errorf("PersonNamed(%q) = %q, want %q", name, got, want)
		}
	}
	if got, want := skeleton("aleksander"), skeleton("alexander"); got != want || got != "alksndr" {
		t.Errorf("skeleton: aleksander %q, alexander %q, want both alksndr", got, want)
	}
}

func TestOfficeCountry(t *testing.T) {
	tb := Default()
	if got := tb.OfficeCountry("kimjongun"); got != "KP" {
		t.Errorf("OfficeCountry(kimjongun) = %q, want KP", got)
	}
	if got := tb.OfficeCountry("prigozhin"); got != "" {
		t.Errorf("OfficeCountry(prigozhin) = %q, want none: he held no office", got)
	}
}
