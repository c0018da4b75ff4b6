package e2e

// The Cloud Intelligence Dashboards' RDS Extended Support Cost Projection
// dashboard (testdata/realdefs/NOTES.md) and the synthetic data it needs.

import (
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

func init() {
	realDefinitions = append(realDefinitions, rdsExtendedSupport)
}

// rdsxEngines are the engine versions: when their extended support's
// year 1 starts (months from this month, the first of that month) and
// year 3 (none for the Aurora MySQL one), and the view's prices.
var rdsxEngines = []struct {
	version, engine, rdsType string
	year1, year3             int // months from this month; year3 0: none
	p12, p3                  float64
}{
	{"mysql5.7.44", "mysql", "AmazonRDS", -5, 19, 0.1, 0.2},
	{"postgres11.22", "postgres", "AmazonRDS", 1, 25, 0.112, 0.224},
	{"aurora-mysql5.7.mysql_aurora.2.11.4", "aurora-mysql", "Aurora", 4, 0, 0.085, 0},
	{"mysql8.0.28", "mysql", "AmazonRDS", 7, 31, 0.12, 0.24},
	{"mysql8.0.35", "mysql", "AmazonRDS", 9, 33, 0.1, 0.2},
	{"aurora-postgresql11.21", "aurora-postgresql", "Aurora", 20, 44, 0.102, 0.204},
}

// rdsxMonth is the first day of the month n months from the test's.
func rdsxMonth(n int) time.Time {
	d := realDefsStart.UTC()
	return time.Date(d.Year(), d.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
}

// rdsxInstances is how many database instances there are; each has four
// rows: two days of last month (the StartDate/EndDate parameters'
// defaults), one of this month and one of two months ago, outside them.
const rdsxInstances = 24

var rdsxAccounts = []string{"111122223331", "111122223332", "111122223333"}

// rdsExtendedSupport: 24 RDS instances over six engine versions whose
// extended support starts in the past, within 3, 3–6, 6–12 and over 12
// months, in three accounts under two payers.
var rdsExtendedSupport = realDef{
	name: "rds-extended-support",
	dataSets: []realDataSet{{
		id:      "31961243-0137-4201-a8d1-c2a00755765e",
		columns: rdsxColumns(),
		rows:    rdsxInstances * 4,
		row: func(i int) []any {
			n, k := i%rdsxInstances, i/rdsxInstances
			e := rdsxEngines[n%len(rdsxEngines)]
			usage := []time.Time{rdsxMonth(-1).AddDate(0, 0, 2), rdsxMonth(-1).AddDate(0, 0, 16), rdsxMonth(0), rdsxMonth(-2).AddDate(0, 0, 9)}[k]
			account := rdsxAccounts[n%len(rdsxAccounts)]
			region := []string{"us-east-1", "eu-west-1", "ap-southeast-2", "us-west-2"}[n%4]
			vcpus := []int{2, 4, 8}[n%3]
			amount := float64(100 + (n*37+k*11)%200)
			hours := float64(vcpus) * amount
			y1 := rdsxMonth(e.year1)
			var y3 any
			end := y1.AddDate(3, 0, -1)
			inY12, inY3 := "N", "N"
			if e.year3 != 0 {
				y3 = rdsxMonth(e.year3).Format(time.DateTime)
			}
			if e.year1 <= 0 {
				inY12 = "Y"
			}
			cost12, cost3 := 0.0, 0.0
			if inY12 == "Y" {
				cost12 = hours * e.p12
			}
			var p3 any
			if e.p3 != 0 {
				p3 = e.p3
			}
			db := fmt.Sprintf("db-%02d", n)
			return []any{
				time.Date(usage.Year(), usage.Month(), 1, 0, 0, 0, 0, time.UTC).Format(time.DateTime), usage.Format(time.DateTime),
				[]string{"999988887771", "999988887772"}[n%2], account, region, e.rdsType, "SINGLE-AZ", "Single-AZ",
				"InstanceUsage:db.r6g.large", e.engine, e.version, "db.r6g", []string{"db.r6g.large", "db.r6g.xlarge", "db.r6g.2xlarge"}[n%3],
				"RDS usage", db, "arn:aws:rds:" + region + ":" + account + ":db:" + db,
				vcpus, "vcpu-hour", amount, hours,
				y1.Format(time.DateTime), inY12, y3, inY3, end.Format(time.DateTime), "N",
				e.p12, cost12, p3, cost3,
			}
		},
	}},
	checks: []realCheck{
		// KPIs over last month (the TimeRangeFilter between the StartDate
		// and EndDate parameters' rolling defaults), EDPDiscount 0.
		{rdsxSheet, "bbb4130e-d2e8-4f0f-8c6a-a294dc9bc83a", `SELECT sum(vcpu_acu_hours * year_1_2_pricing) FROM ` + rdsxTable + ` WHERE ` + rdsxLastMonth},
		{rdsxSheet, "2ea5b124-a8d3-4311-9da5-98518feeeb95", `SELECT sum(vcpu_acu_hours * CASE WHEN year_3_start IS NULL THEN year_1_2_pricing ELSE year_3_pricing END) FROM ` + rdsxTable + ` WHERE ` + rdsxLastMonth},
		// Databases by when their extended support starts: each KPI has
		// its own NumericRangeFilter on dateDiff(now(), year_1_start, 'MM').
		{rdsxSheet, "9afc5e06-b00e-4345-8690-7424211c9bc5", rdsxCount("mysql5.7.44", "postgres11.22")},
		{rdsxSheet, "c5e5be1f-820f-49a5-9694-28062f430e15", rdsxCount("aurora-mysql5.7.mysql_aurora.2.11.4")},
		{rdsxSheet, "67d086cc-0f88-41bc-9f93-5d464afc0bc8", rdsxCount("mysql8.0.28", "mysql8.0.35")},
		{rdsxSheet, "c2f68c74-7dbe-4034-bc5c-ac709565220e", rdsxCount("aurora-postgresql11.21")},
		// vCPU hours by engine version (a pie) and by account and engine
		// version (a stacked bar, the version its Colors field).
		{rdsxSheet, "416cee8a-0600-4aaa-bb69-350727060b30", `SELECT engineversion, sum(vcpu_acu_hours) FROM ` + rdsxTable + ` WHERE ` + rdsxLastMonth + ` GROUP BY 1`},
		{rdsxSheet, "7c913b40-495d-4f0c-bd2b-585f39e485e8", `SELECT linked_account_id, engineversion, sum(vcpu_acu_hours) FROM ` + rdsxTable + ` WHERE ` + rdsxLastMonth + ` GROUP BY 1, 2`},
		// Estimated costs by engine version, two measures.
		{rdsxSheet, "9233cbd6-d6dd-4e29-a059-1895ee909b0c", `SELECT engineversion, 'Sum of Estimated_Year_1_2_Cost', sum(vcpu_acu_hours * year_1_2_pricing) FROM ` + rdsxTable + ` WHERE ` + rdsxLastMonth + ` GROUP BY 1
			UNION ALL SELECT engineversion, 'Sum of Estimated_Year_3_Cost', sum(vcpu_acu_hours * CASE WHEN year_3_start IS NULL THEN year_1_2_pricing ELSE year_3_pricing END) FROM ` + rdsxTable + ` WHERE ` + rdsxLastMonth + ` GROUP BY 1`},
	},
}

const (
	rdsxTable = `"31961243-0137-4201-a8d1-c2a00755765e"`
	rdsxSheet = "43a88b3c-2e23-44b9-b361-41a48a65601b"
)

// rdsxLastMonth keeps last month's rows.
var rdsxLastMonth = "usage_date >= '" + rdsxMonth(-1).Format(time.DateTime) + "' AND usage_date < '" + rdsxMonth(0).Format(time.DateTime) + "'"

// rdsxCount is the distinct databases of the given engine versions last month.
func rdsxCount(versions ...string) string {
	return `SELECT count(DISTINCT resource_id) FROM ` + rdsxTable + ` WHERE ` + rdsxLastMonth + ` AND engineversion IN ('` + strings.Join(versions, "', '") + `')`
}

// rdsxColumns are rds_extended_support_view's columns, in its order.
func rdsxColumns() []realColumn {
	dt := func(n string) realColumn { return realColumn{n, types.InputColumnDataTypeDatetime} }
	var c []realColumn
	c = append(c, dt("billing_period"), dt("usage_date"))
	c = append(c, strCols("payer_account_id", "linked_account_id", "region_code", "rds_type", "deployment_option", "original_deployment_option",
		"original_usage_type", "engine", "engineversion", "instance_type_family", "instance_type", "item_description",
		"dbinstanceidentifier", "resource_id")...)
	c = append(c, intCols("vcpus")...)
	c = append(c, strCols("usage_unit")...)
	c = append(c, decCols("usage_amount", "vcpu_acu_hours")...)
	c = append(c, dt("year_1_start"), realColumn{"is_year_1_2", types.InputColumnDataTypeString}, dt("year_3_start"),
		realColumn{"is_year_3", types.InputColumnDataTypeString}, dt("end_of_extended_support"), realColumn{"is_unsupported", types.InputColumnDataTypeString})
	return append(c, decCols("year_1_2_pricing", "year_1_2_cost", "year_3_pricing", "year_3_cost")...)
}
