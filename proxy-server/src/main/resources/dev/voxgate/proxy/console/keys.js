// Keys and teams through LiteLLM's routes, for the master key: list, create (the new key shown once), change and
// delete. A virtual key may read only its own /key/info, so that is what it is shown.
import { KEY_LIST, element, explain, json, needsMasterKey } from './api.js';
import { dollars, fill } from './table.js';
import { askFirst, fields, settings } from './settings.js';

const KEY_COLUMNS = ['key_name', 'key_alias', 'team', 'models', 'max_budget', 'budget_duration', 'spend',
  'rpm_limit', 'tpm_limit', 'max_parallel_requests', 'expires', 'created_at'];
const TEAM_COLUMNS = ['team_id', 'team_alias', 'models', 'max_budget', 'budget_duration', 'spend', 'rpm_limit',
  'tpm_limit', 'max_parallel_requests', 'created_at'];
const KEY_SETTINGS = ['key_alias', 'team_id', 'models', 'max_budget', 'budget_duration', 'rpm_limit', 'tpm_limit',
  'max_parallel_requests'];
const TEAM_SETTINGS = ['team_alias', 'models', 'max_budget', 'budget_duration', 'rpm_limit', 'tpm_limit',
  'max_parallel_requests'];
const byId = (id) => document.getElementById(id);
let loaded = false;
let changing = null;

export function show() {
  if (!loaded) {
    load();
  }
}

export function hide() {
  for (const dialog of document.querySelectorAll('#keys dialog[open]')) {
    dialog.close();
  }
}

// Lists keys and teams; {@code done} (what was just done) is said instead of the counts.
async function load(done = null) {
  loaded = true;
  const notice = byId('keys-notice');
  try {
    const [answer, teams] = await Promise.all([json(KEY_LIST), json('/team/list')]);
    const aliases = new Map(teams.map((team) => [team.team_id, team.team_alias ?? team.team_id]));
    fill(byId('key-table'), answer.keys.map((key) => shown(key, aliases)), { names: KEY_COLUMNS,
      extra: { heading: 'Actions', cell: keyActions } });
    fill(byId('team-table'), teams.map((team) => shown(team)), { names: TEAM_COLUMNS,
      extra: { heading: 'Actions', cell: teamActions } });
    const choices = [['', 'none'], ...aliases];
    for (const select of document.querySelectorAll('#keys select[data-setting="team_id"]')) {
      select.replaceChildren(...choices.map(([value, label]) => element('option', { value }, label)));
    }
    const more = answer.total_count > answer.keys.length ? ` (the first ${answer.keys.length} shown)` : '';
    notice.textContent = done ?? `${answer.total_count} keys${more}, ${teams.length} teams.`;
    byId('keys-content').hidden = false;
  } catch (error) {
    byId('keys-content').hidden = true;
    if (needsMasterKey(error)) {
      await ownKey(notice);
    } else {
      notice.textContent = explain(error, 'Keys and teams');
    }
  }
}

async function ownKey(notice) {
  try {
    const { info } = await json('/key/info');
    fill(byId('own-key-table'), [shown(info)], { names: KEY_COLUMNS });
    notice.textContent = `Signed in with a virtual key: this is its own key, which has spent ${dollars(info.spend)}. `
      + 'Keys and teams are managed with the master key.';
    byId('own-key').hidden = false;
  } catch (error) {
    notice.textContent = explain(error, 'Keys and teams');
  }
}

// A key or team as its row reads: its team by alias where known; no model groups means every group, not none.
function shown(keyOrTeam, aliases = new Map()) {
  return { ...keyOrTeam, team: aliases.get(keyOrTeam.team_id) ?? keyOrTeam.team_id,
    models: keyOrTeam.models.length === 0 ? 'all' : keyOrTeam.models.join(', ') };
}

function name(key) {
  return key.key_alias ?? key.key_name;
}

function keyActions(key) {
  const change = element('button', { type: 'button', 'aria-label': `Change ${name(key)}` }, 'Change');
  change.addEventListener('click', () => openChange(key));
  const remove = element('button', { type: 'button', 'aria-label': `Delete ${name(key)}` }, 'Delete');
  remove.addEventListener('click', async () => {
    if (await askFirst(`Delete the key ${name(key)}? Calls with it are refused from now on.`, 'Delete key')) {
      await act(() => json('/key/delete', { keys: [key.token] }), `Deleted ${name(key)}.`);
    }
  });
  return element('span', { class: 'actions' }, change, ' ', remove);
}

function teamActions(team) {
  const alias = team.team_alias ?? team.team_id;
  const remove = element('button', { type: 'button', 'aria-label': `Delete team ${alias}` }, 'Delete');
  remove.addEventListener('click', async () => {
    if (await askFirst(`Delete the team ${alias} and every key of it?`, 'Delete team')) {
      await act(() => json('/team/delete', { team_ids: [team.team_id] }), `Deleted team ${alias}.`);
    }
  });
  return remove;
}

function openChange(key) {
  changing = key;
  byId('key-change-title').textContent = `Change ${name(key)}`;
  for (const input of byId('key-change-fields').querySelectorAll('[data-setting]')) {
    const value = key[input.dataset.setting];
    input.value = value === null || value === undefined ? '' : Array.isArray(value) ? value.join(', ') : value;
  }
  byId('key-change').showModal();
}

async function saveChange(event) {
  event.preventDefault();
  // Model groups are always sent, as shown: emptied, they mean every group.
  const request = { key: changing.token, models: [], ...settings(byId('key-change-fields')) };
  const done = `Changed ${name(changing)}.`;
  byId('key-change').close();
  await act(() => json('/key/update', request), done);
}

async function createKey(event) {
  event.preventDefault();
  await act(async () => {
    const created = await json('/key/generate', settings(byId('key-fields')));
    byId('key-form').reset();
    byId('new-key-value').textContent = created.key;
    byId('copy-status').textContent = '';
    byId('new-key').showModal();
  }, 'Key created.');
}

async function copyKey() {
  const status = byId('copy-status');
  try {
    await navigator.clipboard.writeText(byId('new-key-value').textContent);
    status.textContent = 'Copied.';
  } catch (error) {
    status.textContent = `Not copied (${error.message}): select the key and copy it yourself.`;
  }
}

async function createTeam(event) {
  event.preventDefault();
  const request = settings(byId('team-fields'));
  await act(async () => {
    await json('/team/new', request);
    byId('team-form').reset();
  }, `Team ${request.team_alias ?? ''} created.`);
}

async function act(action, done) {
  try {
    await action();
  } catch (error) {
    byId('keys-notice').textContent = explain(error, 'Keys and teams');
    return;
  }
  await load(done);
}

fields(byId('key-fields'), 'new', KEY_SETTINGS);
fields(byId('key-change-fields'), 'change', KEY_SETTINGS);
fields(byId('team-fields'), 'team', TEAM_SETTINGS);
byId('key-form').addEventListener('submit', createKey);
byId('key-change-form').addEventListener('submit', saveChange);
byId('key-change-cancel').addEventListener('click', () => byId('key-change').close());
byId('team-form').addEventListener('submit', createTeam);
byId('copy-key').addEventListener('click', copyKey);
byId('close-new-key').addEventListener('click', () => byId('new-key').close());
// Shown once: however the dialog closes (its button, Escape, leaving the page), the key leaves the page with it.
byId('new-key').addEventListener('close', () => {
  byId('new-key-value').textContent = '';
  byId('copy-status').textContent = '';
});
