package e2e

// The icons a real definition's conditional formatting draws.

import (
	"html"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

// TestRealDefinitionIcons draws the CID row-level-security table, whose
// account and payer cells show a warning icon, in place of the value,
// where the group's SUM({_account_id_is_null}) (or the payer's) is 1:
// the icons drawn are those of the groups SQL finds.
func TestRealDefinitionIcons(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	raw, err := os.ReadFile(filepath.Join("testdata", "realdefs", "cid-rls.json"))
	must(t, err)
	db := createRealDataSets(t, ts, cidRLS)
	perms := `[{"Principal": "` + userARN(accountID, "admin") + `", "Actions": ["quicksight:DescribeDashboard", "quicksight:ListDashboardVersions", "quicksight:QueryDashboard"]}]`
	resp := send(t, ts.signed(t, ts.Admin, http.MethodPost, "/accounts/"+accountID+"/dashboards/cid-rls",
		`{"Name": "cid-rls", "Definition": `+string(raw)+`, "Permissions": `+perms+`}`))
	if resp.Status != http.StatusAccepted {
		t.Fatalf("CreateDashboard: %d %s", resp.Status, resp.Body)
	}
	if v := waitVersion(t, ts.adminClient(), "cid-rls", 1).Version; v.Status != types.ResourceStatusCreationSuccessful {
		t.Fatalf("dashboard %s", v.Status)
	}
	_, p := ts.signOn(t, ts.mint(t, "admin", "/dashboards/cid-rls"), -1)
	tl := tile(t, p.Body, "78602264-b797-4bc8-922c-76e2fd852742")
	_, tbody, ok := strings.Cut(tl, "<tbody>")
	if !ok {
		t.Fatalf("no table:\n%s", tl)
	}
	// The groups of the table (its five columns; Description follows from
	// the four others) whose account, or payer, is null or empty in
	// exactly one row.
	count := func(col string) int {
		return int(sqlFloat(t, db, `SELECT count(*) FROM (SELECT sum(CASE WHEN `+col+` IS NULL OR `+col+` = '' THEN 1 ELSE 0 END) AS n
			FROM "770b6f30-9498-49e2-9878-5ac9e3258b2c" GROUP BY UserName, GroupName, account_id, payer_id) WHERE n = 1`))
	}
	wantAccounts, wantPayers := count("account_id"), count("payer_id")
	gotAccounts, gotPayers := 0, 0
	for _, r := range reTableRow.FindAllStringSubmatch(tbody, -1) {
		cells := reTableCellAttrs.FindAllStringSubmatch(r[1], -1)
		if len(cells) != 5 {
			t.Fatalf("row with %d cells: %s", len(cells), r[1])
		}
		for i, n := range map[int]*int{2: &gotAccounts, 3: &gotPayers} {
			attrs, text := cells[i][1], strings.TrimSpace(html.UnescapeString(cells[i][2]))
			if !strings.Contains(attrs, `data-cf-icon="⚠️"`) {
				continue
			}
			*n++
			if !strings.Contains(attrs, "data-cf-only") {
				t.Errorf("icon without ICON_ONLY: %s", attrs)
			}
			if text != "" && !strings.EqualFold(text, "null") && !strings.Contains(text, "empty") {
				t.Errorf("an icon on a cell with a value %q", text)
			}
		}
	}
	if gotAccounts != wantAccounts || gotPayers != wantPayers || wantAccounts == 0 || wantPayers == 0 {
		t.Errorf("icons on %d account and %d payer cells, SQL %d and %d", gotAccounts, gotPayers, wantAccounts, wantPayers)
	}
	if strings.Contains(tl, "tile-note") {
		t.Errorf("the table has a note:\n%s", tl)
	}
}
