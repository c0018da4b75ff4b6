package e2e

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

// checkRounds is how many create-then-change rounds each flow runs: the
// background definition check races the client's second request in each.
const checkRounds = 100

// TestNoConflictWithDefinitionCheck: a client that deletes, restores or
// updates an analysis (or changes a dashboard) right after creating it
// never gets a ConflictException from the server's own background check,
// and the check never undoes the client's change.
func TestNoConflictWithDefinitionCheck(t *testing.T) {
	t.Parallel()
	noConflictWithCheck(t, startServer(t))
}

// TestNoConflictWithDefinitionCheckPostgres is the same on PostgreSQL.
func TestNoConflictWithDefinitionCheckPostgres(t *testing.T) {
	dsn := os.Getenv("SIGHTGLASS_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("SIGHTGLASS_TEST_POSTGRES is not set")
	}
	t.Parallel()
	noConflictWithCheck(t, startServer(t, withPostgres(freshDatabase(t, dsn))))
}

func noConflictWithCheck(t *testing.T, ts *testServer) {
	createSalesDataSet(t, ts)
	c := ts.adminClient()
	ctx := t.Context()
	def := salesAnalysisDefinition(t)
	registerQuickSightUser(t, c, "viewer", types.UserRoleReader)
	create := func(id string) {
		t.Helper()
		_, err := c.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{
			AwsAccountId: aws.String(accountID), AnalysisId: aws.String(id), Name: aws.String(id), Definition: def,
		})
		must(t, err)
	}
	del := func(id string) error {
		_, err := c.DeleteAnalysis(ctx, &quicksight.DeleteAnalysisInput{
			AwsAccountId: aws.String(accountID), AnalysisId: aws.String(id), RecoveryWindowInDays: aws.Int64(7),
		})
		return err
	}
	conflicts := map[string]int{}
	count := func(flow string, err error) {
		t.Helper()
		if err == nil {
			return
		}
		if code, _ := apiError(t, err); code == "ConflictException" {
			conflicts[flow]++
			return
		}
		t.Fatalf("%s: %v", flow, err)
	}
	for i := range checkRounds {
		// create → delete: the analysis stays deleted.
		id := fmt.Sprintf("del-%d", i)
		create(id)
		count("create→delete", del(id))
		// create → delete → restore: the analysis comes back.
		rid := fmt.Sprintf("restore-%d", i)
		create(rid)
		count("create→delete(restore)", del(rid))
		_, err := c.RestoreAnalysis(ctx, &quicksight.RestoreAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String(rid)})
		count("create→restore", err)
		// create → update: the update's name stays.
		uid := fmt.Sprintf("upd-%d", i)
		create(uid)
		_, err = c.UpdateAnalysis(ctx, &quicksight.UpdateAnalysisInput{
			AwsAccountId: aws.String(accountID), AnalysisId: aws.String(uid), Name: aws.String("renamed"), Definition: def,
		})
		count("create→update", err)
		// dashboard create → permissions update.
		did := fmt.Sprintf("dash-%d", i)
		_, err = c.CreateDashboard(ctx, &quicksight.CreateDashboardInput{
			AwsAccountId: aws.String(accountID), DashboardId: aws.String(did), Name: aws.String(did),
			Definition: salesDashboardDefinition(t),
		})
		must(t, err)
		_, err = c.UpdateDashboardPermissions(ctx, &quicksight.UpdateDashboardPermissionsInput{
			AwsAccountId: aws.String(accountID), DashboardId: aws.String(did),
			GrantPermissions: ownerPermissions("viewer", dashboardReaderActions...),
		})
		count("dashboard create→permissions", err)
	}
	if len(conflicts) > 0 {
		t.Errorf("conflicts with the background check in %d rounds: %v", checkRounds, conflicts)
	}
	// Final states, once every check has finished.
	for i := range checkRounds {
		id, rid, uid := fmt.Sprintf("del-%d", i), fmt.Sprintf("restore-%d", i), fmt.Sprintf("upd-%d", i)
		if an := waitAnalysis(t, c, id); an.Status != types.ResourceStatusDeleted {
			t.Fatalf("%s: status %s after the check, want DELETED", id, an.Status)
		}
		if an := waitAnalysis(t, c, rid); an.Status != types.ResourceStatusCreationSuccessful {
			t.Fatalf("%s: status %s after restore, want CREATION_SUCCESSFUL", rid, an.Status)
		}
		if an := waitAnalysis(t, c, uid); an.Status != types.ResourceStatusUpdateSuccessful || aws.ToString(an.Name) != "renamed" {
			t.Fatalf("%s: status %s name %q after update, want UPDATE_SUCCESSFUL renamed", uid, an.Status, aws.ToString(an.Name))
		}
	}
	pages := quicksight.NewListAnalysesPaginator(c, &quicksight.ListAnalysesInput{AwsAccountId: aws.String(accountID), MaxResults: aws.Int32(100)})
	listed := 0
	for pages.HasMorePages() {
		list, err := pages.NextPage(ctx)
		must(t, err)
		for _, s := range list.AnalysisSummaryList {
			listed++
			if id := aws.ToString(s.AnalysisId); strings.HasPrefix(id, "del-") {
				t.Fatalf("deleted analysis %s is listed", id)
			}
		}
	}
	if listed != 2*checkRounds {
		t.Fatalf("%d analyses listed, want %d", listed, 2*checkRounds)
	}
}
