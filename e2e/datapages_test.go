package e2e

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/xuri/excelize/v2"

	"github.com/sightglass/sightglass/internal/server"
)

// The data pages: data sources and file uploads, driven as the console's
// frame drives them (forms posted with the session header), checked
// against what the API then describes.

// consoleSession signs user in and returns the data pages' base URL and
// the session token.
func (ts *testServer) consoleSession(t testing.TB, user string) (string, string) {
	t.Helper()
	u := ts.mint(t, user, "")
	token, _ := ts.signOn(t, u, -1)
	return ts.URL + "/embedding/" + u.Sid, token
}

// postForm posts a form with the session header, as htmx does.
func (ts *testServer) postSession(t testing.TB, url, token string, form url.Values) *page {
	t.Helper()
	return ts.postBody(t, url, token, "application/x-www-form-urlencoded", []byte(form.Encode()))
}

func (ts *testServer) postBody(t testing.TB, target, token, contentType string, body []byte) *page {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	if token != "" {
		req.Header.Set("X-Sightglass-Session", token)
	}
	c := &http.Client{Transport: ts.httpClient.Transport, Timeout: 30 * time.Second}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatalf("POST %s: %v", target, err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	b.ReadFrom(resp.Body)
	return &page{Status: resp.StatusCode, Header: resp.Header, Body: b.String()}
}

// uploadFile posts a file to the upload form.
func (ts *testServer) uploadFile(t testing.TB, base, token, name string, content []byte, dataset string) *page {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	if dataset != "" {
		mw.WriteField("dataset", dataset)
	}
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(content)
	mw.Close()
	return ts.postBody(t, base+"/data/uploads", token, mw.FormDataContentType(), body.Bytes())
}

var (
	reFormAction = regexp.MustCompile(`action="(/embedding/[0-9a-f]{32}/data/uploads/[0-9a-f]{32})/import"`)
	reHidden     = regexp.MustCompile(`<input type="hidden" name="([a-z]+)" value="([^"]*)">`)
	reColName    = regexp.MustCompile(`<input name="(name\d+)" value="([^"]*)"`)
	reColType    = regexp.MustCompile(`(?s)<select name="(type\d+)"[^>]*>.*?</select>`)
	reSelected   = regexp.MustCompile(`<option selected>([A-Z]+)</option>`)
	reDataSetID  = regexp.MustCompile(`<code id="dataset-id">([0-9a-f-]+)</code>`)
	reImported   = regexp.MustCompile(`<tr><td>([^<]*)</td><td>([A-Z]+)</td></tr>`)
)

// previewForm reads the import form of a preview page: its action and
// fields as the page fills them.
func previewForm(t testing.TB, p *page) (string, url.Values) {
	t.Helper()
	m := reFormAction.FindStringSubmatch(p.Body)
	if m == nil {
		t.Fatalf("no import form on the page (status %d):\n%s", p.Status, p.Body)
	}
	action := m[1]
	f := url.Values{}
	for _, h := range reHidden.FindAllStringSubmatch(p.Body, -1) {
		f.Set(h[1], strings.ReplaceAll(h[2], "&#34;", `"`))
	}
	for _, c := range reColName.FindAllStringSubmatch(p.Body, -1) {
		f.Set(c[1], c[2])
	}
	for _, s := range reColType.FindAllStringSubmatch(p.Body, -1) {
		sel := reSelected.FindStringSubmatch(s[0])
		if sel == nil {
			t.Fatalf("column type without a selection: %s", s[0])
		}
		f.Set(s[1], sel[1])
	}
	f.Set("dsname", "Uploaded")
	if strings.Contains(p.Body, `name="header" checked`) {
		f.Set("header", "on")
	}
	if m := regexp.MustCompile(`(?s)<select name="encoding">.*?<option selected>([^<]+)</option>`).FindStringSubmatch(p.Body); m != nil {
		f.Set("encoding", m[1])
	}
	if m := regexp.MustCompile(`(?s)<select name="delimiter">.*?<option value="([^"]+)" selected>`).FindStringSubmatch(p.Body); m != nil {
		f.Set("delimiter", m[1])
	}
	if m := regexp.MustCompile(`(?s)<select name="sheet">.*?<option selected>([^<]+)</option>`).FindStringSubmatch(p.Body); m != nil {
		f.Set("sheet", m[1])
	}
	return action, f
}

// waitIngestion waits for a dataset's ingestion to end and returns it.
func waitUploadIngestion(t testing.TB, c *quicksight.Client, dataSetID string) *types.Ingestion {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		out, err := c.ListIngestions(t.Context(), &quicksight.ListIngestionsInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String(dataSetID)})
		must(t, err)
		if len(out.Ingestions) > 0 {
			in := out.Ingestions[0]
			switch in.IngestionStatus {
			case types.IngestionStatusCompleted, types.IngestionStatusFailed, types.IngestionStatusCancelled:
				return &in
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("ingestion of %s did not end", dataSetID)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// uploadFiles lists the files the uploads left in the data-source
// directory.
func uploadFiles(t testing.TB, ts *testServer) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(filepath.Join(ts.Config.DataSourceDir, "uploads"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			out = append(out, p)
		}
		return nil
	})
	return out
}

func countDataSets(t testing.TB, c *quicksight.Client) int {
	t.Helper()
	out, err := c.ListDataSets(t.Context(), &quicksight.ListDataSetsInput{AwsAccountId: aws.String(accountID)})
	must(t, err)
	return len(out.DataSetSummaries)
}

func TestUploadCSVBadRowStoresNothingThenGoodImports(t *testing.T) {
	ts := startServer(t)
	c := ts.adminClient()
	base, token := ts.consoleSession(t, "admin")

	// A row whose amount is not a number: the preview infers STRING from
	// the sample; the author says INTEGER and imports.
	bad := []byte("region,amount\nEast,10\nWest,20\nNorth,2O\n")
	p := ts.uploadFile(t, base, token, "sales.csv", bad, "")
	p.wantHTML(t, http.StatusOK)
	action, form := previewForm(t, p)
	if form.Get("name1") != "amount" || form.Get("type1") != "STRING" || form.Get("header") != "on" {
		t.Fatalf("preview form %v", form)
	}
	form.Set("type1", "INTEGER")
	p = ts.postSession(t, ts.URL+action+"/import", token, form)
	if p.Status != http.StatusBadRequest || !strings.Contains(p.Body, `line 4, column 2 (amount): &#34;2O&#34; is not a whole number`) {
		t.Fatalf("bad row: status %d\n%s", p.Status, p.Body)
	}
	if n := countDataSets(t, c); n != 0 {
		t.Fatalf("%d datasets after a refused upload", n)
	}
	if files := uploadFiles(t, ts); len(files) != 0 {
		t.Fatalf("a refused upload left files: %v", files)
	}
	out, err := c.ListDataSources(t.Context(), &quicksight.ListDataSourcesInput{AwsAccountId: aws.String(accountID)})
	must(t, err)
	for _, d := range out.DataSources {
		if strings.HasPrefix(aws.ToString(d.DataSourceId), "upload-") {
			t.Fatalf("a refused upload left data source %s", aws.ToString(d.DataSourceId))
		}
	}

	// The good file imports; DescribeDataSet has the columns the page showed.
	good := []byte("region,amount,day\nEast,10,2024-01-31\nWest,20,2024-02-01\nNorth,20,2024-02-02\n")
	p = ts.uploadFile(t, base, token, "sales.csv", good, "")
	action, form = previewForm(t, p)
	p = ts.postSession(t, ts.URL+action+"/import", token, form)
	p.wantHTML(t, http.StatusOK)
	m := reDataSetID.FindStringSubmatch(p.Body)
	if m == nil {
		t.Fatalf("no dataset on the result page:\n%s", p.Body)
	}
	var shown []types.OutputColumn
	for _, r := range reImported.FindAllStringSubmatch(p.Body, -1) {
		shown = append(shown, types.OutputColumn{Name: aws.String(r[1]), Type: types.ColumnDataType(r[2])})
	}
	ds, err := c.DescribeDataSet(t.Context(), &quicksight.DescribeDataSetInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String(m[1])})
	must(t, err)
	if ds.DataSet.ImportMode != types.DataSetImportModeSpice || len(ds.DataSet.OutputColumns) != len(shown) || len(shown) != 3 {
		t.Fatalf("DescribeDataSet %s, page showed %s", jsonString(ds.DataSet.OutputColumns), jsonString(shown))
	}
	for i, col := range ds.DataSet.OutputColumns {
		if aws.ToString(col.Name) != aws.ToString(shown[i].Name) || col.Type != shown[i].Type {
			t.Fatalf("column %d: DescribeDataSet %s, page %s", i, jsonString(col), jsonString(shown[i]))
		}
	}
	if want := []string{"STRING", "INTEGER", "DATETIME"}; string(shown[1].Type) != want[1] || string(shown[2].Type) != want[2] {
		t.Fatalf("types %s", jsonString(shown))
	}
	for _, pt := range ds.DataSet.PhysicalTableMap {
		if rt, ok := pt.(*types.PhysicalTableMemberRelationalTable); !ok || aws.ToString(rt.Value.Name) != "data" {
			t.Fatalf("physical table %s", jsonString(pt))
		}
	}
	// The upload's data source can be browsed: its table and columns,
	// searched.
	var sourceID string
	for _, pt := range ds.DataSet.PhysicalTableMap {
		sourceID = strings.TrimPrefix(aws.ToString(pt.(*types.PhysicalTableMemberRelationalTable).Value.DataSourceArn), dataSourceNS)
	}
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, base+"/data/sources/"+sourceID+"/browse?q=AMO", nil)
	req.Header.Set("X-Sightglass-Session", token)
	req.Header.Set("HX-Request", "true")
	resp, err := ts.httpClient.Do(req)
	must(t, err)
	var frag bytes.Buffer
	frag.ReadFrom(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(frag.String(), `<span class="name">amount</span> <span class="type">INTEGER</span>`) || strings.Contains(frag.String(), ">region<") || strings.Contains(frag.String(), "<html") {
		t.Fatalf("browse: %d\n%s", resp.StatusCode, frag.String())
	}
	in := waitUploadIngestion(t, c, m[1])
	if in.IngestionStatus != types.IngestionStatusCompleted || in.RowInfo == nil || aws.ToInt64(in.RowInfo.RowsIngested) != 3 {
		t.Fatalf("ingestion %s", jsonString(in))
	}

	// Re-upload with another column: refused with the difference, the data
	// stays; with the same columns it replaces the data.
	p = ts.uploadFile(t, base, token, "sales.csv", []byte("region,amount,day,extra\nEast,1,2024-01-01,x\n"), m[1])
	action, form = previewForm(t, p)
	p = ts.postSession(t, ts.URL+action+"/import", token, form)
	if p.Status != http.StatusBadRequest || !strings.Contains(p.Body, `new columns &#34;extra&#34; (STRING)`) {
		t.Fatalf("re-upload with another column: %d\n%s", p.Status, p.Body)
	}
	p = ts.uploadFile(t, base, token, "sales.csv", []byte("region,amount,day\nEast,1,2024-01-01\nWest,2,2024-01-02\nEast,3,2024-01-03\nWest,4,2024-01-04\n"), m[1])
	action, form = previewForm(t, p)
	p = ts.postSession(t, ts.URL+action+"/import", token, form)
	p.wantHTML(t, http.StatusOK)
	deadline := time.Now().Add(20 * time.Second)
	for {
		out, err := c.ListIngestions(t.Context(), &quicksight.ListIngestionsInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String(m[1])})
		must(t, err)
		done := 0
		for _, in := range out.Ingestions {
			if in.IngestionStatus == types.IngestionStatusCompleted && aws.ToInt64(in.RowInfo.RowsIngested) == 4 {
				done++
			}
		}
		if done == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the re-upload was not ingested: %s", jsonString(out.Ingestions))
		}
		time.Sleep(50 * time.Millisecond)
	}
	if files := uploadFiles(t, ts); len(files) != 1 {
		t.Fatalf("upload files after a re-upload: %v", files)
	}
	// Deleting the upload's data source deletes its file.
	_, err = c.DeleteDataSource(t.Context(), &quicksight.DeleteDataSourceInput{AwsAccountId: aws.String(accountID), DataSourceId: aws.String(sourceID)})
	must(t, err)
	if files := uploadFiles(t, ts); len(files) != 0 {
		t.Fatalf("upload files after its data source was deleted: %v", files)
	}
}

