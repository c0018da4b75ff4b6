package app

import (
	"context"
	"fmt"
	"strings"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query/expr"
)

// Definition error types (QuickSight's AnalysisErrorType and
// DashboardErrorType).
const (
	errDataSetNotFound = "DATA_SET_NOT_FOUND"
	errColumnMissing   = "COLUMN_REPLACEMENT_MISSING"
	errInternal        = "INTERNAL_FAILURE"
	errAccessDenied    = "ACCESS_DENIED"
)

// checkDefinition runs the checks QuickSight runs after accepting a
// create or update: datasets exist (in the account and region), the
// columns used exist in them or are calculated fields, and calculated
// fields parse and reference existing columns. It
// returns the problems found; an error only for a failure to check.
func (a *App) checkDefinition(ctx context.Context, accountID string, def *definition.Definition) ([]sg.DefinitionError, error) {
	var out []sg.DefinitionError
	// columns of each dataset identifier; nil when the dataset is unknown.
	columns := map[string]map[string]bool{}
	for i, ds := range def.DataSetIdentifierDeclarations {
		entity := fmt.Sprintf("DataSetIdentifierDeclarations[%d]", i)
		id, ok := a.dataSetID(accountID, ds.DataSetArn)
		if !ok {
			// Not a dataset of this account in this region.
			out = append(out, sg.DefinitionError{Type: errDataSetNotFound, Message: fmt.Sprintf("Dataset %s does not exist in account %s.", ds.DataSetArn, accountID), ViolatedEntities: []string{entity}})
			columns[ds.Identifier] = nil
			continue
		}
		d, err := a.Store.FindDataSet(ctx, accountID, id)
		if sg.ErrorCode(err) == sg.ENOTFOUND {
			out = append(out, sg.DefinitionError{Type: errDataSetNotFound, Message: fmt.Sprintf("Dataset %s does not exist.", ds.DataSetArn), ViolatedEntities: []string{entity}})
			continue
		} else if err != nil {
			return nil, err
		}
		set := make(map[string]bool, len(d.OutputColumns))
		for _, c := range d.OutputColumns {
			set[c.Name] = true
		}
		columns[ds.Identifier] = set
	}
	// Calculated fields are columns of their dataset identifier.
	calculated := map[string]map[string]bool{}
	for _, f := range def.CalculatedFields {
		if calculated[f.DataSetIdentifier] == nil {
			calculated[f.DataSetIdentifier] = map[string]bool{}
		}
		calculated[f.DataSetIdentifier][f.Name] = true
	}
	known := func(ds, col string) bool {
		if calculated[ds][col] {
			return true
		}
		set, checked := columns[ds]
		return !checked || set == nil || set[col]
	}
	missing := func(ds, col, entity string) sg.DefinitionError {
		arn, _ := def.DataSetARN(ds)
		return sg.DefinitionError{Type: errColumnMissing, Message: fmt.Sprintf("Required column '%s' is missing in data set '%s'", col, arn), ViolatedEntities: []string{entity}}
	}
	// Parsed calculated fields by dataset identifier and name, so that
	// their size with the fields they reference expanded can be bounded.
	parsed := map[string]map[string]expr.Node{}
	for i, f := range def.CalculatedFields {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		entity := fmt.Sprintf("CalculatedFields[%d]", i)
		n, err := expr.Parse(f.Expression)
		if err != nil {
			out = append(out, sg.DefinitionError{Type: errInternal, Message: fmt.Sprintf("The expression of calculated field '%s' is invalid: %s", f.Name, err.Error()), ViolatedEntities: []string{entity}})
			continue
		}
		if parsed[f.DataSetIdentifier] == nil {
			parsed[f.DataSetIdentifier] = map[string]expr.Node{}
		}
		parsed[f.DataSetIdentifier][f.Name] = n
		for _, col := range expr.Fields(n) {
			if !known(f.DataSetIdentifier, col) && !expr.BareBoolean(n, col) {
				out = append(out, missing(f.DataSetIdentifier, col, entity))
			}
		}
	}
	sizers := map[string]*expr.Sizer{}
	for i, f := range def.CalculatedFields {
		fields, ok := parsed[f.DataSetIdentifier]
		if _, parses := fields[f.Name]; !ok || !parses {
			continue
		}
		s := sizers[f.DataSetIdentifier]
		if s == nil {
			s = &expr.Sizer{Source: func(name string) (expr.Node, bool, error) {
				n, ok := fields[name]
				return n, ok, nil
			}}
			sizers[f.DataSetIdentifier] = s
		}
		if _, err := s.Size(f.Name); err != nil {
			msg := sg.ErrorMessage(err)
			if e, ok := err.(*expr.Error); ok {
				msg = fmt.Sprintf("The expression of calculated field '%s' is invalid: %s", f.Name, e.Error())
			}
			out = append(out, sg.DefinitionError{Type: errInternal, Message: msg, ViolatedEntities: []string{fmt.Sprintf("CalculatedFields[%d]", i)}})
		}
	}
	for _, ref := range def.ColumnRefs() {
		if !known(ref.DataSetIdentifier, ref.ColumnName) {
			out = append(out, missing(ref.DataSetIdentifier, ref.ColumnName, ref.Path))
		}
	}
	return out, nil
}

