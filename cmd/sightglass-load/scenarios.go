package main

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
)

// The scenarios. To add one, register a scenario whose build returns the
// request; get-session-embed-url below is the pattern for a signed API
// call that can be replayed (every call mints a new code from the same
// signed request).
//
// Redemption of embed codes cannot be replayed, since a code is redeemed
// once: redeem (redeem.go) sets replay false, mints its codes in prepare,
// before the timed run, and build hands each out once.
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
			return embedURLRequest(e), nil
		},
	})
	register(&scenario{
		name:   "generate-embed-url-for-registered-user",
		about:  "GenerateEmbedUrlForRegisteredUser for --user-name, QuickSightConsole at /start (a JSON body; mints and stores a code per request)",
		replay: true,
		build: func(e *env, _ int) (*request, error) {
			body, _ := json.Marshal(map[string]any{
				"UserArn":                 e.userARN(),
				"ExperienceConfiguration": map[string]any{"QuickSightConsole": map[string]any{"InitialPath": "/start"}},
			})
			return &request{Method: "POST", Path: "/accounts/" + pathLabel(e.cfg.Account) + "/embed-url/registered-user",
				Header: http.Header{"Content-Type": {"application/json"}}, Body: body}, nil
		},
	})
	register(&scenario{
		name:   "generate-embed-url-for-anonymous-user",
		about:  "GenerateEmbedUrlForAnonymousUser: the sample dashboard, two authorized dashboard ARNs, two session tags (a JSON body; mints and stores a code per request)",
		replay: true,
		build: func(e *env, _ int) (*request, error) {
			arn := func(id string) string {
				return "arn:aws:quicksight:" + e.cfg.Region + ":" + e.cfg.Account + ":dashboard/" + id
			}
			body, _ := json.Marshal(map[string]any{
				"Namespace":               e.cfg.Namespace,
				"AuthorizedResourceArns":  []string{arn(sampleDashboard), arn("other")},
				"SessionTags":             []map[string]string{{"Key": "region", "Value": "EU"}, {"Key": "tenant", "Value": "t-1"}},
				"ExperienceConfiguration": map[string]any{"Dashboard": map[string]any{"InitialDashboardId": sampleDashboard}},
			})
			return &request{Method: "POST", Path: "/accounts/" + pathLabel(e.cfg.Account) + "/embed-url/anonymous-user",
				Header: http.Header{"Content-Type": {"application/json"}}, Body: body}, nil
		},
	})
	register(&scenario{
		name:   "get-dashboard-embed-url",
		about:  "GetDashboardEmbedUrl of the sample dashboard for --user-name (creds-type QUICKSIGHT; mints and stores a code per request)",
		replay: true,
		build: func(e *env, _ int) (*request, error) {
			return &request{Method: "GET", Path: "/accounts/" + pathLabel(e.cfg.Account) + "/dashboards/" + sampleDashboard + "/embed-url",
				Query: url.Values{"creds-type": {"QUICKSIGHT"}, "user-arn": {e.userARN()}}}, nil
		},
	})
	register(&scenario{
		name: "redeem",
		about: "browser GET of embed URLs (unsigned), each once, expecting 200: code consume, session insert, page; " +
			"--codes URLs (default --requests) are minted before the run, and the run ends when they are used up",
		prepare: mintCodes,
		build: func(e *env, _ int) (*request, error) {
			if e.codes == nil {
				return nil, errors.New("no embed URLs minted")
			}
			return e.codes.take()
		},
	})
	register(&scenario{
		name:   "healthz",
		about:  "unsigned GET /healthz (HTTP only; /readyz pings the store): a baseline without SigV4",
		replay: true,
		build: func(e *env, _ int) (*request, error) {
			return &request{Method: "GET", Path: "/healthz", Unsigned: true}, nil
		},
	})
}

// sampleDashboard is the dashboard a fresh server's first run creates.
const sampleDashboard = "sample-sales-dashboard"

func (e *env) usersPath() string {
	return "/accounts/" + pathLabel(e.cfg.Account) + "/namespaces/" + pathLabel(e.cfg.Namespace) + "/users"
}
