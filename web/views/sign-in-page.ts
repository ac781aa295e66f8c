import { html, type SafeHtml } from '../html.ts';
import { page } from './layout.ts';

export function signInPage(input: { csrf: string; next: string; error: string | null }): SafeHtml {
  return page({
    title: 'Sign in',
    user: null,
    body: html`<section class="sign-in">
<h1>Sign in</h1>
${input.error ? html`<p class="error" role="alert">${input.error}</p>` : ''}
<form method="post" action="/sign-in">
  <input type="hidden" name="_csrf" value="${input.csrf}">
  <input type="hidden" name="next" value="${input.next}">
  <label>Name <input name="name" autocomplete="username" required autofocus></label>
  <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
  <button type="submit">Sign in</button>
</form>
<p class="hint">Accounts are added by a maintainer: <code>isa users add NAME</code>.</p>
</section>`,
  });
}
