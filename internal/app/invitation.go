package app

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"time"

	sg "github.com/sightglass/sightglass"
)

// InvitationTTL is how long the invitation link of a QUICKSIGHT identity
// user works, as QuickSight's invitation does.
const InvitationTTL = 7 * 24 * time.Hour

// ErrInvitation is returned for an invitation link that can't be used:
// unknown, already used, expired, or for a user that has since been
// deleted or registered again.
var ErrInvitation = sg.Errorf(sg.ENOTFOUND, "This invitation link can't be used: it was already used, it has expired, or its user no longer exists.")

// invitation is the stored payload of an invitation token.
type invitation struct {
	Kind        string `json:"k"` // "invitation"
	AccountID   string `json:"a"`
	Namespace   string `json:"n"`
	UserName    string `json:"u"`
	PrincipalID string `json:"p"`
}

const invitationKind = "invitation"

// invitationKey is the store key of a token: its hash, apart from embed
// codes' keys.
func invitationKey(token string) string { return HashSecret("invitation:" + token) }

// InvitationURL is the link RegisterUser returns as UserInvitationUrl.
func InvitationURL(publicURL, token string) string { return publicURL + "/invitation/" + token }

// invite creates the single-use invitation of a new QUICKSIGHT identity
// user and returns its token; only the token's hash is stored.
func (a *App) invite(ctx context.Context, u *sg.User) (string, error) {
	payload, _ := json.Marshal(invitation{Kind: invitationKind, AccountID: u.AccountID, Namespace: u.Namespace, UserName: u.UserName, PrincipalID: u.PrincipalID})
	token := newSecret()
	if err := a.Store.PutOnce(ctx, invitationKey(token), payload, a.now().Add(InvitationTTL)); err != nil {
		return "", err
	}
	return token, nil
}

// Invitation returns the user an invitation token is for, without using
// it up. It returns ErrInvitation for a token that can't be used.
func (a *App) Invitation(ctx context.Context, token string) (*sg.User, error) {
	if raw, err := base64.RawURLEncoding.DecodeString(token); err != nil || len(raw) != 32 {
		return nil, ErrInvitation
	}
	payload, err := a.Store.FindOnce(ctx, invitationKey(token), a.now())
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, ErrInvitation
	} else if err != nil {
		return nil, err
	}
	var inv invitation
	if err := json.Unmarshal(payload, &inv); err != nil || inv.Kind != invitationKind {
		return nil, ErrInvitation
	}
	u, err := a.Store.FindUser(ctx, inv.AccountID, inv.Namespace, inv.UserName)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, ErrInvitation
	} else if err != nil {
		return nil, err
	}
	if u.PrincipalID != inv.PrincipalID || u.IdentityType != sg.IdentityQuickSight {
		return nil, ErrInvitation
	}
	return u, nil
}

// AcceptInvitation sets the password of the invitation's user and uses
// the invitation up: a password that breaks the rules (EINVALID) leaves
// it usable; of concurrent acceptances one wins and the others get
// ErrInvitation. The user is then active and can sign in.
func (a *App) AcceptInvitation(ctx context.Context, token, password string) (*sg.User, error) {
	u, err := a.Invitation(ctx, token)
	if err != nil {
		return nil, err
	}
	if err := checkPassword(password, u); err != nil {
		return nil, err
	}
	hash, err := hashPassword(ctx, password)
	if err != nil {
		return nil, err
	}
	if _, err := a.Store.ConsumeOnce(ctx, invitationKey(token), a.now()); sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, ErrInvitation
	} else if err != nil {
		return nil, err
	}
	err = a.Store.SetUserPassword(ctx, &sg.UserPassword{
		AccountID: u.AccountID, Namespace: u.Namespace, UserName: u.UserName,
		PrincipalID: u.PrincipalID, Hash: hash, UpdatedAt: a.now(),
	})
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, ErrInvitation // deleted or registered again meanwhile
	} else if err != nil {
		return nil, err
	}
	return u, nil
}

// presentUsers gives users the Active that QuickSight reports: a
// QUICKSIGHT identity user is inactive until they have set a password
// through their invitation. (Embedding does not need that: the stored
// Active, which a deactivation clears, is what gates sign-on.) It returns
// copies where it changes one.
func (a *App) presentUsers(ctx context.Context, users []*sg.User) error {
	for i, u := range users {
		if !u.Active || u.IdentityType != sg.IdentityQuickSight {
			continue
		}
		p, err := a.Store.FindUserPassword(ctx, u.AccountID, u.Namespace, u.UserName)
		if err == nil && p.PrincipalID == u.PrincipalID {
			continue
		}
		if err != nil && sg.ErrorCode(err) != sg.ENOTFOUND {
			return err
		}
		c := *u
		c.Active = false
		users[i] = &c
	}
	return nil
}

// presentUser is presentUsers for one user.
func (a *App) presentUser(ctx context.Context, u *sg.User) (*sg.User, error) {
	list := []*sg.User{u}
	if err := a.presentUsers(ctx, list); err != nil {
		return nil, err
	}
	return list[0], nil
}
