// Keyboard access for every Leaflet map of the site: each marker and shape with a popup is a Tab
// stop with a name, Enter (or Space) opens its popup and moves focus into it, Escape closes the
// popup and gives focus back to the marker or shape that opened it.
/* global L */
(function () {
  function nameOf(layer) {
    const o = layer.options || {};
    return o.name || o.title || o.alt || "";
  }

  function makeFocusable(layer) {
    if (!layer.getPopup || !layer.getPopup()) return;
    if (layer instanceof L.Marker) {
      const icon = layer.getElement && layer.getElement();
      const name = nameOf(layer);
      if (icon && name) icon.setAttribute("aria-label", name);
      return; // Leaflet makes markers Tab stops (keyboard: true) and opens the popup on Enter.
    }
    const path = layer.getElement && layer.getElement();
    if (!path || path.dataset.keyboard) return;
    path.dataset.keyboard = "true";
    path.setAttribute("tabindex", "0");
    path.setAttribute("role", "button");
    const name = nameOf(layer);
    if (name) path.setAttribute("aria-label", name);
    path.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        layer.openPopup();
      }
    });
  }

  function accessibleMap(map) {
    let opener = null;
    map.on("layeradd", (event) => makeFocusable(event.layer));
    map.eachLayer(makeFocusable);
    map.on("popupopen", (event) => {
      const active = document.activeElement;
      opener = active && map.getContainer().contains(active) ? active : null;
      const box = event.popup.getElement();
      const content = box && box.querySelector(".leaflet-popup-content");
      if (!content) return;
      content.setAttribute("tabindex", "-1");
      if (opener) content.focus({ preventScroll: true });
    });
    map.on("popupclose", () => {
      const back = opener;
      opener = null;
      if (back && document.contains(back)) back.focus({ preventScroll: true });
    });
    map.getContainer().addEventListener("keydown", (event) => {
      if (event.key === "Escape" && map._popup && map.hasLayer(map._popup)) {
        event.stopPropagation();
        map.closePopup();
      }
    });
  }

  window.accessibleMap = accessibleMap;
})();
