package console

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/authoring"
	"github.com/sightglass/sightglass/internal/query/expr"
)

// handleAnalysisCalcCheck checks an analysis calculated field as the
// author types it in the editor's CodeMirror (the dataset editor's check,
// for an analysis): the expression parses, reads declared parameters and
// the dataset's fields, and its type. It changes nothing.
func (c *Console) handleAnalysisCalcCheck(w http.ResponseWriter, r *http.Request) {
	s := c.postEditSession(w, r)
	if s == nil {
		return
	}
	ctx := r.Context()
	an, err := c.app.ConsoleEditableAnalysis(ctx, s.User, r.PathValue("id"))
	if err != nil {
		if status, ok := actionStatus(err); ok {
			http.Error(w, sg.ErrorMessage(err), status)
			return
		}
		c.internalError(w, r, err)
		return
	}
	f := r.PostForm
	name := strings.TrimSpace(f.Get("name"))
	if name == "" {
		name = "calculated"
	}
	dataSet, expression := f.Get("dataSetIdentifier"), f.Get("expression")
	out := calcCheck{}
	if _, perr := expr.Parse(expression); perr != nil {
		out.Message, out.Position = calcError(perr)
	} else if col, aggregated, err := c.checkCalculated(ctx, s, an.Definition, authoring.CalculatedField{DataSetIdentifier: dataSet, Name: name, Expression: expression}); err != nil {
		_, modeled := errors.AsType[*sg.Error](err)
		switch {
		case errors.Is(err, authoring.ErrEdit):
			out.Message = strings.TrimPrefix(err.Error(), authoring.ErrEdit.Error()+": ")
		case modeled:
			out.Message = sg.ErrorMessage(err)
		default:
			c.internalError(w, r, err)
			return
		}
	} else {
		out.OK, out.Type = true, col.Type
		if aggregated {
			out.Type += ", aggregated"
		}
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(out)
}

// checkCalculated types a calculated field as it would be saved: added,
// or in place of the one of the same name.
func (c *Console) checkCalculated(ctx context.Context, s *signedIn, def []byte, cf authoring.CalculatedField) (authoring.Column, bool, error) {
	raw, err := authoring.SetCalculatedField(def, cf, cf.Name)
	if err != nil {
		if raw, err = authoring.SetCalculatedField(def, cf, ""); err != nil {
			return authoring.Column{}, false, err
		}
	}
	col, aggregated, _, err := c.calculatedColumn(ctx, s, raw, cf.DataSetIdentifier, cf.Name)
	return col, aggregated, err
}
