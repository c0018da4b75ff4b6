package sqlite

import (
	"context"
	"database/sql"
	"runtime"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

// Group commit.
//
// The hottest writes (PutOnce when an embed URL is minted, RedeemOnce when
// it is used) go through one goroutine, the batcher, instead of each
// request taking the single writer connection in turn. The batcher takes
// every write that is waiting, runs them one after another in one
// immediate transaction and commits once. Under load that turns dozens of
// commits (each appending every page it dirtied to the WAL, and each a
// hand-over of the connection to the next goroutine) into one. An idle
// server pays nothing: a lone write starts its own batch at once.
//
// Each batched write is one statement, or statements that undo themselves
// on failure (see RedeemOnce), so that a failed write leaves nothing
// behind in the batch's transaction: SQLite rolls back a failed statement
// alone and keeps the transaction. A failed commit fails every write of
// the batch. Statements run under the batch's own context, not the
// request's: an interrupted statement can roll back the whole transaction.
// A request whose context ends while it waits is dropped from the batch.

// maxBatch bounds the writes of one transaction, and so the latency one
// batch adds to the writes queued behind it.
const maxBatch = 256

// batchWrite is one write waiting for the batcher.
type batchWrite struct {
	ctx  context.Context
	fn   func(tx *batchTx) error
	done chan error
}

// batchTx is the transaction of one batch, with the batch's statements.
type batchTx struct {
	tx         *sql.Tx
	ws         *stmts
	stmts      map[string]*sql.Stmt
	unprepared []string // queries to prepare on the pool after the batch
}

// stmt returns the writer's prepared statement for query, bound to the
// batch's transaction.
func (b *batchTx) stmt(query string) (*sql.Stmt, error) {
	if st, ok := b.stmts[query]; ok {
		return st, nil
	}
	var st *sql.Stmt
	if pooled, ok := b.ws.m.Load(query); ok {
		st = b.tx.Stmt(pooled.(*sql.Stmt))
	} else {
		// The transaction holds the writer's only connection, so the
		// pool cannot prepare now: prepare on the transaction, and on
		// the pool once the batch is done.
		var err error
		if st, err = b.tx.Prepare(query); err != nil {
			return nil, err
		}
		b.unprepared = append(b.unprepared, query)
	}
	b.stmts[query] = st
	return st, nil
}

func (b *batchTx) exec(query string, args ...any) (sql.Result, error) {
	st, err := b.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.Exec(args...)
}

func (b *batchTx) queryRow(query string, args ...any) scanner {
	st, err := b.stmt(query)
	if err != nil {
		return errRow{err}
	}
	return st.QueryRow(args...)
}

// batcher runs batched writes on the writer pool.
type batcher struct {
	db   *sql.DB
	ws   *stmts
	in   chan *batchWrite
	stop chan struct{}
	done chan struct{}
}

func startBatcher(db *sql.DB, ws *stmts) *batcher {
	b := &batcher{db: db, ws: ws, in: make(chan *batchWrite), stop: make(chan struct{}), done: make(chan struct{})}
	go b.loop()
	return b
}

// write runs fn in a batch and returns its error, or the commit's.
func (b *batcher) write(ctx context.Context, fn func(tx *batchTx) error) error {
	w := &batchWrite{ctx: ctx, fn: fn, done: make(chan error, 1)}
	select {
	case b.in <- w:
	case <-ctx.Done():
		return ctx.Err()
	case <-b.stop:
		return sql.ErrConnDone
	}
	// Once queued, the write is the batcher's: wait for its outcome even
	// if ctx ends, so the caller knows whether it was committed.
	return <-w.done
}

func (b *batcher) loop() {
	defer close(b.done)
	batch := make([]*batchWrite, 0, maxBatch)
	for {
		select {
		case w := <-b.in:
			batch = append(batch[:0], w)
		case <-b.stop:
			b.drain()
			return
		}
		// Let the goroutines that are about to write queue up first: a
		// few microseconds now save a commit each.
		runtime.Gosched()
	fill:
		for len(batch) < maxBatch {
			select {
			case w := <-b.in:
				batch = append(batch, w)
			default:
				break fill
			}
		}
		b.run(batch)
		clear(batch)
	}
}

// drain fails the writes still queued at close.
func (b *batcher) drain() {
	for {
		select {
		case w := <-b.in:
			w.done <- sql.ErrConnDone
		default:
			return
		}
	}
}

// run executes one batch in one transaction.
func (b *batcher) run(batch []*batchWrite) {
	errs := make([]error, len(batch))
	tx, err := b.db.BeginTx(context.Background(), nil)
	if err != nil {
		err = normalize("begin batch", err, sqlkit.Meaning{})
		for _, w := range batch {
			w.done <- err
		}
		return
	}
	bt := &batchTx{tx: tx, ws: b.ws, stmts: make(map[string]*sql.Stmt, 4)}
	ok := 0
	var abort error
	for i, w := range batch {
		if err := w.ctx.Err(); err != nil {
			errs[i] = err
			continue
		}
		errs[i] = w.fn(bt)
		switch sg.ErrorCode(errs[i]) {
		case "":
			ok++
			continue
		case sg.EEXISTS, sg.ENOTFOUND:
			continue // the write's own outcome; the transaction is intact
		}
		// Anything else (I/O, a full disk, SQLite rolling the
		// transaction back) may have ended the transaction: give up the
		// batch rather than run the rest outside it.
		abort = errs[i]
		for j := i + 1; j < len(batch); j++ {
			errs[j] = abort
		}
		break
	}
	switch {
	case abort != nil:
		tx.Rollback()
		err = abort
	case ok > 0:
		err = normalize("commit batch", tx.Commit(), sqlkit.Meaning{})
	default:
		err = tx.Rollback()
	}
	for i, w := range batch {
		if err != nil && sg.ErrorCode(errs[i]) == "" {
			errs[i] = err
		}
		w.done <- errs[i]
	}
	for _, q := range bt.unprepared {
		b.ws.get(context.Background(), q) // a failure shows again in the next batch
	}
}

// close stops the batcher after failing any queued writes.
func (b *batcher) close() {
	if b == nil {
		return
	}
	close(b.stop)
	<-b.done
}
