package app

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"slices"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/definition"
)

// AnalysisARN returns the ARN of an analysis in this server's region.
func (a *App) AnalysisARN(accountID, id string) string {
	return sg.QuickSightARN(a.Region, accountID, "analysis/"+id)
}

func analysisNotFound(accountID, id string) error {
	return sg.Errorf(sg.ENOTFOUND, "Analysis %s doesn't exist in account %s.", id, accountID)
}

// checkAnalysisPath validates the path members, authorizes action on the
// analysis (or on analysis/* for id "") and checks the subscription.
func (a *App) checkAnalysisPath(ctx context.Context, action, accountID, id string) error {
	if err := checkAccountID(accountID); err != nil {
		return err
	}
	resource := a.AnalysisARN(accountID, "*")
	if id != "" || (action != "ListAnalyses" && action != "SearchAnalyses") {
		if err := checkResourceID("analysisId", id); err != nil {
			return err
		}
		resource = a.AnalysisARN(accountID, id)
	}
	if err := a.authorize(ctx, accountID, action, resource); err != nil {
		return err
	}
	_, err := a.account(ctx, accountID)
	return err
}

func (a *App) findAnalysis(ctx context.Context, accountID, id string) (*sg.Analysis, error) {
	an, err := a.Store.FindAnalysis(ctx, accountID, id)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, analysisNotFound(accountID, id)
	}
	return an, err
}

// AnalysisOwnerActions are the actions the console grants an analysis's
// author.
func AnalysisOwnerActions() []string { return append([]string(nil), analysisActions...) }

// CreateAnalysis accepts an analysis in CREATION_IN_PROGRESS and checks its
// definition in the background.
func (a *App) CreateAnalysis(ctx context.Context, accountID, id string, in *ContentInput) (*sg.Analysis, error) {
	return a.createAnalysis(ctx, accountID, id, in, false)
}

// createAnalysis is CreateAnalysis; inline checks the definition before
// returning.
func (a *App) createAnalysis(ctx context.Context, accountID, id string, in *ContentInput, inline bool) (*sg.Analysis, error) {
	if err := a.checkAnalysisPath(ctx, "CreateAnalysis", accountID, id); err != nil {
		return nil, err
	}
	if err := a.checkEdition(ctx, accountID); err != nil {
		return nil, err
	}
	def, err := a.checkContentInput(ctx, accountID, in, false)
	if err != nil {
		return nil, err
	}
	opts := a.requestChecks(ctx, accountID, def, in)
	opts.inline = inline
	now := a.now()
	an := &sg.Analysis{
		AccountID:   accountID,
		ID:          id,
		Name:        in.Name,
		Permissions: in.Permissions,
		Tags:        in.Tags,
		Status:      sg.StatusCreationInProgress,
		Errors:      opts.denied,
		Definition:  bytes.Clone(in.Definition),
		ThemeARN:    in.ThemeARN,
		Revision:    1,
		CreatedAt:   now,
		UpdatedAt:   now,
	}
	if err := a.contentChanged(a.Store.CreateAnalysis(ctx, an)); err != nil {
		if sg.ErrorCode(err) == sg.EEXISTS {
			if old, ferr := a.Store.FindAnalysis(ctx, accountID, id); ferr == nil && old.Deleted() {
				return nil, sg.Errorf(sg.ECONFLICT, "Analysis %s was deleted and can be restored until %s; restore it or delete it with ForceDeleteWithoutRecovery first.", id, old.DeleteAt.Format(time.RFC3339))
			}
			return nil, sg.Errorf(sg.EEXISTS, "Analysis %s already exists in account %s.", id, accountID)
		}
		return nil, err
	}
	a.checkAnalysisLater(an, def, opts)
	return an, nil
}

