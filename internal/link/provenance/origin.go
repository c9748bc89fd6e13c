package provenance

import (
	"regexp"
	"sort"
	"strings"

	"sitrep/internal/news"
)

// agencies are the wire agencies whose copy outlets run under their own
// name, each with the names a byline, dateline or credit line gives it.
// Short all-capital names match case-sensitively only.
var agencies = []struct {
	name  string
	names []string
}{
	{"Associated Press", []string{"Associated Press", "AP"}},
	{"Reuters", []string{"Thomson Reuters", "Reuters"}},
	{"AFP", []string{"Agence France-Presse", "Agence France Presse", "AFP"}},
	{"Yonhap", []string{"Yonhap News Agency", "Yonhap"}},
	{"dpa", []string{"Deutsche Presse-Agentur", "dpa", "DPA"}},
	{"TASS", []string{"TASS", "Tass"}},
	{"Xinhua", []string{"Xinhua News Agency", "Xinhua"}},
	{"Ukrinform", []string{"Ukrinform"}},
	{"PA Media", []string{"Press Association", "PA Media", "PA"}},
	{"ANI", []string{"Asian News International", "ANI"}},
	{"EFE", []string{"Agencia EFE", "EFE"}},
	{"Kyodo", []string{"Kyodo News", "Kyodo"}},
	{"Interfax", []string{"Interfax-Ukraine", "Interfax"}},
	{"Anadolu", []string{"Anadolu Agency", "Anadolu"}},
	{"UNIAN", []string{"UNIAN"}},
	{"ANSA", []string{"ANSA"}},
	{"BelTA", []string{"Belarusian Telegraph Agency", "BelTA"}},
	{"KCNA", []string{"Korean Central News Agency", "KCNA"}},
	{"RIA Novosti", []string{"RIA Novosti", "RIA"}},
}

// agencyName maps each way of naming an agency to the agency.
var agencyName = func() map[string]string {
	m := map[string]string{}
	for _, a := range agencies {
		for _, n := range a.names {
			m[n] = a.name
		}
	}
	return m
}()

var (
	agencyAlt = func() string {
		var alts []string
		for _, a := range agencies {
			for _, n := range a.names {
				alts = append(alts, regexp.QuoteMeta(n))
			}
		}
		return `(` + strings.Join(alts, "|") + `)`
	}()
	// A dateline: "KYIV (Reuters) -", "WASHINGTON (AP) —", "Seoul (Yonhap) --".
	datelineRe = regexp.MustCompile(`(?m)^[^\n]{0,80}?\(\s*` + agencyAlt + `(?:/[^)\n]{1,40})?\s*\)\s*[-–—:]`)
	// A credit closing the text, on its own line or after the last
	// sentence: "— Associated Press", "(with AFP)", "… ruins. With
	// Reuters", "Source: Xinhua".
	creditRe = regexp.MustCompile(`(?:^\s*(?:[Ww]ith\s+)?|[-–—]+\s*(?:[Ww]ith\s+)?|\(\s*(?:[Ww]ith\s+)?|[.!?]["”’]?\s+With\s+|[Ss]ource:\s*)` + agencyAlt + `\s*\)?\.?\s*$`)
	// A byline naming an agency: "Reuters", "By Jane Doe, Associated
	// Press", "AFP staff", "Jane Doe | AP".
	bylineRe = regexp.MustCompile(`(?:^|[\s,|/(])` + agencyAlt + `(?:$|[\s,|/)])`)
)

// Agency returns the wire agency a credits for its text, or "": an
// agency byline, a dateline naming one ("KYIV (Reuters) -"), or a closing
// credit line ("— Associated Press", "with AFP"). An outlet that is
// itself an agency (reuters.com) is not a credit: OriginOf names it.
func Agency(a *news.Article) string {
	if m := bylineRe.FindStringSubmatch(a.Author); m != nil {
		return agencyName[m[1]]
	}
	text := strings.TrimSpace(compared(a.Text))
	head := text[:min(len(text), 400)]
	if m := datelineRe.FindStringSubmatch(head); m != nil {
		return agencyName[m[1]]
	}
	// The credit is the last line, or the end of the last paragraph.
	tail := text
	if i := strings.LastIndexByte(tail, '\n'); i >= 0 {
		tail = tail[i+1:]
	}
	if len(tail) > 400 {
		tail = tail[len(tail)-400:]
	}
	if m := creditRe.FindStringSubmatch(tail); m != nil {
		return agencyName[m[1]]
	}
	return ""
}

// OriginOf returns the origin a's own text gives it, leaving its sources
// aside: the agency it credits, else its outlet (an agency's outlet under
// the agency's name, so that "AP News" and an "(AP)" dateline agree),
// else its URL host, else its ID.
func OriginOf(a *news.Article) string {
	if ag := Agency(a); ag != "" {
		return ag
	}
	if o := outletOf(a.Outlet); o != "" {
		if ag := agencyName[o]; ag != "" {
			return ag
		}
		return o
	}
	if h := news.Host(a.URL); h != "" {
		return h
	}
	if o := OutletFromText(a.Text); o != "" {
		return o
	}
	return a.ID
}

// outlets are news outlets whose own copy names them in set forms (a
// dateline "Moscow CNN —", a staff credit), each with the names those
// forms give it.
var outlets = []struct {
	name  string
	names []string
}{
	{"CNN", []string{"CNN Business", "CNN"}},
	{"Fox News", []string{"Fox News Digital", "Fox News", "Fox Business"}},
	{"The Guardian", []string{"The Guardian", "Guardian"}},
	{"BBC News", []string{"BBC News", "BBC"}},
	{"The Washington Post", []string{"The Washington Post", "Washington Post"}},
	{"The Telegraph", []string{"The Telegraph", "Telegraph"}},
	{"Kyiv Post", []string{"Kyiv Post"}},
	{"The Korea Herald", []string{"The Korea Herald", "Korea Herald"}},
}

