// ECharts with only what the viewer draws: bar, line, pie, scatter
// (combo charts are bars and lines; histograms and waterfalls are bars),
// heat maps, tree maps, funnels, gauges, box plots, Sankey diagrams, radar charts,
// filled and point maps (maps.js), color scales, axes, legend, tooltip and aria description, on the SVG
// renderer; titles, marked areas and graphs for Highcharts visuals (their
// chart code's title, plot bands, packed bubbles).
import * as echarts from "echarts/core";
import { BarChart, BoxplotChart, FunnelChart, GaugeChart, GraphChart, HeatmapChart, LineChart, MapChart, PieChart, RadarChart, SankeyChart, ScatterChart, TreemapChart } from "echarts/charts";
import { AriaComponent, GeoComponent, GraphicComponent, GridComponent, LegendComponent, MarkAreaComponent, TitleComponent, TooltipComponent, VisualMapContinuousComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import { layerTooltips, mapShapes, pointTooltips } from "./maps.js";
import "./marklines.js";
import { cancelWaiting, drawWhenSeen, isWaiting } from "./offscreen.js";

echarts.use([
  BarChart, BoxplotChart, FunnelChart, GaugeChart, GraphChart, HeatmapChart, LineChart, MapChart, PieChart, RadarChart, SankeyChart, ScatterChart, TreemapChart,
  AriaComponent, GeoComponent, GraphicComponent, GridComponent, LegendComponent, MarkAreaComponent, TitleComponent, TooltipComponent, VisualMapContinuousComponent, SVGRenderer,
]);

// Numbers read as the KPIs and tables show them: thousands separators,
// at most two decimals.
const number = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const formatValue = (v) => (typeof v === "number" ? number.format(v) : v);

// A measure's number format (the server's sgNumberFormat on a series or
// value axis), written as the server writes it in tables and KPIs
// (internal/viewer/numberformat.go): a percentage times 100; a scale
// divides and adds its unit (AUTO picks K to T by size); decimal places
// fixed; the separators, currency symbol, prefix and suffix as given; a
// negative with "-" before the prefix, or in parentheses.
const scales = { THOUSANDS: [1e3, "K"], MILLIONS: [1e6, "M"], BILLIONS: [1e9, "B"], TRILLIONS: [1e12, "T"], LAKHS: [1e5, "L"], CRORES: [1e7, "Cr"] };
function formatNumber(spec, v) {
  if (typeof v !== "number") return v;
  let unit = "";
  let scale = scales[spec.Scale];
  if (spec.Scale === "AUTO") scale = ["TRILLIONS", "BILLIONS", "MILLIONS", "THOUSANDS"].map((k) => scales[k]).find(([d]) => Math.abs(v) >= d);
  if (spec.Percent) v *= 100;
  else if (scale) [v, unit] = [v / scale[0], scale[1]];
  const d = spec.Decimals != null ? Math.min(Math.max(spec.Decimals, 0), 20) : null;
  const digits = d != null ? { minimumFractionDigits: d, maximumFractionDigits: d } : { maximumFractionDigits: 2 };
  const plain = new Intl.NumberFormat("en-US", { ...digits, useGrouping: false }).format(Math.abs(v));
  const neg = v < 0 && /[1-9]/.test(plain);
  const [int, frac] = plain.split(".");
  const sep = spec.HideThousands ? "" : spec.Thousands || ",";
  let text = int.replace(/\B(?=(\d{3})+$)/g, sep) + (frac ? (spec.Decimal || ".") + frac : "");
  if (spec.Percent) text += "%";
  const body = (spec.Prefix ?? "") + (spec.Symbol ?? "") + text + unit + (spec.Suffix ?? "");
  return neg ? (spec.Parens ? `(${body})` : "-" + body) : body;
}

// cellValue is the number of a data item: a heat map cell's is its last
// element, a colored tree map rectangle's (size, color) its first.
const cellValue = (v) => (Array.isArray(v) ? v.at(-1) : v);
const sizeValue = (v) => (Array.isArray(v) ? v[0] : v);

// isNull tells a null measure value: ECharts gives a tooltip's value
// formatter undefined for a null data item.
const isNull = (v) => v == null || (typeof v === "number" && Number.isNaN(v));

// formatLabels gives value labels (a pie's: name and value, or its share
// of the pie as the server's sgLabelContent asks) and tooltips
// that have no formatter of their own their series' number format, or
// the default one above; a series' tooltip writes a null value as its
// measure's null text (the server's sgNullText) when it has one.
function formatLabels(option) {
  option.tooltip ??= {};
  const type = option.series?.[0]?.type;
  const pick = type === "heatmap" ? cellValue : type === "treemap" ? sizeValue : (v) => v;
  option.tooltip.valueFormatter ??= (v) => formatValue(pick(v));
  for (const s of option.series ?? []) {
    const spec = s.sgNumberFormat;
    const write = spec ? (v) => formatNumber(spec, pick(v)) : (v) => formatValue(pick(v));
    if (spec) s.tooltip = { ...s.tooltip, valueFormatter: write };
    if (typeof s.sgNullText === "string" && s.sgNullText !== "") {
      const nullText = s.sgNullText;
      const tip = s.tooltip?.valueFormatter ?? option.tooltip.valueFormatter;
      s.tooltip = { ...s.tooltip, valueFormatter: (v, i) => (isNull(pick(v)) ? nullText : tip(v, i)) };
    }
    if (s.type === "gauge" && s.axisLabel && s.axisLabel.formatter === undefined) s.axisLabel.formatter = (v) => compact.format(v);
    if (s.label?.show && s.label.formatter === undefined) {
      if (s.type === "pie" && s.sgLabelContent === "PERCENT") s.label.formatter = (p) => `${p.name}\n${p.percent}%`;
      else if (s.type === "pie" && s.sgLabelContent === "VALUE_AND_PERCENT") s.label.formatter = (p) => `${p.name}\n${write(p.value)} (${p.percent}%)`;
      else if (s.type === "pie" || s.type === "treemap") s.label.formatter = (p) => `${p.name}\n${write(p.value)}`;
      else if (s.type === "funnel" && /^PERCENTAGE/.test(s.sgLabelContent ?? "")) s.label.formatter = (p) => `${p.name}: ${p.data?.sgPct ?? "–"}%`;
      else if (s.type === "funnel" && /^VALUE_AND_PERCENTAGE/.test(s.sgLabelContent ?? "")) s.label.formatter = (p) => `${p.name}: ${write(p.value)} (${p.data?.sgPct ?? "–"}%)`;
      else if (s.type === "funnel") s.label.formatter = (p) => `${p.name}: ${write(p.value)}`;
      else s.label.formatter = (p) => write(p.value);
    }
  }
}
// fitLabels sizes what depends on the chart's room: pie labels (the name,
// then the value, each wrapped at word breaks) get the width between the
// pie and the chart's edge, and category labels that would not fit side
// by side are tilted.
function fitLabels(option, width, height) {
  for (const s of option.series ?? []) {
    if (s.type === "pie" && ["truncate", "break"].includes(s.label?.overflow) && s.label.width === undefined) {
      // The pie gives up radius (down to 15% of the chart) until its
      // longest line (a name's longest word, or a value) fits beside it;
      // where even that leaves too little room the labels name the slices
      // and the tooltip gives the values.
      const radii = [].concat(s.radius);
      const outer = parseFloat(radii.at(-1)) / 100 || 0.55;
      const side = Math.min(width, height);
      const edge = (s.label.edgeDistance ?? 8) + 16;
      const longest = (write) => Math.max(0, ...(s.data ?? []).flatMap((d) => String(write({ name: d.name, value: d.value })).split(/\s+/).map((w) => w.length))) * 8 + 8;
      const most = width / 2 - edge - 0.15 * side;
      let need = typeof s.label.formatter === "function" ? longest(s.label.formatter) : longest((p) => p.name);
      if (need > most) {
        s.label.formatter = (p) => p.name;
        need = longest(s.label.formatter);
      }
      const radius = Math.max(0.15 * side, Math.min((outer * side) / 2, width / 2 - edge - Math.min(need, most)));
      if (radius < (outer * side) / 2) {
        const inner = radii.length > 1 ? parseFloat(radii[0]) / 100 / outer : 0;
        s.radius = inner ? [Math.round(radius * inner), Math.round(radius)] : Math.round(radius);
      }
      s.label.width = Math.max(48, Math.floor(width / 2 - radius - edge));
    }
  }
  for (const axis of [...[].concat(option.xAxis ?? []), ...[].concat(option.yAxis ?? [])]) {
    // Value axes (linear or logarithmic) count in K, M, B, and drop a
    // label rather than overlap.
    const numeric = ["value", "log"].includes(axis.type ?? "value");
    if (numeric && axis.axisLabel?.formatter === undefined && axis.sgNumberFormat) {
      const spec = axis.sgNumberFormat;
      axis.axisLabel = { ...axis.axisLabel, formatter: (v) => formatNumber(spec, v), hideOverlap: true };
    }
    if (numeric && axis.axisLabel?.formatter === undefined) {
      axis.axisLabel = { ...axis.axisLabel, formatter: (v) => compact.format(v), hideOverlap: true };
    }
  }
  for (const axis of [].concat(option.xAxis ?? [])) {
    if (axis.type !== "category" || !Array.isArray(axis.data) || axis.axisLabel?.interval !== 0 || axis.axisLabel.rotate !== undefined) continue;
    const needed = axis.data.reduce((n, l) => n + String(l).length * 7 + 12, 0);
    if (needed > width * 0.85) axis.axisLabel = { ...axis.axisLabel, rotate: 30, hideOverlap: true };
  }
}

// roomOf is the size a chart draws at: its element's content box, as
// ECharts measures it (client size less padding), with the client size
// fitLabels sizes labels by.
function roomOf(el) {
  const style = getComputedStyle(el);
  const px = (v) => parseInt(v, 10) || 0;
  const clientWidth = el.clientWidth;
  const clientHeight = el.clientHeight;
  return {
    clientWidth,
    clientHeight,
    width: Math.max(0, (clientWidth || px(style.width)) - px(style.paddingLeft) - px(style.paddingRight)),
    height: Math.max(0, (clientHeight || px(style.height)) - px(style.paddingTop) - px(style.paddingBottom)),
  };
}

// A chart is drawn again when its element's size changes, and only then:
// the observer's first report of each element (its size when the chart
// was drawn) costs nothing. Sizes are read for every reported chart first
// and the charts redrawn after, so reading does not force a layout
// between redraws. A chart is told its size: it was created with one
// (below), and keeps to it until told another.
const resize = new ResizeObserver((entries) => {
  const changed = [];
  for (const e of entries) {
    const chart = echarts.getInstanceByDom(e.target);
    if (!chart) continue;
    const room = roomOf(e.target);
    if (room.width !== chart.getWidth() || room.height !== chart.getHeight()) changed.push([chart, room]);
  }
  for (const [chart, room] of changed) chart.resize({ width: room.width, height: room.height });
});

// mountCharts draws every [data-echarts] element under root (an element,
// or a list of them) from the option JSON the server built. With
// offscreenLater (a page's first sheet), the charts the reader does not
// see yet are drawn after the others (offscreen.js): the promise it
// returns resolves once the charts on screen are drawn.
export function mountCharts(root, { offscreenLater = false } = {}) {
  const els = [].concat(root).flatMap((r) => [...r.querySelectorAll("[data-echarts]")]);
  const todo = els.filter((el) => !echarts.getInstanceByDom(el) && !el.dataset.sgMounting && !isWaiting(el));
  if (!offscreenLater) {
    drawCharts(todo, false);
    return Promise.resolve();
  }
  return drawWhenSeen(todo, (list) => drawCharts(list, true));
}

// drawCharts draws els. It reads every chart's size before it draws any:
// a size read after a chart was drawn would lay the page out again, once
// per chart. A chart drawn after its sheet was mounted (announce) says so
// with an sg:chart-drawn event, as a map does, for what binds to charts.
function drawCharts(els, announce) {
  const todo = [];
  for (const el of els) {
    let option;
    try {
      option = JSON.parse(el.dataset.echarts);
    } catch {
      el.textContent = "This chart could not be drawn.";
      continue;
    }
    todo.push({ el, option, room: roomOf(el) });
  }
  for (const { el, option, room } of todo) drawChart(el, option, room, announce);
}

// drawChart draws el from its option at room, the size drawCharts read
// (a map, drawn once its shapes load, is measured then, and announced).
function drawChart(el, option, room, announce) {
  formatLabels(option);
  pointTooltips(option, (s, v) => (s.sgNumberFormat ? formatNumber(s.sgNumberFormat, v) : formatValue(v)));
  layerTooltips(option);
  fitLabels(option, room.clientWidth, room.clientHeight);
  const draw = (size) => {
    if (!el.isConnected || echarts.getInstanceByDom(el)) return false;
    const chart = echarts.init(el, null, { renderer: "svg", width: size.width, height: size.height });
    packedSizes(option, chart);
    chart.setOption(option);
    resize.observe(el);
    return true;
  };
  const drawn = () => el.dispatchEvent(new CustomEvent("sg:chart-drawn", { bubbles: true }));
  if (!option.sgMap) {
    if (draw(room) && announce) drawn();
    return;
  }
  el.dataset.sgMounting = "map"; // its shapes are loading: not twice
  mapShapes(echarts, option).then(() => {
    delete el.dataset.sgMounting;
    draw(roomOf(el));
    drawn();
  }, () => {
    delete el.dataset.sgMounting;
    el.textContent = "This map's region shapes could not be loaded.";
  });
}

// packedSizes draws the bubbles of packed graph series (the server's
// sgPacked; internal/highcharts/packed.go) at the chart's size: each
// node's sgD is its diameter as a share of the smaller side of the
// series' box, which its view fits square. ECharts asks the sizes again
// when the chart is resized.
function packedSizes(option, chart) {
  for (const s of [].concat(option.series ?? [])) {
    if (!s?.sgPacked) continue;
    const px = (v) => (typeof v === "number" ? v : 0);
    s.symbolSize = (_value, params) => {
      const side = Math.min(chart.getWidth() - px(s.left) - px(s.right), chart.getHeight() - px(s.top) - px(s.bottom));
      return Math.max(0, side) * (params.data?.sgD ?? 0);
    };
  }
}

// disposeCharts frees the charts under root before it is replaced.
export function disposeCharts(root) {
  cancelWaiting(root);
  root.querySelectorAll("[data-echarts]").forEach((el) => {
    const chart = echarts.getInstanceByDom(el);
    if (chart) {
      resize.unobserve(el);
      chart.dispose();
    }
  });
}
