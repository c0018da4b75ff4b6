package e2e

// Themes: Create/Describe/Update/Delete/ListThemes, ListThemeVersions,
// Describe/UpdateThemePermissions, tags, QuickSight's starting themes,
// and a ThemeArn that content names.

import (
	"os"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

func themeARN(id string) string {
	return "arn:aws:quicksight:" + region + ":" + accountID + ":theme/" + id
}

var themeOwnerActions = []string{
	"quicksight:ListThemeVersions", "quicksight:UpdateThemeAlias", "quicksight:DescribeThemeAlias",
	"quicksight:UpdateThemePermissions", "quicksight:DeleteThemeAlias", "quicksight:DeleteTheme",
	"quicksight:ListThemeAliases", "quicksight:DescribeTheme", "quicksight:CreateThemeAlias",
	"quicksight:UpdateTheme", "quicksight:DescribeThemePermissions",
}

var themeViewerActions = []string{"quicksight:ListThemeVersions", "quicksight:DescribeThemeAlias", "quicksight:ListThemeAliases", "quicksight:DescribeTheme"}

func brandConfiguration(colors ...string) *types.ThemeConfiguration {
	return &types.ThemeConfiguration{
		DataColorPalette: &types.DataColorPalette{Colors: colors, EmptyFillColor: aws.String("#FFFFFF")},
		UIColorPalette:   &types.UIColorPalette{PrimaryBackground: aws.String("#101820"), PrimaryForeground: aws.String("#F2AA4C")},
		Typography:       &types.Typography{FontFamilies: []types.Font{{FontFamily: aws.String("Georgia")}}},
	}
}

func describeTheme(t testing.TB, c *quicksight.Client, in *quicksight.DescribeThemeInput) *types.Theme {
	t.Helper()
	out, err := c.DescribeTheme(t.Context(), in)
	must(t, err)
	if out.Status != 200 {
		t.Errorf("DescribeTheme Status = %d", out.Status)
	}
	return out.Theme
}

func TestThemeLifecycle(t *testing.T) {
	t.Parallel()
	themeLifecycle(t, startServer(t))
}

// TestThemesPostgres runs the theme flow on PostgreSQL when
// SIGHTGLASS_TEST_POSTGRES names a server.
func TestThemesPostgres(t *testing.T) {
	dsn := os.Getenv("SIGHTGLASS_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("SIGHTGLASS_TEST_POSTGRES is not set")
	}
	t.Parallel()
	themeLifecycle(t, startServer(t, withPostgres(freshDatabase(t, dsn))))
}

func themeLifecycle(t *testing.T, ts *testServer) {
	c := ts.adminClient()
	ctx := t.Context()
	acct := aws.String(accountID)
	registerQuickSightUser(t, c, "tess", types.UserRoleAuthor)

	// The starting themes are listed as QUICKSIGHT themes.
	builtin, err := c.ListThemes(ctx, &quicksight.ListThemesInput{AwsAccountId: acct, Type: types.ThemeTypeQuicksight})
	must(t, err)
	var ids []string
	for _, s := range builtin.ThemeSummaryList {
		ids = append(ids, aws.ToString(s.ThemeId)+" "+aws.ToString(s.Arn))
	}
	wantEqual(t, "ListThemes QUICKSIGHT", ids, []string{
		"CLASSIC arn:aws:quicksight::aws:theme/CLASSIC", "MIDNIGHT arn:aws:quicksight::aws:theme/MIDNIGHT",
		"RAINIER arn:aws:quicksight::aws:theme/RAINIER", "SEASIDE arn:aws:quicksight::aws:theme/SEASIDE"})
	mid := describeTheme(t, c, &quicksight.DescribeThemeInput{AwsAccountId: aws.String("aws"), ThemeId: aws.String("MIDNIGHT")})
	wantEqual(t, "DescribeTheme MIDNIGHT", []any{aws.ToString(mid.Arn), mid.Type, aws.ToString(mid.Version.BaseThemeId), len(mid.Version.Configuration.DataColorPalette.Colors) > 0},
		[]any{"arn:aws:quicksight::aws:theme/MIDNIGHT", types.ThemeTypeQuicksight, "MIDNIGHT", true})

	conf1 := brandConfiguration("#1B4F72", "#F39C12", "#27AE60")
	created, err := c.CreateTheme(ctx, &quicksight.CreateThemeInput{
		AwsAccountId: acct, ThemeId: aws.String("brand"), Name: aws.String("Brand"), BaseThemeId: aws.String("MIDNIGHT"),
		VersionDescription: aws.String("launch colors"), Configuration: conf1,
		Permissions: ownerPermissions("tess", themeOwnerActions...),
		Tags:        []types.Tag{{Key: aws.String("team"), Value: aws.String("design")}},
	})
	must(t, err)
	wantEqual(t, "CreateTheme", []any{created.Status, aws.ToString(created.Arn), aws.ToString(created.VersionArn), aws.ToString(created.ThemeId), created.CreationStatus},
		[]any{int32(200), themeARN("brand"), themeARN("brand") + "/version/1", "brand", types.ResourceStatusCreationInProgress})

	th := describeTheme(t, c, &quicksight.DescribeThemeInput{AwsAccountId: acct, ThemeId: aws.String("brand")})
	wantEqual(t, "DescribeTheme", []any{aws.ToString(th.Arn), aws.ToString(th.Name), th.Type, aws.ToInt64(th.Version.VersionNumber),
		aws.ToString(th.Version.Arn), aws.ToString(th.Version.Description), aws.ToString(th.Version.BaseThemeId), th.Version.Status, th.Version.Configuration},
		[]any{themeARN("brand"), "Brand", types.ThemeTypeCustom, int64(1), themeARN("brand") + "/version/1", "launch colors", "MIDNIGHT",
			types.ResourceStatusCreationSuccessful, conf1})

	// Each update is a new version; older versions stay readable.
	conf2 := brandConfiguration("#641E16", "#1A5276")
	updated, err := c.UpdateTheme(ctx, &quicksight.UpdateThemeInput{AwsAccountId: acct, ThemeId: aws.String("brand"),
		Name: aws.String("Brand 2"), BaseThemeId: aws.String("CLASSIC"), Configuration: conf2, VersionDescription: aws.String("autumn")})
	must(t, err)
	wantEqual(t, "UpdateTheme", []any{updated.Status, aws.ToString(updated.VersionArn), updated.CreationStatus},
		[]any{int32(200), themeARN("brand") + "/version/2", types.ResourceStatusUpdateInProgress})
	latest := describeTheme(t, c, &quicksight.DescribeThemeInput{AwsAccountId: acct, ThemeId: aws.String("brand")})
	wantEqual(t, "latest", []any{aws.ToString(latest.Name), aws.ToInt64(latest.Version.VersionNumber), aws.ToString(latest.Version.BaseThemeId), latest.Version.Configuration},
		[]any{"Brand 2", int64(2), "CLASSIC", conf2})
	v1 := describeTheme(t, c, &quicksight.DescribeThemeInput{AwsAccountId: acct, ThemeId: aws.String("brand"), VersionNumber: aws.Int64(1)})
	wantEqual(t, "version 1", []any{aws.ToInt64(v1.Version.VersionNumber), v1.Version.Configuration}, []any{int64(1), conf1})
	al := describeTheme(t, c, &quicksight.DescribeThemeInput{AwsAccountId: acct, ThemeId: aws.String("brand"), AliasName: aws.String("$LATEST")})
	wantEqual(t, "$LATEST", aws.ToInt64(al.Version.VersionNumber), int64(2))

	// An update without a Configuration keeps the previous one.
	_, err = c.UpdateTheme(ctx, &quicksight.UpdateThemeInput{AwsAccountId: acct, ThemeId: aws.String("brand"), BaseThemeId: aws.String("CLASSIC")})
	must(t, err)
	v3 := describeTheme(t, c, &quicksight.DescribeThemeInput{AwsAccountId: acct, ThemeId: aws.String("brand")})
	wantEqual(t, "version 3", []any{aws.ToString(v3.Name), aws.ToInt64(v3.Version.VersionNumber), v3.Version.Configuration}, []any{"Brand 2", int64(3), conf2})

	vs, err := c.ListThemeVersions(ctx, &quicksight.ListThemeVersionsInput{AwsAccountId: acct, ThemeId: aws.String("brand"), MaxResults: aws.Int32(2)})
	must(t, err)
	vs2, err := c.ListThemeVersions(ctx, &quicksight.ListThemeVersionsInput{AwsAccountId: acct, ThemeId: aws.String("brand"), NextToken: vs.NextToken})
	must(t, err)
	var nums []string
	for _, v := range append(vs.ThemeVersionSummaryList, vs2.ThemeVersionSummaryList...) {
		nums = append(nums, aws.ToString(v.Arn)+" "+aws.ToString(v.Description))
	}
	wantEqual(t, "ListThemeVersions", []any{nums, vs.NextToken != nil, vs2.NextToken}, []any{[]string{
		themeARN("brand") + "/version/1 launch colors", themeARN("brand") + "/version/2 autumn", themeARN("brand") + "/version/3 "}, true, (*string)(nil)})

	// ALL lists the starting themes, then the custom ones, page by page.
	_, err = c.CreateTheme(ctx, &quicksight.CreateThemeInput{AwsAccountId: acct, ThemeId: aws.String("aqua"), Name: aws.String("Aqua"),
		BaseThemeId: aws.String("SEASIDE"), Configuration: brandConfiguration("#00FFFF")})
	must(t, err)
	var all []string
	var token *string
	for pages := 0; ; pages++ {
		out, err := c.ListThemes(ctx, &quicksight.ListThemesInput{AwsAccountId: acct, MaxResults: aws.Int32(4), NextToken: token})
		must(t, err)
		for _, s := range out.ThemeSummaryList {
			all = append(all, aws.ToString(s.ThemeId))
		}
		if token = out.NextToken; token == nil || pages > 5 {
			break
		}
	}
	wantEqual(t, "ListThemes ALL", all, []string{"CLASSIC", "MIDNIGHT", "RAINIER", "SEASIDE", "aqua", "brand"})
	custom, err := c.ListThemes(ctx, &quicksight.ListThemesInput{AwsAccountId: acct, Type: types.ThemeTypeCustom})
	must(t, err)
	wantEqual(t, "ListThemes CUSTOM", []any{len(custom.ThemeSummaryList), aws.ToString(custom.ThemeSummaryList[1].ThemeId), aws.ToInt64(custom.ThemeSummaryList[1].LatestVersionNumber)},
		[]any{2, "brand", int64(3)})

	// Permissions.
	perms, err := c.DescribeThemePermissions(ctx, &quicksight.DescribeThemePermissionsInput{AwsAccountId: acct, ThemeId: aws.String("brand")})
	must(t, err)
	wantEqual(t, "DescribeThemePermissions", []any{aws.ToString(perms.ThemeArn), perms.Permissions}, []any{themeARN("brand"), ownerPermissions("tess", themeOwnerActions...)})
	up, err := c.UpdateThemePermissions(ctx, &quicksight.UpdateThemePermissionsInput{AwsAccountId: acct, ThemeId: aws.String("brand"),
		GrantPermissions:  []types.ResourcePermission{{Principal: aws.String(userARN(accountID, "viv")), Actions: themeViewerActions}},
		RevokePermissions: []types.ResourcePermission{{Principal: aws.String(userARN(accountID, "tess")), Actions: themeOwnerActions}}})
	must(t, err)
	wantEqual(t, "UpdateThemePermissions", up.Permissions, []types.ResourcePermission{{Principal: aws.String(userARN(accountID, "viv")), Actions: themeViewerActions}})
	if v := describeTheme(t, c, &quicksight.DescribeThemeInput{AwsAccountId: acct, ThemeId: aws.String("brand")}); aws.ToInt64(v.Version.VersionNumber) != 3 {
		t.Errorf("a permissions change made version %d", aws.ToInt64(v.Version.VersionNumber))
	}

	// Tags.
	_, err = c.TagResource(ctx, &quicksight.TagResourceInput{ResourceArn: aws.String(themeARN("brand")), Tags: []types.Tag{{Key: aws.String("tier"), Value: aws.String("gold")}}})
	must(t, err)
	tags, err := c.ListTagsForResource(ctx, &quicksight.ListTagsForResourceInput{ResourceArn: aws.String(themeARN("brand"))})
	must(t, err)
	wantEqual(t, "theme tags", tags.Tags, []types.Tag{{Key: aws.String("team"), Value: aws.String("design")}, {Key: aws.String("tier"), Value: aws.String("gold")}})

	// Modeled errors.
	create := func(id, base string, conf *types.ThemeConfiguration) error {
		_, err := c.CreateTheme(ctx, &quicksight.CreateThemeInput{AwsAccountId: acct, ThemeId: aws.String(id), Name: aws.String("X"), BaseThemeId: aws.String(base), Configuration: conf})
		return err
	}
	wantErrorMessage(t, create("brand", "CLASSIC", conf1), "ResourceExistsException", 409, "Theme "+themeARN("brand")+" already exists.")
	wantError(t, create("CLASSIC", "CLASSIC", conf1), "ResourceExistsException", 409)
	wantErrorMessage(t, create("other", "brand", conf1), "InvalidParameterValueException", 400, "BaseThemeId brand is not a starting theme; use one of CLASSIC, MIDNIGHT, RAINIER, SEASIDE.")
	wantErrorMessage(t, create("other", "CLASSIC", brandConfiguration("red")), "ValidationException", 400,
		"1 validation error detected: Value 'red' at 'configuration.dataColorPalette.colors.1.member' failed to satisfy constraint: Member must satisfy regular expression pattern: ^#[A-F0-9]{6}$")
	_, err = c.DescribeTheme(ctx, &quicksight.DescribeThemeInput{AwsAccountId: acct, ThemeId: aws.String("nope")})
	wantErrorMessage(t, err, "ResourceNotFoundException", 404, "Theme "+themeARN("nope")+" is not found.")
	_, err = c.DescribeTheme(ctx, &quicksight.DescribeThemeInput{AwsAccountId: acct, ThemeId: aws.String("brand"), VersionNumber: aws.Int64(9)})
	wantError(t, err, "ResourceNotFoundException", 404)
	_, err = c.DescribeTheme(ctx, &quicksight.DescribeThemeInput{AwsAccountId: acct, ThemeId: aws.String("brand"), AliasName: aws.String("prod")})
	wantErrorMessage(t, err, "ResourceNotFoundException", 404, "Alias prod of theme "+themeARN("brand")+" is not found.")
	_, err = c.UpdateTheme(ctx, &quicksight.UpdateThemeInput{AwsAccountId: acct, ThemeId: aws.String("nope"), BaseThemeId: aws.String("CLASSIC")})
	wantError(t, err, "ResourceNotFoundException", 404)
	_, err = c.DescribeThemePermissions(ctx, &quicksight.DescribeThemePermissionsInput{AwsAccountId: acct, ThemeId: aws.String("RAINIER")})
	wantErrorMessage(t, err, "ResourceNotFoundException", 404, "Theme "+themeARN("RAINIER")+" is not found.")
	_, err = c.ListThemeVersions(ctx, &quicksight.ListThemeVersionsInput{AwsAccountId: acct, ThemeId: aws.String("nope")})
	wantError(t, err, "ResourceNotFoundException", 404)
	_, err = c.ListThemes(ctx, &quicksight.ListThemesInput{AwsAccountId: acct, NextToken: aws.String("bogus")})
	wantError(t, err, "InvalidNextTokenException", 400)
	_, err = c.DeleteTheme(ctx, &quicksight.DeleteThemeInput{AwsAccountId: acct, ThemeId: aws.String("brand"), VersionNumber: aws.Int64(1)})
	wantError(t, err, "InvalidParameterValueException", 400)

	// Delete removes every version and the tags.
	del, err := c.DeleteTheme(ctx, &quicksight.DeleteThemeInput{AwsAccountId: acct, ThemeId: aws.String("brand")})
	must(t, err)
	wantEqual(t, "DeleteTheme", []any{del.Status, aws.ToString(del.Arn), aws.ToString(del.ThemeId)}, []any{int32(200), themeARN("brand"), "brand"})
	_, err = c.DescribeTheme(ctx, &quicksight.DescribeThemeInput{AwsAccountId: acct, ThemeId: aws.String("brand"), VersionNumber: aws.Int64(1)})
	wantError(t, err, "ResourceNotFoundException", 404)
	_, err = c.ListTagsForResource(ctx, &quicksight.ListTagsForResourceInput{ResourceArn: aws.String(themeARN("brand"))})
	wantError(t, err, "ResourceNotFoundException", 404)
	_, err = c.DeleteTheme(ctx, &quicksight.DeleteThemeInput{AwsAccountId: acct, ThemeId: aws.String("brand")})
	wantError(t, err, "ResourceNotFoundException", 404)
}

// TestThemeArnOfContent: content may name a starting theme or a custom
// theme the caller may use; a theme that does not exist is
// ResourceNotFoundException and one not shared with the caller's
// QuickSight user is AccessDeniedException.
func TestThemeArnOfContent(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	createSalesDataSet(t, ts)
	c := ts.adminClient()
	ctx := t.Context()
	acct := aws.String(accountID)
	registerQuickSightUser(t, c, "tess", types.UserRoleAuthor)
	_, err := c.CreateTheme(ctx, &quicksight.CreateThemeInput{AwsAccountId: acct, ThemeId: aws.String("brand"), Name: aws.String("Brand"),
		BaseThemeId: aws.String("CLASSIC"), Configuration: brandConfiguration("#1B4F72", "#F39C12"), Permissions: ownerPermissions("tess", themeOwnerActions...)})
	must(t, err)
	mallory := ts.client(ts.newIAMUser(t, accountID, "mallory", policy("Allow", "quicksight:*", "*")))
	registerIAMUser(t, c, "mallory", types.UserRoleAuthor)

	createWith := func(c *quicksight.Client, id, theme string) error {
		_, err := c.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{AwsAccountId: acct, AnalysisId: aws.String(id), Name: aws.String(id),
			Definition: salesAnalysisDefinition(t), Permissions: ownerPermissions("tess", analysisOwnerActions...), ThemeArn: aws.String(theme)})
		return err
	}
	must(t, createWith(c, "custom", themeARN("brand")))
	must(t, createWith(c, "builtin", "arn:aws:quicksight::aws:theme/SEASIDE"))
	wantErrorMessage(t, createWith(c, "missing", themeARN("gone")), "ResourceNotFoundException", 404, "Theme "+themeARN("gone")+" is not found.")
	wantError(t, createWith(c, "missing2", "arn:aws:quicksight::aws:theme/SOLARIZED"), "ResourceNotFoundException", 404)
	wantError(t, createWith(mallory, "unshared", themeARN("brand")), "AccessDeniedException", 401)
	_, err = c.UpdateAnalysis(ctx, &quicksight.UpdateAnalysisInput{AwsAccountId: acct, AnalysisId: aws.String("builtin"), Name: aws.String("b"),
		Definition: salesAnalysisDefinition(t), ThemeArn: aws.String(themeARN("gone"))})
	wantError(t, err, "ResourceNotFoundException", 404)
	// IAM decides who may call the Theme API at all.
	reader := ts.client(ts.newIAMUser(t, accountID, "rita", policy("Allow", "quicksight:DescribeTheme", "*")))
	_, err = reader.CreateTheme(ctx, &quicksight.CreateThemeInput{AwsAccountId: acct, ThemeId: aws.String("rogue"), Name: aws.String("Rogue"),
		BaseThemeId: aws.String("CLASSIC"), Configuration: brandConfiguration("#000000")})
	wantErrorMessage(t, err, "AccessDeniedException", 401, denied("user/rita", "CreateTheme", themeARN("rogue")))
	_, err = reader.DescribeTheme(ctx, &quicksight.DescribeThemeInput{AwsAccountId: acct, ThemeId: aws.String("brand")})
	must(t, err)
	_, err = reader.DeleteTheme(ctx, &quicksight.DeleteThemeInput{AwsAccountId: acct, ThemeId: aws.String("brand")})
	wantErrorMessage(t, err, "AccessDeniedException", 401, denied("user/rita", "DeleteTheme", themeARN("brand")))
	// Once shared with mallory's user, mallory may use it.
	_, err = c.UpdateThemePermissions(ctx, &quicksight.UpdateThemePermissionsInput{AwsAccountId: acct, ThemeId: aws.String("brand"),
		GrantPermissions: []types.ResourcePermission{{Principal: aws.String(userARN(accountID, "mallory")), Actions: themeViewerActions}}})
	must(t, err)
	must(t, createWith(mallory, "shared", themeARN("brand")))
}

