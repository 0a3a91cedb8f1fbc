// The web front door: a chat whose every turn shows the plan as a DAG that lights up from the request's
// event stream, each task's model and output, and the answer. Plain modules, no build step.

const STAGES = ['PLANNING', 'SELECTING', 'RUNNING', 'RESPONDING', 'DONE'];
const NODE = { width: 168, height: 50, gapX: 56, gapY: 18, pad: 12 };
const SVG_NS = 'http://www.w3.org/2000/svg';

const $ = (selector, root = document) => root.querySelector(selector);

const session = {
  key: localStorage.getItem('hg.api-key') || '',
  history: [],       // ChatMessage[] of finished turns (each user turn naming its files), sent with every new request
  attached: [],      // File[] waiting for the next message
  busy: false,
};

// ---------------------------------------------------------------- HTTP

class ApiError extends Error {
  constructor(status, detail) {
    super(status ? `${status}: ${detail}` : detail);
    this.status = status;
  }
}

async function api(path, init = {}) {
  const headers = new Headers(init.headers || {});
  if (session.key) headers.set('Authorization', `Bearer ${session.key}`);
  let response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch (e) {
    throw new ApiError(0, `the gateway cannot be reached (${e.message})`);
  }
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || problem.error?.message || detail;
    } catch { /* not JSON */ }
    throw new ApiError(response.status, detail);
  }
  return response;
}

async function upload(file) {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await api('/v1/resources', { method: 'POST', body: form });
  return response.json();
}

