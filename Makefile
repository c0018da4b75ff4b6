# Sightglass build and test entry points. The README's two commands are
# `make run` and `make test`.

GO      ?= go
PG_DSN  ?= postgres://postgres:postgres@127.0.0.1:5432/postgres?sslmode=disable
MYSQL_DSN ?= root@tcp(127.0.0.1:3306)/test
# CI gives each of the 61 fuzz targets a short run (the suite must stay under
# 40 minutes); a longer search is `make fuzz FUZZTIME=5m`.
FUZZTIME ?= 5s

.PHONY: run build web cgo test test-deps unit script browser fuzz lint bench

# SPICE is DuckDB, linked statically through cgo: a C and a C++ compiler
# are needed (the first build links a large library: about a minute).
export CGO_ENABLED = 1

# Data-source SQLite files are read through SQLite's C library
# (internal/query/source/sqlitecgo.go), which must then be compiled as the
# pure-Go build is where answers depend on it: a BLOB never matches LIKE.
# Built without this flag, the binary reads them through the pure-Go build
# alone (the same answers, more slowly).
CGO_CFLAGS ?= -O2 -g
export CGO_CFLAGS += -DSQLITE_LIKE_DOESNT_MATCH_BLOBS
# Two of SQLite's recommended options that change no answer: no memory
# statistics (each allocation took a mutex shared by every connection:
# 4-7 % of a sheet's CPU with four questions at once) and alloca for
# temporary buffers.
export CGO_CFLAGS += -DSQLITE_DEFAULT_MEMSTATUS=0 -DSQLITE_USE_ALLOCA

run: web cgo
	$(GO) run ./cmd/sightglass serve

build: web cgo
	$(GO) build -o bin/sightglass ./cmd/sightglass

cgo:
	@command -v $${CC:-gcc} >/dev/null || { echo "gcc is missing: SPICE links DuckDB through cgo (Debian: apt-get install gcc g++)"; exit 1; }
	@command -v $${CXX:-g++} >/dev/null || { echo "g++ is missing: SPICE links DuckDB through cgo (Debian: apt-get install g++)"; exit 1; }

# The console's front end: npm packages from the lockfile, bundled by
# esbuild into web/dist, which the binary embeds.
web: web/node_modules/.package-lock.json
	cd web && npm run --silent build

web/node_modules/.package-lock.json: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund

test: test-deps web lint unit script browser fuzz

test-deps:
	./scripts/test-deps.sh

lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt needed"; exit 1; }
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

# All Go tests, with PostgreSQL and MariaDB given so the tests that need them run.
unit: web cgo
	SIGHTGLASS_TEST_POSTGRES='$(PG_DSN)' SIGHTGLASS_TEST_MYSQL='$(MYSQL_DSN)' $(GO) test -race -count=1 -timeout 30m ./...

# boto3 and the AWS CLI from Debian's packages against a real server.
script: build
	/usr/bin/python3 e2e/script/run.py bin/sightglass

# The embedding SDK from npm in Debian's Chromium against a real server.
browser: build
	cd e2e/browser && npm ci --no-audit --no-fund && node --test

