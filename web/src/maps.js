// Region shapes for filled, point and layer maps. The server names them
// in a map option's sgMap: {name, url}, a fingerprinted GeoJSON file of
// the console's assets, fetched the first time a sheet shows a map; or
// {name, geo}, a layer map's shapes, sent with its option, with base, the
// URL of the countries' file drawn under them. Files are fetched once by
// URL, and shapes registered with ECharts once by name.
const files = new Map();

// loadFile is the parsed GeoJSON file at url, fetched once (again after a
// failure).
function loadFile(url) {
  if (!files.has(url)) {
    const load = fetch(url, { credentials: "same-origin" }).then((r) => {
      if (!r.ok) throw new Error(`map shapes: ${r.status}`);
      return r.json();
    });
    load.catch(() => files.delete(url));
    files.set(url, load);
  }
  return files.get(url);
}

// mapShapes resolves when the shapes option.sgMap names are registered,
// and takes sgMap off the option. A layer map whose base map cannot be
// loaded is drawn without it: its own shapes came with the option.
export function mapShapes(echarts, option) {
  const m = option.sgMap;
  delete option.sgMap;
  const register = (geo) => {
    if (!echarts.getMap(m.name)) echarts.registerMap(m.name, geo);
  };
  if (echarts.getMap(m.name)) return Promise.resolve();
  if (m.geo && !m.base) {
    register(m.geo);
    return Promise.resolve();
  }
  if (m.geo) {
    return loadFile(m.base).then((base) => underLayers(base, m.geo), () => m.geo).then(register);
  }
  return loadFile(m.url).then(register);
}

// underLayers is a layer map's shapes over its base map's countries (named
// apart, so that no layer's style or tooltip applies to them).
function underLayers(base, layers) {
  const countries = base.features.map((f, i) => ({ ...f, properties: { name: `base:${i}` } }));
  return { type: "FeatureCollection", features: [...countries, ...layers.features] };
}

// pointTooltips writes a point map's tooltip: the point's place and its
// value (a point's value is [longitude, latitude, value]); a cluster's
// names its count of points and the first few (sgCluster).
export function pointTooltips(option, write) {
  for (const s of option.series ?? []) {
    if (s.sgCluster) {
      delete s.sgCluster;
      s.tooltip = { ...s.tooltip, formatter: (p) => esc(p.name) };
    } else if (s.type === "scatter" && s.coordinateSystem === "geo") {
      s.tooltip = { ...s.tooltip, formatter: (p) => `${esc(p.seriesName)}<br>${esc(p.name)}: ${esc(write(s, p.value?.[2]))}` };
    }
  }
}

// layerTooltips writes a layer map's tooltips: the server sends each
// shape's text by its name (sgTips), lines separated by newlines.
export function layerTooltips(option) {
  const tips = option.sgTips;
  if (!tips) return;
  delete option.sgTips;
  const formatter = (p) => (tips[p.name] === undefined ? "" : String(tips[p.name]).split("\n").map(esc).join("<br>"));
  option.tooltip = { ...option.tooltip, formatter };
  if (option.geo) option.geo.tooltip = { show: true, formatter };
}

// esc writes text into a tooltip's HTML: values come from the data.
function esc(t) {
  return String(t ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
