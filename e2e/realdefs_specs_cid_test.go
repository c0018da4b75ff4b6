package e2e

// More real definitions from the Cloud Intelligence Dashboards framework
// (testdata/realdefs/NOTES.md), and the synthetic data each needs.

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
	realDefinitions = append(realDefinitions, kiroUserActivity, serviceQuotas, bedrockInvocationUsage)
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
			u, tier := i%23, i%3
			return []any{
				d.Format("2006-01-02 15:04:05"), fmt.Sprintf("u%02d", u), fmt.Sprintf("User %02d", u), fmt.Sprintf("user%02d@example.com", u),
				fmt.Sprintf("11112222333%d", u%3), []string{"claude-sonnet-4", "claude-opus-4", "auto"}[i%3], []string{"IDE", "CLI"}[i%2],
				[]string{"Free", "Pro", "Pro+"}[tier], []string{"Keep", "Upgrade", "Downgrade"}[u%3], fmt.Sprint(d.Year()), fmt.Sprintf("%02d", d.Month()),
				float64(i%17) * 1.2, float64(i%5/4) * 2.5, float64(i%10) / 10, 0.0, []float64{50, 1000, 2000}[tier],
				float64(i%7) / 10, float64(i % 23), float64(i % 11), i % 9 / 8, i % 5 / 4,
			}
		},
	}},
	// Every visual is under the THIS MONTH filter, with MinimumGranularity
	// DAY: the window is this whole month (its control offers no period
	// finer than a day).
	checks: []realCheck{
		// The top-users stacked bar: users ranked by their messages over
		// every model (the bar's total), the first 20 drawn with each
		// model, the other 3 of the 23 users as one "Other" bar per model.
		// rank() would keep more than 20 on a tie, and the check fail.
		{kiroUserSheet, "vis-top-users", `WITH r AS (SELECT user, rank() OVER (ORDER BY sum(model_messages_num) DESC) AS rk
				FROM kiro_user_activity WHERE ` + kiroThisMonth + ` GROUP BY user)
			SELECT CASE WHEN r.rk <= 20 THEN r.user ELSE 'Other' END, model_name, sum(model_messages_num)
			FROM kiro_user_activity JOIN r ON r.user = kiro_user_activity.user WHERE ` + kiroThisMonth + ` GROUP BY 1, 2`},
		{kiroSheet, "kpi-active-users", `SELECT count(DISTINCT userid) FROM kiro_user_activity WHERE ` + kiroThisMonth},
		{kiroSheet, "kpi-total-messages", `SELECT sum(total_messages_num) FROM kiro_user_activity WHERE ` + kiroThisMonth},
		// Drawn with DecimalPlaces 0; credits are multiples of 0.2, so no
		// sum is half-way between two whole numbers.
		{kiroSheet, "kpi-total-credits", `SELECT round(sum(credits_used_num)) FROM kiro_user_activity WHERE ` + kiroThisMonth},
		{kiroSheet, "kpi-new-users", `SELECT sum(is_new_user) FROM kiro_user_activity WHERE ` + kiroThisMonth},
		{kiroSheet, "vis-daily-users", `SELECT substr(report_date, 1, 10), client_type, count(DISTINCT userid) FROM kiro_user_activity WHERE ` + kiroThisMonth + ` GROUP BY 1, 2`},
		{kiroSheet, "vis-credits-tier", `SELECT subscription_tier, sum(credits_used_num) FROM kiro_user_activity WHERE ` + kiroThisMonth + ` GROUP BY 1`},
		{kiroSheet, "vis-messages-model", `SELECT model_name, sum(model_messages_num) FROM kiro_user_activity WHERE ` + kiroThisMonth + ` GROUP BY 1`},
		{kiroOverageSheet, "vis-users-in-overage", `SELECT count(DISTINCT userid) FROM kiro_user_activity WHERE in_overage_flag = 1 AND ` + kiroThisMonth},
	},
	// The viewer's choices for the THIS MONTH filter: a granularity finer
	// than its MinimumGranularity DAY is ignored (the month stays), DAY
	// itself is taken (today).
	then: func(t *testing.T, db *sql.DB, sheet func(string, url.Values) string) {
		for _, c := range []struct {
			state url.Values
			since string
		}{
			{url.Values{"f.filter-date.gran": {"HOUR"}}, kiroThisMonth},
			{url.Values{"f.filter-date.gran": {"MINUTE"}, "f.filter-date.reltype": {"THIS"}}, kiroThisMonth},
			{url.Values{"f.filter-date.gran": {"DAY"}}, "report_date >= '" + realDefsStart.UTC().Format(time.DateOnly) + "'"},
		} {
			body := sheet(kiroSheet, c.state)
			// Its controls are CrossSheet filter controls, drawn as their
			// filters' default controls.
			for _, ctl := range []string{`data-control-id="fc-date-1"`, `data-control-id="fc-account-1"`, "Lookback period", "AWS Account"} {
				if !strings.Contains(body, ctl) {
					t.Errorf("the sheet does not draw the control %s", ctl)
				}
			}
			for _, v := range []string{"kpi-total-messages", "kpi-active-users"} {
				q := map[string]string{"kpi-total-messages": "sum(total_messages_num)", "kpi-active-users": "count(DISTINCT userid)"}[v]
				t.Run(c.state.Encode()+"/"+v, func(t *testing.T) {
					checkRealVisual(t, db, body, realCheck{kiroSheet, v, "SELECT " + q + " FROM kiro_user_activity WHERE " + c.since})
				})
			}
		}
	},
}

