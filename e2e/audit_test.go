package e2e

// The audit log: every API call (including refused ones), every console
// sign-on and every console change becomes one CloudTrail-shaped JSON line
// in <data-dir>/audit.log, with the caller and the identifying parameters,
// and never a password, sign-on code, session token or secret key.

import (
	"bufio"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/audit"
	"github.com/sightglass/sightglass/internal/server"
)

var reUUID = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

// readAudit reads every record of an audit log file.
func readAudit(t testing.TB, path string) (string, []*audit.Event) {
	t.Helper()
	b, err := os.ReadFile(path)
	must(t, err)
	var events []*audit.Event
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		e, err := audit.ParseLine(sc.Bytes())
		if err != nil {
			t.Fatalf("audit line %q: %v", sc.Text(), err)
		}
		events = append(events, e)
	}
	return string(b), events
}

// findEvent returns the only event matching name and pred.
func findEvent(t testing.TB, events []*audit.Event, name string, pred func(*audit.Event) bool) *audit.Event {
	t.Helper()
	var found []*audit.Event
	for _, e := range events {
		if e.EventName == name && (pred == nil || pred(e)) {
			found = append(found, e)
		}
	}
	if len(found) != 1 {
		t.Fatalf("%d %s events match, want 1", len(found), name)
	}
	return found[0]
}

