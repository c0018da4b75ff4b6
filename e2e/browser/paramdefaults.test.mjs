// A dashboard whose parameter takes its default from the dataset for the
// signed-in user (DynamicValue), with a relative date control and a bar
// chart measure in a number format, embedded through the SDK's
// embedConsole in Chromium: the admin sees their default region's bar,
// its label in the format and equal to SQL; picking another period in the
// relative date control redraws the bar with SQL's sum for that period.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CreateDashboardCommand } from '@aws-sdk/client-quicksight';
import { ACCOUNT, dashboardCreated, openEmbedded, setUp } from './harness.mjs';

const STEP = 15_000;
const ID = 'dynamic-defaults';

const { sg, host, qs, browser, sql } = await setUp({ browser: 'allowed' });

async function createDashboard() {
  const region = sg.credentials.region;
  const col = (name) => ({ DataSetIdentifier: 'sales', ColumnName: name });
  await qs.send(new CreateDashboardCommand({
    AwsAccountId: ACCOUNT, DashboardId: ID, Name: ID,
    Definition: {
      DataSetIdentifierDeclarations: [{ Identifier: 'sales', DataSetArn: `arn:aws:quicksight:${region}:${ACCOUNT}:dataset/sample-sales` }],
      CalculatedFields: [{ DataSetIdentifier: 'sales', Name: 'owner', Expression: "ifelse({region} = 'Europe', 'admin', 'somebody')" }],
      ParameterDeclarations: [{ StringParameterDeclaration: {
        Name: 'Region', ParameterValueType: 'SINGLE_VALUED',
        DefaultValues: { StaticValues: ['Asia Pacific'], DynamicValue: { DefaultValueColumn: col('region'), UserNameColumn: col('owner') } },
      } }],
      FilterGroups: [
        { FilterGroupId: 'g-region', CrossDataset: 'SINGLE_DATASET', Status: 'ENABLED',
          ScopeConfiguration: { SelectedSheets: { SheetVisualScopingConfigurations: [{ SheetId: 's', Scope: 'ALL_VISUALS' }] } },
          Filters: [{ CategoryFilter: { FilterId: 'f-region', Column: col('region'), Configuration: { CustomFilterConfiguration: { MatchOperator: 'EQUALS', ParameterName: 'Region', NullOption: 'NON_NULLS_ONLY' } } } }] },
        { FilterGroupId: 'g-rel', CrossDataset: 'SINGLE_DATASET', Status: 'ENABLED',
          ScopeConfiguration: { SelectedSheets: { SheetVisualScopingConfigurations: [{ SheetId: 's', Scope: 'ALL_VISUALS' }] } },
          Filters: [{ RelativeDatesFilter: { FilterId: 'f-rel', Column: col('order_date'), RelativeDateType: 'LAST', RelativeDateValue: 50, TimeGranularity: 'YEAR', NullOption: 'NON_NULLS_ONLY',
            AnchorDateConfiguration: { AnchorOption: 'NOW' } } }] },
      ],
      Sheets: [{ SheetId: 's', Name: 'Sales',
        FilterControls: [{ RelativeDateTime: { FilterControlId: 'c-rel', SourceFilterId: 'f-rel', Title: 'Ordered' } }],
        Visuals: [{ BarChartVisual: { VisualId: 'bars', ChartConfiguration: { FieldWells: { BarChartAggregatedFieldWells: {
          Category: [{ CategoricalDimensionField: { FieldId: 'region', Column: col('region') } }],
          Values: [{ NumericalMeasureField: { FieldId: 'rev', Column: col('revenue'), AggregationFunction: { SimpleNumericalAggregation: 'SUM' },
            FormatConfiguration: { FormatConfiguration: { NumberDisplayFormatConfiguration: { Prefix: '$', NumberScale: 'THOUSANDS', DecimalPlacesConfiguration: { DecimalPlaces: 1 } } } } } }],
        } } } } }] }],
    },
    Permissions: [{ Principal: `arn:aws:quicksight:${region}:${ACCOUNT}:user/default/admin`, Actions: ['quicksight:DescribeDashboard', 'quicksight:QueryDashboard'] }],
  }));
  await dashboardCreated(qs, ID);
}

// label writes a sum as the format says: thousands, one decimal, "$".
const label = (sum) => '$' + (sum / 1000).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) + 'K';

describe('dataset parameter defaults and the relative date control in Chromium', () => {
  test('the signed-in user\'s default region, its formatted bar, another period', { timeout: 120_000 }, async () => {
    await createDashboard();
    const { page, frame, pageErrors } = await openEmbedded({ browser, host, qs }, `/dashboards/${ID}`, STEP);
    try {
      const texts = async () => {
        await frame.locator('#v-bars svg').waitFor({ timeout: STEP });
        return frame.locator('#v-bars svg text').allTextContents();
      };
      let drawn = await texts();
      const [[all]] = sql("SELECT sum(revenue) FROM orders WHERE region = 'Europe'");
      assert.ok(drawn.includes('Europe'), `Europe, the admin's default, in ${drawn}`);
      assert.ok(!drawn.includes('Asia Pacific'), `the static default's region is not drawn: ${drawn}`);
      assert.ok(drawn.includes(label(all)), `bar label ${label(all)} (SQL ${all}) in ${drawn}`);

      // Previous 50 years: every order before this year.
      const year = new Date().getUTCFullYear();
      const [[before]] = sql(`SELECT coalesce(sum(revenue), 0) FROM orders WHERE region = 'Europe' AND order_date < '${year}-01-01'`);
      await frame.locator('select[name="f.f-rel.reltype"]').selectOption('PREVIOUS');
      if (before > 0) {
        await frame.locator(`#v-bars svg text:text-is("${label(before)}")`).waitFor({ timeout: STEP });
      } else {
        await frame.locator(`#v-bars svg text:text-is("${label(all)}")`).waitFor({ state: 'detached', timeout: STEP });
      }
      assert.deepEqual(pageErrors, []);
    } finally {
      await page.close();
    }
  });
});
