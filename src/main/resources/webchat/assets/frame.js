/*
 * The chat frame, served from Atalaya inside the widget's iframe. Everything a visitor or agent
 * wrote is rendered with textContent only: user text is never interpreted as HTML.
 */
(function () {
  'use strict';

  const root = document.getElementById('webchat');
  if (!root) {
    return;
  }
  const t = root.dataset;
  const api = '/widget/' + encodeURIComponent(t.slug) + '/api';
  const storageKey = 'atalaya-webchat:' + t.slug;
  const maxLength = Number(t.max) || 5000;
  const embedded = window.parent !== window;
  const byId = (id) => document.getElementById(id);
  const el = {
    status: byId('wc-status'),
    statusText: byId('wc-status-text'),
    hint: byId('wc-hint'),
    close: byId('wc-close'),
    chat: byId('wc-chat'),
    transcript: byId('wc-transcript'),
    greeting: byId('wc-greeting'),
    away: byId('wc-away'),
    awayLeave: byId('wc-away-leave'),
    composer: byId('wc-composer'),
    details: byId('wc-details'),
    name: byId('wc-name'),
    email: byId('wc-email'),
    error: byId('wc-error'),
    text: byId('wc-text'),
    send: byId('wc-send'),
    offline: byId('wc-offline'),
    offlineIntro: byId('wc-offline-intro'),
    offlineForm: byId('wc-offline-form'),
    offlineName: byId('wc-offline-name'),
    offlineEmail: byId('wc-offline-email'),
    offlineMessage: byId('wc-offline-message'),
    offlineError: byId('wc-offline-error'),
    offlineSubmit: byId('wc-offline-submit'),
    offlineBack: byId('wc-offline-back'),
    thanks: byId('wc-thanks'),
    thanksAnother: byId('wc-thanks-another'),
    unavailable: byId('wc-unavailable')
  };
  const timeFormat = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
    hour: '2-digit',
    minute: '2-digit'
  });

  const state = {
    token: readToken(),
    online: null,
    leaveMessage: true,
    lines: new Map(),
    wantsForm: false,
    thanked: false,
    visible: !embedded,
    unread: 0,
    stream: null,
    retryDelay: 1000,
    sessionPending: null,
    offlineClientId: null
  };

  // ---- storage: the token survives reloads; if storage is blocked it lives as long as the page

  let memoryToken = null;

  function readToken() {
    try {
      return window.localStorage.getItem(storageKey);
    } catch (e) {
      return memoryToken;
    }
  }

  function writeToken(token) {
    memoryToken = token;
    try {
      if (token) {
        window.localStorage.setItem(storageKey, token);
      } else {
        window.localStorage.removeItem(storageKey);
      }
    } catch (e) {
      // storage unavailable (privacy mode): the in-memory copy is used
    }
  }

  function uuid() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return window.crypto.randomUUID();
    }
    const b = window.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  // ---- talking to the host page (widget.js)

  function tellHost(event, data) {
    if (embedded) {
      window.parent.postMessage(Object.assign({ type: 'atalaya-webchat', event: event }, data || {}), '*');
    }
  }

  window.addEventListener('message', (e) => {
    if (e.source !== window.parent || !e.data || e.data.type !== 'atalaya-webchat') {
      return;
    }
    if (e.data.event === 'opened') {
      state.visible = true;
      state.unread = 0;
      tellHost('unread', { count: 0 });
      scrollToEnd(false);
      focusInput();
    } else if (e.data.event === 'closed') {
      state.visible = false;
    }
  });

  // ---- API

  class ApiError extends Error {
    constructor(status, message, field) {
      super(message);
      this.status = status;
      this.field = field;
    }
  }

  async function call(method, path, body, withToken) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (withToken && state.token) {
      headers.Authorization = 'Bearer ' + state.token;
    }
    let response;
    try {
      response = await fetch(api + path, {
        method: method,
        headers: headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
        credentials: 'omit'
      });
    } catch (e) {
      throw new ApiError(0, t.network);
    }
    if (response.ok) {
      return response.json();
    }
    let problem = null;
    try {
      problem = await response.json();
    } catch (e) {
      problem = null;
    }
    throw new ApiError(response.status, (problem && problem.detail) || t.network, problem && problem.field);
  }

  // ---- transcript

  function sortedLines() {
    return Array.from(state.lines.values()).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  }

  function nearBottom() {
    const list = el.transcript;
    return list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  }

  function scrollToEnd(smooth) {
    const list = el.transcript;
    if (smooth === false) {
      list.scrollTop = list.scrollHeight;
    } else {
      list.scrollTo({ top: list.scrollHeight });
    }
  }

  function renderTranscript(forceScroll) {
    const stick = forceScroll || nearBottom();
    while (el.transcript.lastChild && el.transcript.lastChild !== el.greeting) {
      el.transcript.removeChild(el.transcript.lastChild);
    }
    let previous = null;
    for (const line of sortedLines()) {
      el.transcript.appendChild(lineElement(line, previous));
      previous = line;
    }
    if (stick) {
      scrollToEnd();
    }
  }

  function lineElement(line, previous) {
    const fromVisitor = line.from === 'visitor';
    const item = document.createElement('li');
    item.className = 'wc-line ' + (fromVisitor ? 'wc-from-visitor' : 'wc-from-agent');
    item.dataset.id = line.id;
    if (line.state) {
      item.dataset.state = line.state;
    }
    const author = fromVisitor ? '' : line.author || t.team;
    if (!fromVisitor && (!previous || previous.from === 'visitor' || previous.author !== line.author)) {
      const label = document.createElement('span');
      label.className = 'wc-author';
      label.textContent = author;
      item.appendChild(label);
    }
    const bubble = document.createElement('div');
    bubble.className = 'wc-bubble';
    bubble.textContent = line.text;
    item.appendChild(bubble);
    const meta = document.createElement('span');
    meta.className = 'wc-meta';
    if (line.state === 'sending') {
      meta.textContent = t.sending;
    } else if (line.state === 'failed') {
      meta.textContent = t.failed;
      item.setAttribute('role', 'button');
      item.tabIndex = 0;
      item.addEventListener('click', () => deliver(line));
      item.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          deliver(line);
        }
      });
    } else {
      meta.textContent = timeFormat.format(new Date(line.at));
    }
    item.appendChild(meta);
    return item;
  }

  function acceptServerLine(line, live) {
    const known = state.lines.get(line.id);
    if (known && !known.state) {
      return false;
    }
    state.lines.set(line.id, line);
    if (live && line.from === 'agent' && !state.visible) {
      state.unread += 1;
      tellHost('unread', { count: state.unread });
    }
    return true;
  }

  async function loadTranscript() {
    const transcript = await call('GET', '/messages', undefined, true);
    let changed = false;
    for (const line of transcript.lines) {
      changed = acceptServerLine(line, false) || changed;
    }
    if (changed) {
      renderTranscript(true);
    }
    renderChrome();
  }

  function dropSession() {
    state.token = null;
    writeToken(null);
    state.lines.clear();
    renderTranscript(true);
    renderChrome();
    tellHost('active', { active: false });
  }

  // ---- live events

  function connectStream() {
    if (state.stream) {
      state.stream.close();
    }
    const url = api + '/stream' + (state.token ? '?token=' + encodeURIComponent(state.token) : '');
    const stream = new EventSource(url);
    state.stream = stream;
    stream.addEventListener('open', () => {
      state.retryDelay = 1000;
      if (state.token) {
        loadTranscript().catch(handleSessionError);
      }
    });
    stream.addEventListener('status', (e) => applyStatus(JSON.parse(e.data)));
    stream.addEventListener('line', (e) => {
      if (acceptServerLine(JSON.parse(e.data), true)) {
        renderTranscript(false);
        renderChrome();
      }
    });
    stream.addEventListener('error', () => {
      if (stream.readyState === EventSource.CLOSED && state.stream === stream) {
        state.stream = null;
        const delay = state.retryDelay;
        state.retryDelay = Math.min(state.retryDelay * 2, 60000);
        window.setTimeout(recover, delay);
      }
    });
  }

  async function recover() {
    if (state.token) {
      try {
        await loadTranscript();
      } catch (e) {
        handleSessionError(e);
      }
    }
    await refreshStatus();
    connectStream();
  }

  function handleSessionError(e) {
    if (e && e.status === 401) {
      dropSession();
      connectStream();
    }
  }

  async function refreshStatus() {
    try {
      applyStatus(await call('GET', '/status'));
    } catch (e) {
      // the stream or the next poll will bring the state
    }
  }

  function applyStatus(status) {
    const changed = state.online !== status.online || state.leaveMessage !== status.leaveMessage;
    state.online = Boolean(status.online);
    state.leaveMessage = Boolean(status.leaveMessage);
    if (state.online) {
      state.wantsForm = false;
    }
    if (changed) {
      renderChrome();
      tellHost('status', { online: state.online });
    }
  }

  // ---- what is shown

  function renderChrome() {
    const online = state.online;
    el.status.dataset.online = online === null ? 'unknown' : String(online);
    if (online !== null) {
      el.statusText.textContent = online ? t.online : t.offline;
    }
    el.hint.hidden = online !== true;
    root.dataset.state = online === null ? 'loading' : online ? 'online' : 'offline';
    const hasHistory = state.lines.size > 0;
    const showForm = online === false && (!hasHistory || state.wantsForm);
    el.chat.hidden = online === null || showForm;
    el.offline.hidden = !showForm;
    el.away.hidden = online !== false;
    el.awayLeave.hidden = !state.leaveMessage;
    el.composer.hidden = online !== true;
    el.details.hidden = Boolean(state.token);
    el.offlineIntro.hidden = state.thanked || !state.leaveMessage;
    el.offlineForm.hidden = state.thanked || !state.leaveMessage;
    el.thanks.hidden = !state.thanked;
    el.unavailable.hidden = state.leaveMessage;
    el.offlineBack.hidden = !hasHistory;
  }

  function showError(target, message) {
    target.textContent = message;
    target.hidden = !message;
  }

  function focusInput() {
    if (!el.composer.hidden && !el.chat.hidden) {
      el.text.focus({ preventScroll: true });
    }
  }

  function autosize() {
    el.text.style.height = 'auto';
    el.text.style.height = Math.min(el.text.scrollHeight + 2, 140) + 'px';
  }

  // ---- sending

  function ensureSession() {
    if (state.token) {
      return Promise.resolve();
    }
    if (!state.sessionPending) {
      state.sessionPending = call('POST', '/sessions', { name: el.name.value, email: el.email.value }, false)
        .then((session) => {
          state.token = session.token;
          writeToken(session.token);
          renderChrome();
          connectStream();
          tellHost('active', { active: true });
        })
        .finally(() => {
          state.sessionPending = null;
        });
    }
    return state.sessionPending;
  }

  async function deliver(line) {
    line.state = 'sending';
    renderTranscript(true);
    showError(el.error, '');
    try {
      await ensureSession();
      const saved = await call('POST', '/messages', { text: line.text, clientId: line.id }, true);
      if (saved.id !== line.id) {
        state.lines.delete(line.id);
      }
      state.lines.set(saved.id, saved);
    } catch (e) {
      if (e.status === 400) {
        state.lines.delete(line.id);
        if (!el.text.value) {
          el.text.value = line.text;
          autosize();
        }
        const field = e.field === 'name' ? el.name : e.field === 'email' ? el.email : el.text;
        field.focus();
      } else {
        line.state = 'failed';
        if (e.status === 401) {
          dropSession();
          state.lines.set(line.id, line);
        }
      }
      showError(el.error, e.message);
    }
    renderTranscript(true);
    renderChrome();
  }

  el.composer.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = el.text.value.trim();
    if (!text) {
      el.text.focus();
      return;
    }
    if (text.length > maxLength) {
      return;
    }
    el.text.value = '';
    autosize();
    const line = { id: uuid(), from: 'visitor', author: null, text: text, at: new Date().toISOString() };
    state.lines.set(line.id, line);
    deliver(line);
    el.text.focus();
  });

  el.text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      el.composer.requestSubmit();
    }
  });
  el.text.addEventListener('input', autosize);

  // ---- leave a message

  el.offlineForm.addEventListener('input', () => {
    state.offlineClientId = null;
  });

  el.offlineForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    showError(el.offlineError, '');
    el.offlineSubmit.disabled = true;
    el.offlineSubmit.textContent = t.offlineSending;
    state.offlineClientId = state.offlineClientId || uuid();
    try {
      await call(
        'POST',
        '/offline-messages',
        {
          name: el.offlineName.value,
          email: el.offlineEmail.value,
          message: el.offlineMessage.value,
          clientId: state.offlineClientId
        },
        false
      );
      state.thanked = true;
      state.offlineClientId = null;
      el.offlineMessage.value = '';
    } catch (error) {
      showError(el.offlineError, error.message);
      const field = { name: el.offlineName, email: el.offlineEmail, message: el.offlineMessage }[error.field];
      if (field) {
        field.focus();
      }
    } finally {
      el.offlineSubmit.disabled = false;
      el.offlineSubmit.textContent = t.offlineSubmit;
    }
    renderChrome();
  });

  el.awayLeave.addEventListener('click', () => {
    state.wantsForm = true;
    state.thanked = false;
    renderChrome();
    el.offlineEmail.focus();
  });

  el.offlineBack.addEventListener('click', () => {
    state.wantsForm = false;
    renderChrome();
  });

  el.thanksAnother.addEventListener('click', () => {
    state.thanked = false;
    renderChrome();
    el.offlineMessage.focus();
  });

  // ---- closing

  el.close.hidden = !embedded;
  el.close.addEventListener('click', () => tellHost('close'));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      tellHost('close');
    }
  });

  // ---- start

  renderChrome();
  refreshStatus();
  connectStream();
  window.setInterval(() => {
    if (!state.stream || state.stream.readyState !== EventSource.OPEN) {
      refreshStatus();
    }
  }, 30000);
  tellHost('ready', { active: Boolean(state.token) });
})();
