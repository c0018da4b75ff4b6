package storetest

import (
	"context"
	"slices"
	"testing"

	sg "github.com/sightglass/sightglass"
)

// pageKeys are keys whose byte order differs from case-insensitive,
// numeric and locale-aware orders: upper before lower case, digits as
// text, punctuation, spaces, '/', and multi-byte UTF-8 after ASCII.
var pageKeys = []string{
	"Zed", "alice", "bob name/x", "é", "bob", "bob/x", "bob name", "10", "9", "0",
	"A", "a", "Á", "ü", "日本", "z", "_", "a b", "a-b", "a.b", "a/b", "a@b", "~tilde", "Ω",
}

// lister lists one page of keys.
type lister func(ctx context.Context, p sg.Page) ([]string, bool, error)

func testPagination(t *testing.T, s sg.Store) {
	ctx := t.Context()
	want := slices.Sorted(slices.Values(pageKeys))

	t.Run("Users", func(t *testing.T) {
		acct := newAccountID()
		for _, k := range pageKeys {
			u := newUser(acct, k)
			must(t, "CreateUser "+k, s.CreateUser(ctx, u))
		}
		// Neither another namespace nor another account leaks in.
		o := newUser(acct, "b-other-namespace")
		o.Namespace = "other"
		must(t, "CreateUser", s.CreateUser(ctx, o))
		must(t, "CreateUser", s.CreateUser(ctx, newUser(newAccountID(), "b-other-account")))

		checkPages(t, want, func(ctx context.Context, p sg.Page) ([]string, bool, error) {
			users, more, err := s.ListUsers(ctx, acct, sg.DefaultNamespace, p)
			if err != nil {
				return nil, false, err
			}
			keys := []string{}
			for _, u := range users {
				if u.AccountID != acct || u.Namespace != sg.DefaultNamespace {
					t.Fatalf("ListUsers returned %s/%s/%s", u.AccountID, u.Namespace, u.UserName)
				}
				keys = append(keys, u.UserName)
			}
			if users == nil {
				keys = nil
			}
			return keys, more, nil
		})

		// Pages carry whole records.
		users, _, err := s.ListUsers(ctx, acct, sg.DefaultNamespace, sg.Page{After: "bob", Limit: 1})
		must(t, "ListUsers", err)
		same(t, "ListUsers record", users, []*sg.User{storedUser(newUser(acct, "bob name"))})
	})

	t.Run("CustomPermissions", func(t *testing.T) {
		acct := newAccountID()
		for _, k := range pageKeys {
			must(t, "CreateCustomPermissions "+k, s.CreateCustomPermissions(ctx, newCustomPermissions(acct, k)))
		}
		must(t, "CreateCustomPermissions", s.CreateCustomPermissions(ctx, newCustomPermissions(newAccountID(), "b-other-account")))

		checkPages(t, want, func(ctx context.Context, p sg.Page) ([]string, bool, error) {
			list, more, err := s.ListCustomPermissions(ctx, acct, p)
			if err != nil {
				return nil, false, err
			}
			keys := []string{}
			for _, c := range list {
				if c.AccountID != acct {
					t.Fatalf("ListCustomPermissions returned %s/%s", c.AccountID, c.Name)
				}
				keys = append(keys, c.Name)
			}
			if list == nil {
				keys = nil
			}
			return keys, more, nil
		})

		list, _, err := s.ListCustomPermissions(ctx, acct, sg.Page{After: "Zed", Limit: 1})
		must(t, "ListCustomPermissions", err)
		same(t, "ListCustomPermissions record", list, []*sg.CustomPermissions{storedCustomPermissions(newCustomPermissions(acct, "_"))})
	})

	for _, k := range contentKinds(s) {
		t.Run(k.name, func(t *testing.T) {
			acct := newAccountID()
			for _, key := range pageKeys {
				must(t, "Create"+k.name+" "+key, k.create(ctx, newContent(acct, key)))
			}
			must(t, "Create"+k.name, k.create(ctx, newContent(newAccountID(), "b-other-account")))

			checkPages(t, want, func(ctx context.Context, p sg.Page) ([]string, bool, error) {
				list, more, err := k.list(ctx, acct, p)
				if err != nil {
					return nil, false, err
				}
				keys := []string{}
				for _, d := range list {
					if d.AccountID != acct {
						t.Fatalf("List %s returned %s/%s", k.name, d.AccountID, d.ID)
					}
					keys = append(keys, d.ID)
				}
				if list == nil {
					keys = nil
				}
				return keys, more, nil
			})

			list, _, err := k.list(ctx, acct, sg.Page{After: "alice", Limit: 1})
			must(t, "List "+k.name, err)
			same(t, "List "+k.name+" record", list, []*sg.Dashboard{storedContent(newContent(acct, "bob"))})
		})
	}

	t.Run("EmptyList", func(t *testing.T) {
		acct := newAccountID()
		users, more, err := s.ListUsers(ctx, acct, sg.DefaultNamespace, sg.Page{Limit: 10})
		must(t, "ListUsers", err)
		if users == nil || len(users) != 0 || more {
			t.Errorf("ListUsers of an empty account = %#v, %v; want empty non-nil, false", users, more)
		}
		list, more, err := s.ListCustomPermissions(ctx, acct, sg.Page{})
		must(t, "ListCustomPermissions", err)
		if list == nil || len(list) != 0 || more {
			t.Errorf("ListCustomPermissions of an empty account = %#v, %v; want empty non-nil, false", list, more)
		}
		for _, k := range contentKinds(s) {
			list, more, err := k.list(ctx, acct, sg.Page{Limit: 1})
			must(t, "List "+k.name, err)
			if list == nil || len(list) != 0 || more {
				t.Errorf("List %s of an empty account = %#v, %v; want empty non-nil, false", k.name, list, more)
			}
		}
	})
}

