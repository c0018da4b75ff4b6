package e2e

// Concurrent writes through the API: uniqueness holds and no request
// fails with an internal error.

import (
	"fmt"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

func TestConcurrentRegistrations(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	concurrentRegistrations(t, ts)
}

// concurrentRegistrations registers 16 distinct users and, at the same
// time, 16 times one more user: the distinct ones all succeed, exactly one
// of the others does and the rest are ResourceExistsException.
func concurrentRegistrations(t *testing.T, ts *testServer) {
	t.Helper()
	c := ts.adminClient()
	listUsers := func() []types.User {
		out, err := c.ListUsers(t.Context(), &quicksight.ListUsersInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default")})
		must(t, err)
		return out.UserList
	}
	before := len(listUsers())
	const n = 16
	errs := make([]error, 2*n)
	var wg sync.WaitGroup
	for i := range 2 * n {
		name := "same"
		if i < n {
			name = fmt.Sprintf("user-%02d", i)
		}
		wg.Go(func() {
			_, errs[i] = c.RegisterUser(t.Context(), &quicksight.RegisterUserInput{
				AwsAccountId: aws.String(accountID), Namespace: aws.String("default"),
				IdentityType: types.IdentityTypeQuicksight, UserName: aws.String(name),
				Email: aws.String("c@example.com"), UserRole: types.UserRoleReader,
			})
		})
	}
	wg.Wait()
	won := 0
	for i, err := range errs {
		switch {
		case i < n:
			must(t, err)
		case err == nil:
			won++
		default:
			wantError(t, err, "ResourceExistsException", 409)
		}
	}
	if won != 1 {
		t.Errorf("%d concurrent registrations of one name succeeded, want 1", won)
	}
	if got := len(listUsers()); got != before+n+1 {
		t.Errorf("ListUsers returned %d users, want %d", got, before+n+1)
	}
}
