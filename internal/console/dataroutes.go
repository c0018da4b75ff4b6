package console

import (
	"html/template"
	"strings"

	sg "github.com/sightglass/sightglass"
)

// dataTemplates are the templates of the data-source and upload pages.
var dataTemplates = []string{"data_sources", "data_source", "upload"}

// dataFuncs are the template functions of the data pages.
var dataFuncs = template.FuncMap{
	"typeLabel": func(t string) string {
		for _, x := range dataSourceTypes {
			if x.Value == t {
				return x.Label
			}
		}
		if t == "SQLITE" {
			return "SQLite file"
		}
		return t
	},
	"sourceTypes":  func() any { return dataSourceTypes },
	"statusOK":     func(s string) bool { return strings.HasSuffix(s, "_SUCCESSFUL") },
	"isUploadType": func(id string) bool { return strings.HasPrefix(id, "upload-") },
}

// The routes of the data pages: data sources under /data/sources, file
// uploads under /data/uploads (datasets, /data/sets, are the dataset
// editor's).
func init() {
	routes = append(routes,
		route{"GET /embedding/{sid}/data/sources", (*Console).handleDataSources},
		route{"GET /embedding/{sid}/data/sources/new", (*Console).handleNewDataSource},
		route{"POST /embedding/{sid}/data/sources", (*Console).handleCreateDataSource},
		route{"POST /embedding/{sid}/data/sources/test", (*Console).handleTestDataSource},
		route{"GET /embedding/{sid}/data/sources/{id}", (*Console).handleDataSource},
		route{"POST /embedding/{sid}/data/sources/{id}", (*Console).handleUpdateDataSource},
		route{"POST /embedding/{sid}/data/sources/{id}/delete", (*Console).handleDeleteDataSource},
		route{"POST /embedding/{sid}/data/sources/{id}/share", (*Console).handleShareDataSource},
		route{"GET /embedding/{sid}/data/sources/{id}/browse", (*Console).handleBrowseDataSource},
		route{"GET /embedding/{sid}/data/uploads/new", (*Console).handleNewUpload},
		route{"POST /embedding/{sid}/data/uploads", (*Console).handleUpload},
		route{"POST /embedding/{sid}/data/uploads/{token}/preview", (*Console).handleUploadPreview},
		route{"POST /embedding/{sid}/data/uploads/{token}/import", (*Console).handleUploadImport},
		route{"GET /embedding/{sid}/data/uploads/{token}/progress", (*Console).handleUploadProgress},
		route{"GET /embedding/{sid}/data/uploads/{dataset}/ingestions/{id}", (*Console).handleUploadIngestion},
	)
}

// IsUploadPath reports whether a request path is a file upload, whose
// body has its own (large, streamed) limit instead of the console's.
func IsUploadPath(method, path string) bool {
	if method != "POST" || !strings.HasPrefix(path, "/embedding/") {
		return false
	}
	rest := strings.TrimPrefix(path, "/embedding/")
	i := strings.IndexByte(rest, '/')
	return i == 32 && rest[i:] == "/data/uploads"
}

// DefaultMaxUploadBytes is the default bound of one uploaded file.
const DefaultMaxUploadBytes = 1 << 30

func init() {
	dataFuncs["settingsKey"] = settingsKey
	dataFuncs["byteSize"] = byteSize
	dataFuncs["ingestionDone"] = sg.IngestionFinished
	dataFuncs["delimiterChoices"] = func() any { return delimiterChoices }
}

// delimiterChoices are the delimiters the preview offers.
var delimiterChoices = []struct{ Value, Char, Label string }{
	{",", ",", "Comma (,)"}, {";", ";", "Semicolon (;)"}, {"tab", "\t", "Tab"}, {"|", "|", "Pipe (|)"},
}
