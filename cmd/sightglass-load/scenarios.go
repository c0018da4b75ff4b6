package main

import "net/url"

// The scenarios. To add one, register a scenario whose build returns the
// request. For example GetSessionEmbedUrl, which can be replayed (every
// call mints a new code from the same signed request):
//
//	register(&scenario{
//		name: "get-session-embed-url", replay: true,
//		about: "GetSessionEmbedUrl for --user-name (mints a code per request)",
//		build: func(e *env, _ int) (*request, error) {
//			return &request{Method: "GET",
//				Path:  "/accounts/" + pathLabel(e.cfg.Account) + "/session-embed-url",
//				Query: url.Values{"entry-point": {"/start"}, "user-arn": {e.userARN()}}}, nil
//		},
//	})
//
// Redemption cannot be replayed: its prepare mints codes with e.do (signed
// GetSessionEmbedUrl calls) into a channel, and build takes the next one
// and returns an Unsigned GET of the embed URL's path and query, with Want
// set to the redirect status.
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
