package app

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/query/source"
	"github.com/sightglass/sightglass/internal/query/spice"
)

// ingester runs ingestions in background goroutines, one dataset at a time
// on every node and a bounded number at once on this one (later ones
// wait, QUEUED: see acquireRun), and cancels them all on stop.
type ingester struct {
	a       *App
	ctx     context.Context
	stopAll context.CancelFunc
	wg      sync.WaitGroup

	mu      sync.Mutex
	jobs    map[string]*ingestJob // by account/dataset/ingestion
	running map[string]string     // dataset key → running ingestion id
	remote  map[string]string     // dataset key → the ingestion of another node its queued one waits for
	locks   map[string]chan struct{}
	slots   chan struct{} // one per running ingestion (IngestionLimits.Concurrent)
	stopped bool
}

type ingestJob struct {
	in            *sg.Ingestion
	started       time.Time // wall clock, for the duration metric
	cancel        context.CancelFunc
	userCancelled bool
	// lostLease is set when the store no longer lets this node hold the
	// lease (the ingestion was cancelled on another node, or another node
	// claimed it): the job then stops and records nothing.
	lostLease bool
	// runClaimed is set once the job holds its dataset's run
	// (ClaimIngestionRun): read by the jobs loop (reclaimed).
	runClaimed atomic.Bool
}

func newIngester(a *App) *ingester {
	ctx, cancel := context.WithCancel(context.Background())
	return &ingester{a: a, ctx: ctx, stopAll: cancel, jobs: map[string]*ingestJob{}, running: map[string]string{}, remote: map[string]string{},
		locks: map[string]chan struct{}{}, slots: make(chan struct{}, a.data.cfg.Ingestion.Concurrent)}
}

func dataSetKey(accountID, dataSetID string) string { return accountID + "/" + dataSetID }

// unfinished counts a dataset's ingestions this process has not finished.
func (g *ingester) unfinished(accountID, dataSetID string) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	n := 0
	for _, j := range g.jobs {
		if j.in.AccountID == accountID && j.in.DataSetID == dataSetID {
			n++
		}
	}
	return n
}

// runs reports whether this process runs the ingestion.
func (g *ingester) runs(in *sg.Ingestion) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	_, ok := g.jobs[dataSetKey(in.AccountID, in.DataSetID)+"/"+in.ID]
	return ok
}

// start runs in in the background; this node holds its lease (in.LeaseOwner)
// and renews it until the ingestion ends.
func (g *ingester) start(in *sg.Ingestion) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.stopped {
		return
	}
	key := dataSetKey(in.AccountID, in.DataSetID) + "/" + in.ID
	if _, ok := g.jobs[key]; ok {
		return // already running here
	}
	ctx, cancel := context.WithCancel(g.ctx)
	j := &ingestJob{in: in, cancel: cancel, started: time.Now()}
	g.jobs[key] = j
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		g.heartbeat(ctx, j)
	}()
	dk := dataSetKey(in.AccountID, in.DataSetID)
	lock, ok := g.locks[dk]
	if !ok {
		lock = make(chan struct{}, 1)
		g.locks[dk] = lock
	}
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		defer cancel()
		g.run(ctx, j, lock)
	}()
}

// waitingOn returns the ingestion a queued ingestion of the dataset waits
// for ("" if none runs in this process).
func (g *ingester) waitingOn(accountID, dataSetID string) string {
	g.mu.Lock()
	defer g.mu.Unlock()
	dk := dataSetKey(accountID, dataSetID)
	if id, ok := g.running[dk]; ok {
		return id
	}
	return g.remote[dk]
}

// cancel cancels a running or queued ingestion of this process.
func (g *ingester) cancel(accountID, dataSetID, id string) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	j, ok := g.jobs[dataSetKey(accountID, dataSetID)+"/"+id]
	if ok {
		j.userCancelled = true
		j.cancel()
	}
	return ok
}

