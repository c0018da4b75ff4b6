//go:build unix

package audit_test

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/audit"
)

// BenchmarkLog measures the whole cost of one audited API call's record:
// what the request goroutine does (identifying parameters, event id,
// Record) plus what the writer does (JSON encoding, buffered file write),
// for a DescribeUser-sized record. Close is inside the timing, so every
// record is written; the queue is large enough that none is dropped.
//
//	go test ./internal/audit -run '^$' -bench Log -benchmem -count 5 -benchtime 50000x
func BenchmarkLog(b *testing.B) {
	l, err := audit.Open(audit.Options{Path: filepath.Join(b.TempDir(), "audit.log"), QueueSize: 1 << 17}) // room for -benchtime 50000x
	if err != nil {
		b.Fatal(err)
	}
	labels := map[string]string{"AwsAccountId": "123456789012", "Namespace": "default", "UserName": "admin"}
	id := audit.Identity{Type: audit.IdentityIAMUser, ARN: "arn:aws:iam::123456789012:user/admin", AccountID: "123456789012", AccessKeyID: "AKIAIOSFODNN7EXAMPLE", UserName: "admin"}
	b.ReportAllocs()
	cpu0 := processCPU()
	for b.Loop() {
		l.Record(&audit.Event{
			EventVersion: audit.Version, EventTime: time.Now().UTC().Truncate(time.Second), EventSource: audit.Source,
			EventName: "DescribeUser", EventType: audit.EventTypeAPICall, AWSRegion: "us-east-1", SourceIPAddress: "127.0.0.1",
			UserAgent:    "aws-sdk-go-v2/1.48.0 ua/2.1 os/linux lang/go#1.26.8 md/GOOS#linux md/GOARCH#amd64 api/quicksight#1.113.0",
			UserIdentity: id, RequestParameters: audit.RequestParameters(labels, nil, nil), RequestID: audit.NewEventID(),
			EventID: audit.NewEventID(), ReadOnly: true, RecipientAccountID: "123456789012",
		})
	}
	if err := l.Close(); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(processCPU()-cpu0)/float64(b.N)/1e3, "cpu-µs/op")
	if n := l.Dropped(); n > 0 {
		b.Fatalf("%d dropped", n)
	}
}

// processCPU is the process's user+system CPU time (steadier than wall
// time on a shared machine).
func processCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
