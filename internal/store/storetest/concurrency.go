package storetest

import (
	"fmt"
	"sync"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

// race runs n goroutines released together behind a gate and returns
// their errors in goroutine order.
func race(n int, fn func(i int) error) []error {
	errs := make([]error, n)
	gate := make(chan struct{})
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			<-gate
			errs[i] = fn(i)
		})
	}
	close(gate)
	wg.Wait()
	return errs
}

// exactlyOne fails t unless exactly one err is nil and the rest carry code.
func exactlyOne(t testing.TB, what string, errs []error, code sg.Code) {
	t.Helper()
	wins := 0
	for _, err := range errs {
		switch c := sg.ErrorCode(err); c {
		case "":
			wins++
		case code:
		default:
			t.Errorf("%s: error %v, want none or %s", what, err, code)
		}
	}
	if wins != 1 {
		t.Errorf("%s: %d of %d succeeded, want exactly 1", what, wins, len(errs))
	}
}

func testConcurrentWriters(t *testing.T, s sg.Store) {
	ctx := t.Context()
	const n = 16

	t.Run("DistinctUsers", func(t *testing.T) {
		acct := newAccountID()
		errs := race(n, func(i int) error {
			return s.CreateUser(ctx, newUser(acct, fmt.Sprintf("user-%02d", i)))
		})
		for i, err := range errs {
			must(t, fmt.Sprintf("CreateUser %d", i), err)
		}
		users, more, err := s.ListUsers(ctx, acct, sg.DefaultNamespace, sg.Page{Limit: 100})
		must(t, "ListUsers", err)
		if len(users) != n || more {
			t.Errorf("ListUsers: %d users (more %v), want %d", len(users), more, n)
		}
	})

	t.Run("SameUser", func(t *testing.T) {
		for round := range 10 {
			acct := newAccountID()
			errs := race(n, func(i int) error {
				u := newUser(acct, "same")
				u.PrincipalID = fmt.Sprintf("p-%d", i)
				return s.CreateUser(ctx, u)
			})
			exactlyOne(t, fmt.Sprintf("round %d: CreateUser of one name", round), errs, sg.EEXISTS)
		}
	})

	t.Run("SamePrincipalID", func(t *testing.T) {
		acct := newAccountID()
		errs := race(n, func(i int) error {
			u := newUser(acct, fmt.Sprintf("name-%d", i))
			u.PrincipalID = "federated/iam/AIDASAME"
			return s.CreateUser(ctx, u)
		})
		exactlyOne(t, "CreateUser of one principal id", errs, sg.EEXISTS)
	})

	t.Run("SameAccessKey", func(t *testing.T) {
		p := newPrincipal(newAccountID(), sg.PrincipalUser, "k")
		createPrincipal(t, s, p)
		errs := race(n, func(i int) error {
			k := newAccessKey(p, "AKIARACE"+p.AccountID)
			k.SecretAccessKey = fmt.Sprint(i)
			return s.CreateAccessKey(ctx, k)
		})
		exactlyOne(t, "CreateAccessKey of one id", errs, sg.EEXISTS)
	})

	t.Run("SameAccountName", func(t *testing.T) {
		name := "race-" + newAccountID()
		errs := race(n, func(i int) error {
			a := newAccount(newAccountID())
			a.Name = name
			return s.CreateAccount(ctx, a)
		})
		exactlyOne(t, "CreateAccount of one name", errs, sg.ECONFLICT)
	})

	t.Run("ReadersDuringWrites", func(t *testing.T) {
		acct := newAccountID()
		u := newUser(acct, "reader-target")
		must(t, "CreateUser", s.CreateUser(ctx, u))
		errs := race(2*n, func(i int) error {
			if i%2 == 0 {
				return s.CreateUser(ctx, newUser(acct, fmt.Sprintf("w-%02d", i)))
			}
			for range 20 {
				got, err := s.FindUser(ctx, acct, u.Namespace, u.UserName)
				if err != nil {
					return err
				}
				if got.PrincipalID != u.PrincipalID {
					return fmt.Errorf("FindUser read %+v", got)
				}
			}
			return nil
		})
		for i, err := range errs {
			must(t, fmt.Sprintf("goroutine %d", i), err)
		}
	})
}

// RaceConsumeOnce checks the single-use guarantee. Each of rounds puts a
// fresh item, then releases goroutines callers of ConsumeOnce on it at
// once, spread over stores (several Stores on one database stand for
// several server processes). Exactly one must win, with the right
// payload; everyone else must get ENOTFOUND.
func RaceConsumeOnce(t testing.TB, stores []sg.Store, goroutines, rounds int) {
	ctx := t.Context()
	now := time.Now()
	start := time.Now()
	failed := 0
	for round := range rounds {
		key := newOnceKey()
		payload := fmt.Sprintf("round %d", round)
		must(t, "PutOnce", stores[round%len(stores)].PutOnce(ctx, key, []byte(payload), now.Add(time.Minute)))
		got := make([][]byte, goroutines)
		errs := race(goroutines, func(i int) error {
			var err error
			got[i], err = stores[i%len(stores)].ConsumeOnce(ctx, key, now)
			return err
		})
		wins := 0
		for i, err := range errs {
			switch sg.ErrorCode(err) {
			case "":
				wins++
				if string(got[i]) != payload {
					t.Errorf("round %d: winner got payload %q, want %q", round, got[i], payload)
				}
			case sg.ENOTFOUND:
			default:
				t.Errorf("round %d: ConsumeOnce error %v, want none or ENOTFOUND", round, err)
			}
		}
		if wins != 1 {
			failed++
			t.Errorf("round %d: %d winners of %d, want exactly 1", round, wins, goroutines)
		}
		if failed > 5 {
			t.Fatalf("giving up after %d failed rounds", failed)
		}
	}
	d := time.Since(start)
	t.Logf("%d rounds of %d consumers over %d store(s): %.0f rounds/s", rounds, goroutines, len(stores), float64(rounds)/d.Seconds())
}
