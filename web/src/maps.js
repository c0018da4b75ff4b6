// Region shapes for filled, point and layer maps. The server names them
// in a map option's sgMap ({name, url}: a fingerprinted GeoJSON file of
// the console's assets, fetched the first time a sheet shows a map; or
// {name, geo}: a layer map's shapes, sent with its option) and they are
// registered with ECharts once.
const pending = new Map();

// mapShapes resolves when the shapes option.sgMap names are registered,
// and takes sgMap off the option.
export function mapShapes(echarts, option) {
  const m = option.sgMap;
  delete option.sgMap;
  if (echarts.getMap(m.name)) return Promise.resolve();
  if (m.geo && !m.base) {
    echarts.registerMap(m.name, m.geo);
    return Promise.resolve();
  }
  if (!pending.has(m.name)) {
    const load = fetch(m.base ?? m.url, { credentials: "same-origin" })
      .then((r) => {
        if (!r.ok) throw new Error(`map shapes: ${r.status}`);
        return r.json();
      })
      .then((geo) => echarts.registerMap(m.name, m.geo ? underLayers(geo, m.geo) : geo));
    load.catch(() => pending.delete(m.name));
    pending.set(m.name, load);
  }
  return pending.get(m.name);
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