const (
	kiroSheet        = "07790192-05d9-4d63-b8ae-a708d9abce05"
	kiroOverageSheet = "cc1e9b7e-c53b-4063-b58c-0677619cfe42"
	kiroUserSheet    = "41ac2393-bec2-4d04-9c59-103f612b5b3a"
)

// kiroDate dates row i: three in four at midnight on a day of this month
// up to today, the rest 40 to 99 days back (never this month).
func kiroDate(i int) time.Time {
	now := realDefsStart.UTC()
	if i%4 == 3 {
		d := now.AddDate(0, 0, -40-i%60)
		return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
	}
	// Today first, then each day back to the 1st, in turn: every day of
	// the month so far has rows whatever its number (1+i%now.Day() gave
	// none to a day whose number is a multiple of 4, as i%4 == 3 is not
	// this month's).
	return time.Date(now.Year(), now.Month(), now.Day()-(i/4)%now.Day(), 0, 0, 0, 0, time.UTC)
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
		// The table under an aggregated NumericRangeFilter: MAX of the
		// parseDecimal field at least 0.01 per row (text that is empty or
		// missing parses to null, never to 0).
		{sqSheet, "visual_81f9f0c5", `SELECT servicename, quotacode, quotaname, quotaarn, account_id, region, currentvalue, m FROM (
			SELECT servicename, quotacode, quotaname, quotaarn, account_id, region, currentvalue,
				max(CASE WHEN utilization <> '' AND CAST(utilization AS REAL) > 0 THEN CAST(utilization AS REAL) END) AS m
			FROM "` + sqDataSet + `" GROUP BY 1, 2, 3, 4, 5, 6, 7) WHERE m >= 0.01`},
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

// bedrockInvocationUsage: the Bedrock invocation usage dashboard: KPIs,
// lines, bars, donuts and a heat map of model invocations by model,
// identity, account, region, operation and stop reason, over 400
// invocations in the last 90 days. Its second sheet's tables name
// columns such as "bedrock_i-input_tok-08bb0b" (the author's dataset has
// them); the synthetic table has them too, as numbers.
var bedrockInvocationUsage = realDef{
	name: "bedrock-invocation-usage",
	dataSets: []realDataSet{{
		id: biuDataSet,
		columns: append(append(append([]realColumn{{"timestamp", types.InputColumnDataTypeDatetime}},
			strCols("day", "month", "requestid", "account_id", "payer_id", "identity_arn", "modelid", "operation", "region", "stop_reason",
				"prompt_preview", "response_preview")...),
			intCols("input_token_count", "output_token_count", "usage_input_tokens", "usage_output_tokens", "usage_total_tokens",
				"usage_cache_read_tokens", "usage_cache_write_tokens")...),
			intCols(biuOddColumns...)...),
		rows: 400,
		row: func(i int) []any {
			t := realDefsStart.UTC().Add(-time.Duration(i) * 5 * time.Hour)
			in, out := 100+i%37*10, 50+i%23*5
			row := []any{
				t.Format("2006-01-02 15:04:05"), fmt.Sprintf("%02d", t.Day()), t.Format("2006-01"), fmt.Sprintf("req-%04d", i),
				fmt.Sprintf("11112222333%d", i%4), "999988887777", fmt.Sprintf("arn:aws:iam::11112222333%d:user/dev%d", i%4, i%6),
				[]string{"anthropic.claude-3-haiku", "anthropic.claude-3-5-sonnet", "amazon.nova-pro", "meta.llama3-70b"}[i%4],
				[]string{"InvokeModel", "Converse", "ConverseStream"}[i%3], []string{"us-east-1", "us-west-2", "eu-central-1"}[i%3/2+i%2],
				[]string{"end_turn", "max_tokens", "stop_sequence"}[i%5/2], fmt.Sprintf("prompt %d", i%9), fmt.Sprintf("response %d", i%7),
				in, out, in, out, in + out, i % 11 * 3, i % 7 * 2,
			}
			for j := range biuOddColumns {
				row = append(row, (i+j)%13)
			}
			return row
		},
	}},
	checks: []realCheck{
		{biuSheet, "5caa6468-d24f-4d6e-ab9e-e3233b5950e9", `SELECT count(requestid) FROM "` + biuDataSet + `"`},
		{biuSheet, "465c6450-3b96-4065-838a-902f79f132e8", `SELECT count(DISTINCT identity_arn) FROM "` + biuDataSet + `"`},
		{biuSheet, "3db51c7a-721c-4156-9f4b-e2618226aede", `SELECT count(DISTINCT account_id) FROM "` + biuDataSet + `"`},
		{biuSheet, "89e6e448-24fa-4c79-a68f-7d938139fa70", `SELECT sum(usage_input_tokens) FROM "` + biuDataSet + `"`},
		{biuSheet, "fff6e16a-f1e4-4ef4-be7d-dfb9b6d3fa0e", `SELECT sum(usage_output_tokens) FROM "` + biuDataSet + `"`},
		{biuSheet, "685898cc-0bc8-4276-a6be-cd76154562c6", `SELECT sum(usage_cache_read_tokens) FROM "` + biuDataSet + `"`},
		{biuSheet, "99dd03b2-40f1-489a-a72d-bb161f3282d8", `SELECT day, count(requestid) FROM "` + biuDataSet + `" GROUP BY 1`},
		{biuSheet, "b3934490-08bf-4af2-8cec-090995e692b8", `SELECT modelid, count(requestid) FROM "` + biuDataSet + `" GROUP BY 1`},
		{biuSheet, "29bbefa8-53b8-42e2-88e0-ac3ddf0f0164", `SELECT modelid, sum(usage_total_tokens) FROM "` + biuDataSet + `" GROUP BY 1`},
		{biuSheet, "c3fa8a42-776d-4472-8b72-fe5555d9c929", `SELECT identity_arn, sum(usage_total_tokens) FROM "` + biuDataSet + `" GROUP BY 1`},
		{biuSheet, "2372c892-a0e1-4d1c-b910-1be400d06382", `SELECT region, count(requestid) FROM "` + biuDataSet + `" GROUP BY 1`},
		{biuSheet, "ed6bc441-a92a-4457-95f1-a11492e825bc", `SELECT operation, count(requestid) FROM "` + biuDataSet + `" GROUP BY 1`},
		{biuSheet, "77485a75-17ce-4d2e-800f-b1a551971fd7", `SELECT stop_reason, count(requestid) FROM "` + biuDataSet + `" GROUP BY 1`},
		{biuSheet, "c7b8e844-e8a9-4460-a2e0-f7444e10e795", `SELECT region, count(requestid) FROM "` + biuDataSet + `" GROUP BY 1`},
	},
}

const (
	biuDataSet = "3c8cae3b-252e-4639-9f18-c03ebf8113a7"
	biuSheet   = "71ed5ac1-a083-4956-aa48-fe842ef999e3"
)

// biuOddColumns are the columns the Raw Data Explorer sheet's tables name.
var biuOddColumns = []string{"bedrock_i-timestamp-f1c25f", "bedrock_i-prompt_pr-0e1109", "bedrock_i-response_-ea249c",
	"bedrock_i-account_i-4ae2b4", "bedrock_i-identity_-75f9a7", "bedrock_i-modelid-721a3d", "bedrock_i-operation-62d4aa",
	"bedrock_i-region-a72554", "bedrock_i-input_tok-08bb0b", "bedrock_i-output_to-6fbdcb", "bedrock_i-usage_tot-220fc1",
	"bedrock_i-stop_reas-d948e6", "bedrock_i-requestid-d07db8"}

func intCols(names ...string) []realColumn {
	var out []realColumn
	for _, n := range names {
		out = append(out, realColumn{n, types.InputColumnDataTypeInteger})
	}
	return out
}
