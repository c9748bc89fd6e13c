package sentence

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"sitrep/internal/news"
	"sitrep/internal/sharedtest"
)

func tokenTexts(text string, toks []news.Token) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.In(text)
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"possessive curly", "Russia’s army", []string{"Russia", "’s", "army"}},
		{"possessive straight", "Kyiv's mayor", []string{"Kyiv", "'s", "mayor"}},
		{"plural possessive", "soldiers’ families", []string{"soldiers", "’", "families"}},
		{"negation clitic", "don't can't", []string{"do", "n't", "ca", "n't"}},
		{"other clitics", "they're we've I'm", []string{"they", "'re", "we", "'ve", "I", "'m"}},
		{"inner apostrophe", "O'Brien said", []string{"O'Brien", "said"}},
		{"thousands", "3,000 troops", []string{"3,000", "troops"}},
		{"decimal", "1.3 million", []string{"1.3", "million"}},
		{"comma list", "1,2 and 3", []string{"1", ",", "2", "and", "3"}},
		{"nbsp thousands", "10\u00a0000 shells", []string{"10\u00a0000", "shells"}},
		{"plain space not joined", "10 000", []string{"10", "000"}},
		{"currency multiplier", "$90m", []string{"$", "90", "m"}},
		{"currency decimal", "$1.5bn.", []string{"$", "1.5", "bn", "."}},
		{"number compound", "3,000-man battalion", []string{"3,000", "-", "man", "battalion"}},
		{"unit glued", "155mm shells", []string{"155", "mm", "shells"}},
		{"hyphen compound", "front-line counter-invasion", []string{"front-line", "counter-invasion"}},
		{"name compound", "Kim Jong-un", []string{"Kim", "Jong-un"}},
		{"model numbers", "F-16 MiG-29 G7", []string{"F-16", "MiG-29", "G7"}},
		{"acronym", "the U.S. said", []string{"the", "U.S.", "said"}},
		{"acronym compound", "U.S.-backed forces", []string{"U.S.-backed", "forces"}},
		{"lower acronym", "e.g. tanks, i.e. armour at 9 a.m.", []string{"e.g.", "tanks", ",", "i.e.", "armour", "at", "9", "a.m."}},
		{"titles", "Gen. Mark Milley and Mr. Putin", []string{"Gen.", "Mark", "Milley", "and", "Mr.", "Putin"}},
		{"month", "on Jan. 5", []string{"on", "Jan.", "5"}},
		{"initials", "J. R. R. Tolkien", []string{"J.", "R.", "R.", "Tolkien"}},
		{"No before number", "No. 10 and no.", []string{"No.", "10", "and", "no", "."}},
		{"No as word", "said No. Then", []string{"said", "No", ".", "Then"}},
		{"plain period", "Ukraine. Then", []string{"Ukraine", ".", "Then"}},
		{"url", "see https://example.org/a?b=c. Next", []string{"see", "https://example.org/a?b=c", ".", "Next"}},
		{"www", "(www.kyivindependent.com)", []string{"(", "www.kyivindependent.com", ")"}},
		{"bare domain", "Reuters.com reported", []string{"Reuters.com", "reported"}},
		{"email", "write to desk@example.com.", []string{"write", "to", "desk@example.com", "."}},
		{"no space after period", "said.The", []string{"said", ".", "The"}},
		{"lost space between words", "many othersAbout deadNine", []string{"many", "others", "About", "dead", "Nine"}},
		{"handles", "ENRON@enronXgate #standWith", []string{"ENRON", "@", "enronXgate", "#", "standWith"}},
		{"camel-case names", "BlackRock eBay iPhone McDonald WhatsApp", []string{"BlackRock", "eBay", "iPhone", "McDonald", "WhatsApp"}},
		{"dashes and quotes", "“No—never” -- he", []string{"“", "No", "—", "never", "”", "--", "he"}},
		{"ellipsis", "wait... and… go?!", []string{"wait", "...", "and", "…", "go", "?!"}},
		{"percent", "12.5%", []string{"12.5", "%"}},
		{"non-latin", "Київ 2024", []string{"Київ", "2024"}},
		{"invalid utf8", "a\xffb", []string{"a", "\xff", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tokenTexts(tt.text, Tokenize(tt.text))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Tokenize(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestTokenKinds(t *testing.T) {
	text := "Some 3,000 troops, $90m."
	want := []news.TokenKind{news.TokenWord, news.TokenNumber, news.TokenWord, news.TokenPunct, news.TokenPunct, news.TokenNumber, news.TokenWord, news.TokenPunct}
	toks := Tokenize(text)
	got := make([]news.TokenKind, len(toks))
	for i, tk := range toks {
		got[i] = tk.Kind
	}
	if !slices.Equal(got, want) {
		t.Errorf("kinds = %v, want %v", got, want)
	}
}

func split(text string) []string {
	sents := Split(text, Tokenize(text))
	out := make([]string, len(sents))
	for i, s := range sents {
		out[i] = s.In(text)
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"simple", "Troops advanced. Shelling continued!", []string{"Troops advanced.", "Shelling continued!"}},
		{"question", "Will aid arrive? Officials doubt it.", []string{"Will aid arrive?", "Officials doubt it."}},
		{"lowercase continues", "It was 5 p.m. local time.", []string{"It was 5 p.m. local time."}},
		{"thousands", "Some 3,000 soldiers arrived. More came.", []string{"Some 3,000 soldiers arrived.", "More came."}},
		{"decimal", "About 1.3 million fled. Others stayed.", []string{"About 1.3 million fled.", "Others stayed."}},
		{"digit start", "Shelling went on. 12 people died.", []string{"Shelling went on.", "12 people died."}},
		{"quote end", "“We will win,” he said.” The army agreed.", []string{"“We will win,” he said.”", "The army agreed."}},
		{"quote inside", "He said: “We will win.” Then he left.", []string{"He said: “We will win.”", "Then he left."}},
		{"straight quote", `He said "no." Then he left.`, []string{`He said "no."`, "Then he left."}},
		{"opening quote", `He left. "We will return," he said.`, []string{"He left.", `"We will return," he said.`}},
		{"bracket end", "It failed (see above.) Then it worked.", []string{"It failed (see above.)", "Then it worked."}},
		{"title", "Gen. Valery Zaluzhny spoke. Lt. Col. Smith agreed.", []string{"Gen. Valery Zaluzhny spoke.", "Lt. Col. Smith agreed."}},
		{"saint", "He flew to St. Petersburg.", []string{"He flew to St. Petersburg."}},
		{"month date", "It began on Feb. 24 and went on. Sept. 11 was different.", []string{"It began on Feb. 24 and went on.", "Sept. 11 was different."}},
		{"number abbrev", "Resolution No. 2231 passed.", []string{"Resolution No. 2231 passed."}},
		{"vs and etc", "Russia vs. Ukraine, tanks, drones etc. The list grew.", []string{"Russia vs. Ukraine, tanks, drones etc.", "The list grew."}},
		{"eg ie", "Weapons, e.g. Javelins, i.e. missiles, came.", []string{"Weapons, e.g. Javelins, i.e. missiles, came."}},
		{"glued before a word that is a domain", "She said it was over.In a post, she said more.", []string{"She said it was over.", "In a post, she said more."}},
		{"glued after a number", "The centre opened in 2015.It was one of three.", []string{"The centre opened in 2015.", "It was one of three."}},
		{"a decimal is no boundary", "Inflation hit 2.5 percent.It fell later.", []string{"Inflation hit 2.5 percent.", "It fell later."}},
		{"glued before a quotation", "She received the gift.“It is lovely,” she wrote.", []string{"She received the gift.", "“It is lovely,” she wrote."}},
		{"a capitalised host name", "He wrote for Newsfeeds.In and left.", []string{"He wrote for Newsfeeds.In and left."}},
		{"US after a sentence", "Lind wrote. The U.S. team visited Ph.D. students at example.com on Friday.", []string{"Lind wrote.", "The U.S. team visited Ph.D. students at example.com on Friday."}},
		{"US mid", "U.S. President Joe Biden spoke.", []string{"U.S. President Joe Biden spoke."}},
		{"US before name", "The U.S. Army said so.", []string{"The U.S. Army said so."}},
		{"US end", "Aid came from the U.S. The EU followed.", []string{"Aid came from the U.S.", "The EU followed."}},
		{"UN end", "It was sent to the U.N. But nothing happened.", []string{"It was sent to the U.N.", "But nothing happened."}},
		{"initials", "J. R. R. Tolkien wrote it. Kim J. Un read it.", []string{"J. R. R. Tolkien wrote it.", "Kim J. Un read it."}},
		{"am pm", "It hit at 9 a.m. Moscow time. At 10 p.m. The next strike came.", []string{"It hit at 9 a.m. Moscow time.", "At 10 p.m.", "The next strike came."}},
		{"ellipsis upper", "We waited… Then it came.", []string{"We waited…", "Then it came."}},
		{"ellipsis lower", "We will... continue to fight.", []string{"We will... continue to fight."}},
		{"ellipsis dots upper", "We waited... Then it came.", []string{"We waited...", "Then it came."}},
		{"spaced ellipsis", "It went on . . . Then it stopped.", []string{"It went on . . .", "Then it stopped."}},
		{"question attribution", "“Why now?” Putin asked. Nobody knew.", []string{"“Why now?” Putin asked.", "Nobody knew."}},
		{"question attribution with a title and a full name", "“Why now?” Senator Rhea Olin asked. Nobody knew.", []string{"“Why now?” Senator Rhea Olin asked.", "Nobody knew."}},
		{"question attribution with a party and state", "“Who pays?” Sen. Rhea Olin, D-Ore., asked on Monday. Nobody knew.", []string{"“Who pays?” Sen. Rhea Olin, D-Ore., asked on Monday.", "Nobody knew."}},
		{"question attribution with an apposition", "“Who pays?” Olin, a Democrat from Oregon, asked. Nobody knew.", []string{"“Who pays?” Olin, a Democrat from Oregon, asked.", "Nobody knew."}},
		{"exclamation attribution with a verb of warning", "“Not one cent more!” Mayor Ines Roos cautioned. The vote is Friday.", []string{"“Not one cent more!” Mayor Ines Roos cautioned.", "The vote is Friday."}},
		{"question attribution with a verb of retort", "“And who asked you?” Tamm retorted. Talks ended.", []string{"“And who asked you?” Tamm retorted.", "Talks ended."}},
		{"a question, then a sentence about its asker", "“Who pays?” Olin voted no. Nobody knew.", []string{"“Who pays?”", "Olin voted no.", "Nobody knew."}},
		{"question and a new sentence after a comma", "“Who pays?” Oregon, for one, will not. Nobody knew.", []string{"“Who pays?”", "Oregon, for one, will not.", "Nobody knew."}},
		{"a quoted exclamation before a capitalised sentence", "“We won!” Crowds Gathered In The Square Today. They sang.", []string{"“We won!”", "Crowds Gathered In The Square Today.", "They sang."}},
		{"url with dots", "Read www.example.com/a.b. It helps.", []string{"Read www.example.com/a.b.", "It helps."}},
		{"no space", "It ended.Then nothing.", []string{"It ended.", "Then nothing."}},
		{"no space after quote", `He said it was over."The army agreed.`, []string{`He said it was over."`, "The army agreed."}},
		{"no space after a name", "Troops left Ukraine.Moscow denied it.", []string{"Troops left Ukraine.", "Moscow denied it."}},
		{"no space, host names", "Posted via Newsfeeds.Com and Animals R Us.Net by Mc.Donalds fans.", []string{"Posted via Newsfeeds.Com and Animals R Us.Net by Mc.Donalds fans."}},
		{"no space, acronym", "Aid came from the U.S.The EU followed.", []string{"Aid came from the U.S.The EU followed."}},
		{"no space, lower", "Visit example.com/a.b or file.txt now.", []string{"Visit example.com/a.b or file.txt now."}},
		{"lost line break", "9 deadNine people were killed in the strike.", []string{"9 dead", "Nine people were killed in the strike."}},
		{"lost line break after a headline", "Russian forces made small advances, British intelligence saysThe ministry released its update.", []string{"Russian forces made small advances, British intelligence says", "The ministry released its update."}},
		{"lost space mid sentence", "It will haveLong-term effects on the so-calledGlobal South.", []string{"It will haveLong-term effects on the so-calledGlobal South."}},
		{"camel-case names", "BlackRock, eBay and iPhone sales rose.", []string{"BlackRock, eBay and iPhone sales rose."}},
		{"citation", "He died in 2014. [4] His work lives on.", []string{"He died in 2014. [4]", "His work lives on."}},
		{"footnote number glued to the stop", "The port stayed shut (IMF).1 Western officials said 40 tankers were idle.12 Budapest disagreed.",
			[]string{"The port stayed shut (IMF).1", "Western officials said 40 tankers were idle.12", "Budapest disagreed."}},
		{"a decimal is no footnote", "Output grew 3.5 Million tonnes were sold.", []string{"Output grew 3.5 Million tonnes were sold."}},
		{"numbered item", "1. Troops advanced.\n\n2. Shelling went on.", []string{"1. Troops advanced.", "2. Shelling went on."}},
		{"blank line", "Kyiv\n\nThe attack began", []string{"Kyiv", "The attack began"}},
		{"blank line mid sentence", "The attack\n\nbegan", []string{"The attack", "began"}},
		{"headline", "North Korean Troops Reach Kursk\nThousands of soldiers arrived.", []string{"North Korean Troops Reach Kursk", "Thousands of soldiers arrived."}},
		{"byline", "David Kirichenko\nRussia’s war goes on.", []string{"David Kirichenko", "Russia’s war goes on."}},
		{"dateline byline", "By Jane Doe, Reuters\nKYIV (Reuters) - Shelling went on.", []string{"By Jane Doe, Reuters", "KYIV (Reuters) - Shelling went on."}},
		{"hard wrap lower", "Russia\nhas warned of consequences.", []string{"Russia\nhas warned of consequences."}},
		{"hard wrap function word", "Officials believed it was key to the recapture of\nVuhledar this month.", []string{"Officials believed it was key to the recapture of\nVuhledar this month."}},
		{"hard wrap mid sentence", "It began. Russia may also have an ally in Elon Musk’s\nStarlink, a provider.", []string{"It began.", "Russia may also have an ally in Elon Musk’s\nStarlink, a provider."}},
		{"hard wrap comma", "Kyiv, Kharkiv,\nOdesa were hit.", []string{"Kyiv, Kharkiv,\nOdesa were hit."}},
		{"newline after period", "It began.\nThe war went on.", []string{"It began.", "The war went on."}},
		{"trims", "  \n Troops advanced.  \n\n ", []string{"Troops advanced."}},
		{"empty", " \n\t ", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := split(tt.text)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Split(%q):\n got %q\nwant %q", tt.text, got, tt.want)
			}
			checkInvariants(t, tt.text)
		})
	}
}

