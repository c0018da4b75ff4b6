package awsapi

import (
	"context"
	"net/http"

	"github.com/sightglass/sightglass/internal/app"
)

const searchPath = "/accounts/{AwsAccountId}/search"

func (s *Server) searchOps() []*op {
	return []*op{
		{Name: "SearchDashboards", Method: http.MethodPost, Template: searchPath + "/dashboards", Status: http.StatusOK, Handle: s.searchDashboards},
		{Name: "SearchAnalyses", Method: http.MethodPost, Template: searchPath + "/analyses", Status: http.StatusOK, Handle: s.searchAnalyses},
		{Name: "SearchDataSets", Method: http.MethodPost, Template: searchPath + "/data-sets", Status: http.StatusOK, Handle: s.searchDataSets},
		{Name: "SearchDataSources", Method: http.MethodPost, Template: searchPath + "/data-sources", Status: http.StatusOK, Handle: s.searchDataSources},
	}
}

// searchBody is the body the four Search operations share.
type searchBody struct {
	Filters    []app.SearchFilter
	NextToken  string
	MaxResults *int
}

type searchDashboardsOutput struct {
	meta
	DashboardSummaryList []dashboardSummary
	NextToken            string `json:",omitempty"`
}

func (s *Server) searchDashboards(ctx context.Context, in *input) (output, error) {
	var body searchBody
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	list, next, err := s.app.SearchDashboards(ctx, in.Labels["AwsAccountId"], body.Filters, body.NextToken, body.MaxResults)
	if err != nil {
		return nil, err
	}
	out := &searchDashboardsOutput{DashboardSummaryList: make([]dashboardSummary, 0, len(list)), NextToken: next}
	for _, d := range list {
		out.DashboardSummaryList = append(out.DashboardSummaryList, s.toDashboardSummary(d))
	}
	return out, nil
}

type searchAnalysesOutput struct {
	meta
	AnalysisSummaryList []analysisSummary
	NextToken           string `json:",omitempty"`
}

func (s *Server) searchAnalyses(ctx context.Context, in *input) (output, error) {
	var body searchBody
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	list, next, err := s.app.SearchAnalyses(ctx, in.Labels["AwsAccountId"], body.Filters, body.NextToken, body.MaxResults)
	if err != nil {
		return nil, err
	}
	out := &searchAnalysesOutput{AnalysisSummaryList: make([]analysisSummary, 0, len(list)), NextToken: next}
	for _, an := range list {
		out.AnalysisSummaryList = append(out.AnalysisSummaryList, s.toAnalysisSummary(an))
	}
	return out, nil
}

type searchDataSetsOutput struct {
	meta
	DataSetSummaries []dataSetSummary
	NextToken        string `json:",omitempty"`
}

func (s *Server) searchDataSets(ctx context.Context, in *input) (output, error) {
	var body searchBody
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	list, next, err := s.app.SearchDataSets(ctx, in.Labels["AwsAccountId"], body.Filters, body.NextToken, body.MaxResults)
	if err != nil {
		return nil, err
	}
	out := &searchDataSetsOutput{DataSetSummaries: make([]dataSetSummary, 0, len(list)), NextToken: next}
	for _, d := range list {
		out.DataSetSummaries = append(out.DataSetSummaries, s.toDataSetSummary(d))
	}
	return out, nil
}

// dataSourceSummary is QuickSight's DataSourceSummary.
type dataSourceSummary struct {
	Arn             string
	DataSourceId    string
	Name            string
	Type            string
	CreatedTime     *timestamp
	LastUpdatedTime *timestamp
}

type searchDataSourcesOutput struct {
	meta
	DataSourceSummaries []dataSourceSummary
	NextToken           string `json:",omitempty"`
}

func (s *Server) searchDataSources(ctx context.Context, in *input) (output, error) {
	var body searchBody
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	list, next, err := s.app.SearchDataSources(ctx, in.Labels["AwsAccountId"], body.Filters, body.NextToken, body.MaxResults)
	if err != nil {
		return nil, err
	}
	out := &searchDataSourcesOutput{DataSourceSummaries: make([]dataSourceSummary, 0, len(list)), NextToken: next}
	for _, d := range list {
		out.DataSourceSummaries = append(out.DataSourceSummaries, dataSourceSummary{
			Arn: s.app.DataSourceARN(d.AccountID, d.ID), DataSourceId: d.ID, Name: d.Name, Type: d.Type,
			CreatedTime: ts(d.CreatedAt), LastUpdatedTime: ts(d.UpdatedAt),
		})
	}
	return out, nil
}