func TestAuditLog(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	ts.createDashboard(t, "sales", "Sales")
	c := ts.adminClient()
	ctx := t.Context()
	const password = "Audit-Pa55word-7c1e9"
	start := time.Now().UTC().Add(-time.Second)

	// A data source with a password (its connection fails: nothing listens).
	createSource(t, c, "pg", types.DataSourceTypePostgresql, pgParams(pgHost, 1, "nodb"), pair("reporting", password))
	_, err := c.DescribeUser(ctx, &quicksight.DescribeUserInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String("admin")})
	must(t, err)
	_, err = c.DescribeUser(ctx, &quicksight.DescribeUserInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String("nobody")})
	if code, _ := apiError(t, err); code != "ResourceNotFoundException" {
		t.Fatalf("DescribeUser nobody: %s", code)
	}
	// A request signed with the wrong secret.
	bad := *ts.Admin
	bad.SecretAccessKey = wrongSecret
	_, err = ts.client(&bad).DescribeUser(ctx, &quicksight.DescribeUserInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String("forged")})
	if code, _ := apiError(t, err); code != "InvalidSignatureException" {
		t.Fatalf("wrong secret: %s", code)
	}

	// A role session.
	ts.newRole(t, accountID, "reporting", fullAccess)
	roleKey := ts.assumeRole(t, accountID, "reporting", "nightly")
	_, err = ts.client(roleKey).ListUsers(ctx, &quicksight.ListUsersInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default")})
	must(t, err)

	// A sign-on, a reused code, a favorite.
	u := ts.mint(t, "admin", "/dashboards/sales")
	token, _ := ts.signOn(t, u, -1)
	ts.open(t, u.Raw).wantErrorPage(t, http.StatusForbidden, "Forbidden")
	if p := ts.browse(t, http.MethodPost, u.page("/favorites/dashboard/sales"), "", token); p.Status != http.StatusOK {
		t.Fatalf("favorite: %d %s", p.Status, p.Body)
	}
	if p := ts.browse(t, http.MethodPost, u.page("/favorites/dashboard/missing"), "", token); p.Status != http.StatusNotFound {
		t.Fatalf("favorite of a missing dashboard: %d %s", p.Status, p.Body)
	}
	qsUser := ts.userIdentity(t, "admin")
	ts.Stop() // flushes the log

	raw, events := readAudit(t, filepath.Join(ts.Config.DataDir, "audit.log"))
	for _, secret := range []string{password, u.Code, token, ts.Admin.SecretAccessKey, wrongSecret, roleKey.SecretAccessKey, roleKey.SessionToken} {
		if strings.Contains(raw, secret) || strings.Contains(raw, secret[:12]) {
			t.Errorf("the audit log holds a secret %q:\n%s", secret, raw)
		}
	}
	ids := map[string]bool{}
	for _, e := range events {
		if e.EventVersion != audit.Version || e.EventSource != "quicksight.amazonaws.com" || e.AWSRegion != region {
			t.Errorf("event %s: version %q source %q region %q", e.EventName, e.EventVersion, e.EventSource, e.AWSRegion)
		}
		if !reUUID.MatchString(e.EventID) || ids[e.EventID] {
			t.Errorf("event %s: eventID %q not a fresh UUID", e.EventName, e.EventID)
		}
		ids[e.EventID] = true
		if e.EventTime.Location() != time.UTC || e.EventTime.Before(start.Truncate(time.Second)) || e.EventTime.After(time.Now().Add(time.Second)) {
			t.Errorf("event %s: eventTime %v", e.EventName, e.EventTime)
		}
		if e.SourceIPAddress != "127.0.0.1" || e.RequestID == "" {
			t.Errorf("event %s: sourceIPAddress %q requestID %q", e.EventName, e.SourceIPAddress, e.RequestID)
		}
	}
	// Each line is CloudTrail's member names.
	for _, member := range []string{`"eventVersion":`, `"eventTime":"`, `"eventName":"CreateDataSource"`, `"userIdentity":{"type":"IAMUser"`, `"recipientAccountId":"` + accountID + `"`} {
		if !strings.Contains(raw, member) {
			t.Errorf("audit log lacks %s", member)
		}
	}
	adminIdentity := audit.Identity{Type: "IAMUser", ARN: sg.IAMARN(accountID, sg.PrincipalUser, ts.Admin.PrincipalName), AccountID: accountID, AccessKeyID: ts.Admin.AccessKeyID, UserName: ts.Admin.PrincipalName}

	e := findEvent(t, events, "CreateDataSource", nil)
	wantEqual(t, "CreateDataSource identity", e.UserIdentity, adminIdentity)
	wantEqual(t, "CreateDataSource parameters", e.RequestParameters, map[string]any{"awsAccountId": accountID, "dataSourceId": "pg", "name": "pg", "type": "POSTGRESQL"})
	if e.ReadOnly || e.ErrorCode != "" || e.RecipientAccountID != accountID || e.EventType != "AwsApiCall" || !strings.HasPrefix(e.UserAgent, "aws-sdk-go-v2/") {
		t.Errorf("CreateDataSource event %+v", e)
	}

	e = findEvent(t, events, "DescribeUser", func(e *audit.Event) bool { return e.RequestParameters["userName"] == "admin" })
	wantEqual(t, "DescribeUser parameters", e.RequestParameters, map[string]any{"awsAccountId": accountID, "namespace": "default", "userName": "admin"})
	if !e.ReadOnly || e.ErrorCode != "" {
		t.Errorf("DescribeUser event %+v", e)
	}
	e = findEvent(t, events, "DescribeUser", func(e *audit.Event) bool { return e.RequestParameters["userName"] == "nobody" })
	if e.ErrorCode != "ResourceNotFoundException" || e.ErrorMessage == "" {
		t.Errorf("DescribeUser nobody: errorCode %q errorMessage %q", e.ErrorCode, e.ErrorMessage)
	}
	e = findEvent(t, events, "DescribeUser", func(e *audit.Event) bool { return e.RequestParameters["userName"] == "forged" })
	wantEqual(t, "forged identity", e.UserIdentity, audit.Identity{Type: "Unknown", AccessKeyID: ts.Admin.AccessKeyID})
	if e.ErrorCode != "InvalidSignatureException" {
		t.Errorf("forged request: errorCode %q", e.ErrorCode)
	}

	e = findEvent(t, events, "ListUsers", nil)
	wantEqual(t, "role session identity", e.UserIdentity, audit.Identity{
		Type: "AssumedRole", ARN: sg.AssumedRoleARN(accountID, "reporting", "nightly"), AccountID: accountID, AccessKeyID: roleKey.AccessKeyID,
		Session: &audit.SessionContext{SessionIssuer: audit.SessionIssuer{Type: "Role", ARN: sg.IAMARN(accountID, sg.PrincipalRole, "reporting"), AccountID: accountID, UserName: "reporting"}},
	})

	e = findEvent(t, events, "GetSessionEmbedUrl", nil)
	wantEqual(t, "GetSessionEmbedUrl parameters", e.RequestParameters, map[string]any{"awsAccountId": accountID, "entryPoint": "/dashboards/sales", "userArn": userARN(accountID, "admin")})
	if e.ReadOnly || e.ResponseElements != nil {
		t.Errorf("GetSessionEmbedUrl event %+v", e)
	}

	e = findEvent(t, events, "ConsoleSignOn", func(e *audit.Event) bool { return e.ErrorCode == "" })
	wantEqual(t, "sign-on identity", e.UserIdentity, qsUser)
	wantEqual(t, "sign-on parameters", e.RequestParameters, map[string]any{"signOnType": "embedCode", "embedId": u.Sid, "entryPoint": "/dashboards/sales"})
	wantEqual(t, "sign-on response", e.ResponseElements, map[string]any{"ConsoleSignOn": "Success"})
	if e.UserAgent != "Go-http-client/1.1" || e.RecipientAccountID != accountID {
		t.Errorf("sign-on event %+v", e)
	}
	e = findEvent(t, events, "ConsoleSignOn", func(e *audit.Event) bool { return e.ErrorCode != "" })
	if e.ErrorCode != "AccessDeniedException" || e.UserIdentity.Type != "Unknown" || e.ResponseElements["ConsoleSignOn"] != "Failure" {
		t.Errorf("reused code: %+v", e)
	}

	e = findEvent(t, events, "CreateFavorite", func(e *audit.Event) bool { return e.ErrorCode == "" })
	wantEqual(t, "favorite identity", e.UserIdentity, qsUser)
	wantEqual(t, "favorite parameters", e.RequestParameters, map[string]any{"awsAccountId": accountID, "kind": sg.FavoriteDashboard, "resourceId": "sales"})
	e = findEvent(t, events, "CreateFavorite", func(e *audit.Event) bool { return e.ErrorCode != "" })
	if e.ErrorCode != "ResourceNotFoundException" || e.RequestParameters["resourceId"] != "missing" {
		t.Errorf("favorite of a missing dashboard: %+v", e)
	}
}

