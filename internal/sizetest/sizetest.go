// Package sizetest makes long articles of ordinary news prose for the
// tests and benchmarks that check an article's cost grows linearly with
// its size. The prose is written for this project.
package sizetest

import (
	"runtime"
	"strings"
	"time"
)

// paragraph is ordinary reporting: claims, hedges, figures, dates, names
// and quotations, so every stage finds work in it.
const paragraph = `Officials in the regional administration said on Tuesday that 14 people were killed and 32 wounded when missiles struck a residential district of Kharkiv overnight, according to the emergency service. "We are still searching the rubble," Governor Oleh Synehubov told reporters, adding that the toll could rise. The defence ministry reportedly estimated that about 3,000 troops had been moved to the area since early March. The claims could not be independently verified. Germany and Poland pledged $1.2 billion in new military aid, including air-defence systems and 40 armoured vehicles, the government said in a statement. Analysts believe the deliveries may arrive before the end of the year, though some experts warned that shortages of ammunition were likely to persist.
`

// Prose returns at least n bytes of prose: whole paragraphs, each ending
// in a line break.
func Prose(n int) string {
	var b strings.Builder
	b.Grow(n + len(paragraph))
	for b.Len() < n {
		b.WriteString(paragraph)
	}
	return b.String()
}

// Growth returns how much more CPU time run takes on Prose(large) than
// on Prose(small). CPU time, not wall time,
// so that other processes on the machine disturb it less; linear work
// gives about large/small, quadratic work its square.
func Growth(small, large int, run func(text string)) float64 {
	cost := func(n int) time.Duration {
		text := Prose(n)
		runtime.GC()
		start := CPUTime()
		run(text)
		return max(CPUTime()-start, time.Millisecond)
	}
	return float64(cost(large)) / float64(cost(small))
}
