package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
)

// A scenario is one kind of load: a function that builds the request a
// connection sends next, with an optional preparation step.
//
// A replayable scenario (replay true) has build called once per
// connection; the signed request is then sent again and again and signed
// anew every --resign. This keeps signing off the client's hot path, which
// matters when the load tool and the server share two cores. Scenarios
// whose requests cannot be replayed (an embed code is redeemed once) leave
// replay false: build then runs before every request, outside the timed
// part, and can hand out material that prepare made (codes minted through
// env.do, for instance).
type scenario struct {
	name  string
	about string
	// replay says the request build returns may be sent repeatedly.
	replay bool
	// prepare runs once, before the preflight request; it may be nil.
	prepare func(ctx context.Context, e *env) error
	// build returns the next request of connection conn (0-based).
	build func(e *env, conn int) (*request, error)
}

// request is what a scenario asks to send.
type request struct {
	Method string
	// Path is the escaped path below the endpoint's base path, e.g.
	// "/accounts/123456789012/namespaces/default/users/admin".
	Path   string
	Query  url.Values
	Header http.Header
	Body   []byte
	// Unsigned requests carry no SigV4 (the browser-facing sign-on plane).
	Unsigned bool
	// Want is the expected status; 0 means any 2xx.
	Want int
}

// ok reports whether status is the one r expects.
func (r *request) ok(status int) bool {
	if r.Want != 0 {
		return status == r.Want
	}
	return status >= 200 && status < 300
}

// scenarios is the registry; see scenarios.go.
var scenarios = map[string]*scenario{}

func register(s *scenario) {
	if _, dup := scenarios[s.name]; dup {
		panic("duplicate scenario " + s.name)
	}
	scenarios[s.name] = s
}

func lookupScenario(name string) (*scenario, error) {
	s, ok := scenarios[name]
	if !ok {
		return nil, fmt.Errorf("unknown scenario %q (have: %s)", name, strings.Join(scenarioNames(), ", "))
	}
	return s, nil
}

func scenarioNames() []string {
	names := make([]string, 0, len(scenarios))
	for n := range scenarios {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func listScenarios(w io.Writer) {
	for _, n := range scenarioNames() {
		fmt.Fprintf(w, "%-24s %s\n", n, scenarios[n].about)
	}
}

// pathLabel escapes one path label (a user name may hold '/').
func pathLabel(s string) string { return url.PathEscape(s) }
