package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query/source"
)

// The custom-permission capabilities of the model's Capabilities shape
// that govern data sources. An upload makes a SPICE dataset, so it takes
// the dataset capabilities (CapabilityCreateAndUpdateDatasets,
// CapabilityCreateSPICEDataset); the model has no capability of its own
// for uploading a file.
const (
	CapabilityCreateAndUpdateDataSources = "CreateAndUpdateDataSources"
	CapabilityShareDataSources           = "ShareDataSources"
)

// DataPageCapabilities lists the capabilities the data-source and upload
// pages enforce.
var DataPageCapabilities = []string{CapabilityCreateAndUpdateDataSources, CapabilityShareDataSources, CapabilityCreateAndUpdateDatasets, CapabilityCreateSPICEDataset}

// DataSourceOwnerActions are the actions a data source's owner holds, as
// the QuickSight console grants them.
var DataSourceOwnerActions = []string{
	"quicksight:DescribeDataSource", "quicksight:DescribeDataSourcePermissions", "quicksight:PassDataSource",
	"quicksight:UpdateDataSource", "quicksight:DeleteDataSource", "quicksight:UpdateDataSourcePermissions",
}

// DataSourceUserActions are the actions of a user a data source is
// shared with (who may build datasets on it).
var DataSourceUserActions = []string{
	"quicksight:DescribeDataSource", "quicksight:DescribeDataSourcePermissions", "quicksight:PassDataSource",
}

// uploadDataSetOwnerActions are the actions the author of an upload holds
// on its dataset.
var uploadDataSetOwnerActions = []string{
	"quicksight:DescribeDataSet", "quicksight:DescribeDataSetPermissions", "quicksight:PassDataSet",
	"quicksight:DescribeIngestion", "quicksight:ListIngestions", "quicksight:UpdateDataSet",
	"quicksight:DeleteDataSet", "quicksight:CreateIngestion", "quicksight:CancelIngestion",
	"quicksight:UpdateDataSetPermissions",
}

// checkDataPages refuses users who may not use the data pages: readers
// see none.
func (a *App) checkDataPages(u *sg.User) error {
	if !IsAuthorRole(u.Role) || !u.Active {
		return sg.Errorf(sg.EACCESSDENIED, "Readers can't open data pages.")
	}
	if a.data == nil {
		return sg.Errorf(sg.EUNAVAILABLE, "Data sources are not configured on this server.")
	}
	return nil
}

// CanManageDataSource reports whether u may edit, share and delete d: an
// admin, or a user d is shared with as owner.
func (a *App) CanManageDataSource(ctx context.Context, u *sg.User, d *sg.DataSource) bool {
	return a.ownsResource(ctx, u, d.Permissions, "quicksight:UpdateDataSource")
}

// CanShareDataSource reports whether u may change who d is shared with.
func (a *App) CanShareDataSource(ctx context.Context, u *sg.User, d *sg.DataSource) bool {
	return a.ownsResource(ctx, u, d.Permissions, "quicksight:UpdateDataSourcePermissions")
}

// ConsoleDataSource returns a data source u may see: ENOTFOUND if there is
// none, EACCESSDENIED if it is not shared with them.
func (a *App) ConsoleDataSource(ctx context.Context, u *sg.User, id string) (*sg.DataSource, error) {
	if err := a.checkDataPages(u); err != nil {
		return nil, err
	}
	if checkDataSourceID(id) != nil {
		return nil, dataSourceNotFound(u.AccountID, id)
	}
	d, err := a.findDataSource(ctx, u.AccountID, id)
	if err != nil {
		return nil, err
	}
	if ok, err := a.sees(ctx, u, d.Permissions); err != nil {
		return nil, err
	} else if !ok {
		return nil, sg.Errorf(sg.EACCESSDENIED, "Data source %s is not shared with you.", id)
	}
	return d, nil
}

// consoleManagedDataSource returns a data source u may manage.
func (a *App) consoleManagedDataSource(ctx context.Context, u *sg.User, id string) (*sg.DataSource, error) {
	d, err := a.ConsoleDataSource(ctx, u, id)
	if err != nil {
		return nil, err
	}
	if !a.CanManageDataSource(ctx, u, d) {
		return nil, sg.Errorf(sg.EACCESSDENIED, "Data source %s is shared with you as a user, not as an owner: you can't change it.", id)
	}
	return d, nil
}

