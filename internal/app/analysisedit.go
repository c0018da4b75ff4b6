package app

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"regexp"
	"strings"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/authoring"
)

// The analysis editor of the console: a new analysis over a dataset, and
// edits of an analysis's definition, each saved through the same path as
// CreateAnalysis and UpdateAnalysis (checked inline, so the editor draws
// the result at once). The edits themselves are internal/authoring's.

// DefinitionVersion is the version of a definition the editor carries in
// its page: a save applies only to the version the author saw.
func DefinitionVersion(raw []byte) string {
	h := sha256.Sum256(raw)
	return hex.EncodeToString(h[:16])
}

// ConsoleAnalysisDataSets lists the datasets u may build analyses from:
// those shared with them (every dataset for admins of the default
// namespace). Readers get none.
func (a *App) ConsoleAnalysisDataSets(ctx context.Context, u *sg.User) ([]*sg.DataSet, error) {
	if !IsAuthorRole(u.Role) {
		return nil, sg.Errorf(sg.EACCESSDENIED, "Readers can't create analyses.")
	}
	if err := a.checkCapability(ctx, u, CapabilityAnalysis, "create analyses"); err != nil {
		return nil, err
	}
	return a.ConsoleDataSets(ctx, u)
}

var reIdentifierUnsafe = regexp.MustCompile(`[^A-Za-z0-9 _-]+`)

// DataSetIdentifier is the identifier an analysis declares a dataset
// under: its name, made safe, or its id (made unique among the analysis's
// by authoring.UniqueIdentifier).
func DataSetIdentifier(d *sg.DataSet) string {
	id := strings.TrimSpace(reIdentifierUnsafe.ReplaceAllString(d.Name, ""))
	if id == "" || len(id) > 2048 {
		return d.ID
	}
	return id
}

// ConsoleCreateAnalysis creates an analysis named name over one or more
// datasets u may use (each declared under its name, made unique), with one
// empty sheet, owned by u, through CreateAnalysis's path.
func (a *App) ConsoleCreateAnalysis(ctx context.Context, u *sg.User, name string, dataSetIDs ...string) (*sg.Analysis, error) {
	if err := a.checkCapability(ctx, u, CapabilityAnalysis, "create analyses"); err != nil {
		return nil, err
	}
	if len(dataSetIDs) == 0 {
		return nil, sg.Errorf(sg.EINVALID, "Choose at least one dataset.")
	}
	if len(dataSetIDs) > authoring.MaxDataSets {
		return nil, sg.Errorf(sg.EINVALID, "An analysis can use at most %d datasets.", authoring.MaxDataSets)
	}
	used := map[string]bool{}
	seen := map[string]bool{}
	var decls []authoring.DataSet
	for _, dataSetID := range dataSetIDs {
		if seen[dataSetID] {
			continue
		}
		seen[dataSetID] = true
		d, err := a.ConsoleDataSet(ctx, u, dataSetID)
		if err != nil {
			return nil, err
		}
		decls = append(decls, authoring.DataSet{Identifier: authoring.UniqueIdentifier(DataSetIdentifier(d), used), ARN: a.DataSetARN(u.AccountID, d.ID)})
	}
	raw, err := authoring.NewAnalysisOf(decls)
	if err != nil {
		return nil, err
	}
	in := &ContentInput{
		Name:                   name,
		Definition:             raw,
		Permissions:            []sg.ResourcePermission{{Principal: a.UserARN(u), Actions: AnalysisOwnerActions()}},
		DefinitionModelChecked: true,
	}
	return a.createAnalysis(ctx, u.AccountID, newContentID(), in, true)
}

// newContentID returns a new analysis or dashboard id in UUID form.
func newContentID() string {
	var b [16]byte
	rand.Read(b[:])
	id := hex.EncodeToString(b[:])
	return id[:8] + "-" + id[8:12] + "-" + id[12:16] + "-" + id[16:20] + "-" + id[20:]
}

// ConsoleEditAnalysis applies an editor's edit to an analysis u may update
// (its owner, or an admin) and saves it through UpdateAnalysis's path.
// version is the DefinitionVersion the author's page shows: when the
// stored definition is another (someone saved meanwhile), the edit is
// refused with ECONFLICT, never applied over their work. An edit the
// definition cannot take is EINVALID with the edit's reason.
func (a *App) ConsoleEditAnalysis(ctx context.Context, u *sg.User, id, version string, edit func(raw []byte) ([]byte, error)) (*sg.Analysis, error) {
	an, err := a.ConsoleEditableAnalysis(ctx, u, id)
	if err != nil {
		return nil, err
	}
	stale := func(cur *sg.Analysis) error {
		if DefinitionVersion(cur.Definition) != version {
			return sg.Errorf(sg.ECONFLICT, "Analysis %q was changed by someone else since you opened it. Reload to see their changes; your last change was not saved.", cur.Name)
		}
		return nil
	}
	if err := stale(an); err != nil {
		return nil, err
	}
	raw, err := edit(an.Definition)
	if errors.Is(err, authoring.ErrEdit) {
		return nil, sg.Errorf(sg.EINVALID, "%s", strings.TrimPrefix(err.Error(), authoring.ErrEdit.Error()+": "))
	} else if err != nil {
		return nil, err
	}
	in := &ContentInput{Name: an.Name, Definition: raw, ThemeARN: an.ThemeARN, DefinitionModelChecked: true}
	if _, err := a.updateAnalysis(ctx, u.AccountID, id, in, stale, true); err != nil {
		return nil, err
	}
	return a.ConsoleAnalysis(ctx, u, id)
}

// ConsoleEditableAnalysis returns an analysis u may open in the editor:
// one they may update (owner or admin) and their custom permissions do not
// keep them from editing.
func (a *App) ConsoleEditableAnalysis(ctx context.Context, u *sg.User, id string) (*sg.Analysis, error) {
	an, err := a.ConsoleAnalysis(ctx, u, id)
	if err != nil {
		return nil, err
	}
	if !a.ownsResource(ctx, u, an.Permissions, "quicksight:UpdateAnalysis") {
		return nil, sg.Errorf(sg.EACCESSDENIED, "You can view analysis %s but not edit it: ask its owner to share it with you as a co-owner.", id)
	}
	if err := a.checkCapability(ctx, u, CapabilityAnalysis, "edit analyses"); err != nil {
		return nil, err
	}
	return an, nil
}
