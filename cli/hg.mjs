#!/usr/bin/env node
// hg: the HuggingGPT command line. Asks the gateway, shows each stage and task as it happens,
// saves the files the tasks produce, and exits non-zero when the request or a task fails.
//
//   hg ask "Describe cat.jpg and read the description aloud" --file cat.jpg [--out DIR] [--planner embedded]
//
// Environment: HG_URL (default http://localhost:8080), HG_API_KEY (when the gateway requires keys).
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { basename, join } from 'node:path';

const EXIT = { ok: 0, usage: 64, failed: 1, taskFailed: 2, unreachable: 69 };
const base = (process.env.HG_URL || 'http://localhost:8080').replace(/\/$/, '');
const headers = process.env.HG_API_KEY ? { Authorization: `Bearer ${process.env.HG_API_KEY}` } : {};

const USAGE = 'usage: hg ask "REQUEST" [--file PATH]... [--out DIR] [--planner auto|llm|embedded] [--timeout SECONDS]';
const PLANNERS = ['auto', 'llm', 'embedded'];

function usage(message) {
  if (message) console.error(`hg: ${message}`);
  console.error(USAGE);
  process.exit(EXIT.usage);
}

/** Reads and checks the whole command line before anything is sent: a bad one is exit 64 with what to fix. */
function parse(argv) {
  if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    console.log(USAGE);
    process.exit(EXIT.ok);
  }
  if (!argv.length) usage('');
  if (argv[0] !== 'ask') usage(`unknown command '${argv[0]}'`);
  if (!argv[1] || argv[1].startsWith('--')) usage('ask needs the request text, in quotes');
  if (!argv[1].trim()) usage('the request text is empty');
  const options = { text: argv[1], files: [], out: '.', planner: undefined, timeout: 300 };
  for (let i = 2; i < argv.length; i++) {
    const option = argv[i];
    const value = argv[i + 1];
    if (!option.startsWith('--')) usage(`unexpected '${option}': put the request text in quotes`);
    if (!['--file', '--out', '--planner', '--timeout'].includes(option)) usage(`unknown option '${option}'`);
    if (value === undefined || value.startsWith('--')) usage(`${option} needs a value`);
    i++;
    switch (option) {
      case '--file': {
        let kind;
        try { kind = statSync(value); } catch { usage(`no such file: ${value}`); }
        if (!kind.isFile()) usage(`not a file: ${value}`);
        options.files.push(value);
        break;
      }
      case '--out': options.out = value; break;
      case '--planner':
        if (!PLANNERS.includes(value)) usage(`--planner must be ${PLANNERS.join(', ')}, not '${value}'`);
        options.planner = value;
        break;
      case '--timeout':
        if (!/^\d+(\.\d+)?$/.test(value) || Number(value) < 1 || Number(value) > 86400) {
          usage(`--timeout must be a number of seconds between 1 and 86400, not '${value}'`);
        }
        options.timeout = Number(value);
        break;
    }
  }
  return options;
}

async function call(path, init = {}) {
  let response;
  try {
    response = await fetch(base + path, { ...init, headers: { ...headers, ...(init.headers || {}) } });
  } catch (e) {
    console.error(`hg: cannot reach the gateway at ${base}: ${e.cause?.message || e.message}`);
    process.exit(EXIT.unreachable);
  }
  if (!response.ok) {
    let detail = await response.text();
    try { detail = JSON.parse(detail).detail || detail; } catch { /* not JSON */ }
    console.error(`hg: ${init.method || 'GET'} ${path} answered ${response.status}: ${detail}`);
    process.exit(EXIT.failed);
  }
  return response;
}

async function upload(path) {
  const form = new FormData();
  form.append('file', new Blob([await readFile(path)]), basename(path));
  const ref = await (await call('/v1/resources', { method: 'POST', body: form })).json();
  console.log(`uploaded ${path} as ${ref.id}`);
  return ref.id;
}

