// Checks in headless Chromium that every plot of the executed notebooks really renders.
//
//  1. Each HTML export in --site is opened from file:// with the network off (an offline context
//     that also aborts every non-file request): every plot output of the notebook (outputs with
//     application/vnd.plotly.v1+json or a div.gd-plot in the executed .ipynb) must have become a
//     Plotly root (.js-plotly-plot) with drawn traces and its title (.gtitle).
//  2. JupyterLab from the project's environment serves --notebooks (127.0.0.1, a free port, a fresh
//     token); one executed notebook with plots is opened as CI leaves it (untrusted) and the same
//     is asserted for the plots drawn by the plotly MIME extension, without running any cell.
//  3. With --ijava-kernels, the source of --ijava-notebook is opened in JupyterLab on the original IJava
//     kernel, every cell is run live from the Run menu, and its plots must render as in 2.
//  4. With --exercise-notebook (a planted version made by exercises.py versions: every solution region
//     holds its planted wrong answer), that notebook is run live in JupyterLab on the project's JJava
//     kernel from the Run menu; the run stops at the first exercise's check, whose error output must
//     show ✗ and every feedback word of the solution cell's metadata gd.feedback (a screenshot of the two cells).
// Screenshots go to --out. Uses playwright-core with the system's Chromium; never downloads one.
//
//   node browser_check.mjs --site target/site --notebooks target/notebooks --out target/browser \
//     --chromium /usr/bin/chromium --jupyter .gd/venv/bin/jupyter --node-modules .gd/node/node_modules
//
// Exit code 0 when every plot rendered, 1 otherwise, 2 for a usage error.

import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync',
];
const RENDER_TIMEOUT_MS = 30_000;
const LAB_START_TIMEOUT_MS = 120_000;
const LIVE_RUN_TIMEOUT_MS = 240_000;
const PLOT_MIME = 'application/vnd.plotly.v1+json';

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) usage(`bad argument ${argv[i]}`);
    args[argv[i].slice(2)] = argv[i + 1];
  }
  for (const required of ['site', 'notebooks', 'out', 'chromium', 'node-modules']) {
    if (!args[required]) usage(`--${required} is required`);
  }
  return args;
}

