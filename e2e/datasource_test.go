package e2e

// Data sources through the Go SDK: creation with a real connection test
// (PostgreSQL, MariaDB, a SQLITE file), the failures QuickSight reports in
// ErrorInfo, validation, updates, copied credentials, permissions,
// pagination, authorization, and credentials that never leave the server.

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	sg "github.com/sightglass/sightglass"
)

func TestDataSourceCreate(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()

	t.Run("PostgreSQL", func(t *testing.T) {
		out := createPG(t, c, "pg-ok", pgParams(pgHost, pgPort, "postgres"), pair(pgUser, pgPassword))
		if out.Status != http.StatusAccepted || out.CreationStatus != types.ResourceStatusCreationSuccessful ||
			aws.ToString(out.Arn) != dataSourceARN("pg-ok") || aws.ToString(out.DataSourceId) != "pg-ok" || aws.ToString(out.RequestId) == "" {
			t.Fatalf("CreateDataSource = %s", jsonString(out))
		}
		d := describeDataSource(t, c, "pg-ok")
		wantStatus(t, d, types.ResourceStatusCreationSuccessful, "")
		want := &types.DataSourceParametersMemberPostgreSqlParameters{Value: types.PostgreSqlParameters{Host: aws.String(pgHost), Port: aws.Int32(pgPort), Database: aws.String("postgres")}}
		wantEqual(t, "DataSourceParameters", d.DataSourceParameters, types.DataSourceParameters(want))
		if d.Type != types.DataSourceTypePostgresql || aws.ToString(d.Name) != "PG pg-ok" || aws.ToString(d.Arn) != dataSourceARN("pg-ok") ||
			d.CreatedTime == nil || d.LastUpdatedTime == nil {
			t.Fatalf("DescribeDataSource = %s", jsonString(d))
		}
	})

	cases := []struct {
		id      string
		params  types.DataSourceParameters
		creds   *types.DataSourceCredentials
		errType types.DataSourceErrorInfoType
	}{
		{"pg-wrong-password", pgParams(pgHost, pgPort, "postgres"), pair(pgPasswordUser, wrongSecret), types.DataSourceErrorInfoTypeAccessDenied},
		{"pg-unknown-host", pgParams("no-such-host.invalid", pgPort, "postgres"), pair(pgUser, pgPassword), types.DataSourceErrorInfoTypeUnknownHost},
		{"pg-missing-db", pgParams(pgHost, pgPort, "no_such_database"), pair(pgUser, pgPassword), types.DataSourceErrorInfoTypeGenericSqlFailure},
	}
	for _, tc := range cases {
		t.Run(tc.id, func(t *testing.T) {
			if tc.errType == types.DataSourceErrorInfoTypeAccessDenied && pgTrustsPasswords(t) {
				t.Skip("the local PostgreSQL trusts every password of role " + pgPasswordUser + ": run scripts/test-deps.sh")
			}
			out := createPG(t, c, tc.id, tc.params, tc.creds)
			if out.Status != http.StatusAccepted || out.CreationStatus != types.ResourceStatusCreationFailed {
				t.Fatalf("CreateDataSource = %s", jsonString(out))
			}
			d := describeDataSource(t, c, tc.id)
			wantStatus(t, d, types.ResourceStatusCreationFailed, tc.errType)
			if strings.Contains(aws.ToString(d.ErrorInfo.Message), wrongSecret) {
				t.Fatal("ErrorInfo quotes the password")
			}
		})
	}

	t.Run("MariaDB wrong password", func(t *testing.T) {
		out, err := c.CreateDataSource(t.Context(), &quicksight.CreateDataSourceInput{
			AwsAccountId: aws.String(accountID), DataSourceId: aws.String("maria"), Name: aws.String("Maria"),
			Type:                 types.DataSourceTypeMariadb,
			DataSourceParameters: &types.DataSourceParametersMemberMariaDbParameters{Value: types.MariaDbParameters{Host: aws.String(pgHost), Port: aws.Int32(mariaDBPort), Database: aws.String("test")}},
			Credentials:          pair("root", wrongSecret),
		})
		must(t, err)
		if out.CreationStatus != types.ResourceStatusCreationFailed {
			t.Fatalf("CreationStatus %s", out.CreationStatus)
		}
		wantStatus(t, describeDataSource(t, c, "maria"), types.ResourceStatusCreationFailed, types.DataSourceErrorInfoTypeAccessDenied)
	})

	t.Run("type Sightglass cannot connect to", func(t *testing.T) {
		out, err := c.CreateDataSource(t.Context(), &quicksight.CreateDataSourceInput{
			AwsAccountId: aws.String(accountID), DataSourceId: aws.String("athena"), Name: aws.String("Athena"),
			Type:                 types.DataSourceTypeAthena,
			DataSourceParameters: &types.DataSourceParametersMemberAthenaParameters{Value: types.AthenaParameters{WorkGroup: aws.String("primary")}},
		})
		must(t, err)
		if out.CreationStatus != types.ResourceStatusCreationFailed {
			t.Fatalf("CreationStatus %s", out.CreationStatus)
		}
		d := describeDataSource(t, c, "athena")
		wantStatus(t, d, types.ResourceStatusCreationFailed, types.DataSourceErrorInfoTypeUnknown)
		if !strings.Contains(aws.ToString(d.ErrorInfo.Message), "ATHENA") {
			t.Fatalf("ErrorInfo %s does not name the type", jsonString(d.ErrorInfo))
		}
	})

	t.Run("SQLITE by the operator", func(t *testing.T) {
		sqliteSource(t, ts.Config.DataSourceDir, "shop.sqlite")
		d, err := ts.App.CreateSQLiteDataSource(t.Context(), accountID, "shop", "Shop", "shop.sqlite")
		must(t, err)
		if d.Status != sg.StatusCreationSuccessful {
			t.Fatalf("status %s: %s %s", d.Status, d.ErrorType, d.ErrorMessage)
		}
		got := describeDataSource(t, c, "shop")
		wantStatus(t, got, types.ResourceStatusCreationSuccessful, "")
		if got.Type != "SQLITE" {
			t.Fatalf("Type %q", got.Type)
		}
		u, ok := got.DataSourceParameters.(*types.UnknownUnionMember)
		if !ok || u.Tag != "SqliteParameters" {
			t.Fatalf("DataSourceParameters %#v, want the unknown member SqliteParameters", got.DataSourceParameters)
		}
		// Files outside the directory, and missing files, are refused.
		for _, name := range []string{"../sightglass.db", "/etc/passwd", "missing.sqlite"} {
			if _, err := ts.App.CreateSQLiteDataSource(t.Context(), accountID, "escape", "x", name); sg.ErrorCode(err) != sg.EINVALID {
				t.Fatalf("CreateSQLiteDataSource(%q) = %v, want EINVALID", name, err)
			}
		}
		// API clients cannot create SQLITE sources.
		_, err = c.CreateDataSource(t.Context(), &quicksight.CreateDataSourceInput{
			AwsAccountId: aws.String(accountID), DataSourceId: aws.String("api-sqlite"), Name: aws.String("x"), Type: "SQLITE",
		})
		wantErrorMessage(t, err, "InvalidParameterValueException", 400, "Data sources of type SQLITE are created by the server's operator (sightglass admin create-sqlite-data-source); API clients can describe and use them.")
	})
}

