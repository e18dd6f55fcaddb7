// Keys and teams through issue 18's routes (LiteLLM's shapes), which need a database and the master key; without
// them the page says so and shows nothing else.
import { element, explain, json } from './api.js';
import { fill } from './table.js';

const byId = (id) => document.getElementById(id);
let loaded = false;

export function show() {
  if (!loaded) {
    load();
  }
}

export function hide() {
  // A new key is shown once: leaving the page forgets it.
  byId('new-key').hidden = true;
  byId('new-key-value').textContent = '';
}

// Lists the keys; {@code done} (what was just done) is said instead of the count.
async function load(done = null) {
  loaded = true;
  const notice = byId('keys-notice');
  try {
    const answer = await json('/key/list?return_full_object=true');
    const keys = (answer.keys ?? []).map((key) => (typeof key === 'string' ? { token: key } : key));
    fill(byId('key-table'), keys, { heading: 'Delete', cell: deleteButton });
    notice.textContent = done ?? `${keys.length} keys.`;
    byId('keys-content').hidden = false;
  } catch (error) {
    notice.textContent = explain(error, 'Keys and teams');
    byId('keys-content').hidden = true;
  }
}

function deleteButton(key) {
  const name = key.key_alias ?? key.token;
  const button = element('button', { type: 'button', 'aria-label': `Delete ${name}` }, 'Delete');
  button.addEventListener('click', () => act(() => json('/key/delete', { keys: [key.token] }), `Deleted ${name}.`));
  return button;
}

async function createKey(event) {
  event.preventDefault();
  const request = {};
  const alias = byId('key-alias').value.trim();
  const team = byId('key-team').value.trim();
  const budget = byId('key-budget').value;
  const models = byId('key-models').value.split(',').map((model) => model.trim()).filter(Boolean);
  if (alias) request.key_alias = alias;
  if (team) request.team_id = team;
  if (budget !== '') request.max_budget = Number(budget);
  if (models.length > 0) request.models = models;
  await act(async () => {
    const created = await json('/key/generate', request);
    byId('new-key-value').textContent = created.key;
    byId('new-key').hidden = false;
  }, 'Key created.');
}

async function createTeam(event) {
  event.preventDefault();
  const request = { team_alias: byId('team-alias').value.trim() };
  const budget = byId('team-budget').value;
  if (budget !== '') request.max_budget = Number(budget);
  await act(() => json('/team/new', request), `Team ${request.team_alias} created.`);
}

async function act(action, done) {
  const notice = byId('keys-notice');
  try {
    await action();
  } catch (error) {
    notice.textContent = explain(error, 'Keys and teams');
    return;
  }
  await load(done);
}

byId('key-form').addEventListener('submit', createKey);
byId('team-form').addEventListener('submit', createTeam);
