package e2e

// Real definitions from the Cloud Intelligence Dashboards framework
// (aws-solutions-library-samples/cloud-intelligence-dashboards-framework,
// MIT-0): the data each needs.

// cidRLS: the CID row-level-security dashboard: one table of who may see
// which payers and accounts, described by a calculated field (a
// four-branch ifelse of ifelse, concat and contains). Rows cover every
// branch: users, groups, both, neither; empty and null accounts and
// payers; lists with commas.
var cidRLS = realDef{
	name: "cid-rls",
	dataSets: []realDataSet{{
		id:      "770b6f30-9498-49e2-9878-5ac9e3258b2c",
		columns: strCols("UserName", "GroupName", "account_id", "payer_id"),
		rows:    12,
		row: func(i int) []any {
			users := []any{"alice", nil, "carol", "", "erin", "frank", nil, "heidi", "ivan", "judy", "", "mallory"}
			groups := []any{nil, "finops", "", "security", "platform", nil, "auditors", "", "dev", nil, "ops", "sre"}
			accounts := []any{"", nil, "111122223333", "111122223333,444455556666", nil, "", "777788889999", "", "", "123412341234", nil, "555566667777,888899990000"}
			payers := []any{"", "999988887777", nil, "", "999988887777,666655554444", "999988887777", "", nil, "", "", "666655554444", "999988887777"}
			return []any{users[i], groups[i], accounts[i], payers[i]}
		},
	}},
	checks: []realCheck{
		{"0146de27-2f7d-4268-9dd5-e7a5679a3d98", "78602264-b797-4bc8-922c-76e2fd852742", cidRLSQuery},
	},
}

// cidRLSQuery is the table's rows in SQL: the five columns, Description
// written out from the calculated field's branches (the first two user
// branches repeat, so the third never applies).
const cidRLSQuery = `
	WITH t AS (SELECT *,
		CASE WHEN account_id IS NULL OR account_id = '' THEN 1 ELSE 0 END AS a0,
		CASE WHEN payer_id IS NULL OR payer_id = '' THEN 1 ELSE 0 END AS p0,
		(UserName IS NOT NULL AND UserName <> '') AS hasUser,
		(GroupName IS NOT NULL AND GroupName <> '') AS hasGroup
		FROM "770b6f30-9498-49e2-9878-5ac9e3258b2c")
	SELECT DISTINCT UserName, GroupName, account_id, payer_id,
		CASE WHEN hasUser AND NOT hasGroup THEN 'User has '
			WHEN NOT hasUser AND hasGroup THEN 'Group has '
			ELSE 'ANY USER have ' END ||
		CASE WHEN a0 = 1 AND p0 = 1 THEN 'Full Access (All Payers all Accounts)'
			WHEN a0 = 1 AND p0 = 0 THEN CASE WHEN instr(payer_id, ',') > 0 THEN 'Access To Payers: ' ELSE 'Access To Payer: ' END || payer_id
			WHEN a0 = 0 AND p0 = 1 THEN 'Access To Account: ' || account_id
			ELSE '' END
	FROM t`
