package awsapi

import (
	"context"
	"encoding/json"
	"net/http"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
)

const dataSourcesPath = "/accounts/{AwsAccountId}/data-sources"

func (s *Server) dataSourceOps() []*op {
	return []*op{
		// QuickSight answers 202 to the asynchronous create and update.
		{Name: "CreateDataSource", Method: http.MethodPost, Template: dataSourcesPath, Status: http.StatusAccepted, Handle: s.createDataSource},
		{Name: "ListDataSources", Method: http.MethodGet, Template: dataSourcesPath, Status: http.StatusOK, Handle: s.listDataSources},
		{Name: "DescribeDataSource", Method: http.MethodGet, Template: dataSourcesPath + "/{DataSourceId}", Status: http.StatusOK, Handle: s.describeDataSource},
		{Name: "UpdateDataSource", Method: http.MethodPut, Template: dataSourcesPath + "/{DataSourceId}", Status: http.StatusAccepted, Handle: s.updateDataSource},
		{Name: "DeleteDataSource", Method: http.MethodDelete, Template: dataSourcesPath + "/{DataSourceId}", Status: http.StatusOK, Handle: s.deleteDataSource},
		{Name: "DescribeDataSourcePermissions", Method: http.MethodGet, Template: dataSourcesPath + "/{DataSourceId}/permissions", Status: http.StatusOK, Handle: s.describeDataSourcePermissions},
		{Name: "UpdateDataSourcePermissions", Method: http.MethodPost, Template: dataSourcesPath + "/{DataSourceId}/permissions", Status: http.StatusOK, Handle: s.updateDataSourcePermissions},
	}
}

// dataSource is QuickSight's DataSource shape. Credentials are never part
// of it.
type dataSource struct {
	Arn                     string
	DataSourceId            string
	Name                    string
	Type                    string
	Status                  string
	CreatedTime             *timestamp      `json:",omitempty"`
	LastUpdatedTime         *timestamp      `json:",omitempty"`
	DataSourceParameters    json.RawMessage `json:",omitempty"`
	SslProperties           json.RawMessage `json:",omitempty"`
	VpcConnectionProperties json.RawMessage `json:",omitempty"`
	ErrorInfo               *errorInfo      `json:",omitempty"`
}

// errorInfo is DataSourceErrorInfo and an ingestion's ErrorInfo.
type errorInfo struct {
	Type    string
	Message string
}

func newErrorInfo(typ, msg string) *errorInfo {
	if typ == "" && msg == "" {
		return nil
	}
	return &errorInfo{Type: typ, Message: msg}
}

func (s *Server) toDataSource(d *sg.DataSource) dataSource {
	return dataSource{
		Arn:                     s.app.DataSourceARN(d.AccountID, d.ID),
		DataSourceId:            d.ID,
		Name:                    d.Name,
		Type:                    d.Type,
		Status:                  d.Status,
		CreatedTime:             ts(d.CreatedAt),
		LastUpdatedTime:         ts(d.UpdatedAt),
		DataSourceParameters:    d.Parameters,
		SslProperties:           d.SSLProperties,
		VpcConnectionProperties: d.VPCConnectionProperties,
		ErrorInfo:               newErrorInfo(d.ErrorType, d.ErrorMessage),
	}
}

// dataSourceBody is the body of CreateDataSource and UpdateDataSource.
type dataSourceBody struct {
	DataSourceId            string
	Name                    string
	Type                    string
	DataSourceParameters    json.RawMessage
	Credentials             *app.Credentials
	Permissions             []sg.ResourcePermission
	SslProperties           json.RawMessage
	VpcConnectionProperties json.RawMessage
	Tags                    []sg.Tag
	FolderArns              []string
}

func (b *dataSourceBody) input(accountID string) app.DataSourceInput {
	return app.DataSourceInput{
		AccountID:    accountID,
		DataSourceID: b.DataSourceId,
		Name:         b.Name,
		Type:         b.Type,
		Parameters:   b.DataSourceParameters,
		Credentials:  b.Credentials,
		Permissions:  b.Permissions,
		SSL:          b.SslProperties,
		VPC:          b.VpcConnectionProperties,
		Tags:         b.Tags,
		FolderArns:   b.FolderArns,
	}
}

type createDataSourceOutput struct {
	meta
	Arn            string
	DataSourceId   string
	CreationStatus string
}

