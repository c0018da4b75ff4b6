package console

import (
	"bytes"
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/secretbox"
	"github.com/sightglass/sightglass/internal/store/sqlite"
	"github.com/sightglass/sightglass/internal/upload"
)

// dataBench is a console on a SQLite store with 200 data sources and 200
// datasets (one per source) shared with the bootstrap admin, and an author
// they are shared with.
func dataBench(b *testing.B) (*Console, *sg.User, *sg.User) {
	b.Helper()
	ctx := context.Background()
	dir := b.TempDir()
	store, err := sqlite.Open(ctx, filepath.Join(dir, "sightglass.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	a := app.New(store, "us-east-1")
	box, _ := secretbox.New(bytes.Repeat([]byte{1}, secretbox.KeySize))
	a.ConfigureData(app.DataConfig{Secrets: box, DataSourceDir: dir, SPICEDir: filepath.Join(dir, "spice")})
	b.Cleanup(func() { a.Close() })
	boot, err := a.Bootstrap(ctx, "123456789012")
	if err != nil {
		b.Fatal(err)
	}
	admin := boot.User
	author := &sg.User{AccountID: admin.AccountID, Namespace: "default", UserName: "ann", Email: "ann@example.com", Role: sg.RoleAuthor, Active: true, IdentityType: sg.IdentityQuickSight, CreatedAt: time.Now()}
	if err := store.CreateUser(ctx, author); err != nil {
		b.Fatal(err)
	}
	perms := []sg.ResourcePermission{{Principal: a.UserARN(author), Actions: app.DataSourceOwnerActions}}
	now := time.Now()
	for i := range 200 {
		id := fmt.Sprintf("src-%03d", i)
		params := fmt.Appendf(nil, `{"PostgreSqlParameters":{"Host":"db%d.example.com","Port":5432,"Database":"sales"}}`, i)
		if err := store.CreateDataSource(ctx, &sg.DataSource{AccountID: admin.AccountID, ID: id, Name: fmt.Sprintf("Sales <%d>", i), Type: sg.DataSourcePostgreSQL, Parameters: params, Status: sg.StatusCreationSuccessful, Permissions: perms, Version: 1, CreatedAt: now, UpdatedAt: now}); err != nil {
			b.Fatal(err)
		}
		if err := store.CreateDataSet(ctx, &sg.DataSet{AccountID: admin.AccountID, ID: fmt.Sprintf("set-%03d", i), Name: "Set", ImportMode: sg.ImportDirectQuery, PhysicalTableMap: []byte(`{}`), DataSourceIDs: []string{id}, Permissions: []sg.ResourcePermission{{Principal: a.UserARN(author), Actions: []string{"quicksight:DescribeDataSet"}}}, Version: 1, CreatedAt: now, UpdatedAt: now}); err != nil {
			b.Fatal(err)
		}
	}
	c, err := New(Config{App: a, UploadDir: filepath.Join(dir, "pending")})
	if err != nil {
		b.Fatal(err)
	}
	assets() // the front end is compressed once, in the background: not here
	return c, admin, author
}

// cpuPerOp reports the process's CPU time per iteration since cpu0 (the
// shared machine's wall clock waits for a core).
func cpuPerOp(b *testing.B, cpu0 time.Duration) {
	b.ReportMetric(float64((processCPU()-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/op")
}

func processCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func benchPage(u *sg.User) *pageData {
	return &pageData{Sid: strings.Repeat("0", 32), Token: "t", User: u, Author: true, Nav: "data", PageType: "DATA", Title: "Data sources", Heading: "Data sources"}
}

// BenchmarkDataPages is the server work of the data pages after the
// session is known: the list of 200 data sources (an author they are
// shared with, and an admin), the page of one source with its dependents
// among 200 datasets, and the preview of an uploaded CSV.
func BenchmarkDataPages(b *testing.B) {
	c, admin, author := dataBench(b)
	ctx := context.Background()
	for _, u := range []*sg.User{author, admin} {
		b.Run("list/"+strings.ToLower(u.Role), func(b *testing.B) {
			cpu0 := processCPU()
			for b.Loop() {
				list, err := c.app.ConsoleDataSources(ctx, u)
				if err != nil || len(list) != 200 {
					b.Fatalf("%d sources, %v", len(list), err)
				}
				denied, _ := c.app.DeniedSet(ctx, u, app.DataPageCapabilities)
				d := benchPage(u)
				d.Data = &dataPage{Sources: list, Denied: denied, CanUpload: c.app.CheckUpload(ctx, u) == nil}
				if err := c.pages.render(httptest.NewRecorder(), 200, "data_sources", "layout", d); err != nil {
					b.Fatal(err)
				}
			}
			cpuPerOp(b, cpu0)
		})
	}
	b.Run("source", func(b *testing.B) {
		cpu0 := processCPU()
		for b.Loop() {
			ds, err := c.app.ConsoleDataSource(ctx, author, "src-100")
			if err != nil {
				b.Fatal(err)
			}
			deps, _, err := c.app.DataSourceDependents(ctx, author, ds.ID)
			if err != nil || len(deps) != 1 {
				b.Fatalf("%d dependents, %v", len(deps), err)
			}
			conn, _ := c.app.ConsoleDataSourceConnection(ctx, author, ds)
			d := benchPage(author)
			d.Data = &dataPage{Source: ds, Manage: true, Share: true, Dependents: deps, Form: &sourceForm{ID: ds.ID, Name: ds.Name, Type: ds.Type, Host: conn.Host, Port: conn.Port}}
			if err := c.pages.render(httptest.NewRecorder(), 200, "data_source", "layout", d); err != nil {
				b.Fatal(err)
			}
		}
		cpuPerOp(b, cpu0)
	})
	b.Run("upload-preview", func(b *testing.B) {
		path := filepath.Join(b.TempDir(), "sales.csv")
		var buf bytes.Buffer
		buf.WriteString("region,units,price,day,product,paid\n")
		for i := range 5000 {
			fmt.Fprintf(&buf, "East,%d,%d.5,2024-01-%02d,Product %d,true\n", i, i, 1+i%28, i)
		}
		os.WriteFile(path, buf.Bytes(), 0o600)
		cpu0 := processCPU()
		for b.Loop() {
			p, err := upload.Inspect(path, "sales.csv", upload.Settings{})
			if err != nil {
				b.Fatal(err)
			}
			d := benchPage(author)
			d.Data = &dataPage{Upload: c.uploadData(&uploadPage{Token: "x", FileName: "sales.csv", Preview: p, Name: "sales"})}
			if err := c.pages.render(httptest.NewRecorder(), 200, "upload", "layout", d); err != nil {
				b.Fatal(err)
			}
		}
		cpuPerOp(b, cpu0)
	})
}
