package e2e

// restJson1 protocol details: request ids, body Status, error wire form,
// unknown routes, base-path prefixes, truncated bodies.

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/aws/smithy-go/middleware"
)

func TestResponseMetadata(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()

	// The SDK's request id (from x-amzn-RequestId) is the body RequestId,
	// and Status is the HTTP status or, for body-bound operations, the
	// body's Status.
	wantMeta := func(what string, md middleware.Metadata, bodyID *string, status, wantStatus int32) {
		t.Helper()
		id, ok := awsmiddleware.GetRequestIDMetadata(md)
		if !ok || id == "" || id != aws.ToString(bodyID) {
			t.Errorf("%s: request id %q (ok %v), body RequestId %q", what, id, ok, aws.ToString(bodyID))
		}
		if status != wantStatus {
			t.Errorf("%s: Status = %d, want %d", what, status, wantStatus)
		}
	}
	settings, err := c.DescribeAccountSettings(ctx, &quicksight.DescribeAccountSettingsInput{AwsAccountId: aws.String(accountID)})
	must(t, err)
	wantMeta("DescribeAccountSettings", settings.ResultMetadata, settings.RequestId, settings.Status, 200)
	reg, err := c.RegisterUser(ctx, &quicksight.RegisterUserInput{
		AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), IdentityType: types.IdentityTypeQuicksight,
		UserName: aws.String("meta"), Email: aws.String("meta@example.com"), UserRole: types.UserRoleReader,
	})
	must(t, err)
	wantMeta("RegisterUser", reg.ResultMetadata, reg.RequestId, reg.Status, 201)
	cp, err := c.CreateCustomPermissions(ctx, &quicksight.CreateCustomPermissionsInput{AwsAccountId: aws.String(accountID), CustomPermissionsName: aws.String("meta")})
	must(t, err)
	wantMeta("CreateCustomPermissions", cp.ResultMetadata, cp.RequestId, cp.Status, 200)
	if aws.ToString(settings.RequestId) == aws.ToString(reg.RequestId) {
		t.Error("two requests share a request id")
	}

	// Errors carry the request id too, and the modeled members.
	_, err = c.DescribeUser(ctx, &quicksight.DescribeUserInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String("ghost")})
	var rnf *types.ResourceNotFoundException
	var re *awshttp.ResponseError
	if !errors.As(err, &rnf) || !errors.As(err, &re) {
		t.Fatalf("DescribeUser of a missing user: %v", err)
	}
	if aws.ToString(rnf.RequestId) == "" || aws.ToString(rnf.RequestId) != re.ServiceRequestID() {
		t.Errorf("error RequestId %q, x-amzn-RequestId %q", aws.ToString(rnf.RequestId), re.ServiceRequestID())
	}
	if rnf.ResourceType != types.ExceptionResourceTypeUser {
		t.Errorf("ResourceType = %q, want USER", rnf.ResourceType)
	}
}

func TestRawResponses(t *testing.T) {
	t.Parallel()
	ts := startServer(t)

	resp := send(t, ts.signed(t, ts.Admin, http.MethodGet, settingsPath, ""))
	resp.wantOK(t, 200)
	wantEqual(t, "AccountSettings", resp.JSON["AccountSettings"], map[string]any{
		"AccountName":                  "sightglass-" + accountID,
		"Edition":                      "ENTERPRISE",
		"DefaultNamespace":             "default",
		"NotificationEmail":            "admin@example.com",
		"PublicSharingEnabled":         false,
		"TerminationProtectionEnabled": false,
	})

	resp = send(t, ts.signed(t, ts.Admin, http.MethodPost, "/accounts/"+accountID+"/namespaces/default/users",
		`{"IdentityType":"QUICKSIGHT","UserName":"raw","Email":"raw@example.com","UserRole":"AUTHOR"}`))
	resp.wantOK(t, 201)

	for _, path := range []string{
		"/accounts/" + accountID + "/custom-permissions", // body-bound Status
		"/accounts/" + accountID + "/namespaces/default/users",
	} {
		send(t, ts.signed(t, ts.Admin, http.MethodGet, path, "")).wantOK(t, 200)
	}
	resp = send(t, ts.signed(t, ts.Admin, http.MethodPost, "/accounts/"+accountID+"/custom-permissions", `{"CustomPermissionsName":"raw"}`))
	resp.wantOK(t, 200)

	resp = send(t, ts.signed(t, ts.Admin, http.MethodGet, "/accounts/"+accountID+"/namespaces/default/users/ghost", ""))
	resp.wantError(t, "ResourceNotFoundException", 404)
	if resp.str("ResourceType") != "USER" {
		t.Errorf("error body %s: want ResourceType USER", resp.Body)
	}
	if _, ok := resp.JSON["Status"]; ok {
		t.Errorf("error body %s has a Status", resp.Body)
	}
}

