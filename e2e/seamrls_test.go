//lint:file-ignore SA1019 RowLevelPermissionTagConfiguration and RowLevelPermissionDataSet are what Sightglass implements

package e2e

// Row-level security through real embedded sessions: the tag rules of a
// dataset through anonymous sessions minted with SessionTags, and group
// rules through groups and memberships made with the API. Each session
// draws the dashboard (page and sheet fragment) and the drawn values and
// control value lists equal an independent SQL query with the rule
// applied by hand.

import (
	"database/sql"
	"fmt"
	"html"
	"math"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"

	"github.com/sightglass/sightglass/internal/app"
)

// seamSampleRows keeps the sample small: these tests are about wiring.
const seamSampleRows = 2000

// wantDrawn checks that a dashboard page or sheet fragment of the sample
// dashboard draws the rows of orders WHERE where: the revenue and orders
// KPIs, the bar's regions and the region control's values.
func wantDrawn(t *testing.T, db *sql.DB, what, body, where string) {
	t.Helper()
	var regions []string
	for _, row := range sqlAll(t, db, "SELECT region FROM orders WHERE "+where+" GROUP BY region ORDER BY sum(revenue) DESC") {
		regions = append(regions, fmt.Sprint(row[0]))
	}
	wantEqual(t, what+" orders KPI", kpiValue(t, body, "kpi-orders"), sqlFloat(t, db, "SELECT count(order_id) FROM orders WHERE "+where))
	if len(regions) > 0 {
		wantEqual(t, what+" revenue KPI", kpiValue(t, body, "kpi-revenue"), math.Round(sqlFloat(t, db, "SELECT sum(revenue) FROM orders WHERE "+where)*100)/100)
		wantEqual(t, what+" bar regions", categoryAxis(t, chart(t, body, "bar-region")), regions)
	}
	for _, row := range sqlAll(t, db, "SELECT DISTINCT region FROM orders") {
		region := fmt.Sprint(row[0])
		option := `<input type="checkbox" name="f.f-region" value="` + html.EscapeString(region) + `"`
		if got, want := strings.Contains(body, option), slices.Contains(regions, region); got != want {
			t.Errorf("%s: region control lists %s: %v, want %v", what, region, got, want)
		}
	}
}

// secureSample updates the sample dataset with set's security.
func secureSample(t *testing.T, c *quicksight.Client, set func(*quicksight.UpdateDataSetInput)) {
	t.Helper()
	sample := describeDataSet(t, c, app.SampleDataSetID)
	in := &quicksight.UpdateDataSetInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String(app.SampleDataSetID),
		Name: sample.Name, ImportMode: sample.ImportMode, PhysicalTableMap: sample.PhysicalTableMap, LogicalTableMap: sample.LogicalTableMap}
	set(in)
	_, err := c.UpdateDataSet(t.Context(), in)
	must(t, err)
}

// drawExperience opens a dashboard experience URL and returns its page and
// its overview sheet fragment.
func (ts *testServer) drawExperience(t *testing.T, raw string) (page, fragment string) {
	t.Helper()
	u := ts.parseExperienceURL(t, raw, "/dashboards/"+app.SampleDashboardID)
	token, p := ts.openExperience(t, u, "")
	f := ts.withToken(t, u.Base+"/embedding/"+u.Sid+"/dashboards/"+app.SampleDashboardID+"/sheets/overview", token)
	if f.Status != http.StatusOK {
		t.Fatalf("sheet fragment: %d %s", f.Status, f.Body)
	}
	return p.Body, f.Body
}