// checkPages walks list with several page sizes and checks every page
// against want (all keys in order).
func checkPages(t *testing.T, want []string, list lister) {
	t.Helper()
	ctx := t.Context()
	n := len(want)
	for _, limit := range []int{1, 2, 3, 7, n - 1, n, n + 1, 100} {
		var got []string
		after, pages := "", 0
		for {
			page, more, err := list(ctx, sg.Page{After: after, Limit: limit})
			must(t, "list", err)
			pages++
			start := len(got)
			wantLen := min(limit, n-start)
			if page == nil || len(page) != wantLen {
				t.Fatalf("limit %d, page %d after %q: %d keys %q, want %d", limit, pages, after, len(page), page, wantLen)
			}
			got = append(got, page...)
			if wantMore := len(got) < n; more != wantMore {
				t.Fatalf("limit %d, page %d after %q: more = %v, want %v", limit, pages, after, more, wantMore)
			}
			if !more {
				break
			}
			after = page[len(page)-1]
		}
		same(t, "keys in pages", got, want)
		if wantPages := max(1, (n+limit-1)/limit); pages != wantPages {
			t.Errorf("limit %d: %d pages, want %d", limit, pages, wantPages)
		}
	}

	// No limit: everything, no more.
	page, more, err := list(ctx, sg.Page{})
	must(t, "list without limit", err)
	if same(t, "keys without limit", page, want); more {
		t.Errorf("list without limit: more = true")
	}
	page, more, err = list(ctx, sg.Page{After: want[2], Limit: -1})
	must(t, "list with negative limit", err)
	if same(t, "keys with negative limit", page, want[3:]); more {
		t.Errorf("list with negative limit: more = true")
	}

	// After a key that is not stored: the keys that sort after it.
	for _, after := range []string{"b", "a0", "Zz", "\u00e9\u00e9", "bob name/", "\U0010FFFF"} {
		var rest []string
		for _, k := range want {
			if k > after {
				rest = append(rest, k)
			}
		}
		page, more, err := list(ctx, sg.Page{After: after, Limit: 100})
		must(t, "list after "+after, err)
		if rest == nil {
			rest = []string{}
		}
		same(t, "keys after "+after, page, rest)
		if more {
			t.Errorf("list after %q: more = true", after)
		}
	}
}
