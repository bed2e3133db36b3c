// The one inline script of the site (app/layout.tsx puts it in <head> with the request's CSP nonce, through
// page-script-tag.tsx so that its text is not repeated in every page's RSC payload). It
// replaces what would otherwise be client components on every public page, so that they ship no React code:
//  - 大字版 / 高对比度 (app/_components/display-switches.tsx): the stored choice is applied to <html> before
//    the first paint (data-font="large", data-contrast="high", which globals.css keys on), the buttons
//    (data-display-mode) toggle it, remember it in localStorage and say it with aria-pressed; another tab's
//    change is followed;
//  - 字号 of an article (app/_components/font-size-switch.tsx): data-article-size on <html>, buttons
//    data-article-size-choice, remembered in localStorage;
//  - 简/繁 (app/_components/script-switch.tsx): the link works without JavaScript (/api/script goes back to
//    the Referer); with it, the click names the page to come back to;
//  - 复制链接 (data-copy), 【打印】 (data-print) and 【关闭】 (data-close) buttons;
//  - html[data-js] marks that scripts run, so controls that need them (.js-only) show only then.
// Everything is delegated from the document, so it also covers pages rendered after a client-side navigation.
// Each feature's element contract is kept in step with its server component: the names above.
const SOURCE = `
(function () {
  var d = document.documentElement;
  var MODES = { font: ['large', 'a11y-font'], contrast: ['high', 'a11y-contrast'] };
  var SIZES = ['normal', 'large', 'xlarge'];
  var SIZE_KEY = 'article-font-size';
  var chosenSize = null;
  d.dataset.js = '';
  function read(key) { try { return window.localStorage.getItem(key); } catch (e) { return null; } }
  function write(key, value) {
    try { if (value === null) window.localStorage.removeItem(key); else window.localStorage.setItem(key, value); } catch (e) {}
  }
  function applyMode(name, on) { if (on) d.dataset[name] = MODES[name][0]; else delete d.dataset[name]; }
  function articleSize() {
    var stored = read(SIZE_KEY);
    return SIZES.indexOf(stored) >= 0 ? stored : chosenSize || 'normal';
  }
  for (var name in MODES) applyMode(name, read(MODES[name][1]) === MODES[name][0]);
  d.dataset.articleSize = articleSize();
  function sync() {
    var buttons = document.querySelectorAll('[data-display-mode]');
    for (var i = 0; i < buttons.length; i++) {
      var mode = buttons[i].getAttribute('data-display-mode');
      if (MODES[mode]) buttons[i].setAttribute('aria-pressed', String(d.dataset[mode] === MODES[mode][0]));
    }
    var sizes = document.querySelectorAll('[data-article-size-choice]');
    for (var j = 0; j < sizes.length; j++) {
      sizes[j].setAttribute('aria-pressed', String(sizes[j].getAttribute('data-article-size-choice') === d.dataset.articleSize));
    }
  }
  function copyText(text) {
    var field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.style.position = 'fixed';
    field.style.opacity = '0';
    document.body.appendChild(field);
    field.select();
    var done = false;
    try { done = document.execCommand('copy'); } catch (e) {}
    field.remove();
    return done;
  }
  function copy(button) {
    var text = button.getAttribute('data-copy');
    var status = button.parentNode.querySelector('[data-copy-status]');
    function say(done) {
      if (status) status.textContent = done ? button.getAttribute('data-copied') : button.getAttribute('data-copy-failed') + text;
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { say(true); }, function () { say(copyText(text)); });
    } else say(copyText(text));
  }
  document.addEventListener('click', function (event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    var button = target.closest('[data-display-mode]');
    if (button) {
      var mode = button.getAttribute('data-display-mode');
      if (!MODES[mode]) return;
      var on = d.dataset[mode] !== MODES[mode][0];
      applyMode(mode, on);
      write(MODES[mode][1], on ? MODES[mode][0] : null);
      sync();
      return;
    }
    var size = target.closest('[data-article-size-choice]');
    if (size) {
      chosenSize = size.getAttribute('data-article-size-choice');
      d.dataset.articleSize = chosenSize;
      write(SIZE_KEY, chosenSize);
      sync();
      return;
    }
    var link = target.closest('a[data-script-switch]');
    if (link) {
      link.href = '/api/script?to=' + link.getAttribute('data-script-switch') + '&back=' + encodeURIComponent(location.pathname);
      return;
    }
    var copyButton = target.closest('[data-copy]');
    if (copyButton) { copy(copyButton); return; }
    if (target.closest('[data-print]')) { window.print(); return; }
    if (target.closest('[data-close]')) {
      window.close();
      // A tab the reader opened (not a script) cannot be closed by the page: go back, or home.
      window.setTimeout(function () {
        if (window.closed) return;
        if (window.history.length > 1) window.history.back();
        else window.location.href = '/';
      }, 300);
    }
  });
  window.addEventListener('storage', function (event) {
    for (var name in MODES) if (event.key === MODES[name][1]) applyMode(name, event.newValue === MODES[name][0]);
    if (event.key === SIZE_KEY) d.dataset.articleSize = articleSize();
    sync();
  });
  // Buttons drawn later (a client-side navigation) are brought in step once per frame.
  var scheduled = false;
  function start() {
    sync();
    new MutationObserver(function () {
      if (scheduled) return;
      scheduled = true;
      window.requestAnimationFrame(function () { scheduled = false; sync(); });
    }).observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
`;

/** The script, with its comments' worth of whitespace removed (it is sent with every page). */
export const PAGE_SCRIPT = SOURCE.replace(/\n\s*/g, '\n').trim();