// cancelDataSet cancels every ingestion of a dataset and waits until none
// of them runs.
func (g *ingester) cancelDataSet(accountID, dataSetID string) {
	g.mu.Lock()
	for _, j := range g.jobs {
		if j.in.AccountID == accountID && j.in.DataSetID == dataSetID {
			j.userCancelled = true
			j.cancel()
		}
	}
	lock := g.locks[dataSetKey(accountID, dataSetID)]
	g.mu.Unlock()
	if lock != nil {
		// Wait for the running one to let go of the dataset.
		select {
		case lock <- struct{}{}:
			<-lock
		case <-time.After(10 * time.Second):
		}
	}
}

// stop cancels every ingestion and waits for them.
func (g *ingester) stop() {
	g.mu.Lock()
	g.stopped = true
	g.mu.Unlock()
	g.stopAll()
	g.wg.Wait()
}

func (g *ingester) run(ctx context.Context, j *ingestJob, lock chan struct{}) {
	in := j.in
	key := dataSetKey(in.AccountID, in.DataSetID) + "/" + in.ID
	defer func() {
		g.mu.Lock()
		delete(g.jobs, key)
		g.mu.Unlock()
	}()
	// Wait for the dataset's running ingestion, QUEUED.
	select {
	case lock <- struct{}{}:
	default:
		g.setStatus(in, sg.IngestionQueued)
		select {
		case lock <- struct{}{}:
		case <-ctx.Done():
			g.finish(j, nil, ctx.Err(), true)
			return
		}
	}
	dk := dataSetKey(in.AccountID, in.DataSetID)
	g.mu.Lock()
	g.running[dk] = in.ID
	g.mu.Unlock()
	defer func() {
		g.mu.Lock()
		delete(g.running, dk)
		delete(g.remote, dk)
		g.mu.Unlock()
		<-lock
	}()
	if ctx.Err() != nil {
		g.finish(j, nil, ctx.Err(), true)
		return
	}
	release, err := g.acquireRun(ctx, in)
	if err != nil {
		g.finish(j, nil, err, true)
		return
	}
	defer release()
	limit := g.a.data.cfg.Ingestion.Timeout
	ictx, stop := context.WithTimeoutCause(ctx, limit, errIngestionTimeout)
	st, err := g.ingest(ictx, in)
	if err != nil && ctx.Err() == nil && context.Cause(ictx) == errIngestionTimeout {
		err = &ingestionFailure{ingestionQueryTimeout, fmt.Sprintf("The ingestion ran past its time limit of %s.", limit)}
	}
	stop()
	g.finish(j, &st, err, ctx.Err() != nil)
}

// errIngestionTimeout ends an ingestion that runs past its time limit.
var errIngestionTimeout = errors.New("the ingestion ran past its time limit")

// setStatus records a progress status (not a final one).
func (g *ingester) setStatus(in *sg.Ingestion, status string) {
	in.Status = status
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := g.a.Store.UpdateIngestion(ctx, in); err != nil && sg.ErrorCode(err) != sg.ENOTFOUND {
		slog.Error("recording ingestion status", "account", in.AccountID, "dataset", in.DataSetID, "ingestion", in.ID, "err", err)
	}
}

// heartbeat renews the job's lease every third of its lifetime until ctx
// ends. When the store refuses (the lease is lost), it cancels the job.
func (g *ingester) heartbeat(ctx context.Context, j *ingestJob) {
	ttl := g.a.data.cfg.Jobs.LeaseTTL
	t := time.NewTicker(ttl / 3)
	defer t.Stop()
	in := j.in
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		rctx, cancel := context.WithTimeout(ctx, ttl/3)
		err := g.a.Store.RenewIngestionLease(rctx, in.AccountID, in.DataSetID, in.ID, in.LeaseOwner, time.Now().Add(ttl))
		cancel()
		switch {
		case err == nil:
		case sg.ErrorCode(err) == sg.ENOTFOUND:
			slog.Warn("ingestion lease lost: stopping it here", "account", in.AccountID, "dataset", in.DataSetID, "ingestion", in.ID)
			g.mu.Lock()
			j.lostLease = true
			g.mu.Unlock()
			j.cancel()
			return
		case ctx.Err() == nil:
			slog.Warn("renewing an ingestion lease", "account", in.AccountID, "dataset", in.DataSetID, "ingestion", in.ID, "err", err)
		}
	}
}