async function submit(body) {
  const response = await api('/v1/requests', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.json();
}

async function post(path, body) {
  const init = { method: 'POST' };
  if (body !== undefined) {
    init.headers = { 'Content-Type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  return (await api(path, init)).json();
}

const RESOURCE_ID = /r-[0-9a-f]{20}\.[a-z0-9]{1,5}/g;

/** The plan's tasks as the API takes them, the i-th file they name replaced by the i-th of {@code ids}. */
function planWithFiles(tasks, ids) {
  const named = [];
  for (const task of tasks) {
    for (const value of Object.values(task.args || {})) {
      for (const id of String(value).match(RESOURCE_ID) || []) if (!named.includes(id)) named.push(id);
    }
  }
  const replace = new Map(ids.slice(0, named.length).map((id, i) => [named[i], id]));
  return tasks.map(({ id, task, dep, args, model }) => ({ id, task, dep, model,
    args: Object.fromEntries(Object.entries(args || {}).map(([k, v]) => [k, String(v).replace(RESOURCE_ID, r => replace.get(r) || r)])) }));
}

/** Reads the request's Server-Sent Events, calling onEvent with each parsed event until the stream ends. */
async function follow(requestId, onEvent) {
  const response = await api(`/v1/requests/${encodeURIComponent(requestId)}/events`,
    { headers: { Accept: 'text/event-stream' } });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split('\n').filter(line => line.startsWith('data:'))
        .map(line => line.slice(5).replace(/^ /, '')).join('\n');
      if (data) onEvent(JSON.parse(data));
    }
  }
}

/** A produced or uploaded file as an object URL (media elements cannot send the API key themselves). */
async function objectUrl(resourceId) {
  const response = await api(`/v1/resources/${encodeURIComponent(resourceId)}`);
  return URL.createObjectURL(await response.blob());
}

// ---------------------------------------------------------------- one turn of the conversation

class Turn {
  constructor(text, files) {
    this.tasks = new Map();
    this.element = document.createElement('article');
    this.element.className = 'turn';
    this.element.innerHTML = `
      <div class="user bubble"><p class="text"></p><ul class="files"></ul></div>
      <div class="assistant">
        <ol class="stages"></ol>
        <p class="planner"></p>
        <div class="dag-wrap" hidden><svg class="dag" role="img" aria-label="Task plan"></svg></div>
        <div class="tasks"></div>
        <div class="review" hidden></div>
        <div class="answer" hidden></div>
        <p class="error" role="alert" hidden></p>
        <p class="turn-actions"><button type="button" class="cancel quiet">Cancel</button>
          <button type="button" class="again quiet" hidden title="Run this plan again, on the files attached now">Run again</button></p>
      </div>`;
    $('.user .text', this.element).textContent = text;
    for (const file of files) {
      const item = document.createElement('li');
      item.textContent = `${file.name} (${humanSize(file.size)})`;
      $('.files', this.element).append(item);
    }
    for (const stage of STAGES) {
      const item = document.createElement('li');
      item.dataset.stage = stage;
      item.textContent = stage.toLowerCase();
      $('.stages', this.element).append(item);
    }
    this.stage('PLANNING');
    $('.cancel', this.element).addEventListener('click', async () => {
      if (!this.element.dataset.request) return;
      try {
        await post(`/v1/requests/${encodeURIComponent(this.element.dataset.request)}/cancel`);
      } catch (e) {
        this.fail(e.message);
      }
    });
    $('.again', this.element).addEventListener('click', () => runAgain(this));
  }

  stage(name) {
    // stages only move forward: events from different services can arrive out of stage order
    const current = this.element.dataset.stage;
    if (current === 'DONE' || current === 'FAILED'
      || (name !== 'FAILED' && STAGES.indexOf(name) < STAGES.indexOf(current))) return;
    this.element.dataset.stage = name;
    // a request that fails, fails at the stage it had reached: the ones before it passed
    const reached = name === 'FAILED' ? Math.max(0, STAGES.indexOf(current)) : STAGES.indexOf(name);
    for (const item of this.element.querySelectorAll('.stages li')) {
      const index = STAGES.indexOf(item.dataset.stage);
      item.className = name === 'FAILED' ? (index < reached ? 'passed' : index === reached ? 'failed' : '')
        : index < reached || name === 'DONE' ? 'passed' : index === reached ? 'current' : '';
    }
    if (this.tasks.size) this.markFailures();
  }

  apply(event) {
    if (event.taskId != null && !this.planned) {
      // the planner sends its plan and PLANNED together, so a task's events can arrive before PLANNED
      (this.beforePlan ??= []).push(event);
      return;
    }
    switch (event.type) {
      case 'PLANNED':
        this.plan(event.plan);
        this.planned = true;
        this.stage('SELECTING');
        (this.beforePlan ?? []).splice(0).forEach(early => this.apply(early));
        break;
      case 'AWAITING_APPROVAL':
        this.review();
        break;
      case 'APPROVED':
        $('.review', this.element).hidden = true;
        this.tasks.clear();
        $('.tasks', this.element).replaceChildren();
        this.plan(event.plan);
        break;
      case 'PLANNING_FAILED':
        this.fail(event.message);
        break;
      case 'MODELS_CHOSEN':
        break;
      case 'TASK_SELECTED':
        // dispatched: the request is running (an executor announces only tasks that run longer than 250 ms)
        this.stage('RUNNING');
        this.update(event.taskId, { status: 'SELECTED', model: event.choice.modelId, backend: event.choice.backend,
          reason: event.choice.reason });
        break;
      case 'TASK_STARTED': {
        // an executor does not hold a fast task's result back for this event, so it can come after TASK_FINISHED
        const finished = ['SUCCEEDED', 'FAILED', 'SKIPPED'].includes(this.tasks.get(event.taskId)?.status);
        this.stage('RUNNING');
        this.update(event.taskId, finished ? { executor: event.message } : { status: 'RUNNING', executor: event.message });
        break;
      }
      case 'TASK_FINISHED': {
        const result = event.result;
        this.update(event.taskId, { status: result.status, output: result.output, error: result.error,
          model: result.model?.modelId, backend: result.model?.backend, executor: result.executor,
          millis: result.startedAt && result.finishedAt ? Date.parse(result.finishedAt) - Date.parse(result.startedAt) : null });
        break;
      }
      case 'RESPONDING':
        this.stage('RESPONDING');
        break;
      case 'DONE':
        this.answer(event.answer);
        this.stage('DONE');
        break;
      case 'FAILED':
        this.fail(event.message);
        break;
    }
  }

  /** The plan before it runs: each task's arguments and model can be changed and a task removed; then run or cancel. */
  review() {
    const box = $('.review', this.element);
    box.replaceChildren();
    const intro = document.createElement('p');
    intro.textContent = 'The plan waits for you: change arguments, remove tasks or choose a model, then run it.';
    box.append(intro);
    for (const task of this.tasks.values()) {
      const row = document.createElement('fieldset');
      row.className = 'review-task';
      row.dataset.task = task.id;
      const legend = document.createElement('legend');
      legend.textContent = `#${task.id} ${task.task}`;
      const keep = document.createElement('label');
      keep.innerHTML = '<input type="checkbox" class="keep" checked> keep';
      row.append(legend, keep);
      for (const [key, value] of Object.entries(task.args || {})) {
        const label = document.createElement('label');
        label.textContent = key;
        const input = document.createElement('textarea');
        input.className = 'arg';
        input.dataset.key = key;
        input.rows = 1;
        input.value = value;
        label.append(input);
        row.append(label);
      }
      row.append(modelChoice(task));
      box.append(row);
    }
    const run = document.createElement('button');
    run.type = 'button';
    run.textContent = 'Run this plan';
    const problem = document.createElement('p');
    problem.className = 'error';
    problem.hidden = true;
    run.addEventListener('click', async () => {
      const tasks = [];
      for (const row of box.querySelectorAll('.review-task')) {
        if (!$('.keep', row).checked) continue;
        const task = this.tasks.get(Number(row.dataset.task));
        const args = {};
        row.querySelectorAll('.arg').forEach(input => { args[input.dataset.key] = input.value; });
        const choice = $('.model-choice', row).value;
        const model = (choice === OTHER_MODEL ? $('.model-other', row).value : choice).trim();
        tasks.push({ id: task.id, task: task.task, dep: task.dep, args, ...(model ? { model } : {}) });
      }
      try {
        await post(`/v1/requests/${encodeURIComponent(this.element.dataset.request)}/approve`, { plan: tasks });
      } catch (e) {
        problem.textContent = e.message;
        problem.hidden = false;
      }
    });
    box.append(run, problem);
    box.hidden = false;
  }

  plan(plan) {
    $('.planner', this.element).textContent = `${plan.tasks.length} task${plan.tasks.length === 1 ? '' : 's'} planned by the ${plan.planner} planner`
      + (plan.planningMillis != null ? ` in ${plan.planningMillis} ms` : '');
    for (const task of plan.tasks) {
      this.tasks.set(task.id, { ...task, status: 'PENDING' });
    }
    this.drawDag();
    for (const task of this.tasks.values()) this.renderTask(task);
  }

  update(taskId, change) {
    const task = this.tasks.get(taskId);
    if (!task) return;
    for (const [key, value] of Object.entries(change)) {
      if (value !== undefined && value !== null) task[key] = value;
    }
    const node = this.element.querySelector(`.dag g.node[data-task="${taskId}"]`);
    if (node) {
      node.dataset.status = task.status;
      fitText($('.model', node), nodeLine(task), NODE.width - 20);
      $('title', node).textContent = `#${task.id} ${task.task}\n${task.status.toLowerCase()}${task.model ? ' on ' + task.model : ''}`
        + (task.error ? `\n${task.error}` : '');
    }
    this.renderTask(task);
    this.markFailures();
  }

  /** A task that failed or was skipped shows on the running stage: red, with how many. */
  markFailures() {
    const failed = [...this.tasks.values()].filter(t => t.status === 'FAILED' || t.status === 'SKIPPED');
    const running = this.element.querySelector('.stages li[data-stage="RUNNING"]');
    running.classList.toggle('failed', failed.length > 0);
    running.textContent = failed.length ? `running · ${failed.length} task${failed.length === 1 ? '' : 's'} failed` : 'running';
  }

  drawDag() {
    const svg = $('.dag', this.element);
    const depth = new Map();
    const depthOf = (task, seen = new Set()) => {
      if (depth.has(task.id)) return depth.get(task.id);
      seen.add(task.id);
      const parents = (task.dep || []).filter(d => d >= 0 && this.tasks.has(d) && !seen.has(d));
      const d = parents.length ? 1 + Math.max(...parents.map(p => depthOf(this.tasks.get(p), seen))) : 0;
      depth.set(task.id, d);
      return d;
    };
    const columns = [];
    for (const task of this.tasks.values()) (columns[depthOf(task)] ||= []).push(task);
    const position = new Map();
    columns.forEach((column, x) => column.forEach((task, y) => position.set(task.id, {
      x: NODE.pad + x * (NODE.width + NODE.gapX), y: NODE.pad + y * (NODE.height + NODE.gapY),
    })));
    const rows = Math.max(1, ...columns.map(c => c.length));
    $('.dag-wrap', this.element).hidden = false; // shown before drawing: text is measured to fit its box
    svg.setAttribute('width', NODE.pad * 2 + columns.length * NODE.width + (columns.length - 1) * NODE.gapX);
    svg.setAttribute('height', NODE.pad * 2 + rows * NODE.height + (rows - 1) * NODE.gapY);
    svg.replaceChildren();
    const defs = svgElement('defs');
    const marker = svgElement('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto' });
    marker.append(svgElement('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrow' }));
    defs.append(marker);
    svg.append(defs);
    for (const task of this.tasks.values()) {
      for (const dep of task.dep || []) {
        if (!position.has(dep)) continue;
        const from = position.get(dep), to = position.get(task.id);
        const x1 = from.x + NODE.width, y1 = from.y + NODE.height / 2, x2 = to.x, y2 = to.y + NODE.height / 2;
        const bend = (x2 - x1) / 2;
        svg.append(svgElement('path', { class: 'edge', 'marker-end': 'url(#arrow)',
          d: `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`, 'data-from': dep, 'data-to': task.id }));
      }
    }
    for (const task of this.tasks.values()) {
      const { x, y } = position.get(task.id);
      const node = svgElement('g', { class: 'node', transform: `translate(${x},${y})`, 'data-task': task.id, 'data-status': task.status });
      node.append(svgElement('title'));
      node.append(svgElement('rect', { width: NODE.width, height: NODE.height, rx: 9 }));
      const label = svgElement('text', { x: 10, y: 20, class: 'label' });
      const model = svgElement('text', { x: 10, y: 38, class: 'model' });
      node.append(label, model);
      svg.append(node);
      fitText(label, `#${task.id} ${task.task}`, NODE.width - 20);
      fitText(model, nodeLine(task), NODE.width - 20);
    }
  }

  renderTask(task) {
    let card = this.element.querySelector(`.task[data-task="${task.id}"]`);
    if (!card) {
      card = document.createElement('section');
      card.className = 'task';
      card.dataset.task = task.id;
      card.innerHTML = `<header><span class="title"></span><span class="status"></span></header>
        <p class="args"></p><p class="model-line"></p><div class="output"></div><p class="task-error" hidden></p>`;
      $('.tasks', this.element).append(card);
    }
    card.dataset.status = task.status;
    $('.title', card).textContent = `#${task.id} ${task.task}`;
    $('.status', card).textContent = task.status.toLowerCase() + (task.millis != null ? ` · ${task.millis} ms` : '');
    $('.args', card).textContent = Object.entries(task.args || {}).map(([k, v]) => `${k}: ${v}`).join(' · ');
    $('.model-line', card).textContent = task.model
      ? `${task.model} (${task.backend})${task.executor ? ' on ' + task.executor : ''}${task.reason ? ' — ' + task.reason : ''}` : '';
    if (task.error) {
      const error = $('.task-error', card);
      error.textContent = task.error;
      error.hidden = false;
    }
    if (task.output && !card.dataset.rendered) {
      card.dataset.rendered = 'true';
      renderOutput($('.output', card), task.output);
    }
  }

  answer(answer) {
    const box = $('.answer', this.element);
    box.replaceChildren();
    for (const paragraph of (answer?.text || '').split(/\n{2,}/)) {
      const p = document.createElement('p');
      p.textContent = paragraph;
      box.append(p);
    }
    const by = document.createElement('p');
    by.className = 'generator';
    by.textContent = `answer written by ${answer?.generator === 'llm' ? 'the LLM' : 'the offline template'}`;
    box.append(by);
    box.hidden = false;
  }

  /** Over: no cancel any more; the plan can be run again. */
  ended() {
    $('.cancel', this.element).hidden = true;
    $('.review', this.element).hidden = true;
    $('.again', this.element).hidden = !this.tasks.size;
  }

  fail(message) {
    this.stage('FAILED');
    this.element.dataset.stage = 'FAILED';
    const error = $('.assistant > .error', this.element);
    error.textContent = message || 'the request failed';
    error.hidden = false;
  }
}

