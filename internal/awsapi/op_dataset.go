package awsapi

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
)

const dataSetsPath = "/accounts/{AwsAccountId}/data-sets"

func (s *Server) dataSetOps() []*op {
	return []*op{
		// QuickSight answers 201 to CreateDataSet.
		{Name: "CreateDataSet", Method: http.MethodPost, Template: dataSetsPath, Status: http.StatusCreated, Handle: s.createDataSet},
		{Name: "ListDataSets", Method: http.MethodGet, Template: dataSetsPath, Status: http.StatusOK, Handle: s.listDataSets},
		{Name: "DescribeDataSet", Method: http.MethodGet, Template: dataSetsPath + "/{DataSetId}", Status: http.StatusOK, Handle: s.describeDataSet},
		{Name: "UpdateDataSet", Method: http.MethodPut, Template: dataSetsPath + "/{DataSetId}", Status: http.StatusOK, Handle: s.updateDataSet},
		{Name: "DeleteDataSet", Method: http.MethodDelete, Template: dataSetsPath + "/{DataSetId}", Status: http.StatusOK, Handle: s.deleteDataSet},
		{Name: "DescribeDataSetPermissions", Method: http.MethodGet, Template: dataSetsPath + "/{DataSetId}/permissions", Status: http.StatusOK, Handle: s.describeDataSetPermissions},
		{Name: "UpdateDataSetPermissions", Method: http.MethodPost, Template: dataSetsPath + "/{DataSetId}/permissions", Status: http.StatusOK, Handle: s.updateDataSetPermissions},
	}
}

// dataSetBody is the body of CreateDataSet and UpdateDataSet; the members
// of app.DataSetExtraMembers are read separately, as raw JSON.
type dataSetBody struct {
	DataSetId        string
	Name             string
	ImportMode       string
	PhysicalTableMap json.RawMessage
	LogicalTableMap  json.RawMessage
	Permissions      []sg.ResourcePermission
	Tags             []sg.Tag
	FolderArns       []string
}

func decodeDataSet(in *input, accountID string) (app.DataSetInput, error) {
	var body dataSetBody
	if err := in.decode(&body); err != nil {
		return app.DataSetInput{}, err
	}
	var all map[string]json.RawMessage
	if err := in.decode(&all); err != nil {
		return app.DataSetInput{}, err
	}
	extra := map[string]json.RawMessage{}
	for k, v := range all {
		if slices.Contains(app.DataSetExtraMembers, k) && string(v) != "null" {
			extra[k] = v
		}
	}
	return app.DataSetInput{
		AccountID:        accountID,
		DataSetID:        body.DataSetId,
		Name:             body.Name,
		ImportMode:       body.ImportMode,
		PhysicalTableMap: body.PhysicalTableMap,
		LogicalTableMap:  body.LogicalTableMap,
		Extra:            extra,
		Permissions:      body.Permissions,
		Tags:             body.Tags,
		FolderArns:       body.FolderArns,
	}, nil
}

type dataSetWriteOutput struct {
	meta
	Arn          string
	DataSetId    string
	IngestionArn string `json:",omitempty"`
	IngestionId  string `json:",omitempty"`
}

func (s *Server) dataSetWritten(d *sg.DataSet, ing *sg.Ingestion) *dataSetWriteOutput {
	out := &dataSetWriteOutput{Arn: s.app.DataSetARN(d.AccountID, d.ID), DataSetId: d.ID}
	if ing != nil {
		out.IngestionArn, out.IngestionId = s.app.IngestionARN(ing.AccountID, ing.DataSetID, ing.ID), ing.ID
	}
	return out
}

func (s *Server) createDataSet(ctx context.Context, in *input) (output, error) {
	input, err := decodeDataSet(in, in.Labels["AwsAccountId"])
	if err != nil {
		return nil, err
	}
	d, ing, err := s.app.CreateDataSet(ctx, input)
	if err != nil {
		return nil, err
	}
	return s.dataSetWritten(d, ing), nil
}

func (s *Server) updateDataSet(ctx context.Context, in *input) (output, error) {
	input, err := decodeDataSet(in, in.Labels["AwsAccountId"])
	if err != nil {
		return nil, err
	}
	input.DataSetID = in.Labels["DataSetId"]
	d, ing, err := s.app.UpdateDataSet(ctx, input)
	if err != nil {
		return nil, err
	}
	return s.dataSetWritten(d, ing), nil
}

// dataSet is QuickSight's DataSet shape: the table maps as the client sent
// them, the other stored members, and the derived output columns.
type dataSet map[string]any

type outputColumn struct {
	Name        string
	Type        string
	Description string `json:",omitempty"`
}

func (s *Server) toDataSet(d *sg.DataSet) dataSet {
	out := dataSet{}
	if len(d.Extra) > 0 {
		var extra map[string]json.RawMessage
		if json.Unmarshal(d.Extra, &extra) == nil {
			for k, v := range extra {
				out[k] = v
			}
		}
	}
	cols := make([]outputColumn, len(d.OutputColumns))
	for i, c := range d.OutputColumns {
		cols[i] = outputColumn{Name: c.Name, Type: columnDataType(c.Type), Description: c.Description}
	}
	out["Arn"] = s.app.DataSetARN(d.AccountID, d.ID)
	out["DataSetId"] = d.ID
	out["Name"] = d.Name
	out["CreatedTime"] = timestamp(d.CreatedAt)
	out["LastUpdatedTime"] = timestamp(d.UpdatedAt)
	out["ImportMode"] = d.ImportMode
	out["PhysicalTableMap"] = json.RawMessage(d.PhysicalTableMap)
	if d.LogicalTableMap != nil {
		out["LogicalTableMap"] = json.RawMessage(d.LogicalTableMap)
	}
	out["OutputColumns"] = cols
	out["ConsumedSpiceCapacityInBytes"] = d.SPICEBytes
	return out
}