func TestProcess(t *testing.T) {
	a := &news.Article{Text: "Kyiv was hit. Nobody died."}
	if err := New().Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if len(a.Tokens) != 7 || len(a.Sentences) != 2 {
		t.Errorf("got %d tokens, %d sentences; want 7, 2", len(a.Tokens), len(a.Sentences))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := New().Process(ctx, a); err == nil {
		t.Error("Process with a cancelled context: no error")
	}
}

// checkInvariants verifies that tokens and sentences of text are ordered,
// non-overlapping, trimmed and together cover all non-space text.
func checkInvariants(t *testing.T, text string) {
	t.Helper()
	toks := Tokenize(text)
	sents := Split(text, toks)
	covered := func(spans []news.Span, what string) {
		pos := 0
		for i, s := range spans {
			if s.Start < pos || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("%s %d %v out of order or empty (pos %d, len %d)", what, i, s, pos, len(text))
			}
			if !allSpace(text[pos:s.Start]) {
				t.Fatalf("%s %d: non-space text %q left uncovered", what, i, text[pos:s.Start])
			}
			in := text[s.Start:s.End]
			r, _ := utf8.DecodeRuneInString(in)
			l, _ := utf8.DecodeLastRuneInString(in)
			if isSpace(r) || isSpace(l) {
				t.Fatalf("%s %d %q not trimmed", what, i, in)
			}
			pos = s.End
		}
		if !allSpace(text[pos:]) {
			t.Fatalf("%s: trailing non-space text %q uncovered", what, text[pos:])
		}
	}
	ts := make([]news.Span, len(toks))
	for i, tk := range toks {
		ts[i] = tk.Span
	}
	covered(ts, "token")
	ss := make([]news.Span, len(sents))
	for i, s := range sents {
		ss[i] = s.Span
	}
	covered(ss, "sentence")
	// Every sentence starts and ends on token boundaries.
	k := 0
	for i, s := range sents {
		if k >= len(toks) || toks[k].Start != s.Start {
			t.Fatalf("sentence %d does not start at a token", i)
		}
		for k < len(toks) && toks[k].End <= s.End {
			k++
		}
		if toks[k-1].End != s.End {
			t.Fatalf("sentence %d does not end at a token", i)
		}
	}
}

