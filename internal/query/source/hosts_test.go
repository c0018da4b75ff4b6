package source_test

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/query/source"
)

func TestParseHostPolicy(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{" 127.0.0.1 , ::1,", "127.0.0.1,::1"},
		{"10.1.2.3/8", "10.0.0.0/8"},
		{"db.Example.COM.:5432", "db.example.com:5432"},
		{"192.168.0.0/16:3306", "192.168.0.0/16:3306"},
		{"[fd00::/8]:5432,[::1]:3306", "[fd00::/8]:5432,[::1]:3306"},
		{"fd00::1", "fd00::1"},
		{"::ffff:10.0.0.1", "10.0.0.1"},
		{"db_1.internal", "db_1.internal"},
	} {
		h, err := source.ParseHostPolicy(tc.in)
		if err != nil {
			t.Errorf("ParseHostPolicy(%q): %v", tc.in, err)
			continue
		}
		if got := h.String(); got != tc.want {
			t.Errorf("ParseHostPolicy(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, bad := range []string{
		"db:0", "db:65536", "db:x", "10.0.0.0/33", "[::1", "[::1]x", "[::1]:", "-db", "db..x",
		"fe80::1%eth0", "a b", "::ffff:10.0.0.0/104", "/8", "db:5432:1",
	} {
		if h, err := source.ParseHostPolicy(bad); err == nil {
			t.Errorf("ParseHostPolicy(%q) = %q, want an error", bad, h)
		}
	}
}

// listener is a loopback TCP listener that counts the connections it
// accepts.
type listener struct {
	port     int
	accepted atomic.Int32
}

func listen(t *testing.T) *listener {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	l := &listener{port: ln.Addr().(*net.TCPAddr).Port}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			l.accepted.Add(1)
			c.Close()
		}
	}()
	return l
}

// policy parses list and answers DNS questions from names, counting them.
func policy(t *testing.T, list string, names map[string][]string, lookups *atomic.Int32) *source.HostPolicy {
	t.Helper()
	h, err := source.ParseHostPolicy(list)
	if err != nil {
		t.Fatal(err)
	}
	source.SetLookup(h, func(_ context.Context, host string) ([]netip.Addr, error) {
		if lookups != nil {
			lookups.Add(1)
		}
		addrs, ok := names[strings.ToLower(strings.TrimSuffix(host, "."))]
		if !ok {
			return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
		}
		var out []netip.Addr
		for _, a := range addrs {
			out = append(out, netip.MustParseAddr(a))
		}
		return out, nil
	})
	return h
}

func TestHostPolicyDial(t *testing.T) {
	l := listen(t)
	port := strconv.Itoa(l.port)
	names := map[string][]string{
		"db.test":      {"127.0.0.1"},
		"rebind.test":  {"127.0.0.1"},
		"mixed.test":   {"10.255.255.1", "127.0.0.1"},
		"mapped.test":  {"::ffff:127.0.0.1"},
		"nowhere.test": {"0.0.0.0"},
	}
	for _, tc := range []struct {
		policy, address string
		ok              bool
	}{
		{"127.0.0.1", "127.0.0.1:" + port, true},
		{"127.0.0.0/8:" + port, "127.0.0.1:" + port, true},
		{"127.0.0.1:5432", "127.0.0.1:" + port, false}, // another port
		{"10.0.0.0/8", "127.0.0.1:" + port, false},     // another network
		{"", "127.0.0.1:" + port, false},               // an empty list allows nothing
		{"10.0.0.0/8", "rebind.test:" + port, false},   // a name is judged by its addresses
		{"db.test", "db.test:" + port, true},           // a name rule allows the name
		{"db.test:5432", "db.test:" + port, false},     // on its port only
		{"DB.test", "db.TEST.:" + port, true},          // names compare without case or root dot
		{"127.0.0.1", "mixed.test:" + port, true},      // only the allowed address is dialled
		{"127.0.0.1", "mapped.test:" + port, true},     // an IPv4-mapped address is its IPv4 address
		{"10.0.0.0/8", "[::ffff:127.0.0.1]:" + port, false},
		{"0.0.0.0/0", "0.0.0.0:" + port, false}, // the unspecified address is never dialled
		{"0.0.0.0/0,nowhere.test", "nowhere.test:" + port, false},
		{"0.0.0.0/0", "224.0.0.1:" + port, false},
		{"0.0.0.0/0", "missing.test:" + port, false}, // does not resolve
		{"127.0.0.1", "/var/run/postgresql/.s.PGSQL.5432", false},
	} {
		h := policy(t, tc.policy, names, nil)
		before := l.accepted.Load()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		conn, err := h.DialContext(ctx, "tcp", tc.address)
		cancel()
		if conn != nil {
			conn.Close()
		}
		if tc.ok != (err == nil) {
			t.Errorf("policy %q, dial %s: %v; want allowed = %v", tc.policy, tc.address, err, tc.ok)
		}
		if !tc.ok && l.accepted.Load() != before {
			t.Errorf("policy %q, dial %s: refused, but the listener was reached", tc.policy, tc.address)
		}
		if tc.ok && err == nil {
			// The listener counts a connection when its Accept returns,
			// which can be after the dial: wait for it, so that it is not
			// counted against the next case.
			for deadline := time.Now().Add(5 * time.Second); l.accepted.Load() == before && time.Now().Before(deadline); {
				time.Sleep(time.Millisecond)
			}
		}
	}
	if _, err := policy(t, "0.0.0.0/0", nil, nil).DialContext(context.Background(), "unix", "/tmp/.s.PGSQL.5432"); err == nil {
		t.Error("a unix socket was dialled")
	}
}

