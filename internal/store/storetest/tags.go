package storetest

import (
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

// testTags: a create call's tags become the resource's tags; TagResource
// adds and replaces, within the limit, atomically; UntagResource removes;
// every call on a resource that does not exist is ENOTFOUND; and a
// resource's tags go with it (delete, purge), so that a new resource of
// the same name starts with its own tags alone.
func testTags(t *testing.T, s sg.Store) {
	ctx := t.Context()
	acct := newAccountID()
	tags := []sg.Tag{{Key: "team", Value: "bi"}, {Key: "env", Value: "prod"}}
	sorted := []sg.Tag{{Key: "env", Value: "prod"}, {Key: "team", Value: "bi"}}

	an := asAnalysis(newContent(acct, "an"))
	an.Tags = tags
	must(t, "CreateAnalysis", s.CreateAnalysis(ctx, an))
	d := newContent(acct, "dash")
	d.Tags = tags
	must(t, "CreateDashboard", s.CreateDashboard(ctx, d))
	ds := newDataSource(acct, "src")
	ds.Tags = tags
	must(t, "CreateDataSource", s.CreateDataSource(ctx, ds))
	set := newDataSet(acct, "set")
	set.Tags = tags
	must(t, "CreateDataSet", s.CreateDataSet(ctx, set))
	cp := newCustomPermissions(acct, "cp")
	cp.Tags = tags
	must(t, "CreateCustomPermissions", s.CreateCustomPermissions(ctx, cp))
	u := newUser(acct, "alice")
	u.Tags = tags
	must(t, "CreateUser", s.CreateUser(ctx, u))
	untagged := asAnalysis(newContent(acct, "plain"))
	untagged.Tags = nil
	must(t, "CreateAnalysis plain", s.CreateAnalysis(ctx, untagged))

	resources := []string{"analysis/an", "dashboard/dash", "datasource/src", "dataset/set", "custompermissions/cp", "user/default/alice"}
	for _, r := range resources {
		got, err := s.ListTags(ctx, acct, r)
		must(t, "ListTags "+r, err)
		same(t, "ListTags "+r, got, sorted)
	}
	got, err := s.ListTags(ctx, acct, "analysis/plain")
	must(t, "ListTags plain", err)
	same(t, "ListTags plain", got, []sg.Tag{})

	t.Run("TagUntag", func(t *testing.T) {
		r := "dashboard/dash"
		must(t, "TagResource", s.TagResource(ctx, acct, r, []sg.Tag{{Key: "team", Value: "sales"}, {Key: "a", Value: "1"}}, sg.MaxResourceTags))
		got, err := s.ListTags(ctx, acct, r)
		must(t, "ListTags", err)
		same(t, "after TagResource", got, []sg.Tag{{Key: "a", Value: "1"}, {Key: "env", Value: "prod"}, {Key: "team", Value: "sales"}})
		must(t, "UntagResource", s.UntagResource(ctx, acct, r, []string{"a", "missing", "env"}))
		got, err = s.ListTags(ctx, acct, r)
		must(t, "ListTags", err)
		same(t, "after UntagResource", got, []sg.Tag{{Key: "team", Value: "sales"}})
	})

	t.Run("Limit", func(t *testing.T) {
		r := "dataset/set" // has 2 tags
		var more []sg.Tag
		for i := range 3 {
			more = append(more, sg.Tag{Key: string(rune('k' + i)), Value: "v"})
		}
		wantCode(t, "TagResource over the limit", s.TagResource(ctx, acct, r, more, 4), sg.ELIMIT)
		got, err := s.ListTags(ctx, acct, r)
		must(t, "ListTags", err)
		same(t, "after a refused TagResource", got, sorted)
		// Replacing a value does not count twice.
		must(t, "TagResource at the limit", s.TagResource(ctx, acct, r, append(more[:2], sg.Tag{Key: "env", Value: "dev"}), 4))
	})

	t.Run("NotFound", func(t *testing.T) {
		for _, r := range []string{"analysis/nope", "dashboard/nope", "dataset/nope", "datasource/nope", "custompermissions/nope", "user/default/nope", "user/nope", "theme/x", "analysis/"} {
			_, err := s.ListTags(ctx, acct, r)
			wantCode(t, "ListTags "+r, err, sg.ENOTFOUND)
			wantCode(t, "TagResource "+r, s.TagResource(ctx, acct, r, tags, sg.MaxResourceTags), sg.ENOTFOUND)
			wantCode(t, "UntagResource "+r, s.UntagResource(ctx, acct, r, []string{"team"}), sg.ENOTFOUND)
		}
		_, err := s.ListTags(ctx, newAccountID(), "analysis/an")
		wantCode(t, "ListTags of another account", err, sg.ENOTFOUND)
	})

	t.Run("GoneWithResource", func(t *testing.T) {
		must(t, "DeleteAnalysis", s.DeleteAnalysis(ctx, acct, "an"))
		must(t, "DeleteDashboard", s.DeleteDashboard(ctx, acct, "dash"))
		must(t, "DeleteDataSource", s.DeleteDataSource(ctx, acct, "src"))
		must(t, "DeleteDataSet", s.DeleteDataSet(ctx, acct, "set"))
		must(t, "DeleteCustomPermissions", s.DeleteCustomPermissions(ctx, acct, "cp"))
		must(t, "DeleteUser", s.DeleteUser(ctx, acct, sg.DefaultNamespace, "alice"))
		// Recreated without tags: none of the old ones come back.
		an := asAnalysis(newContent(acct, "an"))
		an.Tags = nil
		must(t, "CreateAnalysis again", s.CreateAnalysis(ctx, an))
		d := newContent(acct, "dash")
		d.Tags = []sg.Tag{{Key: "new", Value: "1"}}
		must(t, "CreateDashboard again", s.CreateDashboard(ctx, d))
		u := newUser(acct, "alice")
		u.Tags = nil
		must(t, "CreateUser again", s.CreateUser(ctx, u))
		for r, want := range map[string][]sg.Tag{"analysis/an": {}, "dashboard/dash": {{Key: "new", Value: "1"}}, "user/default/alice": {}} {
			got, err := s.ListTags(ctx, acct, r)
			must(t, "ListTags "+r, err)
			same(t, "ListTags of recreated "+r, got, want)
		}
		// A purged analysis's tags go too.
		gone := asAnalysis(newContent(acct, "purged"))
		gone.Tags = tags
		gone.DeleteAt = at(time.Hour)
		must(t, "CreateAnalysis purged", s.CreateAnalysis(ctx, gone))
		_, err := s.PurgeAnalyses(ctx, at(2*time.Hour))
		must(t, "PurgeAnalyses", err)
		gone.Tags, gone.DeleteAt = nil, time.Time{}
		must(t, "CreateAnalysis after purge", s.CreateAnalysis(ctx, gone))
		got, err := s.ListTags(ctx, acct, "analysis/purged")
		must(t, "ListTags purged", err)
		same(t, "ListTags after purge", got, []sg.Tag{})
	})
}

// testPasswords: a password is set only for the registration (principal
// id) it names, replaced by a later set, and deleted with its user.
func testPasswords(t *testing.T, s sg.Store) {
	ctx := t.Context()
	acct := newAccountID()
	u := newUser(acct, "bob")
	must(t, "CreateUser", s.CreateUser(ctx, u))
	p := &sg.UserPassword{AccountID: acct, Namespace: u.Namespace, UserName: "bob", PrincipalID: u.PrincipalID, Hash: "$argon2id$one", UpdatedAt: at(time.Minute)}
	_, err := s.FindUserPassword(ctx, acct, u.Namespace, "bob")
	wantCode(t, "FindUserPassword before", err, sg.ENOTFOUND)
	wrong := *p
	wrong.PrincipalID = "federated/quicksight/other"
	wantCode(t, "SetUserPassword of another registration", s.SetUserPassword(ctx, &wrong), sg.ENOTFOUND)
	nobody := *p
	nobody.UserName = "nobody"
	wantCode(t, "SetUserPassword of no user", s.SetUserPassword(ctx, &nobody), sg.ENOTFOUND)
	must(t, "SetUserPassword", s.SetUserPassword(ctx, p))
	p.Hash, p.UpdatedAt = "$argon2id$two", at(2*time.Minute)
	must(t, "SetUserPassword again", s.SetUserPassword(ctx, p))
	got, err := s.FindUserPassword(ctx, acct, u.Namespace, "bob")
	must(t, "FindUserPassword", err)
	want := *p
	want.UpdatedAt = ms(p.UpdatedAt)
	same(t, "FindUserPassword", got, &want)
	must(t, "DeleteUser", s.DeleteUser(ctx, acct, u.Namespace, "bob"))
	must(t, "CreateUser again", s.CreateUser(ctx, u))
	_, err = s.FindUserPassword(ctx, acct, u.Namespace, "bob")
	wantCode(t, "FindUserPassword after the user was deleted", err, sg.ENOTFOUND)
}

// testTagDeleteRace races TagResource against the resource's delete: the
// tag call either fails with ENOTFOUND or its tags go with the resource,
// so the resource created again under the same name has no tags.
func testTagDeleteRace(t *testing.T, s sg.Store) {
	ctx := t.Context()
	acct := newAccountID()
	for i := range 40 {
		d := newContent(acct, "race")
		d.Tags = nil
		must(t, "CreateDashboard", s.CreateDashboard(ctx, d))
		errs := make(chan error, 2)
		go func() {
			errs <- s.TagResource(ctx, acct, "dashboard/race", []sg.Tag{{Key: "k", Value: "v"}}, sg.MaxResourceTags)
		}()
		go func() { errs <- s.DeleteDashboard(ctx, acct, "race") }()
		for range 2 {
			if err := <-errs; err != nil && sg.ErrorCode(err) != sg.ENOTFOUND {
				t.Fatalf("round %d: %v", i, err)
			}
		}
		must(t, "CreateDashboard again", s.CreateDashboard(ctx, d))
		got, err := s.ListTags(ctx, acct, "dashboard/race")
		must(t, "ListTags", err)
		same(t, "tags of the dashboard created again", got, []sg.Tag{})
		must(t, "DeleteDashboard", s.DeleteDashboard(ctx, acct, "race"))
	}
}
