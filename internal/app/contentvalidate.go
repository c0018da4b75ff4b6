package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/apimodel"
	"github.com/sightglass/sightglass/internal/definition"
)

var (
	reAlnum      = regexp.MustCompile(`^[a-zA-Z0-9]+$`)
	reLinkEntity = regexp.MustCompile(`^arn:aws[\w\-]*:quicksight:[\w\-]+:\d+:analysis/[\w\-]{1,512}`)
)

// Actions a resource permission may grant on analyses and dashboards.
var (
	analysisActions = []string{
		"quicksight:RestoreAnalysis", "quicksight:UpdateAnalysisPermissions", "quicksight:DeleteAnalysis",
		"quicksight:DescribeAnalysisPermissions", "quicksight:QueryAnalysis", "quicksight:DescribeAnalysis",
		"quicksight:UpdateAnalysis",
	}
	dashboardActions = []string{
		"quicksight:DescribeDashboard", "quicksight:ListDashboardVersions", "quicksight:UpdateDashboardPermissions",
		"quicksight:QueryDashboard", "quicksight:UpdateDashboard", "quicksight:DeleteDashboard",
		"quicksight:DescribeDashboardPermissions", "quicksight:UpdateDashboardPublishedVersion",
	}
)

// checkResourceID validates a ShortRestrictiveResourceId member.
func checkResourceID(member, id string) error {
	return checkModel("ShortRestrictiveResourceId", member, id)
}

// ContentInput holds the members CreateAnalysis, UpdateAnalysis,
// CreateDashboard and UpdateDashboard share.
type ContentInput struct {
	Name string
	// Definition is the raw Definition member; nil when absent.
	Definition json.RawMessage
	// SourceEntity is the raw SourceEntity member; nil when absent.
	SourceEntity json.RawMessage
	// Parameters is the raw Parameters member (for templates); nil when absent.
	Parameters         json.RawMessage
	ThemeARN           string
	ValidationStrategy *ValidationStrategy
	Permissions        []sg.ResourcePermission
	Tags               []sg.Tag
	FolderARNs         []string

	// Dashboards only.
	VersionDescription string
	PublishOptions     json.RawMessage
	LinkEntities       []string

	// DefinitionModelChecked says the caller has already checked
	// Definition against the service model (the API checks every request
	// before the operation runs); other callers leave it false.
	DefinitionModelChecked bool
}

// ValidationStrategy is QuickSight's ValidationStrategy.
type ValidationStrategy struct {
	Mode string
}

func (in *ContentInput) lenient() bool {
	return in.ValidationStrategy != nil && in.ValidationStrategy.Mode == "LENIENT"
}

