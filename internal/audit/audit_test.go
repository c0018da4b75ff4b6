package audit_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/audit"
)

func TestRequestParametersAllowList(t *testing.T) {
	body := []byte(`{"Name":"Sales","Type":"POSTGRESQL","DataSourceId":"pg",
		"Credentials":{"CredentialPair":{"Username":"u","Password":"hunter2-secret"}},
		"Password":"top-level-secret","SessionToken":"tok","code":"abc","DataSourceParameters":{"Host":"h"},
		"Email":{"nested":"object"},"SessionLifetimeInMinutes":60,"UnapplyCustomPermissions":true}`)
	q := url.Values{"next-token": {"pagination-secret"}, "entry-point": {"/start"}, "code": {"signon-code"}}
	got := audit.RequestParameters(map[string]string{"AwsAccountId": "123456789012", "Secret": "x"}, q, body)
	want := map[string]any{"awsAccountId": "123456789012", "name": "Sales", "type": "POSTGRESQL", "dataSourceId": "pg",
		"entryPoint": "/start", "sessionLifetimeInMinutes": float64(60), "unapplyCustomPermissions": true}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("RequestParameters = %v, want %v", got, want)
	}
	// Given the body decoded already (as the model check decodes it,
	// numbers as json.Number), the same members are kept.
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var decoded map[string]any
	if err := dec.Decode(&decoded); err != nil {
		t.Fatal(err)
	}
	if got := audit.RequestParametersOf(map[string]string{"AwsAccountId": "123456789012", "Secret": "x"}, q, body, decoded); !reflect.DeepEqual(got, want) {
		t.Fatalf("RequestParametersOf = %v, want %v", got, want)
	}
	for _, b := range [][]byte{nil, []byte("[1,2]"), []byte("not json"), []byte(`  {"Name":`)} {
		if got := audit.RequestParameters(nil, nil, b); got != nil {
			t.Errorf("RequestParameters(%q) = %v, want nil", b, got)
		}
	}
	big := []byte(`{"Name":"big","Definition":"` + strings.Repeat("x", 1<<20) + `"}`)
	if got := audit.RequestParameters(map[string]string{"AnalysisId": "a"}, nil, big); !reflect.DeepEqual(got, map[string]any{"analysisId": "a"}) {
		t.Errorf("RequestParameters of a body over 1 MiB = %v, want the labels only", got)
	}
	long := strings.Repeat("é", 400)
	got = audit.RequestParameters(map[string]string{"UserName": long}, nil, nil)
	if s := got["userName"].(string); len(s) > 512 || !strings.HasPrefix(long, s) {
		t.Errorf("long value kept as %d bytes", len(s))
	}
}

func event(name string, i int) *audit.Event {
	return &audit.Event{EventVersion: audit.Version, EventTime: time.Date(2026, 1, 1, 0, 0, i, 0, time.UTC), EventSource: audit.Source,
		EventName: name, EventID: fmt.Sprint(i), UserIdentity: audit.Identity{Type: audit.IdentityIAMUser, ARN: "arn:aws:iam::123456789012:user/alice", UserName: "alice"}}
}

