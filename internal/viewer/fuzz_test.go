package viewer

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
)

// FuzzViewerState renders the test definition's sheets with any state a
// request can carry (p.*, f.* query values): never a panic, always a
// sheet.
func FuzzViewerState(f *testing.F) {
	for _, seed := range []string{
		"", "p.TopN=5", "p.TopN=1e400", "p.Region=&p.Region=East", "f.f-cat=*", "f.f-cat=Tech&f.f-cat=",
		"f.f-date.from=2026-02-01&f.f-date.to=2026-01-01", "f.f-date.from=99999-99-99", "p.Since=1767225600000",
		"f.f-off.min=NaN&f.f-off.max=-Inf", "p.TopN=-3", "p.Since=2026-02-30T25:61",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		data := &fakeData{}
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		v := testView(t, q)
		for _, sheet := range []string{"s1", "s2"} {
			if s := v.RenderSheet(context.Background(), sheet, data.run, 2); s == nil || s.ID != sheet {
				t.Fatalf("sheet %s not rendered for %q", sheet, raw)
			}
		}
		_ = v.Parameters()
	})
}

// FuzzRollingDate evaluates arbitrary RollingDate expressions, as a
// definition carries them: an answer or an error, never a panic.
func FuzzRollingDate(f *testing.F) {
	for _, s := range []string{"now()", "truncDate('WK', now())", "addDateTime(-1, 'YYYY', truncDate('YYYY', now()))",
		"addDateTime(-99999999999, 'MM', now())", "truncDate('DD', {f})", "addDateTime(1.5, 'DD', now())", "((now()))", ""} {
		f.Add(s)
	}
	v := New(&definition.Definition{}, nil, time.Date(2026, 3, 12, 15, 4, 5, 0, time.UTC))
	f.Fuzz(func(t *testing.T, src string) {
		_, _ = v.rollingDate(src)
	})
}
