package awsapi

import (
	"context"
	"net/http"

	sg "github.com/sightglass/sightglass"
)

const ingestionsPath = dataSetsPath + "/{DataSetId}/ingestions"

func (s *Server) ingestionOps() []*op {
	return []*op{
		// QuickSight answers 201 to CreateIngestion.
		{Name: "CreateIngestion", Method: http.MethodPut, Template: ingestionsPath + "/{IngestionId}", Status: http.StatusCreated, Handle: s.createIngestion},
		{Name: "DescribeIngestion", Method: http.MethodGet, Template: ingestionsPath + "/{IngestionId}", Status: http.StatusOK, Handle: s.describeIngestion},
		{Name: "CancelIngestion", Method: http.MethodDelete, Template: ingestionsPath + "/{IngestionId}", Status: http.StatusOK, Handle: s.cancelIngestion},
		{Name: "ListIngestions", Method: http.MethodGet, Template: ingestionsPath, Status: http.StatusOK, Handle: s.listIngestions},
	}
}

// ingestion is QuickSight's Ingestion shape.
type ingestion struct {
	Arn                    string
	IngestionId            string
	IngestionStatus        string
	CreatedTime            timestamp
	RequestSource          string
	RequestType            string
	ErrorInfo              *errorInfo `json:",omitempty"`
	RowInfo                *rowInfo   `json:",omitempty"`
	QueueInfo              *queueInfo `json:",omitempty"`
	IngestionTimeInSeconds *int64     `json:",omitempty"`
	IngestionSizeInBytes   *int64     `json:",omitempty"`
}

// queueInfo is QuickSight's QueueInfo. Its documentation names the members
// the other way round from what they suggest: QueuedIngestion is "the ID of
// the ongoing ingestion" and WaitingOnIngestion "the ID of the queued
// ingestion"; Sightglass follows the documentation.
type queueInfo struct {
	WaitingOnIngestion string
	QueuedIngestion    string
}

type rowInfo struct {
	RowsIngested       int64
	RowsDropped        int64
	TotalRowsInDataset int64
}

func (s *Server) toIngestion(in *sg.Ingestion) ingestion {
	out := ingestion{
		Arn:             s.app.IngestionARN(in.AccountID, in.DataSetID, in.ID),
		IngestionId:     in.ID,
		IngestionStatus: in.Status,
		CreatedTime:     timestamp(in.CreatedAt),
		RequestSource:   in.RequestSource,
		RequestType:     in.RequestType,
		ErrorInfo:       newErrorInfo(in.ErrorType, in.ErrorMessage),
	}
	if in.WaitingOn != "" {
		out.QueueInfo = &queueInfo{QueuedIngestion: in.WaitingOn, WaitingOnIngestion: in.ID}
	}
	if !in.FinishedAt.IsZero() {
		secs := int64(in.FinishedAt.Sub(in.CreatedAt).Seconds())
		out.IngestionTimeInSeconds = &secs
	}
	if in.Status == sg.IngestionCompleted || in.Status == sg.IngestionRunning && in.RowsIngested+in.RowsDropped > 0 {
		// A running ingestion's rows so far: its progress.
		out.RowInfo = &rowInfo{RowsIngested: in.RowsIngested, RowsDropped: in.RowsDropped, TotalRowsInDataset: in.RowsIngested}
		size := in.SizeBytes
		out.IngestionSizeInBytes = &size
	}
	return out
}

type createIngestionOutput struct {
	meta
	Arn             string
	IngestionId     string
	IngestionStatus string
}

func (s *Server) createIngestion(ctx context.Context, in *input) (output, error) {
	var body struct{ IngestionType string }
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	ing, err := s.app.CreateIngestion(ctx, in.Labels["AwsAccountId"], in.Labels["DataSetId"], in.Labels["IngestionId"], body.IngestionType)
	if err != nil {
		return nil, err
	}
	return &createIngestionOutput{Arn: s.app.IngestionARN(ing.AccountID, ing.DataSetID, ing.ID), IngestionId: ing.ID, IngestionStatus: ing.Status}, nil
}

type describeIngestionOutput struct {
	meta
	Ingestion ingestion
}

func (s *Server) describeIngestion(ctx context.Context, in *input) (output, error) {
	ing, err := s.app.DescribeIngestion(ctx, in.Labels["AwsAccountId"], in.Labels["DataSetId"], in.Labels["IngestionId"])
	if err != nil {
		return nil, err
	}
	return &describeIngestionOutput{Ingestion: s.toIngestion(ing)}, nil
}

type listIngestionsOutput struct {
	meta
	Ingestions []ingestion
	NextToken  string `json:",omitempty"`
}

func (s *Server) listIngestions(ctx context.Context, in *input) (output, error) {
	maxResults, err := in.queryInt("max-results")
	if err != nil {
		return nil, err
	}
	list, next, err := s.app.ListIngestions(ctx, in.Labels["AwsAccountId"], in.Labels["DataSetId"], in.Query.Get("next-token"), maxResults)
	if err != nil {
		return nil, err
	}
	out := &listIngestionsOutput{Ingestions: make([]ingestion, 0, len(list)), NextToken: next}
	for _, ing := range list {
		out.Ingestions = append(out.Ingestions, s.toIngestion(ing))
	}
	return out, nil
}

type ingestionIDOutput struct {
	meta
	Arn         string
	IngestionId string
}

func (s *Server) cancelIngestion(ctx context.Context, in *input) (output, error) {
	acct, ds, id := in.Labels["AwsAccountId"], in.Labels["DataSetId"], in.Labels["IngestionId"]
	if err := s.app.CancelIngestion(ctx, acct, ds, id); err != nil {
		return nil, err
	}
	return &ingestionIDOutput{Arn: s.app.IngestionARN(acct, ds, id), IngestionId: id}, nil
}
