// The public camera map: points and their fields of view from the public API, drawn with the
// Leaflet that django-leaflet ships, on a plain background (no tile server is assumed).
const el = document.getElementById("cctv-map");
const L = window.L;
if (el && L) {
  const map = L.map(el, { preferCanvas: false }).setView([Number(el.dataset.lat), Number(el.dataset.lon)], 15);
  window.accessibleMap?.(map);
  const pin = () => L.divIcon({ className: "cctv-pin", iconSize: [14, 14], iconAnchor: [7, 7] });
  fetch(el.dataset.src, { headers: { Accept: "application/json" } })
    .then((response) => response.json())
    .then((collection) => {
      const bounds = [];
      for (const feature of collection.features) {
        const p = feature.properties;
        const [lon, lat] = feature.geometry.coordinates;
        bounds.push([lat, lon]);
        if (p.field_of_view) {
          const ring = p.field_of_view.coordinates[0].map(([x, y]) => [y, x]);
          L.polygon(ring, { color: "#8a1c1c", weight: 1, fillOpacity: 0.15, interactive: false }).addTo(map);
        }
        const name = `${p.code} – ${p.name}`;
        const marker = L.marker([lat, lon], { icon: pin(), title: name, name, keyboard: true });
        const box = document.createElement("div");
        const title = document.createElement("strong");
        title.textContent = name;
        const text = document.createElement("p");
        text.textContent = `${p.purpose_label}; ${p.type_label}; ${p.operator}`;
        const link = document.createElement("a");
        link.href = el.dataset.detail.replace("CODE", encodeURIComponent(p.code));
        link.textContent = el.dataset.more;
        box.append(title, text, link);
        marker.bindPopup(box).addTo(map);
      }
      // maxZoom: one camera alone is a box without size (and there is no tile layer to cap it)
      if (bounds.length) map.fitBounds(bounds, { padding: [20, 20], maxZoom: 18 });
      el.dataset.loaded = String(collection.features.length);
    });
}
