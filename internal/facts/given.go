package facts

import (
	_ "embed"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// given.txt holds the given names that name one gender in the Wikipedia
// name lists of ../shared/data/gazetteers/wikipedia (names in both lists
// are left out) as hashes, not names: the 64-bit FNV-1a hash of the
// lower-case name in hex, a tab and "m" or "f" per line. `sitrep train
// given` rebuilds it.
//
//go:embed given.txt
var givenText string

// givenNames parses given.txt on first use.
var givenNames = sync.OnceValue(func() map[uint64]byte {
	m := make(map[uint64]byte, 8000)
	for _, line := range strings.Split(givenText, "\n") {
		h, g, ok := strings.Cut(line, "\t")
		if k, err := strconv.ParseUint(h, 16, 64); ok && err == nil && (g == "m" || g == "f") {
			m[k] = g[0]
		}
	}
	return m
})

// givenKey hashes a given name, lower-cased.
func givenKey(name string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(strings.ToLower(name)))
	return h.Sum64()
}

// GivenGender returns 'm' or 'f' when the given name (any case) names
// one gender in the lists, else 0: "Joseph" 'm', "Lois" 'f', "Hillary"
// and "Jordan" (both) 0.
func GivenGender(name string) byte {
	return givenNames()[givenKey(name)]
}

// BuildGiven writes given.txt from the male and female name lists (one
// name per line each): the hashes of the names found in one list only,
// in sorted order.
func BuildGiven(male, female []string) string {
	seen := map[string]byte{}
	add := func(names []string, g byte) {
		for _, n := range names {
			n = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(n, "\ufeff")))
			if n == "" || strings.ContainsAny(n, " \t") {
				continue
			}
			if old, ok := seen[n]; ok && old != g {
				seen[n] = 'x'
				continue
			}
			seen[n] = g
		}
	}
	add(male, 'm')
	add(female, 'f')
	var lines []string
	for n, g := range seen {
		if g != 'x' {
			lines = append(lines, fmt.Sprintf("%016x\t%c", givenKey(n), g))
		}
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n") + "\n"
}
