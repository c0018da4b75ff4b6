package postgres_test

import (
	"testing"

	"github.com/sightglass/sightglass/internal/store/storetest"
)

// The hot paths, each on a fresh database cloned from the template. They
// skip without SIGHTGLASS_TEST_POSTGRES. Parallel variants run 8
// goroutines per CPU, as a loaded server would: round trips overlap, and
// commits share fsyncs (group commit).

func BenchmarkFindUser(b *testing.B) { storetest.BenchFindUser(b, open(b), false) }
func BenchmarkFindUserParallel(b *testing.B) {
	b.SetParallelism(8)
	storetest.BenchFindUser(b, open(b), true)
}
func BenchmarkFindAccessKey(b *testing.B) { storetest.BenchFindAccessKey(b, open(b), false) }
func BenchmarkFindAccessKeyParallel(b *testing.B) {
	b.SetParallelism(8)
	storetest.BenchFindAccessKey(b, open(b), true)
}
func BenchmarkListPrincipalPolicies(b *testing.B) {
	storetest.BenchListPrincipalPolicies(b, open(b), false)
}
func BenchmarkListPrincipalPoliciesParallel(b *testing.B) {
	b.SetParallelism(8)
	storetest.BenchListPrincipalPolicies(b, open(b), true)
}
func BenchmarkPutOnce(b *testing.B) { storetest.BenchPutOnce(b, open(b), false) }
func BenchmarkPutOnceParallel(b *testing.B) {
	b.SetParallelism(8)
	storetest.BenchPutOnce(b, open(b), true)
}
func BenchmarkConsumeOnce(b *testing.B) { storetest.BenchConsumeOnce(b, open(b), false) }
func BenchmarkConsumeOnceParallel(b *testing.B) {
	b.SetParallelism(8)
	storetest.BenchConsumeOnce(b, open(b), true)
}
func BenchmarkRedeemOnce(b *testing.B) { storetest.BenchRedeemOnce(b, open(b), false) }
func BenchmarkRedeemOnceParallel(b *testing.B) {
	b.SetParallelism(8)
	storetest.BenchRedeemOnce(b, open(b), true)
}
func BenchmarkConsumeThenCreate(b *testing.B) {
	storetest.BenchConsumeThenCreate(b, open(b), false)
}
func BenchmarkConsumeThenCreateParallel(b *testing.B) {
	b.SetParallelism(8)
	storetest.BenchConsumeThenCreate(b, open(b), true)
}
func BenchmarkClaimRefreshRun(b *testing.B) { storetest.BenchClaimRefreshRun(b, open(b), false) }
func BenchmarkClaimRefreshRunParallel(b *testing.B) {
	b.SetParallelism(8)
	storetest.BenchClaimRefreshRun(b, open(b), true)
}
