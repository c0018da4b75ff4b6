package app

import (
	"context"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/audit"
)

// Console events in the audit log. API calls are recorded where they are
// served (internal/awsapi); what happens in the console is recorded here,
// through the App, so that every console path records the same way.

// ConsoleChange runs change, a change user makes in the console, and
// records it in the audit log as eventName with params, which must hold
// identifying values only (ids, names; never a secret). Console handlers
// make every change through it: favorites today, authoring as it comes.
func (a *App) ConsoleChange(ctx context.Context, u *sg.User, eventName string, params map[string]any, change func(context.Context) error) error {
	err := change(ctx)
	if a.Audit == nil {
		return err
	}
	e := a.consoleEvent(ctx, eventName, audit.EventTypeConsole)
	e.UserIdentity = a.consoleIdentity(u)
	e.RecipientAccountID = u.AccountID
	e.RequestParameters = params
	a.setError(e, err)
	a.Audit.Record(e)
	return err
}

// RecordSignOnRefused records a sign-on the console refused before trying
// it (the client address failed too often); params identify it (never a
// code or password).
func (a *App) RecordSignOnRefused(ctx context.Context, params map[string]any) {
	if a.Audit == nil {
		return
	}
	e := a.consoleEvent(ctx, audit.SignOnEvent, audit.EventTypeConsoleLogin)
	e.UserIdentity = audit.Identity{Type: audit.IdentityUnknown}
	e.RequestParameters = params
	e.ResponseElements = map[string]any{"ConsoleSignOn": "Failure"}
	e.ErrorCode, e.ErrorMessage = "ThrottlingException", "Too many failed sign-ons from this address."
	a.Audit.Record(e)
}

// auditSignOn records a console sign-on (an embed code redeemed, or a
// password sign-in) with its identifying params; never the code or
// password.
func (a *App) auditSignOn(ctx context.Context, params map[string]any, con *Console, err error) {
	e := a.consoleEvent(ctx, audit.SignOnEvent, audit.EventTypeConsoleLogin)
	e.RequestParameters = params
	if err == nil {
		e.UserIdentity = a.consoleIdentity(con.User)
		e.RecipientAccountID = con.User.AccountID
		e.ResponseElements = map[string]any{"ConsoleSignOn": "Success"}
	} else {
		e.UserIdentity = audit.Identity{Type: audit.IdentityUnknown}
		e.ResponseElements = map[string]any{"ConsoleSignOn": "Failure"}
		a.setError(e, err)
	}
	a.Audit.Record(e)
}

// auditInvitation records an invitation accepted (a password set), or
// refused; never the token or the password.
func (a *App) auditInvitation(ctx context.Context, u *sg.User, err error) {
	e := a.consoleEvent(ctx, "AcceptInvitation", audit.EventTypeConsole)
	if err == nil {
		e.UserIdentity = a.consoleIdentity(u)
		e.RecipientAccountID = u.AccountID
		e.RequestParameters = map[string]any{"awsAccountId": u.AccountID, "namespace": u.Namespace, "userName": u.UserName}
	} else {
		e.UserIdentity = audit.Identity{Type: audit.IdentityUnknown}
		a.setError(e, err)
	}
	a.Audit.Record(e)
}

func (a *App) consoleEvent(ctx context.Context, name, typ string) *audit.Event {
	c := audit.ClientFromContext(ctx)
	reqID := sg.RequestIDFromContext(ctx)
	if reqID == "" {
		reqID = audit.NewEventID()
	}
	return &audit.Event{
		EventVersion:    audit.Version,
		EventTime:       a.now().Truncate(time.Second),
		EventSource:     audit.Source,
		EventName:       name,
		EventType:       typ,
		AWSRegion:       a.Region,
		SourceIPAddress: c.IP,
		UserAgent:       audit.TrimUserAgent(c.UserAgent),
		RequestID:       reqID,
		EventID:         audit.NewEventID(),
	}
}

// consoleIdentity is the userIdentity of a console user.
func (a *App) consoleIdentity(u *sg.User) audit.Identity {
	return audit.Identity{
		Type:        audit.IdentityQuickSight,
		PrincipalID: u.PrincipalID,
		ARN:         a.UserARN(u),
		AccountID:   u.AccountID,
		UserName:    u.UserName,
	}
}

// setError fills in the error of a failed console event: the AWS error
// name and safe message, from AuditErrorName (the API adapter's table).
func (a *App) setError(e *audit.Event, err error) {
	if err == nil {
		return
	}
	if a.AuditErrorName != nil {
		e.ErrorCode, e.ErrorMessage = a.AuditErrorName(err)
		e.ErrorMessage = audit.TrimMessage(e.ErrorMessage)
		return
	}
	e.ErrorCode, e.ErrorMessage = string(sg.ErrorCode(err)), sg.ErrorMessage(err)
}
