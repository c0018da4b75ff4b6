package viewer

import "github.com/sightglass/sightglass/internal/query/expr"

// labelAggregatedFields names the measures that stand for an aggregated
// calculated field of the definition with no AggregationFunction by the
// field alone ("Margin", not "Sum of Margin"): the query uses such a
// field as it is.
func (v *View) labelAggregatedFields(p *plan) {
	aggregated := map[string]bool{}
	for _, cf := range v.def.CalculatedFields {
		if cf.DataSetIdentifier == p.dataSet && expr.Aggregated(cf.Expression) {
			aggregated[cf.Name] = true
		}
	}
	if len(aggregated) == 0 {
		return
	}
	for _, list := range []*[]field{&p.values, &p.lineValues, &p.targets} {
		for i := range *list {
			f := &(*list)[i]
			if f.measure != nil && f.measure.DefaultAggregation && aggregated[f.measure.Field] {
				f.label = f.measure.Field
			}
		}
	}
}
