// The public map: layers from the public API, clustering for dense points, popups with links,
// permalinks to a view and a feature, "near me", and a notice when base tiles cannot load.
/* global L */
const config = JSON.parse(document.getElementById("gis-config").textContent);
const container = document.getElementById("gis-map");
const notice = document.getElementById("gis-notice");
const permalink = document.getElementById("gis-permalink");
const form = document.getElementById("gis-layers");
const CLUSTER_FROM = 30;

// A number from the permalink within [low, high], else the fallback (no NaN, no 1e300).
function numberParam(params, name, low, high, fallback) {
  const value = Number(params.get(name));
  return params.get(name) && Number.isFinite(value) && value >= low && value <= high ? value : fallback;
}

const params = new URLSearchParams(window.location.search);
const start = {
  lat: numberParam(params, "lat", -90, 90, config.center[0]),
  lon: numberParam(params, "lon", -180, 180, config.center[1]),
  zoom: Math.round(numberParam(params, "z", 0, 19, config.zoom)),
};
const map = L.map(container, { keyboard: true }).setView([start.lat, start.lon], start.zoom);
window.accessibleMap?.(map);
// Maps, not plain objects: keys come from the URL and the data ("__proto__" must be just a key).
const loaded = new Map();
const byFeature = new Map();
window.gisMap = { map, layers: loaded, features: byFeature };

function showNotice(text) {
  notice.textContent = text;
  notice.hidden = false;
}

if (config.tileUrl) {
  const tiles = L.tileLayer(config.tileUrl, { attribution: config.attribution, maxZoom: 19 });
  let warned = false;
  tiles.on("tileerror", () => {
    if (!warned) {
      warned = true;
      showNotice(config.strings.noTiles);
      container.classList.add("gis-map--plain");
    }
  });
  tiles.addTo(map);
} else {
  showNotice(config.strings.noTiles);
}

// Popups and lists are built with DOM APIs only: feature properties come from imported files,
// so no value is ever parsed as HTML, and only http(s) addresses become links.
function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text === null ? "" : String(text);
  return node;
}

