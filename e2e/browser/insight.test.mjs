// An insight visual through embedConsole in Chromium: its narrative
// lines appear in the tile, the total equal to SQL, with the number
// format from the field well; a filter control's change recomputes it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CreateDashboardCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, dashboardCreated, openEmbedded, setUp } from './harness.mjs';

const STEP = 15_000;
const ID = 'insight-narrative';

const { sg, host, qs, browser, sql } = await setUp({ browser: 'allowed' });

async function createDashboard() {
  const region = sg.credentials.region;
  const col = (name) => ({ DataSetIdentifier: 'sales', ColumnName: name });
  const revenue = (id) => ({ NumericalMeasureField: { FieldId: id, Column: col('revenue'), AggregationFunction: { SimpleNumericalAggregation: 'SUM' },
    FormatConfiguration: { FormatConfiguration: { NumberDisplayFormatConfiguration: { Prefix: '$', DecimalPlacesConfiguration: { DecimalPlaces: 2 } } } } } });
  await qs.send(new CreateDashboardCommand({
    AwsAccountId: ACCOUNT, DashboardId: ID, Name: ID,
    Definition: {
      DataSetIdentifierDeclarations: [{ Identifier: 'sales', DataSetArn: `arn:aws:quicksight:${region}:${ACCOUNT}:dataset/sample-sales` }],
      FilterGroups: [{ FilterGroupId: 'g', CrossDataset: 'SINGLE_DATASET', Status: 'ENABLED',
        ScopeConfiguration: { SelectedSheets: { SheetVisualScopingConfigurations: [{ SheetId: 's', Scope: 'ALL_VISUALS' }] } },
        Filters: [{ CategoryFilter: { FilterId: 'f-seg', Column: col('segment'), Configuration: { FilterListConfiguration: { MatchOperator: 'CONTAINS', SelectAllOptions: 'FILTER_ALL_VALUES' } } } }] }],
      Sheets: [{ SheetId: 's', Name: 'Insight',
        FilterControls: [{ Dropdown: { FilterControlId: 'c-seg', SourceFilterId: 'f-seg', Title: 'Segment', Type: 'SINGLE_SELECT' } }],
        Visuals: [{ InsightVisual: { VisualId: 'ins', DataSetIdentifier: 'sales', InsightConfiguration: { Computations: [
          { TotalAggregation: { ComputationId: 'total', Value: revenue('tot') } },
          { TopBottomRanked: { ComputationId: 'top', Type: 'TOP', ResultSize: 1, Category: { CategoricalDimensionField: { FieldId: 'r', Column: col('region') } }, Value: revenue('top-v') } },
        ] } } },
        { InsightVisual: { VisualId: 'story', DataSetIdentifier: 'sales', InsightConfiguration: { Computations: [
          { TotalAggregation: { ComputationId: 'total', Name: 'Sales', Value: revenue('story-tot') } },
          { TopBottomRanked: { ComputationId: 'top', Type: 'TOP', ResultSize: 2, Category: { CategoricalDimensionField: { FieldId: 'story-r', Column: col('region') } }, Value: revenue('story-top') } },
        ], CustomNarrative: { Narrative: NARRATIVE } } } }] }],
    },
    Permissions: [{ Principal: `arn:aws:quicksight:${region}:${ACCOUNT}:user/default/admin`, Actions: ['quicksight:DescribeDashboard', 'quicksight:QueryDashboard'] }],
  }));
  await dashboardCreated(qs, ID);
}

// A custom narrative as the narrative editor saves it: computations'
// outputs by Name (Sales) or ComputationId (top), bold text, a theme color,
// a centered block, a line break.
const NARRATIVE = `<narrative>
  <p>Total <expression>Sales.metricField.name</expression>: <inline color="Accent"><b><expression>Sales.totalAggregate.formattedValue</expression></b></inline>.</p>
  <block align="center">First <expression>top.items[0].categoryValue.formattedValue</expression> (<expression>top.items[0].metricValue.formattedValue</expression>),<br/>then <expression>top.items[1].categoryValue.formattedValue</expression>.</block>
</narrative>`;

const usd = (v) => '$' + v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

describe('insight narrative in Chromium', () => {
  test('the narrative lines appear, equal to SQL, and follow a filter control', { timeout: 120_000 }, async () => {
    await createDashboard();
    const { page, frame, pageErrors } = await openEmbedded({ browser, host, qs }, `/dashboards/${ID}`, STEP);
    try {
      const lines = frame.locator('#v-ins .insight p');
      await lines.first().waitFor({ timeout: STEP });

      const [[total]] = sql('SELECT round(sum(revenue), 2) FROM orders');
      const [[topRegion, topSum]] = sql('SELECT region, round(sum(revenue), 2) FROM orders GROUP BY region ORDER BY 2 DESC LIMIT 1');
      assert.deepEqual(await lines.allTextContents(), [
        `Total revenue is ${usd(total)}.`,
        `Top 1 region by revenue: ${topRegion} (${usd(topSum)}).`,
      ]);

      // One segment: the narrative is recomputed with the filter.
      const [[segment]] = sql('SELECT segment FROM orders GROUP BY segment ORDER BY segment LIMIT 1');
      const [[segTotal]] = sql(`SELECT round(sum(revenue), 2) FROM orders WHERE segment = '${segment}'`);
      await frame.locator('select[name="f.f-seg"]').selectOption(segment);
      await frame.locator(`#v-ins .insight p:text-is("Total revenue is ${usd(segTotal)}.")`).waitFor({ timeout: STEP });

      // The custom narrative follows the filter too: its lines, its bold
      // total, each number equal to SQL.
      const top2 = sql(`SELECT region, round(sum(revenue), 2) FROM orders WHERE segment = '${segment}' GROUP BY region ORDER BY 2 DESC, 1 LIMIT 2`);
      const story = frame.locator('#v-story .insight p');
      await frame.locator(`#v-story .insight b:text-is("${usd(segTotal)}")`).waitFor({ timeout: STEP });
      assert.deepEqual(await story.allTextContents(), [
        `Total revenue: ${usd(segTotal)}.`,
        `First ${top2[0][0]} (${usd(top2[0][1])}),`,
        `then ${top2[1][0]}.`,
      ]);
      // The total in the theme's accent color, the block's lines centered.
      const styles = await frame.locator('#v-story .insight').evaluate((el) => {
        const accent = getComputedStyle(el).getPropertyValue('--accent').trim();
        const probe = document.createElement('span');
        probe.style.color = accent;
        el.appendChild(probe);
        const want = getComputedStyle(probe).color;
        probe.remove();
        return {
          accent, want, total: getComputedStyle(el.querySelector('b').parentElement).color,
          align: [...el.querySelectorAll('p')].map((p) => getComputedStyle(p.firstElementChild || p).textAlign),
        };
      });
      assert.ok(styles.accent !== '', 'the theme sets --accent');
      assert.equal(styles.total, styles.want);
      assert.deepEqual(styles.align.slice(1), ['center', 'center']);
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });
});
