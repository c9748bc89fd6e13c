package web

import (
	"net/http"

	"sitrep/internal/news"
)

// The thread pages: /threads lists threads (developing situations, each
// story in one), most articles first; /threads/{id} shows one thread's
// stories, the global measures its articles report and its history.

type threadsData struct {
	Page news.ThreadPage
	// Next is the query value of the next page ("" at the end).
	Next string
}

// threadsPage is how many threads the list page shows.
const threadsPage = 100

func (s *Server) threads(r *http.Request) (string, any, error) {
	n, id, err := afterArticles(r)
	if err != nil {
		return "", nil, err
	}
	p, err := s.cat.Threads(r.Context(), news.ThreadCursor{Articles: n, ID: id}, threadsPage)
	if err != nil {
		return "", nil, err
	}
	d := threadsData{Page: p}
	if p.Next != nil {
		d.Next = articlesAfter(p.Next.Articles, p.Next.ID)
	}
	return "Threads", d, nil
}

func (s *Server) thread(r *http.Request) (string, any, error) {
	d, err := s.cat.Thread(r.Context(), r.PathValue("id"))
	if err != nil {
		return "", nil, err
	}
	title := d.Thread.Title
	if title == "" {
		title = "Thread " + d.Thread.ID
	}
	return title, d, nil
}
