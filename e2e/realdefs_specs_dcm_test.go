package e2e

// The Cloud Intelligence Dashboards' data collection monitor
// (testdata/realdefs/NOTES.md) and the synthetic data it needs.

import (
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

func init() {
	realDefinitions = append(realDefinitions, dataCollectionMonitor)
}

// dcmModule is a data collection module and its parameters, as the
// collector logs them: one execution a day, three rows each (the state
// machine's entry, the module's Lambda, the state machine's exit).
type dcmModule struct{ module, params string }

var (
	dcmModules = []dcmModule{{"inventory", "ebs"}, {"inventory", "snapshot"}, {"rds-usage", ""}, {"trusted-advisor", ""}, {"budgets", ""}}
	// dcmDays are the days (before the test's) a module ran: within the
	// DaysWindow of 16 days and well past it, never near its edge. A
	// retired module ran 40 and 41 days ago only, before the LAST 30 DAY
	// window of the active-modules KPI.
	dcmDays        = []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 20, 21, 22, 23, 24, 25}
	dcmRetired     = dcmModule{"legacy-module", ""}
	dcmRetiredDays = []int{40, 41}
)

// dcmRun is execution i (of len(dcmModules)*len(dcmDays) and then the
// retired module's) and its exit code: 500 for one in five, 204 (no
// results) for one in seven of the rest, else 200.
func dcmRun(i int) (m dcmModule, mi, day, code int) {
	if n := len(dcmModules) * len(dcmDays); i >= n {
		m, mi, day = dcmRetired, len(dcmModules), dcmRetiredDays[i-n]
	} else {
		mi = i % len(dcmModules)
		m, day = dcmModules[mi], dcmDays[i/len(dcmModules)]
	}
	code = 200
	switch {
	case (mi+day)%5 == 0:
		code = 500
	case (mi+day)%7 == 0:
		code = 204
	}
	return m, mi, day, code
}

var dataCollectionMonitor = realDef{
	name: "data-collection-monitor",
	dataSets: []realDataSet{{
		id: dcmDataSet,
		columns: append(append(append(append([]realColumn{{"timestamp", types.InputColumnDataTypeDatetime}},
			strCols("module", "stackversion", "subversion", "params", "modulefunction", "payerid", "accountid", "region")...),
			realColumn{"statuscode", types.InputColumnDataTypeInteger}, realColumn{"subcode", types.InputColumnDataTypeString},
			realColumn{"recordcount", types.InputColumnDataTypeInteger}),
			strCols("description", "datalocation", "mainexeuuid", "subuuid", "service", "datacollectionregion")...),
			append([]realColumn{{"logdate", types.InputColumnDataTypeDatetime}, {"is_latest_module_exe", types.InputColumnDataTypeBoolean}},
				// The last three are the dataset's calculated columns
				// (CreateColumnsOperation), stored as computed.
				strCols("lambda_request_id", "lambda_log_group", "lambda_log_stream", "child_state_machine_exid", "state_machine_arn",
					"status_code_binary", "status_code_icon", "status_code_binary_icon")...)...),
		rows: 3 * (len(dcmModules)*len(dcmDays) + len(dcmRetiredDays)),
		row: func(i int) []any {
			m, mi, day, code := dcmRun(i / 3)
			fn, status, account, desc := []string{"sf-entry", "data-collection-lambda", "sf-exit"}[i%3], code, "", "Execution finished"
			start := caDay(day).Add(time.Hour + time.Duration(mi)*7*time.Minute)
			ts := start
			switch i % 3 {
			case 0:
				status, desc = 200, "Execution started"
			case 1:
				ts = start.Add(time.Duration(30+mi*5+day) * time.Second)
				account, desc = fmt.Sprintf("44445555666%d", mi%3), "Collected"
				if code >= 300 {
					desc = "AccessDenied when calling the API"
				}
			case 2:
				ts = start.Add(time.Duration(60+mi*11+day*3) * time.Second)
			}
			params := m.params
			exe := fmt.Sprintf("exe-%s-%s-%02d", m.module, params, day)
			latest := day == dcmDays[0] || m == dcmRetired && day == dcmRetiredDays[0]
			binary, icon := "Okay", "\U0001F535"
			if status >= 300 {
				binary = "Error"
			}
			if status >= 299 {
				icon = "\U0001F536"
			}
			logGroup, logStream := "", ""
			if i%3 == 1 {
				logGroup, logStream = "/aws/lambda/cid-DataCollection-"+m.module, fmt.Sprintf("2026/01/01/[$LATEST]%032d", i)
			}
			return []any{
				ts.Format(time.DateTime), m.module, "v3.12.0", "", params, fn, "111122223333", account, "us-east-1",
				status, "", 10 * mi, desc, "", exe, "{}", m.module, "us-east-1",
				caDay(day).Format(time.DateTime), b2i(latest),
				"", logGroup, logStream, "", "arn:aws:states:us-east-1:111122223333:stateMachine:cid-DataCollection-" + m.module + "-StateMachine",
				binary, icon, icon + " " + binary,
			}
		},
	}},
	checks: []realCheck{
		{dcmSheet, "dea9706c-6fd1-4795-8ace-9a165dab16e9", `SELECT count(DISTINCT mainexeuuid) FROM "` + dcmDataSet + `" WHERE modulefunction = 'sf-exit' AND statuscode / 100 = 2 AND ` + dcmWindow},
		{dcmSheet, "ea985224-1e78-4335-b37a-327efddd58c4", `SELECT count(DISTINCT mainexeuuid) FROM "` + dcmDataSet + `" WHERE modulefunction = 'sf-exit' AND statuscode / 100 <> 2 AND ` + dcmWindow},
		{dcmSheet, "bf55587c-6e72-4d1a-9030-ff7f29ee7268", `SELECT count(DISTINCT module) FROM "` + dcmDataSet + `" WHERE logdate >= '` + caDay(29).Format(time.DateTime) + `'`},
		{dcmSheet, "bdad00cc-fc67-4b4a-b74b-c4e3860006ab", `SELECT module || CASE WHEN length(params) > 0 THEN '-' || params ELSE '' END, status_code_binary, count(statuscode)
			FROM "` + dcmDataSet + `" WHERE modulefunction = 'sf-exit' GROUP BY 1, 2`},
		{dcmSheet, "0eb55493-0865-44a4-a504-b3460df2bf50", `SELECT substr(logdate, 1, 10), status_code_binary, count(DISTINCT mainexeuuid) FROM "` + dcmDataSet + `" GROUP BY 1, 2`},
		// The latest report: a table grouped by is_latest_module_exe, a
		// column its FieldOptions hide: only the MAX of the timestamp (a
		// date measure without a DateTimeFormat: its day) is drawn.
		{dcmSheet, "063aed02-950c-48b1-a9ca-af8910b9b8dd", `SELECT substr(max(timestamp), 1, 10) FROM "` + dcmDataSet + `" WHERE is_latest_module_exe = 1`},
	},
}

const (
	dcmDataSet = "3ef75aee-23b7-4a5b-829e-3594206ea193"
	dcmSheet   = "fac3708e-284a-476a-9a4b-850dffd4a061"
)

// dcmWindow is days_ago < ${DaysWindow} (16): the runs 1 to 12 days ago.
var dcmWindow = "logdate >= '" + caDay(15).Format(time.DateTime) + "'"
