package viewer

import (
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
)

// TestRollingDate evaluates the rolling dates real definitions use, at a
// fixed time (Thursday 2026-03-12 15:04 UTC), and names what it cannot.
func TestRollingDate(t *testing.T) {
	now := time.Date(2026, 3, 12, 15, 4, 5, 0, time.UTC)
	v := New(&definition.Definition{}, nil, now)
	for src, want := range map[string]string{
		"now()":                  "2026-03-12T15:04:05Z",
		"truncDate('DD', now())": "2026-03-12T00:00:00Z",
		"truncDate('WK', now())": "2026-03-08T00:00:00Z", // Sunday
		"addDateTime(-1, 'WK', truncDate('WK', now()))":     "2026-03-01T00:00:00Z",
		"addDateTime(-1, 'YYYY', truncDate('YYYY', now()))": "2025-01-01T00:00:00Z",
		"addDateTime(2, 'MM', truncDate('Q', now()))":       "2026-03-01T00:00:00Z",
	} {
		got, err := v.rollingDate(src)
		if err != nil || got.Format(time.RFC3339) != want {
			t.Errorf("%s = %v, %v; want %s", src, got, err, want)
		}
	}
	for _, src := range []string{"truncDate('MM', {order_date})", "epochDate(0)", "addDateTime(1.5, 'DD', now())", "truncDate('FORTNIGHT', now())", "${Start}"} {
		if _, err := v.rollingDate(src); err == nil {
			t.Errorf("%s: evaluated; want an error naming what is not supported", src)
		}
	}
	monday := New(&definition.Definition{Options: []byte(`{"WeekStart": "MONDAY"}`)}, nil, now)
	if _, err := monday.rollingDate("truncDate('WK', now())"); err == nil {
		t.Error("weeks starting on Monday: evaluated as Sunday weeks")
	}
}
