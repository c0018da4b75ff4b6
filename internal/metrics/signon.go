package metrics

// Sign-on outcomes: ok, or why a redemption failed. A redeemed code leaves
// no trace in the store, so a code used a second time cannot be told from
// one never issued: both count as unknown_or_reused.
const (
	SignOnOK          = "ok"
	SignOnMalformed   = "malformed"         // the code does not decode: tampered or truncated
	SignOnUnknown     = "unknown_or_reused" // no such code: never issued, already redeemed, or purged
	SignOnExpired     = "expired"           // issued, but past its five minutes
	SignOnMismatch    = "mismatch"          // presented with another sid or entry point than it was minted for
	SignOnUserGone    = "user_gone"         // its user was deleted, deactivated or registered again
	SignOnRaced       = "raced"             // another redemption of the same code won
	SignOnRateLimited = "rate_limited"      // the client address failed too often
	SignOnError       = "error"             // the store failed
)

// SignOnOutcomes lists every outcome; their series exist from the start.
var SignOnOutcomes = []string{SignOnOK, SignOnMalformed, SignOnUnknown, SignOnExpired, SignOnMismatch,
	SignOnUserGone, SignOnRaced, SignOnRateLimited, SignOnError}

// SignOn records a sign-on's outcome, one of SignOnOutcomes.
func (m *Metrics) SignOn(outcome string) {
	if m != nil {
		m.signOns.WithLabelValues(outcome).Inc()
	}
}
