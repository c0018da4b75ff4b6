// Package storetest is the conformance suite of sightglass.Store. Every
// store runs the same suite (internal/store/sqlite and
// internal/store/postgres call Run from their tests), so that the
// application sees identical behaviour whichever store it is given.
//
// The suite asserts error codes with sightglass.ErrorCode, never driver
// messages, and pins down what the interface's doc comments leave to the
// implementation:
//
//   - Times are stored with millisecond precision and returned in UTC:
//     a time t reads back as time.UnixMilli(t.UnixMilli()).UTC(). The
//     zero time reads back as the zero time.
//   - Slices and maps in records (Account.EmbeddingDomains, User.Tags,
//     CustomPermissions.Capabilities and Tags) round-trip exactly: nil stays
//     nil and empty stays empty.
//   - List methods never return a nil slice: no items is an empty slice.
//   - Keyset pages order keys in byte order (Go's string order), start
//     after Page.After ("" = from the start; keys are never empty), hold at
//     most Page.Limit items, and report more = true exactly when another
//     item follows. Page.Limit ≤ 0 means no limit.
//   - ConsumeOnce never returns a nil payload on success: a nil or empty
//     payload reads back as an empty slice. An item is consumable while its
//     expiry (in milliseconds) is after now (in milliseconds).
//   - ListPrincipalPolicies and ListAccessKeys of a principal that does not
//     exist return an empty list, not ENOTFOUND. ListAccessKeys orders keys
//     created in the same millisecond by key id.
//   - CreateAccount with an id that is subscribed returns EEXISTS even when
//     the name is taken too; ECONFLICT is for a taken name alone.
//   - Keys and names compare byte for byte: names differing only in case
//     are different names.
//   - Strings are valid UTF-8 without NUL bytes (PostgreSQL's text cannot
//     hold NUL); the suite stores no others.
//   - FindSession returns expired sessions; PurgeSessions(now) deletes
//     the sessions whose expiry (in milliseconds) is at or before now (in
//     milliseconds).
//   - ListFavorites orders favorites created in the same millisecond by
//     kind, then resource id, in byte order. PutFavorite of a marked
//     favorite keeps the first CreatedAt. A favorite may name a dashboard
//     or analysis that does not exist (the store does not check).
//   - DeleteDashboard and DeleteAnalysis delete the resource's favorites of
//     every user with it, and only those (not the other kind's resource of
//     the same id); when they return ENOTFOUND they change nothing.
//   - Definitions (Analysis.Definition, DashboardVersion.Definition and
//     PublishOptions) are stored byte for byte; nil stays nil. List methods
//     leave definitions nil; ListAnalyses skips deleted analyses.
//   - Dashboard version numbers are never reused: AddDashboardVersion
//     numbers after LatestVersion even when later versions were deleted.
//   - ListUnfinishedAnalyses and ListUnfinishedDashboardVersions span every
//     account and return definitions; analyses in CREATION_IN_PROGRESS or
//     UPDATE_IN_PROGRESS, versions in CREATION_IN_PROGRESS.
//   - Data sources, datasets and ingestions round-trip their byte fields
//     exactly (nil stays nil). UpdateDataSet leaves SPICEIngestionID and
//     SPICEBytes alone; UpdateIngestion leaves the request fields alone.
//     DeleteDataSet deletes the dataset's ingestions; CreateIngestion of a
//     dataset that does not exist returns ENOTFOUND.
//   - Tags (TagStore) name resources by the ARN's resource part; a
//     create call's Tags are the resource's first tags; ListTags orders by
//     key; a refused TagResource (ELIMIT) changes nothing; a deleted or
//     purged resource's tags and a deleted user's password are gone, so a
//     resource created again under the same name starts clean.
//   - ListGroups with a prefix returns the names that start with it, in
//     byte order. A membership names a group and a user of the same
//     namespace (CreateGroupMember returns ENOTFOUND without either) and
//     goes with either; DeleteNamespace takes the namespace's users,
//     groups, memberships and sessions, and nothing of other namespaces.
//   - AddAnalysisVersion numbers after the newest kept version and keeps
//     the newest keep versions; ListAnalysisVersions lists newest first.
//     Versions and edit stacks go with their analysis (DeleteAnalysis,
//     PurgeAnalyses); edit stacks go with their session too.
//   - Stores are safe for concurrent use: racing creators of one key see one
//     success and EEXISTS for the rest; racing consumers of one item see one
//     success and ENOTFOUND for the rest.
//
// The open function given to Run must return a new, empty store each call
// and arrange for it to be closed when the test ends (t.Cleanup).
package storetest

