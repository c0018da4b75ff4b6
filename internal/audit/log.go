package audit

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// Options configure a Log.
type Options struct {
	// Path is the log file, appended to and created with mode 0600.
	// Ignored when Writer is set.
	Path string
	// Writer, when set, receives the records instead of a file (standard
	// output for --audit-log -); it is never rotated or closed.
	Writer io.Writer
	// MaxBytes rotates the file once it would grow past this size: the
	// file becomes Path.1, Path.1 becomes Path.2, … up to Keep files.
	// 0 means never rotate.
	MaxBytes int64
	// Keep is the number of rotated files kept (0: none, the full file
	// is discarded when it rotates).
	Keep int
	// QueueSize bounds the records waiting to be written; 0 means
	// DefaultQueueSize.
	QueueSize int
	// Logger receives write failures and dropped-record warnings.
	Logger *slog.Logger
}

// DefaultQueueSize is the default bound of the queue of records.
const DefaultQueueSize = 8192

// flushDelay bounds how long a record waits before it is written to the
// file.
const flushDelay = 100 * time.Millisecond

// warnEvery is how often (at most) dropped records and write failures are
// reported in the server log.
const warnEvery = time.Minute

// Log is an asynchronous audit log. A nil *Log records nothing.
type Log struct {
	opts    Options
	log     *slog.Logger
	flushes chan chan struct{}
	// mu guards queue: the records waiting for the writer. Record only
	// appends under the lock; the writer takes the whole queue at once,
	// every flushDelay or as soon as it is half full, so a busy server
	// wakes the writer ten times a second, not once per request.
	mu      sync.Mutex
	queue   []*Event
	spare   []*Event // the writer's batch, reused
	wake    chan struct{}
	stop    chan struct{}
	done    chan struct{}
	closed  atomic.Bool
	dropped atomic.Uint64
	once    sync.Once

	// Owned by the writer goroutine.
	file     *os.File
	buf      *bufio.Writer
	line     []byte // the record being written
	size     int64
	writeErr error
}

// Open opens (or creates) the log and starts its writer.
func Open(opts Options) (*Log, error) {
	if opts.QueueSize <= 0 {
		opts.QueueSize = DefaultQueueSize
	}
	if opts.Keep < 0 {
		return nil, errors.New("audit: Keep must not be negative")
	}
	l := &Log{
		opts:    opts,
		log:     opts.Logger,
		queue:   make([]*Event, 0, opts.QueueSize),
		spare:   make([]*Event, 0, opts.QueueSize),
		wake:    make(chan struct{}, 1),
		flushes: make(chan chan struct{}),
		stop:    make(chan struct{}),
		done:    make(chan struct{}),
	}
	if l.log == nil {
		l.log = slog.Default()
	}
	if opts.Writer != nil {
		l.buf = bufio.NewWriterSize(opts.Writer, 64<<10)
	} else if err := l.openFile(); err != nil {
		return nil, err
	}
	go l.run()
	return l, nil
}

// Record queues e and returns at once. When the queue is full (the disk
// cannot keep up) e is dropped and counted: requests are never held up by
// the audit log. Records after Close are dropped.
func (l *Log) Record(e *Event) {
	if l == nil {
		return
	}
	if l.closed.Load() {
		l.dropped.Add(1)
		return
	}
	l.mu.Lock()
	n := len(l.queue)
	if n == l.opts.QueueSize {
		l.mu.Unlock()
		l.dropped.Add(1)
		return
	}
	l.queue = append(l.queue, e)
	l.mu.Unlock()
	if n+1 == (l.opts.QueueSize+1)/2 {
		select {
		case l.wake <- struct{}{}:
		default:
		}
	}
}

// Dropped returns how many records were dropped because the queue was full
// (or the log closed).
func (l *Log) Dropped() uint64 {
	if l == nil {
		return 0
	}
	return l.dropped.Load()
}

