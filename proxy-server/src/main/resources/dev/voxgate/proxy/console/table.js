// A table of JSON rows and their CSV, for the pages that list what the database holds.
import { element } from './api.js';

/** Every field any row has, in the order they are first met. */
export function columns(rows) {
  return [...new Set(rows.flatMap((row) => Object.keys(row)))];
}

/**
 * Fills {@code table} with a header row and one row per object: the fields {@code names} (every field when null);
 * {@code extra} adds a cell of its own to each row.
 */
export function fill(table, rows, { names = columns(rows), extra = null } = {}) {
  const head = element('tr', {}, ...names.map((name) => element('th', { scope: 'col' }, name)));
  if (extra !== null) {
    head.append(element('th', { scope: 'col' }, extra.heading));
  }
  const body = rows.map((row) => {
    const tr = element('tr', {}, ...names.map((name) => element('td', {}, text(row[name]))));
    if (extra !== null) {
      tr.append(element('td', {}, extra.cell(row)));
    }
    return tr;
  });
  table.replaceChildren(element('thead', {}, head), element('tbody', {}, ...body));
}

/** RFC 4180 CSV of the rows. */
export function csv(rows) {
  const names = columns(rows);
  const quote = (value) => `"${text(value).replaceAll('"', '""')}"`;
  return [names.map(quote).join(','), ...rows.map((row) => names.map((name) => quote(row[name])).join(','))]
    .join('\r\n');
}

/** US dollars as the proxy writes them: up to six decimals, no trailing zeros ($0.000592, $0.0006, $0). */
export function dollars(amount) {
  return `$${Number(Number(amount ?? 0).toFixed(6))}`;
}

/** Audio seconds as hours, to four decimals (a second is 0.0003 h). */
export function hours(seconds) {
  return `${Number((Number(seconds ?? 0) / 3600).toFixed(4))} h`;
}

function text(value) {
  if (value === null || value === undefined) {
    return '';
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
