package console

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/upload"
)

// File uploads: the file is streamed from the multipart body to a
// temporary file (never held in memory; bounded by --max-upload-body),
// inspected, shown as a preview whose settings and column types the author
// may correct, and imported as a SPICE dataset (or as the new data of an
// upload dataset) through the App. A pending upload belongs to the session
// that sent it and is deleted after an hour, on import, or when replaced.

// uploadPage is what the upload pages render.
type uploadPage struct {
	Token     string
	FileName  string
	Size      int64
	Preview   *upload.Preview
	Name      string // the dataset's name
	Target    *sg.DataSet
	Error     string
	Encodings []string
	Types     []string
	// Done: the imported dataset and its ingestion.
	DataSet   *sg.DataSet
	Ingestion *sg.Ingestion
	MaxBytes  int64
}

// pendingUpload is an uploaded file awaiting import.
type pendingUpload struct {
	path, name string
	size       int64
	sessionID  string // the embed session that uploaded it
	target     string // the upload dataset whose data it replaces, or ""
	expires    time.Time
	rows       atomic.Int64 // rows converted by a running import
	importing  atomic.Bool
}

// uploadStore keeps pending uploads.
type uploadStore struct {
	mu      sync.Mutex
	dir     string
	max     int64
	pending map[string]*pendingUpload
}

// maxPendingUploads bounds the files waiting for import at once, and
// maxPendingPerSession those of one console session.
const (
	maxPendingUploads    = 64
	maxPendingPerSession = 4
)

// pendingLifetime is how long an uploaded file waits for its import.
const pendingLifetime = time.Hour

func newUploadStore(dir string, max int64) *uploadStore {
	go removeStaleUploads(dir, time.Now().Add(-pendingLifetime))
	return &uploadStore{dir: dir, max: max, pending: map[string]*pendingUpload{}}
}

// removeStaleUploads deletes the uploaded files an earlier process left
// (they expire with it): those older than before.
func removeStaleUploads(dir string, before time.Time) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), "upload-") || e.IsDir() {
			continue
		}
		if fi, err := e.Info(); err == nil && fi.ModTime().Before(before) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// sweep deletes expired uploads; the caller holds mu.
func (u *uploadStore) sweep(now time.Time) {
	for tok, p := range u.pending {
		if now.After(p.expires) {
			os.Remove(p.path)
			delete(u.pending, tok)
		}
	}
}

func (u *uploadStore) add(p *pendingUpload, now time.Time) (string, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.sweep(now)
	if len(u.pending) >= maxPendingUploads {
		return "", sg.Errorf(sg.ELIMIT, "The server has too many uploads waiting for import. Try again in a few minutes.")
	}
	mine := 0
	for _, q := range u.pending {
		if q.sessionID == p.sessionID {
			mine++
		}
	}
	if mine >= maxPendingPerSession {
		return "", sg.Errorf(sg.ELIMIT, "You have %d uploads waiting for import: import them, or wait an hour for them to expire.", mine)
	}
	var b [16]byte
	rand.Read(b[:])
	tok := hex.EncodeToString(b[:])
	u.pending[tok] = p
	return tok, nil
}

// get returns the pending upload of token for session sessionID.
func (u *uploadStore) get(token, sessionID string, now time.Time) *pendingUpload {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.sweep(now)
	p := u.pending[token]
	if p == nil || p.sessionID != sessionID {
		return nil
	}
	return p
}

func (u *uploadStore) remove(token string) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if p := u.pending[token]; p != nil {
		os.Remove(p.path)
		delete(u.pending, token)
	}
}

func (c *Console) uploadData(p *uploadPage) *uploadPage {
	p.Encodings, p.Types, p.MaxBytes = upload.Encodings, upload.Types, c.uploads.max
	return p
}

// handleNewUpload shows the upload form (?dataset= replaces the data of
// an upload dataset).
func (c *Console) handleNewUpload(w http.ResponseWriter, r *http.Request) {
	s := c.dataSession(w, r)
	if s == nil {
		return
	}
	if err := c.app.CheckUpload(r.Context(), s.User); err != nil {
		c.dataError(w, r, err)
		return
	}
	p := c.uploadData(&uploadPage{})
	title := "Upload a file"
	if id := r.URL.Query().Get("dataset"); id != "" {
		d, _, err := c.app.ConsoleUploadDataSet(r.Context(), s.User, id)
		if err != nil {
			c.dataError(w, r, err)
			return
		}
		p.Target, title = d, "Replace the data of "+d.Name
	}
	d := c.dataPageData(r, s, title)
	d.Data = &dataPage{Upload: p}
	c.renderData(w, r, http.StatusOK, "upload", d)
}

