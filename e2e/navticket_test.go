package e2e

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"
)

// navigationTicket asks for a navigation ticket as the console's script
// does (the session token in the header, or as a cookie) and returns the
// status and the ticket.
func (ts *testServer) navigationTicket(t *testing.T, u embedURL, cookie, header string) (int, string) {
	t.Helper()
	p := ts.browse(t, http.MethodPost, u.page("/navigation"), cookie, header)
	if p.Status != http.StatusOK {
		return p.Status, ""
	}
	if cc := p.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("ticket Cache-Control %q", cc)
	}
	var out struct{ Ticket string }
	if err := json.Unmarshal([]byte(p.Body), &out); err != nil || len(out.Ticket) != 43 {
		t.Fatalf("ticket answer %q: %v", p.Body, err)
	}
	return p.Status, out.Ticket
}

// TestNavigationTicket: where the browser blocks our cookie, a full page
// load (a reload, the SDK's navigateToDashboard) carries no credential;
// the frame's script gets a single-use, one-minute ticket with the header
// and loads the page with it.
func TestNavigationTicket(t *testing.T) {
	t.Parallel()
	clk := newClock()
	ts := startServer(t, withClock(clk), withConsoleFailures(1, 5))
	ts.createDashboard(t, "sales", "Sales")
	u := ts.mint(t, "admin", "/start")
	other := ts.mint(t, "admin", "/start")
	token, _ := ts.signOn(t, u, -1)
	otherToken, _ := ts.signOn(t, other, -1)

	// Only the header gets a ticket: a cross-site page can't send it.
	if status, _ := ts.navigationTicket(t, u, token, ""); status != http.StatusForbidden {
		t.Errorf("ticket with the cookie alone: %d, want 403", status)
	}
	if status, _ := ts.navigationTicket(t, u, "", otherToken); status != http.StatusUnauthorized {
		t.Errorf("ticket with another sid's token: %d, want 401", status)
	}

	// A ticket opens one page load of its session, with no cookie set.
	_, ticket := ts.navigationTicket(t, u, "", token)
	p := ts.open(t, u.page("/dashboards/sales?contextId=c1&sgTicket="+ticket))
	p.wantConsole(t, "DASHBOARD", token)
	if sc := p.Header.Values("Set-Cookie"); len(sc) != 0 {
		t.Errorf("a ticket sets cookies: %q", sc)
	}
	// Once.
	ts.open(t, u.page("/dashboards/sales?sgTicket="+ticket)).wantErrorPage(t, http.StatusUnauthorized, "Unauthorized")

	// Only on its sid (and it is spent there).
	_, ticket = ts.navigationTicket(t, u, "", token)
	ts.open(t, other.page("/start?sgTicket="+ticket)).wantErrorPage(t, http.StatusUnauthorized, "Unauthorized")
	ts.open(t, u.page("/start?sgTicket="+ticket)).wantErrorPage(t, http.StatusUnauthorized, "Unauthorized")

	// For a minute. (The failures above are forgiven first.)
	clk.Advance(5 * time.Minute)
	_, ticket = ts.navigationTicket(t, u, "", token)
	clk.Advance(61 * time.Second)
	ts.open(t, u.page("/start?sgTicket="+ticket)).wantErrorPage(t, http.StatusUnauthorized, "Unauthorized")

	// Not past its session's end.
	clk.Advance(5 * time.Minute)
	_, ticket = ts.navigationTicket(t, u, "", token)
	if p := ts.browse(t, http.MethodPost, u.page("/signout"), "", token); p.Status != http.StatusSeeOther {
		t.Fatalf("sign out: %d", p.Status)
	}
	ts.open(t, u.page("/start?sgTicket="+ticket)).wantErrorPage(t, http.StatusUnauthorized, "Unauthorized")
	if status, _ := ts.navigationTicket(t, u, "", token); status != http.StatusUnauthorized {
		t.Errorf("ticket after sign-out: %d, want 401", status)
	}

	// A page load with no credential at all guesses nothing: it is not a
	// failure (the script resumes its session from it), however often.
	clk.Advance(5 * time.Minute)
	for range 5 {
		ts.open(t, other.page("/start")).wantErrorPage(t, http.StatusUnauthorized, "Unauthorized")
	}
	_, ticket = ts.navigationTicket(t, other, "", otherToken)
	if p := ts.open(t, other.page("/start?sgTicket="+ticket)); !strings.Contains(p.Body, `data-page-type="START"`) {
		t.Fatalf("after credential-less loads: %d\n%s", p.Status, p.Body)
	}
}