function renderOutput(box, output) {
  if (output.text) {
    const text = document.createElement('pre');
    text.className = 'output-text';
    text.textContent = output.text;
    box.append(text);
  }
  for (const resource of output.resources || []) {
    const figure = document.createElement('figure');
    const kind = (resource.contentType || '').split('/')[0];
    const media = kind === 'image' ? document.createElement('img')
      : kind === 'audio' ? document.createElement('audio')
        : kind === 'video' ? document.createElement('video') : document.createElement('a');
    if (kind === 'audio' || kind === 'video') media.controls = true;
    if (kind === 'image') media.alt = resource.name || resource.id;
    media.dataset.resource = resource.id;
    const caption = document.createElement('figcaption');
    const link = document.createElement('a');
    link.textContent = `${resource.name || resource.id} · ${resource.contentType} · ${humanSize(resource.size)}`;
    link.download = resource.name || resource.id;
    caption.append(link);
    figure.append(media, caption);
    box.append(figure);
    objectUrl(resource.id).then(url => {
      if (media.tagName === 'A') {
        media.textContent = 'open';
        media.href = url;
      } else {
        media.src = url;
      }
      link.href = url;
    }, e => { caption.textContent = `${resource.id}: ${e.message}`; });
  }
  const labels = Array.isArray(output.data?.labels) ? output.data.labels : [];
  if (labels.length) {
    const list = document.createElement('ol');
    list.className = 'labels';
    for (const label of labels) {
      const item = document.createElement('li');
      const score = typeof label.score === 'number' ? ` · ${label.score.toFixed(2)}` : '';
      item.textContent = `${labelName(label)}${score}`;
      list.append(item);
    }
    box.append(list);
  }
  const data = Object.entries(output.data || {});
  if (data.length) {
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = 'data';
    const pre = document.createElement('pre');
    pre.textContent = JSON.stringify(output.data, null, 2);
    details.append(summary, pre);
    box.append(details);
  }
}

