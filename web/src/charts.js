// ECharts with only what the viewer draws: bar, line, pie, scatter
// (combo charts are bars and lines), their axes, legend, tooltip and aria
// description, on the SVG renderer.
import * as echarts from "echarts/core";
import { BarChart, LineChart, PieChart, ScatterChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";

echarts.use([BarChart, LineChart, PieChart, ScatterChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

const charts = new Set();

// Numbers read as the KPIs and tables show them: thousands separators,
// at most two decimals.
const number = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const formatValue = (v) => (typeof v === "number" ? number.format(v) : v);

// formatLabels gives value labels (a pie's: name and value) and tooltips
// that have no formatter of their own the number format above.
function formatLabels(option) {
  option.tooltip ??= {};
  option.tooltip.valueFormatter ??= formatValue;
  for (const s of option.series ?? []) {
    if (s.label?.show && s.label.formatter === undefined) {
      s.label.formatter = s.type === "pie" ? (p) => `${p.name}: ${formatValue(p.value)}` : (p) => formatValue(p.value);
    }
  }
}
const resize = new ResizeObserver((entries) => {
  for (const e of entries) echarts.getInstanceByDom(e.target)?.resize();
});

// mountCharts draws every [data-echarts] element under root from the
// option JSON the server built.
export function mountCharts(root) {
  root.querySelectorAll("[data-echarts]").forEach((el) => {
    if (echarts.getInstanceByDom(el)) return;
    let option;
    try {
      option = JSON.parse(el.dataset.echarts);
    } catch {
      el.textContent = "This chart could not be drawn.";
      return;
    }
    formatLabels(option);
    const chart = echarts.init(el, null, { renderer: "svg" });
    chart.setOption(option);
    charts.add(chart);
    resize.observe(el);
  });
}

// disposeCharts frees the charts under root before it is replaced.
export function disposeCharts(root) {
  root.querySelectorAll("[data-echarts]").forEach((el) => {
    const chart = echarts.getInstanceByDom(el);
    if (chart) {
      resize.unobserve(el);
      charts.delete(chart);
      chart.dispose();
    }
  });
}