// TestThemeAliases: aliases name versions; DescribeTheme reads a version
// through one; they go with their theme.
func TestThemeAliases(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()
	acct := aws.String(accountID)
	conf1, conf2 := brandConfiguration("#111111"), brandConfiguration("#222222")
	_, err := c.CreateTheme(ctx, &quicksight.CreateThemeInput{AwsAccountId: acct, ThemeId: aws.String("brand"), Name: aws.String("Brand"),
		BaseThemeId: aws.String("CLASSIC"), Configuration: conf1})
	must(t, err)
	_, err = c.UpdateTheme(ctx, &quicksight.UpdateThemeInput{AwsAccountId: acct, ThemeId: aws.String("brand"), BaseThemeId: aws.String("CLASSIC"), Configuration: conf2})
	must(t, err)
	alias := func(name string, n int64) types.ThemeAlias {
		return types.ThemeAlias{Arn: aws.String(themeARN("brand") + "/alias/" + name), AliasName: aws.String(name), ThemeVersionNumber: aws.Int64(n)}
	}

	created, err := c.CreateThemeAlias(ctx, &quicksight.CreateThemeAliasInput{AwsAccountId: acct, ThemeId: aws.String("brand"), AliasName: aws.String("prod"), ThemeVersionNumber: aws.Int64(1)})
	must(t, err)
	wantEqual(t, "CreateThemeAlias", []any{created.Status, *created.ThemeAlias}, []any{int32(200), alias("prod", 1)})
	th := describeTheme(t, c, &quicksight.DescribeThemeInput{AwsAccountId: acct, ThemeId: aws.String("brand"), AliasName: aws.String("prod")})
	wantEqual(t, "DescribeTheme through prod", []any{aws.ToInt64(th.Version.VersionNumber), th.Version.Configuration}, []any{int64(1), conf1})

	_, err = c.CreateThemeAlias(ctx, &quicksight.CreateThemeAliasInput{AwsAccountId: acct, ThemeId: aws.String("brand"), AliasName: aws.String("beta"), ThemeVersionNumber: aws.Int64(1)})
	must(t, err)
	up, err := c.UpdateThemeAlias(ctx, &quicksight.UpdateThemeAliasInput{AwsAccountId: acct, ThemeId: aws.String("brand"), AliasName: aws.String("beta"), ThemeVersionNumber: aws.Int64(2)})
	must(t, err)
	wantEqual(t, "UpdateThemeAlias", *up.ThemeAlias, alias("beta", 2))
	d, err := c.DescribeThemeAlias(ctx, &quicksight.DescribeThemeAliasInput{AwsAccountId: acct, ThemeId: aws.String("brand"), AliasName: aws.String("beta")})
	must(t, err)
	wantEqual(t, "DescribeThemeAlias", *d.ThemeAlias, alias("beta", 2))
	d, err = c.DescribeThemeAlias(ctx, &quicksight.DescribeThemeAliasInput{AwsAccountId: acct, ThemeId: aws.String("brand"), AliasName: aws.String("$LATEST")})
	must(t, err)
	wantEqual(t, "DescribeThemeAlias $LATEST", *d.ThemeAlias, alias("$LATEST", 2))

	p1, err := c.ListThemeAliases(ctx, &quicksight.ListThemeAliasesInput{AwsAccountId: acct, ThemeId: aws.String("brand"), MaxResults: aws.Int32(1)})
	must(t, err)
	p2, err := c.ListThemeAliases(ctx, &quicksight.ListThemeAliasesInput{AwsAccountId: acct, ThemeId: aws.String("brand"), NextToken: p1.NextToken})
	must(t, err)
	wantEqual(t, "ListThemeAliases", []any{p1.ThemeAliasList, p2.ThemeAliasList, p2.NextToken},
		[]any{[]types.ThemeAlias{alias("beta", 2)}, []types.ThemeAlias{alias("prod", 1)}, (*string)(nil)})

	// Modeled errors.
	_, err = c.CreateThemeAlias(ctx, &quicksight.CreateThemeAliasInput{AwsAccountId: acct, ThemeId: aws.String("brand"), AliasName: aws.String("prod"), ThemeVersionNumber: aws.Int64(2)})
	wantError(t, err, "ResourceExistsException", 409)
	_, err = c.CreateThemeAlias(ctx, &quicksight.CreateThemeAliasInput{AwsAccountId: acct, ThemeId: aws.String("brand"), AliasName: aws.String("next"), ThemeVersionNumber: aws.Int64(3)})
	wantErrorMessage(t, err, "ResourceNotFoundException", 404, "Version 3 of theme "+themeARN("brand")+" is not found.")
	_, err = c.CreateThemeAlias(ctx, &quicksight.CreateThemeAliasInput{AwsAccountId: acct, ThemeId: aws.String("nope"), AliasName: aws.String("prod"), ThemeVersionNumber: aws.Int64(1)})
	wantError(t, err, "ResourceNotFoundException", 404)
	_, err = c.CreateThemeAlias(ctx, &quicksight.CreateThemeAliasInput{AwsAccountId: acct, ThemeId: aws.String("brand"), AliasName: aws.String("$LATEST"), ThemeVersionNumber: aws.Int64(1)})
	wantError(t, err, "InvalidParameterValueException", 400)
	_, err = c.UpdateThemeAlias(ctx, &quicksight.UpdateThemeAliasInput{AwsAccountId: acct, ThemeId: aws.String("brand"), AliasName: aws.String("nope"), ThemeVersionNumber: aws.Int64(1)})
	wantErrorMessage(t, err, "ResourceNotFoundException", 404, "Alias nope of theme "+themeARN("brand")+" is not found.")
	_, err = c.DescribeTheme(ctx, &quicksight.DescribeThemeInput{AwsAccountId: acct, ThemeId: aws.String("brand"), AliasName: aws.String("nope")})
	wantError(t, err, "ResourceNotFoundException", 404)

	del, err := c.DeleteThemeAlias(ctx, &quicksight.DeleteThemeAliasInput{AwsAccountId: acct, ThemeId: aws.String("brand"), AliasName: aws.String("beta")})
	must(t, err)
	wantEqual(t, "DeleteThemeAlias", []any{del.Status, aws.ToString(del.AliasName), aws.ToString(del.Arn), aws.ToString(del.ThemeId)},
		[]any{int32(200), "beta", themeARN("brand") + "/alias/beta", "brand"})
	_, err = c.DeleteThemeAlias(ctx, &quicksight.DeleteThemeAliasInput{AwsAccountId: acct, ThemeId: aws.String("brand"), AliasName: aws.String("beta")})
	wantError(t, err, "ResourceNotFoundException", 404)

	// A theme made again under the same id has none of the old aliases.
	_, err = c.DeleteTheme(ctx, &quicksight.DeleteThemeInput{AwsAccountId: acct, ThemeId: aws.String("brand")})
	must(t, err)
	_, err = c.CreateTheme(ctx, &quicksight.CreateThemeInput{AwsAccountId: acct, ThemeId: aws.String("brand"), Name: aws.String("Brand"),
		BaseThemeId: aws.String("CLASSIC"), Configuration: conf1})
	must(t, err)
	left, err := c.ListThemeAliases(ctx, &quicksight.ListThemeAliasesInput{AwsAccountId: acct, ThemeId: aws.String("brand")})
	must(t, err)
	wantEqual(t, "aliases of the new theme", left.ThemeAliasList, []types.ThemeAlias{})
}
