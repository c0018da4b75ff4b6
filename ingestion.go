package sightglass

import (
	"context"
	"time"
)

// Ingestion statuses (QuickSight's IngestionStatus).
const (
	IngestionInitialized = "INITIALIZED"
	IngestionQueued      = "QUEUED"
	IngestionRunning     = "RUNNING"
	IngestionCompleted   = "COMPLETED"
	IngestionFailed      = "FAILED"
	IngestionCancelled   = "CANCELLED"
)

// IngestionFinished reports whether an ingestion status is final.
func IngestionFinished(status string) bool {
	return status == IngestionCompleted || status == IngestionFailed || status == IngestionCancelled
}

// Ingestion is one import of a SPICE dataset into a local SQLite file.
type Ingestion struct {
	AccountID     string
	DataSetID     string
	ID            string
	Status        string
	RequestSource string // MANUAL or SCHEDULED
	RequestType   string // INITIAL_INGESTION, EDIT, FULL_REFRESH, …
	// DataSetVersion is the dataset definition that was ingested.
	DataSetVersion int64
	// ErrorType and ErrorMessage are the ErrorInfo of a failed or
	// cancelled ingestion.
	ErrorType    string
	ErrorMessage string
	RowsIngested int64
	RowsDropped  int64
	SizeBytes    int64
	CreatedAt    time.Time
	// FinishedAt is when the ingestion reached a final status (zero before).
	FinishedAt time.Time
	// WaitingOn is, for a QUEUED ingestion, the ingestion of the same
	// dataset it waits for. Not stored: the application fills it in.
	WaitingOn string
}

// IngestionStore persists ingestions.
type IngestionStore interface {
	// CreateIngestion returns EEXISTS, or ENOTFOUND if the dataset does
	// not exist.
	CreateIngestion(ctx context.Context, in *Ingestion) error
	// FindIngestion returns ENOTFOUND.
	FindIngestion(ctx context.Context, accountID, dataSetID, id string) (*Ingestion, error)
	// ListIngestions returns a dataset's ingestions ordered by id in byte
	// order, after p.After, at most p.Limit, and whether more follow.
	ListIngestions(ctx context.Context, accountID, dataSetID string, p Page) ([]*Ingestion, bool, error)
	// UpdateIngestion replaces Status, ErrorType, ErrorMessage,
	// RowsIngested, RowsDropped, SizeBytes and FinishedAt. Returns
	// ENOTFOUND.
	UpdateIngestion(ctx context.Context, in *Ingestion) error
	// FailUnfinishedIngestions marks every ingestion that is not finished
	// FAILED with the given error, finished at now (after a restart, no
	// process runs them any more). It returns how many it changed.
	FailUnfinishedIngestions(ctx context.Context, errorType, message string, now time.Time) (int64, error)
}
