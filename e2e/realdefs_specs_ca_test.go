package e2e

// The Cloud Intelligence Dashboards' cost anomalies dashboard
// (testdata/realdefs/NOTES.md) and the synthetic data it needs.

import (
	"database/sql"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

func init() {
	realDefinitions = append(realDefinitions, costAnomalies)
}

// costAnomalies: the AWS Cost Anomalies dashboard: anomalies' impact by
// service, account and start month, and their status (Active when last
// updated fewer than ${numberofdays} days ago), over the latest snapshot
// of each anomaly (a NumericEqualityFilter on a comparison with a
// maxOver(…, PRE_AGG) field), in the last 90 days (a TimeRangeFilter on
// rolling-date parameters), with a positive impact (a NumericRangeFilter
// on a parameter). 60 anomalies, 5 snapshots each: every sixth started
// 120 days ago or more, every seventh has no impact.
var costAnomalies = realDef{
	name: "cost-anomalies",
	dataSets: []realDataSet{{
		id: "ca_summary_view",
		columns: append(append(append(strCols("year", "month", "anomalyid", "dimensionvalue"),
			realColumn{"anomaly_start_date", types.InputColumnDataTypeDatetime}, realColumn{"anomalylastupdatedate", types.InputColumnDataTypeDatetime}),
			intCols("maximpact", "totalactualspend", "totalexpectedspend", "tota_impact", "totalimpactpercentage", "duration")...),
			strCols("monitorarn", "region", "service", "linkedaccount", "linkedaccountname", "payer_id", "usagetype")...),
		rows: 300,
		row: func(i int) []any {
			a, k := i/5, i%5
			start := caDay(caStartAgo(a))
			last := start.AddDate(0, 0, 2*k)
			impact := 10 + (a*37+k*13)%500
			if a%7 == 3 {
				impact = 0
			}
			expected := 100 + a*11%300
			svc := []string{"Amazon EC2", "Amazon S3", "AWS Lambda", "Amazon RDS", "Amazon CloudFront"}[a%5]
			return []any{
				start.Format("2006"), start.Format("01"), fmt.Sprintf("anomaly-%02d", a), svc,
				start.Format(time.DateTime), last.Format(time.DateTime),
				impact, expected + impact, expected, impact, impact * 100 / expected, 2 * k,
				"arn:aws:ce::999988887777:anomalymonitor/m1", []string{"us-east-1", "eu-west-1", "ap-south-1"}[a%3], svc,
				fmt.Sprintf("11112222333%d", a%4), fmt.Sprintf("acct-%d", a%4), "999988887777", []string{"BoxUsage", "Requests", "DataTransfer-Out"}[a%3],
			}
		},
	}},
	checks: []realCheck{
		{caSheet, "6d8ba6b3-cbda-4678-b244-e2830bf60f9b", `SELECT service, 'Sum of Total Actual Spend', sum(totalactualspend) FROM ca_summary_view WHERE ` + caLatest + ` GROUP BY 1
			UNION ALL SELECT service, 'Sum of Total Expected Spend', sum(totalexpectedspend) FROM ca_summary_view WHERE ` + caLatest + ` GROUP BY 1
			UNION ALL SELECT service, 'Sum of Total Impact', sum(tota_impact) FROM ca_summary_view WHERE ` + caLatest + ` GROUP BY 1`},
		{caSheet, "cfe3a1a5-adb0-45d2-9a8b-fd5d64d9ccf9", `SELECT linkedaccountname, service, sum(tota_impact) FROM ca_summary_view WHERE ` + caLatest + ` GROUP BY 1, 2`},
		{caSheet, "ad3c54e7-cbcd-4f2e-81e5-0b5a69909476", `SELECT substr('JanFebMarAprMayJunJulAugSepOctNovDec', 3 * CAST(substr(anomaly_start_date, 6, 2) AS INTEGER) - 2, 3) || ' ' || substr(anomaly_start_date, 1, 4), service, sum(tota_impact) FROM ca_summary_view WHERE ` + caLatest + ` GROUP BY 1, 2`},
		// The details table is also under "the last 4 months" (LAST 4
		// MONTH, MinimumGranularity DAY): this month and the three before,
		// whole. Its anomaly id column is hidden in the definition: the
		// rows are still one per anomaly id, but the id is not drawn.
		{caSheet, "adcfaa2c-7ec8-4289-8625-1690a5c855f3", `SELECT service, linkedaccount, linkedaccountname, region, usagetype,
			substr(anomaly_start_date, 1, 16), substr(anomalylastupdatedate, 1, 10), ` + caStatus + `,
			printf('$%.2f', sum(totalactualspend)), printf('$%.2f', sum(totalexpectedspend)), sum(tota_impact), sum(duration)
			FROM ca_summary_view WHERE ` + caLatest + ` AND ` + caLastFourMonths + ` GROUP BY anomalyid, 1, 2, 3, 4, 5, 6, 7, 8`},
		{caSheet, "c8851433-215a-4447-bbb0-aec332986e8d", `SELECT ` + caStatus + `, count(anomalyid) FROM ca_summary_view WHERE ` + caLatest + ` GROUP BY 1`},
		// The daily bar chart: every snapshot (no "latest" filter), under
		// "the last 4 months", colored by anomaly, its ColorItemsLimit 10
		// (EXCLUDE) keeping the ten anomalies of the largest impact over
		// the whole chart (no ColorSort: the first measure, descending).
		// rank() would keep more than ten on a tie, and the check fail.
		{caSheet, "b8cec74c-3349-4000-bc25-f902d45db291", `WITH a AS (SELECT anomalyid, rank() OVER (ORDER BY sum(tota_impact) DESC) AS rk
				FROM ca_summary_view WHERE ` + caAll + ` GROUP BY anomalyid)
			SELECT substr(anomalylastupdatedate, 1, 10), ca_summary_view.anomalyid, sum(tota_impact)
			FROM ca_summary_view JOIN a ON a.anomalyid = ca_summary_view.anomalyid WHERE a.rk <= 10 AND ` + caAll + ` GROUP BY 1, 2`},
	},
	then: func(t *testing.T, db *sql.DB, sheet func(string, url.Values) string) {
		// The details table colors its Active anomalies' text
		// ({status} = "Active", status being a column it groups by).
		tl := tile(t, sheet(caSheet, nil), "adcfaa2c-7ec8-4289-8625-1690a5c855f3")
		if strings.Contains(tl, "not shown") || !strings.Contains(strings.ToLower(tl), "#de3b00") {
			t.Errorf("details table: its Active rows are not colored:\n%.3000s", tl)
		}
	},
}

const caSheet = "307f2c1e-fcf1-42f7-b0a2-fa4af0e48d1c"

// caStartAgo is how many days before today anomaly a started: its latest
// snapshot, 8 days later, is 2 days old (Active) or 15 to 54 days old
// (Past), never near the 7-day boundary; every sixth anomaly started 120
// days ago or more, before the 90-day range.
func caStartAgo(a int) int {
	if a%6 == 5 {
		return 120 + a
	}
	if a%2 == 0 {
		return 10
	}
	return 23 + a%40
}

// caDay is midnight UTC, n days before the test's start.
func caDay(n int) time.Time {
	d := realDefsStart.UTC().AddDate(0, 0, -n)
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
}

// caLatest keeps what every checked visual draws from: the latest
// snapshot of each anomaly started in the last 90 days, with an impact.
var caLatest = fmt.Sprintf(`anomaly_start_date >= '%s' AND tota_impact > 0
	AND anomalylastupdatedate = (SELECT max(b.anomalylastupdatedate) FROM ca_summary_view b WHERE b.anomalyid = ca_summary_view.anomalyid)`,
	caDay(90).Format(time.DateTime))

// caAll is what the daily bar chart draws from: every snapshot of the
// anomalies started in the last 90 days and in "the last 4 months", with
// an impact.
var caAll = fmt.Sprintf(`anomaly_start_date >= '%s' AND tota_impact > 0`, caDay(90).Format(time.DateTime)) + ` AND ` + caLastFourMonths

// caStatus is the status field: Past when last updated 7 days
// (${numberofdays}) or more before today.
var caStatus = `CASE WHEN julianday('` + caDay(0).Format(time.DateOnly) + `') - julianday(anomalylastupdatedate) >= 7 THEN 'Past' ELSE 'Active' END`

// caLastFourMonths is LAST 4 MONTH: from the first of the month three
// months before this one. Every anomaly started 90 days ago or later is
// inside it: the window at DAY, the filter's MinimumGranularity, would
// keep only those started in the last 4 days.
var caLastFourMonths = fmt.Sprintf(`anomaly_start_date >= '%s'`,
	time.Date(realDefsStart.UTC().Year(), realDefsStart.UTC().Month()-3, 1, 0, 0, 0, 0, time.UTC).Format(time.DateTime))
