package news

import "errors"

// ErrRejected marks an input that cannot become an article at all: binary
// data, an empty file, a page with no article body, text that is not
// UTF-8. A stage returns an error wrapping it to drop the article from the
// batch with that reason; every other article goes on.
var ErrRejected = errors.New("rejected")

// ErrNotFound is returned when an article, story or entity that a caller
// names is not stored. It lives here, in the vocabulary every layer
// imports, so that the link steps and the stores share it without
// importing each other; store.ErrNotFound is the same value.
var ErrNotFound = errors.New("not found")
