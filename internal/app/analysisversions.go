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
// summary (what changed, in a word). The first save of an analysis
// without history keeps the definition it replaced first ("Before
// editing"), so the author can always return to it.
func (a *App) ConsoleSaveAnalysis(ctx context.Context, u *sg.User, id, version, summary string, edit func(raw []byte) ([]byte, error)) (*sg.Analysis, error) {
	var before []byte
	an, err := a.ConsoleEditAnalysis(ctx, u, id, version, func(raw []byte) ([]byte, error) {
		before = raw
		return edit(raw)
	})
	if err != nil {
		return nil, err
	}
	list, err := a.Store.ListAnalysisVersions(ctx, u.AccountID, id)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 && before != nil && !bytes.Equal(before, an.Definition) {
		if err := a.keepVersion(ctx, u, id, "Before editing", before); err != nil {
			return nil, err
		}
	}
	return an, a.keepVersion(ctx, u, id, summary, an.Definition)
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
