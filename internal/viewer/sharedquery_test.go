package viewer_test

import (
	"context"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/query"
	"github.com/sightglass/sightglass/internal/viewer"
)

// recorder passes questions to run and keeps them.
type recorder struct {
	run viewer.Runner
	mu  sync.Mutex
	qs  []*query.Question
}

func (r *recorder) runner() viewer.Runner {
	return func(ctx context.Context, arn string, q *query.Question) (*viewer.Result, error) {
		r.mu.Lock()
		r.qs = append(r.qs, q)
		r.mu.Unlock()
		return r.run(ctx, arn, q)
	}
}

// TestSharedQuestionsDrawTheSameSheet renders the 30-visual families
// sheet over the 100,000-row sample with visuals answered together and
// with every visual asking alone: every tile must be identical, and
// sharing must ask fewer questions.
func TestSharedQuestionsDrawTheSameSheet(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the 100,000-row sample")
	}
	ctx := context.Background()
	def, run := familiesView(t, true)
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	render := func(shared bool) (map[string]string, int) {
		rec := &recorder{run: run}
		v := viewer.New(def, nil, now)
		v.SetSharedQuestions(shared)
		s := v.RenderSheet(ctx, "", rec.runner(), viewer.DefaultParallel)
		tiles := map[string]string{}
		for _, tile := range s.Tiles {
			if tile.Kind == viewer.TileError {
				t.Fatalf("%s: %s", tile.ID, tile.Message)
			}
			b, err := json.Marshal(tile)
			if err != nil {
				t.Fatal(err)
			}
			tiles[tile.ID] = string(b)
		}
		return tiles, len(rec.qs)
	}
	alone, asked := render(false)
	together, askedShared := render(true)
	if len(alone) != 30 || len(together) != 30 {
		t.Fatalf("%d and %d tiles, want 30", len(alone), len(together))
	}
	for id, want := range alone {
		if together[id] != want {
			t.Errorf("%s differs when shared:\n got %s\nwant %s", id, together[id], want)
		}
	}
	t.Logf("questions asked: %d alone, %d shared", asked, askedShared)
	if askedShared >= asked {
		t.Errorf("sharing asked %d questions, alone %d: nothing was shared", askedShared, asked)
	}
}