func TestUploadXLSXBadRowThenGood(t *testing.T) {
	ts := startServer(t)
	c := ts.adminClient()
	base, token := ts.consoleSession(t, "admin")
	book := func(rows [][]any) []byte {
		f := excelize.NewFile()
		defer f.Close()
		for i, r := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			must(t, f.SetSheetRow("Sheet1", cell, &r))
		}
		b, err := f.WriteToBuffer()
		must(t, err)
		return b.Bytes()
	}
	p := ts.uploadFile(t, base, token, "cities.xlsx", book([][]any{{"city", "pop"}, {"Oslo", 700000}, {"Bergen", "many"}}), "")
	action, form := previewForm(t, p)
	if form.Get("sheet") != "Sheet1" || form.Get("format") != "XLSX" {
		t.Fatalf("preview form %v", form)
	}
	form.Set("type1", "INTEGER")
	p = ts.postSession(t, ts.URL+action+"/import", token, form)
	if p.Status != http.StatusBadRequest || !strings.Contains(p.Body, "line 3, column 2 (pop)") {
		t.Fatalf("bad row: %d\n%s", p.Status, p.Body)
	}
	if n := countDataSets(t, c); n != 0 || len(uploadFiles(t, ts)) != 0 {
		t.Fatalf("a refused upload stored something: %d datasets, files %v", n, uploadFiles(t, ts))
	}
	p = ts.uploadFile(t, base, token, "cities.xlsx", book([][]any{{"city", "pop"}, {"Oslo", 700000}, {"Bergen", 290000}}), "")
	action, form = previewForm(t, p)
	p = ts.postSession(t, ts.URL+action+"/import", token, form)
	p.wantHTML(t, http.StatusOK)
	m := reDataSetID.FindStringSubmatch(p.Body)
	if m == nil {
		t.Fatalf("no dataset:\n%s", p.Body)
	}
	ds, err := c.DescribeDataSet(t.Context(), &quicksight.DescribeDataSetInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String(m[1])})
	must(t, err)
	if jsonString(ds.DataSet.OutputColumns) != `[{"Description":null,"Id":null,"Name":"city","SubType":"","Type":"STRING"},{"Description":null,"Id":null,"Name":"pop","SubType":"","Type":"INTEGER"}]` {
		t.Fatalf("columns %s", jsonString(ds.DataSet.OutputColumns))
	}
	if in := waitUploadIngestion(t, c, m[1]); in.IngestionStatus != types.IngestionStatusCompleted || aws.ToInt64(in.RowInfo.RowsIngested) != 2 {
		t.Fatalf("ingestion %s", jsonString(in))
	}
}

