// Package pcttest holds the groups of values and the fractions that the
// percentile functions' tests check on each build of SQLite.
package pcttest

import (
	"math"
	"math/rand/v2"
)

// Fractions are percentiles, as fractions, at the edges and between.
var Fractions = []float64{0, 0.001, 0.1, 0.25, 1.0 / 3, 0.333333333, 0.5, 0.62345, 2.0 / 3, 0.75, 0.9, 0.999999, 1}

// Groups are groups of values for a percentile: integers and doubles
// mixed, NULLs, extremes and infinities, then thirty random groups drawn
// from seed.
func Groups(seed uint64) [][]any {
	groups := [][]any{
		{int64(3)},
		{nil, nil},
		{1.5, nil, 2.5},
		{int64(1), int64(2), int64(3), int64(4)},
		{int64(10), 2.5, int64(-3), 7.25, int64(10), 10.0, nil, -0.5},
		{1e300, -1e300, 3.0, 1e-300},
		{int64(math.MaxInt64), int64(math.MaxInt64 - 1), 9.223372036854775807e18, int64(math.MinInt64), -9.223372036854775808e18},
		{math.Inf(1), 1.0, 2.0},
		{math.Inf(-1), math.Inf(1)},
	}
	rng := rand.New(rand.NewPCG(seed, 2))
	for range 30 {
		var g []any
		for range 1 + rng.IntN(60) {
			switch rng.IntN(5) {
			case 0:
				g = append(g, nil)
			case 1:
				g = append(g, rng.Int64N(200)-100)
			case 2:
				g = append(g, math.Round(rng.NormFloat64()*1e4)/100)
			default:
				g = append(g, rng.NormFloat64()*math.Pow(10, float64(rng.IntN(20)-10)))
			}
		}
		groups = append(groups, g)
	}
	return groups
}
