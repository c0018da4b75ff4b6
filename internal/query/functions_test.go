package query

import (
	"fmt"
	"testing"
)

// rowExpressions are evaluated on every row by every engine; the results
// must agree.
var rowExpressions = []string{
	`{quantity} * 2 + 1`,
	`{unit_price} / {quantity}`,
	`{quantity} % 4`,
	`-{unit_price}`,
	`ifelse({quantity} > 5, 'high', {quantity} > 2, 'mid', 'low')`,
	`coalesce({Region}, {product})`,
	`isNull({unit_price}) or not isNotNull({quantity})`,
	`in({Region}, ['East', 'North'])`,
	`notIn({product}, ['Widget'])`,
	`concat({product}, '/', toString({quantity}))`,
	`substring({product}, 2, 3)`,
	`toUpper({Region})`,
	`toLower({product})`,
	`trim(concat('  ', {product}, '  '))`,
	`strlen({product})`,
	`round({unit_price} * 1.37, 1)`,
	`round({unit_price})`,
	`floor({unit_price})`,
	`ceil({unit_price})`,
	`abs({quantity} - 5)`,
	`parseInt('42') + {quantity}`,
	`parseDecimal('1.5') * {quantity}`,
	`truncDate('YYYY', {order_date})`,
	`truncDate('Q', {order_date})`,
	`truncDate('MM', {order_date})`,
	`truncDate('WK', {order_date})`,
	`truncDate('DD', {order_date})`,
	`truncDate('HH', {order_date})`,
	`truncDate('MI', {order_date})`,
	`extract('YYYY', {order_date})`,
	`extract('Q', {order_date})`,
	`extract('MM', {order_date})`,
	`extract('WK', {order_date})`,
	`extract('DD', {order_date})`,
	`extract('WD', {order_date})`,
	`extract('DOY', {order_date})`,
	`extract('HH', {order_date})`,
	`extract('MI', {order_date})`,
	`extract('SS', {order_date})`,
	`dateDiff({order_date}, {ship_date})`,
	`dateDiff({ship_date}, {order_date}, 'DD')`,
	`dateDiff({order_date}, {ship_date}, 'YYYY')`,
	`dateDiff({order_date}, addDateTime(100, 'DD', {ship_date}), 'Q')`,
	`dateDiff({order_date}, addDateTime(40, 'DD', {ship_date}), 'MM')`,
	`dateDiff({order_date}, {ship_date}, 'WK')`,
	`dateDiff({order_date}, {ship_date}, 'HH')`,
	`dateDiff({order_date}, {ship_date}, 'MI')`,
	`dateDiff({order_date}, {ship_date}, 'SS')`,
	`addDateTime(1, 'YYYY', {order_date})`,
	`addDateTime(-2, 'Q', {order_date})`,
	`addDateTime(3, 'MM', truncDate('MM', {order_date}))`,
	`addDateTime(1, 'WK', {order_date})`,
	`addDateTime({quantity}, 'DD', {order_date})`,
	`addDateTime(-5, 'HH', {order_date})`,
	`addDateTime(90, 'MI', {order_date})`,
	`addDateTime(30, 'SS', {order_date})`,
	`{order_date} >= '2024-06-01' and {order_date} < '2024-09-01 12:00:00'`,
	`dateDiff({order_date}, now()) > 0`,
	`left({product}, 3)`,
	`parseDate(formatDate({order_date}, 'yyyy-M-d')) = truncDate('DD', {order_date})`,
	`parseDate(concat('1/18/1982 ', toString({quantity}), ':05:09'), 'MM/dd/yyyy HH:mm:ss')`,
	`parseDate(formatDate({ship_date}, 'yyyyMMdd'), 'yyyyMMdd')`,
	`split(concat({product}, '||', {Region}), '|', 2)`,
	`split({product}, 'g', 1)`,
	`right({Region}, {quantity} - 3)`,
	`locate({product}, 'g', 2)`,
	`replace({product}, 'G', 'x')`,
	`contains({product}, 'G')`,
	`startsWith({product}, 'g', CASE_INSENSITIVE)`,
	`endsWith({Region}, 'T', CASE_INSENSITIVE)`,
	`concat('[', ltrim(concat('  ', {product})), rtrim(concat({product}, '  ')), ']')`,
	`nullIf({quantity}, 0)`,
	`formatDate({order_date}, "EEEE EEE d dd M MM MMM MMMM yy yyyy H HH h hh mm ss SSS a 'Q'")`,
	`formatDate({ship_date}, 'yyyy-MM-dd HH:mm:ss')`,
	`isWorkDay({order_date})`,
	`netWorkDays({order_date}, {ship_date})`,
	`netWorkDays({ship_date}, {order_date})`,
	`addWorkDays({order_date}, {quantity} - 5)`,
	`epochDate({quantity} * 86400 * 400)`,
}

// TestFunctionsAcrossEngines evaluates each expression per row on every
// engine and compares the values.
func TestFunctionsAcrossEngines(t *testing.T) {
	table := uniqueTable(t)
	engines := openEngines(t, table)
	tables, err := salesTables(table)
	if err != nil {
		t.Fatal(err)
	}
	results := map[string]string{}
	for _, e := range engines {
		rel, args, err := tables.Relation(e.d)
		if err != nil {
			t.Fatal(err)
		}
		for _, src := range rowExpressions {
			q := Question{
				Dimensions:       []Dimension{{Field: "id"}, {Field: "X"}},
				CalculatedFields: []CalculatedField{{Name: "X", Expression: src}},
			}
			c, err := Compile(&q, rel, args, tables.OutputColumns(), e.d)
			if err != nil {
				t.Fatalf("%s: %s: %v", e.d.Name(), src, err)
			}
			got := fmt.Sprint(run(t, e, c.SQL, c.Args))
			if want, ok := results[src]; ok && got != want {
				t.Errorf("%s: %s:\n got %s\nwant %s (sqlite)", e.d.Name(), src, got, want)
			}
			if _, ok := results[src]; !ok {
				results[src] = got
			}
		}
	}
}