// checkAnalysisLater checks the definition of an analysis and records the
// outcome, if that definition is still the one in progress: another
// update meanwhile has its own check, while changes of permissions or a
// delete and restore leave the check's result valid.
func (a *App) checkAnalysisLater(an *sg.Analysis, def *definition.Definition, opts checkOptions) {
	accountID, id, inProgress := an.AccountID, an.ID, an.Status
	checked := bytes.Clone(an.Definition)
	a.runCheck(opts, func(ctx context.Context) {
		errs, err := a.checkDefinition(ctx, accountID, def)
		if err != nil {
			if ctx.Err() != nil {
				return // shutting down: ResumeDefinitionChecks picks it up
			}
			slog.Error("checking analysis definition", "account", accountID, "analysis", id, "err", err)
			errs = []sg.DefinitionError{{Type: errInternal, Message: "The definition could not be checked.", ViolatedEntities: []string{}}}
		}
		errs = append(slices.Clip(opts.denied), errs...)
		for range 5 {
			cur, err := a.Store.FindAnalysis(ctx, accountID, id)
			if err != nil || cur.Status != inProgress || !bytes.Equal(cur.Definition, checked) {
				return // gone, or superseded by a newer update
			}
			revision := cur.Revision
			cur.Status = finalStatus(inProgress, errs, opts.lenient)
			cur.Errors = errs
			cur.Revision++
			err = a.contentChanged(a.Store.UpdateAnalysis(ctx, cur, revision))
			if sg.ErrorCode(err) == sg.ECONFLICT {
				continue // changed in between: look again
			}
			if err != nil && sg.ErrorCode(err) != sg.ENOTFOUND && ctx.Err() == nil {
				slog.Error("recording analysis check", "account", accountID, "analysis", id, "err", err)
			}
			return
		}
	})
}

// AnalysisView is an analysis with what DescribeAnalysis derives from its
// definition.
type AnalysisView struct {
	*sg.Analysis
	Sheets      []definition.Sheet
	DataSetARNs []string
}

// DescribeAnalysis returns an analysis, deleted ones included (with
// Status DELETED).
func (a *App) DescribeAnalysis(ctx context.Context, accountID, id string) (*AnalysisView, error) {
	if err := a.checkAnalysisPath(ctx, "DescribeAnalysis", accountID, id); err != nil {
		return nil, err
	}
	an, err := a.findAnalysis(ctx, accountID, id)
	if err != nil {
		return nil, err
	}
	v := &AnalysisView{Analysis: an, Sheets: []definition.Sheet{}, DataSetARNs: []string{}}
	if an.Deleted() {
		an.Status = sg.StatusDeleted
	}
	if def, err := definition.Parse(an.Definition); err == nil {
		v.Sheets, v.DataSetARNs = def.SheetList(), def.DataSetARNs()
	}
	return v, nil
}

// DescribeAnalysisDefinition returns an analysis with its definition as it
// was sent; a deleted analysis has status DELETED.
func (a *App) DescribeAnalysisDefinition(ctx context.Context, accountID, id string) (*sg.Analysis, error) {
	if err := a.checkAnalysisPath(ctx, "DescribeAnalysisDefinition", accountID, id); err != nil {
		return nil, err
	}
	if err := a.checkEdition(ctx, accountID); err != nil {
		return nil, err
	}
	an, err := a.findAnalysis(ctx, accountID, id)
	if err != nil {
		return nil, err
	}
	if an.Deleted() {
		an.Status = sg.StatusDeleted
	}
	return an, nil
}

// UpdateAnalysis replaces an analysis's name, definition and theme; the
// new definition is checked in the background (UPDATE_IN_PROGRESS).
func (a *App) UpdateAnalysis(ctx context.Context, accountID, id string, in *ContentInput) (*sg.Analysis, error) {
	return a.updateAnalysis(ctx, accountID, id, in, nil, false)
}

