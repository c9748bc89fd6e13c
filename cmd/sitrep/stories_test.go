package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"sitrep/internal/demo"
	"sitrep/internal/link/story"
	"sitrep/internal/readmodel"
)

// TestDemoStories ingests the demo corpus and checks that the story step
// puts its reports in exactly the stories of expected.json, and that
// `sitrep stories --json` lists them with their independent sources.
func TestDemoStories(t *testing.T) {
	corpus := filepath.Join(t.TempDir(), "demo.jsonl")
	if err := os.WriteFile(corpus, demo.Articles, 0o644); err != nil {
		t.Fatal(err)
	}
	dsn := "sqlite:" + filepath.Join(t.TempDir(), "demo.db")
	if _, errOut, code := runCLI(t, nil, "ingest", "--quiet", "--db", dsn, corpus); code != exitOK {
		t.Fatalf("ingest: exit %d: %s", code, errOut)
	}
	truth, err := demo.LoadTruth()
	if err != nil {
		t.Fatal(err)
	}
	keyOfURL := map[string]string{}
	for key, url := range demoURLs(t) {
		keyOfURL[url] = key
	}
	ctx := context.Background()
	s, err := openStore(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	articles, err := readmodel.All(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	keyOfID := map[string]string{}
	got := map[string][]string{}
	for _, a := range articles {
		keyOfID[a.ID] = keyOfURL[a.URL]
		if a.Story == "" {
			t.Errorf("%s has no story", keyOfURL[a.URL])
		}
		got[a.Story] = append(got[a.Story], keyOfURL[a.URL])
	}
	partition := func(groups [][]string) []string {
		var out []string
		for _, g := range groups {
			g = append([]string(nil), g...)
			sort.Strings(g)
			out = append(out, strings.Join(g, " "))
		}
		sort.Strings(out)
		return out
	}
	var want, have [][]string
	for _, st := range truth.Stories {
		want = append(want, st.Articles)
	}
	for _, g := range got {
		have = append(have, g)
	}
	if w, h := partition(want), partition(have); strings.Join(w, "\n") != strings.Join(h, "\n") {
		t.Errorf("stories:\n%s\nwant:\n%s", strings.Join(h, "\n"), strings.Join(w, "\n"))
	}

	out, errOut, code := runCLI(t, nil, "stories", "--json", "--db", dsn)
	if code != exitOK {
		t.Fatalf("stories: exit %d: %s", code, errOut)
	}
	var rep struct {
		Stories []struct {
			story.Summary
			ArticleIDs []string `json:"article_ids"`
		} `json:"stories"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("stories --json: %v", err)
	}
	if len(rep.Stories) != len(truth.Stories) {
		t.Fatalf("%d stories listed, want %d", len(rep.Stories), len(truth.Stories))
	}
	for _, st := range rep.Stories {
		if st.Articles != len(st.ArticleIDs) || st.Articles != len(got[st.ID]) {
			t.Errorf("story %s: %d articles, %d IDs, %d stored", st.ID, st.Articles, len(st.ArticleIDs), len(got[st.ID]))
		}
		if len(st.ArticleIDs) > 0 && st.ArticleIDs[0] != st.ID {
			t.Errorf("story %s: first article %s, want the story's own ID", st.ID, st.ArticleIDs[0])
		}
		// The main story's twelve reports come from fewer independent
		// sources: the wire report's copies are one family.
		if keyOfID[st.ID] == "vessa-herald-nis" && (st.Sources >= st.Articles || st.Sources < 2) {
			t.Errorf("story %s: %d sources for %d articles", st.ID, st.Sources, st.Articles)
		}
		// Origins fold copies into their source and count an outlet once.
		if st.Origins < 1 || st.Origins > st.Articles || st.Outlets > st.Articles ||
			keyOfID[st.ID] == "vessa-herald-nis" && st.Origins >= st.Articles {
			t.Errorf("story %s: %d origins, %d outlets for %d articles", st.ID, st.Origins, st.Outlets, st.Articles)
		}
	}
	// Running the link phase again changes nothing.
	if _, errOut, code := runCLI(t, nil, "ingest", "--quiet", "--db", dsn, corpus); code != exitOK {
		t.Fatalf("second ingest: exit %d: %s", code, errOut)
	}
	again, _, _ := runCLI(t, nil, "stories", "--json", "--db", dsn)
	if again != out {
		t.Errorf("a second run changed the stories")
	}
}
