/*
 * Atalaya chat widget. Embed on any site:
 *   <script src="https://YOUR-ATALAYA/widget.js" data-workspace="SLUG" async></script>
 * Adds a chat bubble; the chat itself runs in an iframe served by Atalaya, so the host page's
 * styles and scripts cannot reach it. Styles are set through the CSSOM inside a shadow root, which
 * host pages with a strict Content-Security-Policy allow.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script) {
    var candidates = document.querySelectorAll('script[data-workspace][src*="widget.js"]');
    script = candidates[candidates.length - 1];
  }
  if (!script) {
    return;
  }
  var slug = script.getAttribute('data-workspace');
  var registry = (window.__atalayaWebchat = window.__atalayaWebchat || {});
  if (!slug || registry[slug]) {
    return;
  }
  registry[slug] = true;

  var origin = new URL(script.src, window.location.href).origin;
  var base = origin + '/widget/' + encodeURIComponent(slug);
  var openKey = 'atalaya-webchat-open:' + slug;
  var activeKey = 'atalaya-webchat-active:' + slug;
  var SVG = 'http://www.w3.org/2000/svg';
  var MOBILE = '(max-width: 480px)';

  var state = { open: false, accent: '#0f766e', labels: { open: 'Chat', close: 'Close', frameTitle: 'Chat' } };
  var host, shadow, bubble, badge, presenceDot, chatIcon, closeIcon, panel, frame, frameReady = false;

  function storage(kind) {
    try {
      return kind === 'session' ? window.sessionStorage : window.localStorage;
    } catch (e) {
      return null;
    }
  }

  function remember(kind, key, value) {
    var s = storage(kind);
    if (!s) {
      return;
    }
    try {
      if (value) {
        s.setItem(key, '1');
      } else {
        s.removeItem(key);
      }
    } catch (e) {
      // storage full or blocked: the widget still works, it just forgets
    }
  }

  function recall(kind, key) {
    var s = storage(kind);
    try {
      return Boolean(s && s.getItem(key));
    } catch (e) {
      return false;
    }
  }

  function css(element, styles) {
    for (var name in styles) {
      if (Object.prototype.hasOwnProperty.call(styles, name)) {
        element.style.setProperty(name, styles[name]);
      }
    }
    return element;
  }

  function icon(paths, size) {
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', String(size));
    svg.setAttribute('height', String(size));
    svg.setAttribute('aria-hidden', 'true');
    paths.forEach(function (p) {
      var path = document.createElementNS(SVG, 'path');
      Object.keys(p).forEach(function (k) {
        path.setAttribute(k, p[k]);
      });
      svg.appendChild(path);
    });
    return svg;
  }

  function build() {
    host = document.createElement('div');
    host.id = 'atalaya-webchat-' + slug;
    css(host, { position: 'fixed', 'z-index': '2147483000', right: '0', bottom: '0', width: '0', height: '0' });
    shadow = host.attachShadow({ mode: 'open' });

    panel = css(document.createElement('div'), {
      position: 'fixed',
      right: '20px',
      bottom: '96px',
      width: '380px',
      height: 'min(640px, calc(100vh - 120px))',
      'border-radius': '16px',
      overflow: 'hidden',
      background: '#fff',
      'box-shadow': '0 12px 48px rgba(17, 24, 39, .22), 0 2px 8px rgba(17, 24, 39, .08)',
      opacity: '0',
      transform: 'translateY(12px) scale(.98)',
      'transform-origin': 'bottom right',
      transition: 'opacity .18s ease, transform .18s ease',
      visibility: 'hidden'
    });
    panel.setAttribute('data-atalaya', 'panel');

    bubble = css(document.createElement('button'), {
      position: 'fixed',
      right: '20px',
      bottom: '20px',
      width: '60px',
      height: '60px',
      border: '0',
      padding: '0',
      margin: '0',
      'border-radius': '50%',
      cursor: 'pointer',
      display: 'grid',
      'place-items': 'center',
      color: '#fff',
      background: state.accent,
      'box-shadow': '0 6px 24px rgba(17, 24, 39, .25)',
      transition: 'transform .15s ease, box-shadow .15s ease',
      outline: 'none'
    });
    bubble.type = 'button';
    bubble.setAttribute('data-atalaya', 'bubble');
    bubble.setAttribute('aria-expanded', 'false');
    bubble.addEventListener('mouseenter', function () {
      css(bubble, { transform: 'scale(1.06)' });
    });
    bubble.addEventListener('mouseleave', function () {
      css(bubble, { transform: 'none' });
    });
    bubble.addEventListener('focus', function () {
      css(bubble, { 'box-shadow': '0 0 0 4px rgba(255,255,255,.9), 0 0 0 7px ' + state.accent });
    });
    bubble.addEventListener('blur', function () {
      css(bubble, { 'box-shadow': '0 6px 24px rgba(17, 24, 39, .25)' });
    });
    bubble.addEventListener('click', function () {
      if (state.open) {
        close();
      } else {
        open();
      }
    });

    chatIcon = icon(
      [
        {
          d: 'M4 5.5A2.5 2.5 0 016.5 3h11A2.5 2.5 0 0120 5.5v8a2.5 2.5 0 01-2.5 2.5H10l-4.2 3.6c-.5.4-1.3.1-1.3-.6V16A2.5 2.5 0 014 13.5z',
          fill: 'currentColor'
        }
      ],
      28
    );
    closeIcon = icon(
      [{ d: 'M6 6l12 12M18 6L6 18', fill: 'none', stroke: 'currentColor', 'stroke-width': '2.4', 'stroke-linecap': 'round' }],
      26
    );
    css(closeIcon, { display: 'none' });
    bubble.appendChild(chatIcon);
    bubble.appendChild(closeIcon);

    presenceDot = css(document.createElement('span'), {
      position: 'absolute',
      right: '3px',
      bottom: '3px',
      width: '13px',
      height: '13px',
      'border-radius': '50%',
      background: '#22c55e',
      border: '2px solid #fff',
      display: 'none'
    });
    bubble.appendChild(presenceDot);

    badge = css(document.createElement('span'), {
      position: 'absolute',
      top: '-4px',
      right: '-4px',
      'min-width': '22px',
      height: '22px',
      padding: '0 6px',
      'border-radius': '11px',
      background: '#dc2626',
      color: '#fff',
      font: '600 12px/22px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
      'text-align': 'center',
      'box-sizing': 'border-box',
      display: 'none'
    });
    badge.setAttribute('data-atalaya', 'unread');
    bubble.appendChild(badge);

    shadow.appendChild(panel);
    shadow.appendChild(bubble);
    document.body.appendChild(host);

    var mobile = window.matchMedia(MOBILE);
    layout(mobile.matches);
    if (mobile.addEventListener) {
      mobile.addEventListener('change', function (e) {
        layout(e.matches);
      });
    }
    window.addEventListener('message', onMessage);
  }

  function layout(mobile) {
    if (mobile) {
      css(panel, { right: '0', bottom: '0', width: '100%', height: '100%', 'border-radius': '0' });
    } else {
      css(panel, {
        right: '20px',
        bottom: '96px',
        width: '380px',
        height: 'min(640px, calc(100vh - 120px))',
        'border-radius': '16px'
      });
    }
    css(bubble, { display: mobile && state.open ? 'none' : 'grid' });
  }

  function applyLabels() {
    bubble.setAttribute('aria-label', state.open ? state.labels.close : state.labels.open);
    bubble.title = state.open ? state.labels.close : state.labels.open;
  }

  function ensureFrame() {
    if (frame) {
      return;
    }
    frame = css(document.createElement('iframe'), {
      width: '100%',
      height: '100%',
      border: '0',
      display: 'block',
      background: '#fff'
    });
    frame.src = base + '/frame';
    frame.title = state.labels.frameTitle;
    frame.setAttribute('data-atalaya', 'frame');
    frame.setAttribute('allow', 'clipboard-write');
    panel.appendChild(frame);
  }

  function tellFrame(event) {
    if (frame && frameReady && frame.contentWindow) {
      frame.contentWindow.postMessage({ type: 'atalaya-webchat', event: event }, origin);
    }
  }

  function open() {
    ensureFrame();
    state.open = true;
    css(panel, { visibility: 'visible', opacity: '1', transform: 'none' });
    css(chatIcon, { display: 'none' });
    css(closeIcon, { display: 'block' });
    setUnread(0);
    bubble.setAttribute('aria-expanded', 'true');
    applyLabels();
    layout(window.matchMedia(MOBILE).matches);
    remember('session', openKey, true);
    tellFrame('opened');
  }

  function close() {
    state.open = false;
    css(panel, { opacity: '0', transform: 'translateY(12px) scale(.98)', visibility: 'hidden' });
    css(chatIcon, { display: 'block' });
    css(closeIcon, { display: 'none' });
    bubble.setAttribute('aria-expanded', 'false');
    applyLabels();
    layout(window.matchMedia(MOBILE).matches);
    remember('session', openKey, false);
    tellFrame('closed');
    bubble.focus();
  }

  function setUnread(count) {
    badge.textContent = count > 9 ? '9+' : String(count);
    css(badge, { display: count > 0 && !state.open ? 'block' : 'none' });
  }

  function onMessage(e) {
    if (e.origin !== origin || !frame || e.source !== frame.contentWindow) {
      return;
    }
    var data = e.data;
    if (!data || data.type !== 'atalaya-webchat') {
      return;
    }
    switch (data.event) {
      case 'ready':
        frameReady = true;
        remember('local', activeKey, data.active);
        tellFrame(state.open ? 'opened' : 'closed');
        break;
      case 'close':
        close();
        break;
      case 'unread':
        setUnread(Number(data.count) || 0);
        break;
      case 'status':
        css(presenceDot, { display: data.online ? 'block' : 'none' });
        break;
      case 'active':
        remember('local', activeKey, data.active);
        break;
      default:
        break;
    }
  }

  function start(config) {
    if (config) {
      state.accent = config.accentColor || state.accent;
      state.labels = config.labels || state.labels;
    }
    build();
    applyLabels();
    if (config && config.online) {
      css(presenceDot, { display: 'block' });
    }
    if (recall('session', openKey)) {
      open();
    } else if (recall('local', activeKey)) {
      // a visitor with a conversation gets agents' replies (and the unread badge) while the chat is closed
      ensureFrame();
    }
  }

  function init() {
    fetch(base + '/api/config', { credentials: 'omit', cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('Atalaya chat: no chat for workspace "' + slug + '" (' + response.status + ')');
        }
        return response.json();
      })
      .then(start)
      .catch(function (error) {
        if (window.console) {
          window.console.warn(error.message || error);
        }
      });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
