package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"time"
)

// bareBody is what the bare server answers: a DescribeUser response of the
// bootstrap admin, byte for byte the size and shape Sightglass sends, so
// that the comparison measures the server's work and not a shorter body.
const bareBody = `{"RequestId":"5f0c1a2e-9a3b-4c8d-8e7f-0123456789ab","Status":200,"User":{` +
	`"Arn":"arn:aws:quicksight:us-east-1:123456789012:user/default/admin","UserName":"admin",` +
	`"Email":"admin@example.com","Role":"ADMIN","IdentityType":"IAM","Active":true,` +
	`"PrincipalId":"federated/iam/AIDAO6NVJ2ZU2BKUF6AYP"}}` + "\n"

// runBareServer serves the bare net/http handler the benchmarks compare
// Sightglass against: the same listener, HTTP/1.1 server and response
// headers, and no work at all (no signature check, no store, a constant
// body). It runs until ctx ends.
//
//	sightglass-load bare-server --listen 127.0.0.1:18193
func runBareServer(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("sightglass-load bare-server", flag.ContinueOnError)
	fs.SetOutput(stderr)
	listen := fs.String("listen", "127.0.0.1:18193", "loopback address to serve on")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: bareHandler(), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stderr, "bare server on http://%s\n", ln.Addr())
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// bareHandler answers every request with bareBody and the headers of a
// Sightglass API response.
func bareHandler() http.Handler {
	body := []byte(bareBody)
	length := strconv.Itoa(len(body))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		h := w.Header()
		h["Content-Type"] = []string{"application/json"}
		h["Content-Length"] = []string{length}
		h["X-Amzn-Requestid"] = []string{"5f0c1a2e-9a3b-4c8d-8e7f-0123456789ab"}
		w.Write(body)
	})
}