func TestUploadLimitAndSession(t *testing.T) {
	ts := startServer(t, func(cfg *server.Config, _ *testServer) { cfg.HTTP.MaxUploadBody = 1 << 10 })
	base, token := ts.consoleSession(t, "admin")
	p := ts.uploadFile(t, base, token, "big.csv", bytes.Repeat([]byte("a,b\n"), 1<<10), "")
	if p.Status != http.StatusBadRequest && p.Status != http.StatusRequestEntityTooLarge {
		t.Fatalf("an upload over the limit: %d\n%s", p.Status, p.Body)
	}
	if p.Status == http.StatusBadRequest && !strings.Contains(p.Body, "larger than this server&#39;s limit of 1 KB") {
		t.Fatalf("no limit message:\n%s", p.Body)
	}
	// Without the session header (a cross-site form), nothing is accepted.
	p = ts.postSession(t, base+"/data/sources", "", url.Values{"name": {"x"}})
	p.wantErrorPage(t, http.StatusForbidden, "Forbidden")
}

func TestDataPagesReadersSeeNone(t *testing.T) {
	ts := startServer(t)
	c := ts.adminClient()
	must(t, registerCall("rita")(t.Context(), c))
	base, token := ts.consoleSession(t, "rita")
	start := ts.withToken(t, base+"/start", token)
	if strings.Contains(start.Body, "/data/sources") {
		t.Fatalf("a reader's navigation links the data pages:\n%s", start.Body)
	}
	for _, path := range []string{"/data/sources", "/data/sources/new", "/data/uploads/new"} {
		p := ts.withToken(t, base+path, token)
		p.wantErrorPage(t, http.StatusForbidden, "Forbidden")
	}
	p := ts.uploadFile(t, base, token, "x.csv", []byte("a\n1\n"), "")
	p.wantErrorPage(t, http.StatusForbidden, "Forbidden")
	admin, atoken := ts.consoleSession(t, "admin")
	if p := ts.withToken(t, admin+"/start", atoken); !strings.Contains(p.Body, `/data/sources">Data</a>`) {
		t.Fatalf("no Data link for an admin:\n%s", p.Body)
	}
}

