package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"runtime"
	"sync"

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

// batchTx is the transaction of one batch, with the statements prepared
// on the writer's connection (batchconn.go).
type batchTx struct {
	bc *batchConn
}

func (b *batchTx) exec(query string, args ...any) (driver.Result, error) {
	st, err := b.bc.stmt(query)
	if err != nil {
		return nil, err
	}
	return exec(st, args)
}

func (b *batchTx) queryRow(query string, args ...any) scanner {
	st, err := b.bc.stmt(query)
	if err != nil {
		return errRow{err}
	}
	return queryRow(st, args)
}

// batcher runs batched writes on the writer pool.
type batcher struct {
	db   *sql.DB
	bc   batchConn // the loop's alone
	in   chan *batchWrite
	stop chan struct{}
	done chan struct{}
}

func startBatcher(db *sql.DB) *batcher {
	b := &batcher{db: db, in: make(chan *batchWrite, maxBatch), stop: make(chan struct{}), done: make(chan struct{})}
	go b.loop()
	return b
}

// writes recycles batchWrites with their channels: one is taken per
// minted code.
var writes = sync.Pool{New: func() any { return &batchWrite{done: make(chan error, 1)} }}

// write runs fn in a batch and returns its error, or the commit's.
//
// The queue holds up to a batch of writes, so that a write that comes
// while a batch runs waits once, for its answer, rather than first for
// the batcher to take it and then for the answer.
func (b *batcher) write(ctx context.Context, fn func(tx *batchTx) error) error {
	w := writes.Get().(*batchWrite)
	w.ctx, w.fn = ctx, fn
	recycle := true
	defer func() {
		if recycle {
			w.ctx, w.fn = nil, nil
			writes.Put(w)
		}
	}()
	select {
	case b.in <- w:
	case <-ctx.Done():
		return ctx.Err()
	case <-b.stop:
		return sql.ErrConnDone
	}
	// Once queued, the write is the batcher's: wait for its outcome even
	// if ctx ends, so the caller knows whether it was committed. Its
	// answer is the batcher's last use of w.
	select {
	case err := <-w.done:
		return err
	case <-b.done:
		// The batcher has stopped. It answered w before it did, or it
		// never took w from the queue (w came after its last look).
		select {
		case err := <-w.done:
			return err
		default:
			recycle = false // w stays in the dead queue
			return sql.ErrConnDone
		}
	}
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
			b.closeStmts()
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

// run executes one batch in one transaction on the writer's connection.
func (b *batcher) run(batch []*batchWrite) {
	errs := make([]error, len(batch))
	c, err := b.db.Conn(context.Background())
	if err != nil {
		err = normalize("begin batch", err, sqlkit.Meaning{})
	} else {
		c.Raw(func(dc any) error {
			var bad bool
			bad, err = b.runOn(dc, batch, errs)
			if bad {
				// The connection may still be inside the transaction:
				// database/sql closes it rather than hand it on.
				return driver.ErrBadConn
			}
			return nil
		})
		c.Close()
	}
	for i, w := range batch {
		if errs[i] == nil {
			errs[i] = err
		} else if err != nil && sg.ErrorCode(errs[i]) == "" {
			errs[i] = err // a write that did not commit
		}
		w.done <- errs[i]
	}
}

// runOn runs the batch on the driver connection dc, setting errs[i] to the
// outcome of batch[i] in the transaction. It returns the error of the
// batch as a whole (its BEGIN, COMMIT or the write that aborted it), which
// the writes that succeeded in the transaction then share, and whether
// the connection is to be discarded: after a failed COMMIT or ROLLBACK it
// may still be inside the transaction.
func (b *batcher) runOn(dc any, batch []*batchWrite, errs []error) (bad bool, err error) {
	if err := b.bc.on(dc); err != nil {
		return false, normalize("begin batch", err, sqlkit.Meaning{})
	}
	if err := run(b.bc.begin); err != nil {
		return false, normalize("begin batch", err, sqlkit.Meaning{})
	}
	bt := &batchTx{bc: &b.bc}
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
	if abort == nil && ok > 0 {
		if err := run(b.bc.commit); err != nil {
			// SQLite may or may not have rolled back: roll back, and
			// give up the connection either way.
			run(b.bc.rollback)
			b.bc.close()
			return true, normalize("commit batch", err, sqlkit.Meaning{})
		}
		return false, nil
	}
	if err := run(b.bc.rollback); err != nil {
		b.bc.close()
		if abort == nil {
			abort = normalize("roll back batch", err, sqlkit.Meaning{})
		}
		return true, abort
	}
	return false, abort
}

// closeStmts closes the batcher's statements on the writer's connection.
func (b *batcher) closeStmts() {
	if b.bc.dc == nil {
		return
	}
	c, err := b.db.Conn(context.Background())
	if err != nil {
		return // the pool is closing; the connection goes with it
	}
	c.Raw(func(dc any) error {
		if dc == b.bc.dc {
			b.bc.close()
		}
		return nil
	})
	c.Close()
}

// close stops the batcher after failing any queued writes.
func (b *batcher) close() {
	if b == nil {
		return
	}
	close(b.stop)
	<-b.done
}