// createCall returns a CreateDataSource call with the given changes to a
// valid PostgreSQL input.
func createCall(change func(in *quicksight.CreateDataSourceInput)) func(ctx context.Context, c *quicksight.Client) error {
	return func(ctx context.Context, c *quicksight.Client) error {
		in := &quicksight.CreateDataSourceInput{
			AwsAccountId:         aws.String(accountID),
			DataSourceId:         aws.String("v"),
			Name:                 aws.String("valid"),
			Type:                 types.DataSourceTypePostgresql,
			DataSourceParameters: pgParams(pgHost, pgPort, "postgres"),
			Credentials:          pair(pgUser, pgPassword),
		}
		change(in)
		_, err := c.CreateDataSource(ctx, in)
		return err
	}
}

func TestDataSourceValidation(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	createPG(t, c, "taken", pgParams(pgHost, pgPort, "postgres"), pair(pgUser, pgPassword))
	const ipv = "InvalidParameterValueException"
	runErrorCases(t, c, []apiCase{
		{"empty id", createCall(func(in *quicksight.CreateDataSourceInput) { in.DataSourceId = aws.String("") }), ve, 400, "dataSourceId"},
		{"id with SQL", createCall(func(in *quicksight.CreateDataSourceInput) {
			in.DataSourceId = aws.String("x'; DROP TABLE data_sources;--")
		}), ve, 400, "regular expression"},
		{"id too long", createCall(func(in *quicksight.CreateDataSourceInput) { in.DataSourceId = aws.String(strings.Repeat("a", 129)) }), ve, 400, "less than or equal to 128"},
		{"empty name", createCall(func(in *quicksight.CreateDataSourceInput) { in.Name = aws.String("") }), ve, 400, "'name'"},
		{"name too long", createCall(func(in *quicksight.CreateDataSourceInput) { in.Name = aws.String(strings.Repeat("n", 129)) }), ve, 400, "'name'"},
		{"unknown type", createCall(func(in *quicksight.CreateDataSourceInput) { in.Type = "NOSQL" }), ve, 400, "enum value set"},
		{"no parameters", createCall(func(in *quicksight.CreateDataSourceInput) { in.DataSourceParameters = nil }), ipv, 400, "PostgreSqlParameters"},
		{"parameters of another type", createCall(func(in *quicksight.CreateDataSourceInput) {
			in.DataSourceParameters = &types.DataSourceParametersMemberMySqlParameters{Value: types.MySqlParameters{Host: aws.String("h"), Port: aws.Int32(1), Database: aws.String("d")}}
		}), ipv, 400, "does not match data source type POSTGRESQL"},
		{"port 0", createCall(func(in *quicksight.CreateDataSourceInput) { in.DataSourceParameters = pgParams(pgHost, 0, "postgres") }), ve, 400, "Value '0' at 'dataSourceParameters.postgreSqlParameters.port' failed to satisfy constraint: Member must have value greater than or equal to 1"},
		{"port 70000", createCall(func(in *quicksight.CreateDataSourceInput) {
			in.DataSourceParameters = pgParams(pgHost, 70000, "postgres")
		}), ve, 400, "Value '70000' at 'dataSourceParameters.postgreSqlParameters.port' failed to satisfy constraint: Member must have value less than or equal to 65535"},
		{"empty host", createCall(func(in *quicksight.CreateDataSourceInput) { in.DataSourceParameters = pgParams("", pgPort, "postgres") }), ve, 400, "host"},
		{"host with a path", createCall(func(in *quicksight.CreateDataSourceInput) {
			in.DataSourceParameters = pgParams("evil/x?sslmode=disable", pgPort, "postgres")
		}), ipv, 400, "not a host name"},
		{"database too long", createCall(func(in *quicksight.CreateDataSourceInput) {
			in.DataSourceParameters = pgParams(pgHost, pgPort, strings.Repeat("d", 129))
		}), ve, 400, "database"},
		{"no credentials", createCall(func(in *quicksight.CreateDataSourceInput) { in.Credentials = nil }), ipv, 400, "Credentials are required"},
		{"password too long", createCall(func(in *quicksight.CreateDataSourceInput) { in.Credentials = pair(pgUser, strings.Repeat("p", 1025)) }), ve, 400,
			// The credentials are sensitive: the message names the member, never the value.
			"1 validation error detected: Value at 'credentials.credentialPair.password' failed to satisfy constraint: Member must have length less than or equal to 1024"},
		{"both pair and copy", createCall(func(in *quicksight.CreateDataSourceInput) {
			in.Credentials.CopySourceArn = aws.String(dataSourceARN("taken"))
		}), ipv, 400, "exactly one"},
		{"copy source not an ARN", createCall(func(in *quicksight.CreateDataSourceInput) {
			in.Credentials = &types.DataSourceCredentials{CopySourceArn: aws.String("taken")}
		}), ve, 400, "copySourceArn"},
		{"secrets manager", createCall(func(in *quicksight.CreateDataSourceInput) {
			in.Credentials = &types.DataSourceCredentials{SecretArn: aws.String("arn:aws:secretsmanager:us-east-1:" + accountID + ":secret:db")}
		}), ipv, 400, "Secrets Manager"},
		{"bad permission", createCall(func(in *quicksight.CreateDataSourceInput) {
			in.Permissions = []types.ResourcePermission{{Principal: aws.String("alice"), Actions: []string{"quicksight:DescribeDataSource"}}}
		}), ipv, 400, "not an ARN"},
		{"permission without actions", createCall(func(in *quicksight.CreateDataSourceInput) {
			in.Permissions = []types.ResourcePermission{{Principal: aws.String(userARN(accountID, "admin")), Actions: []string{}}}
		}), ve, 400, "Value '[]' at 'permissions.1.member.actions' failed to satisfy constraint: Member must have length greater than or equal to 1"},
		{"duplicate tag", createCall(func(in *quicksight.CreateDataSourceInput) {
			in.Tags = []types.Tag{{Key: aws.String("k"), Value: aws.String("1")}, {Key: aws.String("k"), Value: aws.String("2")}}
		}), ipv, 400, "Duplicate tag"},
		{"folder", createCall(func(in *quicksight.CreateDataSourceInput) {
			in.FolderArns = []string{"arn:aws:quicksight:us-east-1:" + accountID + ":folder/f"}
		}), "ResourceNotFoundException", 404, "no folders"},
		{"exists", createCall(func(in *quicksight.CreateDataSourceInput) { in.DataSourceId = aws.String("taken") }), "ResourceExistsException", 409, "already exists"},
		{"foreign account", createCall(func(in *quicksight.CreateDataSourceInput) { in.AwsAccountId = aws.String("999999999999") }), "AccessDeniedException", 401, "CreateDataSource"},
		{"bad account id", createCall(func(in *quicksight.CreateDataSourceInput) { in.AwsAccountId = aws.String("12345") }), ve, 400, "awsAccountId"},
		{"describe missing", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DescribeDataSource(ctx, &quicksight.DescribeDataSourceInput{AwsAccountId: aws.String(accountID), DataSourceId: aws.String("nope")})
			return err
		}, "ResourceNotFoundException", 404, "nope"},
		{"delete missing", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DeleteDataSource(ctx, &quicksight.DeleteDataSourceInput{AwsAccountId: aws.String(accountID), DataSourceId: aws.String("nope")})
			return err
		}, "ResourceNotFoundException", 404, "nope"},
		{"update missing", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.UpdateDataSource(ctx, &quicksight.UpdateDataSourceInput{AwsAccountId: aws.String(accountID), DataSourceId: aws.String("nope"), Name: aws.String("n")})
			return err
		}, "ResourceNotFoundException", 404, "nope"},
		{"list bad token", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.ListDataSources(ctx, &quicksight.ListDataSourcesInput{AwsAccountId: aws.String(accountID), NextToken: aws.String("garbage")})
			return err
		}, "InvalidNextTokenException", 400, ""},
		{"list max-results 101", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.ListDataSources(ctx, &quicksight.ListDataSourcesInput{AwsAccountId: aws.String(accountID), MaxResults: aws.Int32(101)})
			return err
		}, ve, 400, "maxResults"},
	})
	// Refused requests created nothing.
	out, err := c.ListDataSources(t.Context(), &quicksight.ListDataSourcesInput{AwsAccountId: aws.String(accountID)})
	must(t, err)
	if len(out.DataSources) != 1 || aws.ToString(out.DataSources[0].DataSourceId) != "taken" {
		t.Fatalf("ListDataSources = %s", jsonString(out.DataSources))
	}
}

