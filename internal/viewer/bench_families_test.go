package viewer_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/viewer"
)

// familiesView is the 30-visual sheet of e2e/testdata/families_definition.json
// (one visual of every family the viewer draws, and a few more) over the
// sample dataset the runner of sampleApp answers.
func familiesView(b testing.TB, cached bool) (*definition.Definition, viewer.Runner) {
	b.Helper()
	sample, run := sampleApp(b, cached)
	raw, err := os.ReadFile(filepath.Join("..", "..", "e2e", "testdata", "families_definition.json"))
	if err != nil {
		b.Fatal(err)
	}
	arn := sample.Definition().DataSetIdentifierDeclarations[0].DataSetArn
	def, err := definition.Parse([]byte(strings.ReplaceAll(string(raw), "{{DATASET_ARN}}", arn)))
	if err != nil {
		b.Fatal(err)
	}
	return def, run
}

// BenchmarkFamiliesSheet times the server side of the 30-visual first
// sheet on the 100,000-row sample: the whole sheet with no cache (4 at a
// time, the default, and one at a time; and with every visual asking its
// own question, the base of shared questions), from the cache, and each
// visual alone, uncached.
func BenchmarkFamiliesSheet(b *testing.B) {
	ctx := context.Background()
	for _, tc := range []struct {
		name     string
		cached   bool
		parallel int
		unshared bool
	}{{"uncached", false, viewer.DefaultParallel, false}, {"uncached-unshared", false, viewer.DefaultParallel, true},
		{"uncached-serial", false, 1, false}, {"uncached-serial-unshared", false, 1, true}, {"cached", true, viewer.DefaultParallel, false}} {
		b.Run(tc.name, func(b *testing.B) {
			def, run := familiesView(b, tc.cached)
			if tc.cached {
				viewer.New(def, nil, time.Time{}).RenderSheet(ctx, "", run, tc.parallel)
			}
			start, n := cpuTime(), 0
			defer func() { b.ReportMetric(float64(cpuTime()-start)/float64(max(n, 1))/1e6, "cpu-ms/op") }()
			for b.Loop() {
				n++
				v := viewer.New(def, nil, time.Time{})
				v.SetSharedQuestions(!tc.unshared)
				s := v.RenderSheet(ctx, "", run, tc.parallel)
				if len(s.Tiles) != 30 {
					b.Fatalf("%d tiles", len(s.Tiles))
				}
				for _, t := range s.Tiles {
					if t.Kind == viewer.TileError {
						b.Fatalf("%s: %s", t.ID, t.Message)
					}
				}
			}
		})
	}
	b.Run("per-visual", func(b *testing.B) {
		def, run := familiesView(b, false)
		for _, vis := range viewer.New(def, nil, time.Time{}).SheetVisuals("families") {
			b.Run(vis.VisualID, func(b *testing.B) {
				start, n := cpuTime(), 0
				defer func() { b.ReportMetric(float64(cpuTime()-start)/float64(max(n, 1))/1e6, "cpu-ms/op") }()
				for b.Loop() {
					n++
					s := viewer.New(def, nil, time.Time{}).RenderVisuals(ctx, "families", []string{vis.VisualID}, run, 1)
					if len(s.Tiles) != 1 || s.Tiles[0].Kind == viewer.TileError {
						b.Fatalf("%s: %+v", vis.VisualID, s.Tiles)
					}
				}
			})
		}
	})
}
