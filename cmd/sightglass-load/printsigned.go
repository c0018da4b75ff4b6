package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
)

// printSigned writes the scenario's first request as it would be sent,
// signed: "METHOD PATH" and then one "Name: value" line per header. A
// replayable request stays valid for the server's clock-skew window, so
// another load generator (wrk, for instance) can replay it to compare
// clients.
func printSigned(ctx context.Context, e *env, sc *scenario, w io.Writer) error {
	if !sc.replay {
		return errors.New("--print-signed needs a replayable scenario")
	}
	r, err := sc.build(e, 0)
	if err != nil {
		return err
	}
	p, err := e.prepare(ctx, r)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s %s\n", p.req.Method, p.req.URL.RequestURI())
	names := make([]string, 0, len(p.req.Header))
	for k := range p.req.Header {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		for _, v := range p.req.Header[k] {
			fmt.Fprintf(w, "%s: %s\n", k, v)
		}
	}
	return nil
}
