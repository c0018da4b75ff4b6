package awsapi

import (
	"strconv"
	"time"
)

// timestamp is a body timestamp as restJson1 writes it: epoch seconds as a
// JSON number, with milliseconds as a fraction.
type timestamp time.Time

func (t timestamp) MarshalJSON() ([]byte, error) {
	ms := time.Time(t).UnixMilli()
	return strconv.AppendFloat(nil, float64(ms)/1000, 'f', -1, 64), nil
}

// ts returns a pointer for an optional timestamp member: nil for the zero
// time.
func ts(t time.Time) *timestamp {
	if t.IsZero() {
		return nil
	}
	v := timestamp(t)
	return &v
}
