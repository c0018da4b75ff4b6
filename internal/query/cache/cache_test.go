package cache_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/query/cache"
	"github.com/sightglass/sightglass/internal/query/source"
)

func result(v string) *source.Result {
	return &source.Result{Columns: []string{"v"}, Rows: [][]any{{v}}}
}

func value(r *source.Result) string { return r.Rows[0][0].(string) }

func TestLRUByEntries(t *testing.T) {
	c := cache.New(3, 1<<20)
	for _, k := range []string{"a", "b", "c"} {
		c.Put(k, result(k))
	}
	if _, ok := c.Get("a"); !ok { // a becomes the most recent
		t.Fatal("a missing")
	}
	c.Put("d", result("d")) // evicts b, the least recent
	if _, ok := c.Get("b"); ok {
		t.Error("b survived")
	}
	for _, k := range []string{"a", "c", "d"} {
		if r, ok := c.Get(k); !ok || value(r) != k {
			t.Errorf("Get(%q) = %v, %v", k, r, ok)
		}
	}
	if s := c.Stats(); s.Entries != 3 || s.Evictions != 1 {
		t.Errorf("stats %+v", s)
	}
	c.Put("a", result("a2")) // replacing keeps the count
	if r, _ := c.Get("a"); value(r) != "a2" || c.Len() != 3 {
		t.Errorf("replace: %v, len %d", r, c.Len())
	}
}

func TestLRUByBytes(t *testing.T) {
	big := func(n int) *source.Result { return result(strings.Repeat("x", n)) }
	one := big(1000).Size() + 64 + 1
	c := cache.New(100, 3*one+10) // room for three
	for i := range 4 {
		c.Put(fmt.Sprint(i), big(1000))
	}
	s := c.Stats()
	if s.Entries != 3 || s.Bytes > 3*one+10 {
		t.Fatalf("stats %+v, want 3 entries within %d bytes", s, 3*one+10)
	}
	if _, ok := c.Get("0"); ok {
		t.Error("oldest entry survived")
	}
	c.Put("huge", big(10*int(one))) // larger than the whole cache: not stored, nothing evicted
	if _, ok := c.Get("huge"); ok || c.Len() != 3 {
		t.Errorf("huge stored, or evicted others: len %d", c.Len())
	}
}

func TestInvalidatePrefix(t *testing.T) {
	c := cache.New(100, 1<<20)
	keys := []string{
		cache.Key("111/sales@3", "SELECT 1", nil),
		cache.Key("111/sales@3", "SELECT 2", []any{"x"}),
		cache.Key("111/sales@4", "SELECT 1", nil),
		cache.Key("111/salesx@3", "SELECT 1", nil),
		cache.Key("222/sales@3", "SELECT 1", nil),
	}
	for _, k := range keys {
		c.Put(k, result(k))
	}
	c.InvalidatePrefix("111/sales@3|")
	want := []bool{false, false, true, true, true}
	for i, k := range keys {
		if _, ok := c.Get(k); ok != want[i] {
			t.Errorf("after invalidating 111/sales@3: %q present %v, want %v", k, ok, want[i])
		}
	}
	c.InvalidatePrefix("111/sales@") // every version of the dataset
	if c.Len() != 2 {
		t.Errorf("len %d after invalidating all versions, want 2", c.Len())
	}
}

func TestKeyUnambiguous(t *testing.T) {
	ts := time.Date(2026, 1, 2, 3, 4, 5, 6, time.UTC)
	cases := []struct {
		sql  string
		args []any
	}{
		{"a|b", nil},
		{"a", []any{"|b"}},
		{"a", []any{"b"}},
		{"a", []any{"b", ""}},
		{"a", []any{"", "b"}},
		{"a", []any{int64(1)}},
		{"a", []any{1.0}},
		{"a", []any{"1"}},
		{"a", []any{true}},
		{"a", []any{nil}},
		{"a", []any{[]byte("1")}},
		{"a", []any{ts}},
		{"a", []any{ts.Format(time.RFC3339Nano)}},
		{"a", []any{"s1:x;"}},
		{"a", []any{"s1:x;", "y"}},
		{"a", []any{"s1:x;s1:y;"}},
		{"a", nil},
		{"a", []any{}},
	}
	seen := map[string]int{}
	for i, tc := range cases {
		k := cache.Key("scope", tc.sql, tc.args)
		if j, dup := seen[k]; dup && !(len(cases[j].args) == 0 && len(tc.args) == 0) {
			t.Errorf("cases %d and %d share key %q", j, i, k)
		}
		seen[k] = i
		if !strings.HasPrefix(k, "scope|") {
			t.Errorf("key %q does not start with its scope", k)
		}
	}
	a, b := cache.Key("s", "q", []any{int64(7), "x"}), cache.Key("s", "q", []any{int64(7), "x"})
	if a != b {
		t.Error("key not deterministic")
	}
}

