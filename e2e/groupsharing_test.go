package e2e

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
)

// TestGroupSharing: a dashboard shared with a group opens in the viewer
// for a member, with the same numbers as SQL, and not for a non-member;
// when the membership is deleted, the member's open session and new URLs
// are refused at once.
func TestGroupSharing(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(200))
	c := ts.adminClient()
	ctx := t.Context()
	db := sampleDB(t, ts)
	registerQuickSightUser(t, c, "mia", types.UserRoleReader)
	registerQuickSightUser(t, c, "nils", types.UserRoleReader)
	createGroup(t, c, "default", "viewers")
	addMember(t, c, "default", "viewers", "mia")
	_, err := c.UpdateDashboardPermissions(ctx, &quicksight.UpdateDashboardPermissionsInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String(app.SampleDashboardID),
		GrantPermissions: []types.ResourcePermission{{Principal: aws.String(groupARN("default", "viewers")), Actions: dashboardReaderActions}}})
	must(t, err)
	page := "/dashboards/" + app.SampleDashboardID

	// Warm the caches the check reads, so that the revocation below must
	// clear them.
	nils := ts.parseExperienceURL(t, generate(t, c, regInput("nils", dashboardExperience(app.SampleDashboardID))), page)
	ts.open(t, nils.Raw).wantRefused(t, http.StatusForbidden, "Forbidden")
	mia := ts.parseExperienceURL(t, generate(t, c, regInput("mia", dashboardExperience(app.SampleDashboardID))), page)
	token, p := ts.openExperience(t, mia, "")
	wantEqual(t, "revenue KPI", kpiValue(t, p.Body, "kpi-revenue"), math.Round(sqlFloat(t, db, "SELECT sum(revenue) FROM orders")*100)/100)
	u, err := ts.Store.FindUser(ctx, accountID, "default", "mia")
	must(t, err)
	list, err := ts.App.ConsoleDashboards(ctx, u)
	must(t, err)
	if len(list) != 1 || list[0].ID != app.SampleDashboardID {
		t.Fatalf("mia's dashboards: %d", len(list))
	}

	_, err = c.DeleteGroupMembership(ctx, &quicksight.DeleteGroupMembershipInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), GroupName: aws.String("viewers"), MemberName: aws.String("mia")})
	must(t, err)
	ts.withToken(t, mia.Base+"/embed/"+mia.Sid+page, token).wantRefused(t, http.StatusForbidden, "Forbidden")
	again := ts.parseExperienceURL(t, generate(t, c, regInput("mia", dashboardExperience(app.SampleDashboardID))), page)
	ts.open(t, again.Raw).wantRefused(t, http.StatusForbidden, "Forbidden")
	list, err = ts.App.ConsoleDashboards(ctx, u)
	must(t, err)
	if len(list) != 0 {
		t.Fatalf("mia still lists %d dashboards after leaving the group", len(list))
	}

	// Back in the group, then the group deleted: the same.
	addMember(t, c, "default", "viewers", "mia")
	back := ts.parseExperienceURL(t, generate(t, c, regInput("mia", dashboardExperience(app.SampleDashboardID))), page)
	ts.openExperience(t, back, "")
	_, err = c.DeleteGroup(ctx, &quicksight.DeleteGroupInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), GroupName: aws.String("viewers")})
	must(t, err)
	gone := ts.parseExperienceURL(t, generate(t, c, regInput("mia", dashboardExperience(app.SampleDashboardID))), page)
	ts.open(t, gone.Raw).wantRefused(t, http.StatusForbidden, "Forbidden")
}

// namespaceUser registers a QUICKSIGHT user in a namespace.
func namespaceUser(t testing.TB, c *quicksight.Client, ns, name string, role types.UserRole) {
	t.Helper()
	_, err := c.RegisterUser(t.Context(), &quicksight.RegisterUserInput{AwsAccountId: aws.String(accountID), Namespace: aws.String(ns),
		IdentityType: types.IdentityTypeQuicksight, UserName: aws.String(name), Email: aws.String(name + "@example.com"), UserRole: role})
	must(t, err)
}

