package viewer

import (
	"context"
	"strconv"

	"github.com/sightglass/sightglass/internal/query"
)

// Box plot data points (BoxPlotOptions.AllDataPointsVisibility VISIBLE):
// every row's value is drawn over its box. A question per field in
// Values, with the box question's filters, groups the rows by the group
// and by the value (so a value that several rows share is one point);
// rows without a value have no point, as they have no place in the box.

// boxPointLimit bounds the points a box plot draws per field in Values.
const boxPointLimit = 5000

const boxValueID = "__box_value"

// boxQuestions asks what a box plot draws besides its boxes: its
// outliers and its data points; a non-empty message refuses the plot.
func (v *View) boxQuestions(ctx context.Context, p *plan, res *Result, sheetID, visualID, arn string, run Runner) (string, error) {
	if p.box.showOutliers {
		if why, err := v.outliers(ctx, p, res, sheetID, visualID, arn, run); why != "" || err != nil {
			return why, err
		}
	}
	if p.box.showPoints {
		return v.dataPoints(ctx, p, res, sheetID, visualID, arn, run)
	}
	return "", nil
}

// dataPoints asks the distinct values of each box of a box plot whose
// box question answered res.
func (v *View) dataPoints(ctx context.Context, p *plan, res *Result, sheetID, visualID, arn string, run Runner) (string, error) {
	p.box.points = make([][][]float64, len(p.box.columns))
	nd := len(p.category)
	for k, col := range p.box.columns {
		q := &plan{dataSet: p.dataSet, category: append(append([]field{}, p.category...),
			field{id: boxValueID, dim: &query.Dimension{ID: boxValueID, Field: col}}),
			values: []field{{id: "__box_rows", measure: &query.Measure{ID: "__box_rows", Field: col, Aggregation: query.Count}}},
			limit:  boxPointLimit + 1}
		for _, d := range q.category {
			q.sort = append(q.sort, query.Sort{ID: d.id})
		}
		qq, err := v.question(q, sheetID, visualID)
		if err != nil {
			return "", err
		}
		out, err := run(ctx, arn, qq)
		if err != nil {
			return "", err
		}
		if len(out.Rows) > boxPointLimit {
			return "AllDataPointsVisibility VISIBLE with more than " + strconv.Itoa(boxPointLimit) + " distinct values, more than Sightglass draws", nil
		}
		index := boxRowIndex(p, res)
		pts := make([][]float64, len(res.Rows))
		for _, row := range out.Rows {
			i, ok := index(row)
			if x, isNum := number(row[nd]); ok && isNum {
				pts[i] = append(pts[i], x)
			}
		}
		p.box.points[k] = pts
	}
	return "", nil
}