func TestGetOrComputeDeduplicates(t *testing.T) {
	c := cache.New(10, 1<<20)
	var calls atomic.Int32
	release := make(chan struct{})
	const n = 20
	var wg sync.WaitGroup
	results := make([]*source.Result, n)
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = c.GetOrCompute(context.Background(), "k", func() (*source.Result, error) {
				calls.Add(1)
				<-release
				return result("computed"), nil
			})
		}()
	}
	// Wait until every caller is either computing or waiting.
	for c.Stats().Misses+c.Stats().Shared < n {
		time.Sleep(time.Millisecond)
	}
	close(release)
	wg.Wait()
	if calls.Load() != 1 {
		t.Fatalf("computed %d times, want 1", calls.Load())
	}
	for i := range n {
		if errs[i] != nil || results[i] != results[0] {
			t.Fatalf("caller %d: %v, %v", i, results[i], errs[i])
		}
	}
	if s := c.Stats(); s.Misses != 1 || s.Shared != n-1 {
		t.Errorf("stats %+v", s)
	}
	r, err := c.GetOrCompute(context.Background(), "k", func() (*source.Result, error) { t.Fatal("computed a hit"); return nil, nil })
	if err != nil || value(r) != "computed" {
		t.Fatalf("hit: %v %v", r, err)
	}
}

func TestGetOrComputeErrorsNotStored(t *testing.T) {
	c := cache.New(10, 1<<20)
	boom := errors.New("boom")
	if _, err := c.GetOrCompute(context.Background(), "k", func() (*source.Result, error) { return nil, boom }); err != boom {
		t.Fatalf("err %v", err)
	}
	if _, ok := c.Get("k"); ok {
		t.Fatal("error result stored")
	}
	r, err := c.GetOrCompute(context.Background(), "k", func() (*source.Result, error) { return result("ok"), nil })
	if err != nil || value(r) != "ok" {
		t.Fatalf("retry: %v %v", r, err)
	}
}

func TestGetOrComputeInvalidatedWhileRunning(t *testing.T) {
	c := cache.New(10, 1<<20)
	started, release := make(chan struct{}), make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		c.GetOrCompute(context.Background(), "ds@1|q", func() (*source.Result, error) {
			close(started)
			<-release
			return result("stale"), nil
		})
	}()
	<-started
	c.InvalidatePrefix("ds@1|")
	close(release)
	<-done
	if _, ok := c.Get("ds@1|q"); ok {
		t.Fatal("a result computed before the invalidation was stored")
	}
}

func TestGetOrComputeWaiterContexts(t *testing.T) {
	c := cache.New(10, 1<<20)
	leaderCtx, cancelLeader := context.WithCancel(context.Background())
	started := make(chan struct{})
	leaderDone := make(chan error)
	go func() {
		_, err := c.GetOrCompute(leaderCtx, "k", func() (*source.Result, error) {
			close(started)
			<-leaderCtx.Done()
			return nil, fmt.Errorf("query: %w", leaderCtx.Err())
		})
		leaderDone <- err
	}()
	<-started

	// A waiter whose own context ends stops waiting.
	waitCtx, cancelWait := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancelWait()
	if _, err := c.GetOrCompute(waitCtx, "k", nil); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("waiter: %v", err)
	}

	// A waiter with a live context computes afresh when the leader gives up.
	got := make(chan *source.Result)
	go func() {
		r, _ := c.GetOrCompute(context.Background(), "k", func() (*source.Result, error) { return result("second"), nil })
		got <- r
	}()
	for c.Stats().Shared < 2 {
		time.Sleep(time.Millisecond)
	}
	cancelLeader()
	if err := <-leaderDone; !errors.Is(err, context.Canceled) {
		t.Fatalf("leader: %v", err)
	}
	if r := <-got; r == nil || value(r) != "second" {
		t.Fatalf("second caller got %v", r)
	}
}

func TestConcurrentUse(t *testing.T) {
	c := cache.New(50, 1<<16)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 2000 {
				k := cache.Key(fmt.Sprintf("ds%d@1", i%7), "q", []any{int64(i % 97)})
				switch i % 5 {
				case 0:
					c.Put(k, result(k))
				case 1:
					c.Get(k)
				case 2:
					if i%100 == g {
						c.InvalidatePrefix(fmt.Sprintf("ds%d@", i%7))
					}
				default:
					r, err := c.GetOrCompute(context.Background(), k, func() (*source.Result, error) { return result(k), nil })
					if err != nil || value(r) != k {
						t.Errorf("GetOrCompute(%q) = %v, %v", k, r, err)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	if s := c.Stats(); s.Entries > 50 || s.Bytes > 1<<16 {
		t.Fatalf("bounds exceeded: %+v", s)
	}
}
