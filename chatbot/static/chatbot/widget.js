// The chat widget: a button opens a non-modal dialog; messages go to the portal's proxy
// (/api/v1/chatbot/message), which forwards them to Rasa. Without JavaScript the launcher is a
// link to the chat page, which does the same with plain form posts.
// "Talk to a person" hands the chat to an operator: while one holds it the widget polls the
// conversation (short polling: plain GETs that pass any proxy) and shows the operator's answers
// in the same live region; when nobody is free in time it offers a call-back form.

const root = document.getElementById("chatbot");
const STORE = "chatbot:" + (root ? root.dataset.lang : "");

function load() {
  try {
    return JSON.parse(sessionStorage.getItem(STORE)) || { conversation: null, log: [], after: 0, handoff: null };
  } catch {
    return { conversation: null, log: [], after: 0, handoff: null };
  }
}

function save(state) {
  try {
    sessionStorage.setItem(STORE, JSON.stringify(state));
  } catch {
    /* private mode: the conversation simply does not survive a page change */
  }
}

// Text with its web addresses as links, built from DOM nodes (never innerHTML).
function richText(text) {
  const fragment = document.createDocumentFragment();
  text.split("\n").forEach((line, index) => {
    if (index) fragment.append(document.createElement("br"));
    line.split(/(https?:\/\/[^\s]+)/).forEach((part, i) => {
      if (i % 2) {
        const link = document.createElement("a");
        link.href = part;
        link.textContent = part;
        fragment.append(link);
      } else if (part) {
        fragment.append(document.createTextNode(part));
      }
    });
  });
  return fragment;
}

