package viewer_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
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
	if testing.Short() || raceEnabled {
		t.Skip("the 100,000-row sample sheet: too slow in short and race mode")
	}
	ctx := context.Background()
	def, run := familiesView(t, true)
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	render := func(shared bool) (map[string]string, []*query.Question) {
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
		return tiles, rec.qs
	}
	alone, askedAlone := render(false)
	together, askedTogether := render(true)
	asked, askedShared := len(askedAlone), len(askedTogether)
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
	// The insight's total of revenue is answered with the KPIs that total
	// every row: no question asks its measure alone.
	totals := 0
	for _, q := range askedTogether {
		for _, m := range q.Measures {
			if m.ID == "__v" {
				totals++
				if len(q.Measures) == 1 {
					t.Errorf("the insight's total asked alone: %+v", q)
				}
			}
		}
	}
	if totals != 1 {
		t.Errorf("the insight's total is in %d questions, want 1", totals)
	}
	// The box plot's statistics by segment are asked with the other
	// visuals by segment: one scan of the rows, not two.
	for _, q := range askedTogether {
		if slices.ContainsFunc(q.Measures, func(m query.Measure) bool { return m.ID == "__box_q1_0" }) && len(q.Measures) <= 5 {
			t.Errorf("the box plot asked alone: %+v", q.Measures)
		}
	}
}

// TestSharedQuestionsKeepVisualFiltersApart gives one KPI of the families
// sheet a filter of its own (region Europe): the other KPIs still share a
// question, but that KPI must ask its own, filtered, and draw what it
// draws alone. Sharing it with the unfiltered KPIs would draw the count
// of every order.
func TestSharedQuestionsKeepVisualFiltersApart(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("the 100,000-row sample sheet: too slow in short and race mode")
	}
	ctx := context.Background()
	def, run := familiesView(t, false)
	file, err := os.ReadFile(filepath.Join("..", "..", "e2e", "testdata", "families_definition.json"))
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	arn := def.DataSetIdentifierDeclarations[0].DataSetArn
	if err := json.Unmarshal([]byte(strings.ReplaceAll(string(file), "{{DATASET_ARN}}", arn)), &raw); err != nil {
		t.Fatal(err)
	}
	raw["FilterGroups"] = []any{map[string]any{
		"FilterGroupId": "europe", "CrossDataset": "SINGLE_DATASET", "Status": "ENABLED",
		"ScopeConfiguration": map[string]any{"SelectedSheets": map[string]any{"SheetVisualScopingConfigurations": []any{
			map[string]any{"SheetId": "families", "Scope": "SELECTED_VISUALS", "VisualIds": []any{"kpi-orders"}}}}},
		"Filters": []any{map[string]any{"CategoryFilter": map[string]any{"FilterId": "f-europe",
			"Column":        map[string]any{"DataSetIdentifier": "sales", "ColumnName": "region"},
			"Configuration": map[string]any{"FilterListConfiguration": map[string]any{"MatchOperator": "EQUALS", "CategoryValues": []any{"Europe"}}}}}},
	}}
	b, err := json.Marshal(raw)
	if err != nil {
		t.Fatal(err)
	}
	def, err = definition.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	rec := &recorder{run: run}
	s := viewer.New(def, nil, now).RenderSheet(ctx, "", rec.runner(), viewer.DefaultParallel)
	var filtered, revenue *query.Question
	for _, q := range rec.qs {
		for _, m := range q.Measures {
			switch m.ID {
			case "kpio-v":
				filtered = q
			case "kpi-v":
				revenue = q
			}
		}
	}
	if filtered == nil || revenue == nil {
		t.Fatalf("the KPIs' questions were not asked: %d questions", len(rec.qs))
	}
	if filtered == revenue || len(filtered.Measures) != 1 || len(filtered.Filters) != 1 {
		t.Fatalf("the filtered KPI shared a question: measures %+v, filters %+v", filtered.Measures, filtered.Filters)
	}
	if len(revenue.Measures) < 2 || len(revenue.Filters) != 0 {
		t.Fatalf("the unfiltered KPIs did not share an unfiltered question: measures %+v, filters %+v", revenue.Measures, revenue.Filters)
	}
	alone := viewer.New(def, nil, now)
	alone.SetSharedQuestions(false)
	want := alone.RenderVisuals(ctx, "", []string{"kpi-orders", "kpi"}, run, 1)
	for _, w := range want.Tiles {
		for _, got := range s.Tiles {
			if got.ID != w.ID {
				continue
			}
			if got.KPI == nil || w.KPI == nil || got.KPI.Value != w.KPI.Value {
				t.Errorf("%s: drew %+v, alone %+v", w.ID, got.KPI, w.KPI)
			}
		}
	}
}
