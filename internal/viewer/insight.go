package viewer

import (
	"context"
	"encoding/json"
	"errors"
	"html/template"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sightglass/sightglass/internal/definition"
)

// Insight is the narrative of an insight visual: a line per computation,
// or the lines of its custom narrative, written as HTML (escaped text and
// <b>, <i> and <u>).
type Insight struct {
	Lines []string
	HTML  []template.HTML
}

// mlMessage is what an insight says of a computation that needs a
// machine-learning model.
const mlMessage = "needs a machine-learning model, which Sightglass does not have."

// insightRefusal names what of an insight Sightglass does not compute.
type insightRefusal string

func (r insightRefusal) Error() string { return string(r) }

func refusal(what string) error { return insightRefusal(what) }

// insightTile computes an insight visual: each computation asks SQL (with
// the visual's filters, as every visual; two computations at a time,
// insightrun.go) and writes its default narrative line, or, with a custom
// narrative, its outputs for the narrative to name (narrative.go). What of
// a custom narrative Sightglass does not read is refused by name. A
// forecast says it needs a model.
func (v *View) insightTile(ctx context.Context, t *Tile, vis *definition.Visual, sheetID string, run Runner) {
	iv, ok := parseInsight(vis.Raw)
	if !ok || iv.InsightConfiguration == nil {
		t.Kind, t.Message = TileEmpty, "This insight has no computations yet."
		return
	}
	c := iv.InsightConfiguration
	var pieces []narrativePiece
	if c.CustomNarrative != nil {
		var err error
		if pieces, err = parseNarrative(c.CustomNarrative.Narrative); err != nil {
			t.Kind, t.Message = TileUnsupported, "Insight options not yet supported by Sightglass: "+err.Error()+"."
			if strings.Contains(strings.ToLower(c.CustomNarrative.Narrative), "anomal") {
				t.Message += " Anomaly detection also " + mlMessage
			}
			return
		}
	}
	a := &insightAsk{v: v, ctx: ctx, run: run, sheetID: sheetID, visualID: vis.VisualID, dataSet: iv.DataSetIdentifier, formats: fieldFormats(vis.Raw)}
	var lines []string
	outs := narrativeOutputs{parameterScope: v.parameterTexts(", ")}
	forecasts := 0
	for i, got := range a.computeAll(c.Computations, pieces != nil) {
		line, err := got.line, got.err
		var r insightRefusal
		switch {
		case errors.As(err, &r):
			t.Kind, t.Message = TileUnsupported, "Insight options not yet supported by Sightglass: "+string(r)+"."
			return
		case errors.Is(err, errInsightTooMany):
			t.Kind, t.Message = TileUnsupported, "This insight reads more than 2000 rows to find its answer, more than Sightglass reads; filter it to fewer."
			return
		case err != nil:
			t.Kind, t.Message = tileOfError(err)
			return
		}
		if c.Computations[i].Forecast != nil {
			forecasts++
		}
		for _, k := range c.Computations[i].keys() {
			if _, taken := outs[k]; !taken && k != "" {
				outs[k] = got.out
			}
		}
		lines = append(lines, sentence(line))
	}
	if pieces != nil {
		html, err := renderNarrative(pieces, outs)
		if err != nil {
			t.Kind, t.Message = TileUnsupported, "Insight options not yet supported by Sightglass: "+err.Error()+"."
			return
		}
		t.Kind, t.Insight = TileInsight, &Insight{HTML: html}
		return
	}
	if forecasts == len(c.Computations) {
		t.Kind, t.Message = TileUnsupported, "A forecast "+mlMessage
		return
	}
	t.Kind, t.Insight = TileInsight, &Insight{Lines: lines}
}

// sentence starts a line with a capital letter, as a field's name may not.
func sentence(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// compute writes the narrative line of one computation.
func (a *insightAsk) compute(c *insightComputation) (string, error) {
	switch {
	case c.TopBottomRanked != nil:
		return a.ranked(c.TopBottomRanked)
	case c.TopBottomMovers != nil:
		return a.movers(c.TopBottomMovers)
	case c.TotalAggregation != nil:
		return a.total(c.TotalAggregation)
	case c.MaximumMinimum != nil:
		return a.maxMin(c.MaximumMinimum)
	case c.MetricComparison != nil:
		return a.metricComparison(c.MetricComparison)
	case c.PeriodOverPeriod != nil:
		return a.periodOverPeriod(c.PeriodOverPeriod)
	case c.PeriodToDate != nil:
		return a.periodToDate(c.PeriodToDate)
	case c.GrowthRate != nil:
		return a.growthRate(c.GrowthRate)
	case c.UniqueValues != nil:
		return a.uniqueValues(c.UniqueValues)
	case c.Forecast != nil:
		return "A forecast " + mlMessage, nil
	}
	return "", refusal("a computation of a kind Sightglass does not know")
}

// insightEmpty reports whether an insight has no computation and no
// custom narrative: QuickSight draws nothing in it, and neither does the
// viewer.
func insightEmpty(raw json.RawMessage) bool {
	var v struct {
		InsightConfiguration *struct {
			Computations    []json.RawMessage
			CustomNarrative json.RawMessage
		}
	}
	if json.Unmarshal(raw, &v) != nil {
		return false
	}
	c := v.InsightConfiguration
	return c == nil || len(c.Computations) == 0 && len(c.CustomNarrative) == 0
}
