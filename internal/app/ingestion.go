package app

import (
	"context"
	"fmt"
	"regexp"
	"time"

	sg "github.com/sightglass/sightglass"
)

// Ingestion error types (QuickSight's IngestionErrorType) that Sightglass
// reports.
const (
	ingestionCancelled        = "INGESTION_CANCELED"
	ingestionDataSetDeleted   = "DATA_SET_DELETED"
	ingestionNotSPICE         = "DATA_SET_NOT_SPICE"
	ingestionSourceNotFound   = "DATA_SOURCE_NOT_FOUND"
	ingestionConnection       = "DATA_SOURCE_CONNECTION_FAILED"
	ingestionAuthFailed       = "DATA_SOURCE_AUTH_FAILED"
	ingestionUnknownHost      = "UNRESOLVABLE_HOST"
	ingestionQueryTimeout     = "QUERY_TIMEOUT"
	ingestionSQLException     = "SQL_EXCEPTION"
	ingestionInvalidConfig    = "INVALID_DATA_SOURCE_CONFIG"
	ingestionInternalError    = "INTERNAL_SERVICE_ERROR"
	ingestionSizeLimit        = "DATA_SET_SIZE_LIMIT_EXCEEDED"
	ingestionCapacityLimit    = "ACCOUNT_CAPACITY_LIMIT_EXCEEDED"
	maxUnfinishedPerDataSet   = 5
	ingestionRequestManual    = "MANUAL"
	ingestionTypeFullRefresh  = "FULL_REFRESH"
	ingestionRequestScheduled = "SCHEDULED"
)

var reIngestionID = regexp.MustCompile(`^[a-zA-Z0-9-_]+$`)

func checkIngestionID(id string) error {
	if id == "" {
		return required("ingestionId")
	}
	if err := checkLen("ingestionId", id, 1, 128); err != nil {
		return err
	}
	return checkPattern("ingestionId", id, reIngestionID)
}

// IngestionARN returns the ARN of an ingestion.
func (a *App) IngestionARN(accountID, dataSetID, id string) string {
	return sg.QuickSightARN(a.Region, accountID, "dataset/"+dataSetID+"/ingestion/"+id)
}

func ingestionNotFound(accountID, dataSetID, id string) error {
	return sg.Errorf(sg.ENOTFOUND, "Ingestion %s of dataset %s does not exist in account %s.", id, dataSetID, accountID).WithResource(sg.ResourceIngestion)
}

// checkIngestionPath validates and authorizes an ingestion operation.
func (a *App) checkIngestionPath(ctx context.Context, action, accountID, dataSetID, id string) error {
	resource := a.DataSetARN(accountID, dataSetID)
	if id != "" {
		resource = a.IngestionARN(accountID, dataSetID, id)
	}
	if err := a.checkDataPath(ctx, action, accountID, dataSetID, checkDataSetID, resource); err != nil {
		return err
	}
	if id != "" || action != "ListIngestions" {
		return checkIngestionID(id)
	}
	return nil
}

// startIngestion records an ingestion of d and starts it in the background.
func (a *App) startIngestion(ctx context.Context, d *sg.DataSet, id, requestType string) (*sg.Ingestion, error) {
	return a.startIngestionFrom(ctx, d, id, ingestionRequestManual, requestType)
}

// startIngestionFrom is startIngestion with a request source (MANUAL or
// SCHEDULED).
func (a *App) startIngestionFrom(ctx context.Context, d *sg.DataSet, id, requestSource, requestType string) (*sg.Ingestion, error) {
	if a.data.ingests.unfinished(d.AccountID, d.ID) >= maxUnfinishedPerDataSet {
		return nil, sg.Errorf(sg.ELIMIT, "Dataset %s already has %d ingestions queued or running.", d.ID, maxUnfinishedPerDataSet).WithResource(sg.ResourceIngestion)
	}
	if n := a.data.cfg.Ingestion.Queue; a.data.ingests.held() >= n {
		return nil, sg.Errorf(sg.ELIMIT, "This server already has %d ingestions queued or running; try again when one has finished.", n).WithResource(sg.ResourceIngestion)
	}
	in := &sg.Ingestion{
		AccountID:      d.AccountID,
		DataSetID:      d.ID,
		ID:             id,
		Status:         sg.IngestionInitialized,
		RequestSource:  requestSource,
		RequestType:    requestType,
		DataSetVersion: d.Version,
		CreatedAt:      a.now(),
		LeaseOwner:     a.data.cfg.Jobs.NodeID,
		LeaseExpires:   time.Now().Add(a.data.cfg.Jobs.LeaseTTL),
		Attempts:       1,
	}
	if err := a.Store.CreateIngestion(ctx, in); err != nil {
		switch sg.ErrorCode(err) {
		case sg.EEXISTS:
			return nil, sg.Errorf(sg.EEXISTS, "Ingestion %s of dataset %s already exists.", id, d.ID).WithResource(sg.ResourceIngestion)
		case sg.ENOTFOUND:
			return nil, dataSetNotFound(d.AccountID, d.ID)
		}
		return nil, err
	}
	// The runner gets its own copy: it updates it while the caller reads in.
	run := *in
	a.data.ingests.start(&run)
	return in, nil
}

