package viewer

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/sightglass/sightglass/internal/query"
)

// Computations over categories: ranked, movers, unique values and the
// total. Each asks SQL for the aggregates (and, where it can, the order
// and the cut) and writes one narrative line.

// ranked writes "Top 3 region by revenue: East (1,234), …": the
// categories of the highest (TOP) or lowest (BOTTOM) aggregated values,
// sorted and cut in SQL; categories without a value are not ranked.
func (a *insightAsk) ranked(c *rankedComputation) (string, error) {
	cat, ok := a.dim(c.Category, "")
	val, calc, name, vok := a.measure(c.Value, "__v")
	if !ok || !vok {
		return missing("Top and bottom ranked", "a Category and a Value"), nil
	}
	n := size(c.ResultSize, 3)
	bottom := c.Type == "BOTTOM"
	res, err := a.ask([]field{cat}, []field{val}, calc, []query.Sort{{ID: val.id, Descending: !bottom}, {ID: cat.id}}, insightLimit)
	if err != nil {
		return "", err
	}
	a.put("categoryField.name", cat.label)
	a.putMetric("metricField", val, name)
	var items []string
	for _, row := range res.Rows {
		v, ok := number(row[1])
		if !ok {
			continue
		}
		item := "items[" + strconv.Itoa(len(items)) + "]"
		a.put(item+".categoryValue.formattedValue", fieldText(row[0], res.Columns[0], cat))
		a.putValue(item+".metricValue", val, v)
		items = append(items, fieldText(row[0], res.Columns[0], cat)+" ("+val.text(v)+")")
		if len(items) == n {
			break
		}
	}
	if len(items) < n && len(res.Rows) == insightLimit {
		return "", errInsightTooMany
	}
	a.put("itemsCount", strconv.Itoa(len(items)))
	if len(items) == 0 {
		return "No " + cat.label + " has a value of " + name + ".", nil
	}
	word := "Top"
	if bottom {
		word = "Bottom"
	}
	return word + " " + strconv.Itoa(len(items)) + " " + cat.label + " by " + name + ": " + strings.Join(items, ", ") + ".", nil
}

// movers writes the categories whose value changed the most (TOP: rose,
// BOTTOM: fell) between the latest two periods of the time field, by
// percent (the default) or absolute difference. SQL aggregates by period
// and category, latest period first; a category is compared only when it
// has a value in both periods (and, by percent, a non-zero one before).
func (a *insightAsk) movers(c *moversComputation) (string, error) {
	cat, ok := a.dim(c.Category, "")
	tm, tok := a.dim(c.Time, "")
	val, calc, name, vok := a.measure(c.Value, "__v")
	if !ok || !tok || !vok {
		return missing("Top and bottom movers", "a Time, a Category and a Value"), nil
	}
	a.putTime(tm)
	a.put("categoryField.name", cat.label)
	a.putMetric("metricField", val, name)
	res, err := a.ask([]field{tm, cat}, []field{val}, calc, []query.Sort{{ID: tm.id, Descending: true}, {ID: cat.id}}, insightLimit)
	if err != nil {
		return "", err
	}
	periods, rows, cut := latestPeriods(res, 2)
	if cut {
		return "", errInsightTooMany
	}
	if len(periods) < 2 {
		return "There are not two " + periodWord(tm) + "s of " + name + " to compare yet.", nil
	}
	cur, prev := map[string]float64{}, map[string]float64{}
	var order []string
	for i, row := range rows {
		v, ok := number(row[2])
		if !ok {
			continue
		}
		k := fieldText(row[1], res.Columns[1], cat)
		if periodKey(rows[i][0]) == periodKey(periods[0]) {
			cur[k] = v
			order = append(order, k)
		} else {
			prev[k] = v
		}
	}
	percent := c.SortOrder != "ABSOLUTE_DIFFERENCE"
	type move struct {
		name     string
		by, from float64
		to       float64
	}
	var moves []move
	for _, k := range order {
		from, ok := prev[k]
		if !ok || percent && from == 0 {
			continue
		}
		by := cur[k] - from
		if percent {
			by = by / math.Abs(from) * 100
		}
		moves = append(moves, move{k, by, from, cur[k]})
	}
	bottom := c.Type == "BOTTOM"
	sort.SliceStable(moves, func(i, j int) bool {
		if bottom {
			return moves[i].by < moves[j].by
		}
		return moves[i].by > moves[j].by
	})
	n := min(size(c.MoverSize, 3), len(moves))
	var items []string
	for _, m := range moves[:n] {
		change := val.text(math.Abs(m.by))
		if percent {
			change = formatNumber(math.Abs(m.by)) + "%"
		}
		dir := "up "
		switch {
		case m.by < 0:
			dir = "down "
		case m.by == 0:
			dir, change = "unchanged", ""
		}
		items = append(items, m.name+" "+dir+change+" ("+val.text(m.from)+" to "+val.text(m.to)+")")
	}
	word := "Top"
	if bottom {
		word = "Bottom"
	}
	span := " from " + fieldText(periods[1], res.Columns[0], tm) + " to " + fieldText(periods[0], res.Columns[0], tm)
	a.put("itemsCount", strconv.Itoa(len(items)))
	if len(items) == 0 {
		return "No " + cat.label + " has " + name + " in both periods" + span + ".", nil
	}
	return word + " movers in " + cat.label + " by " + name + span + ": " + strings.Join(items, ", ") + ".", nil
}

// uniqueValues writes the distinct count of the category, counted in SQL.
func (a *insightAsk) uniqueValues(c *uniqueComputation) (string, error) {
	cat, ok := a.dim(c.Category, "")
	if !ok {
		return missing("Unique values", "a Category"), nil
	}
	a.put("categoryField.name", cat.label)
	res, err := a.ask(nil, []field{uniqueMeasure(cat)}, nil, nil, 0)
	if err != nil {
		return "", err
	}
	n := 0.0
	if len(res.Rows) > 0 {
		n, _ = number(res.Rows[0][0])
	}
	return cat.label + " has " + formatNumber(n) + " unique values.", nil
}

// uniqueMeasure is the distinct count of a unique-values computation's
// category.
func uniqueMeasure(cat field) field {
	return field{id: "__unique", measure: &query.Measure{ID: "__unique", Field: cat.dim.Field, Aggregation: query.DistinctCount}, dataSet: cat.dataSet}
}

// total writes the value aggregated over every row.
func (a *insightAsk) total(c *totalComputation) (string, error) {
	val, calc, name, ok := a.measure(c.Value, "__v")
	if !ok {
		return missing("Total aggregation", "a Value"), nil
	}
	arn, q, err := a.question(nil, []field{val}, calc, nil, 0)
	if err != nil {
		return "", err
	}
	res, err := a.run(a.ctx, arn, q)
	if err != nil {
		return "", err
	}
	a.putMetric("metricField", val, name)
	if len(res.Rows) > 0 {
		if v, ok := number(res.Rows[0][0]); ok {
			a.putValue("totalAggregate", val, v)
			return "Total " + name + " is " + val.text(v) + ".", nil
		}
	}
	return "Total " + name + " has no value.", nil
}

// missing is the line of a computation without the fields it needs.
func missing(what, needs string) string {
	return what + " needs " + needs + "."
}
