"use strict";
(() => {
  const log = document.getElementById("log");
  const text = document.getElementById("text");
  const asSel = document.getElementById("as");
  const asOf = document.getElementById("asOf");

  function el(tag, cls, content) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (content !== undefined) e.textContent = content;
    return e;
  }

  function addMine(t) {
    log.appendChild(el("div", "msg me", t));
    log.scrollTop = log.scrollHeight;
  }

  function addReply(data) {
    const r = data.reply;
    const box = el("div", "msg bot" + (r.isError ? " error" : ""));
    box.dataset.intent = r.intent;
    if (data.warning) box.appendChild(el("p", "", data.warning));
    box.appendChild(el("pre", "text", r.text));
    if (r.items && r.items.length) {
      const t = el("table");
      const head = el("tr");
      ["Id", "Title", "Owner", "Due", "Status"].forEach(h => head.appendChild(el("th", "", h)));
      t.appendChild(head);
      for (const i of r.items) {
        const row = el("tr");
        row.appendChild(el("td", "", i.id));
        row.appendChild(el("td", "", i.title));
        row.appendChild(el("td", "", i.owner));
        row.appendChild(el("td", "", i.due || "no date"));
        row.appendChild(el("td", i.daysOverdue ? "late" : "", i.daysOverdue ? i.daysOverdue + " days late" : i.status));
        t.appendChild(row);
      }
      box.appendChild(t);
    }
    const chips = el("div", "chips");
    for (const a of r.actions || []) {
      const b = el("button", "", a.label);
      b.onclick = () => send(a.value || (a.verb + (a.itemId ? " " + a.itemId : "")));
      chips.appendChild(b);
    }
    for (const f of r.followUps || []) {
      const b = el("button", "", f);
      b.onclick = () => send(f);
      chips.appendChild(b);
    }
    if (chips.childNodes.length) box.appendChild(chips);
    log.appendChild(box);
    log.scrollTop = log.scrollHeight;
  }

  function addError(message) {
    const box = el("div", "msg bot error", message);
    log.appendChild(box);
  }

  async function send(t) {
    if (!t || !t.trim()) return;
    addMine(t);
    const body = { text: t };
    if (asOf.value) body.asOf = asOf.value;
    if (asSel.value) body.as = asSel.value;
    try {
      const res = await fetch("/api/chat", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      const data = await res.json();
      if (!res.ok) addError(data.error || ("Error " + res.status));
      else addReply(data);
    } catch (e) {
      addError("The bot could not be reached: " + e.message);
    }
  }

  document.getElementById("composer").addEventListener("submit", e => {
    e.preventDefault();
    const t = text.value;
    text.value = "";
    send(t);
  });

  fetch("/api/people").then(r => r.json()).then(people => {
    for (const p of people) {
      const o = el("option", "", `${p.name} — ${p.role}`);
      o.value = p.email;
      asSel.appendChild(o);
    }
  }).catch(() => {});
  // Notifications inbox: the signed-in person's nudges, escalations and digests (GET /api/notifications).
  const inbox = document.getElementById("inbox");
  const inboxList = document.getElementById("inboxList");
  const inboxCount = document.getElementById("inboxCount");

  async function loadNotifications() {
    if (!asSel.value) { inbox.hidden = true; return; }
    try {
      const res = await fetch("/api/notifications?as=" + encodeURIComponent(asSel.value));
      if (!res.ok) { inbox.hidden = true; return; }
      const list = await res.json();
      inbox.hidden = false;
      inboxCount.textContent = list.length;
      inboxList.replaceChildren();
      for (const n of list) {
        const box = el("div", "note");
        box.dataset.key = n.key;
        box.appendChild(el("div", "when", new Date(n.at).toLocaleString("en-GB")));
        box.appendChild(el("pre", "text", n.message.text));
        const chips = el("div", "chips");
        for (const a of n.message.actions || []) {
          const b = el("button", "", a.label);
          b.onclick = () => {
            const v = a.value || (a.verb + " " + (a.itemId || ""));
            if (/[\s:]$/.test(v)) { text.value = v; text.focus(); } else { send(v); }
          };
          chips.appendChild(b);
        }
        if (chips.childNodes.length) box.appendChild(chips);
        inboxList.appendChild(box);
      }
    } catch (e) {
      inbox.hidden = true;
    }
  }

  asSel.addEventListener("change", loadNotifications);
  setInterval(loadNotifications, 30000);
})();