// ConsoleDataSourceInput is a data source as the console's form gives it.
type ConsoleDataSourceInput struct {
	ID       string // "" on create: a new UUID
	Name     string
	Type     string // POSTGRESQL, MYSQL or MARIADB (create only)
	Host     string
	Port     int
	Database string
	// Username and Password are the credentials; on an edit an empty
	// password keeps the stored credentials (when the server is the same).
	Username string
	Password string
	// DisableSSL is the SslProperties.DisableSsl member.
	DisableSSL bool
	// FileName is the file of a SQLITE data source: one of
	// ConsoleSQLiteFiles (create only).
	FileName string
}

// parametersJSON is the DataSourceParameters of the form.
func (in *ConsoleDataSourceInput) parametersJSON(typ string) json.RawMessage {
	member := serverParameterMembers[typ]
	b, _ := json.Marshal(map[string]any{member: map[string]any{"Host": in.Host, "Port": in.Port, "Database": in.Database}})
	return b
}

// ConsoleCreateDataSource creates a data source owned by u through
// CreateDataSource, which tests the connection: the result may have
// status CREATION_FAILED with the reason.
func (a *App) ConsoleCreateDataSource(ctx context.Context, u *sg.User, in ConsoleDataSourceInput) (*sg.DataSource, error) {
	if err := a.checkDataPages(u); err != nil {
		return nil, err
	}
	if err := a.requireCapability(ctx, u, "create or change data sources", CapabilityCreateAndUpdateDataSources); err != nil {
		return nil, err
	}
	if in.ID == "" {
		in.ID = randomUUID()
	}
	if in.Type == sg.DataSourceSQLite {
		return a.consoleCreateSQLite(ctx, u, in)
	}
	if _, ok := serverParameterMembers[in.Type]; !ok {
		return nil, sg.Errorf(sg.EINVALID, "Choose PostgreSQL, MySQL, MariaDB or a SQLite file of the server's data-source directory.")
	}
	ssl, _ := json.Marshal(map[string]bool{"DisableSsl": in.DisableSSL})
	return a.CreateDataSource(ctx, DataSourceInput{
		AccountID: u.AccountID, DataSourceID: in.ID, Name: strings.TrimSpace(in.Name), Type: in.Type,
		Parameters:  in.parametersJSON(in.Type),
		Credentials: &Credentials{CredentialPair: &CredentialPair{Username: in.Username, Password: in.Password}},
		SSL:         ssl,
		Permissions: []sg.ResourcePermission{{Principal: a.UserARN(u), Actions: DataSourceOwnerActions}},
	})
}

// ConsoleUpdateDataSource changes a data source u manages through
// UpdateDataSource, which tests the connection again. A SQLite file's
// data source can only be renamed.
func (a *App) ConsoleUpdateDataSource(ctx context.Context, u *sg.User, in ConsoleDataSourceInput) (*sg.DataSource, error) {
	if err := a.requireCapability(ctx, u, "create or change data sources", CapabilityCreateAndUpdateDataSources); err != nil {
		return nil, err
	}
	d, err := a.consoleManagedDataSource(ctx, u, in.ID)
	if err != nil {
		return nil, err
	}
	up := DataSourceInput{AccountID: u.AccountID, DataSourceID: d.ID, Name: strings.TrimSpace(in.Name)}
	if d.Type != sg.DataSourceSQLite {
		up.Parameters = in.parametersJSON(d.Type)
		up.SSL, _ = json.Marshal(map[string]bool{"DisableSsl": in.DisableSSL})
		if in.Password != "" {
			up.Credentials = &Credentials{CredentialPair: &CredentialPair{Username: in.Username, Password: in.Password}}
		}
	}
	return a.UpdateDataSource(ctx, up)
}

// ConsoleDeleteDataSource deletes a data source u manages.
func (a *App) ConsoleDeleteDataSource(ctx context.Context, u *sg.User, id string) error {
	if err := a.requireCapability(ctx, u, "delete data sources", CapabilityCreateAndUpdateDataSources); err != nil {
		return err
	}
	if _, err := a.consoleManagedDataSource(ctx, u, id); err != nil {
		return err
	}
	return a.DeleteDataSource(ctx, u.AccountID, id)
}

