package tokens

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// wordListRegexp is the regular expression a word list stands for.
func wordListRegexp(fold bool, phrases []string) *regexp.Regexp {
	alts := make([]string, len(phrases))
	for i, p := range phrases {
		switch {
		case strings.HasSuffix(p, "*"):
			alts[i] = regexp.QuoteMeta(p[:len(p)-1]) + `\w*`
		case strings.HasSuffix(p, "+"):
			alts[i] = regexp.QuoteMeta(p[:len(p)-1]) + `\w+`
		default:
			alts[i] = regexp.QuoteMeta(p)
		}
	}
	flags := ""
	if fold {
		flags = "(?i)"
	}
	return regexp.MustCompile(flags + `\b(?:` + strings.Join(alts, "|") + `)\b`)
}

// TestWordListAsRegexp checks that a word list counts and matches what
// its regular expression does, on random text made of its phrases, their
// parts, near misses and punctuation.
func TestWordListAsRegexp(t *testing.T) {
	lists := [][]string{
		{"I", "I'm", "I’m", "me", "my", "mine", "myself"},
		{"must", "should", "ought to", "need to", "needs to", "it is time", "it's time", "it’s time"},
		{"outrage*", "catastroph+", "moral*", "of course", "indeed", "surely"},
		{"said", "says", "according to", "estimate", "estimates", "citing"},
		{"need", "need to go", "need to"}, // a shorter phrase first
	}
	pieces := []string{"I", "i", "I'm", "I’m", "me", "Me", "MY", "mine", "myself", "mystery", "must", "Must", "should",
		"ought", "to", "To", "need", "needs", "go", "it", "It", "is", "time", "times", "it's", "it’s", "outrage", "Outraged",
		"outrage_", "catastroph", "catastrophe", "morale", "moral", "immoral", "of", "course", "indeed", "surely", "said",
		"SAYS", "according", "estimate", "estimates", "estimated", "citing", "x9", "_", "9", "é", "café", "’", "'"}
	seps := []string{" ", " ", " ", "", ", ", ". ", "\n", "“", "”", "-", "'", "’"}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, phrases := range lists {
		for _, fold := range []bool{false, true} {
			l, re := NewWordList(fold, phrases...), wordListRegexp(fold, phrases)
			for range 3000 {
				var b strings.Builder
				for range rng.IntN(12) + 1 {
					b.WriteString(pieces[rng.IntN(len(pieces))])
					b.WriteString(seps[rng.IntN(len(seps))])
				}
				s := b.String()
				if got, want := l.Count(s), len(re.FindAllStringIndex(s, -1)); got != want {
					t.Fatalf("fold %v %q: Count(%q) = %d, the regexp finds %d", fold, phrases, s, got, want)
				}
				if got, want := l.Match(s), re.MatchString(s); got != want {
					t.Fatalf("fold %v %q: Match(%q) = %v, the regexp says %v", fold, phrases, s, got, want)
				}
			}
		}
	}
}

// TestWordListCases pins a few counts written out by hand.
func TestWordListCases(t *testing.T) {
	l := NewWordList(true, "need to", "it's time", "moral*")
	for s, want := range map[string]int{
		"We need to act; it's time. Morale is low, morality lower.": 4,
		"needed to, it is time, immoral":                            0,
		"NEED TO":                                                   1,
	} {
		if got := l.Count(s); got != want {
			t.Errorf("Count(%q) = %d, want %d", s, got, want)
		}
	}
}

func BenchmarkWordList(b *testing.B) {
	phrases := []string{"outrage*", "shameful", "absurd", "disgrace*", "folly", "foolish", "naive", "reckless", "cynical",
		"catastroph+", "tragic", "appalling", "of course", "clearly", "simply", "frankly", "perhaps", "arguably"}
	text := strings.Repeat("The ministry said on Tuesday that the strikes, which were clearly aimed at power plants, "+
		"had left 40,000 homes without heat — a tragic outcome, of course, for the city’s residents. ", 60)
	b.Run("wordlist", func(b *testing.B) {
		l := NewWordList(true, phrases...)
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			l.Count(text)
		}
	})
	b.Run("regexp", func(b *testing.B) {
		re := wordListRegexp(true, phrases)
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			re.FindAllStringIndex(text, -1)
		}
	})
}
