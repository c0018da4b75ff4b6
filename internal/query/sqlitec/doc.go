// Package sqlitec gives SQLite's C library (the one
// github.com/mattn/go-sqlite3 compiles into the binary) the functions a
// data source's connections carry in the pure-Go build and the C build
// lacks, computed as there, so that a question runs on either build with
// the same answer:
//
//   - the percentile aggregates and window functions of package sqlitepct
//     (sg_percentile_cont, sg_percentile_disc, sg_percentile_disc_ppm): a
//     group's values are held in C, the value, the checks and the errors
//     are that package's, through Go called once per change of the values;
//   - SQLite's math functions whose results are exact in IEEE arithmetic:
//     ceil, ceiling, floor, trunc and sqrt, defined as SQLite's own
//     math-functions build defines them. The others (log, exp, power, the
//     trigonometric functions) stay absent: the C library's libm and Go's
//     math differ in the last bit of some of their results.
//
// Register installs them as an automatic extension: every connection the C
// library opens afterwards, in the whole process, has them.
package sqlitec