// holdsLease renews the lease before a step that must not happen unless
// this node still runs the ingestion, and reports whether it does.
func (g *ingester) holdsLease(ctx context.Context, in *sg.Ingestion) bool {
	err := g.a.Store.RenewIngestionLease(ctx, in.AccountID, in.DataSetID, in.ID, in.LeaseOwner, time.Now().Add(g.a.data.cfg.Jobs.LeaseTTL))
	if err != nil && sg.ErrorCode(err) != sg.ENOTFOUND {
		slog.Warn("renewing an ingestion lease", "account", in.AccountID, "dataset", in.DataSetID, "ingestion", in.ID, "err", err)
	}
	return err == nil
}

// ingest imports the dataset into a new SPICE file and returns what it
// wrote.
func (g *ingester) ingest(ctx context.Context, in *sg.Ingestion) (spice.Stats, error) {
	a := g.a
	d, err := a.Store.FindDataSet(ctx, in.AccountID, in.DataSetID)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return spice.Stats{}, &ingestionFailure{ingestionDataSetDeleted, "The dataset was deleted."}
	} else if err != nil {
		return spice.Stats{}, err
	}
	if d.ImportMode != sg.ImportSPICE {
		return spice.Stats{}, &ingestionFailure{ingestionNotSPICE, "The dataset is no longer imported into SPICE."}
	}
	for _, id := range d.DataSourceIDs {
		if _, err := a.Store.FindDataSource(ctx, d.AccountID, id); sg.ErrorCode(err) == sg.ENOTFOUND {
			return spice.Stats{}, &ingestionFailure{ingestionSourceNotFound, fmt.Sprintf("The data source %s of the dataset does not exist.", a.DataSourceARN(d.AccountID, id))}
		} else if err != nil {
			return spice.Stats{}, err
		}
	}
	c, err := a.compileDataSet(ctx, d.AccountID, d.PhysicalTableMap, d.LogicalTableMap)
	if err != nil {
		if sg.ErrorCode(err) == sg.EINVALID {
			return spice.Stats{}, &ingestionFailure{ingestionInvalidConfig, sg.ErrorMessage(err)}
		}
		return spice.Stats{}, err
	}
	dia, _ := dialect.ForSourceType(c.source.Type)
	query, args, err := c.tables.Relation(dia)
	if err != nil {
		return spice.Stats{}, &ingestionFailure{ingestionInvalidConfig, sg.ErrorMessage(err)}
	}
	params, poolKey, err := a.dataSourceConnection(c.source)
	if err != nil {
		return spice.Stats{}, err
	}
	cols := make([]spice.Column, len(c.columns))
	for i, col := range c.columns {
		cols[i] = spice.Column{Name: col.Name, Type: col.Type}
	}
	dest := a.spiceFile(in.AccountID, in.DataSetID, in.ID)
	if err := os.MkdirAll(filepath.Dir(dest), 0o700); err != nil {
		return spice.Stats{}, err
	}
	if in.Attempts > 1 {
		// An earlier attempt on this node may have left its file.
		a.dropLocalSPICE(dest)
	}
	limits := a.data.cfg.Ingestion
	used, err := a.spiceUsedByOthers(ctx, d)
	if err != nil {
		return spice.Stats{}, err
	}
	if used >= limits.Capacity {
		return spice.Stats{}, &spice.LimitError{Limit: "capacity", Max: 0}
	}
	opts := spice.Options{MaxRows: limits.MaxRows, MaxBytes: limits.MaxBytes, Capacity: limits.Capacity - used, Progress: g.progress(in)}
	if in.RequestType == ingestionTypeIncremental && d.SPICEIngestionID != "" {
		// The rows of the window are read again; the others come from
		// the current copy. With no copy yet, the refresh is a full one.
		if col, since, ok := incrementalWindow(d, a.now()); ok {
			if err := a.upgradeLegacySPICE(ctx, d, a.spiceFile(in.AccountID, in.DataSetID, d.SPICEIngestionID)); err != nil {
				return spice.Stats{}, err
			}
			ref := dia.Placeholder(len(args) + 1)
			query = "SELECT * FROM (" + query + ") AS sg_window WHERE " + dia.StoredDatetime(dia.QuoteIdent(col)) + " >= " + dia.Param(ref, dialect.Datetime)
			args = append(args, dia.TimeArg(since))
			opts.Base = &spice.Base{Path: a.spiceFile(in.AccountID, in.DataSetID, d.SPICEIngestionID), Column: col, Since: since}
		}
	}
	st, err := spice.IngestWith(ctx, a.data.pool, poolKey, params, query, args, cols, dest, opts)
	if err != nil {
		os.Remove(dest)
		return st, err
	}
	return st, nil
}