// handleUpload receives a file, streamed to disk, and shows its preview.
func (c *Console) handleUpload(w http.ResponseWriter, r *http.Request) {
	s := c.dataSession(w, r)
	if s == nil {
		return
	}
	ctx := r.Context()
	if err := c.app.CheckUpload(ctx, s.User); err != nil {
		c.dataError(w, r, err)
		return
	}
	// A large file takes longer than the server's request timeouts.
	rc := http.NewResponseController(w)
	_ = rc.SetReadDeadline(time.Now().Add(time.Hour))
	_ = rc.SetWriteDeadline(time.Now().Add(time.Hour))
	r.Body = http.MaxBytesReader(w, r.Body, c.uploads.max+64<<10)
	mr, err := r.MultipartReader()
	if err != nil {
		c.uploadFailed(w, r, s, nil, "The upload was not a file form.")
		return
	}
	pu := &pendingUpload{sessionID: s.Session.EmbedID, expires: c.now().Add(pendingLifetime)}
	defer func() {
		if pu.path != "" && pu.expires.IsZero() {
			os.Remove(pu.path)
		}
	}()
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			c.uploadReadFailed(w, r, s, pu, err)
			return
		}
		switch part.FormName() {
		case "dataset":
			b, _ := io.ReadAll(io.LimitReader(part, 256))
			pu.target = strings.TrimSpace(string(b))
		case "file":
			if pu.path != "" {
				continue
			}
			pu.name = filepath.Base(part.FileName())
			if err := os.MkdirAll(c.uploads.dir, 0o700); err != nil {
				c.internalError(w, r, err)
				return
			}
			f, err := os.CreateTemp(c.uploads.dir, "upload-*")
			if err != nil {
				c.internalError(w, r, err)
				return
			}
			pu.path = f.Name()
			n, err := io.Copy(f, io.LimitReader(part, c.uploads.max+1))
			cerr := f.Close()
			pu.size = n
			if err == nil {
				err = cerr
			}
			if err != nil {
				pu.expires = time.Time{}
				c.uploadReadFailed(w, r, s, pu, err)
				return
			}
			if n > c.uploads.max {
				pu.expires = time.Time{}
				c.uploadFailed(w, r, s, nil, fmt.Sprintf("The file is larger than this server's limit of %s.", byteSize(c.uploads.max)))
				return
			}
		}
		part.Close()
	}
	if pu.path == "" || pu.size == 0 {
		pu.expires = time.Time{}
		c.uploadFailed(w, r, s, nil, "Choose a file to upload: the form had none, or it was empty.")
		return
	}
	var target *sg.DataSet
	if pu.target != "" {
		if target, _, err = c.app.ConsoleUploadDataSet(ctx, s.User, pu.target); err != nil {
			pu.expires = time.Time{}
			c.dataError(w, r, err)
			return
		}
	}
	preview, err := upload.Inspect(pu.path, pu.name, upload.Settings{})
	if err != nil {
		pu.expires = time.Time{}
		c.uploadFailed(w, r, s, target, "The file can't be read: "+err.Error()+".")
		return
	}
	tok, err := c.uploads.add(pu, c.now())
	if err != nil {
		pu.expires = time.Time{}
		c.dataError(w, r, err)
		return
	}
	name := strings.TrimSuffix(pu.name, filepath.Ext(pu.name))
	if target != nil {
		name = target.Name
	}
	p := c.uploadData(&uploadPage{Token: tok, FileName: pu.name, Size: pu.size, Preview: preview, Name: name, Target: target})
	if target != nil {
		p.Error = columnDiff(target, preview.Columns)
	}
	d := c.dataPageData(r, s, "Preview of "+pu.name)
	d.Data = &dataPage{Upload: p}
	c.renderData(w, r, http.StatusOK, "upload", d)
}

// columnDiff words how a preview's columns differ from a dataset's.
func columnDiff(target *sg.DataSet, cols []upload.Column) string {
	if diff := app.ColumnChanges(target.OutputColumns, cols); diff != "" {
		return "The file's columns differ from the dataset's: " + diff + ". Correct the types below, or upload the file as a new dataset."
	}
	return ""
}

// uploadReadFailed renders the page of a body that could not be read.
func (c *Console) uploadReadFailed(w http.ResponseWriter, r *http.Request, s *signedIn, pu *pendingUpload, err error) {
	if pu.path != "" {
		os.Remove(pu.path)
		pu.path = ""
	}
	if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
		w.Header().Set("Connection", "close")
		c.uploadFailed(w, r, s, nil, fmt.Sprintf("The file is larger than this server's limit of %s.", byteSize(c.uploads.max)))
		return
	}
	c.uploadFailed(w, r, s, nil, "The upload was interrupted. Try again.")
}

