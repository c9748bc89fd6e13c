package extract

import (
	"encoding/json"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"sitrep/internal/news"
)

// This file holds the metadata repairs both formats share: titles that are
// only a dateline or carry the site's name, promotional lines, authors that
// are organisations, roles or dates, outlets that are URLs, and markdown
// left in the text.

var (
	// datelineRe matches a line that is only a dateline: "CNN —",
	// "New York CNN Business —", "(CNN) -", "KYIV, Ukraine (AP) —".
	datelineRe = regexp.MustCompile(`^(?:[\p{Lu}][\p{L}.'’-]*,?(?: [\p{Lu}][\p{L}.'’-]*,?){0,4} )?(?:\(?(?:CNN|AP|AFP|Reuters|UPI|dpa|Xinhua|TASS|Ukrinform|Yonhap|BelTA)(?: [\p{Lu}][\p{L}]+)?\)?\s*[—–-]+|\(?(?:CNN|AP|AFP|Reuters)\)?)$`)
	// promoRe matches promotional lines: audio and app plugs, newsletter
	// and donation pleas, farewells to the reader.
	promoRe = regexp.MustCompile(`(?i)^(?:(?:new[:!]?\s+)?you can now listen to .{1,60}(?:articles|stories)!?|listen to (?:this|the) (?:article|story)\b.{0,40}|thank you for being with us\b.{0,120}|sign up for .{1,60}newsletter\b.{0,120}|newsletter\b.{0,40}|.{1,60}:\s+a newsletter (?:for|about|on|with)\b.{0,80}|by (?:submitting|entering|providing) your e-?mail\b.{0,400}|subscribe to us (?:on )?(?:twitter|telegram|facebook)\.?|help ukraine, join the collection\b.{0,160}|download the .{1,40} app\b.{0,80}|(?:read also|also read|see also|read more|related)\s*:.{1,160}|(?:photos?|photo credit|image credit|picture)\s*:.{1,80}|(?:first published on|last modified on) (?:mon|tue|wed|thu|fri|sat|sun)\w* \d{1,2} \w{3,9} \d{4}(?: \d{1,2}[.:]\d\d(?: [a-z]{3,4})?)?|(?:image|photo|slide|picture) \d{1,3} of \d{1,3}(?: (?:prev|previous|next))*|[*_=~-]{3,})$`)
	// roleRe marks a byline part that is a role or an organisation, not
	// a person: "AP National Security Writer", "CNN Editor-at-large".
	roleRe = regexp.MustCompile(`(?i)\b(?:writer|editor|editor-at-large|correspondent|reporter|contributor|columnist|staff writer|bureau|desk|producer|intern|analyst|news service|wire|newsroom)\b`)
	// degreeRe matches degrees and credentials run into a byline.
	degreeRe = regexp.MustCompile(`^(?:MS|MA|MD|RD|RN|PhD|Ph\.D\.|MBA|MPH|LD|CDN|CPT|BSc|MSc|Jr\.?|Sr\.?)$`)
	// monthTailRe matches a date or month run into the end of a byline:
	// "JERUSALEM POST STAFF NOVEMBER", "Jane Doe Nov 19, 2019".
	monthTailRe = regexp.MustCompile(`(?i)\s+(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+\d{4})?(?:\s+\d{1,2}[:.]\d{2}.*)?$|\s+\d{1,2}[/.]\d{1,2}[/.]\d{2,4}.*$|\s+\d{4}-\d{2}-\d{2}.*$`)
	monthOnlyRe = regexp.MustCompile(`(?i)^(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?(?:\s+\d.*)?$`)
	// analysisByRe strips a kicker in front of a byline.
	analysisByRe = regexp.MustCompile(`(?i)^(?:analysis|opinion|commentary|review|interview|story|text|words|reporting|written|posted)?\s*by\s+`)
	// socialHosts are sites whose profile URLs pages give as their
	// publisher; they never name the outlet.
	socialHosts = []string{"facebook.com", "twitter.com", "x.com", "instagram.com", "youtube.com", "linkedin.com", "t.me", "tiktok.com", "plus.google.com"}
	titleSepRe  = regexp.MustCompile(`\s+[|–—-]\s+|\s+[|]\s*|\s*[|]\s+`)

	// Markup: markdown emphasis, links, images, footnote references and
	// heading marks.
	footnoteRe  = regexp.MustCompile(`\[\[[^\]\n]{1,8}\]\]\([^)\s]*\)|\[\^[^\]\n]{1,8}\](?:\([^)\s]*\))?|\[\[[^\]\n]{1,8}\]\]`)
	imageRe     = regexp.MustCompile(`!?\[\]\([^)\s]*\)|!\[[^\]\n]*\]\([^)\s]*\)`)
	mdLinkRe    = regexp.MustCompile(`\[([^\[\]\n]{1,300})\]\((?:https?://|/|#|mailto:)[^)\s]*\)`)
	boldJoinRe  = regexp.MustCompile(`(\S)(?:\*\*\*\*|____)(\S)`)
	emphasisRe  = regexp.MustCompile(`\*\*\*?|(?:^|\s)__|__(?:\s|$)`)
	headingRe   = regexp.MustCompile(`^#{1,6}\s+`)
	spaceRunsRe = regexp.MustCompile(`[ \t]{2,}`)
)

