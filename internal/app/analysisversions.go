package app

import (
	"bytes"
	"context"
	"encoding/json"

	sg "github.com/sightglass/sightglass"
)

// AnalysisVersionsKept is how many versions of an analysis the editor's
// version history keeps; older ones are pruned as new saves come.
const AnalysisVersionsKept = 100

// EditStackDepth is how many definitions an editor's undo (and redo)
// stack keeps.
const EditStackDepth = 30

// ConsoleSaveAnalysis is ConsoleEditAnalysis that also keeps the saved
// definition in the analysis's version history, with who saved it and
// summary (what changed, in a word). When the definition it replaces is
// not the history's newest (the analysis's first save in the editor, or a
// change made since through the API), that definition is kept first, so
// the author can always return to it.
func (a *App) ConsoleSaveAnalysis(ctx context.Context, u *sg.User, id, version, summary string, edit func(raw []byte) ([]byte, error)) (*sg.Analysis, error) {
	var before []byte
	an, err := a.ConsoleEditAnalysis(ctx, u, id, version, func(raw []byte) ([]byte, error) {
		before = raw
		return edit(raw)
	})
	if err != nil {
		return nil, err
	}
	if before != nil && !bytes.Equal(before, an.Definition) {
		kept, err := a.newestVersion(ctx, u.AccountID, id)
		if err != nil {
			return nil, err
		}
		switch {
		case kept == nil:
			err = a.keepVersion(ctx, u, id, "Before editing", before)
		case !bytes.Equal(kept.Definition, before):
			err = a.keepVersion(ctx, u, id, "Changed outside the editor", before)
		}
		if err != nil {
			return nil, err
		}
	}
	return an, a.keepVersion(ctx, u, id, summary, an.Definition)
}

// newestVersion returns an analysis's newest kept version with its
// definition, or nil when it has none.
func (a *App) newestVersion(ctx context.Context, accountID, id string) (*sg.AnalysisVersion, error) {
	list, err := a.Store.ListAnalysisVersions(ctx, accountID, id)
	if err != nil || len(list) == 0 {
		return nil, err
	}
	v, err := a.Store.FindAnalysisVersion(ctx, accountID, id, list[0].Number)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, nil // pruned meanwhile by a concurrent save
	}
	return v, err
}

func (a *App) keepVersion(ctx context.Context, u *sg.User, id, summary string, def json.RawMessage) error {
	return a.Store.AddAnalysisVersion(ctx, &sg.AnalysisVersion{
		AccountID: u.AccountID, AnalysisID: id, Author: u.UserName, Summary: summary,
		Definition: bytes.Clone(def), CreatedAt: a.now(),
	}, AnalysisVersionsKept)
}

// ConsoleAnalysisVersions lists the version history of an analysis u may
// edit, newest first.
func (a *App) ConsoleAnalysisVersions(ctx context.Context, u *sg.User, id string) ([]*sg.AnalysisVersion, error) {
	if _, err := a.ConsoleEditableAnalysis(ctx, u, id); err != nil {
		return nil, err
	}
	return a.Store.ListAnalysisVersions(ctx, u.AccountID, id)
}

// ConsoleAnalysisVersion returns one kept version of an analysis u may
// edit, with its definition.
func (a *App) ConsoleAnalysisVersion(ctx context.Context, u *sg.User, id string, number int64) (*sg.AnalysisVersion, error) {
	if _, err := a.ConsoleEditableAnalysis(ctx, u, id); err != nil {
		return nil, err
	}
	v, err := a.Store.FindAnalysisVersion(ctx, u.AccountID, id, number)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, sg.Errorf(sg.EINVALID, "Version %d of this analysis is no longer kept: the history keeps the last %d.", number, AnalysisVersionsKept)
	}
	return v, err
}

// EditStacks is where the editor keeps its undo and redo stacks: in the
// store, so that every node serves an author's undo.
func (a *App) EditStacks() sg.EditStackStore { return a.Store }