func TestLogWritesAndRotates(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "audit.log")
	l, err := audit.Open(audit.Options{Path: path, MaxBytes: 4 << 10, Keep: 2})
	if err != nil {
		t.Fatal(err)
	}
	const n = 60
	for i := range n {
		l.Record(event("DescribeUser", i))
		if i%10 == 9 {
			if err := l.Flush(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	files := audit.Files(path)
	if len(files) != 3 || files[0] != path+".2" || files[1] != path+".1" || files[2] != path {
		t.Fatalf("files %v, want audit.log.2, audit.log.1, audit.log", files)
	}
	if _, err := os.Stat(path + ".3"); !os.IsNotExist(err) {
		t.Fatalf("a third rotated file was kept: %v", err)
	}
	var ids []string
	for _, f := range files {
		fi, err := os.Stat(f)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 || fi.Size() > 4<<10 {
			t.Errorf("%s: mode %v size %d", f, fi.Mode().Perm(), fi.Size())
		}
		r, _ := os.Open(f)
		err = audit.Scan(r, &audit.Filter{}, func(e *audit.Event) error { ids = append(ids, e.EventID); return nil }, func(line int, err error) { t.Errorf("%s:%d: %v", f, line, err) })
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	// The oldest records rotated away; the rest are in order, the last last.
	if len(ids) == 0 || len(ids) >= n || ids[len(ids)-1] != fmt.Sprint(n-1) {
		t.Fatalf("records kept: %v", ids)
	}
	for i := 1; i < len(ids); i++ {
		var a, b int
		fmt.Sscan(ids[i-1], &a)
		fmt.Sscan(ids[i], &b)
		if b != a+1 {
			t.Fatalf("records out of order: %v", ids)
		}
	}
}

// blockingWriter blocks every write until released; entered is closed
// when the first write starts.
type blockingWriter struct {
	entered chan struct{}
	once    sync.Once
	release chan struct{}
	mu      sync.Mutex
	buf     bytes.Buffer
}

func (w *blockingWriter) Write(p []byte) (int, error) {
	w.once.Do(func() { close(w.entered) })
	<-w.release
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Write(p)
}

// TestLogDropsWhenFull: a stuck writer never blocks Record; what does not
// fit in the queue is dropped and counted, the rest written on Close.
func TestLogDropsWhenFull(t *testing.T) {
	w := &blockingWriter{entered: make(chan struct{}), release: make(chan struct{})}
	l, err := audit.Open(audit.Options{Writer: w, QueueSize: 2, Logger: nil})
	if err != nil {
		t.Fatal(err)
	}
	const n = 50
	l.Record(event("DescribeUser", 0))
	<-w.entered // the writer is stuck writing record 0
	for i := 1; i < n; i++ {
		l.Record(event("DescribeUser", i)) // returns although the writer is stuck
	}
	// Two fit in the queue; the rest are dropped.
	dropped := l.Dropped()
	if dropped != n-3 {
		t.Fatalf("dropped %d of %d with a queue of 2, want %d", dropped, n, n-3)
	}
	close(w.release)
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Count(w.buf.String(), "\n")
	if uint64(lines)+dropped != n {
		t.Fatalf("%d written + %d dropped != %d", lines, dropped, n)
	}
	l.Record(event("DescribeUser", n))
	if l.Dropped() != dropped+1 {
		t.Fatalf("a record after Close was not counted as dropped")
	}
	var nilLog *audit.Log
	nilLog.Record(event("x", 0)) // a nil log records nothing
	if err := nilLog.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestFilter(t *testing.T) {
	lines := []*audit.Event{event("DescribeUser", 1), event("CreateDataSource", 2), event("DescribeUser", 3)}
	lines[1].ErrorCode = "AccessDeniedException"
	lines[2].SourceIPAddress = "10.0.0.9"
	lines[2].UserIdentity = audit.Identity{Type: audit.IdentityQuickSight, ARN: "arn:aws:quicksight:us-east-1:123456789012:user/default/bob"}
	var buf bytes.Buffer
	l, _ := audit.Open(audit.Options{Writer: &buf})
	for _, e := range lines {
		l.Record(e)
	}
	l.Close()
	buf.WriteString("torn line {\n")
	for _, tc := range []struct {
		f    audit.Filter
		want []string
	}{
		{audit.Filter{}, []string{"1", "2", "3"}},
		{audit.Filter{EventName: "DescribeUser"}, []string{"1", "3"}},
		{audit.Filter{ErrorOnly: true}, []string{"2"}},
		{audit.Filter{SourceIP: "10.0.0.9"}, []string{"3"}},
		{audit.Filter{User: "alice"}, []string{"1", "2"}},
		{audit.Filter{User: "bob"}, []string{"3"}},
		{audit.Filter{User: "arn:aws:iam::123456789012:user/alice"}, []string{"1", "2"}},
		{audit.Filter{Since: time.Date(2026, 1, 1, 0, 0, 2, 0, time.UTC)}, []string{"2", "3"}},
		{audit.Filter{Until: time.Date(2026, 1, 1, 0, 0, 2, 0, time.UTC)}, []string{"1"}},
	} {
		var got []string
		bad := 0
		err := audit.Scan(bytes.NewReader(buf.Bytes()), &tc.f, func(e *audit.Event) error { got = append(got, e.EventID); return nil }, func(int, error) { bad++ })
		if err != nil || bad != 1 || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("filter %+v: %v (bad %d, err %v), want %v", tc.f, got, bad, err, tc.want)
		}
	}
}

func FuzzScan(f *testing.F) {
	var buf bytes.Buffer
	l, _ := audit.Open(audit.Options{Writer: &buf})
	l.Record(event("DescribeUser", 1))
	l.Close()
	f.Add(buf.Bytes())
	f.Add([]byte("{\"eventName\":\"x\",\"eventTime\":\"bad\"}\n\n{}"))
	f.Fuzz(func(t *testing.T, b []byte) {
		filter := &audit.Filter{User: "alice", Since: time.Unix(0, 0)}
		audit.Scan(bytes.NewReader(b), filter, func(e *audit.Event) error {
			if e.EventName == "" || e.EventTime.IsZero() {
				t.Fatalf("Scan passed an event without name or time: %+v", e)
			}
			return nil
		}, nil)
		audit.RequestParameters(nil, nil, b)
	})
}

// TestLogConcurrentRecords: records made while the writer drains (after
// drains of an empty queue) are all written, once each.
func TestLogConcurrentRecords(t *testing.T) {
	var buf bytes.Buffer
	const writers, each = 4, 5000
	l, err := audit.Open(audit.Options{Writer: &buf, QueueSize: writers * each})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	l.Flush(ctx) // a drain of the empty queue
	var wg sync.WaitGroup
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				l.Record(event("DescribeUser", w*each+i))
			}
		})
	}
	wg.Go(func() {
		for range 200 {
			l.Flush(ctx)
		}
	})
	wg.Wait()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if n := l.Dropped(); n != 0 {
		t.Fatalf("%d dropped with room for all", n)
	}
	seen := map[string]bool{}
	err = audit.Scan(&buf, &audit.Filter{}, func(e *audit.Event) error {
		if seen[e.EventID] {
			t.Fatalf("record %s written twice", e.EventID)
		}
		seen[e.EventID] = true
		return nil
	}, func(line int, err error) { t.Errorf("line %d: %v", line, err) })
	if err != nil || len(seen) != writers*each {
		t.Fatalf("%d records written, want %d (%v)", len(seen), writers*each, err)
	}
}
