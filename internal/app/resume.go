package app

import (
	"context"
	"log/slog"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/definition"
)

// ResumeDefinitionChecks restarts the background checks that a previous
// process left unfinished (it was stopped while analyses or dashboard
// versions were in progress), and returns how many it restarted. The
// validation mode is not stored: resumed checks are STRICT. The denials
// found when the request was made are stored with the resource, and
// still fail it. The server
// calls it on start.
func (a *App) ResumeDefinitionChecks(ctx context.Context) (int, error) {
	analyses, err := a.Store.ListUnfinishedAnalyses(ctx)
	if err != nil {
		return 0, err
	}
	versions, err := a.Store.ListUnfinishedDashboardVersions(ctx)
	if err != nil {
		return 0, err
	}
	for _, an := range analyses {
		def, err := definition.Parse(an.Definition)
		if err != nil {
			a.failUnparsable(ctx, an)
			continue
		}
		a.checkAnalysisLater(an, def, checkOptions{denied: deniedErrors(an.Errors)})
	}
	for _, v := range versions {
		def, err := definition.Parse(v.Definition)
		if err != nil {
			errs := []sg.DefinitionError{{Type: errInternal, Message: "The stored definition can't be read: " + sg.ErrorMessage(err), ViolatedEntities: []string{}}}
			if err := a.contentChanged(a.Store.SetDashboardVersionStatus(ctx, v.AccountID, v.DashboardID, v.Number, sg.StatusCreationFailed, errs)); err != nil {
				slog.Error("failing a dashboard version", "account", v.AccountID, "dashboard", v.DashboardID, "version", v.Number, "err", err)
			}
			continue
		}
		a.checkVersionLater(v, def, checkOptions{denied: deniedErrors(v.Errors)})
	}
	return len(analyses) + len(versions), nil
}

// failUnparsable marks an unfinished analysis whose stored definition does
// not parse (it was accepted by an older version) as failed.
func (a *App) failUnparsable(ctx context.Context, an *sg.Analysis) {
	revision := an.Revision
	an.Status = finalStatus(an.Status, []sg.DefinitionError{{}}, false)
	an.Errors = []sg.DefinitionError{{Type: errInternal, Message: "The stored definition can't be read.", ViolatedEntities: []string{}}}
	an.Revision++
	if err := a.contentChanged(a.Store.UpdateAnalysis(ctx, an, revision)); err != nil {
		slog.Error("failing an analysis", "account", an.AccountID, "analysis", an.ID, "err", err)
	}
}