// isDateline reports whether line is only a dateline.
func isDateline(line string) bool {
	line = strings.TrimSpace(line)
	return line != "" && utf8.RuneCountInString(line) <= 60 && datelineRe.MatchString(line)
}

var (
	// datelineNameRe finds the outlet or agency a dateline names.
	datelineNameRe = regexp.MustCompile(`\b(CNN|AP|AFP|Reuters|UPI|dpa|Xinhua|TASS|Ukrinform|Yonhap|BelTA)\b`)
	// listenRe finds the outlet an audio plug names: "You can now listen
	// to Fox News articles!".
	listenRe = regexp.MustCompile(`(?i)listen to (.{1,60}?) (?:articles|stories)!?$`)
)

// outletSign returns the outlet a text names in the lines its extraction
// drops — a dateline-only first line ("Moscow CNN —") or an audio plug
// ("You can now listen to Fox News articles!") — or "".
func outletSign(lines []string) string {
	if i := skipBlank(lines, 0); i < len(lines) && isDateline(lines[i]) {
		if m := datelineNameRe.FindStringSubmatch(lines[i]); m != nil {
			return m[1]
		}
	}
	for _, l := range lines {
		if l = strings.TrimSpace(l); isPromo(l) {
			if m := listenRe.FindStringSubmatch(l); m != nil {
				return strings.TrimSpace(m[1])
			}
		}
	}
	return ""
}

// isPromo reports whether line is a promotional line.
func isPromo(line string) bool {
	return promoRe.MatchString(strings.TrimSpace(line))
}

// stripMarkup removes markdown and footnote markup from one paragraph:
// "**Click****here**" becomes "Click here", "[the report](https://…)"
// becomes "the report", "[[i]](https://…)" and "[^1]" disappear, and a
// leading "## " is dropped.
func stripMarkup(p string) string {
	if !strings.ContainsAny(p, "*_[#") {
		return p
	}
	s := footnoteRe.ReplaceAllString(p, "")
	s = imageRe.ReplaceAllString(s, "")
	s = mdLinkRe.ReplaceAllString(s, "$1")
	s = boldJoinRe.ReplaceAllString(s, "$1 $2")
	s = emphasisRe.ReplaceAllStringFunc(s, func(m string) string {
		if strings.TrimSpace(m) != m {
			return " "
		}
		return ""
	})
	s = headingRe.ReplaceAllString(s, "")
	s = spaceRunsRe.ReplaceAllString(s, " ")
	return strings.TrimSpace(s)
}

