package provenance

import (
	"sitrep/internal/news"
)

// pairKind classifies an aligned pair of sentences.
type pairKind uint8

const (
	pairNone       pairKind = iota
	pairParaphrase          // the same content words, reworded
	pairEdited              // the same sentence with words replaced
	pairNear                // the same sentence with trivial edits
	pairExact               // the same words in the same order
)

// alignedPair is one sentence of a aligned with its best match in b.
type alignedPair struct {
	a, b  int // sentence indexes
	kind  pairKind
	ratio float64 // 2·LCS/(len a + len b) over all words
	dice  float64 // Dice coefficient of content-word sets
	subs  []wordSub
}

// wordSub is a run of words of a that replaces a run of b in an edited
// sentence.
type wordSub struct {
	a, b news.Span
	aw   []string
	bw   []string
	// prev and next are the words around the run ("" at the sentence's
	// edge): the context the spin signals read.
	prev, next string
	// ai and bi are the indexes of the run's first words in their
	// sentences.
	ai, bi int
}

// Thresholds of sentence alignment.
const (
	nearRatio       = 0.85 // LCS ratio of a near-verbatim sentence
	editedRatio     = 0.45 // LCS ratio of an edited (possibly spun) sentence
	paraphraseDice  = 0.40 // content-word Dice of a paraphrased sentence
	paraphraseCover = 0.55 // share of a sentence's content words found in its match
	maxLCSWords     = 300  // longer sentences are compared by content words only
)

// align matches each sentence of a with the sentence of b that shares
// most content words, and classifies the pair.
func align(a, b *doc) []alignedPair {
	index := map[string][]int{}
	for j, s := range b.sentences {
		for w := range s.content {
			index[w] = append(index[w], j)
		}
	}
	var out []alignedPair
	shared := make([]int, len(b.sentences))
	for i, sa := range a.sentences {
		clear(shared)
		for w := range sa.content {
			for _, j := range index[w] {
				shared[j]++
			}
		}
		best, bestDice := -1, 0.0
		for j, n := range shared {
			if n == 0 {
				continue
			}
			d := 2 * float64(n) / float64(len(sa.content)+len(b.sentences[j].content))
			if d > bestDice {
				best, bestDice = j, d
			}
		}
		if best < 0 {
			if len(sa.content) == 0 {
				// A sentence of function words only: match verbatim or not at all.
				for j, sb := range b.sentences {
					if sameWords(sa.words, sb.words) {
						out = append(out, alignedPair{a: i, b: j, kind: pairExact, ratio: 1})
						break
					}
				}
			}
			continue
		}
		sb := b.sentences[best]
		p := alignedPair{a: i, b: best, dice: bestDice}
		if len(sa.words) <= maxLCSWords && len(sb.words) <= maxLCSWords {
			p.ratio, p.subs = lcs(sa.words, sb.words)
		}
		cover := float64(shared[best]) / float64(max(1, len(sa.content)))
		la, lb := len(sa.words), len(sb.words)
		switch {
		case p.ratio >= 0.999 && la == lb:
			p.kind = pairExact
			p.subs = nil
		case p.ratio >= nearRatio:
			p.kind = pairNear
		case p.ratio >= editedRatio && float64(max(la, lb)) <= 1.6*float64(min(la, lb)):
			p.kind = pairEdited
		case (bestDice >= paraphraseDice || cover >= paraphraseCover) && shared[best] >= 3:
			p.kind = pairParaphrase
			p.subs = nil
		default:
			continue
		}
		out = append(out, p)
	}
	return out
}

func sameWords(a, b []word) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].norm != b[i].norm {
			return false
		}
	}
	return true
}

// lcs returns 2·LCS/(len a + len b) of two word sequences and the
// replaced runs between matched words (both sides non-empty, at most
// three words each).
func lcs(a, b []word) (float64, []wordSub) {
	n, m := len(a), len(b)
	if n == 0 || m == 0 {
		return 0, nil
	}
	// dp[i][j] = LCS of a[i:], b[j:].
	dp := make([]int32, (n+1)*(m+1))
	at := func(i, j int) int { return i*(m+1) + j }
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i].norm == b[j].norm {
				dp[at(i, j)] = dp[at(i+1, j+1)] + 1
			} else {
				dp[at(i, j)] = max(dp[at(i+1, j)], dp[at(i, j+1)])
			}
		}
	}
	l := int(dp[at(0, 0)])
	var subs []wordSub
	i, j := 0, 0
	gi, gj := 0, 0 // start of the current gap
	flush := func(ei, ej int) {
		da, db := ei-gi, ej-gj
		if da > 0 && db > 0 && da <= 3 && db <= 3 {
			s := wordSub{
				a: news.Span{Start: a[gi].Start, End: a[ei-1].End},
				b: news.Span{Start: b[gj].Start, End: b[ej-1].End},
			}
			for _, w := range a[gi:ei] {
				s.aw = append(s.aw, w.norm)
			}
			for _, w := range b[gj:ej] {
				s.bw = append(s.bw, w.norm)
			}
			s.ai, s.bi = gi, gj
			if gi > 0 {
				s.prev = a[gi-1].norm
			}
			if ei < n {
				s.next = a[ei].norm
			}
			subs = append(subs, s)
		}
	}
	for i < n && j < m {
		switch {
		case a[i].norm == b[j].norm && dp[at(i, j)] == dp[at(i+1, j+1)]+1:
			flush(i, j)
			i++
			j++
			gi, gj = i, j
		case dp[at(i+1, j)] >= dp[at(i, j+1)]:
			i++
		default:
			j++
		}
	}
	flush(n, m)
	return 2 * float64(l) / float64(n+m), subs
}
