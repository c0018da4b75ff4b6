package awsapi

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"

	sg "github.com/sightglass/sightglass"
)

const dashboardsPath = "/accounts/{AwsAccountId}/dashboards"

func (s *Server) dashboardOps() []*op {
	one := dashboardsPath + "/{DashboardId}"
	return []*op{
		{Name: "CreateDashboard", Method: http.MethodPost, Template: one, Status: http.StatusAccepted, Handle: s.createDashboard},
		{Name: "DescribeDashboard", Method: http.MethodGet, Template: one, Status: http.StatusOK, Handle: s.describeDashboard},
		{Name: "DescribeDashboardDefinition", Method: http.MethodGet, Template: one + "/definition", Status: http.StatusOK, Handle: s.describeDashboardDefinition},
		{Name: "UpdateDashboard", Method: http.MethodPut, Template: one, Status: http.StatusOK, Handle: s.updateDashboard},
		{Name: "UpdateDashboardPublishedVersion", Method: http.MethodPut, Template: one + "/versions/{VersionNumber}", Status: http.StatusOK, Handle: s.updateDashboardPublishedVersion},
		{Name: "ListDashboardVersions", Method: http.MethodGet, Template: one + "/versions", Status: http.StatusOK, Handle: s.listDashboardVersions},
		{Name: "ListDashboards", Method: http.MethodGet, Template: dashboardsPath, Status: http.StatusOK, Handle: s.listDashboards},
		{Name: "DeleteDashboard", Method: http.MethodDelete, Template: one, Status: http.StatusOK, Handle: s.deleteDashboard},
		{Name: "DescribeDashboardPermissions", Method: http.MethodGet, Template: one + "/permissions", Status: http.StatusOK, Handle: s.describeDashboardPermissions},
		{Name: "UpdateDashboardPermissions", Method: http.MethodPut, Template: one + "/permissions", Status: http.StatusOK, Handle: s.updateDashboardPermissions},
	}
}

// dashboardWriteOutput is the output of CreateDashboard and
// UpdateDashboard. UpdateDashboard's Status is read from the body only.
type dashboardWriteOutput struct {
	meta
	Arn            string
	VersionArn     string
	DashboardId    string
	CreationStatus string
}

func (s *Server) decodeDashboardBody(in *input) (*contentBody, error) {
	var body contentBody
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	if body.LinkSharingConfiguration != nil && len(body.LinkSharingConfiguration.Permissions) > 0 {
		return nil, sg.Errorf(sg.EINVALID, "LinkSharingConfiguration permissions (sharing with everyone in the account) are not supported by Sightglass.")
	}
	return &body, nil
}

func (s *Server) createDashboard(ctx context.Context, in *input) (output, error) {
	body, err := s.decodeDashboardBody(in)
	if err != nil {
		return nil, err
	}
	d, v, err := s.app.CreateDashboard(ctx, in.Labels["AwsAccountId"], in.Labels["DashboardId"], body.input())
	if err != nil {
		return nil, err
	}
	return &dashboardWriteOutput{Arn: s.app.DashboardARN(d.AccountID, d.ID), VersionArn: s.app.DashboardVersionARN(d.AccountID, d.ID, v.Number), DashboardId: d.ID, CreationStatus: sg.StatusCreationInProgress}, nil
}

func (s *Server) updateDashboard(ctx context.Context, in *input) (output, error) {
	body, err := s.decodeDashboardBody(in)
	if err != nil {
		return nil, err
	}
	d, v, err := s.app.UpdateDashboard(ctx, in.Labels["AwsAccountId"], in.Labels["DashboardId"], body.input())
	if err != nil {
		return nil, err
	}
	return &dashboardWriteOutput{Arn: s.app.DashboardARN(d.AccountID, d.ID), VersionArn: s.app.DashboardVersionARN(d.AccountID, d.ID, v.Number), DashboardId: d.ID, CreationStatus: sg.StatusCreationInProgress}, nil
}

// dashboardVersion is QuickSight's DashboardVersion.
type dashboardVersion struct {
	Arn             string
	VersionNumber   int64
	Status          string
	Errors          []resourceError `json:",omitempty"`
	CreatedTime     *timestamp
	Description     string `json:",omitempty"`
	SourceEntityArn string `json:",omitempty"`
	ThemeArn        string `json:",omitempty"`
	DataSetArns     []string
	Sheets          []sheet
}

