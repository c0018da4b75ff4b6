package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/sqlitefile"
	"github.com/sightglass/sightglass/internal/upload"
)

// File uploads. An uploaded file becomes a SPICE dataset the way every
// dataset does: its rows are converted once into a SQLite file under
// <data-source-dir>/uploads/<account>/, a SQLITE data source (id
// "upload-…") reads that file, and a SPICE dataset with one
// RelationalTable on the file's table "data" is created and ingested
// through CreateDataSet. DescribeDataSet therefore returns a
// PhysicalTableMap every client parses and every path of the server
// (preview, ingestion, refresh, the query engine) already reads: QuickSight
// models uploads as S3Source tables but its API refuses to describe them
// ("The data set type is not supported through API yet"), so there is no
// S3Source shape of an upload a client could rely on, and an S3Source
// would name an S3 data source Sightglass does not have.

// uploadSourcePrefix starts the id of the data source of an upload.
const uploadSourcePrefix = "upload-"

// uploadDir is the directory, relative to the data-source directory, of
// an account's uploaded files.
func uploadDir(accountID string) string { return path.Join("uploads", accountID) }

// UploadInput is an uploaded file to import: where the console stored it
// and how to read it.
type UploadInput struct {
	Path     string // the file on disk
	Name     string // the dataset's name
	Settings upload.Settings
	Columns  []upload.Column
	// Progress, if set, is told the rows converted so far, every
	// progressRows rows.
	Progress func(rows int64)
}

// progressRows is how often an import reports its progress.
const progressRows = 10_000

// checkUploads refuses an upload by u: readers, capabilities, a server
// without a data-source directory.
func (a *App) checkUploads(ctx context.Context, u *sg.User) error {
	if err := a.checkDataPages(u); err != nil {
		return err
	}
	if err := a.requireCapability(ctx, u, "upload files as datasets", CapabilityCreateAndUpdateDatasets, CapabilityCreateSPICEDataset); err != nil {
		return err
	}
	if a.data.cfg.DataSourceDir == "" {
		return sg.Errorf(sg.EUNAVAILABLE, "File uploads need the server's data-source directory (--data-source-dir), which is not set.")
	}
	return nil
}

// CheckUpload reports whether u may upload files (for the pages).
func (a *App) CheckUpload(ctx context.Context, u *sg.User) error { return a.checkUploads(ctx, u) }