// columnDataType maps a dataset column type to QuickSight's ColumnDataType.
func columnDataType(t string) string {
	switch t {
	case "INTEGER", "DECIMAL", "DATETIME", "STRING":
		return t
	case "BIT", "BOOLEAN":
		return "INTEGER"
	}
	return "STRING"
}

type describeDataSetOutput struct {
	meta
	DataSet dataSet
}

func (s *Server) describeDataSet(ctx context.Context, in *input) (output, error) {
	d, err := s.app.DescribeDataSet(ctx, in.Labels["AwsAccountId"], in.Labels["DataSetId"])
	if err != nil {
		return nil, err
	}
	return &describeDataSetOutput{DataSet: s.toDataSet(d)}, nil
}

// dataSetSummary is QuickSight's DataSetSummary shape.
type dataSetSummary struct {
	Arn                                       string
	DataSetId                                 string
	Name                                      string
	CreatedTime                               timestamp
	LastUpdatedTime                           timestamp
	ImportMode                                string
	RowLevelPermissionDataSet                 json.RawMessage `json:",omitempty"`
	RowLevelPermissionTagConfigurationApplied bool
	ColumnLevelPermissionRulesApplied         bool
	UseAs                                     json.RawMessage `json:",omitempty"`
}

func (s *Server) toDataSetSummary(d *sg.DataSet) dataSetSummary {
	sum := dataSetSummary{
		Arn:             s.app.DataSetARN(d.AccountID, d.ID),
		DataSetId:       d.ID,
		Name:            d.Name,
		CreatedTime:     timestamp(d.CreatedAt),
		LastUpdatedTime: timestamp(d.UpdatedAt),
		ImportMode:      d.ImportMode,
	}
	var extra map[string]json.RawMessage
	if len(d.Extra) > 0 && json.Unmarshal(d.Extra, &extra) == nil {
		sum.RowLevelPermissionDataSet = extra["RowLevelPermissionDataSet"]
		sum.RowLevelPermissionTagConfigurationApplied = extra["RowLevelPermissionTagConfiguration"] != nil
		sum.ColumnLevelPermissionRulesApplied = extra["ColumnLevelPermissionRules"] != nil
		sum.UseAs = extra["UseAs"]
	}
	return sum
}

type listDataSetsOutput struct {
	meta
	DataSetSummaries []dataSetSummary
	NextToken        string `json:",omitempty"`
}

func (s *Server) listDataSets(ctx context.Context, in *input) (output, error) {
	maxResults, err := in.queryInt("max-results")
	if err != nil {
		return nil, err
	}
	list, next, err := s.app.ListDataSets(ctx, in.Labels["AwsAccountId"], in.Query.Get("next-token"), maxResults)
	if err != nil {
		return nil, err
	}
	out := &listDataSetsOutput{DataSetSummaries: make([]dataSetSummary, 0, len(list)), NextToken: next}
	for _, d := range list {
		out.DataSetSummaries = append(out.DataSetSummaries, s.toDataSetSummary(d))
	}
	return out, nil
}

type dataSetIDOutput struct {
	meta
	Arn       string
	DataSetId string
}

func (s *Server) deleteDataSet(ctx context.Context, in *input) (output, error) {
	acct, id := in.Labels["AwsAccountId"], in.Labels["DataSetId"]
	if err := s.app.DeleteDataSet(ctx, acct, id); err != nil {
		return nil, err
	}
	return &dataSetIDOutput{Arn: s.app.DataSetARN(acct, id), DataSetId: id}, nil
}

type dataSetPermissionsOutput struct {
	meta
	DataSetArn  string
	DataSetId   string
	Permissions []sg.ResourcePermission `json:",omitempty"`
}

func (s *Server) describeDataSetPermissions(ctx context.Context, in *input) (output, error) {
	d, err := s.app.DescribeDataSetPermissions(ctx, in.Labels["AwsAccountId"], in.Labels["DataSetId"])
	if err != nil {
		return nil, err
	}
	return &dataSetPermissionsOutput{DataSetArn: s.app.DataSetARN(d.AccountID, d.ID), DataSetId: d.ID, Permissions: permissionsOrEmpty(d.Permissions)}, nil
}

func (s *Server) updateDataSetPermissions(ctx context.Context, in *input) (output, error) {
	var body permissionsBody
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	d, err := s.app.UpdateDataSetPermissions(ctx, in.Labels["AwsAccountId"], in.Labels["DataSetId"], body.GrantPermissions, body.RevokePermissions)
	if err != nil {
		return nil, err
	}
	return &dataSetPermissionsOutput{DataSetArn: s.app.DataSetARN(d.AccountID, d.ID), DataSetId: d.ID}, nil
}
