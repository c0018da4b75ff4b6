package storetest

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

func testAnalysisVersions(t *testing.T, s sg.Store) {
	ctx := t.Context()
	acct := newAccountID()
	must(t, "CreateAnalysis", s.CreateAnalysis(ctx, &sg.Analysis{AccountID: acct, ID: "an", CreatedAt: at(0), UpdatedAt: at(0)}))
	var added []*sg.AnalysisVersion
	for i := range 5 {
		v := &sg.AnalysisVersion{AccountID: acct, AnalysisID: "an", Author: "alice", Summary: fmt.Sprintf("edit %d", i),
			Definition: json.RawMessage(fmt.Sprintf(`{"Sheets": [%d]}`, i)), CreatedAt: time.UnixMilli(at(time.Duration(i) * time.Minute).UnixMilli()).UTC()}
		must(t, "AddAnalysisVersion", s.AddAnalysisVersion(ctx, v, 3))
		if v.Number != int64(i+1) {
			t.Fatalf("version %d numbered %d", i, v.Number)
		}
		added = append(added, v)
	}
	// The newest three are kept, newest first, without definitions.
	list, err := s.ListAnalysisVersions(ctx, acct, "an")
	must(t, "ListAnalysisVersions", err)
	var want []*sg.AnalysisVersion
	for _, v := range []*sg.AnalysisVersion{added[4], added[3], added[2]} {
		c := *v
		c.Definition = nil
		want = append(want, &c)
	}
	same(t, "ListAnalysisVersions", list, want)
	got, err := s.FindAnalysisVersion(ctx, acct, "an", 4)
	must(t, "FindAnalysisVersion", err)
	same(t, "FindAnalysisVersion", got, added[3])
	if string(got.Definition) != `{"Sheets": [3]}` {
		t.Fatalf("definition bytes changed: %s", got.Definition)
	}
	_, err = s.FindAnalysisVersion(ctx, acct, "an", 1)
	wantCode(t, "FindAnalysisVersion pruned", err, sg.ENOTFOUND)
	wantCode(t, "AddAnalysisVersion of a missing analysis", s.AddAnalysisVersion(ctx, &sg.AnalysisVersion{AccountID: acct, AnalysisID: "nope", Definition: json.RawMessage(`{}`)}, 3), sg.ENOTFOUND)
	list, err = s.ListAnalysisVersions(ctx, acct, "nope")
	must(t, "ListAnalysisVersions of none", err)
	same(t, "ListAnalysisVersions of none", list, []*sg.AnalysisVersion{})
	// Deleting the analysis for good deletes its versions.
	must(t, "DeleteAnalysis", s.DeleteAnalysis(ctx, acct, "an"))
	list, err = s.ListAnalysisVersions(ctx, acct, "an")
	must(t, "ListAnalysisVersions after DeleteAnalysis", err)
	same(t, "ListAnalysisVersions after DeleteAnalysis", list, []*sg.AnalysisVersion{})
}

func testEditStacks(t *testing.T, s sg.Store) {
	ctx := t.Context()
	acct := newAccountID()
	must(t, "CreateAnalysis", s.CreateAnalysis(ctx, &sg.Analysis{AccountID: acct, ID: "an", CreatedAt: at(0), UpdatedAt: at(0)}))
	sess := newSession(acct, "alice", at(8*time.Hour))
	must(t, "CreateSession", s.CreateSession(ctx, sess))
	k := sg.EditStackKey{SessionID: sess.ID, AccountID: acct, AnalysisID: "an"}
	_, err := s.PeekEdit(ctx, k, sg.UndoStack)
	wantCode(t, "PeekEdit empty", err, sg.ENOTFOUND)
	must(t, "PopEdit empty", s.PopEdit(ctx, k, sg.UndoStack))
	for i := range 4 {
		must(t, "PushEdit", s.PushEdit(ctx, k, sg.UndoStack, json.RawMessage(fmt.Sprintf(`{"n": %d}`, i)), 3))
	}
	must(t, "PushEdit redo", s.PushEdit(ctx, k, sg.RedoStack, json.RawMessage(`{"r": 1}`), 3))
	undo, redo, err := s.CountEdits(ctx, k)
	must(t, "CountEdits", err)
	if undo != 3 || redo != 1 {
		t.Fatalf("CountEdits = %d, %d; want 3, 1", undo, redo)
	}
	top, err := s.PeekEdit(ctx, k, sg.UndoStack)
	must(t, "PeekEdit", err)
	if string(top) != `{"n": 3}` {
		t.Fatalf("PeekEdit = %s", top)
	}
	must(t, "PopEdit", s.PopEdit(ctx, k, sg.UndoStack))
	top, err = s.PeekEdit(ctx, k, sg.UndoStack)
	must(t, "PeekEdit after PopEdit", err)
	if string(top) != `{"n": 2}` {
		t.Fatalf("PeekEdit after PopEdit = %s", top)
	}
	// Another session's stacks are its own.
	other := k
	other.SessionID = newSessionID()
	if u, r, err := s.CountEdits(ctx, other); err != nil || u != 0 || r != 0 {
		t.Fatalf("another session's stacks: %d, %d, %v", u, r, err)
	}
	must(t, "ClearEdits", s.ClearEdits(ctx, k, sg.RedoStack))
	if u, r, err := s.CountEdits(ctx, k); err != nil || u != 2 || r != 0 {
		t.Fatalf("after ClearEdits: %d, %d, %v", u, r, err)
	}
	// The stacks go with the session, and with the analysis.
	must(t, "PushEdit other", s.PushEdit(ctx, other, sg.UndoStack, json.RawMessage(`{}`), 3))
	must(t, "DeleteSession", s.DeleteSession(ctx, sess.ID))
	if u, _, err := s.CountEdits(ctx, k); err != nil || u != 0 {
		t.Fatalf("after DeleteSession: %d, %v", u, err)
	}
	must(t, "DeleteAnalysis", s.DeleteAnalysis(ctx, acct, "an"))
	if u, _, err := s.CountEdits(ctx, other); err != nil || u != 0 {
		t.Fatalf("after DeleteAnalysis: %d, %v", u, err)
	}
}
