package viewer

import (
	"strconv"
	"strings"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// Words is a word cloud drawn as HTML: a word per group, in the
// question's order, sized by its value.
type Words struct {
	Label string // the size measure's label
	Words []Word
}

// Word is one word of a cloud: its text, its value as shown and its CSS
// font size.
type Word struct {
	Text  string
	Value string
	Style string
}

// planWordCloud fills a word cloud's plan: one GroupBy field and its Size
// (a count of records without one), largest first unless sorted
// otherwise; an items limit that drops the rest applies.
func (p *plan) planWordCloud(c *definition.WordCloudChartConfiguration) bool {
	if c == nil || c.FieldWells == nil || c.FieldWells.WordCloudAggregatedFieldWells == nil {
		return false
	}
	w := c.FieldWells.WordCloudAggregatedFieldWells
	p.category = dims(w.GroupBy)
	if len(p.category) == 0 {
		return false
	}
	if len(p.category) > 1 {
		p.refuse("more than one field in GroupBy")
		return true
	}
	p.addMeasures(w.Size, &p.values)
	if len(p.values) > 1 {
		p.values = p.values[:1]
	}
	p.countRecords()
	p.limit, p.maxRows = chartLimit+1, chartLimit
	if s := c.SortConfiguration; s != nil {
		p.sorts(s.CategorySort)
		if len(p.sort) < len(s.CategorySort) {
			p.refuse("CategorySort by a field the word cloud does not show")
		}
		p.otherItems("CategoryItemsLimit", s.CategoryItemsLimit, false)
	}
	if len(p.sort) == 0 {
		p.sort = []query.Sort{{ID: p.values[0].id, Descending: true}}
	}
	p.words = c.WordCloudOptions
	if p.words == nil {
		p.words = &definition.WordCloudOptions{}
	}
	return true
}

// wordCloud builds the words: font sizes from 0.8 to 2.6 rem in
// proportion to the value (all 1.2 rem with WordScaling NORMAL), words
// lower-cased with WordCasing LOWER_CASE and cut at MaximumStringLength.
func wordCloud(p *plan, res *Result) *Words {
	o := p.words
	top := 0.0
	for _, row := range res.Rows {
		if f, ok := number(row[1]); ok && f > top {
			top = f
		}
	}
	out := &Words{Label: p.values[0].label}
	for _, row := range res.Rows {
		text := fieldText(row[0], res.Columns[0], p.category[0])
		if o.WordCasing == "LOWER_CASE" {
			text = strings.ToLower(text)
		}
		if n := o.MaximumStringLength; n != nil && *n > 0 {
			if rs := []rune(text); int64(len(rs)) > *n {
				text = string(rs[:*n]) + "…"
			}
		}
		size := 1.2
		f, ok := number(row[1])
		if o.WordScaling != "NORMAL" && top > 0 && ok && f > 0 {
			size = 0.8 + 1.8*f/top
		}
		value := ""
		if ok {
			value = formatNumber(f)
		}
		out.Words = append(out.Words, Word{Text: text, Value: value, Style: "font-size: " + strconv.FormatFloat(round2(size), 'f', -1, 64) + "rem"})
	}
	return out
}
