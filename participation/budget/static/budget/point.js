// The proposal's place on the vendored Leaflet map (the coordinates are also given in text).
const el = document.getElementById("budget-point");
const L = window.L;
if (el && L) {
  el.hidden = false;
  const point = [Number(el.dataset.lat), Number(el.dataset.lon)];
  const map = L.map(el).setView(point, 16);
  window.accessibleMap?.(map);
  const icon = L.divIcon({ className: "budget-pin", iconSize: [16, 16], iconAnchor: [8, 8] });
  L.marker(point, { icon, title: el.dataset.title, keyboard: true }).addTo(map);
}