// checkContentInput validates the members of a create or update, parses
// the definition and checks its structure. dashboard selects the actions
// permissions may grant and the dashboard-only members.
func (a *App) checkContentInput(ctx context.Context, accountID string, in *ContentInput, dashboard bool) (*definition.Definition, error) {
	if in.Name == "" {
		return nil, required("name")
	}
	if err := checkLen("name", in.Name, 1, 2048); err != nil {
		return nil, err
	}
	if in.ValidationStrategy != nil {
		if in.ValidationStrategy.Mode == "" {
			return nil, required("validationStrategy.mode")
		}
		if err := checkModel("ValidationStrategyMode", "validationStrategy.mode", in.ValidationStrategy.Mode); err != nil {
			return nil, err
		}
	}
	actions := analysisActions
	if dashboard {
		actions = dashboardActions
	}
	if err := a.checkPermissions(ctx, accountID, "permissions", in.Permissions, 1, 64, actions); err != nil {
		return nil, err
	}
	if err := checkTags(in.Tags); err != nil {
		return nil, err
	}
	if len(in.FolderARNs) > 1 {
		return nil, invalid("folderArns", fmt.Sprint(len(in.FolderARNs)), "Member must have length less than or equal to 1")
	}
	if len(in.FolderARNs) == 1 {
		return nil, sg.Errorf(sg.ENOTFOUND, "Folder %s does not exist: Sightglass has no folders.", in.FolderARNs[0])
	}
	if dashboard {
		if in.VersionDescription != "" {
			if err := checkLen("versionDescription", in.VersionDescription, 1, 512); err != nil {
				return nil, err
			}
		}
		if len(in.LinkEntities) > 5 {
			return nil, invalid("linkEntities", fmt.Sprint(len(in.LinkEntities)), "Member must have length less than or equal to 5")
		}
		for i, l := range in.LinkEntities {
			member := fmt.Sprintf("linkEntities.%d.member", i+1)
			if err := checkLen(member, l, 1, 1024); err != nil {
				return nil, err
			}
			if !reLinkEntity.MatchString(l) {
				return nil, invalid(member, l, `Member must satisfy regular expression pattern: ^arn:aws[\w\-]*:quicksight:[\w\-]+:\d+:analysis/[\w\-]{1,512}`)
			}
		}
		if in.PublishOptions != nil && !isJSONObject(in.PublishOptions) {
			return nil, sg.Errorf(sg.EINVALID, "DashboardPublishOptions must be an object.")
		}
	}
	if in.SourceEntity != nil && !isNull(in.SourceEntity) {
		return nil, sg.Errorf(sg.EINVALID, "SourceEntity (creating from a template) is not supported by Sightglass. Send the content as a Definition instead.")
	}
	if in.Definition == nil || isNull(in.Definition) {
		return nil, sg.Errorf(sg.EINVALID, "Either a SourceEntity or a Definition must be provided; Sightglass supports Definition.")
	}
	if err := checkThemeARN(in.ThemeARN); err != nil {
		return nil, err
	}
	if err := a.checkThemeUsable(ctx, accountID, in.ThemeARN); err != nil {
		return nil, err
	}
	if !in.DefinitionModelChecked {
		if err := checkDefinitionModel(in.Definition, dashboard); err != nil {
			return nil, err
		}
	}
	def, err := definition.Parse(in.Definition)
	if err != nil {
		return nil, err
	}
	if err := def.Check(); err != nil {
		return nil, err
	}
	if err := checkParameters(in.Parameters, def); err != nil {
		return nil, err
	}
	return def, nil
}

// checkDefinitionModel checks a definition against the service model's
// constraints (required members, enums, lengths, patterns, ranges, unknown
// members), whichever path it came by: the API checks the whole request
// before this, the console and publishing do not.
func checkDefinitionModel(raw json.RawMessage, dashboard bool) error {
	shape := "AnalysisDefinition"
	if dashboard {
		shape = "DashboardVersionDefinition"
	}
	err := apimodel.ValidateJSON(shape, "definition", raw)
	if e, ok := errors.AsType[*apimodel.Error](err); ok {
		if e.Kind == apimodel.Validation {
			return sg.Errorf(sg.EVALIDATION, "%s", e.Message)
		}
		return sg.Errorf(sg.EINVALID, "%s", e.Message)
	}
	return err
}

var reThemeARN = regexp.MustCompile(`^arn:aws[\w\-]*:quicksight:[\w\-]*:[\w\-]*:theme/[\w\-]{1,512}$`)

// checkThemeARN accepts an absent theme or a theme ARN (Sightglass renders
// every theme with its own style).
func checkThemeARN(arn string) error {
	if arn != "" && !reThemeARN.MatchString(arn) {
		return sg.Errorf(sg.EINVALID, "ThemeArn %s is not the ARN of a theme.", arn)
	}
	return nil
}

// parameters is QuickSight's Parameters: values for declared parameters.
type parameters struct {
	StringParameters []struct {
		Name   *string
		Values []string
	}
	IntegerParameters []struct {
		Name   *string
		Values []int64
	}
	DecimalParameters []struct {
		Name   *string
		Values []float64
	}
	DateTimeParameters []struct {
		Name   *string
		Values []float64
	}
}

