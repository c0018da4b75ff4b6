package storetest

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

// The Bench functions measure a store's hot paths; each store package
// wraps them in its own Benchmark functions. parallel runs the operation
// from GOMAXPROCS goroutines (b.RunParallel; use -cpu to vary).

const benchUsers = 1000

// BenchFindUser measures FindUser over 1000 users (DescribeUser's read).
func BenchFindUser(b *testing.B, s sg.Store, parallel bool) {
	ctx := context.Background()
	acct := newAccountID()
	names := make([]string, benchUsers)
	for i := range names {
		names[i] = fmt.Sprintf("user-%04d", i)
		must(b, "CreateUser", s.CreateUser(ctx, newUser(acct, names[i])))
	}
	run(b, parallel, func(i int) error {
		_, err := s.FindUser(ctx, acct, sg.DefaultNamespace, names[i%benchUsers])
		return err
	})
}

// BenchFindAccessKey measures FindAccessKey over 1000 keys (every signed
// request's first read).
func BenchFindAccessKey(b *testing.B, s sg.Store, parallel bool) {
	ctx := context.Background()
	acct := newAccountID()
	ids := make([]string, benchUsers)
	for i := range ids {
		p := newPrincipal(acct, sg.PrincipalUser, fmt.Sprintf("p%04d", i))
		must(b, "CreatePrincipal", s.CreatePrincipal(ctx, p))
		ids[i] = fmt.Sprintf("AKIA%016d", i)
		must(b, "CreateAccessKey", s.CreateAccessKey(ctx, newAccessKey(p, ids[i])))
	}
	run(b, parallel, func(i int) error {
		_, err := s.FindAccessKey(ctx, ids[i%benchUsers])
		return err
	})
}

// BenchListPrincipalPolicies measures listing a principal's 2 policies
// (every authorized request's second read, without the app's cache).
func BenchListPrincipalPolicies(b *testing.B, s sg.Store, parallel bool) {
	ctx := context.Background()
	acct := newAccountID()
	names := make([]string, 100)
	for i := range names {
		p := newPrincipal(acct, sg.PrincipalUser, fmt.Sprintf("p%03d", i))
		names[i] = p.Name
		must(b, "CreatePrincipal", s.CreatePrincipal(ctx, p))
		must(b, "PutPrincipalPolicy", s.PutPrincipalPolicy(ctx, newPolicy(p, "a")))
		must(b, "PutPrincipalPolicy", s.PutPrincipalPolicy(ctx, newPolicy(p, "b")))
	}
	run(b, parallel, func(i int) error {
		list, err := s.ListPrincipalPolicies(ctx, acct, sg.PrincipalUser, names[i%len(names)])
		if err == nil && len(list) != 2 {
			err = fmt.Errorf("%d policies", len(list))
		}
		return err
	})
}

// BenchPutOnce measures PutOnce of fresh keys (a minted embed code).
func BenchPutOnce(b *testing.B, s sg.Store, parallel bool) {
	ctx := context.Background()
	keys := onceKeys(b.N)
	exp := time.Now().Add(time.Hour)
	payload := []byte(`{"AccountID":"123456789012","UserName":"alice","EntryPoint":"/start"}`)
	run(b, parallel, func(i int) error {
		return s.PutOnce(ctx, keys[i], payload, exp)
	})
}

// BenchConsumeOnce measures ConsumeOnce of items put before the timer
// starts (a redeemed embed code); every call must win.
func BenchConsumeOnce(b *testing.B, s sg.Store, parallel bool) {
	ctx := context.Background()
	keys := onceKeys(b.N)
	now := time.Now()
	payload := []byte(`{"AccountID":"123456789012","UserName":"alice","EntryPoint":"/start"}`)
	for _, k := range keys {
		must(b, "PutOnce", s.PutOnce(ctx, k, payload, now.Add(time.Hour)))
	}
	run(b, parallel, func(i int) error {
		_, err := s.ConsumeOnce(ctx, keys[i], now)
		return err
	})
}

