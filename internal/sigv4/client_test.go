package sigv4

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

// verifyRecorder is an http.Handler that verifies every request and
// records the outcome; it answers any JSON object.
type verifyRecorder struct {
	v *Verifier

	mu      sync.Mutex
	results []recorded
}

type recorded struct {
	method, path string
	res          Result
	err          error
	body         string
}

func (h *verifyRecorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	res, err := h.v.Verify(r)
	body, _ := io.ReadAll(r.Body) // must still be readable after Verify
	h.mu.Lock()
	h.results = append(h.results, recorded{r.Method, r.URL.EscapedPath(), res, err, string(body)})
	h.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Amzn-RequestId", "test-request")
	if err != nil {
		e, _ := err.(*Error)
		w.Header().Set("X-Amzn-ErrorType", e.Code)
		w.WriteHeader(e.HTTPStatus())
		_ = json.NewEncoder(w).Encode(map[string]string{"Message": e.Message, "RequestId": "test-request"})
		return
	}
	_, _ = io.WriteString(w, `{"Status":200,"RequestId":"test-request"}`)
}

func (h *verifyRecorder) take() []recorded {
	h.mu.Lock()
	defer h.mu.Unlock()
	r := h.results
	h.results = nil
	return r
}

// TestQuickSightClient drives a real aws-sdk-go-v2 QuickSight client
// against an httptest server whose handler calls Verify.
func TestQuickSightClient(t *testing.T) {
	keys := map[string]Key{
		testAKID: {SecretAccessKey: testSecret},
		tempAKID: {SecretAccessKey: tempSecret, SessionToken: tempToken},
	}
	h := &verifyRecorder{v: &Verifier{Lookup: mapLookup(keys), Service: "quicksight", Region: testRegion}}
	srv := httptest.NewServer(h)
	defer srv.Close()

	clients := map[string]*quicksight.Client{}
	for _, c := range []struct {
		name, base string
		creds      aws.Credentials
	}{
		{"root endpoint", srv.URL, longTermCreds},
		{"base path /qs", srv.URL + "/qs", longTermCreds},
		{"session token", srv.URL, tempCreds},
	} {
		clients[c.name] = quicksight.New(quicksight.Options{
			Region:           testRegion,
			BaseEndpoint:     aws.String(c.base),
			Credentials:      credentials.NewStaticCredentialsProvider(c.creds.AccessKeyID, c.creds.SecretAccessKey, c.creds.SessionToken),
			RetryMaxAttempts: 1,
		})
	}
	ctx := context.Background()
	const account = "123456789012"
	for name, qs := range clients {
		t.Run(name, func(t *testing.T) {
			calls := []struct {
				op   string
				call func() error
				body bool
			}{
				{"DescribeUser", func() error {
					_, err := qs.DescribeUser(ctx, &quicksight.DescribeUserInput{
						AwsAccountId: aws.String(account), Namespace: aws.String("default"), UserName: aws.String("bob name/x+y"),
					})
					return err
				}, false},
				{"RegisterUser", func() error {
					_, err := qs.RegisterUser(ctx, &quicksight.RegisterUserInput{
						AwsAccountId: aws.String(account), Namespace: aws.String("default"),
						Email: aws.String("bob@example.com"), IdentityType: types.IdentityTypeQuicksight,
						UserRole: types.UserRoleReader, UserName: aws.String("bob name/x+y"),
					})
					return err
				}, true},
				{"ListUsers", func() error {
					_, err := qs.ListUsers(ctx, &quicksight.ListUsersInput{
						AwsAccountId: aws.String(account), Namespace: aws.String("default"),
						MaxResults: aws.Int32(5), NextToken: aws.String("a b/c+d=e&f"),
					})
					return err
				}, false},
				{"GetDashboardEmbedUrl", func() error {
					_, err := qs.GetDashboardEmbedUrl(ctx, &quicksight.GetDashboardEmbedUrlInput{
						AwsAccountId: aws.String(account), DashboardId: aws.String("dash 1"),
						IdentityType: types.EmbeddingIdentityTypeQuicksight, ResetDisabled: true,
						AdditionalDashboardIds: []string{"b", "a b", "a"},
						UserArn:                aws.String("arn:aws:quicksight:us-east-1:123456789012:user/default/bob"),
					})
					return err
				}, false},
				{"UpdateUser", func() error {
					_, err := qs.UpdateUser(ctx, &quicksight.UpdateUserInput{
						AwsAccountId: aws.String(account), Namespace: aws.String("default"), UserName: aws.String("jürgen✓"),
						Email: aws.String("j@example.com"), Role: types.UserRoleAuthor,
					})
					return err
				}, true},
			}
			for _, c := range calls {
				if err := c.call(); err != nil {
					t.Errorf("%s: client error: %v", c.op, err)
				}
				recs := h.take()
				if len(recs) != 1 {
					t.Fatalf("%s: %d requests reached the server", c.op, len(recs))
				}
				rec := recs[0]
				if rec.err != nil {
					t.Errorf("%s %s %s: Verify: %v", c.op, rec.method, rec.path, rec.err)
					continue
				}
				if rec.res.Region != testRegion || rec.res.Presigned || rec.res.AccessKeyID == "" {
					t.Errorf("%s: result %+v", c.op, rec.res)
				}
				if c.body && !json.Valid([]byte(rec.body)) {
					t.Errorf("%s: handler read body %q after Verify", c.op, rec.body)
				}
			}
		})
	}

	// A client signing for another region is told which endpoint to use.
	other := quicksight.New(quicksight.Options{
		Region: "us-west-2", BaseEndpoint: aws.String(srv.URL), RetryMaxAttempts: 1,
		Credentials: credentials.NewStaticCredentialsProvider(testAKID, testSecret, ""),
	})
	_, err := other.DescribeUser(ctx, &quicksight.DescribeUserInput{
		AwsAccountId: aws.String(account), Namespace: aws.String("default"), UserName: aws.String("bob"),
	})
	if err == nil {
		t.Fatal("wrong-region call succeeded")
	}
	if recs := h.take(); len(recs) != 1 || codeOf(recs[0].err) != CodeAccessDenied {
		t.Fatalf("wrong-region records: %+v", recs)
	}
}