// dashboard is QuickSight's Dashboard.
type dashboard struct {
	DashboardId       string
	Arn               string
	Name              string
	Version           dashboardVersion
	CreatedTime       *timestamp
	LastPublishedTime *timestamp
	LastUpdatedTime   *timestamp
	LinkEntities      []string `json:",omitempty"`
}

type describeDashboardOutput struct {
	meta
	Dashboard dashboard
}

// versionQuery reads the version-number and alias-name query members.
func versionQuery(in *input) (*int64, string, error) {
	n, err := in.queryInt64("version-number")
	return n, in.Query.Get("alias-name"), err
}

func (s *Server) describeDashboard(ctx context.Context, in *input) (output, error) {
	n, alias, err := versionQuery(in)
	if err != nil {
		return nil, err
	}
	v, err := s.app.DescribeDashboard(ctx, in.Labels["AwsAccountId"], in.Labels["DashboardId"], n, alias)
	if err != nil {
		return nil, err
	}
	return &describeDashboardOutput{Dashboard: dashboard{
		DashboardId: v.ID,
		Arn:         s.app.DashboardARN(v.AccountID, v.ID),
		Name:        v.Name,
		Version: dashboardVersion{
			Arn:             s.app.DashboardVersionARN(v.AccountID, v.ID, v.Version.Number),
			VersionNumber:   v.Version.Number,
			Status:          v.Version.Status,
			Errors:          toErrors(v.Version.Errors),
			CreatedTime:     ts(v.Version.CreatedAt),
			Description:     v.Version.Description,
			SourceEntityArn: v.Version.SourceEntityARN,
			ThemeArn:        v.Version.ThemeARN,
			DataSetArns:     v.DataSetARNs,
			Sheets:          toSheets(v.Sheets),
		},
		CreatedTime:       ts(v.CreatedAt),
		LastPublishedTime: ts(v.LastPublishedAt),
		LastUpdatedTime:   ts(v.UpdatedAt),
		LinkEntities:      v.LinkEntities,
	}}, nil
}

type describeDashboardDefinitionOutput struct {
	meta
	DashboardId             string
	Name                    string
	ResourceStatus          string
	Errors                  []resourceError `json:",omitempty"`
	ThemeArn                string          `json:",omitempty"`
	Definition              json.RawMessage `json:",omitempty"`
	DashboardPublishOptions json.RawMessage `json:",omitempty"`
}

func (s *Server) describeDashboardDefinition(ctx context.Context, in *input) (output, error) {
	n, alias, err := versionQuery(in)
	if err != nil {
		return nil, err
	}
	d, v, err := s.app.DescribeDashboardDefinition(ctx, in.Labels["AwsAccountId"], in.Labels["DashboardId"], n, alias)
	if err != nil {
		return nil, err
	}
	return &describeDashboardDefinitionOutput{
		DashboardId:             d.ID,
		Name:                    d.Name,
		ResourceStatus:          v.Status,
		Errors:                  toErrors(v.Errors),
		ThemeArn:                v.ThemeARN,
		Definition:              v.Definition,
		DashboardPublishOptions: v.PublishOptions,
	}, nil
}

type publishedVersionOutput struct {
	meta
	DashboardId  string
	DashboardArn string
}

func (s *Server) updateDashboardPublishedVersion(ctx context.Context, in *input) (output, error) {
	n, err := strconv.ParseInt(in.Labels["VersionNumber"], 10, 64)
	if err != nil {
		return nil, sg.Errorf(sg.EINVALID, "VersionNumber must be an integer, got '%s'.", in.Labels["VersionNumber"])
	}
	d, err := s.app.UpdateDashboardPublishedVersion(ctx, in.Labels["AwsAccountId"], in.Labels["DashboardId"], n)
	if err != nil {
		return nil, err
	}
	return &publishedVersionOutput{DashboardId: d.ID, DashboardArn: s.app.DashboardARN(d.AccountID, d.ID)}, nil
}

// dashboardVersionSummary is QuickSight's DashboardVersionSummary.
type dashboardVersionSummary struct {
	Arn             string
	VersionNumber   int64
	Status          string
	CreatedTime     *timestamp
	Description     string `json:",omitempty"`
	SourceEntityArn string `json:",omitempty"`
}

type listDashboardVersionsOutput struct {
	meta
	DashboardVersionSummaryList []dashboardVersionSummary
	NextToken                   string `json:",omitempty"`
}

