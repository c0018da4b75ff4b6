package viewer

import (
	"context"
	"strconv"
	"strings"

	"github.com/sightglass/sightglass/internal/query"
)

// A KPI with a trend group and a visible KPIOptions.Sparkline draws the
// trend: the value of every period, oldest first, asked of SQL as the
// KPI's question without its two-period limit (the same values the
// comparison reads). A LINE sparkline is a line, an AREA one (the
// default) is filled below it. More periods than a chart draws are
// refused by name rather than cut.

// kpiSparkline is QuickSight's KPISparklineOptions, the part read here.
type kpiSparkline struct {
	Visibility string `json:"Visibility"`
	Type       string `json:"Type"`
}

// Sparkline is a KPI's drawn trend, in a 100 × 24 box.
type Sparkline struct {
	Values string // the periods' values, oldest first, comma separated
	Points string // the line's SVG points
	Area   string // the filled area's SVG points; "" for a LINE
}

// sparklineShown reports whether a KPI draws its sparkline.
func (p *plan) sparklineShown() bool {
	return p.kpi != nil && p.kpi.Sparkline != nil && p.kpi.Sparkline.Visibility == "VISIBLE" && len(p.category) > 0
}

// sparkline asks for the trend of a KPI whose question is q; why, when
// not empty, names what cannot be drawn.
func (v *View) sparkline(ctx context.Context, p *plan, q *query.Question, arn string, run Runner) (s *Sparkline, why string, err error) {
	sq := *q
	sq.Sort = []query.Sort{{ID: p.category[0].id}}
	sq.Limit = chartLimit + 1
	res, err := run(ctx, arn, &sq)
	if err != nil {
		return nil, "", err
	}
	if len(res.Rows) > chartLimit {
		return nil, "a Sparkline over more than " + strconv.Itoa(chartLimit) + " periods", nil
	}
	nd := len(p.category)
	var vals []float64
	var texts []string
	for _, row := range res.Rows {
		x, ok := number(row[nd])
		if !ok {
			continue
		}
		vals = append(vals, x)
		texts = append(texts, strconv.FormatFloat(x, 'f', -1, 64))
	}
	if len(vals) == 0 {
		return nil, "", nil
	}
	lo, hi := vals[0], vals[0]
	for _, x := range vals {
		lo, hi = min(lo, x), max(hi, x)
	}
	pt := func(i int, x float64) string {
		px := 50.0
		if len(vals) > 1 {
			px = float64(i) * 100 / float64(len(vals)-1)
		}
		py := 12.0
		if hi > lo {
			py = 22 - (x-lo)/(hi-lo)*20
		}
		return strconv.FormatFloat(round2(px), 'f', -1, 64) + "," + strconv.FormatFloat(round2(py), 'f', -1, 64)
	}
	var pts []string
	for i, x := range vals {
		pts = append(pts, pt(i, x))
	}
	s = &Sparkline{Values: strings.Join(texts, ","), Points: strings.Join(pts, " ")}
	if p.kpi.Sparkline.Type != "LINE" {
		first, last := "0", "100"
		if len(vals) == 1 {
			first, last = "50", "50"
		}
		s.Area = first + ",24 " + s.Points + " " + last + ",24"
	}
	return s, "", nil
}
