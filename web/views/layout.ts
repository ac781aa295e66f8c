import type { SessionUser } from '../../sql/queries/users.ts';
import { html, type HtmlValue, type SafeHtml } from '../html.ts';

export interface PageOptions {
  title: string;
  user: SessionUser | null;
  body: HtmlValue;
  /** Which navigation entry is current. */
  section?: string;
  /** Shown in the page's key help and handled by /assets/keys.js. */
  shortcuts?: Array<[key: string, what: string]>;
  /** Whether /queues (bull-board) is mounted. */
  queues?: boolean;
}

const NAV: Array<[href: string, label: string]> = [
  ['/queue', 'Review queue'],
  ['/organisations', 'Organisations'],
  ['/cities', 'Cities'],
  ['/documents', 'Documents'],
  ['/claims', 'Claims'],
  ['/members', 'Members'],
  ['/runs', 'Runs'],
];

export function page(options: PageOptions): SafeHtml {
  const nav = options.queues ? [...NAV, ['/queues', 'Queues'] as [string, string]] : NAV;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${options.title} · ISA review</title>
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/keys.js" defer></script>
</head>
<body>
<header class="top">
  <a class="brand" href="/queue">ISA review</a>
  <nav>${nav.map(([href, label]) => html`<a href="${href}"${options.section === href ? html` aria-current="page"` : ''}>${label}</a>`)}</nav>
  ${options.user ? html`<form method="post" action="/sign-out" class="signout"><input type="hidden" name="_csrf" value="${options.user.csrfToken}"><span>${options.user.name}</span> <button type="submit">Sign out</button></form>` : ''}
</header>
${options.shortcuts?.length ? html`<aside class="keys" id="keys" aria-label="Keyboard shortcuts"><strong>Keys</strong> ${options.shortcuts.map(([key, what]) => html`<span><kbd>${key}</kbd> ${what}</span>`)}</aside>` : ''}
<main>
${options.body}
</main>
</body>
</html>`;
}

export function errorPage(user: SessionUser | null, title: string, message: string): SafeHtml {
  return page({ title, user, body: html`<h1>${title}</h1><p>${message}</p><p><a href="/queue">Back to the review queue</a></p>` });
}
