package e2e

// Per-account throttling: ThrottlingException, 429.

import (
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

// TestThrottling drains an account's token bucket (rate 1/s, burst 3) on
// a stopped clock.
func TestThrottling(t *testing.T) {
	t.Parallel()
	clk := newClock()
	ts := startServer(t, withClock(clk), withThrottle(1, 3))
	c := ts.adminClient()
	call := settingsCall(accountID)
	for i := 1; i <= 3; i++ {
		if err := call(t.Context(), c); err != nil {
			t.Fatalf("call %d: %v", i, err)
		}
	}
	err := call(t.Context(), c)
	wantErrorMessage(t, err, "ThrottlingException", 429, "Rate exceeded for account "+accountID+".")
	var te *types.ThrottlingException
	if !errors.As(err, &te) || aws.ToString(te.RequestId) == "" {
		t.Errorf("ThrottlingException without RequestId: %v", err)
	}
	send(t, ts.signed(t, ts.Admin, http.MethodGet, settingsPath, "")).wantError(t, "ThrottlingException", 429)

	// Buckets are per account: another account's principal is not
	// throttled (its account is merely not subscribed).
	other := ts.client(ts.newIAMUser(t, unsubscribed, "founder", fullAccess))
	wantError(t, settingsCall(unsubscribed)(t.Context(), other), "ResourceNotFoundException", 404)

	// One second refills one token.
	clk.Advance(time.Second)
	must(t, call(t.Context(), c))
	wantError(t, call(t.Context(), c), "ThrottlingException", 429)

	// Requests that fail authentication do not take tokens.
	clk.Advance(time.Second)
	bad := *ts.Admin
	bad.SecretAccessKey = "wrong"
	send(t, ts.signed(t, &bad, http.MethodGet, settingsPath, "")).wantError(t, "InvalidSignatureException", 403)
	must(t, call(t.Context(), c))
}