func TestRowSecurityTagsAnonymousEmbed(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(seamSampleRows))
	c := ts.adminClient()
	db := sampleDB(t, ts)
	secureSample(t, c, func(in *quicksight.UpdateDataSetInput) {
		in.RowLevelPermissionTagConfiguration = &types.RowLevelPermissionTagConfiguration{TagRules: []types.RowLevelPermissionTagRule{
			{TagKey: aws.String("region"), ColumnName: aws.String("region"), TagMultiValueDelimiter: aws.String(","), MatchAllValue: aws.String("*")},
		}}
	})
	anon := func(tags ...string) string {
		in := anonInput(app.SampleDashboardID)
		for i := 0; i < len(tags); i += 2 {
			in.SessionTags = append(in.SessionTags, types.SessionTag{Key: aws.String(tags[i]), Value: aws.String(tags[i+1])})
		}
		return generateAnonymous(t, c, in)
	}
	for _, tc := range []struct {
		name  string
		url   string
		where string
	}{
		{"one value", anon("region", "Europe"), "region = 'Europe'"},
		{"delimited values", anon("region", "Europe,Asia Pacific"), "region IN ('Europe', 'Asia Pacific')"},
		{"match all", anon("region", "*"), "1 = 1"},
		{"another tag only", anon("segment", "Europe"), "1 = 0"},
		{"no tags", anon(), "1 = 0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			page, fragment := ts.drawExperience(t, tc.url)
			wantDrawn(t, db, "page", page, tc.where)
			wantDrawn(t, db, "sheet", fragment, tc.where)
		})
	}
	t.Run("GetDashboardEmbedUrl ANONYMOUS", func(t *testing.T) {
		// It carries no session tags: the tag-secured dataset shows no row.
		out, err := c.GetDashboardEmbedUrl(t.Context(), &quicksight.GetDashboardEmbedUrlInput{AwsAccountId: aws.String(accountID),
			DashboardId: aws.String(app.SampleDashboardID), IdentityType: types.EmbeddingIdentityTypeAnonymous, Namespace: aws.String("default")})
		must(t, err)
		page, fragment := ts.drawExperience(t, aws.ToString(out.EmbedUrl))
		wantDrawn(t, db, "page", page, "1 = 0")
		wantDrawn(t, db, "sheet", fragment, "1 = 0")
	})
}

func TestRowSecurityGroupRulesEmbed(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(seamSampleRows))
	c := ts.adminClient()
	db := sampleDB(t, ts)
	for _, u := range []string{"gina", "nick"} {
		registerQuickSightUser(t, c, u, types.UserRoleReader)
	}
	_, err := c.UpdateDashboardPermissions(t.Context(), &quicksight.UpdateDashboardPermissionsInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String(app.SampleDashboardID),
		GrantPermissions: append(ownerPermissions("gina", dashboardReaderActions...), ownerPermissions("nick", dashboardReaderActions...)...)})
	must(t, err)
	createGroup(t, c, "default", "emea")
	createGroup(t, c, "default", "apac")
	addMember(t, c, "default", "emea", "gina")

	rules, err := sql.Open("sqlite", filepath.Join(ts.Config.DataSourceDir, "group-rules.sqlite"))
	must(t, err)
	defer rules.Close()
	for _, s := range []string{
		`CREATE TABLE rules ("UserName" TEXT, "GroupName" TEXT, region TEXT)`,
		`INSERT INTO rules VALUES (NULL, 'emea', 'Europe, Middle East'), (NULL, 'apac', 'Asia Pacific'), ('admin', NULL, NULL)`,
	} {
		_, err := rules.ExecContext(t.Context(), s)
		must(t, err)
	}
	_, err = ts.App.CreateSQLiteDataSource(t.Context(), accountID, "group-rules-db", "Group rules", "group-rules.sqlite")
	must(t, err)
	createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("group-rules"), ImportMode: types.DataSetImportModeDirectQuery,
		PhysicalTableMap: map[string]types.PhysicalTable{"t": &types.PhysicalTableMemberRelationalTable{Value: types.RelationalTable{
			DataSourceArn: aws.String(dataSourceARN("group-rules-db")), Name: aws.String("rules"),
			InputColumns: []types.InputColumn{col("UserName", types.InputColumnDataTypeString), col("GroupName", types.InputColumnDataTypeString), col("region", types.InputColumnDataTypeString)}}}}})
	secureSample(t, c, func(in *quicksight.UpdateDataSetInput) {
		in.RowLevelPermissionDataSet = &types.RowLevelPermissionDataSet{Arn: aws.String(dataSetARN("group-rules")), PermissionPolicy: types.RowLevelPermissionPolicyGrantAccess}
	})
	const emea, none = "region IN ('Europe', 'Middle East')", "1 = 0"
	open := func(user string) (sheet func() string, page string) {
		raw := generate(t, c, regInput(user, dashboardExperience(app.SampleDashboardID)))
		u := ts.parseExperienceURL(t, raw, "/dashboards/"+app.SampleDashboardID)
		token, p := ts.openExperience(t, u, "")
		return func() string {
			t.Helper()
			f := ts.withToken(t, u.Base+"/embedding/"+u.Sid+"/dashboards/"+app.SampleDashboardID+"/sheets/overview", token)
			if f.Status != http.StatusOK {
				t.Fatalf("sheet fragment: %d %s", f.Status, f.Body)
			}
			return f.Body
		}, p.Body
	}
	ginaSheet, page := open("gina")
	wantDrawn(t, db, "member page", page, emea)
	wantDrawn(t, db, "member sheet", ginaSheet(), emea)
	nickSheet, page := open("nick")
	wantDrawn(t, db, "non-member page", page, none)
	wantDrawn(t, db, "non-member sheet", nickSheet(), none)

	// Membership changes take effect at once, in open sessions too.
	addMember(t, c, "default", "apac", "nick")
	wantDrawn(t, db, "new member's open session", nickSheet(), "region = 'Asia Pacific'")
	_, err = c.DeleteGroupMembership(t.Context(), &quicksight.DeleteGroupMembershipInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"),
		GroupName: aws.String("emea"), MemberName: aws.String("gina")})
	must(t, err)
	wantDrawn(t, db, "removed member's open session", ginaSheet(), none)
	_, page = open("gina")
	wantDrawn(t, db, "removed member's new session", page, none)
	// A deleted group's rules no longer apply to its former members.
	_, err = c.DeleteGroup(t.Context(), &quicksight.DeleteGroupInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), GroupName: aws.String("apac")})
	must(t, err)
	wantDrawn(t, db, "deleted group's member", nickSheet(), none)
}