function usage(message) {
  console.error(`browser_check: ${message}`);
  console.error('usage: node browser_check.mjs --site DIR --notebooks DIR --out DIR --chromium PATH '
    + '--node-modules DIR [--jupyter PATH] [--lab-notebook NAME.ipynb] '
    + '[--ijava-kernels DIR --ijava-notebook SOURCE.ipynb --ijava-target TARGET_DIR] '
    + '[--exercise-notebook PLANTED.ipynb --exercise-target TARGET_DIR]');
  process.exit(2);
}

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
const text = (value) => (Array.isArray(value) ? value.join('') : String(value ?? ''));
// Plotly reads a title as its small HTML subset: tags are markup, entities (&#39;, &amp;) are characters.
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decodeEntities = (s) => s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) => {
  if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  return ENTITIES[e.toLowerCase()] ?? m;
});
const stripTags = (s) => decodeEntities(s.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();

/** The plot outputs of an executed notebook: [{cell (1-based), id, titles: [expected or null]}]. */
function expectedPlots(ipynbPath) {
  const nb = JSON.parse(fs.readFileSync(ipynbPath, 'utf8'));
  const cells = [];
  nb.cells.forEach((cell, i) => {
    const titles = [];
    for (const out of cell.outputs ?? []) {
      const data = out.data ?? {};
      const html = text(data['text/html']);
      if (!(PLOT_MIME in data) && !html.includes('gd-plot')) continue;
      let title = null;
      const fig = data[PLOT_MIME];
      const t = fig?.layout?.title;
      if (typeof t === 'string') title = t;
      else if (t && typeof t.text === 'string') title = t.text;
      titles.push(title === null ? null : stripTags(title));
    }
    if (titles.length) cells.push({ cell: i + 1, id: cell.id ?? null, titles });
  });
  const hasMath = nb.cells.some((c) => c.cell_type === 'markdown' && /\$[^$]+\$/.test(text(c.source)));
  return { cells, count: cells.reduce((n, c) => n + c.titles.length, 0), total: nb.cells.length, hasMath };
}

// Runs in the page: the state of every Plotly root inside each requested cell element.
function inspectCells({ cells, mode }) {
  const found = {};
  let cellElements;
  if (mode === 'lab') {
    cellElements = [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell')];
  } else {
    cellElements = [...document.querySelectorAll('.jp-Notebook > .jp-Cell, body > .jp-Cell, main > .jp-Cell')];
    if (!cellElements.length) cellElements = [...document.querySelectorAll('.jp-Cell')];
  }
  for (const c of cells) {
    let el = null;
    if (mode !== 'lab' && c.id) el = document.getElementById(`cell-id=${c.id}`);
    if (!el) el = cellElements[c.cell - 1] ?? null;
    if (!el) { found[c.cell] = null; continue; }
    found[c.cell] = [...el.querySelectorAll('.js-plotly-plot')].map((root) => {
      const traces = [...root.querySelectorAll(
        '.cartesianlayer .trace, .polarlayer .trace, .pielayer .trace, .ternarylayer .trace, .funnelarealayer .trace')];
      const drawnTrace = traces.some((t) => t.querySelector('path[d]:not([d=""]), image, rect, text.textpoint'));
      const drawnOther = !!root.querySelector('.heatmaplayer image, .contourlayer path, .imagelayer image, .gl-container canvas');
      const title = root.querySelector('.gtitle');
      return {
        traces: traces.length,
        drawn: drawnTrace || drawnOther,
        data: Array.isArray(root._fullData) ? root._fullData.length : (root.data ? root.data.length : 0),
        title: title ? title.textContent.replace(/\s+/g, ' ').trim() : null,
      };
    });
  }
  return { found, cellCount: cellElements.length };
}

/** Problems of one page (empty when every expected plot rendered with its title). */
function judge(expected, state, label) {
  const problems = [];
  let rendered = 0;
  for (const c of expected.cells) {
    const roots = state.found[c.cell];
    if (roots === null || roots === undefined) {
      problems.push(`${label}, cell ${c.cell}: the cell is not on the page`);
      continue;
    }
    const good = roots.filter((r) => r.drawn && r.title);
    rendered += Math.min(good.length, c.titles.length);
    if (good.length < c.titles.length) {
      const detail = roots.length === 0 ? 'no Plotly plot was drawn'
        : roots.map((r, k) => `plot ${k + 1}: ${r.data} traces in data, ${r.drawn ? 'drawn' : 'nothing drawn'}, `
          + `${r.title ? `title "${r.title}"` : 'no title'}`).join('; ');
      problems.push(`${label}, cell ${c.cell}: ${good.length} of ${c.titles.length} plots rendered (${detail})`);
      continue;
    }
    for (const title of c.titles) {
      if (title && !good.some((r) => r.title === title)) {
        problems.push(`${label}, cell ${c.cell}: no plot titled "${title}" `
          + `(titles drawn: ${good.map((r) => `"${r.title}"`).join(', ')})`);
      }
    }
  }
  return { problems, rendered };
}

async function waitForPlots(page, expected, mode) {
  const deadline = Date.now() + RENDER_TIMEOUT_MS;
  for (;;) {
    const state = await page.evaluate(inspectCells, { cells: expected.cells, mode });
    const { problems } = judge(expected, state, '');
    if (!problems.length || Date.now() > deadline) return state;
    await page.waitForTimeout(250);
  }
}

async function checkExports(browser, args, names, results) {
  const context = await browser.newContext({ offline: true, viewport: { width: 1280, height: 900 } });
  const blocked = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  const mathjaxCopied = fs.existsSync(path.join(args.site, 'mathjax', 'MathJax.js'));
  for (const name of names) {
    const stem = name.replace(/\.ipynb$/, '');
    const htmlPath = path.resolve(args.site, `${stem}.html`);
    const expected = expectedPlots(path.join(args.notebooks, name));
    const result = { page: `${stem}.html`, notebook: name, plots: expected.count, rendered: 0, problems: [] };
    results.pages.push(result);
    if (!fs.existsSync(htmlPath)) {
      result.problems.push(`${name}: its HTML export ${htmlPath} is missing`);
      continue;
    }
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e.message ?? e)));
    blocked.length = 0;
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
    const state = await waitForPlots(page, expected, 'export');
    const verdict = judge(expected, state, `${name} (HTML export)`);
    result.problems.push(...verdict.problems);
    result.rendered = verdict.rendered;
    if (expected.hasMath && mathjaxCopied) {
      const typeset = await page.waitForFunction(
        () => document.querySelectorAll('.MathJax_CHTML, .MathJax_Display, mjx-container').length,
        null, { timeout: RENDER_TIMEOUT_MS }).then((h) => h.jsonValue()).catch(() => 0);
      result.formulas = typeset;
      if (!typeset) result.problems.push(`${name} (HTML export): no formula was typeset by the local MathJax`);
    }
    if (result.problems.length && errors.length) {
      result.problems.push(`${name}: page errors: ${errors.slice(0, 3).join(' | ')}`);
    }
    result.blocked = [...new Set(blocked)];
    result.pageErrors = errors;
    await page.screenshot({ path: path.join(args.out, `${stem}.png`), fullPage: true });
    await page.close();
    const status = result.problems.length ? 'FAILED' : 'ok    ';
    const blockedNote = result.blocked.length ? `, ${result.blocked.length} external requests blocked` : '';
    const formulas = result.formulas ? `, ${plural(result.formulas, 'formula')}` : '';
    console.log(`  ${status} ${`${stem}.html`.padEnd(40)} ${plural(expected.count, 'plot')}${formulas}${blockedNote}`);
  }
  await context.close();
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
}

