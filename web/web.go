// Package web embeds the console's front-end bundle: dist/ is built from
// src/ by esbuild (make web) and is not committed.
package web

import "embed"

// Dist holds the built assets (console.js, control.js, console.css, …).
//
//go:embed all:dist
var Dist embed.FS