// userIdentity is the audit identity of a QuickSight user of the account.
func (ts *testServer) userIdentity(t testing.TB, name string) audit.Identity {
	t.Helper()
	u, err := ts.Store.FindUser(t.Context(), accountID, "default", name)
	must(t, err)
	return audit.Identity{Type: "QuickSightUser", PrincipalID: u.PrincipalID, ARN: userARN(accountID, name), AccountID: accountID, UserName: name}
}

// TestAuditLogOff: --audit-log off writes nothing.
func TestAuditLogOff(t *testing.T) {
	t.Parallel()
	ts := startServer(t, func(cfg *server.Config, _ *testServer) { cfg.AuditLog = "off" })
	_, err := ts.adminClient().ListDashboards(t.Context(), &quicksight.ListDashboardsInput{AwsAccountId: aws.String(accountID)})
	must(t, err)
	ts.Stop()
	if _, err := os.Stat(filepath.Join(ts.Config.DataDir, "audit.log")); !os.IsNotExist(err) {
		t.Fatalf("audit.log with --audit-log off: %v", err)
	}
}

// TestAuditSignOnRefused: a sign-on refused because the address failed too
// often is recorded too.
func TestAuditSignOnRefused(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withConsoleFailures(1, 1))
	good := ts.mint(t, "admin", "")
	ts.open(t, good.url(good.Sid, good.Entry, strings.Repeat("A", 43))).wantErrorPage(t, http.StatusForbidden, "Forbidden")
	ts.open(t, good.Raw).wantErrorPage(t, http.StatusTooManyRequests, "Forbidden")
	ts.Stop()
	raw, events := readAudit(t, filepath.Join(ts.Config.DataDir, "audit.log"))
	if strings.Contains(raw, good.Code) || strings.Contains(raw, strings.Repeat("A", 43)) {
		t.Fatalf("the audit log holds a sign-on code:\n%s", raw)
	}
	e := findEvent(t, events, "ConsoleSignOn", func(e *audit.Event) bool { return e.ErrorCode == "ThrottlingException" })
	wantEqual(t, "refused sign-on", []any{e.UserIdentity.Type, e.RequestParameters, e.ResponseElements, e.SourceIPAddress},
		[]any{"Unknown", map[string]any{"signOnType": "embedCode", "embedId": good.Sid, "entryPoint": "/start"}, map[string]any{"ConsoleSignOn": "Failure"}, "127.0.0.1"})
	findEvent(t, events, "ConsoleSignOn", func(e *audit.Event) bool { return e.ErrorCode == "AccessDeniedException" })
}