// checkParameters validates the Parameters member: each names a parameter
// the definition declares, with values.
func checkParameters(raw json.RawMessage, def *definition.Definition) error {
	if raw == nil || isNull(raw) {
		return nil
	}
	var p parameters
	if !isJSONObject(raw) || json.Unmarshal(raw, &p) != nil {
		return sg.Errorf(sg.EINVALID, "Parameters must be an object of StringParameters, IntegerParameters, DecimalParameters and DateTimeParameters lists.")
	}
	declared := map[string]bool{}
	for i := range def.ParameterDeclarations {
		_, name, _ := def.ParameterDeclarations[i].Kind()
		declared[name] = true
	}
	check := func(member string, i int, name *string, isNil bool) error {
		m := fmt.Sprintf("parameters.%s.%d.member", member, i+1)
		if name == nil {
			return required(m + ".name")
		}
		if err := checkLen(m+".name", *name, 1, 2048); err != nil {
			return err
		}
		if err := checkPattern(m+".name", *name, reAlnum); err != nil {
			return err
		}
		if isNil {
			return required(m + ".values")
		}
		if !declared[*name] {
			return sg.Errorf(sg.EINVALID, "Parameter %s is not declared in the definition.", *name)
		}
		return nil
	}
	for i, x := range p.StringParameters {
		if err := check("stringParameters", i, x.Name, x.Values == nil); err != nil {
			return err
		}
	}
	for i, x := range p.IntegerParameters {
		if err := check("integerParameters", i, x.Name, x.Values == nil); err != nil {
			return err
		}
	}
	for i, x := range p.DecimalParameters {
		if err := check("decimalParameters", i, x.Name, x.Values == nil); err != nil {
			return err
		}
	}
	for i, x := range p.DateTimeParameters {
		if err := check("dateTimeParameters", i, x.Name, x.Values == nil); err != nil {
			return err
		}
	}
	return nil
}

// checkPermissions validates a list of resource permissions: sizes,
// principals that are users of the account, and
// actions that apply to the resource type.
func (a *App) checkPermissions(ctx context.Context, accountID, member string, perms []sg.ResourcePermission, minLen, maxLen int, actions []string) error {
	if perms == nil {
		return nil
	}
	if len(perms) < minLen || len(perms) > maxLen {
		return invalid(member, fmt.Sprint(len(perms)), fmt.Sprintf("Member must have length between %d and %d", minLen, maxLen))
	}
	for i, p := range perms {
		m := fmt.Sprintf("%s.%d.member", member, i+1)
		if p.Principal == "" {
			return required(m + ".principal")
		}
		if err := checkLen(m+".principal", p.Principal, 1, 256); err != nil {
			return err
		}
		if p.Actions == nil {
			return required(m + ".actions")
		}
		if len(p.Actions) < 1 || len(p.Actions) > 20 {
			return invalid(m+".actions", fmt.Sprint(len(p.Actions)), "Member must have length between 1 and 20")
		}
		for _, act := range p.Actions {
			if !slices.Contains(actions, act) {
				return sg.Errorf(sg.EINVALID, "Action %s is not valid for this resource. Valid actions: %s.", act, strings.Join(actions, ", "))
			}
		}
		if err := a.checkPrincipal(ctx, accountID, p.Principal); err != nil {
			return err
		}
	}
	return nil
}

