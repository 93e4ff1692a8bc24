// The operator console: asks the JSON endpoint for open alerts every few hundred milliseconds
// (short polling: plain GETs that pass any proxy), redraws the list and the map without a page
// load, and signals a new alert three ways: the row flashes, a tone made with WebAudio sounds
// (once the operator turned sound on: browsers need a click first), and a polite screen-reader
// announcement. The map uses the vendored Leaflet with no tile layer (none is reachable).
const root = document.getElementById("safety-console");
const t = (key) => root.dataset[`t${key}`] || key;

function tone() {
  if (!tone.ctx) return;
  const ctx = tone.ctx;
  const now = ctx.currentTime;
  for (const [i, freq] of [880, 660, 880].entries()) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = "square";
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, now + i * 0.25);
    gain.gain.exponentialRampToValueAtTime(0.2, now + i * 0.25 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, now + i * 0.25 + 0.22);
    osc.connect(gain).connect(ctx.destination);
    osc.start(now + i * 0.25);
    osc.stop(now + i * 0.25 + 0.24);
  }
  root.dataset.sounded = String(Number(root.dataset.sounded || 0) + 1);
}

function setUpSound() {
  const button = document.getElementById("safety-sound");
  button?.addEventListener("click", async () => {
    const Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) return;
    if (tone.ctx) {
      await tone.ctx.close();
      tone.ctx = null;
      button.setAttribute("aria-pressed", "false");
      return;
    }
    tone.ctx = new Ctx();
    await tone.ctx.resume();
    button.setAttribute("aria-pressed", "true");
    tone();
  });
}

function cell(tag, text, small) {
  const el = document.createElement(tag);
  el.append(text);
  if (small) {
    const s = document.createElement("small");
    s.textContent = ` ${small}`;
    el.append(s);
  }
  return el;
}

function url(template, id) {
  return template.replace("/0/", `/${id}/`); // the first /0/ is the alert's id in the URL
}

function row(alert, isNew) {
  const tr = document.createElement("tr");
  tr.dataset.id = alert.id;
  tr.className = `safety-status-${alert.status}${alert.test ? " safety-test" : ""}${isNew ? " safety-new" : ""}`;
  tr.append(
    cell("th", alert.device, `${alert.kind_label}${alert.test ? ` · ${t("Test")}` : ""}`),
    cell("td", alert.site, alert.district ? `(${alert.district})` : ""),
  );
  const when = document.createElement("time");
  when.dateTime = alert.raised_at;
  when.textContent = new Date(alert.raised_at).toLocaleString();
  const raised = document.createElement("td");
  raised.append(when);
  tr.append(raised, cell("td", alert.status_label, alert.acknowledged_by));
  const actions = document.createElement("td");
  if (alert.status === "open") {
    const form = document.createElement("form");
    form.method = "post";
    form.action = url(root.dataset.ackUrl, alert.id);
    form.className = "safety-inline";
    const token = document.createElement("input");
    token.type = "hidden";
    token.name = "csrfmiddlewaretoken";
    token.value = root.dataset.csrf;
    const button = document.createElement("button");
    button.className = "button button-small";
    button.textContent = t("Ack");
    form.append(token, button);
    actions.append(form, " ");
  }
  const link = document.createElement("a");
  link.className = "button button-small button-secondary";
  link.href = url(root.dataset.alertUrl, alert.id);
  link.textContent = t("Handle");
  actions.append(link);
  tr.append(actions);
  return tr;
}

function setUpMap() {
  const L = window.L;
  const el = document.getElementById("safety-map");
  if (!L || !el) return null;
  const map = L.map(el).setView([Number(root.dataset.lat), Number(root.dataset.lon)], 14);
  return { L, map, layer: L.layerGroup().addTo(map), fitted: false };
}

function drawMap(state, alerts) {
  if (!state) return;
  const { L, map, layer } = state;
  layer.clearLayers();
  const bounds = [];
  for (const alert of alerts) {
    const icon = L.divIcon({
      className: `safety-pin${alert.status === "open" ? "" : " is-handled"}`,
      iconSize: [16, 16],
      iconAnchor: [8, 8],
    });
    const title = `${alert.device} – ${alert.site}`;
    L.marker([alert.lat, alert.lon], { icon, title, keyboard: true }).bindPopup(title).addTo(layer);
    bounds.push([alert.lat, alert.lon]);
  }
  if (bounds.length && !state.fitted) {
    map.fitBounds(bounds, { padding: [30, 30], maxZoom: 17 });
    state.fitted = true;
  }
}

if (root) {
  setUpSound();
  const rows = document.getElementById("safety-rows");
  const live = document.getElementById("safety-live");
  const status = document.getElementById("safety-state");
  const known = new Set([...rows.querySelectorAll("tr[data-id]")].map((tr) => Number(tr.dataset.id)));
  const map = setUpMap();
  const poll = Math.max(250, Number(root.dataset.poll) || 1000);
  const baseTitle = document.title;
  let first = true;

  const render = (alerts, total) => {
    const fresh = alerts.filter((a) => !known.has(a.id));
    rows.replaceChildren(...alerts.map((a) => row(a, !first && !known.has(a.id))));
    if (!alerts.length) {
      const empty = document.createElement("tr");
      empty.className = "safety-empty";
      const td = cell("td", t("None"));
      td.colSpan = 5;
      empty.append(td);
      rows.append(empty);
    }
    known.clear();
    for (const a of alerts) known.add(a.id);
    const open = alerts.filter((a) => a.status === "open").length;
    document.title = open ? `(${open}) ${baseTitle}` : baseTitle;
    status.classList.remove("is-stale");
    status.textContent = `${total ?? alerts.length} ${t("Count")}`;
    if (fresh.length && !first) {
      live.textContent = fresh.map((a) => `${t("New")}: ${a.device}, ${a.site}${a.test ? ` (${t("Test")})` : ""}`).join(". ");
      tone();
    }
    drawMap(map, alerts);
    first = false;
    root.dataset.polls = String(Number(root.dataset.polls || 0) + 1);
  };

  const tick = async () => {
    try {
      const response = await fetch(root.dataset.src, {
        cache: "no-store",
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      if (!response.ok) throw new Error(String(response.status));
      const data = await response.json();
      render(data.alerts, data.open);
    } catch {
      status.classList.add("is-stale");
      status.textContent = t("Stale");
    }
    setTimeout(tick, poll);
  };
  tick();
}
