package news

import "errors"

// ErrRejected marks an input that cannot become an article at all: binary
// data, an empty file, a page with no article body, text that is not
// UTF-8. A stage returns an error wrapping it to drop the article from the
// batch with that reason; every other article goes on.
var ErrRejected = errors.New("rejected")