// ConsoleShareDataSource grants (or, with revoke, takes away) a user's
// access to a data source u may share, through UpdateDataSourcePermissions:
// as "owner" or "user".
func (a *App) ConsoleShareDataSource(ctx context.Context, u *sg.User, id, userName, level string, revoke bool) (*sg.DataSource, error) {
	if err := a.requireCapability(ctx, u, "share data sources", CapabilityShareDataSources); err != nil {
		return nil, err
	}
	d, err := a.ConsoleDataSource(ctx, u, id)
	if err != nil {
		return nil, err
	}
	if !a.CanShareDataSource(ctx, u, d) {
		return nil, sg.Errorf(sg.EACCESSDENIED, "Only an owner of data source %s can share it.", id)
	}
	other, err := a.Store.FindUser(ctx, u.AccountID, sg.DefaultNamespace, userName)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, sg.Errorf(sg.EINVALID, "There is no user named %q in this account.", userName)
	} else if err != nil {
		return nil, err
	}
	arn := a.UserARN(other)
	if revoke {
		var actions []string
		for _, p := range d.Permissions {
			if p.Principal == arn {
				actions = p.Actions
			}
		}
		if len(actions) == 0 {
			return d, nil
		}
		if arn == a.UserARN(u) && !IsAdminRole(u.Role) {
			return nil, sg.Errorf(sg.EINVALID, "You can't remove your own access; ask another owner.")
		}
		return a.UpdateDataSourcePermissions(ctx, u.AccountID, id, nil, []sg.ResourcePermission{{Principal: arn, Actions: actions}})
	}
	actions := DataSourceUserActions
	switch level {
	case "owner":
		actions = DataSourceOwnerActions
	case "user":
	default:
		return nil, sg.Errorf(sg.EINVALID, "Share as owner or user.")
	}
	if !IsAuthorRole(other.Role) && level == "owner" {
		return nil, sg.Errorf(sg.EINVALID, "%s is a reader: readers can't own data sources.", userName)
	}
	var grant []sg.ResourcePermission
	var revokeOld []sg.ResourcePermission
	for _, p := range d.Permissions {
		if p.Principal == arn {
			revokeOld = append(revokeOld, p)
		}
	}
	grant = append(grant, sg.ResourcePermission{Principal: arn, Actions: actions})
	if len(revokeOld) > 0 {
		if _, err := a.UpdateDataSourcePermissions(ctx, u.AccountID, id, nil, revokeOld); err != nil {
			return nil, err
		}
	}
	return a.UpdateDataSourcePermissions(ctx, u.AccountID, id, grant, nil)
}

// DataSourceDependents returns the datasets that read data source id
// which u may see, and how many others (not shared with u) read it.
func (a *App) DataSourceDependents(ctx context.Context, u *sg.User, id string) ([]*sg.DataSet, int, error) {
	var out []*sg.DataSet
	hidden := 0
	visible, err := a.visibility(ctx, u)
	if err != nil {
		return nil, 0, err
	}
	p := sg.Page{Limit: 100}
	for n := 0; n < 100; n++ { // at most 10,000 datasets are looked at
		list, more, err := a.Store.ListDataSets(ctx, u.AccountID, p)
		if err != nil {
			return nil, 0, err
		}
		for _, d := range list {
			if !slices.Contains(d.DataSourceIDs, id) {
				continue
			}
			if visible(d.Permissions) {
				out = append(out, d)
			} else {
				hidden++
			}
		}
		if !more || len(list) == 0 {
			break
		}
		p.After = list[len(list)-1].ID
	}
	return out, hidden, nil
}

// DataSourceConnection is where a data source connects, as its edit form
// shows it (never the password).
type DataSourceConnection struct {
	Host       string
	Port       int
	Database   string
	FileName   string // SQLITE
	Username   string
	DisableSSL bool
}

// ConsoleDataSourceConnection returns the connection of a data source u
// manages.
func (a *App) ConsoleDataSourceConnection(ctx context.Context, u *sg.User, d *sg.DataSource) (DataSourceConnection, error) {
	var out DataSourceConnection
	if !a.CanManageDataSource(ctx, u, d) {
		return out, sg.Errorf(sg.EACCESSDENIED, "Only an owner of data source %s can see its connection.", d.ID)
	}
	if conn, err := parseParameters("dataSourceParameters", d.Type, d.Parameters); err == nil && conn != nil {
		out.Host, out.Port, out.Database, out.FileName = conn.Host, conn.Port, conn.Database, conn.FileName
	}
	creds, err := a.openCredentials(d)
	if err != nil {
		return out, err
	}
	if creds != nil {
		out.Username = creds.Username
	}
	var ssl struct{ DisableSsl bool }
	if len(d.SSLProperties) > 0 {
		_ = json.Unmarshal(d.SSLProperties, &ssl)
	}
	out.DisableSSL = ssl.DisableSsl
	return out, nil
}

