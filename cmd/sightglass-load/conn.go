package main

import (
	"bufio"
	"bytes"
	"crypto/tls"
	"io"
	"net"
	"net/http"
	"time"
)

// A sender sends one prepared request and reads the response in full.
// Each worker owns one.
type sender interface {
	send(p *prepared) (status int, err error)
	close()
}

// transportSender sends through the shared http.Client (--client
// transport, the default).
type transportSender struct{ client *http.Client }

func (s *transportSender) send(p *prepared) (int, error) {
	resp, err := s.client.Do(p.req)
	if err != nil {
		return 0, err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	if cerr := resp.Body.Close(); err == nil {
		err = cerr
	}
	return resp.StatusCode, err
}

func (s *transportSender) close() {}

// connSender (--client conn) owns one keep-alive connection and writes the
// request's wire bytes to it directly, then parses the response with
// http.ReadResponse on the same goroutine. It does the same work on the
// wire as the Transport without the Transport's two goroutines per
// connection and their hand-offs, which on a 2-core machine shared with the
// server leaves the server more CPU. The connection is redialled when the
// server closes it or an error occurs.
type connSender struct {
	e    *env
	conn net.Conn
	br   *bufio.Reader
}

// newSender returns the sender --client asks for.
func newSender(e *env) sender {
	if e.cfg.Client == clientConn {
		return &connSender{e: e}
	}
	return &transportSender{client: e.client}
}

// wireBytes returns the request as written on an HTTP/1.1 connection,
// serialised once per signature.
func (p *prepared) wireBytes() ([]byte, error) {
	if p.wire == nil {
		var b bytes.Buffer
		p.rewind()
		if err := p.req.Write(&b); err != nil {
			return nil, err
		}
		p.rewind()
		p.wire = b.Bytes()
	}
	return p.wire, nil
}

func (s *connSender) send(p *prepared) (int, error) {
	wire, err := p.wireBytes()
	if err != nil {
		return 0, err
	}
	if s.conn == nil {
		if err := s.dial(); err != nil {
			return 0, err
		}
	}
	s.conn.SetDeadline(time.Now().Add(s.e.cfg.Timeout))
	if _, err := s.conn.Write(wire); err != nil {
		s.close()
		return 0, err
	}
	resp, err := http.ReadResponse(s.br, p.req)
	if err != nil {
		s.close()
		return 0, err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if err != nil || resp.Close {
		s.close()
	}
	return resp.StatusCode, err
}

func (s *connSender) dial() error {
	host := s.e.base.Host
	if s.e.base.Port() == "" {
		if s.e.base.Scheme == "https" {
			host += ":443"
		} else {
			host += ":80"
		}
	}
	d := net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}
	c, err := d.Dial("tcp", host)
	if err != nil {
		return err
	}
	if s.e.base.Scheme == "https" {
		tc := tls.Client(c, &tls.Config{ServerName: s.e.base.Hostname(), InsecureSkipVerify: s.e.cfg.Insecure, NextProtos: []string{"http/1.1"}})
		tc.SetDeadline(time.Now().Add(s.e.cfg.Timeout))
		if err := tc.Handshake(); err != nil {
			c.Close()
			return err
		}
		c = tc
	}
	if s.br == nil {
		s.br = bufio.NewReaderSize(c, 16<<10)
	} else {
		s.br.Reset(c)
	}
	s.conn = c
	return nil
}

func (s *connSender) close() {
	if s.conn != nil {
		s.conn.Close()
		s.conn = nil
	}
}