// CreateIngestion starts a full refresh of a SPICE dataset.
func (a *App) CreateIngestion(ctx context.Context, accountID, dataSetID, id, ingestionType string) (*sg.Ingestion, error) {
	if err := a.checkIngestionPath(ctx, "CreateIngestion", accountID, dataSetID, id); err != nil {
		return nil, err
	}
	if ingestionType != "" {
		if err := checkIngestionType("ingestionType", ingestionType); err != nil {
			return nil, err
		}
	}
	d, err := a.findDataSet(ctx, accountID, dataSetID)
	if err != nil {
		return nil, err
	}
	if d.ImportMode != sg.ImportSPICE {
		return nil, sg.Errorf(sg.EINVALID, "Dataset %s is not imported into SPICE (ImportMode %s): it has nothing to ingest.", dataSetID, d.ImportMode)
	}
	if ingestionType == ingestionTypeIncremental {
		if lookback(d.RefreshProperties) == nil {
			return nil, sg.Errorf(sg.EINVALID, "Dataset %s has no incremental refresh configuration (PutDataSetRefreshProperties): use FULL_REFRESH.", dataSetID)
		}
		return a.startIngestion(ctx, d, id, ingestionTypeIncremental)
	}
	return a.startIngestion(ctx, d, id, ingestionTypeFullRefresh)
}

// checkIngestionType checks an ingestion type (of CreateIngestion or a
// refresh schedule); an incremental one also needs the dataset's
// incremental refresh configuration, checked where the dataset is read.
func checkIngestionType(member, ingestionType string) error {
	return checkEnum(member, ingestionType, []string{ingestionTypeIncremental, ingestionTypeFullRefresh})
}

// DescribeIngestion returns an ingestion.
func (a *App) DescribeIngestion(ctx context.Context, accountID, dataSetID, id string) (*sg.Ingestion, error) {
	if err := a.checkIngestionPath(ctx, "DescribeIngestion", accountID, dataSetID, id); err != nil {
		return nil, err
	}
	in, err := a.Store.FindIngestion(ctx, accountID, dataSetID, id)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		if _, derr := a.findDataSet(ctx, accountID, dataSetID); derr != nil {
			return nil, derr
		}
		return nil, ingestionNotFound(accountID, dataSetID, id)
	} else if err != nil {
		return nil, err
	}
	a.fillQueueInfo(in)
	return in, nil
}

// fillQueueInfo sets WaitingOn for a queued ingestion.
func (a *App) fillQueueInfo(in *sg.Ingestion) {
	if in.Status == sg.IngestionQueued {
		if w := a.data.ingests.waitingOn(in.AccountID, in.DataSetID); w != in.ID {
			in.WaitingOn = w
		}
	}
}

// ListIngestions returns one page of a dataset's ingestions.
func (a *App) ListIngestions(ctx context.Context, accountID, dataSetID, nextToken string, maxResults *int) ([]*sg.Ingestion, string, error) {
	if err := a.checkIngestionPath(ctx, "ListIngestions", accountID, dataSetID, ""); err != nil {
		return nil, "", err
	}
	if _, err := a.findDataSet(ctx, accountID, dataSetID); err != nil {
		return nil, "", err
	}
	list := "ingestions/" + dataSetID
	page, err := pageRequest(list, accountID, nextToken, maxResults)
	if err != nil {
		return nil, "", err
	}
	items, more, err := a.Store.ListIngestions(ctx, accountID, dataSetID, page)
	for _, in := range items {
		a.fillQueueInfo(in)
	}
	if err != nil || !more || len(items) == 0 {
		return items, "", err
	}
	return items, encodeNextToken(list, accountID, items[len(items)-1].ID), nil
}

// CancelIngestion cancels an ingestion that has not finished.
func (a *App) CancelIngestion(ctx context.Context, accountID, dataSetID, id string) error {
	if err := a.checkIngestionPath(ctx, "CancelIngestion", accountID, dataSetID, id); err != nil {
		return err
	}
	in, err := a.Store.FindIngestion(ctx, accountID, dataSetID, id)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		if _, derr := a.findDataSet(ctx, accountID, dataSetID); derr != nil {
			return derr
		}
		return ingestionNotFound(accountID, dataSetID, id)
	} else if err != nil {
		return err
	}
	if sg.IngestionFinished(in.Status) {
		return sg.Errorf(sg.EINVALID, "Ingestion %s has already finished with status %s.", id, in.Status)
	}
	if a.data.ingests.cancel(accountID, dataSetID, id) {
		return nil
	}
	// Not running in this process (another server, or one that stopped):
	// mark it cancelled here, whoever holds the lease. The node running
	// it finds its lease gone at its next renewal and stops.
	in.LeaseOwner = ""
	in.Status, in.ErrorType, in.ErrorMessage, in.FinishedAt = sg.IngestionCancelled, ingestionCancelled, "The ingestion was cancelled.", a.now()
	return a.Store.UpdateIngestion(ctx, in)
}

// ingestionFailure is why an ingestion did not complete.
type ingestionFailure struct{ Type, Message string }

func (f *ingestionFailure) Error() string { return fmt.Sprintf("%s: %s", f.Type, f.Message) }
