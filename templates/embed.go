// Package templates holds Tilbudsviften's default theme: the html/template layout, partials and
// page templates, and the stylesheet and scripts. It is embedded in the viften binary so the
// command works outside the repository; a site can lay its own files over it (viften build
// -templates DIR), file by file.
package templates

import "embed"

// FS is the default theme.
//
//go:embed *.html *.css *.js *.svg
var FS embed.FS
