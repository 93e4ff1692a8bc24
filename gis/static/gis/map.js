// The public map: layers from the public API, clustering for dense points, popups with links,
// permalinks to a view and a feature, "near me", and a notice when base tiles cannot load.
/* global L */
const config = JSON.parse(document.getElementById("gis-config").textContent);
const container = document.getElementById("gis-map");
const notice = document.getElementById("gis-notice");
const permalink = document.getElementById("gis-permalink");
const form = document.getElementById("gis-layers");
const CLUSTER_FROM = 30;

const params = new URLSearchParams(window.location.search);
const start = {
  lat: parseFloat(params.get("lat")) || config.center[0],
  lon: parseFloat(params.get("lon")) || config.center[1],
  zoom: parseInt(params.get("z"), 10) || config.zoom,
};
const map = L.map(container, { keyboard: true }).setView([start.lat, start.lon], start.zoom);
const loaded = {};
const byFeature = {};
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

function escapeHtml(value) {
  const div = document.createElement("div");
  div.textContent = value == null ? "" : String(value);
  return div.innerHTML;
}

function detailUrl(layerKey, feature) {
  const props = feature.properties || {};
  if (props.url) return props.url;
  const lang = document.documentElement.lang || "ro";
  return `/${lang}/map/features/${layerKey}/${feature.id}/`;
}

function popupHtml(layer, feature) {
  const props = feature.properties || {};
  const rows = Object.entries(props)
    .filter(([k, v]) => !["name", "url"].includes(k) && v !== "" && v !== null && typeof v !== "object")
    .slice(0, 8)
    .map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join("");
  const title = escapeHtml(props.name || props.external_id || feature.id);
  return `<h3 class="gis-popup__title">${title}</h3><p class="meta">${escapeHtml(layer.title)}</p>` +
    (rows ? `<table class="table"><caption class="visually-hidden">${title}</caption>${rows}</table>` : "") +
    `<p><a href="${escapeHtml(detailUrl(layer.key, feature))}">${escapeHtml(config.strings.details)}</a></p>`;
}

function pin(color, title) {
  return L.divIcon({
    className: "",
    html: `<div class="gis-pin" style="background:${color}"></div>`,
    iconSize: [22, 22],
    iconAnchor: [11, 11],
  });
}

async function loadLayer(layer) {
  if (loaded[layer.key]) {
    loaded[layer.key].addTo(map);
    return loaded[layer.key];
  }
  const response = await fetch(layer.url, { headers: { Accept: "application/geo+json" } });
  if (!response.ok) return null;
  const data = await response.json();
  const geo = L.geoJSON(data, {
    style: () => ({ color: layer.color, weight: 3, fillOpacity: 0.25 }),
    pointToLayer: (feature, latlng) => {
      const name = (feature.properties && feature.properties.name) || layer.title;
      return L.marker(latlng, { icon: pin(layer.color), title: name, alt: name, keyboard: true });
    },
    onEachFeature: (feature, leafletLayer) => {
      leafletLayer.bindPopup(popupHtml(layer, feature));
      byFeature[`${layer.key}:${feature.id}`] = leafletLayer;
    },
  });
  let shown = geo;
  if (layer.geometryType === "Point" && layer.cluster && data.features.length >= CLUSTER_FROM && L.markerClusterGroup) {
    shown = L.markerClusterGroup({ showCoverageOnHover: false });
    shown.addLayer(geo);
  }
  shown.gisGeoJSON = geo;
  shown.gisCount = data.features.length;
  loaded[layer.key] = shown;
  shown.addTo(map);
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

async function refresh() {
  const keys = selectedKeys();
  await Promise.all(config.layers.map(async (layer) => {
    if (keys.includes(layer.key)) await loadLayer(layer);
    else if (loaded[layer.key]) map.removeLayer(loaded[layer.key]);
  }));
  updatePermalink();
}

function focusFeature(id) {
  const target = byFeature[id];
  if (!target) return;
  const owner = loaded[id.split(":")[0]];
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
      L.circleMarker([latitude, longitude], { radius: 8, color: "#000" }).addTo(map)
        .bindPopup(config.strings.youAreHere).openPopup();
      const lang = document.documentElement.lang || "ro";
      const url = `${config.nearestUrl}?kind=building&lat=${latitude}&lon=${longitude}&limit=3&lang=${lang}`;
      const places = await (await fetch(url)).json();
      nearby.innerHTML = `<h3>${escapeHtml(config.strings.nearest)}</h3><ul>` + places.map((p) =>
        `<li><a href="${escapeHtml(p.url)}">${escapeHtml(p.name)}</a> – ${Math.round(p.distance_m)} ${escapeHtml(config.strings.metres)}</li>`).join("") + "</ul>";
    }, () => { nearby.textContent = config.strings.noLocation; });
  });
}

refresh().then(() => {
  if (config.feature) focusFeature(config.feature);
  container.dataset.ready = "true";
});
