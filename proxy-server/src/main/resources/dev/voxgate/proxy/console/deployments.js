// Every group and deployment as the router sees it now, from GET /model/info, read again every few seconds while the
// page shows. The error-rate line is this page's own record of the router's failures-this-minute at each reading.
import { element, explain, json } from './api.js';
import { sparkline } from './charts.js';

const REFRESH_MS = 3000;
const READINGS_KEPT = 40;
const byId = (id) => document.getElementById(id);
const errorRates = new Map();
let timer = null;
let showing = false;
// Each showing of the page has its own round of readings; a reading still under way from an earlier one stops.
let round = 0;

export function show() {
  if (!showing) {
    showing = true;
    round += 1;
    refresh(round);
  }
}

export function hide() {
  showing = false;
  clearTimeout(timer);
}

async function refresh(mine) {
  try {
    const info = await json('/model/info');
    if (mine !== round || !showing) {
      return;
    }
    byId('deployment-rows').replaceChildren(...info.data.map(row));
    byId('deployments-error').textContent = '';
    byId('deployments-updated').textContent = `Read at ${new Date().toLocaleTimeString()}.`;
  } catch (error) {
    byId('deployments-error').textContent = explain(error, 'Deployments');
  }
  if (mine === round && showing) {
    timer = setTimeout(() => refresh(mine), REFRESH_MS);
  }
}

function row(entry) {
  const info = entry.model_info;
  const status = info.status;
  return element('tr', { 'data-deployment': info.id },
    element('td', {}, entry.model_name),
    element('th', { scope: 'row' }, info.id),
    element('td', {}, info.litellm_provider),
    element('td', {}, capabilities(info.capabilities)),
    state(status),
    element('td', { class: 'number' }, String(status.in_flight)),
    element('td', {}, latencyChart(status.recent_latencies_ms)),
    element('td', {}, errorChart(info.id, status)));
}

function capabilities(can) {
  const parts = [can.tasks.join(', '), `formats: ${can.response_formats.join(', ')}`];
  if (can.streaming) {
    parts.push('streaming');
  }
  if (can.timestamp_granularities.length > 0) {
    parts.push(`timestamps: ${can.timestamp_granularities.join(', ')}`);
  }
  if (can.diarization) {
    parts.push('diarization');
  }
  return parts.join('; ');
}

function state(status) {
  if (status.resting) {
    const failure = status.last_failure === null ? '' : ` after ${status.last_failure}`;
    return element('td', { class: 'state resting' },
      `resting until ${new Date(status.resting_until).toLocaleTimeString()}${failure}`);
  }
  if (status.at_limit !== null) {
    return element('td', { class: 'state limited' }, `at its limit: ${status.at_limit}`);
  }
  return element('td', { class: 'state serving' }, 'serving');
}

function latencyChart(latencies) {
  if (latencies.length === 0) {
    return element('span', { class: 'muted' }, 'no answers yet');
  }
  const latest = Math.round(latencies[latencies.length - 1]);
  const sorted = [...latencies].sort((a, b) => a - b);
  const median = Math.round(sorted[Math.floor(sorted.length / 2)]);
  const label = `Latency of its last ${latencies.length} answers: latest ${latest} ms, median ${median} ms`;
  return element('span', { class: 'chart' }, sparkline(latencies, label), ` ${latest} ms`);
}

function errorChart(id, status) {
  const readings = errorRates.get(id) ?? [];
  const rate = status.requests_this_minute > 0 ? status.failures_this_minute / status.requests_this_minute : 0;
  readings.push(rate);
  readings.splice(0, Math.max(0, readings.length - READINGS_KEPT));
  errorRates.set(id, readings);
  const percent = Math.round(rate * 100);
  const label = `Error rate this minute: ${status.failures_this_minute} of ${status.requests_this_minute} `
    + `attempts failed (${percent}%)`;
  return element('span', { class: 'chart' }, sparkline(readings, label, 1), ` ${percent}%`);
}
