package e2e

// The Cloud Intelligence Dashboards' CORA dashboard (Cost Optimization
// Recommended Actions; testdata/realdefs/NOTES.md) and the synthetic data
// it needs (realdefs_cora_data_test.go).

import (
	"database/sql"
	"net/url"
	"strings"
	"testing"
)

func init() {
	realDefinitions = append(realDefinitions, cora)
}

// coraTooManyVariables is what the tiles of the Summary and the two
// Rate Optimization sheets say: those sheets filter on "RI SP fits to the
// filter" or "RI SP Level", whose nested calculated fields (RI SP Level →
// Action On Resource → Action Summary → Top → Max Savings Per Resource →
// SuperARN → RI Product, each referenced several times) are inlined into
// the question at every reference: "RI SP Level" alone compiles to 25,719
// bound values, "RI SP fits to the filter" to 51,445, and these sheets'
// questions to 61,000–161,000, past SQLite's limit of 32,766. (With a C
// build raising the limit to 500,000, the waiting checks below agree with
// SQL; each Summary question then takes 2 to 5 seconds.)
const coraTooManyVariables = "too many SQL variables"

// cora: Cost Optimization Hub recommendations of two management accounts
// and their six linked accounts, exported on four days each.
var cora = realDef{
	name: "cora",
	dataSets: []realDataSet{{
		id:      coraDataSet,
		columns: coraColumns(),
		rows:    len(coraRows),
		row:     func(i int) []any { return coraRows[i] },
	}},
	pending: coraPending(),
	checks: []realCheck{
		// Usage Optimization: the top action of each resource (Top Saving
		// (Binary) = 1) in each payer's latest export (The Last One = 1).
		{coraUsage, "d7401070-7d27-4dea-9561-5358b29e2605", coraSQL(coraUsageRows, coraBefore, `atype, sum(sav) FROM c WHERE top AND last GROUP BY 1`)},
		{coraUsage, "7211e4af-749e-4369-bfdf-7ef0e535fd7b", coraSQL(coraUsageRows, coraBefore, `account_name, aar, sum(sav) FROM c WHERE top AND last GROUP BY 1, 2`)},
		{coraUsage, "af1392e4-6b28-4829-a526-c9820c203751", coraSQL(coraUsageRows, coraBefore, `rtype, aar, sum(sav) FROM c WHERE top AND last GROUP BY 1, 2`)},
		// The timeline: every export's top actions.
		{coraUsage, "7ee8ad1d-ec3f-45d0-951f-9a8b56afcaae", coraSQL(coraUsageRows, coraBefore, coraDayLabel+`, aar, sum(sav) FROM c WHERE top GROUP BY 1, 2`)},
		// Summary (waiting, as pending says): the RI/SP recommendations
		// at the payer level (RILevel, SPLevel) and the usage ones.
		{coraSummary, "e2a58d6f-cc94-4d62-8e79-07de91cfcabf", coraSQL(coraFits, coraBefore, `count(recommendation_id) FROM c WHERE top AND last`)},
		{coraSummary, "36f4f231-4e50-44b9-a44e-b560deb2bd99", coraSQL(coraFits, coraBefore, `atype, sum(sav) FROM c WHERE top AND last GROUP BY 1`)},
		{coraSummary, "65194706-b73a-4b09-95b0-4335dd546a71", coraSQL(coraFits, coraBefore, `atype, rtype, sum(sav) FROM c WHERE top AND last GROUP BY 1, 2`)},
		{coraSummary, "25c43156-3fae-4590-93a5-fe6ef213a12e", coraSQL(coraFits, coraBefore, `account_name, rtype, sum(sav) FROM c WHERE top AND last GROUP BY 1, 2`)},
		// Reserved Instances (waiting): the payer-level RIs of every
		// service but EC2.
		{coraRI, "deb73839-a4ae-43a2-856f-0a539178b4df", coraSQL(coraRIRows, coraBefore, `region, risvc, sum(sav) FROM c WHERE top AND last GROUP BY 1, 2`)},
		{coraRI, "855ee09d-8b0e-48eb-9a14-fdca1e3f3bf8", coraSQL(coraRIRows, coraBefore, `risvc, riprod, sum(sav) FROM c WHERE top AND last GROUP BY 1, 2`)},
		{coraRI, "76f4b247-3af0-47f5-b119-d6789b65fd2f", coraSQL(coraRIRows, coraBefore, `account_name, risvc, sum(sav) FROM c WHERE top AND last GROUP BY 1, 2`)},
	},
	then: func(t *testing.T, db *sql.DB, sheet func(string, url.Values) string) {
		// Group By set to Tag and the tag's name to team: Tag1 splits the
		// tags at concat(${Tag1Name}, '=').
		body := sheet(coraUsage, url.Values{"p.GroupBy": {"Tag"}, "p.Tag1Name": {"team"}})
		checkRealVisual(t, db, body, realCheck{coraUsage, "7211e4af-749e-4369-bfdf-7ef0e535fd7b",
			coraSQL(coraUsageRows, coraBefore, coraTeam+`, aar, sum(sav) FROM c WHERE top AND last GROUP BY 1, 2`)})
		// Show Cost set to After Discount: the savings after discounts.
		body = sheet(coraUsage, url.Values{"p.ShowCost": {"After Discount"}})
		checkRealVisual(t, db, body, realCheck{coraUsage, "d7401070-7d27-4dea-9561-5358b29e2605",
			coraSQL(coraUsageRows, "estimated_monthly_savings_after_discount", `atype, sum(sav) FROM c WHERE top AND last GROUP BY 1`)})
	},
}