// Flush waits until every record queued before the call is written out
// (tests and admin tools read the file after it).
func (l *Log) Flush(ctx context.Context) error {
	if l == nil {
		return nil
	}
	ack := make(chan struct{})
	select {
	case l.flushes <- ack:
	case <-l.done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case <-ack:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Close writes what is queued, flushes and closes the file.
func (l *Log) Close() error {
	if l == nil {
		return nil
	}
	l.once.Do(func() {
		l.closed.Store(true)
		close(l.stop)
		<-l.done
	})
	if n := l.dropped.Load(); n > 0 {
		l.log.Warn("audit records dropped since start (queue full)", "dropped", n)
	}
	return l.writeErr
}

// run is the writer goroutine.
func (l *Log) run() {
	defer close(l.done)
	tick := time.NewTicker(flushDelay)
	defer tick.Stop()
	var reported uint64
	warned := time.Now()
	for {
		select {
		case <-tick.C:
			l.drain()
			if n := l.dropped.Load(); n > reported && time.Since(warned) >= warnEvery {
				l.log.Warn("audit records dropped: the audit log cannot keep up", "dropped", n-reported, "total", n)
				reported, warned = n, time.Now()
			}
		case <-l.wake:
			l.drain()
		case ack := <-l.flushes:
			l.drain()
			close(ack)
		case <-l.stop:
			l.drain()
			if l.file != nil {
				if err := l.file.Close(); err != nil && l.writeErr == nil {
					l.writeErr = err
				}
			}
			return
		}
	}
}

// drain writes every queued record and flushes.
func (l *Log) drain() {
	l.mu.Lock()
	batch := l.queue
	if len(batch) == 0 {
		l.mu.Unlock()
		return
	}
	// The queue and the batch are two arrays that trade places: Record
	// appends to one while this writes the other.
	l.queue = l.spare[:0]
	l.mu.Unlock()
	for i, e := range batch {
		l.write(e)
		batch[i] = nil
	}
	l.spare = batch[:0]
	l.flush()
}

func (l *Log) write(e *Event) {
	if l.opts.MaxBytes > 0 && l.file != nil && l.size > 0 && l.size+estimate >= l.opts.MaxBytes {
		l.rotate()
	}
	l.line = append(appendEvent(l.line[:0], e), '\n')
	if _, err := (countingWriter{l}).Write(l.line); err != nil {
		l.fail("writing the audit log", err)
	}
}

// estimate is the size of a typical record; a file rotates once it has
// less room left than that.
const estimate = 1 << 10

func (l *Log) flush() {
	if err := l.buf.Flush(); err != nil {
		l.fail("writing the audit log", err)
	}
}

// fail reports the first write failure in the server log and keeps the
// latest for Close.
func (l *Log) fail(msg string, err error) {
	if l.writeErr == nil {
		l.log.Error(msg, "path", l.opts.Path, "err", err)
	}
	l.writeErr = err
}

func (l *Log) openFile() error {
	f, err := os.OpenFile(l.opts.Path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("audit log: %w", err)
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return fmt.Errorf("audit log: %w", err)
	}
	l.file, l.size = f, fi.Size()
	if l.buf == nil {
		l.buf = bufio.NewWriterSize(f, 64<<10)
	} else {
		l.buf.Reset(f)
	}
	return nil
}

// rotate renames the file to Path.1 (shifting older ones up to Path.Keep)
// and starts a new one.
func (l *Log) rotate() {
	l.flush()
	l.file.Close()
	p, keep := l.opts.Path, l.opts.Keep
	os.Remove(fmt.Sprintf("%s.%d", p, keep+1)) // left by a larger Keep earlier
	if keep == 0 {
		os.Remove(p)
	}
	for i := keep - 1; i >= 1; i-- {
		os.Rename(fmt.Sprintf("%s.%d", p, i), fmt.Sprintf("%s.%d", p, i+1))
	}
	if keep > 0 {
		if err := os.Rename(p, p+".1"); err != nil {
			l.fail("rotating the audit log", err)
		}
	}
	if err := l.openFile(); err != nil {
		// Keep writing to a discarding buffer rather than crash; the
		// failure is in the server log.
		l.fail("reopening the audit log", err)
		l.file = nil
		l.buf.Reset(io.Discard)
	}
}

// countingWriter writes through the Log's buffer and counts the file size.
type countingWriter struct{ l *Log }

func (w countingWriter) Write(p []byte) (int, error) {
	n, err := w.l.buf.Write(p)
	w.l.size += int64(n)
	return n, err
}
