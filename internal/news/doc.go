// Package news is sitrep's vocabulary: the Article that flows through the
// pipeline and the annotation layers later stages attach to it. Every layer
// points into Article.Text with byte spans, so the CLI, the API, golden
// files and the cross-article link phase share one coordinate system.
//
// The package imports only the standard library.
package news