func allSpace(s string) bool {
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		if r == utf8.RuneError && size <= 1 || !isSpace(r) {
			return false
		}
		s = s[size:]
	}
	return true
}

// seedTexts returns the seed reports, when present.
func seedTexts(tb testing.TB) []string {
	files, _ := filepath.Glob("../../../../shared/seeds/*.txt")
	var out []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

func TestSeeds(t *testing.T) {
	seeds := seedTexts(t)
	if len(seeds) == 0 {
		t.Skip("no seed reports in ../shared/seeds")
	}
	for i, text := range seeds {
		checkInvariants(t, text)
		for _, s := range split(text) {
			for _, bad := range []string{"3,000", "1.3 million", "12,000"} {
				if strings.HasSuffix(s, bad[:2]) && strings.Contains(text, bad) {
					t.Errorf("seed %d: sentence ends inside %q: %q", i, bad, s)
				}
			}
			if strings.Contains(s, "said.” The") || strings.Contains(s, "said.\" The") {
				t.Errorf("seed %d: quote end did not split: %q", i, s)
			}
		}
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"U.S. President Joe Biden spoke. Then he left.", "“Why?” he asked.\n\nNext", "$90m 3,000-man 1.3 million",
		"a\xffb. C", "see https://x.org/a). Next", "Kyiv\u00a0000 10\u00a0000.", "J. R. R. Tolkien…  \u2029 ok", "[1] [2].",
	} {
		f.Add(s)
	}
	for _, s := range seedTexts(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, text)
	})
}