// TestHostPolicyDialsWhatItChecked gives a name that resolves to an allowed
// address on the first question and elsewhere on later ones (DNS
// rebinding): the dial must go to the address checked, asking DNS once.
func TestHostPolicyDialsWhatItChecked(t *testing.T) {
	l := listen(t)
	var lookups atomic.Int32
	h, err := source.ParseHostPolicy("127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	source.SetLookup(h, func(context.Context, string) ([]netip.Addr, error) {
		if lookups.Add(1) == 1 {
			return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
		}
		return []netip.Addr{netip.MustParseAddr("127.0.0.2")}, nil
	})
	conn, err := h.DialContext(context.Background(), "tcp", net.JoinHostPort("rebind.test", strconv.Itoa(l.port)))
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	defer conn.Close()
	if got := conn.RemoteAddr().(*net.TCPAddr).IP.String(); got != "127.0.0.1" || lookups.Load() != 1 {
		t.Fatalf("dialled %s after %d lookups, want 127.0.0.1 after 1", got, lookups.Load())
	}
}

// TestHostPolicyEmptyAsksNoDNS checks that a name no rule could allow is
// refused without a DNS question (which would tell a resolver, or time,
// what callers ask for).
func TestHostPolicyEmptyAsksNoDNS(t *testing.T) {
	var lookups atomic.Int32
	for _, list := range []string{"", "db.test"} {
		_, err := policy(t, list, nil, &lookups).DialContext(context.Background(), "tcp", "other.test:5432")
		if err == nil || lookups.Load() != 0 {
			t.Fatalf("policy %q: %v after %d lookups, want a refusal without DNS", list, err, lookups.Load())
		}
	}
}

// TestConnectHostNotAllowed runs connection tests and queries against the
// real databases with a policy that does not allow them: UNKNOWN_HOST, no
// connection made.
func TestConnectHostNotAllowed(t *testing.T) {
	ctx := context.Background()
	elsewhere, err := source.ParseHostPolicy("10.0.0.0/8, db.example.com")
	if err != nil {
		t.Fatal(err)
	}
	for _, mk := range []func(testing.TB) engine{postgresEngine, mysqlEngine} {
		e := mk(t)
		t.Run(e.name, func(t *testing.T) {
			o := source.Options{Hosts: elsewhere}
			wantConnectError(t, source.Test(ctx, e.params, o), source.ErrUnknownHost, e.params.Password)
			pool := source.NewPool(o)
			defer pool.Close()
			_, err := pool.Query(ctx, "k", e.params, "SELECT 1", nil)
			if qe, ok := errors.AsType[*source.QueryError](err); !ok || qe.Type != source.ErrUnknownHost {
				t.Fatalf("Query = %v, want UNKNOWN_HOST", err)
			}
			err = pool.Stream(ctx, "k", e.params, "SELECT 1", nil, func(_, _ []string) error { return nil }, func([]any) error { return nil })
			if qe, ok := errors.AsType[*source.QueryError](err); !ok || qe.Type != source.ErrUnknownHost {
				t.Fatalf("Stream = %v, want UNKNOWN_HOST", err)
			}
			// The same database by a name the policy allows, resolving to
			// an address it does not: refused.
			p := e.params
			p.Host = "localhost"
			wantConnectError(t, source.Test(ctx, p, o), source.ErrUnknownHost, e.params.Password)
			// Allowed by its address, reached by name.
			if err := source.Test(ctx, p, loopback(t)); err != nil {
				t.Fatalf("localhost with loopback allowed: %v", err)
			}
		})
	}
	t.Run("postgres-unix-socket", func(t *testing.T) {
		p := postgresEngine(t).params
		p.Host = "/var/run/postgresql" // its name holds the test password "postgres": not checked
		wantConnectError(t, source.Test(ctx, p, loopback(t)), source.ErrUnknownHost, "")
	})
}