// writeUpload converts the whole file into a new SQLite file under the
// data-source directory and returns its name relative to that directory.
// A value that does not fit its column is an EINVALID error naming its
// line and column; nothing is left behind.
func (a *App) writeUpload(ctx context.Context, accountID, sourceID string, in UploadInput) (string, int64, error) {
	if err := upload.CheckColumns(in.Columns); err != nil {
		return "", 0, sg.Errorf(sg.EINVALID, "%s.", upperFirst(err.Error()))
	}
	rel := path.Join(uploadDir(accountID), sourceID+"-"+randomUUID()[:8]+".sqlite")
	dest := filepath.Join(a.data.cfg.DataSourceDir, filepath.FromSlash(rel))
	cols := make([]sqlitefile.Column, len(in.Columns))
	for i, c := range in.Columns {
		cols[i] = sqlitefile.Column{Name: c.Name, Type: c.Type}
	}
	limits := a.data.cfg.Ingestion
	rows, err := sqlitefile.Write(ctx, cols, dest, sqlitefile.Options{MaxRows: limits.MaxRows, MaxBytes: limits.MaxBytes}, func(yield func([]any) error) error {
		if in.Progress == nil {
			return upload.Each(ctx, in.Path, in.Settings, in.Columns, yield)
		}
		var n int64
		return upload.Each(ctx, in.Path, in.Settings, in.Columns, func(row []any) error {
			if n++; n%progressRows == 0 {
				in.Progress(n)
			}
			return yield(row)
		})
	})
	if err != nil {
		var re *upload.RowError
		var le *sqlitefile.LimitError
		switch {
		case errors.As(err, &re):
			return "", 0, sg.Errorf(sg.EINVALID, "The file was not imported: %s.", re.Error())
		case errors.As(err, &le):
			return "", 0, sg.Errorf(sg.ELIMIT, "The file was not imported: it passes the server's limit of %d %s per dataset.", le.Max, le.Limit)
		case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
			return "", 0, err
		case errors.Is(err, upload.ErrUnsupported):
			return "", 0, sg.Errorf(sg.EINVALID, "The file was not imported: it is not CSV, TSV, Excel (.xlsx) or JSON lines.")
		}
		if strings.HasPrefix(err.Error(), "sqlitefile:") {
			return "", 0, err
		}
		return "", 0, sg.Errorf(sg.EINVALID, "The file was not imported: %s.", err.Error())
	}
	return rel, rows, nil
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// uploadPhysicalTable is the PhysicalTableMap of an upload dataset.
func (a *App) uploadPhysicalTable(accountID, sourceID string, cols []upload.Column) json.RawMessage {
	type input struct {
		Name string `json:"Name"`
		Type string `json:"Type"`
	}
	in := make([]input, len(cols))
	for i, c := range cols {
		in[i] = input{c.Name, c.Type}
	}
	b, _ := json.Marshal(map[string]any{"upload": map[string]any{"RelationalTable": map[string]any{
		"DataSourceArn": a.DataSourceARN(accountID, sourceID),
		"Name":          sqlitefile.Table,
		"InputColumns":  in,
	}}})
	return b
}

// ConsoleImportUpload imports an uploaded file as a new SPICE dataset
// owned by u, and starts its ingestion. Nothing is stored when a row of
// the file does not fit.
func (a *App) ConsoleImportUpload(ctx context.Context, u *sg.User, in UploadInput) (*sg.DataSet, *sg.Ingestion, error) {
	if err := a.checkUploads(ctx, u); err != nil {
		return nil, nil, err
	}
	name := strings.TrimSpace(in.Name)
	if err := checkLen("name", name, 1, 128); err != nil {
		return nil, nil, sg.Errorf(sg.EINVALID, "Give the dataset a name of 1 to 128 characters.")
	}
	sourceID := uploadSourcePrefix + randomUUID()
	rel, _, err := a.writeUpload(ctx, u.AccountID, sourceID, in)
	if err != nil {
		return nil, nil, err
	}
	file := filepath.Join(a.data.cfg.DataSourceDir, filepath.FromSlash(rel))
	undo := func() { os.Remove(file) }
	src, err := a.CreateSQLiteDataSource(ctx, u.AccountID, sourceID, truncateName("Upload: "+name), rel)
	if err != nil {
		undo()
		return nil, nil, err
	}
	undo = func() {
		_ = a.Store.DeleteDataSource(context.WithoutCancel(ctx), u.AccountID, sourceID)
		os.Remove(file)
	}
	if _, err := a.UpdateDataSourcePermissions(ctx, u.AccountID, sourceID, []sg.ResourcePermission{{Principal: a.UserARN(u), Actions: DataSourceOwnerActions}}, nil); err != nil {
		undo()
		return nil, nil, err
	}
	if src.Status != sg.StatusCreationSuccessful {
		undo()
		return nil, nil, fmt.Errorf("upload %s: the imported file cannot be opened: %s", sourceID, src.ErrorMessage)
	}
	d, ing, err := a.CreateDataSet(ctx, DataSetInput{
		AccountID: u.AccountID, DataSetID: randomUUID(), Name: name, ImportMode: sg.ImportSPICE,
		PhysicalTableMap: a.uploadPhysicalTable(u.AccountID, sourceID, in.Columns),
		Permissions:      []sg.ResourcePermission{{Principal: a.UserARN(u), Actions: uploadDataSetOwnerActions}},
	})
	if err != nil {
		if d != nil {
			_ = a.Store.DeleteDataSet(context.WithoutCancel(ctx), d.AccountID, d.ID)
		}
		undo()
		return nil, nil, err
	}
	return d, ing, nil
}

func truncateName(s string) string {
	if len(s) <= 128 {
		return s
	}
	n := 128
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}

// UploadSource returns the upload data source a dataset reads, or nil when
// the dataset is not an upload.
func (a *App) UploadSource(ctx context.Context, d *sg.DataSet) (*sg.DataSource, error) {
	if len(d.DataSourceIDs) != 1 || !strings.HasPrefix(d.DataSourceIDs[0], uploadSourcePrefix) {
		return nil, nil
	}
	src, err := a.Store.FindDataSource(ctx, d.AccountID, d.DataSourceIDs[0])
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	if src.Type != sg.DataSourceSQLite {
		return nil, nil
	}
	return src, nil
}

// ConsoleUploadDataSet returns an upload dataset u may replace the data
// of: its owner, or an admin.
func (a *App) ConsoleUploadDataSet(ctx context.Context, u *sg.User, id string) (*sg.DataSet, *sg.DataSource, error) {
	if err := a.checkUploads(ctx, u); err != nil {
		return nil, nil, err
	}
	if checkDataSetID(id) != nil {
		return nil, nil, dataSetNotFound(u.AccountID, id)
	}
	d, err := a.findDataSet(ctx, u.AccountID, id)
	if err != nil {
		return nil, nil, err
	}
	if ok, err := a.sees(ctx, u, d.Permissions); err != nil {
		return nil, nil, err
	} else if !ok {
		return nil, nil, sg.Errorf(sg.EACCESSDENIED, "Dataset %s is not shared with you.", id)
	}
	if !a.ownsResource(ctx, u, d.Permissions, "quicksight:UpdateDataSet") {
		return nil, nil, sg.Errorf(sg.EACCESSDENIED, "Only an owner of dataset %s can replace its data.", id)
	}
	src, err := a.UploadSource(ctx, d)
	if err != nil {
		return nil, nil, err
	}
	if src == nil {
		return nil, nil, sg.Errorf(sg.EINVALID, "Dataset %s was not made from an uploaded file.", id)
	}
	return d, src, nil
}

// ColumnChanges describes how new columns differ from a dataset's: ""
// when they are the same names with the same types, in the same order.
func ColumnChanges(old []sg.DataSetColumn, cols []upload.Column) string {
	had := map[string]string{}
	for _, c := range old {
		had[c.Name] = c.Type
	}
	has := map[string]bool{}
	var added, changed, removed []string
	for _, c := range cols {
		has[c.Name] = true
		t, ok := had[c.Name]
		switch {
		case !ok:
			added = append(added, fmt.Sprintf("%q (%s)", c.Name, c.Type))
		case t != c.Type:
			changed = append(changed, fmt.Sprintf("%q from %s to %s", c.Name, t, c.Type))
		}
	}
	for _, c := range old {
		if !has[c.Name] {
			removed = append(removed, fmt.Sprintf("%q (%s)", c.Name, c.Type))
		}
	}
	var parts []string
	if len(added) > 0 {
		parts = append(parts, "new columns "+strings.Join(added, ", "))
	}
	if len(removed) > 0 {
		parts = append(parts, "missing columns "+strings.Join(removed, ", "))
	}
	if len(changed) > 0 {
		parts = append(parts, "changed types: "+strings.Join(changed, ", "))
	}
	if len(parts) == 0 && len(old) == len(cols) {
		for i := range old {
			if old[i].Name != cols[i].Name {
				return "the columns are in another order"
			}
		}
	}
	return strings.Join(parts, "; ")
}

// ConsoleReplaceUpload replaces the data of an upload dataset with a new
// file of the same columns and starts a full ingestion of it. A file whose
// columns differ is refused with what changed; a bad row stores nothing
// and leaves the dataset as it was.
func (a *App) ConsoleReplaceUpload(ctx context.Context, u *sg.User, dataSetID string, in UploadInput) (*sg.DataSet, *sg.Ingestion, error) {
	d, src, err := a.ConsoleUploadDataSet(ctx, u, dataSetID)
	if err != nil {
		return nil, nil, err
	}
	if diff := ColumnChanges(d.OutputColumns, in.Columns); diff != "" {
		return nil, nil, sg.Errorf(sg.EINVALID, "The new file's columns differ from the dataset's: %s. Change the types on the preview to match, or upload the file as a new dataset.", diff)
	}
	conn, err := parseParameters("dataSourceParameters", src.Type, src.Parameters)
	if err != nil || conn == nil {
		return nil, nil, fmt.Errorf("upload source %s: %v", src.ID, err)
	}
	rel, _, err := a.writeUpload(ctx, u.AccountID, src.ID, in)
	if err != nil {
		return nil, nil, err
	}
	params, _ := json.Marshal(map[string]any{SQLiteParametersMember: map[string]string{"FileName": rel}})
	next := *src
	next.Parameters, next.Version, next.UpdatedAt = params, src.Version+1, a.now()
	if err := a.Store.UpdateDataSource(ctx, &next); err != nil {
		os.Remove(filepath.Join(a.data.cfg.DataSourceDir, filepath.FromSlash(rel)))
		return nil, nil, err
	}
	a.forgetDataSource(src)
	if conn.FileName != rel && strings.HasPrefix(conn.FileName, uploadDir(u.AccountID)+"/") {
		os.Remove(filepath.Join(a.data.cfg.DataSourceDir, filepath.FromSlash(conn.FileName)))
	}
	ing, err := a.startIngestion(ctx, d, randomUUID(), "FULL_REFRESH")
	return d, ing, err
}

// ConsoleIngestion returns an ingestion of a dataset u may see.
func (a *App) ConsoleIngestion(ctx context.Context, u *sg.User, dataSetID, id string) (*sg.DataSet, *sg.Ingestion, error) {
	if err := a.checkDataPages(u); err != nil {
		return nil, nil, err
	}
	if checkDataSetID(dataSetID) != nil || checkIngestionID(id) != nil {
		return nil, nil, dataSetNotFound(u.AccountID, dataSetID)
	}
	d, err := a.findDataSet(ctx, u.AccountID, dataSetID)
	if err != nil {
		return nil, nil, err
	}
	if ok, err := a.sees(ctx, u, d.Permissions); err != nil {
		return nil, nil, err
	} else if !ok {
		return nil, nil, sg.Errorf(sg.EACCESSDENIED, "Dataset %s is not shared with you.", dataSetID)
	}
	in, err := a.DescribeIngestion(ctx, u.AccountID, dataSetID, id)
	return d, in, err
}

// removeUploadFile deletes the file of an upload's data source once the
// data source is deleted; other data sources' files are the operator's.
func (a *App) removeUploadFile(d *sg.DataSource) {
	if d.Type != sg.DataSourceSQLite || !strings.HasPrefix(d.ID, uploadSourcePrefix) || a.data == nil || a.data.cfg.DataSourceDir == "" {
		return
	}
	conn, err := parseParameters("dataSourceParameters", d.Type, d.Parameters)
	if err != nil || conn == nil || !strings.HasPrefix(conn.FileName, uploadDir(d.AccountID)+"/") || strings.Contains(conn.FileName, "..") {
		return
	}
	os.Remove(filepath.Join(a.data.cfg.DataSourceDir, filepath.FromSlash(conn.FileName)))
}