function describe(event, tasks) {
  const task = event.taskId != null ? tasks.get(event.taskId) : undefined;
  const name = task ? `task ${event.taskId} (${task.task})` : `task ${event.taskId}`;
  switch (event.type) {
    case 'ACCEPTED': return 'accepted';
    case 'PLANNED':
      event.plan.tasks.forEach(t => tasks.set(t.id, t));
      return `planned by ${event.plan.planner} in ${event.plan.planningMillis} ms: `
        + event.plan.tasks.map(t => `${t.id} ${t.task}${t.dep.some(d => d >= 0) ? ` (after ${t.dep.filter(d => d >= 0)})` : ''}`).join(', ');
    case 'PLANNING_FAILED': return `planning failed: ${event.message}`;
    case 'MODELS_CHOSEN': return `models chosen: ${event.message}`;
    case 'TASK_SELECTED': return `${name}: model ${event.choice.modelId} (${event.choice.reason})`;
    case 'TASK_STARTED': return `${name}: running on ${event.message}`;
    case 'TASK_FINISHED': {
      const r = event.result;
      const seconds = r.startedAt && r.finishedAt ? ` in ${((Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 1000).toFixed(1)} s` : '';
      const where = r.executor ? ` on ${r.executor}` : '';
      return `${name}: ${r.status.toLowerCase()}${seconds}${where}${r.error ? `: ${r.error}` : ''}`;
    }
    case 'RESPONDING': return 'writing the answer';
    case 'DONE': return 'done';
    case 'FAILED': return `failed: ${event.message}`;
    default: return event.type.toLowerCase();
  }
}

/**
 * Prints events in stage order although the services' events reach the gateway in the order Kafka delivers them: task
 * events that come before PLANNED wait for it (they need its task names), and a fast task's TASK_STARTED that comes
 * after its TASK_FINISHED is left out (the finished line has the time it ran).
 */
function eventPrinter(write) {
  const tasks = new Map();
  const finished = new Set();
  const held = [];
  let planned = false;
  const show = event => {
    if (event.type === 'TASK_STARTED' && finished.has(event.taskId)) return;
    if (event.type === 'TASK_FINISHED') finished.add(event.taskId);
    write(describe(event, tasks));
  };
  const print = event => {
    if (!planned && event.taskId != null) {
      held.push(event);
      return;
    }
    show(event);
    if (event.type === 'PLANNED') {
      planned = true;
      held.splice(0).forEach(show);
    }
  };
  print.end = () => held.splice(0).forEach(show);
  return print;
}

async function follow(id, timeoutSeconds) {
  const response = await call(`/v1/requests/${id}/events`, { headers: { Accept: 'text/event-stream' },
    signal: AbortSignal.timeout(timeoutSeconds * 1000) });
  const print = eventPrinter(line => console.log(`[${new Date().toISOString().slice(11, 23)}] ${line}`));
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const bytes of response.body) {
      buffer += decoder.decode(bytes, { stream: true });
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split('\n').filter(l => l.startsWith('data:')).map(l => l.slice(5).trimStart()).join('\n');
        if (data) print(JSON.parse(data));
      }
    }
  } catch (e) {
    if (e.name !== 'TimeoutError') throw e;
    console.error(`hg: no answer within ${timeoutSeconds} s; the request goes on: ${base}/v1/requests/${id}`);
  } finally {
    print.end();
  }
}

async function main() {
  const options = parse(process.argv.slice(2));
  const resources = [];
  for (const file of options.files) resources.push(await upload(file));
  const body = { messages: [{ role: 'user', content: options.text }], resources };
  if (options.planner) body.options = { planner: options.planner };
  const accepted = await (await call('/v1/requests', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body) })).json();
  console.log(`request ${accepted.id}`);
  await follow(accepted.id, options.timeout);
  const view = await (await call(`/v1/requests/${accepted.id}`)).json();
  if (view.answer) console.log(`\n${view.answer.text}\n`);
  await mkdir(options.out, { recursive: true });
  for (const task of view.tasks || []) {
    for (const file of task.output?.resources || []) {
      const target = join(options.out, file.id);
      await writeFile(target, Buffer.from(await (await call(`/v1/resources/${file.id}`)).arrayBuffer()));
      console.log(`saved ${target} (${file.contentType}, from task ${task.id} ${task.task})`);
    }
  }
  if (view.status === 'FAILED') { console.error(`hg: the request failed: ${view.error}`); process.exit(EXIT.failed); }
  if (view.status !== 'DONE') { process.exit(EXIT.failed); }
  const failed = (view.tasks || []).filter(t => t.status !== 'SUCCEEDED');
  if (failed.length) {
    console.error(`hg: ${failed.length} task(s) did not succeed: ${failed.map(t => `${t.id} ${t.task} ${t.status.toLowerCase()}`).join(', ')}`);
    process.exit(EXIT.taskFailed);
  }
}

main().catch(e => { console.error(`hg: ${e.message}`); process.exit(EXIT.failed); });