func TestDataSourceUpdateCopyAndDelete(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()
	createPG(t, c, "pg", pgParams(pgHost, pgPort, "postgres"), pair(pgUser, wrongSecret))

	// A new password fixes it.
	up, err := c.UpdateDataSource(ctx, &quicksight.UpdateDataSourceInput{
		AwsAccountId: aws.String(accountID), DataSourceId: aws.String("pg"), Name: aws.String("Renamed"),
		Credentials: pair(pgUser, pgPassword),
	})
	must(t, err)
	if up.Status != http.StatusAccepted || up.UpdateStatus != types.ResourceStatusUpdateSuccessful || aws.ToString(up.Arn) != dataSourceARN("pg") {
		t.Fatalf("UpdateDataSource = %s", jsonString(up))
	}
	d := describeDataSource(t, c, "pg")
	wantStatus(t, d, types.ResourceStatusUpdateSuccessful, "")
	if aws.ToString(d.Name) != "Renamed" {
		t.Fatalf("Name %q", aws.ToString(d.Name))
	}

	// A rename alone keeps the stored credentials.
	_, err = c.UpdateDataSource(ctx, &quicksight.UpdateDataSourceInput{AwsAccountId: aws.String(accountID), DataSourceId: aws.String("pg"), Name: aws.String("Again")})
	must(t, err)
	wantStatus(t, describeDataSource(t, c, "pg"), types.ResourceStatusUpdateSuccessful, "")

	// The stored password does not follow the source to another server.
	_, err = c.UpdateDataSource(ctx, &quicksight.UpdateDataSourceInput{
		AwsAccountId: aws.String(accountID), DataSourceId: aws.String("pg"), Name: aws.String("Elsewhere"),
		DataSourceParameters: pgParams("attacker.example", pgPort, "postgres"),
	})
	wantErrorMessage(t, err, "InvalidParameterValueException", 400, "Changing the host, port or database of a data source requires its Credentials.")

	// A database that does not exist: UPDATE_FAILED.
	up, err = c.UpdateDataSource(ctx, &quicksight.UpdateDataSourceInput{
		AwsAccountId: aws.String(accountID), DataSourceId: aws.String("pg"), Name: aws.String("Broken"),
		DataSourceParameters: pgParams(pgHost, pgPort, "no_such_database"), Credentials: pair(pgUser, pgPassword),
	})
	must(t, err)
	if up.UpdateStatus != types.ResourceStatusUpdateFailed {
		t.Fatalf("UpdateStatus %s", up.UpdateStatus)
	}
	wantStatus(t, describeDataSource(t, c, "pg"), types.ResourceStatusUpdateFailed, types.DataSourceErrorInfoTypeGenericSqlFailure)
	_, err = c.UpdateDataSource(ctx, &quicksight.UpdateDataSourceInput{
		AwsAccountId: aws.String(accountID), DataSourceId: aws.String("pg"), Name: aws.String("Fixed"),
		DataSourceParameters: pgParams(pgHost, pgPort, "postgres"), Credentials: pair(pgUser, pgPassword),
	})
	must(t, err)

	// Copying credentials: same server works; another server, a missing
	// source or another account's source fail with COPY_SOURCE_NOT_FOUND.
	copyOf := func(arn string) *types.DataSourceCredentials {
		return &types.DataSourceCredentials{CopySourceArn: aws.String(arn)}
	}
	out := createPG(t, c, "copy-ok", pgParams(pgHost, pgPort, "postgres"), copyOf(dataSourceARN("pg")))
	if out.CreationStatus != types.ResourceStatusCreationSuccessful {
		t.Fatalf("copy-ok: %s", jsonString(describeDataSource(t, c, "copy-ok")))
	}
	for id, tc := range map[string]struct {
		params types.DataSourceParameters
		arn    string
	}{
		"copy-elsewhere": {pgParams("127.0.0.2", pgPort, "postgres"), dataSourceARN("pg")},
		"copy-missing":   {pgParams(pgHost, pgPort, "postgres"), dataSourceARN("nope")},
		"copy-foreign":   {pgParams(pgHost, pgPort, "postgres"), "arn:aws:quicksight:us-east-1:999999999999:datasource/pg"},
	} {
		createPG(t, c, id, tc.params, copyOf(tc.arn))
		wantStatus(t, describeDataSource(t, c, id), types.ResourceStatusCreationFailed, types.DataSourceErrorInfoTypeCopySourceNotFound)
	}

	// Permissions: grant, merge, revoke.
	alice, bob := userARN(accountID, "alice"), userARN(accountID, "bob")
	perms, err := c.DescribeDataSourcePermissions(ctx, &quicksight.DescribeDataSourcePermissionsInput{AwsAccountId: aws.String(accountID), DataSourceId: aws.String("pg")})
	must(t, err)
	if len(perms.Permissions) != 0 || aws.ToString(perms.DataSourceArn) != dataSourceARN("pg") {
		t.Fatalf("DescribeDataSourcePermissions = %s", jsonString(perms))
	}
	upd, err := c.UpdateDataSourcePermissions(ctx, &quicksight.UpdateDataSourcePermissionsInput{
		AwsAccountId: aws.String(accountID), DataSourceId: aws.String("pg"),
		GrantPermissions: []types.ResourcePermission{
			{Principal: aws.String(alice), Actions: []string{"quicksight:DescribeDataSource", "quicksight:PassDataSource"}},
			{Principal: aws.String(bob), Actions: []string{"quicksight:DescribeDataSource"}},
		},
		RevokePermissions: []types.ResourcePermission{{Principal: aws.String(bob), Actions: []string{"quicksight:DescribeDataSource"}}},
	})
	must(t, err)
	if upd.Status != http.StatusOK || aws.ToString(upd.DataSourceId) != "pg" {
		t.Fatalf("UpdateDataSourcePermissions = %s", jsonString(upd))
	}
	perms, err = c.DescribeDataSourcePermissions(ctx, &quicksight.DescribeDataSourcePermissionsInput{AwsAccountId: aws.String(accountID), DataSourceId: aws.String("pg")})
	must(t, err)
	wantEqual(t, "permissions", perms.Permissions, []types.ResourcePermission{{Principal: aws.String(alice), Actions: []string{"quicksight:DescribeDataSource", "quicksight:PassDataSource"}}})

	// Pagination over the six sources, two at a time.
	var ids []string
	var token *string
	for range 10 {
		page, err := c.ListDataSources(ctx, &quicksight.ListDataSourcesInput{AwsAccountId: aws.String(accountID), MaxResults: aws.Int32(2), NextToken: token})
		must(t, err)
		for _, d := range page.DataSources {
			ids = append(ids, aws.ToString(d.DataSourceId))
		}
		if token = page.NextToken; token == nil {
			break
		}
	}
	wantEqual(t, "listed ids", ids, []string{"copy-elsewhere", "copy-foreign", "copy-missing", "copy-ok", "pg"})

	// Delete.
	del, err := c.DeleteDataSource(ctx, &quicksight.DeleteDataSourceInput{AwsAccountId: aws.String(accountID), DataSourceId: aws.String("copy-ok")})
	must(t, err)
	if aws.ToString(del.Arn) != dataSourceARN("copy-ok") || aws.ToString(del.DataSourceId) != "copy-ok" {
		t.Fatalf("DeleteDataSource = %s", jsonString(del))
	}
	_, err = c.DescribeDataSource(ctx, &quicksight.DescribeDataSourceInput{AwsAccountId: aws.String(accountID), DataSourceId: aws.String("copy-ok")})
	wantError(t, err, "ResourceNotFoundException", 404)
}