// uploadFailed renders the upload form with an error.
func (c *Console) uploadFailed(w http.ResponseWriter, r *http.Request, s *signedIn, target *sg.DataSet, msg string) {
	d := c.dataPageData(r, s, "Upload a file")
	d.Data = &dataPage{Upload: c.uploadData(&uploadPage{Error: msg, Target: target})}
	c.renderData(w, r, http.StatusBadRequest, "upload", d)
}

// byteSize words a size in bytes.
func byteSize(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return strconv.FormatInt(n>>30, 10) + " GB"
	case n >= 1<<20:
		return strconv.FormatInt(n>>20, 10) + " MB"
	case n >= 1<<10:
		return strconv.FormatInt(n>>10, 10) + " KB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// maxUploadForm bounds the preview and import forms (names and types of up
// to 1000 columns).
const maxUploadForm = 512 << 10

// readUploadForm reads the preview form: the settings and the author's
// columns.
func (c *Console) readUploadForm(w http.ResponseWriter, r *http.Request, s *signedIn) (string, *pendingUpload, upload.Settings, []upload.Column, bool) {
	r.Body = http.MaxBytesReader(w, r.Body, maxUploadForm)
	if err := r.ParseForm(); err != nil {
		c.errorPage(w, r, r.PathValue("sid"), http.StatusBadRequest, "BadRequest", "The form could not be read", "The form was too large or malformed.", "")
		return "", nil, upload.Settings{}, nil, false
	}
	tok := r.PathValue("token")
	pu := c.uploads.get(tok, s.Session.EmbedID, c.now())
	if pu == nil {
		c.uploadFailed(w, r, s, nil, "This upload has expired or was already imported. Upload the file again.")
		return "", nil, upload.Settings{}, nil, false
	}
	f := r.PostForm
	set := upload.Settings{Format: f.Get("format"), Encoding: f.Get("encoding"), Delimiter: delimiterValue(f.Get("delimiter")), Header: f.Get("header") == "on", HeaderSet: true, Sheet: f.Get("sheet")}
	n, _ := strconv.Atoi(f.Get("columns"))
	var cols []upload.Column
	for i := 0; i < n && i < upload.MaxColumns; i++ {
		k := strconv.Itoa(i)
		cols = append(cols, upload.Column{Name: strings.TrimSpace(f.Get("name" + k)), Type: f.Get("type" + k)})
	}
	return tok, pu, set, cols, true
}

// delimiterValue reads the delimiter field ("tab" is a tab).
func delimiterValue(v string) string {
	if v == "tab" || v == "\\t" {
		return "\t"
	}
	return v
}

// handleUploadPreview reads the file again with the author's settings.
// When only types or names changed, the author's columns are kept.
func (c *Console) handleUploadPreview(w http.ResponseWriter, r *http.Request) {
	s := c.dataSession(w, r)
	if s == nil {
		return
	}
	tok, pu, set, cols, ok := c.readUploadForm(w, r, s)
	if !ok {
		return
	}
	c.renderPreview(w, r, s, tok, pu, set, cols, r.PostForm.Get("dsname"), "", http.StatusOK)
}

// renderPreview inspects the pending file with set and renders the
// preview; cols (the author's) replace the inferred ones when the
// settings give as many columns.
func (c *Console) renderPreview(w http.ResponseWriter, r *http.Request, s *signedIn, tok string, pu *pendingUpload, set upload.Settings, cols []upload.Column, name, errMsg string, status int) {
	prevKey := r.PostForm.Get("settings")
	preview, err := upload.Inspect(pu.path, pu.name, set)
	var target *sg.DataSet
	if pu.target != "" {
		if target, _, err = c.app.ConsoleUploadDataSet(r.Context(), s.User, pu.target); err != nil {
			c.dataError(w, r, err)
			return
		}
	}
	p := c.uploadData(&uploadPage{Token: tok, FileName: pu.name, Size: pu.size, Name: name, Target: target, Error: errMsg})
	if err != nil {
		if p.Error == "" {
			p.Error = "The file can't be read with these settings: " + err.Error() + "."
		}
		preview, _ = upload.Inspect(pu.path, pu.name, upload.Settings{})
		status = http.StatusBadRequest
	} else if len(cols) == len(preview.Columns) && prevKey == settingsKey(preview.Settings) {
		for i := range cols {
			if cols[i].Name != "" {
				preview.Columns[i].Name = cols[i].Name
			}
			if cols[i].Type != "" {
				preview.Columns[i].Type = cols[i].Type
			}
		}
	}
	p.Preview = preview
	if p.Error == "" && target != nil && preview != nil {
		p.Error = columnDiff(target, preview.Columns)
	}
	d := c.dataPageData(r, s, "Preview of "+pu.name)
	d.Data = &dataPage{Upload: p}
	c.renderData(w, r, status, "upload", d)
}

// settingsKey identifies the settings a preview was read with, so that a
// form posted after a settings change uses the new inferred columns.
func settingsKey(s upload.Settings) string {
	return fmt.Sprintf("%s|%s|%q|%t|%s", s.Format, s.Encoding, s.Delimiter, s.Header, s.Sheet)
}

// handleUploadImport imports the pending file with the author's settings
// and columns. A bad row stores nothing: the preview comes back with the
// line and column that is wrong.
func (c *Console) handleUploadImport(w http.ResponseWriter, r *http.Request) {
	s := c.dataSession(w, r)
	if s == nil {
		return
	}
	tok, pu, set, cols, ok := c.readUploadForm(w, r, s)
	if !ok {
		return
	}
	rc := http.NewResponseController(w)
	_ = rc.SetWriteDeadline(time.Now().Add(time.Hour))
	name := strings.TrimSpace(r.PostForm.Get("dsname"))
	if !pu.importing.CompareAndSwap(false, true) {
		c.uploadFailed(w, r, s, nil, "This file is already being imported.")
		return
	}
	defer pu.importing.Store(false)
	pu.rows.Store(0)
	in := app.UploadInput{Path: pu.path, Name: name, Settings: set, Columns: cols, Progress: pu.rows.Store}
	var d *sg.DataSet
	var ing *sg.Ingestion
	event, params := "CreateDataSet", map[string]any{"awsAccountId": s.User.AccountID, "upload": pu.name, "name": name}
	if pu.target != "" {
		event, params["dataSetId"] = "CreateIngestion", pu.target
	}
	err := c.app.ConsoleChange(r.Context(), s.User, event, params, func(ctx context.Context) error {
		var err error
		if pu.target != "" {
			d, ing, err = c.app.ConsoleReplaceUpload(ctx, s.User, pu.target, in)
		} else {
			d, ing, err = c.app.ConsoleImportUpload(ctx, s.User, in)
		}
		return err
	})
	if err != nil {
		switch sg.ErrorCode(err) {
		case sg.EINVALID, sg.ELIMIT:
			c.renderPreview(w, r, s, tok, pu, set, cols, name, sg.ErrorMessage(err), http.StatusBadRequest)
		default:
			c.dataError(w, r, err)
		}
		return
	}
	c.uploads.remove(tok)
	page := c.dataPageData(r, s, d.Name)
	page.ResourceID = d.ID
	page.Data = &dataPage{Upload: c.uploadData(&uploadPage{FileName: pu.name, DataSet: d, Ingestion: ing})}
	w.Header().Set("HX-Push-Url", "false")
	c.renderData(w, r, http.StatusOK, "upload", page)
}

// handleUploadIngestion answers with the status fragment of an upload's
// ingestion (polled until it ends).
func (c *Console) handleUploadIngestion(w http.ResponseWriter, r *http.Request) {
	s := c.dataSession(w, r)
	if s == nil {
		return
	}
	d, ing, err := c.app.ConsoleIngestion(r.Context(), s.User, r.PathValue("dataset"), r.PathValue("id"))
	if err != nil {
		c.dataError(w, r, err)
		return
	}
	page := &pageData{Sid: s.Session.EmbedID, Data: &dataPage{Upload: &uploadPage{DataSet: d, Ingestion: ing}}}
	if err := c.pages.render(w, http.StatusOK, "upload", "ingestion-status", page); err != nil {
		c.internalError(w, r, err)
	}
}

// handleUploadProgress answers with the rows an import of a pending
// upload has converted so far; status 286 (htmx: stop polling) once the
// upload is gone (imported, expired).
func (c *Console) handleUploadProgress(w http.ResponseWriter, r *http.Request) {
	s := c.dataSession(w, r)
	if s == nil {
		return
	}
	pu := c.uploads.get(r.PathValue("token"), s.Session.EmbedID, c.now())
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	if pu == nil {
		w.WriteHeader(286)
		return
	}
	if n := pu.rows.Load(); pu.importing.Load() && n > 0 {
		fmt.Fprintf(w, "%s rows converted", strconv.FormatInt(n, 10))
	}
}