// TestDataPageCapabilities: DENY of each capability takes away what it
// names (hidden on the page and refused by the server) and nothing else.
func TestDataPageCapabilities(t *testing.T) {
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()
	csv := []byte("a,b\n1,x\n")
	for _, cap := range []string{"CreateAndUpdateDataSources", "ShareDataSources", "CreateSPICEDataset", "CreateAndUpdateDatasets"} {
		t.Run(cap, func(t *testing.T) {
			profile, user := "deny-"+strings.ToLower(cap), "author-"+strings.ToLower(cap)
			caps := &types.Capabilities{}
			switch cap {
			case "CreateAndUpdateDataSources":
				caps.CreateAndUpdateDataSources = types.CapabilityStateDeny
			case "ShareDataSources":
				caps.ShareDataSources = types.CapabilityStateDeny
			case "CreateSPICEDataset":
				caps.CreateSPICEDataset = types.CapabilityStateDeny
			case "CreateAndUpdateDatasets":
				caps.CreateAndUpdateDatasets = types.CapabilityStateDeny
			}
			_, err := c.CreateCustomPermissions(ctx, &quicksight.CreateCustomPermissionsInput{AwsAccountId: aws.String(accountID), CustomPermissionsName: aws.String(profile), Capabilities: caps})
			must(t, err)
			_, err = c.RegisterUser(ctx, &quicksight.RegisterUserInput{
				AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), IdentityType: types.IdentityTypeQuicksight,
				UserName: aws.String(user), Email: aws.String(user + "@example.com"), UserRole: types.UserRoleAuthor, CustomPermissionsName: aws.String(profile),
			})
			must(t, err)
			base, token := ts.consoleSession(t, user)

			// Data sources: create (a connection that fails fast is enough).
			list := ts.withToken(t, base+"/data/sources", token)
			list.wantHTML(t, http.StatusOK)
			newLink := strings.Contains(list.Body, "/data/sources/new")
			uploadLink := strings.Contains(list.Body, "/data/uploads/new")
			create := ts.postSession(t, base+"/data/sources", token, url.Values{"name": {"pg"}, "type": {"POSTGRESQL"}, "host": {"127.0.0.1"}, "port": {"1"}, "database": {"d"}, "username": {"u"}, "password": {"p"}})
			upload := ts.uploadFile(t, base, token, "x.csv", csv, "")
			denySources := cap == "CreateAndUpdateDataSources"
			denyUpload := cap == "CreateSPICEDataset" || cap == "CreateAndUpdateDatasets"
			if newLink == denySources {
				t.Errorf("New data source link shown = %v", newLink)
			}
			if uploadLink == denyUpload {
				t.Errorf("Upload link shown = %v", uploadLink)
			}
			if (create.Status == http.StatusForbidden) != denySources {
				t.Errorf("create data source: status %d\n%s", create.Status, create.Body)
			}
			if (upload.Status == http.StatusForbidden) != denyUpload {
				t.Errorf("upload: status %d\n%s", upload.Status, upload.Body)
			}
			if denySources {
				if p := ts.withToken(t, base+"/data/sources/new", token); p.Status != http.StatusForbidden || !strings.Contains(p.Body, "CreateAndUpdateDataSources") {
					t.Errorf("new data source page: %d", p.Status)
				}
				return
			}
			m := regexp.MustCompile(`action="/embedding/[0-9a-f]{32}/data/sources/([0-9a-f-]{36})/share"`).FindStringSubmatch(create.Body)
			hasShare := m != nil
			if hasShare == (cap == "ShareDataSources") {
				t.Errorf("share form shown = %v", hasShare)
			}
			id := regexp.MustCompile(`<code>([0-9a-f-]{36})</code>`).FindStringSubmatch(create.Body)
			if id == nil {
				t.Fatalf("no data source id:\n%s", create.Body)
			}
			share := ts.postSession(t, base+"/data/sources/"+id[1]+"/share", token, url.Values{"user": {"admin"}, "level": {"user"}})
			if (share.Status == http.StatusForbidden) != (cap == "ShareDataSources") {
				t.Errorf("share: status %d\n%s", share.Status, share.Body)
			}
			// Renaming (an update) stays allowed.
			up := ts.postSession(t, base+"/data/sources/"+id[1], token, url.Values{"name": {"renamed"}, "host": {"127.0.0.1"}, "port": {"1"}, "database": {"d"}, "username": {"u"}})
			if up.Status != http.StatusOK {
				t.Errorf("rename: %d\n%s", up.Status, up.Body)
			}
		})
	}
}

