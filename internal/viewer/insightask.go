package viewer

import (
	"context"
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
	"github.com/sightglass/sightglass/internal/query/dialect"
)

// insightLimit bounds the rows an insight's question reads (the periods,
// or the category × period pairs, it looks through).
const insightLimit = 2000

// errInsightTooMany is a question of an insight whose answer hits
// insightLimit before the computation has what it needs.
var errInsightTooMany = errors.New("too many rows")

// insightAsk asks the questions of one insight visual: with the view's
// filters of the visual (as every visual's question), through run.
type insightAsk struct {
	v                          *View
	ctx                        context.Context
	run                        Runner
	sheetID, visualID, dataSet string
	formats                    map[string]*numberFormat
	out                        map[string]string // the outputs of the computation being computed, for a custom narrative
}

// put records an output of the computation being computed.
func (a *insightAsk) put(path, text string) {
	if a.out != nil {
		a.out[path] = text
	}
}

// putValue records a number as a narrative's value outputs: path.value
// (raw), path.formattedValue and path.formattedAbsoluteValue (with the
// field's number format).
func (a *insightAsk) putValue(path string, f field, v float64) {
	a.put(path+".value", strconv.FormatFloat(v, 'f', -1, 64))
	a.put(path+".formattedValue", f.text(v))
	a.put(path+".formattedAbsoluteValue", f.text(math.Abs(v)))
}

// putPercent records a ratio as a narrative's percent outputs: path.value
// (the ratio, 0.125), path.formattedValue ("12.5%") and
// path.formattedAbsoluteValue (without its sign), written as the default
// narrative line writes a change.
func (a *insightAsk) putPercent(path string, r float64) {
	a.put(path+".value", strconv.FormatFloat(r, 'f', -1, 64))
	a.put(path+".formattedValue", formatNumber(r*100)+"%")
	a.put(path+".formattedAbsoluteValue", formatNumber(math.Abs(r)*100)+"%")
}

// putTime records a time field's outputs: timeField.name and
// timeField.timeGranularity.
func (a *insightAsk) putTime(f field) {
	a.put("timeField.name", f.label)
	if f.dim != nil && f.dim.Granularity != "" {
		a.put("timeField.timeGranularity", strings.ToUpper(string(f.dim.Granularity)))
	}
}

// putMetric records a measure's field outputs: metricField.name and
// metricField.aggregationFunction (SUM, AVG, …).
func (a *insightAsk) putMetric(prefix string, f field, name string) {
	a.put(prefix+".name", name)
	if f.measure != nil && f.measure.Aggregation != "" {
		agg := strings.ToUpper(string(f.measure.Aggregation))
		if agg == query.Average {
			agg = "AVG" // as the user guide writes it
		}
		a.put(prefix+".aggregationFunction", agg)
	}
}

// ask answers a question of dimensions and measures, sorted and limited.
func (a *insightAsk) ask(dims, values []field, calc []query.CalculatedField, sort []query.Sort, limit int) (*Result, error) {
	arn, q, err := a.question(dims, values, calc, sort, limit)
	if err != nil {
		return nil, err
	}
	return a.run(a.ctx, arn, q)
}

// question is the question ask asks, and its dataset's ARN.
func (a *insightAsk) question(dims, values []field, calc []query.CalculatedField, sort []query.Sort, limit int) (string, *query.Question, error) {
	p := &plan{dataSet: a.dataSet, category: dims, values: values, calc: calc, sort: sort, limit: limit}
	for _, f := range append(append([]field{}, dims...), values...) {
		if f.dataSet != "" {
			p.dataSet = f.dataSet
			break
		}
	}
	arn, ok := a.v.def.DataSetARN(p.dataSet)
	if !ok {
		return "", nil, errors.New("the insight's dataset " + strconv.Quote(p.dataSet) + " is not declared")
	}
	q, err := a.v.question(p, a.sheetID, a.visualID)
	if err != nil {
		return "", nil, err
	}
	return arn, q, nil
}

// dim resolves a computation's dimension field (false if it has none);
// gran, when set, replaces a date field's granularity.
func (a *insightAsk) dim(f *definition.DimensionField, gran string) (field, bool) {
	if f == nil {
		return field{}, false
	}
	x, ok := dimension(*f)
	if ok && gran != "" && x.dim.Granularity != "" {
		d := *x.dim
		d.Granularity = dialect.Granularity(gran)
		x.dim = &d
	}
	return x, ok
}

// measure resolves a computation's measure field, with its format and
// the name a narrative gives it (the column, or a calculated field's id).
func (a *insightAsk) measure(f *definition.MeasureField, id string) (field, []query.CalculatedField, string, bool) {
	if f == nil {
		return field{}, nil, "", false
	}
	p := &plan{}
	p.addMeasures([]definition.MeasureField{*f}, &p.values)
	if len(p.values) == 0 {
		return field{}, nil, "", false
	}
	x := p.values[0]
	x.format = a.formats[x.id]
	name := x.id
	if x.measure.Field != "" && f.CalculatedMeasureField == nil {
		name = x.measure.Field
	}
	// Two measures of one question need distinct ids.
	old := x.id
	x.id = id
	m := *x.measure
	m.ID = id
	x.measure = &m
	for i := range p.calc {
		if p.calc[i].Name == old {
			p.calc[i].Name = id
			m.Field = id
		}
	}
	return x, p.calc, name, true
}

// text writes a measure's value with its number format.
func (f field) text(v float64) string {
	if f.format != nil {
		return f.format.format(v)
	}
	return formatNumber(v)
}