// spiceUsedByOthers is the SPICE capacity the account's other datasets
// take (the dataset's own copy is replaced by the ingestion).
func (a *App) spiceUsedByOthers(ctx context.Context, d *sg.DataSet) (int64, error) {
	var used int64
	p := sg.Page{Limit: 1000}
	for {
		list, more, err := a.Store.ListDataSets(ctx, d.AccountID, p)
		if err != nil {
			return 0, err
		}
		for _, o := range list {
			if o.ID != d.ID {
				used += o.SPICEBytes
			}
		}
		if !more || len(list) == 0 {
			return used, nil
		}
		p.After = list[len(list)-1].ID
	}
}

// progressInterval is how often a running ingestion's RowInfo is
// recorded.
const progressInterval = time.Second

// progress returns the callback that records a running ingestion's rows
// (DescribeIngestion's RowInfo) at most every progressInterval.
func (g *ingester) progress(in *sg.Ingestion) func(spice.Stats) {
	var last time.Time
	return func(st spice.Stats) {
		if time.Since(last) < progressInterval {
			return
		}
		last = time.Now()
		in.RowsIngested, in.RowsDropped = st.Rows, st.Dropped
		g.setStatus(in, sg.IngestionRunning)
	}
}

// finish records the final status of an ingestion; on success the new copy
// replaces the dataset's previous one, whose file is deleted. A job whose
// lease was lost records nothing (the node that holds it now does); a job
// stopped because the server stops gives its lease up, so that another
// node (or this one, started again) retries it at once.
func (g *ingester) finish(j *ingestJob, st *spice.Stats, err error, cancelled bool) {
	a, in := g.a, j.in
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	dest := a.spiceFile(in.AccountID, in.DataSetID, in.ID)
	g.mu.Lock()
	byUser, lost := j.userCancelled, j.lostLease
	g.mu.Unlock()
	switch {
	case lost:
		a.dropLocalSPICE(dest)
		return
	case err != nil && cancelled && !byUser:
		a.dropLocalSPICE(dest)
		g.giveUp(in)
		return
	}
	in.FinishedAt = a.now()
	if st != nil {
		in.RowsIngested, in.RowsDropped = st.Rows, st.Dropped
	}
	switch {
	case err == nil:
		in.Status = sg.IngestionCompleted
		in.SizeBytes = st.Bytes // the logical size, as SPICE capacity counts it
	case cancelled || errors.Is(err, context.Canceled):
		a.dropLocalSPICE(dest)
		in.Status, in.ErrorType = sg.IngestionCancelled, ingestionCancelled
		in.ErrorMessage = "The ingestion was cancelled."
		in.RowsIngested = 0
	default:
		a.dropLocalSPICE(dest)
		in.Status = sg.IngestionFailed
		in.ErrorType, in.ErrorMessage = ingestionError(err)
		in.RowsIngested = 0
		if in.ErrorType == ingestionInternalError {
			slog.Error("ingestion failed", "account", in.AccountID, "dataset", in.DataSetID, "ingestion", in.ID, "err", err)
		}
	}
	if in.Status == sg.IngestionCompleted {
		// Storing the artifact takes as long as its size needs (the lease
		// is renewed meanwhile), up to the ingestion's own time limit; a
		// stopping server cuts it short.
		sctx, stop := context.WithTimeout(g.ctx, a.data.cfg.Ingestion.Timeout)
		perr := g.share(sctx, in, dest)
		stop()
		if perr != nil && g.ctx.Err() != nil {
			// The server stops: as for a running ingestion, give it up.
			a.dropLocalSPICE(dest)
			g.giveUp(in)
			return
		}
		// The steps below get a time of their own, after the upload.
		var cancelRest context.CancelFunc
		ctx, cancelRest = context.WithTimeout(context.Background(), 10*time.Second)
		defer cancelRest()
		if perr != nil {
			slog.Error("storing a SPICE artifact", "account", in.AccountID, "dataset", in.DataSetID, "ingestion", in.ID, "err", perr)
			a.dropLocalSPICE(dest)
			in.Status, in.ErrorType, in.ErrorMessage = sg.IngestionFailed, ingestionInternalError, "The ingested data could not be stored."
			in.RowsIngested = 0
		}
	}
	if in.Status == sg.IngestionCompleted && !g.holdsLease(ctx, in) {
		// Another node took the ingestion over: it records the result.
		a.dropLocalSPICE(dest)
		return
	}
	if in.Status == sg.IngestionCompleted && !g.install(ctx, in, dest) {
		in.Status, in.ErrorType, in.ErrorMessage = sg.IngestionFailed, ingestionInternalError, "The dataset changed while the ingestion was running."
		in.RowsIngested = 0
	}
	if uerr := a.Store.UpdateIngestion(ctx, in); uerr != nil && sg.ErrorCode(uerr) != sg.ENOTFOUND {
		slog.Error("recording ingestion result", "account", in.AccountID, "dataset", in.DataSetID, "ingestion", in.ID, "err", uerr)
	}
	a.Metrics.Ingestion(in.Status, in.RowsIngested, time.Since(j.started))
}

