package query

import (
	"context"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/query/expr"
)

// sessionZones sets a session time zone far from UTC on the engines that
// have one, so that now() reading the session's zone would show.
var sessionZones = map[string]string{
	"postgres": "SET TIME ZONE 'Asia/Tokyo'",
	"mysql":    "SET time_zone = '+09:00'",
	"duckdb":   "SET TimeZone = 'Asia/Tokyo'",
}

// TestNowIsUTCAcrossEngines: now() is the current UTC time on every
// engine, whatever the session's time zone (QuickSight works in UTC).
func TestNowIsUTCAcrossEngines(t *testing.T) {
	engines := openEngines(t, uniqueTable(t))
	ctx := context.Background()
	for _, e := range engines {
		n, err := expr.Parse(`formatDate(now(), 'yyyy-MM-dd HH:mm')`)
		if err != nil {
			t.Fatal(err)
		}
		c := &expr.Compiler{Dialect: e.d}
		v, err := c.Compile(n)
		if err != nil {
			t.Fatal(err)
		}
		sql, args, err := dialect.Render(e.d, "SELECT "+v.SQL, c.Args)
		if err != nil {
			t.Fatal(err)
		}
		conn, err := e.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		zoned := false
		if set, ok := sessionZones[e.d.Name()]; ok {
			_, err := conn.ExecContext(ctx, set)
			zoned = err == nil
		}
		before := time.Now().UTC().Truncate(time.Minute)
		var got string
		err = conn.QueryRowContext(ctx, sql, args...).Scan(&got)
		after := time.Now().UTC()
		if zoned {
			if _, err := conn.ExecContext(ctx, map[string]string{"postgres": "SET TIME ZONE 'UTC'", "mysql": "SET time_zone = '+00:00'", "duckdb": "SET TimeZone = 'UTC'"}[e.d.Name()]); err != nil {
				t.Fatal(err)
			}
		}
		conn.Close()
		if err != nil {
			t.Fatalf("%s: %v\n%s", e.d.Name(), err, sql)
		}
		at, err := time.Parse("2006-01-02 15:04", got)
		if err != nil || at.Before(before) || at.After(after) {
			t.Errorf("%s (session zone set: %v): now() = %q, want UTC between %s and %s", e.d.Name(), zoned, got, before.Format(time.DateTime), after.Format(time.DateTime))
		}
	}
}