// ---------------------------------------------------------------- the page

async function send(text) {
  if (session.busy || (!text.trim() && !session.attached.length)) return;
  session.busy = true;
  showComposerError('');
  $('#send').disabled = true;
  $('#intro')?.remove();
  const files = session.attached.splice(0);
  renderAttachments();
  const turn = new Turn(text, files);
  $('#log').append(turn.element);
  turn.element.scrollIntoView({ block: 'end' });
  try {
    // this turn's files are the request's; an earlier turn's are named in its message, where the planner finds them
    // when a later turn refers back ("now make it black and white"), and where a new upload does not hide them
    const ids = [];
    for (const file of files) {
      ids.push((await upload(file)).id);
    }
    const messages = [...session.history, { role: 'user', content: text }];
    const body = { messages, resources: ids };
    if ($('#approval').checked) body.options = { approval: 'required' };
    const view = await submit(body);
    turn.element.dataset.request = view.id;
    let last;
    await follow(view.id, event => {
      last = event;
      turn.apply(event);
      turn.element.scrollIntoView({ block: 'end' });
    });
    // a failed turn stays in the conversation too: its files and what went wrong are there for the next turn
    // ("then just describe that photo")
    const said = ids.length ? `${text} (attached: ${ids.join(', ')})`.trim() : text;
    if (last?.type === 'DONE') {
      session.history.push({ role: 'user', content: said }, { role: 'assistant', content: last.answer?.text || '' });
    } else if (last?.type === 'FAILED' || last?.type === 'PLANNING_FAILED') {
      session.history.push({ role: 'user', content: said }, { role: 'assistant', content: `That failed: ${last.message}` });
    } else {
      turn.fail('the event stream ended before the request finished');
    }
  } catch (e) {
    turn.fail(e.message);
    if (e.status === 401) showComposerError('The gateway wants an API key: enter it at the top.');
  } finally {
    turn.ended();
    session.busy = false;
    $('#send').disabled = false;
  }
}