var (
	// relatedRe finds a related-story link flattened into running text:
	// the other story's headline, then "Read more" glued or after a space
	// ("… sanctions targeting Putin and LavrovRead more Stoltenberg said
	// …"). After a full stop it may be the text's own link and stays.
	relatedRe = regexp.MustCompile(`[^\s.] ?(Read more)(?:\s|$|\p{Lu})`)
	// newsletterRe finds a newsletter plug inside a paragraph, up to its
	// delivery time or the end of its sentence: "Sign up to First
	// Edition, our free daily newsletter – every weekday at 7am BST".
	newsletterRe = regexp.MustCompile(`(?i)skip past newsletter promotion(?:.{0,1000}?)after newsletter promotion|you(?:'|’)re reading an excerpt from [^.!?]{0,80}newsletter[.!]?|sign up (?:to|for) [^.!?]{0,120}?\b(?:newsletter|inbox|email)\b(?:[^.!?]{0,80}?\b\d{1,2}(?:[.:]\d\d)?\s?[ap]m(?: [A-Z]{3,4}\b)?|[^.!?]{0,200}[.!?])`)
)

// embedRe finds a video or audio player flattened into running text: its
// duration glued to its headline, then "– video" ("… history. 01:56Russia
// has invaded Ukraine: what we know so far – video report Dire …").
var embedRe = regexp.MustCompile(`(?:^|\s)\d{1,2}:\d\d[\p{Lu}‘“"'][^\n]{0,200}? [–-] (?:video|audio)(?: report| explainer| interview| analysis)?(?:\s|$)`)

// crawlLineRe matches a line a crawler appended to the text it saved: a
// horizontal rule, "*Crawled at: 2025-12-28 01:31:03*", or a source line
// that is only a link ("*Source: [original](https://…)*").
var crawlLineRe = regexp.MustCompile(`(?i)^(?:[-*_]{3,}|\*{0,2}(?:crawled|retrieved|fetched|scraped|archived|accessed|downloaded)(?: at| on)?:[^\n]*|\*{0,2}source:\s*\[[^\]\n]*\]\([^)\s]*\)\*{0,2})$`)

// isCrawlStamp reports whether every line of paragraph p is a crawler's
// line (crawlLineRe).
func isCrawlStamp(p string) bool {
	p = strings.TrimSpace(p)
	if p == "" {
		return false
	}
	for _, l := range strings.Split(p, "\n") {
		if !crawlLineRe.MatchString(strings.TrimSpace(l)) {
			return false
		}
	}
	return true
}

// isShouted reports whether paragraph p is written all in capitals: on
// news pages these are links to other stories flattened into the text
// ("US TO MOVE MORE TROOPS TO NATO'S EASTERN FLANK: LIVE UPDATES"), never
// the report's own sentences. An outlet's app plug stays (ownAppRe). Six words at least, so that short section headings stay;
// scripts without case (Korean, Arabic) are never shouted.
func isShouted(p string) bool {
	if len(strings.Fields(p)) < 6 || ownAppRe.MatchString(p) {
		return false
	}
	upper, letters := 0, 0
	for _, r := range p {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			upper++
			letters++
		case unicode.IsLetter(r):
			letters++
		}
	}
	return upper >= 12 && upper*5 >= letters*4
}

// captionCreditRe finds a photograph's credit flattened into running
// text, before the next sentence: "… in Madrid. Photograph: Jane
// Doe/AFP/Getty Images Nato sources said …". The credit ends in a photo
// agency or wire; the caption's own sentence is left.
var captionCreditRe = regexp.MustCompile(` ?Photograph: (?:[^\n/]{1,60}/){0,3}(?:Getty Images|Reuters|AP|AFP|EPA|EPA-EFE|PA|PA Images|PA Wire|Shutterstock|Rex|Alamy|Bloomberg|NurPhoto|Sipa|SOPA Images|ZUMA Wire|Tass|TASS|Sputnik|Ukrinform|Anadolu|Anadolu Agency|LightRocket|Xinhua|Pool|Planet Labs|Maxar Technologies|Handout)( [\p{Lu}‘“"(])`)

