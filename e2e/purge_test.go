package e2e

import (
	"context"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

// TestPurgeExpired checks that expired embed codes and console sessions are
// deleted, and live ones kept.
func TestPurgeExpired(t *testing.T) {
	clk := &clock{}
	clk.Set(time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC))
	ts := startServer(t, withClock(clk))
	ctx := context.Background()
	now := clk.Now()
	if err := ts.Store.PutOnce(ctx, "old", []byte("x"), now.Add(-time.Second)); err != nil {
		t.Fatal(err)
	}
	if err := ts.Store.PutOnce(ctx, "live", []byte("x"), now.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	for id, exp := range map[string]time.Time{"s-old": now.Add(-time.Second), "s-live": now.Add(time.Hour)} {
		s := &sg.Session{ID: id, AccountID: accountID, Namespace: "default", UserName: "admin", EmbedID: "e", EntryPoint: "/start", CreatedAt: now.Add(-time.Hour), ExpiresAt: exp}
		if err := ts.Store.CreateSession(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	codes, sessions, err := ts.App.PurgeExpired(ctx)
	if err != nil || codes != 1 || sessions != 1 {
		t.Fatalf("PurgeExpired = %d codes, %d sessions, %v; want 1, 1", codes, sessions, err)
	}
	if _, err := ts.Store.FindSession(ctx, "s-live"); err != nil {
		t.Errorf("live session purged: %v", err)
	}
	if _, err := ts.Store.ConsumeOnce(ctx, "live", now); err != nil {
		t.Errorf("live code purged: %v", err)
	}
}
