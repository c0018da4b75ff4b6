//lint:file-ignore SA1019 LogicalTableMap is what Sightglass implements (the legacy data preparation experience)

package e2e

// Calculation-language functions over the wire: an unsupported format
// token is refused with the modeled error naming it, and a chain of
// calculated columns through a function whose SQL repeats its operand
// (addWorkDays) is refused at the expression bound with little memory
// (the engine, flattening the nested SELECTs, would expand each link 18
// times).

import (
	"errors"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/aws/smithy-go"
)

// Not parallel: the allocation measured is the whole process's.
func TestCalcFunctionsRefusedOverTheWire(t *testing.T) {
	ts := startServer(t)
	c := ts.adminClient()
	sqliteSource(t, ts.Config.DataSourceDir, "shop.sqlite")
	_, err := ts.App.CreateSQLiteDataSource(t.Context(), accountID, "shop", "Shop", "shop.sqlite")
	must(t, err)
	input := func(id string, columns ...[2]string) *quicksight.CreateDataSetInput {
		var ops []types.TransformOperation
		for _, col := range columns {
			ops = append(ops, &types.TransformOperationMemberCreateColumnsOperation{Value: types.CreateColumnsOperation{Columns: []types.CalculatedColumn{{
				ColumnName: aws.String(col[0]), ColumnId: aws.String(col[0]), Expression: aws.String(col[1]),
			}}}})
		}
		return &quicksight.CreateDataSetInput{
			AwsAccountId: aws.String(accountID), DataSetId: aws.String(id), Name: aws.String(id), ImportMode: types.DataSetImportModeDirectQuery,
			PhysicalTableMap: map[string]types.PhysicalTable{"t": &types.PhysicalTableMemberRelationalTable{Value: types.RelationalTable{
				DataSourceArn: aws.String(dataSourceARN("shop")), Name: aws.String("orders"),
				InputColumns: []types.InputColumn{col("id", types.InputColumnDataTypeInteger), col("region", types.InputColumnDataTypeString), col("amount", types.InputColumnDataTypeDecimal)},
			}}},
			LogicalTableMap: map[string]types.LogicalTable{"o": {Alias: aws.String("orders"), Source: &types.LogicalTableSource{PhysicalTableId: aws.String("t")}, DataTransforms: ops}},
		}
	}

	_, err = c.CreateDataSet(t.Context(), input("token", [2]string{"f", "formatDate(epochDate(decimalToInt({amount})), 'yyyy-QQ')"}))
	wantErrorMessage(t, err, "InvalidParameterValueException", 400,
		`The expression of calculated field "f" is invalid: formatDate: unsupported format token "QQ" at position 47`)

	// The functions compile: the same dataset with supported forms.
	createDataSet(t, c, input("ok",
		[2]string{"f", "formatDate(addWorkDays(epochDate(decimalToInt({amount}) * 86400), 3), 'EEE d MMM yyyy')"},
		[2]string{"s", "split(concat({region}, '||x'), '|', 2)"},
		[2]string{"p", "parseDate('1/18/1982', 'MM/dd/yyyy')"},
	))

	chain := [][2]string{{"c1", "addWorkDays(epochDate(decimalToInt({amount})), 1)"}}
	for i := 2; i <= 8; i++ {
		chain = append(chain, [2]string{fmt.Sprintf("c%d", i), fmt.Sprintf("addWorkDays({c%d}, 1)", i-1)})
	}
	alloc := allocated(func() { _, err = c.CreateDataSet(t.Context(), input("chain", chain...)) })
	wantError(t, err, "InvalidParameterValueException", 400)
	var ae smithy.APIError
	errors.As(err, &ae)
	if want := `The expression of calculated field "c3" is invalid: expression is too large once the calculated fields it references are expanded (more than 10000 terms) at position 13`; ae.ErrorMessage() != want {
		t.Errorf("message %q, want %q", ae.ErrorMessage(), want)
	}
	// Eight links would be about 16^8 copies of the first column.
	t.Logf("CreateDataSet of the 8-link chain allocated %.1f MB", float64(alloc)/(1<<20))
	if alloc > 256<<20 {
		t.Errorf("CreateDataSet allocated %d MB", alloc>>20)
	}
}