// ownAppRe matches an outlet's plug for its own app ("CLICK HERE TO GET
// THE FOX NEWS APP"): it stays in the text, where the provenance stage
// reads the outlet of a record that names none from it.
var ownAppRe = regexp.MustCompile(`(?i)\bget the .{2,40} app\b`)

// pageStampRe finds a page's own time stamp left at the end of a
// paragraph: "… including Poland Thu 24 Mar 2022 14.05 GMT".
var pageStampRe = regexp.MustCompile(`\s(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4} \d{1,2}[.:]\d\d (?:GMT|BST|UTC|CET|CEST|EST|EDT)$`)

// dropInlinePromos removes what a flattened page left inside a paragraph:
// related-story headlines glued to "Read more", a closing time stamp of
// the page and newsletter plugs. A
// related headline starts after the last sentence end before it.
func dropInlinePromos(p string) string {
	if strings.Contains(p, "Read more") {
		var b strings.Builder
		last := 0
		for _, m := range relatedRe.FindAllStringSubmatchIndex(p, -1) {
			start, end := m[2], m[3]
			if start < last {
				continue
			}
			from := headlineStart(p[:start-1], last)
			b.WriteString(strings.TrimRight(p[last:from], " "))
			b.WriteByte(' ')
			last = end
			for last < len(p) && p[last] == ' ' {
				last++
			}
		}
		if last > 0 {
			b.WriteString(p[last:])
			p = strings.TrimSpace(b.String())
		}
	}
	if strings.Contains(p, "video") || strings.Contains(p, "audio") {
		p = strings.TrimSpace(spaceRunsRe.ReplaceAllString(embedRe.ReplaceAllString(p, " "), " "))
	}
	if strings.Contains(p, "Photograph: ") {
		p = captionCreditRe.ReplaceAllString(p, "$1")
	}
	if m := pageStampRe.FindStringIndex(p); m != nil {
		p = strings.TrimSpace(p[:m[0]])
	}
	if low := strings.ToLower(p); strings.Contains(low, "newsletter") || strings.Contains(low, "sign up") {
		p = strings.TrimSpace(spaceRunsRe.ReplaceAllString(newsletterRe.ReplaceAllString(p, " "), " "))
	}
	return p
}

// headlineStart returns where a headline ending s begins: after the last
// sentence end at or after from ("." "?" "!" or a closing quote after one,
// then a space or, glued, a capital letter), or at from.
func headlineStart(s string, from int) int {
	for i := len(s) - 1; i > from; i-- {
		if s[i] == ' ' {
			prev := strings.TrimRight(s[from:i], "”’\"')")
			if strings.HasSuffix(prev, ".") || strings.HasSuffix(prev, "?") || strings.HasSuffix(prev, "!") {
				return i + 1
			}
			continue
		}
		if s[i] >= 'A' && s[i] <= 'Z' && i-2 > from && (s[i-1] == '.' || s[i-1] == '?' || s[i-1] == '!') && s[i-2] >= 'a' && s[i-2] <= 'z' {
			return i // "… the report.Russia shells …"
		}
	}
	return from
}

