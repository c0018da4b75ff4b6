package e2e

// IAM principals, policies and keys for tests, made directly through the
// application layer (as the admin commands do).

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

// newIAMUser creates an IAM user of account with an inline policy (none if
// policy is "") and returns a new access key for it.
func (ts *testServer) newIAMUser(t testing.TB, account, name, policy string) *sg.AccessKey {
	t.Helper()
	ctx := context.Background()
	if _, err := ts.App.CreatePrincipal(ctx, account, sg.PrincipalUser, name); err != nil {
		t.Fatalf("CreatePrincipal(%s): %v", name, err)
	}
	if policy != "" {
		if err := ts.App.PutPolicy(ctx, account, sg.PrincipalUser, name, "test", policy); err != nil {
			t.Fatalf("PutPolicy(%s): %v", name, err)
		}
	}
	key, err := ts.App.CreateAccessKey(ctx, account, name)
	if err != nil {
		t.Fatalf("CreateAccessKey(%s): %v", name, err)
	}
	return key
}

// newRole creates an IAM role of account with an inline policy (none if
// policy is "") and returns it.
func (ts *testServer) newRole(t testing.TB, account, name, policy string) *sg.Principal {
	t.Helper()
	ctx := context.Background()
	p, err := ts.App.CreatePrincipal(ctx, account, sg.PrincipalRole, name)
	if err != nil {
		t.Fatalf("CreatePrincipal(role %s): %v", name, err)
	}
	if policy != "" {
		if err := ts.App.PutPolicy(ctx, account, sg.PrincipalRole, name, "test", policy); err != nil {
			t.Fatalf("PutPolicy(role %s): %v", name, err)
		}
	}
	return p
}

// assumeRole returns temporary credentials for a session of role, valid
// for 15 minutes of server time.
func (ts *testServer) assumeRole(t testing.TB, account, role, session string) *sg.AccessKey {
	t.Helper()
	key, err := ts.App.AssumeRole(context.Background(), account, role, session, 15*time.Minute)
	if err != nil {
		t.Fatalf("AssumeRole(%s/%s): %v", role, session, err)
	}
	return key
}

// fullAccess allows every QuickSight action on every resource.
const fullAccess = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"quicksight:*","Resource":"*"}]}`

// policy returns a policy document with one statement per (effect, action,
// resource) triple.
func policy(triples ...string) string {
	var stmts []string
	for i := 0; i+2 < len(triples); i += 3 {
		stmts = append(stmts, fmt.Sprintf(`{"Effect":%q,"Action":%q,"Resource":%q}`, triples[i], triples[i+1], triples[i+2]))
	}
	return `{"Version":"2012-10-17","Statement":[` + strings.Join(stmts, ",") + `]}`
}

// userARN is the ARN of a QuickSight user of the default namespace.
func userARN(account, name string) string {
	return sg.UserARN(region, account, sg.DefaultNamespace, name)
}
