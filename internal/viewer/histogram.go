package viewer

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// Histogram defaults and bounds: the bin count without BinOptions, and
// the most bins drawn (BinCountLimit's maximum).
const (
	defaultBinCount = 10
	maxBins         = 1000
)

// The ids of a histogram's question: the bin index and its count.
const (
	binID      = "__bin"
	binCountID = "__bin_count"
)

// histogram is how a histogram bins its column: bins of width starting at
// start (when known), or count bins over the column's range.
type histogram struct {
	column  string
	fieldID string   // the value's FieldId, which a custom label names
	count   int      // BIN_COUNT: the number of bins over [start, max]
	width   float64  // BIN_WIDTH
	start   *float64 // StartValue; nil: 0 for BIN_WIDTH, the minimum for BIN_COUNT
	limit   int      // the most bins drawn
}

// planHistogram fills a histogram's plan: the rows' values of its one
// numeric column counted per bin. The bin of each row is computed in SQL
// (floor((value − start) / width)), so every engine bins alike. The
// value's AggregationFunction is not used: a histogram counts rows.
func (p *plan) planHistogram(c *definition.HistogramConfiguration) bool {
	if c == nil || c.FieldWells == nil || c.FieldWells.HistogramAggregatedFieldWells == nil {
		return false
	}
	vals := c.FieldWells.HistogramAggregatedFieldWells.Values
	if len(vals) == 0 {
		return false
	}
	v := vals[0]
	var col *definition.ColumnIdentifier
	switch {
	case v.NumericalMeasureField != nil:
		col = v.NumericalMeasureField.Column
	case v.CalculatedMeasureField != nil:
		p.refuse("a calculated measure in Values (a histogram bins each row's value)")
		return true
	default:
		p.refuse("a non-numeric field in Values")
		return true
	}
	if col == nil || col.ColumnName == "" {
		return false
	}
	if strings.ContainsAny(col.ColumnName, "{}") {
		p.refuse("a column name with braces")
		return true
	}
	h := &histogram{column: col.ColumnName, fieldID: v.NumericalMeasureField.FieldId, count: defaultBinCount, limit: maxBins}
	if b := c.BinOptions; b != nil {
		h.start = b.StartValue
		if h.start != nil && (math.IsNaN(*h.start) || math.IsInf(*h.start, 0)) {
			p.refuse("StartValue not a finite number")
		}
		switch b.SelectedBinType {
		case "BIN_WIDTH":
			if b.BinWidth == nil || b.BinWidth.Value == nil || !(*b.BinWidth.Value > 0) || math.IsInf(*b.BinWidth.Value, 0) {
				p.refuse("BIN_WIDTH without a positive BinWidth.Value")
				break
			}
			h.count, h.width = 0, *b.BinWidth.Value
			if l := b.BinWidth.BinCountLimit; l != nil && *l > 0 && *l < maxBins {
				h.limit = int(*l)
			}
		default: // BIN_COUNT, or none selected
			if b.BinCount != nil && b.BinCount.Value != nil {
				if *b.BinCount.Value < 1 || *b.BinCount.Value > maxBins {
					p.refuse("BinCount.Value outside 1–1000")
					break
				}
				h.count = int(*b.BinCount.Value)
			}
		}
	}
	p.hist = h
	p.dataSet = col.DataSetIdentifier
	p.category = []field{{id: binID, label: col.ColumnName, dataSet: col.DataSetIdentifier, dim: &query.Dimension{ID: binID, Field: binID}}}
	p.values = []field{{id: binCountID, label: "Count of " + col.ColumnName, dataSet: col.DataSetIdentifier,
		measure: &query.Measure{ID: binCountID, Field: col.ColumnName, Aggregation: query.Count}}}
	p.sort = []query.Sort{{ID: binID}}
	// One row per bin, one more for rows without a value and one more for
	// a maximum on the top edge of the last bin.
	p.limit = h.limit + 2
	return true
}

// literal writes a number as an expression literal.
func literal(f float64) string {
	return "(" + strconv.FormatFloat(f, 'f', -1, 64) + ")"
}

