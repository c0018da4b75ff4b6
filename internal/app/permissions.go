package app

import (
	"fmt"
	"slices"

	sg "github.com/sightglass/sightglass"
)

// checkPermissions validates a ResourcePermission list: 1..64 entries,
// each with a principal ARN (1..256) and 1..20 actions.
func checkPermissions(member string, perms []sg.ResourcePermission) error {
	if perms == nil {
		return nil
	}
	if len(perms) < 1 || len(perms) > 64 {
		return invalid(member, fmt.Sprint(len(perms)), "Member must have length between 1 and 64")
	}
	for i, p := range perms {
		m := fmt.Sprintf("%s.%d.member", member, i+1)
		if err := checkLen(m+".principal", p.Principal, 1, 256); err != nil {
			return err
		}
		if _, ok := sg.ParseARN(p.Principal); !ok {
			return sg.Errorf(sg.EINVALID, "Principal %q at '%s.principal' is not an ARN.", p.Principal, m)
		}
		if len(p.Actions) < 1 || len(p.Actions) > 20 {
			return invalid(m+".actions", fmt.Sprint(len(p.Actions)), "Member must have length between 1 and 20")
		}
		for _, act := range p.Actions {
			if err := checkLen(m+".actions", act, 1, 256); err != nil {
				return err
			}
		}
	}
	return nil
}

// mergePermissions applies grants then revokes to perms and returns the
// new list (never nil): a grant adds actions to a principal (or the
// principal), a revoke removes actions and drops a principal left with none.
func mergePermissions(perms, grant, revoke []sg.ResourcePermission) ([]sg.ResourcePermission, error) {
	out := make([]sg.ResourcePermission, 0, len(perms)+len(grant))
	for _, p := range perms {
		out = append(out, sg.ResourcePermission{Principal: p.Principal, Actions: slices.Clone(p.Actions)})
	}
	find := func(principal string) int {
		return slices.IndexFunc(out, func(p sg.ResourcePermission) bool { return p.Principal == principal })
	}
	for _, g := range grant {
		i := find(g.Principal)
		if i < 0 {
			out = append(out, sg.ResourcePermission{Principal: g.Principal})
			i = len(out) - 1
		}
		for _, act := range g.Actions {
			if !slices.Contains(out[i].Actions, act) {
				out[i].Actions = append(out[i].Actions, act)
			}
		}
	}
	for _, r := range revoke {
		i := find(r.Principal)
		if i < 0 {
			continue
		}
		out[i].Actions = slices.DeleteFunc(out[i].Actions, func(act string) bool { return slices.Contains(r.Actions, act) })
		if len(out[i].Actions) == 0 {
			out = slices.Delete(out, i, i+1)
		}
	}
	if len(out) > 64 {
		return nil, sg.Errorf(sg.EINVALID, "A resource can have at most 64 principals in its permissions; this update would give it %d.", len(out))
	}
	return out, nil
}
