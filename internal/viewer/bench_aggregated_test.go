package viewer

import (
	"fmt"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
)

// BenchmarkAggregatedField is the check that a measure well's calculated
// field is already aggregated (asked for every implicit measure of every
// visual): over 200 calculated fields, each built on the previous one,
// cached per view (as the viewer asks it) against parsing every time.
func BenchmarkAggregatedField(b *testing.B) {
	def := &definition.Definition{}
	for i := range 200 {
		e := "sum({revenue})"
		if i > 0 {
			e = fmt.Sprintf("{f%d} + {cost}", i-1)
		}
		def.CalculatedFields = append(def.CalculatedFields, definition.CalculatedField{DataSetIdentifier: "sales", Name: fmt.Sprintf("f%d", i), Expression: e})
	}
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	b.Run("cached", func(b *testing.B) {
		v := New(def, nil, now)
		for b.Loop() {
			if !v.aggregatedField("sales", "f199") {
				b.Fatal("not aggregated")
			}
		}
	})
	b.Run("uncached", func(b *testing.B) {
		v := New(def, nil, now)
		for b.Loop() {
			if !v.aggregatedFieldUncached("sales", "f199") {
				b.Fatal("not aggregated")
			}
		}
	})
}
