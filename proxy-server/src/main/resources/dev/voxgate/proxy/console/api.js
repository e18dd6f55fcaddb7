// The one way the console talks to the proxy: same origin, the signed-in key as a Bearer header, nothing cached.
// The key lives in sessionStorage only (this tab, until sign-out or the tab closes): never in a URL or a cookie.

const KEY = 'voxgate.apiKey';

/** Every key with its settings (LiteLLM's list pages by 100 unless asked for more). */
export const KEY_LIST = '/key/list?return_full_object=true&size=1000';

export const session = {
  key: () => sessionStorage.getItem(KEY),
  signIn: (key) => sessionStorage.setItem(KEY, key),
  signOut: () => sessionStorage.removeItem(KEY),
};

/** An answer other than 2xx, with the message and code of the proxy's OpenAI-style error body when it sent one. */
export class ApiError extends Error {
  constructor(status, message, response, code = null) {
    super(message);
    this.status = status;
    this.response = response;
    this.code = code;
  }
}

/** The raw Response of one call; throws ApiError unless it is 2xx. */
export async function call(path, { method = 'GET', body, headers = {}, key = session.key() } = {}) {
  const response = await fetch(path, {
    method,
    body,
    headers: { ...headers, Authorization: `Bearer ${key}` },
    cache: 'no-store',
    credentials: 'omit',
    redirect: 'error',
  });
  if (!response.ok) {
    const { message, code } = await errorOf(response);
    throw new ApiError(response.status, message, response, code);
  }
  return response;
}

/** The JSON body of a GET, or of a POST of {@code payload} as JSON. */
export async function json(path, payload) {
  const options = payload === undefined ? {}
    : { method: 'POST', body: JSON.stringify(payload), headers: { 'Content-Type': 'application/json' } };
  return (await call(path, options)).json();
}

async function errorOf(response) {
  const text = await response.text();
  try {
    const error = JSON.parse(text)?.error;
    if (error?.message) {
      return { message: String(error.message), code: error.code ?? null };
    }
  } catch {
    // not JSON: the status says enough
  }
  return { message: `${response.status} ${response.statusText}`.trim(), code: null };
}

/** Whether a failed call means the route needs a database the proxy does not have (501, code no_database). */
export function needsDatabase(error) {
  return error instanceof ApiError && error.code === 'no_database';
}

/** Whether a failed call was refused because it needs the master key and a virtual key made it. */
export function needsMasterKey(error) {
  return error instanceof ApiError && error.status === 403;
}

/** What a page says when its call failed: "needs a database", the route missing, or the proxy's own message. */
export function explain(error, what) {
  if (needsDatabase(error)) {
    return `${what} needs a database, and this proxy has none configured: ${error.message}`;
  }
  if (error instanceof ApiError && error.status === 404) {
    return `This proxy does not serve ${what.toLowerCase()}: ${error.message}`;
  }
  return error instanceof ApiError ? error.message : `The proxy could not be reached: ${error.message}`;
}

/** An element with text and attributes, built without innerHTML so no answer is ever parsed as markup. */
export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, value);
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}
