package provenance

import (
	"strings"
	"testing"
	"unicode/utf8"

	"sitrep/internal/news"
)

func TestWords(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Kazhar's troops, 3,000 of them.", []string{"kazhar's", "troops", "3,000", "of", "them"}},
		{"air-defence $1.5bn U.S. troops", []string{"air-defence", "1.5bn", "u", "s", "troops"}},
		{"Zelensky’s 12,000-strong", []string{"zelensky's", "12,000-strong"}},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, w := range words(tt.text) {
			got = append(got, w.norm)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("words(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func FuzzWords(f *testing.F) {
	f.Add("DOROVETS, Lisvania (CP) — 3,000 troops’ bases.\n\nNext")
	f.Add("\xff\xfe a-b-'c 1.2.3")
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, w := range words(text) {
			if w.Start < prev || w.End <= w.Start || w.End > len(text) {
				t.Fatalf("bad span %v after %d in %q", w.Span, prev, text)
			}
			if !utf8.ValidString(text[w.Start:w.End]) && utf8.ValidString(text) {
				t.Fatalf("span %v cuts a rune", w.Span)
			}
			prev = w.End
		}
		d := newDoc(text, nil)
		for _, s := range d.sentences {
			if s.Start < 0 || s.End > len(text) || s.Start > s.End {
				t.Fatalf("bad sentence span %v", s.Span)
			}
		}
		Keys(text)
	})
}

func TestSynonyms(t *testing.T) {
	syn, err := DefaultSynonyms()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		a, b string
		want bool
	}{
		{"house", "home", true},
		{"security", "protection", true},
		{"said", "stated", true},
		{"troops", "troops", false},
		{"troops", "troop", false},
		{"missile", "banana", false},
		{"centre", "middle", true},
		{"defence", "defense", true},
	}
	for _, tt := range tests {
		if got := syn.Are(tt.a, tt.b); got != tt.want {
			t.Errorf("Are(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
	if syn.Len() < 10000 {
		t.Errorf("only %d synsets", syn.Len())
	}
}

func TestLCSSubstitutions(t *testing.T) {
	a := words("Korinsky stated he had handed the intelligence to Varga")
	b := words("Korinsky said he had passed the intelligence to Varga")
	ratio, subs := lcs(a, b)
	if len(subs) != 2 || subs[0].aw[0] != "stated" || subs[0].bw[0] != "said" || subs[1].aw[0] != "handed" {
		t.Fatalf("subs = %+v", subs)
	}
	if ratio < 0.7 || ratio > 0.9 {
		t.Errorf("ratio %.2f", ratio)
	}
}

func TestImprobable(t *testing.T) {
	j, err := DefaultJudge()
	if err != nil {
		t.Fatal(err)
	}
	spun := newDoc("Officials at the White Home said the suppose tank had warned of a small quantity of troops.", nil)
	plain := newDoc("Officials at the White House said the think tank had warned of a small number of troops.", nil)
	got := improbable(spun, j.syn, j.lm)
	var texts []string
	for _, c := range got {
		texts = append(texts, c.text)
	}
	if !strings.Contains(strings.Join(texts, "|"), "White Home") || !strings.Contains(strings.Join(texts, "|"), "suppose tank") {
		t.Errorf("spun collocations %q", texts)
	}
	if p := improbable(plain, j.syn, j.lm); len(p) != 0 {
		t.Errorf("plain text flagged: %+v", p)
	}
}

func TestCitations(t *testing.T) {
	text := "Thousands were training, The Washington Post reported on Tuesday. According to Reuters, talks stalled. Zelenskyy said nothing."
	cs := citations(text)
	var got []string
	for _, c := range cs {
		got = append(got, c.source)
	}
	if strings.Join(got, "|") != "The Washington Post|Reuters" {
		t.Errorf("citations = %q", got)
	}
	if s := wholeSource("Lead line. Consolidated Press reports:\n\nBody."); s != "Consolidated Press" {
		t.Errorf("wholeSource = %q", s)
	}
}

func BenchmarkJudgeSpunPair(b *testing.B) {
	j, err := DefaultJudge()
	if err != nil {
		b.Fatal(err)
	}
	orig := strings.Repeat("Lisvanian President Danylo Korinsky said Wednesday that 3,000 Kazhari troops are already at military bases in Veldana close to the front line, and he expects their number to grow to 8,000. ", 20)
	spun := strings.Repeat("Lisvanian President Danylo Korinsky stated Wednesday that 3,000 Kazhari troopers are at present stationed at navy installations in Veldana near the entrance line, and he expects their quantity to extend to 8,000. ", 20)
	for b.Loop() {
		j.Judge(&news.Article{ID: "s", Text: spun}, []Source{{Article: &news.Article{ID: "o", Text: orig}}})
	}
}

func BenchmarkKeys(b *testing.B) {
	text := strings.Repeat("Veldanian drones and missiles struck Dorovets and the eastern city of Karsk overnight, killing six people. ", 40)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Keys(text)
	}
}
