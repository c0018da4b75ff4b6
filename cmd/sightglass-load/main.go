// Command sightglass-load is a closed-loop HTTP load generator for a
// Sightglass server: it keeps --connections requests in flight, one per
// connection, each connection sending its next request as soon as the
// previous response has been read in full, and reports throughput, latency
// percentiles, status counts and, given --server-pid, the server's memory
// and CPU time per request.
//
//	sightglass-load --endpoint http://127.0.0.1:18080 \
//	    --profile-file /tmp/sgload/credentials --scenario describe-user \
//	    --connections 64 --duration 10s --warmup 2s --server-pid $(pgrep -nx sg)
//
// A scenario is one kind of request (see scenarios.go; --scenario list
// prints them). API requests are signed with SigV4 by aws-sdk-go-v2's
// signer. Signing costs client CPU, and on a small machine the load tool
// shares the cores with the server, so a replayable request is signed once
// per connection and signed again every --resign (default 1m, well inside
// the server's 15-minute clock-skew window).
//
// Requests go through one net/http Transport with a kept-alive connection
// per --connections (HTTP/1.1; HTTP/2 is disabled so connections are not
// multiplexed). --client conn instead gives each connection one goroutine
// that writes the request bytes and parses the response itself: the same
// bytes on the wire for about two thirds of the client CPU, which matters
// when the tool shares a small machine with the server. The report prints
// the tool's own CPU per request so the two can be compared.
//
// `sightglass-load bare-server --listen ADDR` serves a bare net/http handler
// (no signature check, no store, a constant DescribeUser-shaped body): the
// alternative a DescribeUser run is compared against in the same session.
//
// A run is always bounded: it stops after --duration of measurement or
// --requests measured requests, whichever comes first, plus at most
// --timeout for requests in flight. Requests sent during --warmup are not
// measured. The exit status is 1 when any measured request failed or got
// an unexpected status, so a scripted benchmark cannot silently report a
// run that was, say, throttled. Point it at servers you run yourself; the
// project's documentation and tests use loopback addresses only.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	var err error
	if len(os.Args) > 1 && os.Args[1] == "bare-server" {
		err = runBareServer(ctx, os.Args[2:], os.Stderr)
	} else {
		err = run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	}
	stop()
	switch {
	case err == nil:
	case errors.Is(err, flag.ErrHelp):
		os.Exit(2)
	case errors.Is(err, errFailedRequests):
		fmt.Fprintln(os.Stderr, "sightglass-load:", err)
		os.Exit(1)
	default:
		fmt.Fprintln(os.Stderr, "sightglass-load:", err)
		os.Exit(2)
	}
}

// run parses the command line, prepares the scenario, runs the load and
// writes the report to stdout; progress and warnings go to stderr.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg, err := parseFlags(args, getenv, stderr)
	if err != nil {
		return err
	}
	if cfg.Scenario == "list" {
		listScenarios(stdout)
		return nil
	}
	sc, err := lookupScenario(cfg.Scenario)
	if err != nil {
		return err
	}
	e, err := newEnv(cfg, getenv)
	if err != nil {
		return err
	}
	defer e.client.CloseIdleConnections()
	if cfg.PrintSigned {
		return printSigned(ctx, e, sc, stdout)
	}
	if sc.prepare != nil {
		if err := sc.prepare(ctx, e); err != nil {
			return fmt.Errorf("preparing scenario %s: %w", sc.name, err)
		}
	}
	if err := preflight(ctx, e, sc); err != nil {
		return err
	}
	res, err := runLoad(ctx, e, sc, stderr)
	if err != nil {
		return err
	}
	if cfg.JSON {
		err = writeJSON(stdout, res)
	} else {
		err = writeText(stdout, res)
	}
	if err != nil {
		return err
	}
	if res.Failed() > 0 {
		return fmt.Errorf("%w: %d of %d measured requests failed or got an unexpected status%s",
			errFailedRequests, res.Failed(), res.Requests, res.hint())
	}
	return nil
}

// errFailedRequests marks a run that completed but is not a clean
// measurement.
var errFailedRequests = errors.New("run not clean")