// updateAnalysis is UpdateAnalysis; expect, if not nil, vets the stored
// analysis the update replaces (inside the same read-change-write, so the
// vetting and the write see the same state), and inline checks the
// definition before returning.
func (a *App) updateAnalysis(ctx context.Context, accountID, id string, in *ContentInput, expect func(cur *sg.Analysis) error, inline bool) (*sg.Analysis, error) {
	if err := a.checkAnalysisPath(ctx, "UpdateAnalysis", accountID, id); err != nil {
		return nil, err
	}
	if err := a.checkEdition(ctx, accountID); err != nil {
		return nil, err
	}
	def, err := a.checkContentInput(ctx, accountID, in, false)
	if err != nil {
		return nil, err
	}
	opts := a.requestChecks(ctx, accountID, def, in)
	opts.inline = inline
	an, err := a.changeAnalysis(ctx, accountID, id, func(an *sg.Analysis) error {
		if an.Deleted() {
			return sg.Errorf(sg.ECONFLICT, "Analysis %s is deleted; restore it before updating it.", id)
		}
		if expect != nil {
			if err := expect(an); err != nil {
				return err
			}
		}
		an.Name, an.Definition, an.ThemeARN = in.Name, bytes.Clone(in.Definition), in.ThemeARN
		an.Status, an.Errors = sg.StatusUpdateInProgress, opts.denied
		return nil
	})
	if err != nil {
		return nil, err
	}
	a.checkAnalysisLater(an, def, opts)
	return an, nil
}

// analysisChangeTries bounds changeAnalysis's retries. A definition check
// records its outcome at most once per create or update, so a client's
// change loses a race to it at most once; the rest is for other clients.
const analysisChangeTries = 8

// changeAnalysis applies a client's change to the stored analysis: it
// reads the analysis, applies change, and writes it at the revision it
// read, reading again when something else wrote in between (the
// background definition check recording its outcome, or another request).
// A client request thus never fails because of the server's own work, and
// change always sees the latest state (a deleted analysis stays deleted
// for a restore to decide on, and so on).
func (a *App) changeAnalysis(ctx context.Context, accountID, id string, change func(an *sg.Analysis) error) (*sg.Analysis, error) {
	for range analysisChangeTries {
		an, err := a.findAnalysis(ctx, accountID, id)
		if err != nil {
			return nil, err
		}
		if err := change(an); err != nil {
			return nil, err
		}
		revision := an.Revision
		an.Revision++
		an.UpdatedAt = a.now()
		err = a.contentChanged(a.Store.UpdateAnalysis(ctx, an, revision))
		switch sg.ErrorCode(err) {
		case sg.ECONFLICT:
			continue // changed in between: apply the change to the new state
		case sg.ENOTFOUND:
			return nil, analysisNotFound(accountID, id)
		}
		if err != nil {
			return nil, err
		}
		return an, nil
	}
	return nil, sg.Errorf(sg.ECONFLICT, "Analysis %s is being changed by other requests; retry.", id)
}

// Recovery windows of DeleteAnalysis, in days.
const (
	minRecoveryDays     = 7
	maxRecoveryDays     = 30
	defaultRecoveryDays = 30
)

// DeleteAnalysis deletes an analysis: with a recovery window (7–30 days,
// default 30) it is marked deleted, hidden from lists and the console,
// and restorable until DeletionTime; with force it is deleted at once.
// It returns the deletion time.
func (a *App) DeleteAnalysis(ctx context.Context, accountID, id string, recoveryDays *int64, force bool) (time.Time, error) {
	if err := a.checkAnalysisPath(ctx, "DeleteAnalysis", accountID, id); err != nil {
		return time.Time{}, err
	}
	if recoveryDays != nil && force {
		return time.Time{}, sg.Errorf(sg.EINVALID, "RecoveryWindowInDays and ForceDeleteWithoutRecovery can't be used together.")
	}
	days := int64(defaultRecoveryDays)
	if recoveryDays != nil {
		days = *recoveryDays
		if days < minRecoveryDays || days > maxRecoveryDays {
			return time.Time{}, invalid("recoveryWindowInDays", fmt.Sprint(days), fmt.Sprintf("Member must have value between %d and %d", minRecoveryDays, maxRecoveryDays))
		}
	}
	now := a.now()
	if force {
		if err := a.contentChanged(a.Store.DeleteAnalysis(ctx, accountID, id)); err != nil {
			if sg.ErrorCode(err) == sg.ENOTFOUND {
				return time.Time{}, analysisNotFound(accountID, id)
			}
			return time.Time{}, err
		}
		return now, nil
	}
	an, err := a.changeAnalysis(ctx, accountID, id, func(an *sg.Analysis) error {
		if an.Deleted() {
			return sg.Errorf(sg.ECONFLICT, "Analysis %s is already deleted; it will be purged at %s.", id, an.DeleteAt.Format(time.RFC3339))
		}
		an.DeleteAt = now.Add(time.Duration(days) * 24 * time.Hour)
		return nil
	})
	if err != nil {
		return time.Time{}, err
	}
	return an.DeleteAt, nil
}

