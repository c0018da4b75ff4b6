package e2e

// The Cloud Intelligence Dashboards' AWS Budgets dashboard
// (testdata/realdefs/NOTES.md) and the synthetic data it needs.

import (
	"database/sql"
	"fmt"
	"math"
	"net/url"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

func init() {
	realDefinitions = append(realDefinitions, awsBudgets)
}

// bdBudgets are the budgets: name, account, level (the cid:budget-level
// tag) and monthly amount.
var bdBudgets = []struct {
	name, account, level string
	amount               int
}{
	{"ec2-prod", "111122223331", "Department", 1000},
	{"s3-prod", "111122223331", "Project", 400},
	{"lambda-dev", "111122223332", "Project", 150},
	{"rds-prod", "111122223331", "Business Unit", 900},
	{"analytics", "111122223333", "Department", 600},
	{"sandbox", "111122223332", "Project", 50},
	{"networking", "111122223333", "Business Unit", 300},
}

// bdMonths is how many months each budget has a row for: this month and
// the ones before it.
const bdMonths = 6

// bdMonth is the first day of the month n months before the test's.
func bdMonth(n int) time.Time {
	d := realDefsStart.UTC()
	return time.Date(d.Year(), d.Month()-time.Month(n), 1, 0, 0, 0, 0, time.UTC)
}

// awsBudgets: each budget's amount, actual and forecasted spend per month
// (budgets_view), some over their amount, some forecast over it.
var awsBudgets = realDef{
	name: "aws-budgets",
	// A bar chart's tooltip names a column QuickSight renamed
	// MissingColumnId_… when it left the author's dataset.
	lenient: "Required column 'MissingColumnId_612b70e2-0b78-4f7d-9dc5-54f3fbb16f63' is missing in data set 'arn:aws:quicksight:us-east-1:123456789012:dataset/" + bdDataSet + "'",
	dataSets: []realDataSet{{
		id: bdDataSet,
		columns: append(append(append(strCols("budget_name"),
			decCols("budget_amount", "actualspend", "forecastedspend", "percentage_actuals_vs_budgeted", "percentage_forecast_vs_budgeted")...),
			realColumn{"budget_date", types.InputColumnDataTypeDatetime}),
			strCols("timeunit", "budget_type", "account_id", "start_date", "end_date", "budget_year", "budget_month", "budget_level",
				"account_id[account_map]", "account_name")...),
		rows: len(bdBudgets) * bdMonths,
		row: func(i int) []any {
			b, m := bdBudgets[i%len(bdBudgets)], i/len(bdBudgets)
			month := bdMonth(m)
			amount := float64(b.amount)
			actual := amount * float64(50+(i*37)%70) / 100
			forecast := amount * float64(70+(i*53)%60) / 100
			return []any{
				b.name, amount, actual, forecast, actual / amount, forecast / amount,
				month.Format(time.DateTime), "MONTHLY", "COST", b.account, month.Format("2006-01-02"), month.AddDate(0, 1, -1).Format("2006-01-02"),
				month.Format("2006"), month.Format("01"), b.level, b.account, "acct-" + b.account[len(b.account)-1:],
			}
		},
	}},
	// The two insights write custom narratives (checkBudgetNarratives).
	checks: []realCheck{
		// Gauges: "Actual VS Budget This Month" (THIS MONTH, with a
		// DISABLED ExcludePeriodConfiguration) and "Actual VS Budget"
		// (every month): the drawn value is the SUM.
		{bdSheet, "4131895b-69f0-4d29-8d55-46d059c094c1", `SELECT 'Sum of Actual Cost', sum(actualspend) FROM "` + bdDataSet + `" WHERE ` + bdThisMonth},
		{bdSheet, "7e0fa942-9724-45eb-a592-706255228529", `SELECT 'Sum of Forecasted Cost', sum(forecastedspend) FROM "` + bdDataSet + `" WHERE ` + bdThisMonth},
		{bdSheet, "f1eaae74-7a23-48ab-a2c1-a4b354c8d44a", `SELECT 'Sum of Actual Cost', sum(actualspend) FROM "` + bdDataSet + `"`},
		// This month's budgets by ${GroupBy} (its default: the budget's
		// name), three measures.
		{bdSheet, "4b2805c8-dec6-448f-8153-9e49b7af07dd", bdByGroup("budget_name")},
		// The history: a combo chart by month, actual spend in bars,
		// budget and forecast in lines on the same axis.
		{bdSheet, "f0a755fd-ff07-48a2-855d-92f562164ebc", `SELECT ` + bdMonthLabel + `, 'Sum of Actual Cost', sum(actualspend) FROM "` + bdDataSet + `" GROUP BY 1
			UNION ALL SELECT ` + bdMonthLabel + `, 'Sum of Budgeted Cost', sum(budget_amount) FROM "` + bdDataSet + `" GROUP BY 1
			UNION ALL SELECT ` + bdMonthLabel + `, 'Sum of Forecasted Cost', sum(forecastedspend) FROM "` + bdDataSet + `" GROUP BY 1`},
	},
	then: func(t *testing.T, db *sql.DB, sheet func(string, url.Values) string) {
		first := sheet(bdSheet, nil)
		checkBudgetNarratives(t, db, first)
		// Its rich-text title names the parameter's value.
		if got := tileTitleText(t, first, "4b2805c8-dec6-448f-8153-9e49b7af07dd"); got != "Budget Summary by Budget Name This Month" {
			t.Errorf("budget summary title %q", got)
		}
		// "Group By" set to Account Name: the GroupBy calculated field
		// (an ifelse on the parameter) groups by account.
		body := sheet(bdSheet, url.Values{"p.GroupBy": {"Account Name"}})
		if got := tileTitleText(t, body, "4b2805c8-dec6-448f-8153-9e49b7af07dd"); got != "Budget Summary by Account Name This Month" {
			t.Errorf("budget summary title with Group By set %q", got)
		}
		checkRealVisual(t, db, body, realCheck{bdSheet, "4b2805c8-dec6-448f-8153-9e49b7af07dd", bdByGroup("account_name")})
		// Its lines share the bars' axis (SingleAxisOptions PRIMARY_Y_AXIS).
		if axis, ok := rawChart(t, body, "f0a755fd-ff07-48a2-855d-92f562164ebc")["yAxis"].(map[string]any); !ok || axis["type"] != "value" {
			t.Errorf("budget history: yAxis %v, want the one value axis its SingleAxisOptions ask", axis)
		}
	},
}

// checkBudgetNarratives checks the words and numbers of the two custom
// narratives against SQL: each period over period's latest two months
// (the change, its direction chosen by an <if>), and this month's
// budgets, over and within their amount.
func checkBudgetNarratives(t *testing.T, db *sql.DB, body string) {
	t.Helper()
	var want []string
	for _, m := range []struct{ name, col string }{{"Budgeted Cost", "budget_amount"}, {"Actual Cost", "actualspend"}, {"Forecasted Cost", "forecastedspend"}} {
		v := queryCells(t, db, `SELECT sum(`+m.col+`) FROM "`+bdDataSet+`" GROUP BY substr(budget_date, 1, 7) ORDER BY substr(budget_date, 1, 7) DESC LIMIT 2`)
		cur, prev := mustFloat(t, v[0][0]), mustFloat(t, v[1][0])
		dir := "increased"
		if cur < prev {
			dir = "decreased"
		}
		want = append(want, fmt.Sprintf("Total %s for %s %s by %s%% (%s) from %s to %s.",
			m.name, bdMonth(0).Format("Jan 2006"), dir, num(math.Abs(cur-prev)/math.Abs(prev)*100), num(cur-prev), num(prev), num(cur)))
	}
	wantEqual(t, "budgets' period over period narrative", narrativeText(t, body, "39b111cb-2e4f-4dd8-a4e1-8c11bd8b8010"), want)

	c := queryCells(t, db, `SELECT count(budget_name), sum(actualspend > budget_amount), sum(actualspend < budget_amount) FROM "`+bdDataSet+`" WHERE `+bdThisMonth)[0]
	n, over, within := mustFloat(t, c[0]), mustFloat(t, c[1]), mustFloat(t, c[2])
	// ForecastUnhealthyTotalAggregate counts the budgets' names, as its
	// author wrote it.
	wantEqual(t, "budgets' health narrative", narrativeText(t, body, "4d44a40c-5c22-470f-b308-b3dd8579bc3e"), []string{fmt.Sprintf(
		"There are %s Budgets currently active, with %s exceeding the budget and %s within the budget, with %s that will exceed the budget during the month.",
		num(n), num(over), num(within), num(n))})
}

// bdThisMonth keeps this month's rows (THIS MONTH relative-date filters).
var bdThisMonth = "budget_date >= '" + bdMonth(0).Format(time.DateTime) + "'"

// bdMonthLabel is a budget_date's month as the chart writes it: "Jan 2026".
const bdMonthLabel = `substr('JanFebMarAprMayJunJulAugSepOctNovDec', 3 * CAST(substr(budget_date, 6, 2) AS INTEGER) - 2, 3) || ' ' || substr(budget_date, 1, 4)`

// bdByGroup is this month's budget, forecast and actual spend by a column.
func bdByGroup(col string) string {
	from := ` FROM "` + bdDataSet + `" WHERE ` + bdThisMonth + ` GROUP BY 1`
	return `SELECT ` + col + `, 'Sum of Budgeted Cost', sum(budget_amount)` + from +
		` UNION ALL SELECT ` + col + `, 'Sum of Forecasted Cost', sum(forecastedspend)` + from +
		` UNION ALL SELECT ` + col + `, 'Sum of Actual Cost', sum(actualspend)` + from
}

const (
	bdDataSet = "8ac5a222-9776-47bc-97aa-aa3af065ad19"
	bdSheet   = "f36cd4e6-26b8-4c72-b330-af26b413b283"
)