func TestUnknownRoutes(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	for _, tc := range []struct{ method, path string }{
		{http.MethodGet, "/accounts/" + accountID + "/nothing"},
		{http.MethodDelete, "/account/" + accountID},                   // known path, other method
		{http.MethodPost, "/accounts/" + accountID + "/settings"},      // known path, other method
		{http.MethodGet, "/accounts/" + accountID + "/settings/extra"}, // one segment too many
		{http.MethodGet, "/"},
		{http.MethodGet, "/favicon.ico"},
	} {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			resp := send(t, ts.signed(t, ts.Admin, tc.method, tc.path, ""))
			if msg := resp.wantError(t, "UnknownOperationException", 404); msg != "The requested operation is not recognized by the service." {
				t.Errorf("message = %q", msg)
			}
		})
	}
	// Unsigned, a request is refused before routing, also as JSON.
	send(t, ts.newRequest(t, http.MethodGet, "/nothing/here", "")).wantError(t, "MissingAuthenticationTokenException", 403)

	// The health check is outside the API.
	resp := get(t, ts.URL+"/healthz")
	if resp.Status != 200 || string(resp.Body) != "ok\n" {
		t.Errorf("/healthz: %d %q", resp.Status, resp.Body)
	}
}

// TestBasePath uses clients whose endpoint has a path prefix, including
// prefixes that look like the start of a route.
func TestBasePath(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	registerQuickSightUser(t, ts.adminClient(), slashUser, types.UserRoleAuthor)
	for _, prefix := range []string{"/qs", "/quicksight/v1/", "/accounts", "/api/account/x"} {
		t.Run(prefix, func(t *testing.T) {
			base := *ts
			base.URL += prefix
			c := base.adminClient()
			ctx := t.Context()
			_, err := c.DescribeAccountSettings(ctx, &quicksight.DescribeAccountSettingsInput{AwsAccountId: aws.String(accountID)})
			must(t, err)
			if got := aws.ToString(describeUser(t, c, slashUser).UserName); got != slashUser {
				t.Errorf("UserName = %q", got)
			}
			out, err := c.ListUsers(ctx, &quicksight.ListUsersInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default")})
			must(t, err)
			wantEqual(t, "users", userNames(out.UserList), []string{"admin", slashUser})
			_, err = c.UpdateUserCustomPermission(ctx, &quicksight.UpdateUserCustomPermissionInput{
				AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String(slashUser), CustomPermissionsName: aws.String("ghost"),
			})
			wantErrorMessage(t, err, "ResourceNotFoundException", 404, "Custom permissions profile ghost doesn't exist in account "+accountID+".")

			p := strings.TrimSuffix(prefix, "/")
			send(t, ts.signed(t, ts.Admin, http.MethodGet, p+settingsPath, "")).wantOK(t, 200)
			get(t, ts.presign(t, ts.Admin, p+settingsPath, time.Now(), time.Minute)).wantOK(t, 200)
		})
	}
}

// TestTruncatedBody sends less body than Content-Length announces, on a
// raw connection: InvalidRequestException, 400.
func TestTruncatedBody(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	body := `{"CustomPermissionsName":"aaa"}`
	req := ts.signed(t, ts.Admin, http.MethodPost, "/accounts/"+accountID+"/custom-permissions", body)
	conn, err := net.DialTimeout("tcp", req.URL.Host, 5*time.Second)
	must(t, err)
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	var head strings.Builder
	fmt.Fprintf(&head, "POST %s HTTP/1.1\r\nHost: %s\r\n", req.URL.RequestURI(), req.URL.Host)
	for k, v := range req.Header {
		fmt.Fprintf(&head, "%s: %s\r\n", k, v[0])
	}
	fmt.Fprintf(&head, "Content-Length: %d\r\n\r\n%s", len(body)+10, body)
	_, err = io.WriteString(conn, head.String())
	must(t, err)
	must(t, conn.(*net.TCPConn).CloseWrite())
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	must(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	raw := &rawResponse{Status: resp.StatusCode, Header: resp.Header, Body: b}
	json.Unmarshal(b, &raw.JSON)
	if msg := raw.wantError(t, "InvalidRequestException", 400); msg != "The request body is shorter than its Content-Length." {
		t.Errorf("message = %q", msg)
	}
}

// TestUncleanPaths sends paths that http.ServeMux would clean and
// redirect: user names "." and ".." (valid: [\u0020-\u00FF]+) and an
// empty segment from a base endpoint ending in '/'.
func TestUncleanPaths(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	for _, name := range []string{".", ".."} {
		registerQuickSightUser(t, c, name, types.UserRoleReader)
		if got := aws.ToString(describeUser(t, c, name).UserName); got != name {
			t.Errorf("DescribeUser(%q).UserName = %q", name, got)
		}
	}
	send(t, ts.signed(t, ts.Admin, http.MethodGet, "/"+settingsPath, "")).wantOK(t, 200)
}