func TestDataSourceAuthorization(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	createPG(t, ts.adminClient(), "pg", pgParams(pgHost, pgPort, "postgres"), pair(pgUser, pgPassword))
	c := ts.client(ts.newIAMUser(t, accountID, "viewer", policy("Allow", "quicksight:Describe*", "*")))
	d := describeDataSource(t, c, "pg")
	wantStatus(t, d, types.ResourceStatusCreationSuccessful, "")
	const ad = "AccessDeniedException"
	runErrorCases(t, c, []apiCase{
		{"CreateDataSource", createCall(func(in *quicksight.CreateDataSourceInput) {}), ad, 401, denied("user/viewer", "CreateDataSource", dataSourceARN("v"))},
		{"ListDataSources", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.ListDataSources(ctx, &quicksight.ListDataSourcesInput{AwsAccountId: aws.String(accountID)})
			return err
		}, ad, 401, denied("user/viewer", "ListDataSources", dataSourceARN("*"))},
		{"DeleteDataSource", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.DeleteDataSource(ctx, &quicksight.DeleteDataSourceInput{AwsAccountId: aws.String(accountID), DataSourceId: aws.String("pg")})
			return err
		}, ad, 401, denied("user/viewer", "DeleteDataSource", dataSourceARN("pg"))},
		{"UpdateDataSourcePermissions", func(ctx context.Context, c *quicksight.Client) error {
			_, err := c.UpdateDataSourcePermissions(ctx, &quicksight.UpdateDataSourcePermissionsInput{AwsAccountId: aws.String(accountID), DataSourceId: aws.String("pg")})
			return err
		}, ad, 401, denied("user/viewer", "UpdateDataSourcePermissions", dataSourceARN("pg"))},
	})
}

