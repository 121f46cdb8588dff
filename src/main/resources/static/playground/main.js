// The optlab playground: everything a person does here is an ordinary call to the public API
// (catalog, landscapes, comparisons, sweeps through plots, runs as CSV), so the page doubles as a
// worked example of it. The state lives in the URL's hash, so a link reproduces the picture.
import { ApiError, curl, download, getJson, post, postText } from './api.js';
import { PALETTE, fmt } from './graphics.js';
import { parameterForm } from './forms.js';
import { LandscapeView, drawLosses } from './views.js';

const $ = (id) => document.getElementById(id);
const catalog = { objectives: [], optimizers: [], schedules: [] };
const DEFAULT_STATE = {
  objective: 'rosenbrock',
  objectiveParams: {},
  start: null,
  optimizers: [
    { name: 'adam', label: 'Adam', params: { learningRate: '0.02' } },
    { name: 'sgd', label: 'SGD+momentum', params: { learningRate: '0.001', momentum: '0.9' } },
  ],
  schedule: 'constant',
  scheduleParams: {},
  iterations: '1000',
  recordEvery: '',
  seed: '0',
  sweep: null,
};

let objectiveForm = null;
let scheduleForm = null;
let cards = [];
let view = null;
let landscapeReady = Promise.resolve();
let landscapeKey = '';
let hasResults = false;

function entry(kind, name) {
  return catalog[kind].find((e) => e.name === name);
}

// ---- state <-> form ----------------------------------------------------------------------------

function currentState() {
  return {
    objective: $('objective').value,
    objectiveParams: objectiveForm ? objectiveForm.raw() : {},
    start: [$('start-x').value, $('start-y').value],
    optimizers: cards.map((c) => ({ name: c.name, label: c.labelInput.value, params: c.form.raw() })),
    schedule: $('schedule').value,
    scheduleParams: scheduleForm ? scheduleForm.raw() : {},
    iterations: $('iterations').value,
    recordEvery: $('record-every').value,
    seed: $('seed').value,
    sweep: {
      optimizer: $('sweep-optimizer').value,
      x: $('sweep-x-parameter').value,
      xValues: $('sweep-x-values').value,
      y: $('sweep-y-parameter').value,
      yValues: $('sweep-y-values').value,
    },
  };
}

function applyState(state) {
  const s = { ...DEFAULT_STATE, ...state };
  $('objective').value = entry('objectives', s.objective) ? s.objective : 'rosenbrock';
  buildObjectiveForm(s.objectiveParams || {});
  const objective = entry('objectives', $('objective').value);
  const start = Array.isArray(s.start) && s.start.length === 2 ? s.start : objective.defaultInitialPoint.slice(0, 2);
  $('start-x').value = start[0];
  $('start-y').value = start[1];
  cards = [];
  renderCards((s.optimizers || []).filter((o) => entry('optimizers', o.name)));
  $('schedule').value = entry('schedules', s.schedule) ? s.schedule : 'constant';
  buildScheduleForm(s.scheduleParams || {});
  $('iterations').value = s.iterations ?? '1000';
  $('record-every').value = s.recordEvery ?? '';
  $('seed').value = s.seed ?? '0';
  refreshSweepOptions(s.sweep);
}

function readHash() {
  if (location.hash.length < 2) return null;
  try {
    return JSON.parse(decodeURIComponent(location.hash.slice(1)));
  } catch {
    return null;
  }
}

let hashTimer = 0;
function saveHash() {
  clearTimeout(hashTimer);
  hashTimer = setTimeout(() => {
    history.replaceState(null, '', `#${encodeURIComponent(JSON.stringify(currentState()))}`);
  }, 150);
}

// ---- forms ---------------------------------------------------------------------------------------

function buildObjectiveForm(given) {
  const objective = entry('objectives', $('objective').value);
  objectiveForm = parameterForm($('objective-params'), objective.parameters, 'objective', given, ['dimension']);
  $('objective-rule').textContent = `${objective.title}: ${objective.rule}`;
  $('objective-rule').title = objective.description;
}

