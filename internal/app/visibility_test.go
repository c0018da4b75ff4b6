package app

import (
	"fmt"
	"testing"

	sg "github.com/sightglass/sightglass"
)

func TestCanSee(t *testing.T) {
	const acct = "123456789012"
	arn := func(kind, ns, name string) string { return sg.QuickSightARN("us-east-1", acct, kind+"/"+ns+"/"+name) }
	shared := func(principals ...string) []sg.ResourcePermission {
		var out []sg.ResourcePermission
		for _, p := range principals {
			out = append(out, sg.ResourcePermission{Principal: p, Actions: []string{"quicksight:DescribeDashboard"}})
		}
		return out
	}
	for _, groups := range []int{0, 3, setFrom, 40} { // short lists and sets
		list := []string{arn("user", "t1", "tina")}
		for i := range groups {
			list = append(list, arn("group", "t1", fmt.Sprint("g", i)))
		}
		p := newPrincipalSet(list)
		if (p.set != nil) != (len(list) >= setFrom) {
			t.Fatalf("%d principals: set %v", len(list), p.set != nil)
		}
		reader := &sg.User{AccountID: acct, Namespace: "t1", UserName: "tina", Role: sg.RoleReader}
		admin := &sg.User{AccountID: acct, Namespace: "t1", UserName: "tina", Role: sg.RoleAdmin}
		for _, tc := range []struct {
			name  string
			u     *sg.User
			perms []sg.ResourcePermission
			want  bool
		}{
			{"own ARN", reader, shared(arn("user", "default", "x"), arn("user", "t1", "tina")), true},
			{"same name, other namespace", reader, shared(arn("user", "default", "tina")), false},
			{"nothing", reader, nil, false},
			{"last group", reader, shared(arn("group", "t1", fmt.Sprint("g", groups-1))), groups > 0},
			{"a group of another namespace", reader, shared(arn("group", "default", "g0")), false},
			{"another namespace's admin", admin, shared(arn("user", "default", "x")), false},
			{"the default namespace's admin", &sg.User{AccountID: acct, Namespace: sg.DefaultNamespace, UserName: "a", Role: sg.RoleAdminPro}, nil, true},
		} {
			if got := canSee(tc.u, p, tc.perms); got != tc.want {
				t.Errorf("%d groups, %s: canSee = %v, want %v", groups, tc.name, got, tc.want)
			}
		}
	}
}

func TestConsoleCheckShare(t *testing.T) {
	a := &App{Region: "us-east-1"}
	u := &sg.User{AccountID: "123456789012", Namespace: "t1", UserName: "tina", Role: sg.RoleAuthor}
	ok := []sg.ResourcePermission{
		{Principal: sg.UserARN("us-east-1", u.AccountID, "t1", "tom")},
		{Principal: sg.GroupARN("us-east-1", u.AccountID, "t1", "readers")},
	}
	if err := a.ConsoleCheckShare(u, ok); err != nil {
		t.Fatalf("same namespace: %v", err)
	}
	for _, p := range []string{
		sg.UserARN("us-east-1", u.AccountID, "default", "tom"),
		sg.GroupARN("us-east-1", u.AccountID, "default", "readers"),
		sg.GroupARN("us-east-1", "210987654321", "t1", "readers"),
		sg.NamespaceARN("us-east-1", u.AccountID, "t1"),
		"not an arn",
	} {
		err := a.ConsoleCheckShare(u, []sg.ResourcePermission{{Principal: p}})
		if sg.ErrorCode(err) != sg.EINVALID {
			t.Errorf("%s: %v, want %s", p, err, sg.EINVALID)
		}
	}
}