func (s *Server) createDataSource(ctx context.Context, in *input) (output, error) {
	var body dataSourceBody
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	d, err := s.app.CreateDataSource(ctx, body.input(in.Labels["AwsAccountId"]))
	if err != nil {
		return nil, err
	}
	return &createDataSourceOutput{Arn: s.app.DataSourceARN(d.AccountID, d.ID), DataSourceId: d.ID, CreationStatus: d.Status}, nil
}

type describeDataSourceOutput struct {
	meta
	DataSource dataSource
}

func (s *Server) describeDataSource(ctx context.Context, in *input) (output, error) {
	d, err := s.app.DescribeDataSource(ctx, in.Labels["AwsAccountId"], in.Labels["DataSourceId"])
	if err != nil {
		return nil, err
	}
	return &describeDataSourceOutput{DataSource: s.toDataSource(d)}, nil
}

type listDataSourcesOutput struct {
	meta
	DataSources []dataSource
	NextToken   string `json:",omitempty"`
}

func (s *Server) listDataSources(ctx context.Context, in *input) (output, error) {
	maxResults, err := in.queryInt("max-results")
	if err != nil {
		return nil, err
	}
	list, next, err := s.app.ListDataSources(ctx, in.Labels["AwsAccountId"], in.Query.Get("next-token"), maxResults)
	if err != nil {
		return nil, err
	}
	out := &listDataSourcesOutput{DataSources: make([]dataSource, 0, len(list)), NextToken: next}
	for _, d := range list {
		out.DataSources = append(out.DataSources, s.toDataSource(d))
	}
	return out, nil
}

type updateDataSourceOutput struct {
	meta
	Arn          string
	DataSourceId string
	UpdateStatus string
}

func (s *Server) updateDataSource(ctx context.Context, in *input) (output, error) {
	var body dataSourceBody
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	input := body.input(in.Labels["AwsAccountId"])
	input.DataSourceID = in.Labels["DataSourceId"]
	d, err := s.app.UpdateDataSource(ctx, input)
	if err != nil {
		return nil, err
	}
	return &updateDataSourceOutput{Arn: s.app.DataSourceARN(d.AccountID, d.ID), DataSourceId: d.ID, UpdateStatus: d.Status}, nil
}

type dataSourceIDOutput struct {
	meta
	Arn          string
	DataSourceId string
}

func (s *Server) deleteDataSource(ctx context.Context, in *input) (output, error) {
	acct, id := in.Labels["AwsAccountId"], in.Labels["DataSourceId"]
	if err := s.app.DeleteDataSource(ctx, acct, id); err != nil {
		return nil, err
	}
	return &dataSourceIDOutput{Arn: s.app.DataSourceARN(acct, id), DataSourceId: id}, nil
}

type dataSourcePermissionsOutput struct {
	meta
	DataSourceArn string
	DataSourceId  string
	Permissions   []sg.ResourcePermission `json:",omitempty"`
}

// permissionsOrEmpty returns perms, or an empty list for none.
func permissionsOrEmpty(perms []sg.ResourcePermission) []sg.ResourcePermission {
	if perms == nil {
		return []sg.ResourcePermission{}
	}
	return perms
}

func (s *Server) describeDataSourcePermissions(ctx context.Context, in *input) (output, error) {
	d, err := s.app.DescribeDataSourcePermissions(ctx, in.Labels["AwsAccountId"], in.Labels["DataSourceId"])
	if err != nil {
		return nil, err
	}
	return &dataSourcePermissionsOutput{DataSourceArn: s.app.DataSourceARN(d.AccountID, d.ID), DataSourceId: d.ID, Permissions: permissionsOrEmpty(d.Permissions)}, nil
}

// permissionsBody is the body of the Update…Permissions operations.
type permissionsBody struct {
	GrantPermissions  []sg.ResourcePermission
	RevokePermissions []sg.ResourcePermission
}

func (s *Server) updateDataSourcePermissions(ctx context.Context, in *input) (output, error) {
	var body permissionsBody
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	d, err := s.app.UpdateDataSourcePermissions(ctx, in.Labels["AwsAccountId"], in.Labels["DataSourceId"], body.GrantPermissions, body.RevokePermissions)
	if err != nil {
		return nil, err
	}
	return &dataSourcePermissionsOutput{DataSourceArn: s.app.DataSourceARN(d.AccountID, d.ID), DataSourceId: d.ID}, nil
}
