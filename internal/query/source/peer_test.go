package source_test

import (
	"context"
	"errors"
	"net"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/query/source"
)

// banner is a marker a fake peer sends; no error message may echo it.
const banner = "SIGHTGLASS-PEER-BANNER"

// fakePeer listens on loopback and answers every connection by writing
// reply (nil: nothing) and closing it after a short read, or, with hold,
// keeping it open until the test ends. It returns the port.
func fakePeer(t *testing.T, reply []byte, hold bool) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	done := make(chan struct{})
	t.Cleanup(func() {
		close(done)
		ln.Close()
		wg.Wait()
	})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				defer c.Close()
				if reply != nil {
					c.Write(reply)
				}
				if hold {
					<-done
					return
				}
				c.SetReadDeadline(time.Now().Add(200 * time.Millisecond))
				c.Read(make([]byte, 512))
			}()
		}
	}()
	return ln.Addr().(*net.TCPAddr).Port
}

// closedPort returns a loopback port nothing listens on.
func closedPort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	return port
}

// mysqlErrorPacket is a MySQL protocol error packet carrying msg.
func mysqlErrorPacket(msg string) []byte {
	// Error 1105 (ER_UNKNOWN_ERROR), SQLSTATE HY000.
	payload := append([]byte{0xff, 0x51, 0x04, '#', 'H', 'Y', '0', '0', '0'}, msg...)
	return append([]byte{byte(len(payload)), byte(len(payload) >> 8), byte(len(payload) >> 16), 0}, payload...)
}

// peerReplies are the answers of services that are not databases.
var peerReplies = map[string][]byte{
	"ssh":          []byte("SSH-2.0-OpenSSH_9.6 " + banner + "\r\n"),
	"http":         []byte("HTTP/1.1 400 Bad Request\r\nServer: " + banner + "\r\nContent-Length: 0\r\n\r\n"),
	"smtp":         []byte("220 " + banner + " ESMTP ready\r\n"),
	"binary":       []byte("\x00\x01\x02\xff\xfe" + banner),
	"silent-close": nil,
}

// connectTestError runs source.Test with a short deadline and returns its
// *ConnectError.
func connectTestError(t *testing.T, p source.Params) *source.ConnectError {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 1500*time.Millisecond)
	defer cancel()
	err := source.Test(ctx, p, loopback(t))
	ce, ok := errors.AsType[*source.ConnectError](err)
	if !ok {
		t.Fatalf("Test = %v (%T), want a *ConnectError", err, err)
	}
	return ce
}

// TestConnectPeerIsNotADatabase checks that a connection test against a
// port where no database answers gives one answer whatever is there: a
// closed port, a service that sends a banner and closes, one that sends
// nothing, one that keeps the connection open in silence. No byte the
// peer sent appears in the message, and the password (one letter, so any
// masking of it would show) is neither shown nor masked.
func TestConnectPeerIsNotADatabase(t *testing.T) {
	for _, typ := range []string{source.TypePostgreSQL, source.TypeMySQL, source.TypeMariaDB} {
		t.Run(typ, func(t *testing.T) {
			params := func(port int) source.Params {
				return source.Params{Type: typ, Host: "127.0.0.1", Port: port, Database: "db", User: "u", Password: "e"}
			}
			want := connectTestError(t, params(closedPort(t)))
			if want.Type != source.ErrTimeout {
				t.Fatalf("closed port: %s %q, want %s", want.Type, want.Message, source.ErrTimeout)
			}
			wantPlain(t, want.Message)
			ports := map[string]int{"silent-open": fakePeer(t, nil, true)}
			for name, reply := range peerReplies {
				ports[name] = fakePeer(t, reply, false)
			}
			for name, port := range ports {
				got := connectTestError(t, params(port))
				wantPlain(t, got.Message)
				// Apart from the port it names, the answer is the closed port's.
				if got.Type != want.Type || normalisePort(got.Message) != normalisePort(want.Message) {
					t.Errorf("%s: %s %q; a closed port gives %s %q", name, got.Type, got.Message, want.Type, want.Message)
				}
			}
		})
	}
}

// TestConnectMySQLErrorPacketNotEchoed checks that the text of an error
// packet a peer sends during the handshake is not passed on.
func TestConnectMySQLErrorPacketNotEchoed(t *testing.T) {
	port := fakePeer(t, mysqlErrorPacket(banner), false)
	ce := connectTestError(t, source.Params{Type: source.TypeMariaDB, Host: "127.0.0.1", Port: port, Database: "db", User: "u", Password: "e"})
	wantPlain(t, ce.Message)
}

// TestQueryPeerIsNotADatabase is TestConnectPeerIsNotADatabase for queries.
func TestQueryPeerIsNotADatabase(t *testing.T) {
	for _, typ := range []string{source.TypePostgreSQL, source.TypeMariaDB} {
		t.Run(typ, func(t *testing.T) {
			o := loopback(t)
			o.ConnectTimeout = 2 * time.Second
			pool := source.NewPool(o)
			defer pool.Close()
			query := func(port int) *source.QueryError {
				p := source.Params{Type: typ, Host: "127.0.0.1", Port: port, Database: "db", User: "u", Password: "e"}
				_, err := pool.Query(context.Background(), strconv.Itoa(port), p, "SELECT 1", nil)
				qe, ok := errors.AsType[*source.QueryError](err)
				if !ok {
					t.Fatalf("Query = %v (%T), want a *QueryError", err, err)
				}
				wantPlain(t, qe.Message)
				return qe
			}
			want := query(closedPort(t))
			for name, reply := range peerReplies {
				got := query(fakePeer(t, reply, false))
				if got.Type != want.Type || normalisePort(got.Message) != normalisePort(want.Message) {
					t.Errorf("%s: %s %q; a closed port gives %s %q", name, got.Type, got.Message, want.Type, want.Message)
				}
			}
		})
	}
}

// wantPlain fails if msg echoes the peer's banner or masks a password.
func wantPlain(t *testing.T, msg string) {
	t.Helper()
	if strings.Contains(msg, banner) || strings.Contains(msg, "*") {
		t.Errorf("message %q echoes the peer or masks the password", msg)
	}
}

// normalisePort replaces the port number after "127.0.0.1:" in msg.
func normalisePort(msg string) string {
	i := strings.LastIndex(msg, "127.0.0.1:")
	if i < 0 {
		return msg
	}
	j := i + len("127.0.0.1:")
	k := j
	for k < len(msg) && '0' <= msg[k] && msg[k] <= '9' {
		k++
	}
	return msg[:j] + "PORT" + msg[k:]
}
