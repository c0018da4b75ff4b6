package awsapi

import (
	"context"
	"encoding/json"
	"net/http"
)

const refreshPropertiesPath = dataSetsPath + "/{DataSetId}/refresh-properties"

func (s *Server) refreshPropertiesOps() []*op {
	return []*op{
		{Name: "PutDataSetRefreshProperties", Method: http.MethodPut, Template: refreshPropertiesPath, Status: http.StatusOK, Handle: s.putDataSetRefreshProperties},
		{Name: "DescribeDataSetRefreshProperties", Method: http.MethodGet, Template: refreshPropertiesPath, Status: http.StatusOK, Handle: s.describeDataSetRefreshProperties},
		{Name: "DeleteDataSetRefreshProperties", Method: http.MethodDelete, Template: refreshPropertiesPath, Status: http.StatusOK, Handle: s.deleteDataSetRefreshProperties},
	}
}

// statusOutput is a response with no member but RequestId and Status.
type statusOutput struct {
	meta
}

func (s *Server) putDataSetRefreshProperties(ctx context.Context, in *input) (output, error) {
	var body struct{ DataSetRefreshProperties json.RawMessage }
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	if err := s.app.PutDataSetRefreshProperties(ctx, in.Labels["AwsAccountId"], in.Labels["DataSetId"], body.DataSetRefreshProperties); err != nil {
		return nil, err
	}
	return &statusOutput{}, nil
}

type describeRefreshPropertiesOutput struct {
	meta
	DataSetRefreshProperties json.RawMessage
}

func (s *Server) describeDataSetRefreshProperties(ctx context.Context, in *input) (output, error) {
	props, err := s.app.DescribeDataSetRefreshProperties(ctx, in.Labels["AwsAccountId"], in.Labels["DataSetId"])
	if err != nil {
		return nil, err
	}
	return &describeRefreshPropertiesOutput{DataSetRefreshProperties: props}, nil
}

func (s *Server) deleteDataSetRefreshProperties(ctx context.Context, in *input) (output, error) {
	if err := s.app.DeleteDataSetRefreshProperties(ctx, in.Labels["AwsAccountId"], in.Labels["DataSetId"]); err != nil {
		return nil, err
	}
	return &statusOutput{}, nil
}
