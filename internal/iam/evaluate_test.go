package iam

import "testing"

func mustParse(t testing.TB, doc string) *Policy {
	t.Helper()
	p, err := ParsePolicy([]byte(doc))
	if err != nil {
		t.Fatalf("ParsePolicy(%s): %v", doc, err)
	}
	return p
}

func TestEvaluate(t *testing.T) {
	const (
		acct  = "arn:aws:quicksight:us-east-1:123456789012:"
		alice = acct + "user/default/alice"
		bob   = acct + "user/default/bob"
		dash  = acct + "dashboard/sales"
	)
	allowAll := `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"quicksight:*","Resource":"*"}}`
	readUsers := `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":["quicksight:Describe*","quicksight:ListUsers"],"Resource":"` + acct + `user/default/*"}}`
	denyBob := `{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Resource":"` + bob + `"}}`
	denyDeletes := `{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"quicksight:Delete*","Resource":"*"}]}`
	allowButDeletes := `{"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":["quicksight:Delete*","quicksight:Update*"],"Resource":"*"}}`
	allowButDashboards := `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"quicksight:*","NotResource":"` + acct + `dashboard/*"}}`
	denyOutsideUsers := `{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"quicksight:*","NotResource":["` + acct + `user/*"]}}`
	denyAllButEmbed := `{"Version":"2012-10-17","Statement":{"Effect":"Deny","NotAction":"quicksight:GetSessionEmbedUrl","Resource":"*"}}`
	mixed := `{"Version":"2012-10-17","Statement":[
		{"Sid":"Read","Effect":"Allow","Action":"quicksight:Describe*","Resource":"*"},
		{"Sid":"NoBob","Effect":"Deny","Action":"quicksight:DescribeUser","Resource":"` + bob + `"}]}`

	tests := []struct {
		name     string
		policies []string
		action   string
		resource string
		want     Decision
	}{
		{"no policies", nil, "quicksight:DescribeUser", alice, ImplicitDeny},
		{"allow", []string{allowAll}, "quicksight:DescribeUser", alice, Allow},
		{"other service", []string{allowAll}, "s3:GetObject", alice, ImplicitDeny},
		{"action case-insensitive", []string{readUsers}, "QuickSight:describeuser", alice, Allow},
		{"action prefix", []string{readUsers}, "quicksight:DescribeDashboard", alice, Allow},
		{"action not listed", []string{readUsers}, "quicksight:DeleteUser", alice, ImplicitDeny},
		{"resource not covered", []string{readUsers}, "quicksight:DescribeUser", dash, ImplicitDeny},
		{"resource case-sensitive", []string{readUsers}, "quicksight:DescribeUser", "arn:aws:quicksight:us-east-1:123456789012:User/default/alice", ImplicitDeny},
		{"deny beats allow across policies", []string{allowAll, denyBob}, "quicksight:DescribeUser", bob, ExplicitDeny},
		{"deny first, allow later", []string{denyBob, allowAll}, "quicksight:DescribeUser", bob, ExplicitDeny},
		{"deny elsewhere, allow here", []string{allowAll, denyBob}, "quicksight:DescribeUser", alice, Allow},
		{"deny within one policy", []string{mixed}, "quicksight:DescribeUser", bob, ExplicitDeny},
		{"allow within one policy", []string{mixed}, "quicksight:DescribeUser", alice, Allow},
		{"deny without allow", []string{denyDeletes}, "quicksight:DeleteUser", alice, ExplicitDeny},
		{"deny not applying, no allow", []string{denyDeletes}, "quicksight:DescribeUser", alice, ImplicitDeny},
		{"deny action case-insensitive", []string{allowAll, denyDeletes}, "QUICKSIGHT:deleteuser", alice, ExplicitDeny},
		{"NotAction allows the rest", []string{allowButDeletes}, "quicksight:DescribeUser", alice, Allow},
		{"NotAction allows other services", []string{allowButDeletes}, "s3:GetObject", alice, Allow},
		{"NotAction excludes", []string{allowButDeletes}, "quicksight:DeleteUser", alice, ImplicitDeny},
		{"NotAction excludes, case-insensitive", []string{allowButDeletes}, "quicksight:updateUser", alice, ImplicitDeny},
		{"NotResource allows the rest", []string{allowButDashboards}, "quicksight:DescribeUser", alice, Allow},
		{"NotResource excludes", []string{allowButDashboards}, "quicksight:DescribeDashboard", dash, ImplicitDeny},
		{"Deny NotResource denies outside", []string{allowAll, denyOutsideUsers}, "quicksight:DescribeDashboard", dash, ExplicitDeny},
		{"Deny NotResource spares inside", []string{allowAll, denyOutsideUsers}, "quicksight:DescribeUser", alice, Allow},
		{"Deny NotAction denies the rest", []string{allowAll, denyAllButEmbed}, "quicksight:DescribeUser", alice, ExplicitDeny},
		{"Deny NotAction spares the exception", []string{allowAll, denyAllButEmbed}, "quicksight:GetSessionEmbedUrl", alice, Allow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var policies []*Policy
			for _, doc := range tt.policies {
				policies = append(policies, mustParse(t, doc))
			}
			if got := Evaluate(policies, tt.action, tt.resource); got != tt.want {
				t.Errorf("Evaluate(%q, %q) = %v, want %v", tt.action, tt.resource, got, tt.want)
			}
		})
	}
}

func TestEvaluateEdgeCases(t *testing.T) {
	if got := Evaluate([]*Policy{nil, {}}, "quicksight:DescribeUser", "*"); got != ImplicitDeny {
		t.Errorf("nil and empty policies: %v, want ImplicitDeny", got)
	}
	// A statement with neither Actions nor NotActions covers nothing.
	p := &Policy{Statements: []Statement{{Effect: EffectAllow, Resources: []string{"*"}}}}
	if got := Evaluate([]*Policy{p}, "quicksight:DescribeUser", "*"); got != ImplicitDeny {
		t.Errorf("statement without actions: %v, want ImplicitDeny", got)
	}
	// An unknown effect grants nothing.
	p = &Policy{Statements: []Statement{{Effect: "allow", Actions: []string{"*"}, Resources: []string{"*"}}}}
	if got := Evaluate([]*Policy{p}, "quicksight:DescribeUser", "*"); got != ImplicitDeny {
		t.Errorf("unknown effect: %v, want ImplicitDeny", got)
	}
}

func TestDecisionString(t *testing.T) {
	for d, want := range map[Decision]string{ImplicitDeny: "ImplicitDeny", Allow: "Allow", ExplicitDeny: "ExplicitDeny", 7: "Decision(7)"} {
		if got := d.String(); got != want {
			t.Errorf("Decision(%d).String() = %q, want %q", int(d), got, want)
		}
	}
	var zero Decision
	if zero != ImplicitDeny {
		t.Error("the zero Decision is not ImplicitDeny")
	}
}
