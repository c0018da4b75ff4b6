package e2e

// The synthetic rows of the CORA dashboard's cora_view
// (realdefs_specs_cora_test.go): Cost Optimization Hub recommendations
// of two management (payer) accounts, each exported on four days.

import (
	"fmt"
	"math"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

// coraPayers are the management accounts, their names and their linked
// accounts' (id, name, team tag).
var coraPayers = []struct {
	id, name string
	linked   [3][3]string
}{
	{"999988887771", "org-main", [3][3]string{{"111122223331", "prod-web", "payments"}, {"111122223332", "prod-data", "search"}, {"111122223333", "dev", "platform"}}},
	{"999988887772", "org-research", [3][3]string{{"444455556661", "analytics", "search"}, {"444455556662", "ml-platform", "platform"}, {"444455556663", "sandbox", "payments"}}},
}

// coraDays are the days (before the test's) each payer's export ran,
// oldest first: the second payer's runs a day later, so its latest day
// ("The Last One") is not the first's.
var coraDays = [2][4]int{{22, 15, 8, 1}, {23, 16, 9, 2}}

// coraRec is one recommendation as exported on the oldest day; later
// days grow its cost and savings by 4% a day of export.
type coraRec struct {
	account, accountName    string
	action, current, target string // action_type, current_ and recommended_resource_type
	arn, region             string
	curSum, recSum          string // current_ and recommended_resource_summary
	curDet, recDet          string // current_ and recommended_resource_details
	effort, source, tags    string
	restart, rollback       bool
	cost, saving            float64 // before discount
	from, until             int     // the export days (0–3) it is in
}

// coraRecsOf lists a payer's recommendations: per linked account an EC2
// instance to rightsize or move to Graviton (one recommendation each: the
// larger saving is the resource's top action), an idle instance to stop
// (found in the last two exports), a gp2 volume to upgrade and, in two
// accounts, an unattached volume to delete (the third account's was
// deleted before the latest export); an RDS instance, a Lambda function,
// an ECS service and an Auto Scaling group; and the payer's reserved
// instance and Savings Plans options, one term and payment option each,
// one of each family at the linked level (below the payer's best, and
// left out by the RILevel/SPLevel "Payer" filters).
func coraRecsOf(p int) []coraRec {
	py := coraPayers[p]
	pm := 1 + 0.37*float64(p)
	var out []coraRec
	for j, l := range py.linked {
		a := p*3 + j
		m := 1 + 0.25*float64(a)
		region := []string{"us-east-1", "eu-west-1", "us-west-2"}[j]
		arn := "arn:aws:ec2:" + region + ":" + l[0] + ":"
		tags := func(name string) string {
			return fmt.Sprintf("{cost-center=cc-%d, Name=%s, finopsexception=none, team=%s}", 100+a, name, l[2])
		}
		usage := coraRec{account: l[0], accountName: l[1], region: region, source: "ComputeOptimizer", restart: true, rollback: true, until: 3}
		inst := fmt.Sprintf("i-0%d%d4f5e6a7b8c9d0e", p, j)
		rs, gv := 140.16, 56.06
		if a%2 == 1 {
			rs, gv = 84.10, 112.13
		}
		ec2 := usage
		ec2.current, ec2.target, ec2.arn, ec2.tags = "Ec2Instance", "Ec2Instance", arn+"instance/"+inst, tags(fmt.Sprintf("web-%d%d", p, j))
		ec2.curSum, ec2.curDet, ec2.cost = "m5.2xlarge", `{"ec2Instance":{"configuration":{"instance":{"type":"m5.2xlarge"}}}}`, 280.32*m
		right, grav := ec2, ec2
		right.action, right.recSum, right.recDet, right.effort, right.saving = "Rightsize", "m5.xlarge", `{"ec2Instance":{"configuration":{"instance":{"type":"m5.xlarge"}}}}`, "Medium", rs*m
		grav.action, grav.recSum, grav.recDet, grav.effort, grav.saving = "MigrateToGraviton", "m7g.2xlarge", `{"ec2Instance":{"configuration":{"instance":{"type":"m7g.2xlarge"}}}}`, "High", gv*m
		stop := usage
		stop.action, stop.current, stop.target, stop.arn, stop.tags = "Stop", "Ec2Instance", "Ec2Instance", arn+fmt.Sprintf("instance/i-0%d%d9a8b7c6d5e4f3a", p, j), tags(fmt.Sprintf("batch-%d%d", p, j))
		stop.curSum, stop.recSum, stop.curDet, stop.recDet, stop.effort, stop.cost, stop.saving, stop.from = "t3.large", "", `{"ec2Instance":{"configuration":{"instance":{"type":"t3.large"}}}}`, "{}", "Low", 60.74*m, 60.74*m, 2
		vol := usage
		vol.action, vol.current, vol.target, vol.arn, vol.tags = "Upgrade", "EbsVolume", "EbsVolume", arn+fmt.Sprintf("volume/vol-0%d%d1a2b3c4d5e6f7a", p, j), tags(fmt.Sprintf("web-%d%d-data", p, j))
		vol.curSum, vol.recSum, vol.curDet, vol.recDet, vol.effort, vol.restart, vol.cost, vol.saving = "gp2 500 GiB", "gp3 500 GiB",
			`{"ebsVolume":{"configuration":{"storage":{"type":"gp2","sizeInGb":500},"attachmentState":"Attached"}}}`, `{"ebsVolume":{"configuration":{"storage":{"type":"gp3","sizeInGb":500}}}}`, "VeryLow", false, 50*m, 10*m
		out = append(out, right, grav, stop, vol)
		if j != 1 {
			del := vol
			del.action, del.arn, del.tags, del.recSum, del.recDet, del.effort, del.rollback = "Delete", arn+fmt.Sprintf("volume/vol-0%d%d7f6e5d4c3b2a1f", p, j), tags(fmt.Sprintf("old-%d%d", p, j)), "", "{}", "Low", false
			del.curSum, del.curDet, del.cost, del.saving = "gp3 200 GiB", `{"ebsVolume":{"configuration":{"storage":{"type":"gp3","sizeInGb":200},"attachmentState":"Unattached"}}}`, 16*m, 16*m
			if j == 2 {
				del.until = 2
			}
			out = append(out, del)
		}
	}
	l0, l1, l2 := py.linked[0], py.linked[1], py.linked[2]
	svc := func(l [3]string, action, typ, region, arn, name, cur, rec, effort string, restart bool, cost, saving float64) coraRec {
		return coraRec{account: l[0], accountName: l[1], action: action, current: typ, target: typ, arn: arn, region: region, curSum: cur, recSum: rec,
			curDet: "{}", recDet: "{}", effort: effort, source: "ComputeOptimizer", tags: fmt.Sprintf("{cost-center=cc-%d, Name=%s, finopsexception=none, team=%s}", 200+p, name, l[2]),
			restart: restart, rollback: true, cost: cost * pm, saving: saving * pm, until: 3}
	}
	rds := "arn:aws:rds:us-east-1:" + l0[0] + ":db:orders-db"
	out = append(out,
		svc(l0, "Rightsize", "RdsDbInstance", "us-east-1", rds, "orders-db", "db.r5.xlarge", "db.r5.large", "Medium", true, 700.80, 175.20),
		svc(l0, "MigrateToGraviton", "RdsDbInstance", "us-east-1", rds, "orders-db", "db.r5.xlarge", "db.r6g.xlarge", "VeryHigh", true, 700.80, 70.08),
		svc(l1, "Rightsize", "LambdaFunction", "eu-west-1", "arn:aws:lambda:eu-west-1:"+l1[0]+":function:thumbnailer", "thumbnailer", "1024 MB", "512 MB", "VeryLow", false, 12.50, 4.10),
		svc(l2, "Rightsize", "EcsService", "us-east-1", "arn:aws:ecs:us-east-1:"+l2[0]+":service/web-cluster/checkout", "checkout", "2 vCPU 4 GB", "1 vCPU 2 GB", "Medium", true, 146.00, 48.60),
		svc(l1, "Rightsize", "Ec2AutoScalingGroup", "us-west-2",
			"arn:aws:autoscaling:us-west-2:"+l1[0]+":autoScalingGroup:7d3f9c2e-1b4a-4c8d-9e0f-a1b2c3d4e5f6:autoScalingGroupName/batch-workers", "batch-workers", "c5.2xlarge", "c5.xlarge", "High", true, 420.00, 126.30))
	return append(out, coraCommitments(p)...)
}

// coraOption is a reserved instance or Savings Plan option: its term,
// payment option and monthly saving (before discount).
type coraOption struct {
	term, upfront string
	saving        float64
}

// coraCommitments are a payer's reserved instance and Savings Plans
// recommendations (no resource ARN, as Cost Optimization Hub exports them).
// Every row has a finopsexception tag, never the first:
// FinopsException (split(split(Tags, 'finopsexception=', 2), ',', 1))
// is NULL without one, and also when it is first, as split skips the
// empty item before it (so is Name); its filter list, every value
// selected, keeps non-nulls only.
func coraCommitments(p int) []coraRec {
	py := coraPayers[p]
	pm := 1 + 0.37*float64(p)
	var out []coraRec
	add := func(action, typ, region, head, cur string, cost float64, opts []coraOption, linked coraOption) {
		for i, o := range append(opts, linked) {
			acct, name, level := py.id, py.name, "Payer"
			if i == len(opts) {
				if linked.term == "" {
					break
				}
				acct, name, level = py.linked[0][0], py.linked[0][1], "Linked"
			}
			sum := fmt.Sprintf("%s in AWS account %s (%s %s, %s)", head, acct, o.term, o.upfront, level)
			if action == "PurchaseSavingsPlans" {
				sum = fmt.Sprintf("%s (%s %s, %s)", head, o.term, o.upfront, level)
			}
			out = append(out, coraRec{account: acct, accountName: name, action: action, current: typ, target: typ, region: region,
				curSum: cur, recSum: sum, curDet: "{}", recDet: "{}", effort: "VeryLow", source: "CostExplorer", tags: "{owner=finops, finopsexception=none}",
				cost: cost * pm, saving: o.saving * pm, until: 3})
		}
	}
	y1, y3 := "one year", "three years"
	ri := "PurchaseReservedInstances"
	add(ri, "RdsReservedInstances", "us-east-1", "2 db.r6g.large PostgreSQL", "On-Demand db.r6g.large PostgreSQL", 350.40,
		[]coraOption{{y1, "NoUpfront", 95.04}, {y3, "PartialUpfront", 160.60}, {y3, "AllUpfront", 171.55}}, coraOption{y1, "NoUpfront", 80.00})
	add(ri, "OpenSearchReservedInstances", "eu-west-1", "1 r6g.large.search OpenSearch", "On-Demand r6g.large.search", 122.60,
		[]coraOption{{y1, "NoUpfront", 40.15}, {y3, "AllUpfront", 70.08}}, coraOption{})
	add(ri, "ElastiCacheReservedInstances", "us-east-1", "3 cache.r6g.large Redis", "On-Demand cache.r6g.large Redis", 452.60,
		[]coraOption{{y1, "PartialUpfront", 140.30}, {y3, "PartialUpfront", 210.44}}, coraOption{})
	add(ri, "Ec2ReservedInstances", "us-east-1", "4 m5.large Linux/UNIX", "On-Demand m5.large Linux/UNIX", 280.30,
		[]coraOption{{y1, "NoUpfront", 78.84}, {y3, "AllUpfront", 140.16}}, coraOption{})
	if p == 1 {
		add(ri, "RedshiftReservedInstances", "us-east-1", "2 ra3.xlplus Redshift", "On-Demand ra3.xlplus", 790.60,
			[]coraOption{{y1, "AllUpfront", 158.12}, {y3, "AllUpfront", 395.30}}, coraOption{})
	}
	sp := "PurchaseSavingsPlans"
	add(sp, "ComputeSavingsPlans", "global", "$1.20/hour", "On-Demand compute spend $1,460.00", 1460,
		[]coraOption{{y1, "NoUpfront", 210.24}, {y3, "NoUpfront", 350.40}, {y3, "AllUpfront", 372.30}}, coraOption{y1, "NoUpfront", 60.00})
	add(sp, "SageMakerSavingsPlans", "global", "$0.30/hour", "On-Demand SageMaker spend $292.00", 292,
		[]coraOption{{y1, "PartialUpfront", 54.75}, {y3, "PartialUpfront", 91.98}}, coraOption{})
	add(sp, "Ec2InstanceSavingsPlans", "us-east-1", "$0.50/hour for m5 in us-east-1", "On-Demand m5 spend $584.00", 584,
		[]coraOption{{y1, "NoUpfront", 98.55}, {y3, "PartialUpfront", 146.00}}, coraOption{})
	return out
}

// coraRows are the view's rows: every payer's recommendations on each
// export day they are in.
var coraRows = func() [][]any {
	var out [][]any
	for p, py := range coraPayers {
		for k, days := range coraDays[p] {
			date := caDay(days).Format(time.DateOnly)
			for _, r := range coraRecsOf(p) {
				if k < r.from || k > r.until {
					continue
				}
				f := 1 + 0.04*float64(k)
				cost, saving := cents(r.cost*f), cents(r.saving*f)
				out = append(out, []any{
					r.account, r.action, "USD", r.curDet, r.curSum, r.current,
					cents(cost * 0.85), cost, cents(saving * 0.85), saving, cents(100 * saving / cost), cents(100 * saving / cost),
					r.effort, date + " 06:12:00", fmt.Sprintf("coh-%s-%04d", py.id[8:], len(out)), coraLookback(r.source), r.source,
					r.recDet, r.recSum, r.target, r.region, r.arn, b2i(r.restart), b2i(r.rollback), r.tags,
					py.id, "coh", "{}", date, r.accountName,
				})
			}
		}
	}
	return out
}()

// coraLookback is the days of usage a recommendation's source looks at.
func coraLookback(source string) int {
	if source == "CostExplorer" {
		return 30
	}
	return 14
}

func cents(f float64) float64 { return math.Round(f*100) / 100 }

// coraColumns are cora_view's columns, in its order, and account_map's
// account_name (the dataset's join).
func coraColumns() []realColumn {
	var c []realColumn
	c = append(c, strCols("account_id", "action_type", "currency_code", "current_resource_details", "current_resource_summary", "current_resource_type")...)
	c = append(c, decCols("estimated_monthly_cost_after_discount", "estimated_monthly_cost_before_discount",
		"estimated_monthly_savings_after_discount", "estimated_monthly_savings_before_discount",
		"estimated_savings_percentage_after_discount", "estimated_savings_percentage_before_discount")...)
	c = append(c, strCols("implementation_effort", "last_refresh_timestamp", "recommendation_id")...)
	c = append(c, intCols("recommendation_lookback_period_in_days")...)
	c = append(c, strCols("recommendation_source", "recommended_resource_details", "recommended_resource_summary", "recommended_resource_type", "region", "resource_arn")...)
	// BOOLEAN, as in the author's dataset: the definition compares them
	// with 1 (QuickSight promotes booleans to integers; so does the
	// query compiler, dialect.ColumnValue).
	c = append(c, realColumn{"restart_needed", types.InputColumnDataTypeBoolean}, realColumn{"rollback_possible", types.InputColumnDataTypeBoolean})
	return append(c, strCols("tags", "source_account_id", "report_name", "data", "date", "account_name")...)
}
