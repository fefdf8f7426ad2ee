// Agent UI glue: CSRF for htmx and fetch, the live-update stream, browser notifications, presence heartbeats.
(function () {
  "use strict";
  var csrfToken = document.querySelector('meta[name="_csrf"]');
  var csrfHeader = document.querySelector('meta[name="_csrf_header"]');
  csrfToken = csrfToken && csrfToken.content;
  csrfHeader = csrfHeader && csrfHeader.content;

  document.body.addEventListener("htmx:configRequest", function (e) {
    if (csrfToken) e.detail.headers[csrfHeader] = csrfToken;
  });

  function post(url, body) {
    var headers = { "Content-Type": "application/x-www-form-urlencoded" };
    if (csrfToken) headers[csrfHeader] = csrfToken;
    return fetch(url, { method: "POST", headers: headers, body: body, credentials: "same-origin" });
  }

  // Live updates for the open workspace.
  var workspace = document.body.dataset.workspace;
  if (workspace && window.EventSource) {
    var source = new EventSource("/w/" + encodeURIComponent(workspace) + "/live");
    source.addEventListener("conversation", function (ev) {
      var data = JSON.parse(ev.data);
      htmx.trigger(document.body, "atalaya:conversations", data);
      document.querySelectorAll("[data-conversation-id]").forEach(function (el) {
        if (el.dataset.conversationId === data.conversationId) htmx.trigger(el, "atalaya:refresh");
      });
    });
    source.addEventListener("notification", function (ev) {
      var data = JSON.parse(ev.data);
      htmx.trigger(document.body, "atalaya:notifications", data);
      if (data.browser && "Notification" in window && Notification.permission === "granted") {
        var n = new Notification(data.title, { body: data.body, tag: data.id, icon: "/img/atalaya.svg" });
        n.onclick = function () { window.focus(); window.location.href = data.url; };
      }
    });
  }

  // Browser notification permission, asked only on a click.
  document.querySelectorAll("[data-enable-browser-notifications]").forEach(function (button) {
    if (!("Notification" in window)) { button.disabled = true; return; }
    if (Notification.permission === "granted") button.hidden = true;
    button.addEventListener("click", function () {
      Notification.requestPermission().then(function (p) { if (p === "granted") button.hidden = true; });
    });
  });

  // Presence: a heartbeat every minute while a screen is open; idle for a while means away.
  if (document.body.dataset.me) {
    var lastActivity = Date.now();
    ["mousemove", "keydown", "click", "scroll", "touchstart", "focus"].forEach(function (t) {
      window.addEventListener(t, function () { lastActivity = Date.now(); }, { passive: true });
    });
    var beat = function () {
      var active = document.visibilityState === "visible" && Date.now() - lastActivity < 120000;
      post("/presence/heartbeat", "active=" + active);
    };
    beat();
    setInterval(beat, 60000);
  }

  // Reply composer: reply or private note.
  document.addEventListener("change", function (e) {
    if (e.target.matches && e.target.matches(".composer input[name=note]")) {
      var composer = e.target.closest(".composer");
      composer.classList.toggle("is-note", e.target.value === "true" && e.target.checked);
    }
  });
  // A suggested reply goes into the composer, to personalise before sending.
  document.addEventListener("click", function (e) {
    var button = e.target.closest && e.target.closest(".use-reply");
    if (!button) return;
    var composer = button.closest(".composer");
    var text = composer && composer.querySelector("textarea[name=text]");
    if (!text) return;
    text.value = button.getAttribute("data-body");
    text.focus();
    if (window.htmx) htmx.trigger(text, "atalaya:inserted");
  });
  // Filters that apply as soon as they change.
  document.addEventListener("change", function (e) {
    if (e.target.matches && e.target.matches("select.autosubmit")) {
      e.target.form.requestSubmit();
    }
  });
  // Ctrl/Cmd+Enter sends.
  document.addEventListener("keydown", function (e) {
    if ((e.ctrlKey || e.metaKey) && e.key === "Enter" && e.target.matches("textarea[name=text]")) {
      e.preventDefault();
      e.target.form.requestSubmit();
    }
  });
  // Keep the newest message in view.
  var scrollThread = function () {
    document.querySelectorAll(".thread").forEach(function (t) { t.scrollTop = t.scrollHeight; });
  };
  document.addEventListener("DOMContentLoaded", scrollThread);
  document.body.addEventListener("htmx:afterSettle", scrollThread);
  // Copy buttons for embed snippets.
  document.querySelectorAll("[data-copy]").forEach(function (b) {
    b.addEventListener("click", function () {
      var target = document.getElementById(b.dataset.copy);
      navigator.clipboard.writeText(target.textContent).then(function () { b.textContent = b.dataset.copied || "✓"; });
    });
  });
})();
