// Package extract is the first pipeline stage: it turns an article's raw
// bytes (HTML or plain text) into clean text plus metadata.
//
// HTML goes through go-trafilatura for the main text and go-htmldate for
// the publication date. Plain text is repaired: hard wraps in the middle
// of a sentence are joined, a headline, byline, outlet signature and
// "Original Source:" line are lifted into metadata, and boilerplate at
// the edges is dropped. Both paths share the same text hygiene (UTF-8
// repair, NFC, no control or zero-width characters, collapsed spaces)
// and language detection.
//
// The stage writes Article.Text, Title, Author, Outlet, Published, URL,
// Language, DeclaredSource and ID, filling only metadata the source left
// blank.
package extract
