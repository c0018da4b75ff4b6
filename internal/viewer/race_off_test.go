//go:build !race

package viewer_test

// raceEnabled: see race_on_test.go.
const raceEnabled = false
