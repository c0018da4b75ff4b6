package e2e

// More real definitions from the Cloud Intelligence Dashboards framework
// (testdata/realdefs/NOTES.md), and the synthetic data each needs.

import (
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

func init() {
	realDefinitions = append(realDefinitions, kiroUserActivity, serviceQuotas)
}

func decCols(names ...string) []realColumn {
	var out []realColumn
	for _, n := range names {
		out = append(out, realColumn{n, types.InputColumnDataTypeDecimal})
	}
	return out
}

// kiroUserActivity: the Kiro user activity dashboard: messages, credits
// and overage by user, model, client and subscription tier, this month
// (RelativeDatesFilter THIS MONTH), with five "contains" filter lists
// that select all values until a control narrows them.
var kiroUserActivity = realDef{
	name: "kiro-user-activity",
	dataSets: []realDataSet{{
		id: "kiro_user_activity",
		columns: append(append([]realColumn{{"report_date", types.InputColumnDataTypeDatetime}},
			strCols("userid", "user", "user_email", "account_id", "model_name", "client_type", "subscription_tier", "tier_recommendation", "year", "month")...),
			append(decCols("credits_used_num", "overage_credits_used_num", "plan_utilization_pct", "overage_utilization_pct", "plan_credits",
				"credits_per_message", "total_messages_num", "model_messages_num"),
				realColumn{"is_new_user", types.InputColumnDataTypeInteger}, realColumn{"in_overage_flag", types.InputColumnDataTypeInteger})...),
		rows: 480,
		row: func(i int) []any {
			d := kiroDate(i)
			u, tier := i%20, i%3
			return []any{
				d.Format("2006-01-02 15:04:05"), fmt.Sprintf("u%02d", u), fmt.Sprintf("User %02d", u), fmt.Sprintf("user%02d@example.com", u),
				fmt.Sprintf("11112222333%d", u%3), []string{"claude-sonnet-4", "claude-opus-4", "auto"}[i%3], []string{"IDE", "CLI"}[i%2],
				[]string{"Free", "Pro", "Pro+"}[tier], []string{"Keep", "Upgrade", "Downgrade"}[u%3], fmt.Sprint(d.Year()), fmt.Sprintf("%02d", d.Month()),
				float64(i%17) * 1.25, float64(i%5/4) * 2.5, float64(i%10) / 10, 0.0, []float64{50, 1000, 2000}[tier],
				float64(i%7) / 10, float64(i % 23), float64(i % 11), i % 9 / 8, i % 5 / 4,
			}
		},
	}},
	// Every visual is under the THIS MONTH filter, whose
	// MinimumGranularity DAY QuickSight's references name ("the minimum
	// granularity (period granularity)") without saying what it does to
	// the range: each visual says so instead of drawing, and the checks
	// below wait for it.
	pending: kiroPending(),
	checks: []realCheck{
		{kiroSheet, "kpi-active-users", `SELECT count(DISTINCT userid) FROM kiro_user_activity WHERE ` + kiroThisMonth},
		{kiroSheet, "kpi-total-messages", `SELECT sum(total_messages_num) FROM kiro_user_activity WHERE ` + kiroThisMonth},
		{kiroSheet, "kpi-total-credits", `SELECT sum(credits_used_num) FROM kiro_user_activity WHERE ` + kiroThisMonth},
		{kiroSheet, "kpi-new-users", `SELECT sum(is_new_user) FROM kiro_user_activity WHERE ` + kiroThisMonth},
		{kiroSheet, "vis-daily-users", `SELECT substr(report_date, 1, 10), client_type, count(DISTINCT userid) FROM kiro_user_activity WHERE ` + kiroThisMonth + ` GROUP BY 1, 2`},
		{kiroSheet, "vis-credits-tier", `SELECT subscription_tier, sum(credits_used_num) FROM kiro_user_activity WHERE ` + kiroThisMonth + ` GROUP BY 1`},
		{kiroSheet, "vis-messages-model", `SELECT model_name, sum(model_messages_num) FROM kiro_user_activity WHERE ` + kiroThisMonth + ` GROUP BY 1`},
		{kiroOverageSheet, "vis-users-in-overage", `SELECT count(DISTINCT userid) FROM kiro_user_activity WHERE in_overage_flag = 1 AND ` + kiroThisMonth},
	},
}

// kiroPending: every visual of the Kiro dashboard waits for the filter's
// MinimumGranularity; the top-users bar chart also for an items limit
// with "Other" when it has a Colors field and a sort by value.
func kiroPending() map[string]string {
	out := map[string]string{"vis-top-users": "CategoryItemsLimit with OtherCategories INCLUDE and a Colors field"}
	for _, v := range []string{"kpi-active-users", "kpi-total-messages", "kpi-total-credits", "kpi-total-overage", "kpi-new-users",
		"vis-daily-users", "vis-credits-tier", "vis-messages-model", "vis-daily-credits-line", "vis-user-table", "vis-credits-vs-overage",
		"vis-utilization-kpi", "vis-users-in-overage", "vis-overage-table", "vis-model-daily", "vis-model-table"} {
		out[v] = "MinimumGranularity other than its TimeGranularity"
	}
	return out
}

const (
	kiroSheet        = "07790192-05d9-4d63-b8ae-a708d9abce05"
	kiroOverageSheet = "cc1e9b7e-c53b-4063-b58c-0677619cfe42"
)

// kiroDate dates row i: three in four at midnight on a day of this month
// up to today, the rest 40 to 99 days back (never this month).
func kiroDate(i int) time.Time {
	now := realDefsStart.UTC()
	if i%4 == 3 {
		d := now.AddDate(0, 0, -40-i%60)
		return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
	}
	return time.Date(now.Year(), now.Month(), 1+i%now.Day(), 0, 0, 0, 0, time.UTC)
}

var kiroThisMonth = fmt.Sprintf("report_date >= '%s'", realDefsStart.UTC().Format("2006-01")+"-01")

// serviceQuotas: the Service Quotas dashboard: quota codes by service,
// region, adjustability and scope; utilization kept as text, as the
// collector writes it (empty, missing or a number), parsed by the
// definition's parseDecimal fields. 300 quotas: 40 codes in 3 accounts
// and 3 regions.
var serviceQuotas = realDef{
	name: "service-quotas",
	dataSets: []realDataSet{{
		id: sqDataSet,
		columns: append(append(strCols("account_id", "region", "servicename", "quotacode", "quotaname", "quotaarn", "quotaappliedatlevel"),
			decCols("currentvalue", "defaultvalue")...),
			realColumn{"adjustable", types.InputColumnDataTypeInteger}, realColumn{"globalquota", types.InputColumnDataTypeInteger},
			realColumn{"utilization", types.InputColumnDataTypeString}, realColumn{"collection_date", types.InputColumnDataTypeDatetime}),
		rows: 300,
		row: func(i int) []any {
			code, acct, region := i%40, i/40%3, i/120%3
			svc := []string{"Amazon EC2", "AWS Lambda", "Amazon S3", "Amazon VPC", "AWS IAM", "Amazon RDS"}[code%6]
			def := float64(10 * (code%7 + 1))
			cur := def
			if i%5 == 0 {
				cur = 2 * def
			}
			var util any
			switch i % 4 {
			case 1:
				util = ""
			case 2, 3:
				util = fmt.Sprintf("%.2f", float64(i%9)*7.5)
			}
			return []any{
				fmt.Sprintf("11112222333%d", acct), []string{"us-east-1", "us-east-2", "eu-west-1"}[region], svc,
				fmt.Sprintf("L-%04X", 0xA000+code), fmt.Sprintf("%s quota %d", svc, code),
				fmt.Sprintf("arn:aws:servicequotas:::L-%04X", 0xA000+code), []string{"ACCOUNT", "RESOURCE"}[code%2],
				cur, def, b2i(code%3 != 0), b2i(code%4 == 0), util, "2026-11-20 00:00:00",
			}
		},
	}},
	checks: []realCheck{
		{sqSheet, "visual_a2eeca00", `SELECT count(DISTINCT quotacode) FROM "` + sqDataSet + `"`},
		{sqSheet, "visual_68c6dac9", `SELECT count(DISTINCT servicename) FROM "` + sqDataSet + `"`},
		{sqSheet, "visual_1f646cb7", `SELECT count(DISTINCT region) FROM "` + sqDataSet + `"`},
		{sqSheet, "visual_f3fb13e0", `SELECT sum(adjustable) FROM "` + sqDataSet + `"`},
		{sqSheet, "visual_d9e6d720", `SELECT count(utilization) FROM "` + sqDataSet + `"`},
		{sqSheet, "visual_6645d451", `SELECT servicename, quotaappliedatlevel, count(DISTINCT quotacode) FROM "` + sqDataSet + `" GROUP BY 1, 2`},
		{sqSheet, "visual_8c530a95", `SELECT region, count(DISTINCT quotacode) FROM "` + sqDataSet + `" GROUP BY 1`},
		{sqSheet, "visual_7c34982e", `SELECT CASE WHEN adjustable = 1 THEN 'Adjustable' ELSE 'Non-Adjustable' END, count(quotacode) FROM "` + sqDataSet + `" GROUP BY 1`},
		{sqSheet, "visual_ceb76329", `SELECT CASE WHEN globalquota = 1 THEN 'Global' ELSE 'Regional' END, count(quotacode) FROM "` + sqDataSet + `" GROUP BY 1`},
	},
}

const (
	sqDataSet = "cfc8ef5d-9668-41e3-8243-b292e0d23c06"
	sqSheet   = "sheet-c2247696"
)

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
