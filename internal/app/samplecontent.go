package app

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	_ "embed"

	sg "github.com/sightglass/sightglass"
)

// Ids of the first-run sample analysis and dashboard.
const (
	SampleAnalysisID  = "sample-sales-analysis"
	SampleDashboardID = "sample-sales-dashboard"
)

//go:embed samples/sales.json
var sampleDefinition string

// CreateSampleContent gives a new account something to look at over the
// Sample sales dataset (see CreateSampleData): a sample analysis and a
// published sample dashboard owned by user, with two sheets, a dozen
// visuals of every rendered type (and one that is not rendered yet),
// filter and parameter controls. What already exists is left alone.
func (a *App) CreateSampleContent(ctx context.Context, accountID string, user *sg.User) error {
	def := strings.ReplaceAll(sampleDefinition, "{{DATASET_ARN}}", a.DataSetARN(accountID, SampleDataSetID))
	arn := a.UserARN(user)
	if _, err := a.Store.FindAnalysis(ctx, accountID, SampleAnalysisID); sg.ErrorCode(err) == sg.ENOTFOUND {
		in := &ContentInput{Name: "Sample sales analysis", Definition: json.RawMessage(def),
			Permissions: []sg.ResourcePermission{{Principal: arn, Actions: AnalysisOwnerActions()}}}
		if _, err := a.createAnalysis(ctx, accountID, SampleAnalysisID, in, true); err != nil {
			return fmt.Errorf("sample analysis: %w", err)
		}
	} else if err != nil {
		return err
	}
	if _, err := a.Store.FindDashboard(ctx, accountID, SampleDashboardID); sg.ErrorCode(err) == sg.ENOTFOUND {
		in := &ContentInput{Name: "Sample sales dashboard", Definition: json.RawMessage(def),
			Permissions: []sg.ResourcePermission{{Principal: arn, Actions: DashboardOwnerActions()}}}
		if err := a.createSampleDashboard(ctx, accountID, SampleDashboardID, in); err != nil {
			return fmt.Errorf("sample dashboard: %w", err)
		}
	} else if err != nil {
		return err
	}
	return nil
}
