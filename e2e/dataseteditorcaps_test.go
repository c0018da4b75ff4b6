package e2e

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

// TestDataSetEditorCapabilities proves, for each dataset capability of
// the custom-permissions model, that DENY takes away what it names, in
// the page (hidden) and on the server (refused), and nothing else.
func TestDataSetEditorCapabilities(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	admin := ts.adminClient()
	ctx := t.Context()
	cases := []struct {
		capability string
		denies     []string // actions refused
		hidden     string   // page markup that disappears
		page       string
	}{
		{"", nil, "", ""},
		{"CreateAndUpdateDatasets", []string{"new", "start", "step", "save-direct", "save-spice"}, `id="ds-draft"`, "dataset"},
		{"ShareDatasets", []string{"share"}, `class="ds-share-form"`, "dataset"},
		{"CreateSPICEDataset", []string{"save-spice"}, `<option value="SPICE"`, "dataset"},
	}
	var users []string
	for i := range cases {
		users = append(users, "capuser"+string(rune('a'+i)))
	}
	shopSource(t, ts, users...)
	signed := make([]*consoleUser, len(users))
	for i, name := range users {
		signed[i] = signIn(t, ts, name, types.UserRoleAuthor)
	}
	for i, tc := range cases {
		name, u := users[i], signed[i]
		if tc.capability != "" {
			caps := &types.Capabilities{}
			switch tc.capability {
			case "CreateAndUpdateDatasets":
				caps.CreateAndUpdateDatasets = types.CapabilityStateDeny
			case "ShareDatasets":
				caps.ShareDatasets = types.CapabilityStateDeny
			case "CreateSPICEDataset":
				caps.CreateSPICEDataset = types.CapabilityStateDeny
			}
			_, err := admin.CreateCustomPermissions(ctx, &quicksight.CreateCustomPermissionsInput{AwsAccountId: aws.String(accountID), CustomPermissionsName: aws.String("deny-" + tc.capability), Capabilities: caps})
			must(t, err)
			_, err = admin.UpdateUserCustomPermission(ctx, &quicksight.UpdateUserCustomPermissionInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String(name), CustomPermissionsName: aws.String("deny-" + tc.capability)})
			must(t, err)
		}
		// A SPICE dataset the user owns (made by the server).
		owned := "owned-" + name
		createDataSet(t, admin, &quicksight.CreateDataSetInput{DataSetId: aws.String(owned), ImportMode: types.DataSetImportModeSpice,
			PhysicalTableMap: map[string]types.PhysicalTable{"t1": &types.PhysicalTableMemberRelationalTable{Value: types.RelationalTable{
				DataSourceArn: aws.String(dataSourceARN("shop")), Name: aws.String("orders"),
				InputColumns: []types.InputColumn{col("id", types.InputColumnDataTypeInteger), col("region", types.InputColumnDataTypeString)}}}},
			Permissions: []types.ResourcePermission{{Principal: aws.String(userARN(accountID, name)), Actions: []string{
				"quicksight:DescribeDataSet", "quicksight:DescribeDataSetPermissions", "quicksight:PassDataSet", "quicksight:DescribeIngestion", "quicksight:ListIngestions",
				"quicksight:UpdateDataSet", "quicksight:DeleteDataSet", "quicksight:CreateIngestion", "quicksight:CancelIngestion", "quicksight:UpdateDataSetPermissions"}}},
		})
		waitPanel(t, u, owned)
		status := map[string]int{
			"new":         u.get(t, "/data/sets/new?source=shop").Status,
			"start":       u.post(t, "/data/sets/editor/start", url.Values{"source": {"shop"}, "table": {"orders"}}, true).Status,
			"step":        u.step(t, ordersDraft("DIRECT_QUERY"), "op", "rename", "column", "region", "to", "area").Status,
			"save-direct": u.post(t, "/data/sets/editor/save", url.Values{"draft": {ordersDraft("DIRECT_QUERY")}}, true).Status,
			"save-spice":  u.post(t, "/data/sets/editor/save", url.Values{"draft": {ordersDraft("SPICE")}}, true).Status,
			"share":       u.post(t, "/data/sets/"+owned+"/share", url.Values{"user": {users[(i+1)%len(users)]}, "level": {"viewer"}}, true).Status,
			"refresh":     u.post(t, "/data/sets/"+owned+"/refresh", nil, true).Status,
		}
		for action, got := range status {
			want := http.StatusOK
			if strings.HasPrefix(action, "save") {
				want = http.StatusNoContent
			}
			for _, d := range tc.denies {
				if d == action {
					want = http.StatusForbidden
				}
			}
			if got != want {
				t.Errorf("DENY %q: %s answered %d, want %d", tc.capability, action, got, want)
			}
		}
		// The dataset page hides what the capability takes away, and
		// shows it without the profile.
		page := u.get(t, "/data/sets/"+owned)
		page.wantHTML(t, http.StatusOK)
		for j, other := range cases {
			if other.hidden == "" {
				continue
			}
			shown := strings.Contains(page.Body, other.hidden)
			// The SPICE choice is part of the editor, which DENY of
			// CreateAndUpdateDatasets hides as a whole.
			want := j != i && !(tc.capability == "CreateAndUpdateDatasets" && other.capability == "CreateSPICEDataset")
			if shown != want {
				t.Errorf("DENY %q: the page shows %s: %v, want %v", tc.capability, other.hidden, shown, want)
			}
		}
		list := u.get(t, "/data/sets")
		if got, want := strings.Contains(list.Body, "New dataset"), tc.capability != "CreateAndUpdateDatasets"; got != want {
			t.Errorf("DENY %q: the list offers a new dataset: %v, want %v", tc.capability, got, want)
		}
	}
}
