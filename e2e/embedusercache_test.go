package e2e

import (
	"net/http"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

// TestGetSessionEmbedURLSeesUserChanges: minting reads users through a
// short cache; a change made through the API must reach the next mint at
// once, not after the cache's lifetime.
func TestGetSessionEmbedURLSeesUserChanges(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()
	mint := func() error { return embedCall(embedInput("brief", "/start", 0))(ctx, c) }

	registerQuickSightUser(t, c, "brief", types.UserRoleAuthor)
	must(t, mint()) // now cached
	_, err := c.DeleteUser(ctx, &quicksight.DeleteUserInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String("brief")})
	must(t, err)
	wantError(t, mint(), "QuickSightUserNotFoundException", http.StatusNotFound)

	// Registered again: minting works at once.
	registerQuickSightUser(t, c, "brief", types.UserRoleReader)
	must(t, mint())
}
