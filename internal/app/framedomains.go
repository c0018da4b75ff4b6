package app

import (
	"context"
	"encoding/json"
	"slices"
	"time"

	sg "github.com/sightglass/sightglass"
)

// A session minted with AllowedDomains is framed by those domains instead
// of its account's. Its pages know this from the session; the SDK's
// control frame and the error pages shown before a session exists know
// only the sid, so the list is also kept under the sid, as a store item
// that expires with the session.

// frameDomainsKey is the store key of a sid's own allow-list.
func frameDomainsKey(sid string) string { return HashSecret("frame-domains/" + sid) }

// putFrameDomains keeps a sid's own allow-list until expiresAt.
func (a *App) putFrameDomains(ctx context.Context, sid string, domains []string, expiresAt time.Time) error {
	b, _ := json.Marshal(domains)
	return a.Store.PutOnce(ctx, frameDomainsKey(sid), b, expiresAt)
}

// FrameDomains returns the origins that may frame a sid's frames before its
// session is known: every account's allow-list, and the sid's own list
// if it was minted with one.
func (a *App) FrameDomains(ctx context.Context, sid string) ([]string, error) {
	all, err := a.AllEmbeddingDomains(ctx)
	if err != nil || sid == "" {
		return all, err
	}
	b, err := a.Store.FindOnce(ctx, frameDomainsKey(sid), a.now())
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return all, nil
	} else if err != nil {
		return nil, err
	}
	var own []string
	if json.Unmarshal(b, &own) != nil {
		return all, nil
	}
	out := slices.Clone(all)
	for _, d := range own {
		if !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	return out, nil
}

// SessionDomains returns the allow-list of a signed-in session's pages:
// its own, or its account's.
func (a *App) SessionDomains(ctx context.Context, s *sg.Session) ([]string, error) {
	if s.AllowedDomains != nil {
		return s.AllowedDomains, nil
	}
	return a.EmbeddingDomains(ctx, s.AccountID)
}
