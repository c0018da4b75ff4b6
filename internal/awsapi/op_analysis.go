package awsapi

import (
	"context"
	"encoding/json"
	"net/http"

	sg "github.com/sightglass/sightglass"
)

const analysesPath = "/accounts/{AwsAccountId}/analyses"

func (s *Server) analysisOps() []*op {
	one := analysesPath + "/{AnalysisId}"
	return []*op{
		{Name: "CreateAnalysis", Method: http.MethodPost, Template: one, Status: http.StatusAccepted, Handle: s.createAnalysis},
		{Name: "DescribeAnalysis", Method: http.MethodGet, Template: one, Status: http.StatusOK, Handle: s.describeAnalysis},
		{Name: "DescribeAnalysisDefinition", Method: http.MethodGet, Template: one + "/definition", Status: http.StatusOK, Handle: s.describeAnalysisDefinition},
		{Name: "UpdateAnalysis", Method: http.MethodPut, Template: one, Status: http.StatusAccepted, Handle: s.updateAnalysis},
		{Name: "DeleteAnalysis", Method: http.MethodDelete, Template: one, Status: http.StatusOK, Handle: s.deleteAnalysis},
		{Name: "RestoreAnalysis", Method: http.MethodPost, Template: "/accounts/{AwsAccountId}/restore/analyses/{AnalysisId}", Status: http.StatusOK, Handle: s.restoreAnalysis},
		{Name: "ListAnalyses", Method: http.MethodGet, Template: analysesPath, Status: http.StatusOK, Handle: s.listAnalyses},
		{Name: "DescribeAnalysisPermissions", Method: http.MethodGet, Template: one + "/permissions", Status: http.StatusOK, Handle: s.describeAnalysisPermissions},
		{Name: "UpdateAnalysisPermissions", Method: http.MethodPut, Template: one + "/permissions", Status: http.StatusOK, Handle: s.updateAnalysisPermissions},
	}
}

type analysisWriteOutput struct {
	meta
	Arn            string
	AnalysisId     string
	CreationStatus string `json:",omitempty"`
	UpdateStatus   string `json:",omitempty"`
}

func (s *Server) createAnalysis(ctx context.Context, in *input) (output, error) {
	var body contentBody
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	an, err := s.app.CreateAnalysis(ctx, in.Labels["AwsAccountId"], in.Labels["AnalysisId"], body.input())
	if err != nil {
		return nil, err
	}
	return &analysisWriteOutput{Arn: s.app.AnalysisARN(an.AccountID, an.ID), AnalysisId: an.ID, CreationStatus: sg.StatusCreationInProgress}, nil
}

func (s *Server) updateAnalysis(ctx context.Context, in *input) (output, error) {
	var body contentBody
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	an, err := s.app.UpdateAnalysis(ctx, in.Labels["AwsAccountId"], in.Labels["AnalysisId"], body.input())
	if err != nil {
		return nil, err
	}
	return &analysisWriteOutput{Arn: s.app.AnalysisARN(an.AccountID, an.ID), AnalysisId: an.ID, UpdateStatus: sg.StatusUpdateInProgress}, nil
}

// analysis is QuickSight's Analysis.
type analysis struct {
	AnalysisId      string
	Arn             string
	Name            string
	Status          string
	Errors          []resourceError `json:",omitempty"`
	DataSetArns     []string
	ThemeArn        string `json:",omitempty"`
	Sheets          []sheet
	CreatedTime     *timestamp
	LastUpdatedTime *timestamp
}

type describeAnalysisOutput struct {
	meta
	Analysis analysis
}

func (s *Server) describeAnalysis(ctx context.Context, in *input) (output, error) {
	v, err := s.app.DescribeAnalysis(ctx, in.Labels["AwsAccountId"], in.Labels["AnalysisId"])
	if err != nil {
		return nil, err
	}
	return &describeAnalysisOutput{Analysis: analysis{
		AnalysisId:      v.ID,
		Arn:             s.app.AnalysisARN(v.AccountID, v.ID),
		Name:            v.Name,
		Status:          v.Status,
		Errors:          toErrors(v.Errors),
		DataSetArns:     v.DataSetARNs,
		ThemeArn:        v.ThemeARN,
		Sheets:          toSheets(v.Sheets),
		CreatedTime:     ts(v.CreatedAt),
		LastUpdatedTime: ts(v.UpdatedAt),
	}}, nil
}

type describeAnalysisDefinitionOutput struct {
	meta
	AnalysisId     string
	Name           string
	ResourceStatus string
	Errors         []resourceError `json:",omitempty"`
	ThemeArn       string          `json:",omitempty"`
	Definition     json.RawMessage `json:",omitempty"`
}