function safeHref(value) {
  if (typeof value !== "string" || value.trim() === "") return null;
  const text = value.trim();
  const local = text.startsWith("/") && !text.startsWith("//") && !text.startsWith("/\\");
  try {
    const url = local ? new URL(text, window.location.origin) : new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

function link(href, text) {
  const anchor = element("a", "", text);
  anchor.href = href;
  return anchor;
}

function featurePage(layerKey, feature) {
  const lang = document.documentElement.lang || "ro";
  return `/${encodeURIComponent(lang)}/map/features/${encodeURIComponent(layerKey)}/${encodeURIComponent(feature.id)}/`;
}

function popupContent(layer, feature) {
  const props = feature.properties || {};
  const own = safeHref(props.url);
  const box = element("div", "gis-popup");
  const title = String(props.name || props.external_id || feature.id);
  const layerTitle = element("p", "meta", layer.title);
  if (layer.titleLang && layer.titleLang !== document.documentElement.lang) layerTitle.lang = layer.titleLang;
  box.append(element("h3", "gis-popup__title", title), layerTitle);
  const rows = Object.entries(props)
    .filter(([k, v]) => k !== "name" && !(k === "url" && own) && v !== "" && v !== null && typeof v !== "object")
    .filter(([k]) => !(k.endsWith("_lang") && k.slice(0, -5) in props))
    .slice(0, 8);
  if (rows.length) {
    const table = element("table", "table");
    table.append(element("caption", "visually-hidden", title));
    for (const [key, value] of rows) {
      const row = element("tr");
      const head = element("th", "", key);
      head.scope = "row";
      const cell = element("td", "", value);
      // a text the API could only give in its original language says so (`<field>_lang`)
      const lang = props[`${key}_lang`];
      if (typeof lang === "string" && lang && lang !== document.documentElement.lang) cell.lang = lang;
      row.append(head, cell);
      table.append(row);
    }
    box.append(table);
  }
  const details = element("p");
  details.append(link(own || featurePage(layer.key, feature), config.strings.details));
  box.append(details);
  if (layer.key === "public-buildings") {
    // the questionnaire is on the building's page (a plain form, works without JavaScript)
    const rate = element("p");
    rate.append(link(`${own || featurePage(layer.key, feature)}#feedback-qr_buildings`, config.strings.rateBuilding));
    box.append(rate);
  }
  return box;
}

function pin(color) {
  const dot = element("div", "gis-pin");
  dot.style.background = color;
  return L.divIcon({ className: "", html: dot, iconSize: [22, 22], iconAnchor: [11, 11] });
}

// A layer is fetched whole when it fits in `featureLimit` features; a larger one is fetched
// for the part of the map in view (bbox), again after each move, and the notice says when even
// that part holds more than is shown.
const FEATURE_LIMIT = Math.max(1, Math.min(Number(config.featureLimit) || 5000, 10000));
const partial = document.getElementById("gis-partial");
const inView = new Set(); // keys of the layers fetched by the part in view
const shortfall = new Map(); // layer key -> text saying what is not shown
const generation = new Map(); // layer key -> number of the latest request (older answers are dropped)

function format(template, values) {
  return template.replace(/%\((\w+)\)s/g, (_, name) => String(values[name] ?? ""));
}

function showShortfall() {
  const keys = selectedKeys();
  const texts = Array.from(shortfall.entries()).filter(([key]) => keys.includes(key)).map(([, text]) => text);
  if (!texts.length) {
    partial.hidden = true;
    partial.replaceChildren();
    return;
  }
  const list = element("ul");
  texts.forEach((text) => list.append(element("li", "", text)));
  partial.replaceChildren(list);
  partial.hidden = false;
}

function viewBox() {
  const b = map.getBounds();
  const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
  const west = clamp(b.getWest(), -180, 180);
  const east = clamp(b.getEast(), -180, 180);
  return [west, clamp(b.getSouth(), -90, 90), east, clamp(b.getNorth(), -90, 90)].map((v) => v.toFixed(6)).join(",");
}

async function fetchFeatures(layer, bbox) {
  const url = new URL(layer.url, window.location.origin);
  url.searchParams.set("limit", FEATURE_LIMIT);
  if (bbox) url.searchParams.set("bbox", bbox);
  const response = await fetch(url, { headers: { Accept: "application/geo+json" } });
  return response.ok ? response.json() : null;
}

function draw(layer, data) {
  const geo = L.geoJSON(data, {
    style: (feature) => ({
      color: layer.color, weight: 3, fillOpacity: 0.25,
      name: (feature.properties && (feature.properties.name || feature.properties.external_id)) || layer.title,
    }),
    pointToLayer: (feature, latlng) => {
      const name = (feature.properties && feature.properties.name) || layer.title;
      return L.marker(latlng, { icon: pin(layer.color), title: name, name, keyboard: true });
    },
    onEachFeature: (feature, leafletLayer) => {
      leafletLayer.bindPopup(() => popupContent(layer, feature));
      byFeature.set(`${layer.key}:${feature.id}`, leafletLayer);
    },
  });
  let shown = geo;
  if (layer.geometryType === "Point" && layer.cluster && data.features.length >= CLUSTER_FROM && L.markerClusterGroup) {
    shown = L.markerClusterGroup({ showCoverageOnHover: false, chunkedLoading: true });
    shown.addLayer(geo);
  }
  shown.gisGeoJSON = geo;
  shown.gisCount = data.features.length;
  shown.gisMatched = data.numberMatched;
  shown.gisMore = Boolean(data.more);
  return shown;
}

async function loadLayer(layer, { moved = false } = {}) {
  if (loaded.has(layer.key) && !(moved && inView.has(layer.key))) {
    loaded.get(layer.key).addTo(map);
    return loaded.get(layer.key);
  }
  const ticket = (generation.get(layer.key) || 0) + 1;
  generation.set(layer.key, ticket);
  const byView = inView.has(layer.key);
  let data = await fetchFeatures(layer, byView ? viewBox() : null);
  if (data && !byView && data.more) {
    // too many for one load: from now on only the part in view
    inView.add(layer.key);
    data = await fetchFeatures(layer, viewBox());
  }
  if (!data || generation.get(layer.key) !== ticket) return loaded.get(layer.key) || null;
  if (!selectedKeys().includes(layer.key)) return null; // switched off meanwhile
  const shown = draw(layer, data);
  if (loaded.has(layer.key)) map.removeLayer(loaded.get(layer.key));
  loaded.set(layer.key, shown);
  shown.addTo(map);
  if (data.more) {
    const values = { layer: layer.title, shown: data.features.length, total: data.numberMatched };
    shortfall.set(layer.key, format(data.numberMatched == null ? config.strings.partialUnknown : config.strings.partial, values));
  } else {
    shortfall.delete(layer.key);
  }
  showShortfall();
  container.dataset.complete = String(shortfall.size === 0);
  return shown;
}

function selectedKeys() {
  return Array.from(form.querySelectorAll('input[name="layers"]:checked')).map((i) => i.value);
}

function updatePermalink() {
  const c = map.getCenter();
  const p = new URLSearchParams();
  selectedKeys().forEach((k) => p.append("layers", k));
  p.set("z", map.getZoom());
  p.set("lat", c.lat.toFixed(5));
  p.set("lon", c.lng.toFixed(5));
  if (config.feature) p.set("feature", config.feature);
  const url = `${window.location.pathname}?${p.toString()}`;
  permalink.href = url;
  window.history.replaceState(null, "", url);
}

async function refresh({ moved = false } = {}) {
  const keys = selectedKeys();
  await Promise.all(config.layers.map(async (layer) => {
    if (keys.includes(layer.key)) await loadLayer(layer, { moved });
    else if (loaded.has(layer.key)) map.removeLayer(loaded.get(layer.key));
  }));
  showShortfall();
  updatePermalink();
}

// Layers loaded by the part in view follow the map (after the movement settles).
let moveTimer = null;
map.on("moveend", () => {
  if (!inView.size) return;
  clearTimeout(moveTimer);
  moveTimer = setTimeout(() => {
    container.dataset.ready = "false";
    refresh({ moved: true }).then(() => { container.dataset.ready = "true"; });
  }, 250);
});

function focusFeature(id) {
  const target = byFeature.get(id);
  if (!target) return;
  const owner = loaded.get(id.split(":")[0]);
  const open = () => target.openPopup();
  if (target.getBounds) {
    map.fitBounds(target.getBounds(), { maxZoom: 18 });
    open();
  } else if (owner && owner.zoomToShowLayer) {
    owner.zoomToShowLayer(target, open);
  } else {
    map.setView(target.getLatLng(), 18);
    open();
  }
}

form.addEventListener("change", refresh);
form.querySelector(".gis-apply").hidden = true;
map.on("moveend", updatePermalink);

document.querySelectorAll("[data-feature]").forEach((link) => {
  link.addEventListener("click", (event) => {
    event.preventDefault();
    config.feature = link.dataset.feature;
    focusFeature(link.dataset.feature);
    updatePermalink();
    container.scrollIntoView();
  });
});

const nearMe = document.getElementById("gis-near-me");
const nearby = document.getElementById("gis-nearby");
if ("geolocation" in navigator) {
  nearMe.hidden = false;
  nearMe.addEventListener("click", () => {
    nearby.textContent = config.strings.locating;
    navigator.geolocation.getCurrentPosition(async (position) => {
      const { latitude, longitude } = position.coords;
      map.setView([latitude, longitude], 16);
      L.circleMarker([latitude, longitude], { radius: 8, color: "#000", name: config.strings.youAreHere }).addTo(map)
        .bindPopup(element("p", "", config.strings.youAreHere)).openPopup();
      const query = new URLSearchParams({
        kind: "building", lat: latitude, lon: longitude, limit: 3, lang: document.documentElement.lang || "ro",
      });
      const response = await fetch(`${config.nearestUrl}?${query}`);
      const places = response.ok ? await response.json() : [];
      const list = element("ul");
      for (const place of places) {
        const item = element("li");
        const href = safeHref(place.url);
        item.append(href ? link(href, place.name) : element("span", "", place.name));
        item.append(` – ${Math.round(place.distance_m)} ${config.strings.metres}`);
        list.append(item);
      }
      nearby.replaceChildren(element("h3", "", config.strings.nearest), list);
    }, () => { nearby.textContent = config.strings.noLocation; });
  });
}

refresh().then(() => {
  if (config.feature) focusFeature(config.feature);
  container.dataset.ready = "true";
});