// TestAnonymousNamespaceIsNotAUser: an anonymous session of a namespace
// answers as QuickSightEmbeddingAnonymousUser of that namespace, but no
// registered user of that name (in that namespace or another), nor its
// groups, lends it rows through the rules dataset or columns through
// column-level rules; tag rules alone decide its rows, whatever its
// namespace.
func TestAnonymousNamespaceIsNotAUser(t *testing.T) {
	t.Parallel()
	clk := newClock()
	ts := startServer(t, withClock(clk), withSampleRows(seamSampleRows))
	c := ts.adminClient()
	db := sampleDB(t, ts)
	ctx := t.Context()
	_, err := c.CreateNamespace(ctx, &quicksight.CreateNamespaceInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("tenant1"), IdentityStore: types.IdentityStoreQuicksight})
	must(t, err)
	clk.Advance(2 * time.Second)
	const anonName = "QuickSightEmbeddingAnonymousUser"
	for _, ns := range []string{"tenant1", "default"} {
		_, err := c.RegisterUser(ctx, &quicksight.RegisterUserInput{AwsAccountId: aws.String(accountID), Namespace: aws.String(ns),
			IdentityType: types.IdentityTypeQuicksight, UserName: aws.String(anonName), Email: aws.String("a@example.com"), UserRole: types.UserRoleReader})
		must(t, err)
		createGroup(t, c, ns, "lenders")
		addMember(t, c, ns, "lenders", anonName)
	}

	rules, err := sql.Open("sqlite", filepath.Join(ts.Config.DataSourceDir, "ns-rules.sqlite"))
	must(t, err)
	defer rules.Close()
	for _, s := range []string{
		`CREATE TABLE rules ("UserName" TEXT, "GroupName" TEXT, region TEXT)`,
		`INSERT INTO rules VALUES ('` + anonName + `', NULL, 'Europe'), (NULL, 'lenders', 'Asia Pacific')`,
	} {
		_, err := rules.ExecContext(ctx, s)
		must(t, err)
	}
	_, err = ts.App.CreateSQLiteDataSource(ctx, accountID, "ns-rules-db", "Rules", "ns-rules.sqlite")
	must(t, err)
	createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("ns-rules"), ImportMode: types.DataSetImportModeDirectQuery,
		PhysicalTableMap: map[string]types.PhysicalTable{"t": &types.PhysicalTableMemberRelationalTable{Value: types.RelationalTable{
			DataSourceArn: aws.String(dataSourceARN("ns-rules-db")), Name: aws.String("rules"),
			InputColumns: []types.InputColumn{col("UserName", types.InputColumnDataTypeString), col("GroupName", types.InputColumnDataTypeString), col("region", types.InputColumnDataTypeString)}}}}})
	anon := func(ns string, tags ...string) string {
		in := anonInput(app.SampleDashboardID)
		in.Namespace = aws.String(ns)
		for i := 0; i < len(tags); i += 2 {
			in.SessionTags = append(in.SessionTags, types.SessionTag{Key: aws.String(tags[i]), Value: aws.String(tags[i+1])})
		}
		out, err := c.GenerateEmbedUrlForAnonymousUser(ctx, in)
		must(t, err)
		if got, want := aws.ToString(out.AnonymousUserArn), "arn:aws:quicksight:"+region+":"+accountID+":user/"+ns+"/"+anonName; got != want {
			t.Errorf("AnonymousUserArn = %q, want %q", got, want)
		}
		return aws.ToString(out.EmbedUrl)
	}
	cls := []types.ColumnLevelPermissionRule{{ColumnNames: []string{"revenue"}, Principals: []string{
		userARN(accountID, anonName), "arn:aws:quicksight:" + region + ":" + accountID + ":user/tenant1/" + anonName,
		groupARN("default", "lenders"), groupARN("tenant1", "lenders")}}}

	for _, ns := range []string{"tenant1", "default"} {
		t.Run(ns, func(t *testing.T) {
			// User and group rules (of either namespace) lend it no row;
			// revenue is for named principals, not for it.
			for _, rulesNS := range []string{"", ns} {
				secureSample(t, c, func(in *quicksight.UpdateDataSetInput) {
					in.RowLevelPermissionDataSet = &types.RowLevelPermissionDataSet{Arn: aws.String(dataSetARN("ns-rules")), PermissionPolicy: types.RowLevelPermissionPolicyGrantAccess}
					if rulesNS != "" {
						in.RowLevelPermissionDataSet.Namespace = aws.String(rulesNS)
					}
					in.ColumnLevelPermissionRules = cls
				})
				page, fragment := ts.drawExperience(t, anon(ns))
				wantEqual(t, "orders KPI under user rules (namespace "+rulesNS+")", kpiValue(t, page, "kpi-orders"), 0.0)
				wantEqual(t, "sheet orders KPI under user rules (namespace "+rulesNS+")", kpiValue(t, fragment, "kpi-orders"), 0.0)
				if tl := tile(t, page, "kpi-revenue"); !strings.Contains(tl, "restricted by column-level security") {
					t.Errorf("revenue tile of an anonymous session:\n%s", tl)
				}
			}
			// Tag rules decide, with the session's tags alone.
			secureSample(t, c, func(in *quicksight.UpdateDataSetInput) {
				in.RowLevelPermissionDataSet = &types.RowLevelPermissionDataSet{Arn: aws.String(dataSetARN("ns-rules")), PermissionPolicy: types.RowLevelPermissionPolicyGrantAccess}
				in.RowLevelPermissionTagConfiguration = &types.RowLevelPermissionTagConfiguration{TagRules: []types.RowLevelPermissionTagRule{
					{TagKey: aws.String("region"), ColumnName: aws.String("region")}}}
			})
			page, fragment := ts.drawExperience(t, anon(ns, "region", "Latin America"))
			wantDrawn(t, db, "page", page, "region = 'Latin America'")
			wantDrawn(t, db, "sheet", fragment, "region = 'Latin America'")
		})
	}
}