func (s *Server) describeAnalysisDefinition(ctx context.Context, in *input) (output, error) {
	an, err := s.app.DescribeAnalysisDefinition(ctx, in.Labels["AwsAccountId"], in.Labels["AnalysisId"])
	if err != nil {
		return nil, err
	}
	return &describeAnalysisDefinitionOutput{
		AnalysisId:     an.ID,
		Name:           an.Name,
		ResourceStatus: an.Status,
		Errors:         toErrors(an.Errors),
		ThemeArn:       an.ThemeARN,
		Definition:     an.Definition,
	}, nil
}

type deleteAnalysisOutput struct {
	meta
	Arn          string
	AnalysisId   string
	DeletionTime *timestamp
}

func (s *Server) deleteAnalysis(ctx context.Context, in *input) (output, error) {
	days, err := in.queryInt64("recovery-window-in-days")
	if err != nil {
		return nil, err
	}
	force, err := in.queryBool("force-delete-without-recovery")
	if err != nil {
		return nil, err
	}
	acct, id := in.Labels["AwsAccountId"], in.Labels["AnalysisId"]
	at, err := s.app.DeleteAnalysis(ctx, acct, id, days, force)
	if err != nil {
		return nil, err
	}
	return &deleteAnalysisOutput{Arn: s.app.AnalysisARN(acct, id), AnalysisId: id, DeletionTime: ts(at)}, nil
}

type restoreAnalysisOutput struct {
	meta
	Arn                         string
	AnalysisId                  string
	RestorationFailedFolderArns []string `json:",omitempty"`
}

func (s *Server) restoreAnalysis(ctx context.Context, in *input) (output, error) {
	if _, err := in.queryBool("restore-to-folders"); err != nil {
		return nil, err
	}
	an, err := s.app.RestoreAnalysis(ctx, in.Labels["AwsAccountId"], in.Labels["AnalysisId"])
	if err != nil {
		return nil, err
	}
	return &restoreAnalysisOutput{Arn: s.app.AnalysisARN(an.AccountID, an.ID), AnalysisId: an.ID}, nil
}

// analysisSummary is QuickSight's AnalysisSummary.
type analysisSummary struct {
	AnalysisId      string
	Arn             string
	Name            string
	Status          string
	CreatedTime     *timestamp
	LastUpdatedTime *timestamp
}

func (s *Server) toAnalysisSummary(an *sg.Analysis) analysisSummary {
	return analysisSummary{
		AnalysisId: an.ID, Arn: s.app.AnalysisARN(an.AccountID, an.ID), Name: an.Name, Status: an.Status,
		CreatedTime: ts(an.CreatedAt), LastUpdatedTime: ts(an.UpdatedAt),
	}
}

type listAnalysesOutput struct {
	meta
	AnalysisSummaryList []analysisSummary
	NextToken           string `json:",omitempty"`
}

func (s *Server) listAnalyses(ctx context.Context, in *input) (output, error) {
	maxResults, err := in.queryInt("max-results")
	if err != nil {
		return nil, err
	}
	list, next, err := s.app.ListAnalyses(ctx, in.Labels["AwsAccountId"], in.Query.Get("next-token"), maxResults)
	if err != nil {
		return nil, err
	}
	out := &listAnalysesOutput{AnalysisSummaryList: make([]analysisSummary, 0, len(list)), NextToken: next}
	for _, an := range list {
		out.AnalysisSummaryList = append(out.AnalysisSummaryList, s.toAnalysisSummary(an))
	}
	return out, nil
}

type analysisPermissionsOutput struct {
	meta
	AnalysisId  string
	AnalysisArn string
	Permissions []sg.ResourcePermission
}

func (s *Server) describeAnalysisPermissions(ctx context.Context, in *input) (output, error) {
	acct, id := in.Labels["AwsAccountId"], in.Labels["AnalysisId"]
	perms, err := s.app.DescribeAnalysisPermissions(ctx, acct, id)
	if err != nil {
		return nil, err
	}
	return &analysisPermissionsOutput{AnalysisId: id, AnalysisArn: s.app.AnalysisARN(acct, id), Permissions: permissionsOrEmpty(perms)}, nil
}

func (s *Server) updateAnalysisPermissions(ctx context.Context, in *input) (output, error) {
	var body permissionsBody
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	acct, id := in.Labels["AwsAccountId"], in.Labels["AnalysisId"]
	perms, err := s.app.UpdateAnalysisPermissions(ctx, acct, id, body.GrantPermissions, body.RevokePermissions)
	if err != nil {
		return nil, err
	}
	return &analysisPermissionsOutput{AnalysisId: id, AnalysisArn: s.app.AnalysisARN(acct, id), Permissions: permissionsOrEmpty(perms)}, nil
}
