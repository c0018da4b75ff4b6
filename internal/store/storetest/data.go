package storetest

import (
	"fmt"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

// newDataSource returns a data source with every field set.
func newDataSource(accountID, id string) *sg.DataSource {
	return &sg.DataSource{
		AccountID:               accountID,
		ID:                      id,
		Name:                    "Sales DB — " + id,
		Type:                    sg.DataSourcePostgreSQL,
		Parameters:              []byte(`{"PostgreSqlParameters":{"Host":"db.internal","Port":5432,"Database":"sales"}}`),
		SSLProperties:           []byte(`{"DisableSsl":true}`),
		VPCConnectionProperties: []byte(`{"VpcConnectionArn":"arn:aws:quicksight:us-east-1:` + accountID + `:vpcConnection/v"}`),
		SealedCredentials:       []byte{0, 1, 2, 0xff, 'x'},
		Status:                  sg.StatusCreationFailed,
		ErrorType:               "ACCESS_DENIED",
		ErrorMessage:            `password authentication failed for user "reader"`,
		Permissions:             []sg.ResourcePermission{{Principal: "arn:aws:quicksight:us-east-1:" + accountID + ":user/default/alice", Actions: []string{"quicksight:DescribeDataSource"}}},
		Tags:                    []sg.Tag{{Key: "team", Value: "finance"}},
		Version:                 3,
		CreatedAt:               at(time.Minute),
		UpdatedAt:               at(2 * time.Minute),
	}
}

func storedDataSource(d *sg.DataSource) *sg.DataSource {
	w := *d
	w.CreatedAt, w.UpdatedAt = ms(d.CreatedAt), ms(d.UpdatedAt)
	return &w
}

func newDataSet(accountID, id string) *sg.DataSet {
	return &sg.DataSet{
		AccountID:        accountID,
		ID:               id,
		Name:             "Orders " + id,
		ImportMode:       sg.ImportSPICE,
		PhysicalTableMap: []byte(`{"t1":{"CustomSql":{"DataSourceArn":"arn","Name":"q","SqlQuery":"SELECT 1 AS \"x\""}}}`),
		LogicalTableMap:  []byte(`{"l1":{"Alias":"a","Source":{"PhysicalTableId":"t1"}}}`),
		Extra:            []byte(`{"ColumnGroups":[{"GeoSpatialColumnGroup":{"Name":"g","Columns":["c"]}}]}`),
		OutputColumns:    []sg.DataSetColumn{{Name: "x", Type: "INTEGER"}, {Name: "y", Type: "STRING", Description: "why"}},
		DataSourceIDs:    []string{"src"},
		Permissions:      []sg.ResourcePermission{{Principal: "arn:aws:quicksight:us-east-1:" + accountID + ":user/default/bob", Actions: []string{"quicksight:DescribeDataSet"}}},
		Tags:             []sg.Tag{{Key: "k", Value: "v"}},
		Version:          1,
		SPICEIngestionID: "ing-1",
		SPICEBytes:       4096,
		CreatedAt:        at(3 * time.Minute),
		UpdatedAt:        at(4 * time.Minute),
	}
}

func storedDataSet(d *sg.DataSet) *sg.DataSet {
	w := *d
	w.CreatedAt, w.UpdatedAt = ms(d.CreatedAt), ms(d.UpdatedAt)
	return &w
}

func newIngestion(accountID, dataSetID, id string) *sg.Ingestion {
	return &sg.Ingestion{
		AccountID:      accountID,
		DataSetID:      dataSetID,
		ID:             id,
		Status:         sg.IngestionInitialized,
		RequestSource:  "MANUAL",
		RequestType:    "FULL_REFRESH",
		DataSetVersion: 2,
		CreatedAt:      at(5 * time.Minute),
		Attempts:       1,
	}
}

func storedIngestion(in *sg.Ingestion) *sg.Ingestion {
	w := *in
	w.CreatedAt = ms(in.CreatedAt)
	if !in.FinishedAt.IsZero() {
		w.FinishedAt = ms(in.FinishedAt)
	}
	if !in.LeaseExpires.IsZero() {
		w.LeaseExpires = ms(in.LeaseExpires)
	}
	return &w
}

func testDataSource(t *testing.T, s sg.Store) {
	ctx := t.Context()

	t.Run("RoundTrip", func(t *testing.T) {
		acct := newAccountID()
		full := newDataSource(acct, "full")
		bare := &sg.DataSource{AccountID: acct, ID: "bare", Name: "n", Type: "ATHENA", Status: sg.StatusCreationSuccessful, Version: 1}
		for _, d := range []*sg.DataSource{full, bare} {
			must(t, "CreateDataSource "+d.ID, s.CreateDataSource(ctx, d))
			got, err := s.FindDataSource(ctx, acct, d.ID)
			must(t, "FindDataSource "+d.ID, err)
			same(t, "FindDataSource "+d.ID, got, storedDataSource(d))
		}
	})

	t.Run("ExistsAndNotFound", func(t *testing.T) {
		acct := newAccountID()
		d := newDataSource(acct, "pg")
		must(t, "CreateDataSource", s.CreateDataSource(ctx, d))
		wantCode(t, "CreateDataSource again", s.CreateDataSource(ctx, newDataSource(acct, "pg")), sg.EEXISTS)
		must(t, "CreateDataSource other case", s.CreateDataSource(ctx, newDataSource(acct, "PG")))
		must(t, "CreateDataSource other account", s.CreateDataSource(ctx, newDataSource(newAccountID(), "pg")))
		_, err := s.FindDataSource(ctx, acct, "nope")
		wantCode(t, "FindDataSource", err, sg.ENOTFOUND)
		wantCode(t, "UpdateDataSource", s.UpdateDataSource(ctx, newDataSource(acct, "nope")), sg.ENOTFOUND)
		wantCode(t, "DeleteDataSource", s.DeleteDataSource(ctx, acct, "nope"), sg.ENOTFOUND)
	})

	t.Run("Update", func(t *testing.T) {
		acct := newAccountID()
		d := newDataSource(acct, "pg")
		must(t, "CreateDataSource", s.CreateDataSource(ctx, d))
		u := &sg.DataSource{AccountID: acct, ID: "pg", Name: "renamed", Type: sg.DataSourceMySQL,
			Parameters: []byte(`{"MySqlParameters":{"Host":"h","Port":3306,"Database":"d"}}`),
			Status:     sg.StatusUpdateSuccessful, Version: 4, CreatedAt: at(time.Hour), UpdatedAt: at(time.Hour)}
		must(t, "UpdateDataSource", s.UpdateDataSource(ctx, u))
		got, err := s.FindDataSource(ctx, acct, "pg")
		must(t, "FindDataSource", err)
		want := storedDataSource(u)
		want.CreatedAt = ms(d.CreatedAt) // CreatedAt stays
		same(t, "FindDataSource after update", got, want)
	})

	t.Run("ListAndDelete", func(t *testing.T) {
		acct := newAccountID()
		for i := range 5 {
			must(t, "CreateDataSource", s.CreateDataSource(ctx, newDataSource(acct, fmt.Sprintf("ds-%d", i))))
		}
		must(t, "CreateDataSource other account", s.CreateDataSource(ctx, newDataSource(newAccountID(), "ds-9")))
		page, more, err := s.ListDataSources(ctx, acct, sg.Page{Limit: 2})
		must(t, "ListDataSources", err)
		if len(page) != 2 || !more || page[0].ID != "ds-0" || page[1].ID != "ds-1" {
			t.Fatalf("first page: %d items, more=%v", len(page), more)
		}
		same(t, "listed data source", page[0], storedDataSource(newDataSource(acct, "ds-0")))
		page, more, err = s.ListDataSources(ctx, acct, sg.Page{After: "ds-1"})
		must(t, "ListDataSources", err)
		if len(page) != 3 || more || page[2].ID != "ds-4" {
			t.Fatalf("rest: %d items, more=%v", len(page), more)
		}
		must(t, "DeleteDataSource", s.DeleteDataSource(ctx, acct, "ds-2"))
		_, err = s.FindDataSource(ctx, acct, "ds-2")
		wantCode(t, "FindDataSource deleted", err, sg.ENOTFOUND)
		all, _, err := s.ListDataSources(ctx, acct, sg.Page{})
		must(t, "ListDataSources", err)
		if len(all) != 4 {
			t.Fatalf("after delete: %d data sources, want 4", len(all))
		}
		empty, more, err := s.ListDataSources(ctx, newAccountID(), sg.Page{Limit: 10})
		must(t, "ListDataSources empty", err)
		same(t, "empty list", empty, []*sg.DataSource{})
		if more {
			t.Fatal("empty list: more")
		}
	})
}

func testDataSet(t *testing.T, s sg.Store) {
	ctx := t.Context()

	t.Run("RoundTrip", func(t *testing.T) {
		acct := newAccountID()
		full := newDataSet(acct, "full")
		bare := &sg.DataSet{AccountID: acct, ID: "bare", Name: "n", ImportMode: sg.ImportDirectQuery, PhysicalTableMap: []byte(`{}`), Version: 1}
		for _, d := range []*sg.DataSet{full, bare} {
			must(t, "CreateDataSet "+d.ID, s.CreateDataSet(ctx, d))
			got, err := s.FindDataSet(ctx, acct, d.ID)
			must(t, "FindDataSet "+d.ID, err)
			same(t, "FindDataSet "+d.ID, got, storedDataSet(d))
		}
	})

	t.Run("ExistsAndNotFound", func(t *testing.T) {
		acct := newAccountID()
		must(t, "CreateDataSet", s.CreateDataSet(ctx, newDataSet(acct, "ds")))
		wantCode(t, "CreateDataSet again", s.CreateDataSet(ctx, newDataSet(acct, "ds")), sg.EEXISTS)
		_, err := s.FindDataSet(ctx, acct, "nope")
		wantCode(t, "FindDataSet", err, sg.ENOTFOUND)
		wantCode(t, "UpdateDataSet", s.UpdateDataSet(ctx, newDataSet(acct, "nope")), sg.ENOTFOUND)
		wantCode(t, "SetDataSetSPICE", s.SetDataSetSPICE(ctx, acct, "nope", "i", 1), sg.ENOTFOUND)
		wantCode(t, "SetDataSetRefreshProperties", s.SetDataSetRefreshProperties(ctx, acct, "nope", []byte("{}")), sg.ENOTFOUND)
		wantCode(t, "DeleteDataSet", s.DeleteDataSet(ctx, acct, "nope"), sg.ENOTFOUND)
	})

	t.Run("UpdateKeepsSPICE", func(t *testing.T) {
		acct := newAccountID()
		d := newDataSet(acct, "ds")
		must(t, "CreateDataSet", s.CreateDataSet(ctx, d))
		u := newDataSet(acct, "ds")
		u.Name, u.ImportMode, u.LogicalTableMap, u.Extra, u.Version = "renamed", sg.ImportDirectQuery, nil, nil, 2
		u.SPICEIngestionID, u.SPICEBytes = "ignored", 1
		u.CreatedAt, u.UpdatedAt = at(time.Hour), at(time.Hour)
		must(t, "UpdateDataSet", s.UpdateDataSet(ctx, u))
		got, err := s.FindDataSet(ctx, acct, "ds")
		must(t, "FindDataSet", err)
		want := storedDataSet(u)
		want.CreatedAt, want.SPICEIngestionID, want.SPICEBytes = ms(d.CreatedAt), d.SPICEIngestionID, d.SPICEBytes
		same(t, "FindDataSet after update", got, want)

		must(t, "SetDataSetSPICE", s.SetDataSetSPICE(ctx, acct, "ds", "ing-2", 8192))
		got, err = s.FindDataSet(ctx, acct, "ds")
		must(t, "FindDataSet", err)
		want.SPICEIngestionID, want.SPICEBytes = "ing-2", 8192
		same(t, "FindDataSet after SetDataSetSPICE", got, want)
	})

	t.Run("RefreshProperties", func(t *testing.T) {
		acct := newAccountID()
		must(t, "CreateDataSet", s.CreateDataSet(ctx, newDataSet(acct, "ds")))
		props := []byte(`{"RefreshConfiguration":{"IncrementalRefresh":{"LookbackWindow":{"ColumnName":"d","Size":2,"SizeUnit":"DAY"}}}}`)
		must(t, "SetDataSetRefreshProperties", s.SetDataSetRefreshProperties(ctx, acct, "ds", props))
		got, err := s.FindDataSet(ctx, acct, "ds")
		must(t, "FindDataSet", err)
		if string(got.RefreshProperties) != string(props) {
			t.Fatalf("RefreshProperties = %s, want %s", got.RefreshProperties, props)
		}
		// An update of the definition keeps them.
		u := newDataSet(acct, "ds")
		u.Version = 2
		must(t, "UpdateDataSet", s.UpdateDataSet(ctx, u))
		list, _, err := s.ListDataSets(ctx, acct, sg.Page{})
		must(t, "ListDataSets", err)
		if len(list) != 1 || string(list[0].RefreshProperties) != string(props) {
			t.Fatalf("listed after update: %v", list)
		}
		must(t, "SetDataSetRefreshProperties", s.SetDataSetRefreshProperties(ctx, acct, "ds", nil))
		got, err = s.FindDataSet(ctx, acct, "ds")
		must(t, "FindDataSet", err)
		if got.RefreshProperties != nil {
			t.Fatalf("RefreshProperties after removal = %q", got.RefreshProperties)
		}
	})

	t.Run("ListAndDelete", func(t *testing.T) {
		acct := newAccountID()
		for _, id := range []string{"b", "a", "c"} {
			must(t, "CreateDataSet", s.CreateDataSet(ctx, newDataSet(acct, id)))
		}
		page, more, err := s.ListDataSets(ctx, acct, sg.Page{Limit: 2})
		must(t, "ListDataSets", err)
		if len(page) != 2 || !more || page[0].ID != "a" || page[1].ID != "b" {
			t.Fatalf("first page: %d items, more=%v", len(page), more)
		}
		page, more, err = s.ListDataSets(ctx, acct, sg.Page{After: "b", Limit: 2})
		must(t, "ListDataSets", err)
		if len(page) != 1 || more || page[0].ID != "c" {
			t.Fatalf("second page: %d items, more=%v", len(page), more)
		}
		same(t, "listed dataset", page[0], storedDataSet(newDataSet(acct, "c")))
		must(t, "DeleteDataSet", s.DeleteDataSet(ctx, acct, "a"))
		_, err = s.FindDataSet(ctx, acct, "a")
		wantCode(t, "FindDataSet deleted", err, sg.ENOTFOUND)
	})
}

func testIngestion(t *testing.T, s sg.Store) {
	ctx := t.Context()
	acct := newAccountID()
	must(t, "CreateDataSet", s.CreateDataSet(ctx, newDataSet(acct, "ds")))
	must(t, "CreateDataSet", s.CreateDataSet(ctx, newDataSet(acct, "other")))

	t.Run("RoundTripAndUpdate", func(t *testing.T) {
		in := newIngestion(acct, "ds", "i-1")
		must(t, "CreateIngestion", s.CreateIngestion(ctx, in))
		got, err := s.FindIngestion(ctx, acct, "ds", "i-1")
		must(t, "FindIngestion", err)
		same(t, "FindIngestion", got, storedIngestion(in))

		in.Status, in.ErrorType, in.ErrorMessage = sg.IngestionFailed, "CONNECTION_FAILURE", "no route"
		in.RowsIngested, in.RowsDropped, in.SizeBytes, in.FinishedAt = 10, 2, 4096, at(6*time.Minute)
		// Fields UpdateIngestion does not replace.
		changed := *in
		changed.RequestType, changed.DataSetVersion, changed.CreatedAt = "EDIT", 9, at(time.Hour)
		must(t, "UpdateIngestion", s.UpdateIngestion(ctx, &changed))
		got, err = s.FindIngestion(ctx, acct, "ds", "i-1")
		must(t, "FindIngestion", err)
		same(t, "FindIngestion after update", got, storedIngestion(in))
	})

	t.Run("ExistsAndNotFound", func(t *testing.T) {
		must(t, "CreateIngestion", s.CreateIngestion(ctx, newIngestion(acct, "ds", "i-2")))
		wantCode(t, "CreateIngestion again", s.CreateIngestion(ctx, newIngestion(acct, "ds", "i-2")), sg.EEXISTS)
		must(t, "CreateIngestion same id, other dataset", s.CreateIngestion(ctx, newIngestion(acct, "other", "i-2")))
		wantCode(t, "CreateIngestion without dataset", s.CreateIngestion(ctx, newIngestion(acct, "missing", "i-1")), sg.ENOTFOUND)
		_, err := s.FindIngestion(ctx, acct, "ds", "nope")
		wantCode(t, "FindIngestion", err, sg.ENOTFOUND)
		wantCode(t, "UpdateIngestion", s.UpdateIngestion(ctx, newIngestion(acct, "ds", "nope")), sg.ENOTFOUND)
	})

	t.Run("List", func(t *testing.T) {
		a2 := newAccountID()
		must(t, "CreateDataSet", s.CreateDataSet(ctx, newDataSet(a2, "ds")))
		for _, id := range []string{"c", "a", "b"} {
			must(t, "CreateIngestion", s.CreateIngestion(ctx, newIngestion(a2, "ds", id)))
		}
		page, more, err := s.ListIngestions(ctx, a2, "ds", sg.Page{Limit: 2})
		must(t, "ListIngestions", err)
		if len(page) != 2 || !more || page[0].ID != "a" || page[1].ID != "b" {
			t.Fatalf("first page: %d items, more=%v", len(page), more)
		}
		page, more, err = s.ListIngestions(ctx, a2, "ds", sg.Page{After: "b"})
		must(t, "ListIngestions", err)
		if len(page) != 1 || more || page[0].ID != "c" {
			t.Fatalf("second page: %d items, more=%v", len(page), more)
		}
		none, _, err := s.ListIngestions(ctx, a2, "missing", sg.Page{})
		must(t, "ListIngestions of missing dataset", err)
		same(t, "ListIngestions of missing dataset", none, []*sg.Ingestion{})
	})

	t.Run("DeleteDataSetDeletesIngestions", func(t *testing.T) {
		a3 := newAccountID()
		must(t, "CreateDataSet", s.CreateDataSet(ctx, newDataSet(a3, "ds")))
		must(t, "CreateIngestion", s.CreateIngestion(ctx, newIngestion(a3, "ds", "i")))
		must(t, "DeleteDataSet", s.DeleteDataSet(ctx, a3, "ds"))
		_, err := s.FindIngestion(ctx, a3, "ds", "i")
		wantCode(t, "FindIngestion after DeleteDataSet", err, sg.ENOTFOUND)
		must(t, "CreateDataSet again", s.CreateDataSet(ctx, newDataSet(a3, "ds")))
		list, _, err := s.ListIngestions(ctx, a3, "ds", sg.Page{})
		must(t, "ListIngestions", err)
		same(t, "ingestions of the new dataset", list, []*sg.Ingestion{})
	})
}
