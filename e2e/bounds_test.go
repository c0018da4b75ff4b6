//lint:file-ignore SA1019 LogicalTableMap is what Sightglass implements (the legacy data preparation experience)

package e2e

// Expressions that grow when their references are expanded: a chain of
// calculated columns (or an analysis's calculated fields) where each uses
// the one before twice is refused at its first link past the bound, with
// little memory, instead of doubling a hundred times.

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

// doublingChain is n CreateColumnsOperations: c1 = {amount} + {amount},
// c<i> = {c<i-1>} + {c<i-1>}.
func doublingChain(n int) []types.TransformOperation {
	var ops []types.TransformOperation
	prev := "amount"
	for i := 1; i <= n; i++ {
		name := fmt.Sprintf("c%d", i)
		ops = append(ops, &types.TransformOperationMemberCreateColumnsOperation{Value: types.CreateColumnsOperation{Columns: []types.CalculatedColumn{{
			ColumnName: aws.String(name), ColumnId: aws.String(name), Expression: aws.String(fmt.Sprintf("{%[1]s} + {%[1]s}", prev)),
		}}}})
		prev = name
	}
	return ops
}

// allocated runs f and returns the bytes the process allocated meanwhile.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// Not parallel: the allocation measured is the whole process's.
func TestDataSetCalculatedColumnChainRefused(t *testing.T) {
	ts := startServer(t)
	c := ts.adminClient()
	sqliteSource(t, ts.Config.DataSourceDir, "shop.sqlite")
	_, err := ts.App.CreateSQLiteDataSource(t.Context(), accountID, "shop", "Shop", "shop.sqlite")
	must(t, err)
	input := func(id string, mode types.DataSetImportMode, links int) *quicksight.CreateDataSetInput {
		return &quicksight.CreateDataSetInput{
			AwsAccountId: aws.String(accountID), DataSetId: aws.String(id), Name: aws.String(id), ImportMode: mode,
			PhysicalTableMap: map[string]types.PhysicalTable{"t": &types.PhysicalTableMemberRelationalTable{Value: types.RelationalTable{
				DataSourceArn: aws.String(dataSourceARN("shop")), Name: aws.String("orders"),
				InputColumns: []types.InputColumn{col("id", types.InputColumnDataTypeInteger), col("region", types.InputColumnDataTypeString), col("amount", types.InputColumnDataTypeDecimal)},
			}}},
			LogicalTableMap: map[string]types.LogicalTable{"o": {Alias: aws.String("orders"), Source: &types.LogicalTableSource{PhysicalTableId: aws.String("t")}, DataTransforms: doublingChain(links)}},
		}
	}
	const want = `The expression of calculated field "c13" is invalid: expression is too large once the calculated fields it references are expanded (more than 10000 terms) at position 9`
	for _, mode := range []types.DataSetImportMode{types.DataSetImportModeDirectQuery, types.DataSetImportModeSpice} {
		var err error
		alloc := allocated(func() {
			_, err = c.CreateDataSet(t.Context(), input("chain-"+strings.ToLower(string(mode)), mode, 100))
		})
		wantErrorMessage(t, err, "InvalidParameterValueException", 400, want)
		// Generous: the request is 30 KB; before the bound it took
		// gigabytes.
		t.Logf("%s: CreateDataSet of the 100-link chain allocated %.1f MB", mode, float64(alloc)/(1<<20))
		if alloc > 64<<20 {
			t.Errorf("%s: CreateDataSet allocated %d MB", mode, alloc>>20)
		}
	}
	// UpdateDataSet of an existing dataset is bounded the same way.
	out := createDataSet(t, c, input("short", types.DataSetImportModeSpice, 5))
	wantIngestion(t, waitIngestion(t, c, "short", aws.ToString(out.IngestionId)), types.IngestionStatusCompleted, 3, "")
	in := input("short", types.DataSetImportModeDirectQuery, 100)
	_, err = c.UpdateDataSet(t.Context(), &quicksight.UpdateDataSetInput{AwsAccountId: in.AwsAccountId, DataSetId: in.DataSetId, Name: in.Name,
		ImportMode: in.ImportMode, PhysicalTableMap: in.PhysicalTableMap, LogicalTableMap: in.LogicalTableMap})
	wantErrorMessage(t, err, "InvalidParameterValueException", 400, want)

	// Deep nesting in one expression is refused the same way, without
	// recursing 20 000 levels.
	for expression, pos := range map[string]int{
		strings.Repeat("(", 20000) + "{amount}" + strings.Repeat(")", 20000):            201,
		strings.Repeat("-(", 10000) + "{amount}" + strings.Repeat(")", 10000):           201,
		"{amount}" + strings.Repeat(" + 1", 10000):                                      806,
		"in({amount}, " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + ")": 211,
	} {
		in := input("deep", types.DataSetImportModeDirectQuery, 0)
		in.LogicalTableMap["o"] = types.LogicalTable{Alias: aws.String("orders"), Source: &types.LogicalTableSource{PhysicalTableId: aws.String("t")},
			DataTransforms: []types.TransformOperation{&types.TransformOperationMemberCreateColumnsOperation{Value: types.CreateColumnsOperation{Columns: []types.CalculatedColumn{{
				ColumnName: aws.String("deep"), ColumnId: aws.String("deep"), Expression: aws.String(expression),
			}}}}}}
		_, err := c.CreateDataSet(t.Context(), in)
		wantErrorMessage(t, err, "InvalidParameterValueException", 400, fmt.Sprintf(`The expression of calculated field "deep" is invalid: expression is nested too deeply at position %d`, pos))
	}
}

func TestAnalysisCalculatedFieldChainFails(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	createSalesDataSet(t, ts)
	c := ts.adminClient()
	def := salesAnalysisDefinition(t)
	prev := "sales"
	for i := 1; i <= 100; i++ {
		name := fmt.Sprintf("c%d", i)
		def.CalculatedFields = append(def.CalculatedFields, types.CalculatedField{DataSetIdentifier: aws.String("sales"), Name: aws.String(name),
			Expression: aws.String(fmt.Sprintf("{%[1]s} + {%[1]s}", prev))})
		prev = name
	}
	n := len(def.CalculatedFields)
	_, err := c.CreateAnalysis(t.Context(), &quicksight.CreateAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String("chain"), Name: aws.String("Chain"), Definition: def})
	must(t, err)
	an := waitAnalysis(t, c, "chain")
	if an.Status != types.ResourceStatusCreationFailed || len(an.Errors) != 88 {
		t.Fatalf("analysis: %s, %d errors", an.Status, len(an.Errors))
	}
	// c13 is the first link past the bound; every later one contains it.
	wantEqual(t, "first error", an.Errors[0], types.AnalysisError{
		Type:             types.AnalysisErrorTypeInternalFailure,
		Message:          aws.String("The expression of calculated field 'c13' is invalid: expression is too large once the calculated fields it references are expanded (more than 10000 terms) at position 9"),
		ViolatedEntities: []types.Entity{{Path: aws.String(fmt.Sprintf("CalculatedFields[%d]", n-100+12))}},
	})
}
