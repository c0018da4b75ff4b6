package e2e

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"

	"github.com/sightglass/sightglass/internal/query"
)

// TestDataMetrics: dataset queries by result (the result cache's hits
// and misses) and SPICE ingestions with their rows, in the metrics.
func TestDataMetrics(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(100), withMetrics())
	c := ts.adminClient()
	ctx := t.Context()
	q := &query.Question{
		Dimensions: []query.Dimension{{Field: "region"}},
		Measures:   []query.Measure{{ID: "orders", Field: "order_id", Aggregation: query.Count}},
	}
	for range 3 {
		_, err := ts.App.QueryDataSet(ctx, nil, accountID, "sample-sales", q)
		must(t, err)
	}
	// A SPICE copy of the sample data, ingested twice.
	out := createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("spice"), ImportMode: types.DataSetImportModeSpice,
		PhysicalTableMap: customSQL("sample-sales", "SELECT order_id, region FROM orders",
			col("order_id", types.InputColumnDataTypeInteger), col("region", types.InputColumnDataTypeString))})
	wantIngestion(t, waitIngestion(t, c, "spice", aws.ToString(out.IngestionId)), types.IngestionStatusCompleted, 100, "")
	_, err := c.CreateIngestion(ctx, &quicksight.CreateIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("spice"), IngestionId: aws.String("again")})
	must(t, err)
	wantIngestion(t, waitIngestion(t, c, "spice", "again"), types.IngestionStatusCompleted, 100, "")

	m := ts.scrape(t)
	wantMetric(t, m, 1, "sightglass_query_duration_seconds_count", "result", "computed")
	wantMetric(t, m, 2, "sightglass_query_duration_seconds_count", "result", "hit")
	wantMetric(t, m, 1, "sightglass_query_cache_requests_total", "result", "miss")
	wantMetric(t, m, 2, "sightglass_query_cache_requests_total", "result", "hit")
	wantMetric(t, m, 1, "sightglass_query_cache_entries")
	// The ingestion is recorded before its metrics: wait for the second.
	eventually(t, "the second ingestion's metrics", func() bool {
		return metricValue(t, ts.scrape(t), "sightglass_ingestions_total", "status", "completed") == 2
	})
	m = ts.scrape(t)
	wantMetric(t, m, 200, "sightglass_ingestion_rows_total", "status", "completed")
	wantMetric(t, m, 2, "sightglass_ingestion_duration_seconds_count", "status", "completed")
}
