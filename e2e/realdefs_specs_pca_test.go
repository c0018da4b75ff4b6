package e2e

// The Cloud Intelligence Dashboards' pricing change analysis
// (testdata/realdefs/NOTES.md) and the synthetic data it needs.

import (
	"database/sql"
	"fmt"
	"net/url"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

func init() {
	realDefinitions = append(realDefinitions, pricingChangeAnalysis)
}

// pcaSKUs are the SKUs whose price changed: service, SKU, region and the
// public rate before and after the change.
var pcaSKUs = []struct {
	service, sku, region string
	before, after        float64
}{
	{"Amazon Elastic Compute Cloud", "SKU-EC2-A", "us-east-1", 0.10, 0.09},
	{"Amazon Elastic Compute Cloud", "SKU-EC2-B", "eu-west-1", 0.20, 0.22},
	{"Amazon Simple Storage Service", "SKU-S3-A", "us-east-1", 0.023, 0.021},
	{"AWS Lambda", "SKU-LAMBDA-A", "us-west-2", 0.0000167, 0.0000133},
	{"Amazon Relational Database Service", "SKU-RDS-A", "eu-west-1", 0.50, 0.48},
}

// pcaAccounts are the linked accounts: id, name and payer.
var pcaAccounts = [][3]string{{"111122223331", "prod", "999988887771"}, {"111122223332", "dev", "999988887771"}, {"111122223333", "data", "999988887772"}}

// pcaMonths: the view keeps the months before this one; the test's data
// has the last six.
const pcaMonths = 6

// pricingChangeAnalysis: usage of SKUs whose price changed, per month
// and account, priced at the current and the previous rate
// (pricing_changes); a service-total row per service, month and account
// has no SKU, as the view's second half writes.
var pricingChangeAnalysis = realDef{
	name: "pca",
	dataSets: []realDataSet{{
		id: pcaDataSet,
		columns: append(append(append(append(append([]realColumn{{"bill_month", types.InputColumnDataTypeDatetime}},
			strCols("product_product_name", "payer_account_number", "linked_account_number", "product_region", "product_sku", "pricing_rate_code",
				"line_item_line_item_description", "pricing_unit", "line_item_unblended_rate")...),
			decCols("usage_amount", "current_unblended_cost", "current_net_unblended_cost", "usage_amount_excl_free_tier")...),
			strCols("net_unblended_rate", "previous_public_on_demand_rate", "previous_net_on_demand_rate")...),
			decCols("previous_unblended_cost", "previous_net_unblended_cost", "aws_service_unblended_cost", "aws_service_net_unblended_cost")...),
			// The join's account_map columns and the dataset's two
			// calculated columns (CreateColumnsOperation), stored as
			// computed.
			append(strCols("account_id", "account_name"), decCols("cost_difference", "cost_difference_net")...)...),
		rows: pcaMonths * len(pcaAccounts) * (len(pcaSKUs) + 1),
		row: func(i int) []any {
			per := len(pcaSKUs) + 1
			m, a, k := i/(len(pcaAccounts)*per), i/per%len(pcaAccounts), i%per
			month := bdMonth(m + 1)
			acct := pcaAccounts[a]
			if k == len(pcaSKUs) { // a service total: no SKU, no costs
				svc := pcaSKUs[(m+a)%len(pcaSKUs)].service
				total := float64(100 + 10*m + 7*a)
				return []any{month.Format(time.DateTime), svc, acct[2], acct[0], nil, nil, nil, nil, nil, nil,
					nil, nil, nil, nil, nil, nil, nil, nil, nil, total, total * 0.9,
					acct[0], acct[1], nil, nil}
			}
			s := pcaSKUs[k]
			usage := float64(1000 * (1 + (i*7)%13))
			cur, prev := usage*s.after, usage*s.before
			net, prevNet := cur*0.95, prev*0.95
			return []any{month.Format(time.DateTime), s.service, acct[2], acct[0], s.region, s.sku, s.sku + ".RATE",
				fmt.Sprintf("$%g per unit (was $%g)", s.after, s.before), "Hrs", fmt.Sprint(s.after),
				usage, cur, net, usage, fmt.Sprint(s.after * 0.95), fmt.Sprint(s.before), fmt.Sprint(s.before * 0.95),
				prev, prevNet, nil, nil,
				acct[0], acct[1], cur - prev, net - prevNet}
		},
	}},
	// The KPIs of last month and of two months ago exclude the latest
	// months (ExcludePeriodConfiguration): drawn, not checked against SQL
	// here (TestExcludePeriod checks the exclusion on every engine).
	checks: []realCheck{
		// ${CostType} is Net Unblended: cost_difference_type is the
		// net cost difference.
		{pcaSheet, "01c3bc3d-4441-4a73-a664-22637bce3fbd", `SELECT product_region, product_product_name, sum(cost_difference_net) FROM "` + pcaDataSet + `" WHERE product_sku IS NOT NULL GROUP BY 1, 2`},
		{pcaSheet, "d9e034fe-002b-4bfd-b45d-ce0b493b0695", `SELECT account_name, product_product_name, sum(cost_difference_net) FROM "` + pcaDataSet + `" WHERE product_sku IS NOT NULL GROUP BY 1, 2`},
		{pcaSheet, "a748d989-196b-46da-8974-dd6ad33091c3", `SELECT payer_account_number, product_product_name, sum(cost_difference_net) FROM "` + pcaDataSet + `" WHERE product_sku IS NOT NULL GROUP BY 1, 2`},
		{pcaSheet, "c4b9bb80-b271-494e-a11b-28df0deb83c0", `SELECT product_product_name, sum(cost_difference_net) FROM "` + pcaDataSet + `" WHERE product_sku IS NOT NULL GROUP BY 1`},
		{pcaSheet, "5a2492bf-2162-4dfa-88a4-e68257fd6d62", `SELECT ` + pcaMonthLabel + `, 'Sum of Post-Price Adjustment', sum(current_net_unblended_cost) FROM "` + pcaDataSet + `" WHERE product_sku IS NOT NULL GROUP BY 1
			UNION ALL SELECT ` + pcaMonthLabel + `, 'Sum of Pre-Price Adjustment', sum(previous_net_unblended_cost) FROM "` + pcaDataSet + `" WHERE product_sku IS NOT NULL GROUP BY 1`},
		// The monthly combo chart: bars stacked by account (its Colors
		// field), and one line of the same measure over every account.
		{pcaSheet, "d8f5b8f4-d209-4afe-b008-979a756e6987", `SELECT ` + pcaMonthLabel + `, account_name || ' · Sum of cost_difference_type', sum(cost_difference_net) FROM "` + pcaDataSet + `" WHERE product_sku IS NOT NULL GROUP BY 1, 2
			UNION ALL SELECT ` + pcaMonthLabel + `, 'Sum of cost_difference_type', sum(cost_difference_net) FROM "` + pcaDataSet + `" WHERE product_sku IS NOT NULL GROUP BY 1`},
	},
	then: func(t *testing.T, db *sql.DB, sheet func(string, url.Values) string) {
		// Cost Type set to Unblended: cost_difference_type is the
		// (public-price) cost difference.
		body := sheet(pcaSheet, url.Values{"p.CostType": {"Unblended"}})
		checkRealVisual(t, db, body, realCheck{pcaSheet, "c4b9bb80-b271-494e-a11b-28df0deb83c0",
			`SELECT product_product_name, sum(cost_difference) FROM "` + pcaDataSet + `" WHERE product_sku IS NOT NULL GROUP BY 1`})
	},
}

const (
	pcaDataSet = "bfa0c9aa-60e7-4fdb-970c-87c4ba2e9d4d"
	pcaSheet   = "7c3a2961-769c-4d6f-b603-5070885d61db"
	// pcaMonthLabel is a bill_month as its DateTimeFormat MMM YYYY
	// writes it.
	pcaMonthLabel = `substr('JanFebMarAprMayJunJulAugSepOctNovDec', 3 * CAST(substr(bill_month, 6, 2) AS INTEGER) - 2, 3) || ' ' || substr(bill_month, 1, 4)`
)
