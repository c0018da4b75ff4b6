package app

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlite"
)

// BenchmarkThemeStyleOf measures what drawing content with a theme adds
// to each console page or sheet: resolving a custom theme (two store
// reads and the layering over its starting theme), against a starting
// theme (no store read) and content naming no theme, in the same run.
func BenchmarkThemeStyleOf(b *testing.B) {
	ctx := context.Background()
	const acct = "123456789012"
	store, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "sightglass.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	a := New(store, "us-east-1")
	now := time.Now()
	t := &sg.Theme{AccountID: acct, ID: "brand", Name: "Brand", CreatedAt: now, UpdatedAt: now}
	v := &sg.ThemeVersion{AccountID: acct, ThemeID: "brand", BaseThemeID: "MIDNIGHT", CreatedAt: now,
		Configuration: json.RawMessage(`{"DataColorPalette":{"Colors":["#1B4F72","#F39C12","#27AE60"]},"UIColorPalette":{"PrimaryBackground":"#101820"},"Typography":{"FontFamilies":[{"FontFamily":"Georgia"}]}}`)}
	if err := store.CreateTheme(ctx, t, v); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct{ name, arn string }{
		{"custom", a.ThemeARN(acct, "brand")},
		{"starting", BuiltinThemeARN("MIDNIGHT")},
		{"none", ""},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if s := a.ThemeStyleOf(ctx, acct, c.arn); c.arn != "" && (s == nil || s.Notice != "") {
					b.Fatalf("style %+v", s)
				}
			}
		})
	}
}