// ConsoleTestDataSource tests the connection of a data source form
// without storing anything: the result's Status is CREATION_SUCCESSFUL or
// CREATION_FAILED with ErrorType and ErrorMessage. On the form of an
// existing data source (in.ID set) an empty password tests with the stored
// credentials, if they may be used with the form's server.
func (a *App) ConsoleTestDataSource(ctx context.Context, u *sg.User, in ConsoleDataSourceInput) (*sg.DataSource, error) {
	if err := a.checkDataPages(u); err != nil {
		return nil, err
	}
	if err := a.requireCapability(ctx, u, "create or change data sources", CapabilityCreateAndUpdateDataSources); err != nil {
		return nil, err
	}
	typ := in.Type
	var prev *sg.DataSource
	if in.ID != "" {
		var err error
		if prev, err = a.consoleManagedDataSource(ctx, u, in.ID); err != nil {
			return nil, err
		}
		typ = prev.Type
	}
	d := &sg.DataSource{AccountID: u.AccountID, ID: "console-test", Type: typ}
	var conn *connection
	var err error
	if prev != nil && typ == sg.DataSourceSQLite {
		conn, err = parseParameters("dataSourceParameters", typ, prev.Parameters)
	} else {
		if _, ok := serverParameterMembers[typ]; !ok {
			return nil, sg.Errorf(sg.EINVALID, "Choose PostgreSQL, MySQL or MariaDB.")
		}
		conn, err = parseParameters("dataSourceParameters", typ, in.parametersJSON(typ))
	}
	if err != nil {
		return nil, err
	}
	var creds *storedCredentials
	switch {
	case in.Password != "":
		creds = &storedCredentials{Username: in.Username, Password: in.Password}
	case prev != nil:
		if creds, err = a.openCredentials(prev); err != nil {
			return nil, err
		}
		if creds != nil && !credentialsAllowed(prev, creds, conn) {
			return nil, sg.Errorf(sg.EINVALID, "Enter the password: the stored credentials are not used with another host, port or database.")
		}
		if creds != nil && in.Username != "" {
			creds.Username = in.Username
		}
	default:
		creds = &storedCredentials{Username: in.Username}
	}
	a.testConnection(ctx, d, conn, creds, nil, sg.StatusCreationSuccessful, sg.StatusCreationFailed)
	return d, nil
}

// SourceColumn is a column of a table at a data source, as the browse
// page lists it.
type SourceColumn struct {
	Schema, Table, Column, Type string
}

// browseLimit bounds the columns one browse lists.
const browseLimit = 500

// browseQueries list a source's columns whose schema, table or column name
// contains a pattern (LIKE, lower case, with \ escapes), ordered, at most
// browseLimit+1. The pattern is bound once per placeholder.
var browseQueries = map[string]struct {
	query string
	binds int
}{
	sg.DataSourcePostgreSQL: {`SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns
WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg\_%' ESCAPE '\'
AND (lower(table_schema) LIKE $1 ESCAPE '\' OR lower(table_name) LIKE $1 ESCAPE '\' OR lower(column_name) LIKE $1 ESCAPE '\')
ORDER BY table_schema, table_name, ordinal_position LIMIT 501`, 1},
	sg.DataSourceMySQL: {`SELECT table_schema, table_name, column_name, column_type FROM information_schema.columns
WHERE table_schema = DATABASE() AND (lower(table_name) LIKE ? OR lower(column_name) LIKE ?)
ORDER BY table_schema, table_name, ordinal_position LIMIT 501`, 2},
}

// sqliteTablesQuery lists a SQLite file's tables and views (its columns
// are read from each table's result: the sources' authorizer refuses the
// table_info pragma).
const sqliteTablesQuery = `SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY name LIMIT 201`

// browseSQLiteTables bounds the tables of a SQLite file a browse reads.
const browseSQLiteTables = 200

// browseSQLite lists the columns of a SQLite file's tables whose table or
// column name contains search.
func (a *App) browseSQLite(ctx context.Context, d *sg.DataSource, search string) ([]SourceColumn, bool, error) {
	params, key, err := a.dataSourceConnection(d)
	if err != nil {
		return nil, false, err
	}
	res, err := a.data.pool.Query(ctx, key, params, sqliteTablesQuery, nil)
	if err != nil {
		return nil, false, browseError(err)
	}
	more := len(res.Rows) > browseSQLiteTables
	var out []SourceColumn
	for i, r := range res.Rows {
		if i == browseSQLiteTables {
			break
		}
		table := fmt.Sprint(r[0])
		cols, err := a.data.pool.Query(ctx, key, params, "SELECT * FROM "+quoteSQLite(table)+" WHERE 0", nil)
		if err != nil {
			return nil, false, browseError(err)
		}
		tableMatches := strings.Contains(strings.ToLower(table), search)
		for j, c := range cols.Columns {
			if !tableMatches && !strings.Contains(strings.ToLower(c), search) {
				continue
			}
			if len(out) == browseLimit {
				return out, true, nil
			}
			out = append(out, SourceColumn{Schema: "main", Table: table, Column: c, Type: cols.Types[j]})
		}
	}
	return out, more, nil
}

