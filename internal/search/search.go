// Package search is Tilbudsviften's search, with bleve as its engine; it is the only package
// that imports bleve.
//
// One Danish analysis (Analyzer) defines what a word means, for the build, for every query in
// Go and for search.js in the browser: bleve's Unicode tokenizer and lower-case filter, folding
// so "børn", "boern" and "born" meet, bleve's Danish stop words and Snowball Danish stemmer, the
// editors' synonyms (content/synonymer.yaml) as group terms, and compound splitting against the
// site's own vocabulary.
//
// The build does not build a bleve index. Export runs the analysis over every offer, contact,
// principle and concern-guide page in parallel, computes the BM25 weight bleve would give each
// (term, document) from the same statistics bleve keeps, and writes static files under search/:
// meta.json (analysis settings, front-coded vocabulary, facet labels), head shards that hold
// every term's documents and heaviest weights, further levels of the weights of common terms,
// document chunks and a facet table. templates/search.js ranks from them exactly as Index does,
// reading a term's further levels only when the heads cannot settle the page it shows.
//
// Index holds a bleve scorch index in memory with the same documents and analysis and answers
// queries for `viften search` and the serve command's /api/search. Tests hold the two rankings
// equal on the public query set in testdata/queries.txt.
package search
