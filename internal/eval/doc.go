// Package eval measures sitrep's layers against public gold data in
// ../shared/data (read at run time, never copied into the repository):
// article-body extraction on the article-extraction benchmark and sentence
// boundaries on Universal Dependencies treebanks. `sitrep eval` prints its
// reports.
package eval
