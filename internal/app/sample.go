package app

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/sampledata"
)

// The sample a new server offers: a SQLITE data source on a generated file
// and a dataset over it with calculated fields.
const (
	SampleDataSourceID = "sample-sales"
	SampleDataSetID    = "sample-sales"
	SampleFile         = "sample-sales.sqlite"
	sampleName         = "Sample sales"
	sampleSeed         = 1
)

// sampleFields are the sample dataset's calculated fields.
var sampleFields = []struct{ Name, Expression string }{
	{"margin", "ifelse({revenue} = 0, 0, {profit} / {revenue})"},
	{"order_year", "extract('YYYY', {order_date})"},
	{"order_quarter", "extract('Q', {order_date})"},
	{"days_to_ship", "dateDiff({order_date}, {ship_date})"},
}

// CreateSampleData generates the "Sample sales" file (rows orders) in the
// data-source directory if it is missing, and creates the SQLITE data
// source and a DIRECT_QUERY dataset over it in the account. The server
// calls it on its first start.
func (a *App) CreateSampleData(ctx context.Context, accountID string, rows int) (*sg.DataSet, error) {
	if a.data == nil {
		return nil, sg.Errorf(sg.EUNAVAILABLE, "Data sources are not configured on this server.")
	}
	path := filepath.Join(a.data.cfg.DataSourceDir, SampleFile)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		if err := sampledata.Generate(path, rows, sampleSeed); err != nil {
			return nil, err
		}
	} else if err != nil {
		return nil, err
	}
	src, err := a.CreateSQLiteDataSource(ctx, accountID, SampleDataSourceID, sampleName, SampleFile)
	if err != nil {
		return nil, err
	}
	type inputColumn struct{ Name, Type string }
	cols := make([]inputColumn, 0, len(sampledata.Columns))
	for _, c := range sampledata.Columns {
		cols = append(cols, inputColumn{c.Name, c.InputType})
	}
	physical, _ := json.Marshal(map[string]any{"orders": map[string]any{"RelationalTable": map[string]any{
		"DataSourceArn": a.DataSourceARN(accountID, src.ID), "Name": sampledata.Table, "InputColumns": cols,
	}}})
	type calculated struct{ ColumnName, ColumnId, Expression string }
	var fields []calculated
	for _, f := range sampleFields {
		fields = append(fields, calculated{f.Name, f.Name, f.Expression})
	}
	logical, _ := json.Marshal(map[string]any{"sales": map[string]any{
		"Alias":          sampleName,
		"Source":         map[string]string{"PhysicalTableId": "orders"},
		"DataTransforms": []any{map[string]any{"CreateColumnsOperation": map[string]any{"Columns": fields}}},
	}})
	d, _, err := a.CreateDataSet(ctx, DataSetInput{
		AccountID:        accountID,
		DataSetID:        SampleDataSetID,
		Name:             sampleName,
		ImportMode:       sg.ImportDirectQuery,
		PhysicalTableMap: physical,
		LogicalTableMap:  logical,
	})
	return d, err
}
