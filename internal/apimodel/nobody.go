package apimodel

import (
	"math"
	"net/url"
	"strconv"
)

// noBodyOK reports whether a request without a body passes op's input
// shape (input, an index into shapes): every URI label and query member
// meets its constraints and no required member is missing. It is the
// walker's answer for the common GET (embed URLs, describes, lists)
// without its tree, its paths or its conversions; where it says false
// the walker runs and words the error. It says false, too, for what it
// does not check itself (a timestamp or a floating-point member), so it
// is never more lenient than the walker: FuzzNoBodyCheck holds it to that.
func noBodyOK(input int, labels map[string]string, query url.Values) bool {
	s := &shapes[input]
	for mi := s.m0; mi < s.m1; mi++ {
		m := &members[mi]
		var vals []string
		present := false
		switch {
		case m.f&mURI != 0:
			l, ok := labels[m.location()]
			if !ok {
				if m.f&mRequired != 0 {
					return false
				}
				continue
			}
			if !scalarOK(m.s, l) {
				return false
			}
			continue
		case m.f&mQuery != 0:
			vals, present = query[m.location()]
		case m.f&(mHeader|mStatusCode) != 0:
			continue
		}
		// A query member, or a body member (absent: there is no body).
		if !present {
			if m.f&mRequired != 0 {
				return false
			}
			continue
		}
		if len(vals) == 0 {
			return false // given without a value: the walker's to judge
		}
		ms := &shapes[m.s]
		if ms.k != kList {
			if !scalarOK(m.s, vals[0]) {
				return false
			}
			continue
		}
		if !lengthOK(ms, len(vals)) {
			return false
		}
		for _, v := range vals {
			if !scalarOK(ms.elem, v) {
				return false
			}
		}
	}
	return true
}

// scalarOK reports whether the URI or query value v converts to shape si
// and meets its constraints, as fromString and the walker take it.
func scalarOK(si int, v string) bool {
	s := &shapes[si]
	switch s.k {
	case kString:
		return s.f&fSensitive == 0 && stringViolations(si, v, false) == nil
	case kInteger, kLong:
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || (s.k == kInteger && (n < math.MinInt32 || n > math.MaxInt32)) {
			return false
		}
		f, err := strconv.ParseFloat(v, 64)
		return err == nil && !(s.f&fMin != 0 && f < s.min) && !(s.f&fMax != 0 && f > s.max)
	case kBoolean:
		return v == "true" || v == "false"
	}
	return false
}

// lengthOK reports whether a list of n values meets the list shape s's
// bounds.
func lengthOK(s *shape, n int) bool {
	f := float64(n)
	return !(s.f&fMin != 0 && f < s.min) && !(s.f&fMax != 0 && f > s.max)
}
