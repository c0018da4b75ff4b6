package sightglass

import (
	"context"
	"encoding/json"
	"time"
)

// AnalysisVersion is one saved definition of an analysis in the editor's
// version history (QuickSight keeps none): who saved it, when, and what
// the save changed, in a word.
type AnalysisVersion struct {
	AccountID  string
	AnalysisID string
	Number     int64 // from 1, never reused
	Author     string
	Summary    string
	// Definition is the raw JSON; ListAnalysisVersions leaves it nil.
	Definition json.RawMessage
	CreatedAt  time.Time
}

// AnalysisVersionStore keeps analyses' version histories, deleted with
// the analysis.
type AnalysisVersionStore interface {
	// AddAnalysisVersion numbers v after the analysis's latest version,
	// stores it, and deletes the oldest versions beyond the newest keep,
	// in one transaction. Returns ENOTFOUND when the analysis does not
	// exist.
	AddAnalysisVersion(ctx context.Context, v *AnalysisVersion, keep int) error
	// ListAnalysisVersions lists an analysis's versions, newest first,
	// without definitions.
	ListAnalysisVersions(ctx context.Context, accountID, analysisID string) ([]*AnalysisVersion, error)
	// FindAnalysisVersion returns ENOTFOUND.
	FindAnalysisVersion(ctx context.Context, accountID, analysisID string, number int64) (*AnalysisVersion, error)
}

// EditStackKey names an analysis editor's undo and redo stacks: one
// author's session editing one analysis.
type EditStackKey struct {
	SessionID  string // Session.ID
	AccountID  string
	AnalysisID string
}

// The editor's two stacks.
const (
	UndoStack = "undo"
	RedoStack = "redo"
)

// EditStackStore keeps the analysis editor's undo and redo stacks of
// definitions, deleted with the analysis and with the session, so that
// every node of a cluster serves an author's undo.
type EditStackStore interface {
	// PushEdit puts def on top of a stack, keeping its newest depth
	// entries.
	PushEdit(ctx context.Context, key EditStackKey, stack string, def json.RawMessage, depth int) error
	// PeekEdit returns the top of a stack; ENOTFOUND when it is empty.
	PeekEdit(ctx context.Context, key EditStackKey, stack string) (json.RawMessage, error)
	// PopEdit removes the top of a stack (nothing when it is empty).
	PopEdit(ctx context.Context, key EditStackKey, stack string) error
	// ClearEdits empties a stack.
	ClearEdits(ctx context.Context, key EditStackKey, stack string) error
	// CountEdits returns how many entries each stack holds.
	CountEdits(ctx context.Context, key EditStackKey) (undo, redo int, err error)
}
