package sqlkit

import (
	"strings"

	sg "github.com/sightglass/sightglass"
)

// TagTarget is the row a tagged resource is: its table and the values of
// its key columns after account_id.
type TagTarget struct {
	Table   string
	Columns []string
	Values  []any
}

// TagTargetOf returns the row that a resource name (the resource part of
// an ARN, as TagStore names resources) is, or false for a name that is not
// a taggable resource.
func TagTargetOf(resource string) (TagTarget, bool) {
	kind, rest, ok := strings.Cut(resource, "/")
	if !ok || rest == "" {
		return TagTarget{}, false
	}
	switch kind {
	case "analysis":
		return TagTarget{"analyses", []string{"id"}, []any{rest}}, true
	case "dashboard":
		return TagTarget{"dashboards", []string{"id"}, []any{rest}}, true
	case "dataset":
		return TagTarget{"data_sets", []string{"id"}, []any{rest}}, true
	case "datasource":
		return TagTarget{"data_sources", []string{"id"}, []any{rest}}, true
	case "theme":
		return TagTarget{"themes", []string{"id"}, []any{rest}}, true
	case "custompermissions":
		return TagTarget{"custom_permissions", []string{"name"}, []any{rest}}, true
	case "user":
		ns, name, ok := strings.Cut(rest, "/")
		if !ok || ns == "" || name == "" {
			return TagTarget{}, false
		}
		return TagTarget{"users", []string{"namespace", "user_name"}, []any{ns, name}}, true
	}
	return TagTarget{}, false
}

// TaggedNotFound is the error for a tagged resource that does not exist.
func TaggedNotFound(accountID, resource string) *sg.Error {
	return sg.Errorf(sg.ENOTFOUND, "Resource %s doesn't exist in account %s.", resource, accountID)
}

// TagLimit is the error for a resource that would have too many tags.
func TagLimit(max int) *sg.Error {
	return sg.Errorf(sg.ELIMIT, "A resource can have at most %d tags.", max)
}

// PasswordNotFound is the error for a user without a password (or
// without the registration a password was set for).
func PasswordNotFound(accountID, namespace, userName string) *sg.Error {
	return sg.Errorf(sg.ENOTFOUND, "User %s in namespace %s of account %s has no password.", userName, namespace, accountID)
}