// TestAuditPasswordSignIn: a QUICKSIGHT user's invitation, password
// sign-ins (successful and not) and sign-out are recorded, never the
// password, the invitation token or the session token.
func TestAuditPasswordSignIn(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	const password = "audit horse battery staple"
	reg, err := c.RegisterUser(t.Context(), &quicksight.RegisterUserInput{
		AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), IdentityType: types.IdentityTypeQuicksight,
		UserName: aws.String("carol"), Email: aws.String("carol@example.com"), UserRole: types.UserRoleReader,
	})
	must(t, err)
	invite := aws.ToString(reg.UserInvitationUrl)
	_, csrf := ts.formPage(t, invite)
	if p := ts.postForm(t, invite, csrf, url.Values{"csrf": {csrf}, "password": {password}, "confirm": {password}}); p.Status != http.StatusOK {
		t.Fatalf("accepting the invitation: %d", p.Status)
	}
	_, csrf = ts.formPage(t, ts.URL+"/login")
	login := func(pw string) *page {
		return ts.postForm(t, ts.URL+"/login", csrf, url.Values{"csrf": {csrf}, "account": {accountID}, "username": {"carol"}, "password": {pw}})
	}
	in := login(password)
	m := reSessionCookie.FindStringSubmatch(in.Header.Get("Set-Cookie"))
	if in.Status != http.StatusSeeOther || m == nil {
		t.Fatalf("sign-in: %d %q", in.Status, in.Header.Get("Set-Cookie"))
	}
	session, sid := m[1], m[2]
	if p := ts.browse(t, http.MethodPost, ts.URL+"/embedding/"+sid+"/signout", "", session); p.Status != http.StatusSeeOther {
		t.Fatalf("sign-out: %d", p.Status)
	}
	if p := login("wrong password!!"); p.Status != http.StatusUnauthorized {
		t.Fatalf("wrong password: %d", p.Status)
	}
	carol := ts.userIdentity(t, "carol")
	ts.Stop()

	raw, events := readAudit(t, filepath.Join(ts.Config.DataDir, "audit.log"))
	token := strings.TrimPrefix(invite, ts.URL+"/invitation/")
	for _, secret := range []string{password, "wrong password!!", token, session} {
		if strings.Contains(raw, secret) {
			t.Errorf("the audit log holds a secret %q:\n%s", secret, raw)
		}
	}
	e := findEvent(t, events, "AcceptInvitation", nil)
	wantEqual(t, "invitation", []any{e.UserIdentity, e.RequestParameters, e.ErrorCode},
		[]any{carol, map[string]any{"awsAccountId": accountID, "namespace": "default", "userName": "carol"}, ""})
	params := map[string]any{"signOnType": "password", "awsAccountId": accountID, "namespace": "default", "userName": "carol"}
	e = findEvent(t, events, "ConsoleSignOn", func(e *audit.Event) bool { return e.ErrorCode == "" })
	wantEqual(t, "password sign-in", []any{e.UserIdentity, e.RequestParameters, e.ResponseElements},
		[]any{carol, params, map[string]any{"ConsoleSignOn": "Success"}})
	e = findEvent(t, events, "ConsoleSignOut", nil)
	wantEqual(t, "sign-out", []any{e.UserIdentity, e.RequestParameters, e.ErrorCode}, []any{carol, map[string]any{"embedId": sid}, ""})
	e = findEvent(t, events, "ConsoleSignOn", func(e *audit.Event) bool { return e.ErrorCode != "" })
	wantEqual(t, "refused sign-in", []any{e.UserIdentity.Type, e.RequestParameters, e.ErrorCode, e.ResponseElements},
		[]any{"Unknown", params, "AccessDeniedException", map[string]any{"ConsoleSignOn": "Failure"}})
}
