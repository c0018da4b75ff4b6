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
	// LeaseOwner is the node that runs an unfinished ingestion, while
	// LeaseExpires is ahead of the clock (it renews it as it runs).
	// Attempts counts the claims: 1 when created, one more each time a
	// node takes over an ingestion whose lease expired.
	LeaseOwner   string
	LeaseExpires time.Time
	Attempts     int
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
	// RowsIngested, RowsDropped, SizeBytes and FinishedAt. With
	// in.LeaseOwner set it changes the ingestion only while it is
	// unfinished and that owner holds its lease (whether or not the lease
	// has expired: an expired lease is held until another node claims
	// it). Returns ENOTFOUND.
	UpdateIngestion(ctx context.Context, in *Ingestion) error
	// RenewIngestionLease sets the lease of an unfinished ingestion that
	// owner holds to expire at until (a time at or before now gives it
	// up). Returns ENOTFOUND when owner no longer holds it: the
	// ingestion finished (cancelled), or another node claimed it.
	RenewIngestionLease(ctx context.Context, accountID, dataSetID, id, owner string, until time.Time) error
	// ClaimExpiredIngestion takes over one unfinished ingestion whose
	// lease expired at or before now: it becomes owner's until until, and
	// its Attempts grows by one, and a RUNNING one becomes QUEUED (it runs
	// again only once it claims its dataset, ClaimIngestionRun, so that
	// it never shows RUNNING next to another of its dataset that took over
	// meanwhile). It returns the ingestion as claimed, or
	// nil when none has expired. Of nodes racing for one ingestion, one
	// claims it; the others claim another or nil.
	ClaimExpiredIngestion(ctx context.Context, owner string, now, until time.Time) (*Ingestion, error)
	// ClaimIngestionRun makes an unfinished ingestion that owner holds
	// RUNNING, unless another unfinished ingestion of its dataset is
	// RUNNING under a lease that expires after now: then it changes
	// nothing and returns that one's id. The look and the write are one
	// atomic step, so of the ingestions of one dataset that claim at once
	// (on any node) at most one becomes RUNNING. Returns ENOTFOUND when
	// owner does not hold the ingestion or it finished.
	ClaimIngestionRun(ctx context.Context, accountID, dataSetID, id, owner string, now time.Time) (waitOn string, err error)
}