func (s *Server) listDashboardVersions(ctx context.Context, in *input) (output, error) {
	maxResults, err := in.queryInt("max-results")
	if err != nil {
		return nil, err
	}
	acct, id := in.Labels["AwsAccountId"], in.Labels["DashboardId"]
	list, next, err := s.app.ListDashboardVersions(ctx, acct, id, in.Query.Get("next-token"), maxResults)
	if err != nil {
		return nil, err
	}
	out := &listDashboardVersionsOutput{DashboardVersionSummaryList: make([]dashboardVersionSummary, 0, len(list)), NextToken: next}
	for _, v := range list {
		out.DashboardVersionSummaryList = append(out.DashboardVersionSummaryList, dashboardVersionSummary{
			Arn: s.app.DashboardVersionARN(acct, id, v.Number), VersionNumber: v.Number, Status: v.Status,
			CreatedTime: ts(v.CreatedAt), Description: v.Description, SourceEntityArn: v.SourceEntityARN,
		})
	}
	return out, nil
}

// dashboardSummary is QuickSight's DashboardSummary.
type dashboardSummary struct {
	DashboardId            string
	Arn                    string
	Name                   string
	PublishedVersionNumber int64 `json:",omitempty"`
	CreatedTime            *timestamp
	LastPublishedTime      *timestamp
	LastUpdatedTime        *timestamp
}

func (s *Server) toDashboardSummary(d *sg.Dashboard) dashboardSummary {
	return dashboardSummary{
		DashboardId: d.ID, Arn: s.app.DashboardARN(d.AccountID, d.ID), Name: d.Name, PublishedVersionNumber: d.PublishedVersion,
		CreatedTime: ts(d.CreatedAt), LastPublishedTime: ts(d.LastPublishedAt), LastUpdatedTime: ts(d.UpdatedAt),
	}
}

type listDashboardsOutput struct {
	meta
	DashboardSummaryList []dashboardSummary
	NextToken            string `json:",omitempty"`
}

func (s *Server) listDashboards(ctx context.Context, in *input) (output, error) {
	maxResults, err := in.queryInt("max-results")
	if err != nil {
		return nil, err
	}
	list, next, err := s.app.ListDashboards(ctx, in.Labels["AwsAccountId"], in.Query.Get("next-token"), maxResults)
	if err != nil {
		return nil, err
	}
	out := &listDashboardsOutput{DashboardSummaryList: make([]dashboardSummary, 0, len(list)), NextToken: next}
	for _, d := range list {
		out.DashboardSummaryList = append(out.DashboardSummaryList, s.toDashboardSummary(d))
	}
	return out, nil
}

type deleteDashboardOutput struct {
	meta
	Arn         string
	DashboardId string
}

func (s *Server) deleteDashboard(ctx context.Context, in *input) (output, error) {
	n, err := in.queryInt64("version-number")
	if err != nil {
		return nil, err
	}
	acct, id := in.Labels["AwsAccountId"], in.Labels["DashboardId"]
	if err := s.app.DeleteDashboard(ctx, acct, id, n); err != nil {
		return nil, err
	}
	return &deleteDashboardOutput{Arn: s.app.DashboardARN(acct, id), DashboardId: id}, nil
}

type dashboardPermissionsOutput struct {
	meta
	DashboardId  string
	DashboardArn string
	Permissions  []sg.ResourcePermission
}

func (s *Server) describeDashboardPermissions(ctx context.Context, in *input) (output, error) {
	acct, id := in.Labels["AwsAccountId"], in.Labels["DashboardId"]
	perms, err := s.app.DescribeDashboardPermissions(ctx, acct, id)
	if err != nil {
		return nil, err
	}
	return &dashboardPermissionsOutput{DashboardId: id, DashboardArn: s.app.DashboardARN(acct, id), Permissions: permissionsOrEmpty(perms)}, nil
}

func (s *Server) updateDashboardPermissions(ctx context.Context, in *input) (output, error) {
	var body dashboardPermissionsBody
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	acct, id := in.Labels["AwsAccountId"], in.Labels["DashboardId"]
	perms, err := s.app.UpdateDashboardPermissions(ctx, acct, id, body.GrantPermissions, body.RevokePermissions, body.GrantLinkPermissions, body.RevokeLinkPermissions)
	if err != nil {
		return nil, err
	}
	return &dashboardPermissionsOutput{DashboardId: id, DashboardArn: s.app.DashboardARN(acct, id), Permissions: permissionsOrEmpty(perms)}, nil
}