// RestoreAnalysis brings back an analysis deleted with a recovery window.
func (a *App) RestoreAnalysis(ctx context.Context, accountID, id string) (*sg.Analysis, error) {
	if err := a.checkAnalysisPath(ctx, "RestoreAnalysis", accountID, id); err != nil {
		return nil, err
	}
	return a.changeAnalysis(ctx, accountID, id, func(an *sg.Analysis) error {
		if !an.Deleted() {
			return sg.Errorf(sg.ECONFLICT, "Analysis %s is not deleted.", id)
		}
		an.DeleteAt = time.Time{}
		return nil
	})
}

// ListAnalyses returns one page of the analyses that are not deleted.
func (a *App) ListAnalyses(ctx context.Context, accountID, nextToken string, maxResults *int) ([]*sg.Analysis, string, error) {
	if err := a.checkAnalysisPath(ctx, "ListAnalyses", accountID, ""); err != nil {
		return nil, "", err
	}
	page, err := pageRequest("analyses", accountID, nextToken, maxResults)
	if err != nil {
		return nil, "", err
	}
	list, more, err := a.Store.ListAnalyses(ctx, accountID, page)
	if err != nil || !more || len(list) == 0 {
		return list, "", err
	}
	return list, encodeNextToken("analyses", accountID, list[len(list)-1].ID), nil
}

// DescribeAnalysisPermissions returns an analysis's permissions.
func (a *App) DescribeAnalysisPermissions(ctx context.Context, accountID, id string) ([]sg.ResourcePermission, error) {
	if err := a.checkAnalysisPath(ctx, "DescribeAnalysisPermissions", accountID, id); err != nil {
		return nil, err
	}
	an, err := a.findAnalysis(ctx, accountID, id)
	if err != nil {
		return nil, err
	}
	return nonNilPermissions(an.Permissions), nil
}

// UpdateAnalysisPermissions grants and revokes permissions and returns the
// result.
func (a *App) UpdateAnalysisPermissions(ctx context.Context, accountID, id string, grant, revoke []sg.ResourcePermission) ([]sg.ResourcePermission, error) {
	if err := a.checkAnalysisPath(ctx, "UpdateAnalysisPermissions", accountID, id); err != nil {
		return nil, err
	}
	if err := a.checkPermissionUpdate(ctx, accountID, grant, revoke, analysisActions); err != nil {
		return nil, err
	}
	an, err := a.changeAnalysis(ctx, accountID, id, func(an *sg.Analysis) error {
		perms := applyPermissionChanges(an.Permissions, grant, revoke)
		if len(perms) > 64 {
			return sg.Errorf(sg.ELIMIT, "An analysis can have at most 64 principals in its permissions.")
		}
		an.Permissions = perms
		return nil
	})
	if err != nil {
		return nil, err
	}
	return an.Permissions, nil
}

func nonNilPermissions(p []sg.ResourcePermission) []sg.ResourcePermission {
	if p == nil {
		return []sg.ResourcePermission{}
	}
	return p
}

// PurgeDeletedAnalyses deletes the analyses whose recovery window ended.
func (a *App) PurgeDeletedAnalyses(ctx context.Context) (int64, error) {
	defer a.forgetContentLists()
	return a.Store.PurgeAnalyses(ctx, a.now())
}
