package e2e

// Helpers of the analysis and dashboard tests: the Terraform-style sample
// definition, and waiting for background definition checks.

import (
	"bytes"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

const salesDataSetARN = "arn:aws:quicksight:" + region + ":" + accountID + ":dataset/tf-sales"

// salesDefinitionJSON is a definition as Terraform users write one: three
// sheets, ten visuals (two of kinds Sightglass does not render), calculated
// fields, four parameter types, filter groups of six kinds with every
// scope, controls and grid layouts.
func salesDefinitionJSON(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/sales_definition.json")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// salesAnalysisDefinition decodes the sample into the SDK's shapes, whose
// field names are the model's member names.
func salesAnalysisDefinition(t testing.TB) *types.AnalysisDefinition {
	t.Helper()
	var d types.AnalysisDefinition
	decodeStrict(t, salesDefinitionJSON(t), &d)
	return &d
}

func salesDashboardDefinition(t testing.TB) *types.DashboardVersionDefinition {
	t.Helper()
	var d types.DashboardVersionDefinition
	decodeStrict(t, salesDefinitionJSON(t), &d)
	return &d
}

// decodeStrict decodes b into v, failing on members v lacks (a typo in
// the sample would otherwise vanish silently).
func decodeStrict(t testing.TB, b []byte, v any) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		t.Fatalf("sample definition: %v", err)
	}
}

// canonical decodes JSON for comparison: member order and spacing do not
// matter, numbers compare by their text.
func canonical(t testing.TB, b []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("canonical: %v in %s", err, b)
	}
	return v
}

// checkDeadline bounds the wait for a background check (a hang, not a
// speed requirement).
const checkDeadline = 20 * time.Second

// waitAnalysis polls DescribeAnalysis until the analysis leaves the
// in-progress statuses, and returns it.
func waitAnalysis(t testing.TB, c *quicksight.Client, id string) *types.Analysis {
	t.Helper()
	deadline := time.Now().Add(checkDeadline)
	for {
		out, err := c.DescribeAnalysis(t.Context(), &quicksight.DescribeAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String(id)})
		must(t, err)
		switch out.Analysis.Status {
		case types.ResourceStatusCreationInProgress, types.ResourceStatusUpdateInProgress:
		default:
			return out.Analysis
		}
		if time.Now().After(deadline) {
			t.Fatalf("analysis %s still %s", id, out.Analysis.Status)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// waitVersion polls DescribeDashboard for a version until its check ends.
func waitVersion(t testing.TB, c *quicksight.Client, id string, n int64) *types.Dashboard {
	t.Helper()
	deadline := time.Now().Add(checkDeadline)
	for {
		out, err := c.DescribeDashboard(t.Context(), &quicksight.DescribeDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String(id), VersionNumber: aws.Int64(n)})
		must(t, err)
		if out.Dashboard.Version.Status != types.ResourceStatusCreationInProgress {
			return out.Dashboard
		}
		if time.Now().After(deadline) {
			t.Fatalf("dashboard %s version %d still in progress", id, n)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func ownerPermissions(user string, actions ...string) []types.ResourcePermission {
	return []types.ResourcePermission{{Principal: aws.String(userARN(accountID, user)), Actions: actions}}
}

var analysisOwnerActions = []string{
	"quicksight:RestoreAnalysis", "quicksight:UpdateAnalysisPermissions", "quicksight:DeleteAnalysis",
	"quicksight:DescribeAnalysisPermissions", "quicksight:QueryAnalysis", "quicksight:DescribeAnalysis",
	"quicksight:UpdateAnalysis",
}

var dashboardReaderActions = []string{"quicksight:DescribeDashboard", "quicksight:ListDashboardVersions", "quicksight:QueryDashboard"}

func analysisARN(id string) string {
	return "arn:aws:quicksight:" + region + ":" + accountID + ":analysis/" + id
}

func dashboardARN(id string) string {
	return "arn:aws:quicksight:" + region + ":" + accountID + ":dashboard/" + id
}

// utc returns t in UTC, for comparisons with DeepEqual.
func utc(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

// msUTC is t as the server returns it: milliseconds, UTC.
func msUTC(t time.Time) *time.Time {
	u := time.UnixMilli(t.UnixMilli()).UTC()
	return &u
}

// createSalesDataSet creates the dataset the sample definition declares:
// a SQLITE data source over a sales table and a direct-query dataset
// "tf-sales" on it.
func createSalesDataSet(t testing.TB, ts *testServer) {
	t.Helper()
	ctx := t.Context()
	dir := ts.Config.DataSourceDir
	must(t, os.MkdirAll(dir, 0o700))
	db, err := sql.Open("sqlite", filepath.Join(dir, "sales.sqlite"))
	must(t, err)
	defer db.Close()
	for _, s := range []string{
		`CREATE TABLE sales (order_id INTEGER, order_date TEXT, region TEXT, product TEXT, category TEXT,
			sales REAL, cost REAL, quantity INTEGER, discount REAL)`,
		`INSERT INTO sales VALUES (1, '2026-01-05', 'West', 'Desk', 'Furniture', 250, 180, 2, 0.1),
			(2, '2026-02-11', 'East', 'Pen', 'Office', 12, 4, 10, 0)`,
	} {
		_, err := db.ExecContext(ctx, s)
		must(t, err)
	}
	_, err = ts.App.CreateSQLiteDataSource(ctx, accountID, "sales-db", "Sales DB", "sales.sqlite")
	must(t, err)
	col := func(name string, typ types.InputColumnDataType) types.InputColumn {
		return types.InputColumn{Name: aws.String(name), Type: typ}
	}
	_, err = ts.adminClient().CreateDataSet(ctx, &quicksight.CreateDataSetInput{
		AwsAccountId: aws.String(accountID),
		DataSetId:    aws.String("tf-sales"),
		Name:         aws.String("Terraform sales"),
		ImportMode:   types.DataSetImportModeDirectQuery,
		PhysicalTableMap: map[string]types.PhysicalTable{"sales": &types.PhysicalTableMemberRelationalTable{Value: types.RelationalTable{
			DataSourceArn: aws.String(dataSourceARN("sales-db")),
			Name:          aws.String("sales"),
			InputColumns: []types.InputColumn{
				col("order_id", types.InputColumnDataTypeInteger), col("order_date", types.InputColumnDataTypeDatetime),
				col("region", types.InputColumnDataTypeString), col("product", types.InputColumnDataTypeString),
				col("category", types.InputColumnDataTypeString), col("sales", types.InputColumnDataTypeDecimal),
				col("cost", types.InputColumnDataTypeDecimal), col("quantity", types.InputColumnDataTypeInteger),
				col("discount", types.InputColumnDataTypeDecimal),
			},
		}}},
	})
	must(t, err)
}
