// Sign-in, sign-out and which page shows. Pages are hash routes (#deployments): the hash holds a page name only.
import { ApiError, call, explain, session } from './api.js';
import * as deployments from './deployments.js';
import * as keys from './keys.js';
import * as playground from './playground.js';
import * as spend from './spend.js';

const pages = { playground, deployments, spend, keys };
const byId = (id) => document.getElementById(id);

function route() {
  const signedIn = session.key() !== null;
  byId('nav').hidden = !signedIn;
  byId('sign-out').hidden = !signedIn;
  const wanted = location.hash.slice(1);
  const current = !signedIn ? 'sign-in' : Object.hasOwn(pages, wanted) ? wanted : 'playground';
  for (const page of document.querySelectorAll('.page')) {
    page.hidden = page.id !== current;
  }
  for (const link of byId('nav').querySelectorAll('a')) {
    if (link.hash === `#${current}`) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  for (const [name, page] of Object.entries(pages)) {
    if (name === current) {
      page.show();
    } else {
      page.hide();
    }
  }
}

async function signIn(event) {
  event.preventDefault();
  const input = byId('api-key');
  const error = byId('sign-in-error');
  const key = input.value.trim();
  error.textContent = '';
  try {
    // Any route under the API's auth tells whether the proxy takes the key; the model list is the cheapest.
    await call('/v1/models', { key });
  } catch (failure) {
    error.textContent = failure instanceof ApiError && failure.status === 401
      ? `The proxy refused that key: ${failure.message}` : explain(failure, 'Sign-in');
    input.focus();
    return;
  }
  input.value = '';
  session.signIn(key);
  route();
}

function signOut() {
  session.signOut();
  // A fresh load drops every transcript, key and figure the pages still hold in memory.
  location.replace('/ui/');
}

byId('sign-in-form').addEventListener('submit', signIn);
byId('sign-out').addEventListener('click', signOut);
window.addEventListener('hashchange', route);
route();