// giveUp ends this node's lease on an ingestion it stops running because
// the server stops: the next node to look runs it again at once.
func (g *ingester) giveUp(in *sg.Ingestion) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := g.a.Store.RenewIngestionLease(ctx, in.AccountID, in.DataSetID, in.ID, in.LeaseOwner, time.Time{}); err != nil && sg.ErrorCode(err) != sg.ENOTFOUND {
		slog.Warn("giving up an ingestion lease", "account", in.AccountID, "dataset", in.DataSetID, "ingestion", in.ID, "err", err)
	}
}

// share puts a completed ingestion's file into the artifact store, where
// every node can fetch it, and counts it in this node's cache. Without an
// artifact store the file stays where it is.
func (g *ingester) share(ctx context.Context, in *sg.Ingestion, dest string) error {
	a := g.a
	if a.data.cfg.Artifacts == nil {
		return nil
	}
	f, err := os.Open(dest)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := a.data.cfg.Artifacts.PutArtifact(ctx, artifactKey(in.AccountID, in.DataSetID, in.ID), f); err != nil {
		return err
	}
	a.data.spiceCache.Add(dest)
	return nil
}

// install makes a completed ingestion's file the dataset's SPICE copy and
// deletes the copy it replaces. It runs before the ingestion is recorded as
// COMPLETED, so a client that sees COMPLETED queries the new copy. It
// reports false (and deletes the new file) when the dataset is gone.
func (g *ingester) install(ctx context.Context, in *sg.Ingestion, dest string) bool {
	a := g.a
	d, err := a.Store.FindDataSet(ctx, in.AccountID, in.DataSetID)
	if err == nil {
		err = a.Store.SetDataSetSPICE(ctx, in.AccountID, in.DataSetID, in.ID, in.SizeBytes)
	}
	if err != nil {
		a.dropSPICECopy(ctx, in.AccountID, in.DataSetID, in.ID)
		return false
	}
	if d.SPICEIngestionID != "" && d.SPICEIngestionID != in.ID {
		a.dropSPICECopy(ctx, in.AccountID, in.DataSetID, d.SPICEIngestionID)
	}
	a.invalidateDataSet(d)
	return true
}

