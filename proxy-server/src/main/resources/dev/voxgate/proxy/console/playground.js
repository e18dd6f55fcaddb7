// The playground: one transcription through the proxy, with what the router did for it read from the answer's
// own headers (x-voxgate-*), so the page shows exactly what any client would have been told.
import { ApiError, call, element, explain, json } from './api.js';
import { cues } from './subtitles.js';

const byId = (id) => document.getElementById(id);
let groupsLoaded = false;
let recorder = null;
let recording = null;

export function show() {
  if (!groupsLoaded) {
    loadGroups();
  }
}

export function hide() {
  if (recorder !== null && recorder.state === 'recording') {
    recorder.stop();
  }
}

async function loadGroups() {
  const select = byId('model-group');
  try {
    const models = await json('/v1/models');
    select.replaceChildren(...models.data.map((model) => element('option', { value: model.id }, model.id)));
    groupsLoaded = true;
  } catch (error) {
    byId('playground-error').textContent = explain(error, 'The model list');
  }
}

async function toggleRecording() {
  const button = byId('record');
  const status = byId('recording');
  if (recorder !== null && recorder.state === 'recording') {
    recorder.stop();
    return;
  }
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  } catch (error) {
    status.textContent = `No microphone: ${error.message}`;
    return;
  }
  const chunks = [];
  const started = performance.now();
  recorder = new MediaRecorder(stream);
  recorder.addEventListener('dataavailable', (event) => chunks.push(event.data));
  recorder.addEventListener('stop', () => {
    stream.getTracks().forEach((track) => track.stop());
    const type = recorder.mimeType || 'audio/webm';
    recording = new File(chunks, `recording.${type.includes('ogg') ? 'ogg' : 'webm'}`, { type });
    byId('audio-file').value = '';
    status.textContent = `Recorded ${((performance.now() - started) / 1000).toFixed(1)} s; it is sent unless you `
      + 'choose a file.';
    button.textContent = 'Record from microphone';
  });
  recorder.start();
  recording = null;
  status.textContent = 'Recording…';
  button.textContent = 'Stop recording';
}

async function transcribe(event) {
  event.preventDefault();
  const error = byId('playground-error');
  const file = byId('audio-file').files[0] ?? recording;
  error.textContent = '';
  if (!file) {
    error.textContent = 'Choose an audio file or record one first.';
    return;
  }
  const format = byId('response-format').value;
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('model', byId('model-group').value);
  form.append('response_format', format);
  const language = byId('language').value.trim();
  if (language) {
    form.append('language', language);
  }
  const button = byId('transcribe');
  button.disabled = true;
  const started = performance.now();
  try {
    const response = await call('/v1/audio/transcriptions', { method: 'POST', body: form });
    const body = await response.text();
    showAnswer(format, body);
    showRouting(response.headers, performance.now() - started);
  } catch (failure) {
    error.textContent = `Not transcribed: ${explain(failure, 'Transcription')}`;
    byId('transcript').textContent = '';
    showCues(format, []);
    if (failure instanceof ApiError) {
      showRouting(failure.response.headers, performance.now() - started);
    }
  } finally {
    button.disabled = false;
  }
}

function showAnswer(format, body) {
  const timed = cues(format, body);
  const text = format === 'json' || format === 'verbose_json' ? JSON.parse(body).text
    : format === 'text' ? body : timed.map((cue) => cue.text).join('\n');
  byId('transcript').textContent = text;
  showCues(format, timed);
}

function showCues(format, timed) {
  byId('subtitles').replaceChildren(...timed.map((cue) => element('li', {},
    element('span', { class: 'time' }, `${clock(cue.start)} – ${clock(cue.end)}`), ' ', cue.text)));
  byId('subtitles-note').textContent = timed.length > 0 ? ''
    : `No timings in a ${format} answer: choose verbose_json, srt or vtt for them.`;
}

function showRouting(headers, roundTripMs) {
  const rows = [
    ['Deployment', headers.get('x-voxgate-deployment-id') ?? 'none answered'],
    ['Model group', headers.get('x-voxgate-model-group')],
    ['Retries', headers.get('x-voxgate-attempted-retries')],
    ['Fallbacks', headers.get('x-voxgate-attempted-fallbacks')],
    ['Latency', latency(headers.get('x-voxgate-response-duration-ms'), roundTripMs)],
    ['Cost', headers.has('x-voxgate-response-cost') ? `$${headers.get('x-voxgate-response-cost')}` : null],
    ['Left out', headers.get('x-voxgate-left-out-deployments')],
    ['From the cache', headers.get('x-voxgate-cache-hit')],
    ['Request id', headers.get('x-request-id')],
  ];
  byId('answered').replaceChildren(...rows.filter(([, value]) => value !== null)
    .flatMap(([name, value]) => [element('dt', {}, name), element('dd', {}, value)]));
}

function latency(proxyMs, roundTripMs) {
  const roundTrip = `${Math.round(roundTripMs)} ms round trip`;
  return proxyMs === null ? roundTrip : `${proxyMs} ms in the proxy, ${roundTrip}`;
}

function clock(seconds) {
  const minutes = Math.floor(seconds / 60);
  return `${String(minutes).padStart(2, '0')}:${(seconds - minutes * 60).toFixed(2).padStart(5, '0')}`;
}

byId('playground-form').addEventListener('submit', transcribe);
byId('record').addEventListener('click', toggleRecording);
byId('audio-file').addEventListener('change', () => {
  byId('recording').textContent = '';
});
