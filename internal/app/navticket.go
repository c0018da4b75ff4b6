package app

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"time"

	sg "github.com/sightglass/sightglass"
)

// NavigationTicketTTL is how long a navigation ticket may wait for its
// navigation.
const NavigationTicketTTL = time.Minute

// A navigation ticket lets a frame whose browser blocks our cookies make a
// full page load (a reload, the SDK's navigateToDashboard) in its session:
// the page's script, which holds the session token, asks for a ticket with
// the token in the X-Sightglass-Session header and loads the page with
// ?sgTicket=… in its URL. The ticket is single-use, lives a minute and
// opens only the session of its sid, so the URL never holds a long-lived
// secret. The store keeps the ticket's hash and the session token sealed
// with a key derived from the ticket: the store alone cannot open it.

// navigationKey is the store key of a ticket.
func navigationKey(ticket string) string { return HashSecret("navigation:" + ticket) }

// navigationAEAD is the cipher that seals a ticket's session token.
func navigationAEAD(ticket string) cipher.AEAD {
	key := sha256.Sum256([]byte("navigation-seal:" + ticket))
	block, err := aes.NewCipher(key[:])
	if err != nil {
		panic(err) // a 32-byte key is always valid
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		panic(err)
	}
	return aead
}

// MintNavigationTicket returns a single-use ticket for the session of
// embedID that token opens (which the caller has checked).
func (a *App) MintNavigationTicket(ctx context.Context, embedID, token string) (string, error) {
	ticket := newSecret()
	aead := navigationAEAD(ticket)
	nonce := make([]byte, aead.NonceSize())
	rand.Read(nonce)
	sealed := aead.Seal(nonce, nonce, []byte(token), []byte(embedID))
	if err := a.Store.PutOnce(ctx, navigationKey(ticket), sealed, a.now().Add(NavigationTicketTTL)); err != nil {
		return "", err
	}
	return ticket, nil
}

// RedeemNavigationTicket consumes a ticket and returns the session it
// opens, with its token. A ticket that is unknown, spent, expired or of
// another sid, or whose session has ended, is ErrNoSession.
func (a *App) RedeemNavigationTicket(ctx context.Context, embedID, ticket string) (*Console, string, error) {
	if raw, err := base64.RawURLEncoding.DecodeString(ticket); err != nil || len(raw) != 32 {
		return nil, "", ErrNoSession
	}
	sealed, err := a.Store.ConsumeOnce(ctx, navigationKey(ticket), a.now())
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, "", ErrNoSession
	} else if err != nil {
		return nil, "", err
	}
	aead := navigationAEAD(ticket)
	if len(sealed) < aead.NonceSize() {
		return nil, "", ErrNoSession
	}
	token, err := aead.Open(nil, sealed[:aead.NonceSize()], sealed[aead.NonceSize():], []byte(embedID))
	if err != nil {
		return nil, "", ErrNoSession // minted for another sid
	}
	con, err := a.ConsoleSession(ctx, embedID, string(token))
	if err != nil {
		return nil, "", err
	}
	return con, string(token), nil
}