// ingestionError maps an ingestion failure to QuickSight's ErrorInfo. A
// failure at the data source is told by its type's text alone: the
// database's own message can quote the data it read (a value that failed
// a cast, a file a function read), and the ingestion's ErrorInfo is shown
// to whoever may describe the dataset, not only to the data source's
// owner. The full error goes to the server log.
func ingestionError(err error) (string, string) {
	var f *ingestionFailure
	if errors.As(err, &f) {
		return f.Type, f.Message
	}
	if errors.Is(err, spice.ErrBaseColumns) {
		return ingestionInvalidConfig, "The dataset's columns changed since its last ingestion: an incremental refresh cannot keep its rows; run a full refresh."
	}
	if le, ok := errors.AsType[*spice.LimitError](err); ok {
		switch le.Limit {
		case "rows":
			return ingestionSizeLimit, fmt.Sprintf("The dataset has more than %d rows, the most one ingestion may import.", le.Max)
		case "capacity":
			return ingestionCapacityLimit, fmt.Sprintf("The dataset needs more than the %d bytes of SPICE capacity the account has left.", le.Max)
		}
		return ingestionSizeLimit, fmt.Sprintf("The dataset takes more than %d bytes, the most one ingestion may write.", le.Max)
	}
	if ce, ok := errors.AsType[*source.ConnectError](err); ok {
		return sourceFailure(connectErrorType(ce.Type), err)
	}
	if qe, ok := errors.AsType[*source.QueryError](err); ok {
		switch {
		case qe.Timeout():
			return sourceFailure(ingestionQueryTimeout, err)
		case qe.Type == source.ErrGenericSQLFailure:
			return sourceFailure(ingestionSQLException, err)
		}
		return sourceFailure(connectErrorType(qe.Type), err)
	}
	if e, ok := errors.AsType[*sg.Error](err); ok {
		return ingestionInvalidConfig, e.Message
	}
	return ingestionInternalError, "An internal error stopped the ingestion."
}

// sourceErrorText is the ErrorInfo message of each failure at a data
// source.
var sourceErrorText = map[string]string{
	ingestionConnection:   "The connection to the data source failed.",
	ingestionAuthFailed:   "The data source refused the credentials.",
	ingestionUnknownHost:  "The host of the data source could not be resolved.",
	ingestionQueryTimeout: "The query ran past its time limit.",
	ingestionSQLException: "The data source reported an error running the dataset's query. Its text is not shown here, since it can quote data; the server log has it.",
}

// sourceFailure returns the ErrorInfo of a failure at a data source, and
// logs the error.
func sourceFailure(typ string, err error) (string, string) {
	slog.Warn("ingestion failed at the data source", "type", typ, "err", err)
	return typ, sourceErrorText[typ]
}

// connectErrorType maps a DataSourceErrorInfoType to an IngestionErrorType.
func connectErrorType(t string) string {
	switch t {
	case source.ErrAccessDenied:
		return ingestionAuthFailed
	case source.ErrUnknownHost:
		return ingestionUnknownHost
	case source.ErrTimeout:
		return ingestionQueryTimeout
	case source.ErrGenericSQLFailure:
		return ingestionSQLException
	}
	return ingestionConnection
}
