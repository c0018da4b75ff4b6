package sqlite_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/store/sqlite"
	"github.com/sightglass/sightglass/internal/store/storetest"
)

// The hot paths on the default configuration (WAL, synchronous=NORMAL,
// reader pool of sqlite.DefaultReadConns), each on a fresh file.

func BenchmarkFindUser(b *testing.B) { storetest.BenchFindUser(b, open(b), false) }
func BenchmarkFindUserParallel(b *testing.B) {
	storetest.BenchFindUser(b, open(b), true)
}
func BenchmarkFindAccessKey(b *testing.B) { storetest.BenchFindAccessKey(b, open(b), false) }
func BenchmarkFindAccessKeyParallel(b *testing.B) {
	storetest.BenchFindAccessKey(b, open(b), true)
}
func BenchmarkListPrincipalPolicies(b *testing.B) {
	storetest.BenchListPrincipalPolicies(b, open(b), false)
}
func BenchmarkListPrincipalPoliciesParallel(b *testing.B) {
	storetest.BenchListPrincipalPolicies(b, open(b), true)
}
func BenchmarkPutOnce(b *testing.B)         { storetest.BenchPutOnce(b, open(b), false) }
func BenchmarkPutOnceParallel(b *testing.B) { storetest.BenchPutOnce(b, open(b), true) }
func BenchmarkConsumeOnce(b *testing.B)     { storetest.BenchConsumeOnce(b, open(b), false) }
func BenchmarkConsumeOnceParallel(b *testing.B) {
	storetest.BenchConsumeOnce(b, open(b), true)
}

// Sign-on writes from 32 goroutines (16 per CPU, as a loaded server has
// requests in flight): PutOnce and RedeemOnce share commits (group commit),
// ConsumeOnce and CreateSession take the writer connection in turn.
func BenchmarkPutOnceParallel32(b *testing.B) {
	b.SetParallelism(16)
	storetest.BenchPutOnce(b, open(b), true)
}
func BenchmarkRedeemOnce(b *testing.B) { storetest.BenchRedeemOnce(b, open(b), false) }
func BenchmarkRedeemOnceParallel32(b *testing.B) {
	b.SetParallelism(16)
	storetest.BenchRedeemOnce(b, open(b), true)
}
func BenchmarkConsumeThenCreate(b *testing.B) {
	storetest.BenchConsumeThenCreate(b, open(b), false)
}
func BenchmarkConsumeThenCreateParallel32(b *testing.B) {
	b.SetParallelism(16)
	storetest.BenchConsumeThenCreate(b, open(b), true)
}

// BenchmarkPutOnceSyncFull is PutOnce with WithSyncFull: the price of a
// commit that survives power loss.
func BenchmarkPutOnceSyncFull(b *testing.B) {
	storetest.BenchPutOnce(b, open(b, sqlite.WithSyncFull()), false)
}

// BenchmarkReaders measures FindUser from 8 goroutines per CPU (a busy
// server has many requests in flight) against the size of the reader pool
// (0: reads share the writer connection), idle and while another
// goroutine writes continuously.
func BenchmarkReaders(b *testing.B) {
	for _, writes := range []bool{false, true} {
		for _, n := range []int{0, 1, 2, 4, 8} {
			b.Run(fmt.Sprintf("writing=%v/readers=%d", writes, n), func(b *testing.B) {
				s := open(b, sqlite.WithReadConns(n))
				if writes {
					ctx, cancel := context.WithCancel(context.Background())
					var wg sync.WaitGroup
					wg.Go(func() {
						for i := 0; ctx.Err() == nil; i++ {
							s.PutOnce(ctx, fmt.Sprintf("bg-%d", i), []byte("x"), time.Now().Add(time.Hour))
						}
					})
					b.Cleanup(func() { cancel(); wg.Wait() })
				}
				b.SetParallelism(8)
				storetest.BenchFindUser(b, s, true)
			})
		}
	}
}
func BenchmarkClaimRefreshRun(b *testing.B) { storetest.BenchClaimRefreshRun(b, open(b), false) }
func BenchmarkClaimRefreshRunParallel(b *testing.B) {
	b.SetParallelism(8)
	storetest.BenchClaimRefreshRun(b, open(b), true)
}
