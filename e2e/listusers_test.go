package e2e

// ListUsers paging: MaxResults, NextToken and the SDK's paginator.

import (
	"context"
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

func TestListUsersPagination(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()
	all := []string{"admin"}
	for _, name := range []string{"zed", "Mallory", "eve 2", "eve/1", "émile"} {
		registerQuickSightUser(t, c, name, types.UserRoleReader)
		all = append(all, name)
	}
	slices.Sort(all) // byte order

	list := func(max *int32, token *string) (*quicksight.ListUsersOutput, error) {
		return c.ListUsers(ctx, &quicksight.ListUsersInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), MaxResults: max, NextToken: token})
	}
	// By hand, two at a time: three full pages, no token on the last.
	var got []string
	var token *string
	for page := 1; ; page++ {
		out, err := list(aws.Int32(2), token)
		must(t, err)
		if len(out.UserList) != 2 {
			t.Fatalf("page %d has %d users, want 2", page, len(out.UserList))
		}
		got = append(got, userNames(out.UserList)...)
		if token = out.NextToken; token == nil {
			if page != 3 {
				t.Fatalf("last page is page %d, want 3", page)
			}
			break
		}
	}
	wantEqual(t, "users paged by hand", got, all)

	// The SDK's paginator, four at a time.
	p := quicksight.NewListUsersPaginator(c, &quicksight.ListUsersInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), MaxResults: aws.Int32(4)})
	got = nil
	var sizes []int
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		must(t, err)
		sizes = append(sizes, len(out.UserList))
		got = append(got, userNames(out.UserList)...)
	}
	wantEqual(t, "page sizes", sizes, []int{4, 2})
	wantEqual(t, "users from the paginator", got, all)

	// Without MaxResults, and with the largest MaxResults: one page.
	for _, max := range []*int32{nil, aws.Int32(100)} {
		out, err := list(max, nil)
		must(t, err)
		if out.NextToken != nil {
			t.Errorf("MaxResults %v: NextToken %q on the only page", max, *out.NextToken)
		}
		wantEqual(t, "one page", userNames(out.UserList), all)
	}

	// A token of another list is not a ListUsers token.
	for _, name := range []string{"a", "b"} {
		_, err := c.CreateCustomPermissions(ctx, &quicksight.CreateCustomPermissionsInput{AwsAccountId: aws.String(accountID), CustomPermissionsName: aws.String(name)})
		must(t, err)
	}
	cp, err := c.ListCustomPermissions(ctx, &quicksight.ListCustomPermissionsInput{AwsAccountId: aws.String(accountID), MaxResults: aws.Int32(1)})
	must(t, err)
	if cp.NextToken == nil {
		t.Fatal("ListCustomPermissions with MaxResults 1 of 2 returned no NextToken")
	}
	first, err := list(aws.Int32(1), nil)
	must(t, err)

	runErrorCases(t, c, []apiCase{
		{"MaxResults 0", func(ctx context.Context, c *quicksight.Client) error { _, err := list(aws.Int32(0), nil); return err },
			ve, 400, "Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"},
		{"MaxResults 101", func(ctx context.Context, c *quicksight.Client) error { _, err := list(aws.Int32(101), nil); return err },
			ve, 400, "Value '101' at 'maxResults'"},
		{"MaxResults -1", func(ctx context.Context, c *quicksight.Client) error { _, err := list(aws.Int32(-1), nil); return err },
			ve, 400, "Value '-1' at 'maxResults'"},
		{"garbage NextToken", func(ctx context.Context, c *quicksight.Client) error {
			_, err := list(nil, aws.String("garbage!"))
			return err
		},
			"InvalidNextTokenException", 400, "The NextToken is not valid."},
		{"custom permissions NextToken", func(ctx context.Context, c *quicksight.Client) error { _, err := list(nil, cp.NextToken); return err },
			"InvalidNextTokenException", 400, ""},
		{"truncated NextToken", func(ctx context.Context, c *quicksight.Client) error {
			_, err := list(nil, aws.String((*first.NextToken)[:len(*first.NextToken)-3]))
			return err
		}, "InvalidNextTokenException", 400, ""},
	})
	ts.runRawErrorCases(t, ts.Admin, []rawCase{
		{"MaxResults not a number", "GET", "/accounts/" + accountID + "/namespaces/default/users?max-results=ten", "", "SerializationException", 400, "max-results"},
	})
}