// sourceName maps each way of naming an outlet or an agency to it.
var sourceName = func() map[string]string {
	m := map[string]string{}
	for _, o := range outlets {
		for _, n := range o.names {
			m[n] = o.name
		}
	}
	for n, ag := range agencyName {
		m[n] = ag
	}
	return m
}()

// sourceFold maps each way of naming an outlet or an agency, in lower
// case, to it.
var sourceFold = func() map[string]string {
	m := map[string]string{}
	for n, o := range sourceName {
		m[strings.ToLower(n)] = o
	}
	return m
}()

var (
	sourceAlt = func() string {
		var alts []string
		for n := range sourceName {
			alts = append(alts, regexp.QuoteMeta(n))
		}
		// Longest first, so "CNN Business" wins over "CNN".
		sort.Slice(alts, func(i, j int) bool {
			if len(alts[i]) != len(alts[j]) {
				return len(alts[i]) > len(alts[j])
			}
			return alts[i] < alts[j]
		})
		return `(` + strings.Join(alts, "|") + `)`
	}()
	// An outlet's dateline, the text's first line: "Moscow CNN —",
	// "New York CNN Business —", "CNN —".
	ownDatelineRe = regexp.MustCompile(`^(?:[A-Z][\pL.,' ]{0,40}\s)?` + sourceAlt + `\s*[—–]`)
	// Forms in which an outlet's own copy names it: a staff credit ("Fox
	// News' Jane Doe contributed to this report"), its listening prompt,
	// its opinion disclaimer, agency copy's own request for comment
	// ("did not immediately respond to a Reuters request"), its
	// correspondent, its report ("Ukrinform reports").
	ownCopyRe = regexp.MustCompile(`\b` + sourceAlt + `(?:'s?|’s?)? [^.\n]{0,60}contributed to this report` +
		`|listen to ` + sourceAlt + ` articles` +
		`|not necessarily (?:reflect )?those of (?:the )?` + sourceAlt +
		`|respond(?:ed)? to (?:an? )?` + sourceAlt + ` request` +
		`|\b(?:[Aa]n?|[Oo]ur) ` + sourceAlt + ` correspondent` +
		`|(?:^|[.,—–-]\s*)` + sourceAlt + ` reports\b`)
	// An outlet's plug for its own app, in any case: "CLICK HERE TO GET
	// THE FOX NEWS APP", "Get the CNN app". Another outlet's app is
	// never advertised in a report.
	appPlugRe = regexp.MustCompile(`(?i)\bget the ` + sourceAlt + ` app\b`)
	// A photograph credited in the Guardian's caption style, on a line of
	// its own or closing one: "… Photograph: Jane Doe/Reuters".
	guardianCaptionRe = regexp.MustCompile(`(?m)Photograph: [^\n]{1,80}$`)
)

// OutletFromText returns the outlet or agency whose own copy text is, by
// the set forms such copy names it in (a dateline "Moscow CNN —", a staff
// credit, an agency's request for comment, a house caption style), or ""
// when it shows none. It is for records that give no outlet.
func OutletFromText(text string) string {
	text = strings.TrimSpace(text)
	first := text
	if i := strings.IndexByte(first, '\n'); i >= 0 {
		first = first[:i]
	}
	if m := ownDatelineRe.FindStringSubmatch(first); m != nil {
		return sourceName[m[1]]
	}
	if m := ownCopy(text); m != nil {
		for _, g := range m[1:] {
			if g != "" {
				return sourceName[g]
			}
		}
	}
	if m := appPlugRe.FindStringSubmatch(text); m != nil {
		return sourceFold[strings.ToLower(m[1])]
	}
	if guardianCaptionRe.MatchString(text) {
		return "The Guardian"
	}
	return ""
}

// ownCopyMarks are words that every form ownCopyRe matches contains.
var ownCopyMarks = []string{"contributed to this report", "listen to ", "not necessarily", "respond", "correspondent", " reports"}

// ownCopy is ownCopyRe.FindStringSubmatch(text), with the expression run
// only on texts that hold one of its marks: over the whole text it was
// the costliest part of the provenance step's preparation.
func ownCopy(text string) []string {
	for _, mark := range ownCopyMarks {
		if strings.Contains(text, mark) {
			return ownCopyRe.FindStringSubmatch(text)
		}
	}
	return nil
}

// outletOf is a record's outlet field without the notes a corpus adds in
// parentheses ("CNN (inferred)", "BBC News (republished by …)"), under
// the name its set forms give it.
func outletOf(o string) string {
	o = strings.TrimSpace(o)
	if i := strings.Index(o, " ("); i > 0 && strings.HasSuffix(o, ")") {
		o = strings.TrimSpace(o[:i])
	}
	if n := sourceName[o]; n != "" && agencyName[o] == "" {
		return n
	}
	return o
}

// folds reports whether a verdict of this kind counts for its source's
// origin: the article is the source's text again (copied, revised,
// reworded, shortened, spun or translated). A partial copy adds its own
// reporting to what it takes and keeps its own origin.
func folds(kind string) bool {
	switch kind {
	case KindCopy, KindRevision, KindRewrite, KindSummary, KindSpun, KindTranslation:
		return true
	}
	return false
}

// originFrom returns the origin of an article derived from src.
func originFrom(src *Source) string {
	if v := src.Verdict; v != nil && v.Origin != "" {
		return v.Origin
	}
	return OriginOf(src.Article)
}