const (
	coraDataSet = "f3e97e44-d115-4f0a-b38a-fa039038deeb"
	coraSummary = "26d95026-2cf8-4ca5-b8fc-d0d628fe5f84"
	coraUsage   = "f3d53b7f-0b33-4c9d-9abc-dd42c145b67c"
	coraRI      = "28b4e248-fab2-4e92-87f2-4c77fbbe2ea5"
	coraBefore  = "estimated_monthly_savings_before_discount" // ${ShowCost}'s default
	// coraTeam is the value of the team tag, the last in tags.
	coraTeam = `substr(tags, instr(tags, 'team=') + 5, length(tags) - instr(tags, 'team=') - 5)`
	// coraDayLabel is a day as the bar chart's date axis writes it
	// (Date is parseDate(date), drawn by day: the date column as it is).
	coraDayLabel = `date`
)

// The rows each sheet's filters keep, before the top and latest ones are
// chosen: the Usage Optimization sheet's action types; the Summary's
// usage actions and payer-level RI and SP options (RI SP fits to the
// filter = 1); the Reserved Instances sheet's payer-level RIs of every
// service but EC2.
const (
	coraUsageRows = `action_type IN ('Rightsize', 'Stop', 'Upgrade', 'MigrateToGraviton', 'Delete')`
	coraFits      = `(action_type NOT IN ('PurchaseReservedInstances', 'PurchaseSavingsPlans') OR instr(recommended_resource_summary, 'Payer') > 0)`
	coraRIRows    = `risvc IN ('OpenSearch', 'RDS', 'Redshift', 'ElasticCache') AND instr(recommended_resource_summary, 'Payer') > 0`
)

// coraPending names the visuals of the sheets whose questions have too
// many bound values (coraTooManyVariables): all but the Usage
// Optimization sheet's.
func coraPending() map[string]string {
	out := map[string]string{}
	for _, id := range strings.Fields(`e2a58d6f-cc94-4d62-8e79-07de91cfcabf 0ef241b4-ebdc-4a7a-a5ca-4ea7f249d3d1 22b986fd-d585-4ffe-a79d-5df6d7ada5b8
		27286779-7acc-4dbd-8fad-4c822d1f62df b820c650-1f2b-49b0-bd90-95aff7702e94 65194706-b73a-4b09-95b0-4335dd546a71 4b4bf95f-a62d-4ff3-bfc3-6083a0c8f104
		ad9831de-a28b-423c-9d15-1d318c56a3dd d0ea7017-d4e8-444f-aff0-aa49889fbf6a 25c43156-3fae-4590-93a5-fe6ef213a12e 3cc9cfd2-4c87-4973-b087-696cb672d585
		36f4f231-4e50-44b9-a44e-b560deb2bd99 0ed0c7ef-dd4a-46a6-a6d3-0025d697678d
		03f3db63-b479-42f6-8434-4e25cf34b7ac 16667fd7-284d-42a0-a043-f42de1e1b5a4
		4decc04d-4265-4df0-a774-a454c992b0a1 2af739d9-3164-4ffc-bd1f-de7cc7b01e60 0dbc2327-6913-4073-b872-0fc701b7701c deb73839-a4ae-43a2-856f-0a539178b4df
		76f4b247-3af0-47f5-b119-d6789b65fd2f 855ee09d-8b0e-48eb-9a14-fdca1e3f3bf8 4425accc-a760-4098-b83a-c07c3eecc687`) {
		out[id] = coraTooManyVariables
	}
	return out
}