// TestNamespaces: the namespace operations and their errors, and the
// isolation of a namespace's users: they open only what is shared with
// them or their groups, whatever their role.
func TestNamespaces(t *testing.T) {
	t.Parallel()
	clk := newClock()
	ts := startServer(t, withClock(clk), withSampleRows(200))
	c := ts.adminClient()
	ctx := t.Context()
	acct := aws.String(accountID)

	out, err := c.CreateNamespace(ctx, &quicksight.CreateNamespaceInput{AwsAccountId: acct, Namespace: aws.String("tenant1"), IdentityStore: types.IdentityStoreQuicksight,
		Tags: []types.Tag{{Key: aws.String("tenant"), Value: aws.String("1")}}})
	must(t, err)
	wantArn := sg.NamespaceARN(region, accountID, "tenant1")
	if aws.ToString(out.Arn) != wantArn || aws.ToString(out.Name) != "tenant1" || out.CreationStatus != types.NamespaceStatusCreating ||
		out.IdentityStore != types.IdentityStoreQuicksight || aws.ToString(out.CapacityRegion) != region || out.Status != http.StatusOK {
		t.Fatalf("CreateNamespace: %s", jsonString(out))
	}
	// The default namespace is CREATED from the start.
	def, err := c.DescribeNamespace(ctx, &quicksight.DescribeNamespaceInput{AwsAccountId: acct, Namespace: aws.String("default")})
	must(t, err)
	if def.Namespace.CreationStatus != types.NamespaceStatusCreated || aws.ToString(def.Namespace.Arn) != sg.NamespaceARN(region, accountID, "default") {
		t.Fatalf("DescribeNamespace default: %s", jsonString(def.Namespace))
	}
	// Until CREATED, the namespace takes no users.
	_, err = c.RegisterUser(ctx, &quicksight.RegisterUserInput{AwsAccountId: acct, Namespace: aws.String("tenant1"),
		IdentityType: types.IdentityTypeQuicksight, UserName: aws.String("tina"), Email: aws.String("t@example.com"), UserRole: types.UserRoleReader})
	wantError(t, err, "PreconditionNotMetException", http.StatusBadRequest)
	clk.Advance(2 * time.Second)
	d, err := c.DescribeNamespace(ctx, &quicksight.DescribeNamespaceInput{AwsAccountId: acct, Namespace: aws.String("tenant1")})
	must(t, err)
	if d.Namespace.CreationStatus != types.NamespaceStatusCreated || aws.ToString(d.Namespace.Arn) != wantArn {
		t.Fatalf("DescribeNamespace: %s", jsonString(d.Namespace))
	}
	for _, n := range []string{"alpha", "zeta"} {
		_, err := c.CreateNamespace(ctx, &quicksight.CreateNamespaceInput{AwsAccountId: acct, Namespace: aws.String(n), IdentityStore: types.IdentityStoreQuicksight})
		must(t, err)
	}
	var names []string
	var token *string
	for pages := 0; ; pages++ {
		lo, err := c.ListNamespaces(ctx, &quicksight.ListNamespacesInput{AwsAccountId: acct, MaxResults: aws.Int32(1), NextToken: token})
		must(t, err)
		for _, n := range lo.Namespaces {
			names = append(names, aws.ToString(n.Name))
		}
		if token = lo.NextToken; token == nil {
			break
		}
		if pages > 5 {
			t.Fatal("ListNamespaces does not end")
		}
	}
	wantEqual(t, "ListNamespaces", names, []string{"alpha", "default", "tenant1", "zeta"})

	// Isolation: tina (a reader in group tg) and theo (an ADMIN) of
	// tenant1; the sample dashboard shared with tg (and the default
	// namespace's admin), its analysis with the default namespace alone.
	namespaceUser(t, c, "tenant1", "tina", types.UserRoleReader)
	namespaceUser(t, c, "tenant1", "theo", types.UserRoleAdmin)
	namespaceUser(t, c, "default", "tina", types.UserRoleReader) // the same name in default is another user
	createGroup(t, c, "tenant1", "tg")
	addMember(t, c, "tenant1", "tg", "tina")
	_, err = c.UpdateDashboardPermissions(ctx, &quicksight.UpdateDashboardPermissionsInput{AwsAccountId: acct, DashboardId: aws.String(app.SampleDashboardID),
		GrantPermissions: []types.ResourcePermission{{Principal: aws.String(groupARN("tenant1", "tg")), Actions: dashboardReaderActions}}})
	must(t, err)
	user := func(ns, name string) *sg.User {
		u, err := ts.Store.FindUser(ctx, accountID, ns, name)
		must(t, err)
		return u
	}
	dashboards := func(u *sg.User) []string {
		list, err := ts.App.ConsoleDashboards(ctx, u)
		must(t, err)
		out := []string{}
		for _, d := range list {
			out = append(out, d.ID)
		}
		return out
	}
	wantEqual(t, "tenant1 tina sees", dashboards(user("tenant1", "tina")), []string{app.SampleDashboardID})
	wantEqual(t, "tenant1 admin theo sees", dashboards(user("tenant1", "theo")), []string{})
	wantEqual(t, "default tina sees", dashboards(user("default", "tina")), []string{})
	if _, err := ts.App.ConsoleAnalysis(ctx, user("tenant1", "theo"), app.SampleAnalysisID); sg.ErrorCode(err) != sg.EACCESSDENIED {
		t.Fatalf("tenant1's admin opens the default namespace's analysis: %v", err)
	}
	// The console's share dialog offers tenant1's users and groups alone.
	share, err := ts.App.ConsoleSharePrincipals(ctx, user("tenant1", "tina"))
	must(t, err)
	var offered []string
	for _, p := range share {
		offered = append(offered, p.ARN)
	}
	wantEqual(t, "share principals of tenant1", offered, []string{groupARN("tenant1", "tg"),
		sg.UserARN(region, accountID, "tenant1", "theo"), sg.UserARN(region, accountID, "tenant1", "tina")})
	tenantARN := func(name string) *string { return aws.String(sg.UserARN(region, accountID, "tenant1", name)) }
	page := "/dashboards/" + app.SampleDashboardID
	in := &quicksight.GenerateEmbedUrlForRegisteredUserInput{AwsAccountId: acct, UserArn: tenantARN("tina"), ExperienceConfiguration: dashboardExperience(app.SampleDashboardID)}
	tinaURL := ts.parseExperienceURL(t, generate(t, c, in), page)
	tinaToken, _ := ts.openExperience(t, tinaURL, "")
	in.UserArn = tenantARN("theo")
	ts.open(t, ts.parseExperienceURL(t, generate(t, c, in), page).Raw).wantRefused(t, http.StatusForbidden, "Forbidden")

	// Errors.
	const nf = "ResourceNotFoundException"
	runErrorCases(t, c, []apiCase{
		{"CreateNamespace exists", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.CreateNamespace(ctx, &quicksight.CreateNamespaceInput{AwsAccountId: acct, Namespace: aws.String("tenant1"), IdentityStore: types.IdentityStoreQuicksight})
			return err
		}, "ResourceExistsException", http.StatusConflict, "tenant1"},
		{"CreateNamespace default", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.CreateNamespace(ctx, &quicksight.CreateNamespaceInput{AwsAccountId: acct, Namespace: aws.String("default"), IdentityStore: types.IdentityStoreQuicksight})
			return err
		}, "ResourceExistsException", http.StatusConflict, "default"},
		{"CreateNamespace bad name", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.CreateNamespace(ctx, &quicksight.CreateNamespaceInput{AwsAccountId: acct, Namespace: aws.String("a b"), IdentityStore: types.IdentityStoreQuicksight})
			return err
		}, ve, http.StatusBadRequest, "namespace"},
		{"CreateNamespace bad identity store", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.CreateNamespace(ctx, &quicksight.CreateNamespaceInput{AwsAccountId: acct, Namespace: aws.String("x"), IdentityStore: "ACTIVE_DIRECTORY"})
			return err
		}, ve, http.StatusBadRequest, "identityStore"},
		{"DescribeNamespace missing", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DescribeNamespace(ctx, &quicksight.DescribeNamespaceInput{AwsAccountId: acct, Namespace: aws.String("nowhere")})
			return err
		}, nf, http.StatusNotFound, "nowhere"},
		{"DeleteNamespace default", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DeleteNamespace(ctx, &quicksight.DeleteNamespaceInput{AwsAccountId: acct, Namespace: aws.String("default")})
			return err
		}, "InvalidParameterValueException", http.StatusBadRequest, "can't be deleted"},
		{"DeleteNamespace missing", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DeleteNamespace(ctx, &quicksight.DeleteNamespaceInput{AwsAccountId: acct, Namespace: aws.String("nowhere")})
			return err
		}, nf, http.StatusNotFound, "nowhere"},
		{"ListNamespaces bad token", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.ListNamespaces(ctx, &quicksight.ListNamespacesInput{AwsAccountId: acct, NextToken: aws.String("bogus")})
			return err
		}, "InvalidNextTokenException", http.StatusBadRequest, ""},
		{"RegisterUser unknown namespace", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.RegisterUser(ctx, &quicksight.RegisterUserInput{AwsAccountId: acct, Namespace: aws.String("nowhere"),
				IdentityType: types.IdentityTypeQuicksight, UserName: aws.String("x"), Email: aws.String("x@example.com"), UserRole: types.UserRoleReader})
			return err
		}, nf, http.StatusNotFound, "nowhere"},
		{"membership across namespaces", func(ctx context.Context, c *quicksight.Client) error {
			// The default namespace's theo does not exist: a group's
			// members are users of its own namespace.
			_, err := c.CreateGroupMembership(ctx, &quicksight.CreateGroupMembershipInput{AwsAccountId: acct, Namespace: aws.String("default"), GroupName: aws.String("tg"), MemberName: aws.String("theo")})
			return err
		}, nf, http.StatusNotFound, "tg"},
	})

	// QuickSight's limit: 100 namespaces besides the default one.
	for i := 3; i < 100; i++ { // tenant1, alpha and zeta exist
		_, err := c.CreateNamespace(ctx, &quicksight.CreateNamespaceInput{AwsAccountId: acct, Namespace: aws.String(fmt.Sprintf("n%03d", i)), IdentityStore: types.IdentityStoreQuicksight})
		must(t, err)
	}
	_, err = c.CreateNamespace(ctx, &quicksight.CreateNamespaceInput{AwsAccountId: acct, Namespace: aws.String("one-too-many"), IdentityStore: types.IdentityStoreQuicksight})
	wantError(t, err, "LimitExceededException", http.StatusConflict)

	// Deleting the namespace deletes its users and groups, and ends their
	// sessions; the default namespace's tina stays.
	_, err = c.DeleteNamespace(ctx, &quicksight.DeleteNamespaceInput{AwsAccountId: acct, Namespace: aws.String("tenant1")})
	must(t, err)
	_, err = c.DescribeNamespace(ctx, &quicksight.DescribeNamespaceInput{AwsAccountId: acct, Namespace: aws.String("tenant1")})
	wantError(t, err, nf, http.StatusNotFound)
	_, err = c.DescribeUser(ctx, &quicksight.DescribeUserInput{AwsAccountId: acct, Namespace: aws.String("tenant1"), UserName: aws.String("tina")})
	wantError(t, err, nf, http.StatusNotFound)
	if _, err := ts.Store.FindGroup(ctx, accountID, "tenant1", "tg"); sg.ErrorCode(err) != sg.ENOTFOUND {
		t.Fatalf("tenant1's group after DeleteNamespace: %v", err)
	}
	_, err = c.DescribeUser(ctx, &quicksight.DescribeUserInput{AwsAccountId: acct, Namespace: aws.String("default"), UserName: aws.String("tina")})
	must(t, err)
	// tina's open session ended with her namespace.
	ts.withToken(t, tinaURL.Base+"/embed/"+tinaURL.Sid+page, tinaToken).wantErrorPage(t, http.StatusUnauthorized, "Unauthorized")
	in.UserArn = tenantARN("tina")
	_, err = c.GenerateEmbedUrlForRegisteredUser(ctx, in)
	wantError(t, err, "QuickSightUserNotFoundException", http.StatusNotFound)
}
