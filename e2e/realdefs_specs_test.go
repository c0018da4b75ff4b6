package e2e

// The real definitions under test and the synthetic data each needs.

import (
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

func strCols(names ...string) []realColumn {
	var out []realColumn
	for _, n := range names {
		out = append(out, realColumn{n, types.InputColumnDataTypeString})
	}
	return out
}

var realDefinitions = []realDef{kmsInsights, bleafsiAnalytics, securityLakeCustodian, securityLakeExecutive, securityLakeOperator, cidRLS}

// kmsInsights: aws-samples/tracking-aws-kms-key-policies-using-amazon-quicksight.
// Key policy statements: 240 rows over 40 keys (every fourth one
// AWS-managed), 3 accounts, 4 regions.
var kmsInsights = realDef{
	name: "kms-insights",
	dataSets: []realDataSet{{
		id: "KMSDashboardDataSet",
		columns: append([]realColumn{{"date", types.InputColumnDataTypeDatetime}}, strCols(
			"accountnumber", "accountname", "region", "keyid", "alias", "sid", "effect", "principal", "principalservice",
			"action", "condition", "concern", "resource", "tags", "creationdate", "eventtime", "username", "eventname",
			"encryptioncontext", "eventsource", "useridentitytype", "sourceipaddress")...),
		rows: 240,
		row: func(i int) []any {
			key := i % 40
			alias := fmt.Sprintf("alias/app-%02d", key)
			if key%4 == 0 {
				alias = fmt.Sprintf("alias/aws/svc-%02d", key)
			}
			acct := key % 3
			concerns := []string{"Wildcard principal", "No condition", "Cross-account access", "None"}
			return []any{
				fmt.Sprintf("2026-0%d-%02d", 1+i%6, 1+i%28), fmt.Sprintf("11112222333%d", acct), []string{"prod", "dev", "audit"}[acct],
				[]string{"us-east-1", "eu-west-1", "ap-south-1", "us-west-2"}[key%4], fmt.Sprintf("key-%02d", key), alias,
				fmt.Sprintf("sid-%d", i%6), []string{"Allow", "Deny"}[i%5/4], fmt.Sprintf("arn:aws:iam::%d:root", acct), "",
				"kms:Decrypt", "", concerns[i%len(concerns)], "*", "", "2025-06-01", "2026-01-02T03:04:05Z", fmt.Sprintf("user%d", i%7),
				"Decrypt", "", "kms.amazonaws.com", "IAMUser", fmt.Sprintf("10.0.0.%d", i%9),
			}
		},
	}},
	checks: []realCheck{
		// distinct_countIf: keys whose alias is, and is not, AWS-managed.
		{"70ead310-56f3-4b9b-920e-87a2239ffc7e", "c8e8112a-872a-4b90-a1c4-5ab70ae6749e",
			`SELECT count(DISTINCT keyid) FROM KMSDashboardDataSet WHERE alias LIKE 'alias/aws/%'`},
		{"70ead310-56f3-4b9b-920e-87a2239ffc7e", "1e8d6107-ed35-4b94-a9b5-fc58fd54b55c",
			`SELECT count(DISTINCT keyid) FROM KMSDashboardDataSet WHERE alias NOT LIKE 'alias/aws/%'`},
		{"70ead310-56f3-4b9b-920e-87a2239ffc7e", "4b159e8e-194d-42fd-86b4-5575b6de554c",
			`SELECT count(accountname) FROM KMSDashboardDataSet`},
		{"70ead310-56f3-4b9b-920e-87a2239ffc7e", "0b49ee01-ada8-46e5-bb66-fb0da65f77a3",
			`SELECT count(DISTINCT region) FROM KMSDashboardDataSet`},
		{"70ead310-56f3-4b9b-920e-87a2239ffc7e", "633c4355-1efa-4843-a1c4-6769fc1910cc",
			`SELECT CASE WHEN alias LIKE 'alias/aws/%' THEN 'AWS managed Key' ELSE 'Customer managed Key' END, count(DISTINCT keyid) FROM KMSDashboardDataSet GROUP BY 1`},
		{"70ead310-56f3-4b9b-920e-87a2239ffc7e", "6ed6eb21-16c4-40a9-a9ef-d72999c777b7",
			`SELECT region, count(DISTINCT keyid) FROM KMSDashboardDataSet GROUP BY 1`},
		{"70ead310-56f3-4b9b-920e-87a2239ffc7e", "d20b7bfb-efec-4fa0-ae2a-979f0e7e5042",
			`SELECT concern, count(accountname) FROM KMSDashboardDataSet GROUP BY 1`},
		{"70ead310-56f3-4b9b-920e-87a2239ffc7e", "fcfe9dda-81cb-47aa-9c14-b0a960e0be96",
			`SELECT region, CASE WHEN alias LIKE 'alias/aws/%' THEN 'AWS managed Key' ELSE 'Customer managed Key' END, count(DISTINCT keyid) FROM KMSDashboardDataSet GROUP BY 1, 2`},
	},
}

// bleafsiAnalytics: aws-samples/baseline-environment-on-aws-for-financial-services-institute,
// internet-banking customers: 300 customers over 5 branches, 4 income
// ranges, 6 prefectures, joined 2019–2024; two in three use internet
// banking (cif_num[internetbankinguser] set).
var bleafsiAnalytics = realDef{
	name: "bleafsi-analytics",
	dataSets: []realDataSet{{
		id: "bleafsi-simple-datalake-dataset",
		columns: append(strCols("cif_num", "cif_num[internetbankinguser]", "prefecture", "branch_code", "branch_name_kanji",
			"income_range_code", "income_range_value"), realColumn{"join_date", types.InputColumnDataTypeDatetime}),
		rows: 300,
		row: func(i int) []any {
			var ib any
			if i%3 != 0 {
				ib = fmt.Sprintf("C%05d", i)
			}
			branch, income := i%5, i%4
			return []any{
				fmt.Sprintf("C%05d", i), ib, []string{"東京都", "大阪府", "北海道", "福岡県", "愛知県", "沖縄県"}[i%6],
				fmt.Sprintf("%03d", 100+branch), []string{"本店", "新宿支店", "梅田支店", "札幌支店", "博多支店"}[branch],
				fmt.Sprint(income), []string{"〜300万円", "300〜600万円", "600〜1000万円", "1000万円〜"}[income],
				fmt.Sprintf("%d-%02d-%02d", 2019+i%6, 1+i%12, 1+i%28),
			}
		},
		// The filled map of customers by prefecture: prefecture is a STATE.
		// Sightglass bundles the boundaries of US states only, so the map
		// draws with every prefecture named on the tile as matching no
		// region (checked below), never as an empty map saying nothing.
		roles: map[string]types.GeoSpatialDataRole{"prefecture": types.GeoSpatialDataRoleState},
	}},
	notes: map[string]string{"958315a9-cc88-4086-9472-65c3a091d484": "6 of 6 values matched no region: "},
	checks: []realCheck{
		{"df5c3e22-eff4-49e4-a93f-d31f29eebd46", "da1adac8-1248-472e-9af5-b809a8c998a4",
			`SELECT 'Count of cif_num[internetbankinguser]', count("cif_num[internetbankinguser]") FROM "bleafsi-simple-datalake-dataset"`},
		{"df5c3e22-eff4-49e4-a93f-d31f29eebd46", "366dee1a-de45-4a86-ac0c-ad3383b183aa",
			`SELECT substr(join_date, 1, 4), count("cif_num[internetbankinguser]") FROM "bleafsi-simple-datalake-dataset" GROUP BY 1`},
		{"df5c3e22-eff4-49e4-a93f-d31f29eebd46", "0d3121f1-3abb-4cb0-ab41-91fb4d2d3e03",
			`SELECT count("cif_num[internetbankinguser]") FROM "bleafsi-simple-datalake-dataset" WHERE join_date >= '2024'`},
	},
}

// securityLakeCustodian: aws-samples/amazon-security-lake-quicksight,
// the custodian dashboard: Security Lake events by class over the last
// year and week (rolling date filters, so the rows are dated from today:
// one event every 13 hours back 500 days).
var securityLakeCustodian = realDef{
	name:     "securitylake-custodian",
	dataSets: securityLakeDataSets,
	checks: []realCheck{
		// The first day this year or last with a DNS event (ItemsLimit 1, by date).
		{slSheet, "SecurityCustodianDashboard_0264a2ab-7e2d-4a98-b48e-ff66770655ce", fmt.Sprintf(
			`SELECT substr(Date, 1, 10), count(*) FROM "sl-ag-dataset" WHERE class_name = 'DNS Activity' AND Date >= '%d-01-01' AND Date < '%s'
			GROUP BY 1 ORDER BY 1 LIMIT 1`, realDefsStart.UTC().Year()-1, realDefsStart.UTC().Format(time.DateOnly))},
		{slSheet, "SecurityCustodianDashboard_58e13552-33f2-4359-9473-611e155f0f12", fmt.Sprintf(
			`SELECT substr(Date, 1, 10), count(*) FROM "sl-ag-dataset" WHERE class_name = 'Cloud API' AND Date >= '%d-01-01' AND Date < '%s'
			GROUP BY 1 ORDER BY 1 LIMIT 1`, realDefsStart.UTC().Year()-1, realDefsStart.UTC().Format(time.DateOnly))},
		// Events by day and class, and by day and activity, since the start of last week.
		{slSheet, "SecurityCustodianDashboard_eef75658-5112-40ca-9cab-2ee150307a17", fmt.Sprintf(
			`SELECT substr(Date, 1, 10), class_name, count(*) FROM "sl-ag-dataset" WHERE Date >= '%s' AND Date <= '%s 00:00:00' GROUP BY 1, 2`,
			lastWeekStart().Format(time.DateOnly), realDefsStart.UTC().Format(time.DateOnly))},
		{slSheet, "SecurityCustodianDashboard_9d2873d2-0956-423b-b0d9-62a383f7aa93", fmt.Sprintf(
			`SELECT substr(Date, 1, 10), activity_name, count(*) FROM "sl-ag-dataset" WHERE Date >= '%s' AND Date <= '%s 00:00:00' GROUP BY 1, 2`,
			lastWeekStart().Format(time.DateOnly), realDefsStart.UTC().Format(time.DateOnly))},
	},
}

const slSheet = "SecurityCustodianDashboard_ef4bb8e7-e294-40ea-9db0-6ce43912bd13"

// securityLakeDataSets are the Security Lake dashboards' five datasets,
// with the columns the dashboards use.
var securityLakeDataSets = []realDataSet{
	{id: "sl-ag-dataset", columns: append([]realColumn{{"Date", types.InputColumnDataTypeDatetime}}, strCols("class_name", "activity_name", "accountid", "region")...),
		rows: 920, row: func(i int) []any {
			return []any{slDate(i), []string{"Cloud API", "Security Finding", "Network Activity", "DNS Activity"}[i%4], []string{"Create", "Update", "Traffic", "Query", "Delete"}[i%5],
				fmt.Sprintf("11112222333%d", i%7), []string{"us-east-1", "eu-west-1", "ap-south-1"}[i%3]}
		}},
	{id: "vpc-flow-dataset", columns: append([]realColumn{{"Date", types.InputColumnDataTypeDatetime}}, strCols("cloud_region", "account_uid",
		"src_endpoint_ip", "dst_endpoint_ip", "src_endpoint_port", "dst_endpoint_port", "activity_name")...),
		rows: 60, row: func(i int) []any {
			return []any{slDate(i), "us-east-1", fmt.Sprintf("11112222333%d", i%3), fmt.Sprintf("10.0.0.%d", i%7), fmt.Sprintf("10.0.1.%d", i%4),
				fmt.Sprint(1024 + i), "443", []string{"Established", "Refused", "Closed"}[i%3]}
		}},
	{id: "cloudtrail-dataset", columns: append([]realColumn{{"Date", types.InputColumnDataTypeDatetime}}, strCols("region", "account_uid", "api_operation")...),
		rows: 120, row: func(i int) []any {
			return []any{slDate(i), "us-east-1", fmt.Sprintf("11112222333%d", i%3), []string{"AssumeRole", "GetObject", "PutObject", "Decrypt"}[i%4]}
		}},
	{id: "sh-findings-dataset", columns: append([]realColumn{{"Date", types.InputColumnDataTypeDatetime}}, strCols("region", "Severity_Normalized", "Severity_Original", "desc", "accountid")...),
		rows: 400, row: func(i int) []any {
			return []any{slDate(i * 2), []string{"us-east-1", "eu-west-1"}[i%2], []string{"CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL"}[i%5],
				fmt.Sprint(i % 5 * 20), fmt.Sprintf("Finding %d", i%6), fmt.Sprintf("11112222333%d", i%4)}
		}},
	{id: "r53-dataset", columns: append([]realColumn{{"Date", types.InputColumnDataTypeDatetime}}, strCols("region", "srcIp", "queryHostname", "accountId", "activityName")...),
		rows: 80, row: func(i int) []any {
			return []any{slDate(i), "us-east-1", fmt.Sprintf("10.0.2.%d", i%5), fmt.Sprintf("host%d.example.com", i%6), fmt.Sprintf("11112222333%d", i%3),
				[]string{"Resolved", "Unresolved"}[i%2]}
		}},
}

// securityLakeOperator: aws-samples/amazon-security-lake-quicksight, the
// operator dashboard: Sankey diagrams of who talks to whom, API calls by
// account and operation, with the rolling week filter on every dataset.
var securityLakeOperator = realDef{
	name:     "securitylake-operator",
	dataSets: securityLakeDataSets,
	notes: map[string]string{
		// Sankey items limits that do not say whether the rest is "Other":
		// read as EXCLUDE, and said.
		"SecurityOperatorDashboard_5025adcd-a21f-4571-a9b4-1d24f2cd08b6": "SourceItemsLimit without OtherCategories: the heaviest 10 are drawn",
		"SecurityOperatorDashboard_eb4b7715-4fe9-4bef-bffc-a34528b6c873": "DestinationItemsLimit without OtherCategories: the heaviest 10 are drawn",
	},
	checks: []realCheck{
		{slOpSheet, "SecurityOperatorDashboard_2f854b3e-d62b-49e7-ad58-29ad883ef98e",
			`SELECT account_uid, api_operation, count(api_operation) FROM "cloudtrail-dataset" WHERE ` + slLastWeekDays("Date") + ` GROUP BY 1, 2`},
		{slOpSheet, "SecurityOperatorDashboard_dc683e38-efd8-4936-a404-895d234449e8",
			`SELECT substr(Date, 1, 10), api_operation, count(*) FROM "cloudtrail-dataset" WHERE ` + slLastWeekDays("Date") + ` GROUP BY 1, 2`},
		{slOpSheet, "SecurityOperatorDashboard_ef68e453-c098-4cb8-be29-455474658600",
			`SELECT substr(Date, 1, 10), account_uid, count(*) FROM "cloudtrail-dataset" WHERE ` + slLastWeekDays("Date") + ` GROUP BY 1, 2`},
	},
}

const slOpSheet = "SecurityOperatorDashboard_4bea718f-d96f-4ad6-8da2-6f6438aa0056"

// slLastWeekDays is the operator dashboard's rolling filter at DAY
// granularity: the whole of today is in.
func slLastWeekDays(col string) string {
	return fmt.Sprintf("%s >= '%s' AND %s < date('%s', '+1 day')", col, lastWeekStart().Format(time.DateOnly), col, realDefsStart.UTC().Format(time.DateOnly))
}

// securityLakeExecutive: aws-samples/amazon-security-lake-quicksight, the
// executive dashboard: one rolling-date filter (the last week and this
// one) on every dataset with a Date column (CrossDataset ALL_DATASETS).
var securityLakeExecutive = realDef{
	name:     "securitylake-executive",
	dataSets: securityLakeDataSets,
	checks: []realCheck{
		// The top 20 accounts by severity and the rest as "Other" (four
		// accounts here: no "Other").
		{slExecSheet, "SecurityExecutiveDashboard_4c8815cc-6e6f-4965-b3e0-72ff92f5212b",
			`SELECT accountid, Severity_Normalized, count(*) FROM "sh-findings-dataset" WHERE ` + slLastWeek("Date") + ` GROUP BY 1, 2`},
		{slExecSheet, "SecurityExecutiveDashboard_b6aa8b61-ae91-4b43-8094-82beb8c4f734",
			`SELECT Severity_Normalized, count(*) FROM "sh-findings-dataset" WHERE ` + slLastWeek("Date") + ` GROUP BY 1`},
		{slExecSheet, "SecurityExecutiveDashboard_9430eb1a-4dbd-4a0b-bbcd-472e6a42c6e4",
			`SELECT region, count(*) FROM "sh-findings-dataset" WHERE ` + slLastWeek("Date") + ` GROUP BY 1`},
		{slExecSheet, "SecurityExecutiveDashboard_257b015e-9d63-438d-9a85-812ec76da029",
			`SELECT substr(Date, 1, 10), count(DISTINCT accountid) FROM "sl-ag-dataset" WHERE ` + slLastWeek("Date") + ` GROUP BY 1`},
		{slExecSheet, "SecurityExecutiveDashboard_8f71d514-4f78-4ca9-ae03-43fefcf967c0",
			`SELECT substr(Date, 1, 10), region, count(*) FROM "sl-ag-dataset" WHERE ` + slLastWeek("Date") + ` GROUP BY 1, 2`},
	},
}

const slExecSheet = "SecurityExecutiveDashboard_d12f47cb-29ab-46a5-80a0-08d8669e3222"

// slLastWeek is the SQL of the dashboards' rolling filter: from the start
// of last week to the start of today, both included.
func slLastWeek(col string) string {
	return fmt.Sprintf("%s >= '%s' AND %s <= '%s 00:00:00'", col, lastWeekStart().Format(time.DateOnly), col, realDefsStart.UTC().Format(time.DateOnly))
}

// slDate is the i-th event's time: i·13 hours before the test started.
func slDate(i int) string {
	return realDefsStart.Add(-time.Duration(i) * 13 * time.Hour).UTC().Format("2006-01-02 15:04:05")
}

var realDefsStart = time.Now()

// lastWeekStart is the Sunday a week before this week's (weeks start on
// Sunday, QuickSight's default).
func lastWeekStart() time.Time {
	d := realDefsStart.UTC()
	return time.Date(d.Year(), d.Month(), d.Day()-int(d.Weekday())-7, 0, 0, 0, 0, time.UTC)
}
