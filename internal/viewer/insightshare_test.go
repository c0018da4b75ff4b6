package viewer_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/viewer"
)

// TestInsightSharedQuestions renders an insight with its eleven SQL
// computations over a 20,000-row sample with the questions known ahead
// answered together and with every computation asking alone: the lines
// must be identical, and sharing must ask 6 questions instead of 11 (the
// total with the unique values; the highest and lowest month and, read
// backwards, the latest months of the period over period, the growth
// rate and the metric comparison from one answer).
func TestInsightSharedQuestions(t *testing.T) {
	if testing.Short() {
		t.Skip("a 20,000-row sample: too slow in short mode")
	}
	v, run, _ := sampleAppRows(t, false, 20_000)
	_, _, all := insightComputations()
	def, err := definition.Parse([]byte(fmt.Sprintf(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": %q}],
		"Sheets": [{"SheetId": "s", "Name": "S", "Visuals": [{"InsightVisual": {"VisualId": "v", "DataSetIdentifier": "sales",
		"InsightConfiguration": {"Computations": [%s]}}}]}]}`, v.Definition().DataSetARNs()[0], strings.Join(all, ","))))
	if err != nil {
		t.Fatal(err)
	}
	render := func(shared bool) (string, int) {
		rec := &recorder{run: run}
		view := viewer.New(def, nil, time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC))
		view.SetSharedQuestions(shared)
		s := view.RenderSheet(context.Background(), "s", rec.runner(), 1)
		tile := s.Tiles[0]
		if tile.Kind != viewer.TileInsight || len(tile.Insight.Lines) != 11 {
			t.Fatalf("shared %v: %s %s %v", shared, tile.Kind, tile.Message, tile.Insight)
		}
		b, err := json.Marshal(tile)
		if err != nil {
			t.Fatal(err)
		}
		return string(b), len(rec.qs)
	}
	alone, askedAlone := render(false)
	together, askedTogether := render(true)
	if together != alone {
		t.Errorf("the insight differs when shared:\n got %s\nwant %s", together, alone)
	}
	if askedAlone != 11 || askedTogether != 6 {
		t.Errorf("%d questions alone, %d shared; want 11 and 6", askedAlone, askedTogether)
	}
}