// TestDataSourceSecrets checks that no password reaches a response body or
// the server's log, whatever the outcome of the request.
func TestDataSourceSecrets(t *testing.T) {
	t.Parallel()
	var logs lockedBuffer
	ts := startServer(t, withLogger(slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))))
	c := ts.adminClient()
	good, bad := "Good-Secret-7d1a", wrongSecret
	// MariaDB checks passwords (the local PostgreSQL may trust 127.0.0.1).
	user := "sg_e2e_secrets"
	mariaDBUser(t, user, good)
	createSource(t, c, "ok", types.DataSourceTypeMariadb, mariaParams("test"), pair(user, good))
	wantStatus(t, describeDataSource(t, c, "ok"), types.ResourceStatusCreationSuccessful, "")
	createSource(t, c, "bad", types.DataSourceTypeMariadb, mariaParams("test"), pair(user, bad))
	wantStatus(t, describeDataSource(t, c, "bad"), types.ResourceStatusCreationFailed, types.DataSourceErrorInfoTypeAccessDenied)
	createSource(t, c, "copy", types.DataSourceTypeMariadb, mariaParams("test"), &types.DataSourceCredentials{CopySourceArn: aws.String(dataSourceARN("ok"))})
	wantStatus(t, describeDataSource(t, c, "copy"), types.ResourceStatusCreationSuccessful, "")
	_, err := c.UpdateDataSource(t.Context(), &quicksight.UpdateDataSourceInput{AwsAccountId: aws.String(accountID), DataSourceId: aws.String("bad"), Name: aws.String("b"), Credentials: pair(user, bad+"x")})
	must(t, err)
	// A refused request that carries a password.
	err = createCall(func(in *quicksight.CreateDataSourceInput) {
		in.Credentials = pair(user, good)
		in.Name = aws.String("")
	})(t.Context(), c)
	wantError(t, err, ve, 400)
	wantMessageContains(t, err, "Value '' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1")

	var bodies [][]byte
	for _, path := range []string{
		"/accounts/" + accountID + "/data-sources",
		"/accounts/" + accountID + "/data-sources/ok",
		"/accounts/" + accountID + "/data-sources/bad",
		"/accounts/" + accountID + "/data-sources/copy",
		"/accounts/" + accountID + "/data-sources/ok/permissions",
	} {
		r := send(t, ts.signed(t, ts.Admin, http.MethodGet, path, ""))
		if r.Status != http.StatusOK {
			t.Fatalf("GET %s: %d %s", path, r.Status, r.Body)
		}
		bodies = append(bodies, r.Body)
	}
	ts.Stop()
	bodies = append(bodies, []byte(logs.String()))
	for _, b := range bodies {
		for _, secret := range []string{good, bad, "Credentials", "CredentialPair", "Password"} {
			if bytes.Contains(b, []byte(secret)) {
				t.Fatalf("%q appears in a response or the log:\n%s", secret, b)
			}
		}
	}
	if !strings.Contains(logs.String(), "op=CreateDataSource") {
		t.Fatalf("the log does not show the requests; the test does not check what it means to:\n%s", logs.String())
	}
}
