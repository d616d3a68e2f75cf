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
})();
