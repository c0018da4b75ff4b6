package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	_ "embed"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/sampledata"
)

// Ids of the first-run sample content.
const (
	SampleDataSourceID = "sample-sales"
	SampleDataSetID    = "sample-sales"
	SampleAnalysisID   = "sample-sales-analysis"
	SampleDashboardID  = "sample-sales-dashboard"
	// SampleFile is the sample database in the data-source directory.
	SampleFile = "sample-sales.sqlite"
)

//go:embed samples/sales.json
var sampleDefinition string

// BootstrapSamples gives a new account something to look at: the "Sample
// sales" SQLite database (100,000 orders), a data source and a
// direct-query dataset over it (unless a dataset SampleDataSetID already
// exists), and, owned by user, a sample analysis and a published sample
// dashboard with two sheets, a dozen visuals of every rendered type, filter
// and parameter controls.
func (a *App) BootstrapSamples(ctx context.Context, accountID string, user *sg.User) error {
	if a.data == nil {
		return nil
	}
	if _, err := a.Store.FindDataSet(ctx, accountID, SampleDataSetID); sg.ErrorCode(err) == sg.ENOTFOUND {
		if err := a.sampleDataSet(ctx, accountID); err != nil {
			return err
		}
	} else if err != nil {
		return err
	}
	def := strings.ReplaceAll(sampleDefinition, "{{DATASET_ARN}}", a.DataSetARN(accountID, SampleDataSetID))
	arn := a.UserARN(user)
	if _, err := a.Store.FindAnalysis(ctx, accountID, SampleAnalysisID); sg.ErrorCode(err) == sg.ENOTFOUND {
		in := &ContentInput{Name: "Sample sales analysis", Definition: json.RawMessage(def),
			Permissions: []sg.ResourcePermission{{Principal: arn, Actions: AnalysisOwnerActions()}}}
		if _, err := a.CreateAnalysis(ctx, accountID, SampleAnalysisID, in); err != nil {
			return fmt.Errorf("sample analysis: %w", err)
		}
	} else if err != nil {
		return err
	}
	if _, err := a.Store.FindDashboard(ctx, accountID, SampleDashboardID); sg.ErrorCode(err) == sg.ENOTFOUND {
		in := &ContentInput{Name: "Sample sales dashboard", Definition: json.RawMessage(def),
			Permissions: []sg.ResourcePermission{{Principal: arn, Actions: DashboardOwnerActions()}}}
		if _, _, err := a.CreateDashboard(ctx, accountID, SampleDashboardID, in); err != nil {
			return fmt.Errorf("sample dashboard: %w", err)
		}
	} else if err != nil {
		return err
	}
	return nil
}

// sampleDataSet writes the sample database (if missing) and creates its
// data source and dataset.
func (a *App) sampleDataSet(ctx context.Context, accountID string) error {
	path := filepath.Join(a.data.cfg.DataSourceDir, SampleFile)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		if err := sampledata.GenerateAt(ctx, path, sampledata.DefaultRows, 1, sampledata.Anchor); err != nil {
			return fmt.Errorf("sample data: %w", err)
		}
	} else if err != nil {
		return err
	}
	if _, err := a.Store.FindDataSource(ctx, accountID, SampleDataSourceID); sg.ErrorCode(err) == sg.ENOTFOUND {
		if _, err := a.CreateSQLiteDataSource(ctx, accountID, SampleDataSourceID, "Sample sales", SampleFile); err != nil {
			return fmt.Errorf("sample data source: %w", err)
		}
	} else if err != nil {
		return err
	}
	var cols []map[string]string
	for _, c := range sampledata.Columns {
		cols = append(cols, map[string]string{"Name": c.Name, "Type": c.InputType})
	}
	physical, _ := json.Marshal(map[string]any{"orders": map[string]any{"RelationalTable": map[string]any{
		"DataSourceArn": sg.QuickSightARN(a.Region, accountID, "datasource/"+SampleDataSourceID),
		"Name":          sampledata.Table,
		"InputColumns":  cols,
	}}})
	_, _, err := a.CreateDataSet(ctx, DataSetInput{AccountID: accountID, DataSetID: SampleDataSetID, Name: "Sample sales",
		ImportMode: sg.ImportDirectQuery, PhysicalTableMap: physical})
	if err != nil {
		return fmt.Errorf("sample dataset: %w", err)
	}
	return nil
}