/** Runs a finished turn's plan again, without planning, on the files attached now in place of the ones it named. */
async function runAgain(earlier) {
  if (session.busy) return;
  session.busy = true;
  showComposerError('');
  const files = session.attached.splice(0);
  renderAttachments();
  const text = $('.user .text', earlier.element).textContent;
  const turn = new Turn(`${text} (run again)`, files);
  $('#log').append(turn.element);
  try {
    const ids = [];
    for (const file of files) ids.push((await upload(file)).id);
    const view = await submit({ messages: [{ role: 'user', content: text }], plan: planWithFiles([...earlier.tasks.values()], ids),
      ...($('#approval').checked ? { options: { approval: 'required' } } : {}) });
    turn.element.dataset.request = view.id;
    await follow(view.id, event => turn.apply(event));
  } catch (e) {
    turn.fail(e.message);
  } finally {
    turn.ended();
    session.busy = false;
  }
}

function attach(files) {
  for (const file of files) session.attached.push(file);
  renderAttachments();
}

function renderAttachments() {
  const list = $('#attachments');
  list.replaceChildren();
  session.attached.forEach((file, index) => {
    const chip = document.createElement('span');
    chip.className = 'chip';
    chip.textContent = `${file.name} · ${humanSize(file.size)}`;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = '×';
    remove.title = `Remove ${file.name}`;
    remove.addEventListener('click', () => { session.attached.splice(index, 1); renderAttachments(); });
    chip.append(remove);
    list.append(chip);
  });
}

