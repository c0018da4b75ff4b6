//go:build race

package viewer_test

// raceEnabled: the race detector slows SQLite over the 100k sample past
// the query time limit, so tests of whole sample sheets skip.
const raceEnabled = true