function setup() {
  const d = root.dataset;
  const panel = root.querySelector(".chatbot__panel");
  const launcher = root.querySelector("button.chatbot__launcher");
  const linkLauncher = root.querySelector(".chatbot__launcher--link");
  const scroller = root.querySelector(".chatbot__messages");
  const log = scroller.querySelector("ol");
  const form = root.querySelector(".chatbot__form");
  const input = form.querySelector("input[name=message]");
  const consent = form.querySelector("input[name=keep_transcript]");
  const sendButton = form.querySelector("button[type=submit]");
  const endButton = root.querySelector(".chatbot__end");
  const rating = root.querySelector(".chatbot__rating");
  const humanButton = root.querySelector(".chatbot__human");
  const callback = root.querySelector(".chatbot__callback");
  const callbackError = callback.querySelector(".chatbot__callback-error");
  const state = load();
  const labels = { resident: d.you, assistant: d.assistant, operator: d.operator, system: d.notice };
  let pollTimer = null;
  let replayed = false;

  linkLauncher.hidden = true;
  launcher.hidden = false;

  function append(entry, remember = true) {
    const item = document.createElement("li");
    item.className = "chatbot__msg chatbot__msg--" + entry.who;
    const who = document.createElement("span");
    who.className = "visually-hidden";
    who.textContent = (labels[entry.who] || d.assistant) + ": ";
    item.append(who, richText(entry.text || ""));
    if (entry.links && entry.links.length) {
      const list = document.createElement("ul");
      entry.links.forEach((l) => {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = l.url;
        a.textContent = l.title;
        li.append(a);
        list.append(li);
      });
      item.append(list);
    }
    if (entry.buttons && entry.buttons.length) {
      const group = document.createElement("div");
      group.className = "chatbot__choices";
      group.setAttribute("role", "group");
      entry.buttons.forEach((b) => {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = b.title;
        button.addEventListener("click", () => send(b.payload, b.title));
        group.append(button);
      });
      item.append(group);
    }
    log.append(item);
    scroller.scrollTop = scroller.scrollHeight;
    if (remember) {
      state.log.push(entry);
      save(state);
    }
  }

  function showRating() {
    rating.hidden = false;
    endButton.hidden = true;
    rating.querySelector("input[type=radio]").focus();
  }

  async function send(text, shown) {
    append({ who: "resident", text: shown || text });
    input.value = "";
    sendButton.disabled = true;
    sendButton.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(d.endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({
          message: text,
          lang: d.lang,
          conversation: state.conversation,
          keep_transcript: consent.checked,
        }),
      });
      if (!response.ok) throw new Error("HTTP " + response.status);
      const body = await response.json();
      state.conversation = body.conversation;
      state.after = Math.max(state.after || 0, body.last_message || 0);
      save(state);
      let askRating = false;
      body.messages.forEach((m) => {
        if (m.custom && m.custom.ask_rating) askRating = true;
        if (m.text || (m.buttons && m.buttons.length)) {
          append({ who: "assistant", text: m.text, buttons: m.buttons, links: body.available ? [] : body.links });
        }
      });
      if (askRating) showRating();
      handoffChanged(body.handoff, true);
    } catch {
      append({
        who: "assistant",
        text: d.offline,
        links: [
          { title: d.searchTitle, url: d.searchUrl },
          { title: d.chatTitle, url: d.chatUrl },
        ],
      });
    } finally {
      sendButton.disabled = false;
      sendButton.removeAttribute("aria-busy");
      input.focus();
    }
  }

  function replay() {
    if (replayed) return;
    replayed = true;
    state.log.forEach((entry) => append(entry, false));
    if (!state.log.length) append({ who: "assistant", text: d.welcome }, false);
  }

  // The hand-off's state from the server: buttons and forms to show, whether to keep polling.
  function handoffChanged(handoff, pollNow) {
    state.handoff = handoff || null;
    save(state);
    const active = Boolean(handoff && handoff.active);
    humanButton.hidden = active;
    callback.hidden = !(handoff && handoff.offer_callback);
    clearTimeout(pollTimer);
    pollTimer = null;
    if (active) {
      pollTimer = setTimeout(poll, (handoff.poll_seconds || 3) * 1000);
    }
    if (pollNow && handoff && (active || handoff.offer_callback)) poll();
  }

  // New lines of the operator and the chat's notices (the assistant's come with each answer).
  async function poll() {
    if (!state.conversation) return;
    clearTimeout(pollTimer);
    pollTimer = null;
    let handoff = state.handoff;
    try {
      const url = d.conversationEndpoint + encodeURIComponent(state.conversation) + "?after=" + (state.after || 0);
      const response = await fetch(url, { headers: { Accept: "application/json" }, cache: "no-store" });
      if (!response.ok) throw new Error("HTTP " + response.status);
      const body = await response.json();
      body.messages.forEach((m) => {
        if (m.id <= (state.after || 0)) return;
        state.after = m.id;
        if (m.sender === "operator" || m.sender === "system") append({ who: m.sender, text: m.text });
      });
      save(state);
      handoff = body.handoff;
    } catch {
      /* a missed poll is retried at the next interval */
    }
    handoffChanged(handoff, false);
  }

  function open() {
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    root.classList.add("chatbot--open");
    replay();
    input.focus();
  }

  function close() {
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    root.classList.remove("chatbot--open");
    launcher.focus();
  }

  launcher.addEventListener("click", () => (panel.hidden ? open() : close()));
  // The "Chat" link among the skip links, and the announced shortcut (aria-keyshortcuts).
  document.querySelectorAll("a[data-chatbot-open]").forEach((link) =>
    link.addEventListener("click", (event) => {
      event.preventDefault();
      open();
    }),
  );
  document.addEventListener("keydown", (event) => {
    if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === "KeyC") {
      event.preventDefault();
      open();
    }
  });
  root.querySelector(".chatbot__close").addEventListener("click", close);
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (text) send(text);
  });
  endButton.addEventListener("click", showRating);
  humanButton.addEventListener("click", () => send(d.handoffPayload, d.handoffText));
  callback.addEventListener("submit", async (event) => {
    event.preventDefault();
    callbackError.textContent = "";
    const submit = callback.querySelector("button[type=submit]");
    submit.disabled = true;
    try {
      const response = await fetch(d.callbackEndpoint, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({
          conversation: state.conversation,
          phone: callback.elements.phone.value.trim(),
          email: callback.elements.email.value.trim(),
        }),
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) {
        callbackError.textContent = body.detail || d.offline;
        return;
      }
      callback.hidden = true;
      await poll();
      input.focus();
    } catch {
      callbackError.textContent = d.offline;
    } finally {
      submit.disabled = false;
    }
  });
  rating.addEventListener("submit", async (event) => {
    event.preventDefault();
    const chosen = rating.querySelector("input[name=score]:checked");
    if (!chosen || !state.conversation) {
      rating.hidden = true;
      return;
    }
    try {
      await fetch(d.ratingEndpoint, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          conversation: state.conversation,
          score: Number(chosen.value),
          comment: rating.querySelector("textarea").value,
          lang: d.lang,
        }),
      });
    } finally {
      rating.hidden = true;
      append({ who: "assistant", text: d.thanks }, false);
      state.conversation = null;
      state.log = [];
      state.after = 0;
      handoffChanged(null, false);
      save(state);
      endButton.hidden = false;
      input.focus();
    }
  });

  if (state.handoff && (state.handoff.active || state.handoff.offer_callback)) {
    replay();
    handoffChanged(state.handoff, true);
  }
}

if (root) setup();