function showComposerError(message) {
  const error = $('#composer-error');
  error.textContent = message;
  error.hidden = !message;
}

/**
 * Whether this gateway needs a key (a call without one is a 401), said in the key field; then whether the key entered
 * is accepted. A key accepted clears the composer's request for one.
 */
async function checkConnection() {
  const status = $('#connection');
  const input = $('#api-key');
  const show = (text, ok) => { status.textContent = text; status.className = `connection ${ok ? 'ok' : 'bad'}`; };
  let keysRequired;
  try {
    keysRequired = (await fetch('/v1/models')).status === 401;
  } catch {
    show('offline', false);
    return;
  }
  input.placeholder = keysRequired ? 'required by this gateway' : 'not needed here';
  input.title = keysRequired ? 'This gateway needs an API key for every call' : 'This gateway runs without API keys';
  if (keysRequired && !session.key) {
    show('key needed', false);
    return;
  }
  try {
    await api('/v1/models');
    show('connected', true);
    showComposerError('');
  } catch (e) {
    show(e.status === 401 ? 'key not accepted' : 'offline', false);
  }
}

function humanSize(bytes) {
  if (bytes == null) return '';
  return bytes < 1024 ? `${bytes} B` : bytes < 1 << 20 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / (1 << 20)).toFixed(1)} MiB`;
}

const OTHER_MODEL = '\u0000other';

/**
 * A task's model in the plan review: "automatic" (the selector chooses), or one of the models the live executors offer
 * for its type (GET /v1/tasks/{type}/models), or, when an executor can call the Hugging Face catalog, a model id typed in.
 */
function modelChoice(task) {
  const label = document.createElement('label');
  label.textContent = 'model';
  const select = document.createElement('select');
  select.className = 'model-choice';
  select.append(new Option('automatic (the selector chooses)', '', true, !task.model));
  if (task.model) select.append(new Option(task.model, task.model, false, true));
  const other = document.createElement('input');
  other.className = 'model-other';
  other.placeholder = 'a model id of the Hugging Face catalog';
  other.hidden = true;
  select.addEventListener('change', () => { other.hidden = select.value !== OTHER_MODEL; });
  label.append(select, other);
  api(`/v1/tasks/${encodeURIComponent(task.task)}/models`).then(r => r.json()).then(candidates => {
    for (const card of candidates.models) {
      if (card.id === task.model) continue;
      select.append(new Option(`${card.id} (${card.backend})`, card.id));
    }
    for (const missing of candidates.unavailable) {
      const option = new Option(`${missing.id}: ${missing.reason}`, missing.id);
      option.disabled = true;
      select.append(option);
    }
    if (candidates.remoteBackends.includes('huggingface')) select.append(new Option('another model…', OTHER_MODEL));
    select.dataset.loaded = String(candidates.models.length);
  }).catch(e => { select.title = `the candidates could not be read: ${e.message}`; select.dataset.loaded = 'failed'; });
  return label;
}

/** The second line of a DAG node: what the task is waiting for, its model, or how it ended. */
function nodeLine(task) {
  switch (task.status) {
    case 'PENDING': return 'waiting for selection';
    case 'FAILED': return task.model ? `failed · ${task.model}` : 'failed: no model';
    case 'SKIPPED': return 'skipped';
    default: return task.model || 'choosing a model…';
  }
}

/** Sets the SVG text, cut with an ellipsis until it fits the width (its whole text stays in the node's title). */
function fitText(element, text, width) {
  element.textContent = text;
  if (!element.getComputedTextLength || element.getComputedTextLength() <= width) return;
  let keep = text.length;
  while (keep > 1 && element.getComputedTextLength() > width) {
    keep--;
    element.textContent = text.slice(0, keep) + '…';
  }
}

const LANGUAGE_NAMES = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'language' }) : null;

/** A classification label for people: a language by its name even where the model gave only its code ("cmn"). */
function labelName(label) {
  const name = label.language || label.label || '';
  if (LANGUAGE_NAMES && /^[a-z]{2,3}$/.test(name)) {
    try {
      const named = LANGUAGE_NAMES.of(name);
      if (named && named !== name) return named;
    } catch { /* not a language code */ }
  }
  return name;
}

function svgElement(name, attributes = {}) {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  return element;
}

function start() {
  const prompt = $('#prompt');
  const keyInput = $('#api-key');
  keyInput.value = session.key;
  keyInput.addEventListener('change', () => {
    session.key = keyInput.value.trim();
    localStorage.setItem('hg.api-key', session.key);
    checkConnection();
  });
  $('#key-form').addEventListener('submit', e => e.preventDefault());
  $('#composer').addEventListener('submit', e => {
    e.preventDefault();
    const text = prompt.value;
    prompt.value = '';
    send(text);
  });
  prompt.addEventListener('keydown', e => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      $('#composer').requestSubmit();
    }
  });
  $('#file-input').addEventListener('change', e => { attach(e.target.files); e.target.value = ''; });
  for (const example of document.querySelectorAll('.example')) {
    example.addEventListener('click', () => { prompt.value = example.textContent; prompt.focus(); });
  }
  $('#new-chat').addEventListener('click', () => {
    session.history = [];
    $('#log').replaceChildren();
  });
  let dragDepth = 0;
  document.addEventListener('dragenter', e => { e.preventDefault(); dragDepth++; $('#drop-hint').hidden = false; });
  document.addEventListener('dragleave', () => { if (--dragDepth <= 0) { dragDepth = 0; $('#drop-hint').hidden = true; } });
  document.addEventListener('dragover', e => e.preventDefault());
  document.addEventListener('drop', e => {
    e.preventDefault();
    dragDepth = 0;
    $('#drop-hint').hidden = true;
    if (e.dataTransfer?.files?.length) attach(e.dataTransfer.files);
  });
  checkConnection();
}

start();
