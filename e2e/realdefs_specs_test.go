package e2e

// The real definitions under test and the synthetic data each needs.

import (
	"fmt"

	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

func strCols(names ...string) []realColumn {
	var out []realColumn
	for _, n := range names {
		out = append(out, realColumn{n, types.InputColumnDataTypeString})
	}
	return out
}

var realDefinitions = []realDef{kmsInsights}

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
	pending: map[string]string{
		"1e8d6107-ed35-4b94-a9b5-fc58fd54b55c": "distinct_countIf",
		"c8e8112a-872a-4b90-a1c4-5ab70ae6749e": "distinct_countIf",
	},
	checks: []realCheck{
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
