package server

import (
	"log/slog"
	"net"
	"net/netip"
	"sync"
	"sync/atomic"
	"time"
)

// clientLimitListener accepts at most max open connections per client: a
// client is an IPv4 address or an IPv6 /64 (what one host is usually
// given). A connection over the limit is closed as soon as it is
// accepted, so that one client holding connections open (slow bodies,
// idle keep-alives) cannot use up the server's file descriptors and shut
// everyone else out.
type clientLimitListener struct {
	net.Listener
	max int
	log *slog.Logger

	mu   sync.Mutex
	open map[netip.Prefix]int

	refused    atomic.Int64 // since the last warning
	lastWarned atomic.Int64 // unix nanoseconds
}

func newClientLimitListener(ln net.Listener, max int, log *slog.Logger) *clientLimitListener {
	return &clientLimitListener{Listener: ln, max: max, log: log, open: map[netip.Prefix]int{}}
}

// Accept returns the next connection within its client's limit.
func (l *clientLimitListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		client, ok := clientOf(c.RemoteAddr())
		if !ok {
			return c, nil
		}
		if !l.take(client) {
			l.refuse(c, client)
			continue
		}
		return &clientConn{Conn: c, release: sync.OnceFunc(func() { l.release(client) })}, nil
	}
}

func (l *clientLimitListener) take(client netip.Prefix) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.open[client] >= l.max {
		return false
	}
	l.open[client]++
	return true
}

func (l *clientLimitListener) release(client netip.Prefix) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.open[client]--; l.open[client] <= 0 {
		delete(l.open, client)
	}
}

// refuse closes c at once (a reset, leaving no TIME_WAIT behind) and warns
// at most once a minute.
func (l *clientLimitListener) refuse(c net.Conn, client netip.Prefix) {
	if tc, ok := c.(*net.TCPConn); ok {
		tc.SetLinger(0)
	}
	c.Close()
	n := l.refused.Add(1)
	now := time.Now().UnixNano()
	last := l.lastWarned.Load()
	if now-last >= int64(time.Minute) && l.lastWarned.CompareAndSwap(last, now) {
		l.refused.Add(-n)
		l.log.Warn("closed connections over the per-client limit (--max-conns-per-client)", "client", client.String(), "limit", l.max, "closed", n)
	}
}

// clientOf returns the client a remote address belongs to.
func clientOf(addr net.Addr) (netip.Prefix, bool) {
	ta, ok := addr.(*net.TCPAddr)
	if !ok {
		return netip.Prefix{}, false
	}
	ip, ok := netip.AddrFromSlice(ta.IP)
	if !ok {
		return netip.Prefix{}, false
	}
	ip = ip.Unmap()
	if ip.Is4() {
		return netip.PrefixFrom(ip, 32), true
	}
	p, _ := ip.WithZone("").Prefix(64)
	return p, true
}

// clientConn gives its client's place back when it is closed.
type clientConn struct {
	net.Conn
	release func()
}

func (c *clientConn) Close() error {
	c.release()
	return c.Conn.Close()
}

// CloseWrite half-closes the connection, as net/http does before closing
// one whose request it refused.
func (c *clientConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}