// BenchRedeemOnce measures a sign-on's store work: FindOnce of a code put
// before the timer starts, then RedeemOnce (consume it and create the
// session in one transaction); every call must win.
func BenchRedeemOnce(b *testing.B, s sg.Store, parallel bool) {
	ctx := context.Background()
	keys := onceKeys(b.N)
	now := time.Now()
	payload := []byte(`{"AccountID":"123456789012","UserName":"alice","EntryPoint":"/start"}`)
	for _, k := range keys {
		must(b, "PutOnce", s.PutOnce(ctx, k, payload, now.Add(time.Hour)))
	}
	sessions := make([]*sg.Session, b.N)
	for i := range sessions {
		sessions[i] = newSession("123456789012", "alice", now.Add(10*time.Hour))
	}
	run(b, parallel, func(i int) error {
		if _, err := s.FindOnce(ctx, keys[i], now); err != nil {
			return err
		}
		_, err := s.RedeemOnce(ctx, keys[i], now, sessions[i])
		return err
	})
}

// BenchConsumeThenCreate is the sign-on's store work as two writes
// (ConsumeOnce, then CreateSession): what BenchRedeemOnce replaces.
func BenchConsumeThenCreate(b *testing.B, s sg.Store, parallel bool) {
	ctx := context.Background()
	keys := onceKeys(b.N)
	now := time.Now()
	payload := []byte(`{"AccountID":"123456789012","UserName":"alice","EntryPoint":"/start"}`)
	for _, k := range keys {
		must(b, "PutOnce", s.PutOnce(ctx, k, payload, now.Add(time.Hour)))
	}
	sessions := make([]*sg.Session, b.N)
	for i := range sessions {
		sessions[i] = newSession("123456789012", "alice", now.Add(10*time.Hour))
	}
	run(b, parallel, func(i int) error {
		if _, err := s.ConsumeOnce(ctx, keys[i], now); err != nil {
			return err
		}
		return s.CreateSession(ctx, sessions[i])
	})
}

func onceKeys(n int) []string {
	keys := make([]string, n)
	for i := range keys {
		keys[i] = fmt.Sprintf("%064x", i) + newOnceKey()[:8]
	}
	return keys
}

// run times b.N calls of op(i), i = 0 … b.N-1, sequentially or from
// RunParallel's goroutines.
func run(b *testing.B, parallel bool, op func(i int) error) {
	b.ReportAllocs()
	b.ResetTimer()
	if !parallel {
		for i := range b.N {
			if err := op(i); err != nil {
				b.Fatal(err)
			}
		}
		return
	}
	var next atomic.Int64
	var failed atomic.Pointer[error]
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if err := op(int(next.Add(1) - 1)); err != nil {
				failed.CompareAndSwap(nil, &err)
				return
			}
		}
	})
	if err := failed.Load(); err != nil {
		b.Fatal(*err)
	}
}

// BenchClaimRefreshRun measures the claim of one due refresh run (the
// compare-and-set every node makes for every due run): each iteration
// moves a schedule's next run on by a minute, over 100 schedules. In
// parallel, a schedule's rounds can arrive out of order, and a round that
// comes early loses its claim: claims/s counts the claims won.
func BenchClaimRefreshRun(b *testing.B, s sg.Store, parallel bool) {
	ctx := context.Background()
	acct := newAccountID()
	must(b, "CreateDataSet", s.CreateDataSet(ctx, newDataSet(acct, "ds")))
	const n = 100
	for i := range n {
		r := newRefreshSchedule(acct, "ds", fmt.Sprintf("s-%03d", i))
		r.NextRunAt = t0
		must(b, "CreateRefreshSchedule", s.CreateRefreshSchedule(ctx, r))
	}
	var won atomic.Int64
	run(b, parallel, func(i int) error {
		// Round k of schedule j moves its run from t0+k min to t0+(k+1) min.
		j, k := i%n, i/n
		due := t0.Add(time.Duration(k) * time.Minute)
		ok, err := s.ClaimRefreshRun(ctx, acct, "ds", fmt.Sprintf("s-%03d", j), due, due.Add(time.Minute))
		if ok {
			won.Add(1)
		}
		return err
	})
	b.ReportMetric(float64(won.Load())/b.Elapsed().Seconds(), "claims/s")
}
