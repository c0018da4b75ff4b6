package sqlitepct

import (
	"database/sql/driver"
	"errors"
	"math"
)

// rule is how a percentile picks or interpolates its value among the n
// sorted values.
type rule int

const (
	cont           rule = iota // sg_percentile_cont(x, fraction)
	discPercent                // sg_percentile_disc(x, fraction)
	discMillionths             // sg_percentile_disc_ppm(x, millionths)
)

// check refuses a parameter out of the rule's range.
func (r rule) check(p driver.Value) error {
	if r == discMillionths {
		m, ok := p.(int64)
		if !ok || m < 0 || m > 1_000_000 {
			return errors.New("the percentile must be a whole number of millionths between 0 and 1000000")
		}
		return nil
	}
	var f float64
	switch p := p.(type) {
	case int64:
		f = float64(p)
	case float64:
		f = p
	default:
		return errors.New("the percentile must be a number")
	}
	if !(f >= 0 && f <= 1) {
		return errors.New("the percentile must be a fraction between 0 and 1")
	}
	return nil
}

// compute is the percentile of a's n sorted values, computed with the
// same double operations, in the same order, as the ranked SQL (explicit
// conversions keep the compiler from fusing them).
func (r rule) compute(a *aggregate, n int) driver.Value {
	switch r {
	case discPercent:
		// rank = ceil(pct·n / 100), at least 1, where pct is the
		// percent rounded to nine places.
		p := number(a.param)
		pct := math.Round(float64(float64(p*100)*1e9)) / 1e9
		rank := math.Ceil(float64(float64(pct*float64(n)) / 100.0))
		if rank < 1 {
			rank = 1
		}
		if rank > float64(n) {
			return nil
		}
		return a.at(int(rank))
	case discMillionths:
		// The first rank r with r·10⁶ ≥ m·n, at least 1.
		mn := a.param.(int64) * int64(n)
		return a.at(int(max(1, (mn+999_999)/1_000_000)))
	}
	// cont: the values ranked lo and lo+1 around pos = 1 + p·(n−1),
	// weighted 1−f and f, summed as SQLite's SUM does two doubles (NaN,
	// which SQLite makes NULL, left out).
	p := number(a.param)
	pos := float64(1 + float64(p*float64(n-1)))
	lo := math.Floor(pos)
	frac := float64(pos - lo)
	k := int(lo)
	var sum float64
	terms := 0
	if t := float64(number(a.at(k)) * float64(1-frac)); !math.IsNaN(t) {
		sum, terms = t, 1
	}
	if k+1 <= n {
		if t := float64(number(a.at(k+1)) * frac); !math.IsNaN(t) {
			if terms == 0 {
				sum = t
			} else {
				sum = float64(sum + t)
			}
			terms++
		}
	}
	if terms == 0 || math.IsNaN(sum) {
		return nil
	}
	return sum
}