// dataSetID returns the id of a dataset ARN of the account in this
// server's region.
func (a *App) dataSetID(accountID, arn string) (string, bool) {
	p, ok := sg.ParseARN(arn)
	if !ok || p.Service != "quicksight" || p.AccountID != accountID || p.Region != a.Region {
		return "", false
	}
	id, ok := strings.CutPrefix(p.Resource, "dataset/")
	return id, ok && id != ""
}

// finalStatus is the status a definition check ends in: creating or
// updating, successful or failed. In LENIENT mode problems of the
// definition's shape are reported but do not fail the resource; a denied
// permission (ACCESS_DENIED) always does: LENIENT relaxes checks of the
// content, never authorization.
func finalStatus(inProgress string, errs []sg.DefinitionError, lenient bool) string {
	failed := len(errs) > 0 && (!lenient || len(deniedErrors(errs)) > 0)
	switch {
	case inProgress == sg.StatusUpdateInProgress && failed:
		return sg.StatusUpdateFailed
	case inProgress == sg.StatusUpdateInProgress:
		return sg.StatusUpdateSuccessful
	case failed:
		return sg.StatusCreationFailed
	}
	return sg.StatusCreationSuccessful
}

// deniedErrors returns the ACCESS_DENIED errors of a list.
func deniedErrors(errs []sg.DefinitionError) []sg.DefinitionError {
	var out []sg.DefinitionError
	for _, e := range errs {
		if e.Type == errAccessDenied {
			out = append(out, e)
		}
	}
	return out
}

// checkOptions carry what a background check needs from the request:
// the validation mode, and the datasets the caller may not use. The
// denials are stored with the resource in progress (its Errors), so that a
// check resumed after a restart still fails it.
type checkOptions struct {
	lenient bool
	denied  []sg.DefinitionError
	// inline runs the check before the create returns (the server's own
	// sample content, which the console shows at once).
	inline bool
}

// requestChecks prepares a check for a create or update by the caller in
// ctx: an API caller must be allowed quicksight:PassDataSet on every
// dataset the definition declares and, if it is bound to a QuickSight
// user, that user must have permission on the dataset (checkResourceAccess),
// or the check reports ACCESS_DENIED.
func (a *App) requestChecks(ctx context.Context, accountID string, def *definition.Definition, in *ContentInput) checkOptions {
	opts := checkOptions{lenient: in.lenient()}
	if sg.CallerFromContext(ctx) == nil {
		return opts
	}
	for i, ds := range def.DataSetIdentifierDeclarations {
		err := a.authorize(ctx, accountID, "PassDataSet", ds.DataSetArn)
		if err == nil {
			err = a.checkDataSetAccess(ctx, accountID, ds.DataSetArn)
		}
		if err != nil {
			msg := sg.ErrorMessage(err)
			if sg.ErrorCode(err) != sg.EACCESSDENIED {
				msg = "Permission on the dataset could not be checked."
			}
			opts.denied = append(opts.denied, sg.DefinitionError{
				Type:             errAccessDenied,
				Message:          msg,
				ViolatedEntities: []string{fmt.Sprintf("DataSetIdentifierDeclarations[%d]", i)},
			})
		}
	}
	return opts
}

// checkDataSetAccess checks the caller's resource permission on a dataset
// a definition declares; unknown datasets are left to checkDefinition.
func (a *App) checkDataSetAccess(ctx context.Context, accountID, arn string) error {
	id, ok := a.dataSetID(accountID, arn)
	if !ok {
		return nil
	}
	d, err := a.Store.FindDataSet(ctx, accountID, id)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	return a.checkResourceAccess(ctx, accountID, "dataset", arn, d.Permissions)
}
