// Spend from GET /spend/logs: totals per day, key, team and model group as bars and tables, the rows themselves, and
// their CSV. The master key chooses among every key and team; a virtual key's rows are its own (the route sees to it).
import { KEY_LIST, element, explain, json, needsMasterKey } from './api.js';
import { bars } from './charts.js';
import { csv, dollars, fill, hours } from './table.js';

// The proxy's own cap on rows per call (SpendQuery.MAX_LIMIT): more than this in a range is said, not hidden.
const LIMIT = 10_000;
const DAY_MS = 86_400_000;
const DAYS_DRAWN = 92;
const byId = (id) => document.getElementById(id);
let rows = [];
let range = null;
let teamAliases = new Map();
let loaded = false;

// The choices are read again at each showing (a key made meanwhile is among them); the spend the first time only.
export async function show() {
  const first = !loaded;
  loaded = true;
  if (first) {
    const today = new Date();
    byId('spend-to').value = day(today);
    byId('spend-from').value = day(new Date(today.getTime() - 6 * DAY_MS));
  }
  await filters();
  if (first) {
    load();
  }
}

export function hide() {
}

// The choices of key, team and model group; a virtual key may list neither keys nor teams, and needs neither.
async function filters() {
  const [keys, teams, models] = await Promise.allSettled([json(KEY_LIST),
    json('/team/list'), json('/v1/models')]);
  const own = keys.status === 'rejected' && needsMasterKey(keys.reason);
  byId('spend-own').hidden = !own;
  for (const id of ['spend-key', 'spend-team']) {
    byId(id).disabled = own;
  }
  if (keys.status === 'fulfilled') {
    choices('spend-key', keys.value.keys.map((key) => [key.token, key.key_alias ?? key.key_name]));
  }
  if (teams.status === 'fulfilled') {
    teamAliases = new Map(teams.value.map((team) => [team.team_id, team.team_alias ?? team.team_id]));
    choices('spend-team', [...teamAliases]);
  }
  if (models.status === 'fulfilled') {
    choices('spend-group', models.value.data.map((model) => [model.id, model.id]));
  }
}

function choices(id, options) {
  const select = byId(id);
  const chosen = select.value;
  select.replaceChildren(element('option', { value: '' }, 'any'),
    ...options.map(([value, label]) => element('option', { value }, label)));
  select.value = options.some(([value]) => value === chosen) ? chosen : '';
}

async function load(event) {
  event?.preventDefault();
  // Only token hashes, team ids, group names and days go in the URL: never a key.
  const chosen = { start_date: 'spend-from', end_date: 'spend-to', api_key: 'spend-key', team_id: 'spend-team',
    model_group: 'spend-group' };
  const query = new URLSearchParams({ limit: LIMIT });
  for (const [param, id] of Object.entries(chosen)) {
    if (!byId(id).disabled && byId(id).value) {
      query.set(param, byId(id).value);
    }
  }
  const notice = byId('spend-notice');
  notice.textContent = 'Reading spend…';
  try {
    rows = await json(`/spend/logs?${query}`);
    range = { from: byId('spend-from').value, to: byId('spend-to').value };
    const total = rows.reduce((sum, row) => sum + Number(row.spend), 0);
    notice.textContent = `${rows.length} requests, ${dollars(total)}`
      + (rows.length === LIMIT ? `: the latest ${LIMIT} only; choose a shorter range for all of them.` : '.');
    render();
    byId('spend-results').hidden = false;
  } catch (error) {
    notice.textContent = explain(error, 'Spend');
    byId('spend-results').hidden = true;
  }
}

function render() {
  const groupings = [
    ['day', (row) => row.startTime.slice(0, 10), days()],
    ['key', (row) => row.key_alias ?? row.api_key],
    ['team', (row) => (row.team_id === null ? null : teamAliases.get(row.team_id) ?? row.team_id)],
    ['model group', (row) => row.model_group]];
  byId('spend-summaries').replaceChildren(...groupings.map(([what, nameOf, names]) => summary(what, nameOf, names)));
  fill(byId('spend-table'), rows);
}

// Every day of the range in order, so a day without calls shows as one; none for a range too long to draw.
function days() {
  const from = Date.parse(range.from);
  const to = Date.parse(range.to);
  if (Number.isNaN(from) || Number.isNaN(to) || to < from || (to - from) / DAY_MS >= DAYS_DRAWN) {
    return [];
  }
  return Array.from({ length: (to - from) / DAY_MS + 1 }, (_, index) => day(new Date(from + index * DAY_MS)));
}

function summary(what, nameOf, names = []) {
  const totals = new Map(names.map((name) => [name, { spend: 0, audio: 0, requests: 0 }]));
  for (const row of rows) {
    const name = nameOf(row) ?? '(none)';
    const total = totals.get(name) ?? { spend: 0, audio: 0, requests: 0 };
    total.spend += Number(row.spend);
    total.audio += Number(row.audio_seconds ?? 0);
    total.requests += 1;
    totals.set(name, total);
  }
  const named = what === 'day' ? [...totals] : [...totals].sort(([, a], [, b]) => b.spend - a.spend);
  const said = (figure) => named.map(([name, total]) => `${name} ${figure(total)}`).join(', ') || 'no requests';
  const table = element('table', { class: 'table', 'aria-label': `Spend per ${what}` });
  fill(table, named.map(([name, total]) => ({ [what]: name, spend: dollars(total.spend),
    'audio hours': hours(total.audio), requests: total.requests })));
  return element('section', { class: 'panel', 'aria-label': `Per ${what}` }, element('h3', {}, `Per ${what}`),
    element('div', { class: 'charts' },
      element('figure', {}, bars(named.map(([, total]) => total.spend),
        `Spend per ${what}: ${said((total) => dollars(total.spend))}`), element('figcaption', {}, 'spend')),
      element('figure', {}, bars(named.map(([, total]) => total.audio),
        `Audio hours per ${what}: ${said((total) => hours(total.audio))}`), element('figcaption', {}, 'audio hours'))),
    table);
}

function download() {
  const link = element('a', { download: `voxgate-spend-${range.from || 'start'}-to-${range.to || 'now'}.csv` });
  link.href = URL.createObjectURL(new Blob([csv(rows)], { type: 'text/csv' }));
  link.click();
  // Revoked once the browser has taken the file, not before.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

function day(date) {
  return date.toISOString().slice(0, 10);
}

byId('spend-form').addEventListener('submit', load);
byId('spend-csv').addEventListener('click', download);