function buildScheduleForm(given) {
  const schedule = entry('schedules', $('schedule').value);
  scheduleForm = parameterForm($('schedule-params'), schedule.parameters, 'schedule', given);
  $('schedule').title = `${schedule.title}: ${schedule.rule}`;
}

/** (Re)draws every optimizer card, so that field paths follow the cards' order. */
function renderCards(states) {
  const host = $('optimizers');
  host.replaceChildren();
  cards = states.map((state, index) => makeCard(state, index));
  cards.forEach((card) => host.appendChild(card.element));
  refreshSweepOptions();
}

function makeCard(state, index) {
  const spec = entry('optimizers', state.name);
  const element = document.createElement('div');
  element.className = 'optimizer-card';
  element.dataset.field = `optimizers[${index}]`;
  element.style.setProperty('--color', PALETTE[index % PALETTE.length]);
  const head = document.createElement('div');
  head.className = 'head';
  const nameLabel = document.createElement('label');
  nameLabel.className = 'field';
  nameLabel.innerHTML = '<span class="name">optimizer</span>';
  const select = document.createElement('select');
  select.dataset.field = `optimizers[${index}].name`;
  for (const o of standaloneOptimizers()) select.add(new Option(o.title, o.name));
  select.value = state.name;
  nameLabel.appendChild(select);
  const labelLabel = document.createElement('label');
  labelLabel.className = 'field';
  labelLabel.innerHTML = '<span class="name">label</span>';
  const labelInput = document.createElement('input');
  labelInput.dataset.field = `optimizers[${index}].label`;
  labelInput.placeholder = state.name;
  labelInput.value = state.label || '';
  labelInput.autocomplete = 'off';
  labelLabel.appendChild(labelInput);
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'remove';
  remove.textContent = '×';
  remove.title = 'Remove this optimizer';
  remove.setAttribute('aria-label', `remove optimizer ${index + 1}`);
  head.append(nameLabel, labelLabel, remove);
  const params = document.createElement('div');
  params.className = 'params';
  element.append(head, params);
  element.title = `${spec.title}: ${spec.rule}`;
  const card = { name: state.name, element, labelInput, form: parameterForm(params, spec.parameters, `optimizers[${index}]`, state.params || {}) };
  select.addEventListener('change', () => {
    const states = cards.map((c) => ({ name: c.name, label: c.labelInput.value, params: c.form.raw() }));
    states[index] = { name: select.value, label: '', params: {} };
    renderCards(states);
    saveHash();
  });
  remove.addEventListener('click', () => {
    const states = cards.map((c) => ({ name: c.name, label: c.labelInput.value, params: c.form.raw() }));
    states.splice(index, 1);
    renderCards(states);
    saveHash();
  });
  return card;
}

function standaloneOptimizers() {
  // Composites (switch, lookahead) wrap other specs; they are for the API, not these forms.
  return catalog.optimizers.filter((o) => !(o.nestedOptimizers && o.nestedOptimizers.length));
}

// ---- requests ------------------------------------------------------------------------------------