func quoteSQLite(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// browseError words an error of a browse query.
func browseError(err error) error {
	var qe *source.QueryError
	if errors.As(err, &qe) {
		return sg.Errorf(sg.EINVALID, "The data source could not be browsed: %s", qe.Message)
	}
	return err
}

// ConsoleBrowseDataSource lists the tables and columns of a data source u
// may see whose schema, table or column name contains search (any case),
// through the data source's own connection (its host rules, read-only
// transaction and time limit): at most 500, and whether there were more.
func (a *App) ConsoleBrowseDataSource(ctx context.Context, u *sg.User, id, search string) ([]SourceColumn, bool, error) {
	d, err := a.ConsoleDataSource(ctx, u, id)
	if err != nil {
		return nil, false, err
	}
	if d.Status != sg.StatusCreationSuccessful && d.Status != sg.StatusUpdateSuccessful {
		return nil, false, sg.Errorf(sg.EINVALID, "Data source %s cannot be browsed: its connection test failed (%s).", id, d.Status)
	}
	if len(search) > 128 {
		search = search[:128]
	}
	if d.Type == sg.DataSourceSQLite {
		return a.browseSQLite(ctx, d, strings.ToLower(search))
	}
	typ := d.Type
	if typ == sg.DataSourceMariaDB {
		typ = sg.DataSourceMySQL
	}
	q, ok := browseQueries[typ]
	if !ok {
		return nil, false, sg.Errorf(sg.EINVALID, "Data sources of type %s cannot be browsed.", d.Type)
	}
	esc := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(strings.ToLower(search))
	args := make([]any, q.binds)
	for i := range args {
		args[i] = "%" + esc + "%"
	}
	params, key, err := a.dataSourceConnection(d)
	if err != nil {
		return nil, false, err
	}
	res, err := a.data.pool.Query(ctx, key, params, q.query, args)
	if err != nil {
		return nil, false, browseError(err)
	}
	var out []SourceColumn
	for _, r := range res.Rows {
		if len(out) == browseLimit {
			return out, true, nil
		}
		if len(r) < 4 {
			continue
		}
		out = append(out, SourceColumn{Schema: fmt.Sprint(r[0]), Table: fmt.Sprint(r[1]), Column: fmt.Sprint(r[2]), Type: fmt.Sprint(r[3])})
	}
	return out, res.Truncated, nil
}

// maxSQLiteFiles bounds the files ConsoleSQLiteFiles lists.
const maxSQLiteFiles = 200

// ConsoleSQLiteFiles lists the SQLite files of the operator's data-source
// directory an author may make a data source of: regular files at its top
// level named *.sqlite, *.sqlite3 or *.db (uploads live in a directory of
// their own and are not listed).
func (a *App) ConsoleSQLiteFiles(u *sg.User) ([]string, error) {
	if err := a.checkDataPages(u); err != nil {
		return nil, err
	}
	dir := a.data.cfg.DataSourceDir
	if dir == "" {
		return nil, nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil
	}
	var out []string
	for _, e := range entries {
		n := e.Name()
		lower := strings.ToLower(n)
		if !e.Type().IsRegular() || strings.HasPrefix(n, ".") || !(strings.HasSuffix(lower, ".sqlite") || strings.HasSuffix(lower, ".sqlite3") || strings.HasSuffix(lower, ".db")) {
			continue
		}
		if out = append(out, n); len(out) == maxSQLiteFiles {
			break
		}
	}
	return out, nil
}

// consoleCreateSQLite creates a SQLITE data source owned by u on a file of
// ConsoleSQLiteFiles.
func (a *App) consoleCreateSQLite(ctx context.Context, u *sg.User, in ConsoleDataSourceInput) (*sg.DataSource, error) {
	files, err := a.ConsoleSQLiteFiles(u)
	if err != nil {
		return nil, err
	}
	if !slices.Contains(files, in.FileName) {
		return nil, sg.Errorf(sg.EINVALID, "Choose one of the SQLite files of the server's data-source directory.")
	}
	if _, err := a.CreateSQLiteDataSource(ctx, u.AccountID, in.ID, strings.TrimSpace(in.Name), in.FileName); err != nil {
		return nil, err
	}
	return a.UpdateDataSourcePermissions(ctx, u.AccountID, in.ID, []sg.ResourcePermission{{Principal: a.UserARN(u), Actions: DataSourceOwnerActions}}, nil)
}