func TestDataSourceWrongPasswordExplainedThenFixed(t *testing.T) {
	t.Run("PostgreSQL", func(t *testing.T) {
		if pgTrustsPasswords(t) {
			t.Skip("the local PostgreSQL trusts every password of role " + pgPasswordUser + ": run scripts/test-deps.sh")
		}
		db := pgDatabase(t)
		testWrongPasswordFixed(t, url.Values{"type": {"POSTGRESQL"}, "host": {pgHost}, "port": {"5432"}, "database": {db}, "username": {pgPasswordUser}}, pgPasswordUserPass, "The database does not exist")
	})
	t.Run("MariaDB", func(t *testing.T) {
		mariaDBUser(t, "sg_console", "console-Secret-1")
		// The user has no grant on another database: MariaDB says so
		// rather than whether it exists.
		testWrongPasswordFixed(t, url.Values{"type": {"MARIADB"}, "host": {pgHost}, "port": {"3306"}, "database": {"test"}, "username": {"sg_console"}}, "console-Secret-1", "The user may not open this database")
	})
}

// testWrongPasswordFixed creates a data source with a wrong password on
// the console's form, sees why, and fixes it; then deletes it after seeing
// the dataset that reads it.
func testWrongPasswordFixed(t *testing.T, form url.Values, password, missingDB string) {
	ts := startServer(t)
	c := ts.adminClient()
	base, token := ts.consoleSession(t, "admin")
	form.Set("name", "Orders")
	form.Set("password", wrongSecret)
	form.Set("disableSsl", "on")
	db := form.Get("database")

	// The live test says why, in words, and stores nothing.
	p := ts.postSession(t, base+"/data/sources/test", token, form)
	if p.Status != http.StatusOK || !strings.Contains(p.Body, "Wrong user name or password") || strings.Contains(p.Body, wrongSecret) {
		t.Fatalf("test: %d\n%s", p.Status, p.Body)
	}
	out, err := c.ListDataSources(t.Context(), &quicksight.ListDataSourcesInput{AwsAccountId: aws.String(accountID)})
	must(t, err)
	if len(out.DataSources) != 0 {
		t.Fatalf("a connection test stored %d data sources", len(out.DataSources))
	}
	// Unknown host and missing database get their own words.
	bad := url.Values{}
	for k, v := range form {
		bad[k] = v
	}
	bad.Set("host", "no-such-host.invalid")
	if p := ts.postSession(t, base+"/data/sources/test", token, bad); !strings.Contains(p.Body, "Unknown host, or a host this server may not connect to") {
		t.Fatalf("unknown host:\n%s", p.Body)
	}
	bad.Set("host", pgHost)
	bad.Set("database", db+"_missing")
	bad.Set("password", password)
	if p := ts.postSession(t, base+"/data/sources/test", token, bad); !strings.Contains(p.Body, missingDB) {
		t.Fatalf("missing database:\n%s", p.Body)
	}

	// Created with the wrong password: stored as CREATION_FAILED, explained.
	p = ts.postSession(t, base+"/data/sources", token, form)
	p.wantHTML(t, http.StatusOK)
	if !strings.Contains(p.Body, "Wrong user name or password") {
		t.Fatalf("create:\n%s", p.Body)
	}
	id := regexp.MustCompile(`<code>([0-9a-f-]{36})</code>`).FindStringSubmatch(p.Body)[1]
	wantStatus(t, describeDataSource(t, c, id), types.ResourceStatusCreationFailed, types.DataSourceErrorInfoTypeAccessDenied)

	// Fixed on the edit form.
	form.Set("password", password)
	p = ts.postSession(t, base+"/data/sources/"+id, token, form)
	p.wantHTML(t, http.StatusOK)
	if strings.Contains(p.Body, `class="problem"`) || !strings.Contains(p.Body, "UPDATE_SUCCESSFUL") {
		t.Fatalf("fix:\n%s", p.Body)
	}
	d := describeDataSource(t, c, id)
	wantStatus(t, d, types.ResourceStatusUpdateSuccessful, "")
	if aws.ToString(d.Name) != "Orders" {
		t.Fatalf("name %q", aws.ToString(d.Name))
	}

	// Browsing goes through the data source's connection.
	if p := ts.withToken(t, base+"/data/sources/"+id+"/browse?q=%25_", token); p.Status != http.StatusOK || strings.Contains(p.Body, `class="form-error"`) || !strings.Contains(p.Body, `id="browse-results"`) {
		t.Fatalf("browse: %d\n%s", p.Status, p.Body)
	}

	// Delete shows the datasets that read it first.
	_, err = c.CreateDataSet(t.Context(), &quicksight.CreateDataSetInput{
		AwsAccountId: aws.String(accountID), DataSetId: aws.String("orders"), Name: aws.String("Orders set"), ImportMode: types.DataSetImportModeDirectQuery,
		PhysicalTableMap: customSQL(id, "SELECT 1 AS id", types.InputColumn{Name: aws.String("id"), Type: types.InputColumnDataTypeInteger}),
	})
	must(t, err)
	p = ts.withToken(t, base+"/data/sources/"+id, token)
	if !strings.Contains(p.Body, "Orders set <code>orders</code>") {
		t.Fatalf("dependents not shown:\n%s", p.Body)
	}
	p = ts.postSession(t, base+"/data/sources/"+id+"/delete", token, url.Values{})
	p.wantHTML(t, http.StatusOK)
	_, err = c.DescribeDataSource(context.Background(), &quicksight.DescribeDataSourceInput{AwsAccountId: aws.String(accountID), DataSourceId: aws.String(id)})
	wantError(t, err, "ResourceNotFoundException", http.StatusNotFound)
}

