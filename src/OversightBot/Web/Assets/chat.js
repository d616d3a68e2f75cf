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

  const dateFmt = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const fmtDate = iso => iso ? dateFmt.format(new Date(iso + "T00:00:00Z")) : "no date";
  const days = n => n === 1 ? "1 day" : n + " days";

  function addTable(box, headers, rows) {
    const t = el("table");
    const head = el("tr");
    headers.forEach(h => head.appendChild(el("th", "", h)));
    t.appendChild(head);
    for (const cells of rows) {
      const row = el("tr");
      for (const c of cells) row.appendChild(typeof c === "string" ? el("td", "", c) : c);
      t.appendChild(row);
    }
    box.appendChild(t);
  }

  function addReply(data) {
    const r = data.reply;
    const box = el("div", "msg bot" + (r.isError ? " error" : ""));
    box.dataset.intent = r.intent;
    if (data.warning) box.appendChild(el("p", "", data.warning));
    const listed = (r.items && r.items.length) || (r.boards && r.boards.length);
    if (listed && r.heading) {
      box.appendChild(el("h2", "", r.heading));
      for (const f of r.facts || []) box.appendChild(el("div", "fact", f.label + ": " + f.value));
    } else {
      box.appendChild(el("pre", "text", r.text));
    }
    if (r.items && r.items.length) {
      addTable(box, ["Id", "Title", "Owner", "Due", "Status", "Source"], r.items.map(i => [
        i.id, i.title + (i.note ? " — " + i.note : ""), i.owner, fmtDate(i.due),
        el("td", i.daysOverdue ? "late" : "", i.daysOverdue ? days(i.daysOverdue) + " late" : i.status),
        i.source.document + ", " + fmtDate(i.source.date)]));
      if (r.total > r.shown) box.appendChild(el("p", "", `Showing ${r.shown} of ${r.total}.` + (r.nextOffset ? " Say \"more\" for the next page." : "")));
    }
    if (r.boards && r.boards.length) {
      addTable(box, ["Board", "State", "Why / latest"], r.boards.map(b => [
        b.name, el("td", b.stale ? "late" : "", b.stale ? "behind" : "up to date"),
        (b.reasons.length ? b.reasons : b.latest.map(f => f.label + ": " + f.value)).join("; ")]));
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

  // Deep links: /?q=what's+overdue%3F&asOf=2023-03-01&as=EMAIL asks straight away.
  const params = new URLSearchParams(location.search);
  if (params.get("asOf")) asOf.value = params.get("asOf");

  fetch("/api/people").then(r => r.json()).then(people => {
    for (const p of people) {
      const o = el("option", "", `${p.name} — ${p.role}`);
      o.value = p.email;
      asSel.appendChild(o);
    }
    if (params.get("as")) asSel.value = params.get("as");
  }).catch(() => {}).finally(() => {
    if (params.get("q")) send(params.get("q"));
  });
})();