// benchText returns news text: the article bodies of the ukraine-war-news
// data set, else the seeds, else a built-in paragraph.
func benchText(b *testing.B) string {
	var sb strings.Builder
	if _, err := os.Stat(sharedtest.Path(b, "data", "ukraine-war-news", "articles.jsonl")); err == nil {
		for _, r := range sharedtest.WarNews(b) {
			sb.WriteString(r.Text)
			sb.WriteString("\n\n")
		}
	}
	if sb.Len() == 0 {
		for _, s := range seedTexts(b) {
			sb.WriteString(s)
			sb.WriteString("\n\n")
		}
	}
	if sb.Len() == 0 {
		para := "KYIV (Reuters) - Ukraine’s allies pledged $1.5bn in aid on Tuesday, U.S. officials said. " +
			"Gen. Oleksandr Syrskyi told reporters that some 3,000 North Korean troops were near the front-line " +
			"town of Kursk. “We will hold,” he said. The Pentagon, however, put the figure at 10,000.\n\n"
		for range 200 {
			sb.WriteString(para)
		}
	}
	return sb.String()
}

func BenchmarkSplit(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Split(text, Tokenize(text))
	}
}

func TestSplitCapsSentenceLength(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		max        int
	}{
		{"words without an end", strings.Repeat("word ", 1000), MaxSentenceTokens},
		{"tokens without spaces", strings.Repeat("a,", 1000), 2 * MaxSentenceTokens},
	} {
		toks := Tokenize(tc.text)
		sents := Split(tc.text, toks)
		if len(sents) < len(toks)/tc.max {
			t.Errorf("%s: %d tokens in %d sentences", tc.name, len(toks), len(sents))
		}
		k := 0
		for _, s := range sents {
			n := 0
			for k < len(toks) && toks[k].End <= s.End {
				k++
				n++
			}
			if n > tc.max {
				t.Errorf("%s: sentence %v has %d tokens, want at most %d", tc.name, s.Span, n, tc.max)
			}
		}
	}
}