// TestUploadPreviewSettings: the author's settings read the file again
// (another delimiter, no header row); the author's types survive a read
// with the same settings.
func TestUploadPreviewSettings(t *testing.T) {
	ts := startServer(t)
	base, token := ts.consoleSession(t, "admin")
	p := ts.uploadFile(t, base, token, "x.csv", []byte("a;b\n1;2\n3;4\n"), "")
	action, form := previewForm(t, p)
	if form.Get("delimiter") != ";" || form.Get("columns") != "2" || form.Get("type0") != "INTEGER" {
		t.Fatalf("detected %v", form)
	}
	// The import's progress: nothing yet, and 286 (stop polling) for an
	// upload that is not pending.
	if p := ts.withToken(t, ts.URL+action+"/progress", token); p.Status != http.StatusOK || p.Body != "" {
		t.Fatalf("progress: %d %q", p.Status, p.Body)
	}
	if p := ts.withToken(t, base+"/data/uploads/"+strings.Repeat("0", 32)+"/progress", token); p.Status != 286 {
		t.Fatalf("progress of no upload: %d", p.Status)
	}
	form.Set("type0", "DECIMAL")
	p = ts.postSession(t, ts.URL+action+"/preview", token, form)
	_, again := previewForm(t, p)
	if again.Get("type0") != "DECIMAL" || again.Get("name1") != "b" {
		t.Fatalf("the author's type was not kept: %v", again)
	}
	form.Set("delimiter", ",")
	form.Del("header")
	p = ts.postSession(t, ts.URL+action+"/preview", token, form)
	_, comma := previewForm(t, p)
	if comma.Get("columns") != "1" || comma.Get("name0") != "Column 1" || comma.Get("type0") != "STRING" || comma.Get("header") != "" {
		t.Fatalf("read again with a comma and no header: %v", comma)
	}
	if !strings.Contains(p.Body, "<td>a;b</td>") {
		t.Fatalf("the header row is not a data row now:\n%s", p.Body)
	}
}

