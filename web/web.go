// Package web embeds the console's front-end bundle: dist/ is built from
// src/ by esbuild (make web) and is not committed.
package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
)

// Dist holds the built assets (console.js, control.js, console.css, …).
//
//go:embed all:dist
var Dist embed.FS

// Hash is the short content hash of a built file: the "v" of its
// cache-busting URL and its ETag.
func Hash(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:6])
}