async function startLab(args, root, extraEnv = {}) {
  const port = await freePort();
  const token = crypto.randomBytes(24).toString('hex');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-lab-check-'));
  const settings = path.join(home, 'settings');
  // All cells in the DOM (no virtual scrolling), no news or update checks (no network here).
  writeJson(path.join(settings, '@jupyterlab', 'notebook-extension', 'tracker.jupyterlab-settings'),
    { windowingMode: 'none' });
  writeJson(path.join(settings, '@jupyterlab', 'apputils-extension', 'notification.jupyterlab-settings'),
    { checkForUpdates: false, fetchNews: 'false' });
  // The token reaches JupyterLab in a file only this user can read, never on its command line (ps shows that).
  const tokenFile = path.join(home, 'token');
  fs.writeFileSync(tokenFile, token, { mode: 0o600 });
  const env = {
    ...process.env,
    JUPYTER_TOKEN_FILE: tokenFile,
    JUPYTER_CONFIG_DIR: path.join(home, 'config'),
    JUPYTER_DATA_DIR: path.join(home, 'data'),
    JUPYTER_RUNTIME_DIR: path.join(home, 'runtime'),
    JUPYTERLAB_SETTINGS_DIR: settings,
    JUPYTERLAB_WORKSPACES_DIR: path.join(home, 'workspaces'),
    ...extraEnv,
  };
  delete env.JUPYTER_TOKEN; // it would win over the file
  const labArgs = ['lab', '--no-browser', '--ip=127.0.0.1', `--port=${port}`, '--ServerApp.port_retries=0',
    `--ServerApp.root_dir=${root}`];
  if (process.getuid && process.getuid() === 0) labArgs.push('--allow-root');
  const log = fs.openSync(path.join(args.out, 'jupyterlab.log'), 'w');
  const child = spawn(args.jupyter, labArgs, { env, detached: true, stdio: ['ignore', log, log] });
  let exited = null;
  child.on('exit', (code) => { exited = code ?? 'signal'; });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + LAB_START_TIMEOUT_MS;
  for (;;) {
    if (exited !== null) throw new Error(`JupyterLab exited (${exited}); see ${path.join(args.out, 'jupyterlab.log')}`);
    try {
      const response = await fetch(`${base}/api/status`, { headers: { Authorization: `token ${token}` } });
      if (response.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`JupyterLab did not answer within ${LAB_START_TIMEOUT_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const stop = async () => {
    if (exited !== null) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
    for (let i = 0; i < 40 && exited === null; i++) await new Promise((r) => setTimeout(r, 250));
    if (exited === null) { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }
    fs.rmSync(home, { recursive: true, force: true });
  };
  return { base, token, port, stop };
}

async function checkLab(browser, args, name, results) {
  const expected = expectedPlots(path.join(args.notebooks, name));
  const result = { notebook: name, plots: expected.count, rendered: 0, problems: [] };
  results.lab = result;
  const lab = await startLab(args, path.resolve(args.notebooks));
  try {
    const { context, page } = await openLabNotebook(browser, lab, encodeURIComponent(name));
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e.message ?? e)));
    const state = await waitForPlots(page, expected, 'lab');
    result.cellsInDom = state.cellCount;
    const verdict = judge(expected, state, `${name} (JupyterLab)`);
    result.problems.push(...verdict.problems);
    result.rendered = verdict.rendered;
    if (state.cellCount !== expected.total) {
      result.problems.push(`${name} (JupyterLab): ${state.cellCount} cells on the page, the notebook has ${expected.total}`);
    }
    if (result.problems.length && errors.length) {
      result.problems.push(`${name} (JupyterLab): page errors: ${errors.slice(0, 3).join(' | ')}`);
    }
    result.pageErrors = errors;
    const first = page.locator('.jp-NotebookPanel .js-plotly-plot').first();
    if (await first.count()) await first.scrollIntoViewIfNeeded().catch(() => {});
    await page.screenshot({ path: path.join(args.out, `lab-${name.replace(/\.ipynb$/, '')}.png`) });
    await context.close();
  } finally {
    await lab.stop();
  }
  const status = result.problems.length ? 'FAILED' : 'ok    ';
  console.log(`  ${status} ${`JupyterLab: ${name}`.padEnd(40)} ${plural(expected.count, 'plot')} (untrusted, no cell run)`);
}

// A page of JupyterLab that may reach nothing but the lab itself, showing the notebook at urlPath (below /lab/tree/).
async function openLabNotebook(browser, lab, urlPath) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const origin = `http://127.0.0.1:${lab.port}`;
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    return route.abort();
  });
  const page = await context.newPage();
  await page.goto(`${lab.base}/lab/tree/${urlPath}?token=${lab.token}`);
  await page.waitForSelector('.jp-NotebookPanel .jp-Notebook .jp-Cell', { timeout: LAB_START_TIMEOUT_MS });
  return { context, page };
}

// A notebook run live in JupyterLab: a copy of `source` in a scratch folder notebooks/ beside a link to
// `target` (its first cell loads ../target/lib), JupyterLab on that folder with extraEnv, the notebook opened,
// its kernel (the toolbar's name matching `kernel`) waited for, and every cell run from the Run menu.
// Then `inspect(page)` looks at the run; the lab and the folder are removed afterwards.
async function runLiveInLab(browser, args, { source, target, extraEnv = {}, kernel }, inspect) {
  const name = path.basename(source);
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'gd-live-lab-'));
  fs.mkdirSync(path.join(workspace, 'notebooks'));
  fs.copyFileSync(source, path.join(workspace, 'notebooks', name));
  fs.symlinkSync(path.resolve(target), path.join(workspace, 'target'));
  let lab = null;
  try {
    lab = await startLab(args, workspace, extraEnv);
    const { context, page } = await openLabNotebook(browser, lab, `notebooks/${encodeURIComponent(name)}`);
    // The kernel has started when the toolbar names it and its indicator says idle; then run every cell from
    // the Run menu, and again if no cell has started within 30 s (a click the page was not ready for).
    await page.waitForFunction((pattern) => new RegExp(pattern).test(document.querySelector(
      '.jp-NotebookPanel .jp-KernelName')?.textContent ?? ''), kernel.source, { timeout: LAB_START_TIMEOUT_MS })
      .catch(() => {});
    await page.locator('.jp-NotebookPanel .jp-Notebook-ExecutionIndicator[data-status="idle"]').first()
      .waitFor({ timeout: LAB_START_TIMEOUT_MS }).catch(() => {});
    const started = () => page.waitForFunction(() => [...document.querySelectorAll(
      '.jp-NotebookPanel .jp-InputPrompt')].some((p) => /\[(\*|\d+)\]/.test(p.textContent)), null, { timeout: 30_000 })
      .then(() => true, () => false);
    for (let attempt = 0; attempt < 3; attempt++) {
      await page.getByRole('menuitem', { name: 'Run', exact: true }).click();
      await page.getByRole('menuitem', { name: /^Run All Cells/ }).click();
      if (await started()) break;
      await page.keyboard.press('Escape');
    }
    const kernelName = (await page.locator('.jp-NotebookPanel .jp-KernelName').first().textContent()
      .catch(() => null))?.trim() ?? null;
    await inspect(page, kernelName);
    await context.close();
  } finally {
    if (lab) await lab.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

// The first notebook run live in JupyterLab on the original IJava kernel (JUPYTER_PATH where the kernel named
// "java" is IJava), then the plots waited for and a screenshot taken. The plots expected are those of the
// executed notebook in --notebooks.
async function checkIJavaLab(browser, args, results) {
  const name = path.basename(args['ijava-notebook']);
  const expected = expectedPlots(path.join(args.notebooks, name));
  const result = { notebook: name, plots: expected.count, rendered: 0, kernel: null, problems: [] };
  results.ijavaLab = result;
  await runLiveInLab(browser, args, {
    source: args['ijava-notebook'], target: args['ijava-target'],
    extraEnv: { JUPYTER_PATH: path.resolve(args['ijava-kernels']) }, kernel: /IJava/,
  }, async (page, kernelName) => {
    const deadline = Date.now() + LIVE_RUN_TIMEOUT_MS;
    let state;
    for (;;) {
      state = await page.evaluate(inspectCells, { cells: expected.cells, mode: 'lab' });
      if (!judge(expected, state, '').problems.length || Date.now() > deadline) break;
      await page.waitForTimeout(1000);
    }
    result.kernel = kernelName;
    if (!result.kernel || !result.kernel.includes('IJava')) {
      result.problems.push(`${name} (JupyterLab on IJava): the notebook's kernel is "${result.kernel}", expected IJava`);
    }
    const verdict = judge(expected, state, `${name} (JupyterLab on IJava)`);
    result.problems.push(...verdict.problems);
    result.rendered = verdict.rendered;
    const first = page.locator('.jp-NotebookPanel .js-plotly-plot').first();
    if (await first.count()) await first.scrollIntoViewIfNeeded().catch(() => {});
    await page.screenshot({ path: path.join(args.out, `lab-ijava-${name.replace(/\.ipynb$/, '')}.png`) });
  });
  const status = result.problems.length ? 'FAILED' : 'ok    ';
  console.log(`  ${status} ${`JupyterLab on IJava: ${name}`.padEnd(40)} ${plural(expected.count, 'plot')} `
    + `(every cell run live, kernel "${result.kernel}")`);
}

/** The first exercise of a planted notebook: its solution and check cells (0-based), name and feedback words. */
function firstExercise(nb) {
  const grader = (cell) => cell.metadata?.nbgrader ?? {};
  const solution = nb.cells.findIndex((cell) => grader(cell).solution && cell.metadata?.gd);
  if (solution < 0) return null;
  const check = nb.cells.findIndex((cell, i) => i > solution && grader(cell).grade && !grader(cell).solution);
  if (check < 0) return null;
  const call = /Exercise\s*\.\s*\w+\s*\(\s*"((?:[^"\\]|\\.)*)"/.exec(text(nb.cells[check].source));
  const feedback = nb.cells[solution].metadata.gd.feedback;
  return {
    solution, check, name: call ? call[1] : grader(nb.cells[check]).grade_id ?? `cell ${check + 1}`,
    feedback: Array.isArray(feedback) ? feedback.filter((w) => typeof w === 'string' && w) : [],
  };
}