// TestSQLiteFileSource: an author makes a data source of a SQLite file of
// the operator's directory (only the files listed there, never an upload's
// or another path) and browses it.
func TestSQLiteFileSource(t *testing.T) {
	ts := startServer(t)
	sqliteSource(t, ts.Config.DataSourceDir, "shop.sqlite")
	c := ts.adminClient()
	base, token := ts.consoleSession(t, "admin")
	p := ts.withToken(t, base+"/data/sources/new", token)
	if !strings.Contains(p.Body, "<option>shop.sqlite</option>") {
		t.Fatalf("the file is not offered:\n%s", p.Body)
	}
	for _, file := range []string{"../shop.sqlite", "uploads/x.sqlite", "/etc/passwd", "nope.sqlite"} {
		p := ts.postSession(t, base+"/data/sources", token, url.Values{"type": {"SQLITE"}, "name": {"x"}, "file": {file}})
		if p.Status != http.StatusBadRequest || !strings.Contains(p.Body, "Choose one of the SQLite files") {
			t.Fatalf("file %q: %d\n%s", file, p.Status, p.Body)
		}
	}
	p = ts.postSession(t, base+"/data/sources", token, url.Values{"type": {"SQLITE"}, "name": {"Shop"}, "file": {"shop.sqlite"}})
	p.wantHTML(t, http.StatusOK)
	id := regexp.MustCompile(`<code>([0-9a-f-]{36})</code>`).FindStringSubmatch(p.Body)[1]
	d := describeDataSource(t, c, id)
	wantStatus(t, d, types.ResourceStatusCreationSuccessful, "")
	if d.Type != "SQLITE" || aws.ToString(d.Name) != "Shop" {
		t.Fatalf("data source %s", jsonString(d))
	}
	if p := ts.withToken(t, base+"/data/sources/"+id+"/browse?q=amount", token); !strings.Contains(p.Body, `<span class="name">amount</span> <span class="type">REAL</span>`) {
		t.Fatalf("browse:\n%s", p.Body)
	}
}