// checkPrincipal accepts the ARN of a user or group of the account that
// exists.
func (a *App) checkPrincipal(ctx context.Context, accountID, principal string) error {
	bad := sg.Errorf(sg.EINVALID, "Principal %s is not a valid QuickSight user or group ARN of account %s.", principal, accountID)
	arn, ok := sg.ParseARN(principal)
	if !ok || arn.Service != "quicksight" || arn.AccountID != accountID {
		return bad
	}
	kind, rest, _ := strings.Cut(arn.Resource, "/")
	ns, name, ok := strings.Cut(rest, "/")
	if !ok || ns == "" || name == "" {
		return bad
	}
	switch kind {
	case "group":
		if _, err := a.Store.FindGroup(ctx, accountID, ns, name); sg.ErrorCode(err) == sg.ENOTFOUND {
			return sg.Errorf(sg.EINVALID, "Principal %s does not exist.", principal)
		} else if err != nil {
			return err
		}
		return nil
	case "user":
		if _, err := a.Store.FindUser(ctx, accountID, ns, name); sg.ErrorCode(err) == sg.ENOTFOUND {
			return sg.Errorf(sg.EINVALID, "Principal %s does not exist.", principal)
		} else if err != nil {
			return err
		}
		return nil
	}
	return bad
}

// applyPermissionChanges applies grants, then revocations, to perms.
func applyPermissionChanges(perms, grant, revoke []sg.ResourcePermission) []sg.ResourcePermission {
	out := slices.Clone(perms)
	for _, g := range grant {
		i := slices.IndexFunc(out, func(p sg.ResourcePermission) bool { return p.Principal == g.Principal })
		if i < 0 {
			out = append(out, sg.ResourcePermission{Principal: g.Principal, Actions: slices.Clone(g.Actions)})
			continue
		}
		acts := slices.Clone(out[i].Actions)
		for _, act := range g.Actions {
			if !slices.Contains(acts, act) {
				acts = append(acts, act)
			}
		}
		out[i].Actions = acts
	}
	for _, r := range revoke {
		i := slices.IndexFunc(out, func(p sg.ResourcePermission) bool { return p.Principal == r.Principal })
		if i < 0 {
			continue
		}
		out[i].Actions = slices.DeleteFunc(slices.Clone(out[i].Actions), func(act string) bool { return slices.Contains(r.Actions, act) })
		if len(out[i].Actions) == 0 {
			out = slices.Delete(out, i, i+1)
		}
	}
	if out == nil {
		out = []sg.ResourcePermission{}
	}
	return out
}

// checkPermissionUpdate validates UpdateAnalysisPermissions and
// UpdateDashboardPermissions grants and revocations.
func (a *App) checkPermissionUpdate(ctx context.Context, accountID string, grant, revoke []sg.ResourcePermission, actions []string) error {
	if err := a.checkPermissions(ctx, accountID, "grantPermissions", grant, 0, 100, actions); err != nil {
		return err
	}
	// Revocations may name principals that no longer exist.
	if len(revoke) > 100 {
		return invalid("revokePermissions", fmt.Sprint(len(revoke)), "Member must have length between 0 and 100")
	}
	for i, p := range revoke {
		m := fmt.Sprintf("revokePermissions.%d.member", i+1)
		if p.Principal == "" {
			return required(m + ".principal")
		}
		if len(p.Actions) < 1 || len(p.Actions) > 20 {
			return invalid(m+".actions", fmt.Sprint(len(p.Actions)), "Member must have length between 1 and 20")
		}
	}
	return nil
}

func isNull(b json.RawMessage) bool { return strings.TrimSpace(string(b)) == "null" }

func isJSONObject(b json.RawMessage) bool {
	s := strings.TrimSpace(string(b))
	return strings.HasPrefix(s, "{")
}

// checkEdition refuses the Definition APIs (assets as code) on the
// STANDARD edition.
func (a *App) checkEdition(ctx context.Context, accountID string) error {
	acct, err := a.account(ctx, accountID)
	if err != nil {
		return err
	}
	if acct.Edition == sg.EditionStandard {
		return sg.Errorf(sg.EUNSUPPORTEDEDITION, "Analysis and dashboard definitions are not supported by the STANDARD edition of Amazon QuickSight. Upgrade account %s to ENTERPRISE.", accountID)
	}
	return nil
}