# Each fuzz target briefly (go test allows one -fuzz target per run).
fuzz:
	./scripts/fuzz.sh FuzzVerify ./internal/sigv4 $(FUZZTIME)
	./scripts/fuzz.sh FuzzParsePolicy ./internal/iam $(FUZZTIME)
	./scripts/fuzz.sh FuzzDecodePunycode ./internal/console $(FUZZTIME)
	./scripts/fuzz.sh FuzzDraft ./internal/console $(FUZZTIME)
	./scripts/fuzz.sh FuzzExportCSV ./internal/console $(FUZZTIME)
	./scripts/fuzz.sh FuzzParseDefinition ./internal/definition $(FUZZTIME)
	./scripts/fuzz.sh FuzzVisualPlan ./internal/viewer $(FUZZTIME)
	./scripts/fuzz.sh FuzzNumberFormat ./internal/viewer $(FUZZTIME)
	./scripts/fuzz.sh FuzzRollingDate ./internal/viewer $(FUZZTIME)
	./scripts/fuzz.sh FuzzValidateDefinition ./internal/apimodel $(FUZZTIME)
	./scripts/fuzz.sh FuzzNoBodyCheck ./internal/apimodel $(FUZZTIME)
	./scripts/fuzz.sh FuzzEmbedDecode ./internal/awsapi $(FUZZTIME)
	./scripts/fuzz.sh FuzzFastDecode ./internal/apimodel $(FUZZTIME)
	./scripts/fuzz.sh FuzzFillAgrees ./internal/awsapi $(FUZZTIME)
	./scripts/fuzz.sh FuzzViewerState ./internal/viewer $(FUZZTIME)
	./scripts/fuzz.sh FuzzActionFilters ./internal/viewer $(FUZZTIME)
	./scripts/fuzz.sh FuzzDateFormat ./internal/viewer $(FUZZTIME)
	./scripts/fuzz.sh FuzzInsight ./internal/viewer $(FUZZTIME)
	./scripts/fuzz.sh FuzzNarrative ./internal/viewer $(FUZZTIME)
	./scripts/fuzz.sh FuzzVisualExtras ./internal/viewer $(FUZZTIME)
	./scripts/fuzz.sh FuzzDraw ./internal/highcharts $(FUZZTIME)
	./scripts/fuzz.sh FuzzSheetEdits ./internal/authoring $(FUZZTIME)
	./scripts/fuzz.sh FuzzParseParameters ./internal/app $(FUZZTIME)
	./scripts/fuzz.sh FuzzRefreshSchedule ./internal/app $(FUZZTIME)
	./scripts/fuzz.sh FuzzParsePHC ./internal/app $(FUZZTIME)
	./scripts/fuzz.sh FuzzThemeConfiguration ./internal/app $(FUZZTIME)
	./scripts/fuzz.sh FuzzTagTarget ./internal/store/sqlkit $(FUZZTIME)
	./scripts/fuzz.sh FuzzRegisteredEntry ./internal/app $(FUZZTIME)
	./scripts/fuzz.sh FuzzEmbedCodeKey ./internal/app $(FUZZTIME)
	./scripts/fuzz.sh FuzzAnonymousResources ./internal/app $(FUZZTIME)
	./scripts/fuzz.sh FuzzIsResourceID ./internal/app $(FUZZTIME)
	./scripts/fuzz.sh FuzzSearchFilter ./internal/app $(FUZZTIME)
	./scripts/fuzz.sh FuzzViewState ./internal/app $(FUZZTIME)
	./scripts/fuzz.sh FuzzOpen ./internal/secretbox $(FUZZTIME)
	./scripts/fuzz.sh FuzzResolveSQLitePath ./internal/query/source $(FUZZTIME)
	./scripts/fuzz.sh FuzzParseHostPolicy ./internal/query/source $(FUZZTIME)
	./scripts/fuzz.sh FuzzParseExpression ./internal/query/expr $(FUZZTIME)
	./scripts/fuzz.sh FuzzParseNesting ./internal/query/expr $(FUZZTIME)
	./scripts/fuzz.sh FuzzParseJSONPath ./internal/query/expr $(FUZZTIME)
	./scripts/fuzz.sh FuzzTableCalc ./internal/query $(FUZZTIME)
	./scripts/fuzz.sh FuzzPercentilesAsPureGo ./internal/query/sqlitec $(FUZZTIME)
	./scripts/fuzz.sh FuzzCellStyle ./internal/viewer $(FUZZTIME)
	./scripts/fuzz.sh FuzzLayerShapes ./internal/viewer $(FUZZTIME)
	./scripts/fuzz.sh FuzzCustomSQL ./internal/query/dataset $(FUZZTIME)
	./scripts/fuzz.sh FuzzGeoRoles ./internal/query/dataset $(FUZZTIME)
	./scripts/fuzz.sh FuzzScan ./internal/audit $(FUZZTIME)
	./scripts/fuzz.sh FuzzAppendEvent ./internal/audit $(FUZZTIME)
	./scripts/fuzz.sh FuzzAppend ./internal/jsonstr $(FUZZTIME)
	./scripts/fuzz.sh FuzzGrantJSON ./internal/app $(FUZZTIME)
	./scripts/fuzz.sh FuzzParseManifest ./internal/backup $(FUZZTIME)
	./scripts/fuzz.sh FuzzParseInvalidation ./internal/server $(FUZZTIME)
	./scripts/fuzz.sh FuzzRules ./internal/rls $(FUZZTIME)
	./scripts/fuzz.sh FuzzTags ./internal/rls $(FUZZTIME)
	./scripts/fuzz.sh FuzzUpload ./internal/upload $(FUZZTIME)
	./scripts/fuzz.sh FuzzConvert ./internal/query/spice $(FUZZTIME)
	./scripts/fuzz.sh FuzzCSVCounter ./internal/query/spice $(FUZZTIME)
	./scripts/fuzz.sh FuzzEdits ./internal/authoring $(FUZZTIME)
	./scripts/fuzz.sh FuzzParseARN . $(FUZZTIME)
	./scripts/fuzz.sh FuzzGrantBinary ./internal/app $(FUZZTIME)
	./scripts/fuzz.sh FuzzOutputJSON ./internal/awsapi $(FUZZTIME)

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
