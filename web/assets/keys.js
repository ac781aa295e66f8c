// Keyboard shortcuts of the review pages (listed in each page's footer). No inline script: CSP allows 'self' only.
(() => {
  const typing = (el) => el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
  const rows = () => Array.from(document.querySelectorAll('[data-key-row]'));
  let current = -1;
  const select = (index) => {
    const all = rows();
    if (all.length === 0) return;
    current = Math.max(0, Math.min(all.length - 1, index));
    all.forEach((row, i) => row.classList.toggle('selected', i === current));
    all[current].scrollIntoView({ block: 'nearest' });
  };
  const follow = (selector) => {
    const link = document.querySelector(selector);
    if (link && link.href) window.location.assign(link.href);
  };
  const submit = (id) => {
    const form = document.getElementById(id);
    if (form) form.requestSubmit();
  };
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target)) {
      if (event.key === 'Escape') event.target.blur();
      return;
    }
    const queue = rows().length > 0;
    switch (event.key) {
      case 'j':
        if (queue) select(current + 1);
        else follow('a[rel=next]');
        break;
      case 'k':
        if (queue) select(current - 1);
        else follow('a[rel=prev]');
        break;
      case 'Enter':
      case 'o':
        if (queue && current >= 0) window.location.assign(rows()[current].dataset.href);
        else if (!queue && event.key === 'o') follow('a[data-key=open-source]');
        else return;
        break;
      case 'c':
        submit('confirm-form');
        break;
      case 'd': {
        const note = document.getElementById('dismiss-note');
        if (!note) return;
        note.focus();
        break;
      }
      case 'u':
        follow('a[data-key=up]');
        break;
      case '/': {
        const filter = document.getElementById('filter-text');
        if (!filter) return;
        filter.focus();
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  });
})();
