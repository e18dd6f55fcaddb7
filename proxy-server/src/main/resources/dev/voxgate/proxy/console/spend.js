// Spend from GET /spend/logs (issue 18), which needs a database; without one the page says so.
// The row fields below are the ones issue 18's spend logs were planned with: check them against its routes.
import { element, explain, json } from './api.js';
import { csv, fill } from './table.js';

const FIELDS = { start: 'startTime', key: 'key_alias', team: 'team_id', group: 'model_group', spend: 'spend',
  audio: 'audio_seconds' };
const byId = (id) => document.getElementById(id);
let rows = [];
let loaded = false;

export function show() {
  if (!loaded) {
    const today = new Date();
    byId('spend-to').value = day(today);
    byId('spend-from').value = day(new Date(today.getTime() - 6 * 86_400_000));
    load();
  }
}

export function hide() {
}

async function load(event) {
  event?.preventDefault();
  loaded = true;
  const filters = { start_date: 'spend-from', end_date: 'spend-to', api_key: 'spend-key', team_id: 'spend-team',
    model_group: 'spend-group' };
  const query = new URLSearchParams();
  for (const [param, id] of Object.entries(filters)) {
    const value = byId(id).value.trim();
    if (value) {
      query.set(param, value);
    }
  }
  const notice = byId('spend-notice');
  notice.textContent = 'Reading spend…';
  try {
    const body = await json(`/spend/logs?${query}`);
    rows = Array.isArray(body) ? body : body.data ?? [];
    notice.textContent = `${rows.length} requests.`;
    render();
    byId('spend-results').hidden = false;
  } catch (error) {
    notice.textContent = explain(error, 'Spend');
    byId('spend-results').hidden = true;
  }
}

function render() {
  const by = [['Per day', (row) => String(row[FIELDS.start] ?? '').slice(0, 10)], ['Per key', (row) => row[FIELDS.key]],
    ['Per team', (row) => row[FIELDS.team]], ['Per model group', (row) => row[FIELDS.group]]];
  byId('spend-summaries').replaceChildren(...by.map(([title, keyOf]) => summary(title, keyOf)));
  fill(byId('spend-table'), rows);
}

function summary(title, keyOf) {
  const totals = new Map();
  for (const row of rows) {
    const name = keyOf(row) || '(none)';
    const total = totals.get(name) ?? { spend: 0, audio: 0 };
    total.spend += Number(row[FIELDS.spend] ?? 0);
    total.audio += Number(row[FIELDS.audio] ?? 0);
    totals.set(name, total);
  }
  const table = element('table', { class: 'table', 'aria-label': `Spend ${title.toLowerCase()}` });
  fill(table, [...totals].map(([name, total]) => ({ [title.slice(4)]: name, 'spend (USD)': total.spend.toFixed(6),
    'audio hours': (total.audio / 3600).toFixed(3) })));
  return element('section', { class: 'panel' }, element('h3', {}, title), table);
}

function download() {
  const link = element('a', { download: 'voxgate-spend.csv' });
  link.href = URL.createObjectURL(new Blob([csv(rows)], { type: 'text/csv' }));
  link.click();
  URL.revokeObjectURL(link.href);
}

function day(date) {
  return date.toISOString().slice(0, 10);
}

byId('spend-form').addEventListener('submit', load);
byId('spend-csv').addEventListener('click', download);
