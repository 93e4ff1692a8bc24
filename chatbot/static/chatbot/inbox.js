// The operator's view of a chat: every few seconds it asks whether the resident wrote again and
// reloads the transcript when so, unless the operator is typing a reply.

const transcript = document.getElementById("chat-transcript");

async function check() {
  const reply = document.getElementById("chat-reply");
  if (reply && reply.value.trim()) return;
  try {
    const url = transcript.dataset.pollUrl + "?after=" + transcript.dataset.after;
    const response = await fetch(url, { headers: { Accept: "application/json" }, cache: "no-store" });
    if (response.ok && (await response.json()).messages.length) window.location.reload();
  } catch {
    /* checked again at the next interval */
  }
}

if (transcript && transcript.dataset.pollUrl) setInterval(check, 5000);
