package server

import (
	"errors"
	"io"
	"log/slog"
	"net"
	"os"
	"syscall"
	"testing"
	"time"
)

func TestClientOf(t *testing.T) {
	for _, tc := range []struct {
		ip   string
		want string
	}{
		{"192.0.2.7", "192.0.2.7/32"},
		{"::ffff:192.0.2.7", "192.0.2.7/32"},
		{"2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"},
		{"2001:db8:1:2:ffff::1", "2001:db8:1:2::/64"}, // the same /64: one client
		{"fe80::1", "fe80::/64"},
	} {
		got, ok := clientOf(&net.TCPAddr{IP: net.ParseIP(tc.ip), Port: 1234})
		if !ok || got.String() != tc.want {
			t.Errorf("clientOf(%s) = %s, %v; want %s", tc.ip, got, ok, tc.want)
		}
	}
	if _, ok := clientOf(&net.UnixAddr{Name: "/tmp/x", Net: "unix"}); ok {
		t.Error("a unix address has a client")
	}
}

// TestClientLimitListenerReleases checks that closing an accepted
// connection, once or twice, gives its place back exactly once.
func TestClientLimitListenerReleases(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	l := newClientLimitListener(ln, 2, slog.New(slog.NewTextHandler(io.Discard, nil)))
	defer l.Close()
	accepted := make(chan net.Conn, 8)
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				close(accepted)
				return
			}
			accepted <- c
		}
	}()
	dial := func() net.Conn {
		c, err := net.DialTimeout("tcp", ln.Addr().String(), 5*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		return c
	}
	next := func() net.Conn {
		select {
		case c := <-accepted:
			return c
		case <-time.After(10 * time.Second):
			t.Fatal("no connection accepted")
			return nil
		}
	}
	dial()
	dial()
	a, b := next(), next()
	// A third is closed by the listener; the client sees it closed.
	refused := func() {
		t.Helper()
		c, err := net.DialTimeout("tcp", ln.Addr().String(), 5*time.Second)
		if errors.Is(err, syscall.ECONNRESET) {
			return // reset as it opened
		} else if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		// Refused: closed at once. Served: nothing to read until the deadline.
		c.SetReadDeadline(time.Now().Add(3 * time.Second))
		if _, err := c.Read(make([]byte, 1)); err == nil || errors.Is(err, os.ErrDeadlineExceeded) {
			t.Fatalf("a connection over the limit was kept open (%v)", err)
		}
	}
	refused()
	a.Close()
	a.Close() // a second Close gives nothing back twice
	dial()
	c := next()
	refused()
	b.Close()
	c.Close()
	l.mu.Lock()
	n := len(l.open)
	l.mu.Unlock()
	if n != 0 {
		t.Fatalf("%d clients still counted after every connection closed", n)
	}
}