import (
	"fmt"
	"reflect"
	"sync/atomic"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

// Option adjusts Run.
type Option func(*config)

type config struct {
	consumeRounds int
}

// ConsumeRounds sets how many rounds the consume-once race runs (default
// 300). Each round puts a fresh item and releases 64 goroutines at it.
func ConsumeRounds(n int) Option { return func(c *config) { c.consumeRounds = n } }

// Run runs the conformance suite. open must return a fresh, empty store
// that is closed when t ends.
func Run(t *testing.T, open func(t testing.TB) sg.Store, opts ...Option) {
	cfg := config{consumeRounds: 300}
	for _, o := range opts {
		o(&cfg)
	}
	groups := []struct {
		name string
		fn   func(t *testing.T, s sg.Store)
	}{
		{"Account", testAccount},
		{"Principal", testPrincipal},
		{"PrincipalPolicy", testPrincipalPolicy},
		{"AccessKey", testAccessKey},
		{"User", testUser},
		{"Group", testGroup},
		{"Namespace", testNamespace},
		{"CustomPermissions", testCustomPermissions},
		{"CustomPermissionsAssignments", testCustomPermissionsAssignments},
		{"Themes", testThemes},
		{"ThemeAliases", testThemeAliases},
		{"DashboardViews", testDashboardViews},
		{"RecentOpens", testRecentOpens},
		{"DeletedAnalyses", testDeletedAnalyses},
		{"Pagination", testPagination},
		{"AccountList", testAccountList},
		{"Session", testSession},
		{"Content", testContent},
		{"AnalysisDefinition", testAnalysisDefinition},
		{"AnalysisVersions", testAnalysisVersions},
		{"EditStacks", testEditStacks},
		{"DashboardVersions", testDashboardVersions},
		{"DashboardExists", testDashboardExists},
		{"Unfinished", testUnfinished},
		{"Favorite", testFavorite},
		{"DataSource", testDataSource},
		{"DataSet", testDataSet},
		{"Ingestion", testIngestion},
		{"IngestionLease", testIngestionLease},
		{"IngestionRun", testIngestionRun},
		{"RefreshSchedule", testRefreshSchedule},
		{"Tags", testTags},
		{"TagDeleteRace", testTagDeleteRace},
		{"Passwords", testPasswords},
		{"Once", testOnce},
		{"Redeem", testRedeem},
		{"ConcurrentWriters", testConcurrentWriters},
		{"ConsumeOnceRace", func(t *testing.T, s sg.Store) {
			RaceConsumeOnce(t, []sg.Store{s}, 64, cfg.consumeRounds)
		}},
		{"RedeemOnceRace", func(t *testing.T, s sg.Store) {
			RaceRedeemOnce(t, []sg.Store{s}, 32, max(cfg.consumeRounds/3, 10))
		}},
	}
	for _, g := range groups {
		t.Run(g.name, func(t *testing.T) {
			t.Parallel()
			s := open(t)
			if err := s.Ping(t.Context()); err != nil {
				t.Fatalf("Ping: %v", err)
			}
			g.fn(t, s)
		})
	}
}

// t0 is the suite's clock: a time with sub-millisecond digits, so that
// every round trip checks the truncation to milliseconds.
var t0 = time.Date(2026, 11, 29, 10, 30, 15, 123456789, time.UTC)

// at returns t0 plus d.
func at(d time.Duration) time.Time { return t0.Add(d) }

// ms is what a store returns for t.
func ms(t time.Time) time.Time { return time.UnixMilli(t.UnixMilli()).UTC() }

// idSeq makes account ids unique within a test binary, so that subtests
// sharing a store do not see each other's rows.
var idSeq atomic.Int64

func newAccountID() string { return fmt.Sprintf("%012d", 100000000000+idSeq.Add(1)) }

// wantCode fails t unless err carries code ("" for no error).
func wantCode(t testing.TB, op string, err error, code sg.Code) {
	t.Helper()
	if got := sg.ErrorCode(err); got != code {
		if code == "" {
			t.Fatalf("%s: unexpected error %v", op, err)
		}
		t.Fatalf("%s: error code %q (%v), want %q", op, got, err, code)
	}
	if code != "" && sg.ErrorMessage(err) == "" {
		t.Errorf("%s: %s error without a message", op, code)
	}
}

// must fails t if err is not nil.
func must(t testing.TB, op string, err error) {
	t.Helper()
	wantCode(t, op, err, "")
}

// same fails t unless got and want are deeply equal (nil and empty slices
// differ; times must be equal to the nanosecond and in UTC).
func same[T any](t testing.TB, what string, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s:\n got  %+v\n want %+v", what, deref(got), deref(want))
	}
}

// deref makes pointers and slices of pointers print their values.
func deref(v any) any {
	rv := reflect.ValueOf(v)
	switch {
	case !rv.IsValid():
		return v
	case rv.Kind() == reflect.Pointer && !rv.IsNil():
		return rv.Elem().Interface()
	case rv.Kind() == reflect.Slice && rv.Type().Elem().Kind() == reflect.Pointer:
		out := make([]any, rv.Len())
		for i := range out {
			out[i] = deref(rv.Index(i).Interface())
		}
		return out
	}
	return v
}
