package iam

import "strconv"

// Decision is the outcome of evaluating policies for a request.
type Decision int

// Decisions. The zero value denies.
const (
	ImplicitDeny Decision = iota // no statement allows the request
	Allow                        // a statement allows it and none denies it
	ExplicitDeny                 // a statement denies it
)

func (d Decision) String() string {
	switch d {
	case ImplicitDeny:
		return "ImplicitDeny"
	case Allow:
		return "Allow"
	case ExplicitDeny:
		return "ExplicitDeny"
	}
	return "Decision(" + strconv.Itoa(int(d)) + ")"
}

// Evaluate decides whether policies let a principal perform action (such as
// "quicksight:DescribeUser") on resource (an ARN): ExplicitDeny if a Deny
// statement of any policy applies, otherwise Allow if an Allow statement
// applies, otherwise ImplicitDeny. Nil policies are skipped. It does not
// allocate.
func Evaluate(policies []*Policy, action, resource string) Decision {
	d := ImplicitDeny
	for _, p := range policies {
		if p == nil {
			continue
		}
		for i := range p.Statements {
			s := &p.Statements[i]
			switch {
			case s.Effect == EffectDeny && s.applies(action, resource):
				return ExplicitDeny
			case s.Effect == EffectAllow && d == ImplicitDeny && s.applies(action, resource):
				d = Allow
			}
		}
	}
	return d
}

// applies reports whether s covers action on resource. A statement with
// neither Actions nor NotActions (or neither Resources nor NotResources),
// which ParsePolicy never returns, covers nothing.
func (s *Statement) applies(action, resource string) bool {
	if len(s.NotActions) > 0 {
		if anyMatch(s.NotActions, action, true) {
			return false
		}
	} else if !anyMatch(s.Actions, action, true) {
		return false
	}
	if len(s.NotResources) > 0 {
		return !anyMatch(s.NotResources, resource, false)
	}
	return anyMatch(s.Resources, resource, false)
}

// anyMatch reports whether name matches any of patterns; fold is set for
// actions, which ignore case.
func anyMatch(patterns []string, name string, fold bool) bool {
	for _, p := range patterns {
		if match(p, name, fold) {
			return true
		}
	}
	return false
}