function numberOrRaw(text) {
  const t = String(text).trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/** The run fields shared by comparisons, sweeps, plots and single runs. */
function sharedFields() {
  const body = { objective: { name: $('objective').value, ...objectiveForm.values() } };
  const x = numberOrRaw($('start-x').value);
  const y = numberOrRaw($('start-y').value);
  if (x !== undefined || y !== undefined) body.initialPoint = [x ?? null, y ?? null];
  const schedule = scheduleForm.values();
  if ($('schedule').value !== 'constant' || Object.keys(schedule).length) body.schedule = { name: $('schedule').value, ...schedule };
  const iterations = numberOrRaw($('iterations').value);
  if (iterations !== undefined) body.iterations = iterations;
  const every = numberOrRaw($('record-every').value);
  if (every !== undefined) body.record = { every };
  const seed = numberOrRaw($('seed').value);
  if (seed !== undefined && seed !== 0) body.seed = seed;
  return body;
}

function optimizerSpec(card, withLabel) {
  const spec = { name: card.name, ...card.form.values() };
  const label = card.labelInput.value.trim();
  if (withLabel && label) spec.label = label;
  return spec;
}

function comparisonRequest() {
  return { ...sharedFields(), optimizers: cards.map((c) => optimizerSpec(c, true)) };
}

// ---- problems next to fields ---------------------------------------------------------------------

function clearProblems() {
  document.querySelectorAll('.field-error').forEach((n) => n.remove());
  document.querySelectorAll('.invalid').forEach((n) => n.classList.remove('invalid'));
  $('problem').hidden = true;
}

function findField(field) {
  let f = field;
  while (f) {
    const node = document.querySelector(`[data-field="${CSS.escape(f)}"]`);
    if (node) return node;
    const cut = Math.max(f.lastIndexOf('.'), f.lastIndexOf('['));
    if (cut <= 0) return null;
    f = f.slice(0, cut);
  }
  return null;
}

function showProblem(error, translate = (f) => f) {
  clearProblems();
  const problem = error instanceof ApiError ? error.problem : { title: 'Something went wrong', detail: String(error) };
  const unplaced = [];
  for (const { field, message } of problem.errors || []) {
    const node = findField(translate(field));
    if (!node) {
      unplaced.push(`${field}: ${message}`);
      continue;
    }
    if (node.matches('input, select')) node.classList.add('invalid');
    const note = document.createElement('div');
    note.className = 'field-error';
    note.setAttribute('role', 'alert');
    note.dataset.for = translate(field);
    note.textContent = message;
    (node.closest('label.field') || node).appendChild(note);
  }
  const banner = $('problem');
  banner.replaceChildren();
  const title = document.createElement('strong');
  title.textContent = problem.title || 'Invalid request';
  const detail = document.createElement('span');
  detail.textContent = problem.errors && problem.errors.length
    ? (unplaced.length ? unplaced.join('; ') : 'See the highlighted fields below.')
    : problem.detail || '';
  banner.append(title, detail);
  banner.hidden = false;
}

// ---- landscape -----------------------------------------------------------------------------------

function startPoint() {
  return [Number($('start-x').value), Number($('start-y').value)];
}

function refreshLandscape() {
  const objective = { name: $('objective').value, ...objectiveForm.values() };
  const start = startPoint();
  const domain = entry('objectives', objective.name).domain;
  const body = { objective, resolution: 120 };
  if (domain && start.every(Number.isFinite)) {
    const outside = start[0] < domain.xMin || start[0] > domain.xMax || start[1] < domain.yMin || start[1] > domain.yMax;
    if (outside) {
      const xMin = Math.min(domain.xMin, start[0]);
      const xMax = Math.max(domain.xMax, start[0]);
      const yMin = Math.min(domain.yMin, start[1]);
      const yMax = Math.max(domain.yMax, start[1]);
      const px = (xMax - xMin) * 0.05;
      const py = (yMax - yMin) * 0.05;
      body.bounds = { xMin: xMin - px, xMax: xMax + px, yMin: yMin - py, yMax: yMax + py };
    }
  }
  const key = JSON.stringify(body);
  if (key === landscapeKey) return landscapeReady;
  landscapeKey = key;
  $('landscape-caption').textContent = 'Evaluating the landscape…';
  landscapeReady = post('/api/v1/landscapes', body).then(
    (landscape) => {
      const spec = entry('objectives', objective.name);
      view.setLandscape(landscape, spec.optimum, start);
      hasResults = false;
      $('landscape-caption').textContent = `${spec.title} on [${fmt(landscape.x[0])}, ${fmt(landscape.x[landscape.x.length - 1])}] × [${fmt(landscape.y[0])}, ${fmt(landscape.y[landscape.y.length - 1])}]; `
        + `values from ${fmt(landscape.min)} to ${fmt(landscape.max)}. Click to set the start point.`;
    },
    (error) => {
      landscapeKey = '';
      showProblem(error);
      $('landscape-caption').textContent = 'The landscape could not be evaluated: see the message on the left.';
    },
  );
  return landscapeReady;
}

// ---- running -------------------------------------------------------------------------------------

async function runComparison() {
  clearProblems();
  const button = $('run');
  button.disabled = true;
  $('run-status').textContent = 'Running…';
  saveHash();
  try {
    await refreshLandscape();
    const request = comparisonRequest();
    const started = performance.now();
    const response = await post('/api/v1/comparisons', request);
    const results = response.results;
    renderResults(results);
    drawLosses($('losses'), results);
    hasResults = true;
    $('run-status').textContent = `${results.length} run${results.length === 1 ? '' : 's'} in ${Math.round(performance.now() - started)} ms; best: ${response.ranking[0].label}`;
    await view.showPaths(results, true);
  } catch (error) {
    showProblem(error);
    $('run-status').textContent = 'Not run: see the message above.';
  } finally {
    button.disabled = false;
  }
}

function renderResults(results) {
  const body = $('results').tBodies[0];
  body.replaceChildren();
  results.forEach((result, i) => {
    const row = body.insertRow();
    row.dataset.label = result.label;
    const swatch = row.insertCell();
    swatch.innerHTML = `<span class="swatch" style="background:${PALETTE[i % PALETTE.length]}"></span>`;
    row.insertCell().textContent = result.label;
    row.insertCell().textContent = result.status.replace('_', ' ');
    const iterations = row.insertCell();
    iterations.className = 'num';
    iterations.textContent = result.iterations;
    const loss = row.insertCell();
    loss.className = 'num final-loss';
    loss.dataset.finalLoss = String(result.finalLoss);
    loss.textContent = result.finalLoss === null ? '— (diverged)' : fmt(result.finalLoss, 6);
    const distance = row.insertCell();
    distance.className = 'num';
    distance.textContent = fmt(result.distanceToOptimum, 4);
    const csv = document.createElement('button');
    csv.type = 'button';
    csv.textContent = 'CSV';
    csv.title = 'Download this run\'s path as CSV';
    csv.addEventListener('click', () => downloadCsv(i, result.label));
    row.insertCell().appendChild(csv);
  });
}

async function downloadCsv(index, label) {
  try {
    const body = { ...sharedFields(), optimizer: optimizerSpec(cards[index], false) };
    const blob = await post('/api/v1/runs', body, 'text/csv');
    download(blob, `optlab-${label.replace(/[^A-Za-z0-9_-]+/g, '-')}.csv`);
  } catch (error) {
    showProblem(error, (f) => f.replace(/^optimizer\b/, `optimizers[${index}]`));
  }
}

async function downloadPlot(kind) {
  clearProblems();
  try {
    const blob = await post('/api/v1/plots', { ...comparisonRequest(), kind, width: 960, height: 720 }, 'image/svg+xml');
    download(blob, `optlab-${kind}.svg`);
  } catch (error) {
    showProblem(error);
  }
}

async function copyCurl() {
  const text = curl('/api/v1/comparisons', comparisonRequest());
  const area = $('curl');
  area.value = text;
  area.hidden = false;
  try {
    await navigator.clipboard.writeText(text);
    $('run-status').textContent = 'The request is on the clipboard as a curl command.';
  } catch {
    area.select();
    $('run-status').textContent = 'Select the command below and copy it.';
  }
}

// ---- sweeps --------------------------------------------------------------------------------------

function numericParameters(card) {
  return entry('optimizers', card.name).parameters.filter((p) => p.type === 'number' || p.type === 'integer');
}

function suggest(p, card) {
  const typed = Number(card.form.values()[p.name]);
  const base = Number.isFinite(typed) && typed !== 0 ? typed : p.default;
  const round = (v) => Number(v.toPrecision(2));
  if (p.maximum === 1) return '0.5, 0.8, 0.9, 0.95, 0.99';
  if (p.type === 'integer' && base) return [Math.max(1, Math.round(base / 2)), base, base * 2].join(', ');
  if (!base) return '0, 0.5, 0.8, 0.9, 0.95';
  if (p.name.toLowerCase().includes('learningrate')) return [base / 10, base / 3, base, base * 3, base * 10].map(round).join(', ');
  return [base / 3, base, base * 3].map(round).join(', ');
}

function refreshSweepOptions(saved) {
  const select = $('sweep-optimizer');
  const previous = saved ? saved.optimizer : select.value;
  select.replaceChildren();
  cards.forEach((card, i) => select.add(new Option(`${i + 1}. ${card.labelInput.value || card.name}`, String(i))));
  select.value = cards[Number(previous)] ? String(previous) : '0';
  refreshSweepParameters(saved);
}

function refreshSweepParameters(saved) {
  const card = cards[Number($('sweep-optimizer').value)];
  const xs = $('sweep-x-parameter');
  const ys = $('sweep-y-parameter');
  const keepX = saved ? saved.x : xs.value;
  const keepY = saved ? saved.y : ys.value;
  xs.replaceChildren();
  ys.replaceChildren();
  if (!card) return;
  const params = numericParameters(card);
  for (const p of params) {
    xs.add(new Option(p.name, p.name));
    ys.add(new Option(p.name, p.name));
  }
  const names = params.map((p) => p.name);
  xs.value = names.includes(keepX) ? keepX : names[0];
  const second = params.find((p) => p.name !== xs.value && p.maximum === 1) || params.find((p) => p.name !== xs.value && p.default === 0) || params.find((p) => p.name !== xs.value);
  ys.value = names.includes(keepY) && keepY !== xs.value ? keepY : second ? second.name : names[0];
  $('sweep-x-values').value = saved && saved.x === xs.value && saved.xValues ? saved.xValues : suggest(params.find((p) => p.name === xs.value), card);
  $('sweep-y-values').value = saved && saved.y === ys.value && saved.yValues ? saved.yValues : suggest(params.find((p) => p.name === ys.value), card);
}

function parseList(text) {
  return text.split(/[\s,;]+/).filter(Boolean).map((t) => numberOrRaw(t));
}

async function runSweep() {
  clearProblems();
  const index = Number($('sweep-optimizer').value);
  const card = cards[index];
  if (!card) {
    showProblem(new ApiError({ title: 'No optimizer to sweep', detail: 'Add an optimizer first.' }, 0));
    return;
  }
  const px = $('sweep-x-parameter').value;
  const py = $('sweep-y-parameter').value;
  $('sweep-x-values').dataset.field = `search.grid.${px}`;
  $('sweep-y-values').dataset.field = `search.grid.${py}`;
  if (px === py) {
    showProblem(new ApiError({ title: 'Invalid sweep', errors: [{ field: `search.grid.${py}`, message: 'choose a second parameter different from the first' }] }, 0));
    return;
  }
  const body = {
    ...sharedFields(),
    kind: 'sweep',
    width: 640,
    height: 440,
    optimizer: optimizerSpec(card, false),
    search: { grid: { [px]: parseList($('sweep-x-values').value), [py]: parseList($('sweep-y-values').value) } },
  };
  const button = $('run-sweep');
  button.disabled = true;
  $('sweep-status').textContent = 'Sweeping…';
  saveHash();
  try {
    const started = performance.now();
    const text = await postText('/api/v1/plots', body, 'image/svg+xml');
    const svg = document.importNode(new DOMParser().parseFromString(text, 'image/svg+xml').documentElement, true);
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    $('sweep').replaceChildren(svg);
    const cells = svg.querySelectorAll('g.cell');
    cells.forEach((cell) => cell.addEventListener('click', () => runCell(index, JSON.parse(cell.dataset.parameters))));
    $('sweep-status').textContent = `${cells.length} runs in ${Math.round(performance.now() - started)} ms. Click a cell to run it.`;
  } catch (error) {
    showProblem(error, (f) => f.replace(/^optimizer\b/, `optimizers[${index}]`));
    $('sweep-status').textContent = 'Not run: see the message above.';
  } finally {
    button.disabled = false;
  }
}

function runCell(index, parameters) {
  const card = cards[index];
  for (const [name, value] of Object.entries(parameters)) card.form.set(name, value);
  $('run-status').textContent = `Running ${card.labelInput.value || card.name} with ${Object.entries(parameters).map(([k, v]) => `${k} = ${v}`).join(', ')}…`;
  runComparison();
  document.querySelector('.views').scrollIntoView({ behavior: 'smooth', block: 'start' });
}

// ---- wiring --------------------------------------------------------------------------------------

async function init() {
  view = new LandscapeView($('landscape'), (point) => {
    $('start-x').value = point[0];
    $('start-y').value = point[1];
    view.setStart(point);
    saveHash();
    if (hasResults) runComparison();
  });
  try {
    [catalog.objectives, catalog.optimizers, catalog.schedules] = await Promise.all([
      getJson('/api/v1/objectives'), getJson('/api/v1/optimizers'), getJson('/api/v1/schedules')]);
  } catch (error) {
    showProblem(error);
    return;
  }
  for (const o of catalog.objectives.filter((o) => o.dimension === 2 || o.variable)) $('objective').add(new Option(o.title, o.name));
  for (const o of standaloneOptimizers()) $('add-optimizer').add(new Option(o.title, o.name));
  for (const s of catalog.schedules) $('schedule').add(new Option(s.title, s.name));
  const shared = readHash();
  applyState(shared || DEFAULT_STATE);

  $('objective').addEventListener('change', () => {
    buildObjectiveForm({});
    const start = entry('objectives', $('objective').value).defaultInitialPoint;
    $('start-x').value = start[0];
    $('start-y').value = start[1];
    refreshLandscape();
    saveHash();
  });
  let objectiveTimer = 0;
  $('objective-params').addEventListener('input', () => {
    clearTimeout(objectiveTimer);
    objectiveTimer = setTimeout(refreshLandscape, 400);
  });
  for (const id of ['start-x', 'start-y']) {
    $(id).addEventListener('change', () => {
      view.setStart(startPoint());
      refreshLandscape();
    });
  }
  $('schedule').addEventListener('change', () => {
    buildScheduleForm({});
    saveHash();
  });
  $('add-optimizer-button').addEventListener('click', () => {
    const states = cards.map((c) => ({ name: c.name, label: c.labelInput.value, params: c.form.raw() }));
    states.push({ name: $('add-optimizer').value, label: '', params: {} });
    renderCards(states);
    saveHash();
  });
  $('run').addEventListener('click', runComparison);
  $('copy-curl').addEventListener('click', copyCurl);
  $('download-paths').addEventListener('click', () => downloadPlot('paths'));
  $('download-losses').addEventListener('click', () => downloadPlot('losses'));
  $('sweep-optimizer').addEventListener('change', () => refreshSweepParameters());
  for (const id of ['sweep-x-parameter', 'sweep-y-parameter']) {
    $(id).addEventListener('change', () => {
      const card = cards[Number($('sweep-optimizer').value)];
      const p = numericParameters(card).find((q) => q.name === $(id).value);
      $(id.replace('parameter', 'values')).value = suggest(p, card);
    });
  }
  $('run-sweep').addEventListener('click', runSweep);
  document.querySelector('.controls').addEventListener('input', (event) => {
    const field = event.target.dataset && event.target.dataset.field;
    if (field) {
      event.target.classList.remove('invalid');
      document.querySelectorAll(`.field-error[data-for="${CSS.escape(field)}"]`).forEach((n) => n.remove());
    }
    saveHash();
  });
  window.addEventListener('hashchange', () => {
    const state = readHash();
    if (state) {
      applyState(state);
      runComparison();
    }
  });
  await refreshLandscape();
  document.body.dataset.ready = 'true';
  if (shared) runComparison();
}

init();
