// Pick the proposal's point on the vendored Leaflet map: a click (or Enter on the focused map,
// at its centre) fills the latitude and longitude fields, which keep working without the map.
const el = document.getElementById("budget-picker");
const L = window.L;
const lat = document.getElementById("id_latitude");
const lon = document.getElementById("id_longitude");
if (el && L && lat && lon) {
  el.hidden = false;
  const start = lat.value && lon.value ? [Number(lat.value), Number(lon.value)] : [Number(el.dataset.lat), Number(el.dataset.lon)];
  const map = L.map(el).setView(start, 15);
  window.accessibleMap?.(map);
  const icon = L.divIcon({ className: "budget-pin", iconSize: [16, 16], iconAnchor: [8, 8] });
  let marker = lat.value && lon.value ? L.marker(start, { icon, keyboard: false, interactive: false }).addTo(map) : null;
  const place = (point) => {
    lat.value = point.lat.toFixed(6);
    lon.value = point.lng.toFixed(6);
    if (marker) marker.setLatLng(point);
    else marker = L.marker(point, { icon, keyboard: false, interactive: false }).addTo(map);
  };
  map.on("click", (event) => place(event.latlng));
  el.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target === el) place(map.getCenter());
  });
  const move = () => {
    if (lat.value && lon.value) {
      const point = [Number(lat.value), Number(lon.value)];
      if (marker) marker.setLatLng(point);
      else marker = L.marker(point, { icon, keyboard: false, interactive: false }).addTo(map);
      map.panTo(point);
    }
  };
  lat.addEventListener("change", move);
  lon.addEventListener("change", move);
}