// coraSQL is a query over the rows a sheet's filters keep (where), with
// the dashboard's calculated fields computed in SQL: sav (Savings
// Estimate, Monthly: the savings column ${ShowCost} chooses), atype
// (Action Type), rtype (Resource Type), aar (Action And Resource), risvc
// (RI Service), riprod (RI Product), top (the largest saving of its
// resource, date and payer: Top Saving (Binary)) and last (the payer's
// latest export: The Last One). A resource is its ARN, or for an RI its
// service, region, instance type and product, or else its type (SuperARN;
// the same grouping for these rows). As QuickSight orders them, top and
// last are computed over the rows the other filters keep.
func coraSQL(where, savings, query string) string {
	return `WITH a AS (SELECT *, ` + savings + ` AS sav,
	CASE action_type WHEN 'MigrateToGraviton' THEN 'Migrate To Graviton' WHEN 'PurchaseReservedInstances' THEN 'Purchase ReservedInstances'
		WHEN 'PurchaseSavingsPlans' THEN 'Purchase SavingsPlans' ELSE action_type END AS atype,
	CASE current_resource_type WHEN 'Ec2Instance' THEN 'EC2 Instance'
		WHEN 'EbsVolume' THEN CASE WHEN instr(current_resource_details, 'Unattached') > 0 THEN 'EBS Volume: Unattached' ELSE 'EBS Volume' END
		WHEN 'RdsDbInstance' THEN 'RDS DbInstance' WHEN 'LambdaFunction' THEN 'Lambda Function' WHEN 'EcsService' THEN 'ECS Service'
		WHEN 'Ec2AutoScalingGroup' THEN 'EC2 AutoScalingGroup' WHEN 'Ec2ReservedInstances' THEN 'EC2 Reserved Instances'
		WHEN 'RdsReservedInstances' THEN 'RDS Reserved Instances' WHEN 'OpenSearchReservedInstances' THEN 'OpenSearch Reserved Instances'
		WHEN 'ElastiCacheReservedInstances' THEN 'ElastiCacheReserved Instances' WHEN 'RedshiftReservedInstances' THEN 'Redshift Reserved Instances'
		WHEN 'ComputeSavingsPlans' THEN 'Compute Savings Plans' WHEN 'SageMakerSavingsPlans' THEN 'SageMaker Savings Plans'
		WHEN 'Ec2InstanceSavingsPlans' THEN 'EC2 Instance Savings Plans' END AS rtype,
	CASE current_resource_type WHEN 'Ec2ReservedInstances' THEN 'EC2' WHEN 'RdsReservedInstances' THEN 'RDS' WHEN 'OpenSearchReservedInstances' THEN 'OpenSearch'
		WHEN 'ElastiCacheReservedInstances' THEN 'ElasticCache' WHEN 'RedshiftReservedInstances' THEN 'Redshift' END AS risvc,
	substr(recommended_resource_summary, instr(recommended_resource_summary, ' ') + 1,
		instr(recommended_resource_summary, ' in ') - instr(recommended_resource_summary, ' ') - 1) AS ritp
	FROM "` + coraDataSet + `"),
b AS (SELECT *, substr(ritp, instr(ritp, ' ') + 1) AS riprod,
	replace(replace(replace(replace(replace(replace(
		CASE WHEN instr(atype, 'Reserved') > 0 OR instr(atype, 'Plan') > 0 THEN rtype ELSE atype || ' ' || rtype END,
		' Reserved Instance', ' RI'), 'ReservedInstance', ' RI'), ' DbInstance', ''), ' Volume', ''), ' Instance', ''), ' Function', '') AS aar
	FROM a),
f AS (SELECT * FROM b WHERE ` + where + `),
c AS (SELECT *,
	sav = max(sav) OVER (PARTITION BY CASE WHEN resource_arn <> '' THEN resource_arn WHEN risvc IS NOT NULL THEN risvc || ':' || region || ':' || ritp
		ELSE current_resource_type END, date, source_account_id) AS top,
	date = max(date) OVER (PARTITION BY source_account_id) AS last
	FROM f)
SELECT ` + query
}
