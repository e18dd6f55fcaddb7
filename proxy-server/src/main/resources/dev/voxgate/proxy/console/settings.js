// The settings a key and a team share, under LiteLLM's names, as form fields; and the one question asked before a
// deletion.
import { element } from './api.js';

const SETTINGS = {
  key_alias: { label: 'Key alias', kind: 'text' },
  team_alias: { label: 'Team alias', kind: 'text' },
  team_id: { label: 'Team', kind: 'team' },
  models: { label: 'Model groups', kind: 'list', placeholder: 'all, or comma-separated' },
  max_budget: { label: 'Max budget (USD)', kind: 'number', step: 'any' },
  budget_duration: { label: 'Budget duration', kind: 'text', placeholder: 'never resets, or e.g. 30d, 1h' },
  rpm_limit: { label: 'Requests per minute', kind: 'number', step: '1' },
  tpm_limit: { label: 'Audio seconds per minute', kind: 'number', step: '1' },
  max_parallel_requests: { label: 'Parallel requests', kind: 'number', step: '1' },
};

/** Puts a labelled field for each of {@code names} into {@code container}, their ids starting {@code prefix}. */
export function fields(container, prefix, names) {
  for (const name of names) {
    const setting = SETTINGS[name];
    const id = `${prefix}-${name.replaceAll('_', '-')}`;
    const input = setting.kind === 'team' ? element('select', { id }, element('option', { value: '' }, 'none'))
      : element('input', { id, spellcheck: 'false', ...(setting.kind === 'number'
        ? { type: 'number', min: '0', step: setting.step } : {}),
      ...(setting.placeholder ? { placeholder: setting.placeholder } : {}) });
    input.dataset.setting = name;
    container.append(element('label', { for: id }, setting.label), input);
  }
}

/** The filled-in fields of {@code container} as a request body: a blank field is left out. */
export function settings(container) {
  const request = {};
  for (const input of container.querySelectorAll('[data-setting]')) {
    const value = input.value.trim();
    const kind = SETTINGS[input.dataset.setting].kind;
    if (value === '') {
      continue;
    }
    request[input.dataset.setting] = kind === 'number' ? Number(value)
      : kind === 'list' ? value.split(',').map((part) => part.trim()).filter(Boolean) : value;
  }
  return request;
}

/** Whether the user, asked {@code question} in the page's dialog, chose {@code action} rather than Cancel. */
export function askFirst(question, action) {
  const dialog = document.getElementById('ask-first');
  document.getElementById('ask-first-question').textContent = question;
  const yes = document.getElementById('ask-first-yes');
  yes.textContent = action;
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'yes'), { once: true });
  });
}

document.getElementById('ask-first-yes').addEventListener('click', () => {
  document.getElementById('ask-first').close('yes');
});
document.getElementById('ask-first-no').addEventListener('click', () => document.getElementById('ask-first').close());