// TestDataPageCapabilityFromAccountProfile: the data pages honour the
// effective custom permissions profile, so a profile applied to the whole
// account (UpdateAccountCustomPermission) denies an author without one of
// their own, on the page and on the server.
func TestDataPageCapabilityFromAccountProfile(t *testing.T) {
	ts := startServer(t)
	c := ts.adminClient()
	ctx := t.Context()
	_, err := c.CreateCustomPermissions(ctx, &quicksight.CreateCustomPermissionsInput{AwsAccountId: aws.String(accountID), CustomPermissionsName: aws.String("no-sources"),
		Capabilities: &types.Capabilities{CreateAndUpdateDataSources: types.CapabilityStateDeny}})
	must(t, err)
	_, err = c.RegisterUser(ctx, &quicksight.RegisterUserInput{
		AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), IdentityType: types.IdentityTypeQuicksight,
		UserName: aws.String("plain-author"), Email: aws.String("plain-author@example.com"), UserRole: types.UserRoleAuthor,
	})
	must(t, err)
	base, token := ts.consoleSession(t, "plain-author")
	form := url.Values{"name": {"pg"}, "type": {"POSTGRESQL"}, "host": {"127.0.0.1"}, "port": {"1"}, "database": {"d"}, "username": {"u"}, "password": {"p"}}

	if list := ts.withToken(t, base+"/data/sources", token); !strings.Contains(list.Body, "/data/sources/new") {
		t.Fatalf("without a profile the New data source link is missing:\n%s", list.Body)
	}
	_, err = c.UpdateAccountCustomPermission(ctx, &quicksight.UpdateAccountCustomPermissionInput{AwsAccountId: aws.String(accountID), CustomPermissionsName: aws.String("no-sources")})
	must(t, err)
	list := ts.withToken(t, base+"/data/sources", token)
	list.wantHTML(t, http.StatusOK)
	if strings.Contains(list.Body, "/data/sources/new") {
		t.Error("the account's profile denies CreateAndUpdateDataSources, yet the New data source link is shown")
	}
	create := ts.postSession(t, base+"/data/sources", token, form)
	if create.Status != http.StatusForbidden || !strings.Contains(create.Body, "Your custom permissions (no-sources) deny CreateAndUpdateDataSources") {
		t.Errorf("create data source under the account's profile: %d\n%.400s", create.Status, create.Body)
	}
}