// cleanBody strips markup and promotional lines from the paragraphs of a
// clean text.
func cleanBody(text string) string {
	paras := strings.Split(text, "\n\n")
	// A text in capitals throughout is a report set in capitals (an old
	// wire, a telegram), not links flattened into a page: it keeps its
	// shouted paragraphs.
	shouting := !strings.ContainsFunc(text, unicode.IsLower)
	out := paras[:0]
	for _, p := range paras {
		if isPromo(p) || isCrawlStamp(p) || !shouting && isShouted(p) {
			continue
		}
		p = dropInlinePromos(p)
		if p = stripMarkup(p); p != "" && !isPromo(p) {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}

// cleanTitle repairs a title: markup stripped; a dateline-only or
// promotional title replaced by the first sentence of text; trailing
// segments that name the site (" - IGN", " | The Beachbody Blog") or that
// headings of the page show are not part of the headline, dropped. It
// returns the title and the site name a dropped suffix gave, if any.
func cleanTitle(title, text, outlet, url string, headings []string) (string, string) {
	title = strings.TrimSpace(stripMarkup(title))
	if title == "" {
		return "", ""
	}
	if isDateline(title) || isPromo(title) || interstitialRe.MatchString(title) {
		return firstSentence(text), ""
	}
	title = strings.TrimSpace(wireSlugRe.ReplaceAllString(title, ""))
	site := ""
strip:
	for {
		loc := lastSeparator(title)
		if loc == nil {
			break
		}
		head, tail := strings.TrimSpace(title[:loc[0]]), strings.TrimSpace(title[loc[1]:])
		if head == "" || tail == "" {
			break
		}
		switch {
		case namesSite(tail, outlet, url):
			if site == "" {
				site = tail
			}
		case matchesHeading(head, headings) && !matchesHeading(title, headings):
		case strings.Contains(title[loc[0]:loc[1]], "|") && len(strings.Fields(tail)) <= 4 && len(strings.Fields(head)) >= 5:
			// "Talks stall as envoys leave | Russia-Ukraine war News": a
			// short section label after a pipe.
		default:
			break strip
		}
		title = head
	}
	if interstitialRe.MatchString(title) {
		return firstSentence(text), site // "Age Verification - Site"
	}
	return title, site
}

var (
	// interstitialRe matches the title of a page that stood in front of
	// the article (an age, robot or cookie check, an error page): the
	// title is then the text's first sentence.
	interstitialRe = regexp.MustCompile(`(?i)^(?:age verification|verify your age|access denied|just a moment\.*|attention required!?(?: \| cloudflare)?|are you a robot\??|are you human\??|security check|please enable (?:javascript|cookies).*|page not found|404 not found|403 forbidden|subscribe to (?:continue|read)|cookie consent|before you continue.*)$`)
	// wireSlugRe matches an agency's handling slug at the start of a
	// title: "(LEAD)", "(2nd LD)", "(URGENT)", "(UPDATE 2)", "(CORRECTED)".
	wireSlugRe = regexp.MustCompile(`^\((?:LEAD|\d+(?:st|nd|rd|th) LD|URGENT|UPDATE(?: \d+)?|CORRECTED|REFILE|WRAPUP(?: \d+)?)\)\s*`)
)

// lastSeparator returns the span of the last " - ", " | ", " – " or " — "
// in title.
func lastSeparator(title string) []int {
	all := titleSepRe.FindAllStringIndex(title, -1)
	if len(all) == 0 {
		return nil
	}
	return all[len(all)-1]
}

// namesSite reports whether a title segment names the site: the outlet,
// or the host's own name ("Jeongdong Theater" on jeongdongtheater.com).
func namesSite(seg, outlet, url string) bool {
	s := squash(seg)
	if s == "" || utf8.RuneCountInString(seg) > 60 {
		return false
	}
	if o := squash(outlet); o != "" && (strings.Contains(o, s) || strings.Contains(s, o)) {
		return true
	}
	host := strings.TrimPrefix(news.Host(url), "www.")
	if i := strings.LastIndexByte(host, '.'); i > 0 {
		host = host[:i] // drop the top-level domain
	}
	h := squash(host)
	return len(h) >= 3 && (strings.Contains(s, h) || strings.Contains(h, s) && len(s) >= 3)
}

func matchesHeading(s string, headings []string) bool {
	q := squash(s)
	for _, h := range headings {
		if q != "" && squash(h) == q {
			return true
		}
	}
	return false
}

// squash lower-cases s and keeps only its letters and digits.
func squash(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// firstSentence returns the first sentence of text, at most about 200
// bytes, for an article whose title was only a dateline.
func firstSentence(text string) string {
	p, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
	if isDateline(p) {
		rest := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(text), p))
		p, _, _ = strings.Cut(rest, "\n")
	}
	for i := 0; i < len(p); i++ {
		if (p[i] == '.' || p[i] == '!' || p[i] == '?') && (i+1 == len(p) || p[i+1] == ' ') && i > 20 {
			p = p[:i+1]
			break
		}
	}
	if len(p) > 200 {
		cut := strings.LastIndexByte(p[:200], ' ')
		if cut <= 0 {
			cut = 200
		}
		p = p[:cut] + "…"
	}
	return strings.TrimSpace(p)
}

// cleanAuthor keeps the people of a byline: kickers ("Analysis by"),
// roles ("AP National Security Writer"), credentials ("MS", "RD"), the
// outlet's own name, months and dates run into it are dropped; names in
// capitals are title-cased. Parts are joined with ", ".
func cleanAuthor(author, outlet string) string {
	author = strings.TrimSpace(author)
	if author == "" || strings.Contains(author, "://") {
		return ""
	}
	author = monthTailRe.ReplaceAllString(author, "")
	var keep []string
	for _, part := range regexp.MustCompile(`\s*(?:;|,|\|)\s*`).Split(author, -1) {
		part = analysisByRe.ReplaceAllString(strings.TrimSpace(part), "")
		part = strings.TrimSpace(monthTailRe.ReplaceAllString(part, ""))
		switch {
		case part == "", monthOnlyRe.MatchString(part), degreeRe.MatchString(part), roleRe.MatchString(part),
			sameName(part, outlet), strings.HasPrefix(part, "@"):
			continue
		}
		if strings.ToUpper(part) == part && strings.ToLower(part) != part && !strings.Contains(part, " STAFF") {
			part = titleCase(part)
		}
		keep = append(keep, part)
	}
	return strings.Join(keep, ", ")
}

// sameName reports whether a byline part names the outlet: "Business
// Insider" in "Business Insider Deutschland".
func sameName(part, outlet string) bool {
	p, o := squash(part), squash(outlet)
	return len(p) >= 4 && o != "" && (strings.Contains(o, p) || strings.Contains(p, o))
}

func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r, n := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(words, " ")
}

