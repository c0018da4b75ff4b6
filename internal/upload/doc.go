// Package upload reads the files an author uploads to make a SPICE
// dataset: CSV, TSV (any single-character delimiter), Excel workbooks
// (.xlsx, one sheet at a time) and JSON lines. Inspect reads the start of a
// file and proposes its settings (format, encoding, delimiter, whether the
// first row is a header) and its columns with inferred types, which the
// author may correct; Each then streams every row of the whole file,
// converted to those types, and stops at the first value that does not
// fit with a *RowError naming its line and column. Nothing here holds a
// file in memory: records are read one at a time from disk.
package upload
