package main

import "net/url"

// The scenarios. To add one, register a scenario whose build returns the
// request; get-session-embed-url below is the pattern for a signed API
// call that can be replayed (every call mints a new code from the same
// signed request).
//
// Redemption of embed codes cannot be replayed, since a code is redeemed
// once: its scenario would set replay false, mint codes in prepare with
// e.do (signed GetSessionEmbedUrl calls, before the timed run; codes live
// 5 minutes) into a channel, and have build take the next one and return
// an Unsigned GET of the embed URL's path and query, with Want set to the
// status a successful redemption answers.
func init() {
	register(&scenario{
		name:   "describe-user",
		about:  "DescribeUser of --user-name: SigV4 verify, authorize, SQLite reads, JSON (the API read path)",
		replay: true,
		build: func(e *env, _ int) (*request, error) {
			return &request{Method: "GET", Path: e.usersPath() + "/" + pathLabel(e.cfg.UserName)}, nil
		},
	})
	register(&scenario{
		name:   "list-users",
		about:  "ListUsers, first page of up to 100 users",
		replay: true,
		build: func(e *env, _ int) (*request, error) {
			return &request{Method: "GET", Path: e.usersPath(), Query: url.Values{"max-results": {"100"}}}, nil
		},
	})
	register(&scenario{
		name:   "get-session-embed-url",
		about:  "GetSessionEmbedUrl for --user-name, entry point /start (mints and stores a code per request)",
		replay: true,
		build: func(e *env, _ int) (*request, error) {
			return &request{Method: "GET", Path: "/accounts/" + pathLabel(e.cfg.Account) + "/session-embed-url",
				Query: url.Values{"entry-point": {"/start"}, "user-arn": {e.userARN()}}}, nil
		},
	})
	register(&scenario{
		name:   "healthz",
		about:  "unsigned GET /healthz (HTTP plus a store ping): a baseline without SigV4",
		replay: true,
		build: func(e *env, _ int) (*request, error) {
			return &request{Method: "GET", Path: "/healthz", Unsigned: true}, nil
		},
	})
}

func (e *env) usersPath() string {
	return "/accounts/" + pathLabel(e.cfg.Account) + "/namespaces/" + pathLabel(e.cfg.Namespace) + "/users"
}