// cleanOutlet returns the outlet unless it is a URL: a social profile
// ("https://www.facebook.com/CBSPolitics") or any other address gives way
// to the site itself — the name a title suffix gave it, else its host.
func cleanOutlet(outlet, url, siteFromTitle string) string {
	o := strings.TrimSpace(outlet)
	isURL := strings.Contains(o, "://") || strings.HasPrefix(strings.ToLower(o), "www.")
	bareHost := o != "" && !strings.Contains(o, " ") && strings.EqualFold(strings.TrimPrefix(o, "www."), strings.TrimPrefix(news.Host(url), "www."))
	if bareHost && siteFromTitle != "" {
		return siteFromTitle // "Vortex Cannon Entertainment" rather than "vortexcannon.org"
	}
	if o != "" && !isURL {
		return o
	}
	if siteFromTitle != "" {
		return siteFromTitle
	}
	if h := news.Host(url); h != "" {
		return h
	}
	if isURL {
		h := news.Host(o)
		for _, s := range socialHosts {
			if h == s || strings.HasSuffix(h, "."+s) {
				return ""
			}
		}
		return h
	}
	return o
}

// pageFacts are what a page's JSON-LD says about its byline and date.
type pageFacts struct {
	// bylines are the names under "author" (or "creator") of the page's
	// own article, and others the names under organisation fields
	// (founders, publisher, parent organisation, copyright holder) or
	// under a fact-check's reviewed claim: never a byline.
	bylines, others map[string]bool
	// names are the byline names as written, in page order.
	names []string
	// reviewed is the publication time of a ClaimReview (a fact-check),
	// as opposed to the time of the statement it checks.
	reviewed time.Time
}

// notByline are JSON-LD keys whose people are not the article's authors.
var notByline = map[string]bool{
	"founder": true, "founders": true, "publisher": true, "parentorganization": true,
	"sourceorganization": true, "copyrightholder": true, "itemreviewed": true, "brand": true,
	"employee": true, "employees": true, "member": true, "members": true, "funder": true,
	"sponsor": true, "owns": true, "subjectof": true, "mentions": true, "about": true,
}