// binRange sets a histogram's start and width for the question: with a
// bin count, from the column's minimum and maximum under the visual's
// filters (a first question), since the bins span the values drawn.
// False means there are no values.
func (v *View) binRange(ctx context.Context, p *plan, sheetID, visualID, arn string, run Runner) (bool, error) {
	h := p.hist
	if h.count > 0 {
		rp := &plan{dataSet: p.dataSet, values: []field{
			{id: "__min", measure: &query.Measure{ID: "__min", Field: h.column, Aggregation: query.Min}},
			{id: "__max", measure: &query.Measure{ID: "__max", Field: h.column, Aggregation: query.Max}},
		}}
		q, err := v.question(rp, sheetID, visualID)
		if err != nil {
			return false, err
		}
		res, err := run(ctx, arn, q)
		if err != nil {
			return false, err
		}
		if len(res.Rows) == 0 || len(res.Rows[0]) < 2 {
			return false, nil
		}
		lo, ok1 := number(res.Rows[0][0])
		hi, ok2 := number(res.Rows[0][1])
		if !ok1 || !ok2 {
			return false, nil
		}
		start := lo
		if h.start != nil {
			start = *h.start
		}
		h.width = (hi - start) / float64(h.count)
		if !(h.width > 0) {
			// One value (or a start at or above the maximum): one bin of
			// width 1 from the start holds it.
			h.width = 1
		}
		h.start = &start
	}
	start := 0.0
	if h.start != nil {
		start = *h.start
	}
	h.start = &start
	p.calc = append(p.calc, query.CalculatedField{Name: binID,
		Expression: "floor(({" + h.column + "} - " + literal(start) + ") / " + literal(h.width) + ")"})
	return true, nil
}

// tileMessage is an error whose text is what the tile says.
type tileMessage string

func (m tileMessage) Error() string { return string(m) }

// histogramBins turns the answer (bin index, count) into the drawn bins:
// every bin from the lowest to the highest with a value, empty ones
// included; with a bin count, a value on the top edge counts in the last
// bin. An error names a range wider than the bin limit.
func histogramBins(p *plan, res *Result) (lows []float64, counts []float64, err error) {
	h := p.hist
	got := map[int64]float64{}
	first, last := int64(math.MaxInt64), int64(math.MinInt64)
	for _, row := range res.Rows {
		b, ok := number(row[0])
		if !ok {
			continue // rows without a value are in no bin
		}
		if math.Abs(b) > 1e15 {
			// A bin index this far out means bins far too narrow to draw.
			return nil, nil, tileMessage("This histogram's bins are too narrow for its values; widen its bins.")
		}
		n, _ := number(row[1])
		i := int64(b)
		if h.count > 0 && i == int64(h.count) {
			i = int64(h.count) - 1
		}
		got[i] += n
		first, last = min(first, i), max(last, i)
	}
	if len(got) == 0 {
		return nil, nil, nil
	}
	if last-first+1 > int64(h.limit) {
		return nil, nil, tileMessage(fmt.Sprintf("This histogram's values span %d bins, more than its limit of %d; filter it or widen its bins.", last-first+1, h.limit))
	}
	for i := first; i <= last; i++ {
		lows = append(lows, *h.start+float64(i)*h.width)
		counts = append(counts, got[i])
	}
	return lows, counts, nil
}

// histogramOption draws the bins as touching bars, each labelled with its
// range [low, high).
func histogramOption(p *plan, lows, counts []float64) obj {
	h := p.hist
	cats := make([]string, len(lows))
	data := make([]any, len(counts))
	for i, lo := range lows {
		cats[i] = formatNumber(lo) + " – " + formatNumber(lo+h.width)
		data[i] = counts[i]
	}
	label := obj{"hideOverlap": true}
	s := obj{"type": "bar", "name": p.values[0].label, "data": data, "barCategoryGap": "1%"}
	if len(cats) <= maxLabelled {
		label = obj{"interval": 0}
		s["label"] = obj{"show": true, "position": "top"}
	}
	return obj{
		"animation": false,
		"aria":      obj{"enabled": true},
		"tooltip":   obj{"trigger": "axis"},
		"grid":      obj{"containLabel": true, "left": 8, "right": 16, "top": 16, "bottom": 8},
		"xAxis":     obj{"type": "category", "data": cats, "name": p.category[0].label, "nameLocation": "middle", "nameGap": 28, "axisLabel": label},
		"yAxis":     obj{"type": "value", "minInterval": 1},
		"series":    []obj{s},
	}
}