// Runs in the page: the first cell (0-based) whose output shows an exercise's failure (✗), and whether a cell
// still runs ([*]); JupyterLab stops running all cells at the first error.
function failingCell() {
  const cells = [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell')];
  const running = cells.some((c) => /\[\*\]/.test(c.querySelector('.jp-InputPrompt')?.textContent ?? ''));
  for (let i = 0; i < cells.length; i++) {
    const errors = [...cells[i].querySelectorAll(
      '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
      .map((o) => o.textContent).filter((t) => t.includes('✗'));
    if (errors.length) return { index: i, text: errors.join('\n'), running };
  }
  return { index: null, text: null, running };
}

// The planted version of a notebook run live in JupyterLab on the project's JJava kernel (the kernel "java" of
// the environment): the run stops at the first exercise's check, whose error output must show ✗ with every word
// of that exercise's feedback (metadata gd.feedback of its solution cell); a screenshot shows both cells.
async function checkExerciseLab(browser, args, results) {
  const source = args['exercise-notebook'];
  const name = path.basename(source);
  const result = { notebook: name, exercise: null, feedback: [], shown: null, kernel: null, problems: [] };
  results.exerciseLab = result;
  const say = () => {
    const what = result.exercise ? `exercise ${result.exercise.split(/\s+/)[0]}'s feedback` : 'an exercise\'s feedback';
    const status = result.problems.length ? 'FAILED' : 'ok    ';
    console.log(`  ${status} ${`JupyterLab: ${what}`.padEnd(40)} `
      + `${result.problems.length ? 'not shown' : 'shown live'} (${name.replace(/\.ipynb$/, '')}, planted answer`
      + `${result.kernel ? `, kernel "${result.kernel}"` : ''})`);
  };
  if (!fs.existsSync(source)) {
    result.problems.push(`${source} is missing: the planted version of the notebook (exercises.py versions, `
      + 'run by ./gd test before the browser check) was not made, so no exercise\'s feedback was shown in JupyterLab');
    say();
    return;
  }
  const exercise = firstExercise(JSON.parse(fs.readFileSync(source, 'utf8')));
  if (!exercise || !exercise.feedback.length) {
    result.problems.push(`${name}: no exercise with a planted answer and feedback words (metadata gd) to show`);
    say();
    return;
  }
  result.exercise = exercise.name;
  result.feedback = exercise.feedback;
  await runLiveInLab(browser, args, {
    source, target: args['exercise-target'], kernel: /Java/,
  }, async (page, kernelName) => {
    result.kernel = kernelName;
    const t0 = Date.now();
    let state = { index: null, text: null, running: true };
    let idleSince = null;
    // Until a ✗ shows, or nothing has run for 20 s (the run stopped at another cell), or the time is up.
    while (Date.now() - t0 < LIVE_RUN_TIMEOUT_MS) {
      state = await page.evaluate(failingCell);
      if (state.index !== null) break;
      idleSince = state.running ? null : (idleSince ?? Date.now());
      if (idleSince && Date.now() - idleSince > 20_000) break;
      await page.waitForTimeout(1000);
    }
    result.seconds = Math.round((Date.now() - t0) / 1000);
    result.shown = state.text ? state.text.replace(/\s+/g, ' ').trim().slice(0, 400) : null;
    const label = `${name} (JupyterLab, exercise "${exercise.name}")`;
    if (!kernelName || !/Java/.test(kernelName) || /IJava/.test(kernelName)) {
      result.problems.push(`${label}: the notebook's kernel is "${kernelName}", expected the course's JJava kernel "java"`);
    }
    if (state.index === null) {
      result.problems.push(`${label}: no cell showed an exercise's failure (✗) within `
        + `${Math.round((Date.now() - t0) / 1000)} s of running all cells`);
    } else if (state.index !== exercise.check) {
      result.problems.push(`${label}: the first ✗ is in cell ${state.index + 1}, its check is cell ${exercise.check + 1}`);
    } else {
      const missing = exercise.feedback.filter((w) => !state.text.toLowerCase().includes(w.toLowerCase()));
      if (missing.length) {
        result.problems.push(`${label}: the check's output lacks the feedback ${missing.map((w) => `"${w}"`).join(', ')} `
          + `(it shows: ${result.shown})`);
      }
    }
    // The solution cell at the top of the view, then a picture from it to the end of the check's output.
    const cells = page.locator('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell');
    const solution = cells.nth(exercise.solution);
    const check = cells.nth(state.index ?? exercise.check);
    await solution.evaluate((el) => el.scrollIntoView({ block: 'start' })).catch(() => {});
    await page.waitForTimeout(500);
    const top = await solution.boundingBox().catch(() => null);
    const bottom = await check.boundingBox().catch(() => null);
    const file = path.join(args.out, 'lab-exercise-feedback.png');
    const viewport = page.viewportSize();
    const panel = await page.locator('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook').first().boundingBox()
      .catch(() => null) ?? { x: 0, width: viewport.width };
    if (top && bottom && bottom.y + bottom.height > top.y) {
      const y = Math.max(0, top.y - 8);
      await page.screenshot({ path: file, clip: { x: panel.x, y, width: Math.min(panel.width, viewport.width - panel.x),
        height: Math.min(bottom.y + bottom.height + 8, viewport.height) - y } });
    } else {
      await page.screenshot({ path: file });
    }
  });
  say();
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const require = createRequire(path.join(path.resolve(args['node-modules']), 'gd-resolve.js'));
  const { chromium } = require('playwright-core');
  fs.rmSync(args.out, { recursive: true, force: true });
  fs.mkdirSync(args.out, { recursive: true });

  const names = fs.existsSync(args.notebooks)
    ? fs.readdirSync(args.notebooks).filter((n) => n.endsWith('.ipynb')).sort() : [];
  const results = { pages: [], lab: null, ok: false, plots: 0, rendered: 0 };
  const resultsFile = path.join(args.out, 'results.json');
  if (!names.length) {
    console.log('Browser check: no executed notebooks, nothing to check.');
    results.ok = true;
    writeJson(resultsFile, results);
    return 0;
  }
  console.log(`Browser check (Chromium ${args.chromium}, network off for the exports):`);
  const browser = await chromium.launch({ executablePath: args.chromium, args: CHROMIUM_ARGS, headless: true });
  const problems = [];
  try {
    await checkExports(browser, args, names, results);
    const withPlots = names.filter((n) => expectedPlots(path.join(args.notebooks, n)).count > 0);
    // JupyterLab draws untrusted plots from the plotly MIME type: prefer a notebook that has it.
    const withMime = withPlots.filter((n) => fs.readFileSync(path.join(args.notebooks, n), 'utf8').includes(PLOT_MIME));
    const labName = args['lab-notebook'] ?? withMime[0] ?? withPlots[0];
    if (!withPlots.length) {
      problems.push('no notebook has a plot output (application/vnd.plotly.v1+json or div.gd-plot): '
        + 'the plot renderer produced nothing');
    } else if (!args.jupyter) {
      console.log('  JupyterLab check skipped: no --jupyter given');
    } else {
      await checkLab(browser, args, labName, results);
      if (args['ijava-kernels']) await checkIJavaLab(browser, args, results);
      if (args['exercise-notebook']) await checkExerciseLab(browser, args, results);
    }
  } finally {
    await browser.close();
  }
  for (const p of results.pages) problems.push(...p.problems);
  if (results.lab) problems.push(...results.lab.problems);
  if (results.ijavaLab) problems.push(...results.ijavaLab.problems);
  if (results.exerciseLab) problems.push(...results.exerciseLab.problems);
  results.plots = results.pages.reduce((n, p) => n + p.plots, 0) + (results.lab?.plots ?? 0)
    + (results.ijavaLab?.plots ?? 0);
  results.rendered = results.pages.reduce((n, p) => n + p.rendered, 0) + (results.lab?.rendered ?? 0)
    + (results.ijavaLab?.rendered ?? 0);
  results.problems = problems;
  results.ok = problems.length === 0;
  writeJson(resultsFile, results);
  if (problems.length) {
    console.log(`Browser check FAILED (screenshots in ${args.out}):`);
    for (const p of problems) console.log(`  ${p}`);
    return 1;
  }
  console.log(`Browser check passed: ${results.rendered} plots rendered (screenshots in ${args.out}).`);
  return 0;
}

main().then((code) => process.exit(code), (error) => {
  console.error(`Browser check FAILED: ${error.stack ?? error}`);
  process.exit(1);
});