// jsonLDFacts reads the page's JSON-LD blocks.
func jsonLDFacts(doc *html.Node) pageFacts {
	f := pageFacts{bylines: map[string]bool{}, others: map[string]bool{}}
	var walkNode func(*html.Node)
	walkNode = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "script" {
			for _, a := range n.Attr {
				if a.Key == "type" && strings.EqualFold(strings.TrimSpace(a.Val), "application/ld+json") && n.FirstChild != nil {
					var v any
					// Pages put raw line breaks inside strings; as
					// spaces they are valid JSON anywhere.
					src := strings.Map(func(r rune) rune {
						if r < 0x20 {
							return ' '
						}
						return r
					}, n.FirstChild.Data)
					if json.Unmarshal([]byte(src), &v) == nil {
						f.walk(v, false, false)
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walkNode(c)
		}
	}
	walkNode(doc)
	return f
}

// walk visits a JSON-LD value; excluded is set below an organisation or
// reviewed-claim key, author below an author key.
func (f *pageFacts) walk(v any, excluded, author bool) {
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			f.walk(e, excluded, author)
		}
	case string:
		if author {
			f.add(x, excluded)
		}
	case map[string]any:
		if t, _ := x["@type"].(string); strings.EqualFold(t, "ClaimReview") && !excluded {
			if s, _ := x["datePublished"].(string); s != "" {
				if tm, ok := parseLDTime(s); ok {
					f.reviewed = tm
				}
			}
		}
		if author {
			if name, _ := x["name"].(string); name != "" {
				f.add(name, excluded)
			}
		}
		for k, e := range x {
			lk := strings.ToLower(k)
			switch {
			case notByline[lk]:
				f.walk(e, true, lk == "founder" || lk == "founders" || lk == "employee" || lk == "employees" || lk == "member" || lk == "members")
			case lk == "author" || lk == "creator":
				f.walk(e, excluded, true)
			case lk == "@graph" || lk == "mainentity" || lk == "itemlistelement":
				f.walk(e, excluded, false)
			}
		}
	}
}

func (f *pageFacts) add(name string, excluded bool) {
	n := nameKey(name)
	if n == "" {
		return
	}
	if excluded {
		f.others[n] = true
	} else {
		if !f.bylines[n] {
			f.names = append(f.names, strings.TrimSpace(name))
		}
		f.bylines[n] = true
	}
}

// nameKey is the comparison key of a name or list of names: letters and
// digits only, "and" dropped.
func nameKey(s string) string {
	return squash(andRe.ReplaceAllString(s, " "))
}

var andRe = regexp.MustCompile(`(?i)\band\b|&`)

// byline returns the page's JSON-LD byline, for a page whose markup gave
// none: the names under its article's author key, less the outlet.
func (f pageFacts) byline(outlet string) string {
	var keep []string
	for _, n := range f.names {
		if !sameName(n, outlet) && !f.others[nameKey(n)] {
			keep = append(keep, n)
		}
	}
	return strings.Join(keep, ", ")
}

// organisational reports whether every person of author is named only
// under the page's organisation or reviewed-claim fields.
func (f pageFacts) organisational(author string) bool {
	if len(f.others) == 0 {
		return false
	}
	parts := regexp.MustCompile(`\s*(?:;|,|&|\band\b)\s*`).Split(author, -1)
	whole := nameKey(author)
	if f.others[whole] && !f.bylines[whole] {
		return true
	}
	for _, p := range parts {
		n := nameKey(p)
		if n == "" {
			continue
		}
		if !f.others[n] || f.bylines[n] {
			return false
		}
	}
	return true
}

func parseLDTime(s string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02 15:04:05", time.DateOnly} {
		if t, err := time.Parse(layout, strings.TrimSpace(s)); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// pageTitle returns the text of the page's <title>.
func pageTitle(doc *html.Node) string {
	if t := findElement(doc, "title"); t != nil {
		return cleanParagraph(textOf(t))
	}
	return ""
}

// headings returns the text of the page's h1 elements.
func headings(doc *html.Node) []string {
	var out []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "h1" {
			out = append(out, cleanParagraph(textOf(n)))
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}
